/* test-metrics.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-metrics"

#include "config.h"

#include <math.h>
#include <string.h>

#include "stride-metrics.h"
#include "stride-units.h"

#define NM "N\u00b7m"

/* Session load */

static void
test_session_load_rpe (void)
{
  gboolean estimated = TRUE;

  /* RPE 6 × 50 min */
  g_assert_cmpfloat (stride_session_load (STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_TEMPO, 6, 3000.0,
                                          &estimated), ==, 300.0);
  g_assert_false (estimated);

  /* RPE 8 × 45 min of lifting */
  estimated = TRUE;
  g_assert_cmpfloat (stride_session_load (STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, 8, 2700.0,
                                          &estimated), ==, 360.0);
  g_assert_false (estimated);

  /* RPE 10 × 90 s */
  g_assert_cmpfloat (stride_session_load (STRIDE_SPORT_CYCLING, STRIDE_RUN_TYPE_NONE, 10, 90.0,
                                          NULL), ==, 15.0);
}

static void
test_session_load_defaults (void)
{
  static const struct
  {
    StrideSport   sport;
    StrideRunType run_type;
    double        load;      /* for 60 minutes */
  } cases[] = {
    { STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_RECOVERY, 120.0 },
    { STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, 180.0 },
    { STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_LONG, 240.0 },
    { STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_TEMPO, 360.0 },
    { STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_INTERVALS, 420.0 },
    { STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_RACE, 480.0 },
    { STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_NONE, 180.0 },
    { STRIDE_SPORT_RUN, (StrideRunType) 99, 180.0 },
    { STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, 300.0 },
    { STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_RACE, 300.0 },   /* run type ignored */
    { STRIDE_SPORT_CYCLING, STRIDE_RUN_TYPE_NONE, 180.0 },
    { STRIDE_SPORT_WALK, STRIDE_RUN_TYPE_NONE, 180.0 },
    { STRIDE_SPORT_SWIM, STRIDE_RUN_TYPE_NONE, 180.0 },
    { STRIDE_SPORT_OTHER, STRIDE_RUN_TYPE_INTERVALS, 180.0 },
  };
  gboolean estimated;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      estimated = FALSE;
      g_assert_cmpfloat (stride_session_load (cases[i].sport, cases[i].run_type, 0, 3600.0,
                                              &estimated), ==, cases[i].load);
      g_assert_true (estimated);
    }

  /* An easy run of 50 min without RPE: 3 × 50 */
  estimated = FALSE;
  g_assert_cmpfloat (stride_session_load (STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, 0, 3000.0,
                                          &estimated), ==, 150.0);
  g_assert_true (estimated);

  /* Outside CR-10 is no rating: default, estimated */
  estimated = FALSE;
  g_assert_cmpfloat (stride_session_load (STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_LONG, 11, 3600.0,
                                          &estimated), ==, 240.0);
  g_assert_true (estimated);
  estimated = FALSE;
  g_assert_cmpfloat (stride_session_load (STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_LONG, -2, 3600.0,
                                          &estimated), ==, 240.0);
  g_assert_true (estimated);

  g_assert_cmpfloat (stride_session_load (STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, 0, 3000.0,
                                          NULL), ==, 150.0);
}

static void
test_session_load_invalid (void)
{
  static const double durations[] = { 0.0, -60.0, NAN, INFINITY, -INFINITY };
  gboolean estimated;

  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      estimated = TRUE;
      g_assert_cmpfloat (stride_session_load (STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, 0,
                                              durations[i], &estimated), ==, 0.0);
      g_assert_false (estimated);
      g_assert_cmpfloat (stride_session_load (STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, 5,
                                              durations[i], NULL), ==, 0.0);
    }
}

/* Estimated 1RM */

