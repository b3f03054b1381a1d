/* test-run-dialogs.c — drives the run and pain dialogs and the shoes
 * window under Xvfb, through their real widgets, and checks the journal.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "stride-pain-dialog.h"
#include "stride-run-dialog.h"
#include "stride-shoes-window.h"
#include "stride-store.h"
#include "stride-units.h"

#include "form-test-util.h"
#include "ui-test-util.h"

static char *
combo_items (gpointer    window,
             const char *title)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo_row (window, title)));
  GString *items = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      g_string_append_printf (items, "%s|", gtk_string_object_get_string (string));
    }

  return g_string_free (items, FALSE);
}

static void
click (gpointer    window,
       const char *action_name)
{
  GtkWidget *button = find_button (GTK_WIDGET (window), action_name);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
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

/* Every visible text of a window, joined by "|". */
static char *
shown_text (gpointer window)
{
  GString *text = g_string_new (NULL);

  collect_text (GTK_WIDGET (window), text);
  return g_string_free (text, FALSE);
}

static gboolean
shows (gpointer    window,
       const char *needle)
{
  g_autofree char *text = shown_text (window);

  if (strstr (text, needle) != NULL)
    return TRUE;

  g_test_message ("“%s” not in: %s", needle, text);
  return FALSE;
}

/* The message dialog on top of @parent, if any. */
static AdwMessageDialog *
message_dialog_for (gpointer parent)
{
  AdwMessageDialog *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (parent)
        && gtk_widget_get_visible (l->data))
      found = l->data;

  return found;
}

static void
respond (gpointer    parent,
         const char *response)
{
  AdwMessageDialog *dialog = message_dialog_for (parent);

  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  /* A click on a response button closes the dialog too. */
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  settle ();
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

static gint64
utc_of (int year,
        int month,
        int day,
        int hour,
        int minute)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (local);
}

/* Fixture: a fresh journal per test, a parent window and settings. */

typedef struct
{
  char        *dir;
  StrideStore *store;
  GtkWindow   *parent;
  GSettings   *settings;
  gint64       saved_id;
  guint        n_saved;
  gint64       delete_id;
  gpointer     pain_dialog;
  /* Weak pointers live here, not on a test's stack: a window may be
   * finalized after the test function has returned. */
  gpointer     window;
  gpointer     pain_window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("stride-dialogs-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->store = stride_store_open (path, &error);
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

  /* Destroying a parent may take its dialogs with it: hold them all. */
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

static void
pain_dialog_opened_cb (GtkWindow *dialog,
                       gpointer   pain_dialog,
                       Fixture   *fixture)
{
  fixture->pain_dialog = pain_dialog;
  g_signal_connect (pain_dialog, "saved", G_CALLBACK (saved_cb), fixture);
}

/* Opens a dialog the way the window does, and watches it close. */
static gpointer
open_dialog (Fixture  *fixture,
             gpointer  dialog)
{
  gpointer *weak = &fixture->window;

  if (g_signal_lookup ("saved", G_OBJECT_TYPE (dialog)) != 0)
    g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), fixture);
  if (g_signal_lookup ("delete-requested", G_OBJECT_TYPE (dialog)) != 0)
    g_signal_connect (dialog, "delete-requested", G_CALLBACK (delete_requested_cb), fixture);
  if (*weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*weak), weak);
  *weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), weak);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_for (is_mapped, dialog));

  return dialog;
}

static gint64
add_run (Fixture *fixture,
         double   distance_m,
         double   duration_s,
         gint64   shoe_id)
{
  g_autoptr(GError) error = NULL;
  StrideActivity run = { 0 };

  run.sport = STRIDE_SPORT_RUN;
  run.start_utc = utc_of (2026, 11, 10, 6, 45);
  run.duration_s = duration_s;
  run.distance_m = distance_m;
  run.run_type = STRIDE_RUN_TYPE_LONG;
  run.rpe = 4;
  run.avg_hr = 140;
  run.shoe_id = shoe_id;
  run.notes = (char *) "Windy";
  g_assert_true (stride_store_add_activity (fixture->store, &run, NULL, 0, NULL, 0, NULL, 0,
                                            &error));
  g_assert_no_error (error);

  return run.id;
}

static gint64
add_shoe (Fixture    *fixture,
          const char *name,
          guint32     start,
          guint32     retired)
{
  g_autoptr(GError) error = NULL;
  StrideShoe shoe = { 0 };

  shoe.name = (char *) name;
  shoe.start_date = start;
  shoe.retired_date = retired;
  g_assert_true (stride_store_add_shoe (fixture->store, &shoe, &error));
  g_assert_no_error (error);

  return shoe.id;
}

static void
get_run (Fixture        *fixture,
         gint64          id,
         StrideActivity *run)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stride_store_get_activity (fixture->store, id, run, &error));
  g_assert_no_error (error);
}

/* Run dialog */

