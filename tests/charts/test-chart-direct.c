/* test-chart-direct.c — layers composited straight into an image's
 * pixels must be what cairo_mask composites, and only where cairo would.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart here is drawn twice on the same kind of target: as it is
 * (ARGB32 images take the direct path) and with the direct path turned
 * off (every layer through cairo_mask), and the two must agree within
 * one level per channel.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart-test-util.h"

#define WIDTH  1200
#define HEIGHT 600

/* Ten years of random daily pace dots with a dense average line, daily
 * load bars (dense) and monthly volume bars with rounded tops (wide
 * enough for the bar path), on two axes. */
static StrideChart *
dense_chart (guint32 seed)
{
  StrideChart *chart = stride_chart_new ();
  GRand *rand = g_rand_new_with_seed (seed);
  guint n = 3653;
  g_autofree StrideChartPoint *dots = g_new (StrideChartPoint, n);
  g_autofree StrideChartPoint *line = g_new (StrideChartPoint, n);
  g_autofree StrideChartPoint *daily = g_new (StrideChartPoint, n);
  StrideChartPoint months[121];
  StrideChartPoint planned[121];

  for (guint i = 0; i < n; i++)
    {
      double x = T0 - (n - 1 - i) * DAY;

      dots[i] = (StrideChartPoint) { x, 300 + g_rand_double_range (rand, -60, 60) };
      line[i] = (StrideChartPoint) { x, 300 + 30 * sin (i / 40.0) + g_rand_double_range (rand, -5, 5) };
      daily[i] = (StrideChartPoint) { x, g_rand_int_range (rand, 0, 3) == 0 ? 0
                                         : g_rand_double_range (rand, 50, 400) };
    }
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      double x = T0 - (G_N_ELEMENTS (months) - 1 - i) * 30.4 * DAY;

      months[i] = (StrideChartPoint) { x, g_rand_double_range (rand, 5, 420) };
      planned[i] = (StrideChartPoint) { x + 2 * DAY, g_rand_double_range (rand, 5, 420) };
    }
  g_rand_free (rand);

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Load", NULL, STRIDE_VALUE_PLAIN, TRUE);
  stride_chart_set_axis (chart, STRIDE_AXIS_RIGHT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_bars (chart, "Daily", STRIDE_AXIS_LEFT, 4, DAY, 0, daily, n);
  stride_chart_add_bars (chart, "Planned", STRIDE_AXIS_LEFT, 5, 11 * DAY, 1, planned,
                         G_N_ELEMENTS (planned));
  stride_chart_add_bars (chart, "Monthly", STRIDE_AXIS_LEFT, 6, 8 * DAY, 2, months,
                         G_N_ELEMENTS (months));
  stride_chart_add_points (chart, "Runs", STRIDE_AXIS_RIGHT, 0, dots, n);
  stride_chart_add_line (chart, "Average", STRIDE_AXIS_RIGHT, 0, line, n);

  return chart;
}


/* The chart drawn on a @w×@h image (device @scale) filled with SENTINEL,
 * after @setup; @direct FALSE forces cairo_mask. Fills @stats. */
static cairo_surface_t *
draw_on_image (StrideChart       *chart,
               int                w,
               int                h,
               int                scale,
               Setup              setup,
               gboolean           direct,
               StrideRasterStats *stats)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
  StrideChartStyle style;
  StrideRasterStats ignored;
  cairo_t *cr;

  stride_chart_style_init_light (&style);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, 0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0, 1);
  cairo_paint (cr);
  if (setup != NULL)
    setup (cr);
  _stride_raster_stats_take (&ignored);
  _stride_raster_set_direct (direct);
  stride_chart_draw (chart, cr, WIDTH, HEIGHT, &style);
  _stride_raster_set_direct (TRUE);
  _stride_raster_stats_take (stats);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  stride_chart_style_clear (&style);

  return surface;
}

