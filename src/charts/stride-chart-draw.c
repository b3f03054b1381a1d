/* stride-chart-draw.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "stride-chart-private.h"

#define PAD            12.0
#define COMPACT_WIDTH  120.0
#define COMPACT_HEIGHT 80.0
#define DEFAULT_FONT   "Cantarell, sans-serif"

void
_stride_chart_invalidate (StrideChart *chart)
{
  g_mutex_lock (&chart->lock);
  chart->range_cache[0].valid = FALSE;
  chart->range_cache[1].valid = FALSE;
  g_mutex_unlock (&chart->lock);
}

gboolean
_stride_point_valid (const StrideChartPoint *p)
{
  return isfinite (p->y);
}

static GPrivate context_key = G_PRIVATE_INIT (g_object_unref);

/* One Pango context per thread, made once: creating it costs more than
 * laying out every label of a chart. Borrowed. */
PangoContext *
_stride_chart_pango_context (void)
{
  PangoContext *context = g_private_get (&context_key);
  cairo_font_options_t *options;

  if (context != NULL)
    return context;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* The same metrics on every surface: a widget, a PNG, a PDF and a
   * pick() without any surface must lay out identically. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96);
  cairo_font_options_destroy (options);
  g_private_set (&context_key, context);

  return context;
}

static PangoLayout *
text_layout (PangoContext *context,
             const char   *font,
             double        px,
             gboolean      bold,
             const char   *text)
{
  PangoLayout *layout;
  PangoFontDescription *desc;

  desc = pango_font_description_from_string (font != NULL ? font : DEFAULT_FONT);
  pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);

  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_font_description_free (desc);

  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *w,
           double      *h)
{
  int lw;
  int lh;

  pango_layout_get_pixel_size (layout, &lw, &lh);
  if (w != NULL)
    *w = lw;
  if (h != NULL)
    *h = lh;
}

static gboolean
series_x_extent (const StrideSeries *s,
                 const StrideChartPoint *p,
                 double             *lo,
                 double             *hi)
{
  double half = s->kind == STRIDE_SERIES_BARS ? MAX (s->width_s, 0) / 2 : 0;

  *lo = p->x - half;
  *hi = p->x + half;
  return TRUE;
}

/* First index with x >= @x (points are sorted by x). */
static guint
lower_bound (const StrideChartPoint *points,
             guint                   n,
             double                  x)
{
  guint lo = 0;
  guint hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (points[mid].x < x)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The slice of @s to draw for [x0, x1], widened by one point on each side
 * so lines run to the edges. */
static void
visible_slice (const StrideSeries *s,
               double              x0,
               double              x1,
               guint              *begin,
               guint              *end)
{
  double half = s->kind == STRIDE_SERIES_BARS ? s->width_s / 2 : 0;
  guint b = lower_bound (s->points, s->n_points, x0 - half);
  guint e = lower_bound (s->points, s->n_points, x1 + half);

  while (e < s->n_points && s->points[e].x <= x1 + half)
    e++;
  if (s->kind == STRIDE_SERIES_LINE)
    {
      if (b > 0)
        b--;
      if (e < s->n_points)
        e++;
    }

  *begin = b;
  *end = e;
}

static void
fit_x_range (StrideChart *chart,
             double      *x0,
             double      *x1)
{
  double lo = INFINITY;
  double hi = -INFINITY;
  gboolean bars = FALSE;

  if (chart->x_from != 0 || chart->x_to != 0)
    {
      lo = MIN (chart->x_from, chart->x_to);
      hi = MAX (chart->x_from, chart->x_to);
      if (!(hi > lo))
        {
          lo -= 43200;
          hi += 43200;
        }
      *x0 = CLAMP (lo, STRIDE_CHART_MIN_X, STRIDE_CHART_MAX_ABS_X - 1);
      *x1 = CLAMP (hi, *x0 + 1, STRIDE_CHART_MAX_ABS_X);
      return;
    }

  for (guint i = 0; i < chart->series->len; i++)
    {
      StrideSeries *s = g_ptr_array_index (chart->series, i);

      for (guint j = 0; j < s->n_points; j++)
        {
          double a;
          double b;

          if (!_stride_point_valid (&s->points[j]))
            continue;
          series_x_extent (s, &s->points[j], &a, &b);
          lo = MIN (lo, a);
          hi = MAX (hi, b);
          bars |= s->kind == STRIDE_SERIES_BARS;
          break;
        }
      for (guint j = s->n_points; j > 0; j--)
        {
          double a;
          double b;

          if (!_stride_point_valid (&s->points[j - 1]))
            continue;
          series_x_extent (s, &s->points[j - 1], &a, &b);
          lo = MIN (lo, a);
          hi = MAX (hi, b);
          break;
        }
    }

  if (!isfinite (lo) || !isfinite (hi))
    {
      /* Nothing at all: a neutral week ending now. */
      hi = (double) (g_get_real_time () / G_USEC_PER_SEC);
      lo = hi - 7 * 86400;
    }
  else if (!(hi > lo))
    {
      lo -= 86400;
      hi += 86400;
    }
  else if (!bars)
    {
      double pad = (hi - lo) * 0.02;

      lo -= pad;
      hi += pad;
    }

  *x0 = CLAMP (lo, STRIDE_CHART_MIN_X, STRIDE_CHART_MAX_ABS_X - 1);
  *x1 = CLAMP (hi, *x0 + 1, STRIDE_CHART_MAX_ABS_X);
}

static gboolean
range_has_data (StrideChart *chart,
                double       x0,
                double       x1)
{
  for (guint i = 0; i < chart->series->len; i++)
    {
      StrideSeries *s = g_ptr_array_index (chart->series, i);
      double half = s->kind == STRIDE_SERIES_BARS ? s->width_s / 2 : 0;
      guint j = lower_bound (s->points, s->n_points, x0 - half);

      /* Zoomed in between two points, a line still crosses the view. */
      if (s->kind == STRIDE_SERIES_LINE && j > 0 && j < s->n_points
          && _stride_point_valid (&s->points[j - 1]) && _stride_point_valid (&s->points[j]))
        return TRUE;

      for (; j < s->n_points && s->points[j].x <= x1 + half; j++)
        if (_stride_point_valid (&s->points[j]))
          return TRUE;
    }

  return FALSE;
}

static void
compute_value_axis (StrideChart       *chart,
                    StrideAxisSide     side,
                    double             x0,
                    double             x1,
                    double             plot_height,
                    double             line_height,
                    StrideValueAxis   *ax)
{
  const StrideAxisConf *conf = &chart->axes[side];
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double lo = INFINITY;
  double hi = -INFINITY;
  guint max_ticks;
  double step;
  double first;
  gboolean cached = FALSE;

  memset (ax, 0, sizeof *ax);
  ax->kind = conf->kind;
  ax->inverted = conf->kind == STRIDE_VALUE_PACE;

  g_mutex_lock (&chart->lock);
  if (chart->range_cache[side].valid && chart->range_cache[side].x0 == x0
      && chart->range_cache[side].x1 == x1)
    {
      lo = chart->range_cache[side].lo;
      hi = chart->range_cache[side].hi;
      cached = TRUE;
    }
  g_mutex_unlock (&chart->lock);

  for (guint i = 0; i < chart->series->len; i++)
    {
      StrideSeries *s = g_ptr_array_index (chart->series, i);
      guint b;
      guint e;

      if (s->side != side)
        continue;
      ax->used = TRUE;
      if (cached)
        break;
      visible_slice (s, x0, x1, &b, &e);
      for (guint j = b; j < e; j++)
        {
          double y = s->points[j].y;

          if (!isfinite (y))
            continue;
          if (s->kind == STRIDE_SERIES_BARS)
            {
              double base = s->base != NULL ? s->base[j] : 0;

              lo = MIN (lo, MIN (base, base + y));
              hi = MAX (hi, MAX (base, base + y));
              lo = MIN (lo, 0);
              hi = MAX (hi, 0);
            }
          else if (s->points[j].x >= x0 && s->points[j].x <= x1)
            {
              g_array_append_val (values, y);
            }
        }
    }

  if (!ax->used)
    return;

  if (values->len > 0)
    {
      double vlo;
      double vhi;

      if (conf->kind == STRIDE_VALUE_PACE)
        {
          _stride_chart_robust_range ((double *) values->data, values->len, &vlo, &vhi);
        }
      else
        {
          vlo = vhi = g_array_index (values, double, 0);
          for (guint i = 1; i < values->len; i++)
            {
              vlo = MIN (vlo, g_array_index (values, double, i));
              vhi = MAX (vhi, g_array_index (values, double, i));
            }
        }
      lo = MIN (lo, vlo);
      hi = MAX (hi, vhi);
    }

  if (!cached)
    {
      g_mutex_lock (&chart->lock);
      chart->range_cache[side].valid = TRUE;
      chart->range_cache[side].x0 = x0;
      chart->range_cache[side].x1 = x1;
      chart->range_cache[side].lo = lo;
      chart->range_cache[side].hi = hi;
      g_mutex_unlock (&chart->lock);
    }

  if (isfinite (lo))
    {
      for (guint i = 0; i < chart->bands->len; i++)
        {
          StrideBand *band = g_ptr_array_index (chart->bands, i);

          if (band->side != side)
            continue;
          lo = MIN (lo, band->low);
          hi = MAX (hi, band->high);
        }
    }

  if (conf->include_zero && isfinite (lo))
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }

  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = 0;
      hi = 1;
    }
  else if (!(hi - lo > fabs (hi) * 1e-9))
    {
      /* All equal: centre the value in a band of ±10 % (or ±1). */
      double d = fabs (hi) > 0 ? fabs (hi) * 0.1 : 1;

      if (conf->kind == STRIDE_VALUE_PACE || conf->kind == STRIDE_VALUE_DURATION)
        d = MAX (d, 30);
      lo -= d;
      hi += d;
    }

  max_ticks = (guint) CLAMP (plot_height / (line_height * 2.2), 2, 10);

  if (conf->kind == STRIDE_VALUE_PACE || conf->kind == STRIDE_VALUE_DURATION)
    {
      step = _stride_chart_pace_step (hi - lo, max_ticks);
      if (conf->kind == STRIDE_VALUE_DURATION && step < 60 && hi - lo > 600)
        step = 60;
    }
  else
    {
      if (stride_chart_nice_ticks (lo, hi, max_ticks, &first, &step) == 0 || !(step > 0))
        step = (hi - lo) / 4;
    }

  ax->lo = floor (lo / step + 1e-9) * step;
  ax->hi = ceil (hi / step - 1e-9) * step;
  if (!(ax->hi > ax->lo))
    ax->hi = ax->lo + step;
  ax->step = step;
  ax->first = ax->lo;
  ax->n_ticks = (guint) MIN (floor ((ax->hi - ax->lo) / step + 1e-6) + 1, 64);
  ax->decimals = step >= 1 ? 0 : (guint) MIN (3, ceil (-log10 (step) - 1e-9));
  if (step < 1 && fmod (step * pow (10, ax->decimals), 1) > 1e-6)
    ax->decimals = MIN (3, ax->decimals + 1);
}

