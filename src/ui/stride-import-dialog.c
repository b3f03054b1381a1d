/* stride-import-dialog.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "stride-import-dialog.h"
#include "stride-import.h"
#include "stride-store.h"

/* The worker only writes a snapshot; the main thread shows it at most this
 * often, so thousands of tiny files don't flood the main loop. */
#define UPDATE_INTERVAL_MS 50

#define BYTES_PER_MB 1e6

/* The report lists this many files, problems first, and counts the rest
 * in one row: GtkListBox lays out every row, and thousands of them take
 * seconds. */
#define MAX_REPORT_ROWS 100

typedef enum
{
  PHASE_COUNTING,
  PHASE_IMPORTING,
} ImportPhase;

/* What the progress page shows; written by the worker under the lock. */
typedef struct
{
  ImportPhase  phase;
  guint        files_total;
  guint        files_done;
  guint        activities;
  guint64      bytes_total;
  guint64      bytes_done;
  char        *current;        /* the name of the file being imported */
} Progress;

/* One file's line in the report. */
typedef struct
{
  char               *name;
  char               *path;
  StrideImportStatus  status;
  char               *message;
  guint               n_activities;
  guint               order;
} ReportEntry;

/* The worker's own data; the main thread reads it only once the worker
 * has returned. */
typedef struct
{
  StrideImportDialog *dialog;   /* kept alive by the task */
  char               *journal_path;
  GPtrArray          *inputs;   /* GFile */
  GPtrArray          *order;    /* GFile, as the scan found them */
  GHashTable         *sizes;    /* GFile → guint64 *, bytes its import reads */
  GPtrArray          *entries;  /* ReportEntry, as reported */
  Progress            progress;
} ImportJob;

struct _StrideImportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkButton       *cancel_button;
  GtkWidget       *done_button;
  GtkStack        *stack;
  AdwStatusPage   *progress_page;
  GtkProgressBar  *progress_bar;
  GtkLabel        *progress_label;
  GtkLabel        *current_label;
  GtkImage        *report_icon;
  GtkLabel        *report_title;
  GtkLabel        *summary_label;
  GtkLabel        *detail_label;
  GtkListBox      *report_list;

  GCancellable    *cancellable;
  GApplication    *held_application;   /* while the worker runs */
  guint            update_source;

  /* Shared with the worker */
  GMutex           lock;
  Progress         shared;
  guint            generation;     /* bumped with each change of shared */

  /* Main thread */
  guint            shown_generation;
  ImportPhase      shown_phase;
  guint            files_done;
  guint            running : 1;
  guint            close_when_stopped : 1;
  guint            disposed : 1;
};

G_DEFINE_FINAL_TYPE (StrideImportDialog, stride_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_FILES_DONE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
report_entry_free (gpointer data)
{
  ReportEntry *entry = data;

  g_free (entry->name);
  g_free (entry->path);
  g_free (entry->message);
  g_free (entry);
}

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->journal_path);
  g_ptr_array_unref (job->inputs);
  g_ptr_array_unref (job->order);
  g_hash_table_unref (job->sizes);
  g_ptr_array_unref (job->entries);
  g_free (job->progress.current);
  g_free (job);
}

/* Progress text */

static char *
format_megabytes (guint64 done,
                  guint64 total)
{
  /* Translators: bytes read of the bytes to import, in megabytes */
  return g_strdup_printf (_("%.1f of %.1f MB"), done / BYTES_PER_MB, total / BYTES_PER_MB);
}

/* "12 of 240 files · 37 activities · 4.1 of 18.3 MB" */
static char *
format_progress (const Progress *progress)
{
  g_autofree char *files = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *size = NULL;

  if (progress->phase == PHASE_COUNTING)
    {
      files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file found", "%u files found",
                                            progress->files_total),
                               progress->files_total);
      size = g_strdup_printf (_("%.1f MB"), progress->bytes_total / BYTES_PER_MB);
      /* Translators: "3 files found · 1.2 MB" */
      return g_strdup_printf (_("%s · %s"), files, size);
    }

  files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file", "%u of %u files",
                                        progress->files_total),
                           progress->files_done, progress->files_total);
  activities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities",
                                             progress->activities),
                                progress->activities);
  size = format_megabytes (progress->bytes_done, progress->bytes_total);
  /* Translators: "12 of 240 files · 37 activities · 4.1 of 18.3 MB" */
  return g_strdup_printf (_("%s · %s · %s"), files, activities, size);
}

