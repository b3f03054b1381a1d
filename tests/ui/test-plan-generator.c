/* test-plan-generator.c — drives the "Generate a Plan" dialog under Xvfb
 * on a demo journal, through its real widgets, and reads back what it
 * wrote.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "stride-form.h"
#include "stride-plan-generator-dialog-private.h"
#include "stride-store.h"

#include "form-test-util.h"
#include "ui-test-util.h"

static gboolean
preview_ready (gpointer data)
{
  return _stride_plan_generator_dialog_get_preview (data) != NULL;
}

static void
count_rows_of (GtkWidget *widget,
               GType      type,
               guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget))
    (*n)++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_rows_of (child, type, n);
}

static GtkWidget *
apply_button (gpointer window)
{
  GtkWidget *button = find_button_by_label (GTK_WIDGET (window), "_Add to Plan");

  g_assert_nonnull (button);
  return button;
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

static void
pick_date (gpointer window,
           guint32  day)
{
  GtkCalendar *calendar = GTK_CALENDAR (find_descendant (GTK_WIDGET (window),
                                                         GTK_TYPE_CALENDAR));

  g_assert_nonnull (calendar);
  stride_form_calendar_select_julian (calendar, day);
}

/* Fixture: the one-year demo journal, a parent window and settings. */

typedef struct
{
  JournalFixture  journal;
  StrideStore    *store;
  GtkWindow      *parent;
  GSettings      *settings;
  guint           n_applied;
  guint           applied_entries;
  guint32         applied_first_day;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  journal_fixture_setup (&fixture->journal, GINT_TO_POINTER (TRUE));
  fixture->store = stride_store_open (fixture->journal.path, &error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new (APP_ID);
  g_settings_set_string (fixture->settings, "unit-system", "metric");
  g_settings_set_string (fixture->settings, "pace-unit", "per-km");
  g_settings_set_string (fixture->settings, "first-weekday", "monday");

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
  g_settings_reset (fixture->settings, "first-weekday");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  journal_fixture_teardown (&fixture->journal, NULL);
}

static void
applied_cb (GtkWindow *dialog,
            guint      n_entries,
            guint32    first_day,
            Fixture   *fixture)
{
  fixture->n_applied++;
  fixture->applied_entries = n_entries;
  fixture->applied_first_day = first_day;
}

static gpointer
open_dialog (Fixture *fixture)
{
  StridePlanGeneratorDialog *dialog = stride_plan_generator_dialog_new (fixture->parent,
                                                                        fixture->store);

  g_signal_connect (dialog, "applied", G_CALLBACK (applied_cb), fixture);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_for (is_mapped, dialog));

  return dialog;
}

/* A new 10 km race @days_out days from today, and its preview. */
static const StridePlanResult *
plan_new_race (gpointer dialog,
               guint    days_out)
{
  choose (dialog, "Race", "New Race…");
  choose (dialog, "Distance", "10 km");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Name")),
                         "Autumn 10K");
  pick_date (dialog, stride_today_julian () + days_out);
  g_assert_true (wait_for (preview_ready, dialog));

  return _stride_plan_generator_dialog_get_preview (dialog);
}

static GArray *
list_entries (Fixture *fixture,
              guint32  from,
              guint32  to)
{
  g_autoptr(GError) error = NULL;
  GArray *entries = stride_store_list_plan_entries (fixture->store, from, to, &error);

  g_assert_no_error (error);
  return entries;
}

static gboolean
has_id (GArray *entries,
        gint64  id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_array_index (entries, StridePlanEntry, i).id == id)
      return TRUE;

  return FALSE;
}

/* The entries of @after that were not in @before (the demo journal comes
 * with a plan of its own), in the store's order: date, slot, id. */
static GArray *
added_entries (GArray *before,
               GArray *after)
{
  GArray *added = g_array_new (FALSE, TRUE, sizeof (StridePlanEntry));

  for (guint i = 0; i < after->len; i++)
    {
      const StridePlanEntry *entry = &g_array_index (after, StridePlanEntry, i);

      if (!has_id (before, entry->id))
        g_array_append_vals (added, entry, 1);
    }

  return added;
}

