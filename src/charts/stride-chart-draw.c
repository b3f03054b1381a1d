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

/* ----- series ----- */

/* Bars narrower than two pixels: one box per pixel column (see
 * _stride_chart_bar_spans). */
static gboolean
draw_dense_bars (const StrideChartLayout *layout,
                 const StrideSeries      *s,
                 guint                    b,
                 guint                    e,
                 cairo_t                 *cr,
                 StrideCoverageMask      *mask)
{
  g_autoptr(GArray) spans = NULL;
  double bar_px;

  if (e <= b || layout->right <= layout->left)
    return FALSE;

  bar_px = _stride_chart_map_x (layout, s->points[b].x + s->width_s)
           - _stride_chart_map_x (layout, s->points[b].x);
  if (!(bar_px < 2))
    return FALSE;

  spans = g_array_new (FALSE, FALSE, sizeof (StrideColumnSpan));
  _stride_chart_bar_spans (layout, s, b, e, spans);

  if (mask != NULL)
    {
      /* The same boxes, as coverage: one composite instead of a path of
       * a thousand boxes, or none when they can go straight in. */
      const StrideColumnSpan *boxes = (const StrideColumnSpan *) (void *) spans->data;

      if (!_stride_coverage_mask_spans_now (mask, cr, boxes, spans->len))
        {
          _stride_coverage_mask_spans (mask, boxes, spans->len);
          _stride_coverage_mask_paint (mask, cr);
        }
      return TRUE;
    }

  for (guint i = 0; i < spans->len; i++)
    {
      const StrideColumnSpan *span = &g_array_index (spans, StrideColumnSpan, i);

      cairo_rectangle (cr, span->x, span->y, 1, span->h);
    }
  cairo_fill (cr);

  return TRUE;
}

/* The box of bar @j of @s in pixels, FALSE when there is none. Wide
 * bars get a one-pixel gutter, and the top of a stack rounded corners
 * (as rounded_top_rect would round them, @r 0 when it would not). */
static gboolean
bar_box (const StrideChartLayout *layout,
         const StrideSeries      *s,
         guint                    j,
         StrideBarBox            *box)
{
  const StrideChartPoint *p = &s->points[j];
  double base = s->base != NULL ? s->base[j] : 0;
  double xa;
  double xb;
  double ya;
  double yb;
  double w;

  if (!isfinite (p->y) || p->y == 0)
    return FALSE;

  xa = _stride_chart_map_x (layout, p->x - s->width_s / 2);
  xb = _stride_chart_map_x (layout, p->x + s->width_s / 2);
  w = xb - xa;
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
  box->x = xa;
  box->y = MIN (ya, yb);
  box->w = xb - xa;
  box->h = fabs (yb - ya);
  box->r = 0;
  if (s->stack_top && p->y > 0 && !layout->axis[s->side].inverted)
    {
      box->r = MIN (3, MIN (box->w / 2, box->h));
      if (box->r < 0.5)
        box->r = 0;
    }

  return TRUE;
}

static void
draw_bars (const StrideChartLayout *layout,
           const StrideSeries      *s,
           cairo_t                 *cr,
           const StrideChartStyle  *style,
           StrideCoverageMask      *mask)
{
  guint b;
  guint e;

  visible_slice (s, layout->x0, layout->x1, &b, &e);
  set_color (cr, series_color (style, s->color), 1);

  if (draw_dense_bars (layout, s, b, e, cr, mask))
    return;
  if (mask != NULL && _stride_coverage_mask_upright (mask))
    {
      g_autoptr(GArray) boxes = g_array_sized_new (FALSE, FALSE, sizeof (StrideBarBox), e - b);

      for (guint j = b; j < e; j++)
        {
          StrideBarBox box;

          if (bar_box (layout, s, j, &box))
            g_array_append_val (boxes, box);
        }
      _stride_coverage_mask_bars (mask, cr, (const StrideBarBox *) (void *) boxes->data,
                                  boxes->len);
      _stride_coverage_mask_paint (mask, cr);
      return;
    }

  for (guint j = b; j < e; j++)
    {
      StrideBarBox box;

      if (!bar_box (layout, s, j, &box))
        continue;
      if (box.r > 0)
        rounded_top_rect (cr, box.x, box.y, box.w, box.h, box.r);
      else
        cairo_rectangle (cr, box.x, box.y, box.w, box.h);
    }
  cairo_fill (cr);
}