static void
test_run_new_metric (Fixture       *fixture,
                     gconstpointer  data)
{
  StrideRunDialog *dialog;
  StrideActivity run = { 0 };

  dialog = open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, 0));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Log Run");
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (dialog),
                                                       "run-dialog.delete")));
  /* Nothing typed yet: nothing to save. */
  g_assert_false (button_sensitive (dialog, "run-dialog.save"));

  pick_date (dialog, julian (2026, 11, 20));
  g_assert_true (shows (dialog, "Fri 20 Nov 2026"));
  type_into (dialog, "Start Time", "07:30");
  type_into (dialog, "Distance", "10.5 km");
  g_assert_false (button_sensitive (dialog, "run-dialog.save"));
  type_into (dialog, "Duration", "52:30");

  /* The third follows from the two. */
  g_assert_cmpstr (text_of (dialog, "Pace"), ==, "5:00 /km");
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Pace (calculated)"));

  choose (dialog, "Type", "Tempo Run");
  type_into (dialog, "Effort", "6");
  type_into (dialog, "Average Heart Rate", "148");
  type_into (dialog, "Notes", "Felt smooth");
  g_assert_true (button_sensitive (dialog, "run-dialog.save"));

  click (dialog, "run-dialog.save");
  g_assert_null (fixture->window);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 1);

  get_run (fixture, fixture->saved_id, &run);
  g_assert_cmpint (run.sport, ==, STRIDE_SPORT_RUN);
  g_assert_cmpfloat_with_epsilon (run.distance_m, 10500.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (run.duration_s, 3150.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stride_units_pace_from (run.distance_m, run.duration_s),
                                  300.0, 1e-9);
  g_assert_cmpint (run.start_utc, ==, utc_of (2026, 11, 20, 7, 30));
  g_assert_cmpint (run.tz_offset_s, ==, 0);
  g_assert_cmpint (run.run_type, ==, STRIDE_RUN_TYPE_TEMPO);
  g_assert_cmpint (run.rpe, ==, 6);
  g_assert_cmpint (run.avg_hr, ==, 148);
  g_assert_cmpint (run.shoe_id, ==, 0);
  g_assert_cmpstr (run.notes, ==, "Felt smooth");
  stride_activity_clear (&run);
}

static void
test_run_new_imperial (Fixture       *fixture,
                       gconstpointer  data)
{
  StrideRunDialog *dialog;
  StrideActivity run = { 0 };
  g_autofree char *pace = NULL;

  g_settings_set_string (fixture->settings, "unit-system", "imperial");
  g_settings_set_string (fixture->settings, "pace-unit", "per-mile");

  dialog = open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, 0));
  pick_date (dialog, julian (2026, 4, 20));
  type_into (dialog, "Start Time", "9:05");
  type_into (dialog, "Distance", "26.2 mi");
  type_into (dialog, "Duration", "3:59:59");
  pace = stride_units_format_pace (stride_units_pace_from (26.2 * STRIDE_METERS_PER_MILE, 14399),
                                   STRIDE_UNITS_IMPERIAL);
  g_assert_cmpstr (text_of (dialog, "Pace"), ==, pace);
  g_assert_cmpstr (pace, ==, "9:10 /mi");
  choose (dialog, "Type", "Race");

  click (dialog, "run-dialog.save");
  g_assert_null (fixture->window);
  get_run (fixture, fixture->saved_id, &run);
  g_assert_cmpfloat_with_epsilon (run.distance_m, 26.2 * STRIDE_METERS_PER_MILE, 1e-6);
  g_assert_cmpfloat_with_epsilon (run.duration_s, 14399.0, 1e-9);
  g_assert_cmpint (run.start_utc, ==, utc_of (2026, 4, 20, 9, 5));
  g_assert_cmpint (run.run_type, ==, STRIDE_RUN_TYPE_RACE);
  g_assert_cmpint (run.rpe, ==, 0);
  g_assert_cmpint (run.avg_hr, ==, 0);
  g_assert_null (run.notes);
  stride_activity_clear (&run);
}

/* Any two of the three: a pace with a duration gives the distance, a bare
 * number is in the user's units, and the last two typed win. */
static void
test_run_any_two (Fixture       *fixture,
                  gconstpointer  data)
{
  StrideRunDialog *dialog;
  StrideActivity run = { 0 };

  dialog = open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, 0));
  type_into (dialog, "Start Time", "06:00");
  pick_date (dialog, julian (2026, 1, 5));

  type_into (dialog, "Pace", "4:05/km");
  type_into (dialog, "Duration", "49:00");
  g_assert_cmpstr (text_of (dialog, "Distance"), ==, "12.0 km");

  /* The last two typed win: now pace and distance, so the duration follows. */
  type_into (dialog, "Pace", "4:05");
  type_into (dialog, "Distance", "42.2");
  g_assert_cmpstr (text_of (dialog, "Duration"), ==, "2:52:19");
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Duration (calculated)"));
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Distance"));
  g_assert_null (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Distance (calculated)"));

  /* A pace per mile while the settings say km. */
  type_into (dialog, "Pace", "7:30/mi");
  type_into (dialog, "Distance", "");
  g_assert_cmpstr (text_of (dialog, "Duration"), ==, "");
  g_assert_false (button_sensitive (dialog, "run-dialog.save"));
  type_into (dialog, "Duration", "45:00");
  g_assert_cmpstr (text_of (dialog, "Distance"), ==, "9.66 km");

  click (dialog, "run-dialog.save");
  g_assert_null (fixture->window);
  get_run (fixture, fixture->saved_id, &run);
  g_assert_cmpfloat_with_epsilon (run.distance_m, 6 * STRIDE_METERS_PER_MILE, 1e-6);
  g_assert_cmpfloat_with_epsilon (run.duration_s, 2700.0, 1e-9);
  stride_activity_clear (&run);
}

