/* stride-balance.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "stride-metrics.h"
#include "stride-types.h"

G_BEGIN_DECLS

/* Strength balance over time (RISK-RULES.md §2): pairs a journal's
 * measurements into hamstring:quadriceps ratios per leg and into left/right
 * symmetry per test, and applies the noise rule: a single test never
 * raises an IMBALANCE on its own. Pure functions over plain records.
 *
 * Measurements pair when they share the date, the method and (for H:Q)
 * the side. Tests of different methods are never mixed in one series.
 * Values that make no sense (<= 0, not finite, units that do not convert)
 * are skipped, never turned into NaN or a division by zero. */

/* Test-id prefix of side values derived from strength sets:
 * "exercise:<exercise key>", method STRIDE_METHOD_E1RM, unit "kg". */
#define STRIDE_BALANCE_EXERCISE_PREFIX "exercise:"

/* "Left leg", "Right leg", "Both legs" (translated): how a leg is named
 * wherever a balance is shown. */
const char  *stride_balance_leg_label         (StrideSide  leg);

/* Noise of a method in percent: a change from the previous test larger
 * than this is a real change, not test-to-test noise. Defaults in
 * stride-balance.c (isokinetic 10, hand-held dynamometer 15, 1RM and
 * e1RM 10, field tests such as hops 20 — RISK-RULES.md quotes 14–23 %
 * for some jump tests). Unknown methods: 20. */
double       stride_balance_method_noise      (const char *method);

/* One H:Q ratio: a hamstring and a quadriceps test of the same day,
 * method and leg. */
typedef struct
{
  guint32             date;          /* Julian day */
  char               *method;        /* STRIDE_METHOD_* of the hamstring test */
  StrideSide          leg;           /* LEFT, RIGHT, or BOTH for two-leg tests */
  gboolean            mixed;         /* eccentric H (30°/s) / concentric Q (240°/s) */
  double              ratio;
  StrideBalanceState  state;         /* this test alone: band, or 1RM vs baseline */
} StrideHqPoint;

void         stride_hq_point_clear            (StrideHqPoint *point);

/* Every H:Q ratio in @measurements (any order), ordered by date, then
 * leg (left, right, both), then method. Conventional ratios pair
 * STRIDE_TEST_KNEE_FLEXION with STRIDE_TEST_KNEE_EXTENSION (same method);
 * mixed ratios pair STRIDE_TEST_KNEE_FLEXION_ECC at isokinetic-30 with
 * STRIDE_TEST_KNEE_EXTENSION at isokinetic-240. 1RM tests
 * (STRIDE_TEST_LEG_CURL_1RM / _LEG_EXTENSION_1RM, method 1rm) pair too;
 * their single-test state compares with the first 1RM ratio of that leg
 * (the baseline): a drop of more than 10 % is WATCH, else OK. Returns a
 * GArray of StrideHqPoint with a clear func. */
GArray      *stride_balance_hq_series         (const StrideMeasurement *measurements,
                                               guint                    n_measurements);

/* The latest state of one line (one leg, one method, conventional or
 * mixed) of an H:Q or LSI series, with the noise rule applied. */
typedef struct
{
  char               *key;           /* test id (LSI) or method (H:Q) */
  char               *method;
  StrideSide          leg;           /* H:Q: the leg; LSI: the weaker side of the latest test */
  gboolean            mixed;         /* H:Q only */
  guint               n_tests;
  guint32             latest_date;
  double              latest;        /* ratio, or LSI in % */
  double              previous;      /* NAN when there is one test */
  double              baseline;      /* the first test of the line */
  /* Noise-aware: IMBALANCE only when the latest two tests of the line are
   * both in the imbalance range, or the latest is and it changed by more
   * than the method's noise since the previous one; a lone test in the
   * imbalance range is WATCH. NOT_ENOUGH_DATA without a band (1RM with one
   * test) or without tests. */
  StrideBalanceState  state;
} StrideBalanceSummary;

void         stride_balance_summary_clear     (StrideBalanceSummary *summary);

/* One summary per line of @series (a stride_balance_hq_series() result),
 * ordered by leg, then method, mixed after conventional. For 1RM lines the
 * imbalance range is "more than 10 % below the baseline". */
GArray      *stride_balance_hq_summaries      (GArray *series);

/* One left/right comparison: a left and a right value of the same test,
 * method and day (converted to one unit; kg and lb mix). */
typedef struct
{
  guint32             date;
  char               *test;          /* STRIDE_TEST_* or "exercise:<key>" */
  char               *method;
  char               *unit;          /* the left value's unit */
  double              left;
  double              right;         /* in the left value's unit */
  double              lsi;           /* %, stride_lsi() */
  StrideSide          weaker;        /* BOTH when equal */
  StrideBalanceState  state;         /* this test alone: stride_lsi_state() */
} StrideLsiPoint;

void         stride_lsi_point_clear           (StrideLsiPoint *point);

/* Every left/right pair in @measurements (any order), by date, then test,
 * then method. A day with only one side, or values that do not convert,
 * gives no point. GArray of StrideLsiPoint with a clear func. */
GArray      *stride_balance_lsi_series        (const StrideMeasurement *measurements,
                                               guint                    n_measurements);

/* One summary per (test, method) line of @series, ordered by test then
 * method. Noise rule as above, the imbalance range being LSI below
 * STRIDE_LSI_FLAG_BELOW (85 %), WATCH from 85 to 90 %. */
GArray      *stride_balance_lsi_summaries     (GArray *series);

/* Hip adductor : abductor strength per leg (RISK-RULES.md §2, Tyler et
 * al. 2001 — ice hockey): STRIDE_TEST_HIP_ADDUCTION / STRIDE_TEST_HIP_ABDUCTION
 * of the same day, method and side. A single test's state is IMBALANCE
 * below STRIDE_HIP_ADD_ABD_FLAG_BELOW, else OK (no watch band). Points
 * are StrideHqPoint records (mixed FALSE, ratio = adduction / abduction),
 * ordered like stride_balance_hq_series(). Summaries apply the noise rule
 * as for H:Q (a lone test below the flag is WATCH). */
#define STRIDE_HIP_ADD_ABD_FLAG_BELOW 0.80

GArray      *stride_balance_hip_series        (const StrideMeasurement *measurements,
                                               guint                    n_measurements);
GArray      *stride_balance_hip_summaries     (GArray *series);

/* Side values from the strength sets of one session on @date: for each
 * exercise done with sets on the left and on the right, the best e1RM
 * (stride_e1rm()) per side, as two StrideMeasurement records with test
 * STRIDE_BALANCE_EXERCISE_PREFIX + key, method STRIDE_METHOD_E1RM and
 * unit "kg", appended to @out (a GArray of StrideMeasurement). Body-weight
 * sets (load 0) and sets over 10 reps give no e1RM and are skipped.
 * @exercise_keys[i] is the key of @sets[i].exercise_id. */
void         stride_balance_side_values_from_sets (const StrideStrengthSet *sets,
                                                   const char *const       *exercise_keys,
                                                   guint                    n_sets,
                                                   guint32                  date,
                                                   GArray                  *out);

G_END_DECLS