/* Every entry of @before is still there, unchanged. */
static void
assert_kept (GArray *before,
             GArray *after)
{
  for (guint i = 0; i < before->len; i++)
    {
      const StridePlanEntry *old = &g_array_index (before, StridePlanEntry, i);
      gboolean found = FALSE;

      for (guint j = 0; j < after->len; j++)
        {
          const StridePlanEntry *now = &g_array_index (after, StridePlanEntry, j);

          if (now->id != old->id)
            continue;
          found = TRUE;
          g_assert_cmpuint (now->date, ==, old->date);
          g_assert_cmpint (now->slot, ==, old->slot);
          g_assert_cmpint (now->kind, ==, old->kind);
          g_assert_cmpstr (now->description, ==, old->description);
        }
      g_assert_true (found);
    }
}

/* The weekly distance is the mean of the last 4 full (Monday) weeks. */
static void
test_prefilled_weekly_distance (Fixture       *fixture,
                                gconstpointer  data)
{
  guint32 today = stride_today_julian ();
  guint32 monday = today - (today + 6) % 7;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *expected = NULL;
  double sum = 0.0;
  gpointer dialog;

  weeks = stride_store_list_weeks (fixture->store, monday - 28, monday - 1, G_DATE_MONDAY,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 4);
  for (guint i = 0; i < weeks->len; i++)
    {
      g_assert_cmpuint (g_array_index (weeks, StrideVolume, i).start, ==,
                        monday - 28 + 7 * i);
      sum += g_array_index (weeks, StrideVolume, i).run_distance_m;
    }
  g_assert_cmpfloat (sum, >, 0.0);
  expected = stride_units_format_distance (sum / 4, STRIDE_UNITS_METRIC);

  dialog = open_dialog (fixture);
  g_assert_cmpstr (text_of (dialog, "Current Weekly Distance"), ==, expected);
  /* The demo runs every week, so the longest run is known. */
  g_assert_false (shows (dialog, "assumed"));
}

/* A 10 km race 10 weeks out: at least 9 weeks, ending in a taper, shown
 * as rows; "Add to Plan" writes exactly those entries, and the race. */
