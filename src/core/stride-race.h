/* stride-race.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Race-time prediction of RISK-RULES.md §1, pure functions over numbers:
 * Riegel's formula and Daniels & Gilbert's VDOT, forwards (VDOT from a
 * result) and backwards (the time a VDOT predicts for a distance).
 * Distances are metres, times seconds; the VDOT equations themselves work
 * in metres per minute and minutes, as published. */

#define STRIDE_RACE_ERROR (stride_race_error_quark ())

typedef enum
{
  STRIDE_RACE_ERROR_INVALID,       /* a distance, time or VDOT ≤ 0 or not finite */
  STRIDE_RACE_ERROR_OUT_OF_RANGE,  /* no time solves the VDOT equation */
  STRIDE_RACE_ERROR_NO_RESULTS,    /* no result in the window */
} StrideRaceError;

#define STRIDE_RIEGEL_EXPONENT 1.06
/* Riegel is valid roughly from 1.5 km to the marathon. */
#define STRIDE_RIEGEL_MIN_M    1500.0
#define STRIDE_RIEGEL_MAX_M    42195.0

GQuark    stride_race_error_quark        (void);

/* T2 = T1 × (D2 / D1)^1.06. *in_range (may be NULL) is FALSE when either
 * distance lies outside 1.5 km – marathon: show a note with the time. */
gboolean  stride_riegel_predict          (double     known_m,
                                          double     known_s,
                                          double     target_m,
                                          double    *target_s,
                                          gboolean  *in_range,
                                          GError   **error);

/* The two halves of the VDOT formula: oxygen cost of running at
 * @v_m_per_min (ml/kg/min), and the fraction of VO2max that can be held
 * for @t_min minutes. No checks: callers pass finite positive numbers. */
double    stride_vdot_oxygen_cost        (double     v_m_per_min);
double    stride_vdot_fraction_max       (double     t_min);
/* The speed (m/min) whose oxygen cost is @vo2: the positive root of the
 * quadratic; NAN when @vo2 is not finite or gives no positive speed. The
 * planner turns "88 % of VDOT" into a pace with it. */
double    stride_vdot_speed_for_oxygen   (double     vo2);

/* VDOT of a race of @distance_m in @time_s (5 km in 24:34 ≈ 39.1). */
gboolean  stride_vdot_from_race          (double     distance_m,
                                          double     time_s,
                                          double    *vdot,
                                          GError   **error);

/* The time in which a runner of @vdot covers @distance_m: solves
 * oxygen_cost (d / t) / fraction_max (t) = VDOT by bisection over t from
 * d / (1000 m/min) to d / (50 m/min), at most 200 halvings, to 1 ms.
 * STRIDE_RACE_ERROR_OUT_OF_RANGE when the VDOT is not reached inside that
 * bracket (a VDOT of 3, say). */
gboolean  stride_vdot_predict_time       (double     vdot,
                                          double     distance_m,
                                          double    *time_s,
                                          GError   **error);

/* A recent race or best effort. */
typedef struct
{
  double  distance_m;
  double  time_s;
  guint32 date;                    /* Julian day */
} StrideRaceResult;

typedef struct
{
  double   vdot;                   /* the best VDOT in the window */
  guint    vdot_index;             /* the result it came from */
  double   vdot_time_s;            /* the time that VDOT predicts */
  guint    riegel_index;           /* the result nearest in distance */
  double   riegel_time_s;
  gboolean riegel_in_range;        /* see stride_riegel_predict() */
} StrideRacePrediction;

/* Predicts @target_m from @results (any order): the best VDOT among the
 * results dated from @today − @window_days + 1 to @today, and Riegel from
 * the result of that window nearest in distance — nearest by ratio
 * (|log(d / target)|), since a 10 km is closer to a half than a 5 km is,
 * ties going to the more recent result, then to the faster. Every result
 * must be valid (else STRIDE_RACE_ERROR_INVALID naming its position);
 * STRIDE_RACE_ERROR_NO_RESULTS when none falls in the window. */
gboolean  stride_race_predict_from_results (const StrideRaceResult *results,
                                            guint                   n_results,
                                            guint32                 today,
                                            guint                   window_days,
                                            double                  target_m,
                                            StrideRacePrediction   *prediction,
                                            GError                **error);

G_END_DECLS
