/* stride-import-dialog.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STRIDE_TYPE_IMPORT_DIALOG (stride_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StrideImportDialog, stride_import_dialog,
                      STRIDE, IMPORT_DIALOG, AdwWindow)

/* Imports @files (element-type GFile: activity files, activity lists,
 * pytrainer databases and folders, read as stride_import_path() reads
 * them) into the journal at @journal_path, in a worker thread with a
 * connection of its own; each file is one transaction. It starts at once:
 * first it counts what is ahead, then it imports and shows its progress
 * (files, activities, megabytes). "Cancel", or closing the window, stops
 * after rolling back the file being imported. At the end it lists every
 * file with what became of it (imported, duplicate, skipped or error, with
 * the reason), problems first.
 *
 * Properties:
 *   "running" (gboolean): counting or importing.
 *   "files-done" (guint): files imported, found duplicate, skipped or
 *     failed so far; notified with each progress update.
 * Signals:
 *   "finished" (guint n_activities): the worker has stopped (done,
 *     cancelled or failed) and the journal may have changed; emitted once,
 *     also when the window was closed before. */
StrideImportDialog *stride_import_dialog_new         (GtkWindow          *parent,
                                                      const char         *journal_path,
                                                      GListModel         *files);

gboolean            stride_import_dialog_get_running (StrideImportDialog *self);
guint               stride_import_dialog_get_files_done (StrideImportDialog *self);
/* Stops the import; what was imported stays. */
void                stride_import_dialog_cancel      (StrideImportDialog *self);

G_END_DECLS