void
_stride_chart_layout_clear (StrideChartLayout *layout)
{
  g_clear_pointer (&layout->time_ticks, g_array_unref);
}

/* A line and its points under one name and colour make one entry. */
static gboolean
legend_duplicate (StrideChart *chart,
                  guint        index)
{
  StrideSeries *s = g_ptr_array_index (chart->series, index);

  for (guint i = 0; i < index; i++)
    {
      StrideSeries *o = g_ptr_array_index (chart->series, i);

      if (o->color == s->color && g_strcmp0 (o->name, s->name) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
legend_entries (StrideChart *chart,
                const char ***names)
{
  guint n = 0;

  *names = g_new0 (const char *, chart->series->len + chart->bands->len + 1);
  for (guint i = 0; i < chart->series->len; i++)
    {
      StrideSeries *s = g_ptr_array_index (chart->series, i);

      if (s->name != NULL && *s->name != '\0' && !legend_duplicate (chart, i))
        (*names)[n++] = s->name;
    }
  for (guint i = 0; i < chart->bands->len; i++)
    {
      StrideBand *b = g_ptr_array_index (chart->bands, i);

      if (b->name != NULL && *b->name != '\0')
        (*names)[n++] = b->name;
    }

  return n;
}

static gboolean
show_legend (StrideChart *chart,
             guint        n_entries)
{
  return n_entries >= 2 || (n_entries == 1 && chart->title == NULL);
}

#define SWATCH 10.0
#define SWATCH_GAP 6.0
#define LEGEND_GAP 16.0

gboolean
_stride_chart_layout (StrideChart       *chart,
                      PangoContext      *context,
                      const char        *font,
                      double             font_size,
                      double             width,
                      double             height,
                      StrideChartLayout *layout)
{
  double max_label_w[2] = { 0, 0 };
  g_autofree const char **names = NULL;
  guint n_names;
  gboolean captions = FALSE;

  memset (layout, 0, sizeof *layout);

  if (!isfinite (width) || !isfinite (height) || width < 1 || height < 1
      || width > 1e6 || height > 1e6)
    return FALSE;

  if (!isfinite (font_size) || font_size <= 0)
    font_size = 9;
  layout->width = width;
  layout->height = height;
  layout->font_px = CLAMP (font_size * 96.0 / 72.0, 4, 72);
  layout->line_height = ceil (layout->font_px * 1.35);

  fit_x_range (chart, &layout->x0, &layout->x1);
  layout->empty = !range_has_data (chart, layout->x0, layout->x1);
  layout->compact = width < COMPACT_WIDTH || height < COMPACT_HEIGHT;

  if (layout->compact)
    {
      layout->left = 1;
      layout->top = 1;
      layout->right = MAX (width - 1, 1);
      layout->bottom = MAX (height - 1, 1);
      for (guint side = 0; side < 2; side++)
        compute_value_axis (chart, side, layout->x0, layout->x1,
                            layout->bottom - layout->top, 1e6, &layout->axis[side]);
      return TRUE;
    }

  layout->top = PAD;
  if (chart->title != NULL)
    {
      layout->title_y = layout->top;
      layout->top += ceil (layout->line_height * 1.2) + 6;
    }

  n_names = legend_entries (chart, &names);
  if (show_legend (chart, n_names))
    {
      double x = PAD;

      layout->legend_y = layout->top;
      layout->legend_rows = 1;
      for (guint i = 0; i < n_names; i++)
        {
          g_autoptr(PangoLayout) pl = text_layout (context, font, layout->font_px, FALSE, names[i]);
          double w;
          double entry;

          text_size (pl, &w, NULL);
          entry = SWATCH + SWATCH_GAP + w;
          if (x > PAD && x + entry > width - PAD)
            {
              layout->legend_rows++;
              x = PAD;
            }
          x += entry + LEGEND_GAP;
        }
      layout->top += layout->legend_rows * layout->line_height + 8;
    }

  for (guint side = 0; side < 2; side++)
    if (chart->axes[side].label != NULL || chart->axes[side].unit != NULL)
      captions = TRUE;
  if (captions)
    layout->top += layout->line_height + 2;
  else
    layout->top += ceil (layout->line_height / 2);

  layout->bottom = floor (height - PAD - layout->line_height - 4);
  if (layout->bottom - layout->top < layout->line_height * 2)
    {
      /* Too flat for text rows: fall back to the compact look. */
      layout->compact = TRUE;
      layout->left = 1;
      layout->top = 1;
      layout->right = width - 1;
      layout->bottom = height - 1;
      for (guint side = 0; side < 2; side++)
        compute_value_axis (chart, side, layout->x0, layout->x1,
                            layout->bottom - layout->top, 1e6, &layout->axis[side]);
      return TRUE;
    }

  for (guint side = 0; side < 2; side++)
    {
      StrideValueAxis *ax = &layout->axis[side];

      compute_value_axis (chart, side, layout->x0, layout->x1,
                          layout->bottom - layout->top, layout->line_height, ax);
      if (!ax->used || layout->empty)
        continue;
      for (guint i = 0; i < ax->n_ticks; i++)
        {
          g_autofree char *label = _stride_chart_format_tick (ax, ax->first + i * ax->step);
          g_autoptr(PangoLayout) pl = text_layout (context, font, layout->font_px, FALSE, label);
          double w;

          text_size (pl, &w, NULL);
          max_label_w[side] = MAX (max_label_w[side], w);
        }
    }

  layout->left = PAD + (max_label_w[0] > 0 ? max_label_w[0] + 8 : 0);
  layout->right = width - PAD - (max_label_w[1] > 0 ? max_label_w[1] + 8 : 0);
  layout->left = floor (layout->left);
  layout->right = floor (layout->right);
  layout->top = floor (layout->top);

  if (layout->right - layout->left < 20)
    {
      layout->left = 1;
      layout->right = width - 1;
    }

  layout->time_unit = _stride_chart_time_ticks (layout->x0, layout->x1,
                                                layout->right - layout->left,
                                                layout->font_px * 0.62, chart->utc_offset,
                                                &layout->time_ticks);

  return TRUE;
}

double
_stride_chart_map_x (const StrideChartLayout *layout,
                     double                   x)
{
  double t = (x - layout->x0) / (layout->x1 - layout->x0);

  /* Far outside the view: keep cairo's fixed point arithmetic safe. */
  t = CLAMP (t, -4, 5);
  return layout->left + t * (layout->right - layout->left);
}

double
_stride_chart_map_y (const StrideChartLayout *layout,
                     StrideAxisSide           side,
                     double                   y,
                     gboolean                *clamped)
{
  const StrideValueAxis *ax = &layout->axis[side];
  double t;

  if (clamped != NULL)
    *clamped = FALSE;

  if (!ax->used)
    ax = &layout->axis[!side];

  t = (y - ax->lo) / (ax->hi - ax->lo);
  if (!isfinite (t))
    t = 0.5;
  if (t < 0 || t > 1)
    {
      if (clamped != NULL)
        *clamped = TRUE;
      t = CLAMP (t, 0, 1);
    }

  if (ax->inverted)
    return layout->top + t * (layout->bottom - layout->top);
  return layout->bottom - t * (layout->bottom - layout->top);
}

/* ----- drawing ----- */

static void
set_color (cairo_t           *cr,
           const StrideColor *c,
           double             alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static const StrideColor *
series_color (const StrideChartStyle *style,
              guint                   index)
{
  return &style->series[index % G_N_ELEMENTS (style->series)];
}

static void
show_text (cairo_t     *cr,
           PangoLayout *pl,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, pl);
}

static void
rounded_top_rect (cairo_t *cr,
                  double   x,
                  double   y,
                  double   w,
                  double   h,
                  double   r)
{
  r = MIN (r, MIN (w / 2, h));
  if (r < 0.5)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_move_to (cr, x, y + h);
  cairo_line_to (cr, x, y + r);
  cairo_arc (cr, x + r, y + r, r, G_PI, 1.5 * G_PI);
  cairo_arc (cr, x + w - r, y + r, r, 1.5 * G_PI, 2 * G_PI);
  cairo_line_to (cr, x + w, y + h);
  cairo_close_path (cr);
}

static void
outlier_mark (cairo_t *cr,
              double   x,
              double   y,
              gboolean at_top,
              double   size)
{
  /* A small chevron pointing out of the plot: "further than this". */
  double d = at_top ? -1 : 1;

  cairo_move_to (cr, x - size, y + d * size * 0.2);
  cairo_line_to (cr, x, y + d * size * 1.1);
  cairo_line_to (cr, x + size, y + d * size * 0.2);
  cairo_close_path (cr);
}

/* ----- coverage masks -----
 *
 * Dense series (a line with a point every few pixels, hundreds of dots,
 * bars under two pixels wide) cost cairo's scan converter a great deal:
 * it samples every edge of the stroke 15 times per pixel row, and a
 * zigzag line of 500 weeks crosses itself on every row. On an image
 * surface, such series are instead rendered here into an A8 coverage
 * mask, one per draw (a scratch buffer, never kept), and composited with
 * one cairo_mask_surface per series: the cost follows the pixels drawn,
 * not the edges.
 *
 * Coverage of a pixel by a round-capped segment (or a dot) of radius r is
 * clamp (r + 0.5 - d, 0, 1) for the distance d of its centre: a box filter
 * of one pixel, exact for axis-aligned edges. Segments of one series take
 * the maximum, so joins are round and crossings do not darken. Vector
 * surfaces (PDF, SVG, recordings) keep cairo's paths. */

typedef struct
{
  cairo_surface_t *surface;
  guint8          *data;
  int              stride;
  int              width;
  int              height;
  int              x0;           /* of the mask, in backend pixels */
  int              y0;
  double           scale_x;      /* device scale of the target */
  double           scale_y;
  cairo_matrix_t   to_px;        /* user space to mask pixels */
  double           px_per_unit;  /* user units to mask pixels */
  int              dirty_x0;     /* what the current series touched */
  int              dirty_y0;
  int              dirty_x1;
  int              dirty_y1;
} CoverageMask;

static gboolean
coverage_mask_init (CoverageMask *mask,
                    cairo_t      *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t ctm;
  double cx0;
  double cy0;
  double cx1;
  double cy1;
  double bx0;
  double by0;
  double bx1;
  double by1;

  memset (mask, 0, sizeof *mask);
  if (target == NULL || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;

  /* Scales and translations only, the same both ways (a round dot stays
   * round). */
  cairo_get_matrix (cr, &ctm);
  cairo_surface_get_device_scale (target, &mask->scale_x, &mask->scale_y);
  if (ctm.xy != 0 || ctm.yx != 0 || !(mask->scale_x > 0) || !(mask->scale_y > 0)
      || fabs (fabs (ctm.xx * mask->scale_x) - fabs (ctm.yy * mask->scale_y)) > 1e-9
      || !(fabs (ctm.xx) > 1e-6))
    return FALSE;

  cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
  cairo_user_to_device (cr, &cx0, &cy0);
  cairo_user_to_device (cr, &cx1, &cy1);
  bx0 = floor (MIN (cx0, cx1) * mask->scale_x);
  by0 = floor (MIN (cy0, cy1) * mask->scale_y);
  bx1 = ceil (MAX (cx0, cx1) * mask->scale_x);
  by1 = ceil (MAX (cy0, cy1) * mask->scale_y);
  if (!(bx1 > bx0) || !(by1 > by0) || bx1 - bx0 > 16384 || by1 - by0 > 16384
      || fabs (bx0) > 1e6 || fabs (by0) > 1e6)
    return FALSE;

  mask->x0 = (int) bx0;
  mask->y0 = (int) by0;
  mask->width = (int) (bx1 - bx0);
  mask->height = (int) (by1 - by0);
  mask->surface = cairo_image_surface_create (CAIRO_FORMAT_A8, mask->width, mask->height);
  if (cairo_surface_status (mask->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&mask->surface, cairo_surface_destroy);
      return FALSE;
    }
  cairo_surface_flush (mask->surface);
  mask->data = cairo_image_surface_get_data (mask->surface);
  mask->stride = cairo_image_surface_get_stride (mask->surface);
  cairo_surface_set_device_scale (mask->surface, mask->scale_x, mask->scale_y);

  cairo_matrix_init_translate (&mask->to_px, -mask->x0, -mask->y0);
  cairo_matrix_scale (&mask->to_px, mask->scale_x, mask->scale_y);
  cairo_matrix_multiply (&mask->to_px, &ctm, &mask->to_px);
  mask->px_per_unit = fabs (ctm.xx * mask->scale_x);
  mask->dirty_x0 = mask->width;
  mask->dirty_y0 = mask->height;
  mask->dirty_x1 = 0;
  mask->dirty_y1 = 0;

  return TRUE;
}

static void
coverage_mask_clear (CoverageMask *mask)
{
  g_clear_pointer (&mask->surface, cairo_surface_destroy);
}

static inline void
coverage_mask_touch (CoverageMask *mask,
                     int           x0,
                     int           y0,
                     int           x1,
                     int           y1)
{
  mask->dirty_x0 = MIN (mask->dirty_x0, x0);
  mask->dirty_y0 = MIN (mask->dirty_y0, y0);
  mask->dirty_x1 = MAX (mask->dirty_x1, x1);
  mask->dirty_y1 = MAX (mask->dirty_y1, y1);
}

/* A segment from (ax, ay) to (bx, by) with round ends, of radius @r, in
 * mask pixels. a == b makes a dot. */
static void
coverage_mask_capsule (CoverageMask *mask,
                       double        ax,
                       double        ay,
                       double        bx,
                       double        by,
                       double        r)
{
  double ext = r + 0.5;
  double inner = r - 0.5;
  double inner2 = inner > 0 ? inner * inner : -1;
  double ext2 = ext * ext;
  double dx = bx - ax;
  double dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double inv_len2 = len2 > 1e-12 ? 1 / len2 : 0;
  double inv_len;
  double half_w;
  double inv_dy;
  double xmin;
  double xmax;
  double dt;
  double dn;
  gboolean dot;
  guint8 *data = mask->data;
  int stride = mask->stride;
  int width = mask->width;
  int dirty_x0;
  int dirty_x1;
  int ylo;
  int yhi;

  if (!isfinite (ax) || !isfinite (ay) || !isfinite (bx) || !isfinite (by))
    return;

  ylo = (int) MAX (floor (MIN (ay, by) - ext), 0);
  yhi = (int) MIN (ceil (MAX (ay, by) + ext), mask->height);
  if (ylo >= yhi || MAX (ax, bx) + ext < 0 || MIN (ax, bx) - ext > mask->width)
    return;

  /* Per row, the x range within ext of the segment: for a slanted
   * segment, its x where it crosses the row's centre ± ext · len / |dy|;
   * (floor and ceil are slow calls without SSE4: truncate, as the range
   * is clamped to positive values, and widen by one). Along a row, the
   * position t along the segment and the signed distance to its line
   * both step linearly: only pixels beyond its ends need a square root. */
  dot = len2 <= 1e-12;
  inv_len = dot ? 0 : 1 / sqrt (len2);
  half_w = fabs (dy) > 1e-9 ? ext * sqrt (len2) / fabs (dy) : 0;
  inv_dy = fabs (dy) > 1e-9 ? 1 / dy : 0;
  xmin = MIN (ax, bx) - ext;
  xmax = MAX (ax, bx) + ext;
  dt = dot ? 0 : dx * inv_len2;
  dn = -dy * inv_len;
  dirty_x0 = mask->dirty_x0;
  dirty_x1 = mask->dirty_x1;

  for (int y = ylo; y < yhi; y++)
    {
      guint8 *row = data + (gsize) y * stride;
      double py = y + 0.5 - ay;
      double xl;
      double xr;
      double px;
      double t;
      double n;
      int xa;
      int xb;

      if (inv_dy == 0)
        {
          xl = xmin;
          xr = xmax;
        }
      else
        {
          double xc = ax + py * inv_dy * dx;

          xl = MAX (xc - half_w, xmin);
          xr = MIN (xc + half_w, xmax);
        }
      xa = xl <= 0 ? 0 : (int) xl;
      xb = xr < 0 ? 0 : MIN ((int) xr + 1, width);
      if (xa >= xb)
        continue;
      dirty_x0 = MIN (dirty_x0, xa);
      dirty_x1 = MAX (dirty_x1, xb);

      px = xa + 0.5 - ax;
      t = dot ? -1 : (px * dx + py * dy) * inv_len2;
      n = (px * -dy + py * dx) * inv_len;
      for (int x = xa; x < xb; x++, px += 1, t += dt, n += dn)
        {
          double c;
          guint v;

          if (t >= 0 && t <= 1)
            {
              c = ext - fabs (n);
            }
          else
            {
              double ex = t < 0 ? px : px - dx;
              double ey = t < 0 ? py : py - dy;
              double d2 = ex * ex + ey * ey;

              if (d2 >= ext2)
                continue;
              c = d2 <= inner2 ? 1 : ext - sqrt (d2);
            }
          if (c <= 0)
            continue;
          v = c >= 1 ? 255 : (guint) (c * 255 + 0.5);
          if (v > row[x])
            row[x] = (guint8) v;
        }
    }

  mask->dirty_x0 = dirty_x0;
  mask->dirty_x1 = dirty_x1;
  mask->dirty_y0 = MIN (mask->dirty_y0, ylo);
  mask->dirty_y1 = MAX (mask->dirty_y1, yhi);
}

/* A box in mask pixels, its left and right on pixel edges; partial rows
 * at the top and bottom get their covered fraction (as cairo does). */
static void
coverage_mask_column (CoverageMask *mask,
                      int           x,
                      double        top,
                      double        bottom)
{
  int ya;
  int yb;

  if (x < 0 || x >= mask->width || !(bottom > top))
    return;
  top = MAX (top, 0);
  bottom = MIN (bottom, mask->height);
  if (!(bottom > top))
    return;

  ya = (int) floor (top);
  yb = (int) ceil (bottom);
  coverage_mask_touch (mask, x, ya, x + 1, yb);
  for (int y = ya; y < yb; y++)
    {
      guint8 *p = mask->data + (gsize) y * mask->stride + x;
      double cover = MIN (bottom, y + 1) - MAX (top, y);
      guint v = (guint) (CLAMP (cover, 0, 1) * 255 + 0.5);

      if (v > *p)
        *p = (guint8) v;
    }
}

/* Paints what was rendered into @mask with the current source and
 * clears it for the next series. */
static void
coverage_mask_paint (CoverageMask *mask,
                     cairo_t      *cr)
{
  if (mask->dirty_x1 <= mask->dirty_x0 || mask->dirty_y1 <= mask->dirty_y0)
    return;

  cairo_surface_mark_dirty (mask->surface);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_rectangle (cr, (mask->x0 + mask->dirty_x0) / mask->scale_x,
                   (mask->y0 + mask->dirty_y0) / mask->scale_y,
                   (mask->dirty_x1 - mask->dirty_x0) / mask->scale_x,
                   (mask->dirty_y1 - mask->dirty_y0) / mask->scale_y);
  cairo_clip (cr);
  cairo_mask_surface (cr, mask->surface, mask->x0 / mask->scale_x, mask->y0 / mask->scale_y);
  cairo_restore (cr);

  cairo_surface_flush (mask->surface);
  for (int y = mask->dirty_y0; y < mask->dirty_y1; y++)
    memset (mask->data + (gsize) y * mask->stride + mask->dirty_x0, 0,
            mask->dirty_x1 - mask->dirty_x0);
  mask->dirty_x0 = mask->width;
  mask->dirty_y0 = mask->height;
  mask->dirty_x1 = 0;
  mask->dirty_y1 = 0;
}

static inline void
coverage_mask_map (const CoverageMask *mask,
                   double             *x,
                   double             *y)
{
  cairo_matrix_transform_point (&mask->to_px, x, y);
}

/* Bars narrower than two pixels (ten years of days at 1200 px) are drawn
 * as one box per pixel column, from the highest bar top to the lowest bar
 * bottom in it: the same pixels, but a cost that follows the width of the
 * chart instead of the number of bars. */
static gboolean
draw_dense_bars (const StrideChartLayout *layout,
                 const StrideSeries      *s,
                 guint                    b,
                 guint                    e,
                 cairo_t                 *cr,
                 CoverageMask            *mask)
{
  g_autofree double *tops = NULL;
  g_autofree double *bottoms = NULL;
  double bar_px;
  guint n_columns;

  if (e <= b || layout->right <= layout->left)
    return FALSE;

  bar_px = _stride_chart_map_x (layout, s->points[b].x + s->width_s)
           - _stride_chart_map_x (layout, s->points[b].x);
  if (!(bar_px < 2))
    return FALSE;

  n_columns = (guint) ceil (layout->right - layout->left) + 1;
  tops = g_new (double, n_columns);
  bottoms = g_new (double, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      tops[c] = INFINITY;
      bottoms[c] = -INFINITY;
    }

  for (guint j = b; j < e; j++)
    {
      const StrideChartPoint *p = &s->points[j];
      double base = s->base != NULL ? s->base[j] : 0;
      double x = _stride_chart_map_x (layout, p->x) - layout->left;
      double ya;
      double yb;
      guint c;

      if (!isfinite (p->y) || p->y == 0 || !isfinite (x) || x < 0 || x >= n_columns)
        continue;

      c = (guint) x;
      ya = _stride_chart_map_y (layout, s->side, base, NULL);
      yb = _stride_chart_map_y (layout, s->side, base + p->y, NULL);
      tops[c] = MIN (tops[c], MIN (ya, yb));
      bottoms[c] = MAX (bottoms[c], MAX (ya, yb));
    }

  if (mask != NULL)
    {
      /* The same boxes, as coverage: one composite instead of a path of
       * a thousand boxes. */
      for (guint c = 0; c < n_columns; c++)
        {
          double xa = layout->left + c;
          double xb = layout->left + c + 1;
          double ya = tops[c];
          double yb = bottoms[c];
          int ia;
          int ib;

          if (!(bottoms[c] > tops[c]))
            continue;
          coverage_mask_map (mask, &xa, &ya);
          coverage_mask_map (mask, &xb, &yb);
          ia = (int) round (MIN (xa, xb));
          ib = (int) round (MAX (xa, xb));
          for (int x = ia; x < ib; x++)
            coverage_mask_column (mask, x, MIN (ya, yb), MAX (ya, yb));
        }
      coverage_mask_paint (mask, cr);
      return TRUE;
    }

  for (guint c = 0; c < n_columns; c++)
    if (bottoms[c] > tops[c])
      cairo_rectangle (cr, layout->left + c, tops[c], 1, bottoms[c] - tops[c]);
  cairo_fill (cr);

  return TRUE;
}

static void
draw_bars (const StrideChartLayout *layout,
           const StrideSeries      *s,
           cairo_t                 *cr,
           const StrideChartStyle  *style,
           CoverageMask            *mask)
{
  guint b;
  guint e;
  double zero_y;

  visible_slice (s, layout->x0, layout->x1, &b, &e);
  set_color (cr, series_color (style, s->color), 1);
  zero_y = 0;

  if (draw_dense_bars (layout, s, b, e, cr, mask))
    return;

  for (guint j = b; j < e; j++)
    {
      const StrideChartPoint *p = &s->points[j];
      double base = s->base != NULL ? s->base[j] : 0;
      double xa;
      double xb;
      double ya;
      double yb;
      double w;

      if (!isfinite (p->y) || p->y == 0)
        continue;

      xa = _stride_chart_map_x (layout, p->x - s->width_s / 2);
      xb = _stride_chart_map_x (layout, p->x + s->width_s / 2);
      w = xb - xa;
      /* A one-pixel gutter between wide bars, at least a pixel wide. */
      if (w > 4)
        {
          xa += w > 12 ? 1.5 : 0.5;
          xb -= w > 12 ? 1.5 : 0.5;
        }
      if (xb - xa < 1)
        {
          double c = (xa + xb) / 2;

          xa = c - 0.5;
          xb = c + 0.5;
        }

      ya = _stride_chart_map_y (layout, s->side, base, NULL);
      yb = _stride_chart_map_y (layout, s->side, base + p->y, NULL);
      zero_y = MIN (ya, yb);
      if (s->stack_top && p->y > 0 && !layout->axis[s->side].inverted)
        rounded_top_rect (cr, xa, zero_y, xb - xa, fabs (yb - ya), 3);
      else
        cairo_rectangle (cr, xa, zero_y, xb - xa, fabs (yb - ya));
    }
  cairo_fill (cr);
}

/* Maps @p to pixels. FALSE for a gap (no value); a value clamped to the
 * plot's edge is also noted in @marks (drawn later as an outlier mark) and
 * *clamped says so. */
static gboolean
map_point (const StrideChartLayout *layout,
           const StrideSeries      *s,
           const StrideChartPoint  *p,
           GArray                  *marks,
           double                  *px,
           double                  *py,
           gboolean                *clamped)
{
  if (!isfinite (p->y))
    return FALSE;

  *px = _stride_chart_map_x (layout, p->x);
  *py = _stride_chart_map_y (layout, s->side, p->y, clamped);
  if (*clamped)
    {
      double m[2] = { *px, *py };

      g_array_append_vals (marks, m, 1);
    }

  return TRUE;
}

/* A line with more than a point every two pixels is drawn as one vertical
 * span per pixel column (from its lowest to its highest pixel, joined to
 * the column before): what a stroke would cover, but as one-pixel-wide
 * boxes, each filled on its own (the colour is opaque and they never
 * overlap): cairo's box path is several times faster than one big
 * polygon of them, and far faster than stroking the polyline. */
static void
column_span (cairo_t      *cr,
             CoverageMask *mask,
             double        x,
             double        y,
             double        h)
{
  double xa = x;
  double xb = x + 1;
  double ya = y;
  double yb = y + h;
  int ia;
  int ib;

  if (mask == NULL)
    {
      cairo_rectangle (cr, x, y, 1, h);
      cairo_fill (cr);
      return;
    }

  coverage_mask_map (mask, &xa, &ya);
  coverage_mask_map (mask, &xb, &yb);
  ia = (int) round (MIN (xa, xb));
  ib = (int) round (MAX (xa, xb));
  for (int i = ia; i < ib; i++)
    coverage_mask_column (mask, i, MIN (ya, yb), MAX (ya, yb));
}

static void
dense_line (const StrideChartLayout *layout,
            const StrideSeries      *s,
            GArray                  *pts,
            double                   line_w,
            cairo_t                 *cr,
            CoverageMask            *mask,
            GArray                  *marks)
{
  gboolean pen = FALSE;
  gint64 col = -1;
  double ymin = 0;
  double ymax = 0;
  double last_y = 0;
  double half = line_w / 2;
  gint64 n_cols = (gint64) ceil (layout->right - layout->left) + 8;

  for (guint i = 0; i < pts->len; i++)
    {
      const StrideChartPoint *p = &g_array_index (pts, StrideChartPoint, i);
      gboolean clamped;
      double px;
      double py;
      gint64 k;

      if (!map_point (layout, s, p, marks, &px, &py, &clamped))
        {
          pen = FALSE;
          continue;
        }
      k = (gint64) CLAMP (floor (px - layout->left), -4, n_cols);

      if (pen && k == col)
        {
          ymin = MIN (ymin, py);
          ymax = MAX (ymax, py);
          last_y = py;
          continue;
        }

      if (pen)
        {
          gint64 gap = k - col;

          column_span (cr, mask, layout->left + col, ymin - half, ymax - ymin + line_w);
          /* Columns skipped between two points: interpolate. */
          for (gint64 j = 1; j < gap; j++)
            {
              double ya = last_y + (py - last_y) * (j - 0.5) / gap;
              double yb = last_y + (py - last_y) * (j + 0.5) / gap;

              column_span (cr, mask, layout->left + col + j, MIN (ya, yb) - half,
                           fabs (yb - ya) + line_w);
            }
          ymin = MIN (py, gap <= 1 ? last_y : py);
          ymax = MAX (py, gap <= 1 ? last_y : py);
          if (gap > 1)
            {
              double ya = last_y + (py - last_y) * (gap - 0.5) / gap;

              ymin = MIN (ymin, ya);
              ymax = MAX (ymax, ya);
            }
        }
      else
        {
          ymin = ymax = py;
        }
      col = k;
      last_y = py;
      pen = TRUE;
    }

  if (pen)
    column_span (cr, mask, layout->left + col, ymin - half, ymax - ymin + line_w);
  if (mask != NULL)
    coverage_mask_paint (mask, cr);
}

/* A line as round-capped segments in @mask (see coverage masks). */
static void
mask_line (const StrideChartLayout *layout,
           const StrideSeries      *s,
           GArray                  *pts,
           double                   line_w,
           double                   radius,
           CoverageMask            *mask,
           GArray                  *marks)
{
  double r = line_w / 2 * mask->px_per_unit;
  double dot = (radius / 2 + line_w / 2) * mask->px_per_unit;
  gboolean pen = FALSE;
  double last_x = 0;
  double last_y = 0;

  for (guint i = 0; i < pts->len; i++)
    {
      const StrideChartPoint *p = &g_array_index (pts, StrideChartPoint, i);
      gboolean clamped;
      double px;
      double py;

      if (!map_point (layout, s, p, marks, &px, &py, &clamped))
        {
          pen = FALSE;
          continue;
        }
      coverage_mask_map (mask, &px, &py);
      if (pen)
        {
          coverage_mask_capsule (mask, last_x, last_y, px, py, r);
        }
      else if (i + 1 >= pts->len || !isfinite (g_array_index (pts, StrideChartPoint, i + 1).y))
        {
          /* An isolated value between gaps: a dot, not nothing. */
          coverage_mask_capsule (mask, px, py, px, py, dot);
        }
      last_x = px;
      last_y = py;
      pen = TRUE;
    }
}

static void
draw_line_or_points (const StrideChartLayout *layout,
                     const StrideSeries      *s,
                     cairo_t                 *cr,
                     const StrideChartStyle  *style,
                     CoverageMask            *mask)
{
  g_autoptr(GArray) pts = NULL;
  guint b;
  guint e;
  guint columns;
  gboolean pen = FALSE;
  double line_w = style->high_contrast ? 3 : 2;
  double radius;
  gboolean dense;
  const StrideColor *color = series_color (style, s->color);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (double) * 2);

  visible_slice (s, layout->x0, layout->x1, &b, &e);
  if (e <= b)
    return;

  columns = (guint) MAX (1, ceil (layout->right - layout->left));
  dense = e - b > MAX (columns / 3, 400);
  /* A dense scatter is decimated per dot width (3 px) rather than per
   * pixel: the extremes of every dot-wide column still survive. */
  if (dense && s->kind == STRIDE_SERIES_POINTS)
    columns = MAX (1, columns / 3);
  pts = stride_chart_decimate (s->points + b, e - b, layout->x0, layout->x1, columns);
  radius = s->kind == STRIDE_SERIES_POINTS
           ? (dense ? 1.5 : pts->len > columns / 6 ? 2.5 : 3.0) * (style->high_contrast ? 1.34 : 1)
           : line_w * 1.2;

  set_color (cr, color, 1);
  cairo_set_line_width (cr, line_w);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (s->kind == STRIDE_SERIES_LINE && pts->len > columns / 2)
    {
      dense_line (layout, s, pts, line_w, cr, mask, marks);
    }
  else if (s->kind == STRIDE_SERIES_LINE && mask != NULL)
    {
      mask_line (layout, s, pts, line_w, radius, mask, marks);
      coverage_mask_paint (mask, cr);
    }
  else if (s->kind == STRIDE_SERIES_LINE)
    {
      for (guint i = 0; i < pts->len; i++)
        {
          const StrideChartPoint *p = &g_array_index (pts, StrideChartPoint, i);
          gboolean clamped;
          double px;
          double py;

          if (!map_point (layout, s, p, marks, &px, &py, &clamped))
            {
              pen = FALSE;
              continue;
            }
          if (pen)
            {
              cairo_line_to (cr, px, py);
            }
          else
            {
              gboolean alone = (i + 1 >= pts->len
                                || !isfinite (g_array_index (pts, StrideChartPoint, i + 1).y));

              cairo_move_to (cr, px, py);
              if (alone)
                {
                  /* An isolated value between gaps: a dot, not nothing. */
                  cairo_new_sub_path (cr);
                  cairo_arc (cr, px, py, radius / 2, 0, 2 * G_PI);
                  cairo_new_sub_path (cr);
                }
              pen = TRUE;
            }
        }
      cairo_stroke (cr);
    }
  else
    {
      /* Dense dots as discs of the ink of the 3 px squares below. */
      double dot_r = (dense ? sqrt (4 * radius * radius / G_PI) : radius)
                     * (mask != NULL ? mask->px_per_unit : 1);

      for (guint i = 0; i < pts->len; i++)
        {
          const StrideChartPoint *p = &g_array_index (pts, StrideChartPoint, i);
          gboolean clamped;
          double px;
          double py;

          /* A clamped dot shows only as its outlier mark. */
          if (!map_point (layout, s, p, marks, &px, &py, &clamped) || clamped)
            continue;
          if (mask != NULL)
            {
              /* Round dots at any density, however many share a pixel. */
              coverage_mask_map (mask, &px, &py);
              coverage_mask_capsule (mask, px, py, px, py, dot_r);
            }
          else if (dense)
            {
              /* Hundreds of dots: pixel-aligned squares, each filled on
               * cairo's box path; at this density they read as the same
               * cloud as round dots. */
              cairo_rectangle (cr, round (px - radius), round (py - radius),
                               round (2 * radius), round (2 * radius));
              cairo_fill (cr);
            }
          else
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, px, py, radius, 0, 2 * G_PI);
            }
        }
      if (mask != NULL)
        coverage_mask_paint (mask, cr);
      else
        cairo_fill (cr);
    }

  if (marks->len > 0)
    {
      double mid = (layout->top + layout->bottom) / 2;

      set_color (cr, &style->warning, 1);
      for (guint i = 0; i < marks->len; i++)
        {
          double *m = (double *) (void *) (marks->data + i * sizeof (double) * 2);

          outlier_mark (cr, m[0], m[1], m[1] < mid, 4);
        }
      cairo_fill (cr);
    }
}

static void
draw_series (StrideChart             *chart,
             const StrideChartLayout *layout,
             cairo_t                 *cr,
             const StrideChartStyle  *style)
{
  CoverageMask mask;
  gboolean use_mask;

  cairo_save (cr);
  cairo_rectangle (cr, layout->left - 6, layout->top - 6,
                   layout->right - layout->left + 12, layout->bottom - layout->top + 12);
  cairo_clip (cr);
  use_mask = coverage_mask_init (&mask, cr);

  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < chart->series->len; i++)
      {
        StrideSeries *s = g_ptr_array_index (chart->series, i);

        if (pass == 0 && s->kind == STRIDE_SERIES_BARS)
          draw_bars (layout, s, cr, style, use_mask ? &mask : NULL);
        else if ((pass == 1 && s->kind == STRIDE_SERIES_LINE)
                 || (pass == 2 && s->kind == STRIDE_SERIES_POINTS))
          draw_line_or_points (layout, s, cr, style, use_mask ? &mask : NULL);
      }

  coverage_mask_clear (&mask);
  cairo_restore (cr);
}

