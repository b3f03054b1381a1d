/* stride-application.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-application"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-application.h"
#include "stride-cli.h"
#include "stride-help-window.h"
#include "stride-preferences-window.h"
#include "stride-welcome-dialog.h"
#include "stride-window.h"

struct _StrideApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GtkWindow      *help_window;   /* weak: one for the whole app */
};

G_DEFINE_FINAL_TYPE (StrideApplication, stride_application, ADW_TYPE_APPLICATION)

/* Options of DESIGN.md's command-line face. Names are a contract with
 * scripts outside the repository: never rename one. */
static const GOptionEntry main_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the journal in PATH instead of the default one"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a temporary copy of a sample journal"), NULL },
  /* A string, not an int: GApplication drops an int option that is 0, and
   * "--generate-demo 0" must be refused, not open the window. */
  { "generate-demo", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write a sample journal of YEARS years into the --database file and exit"), N_("YEARS") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Import activity files or folders (more may follow as arguments) and exit"), N_("FILE|DIR") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export every table of the journal as CSV files into DIR and exit"), N_("DIR") },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the plan (from today on, and races) as an iCalendar file and exit"), N_("FILE") },
  { "chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Draw the chart NAME (pace, volume, load, hq or lsi) into the --output file and exit"), N_("NAME") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("First day of the chart (default: the first entry)"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Last day of the chart (default: today)"), N_("YYYY-MM-DD") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the chart to FILE: .png, .svg or .pdf"), N_("FILE") },
  { "checklist", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the injury-risk checklist of a week (YYYY-Www, default: this week) and exit"),
    NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --checklist: print JSON"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/* Scratch storage so that the same entries can be parsed once up front:
 * GApplication reports a bad option with exit status 1, but our
 * command-line contract says 2, with the usage on stderr. */
typedef union
{
  gboolean   flag;
  int        number;
  char      *string;
  char     **strv;
} OptionValue;

static gboolean
check_command_line (char   **arguments,
                    GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autofree OptionValue *values = NULL;
  g_autofree char **argv_copy = NULL;
  int argc = g_strv_length (arguments);
  gboolean ok;

  entries = g_memdup2 (main_entries, sizeof main_entries);
  values = g_new0 (OptionValue, G_N_ELEMENTS (main_entries));
  for (guint i = 0; entries[i].long_name != NULL; i++)
    entries[i].arg_data = &values[i];

  /* g_option_context_parse() removes what it consumes from the array. */
  argv_copy = g_memdup2 (arguments, sizeof (char *) * (argc + 1));

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  ok = g_option_context_parse (context, &argc, &argv_copy, error);

  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      if (entries[i].arg == G_OPTION_ARG_FILENAME || entries[i].arg == G_OPTION_ARG_STRING)
        g_free (values[i].string);
      else if (entries[i].arg == G_OPTION_ARG_FILENAME_ARRAY)
        g_strfreev (values[i].strv);
    }

  return ok;
}

static char *
usage_text (void)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("A training journal for runners who lift."));
  return g_option_context_get_help (context, TRUE, NULL);
}

static gboolean
stride_application_local_command_line (GApplication   *app,
                                       char         ***arguments,
                                       int            *exit_status)
{
  g_autoptr(GError) error = NULL;
  gboolean asks_for_help = FALSE;

  for (guint i = 1; (*arguments)[i] != NULL; i++)
    if (g_str_equal ((*arguments)[i], "--help") || g_str_equal ((*arguments)[i], "-h")
        || g_str_has_prefix ((*arguments)[i], "--help-"))
      asks_for_help = TRUE;

  if (!asks_for_help && !check_command_line (*arguments, &error))
    {
      g_autofree char *usage = usage_text ();

      g_printerr ("%s: %s\n\n%s", g_get_prgname (), error->message, usage);
      *exit_status = 2;
      return TRUE;
    }

  return G_APPLICATION_CLASS (stride_application_parent_class)->local_command_line (app,
                                                                                   arguments,
                                                                                   exit_status);
}

static int
stride_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* Scripted work runs in this process and never opens a window. */
  return stride_cli_run (options);
}

/* The first launch: only over an empty journal, so --demo, a journal
 * with entries and every test that opens its own window never see it. */
static void
present_welcome_if_due (StrideApplication *self,
                        StrideWindow      *window)
{
  if (stride_welcome_dialog_is_due (self->settings, stride_window_get_store (window)))
    gtk_window_present (GTK_WINDOW (stride_welcome_dialog_new (GTK_WINDOW (window),
                                                               self->settings)));
}