static void
test_e1rm (void)
{
  g_assert_cmpfloat_with_epsilon (stride_e1rm_epley (100.0, 5), 116.666666666667, 1e-9);
  g_assert_cmpfloat (stride_e1rm_brzycki (100.0, 5), ==, 112.5);
  g_assert_cmpfloat_with_epsilon (stride_e1rm (100.0, 5), (116.666666666667 + 112.5) / 2, 1e-9);

  /* 80 kg × 8: Epley 80 × 38/30, Brzycki 80 × 36/29 */
  g_assert_cmpfloat_with_epsilon (stride_e1rm_epley (80.0, 8), 101.333333333333, 1e-9);
  g_assert_cmpfloat_with_epsilon (stride_e1rm_brzycki (80.0, 8), 99.3103448275862, 1e-9);

  /* A single is the 1RM */
  g_assert_cmpfloat (stride_e1rm_epley (142.5, 1), ==, 142.5);
  g_assert_cmpfloat (stride_e1rm_brzycki (142.5, 1), ==, 142.5);
  g_assert_cmpfloat (stride_e1rm (142.5, 1), ==, 142.5);

  /* 10 reps is the last estimated; both formulas agree there */
  g_assert_cmpfloat_with_epsilon (stride_e1rm_epley (60.0, 10), 80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stride_e1rm_brzycki (60.0, 10), 80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stride_e1rm (60.0, 10), 80.0, 1e-9);

  /* Body weight */
  g_assert_cmpfloat (stride_e1rm (0.0, 5), ==, 0.0);
}

