/* stride-window.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "stride-balance-page.h"
#include "stride-charts-page.h"
#include "stride-csv-export.h"
#include "stride-deleted-entry.h"
#include "stride-demo-writer.h"
#include "stride-form.h"
#include "stride-import-dialog.h"
#include "stride-journal-model.h"
#include "stride-journal-page.h"
#include "stride-pain-dialog.h"
#include "stride-plan-page.h"
#include "stride-risk-page.h"
#include "stride-run-dialog.h"
#include "stride-shoes-window.h"
#include "stride-strength-dialog.h"
#include "stride-test-dialog.h"
#include "stride-window.h"

/* How often the window asks SQLite whether another process (a command-line
 * import, say) changed the journal. One cheap PRAGMA per tick. */
#define EXTERNAL_CHANGE_POLL_SECONDS 2

#define DEMO_YEARS 2

struct _StrideWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  StrideJournalPage    *journal_page;
  AdwBin               *plan_bin;
  AdwBin               *balance_bin;
  AdwBin               *risk_bin;
  AdwBin               *charts_bin;
  AdwStatusPage        *drop_hint;
  GtkBox               *content_box;
  AdwViewSwitcherBar   *switcher_bar;     /* once narrow, see below */
  GtkMenuButton        *log_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *log_menu;
  GMenuModel           *primary_menu;

  /* Built when first shown (ensure_*_page), owned by their bins */
  StridePlanPage       *plan_page;
  StrideBalancePage    *balance_page;
  StrideRiskPage       *risk_page;
  StrideChartsPage     *charts_page;

  /* Owned references */
  GSettings            *settings;
  StrideStore          *store;
  StrideJournalModel   *journal_model;
  GThread              *journal_model_thread;  /* makes journal_model */
  GCancellable         *cancellable;
  StrideDeletedEntry   *deleted;         /* what "Undo" would put back */
  AdwToast             *undo_toast;      /* borrowed, while it is shown */
  StrideImportDialog   *import_dialog;   /* borrowed, while it imports */
  char                 *demo_dir;
  guint                 poll_source;
  guint                 risk_page_idle;
  guint                 journal_model_idle;
  guint                 busy : 1;
  guint                 first_frame_drawn : 1;
};

G_DEFINE_FINAL_TYPE (StrideWindow, stride_window, ADW_TYPE_APPLICATION_WINDOW)

static void
toast (StrideWindow *self,
       const char   *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
update_actions (StrideWindow *self)
{
  gboolean has_store = self->store != NULL && !self->busy;
  gboolean writable = has_store && !stride_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-run", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-strength", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-test", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-pain", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.shoes", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete",
                                 writable && self->deleted != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-demo", !self->busy);
}

/* Opening a long journal reads its first entries (the count and every
 * week's sums: ~10 ms on ten years). Before the window is shown a worker
 * thread does it while the window works out its styles and sizes, and the
 * window takes the model when mapped, before its first layout, so the
 * first frame shows the list. Nothing else uses the store until then:
 * every way to it goes through finish_journal_model(). */

typedef struct
{
  StrideStore        *store;
  GDateWeekday        first_weekday;
  StrideJournalModel *model;
} JournalModelJob;

static gpointer
make_journal_model_thread (gpointer data)
{
  JournalModelJob *job = data;
  g_autoptr(StrideJournalItem) first = NULL;

  job->model = stride_journal_model_new (job->store);
  stride_journal_model_set_week_headers (job->model, TRUE, job->first_weekday);
  /* Reads the first page, which the first frame shows. */
  first = g_list_model_get_item (G_LIST_MODEL (job->model), 0);

  return job;
}

static void
finish_journal_model (StrideWindow *self)
{
  JournalModelJob *job;

  g_clear_handle_id (&self->journal_model_idle, g_source_remove);
  if (self->journal_model_thread == NULL)
    return;

  job = g_thread_join (g_steal_pointer (&self->journal_model_thread));
  self->journal_model = job->model;
  g_object_unref (job->store);
  g_free (job);
  stride_journal_page_set_prepared_model (self->journal_page, self->journal_model);
}

static gboolean
finish_journal_model_cb (gpointer user_data)
{
  StrideWindow *self = user_data;

  self->journal_model_idle = 0;
  finish_journal_model (self);

  return G_SOURCE_REMOVE;
}

static void
make_journal_model (StrideWindow *self)
{
  JournalModelJob *job;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->journal_model = stride_journal_model_new (self->store);
      stride_journal_page_set_model (self->journal_page, self->journal_model);
      return;
    }

  job = g_new0 (JournalModelJob, 1);
  job->store = g_object_ref (self->store);
  job->first_weekday = stride_form_first_weekday (self->settings);
  stride_journal_page_expect_model (self->journal_page);
  self->journal_model_thread = g_thread_new ("stride-journal-model", make_journal_model_thread,
                                             job);
  /* A window never shown takes it at the next turn of the main loop. */
  self->journal_model_idle = g_idle_add_full (G_PRIORITY_HIGH, finish_journal_model_cb, self,
                                              NULL);
}