static void
draw_legend (StrideChart             *chart,
             const StrideChartLayout *layout,
             PangoContext            *context,
             const char              *font,
             cairo_t                 *cr,
             const StrideChartStyle  *style)
{
  double x = PAD;
  double y = layout->legend_y;
  guint total = chart->series->len + chart->bands->len;

  for (guint i = 0; i < total; i++)
    {
      g_autoptr(PangoLayout) pl = NULL;
      const char *name;
      double w;
      double h;
      double cy;
      double entry;

      if (i < chart->series->len)
        name = ((StrideSeries *) g_ptr_array_index (chart->series, i))->name;
      else
        name = ((StrideBand *) g_ptr_array_index (chart->bands, i - chart->series->len))->name;
      if (name == NULL || *name == '\0')
        continue;
      if (i < chart->series->len && legend_duplicate (chart, i))
        continue;

      pl = text_layout (context, font, layout->font_px, FALSE, name);
      text_size (pl, &w, &h);
      entry = SWATCH + SWATCH_GAP + w;
      if (x > PAD && x + entry > layout->width - PAD)
        {
          x = PAD;
          y += layout->line_height;
        }

      cy = y + layout->line_height / 2;
      if (i < chart->series->len)
        {
          StrideSeries *s = g_ptr_array_index (chart->series, i);

          set_color (cr, series_color (style, s->color), 1);
          if (s->kind == STRIDE_SERIES_LINE)
            {
              cairo_set_line_width (cr, 3);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
              cairo_move_to (cr, x + 1.5, cy);
              cairo_line_to (cr, x + SWATCH - 1.5, cy);
              cairo_stroke (cr);
            }
          else if (s->kind == STRIDE_SERIES_POINTS)
            {
              cairo_arc (cr, x + SWATCH / 2, cy, SWATCH / 2 - 1, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          else
            {
              rounded_top_rect (cr, x, cy - SWATCH / 2, SWATCH, SWATCH, 2);
              cairo_fill (cr);
            }
        }
      else
        {
          set_color (cr, &style->band, 1.6);
          cairo_rectangle (cr, x, cy - SWATCH / 2, SWATCH, SWATCH);
          cairo_fill (cr);
        }

      set_color (cr, &style->foreground, 0.8);
      show_text (cr, pl, x + SWATCH + SWATCH_GAP, cy - h / 2);
      x += entry + LEGEND_GAP;
    }
}

static void
draw_value_axis (StrideChart             *chart,
                 const StrideChartLayout *layout,
                 StrideAxisSide           side,
                 PangoContext            *context,
                 const char              *font,
                 cairo_t                 *cr,
                 const StrideChartStyle  *style,
                 gboolean                 grid)
{
  const StrideValueAxis *ax = &layout->axis[side];
  double last_y = -INFINITY;

  if (!ax->used)
    return;

  for (guint i = 0; i < ax->n_ticks; i++)
    {
      double v = ax->first + i * ax->step;
      double y = floor (_stride_chart_map_y (layout, side, v, NULL)) + 0.5;
      g_autofree char *label = NULL;
      g_autoptr(PangoLayout) pl = NULL;
      double w;
      double h;

      if (grid)
        {
          set_color (cr, &style->grid, 1);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, layout->left, y);
          cairo_line_to (cr, layout->right, y);
          cairo_stroke (cr);
        }

      label = _stride_chart_format_tick (ax, v);
      pl = text_layout (context, font, layout->font_px, FALSE, label);
      text_size (pl, &w, &h);
      /* Labels run top to bottom in pixels; drop one that would touch
       * the last one drawn. */
      if (fabs (y - last_y) < h + 2)
        continue;
      set_color (cr, &style->foreground, 0.65);
      if (side == STRIDE_AXIS_LEFT)
        show_text (cr, pl, layout->left - 8 - w, y - h / 2);
      else
        show_text (cr, pl, layout->right + 8, y - h / 2);
      last_y = y;
    }
}

static void
draw_captions (StrideChart             *chart,
               const StrideChartLayout *layout,
               PangoContext            *context,
               const char              *font,
               cairo_t                 *cr,
               const StrideChartStyle  *style)
{
  for (guint side = 0; side < 2; side++)
    {
      const StrideAxisConf *conf = &chart->axes[side];
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) pl = NULL;
      double w;
      double h;

      if (!layout->axis[side].used)
        continue;
      if (conf->label != NULL && conf->unit != NULL && *conf->unit != '\0')
        text = g_strdup_printf ("%s (%s)", conf->label, conf->unit);
      else if (conf->label != NULL)
        text = g_strdup (conf->label);
      else if (conf->unit != NULL && *conf->unit != '\0')
        text = g_strdup (conf->unit);
      else
        continue;

      pl = text_layout (context, font, layout->font_px, FALSE, text);
      text_size (pl, &w, &h);
      set_color (cr, &style->foreground, 0.55);
      if (side == STRIDE_AXIS_LEFT)
        show_text (cr, pl, PAD, layout->top - h - 6);
      else
        show_text (cr, pl, layout->width - PAD - w, layout->top - h - 6);
    }
}

