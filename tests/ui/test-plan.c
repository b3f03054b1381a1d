/* test-plan.c — the Plan page in the real window, under Xvfb.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "stride-chart-data.h"
#include "stride-plan-day.h"
#include "stride-plan-entry-dialog.h"
#include "stride-plan-page.h"
#include "stride-store.h"
#include "stride-window.h"

#include "form-test-util.h"
#include "ui-test-util.h"

static gboolean
page_is_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static StridePlanPage *
open_plan (const char    *path,
           StrideWindow **window_out)
{
  GtkWidget *page = open_window_on_page (path, "plan", STRIDE_TYPE_PLAN_PAGE, window_out);

  g_assert_true (wait_for (page_is_shown, page));
  return STRIDE_PLAN_PAGE (page);
}

/* The plan-entry buttons ("chips") of every day cell below @widget. */
static void
collect_chips (GtkWidget *widget,
               GPtrArray *chips)
{
  /* Chips are kept for the next month: only the shown ones count. */
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "plan-chip")
      && gtk_widget_get_visible (widget))
    g_ptr_array_add (chips, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_chips (child, chips);
}

/* The page's month/week stack (menus have stacks of their own). */
static GtkStack *
find_view_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "week") != NULL)
    return GTK_STACK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_view_stack (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_chips (StridePlanPage *page)
{
  g_autoptr(GPtrArray) chips = g_ptr_array_new ();

  collect_chips (GTK_WIDGET (page), chips);
  return chips->len;
}

static gint64
add_entry (StrideStore    *store,
           guint32         date,
           StridePlanKind  kind,
           double          distance_m)
{
  StridePlanEntry entry = { 0, };
  g_autoptr(GError) error = NULL;

  entry.date = date;
  entry.kind = kind;
  entry.run_type = kind == STRIDE_PLAN_KIND_RUN ? STRIDE_RUN_TYPE_EASY : STRIDE_RUN_TYPE_NONE;
  entry.target_distance_m = distance_m;
  entry.target_duration_s = kind == STRIDE_PLAN_KIND_STRENGTH ? 1200 : 0;
  g_assert_true (stride_store_add_plan_entry (store, &entry, &error));
  g_assert_no_error (error);

  return entry.id;
}

static gboolean
send_key (StridePlanPage *page,
          guint           keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

/* The month of the demo journal: one chip per plan entry of the days
 * shown, and the month of today. */
static void
test_month_shows_entries (JournalFixture *fixture,
                          gconstpointer   data)
{
  StrideWindow *window;
  StridePlanPage *page = open_plan (fixture->path, &window);
  guint32 first = stride_plan_page_get_first_shown (page);
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (stride_plan_page_get_day (page), ==, stride_today_julian ());
  g_assert_cmpuint (first, <=, stride_today_julian ());
  g_assert_cmpuint (first + 42, >, stride_today_julian ());
  entries = stride_store_list_plan_entries (stride_window_get_store (window), first, first + 41,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 5);
  g_assert_cmpuint (count_chips (page), ==, entries->len);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The day cell that has the keyboard focus, or NULL. */
static StridePlanDay *
focused_day (StridePlanPage *page)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (page)));

  return focus != NULL && STRIDE_IS_PLAN_DAY (focus) ? STRIDE_PLAN_DAY (focus) : NULL;
}

/* @key moves the page to @day, and the keyboard focus with it. */
static void
assert_key_moves_to (StridePlanPage *page,
                     guint           key,
                     guint32         day)
{
  StridePlanDay *focused;

  g_assert_true (send_key (page, key));
  g_assert_cmpuint (stride_plan_page_get_day (page), ==, day);
  focused = focused_day (page);
  g_assert_nonnull (focused);
  if (focused != NULL)
    g_assert_cmpuint (stride_plan_day_get_date (focused), ==, day);
}

static guint32
julian_add_months (guint32 day,
                   int     months)
{
  g_autoptr(GDate) date = g_date_new_julian (day);

  if (months > 0)
    g_date_add_months (date, months);
  else
    g_date_subtract_months (date, -months);

  return g_date_get_julian (date);
}

/* Arrows walk the days (the focus goes along), Page Down and Page Up go
 * a month on and back, Home comes back to today. */