static void
test_preview_and_apply (Fixture       *fixture,
                        gconstpointer  data)
{
  guint32 today = stride_today_julian ();
  guint32 race_date = today + 70;
  g_autoptr(GArray) before = list_entries (fixture, today + 1, race_date);
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) added = NULL;
  g_autoptr(GArray) races = NULL;
  g_autoptr(GError) error = NULL;
  const StridePlanResult *preview;
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (StridePlanEntry));
  gboolean taper = FALSE;
  gboolean race_found = FALSE;
  guint n_week_rows = 0;
  guint n_races_before = 0;
  gint64 before_total = count_rows (fixture->store, "plan_entry");
  gint64 races_total = count_rows (fixture->store, "race");
  gpointer dialog;

  races = stride_store_list_upcoming_races (fixture->store, today, &error);
  g_assert_no_error (error);
  n_races_before = races->len;
  g_clear_pointer (&races, g_array_unref);

  dialog = open_dialog (fixture);
  preview = plan_new_race (dialog, 70);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->weeks->len, >=, 9);
  for (guint i = 0; i < preview->weeks->len; i++)
    taper = taper || g_array_index (preview->weeks, StridePlanWeek, i).phase
                     == STRIDE_PLAN_PHASE_TAPER;
  g_assert_true (taper);
  g_assert_cmpuint (preview->entries->len, >, 0);

  count_rows_of (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, &n_week_rows);
  g_assert_cmpuint (n_week_rows, ==, preview->weeks->len);
  g_assert_true (shows (dialog, "Taper"));
  g_assert_true (shows (dialog, "Week 1 · Base"));
  g_assert_true (shows (dialog, "Predicted "));
  g_assert_true (gtk_widget_is_sensitive (apply_button (dialog)));
  /* Nothing is written before "Add to Plan". */
  g_assert_cmpint (count_rows (fixture->store, "plan_entry"), ==, before_total);
  g_assert_cmpint (count_rows (fixture->store, "race"), ==, races_total);

  /* A week opens to its entries. */
  {
    GtkWidget *week = find_row (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "Week 1");
    guint n_rows_before = 0;
    guint n_rows_after = 0;

    count_rows_of (week, ADW_TYPE_ACTION_ROW, &n_rows_before);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (week), TRUE);
    settle ();
    count_rows_of (week, ADW_TYPE_ACTION_ROW, &n_rows_after);
    g_assert_cmpuint (n_rows_after, >, n_rows_before);
  }

  g_array_append_vals (expected, preview->entries->data, preview->entries->len);
  g_signal_emit_by_name (apply_button (dialog), "clicked");
  settle ();

  g_assert_cmpuint (fixture->n_applied, ==, 1);
  g_assert_cmpuint (fixture->applied_entries, ==, expected->len);
  g_assert_cmpuint (fixture->applied_first_day, ==,
                    g_array_index (expected, StridePlanEntry, 0).date);

  after = list_entries (fixture, today + 1, race_date);
  added = added_entries (before, after);
  assert_kept (before, after);
  g_assert_cmpint (count_rows (fixture->store, "plan_entry"), ==, before_total + expected->len);
  g_assert_cmpuint (added->len, ==, expected->len);
  for (guint i = 0; i < MIN (expected->len, added->len); i++)
    {
      const StridePlanEntry *want = &g_array_index (expected, StridePlanEntry, i);
      const StridePlanEntry *got = &g_array_index (added, StridePlanEntry, i);

      g_assert_cmpuint (got->date, ==, want->date);
      g_assert_cmpint (got->slot, ==, want->slot);
      g_assert_cmpint (got->kind, ==, want->kind);
      g_assert_cmpfloat_with_epsilon (got->target_distance_m, want->target_distance_m, 1e-6);
    }

  races = stride_store_list_upcoming_races (fixture->store, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (races->len, ==, n_races_before + 1);
  for (guint i = 0; i < races->len; i++)
    {
      const StrideRace *race = &g_array_index (races, StrideRace, i);

      if (race->date == race_date && g_strcmp0 (race->name, "Autumn 10K") == 0)
        {
          g_assert_cmpfloat_with_epsilon (race->distance_m, 10000.0, 1e-6);
          race_found = TRUE;
        }
    }
  g_assert_true (race_found);
}

/* Deletes the demo journal's plan from tomorrow to @to, so the generator
 * has the days to itself. */
static void
clear_plan (Fixture *fixture,
            guint32  to)
{
  g_autoptr(GArray) entries = list_entries (fixture, stride_today_julian () + 1, to);

  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(GError) error = NULL;

      stride_store_delete_plan_entry (fixture->store,
                                      g_array_index (entries, StridePlanEntry, i).id, &error);
      g_assert_no_error (error);
    }
}

/* The user's own entry in the range stays, and nothing lands on its day
 * and slot: put it where the generator planned a morning run. */
