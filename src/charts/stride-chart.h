/* stride-chart.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The chart engine: plain data in, pixels out on any cairo_t (a widget's
 * snapshot, a PNG, SVG or PDF file, a print page). No GTK here. A chart is
 * a time (x, Unix seconds) against value (y) plot with up to two value
 * axes; the caller fills it with series and draws it at a size. */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} StrideColor;

/* Colours and text; the UI fills one from libadwaita (light, dark, high
 * contrast), exports use the presets. */
typedef struct
{
  StrideColor  background;
  StrideColor  foreground;         /* text and axes */
  StrideColor  grid;
  StrideColor  band;               /* target ranges */
  StrideColor  warning;            /* markers of injuries, flags */
  StrideColor  series[8];          /* one per series colour index */
  char        *font_family;        /* NULL = "Cantarell, sans-serif" */
  double       font_size;          /* points */
  gboolean     high_contrast;
} StrideChartStyle;

void stride_chart_style_init_light          (StrideChartStyle *style);
void stride_chart_style_init_dark           (StrideChartStyle *style);
void stride_chart_style_init_high_contrast  (StrideChartStyle *style);
void stride_chart_style_clear               (StrideChartStyle *style);

typedef enum
{
  STRIDE_AXIS_LEFT,
  STRIDE_AXIS_RIGHT,
} StrideAxisSide;

typedef enum
{
  STRIDE_VALUE_PLAIN,     /* "12", "12.5" with the axis unit */
  STRIDE_VALUE_PACE,      /* seconds per unit shown as m:ss; axis inverted */
  STRIDE_VALUE_DURATION,  /* seconds shown as h:mm */
  STRIDE_VALUE_PERCENT,
} StrideValueKind;

typedef struct
{
  double x;               /* Unix seconds (UTC) */
  double y;               /* NAN = gap */
} StrideChartPoint;

typedef struct _StrideChart StrideChart;

StrideChart *stride_chart_new               (void);
StrideChart *stride_chart_ref               (StrideChart        *chart);
void         stride_chart_unref             (StrideChart        *chart);

void         stride_chart_set_title         (StrideChart        *chart,
                                             const char         *title);
/* Empty-state text drawn when no series has a point in range. */
void         stride_chart_set_empty_text    (StrideChart        *chart,
                                             const char         *text);
/* Visible x range; both 0 = fit the data. */
void         stride_chart_set_x_range       (StrideChart        *chart,
                                             double              from,
                                             double              to);
void         stride_chart_get_data_x_range  (StrideChart        *chart,
                                             double             *from,
                                             double             *to);
/* Seconds offset of local time, for day/week/month boundaries on the axis. */
void         stride_chart_set_utc_offset    (StrideChart        *chart,
                                             int                 offset_s);
/* @unit is appended to plain values ("km", "N·m"); a PACE axis is drawn
 * inverted (faster is higher). @include_zero forces 0 into the range. */
void         stride_chart_set_axis          (StrideChart        *chart,
                                             StrideAxisSide      side,
                                             const char         *label,
                                             const char         *unit,
                                             StrideValueKind     kind,
                                             gboolean            include_zero);

/* Series. @color is an index into the style's series colours; points are
 * copied and must be sorted by x. Long series are decimated to the pixel
 * width when drawn (every local minimum and maximum kept). */
void         stride_chart_add_line          (StrideChart            *chart,
                                             const char             *name,
                                             StrideAxisSide          side,
                                             guint                   color,
                                             const StrideChartPoint *points,
                                             guint                   n_points);
void         stride_chart_add_points        (StrideChart            *chart,
                                             const char             *name,
                                             StrideAxisSide          side,
                                             guint                   color,
                                             const StrideChartPoint *points,
                                             guint                   n_points);
/* Bars of @width_s seconds centred on each x; series added with the same
 * @stack_group are stacked in the order they were added. */
void         stride_chart_add_bars          (StrideChart            *chart,
                                             const char             *name,
                                             StrideAxisSide          side,
                                             guint                   color,
                                             double                  width_s,
                                             guint                   stack_group,
                                             const StrideChartPoint *points,
                                             guint                   n_points);
typedef enum
{
  STRIDE_PERIOD_DAY,      /* the date of the point itself */
  STRIDE_PERIOD_WEEK,     /* "Week of Mon 2 Nov 2026" */
  STRIDE_PERIOD_MONTH,    /* "November 2026" */
} StridePeriod;