static void
draw_time_axis (const StrideChartLayout *layout,
                PangoContext            *context,
                const char              *font,
                cairo_t                 *cr,
                const StrideChartStyle  *style)
{
  double last_right = -INFINITY;
  double base = floor (layout->bottom) + 0.5;

  set_color (cr, &style->foreground, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, layout->left, base);
  cairo_line_to (cr, layout->right, base);
  cairo_stroke (cr);

  if (layout->time_ticks == NULL)
    return;

  for (guint i = 0; i < layout->time_ticks->len; i++)
    {
      StrideTimeTick *t = &g_array_index (layout->time_ticks, StrideTimeTick, i);
      double x = floor (_stride_chart_map_x (layout, t->x)) + 0.5;
      g_autoptr(PangoLayout) pl = NULL;
      double w;
      double h;
      double lx;

      if (x < layout->left - 0.5 || x > layout->right + 0.5)
        continue;

      /* A faint vertical grid line at each boundary, a stronger one at
       * new months / years. */
      set_color (cr, &style->grid, t->major ? 1 : 0.5);
      cairo_move_to (cr, x, layout->top);
      cairo_line_to (cr, x, layout->bottom);
      cairo_stroke (cr);
      set_color (cr, &style->foreground, 0.25);
      cairo_move_to (cr, x, base);
      cairo_line_to (cr, x, base + 4);
      cairo_stroke (cr);

      pl = text_layout (context, font, layout->font_px, t->major, t->label);
      text_size (pl, &w, &h);
      lx = CLAMP (x - w / 2, 2, layout->width - 2 - w);
      if (lx < last_right + 8)
        continue;
      set_color (cr, &style->foreground, t->major ? 0.8 : 0.65);
      show_text (cr, pl, lx, base + 5);
      last_right = lx + w;
    }
}

