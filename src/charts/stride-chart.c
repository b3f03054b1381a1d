/* stride-chart.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

#include "stride-chart-private.h"

/* ----- styles ----- */

static StrideColor
rgb (guint32 hex,
     double  alpha)
{
  StrideColor c = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    alpha,
  };

  return c;
}

static void
style_fill (StrideChartStyle *style,
            guint32           bg,
            guint32           fg,
            double            grid_alpha,
            guint32           band,
            double            band_alpha,
            guint32           warning,
            const guint32     series[8])
{
  memset (style, 0, sizeof *style);
  style->background = rgb (bg, 1);
  style->foreground = rgb (fg, 1);
  style->grid = rgb (fg, grid_alpha);
  style->band = rgb (band, band_alpha);
  style->warning = rgb (warning, 1);
  for (guint i = 0; i < 8; i++)
    style->series[i] = rgb (series[i], 1);
  style->font_family = NULL;
  style->font_size = 9;
}

/* The libadwaita palette (blue, green, orange, purple, red, yellow, brown,
 * dark slate), in the shades the light and dark styles use for accents. */
void
stride_chart_style_init_light (StrideChartStyle *style)
{
  static const guint32 series[8] = {
    0x3584e4, 0x2ec27e, 0xff7800, 0x9141ac, 0xe01b24, 0xe5a50a, 0x986a44, 0x5e5c64,
  };

  g_return_if_fail (style != NULL);
  style_fill (style, 0xffffff, 0x2e3436, 0.09, 0x33d17a, 0.16, 0xe01b24, series);
}

void
stride_chart_style_init_dark (StrideChartStyle *style)
{
  static const guint32 series[8] = {
    0x78aeed, 0x57e389, 0xffa348, 0xc061cb, 0xff7b63, 0xf8e45c, 0xcdab8f, 0xc0bfbc,
  };

  g_return_if_fail (style != NULL);
  style_fill (style, 0x1e1e1e, 0xffffff, 0.10, 0x33d17a, 0.16, 0xff7b63, series);
}

void
stride_chart_style_init_high_contrast (StrideChartStyle *style)
{
  static const guint32 series[8] = {
    0x1a5fb4, 0x26a269, 0xc64600, 0x613583, 0xa51d2d, 0x9c6e03, 0x63452c, 0x000000,
  };

  g_return_if_fail (style != NULL);
  style_fill (style, 0xffffff, 0x000000, 0.30, 0x26a269, 0.25, 0xa51d2d, series);
  style->high_contrast = TRUE;
}

void
stride_chart_style_clear (StrideChartStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font_family, g_free);
}

/* ----- the chart ----- */

static void
series_free (gpointer data)
{
  StrideSeries *s = data;

  g_free (s->name);
  g_free (s->points);
  g_free (s->base);
  g_free (s);
}

static void
band_free (gpointer data)
{
  StrideBand *b = data;

  g_free (b->name);
  g_free (b);
}

static void
marker_free (gpointer data)
{
  StrideMarker *m = data;

  g_free (m->label);
  g_free (m);
}

StrideChart *
stride_chart_new (void)
{
  StrideChart *chart = g_atomic_rc_box_new0 (StrideChart);

  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->bands = g_ptr_array_new_with_free_func (band_free);
  chart->markers = g_ptr_array_new_with_free_func (marker_free);
  g_mutex_init (&chart->lock);
  chart->last_font_size = 9;
  for (guint i = 0; i < 2; i++)
    chart->axes[i].kind = STRIDE_VALUE_PLAIN;
  chart->bar_period = STRIDE_PERIOD_DAY;
  chart->first_weekday = G_DATE_MONDAY;

  return chart;
}

void
stride_chart_set_bar_period (StrideChart  *chart,
                             StridePeriod  period,
                             GDateWeekday  first_weekday)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (period <= STRIDE_PERIOD_MONTH);
  g_return_if_fail (first_weekday == G_DATE_MONDAY || first_weekday == G_DATE_SUNDAY);

  chart->bar_period = period;
  chart->first_weekday = first_weekday;
}

StrideChart *
stride_chart_ref (StrideChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return g_atomic_rc_box_acquire (chart);
}

