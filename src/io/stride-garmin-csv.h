/* stride-garmin-csv.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-track.h"

G_BEGIN_DECLS

/* The activity list that Garmin Connect exports ("Export CSV" on the
 * Activities page, Activities.csv): one row per activity, with its totals
 * but no track. Also the helpers shared with the Strava export reader:
 * reading an export CSV (',' or ';' separated), finding columns by header
 * name and parsing the numbers and durations written there. */

/* One export CSV read into memory: the header and the data rows. */
typedef struct
{
  GPtrArray *header;                 /* (element-type utf8) */
  GPtrArray *rows;                   /* (element-type GPtrArray of utf8) */
  gboolean   semicolons;             /* ';' separated: ',' is a decimal mark */
} StrideExportCsv;

void             stride_export_csv_free        (StrideExportCsv  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideExportCsv, stride_export_csv_free)

/* Reads the whole of @data (UTF-8, optional BOM, RFC 4180 quoting, ',' or
 * — decided from the header line — ';' separated). Returns NULL with a
 * STRIDE_IMPORT_ERROR_MALFORMED error on broken quoting or encoding, or
 * STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT when there is no header. */
StrideExportCsv *stride_export_csv_read        (GBytes           *data,
                                                GCancellable     *cancellable,
                                                GError          **error);
/* The index of the @nth (0-based) column called @name (compared without
 * surrounding spaces, case-insensitively), or -1. */
gint             stride_export_csv_column      (const StrideExportCsv *self,
                                                const char       *name,
                                                guint             nth);
/* The value of @column in @row with surrounding spaces removed; NULL when
 * the column is missing, the field empty, or Garmin's "--". */
const char      *stride_export_csv_value       (GPtrArray        *row,
                                                gint              column);

/* A number as written in an export: "4,808" (thousands separators), and
 * with @decimal_comma "5,48" or "1.234,5". FALSE when it is not one. */
gboolean         stride_export_parse_number    (const char       *text,
                                                gboolean          decimal_comma,
                                                double           *value);
/* "hh:mm:ss", "mm:ss" or either with a fraction ("00:02:15.3"), or plain
 * seconds; the result may be negative only for plain seconds. */
gboolean         stride_export_parse_duration  (const char       *text,
                                                double           *seconds);

/* Whether @header (element-type utf8) is the header of Garmin Connect's
 * activity list: it has "Activity Type", "Date", "Distance" and "Time". */
gboolean         stride_garmin_csv_is_header   (GPtrArray        *header);

/* Reads Garmin Connect's activity list. Each good row becomes an activity
 * (no points, no laps); every row left out adds one line to @skipped
 * ("row 3: …"; rows are counted as in a spreadsheet, the header is row 1).
 * Dates carry no zone and are read in the machine's local time zone.
 * Returns (transfer full) (element-type StrideParsedActivity), or NULL with
 * a STRIDE_IMPORT_ERROR: UNSUPPORTED when it is not Garmin's header,
 * MALFORMED on broken CSV, NOTHING_TO_IMPORT when it has no rows. */
GPtrArray       *stride_garmin_csv_parse       (const StrideExportCsv *csv,
                                                GPtrArray        *skipped,
                                                GCancellable     *cancellable,
                                                GError          **error);

G_END_DECLS
