/* stride-journal-page.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-form.h"
#include "stride-journal-model.h"
#include "stride-journal-page.h"
#include "stride-journal-row.h"

struct _StrideJournalPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  AdwStatusPage      *loading_page;
  AdwStatusPage      *no_matches_page;
  AdwStatusPage      *error_page;
  GtkSpinner         *spinner;
  GtkGridView        *list_view;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GMenuModel         *filter_menu;

  /* Owned references */
  StrideJournalModel *model;
  GtkSingleSelection *selection;
  GSettings          *settings;

  /* Filter */
  StrideJournalShow   show;
  StrideRunType       run_type;
};

G_DEFINE_FINAL_TYPE (StrideJournalPage, stride_journal_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCH_MODE_ENABLED,
  PROP_SHOW_RUNS,
  PROP_SHOW_STRENGTH,
  PROP_SHOW_TESTS,
  PROP_SHOW_PAIN,
  PROP_SHOW_OTHER,
  PROP_RUN_TYPE,
  N_PROPS
};

enum {
  ENTRY_ACTIVATED,
  ENTRY_DELETE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The show-* properties in property order, with their filter bit. */
static const StrideJournalShow show_bits[] = {
  [PROP_SHOW_RUNS] = STRIDE_JOURNAL_SHOW_RUNS,
  [PROP_SHOW_STRENGTH] = STRIDE_JOURNAL_SHOW_STRENGTH,
  [PROP_SHOW_TESTS] = STRIDE_JOURNAL_SHOW_TESTS,
  [PROP_SHOW_PAIN] = STRIDE_JOURNAL_SHOW_PAIN,
  [PROP_SHOW_OTHER] = STRIDE_JOURNAL_SHOW_OTHER,
};

static StrideUnitSystem
units_of (StrideJournalPage *self,
          const char        *key,
          const char        *imperial_choice)
{
  g_autofree char *choice = g_settings_get_string (self->settings, key);

  return g_str_equal (choice, imperial_choice) ? STRIDE_UNITS_IMPERIAL : STRIDE_UNITS_METRIC;
}

static GDateWeekday
first_weekday (StrideJournalPage *self)
{
  return stride_form_first_weekday (self->settings);
}

static gboolean
is_filtered (StrideJournalPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return self->show != STRIDE_JOURNAL_SHOW_ALL || self->run_type != STRIDE_RUN_TYPE_NONE
         || (search != NULL && *search != '\0');
}

static void
show_list_or_empty (StrideJournalPage *self)
{
  gboolean empty = self->model == NULL
                   || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;

  gtk_spinner_stop (self->spinner);
  if (!empty)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (is_filtered (self))
    {
      adw_status_page_set_icon_name (self->no_matches_page, "system-search-symbolic");
      gtk_stack_set_visible_child_name (self->stack, "no-matches");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
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
update_filter_label (StrideJournalPage *self)
{
  gboolean narrowed = self->show != STRIDE_JOURNAL_SHOW_ALL
                      || self->run_type != STRIDE_RUN_TYPE_NONE;

  /* Says on the button itself that some entries are hidden. */
  gtk_menu_button_set_label (self->filter_button, narrowed ? _("Filtered") : _("Filter"));
  if (narrowed)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
apply_filter (StrideJournalPage *self)
{
  update_filter_label (self);

  if (self->model == NULL)
    return;

  stride_journal_model_set_filter (self->model, self->show, self->run_type,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  show_list_or_empty (self);
}

static void
apply_week_headers (StrideJournalPage *self)
{
  if (self->model != NULL)
    stride_journal_model_set_week_headers (self->model, TRUE, first_weekday (self));
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
  StrideJournalItem *item = gtk_list_item_get_item (list_item);
  gboolean is_entry = stride_journal_item_get_kind (item) != STRIDE_JOURNAL_KIND_WEEK;

  /* Week headers are labels, not entries to open or select. */
  gtk_list_item_set_activatable (list_item, is_entry);
  gtk_list_item_set_selectable (list_item, is_entry);
  stride_journal_row_set_item (row, item,
                               units_of (self, "unit-system", "imperial"),
                               units_of (self, "pace-unit", "per-mile"));
}

static void
units_changed_cb (StrideJournalPage *self)
{
  if (self->model == NULL)
    return;

  /* Rebinding every visible row redraws them in the new units. */
  gtk_grid_view_set_model (self->list_view, NULL);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
list_activate_cb (StrideJournalPage *self,
                  guint              position,
                  GtkGridView       *list_view)
{
  g_autoptr(StrideJournalItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL && stride_journal_item_get_kind (item) != STRIDE_JOURNAL_KIND_WEEK)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, item);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StrideJournalPage *self = STRIDE_JOURNAL_PAGE (widget);
  StrideJournalItem *item;

  if (self->selection == NULL)
    return;

  item = gtk_single_selection_get_selected_item (self->selection);
  if (item != NULL && stride_journal_item_get_kind (item) != STRIDE_JOURNAL_KIND_WEEK)
    g_signal_emit (self, signals[ENTRY_DELETE_REQUESTED], 0, item);
}

static void
search_changed_cb (StrideJournalPage *self)
{
  apply_filter (self);
}

static void
set_model (StrideJournalPage  *self,
           StrideJournalModel *model,
           gboolean            has_week_headers)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, model);
  g_clear_object (&self->selection);

  if (model != NULL)
    {
      if (!has_week_headers)
        apply_week_headers (self);
      /* Each setter re-counts: leave a fresh model's "show all" alone. */
      if (is_filtered (self))
        stride_journal_model_set_filter (model, self->show, self->run_type,
                                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* Autoselect off before the model comes: a model given at once
       * would select its first item (a week header) on the way. */
      self->selection = gtk_single_selection_new (NULL);
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
    }
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

void
stride_journal_page_set_model (StrideJournalPage  *self,
                               StrideJournalModel *model)
{
  g_return_if_fail (STRIDE_IS_JOURNAL_PAGE (self));
  g_return_if_fail (model == NULL || STRIDE_IS_JOURNAL_MODEL (model));

  set_model (self, model, FALSE);
  show_list_or_empty (self);
}

/* A model made elsewhere (a worker thread) is on its way: the list shows,
 * empty, instead of the welcome of an empty journal, so that the window's
 * first sizes are not taken on a page it will not show. */
void
stride_journal_page_expect_model (StrideJournalPage *self)
{
  g_return_if_fail (STRIDE_IS_JOURNAL_PAGE (self));

  set_model (self, NULL, FALSE);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* The model expect_model() announced, with week headers already set for
 * stride_form_first_weekday() of the app's settings (its first page read
 * once, with them). Shown at once, with no crossfade from the empty list:
 * it arrives before the first frame. */
void
stride_journal_page_set_prepared_model (StrideJournalPage  *self,
                                        StrideJournalModel *model)
{
  GtkStackTransitionType transition;

  g_return_if_fail (STRIDE_IS_JOURNAL_PAGE (self));
  g_return_if_fail (STRIDE_IS_JOURNAL_MODEL (model));

  set_model (self, model, TRUE);
  transition = gtk_stack_get_transition_type (self->stack);
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_NONE);
  show_list_or_empty (self);
  gtk_stack_set_transition_type (self->stack, transition);
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

  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

GtkGridView *
stride_journal_page_get_view (StrideJournalPage *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_PAGE (self), NULL);

  return self->list_view;
}

static void
stride_journal_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StrideJournalPage *self = STRIDE_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;

    case PROP_SHOW_RUNS:
    case PROP_SHOW_STRENGTH:
    case PROP_SHOW_TESTS:
    case PROP_SHOW_PAIN:
    case PROP_SHOW_OTHER:
      g_value_set_boolean (value, (self->show & show_bits[prop_id]) != 0);
      break;

    case PROP_RUN_TYPE:
      g_value_set_string (value, stride_run_type_to_id (self->run_type));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stride_journal_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StrideJournalPage *self = STRIDE_JOURNAL_PAGE (object);
  StrideJournalShow show = self->show;
  StrideRunType run_type = self->run_type;

  switch (prop_id)
    {
    case PROP_SEARCH_MODE_ENABLED:
      gtk_search_bar_set_search_mode (self->search_bar, g_value_get_boolean (value));
      return;

    case PROP_SHOW_RUNS:
    case PROP_SHOW_STRENGTH:
    case PROP_SHOW_TESTS:
    case PROP_SHOW_PAIN:
    case PROP_SHOW_OTHER:
      if (g_value_get_boolean (value))
        show |= show_bits[prop_id];
      else
        show &= ~show_bits[prop_id];
      break;

    case PROP_RUN_TYPE:
      if (!stride_run_type_from_id (g_value_get_string (value), &run_type))
        run_type = STRIDE_RUN_TYPE_NONE;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (show == self->show && run_type == self->run_type)
    return;

  self->show = show;
  self->run_type = run_type;
  apply_filter (self);
  g_object_notify_by_pspec (object, pspec);
}

static void
search_mode_changed_cb (StrideJournalPage *self)
{
  /* Closing the search bar forgets the search, as in other GNOME apps. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE_ENABLED]);
}

static void
stride_journal_page_dispose (GObject *object)
{
  StrideJournalPage *self = STRIDE_JOURNAL_PAGE (object);
  GtkWidget *child;

  /* The template's outer box has no id, so dispose_template leaves it. */
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_JOURNAL_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stride_journal_page_parent_class)->dispose (object);
}

static GParamSpec *
show_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, TRUE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                               | G_PARAM_STATIC_STRINGS);
}

static void
stride_journal_page_class_init (StrideJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_journal_page_dispose;
  object_class->get_property = stride_journal_page_get_property;
  object_class->set_property = stride_journal_page_set_property;

  properties[PROP_SEARCH_MODE_ENABLED] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_RUNS] = show_property ("show-runs");
  properties[PROP_SHOW_STRENGTH] = show_property ("show-strength");
  properties[PROP_SHOW_TESTS] = show_property ("show-tests");
  properties[PROP_SHOW_PAIN] = show_property ("show-pain");
  properties[PROP_SHOW_OTHER] = show_property ("show-other");
  properties[PROP_RUN_TYPE] =
    g_param_spec_string ("run-type", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StrideJournalPage::entry-activated:
   * @item: the StrideJournalItem to open
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, STRIDE_TYPE_JOURNAL_ITEM);
  /**
   * StrideJournalPage::entry-delete-requested:
   * @item: the selected StrideJournalItem (Delete key)
   */
  signals[ENTRY_DELETE_REQUESTED] =
    g_signal_new ("entry-delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, STRIDE_TYPE_JOURNAL_ITEM);

  gtk_widget_class_install_property_action (widget_class, "journal.show-runs", "show-runs");
  gtk_widget_class_install_property_action (widget_class, "journal.show-strength",
                                            "show-strength");
  gtk_widget_class_install_property_action (widget_class, "journal.show-tests", "show-tests");
  gtk_widget_class_install_property_action (widget_class, "journal.show-pain", "show-pain");
  gtk_widget_class_install_property_action (widget_class, "journal.show-other", "show-other");
  gtk_widget_class_install_property_action (widget_class, "journal.run-type", "run-type");
  gtk_widget_class_install_action (widget_class, "journal.delete-selected", NULL,
                                   delete_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "journal.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "journal.delete-selected", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journalpage");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, filter_menu);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, loading_page);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, no_matches_page);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalPage, stack);
}

static void
stride_journal_page_init (StrideJournalPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  stride_form_set_menu_on_demand (self->filter_button, self->filter_menu);

  self->show = STRIDE_JOURNAL_SHOW_ALL;
  self->run_type = STRIDE_RUN_TYPE_NONE;

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::unit-system",
                           G_CALLBACK (units_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::pace-unit",
                           G_CALLBACK (units_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::first-weekday",
                           G_CALLBACK (apply_week_headers), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing in the list starts a search, as in Files or Settings. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate",
                           G_CALLBACK (list_activate_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_grid_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  show_list_or_empty (self);
}
