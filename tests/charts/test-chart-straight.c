/* test-chart-straight.c — layers written straight into an image with no
 * mask at all (a dense line, dense bars, squares of dense dots) must be
 * what the mask and cairo_mask give.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chart is drawn twice on the same kind of target: as it is, and
 * with the direct path off (every layer through the mask and
 * cairo_mask); the two must agree within one level per channel, and the
 * first must have taken the straight path where it may and only there.
 */

#include "config.h"

#include <stdlib.h>

#include "chart-test-util.h"

#define WIDTH    1200
#define HEIGHT   600
#define N_DAYS   3653

typedef enum
{
  SHAPE_DENSE_LINE,      /* more points than half the columns: spans */
  SHAPE_SPARSE_LINE,     /* a point every few pixels: segments */
  SHAPE_NONE,
} LineShape;

/* A run type of the pace chart: dots and their rolling mean in one
 * colour, around @level, the dots dense (squares) or not (round). */
static void
add_run_type (StrideChart *chart,
              GRand       *rand,
              guint        color,
              double       level,
              guint        n_dots,
              LineShape    line_shape)
{
  g_autofree StrideChartPoint *dots = g_new (StrideChartPoint, n_dots);
  g_autofree StrideChartPoint *mean = g_new (StrideChartPoint, n_dots);
  double sum = 0;

  for (guint i = 0; i < n_dots; i++)
    {
      double x = T0 - (N_DAYS - 1) * DAY + (N_DAYS - 1) * DAY * i / n_dots
                 + g_rand_double_range (rand, 0, DAY);

      dots[i] = (StrideChartPoint) { x, level + g_rand_double_range (rand, -25, 25) };
      /* A GPS glitch now and then: clamped, an outlier mark. */
      if (g_rand_int_range (rand, 0, 150) == 0)
        dots[i].y = level - 200;
      sum += dots[i].y;
      if (i >= 5)
        sum -= dots[i - 5].y;
      mean[i] = (StrideChartPoint) { x, sum / MIN (i + 1, 5) };
    }

  stride_chart_add_points (chart, "Runs", STRIDE_AXIS_LEFT, color, dots, n_dots);
  if (line_shape == SHAPE_NONE)
    return;
  if (line_shape == SHAPE_SPARSE_LINE)
    {
      /* Every third mean: a few pixels between points. */
      guint n = 0;

      for (guint i = 0; i < n_dots; i += 3)
        mean[n++] = mean[i];
      n_dots = n;
    }
  stride_chart_add_line (chart, "Mean", STRIDE_AXIS_LEFT, color, mean, n_dots);
}

/* Every kind of layer: a dense line with dense dots (nothing of it goes
 * through the mask), a line of segments with dense dots (the line
 * does, the squares not), a dense line with round dots (all of it
 * does), dots alone, a dense line of its own and dense daily bars. */
static StrideChart *
pace_like_chart (guint32 seed)
{
  StrideChart *chart = stride_chart_new ();
  GRand *rand = g_rand_new_with_seed (seed);
  g_autofree StrideChartPoint *line = g_new (StrideChartPoint, N_DAYS);
  g_autofree StrideChartPoint *daily = g_new (StrideChartPoint, N_DAYS);

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_set_axis (chart, STRIDE_AXIS_RIGHT, "Load", NULL, STRIDE_VALUE_PLAIN, TRUE);
  for (guint i = 0; i < N_DAYS; i++)
    {
      double x = T0 - (N_DAYS - 1 - i) * DAY;

      line[i] = (StrideChartPoint) { x, 280 + 20 * sin (i / 30.0) + g_rand_double_range (rand, -8, 8) };
      daily[i] = (StrideChartPoint) { x, g_rand_int_range (rand, 0, 3) == 0 ? 0
                                         : g_rand_double_range (rand, 20, 300) };
    }
  stride_chart_add_bars (chart, "Load", STRIDE_AXIS_RIGHT, 5, DAY, 0, daily, N_DAYS);
  add_run_type (chart, rand, 0, 330, 1800, SHAPE_DENSE_LINE);
  add_run_type (chart, rand, 1, 350, 1500, SHAPE_SPARSE_LINE);
  /* Round dots (too few for squares) with a daily, dense line. */
  add_run_type (chart, rand, 2, 300, 380, SHAPE_NONE);
  stride_chart_add_line (chart, "Daily mean", STRIDE_AXIS_LEFT, 2, line, N_DAYS);
  add_run_type (chart, rand, 3, 290, 60, SHAPE_NONE);
  for (guint i = 0; i < N_DAYS; i++)
    line[i].y += 40;
  stride_chart_add_line (chart, "Trend", STRIDE_AXIS_LEFT, 4, line, N_DAYS);
  g_rand_free (rand);

  return chart;
}