/* The plan, balance and charts pages are built the first time they are
 * shown: until then they cost neither the first frame nor memory, and a
 * page that does not exist has nothing to reload. */

static StridePlanPage *
ensure_plan_page (StrideWindow *self)
{
  finish_journal_model (self);
  if (self->plan_page == NULL)
    {
      self->plan_page = g_object_new (STRIDE_TYPE_PLAN_PAGE, NULL);
      adw_bin_set_child (self->plan_bin, GTK_WIDGET (self->plan_page));
      if (self->store != NULL)
        stride_plan_page_set_store (self->plan_page, self->store);
    }

  return self->plan_page;
}

static StrideBalancePage *
ensure_balance_page (StrideWindow *self)
{
  finish_journal_model (self);
  if (self->balance_page == NULL)
    {
      self->balance_page = g_object_new (STRIDE_TYPE_BALANCE_PAGE, NULL);
      adw_bin_set_child (self->balance_bin, GTK_WIDGET (self->balance_page));
      if (self->store != NULL)
        stride_balance_page_set_store (self->balance_page, self->store);
    }

  return self->balance_page;
}

static StrideChartsPage *
ensure_charts_page (StrideWindow *self)
{
  finish_journal_model (self);
  if (self->charts_page == NULL)
    {
      self->charts_page = g_object_new (STRIDE_TYPE_CHARTS_PAGE, NULL);
      adw_bin_set_child (self->charts_bin, GTK_WIDGET (self->charts_page));
      if (self->store != NULL)
        stride_charts_page_set_store (self->charts_page, self->store);
    }

  return self->charts_page;
}

/* The risk page badges its tab when this week needs care, so unlike the
 * others it is built without being shown: once the first frame is drawn
 * (or when shown, if sooner). Building it and its whole-journal read then
 * cost the first frame nothing. */
static StrideRiskPage *
ensure_risk_page (StrideWindow *self)
{
  AdwViewStackPage *stack_page;

  finish_journal_model (self);
  g_clear_handle_id (&self->risk_page_idle, g_source_remove);
  if (self->risk_page == NULL)
    {
      self->risk_page = g_object_new (STRIDE_TYPE_RISK_PAGE, NULL);
      adw_bin_set_child (self->risk_bin, GTK_WIDGET (self->risk_page));
      stack_page = adw_view_stack_get_page (self->stack, GTK_WIDGET (self->risk_bin));
      g_object_bind_property (self->risk_page, "has-warning", stack_page, "needs-attention",
                              G_BINDING_SYNC_CREATE);
      if (self->store != NULL)
        stride_risk_page_set_store (self->risk_page, self->store);
    }

  return self->risk_page;
}

static gboolean
ensure_risk_page_cb (gpointer user_data)
{
  StrideWindow *self = user_data;

  self->risk_page_idle = 0;
  ensure_risk_page (self);

  return G_SOURCE_REMOVE;
}

