/* test-welcome-help.c — the first-launch welcome and the help window,
 * through the real application under Xvfb.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "stride-application.h"
#include "stride-help-window.h"
#include "stride-run-dialog.h"
#include "stride-welcome-dialog.h"
#include "stride-window.h"

#include "ui-test-util.h"

static const char *const help_topics[] = {
  "logging", "balance", "checklist", "planning", "import", "shortcuts", "data",
};

/* Toplevels */

/* The first visible toplevel window of @type, NULL when none. */
static GtkWidget *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        found = l->data;
    }
  g_list_free (toplevels);

  return found;
}

static guint
count_toplevels (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    n += G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data) ? 1 : 0;
  g_list_free (toplevels);

  return n;
}

static gboolean
welcome_shown (gpointer data)
{
  return find_toplevel (STRIDE_TYPE_WELCOME_DIALOG) != NULL;
}

static gboolean
welcome_gone (gpointer data)
{
  return find_toplevel (STRIDE_TYPE_WELCOME_DIALOG) == NULL;
}

static gboolean
run_dialog_shown (gpointer data)
{
  return find_toplevel (STRIDE_TYPE_RUN_DIALOG) != NULL;
}

static gboolean
help_window_shown (gpointer data)
{
  return find_toplevel (STRIDE_TYPE_HELP_WINDOW) != NULL;
}

static gboolean
shortcuts_window_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL;
}

static gboolean
is_mapped_widget (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Lets the main loop run for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GSettings *
app_settings (void)
{
  return g_settings_new (APP_ID);
}

/* Settings live in the memory backend for the whole test program: each
 * test starts from a first launch. */
static void
forget_welcome (void)
{
  g_autoptr(GSettings) settings = app_settings ();

  g_settings_reset (settings, "welcome-seen");
}

static gboolean
welcome_seen (void)
{
  g_autoptr(GSettings) settings = app_settings ();

  return g_settings_get_boolean (settings, "welcome-seen");
}

/* Running the real application */

typedef void (*AppCheck) (GtkApplication *app,
                          StrideWindow   *window,
                          gpointer        data);

typedef struct
{
  GtkApplication *app;
  AppCheck        check;
  gpointer        data;
  gboolean        checked;
} AppRun;

static StrideWindow *
main_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      if (STRIDE_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static gboolean
has_main_window (gpointer data)
{
  return main_window (data) != NULL;
}

static void
destroy_toplevels (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  g_list_foreach (toplevels, (GFunc) g_object_ref, NULL);
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (toplevels, g_object_unref);
}

static gboolean
drive_cb (gpointer user_data)
{
  AppRun *run = user_data;

  g_assert_true (wait_for (has_main_window, run->app));
  if (main_window (run->app) != NULL)
    run->check (run->app, main_window (run->app), run->data);
  run->checked = TRUE;

  destroy_toplevels ();
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

/* Runs StrideStrong with @args (NULL-terminated) as a user would start
 * it, calls @check once its window is there, then quits. Non-unique, so
 * it never meets another instance on the session bus. */
static void
run_app (const char *const *args,
         AppCheck           check,
         gpointer           data)
{
  g_autoptr(StrideApplication) app = stride_application_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  AppRun run = { GTK_APPLICATION (app), check, data, FALSE };
  int status;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_ptr_array_add (argv, (gpointer) "stridestrong");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_idle_add (drive_cb, &run);
  status = g_application_run (G_APPLICATION (app), (int) argv->len - 1, (char **) argv->pdata);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.checked);
}

/* Checks */

static void
check_no_welcome (GtkApplication *app,
                  StrideWindow   *window,
                  gpointer        data)
{
  spin (300);
  g_assert_null (find_toplevel (STRIDE_TYPE_WELCOME_DIALOG));
}

/* The widget's own key bindings hold @trigger → @action. */
static gboolean
has_binding (GtkWidget  *widget,
             const char *trigger,
             const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *keys = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *shown = gtk_shortcut_trigger_to_string (keys);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          found = g_strcmp0 (shown, trigger) == 0 && GTK_IS_NAMED_ACTION (named)
                  && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)),
                                action) == 0;
        }
    }

  return found;
}