static void
test_keyboard (JournalFixture *fixture,
               gconstpointer   data)
{
  StrideWindow *window;
  StridePlanPage *page = open_plan (fixture->path, &window);
  guint32 today = stride_today_julian ();
  guint32 first = stride_plan_page_get_first_shown (page);
  guint32 next_month, this_month;

  gtk_widget_grab_focus (find_descendant (GTK_WIDGET (page), STRIDE_TYPE_PLAN_DAY));
  stride_plan_page_set_day (page, today);
  g_assert_nonnull (focused_day (page));

  assert_key_moves_to (page, GDK_KEY_Right, today + 1);
  assert_key_moves_to (page, GDK_KEY_Left, today);
  assert_key_moves_to (page, GDK_KEY_Down, today + 7);
  assert_key_moves_to (page, GDK_KEY_Up, today);
  /* Five weeks back is in an earlier month, which is then shown. */
  for (guint32 weeks = 1; weeks <= 5; weeks++)
    assert_key_moves_to (page, GDK_KEY_Up, today - 7 * weeks);
  g_assert_cmpuint (stride_plan_page_get_first_shown (page), <, first);
  assert_key_moves_to (page, GDK_KEY_Home, today);
  g_assert_cmpuint (stride_plan_page_get_first_shown (page), ==, first);

  next_month = julian_add_months (today, 1);
  assert_key_moves_to (page, GDK_KEY_Page_Down, next_month);
  g_assert_cmpuint (stride_plan_page_get_first_shown (page), >, first);
  this_month = julian_add_months (next_month, -1);
  assert_key_moves_to (page, GDK_KEY_Page_Up, this_month);
  g_assert_cmpuint (stride_plan_page_get_first_shown (page), ==, first);
  assert_key_moves_to (page, GDK_KEY_Page_Up, julian_add_months (this_month, -1));
  g_assert_cmpuint (stride_plan_page_get_first_shown (page), <, first);

  assert_key_moves_to (page, GDK_KEY_Home, today);
  g_assert_cmpuint (stride_plan_page_get_first_shown (page), ==, first);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A drag and drop moves the entry ("moved"); Undo puts it back as it was. */
static void
test_move_and_undo (JournalFixture *fixture,
                    gconstpointer   data)
{
  StrideWindow *window;
  StridePlanPage *page = open_plan (fixture->path, &window);
  StrideStore *store = stride_window_get_store (window);
  guint32 today = stride_today_julian ();
  gint64 id = add_entry (store, today + 2, STRIDE_PLAN_KIND_RUN, 8000);
  StridePlanEntry entry = { 0, };
  g_autoptr(GError) error = NULL;
  AdwToastOverlay *overlay;

  g_assert_true (stride_plan_page_move_entry (page, id, today + 3));
  g_assert_true (stride_store_get_plan_entry (store, id, &entry, &error));
  g_assert_cmpuint (entry.date, ==, today + 3);
  g_assert_cmpint (entry.status, ==, STRIDE_PLAN_STATUS_MOVED);
  stride_plan_entry_clear (&entry);
  g_assert_cmpuint (count_chips (page), ==, 1);

  /* The toast's Undo button. */
  overlay = ADW_TOAST_OVERLAY (find_descendant (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.today", NULL));
  {
    GtkWidget *undo = find_button_by_label (GTK_WIDGET (overlay), "_Undo");

    if (undo == NULL)
      undo = find_button_by_label (GTK_WIDGET (overlay), "Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
  }
  g_assert_true (stride_store_get_plan_entry (store, id, &entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entry.date, ==, today + 2);
  g_assert_cmpint (entry.status, ==, STRIDE_PLAN_STATUS_PLANNED);
  stride_plan_entry_clear (&entry);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The cell of @day in the month shown. */
static StridePlanDay *
find_day_cell (GtkWidget *widget,
               guint32    day)
{
  if (STRIDE_IS_PLAN_DAY (widget) && stride_plan_day_get_date (STRIDE_PLAN_DAY (widget)) == day)
    return STRIDE_PLAN_DAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      StridePlanDay *found = find_day_cell (child, day);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The entry chips shown in the cell of @day. */
static GPtrArray *
day_chips (StridePlanPage *page,
           guint32         day)
{
  StridePlanDay *cell = find_day_cell (GTK_WIDGET (page), day);
  GPtrArray *chips = g_ptr_array_new ();

  g_assert_nonnull (cell);
  if (cell != NULL)
    collect_chips (GTK_WIDGET (cell), chips);

  return chips;
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);
    }

  return NULL;
}

/* What dragging @chip carries: the content its drag source prepares when
 * a drag starts, read as the drop target reads it. */
static void
drag_value (GtkWidget *chip,
            GValue    *value)
{
  GtkEventController *source = find_controller (chip, GTK_TYPE_DRAG_SOURCE);
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (source);
  g_assert_cmpint (gtk_drag_source_get_actions (GTK_DRAG_SOURCE (source)) & GDK_ACTION_MOVE, !=, 0);
  g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  g_value_init (value, G_TYPE_INT64);
  g_assert_true (gdk_content_provider_get_value (content, value, &error));
  g_assert_no_error (error);
}

/* Drops @value on @cell through its drop target, as a drag ends there:
 * the pointer enters (the cell is marked), then lets go. */
static gboolean
drop_on (StridePlanDay *cell,
         const GValue  *value)
{
  GtkEventController *target = find_controller (GTK_WIDGET (cell), GTK_TYPE_DROP_TARGET);
  GdkDragAction action = 0;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (target)),
                                                    G_VALUE_TYPE (value)));
  g_signal_emit_by_name (target, "enter", 4.0, 4.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "drop-here"));
  g_signal_emit_by_name (target, "drop", value, 4.0, 4.0, &accepted);

  return accepted;
}

static void
click_undo (StrideWindow *window)
{
  GtkWidget *overlay = find_descendant (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *undo;

  g_assert_nonnull (overlay);
  undo = find_button_by_label (overlay, "_Undo");
  g_assert_nonnull (undo);
  if (undo != NULL)
    g_signal_emit_by_name (undo, "clicked");
}

static void
assert_entry_on (StrideStore      *store,
                 gint64            id,
                 guint32           day,
                 StridePlanStatus  status)
{
  StridePlanEntry entry = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_true (stride_store_get_plan_entry (store, id, &entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entry.date, ==, day);
  g_assert_cmpint (entry.status, ==, status);
  stride_plan_entry_clear (&entry);
}

/* The one chip of @day, in the state @status; none on @other_day. */
static void
assert_chip_on (StridePlanPage *page,
                guint32         day,
                const char     *status,
                guint32         other_day)
{
  g_autoptr(GPtrArray) chips = day_chips (page, day);
  g_autoptr(GPtrArray) others = day_chips (page, other_day);

  g_assert_cmpuint (chips->len, ==, 1);
  if (chips->len == 1)
    g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (chips, 0), status));
  g_assert_cmpuint (others->len, ==, 0);
}

/* Dragging a chip to another day through the page's own drag source and
 * drop target moves the entry ("moved", in the store and on the grid);
 * the toast's Undo puts it back. */
static void
test_drag_and_undo (JournalFixture *fixture,
                    gconstpointer   data)
{
  StrideWindow *window;
  StridePlanPage *page = open_plan (fixture->path, &window);
  StrideStore *store = stride_window_get_store (window);
  guint32 today = stride_today_julian ();
  gint64 id = add_entry (store, today + 2, STRIDE_PLAN_KIND_RUN, 8000);
  g_autoptr(GPtrArray) chips = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  StridePlanDay *target;

  stride_plan_page_reload (page);
  chips = day_chips (page, today + 2);
  g_assert_cmpuint (chips->len, ==, 1);
  if (chips->len != 1)
    goto out;

  drag_value (g_ptr_array_index (chips, 0), &value);
  g_assert_cmpint (g_value_get_int64 (&value), ==, id);
  target = find_day_cell (GTK_WIDGET (page), today + 3);
  g_assert_nonnull (target);
  g_assert_true (drop_on (target, &value));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (target), "drop-here"));

  assert_entry_on (store, id, today + 3, STRIDE_PLAN_STATUS_MOVED);
  assert_chip_on (page, today + 3, "moved", today + 2);

  click_undo (window);
  assert_entry_on (store, id, today + 2, STRIDE_PLAN_STATUS_PLANNED);
  assert_chip_on (page, today + 2, "planned", today + 3);

