/* stride-exercise-chooser.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-exercise-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "stride-exercise-chooser.h"
#include "stride-labels.h"

struct _StrideExerciseChooser
{
  GtkPopover      parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkListBox     *list_box;

  /* Owned: one per row, in row order */
  GArray         *ids;          /* gint64 exercise ids */
  GPtrArray      *haystacks;    /* what a search looks through */
};

G_DEFINE_FINAL_TYPE (StrideExerciseChooser, stride_exercise_chooser, GTK_TYPE_POPOVER)

enum {
  EXERCISE_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  StrideExerciseChooser *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  int index = gtk_list_box_row_get_index (row);

  if (search == NULL || *search == '\0')
    return TRUE;
  if (index < 0 || (guint) index >= self->haystacks->len)
    return FALSE;

  /* Every word typed must start a word of the name, the English name or
   * the category: "nordic", "ham cur", "calf". */
  return g_str_match_string (search, g_ptr_array_index (self->haystacks, index), TRUE);
}

static GtkListBoxRow *
first_visible_row (StrideExerciseChooser *self)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        return NULL;
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
        return row;
    }
}

static void
choose_row (StrideExerciseChooser *self,
            GtkListBoxRow         *row)
{
  int index = gtk_list_box_row_get_index (row);
  gint64 id;

  if (index < 0 || (guint) index >= self->ids->len)
    return;

  id = g_array_index (self->ids, gint64, index);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals [EXERCISE_CHOSEN], 0, id);
}

static void
search_changed_cb (StrideExerciseChooser *self,
                   GtkSearchEntry        *entry)
{
  gtk_list_box_invalidate_filter (self->list_box);
}

static void
search_activate_cb (StrideExerciseChooser *self,
                    GtkSearchEntry        *entry)
{
  GtkListBoxRow *row = first_visible_row (self);

  if (row != NULL)
    choose_row (self, row);
}

static void
stop_search_cb (StrideExerciseChooser *self,
                GtkSearchEntry        *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
row_activated_cb (StrideExerciseChooser *self,
                  GtkListBoxRow         *row,
                  GtkListBox            *list_box)
{
  choose_row (self, row);
}

/* Down in the search entry moves on to the list. */
static gboolean
search_key_pressed_cb (StrideExerciseChooser *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  row = first_visible_row (self);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

static void
stride_exercise_chooser_show (GtkWidget *widget)
{
  StrideExerciseChooser *self = STRIDE_EXERCISE_CHOOSER (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_list_box_invalidate_filter (self->list_box);

  GTK_WIDGET_CLASS (stride_exercise_chooser_parent_class)->show (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
stride_exercise_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STRIDE_TYPE_EXERCISE_CHOOSER);

  G_OBJECT_CLASS (stride_exercise_chooser_parent_class)->dispose (object);
}

static void
stride_exercise_chooser_finalize (GObject *object)
{
  StrideExerciseChooser *self = STRIDE_EXERCISE_CHOOSER (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->haystacks, g_ptr_array_unref);

  G_OBJECT_CLASS (stride_exercise_chooser_parent_class)->finalize (object);
}

static void
stride_exercise_chooser_class_init (StrideExerciseChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_exercise_chooser_dispose;
  object_class->finalize = stride_exercise_chooser_finalize;
  widget_class->show = stride_exercise_chooser_show;

  /**
   * StrideExerciseChooser::exercise-chosen:
   * @exercise_id: the chosen exercise's id
   *
   * The user picked an exercise; the popover has popped down.
   */
  signals [EXERCISE_CHOSEN] = g_signal_new ("exercise-chosen", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-exercise-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideExerciseChooser, list_box);
  gtk_widget_class_bind_template_child (widget_class, StrideExerciseChooser, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
stride_exercise_chooser_init (StrideExerciseChooser *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->haystacks = g_ptr_array_new_with_free_func (g_free);

  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

StrideExerciseChooser *
stride_exercise_chooser_new (void)
{
  return g_object_new (STRIDE_TYPE_EXERCISE_CHOOSER, NULL);
}

void
stride_exercise_chooser_set_exercises (StrideExerciseChooser *self,
                                       const StrideExercise  *exercises,
                                       guint                  n_exercises)
{
  GtkListBoxRow *old;

  g_return_if_fail (STRIDE_IS_EXERCISE_CHOOSER (self));
  g_return_if_fail (exercises != NULL || n_exercises == 0);

  while ((old = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (old));
  g_array_set_size (self->ids, 0);
  g_ptr_array_set_size (self->haystacks, 0);

  for (guint i = 0; i < n_exercises; i++)
    {
      const StrideExercise *exercise = &exercises[i];
      const char *name = exercise->name != NULL ? _(exercise->name) : "";
      const char *category = stride_label_for_category (exercise->category);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (exercise->unilateral)
        /* Translators: an exercise's category, then that it works one side at a time */
        subtitle = g_strdup_printf (_("%s · one side at a time"), category);
      else
        subtitle = g_strdup (category);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->list_box, row);

      g_array_append_val (self->ids, exercise->id);
      g_ptr_array_add (self->haystacks,
                       g_strjoin (" ", name, exercise->name != NULL ? exercise->name : "",
                                  exercise->key != NULL ? exercise->key : "", category, NULL));
    }

  gtk_list_box_invalidate_filter (self->list_box);
}
