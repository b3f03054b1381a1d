/* test-chart-render.c — pixels, geometry, hover, description, export.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <math.h>

#include "chart-test-util.h"

static const char *out_dir;

static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  g_autofree char *path = NULL;

  if (out_dir == NULL)
    return;
  path = g_build_filename (out_dir, name, NULL);
  cairo_surface_write_to_png (surface, path);
}

static void
test_background (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[] = { { T0, 1 }, { T0 + DAY, 2 } };
  StrideChartStyle light;
  StrideChartStyle dark;
  cairo_surface_t *s;

  stride_chart_style_init_light (&light);
  stride_chart_style_init_dark (&dark);
  stride_chart_add_line (chart, "a", STRIDE_AXIS_LEFT, 0, pts, 2);

  s = render (chart, 300, 200, &light);
  g_assert_true (pixel_is (s, 1, 1, &light.background, &light.background, 0.01));
  g_assert_true (pixel_is (s, 298, 198, &light.background, &light.background, 0.01));
  cairo_surface_destroy (s);

  s = render (chart, 300, 200, &dark);
  g_assert_true (pixel_is (s, 1, 1, &dark.background, &dark.background, 0.01));
  cairo_surface_destroy (s);

  stride_chart_style_clear (&light);
  stride_chart_style_clear (&dark);
}

/* Rows of column @x whose colour is @c; returns their mean, or -1. */
static double
rows_of_color (cairo_surface_t   *s,
               int                x,
               const StrideColor *c,
               const StrideColor *bg,
               double             tol,
               int               *count)
{
  int h = cairo_image_surface_get_height (s);
  double sum = 0;
  int n = 0;

  for (int y = 0; y < h; y++)
    if (pixel_is (s, x, y, c, bg, tol))
      {
        sum += y;
        n++;
      }
  if (count != NULL)
    *count = n;
  return n > 0 ? sum / n : -1;
}

static void
test_line_pixels (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[] = { { T0, 10 }, { T0 + 10 * DAY, 20 } };
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *s;
  double mid_x;
  double expect_y;
  double found;

  stride_chart_style_init_light (&style);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Distance", "km", STRIDE_VALUE_PLAIN, FALSE);
  stride_chart_add_line (chart, "Distance", STRIDE_AXIS_LEFT, 0, pts, 2);

  s = render (chart, 600, 300, &style);
  save_png (s, "test-line.png");
  chart_layout (chart, 600, 300, &style, &layout);

  mid_x = _stride_chart_map_x (&layout, T0 + 5 * DAY);
  expect_y = _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, 15, NULL);
  g_assert_cmpfloat (expect_y, >, layout.top);
  g_assert_cmpfloat (expect_y, <, layout.bottom);
  found = rows_of_color (s, (int) mid_x, &style.series[0], &style.background, 0.05, NULL);
  g_assert_cmpfloat (fabs (found - expect_y), <, 2);

  /* Higher values are drawn higher on a plain axis. */
  g_assert_cmpfloat (_stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, 20, NULL), <,
                     _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, 10, NULL));

  /* Nothing of the series colour outside the plot. */
  g_assert_cmpfloat (rows_of_color (s, 2, &style.series[0], &style.background, 0.05, NULL), ==, -1);

  _stride_chart_layout_clear (&layout);
  cairo_surface_destroy (s);
  stride_chart_style_clear (&style);
}

/* Zoomed in between two points, the line still crosses the view: no
 * "No data in this range". */
static void
test_line_between_points (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[] = { { T0, 10 }, { T0 + 10 * DAY, 20 } };
  StrideChartStyle style;
  cairo_surface_t *s;
  int mid_x;

  stride_chart_style_init_light (&style);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Distance", "km", STRIDE_VALUE_PLAIN, FALSE);
  stride_chart_add_line (chart, "Distance", STRIDE_AXIS_LEFT, 0, pts, 2);
  stride_chart_set_x_range (chart, T0 + 4 * DAY, T0 + 6 * DAY);

  s = render (chart, 600, 300, &style);
  mid_x = 300;
  g_assert_cmpfloat (rows_of_color (s, mid_x, &style.series[0], &style.background, 0.05, NULL),
                     >, 0);

  cairo_surface_destroy (s);
  stride_chart_style_clear (&style);
}

