/* stride-help-window.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-help-window"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-help-window.h"
#include "stride-window.h"

struct _StrideHelpWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwLeaflet     *leaflet;
  GtkListBox     *topic_list;
  GtkWidget      *content;
  GtkStack       *stack;
  AdwWindowTitle *content_title;
  GtkWidget      *journal_heading;
  GtkLabel       *journal_path_label;
};

G_DEFINE_FINAL_TYPE (StrideHelpWindow, stride_help_window, ADW_TYPE_WINDOW)

/* Each row of the topic list is named after its page in the stack. */
static GtkListBoxRow *
find_row (StrideHelpWindow *self,
          const char       *topic)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->topic_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), topic) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
update_title (StrideHelpWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  GtkStackPage *page = child != NULL ? gtk_stack_get_page (self->stack, child) : NULL;

  adw_window_title_set_title (self->content_title,
                              page != NULL ? gtk_stack_page_get_title (page) : NULL);
}

/* Read when the page shows: the window may have switched journals (to
 * the demo, say) since the help opened. */
static void
show_journal_path (StrideHelpWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  StrideStore *store = NULL;

  if (STRIDE_IS_WINDOW (parent))
    store = stride_window_get_store (STRIDE_WINDOW (parent));

  gtk_widget_set_visible (self->journal_heading, store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->journal_path_label), store != NULL);
  if (store != NULL)
    gtk_label_set_label (self->journal_path_label, stride_store_get_path (store));
}

static void
row_selected_cb (StrideHelpWindow *self,
                 GtkListBoxRow    *row)
{
  if (row == NULL)
    return;

  if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), "data"))
    show_journal_path (self);
  gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
  update_title (self);
}

/* Choosing a topic on a narrow window slides over to it. */
static void
row_activated_cb (StrideHelpWindow *self,
                  GtkListBoxRow    *row)
{
  row_selected_cb (self, row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
stride_help_window_show_topic (StrideHelpWindow *self,
                               const char       *topic)
{
  GtkListBoxRow *row;

  g_return_if_fail (STRIDE_IS_HELP_WINDOW (self));
  g_return_if_fail (topic != NULL);

  row = find_row (self, topic);
  g_return_if_fail (row != NULL);

  gtk_list_box_select_row (self->topic_list, row);
  row_activated_cb (self, row);
}

const char *
stride_help_window_get_topic (StrideHelpWindow *self)
{
  g_return_val_if_fail (STRIDE_IS_HELP_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StrideHelpWindow *self = STRIDE_HELP_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
has_shortcuts_window (GtkWindow *window)
{
  /* Built on demand by the window's win.show-help-overlay. */
  return STRIDE_IS_WINDOW (window);
}

/* The main window's shortcuts window: only the one GtkApplicationWindow
 * sets up knows the accelerators of the actions it lists. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-help-overlay", NULL);
}

static void
stride_help_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STRIDE_TYPE_HELP_WINDOW);

  G_OBJECT_CLASS (stride_help_window_parent_class)->dispose (object);
}

static void
stride_help_window_class_init (StrideHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_help_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideHelpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StrideHelpWindow, topic_list);
  gtk_widget_class_bind_template_child (widget_class, StrideHelpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, StrideHelpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StrideHelpWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, StrideHelpWindow, journal_heading);
  gtk_widget_class_bind_template_child (widget_class, StrideHelpWindow, journal_path_label);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "help.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "help.show-shortcuts", NULL,
                                   show_shortcuts_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
stride_help_window_init (StrideHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_select_row (self->topic_list, gtk_list_box_get_row_at_index (self->topic_list, 0));
}

StrideHelpWindow *
stride_help_window_new (GtkWindow *parent)
{
  StrideHelpWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (STRIDE_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
  show_journal_path (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "help.show-shortcuts",
                                 has_shortcuts_window (parent));

  return self;
}
