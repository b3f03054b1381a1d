/* stride-plan-io.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-ics.h"
#include "stride-store.h"

G_BEGIN_DECLS

/* iCalendar export and import of the plan (issue 5, item 6): the file
 * choosers, the import report and the one-transaction write, on top of
 * stride-ics.h. The Plan page calls the two dialog functions from its
 * menu; the command line (--export-ics) and the tests use the rest. */

/* Called exactly once when an import ends: @n_imported entries were
 * written (0 when the user cancelled, or on an error, which was shown). */
typedef void (*StridePlanIoImportDone) (guint     n_imported,
                                        gpointer  user_data);

/* Plan entries dated @from_day or later and the races from @from_day on,
 * written to @file as one calendar (atomically, see
 * stride_ics_export_file()). @n_events (optional) receives the number of
 * VEVENTs written. Small and fast: the caller's thread is fine. */
gboolean   stride_plan_io_write_ics             (StrideStore            *store,
                                                 guint32                 from_day,
                                                 GFile                  *file,
                                                 guint                  *n_events,
                                                 GError                **error);

/* Asks where to save ("training-plan.ics", *.ics filter), writes with
 * stride_plan_io_write_ics() on the main thread and says so in a toast of
 * @parent's AdwToastOverlay; a failure shows an error dialog. */
void       stride_plan_io_export_ics            (GtkWindow              *parent,
                                                 StrideStore            *store,
                                                 guint32                 from_day);

/* Asks for an .ics file, then stride_plan_io_import_ics_file(). @done
 * (may be NULL) is called once at the end. */
void       stride_plan_io_import_ics            (GtkWindow              *parent,
                                                 StrideStore            *store,
                                                 StridePlanIoImportDone  done,
                                                 gpointer                user_data);

/* Reads @file in a worker thread, then shows the report dialog (see
 * stride_plan_io_report_dialog_new()): "Import N Events" writes the
 * importable entries in one transaction, "Cancel" writes nothing. A file
 * that is not iCalendar or cannot be read gets an error dialog instead. */
void       stride_plan_io_import_ics_file       (GtkWindow              *parent,
                                                 StrideStore            *store,
                                                 GFile                  *file,
                                                 StridePlanIoImportDone  done,
                                                 gpointer                user_data);

/* The report, in words (translated):
 * heading  "Import 5 Events?" / "Nothing to Import";
 * body     "5 events can be imported into the plan." or
 *          "3 events can be imported; 2 skipped:";
 * lines    one per skipped event, "“Tempo” (event 3): it has no start
 *          date", then the notes of the file. */
char      *stride_plan_io_report_heading        (const StrideIcsImport  *import) G_GNUC_WARN_UNUSED_RESULT;
char      *stride_plan_io_report_body           (const StrideIcsImport  *import) G_GNUC_WARN_UNUSED_RESULT;
GStrv      stride_plan_io_report_lines          (const StrideIcsImport  *import) G_GNUC_WARN_UNUSED_RESULT;
/* The reason alone: "it has no start date". */
const char *stride_plan_io_skip_reason_text     (StrideIcsSkipReason     reason);

/* Leaves out of @import the entries the plan already holds (see
 * stride_plan_entry_same_plan()), counting them in n_already_planned:
 * importing the same calendar twice adds nothing the second time. */
gboolean   stride_plan_io_leave_out_planned     (StrideStore            *store,
                                                 StrideIcsImport        *import,
                                                 GError                **error);

/* Writes every entry of @import in one transaction: all of them or, on an
 * error, none. */
gboolean   stride_plan_io_import_entries        (StrideStore            *store,
                                                 const StrideIcsImport  *import,
                                                 GError                **error);

/* The report dialog (not yet shown), with the responses "cancel" and
 * "import" ("close" only when nothing can be imported) and the skipped
 * events as a list in its extra child. Exposed for tests. */
GtkWidget *stride_plan_io_report_dialog_new     (GtkWindow              *parent,
                                                 const StrideIcsImport  *import);

G_END_DECLS