static void
stride_chart_finalize (gpointer data)
{
  StrideChart *chart = data;

  g_free (chart->title);
  g_free (chart->empty_text);
  for (guint i = 0; i < 2; i++)
    {
      g_free (chart->axes[i].label);
      g_free (chart->axes[i].unit);
    }
  g_ptr_array_unref (chart->series);
  g_ptr_array_unref (chart->bands);
  g_ptr_array_unref (chart->markers);
  g_free (chart->last_font);
  g_mutex_clear (&chart->lock);
}

void
stride_chart_unref (StrideChart *chart)
{
  g_return_if_fail (chart != NULL);

  g_atomic_rc_box_release_full (chart, stride_chart_finalize);
}

static void
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

void
stride_chart_set_title (StrideChart *chart,
                        const char  *title)
{
  g_return_if_fail (chart != NULL);

  set_str (&chart->title, title);
}

void
stride_chart_set_empty_text (StrideChart *chart,
                             const char  *text)
{
  g_return_if_fail (chart != NULL);

  set_str (&chart->empty_text, text);
}

void
stride_chart_set_x_range (StrideChart *chart,
                          double       from,
                          double       to)
{
  g_return_if_fail (chart != NULL);

  if (!isfinite (from) || !isfinite (to))
    from = to = 0;
  chart->x_from = from;
  chart->x_to = to;
}

const char *
stride_chart_get_title (StrideChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->title;
}

const char *
stride_chart_get_empty_text (StrideChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->empty_text;
}

int
stride_chart_get_utc_offset (StrideChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->utc_offset;
}

void
stride_chart_get_axis (StrideChart      *chart,
                       StrideAxisSide    side,
                       const char      **label,
                       const char      **unit,
                       StrideValueKind  *kind)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (side == STRIDE_AXIS_LEFT || side == STRIDE_AXIS_RIGHT);

  if (label != NULL)
    *label = chart->axes[side].label;
  if (unit != NULL)
    *unit = chart->axes[side].unit;
  if (kind != NULL)
    *kind = chart->axes[side].kind;
}

guint
stride_chart_get_n_series (StrideChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->series->len;
}

void
stride_chart_get_series (StrideChart             *chart,
                         guint                    index,
                         const char             **name,
                         StrideAxisSide          *side,
                         gboolean                *is_bars,
                         const StrideChartPoint **points,
                         guint                   *n_points)
{
  const StrideSeries *s;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (index < chart->series->len);

  s = g_ptr_array_index (chart->series, index);
  if (name != NULL)
    *name = s->name;
  if (side != NULL)
    *side = s->side;
  if (is_bars != NULL)
    *is_bars = s->kind == STRIDE_SERIES_BARS;
  if (points != NULL)
    *points = s->points;
  if (n_points != NULL)
    *n_points = s->n_points;
}

guint
stride_chart_get_n_markers (StrideChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->markers->len;
}

void
stride_chart_get_marker (StrideChart  *chart,
                         guint         index,
                         double       *x,
                         const char  **label,
                         gboolean     *warning)
{
  const StrideMarker *m;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (index < chart->markers->len);

  m = g_ptr_array_index (chart->markers, index);
  if (x != NULL)
    *x = m->x;
  if (label != NULL)
    *label = m->label;
  if (warning != NULL)
    *warning = m->warning;
}

void
stride_chart_get_data_x_range (StrideChart *chart,
                               double      *from,
                               double      *to)
{
  double lo = INFINITY;
  double hi = -INFINITY;

  g_return_if_fail (chart != NULL);

  for (guint i = 0; i < chart->series->len; i++)
    {
      StrideSeries *s = g_ptr_array_index (chart->series, i);

      for (guint j = 0; j < s->n_points; j++)
        if (_stride_point_valid (&s->points[j]))
          {
            lo = MIN (lo, s->points[j].x);
            break;
          }
      for (guint j = s->n_points; j > 0; j--)
        if (_stride_point_valid (&s->points[j - 1]))
          {
            hi = MAX (hi, s->points[j - 1].x);
            break;
          }
    }

  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (from != NULL)
    *from = lo;
  if (to != NULL)
    *to = hi;
}

void
stride_chart_set_utc_offset (StrideChart *chart,
                             int          offset_s)
{
  g_return_if_fail (chart != NULL);

  /* Real offsets lie within ±18 h. */
  chart->utc_offset = CLAMP (offset_s, -18 * 3600, 18 * 3600);
}

