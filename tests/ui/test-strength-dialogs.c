/* test-strength-dialogs.c — fills in the strength session and strength
 * test dialogs through their real widgets under Xvfb, and checks what
 * reaches the journal.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "stride-exercise-chooser.h"
#include "stride-store.h"
#include "stride-strength-dialog.h"
#include "stride-test-dialog.h"
#include "stride-units.h"

#include "ui-test-util.h"

/* Helpers (beyond the shared ones of ui-test-util.h) */

static void
run_loop_briefly (void)
{
  gint64 end = g_get_monotonic_time () + 50 * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_shown (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w))
      return FALSE;

  return TRUE;
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && is_shown (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* The shown widgets named @name under @root, in tree order. */
static GPtrArray *
all_named (gpointer    root,
           const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_named (GTK_WIDGET (root), name, found);
  return found;
}

static GtkWidget *
named (gpointer    root,
       const char *name)
{
  g_autoptr(GPtrArray) found = all_named (root, name);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static GtkWidget *
named_at (gpointer    root,
          const char *name,
          guint       index)
{
  g_autoptr(GPtrArray) found = all_named (root, name);

  return index < found->len ? g_ptr_array_index (found, index) : NULL;
}

/* The error banner is shown once its revealer has started to open, on a
 * frame of its own: a fixed pause was too short under the sanitizers. */
static gboolean
banner_shown (gpointer dialog)
{
  return named (dialog, "banner") != NULL;
}

static guint
count_named (gpointer    root,
             const char *name)
{
  g_autoptr(GPtrArray) found = all_named (root, name);

  return found->len;
}

/* NULL-safe strstr() for assertions. */
static gboolean
has_text (const char *text,
          const char *part)
{
  return text != NULL && strstr (text, part) != NULL;
}

static void
type_text (GtkWidget  *editable,
           const char *text)
{
  g_assert_nonnull (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  run_loop_briefly ();
}

static const char *
label_text (GtkWidget *label)
{
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
save_enabled (gpointer dialog)
{
  GtkWidget *save = find_button_by_label (dialog, "_Save");

  g_assert_nonnull (save);
  return gtk_widget_is_sensitive (save);
}

static void
click_save (gpointer dialog)
{
  g_signal_emit_by_name (find_button_by_label (dialog, "_Save"), "clicked");
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  run_loop_briefly ();
}

/* Fixture: a fresh journal (with its exercise library) in a temporary
 * directory. */

typedef struct
{
  char        *dir;
  char        *path;
  StrideStore *store;
  GSettings   *settings;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("stride-dialogs-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->store = stride_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "weight-unit");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_settings_reset (fixture->settings, "weight-unit");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
exercise_id (Fixture    *fixture,
             const char *key)
{
  g_autoptr(GError) error = NULL;
  StrideExercise exercise = { 0 };
  gint64 id;

  g_assert_true (stride_store_find_exercise (fixture->store, key, &exercise, &error));
  g_assert_no_error (error);
  id = exercise.id;
  stride_exercise_clear (&exercise);

  return id;
}

/* Signals */

typedef struct
{
  gint64 saved_id;
  gint64 delete_id;
  guint  n_saved;
  guint  n_delete;
  gboolean destroyed;
} Outcome;

static void
saved_cb (GtkWidget *dialog,
          gint64     id,
          Outcome   *outcome)
{
  outcome->saved_id = id;
  outcome->n_saved++;
}

static void
delete_requested_cb (GtkWidget *dialog,
                     gint64     id,
                     Outcome   *outcome)
{
  outcome->delete_id = id;
  outcome->n_delete++;
}

static void
destroy_cb (GtkWidget *dialog,
            Outcome   *outcome)
{
  outcome->destroyed = TRUE;
}

static void
watch (gpointer  dialog,
       Outcome  *outcome)
{
  memset (outcome, 0, sizeof *outcome);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), outcome);
  g_signal_connect (dialog, "delete-requested", G_CALLBACK (delete_requested_cb), outcome);
  g_signal_connect (dialog, "destroy", G_CALLBACK (destroy_cb), outcome);
}

static void
show_dialog (gpointer dialog)
{
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 700);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_for ((Condition) gtk_widget_get_mapped, dialog));
}

/* Strength session dialog */

typedef struct
{
  GtkListBox *list;
  guint       expected;
} FilterCheck;

static gboolean
filter_shows (gpointer data)
{
  FilterCheck *check = data;
  guint shown = 0;

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (check->list, i);

      if (row == NULL)
        break;
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
        shown++;
    }

  return shown == check->expected;
}

/* Opens "Add Exercise…", searches and takes the first match. */
static void
add_exercise_by_search (gpointer    dialog,
                        const char *search,
                        guint       expected_matches)
{
  GtkWidget *button = named (dialog, "add-exercise");
  GtkWidget *chooser;
  GtkWidget *entry;
  FilterCheck check;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  chooser = find_descendant (button, STRIDE_TYPE_EXERCISE_CHOOSER);
  g_assert_nonnull (chooser);
  g_assert_true (wait_for ((Condition) gtk_widget_get_mapped, chooser));

  entry = named (chooser, "exercise-search");
  check.list = GTK_LIST_BOX (named (chooser, "exercise-list"));
  check.expected = expected_matches;
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_assert_true (wait_for (filter_shows, &check));

  g_signal_emit_by_name (entry, "activate");
  run_loop_briefly ();
  g_assert_false (gtk_widget_get_visible (chooser));
}

static GtkWidget *
exercise_group (gpointer dialog,
                guint    index)
{
  GtkWidget *group = named_at (dialog, "exercise", index);

  g_assert_nonnull (group);
  return group;
}

static GtkWidget *
set_row (gpointer dialog,
         guint    exercise,
         guint    set)
{
  GtkWidget *row = named_at (exercise_group (dialog, exercise), "set-row", set);

  g_assert_nonnull (row);
  return row;
}

static void
fill_set (gpointer    dialog,
          guint       exercise,
          guint       set,
          const char *reps,
          const char *load)
{
  GtkWidget *row = set_row (dialog, exercise, set);

  type_text (named (row, "reps"), reps);
  type_text (named (row, "load"), load);
}

static guint
set_side (gpointer dialog,
          guint    exercise,
          guint    set)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (named (set_row (dialog, exercise, set),
                                                           "side")));
}