static void
set_files_done (StrideImportDialog *self,
                guint               files_done)
{
  if (self->files_done == files_done)
    return;

  self->files_done = files_done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILES_DONE]);
}

static void
show_progress (StrideImportDialog *self,
               const Progress     *progress)
{
  g_autofree char *text = format_progress (progress);

  gtk_label_set_text (self->progress_label, text);

  if (progress->phase == PHASE_COUNTING)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      return;
    }

  if (!g_cancellable_is_cancelled (self->cancellable))
    adw_status_page_set_title (self->progress_page, _("Importing Activities…"));
  gtk_label_set_text (self->current_label, progress->current != NULL ? progress->current : "");
  if (progress->bytes_total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   MIN (1.0, (double) progress->bytes_done / progress->bytes_total));
  else if (progress->files_total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   (double) progress->files_done / progress->files_total);
  set_files_done (self, progress->files_done);
}

static gboolean
update_cb (gpointer user_data)
{
  StrideImportDialog *self = user_data;
  Progress progress = { 0, };
  gboolean changed;

  g_mutex_lock (&self->lock);
  changed = self->generation != self->shown_generation;
  if (changed)
    {
      progress = self->shared;
      progress.current = g_strdup (self->shared.current);
      self->shown_generation = self->generation;
    }
  g_mutex_unlock (&self->lock);

  if (changed)
    {
      self->shown_phase = progress.phase;
      show_progress (self, &progress);
    }
  else if (self->shown_phase == PHASE_COUNTING)
    {
      /* Still looking: the bar moves to show that something happens. */
      gtk_progress_bar_pulse (self->progress_bar);
    }

  g_free (progress.current);
  return G_SOURCE_CONTINUE;
}

/* Worker thread */

/* Hands the worker's counts to the main thread. */
static void
publish (ImportJob *job)
{
  StrideImportDialog *self = job->dialog;

  g_mutex_lock (&self->lock);
  g_free (self->shared.current);
  self->shared = job->progress;
  self->shared.current = g_strdup (job->progress.current);
  self->generation++;
  g_mutex_unlock (&self->lock);
}

static void
scan_cb (GFile    *file,
         guint64   size,
         gpointer  user_data)
{
  ImportJob *job = user_data;

  g_ptr_array_add (job->order, g_object_ref (file));
  g_hash_table_replace (job->sizes, g_object_ref (file), g_memdup2 (&size, sizeof size));
  job->progress.files_total++;
  job->progress.bytes_total += size;
  publish (job);
}

/* The file the import reads next, as the scan found them. */
static void
set_current (ImportJob *job)
{
  GFile *next = NULL;

  g_clear_pointer (&job->progress.current, g_free);
  if (job->progress.files_done < job->order->len)
    next = g_ptr_array_index (job->order, job->progress.files_done);
  if (next != NULL)
    job->progress.current = g_file_get_basename (next);
}

