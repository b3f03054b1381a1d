/* stride-charts-page.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-chart-data.h"
#include "stride-chart-table.h"
#include "stride-chart-view.h"
#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_CHARTS_PAGE (stride_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (StrideChartsPage, stride_charts_page, STRIDE, CHARTS_PAGE, GtkWidget)

typedef enum
{
  STRIDE_CHART_RANGE_4_WEEKS,
  STRIDE_CHART_RANGE_3_MONTHS,
  STRIDE_CHART_RANGE_1_YEAR,
  STRIDE_CHART_RANGE_ALL,
  STRIDE_CHART_RANGE_CUSTOM,
} StrideChartRange;

/* Default export size, in pixels (PNG) or points (SVG, PDF). */
#define STRIDE_CHART_EXPORT_WIDTH  1200
#define STRIDE_CHART_EXPORT_HEIGHT 600

/* The Charts page: one big chart chosen by a toggle group, a date range,
 * export. Data is read in a worker thread on a connection of its own. */

void                    stride_charts_page_set_store        (StrideChartsPage  *self,
                                                             StrideStore       *store);
/* Reads the journal again (after an import or an edit). */
void                    stride_charts_page_reload           (StrideChartsPage  *self);

StrideChartKind         stride_charts_page_get_kind         (StrideChartsPage  *self);
void                    stride_charts_page_set_kind         (StrideChartsPage  *self,
                                                             StrideChartKind    kind);
StrideChartRange        stride_charts_page_get_range        (StrideChartsPage  *self);
void                    stride_charts_page_set_range        (StrideChartsPage  *self,
                                                             StrideChartRange   range);
/* Selects the custom range [@from, @to] (Julian days). */
void                    stride_charts_page_set_custom_range (StrideChartsPage  *self,
                                                             guint32            from,
                                                             guint32            to);
/* RUN: the run shown (0 = the latest with a track) and the runs offered. */
void                    stride_charts_page_set_run          (StrideChartsPage  *self,
                                                             gint64             activity_id);
guint                   stride_charts_page_get_n_runs       (StrideChartsPage  *self);

/* TRUE while a query runs; "loaded" is emitted after each one. */
gboolean                stride_charts_page_is_loading       (StrideChartsPage  *self);
/* TRUE when the journal has no runs (the empty state shows). */
gboolean                stride_charts_page_is_empty         (StrideChartsPage  *self);
const StrideChartInfo  *stride_charts_page_get_info         (StrideChartsPage  *self);
StrideChartView        *stride_charts_page_get_view         (StrideChartsPage  *self);

/* The chart's data as a table instead of the chart ("charts.show-table",
 * Ctrl+T); the table follows the range. */
StrideChartTable       *stride_charts_page_get_table        (StrideChartsPage  *self);
gboolean                stride_charts_page_get_show_table   (StrideChartsPage  *self);
void                    stride_charts_page_set_show_table   (StrideChartsPage  *self,
                                                             gboolean           show_table);

/* Writes the chart as shown (range and zoom) to @path, in the format of
 * its extension (.png, .svg, .pdf) at @width×@height, in light colours. */
gboolean                stride_charts_page_export           (StrideChartsPage  *self,
                                                             const char        *path,
                                                             int                width,
                                                             int                height,
                                                             GError           **error);

G_END_DECLS
