/* stride-chart-table.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-chart-view.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_CHART_TABLE (stride_chart_table_get_type ())

G_DECLARE_FINAL_TYPE (StrideChartTable, stride_chart_table, STRIDE, CHART_TABLE, GtkWidget)

/* A chart's data as a table ("Show as Table"): the first column the time,
 * then a column per series with its unit in the header, then the chart's
 * markers (laps, races, pain) if it has any. Only the visible range of the
 * chart; gaps read "—". The rows are a list model shown by a GtkColumnView,
 * so ten years make no more widgets than a screenful; every column sorts. */

typedef enum
{
  STRIDE_CHART_TABLE_ROW_PER_POINT,    /* a row per time a series has a value */
  STRIDE_CHART_TABLE_ROW_PER_DAY,      /* a row per local day */
  STRIDE_CHART_TABLE_ROW_PER_WEEK,     /* a row per week, from its first day */
  STRIDE_CHART_TABLE_ROW_PER_SAMPLE,   /* inside one activity: time since its start */
  STRIDE_CHART_TABLE_ROW_PER_MONTH,    /* a row per calendar month, from its first day */
} StrideChartTableRows;

GtkWidget     *stride_chart_table_new              (void);

/* How rows are made of the chart's points; @first_weekday is for weeks.
 * Takes effect at the next show. */
void           stride_chart_table_set_rows         (StrideChartTable          *self,
                                                    StrideChartTableRows       rows,
                                                    GDateWeekday               first_weekday);
/* Shows @contents (copied: the chart may go away after); @title names the
 * table for screen readers (NULL = the chart's own title). NULL contents
 * empty the table. */
void           stride_chart_table_show             (StrideChartTable          *self,
                                                    const StrideChartContents *contents,
                                                    const char                *title);
/* The chart @view shows, over its visible range. */
void           stride_chart_table_show_view        (StrideChartTable          *self,
                                                    StrideChartView           *view,
                                                    const char                *title);

/* The table as text, rows in the order shown (sorted). */
guint          stride_chart_table_get_n_rows       (StrideChartTable          *self);
guint          stride_chart_table_get_n_columns    (StrideChartTable          *self);
const char    *stride_chart_table_get_column_title (StrideChartTable          *self,
                                                    guint                      column);
/* The column titled @title, or -1. */
int            stride_chart_table_find_column      (StrideChartTable          *self,
                                                    const char                *title);
char          *stride_chart_table_get_cell         (StrideChartTable          *self,
                                                    guint                      row,
                                                    guint                      column)
               G_GNUC_WARN_UNUSED_RESULT;
/* The start of the row: the time of its point, or its day or week's
 * local midnight (Unix seconds). */
double         stride_chart_table_get_row_x        (StrideChartTable          *self,
                                                    guint                      row);
/* The row in words, as screen readers get it. */
char          *stride_chart_table_get_row_label    (StrideChartTable          *self,
                                                    guint                      row)
               G_GNUC_WARN_UNUSED_RESULT;
GtkColumnView *stride_chart_table_get_column_view  (StrideChartTable          *self);

/* A page's toggle between a chart and its table says what it does next:
 * "Show as Table" with a table icon, or "Show as Chart" (icon, tooltip and
 * accessible label). */
void           stride_chart_table_update_toggle    (GtkButton                 *button,
                                                    gboolean                   showing_table);

G_END_DECLS
