/* test-plan-entry-dialog.c — drives the plan entry dialog under Xvfb,
 * through its real widgets, and reads what it saved back from the journal.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <adwaita.h>

#include "stride-labels.h"
#include "stride-plan-entry-dialog.h"
#include "stride-store.h"

#include "form-test-util.h"
#include "ui-test-util.h"

/* Visible on screen: the row and every container up to the window. */
static gboolean
row_shown (GtkWidget *row)
{
  for (GtkWidget *w = row; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w))
      return FALSE;

  return TRUE;
}

static gboolean
button_shown (gpointer    window,
              const char *action_name)
{
  GtkWidget *button = find_button (GTK_WIDGET (window), action_name);

  g_assert_nonnull (button);
  return gtk_widget_get_visible (button);
}

static void
click (gpointer    window,
       const char *action_name)
{
  GtkWidget *button = find_button (GTK_WIDGET (window), action_name);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* Is @needle among the visible texts of @window? */
static gboolean
shows (gpointer    window,
       const char *needle)
{
  GString *text = g_string_new (NULL);
  g_autofree char *all = NULL;

  collect_text (GTK_WIDGET (window), text);
  all = g_string_free (text, FALSE);
  if (strstr (all, needle) != NULL)
    return TRUE;

  g_test_message ("“%s” not in: %s", needle, all);
  return FALSE;
}

static guint32
julian (int year,
        int month,
        int day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

/* Picks a day in the dialog's calendar, as a click on it does. */
static void
pick_date (gpointer window,
           guint32  day)
{
  GtkCalendar *calendar = GTK_CALENDAR (find_descendant (GTK_WIDGET (window),
                                                         GTK_TYPE_CALENDAR));
  g_autoptr(GDate) date = g_date_new_julian (day);
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  g_assert_nonnull (calendar);
  gtk_calendar_select_day (calendar, noon);
}

/* Fixture: a fresh journal per test, a parent window and settings. */

typedef struct
{
  char        *dir;
  char        *path;
  StrideStore *store;
  GtkWindow   *parent;
  GSettings   *settings;
  gint64       saved_id;
  guint        n_saved;
  gint64       delete_id;
  gpointer     window;     /* weak */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("stride-plan-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->store = stride_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new (APP_ID);
  g_settings_set_string (fixture->settings, "unit-system", "metric");
  g_settings_set_string (fixture->settings, "pace-unit", "per-km");

  fixture->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->parent, 600, 500);
  gtk_window_present (fixture->parent);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GList *windows = gtk_window_list_toplevels ();

  g_list_foreach (windows, (GFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);
  settle ();

  g_settings_reset (fixture->settings, "unit-system");
  g_settings_reset (fixture->settings, "pace-unit");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
saved_cb (GtkWindow *dialog,
          gint64     id,
          Fixture   *fixture)
{
  fixture->saved_id = id;
  fixture->n_saved++;
}

static void
delete_requested_cb (GtkWindow *dialog,
                     gint64     id,
                     Fixture   *fixture)
{
  fixture->delete_id = id;
}

static gpointer
open_dialog (Fixture *fixture,
             gint64   entry_id,
             guint32  date)
{
  StridePlanEntryDialog *dialog = stride_plan_entry_dialog_new (fixture->parent, fixture->store,
                                                                entry_id, date);

  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), fixture);
  g_signal_connect (dialog, "delete-requested", G_CALLBACK (delete_requested_cb), fixture);
  fixture->window = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &fixture->window);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_for (is_mapped, dialog));

  return dialog;
}

static gint64
add_entry (Fixture          *fixture,
           StridePlanEntry  *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stride_store_add_plan_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
  return entry->id;
}

static void
get_entry (Fixture         *fixture,
           gint64           id,
           StridePlanEntry *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stride_store_get_plan_entry (fixture->store, id, out, &error));
  g_assert_no_error (error);
}