typedef struct
{
  const char *field;
  const char *text;
  const char *message;
} BadInput;

static void
test_run_bad_input (Fixture       *fixture,
                    gconstpointer  data)
{
  static const BadInput bad[] = {
    { "Distance", "abc", "“abc” is not a distance" },
    { "Distance", "-5", "A distance cannot be negative" },
    { "Distance", "42,2", "Use a point as the decimal separator" },
    { "Duration", "45:7", "Seconds need two digits" },
    { "Pace", "1:20/km", "Pace 1:20/km is faster than the world record — check distance and time" },
    { "Pace", "abc", "“abc” is not a pace" },
    { "Effort", "11", "RPE must be 1–10" },
    { "Effort", "0", "RPE must be 1–10" },
    { "Effort", "hard", "is not an effort" },
    { "Average Heart Rate", "20", "Heart rate must be 30–250 bpm" },
    { "Average Heart Rate", "-150", "Heart rate must be 30–250 bpm" },
    { "Average Heart Rate", "fast", "is not a heart rate" },
    { "Start Time", "25:00", "is not a time of day" },
    { "Start Time", "", "Enter the start time as HH:MM" },
  };
  StrideRunDialog *dialog;

  dialog = open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, 0));
  pick_date (dialog, julian (2026, 3, 1));
  type_into (dialog, "Start Time", "18:00");
  type_into (dialog, "Distance", "10 km");
  type_into (dialog, "Duration", "50:00");
  g_assert_true (button_sensitive (dialog, "run-dialog.save"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *good = g_strdup (text_of (dialog, bad[i].field));

      g_test_message ("%s = “%s”", bad[i].field, bad[i].text);
      type_into (dialog, bad[i].field, bad[i].text);
      g_assert_true (shows (dialog, bad[i].message));
      g_assert_true (row_has_error (dialog, bad[i].field));
      g_assert_false (button_sensitive (dialog, "run-dialog.save"));

      /* Neither the button nor the shortcut's action writes anything. */
      click (dialog, "run-dialog.save");
      gtk_widget_activate_action (GTK_WIDGET (dialog), "run-dialog.save", NULL);
      g_assert_nonnull (fixture->window);
      g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 0);

      /* Pace was calculated: put the distance back instead. */
      if (g_str_equal (bad[i].field, "Pace"))
        {
          type_into (dialog, "Distance", "10 km");
          type_into (dialog, "Duration", "50:00");
        }
      else
        type_into (dialog, bad[i].field, good);
      g_assert_false (row_has_error (dialog, bad[i].field));
      g_assert_true (button_sensitive (dialog, "run-dialog.save"));
    }

  /* Distance and time that make a world-record pace. */
  type_into (dialog, "Duration", "13:20");
  g_assert_cmpstr (text_of (dialog, "Pace"), ==, "1:20 /km");
  g_assert_true (shows (dialog, "Pace 1:20 /km is faster than the world record"));
  g_assert_false (button_sensitive (dialog, "run-dialog.save"));
  type_into (dialog, "Duration", "500:00");
  g_assert_cmpstr (text_of (dialog, "Pace"), ==, "50:00 /km");
  g_assert_true (button_sensitive (dialog, "run-dialog.save"));
  type_into (dialog, "Duration", "800:00");
  g_assert_true (shows (dialog, "too slow for a run"));
  g_assert_false (button_sensitive (dialog, "run-dialog.save"));

  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 0);
}