void
stride_chart_set_axis (StrideChart     *chart,
                       StrideAxisSide   side,
                       const char      *label,
                       const char      *unit,
                       StrideValueKind  kind,
                       gboolean         include_zero)
{
  StrideAxisConf *conf;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (side == STRIDE_AXIS_LEFT || side == STRIDE_AXIS_RIGHT);

  conf = &chart->axes[side];
  _stride_chart_invalidate (chart);
  set_str (&conf->label, label);
  set_str (&conf->unit, unit);
  conf->kind = kind <= STRIDE_VALUE_PERCENT ? kind : STRIDE_VALUE_PLAIN;
  conf->include_zero = !!include_zero;
}

static int
compare_points (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const StrideChartPoint *p = a;
  const StrideChartPoint *q = b;

  return (p->x > q->x) - (p->x < q->x);
}

/* Copies the points, dropping those without a usable date and turning
 * absurd or non-finite values into gaps; sorts them if the caller did not. */
static StrideSeries *
series_new (StrideChart            *chart,
            StrideSeriesKind        kind,
            const char             *name,
            StrideAxisSide          side,
            guint                   color,
            const StrideChartPoint *points,
            guint                   n_points)
{
  StrideSeries *s = g_new0 (StrideSeries, 1);
  gboolean sorted = TRUE;
  guint n = 0;

  s->kind = kind;
  s->name = g_strdup (name);
  s->side = side == STRIDE_AXIS_RIGHT ? STRIDE_AXIS_RIGHT : STRIDE_AXIS_LEFT;
  s->color = color;
  s->points = g_new (StrideChartPoint, MAX (n_points, 1));

  for (guint i = 0; points != NULL && i < n_points; i++)
    {
      StrideChartPoint p = points[i];

      if (!isfinite (p.x) || p.x < STRIDE_CHART_MIN_X || p.x > STRIDE_CHART_MAX_ABS_X)
        continue;
      if (!isfinite (p.y) || fabs (p.y) > STRIDE_CHART_MAX_ABS_Y)
        p.y = NAN;
      if (n > 0 && p.x < s->points[n - 1].x)
        sorted = FALSE;
      s->points[n++] = p;
    }
  s->n_points = n;

  if (!sorted)
    g_qsort_with_data (s->points, n, sizeof (StrideChartPoint), compare_points, NULL);

  g_ptr_array_add (chart->series, s);
  _stride_chart_invalidate (chart);

  return s;
}

void
stride_chart_add_line (StrideChart            *chart,
                       const char             *name,
                       StrideAxisSide          side,
                       guint                   color,
                       const StrideChartPoint *points,
                       guint                   n_points)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  series_new (chart, STRIDE_SERIES_LINE, name, side, color, points, n_points);
}

void
stride_chart_add_points (StrideChart            *chart,
                         const char             *name,
                         StrideAxisSide          side,
                         guint                   color,
                         const StrideChartPoint *points,
                         guint                   n_points)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  series_new (chart, STRIDE_SERIES_POINTS, name, side, color, points, n_points);
}

void
stride_chart_add_bars (StrideChart            *chart,
                       const char             *name,
                       StrideAxisSide          side,
                       guint                   color,
                       double                  width_s,
                       guint                   stack_group,
                       const StrideChartPoint *points,
                       guint                   n_points)
{
  g_autoptr(GHashTable) pos = NULL;
  g_autoptr(GHashTable) neg = NULL;
  StrideSeries *s;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  s = series_new (chart, STRIDE_SERIES_BARS, name, side, color, points, n_points);
  s->width_s = isfinite (width_s) && width_s > 0 ? MIN (width_s, 1e10) : 86400;
  s->stack_group = stack_group;
  s->stack_top = TRUE;
  s->base = g_new0 (double, MAX (s->n_points, 1));

  /* Stack on the series of the same group added before, positive values
   * upwards and negative ones downwards, matching bars by their x. */
  pos = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, g_free);
  neg = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, g_free);
  for (guint i = 0; i + 1 < chart->series->len; i++)
    {
      StrideSeries *o = g_ptr_array_index (chart->series, i);

      if (o->kind != STRIDE_SERIES_BARS || o->stack_group != stack_group || o->side != s->side)
        continue;
      o->stack_top = FALSE;
      for (guint j = 0; j < o->n_points; j++)
        {
          GHashTable *table;
          double *sum;

          if (!isfinite (o->points[j].y))
            continue;
          table = o->points[j].y >= 0 ? pos : neg;
          sum = g_hash_table_lookup (table, &o->points[j].x);
          if (sum == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (table, g_memdup2 (&o->points[j].x, sizeof (double)), sum);
            }
          *sum += o->points[j].y;
        }
    }

  for (guint j = 0; j < s->n_points; j++)
    {
      double *sum;

      if (!isfinite (s->points[j].y))
        continue;
      sum = g_hash_table_lookup (s->points[j].y >= 0 ? pos : neg, &s->points[j].x);
      s->base[j] = sum != NULL ? *sum : 0;
    }
}