static const char *
set_message (gpointer dialog,
             guint    exercise,
             guint    set)
{
  GtkWidget *message = named (set_row (dialog, exercise, set), "set-error");

  return message != NULL ? label_text (message) : NULL;
}

static void
test_strength_log_session (Fixture       *fixture,
                           gconstpointer  data)
{
  StrideStrengthDialog *dialog = stride_strength_dialog_new (NULL, fixture->store, 0);
  g_autoptr(GArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  StrideActivity activity = { 0 };
  Outcome outcome;

  watch (dialog, &outcome);
  show_dialog (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Log Strength Session");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_null (named (dialog, "delete"));

  /* A bilateral exercise starts with one set on both sides… */
  add_exercise_by_search (dialog, "nordic", 1);
  g_assert_cmpuint (count_named (dialog, "exercise"), ==, 1);
  g_assert_cmpuint (count_named (exercise_group (dialog, 0), "set-row"), ==, 1);
  g_assert_cmpuint (set_side (dialog, 0, 0), ==, STRIDE_SIDE_BOTH);

  /* …a unilateral one with a left and a right set. */
  add_exercise_by_search (dialog, "bulgarian", 1);
  g_assert_cmpuint (count_named (exercise_group (dialog, 1), "set-row"), ==, 2);
  g_assert_cmpuint (set_side (dialog, 1, 0), ==, STRIDE_SIDE_LEFT);
  g_assert_cmpuint (set_side (dialog, 1, 1), ==, STRIDE_SIDE_RIGHT);

  fill_set (dialog, 0, 0, "5", "100");
  fill_set (dialog, 1, 0, "8", "20");
  fill_set (dialog, 1, 1, "8", "22.5");

  /* e1RM of 100 kg × 5: Epley 116.7, Brzycki 112.5. */
  g_assert_cmpstr (label_text (named (set_row (dialog, 0, 0), "e1rm")), ==,
                   "e1RM 116.7 kg (Epley) · 112.5 kg (Brzycki)");
  /* Over 10 reps: not estimated. */
  fill_set (dialog, 1, 0, "12", "20");
  g_assert_cmpstr (label_text (named (set_row (dialog, 1, 0), "e1rm")), ==,
                   "1RM not estimated above 10 reps");
  fill_set (dialog, 1, 0, "8", "20");

  /* Volume per side, live. */
  g_assert_cmpstr (label_text (named (dialog, "volume-left")), ==, "160 kg");
  g_assert_cmpstr (label_text (named (dialog, "volume-right")), ==, "180 kg");
  g_assert_cmpstr (label_text (named (dialog, "volume-both")), ==, "500 kg");

  /* Add Set on a unilateral exercise adds another left and right. */
  g_signal_emit_by_name (named (exercise_group (dialog, 1), "add-set"), "activated");
  run_loop_briefly ();
  g_assert_cmpuint (count_named (exercise_group (dialog, 1), "set-row"), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (set_row (dialog, 1, 3), "load"))),
                   ==, "22.5");
  g_assert_cmpstr (label_text (named (dialog, "volume-right")), ==, "360 kg");
  /* …and the remove button of a set takes it away again. */
  click (named (set_row (dialog, 1, 3), "remove-set"));
  click (named (set_row (dialog, 1, 2), "remove-set"));
  g_assert_cmpuint (count_named (exercise_group (dialog, 1), "set-row"), ==, 2);
  g_assert_cmpstr (label_text (named (dialog, "volume-right")), ==, "180 kg");

  type_text (named (dialog, "duration"), "25");
  type_text (named (dialog, "rpe"), "7");
  g_assert_true (save_enabled (dialog));
  click_save (dialog);

  g_assert_true (outcome.destroyed);
  g_assert_cmpuint (outcome.n_saved, ==, 1);
  g_assert_cmpint (outcome.saved_id, >, 0);

  g_assert_true (stride_store_get_activity (fixture->store, outcome.saved_id, &activity, &error));
  g_assert_no_error (error);
  g_assert_cmpint (activity.sport, ==, STRIDE_SPORT_STRENGTH);
  g_assert_cmpfloat (activity.duration_s, ==, 25 * 60);
  g_assert_cmpint (activity.rpe, ==, 7);
  stride_activity_clear (&activity);

  sets = stride_store_list_strength_sets (fixture->store, outcome.saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 3);
  {
    const StrideStrengthSet *s = (const StrideStrengthSet *) (gpointer) sets->data;
    gint64 nordic = exercise_id (fixture, "nordic-curl");
    gint64 split = exercise_id (fixture, "bulgarian-split-squat");

    g_assert_cmpint (s[0].exercise_id, ==, nordic);
    g_assert_cmpint (s[0].side, ==, STRIDE_SIDE_BOTH);
    g_assert_cmpint (s[0].reps, ==, 5);
    g_assert_cmpfloat (s[0].load_kg, ==, 100);
    g_assert_cmpint (s[1].exercise_id, ==, split);
    g_assert_cmpint (s[1].side, ==, STRIDE_SIDE_LEFT);
    g_assert_cmpint (s[1].reps, ==, 8);
    g_assert_cmpfloat (s[1].load_kg, ==, 20);
    g_assert_cmpint (s[2].exercise_id, ==, split);
    g_assert_cmpint (s[2].side, ==, STRIDE_SIDE_RIGHT);
    g_assert_cmpfloat (s[2].load_kg, ==, 22.5);
    g_assert_cmpint (s[0].position, <, s[1].position);
    g_assert_cmpint (s[1].position, <, s[2].position);
  }
}