static void
test_e1rm_not_estimated (void)
{
  static const struct
  {
    double load_kg;
    gint   reps;
  } cases[] = {
    { 100.0, 11 },
    { 100.0, 30 },
    { 100.0, 0 },
    { 100.0, -3 },
    { -1.0, 5 },
    { NAN, 5 },
    { INFINITY, 5 },
    { -INFINITY, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (isnan (stride_e1rm_epley (cases[i].load_kg, cases[i].reps)));
      g_assert_true (isnan (stride_e1rm_brzycki (cases[i].load_kg, cases[i].reps)));
      g_assert_true (isnan (stride_e1rm (cases[i].load_kg, cases[i].reps)));
    }
}

/* Units */

static void
test_units (void)
{
  double out = -1.0;

  g_assert_true (stride_measurement_unit_is_known (NM));
  g_assert_true (stride_measurement_unit_is_known ("N"));
  g_assert_true (stride_measurement_unit_is_known ("kg"));
  g_assert_true (stride_measurement_unit_is_known ("lb"));
  g_assert_true (stride_measurement_unit_is_known ("cm"));
  g_assert_true (stride_measurement_unit_is_known ("reps"));
  g_assert_false (stride_measurement_unit_is_known ("Nm"));
  g_assert_false (stride_measurement_unit_is_known ("KG"));
  g_assert_false (stride_measurement_unit_is_known ("lbs"));
  g_assert_false (stride_measurement_unit_is_known (""));
  g_assert_false (stride_measurement_unit_is_known (NULL));

  g_assert_true (stride_measurement_convert (100.0, "lb", "kg", &out));
  g_assert_cmpfloat_with_epsilon (out, 45.359237, 1e-12);
  g_assert_true (stride_measurement_convert (100.0, "kg", "lb", &out));
  g_assert_cmpfloat_with_epsilon (out, 220.462262184878, 1e-9);
  g_assert_true (stride_measurement_convert (12.5, NM, NM, &out));
  g_assert_cmpfloat (out, ==, 12.5);

  out = -1.0;
  g_assert_false (stride_measurement_convert (100.0, "N", NM, &out));
  g_assert_false (stride_measurement_convert (100.0, "kg", "N", &out));
  g_assert_false (stride_measurement_convert (100.0, "cm", "reps", &out));
  g_assert_false (stride_measurement_convert (100.0, "kg", "stone", &out));
  g_assert_false (stride_measurement_convert (100.0, NULL, "kg", &out));
  g_assert_cmpfloat (out, ==, -1.0);
}

/* H:Q */

static void
test_hq_ratio (void)
{
  g_autoptr(GError) error = NULL;
  double ratio = -1.0;

  g_assert_true (stride_hq_ratio (120.0, NM, 200.0, NM, &ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ratio, 0.60, 1e-12);
  g_assert_cmpint (stride_hq_state (ratio, STRIDE_METHOD_ISOKINETIC_60), ==,
                   STRIDE_BALANCE_WATCH);

  g_assert_true (stride_hq_ratio (61.0, NM, 100.0, NM, &ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stride_hq_state (ratio, STRIDE_METHOD_ISOKINETIC_60), ==, STRIDE_BALANCE_OK);

  /* Dynamometer forces in N */
  g_assert_true (stride_hq_ratio (150.0, "N", 250.0, "N", &ratio, NULL));
  g_assert_cmpfloat_with_epsilon (ratio, 0.60, 1e-12);
  g_assert_cmpint (stride_hq_state (ratio, STRIDE_METHOD_DYNAMOMETER), ==, STRIDE_BALANCE_OK);

  /* Machine 1RM in kg vs lb: 100 kg vs 220.462 lb ≈ 1 */
  g_assert_true (stride_hq_ratio (100.0, "kg", 220.462, "lb", &ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ratio, 1.0, 1e-5);
  g_assert_true (stride_hq_ratio (220.462, "lb", 100.0, "kg", &ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ratio, 1.0, 1e-5);

  /* 61 kg vs 100 kg written in lb is 0.61 on paper: OK, not WATCH */
  g_assert_true (stride_hq_ratio (61.0, "kg", 100.0 / STRIDE_KG_PER_LB, "lb", &ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ratio, 0.61, 1e-12);
  g_assert_cmpint (stride_hq_state (ratio, STRIDE_METHOD_ISOKINETIC_60), ==, STRIDE_BALANCE_OK);
}

static void
test_hq_ratio_errors (void)
{
  static const struct
  {
    double      hamstring;
    const char *hamstring_unit;
    double      quadriceps;
    const char *quadriceps_unit;
    gint        code;
  } cases[] = {
    { 120.0, NM, 0.0, NM, STRIDE_METRICS_ERROR_INVALID_VALUE },
    { 120.0, NM, -200.0, NM, STRIDE_METRICS_ERROR_INVALID_VALUE },
    { 120.0, NM, NAN, NM, STRIDE_METRICS_ERROR_INVALID_VALUE },
    { 120.0, NM, INFINITY, NM, STRIDE_METRICS_ERROR_INVALID_VALUE },
    { 0.0, NM, 200.0, NM, STRIDE_METRICS_ERROR_INVALID_VALUE },
    { NAN, NM, 200.0, NM, STRIDE_METRICS_ERROR_INVALID_VALUE },
    { 120.0, "N", 200.0, NM, STRIDE_METRICS_ERROR_MIXED_UNITS },
    { 120.0, NM, 200.0, "N", STRIDE_METRICS_ERROR_MIXED_UNITS },
    { 120.0, "kg", 200.0, "N", STRIDE_METRICS_ERROR_MIXED_UNITS },
    { 120.0, "cm", 200.0, "kg", STRIDE_METRICS_ERROR_MIXED_UNITS },
    { 120.0, "Nm", 200.0, NM, STRIDE_METRICS_ERROR_UNKNOWN_UNIT },
    { 120.0, NM, 200.0, "ft-lb", STRIDE_METRICS_ERROR_UNKNOWN_UNIT },
    { 120.0, NULL, 200.0, NM, STRIDE_METRICS_ERROR_UNKNOWN_UNIT },
    { 120.0, NM, 200.0, NULL, STRIDE_METRICS_ERROR_UNKNOWN_UNIT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) mixed_error = NULL;
      double ratio = -1.0;

      g_assert_false (stride_hq_ratio (cases[i].hamstring, cases[i].hamstring_unit,
                                       cases[i].quadriceps, cases[i].quadriceps_unit,
                                       &ratio, &error));
      g_assert_error (error, STRIDE_METRICS_ERROR, cases[i].code);
      g_assert_cmpfloat (ratio, ==, -1.0);

      g_assert_false (stride_hq_mixed_ratio (cases[i].hamstring, cases[i].hamstring_unit,
                                             cases[i].quadriceps, cases[i].quadriceps_unit,
                                             &ratio, &mixed_error));
      g_assert_error (mixed_error, STRIDE_METRICS_ERROR, cases[i].code);
      g_assert_cmpfloat (ratio, ==, -1.0);

      /* error may be NULL */
      g_assert_false (stride_hq_ratio (cases[i].hamstring, cases[i].hamstring_unit,
                                       cases[i].quadriceps, cases[i].quadriceps_unit,
                                       &ratio, NULL));
      g_assert_cmpfloat (ratio, ==, -1.0);
    }
}

static void
test_hq_ratio_messages (void)
{
  g_autoptr(GError) error = NULL;
  double ratio = -1.0;

  /* A zero quadriceps is an error, never a NaN or infinite ratio. */
  g_assert_false (stride_hq_ratio (120.0, NM, 0.0, NM, &ratio, &error));
  g_assert_error (error, STRIDE_METRICS_ERROR, STRIDE_METRICS_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "The quadriceps value must be above zero");
  g_assert_true (isfinite (ratio));
  g_clear_error (&error);

  g_assert_false (stride_hq_ratio (-1.0, NM, 200.0, NM, &ratio, &error));
  g_assert_cmpstr (error->message, ==, "The hamstring value must be above zero");
  g_clear_error (&error);

  g_assert_false (stride_hq_ratio (120.0, "N", 200.0, NM, &ratio, &error));
  g_assert_nonnull (strstr (error->message, NM));
  g_clear_error (&error);

  g_assert_false (stride_hq_ratio (120.0, "furlongs", 200.0, NM, &ratio, &error));
  g_assert_nonnull (strstr (error->message, "furlongs"));
}

static void
test_hq_bands (void)
{
  static const struct
  {
    const char *method;
    double      target;
    double      flag_below;
  } cases[] = {
    { STRIDE_METHOD_ISOKINETIC_60, 0.61, 0.47 },
    { STRIDE_METHOD_ISOKINETIC_180, 0.72, 0.55 },
    { STRIDE_METHOD_ISOKINETIC_300, 0.78, 0.60 },
    { STRIDE_METHOD_DYNAMOMETER, 0.60, 0.47 },
  };
  static const char * const no_band[] = {
    STRIDE_METHOD_1RM,
    STRIDE_METHOD_E1RM,
    STRIDE_METHOD_FIELD,
    STRIDE_METHOD_ISOKINETIC_30,
    STRIDE_METHOD_ISOKINETIC_240,
    "isokinetic",
    "",
    NULL,
  };
  double target;
  double flag_below;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      target = flag_below = -1.0;
      g_assert_true (stride_hq_band (cases[i].method, &target, &flag_below));
      g_assert_cmpfloat (target, ==, cases[i].target);
      g_assert_cmpfloat (flag_below, ==, cases[i].flag_below);
      g_assert_true (stride_hq_band (cases[i].method, NULL, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (no_band); i++)
    {
      target = flag_below = -1.0;
      g_assert_false (stride_hq_band (no_band[i], &target, &flag_below));
      g_assert_cmpfloat (target, ==, -1.0);
      g_assert_cmpfloat (flag_below, ==, -1.0);
      g_assert_cmpint (stride_hq_state (0.6, no_band[i]), ==, STRIDE_BALANCE_NOT_ENOUGH_DATA);
    }
}

static void
test_hq_state (void)
{
  static const struct
  {
    const char         *method;
    double              ratio;
    StrideBalanceState  state;
  } cases[] = {
    /* 60°/s: 0.47 ≤ WATCH < 0.61 */
    { STRIDE_METHOD_ISOKINETIC_60, 0.60, STRIDE_BALANCE_WATCH },
    { STRIDE_METHOD_ISOKINETIC_60, 0.61, STRIDE_BALANCE_OK },
    { STRIDE_METHOD_ISOKINETIC_60, 0.609, STRIDE_BALANCE_WATCH },
    { STRIDE_METHOD_ISOKINETIC_60, 0.75, STRIDE_BALANCE_OK },
    { STRIDE_METHOD_ISOKINETIC_60, 1.20, STRIDE_BALANCE_OK },
    { STRIDE_METHOD_ISOKINETIC_60, 0.47, STRIDE_BALANCE_WATCH },
    { STRIDE_METHOD_ISOKINETIC_60, 0.469, STRIDE_BALANCE_IMBALANCE },
    { STRIDE_METHOD_ISOKINETIC_60, 0.20, STRIDE_BALANCE_IMBALANCE },
    /* 180°/s: 0.55 ≤ WATCH < 0.72 */
    { STRIDE_METHOD_ISOKINETIC_180, 0.72, STRIDE_BALANCE_OK },
    { STRIDE_METHOD_ISOKINETIC_180, 0.719, STRIDE_BALANCE_WATCH },
    { STRIDE_METHOD_ISOKINETIC_180, 0.61, STRIDE_BALANCE_WATCH },
    { STRIDE_METHOD_ISOKINETIC_180, 0.55, STRIDE_BALANCE_WATCH },
    { STRIDE_METHOD_ISOKINETIC_180, 0.549, STRIDE_BALANCE_IMBALANCE },
    /* 300°/s: 0.60 ≤ WATCH < 0.78 */
    { STRIDE_METHOD_ISOKINETIC_300, 0.78, STRIDE_BALANCE_OK },
    { STRIDE_METHOD_ISOKINETIC_300, 0.72, STRIDE_BALANCE_WATCH },
    { STRIDE_METHOD_ISOKINETIC_300, 0.60, STRIDE_BALANCE_WATCH },
    { STRIDE_METHOD_ISOKINETIC_300, 0.599, STRIDE_BALANCE_IMBALANCE },
    /* dynamometer: 0.47 ≤ WATCH < 0.60 */
    { STRIDE_METHOD_DYNAMOMETER, 0.60, STRIDE_BALANCE_OK },
    { STRIDE_METHOD_DYNAMOMETER, 0.599, STRIDE_BALANCE_WATCH },
    { STRIDE_METHOD_DYNAMOMETER, 0.47, STRIDE_BALANCE_WATCH },
    { STRIDE_METHOD_DYNAMOMETER, 0.469, STRIDE_BALANCE_IMBALANCE },
    /* 1RM: own baseline, no absolute band */
    { STRIDE_METHOD_1RM, 0.30, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    { STRIDE_METHOD_1RM, 0.52, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    /* ratios that make no sense */
    { STRIDE_METHOD_ISOKINETIC_60, 0.0, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    { STRIDE_METHOD_ISOKINETIC_60, -0.6, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    { STRIDE_METHOD_ISOKINETIC_60, NAN, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    { STRIDE_METHOD_ISOKINETIC_60, INFINITY, STRIDE_BALANCE_NOT_ENOUGH_DATA },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (g_test_verbose ())
        g_test_message ("%s %g", cases[i].method, cases[i].ratio);
      g_assert_cmpint (stride_hq_state (cases[i].ratio, cases[i].method), ==, cases[i].state);
    }
}

static void
test_hq_mixed (void)
{
  g_autoptr(GError) error = NULL;
  double ratio = -1.0;

  /* eccentric 30°/s 160 N·m / concentric 240°/s 200 N·m */
  g_assert_true (stride_hq_mixed_ratio (160.0, NM, 200.0, NM, &ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ratio, 0.80, 1e-12);
  g_assert_cmpint (stride_hq_mixed_state (ratio), ==, STRIDE_BALANCE_OK);

  g_assert_true (stride_hq_mixed_ratio (150.0, NM, 200.0, NM, &ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ratio, 0.75, 1e-12);
  g_assert_cmpint (stride_hq_mixed_state (ratio), ==, STRIDE_BALANCE_IMBALANCE);

  g_assert_cmpint (stride_hq_mixed_state (0.799), ==, STRIDE_BALANCE_IMBALANCE);
  g_assert_cmpint (stride_hq_mixed_state (1.1), ==, STRIDE_BALANCE_OK);
  g_assert_cmpint (stride_hq_mixed_state (0.0), ==, STRIDE_BALANCE_NOT_ENOUGH_DATA);
  g_assert_cmpint (stride_hq_mixed_state (NAN), ==, STRIDE_BALANCE_NOT_ENOUGH_DATA);
}

/* LSI */

static void
test_lsi (void)
{
  g_autoptr(GError) error = NULL;
  double lsi = -1.0;
  StrideSide weaker = STRIDE_N_SIDES;

  /* Left weaker: 90 / 100 = 90 % → OK */
  g_assert_true (stride_lsi (90.0, 100.0, &lsi, &weaker, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (lsi, ==, 90.0);
  g_assert_cmpint (weaker, ==, STRIDE_SIDE_LEFT);
  g_assert_cmpint (stride_lsi_state (lsi), ==, STRIDE_BALANCE_OK);

  /* Right weaker */
  g_assert_true (stride_lsi (100.0, 90.0, &lsi, &weaker, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (lsi, ==, 90.0);
  g_assert_cmpint (weaker, ==, STRIDE_SIDE_RIGHT);

  /* 89.9 % → WATCH */
  g_assert_true (stride_lsi (89.9, 100.0, &lsi, &weaker, &error));
  g_assert_cmpfloat_with_epsilon (lsi, 89.9, 1e-9);
  g_assert_cmpint (weaker, ==, STRIDE_SIDE_LEFT);
  g_assert_cmpint (stride_lsi_state (lsi), ==, STRIDE_BALANCE_WATCH);

  /* 84.9 % → IMBALANCE, right weaker */
  g_assert_true (stride_lsi (100.0, 84.9, &lsi, &weaker, &error));
  g_assert_cmpfloat_with_epsilon (lsi, 84.9, 1e-9);
  g_assert_cmpint (weaker, ==, STRIDE_SIDE_RIGHT);
  g_assert_cmpint (stride_lsi_state (lsi), ==, STRIDE_BALANCE_IMBALANCE);

  /* Hop distances, 153 cm vs 170 cm = 90 % */
  g_assert_true (stride_lsi (170.0, 153.0, &lsi, NULL, &error));
  g_assert_cmpfloat_with_epsilon (lsi, 90.0, 1e-9);
  g_assert_cmpint (stride_lsi_state (lsi), ==, STRIDE_BALANCE_OK);

  /* Equal */
  g_assert_true (stride_lsi (42.0, 42.0, &lsi, &weaker, &error));
  g_assert_cmpfloat (lsi, ==, 100.0);
  g_assert_cmpint (weaker, ==, STRIDE_SIDE_BOTH);
  g_assert_no_error (error);
}

static void
test_lsi_errors (void)
{
  static const double left[] = { 0.0, -5.0, NAN, INFINITY, 100.0, 100.0, 100.0 };
  static const double right[] = { 100.0, 100.0, 100.0, 100.0, 0.0, NAN, -INFINITY };

  G_STATIC_ASSERT (G_N_ELEMENTS (left) == G_N_ELEMENTS (right));

  for (guint i = 0; i < G_N_ELEMENTS (left); i++)
    {
      g_autoptr(GError) error = NULL;
      double lsi = -1.0;
      StrideSide weaker = STRIDE_N_SIDES;

      g_assert_false (stride_lsi (left[i], right[i], &lsi, &weaker, &error));
      g_assert_error (error, STRIDE_METRICS_ERROR, STRIDE_METRICS_ERROR_INVALID_VALUE);
      g_assert_cmpfloat (lsi, ==, -1.0);
      g_assert_cmpint (weaker, ==, STRIDE_N_SIDES);
      g_assert_false (stride_lsi (left[i], right[i], &lsi, NULL, NULL));
    }
}

static void
test_lsi_state (void)
{
  static const struct
  {
    double             lsi;
    StrideBalanceState state;
  } cases[] = {
    { 100.0, STRIDE_BALANCE_OK },
    { 95.0, STRIDE_BALANCE_OK },
    { 90.0, STRIDE_BALANCE_OK },
    { 89.9, STRIDE_BALANCE_WATCH },
    { 85.0, STRIDE_BALANCE_WATCH },
    { 84.9, STRIDE_BALANCE_IMBALANCE },
    { 40.0, STRIDE_BALANCE_IMBALANCE },
    { 0.0, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    { -90.0, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    { 110.0, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    { NAN, STRIDE_BALANCE_NOT_ENOUGH_DATA },
    { INFINITY, STRIDE_BALANCE_NOT_ENOUGH_DATA },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (stride_lsi_state (cases[i].lsi), ==, cases[i].state);
}

/* Strength volume */

static void
test_volume (void)
{
  static const StrideStrengthSet sets[] = {
    { .side = STRIDE_SIDE_BOTH, .reps = 5, .load_kg = 100.0 },      /* 500 */
    { .side = STRIDE_SIDE_BOTH, .reps = 5, .load_kg = 100.0 },      /* 500 */
    { .side = STRIDE_SIDE_LEFT, .reps = 8, .load_kg = 20.0 },       /* 160 */
    { .side = STRIDE_SIDE_RIGHT, .reps = 8, .load_kg = 22.5 },      /* 180 */
    { .side = STRIDE_SIDE_LEFT, .reps = 6, .load_kg = 20.0 },       /* 120 */
    { .side = STRIDE_SIDE_LEFT, .reps = 10, .load_kg = 0.0 },       /* body weight: 0 */
    { .side = STRIDE_SIDE_RIGHT, .reps = 0, .load_kg = 40.0 },      /* skipped */
    { .side = STRIDE_SIDE_RIGHT, .reps = 5, .load_kg = -10.0 },     /* skipped */
    { .side = STRIDE_SIDE_RIGHT, .reps = 5, .load_kg = NAN },       /* skipped */
    { .side = STRIDE_N_SIDES, .reps = 5, .load_kg = 50.0 },         /* skipped */
  };
  double left = -1.0;
  double right = -1.0;
  double both = -1.0;

  stride_strength_volume (sets, G_N_ELEMENTS (sets), &left, &right, &both);
  g_assert_cmpfloat (left, ==, 280.0);
  g_assert_cmpfloat (right, ==, 180.0);
  g_assert_cmpfloat (both, ==, 1000.0);

  /* Any output may be NULL */
  right = -1.0;
  stride_strength_volume (sets, G_N_ELEMENTS (sets), NULL, &right, NULL);
  g_assert_cmpfloat (right, ==, 180.0);

  /* Nothing */
  left = right = both = -1.0;
  stride_strength_volume (NULL, 0, &left, &right, &both);
  g_assert_cmpfloat (left, ==, 0.0);
  g_assert_cmpfloat (right, ==, 0.0);
  g_assert_cmpfloat (both, ==, 0.0);

  /* A body-weight-only session */
  stride_strength_volume (&sets[5], 1, &left, &right, &both);
  g_assert_cmpfloat (left, ==, 0.0);
}

static void
test_preconditions (void)
{
  double out = -1.0;
  double left = -1.0;

  g_test_expect_message ("stride-metrics", G_LOG_LEVEL_CRITICAL, "*ratio != NULL*");
  g_assert_false (stride_hq_ratio (1.0, NM, 2.0, NM, NULL, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("stride-metrics", G_LOG_LEVEL_CRITICAL, "*lsi_percent != NULL*");
  g_assert_false (stride_lsi (1.0, 2.0, NULL, NULL, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("stride-metrics", G_LOG_LEVEL_CRITICAL, "*out != NULL*");
  g_assert_false (stride_measurement_convert (1.0, "kg", "lb", NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("stride-metrics", G_LOG_LEVEL_CRITICAL, "*sets != NULL*");
  stride_strength_volume (NULL, 3, &left, NULL, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (left, ==, -1.0);

  g_assert_cmpfloat (out, ==, -1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/metrics/session-load/rpe", test_session_load_rpe);
  g_test_add_func ("/metrics/session-load/defaults", test_session_load_defaults);
  g_test_add_func ("/metrics/session-load/invalid", test_session_load_invalid);
  g_test_add_func ("/metrics/e1rm/formulas", test_e1rm);
  g_test_add_func ("/metrics/e1rm/not-estimated", test_e1rm_not_estimated);
  g_test_add_func ("/metrics/units", test_units);
  g_test_add_func ("/metrics/hq/ratio", test_hq_ratio);
  g_test_add_func ("/metrics/hq/errors", test_hq_ratio_errors);
  g_test_add_func ("/metrics/hq/messages", test_hq_ratio_messages);
  g_test_add_func ("/metrics/hq/bands", test_hq_bands);
  g_test_add_func ("/metrics/hq/state", test_hq_state);
  g_test_add_func ("/metrics/hq/mixed", test_hq_mixed);
  g_test_add_func ("/metrics/lsi/ratio", test_lsi);
  g_test_add_func ("/metrics/lsi/errors", test_lsi_errors);
  g_test_add_func ("/metrics/lsi/state", test_lsi_state);
  g_test_add_func ("/metrics/volume", test_volume);
  g_test_add_func ("/metrics/preconditions", test_preconditions);

  return g_test_run ();
}