static void
first_frame_drawn_cb (StrideWindow  *self,
                      GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_drawn_cb, self);
  self->first_frame_drawn = TRUE;
  if (self->risk_page == NULL && self->risk_page_idle == 0)
    self->risk_page_idle = g_idle_add (ensure_risk_page_cb, self);
}

static void
window_mapped_cb (StrideWindow *self)
{
  finish_journal_model (self);
  if (self->first_frame_drawn)
    return;

  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_drawn_cb), self, G_CONNECT_SWAPPED);
}

static void
visible_page_changed_cb (StrideWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "plan") == 0)
    ensure_plan_page (self);
  else if (g_strcmp0 (name, "balance") == 0)
    ensure_balance_page (self);
  else if (g_strcmp0 (name, "risk") == 0)
    ensure_risk_page (self);
  else if (g_strcmp0 (name, "charts") == 0)
    ensure_charts_page (self);
}

static void
remove_demo_dir (StrideWindow *self)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (self->demo_dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/journal.db%s", self->demo_dir, suffixes[i]);

      g_unlink (path);
    }
  g_rmdir (self->demo_dir);
  g_clear_pointer (&self->demo_dir, g_free);
}

/* Entries changed (here or in another process): the pages read again. The
 * charts page reads when it is shown, the balance page now if shown, the
 * risk page now (for the badge) if built. */
static void
journal_changed (StrideWindow *self)
{
  finish_journal_model (self);
  stride_journal_model_reload (self->journal_model);
  if (self->plan_page != NULL)
    stride_plan_page_reload (self->plan_page);
  if (self->balance_page != NULL)
    stride_balance_page_reload (self->balance_page);
  if (self->risk_page != NULL)
    stride_risk_page_reload (self->risk_page);
}

static gboolean
poll_external_change_cb (gpointer user_data)
{
  StrideWindow *self = user_data;

  if (self->store != NULL && !self->busy && stride_store_poll_external_change (self->store))
    journal_changed (self);

  return G_SOURCE_CONTINUE;
}

static void
set_store (StrideWindow *self,
           StrideStore  *store,
           const char   *demo_dir)
{
  const char *subtitle = NULL;

  finish_journal_model (self);
  /* An entry deleted from the previous journal can't go back into this one. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_pointer (&self->deleted, stride_deleted_entry_free);
  g_clear_object (&self->journal_model);
  g_set_object (&self->store, store);
  if (self->plan_page != NULL)
    stride_plan_page_set_store (self->plan_page, store);
  if (self->balance_page != NULL)
    stride_balance_page_set_store (self->balance_page, store);
  if (self->charts_page != NULL)
    stride_charts_page_set_store (self->charts_page, store);
  if (self->risk_page != NULL)
    stride_risk_page_set_store (self->risk_page, store);
  remove_demo_dir (self);
  self->demo_dir = g_strdup (demo_dir);

  if (store == NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      update_actions (self);
      return;
    }

  make_journal_model (self);

  if (demo_dir != NULL)
    subtitle = _("Demo Journal");
  else if (stride_store_is_read_only (store))
    subtitle = _("Read-Only");
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  if (stride_store_is_read_only (store))
    {
      AdwToast *notice = adw_toast_new (stride_store_get_read_only_reason (store));

      adw_toast_set_timeout (notice, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, notice);
    }

  update_actions (self);
}

static void
show_error_dialog (StrideWindow *self,
                   const char   *heading,
                   const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
stride_window_open_journal (StrideWindow  *self,
                            const char    *path,
                            GError       **error)
{
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (STRIDE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = stride_store_open (path, &local_error);
  if (store == NULL)
    {
      set_store (self, NULL, NULL);
      stride_journal_page_show_error (self->journal_page, _("Could Not Open the Journal"),
                                      local_error->message);
      show_error_dialog (self, _("Could Not Open the Journal"), local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_store (self, store, NULL);
  return TRUE;
}

/* Demo journal: made in a worker thread so the window stays responsive. */

typedef struct
{
  char        *dir;
  StrideStore *store;
} DemoJournal;

static void
demo_journal_free (gpointer data)
{
  DemoJournal *demo = data;

  g_clear_object (&demo->store);
  g_free (demo->dir);
  g_free (demo);
}

static void
create_demo_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  DemoJournal *demo = g_new0 (DemoJournal, 1);

  demo->dir = g_dir_make_tmp ("stridestrong-demo-XXXXXX", &error);
  if (demo->dir == NULL)
    {
      demo_journal_free (demo);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  path = g_build_filename (demo->dir, "journal.db", NULL);
  demo->store = stride_store_open (path, &error);
  if (demo->store == NULL
      || !stride_demo_write (demo->store, DEMO_YEARS, GPOINTER_TO_UINT (task_data), &error))
    {
      g_clear_object (&demo->store);
      g_unlink (path);
      g_rmdir (demo->dir);
      demo_journal_free (demo);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, demo, demo_journal_free);
}

static void
create_demo_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  StrideWindow *self = STRIDE_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  DemoJournal *demo;

  self->busy = FALSE;
  demo = g_task_propagate_pointer (G_TASK (result), &error);
  if (demo == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          stride_journal_page_show_error (self->journal_page,
                                          _("Could Not Create the Demo Journal"),
                                          error->message);
          update_actions (self);
        }
      return;
    }

  set_store (self, demo->store, demo->dir);
  toast (self, _("This demo journal is deleted when you close the window"));
  demo_journal_free (demo);
}