static void
test_strength_pounds (Fixture       *fixture,
                      gconstpointer  data)
{
  StrideStrengthDialog *dialog;
  g_autoptr(GArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome;

  g_settings_set_string (fixture->settings, "weight-unit", "lb");
  dialog = stride_strength_dialog_new (NULL, fixture->store, 0);
  watch (dialog, &outcome);
  show_dialog (dialog);

  add_exercise_by_search (dialog, "nordic", 1);
  fill_set (dialog, 0, 0, "5", "100");
  g_assert_cmpstr (label_text (named (set_row (dialog, 0, 0), "e1rm")), ==,
                   "e1RM 116.7 lb (Epley) · 112.5 lb (Brzycki)");
  g_assert_cmpstr (label_text (named (dialog, "volume-both")), ==, "500 lb");
  click_save (dialog);
  g_assert_cmpuint (outcome.n_saved, ==, 1);

  sets = stride_store_list_strength_sets (fixture->store, outcome.saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 1);
  /* Stored in kg, converted exactly. */
  g_assert_cmpfloat (g_array_index (sets, StrideStrengthSet, 0).load_kg, ==, 100 * 0.45359237);
}

static void
test_strength_invalid_input (Fixture       *fixture,
                             gconstpointer  data)
{
  StrideStrengthDialog *dialog = stride_strength_dialog_new (NULL, fixture->store, 0);
  GtkWidget *row;
  Outcome outcome;

  watch (dialog, &outcome);
  show_dialog (dialog);
  add_exercise_by_search (dialog, "nordic", 1);
  row = set_row (dialog, 0, 0);
  g_assert_true (save_enabled (dialog));
  g_assert_null (set_message (dialog, 0, 0));

  type_text (named (row, "reps"), "0");
  g_assert_cmpstr (set_message (dialog, 0, 0), ==, "Reps must be 1–100");
  g_assert_true (gtk_widget_has_css_class (named (row, "reps"), "error"));
  g_assert_false (save_enabled (dialog));

  type_text (named (row, "reps"), "101");
  g_assert_cmpstr (set_message (dialog, 0, 0), ==, "Reps must be 1–100");
  g_assert_false (save_enabled (dialog));

  type_text (named (row, "reps"), "5");
  g_assert_null (set_message (dialog, 0, 0));
  g_assert_false (gtk_widget_has_css_class (named (row, "reps"), "error"));
  g_assert_true (save_enabled (dialog));

  type_text (named (row, "load"), "-5");
  g_assert_cmpstr (set_message (dialog, 0, 0), ==, "Load can’t be negative");
  g_assert_true (gtk_widget_has_css_class (named (row, "load"), "error"));
  g_assert_false (save_enabled (dialog));

  type_text (named (row, "load"), "abc");
  g_assert_true (has_text (set_message (dialog, 0, 0), "“abc” is not a weight"));
  g_assert_false (save_enabled (dialog));

  type_text (named (row, "load"), "22,5");
  g_assert_true (has_text (set_message (dialog, 0, 0), "decimal separator"));

  /* An empty load is body weight. */
  type_text (named (row, "load"), "");
  g_assert_null (set_message (dialog, 0, 0));
  g_assert_cmpstr (label_text (named (row, "e1rm")), ==, "Body weight: 1RM not estimated");
  g_assert_true (save_enabled (dialog));

  /* Session fields say what is wrong, below their group. */
  type_text (named (dialog, "start-time"), "25:00");
  g_assert_true (has_text (label_text (named (dialog, "session-error")), "18:30"));
  g_assert_false (save_enabled (dialog));
  type_text (named (dialog, "start-time"), "07:15");
  type_text (named (dialog, "duration"), "0");
  g_assert_cmpstr (label_text (named (dialog, "session-error")), ==,
                   "The duration must be more than zero");
  g_assert_false (save_enabled (dialog));
  type_text (named (dialog, "duration"), "");
  g_assert_false (save_enabled (dialog));

  /* Save refuses while anything is invalid: nothing is written. */
  click_save (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  run_loop_briefly ();
  g_assert_false (outcome.destroyed);
  g_assert_cmpuint (outcome.n_saved, ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "strength_set"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gint64
add_session (Fixture          *fixture,
             gint64            start_utc,
             StrideStrengthSet *sets,
             guint             n_sets)
{
  g_autoptr(GError) error = NULL;
  StrideActivity activity = { 0 };

  activity.sport = STRIDE_SPORT_STRENGTH;
  activity.start_utc = start_utc;
  activity.duration_s = 1800;
  activity.rpe = 6;
  g_assert_true (stride_store_add_activity (fixture->store, &activity, sets, n_sets,
                                            NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);

  return activity.id;
}

static void
test_strength_repeat_last (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 split = exercise_id (fixture, "bulgarian-split-squat");
  StrideStrengthSet previous[] = {
    { .exercise_id = split, .side = STRIDE_SIDE_LEFT, .reps = 6, .load_kg = 32.5, .position = 0 },
    { .exercise_id = split, .side = STRIDE_SIDE_RIGHT, .reps = 6, .load_kg = 30, .position = 1 },
    { .exercise_id = split, .side = STRIDE_SIDE_LEFT, .reps = 5, .load_kg = 32.5, .position = 2 },
  };
  StrideStrengthDialog *dialog;
  g_autoptr(GArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome;

  /* Last week's session with that exercise. */
  add_session (fixture, g_get_real_time () / G_USEC_PER_SEC - 7 * 86400,
               previous, G_N_ELEMENTS (previous));

  dialog = stride_strength_dialog_new (NULL, fixture->store, 0);
  watch (dialog, &outcome);
  show_dialog (dialog);
  add_exercise_by_search (dialog, "bulgarian", 1);
  g_assert_cmpuint (count_named (exercise_group (dialog, 0), "set-row"), ==, 2);

  click (named (exercise_group (dialog, 0), "repeat-last"));
  g_assert_cmpuint (count_named (exercise_group (dialog, 0), "set-row"), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (previous); i++)
    {
      GtkWidget *row = set_row (dialog, 0, i);
      g_autofree char *reps = g_strdup_printf ("%d", previous[i].reps);

      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (row, "reps"))), ==, reps);
      g_assert_cmpuint (set_side (dialog, 0, i), ==, previous[i].side);
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (set_row (dialog, 0, 0), "load"))),
                   ==, "32.5");
  g_assert_cmpstr (label_text (named (dialog, "volume-left")), ==, "357.5 kg");

  /* Nothing earlier with the Nordic curl: a toast says so, no change. */
  add_exercise_by_search (dialog, "nordic", 1);
  click (named (exercise_group (dialog, 1), "repeat-last"));
  g_assert_cmpuint (count_named (exercise_group (dialog, 1), "set-row"), ==, 1);

  click_save (dialog);
  g_assert_cmpuint (outcome.n_saved, ==, 1);
  sets = stride_store_list_strength_sets (fixture->store, outcome.saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (previous); i++)
    {
      const StrideStrengthSet *set = &g_array_index (sets, StrideStrengthSet, i);

      g_assert_cmpint (set->exercise_id, ==, split);
      g_assert_cmpint (set->side, ==, previous[i].side);
      g_assert_cmpint (set->reps, ==, previous[i].reps);
      g_assert_cmpfloat (set->load_kg, ==, previous[i].load_kg);
    }
}

static void
test_strength_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 deadlift = exercise_id (fixture, "deadlift");
  gint64 calf = exercise_id (fixture, "single-leg-calf-raise");
  StrideStrengthSet stored[] = {
    { .exercise_id = deadlift, .side = STRIDE_SIDE_BOTH, .reps = 5, .load_kg = 102.5 },
    { .exercise_id = deadlift, .side = STRIDE_SIDE_BOTH, .reps = 5, .load_kg = 102.5 },
    { .exercise_id = calf, .side = STRIDE_SIDE_LEFT, .reps = 15, .load_kg = 0 },
    { .exercise_id = calf, .side = STRIDE_SIDE_RIGHT, .reps = 15, .load_kg = 0 },
  };
  StrideStrengthDialog *dialog;
  g_autoptr(GArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  StrideActivity activity = { 0 };
  gint64 id;
  Outcome outcome;

  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    stored[i].position = (gint) i;
  id = add_session (fixture, 1795000000, stored, G_N_ELEMENTS (stored));

  g_settings_set_string (fixture->settings, "weight-unit", "lb");
  dialog = stride_strength_dialog_new (NULL, fixture->store, id);
  watch (dialog, &outcome);
  show_dialog (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Strength Session");
  g_assert_nonnull (named (dialog, "delete"));
  g_assert_cmpuint (count_named (dialog, "exercise"), ==, 2);
  g_assert_cmpuint (count_named (exercise_group (dialog, 0), "set-row"), ==, 2);
  g_assert_cmpuint (count_named (exercise_group (dialog, 1), "set-row"), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "duration"))), ==, "30:00");
  /* 102.5 kg in lb. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (set_row (dialog, 0, 0), "load"))),
                   ==, "225.97");
  g_assert_true (save_enabled (dialog));

  /* Drop the second deadlift set, make the calf raises 20 each. */
  click (named (set_row (dialog, 0, 1), "remove-set"));
  fill_set (dialog, 1, 0, "20", "");
  fill_set (dialog, 1, 1, "20", "");
  click_save (dialog);
  g_assert_cmpuint (outcome.n_saved, ==, 1);
  g_assert_cmpint (outcome.saved_id, ==, id);

  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 1);
  g_assert_true (stride_store_get_activity (fixture->store, id, &activity, &error));
  g_assert_cmpint (activity.start_utc, ==, 1795000000);
  g_assert_cmpfloat (activity.duration_s, ==, 1800);
  stride_activity_clear (&activity);
  sets = stride_store_list_strength_sets (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets->len, ==, 3);
  /* The untouched load keeps its exact kg value, not a lb round trip. */
  g_assert_cmpfloat (g_array_index (sets, StrideStrengthSet, 0).load_kg, ==, 102.5);
  g_assert_cmpint (g_array_index (sets, StrideStrengthSet, 1).reps, ==, 20);
  g_assert_cmpint (g_array_index (sets, StrideStrengthSet, 1).side, ==, STRIDE_SIDE_LEFT);
  g_assert_cmpint (g_array_index (sets, StrideStrengthSet, 2).side, ==, STRIDE_SIDE_RIGHT);
  g_assert_cmpfloat (g_array_index (sets, StrideStrengthSet, 2).load_kg, ==, 0);

  /* Delete asks the window to delete, and closes. */
  dialog = stride_strength_dialog_new (NULL, fixture->store, id);
  watch (dialog, &outcome);
  show_dialog (dialog);
  click (named (dialog, "delete"));
  g_assert_true (outcome.destroyed);
  g_assert_cmpuint (outcome.n_delete, ==, 1);
  g_assert_cmpint (outcome.delete_id, ==, id);
  g_assert_cmpuint (outcome.n_saved, ==, 0);
  /* The dialog itself deletes nothing. */
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 1);
}