static void
open_window (StrideApplication       *self,
             GApplicationCommandLine *command_line,
             GVariantDict            *options)
{
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  StrideWindow *window;

  /* The options and environment are the calling process's, which may not
   * be this (primary) instance. */
  if (!g_variant_dict_lookup (options, "database", "^ay", &database))
    database = g_strdup (g_application_command_line_getenv (command_line, "STRIDESTRONG_DB"));
  if (database != NULL && *database != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              database);
      path = g_file_get_path (file);
    }

  /* The journal opens before the window is shown: its first sizes are
   * then taken on the list it shows, not on an empty page. */
  window = stride_window_new (self);
  if (g_variant_dict_contains (options, "demo"))
    {
      stride_window_open_demo (window);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *resolved = stride_store_resolve_path (path);
      gboolean opened = stride_window_open_journal (window, resolved, &error);

      gtk_window_present (GTK_WINDOW (window));
      if (!opened)
        g_application_command_line_printerr (command_line, "%s: %s\n",
                                             g_get_prgname (), error->message);
      else
        present_welcome_if_due (self, window);
    }
}

static int
stride_application_command_line (GApplication            *app,
                                 GApplicationCommandLine *command_line)
{
  StrideApplication *self = STRIDE_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);

  open_window (self, command_line, options);
  return 0;
}

static void
stride_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gboolean opened = FALSE;

  if (window == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = stride_store_resolve_path (NULL);

      window = GTK_WINDOW (stride_window_new (STRIDE_APPLICATION (app)));
      opened = stride_window_open_journal (STRIDE_WINDOW (window), path, &error);
      if (!opened)
        g_printerr ("%s: %s\n", g_get_prgname (), error->message);
    }

  gtk_window_present (window);
  if (opened)
    present_welcome_if_due (STRIDE_APPLICATION (app), STRIDE_WINDOW (window));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  StrideApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  StridePreferencesWindow *preferences = stride_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  StrideApplication *self = user_data;
  GtkWindow *parent;

  if (self->help_window == NULL)
    {
      parent = gtk_application_get_active_window (GTK_APPLICATION (self));
      self->help_window = GTK_WINDOW (stride_help_window_new (parent));
      gtk_window_set_application (self->help_window, GTK_APPLICATION (self));
      g_object_add_weak_pointer (G_OBJECT (self->help_window), (gpointer *) &self->help_window);
    }

  gtk_window_present (self->help_window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  StrideApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The StrideStrong authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-icon", APP_ID,
                        "application-name", _("StrideStrong"),
                        "developer-name", _("The StrideStrong authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan runs and short strength sessions, log them, "
                                      "and keep your legs in balance. Your journal stays "
                                      "on your own disk."),
                        "website", "https://example.com/stridestrong",
                        "issue-url", "https://example.com/stridestrong/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The StrideStrong authors",
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Training Science"),
                                       (const char *[]) {
                                         "Frandsen et al. 2025 (single-run spike)",
                                         "Foster 2001 (session RPE)",
                                         "Williams et al. 2017 (EWMA workload)",
                                         "Aagaard et al. 1995 (hamstring:quadriceps ratio)",
                                         NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close through the windows so each saves its size and page. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "help", help_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* Our stylesheet and icons, for @display (once). GtkApplication and
 * AdwApplication would load them from a resource base path, but
 * AdwApplication looks each of its four stylesheets up as a GFile
 * ("resource://…"): through a base path, a cold start here took 10 ms
 * more up to activate and 13 ms more up to the first frame (measured in
 * bench-startup's children), for the one stylesheet we have. The stylesheet adapts to dark
 * and high contrast through libadwaita's named colours. */
void
stride_application_load_resources (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "stride-resources") != NULL)
    return;
  g_object_set_data (G_OBJECT (display), "stride-resources", GINT_TO_POINTER (TRUE));

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    RESOURCE_PREFIX "/icons");
}

static void
stride_application_startup (GApplication *app)
{
  StrideApplication *self = STRIDE_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *import_accels[] = { "<Control>o", NULL };
  static const char *import_folder_accels[] = { "<Control><Shift>o", NULL };
  static const char *export_accels[] = { "<Control><Shift>e", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (stride_application_parent_class)->startup (app);
  if (gdk_display_get_default () != NULL)
    stride_application_load_resources (gdk_display_get_default ());

  /* Only now: the scripted command-line work never needs settings. */
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import-folder",
                                         import_folder_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
stride_application_dispose (GObject *object)
{
  StrideApplication *self = STRIDE_APPLICATION (object);

  g_clear_weak_pointer (&self->help_window);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stride_application_parent_class)->dispose (object);
}

static void
stride_application_class_init (StrideApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = stride_application_dispose;

  app_class->local_command_line = stride_application_local_command_line;
  app_class->handle_local_options = stride_application_handle_local_options;
  app_class->command_line = stride_application_command_line;
  app_class->activate = stride_application_activate;
  app_class->startup = stride_application_startup;
}

static void
stride_application_init (StrideApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A training journal for runners who lift."));
}

StrideApplication *
stride_application_new (void)
{
  return g_object_new (STRIDE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       /* Not RESOURCE_PREFIX, the default for our id: see
                        * stride_application_load_resources(). */
                       "resource-base-path", NULL,
                       NULL);
}

GSettings *
stride_application_get_settings (StrideApplication *self)
{
  g_return_val_if_fail (STRIDE_IS_APPLICATION (self), NULL);

  return self->settings;
}