static void
check_welcome_then_escape (GtkApplication *app,
                           StrideWindow   *window,
                           gpointer        data)
{
  GtkWidget *welcome;

  g_assert_true (wait_for (welcome_shown, NULL));
  welcome = find_toplevel (STRIDE_TYPE_WELCOME_DIALOG);
  g_assert_nonnull (welcome);
  if (welcome == NULL)
    return;

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (welcome)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (welcome)));
  for (const char *const *label = (const char *const[]) { "Open Demo Journal",
                                                          "Import Activities…",
                                                          "Log a Run…",
                                                          "Start with an Empty Journal",
                                                          NULL };
       *label != NULL; label++)
    g_assert_nonnull (find_button_by_label (welcome, *label));
  g_assert_false (welcome_seen ());

  /* Escape is bound to closing it; run what it is bound to. */
  g_assert_true (has_binding (welcome, "Escape", "window.close"));
  g_assert_true (gtk_widget_activate_action (welcome, "window.close", NULL));
  g_assert_true (wait_for (welcome_gone, NULL));
  g_assert_true (welcome_seen ());
}

static void
test_first_launch_shows_welcome_once (JournalFixture *fixture,
                                      gconstpointer   data)
{
  const char *args[] = { "--database", fixture->path, NULL };

  forget_welcome ();
  run_app (args, check_welcome_then_escape, NULL);
  g_assert_true (welcome_seen ());

  /* The second launch, on the same (still empty) journal. */
  run_app (args, check_no_welcome, NULL);
}

static GtkWidget *
welcome_button (const char *label)
{
  GtkWidget *welcome;
  GtkWidget *button;

  g_assert_true (wait_for (welcome_shown, NULL));
  welcome = find_toplevel (STRIDE_TYPE_WELCOME_DIALOG);
  g_assert_nonnull (welcome);
  if (welcome == NULL)
    return NULL;

  button = find_button_by_label (welcome, label);
  g_assert_nonnull (button);
  return button;
}

typedef struct
{
  StrideWindow *window;
  const char   *path;
} DemoWait;

static gboolean
demo_open (gpointer data)
{
  DemoWait *wait = data;
  StrideStore *store = stride_window_get_store (wait->window);

  return store != NULL && g_strcmp0 (stride_store_get_path (store), wait->path) != 0
         && stride_store_count_rows (store, "activity", NULL) > 0;
}

static void
check_demo_button (GtkApplication *app,
                   StrideWindow   *window,
                   gpointer        data)
{
  JournalFixture *fixture = data;
  GtkWidget *button = welcome_button ("Open Demo Journal");
  DemoWait wait = { window, fixture->path };

  if (button == NULL)
    return;

  gtk_widget_activate (button);
  g_assert_true (wait_for (welcome_gone, NULL));
  g_assert_true (welcome_seen ());
  g_assert_true (wait_for (demo_open, &wait));
}

static void
test_welcome_opens_demo (JournalFixture *fixture,
                         gconstpointer   data)
{
  const char *args[] = { "--database", fixture->path, NULL };

  forget_welcome ();
  run_app (args, check_demo_button, fixture);
}

/* A stand-in for the main window that records which of its actions ran:
 * the real win.import opens GTK's file chooser, whose libraries leak on
 * purpose (GLib's quark table, libcloudproviders), which the sanitizer
 * build would report. */
#define TEST_TYPE_PARENT (test_parent_get_type ())
G_DECLARE_FINAL_TYPE (TestParent, test_parent, TEST, PARENT, GtkWindow)

struct _TestParent
{
  GtkWindow  parent_instance;
  char      *activated;
};

G_DEFINE_FINAL_TYPE (TestParent, test_parent, GTK_TYPE_WINDOW)

static void
test_parent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TestParent *self = TEST_PARENT (widget);

  g_free (self->activated);
  self->activated = g_strdup (action_name);
}

static void
test_parent_finalize (GObject *object)
{
  g_free (TEST_PARENT (object)->activated);

  G_OBJECT_CLASS (test_parent_parent_class)->finalize (object);
}

static void
test_parent_class_init (TestParentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_parent_finalize;

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.open-demo", NULL,
                                   test_parent_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.import", NULL,
                                   test_parent_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.log-run", NULL,
                                   test_parent_action);
}

static void
test_parent_init (TestParent *self)
{
}

static gboolean
class_has_action (GType       type,
                  const char *action)
{
  GTypeClass *klass = g_type_class_ref (type);
  GType owner;
  const char *name = NULL;
  const GVariantType *parameter_type;
  const char *property;
  gboolean found = FALSE;

  /* GTK 4.8 writes every output: none may be NULL. */
  for (guint i = 0;
       !found && gtk_widget_class_query_action (GTK_WIDGET_CLASS (klass), i, &owner, &name,
                                                &parameter_type, &property);
       i++)
    found = g_strcmp0 (name, action) == 0;
  g_type_class_unref (klass);

  return found;
}

/* Each button closes the welcome and runs the action of the main window
 * that it names; the main window has each of them. */