static void
test_strength_store_error (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 nordic = exercise_id (fixture, "nordic-curl");
  StrideStrengthSet stored[] = {
    { .exercise_id = nordic, .side = STRIDE_SIDE_BOTH, .reps = 6, .load_kg = 0 },
  };
  StrideStrengthDialog *dialog;
  g_autoptr(GError) error = NULL;
  GtkWidget *banner;
  gint64 id;
  Outcome outcome;

  id = add_session (fixture, 1795000000, stored, G_N_ELEMENTS (stored));
  dialog = stride_strength_dialog_new (NULL, fixture->store, id);
  watch (dialog, &outcome);
  show_dialog (dialog);

  /* Someone else deletes the session while the dialog is open. */
  g_assert_true (stride_store_delete_activity (fixture->store, id, &error));
  g_assert_no_error (error);

  fill_set (dialog, 0, 0, "8", "");
  click_save (dialog);
  run_loop_briefly ();

  /* The error shows in the dialog, which stays open with the input. */
  g_assert_false (outcome.destroyed);
  g_assert_cmpuint (outcome.n_saved, ==, 0);
  g_assert_true (wait_for (banner_shown, dialog));
  banner = named (dialog, "banner");
  g_assert_nonnull (banner);
  g_assert_true (has_text (label_text (banner), "Could not save the session"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (set_row (dialog, 0, 0), "reps"))),
                   ==, "8");
  g_assert_cmpint (count_rows (fixture->store, "activity"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Strength test dialog */

static GtkWidget *
test_group (gpointer dialog,
            guint    index)
{
  GtkWidget *group = named_at (dialog, "test", index);

  g_assert_nonnull (group);
  return group;
}

static void
select_label (GtkWidget  *combo,
              const char *label)
{
  GListModel *model;

  g_assert_nonnull (combo);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
          run_loop_briefly ();
          return;
        }
    }

  g_error ("no “%s” in the combo row", label);
}