/* Distance and pace give the time, and the saved targets are exact. */
static void
test_new_run (Fixture       *fixture,
              gconstpointer  data)
{
  guint32 day = julian (2026, 12, 1);
  StridePlanEntry entry = { 0 };
  g_autofree char *kind = NULL;
  gpointer dialog;

  dialog = open_dialog (fixture, 0, day);
  kind = chosen (dialog, "Kind");
  g_assert_cmpstr (kind, ==, "Run");
  g_assert_false (button_shown (dialog, "plan-entry-dialog.delete"));
  /* Nothing is needed but the kind: an easy run without targets is fine. */
  g_assert_true (button_sensitive (dialog, "plan-entry-dialog.save"));

  choose (dialog, "Time of Day", "Evening");
  choose (dialog, "Run Type", stride_label_for_run_type (STRIDE_RUN_TYPE_TEMPO));
  type_into (dialog, "Target Distance", "10");
  type_into (dialog, "Target Pace", "4:45");
  g_assert_cmpstr (text_of (dialog, "Target Time"), ==, "47:30");
  {
    g_autofree char *title = shown_title (entry_row (dialog, "Target Time"));

    g_assert_cmpstr (title, ==, "Target Time (calculated)");
  }
  type_into (dialog, "Description", "  3 × 3 km at threshold  ");
  g_assert_true (button_sensitive (dialog, "plan-entry-dialog.save"));

  click (dialog, "plan-entry-dialog.save");
  g_assert_null (fixture->window);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (fixture->saved_id, >, 0);

  get_entry (fixture, fixture->saved_id, &entry);
  g_assert_cmpuint (entry.date, ==, day);
  g_assert_cmpint (entry.slot, ==, STRIDE_SLOT_EVENING);
  g_assert_cmpint (entry.kind, ==, STRIDE_PLAN_KIND_RUN);
  g_assert_cmpint (entry.run_type, ==, STRIDE_RUN_TYPE_TEMPO);
  g_assert_cmpfloat (entry.target_distance_m, ==, 10000.0);
  g_assert_cmpfloat (entry.target_pace_s_per_km, ==, 285.0);
  g_assert_cmpfloat (entry.target_duration_s, ==, 2850.0);
  g_assert_cmpstr (entry.description, ==, "3 × 3 km at threshold");
  g_assert_cmpint (entry.status, ==, STRIDE_PLAN_STATUS_PLANNED);
  g_assert_cmpint (entry.activity_id, ==, 0);
  stride_plan_entry_clear (&entry);
}

/* A strength session has a time but no distance, pace or run type; a
 * rest day has no targets at all. What a hidden row holds is not saved. */