/* What one bar stands for, for the hover read-out: a bar of a weekly
 * total sits inside its week, and reads as that week rather than as the
 * day it is drawn on. Weeks start on @first_weekday. */
void         stride_chart_set_bar_period    (StrideChart            *chart,
                                             StridePeriod            period,
                                             GDateWeekday            first_weekday);

/* A horizontal target range on @side (e.g. ACWR 0.8–1.3). */
void         stride_chart_add_band          (StrideChart            *chart,
                                             const char             *name,
                                             StrideAxisSide          side,
                                             double                  low,
                                             double                  high);
/* A vertical marker at @x (a race, an injury); @warning uses the style's
 * warning colour. */
void         stride_chart_add_marker        (StrideChart            *chart,
                                             double                  x,
                                             const char             *label,
                                             gboolean                warning);

/* Draws the whole chart (title, axes, grid, series, legend) into the
 * rectangle 0,0 – width,height of @cr. Never fails: missing data draws the
 * empty text; sizes below a few pixels draw nothing. */
void         stride_chart_draw              (StrideChart            *chart,
                                             cairo_t                *cr,
                                             double                  width,
                                             double                  height,
                                             const StrideChartStyle *style);

/* Hover: the nearest point (in pixels, within @radius) to @px,@py for a
 * chart drawn at width×height. Returns FALSE when none; else fills the
 * series name, x and y and a ready read-out ("Tue 3 Nov 2026 · 5:12 /km"). */
gboolean     stride_chart_pick              (StrideChart            *chart,
                                             double                  width,
                                             double                  height,
                                             double                  px,
                                             double                  py,
                                             double                  radius,
                                             char                  **readout,
                                             double                 *x,
                                             double                 *y);
/* Inverse of the x mapping for zoom and pan: the time at pixel @px. */
double       stride_chart_x_at              (StrideChart            *chart,
                                             double                  width,
                                             double                  px);

/* Reading a chart back (for a table of its values): the strings and
 * points belong to @chart and stay valid until it changes or goes. */
const char  *stride_chart_get_title         (StrideChart            *chart);
const char  *stride_chart_get_empty_text    (StrideChart            *chart);
int          stride_chart_get_utc_offset    (StrideChart            *chart);
/* @label is NULL for an axis that was never set. Any out argument may be
 * NULL. */
void         stride_chart_get_axis          (StrideChart            *chart,
                                             StrideAxisSide          side,
                                             const char            **label,
                                             const char            **unit,
                                             StrideValueKind        *kind);
guint        stride_chart_get_n_series      (StrideChart            *chart);
/* The series in the order they were added; @is_bars tells bars from
 * lines and points. */
void         stride_chart_get_series        (StrideChart            *chart,
                                             guint                   index,
                                             const char            **name,
                                             StrideAxisSide         *side,
                                             gboolean               *is_bars,
                                             const StrideChartPoint **points,
                                             guint                  *n_points);
guint        stride_chart_get_n_markers     (StrideChart            *chart);
void         stride_chart_get_marker        (StrideChart            *chart,
                                             guint                   index,
                                             double                 *x,
                                             const char            **label,
                                             gboolean               *warning);

/* One paragraph in words for screen readers: range, latest value, trend. */
char        *stride_chart_describe          (StrideChart            *chart);

/* Writes a PNG, SVG or PDF (from @path's extension) of @width×@height
 * points. G_IO_ERROR_INVALID_ARGUMENT for another extension. */
gboolean     stride_chart_export            (StrideChart            *chart,
                                             const char             *path,
                                             double                  width,
                                             double                  height,
                                             const StrideChartStyle *style,
                                             GError                **error);

/* Decimation, exposed for tests: keeps the first and last point and, per
 * pixel column, the minimum and maximum (in x order). Returns a new array
 * of StrideChartPoint. */
GArray      *stride_chart_decimate          (const StrideChartPoint *points,
                                             guint                   n_points,
                                             double                  x_from,
                                             double                  x_to,
                                             guint                   n_columns);

/* "Nice" ticks for a value range (1, 2, 2.5, 5 × 10^n); exposed for tests. */
guint        stride_chart_nice_ticks        (double                  min,
                                             double                  max,
                                             guint                   max_ticks,
                                             double                 *first,
                                             double                 *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideChart, stride_chart_unref)

G_END_DECLS