void
stride_chart_add_band (StrideChart    *chart,
                       const char     *name,
                       StrideAxisSide  side,
                       double          low,
                       double          high)
{
  StrideBand *band;

  g_return_if_fail (chart != NULL);

  if (!isfinite (low) || !isfinite (high)
      || fabs (low) > STRIDE_CHART_MAX_ABS_Y || fabs (high) > STRIDE_CHART_MAX_ABS_Y)
    return;

  band = g_new0 (StrideBand, 1);
  band->name = g_strdup (name);
  band->side = side == STRIDE_AXIS_RIGHT ? STRIDE_AXIS_RIGHT : STRIDE_AXIS_LEFT;
  band->low = MIN (low, high);
  band->high = MAX (low, high);
  g_ptr_array_add (chart->bands, band);
}

void
stride_chart_add_marker (StrideChart *chart,
                         double       x,
                         const char  *label,
                         gboolean     warning)
{
  StrideMarker *m;

  g_return_if_fail (chart != NULL);

  if (!isfinite (x) || x < STRIDE_CHART_MIN_X || x > STRIDE_CHART_MAX_ABS_X)
    return;

  m = g_new0 (StrideMarker, 1);
  m->x = x;
  m->label = g_strdup (label);
  m->warning = !!warning;
  g_ptr_array_add (chart->markers, m);
}

/* ----- hover and zoom ----- */

static gboolean
layout_like_last_draw (StrideChart       *chart,
                       PangoContext      *context,
                       double             width,
                       double             height,
                       StrideChartLayout *layout)
{
  g_autofree char *font = NULL;
  double size;

  g_mutex_lock (&chart->lock);
  font = g_strdup (chart->last_font);
  size = chart->last_font_size;
  g_mutex_unlock (&chart->lock);

  return _stride_chart_layout (chart, context, font, size, width, height, layout);
}

