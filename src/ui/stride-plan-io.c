/* stride-plan-io.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-plan-io"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-plan-io.h"

/* The last day the store can hold (it writes dates as YYYY-MM-DD). */
static guint32
last_storable_day (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 9999);

  return g_date_get_julian (&date);
}

static void
show_error_dialog (GtkWindow  *parent,
                   const char *heading,
                   const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
show_toast (GtkWindow  *parent,
            const char *title)
{
  AdwToastOverlay *overlay = parent != NULL ? find_toast_overlay (GTK_WIDGET (parent)) : NULL;

  /* No overlay (a bare window in a test): the result speaks for itself. */
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (title));
}

static GtkFileFilter *
ics_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_pattern (filter, "*.ICS");
  gtk_file_filter_add_mime_type (filter, "text/calendar");

  return filter;
}

/* Export */

gboolean
stride_plan_io_write_ics (StrideStore  *store,
                          guint32       from_day,
                          GFile        *file,
                          guint        *n_events,
                          GError      **error)
{
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GArray) races = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = stride_store_list_plan_entries (store, from_day, last_storable_day (), error);
  if (entries == NULL)
    return FALSE;

  races = stride_store_list_upcoming_races (store, from_day, error);
  if (races == NULL)
    return FALSE;

  if (!stride_ics_export_file (file, (StridePlanEntry *) (gpointer) entries->data, entries->len,
                               (StrideRace *) (gpointer) races->data, races->len, NULL, error))
    return FALSE;

  if (n_events != NULL)
    *n_events = entries->len + races->len;

  return TRUE;
}

typedef struct
{
  GtkWindow   *parent;
  StrideStore *store;
  guint32      from_day;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  g_free (job);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ExportJob       *job)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n_events = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      if (stride_plan_io_write_ics (job->store, job->from_day, file, &n_events, &error))
        {
          g_autofree char *title = NULL;

          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event exported",
                                                "%u events exported", n_events),
                                   n_events);
          show_toast (job->parent, title);
        }
      else
        show_error_dialog (job->parent, _("Could Not Export the Plan"), error->message);
    }

  export_job_free (job);
  g_object_unref (chooser);
}

void
stride_plan_io_export_ics (GtkWindow   *parent,
                           StrideStore *store,
                           guint32      from_day)
{
  g_autoptr(GtkFileFilter) filter = ics_filter ();
  GtkFileChooserNative *chooser;
  ExportJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (STRIDE_IS_STORE (store));

  job = g_new0 (ExportJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (store);
  job->from_day = from_day;

  chooser = gtk_file_chooser_native_new (_("Export the Plan"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of an exported plan; keep the .ics */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("training-plan.ics"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The import report */

const char *
stride_plan_io_skip_reason_text (StrideIcsSkipReason reason)
{
  switch (reason)
    {
    case STRIDE_ICS_SKIP_NO_DATE:
      return _("it has no start date");
    case STRIDE_ICS_SKIP_BAD_DATE:
      return _("its start date cannot be read");
    case STRIDE_ICS_SKIP_BAD_RECURRENCE:
      return _("its repeat rule cannot be read");
    case STRIDE_ICS_SKIP_CANCELLED:
      return _("it is cancelled");
    case STRIDE_ICS_SKIP_NOT_EVENT:
      return _("it is not an event but a task, a note or another item");
    case STRIDE_ICS_SKIP_MALFORMED:
      return _("it is damaged or cut off");
    case STRIDE_N_ICS_SKIP_REASONS:
    default:
      return _("it cannot be read");
    }
}

/* "“Tempo” (event 3)", or "Event 3" without a summary. */
static char *
skipped_title (const StrideIcsSkipped *skipped)
{
  if (skipped->summary != NULL && *skipped->summary != '\0')
    /* Translators: a skipped calendar event: its summary and its place in the file */
    return g_strdup_printf (_("“%s” (event %u)"), skipped->summary, skipped->position);

  /* Translators: a skipped calendar event without a summary, by its place in the file */
  return g_strdup_printf (_("Event %u"), skipped->position);
}

char *
stride_plan_io_report_heading (const StrideIcsImport *import)
{
  guint n;

  g_return_val_if_fail (import != NULL, NULL);

  n = import->entries->len;
  if (n == 0)
    return g_strdup (_("Nothing to Import"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Event?", "Import %u Events?", n),
                          n);
}

/* What the report says of the entries and skipped events, without the
 * ones already in the plan. */
static char *
report_body_of_new (const StrideIcsImport *import)
{
  guint n, n_skipped;
  g_autofree char *importable = NULL;
  g_autofree char *skipped = NULL;

  n = import->entries->len;
  n_skipped = import->skipped->len;

  if (n == 0 && n_skipped == 0)
    return g_strdup (_("The file holds no events."));

  if (n_skipped == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u event can be imported into the plan.",
                                         "%u events can be imported into the plan.", n),
                            n);

  if (n == 0)
    importable = g_strdup (_("No event can be imported"));
  else
    importable = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event can be imported",
                                               "%u events can be imported", n),
                                  n);
  /* Translators: the number of skipped events, before their list */
  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u skipped:", "%u skipped:", n_skipped),
                             n_skipped);

  /* Translators: "3 events can be imported; 2 skipped:" */
  return g_strdup_printf (_("%s; %s"), importable, skipped);
}

char *
stride_plan_io_report_body (const StrideIcsImport *import)
{
  guint n_known;
  g_autofree char *known = NULL;
  g_autofree char *rest = NULL;

  g_return_val_if_fail (import != NULL, NULL);

  n_known = import->n_already_planned;
  if (n_known == 0)
    return report_body_of_new (import);

  if (import->entries->len == 0 && import->skipped->len == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Its %u event is already in the plan.",
                                         "All its %u events are already in the plan.", n_known),
                            n_known);

  known = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u event is already in the plan and is left out.",
                                        "%u events are already in the plan and are left out.",
                                        n_known),
                           n_known);
  rest = report_body_of_new (import);
  /* Translators: "2 events are already in the plan and are left out. 3 events can be imported." */
  return g_strdup_printf (_("%s %s"), known, rest);
}

