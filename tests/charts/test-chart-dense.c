/* test-chart-dense.c — long series: what decimation and the coverage
 * masks draw must be what the whole series draws.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ten years at 1200 px are decimated to the pixel width and drawn into a
 * coverage mask (image surfaces) or as cairo paths (vector surfaces).
 * Each is compared with a plain cairo drawing of every point of the
 * series, column by column: every extreme of the data must show, and
 * nothing where the data is not.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "chart-test-util.h"

#define WIDTH  1200
#define HEIGHT 600
#define YEARS_DAYS 3653

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

/* The light style without grid lines, so that only the series differ
 * from the background inside the plot. */
static void
plain_style (StrideChartStyle *style)
{
  stride_chart_style_init_light (style);
  style->grid.alpha = 0;
}

static cairo_surface_t *
render_scaled (StrideChart            *chart,
               const StrideChartStyle *style,
               int                     scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * scale,
                                                         HEIGHT * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  stride_chart_draw (chart, cr, WIDTH, HEIGHT, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Vector surfaces get cairo's paths: drawn on a recording surface and
 * replayed onto an image to compare. */
static cairo_surface_t *
render_paths (StrideChart            *chart,
              const StrideChartStyle *style,
              int                     scale)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * scale,
                                                         HEIGHT * scale);
  cairo_t *cr = cairo_create (recording);

  stride_chart_draw (chart, cr, WIDTH, HEIGHT, style);
  cairo_destroy (cr);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (surface);

  return surface;
}

typedef enum
{
  REF_LINE,
  REF_SQUARES,
} RefKind;

/* The chart as drawn, its plot then repainted with every point of
 * @points, undecimated, with cairo: a line 2 px wide with round joins, or
 * the squares of side 2 @radius that dense dots are. */
static cairo_surface_t *
render_reference (StrideChart            *chart,
                  const StrideChartStyle *style,
                  const StrideChartPoint *points,
                  guint                   n_points,
                  RefKind                 kind,
                  double                  radius,
                  guint                   color)
{
  cairo_surface_t *surface = render_paths (chart, style, 1);
  StrideChartLayout layout;
  cairo_t *cr = cairo_create (surface);
  const StrideColor *c = &style->series[color];
  gboolean pen = FALSE;

  chart_layout (chart, WIDTH, HEIGHT, style, &layout);
  cairo_rectangle (cr, layout.left - 6, layout.top - 6, layout.right - layout.left + 12,
                   layout.bottom - layout.top + 12);
  cairo_clip (cr);
  cairo_rectangle (cr, layout.left - 6, layout.top - 6, layout.right - layout.left + 12,
                   floor (layout.bottom) - layout.top + 6);
  cairo_set_source_rgba (cr, style->background.red, style->background.green,
                         style->background.blue, 1);
  cairo_fill (cr);

  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < n_points; i++)
    {
      double x;
      double y;

      if (!isfinite (points[i].y))
        {
          pen = FALSE;
          continue;
        }
      x = _stride_chart_map_x (&layout, points[i].x);
      y = _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, points[i].y, NULL);
      if (kind == REF_SQUARES)
        {
          cairo_rectangle (cr, round (x - radius), round (y - radius), round (2 * radius),
                           round (2 * radius));
        }
      else if (pen)
        {
          cairo_line_to (cr, x, y);
        }
      else
        {
          cairo_move_to (cr, x, y);
          /* A value alone between gaps: the chart's dot. */
          if (i + 1 >= n_points || !isfinite (points[i + 1].y))
            cairo_arc (cr, x, y, 1.2, 0, 2 * G_PI);
        }
      pen = TRUE;
    }
  if (kind == REF_SQUARES)
    cairo_fill (cr);
  else
    cairo_stroke (cr);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  _stride_chart_layout_clear (&layout);

  return surface;
}

/* A pixel is ink when it differs from the background by more than a
 * third of the series colour's contrast in some channel. */
static gboolean
is_ink (cairo_surface_t        *s,
        int                     x,
        int                     y,
        const StrideChartStyle *style,
        guint                   color)
{
  const StrideColor *c = &style->series[color];
  const StrideColor *bg = &style->background;
  double r;
  double g;
  double b;

  pixel (s, x, y, &r, &g, &b);
  return fabs (r - bg->red) > fabs (c->red - bg->red) / 3
         || fabs (g - bg->green) > fabs (c->green - bg->green) / 3
         || fabs (b - bg->blue) > fabs (c->blue - bg->blue) / 3;
}

