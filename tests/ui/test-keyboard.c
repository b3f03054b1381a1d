/* test-keyboard.c — every control of every page is reachable by keyboard.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the focus chain with Tab (and Shift+Tab) the way GtkWindow's own
 * key binding does, on each page of the window on a demo journal, and fails
 * on any shown, sensitive control that the walk never reaches. Rows of a
 * list count as reached when one row of their list is, since the arrow
 * keys move between rows.
 */

#include "config.h"

#include "ui-test-util.h"

#include "stride-application.h"

/* Enough steps to go round the longest page (the Risk page's checks and
 * the Plan page's 42 days) twice. */
#define MAX_STEPS 4000

static gboolean
is_control (GtkWidget *widget)
{
  /* The text of an entry or a spin button is reached through its parent,
   * which is what a user perceives as the control. */
  if (GTK_IS_TEXT (widget))
    return FALSE;

  return GTK_IS_BUTTON (widget) ||
         GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_EDITABLE (widget) ||
         GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SCALE (widget) ||
         (GTK_IS_LIST_BOX_ROW (widget) &&
          gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)));
}

/* Shown on screen now: mapped, sensitive, not inside a closed popover and
 * with room to be seen (a collapsed revealer maps its child at 0 px). */
static gboolean
is_usable (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) &&
         gtk_widget_is_sensitive (widget) &&
         gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0;
}

