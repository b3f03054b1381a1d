/* test-import-dialog.c — the import dialog and dropping files on the
 * window, under Xvfb, with files from the corpus.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "stride-import-dialog.h"
#include "stride-import.h"
#include "stride-journal-page.h"
#include "stride-store.h"
#include "stride-window.h"

#include "ui-test-util.h"
#include "form-test-util.h"

/* togeojson_Friday-Evening-Run.gpx: one run of 17 points (grep -c '<trkpt'). */
#define FRIDAY_RUN "togeojson_Friday-Evening-Run.gpx"

/* pytrainer_gpxplus_sample_old.gpx: a run of 1126 points, all on one day
 * (grep '<time>' in the file): big enough that importing a few hundred
 * copies takes far longer than a progress update. Copies get other days,
 * so that none is a duplicate of another. */
#define LONG_RUN "pytrainer_gpxplus_sample_old.gpx"
#define LONG_RUN_DAY "2011-12-18"

/* Files and folders */

static char *
corpus_path (const char *name)
{
  return g_build_filename (g_getenv ("STRIDE_CORPUS_DIR"), name, NULL);
}

static char *
read_corpus (const char *name,
             gsize      *length)
{
  g_autofree char *path = corpus_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Writes the first @length bytes of the corpus file @name (all of it
 * when @length is -1) to @dir/@target, making folders on the way. */
static void
write_corpus_copy (const char *name,
                   const char *dir,
                   const char *target,
                   gssize      length)
{
  g_autofree char *path = g_build_filename (dir, target, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  gsize full = 0;
  g_autofree char *contents = read_corpus (name, &full);

  g_assert_cmpint (length, <=, (gssize) full);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, length < 0 ? (gssize) full : length, &error);
  g_assert_no_error (error);
}

static void
write_text (const char *dir,
            const char *target,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, target, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* @n copies of the long run in @dir, run-0000.gpx…, copy @i @i days
 * later. */
static void
write_shifted_copies (const char *dir,
                      guint       n)
{
  g_autofree char *contents = read_corpus (LONG_RUN, NULL);
  g_auto(GStrv) parts = g_strsplit (contents, LONG_RUN_DAY, -1);
  g_autoptr(GDate) date = g_date_new_dmy (18, G_DATE_DECEMBER, 2011);

  g_assert_cmpuint (g_strv_length (parts), >, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("run-%04u.gpx", i);
      char day[16];
      g_autofree char *shifted = NULL;

      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      shifted = g_strjoinv (day, parts);
      write_text (dir, name, shifted);
      g_date_add_days (date, 1);
    }
}

static GListModel *
file_list (const char *first_path,
           ...)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);
  va_list args;

  va_start (args, first_path);
  for (const char *path = first_path; path != NULL; path = va_arg (args, const char *))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  va_end (args);

  return G_LIST_MODEL (files);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
journal_count (const char *path,
               const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = stride_store_open (path, &error);

  g_assert_no_error (error);
  if (store == NULL)
    return -1;
  return count_rows (store, table);
}

/* The dialog's widgets */

static gboolean
is_stopped (gpointer data)
{
  return !stride_import_dialog_get_running (data);
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* Every visible label's text, each followed by "|". */
static char *
shown_text (GtkWidget *widget)
{
  GString *text = g_string_new ("|");

  collect_labels (widget, text);
  return g_string_free (text, FALSE);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *wanted)
{
  g_autofree char *text = shown_text (widget);
  g_autofree char *field = g_strdup_printf ("|%s|", wanted);

  return strstr (text, field) != NULL;
}

static GtkWidget *
find_stack (StrideImportDialog *dialog)
{
  GtkWidget *stack = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  return stack;
}

/* The report's rows, top to bottom. */
static GPtrArray *
report_rows (StrideImportDialog *dialog)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list);
  for (int i = 0; list != NULL && gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i) != NULL; i++)
    g_ptr_array_add (rows, gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i));

  return rows;
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            const char *title,
            const char *subtitle_start,
            const char *icon_name,
            const char *style)
{
  AdwActionRow *row;
  GtkWidget *icon;
  const char *subtitle;

  g_assert_cmpuint (index, <, rows->len);
  if (index >= rows->len)
    return;

  row = ADW_ACTION_ROW (g_ptr_array_index (rows, index));
  subtitle = adw_action_row_get_subtitle (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_true (g_str_has_prefix (subtitle, subtitle_start));

  /* A status icon of its own shape, coloured, beside the status word. */
  icon = find_descendant (GTK_WIDGET (row), GTK_TYPE_IMAGE);
  g_assert_nonnull (icon);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, icon_name);
  g_assert_true (gtk_widget_has_css_class (icon, style));
}

