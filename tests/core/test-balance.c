/* test-balance.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-balance"

#include "config.h"

#include <math.h>

#include "stride-balance.h"

#define NM "N\u00b7m"

/* Test records borrow string literals: they are never cleared. */
#define M(d, t, me, s, v, u) \
  { .date = (d), .test = (char *) (t), .method = (char *) (me), \
    .side = (s), .value = (v), .unit = (char *) (u) }

#define LEFT  STRIDE_SIDE_LEFT
#define RIGHT STRIDE_SIDE_RIGHT
#define BOTH  STRIDE_SIDE_BOTH

#define FLEX    STRIDE_TEST_KNEE_FLEXION
#define EXT     STRIDE_TEST_KNEE_EXTENSION
#define ECC     STRIDE_TEST_KNEE_FLEXION_ECC
#define CURL    STRIDE_TEST_LEG_CURL_1RM
#define LEGEXT  STRIDE_TEST_LEG_EXTENSION_1RM

#define ISO30   STRIDE_METHOD_ISOKINETIC_30
#define ISO60   STRIDE_METHOD_ISOKINETIC_60
#define ISO180  STRIDE_METHOD_ISOKINETIC_180
#define ISO240  STRIDE_METHOD_ISOKINETIC_240
#define ISO300  STRIDE_METHOD_ISOKINETIC_300
#define DYN     STRIDE_METHOD_DYNAMOMETER
#define RM      STRIDE_METHOD_1RM

#define hq_at(array, i) (&g_array_index ((array), StrideHqPoint, (i)))
#define lsi_at(array, i) (&g_array_index ((array), StrideLsiPoint, (i)))
#define summary_at(array, i) (&g_array_index ((array), StrideBalanceSummary, (i)))
#define measurement_at(array, i) (&g_array_index ((array), StrideMeasurement, (i)))

static void
assert_hq_point (const StrideHqPoint *point,
                 guint32              date,
                 const char          *method,
                 StrideSide           leg,
                 gboolean             mixed,
                 double               ratio,
                 StrideBalanceState   state)
{
  g_assert_cmpuint (point->date, ==, date);
  g_assert_cmpstr (point->method, ==, method);
  g_assert_cmpint (point->leg, ==, leg);
  g_assert_cmpint (point->mixed, ==, mixed);
  g_assert_cmpfloat_with_epsilon (point->ratio, ratio, 1e-9);
  g_assert_cmpint (point->state, ==, state);
}

/* Method noise */

static void
test_method_noise (void)
{
  g_assert_cmpfloat (stride_balance_method_noise (ISO30), ==, 10);
  g_assert_cmpfloat (stride_balance_method_noise (ISO60), ==, 10);
  g_assert_cmpfloat (stride_balance_method_noise (ISO180), ==, 10);
  g_assert_cmpfloat (stride_balance_method_noise (ISO240), ==, 10);
  g_assert_cmpfloat (stride_balance_method_noise (ISO300), ==, 10);
  g_assert_cmpfloat (stride_balance_method_noise (DYN), ==, 15);
  g_assert_cmpfloat (stride_balance_method_noise (RM), ==, 10);
  g_assert_cmpfloat (stride_balance_method_noise (STRIDE_METHOD_E1RM), ==, 10);
  g_assert_cmpfloat (stride_balance_method_noise (STRIDE_METHOD_FIELD), ==, 20);
  g_assert_cmpfloat (stride_balance_method_noise ("tape-measure"), ==, 20);
  g_assert_cmpfloat (stride_balance_method_noise (NULL), ==, 20);
}

/* H:Q series */

/* By hand: left 90 / 150 = 0.60 at 60°/s (band 0.61 / 0.47: WATCH),
 * right 60 / 150 = 0.40 (IMBALANCE); dynamometer left 60 / 100 = 0.60
 * (target 0.60: OK), two-leg 120 / 200 = 0.60 (OK), and on an earlier day
 * left 47 / 100 = 0.47 (the flag value itself: WATCH). A left flexion
 * with only a two-leg extension pairs with nothing. Input out of order. */
static void
test_hq_conventional (void)
{
  const StrideMeasurement m[] = {
    M (100, EXT,  ISO60, RIGHT, 150, NM),
    M (100, FLEX, DYN,   BOTH,  120, "N"),
    M (100, FLEX, ISO60, LEFT,   90, NM),
    M (100, EXT,  DYN,   BOTH,  200, "N"),
    M (100, FLEX, ISO60, RIGHT,  60, NM),
    M (100, EXT,  ISO60, LEFT,  150, NM),
    M (100, FLEX, DYN,   LEFT,   60, "N"),
    M (100, EXT,  DYN,   LEFT,  100, "N"),
    M ( 90, EXT,  DYN,   LEFT,  100, "N"),
    M ( 90, FLEX, DYN,   LEFT,   47, "N"),
    M ( 95, FLEX, DYN,   LEFT,   50, "N"),
    M ( 95, EXT,  DYN,   BOTH,  100, "N"),
  };
  g_autoptr(GArray) series = stride_balance_hq_series (m, G_N_ELEMENTS (m));

  g_assert_cmpuint (series->len, ==, 5);
  if (series->len != 5)
    return;

  assert_hq_point (hq_at (series, 0), 90, DYN, LEFT, FALSE, 0.47, STRIDE_BALANCE_WATCH);
  assert_hq_point (hq_at (series, 1), 100, DYN, LEFT, FALSE, 0.60, STRIDE_BALANCE_OK);
  assert_hq_point (hq_at (series, 2), 100, ISO60, LEFT, FALSE, 0.60, STRIDE_BALANCE_WATCH);
  assert_hq_point (hq_at (series, 3), 100, ISO60, RIGHT, FALSE, 0.40, STRIDE_BALANCE_IMBALANCE);
  assert_hq_point (hq_at (series, 4), 100, DYN, BOTH, FALSE, 0.60, STRIDE_BALANCE_OK);
}

typedef struct
{
  const char         *method;
  double              hamstring;     /* over a quadriceps value of 100 */
  StrideBalanceState  state;
} BandCase;