static void
test_pace_inverted (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[] = { { T0, 240 }, { T0 + 10 * DAY, 360 } };
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *s;
  double fast_y;
  double slow_y;
  int x_fast;
  int x_slow;

  stride_chart_style_init_dark (&style);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_points (chart, "Runs", STRIDE_AXIS_LEFT, 2, pts, 2);

  s = render (chart, 600, 300, &style);
  save_png (s, "test-pace.png");
  chart_layout (chart, 600, 300, &style, &layout);
  g_assert_true (layout.axis[STRIDE_AXIS_LEFT].inverted);

  x_fast = (int) round (_stride_chart_map_x (&layout, T0));
  x_slow = (int) round (_stride_chart_map_x (&layout, T0 + 10 * DAY));
  fast_y = rows_of_color (s, x_fast, &style.series[2], &style.background, 0.08, NULL);
  slow_y = rows_of_color (s, x_slow, &style.series[2], &style.background, 0.08, NULL);
  g_assert_cmpfloat (fast_y, >=, 0);
  g_assert_cmpfloat (slow_y, >=, 0);
  /* Faster (fewer seconds per km) is higher. */
  g_assert_cmpfloat (fast_y, <, slow_y);

  _stride_chart_layout_clear (&layout);
  cairo_surface_destroy (s);
  stride_chart_style_clear (&style);
}

static void
test_outlier_clamped (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[60];
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *s;

  stride_chart_style_init_light (&style);
  for (guint i = 0; i < 60; i++)
    {
      pts[i].x = T0 + i * DAY;
      pts[i].y = 300 + 20 * sin (i * 0.7);
    }
  pts[30].y = 120;  /* 2:00 /km: a GPS glitch */

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_line (chart, "Pace", STRIDE_AXIS_LEFT, 0, pts, 60);
  chart_layout (chart, 600, 300, &style, &layout);

  /* The glitch does not stretch the axis: it starts near the real paces. */
  g_assert_cmpfloat (layout.axis[0].lo, >, 200);
  g_assert_cmpfloat (layout.axis[0].hi, <, 400);
  {
    gboolean clamped;
    double y = _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, 120, &clamped);

    g_assert_true (clamped);
    g_assert_cmpfloat (y, ==, layout.top);
  }

  s = render (chart, 600, 300, &style);
  save_png (s, "test-outlier.png");
  /* The clamped point gets a warning mark at the top edge. */
  {
    int x = (int) round (_stride_chart_map_x (&layout, pts[30].x));
    gboolean mark = FALSE;

    for (int y = (int) layout.top - 6; y < (int) layout.top + 2; y++)
      for (int dx = -2; dx <= 2; dx++)
        mark |= pixel_is (s, x + dx, y, &style.warning, &style.background, 0.1);
    g_assert_true (mark);
  }

  _stride_chart_layout_clear (&layout);
  cairo_surface_destroy (s);
  stride_chart_style_clear (&style);
}

static void
test_band_rows (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[] = { { T0, 0.5 }, { T0 + 20 * DAY, 1.6 } };
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *s;
  int x;
  double ya;
  double yb;
  int inside = 0;
  int outside = 0;

  stride_chart_style_init_light (&style);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "ACWR", NULL, STRIDE_VALUE_PLAIN, TRUE);
  stride_chart_add_band (chart, "Safe range", STRIDE_AXIS_LEFT, 0.8, 1.3);
  stride_chart_add_points (chart, "ACWR", STRIDE_AXIS_LEFT, 0, pts, 2);

  s = render (chart, 600, 300, &style);
  save_png (s, "test-band.png");
  chart_layout (chart, 600, 300, &style, &layout);
  x = (int) ((layout.left + layout.right) / 2) + 3;
  ya = _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, 1.3, NULL);
  yb = _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, 0.8, NULL);

  for (int y = (int) layout.top + 1; y < (int) layout.bottom - 1; y++)
    {
      gboolean band = pixel_is (s, x, y, &style.band, &style.background, 0.03);

      if (y > ya + 1 && y < yb - 1)
        inside += band;
      else if (y < ya - 2 || y > yb + 2)
        outside += band;
    }
  /* Every row of the band (a grid line may cross it) and none outside. */
  g_assert_cmpint (inside, >=, (int) (yb - ya) - 4);
  g_assert_cmpint (outside, ==, 0);

  _stride_chart_layout_clear (&layout);
  cairo_surface_destroy (s);
  stride_chart_style_clear (&style);
}

