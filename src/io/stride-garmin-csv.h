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
 * reading an export CSV (',' ';' or tab separated, UTF-8 or Windows-1252),
 * finding columns by header name and parsing the numbers and durations
 * written there in either notation, decimal point or decimal comma. */

/* One export CSV read into memory: the header and the data rows, and what
 * the file showed about how it is written.
 *
 * The decimal mark: a value that can only be read one way shows it —
 * "10,02", "0,5", "1234,5" or "1.234,5" show ','; "10.02" or "1,234.5"
 * show '.'; "12.345.678" shows ','. When the values of a file show one mark
 * and never the other, that is the file's (decimal_mark_proven). When they
 * show neither, a ';' separated file takes ',' (that is why spreadsheets
 * write ';') and a ',' separated one '.', not proven; a tab separated one,
 * or one whose values show both, has none. */
typedef struct
{
  GPtrArray *header;                 /* (element-type utf8) */
  GPtrArray *rows;                   /* (element-type GPtrArray of utf8) */
  char       separator;              /* ',' ';' or '\t' */
  char       decimal_mark;           /* '.' or ',', or 0 when the file does not tell */
  gboolean   decimal_mark_proven;    /* shown by its values, not just by the separator */
  gboolean   windows_1252;           /* not UTF-8: read as Windows-1252 */
} StrideExportCsv;

/* How a value of an export reads. */
typedef enum
{
  STRIDE_EXPORT_VALUE_MISSING,       /* no text */
  STRIDE_EXPORT_VALUE_OK,
  STRIDE_EXPORT_VALUE_INVALID,       /* not a number (or not a duration) */
  STRIDE_EXPORT_VALUE_AMBIGUOUS,     /* "1.234": 1.234 or 1234, and the file does not say */
} StrideExportValue;

void             stride_export_csv_free        (StrideExportCsv  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideExportCsv, stride_export_csv_free)

/* Reads the whole of @data: RFC 4180 quoting, ',' ';' or tab separated
 * (see stride_csv_reader_new()), an optional UTF-8 BOM; text that is not
 * UTF-8 is read as Windows-1252 (->windows_1252 says so). Returns NULL
 * with a STRIDE_IMPORT_ERROR_MALFORMED error naming the line on broken
 * quoting or encoding, or STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT when there
 * is no header. */
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

/* A number as the file writes it: with either decimal mark where the value
 * shows which it is ("10,02", "1.234,5", "1,234.5", "0.5"), with thousands
 * separators ('.' ',' spaces, no-break spaces or apostrophes, in groups of
 * three) before it. A value whose only mark is followed by exactly three
 * digits ("1.234", "4,808") is read with the file's decimal mark when that
 * is the mark; as a thousands separator only when the file's values prove
 * the other one is the decimal mark; otherwise it is AMBIGUOUS. */
StrideExportValue stride_export_csv_number     (const StrideExportCsv *self,
                                                const char       *text,
                                                double           *value);
/* "hh:mm:ss" or "mm:ss", with a fraction of a second after '.' or ','
 * ("1:02:03,5"), or plain seconds read as stride_export_csv_number() does;
 * negative only as plain seconds. */
StrideExportValue stride_export_csv_duration   (const StrideExportCsv *self,
                                                const char       *text,
                                                double           *seconds);
/* Why @row cannot be read, for a skipped row, or NULL: it has more fields
 * than the header (a value with the separator in it that is not quoted, a
 * quote out of place), so its values may sit in the wrong columns; or the
 * value of one of @columns (n_columns of them, -1 for a missing one) is a
 * number or duration that is AMBIGUOUS ("Distance “1.234” is ambiguous:
 * …", named by its header). */
char            *stride_export_csv_check_row   (const StrideExportCsv *self,
                                                GPtrArray        *row,
                                                const gint       *columns,
                                                guint             n_columns);
/* A sentence about the whole file for the import's message ("the file is
 * not UTF-8; …"), or NULL. */
const char      *stride_export_csv_note        (const StrideExportCsv *self);

/* A number with a fixed notation: "4,808" (thousands separators), and
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
 * ("row 3: …"; rows are counted as in a spreadsheet, the header is row 1),
 * among them rows with an AMBIGUOUS number and rows with more fields than
 * the header. Dates carry no zone and are read in the machine's local time
 * zone. When the file was not UTF-8, the first activity's note says so.
 * Returns (transfer full) (element-type StrideParsedActivity), or NULL with
 * a STRIDE_IMPORT_ERROR: UNSUPPORTED when it is not Garmin's header,
 * MALFORMED on broken CSV, NOTHING_TO_IMPORT when it has no rows. */
GPtrArray       *stride_garmin_csv_parse       (const StrideExportCsv *csv,
                                                GPtrArray        *skipped,
                                                GCancellable     *cancellable,
                                                GError          **error);

G_END_DECLS