static void
file_done_cb (GFile                    *file,
              const StrideImportResult *result,
              gpointer                  user_data)
{
  ImportJob *job = user_data;
  ReportEntry *entry = g_new0 (ReportEntry, 1);
  const guint64 *size = g_hash_table_lookup (job->sizes, file);

  entry->name = g_file_get_basename (file);
  entry->path = g_file_get_parse_name (file);
  entry->status = result->status;
  entry->message = g_strdup (result->message);
  entry->n_activities = result->n_activities;
  entry->order = job->entries->len;
  g_ptr_array_add (job->entries, entry);

  job->progress.files_done++;
  /* A folder that changed since it was counted. */
  job->progress.files_total = MAX (job->progress.files_total, job->progress.files_done);
  job->progress.activities += result->n_activities;
  if (size != NULL)
    job->progress.bytes_done += *size;
  set_current (job);
  publish (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(StrideStore) store = NULL;
  GError *error = NULL;

  for (guint i = 0; i < job->inputs->len; i++)
    {
      if (!stride_import_scan_path (g_ptr_array_index (job->inputs, i), scan_cb, job,
                                    cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  job->progress.phase = PHASE_IMPORTING;
  set_current (job);
  publish (job);

  /* A connection of its own: the window keeps reading on the main thread
   * while this one writes, exactly like a second process would. */
  store = stride_store_open (job->journal_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (stride_store_is_read_only (store))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_READ_ONLY, "%s",
                               stride_store_get_read_only_reason (store));
      return;
    }

  for (guint i = 0; i < job->inputs->len; i++)
    {
      if (!stride_import_path (store, g_ptr_array_index (job->inputs, i), file_done_cb, job,
                               cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

/* Report */

static const char *
status_word (StrideImportStatus status)
{
  switch (status)
    {
    case STRIDE_IMPORT_STATUS_IMPORTED:
      return _("Imported");
    case STRIDE_IMPORT_STATUS_DUPLICATE:
      return _("Duplicate");
    case STRIDE_IMPORT_STATUS_SKIPPED:
      return _("Skipped");
    case STRIDE_IMPORT_STATUS_ERROR:
    default:
      return _("Error");
    }
}

static const char *
status_icon (StrideImportStatus status)
{
  switch (status)
    {
    case STRIDE_IMPORT_STATUS_IMPORTED:
      return "emblem-ok-symbolic";
    case STRIDE_IMPORT_STATUS_DUPLICATE:
      return "edit-copy-symbolic";
    case STRIDE_IMPORT_STATUS_SKIPPED:
      return "action-unavailable-symbolic";
    case STRIDE_IMPORT_STATUS_ERROR:
    default:
      return "dialog-error-symbolic";
    }
}

static const char *
status_style (StrideImportStatus status)
{
  switch (status)
    {
    case STRIDE_IMPORT_STATUS_IMPORTED:
      return "success";
    case STRIDE_IMPORT_STATUS_DUPLICATE:
      return "dim-label";
    case STRIDE_IMPORT_STATUS_SKIPPED:
      return "warning";
    case STRIDE_IMPORT_STATUS_ERROR:
    default:
      return "error";
    }
}

/* Problems first: errors, skipped, duplicates, then imported files; each
 * group in the order the files were read. */
static int
status_rank (StrideImportStatus status)
{
  switch (status)
    {
    case STRIDE_IMPORT_STATUS_ERROR:
      return 0;
    case STRIDE_IMPORT_STATUS_SKIPPED:
      return 1;
    case STRIDE_IMPORT_STATUS_DUPLICATE:
      return 2;
    case STRIDE_IMPORT_STATUS_IMPORTED:
    default:
      return 3;
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ReportEntry *ea = *(const ReportEntry **) a;
  const ReportEntry *eb = *(const ReportEntry **) b;
  int rank = status_rank (ea->status) - status_rank (eb->status);

  if (rank != 0)
    return rank;
  return ea->order < eb->order ? -1 : ea->order > eb->order;
}

/* "Imported — 3 activities; 2 rows skipped: …": the importer's message
 * starts with its own count ("Imported 3 activities"), and what it noted
 * besides follows after "; ". */
static char *
imported_reason (const ReportEntry *entry)
{
  g_autofree char *count = NULL;
  const char *notes = entry->message != NULL ? strstr (entry->message, "; ") : NULL;

  if (entry->n_activities == 0)
    return g_strdup (entry->message != NULL ? entry->message : "");

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities",
                                        entry->n_activities),
                           entry->n_activities);
  return notes != NULL ? g_strconcat (count, notes, NULL) : g_steal_pointer (&count);
}

static GtkWidget *
create_report_row (const ReportEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (status_icon (entry->status));
  g_autofree char *reason = NULL;
  g_autofree char *subtitle = NULL;

  if (entry->status == STRIDE_IMPORT_STATUS_IMPORTED)
    reason = imported_reason (entry);
  else
    reason = g_strdup (entry->message != NULL ? entry->message : _("No reason given"));

  /* Translators: a file's line in the import report: "Error — Truncated
   * file", "Imported — 3 activities" */
  subtitle = g_strdup_printf (_("%s — %s"), status_word (entry->status), reason);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, entry->path);

  /* The shape and the word carry the status, the colour only adds to it. */
  gtk_widget_add_css_class (icon, status_style (entry->status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status_word (entry->status),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

/* "2 files imported · 1 duplicate · 1 skipped · 1 error" for the
 * entries from @start on; without @zeros, only the counts above zero. */
static char *
format_counts (GPtrArray *entries,
               guint      start,
               gboolean   zeros)
{
  guint counts[STRIDE_IMPORT_STATUS_ERROR + 1] = { 0, };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = start; i < entries->len; i++)
    {
      const ReportEntry *entry = g_ptr_array_index (entries, i);

      counts[entry->status]++;
    }

  if (zeros || counts[STRIDE_IMPORT_STATUS_IMPORTED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file imported",
                                                          "%u files imported",
                                                          counts[STRIDE_IMPORT_STATUS_IMPORTED]),
                                             counts[STRIDE_IMPORT_STATUS_IMPORTED]));
  if (zeros || counts[STRIDE_IMPORT_STATUS_DUPLICATE] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u duplicate",
                                                          "%u duplicates",
                                                          counts[STRIDE_IMPORT_STATUS_DUPLICATE]),
                                             counts[STRIDE_IMPORT_STATUS_DUPLICATE]));
  if (zeros || counts[STRIDE_IMPORT_STATUS_SKIPPED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped",
                                                          "%u skipped",
                                                          counts[STRIDE_IMPORT_STATUS_SKIPPED]),
                                             counts[STRIDE_IMPORT_STATUS_SKIPPED]));
  if (zeros || counts[STRIDE_IMPORT_STATUS_ERROR] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error",
                                                          "%u errors",
                                                          counts[STRIDE_IMPORT_STATUS_ERROR]),
                                             counts[STRIDE_IMPORT_STATUS_ERROR]));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the counts of the import report,
   * "2 files imported · 1 duplicate · 1 skipped · 1 error" */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* The row that stands for the files beyond MAX_REPORT_ROWS. */
static GtkWidget *
create_more_row (GPtrArray *sorted)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("view-more-horizontal-symbolic");
  guint n_more = sorted->len - MAX_REPORT_ROWS;
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more file",
                                                         "%u more files", n_more),
                                            n_more);
  g_autofree char *subtitle = format_counts (sorted, MAX_REPORT_ROWS, FALSE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More files"), -1);
  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static guint
count_activities (GPtrArray *entries)
{
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    n += ((const ReportEntry *) g_ptr_array_index (entries, i))->n_activities;

  return n;
}

static gboolean
has_errors (GPtrArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      if (((const ReportEntry *) g_ptr_array_index (entries, i))->status
          == STRIDE_IMPORT_STATUS_ERROR)
        return TRUE;
    }

  return FALSE;
}

