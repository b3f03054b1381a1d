/* bench-charts.c — drawing cost follows the chart's width, not the data.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints DESIGN.md's benchmark line:
 *   bench: chart-draw-10y  a pace series of one point per day over 10 years
 *                          vs 1 month, drawn at 1200×600 (median of 15)
 * Never passes or fails on a time; the ratio comes from the same run.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "stride-chart.h"

#define ROUNDS 15
#define DAY 86400.0
#define END 1793577600.0   /* 2 Nov 2026 */

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static StrideChart *
pace_chart (guint days)
{
  StrideChart *chart = stride_chart_new ();
  g_autofree StrideChartPoint *pts = g_new (StrideChartPoint, days);
  g_autofree StrideChartPoint *avg = g_new (StrideChartPoint, days);
  GRand *rand = g_rand_new_with_seed (7);
  double sum = 0;

  for (guint i = 0; i < days; i++)
    {
      pts[i].x = END - (days - 1 - i) * DAY;
      pts[i].y = 330 - 30.0 * i / days + g_rand_double_range (rand, -25, 25);
      if (g_rand_int_range (rand, 0, 400) == 0)
        pts[i].y = 120;  /* GPS glitches */
      sum += pts[i].y;
      if (i >= 28)
        sum -= pts[i - 28].y;
      avg[i].x = pts[i].x;
      avg[i].y = sum / MIN (i + 1, 28);
    }

  stride_chart_set_title (chart, "Pace per run");
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_points (chart, "Runs", STRIDE_AXIS_LEFT, 0, pts, days);
  stride_chart_add_line (chart, "28-day average", STRIDE_AXIS_LEFT, 2, avg, days);
  stride_chart_add_marker (chart, END - 20 * DAY, "Half marathon", FALSE);
  g_rand_free (rand);

  return chart;
}

static double
median_draw_ms (StrideChart            *chart,
                const StrideChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 600);
  double times[ROUNDS];

  /* One warm-up draw: fonts, glyph caches. */
  {
    cairo_t *cr = cairo_create (surface);

    stride_chart_draw (chart, cr, 1200, 600, style);
    cairo_destroy (cr);
  }

  for (guint i = 0; i < ROUNDS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (surface);

      stride_chart_draw (chart, cr, 1200, 600, style);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  cairo_surface_destroy (surface);
  qsort (times, ROUNDS, sizeof (double), compare_double);

  return times[ROUNDS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StrideChart) month = pace_chart (30);
  g_autoptr(StrideChart) years = pace_chart (3653);
  StrideChartStyle style;
  double base;
  double value;

  stride_chart_style_init_light (&style);
  base = median_draw_ms (month, &style);
  value = median_draw_ms (years, &style);
  stride_chart_style_clear (&style);

  g_print ("bench: chart-draw-10y value=%.2f unit=ms baseline=%.2f ratio=%.2f goal=1.5\n",
           value, base, base > 0 ? value / base : 0);

  return 0;
}