/* The chart drawn on a @w×@h image (device @scale) filled with
 * SENTINEL, after @setup; @direct FALSE forces the mask and cairo_mask
 * for every layer. Fills @stats. */
static cairo_surface_t *
draw_on_image (StrideChart            *chart,
               const StrideChartStyle *style,
               int                     w,
               int                     h,
               int                     scale,
               Setup                   setup,
               gboolean                direct,
               StrideRasterStats      *stats)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
  StrideRasterStats ignored;
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, 0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0, 1);
  cairo_paint (cr);
  if (setup != NULL)
    setup (cr);
  _stride_raster_stats_take (&ignored);
  _stride_raster_set_direct (direct);
  stride_chart_draw (chart, cr, WIDTH, HEIGHT, style);
  _stride_raster_set_direct (TRUE);
  _stride_raster_stats_take (stats);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Draws both ways and checks they agree; @expect_now: whether layers
 * went straight in. Returns the direct drawing. */
static cairo_surface_t *
assert_matches_mask (StrideChart            *chart,
                     const StrideChartStyle *style,
                     int                     w,
                     int                     h,
                     int                     scale,
                     Setup                   setup,
                     gboolean                expect_now)
{
  StrideRasterStats direct_stats;
  StrideRasterStats mask_stats;
  cairo_surface_t *direct = draw_on_image (chart, style, w, h, scale, setup, TRUE, &direct_stats);
  cairo_surface_t *masked = draw_on_image (chart, style, w, h, scale, setup, FALSE, &mask_stats);
  int worst = max_difference (direct, masked);

  g_test_message ("direct %u (straight %u) + mask %u layers vs mask %u layers: worst difference %d",
                  direct_stats.direct, direct_stats.now, direct_stats.cairo_mask,
                  mask_stats.cairo_mask, worst);
  if (expect_now)
    g_assert_cmpuint (direct_stats.now, >, 0);
  else
    g_assert_cmpuint (direct_stats.now, ==, 0);
  g_assert_cmpuint (mask_stats.now, ==, 0);
  g_assert_cmpuint (mask_stats.direct, ==, 0);
  g_assert_cmpint (worst, <=, 1);
  cairo_surface_destroy (masked);

  return direct;
}

static void
test_random_dense (void)
{
  StrideChartStyle style;

  stride_chart_style_init_light (&style);
  for (guint32 seed = 1; seed <= 3; seed++)
    {
      g_autoptr(StrideChart) chart = pace_like_chart (seed);

      for (int scale = 1; scale <= 2; scale++)
        cairo_surface_destroy (assert_matches_mask (chart, &style, WIDTH, HEIGHT, scale, NULL,
                                                    TRUE));
    }
  stride_chart_style_clear (&style);
}

/* High contrast: thicker lines, bigger dots. */
static void
test_high_contrast (void)
{
  g_autoptr(StrideChart) chart = pace_like_chart (4);
  StrideChartStyle style;

  stride_chart_style_init_light (&style);
  style.high_contrast = TRUE;
  for (int scale = 1; scale <= 2; scale++)
    cairo_surface_destroy (assert_matches_mask (chart, &style, WIDTH, HEIGHT, scale, NULL, TRUE));
  stride_chart_style_clear (&style);
}