static void
draw_bands (StrideChart             *chart,
            const StrideChartLayout *layout,
            PangoContext            *context,
            const char              *font,
            cairo_t                 *cr,
            const StrideChartStyle  *style)
{
  for (guint i = 0; i < chart->bands->len; i++)
    {
      StrideBand *band = g_ptr_array_index (chart->bands, i);
      double ya;
      double yb;

      if (!layout->axis[band->side].used)
        continue;
      ya = round (_stride_chart_map_y (layout, band->side, band->low, NULL));
      yb = round (_stride_chart_map_y (layout, band->side, band->high, NULL));
      set_color (cr, &style->band, 1);
      cairo_rectangle (cr, layout->left, MIN (ya, yb), layout->right - layout->left, fabs (yb - ya));
      cairo_fill (cr);
    }
}

static void
draw_markers (StrideChart             *chart,
              const StrideChartLayout *layout,
              PangoContext            *context,
              const char              *font,
              cairo_t                 *cr,
              const StrideChartStyle  *style)
{
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  static const double dash[] = { 4, 3 };

  for (guint i = 0; i < chart->markers->len; i++)
    {
      StrideMarker *m = g_ptr_array_index (chart->markers, i);
      const StrideColor *c = m->warning ? &style->warning : &style->foreground;
      double x;

      if (m->x < layout->x0 || m->x > layout->x1)
        continue;
      x = floor (_stride_chart_map_x (layout, m->x)) + 0.5;

      set_color (cr, c, m->warning ? 0.9 : 0.5);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, layout->top);
      cairo_line_to (cr, x, layout->bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* A small flag head at the top. */
      cairo_move_to (cr, x - 0.5, layout->top);
      cairo_line_to (cr, x + 5.5, layout->top + 3);
      cairo_line_to (cr, x - 0.5, layout->top + 6);
      cairo_close_path (cr);
      cairo_fill (cr);

      if (m->label != NULL && *m->label != '\0')
        {
          g_autoptr(PangoLayout) pl = text_layout (context, font, layout->font_px * 0.9,
                                                   FALSE, m->label);
          double w;
          double h;
          double lx = x + 8;
          gboolean overlap = FALSE;

          text_size (pl, &w, &h);
          if (lx + w > layout->right)
            lx = x - 8 - w;
          /* Drop a label that would collide with one already drawn. */
          for (guint k = 0; k < drawn->len; k++)
            {
              double *r = (double *) (void *) (drawn->data + k * sizeof (double) * 2);

              overlap |= lx < r[1] + 6 && lx + w + 6 > r[0];
            }
          if (overlap || lx < layout->left)
            continue;
          set_color (cr, &style->background, 0.85);
          cairo_rectangle (cr, lx - 2, layout->top + 1, w + 4, h);
          cairo_fill (cr);
          set_color (cr, c, 0.9);
          show_text (cr, pl, lx, layout->top + 1);
          {
            double r[2] = { lx, lx + w };

            g_array_append_vals (drawn, r, 1);
          }
        }
    }
}