void
stride_window_open_demo (StrideWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STRIDE_IS_WINDOW (self));

  if (self->busy)
    return;

  self->busy = TRUE;
  update_actions (self);
  stride_journal_page_show_loading (self->journal_page, _("Preparing the Demo Journal…"));

  task = g_task_new (self, self->cancellable, create_demo_cb, NULL);
  g_task_set_source_tag (task, stride_window_open_demo);
  g_task_set_task_data (task, GUINT_TO_POINTER (stride_today_julian ()), NULL);
  g_task_run_in_thread (task, create_demo_thread);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  stride_window_open_demo (STRIDE_WINDOW (widget));
}

/* Import: the import dialog reads and writes in a worker thread with a
 * connection of its own, one transaction per file, and shows progress and
 * a report; the window reloads the journal once it has stopped. */

static void
import_finished_cb (StrideWindow       *self,
                    guint               n_activities,
                    StrideImportDialog *dialog)
{
  self->import_dialog = NULL;
  self->busy = FALSE;
  update_actions (self);
  if (self->journal_model != NULL)
    journal_changed (self);
}

/* Why nothing can be imported now, or NULL when it can. */
static const char *
import_refusal (StrideWindow *self)
{
  if (self->store == NULL)
    return _("No journal is open.");
  if (stride_store_is_read_only (self->store))
    return _("The journal is read-only: nothing can be imported into it.");
  if (self->import_dialog != NULL)
    return _("An import is already running.");
  if (self->busy)
    return _("The journal is busy; try again in a moment.");

  return NULL;
}

/* @files: (element-type GFile) files and folders. */
static void
open_import_dialog (StrideWindow *self,
                    GListModel   *files)
{
  StrideImportDialog *dialog;

  dialog = stride_import_dialog_new (GTK_WINDOW (self), stride_store_get_path (self->store),
                                     files);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_finished_cb), self,
                           G_CONNECT_SWAPPED);
  self->import_dialog = dialog;
  self->busy = TRUE;
  update_actions (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  StrideWindow *self = user_data;
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT && import_refusal (self) == NULL)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (files != NULL && g_list_model_get_n_items (files) > 0)
    open_import_dialog (self, files);
}

static GtkFileFilter *
new_filter (const char         *name,
            const char * const *suffixes)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);

  return filter;
}