static void
test_run_edit (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 shoe = add_shoe (fixture, "Pegasus", julian (2026, 1, 1), 0);
  /* An imported run: more digits than the form shows. */
  gint64 id = add_run (fixture, 21123.4, 6302.6, shoe);
  StrideRunDialog *dialog;
  StrideActivity run = { 0 };
  g_autofree char *type = NULL;
  g_autofree char *shoe_name = NULL;

  dialog = open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, id));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Run");
  g_assert_true (shows (dialog, "Tue 10 Nov 2026"));
  g_assert_cmpstr (text_of (dialog, "Start Time"), ==, "06:45");
  g_assert_cmpstr (text_of (dialog, "Distance"), ==, "21.12 km");
  g_assert_cmpstr (text_of (dialog, "Duration"), ==, "1:45:03");
  g_assert_cmpstr (text_of (dialog, "Pace"), ==, "4:58 /km");
  g_assert_cmpstr (text_of (dialog, "Effort"), ==, "4");
  g_assert_cmpstr (text_of (dialog, "Average Heart Rate"), ==, "140");
  g_assert_cmpstr (text_of (dialog, "Notes"), ==, "Windy");
  type = chosen (dialog, "Type");
  g_assert_cmpstr (type, ==, "Long Run");
  shoe_name = chosen (dialog, "Shoe");
  g_assert_cmpstr (shoe_name, ==, "Pegasus");
  g_assert_true (gtk_widget_get_visible (find_button (GTK_WIDGET (dialog),
                                                     "run-dialog.delete")));

  type_into (dialog, "Average Heart Rate", "151");
  type_into (dialog, "Notes", "Windy, then rain");
  click (dialog, "run-dialog.save");
  g_assert_null (fixture->window);
  g_assert_cmpint (fixture->saved_id, ==, id);
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 1);

  get_run (fixture, id, &run);
  g_assert_cmpint (run.avg_hr, ==, 151);
  g_assert_cmpstr (run.notes, ==, "Windy, then rain");
  /* Untouched fields keep their exact values. */
  g_assert_cmpfloat (run.distance_m, ==, 21123.4);
  g_assert_cmpfloat (run.duration_s, ==, 6302.6);
  g_assert_cmpint (run.start_utc, ==, utc_of (2026, 11, 10, 6, 45));
  g_assert_cmpint (run.shoe_id, ==, shoe);
  g_assert_cmpint (run.run_type, ==, STRIDE_RUN_TYPE_LONG);
  stride_activity_clear (&run);

  /* A second edit changes the distance: the pace follows, the duration stays. */
  dialog = open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, id));
  type_into (dialog, "Distance", "21.1");
  g_assert_cmpstr (text_of (dialog, "Duration"), ==, "1:45:03");
  choose (dialog, "Shoe", "None");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "run-dialog.save", NULL);
  g_assert_null (fixture->window);
  get_run (fixture, id, &run);
  g_assert_cmpfloat_with_epsilon (run.distance_m, 21100.0, 1e-9);
  g_assert_cmpfloat (run.duration_s, ==, 6302.6);
  g_assert_cmpint (run.shoe_id, ==, 0);
  stride_activity_clear (&run);
}

static void
test_run_future_date (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  StrideRunDialog *dialog;
  StrideActivity run = { 0 };

  dialog = open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, 0));
  pick_date (dialog, julian (g_date_time_get_year (later), g_date_time_get_month (later),
                             g_date_time_get_day_of_month (later)));
  type_into (dialog, "Start Time", "08:00");
  type_into (dialog, "Distance", "8");
  type_into (dialog, "Duration", "40");
  g_assert_true (button_sensitive (dialog, "run-dialog.save"));

  /* It asks first; "Cancel" writes nothing and keeps the form. */
  click (dialog, "run-dialog.save");
  g_assert_nonnull (message_dialog_for (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (message_dialog_for (dialog)), ==,
                   "Log a Run in the Future?");
  respond (dialog, "cancel");
  g_assert_nonnull (fixture->window);
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 0);
  g_assert_cmpstr (text_of (dialog, "Distance"), ==, "8");

  /* "Save Anyway", clicked on the message dialog's own button. */
  click (dialog, "run-dialog.save");
  {
    GtkWidget *button = find_button_by_label (GTK_WIDGET (message_dialog_for (dialog)),
                                              "_Save Anyway");

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    settle ();
  }
  g_assert_null (fixture->window);
  g_assert_null (message_dialog_for (fixture->parent));
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 1);
  get_run (fixture, fixture->saved_id, &run);
  g_assert_cmpfloat_with_epsilon (run.distance_m, 8000.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (run.duration_s, 2400.0, 1e-9);
  stride_activity_clear (&run);
}

static void
test_run_store_error (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = add_run (fixture, 10000, 3000, 0);
  g_autoptr(GError) error = NULL;
  StrideRunDialog *dialog;

  dialog = open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, id));
  type_into (dialog, "Effort", "7");

  /* Another window deletes the run while this dialog is open. */
  g_assert_true (stride_store_delete_activity (fixture->store, id, &error));
  g_assert_no_error (error);

  click (dialog, "run-dialog.save");
  g_assert_nonnull (fixture->window);
  g_assert_true (shows (dialog, "The run was not saved: There is no activity"));
  g_assert_cmpstr (text_of (dialog, "Effort"), ==, "7");
  g_assert_cmpstr (text_of (dialog, "Distance"), ==, "10.0 km");
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 0);
}

static void
test_run_delete_requested (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 id = add_run (fixture, 10000, 3000, 0);

  open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, id));
  click (fixture->window, "run-dialog.delete");
  g_assert_null (fixture->window);
  g_assert_cmpint (fixture->delete_id, ==, id);
  /* The window deletes, with undo; the dialog only asks. */
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 1);
}

