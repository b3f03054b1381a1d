/* stride-chart-view.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-chart.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_CHART_VIEW (stride_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (StrideChartView, stride_chart_view, STRIDE, CHART_VIEW, GtkWidget)

/* A widget that draws a StrideChart in the colours of the libadwaita style
 * (light, dark, high contrast). Hover shows a read-out of the nearest
 * value; scroll zooms around the pointer, drag pans; +, −, arrows and Home
 * do the same from the keyboard. Its accessible description is the chart
 * in words. */

GtkWidget   *stride_chart_view_new                (void);

StrideChart *stride_chart_view_get_chart          (StrideChartView  *self);
/* Shows @chart over [@from, @to] (Unix seconds; both 0 = its data range),
 * which is also what Home goes back to. */
void         stride_chart_view_set_chart          (StrideChartView  *self,
                                                   StrideChart      *chart,
                                                   double            from,
                                                   double            to);

void         stride_chart_view_get_visible_range  (StrideChartView  *self,
                                                   double           *from,
                                                   double           *to);
void         stride_chart_view_set_visible_range  (StrideChartView  *self,
                                                   double            from,
                                                   double            to);
/* @factor < 1 zooms in, > 1 out, keeping the time at pixel @anchor_px in
 * place (a negative anchor means the middle). */
void         stride_chart_view_zoom               (StrideChartView  *self,
                                                   double            factor,
                                                   double            anchor_px);
/* Moves the visible range by @fraction of its width (negative = earlier). */
void         stride_chart_view_pan                (StrideChartView  *self,
                                                   double            fraction);
void         stride_chart_view_reset              (StrideChartView  *self);

/* Hover at @px,@py as if the pointer were there: TRUE and the read-out
 * shown when a value is near. */
gboolean     stride_chart_view_hover              (StrideChartView  *self,
                                                   double            px,
                                                   double            py);
void         stride_chart_view_unhover            (StrideChartView  *self);
const char  *stride_chart_view_get_readout        (StrideChartView  *self);

/* The text given to screen readers. */
const char  *stride_chart_view_get_description    (StrideChartView  *self);

/* What the chart shown holds, for another view of the same data (the
 * table). Strings and points are borrowed from the chart: valid until the
 * view shows another chart. */
typedef struct
{
  const char             *name;
  StrideAxisSide          side;
  gboolean                bars;
  const StrideChartPoint *points;        /* sorted by x; y = NAN is a gap */
  guint                   n_points;
} StrideChartSeriesInfo;

typedef struct
{
  const char      *label;                /* NULL: the axis was never set */
  const char      *unit;
  StrideValueKind  kind;
} StrideChartAxisInfo;

typedef struct
{
  double      x;
  const char *label;
  gboolean    warning;
} StrideChartMarkerInfo;

typedef struct
{
  const char          *title;
  const char          *empty_text;
  double               from;             /* the visible range, Unix seconds */
  double               to;
  double               data_from;        /* the first point of any series */
  int                  utc_offset_s;
  StrideChartAxisInfo  axes[2];          /* by StrideAxisSide */
  GArray              *series;           /* StrideChartSeriesInfo */
  GArray              *markers;          /* StrideChartMarkerInfo */
} StrideChartContents;

/* FALSE (and @contents empty) when no chart is shown. */
gboolean     stride_chart_view_get_contents       (StrideChartView     *self,
                                                   StrideChartContents *contents);
void         stride_chart_contents_clear          (StrideChartContents *contents);

G_END_DECLS