/* Draws both ways and checks they agree; returns the direct drawing. */
static cairo_surface_t *
assert_direct_matches (StrideChart *chart,
                       int          w,
                       int          h,
                       int          scale,
                       Setup        setup,
                       gboolean     expect_direct)
{
  StrideRasterStats direct_stats;
  StrideRasterStats mask_stats;
  cairo_surface_t *direct = draw_on_image (chart, w, h, scale, setup, TRUE, &direct_stats);
  cairo_surface_t *masked = draw_on_image (chart, w, h, scale, setup, FALSE, &mask_stats);
  int worst = max_difference (direct, masked);

  g_test_message ("direct %u + mask %u layers vs mask %u layers: worst difference %d",
                  direct_stats.direct, direct_stats.cairo_mask, mask_stats.cairo_mask, worst);
  if (expect_direct)
    {
      g_assert_cmpuint (direct_stats.direct, >, 0);
      g_assert_cmpuint (direct_stats.cairo_mask, ==, 0);
    }
  else
    {
      g_assert_cmpuint (direct_stats.direct, ==, 0);
    }
  g_assert_cmpuint (mask_stats.direct, ==, 0);
  g_assert_cmpuint (mask_stats.cairo_mask, >, 0);
  g_assert_cmpint (worst, <=, 1);
  cairo_surface_destroy (masked);

  return direct;
}

static void
test_random_dense_series (void)
{
  for (guint32 seed = 1; seed <= 3; seed++)
    {
      g_autoptr(StrideChart) chart = dense_chart (seed);

      cairo_surface_destroy (assert_direct_matches (chart, WIDTH, HEIGHT, 1, NULL, TRUE));
    }
}

/* The series run past the visible range on both sides: they are cut at
 * the plot's clip (6 px around it), in both paths. */
static void
test_clipped_at_plot_edges (void)
{
  g_autoptr(StrideChart) chart = dense_chart (4);
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *surface;
  double from;
  double to;

  stride_chart_get_data_x_range (chart, &from, &to);
  stride_chart_set_x_range (chart, from + (to - from) / 3, to - (to - from) / 3);
  surface = assert_direct_matches (chart, WIDTH, HEIGHT, 1, NULL, TRUE);

  /* The pixel columns just outside the clip, between it and the axes'
   * labels, in the plot's rows: background only. */
  stride_chart_style_init_light (&style);
  chart_layout (chart, WIDTH, HEIGHT, &style, &layout);
  for (int y = (int) layout.top; y < (int) layout.bottom; y++)
    {
      g_assert_true (pixel_is (surface, (int) layout.left - 7, y, &style.background,
                               &style.background, 0.01));
      g_assert_true (pixel_is (surface, (int) layout.right + 6, y, &style.background,
                               &style.background, 0.01));
    }
  _stride_chart_layout_clear (&layout);
  stride_chart_style_clear (&style);
  cairo_surface_destroy (surface);
}

/* A clip of the caller's: nothing outside it changes, and what is inside
 * matches cairo_mask. Clips that are not one rectangle of whole pixels
 * go through cairo_mask. */
static void
test_caller_clip (void)
{
  g_autoptr(StrideChart) chart = dense_chart (5);
  cairo_surface_t *surface;

  surface = assert_direct_matches (chart, WIDTH, HEIGHT, 1, clip_one_rectangle, TRUE);
  g_assert_cmphex (raw_pixel (surface, 149, 200), ==, SENTINEL);
  g_assert_cmphex (raw_pixel (surface, 650, 200), ==, SENTINEL);
  g_assert_cmphex (raw_pixel (surface, 400, 440), ==, SENTINEL);
  cairo_surface_destroy (surface);

  surface = assert_direct_matches (chart, WIDTH, HEIGHT, 1, clip_two_rectangles, FALSE);
  /* Between the two rectangles, where the series are. */
  for (int x = 400; x < 700; x += 7)
    for (int y = 120; y < 420; y += 5)
      g_assert_cmphex (raw_pixel (surface, x, y), ==, SENTINEL);
  cairo_surface_destroy (surface);

  cairo_surface_destroy (assert_direct_matches (chart, WIDTH, HEIGHT, 1, clip_fractional, FALSE));
}