static void
test_run_shoes (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 in_use = add_shoe (fixture, "Clifton", julian (2026, 2, 1), 0);
  gint64 retired = add_shoe (fixture, "Old Kinvara", julian (2025, 1, 1), julian (2025, 12, 1));
  gint64 id = add_run (fixture, 10000, 3000, retired);
  g_autofree char *items = NULL;
  g_autofree char *edit_items = NULL;
  g_autofree char *selected = NULL;
  StrideActivity run = { 0 };

  /* A new run is offered only the shoes in use. */
  open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, 0));
  items = combo_items (fixture->window, "Shoe");
  g_assert_cmpstr (items, ==, "None|Clifton|");
  pick_date (fixture->window, julian (2026, 2, 3));
  type_into (fixture->window, "Start Time", "17:15");
  type_into (fixture->window, "Distance", "5 km");
  type_into (fixture->window, "Pace", "5:30");
  choose (fixture->window, "Shoe", "Clifton");
  click (fixture->window, "run-dialog.save");
  g_assert_null (fixture->window);
  get_run (fixture, fixture->saved_id, &run);
  g_assert_cmpint (run.shoe_id, ==, in_use);
  g_assert_cmpfloat_with_epsilon (run.duration_s, 1650.0, 1e-9);
  stride_activity_clear (&run);

  /* A run that wore a retired shoe still shows it. */
  open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, id));
  edit_items = combo_items (fixture->window, "Shoe");
  g_assert_cmpstr (edit_items, ==, "None|Clifton|Old Kinvara (retired)|");
  selected = chosen (fixture->window, "Shoe");
  g_assert_cmpstr (selected, ==, "Old Kinvara (retired)");
  click (fixture->window, "run-dialog.save");
  g_assert_null (fixture->window);
  get_run (fixture, id, &run);
  g_assert_cmpint (run.shoe_id, ==, retired);
  stride_activity_clear (&run);
}

static void
test_run_then_pain (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StrideRunDialog *dialog;
  StridePainEntry pain = { 0 };

  dialog = open_dialog (fixture, stride_run_dialog_new (fixture->parent, fixture->store, 0));
  g_signal_connect (dialog, "pain-dialog-opened", G_CALLBACK (pain_dialog_opened_cb), fixture);
  pick_date (dialog, julian (2026, 6, 14));
  type_into (dialog, "Start Time", "19:00");
  type_into (dialog, "Distance", "6 km");
  type_into (dialog, "Duration", "33:00");
  gtk_switch_set_active (GTK_SWITCH (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SWITCH)),
                         TRUE);
  /* Enter in the last field saves. */
  g_signal_emit_by_name (entry_row (dialog, "Notes"), "entry-activated");
  g_assert_null (fixture->window);
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 1);

  /* The pain dialog follows, on the run's day, on top of the window. */
  g_assert_nonnull (fixture->pain_dialog);
  g_assert_true (STRIDE_IS_PAIN_DIALOG (fixture->pain_dialog));
  fixture->pain_window = fixture->pain_dialog;
  g_object_add_weak_pointer (G_OBJECT (fixture->pain_window), &fixture->pain_window);
  g_assert_true (gtk_window_get_transient_for (fixture->pain_window) == fixture->parent);
  g_assert_true (wait_for (is_mapped, fixture->pain_window));
  g_assert_true (shows (fixture->pain_window, "Sun 14 Jun 2026"));
  choose (fixture->pain_window, "Location", "Achilles tendon");
  choose (fixture->pain_window, "Side", "Left");
  click (fixture->pain_window, "pain-dialog.save");
  g_assert_null (fixture->pain_window);

  g_assert_cmpint (count_rows (fixture->store, "pain_entry"), ==, 1);
  g_assert_true (stride_store_get_pain_entry (fixture->store, fixture->saved_id, &pain, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pain.date, ==, julian (2026, 6, 14));
  g_assert_cmpstr (pain.location, ==, "achilles");
  g_assert_cmpint (pain.side, ==, STRIDE_SIDE_LEFT);
  stride_pain_entry_clear (&pain);
}

/* The rules without widgets */

