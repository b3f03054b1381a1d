/* chart-test-util.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "stride-chart-private.h"

/* Fontconfig keeps its caches for the life of the process; they are not
 * ours to free. Read by LeakSanitizer in the sanitizer build only. */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

#define DAY 86400.0
/* Mon 2 Nov 2026 00:00 UTC */
#define T0 1793577600.0

static inline cairo_surface_t *
render (StrideChart            *chart,
        int                     width,
        int                     height,
        const StrideChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  stride_chart_draw (chart, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static inline void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       double          *r,
       double          *g,
       double          *b)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  v = *(guint32 *) (void *) (data + y * stride + x * 4);
  *r = ((v >> 16) & 0xff) / 255.0;
  *g = ((v >> 8) & 0xff) / 255.0;
  *b = (v & 0xff) / 255.0;
}

/* Is the pixel @c (blended over @bg with @alpha) within @tol per channel? */
static inline gboolean
pixel_is (cairo_surface_t   *surface,
          int                x,
          int                y,
          const StrideColor *c,
          const StrideColor *bg,
          double             tol)
{
  double r;
  double g;
  double b;
  double a = c->alpha;

  pixel (surface, x, y, &r, &g, &b);
  return fabs (r - (c->red * a + bg->red * (1 - a))) <= tol
         && fabs (g - (c->green * a + bg->green * (1 - a))) <= tol
         && fabs (b - (c->blue * a + bg->blue * (1 - a))) <= tol;
}

static inline void
chart_layout (StrideChart            *chart,
              double                  width,
              double                  height,
              const StrideChartStyle *style,
              StrideChartLayout      *layout)
{
  g_assert_true (_stride_chart_layout (chart, _stride_chart_pango_context (),
                                       style->font_family, style->font_size,
                                       width, height, layout));
}

/* The largest difference of any channel of any pixel. */
static inline int
max_difference (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a);
  int h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *da = cairo_image_surface_get_data (a);
  const guint8 *db = cairo_image_surface_get_data (b);
  int worst = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  for (int y = 0; y < h; y++)
    for (int i = 0; i < 4 * w; i++)
      worst = MAX (worst, abs (da[y * stride + i] - db[y * stride + i]));

  return worst;
}

static inline guint32
raw_pixel (cairo_surface_t *s,
           int              x,
           int              y)
{
  const guint8 *data = cairo_image_surface_get_data (s);

  return *(const guint32 *) (const void *) (data + (gsize) y * cairo_image_surface_get_stride (s) + 4 * x);
}

/* What the raster tests do to a cairo_t before drawing: the clips and
 * translations the direct paths must either handle or leave to cairo. */
typedef void (*Setup) (cairo_t *cr);

/* The colour an image is filled with first, to see what a draw changed. */
#define SENTINEL 0xff123456u

static inline void
clip_one_rectangle (cairo_t *cr)
{
  cairo_rectangle (cr, 150, 90, 500, 350);
  cairo_clip (cr);
}

static inline void
clip_two_rectangles (cairo_t *cr)
{
  cairo_rectangle (cr, 100, 80, 300, 400);
  cairo_rectangle (cr, 700, 120, 300, 300);
  cairo_clip (cr);
}

static inline void
clip_fractional (cairo_t *cr)
{
  cairo_rectangle (cr, 100.5, 80.25, 700, 400);
  cairo_clip (cr);
}

static inline void
translate_whole (cairo_t *cr)
{
  cairo_translate (cr, 37, 23);
}

static inline void
translate_fraction (cairo_t *cr)
{
  cairo_translate (cr, 37.5, 23.25);
}