static void
test_stacked_bars (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint run[] = { { T0, 30 }, { T0 + 7 * DAY, 40 } };
  StrideChartPoint bike[] = { { T0, 50 }, { T0 + 7 * DAY, 10 } };
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *s;
  int x;
  int n_run;
  int n_bike;
  double y_run;
  double y_bike;
  double h_run;
  double h_bike;

  stride_chart_style_init_light (&style);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Volume", "km", STRIDE_VALUE_PLAIN, TRUE);
  stride_chart_add_bars (chart, "Run", STRIDE_AXIS_LEFT, 0, 5 * DAY, 1, run, 2);
  stride_chart_add_bars (chart, "Bike", STRIDE_AXIS_LEFT, 1, 5 * DAY, 1, bike, 2);

  s = render (chart, 600, 400, &style);
  save_png (s, "test-bars.png");
  chart_layout (chart, 600, 400, &style, &layout);
  /* The stack reaches 80 in the first week. */
  g_assert_cmpfloat (layout.axis[0].hi, >=, 80);
  g_assert_cmpfloat (layout.axis[0].lo, ==, 0);

  x = (int) round (_stride_chart_map_x (&layout, T0));
  y_run = rows_of_color (s, x, &style.series[0], &style.background, 0.03, &n_run);
  y_bike = rows_of_color (s, x, &style.series[1], &style.background, 0.03, &n_bike);
  h_run = _stride_chart_map_y (&layout, 0, 0, NULL) - _stride_chart_map_y (&layout, 0, 30, NULL);
  h_bike = _stride_chart_map_y (&layout, 0, 30, NULL) - _stride_chart_map_y (&layout, 0, 80, NULL);
  g_assert_cmpfloat (fabs (n_run - h_run), <, 4);
  g_assert_cmpfloat (fabs (n_bike - h_bike), <, 4);
  /* Bike sits on top of run. */
  g_assert_cmpfloat (y_bike, <, y_run);

  _stride_chart_layout_clear (&layout);
  cairo_surface_destroy (s);
  stride_chart_style_clear (&style);
}

static void
test_empty_text (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *s;
  gboolean ink = FALSE;

  stride_chart_style_init_light (&style);
  stride_chart_set_title (chart, "Pace");
  stride_chart_set_x_range (chart, T0, T0 + 30 * DAY);
  s = render (chart, 400, 300, &style);
  save_png (s, "test-empty.png");
  chart_layout (chart, 400, 300, &style, &layout);
  g_assert_true (layout.empty);

  /* Something (the text) is drawn around the centre. */
  for (int x = 100; x < 300; x++)
    for (int y = 150; y < 200; y++)
      ink |= !pixel_is (s, x, y, &style.background, &style.background, 0.05);
  g_assert_true (ink);

  _stride_chart_layout_clear (&layout);
  cairo_surface_destroy (s);
  stride_chart_style_clear (&style);
}

static void
test_pick (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[] = { { T0, 312 }, { T0 + DAY, 300 }, { T0 + 2 * DAY, 290 } };
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *s;
  g_autofree char *readout = NULL;
  double x = 0;
  double y = 0;
  double px;
  double py;

  stride_chart_style_init_light (&style);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_points (chart, "Runs", STRIDE_AXIS_LEFT, 0, pts, 3);
  s = render (chart, 500, 300, &style);
  chart_layout (chart, 500, 300, &style, &layout);

  px = _stride_chart_map_x (&layout, T0);
  py = _stride_chart_map_y (&layout, 0, 312, NULL);
  g_assert_true (stride_chart_pick (chart, 500, 300, px + 3, py - 2, 12, &readout, &x, &y));
  g_assert_cmpfloat (x, ==, T0);
  g_assert_cmpfloat (y, ==, 312);
  g_assert_cmpstr (readout, ==, "Mon 2 Nov 2026 · 5:12 /km");

  /* The nearest of two. */
  g_clear_pointer (&readout, g_free);
  px = _stride_chart_map_x (&layout, T0 + 1.9 * DAY);
  py = _stride_chart_map_y (&layout, 0, 291, NULL);
  g_assert_true (stride_chart_pick (chart, 500, 300, px, py, 200, &readout, &x, &y));
  g_assert_cmpfloat (y, ==, 290);

  /* Nothing near. */
  g_assert_false (stride_chart_pick (chart, 500, 300, 2, 2, 5, NULL, NULL, NULL));
  /* x_at inverts the mapping. */
  g_assert_cmpfloat (fabs (stride_chart_x_at (chart, 500, _stride_chart_map_x (&layout, T0 + DAY))
                           - (T0 + DAY)), <, 600);

  _stride_chart_layout_clear (&layout);
  cairo_surface_destroy (s);
  stride_chart_style_clear (&style);
}