/* A line as a cairo path, @pts in pixels (y NAN = gap). */
static void
stroke_line (cairo_t                *cr,
             const StrideChartPoint *pts,
             guint                   n_points,
             double                  radius)
{
  gboolean pen = FALSE;

  for (guint i = 0; i < n_points; i++)
    {
      double px = pts[i].x;
      double py = pts[i].y;

      if (!isfinite (py))
        {
          pen = FALSE;
          continue;
        }
      if (pen)
        {
          cairo_line_to (cr, px, py);
          continue;
        }
      cairo_move_to (cr, px, py);
      if (i + 1 >= n_points || !isfinite (pts[i + 1].y))
        {
          /* An isolated value between gaps: a dot, not nothing. */
          cairo_new_sub_path (cr);
          cairo_arc (cr, px, py, radius / 2, 0, 2 * G_PI);
          cairo_new_sub_path (cr);
        }
      pen = TRUE;
    }
  cairo_stroke (cr);
}

/* Dots as cairo paths, @pts in pixels (y NAN = none). */
static void
fill_dots (cairo_t                *cr,
           const StrideChartPoint *pts,
           guint                   n_points,
           double                  radius,
           gboolean                dense)
{
  for (guint i = 0; i < n_points; i++)
    {
      double px = pts[i].x;
      double py = pts[i].y;

      if (!isfinite (py))
        continue;
      if (dense)
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
  if (!dense)
    cairo_fill (cr);
}

static guint
plot_columns (const StrideChartLayout *layout)
{
  return (guint) MAX (1, ceil (layout->right - layout->left));
}

/* More visible points than pixels can show one by one. */
static gboolean
series_dense (const StrideChartLayout *layout,
              guint                    b,
              guint                    e)
{
  return e > b && e - b > MAX (plot_columns (layout) / 3, 400);
}

/* A line or dots, into @mask when there is one (the caller paints it: a
 * line and its dots share one layer), else as cairo paths in the current
 * source. A dense line goes straight into the target when @alone: what
 * follows it in its layer covers it wholly or not at all. Values clamped
 * to the plot's edge are added to @marks. */
static void
draw_line_or_points (const StrideChartLayout *layout,
                     const StrideSeries      *s,
                     cairo_t                 *cr,
                     const StrideChartStyle  *style,
                     StrideCoverageMask      *mask,
                     gboolean                 alone,
                     GArray                  *marks)
{
  g_autoptr(GArray) pts = NULL;
  g_autofree StrideChartPoint *px = NULL;
  guint b;
  guint e;
  guint columns;
  double line_w = style->high_contrast ? 3 : 2;
  double radius;
  gboolean dense;

  visible_slice (s, layout->x0, layout->x1, &b, &e);
  if (e <= b)
    return;

  columns = plot_columns (layout);
  dense = series_dense (layout, b, e);
  /* A dense scatter is decimated per dot width (3 px) rather than per
   * pixel: the extremes of every dot-wide column still survive. */
  if (dense && s->kind == STRIDE_SERIES_POINTS)
    columns = MAX (1, columns / 3);
  pts = stride_chart_decimate (s->points + b, e - b, layout->x0, layout->x1, columns);
  radius = s->kind == STRIDE_SERIES_POINTS
           ? (dense ? 1.5 : pts->len > columns / 6 ? 2.5 : 3.0) * (style->high_contrast ? 1.34 : 1)
           : line_w * 1.2;

  /* A clamped dot shows only as its outlier mark. */
  px = g_new (StrideChartPoint, pts->len);
  _stride_chart_map_series (layout, s->side, (const StrideChartPoint *) (void *) pts->data,
                            pts->len, s->kind == STRIDE_SERIES_POINTS, px, marks);

  if (s->kind == STRIDE_SERIES_LINE && pts->len > columns / 2)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (StrideColumnSpan));

      _stride_chart_line_spans (layout, px, pts->len, line_w, spans);
      if (mask != NULL)
        {
          const StrideColumnSpan *boxes = (const StrideColumnSpan *) (void *) spans->data;

          if (!alone || !_stride_coverage_mask_spans_now (mask, cr, boxes, spans->len))
            _stride_coverage_mask_spans (mask, boxes, spans->len);
          return;
        }
      /* Each box filled on its own (the colour is opaque and they never
       * overlap): cairo's box path is several times faster than one big
       * polygon of them, and far faster than stroking the polyline. */
      for (guint i = 0; i < spans->len; i++)
        {
          const StrideColumnSpan *span = &g_array_index (spans, StrideColumnSpan, i);

          cairo_rectangle (cr, span->x, span->y, 1, span->h);
          cairo_fill (cr);
        }
    }
  else if (s->kind == STRIDE_SERIES_LINE && mask != NULL)
    {
      _stride_coverage_mask_line (mask, px, pts->len, line_w, radius + line_w);
    }
  else if (s->kind == STRIDE_SERIES_LINE)
    {
      stroke_line (cr, px, pts->len, radius);
    }
  else
    {
      /* Hundreds of dots: pixel-aligned squares on every surface; at
       * this density they read as the same cloud as round dots, with
       * half the pixels to compose. */
      if (mask != NULL && dense)
        {
          if (!_stride_coverage_mask_squares_now (mask, cr, px, pts->len, radius))
            _stride_coverage_mask_squares (mask, px, pts->len, radius);
        }
      else if (mask != NULL)
        _stride_coverage_mask_dots (mask, px, pts->len, radius);
      else
        fill_dots (cr, px, pts->len, radius, dense);
    }
}