static void
test_welcome_forwards_actions (void)
{
  static const struct {
    const char *label;
    const char *action;
  } buttons[] = {
    { "Open Demo Journal", "win.open-demo" },
    { "Import Activities…", "win.import" },
    { "Log a Run…", "win.log-run" },
  };
  g_autoptr(GSettings) settings = app_settings ();

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      TestParent *parent = g_object_new (TEST_TYPE_PARENT, NULL);
      StrideWelcomeDialog *welcome;
      GtkWidget *button;

      g_assert_true (class_has_action (STRIDE_TYPE_WINDOW, buttons[i].action));

      forget_welcome ();
      gtk_window_present (GTK_WINDOW (parent));
      welcome = stride_welcome_dialog_new (GTK_WINDOW (parent), settings);
      gtk_window_present (GTK_WINDOW (welcome));
      g_assert_true (wait_for (welcome_shown, NULL));

      button = find_button_by_label (GTK_WIDGET (welcome), buttons[i].label);
      g_assert_nonnull (button);
      if (button != NULL)
        gtk_widget_activate (button);

      g_assert_true (wait_for (welcome_gone, NULL));
      g_assert_true (welcome_seen ());
      g_assert_cmpstr (parent->activated, ==, buttons[i].action);

      gtk_window_destroy (GTK_WINDOW (parent));
    }
}

static void
check_log_run_button (GtkApplication *app,
                      StrideWindow   *window,
                      gpointer        data)
{
  GtkWidget *button = welcome_button ("Log a Run…");
  GtkWidget *dialog;

  if (button == NULL)
    return;

  gtk_widget_activate (button);
  g_assert_true (wait_for (welcome_gone, NULL));
  g_assert_true (welcome_seen ());

  g_assert_true (wait_for (run_dialog_shown, NULL));
  dialog = find_toplevel (STRIDE_TYPE_RUN_DIALOG);
  g_assert_nonnull (dialog);
  if (dialog != NULL)
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
}

static void
test_welcome_logs_run (JournalFixture *fixture,
                       gconstpointer   data)
{
  const char *args[] = { "--database", fixture->path, NULL };

  forget_welcome ();
  run_app (args, check_log_run_button, fixture);
}

static void
check_empty_journal_button (GtkApplication *app,
                            StrideWindow   *window,
                            gpointer        data)
{
  JournalFixture *fixture = data;
  GtkWidget *button = welcome_button ("Start with an Empty Journal");

  if (button == NULL)
    return;

  gtk_widget_activate (button);
  g_assert_true (wait_for (welcome_gone, NULL));
  g_assert_true (welcome_seen ());
  g_assert_cmpstr (stride_store_get_path (stride_window_get_store (window)), ==, fixture->path);
  g_assert_cmpint (count_rows (stride_window_get_store (window), "activity"), ==, 0);
}

static void
test_welcome_starts_empty (JournalFixture *fixture,
                           gconstpointer   data)
{
  const char *args[] = { "--database", fixture->path, NULL };

  forget_welcome ();
  run_app (args, check_empty_journal_button, fixture);
}

/* A journal with entries, the demo and a journal that can't be opened
 * are no first launch: nothing shown, nothing marked as seen. */
static void
test_no_welcome_without_empty_journal (JournalFixture *fixture,
                                       gconstpointer   data)
{
  const char *with_entries[] = { "--database", fixture->path, NULL };
  const char *demo[] = { "--demo", NULL };

  forget_welcome ();
  run_app (with_entries, check_no_welcome, NULL);
  run_app (demo, check_no_welcome, NULL);
  g_assert_false (welcome_seen ());
}

static void
test_welcome_fits_narrow (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  StrideWelcomeDialog *welcome = stride_welcome_dialog_new (NULL, settings);
  int minimum = 0;

  forget_welcome ();
  gtk_window_set_default_size (GTK_WINDOW (welcome), 360, 600);
  gtk_window_present (GTK_WINDOW (welcome));
  g_assert_true (wait_for (is_mapped_widget, welcome));

  gtk_widget_measure (GTK_WIDGET (welcome), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (welcome)), <=, 360);
  g_assert_nonnull (find_descendant (GTK_WIDGET (welcome), GTK_TYPE_SCROLLED_WINDOW));

  gtk_window_destroy (GTK_WINDOW (welcome));
  g_assert_true (welcome_seen ());
}

/* Help */

