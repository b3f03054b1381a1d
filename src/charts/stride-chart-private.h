/* stride-chart-private.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "stride-chart.h"

G_BEGIN_DECLS

/* Values beyond these are treated as gaps: they are no dates or
 * measurements, and they would overflow the axis arithmetic. */
#define STRIDE_CHART_MAX_ABS_X  253402300799.0  /* 9999-12-31 */
#define STRIDE_CHART_MIN_X      (-62135596800.0) /* 0001-01-01 */
#define STRIDE_CHART_MAX_ABS_Y  1e12

typedef enum
{
  STRIDE_SERIES_LINE,
  STRIDE_SERIES_POINTS,
  STRIDE_SERIES_BARS,
} StrideSeriesKind;

typedef struct
{
  StrideSeriesKind  kind;
  char             *name;
  StrideAxisSide    side;
  guint             color;
  double            width_s;
  guint             stack_group;
  StrideChartPoint *points;
  guint             n_points;
  /* Filled per layout for bars: the stack base under each point. */
  double           *base;
  gboolean          stack_top;
} StrideSeries;

typedef struct
{
  char           *name;
  StrideAxisSide  side;
  double          low;
  double          high;
} StrideBand;

typedef struct
{
  double    x;
  char     *label;
  gboolean  warning;
} StrideMarker;

typedef struct
{
  char            *label;
  char            *unit;
  StrideValueKind  kind;
  gboolean         include_zero;
} StrideAxisConf;

struct _StrideChart
{
  char           *title;
  char           *empty_text;
  double          x_from;
  double          x_to;
  int             utc_offset;
  StrideAxisConf  axes[2];
  GPtrArray      *series;    /* StrideSeries* */
  GPtrArray      *bands;     /* StrideBand* */
  GPtrArray      *markers;   /* StrideMarker* */
  StridePeriod    bar_period;
  GDateWeekday    first_weekday;

  /* The font of the last draw, so pick() and x_at() lay out alike, and
   * the data range per axis for the last visible x range: the robust
   * pace range sorts every visible value, which would otherwise make the
   * cost of a redraw follow the years of data. */
  GMutex          lock;
  struct {
    gboolean      valid;
    double        x0;
    double        x1;
    double        lo;
    double        hi;
  } range_cache[2];
  char           *last_font;
  double          last_font_size;
  double          last_height;      /* of the last draw, for x_at */
};

typedef enum
{
  STRIDE_TIME_UNIT_NONE,
  STRIDE_TIME_UNIT_MINUTE,
  STRIDE_TIME_UNIT_HOUR,
  STRIDE_TIME_UNIT_DAY,
  STRIDE_TIME_UNIT_WEEK,
  STRIDE_TIME_UNIT_MONTH,
  STRIDE_TIME_UNIT_YEAR,
} StrideTimeUnit;

typedef struct
{
  double  x;        /* Unix seconds (UTC) of the boundary */
  char   *label;
  guint   major : 1; /* a bigger boundary (new month, new year) */
} StrideTimeTick;

typedef struct
{
  double            lo;
  double            hi;
  double            first;
  double            step;
  guint             n_ticks;
  gboolean          used;
  gboolean          inverted;
  StrideValueKind   kind;
  guint             decimals;
} StrideValueAxis;

/* Everything a draw, a pick and x_at need, from size and font. */
typedef struct
{
  double           width;
  double           height;
  gboolean         compact;      /* too small for axes: plot fills all */
  gboolean         empty;
  double           left;
  double           top;
  double           right;
  double           bottom;
  double           x0;
  double           x1;
  double           font_px;
  double           line_height;
  double           title_y;
  double           legend_y;
  guint            legend_rows;
  StrideValueAxis  axis[2];
  GArray          *time_ticks;   /* StrideTimeTick */
  StrideTimeUnit   time_unit;
} StrideChartLayout;

/* stride-chart-axis.c */
StrideTimeUnit _stride_chart_time_ticks      (double           from,
                                              double           to,
                                              double           width_px,
                                              double           char_px,
                                              int              utc_offset,
                                              GArray         **ticks);
void           _stride_time_tick_clear        (gpointer         tick);
double         _stride_chart_pace_step        (double           range,
                                               guint            max_ticks);
void           _stride_chart_robust_range     (double          *values,
                                               guint            n,
                                               double          *lo,
                                               double          *hi);
char          *_stride_chart_format_tick      (const StrideValueAxis *axis,
                                               double           value);
char          *_stride_chart_format_value     (StrideValueKind  kind,
                                               const char      *unit,
                                               double           value);
/* The period holding @x in local time, for a bar's read-out. */
char          *_stride_chart_format_period    (double           x,
                                              int              utc_offset,
                                              StridePeriod     period,
                                              GDateWeekday     first_weekday);
char          *_stride_chart_format_date      (double           x,
                                               int              utc_offset,
                                               gboolean         with_time);
gint64         _stride_days_from_civil        (gint64           y,
                                               guint            m,
                                               guint            d);
void           _stride_civil_from_days        (gint64           z,
                                               gint64          *y,
                                               guint           *m,
                                               guint           *d);

