/* stride-pain-dialog.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-pain-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-form.h"
#include "stride-labels.h"
#include "stride-pain-dialog.h"

/* The side row lists these, in this order. */
static const StrideSide sides[] = { STRIDE_SIDE_LEFT, STRIDE_SIDE_RIGHT, STRIDE_SIDE_BOTH };

struct _StridePainDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkCalendar     *calendar;
  GtkMenuButton   *date_button;
  GtkWidget       *delete_button;
  AdwComboRow     *location_row;
  AdwEntryRow     *notes_row;
  GtkWidget       *save_error_box;
  GtkLabel        *save_error_label;
  GtkSpinButton   *severity_button;
  AdwComboRow     *side_row;

  /* Owned references */
  StrideStore     *store;
  GPtrArray       *location_ids;   /* one per location_row item */

  /* State */
  StridePainEntry  pain;           /* as loaded; id 0 for a new entry */
  guint32          date;           /* Julian day */
  guint            load_failed : 1;
};

G_DEFINE_FINAL_TYPE (StridePainDialog, stride_pain_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Dates */

static void
show_date (StridePainDialog *self)
{
  stride_form_show_date (self->date_button, self->date);
}

static void
day_selected_cb (StridePainDialog *self)
{
  self->date = stride_form_calendar_get_julian (self->calendar);
  show_date (self);
  stride_form_popdown (self->date_button);
}

static void
set_date (StridePainDialog *self,
          guint32           julian)
{
  self->date = julian;
  stride_form_calendar_select_julian (self->calendar, julian);
  show_date (self);
}

/* Saving */

static void
show_save_error (StridePainDialog *self,
                 const char       *message)
{
  stride_form_show_save_error (self->save_error_box, self->save_error_label, message);
}

static void
update_save_enabled (StridePainDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain-dialog.save", !self->load_failed);
}

/* The entry as the form says. Strings are borrowed, but for @notes: the
 * trimmed note, which the caller frees (NULL when there is none). */
static void
fill_entry (StridePainDialog  *self,
            StridePainEntry   *pain,
            char             **notes)
{
  guint location = adw_combo_row_get_selected (self->location_row);
  guint side = adw_combo_row_get_selected (self->side_row);

  *notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row))));
  if (**notes == '\0')
    g_clear_pointer (notes, g_free);

  *pain = self->pain;
  pain->date = self->date;
  pain->location = location < self->location_ids->len
                   ? g_ptr_array_index (self->location_ids, location) : NULL;
  pain->side = side < G_N_ELEMENTS (sides) ? sides[side] : STRIDE_SIDE_BOTH;
  pain->severity = gtk_spin_button_get_value_as_int (self->severity_button);
  pain->notes = *notes;
}