static void
draw_marks (const StrideChartLayout *layout,
            cairo_t                 *cr,
            const StrideChartStyle  *style,
            GArray                  *marks)
{
  double mid = (layout->top + layout->bottom) / 2;

  if (marks->len == 0)
    return;

  set_color (cr, &style->warning, 1);
  for (guint i = 0; i < marks->len; i++)
    {
      const StrideChartPoint *m = &g_array_index (marks, StrideChartPoint, i);

      outlier_mark (cr, m->x, m->y, m->y < mid, 4);
    }
  cairo_fill (cr);
  g_array_set_size (marks, 0);
}

/* A line is drawn with the dots of its colour (a type of run and its
 * running mean): the two are one layer, composited once, above the layers
 * before it. The dots series it goes with, or NULL. */
static const StrideSeries *
dots_of_line (StrideChart        *chart,
              const StrideSeries *line)
{
  for (guint i = 0; i < chart->series->len; i++)
    {
      const StrideSeries *s = g_ptr_array_index (chart->series, i);

      if (s->kind == STRIDE_SERIES_POINTS && s->color == line->color)
        return s;
    }
  return NULL;
}

static void
draw_layer (StrideChart             *chart,
            const StrideChartLayout *layout,
            const StrideSeries      *s,
            cairo_t                 *cr,
            const StrideChartStyle  *style,
            StrideCoverageMask      *mask,
            GArray                  *marks)
{
  set_color (cr, series_color (style, s->color), 1);
  cairo_set_line_width (cr, style->high_contrast ? 3 : 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (s->kind == STRIDE_SERIES_POINTS)
    {
      guint b;
      guint e;
      guint n_lines = 0;
      gboolean squares;

      for (guint i = 0; i < chart->series->len; i++)
        {
          const StrideSeries *line = g_ptr_array_index (chart->series, i);

          if (line->kind == STRIDE_SERIES_LINE && dots_of_line (chart, line) == s)
            n_lines++;
        }
      /* Dense dots are squares of full coverage: over an opaque line they
       * are written last, and the line (if it is the only one, as lines
       * may cross) need not wait for them. */
      visible_slice (s, layout->x0, layout->x1, &b, &e);
      squares = n_lines == 1
                && (e <= b || (series_dense (layout, b, e) && mask != NULL
                               && _stride_coverage_mask_can_stamp (mask, cr)));
      for (guint i = 0; i < chart->series->len; i++)
        {
          const StrideSeries *line = g_ptr_array_index (chart->series, i);

          if (line->kind == STRIDE_SERIES_LINE && dots_of_line (chart, line) == s)
            draw_line_or_points (layout, line, cr, style, mask, squares, marks);
        }
    }
  draw_line_or_points (layout, s, cr, style, mask, TRUE, marks);

  if (mask != NULL)
    _stride_coverage_mask_paint (mask, cr);
  draw_marks (layout, cr, style, marks);
}

static void
draw_series (StrideChart             *chart,
             const StrideChartLayout *layout,
             cairo_t                 *cr,
             const StrideChartStyle  *style)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (StrideChartPoint));
  StrideCoverageMask mask;
  gboolean use_mask;

  cairo_save (cr);
  cairo_rectangle (cr, layout->left - 6, layout->top - 6,
                   layout->right - layout->left + 12, layout->bottom - layout->top + 12);
  cairo_clip (cr);
  use_mask = _stride_coverage_mask_init (&mask, cr);

  /* Bars, then lines, then dots (each with its line). */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < chart->series->len; i++)
      {
        StrideSeries *s = g_ptr_array_index (chart->series, i);

        if (pass == 0 && s->kind == STRIDE_SERIES_BARS)
          draw_bars (layout, s, cr, style, use_mask ? &mask : NULL);
        else if ((pass == 1 && s->kind == STRIDE_SERIES_LINE && dots_of_line (chart, s) == NULL)
                 || (pass == 2 && s->kind == STRIDE_SERIES_POINTS))
          draw_layer (chart, layout, s, cr, style, use_mask ? &mask : NULL, marks);
      }

  _stride_coverage_mask_clear (&mask);
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
