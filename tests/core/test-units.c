/* test-units.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-units"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "stride-types.h"
#include "stride-units.h"

#define M STRIDE_UNITS_METRIC
#define I STRIDE_UNITS_IMPERIAL
#define DASH "\xe2\x80\x93"

static void
test_constants (void)
{
  g_assert_cmpfloat (STRIDE_METERS_PER_MILE, ==, 1609.344);
  g_assert_cmpfloat (STRIDE_KG_PER_LB, ==, 0.45359237);
  g_assert_cmpfloat_with_epsilon (stride_units_distance_to_display (1609.344, I), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (stride_units_distance_to_display (42195.0, M), 42.195, 1e-12);
  g_assert_cmpfloat_with_epsilon (stride_units_distance_from_display (26.2, I), 42164.8128, 1e-6);
  g_assert_cmpfloat_with_epsilon (stride_units_weight_to_display (0.45359237, I), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (stride_units_weight_from_display (100.0, I), 45.359237, 1e-9);
  g_assert_cmpfloat_with_epsilon (stride_units_pace_to_display (300.0, I), 482.8032, 1e-9);
  g_assert_cmpfloat_with_epsilon (stride_units_pace_from_display (482.8032, I), 300.0, 1e-9);
  g_assert_cmpfloat (stride_units_pace_to_display (300.0, M), ==, 300.0);
}

typedef struct
{
  double            value;
  StrideUnitSystem  units;
  const char       *expected;
} FormatCase;

static void
test_format_distance (void)
{
  static const FormatCase cases[] = {
    { 0.0, M, "0.0 km" },
    { 10500.0, M, "10.5 km" },
    { 10000.0, M, "10.0 km" },
    { 1234.0, M, "1.23 km" },
    { 42195.0, M, "42.2 km" },
    { 21097.5, M, "21.1 km" },
    { 999.0, M, "1.0 km" },
    { 123456.0, M, "123.46 km" },
    { 10492.92, I, "6.52 mi" },
    { 1609.344, I, "1.0 mi" },
    { 42195.0, I, "26.22 mi" },
    { 5000.0, I, "3.11 mi" },
    { -1.0, M, DASH },
    { NAN, M, DASH },
    { INFINITY, I, DASH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *str = stride_units_format_distance (cases[i].value, cases[i].units);

      g_assert_cmpstr (str, ==, cases[i].expected);
    }
}

static void
test_format_duration (void)
{
  static const FormatCase cases[] = {
    { 0.0, M, "0:00" },
    { 45.0, M, "0:45" },
    { 59.5, M, "1:00" },
    { 2700.0, M, "45:00" },
    { 3599.4, M, "59:59" },
    { 3599.6, M, "1:00:00" },
    { 3723.0, M, "1:02:03" },
    { 14399.0, M, "3:59:59" },
    { 86400.0, M, "24:00:00" },
    { -5.0, M, DASH },
    { NAN, M, DASH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *str = stride_units_format_duration (cases[i].value);

      g_assert_cmpstr (str, ==, cases[i].expected);
    }
}

static void
test_format_pace (void)
{
  static const FormatCase cases[] = {
    { 245.0, M, "4:05 /km" },
    { 320.0, M, "5:20 /km" },
    { 299.5, M, "5:00 /km" },      /* carries 60 s into the minute */
    { 299.4, M, "4:59 /km" },
    { 59.6, M, "1:00 /km" },
    { 450.0 / 1.609344, I, "7:30 /mi" },
    { 320.0, I, "8:35 /mi" },
    { 3600.0, M, "1:00:00 /km" },
    { 0.0, M, DASH },
    { -245.0, M, DASH },
    { NAN, I, DASH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *str = stride_units_format_pace (cases[i].value, cases[i].units);

      g_assert_cmpstr (str, ==, cases[i].expected);
    }
}

