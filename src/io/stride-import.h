/* stride-import.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-store.h"
#include "stride-track.h"

G_BEGIN_DECLS

/* Activity-file import: format detection, gzip, de-duplication and one
 * transaction per file. Nothing here keeps global state, so it can run in a
 * worker thread (with a store that is used only from that thread). */

typedef enum
{
  STRIDE_IMPORT_FORMAT_UNKNOWN,
  STRIDE_IMPORT_FORMAT_GPX,
  STRIDE_IMPORT_FORMAT_TCX,
  STRIDE_IMPORT_FORMAT_FIT,
} StrideImportFormat;

typedef enum
{
  STRIDE_IMPORT_STATUS_IMPORTED,     /* at least one activity written */
  STRIDE_IMPORT_STATUS_DUPLICATE,    /* everything in it is already in the journal */
  STRIDE_IMPORT_STATUS_SKIPPED,      /* nothing to import (routes, courses, other files) */
  STRIDE_IMPORT_STATUS_ERROR,        /* unreadable or broken; nothing written */
} StrideImportStatus;

typedef struct
{
  StrideImportStatus  status;
  guint               n_activities;  /* written by this import */
  gint64              activity_id;   /* the first one written, or the one it duplicates; 0 = none */
  char               *message;       /* one line: the reason, or what was noted */
  guint               n_duplicates;  /* activities found already in the journal */
  guint               n_skipped;     /* rows of an activity list left out (see message) */
} StrideImportResult;

/* Two activities of one sport starting this close are the same one. */
#define STRIDE_IMPORT_DUPLICATE_WINDOW_S 60

void               stride_import_result_clear     (StrideImportResult  *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StrideImportResult, stride_import_result_clear)

/* "imported", "duplicate", "skipped", "error". */
const char        *stride_import_status_to_string (StrideImportStatus   status);

/* By extension, case-insensitive: .gpx, .tcx, .fit, each optionally
 * followed by .gz (*@compressed is then TRUE). */
StrideImportFormat stride_import_detect_format    (const char          *filename,
                                                   gboolean            *compressed);

/* Parses a whole file's bytes (gzip data is recognised by its magic and
 * decompressed while streaming). Returns (transfer full) (element-type
 * StrideParsedActivity), or NULL with a STRIDE_IMPORT_ERROR. */
GPtrArray         *stride_import_parse_bytes      (GBytes              *data,
                                                   StrideImportFormat   format,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
/* Reads, detects and parses one file without touching a store. */
GPtrArray         *stride_import_parse_file       (GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

/* Imports one file in one transaction: all of its activities or none.
 * A .csv file is an activity list: Garmin Connect's Activities.csv, or a
 * Strava export's activities.csv (with the activity files it names, looked
 * up next to it); each row is an activity, de-duplicated like a file's, and
 * rows that cannot be read are left out, counted in n_skipped and listed
 * in the message ("row 3: …").
 * An SQLite database (by its header, whatever its name) is read as a
 * pytrainer database (stride-pytrainer.h), opened read-only: its equipment
 * becomes shoes (one of the same name already in the journal is reused)
 * and its records activities, de-duplicated and with skipped records
 * listed like rows ("record 7: …"); a file named .sqlite, .sqlite3, .db or
 * .ddbb that is not SQLite is an ERROR, and a database with nothing in it
 * is SKIPPED.
 * The file's SHA-256 becomes each activity's source_hash; a file whose hash
 * is known, or whose activities all have a same-sport activity starting
 * within STRIDE_IMPORT_DUPLICATE_WINDOW_S, is a DUPLICATE. @result must be
 * zero-filled or previously used; it is always filled. Returns FALSE with
 * @error (and status ERROR) when the file could not be imported; SKIPPED
 * and DUPLICATE return TRUE. */
gboolean           stride_import_file             (StrideStore         *store,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   StrideImportResult  *result,
                                                   GError             **error);

typedef void (*StrideImportFileFunc) (GFile                    *file,
                                      const StrideImportResult *result,
                                      gpointer                  user_data);

/* Imports @path: a file, or every file below a directory (recursively,
 * sorted by name, hidden files and symlinked directories left out). A
 * directory holding a Strava activities.csv is a Strava export: that file
 * is imported first, and the activity files it names are not imported again
 * by the walk; other .csv files in a walk are skipped. @func
 * is called once per file with its result; files of other types found in
 * a directory are reported as SKIPPED, an explicitly named one as ERROR.
 * Returns FALSE only when cancelled (the file being imported is then rolled
 * back and not reported). */
gboolean           stride_import_path             (StrideStore         *store,
                                                   GFile               *path,
                                                   StrideImportFileFunc func,
                                                   gpointer             user_data,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

/* @size: the bytes importing @file reads (for a Strava activities.csv,
 * with the activity files it names); 0 when it cannot be read. */
typedef void (*StrideImportScanFunc) (GFile                    *file,
                                      guint64                   size,
                                      gpointer                  user_data);

/* Walks @path exactly as stride_import_path() would, without importing:
 * @func is called once for each file that stride_import_path() would
 * report, in the same order (a folder or path that cannot be read counts
 * as one). For progress: how many files, and how many bytes, are ahead.
 * Returns FALSE only when cancelled. */
gboolean           stride_import_scan_path        (GFile               *path,
                                                   StrideImportScanFunc func,
                                                   gpointer             user_data,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

G_END_DECLS