/* A bar of a weekly or monthly total reads as its week or month. */
static void
test_pick_bar_period (void)
{
  static const struct {
    StridePeriod  period;
    GDateWeekday  first_weekday;
    const char   *readout;
  } cases[] = {
    { STRIDE_PERIOD_DAY, G_DATE_MONDAY, "Wed 4 Nov 2026 · 65 km" },
    { STRIDE_PERIOD_WEEK, G_DATE_MONDAY, "Week of Mon 2 Nov 2026 · 65 km" },
    { STRIDE_PERIOD_WEEK, G_DATE_SUNDAY, "Week of Sun 1 Nov 2026 · 65 km" },
    { STRIDE_PERIOD_MONTH, G_DATE_MONDAY, "November 2026 · 65 km" },
  };
  StrideChartPoint bars[] = { { T0 + 2 * DAY, 65 }, { T0 + 9 * DAY, 40 } };
  StrideChartStyle style;

  stride_chart_style_init_light (&style);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StrideChart) chart = stride_chart_new ();
      g_autofree char *readout = NULL;
      StrideChartLayout layout;
      double px;
      double py;

      stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Running", "km", STRIDE_VALUE_PLAIN, TRUE);
      stride_chart_add_bars (chart, "Running", STRIDE_AXIS_LEFT, 0, 2 * DAY, 0, bars, 2);
      stride_chart_set_bar_period (chart, cases[i].period, cases[i].first_weekday);
      chart_layout (chart, 500, 300, &style, &layout);
      px = _stride_chart_map_x (&layout, T0 + 2 * DAY);
      py = _stride_chart_map_y (&layout, 0, 60, NULL);
      g_assert_true (stride_chart_pick (chart, 500, 300, px, py, 40, &readout, NULL, NULL));
      g_assert_cmpstr (readout, ==, cases[i].readout);
      _stride_chart_layout_clear (&layout);
    }
  stride_chart_style_clear (&style);
}

static void
test_describe (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[30];
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;

  for (guint i = 0; i < 30; i++)
    {
      pts[i].x = T0 - (29 - i) * DAY;
      pts[i].y = 340 - i;
    }
  pts[29].y = 312;
  stride_chart_set_title (chart, "Pace per run");
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_line (chart, "Easy runs", STRIDE_AXIS_LEFT, 0, pts, 30);

  text = stride_chart_describe (chart);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Pace per run"));
  g_assert_nonnull (strstr (text, "4 Oct 2026"));     /* start of the range */
  g_assert_nonnull (strstr (text, "2 Nov 2026"));     /* end and latest */
  g_assert_nonnull (strstr (text, "latest 5:12 /km"));
  g_assert_nonnull (strstr (text, "faster"));

  {
    g_autoptr(StrideChart) none = stride_chart_new ();

    stride_chart_set_empty_text (none, "No runs yet");
    empty = stride_chart_describe (none);
    g_assert_nonnull (strstr (empty, "No runs yet"));
  }
}

static StrideChart *
demo_chart (void)
{
  StrideChart *chart = stride_chart_new ();
  StrideChartPoint pts[90];
  StrideChartPoint avg[90];

  for (guint i = 0; i < 90; i++)
    {
      pts[i].x = T0 - (89 - i) * DAY;
      pts[i].y = (i % 3 == 1) ? NAN : 320 - i * 0.3 + 15 * sin (i * 1.3);
      avg[i].x = pts[i].x;
      avg[i].y = 320 - i * 0.3;
    }
  stride_chart_set_title (chart, "Pace");
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_points (chart, "Runs", STRIDE_AXIS_LEFT, 0, pts, 90);
  stride_chart_add_line (chart, "Trend", STRIDE_AXIS_LEFT, 2, avg, 90);
  stride_chart_add_marker (chart, T0 - 20 * DAY, "10K race", FALSE);
  stride_chart_add_marker (chart, T0 - 50 * DAY, "Calf strain", TRUE);

  return chart;
}