/* One pixel column of a dense line or bars, in user space: x to x + 1,
 * y to y + h. */
typedef struct
{
  double x;
  double y;
  double h;
} StrideColumnSpan;

/* A bar in user space, sorted by x in a series: its top corners
 * rounded by @r (0 = square). */
typedef struct
{
  double x;
  double y;
  double w;
  double h;
  double r;
} StrideBarBox;

/* A scratch A8 mask over the clip of an image surface, see
 * stride-chart-raster.c. */
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
  guint8          *tiles;        /* touched since the last paint, per tile */
  int              tiles_w;
  int              tiles_h;
  gboolean         dirty;
  /* An ARGB32 target whose clip is the mask's rectangle: painted by
   * composite_direct into its pixels, else with cairo_mask. */
  cairo_surface_t *target;
  guint8          *target_data;
  int              target_stride;
  int              target_x;     /* of the mask's pixel 0,0 in the target */
  int              target_y;
} StrideCoverageMask;

/* What the last draws composited, for tests: layers written straight
 * into an image's pixels, and layers composited with cairo_mask. */
typedef struct
{
  guint direct;
  guint cairo_mask;
  guint now;           /* of direct: written with no mask at all */
} StrideRasterStats;

/* stride-chart-raster.c: what runs per point or per pixel of a draw.
 * map_series maps @points into @out (y NAN for a gap) and adds values
 * clamped to the plot's edge to @marks, as gaps too if @drop_clamped. */
double         _stride_chart_map_x            (const StrideChartLayout *layout,
                                               double                  x);
double         _stride_chart_map_y            (const StrideChartLayout *layout,
                                               StrideAxisSide          side,
                                               double                  y,
                                               gboolean               *clamped);
void           _stride_chart_map_series       (const StrideChartLayout *layout,
                                               StrideAxisSide          side,
                                               const StrideChartPoint *points,
                                               guint                   n_points,
                                               gboolean                drop_clamped,
                                               StrideChartPoint       *out,
                                               GArray                 *marks);
void           _stride_chart_line_spans       (const StrideChartLayout *layout,
                                               const StrideChartPoint *pts,
                                               guint                   n_points,
                                               double                  line_w,
                                               GArray                 *spans);
void           _stride_chart_bar_spans        (const StrideChartLayout *layout,
                                               const StrideSeries     *s,
                                               guint                   begin,
                                               guint                   end,
                                               GArray                 *spans);
gboolean       _stride_coverage_mask_init     (StrideCoverageMask     *mask,
                                               cairo_t                *cr);
void           _stride_coverage_mask_clear    (StrideCoverageMask     *mask);
void           _stride_coverage_mask_paint    (StrideCoverageMask     *mask,
                                               cairo_t                *cr);
void           _stride_coverage_mask_spans    (StrideCoverageMask     *mask,
                                               const StrideColumnSpan *spans,
                                               guint                   n_spans);
void           _stride_coverage_mask_line     (StrideCoverageMask     *mask,
                                               const StrideChartPoint *pts,
                                               guint                   n_points,
                                               double                  line_w,
                                               double                  dot_w);
void           _stride_coverage_mask_squares  (StrideCoverageMask     *mask,
                                               const StrideChartPoint *pts,
                                               guint                   n_points,
                                               double                  radius);
void           _stride_coverage_mask_dots     (StrideCoverageMask     *mask,
                                               const StrideChartPoint *pts,
                                               guint                   n_points,
                                               double                  radius);
gboolean       _stride_coverage_mask_upright  (const StrideCoverageMask *mask);
void           _stride_coverage_mask_bars     (StrideCoverageMask     *mask,
                                               cairo_t                *cr,
                                               const StrideBarBox     *bars,
                                               guint                   n_bars);
/* Straight into the target, no mask: see stride-chart-raster.c. */
gboolean       _stride_coverage_mask_can_stamp (StrideCoverageMask    *mask,
                                                cairo_t               *cr);
gboolean       _stride_coverage_mask_spans_now (StrideCoverageMask    *mask,
                                                cairo_t               *cr,
                                                const StrideColumnSpan *spans,
                                                guint                  n_spans);
gboolean       _stride_coverage_mask_squares_now (StrideCoverageMask     *mask,
                                                  cairo_t                *cr,
                                                  const StrideChartPoint *pts,
                                                  guint                   n_points,
                                                  double                  radius);
/* Tests: read (and zero) the counters; force cairo_mask for every layer. */
void           _stride_raster_stats_take      (StrideRasterStats      *stats);
void           _stride_raster_set_direct      (gboolean                enabled);

/* stride-chart-draw.c */
gboolean       _stride_chart_layout           (StrideChart            *chart,
                                               PangoContext           *context,
                                               const char             *font,
                                               double                  font_size,
                                               double                  width,
                                               double                  height,
                                               StrideChartLayout      *layout);
void           _stride_chart_layout_clear     (StrideChartLayout      *layout);
PangoContext  *_stride_chart_pango_context    (void);
gboolean       _stride_point_valid            (const StrideChartPoint *p);
void           _stride_chart_invalidate       (StrideChart            *chart);

G_END_DECLS