/* "All Supported Files" first (the default), then one filter per kind. */
static void
add_import_filters (GtkFileChooser *chooser)
{
  static const char * const gpx[] = { "gpx", "gpx.gz", NULL };
  static const char * const tcx[] = { "tcx", "tcx.gz", NULL };
  static const char * const fit[] = { "fit", "fit.gz", NULL };
  static const char * const csv[] = { "csv", NULL };
  static const char * const pytrainer[] = { "ddbb", "sqlite", "sqlite3", "db", NULL };
  static const char * const *const all[] = { gpx, tcx, fit, csv, pytrainer };
  g_autoptr(GtkFileFilter) supported = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) gpx_filter = new_filter (_("GPX Files"), gpx);
  g_autoptr(GtkFileFilter) tcx_filter = new_filter (_("TCX Files"), tcx);
  g_autoptr(GtkFileFilter) fit_filter = new_filter (_("FIT Files"), fit);
  g_autoptr(GtkFileFilter) csv_filter =
    new_filter (_("Activity Lists (Strava activities.csv, Garmin Connect CSV)"), csv);
  g_autoptr(GtkFileFilter) pytrainer_filter = new_filter (_("pytrainer Databases"), pytrainer);

  gtk_file_filter_set_name (supported, _("All Supported Files"));
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    for (guint j = 0; all[i][j] != NULL; j++)
      gtk_file_filter_add_suffix (supported, all[i][j]);

  gtk_file_chooser_add_filter (chooser, supported);
  gtk_file_chooser_add_filter (chooser, gpx_filter);
  gtk_file_chooser_add_filter (chooser, tcx_filter);
  gtk_file_chooser_add_filter (chooser, fit_filter);
  gtk_file_chooser_add_filter (chooser, csv_filter);
  gtk_file_chooser_add_filter (chooser, pytrainer_filter);
  gtk_file_chooser_set_filter (chooser, supported);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.import-folder");
  GtkFileChooserNative *chooser;

  if (folder)
    chooser = gtk_file_chooser_native_new (_("Import a Folder"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                           _("_Import"), NULL);
  else
    {
      chooser = gtk_file_chooser_native_new (_("Import Activities"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
      add_import_filters (GTK_FILE_CHOOSER (chooser));
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Dropping files or folders on the window imports them. While a drag
 * hovers, a hint covers the window and says what a drop would do. */

static void
drop_hover_cb (StrideWindow  *self,
               GParamSpec    *pspec,
               GtkDropTarget *target)
{
  const char *refusal = import_refusal (self);

  if (gtk_drop_target_get_current_drop (target) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->drop_hint), FALSE);
      return;
    }

  if (refusal != NULL)
    {
      adw_status_page_set_icon_name (self->drop_hint, "action-unavailable-symbolic");
      adw_status_page_set_title (self->drop_hint, _("Cannot Import"));
      adw_status_page_set_description (self->drop_hint, refusal);
    }
  else
    {
      adw_status_page_set_icon_name (self->drop_hint, "folder-download-symbolic");
      adw_status_page_set_title (self->drop_hint, _("Drop to Import"));
      adw_status_page_set_description (self->drop_hint,
                                       _("GPX, TCX and FIT files, Strava and Garmin Connect "
                                         "activity lists, pytrainer databases, or folders "
                                         "of them"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->drop_hint), TRUE);
}

static gboolean
drop_cb (StrideWindow  *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  const char *refusal = import_refusal (self);
  GSList *dropped;

  gtk_widget_set_visible (GTK_WIDGET (self->drop_hint), FALSE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  if (refusal != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Nothing imported. %s"), refusal);
      AdwToast *notice = adw_toast_new (title);

      /* Over a read-only journal's lasting notice, too. */
      adw_toast_set_priority (notice, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, notice);
      return FALSE;
    }

  dropped = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = dropped; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (dropped);

  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;

  open_import_dialog (self, G_LIST_MODEL (files));
  return TRUE;
}

static void
setup_drop_target (StrideWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "notify::current-drop", G_CALLBACK (drop_hover_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Export: every table as CSV into a folder the user picks. */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "journal-path");
  g_autoptr(StrideStore) store = NULL;
  GError *error = NULL;

  store = stride_store_open (path, &error);
  if (store != NULL && stride_csv_export_dir (store, G_FILE (task_data), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  StrideWindow *self = STRIDE_WINDOW (source_object);
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  update_actions (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error_dialog (self, _("Could Not Export the Journal"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (g_task_get_task_data (G_TASK (result)));
      g_autofree char *message = g_strdup_printf (_("Exported the journal to “%s”"), name);

      toast (self, message);
    }
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  StrideWindow *self = user_data;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (folder == NULL)
    return;

  self->busy = TRUE;
  update_actions (self);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, export_response_cb);
  g_task_set_task_data (task, g_steal_pointer (&folder), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "journal-path",
                          g_strdup (stride_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Journal as CSV"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"),
                                         NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Logging and editing entries: each dialog saves through the store itself
 * (one transaction); the window reloads the journal and owns deleting, so
 * that every deletion can be undone from a toast. */

static void
entry_saved_cb (StrideWindow *self,
                gint64        id)
{
  if (self->journal_model != NULL)
    journal_changed (self);
}

static void
forget_deleted_entry (StrideWindow *self)
{
  g_clear_pointer (&self->deleted, stride_deleted_entry_free);
  update_actions (self);
}

static void
undo_toast_dismissed_cb (StrideWindow *self,
                         AdwToast     *toast)
{
  if (self->undo_toast != toast)
    return;

  self->undo_toast = NULL;
  forget_deleted_entry (self);
}

static void
delete_entry (StrideWindow      *self,
              StrideJournalKind  kind,
              gint64             id,
              guint32            date)
{
  g_autoptr(GError) error = NULL;
  StrideDeletedEntry *deleted;
  AdwToast *undo;

  if (self->store == NULL || stride_store_is_read_only (self->store))
    return;

  deleted = stride_deleted_entry_take (self->store, kind, id, date, &error);
  if (deleted == NULL)
    {
      show_error_dialog (self, _("Could Not Delete the Entry"), error->message);
      return;
    }

  /* A newer deletion replaces the older one's chance of being undone. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_pointer (&self->deleted, stride_deleted_entry_free);
  self->deleted = deleted;

  undo = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "win.undo-delete");
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (undo, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  self->undo_toast = undo;
  adw_toast_overlay_add_toast (self->toast_overlay, undo);

  journal_changed (self);
  update_actions (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->deleted == NULL || self->store == NULL)
    return;

  if (!stride_deleted_entry_restore (self->deleted, self->store, &error))
    show_error_dialog (self, _("Could Not Restore the Entry"), error->message);

  toast = g_steal_pointer (&self->undo_toast);
  forget_deleted_entry (self);
  if (toast != NULL)
    adw_toast_dismiss (toast);
  if (self->journal_model != NULL)
    journal_changed (self);
}

static void
activity_delete_requested_cb (StrideWindow *self,
                              gint64        id)
{
  delete_entry (self, STRIDE_JOURNAL_KIND_ACTIVITY, id, 0);
}

static void
test_delete_requested_cb (StrideWindow *self,
                          gint64        date)
{
  delete_entry (self, STRIDE_JOURNAL_KIND_TEST, 0, (guint32) date);
}

static void
pain_delete_requested_cb (StrideWindow *self,
                          gint64        id)
{
  delete_entry (self, STRIDE_JOURNAL_KIND_PAIN, id, 0);
}

/* Connects a dialog's "saved" and "delete-requested" and shows it. */
static void
present_editor (StrideWindow *self,
                GtkWindow    *dialog,
                GCallback     delete_requested)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (entry_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "delete-requested", delete_requested, self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
show_run_chart_cb (StrideWindow *self,
                   gint64        id)
{
  StrideChartsPage *charts = ensure_charts_page (self);

  stride_charts_page_set_kind (charts, STRIDE_CHART_KIND_RUN);
  stride_charts_page_set_run (charts, id);
  adw_view_stack_set_visible_child_name (self->stack, "charts");
}

static void
pain_dialog_opened_cb (StrideWindow     *self,
                       StridePainDialog *pain)
{
  g_signal_connect_object (pain, "saved", G_CALLBACK (entry_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (pain, "delete-requested", G_CALLBACK (pain_delete_requested_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
open_entry_editor (StrideWindow      *self,
                   StrideJournalKind  kind,
                   StrideSport        sport,
                   gint64             id,
                   guint32            date)
{
  GtkWindow *parent = GTK_WINDOW (self);

  if (self->store == NULL || stride_store_is_read_only (self->store))
    return;

  switch (kind)
    {
    case STRIDE_JOURNAL_KIND_ACTIVITY:
      if (sport == STRIDE_SPORT_STRENGTH)
        present_editor (self, GTK_WINDOW (stride_strength_dialog_new (parent, self->store, id)),
                        G_CALLBACK (activity_delete_requested_cb));
      else
        {
          StrideRunDialog *run = stride_run_dialog_new (parent, self->store, id);

          /* "Any pain?" opens a pain entry once the run is saved. */
          g_signal_connect_object (run, "pain-dialog-opened",
                                   G_CALLBACK (pain_dialog_opened_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (run, "show-chart-requested",
                                   G_CALLBACK (show_run_chart_cb), self, G_CONNECT_SWAPPED);
          present_editor (self, GTK_WINDOW (run), G_CALLBACK (activity_delete_requested_cb));
        }
      break;

    case STRIDE_JOURNAL_KIND_TEST:
      present_editor (self, GTK_WINDOW (stride_test_dialog_new (parent, self->store, date)),
                      G_CALLBACK (test_delete_requested_cb));
      break;

    case STRIDE_JOURNAL_KIND_PAIN:
      present_editor (self, GTK_WINDOW (stride_pain_dialog_new (parent, self->store, id, date)),
                      G_CALLBACK (pain_delete_requested_cb));
      break;

    case STRIDE_JOURNAL_KIND_WEEK:
    default:
      break;
    }
}

static void
entry_activated_cb (StrideWindow      *self,
                    StrideJournalItem *item)
{
  open_entry_editor (self, stride_journal_item_get_kind (item),
                     stride_journal_item_get_sport (item),
                     stride_journal_item_get_id (item),
                     stride_journal_item_get_date (item));
}

static void
entry_delete_requested_cb (StrideWindow      *self,
                           StrideJournalItem *item)
{
  StrideJournalKind kind = stride_journal_item_get_kind (item);

  if (kind != STRIDE_JOURNAL_KIND_WEEK)
    delete_entry (self, kind, stride_journal_item_get_id (item),
                  stride_journal_item_get_date (item));
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);

  if (g_str_equal (action_name, "win.log-run"))
    open_entry_editor (self, STRIDE_JOURNAL_KIND_ACTIVITY, STRIDE_SPORT_RUN, 0, 0);
  else if (g_str_equal (action_name, "win.log-strength"))
    open_entry_editor (self, STRIDE_JOURNAL_KIND_ACTIVITY, STRIDE_SPORT_STRENGTH, 0, 0);
  else if (g_str_equal (action_name, "win.log-test"))
    open_entry_editor (self, STRIDE_JOURNAL_KIND_TEST, STRIDE_SPORT_STRENGTH, 0, 0);
  else if (g_str_equal (action_name, "win.log-pain"))
    open_entry_editor (self, STRIDE_JOURNAL_KIND_PAIN, STRIDE_SPORT_OTHER, 0, 0);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "journal");
  g_object_set (self->journal_page, "search-mode-enabled", TRUE, NULL);
}

static void
shoes_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StrideWindow *self = STRIDE_WINDOW (widget);
  StrideShoesWindow *shoes;

  if (self->store == NULL)
    return;

  shoes = stride_shoes_window_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (shoes, "changed", G_CALLBACK (journal_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (shoes));
}

/* The bottom view switcher is built the first time the window is narrow
 * enough for the title to give up its switcher, not at every start: a wide
 * window never needs it, and its five buttons cost the first frame. */
static void
title_visible_changed_cb (StrideWindow *self)
{
  GtkWidget *bar;

  if (self->switcher_bar != NULL
      || !adw_view_switcher_title_get_title_visible (self->switcher_title))
    return;

  bar = adw_view_switcher_bar_new ();
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), self->stack);
  g_object_bind_property (self->switcher_title, "title-visible", bar, "reveal",
                          G_BINDING_SYNC_CREATE);
  gtk_box_append (self->content_box, bar);
  self->switcher_bar = ADW_VIEW_SWITCHER_BAR (bar);
}

/* Built when first asked for, not with the window: GtkApplication builds
 * gtk/help-overlay.ui for every new window, a few milliseconds of each
 * start. GtkApplicationWindow then keeps it, ties it to this window (for
 * the accelerators it lists) and destroys it with the window. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/stride-shortcuts-window.ui");
      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* Window state */

static void
save_window_state (StrideWindow *self)
{
  int width;
  int height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-page",
                         adw_view_stack_get_visible_child_name (self->stack));
  g_settings_apply (self->settings);
}

static void
restore_window_state (StrideWindow *self)
{
  g_autofree char *page = g_settings_get_string (self->settings, "last-page");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (adw_view_stack_get_child_by_name (self->stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, page);
}

static gboolean
stride_window_close_request (GtkWindow *window)
{
  save_window_state (STRIDE_WINDOW (window));

  return GTK_WINDOW_CLASS (stride_window_parent_class)->close_request (window);
}

static void
stride_window_dispose (GObject *object)
{
  StrideWindow *self = STRIDE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  finish_journal_model (self);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->risk_page_idle, g_source_remove);
  /* Removing the pages changes the visible one: build nothing now. */
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, visible_page_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_WINDOW);
  self->plan_page = NULL;
  self->balance_page = NULL;
  self->risk_page = NULL;
  self->charts_page = NULL;
  self->switcher_bar = NULL;

  /* The model holds the store: drop both before deleting a demo file. */
  g_clear_object (&self->journal_model);
  g_clear_pointer (&self->deleted, stride_deleted_entry_free);
  g_clear_object (&self->store);
  remove_demo_dir (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (stride_window_parent_class)->dispose (object);
}

static void
stride_window_class_init (StrideWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = stride_window_dispose;
  window_class->close_request = stride_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/stride-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, balance_bin);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, charts_bin);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, risk_bin);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, journal_page);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, drop_hint);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, log_button);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, log_menu);
  gtk_widget_class_bind_template_child (widget_class, StrideWindow, primary_menu);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.log-run", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "win.log-strength", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "win.log-test", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "win.log-pain", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "win.shoes", NULL, shoes_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.log-run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);

  g_type_ensure (STRIDE_TYPE_JOURNAL_PAGE);
}

static void
stride_window_init (StrideWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  stride_form_set_menu_on_demand (self->log_button, self->log_menu);
  stride_form_set_menu_on_demand (self->menu_button, self->primary_menu);

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_changed_cb), self, G_CONNECT_SWAPPED);
  restore_window_state (self);
  visible_page_changed_cb (self);
  update_actions (self);
  setup_drop_target (self);

  self->poll_source = g_timeout_add_seconds (EXTERNAL_CHANGE_POLL_SECONDS,
                                             poll_external_change_cb, self);

  g_signal_connect_object (self->journal_page, "entry-activated",
                           G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->journal_page, "entry-delete-requested",
                           G_CALLBACK (entry_delete_requested_cb), self, G_CONNECT_SWAPPED);
}

StrideWindow *
stride_window_new (StrideApplication *application)
{
  return g_object_new (STRIDE_TYPE_WINDOW, "application", application, NULL);
}

StrideStore *
stride_window_get_store (StrideWindow *self)
{
  g_return_val_if_fail (STRIDE_IS_WINDOW (self), NULL);

  /* The caller may use the store: the worker thread must be done. */
  finish_journal_model (self);
  return self->store;
}