static void
test_run_checks (void)
{
  static const struct
  {
    const char *text;
    gboolean    ok;
    int         minutes;
  } times[] = {
    { "07:30", TRUE, 450 }, { "7:30", TRUE, 450 }, { " 23:59 ", TRUE, 1439 },
    { "00:00", TRUE, 0 }, { "24:00", FALSE, 0 }, { "7:5", FALSE, 0 }, { "730", FALSE, 0 },
    { "7:30pm", FALSE, 0 }, { "", FALSE, 0 }, { "12:60", FALSE, 0 },
  };
  static const struct
  {
    const char *text;
    gboolean    ok;
    int         value;
  } heart_rates[] = {
    { "", TRUE, 0 }, { "145", TRUE, 145 }, { "150 bpm", TRUE, 150 }, { "30", TRUE, 30 },
    { "250", TRUE, 250 }, { "29", FALSE, 0 }, { "251", FALSE, 0 }, { "-1", FALSE, 0 },
    { "14.5", FALSE, 0 }, { "abc", FALSE, 0 },
  }, rpes[] = {
    { "", TRUE, 0 }, { "1", TRUE, 1 }, { " 10 ", TRUE, 10 }, { "0", FALSE, 0 },
    { "11", FALSE, 0 }, { "7.5", FALSE, 0 }, { "x", FALSE, 0 },
  };
  double pace = 0;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GError) error = NULL;
      int minutes = -1;

      g_assert_cmpint (stride_run_check_time_of_day (times[i].text, &minutes, &error), ==,
                       times[i].ok);
      if (times[i].ok)
        g_assert_cmpint (minutes, ==, times[i].minutes);
      else
        g_assert_error (error, STRIDE_UNITS_ERROR, error->code);
    }

  for (guint i = 0; i < G_N_ELEMENTS (heart_rates); i++)
    {
      g_autoptr(GError) error = NULL;
      int bpm = -1;

      g_assert_cmpint (stride_run_check_heart_rate (heart_rates[i].text, &bpm, &error), ==,
                       heart_rates[i].ok);
      if (heart_rates[i].ok)
        g_assert_cmpint (bpm, ==, heart_rates[i].value);
      else
        g_assert_nonnull (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rpes); i++)
    {
      g_autoptr(GError) error = NULL;
      int rpe = -1;

      g_assert_cmpint (stride_run_check_rpe (rpes[i].text, &rpe, &error), ==, rpes[i].ok);
      if (rpes[i].ok)
        g_assert_cmpint (rpe, ==, rpes[i].value);
      else
        g_assert_nonnull (error);
    }

  /* World records: 10 km in 26:11, the marathon in 2:00:35. */
  g_assert_cmpfloat_with_epsilon (stride_run_world_record_pace (10000), 157.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (stride_run_world_record_pace (12000), 157.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (stride_run_world_record_pace (42195), 7235 / 42.195, 1e-9);
  g_assert_cmpfloat_with_epsilon (stride_run_world_record_pace (50), 95.8, 1e-9);
  g_assert_true (stride_run_check_pace (10000, 158, STRIDE_UNITS_METRIC, NULL));
  g_assert_false (stride_run_check_pace (10000, 156, STRIDE_UNITS_METRIC, NULL));
  g_assert_true (stride_run_check_pace (5000, 156, STRIDE_UNITS_METRIC, NULL));
  g_assert_false (stride_run_check_pace (42195, 165, STRIDE_UNITS_METRIC, NULL));
  g_assert_false (stride_run_check_pace (5000, 3601, STRIDE_UNITS_METRIC, NULL));

  /* Typed paces. */
  g_assert_true (stride_run_parse_pace ("4:05", STRIDE_UNITS_METRIC, &pace, NULL));
  g_assert_cmpfloat (pace, ==, 245);
  g_assert_true (stride_run_parse_pace ("7:30/mi", STRIDE_UNITS_METRIC, &pace, NULL));
  g_assert_cmpfloat_with_epsilon (pace, 450 / 1.609344, 1e-9);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (stride_run_parse_pace ("1:20/km", STRIDE_UNITS_METRIC, &pace, &error));
    g_assert_cmpstr (error->message, ==,
                     "Pace 1:20/km is faster than the world record — check distance and time");
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (stride_run_parse_pace ("2:00 /mi", STRIDE_UNITS_METRIC, &pace, &error));
    g_assert_nonnull (strstr (error->message, "world record"));
  }
  {
    g_autoptr(GError) error = NULL;

    /* Too slow and bad seconds keep the parser's own words. */
    g_assert_false (stride_run_parse_pace ("75:00", STRIDE_UNITS_METRIC, &pace, &error));
    g_assert_null (strstr (error->message, "world record"));
    g_clear_error (&error);
    g_assert_false (stride_run_parse_pace ("4:75", STRIDE_UNITS_METRIC, &pace, &error));
    g_assert_nonnull (strstr (error->message, "Seconds must be below 60"));
  }
}

/* Pain dialog */

static void
test_pain_new_and_edit (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StridePainDialog *dialog;
  StridePainEntry pain = { 0 };
  GtkSpinButton *severity;
  g_autofree char *location = NULL;
  g_autofree char *side = NULL;
  gint64 id;

  dialog = open_dialog (fixture,
                        stride_pain_dialog_new (fixture->parent, fixture->store, 0,
                                                julian (2026, 9, 2)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Log Pain");
  g_assert_true (shows (dialog, "Wed 2 Sep 2026"));
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (dialog),
                                                       "pain-dialog.delete")));
  choose (dialog, "Location", "Knee");
  choose (dialog, "Side", "Right");
  severity = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON));
  gtk_spin_button_set_value (severity, 5);
  type_into (dialog, "Note", "  Stairs hurt  ");
  g_assert_true (button_sensitive (dialog, "pain-dialog.save"));
  click (dialog, "pain-dialog.save");
  g_assert_null (fixture->window);

  id = fixture->saved_id;
  g_assert_cmpint (count_rows (fixture->store, "pain_entry"), ==, 1);
  g_assert_true (stride_store_get_pain_entry (fixture->store, id, &pain, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pain.date, ==, julian (2026, 9, 2));
  g_assert_cmpstr (pain.location, ==, "knee");
  g_assert_cmpint (pain.side, ==, STRIDE_SIDE_RIGHT);
  g_assert_cmpint (pain.severity, ==, 5);
  g_assert_cmpstr (pain.notes, ==, "Stairs hurt");
  stride_pain_entry_clear (&pain);

  /* Edit: the entry loads, the date and severity change, Save updates. */
  dialog = open_dialog (fixture, stride_pain_dialog_new (fixture->parent, fixture->store, id, 0));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Pain");
  location = chosen (dialog, "Location");
  side = chosen (dialog, "Side");
  g_assert_cmpstr (location, ==, "Knee");
  g_assert_cmpstr (side, ==, "Right");
  g_assert_cmpstr (text_of (dialog, "Note"), ==, "Stairs hurt");
  severity = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (severity), ==, 5);
  gtk_spin_button_set_value (severity, 2);
  pick_date (dialog, julian (2026, 9, 4));
  type_into (dialog, "Note", "");
  click (dialog, "pain-dialog.save");
  g_assert_null (fixture->window);
  g_assert_cmpint (fixture->saved_id, ==, id);
  g_assert_cmpint (count_rows (fixture->store, "pain_entry"), ==, 1);
  g_assert_true (stride_store_get_pain_entry (fixture->store, id, &pain, &error));
  g_assert_cmpuint (pain.date, ==, julian (2026, 9, 4));
  g_assert_cmpint (pain.severity, ==, 2);
  g_assert_null (pain.notes);
  stride_pain_entry_clear (&pain);

  /* Delete asks the caller and closes. */
  open_dialog (fixture, stride_pain_dialog_new (fixture->parent, fixture->store, id, 0));
  g_assert_true (gtk_widget_get_visible (find_button (fixture->window, "pain-dialog.delete")));
  click (fixture->window, "pain-dialog.delete");
  g_assert_null (fixture->window);
  g_assert_cmpint (fixture->delete_id, ==, id);
  g_assert_cmpint (count_rows (fixture->store, "pain_entry"), ==, 1);
}

