/* stride-strava.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-garmin-csv.h"
#include "stride-track.h"

G_BEGIN_DECLS

/* Strava's bulk export ("Download your data"), unzipped: a folder with
 * activities.csv — one row per activity, 100-odd columns, some names twice
 * (first in the athlete's display units, then in SI units) — and the
 * activity files it names in its "Filename" column (activities/123.fit.gz,
 * .gpx, .tcx…). */

#define STRIDE_STRAVA_ACTIVITIES_CSV "activities.csv"

/* Whether @header (element-type utf8) is that of Strava's activities.csv:
 * it has "Activity ID", "Activity Date" and "Activity Type". */
gboolean   stride_strava_is_header  (GPtrArray              *header);

/* Adds to @paths (a set of local paths) every file named by @csv that is
 * inside @folder, whether it exists or not. */
void       stride_strava_list_files (const StrideExportCsv  *csv,
                                     GFile                  *folder,
                                     GHashTable             *paths);

/* Reads the rows of activities.csv. A row whose activity file exists in
 * @folder and can be read takes its times, totals, points and laps from
 * that file (its SHA-256 becomes the source_hash) and its name, type, run
 * type, effort and notes from the row; otherwise the row's own totals are
 * used (the dates are UTC). A row without a usable date, with absurd
 * totals (negative moving time, elapsed over 72 h), with a number that is
 * ambiguous or with more fields than the header (see
 * stride_export_csv_check_row()) is left out with a line in @skipped
 * ("row 556: …"; the header is row 1). *@note (may be NULL) gets a
 * sentence about files that were missing or unreadable, and about text
 * that was not UTF-8.
 * Returns (transfer full) (element-type StrideParsedActivity), or NULL with
 * a STRIDE_IMPORT_ERROR. */
GPtrArray *stride_strava_parse      (const StrideExportCsv  *csv,
                                     GFile                  *folder,
                                     GPtrArray              *skipped,
                                     char                  **note,
                                     GCancellable           *cancellable,
                                     GError                **error);

G_END_DECLS
