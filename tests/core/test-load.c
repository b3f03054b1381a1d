/* test-load.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-load"

#include "config.h"

#include <math.h>

#include "stride-load.h"

/* EWMA */

/* By hand, λ = 2 / (7 + 1) = 0.25:
 *   100
 *   0.25 × 0   + 0.75 × 100   = 75
 *   0.25 × 0   + 0.75 × 75    = 56.25
 *   0.25 × 200 + 0.75 × 56.25 = 92.1875
 * and with N = 3 (λ = 0.5): 100, 50, 25, 112.5. All exact in binary. */
static void
test_ewma_by_hand (void)
{
  const double daily[] = { 100, 0, 0, 200 };
  const double acute_expected[] = { 100, 75, 56.25, 92.1875 };
  const double chronic_expected[] = { 100, 50, 25, 112.5 };
  double acute[4], chronic[4];

  stride_load_ewma (daily, 4, 7, 3, acute, chronic);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat_with_epsilon (acute[i], acute_expected[i], 1e-12);
      g_assert_cmpfloat_with_epsilon (chronic[i], chronic_expected[i], 1e-12);
    }
}

/* λ = 2 / 29 for the chronic series; the acute one reacts faster. */
static void
test_ewma_defaults (void)
{
  const double daily[] = { 0, 0, 280, 0, 0, 0, 0, 0 };
  double acute[8], chronic[8];
  double lambda = 2.0 / 29.0;

  stride_load_ewma (daily, 8, STRIDE_LOAD_ACUTE_DAYS, STRIDE_LOAD_CHRONIC_DAYS, acute, chronic);
  g_assert_cmpfloat (acute[0], ==, 0);
  g_assert_cmpfloat (chronic[1], ==, 0);
  g_assert_cmpfloat_with_epsilon (acute[2], 70, 1e-12);
  g_assert_cmpfloat_with_epsilon (chronic[2], 280 * lambda, 1e-12);
  g_assert_cmpfloat_with_epsilon (chronic[3], 280 * lambda * (1 - lambda), 1e-12);
  g_assert_cmpfloat (acute[3], >, chronic[3]);
  for (guint i = 3; i < 8; i++)
    g_assert_cmpfloat (acute[i], <, acute[i - 1]);
}

/* A constant load stays constant from the seed on; an unknown load is a
 * rest day; one output may be skipped; nothing to do for no days. */
static void
test_ewma_edges (void)
{
  const double constant[] = { 50, 50, 50, 50, 50 };
  const double with_nan[] = { 100, NAN, INFINITY };
  double acute[5], chronic[5];

  stride_load_ewma (constant, 5, 7, 28, acute, chronic);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpfloat (acute[i], ==, 50);
      g_assert_cmpfloat (chronic[i], ==, 50);
    }

  stride_load_ewma (with_nan, 3, 7, 28, acute, NULL);
  g_assert_cmpfloat (acute[0], ==, 100);
  g_assert_cmpfloat (acute[1], ==, 75);
  g_assert_cmpfloat (acute[2], ==, 56.25);

  acute[0] = -1;
  stride_load_ewma (NULL, 0, 7, 28, acute, chronic);
  g_assert_cmpfloat (acute[0], ==, -1);

  chronic[0] = -1;
  stride_load_ewma (with_nan, 1, 7, 28, NULL, chronic);
  g_assert_cmpfloat (chronic[0], ==, 100);
}

static void
test_ewma_preconditions (void)
{
  const double daily[] = { 1 };
  double out[1] = { -1 };

  g_test_expect_message ("stride-load", G_LOG_LEVEL_CRITICAL, "*acute_days > 0*");
  stride_load_ewma (daily, 1, 0, 28, out, out);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (out[0], ==, -1);
}

/* ACWR */

static void
test_acwr (void)
{
  g_assert_cmpfloat (stride_load_acwr (130, 100), ==, 1.3);
  g_assert_cmpfloat (stride_load_acwr (0, 100), ==, 0);
  g_assert_true (isnan (stride_load_acwr (100, 0)));
  g_assert_true (isnan (stride_load_acwr (0, 0)));
  g_assert_true (isnan (stride_load_acwr (-0.0, -0.0)));
  g_assert_true (isnan (stride_load_acwr (NAN, 100)));
  g_assert_true (isnan (stride_load_acwr (100, NAN)));
  g_assert_true (isnan (stride_load_acwr (INFINITY, 100)));
  g_assert_true (isnan (stride_load_acwr (100, INFINITY)));
  g_assert_true (isnan (stride_load_acwr (100, -INFINITY)));
}

/* Rolling mean */

static void
test_rolling_mean (void)
{
  const double values[] = { 1, 2, 3, 4, 5 };
  const double expected[] = { 1, 1.5, 2, 3, 4 };
  double out[5];

  stride_rolling_mean (values, 5, 3, out);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpfloat_with_epsilon (out[i], expected[i], 1e-12);

  /* A window of 1 copies; one longer than the series is a running mean. */
  stride_rolling_mean (values, 5, 1, out);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpfloat (out[i], ==, values[i]);
  stride_rolling_mean (values, 5, 100, out);
  g_assert_cmpfloat (out[4], ==, 3);
}

static void
test_rolling_mean_nan (void)
{
  const double values[] = { NAN, 2, NAN, NAN, NAN, 6, 0 };
  double out[7];

  /* Window 2: {N} {N,2} {2,N} {N,N} {N,N} {N,6} {6,0} */
  stride_rolling_mean (values, 7, 2, out);
  g_assert_true (isnan (out[0]));
  g_assert_cmpfloat (out[1], ==, 2);
  g_assert_cmpfloat (out[2], ==, 2);
  g_assert_true (isnan (out[3]));
  g_assert_true (isnan (out[4]));
  g_assert_cmpfloat (out[5], ==, 6);
  g_assert_cmpfloat (out[6], ==, 3);

  /* Window 4 at index 6: {NAN, NAN, 6, 0} → 3; index 5: {NAN, NAN, NAN, 6} → 6 */
  stride_rolling_mean (values, 7, 4, out);
  g_assert_cmpfloat (out[5], ==, 6);
  g_assert_cmpfloat (out[6], ==, 3);
  g_assert_cmpfloat (out[3], ==, 2);

  /* Nothing to do */
  stride_rolling_mean (NULL, 0, 7, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/core/load/ewma/by-hand", test_ewma_by_hand);
  g_test_add_func ("/core/load/ewma/defaults", test_ewma_defaults);
  g_test_add_func ("/core/load/ewma/edges", test_ewma_edges);
  g_test_add_func ("/core/load/ewma/preconditions", test_ewma_preconditions);
  g_test_add_func ("/core/load/acwr", test_acwr);
  g_test_add_func ("/core/load/rolling-mean", test_rolling_mean);
  g_test_add_func ("/core/load/rolling-mean/nan", test_rolling_mean_nan);

  return g_test_run ();
}