/* Zoomed into the middle third: every series runs out of the plot's
 * clip on both sides, and nothing is drawn beyond it. */
static void
test_clip_edges (void)
{
  g_autoptr(StrideChart) chart = pace_like_chart (5);
  StrideChartStyle style;
  StrideChartLayout layout;
  double from;
  double to;

  stride_chart_style_init_light (&style);
  stride_chart_get_data_x_range (chart, &from, &to);
  stride_chart_set_x_range (chart, from + (to - from) / 3, to - (to - from) / 3);
  chart_layout (chart, WIDTH, HEIGHT, &style, &layout);
  for (int scale = 1; scale <= 2; scale++)
    {
      cairo_surface_t *surface = assert_matches_mask (chart, &style, WIDTH, HEIGHT, scale, NULL,
                                                      TRUE);

      /* Between the clip (6 px around the plot) and the axes' labels. */
      for (int y = (int) layout.top; y < (int) layout.bottom; y++)
        {
          g_assert_true (pixel_is (surface, ((int) layout.left - 7) * scale, y * scale,
                                   &style.background, &style.background, 0.01));
          g_assert_true (pixel_is (surface, ((int) layout.right + 6) * scale + scale - 1,
                                   y * scale, &style.background, &style.background, 0.01));
        }
      cairo_surface_destroy (surface);
    }
  _stride_chart_layout_clear (&layout);
  stride_chart_style_clear (&style);
}

/* A caller's clip of one rectangle of whole pixels keeps the straight
 * path and nothing outside it changes; any other clip goes through
 * cairo_mask. */
static void
test_caller_clip (void)
{
  g_autoptr(StrideChart) chart = pace_like_chart (6);
  StrideChartStyle style;
  cairo_surface_t *surface;

  stride_chart_style_init_light (&style);
  surface = assert_matches_mask (chart, &style, WIDTH, HEIGHT, 1, clip_one_rectangle, TRUE);
  for (int y = 60; y < 560; y += 3)
    {
      g_assert_cmphex (raw_pixel (surface, 149, y), ==, SENTINEL);
      g_assert_cmphex (raw_pixel (surface, 650, y), ==, SENTINEL);
    }
  for (int x = 150; x < 650; x += 3)
    {
      g_assert_cmphex (raw_pixel (surface, x, 89), ==, SENTINEL);
      g_assert_cmphex (raw_pixel (surface, x, 440), ==, SENTINEL);
    }
  cairo_surface_destroy (surface);

  surface = assert_matches_mask (chart, &style, WIDTH, HEIGHT, 1, clip_two_rectangles, FALSE);
  for (int x = 400; x < 700; x += 7)
    for (int y = 120; y < 420; y += 5)
      g_assert_cmphex (raw_pixel (surface, x, y), ==, SENTINEL);
  cairo_surface_destroy (surface);
  stride_chart_style_clear (&style);
}

/* Drawn at an offset inside a bigger image: whole pixels keep the
 * straight path, a fraction of one goes through cairo_mask. */
static void
test_translated (void)
{
  g_autoptr(StrideChart) chart = pace_like_chart (7);
  StrideChartStyle style;
  cairo_surface_t *surface;

  stride_chart_style_init_light (&style);
  for (int scale = 1; scale <= 2; scale++)
    {
      surface = assert_matches_mask (chart, &style, WIDTH + 80, HEIGHT + 60, scale,
                                     translate_whole, TRUE);
      for (int y = 0; y < (HEIGHT + 60) * scale; y += 5)
        g_assert_cmphex (raw_pixel (surface, 37 * scale - 1, y), ==, SENTINEL);
      for (int x = 0; x < (WIDTH + 80) * scale; x += 5)
        g_assert_cmphex (raw_pixel (surface, x, (23 + HEIGHT) * scale), ==, SENTINEL);
      cairo_surface_destroy (surface);
    }
  cairo_surface_destroy (assert_matches_mask (chart, &style, WIDTH + 80, HEIGHT + 60, 1,
                                              translate_fraction, FALSE));
}