static void
test_export (void)
{
  g_autoptr(StrideChart) chart = demo_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-charts-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.jpg", NULL);
  g_autofree char *contents = NULL;
  StrideChartStyle style;
  cairo_surface_t *loaded;
  gsize len;

  stride_chart_style_init_light (&style);

  g_assert_true (stride_chart_export (chart, png, 640, 360, &style, &error));
  g_assert_no_error (error);
  loaded = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (loaded), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (loaded), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (loaded), ==, 360);
  cairo_surface_destroy (loaded);

  g_assert_true (stride_chart_export (chart, svg, 640, 360, &style, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (stride_chart_export (chart, pdf, 640, 360, &style, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_false (stride_chart_export (chart, bad, 640, 360, &style, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (stride_chart_export (chart, png, 0, 360, &style, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_remove (png);
  g_remove (svg);
  g_remove (pdf);
  g_rmdir (dir);
  stride_chart_style_clear (&style);
}

static void
test_ref (void)
{
  StrideChart *chart = stride_chart_new ();

  g_assert_true (stride_chart_ref (chart) == chart);
  stride_chart_unref (chart);
  stride_chart_unref (chart);
}

static void
test_styles (void)
{
  g_autoptr(StrideChart) chart = demo_chart ();
  StrideChartStyle style;
  cairo_surface_t *s;

  stride_chart_style_init_high_contrast (&style);
  style.font_family = g_strdup ("Sans");
  style.font_size = 11;
  g_assert_true (style.high_contrast);
  s = render (chart, 800, 400, &style);
  save_png (s, "test-high-contrast.png");
  g_assert_true (pixel_is (s, 0, 0, &style.background, &style.background, 0.01));
  cairo_surface_destroy (s);
  stride_chart_style_clear (&style);
  g_assert_null (style.font_family);

  /* A NULL style draws the light preset. */
  s = render (chart, 200, 100, NULL);
  cairo_surface_destroy (s);
}

/* Image surfaces get dense series from a coverage mask, other surfaces
 * cairo's paths: both must show the same picture. The recording is
 * replayed onto an image to compare. */
static cairo_surface_t *
render_via_recording (StrideChart            *chart,
                      int                     width,
                      int                     height,
                      const StrideChartStyle *style)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (recording);

  stride_chart_draw (chart, cr, width, height, style);
  cairo_destroy (cr);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (surface);

  return surface;
}

/* Mean difference per channel (0–1) and the share of pixels off by
 * more than a quarter. */
static double
image_difference (cairo_surface_t *a,
                  cairo_surface_t *b,
                  double          *far_share)
{
  int w = cairo_image_surface_get_width (a);
  int h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *da = cairo_image_surface_get_data (a);
  const guint8 *db = cairo_image_surface_get_data (b);
  double sum = 0;
  guint far = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int worst = 0;

        for (int c = 0; c < 4; c++)
          {
            int d = abs (da[y * stride + 4 * x + c] - db[y * stride + 4 * x + c]);

            sum += d;
            worst = MAX (worst, d);
          }
        far += worst > 64;
      }

  *far_share = far / (double) (w * h);
  return sum / (255.0 * 4 * w * h);
}

static void
test_mask_matches_paths (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  g_autofree StrideChartPoint *zigzag = g_new (StrideChartPoint, 520);
  g_autofree StrideChartPoint *dots = g_new (StrideChartPoint, 1500);
  g_autofree StrideChartPoint *bars = g_new (StrideChartPoint, 3000);
  g_autofree StrideChartPoint *sparse = g_new (StrideChartPoint, 7);
  StrideChartStyle style;
  cairo_surface_t *direct;
  cairo_surface_t *replayed;
  double far;
  double mean;

  for (guint i = 0; i < 520; i++)
    zigzag[i] = (StrideChartPoint) { T0 + i * 7 * DAY, 50 + 40 * sin (i * 1.7) + (i % 3) * 10 };
  for (guint i = 0; i < 1500; i++)
    dots[i] = (StrideChartPoint) { T0 + i * 2.4 * DAY, 60 + 30 * cos (i * 0.37) };
  for (guint i = 0; i < 3000; i++)
    bars[i] = (StrideChartPoint) { T0 + i * 1.2 * DAY, 20 + (i * 37 % 17) };
  /* A gap: the point between two gaps is a dot. */
  for (guint i = 0; i < 7; i++)
    sparse[i] = (StrideChartPoint) { T0 + i * 500 * DAY, i == 2 || i == 4 ? NAN : 70 + i };

  stride_chart_style_init_light (&style);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Load", NULL, STRIDE_VALUE_PLAIN, TRUE);
  stride_chart_add_bars (chart, "Bars", STRIDE_AXIS_LEFT, 2, 0.7 * DAY, 0, bars, 3000);
  stride_chart_add_line (chart, "Zigzag", STRIDE_AXIS_LEFT, 0, zigzag, 520);
  stride_chart_add_line (chart, "Sparse", STRIDE_AXIS_LEFT, 3, sparse, 7);
  stride_chart_add_points (chart, "Dots", STRIDE_AXIS_LEFT, 1, dots, 1500);

  direct = render (chart, 900, 400, &style);
  replayed = render_via_recording (chart, 900, 400, &style);
  save_png (direct, "test-mask-direct.png");
  save_png (replayed, "test-mask-paths.png");

  /* Anti-aliasing differs a little, and the dense dots are discs of the
   * squares' ink: nothing more. */
  mean = image_difference (direct, replayed, &far);
  g_test_message ("mean difference %.4f, far pixels %.4f", mean, far);
  g_assert_cmpfloat (mean, <, 0.01);
  g_assert_cmpfloat (far, <, 0.02);

  /* The isolated value (index 3) shows as a dot (cairo's path draws it
   * as a ring with a faint centre pixel). */
  {
    StrideChartLayout layout;
    double x;
    double y;

    chart_layout (chart, 900, 400, &style, &layout);
    x = _stride_chart_map_x (&layout, sparse[3].x);
    y = _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, sparse[3].y, NULL);
    g_assert_true (pixel_is (direct, (int) x, (int) y, &style.series[3], &style.background, 0.1));
    _stride_chart_layout_clear (&layout);
  }

  cairo_surface_destroy (direct);
  cairo_surface_destroy (replayed);
  stride_chart_style_clear (&style);
}

/* On a HiDPI image surface (device scale 2) the mask follows the device
 * pixels: a line is as sharp as cairo draws it. */
static void
test_mask_device_scale (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  g_autofree StrideChartPoint *zigzag = g_new (StrideChartPoint, 150);
  StrideChartStyle style;
  cairo_surface_t *direct;
  cairo_surface_t *replayed;
  cairo_surface_t *recording;
  cairo_t *cr;
  double far;
  double mean;

  /* Under a point every two pixels: round-capped segments. */
  for (guint i = 0; i < 150; i++)
    zigzag[i] = (StrideChartPoint) { T0 + i * 7 * DAY, 50 + 40 * sin (i * 1.3) };
  stride_chart_style_init_light (&style);
  stride_chart_add_line (chart, "Zigzag", STRIDE_AXIS_LEFT, 0, zigzag, 150);

  direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 600);
  cairo_surface_set_device_scale (direct, 2, 2);
  cr = cairo_create (direct);
  stride_chart_draw (chart, cr, 600, 300, &style);
  cairo_destroy (cr);
  cairo_surface_flush (direct);

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  stride_chart_draw (chart, cr, 600, 300, &style);
  cairo_destroy (cr);
  replayed = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 600);
  cairo_surface_set_device_scale (replayed, 2, 2);
  cr = cairo_create (replayed);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (replayed);
  save_png (direct, "test-mask-scale-direct.png");
  save_png (replayed, "test-mask-scale-paths.png");

  mean = image_difference (direct, replayed, &far);
  g_test_message ("mean difference %.4f, far pixels %.4f", mean, far);
  g_assert_cmpfloat (mean, <, 0.01);
  g_assert_cmpfloat (far, <, 0.01);

  cairo_surface_destroy (direct);
  cairo_surface_destroy (replayed);
  stride_chart_style_clear (&style);
}

/* What goes in comes back out, for the table view. */
static void
test_read_back (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  const StrideChartPoint line[] = { { 1000, 5 }, { 2000, NAN }, { 3000, 7 } };
  const StrideChartPoint bars[] = { { 1500, 2 } };
  const StrideChartPoint *points = NULL;
  const char *name = NULL, *label = NULL, *unit = NULL;
  StrideAxisSide side = STRIDE_AXIS_LEFT;
  StrideValueKind kind = STRIDE_VALUE_PLAIN;
  gboolean is_bars = TRUE, warning = FALSE;
  guint n_points = 0;
  double x = 0;

  g_assert_null (stride_chart_get_title (chart));
  g_assert_cmpuint (stride_chart_get_n_series (chart), ==, 0);
  g_assert_cmpuint (stride_chart_get_n_markers (chart), ==, 0);
  stride_chart_get_axis (chart, STRIDE_AXIS_RIGHT, &label, &unit, &kind);
  g_assert_null (label);

  stride_chart_set_title (chart, "Pace");
  stride_chart_set_empty_text (chart, "No runs");
  stride_chart_set_utc_offset (chart, 3600);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_line (chart, "Easy", STRIDE_AXIS_LEFT, 0, line, G_N_ELEMENTS (line));
  stride_chart_add_bars (chart, "Load", STRIDE_AXIS_RIGHT, 1, 600, 0, bars, G_N_ELEMENTS (bars));
  stride_chart_add_marker (chart, 2500, "Race", TRUE);

  g_assert_cmpstr (stride_chart_get_title (chart), ==, "Pace");
  g_assert_cmpstr (stride_chart_get_empty_text (chart), ==, "No runs");
  g_assert_cmpint (stride_chart_get_utc_offset (chart), ==, 3600);
  stride_chart_get_axis (chart, STRIDE_AXIS_LEFT, &label, &unit, &kind);
  g_assert_cmpstr (label, ==, "Pace");
  g_assert_cmpstr (unit, ==, "/km");
  g_assert_cmpint (kind, ==, STRIDE_VALUE_PACE);

  g_assert_cmpuint (stride_chart_get_n_series (chart), ==, 2);
  stride_chart_get_series (chart, 0, &name, &side, &is_bars, &points, &n_points);
  g_assert_cmpstr (name, ==, "Easy");
  g_assert_cmpint (side, ==, STRIDE_AXIS_LEFT);
  g_assert_false (is_bars);
  g_assert_cmpuint (n_points, ==, 3);
  g_assert_cmpfloat (points[2].x, ==, 3000);
  g_assert_true (isnan (points[1].y));
  stride_chart_get_series (chart, 1, &name, &side, &is_bars, NULL, &n_points);
  g_assert_cmpstr (name, ==, "Load");
  g_assert_cmpint (side, ==, STRIDE_AXIS_RIGHT);
  g_assert_true (is_bars);
  g_assert_cmpuint (n_points, ==, 1);

  g_assert_cmpuint (stride_chart_get_n_markers (chart), ==, 1);
  stride_chart_get_marker (chart, 0, &x, &label, &warning);
  g_assert_cmpfloat (x, ==, 2500);
  g_assert_cmpstr (label, ==, "Race");
  g_assert_true (warning);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  out_dir = g_getenv ("STRIDE_CHART_PNG_DIR");

  g_test_add_func ("/charts/render/background", test_background);
  g_test_add_func ("/charts/render/line", test_line_pixels);
  g_test_add_func ("/charts/render/line-between-points", test_line_between_points);
  g_test_add_func ("/charts/render/pace-inverted", test_pace_inverted);
  g_test_add_func ("/charts/render/outlier", test_outlier_clamped);
  g_test_add_func ("/charts/render/band", test_band_rows);
  g_test_add_func ("/charts/render/stacked-bars", test_stacked_bars);
  g_test_add_func ("/charts/render/empty", test_empty_text);
  g_test_add_func ("/charts/render/styles", test_styles);
  g_test_add_func ("/charts/render/mask-matches-paths", test_mask_matches_paths);
  g_test_add_func ("/charts/render/mask-device-scale", test_mask_device_scale);
  g_test_add_func ("/charts/pick", test_pick);
  g_test_add_func ("/charts/pick-bar-period", test_pick_bar_period);
  g_test_add_func ("/charts/describe", test_describe);
  g_test_add_func ("/charts/export", test_export);
  g_test_add_func ("/charts/ref", test_ref);
  g_test_add_func ("/charts/read-back", test_read_back);

  return g_test_run ();
}
