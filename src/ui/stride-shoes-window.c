/* stride-shoes-window.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-shoes-window"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-form.h"
#include "stride-shoes-window.h"
#include "stride-units.h"

struct _StrideShoesWindow
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkCalendar          *calendar;
  GtkMenuButton        *date_button;
  AdwPreferencesGroup  *in_use_group;
  AdwEntryRow          *name_row;
  AdwPreferencesGroup  *retired_group;
  GtkWidget            *save_error_box;
  GtkLabel             *save_error_label;

  /* Owned references */
  StrideStore          *store;
  GSettings            *settings;
  GArray               *shoes;      /* StrideShoe, as listed */
  GPtrArray            *rows;       /* the rows shown, to remove them */

  /* State */
  guint32               start_date; /* Julian day of the new shoe */
};

G_DEFINE_FINAL_TYPE (StrideShoesWindow, stride_shoes_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Dates */

static char *
format_short_day (guint32 julian)
{
  /* Translators: a date in a shoe's history, see strftime(3), e.g. "25 Nov 2026" */
  return stride_form_format_day (julian, _("%-d %b %Y"));
}

static void
show_start_date (StrideShoesWindow *self)
{
  g_autofree char *text = stride_form_format_field_day (self->start_date);
  /* Translators: what a screen reader says for the date button of a new shoe */
  g_autofree char *spoken = g_strdup_printf (_("First run: %s"), text);

  stride_form_show_date_button (self->date_button, text, spoken);
}

static void
set_start_date (StrideShoesWindow *self,
                guint32            julian)
{
  self->start_date = julian;
  stride_form_calendar_select_julian (self->calendar, julian);
  show_start_date (self);
}

static void
day_selected_cb (StrideShoesWindow *self)
{
  self->start_date = stride_form_calendar_get_julian (self->calendar);
  show_start_date (self);
  stride_form_popdown (self->date_button);
}

/* The list */

static void
show_error (StrideShoesWindow *self,
            const char        *message)
{
  stride_form_show_save_error (self->save_error_box, self->save_error_label, message);
}

static char *
describe_shoe (StrideShoesWindow *self,
               const StrideShoe  *shoe)
{
  StrideUnitSystem units = stride_form_get_units (self->settings, "unit-system", "imperial");
  g_autofree char *distance = stride_units_format_distance (shoe->distance_m, units);
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;

  if (shoe->start_date == 0)
    return g_steal_pointer (&distance);

  since = format_short_day (shoe->start_date);
  if (shoe->retired_date == 0)
    /* Translators: a shoe's mileage and first day, e.g. "512.3 km · since 3 Mar 2025" */
    return g_strdup_printf (_("%s · since %s"), distance, since);

  until = format_short_day (shoe->retired_date);
  /* Translators: a retired shoe's mileage and days in use, e.g. "812 km · 3 Mar 2025 – 1 Jan 2026" */
  return g_strdup_printf (_("%s · %s – %s"), distance, since, until);
}

static GMenuModel *
shoe_menu (const StrideShoe *shoe)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) changes = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();
  g_autoptr(GMenuItem) rename = g_menu_item_new (_("_Rename…"), NULL);
  g_autoptr(GMenuItem) retire = NULL;
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete…"), NULL);

  g_menu_item_set_action_and_target_value (rename, "shoes.rename",
                                           g_variant_new_int64 (shoe->id));
  if (shoe->retired_date == 0)
    retire = g_menu_item_new (_("R_etire"), NULL);
  else
    retire = g_menu_item_new (_("Return to _Use"), NULL);
  g_menu_item_set_action_and_target_value (retire,
                                           shoe->retired_date == 0
                                           ? "shoes.retire" : "shoes.unretire",
                                           g_variant_new_int64 (shoe->id));
  g_menu_item_set_action_and_target_value (delete, "shoes.delete",
                                           g_variant_new_int64 (shoe->id));

  g_menu_append_item (changes, rename);
  g_menu_append_item (changes, retire);
  g_menu_append_item (removal, delete);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (changes));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));

  return G_MENU_MODEL (menu);
}

static GtkWidget *
shoe_row (StrideShoesWindow *self,
          const StrideShoe  *shoe)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = shoe_menu (shoe);
  g_autofree char *subtitle = describe_shoe (self, shoe);
  g_autofree char *actions = g_strdup_printf (_("Actions for “%s”"), shoe->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shoe->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, actions);
  stride_form_set_accessible_label (button, actions);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
clear_rows (StrideShoesWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
reload (StrideShoesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n_in_use = 0;
  guint n_retired = 0;

  clear_rows (self);
  g_clear_pointer (&self->shoes, g_array_unref);
  self->shoes = stride_store_list_shoes (self->store, &error);
  if (self->shoes == NULL)
    show_error (self, error->message);

  for (guint i = 0; self->shoes != NULL && i < self->shoes->len; i++)
    {
      const StrideShoe *shoe = &g_array_index (self->shoes, StrideShoe, i);
      GtkWidget *row = shoe_row (self, shoe);

      adw_preferences_group_add (shoe->retired_date == 0 ? self->in_use_group
                                                         : self->retired_group, row);
      g_ptr_array_add (self->rows, row);
      if (shoe->retired_date == 0)
        n_in_use++;
      else
        n_retired++;
    }

  adw_preferences_group_set_description (self->in_use_group,
                                         n_in_use > 0 ? NULL
                                         : _("No shoes in use. Add the pair you run in to see "
                                             "how far it has gone."));
  gtk_widget_set_visible (GTK_WIDGET (self->retired_group), n_retired > 0);
}

static void
units_changed_cb (StrideShoesWindow *self)
{
  reload (self);
}

static const StrideShoe *
find_shoe (StrideShoesWindow *self,
           gint64             id)
{
  for (guint i = 0; self->shoes != NULL && i < self->shoes->len; i++)
    if (g_array_index (self->shoes, StrideShoe, i).id == id)
      return &g_array_index (self->shoes, StrideShoe, i);

  return NULL;
}

/* Writes: each is one store call; the list and the window follow. */

static void
written (StrideShoesWindow *self,
         gboolean           ok,
         const char        *what,
         GError            *error)
{
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

      show_error (self, message);
      reload (self);
      return;
    }

  show_error (self, NULL);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_shoe (StrideShoesWindow *self,
             const StrideShoe  *shoe)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = stride_store_update_shoe (self->store, shoe, &error);

  written (self, ok, _("The shoe was not changed"), error);
}