static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  /* The window's own minimize, maximize and close buttons take no focus
   * in GTK by design: Ctrl+W, Super+↑ and the window menu do their work. */
  if (!gtk_widget_get_mapped (widget) || GTK_IS_WINDOW_CONTROLS (widget))
    return;

  if (is_control (widget) && is_usable (widget))
    g_ptr_array_add (controls, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

/* What Tab does in a GtkWindow: move into the next focusable widget, and
 * wrap around to the first one after the last. */
static GtkWidget *
press_tab (GtkWindow        *window,
           GtkDirectionType  direction)
{
  if (!gtk_widget_child_focus (GTK_WIDGET (window), direction))
    {
      gtk_window_set_focus (window, NULL);
      gtk_widget_child_focus (GTK_WIDGET (window), direction);
    }

  return gtk_root_get_focus (GTK_ROOT (window));
}

static GHashTable *
walk_focus_chain (GtkWindow        *window,
                  GtkDirectionType  direction)
{
  GHashTable *focused = g_hash_table_new (NULL, NULL);
  GtkWidget *first = NULL;

  gtk_window_set_focus (window, NULL);
  for (guint step = 0; step < MAX_STEPS; step++)
    {
      GtkWidget *focus = press_tab (window, direction);

      /* Tabbing scrolls the focus into view; let that settle. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (focus == NULL)
        continue;
      if (focus == first)
        break;
      if (first == NULL)
        first = focus;
      g_hash_table_add (focused, focus);
    }

  return focused;
}

static gboolean
is_reached (GtkWidget  *control,
            GHashTable *focused)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, focused);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkWidget *focus = key;

      if (focus == control || gtk_widget_is_ancestor (focus, control))
        return TRUE;
      /* The arrow keys reach every row of a list whose one row Tab reached. */
      if (GTK_IS_LIST_BOX_ROW (control) && GTK_IS_LIST_BOX_ROW (focus) &&
          gtk_widget_get_parent (focus) == gtk_widget_get_parent (control))
        return TRUE;
      if (GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_is_ancestor (control, focus) &&
          gtk_widget_get_parent (focus) != NULL)
        {
          /* A control inside a row that Tab entered through the row. */
          for (GtkWidget *w = control; w != NULL && w != focus; w = gtk_widget_get_parent (w))
            if (g_hash_table_contains (focused, w))
              return TRUE;
        }
    }

  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  const char *label = NULL;
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  if (label == NULL && ADW_IS_PREFERENCES_ROW (widget))
    label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (label == NULL)
    label = tooltip;

  return g_strdup_printf ("%s “%s” in %s", G_OBJECT_TYPE_NAME (widget),
                          label != NULL ? label : gtk_widget_get_name (widget),
                          G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
}

static guint n_controls_seen;

static gboolean
controls_settled (gpointer data)
{
  GtkWidget *window = data;
  static gint64 stable_since;
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();

  collect_controls (window, controls);
  if (controls->len != n_controls_seen)
    {
      n_controls_seen = controls->len;
      stable_since = g_get_monotonic_time ();
      return FALSE;
    }

  /* The page loads in a worker thread and then builds its rows. */
  return controls->len > 4 && g_get_monotonic_time () - stable_since > G_USEC_PER_SEC;
}

typedef struct
{
  const char *page;
  int         width;
} PageCase;

static void
test_page_controls_are_reachable (JournalFixture *fixture,
                                  gconstpointer   data)
{
  const PageCase *page_case = data;
  StrideWindow *window = NULL;
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GHashTable) forward = NULL;
  g_autoptr(GHashTable) backward = NULL;
  g_autoptr(GString) missed = g_string_new (NULL);
  GtkWidget *bar;

  open_window_on_page (fixture->path, page_case->page, GTK_TYPE_WIDGET, &window);
  /* At phone width the view switcher moves to the bottom bar. */
  gtk_window_set_default_size (GTK_WINDOW (window), page_case->width, 720);
  n_controls_seen = 0;
  g_assert_true (wait_for (controls_settled, window));

  /* The bottom bar is built only once the window is narrow. */
  bar = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  if (page_case->width <= 400)
    g_assert_true (bar != NULL && adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  else
    g_assert_null (bar);

  collect_controls (GTK_WIDGET (window), controls);
  forward = walk_focus_chain (GTK_WINDOW (window), GTK_DIR_TAB_FORWARD);
  backward = walk_focus_chain (GTK_WINDOW (window), GTK_DIR_TAB_BACKWARD);
  g_test_message ("%s at %d px: %u controls, %u focus stops forward, %u backward",
                  page_case->page, page_case->width,
                  controls->len, g_hash_table_size (forward), g_hash_table_size (backward));

  /* The walk must have gone somewhere: the header bar alone has four. */
  g_assert_cmpuint (g_hash_table_size (forward), >=, 4);
  /* Shift+Tab visits the same stops as Tab. */
  g_assert_cmpuint (g_hash_table_size (backward), ==, g_hash_table_size (forward));

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);

      if (!is_reached (control, forward))
        {
          g_autofree char *what = describe (control);

          g_string_append_printf (missed, "\n  %s", what);
        }
    }
  if (missed->len > 0)
    g_test_fail_printf ("%s page at %d px: not reachable by keyboard:%s", page_case->page,
                        page_case->width, missed->str);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The standard GNOME shortcuts are bound to their actions. */
static void
test_standard_shortcuts (void)
{
  static const struct
  {
    const char *accel;
    const char *action;
  } expected[] = {
    { "<Control>q", "app.quit" },
    { "<Control>w", "window.close" },
    { "<Control>comma", "app.preferences" },
    { "F1", "app.help" },
    { "<Control>question", "win.show-help-overlay" },
  };
  g_autoptr(GApplication) app = G_APPLICATION (stride_application_new ());
  g_autoptr(GError) error = NULL;

  g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) actions =
        gtk_application_get_actions_for_accel (GTK_APPLICATION (app), expected[i].accel);

      g_assert_true (g_strv_contains ((const char *const *) actions, expected[i].action));
    }
}

static void
demo_journal_setup (JournalFixture *fixture,
                    gconstpointer   data)
{
  journal_fixture_setup (fixture, GINT_TO_POINTER (TRUE));
}

int
main (int   argc,
      char *argv[])
{
  static const char *const pages[] = { "plan", "journal", "balance", "risk", "charts" };
  static PageCase cases[2 * G_N_ELEMENTS (pages)];

  ui_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;

      cases[i].page = pages[i % G_N_ELEMENTS (pages)];
      cases[i].width = i < G_N_ELEMENTS (pages) ? 1000 : 360;
      path = g_strdup_printf ("/keyboard/%s-page-%d", cases[i].page, cases[i].width);
      g_test_add (path, JournalFixture, &cases[i], demo_journal_setup,
                  test_page_controls_are_reachable, journal_fixture_teardown);
    }
  g_test_add_func ("/keyboard/standard-shortcuts", test_standard_shortcuts);

  return g_test_run ();
}