/* Any action item of @model (sections and submenus included) is @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *link = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_strcmp0 (name, action) == 0)
        return TRUE;

      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          gboolean found = menu_has_action (link, action);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }

  return FALSE;
}

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_text (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
check_help_action (GtkApplication *app,
                   StrideWindow   *window,
                   gpointer        data)
{
  JournalFixture *fixture = data;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "app.help");
  g_auto(GStrv) overlay_accels = NULL;
  DemoWait wait = { window, fixture->path };
  GtkWidget *menu_button = find_primary_menu_button (GTK_WIDGET (window));
  GtkWidget *overlay;
  GtkWidget *help;

  g_assert_true (g_strv_contains ((const char *const *) accels, "F1"));
  /* The shortcuts window is only built when asked for. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (menu_button);
  if (menu_button != NULL)
    {
      /* The menu is made when first opened (F10 opens the primary one). */
      g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)));
      gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
      g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                      "app.help"));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)))));
      gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (wait_for (help_window_shown, NULL));
  help = find_toplevel (STRIDE_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);
  if (help == NULL)
    return;
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (help)) == GTK_WINDOW (window));

  /* F1 again brings the same window forward. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  spin (100);
  g_assert_cmpuint (count_toplevels (STRIDE_TYPE_HELP_WINDOW), ==, 1);

  /* "Your Data" names the journal this window has open, also after the
   * window switched to another one. */
  stride_help_window_show_topic (STRIDE_HELP_WINDOW (help), "data");
  g_assert_true (shows_text (help, fixture->path));
  stride_window_open_demo (window);
  g_assert_true (wait_for (demo_open, &wait));
  stride_help_window_show_topic (STRIDE_HELP_WINDOW (help), "logging");
  stride_help_window_show_topic (STRIDE_HELP_WINDOW (help), "data");
  g_assert_false (shows_text (help, fixture->path));
  g_assert_true (shows_text (help, stride_store_get_path (stride_window_get_store (window))));

  /* "Show All Shortcuts" opens the main window's shortcuts window; the
   * help names Ctrl+? for it too. */
  overlay_accels = gtk_application_get_accels_for_action (app, "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char *const *) overlay_accels, "<Control>question"));
  stride_help_window_show_topic (STRIDE_HELP_WINDOW (help), "shortcuts");
  g_assert_nonnull (find_button_by_label (help, "Show All Shortcuts"));
  g_assert_true (gtk_widget_activate_action (help, "help.show-shortcuts", NULL));
  g_assert_true (wait_for (shortcuts_window_shown, NULL));
  overlay = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (overlay == (GtkWidget *) gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* Asked again, the same one comes forward. */
  gtk_widget_set_visible (overlay, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (wait_for (shortcuts_window_shown, NULL));
  g_assert_true (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == overlay);
  g_assert_cmpuint (count_toplevels (GTK_TYPE_SHORTCUTS_WINDOW), ==, 1);
}

static void
test_help_action (JournalFixture *fixture,
                  gconstpointer   data)
{
  const char *args[] = { "--database", fixture->path, NULL };
  g_autoptr(GSettings) settings = app_settings ();

  g_settings_set_boolean (settings, "welcome-seen", TRUE);
  run_app (args, check_help_action, fixture);
}

static GtkStack *
help_stack (StrideHelpWindow *help)
{
  return GTK_STACK (find_descendant (GTK_WIDGET (help), GTK_TYPE_STACK));
}

static GtkListBoxRow *
topic_row (StrideHelpWindow *help,
           const char       *topic)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (help), GTK_TYPE_LIST_BOX);

  for (int i = 0; list != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);

      if (row == NULL)
        break;
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), topic) == 0)
        return row;
    }

  return NULL;
}

/* The texts of the visible labels of @widget, one after another. */
static void
collect_texts (GtkWidget *widget,
               GString   *texts,
               guint     *n_headings)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
      if (gtk_widget_has_css_class (widget, "title-2"))
        (*n_headings)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts, n_headings);
}

static StrideHelpWindow *
present_help (int width)
{
  StrideHelpWindow *help = stride_help_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (help), width, 640);
  gtk_window_present (GTK_WINDOW (help));
  g_assert_true (wait_for (is_mapped_widget, help));
  return help;
}