static const char *
selected_label (GtkWidget *combo)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  return gtk_string_list_get_string (GTK_STRING_LIST (model),
                                     adw_combo_row_get_selected (ADW_COMBO_ROW (combo)));
}

static guint
n_choices (GtkWidget *combo)
{
  return g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (combo)));
}

static const char *
test_message (gpointer dialog,
              guint    index)
{
  GtkWidget *message = named (test_group (dialog, index), "test-message");

  return message != NULL ? label_text (message) : NULL;
}

static void
fill_legs (gpointer    dialog,
           guint       index,
           const char *left,
           const char *right)
{
  type_text (named (test_group (dialog, index), "left"), left);
  type_text (named (test_group (dialog, index), "right"), right);
}

static char *
hq_text (gpointer dialog)
{
  g_autoptr(GPtrArray) rows = all_named (dialog, "hq-row");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      g_string_append_printf (text, "%s: %s [%s]\n",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                              label_text (named (row, "hq-state")));
    }

  return g_string_free (text, FALSE);
}

static void
test_tests_log_day (Fixture       *fixture,
                    gconstpointer  data)
{
  StrideTestDialog *dialog = stride_test_dialog_new (NULL, fixture->store, 0);
  g_autoptr(GArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hq = NULL;
  GtkWidget *group;
  Outcome outcome;

  watch (dialog, &outcome);
  show_dialog (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Log Strength Test");
  g_assert_null (named (dialog, "delete"));

  /* One test to start with: knee flexion, isokinetic 60°/s, in N·m. */
  g_assert_cmpuint (count_named (dialog, "test"), ==, 1);
  group = test_group (dialog, 0);
  g_assert_cmpstr (selected_label (named (group, "test-type")), ==, "Knee flexion");
  g_assert_cmpstr (selected_label (named (group, "method")), ==, "Isokinetic, 60°/s");
  g_assert_cmpstr (selected_label (named (group, "unit")), ==, "Newton metres (N·m)");
  g_assert_false (save_enabled (dialog));

  fill_legs (dialog, 0, "120", "110");
  g_assert_cmpstr (label_text (named (group, "lsi-value")), ==, "91.7 %");
  g_assert_cmpstr (label_text (named (group, "lsi-state")), ==, "OK");
  g_assert_true (gtk_widget_has_css_class (named (group, "lsi-state"), "success"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (group, "lsi"))), ==,
                   "Right leg weaker");
  g_assert_true (save_enabled (dialog));
  g_assert_null (named (dialog, "hq-group"));

  /* The next test offered is the extension partner at the same speed. */
  click (named (dialog, "add-test"));
  group = test_group (dialog, 1);
  g_assert_cmpstr (selected_label (named (group, "test-type")), ==, "Knee extension");
  g_assert_cmpstr (selected_label (named (group, "method")), ==, "Isokinetic, 60°/s");
  fill_legs (dialog, 1, "200", "200");

  hq = hq_text (dialog);
  g_assert_cmpstr (hq, ==,
                   "Left leg · Isokinetic, 60°/s: 0.60 — below the 0.61 target for isokinetic 60°/s [Watch]\n"
                   "Right leg · Isokinetic, 60°/s: 0.55 — below the 0.61 target for isokinetic 60°/s [Watch]\n");

  /* A speed that is not the flexion's: no ratio. */
  select_label (named (group, "method"), "Isokinetic, 180°/s");
  g_assert_null (named (dialog, "hq-group"));
  select_label (named (group, "method"), "Isokinetic, 60°/s");
  g_assert_nonnull (named (dialog, "hq-group"));

  g_assert_true (save_enabled (dialog));
  click_save (dialog);
  g_assert_true (outcome.destroyed);
  g_assert_cmpuint (outcome.n_saved, ==, 1);

  saved = stride_store_list_measurements_on (fixture->store, stride_today_julian (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 4);
  {
    const StrideMeasurement *m = (const StrideMeasurement *) (gpointer) saved->data;

    g_assert_cmpint (outcome.saved_id, ==, m[0].id);
    g_assert_cmpstr (m[0].test, ==, STRIDE_TEST_KNEE_FLEXION);
    g_assert_cmpint (m[0].side, ==, STRIDE_SIDE_LEFT);
    g_assert_cmpfloat (m[0].value, ==, 120);
    g_assert_cmpstr (m[1].test, ==, STRIDE_TEST_KNEE_FLEXION);
    g_assert_cmpint (m[1].side, ==, STRIDE_SIDE_RIGHT);
    g_assert_cmpfloat (m[1].value, ==, 110);
    g_assert_cmpstr (m[2].test, ==, STRIDE_TEST_KNEE_EXTENSION);
    g_assert_cmpint (m[2].side, ==, STRIDE_SIDE_LEFT);
    g_assert_cmpfloat (m[2].value, ==, 200);
    g_assert_cmpstr (m[3].test, ==, STRIDE_TEST_KNEE_EXTENSION);
    g_assert_cmpint (m[3].side, ==, STRIDE_SIDE_RIGHT);
    for (guint i = 0; i < 4; i++)
      {
        g_assert_cmpstr (m[i].method, ==, STRIDE_METHOD_ISOKINETIC_60);
        g_assert_cmpstr (m[i].unit, ==, "N·m");
        g_assert_cmpuint (m[i].date, ==, stride_today_julian ());
      }
  }
}

static void
test_tests_methods_and_units (Fixture       *fixture,
                              gconstpointer  data)
{
  StrideTestDialog *dialog;
  GtkWidget *group;

  g_settings_set_string (fixture->settings, "weight-unit", "lb");
  dialog = stride_test_dialog_new (NULL, fixture->store, 0);
  show_dialog (dialog);
  group = test_group (dialog, 0);

  /* Isokinetic knee tests are torques. */
  g_assert_cmpuint (n_choices (named (group, "unit")), ==, 1);
  select_label (named (group, "method"), "Hand-held dynamometer");
  g_assert_cmpstr (selected_label (named (group, "unit")), ==, "Newtons (N)");

  select_label (named (group, "test-type"), "Single-leg hop");
  g_assert_cmpuint (n_choices (named (group, "method")), ==, 1);
  g_assert_cmpstr (selected_label (named (group, "method")), ==, "Field test");
  g_assert_cmpstr (selected_label (named (group, "unit")), ==, "Centimetres (cm)");

  select_label (named (group, "test-type"), "Single-leg calf raises");
  g_assert_cmpstr (selected_label (named (group, "unit")), ==, "Repetitions");
  fill_legs (dialog, 0, "25.5", "20");
  g_assert_true (has_text (test_message (dialog, 0), "whole number"));
  fill_legs (dialog, 0, "25", "20");
  g_assert_cmpstr (label_text (named (group, "lsi-value")), ==, "80.0 %");
  g_assert_cmpstr (label_text (named (group, "lsi-state")), ==, "Imbalance");
  g_assert_true (gtk_widget_has_css_class (named (group, "lsi-state"), "error"));

  /* 1RM tests are weights, in the user's unit by default. */
  select_label (named (group, "test-type"), "Leg curl 1RM");
  g_assert_cmpstr (selected_label (named (group, "method")), ==, "One-repetition maximum");
  g_assert_cmpstr (selected_label (named (group, "unit")), ==, "Pounds (lb)");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_tests_invalid_input (Fixture       *fixture,
                          gconstpointer  data)
{
  StrideTestDialog *dialog = stride_test_dialog_new (NULL, fixture->store, 0);
  GtkWidget *group;
  Outcome outcome;

  watch (dialog, &outcome);
  show_dialog (dialog);
  fill_legs (dialog, 0, "120", "110");
  click (named (dialog, "add-test"));
  group = test_group (dialog, 1);

  fill_legs (dialog, 1, "200", "0");
  g_assert_cmpstr (test_message (dialog, 1), ==,
                   "Right leg: The quadriceps value must be above zero");
  g_assert_true (gtk_widget_has_css_class (named (group, "right"), "error"));
  g_assert_false (gtk_widget_has_css_class (named (group, "left"), "error"));
  g_assert_false (save_enabled (dialog));

  fill_legs (dialog, 1, "abc", "200");
  g_assert_cmpstr (test_message (dialog, 1), ==, "Left leg: Enter a number, e.g. 182.5");
  g_assert_false (save_enabled (dialog));

  fill_legs (dialog, 1, "-3", "200");
  g_assert_cmpstr (test_message (dialog, 1), ==,
                   "Left leg: The quadriceps value must be above zero");

  /* Units typed on the two legs that differ. */
  fill_legs (dialog, 1, "200 N", "200 N·m");
  g_assert_cmpstr (test_message (dialog, 1), ==,
                   "Mixed units on the two legs: left in N, right in N·m. "
                   "Use one unit for both legs.");
  g_assert_true (gtk_widget_has_css_class (named (group, "left"), "error"));
  g_assert_true (gtk_widget_has_css_class (named (group, "right"), "error"));
  g_assert_false (save_enabled (dialog));
  fill_legs (dialog, 1, "200 N", "200 N");
  g_assert_true (has_text (test_message (dialog, 1), "the value is in N but the unit of this "
                                                      "test is N·m"));
  fill_legs (dialog, 1, "200 Nm", "190");
  g_assert_null (test_message (dialog, 1));
  g_assert_true (save_enabled (dialog));

  /* The same test with the same method twice on one day. */
  select_label (named (group, "test-type"), "Knee flexion");
  g_assert_true (has_text (test_message (dialog, 1), "already"));
  g_assert_false (save_enabled (dialog));

  /* An empty test is a hint, not an error, and blocks Save. */
  click (named (group, "remove-test"));
  click (named (dialog, "add-test"));
  g_assert_true (has_text (test_message (dialog, 1), "Enter the values"));
  g_assert_false (gtk_widget_has_css_class (named (test_group (dialog, 1), "test-message"),
                                            "error"));
  g_assert_false (save_enabled (dialog));

  click_save (dialog);
  run_loop_briefly ();
  g_assert_false (outcome.destroyed);
  g_assert_cmpint (count_rows (fixture->store, "measurement"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
add_measurement (Fixture    *fixture,
                 guint32     date,
                 const char *test,
                 const char *method,
                 StrideSide  side,
                 double      value,
                 const char *unit)
{
  g_autoptr(GError) error = NULL;
  StrideMeasurement m = { 0 };

  m.date = date;
  m.test = (char *) test;
  m.method = (char *) method;
  m.side = side;
  m.value = value;
  m.unit = (char *) unit;
  g_assert_true (stride_store_add_measurement (fixture->store, &m, &error));
  g_assert_no_error (error);
}

static void
test_tests_edit_day (Fixture       *fixture,
                     gconstpointer  data)
{
  guint32 day = stride_today_julian () - 10;
  StrideTestDialog *dialog;
  g_autoptr(GArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group;
  Outcome outcome;

  /* Shown to two decimals, kept exact when not retyped. */
  add_measurement (fixture, day, STRIDE_TEST_KNEE_FLEXION, STRIDE_METHOD_ISOKINETIC_180,
                   STRIDE_SIDE_LEFT, 100.0004, "N·m");
  add_measurement (fixture, day, STRIDE_TEST_KNEE_FLEXION, STRIDE_METHOD_ISOKINETIC_180,
                   STRIDE_SIDE_RIGHT, 90, "N·m");
  /* One the form can't show as a leg: kept as it is. */
  add_measurement (fixture, day, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD,
                   STRIDE_SIDE_BOTH, 150, "cm");
  /* Another day stays untouched. */
  add_measurement (fixture, day - 1, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD,
                   STRIDE_SIDE_LEFT, 140, "cm");

  dialog = stride_test_dialog_new (NULL, fixture->store, day);
  watch (dialog, &outcome);
  show_dialog (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Strength Test");
  g_assert_nonnull (named (dialog, "delete"));
  g_assert_true (has_text (label_text (named (dialog, "day-note")), "kept"));
  g_assert_cmpuint (count_named (dialog, "test"), ==, 1);
  group = test_group (dialog, 0);
  g_assert_cmpstr (selected_label (named (group, "method")), ==, "Isokinetic, 180°/s");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (group, "left"))), ==, "100");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (group, "right"))), ==, "90");
  g_assert_cmpstr (label_text (named (group, "lsi-value")), ==, "90.0 %");

  /* Add the extension at 180°/s: H:Q with that speed's band. */
  click (named (dialog, "add-test"));
  fill_legs (dialog, 1, "140", "150.5");
  {
    g_autofree char *hq = hq_text (dialog);

    g_assert_true (has_text (hq, "0.71 — below the 0.72 target for isokinetic 180°/s [Watch]"));
    g_assert_true (has_text (hq, "0.60 — below the 0.72 target for isokinetic 180°/s [Watch]"));
  }
  type_text (named (group, "right"), "95");
  click_save (dialog);
  g_assert_cmpuint (outcome.n_saved, ==, 1);

  saved = stride_store_list_measurements_on (fixture->store, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 5);
  g_assert_cmpint (outcome.saved_id, ==, g_array_index (saved, StrideMeasurement, 0).id);
  {
    guint n_kept = 0;
    gboolean found_right = FALSE;
    gboolean found_extension = FALSE;

    for (guint i = 0; i < saved->len; i++)
      {
        const StrideMeasurement *m = &g_array_index (saved, StrideMeasurement, i);

        if (g_str_equal (m->test, STRIDE_TEST_HOP))
          {
            n_kept++;
            g_assert_cmpint (m->side, ==, STRIDE_SIDE_BOTH);
            g_assert_cmpfloat (m->value, ==, 150);
          }
        if (g_str_equal (m->test, STRIDE_TEST_KNEE_FLEXION) && m->side == STRIDE_SIDE_LEFT)
          g_assert_cmpfloat (m->value, ==, 100.0004);
        if (g_str_equal (m->test, STRIDE_TEST_KNEE_FLEXION) && m->side == STRIDE_SIDE_RIGHT)
          {
            found_right = TRUE;
            g_assert_cmpfloat (m->value, ==, 95);
          }
        if (g_str_equal (m->test, STRIDE_TEST_KNEE_EXTENSION) && m->side == STRIDE_SIDE_RIGHT)
          {
            found_extension = TRUE;
            g_assert_cmpfloat (m->value, ==, 150.5);
            g_assert_cmpstr (m->method, ==, STRIDE_METHOD_ISOKINETIC_180);
          }
      }
    g_assert_cmpuint (n_kept, ==, 1);
    g_assert_true (found_right);
    g_assert_true (found_extension);
  }
  g_clear_pointer (&saved, g_array_unref);
  saved = stride_store_list_measurements_on (fixture->store, day - 1, &error);
  g_assert_cmpuint (saved->len, ==, 1);

  /* Delete asks the window, with the day. */
  dialog = stride_test_dialog_new (NULL, fixture->store, day);
  watch (dialog, &outcome);
  show_dialog (dialog);
  click (named (dialog, "delete"));
  g_assert_true (outcome.destroyed);
  g_assert_cmpuint (outcome.n_delete, ==, 1);
  g_assert_cmpint (outcome.delete_id, ==, day);
  g_assert_cmpint (count_rows (fixture->store, "measurement"), ==, 6);
}

static void
test_tests_mixed_units_loaded (Fixture       *fixture,
                               gconstpointer  data)
{
  guint32 day = stride_today_julian () - 3;
  StrideTestDialog *dialog;
  GtkWidget *group;

  /* Imported with the legs in different units. */
  add_measurement (fixture, day, STRIDE_TEST_HIP_ABDUCTION, STRIDE_METHOD_DYNAMOMETER,
                   STRIDE_SIDE_LEFT, 20, "kg");
  add_measurement (fixture, day, STRIDE_TEST_HIP_ABDUCTION, STRIDE_METHOD_DYNAMOMETER,
                   STRIDE_SIDE_RIGHT, 42, "lb");

  dialog = stride_test_dialog_new (NULL, fixture->store, day);
  show_dialog (dialog);
  group = test_group (dialog, 0);
  g_assert_cmpstr (selected_label (named (group, "unit")), ==, "Kilograms (kg)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (group, "right"))), ==, "42 lb");
  g_assert_cmpstr (test_message (dialog, 0), ==,
                   "Mixed units on the two legs: left in kg, right in lb. "
                   "Use one unit for both legs.");
  g_assert_false (save_enabled (dialog));

  /* Retyped in kg, it saves. */
  type_text (named (group, "right"), "19");
  g_assert_null (test_message (dialog, 0));
  g_assert_cmpstr (label_text (named (group, "lsi-value")), ==, "95.0 %");
  g_assert_true (save_enabled (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_tests_store_error (Fixture       *fixture,
                        gconstpointer  data)
{
  guint32 day = stride_today_julian () - 3;
  StrideTestDialog *dialog;
  g_autoptr(StrideStore) other = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome;

  add_measurement (fixture, day, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD,
                   STRIDE_SIDE_LEFT, 150, "cm");
  dialog = stride_test_dialog_new (NULL, fixture->store, day);
  watch (dialog, &outcome);
  show_dialog (dialog);
  fill_legs (dialog, 0, "160", "150");

  /* Another connection holds the write lock: the save fails as a whole. */
  other = stride_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (stride_store_begin (other, &error));
  g_assert_true (stride_store_set_setting (other, "lock", "held", &error));
  g_assert_no_error (error);

  click_save (dialog);
  run_loop_briefly ();
  g_assert_false (outcome.destroyed);
  g_assert_true (wait_for (banner_shown, dialog));
  g_assert_true (has_text (label_text (named (dialog, "banner")), "Could not save the tests"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (test_group (dialog, 0), "right"))),
                   ==, "150");

  stride_store_rollback (other);
  {
    g_autoptr(GArray) kept = stride_store_list_measurements_on (fixture->store, day, &error);

    g_assert_cmpuint (kept->len, ==, 1);
    g_assert_cmpfloat (g_array_index (kept, StrideMeasurement, 0).value, ==, 150);
  }

  /* Once the lock is gone, the same input saves. */
  click_save (dialog);
  g_assert_true (outcome.destroyed);
  g_assert_cmpuint (outcome.n_saved, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/strength-dialog/log-session", Fixture, NULL,
              fixture_setup, test_strength_log_session, fixture_teardown);
  g_test_add ("/ui/strength-dialog/pounds", Fixture, NULL,
              fixture_setup, test_strength_pounds, fixture_teardown);
  g_test_add ("/ui/strength-dialog/invalid-input", Fixture, NULL,
              fixture_setup, test_strength_invalid_input, fixture_teardown);
  g_test_add ("/ui/strength-dialog/repeat-last", Fixture, NULL,
              fixture_setup, test_strength_repeat_last, fixture_teardown);
  g_test_add ("/ui/strength-dialog/edit", Fixture, NULL,
              fixture_setup, test_strength_edit, fixture_teardown);
  g_test_add ("/ui/strength-dialog/store-error", Fixture, NULL,
              fixture_setup, test_strength_store_error, fixture_teardown);
  g_test_add ("/ui/test-dialog/log-day", Fixture, NULL,
              fixture_setup, test_tests_log_day, fixture_teardown);
  g_test_add ("/ui/test-dialog/methods-and-units", Fixture, NULL,
              fixture_setup, test_tests_methods_and_units, fixture_teardown);
  g_test_add ("/ui/test-dialog/invalid-input", Fixture, NULL,
              fixture_setup, test_tests_invalid_input, fixture_teardown);
  g_test_add ("/ui/test-dialog/edit-day", Fixture, NULL,
              fixture_setup, test_tests_edit_day, fixture_teardown);
  g_test_add ("/ui/test-dialog/mixed-units-loaded", Fixture, NULL,
              fixture_setup, test_tests_mixed_units_loaded, fixture_teardown);
  g_test_add ("/ui/test-dialog/store-error", Fixture, NULL,
              fixture_setup, test_tests_store_error, fixture_teardown);

  return g_test_run ();
}