static void
set_report_heading (StrideImportDialog *self,
                    const char         *icon_name,
                    const char         *style,
                    const char         *title)
{
  gtk_image_set_from_icon_name (self->report_icon, icon_name);
  gtk_widget_add_css_class (GTK_WIDGET (self->report_icon), style);
  gtk_label_set_text (self->report_title, title);
}

static void
show_detail (StrideImportDialog *self,
             const char         *text)
{
  gtk_label_set_text (self->detail_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), TRUE);
}

static void
show_report (StrideImportDialog *self,
             ImportJob          *job,
             const GError       *error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (job->entries, NULL, NULL);
  g_autofree char *summary = format_counts (job->entries, 0, TRUE);
  guint n_activities = count_activities (job->entries);
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  if (cancelled)
    {
      g_autofree char *detail = NULL;

      set_report_heading (self, "process-stop-symbolic", "warning", _("Import Cancelled"));
      if (job->progress.phase == PHASE_COUNTING)
        detail = g_strdup (_("Stopped while looking for files: nothing was imported."));
      else
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Stopped after %u of %u file. The file being "
                                               "imported was rolled back; the rest were not "
                                               "read.",
                                               "Stopped after %u of %u files. The file being "
                                               "imported was rolled back; the rest were not "
                                               "read.",
                                               job->progress.files_total),
                                  job->progress.files_done, job->progress.files_total);
      show_detail (self, detail);
    }
  else if (error != NULL)
    {
      set_report_heading (self, "dialog-error-symbolic", "error", _("Import Failed"));
      show_detail (self, error->message);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u Activity Imported",
                                                             "%u Activities Imported",
                                                             n_activities),
                                                n_activities);

      if (has_errors (job->entries))
        set_report_heading (self, "dialog-warning-symbolic", "warning", title);
      else
        set_report_heading (self, "emblem-ok-symbolic", "success", title);
      if (job->entries->len == 0)
        show_detail (self, _("No files to import were found."));
    }

  gtk_label_set_text (self->summary_label, summary);

  /* The copy borrows the entries (it would free them otherwise). */
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_entries);
  for (guint i = 0; i < MIN (sorted->len, MAX_REPORT_ROWS); i++)
    gtk_list_box_append (self->report_list, create_report_row (g_ptr_array_index (sorted, i)));
  if (sorted->len > MAX_REPORT_ROWS)
    gtk_list_box_append (self->report_list, create_more_row (sorted));
  gtk_widget_set_visible (GTK_WIDGET (self->report_list), sorted->len > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (self->done_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "report");
  gtk_widget_grab_focus (self->done_button);
}

