/* stride-welcome-dialog.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-welcome-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-welcome-dialog.h"

#define ACTION_PREFIX "welcome."

struct _StrideWelcomeDialog
{
  AdwWindow  parent_instance;

  /* Owned references; NULL once "welcome-seen" is set */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (StrideWelcomeDialog, stride_welcome_dialog, ADW_TYPE_WINDOW)

/* Tables the user fills. The exercise library and the settings table are
 * left out: a new journal has rows there before anyone logged anything. */
static const char *const user_tables[] = {
  "activity", "measurement", "pain_entry", "plan_entry", "race", "shoe", "checklist",
};

static gboolean
journal_is_empty (StrideStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (user_tables); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 n = stride_store_count_rows (store, user_tables[i], &error);

      /* A journal that can't be read is no place for a welcome. */
      if (n != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
stride_welcome_dialog_is_due (GSettings   *settings,
                              StrideStore *store)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  if (store == NULL || stride_store_is_read_only (store))
    return FALSE;
  if (g_settings_get_boolean (settings, "welcome-seen"))
    return FALSE;

  return journal_is_empty (store);
}

static void
mark_seen (StrideWelcomeDialog *self)
{
  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "welcome-seen", TRUE);
  g_clear_object (&self->settings);
}

/* "welcome.open-demo" runs "win.open-demo" on the main window, and so on.
 * The welcome closes first: being modal, it would otherwise sit over the
 * demo journal, the file chooser or the run dialog. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(StrideWelcomeDialog) self = g_object_ref (STRIDE_WELCOME_DIALOG (widget));
  g_autoptr(GtkWidget) parent = NULL;
  g_autofree char *target = NULL;

  g_assert (g_str_has_prefix (action_name, ACTION_PREFIX));

  target = g_strconcat ("win.", action_name + strlen (ACTION_PREFIX), NULL);
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    parent = g_object_ref (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))));

  gtk_window_close (GTK_WINDOW (self));

  if (parent != NULL && !gtk_widget_activate_action (parent, target, NULL))
    g_warning ("The main window has no action “%s”", target);
}

static gboolean
stride_welcome_dialog_close_request (GtkWindow *window)
{
  mark_seen (STRIDE_WELCOME_DIALOG (window));

  return GTK_WINDOW_CLASS (stride_welcome_dialog_parent_class)->close_request (window);
}

static void
stride_welcome_dialog_dispose (GObject *object)
{
  StrideWelcomeDialog *self = STRIDE_WELCOME_DIALOG (object);

  /* Also when it goes with its parent (the app quit under it). */
  mark_seen (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_WELCOME_DIALOG);

  G_OBJECT_CLASS (stride_welcome_dialog_parent_class)->dispose (object);
}

static void
stride_welcome_dialog_class_init (StrideWelcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = stride_welcome_dialog_dispose;
  window_class->close_request = stride_welcome_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-welcome-dialog.ui");

  gtk_widget_class_install_action (widget_class, ACTION_PREFIX "open-demo", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, ACTION_PREFIX "import", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, ACTION_PREFIX "log-run", NULL, forward_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stride_welcome_dialog_init (StrideWelcomeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

StrideWelcomeDialog *
stride_welcome_dialog_new (GtkWindow *parent,
                           GSettings *settings)
{
  StrideWelcomeDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (STRIDE_TYPE_WELCOME_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);

  return self;
}