typedef struct
{
  int    left;
  int    right;
  int   *top;        /* per column from left: first ink row, or INT_MAX */
  int   *bottom;     /* last ink row, or -1 */
} Extents;

/* Per pixel column of the plot, the topmost and bottommost ink (above
 * the time axis' line). */
static void
ink_extents (cairo_surface_t        *s,
             StrideChart            *chart,
             const StrideChartStyle *style,
             guint                   color,
             Extents                *ext)
{
  StrideChartLayout layout;
  int top;
  int bottom;

  chart_layout (chart, WIDTH, HEIGHT, style, &layout);
  ext->left = (int) layout.left;
  ext->right = (int) layout.right;
  top = (int) layout.top - 4;
  bottom = (int) floor (layout.bottom) - 1;
  ext->top = g_new (int, ext->right - ext->left);
  ext->bottom = g_new (int, ext->right - ext->left);
  for (int x = ext->left; x < ext->right; x++)
    {
      ext->top[x - ext->left] = G_MAXINT;
      ext->bottom[x - ext->left] = -1;
      for (int y = top; y <= bottom; y++)
        if (is_ink (s, x, y, style, color))
          {
            ext->top[x - ext->left] = MIN (ext->top[x - ext->left], y);
            ext->bottom[x - ext->left] = y;
          }
    }
  _stride_chart_layout_clear (&layout);
}

static void
extents_clear (Extents *ext)
{
  g_free (ext->top);
  g_free (ext->bottom);
}

/* Columns of @a whose extremes @b does not reach within @columns columns
 * and @rows rows: @a's top must have ink of @b at or above it (plus
 * @rows), its bottom ink at or below it. */
static guint
unmatched_extremes (const Extents *a,
                    const Extents *b,
                    int            columns,
                    int            rows)
{
  guint misses = 0;
  int n = a->right - a->left;

  for (int c = columns; c < n - columns; c++)
    {
      int top = G_MAXINT;
      int bottom = -1;

      if (a->bottom[c] < 0)
        continue;
      for (int k = c - columns; k <= c + columns; k++)
        {
          top = MIN (top, b->top[k]);
          bottom = MAX (bottom, b->bottom[k]);
        }
      if (top > a->top[c] + rows || bottom < a->bottom[c] - rows)
        {
          if (misses < 5)
            g_test_message ("column %d: ink %d–%d, nearby %d–%d", a->left + c, a->top[c],
                            a->bottom[c], top, bottom);
          misses++;
        }
    }

  return misses;
}

/* Both ways: every extreme of the whole series shows in @drawn, and
 * everything in @drawn is near an extreme of the whole series. */
static void
assert_same_extremes (cairo_surface_t        *drawn,
                      cairo_surface_t        *reference,
                      StrideChart            *chart,
                      const StrideChartStyle *style,
                      guint                   color,
                      int                     columns)
{
  Extents a;
  Extents b;
  guint shown_missing;
  guint extra;

  ink_extents (drawn, chart, style, color, &a);
  ink_extents (reference, chart, style, color, &b);
  shown_missing = unmatched_extremes (&b, &a, columns, 1);
  extra = unmatched_extremes (&a, &b, columns, 1);
  g_test_message ("extremes missing %u, extra %u", shown_missing, extra);
  g_assert_cmpuint (shown_missing, ==, 0);
  g_assert_cmpuint (extra, ==, 0);
  extents_clear (&a);
  extents_clear (&b);
}

/* Mean difference per channel (0–1) and the share of pixels off by more
 * than a quarter. */
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

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
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

/* Ten years of daily values: noise, a slow trend, and one-day spikes up
 * and down that decimation must keep. */
static StrideChartPoint *
daily_series (guint  n,
              guint *spikes,
              guint  n_spikes)
{
  StrideChartPoint *pts = g_new (StrideChartPoint, n);
  GRand *rand = g_rand_new_with_seed (11);

  for (guint i = 0; i < n; i++)
    {
      pts[i].x = T0 - (n - 1 - i) * DAY;
      pts[i].y = 300 + 20 * sin (i / 200.0) + g_rand_double_range (rand, -12, 12);
    }
  for (guint k = 0; k < n_spikes; k++)
    {
      spikes[k] = 50 + g_rand_int_range (rand, 0, n - 100);
      pts[spikes[k]].y = k % 2 == 0 ? 420 : 190;
    }
  g_rand_free (rand);

  return pts;
}