static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  StrideImportDialog *self = STRIDE_IMPORT_DIALOG (source_object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_handle_id (&self->update_source, g_source_remove);
  self->running = FALSE;
  if (self->held_application != NULL)
    g_application_release (self->held_application);
  g_clear_object (&self->held_application);
  if (self->disposed)
    return;

  set_files_done (self, job->progress.files_done);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[FINISHED], 0, count_activities (job->entries));

  if (self->close_when_stopped)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    show_report (self, job, error);
}

static void
start_import (StrideImportDialog *self,
              const char         *journal_path,
              GListModel         *files)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);

  job->dialog = self;
  job->journal_path = g_strdup (journal_path);
  job->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (job->inputs, g_list_model_get_item (files, i));
  job->order = g_ptr_array_new_with_free_func (g_object_unref);
  job->sizes = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal,
                                      g_object_unref, g_free);
  job->entries = g_ptr_array_new_with_free_func (report_entry_free);

  self->running = TRUE;
  self->update_source = g_timeout_add (UPDATE_INTERVAL_MS, update_cb, self);

  /* Quitting waits for the worker, which rolls back the file it is in. */
  self->held_application = g_application_get_default ();
  if (self->held_application != NULL)
    g_application_hold (g_object_ref (self->held_application));

  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, start_import);
  /* The worker's answer decides: a cancel after the last file is no cancel. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/* Actions */

void
stride_import_dialog_cancel (StrideImportDialog *self)
{
  g_return_if_fail (STRIDE_IS_IMPORT_DIALOG (self));

  if (!self->running || g_cancellable_is_cancelled (self->cancellable))
    return;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  adw_status_page_set_title (self->progress_page, _("Cancelling…"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  stride_import_dialog_cancel (STRIDE_IMPORT_DIALOG (widget));
}

/* Closing while importing cancels; the window goes once the worker has
 * rolled back, so that "finished" still reaches the journal window. */
static gboolean
stride_import_dialog_close_request (GtkWindow *window)
{
  StrideImportDialog *self = STRIDE_IMPORT_DIALOG (window);

  if (!self->running)
    return GTK_WINDOW_CLASS (stride_import_dialog_parent_class)->close_request (window);

  stride_import_dialog_cancel (self);
  self->close_when_stopped = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

/* GObject */

static void
stride_import_dialog_dispose (GObject *object)
{
  StrideImportDialog *self = STRIDE_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->update_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (stride_import_dialog_parent_class)->dispose (object);
}

static void
stride_import_dialog_finalize (GObject *object)
{
  StrideImportDialog *self = STRIDE_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->shared.current);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (stride_import_dialog_parent_class)->finalize (object);
}

static void
stride_import_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StrideImportDialog *self = STRIDE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_FILES_DONE:
      g_value_set_uint (value, self->files_done);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stride_import_dialog_class_init (StrideImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = stride_import_dialog_dispose;
  object_class->finalize = stride_import_dialog_finalize;
  object_class->get_property = stride_import_dialog_get_property;
  window_class->close_request = stride_import_dialog_close_request;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILES_DONE] =
    g_param_spec_uint ("files-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, current_label);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, report_icon);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, report_title);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, detail_label);
  gtk_widget_class_bind_template_child (widget_class, StrideImportDialog, report_list);

  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stride_import_dialog_init (StrideImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_mutex_init (&self->lock);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_pulse (self->progress_bar);
}

StrideImportDialog *
stride_import_dialog_new (GtkWindow  *parent,
                          const char *journal_path,
                          GListModel *files)
{
  StrideImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (journal_path != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  self = g_object_new (STRIDE_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  start_import (self, journal_path, files);

  return self;
}

gboolean
stride_import_dialog_get_running (StrideImportDialog *self)
{
  g_return_val_if_fail (STRIDE_IS_IMPORT_DIALOG (self), FALSE);

  return self->running;
}

guint
stride_import_dialog_get_files_done (StrideImportDialog *self)
{
  g_return_val_if_fail (STRIDE_IS_IMPORT_DIALOG (self), 0);

  return self->files_done;
}