/* Each band at, just under and just over its target and its flag. */
static void
test_hq_bands (void)
{
  const BandCase cases[] = {
    { ISO60, 62, STRIDE_BALANCE_OK },
    { ISO60, 61, STRIDE_BALANCE_OK },
    { ISO60, 60, STRIDE_BALANCE_WATCH },
    { ISO60, 48, STRIDE_BALANCE_WATCH },
    { ISO60, 47, STRIDE_BALANCE_WATCH },
    { ISO60, 46, STRIDE_BALANCE_IMBALANCE },
    { ISO180, 73, STRIDE_BALANCE_OK },
    { ISO180, 72, STRIDE_BALANCE_OK },
    { ISO180, 71, STRIDE_BALANCE_WATCH },
    { ISO180, 56, STRIDE_BALANCE_WATCH },
    { ISO180, 55, STRIDE_BALANCE_WATCH },
    { ISO180, 54, STRIDE_BALANCE_IMBALANCE },
    { ISO300, 79, STRIDE_BALANCE_OK },
    { ISO300, 78, STRIDE_BALANCE_OK },
    { ISO300, 77, STRIDE_BALANCE_WATCH },
    { ISO300, 61, STRIDE_BALANCE_WATCH },
    { ISO300, 60, STRIDE_BALANCE_WATCH },
    { ISO300, 59, STRIDE_BALANCE_IMBALANCE },
    { DYN, 61, STRIDE_BALANCE_OK },
    { DYN, 60, STRIDE_BALANCE_OK },
    { DYN, 59, STRIDE_BALANCE_WATCH },
    { DYN, 47, STRIDE_BALANCE_WATCH },
    { DYN, 46, STRIDE_BALANCE_IMBALANCE },
    /* No band: 30°/s and 240°/s conventional ratios are shown, not judged. */
    { ISO30, 58, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    { ISO240, 74, STRIDE_BALANCE_NOT_ENOUGH_DATA },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *unit = g_str_equal (cases[i].method, DYN) ? "N" : NM;
      const StrideMeasurement m[] = {
        M (1000, FLEX, cases[i].method, RIGHT, cases[i].hamstring, unit),
        M (1000, EXT,  cases[i].method, RIGHT, 100, unit),
      };
      g_autoptr(GArray) series = stride_balance_hq_series (m, 2);

      g_test_message ("%s %.0f / 100", cases[i].method, cases[i].hamstring);
      g_assert_cmpuint (series->len, ==, 1);
      if (series->len == 1)
        assert_hq_point (hq_at (series, 0), 1000, cases[i].method, RIGHT, FALSE,
                         cases[i].hamstring / 100, cases[i].state);
    }
}

/* Mixed: left eccentric 160 / concentric 240°/s 200 = 0.80 (the flag
 * value: OK), right 150 / 200 = 0.75 (IMBALANCE). The conventional 30°/s
 * ratio of the same day (116 / 200 = 0.58) is a separate, unjudged point.
 * An eccentric test at 60°/s, an extension at 240°/s of another day or of
 * the other leg only, pair with nothing. */
static void
test_hq_mixed (void)
{
  const StrideMeasurement m[] = {
    M (50, ECC,  ISO30,  LEFT,  160, NM),
    M (50, EXT,  ISO240, LEFT,  200, NM),
    M (50, ECC,  ISO30,  RIGHT, 150, NM),
    M (50, EXT,  ISO240, RIGHT, 200, NM),
    M (50, FLEX, ISO30,  LEFT,  116, NM),
    M (50, EXT,  ISO30,  LEFT,  200, NM),
    M (51, ECC,  ISO60,  LEFT,  170, NM),
    M (51, EXT,  ISO240, LEFT,  200, NM),
    M (52, ECC,  ISO30,  LEFT,  170, NM),
    M (53, EXT,  ISO240, LEFT,  200, NM),
    M (54, ECC,  ISO30,  LEFT,  170, NM),
    M (54, EXT,  ISO240, RIGHT, 200, NM),
  };
  g_autoptr(GArray) series = stride_balance_hq_series (m, G_N_ELEMENTS (m));

  g_assert_cmpuint (series->len, ==, 3);
  if (series->len != 3)
    return;

  assert_hq_point (hq_at (series, 0), 50, ISO30, LEFT, FALSE, 0.58, STRIDE_BALANCE_NOT_ENOUGH_DATA);
  assert_hq_point (hq_at (series, 1), 50, ISO30, LEFT, TRUE, 0.80, STRIDE_BALANCE_OK);
  assert_hq_point (hq_at (series, 2), 50, ISO30, RIGHT, TRUE, 0.75, STRIDE_BALANCE_IMBALANCE);
}

/* Left 1RM: 50 / 100 = 0.50 is the baseline (OK); 45 / 100 = 0.45 is
 * exactly 10 % below it (OK: only *more* than 10 % is WATCH); 44.75 / 100
 * = 0.4475 is 10.5 % below (WATCH); 110.231 lb / 100 kg = 0.49999... (OK).
 * The right leg has its own baseline: 0.40 (OK although 20 % below the
 * left one), then 0.35, 12.5 % below (WATCH). A leg curl recorded as e1rm
 * and a knee flexion "by 1rm" give no 1RM point. */
static void
test_hq_1rm_baseline (void)
{
  const StrideMeasurement m[] = {
    M (10, CURL,   RM, LEFT,  50, "kg"),
    M (10, LEGEXT, RM, LEFT, 100, "kg"),
    M (20, CURL,   RM, LEFT,  45, "kg"),
    M (20, LEGEXT, RM, LEFT, 100, "kg"),
    M (20, CURL,   RM, RIGHT, 40, "kg"),
    M (20, LEGEXT, RM, RIGHT, 100, "kg"),
    M (30, CURL,   RM, LEFT,  44.75, "kg"),
    M (30, LEGEXT, RM, LEFT, 100, "kg"),
    M (30, CURL,   RM, RIGHT, 35, "kg"),
    M (30, LEGEXT, RM, RIGHT, 100, "kg"),
    M (40, CURL,   RM, LEFT, 110.231, "lb"),
    M (40, LEGEXT, RM, LEFT, 100, "kg"),
    M (50, CURL,   STRIDE_METHOD_E1RM, LEFT, 30, "kg"),
    M (50, LEGEXT, STRIDE_METHOD_E1RM, LEFT, 100, "kg"),
    M (50, FLEX,   RM, LEFT, 30, "kg"),
    M (50, EXT,    RM, LEFT, 100, "kg"),
  };
  g_autoptr(GArray) series = stride_balance_hq_series (m, G_N_ELEMENTS (m));

  g_assert_cmpuint (series->len, ==, 6);
  if (series->len != 6)
    return;

  assert_hq_point (hq_at (series, 0), 10, RM, LEFT, FALSE, 0.50, STRIDE_BALANCE_OK);
  assert_hq_point (hq_at (series, 1), 20, RM, LEFT, FALSE, 0.45, STRIDE_BALANCE_OK);
  assert_hq_point (hq_at (series, 2), 20, RM, RIGHT, FALSE, 0.40, STRIDE_BALANCE_OK);
  assert_hq_point (hq_at (series, 3), 30, RM, LEFT, FALSE, 0.4475, STRIDE_BALANCE_WATCH);
  assert_hq_point (hq_at (series, 4), 30, RM, RIGHT, FALSE, 0.35, STRIDE_BALANCE_WATCH);
  g_assert_cmpfloat_with_epsilon (hq_at (series, 5)->ratio, 0.5, 1e-6);
  g_assert_cmpfloat (hq_at (series, 5)->ratio, <, 0.5);
  g_assert_cmpint (hq_at (series, 5)->state, ==, STRIDE_BALANCE_OK);
}

/* A flexion at 60°/s and an extension at 180°/s of the same day never
 * pair. Two left 60°/s tests at 0.40 are two in a row (IMBALANCE); one
 * 180°/s test at 0.40 after them stays a lone test (WATCH), where it would
 * be the third in a row if methods were mixed. */
static void
test_hq_methods_never_mixed (void)
{
  const StrideMeasurement m[] = {
    M (1, FLEX, ISO60,  LEFT,  40, NM),
    M (1, EXT,  ISO60,  LEFT, 100, NM),
    M (2, FLEX, ISO60,  LEFT,  40, NM),
    M (2, EXT,  ISO60,  LEFT, 100, NM),
    M (3, FLEX, ISO180, LEFT,  40, NM),
    M (3, EXT,  ISO180, LEFT, 100, NM),
    M (4, FLEX, ISO60,  LEFT,  61, NM),
    M (4, EXT,  ISO180, LEFT, 100, NM),
  };
  g_autoptr(GArray) series = stride_balance_hq_series (m, G_N_ELEMENTS (m));
  g_autoptr(GArray) summaries = NULL;
  const StrideBalanceSummary *summary;

  g_assert_cmpuint (series->len, ==, 3);
  summaries = stride_balance_hq_summaries (series);
  g_assert_cmpuint (summaries->len, ==, 2);
  if (summaries->len != 2)
    return;

  /* "isokinetic-180" sorts before "isokinetic-60". */
  summary = summary_at (summaries, 0);
  g_assert_cmpstr (summary->key, ==, ISO180);
  g_assert_cmpstr (summary->method, ==, ISO180);
  g_assert_cmpuint (summary->n_tests, ==, 1);
  g_assert_true (isnan (summary->previous));
  g_assert_cmpfloat_with_epsilon (summary->latest, 0.40, 1e-12);
  g_assert_cmpfloat_with_epsilon (summary->baseline, 0.40, 1e-12);
  g_assert_cmpint (summary->state, ==, STRIDE_BALANCE_WATCH);

  summary = summary_at (summaries, 1);
  g_assert_cmpstr (summary->key, ==, ISO60);
  g_assert_cmpuint (summary->n_tests, ==, 2);
  g_assert_cmpuint (summary->latest_date, ==, 2);
  g_assert_cmpfloat_with_epsilon (summary->previous, 0.40, 1e-12);
  g_assert_cmpint (summary->state, ==, STRIDE_BALANCE_IMBALANCE);
}

/* Values that make no sense pair with nothing; only the last day is a
 * real pair (60 / 100). On day 11 an unusable extension next to a good
 * one does not spoil the pair (50 / 100). */
static void
test_hq_invalid (void)
{
  const StrideMeasurement m[] = {
    M (1, FLEX, ISO60, LEFT,  60, NM),
    M (1, EXT,  ISO60, LEFT,   0, NM),        /* quadriceps 0 */
    M (2, FLEX, ISO60, LEFT, -60, NM),
    M (2, EXT,  ISO60, LEFT, 100, NM),
    M (3, FLEX, ISO60, LEFT, NAN, NM),
    M (3, EXT,  ISO60, LEFT, 100, NM),
    M (4, FLEX, ISO60, LEFT,  60, NM),
    M (4, EXT,  ISO60, LEFT, INFINITY, NM),
    M (5, FLEX, DYN,   LEFT,  60, "N"),       /* units that do not convert */
    M (5, EXT,  DYN,   LEFT, 100, NM),
    M (6, FLEX, ISO60, LEFT,  60, "furlong"),
    M (6, EXT,  ISO60, LEFT, 100, NM),
    M (7, FLEX, ISO60, LEFT,  60, NULL),
    M (7, EXT,  ISO60, LEFT, 100, NM),
    M (8, FLEX, ISO60, LEFT,  60, NM),        /* other leg */
    M (8, EXT,  ISO60, RIGHT, 100, NM),
    M (9, FLEX, ISO60, BOTH,  60, NM),
    M (9, EXT,  ISO60, LEFT, 100, NM),
    M (10, NULL, ISO60, LEFT, 60, NM),
    M (10, EXT,  NULL,  LEFT, 100, NM),
    M (11, FLEX, ISO60, LEFT,  50, NM),
    M (11, EXT,  ISO60, LEFT, NAN, NM),
    M (11, EXT,  ISO60, LEFT, 100, NM),
    M (11, EXT,  ISO60, LEFT, -1000, NM),
    M (12, FLEX, ISO60, LEFT,  60, NM),
    M (12, EXT,  ISO60, LEFT, 100, NM),
  };
  g_autoptr(GArray) series = stride_balance_hq_series (m, G_N_ELEMENTS (m));

  g_assert_cmpuint (series->len, ==, 2);
  if (series->len != 2)
    return;

  assert_hq_point (hq_at (series, 0), 11, ISO60, LEFT, FALSE, 0.50, STRIDE_BALANCE_WATCH);
  assert_hq_point (hq_at (series, 1), 12, ISO60, LEFT, FALSE, 0.60, STRIDE_BALANCE_WATCH);
}

/* Repeated tests keep the best effort: flexion max (50, 55) = 55 over
 * extension max (90, 100) = 100 → 0.55. With kg and lb, 77.16... lb
 * (35 kg) beats 30 kg: 35 / 50 = 0.70. */
static void
test_hq_duplicates (void)
{
  const StrideMeasurement m[] = {
    M (1, FLEX, ISO60, LEFT,  50, NM),
    M (1, EXT,  ISO60, LEFT, 100, NM),
    M (1, FLEX, ISO60, LEFT,  55, NM),
    M (1, EXT,  ISO60, LEFT,  90, NM),
    M (1, FLEX, DYN,   LEFT,  30, "kg"),
    M (1, FLEX, DYN,   LEFT,  35 / 0.45359237, "lb"),
    M (1, EXT,  DYN,   LEFT,  50, "kg"),
  };
  g_autoptr(GArray) series = stride_balance_hq_series (m, G_N_ELEMENTS (m));

  g_assert_cmpuint (series->len, ==, 2);
  if (series->len != 2)
    return;

  assert_hq_point (hq_at (series, 0), 1, DYN, LEFT, FALSE, 0.70, STRIDE_BALANCE_OK);
  assert_hq_point (hq_at (series, 1), 1, ISO60, LEFT, FALSE, 0.55, STRIDE_BALANCE_WATCH);
}

/* H:Q summaries */

typedef struct
{
  const char *hamstring_test;
  const char *hamstring_method;
  const char *quadriceps_test;
  const char *quadriceps_method;
} HqKind;

static const HqKind kind_iso60 = { FLEX, ISO60, EXT, ISO60 };
static const HqKind kind_dyn = { FLEX, DYN, EXT, DYN };
static const HqKind kind_mixed = { ECC, ISO30, EXT, ISO240 };
static const HqKind kind_1rm = { CURL, RM, LEGEXT, RM };
static const HqKind kind_iso240 = { FLEX, ISO240, EXT, ISO240 };

/* The one summary of a left-leg line with @ratios, a week apart. */
static StrideBalanceSummary
hq_line_summary (const HqKind *kind,
                 const double *ratios,
                 guint         n_ratios)
{
  g_autoptr(GArray) m = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  g_autoptr(GArray) series = NULL;
  g_autoptr(GArray) summaries = NULL;
  StrideBalanceSummary result = { .state = STRIDE_BALANCE_NOT_ENOUGH_DATA };

  for (guint i = 0; i < n_ratios; i++)
    {
      StrideMeasurement hamstring = M (700 + 7 * i, kind->hamstring_test, kind->hamstring_method,
                                       LEFT, ratios[i] * 100, NM);
      StrideMeasurement quadriceps = M (700 + 7 * i, kind->quadriceps_test, kind->quadriceps_method,
                                        LEFT, 100, NM);

      g_array_append_val (m, hamstring);
      g_array_append_val (m, quadriceps);
    }

  series = stride_balance_hq_series ((StrideMeasurement *) (void *) m->data, m->len);
  g_assert_cmpuint (series->len, ==, n_ratios);
  summaries = stride_balance_hq_summaries (series);
  g_assert_cmpuint (summaries->len, ==, 1);
  if (summaries->len != 1)
    return result;

  /* The strings go with the array; the tests only need the numbers. */
  result = *summary_at (summaries, 0);
  result.key = NULL;
  result.method = NULL;
  g_assert_cmpint (result.leg, ==, LEFT);
  g_assert_cmpuint (result.n_tests, ==, n_ratios);
  g_assert_cmpuint (result.latest_date, ==, 700 + 7 * (n_ratios - 1));
  g_assert_cmpfloat_with_epsilon (result.latest, ratios[n_ratios - 1], 1e-9);
  g_assert_cmpfloat_with_epsilon (result.baseline, ratios[0], 1e-9);
  if (n_ratios > 1)
    g_assert_cmpfloat_with_epsilon (result.previous, ratios[n_ratios - 2], 1e-9);
  else
    g_assert_true (isnan (result.previous));

  return result;
}

#define RATIOS(...) (const double[]) { __VA_ARGS__ }, \
                    G_N_ELEMENTS (((const double[]) { __VA_ARGS__ }))
#define HQ_STATE(kind, ...) (hq_line_summary ((kind), RATIOS (__VA_ARGS__)).state)

/* 60°/s (band 0.61 / 0.47, noise 10 %):
 *   0.45 alone                  → WATCH (a lone test never flags)
 *   0.46, 0.45                  → IMBALANCE (twice in a row)
 *   0.50, 0.46: −8 %            → WATCH (within the noise)
 *   0.55, 0.46: −16.4 %         → IMBALANCE (a real drop)
 *   0.52, 0.468: −10 % exactly  → WATCH (not *more* than the noise)
 *   0.44, 0.45, 0.62            → OK (recovered)
 *   0.45, 0.45, 0.55            → WATCH (in the watch band)
 *   0.62 alone                  → OK
 * dynamometer (noise 15 %): 0.54, 0.46: −14.8 % → WATCH.
 * 240°/s has no band: NOT_ENOUGH_DATA however low. */
static void
test_hq_summary_noise (void)
{
  g_assert_cmpint (HQ_STATE (&kind_iso60, 0.45), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HQ_STATE (&kind_iso60, 0.46, 0.45), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (HQ_STATE (&kind_iso60, 0.50, 0.46), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HQ_STATE (&kind_iso60, 0.55, 0.46), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (HQ_STATE (&kind_iso60, 0.52, 0.468), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HQ_STATE (&kind_iso60, 0.44, 0.45, 0.62), ==, STRIDE_BALANCE_OK);
  g_assert_cmpint (HQ_STATE (&kind_iso60, 0.45, 0.45, 0.55), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HQ_STATE (&kind_iso60, 0.62), ==, STRIDE_BALANCE_OK);
  g_assert_cmpint (HQ_STATE (&kind_iso60, 0.55, 0.46), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (HQ_STATE (&kind_dyn, 0.54, 0.46), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HQ_STATE (&kind_iso240, 0.30, 0.20), ==, STRIDE_BALANCE_NOT_ENOUGH_DATA);
}

/* Mixed (flag 0.80, no watch band, noise of 30°/s: 10 %):
 *   0.78 alone                  → WATCH
 *   0.79, 0.78                  → IMBALANCE
 *   0.85, 0.70: −17.6 %         → IMBALANCE
 *   0.82, 0.78: −4.9 %          → WATCH
 *   0.78, 0.80                  → OK */
static void
test_hq_summary_mixed (void)
{
  StrideBalanceSummary summary = hq_line_summary (&kind_mixed, RATIOS (0.79, 0.78));

  g_assert_true (summary.mixed);
  g_assert_cmpint (summary.state, ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (HQ_STATE (&kind_mixed, 0.78), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HQ_STATE (&kind_mixed, 0.85, 0.70), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (HQ_STATE (&kind_mixed, 0.82, 0.78), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HQ_STATE (&kind_mixed, 0.78, 0.80), ==, STRIDE_BALANCE_OK);
}

/* 1RM (range: more than 10 % below the first test; noise 10 %):
 *   0.50 alone                  → NOT_ENOUGH_DATA (its own baseline)
 *   0.50, 0.45: −10 %           → OK
 *   0.50, 0.4475: −10.5 %       → IMBALANCE (also −10.5 % since the
 *                                 previous test, beyond the noise)
 *   0.50, 0.49, 0.4475          → WATCH (−8.7 % since 0.49: a lone test)
 *   0.50, 0.44, 0.43            → IMBALANCE (twice in a row)
 *   0.50, 0.44, 0.50            → OK */
static void
test_hq_summary_1rm (void)
{
  StrideBalanceSummary summary = hq_line_summary (&kind_1rm, RATIOS (0.50));

  g_assert_false (summary.mixed);
  g_assert_cmpint (summary.state, ==, STRIDE_BALANCE_NOT_ENOUGH_DATA);
  g_assert_cmpint (HQ_STATE (&kind_1rm, 0.50, 0.45), ==, STRIDE_BALANCE_OK);
  g_assert_cmpint (HQ_STATE (&kind_1rm, 0.50, 0.4475), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (HQ_STATE (&kind_1rm, 0.50, 0.49, 0.4475), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HQ_STATE (&kind_1rm, 0.50, 0.44, 0.43), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (HQ_STATE (&kind_1rm, 0.50, 0.44, 0.50), ==, STRIDE_BALANCE_OK);
}

/* Lines by leg (left, right, both), then method, mixed after
 * conventional. */
static void
test_hq_summary_order (void)
{
  const StrideMeasurement m[] = {
    M (3, FLEX, DYN,    BOTH,  60, "N"),
    M (3, EXT,  DYN,    BOTH, 100, "N"),
    M (3, FLEX, ISO60,  RIGHT, 62, NM),
    M (3, EXT,  ISO60,  RIGHT, 100, NM),
    M (2, ECC,  ISO30,  LEFT,  90, NM),
    M (2, EXT,  ISO240, LEFT, 100, NM),
    M (1, FLEX, ISO30,  LEFT,  58, NM),
    M (1, EXT,  ISO30,  LEFT, 100, NM),
    M (4, FLEX, ISO60,  LEFT,  61, NM),
    M (4, EXT,  ISO60,  LEFT, 100, NM),
    M (5, FLEX, ISO60,  LEFT,  30, NM),
    M (5, EXT,  ISO60,  LEFT, 100, NM),
  };
  const struct
  {
    const char         *key;
    StrideSide          leg;
    gboolean            mixed;
    guint               n_tests;
    guint32             latest_date;
    double              latest;
    StrideBalanceState  state;
  } expected[] = {
    { ISO30, LEFT,  FALSE, 1, 1, 0.58, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    { ISO30, LEFT,  TRUE,  1, 2, 0.90, STRIDE_BALANCE_OK },
    /* 0.61 → 0.30: −50.8 %, far beyond the noise */
    { ISO60, LEFT,  FALSE, 2, 5, 0.30, STRIDE_BALANCE_IMBALANCE },
    { ISO60, RIGHT, FALSE, 1, 3, 0.62, STRIDE_BALANCE_OK },
    { DYN,   BOTH,  FALSE, 1, 3, 0.60, STRIDE_BALANCE_OK },
  };
  g_autoptr(GArray) series = stride_balance_hq_series (m, G_N_ELEMENTS (m));
  g_autoptr(GArray) summaries = stride_balance_hq_summaries (series);

  g_assert_cmpuint (summaries->len, ==, G_N_ELEMENTS (expected));
  if (summaries->len != G_N_ELEMENTS (expected))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const StrideBalanceSummary *summary = summary_at (summaries, i);

      g_assert_cmpstr (summary->key, ==, expected[i].key);
      g_assert_cmpstr (summary->method, ==, expected[i].key);
      g_assert_cmpint (summary->leg, ==, expected[i].leg);
      g_assert_cmpint (summary->mixed, ==, expected[i].mixed);
      g_assert_cmpuint (summary->n_tests, ==, expected[i].n_tests);
      g_assert_cmpuint (summary->latest_date, ==, expected[i].latest_date);
      g_assert_cmpfloat_with_epsilon (summary->latest, expected[i].latest, 1e-9);
      g_assert_cmpint (summary->state, ==, expected[i].state);
    }
}

/* LSI series */

/* By hand, all on day 5 but the first:
 *   day 4 hop 150 / 150 cm           → 100 %, weaker BOTH, OK
 *   hip abduction 100 kg / 220.462 lb → right 99.99988 kg, LSI 99.99988 %,
 *                                       weaker RIGHT (by a hair), OK
 *   hip adduction 200 lb / 100 kg     → right 220.462 lb, 200 / 220.462
 *                                       = 90.718474 %, weaker LEFT, OK
 *   knee extension dynamometer 300 / 300 N → 100 %
 *   knee extension 60°/s 100 / 80 N·m → 80 %, weaker RIGHT, IMBALANCE
 *   calf raises 20 / 17 reps          → 85 %, weaker RIGHT, WATCH
 *   hop 180 / 200 cm                  → 90 %, weaker LEFT, OK */
static void
test_lsi_series (void)
{
  const StrideMeasurement m[] = {
    M (5, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, RIGHT, 200, "cm"),
    M (5, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, LEFT, 180, "cm"),
    M (5, EXT, ISO60, LEFT, 100, NM),
    M (5, EXT, ISO60, RIGHT, 80, NM),
    M (5, STRIDE_TEST_HIP_ABDUCTION, DYN, LEFT, 100, "kg"),
    M (5, STRIDE_TEST_HIP_ABDUCTION, DYN, RIGHT, 220.462, "lb"),
    M (5, STRIDE_TEST_HIP_ADDUCTION, DYN, LEFT, 200, "lb"),
    M (5, STRIDE_TEST_HIP_ADDUCTION, DYN, RIGHT, 100, "kg"),
    M (5, STRIDE_TEST_CALF_RAISES, STRIDE_METHOD_FIELD, LEFT, 20, "reps"),
    M (5, STRIDE_TEST_CALF_RAISES, STRIDE_METHOD_FIELD, RIGHT, 17, "reps"),
    M (5, EXT, DYN, RIGHT, 300, "N"),
    M (5, EXT, DYN, LEFT, 300, "N"),
    M (4, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, LEFT, 150, "cm"),
    M (4, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, RIGHT, 150, "cm"),
  };
  g_autoptr(GArray) series = stride_balance_lsi_series (m, G_N_ELEMENTS (m));
  const StrideLsiPoint *point;

  g_assert_cmpuint (series->len, ==, 7);
  if (series->len != 7)
    return;

  point = lsi_at (series, 0);
  g_assert_cmpuint (point->date, ==, 4);
  g_assert_cmpstr (point->test, ==, STRIDE_TEST_HOP);
  g_assert_cmpstr (point->method, ==, STRIDE_METHOD_FIELD);
  g_assert_cmpstr (point->unit, ==, "cm");
  g_assert_cmpfloat (point->lsi, ==, 100);
  g_assert_cmpint (point->weaker, ==, BOTH);
  g_assert_cmpint (point->state, ==, STRIDE_BALANCE_OK);

  point = lsi_at (series, 1);
  g_assert_cmpstr (point->test, ==, STRIDE_TEST_HIP_ABDUCTION);
  g_assert_cmpstr (point->unit, ==, "kg");
  g_assert_cmpfloat (point->left, ==, 100);
  g_assert_cmpfloat_with_epsilon (point->right, 220.462 * 0.45359237, 1e-9);
  g_assert_cmpfloat_with_epsilon (point->lsi, 99.99988, 1e-5);
  g_assert_cmpint (point->weaker, ==, RIGHT);
  g_assert_cmpint (point->state, ==, STRIDE_BALANCE_OK);

  point = lsi_at (series, 2);
  g_assert_cmpstr (point->test, ==, STRIDE_TEST_HIP_ADDUCTION);
  g_assert_cmpstr (point->unit, ==, "lb");
  g_assert_cmpfloat (point->left, ==, 200);
  g_assert_cmpfloat_with_epsilon (point->right, 220.46226, 1e-4);
  g_assert_cmpfloat_with_epsilon (point->lsi, 90.718474, 1e-6);
  g_assert_cmpint (point->weaker, ==, LEFT);
  g_assert_cmpint (point->state, ==, STRIDE_BALANCE_OK);

  point = lsi_at (series, 3);
  g_assert_cmpstr (point->test, ==, EXT);
  g_assert_cmpstr (point->method, ==, DYN);
  g_assert_cmpfloat (point->lsi, ==, 100);

  point = lsi_at (series, 4);
  g_assert_cmpstr (point->test, ==, EXT);
  g_assert_cmpstr (point->method, ==, ISO60);
  g_assert_cmpstr (point->unit, ==, NM);
  g_assert_cmpfloat (point->lsi, ==, 80);
  g_assert_cmpint (point->weaker, ==, RIGHT);
  g_assert_cmpint (point->state, ==, STRIDE_BALANCE_IMBALANCE);

  point = lsi_at (series, 5);
  g_assert_cmpstr (point->test, ==, STRIDE_TEST_CALF_RAISES);
  g_assert_cmpfloat (point->lsi, ==, 85);
  g_assert_cmpint (point->weaker, ==, RIGHT);
  g_assert_cmpint (point->state, ==, STRIDE_BALANCE_WATCH);

  point = lsi_at (series, 6);
  g_assert_cmpuint (point->date, ==, 5);
  g_assert_cmpstr (point->test, ==, STRIDE_TEST_HOP);
  g_assert_cmpfloat (point->left, ==, 180);
  g_assert_cmpfloat (point->right, ==, 200);
  g_assert_cmpfloat (point->lsi, ==, 90);
  g_assert_cmpint (point->weaker, ==, LEFT);
  g_assert_cmpint (point->state, ==, STRIDE_BALANCE_OK);
}

/* Only day 11 makes a point: left max (150, 170) = 170 against right 160
 * → 160 / 170 = 94.1176 %, weaker RIGHT. */
static void
test_lsi_invalid (void)
{
  const StrideMeasurement m[] = {
    M (1, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, LEFT, 150, "cm"),
    M (2, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, LEFT, 150, "cm"),
    M (2, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, BOTH, 300, "cm"),
    M (3, EXT, DYN, LEFT, 300, "N"),
    M (3, EXT, DYN, RIGHT, 30, NM),
    M (4, EXT, DYN, LEFT, 0, "N"),
    M (4, EXT, DYN, RIGHT, 300, "N"),
    M (5, EXT, DYN, LEFT, NAN, "N"),
    M (5, EXT, DYN, RIGHT, 300, "N"),
    M (6, EXT, DYN, LEFT, 300, "N"),
    M (6, EXT, DYN, RIGHT, -300, "N"),
    M (7, EXT, DYN, LEFT, 300, NULL),
    M (7, EXT, DYN, RIGHT, 300, "N"),
    M (8, EXT, ISO60, LEFT, 100, NM),
    M (8, EXT, ISO180, RIGHT, 100, NM),
    M (9, EXT, ISO60, LEFT, 100, NM),
    M (10, EXT, ISO60, RIGHT, 100, NM),
    M (11, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, LEFT, 150, "cm"),
    M (11, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, RIGHT, 160, "cm"),
    M (11, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, LEFT, 170, "cm"),
    M (11, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, RIGHT, INFINITY, "cm"),
  };
  g_autoptr(GArray) series = stride_balance_lsi_series (m, G_N_ELEMENTS (m));

  g_assert_cmpuint (series->len, ==, 1);
  if (series->len != 1)
    return;

  g_assert_cmpuint (lsi_at (series, 0)->date, ==, 11);
  g_assert_cmpfloat (lsi_at (series, 0)->left, ==, 170);
  g_assert_cmpfloat (lsi_at (series, 0)->right, ==, 160);
  g_assert_cmpfloat_with_epsilon (lsi_at (series, 0)->lsi, 1600.0 / 17.0, 1e-9);
  g_assert_cmpint (lsi_at (series, 0)->weaker, ==, RIGHT);
  g_assert_cmpint (lsi_at (series, 0)->state, ==, STRIDE_BALANCE_OK);
}

/* LSI summaries */

/* The one summary of a line of @lsis (left weaker, right 100), a week
 * apart. */
static StrideBalanceState
lsi_line_state (const char   *test,
                const char   *method,
                const double *lsis,
                guint         n_lsis)
{
  g_autoptr(GArray) m = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  g_autoptr(GArray) series = NULL;
  g_autoptr(GArray) summaries = NULL;
  const StrideBalanceSummary *summary;

  for (guint i = 0; i < n_lsis; i++)
    {
      StrideMeasurement left = M (300 + 7 * i, test, method, LEFT, lsis[i], "cm");
      StrideMeasurement right = M (300 + 7 * i, test, method, RIGHT, 100, "cm");

      g_array_append_val (m, left);
      g_array_append_val (m, right);
    }

  series = stride_balance_lsi_series ((StrideMeasurement *) (void *) m->data, m->len);
  g_assert_cmpuint (series->len, ==, n_lsis);
  summaries = stride_balance_lsi_summaries (series);
  g_assert_cmpuint (summaries->len, ==, 1);
  if (summaries->len != 1)
    return STRIDE_BALANCE_NOT_ENOUGH_DATA;

  summary = summary_at (summaries, 0);
  g_assert_cmpstr (summary->key, ==, test);
  g_assert_cmpstr (summary->method, ==, method);
  g_assert_cmpuint (summary->n_tests, ==, n_lsis);
  g_assert_cmpfloat_with_epsilon (summary->latest, lsis[n_lsis - 1], 1e-9);
  g_assert_cmpfloat_with_epsilon (summary->baseline, lsis[0], 1e-9);
  if (n_lsis > 1)
    g_assert_cmpfloat_with_epsilon (summary->previous, lsis[n_lsis - 2], 1e-9);
  else
    g_assert_true (isnan (summary->previous));

  return summary->state;
}

#define LSI_STATE(test, method, ...) lsi_line_state ((test), (method), RATIOS (__VA_ARGS__))

/* Hop (field, noise 20 %) and knee extension at 60°/s (noise 10 %):
 *   hop 80 alone            → WATCH
 *   hop 84, 80              → IMBALANCE (twice below 85 %)
 *   hop 95, 80: −15.8 %     → WATCH (within a hop's noise)
 *   60°/s 95, 80: −15.8 %   → IMBALANCE (beyond isokinetic noise)
 *   hop 100, 78: −22 %      → IMBALANCE
 *   hop 80, 82, 95          → OK (recovered)
 *   hop 95, 88              → WATCH (85–90 %)
 *   hop 92                  → OK */
static void
test_lsi_summary_noise (void)
{
  const char *hop = STRIDE_TEST_HOP;
  const char *field = STRIDE_METHOD_FIELD;

  g_assert_cmpint (LSI_STATE (hop, field, 80), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (LSI_STATE (hop, field, 84, 80), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (LSI_STATE (hop, field, 95, 80), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (LSI_STATE (EXT, ISO60, 95, 80), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (LSI_STATE (hop, field, 100, 78), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (LSI_STATE (hop, field, 80, 82, 95), ==, STRIDE_BALANCE_OK);
  g_assert_cmpint (LSI_STATE (hop, field, 95, 88), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (LSI_STATE (hop, field, 92), ==, STRIDE_BALANCE_OK);
}

/* Lines by test then method; the leg is the weaker side of the latest
 * test (the hop moved from a weaker left to a weaker right). */
static void
test_lsi_summary_lines (void)
{
  const StrideMeasurement m[] = {
    M (1, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, LEFT, 170, "cm"),
    M (1, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, RIGHT, 200, "cm"),
    M (8, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, LEFT, 200, "cm"),
    M (8, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, RIGHT, 168, "cm"),
    M (2, EXT, ISO60, LEFT, 100, NM),
    M (2, EXT, ISO60, RIGHT, 95, NM),
    M (3, EXT, DYN, LEFT, 90, "kg"),
    M (3, EXT, DYN, RIGHT, 220.46226218487757, "lb"),
  };
  g_autoptr(GArray) series = stride_balance_lsi_series (m, G_N_ELEMENTS (m));
  g_autoptr(GArray) summaries = stride_balance_lsi_summaries (series);
  const StrideBalanceSummary *summary;

  g_assert_cmpuint (summaries->len, ==, 3);
  if (summaries->len != 3)
    return;

  summary = summary_at (summaries, 0);
  g_assert_cmpstr (summary->key, ==, EXT);
  g_assert_cmpstr (summary->method, ==, DYN);
  g_assert_cmpint (summary->leg, ==, LEFT);
  g_assert_cmpfloat_with_epsilon (summary->latest, 90, 1e-9);
  g_assert_cmpint (summary->state, ==, STRIDE_BALANCE_OK);

  summary = summary_at (summaries, 1);
  g_assert_cmpstr (summary->key, ==, EXT);
  g_assert_cmpstr (summary->method, ==, ISO60);
  g_assert_cmpint (summary->leg, ==, RIGHT);
  g_assert_cmpfloat (summary->latest, ==, 95);
  g_assert_cmpint (summary->state, ==, STRIDE_BALANCE_OK);

  /* 170 / 200 = 85 % then 168 / 200 = 84 %: −1.2 %, a lone test below 85 % */
  summary = summary_at (summaries, 2);
  g_assert_cmpstr (summary->key, ==, STRIDE_TEST_HOP);
  g_assert_cmpstr (summary->method, ==, STRIDE_METHOD_FIELD);
  g_assert_cmpint (summary->leg, ==, RIGHT);
  g_assert_false (summary->mixed);
  g_assert_cmpuint (summary->n_tests, ==, 2);
  g_assert_cmpuint (summary->latest_date, ==, 8);
  g_assert_cmpfloat (summary->latest, ==, 84);
  g_assert_cmpfloat (summary->previous, ==, 85);
  g_assert_cmpfloat (summary->baseline, ==, 85);
  g_assert_cmpint (summary->state, ==, STRIDE_BALANCE_WATCH);
}

/* Side values from strength sets */

/* By hand (e1RM = mean of Epley and Brzycki):
 *   calf-raise  L 30 × 2: (32 + 30.857142…) / 2 = 31.428571…, R the same
 *   split-squat L 60 × 5: (70 + 67.5) / 2 = 68.75; L 70 × 1 = 70 (best);
 *               L 50 × 12 not estimated;
 *               R 65 × 3: (71.5 + 68.823529…) / 2 = 70.161764… (best);
 *               R 80 × 11 not estimated (it would be the best)
 *   step-up     L body weight only, R 20 × 10 → one side: nothing
 *   single-leg-rdl  left only → nothing
 *   back-squat  two-leg sets → nothing
 * Appended after what @out holds, ordered by exercise key. */
static void
test_side_values (void)
{
  const StrideStrengthSet sets[] = {
    { .exercise_id = 1, .side = LEFT,  .reps = 5,  .load_kg = 60 },
    { .exercise_id = 2, .side = LEFT,  .reps = 10, .load_kg = 0 },
    { .exercise_id = 1, .side = LEFT,  .reps = 1,  .load_kg = 70 },
    { .exercise_id = 1, .side = RIGHT, .reps = 3,  .load_kg = 65 },
    { .exercise_id = 2, .side = RIGHT, .reps = 10, .load_kg = 20 },
    { .exercise_id = 1, .side = LEFT,  .reps = 12, .load_kg = 50 },
    { .exercise_id = 3, .side = LEFT,  .reps = 8,  .load_kg = 40 },
    { .exercise_id = 1, .side = RIGHT, .reps = 11, .load_kg = 80 },
    { .exercise_id = 4, .side = BOTH,  .reps = 5,  .load_kg = 100 },
    { .exercise_id = 5, .side = LEFT,  .reps = 2,  .load_kg = 30 },
    { .exercise_id = 5, .side = RIGHT, .reps = 2,  .load_kg = 30 },
    { .exercise_id = 6, .side = LEFT,  .reps = 2,  .load_kg = 30 },
    { .exercise_id = 6, .side = RIGHT, .reps = 2,  .load_kg = 30 },
  };
  const char * const keys[] = {
    "split-squat", "step-up", "split-squat", "split-squat", "step-up", "split-squat",
    "single-leg-rdl", "split-squat", "back-squat", "calf-raise", "calf-raise",
    NULL, NULL,
  };
  const double calf = (30.0 * (1 + 2 / 30.0) + 30.0 * 36 / 35) / 2;
  const double split_right = (65 * 1.1 + 65.0 * 36 / 34) / 2;
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  StrideMeasurement existing = { .id = 7, .test = g_strdup ("kept"), .value = 1 };
  g_autoptr(GArray) lsi = NULL;
  const struct
  {
    const char *test;
    StrideSide  side;
    double      value;
  } expected[] = {
    { "exercise:calf-raise", LEFT, calf },
    { "exercise:calf-raise", RIGHT, calf },
    { "exercise:split-squat", LEFT, 70 },
    { "exercise:split-squat", RIGHT, split_right },
  };

  g_assert_cmpfloat_with_epsilon (calf, 31.4285714285714, 1e-9);
  g_assert_cmpfloat_with_epsilon (split_right, 70.1617647058824, 1e-9);

  g_array_set_clear_func (out, (GDestroyNotify) stride_measurement_clear);
  g_array_append_val (out, existing);

  stride_balance_side_values_from_sets (sets, keys, G_N_ELEMENTS (sets), 2461000, out);

  g_assert_cmpuint (out->len, ==, 1 + G_N_ELEMENTS (expected));
  if (out->len != 1 + G_N_ELEMENTS (expected))
    return;

  g_assert_cmpstr (measurement_at (out, 0)->test, ==, "kept");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const StrideMeasurement *value = measurement_at (out, i + 1);

      g_assert_cmpint (value->id, ==, 0);
      g_assert_cmpuint (value->date, ==, 2461000);
      g_assert_cmpstr (value->test, ==, expected[i].test);
      g_assert_cmpstr (value->method, ==, STRIDE_METHOD_E1RM);
      g_assert_cmpint (value->side, ==, expected[i].side);
      g_assert_cmpfloat_with_epsilon (value->value, expected[i].value, 1e-9);
      g_assert_cmpstr (value->unit, ==, "kg");
      g_assert_null (value->notes);
    }

  /* They feed the LSI series: split squat 70 / 70.1617… = 99.7695 %. */
  lsi = stride_balance_lsi_series (measurement_at (out, 0), out->len);
  g_assert_cmpuint (lsi->len, ==, 2);
  if (lsi->len != 2)
    return;
  g_assert_cmpstr (lsi_at (lsi, 0)->test, ==, "exercise:calf-raise");
  g_assert_cmpint (lsi_at (lsi, 0)->weaker, ==, BOTH);
  g_assert_cmpstr (lsi_at (lsi, 1)->test, ==, "exercise:split-squat");
  g_assert_cmpfloat_with_epsilon (lsi_at (lsi, 1)->lsi, 7000 / split_right, 1e-9);
  g_assert_cmpint (lsi_at (lsi, 1)->weaker, ==, LEFT);
}

/* Hip adductor : abductor */

#define ADD STRIDE_TEST_HIP_ADDUCTION
#define ABD STRIDE_TEST_HIP_ABDUCTION

/* Ratios by hand (adduction / abduction, same day, method and side):
 *   day 10, dynamometer: left 160 N / 200 N = 0.80 (at the flag: OK),
 *                        right 150 N / 200 N = 0.75 (under: IMBALANCE)
 *   day 20, dynamometer: left 170 N / 200 N = 0.85 (over: OK),
 *                        right 159.98 N / 200 N = 0.7999 (just under)
 *   day 20, 1RM: left 40 kg / 50 kg = 0.80; right 88.184904 lb (40 kg) /
 *                50 kg = 0.80 (kg and lb convert)
 *   day 30: adduction by dynamometer, abduction by 1RM: never paired;
 *           N against kg: no ratio; a knee test: not a hip pair. */
static void
test_hip_series (void)
{
  const StrideMeasurement m[] = {
    M (20, ADD, DYN, RIGHT, 159.98, "N"),
    M (10, ABD, DYN, LEFT, 200, "N"),
    M (10, ADD, DYN, LEFT, 160, "N"),
    M (10, ADD, DYN, RIGHT, 150, "N"),
    M (10, ABD, DYN, RIGHT, 200, "N"),
    M (20, ADD, DYN, LEFT, 170, "N"),
    M (20, ABD, DYN, LEFT, 200, "N"),
    M (20, ABD, DYN, RIGHT, 200, "N"),
    M (20, ADD, RM, LEFT, 40, "kg"),
    M (20, ABD, RM, LEFT, 50, "kg"),
    M (20, ADD, RM, RIGHT, 40 / 0.45359237, "lb"),
    M (20, ABD, RM, RIGHT, 50, "kg"),
    M (30, ADD, DYN, LEFT, 170, "N"),
    M (30, ABD, RM, LEFT, 50, "kg"),
    M (30, ADD, DYN, RIGHT, 170, "N"),
    M (30, ABD, DYN, RIGHT, 50, "kg"),
    M (30, FLEX, ISO60, LEFT, 60, NM),
    M (30, EXT, ISO60, LEFT, 100, NM),
  };
  g_autoptr(GArray) series = stride_balance_hip_series (m, G_N_ELEMENTS (m));
  g_autoptr(GArray) hq = stride_balance_hq_series (m, G_N_ELEMENTS (m));

  g_assert_cmpuint (series->len, ==, 6);
  if (series->len != 6)
    return;

  /* By date, then leg, then method ("1rm" sorts before "hand-held-…"). */
  assert_hq_point (hq_at (series, 0), 10, DYN, LEFT, FALSE, 0.80, STRIDE_BALANCE_OK);
  assert_hq_point (hq_at (series, 1), 10, DYN, RIGHT, FALSE, 0.75, STRIDE_BALANCE_IMBALANCE);
  assert_hq_point (hq_at (series, 2), 20, RM, LEFT, FALSE, 0.80, STRIDE_BALANCE_OK);
  assert_hq_point (hq_at (series, 3), 20, DYN, LEFT, FALSE, 0.85, STRIDE_BALANCE_OK);
  assert_hq_point (hq_at (series, 4), 20, RM, RIGHT, FALSE, 0.80, STRIDE_BALANCE_OK);
  assert_hq_point (hq_at (series, 5), 20, DYN, RIGHT, FALSE, 0.7999, STRIDE_BALANCE_IMBALANCE);

  /* The knee pair is H:Q only, and the hip tests never enter H:Q. */
  g_assert_cmpuint (hq->len, ==, 1);
  g_assert_cmpuint (g_array_get_element_size (series), ==, sizeof (StrideHqPoint));
}

/* The one summary of a left-leg hip line with @ratios (abduction 200 N),
 * a week apart. */
static StrideBalanceSummary
hip_line_summary (const char   *method,
                  const double *ratios,
                  guint         n_ratios)
{
  g_autoptr(GArray) m = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  g_autoptr(GArray) series = NULL;
  g_autoptr(GArray) summaries = NULL;
  StrideBalanceSummary result = { .state = STRIDE_BALANCE_NOT_ENOUGH_DATA };
  const char *unit = g_str_equal (method, RM) ? "kg" : "N";

  for (guint i = 0; i < n_ratios; i++)
    {
      StrideMeasurement adduction = M (700 + 7 * i, ADD, method, LEFT, ratios[i] * 200, unit);
      StrideMeasurement abduction = M (700 + 7 * i, ABD, method, LEFT, 200, unit);

      g_array_append_val (m, adduction);
      g_array_append_val (m, abduction);
    }

  series = stride_balance_hip_series ((StrideMeasurement *) (void *) m->data, m->len);
  g_assert_cmpuint (series->len, ==, n_ratios);
  summaries = stride_balance_hip_summaries (series);
  g_assert_cmpuint (summaries->len, ==, 1);
  if (summaries->len != 1)
    return result;

  g_assert_cmpstr (summary_at (summaries, 0)->method, ==, method);
  result = *summary_at (summaries, 0);
  result.key = NULL;
  result.method = NULL;
  g_assert_cmpint (result.leg, ==, LEFT);
  g_assert_false (result.mixed);
  g_assert_cmpuint (result.n_tests, ==, n_ratios);
  g_assert_cmpfloat_with_epsilon (result.latest, ratios[n_ratios - 1], 1e-9);
  g_assert_cmpfloat_with_epsilon (result.baseline, ratios[0], 1e-9);

  return result;
}

#define HIP_STATE(method, ...) (hip_line_summary ((method), RATIOS (__VA_ARGS__)).state)

/* Flag 0.80, no watch band; noise of the dynamometer 15 %, of 1RM 10 %:
 *   0.78 alone                  → WATCH (a lone test never flags)
 *   0.79, 0.78                  → IMBALANCE (twice in a row)
 *   0.95, 0.78: −17.9 %         → IMBALANCE (beyond the noise)
 *   0.90, 0.78: −13.3 %         → WATCH (within 15 %)
 *   0.70, 0.80                  → OK (at the flag)
 *   0.85 alone                  → OK
 * 1RM has no baseline rule here: one test has a state (0.78 → WATCH,
 * 0.90 → OK), and 0.90, 0.78 (−13.3 %, beyond 10 %) → IMBALANCE. */
static void
test_hip_summary_noise (void)
{
  g_assert_cmpint (HIP_STATE (DYN, 0.78), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HIP_STATE (DYN, 0.79, 0.78), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (HIP_STATE (DYN, 0.95, 0.78), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (HIP_STATE (DYN, 0.90, 0.78), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HIP_STATE (DYN, 0.70, 0.80), ==, STRIDE_BALANCE_OK);
  g_assert_cmpint (HIP_STATE (DYN, 0.85), ==, STRIDE_BALANCE_OK);
  g_assert_cmpint (HIP_STATE (RM, 0.78), ==, STRIDE_BALANCE_WATCH);
  g_assert_cmpint (HIP_STATE (RM, 0.90), ==, STRIDE_BALANCE_OK);
  g_assert_cmpint (HIP_STATE (RM, 0.90, 0.78), ==, STRIDE_BALANCE_IMBALANCE);
}

/* One summary per leg and method, ordered by leg then method; an empty
 * series gives none. */
static void
test_hip_summary_lines (void)
{
  const StrideMeasurement m[] = {
    M (10, ADD, DYN, RIGHT, 150, "N"),
    M (10, ABD, DYN, RIGHT, 200, "N"),
    M (10, ADD, DYN, LEFT, 170, "N"),
    M (10, ABD, DYN, LEFT, 200, "N"),
    M (17, ADD, RM, LEFT, 40, "kg"),
    M (17, ABD, RM, LEFT, 50, "kg"),
  };
  g_autoptr(GArray) series = stride_balance_hip_series (m, G_N_ELEMENTS (m));
  g_autoptr(GArray) summaries = stride_balance_hip_summaries (series);
  g_autoptr(GArray) none = stride_balance_hip_series (NULL, 0);
  g_autoptr(GArray) no_summaries = stride_balance_hip_summaries (none);

  g_assert_cmpuint (summaries->len, ==, 3);
  if (summaries->len == 3)
    {
      g_assert_cmpint (summary_at (summaries, 0)->leg, ==, LEFT);
      g_assert_cmpstr (summary_at (summaries, 0)->method, ==, RM);
      g_assert_cmpint (summary_at (summaries, 0)->state, ==, STRIDE_BALANCE_OK);
      g_assert_cmpint (summary_at (summaries, 1)->leg, ==, LEFT);
      g_assert_cmpstr (summary_at (summaries, 1)->method, ==, DYN);
      g_assert_cmpfloat_with_epsilon (summary_at (summaries, 1)->latest, 0.85, 1e-9);
      g_assert_cmpint (summary_at (summaries, 2)->leg, ==, RIGHT);
      g_assert_cmpint (summary_at (summaries, 2)->state, ==, STRIDE_BALANCE_WATCH);
    }
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (no_summaries->len, ==, 0);
}

/* Empty input: empty arrays, nothing appended. */
static void
test_empty (void)
{
  g_autoptr(GArray) hq = stride_balance_hq_series (NULL, 0);
  g_autoptr(GArray) lsi = stride_balance_lsi_series (NULL, 0);
  g_autoptr(GArray) hq_summaries = stride_balance_hq_summaries (hq);
  g_autoptr(GArray) lsi_summaries = stride_balance_lsi_summaries (lsi);
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  const StrideMeasurement unpaired[] = {
    M (1, FLEX, ISO60, LEFT, 60, NM),
    M (1, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, RIGHT, 150, "cm"),
  };
  const StrideStrengthSet set = { .side = LEFT, .reps = 5, .load_kg = 50 };
  const char * const key = "split-squat";
  g_autoptr(GArray) hq_unpaired = stride_balance_hq_series (unpaired, 2);
  g_autoptr(GArray) lsi_unpaired = stride_balance_lsi_series (unpaired, 2);

  g_assert_cmpuint (hq->len, ==, 0);
  g_assert_cmpuint (lsi->len, ==, 0);
  g_assert_cmpuint (hq_summaries->len, ==, 0);
  g_assert_cmpuint (lsi_summaries->len, ==, 0);
  g_assert_cmpuint (hq_unpaired->len, ==, 0);
  g_assert_cmpuint (lsi_unpaired->len, ==, 0);
  g_assert_cmpuint (g_array_get_element_size (hq), ==, sizeof (StrideHqPoint));
  g_assert_cmpuint (g_array_get_element_size (lsi), ==, sizeof (StrideLsiPoint));
  g_assert_cmpuint (g_array_get_element_size (hq_summaries), ==, sizeof (StrideBalanceSummary));

  stride_balance_side_values_from_sets (NULL, NULL, 0, 1, out);
  g_assert_cmpuint (out->len, ==, 0);
  stride_balance_side_values_from_sets (&set, &key, 1, 1, out);
  g_assert_cmpuint (out->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/balance/method-noise", test_method_noise);
  g_test_add_func ("/core/balance/hq/conventional", test_hq_conventional);
  g_test_add_func ("/core/balance/hq/bands", test_hq_bands);
  g_test_add_func ("/core/balance/hq/mixed", test_hq_mixed);
  g_test_add_func ("/core/balance/hq/1rm-baseline", test_hq_1rm_baseline);
  g_test_add_func ("/core/balance/hq/methods-never-mixed", test_hq_methods_never_mixed);
  g_test_add_func ("/core/balance/hq/invalid", test_hq_invalid);
  g_test_add_func ("/core/balance/hq/duplicates", test_hq_duplicates);
  g_test_add_func ("/core/balance/hq/summary/noise", test_hq_summary_noise);
  g_test_add_func ("/core/balance/hq/summary/mixed", test_hq_summary_mixed);
  g_test_add_func ("/core/balance/hq/summary/1rm", test_hq_summary_1rm);
  g_test_add_func ("/core/balance/hq/summary/order", test_hq_summary_order);
  g_test_add_func ("/core/balance/lsi/series", test_lsi_series);
  g_test_add_func ("/core/balance/lsi/invalid", test_lsi_invalid);
  g_test_add_func ("/core/balance/lsi/summary/noise", test_lsi_summary_noise);
  g_test_add_func ("/core/balance/lsi/summary/lines", test_lsi_summary_lines);
  g_test_add_func ("/core/balance/hip/series", test_hip_series);
  g_test_add_func ("/core/balance/hip/summary/noise", test_hip_summary_noise);
  g_test_add_func ("/core/balance/hip/summary/lines", test_hip_summary_lines);
  g_test_add_func ("/core/balance/side-values", test_side_values);
  g_test_add_func ("/core/balance/empty", test_empty);

  return g_test_run ();
}