static guint
first_at_or_after (const StrideSeries *s,
                   double              x)
{
  guint lo = 0;
  guint hi = s->n_points;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (s->points[mid].x < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
stride_chart_pick (StrideChart  *chart,
                   double        width,
                   double        height,
                   double        px,
                   double        py,
                   double        radius,
                   char        **readout,
                   double       *x,
                   double       *y)
{
  PangoContext *context;
  StrideChartLayout layout;
  const StrideSeries *best_s = NULL;
  const StrideChartPoint *best_p = NULL;
  double best_d = INFINITY;
  guint named = 0;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (readout != NULL)
    *readout = NULL;

  if (!isfinite (px) || !isfinite (py) || !isfinite (radius) || radius < 0)
    return FALSE;

  context = _stride_chart_pango_context ();
  if (!layout_like_last_draw (chart, context, width, height, &layout))
    return FALSE;

  if (layout.empty || layout.right <= layout.left)
    {
      _stride_chart_layout_clear (&layout);
      return FALSE;
    }

  for (guint i = 0; i < chart->series->len; i++)
    {
      const StrideSeries *s = g_ptr_array_index (chart->series, i);
      double xr = radius / (layout.right - layout.left) * (layout.x1 - layout.x0);
      double tx = layout.x0 + (px - layout.left) / (layout.right - layout.left)
                  * (layout.x1 - layout.x0);
      double half = s->kind == STRIDE_SERIES_BARS ? s->width_s / 2 : 0;
      guint j;

      if (s->name != NULL && *s->name != '\0')
        named++;

      j = first_at_or_after (s, MAX (tx - xr - half, layout.x0 - half));
      for (; j < s->n_points && s->points[j].x <= MIN (tx + xr + half, layout.x1 + half); j++)
        {
          const StrideChartPoint *p = &s->points[j];
          double mx;
          double my;
          double d;

          if (!isfinite (p->y))
            continue;

          mx = _stride_chart_map_x (&layout, p->x);
          if (s->kind == STRIDE_SERIES_BARS)
            {
              double top = _stride_chart_map_y (&layout, s->side, s->base[j] + p->y, NULL);
              double bottom = _stride_chart_map_y (&layout, s->side, s->base[j], NULL);
              double w = _stride_chart_map_x (&layout, p->x + half) - mx;

              /* Inside the bar counts as a hit on it. */
              if (fabs (px - mx) <= MAX (w, 0.5) && py >= MIN (top, bottom) - radius
                  && py <= MAX (top, bottom))
                d = fabs (px - mx) * 0.5;
              else
                d = hypot (px - mx, py - top);
            }
          else
            {
              my = _stride_chart_map_y (&layout, s->side, p->y, NULL);
              d = hypot (px - mx, py - my);
            }

          if (d <= radius && d < best_d)
            {
              best_d = d;
              best_s = s;
              best_p = p;
            }
        }
    }

  if (best_p != NULL)
    {
      if (x != NULL)
        *x = best_p->x;
      if (y != NULL)
        *y = best_p->y;
      if (readout != NULL)
        {
          const StrideAxisConf *conf = &chart->axes[best_s->side];
          /* Daily summaries sit at midnight: show a time only when there is one. */
          gboolean timed = fmod (best_p->x + chart->utc_offset, 86400) != 0;
          g_autofree char *date = best_s->kind == STRIDE_SERIES_BARS
                                    ? _stride_chart_format_period (best_p->x, chart->utc_offset,
                                                                   chart->bar_period,
                                                                   chart->first_weekday)
                                    : _stride_chart_format_date (best_p->x, chart->utc_offset,
                                                                 timed);
          g_autofree char *value = _stride_chart_format_value (conf->kind, conf->unit, best_p->y);

          if (named > 1 && best_s->name != NULL && *best_s->name != '\0')
            *readout = g_strdup_printf ("%s · %s · %s", best_s->name, date, value);
          else
            *readout = g_strdup_printf ("%s · %s", date, value);
        }
    }

  _stride_chart_layout_clear (&layout);

  return best_p != NULL;
}

double
stride_chart_x_at (StrideChart *chart,
                   double       width,
                   double       px)
{
  PangoContext *context;
  StrideChartLayout layout;
  double height;
  double result;

  g_return_val_if_fail (chart != NULL, 0);

  context = _stride_chart_pango_context ();
  /* The plot's margins follow the value labels, whose number follows the
   * height: map with the height the chart was last drawn at. */
  g_mutex_lock (&chart->lock);
  height = chart->last_height > 0 ? chart->last_height : 400;
  g_mutex_unlock (&chart->lock);
  if (!layout_like_last_draw (chart, context, width, height, &layout))
    {
      double x0 = 0;
      double x1 = 0;

      stride_chart_get_data_x_range (chart, &x0, &x1);
      return x0;
    }

  if (!isfinite (px) || layout.right <= layout.left)
    result = layout.x0;
  else
    result = layout.x0 + (px - layout.left) / (layout.right - layout.left)
             * (layout.x1 - layout.x0);

  _stride_chart_layout_clear (&layout);

  return result;
}

/* ----- text description ----- */

static char *
format_short_date (double x,
                   int    utc_offset)
{
  return _stride_chart_format_date (x, utc_offset, FALSE);
}

char *
stride_chart_describe (StrideChart *chart)
{
  GString *text;
  double x0;
  double x1;
  gboolean any = FALSE;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (chart != NULL, NULL);

  text = g_string_new (NULL);
  if (chart->title != NULL)
    g_string_append_printf (text, "%s. ", chart->title);

  if (chart->x_from != 0 || chart->x_to != 0)
    {
      x0 = MIN (chart->x_from, chart->x_to);
      x1 = MAX (chart->x_from, chart->x_to);
    }
  else
    {
      stride_chart_get_data_x_range (chart, &x0, &x1);
    }

  for (guint i = 0; i < chart->series->len; i++)
    {
      const StrideSeries *s = g_ptr_array_index (chart->series, i);
      const StrideAxisConf *conf = &chart->axes[s->side];
      const StrideChartPoint *latest = NULL;
      double lo = INFINITY;
      double hi = -INFINITY;
      double sx = 0, sy = 0, sxx = 0, sxy = 0;
      guint n = 0;
      g_autofree char *lo_s = NULL;
      g_autofree char *hi_s = NULL;
      g_autofree char *latest_s = NULL;
      g_autofree char *latest_d = NULL;
      const char *name = s->name != NULL && *s->name != '\0' ? s->name : _("Values");

      for (guint j = 0; j < s->n_points; j++)
        {
          const StrideChartPoint *p = &s->points[j];
          double t;

          if (!isfinite (p->y) || p->x < x0 || p->x > x1)
            continue;
          latest = p;
          lo = MIN (lo, p->y);
          hi = MAX (hi, p->y);
          t = (p->x - x0) / 86400.0;
          sx += t;
          sy += p->y;
          sxx += t * t;
          sxy += t * p->y;
          n++;
        }

      if (latest == NULL)
        continue;

      if (!any)
        {
          from = format_short_date (x0, chart->utc_offset);
          to = format_short_date (x1, chart->utc_offset);
          /* Translators: the start of a chart description for screen
           * readers, "From Mon 3 Nov 2025 to Tue 3 Nov 2026." */
          g_string_append_printf (text, _("From %s to %s."), from, to);
          any = TRUE;
        }

      lo_s = _stride_chart_format_value (conf->kind, conf->unit, lo);
      hi_s = _stride_chart_format_value (conf->kind, conf->unit, hi);
      latest_s = _stride_chart_format_value (conf->kind, conf->unit, latest->y);
      latest_d = format_short_date (latest->x, chart->utc_offset);

      g_string_append_c (text, ' ');
      /* Translators: "Pace: 12 values between 4:50 /km and 5:40 /km,
       * latest 5:12 /km on Tue 3 Nov 2026" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %u value between %s and %s, latest %s on %s",
                                                 "%s: %u values between %s and %s, latest %s on %s",
                                                 n),
                              name, n, lo_s, hi_s, latest_s, latest_d);

      if (n >= 3)
        {
          double denom = n * sxx - sx * sx;
          double slope = denom != 0 ? (n * sxy - sx * sy) / denom : 0;
          double change = slope * (x1 - x0) / 86400.0;
          double spread = hi - lo;
          const char *trend;

          if (!isfinite (change) || fabs (change) < spread * 0.1 || spread == 0)
            trend = _("steady");
          else if (conf->kind == STRIDE_VALUE_PACE)
            trend = change < 0 ? _("getting faster") : _("getting slower");
          else
            trend = change > 0 ? _("rising") : _("falling");
          /* Translators: appended to the series summary, "; trend: rising" */
          g_string_append_printf (text, _("; trend: %s"), trend);
        }
      g_string_append_c (text, '.');
    }

  for (guint i = 0; any && i < chart->bands->len; i++)
    {
      const StrideBand *b = g_ptr_array_index (chart->bands, i);
      const StrideAxisConf *conf = &chart->axes[b->side];
      g_autofree char *lo_s = _stride_chart_format_value (conf->kind, conf->unit, b->low);
      g_autofree char *hi_s = _stride_chart_format_value (conf->kind, conf->unit, b->high);

      g_string_append_c (text, ' ');
      /* Translators: "Target range 0.8 to 1.3." */
      g_string_append_printf (text, _("%s from %s to %s."),
                              b->name != NULL ? b->name : _("Target range"), lo_s, hi_s);
    }

  if (!any)
    g_string_append (text, chart->empty_text != NULL ? chart->empty_text
                                                     : _("No data in this range"));

  return g_string_free (text, FALSE);
}

/* ----- export ----- */

gboolean
stride_chart_export (StrideChart            *chart,
                     const char             *path,
                     double                  width,
                     double                  height,
                     const StrideChartStyle *style,
                     GError                **error)
{
  g_autofree char *lower = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png = FALSE;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (width) || !isfinite (height) || width < 1 || height < 1
      || width > 20000 || height > 20000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export a chart of %g × %g"), width, height);
      return FALSE;
    }

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    {
      png = TRUE;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                            (int) ceil (height));
    }
  else if (g_str_has_suffix (lower, ".svg"))
    {
      surface = cairo_svg_surface_create (path, width, height);
    }
  else if (g_str_has_suffix (lower, ".pdf"))
    {
      surface = cairo_pdf_surface_create (path, width, height);
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown chart file type “%s”: use .png, .svg or .pdf"), path);
      return FALSE;
    }

  cr = cairo_create (surface);
  stride_chart_draw (chart, cr, width, height, style);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && png)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