/* Scanning */

typedef struct
{
  GPtrArray *names;    /* relative paths */
  GArray    *sizes;    /* guint64 */
  GFile     *root;
} Listed;

static void
listed_scan_cb (GFile    *file,
                guint64   size,
                gpointer  user_data)
{
  Listed *listed = user_data;

  g_ptr_array_add (listed->names, g_file_get_relative_path (listed->root, file));
  g_array_append_val (listed->sizes, size);
}

static void
listed_import_cb (GFile                    *file,
                  const StrideImportResult *result,
                  gpointer                  user_data)
{
  Listed *listed = user_data;

  g_ptr_array_add (listed->names, g_file_get_relative_path (listed->root, file));
}

static guint64
size_of (const char *dir,
         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size;
}

/* The counting walk lists what the import reports, in its order: a
 * Strava export's activities.csv (with the bytes of the files it names)
 * before the rest, the named files not again, hidden files never. */
static void
test_scan_follows_import (JournalFixture *fixture,
                          gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "export", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  Listed scanned = { g_ptr_array_new_with_free_func (g_free),
                     g_array_new (FALSE, FALSE, sizeof (guint64)), root };
  Listed imported = { g_ptr_array_new_with_free_func (g_free), NULL, root };
  const char *csv =
    "Activity ID,Activity Date,Activity Name,Activity Type,Filename\r\n"
    "1,\"Jan 1, 2020, 1:00:00 AM\",Long one,Run,activities/1.tcx\r\n"
    "2,\"Jan 2, 2020, 1:00:00 PM\",Friday,Run,activities/2.gpx.gz\r\n";

  write_text (dir, "activities.csv", csv);
  write_corpus_copy ("tcxparser_test.tcx", dir, "activities/1.tcx", -1);
  write_corpus_copy ("togeojson_Friday-Evening-Run.gpx.gz", dir, "activities/2.gpx.gz", -1);
  write_corpus_copy ("fitparse_activity-small-fenix2-run.fit", dir, "activities/3.fit", -1);
  write_corpus_copy ("gpxpy_route.gpx", dir, "a/route.gpx", -1);
  write_corpus_copy (FRIDAY_RUN, dir, ".hidden.gpx", -1);
  write_text (dir, "notes.txt", "not an activity");

  g_assert_true (stride_import_scan_path (root, listed_scan_cb, &scanned, NULL, &error));
  g_assert_no_error (error);
  store = stride_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (stride_import_path (store, root, listed_import_cb, &imported, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (scanned.names->len, ==, 4);
  g_assert_cmpuint (imported.names->len, ==, scanned.names->len);
  for (guint i = 0; i < MIN (scanned.names->len, imported.names->len); i++)
    g_assert_cmpstr (g_ptr_array_index (scanned.names, i), ==,
                     g_ptr_array_index (imported.names, i));

  g_assert_cmpstr (g_ptr_array_index (scanned.names, 0), ==, "activities.csv");
  g_assert_cmpuint (g_array_index (scanned.sizes, guint64, 0), ==,
                    strlen (csv) + size_of (dir, "activities/1.tcx")
                    + size_of (dir, "activities/2.gpx.gz"));
  g_assert_cmpstr (g_ptr_array_index (scanned.names, 1), ==, "a/route.gpx");
  g_assert_cmpuint (g_array_index (scanned.sizes, guint64, 1), ==, size_of (dir, "a/route.gpx"));
  g_assert_cmpstr (g_ptr_array_index (scanned.names, 2), ==, "activities/3.fit");
  g_assert_cmpstr (g_ptr_array_index (scanned.names, 3), ==, "notes.txt");

  g_ptr_array_unref (scanned.names);
  g_array_unref (scanned.sizes);
  g_ptr_array_unref (imported.names);
}

/* The mixed batch: imported, duplicate, broken and skipped files */

typedef struct
{
  guint n_finished;
  guint n_activities;
} Finished;

static void
finished_cb (StrideImportDialog *dialog,
             guint               n_activities,
             Finished           *finished)
{
  finished->n_finished++;
  finished->n_activities = n_activities;
}

static gboolean
has_finished (gpointer data)
{
  return ((Finished *) data)->n_finished > 0;
}

static void
test_report (JournalFixture *fixture,
             gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "input", NULL);
  g_autofree char *run = g_build_filename (dir, "run.fit", NULL);
  g_autofree char *tcx = g_build_filename (dir, "test.tcx", NULL);
  g_autofree char *again = g_build_filename (dir, "run again.fit", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.fit", NULL);
  g_autofree char *folder = g_build_filename (dir, "watch", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.gpx", NULL);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(StrideStore) check = NULL;
  g_autoptr(GError) error = NULL;
  StrideImportDialog *dialog;
  Finished finished = { 0, };
  gint64 n_activities;

  write_corpus_copy ("fitparse_activity-small-fenix2-run.fit", dir, "run.fit", -1);
  write_corpus_copy ("tcxparser_test.tcx", dir, "test.tcx", -1);
  /* The same bytes under another name: a duplicate by its hash. */
  write_corpus_copy ("fitparse_activity-small-fenix2-run.fit", dir, "run again.fit", -1);
  /* Cut inside its records. */
  write_corpus_copy ("fitparse_garmin-fenix-5-run.fit", dir, "broken.fit", 5000);
  /* A watch folder: a run, a cut GPX, a route, something else, a hidden file. */
  write_corpus_copy ("togeojson_run_gpxtpx.gpx", folder, "run.gpx", -1);
  write_corpus_copy (FRIDAY_RUN, folder, "cut.gpx", 3000);
  write_corpus_copy ("gpxpy_route.gpx", folder, "sub/route.gpx", -1);
  write_text (folder, "readme.txt", "notes");
  write_corpus_copy (FRIDAY_RUN, folder, ".hidden.gpx", -1);

  files = file_list (run, tcx, again, broken, folder, missing, NULL);
  dialog = stride_import_dialog_new (NULL, fixture->path, files);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (stride_import_dialog_get_running (dialog));

  g_assert_true (wait_for (is_stopped, dialog));
  settle ();
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_stack (dialog))), ==,
                   "report");
  g_assert_cmpuint (stride_import_dialog_get_files_done (dialog), ==, 9);

  /* Every file once, problems first, each group in reading order. */
  rows = report_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 9);
  assert_row (rows, 0, "broken.fit", "Error — The file ends in the middle of a message",
              "dialog-error-symbolic", "error");
  assert_row (rows, 1, "cut.gpx", "Error — Malformed XML", "dialog-error-symbolic", "error");
  assert_row (rows, 2, "missing.gpx", "Error — ", "dialog-error-symbolic", "error");
  assert_row (rows, 3, "readme.txt", "Skipped — Unsupported file type",
              "action-unavailable-symbolic", "warning");
  assert_row (rows, 4, "route.gpx", "Skipped — No tracks, only 1 route and 0 waypoints",
              "action-unavailable-symbolic", "warning");
  assert_row (rows, 5, "run again.fit", "Duplicate — Already imported: the same file",
              "edit-copy-symbolic", "dim-label");
  assert_row (rows, 6, "run.fit", "Imported — 1 activity", "emblem-ok-symbolic", "success");
  assert_row (rows, 7, "test.tcx", "Imported — 1 activity", "emblem-ok-symbolic", "success");
  assert_row (rows, 8, "run.gpx", "Imported — 1 activity", "emblem-ok-symbolic", "success");
  /* The missing file says why, in the system's words. */
  if (rows->len > 2)
    g_assert_cmpuint (strlen (adw_action_row_get_subtitle (g_ptr_array_index (rows, 2))), >,
                      strlen ("Error — "));

  g_assert_true (shows_text (GTK_WIDGET (dialog), "3 Activities Imported"));
  g_assert_true (shows_text (GTK_WIDGET (dialog),
                             "3 files imported · 1 duplicate · 2 skipped · 3 errors"));
  g_assert_cmpuint (finished.n_activities, ==, 3);

  /* The journal has them, each with its points. */
  check = stride_store_open (fixture->path, &error);
  g_assert_no_error (error);
  n_activities = count_rows (check, "activity");
  g_assert_cmpint (n_activities, ==, 3);
  g_assert_cmpint (count_rows (check, "trackpoint"), >, 3 * 10);

  /* Done closes it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (find_button_by_label (GTK_WIDGET (dialog), "_Done"), "clicked");
  settle ();
  g_assert_null (dialog);
}

/* A big batch: the list shows the first hundred files, problems first,
 * and one row counts the rest. */
