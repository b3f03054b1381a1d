/* test-chart-fuzz.c — bad input and random data never crash or draw NaN.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-svg.h>
#include <math.h>

#include "chart-test-util.h"

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws into an SVG in memory: every coordinate cairo received is in the
 * text, so a NaN anywhere shows up as "nan". */
static void
check_svg (StrideChart            *chart,
           double                  width,
           double                  height,
           const StrideChartStyle *style)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *text = NULL;

  surface = cairo_svg_surface_create_for_stream (append_cb, bytes, MAX (width, 1), MAX (height, 1));
  cr = cairo_create (surface);
  stride_chart_draw (chart, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  text = g_ascii_strdown ((const char *) bytes->data, bytes->len);
  g_assert_null (strstr (text, "nan"));
  g_assert_null (strstr (text, "inf"));
}

static void
check_layout (StrideChart            *chart,
              double                  width,
              double                  height,
              const StrideChartStyle *style)
{
  StrideChartLayout layout;

  if (!_stride_chart_layout (chart, _stride_chart_pango_context (), style->font_family,
                             style->font_size, width, height, &layout))
    return;

  g_assert_true (isfinite (layout.x0) && isfinite (layout.x1) && layout.x1 > layout.x0);
  g_assert_true (isfinite (layout.left) && isfinite (layout.right));
  g_assert_true (isfinite (layout.top) && isfinite (layout.bottom));
  for (guint side = 0; side < 2; side++)
    {
      const StrideValueAxis *ax = &layout.axis[side];

      if (!ax->used)
        continue;
      g_assert_true (isfinite (ax->lo) && isfinite (ax->hi) && ax->hi > ax->lo);
      g_assert_true (isfinite (ax->step) && ax->step > 0);
    }
  _stride_chart_layout_clear (&layout);
}

static void
check_all (StrideChart *chart)
{
  static const double sizes[][2] = {
    { 0, 0 }, { 1, 1 }, { 0, 300 }, { 300, 0 }, { 2, 2 }, { 50, 30 }, { 119, 79 },
    { 120, 80 }, { 600, 300 }, { 1200, 600 }, { -5, 100 }, { NAN, 100 }, { INFINITY, 10 },
  };
  StrideChartStyle style;
  g_autofree char *text = NULL;
  g_autofree char *readout = NULL;

  stride_chart_style_init_light (&style);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int w = isfinite (sizes[i][0]) && sizes[i][0] > 0 ? (int) sizes[i][0] : 1;
      int h = isfinite (sizes[i][1]) && sizes[i][1] > 0 ? (int) sizes[i][1] : 1;
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr = cairo_create (s);

      stride_chart_draw (chart, cr, sizes[i][0], sizes[i][1], &style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (s);
      check_layout (chart, sizes[i][0], sizes[i][1], &style);
      stride_chart_pick (chart, sizes[i][0], sizes[i][1], w / 2.0, h / 2.0, 50, &readout, NULL, NULL);
      g_clear_pointer (&readout, g_free);
      g_assert_true (isfinite (stride_chart_x_at (chart, sizes[i][0], 10)));
    }
  check_svg (chart, 600, 300, &style);
  text = stride_chart_describe (chart);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  stride_chart_style_clear (&style);
}

static void
test_empty (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();

  check_all (chart);
  stride_chart_add_line (chart, "none", STRIDE_AXIS_LEFT, 0, NULL, 0);
  stride_chart_add_bars (chart, "none", STRIDE_AXIS_RIGHT, 1, 0, 0, NULL, 0);
  check_all (chart);
  stride_chart_set_x_range (chart, T0, T0);
  check_all (chart);
}

static void
test_single_point (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint p = { T0, 300 };

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, NULL, "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_line (chart, "one", STRIDE_AXIS_LEFT, 0, &p, 1);
  check_all (chart);
  stride_chart_add_bars (chart, "one", STRIDE_AXIS_RIGHT, 1, DAY, 0, &p, 1);
  check_all (chart);
}