/* The ink of column @x reaches row @y (within @tol). */
static gboolean
column_reaches (cairo_surface_t        *s,
                int                     x,
                double                  y,
                const StrideChartStyle *style,
                guint                   color,
                double                  tol)
{
  for (int row = (int) floor (y - tol); row <= (int) ceil (y + tol); row++)
    if (is_ink (s, x, row, style, color))
      return TRUE;
  return FALSE;
}

/* A daily line over ten years: more points than pixels, decimated to
 * the minimum and maximum per column. Every one-day spike still shows at
 * its column and height, on images and vector surfaces alike. */
static void
test_daily_line_keeps_extremes (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  guint spikes[12];
  g_autofree StrideChartPoint *pts = daily_series (YEARS_DAYS, spikes, G_N_ELEMENTS (spikes));
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *drawn;
  cairo_surface_t *paths;
  cairo_surface_t *reference;

  plain_style (&style);
  stride_chart_add_line (chart, "Daily", STRIDE_AXIS_LEFT, 0, pts, YEARS_DAYS);
  drawn = render_scaled (chart, &style, 1);
  paths = render_paths (chart, &style, 1);
  reference = render_reference (chart, &style, pts, YEARS_DAYS, REF_LINE, 0, 0);
  save_png (drawn, "test-dense-daily.png");
  save_png (reference, "test-dense-daily-reference.png");

  chart_layout (chart, WIDTH, HEIGHT, &style, &layout);
  for (guint k = 0; k < G_N_ELEMENTS (spikes); k++)
    {
      int x = (int) _stride_chart_map_x (&layout, pts[spikes[k]].x);
      double y = _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, pts[spikes[k]].y, NULL);

      g_assert_true (column_reaches (reference, x, y, &style, 0, 1.5));
      g_assert_true (column_reaches (drawn, x, y, &style, 0, 1.5));
      g_assert_true (column_reaches (paths, x, y, &style, 0, 1.5));
    }
  _stride_chart_layout_clear (&layout);

  /* A stroke two pixels wide reaches a column from its neighbours: one
   * column of slack. */
  assert_same_extremes (drawn, reference, chart, &style, 0, 1);
  assert_same_extremes (paths, reference, chart, &style, 0, 1);

  cairo_surface_destroy (drawn);
  cairo_surface_destroy (paths);
  cairo_surface_destroy (reference);
  stride_chart_style_clear (&style);
}

/* Ten years of weekly values, a zigzag two pixels apart: no decimation,
 * but strokes drawn into the mask by rows and columns, which must cover
 * what cairo's stroke covers. */
static StrideChartPoint *
weekly_zigzag (guint n)
{
  StrideChartPoint *pts = g_new (StrideChartPoint, n);
  GRand *rand = g_rand_new_with_seed (5);

  for (guint i = 0; i < n; i++)
    {
      pts[i].x = T0 - (n - 1 - i) * 7 * DAY;
      pts[i].y = g_rand_int_range (rand, 0, 9) == 0 ? g_rand_double_range (rand, 0, 10)
                 : 60 + g_rand_double_range (rand, -25, 25);
    }
  /* A gap with one week alone inside: a dot. */
  pts[200].y = NAN;
  pts[202].y = NAN;
  g_rand_free (rand);

  return pts;
}

