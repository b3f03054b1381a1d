/* test-chart-axis.c — nice ticks, time axis units, decimation.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chart-test-util.h"

static void
test_nice_ticks_table (void)
{
  static const struct {
    double min;
    double max;
    guint max_ticks;
    double first;
    double step;
    guint n;
  } cases[] = {
    { 0, 10, 6, 0, 2, 6 },
    { 0, 10, 5, 0, 2.5, 5 },
    { 0, 100, 5, 0, 25, 5 },
    { 0, 1, 6, 0, 0.2, 6 },
    { 3.2, 7.9, 5, 4, 1, 4 },
    { 3.2, 7.9, 3, 4, 2, 2 },
    { -5, 5, 11, -5, 1, 11 },
    { 0.8, 1.3, 6, 0.8, 0.1, 6 },
    { 1234, 5678, 5, 2000, 1000, 4 },
    { 10, 0, 6, 0, 2, 6 },            /* swapped */
    { 0, 1e-6, 3, 0, 5e-7, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double first = -1;
      double step = -1;
      guint n = stride_chart_nice_ticks (cases[i].min, cases[i].max, cases[i].max_ticks,
                                         &first, &step);

      g_test_message ("case %u: %g..%g → first %g step %g n %u", i, cases[i].min,
                      cases[i].max, first, step, n);
      g_assert_cmpuint (n, ==, cases[i].n);
      g_assert_cmpfloat_with_epsilon (first, cases[i].first, fabs (cases[i].step) * 1e-6);
      g_assert_cmpfloat_with_epsilon (step, cases[i].step, fabs (cases[i].step) * 1e-6);
      g_assert_cmpuint (n, <=, cases[i].max_ticks);
    }
}

static void
test_nice_ticks_degenerate (void)
{
  double first;
  double step;

  g_assert_cmpuint (stride_chart_nice_ticks (5, 5, 5, &first, &step), ==, 1);
  g_assert_cmpfloat (first, ==, 5);
  g_assert_true (isfinite (step) && step > 0);
  g_assert_cmpuint (stride_chart_nice_ticks (0, 0, 5, &first, &step), ==, 1);
  g_assert_cmpuint (stride_chart_nice_ticks (NAN, 1, 5, &first, &step), ==, 0);
  g_assert_cmpuint (stride_chart_nice_ticks (0, INFINITY, 5, &first, &step), ==, 0);
  g_assert_cmpuint (stride_chart_nice_ticks (-1e308, 1e308, 5, &first, &step), ==, 0);
  g_assert_true (isfinite (first) && isfinite (step));
  /* max_ticks below 2 still gives a sane answer. */
  g_assert_cmpuint (stride_chart_nice_ticks (0, 10, 0, &first, &step), <=, 2);
  g_assert_cmpuint (stride_chart_nice_ticks (0, 10, 5, NULL, NULL), ==, 5);

  /* Random ranges: ticks lie inside, never more than asked. */
  for (guint i = 0; i < 2000; i++)
    {
      double a = g_test_rand_double_range (-1e6, 1e6);
      double b = a + pow (10, g_test_rand_double_range (-6, 6));
      guint max_ticks = g_test_rand_int_range (2, 12);
      guint n = stride_chart_nice_ticks (a, b, max_ticks, &first, &step);

      g_assert_cmpuint (n, <=, max_ticks);
      g_assert_true (isfinite (first) && isfinite (step) && step > 0);
      if (n > 0)
        {
          g_assert_cmpfloat (first, >=, a - step * 1e-6);
          g_assert_cmpfloat (first + (n - 1) * step, <=, b + step * 1e-6);
        }
    }
}