static void
test_format_speed (void)
{
  static const FormatCase cases[] = {
    { 1000.0 / 245.0, M, "14.7 km/h" },
    { 1000.0 / 245.0, I, "9.1 mph" },
    { 0.0, M, "0.0 km/h" },
    { 10.0, M, "36.0 km/h" },
    { -1.0, M, DASH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *str = stride_units_format_speed (cases[i].value, cases[i].units);

      g_assert_cmpstr (str, ==, cases[i].expected);
    }
}

static void
test_format_weight (void)
{
  static const FormatCase cases[] = {
    { 80.0, M, "80 kg" },
    { 22.5, M, "22.5 kg" },
    { 21.25, M, "21.25 kg" },
    { 0.0, M, "0 kg" },
    { 80.0, I, "176.4 lb" },
    { 45.359237, I, "100 lb" },
    { 20.0, I, "44.1 lb" },
    { -1.0, M, DASH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *str = stride_units_format_weight (cases[i].value, cases[i].units);

      g_assert_cmpstr (str, ==, cases[i].expected);
    }
}

/* The decimal point stays '.' whatever LC_NUMERIC says. */
static void
test_format_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "C.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *distance = NULL;
      g_autofree char *weight = NULL;

      if (setlocale (LC_NUMERIC, locales[i]) == NULL)
        continue;
      distance = stride_units_format_distance (10500.0, M);
      weight = stride_units_format_weight (22.5, M);
      g_assert_cmpstr (distance, ==, "10.5 km");
      g_assert_cmpstr (weight, ==, "22.5 kg");
    }

  setlocale (LC_NUMERIC, saved);
}

typedef struct
{
  const char       *text;
  StrideUnitSystem  units;
  double            expected;        /* when code < 0 */
  int               code;            /* StrideUnitsError, or -1 for success */
} ParseCase;

typedef gboolean (*ParseFunc) (const char       *text,
                               StrideUnitSystem  units,
                               double           *out,
                               GError          **error);

static gboolean
parse_duration_adapter (const char       *text,
                        StrideUnitSystem  units,
                        double           *out,
                        GError          **error)
{
  return stride_units_parse_duration (text, out, error);
}

static void
run_parse_cases (ParseFunc        func,
                 const ParseCase *cases,
                 guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      double out = -12345.0;
      gboolean ok = func (cases[i].text, cases[i].units, &out, &error);

      g_test_message ("parsing “%s”", cases[i].text ? cases[i].text : "(null)");

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpfloat_with_epsilon (out, cases[i].expected, 1e-6);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, STRIDE_UNITS_ERROR, cases[i].code);
          g_assert_nonnull (error);
          if (error != NULL)
            g_assert_cmpuint (strlen (error->message), >, 10);
          /* On error the output is left alone. */
          g_assert_cmpfloat (out, ==, -12345.0);
        }
    }
}