static void
test_weekly_zigzag_matches_stroke (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  g_autofree StrideChartPoint *pts = weekly_zigzag (523);
  StrideChartStyle style;
  cairo_surface_t *drawn;
  cairo_surface_t *paths;
  cairo_surface_t *reference;
  double far;
  double mean;

  plain_style (&style);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, "Running", "km", STRIDE_VALUE_PLAIN, TRUE);
  stride_chart_add_line (chart, "Running", STRIDE_AXIS_LEFT, 3, pts, 523);
  drawn = render_scaled (chart, &style, 1);
  paths = render_paths (chart, &style, 1);
  reference = render_reference (chart, &style, pts, 523, REF_LINE, 0, 3);
  save_png (drawn, "test-dense-weekly.png");
  save_png (paths, "test-dense-weekly-paths.png");
  save_png (reference, "test-dense-weekly-reference.png");

  /* The same series, undecimated: the mask's strokes are cairo's stroke
   * up to anti-aliasing. */
  mean = image_difference (drawn, paths, &far);
  g_test_message ("mask vs stroke: mean difference %.4f, far pixels %.4f", mean, far);
  g_assert_cmpfloat (mean, <, 0.004);
  g_assert_cmpfloat (far, <, 0.004);
  /* Where two strokes are a pixel apart, the pixel between them is
   * covered by each: the mask takes the larger, cairo their union. One
   * column of slack. */
  assert_same_extremes (drawn, reference, chart, &style, 3, 1);
  assert_same_extremes (paths, reference, chart, &style, 3, 1);

  /* The isolated week is a dot. */
  {
    StrideChartLayout layout;
    double x;
    double y;

    chart_layout (chart, WIDTH, HEIGHT, &style, &layout);
    x = _stride_chart_map_x (&layout, pts[201].x);
    y = _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, pts[201].y, NULL);
    g_assert_true (pixel_is (drawn, (int) x, (int) y, &style.series[3], &style.background, 0.1));
    _stride_chart_layout_clear (&layout);
  }

  cairo_surface_destroy (drawn);
  cairo_surface_destroy (paths);
  cairo_surface_destroy (reference);
  stride_chart_style_clear (&style);
}

/* On a HiDPI image (device scale 2) the mask has twice the pixels each
 * way; strokes are still cairo's. */
static void
test_weekly_zigzag_device_scale (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  g_autofree StrideChartPoint *pts = weekly_zigzag (523);
  StrideChartStyle style;
  cairo_surface_t *drawn;
  cairo_surface_t *paths;
  double far;
  double mean;

  plain_style (&style);
  style.high_contrast = TRUE;   /* 3 px lines: an odd width in device pixels */
  stride_chart_add_line (chart, "Running", STRIDE_AXIS_LEFT, 0, pts, 523);
  drawn = render_scaled (chart, &style, 2);
  paths = render_paths (chart, &style, 2);
  save_png (drawn, "test-dense-weekly-2x.png");

  mean = image_difference (drawn, paths, &far);
  g_test_message ("mask vs stroke at 2x: mean difference %.4f, far pixels %.4f", mean, far);
  g_assert_cmpfloat (mean, <, 0.004);
  g_assert_cmpfloat (far, <, 0.004);

  cairo_surface_destroy (drawn);
  cairo_surface_destroy (paths);
  stride_chart_style_clear (&style);
}

/* Ten years of daily dots: decimated per dot width to the lowest and the
 * highest of every three columns, drawn as squares. The cloud's outline
 * is the whole series' outline. */
static void
test_daily_dots_keep_outline (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  guint spikes[8];
  g_autofree StrideChartPoint *pts = daily_series (YEARS_DAYS, spikes, G_N_ELEMENTS (spikes));
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *drawn;
  cairo_surface_t *paths;
  cairo_surface_t *reference;

  plain_style (&style);
  stride_chart_add_points (chart, "Runs", STRIDE_AXIS_LEFT, 1, pts, YEARS_DAYS);
  drawn = render_scaled (chart, &style, 1);
  paths = render_paths (chart, &style, 1);
  reference = render_reference (chart, &style, pts, YEARS_DAYS, REF_SQUARES, 1.5, 1);
  save_png (drawn, "test-dense-dots.png");

  chart_layout (chart, WIDTH, HEIGHT, &style, &layout);
  for (guint k = 0; k < G_N_ELEMENTS (spikes); k++)
    {
      int x = (int) _stride_chart_map_x (&layout, pts[spikes[k]].x);
      double y = _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, pts[spikes[k]].y, NULL);

      g_assert_true (column_reaches (drawn, x, y, &style, 1, 1.5));
      g_assert_true (column_reaches (paths, x, y, &style, 1, 1.5));
    }
  _stride_chart_layout_clear (&layout);

  /* Decimated per three columns: that much slack. */
  assert_same_extremes (drawn, reference, chart, &style, 1, 3);
  assert_same_extremes (paths, reference, chart, &style, 1, 3);

  cairo_surface_destroy (drawn);
  cairo_surface_destroy (paths);
  cairo_surface_destroy (reference);
  stride_chart_style_clear (&style);
}