static void
test_user_entry_kept (Fixture       *fixture,
                      gconstpointer  data)
{
  guint32 today = stride_today_julian ();
  guint32 race_date = today + 70;
  StridePlanEntry mine = {
    .slot = STRIDE_SLOT_MORNING,
    .kind = STRIDE_PLAN_KIND_RUN,
    .run_type = STRIDE_RUN_TYPE_EASY,
    .target_distance_m = 6000.0,
    .description = (char *) "My own run",
    .status = STRIDE_PLAN_STATUS_PLANNED,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) added = NULL;
  const StridePlanResult *preview;
  guint n_preview;
  guint n_mine = 0;
  gpointer dialog;

  clear_plan (fixture, race_date);
  dialog = open_dialog (fixture);
  preview = plan_new_race (dialog, 70);
  g_assert_nonnull (preview);
  for (guint i = 0; i < preview->entries->len && mine.date == 0; i++)
    {
      const StridePlanEntry *entry = &g_array_index (preview->entries, StridePlanEntry, i);

      if (entry->kind == STRIDE_PLAN_KIND_RUN && entry->slot == STRIDE_SLOT_MORNING)
        mine.date = entry->date;
    }
  g_assert_cmpuint (mine.date, !=, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  g_assert_true (stride_store_add_plan_entry (fixture->store, &mine, &error));
  g_assert_no_error (error);
  before = list_entries (fixture, today + 1, race_date);

  dialog = open_dialog (fixture);
  preview = plan_new_race (dialog, 70);
  g_assert_nonnull (preview);
  n_preview = preview->entries->len;
  for (guint i = 0; i < n_preview; i++)
    {
      const StridePlanEntry *entry = &g_array_index (preview->entries, StridePlanEntry, i);

      g_assert_false (entry->date == mine.date && entry->slot == mine.slot);
      g_assert_false (entry->date == mine.date && entry->kind == STRIDE_PLAN_KIND_RUN);
    }

  g_signal_emit_by_name (apply_button (dialog), "clicked");
  settle ();
  g_assert_cmpuint (fixture->n_applied, ==, 1);
  g_assert_cmpuint (fixture->applied_entries, ==, n_preview);

  after = list_entries (fixture, today + 1, race_date);
  added = added_entries (before, after);
  assert_kept (before, after);
  g_assert_cmpuint (added->len, ==, n_preview);
  for (guint i = 0; i < after->len; i++)
    {
      const StridePlanEntry *entry = &g_array_index (after, StridePlanEntry, i);

      if (entry->date != mine.date || entry->slot != mine.slot)
        continue;
      n_mine++;
      g_assert_cmpint (entry->id, ==, mine.id);
      g_assert_cmpstr (entry->description, ==, "My own run");
      g_assert_cmpfloat_with_epsilon (entry->target_distance_m, 6000.0, 1e-6);
    }
  g_assert_cmpuint (n_mine, ==, 1);
}

static gboolean
debounce_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* A race in the past: the date row says so, no preview, no "Add". */
static void
test_race_in_past (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 n_entries = count_rows (fixture->store, "plan_entry");
  gint64 later = 0;
  GtkWidget *date_row;
  gpointer dialog;

  dialog = open_dialog (fixture);
  plan_new_race (dialog, 70);
  g_assert_true (gtk_widget_is_sensitive (apply_button (dialog)));

  pick_date (dialog, stride_today_julian () - 3);
  settle ();
  g_assert_true (shows (dialog, "The race date is in the past"));
  date_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Date");
  g_assert_nonnull (date_row);
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (apply_button (dialog)));

  /* Still so once the preview would have updated. */
  later = g_get_monotonic_time () + G_USEC_PER_SEC;
  g_assert_true (wait_for (debounce_passed, &later));
  g_assert_null (_stride_plan_generator_dialog_get_preview (dialog));
  g_assert_false (gtk_widget_is_sensitive (apply_button (dialog)));
  g_assert_false (shows (dialog, "Week 1 · "));

  /* Ctrl+Return does nothing either. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "plan-generator-dialog.apply", NULL);
  settle ();
  g_assert_cmpuint (fixture->n_applied, ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "plan_entry"), ==, n_entries);
}

/* A race 10 days away: the planner's note says what it will and won't
 * plan, by the race and among the notes; a taper can still be added. */
static void
test_race_soon (Fixture       *fixture,
                gconstpointer  data)
{
  const StridePlanResult *preview;
  gpointer dialog;

  dialog = open_dialog (fixture);
  preview = plan_new_race (dialog, 10);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->notes->len, >, 0);
  g_assert_true (shows (dialog, "less than the 2-week taper"));
  g_assert_true (shows (dialog, "Base, build and peak weeks cannot be planned"));
  g_assert_true (gtk_widget_is_sensitive (apply_button (dialog)));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/plan-generator/prefilled-weekly-distance", Fixture, NULL, fixture_setup,
              test_prefilled_weekly_distance, fixture_teardown);
  g_test_add ("/plan-generator/preview-and-apply", Fixture, NULL, fixture_setup,
              test_preview_and_apply, fixture_teardown);
  g_test_add ("/plan-generator/user-entry-kept", Fixture, NULL, fixture_setup,
              test_user_entry_kept, fixture_teardown);
  g_test_add ("/plan-generator/race-in-past", Fixture, NULL, fixture_setup,
              test_race_in_past, fixture_teardown);
  g_test_add ("/plan-generator/race-soon", Fixture, NULL, fixture_setup,
              test_race_soon, fixture_teardown);

  return g_test_run ();
}