static void
test_parse_distance (void)
{
  static const ParseCase cases[] = {
    { "42.2", M, 42200.0, -1 },
    { "42.2", I, 42.2 * 1609.344, -1 },
    { "42.2 km", I, 42200.0, -1 },
    { "26.2 mi", M, 42164.8128, -1 },
    { "5000 m", M, 5000.0, -1 },
    { "5000m", I, 5000.0, -1 },
    { "  10 KM ", M, 10000.0, -1 },
    { "10k", M, 10000.0, -1 },
    { ".5", M, 500.0, -1 },
    { "3 miles", M, 4828.032, -1 },
    { "1 mile", M, 1609.344, -1 },
    { "1000", M, 1000000.0, -1 },
    { "", M, 0, STRIDE_UNITS_ERROR_EMPTY },
    { "   ", M, 0, STRIDE_UNITS_ERROR_EMPTY },
    { NULL, M, 0, STRIDE_UNITS_ERROR_EMPTY },
    { "-5", M, 0, STRIDE_UNITS_ERROR_NEGATIVE },
    { "-5 km", M, 0, STRIDE_UNITS_ERROR_NEGATIVE },
    { "42,2", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "abc", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "km", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "10 furlongs", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "1e3", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "1.2.3", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "+5", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "nan", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "inf", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "0x10", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "0", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "0.0 mi", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "2000 km", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "700", I, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
  };

  run_parse_cases (stride_units_parse_distance, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_duration (void)
{
  static const ParseCase cases[] = {
    { "3:59:59", M, 14399.0, -1 },
    { "45:00", M, 2700.0, -1 },
    { "45", M, 2700.0, -1 },          /* a bare number is minutes */
    { "45 min", M, 2700.0, -1 },
    { "45.5", M, 2730.0, -1 },
    { "90:00", M, 5400.0, -1 },       /* m:ss may have more than 59 minutes */
    { "1:02:03", M, 3723.0, -1 },
    { "0:45", M, 45.0, -1 },
    { " 10:00:00 ", M, 36000.0, -1 },
    { "72:00:00", M, 259200.0, -1 },
    { "", M, 0, STRIDE_UNITS_ERROR_EMPTY },
    { NULL, M, 0, STRIDE_UNITS_ERROR_EMPTY },
    { "-5", M, 0, STRIDE_UNITS_ERROR_NEGATIVE },
    { "-0:45", M, 0, STRIDE_UNITS_ERROR_NEGATIVE },
    { "45:60", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "1:60:00", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "1:00:99", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "45:5", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "1:2:03", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "1:02:03:04", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { ":45", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "45:", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "4 5", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "45:00.5", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "abc", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "45,5", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "0", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "0:00", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "100:00:00", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "99999999999:00", M, 0, STRIDE_UNITS_ERROR_INVALID },
  };

  run_parse_cases (parse_duration_adapter, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_pace (void)
{
  static const ParseCase cases[] = {
    { "4:05", M, 245.0, -1 },
    { "4:05/km", I, 245.0, -1 },
    { "4:05 /km", M, 245.0, -1 },
    { " 5:00 / KM ", M, 300.0, -1 },
    { "4:05 min/km", M, 245.0, -1 },
    { "7:30/mi", M, 450.0 / 1.609344, -1 },
    { "7:30 min/mi", M, 450.0 / 1.609344, -1 },
    { "7:30/mile", M, 450.0 / 1.609344, -1 },
    { "7:30", I, 450.0 / 1.609344, -1 },
    { "4:05", I, 245.0 / 1.609344, -1 },
    { "5", M, 300.0, -1 },
    { "1:30", M, 90.0, -1 },
    { "60:00", M, 3600.0, -1 },
    { "", M, 0, STRIDE_UNITS_ERROR_EMPTY },
    { "-4:05", M, 0, STRIDE_UNITS_ERROR_NEGATIVE },
    { "4:65", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "4:60/km", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "4:5", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "4:05/furlong", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "4:05/", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "/km", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "5.5", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "abc", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "4:05 km", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "1:29", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "0:59/km", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "2:20/mi", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "61:00", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "0", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
  };

  run_parse_cases (stride_units_parse_pace, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_weight (void)
{
  static const ParseCase cases[] = {
    { "80", M, 80.0, -1 },
    { "80", I, 80.0 * 0.45359237, -1 },
    { "80kg", I, 80.0, -1 },
    { "22.5 kg", M, 22.5, -1 },
    { "176 lb", M, 176.0 * 0.45359237, -1 },
    { "100 LBS", M, 45.359237, -1 },
    { "0", M, 0.0, -1 },                /* body weight */
    { "", M, 0, STRIDE_UNITS_ERROR_EMPTY },
    { "-5", M, 0, STRIDE_UNITS_ERROR_NEGATIVE },
    { "22,5", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "80 stone", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "heavy", M, 0, STRIDE_UNITS_ERROR_INVALID },
    { "600", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
    { "1200 lb", M, 0, STRIDE_UNITS_ERROR_OUT_OF_RANGE },
  };

  run_parse_cases (stride_units_parse_weight, cases, G_N_ELEMENTS (cases));
}

/* What the parsers read back is what the formatters wrote. */
static void
test_round_trip (void)
{
  static const double paces[] = { 180.0, 245.0, 300.0, 333.0, 412.0 };

  for (guint i = 0; i < G_N_ELEMENTS (paces); i++)
    {
      for (StrideUnitSystem u = M; u <= I; u++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *text = stride_units_format_pace (paces[i], u);
          double parsed = 0.0;

          g_assert_true (stride_units_parse_pace (text, M, &parsed, &error));
          g_assert_no_error (error);
          /* Whole seconds per display unit. */
          g_assert_cmpfloat (fabs (parsed - paces[i]), <=, u == I ? 0.5 / 1.609344 + 1e-9 : 1e-9);
        }
    }

  for (guint i = 0; i < 3; i++)
    {
      static const double durations[] = { 45.0, 2700.0, 14399.0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *text = stride_units_format_duration (durations[i]);
      double parsed = 0.0;

      g_assert_true (stride_units_parse_duration (text, &parsed, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (parsed, ==, durations[i]);
    }
}

/* What a user types comes back as the same text, and parsing that text
 * again gives the very same stored value, in both unit systems. */
static void
test_round_trip_typed (void)
{
  static const struct
  {
    const char       *text;
    StrideUnitSystem  units;
    const char       *canonical;
  } distances[] = {
    { "42.2", STRIDE_UNITS_METRIC, "42.2 km" },
    { "10.5 km", STRIDE_UNITS_METRIC, "10.5 km" },
    { "26.2 mi", STRIDE_UNITS_IMPERIAL, "26.2 mi" },
    { "6.52", STRIDE_UNITS_IMPERIAL, "6.52 mi" },
    { "13.1", STRIDE_UNITS_IMPERIAL, "13.1 mi" },
  };
  static const struct
  {
    const char       *text;
    StrideUnitSystem  units;
    const char       *canonical;
  } weights[] = {
    { "22.5", STRIDE_UNITS_METRIC, "22.5 kg" },
    { "80 kg", STRIDE_UNITS_METRIC, "80 kg" },
    { "135 lb", STRIDE_UNITS_IMPERIAL, "135 lb" },
    { "52.5", STRIDE_UNITS_IMPERIAL, "52.5 lb" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (distances); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = NULL;
      double meters = 0.0;
      double again = 0.0;

      g_assert_true (stride_units_parse_distance (distances[i].text, distances[i].units,
                                                  &meters, &error));
      g_assert_no_error (error);
      shown = stride_units_format_distance (meters, distances[i].units);
      g_assert_cmpstr (shown, ==, distances[i].canonical);
      g_assert_true (stride_units_parse_distance (shown, distances[i].units, &again, &error));
      g_assert_cmpfloat (again, ==, meters);
    }

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = NULL;
      double kg = 0.0;
      double again = 0.0;

      g_assert_true (stride_units_parse_weight (weights[i].text, weights[i].units, &kg, &error));
      g_assert_no_error (error);
      shown = stride_units_format_weight (kg, weights[i].units);
      g_assert_cmpstr (shown, ==, weights[i].canonical);
      g_assert_true (stride_units_parse_weight (shown, weights[i].units, &again, &error));
      g_assert_cmpfloat (again, ==, kg);
    }
}

typedef struct
{
  double distance_m;
  double duration_s;
  double s_per_km;
  gboolean ok;
  double e_distance_m;
  double e_duration_s;
  double e_s_per_km;
} SolveCase;

static void
test_solve (void)
{
  static const SolveCase cases[] = {
    { 10000.0, 3000.0, 0.0, TRUE, 10000.0, 3000.0, 300.0 },
    { 42195.0, 0.0, 300.0, TRUE, 42195.0, 12658.5, 300.0 },
    { 0.0, 3600.0, 300.0, TRUE, 12000.0, 3600.0, 300.0 },
    { 0.0, 0.0, 300.0, FALSE, 0.0, 0.0, 300.0 },
    { 1.0, 2.0, 3.0, FALSE, 1.0, 2.0, 3.0 },
    { -1.0, 3600.0, 0.0, FALSE, -1.0, 3600.0, 0.0 },
    { 0.0, NAN, 300.0, FALSE, 0.0, NAN, 300.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double distance = cases[i].distance_m;
      double duration = cases[i].duration_s;
      double pace = cases[i].s_per_km;

      g_assert_cmpint (stride_units_solve (&distance, &duration, &pace), ==, cases[i].ok);
      g_assert_cmpfloat_with_epsilon (distance, cases[i].e_distance_m, 1e-9);
      if (!isnan (cases[i].e_duration_s))
        g_assert_cmpfloat_with_epsilon (duration, cases[i].e_duration_s, 1e-9);
      g_assert_cmpfloat_with_epsilon (pace, cases[i].e_s_per_km, 1e-9);
    }

  g_assert_cmpfloat (stride_units_pace_from (10000.0, 3000.0), ==, 300.0);
  g_assert_cmpfloat (stride_units_duration_from (5000.0, 240.0), ==, 1200.0);
  g_assert_cmpfloat (stride_units_distance_from (1200.0, 240.0), ==, 5000.0);
  g_assert_cmpfloat (stride_units_pace_from (0.0, 3000.0), ==, 0.0);
  g_assert_cmpfloat (stride_units_duration_from (5000.0, -1.0), ==, 0.0);
  g_assert_cmpfloat (stride_units_distance_from (INFINITY, 240.0), ==, 0.0);
}

static void
test_speed (void)
{
  g_assert_cmpfloat (stride_units_pace_to_speed (250.0), ==, 4.0);
  g_assert_cmpfloat (stride_units_speed_to_pace (4.0), ==, 250.0);
  g_assert_cmpfloat (stride_units_pace_to_speed (0.0), ==, 0.0);
  g_assert_cmpfloat (stride_units_speed_to_pace (-3.0), ==, 0.0);
  g_assert_cmpfloat (stride_units_speed_to_pace (NAN), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (stride_units_speed_to_pace (stride_units_pace_to_speed (333.0)),
                                  333.0, 1e-9);
}

static void
test_preconditions (void)
{
  g_autoptr(GError) error = NULL;

  g_test_expect_message ("stride-units", G_LOG_LEVEL_CRITICAL, "*out_m != NULL*");
  g_assert_false (stride_units_parse_distance ("5", M, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
}

static guint32
julian (int year,
        int month,
        int day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

/* Week and month starts over a year end and a leap day: Thursday 31
 * December 2026 is in the week of Monday 28 December (Sunday 27). */
static void
test_period_starts (void)
{
  for (guint32 d = julian (2026, 12, 28); d <= julian (2027, 1, 3); d++)
    g_assert_cmpuint (stride_julian_week_start (d, G_DATE_MONDAY), ==, julian (2026, 12, 28));
  for (guint32 d = julian (2026, 12, 27); d <= julian (2027, 1, 2); d++)
    g_assert_cmpuint (stride_julian_week_start (d, G_DATE_SUNDAY), ==, julian (2026, 12, 27));
  g_assert_cmpuint (stride_julian_week_start (julian (2027, 1, 4), G_DATE_MONDAY), ==,
                    julian (2027, 1, 4));
  g_assert_cmpuint (stride_julian_week_start (julian (2027, 1, 3), G_DATE_SUNDAY), ==,
                    julian (2027, 1, 3));

  g_assert_cmpuint (stride_julian_month_start (julian (2028, 2, 29)), ==, julian (2028, 2, 1));
  g_assert_cmpuint (stride_julian_month_start (julian (2028, 3, 1)), ==, julian (2028, 3, 1));
  g_assert_cmpuint (stride_julian_month_start (julian (2026, 12, 31)), ==, julian (2026, 12, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/units/constants", test_constants);
  g_test_add_func ("/units/format/distance", test_format_distance);
  g_test_add_func ("/units/format/duration", test_format_duration);
  g_test_add_func ("/units/format/pace", test_format_pace);
  g_test_add_func ("/units/format/speed", test_format_speed);
  g_test_add_func ("/units/format/weight", test_format_weight);
  g_test_add_func ("/units/format/locale", test_format_locale);
  g_test_add_func ("/units/parse/distance", test_parse_distance);
  g_test_add_func ("/units/parse/duration", test_parse_duration);
  g_test_add_func ("/units/parse/pace", test_parse_pace);
  g_test_add_func ("/units/parse/weight", test_parse_weight);
  g_test_add_func ("/units/round-trip", test_round_trip);
  g_test_add_func ("/units/round-trip-typed", test_round_trip_typed);
  g_test_add_func ("/units/solve", test_solve);
  g_test_add_func ("/units/speed", test_speed);
  g_test_add_func ("/units/preconditions", test_preconditions);
  g_test_add_func ("/units/period-starts", test_period_starts);

  return g_test_run ();
}