GStrv
stride_plan_io_report_lines (const StrideIcsImport *import)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (import != NULL, NULL);

  for (guint i = 0; i < import->skipped->len; i++)
    {
      const StrideIcsSkipped *skipped = &g_array_index (import->skipped, StrideIcsSkipped, i);
      g_autofree char *title = skipped_title (skipped);
      g_autofree char *line = NULL;

      /* Translators: a skipped event and why, "“Tempo” (event 3): it has no start date" */
      line = g_strdup_printf (_("%s: %s"), title, stride_plan_io_skip_reason_text (skipped->reason));
      g_strv_builder_add (builder, line);
    }

  for (guint i = 0; i < import->notes->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (import->notes, i));

  return g_strv_builder_end (builder);
}

static GtkWidget *
report_row (const char *title,
            const char *subtitle,
            const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles come from the file: no markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));

  return row;
}

GtkWidget *
stride_plan_io_report_dialog_new (GtkWindow             *parent,
                                  const StrideIcsImport *import)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  heading = stride_plan_io_report_heading (import);
  body = stride_plan_io_report_body (import);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  n = import->entries->len;

  if (import->skipped->len > 0 || import->notes->len > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Skipped events"), -1);

      for (guint i = 0; i < import->skipped->len; i++)
        {
          const StrideIcsSkipped *skipped = &g_array_index (import->skipped, StrideIcsSkipped, i);
          g_autofree char *title = skipped_title (skipped);

          gtk_list_box_append (GTK_LIST_BOX (list),
                               report_row (title, stride_plan_io_skip_reason_text (skipped->reason),
                                           "dialog-warning-symbolic"));
        }
      for (guint i = 0; i < import->notes->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             report_row (g_ptr_array_index (import->notes, i), NULL,
                                         "dialog-information-symbolic"));

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (dialog, scrolled);
    }

  if (n == 0)
    {
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
    }
  else
    {
      g_autofree char *import_label = NULL;

      import_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Event",
                                                   "_Import %u Events", n),
                                      n);
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", import_label, NULL);
      adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "import");
      adw_message_dialog_set_close_response (dialog, "cancel");
    }

  return GTK_WIDGET (dialog);
}

/* Import */

static gboolean
already_planned (GArray                *planned,
                 const StridePlanEntry *entry)
{
  for (guint i = 0; i < planned->len; i++)
    if (stride_plan_entry_same_plan (&g_array_index (planned, StridePlanEntry, i), entry))
      return TRUE;
  return FALSE;
}

