/* stride-csv-import.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-store.h"

G_BEGIN_DECLS

/* Restoring a folder written by stride_csv_export_dir() (the format of
 * docs/csv-format.md). */

#define STRIDE_CSV_IMPORT_ERROR (stride_csv_import_error_quark ())

typedef enum
{
  STRIDE_CSV_IMPORT_ERROR_NOT_AN_EXPORT,  /* no marker, or one of another format */
  STRIDE_CSV_IMPORT_ERROR_VERSION,        /* a format or schema version this build cannot restore */
  STRIDE_CSV_IMPORT_ERROR_FILES,          /* a table file unknown or missing */
  STRIDE_CSV_IMPORT_ERROR_MALFORMED,      /* a file without header, a row of the wrong length */
} StrideCsvImportError;

GQuark   stride_csv_import_error_quark   (void);

/* TRUE when @dir holds the export marker (STRIDE_CSV_EXPORT_MARKER) or a
 * TABLE.csv for every table of the journal (an export without marker is
 * still recognised, so that restoring it says why it cannot be). Only
 * names are looked at. @n_bytes (may be NULL) then gets the size of its
 * .csv files, for progress. */
gboolean stride_csv_import_is_export_dir (GFile         *dir,
                                          guint64       *n_bytes,
                                          GCancellable  *cancellable);

/* Restores every table of the export in @dir into @store in one
 * transaction, ids kept, so the journal ends up holding exactly what was
 * exported, or — on any error — nothing of it. Only an empty journal can
 * be restored into (one that holds nothing but what a new journal starts
 * with): else STRIDE_STORE_RESTORE_ERROR_NOT_EMPTY. The marker's format
 * and schema version must be the ones of this build and of @store; every
 * table must have its file, and no other .csv file may be there. Errors
 * about the content name the file, the line and the column, like
 * "activity.csv line 12, column avg_hr: “abc” is not a whole number"; they
 * keep the domain of their cause (STRIDE_STORE_RESTORE_ERROR for values,
 * STRIDE_CSV_ERROR for broken CSV, STRIDE_CSV_IMPORT_ERROR for the rest). */
gboolean stride_csv_import_dir           (StrideStore   *store,
                                          GFile         *dir,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