static char *
trimmed_name (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
name_changed_cb (StrideShoesWindow *self)
{
  g_autofree char *name = trimmed_name (self->name_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shoes.add", *name != '\0');
}

static void
name_activated_cb (StrideShoesWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "shoes.add", NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  StrideShoesWindow *self = STRIDE_SHOES_WINDOW (widget);
  g_autofree char *name = trimmed_name (self->name_row);
  g_autoptr(GError) error = NULL;
  StrideShoe shoe = { 0 };
  gboolean ok;

  if (*name == '\0')
    return;

  shoe.name = name;
  shoe.start_date = self->start_date;
  ok = stride_store_add_shoe (self->store, &shoe, &error);
  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  written (self, ok, _("The shoe was not added"), error);
}

static void
set_retired (StrideShoesWindow *self,
             gint64             id,
             gboolean           retired)
{
  const StrideShoe *found = find_shoe (self, id);
  StrideShoe shoe;

  if (found == NULL)
    return;

  shoe = *found;
  /* Retired today, but never before the first run. */
  shoe.retired_date = retired ? MAX (stride_today_julian (), shoe.start_date) : 0;
  update_shoe (self, &shoe);
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_retired (STRIDE_SHOES_WINDOW (widget), g_variant_get_int64 (parameter),
               g_str_equal (action_name, "shoes.retire"));
}

/* Rename */

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

static void
rename_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    StrideShoesWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "shoe-id");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const StrideShoe *found = find_shoe (self, id);
  StrideShoe shoe;

  if (!g_str_equal (response, "rename") || *name == '\0' || found == NULL)
    return;

  shoe = *found;
  shoe.name = name;
  update_shoe (self, &shoe);
}

static AdwMessageDialog *
shoe_dialog (StrideShoesWindow *self,
             gint64             id,
             const char        *heading,
             const char        *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  g_object_set_data_full (G_OBJECT (dialog), "shoe-id", g_memdup2 (&id, sizeof id), g_free);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StrideShoesWindow *self = STRIDE_SHOES_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  const StrideShoe *shoe = find_shoe (self, id);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (shoe == NULL)
    return;

  dialog = shoe_dialog (self, id, _("Rename Shoe"), NULL);
  adw_message_dialog_add_response (dialog, "rename", _("_Rename"));
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), shoe->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  stride_form_set_accessible_label (entry, _("New Name"));
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Delete */

static void
delete_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    StrideShoesWindow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "shoe-id");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "delete"))
    return;

  ok = stride_store_delete_shoe (self->store, id, &error);
  written (self, ok, _("The shoe was not deleted"), error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StrideShoesWindow *self = STRIDE_SHOES_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  const StrideShoe *shoe = find_shoe (self, id);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (shoe == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), shoe->name);
  dialog = shoe_dialog (self, id, heading,
                        _("The runs logged with this shoe keep all their data; they are just "
                          "no longer linked to a shoe."));
  adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
stride_shoes_window_dispose (GObject *object)
{
  StrideShoesWindow *self = STRIDE_SHOES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_SHOES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stride_shoes_window_parent_class)->dispose (object);
}

static void
stride_shoes_window_finalize (GObject *object)
{
  StrideShoesWindow *self = STRIDE_SHOES_WINDOW (object);

  g_clear_pointer (&self->shoes, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (stride_shoes_window_parent_class)->finalize (object);
}

static void
stride_shoes_window_class_init (StrideShoesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_shoes_window_dispose;
  object_class->finalize = stride_shoes_window_finalize;

  /**
   * StrideShoesWindow::changed:
   *
   * A shoe was added, changed or deleted in the journal.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-shoes-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideShoesWindow, calendar);
  gtk_widget_class_bind_template_child (widget_class, StrideShoesWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, StrideShoesWindow, in_use_group);
  gtk_widget_class_bind_template_child (widget_class, StrideShoesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, StrideShoesWindow, retired_group);
  gtk_widget_class_bind_template_child (widget_class, StrideShoesWindow, save_error_box);
  gtk_widget_class_bind_template_child (widget_class, StrideShoesWindow, save_error_label);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);

  gtk_widget_class_install_action (widget_class, "shoes.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "shoes.rename", "x", rename_action);
  gtk_widget_class_install_action (widget_class, "shoes.retire", "x", retire_action);
  gtk_widget_class_install_action (widget_class, "shoes.unretire", "x", retire_action);
  gtk_widget_class_install_action (widget_class, "shoes.delete", "x", delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stride_shoes_window_init (StrideShoesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->rows = g_ptr_array_new ();
  g_signal_connect_object (self->settings, "changed::unit-system", G_CALLBACK (units_changed_cb),
                           self, G_CONNECT_SWAPPED);
  set_start_date (self, stride_today_julian ());
  name_changed_cb (self);
}

StrideShoesWindow *
stride_shoes_window_new (GtkWindow   *parent,
                         StrideStore *store)
{
  StrideShoesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);

  self = g_object_new (STRIDE_TYPE_SHOES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  reload (self);

  return self;
}
