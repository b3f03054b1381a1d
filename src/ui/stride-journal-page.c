/* stride-journal-page.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-journal-model.h"
#include "stride-journal-page.h"
#include "stride-journal-row.h"

struct _StrideJournalPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  AdwStatusPage  *loading_page;
  AdwStatusPage  *error_page;
  GtkSpinner     *spinner;
  GtkListView    *list_view;

  /* Owned references */
  GListModel     *model;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (StrideJournalPage, stride_journal_page, GTK_TYPE_WIDGET)

static StrideUnitSystem
units_of (StrideJournalPage *self,
          const char        *key,
          const char        *imperial_choice)
{
  g_autofree char *choice = g_settings_get_string (self->settings, key);

  return g_str_equal (choice, imperial_choice) ? STRIDE_UNITS_IMPERIAL : STRIDE_UNITS_METRIC;
}

static void
show_list_or_empty (StrideJournalPage *self)
{
  gboolean empty = self->model == NULL || g_list_model_get_n_items (self->model) == 0;

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
items_changed_cb (StrideJournalPage *self,
                  guint              position,
                  guint              removed,
                  guint              added,
                  GListModel        *model)
{
  show_list_or_empty (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              StrideJournalPage        *self)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (stride_journal_row_new ()));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             StrideJournalPage        *self)
{
  StrideJournalRow *row = STRIDE_JOURNAL_ROW (gtk_list_item_get_child (list_item));

  stride_journal_row_set_item (row, gtk_list_item_get_item (list_item),
                               units_of (self, "unit-system", "imperial"),
                               units_of (self, "pace-unit", "per-mile"));
}

static void
units_changed_cb (StrideJournalPage *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  if (self->model == NULL)
    return;

  /* Rebinding every visible row redraws them in the new units. */
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->model)));
  gtk_list_view_set_model (self->list_view, selection);
}

void
stride_journal_page_set_model (StrideJournalPage *self,
                               GListModel        *model)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (STRIDE_IS_JOURNAL_PAGE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);

  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (model)));
    }
  gtk_list_view_set_model (self->list_view, selection);
  show_list_or_empty (self);
}

void
stride_journal_page_show_loading (StrideJournalPage *self,
                                  const char        *title)
{
  g_return_if_fail (STRIDE_IS_JOURNAL_PAGE (self));

  adw_status_page_set_title (self->loading_page, title);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
stride_journal_page_show_error (StrideJournalPage *self,
                                const char        *title,
                                const char        *description)
{
  g_return_if_fail (STRIDE_IS_JOURNAL_PAGE (self));

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

GtkListView *
stride_journal_page_get_list_view (StrideJournalPage *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_PAGE (self), NULL);

  return self->list_view;
}

static void
stride_journal_page_dispose (GObject *object)
{
  StrideJournalPage *self = STRIDE_JOURNAL_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_JOURNAL_PAGE);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stride_journal_page_parent_class)->dispose (object);
}

static void
stride_journal_page_class_init (StrideJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_journal_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journalpage");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, loading_page);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, stack);
}

static void
stride_journal_page_init (StrideJournalPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::unit-system",
                           G_CALLBACK (units_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::pace-unit",
                           G_CALLBACK (units_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  show_list_or_empty (self);
}