/* Squares are written over their layer only in an opaque colour; in a
 * translucent one they stay in the mask, and so does a line they would
 * cover, while a line or bars of their own still go straight in. */
static void
test_translucent_colours (void)
{
  g_autoptr(StrideChart) chart = pace_like_chart (8);
  StrideChartStyle style;

  stride_chart_style_init_light (&style);
  for (guint i = 0; i < G_N_ELEMENTS (style.series); i++)
    style.series[i].alpha = 0.6;
  for (int scale = 1; scale <= 2; scale++)
    cairo_surface_destroy (assert_matches_mask (chart, &style, WIDTH, HEIGHT, scale, NULL, TRUE));
  stride_chart_style_clear (&style);
}

/* Two dense lines of one colour share the layer of its dots and cross
 * each other: where both cover a pixel in part, the layer takes the
 * larger coverage, so neither may go straight in. */
static void
test_two_lines_one_layer (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  g_autofree StrideChartPoint *a = g_new (StrideChartPoint, N_DAYS);
  g_autofree StrideChartPoint *b = g_new (StrideChartPoint, N_DAYS);
  g_autofree StrideChartPoint *dots = g_new (StrideChartPoint, 900);
  GRand *rand = g_rand_new_with_seed (9);
  StrideChartStyle style;

  for (guint i = 0; i < N_DAYS; i++)
    {
      double x = T0 - (N_DAYS - 1 - i) * DAY;

      a[i] = (StrideChartPoint) { x, 300 + 40 * sin (i / 25.0) };
      b[i] = (StrideChartPoint) { x, 300 + 40 * cos (i / 31.0) };
    }
  for (guint i = 0; i < 900; i++)
    dots[i] = (StrideChartPoint) { T0 - (N_DAYS - 1) * DAY + i * 4 * DAY,
                                   300 + g_rand_double_range (rand, -60, 60) };
  g_rand_free (rand);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_points (chart, "Runs", STRIDE_AXIS_LEFT, 0, dots, 900);
  stride_chart_add_line (chart, "Mean A", STRIDE_AXIS_LEFT, 0, a, N_DAYS);
  stride_chart_add_line (chart, "Mean B", STRIDE_AXIS_LEFT, 0, b, N_DAYS);

  stride_chart_style_init_light (&style);
  for (int scale = 1; scale <= 2; scale++)
    {
      StrideRasterStats stats;
      cairo_surface_t *direct = draw_on_image (chart, &style, WIDTH, HEIGHT, scale, NULL, TRUE,
                                               &stats);
      cairo_surface_t *masked = draw_on_image (chart, &style, WIDTH, HEIGHT, scale, NULL, FALSE,
                                               &stats);
      int worst = max_difference (direct, masked);

      g_test_message ("two lines, one layer: worst difference %d", worst);
      g_assert_cmpint (worst, <=, 1);
      cairo_surface_destroy (direct);
      cairo_surface_destroy (masked);
    }
  stride_chart_style_clear (&style);
}

/* Decimation as it was written first, flooring every point's column:
 * the faster one must keep exactly the same points. */