static void
draw_empty (StrideChart             *chart,
            const StrideChartLayout *layout,
            PangoContext            *context,
            const char              *font,
            cairo_t                 *cr,
            const StrideChartStyle  *style)
{
  const char *text = chart->empty_text != NULL ? chart->empty_text : _("No data in this range");
  g_autoptr(PangoLayout) pl = text_layout (context, font, layout->font_px * 1.15, FALSE, text);
  double avail = layout->width - 2 * PAD;
  double w;
  double h;
  double cy = layout->compact ? layout->height / 2 : (layout->top + layout->bottom) / 2;

  if (avail < 10)
    return;
  pango_layout_set_width (pl, (int) (avail * PANGO_SCALE));
  pango_layout_set_alignment (pl, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (pl, PANGO_WRAP_WORD_CHAR);
  text_size (pl, &w, &h);
  if (h > layout->height)
    return;
  set_color (cr, &style->foreground, 0.45);
  show_text (cr, pl, PAD, cy - h / 2);
}

void
stride_chart_draw (StrideChart            *chart,
                   cairo_t                *cr,
                   double                  width,
                   double                  height,
                   const StrideChartStyle *style)
{
  PangoContext *context;
  StrideChartLayout layout;
  StrideChartStyle fallback;
  const char *font;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  if (style == NULL)
    {
      stride_chart_style_init_light (&fallback);
      style = &fallback;
    }
  font = style->font_family;

  g_mutex_lock (&chart->lock);
  if (g_strcmp0 (chart->last_font, font) != 0)
    {
      g_free (chart->last_font);
      chart->last_font = g_strdup (font);
    }
  chart->last_font_size = style->font_size;
  chart->last_height = height;
  g_mutex_unlock (&chart->lock);

  context = _stride_chart_pango_context ();
  if (!_stride_chart_layout (chart, context, font, style->font_size, width, height, &layout))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_color (cr, &style->background, 1);
  cairo_paint (cr);

  if (layout.compact)
    {
      if (layout.empty)
        draw_empty (chart, &layout, context, font, cr, style);
      else
        draw_series (chart, &layout, cr, style);
      cairo_restore (cr);
      _stride_chart_layout_clear (&layout);
      return;
    }

  if (chart->title != NULL)
    {
      g_autoptr(PangoLayout) pl = text_layout (context, font, layout.font_px * 1.2, TRUE,
                                               chart->title);

      pango_layout_set_width (pl, (int) ((width - 2 * PAD) * PANGO_SCALE));
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
      set_color (cr, &style->foreground, 1);
      show_text (cr, pl, PAD, layout.title_y);
    }

  if (layout.legend_rows > 0)
    draw_legend (chart, &layout, context, font, cr, style);

  if (layout.empty)
    {
      draw_empty (chart, &layout, context, font, cr, style);
      cairo_restore (cr);
      _stride_chart_layout_clear (&layout);
      return;
    }

  draw_bands (chart, &layout, context, font, cr, style);
  draw_value_axis (chart, &layout, STRIDE_AXIS_LEFT, context, font, cr, style, TRUE);
  draw_value_axis (chart, &layout, STRIDE_AXIS_RIGHT, context, font, cr, style,
                   !layout.axis[STRIDE_AXIS_LEFT].used);
  draw_captions (chart, &layout, context, font, cr, style);
  draw_time_axis (&layout, context, font, cr, style);
  draw_markers (chart, &layout, context, font, cr, style);
  draw_series (chart, &layout, cr, style);

  cairo_restore (cr);
  _stride_chart_layout_clear (&layout);
}