static void
save (StridePainDialog *self)
{
  g_autoptr(StridePainDialog) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  StridePainEntry pain;
  gboolean ok;

  fill_entry (self, &pain, &notes);

  if (pain.id == 0)
    ok = stride_store_add_pain_entry (self->store, &pain, &error);
  else
    ok = stride_store_update_pain_entry (self->store, &pain, &error);
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The pain entry was not saved: %s"),
                                                  error->message);

      show_save_error (self, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, pain.id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
future_response_cb (StridePainDialog *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  if (stride_form_future_confirmed (dialog, response))
    save (self);
}

static void
confirm_future (StridePainDialog *self)
{
  g_autofree char *day = stride_form_format_field_day (self->date);
  g_autofree char *body = g_strdup_printf (_("%s is later than today."), day);

  stride_form_confirm_future (GTK_WINDOW (self), _("Log Pain in the Future?"), body,
                              _("_Cancel"), _("_Save Anyway"),
                              G_CALLBACK (future_response_cb), self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StridePainDialog *self = STRIDE_PAIN_DIALOG (widget);

  if (self->load_failed)
    return;

  /* The spin button keeps what was typed until it loses focus. */
  gtk_spin_button_update (self->severity_button);

  if (self->date > stride_today_julian ())
    confirm_future (self);
  else
    save (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StridePainDialog *self = STRIDE_PAIN_DIALOG (widget);
  g_autoptr(StridePainDialog) hold = g_object_ref (self);

  if (self->pain.id == 0)
    return;

  g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->pain.id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
last_entry_activated_cb (StridePainDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "pain-dialog.save", NULL);
}

/* Loading */

static void
load_locations (StridePainDialog *self,
                const char       *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *const *ids = stride_labels_list_locations ();
  guint selected = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (self->location_ids, g_strdup (ids[i]));
  /* A location this version does not know (from a newer journal) stays. */
  if (current != NULL && !g_strv_contains (ids, current))
    g_ptr_array_add (self->location_ids, g_strdup (current));

  for (guint i = 0; i < self->location_ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->location_ids, i);

      gtk_string_list_append (labels, stride_label_for_location (id));
      if (g_strcmp0 (id, current) == 0)
        selected = i;
    }

  adw_combo_row_set_model (self->location_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->location_row, selected);
}

static void
load_side (StridePainDialog *self,
           StrideSide        side)
{
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (sides[i] == side)
      adw_combo_row_set_selected (self->side_row, i);
}

static void
load_entry (StridePainDialog *self,
            gint64            id)
{
  g_autoptr(GError) error = NULL;

  if (!stride_store_get_pain_entry (self->store, id, &self->pain, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The pain entry can’t be opened: %s"),
                                                  error->message);

      self->load_failed = TRUE;
      show_save_error (self, message);
      set_date (self, stride_today_julian ());
      load_locations (self, NULL);
      return;
    }

  set_date (self, self->pain.date);
  load_locations (self, self->pain.location);
  load_side (self, self->pain.side);
  gtk_spin_button_set_value (self->severity_button, self->pain.severity);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         self->pain.notes != NULL ? self->pain.notes : "");

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Pain"));
  gtk_widget_set_visible (self->delete_button, TRUE);
}

/* GObject */

static void
stride_pain_dialog_dispose (GObject *object)
{
  StridePainDialog *self = STRIDE_PAIN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_PAIN_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (stride_pain_dialog_parent_class)->dispose (object);
}

static void
stride_pain_dialog_finalize (GObject *object)
{
  StridePainDialog *self = STRIDE_PAIN_DIALOG (object);

  g_clear_pointer (&self->location_ids, g_ptr_array_unref);
  stride_pain_entry_clear (&self->pain);

  G_OBJECT_CLASS (stride_pain_dialog_parent_class)->finalize (object);
}

static void
stride_pain_dialog_class_init (StridePainDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_pain_dialog_dispose;
  object_class->finalize = stride_pain_dialog_finalize;

  /**
   * StridePainDialog::saved:
   * @id: the id of the pain entry
   *
   * The entry was written to the journal; the dialog closes next.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * StridePainDialog::delete-requested:
   * @id: the id of the pain entry
   *
   * The user asked to delete the entry; the dialog closes next.
   */
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-pain-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StridePainDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, StridePainDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, StridePainDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, StridePainDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, StridePainDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, StridePainDialog, save_error_box);
  gtk_widget_class_bind_template_child (widget_class, StridePainDialog, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, StridePainDialog, severity_button);
  gtk_widget_class_bind_template_child (widget_class, StridePainDialog, side_row);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, last_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "pain-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "pain-dialog.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "pain-dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "pain-dialog.save", NULL);
}

static void
stride_pain_dialog_init (StridePainDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->location_ids = g_ptr_array_new_with_free_func (g_free);
  /* "Both" unless the user says which side. */
  adw_combo_row_set_selected (self->side_row, G_N_ELEMENTS (sides) - 1);
}

StridePainDialog *
stride_pain_dialog_new (GtkWindow   *parent,
                        StrideStore *store,
                        gint64       pain_id,
                        guint32      date)
{
  StridePainDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);

  self = g_object_new (STRIDE_TYPE_PAIN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (pain_id != 0)
    load_entry (self, pain_id);
  else
    {
      set_date (self, date != 0 ? date : stride_today_julian ());
      load_locations (self, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->location_row));
    }

  update_save_enabled (self);
  return self;
}