static void
test_all_equal (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[50];

  for (guint i = 0; i < 50; i++)
    {
      pts[i].x = T0 + i * DAY;
      pts[i].y = 0;
    }
  stride_chart_add_line (chart, "zero", STRIDE_AXIS_LEFT, 0, pts, 50);
  check_all (chart);
  for (guint i = 0; i < 50; i++)
    pts[i].y = 1e-300;
  stride_chart_add_points (chart, "tiny", STRIDE_AXIS_RIGHT, 1, pts, 50);
  stride_chart_set_axis (chart, STRIDE_AXIS_RIGHT, NULL, NULL, STRIDE_VALUE_PERCENT, FALSE);
  check_all (chart);
  /* Same x for everything. */
  for (guint i = 0; i < 50; i++)
    pts[i] = (StrideChartPoint) { T0, i };
  stride_chart_add_line (chart, "same x", STRIDE_AXIS_LEFT, 2, pts, 50);
  check_all (chart);
}

static void
test_nan_and_absurd (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[] = {
    { NAN, 1 }, { T0, NAN }, { T0 + DAY, INFINITY }, { T0 + 2 * DAY, -INFINITY },
    { T0 + 3 * DAY, 1e300 }, { INFINITY, 5 }, { -1e300, 5 }, { T0 + 4 * DAY, 300 },
    { T0 + 5 * DAY, 120 }, { 1e20, 3 },
  };

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_set_axis (chart, STRIDE_AXIS_RIGHT, "Time", NULL, STRIDE_VALUE_DURATION, TRUE);
  stride_chart_add_line (chart, "nan", STRIDE_AXIS_LEFT, 0, pts, G_N_ELEMENTS (pts));
  stride_chart_add_points (chart, "nan", STRIDE_AXIS_RIGHT, 9, pts, G_N_ELEMENTS (pts));
  stride_chart_add_bars (chart, "nan", STRIDE_AXIS_RIGHT, 3, NAN, 7, pts, G_N_ELEMENTS (pts));
  stride_chart_add_band (chart, "bad", STRIDE_AXIS_LEFT, NAN, 1e300);
  stride_chart_add_band (chart, "ok", STRIDE_AXIS_LEFT, 310, 280);
  stride_chart_add_marker (chart, NAN, "bad", TRUE);
  stride_chart_add_marker (chart, T0 + DAY, NULL, TRUE);
  stride_chart_set_utc_offset (chart, G_MININT);
  check_all (chart);
  stride_chart_set_x_range (chart, NAN, T0);
  check_all (chart);
  stride_chart_set_x_range (chart, T0 + 10 * DAY, T0);   /* reversed */
  check_all (chart);
  stride_chart_set_x_range (chart, -1e300, 1e300);
  check_all (chart);
  stride_chart_set_x_range (chart, T0 + 100 * DAY, T0 + 101 * DAY);  /* no data there */
  check_all (chart);
}

static void
test_outlier (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[200];

  for (guint i = 0; i < 200; i++)
    {
      pts[i].x = T0 + i * DAY;
      pts[i].y = 300 + (i % 9);
    }
  pts[77].y = 120;
  pts[150].y = 1e9;
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Pace", "/km", STRIDE_VALUE_PACE, FALSE);
  stride_chart_add_points (chart, "runs", STRIDE_AXIS_LEFT, 0, pts, 200);
  check_all (chart);
}

