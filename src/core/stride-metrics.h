/* stride-metrics.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "stride-types.h"

G_BEGIN_DECLS

/* Training metrics of RISK-RULES.md §2–3, pure functions over numbers. */

#define STRIDE_METRICS_ERROR (stride_metrics_error_quark ())

typedef enum
{
  STRIDE_METRICS_ERROR_INVALID_VALUE,  /* <= 0, not a number or infinite */
  STRIDE_METRICS_ERROR_MIXED_UNITS,    /* two known units that do not convert */
  STRIDE_METRICS_ERROR_UNKNOWN_UNIT,   /* not one of the measurement units */
} StrideMetricsError;

/* A balance shown as one test. NOT_ENOUGH_DATA is an honest answer (no
 * reference band, a value that makes no sense), never a silent OK. */
typedef enum
{
  STRIDE_BALANCE_NOT_ENOUGH_DATA,
  STRIDE_BALANCE_OK,
  STRIDE_BALANCE_WATCH,
  STRIDE_BALANCE_IMBALANCE
} StrideBalanceState;

/* Default thresholds (RISK-RULES.md §2). */
#define STRIDE_HQ_MIXED_FLAG_BELOW  0.80    /* eccentric H / concentric Q */
#define STRIDE_LSI_TARGET           90.0    /* %, at or above: OK */
#define STRIDE_LSI_FLAG_BELOW       85.0    /* %, below: imbalance */

GQuark       stride_metrics_error_quark   (void);

/* Session load (sRPE) = RPE (CR-10) × minutes (Foster 2001). A run
 * without RPE (rpe 0) falls back to a default RPE by run type (a strength
 * session without RPE to a moderate default) and sets *estimated (may be
 * NULL). An rpe outside 1–10 counts as none. Returns 0 (and *estimated
 * FALSE) for a duration <= 0 or not finite. Defaults: stride-metrics.c. */
double       stride_session_load          (StrideSport     sport,
                                           StrideRunType   run_type,
                                           gint            rpe,
                                           double          duration_s,
                                           gboolean       *estimated);

/* Estimated one-repetition maximum from a set of @reps at @load_kg.
 * Epley: w × (1 + reps / 30); Brzycki: w × 36 / (37 − reps). Both give
 * the load itself for 1 rep, and NAN ("not estimated") for reps < 1 or
 * > 10, or a load < 0 or not finite. A load of 0 (body weight) gives 0.
 * stride_e1rm() is the mean of the two (see stride-metrics.c). */
double       stride_e1rm_epley            (double          load_kg,
                                           gint            reps);
double       stride_e1rm_brzycki          (double          load_kg,
                                           gint            reps);
double       stride_e1rm                  (double          load_kg,
                                           gint            reps);

/* Measurement units: "N·m", "N", "kg", "lb", "cm", "reps" (exact, as in
 * StrideMeasurement.unit). Conversion succeeds between equal units and
 * between kg and lb; FALSE (and *out left alone) otherwise. */
gboolean     stride_measurement_unit_is_known (const char  *unit);
gboolean     stride_measurement_convert   (double          value,
                                           const char     *from_unit,
                                           const char     *to_unit,
                                           double         *out);

/* Conventional H:Q ratio = hamstring / quadriceps (concentric, same
 * angular speed). A value in lb is converted to kg when the other is in
 * kg. On error *ratio is left alone. */
gboolean     stride_hq_ratio              (double          hamstring,
                                           const char     *hamstring_unit,
                                           double          quadriceps,
                                           const char     *quadriceps_unit,
                                           double         *ratio,
                                           GError        **error);
/* Reference band of a method id (STRIDE_METHOD_*). FALSE for a method
 * without an absolute band (1RM: compare with the user's own baseline),
 * an unknown one or NULL; then the outputs are left alone. Both outputs
 * may be NULL. */
gboolean     stride_hq_band               (const char     *method,
                                           double         *target,
                                           double         *flag_below);
/* ≥ target OK, from flag_below up to target WATCH, below flag_below
 * IMBALANCE; NOT_ENOUGH_DATA without a band or for a ratio <= 0 / not
 * finite. */
StrideBalanceState stride_hq_state        (double          ratio,
                                           const char     *method);

/* Mixed (functional) ratio = hamstring eccentric at 30°/s / quadriceps
 * concentric at 240°/s, errors as stride_hq_ratio(). Its state is OK at or
 * above STRIDE_HQ_MIXED_FLAG_BELOW and IMBALANCE below (no watch band). */
gboolean     stride_hq_mixed_ratio        (double          hamstring_eccentric,
                                           const char     *hamstring_unit,
                                           double          quadriceps_concentric,
                                           const char     *quadriceps_unit,
                                           double         *ratio,
                                           GError        **error);
StrideBalanceState stride_hq_mixed_state  (double          ratio);

/* Limb symmetry index = weaker / stronger × 100 %. *weaker (may be NULL)
 * is the weaker side, STRIDE_SIDE_BOTH when equal. On error the outputs
 * are left alone. */
gboolean     stride_lsi                   (double          left,
                                           double          right,
                                           double         *lsi_percent,
                                           StrideSide     *weaker,
                                           GError        **error);
/* ≥ 90 % OK, 85–90 % WATCH, < 85 % IMBALANCE, NOT_ENOUGH_DATA for a value
 * <= 0, above 100 or not finite. One test only: the "twice in a row" rule
 * belongs to the weekly checklist. */
StrideBalanceState stride_lsi_state       (double          lsi_percent);

/* Strength volume (Σ reps × load_kg) per side of @n_sets sets. Body-weight
 * sets (load 0) add 0. Each output may be NULL. */
void         stride_strength_volume       (const StrideStrengthSet *sets,
                                           guint                    n_sets,
                                           double                  *left_kg,
                                           double                  *right_kg,
                                           double                  *both_kg);

G_END_DECLS