static void
test_time_units (void)
{
  static const struct {
    double span;
    double width;
    StrideTimeUnit unit;
  } cases[] = {
    { 6 * 3600, 1200, STRIDE_TIME_UNIT_MINUTE },
    { 2 * DAY, 1200, STRIDE_TIME_UNIT_HOUR },
    { 10 * DAY, 1200, STRIDE_TIME_UNIT_DAY },
    { 31 * DAY, 1200, STRIDE_TIME_UNIT_DAY },
    { 31 * DAY, 400, STRIDE_TIME_UNIT_WEEK },
    { 120 * DAY, 1200, STRIDE_TIME_UNIT_WEEK },
    { 365 * DAY, 1200, STRIDE_TIME_UNIT_MONTH },
    { 3 * 365 * DAY, 1200, STRIDE_TIME_UNIT_MONTH },
    { 10 * 365 * DAY, 1200, STRIDE_TIME_UNIT_YEAR },
    { 10 * 365 * DAY, 300, STRIDE_TIME_UNIT_YEAR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GArray *ticks = NULL;
      StrideTimeUnit unit = _stride_chart_time_ticks (T0, T0 + cases[i].span, cases[i].width,
                                                      7, 0, &ticks);

      g_test_message ("case %u: unit %d, %u ticks", i, unit, ticks->len);
      g_assert_cmpint (unit, ==, cases[i].unit);
      g_assert_cmpuint (ticks->len, >=, 1);
      for (guint j = 0; j < ticks->len; j++)
        {
          StrideTimeTick *t = &g_array_index (ticks, StrideTimeTick, j);

          g_assert_cmpfloat (t->x, >=, T0);
          g_assert_cmpfloat (t->x, <=, T0 + cases[i].span);
          g_assert_nonnull (t->label);
          if (j > 0)
            g_assert_cmpfloat (t->x, >, g_array_index (ticks, StrideTimeTick, j - 1).x);
        }
      g_array_unref (ticks);
    }

  g_assert_cmpint (_stride_chart_time_ticks (T0, T0, 1200, 7, 0, NULL), ==, STRIDE_TIME_UNIT_NONE);
  g_assert_cmpint (_stride_chart_time_ticks (T0, T0 + DAY, 0, 7, 0, NULL), ==, STRIDE_TIME_UNIT_NONE);
  g_assert_cmpint (_stride_chart_time_ticks (NAN, T0, 100, 7, 0, NULL), ==, STRIDE_TIME_UNIT_NONE);
}

static void
test_time_labels (void)
{
  GArray *ticks = NULL;
  StrideTimeTick *t;

  /* A week from Mon 2 Nov 2026: days, "Mon 2" first. */
  _stride_chart_time_ticks (T0, T0 + 7 * DAY - 1, 1200, 7, 0, &ticks);
  t = &g_array_index (ticks, StrideTimeTick, 0);
  g_assert_cmpstr (t->label, ==, "Mon 2");
  g_assert_cmpfloat (t->x, ==, T0);
  g_array_unref (ticks);

  /* A local offset of +2 h moves the day boundaries to 22:00 UTC. */
  _stride_chart_time_ticks (T0 - 3 * 3600, T0 + 7 * DAY, 1200, 7, 7200, &ticks);
  t = &g_array_index (ticks, StrideTimeTick, 0);
  g_assert_cmpfloat (t->x, ==, T0 - 7200);
  g_assert_cmpstr (t->label, ==, "Mon 2");
  g_array_unref (ticks);

  /* A year: months, the first with its year. */
  _stride_chart_time_ticks (T0, T0 + 365 * DAY, 1200, 7, 0, &ticks);
  t = &g_array_index (ticks, StrideTimeTick, 0);
  g_assert_cmpstr (t->label, ==, "Dec 2026");
  t = &g_array_index (ticks, StrideTimeTick, 1);
  g_assert_cmpstr (t->label, ==, "Jan 2027");
  g_assert_true (t->major);
  t = &g_array_index (ticks, StrideTimeTick, 2);
  g_assert_cmpstr (t->label, ==, "Feb");
  g_array_unref (ticks);

  /* Ten years: years. */
  _stride_chart_time_ticks (T0, T0 + 3650 * DAY, 1200, 7, 0, &ticks);
  t = &g_array_index (ticks, StrideTimeTick, 0);
  g_assert_cmpstr (t->label, ==, "2027");
  g_array_unref (ticks);

  /* Weeks start on Monday. */
  _stride_chart_time_ticks (T0 + DAY, T0 + 120 * DAY, 1200, 7, 0, &ticks);
  t = &g_array_index (ticks, StrideTimeTick, 0);
  g_assert_cmpstr (t->label, ==, "9 Nov");
  g_array_unref (ticks);
}

static void
test_civil_days (void)
{
  for (gint64 d = -800000; d < 800000; d += 97)
    {
      gint64 y;
      guint m;
      guint dd;

      _stride_civil_from_days (d, &y, &m, &dd);
      g_assert_cmpint (_stride_days_from_civil (y, m, dd), ==, d);
    }
  g_assert_cmpint (_stride_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (_stride_days_from_civil (2026, 11, 2) * 86400, ==, (gint64) T0);
}

static void
check_decimation (const StrideChartPoint *pts,
                  guint                   n,
                  double                  from,
                  double                  to,
                  guint                   columns)
{
  g_autoptr(GArray) out = stride_chart_decimate (pts, n, from, to, columns);
  double scale = columns / (to - from);
  g_autofree double *col_min = g_new (double, columns);
  g_autofree double *col_max = g_new (double, columns);

  g_assert_cmpuint (out->len, <=, 2 * columns + 2);
  if (n == 0)
    {
      g_assert_cmpuint (out->len, ==, 0);
      return;
    }

  /* First and last survive. */
  g_assert_cmpfloat (g_array_index (out, StrideChartPoint, 0).x, ==, pts[0].x);
  g_assert_cmpfloat (g_array_index (out, StrideChartPoint, out->len - 1).x, ==, pts[n - 1].x);

  /* x order kept. */
  for (guint i = 1; i < out->len; i++)
    g_assert_cmpfloat (g_array_index (out, StrideChartPoint, i).x, >=,
                       g_array_index (out, StrideChartPoint, i - 1).x);

  /* Every column's extremes survive. */
  for (guint c = 0; c < columns; c++)
    {
      col_min[c] = INFINITY;
      col_max[c] = -INFINITY;
    }
  for (guint i = 0; i < n; i++)
    {
      guint c = (guint) CLAMP (floor ((pts[i].x - from) * scale), 0, columns - 1);

      if (!isfinite (pts[i].y))
        continue;
      col_min[c] = MIN (col_min[c], pts[i].y);
      col_max[c] = MAX (col_max[c], pts[i].y);
    }
  for (guint c = 0; c < columns; c++)
    {
      gboolean has_min = !isfinite (col_min[c]);
      gboolean has_max = !isfinite (col_max[c]);

      for (guint i = 0; i < out->len; i++)
        {
          const StrideChartPoint *p = &g_array_index (out, StrideChartPoint, i);
          guint pc = (guint) CLAMP (floor ((p->x - from) * scale), 0, columns - 1);

          if (pc != c)
            continue;
          has_min |= p->y == col_min[c];
          has_max |= p->y == col_max[c];
        }
      g_assert_true (has_min);
      g_assert_true (has_max);
    }
}

static void
test_decimate (void)
{
  g_autofree StrideChartPoint *pts = g_new (StrideChartPoint, 5000);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 3650; i++)
    {
      pts[i].x = T0 + i * DAY;
      pts[i].y = 300 + g_rand_double_range (rand, -30, 30);
    }
  pts[1234].y = 120;   /* a GPS glitch */
  pts[2000].y = 900;
  pts[100].y = NAN;

  check_decimation (pts, 3650, pts[0].x, pts[3649].x, 1200);
  check_decimation (pts, 3650, pts[0].x, pts[3649].x, 100);
  check_decimation (pts, 3650, pts[0].x, pts[3649].x, 1);
  check_decimation (pts, 3650, pts[0].x, pts[3649].x, 3000);
  check_decimation (pts, 30, pts[0].x, pts[29].x, 5);
  check_decimation (pts, 1, pts[0].x, pts[0].x + 1, 5);
  check_decimation (pts, 0, 0, 1, 5);

  {
    g_autoptr(GArray) out = stride_chart_decimate (pts, 3650, pts[0].x, pts[3649].x, 600);
    gboolean glitch = FALSE;

    g_assert_cmpuint (out->len, <=, 1202);
    g_assert_cmpuint (out->len, >, 600);
    for (guint i = 0; i < out->len; i++)
      glitch |= g_array_index (out, StrideChartPoint, i).y == 120;
    g_assert_true (glitch);
  }

  /* Degenerate ranges and no columns: first and last only. */
  {
    g_autoptr(GArray) a = stride_chart_decimate (pts, 3650, 5, 5, 100);
    g_autoptr(GArray) b = stride_chart_decimate (pts, 3650, 0, 1, 0);

    g_assert_cmpuint (a->len, ==, 2);
    g_assert_cmpuint (b->len, ==, 2);
  }

  /* Random series, random ranges. */
  for (guint it = 0; it < 200; it++)
    {
      guint n = g_rand_int_range (rand, 0, 5000);
      guint columns = g_rand_int_range (rand, 1, 800);
      double x = T0;

      for (guint i = 0; i < n; i++)
        {
          x += g_rand_double_range (rand, 0, 3 * DAY);
          pts[i].x = x;
          pts[i].y = g_rand_int_range (rand, 0, 20) == 0 ? NAN
                     : g_rand_double_range (rand, -1e3, 1e3);
        }
      if (n > 0)
        check_decimation (pts, n, pts[0].x, MAX (pts[n - 1].x, pts[0].x + 1), columns);
    }

  g_rand_free (rand);
}

static void
test_robust_range (void)
{
  double v[40];
  double lo;
  double hi;

  for (guint i = 0; i < 40; i++)
    v[i] = 290 + (i % 7) * 5;
  v[7] = 120;    /* 2:00 /km from a GPS glitch */
  v[13] = 2400;  /* a walk with the watch still on "run" */
  _stride_chart_robust_range (v, 40, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 290);
  g_assert_cmpfloat (hi, ==, 320);

  /* All equal: the range is that value. */
  for (guint i = 0; i < 40; i++)
    v[i] = 300;
  _stride_chart_robust_range (v, 40, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 300);
  g_assert_cmpfloat (hi, ==, 300);

  /* Few points: the plain range. */
  v[0] = 120;
  v[1] = 300;
  v[2] = 310;
  _stride_chart_robust_range (v, 3, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 120);
  g_assert_cmpfloat (hi, ==, 310);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/charts/axis/nice-ticks", test_nice_ticks_table);
  g_test_add_func ("/charts/axis/nice-ticks-degenerate", test_nice_ticks_degenerate);
  g_test_add_func ("/charts/axis/time-units", test_time_units);
  g_test_add_func ("/charts/axis/time-labels", test_time_labels);
  g_test_add_func ("/charts/axis/civil-days", test_civil_days);
  g_test_add_func ("/charts/axis/robust-range", test_robust_range);
  g_test_add_func ("/charts/decimate", test_decimate);

  return g_test_run ();
}