static void
test_many_files (JournalFixture *fixture,
                 gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "many", NULL);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  StrideImportDialog *dialog;

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("note-%03u.txt", i);

      write_text (dir, name, "not an activity");
    }
  write_corpus_copy (FRIDAY_RUN, dir, "a-run.gpx", -1);

  files = file_list (dir, NULL);
  dialog = stride_import_dialog_new (NULL, fixture->path, files);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_for (is_stopped, dialog));
  settle ();

  g_assert_true (shows_text (GTK_WIDGET (dialog),
                             "1 file imported · 0 duplicates · 150 skipped · 0 errors"));
  rows = report_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 101);
  assert_row (rows, 0, "note-000.txt", "Skipped — Unsupported file type",
              "action-unavailable-symbolic", "warning");
  assert_row (rows, 99, "note-099.txt", "Skipped — Unsupported file type",
              "action-unavailable-symbolic", "warning");
  assert_row (rows, 100, "51 more files", "1 file imported · 50 skipped",
              "view-more-horizontal-symbolic", "dim-label");
  g_assert_cmpint (journal_count (fixture->path, "activity"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Cancelling */

typedef struct
{
  StrideImportDialog *dialog;
  guint               files_done_at_cancel;
  gboolean            close;   /* close the window instead of pressing Cancel */
} CancelCheck;

static void
files_done_cb (StrideImportDialog *dialog,
               GParamSpec         *pspec,
               CancelCheck        *check)
{
  guint files_done = stride_import_dialog_get_files_done (dialog);

  if (check->files_done_at_cancel > 0 || files_done == 0)
    return;

  check->files_done_at_cancel = files_done;
  if (check->close)
    gtk_window_close (GTK_WINDOW (dialog));
  else
    g_signal_emit_by_name (find_button_by_label (GTK_WIDGET (dialog), "_Cancel"), "clicked");
}

#define N_COPIES 300

/* The points one copy of the long run brings, imported on its own. */
static gint64
long_run_points (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "reference.db", NULL);
  g_autofree char *file_path = corpus_path (LONG_RUN);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = stride_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (stride_import_path (store, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "activity"), ==, 1);
  return count_rows (store, "trackpoint");
}

/* The journal holds whole files only: as many runs as files reported
 * imported, each with all its points. */
static void
assert_whole_files (JournalFixture *fixture,
                    guint           n_imported)
{
  gint64 points = long_run_points (fixture->dir);

  g_assert_cmpint (points, >, 1000);
  g_assert_cmpint (journal_count (fixture->path, "activity"), ==, n_imported);
  g_assert_cmpint (journal_count (fixture->path, "trackpoint"), ==, (gint64) n_imported * points);
}

static void
test_cancel (JournalFixture *fixture,
             gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "copies", NULL);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *detail = NULL;
  CancelCheck check = { 0, };
  Finished finished = { 0, };
  guint files_done;

  write_shifted_copies (dir, N_COPIES);
  files = file_list (dir, NULL);
  check.dialog = stride_import_dialog_new (NULL, fixture->path, files);
  g_signal_connect (check.dialog, "notify::files-done", G_CALLBACK (files_done_cb), &check);
  g_signal_connect (check.dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (check.dialog));

  g_assert_true (wait_for (is_stopped, check.dialog));
  settle ();
  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_cmpuint (check.files_done_at_cancel, >, 0);

  /* Stopped within a file of the press, well before the end. */
  files_done = stride_import_dialog_get_files_done (check.dialog);
  g_test_message ("Cancel pressed after %u files, stopped after %u of %u",
                  check.files_done_at_cancel, files_done, N_COPIES);
  g_assert_cmpuint (files_done, >=, check.files_done_at_cancel);
  g_assert_cmpuint (files_done, <, N_COPIES);

  g_assert_true (shows_text (GTK_WIDGET (check.dialog), "Import Cancelled"));
  detail = g_strdup_printf ("Stopped after %u of %u files. The file being imported was "
                            "rolled back; the rest were not read.", files_done, N_COPIES);
  g_assert_true (shows_text (GTK_WIDGET (check.dialog), detail));

  rows = report_rows (check.dialog);
  g_assert_cmpuint (rows->len, ==, files_done);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("run-%04u.gpx", i);

      assert_row (rows, i, name, "Imported — 1 activity", "emblem-ok-symbolic", "success");
    }
  g_assert_cmpuint (finished.n_activities, ==, files_done);
  assert_whole_files (fixture, files_done);

  gtk_window_destroy (GTK_WINDOW (check.dialog));
}

