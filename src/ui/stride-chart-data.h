/* stride-chart-data.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "stride-chart.h"
#include "stride-store.h"
#include "stride-units.h"

G_BEGIN_DECLS

/* Builds the charts of the Charts page from the store. No GTK here: the
 * page (in a worker thread) and the command line share it. */

typedef enum
{
  STRIDE_CHART_KIND_PACE,      /* pace per run, by run type, with rolling means */
  STRIDE_CHART_KIND_RUN,       /* pace and heart rate inside one run */
  STRIDE_CHART_KIND_VOLUME,    /* weekly distance and strength minutes, planned vs done */
  STRIDE_CHART_KIND_LOAD,      /* daily load, EWMA acute/chronic, their ratio */
  STRIDE_CHART_KIND_HQ,        /* H:Q per leg and method, the method's band, pain and races */
  STRIDE_CHART_KIND_LSI,       /* left/right symmetry per test, the 90 % line */
  STRIDE_N_CHART_KINDS,
} StrideChartKind;

/* Runs of one type averaged by the pace chart's lines. */
#define STRIDE_CHART_PACE_WINDOW 5

typedef struct
{
  StrideChartKind   kind;
  guint32           from;            /* local Julian day; 0 = from the first entry */
  guint32           to;              /* local Julian day; 0 = today */
  gint64            activity_id;     /* RUN: 0 = the latest run with a track */
  StrideUnitSystem  distance_units;
  StrideUnitSystem  pace_units;
  GDateWeekday      first_weekday;   /* VOLUME */
  /* LSI: NULL = the LSI of every test and exercise; a test id (or
   * "exercise:<key>") = that one's left and right values and its LSI. */
  const char       *lsi_test;
  int               utc_offset_s;    /* local time = UTC + this */
} StrideChartRequest;

/* What went into a chart, for the page, tests and the base zoom range. */
typedef struct
{
  guint   n_series;
  guint   n_points;                  /* in range, over every series */
  double  x_from;                    /* the requested range, Unix seconds */
  double  x_to;
  gint64  activity_id;               /* RUN: the run shown, 0 = none */
  gboolean by_month;                 /* VOLUME: per month, not per week */
} StrideChartInfo;

void               stride_chart_request_init     (StrideChartRequest     *request,
                                                  StrideChartKind         kind);

/* The names of the command line (--chart NAME), NULL-terminated. */
const char *const *stride_chart_kind_list_ids    (void);
gboolean           stride_chart_kind_from_id     (const char             *id,
                                                  StrideChartKind        *kind);
const char        *stride_chart_kind_to_id       (StrideChartKind         kind);
const char        *stride_chart_kind_get_title   (StrideChartKind         kind);

/* A new chart for @request (never NULL unless the store fails); an empty
 * journal gives a chart that draws its empty text. */
StrideChart       *stride_chart_data_build       (StrideStore            *store,
                                                  const StrideChartRequest *request,
                                                  StrideChartInfo        *info,
                                                  GError                **error)
                   G_GNUC_WARN_UNUSED_RESULT;

/* TRUE when the journal holds at least one run. */
gboolean           stride_chart_data_has_runs    (StrideStore            *store,
                                                  gboolean               *has_runs,
                                                  GError                **error);

/* The most recent runs that have track points, newest first: a GArray of
 * StrideRunSummary with at most @max entries. */
GArray            *stride_chart_data_list_tracked_runs (StrideStore      *store,
                                                        guint             max,
                                                        GError          **error);

/* The chart colours of the app: the engine's preset for the variant, with
 * the series colours of the libadwaita palette (and lighter "planned"
 * variants at 6 and 7). Clear with stride_chart_style_clear(). */
void               stride_chart_data_style_init  (StrideChartStyle       *style,
                                                  gboolean                dark,
                                                  gboolean                high_contrast);

/* Julian day <-> Unix seconds of its local midnight. */
gint64             stride_chart_data_day_start   (guint32                 julian,
                                                  int                     utc_offset_s);

/* Strictly YYYY-MM-DD; FALSE for anything else or a date that does not
 * exist. */
gboolean           stride_chart_data_parse_date  (const char             *text,
                                                  guint32                *julian);

G_END_DECLS