static GArray *
reference_decimate (const StrideChartPoint *points,
                    guint                   n_points,
                    double                  x_from,
                    double                  x_to,
                    guint                   n_columns)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (StrideChartPoint));
  double scale;
  guint i;

  if (n_points <= 2 * (gsize) n_columns + 2)
    {
      g_array_append_vals (out, points, n_points);
      return out;
    }
  g_array_append_val (out, points[0]);
  scale = n_columns / (x_to - x_from);
  i = 1;
  while (i < n_points - 1 && out->len + 3 <= 2 * (gsize) n_columns + 2)
    {
      double fc = floor ((points[i].x - x_from) * scale);
      gint64 col = isfinite (fc) ? (gint64) CLAMP (fc, 0, n_columns - 1) : 0;
      gint64 min_i = -1;
      gint64 max_i = -1;
      gint64 gap_i = -1;

      for (; i < n_points - 1; i++)
        {
          double fci = floor ((points[i].x - x_from) * scale);
          gint64 ci = isfinite (fci) ? (gint64) CLAMP (fci, 0, n_columns - 1) : 0;
          double y = points[i].y;

          if (ci != col)
            break;
          if (!isfinite (y))
            {
              if (gap_i < 0)
                gap_i = i;
              continue;
            }
          if (min_i < 0 || y < points[min_i].y)
            min_i = i;
          if (max_i < 0 || y > points[max_i].y)
            max_i = i;
        }
      if (min_i >= 0 && max_i >= 0 && min_i != max_i)
        {
          g_array_append_val (out, points[MIN (min_i, max_i)]);
          g_array_append_val (out, points[MAX (min_i, max_i)]);
        }
      else if (min_i >= 0 && gap_i >= 0)
        {
          g_array_append_val (out, points[MIN (min_i, gap_i)]);
          g_array_append_val (out, points[MAX (min_i, gap_i)]);
        }
      else if (min_i >= 0)
        {
          g_array_append_val (out, points[min_i]);
        }
      else if (gap_i >= 0)
        {
          g_array_append_val (out, points[gap_i]);
        }
    }
  g_array_append_val (out, points[n_points - 1]);

  return out;
}

/* Points before, inside and after the range, on column boundaries,
 * gaps, and x that are no number or far out: the same points kept. */
static void
test_decimate_columns (void)
{
  GRand *rand = g_rand_new_with_seed (10);

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_rand_int_range (rand, 50, 5000);
      guint columns = g_rand_int_range (rand, 1, 700);
      g_autofree StrideChartPoint *pts = g_new (StrideChartPoint, n);
      double from = g_rand_double_range (rand, -1e6, 1e6);
      double to = from + g_rand_double_range (rand, 1, 1e6);
      double x = from - (to - from) * g_rand_double_range (rand, 0, 0.3);
      double step = (to - from) * 1.6 / n;
      g_autoptr(GArray) fast = NULL;
      g_autoptr(GArray) ref = NULL;

      for (guint i = 0; i < n; i++)
        {
          guint kind = g_rand_int_range (rand, 0, 40);

          /* On a column's boundary now and then. */
          x += kind == 0 ? 0 : step * g_rand_double_range (rand, 0, 2);
          pts[i].x = kind == 1 ? from + (to - from) * g_rand_int_range (rand, 0, columns) / columns
                   : kind == 2 ? NAN : kind == 3 ? 1e300 : x;
          pts[i].y = kind == 4 ? NAN : g_rand_double_range (rand, -100, 100);
        }
      fast = stride_chart_decimate (pts, n, from, to, columns);
      ref = reference_decimate (pts, n, from, to, columns);
      g_assert_cmpuint (fast->len, ==, ref->len);
      for (guint i = 0; i < fast->len; i++)
        g_assert_cmpmem (&g_array_index (fast, StrideChartPoint, i), sizeof (StrideChartPoint),
                         &g_array_index (ref, StrideChartPoint, i), sizeof (StrideChartPoint));
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/charts/straight/random-dense", test_random_dense);
  g_test_add_func ("/charts/straight/high-contrast", test_high_contrast);
  g_test_add_func ("/charts/straight/clip-edges", test_clip_edges);
  g_test_add_func ("/charts/straight/caller-clip", test_caller_clip);
  g_test_add_func ("/charts/straight/translated", test_translated);
  g_test_add_func ("/charts/straight/translucent-colours", test_translucent_colours);
  g_test_add_func ("/charts/straight/two-lines-one-layer", test_two_lines_one_layer);
  g_test_add_func ("/charts/straight/decimate-columns", test_decimate_columns);

  return g_test_run ();
}