static void
test_pain_store_error (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  StridePainEntry pain = { 0 };

  pain.date = julian (2026, 9, 2);
  pain.location = (char *) "shin";
  pain.side = STRIDE_SIDE_BOTH;
  pain.severity = 4;
  g_assert_true (stride_store_add_pain_entry (fixture->store, &pain, &error));

  open_dialog (fixture, stride_pain_dialog_new (fixture->parent, fixture->store, pain.id, 0));
  g_assert_true (stride_store_delete_pain_entry (fixture->store, pain.id, &error));
  g_assert_no_error (error);
  type_into (fixture->window, "Note", "still sore");
  click (fixture->window, "pain-dialog.save");
  g_assert_nonnull (fixture->window);
  g_assert_true (shows (fixture->window, "The pain entry was not saved"));
  g_assert_cmpstr (text_of (fixture->window, "Note"), ==, "still sore");
  g_assert_cmpint (count_rows (fixture->store, "pain_entry"), ==, 0);
}

/* Shoes window */

static GtkWidget *
shoe_row (gpointer    window,
          const char *name)
{
  return find_row (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, name);
}

static const char *
shoe_group (gpointer    window,
            const char *name)
{
  GtkWidget *row = shoe_row (window, name);
  GtkWidget *group = row ? gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP) : NULL;

  return group ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;
}

static void
get_shoe (Fixture    *fixture,
          gint64      id,
          StrideShoe *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) shoes = stride_store_list_shoes (fixture->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < shoes->len; i++)
    if (g_array_index (shoes, StrideShoe, i).id == id)
      {
        StrideShoe *shoe = &g_array_index (shoes, StrideShoe, i);

        *out = *shoe;
        out->name = g_strdup (shoe->name);
        return;
      }

  g_assert_not_reached ();
}

static void
changed_cb (GtkWindow *window,
            guint     *n_changed)
{
  (*n_changed)++;
}