/* Cancelled at once, while it still counts a big folder: nothing read. */
static void
test_cancel_while_counting (JournalFixture *fixture,
                            gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "many", NULL);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  StrideImportDialog *dialog;

  /* Counting these takes far longer than the next line of this test. */
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u/note-%04u.txt", i % 50, i);

      write_text (dir, name, "");
    }

  files = file_list (dir, NULL);
  dialog = stride_import_dialog_new (NULL, fixture->path, files);
  stride_import_dialog_cancel (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_for (is_stopped, dialog));
  settle ();

  g_assert_true (shows_text (GTK_WIDGET (dialog), "Import Cancelled"));
  g_assert_true (shows_text (GTK_WIDGET (dialog),
                             "Stopped while looking for files: nothing was imported."));
  rows = report_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (stride_import_dialog_get_files_done (dialog), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A journal that cannot be written: the dialog says so, nothing else. */
static void
test_journal_read_only (JournalFixture *fixture,
                        gconstpointer   data)
{
  g_autofree char *gpx = corpus_path (FRIDAY_RUN);
  g_autoptr(GListModel) files = file_list (gpx, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  StrideImportDialog *dialog;
  Finished finished = { 0, };

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StrideStore) store = stride_store_open (fixture->path, &error);

    g_assert_no_error (error);
  }
  /* Written by a newer version: opened read-only. */
  raw_exec (fixture->path, "PRAGMA user_version = 99");

  dialog = stride_import_dialog_new (NULL, fixture->path, files);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_for (is_stopped, dialog));
  settle ();

  g_assert_cmpuint (finished.n_finished, ==, 1);
  g_assert_cmpuint (finished.n_activities, ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Import Failed"));
  g_assert_true (shows_text (GTK_WIDGET (dialog),
                             "This journal was written by a newer version of StrideStrong "
                             "(schema 99) and is open read-only."));
  rows = report_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  raw_exec (fixture->path, "PRAGMA user_version = 1");
  g_assert_cmpint (journal_count (fixture->path, "activity"), ==, 0);
}