static void
test_help_topics (void)
{
  StrideHelpWindow *help = present_help (900);
  GtkStack *stack = help_stack (help);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_nonnull (stack);
  g_assert_cmpstr (stride_help_window_get_topic (help), ==, "logging");

  for (guint i = 0; i < G_N_ELEMENTS (help_topics); i++)
    {
      GtkListBoxRow *row = topic_row (help, help_topics[i]);
      GtkWidget *page;
      const char *title;
      g_autoptr(GString) texts = g_string_new (NULL);
      guint n_headings = 0;

      g_assert_nonnull (row);
      if (row == NULL)
        continue;

      gtk_widget_activate (GTK_WIDGET (row));
      spin (50);
      g_assert_cmpstr (stride_help_window_get_topic (help), ==, help_topics[i]);
      page = gtk_stack_get_visible_child (stack);
      g_assert_true (wait_for (is_mapped_widget, page));

      /* A heading that names the page, then real text: no empty pages,
       * nothing left for later. */
      collect_texts (page, texts, &n_headings);
      g_assert_cmpuint (n_headings, ==, 1);
      title = gtk_stack_page_get_title (gtk_stack_get_page (stack, page));
      g_assert_true (shows_text (page, title));
      g_assert_cmpuint (texts->len, >, 200);
      g_assert_null (strstr (texts->str, "TODO"));
      g_assert_null (g_strrstr (texts->str, "coming soon"));
      g_assert_null (g_strrstr (texts->str, "Coming soon"));
      g_assert_false (g_hash_table_contains (seen, texts->str));
      g_hash_table_add (seen, g_strdup (texts->str));
    }

  /* The checklist page names every check of the weekly checklist. */
  stride_help_window_show_topic (help, "checklist");
  for (const char *const *id = (const char *const[]) { "spike", "acwr", "ramp", "monotony",
                                                       "strength", "spacing", "hq", "lsi",
                                                       "pain", "sleep, soreness, illness",
                                                       "shoes", NULL };
       *id != NULL; id++)
    g_assert_true (shows_text (gtk_stack_get_visible_child (stack), *id));

  /* No main window: no shortcuts window to open. */
  stride_help_window_show_topic (help, "shortcuts");
  g_assert_false (gtk_widget_get_sensitive (find_button_by_label (GTK_WIDGET (help),
                                                                  "Show All Shortcuts")));

  gtk_window_destroy (GTK_WINDOW (help));
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

static gboolean
is_unfolded (gpointer data)
{
  return !adw_leaflet_get_folded (data);
}

static gboolean
is_unmapped_widget (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
shows_topic_list (gpointer data)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (data), GTK_TYPE_LIST_BOX);

  return list != NULL && gtk_widget_is_ancestor (list, adw_leaflet_get_visible_child (data));
}

static GtkWidget *
find_button_by_action (GtkWidget  *widget,
                       const char *action)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_by_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_help_folds_narrow (void)
{
  StrideHelpWindow *help = present_help (360);
  AdwLeaflet *leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (help), ADW_TYPE_LEAFLET));
  GtkWidget *back = find_button_by_action (GTK_WIDGET (help), "help.back");
  GtkListBoxRow *row = topic_row (help, "planning");

  g_assert_nonnull (leaflet);
  g_assert_nonnull (back);
  g_assert_nonnull (row);
  if (leaflet == NULL || back == NULL || row == NULL)
    return;

  g_assert_true (wait_for (is_folded, leaflet));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (help)), <=, 360);
  g_assert_true (shows_topic_list (leaflet));
  g_assert_true (wait_for (is_unmapped_widget, back));

  /* A topic slides over to its page, with a way back. */
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpstr (stride_help_window_get_topic (help), ==, "planning");
  g_assert_false (shows_topic_list (leaflet));
  g_assert_true (wait_for (is_mapped_widget, back));

  /* A button's "activate" clicks it a moment later. */
  gtk_widget_activate (back);
  g_assert_true (wait_for (shows_topic_list, leaflet));
  g_assert_cmpstr (stride_help_window_get_topic (help), ==, "planning");

  /* Wide again: list and page side by side, no back button. */
  gtk_window_set_default_size (GTK_WINDOW (help), 900, 640);
  g_assert_true (wait_for (is_unfolded, leaflet));
  g_assert_false (gtk_widget_get_visible (back));

  gtk_window_destroy (GTK_WINDOW (help));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/welcome/first-launch-once", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_first_launch_shows_welcome_once,
              journal_fixture_teardown);
  g_test_add ("/welcome/open-demo", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_welcome_opens_demo, journal_fixture_teardown);
  g_test_add_func ("/welcome/forwards-actions", test_welcome_forwards_actions);
  g_test_add ("/welcome/log-run", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_welcome_logs_run, journal_fixture_teardown);
  g_test_add ("/welcome/start-empty", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_welcome_starts_empty, journal_fixture_teardown);
  g_test_add ("/welcome/not-without-empty-journal", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_no_welcome_without_empty_journal,
              journal_fixture_teardown);
  g_test_add_func ("/welcome/fits-narrow", test_welcome_fits_narrow);
  g_test_add ("/help/action", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_help_action, journal_fixture_teardown);
  g_test_add_func ("/help/topics", test_help_topics);
  g_test_add_func ("/help/folds-narrow", test_help_folds_narrow);

  return g_test_run ();
}
