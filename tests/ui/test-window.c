/* test-window.c — drives the real StrideStrong window under Xvfb.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "stride-demo-writer.h"
#include "stride-journal-model.h"
#include "stride-journal-page.h"
#include "stride-journal-row.h"
#include "stride-charts-page.h"
#include "stride-run-dialog.h"
#include "stride-store.h"
#include "stride-window.h"

#include "ui-test-util.h"

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (STRIDE_IS_JOURNAL_ROW (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GPtrArray *
visible_rows (StrideWindow *window)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (window), rows);
  return rows;
}

static void
collect_label_text (GtkWidget *widget,
                    GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_text (child, text);
}

/* All the visible texts of a row, joined by "|". */
static char *
row_text (GtkWidget *row)
{
  GString *text = g_string_new (NULL);

  collect_label_text (row, text);
  return g_string_free (text, FALSE);
}

static gboolean
has_rows (gpointer data)
{
  g_autoptr(GPtrArray) rows = visible_rows (data);
  g_autofree char *text = NULL;

  if (rows->len == 0)
    return FALSE;

  /* Rows are bound once the list view has been laid out. */
  text = row_text (g_ptr_array_index (rows, 0));
  return strlen (text) > 4;
}

/* The page's own stack: the one with a "list" page (menus have stacks too). */
static GtkWidget *
find_page_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "list") != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_page_stack (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
journal_page_state (StrideWindow *window)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (window), STRIDE_TYPE_JOURNAL_PAGE);

  return gtk_stack_get_visible_child_name (GTK_STACK (find_page_stack (page)));
}

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static guint32
test_today (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);

  return g_date_get_julian (date);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  with_demo)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("stride-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "journal.db", NULL);

  if (GPOINTER_TO_INT (with_demo))
    {
      g_autoptr(StrideStore) store = stride_store_open (fixture->path, &error);

      g_assert_no_error (error);
      g_assert_true (stride_demo_write (store, 1, test_today (), &error));
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static StrideWindow *
open_window (const char *path)
{
  StrideWindow *window = g_object_new (STRIDE_TYPE_WINDOW, NULL);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  if (path != NULL)
    stride_window_open_journal (window, path, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_journal_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  StrideWindow *window = open_window (fixture->path);
  g_autoptr(StrideJournalModel) model = stride_journal_model_new (stride_window_get_store (window));
  g_autoptr(StrideJournalItem) newest = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *first = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_assert_true (wait_for (has_rows, window));
  g_assert_cmpstr (journal_page_state (window), ==, "list");

  rows = visible_rows (window);
  /* A year of demo journal is hundreds of entries; the list only builds
   * widgets for what fits on screen. */
  g_assert_cmpuint (n_items, >, 200);
  g_assert_cmpuint (rows->len, >=, 5);
  g_assert_cmpuint (rows->len, <, n_items);

  /* Newest first: the first row shows the newest entry's date. */
  newest = g_list_model_get_item (G_LIST_MODEL (model), 0);
  first = row_text (g_ptr_array_index (rows, 0));
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_offset (stride_journal_item_get_tz_offset_s (newest));
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (stride_journal_item_get_start_utc (newest));
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
    g_autofree char *year = g_date_time_format (local, "%Y");
    g_autofree char *month = g_date_time_format (local, "%b");

    g_assert_nonnull (strstr (first, year));
    g_assert_nonnull (strstr (first, month));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
row_mentions_miles (gpointer data)
{
  g_autoptr(GPtrArray) rows = visible_rows (data);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *text = row_text (g_ptr_array_index (rows, i));

      if (strstr (text, " mi\n") != NULL || strstr (text, " mi|") != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_units_follow_settings (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  StrideWindow *window = open_window (fixture->path);

  g_settings_set_string (settings, "unit-system", "metric");
  g_assert_true (wait_for (has_rows, window));
  g_assert_false (row_mentions_miles (window));

  g_settings_set_string (settings, "unit-system", "imperial");
  g_assert_true (wait_for (row_mentions_miles, window));

  g_settings_reset (settings, "unit-system");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_empty_state (gpointer data)
{
  return g_strcmp0 (journal_page_state (data), "empty") == 0;
}

static void
test_empty_journal_offers_demo (Fixture       *fixture,
                                gconstpointer  data)
{
  StrideWindow *window = open_window (fixture->path);
  GtkWidget *page = find_descendant (GTK_WIDGET (window), STRIDE_TYPE_JOURNAL_PAGE);
  g_autofree char *demo_path = NULL;
  GtkWidget *status = NULL;
  GtkWidget *button;

  g_assert_true (wait_for (shows_empty_state, window));

  /* The empty state's first button opens the demo journal. */
  status = gtk_stack_get_visible_child (GTK_STACK (find_page_stack (page)));
  button = find_descendant (status, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Open Demo Journal");
  g_assert_true (gtk_widget_is_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_for (has_rows, window));
  g_assert_cmpstr (stride_store_get_path (stride_window_get_store (window)), !=, fixture->path);

  demo_path = g_strdup (stride_store_get_path (stride_window_get_store (window)));

  /* The user's own (empty) journal was not touched by the demo. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StrideStore) own = stride_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (stride_store_count_rows (own, "activity", &error), ==, 0);
  }

  /* Closing the window deletes the temporary demo journal. */
  g_assert_true (g_file_test (demo_path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (g_file_test (demo_path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *demo_dir = g_path_get_dirname (demo_path);

    g_assert_false (g_file_test (demo_dir, G_FILE_TEST_EXISTS));
  }
}

static void
test_corrupt_journal_shows_error (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char garbage[] = "this is not a journal, just some text\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  StrideWindow *window;
  GtkWidget *dialog = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (fixture->path, garbage, -1, &error));

  window = g_object_new (STRIDE_TYPE_WINDOW, NULL);
  g_assert_false (stride_window_open_journal (window, fixture->path, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_A_DATABASE);
  g_assert_cmpstr (journal_page_state (window), ==, "error");

  /* A dialog says so too, on top of the window. */
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      dialog = l->data;
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, garbage, strlen (garbage));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GListModel *model;
  guint       expected;
} CountCheck;

static gboolean
model_has_count (gpointer data)
{
  CountCheck *check = data;

  return g_list_model_get_n_items (check->model) == check->expected;
}

static void
test_sees_other_process_writes (Fixture       *fixture,
                                gconstpointer  data)
{
  StrideWindow *window = open_window (fixture->path);
  g_autoptr(StrideStore) other = NULL;
  g_autoptr(GError) error = NULL;
  StrideActivity run = { 0 };
  GtkGridView *list;
  CountCheck check;

  g_assert_true (wait_for (shows_empty_state, window));

  /* A second connection stands in for `stridestrong --import` running
   * while the window is open. */
  other = stride_store_open (fixture->path, &error);
  g_assert_no_error (error);
  run.sport = STRIDE_SPORT_RUN;
  run.start_utc = 1795000000;
  run.duration_s = 3000;
  run.distance_m = 10000;
  run.run_type = STRIDE_RUN_TYPE_EASY;
  g_assert_true (stride_store_add_activity (other, &run, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);

  list = stride_journal_page_get_view (
    STRIDE_JOURNAL_PAGE (find_descendant (GTK_WIDGET (window), STRIDE_TYPE_JOURNAL_PAGE)));
  check.model = G_LIST_MODEL (gtk_grid_view_get_model (list));
  check.expected = 2;                    /* the week's header and the run */
  g_assert_true (wait_for (model_has_count, &check));
  g_assert_true (wait_for (has_rows, window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_state_restored (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  StrideWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", 720);
  g_settings_set_int (settings, "window-height", 530);

  window = g_object_new (STRIDE_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 530);

  /* Closing saves the size the user left it at. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for ((Condition) gtk_widget_get_mapped, window));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  {
    g_autofree char *page = g_settings_get_string (settings, "last-page");

    g_assert_cmpstr (page, ==, "journal");
  }

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static StrideJournalPage *
journal_page (StrideWindow *window)
{
  return STRIDE_JOURNAL_PAGE (find_descendant (GTK_WIDGET (window), STRIDE_TYPE_JOURNAL_PAGE));
}

static GListModel *
shown_model (StrideWindow *window)
{
  return G_LIST_MODEL (gtk_grid_view_get_model (stride_journal_page_get_view (journal_page (window))));
}

static void
test_week_headers (Fixture       *fixture,
                   gconstpointer  data)
{
  StrideWindow *window = open_window (fixture->path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(StrideJournalItem) first = NULL;
  g_autoptr(StrideJournalItem) second = NULL;
  g_autofree char *text = NULL;

  g_assert_true (wait_for (has_rows, window));

  /* The newest week's header comes first, then its newest entry. */
  first = g_list_model_get_item (shown_model (window), 0);
  second = g_list_model_get_item (shown_model (window), 1);
  g_assert_cmpint (stride_journal_item_get_kind (first), ==, STRIDE_JOURNAL_KIND_WEEK);
  g_assert_cmpint (stride_journal_item_get_kind (second), !=, STRIDE_JOURNAL_KIND_WEEK);
  g_assert_cmpuint (stride_journal_item_get_date (first), <=, stride_journal_item_get_date (second));
  g_assert_cmpuint (stride_journal_item_get_date (second) - stride_journal_item_get_date (first), <, 7);

  rows = visible_rows (window);
  text = row_text (g_ptr_array_index (rows, 0));
  g_assert_nonnull (strstr (text, "Week "));
  g_assert_nonnull (strstr (text, "strength session"));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, 0), "week-header"));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  StrideWindow *window;
  const char   *needle;
} RowsCheck;

/* Every entry row shown contains the needle (and there is one). */
static gboolean
all_entries_mention (gpointer data)
{
  RowsCheck *check = data;
  g_autoptr(GPtrArray) rows = visible_rows (check->window);
  guint entries = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *text = row_text (g_ptr_array_index (rows, i));

      if (gtk_widget_has_css_class (g_ptr_array_index (rows, i), "week-header"))
        continue;
      if (strstr (text, check->needle) == NULL)
        return FALSE;
      entries++;
    }

  return entries > 0;
}

static void
test_search_and_filter (Fixture       *fixture,
                        gconstpointer  data)
{
  StrideWindow *window = open_window (fixture->path);
  StrideJournalPage *page = journal_page (window);
  GtkWidget *entry;
  g_autoptr(GMenuModel) run_types = NULL;
  GMenuModel *filter_menu;
  GtkPopover *popover;
  GtkWidget *filter;
  RowsCheck check = { window, NULL };

  g_assert_true (wait_for (has_rows, window));

  /* Search: every entry left mentions the exercise. */
  g_object_set (page, "search-mode-enabled", TRUE, NULL);
  entry = find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "nordic");
  check.needle = "Nordic";
  g_assert_true (wait_for (all_entries_mention, &check));

  /* Closing the search shows everything again. */
  g_object_set (page, "search-mode-enabled", FALSE, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* The filter menu is made when first opened, and offers the run types. */
  filter = find_descendant (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON);
  g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (filter)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (filter));
  filter_menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (filter));
  g_assert_nonnull (filter_menu);
  g_assert_cmpint (g_menu_model_get_n_items (filter_menu), ==, 2);
  run_types = g_menu_model_get_item_link (filter_menu, 1, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (run_types), ==, 7);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (filter));
  /* Opened again, it is the same menu, not a new one. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (filter));
  g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter)) == popover);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (filter));

  /* Filter: long runs only. */
  g_object_set (page, "show-strength", FALSE, "show-tests", FALSE, "show-pain", FALSE,
                "show-other", FALSE, "run-type", "long", NULL);
  check.needle = "Long run";
  g_assert_true (wait_for (all_entries_mention, &check));

  /* Nothing matches: the page says so instead of showing an empty list. */
  g_object_set (page, "show-runs", FALSE, NULL);
  g_assert_cmpstr (journal_page_state (window), ==, "no-matches");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64
count_activities (StrideWindow *window)
{
  g_autoptr(GError) error = NULL;
  gint64 n = stride_store_count_rows (stride_window_get_store (window), "activity", &error);

  g_assert_no_error (error);
  return n;
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  StrideWindow *window = open_window (fixture->path);
  StrideJournalPage *page = journal_page (window);
  GtkSingleSelection *selection;
  g_autoptr(StrideJournalItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sets_before = NULL;
  gint64 activities;
  gint64 sets;
  guint position = 0;

  g_assert_true (wait_for (has_rows, window));
  activities = count_activities (window);
  sets = stride_store_count_rows (stride_window_get_store (window), "strength_set", &error);

  /* Nothing is selected until the user selects something. */
  selection = GTK_SINGLE_SELECTION (gtk_grid_view_get_model (stride_journal_page_get_view (page)));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  /* Select the newest strength session and press Delete. */
  for (;; position++)
    {
      g_clear_object (&item);
      item = g_list_model_get_item (G_LIST_MODEL (selection), position);
      g_assert_nonnull (item);
      if (stride_journal_item_get_kind (item) == STRIDE_JOURNAL_KIND_ACTIVITY
          && stride_journal_item_get_sport (item) == STRIDE_SPORT_STRENGTH)
        break;
    }
  sets_before = stride_store_list_strength_sets (stride_window_get_store (window),
                                                 stride_journal_item_get_id (item), &error);
  g_assert_cmpuint (sets_before->len, >, 0);
  gtk_single_selection_set_selected (selection, position);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.delete-selected", NULL));

  g_assert_cmpint (count_activities (window), ==, activities - 1);
  g_assert_cmpint (stride_store_count_rows (stride_window_get_store (window), "strength_set", &error),
                   ==, sets - sets_before->len);

  /* Undo (the toast's button, or Ctrl+Z) puts it back whole. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL));
  g_assert_cmpint (count_activities (window), ==, activities);
  g_assert_cmpint (stride_store_count_rows (stride_window_get_store (window), "strength_set", &error),
                   ==, sets);

  /* Nothing left to undo: a second Ctrl+Z adds nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
  g_assert_cmpint (count_activities (window), ==, activities);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
run_dialog_shown (gpointer data)
{
  gboolean found = FALSE;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (STRIDE_IS_RUN_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = TRUE;

  return found;
}

static void
test_activate_opens_editor (Fixture       *fixture,
                            gconstpointer  data)
{
  StrideWindow *window = open_window (fixture->path);
  GtkGridView *list = stride_journal_page_get_view (journal_page (window));
  guint position = 0;

  g_assert_true (wait_for (has_rows, window));

  for (;; position++)
    {
      g_autoptr(StrideJournalItem) item = g_list_model_get_item (shown_model (window), position);

      g_assert_nonnull (item);
      if (stride_journal_item_get_kind (item) == STRIDE_JOURNAL_KIND_ACTIVITY
          && stride_journal_item_get_sport (item) == STRIDE_SPORT_RUN)
        break;
    }

  g_signal_emit_by_name (list, "activate", position);
  g_assert_true (wait_for (run_dialog_shown, NULL));

  /* A recent demo run has a GPS track: its dialog leads to its pace chart. */
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (STRIDE_IS_RUN_DIALOG (l->data))
      g_assert_true (gtk_widget_activate_action (l->data, "run-dialog.show-chart", NULL));
  {
    GtkWidget *charts = find_descendant (GTK_WIDGET (window), STRIDE_TYPE_CHARTS_PAGE);
    AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window),
                                                           ADW_TYPE_VIEW_STACK));

    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "charts");
    g_assert_cmpint (stride_charts_page_get_kind (STRIDE_CHARTS_PAGE (charts)), ==,
                     STRIDE_CHART_KIND_RUN);
  }
  g_assert_false (run_dialog_shown (NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/journal/rows", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_journal_rows, fixture_teardown);
  g_test_add ("/ui/journal/units-follow-settings", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_units_follow_settings, fixture_teardown);
  g_test_add ("/ui/journal/empty-offers-demo", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_empty_journal_offers_demo, fixture_teardown);
  g_test_add ("/ui/journal/corrupt-file", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_corrupt_journal_shows_error, fixture_teardown);
  g_test_add ("/ui/journal/other-process-writes", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_sees_other_process_writes, fixture_teardown);
  g_test_add ("/ui/window/state-restored", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_window_state_restored, fixture_teardown);
  g_test_add ("/ui/journal/week-headers", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_week_headers, fixture_teardown);
  g_test_add ("/ui/journal/search-and-filter", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_search_and_filter, fixture_teardown);
  g_test_add ("/ui/journal/delete-and-undo", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_delete_and_undo, fixture_teardown);
  g_test_add ("/ui/journal/activate-opens-editor", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_activate_opens_editor, fixture_teardown);

  return g_test_run ();
}