gboolean
stride_plan_io_leave_out_planned (StrideStore      *store,
                                  StrideIcsImport  *import,
                                  GError          **error)
{
  g_autoptr(GArray) planned = NULL;
  guint32 first = G_MAXUINT32;
  guint32 last = 0;
  guint kept = 0;

  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (import->entries->len == 0)
    return TRUE;

  for (guint i = 0; i < import->entries->len; i++)
    {
      guint32 date = g_array_index (import->entries, StridePlanEntry, i).date;

      first = MIN (first, date);
      last = MAX (last, date);
    }

  planned = stride_store_list_plan_entries (store, first, last, error);
  if (planned == NULL)
    return FALSE;

  for (guint i = 0; i < import->entries->len; i++)
    {
      StridePlanEntry *entry = &g_array_index (import->entries, StridePlanEntry, i);

      if (already_planned (planned, entry))
        {
          stride_plan_entry_clear (entry);
          import->n_already_planned++;
          continue;
        }
      if (kept != i)
        g_array_index (import->entries, StridePlanEntry, kept) = *entry;
      kept++;
    }
  /* The moved entries' strings now belong to their new places. */
  import->entries->len = kept;

  return TRUE;
}

gboolean
stride_plan_io_import_entries (StrideStore            *store,
                               const StrideIcsImport  *import,
                               GError                **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!stride_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < import->entries->len; i++)
    {
      /* A shallow copy: the store only sets its id. */
      StridePlanEntry entry = g_array_index (import->entries, StridePlanEntry, i);

      entry.id = 0;
      entry.activity_id = 0;
      if (!stride_store_add_plan_entry (store, &entry, error))
        {
          stride_store_rollback (store);
          return FALSE;
        }
    }

  if (!stride_store_commit (store, error))
    {
      stride_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GtkWindow              *parent;
  StrideStore            *store;
  StrideIcsImport        *import;
  StridePlanIoImportDone  done;
  gpointer                user_data;
} ImportJob;

static void
import_job_finish (ImportJob *job,
                   guint      n_imported)
{
  if (job->done != NULL)
    job->done (n_imported, job->user_data);

  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  g_clear_pointer (&job->import, stride_ics_import_free);
  g_free (job);
}

static void
report_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ImportJob        *job)
{
  g_autoptr(GError) error = NULL;
  guint n = job->import->entries->len;

  if (!g_str_equal (response, "import") || n == 0)
    {
      import_job_finish (job, 0);
      return;
    }

  if (!stride_plan_io_import_entries (job->store, job->import, &error))
    {
      show_error_dialog (job->parent, _("Could Not Import the Events"), error->message);
      import_job_finish (job, 0);
      return;
    }

  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event imported",
                                                           "%u events imported", n),
                                              n);

    show_toast (job->parent, title);
  }
  import_job_finish (job, n);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  StrideIcsImport *import = stride_ics_parse_file (file, NULL, cancellable, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) stride_ics_import_free);
}

static void
parsed_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ImportJob *job = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  job->import = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->import == NULL)
    {
      show_error_dialog (job->parent, _("Could Not Read the Calendar"), error->message);
      import_job_finish (job, 0);
      return;
    }
  if (!stride_plan_io_leave_out_planned (job->store, job->import, &error))
    {
      show_error_dialog (job->parent, _("Could Not Import the Events"), error->message);
      import_job_finish (job, 0);
      return;
    }

  dialog = stride_plan_io_report_dialog_new (job->parent, job->import);
  g_signal_connect (dialog, "response", G_CALLBACK (report_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
stride_plan_io_import_ics_file (GtkWindow              *parent,
                                StrideStore            *store,
                                GFile                  *file,
                                StridePlanIoImportDone  done,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (STRIDE_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (store);
  job->done = done;
  job->user_data = user_data;

  task = g_task_new (NULL, NULL, parsed_cb, job);
  g_task_set_source_tag (task, stride_plan_io_import_ics_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, parse_thread);
}

typedef struct
{
  GtkWindow              *parent;
  StrideStore            *store;
  StridePlanIoImportDone  done;
  gpointer                user_data;
} ChooseJob;

static void
import_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            ChooseJob       *job)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    stride_plan_io_import_ics_file (job->parent, job->store, file, job->done, job->user_data);
  else if (job->done != NULL)
    job->done (0, job->user_data);

  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  g_free (job);
  g_object_unref (chooser);
}

void
stride_plan_io_import_ics (GtkWindow              *parent,
                           StrideStore            *store,
                           StridePlanIoImportDone  done,
                           gpointer                user_data)
{
  g_autoptr(GtkFileFilter) filter = ics_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  ChooseJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (STRIDE_IS_STORE (store));

  job = g_new0 (ChooseJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (store);
  job->done = done;
  job->user_data = user_data;

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Import Planned Workouts"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