static void
test_strength_hides (Fixture       *fixture,
                     gconstpointer  data)
{
  StridePlanEntry entry = { 0 };
  gpointer dialog;

  dialog = open_dialog (fixture, 0, julian (2026, 12, 2));
  type_into (dialog, "Target Distance", "8");
  choose (dialog, "Kind", "Strength");
  g_assert_false (row_shown (entry_row (dialog, "Target Distance")));
  g_assert_false (row_shown (entry_row (dialog, "Target Pace")));
  g_assert_false (row_shown (combo_row (dialog, "Run Type")));
  g_assert_true (row_shown (entry_row (dialog, "Target Time")));
  g_assert_true (row_shown (entry_row (dialog, "Description")));
  g_assert_true (shows (dialog, "For example the exercises"));

  choose (dialog, "Kind", "Rest");
  g_assert_false (row_shown (entry_row (dialog, "Target Time")));
  g_assert_true (row_shown (entry_row (dialog, "Description")));

  choose (dialog, "Kind", "Cross-Training");
  g_assert_true (row_shown (entry_row (dialog, "Target Distance")));
  g_assert_false (row_shown (entry_row (dialog, "Target Pace")));

  choose (dialog, "Kind", "Strength");
  type_into (dialog, "Target Time", "20");
  type_into (dialog, "Description", "Squat 3 × 5, Nordic curl 3 × 6");
  click (dialog, "plan-entry-dialog.save");
  g_assert_null (fixture->window);

  get_entry (fixture, fixture->saved_id, &entry);
  g_assert_cmpint (entry.kind, ==, STRIDE_PLAN_KIND_STRENGTH);
  g_assert_cmpint (entry.run_type, ==, STRIDE_RUN_TYPE_NONE);
  g_assert_cmpfloat (entry.target_duration_s, ==, 1200.0);
  g_assert_cmpfloat (entry.target_distance_m, ==, 0.0);
  g_assert_cmpfloat (entry.target_pace_s_per_km, ==, 0.0);
  g_assert_cmpstr (entry.description, ==, "Squat 3 × 5, Nordic curl 3 × 6");
  stride_plan_entry_clear (&entry);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *distance;
  gpointer dialog;

  dialog = open_dialog (fixture, 0, julian (2026, 12, 3));
  distance = entry_row (dialog, "Target Distance");

  type_into (dialog, "Target Distance", "ten");
  g_assert_true (row_has_error (dialog, "Target Distance"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (distance));
  g_assert_true (shows (dialog, gtk_widget_get_tooltip_text (distance)));
  g_assert_false (button_sensitive (dialog, "plan-entry-dialog.save"));
  /* Save is only an action: activating it anyway writes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "plan-entry-dialog.save", NULL);
  g_assert_nonnull (fixture->window);

  /* A wrong row that is hidden does not block: it is not saved. */
  choose (dialog, "Kind", "Strength");
  g_assert_true (button_sensitive (dialog, "plan-entry-dialog.save"));
  choose (dialog, "Kind", "Run");
  g_assert_false (button_sensitive (dialog, "plan-entry-dialog.save"));

  type_into (dialog, "Target Distance", "10 km");
  g_assert_false (row_has_error (dialog, "Target Distance"));
  g_assert_null (gtk_widget_get_tooltip_text (distance));
  g_assert_true (button_sensitive (dialog, "plan-entry-dialog.save"));

  /* Three typed targets must agree. */
  type_into (dialog, "Target Pace", "5:00");
  g_assert_cmpstr (text_of (dialog, "Target Time"), ==, "50:00");
  type_into (dialog, "Target Time", "45:00");
  g_assert_true (row_has_error (dialog, "Target Time"));
  g_assert_true (shows (dialog, "don’t agree: 10.0 km at 5:00 /km takes 50:00"));
  g_assert_false (button_sensitive (dialog, "plan-entry-dialog.save"));
  /* Within the rounding of what was typed, they do. */
  type_into (dialog, "Target Time", "50:04");
  g_assert_false (row_has_error (dialog, "Target Time"));
  g_assert_true (button_sensitive (dialog, "plan-entry-dialog.save"));
  /* Emptying one lets it follow from the others again. */
  type_into (dialog, "Target Time", "45:00");
  type_into (dialog, "Target Pace", "");
  g_assert_false (row_has_error (dialog, "Target Time"));
  g_assert_cmpstr (text_of (dialog, "Target Pace"), ==, "");
  type_into (dialog, "Target Distance", "9");
  g_assert_cmpstr (text_of (dialog, "Target Pace"), ==, "5:00 /km");

  /* Faster than the world record. */
  type_into (dialog, "Target Time", "20:00");
  g_assert_true (row_has_error (dialog, "Target Pace"));
  g_assert_false (button_sensitive (dialog, "plan-entry-dialog.save"));
  g_assert_cmpint (count_rows (fixture->store, "plan_entry"), ==, 0);
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  StridePlanEntry entry = { 0 };
  g_autofree char *slot = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *run_type = NULL;
  gpointer dialog;
  gint64 id;

  entry.date = julian (2026, 11, 29);
  entry.slot = STRIDE_SLOT_MORNING;
  entry.kind = STRIDE_PLAN_KIND_RUN;
  entry.run_type = STRIDE_RUN_TYPE_LONG;
  entry.target_distance_m = 24000;
  entry.target_pace_s_per_km = 330;
  entry.target_duration_s = 7920;
  entry.description = (char *) "Last 5 km at marathon pace";
  entry.status = STRIDE_PLAN_STATUS_MOVED;
  id = add_entry (fixture, &entry);

  dialog = open_dialog (fixture, id, 0);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Plan Entry");
  g_assert_true (button_shown (dialog, "plan-entry-dialog.delete"));
  slot = chosen (dialog, "Time of Day");
  kind = chosen (dialog, "Kind");
  run_type = chosen (dialog, "Run Type");
  g_assert_cmpstr (slot, ==, "Morning");
  g_assert_cmpstr (kind, ==, "Run");
  g_assert_cmpstr (run_type, ==, stride_label_for_run_type (STRIDE_RUN_TYPE_LONG));
  g_assert_cmpstr (text_of (dialog, "Target Distance"), ==, "24.0 km");
  g_assert_cmpstr (text_of (dialog, "Target Time"), ==, "2:12:00");
  g_assert_cmpstr (text_of (dialog, "Target Pace"), ==, "5:30 /km");
  g_assert_cmpstr (text_of (dialog, "Description"), ==, "Last 5 km at marathon pace");
  g_assert_true (shows (dialog, "Sun 29 Nov 2026"));
  g_assert_true (button_sensitive (dialog, "plan-entry-dialog.save"));

  /* The time follows a longer distance. */
  type_into (dialog, "Target Distance", "26");
  g_assert_cmpstr (text_of (dialog, "Target Time"), ==, "2:23:00");
  choose (dialog, "Time of Day", "Evening");
  pick_date (dialog, julian (2026, 11, 28));
  type_into (dialog, "Description", "");
  click (dialog, "plan-entry-dialog.save");
  g_assert_null (fixture->window);
  g_assert_cmpint (fixture->saved_id, ==, id);
  g_assert_cmpint (count_rows (fixture->store, "plan_entry"), ==, 1);

  get_entry (fixture, id, &entry);
  g_assert_cmpuint (entry.date, ==, julian (2026, 11, 28));
  g_assert_cmpint (entry.slot, ==, STRIDE_SLOT_EVENING);
  g_assert_cmpint (entry.kind, ==, STRIDE_PLAN_KIND_RUN);
  g_assert_cmpint (entry.run_type, ==, STRIDE_RUN_TYPE_LONG);
  g_assert_cmpfloat (entry.target_distance_m, ==, 26000.0);
  g_assert_cmpfloat (entry.target_pace_s_per_km, ==, 330.0);
  g_assert_cmpfloat (entry.target_duration_s, ==, 8580.0);
  g_assert_null (entry.description);
  /* Editing keeps the status. */
  g_assert_cmpint (entry.status, ==, STRIDE_PLAN_STATUS_MOVED);
  stride_plan_entry_clear (&entry);
}

/* A skipped session moved to a day still to come is planned again; one
 * left in the past stays skipped. */
static void
test_edit_skipped (Fixture       *fixture,
                   gconstpointer  data)
{
  guint32 today = stride_today_julian ();
  StridePlanEntry entry = { 0 };
  gpointer dialog;
  gint64 id;

  entry.date = today - 3;
  entry.kind = STRIDE_PLAN_KIND_STRENGTH;
  entry.target_duration_s = 1200;
  entry.status = STRIDE_PLAN_STATUS_SKIPPED;
  id = add_entry (fixture, &entry);

  dialog = open_dialog (fixture, id, 0);
  g_assert_cmpstr (text_of (dialog, "Target Time"), ==, "20:00");
  type_into (dialog, "Target Time", "25");
  click (dialog, "plan-entry-dialog.save");
  g_assert_null (fixture->window);
  get_entry (fixture, id, &entry);
  g_assert_cmpint (entry.status, ==, STRIDE_PLAN_STATUS_SKIPPED);
  g_assert_cmpfloat (entry.target_duration_s, ==, 1500.0);
  stride_plan_entry_clear (&entry);

  dialog = open_dialog (fixture, id, 0);
  pick_date (dialog, today + 2);
  click (dialog, "plan-entry-dialog.save");
  g_assert_null (fixture->window);
  get_entry (fixture, id, &entry);
  g_assert_cmpuint (entry.date, ==, today + 2);
  g_assert_cmpint (entry.status, ==, STRIDE_PLAN_STATUS_PLANNED);
  stride_plan_entry_clear (&entry);
}

static void
test_delete_requested (Fixture       *fixture,
                       gconstpointer  data)
{
  StridePlanEntry entry = { 0 };
  gint64 id;

  entry.date = julian (2026, 12, 5);
  entry.kind = STRIDE_PLAN_KIND_REST;
  id = add_entry (fixture, &entry);

  open_dialog (fixture, id, 0);
  click (fixture->window, "plan-entry-dialog.delete");
  g_assert_null (fixture->window);
  g_assert_cmpint (fixture->delete_id, ==, id);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  /* The Plan page deletes, with undo; the dialog only asks. */
  g_assert_cmpint (count_rows (fixture->store, "plan_entry"), ==, 1);
}

/* A journal from a newer version opens read-only: saving says why, and
 * the dialog stays open with what was typed. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gpointer dialog;

  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  fixture->store = stride_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (stride_store_is_read_only (fixture->store));

  dialog = open_dialog (fixture, 0, julian (2026, 12, 6));
  type_into (dialog, "Target Distance", "12");
  click (dialog, "plan-entry-dialog.save");
  g_assert_nonnull (fixture->window);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_true (shows (dialog, "The plan entry was not saved: "));
  g_assert_cmpstr (text_of (dialog, "Target Distance"), ==, "12");
}

/* An entry that is gone: the dialog says so and can't save. */
static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  gpointer dialog = open_dialog (fixture, 4242, 0);

  g_assert_true (shows (dialog, "The plan entry can’t be opened: "));
  g_assert_false (button_sensitive (dialog, "plan-entry-dialog.save"));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/ui/plan-entry-dialog/new-run", test_new_run);
  ADD ("/ui/plan-entry-dialog/strength-hides", test_strength_hides);
  ADD ("/ui/plan-entry-dialog/bad-input", test_bad_input);
  ADD ("/ui/plan-entry-dialog/edit", test_edit);
  ADD ("/ui/plan-entry-dialog/edit-skipped", test_edit_skipped);
  ADD ("/ui/plan-entry-dialog/delete-requested", test_delete_requested);
  ADD ("/ui/plan-entry-dialog/read-only", test_read_only);
  ADD ("/ui/plan-entry-dialog/missing", test_missing);

#undef ADD

  return g_test_run ();
}