/* A chart drawn at an offset inside a bigger image. */
static void
test_translated (void)
{
  g_autoptr(StrideChart) chart = dense_chart (6);
  cairo_surface_t *surface;

  surface = assert_direct_matches (chart, WIDTH + 80, HEIGHT + 60, 1, translate_whole, TRUE);
  /* Left of and below the chart: untouched. */
  g_assert_cmphex (raw_pixel (surface, 36, 300), ==, SENTINEL);
  g_assert_cmphex (raw_pixel (surface, 600, 23 + HEIGHT), ==, SENTINEL);
  cairo_surface_destroy (surface);

  cairo_surface_destroy (assert_direct_matches (chart, WIDTH + 80, HEIGHT + 60, 1,
                                                translate_fraction, FALSE));
}

static void
test_device_scale (void)
{
  g_autoptr(StrideChart) chart = dense_chart (7);

  cairo_surface_destroy (assert_direct_matches (chart, WIDTH, HEIGHT, 2, NULL, TRUE));
}

/* Rounded bars drawn by the raster are cairo's path of them. */
static void
test_bars_match_paths (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint bars[] = {
    { T0, 40 }, { T0 + 9.3 * DAY, 73.3 }, { T0 + 20.1 * DAY, 12.7 }, { T0 + 30.77 * DAY, 55 },
  };
  StrideChartStyle style;
  StrideRasterStats stats;
  cairo_surface_t *direct;
  cairo_surface_t *recording;
  cairo_surface_t *paths;
  cairo_t *cr;
  int worst;

  stride_chart_style_init_light (&style);
  stride_chart_add_bars (chart, "Bars", STRIDE_AXIS_LEFT, 0, 6.3 * DAY, 0, bars, G_N_ELEMENTS (bars));
  direct = draw_on_image (chart, WIDTH, HEIGHT, 1, NULL, TRUE, &stats);
  g_assert_cmpuint (stats.direct, >, 0);

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  stride_chart_draw (chart, cr, WIDTH, HEIGHT, &style);
  cairo_destroy (cr);
  paths = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (paths);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (paths);

  /* Cairo samples 15 rows a pixel and flattens arcs to 0.1 px: its edges
   * and corners are within a few levels of exact. */
  worst = max_difference (direct, paths);
  g_test_message ("bars vs cairo's paths: worst difference %d", worst);
  g_assert_cmpint (worst, <=, 16);

  cairo_surface_destroy (direct);
  cairo_surface_destroy (paths);
  cairo_surface_destroy (recording);
  stride_chart_style_clear (&style);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* SVG, PDF and recordings keep cairo's paths: no mask of ours at all. */
static void
test_vector_surfaces (void)
{
  g_autoptr(StrideChart) chart = dense_chart (8);
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GString) pdf = g_string_new (NULL);
  cairo_surface_t *surfaces[3];
  StrideChartStyle style;

  stride_chart_style_init_light (&style);
  surfaces[0] = cairo_svg_surface_create_for_stream (discard, svg, WIDTH, HEIGHT);
  surfaces[1] = cairo_pdf_surface_create_for_stream (discard, pdf, WIDTH, HEIGHT);
  surfaces[2] = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (surfaces); i++)
    {
      StrideRasterStats stats;
      cairo_t *cr = cairo_create (surfaces[i]);

      _stride_raster_stats_take (&stats);
      stride_chart_draw (chart, cr, WIDTH, HEIGHT, &style);
      _stride_raster_stats_take (&stats);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpuint (stats.direct, ==, 0);
      g_assert_cmpuint (stats.cairo_mask, ==, 0);
      cairo_destroy (cr);
      cairo_surface_finish (surfaces[i]);
      cairo_surface_destroy (surfaces[i]);
    }
  g_assert_nonnull (strstr (svg->str, "<path"));
  g_assert_null (strstr (svg->str, "<image"));
  stride_chart_style_clear (&style);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/charts/direct/random-dense-series", test_random_dense_series);
  g_test_add_func ("/charts/direct/clipped-at-plot-edges", test_clipped_at_plot_edges);
  g_test_add_func ("/charts/direct/caller-clip", test_caller_clip);
  g_test_add_func ("/charts/direct/translated", test_translated);
  g_test_add_func ("/charts/direct/device-scale", test_device_scale);
  g_test_add_func ("/charts/direct/bars-match-paths", test_bars_match_paths);
  g_test_add_func ("/charts/direct/vector-surfaces", test_vector_surfaces);

  return g_test_run ();
}