/* Closing the window cancels too; "finished" still comes, then the window
 * goes. */
static void
test_close_cancels (JournalFixture *fixture,
                    gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "copies", NULL);
  g_autoptr(GListModel) files = NULL;
  StrideImportDialog *dialog;
  CancelCheck check = { 0, };
  Finished finished = { 0, };

  write_shifted_copies (dir, N_COPIES);
  files = file_list (dir, NULL);
  dialog = stride_import_dialog_new (NULL, fixture->path, files);
  check.dialog = dialog;
  check.close = TRUE;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "notify::files-done", G_CALLBACK (files_done_cb), &check);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));

  g_assert_true (wait_for (has_finished, &finished));
  g_assert_cmpuint (finished.n_finished, ==, 1);
  settle ();
  g_assert_null (dialog);
  g_assert_cmpuint (finished.n_activities, <, N_COPIES);
  assert_whole_files (fixture, finished.n_activities);
}

/* Dropping on the window */

static GtkDropTarget *
window_drop_target (StrideWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static gboolean
drop_paths (StrideWindow       *window,
            const char * const *paths)
{
  GtkDropTarget *target = window_drop_target (window);
  g_autoptr(GSList) list = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  if (target == NULL)
    return FALSE;

  /* A drop may carry a list of files, nothing else. */
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target),
                                                    GDK_TYPE_FILE_LIST));

  for (guint i = 0; paths[i] != NULL; i++)
    list = g_slist_append (list, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free_full (g_steal_pointer (&list), g_object_unref);

  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &accepted);
  return accepted;
}

static StrideImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (STRIDE_IS_IMPORT_DIALOG (window))
        return STRIDE_IMPORT_DIALOG (window);
    }

  return NULL;
}

typedef struct
{
  GListModel *model;
  guint       at_least;
} CountCheck;

static gboolean
model_has_items (gpointer data)
{
  CountCheck *check = data;

  return g_list_model_get_n_items (check->model) >= check->at_least;
}

typedef struct
{
  StrideWindow *window;
  const char   *text;
} ToastCheck;

static gboolean
shows_toast (gpointer data)
{
  ToastCheck *check = data;

  return shows_text (GTK_WIDGET (check->window), check->text);
}

static void
test_drop_imports (JournalFixture *fixture,
                   gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "dropped", NULL);
  g_autofree char *tcx = g_build_filename (dir, "test.tcx", NULL);
  g_autofree char *folder = g_build_filename (dir, "watch", NULL);
  const char *paths[] = { tcx, folder, NULL };
  StrideWindow *window = NULL;
  StrideImportDialog *dialog;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *page;
  CountCheck check;

  write_corpus_copy ("tcxparser_test.tcx", dir, "test.tcx", -1);
  write_corpus_copy ("togeojson_run_gpxtpx.gpx", folder, "a.gpx", -1);
  write_corpus_copy ("fitparse_activity-small-fenix2-run.fit", folder, "b/c.fit", -1);

  page = open_window_on_page (fixture->path, "journal", STRIDE_TYPE_JOURNAL_PAGE, &window);
  g_assert_true (wait_for (is_mapped, window));
  g_assert_null (find_import_dialog ());

  g_assert_true (drop_paths (window, paths));
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  g_assert_true (wait_for (is_stopped, dialog));
  settle ();
  rows = report_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, "test.tcx", "Imported — 1 activity", "emblem-ok-symbolic", "success");
  assert_row (rows, 1, "a.gpx", "Imported — 1 activity", "emblem-ok-symbolic", "success");
  assert_row (rows, 2, "c.fit", "Imported — 1 activity", "emblem-ok-symbolic", "success");
  g_assert_cmpint (journal_count (fixture->path, "activity"), ==, 3);

  /* The window read the journal again: three runs, in one to three weeks
   * (a week header each). */
  check.model = G_LIST_MODEL (gtk_grid_view_get_model (
    stride_journal_page_get_view (STRIDE_JOURNAL_PAGE (page))));
  check.at_least = 4;
  g_assert_true (wait_for (model_has_items, &check));
  g_assert_cmpuint (g_list_model_get_n_items (check.model), <=, 6);

  /* Another drop once it has finished opens another import: duplicates. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (drop_paths (window, paths));
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  if (dialog != NULL)
    {
      g_autoptr(GPtrArray) again = NULL;

      g_assert_true (wait_for (is_stopped, dialog));
      settle ();
      again = report_rows (dialog);
      g_assert_cmpuint (again->len, ==, 3);
      assert_row (again, 0, "test.tcx", "Duplicate — ", "edit-copy-symbolic", "dim-label");
      g_assert_true (shows_text (GTK_WIDGET (dialog),
                                 "0 files imported · 3 duplicates · 0 skipped · 0 errors"));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_drop_refused_while_importing (JournalFixture *fixture,
                                   gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "copies", NULL);
  g_autofree char *one = g_build_filename (dir, "run-0000.gpx", NULL);
  const char *first[] = { dir, NULL };
  const char *second[] = { one, NULL };
  StrideWindow *window = NULL;
  StrideImportDialog *dialog;
  ToastCheck toast_check;

  write_shifted_copies (dir, 5);
  open_window_on_page (fixture->path, "journal", STRIDE_TYPE_JOURNAL_PAGE, &window);
  g_assert_true (wait_for (is_mapped, window));

  g_assert_true (drop_paths (window, first));
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  /* A second drop while the first import runs: refused, and said why. */
  g_assert_true (stride_import_dialog_get_running (dialog));
  g_assert_false (drop_paths (window, second));
  toast_check.window = window;
  toast_check.text = "Nothing imported. An import is already running.";
  g_assert_true (wait_for (shows_toast, &toast_check));

  stride_import_dialog_cancel (dialog);
  g_assert_true (wait_for (is_stopped, dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  /* Once it has stopped, dropping works again. */
  g_assert_true (drop_paths (window, second));
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  if (dialog != NULL)
    {
      g_assert_true (wait_for (is_stopped, dialog));
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_drop_refused_read_only (JournalFixture *fixture,
                             gconstpointer   data)
{
  g_autofree char *gpx = corpus_path (FRIDAY_RUN);
  const char *paths[] = { gpx, NULL };
  StrideWindow *window = NULL;
  ToastCheck toast_check;

  /* Written by a newer version: opened read-only. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StrideStore) store = stride_store_open (fixture->path, &error);

    g_assert_no_error (error);
  }
  raw_exec (fixture->path, "PRAGMA user_version = 99");

  open_window_on_page (fixture->path, "journal", STRIDE_TYPE_JOURNAL_PAGE, &window);
  g_assert_true (wait_for (is_mapped, window));
  g_assert_true (stride_store_is_read_only (stride_window_get_store (window)));

  g_assert_false (drop_paths (window, paths));
  g_assert_null (find_import_dialog ());
  toast_check.window = window;
  toast_check.text = "Nothing imported. The journal is read-only: nothing can be imported into it.";
  g_assert_true (wait_for (shows_toast, &toast_check));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_cmpint (journal_count (fixture->path, "activity"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  if (g_getenv ("STRIDE_CORPUS_DIR") == NULL)
    {
      g_printerr ("STRIDE_CORPUS_DIR is not set\n");
      return 1;
    }

#define ADD(path, func) \
  g_test_add ("/import-dialog/" path, JournalFixture, NULL, \
              journal_fixture_setup, func, journal_fixture_teardown)

  ADD ("scan-follows-import", test_scan_follows_import);
  ADD ("report", test_report);
  ADD ("many-files", test_many_files);
  ADD ("cancel", test_cancel);
  ADD ("cancel-while-counting", test_cancel_while_counting);
  ADD ("close-cancels", test_close_cancels);
  ADD ("journal-read-only", test_journal_read_only);
  ADD ("drop-imports", test_drop_imports);
  ADD ("drop-refused-while-importing", test_drop_refused_while_importing);
  ADD ("drop-refused-read-only", test_drop_refused_read_only);

#undef ADD

  return g_test_run ();
}