out:
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Copy this week to the next: the entries appear there, once. */
static void
test_copy_week (JournalFixture *fixture,
                gconstpointer   data)
{
  StrideWindow *window;
  StridePlanPage *page = open_plan (fixture->path, &window);
  StrideStore *store = stride_window_get_store (window);
  guint32 first = stride_plan_page_get_first_shown (page);
  g_autoptr(GArray) next = NULL;
  g_autoptr(GError) error = NULL;

  add_entry (store, first + 1, STRIDE_PLAN_KIND_RUN, 10000);
  add_entry (store, first + 3, STRIDE_PLAN_KIND_STRENGTH, 0);
  stride_plan_page_set_day (page, first + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.copy-week", NULL));
  next = stride_store_list_plan_entries (store, first + 7, first + 13, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (next->len, ==, 2);
  g_assert_cmpuint (count_chips (page), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The week agenda lists the seven days and the week's totals. */
static void
test_week_agenda (JournalFixture *fixture,
                  gconstpointer   data)
{
  StrideWindow *window;
  StridePlanPage *page = open_plan (fixture->path, &window);
  StrideStore *store = stride_window_get_store (window);
  guint32 today = stride_today_julian ();
  guint n_groups = 0;
  GtkStack *stack;

  add_entry (store, today, STRIDE_PLAN_KIND_RUN, 12000);
  stride_plan_page_set_week_view (page, TRUE);
  g_assert_true (stride_plan_page_get_week_view (page));
  stack = find_view_stack (GTK_WIDGET (page));
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "week");

  for (GtkWidget *child = gtk_widget_get_first_child (gtk_stack_get_visible_child (stack));
       child != NULL; child = gtk_widget_get_first_child (child))
    if (GTK_IS_BOX (child))
      {
        for (GtkWidget *group = gtk_widget_get_first_child (child); group != NULL;
             group = gtk_widget_get_next_sibling (group))
          n_groups += ADW_IS_PREFERENCES_GROUP (group);
        break;
      }
  g_assert_cmpuint (n_groups, ==, 7);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_plan_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (STRIDE_IS_PLAN_ENTRY_DIALOG (toplevel))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

/* Enter on a focused day opens a new entry for it; saving shows it. */
static void
test_add_entry (JournalFixture *fixture,
                gconstpointer   data)
{
  StrideWindow *window;
  StridePlanPage *page = open_plan (fixture->path, &window);
  guint32 today = stride_today_julian ();
  GtkWindow *dialog;
  GtkWidget *distance;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count_chips (page), ==, 0);
  gtk_widget_grab_focus (find_descendant (GTK_WIDGET (page), STRIDE_TYPE_PLAN_DAY));
  stride_plan_page_set_day (page, today + 1);
  g_assert_true (send_key (page, GDK_KEY_Return));
  dialog = find_plan_dialog ();
  g_assert_nonnull (dialog);

  distance = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Target Distance");
  g_assert_nonnull (distance);
  gtk_editable_set_text (GTK_EDITABLE (distance), "12");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan-entry-dialog.save", NULL));

  entries = stride_store_list_plan_entries (stride_window_get_store (window), today + 1, today + 1,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpfloat (g_array_index (entries, StridePlanEntry, 0).target_distance_m, ==, 12000);
  g_assert_cmpuint (count_chips (page), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_class_below (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  /* What is hidden (chips kept for another month) shows nothing. */
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_has_css_class (widget, css_class))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_class_below (child, type, css_class))
      return TRUE;

  return FALSE;
}

/* Where the checklist matters: a planned run over the spike limit is
 * marked as it is planned, and a week with a warning says so. */
static void
test_checklist_marks (JournalFixture *fixture,
                      gconstpointer   data)
{
  StrideWindow *window;
  StridePlanPage *page = open_plan (fixture->path, &window);
  StrideStore *store = stride_window_get_store (window);
  guint32 today = stride_today_julian ();
  StrideActivity run = { 0, };
  StridePainEntry pain = { 0, };
  g_autoptr(GError) error = NULL;

  run.sport = STRIDE_SPORT_RUN;
  run.run_type = STRIDE_RUN_TYPE_EASY;
  run.start_utc = stride_chart_data_day_start (today - 5, 0) + 8 * 3600;
  run.duration_s = 3000;
  run.distance_m = 10000;
  g_assert_true (stride_store_add_activity (store, &run, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);
  pain.date = today;
  pain.location = (char *) "knee";
  pain.severity = 6;
  g_assert_true (stride_store_add_pain_entry (store, &pain, &error));
  g_assert_no_error (error);

  /* 11 km is 110 % of the 10 km run: allowed. The next day 13 km is
   * 118 % of the planned 11 km: marked. */
  add_entry (store, today + 1, STRIDE_PLAN_KIND_RUN, 11000);
  stride_plan_page_reload (page);
  g_assert_false (has_class_below (GTK_WIDGET (page), GTK_TYPE_BUTTON, "breaks-rule"));
  add_entry (store, today + 2, STRIDE_PLAN_KIND_RUN, 13000);
  stride_plan_page_reload (page);
  g_assert_true (has_class_below (GTK_WIDGET (page), GTK_TYPE_BUTTON, "breaks-rule"));

  /* Pain of 6/10 this week: the week's totals carry the warning. */
  g_assert_true (has_class_below (GTK_WIDGET (page), GTK_TYPE_LABEL, "warning"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/plan/month-shows-entries", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_month_shows_entries, journal_fixture_teardown);
  g_test_add ("/ui/plan/keyboard", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_keyboard, journal_fixture_teardown);
  g_test_add ("/ui/plan/move-and-undo", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_move_and_undo, journal_fixture_teardown);
  g_test_add ("/ui/plan/drag-and-undo", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_drag_and_undo, journal_fixture_teardown);
  g_test_add ("/ui/plan/copy-week", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_copy_week, journal_fixture_teardown);
  g_test_add ("/ui/plan/add-entry", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_add_entry, journal_fixture_teardown);
  g_test_add ("/ui/plan/checklist-marks", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_checklist_marks, journal_fixture_teardown);
  g_test_add ("/ui/plan/week-agenda", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_week_agenda, journal_fixture_teardown);

  return g_test_run ();
}