static void
test_shoes_manage (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 run_id;
  gint64 id;
  guint n_changed = 0;
  StrideShoesWindow *window;
  StrideActivity run = { 0 };
  StrideShoe shoe = { 0 };
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  window = open_dialog (fixture, stride_shoes_window_new (fixture->parent, fixture->store));
  g_signal_connect (window, "changed", G_CALLBACK (changed_cb), &n_changed);
  g_assert_true (shows (window, "No shoes in use"));
  g_assert_false (button_sensitive (window, "shoes.add"));

  /* Add */
  pick_date (window, julian (2026, 3, 15));
  type_into (window, "Name", "  Pegasus 41 ");
  g_assert_true (button_sensitive (window, "shoes.add"));
  click (window, "shoes.add");
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (count_rows (fixture->store, "shoe"), ==, 1);
  g_assert_cmpstr (text_of (window, "Name"), ==, "");
  g_assert_cmpstr (shoe_group (window, "Pegasus 41"), ==, "In Use");
  g_assert_true (shows (window, "0.0 km · since 15 Mar 2026"));

  {
    g_autoptr(GArray) shoes = stride_store_list_shoes (fixture->store, NULL);

    id = g_array_index (shoes, StrideShoe, 0).id;
  }
  run_id = add_run (fixture, 12000, 3600, id);
  get_shoe (fixture, id, &shoe);
  g_assert_cmpstr (shoe.name, ==, "Pegasus 41");
  g_assert_cmpuint (shoe.start_date, ==, julian (2026, 3, 15));
  g_assert_cmpuint (shoe.retired_date, ==, 0);
  stride_shoe_clear (&shoe);

  /* Rename, through the dialog it asks in. */
  gtk_widget_activate_action (GTK_WIDGET (window), "shoes.rename", "x", id);
  dialog = message_dialog_for (window);
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Pegasus 41");
  gtk_editable_set_text (GTK_EDITABLE (entry), " ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Race Day Pegasus");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  respond (window, "rename");
  g_assert_cmpuint (n_changed, ==, 2);
  get_shoe (fixture, id, &shoe);
  g_assert_cmpstr (shoe.name, ==, "Race Day Pegasus");
  stride_shoe_clear (&shoe);
  g_assert_nonnull (shoe_row (window, "Race Day Pegasus"));
  g_assert_true (shows (window, "12.0 km · since 15 Mar 2026"));

  /* Retire and return to use. */
  gtk_widget_activate_action (GTK_WIDGET (window), "shoes.retire", "x", id);
  g_assert_cmpuint (n_changed, ==, 3);
  get_shoe (fixture, id, &shoe);
  g_assert_cmpuint (shoe.retired_date, ==, MAX (stride_today_julian (), julian (2026, 3, 15)));
  stride_shoe_clear (&shoe);
  g_assert_cmpstr (shoe_group (window, "Race Day Pegasus"), ==, "Retired");
  g_assert_true (shows (window, "No shoes in use"));

  gtk_widget_activate_action (GTK_WIDGET (window), "shoes.unretire", "x", id);
  g_assert_cmpuint (n_changed, ==, 4);
  get_shoe (fixture, id, &shoe);
  g_assert_cmpuint (shoe.retired_date, ==, 0);
  stride_shoe_clear (&shoe);
  g_assert_cmpstr (shoe_group (window, "Race Day Pegasus"), ==, "In Use");

  /* Delete asks first and says the runs stay; Cancel keeps the shoe. */
  gtk_widget_activate_action (GTK_WIDGET (window), "shoes.delete", "x", id);
  dialog = message_dialog_for (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "keep all their data"));
  respond (window, "cancel");
  g_assert_cmpint (count_rows (fixture->store, "shoe"), ==, 1);
  g_assert_cmpuint (n_changed, ==, 4);

  gtk_widget_activate_action (GTK_WIDGET (window), "shoes.delete", "x", id);
  respond (window, "delete");
  g_assert_cmpuint (n_changed, ==, 5);
  g_assert_cmpint (count_rows (fixture->store, "shoe"), ==, 0);
  g_assert_null (shoe_row (window, "Race Day Pegasus"));
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 1);
  get_run (fixture, run_id, &run);
  g_assert_cmpint (run.shoe_id, ==, 0);
  g_assert_cmpfloat (run.distance_m, ==, 12000);
  stride_activity_clear (&run);
}

static void
test_shoes_mileage (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 daily = add_shoe (fixture, "Daily Trainer", julian (2026, 1, 10), 0);
  gint64 old = add_shoe (fixture, "Worn Out", julian (2025, 1, 1), julian (2025, 12, 31));
  StrideShoesWindow *window;
  g_autofree char *daily_text = NULL;

  add_run (fixture, 10000, 3000, daily);
  add_run (fixture, 11100, 3300, daily);
  add_run (fixture, 42195, 12600, old);
  add_run (fixture, 5000, 1500, 0);

  window = open_dialog (fixture, stride_shoes_window_new (fixture->parent, fixture->store));
  g_assert_cmpstr (shoe_group (window, "Daily Trainer"), ==, "In Use");
  g_assert_cmpstr (shoe_group (window, "Worn Out"), ==, "Retired");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (shoe_row (window,
                                                                          "Daily Trainer"))),
                   ==, "21.1 km · since 10 Jan 2026");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (shoe_row (window, "Worn Out"))),
                   ==, "42.2 km · 1 Jan 2025 – 31 Dec 2025");

  /* The user's units, also when they change while the window is open. */
  g_settings_set_string (fixture->settings, "unit-system", "imperial");
  settle ();
  daily_text = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (shoe_row (window,
                                                                               "Daily Trainer"))));
  g_assert_cmpstr (daily_text, ==, "13.11 mi · since 10 Jan 2026");
  g_assert_true (shows (window, "26.22 mi · 1 Jan 2025 – 31 Dec 2025"));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/ui/run-dialog/new-metric", test_run_new_metric);
  ADD ("/ui/run-dialog/new-imperial", test_run_new_imperial);
  ADD ("/ui/run-dialog/any-two", test_run_any_two);
  ADD ("/ui/run-dialog/bad-input", test_run_bad_input);
  ADD ("/ui/run-dialog/edit", test_run_edit);
  ADD ("/ui/run-dialog/future-date", test_run_future_date);
  ADD ("/ui/run-dialog/store-error", test_run_store_error);
  ADD ("/ui/run-dialog/delete-requested", test_run_delete_requested);
  ADD ("/ui/run-dialog/shoes", test_run_shoes);
  ADD ("/ui/run-dialog/then-pain", test_run_then_pain);
  g_test_add_func ("/ui/run-dialog/checks", test_run_checks);
  ADD ("/ui/pain-dialog/new-and-edit", test_pain_new_and_edit);
  ADD ("/ui/pain-dialog/store-error", test_pain_store_error);
  ADD ("/ui/shoes-window/manage", test_shoes_manage);
  ADD ("/ui/shoes-window/mileage", test_shoes_mileage);

#undef ADD

  return g_test_run ();
}