/* Dots are stamped from coverage computed once per draw for each quarter
 * pixel of offset: at any offset, the same as cairo's arcs. */
static void
test_dots_match_arcs (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint pts[150];
  StrideChartStyle style;
  cairo_surface_t *drawn;
  cairo_surface_t *paths;
  double far;
  double mean;

  for (guint i = 0; i < G_N_ELEMENTS (pts); i++)
    pts[i] = (StrideChartPoint) { T0 + i * 1.37 * DAY, 50 + 40 * sin (i * 0.91) };
  plain_style (&style);
  stride_chart_add_points (chart, "Runs", STRIDE_AXIS_LEFT, 2, pts, G_N_ELEMENTS (pts));

  for (int scale = 1; scale <= 2; scale++)
    {
      drawn = render_scaled (chart, &style, scale);
      paths = render_paths (chart, &style, scale);
      mean = image_difference (drawn, paths, &far);
      g_test_message ("stamps vs arcs at %dx: mean difference %.5f, far pixels %.5f", scale,
                      mean, far);
      g_assert_cmpfloat (mean, <, 0.0005);
      g_assert_cmpfloat (far, <, 0.0005);
      cairo_surface_destroy (drawn);
      cairo_surface_destroy (paths);
    }
  stride_chart_style_clear (&style);
}

/* A line and the dots of its colour are one layer, drawn together above
 * the layers before them, on images and vector surfaces alike. */
static void
test_line_and_dots_one_layer (void)
{
  g_autoptr(StrideChart) chart = stride_chart_new ();
  StrideChartPoint easy_dot[] = { { T0 + 5 * DAY, 10 } };
  StrideChartPoint easy_line[] = { { T0, 0 }, { T0 + DAY, 20 } };
  StrideChartPoint long_run[] = { { T0, 10 }, { T0 + 10 * DAY, 10 } };
  StrideChartStyle style;
  StrideChartLayout layout;
  cairo_surface_t *images[2];
  int x;
  double y;

  plain_style (&style);
  stride_chart_add_points (chart, "Easy", STRIDE_AXIS_LEFT, 1, easy_dot, 1);
  stride_chart_add_line (chart, "Easy, average", STRIDE_AXIS_LEFT, 1, easy_line, 2);
  stride_chart_add_points (chart, "Long", STRIDE_AXIS_LEFT, 0, long_run, 2);
  stride_chart_add_line (chart, "Long, average", STRIDE_AXIS_LEFT, 0, long_run, 2);

  images[0] = render_scaled (chart, &style, 1);
  images[1] = render_paths (chart, &style, 1);
  chart_layout (chart, WIDTH, HEIGHT, &style, &layout);
  x = (int) _stride_chart_map_x (&layout, T0 + 5 * DAY);
  y = _stride_chart_map_y (&layout, STRIDE_AXIS_LEFT, 10, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      /* The second layer's line runs over the first layer's dot… */
      g_assert_true (pixel_is (images[i], x, (int) y, &style.series[0], &style.background, 0.05));
      /* …which shows around it. */
      g_assert_true (pixel_is (images[i], x, (int) floor (y) - 2, &style.series[1],
                               &style.background, 0.05));
      cairo_surface_destroy (images[i]);
    }

  _stride_chart_layout_clear (&layout);
  stride_chart_style_clear (&style);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  out_dir = g_getenv ("STRIDE_CHART_PNG_DIR");

  g_test_add_func ("/charts/dense/daily-line-keeps-extremes", test_daily_line_keeps_extremes);
  g_test_add_func ("/charts/dense/weekly-zigzag-matches-stroke", test_weekly_zigzag_matches_stroke);
  g_test_add_func ("/charts/dense/weekly-zigzag-device-scale", test_weekly_zigzag_device_scale);
  g_test_add_func ("/charts/dense/daily-dots-keep-outline", test_daily_dots_keep_outline);
  g_test_add_func ("/charts/dense/dots-match-arcs", test_dots_match_arcs);
  g_test_add_func ("/charts/dense/line-and-dots-one-layer", test_line_and_dots_one_layer);

  return g_test_run ();
}
