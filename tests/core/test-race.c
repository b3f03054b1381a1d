/* test-race.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-race"

#include "config.h"

#include <math.h>
#include <string.h>

#include "stride-race.h"

/* Riegel */

/* 5 km in 24:34 (1474 s) → 10 km: 1474 × 2^1.06 = 1474 × 2.084932… =
 * 3073.19 s (51:13). Both distances are in range. */
static void
test_riegel_by_hand (void)
{
  g_autoptr(GError) error = NULL;
  gboolean in_range = FALSE;
  double t = 0;

  g_assert_true (stride_riegel_predict (5000, 1474, 10000, &t, &in_range, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (t, 3073.189, 0.01);
  g_assert_true (in_range);

  /* 10 km in 50:00 → half marathon: 3000 × 2.10975^1.06 = 6619.21 s. */
  g_assert_true (stride_riegel_predict (10000, 3000, 21097.5, &t, &in_range, &error));
  g_assert_cmpfloat_with_epsilon (t, 6619.209, 0.01);

  /* Same distance: same time. */
  g_assert_true (stride_riegel_predict (10000, 3000, 10000, &t, NULL, &error));
  g_assert_cmpfloat_with_epsilon (t, 3000, 1e-9);
}

static void
test_riegel_range (void)
{
  g_autoptr(GError) error = NULL;
  gboolean in_range = TRUE;
  double t;

  /* The range's ends are in range, a marathon and 1500 m included. */
  g_assert_true (stride_riegel_predict (1500, 300, 42195, &t, &in_range, &error));
  g_assert_true (in_range);
  /* 800 m and 50 km are not. */
  g_assert_true (stride_riegel_predict (800, 150, 5000, &t, &in_range, &error));
  g_assert_false (in_range);
  g_assert_true (stride_riegel_predict (10000, 3000, 50000, &t, &in_range, &error));
  g_assert_false (in_range);
  g_assert_no_error (error);
}

static void
test_riegel_invalid (void)
{
  const double bad[] = { 0, -1, NAN, INFINITY };
  double t = 42;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;

      g_assert_false (stride_riegel_predict (bad[i], 1000, 5000, &t, NULL, &e1));
      g_assert_error (e1, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID);
      g_assert_false (stride_riegel_predict (5000, bad[i], 5000, &t, NULL, &e2));
      g_assert_error (e2, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID);
      g_assert_false (stride_riegel_predict (5000, 1000, bad[i], &t, NULL, &e3));
      g_assert_error (e3, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID);
    }
  g_assert_cmpfloat (t, ==, 42);
}

/* VDOT */

/* RISK-RULES.md §1: 5 km in 24:34. t = 24.5667 min, v = 203.53 m/min;
 * VO2 = −4.60 + 37.095 + 4.308 = 36.80; %max = 0.8 + 0.1894393 × 0.73055 +
 * 0.2989558 × 0.008675 = 0.94099; VDOT = 39.11. */
static void
test_vdot_by_hand (void)
{
  g_autoptr(GError) error = NULL;
  double vdot = 0;

  g_assert_true (stride_vdot_from_race (5000, 24 * 60 + 34, &vdot, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (vdot, 39.110, 0.001);

  /* 10 km in 50:00: v = 200, VO2 = 36.0116, %max(50) = 0.90002 → 40.012. */
  g_assert_true (stride_vdot_from_race (10000, 3000, &vdot, &error));
  g_assert_cmpfloat_with_epsilon (vdot, 40.012, 0.001);
}

static void
test_vdot_parts (void)
{
  /* v = 200: −4.60 + 36.4516 + 4.16 = 36.0116. */
  g_assert_cmpfloat_with_epsilon (stride_vdot_oxygen_cost (200), 36.0116, 1e-9);
  /* t = 0: 0.8 + 0.1894393 + 0.2989558. */
  g_assert_cmpfloat_with_epsilon (stride_vdot_fraction_max (0), 1.2883951, 1e-9);
  /* The speed for an oxygen cost inverts the cost. */
  g_assert_cmpfloat_with_epsilon (stride_vdot_speed_for_oxygen (36.0116), 200, 1e-6);
  g_assert_cmpfloat_with_epsilon (stride_vdot_speed_for_oxygen (40), 217.6716, 1e-3);
  g_assert_true (isnan (stride_vdot_speed_for_oxygen (NAN)));
  g_assert_true (isnan (stride_vdot_speed_for_oxygen (-10)));
}

/* The inverse gives back the race it came from, and matches Daniels'
 * published table within seconds: VDOT 50 runs 5 km in 19:57 (1197 s)
 * and the marathon in 3:10:49 (11449 s). */
static void
test_vdot_inverse (void)
{
  g_autoptr(GError) error = NULL;
  double vdot;
  double t = 0;

  g_assert_true (stride_vdot_from_race (5000, 1474, &vdot, &error));
  g_assert_true (stride_vdot_predict_time (vdot, 5000, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (t, 1474, 0.01);

  /* 10 km for VDOT 39.11: 3058.89 s, by the same bisection by hand. */
  g_assert_true (stride_vdot_predict_time (vdot, 10000, &t, &error));
  g_assert_cmpfloat_with_epsilon (t, 3058.89, 0.05);

  g_assert_true (stride_vdot_predict_time (50, 5000, &t, &error));
  g_assert_cmpfloat_with_epsilon (t, 1197, 5);
  g_assert_true (stride_vdot_predict_time (50, 42195, &t, &error));
  g_assert_cmpfloat_with_epsilon (t, 11449, 15);

  /* Round trips over a range of distances and abilities. */
  for (double v = 30; v <= 80; v += 5)
    for (double d = 1500; d <= 42195; d *= 1.7)
      {
        double back;

        g_assert_true (stride_vdot_predict_time (v, d, &t, &error));
        g_assert_true (stride_vdot_from_race (d, t, &back, &error));
        g_assert_cmpfloat_with_epsilon (back, v, 1e-3);
      }
  g_assert_no_error (error);
}

static void
test_vdot_invalid (void)
{
  const double bad[] = { 0, -3, NAN, -INFINITY };
  double out = 7;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;

      g_assert_false (stride_vdot_from_race (bad[i], 1000, &out, &e1));
      g_assert_error (e1, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID);
      g_assert_false (stride_vdot_from_race (5000, bad[i], &out, &e2));
      g_assert_error (e2, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID);
      g_assert_false (stride_vdot_predict_time (bad[i], 5000, &out, &e3));
      g_assert_error (e3, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID);
      g_assert_false (stride_vdot_predict_time (40, bad[i], &out, &e4));
      g_assert_error (e4, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID);
    }
  g_assert_cmpfloat (out, ==, 7);

  /* A VDOT no running speed in the bracket reaches. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (stride_vdot_predict_time (2, 5000, &out, &error));
    g_assert_error (error, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_OUT_OF_RANGE);
  }
}

/* Prediction from recent results */

static void
test_predict_from_results (void)
{
  const guint32 today = 740000;
  const StrideRaceResult results[] = {
    { 5000, 1474, today - 10 },        /* VDOT 39.11 */
    { 10000, 3000, today - 40 },       /* VDOT 40.01, nearest to a half */
    { 3000, 720, today - 200 },        /* VDOT 45: too old */
    { 21097.5, 5400, today + 3 },      /* in the future: ignored */
  };
  g_autoptr(GError) error = NULL;
  StrideRacePrediction p = { 0 };
  double expected;

  g_assert_true (stride_race_predict_from_results (results, G_N_ELEMENTS (results), today, 90,
                                                   21097.5, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.vdot_index, ==, 1);
  g_assert_cmpfloat_with_epsilon (p.vdot, 40.012, 0.001);
  g_assert_cmpuint (p.riegel_index, ==, 1);
  g_assert_cmpfloat_with_epsilon (p.riegel_time_s, 6619.209, 0.01);
  g_assert_true (p.riegel_in_range);
  g_assert_true (stride_vdot_predict_time (p.vdot, 21097.5, &expected, &error));
  g_assert_cmpfloat_with_epsilon (p.vdot_time_s, expected, 1e-9);

  /* A 30-day window: only the 5 km; for a 10 km it is the nearest too. */
  g_assert_true (stride_race_predict_from_results (results, G_N_ELEMENTS (results), today, 30,
                                                   10000, &p, &error));
  g_assert_cmpuint (p.vdot_index, ==, 0);
  g_assert_cmpuint (p.riegel_index, ==, 0);
  g_assert_cmpfloat_with_epsilon (p.riegel_time_s, 3073.189, 0.01);
  g_assert_cmpfloat_with_epsilon (p.vdot_time_s, 3058.89, 0.05);

  /* The window's first day counts, the day before it does not. */
  g_assert_true (stride_race_predict_from_results (results, 2, today, 41, 10000, &p, &error));
  g_assert_cmpuint (p.vdot_index, ==, 1);
  g_assert_true (stride_race_predict_from_results (results, 2, today, 40, 10000, &p, &error));
  g_assert_cmpuint (p.vdot_index, ==, 0);
}

/* Nearest by ratio: for 8 km, 12 km (×1.5) is nearer than 5 km (×1.6),
 * though 5 km is nearer in metres (3 km vs 4 km). Of the two 12 km
 * results, the newer wins. */
static void
test_predict_nearest (void)
{
  const guint32 today = 740000;
  const StrideRaceResult results[] = {
    { 5000, 1500, today - 5 },
    { 12000, 4000, today - 6 },
    { 12000, 3900, today - 2 },
  };
  g_autoptr(GError) error = NULL;
  StrideRacePrediction p = { 0 };

  g_assert_true (stride_race_predict_from_results (results, 3, today, 30, 8000, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.riegel_index, ==, 2);
}

static void
test_predict_invalid (void)
{
  const guint32 today = 740000;
  const StrideRaceResult bad[] = {
    { 5000, 1500, today - 5 },
    { 5000, NAN, today - 6 },
  };
  const StrideRaceResult old[] = { { 5000, 1500, today - 100 } };
  StrideRacePrediction p = { 0 };

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (stride_race_predict_from_results (bad, 2, today, 30, 10000, &p, &error));
    g_assert_error (error, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "2"));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (stride_race_predict_from_results (old, 1, today, 30, 10000, &p, &error));
    g_assert_error (error, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_NO_RESULTS);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (stride_race_predict_from_results (NULL, 0, today, 30, 10000, &p, &error));
    g_assert_error (error, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_NO_RESULTS);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (stride_race_predict_from_results (old, 1, today, 300, -1, &p, &error));
    g_assert_error (error, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/race/riegel/by-hand", test_riegel_by_hand);
  g_test_add_func ("/core/race/riegel/range", test_riegel_range);
  g_test_add_func ("/core/race/riegel/invalid", test_riegel_invalid);
  g_test_add_func ("/core/race/vdot/by-hand", test_vdot_by_hand);
  g_test_add_func ("/core/race/vdot/parts", test_vdot_parts);
  g_test_add_func ("/core/race/vdot/inverse", test_vdot_inverse);
  g_test_add_func ("/core/race/vdot/invalid", test_vdot_invalid);
  g_test_add_func ("/core/race/predict/results", test_predict_from_results);
  g_test_add_func ("/core/race/predict/nearest", test_predict_nearest);
  g_test_add_func ("/core/race/predict/invalid", test_predict_invalid);

  return g_test_run ();
}