static void
test_fuzz (void)
{
  for (guint iter = 0; iter < 300; iter++)
    {
      GRand *rand = g_rand_new_with_seed (iter);
      g_autoptr(StrideChart) chart = stride_chart_new ();
      guint n_series = g_rand_int_range (rand, 0, 5);
      StrideChartStyle style;
      cairo_surface_t *surface;
      cairo_t *cr;
      int width;
      int height;
      g_autofree char *readout = NULL;
      g_autofree char *text = NULL;
      double base_x = g_rand_boolean (rand) ? T0 : g_rand_double_range (rand, -1e10, 1e10);

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          stride_chart_style_init_light (&style);
          break;
        case 1:
          stride_chart_style_init_dark (&style);
          break;
        default:
          stride_chart_style_init_high_contrast (&style);
          break;
        }
      style.font_size = g_rand_int_range (rand, 0, 10) == 0 ? g_rand_double_range (rand, -5, 200)
                                                            : 9;

      for (guint side = 0; side < 2; side++)
        stride_chart_set_axis (chart, side, g_rand_boolean (rand) ? "Axis" : NULL,
                               g_rand_boolean (rand) ? "km" : NULL,
                               g_rand_int_range (rand, 0, 5), g_rand_boolean (rand));
      if (g_rand_boolean (rand))
        stride_chart_set_title (chart, "Fuzz");
      stride_chart_set_utc_offset (chart, g_rand_int_range (rand, -50000, 50000));

      for (guint i = 0; i < n_series; i++)
        {
          guint n = g_rand_int_range (rand, 0, 3) == 0 ? g_rand_int_range (rand, 0, 3)
                                                       : g_rand_int_range (rand, 0, 3000);
          g_autofree StrideChartPoint *pts = g_new0 (StrideChartPoint, MAX (n, 1));
          double x = base_x;
          double scale = pow (10, g_rand_double_range (rand, -8, 8));
          double dx = pow (10, g_rand_double_range (rand, 0, 7));

          for (guint j = 0; j < n; j++)
            {
              guint r = g_rand_int_range (rand, 0, 100);

              x += g_rand_double_range (rand, 0, dx);
              pts[j].x = r == 0 ? NAN : x;
              pts[j].y = r == 1 ? NAN : r == 2 ? INFINITY : r == 3 ? 1e300
                         : r == 4 ? -scale * 1000 : scale * g_rand_double_range (rand, -1, 1);
            }

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              stride_chart_add_line (chart, "line", g_rand_int_range (rand, 0, 2),
                                     g_rand_int (rand), pts, n);
              break;
            case 1:
              stride_chart_add_points (chart, g_rand_boolean (rand) ? "points" : NULL,
                                       g_rand_int_range (rand, 0, 2), g_rand_int (rand), pts, n);
              break;
            default:
              stride_chart_add_bars (chart, "bars", g_rand_int_range (rand, 0, 2),
                                     g_rand_int (rand), g_rand_double_range (rand, -DAY, 30 * DAY),
                                     g_rand_int_range (rand, 0, 2), pts, n);
              break;
            }
        }

      if (g_rand_boolean (rand))
        stride_chart_add_band (chart, "band", g_rand_int_range (rand, 0, 2),
                               g_rand_double_range (rand, -10, 10), g_rand_double_range (rand, -10, 10));
      for (guint i = g_rand_int_range (rand, 0, 4); i > 0; i--)
        stride_chart_add_marker (chart, base_x + g_rand_double_range (rand, -1e8, 1e8),
                                 "marker", g_rand_boolean (rand));
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          double a = base_x + g_rand_double_range (rand, -1e8, 1e8);

          stride_chart_set_x_range (chart, a, a + g_rand_double_range (rand, -1e7, 1e8));
        }

      width = g_rand_int_range (rand, 0, 6) == 0 ? g_rand_int_range (rand, 0, 2)
                                                 : g_rand_int_range (rand, 0, 1400);
      height = g_rand_int_range (rand, 0, 6) == 0 ? g_rand_int_range (rand, 0, 2)
                                                  : g_rand_int_range (rand, 0, 800);

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1), MAX (height, 1));
      cr = cairo_create (surface);
      stride_chart_draw (chart, cr, width, height, &style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      check_layout (chart, width, height, &style);
      if (iter % 10 == 0)
        check_svg (chart, width, height, &style);

      stride_chart_pick (chart, width, height, g_rand_double_range (rand, 0, width + 1),
                         g_rand_double_range (rand, 0, height + 1), 30, &readout, NULL, NULL);
      g_assert_true (isfinite (stride_chart_x_at (chart, width, g_rand_double_range (rand, 0, width))));
      text = stride_chart_describe (chart);
      g_assert_nonnull (text);

      stride_chart_style_clear (&style);
      g_rand_free (rand);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/charts/bad-input/empty", test_empty);
  g_test_add_func ("/charts/bad-input/single-point", test_single_point);
  g_test_add_func ("/charts/bad-input/all-equal", test_all_equal);
  g_test_add_func ("/charts/bad-input/nan-and-absurd", test_nan_and_absurd);
  g_test_add_func ("/charts/bad-input/outlier", test_outlier);
  g_test_add_func ("/charts/fuzz", test_fuzz);

  return g_test_run ();
}
