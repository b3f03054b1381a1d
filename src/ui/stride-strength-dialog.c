/* stride-strength-dialog.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-strength-dialog"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "stride-exercise-chooser.h"
#include "stride-form.h"
#include "stride-labels.h"
#include "stride-metrics.h"
#include "stride-strength-dialog.h"
#include "stride-units.h"

#define MIN_REPS        1
#define MAX_REPS        100
#define DEFAULT_REPS    10
#define DEFAULT_MINUTES 20

typedef struct _ExerciseBlock ExerciseBlock;

/* One set: a row of the exercise's group. Owned by its row widget
 * (object data), so it lives exactly as long as the widgets it points to. */
typedef struct
{
  ExerciseBlock *block;
  GtkWidget     *row;
  GtkSpinButton *reps;
  GtkEntry      *load;
  GtkLabel      *unit_label;
  GtkDropDown   *side;
  GtkLabel      *e1rm;
  GtkLabel      *message;
  GtkWidget     *remove;

  /* What the load entry showed when the set was loaded, and its exact
   * kg value: an unchanged text keeps the stored number (a kg value shown
   * in lb does not round-trip exactly). */
  char          *loaded_text;
  double         loaded_kg;

  /* The last validation */
  gint           reps_value;
  double         load_kg;
  guint          valid : 1;
} SetRow;

/* One exercise of the session: a preferences group of set rows. Owned by
 * the group widget (object data). */
struct _ExerciseBlock
{
  StrideStrengthDialog *dialog;
  gint64                exercise_id;
  char                 *name;         /* translated */
  gboolean              unilateral;
  AdwPreferencesGroup  *group;
  GtkWidget            *add_set_row;
  GPtrArray            *sets;         /* SetRow, borrowed from their rows */
};

struct _StrideStrengthDialog
{
  AdwWindow              parent_instance;

  /* Template widgets */
  GtkWidget             *add_exercise_button;
  GtkLabel              *banner_label;
  GtkRevealer           *banner_revealer;
  GtkCalendar           *calendar;
  GtkMenuButton         *date_button;
  GtkLabel              *date_label;
  GtkPopover            *date_popover;
  GtkWidget             *delete_button;
  AdwEntryRow           *duration_row;
  GtkWidget             *empty_label;
  StrideExerciseChooser *exercise_chooser;
  GtkBox                *exercises_box;
  AdwEntryRow           *notes_row;
  GtkSpinButton         *rpe_spin;
  GtkWidget             *save_button;
  GtkLabel              *session_error;
  AdwEntryRow           *time_row;
  AdwToastOverlay       *toast_overlay;
  GtkLabel              *volume_both;
  GtkLabel              *volume_left;
  GtkLabel              *volume_right;

  /* Owned references */
  StrideStore           *store;
  GArray                *exercises;   /* StrideExercise: the library */
  GPtrArray             *blocks;      /* ExerciseBlock, borrowed from their groups */
  GTimeZone             *zone;
  StrideActivity         original;    /* the session being edited */
  char                  *loaded_time; /* its start as shown, hh:mm */
  guint32                loaded_date;

  gint64                 activity_id;
  guint32                date;        /* Julian day */
  StrideUnitSystem       weight_units;
  gint64                 start_utc;   /* from the last validation */
  gint                   tz_offset_s;
  double                 duration_s;
  gint                   rpe;
  guint                  valid : 1;
  guint                  blocked : 1; /* the journal can't be written */
  guint                  loading : 1;
};

G_DEFINE_FINAL_TYPE (StrideStrengthDialog, stride_strength_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void update (StrideStrengthDialog *self);

/* Helpers */

static const char *
weight_unit_symbol (StrideUnitSystem units)
{
  /* Translators: the unit symbol shown after a load */
  return units == STRIDE_UNITS_IMPERIAL ? _("lb") : _("kg");
}

static void
set_message (GtkLabel   *label,
             const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
show_banner (StrideStrengthDialog *self,
             const char           *message)
{
  stride_form_show_banner (self->banner_revealer, self->banner_label, message);
}

static const StrideExercise *
find_exercise (StrideStrengthDialog *self,
               gint64                id)
{
  for (guint i = 0; self->exercises != NULL && i < self->exercises->len; i++)
    {
      const StrideExercise *exercise = &g_array_index (self->exercises, StrideExercise, i);

      if (exercise->id == id)
        return exercise;
    }

  return NULL;
}

/* "18:30", "7:05" or "18". */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = g_strsplit (copy, ":", -1);
  guint n_parts = g_strv_length (parts);
  guint64 h;
  guint64 m = 0;

  if (n_parts < 1 || n_parts > 2 || *parts[0] == '\0' || strlen (parts[0]) > 2)
    return FALSE;
  if (!g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &h, NULL))
    return FALSE;
  if (n_parts == 2
      && (strlen (parts[1]) != 2 || !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL)))
    return FALSE;

  *hour = (int) h;
  *minute = (int) m;
  return TRUE;
}

/* A whole number from @min to @max, blanks around it allowed. */
static gboolean
parse_whole (const char *text,
             gint64      min,
             gint64      max,
             gint       *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 value;

  if (*copy == '\0' || !g_ascii_string_to_signed (copy, 10, min, max, &value, NULL))
    return FALSE;

  *out = (gint) value;
  return TRUE;
}

/* Sets */

static StrideSide
set_row_get_side (SetRow *set)
{
  guint selected = gtk_drop_down_get_selected (set->side);

  return selected < STRIDE_N_SIDES ? (StrideSide) selected : STRIDE_SIDE_BOTH;
}

static void
set_row_free (gpointer data)
{
  SetRow *set = data;

  g_free (set->loaded_text);
  g_free (set);
}

static void
set_row_set_load (SetRow *set,
                  double  load_kg)
{
  StrideUnitSystem units = set->block->dialog->weight_units;
  g_autofree char *text = NULL;

  g_clear_pointer (&set->loaded_text, g_free);
  if (load_kg > 0)
    text = stride_form_format_decimal (stride_units_weight_to_display (load_kg, units));
  else
    text = g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (set->load), text);
  set->loaded_text = g_steal_pointer (&text);
  set->loaded_kg = load_kg;
}

/* Validates one set and updates its messages and e1RM. */
static gboolean
set_row_validate (SetRow *set)
{
  StrideUnitSystem units = set->block->dialog->weight_units;
  const char *reps_text = gtk_editable_get_text (GTK_EDITABLE (set->reps));
  const char *load_text = gtk_editable_get_text (GTK_EDITABLE (set->load));
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (load_text));
  gboolean reps_ok;
  gboolean load_ok = TRUE;
  double load_kg = 0;
  gint reps = 0;

  reps_ok = parse_whole (reps_text, MIN_REPS, MAX_REPS, &reps);
  if (!reps_ok)
    g_string_append (messages, _("Reps must be 1–100"));

  if (set->loaded_text != NULL && g_str_equal (load_text, set->loaded_text))
    load_kg = set->loaded_kg;
  else if (*stripped == '\0')
    load_kg = 0;   /* body weight */
  else if (!stride_units_parse_weight (stripped, units, &load_kg, &error))
    {
      load_ok = FALSE;
      if (messages->len > 0)
        g_string_append_c (messages, '\n');
      if (g_error_matches (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_NEGATIVE))
        g_string_append (messages, _("Load can’t be negative"));
      else
        g_string_append (messages, error->message);
    }

  stride_form_set_error_style (GTK_WIDGET (set->reps), !reps_ok);
  stride_form_set_error_style (GTK_WIDGET (set->load), !load_ok);
  set_message (set->message, messages->str);

  set->valid = reps_ok && load_ok;
  set->reps_value = reps;
  set->load_kg = load_kg;

  /* The estimated 1RM, both formulas (RISK-RULES.md §2). */
  if (!set->valid)
    set_message (set->e1rm, NULL);
  else if (load_kg == 0)
    set_message (set->e1rm, _("Body weight: 1RM not estimated"));
  else if (reps > 10)
    set_message (set->e1rm, _("1RM not estimated above 10 reps"));
  else
    {
      double epley = stride_e1rm_epley (load_kg, reps);
      double brzycki = stride_e1rm_brzycki (load_kg, reps);
      g_autofree char *epley_text = NULL;
      g_autofree char *brzycki_text = NULL;
      g_autofree char *text = NULL;

      if (units == STRIDE_UNITS_METRIC)
        {
          /* An estimate: one decimal is plenty. */
          epley = round (epley * 10) / 10;
          brzycki = round (brzycki * 10) / 10;
        }
      epley_text = stride_units_format_weight (epley, units);
      brzycki_text = stride_units_format_weight (brzycki, units);

      if (!isfinite (epley) || !isfinite (brzycki))
        text = g_strdup (_("1RM not estimated"));
      else if (reps == 1)
        /* Translators: the one-repetition maximum of a single */
        text = g_strdup_printf (_("1RM %s"), epley_text);
      else
        /* Translators: estimated one-repetition maximum by two formulas */
        text = g_strdup_printf (_("e1RM %s (Epley) · %s (Brzycki)"), epley_text, brzycki_text);
      set_message (set->e1rm, text);
    }

  return set->valid;
}

static void
set_changed_cb (SetRow *set)
{
  update (set->block->dialog);
}

static void
renumber_sets (ExerciseBlock *block)
{
  const char *unit = weight_unit_symbol (block->dialog->weight_units);

  for (guint i = 0; i < block->sets->len; i++)
    {
      SetRow *set = g_ptr_array_index (block->sets, i);
      guint n = i + 1;
      g_autofree char *title = g_strdup_printf (_("Set %u"), n);
      g_autofree char *reps = g_strdup_printf (_("Reps, set %u"), n);
      g_autofree char *load = g_strdup_printf (_("Load in %s, set %u (empty for body weight)"),
                                               unit, n);
      g_autofree char *side = g_strdup_printf (_("Side, set %u"), n);
      g_autofree char *remove = g_strdup_printf (_("Remove set %u"), n);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (set->row), title);
      stride_form_set_accessible_label (GTK_WIDGET (set->reps), reps);
      stride_form_set_accessible_label (GTK_WIDGET (set->load), load);
      stride_form_set_accessible_label (GTK_WIDGET (set->side), side);
      stride_form_set_accessible_label (set->remove, remove);
    }
}

static void
remove_set_cb (SetRow *set)
{
  ExerciseBlock *block = set->block;
  GtkWidget *row = set->row;

  g_ptr_array_remove (block->sets, set);
  adw_preferences_group_remove (block->group, row);   /* frees @set */
  renumber_sets (block);
  update (block->dialog);
}

static SetRow *
add_set (ExerciseBlock *block,
         StrideSide     side,
         gint           reps,
         double         load_kg)
{
  StrideStrengthDialog *self = block->dialog;
  /* In StrideSide order. */
  const char *side_labels[STRIDE_N_SIDES + 1] = { _("Both"), _("Left"), _("Right"), NULL };
  GtkWidget *flow;
  GtkWidget *box;
  GtkWidget *amount;
  GtkWidget *choice;
  GtkWidget *times;
  SetRow *set = g_new0 (SetRow, 1);

  G_STATIC_ASSERT (STRIDE_SIDE_BOTH == 0 && STRIDE_SIDE_LEFT == 1 && STRIDE_SIDE_RIGHT == 2);

  set->block = block;
  set->row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (set->row), FALSE);
  gtk_widget_set_name (set->row, "set-row");
  g_object_set_data_full (G_OBJECT (set->row), "stride-set", set, set_row_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (set->row), box);

  /* Reps × load on the left, side and remove on the right; on a narrow
   * window the flow box puts them on two lines. */
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_widget_add_css_class (flow, "set-controls");
  gtk_box_append (GTK_BOX (box), flow);

  amount = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  set->reps = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 999, 1));
  gtk_spin_button_set_numeric (set->reps, TRUE);
  gtk_spin_button_set_value (set->reps, reps);
  gtk_editable_set_width_chars (GTK_EDITABLE (set->reps), 3);
  gtk_widget_set_valign (GTK_WIDGET (set->reps), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (set->reps), "reps");
  gtk_widget_set_tooltip_text (GTK_WIDGET (set->reps), _("Reps"));
  gtk_box_append (GTK_BOX (amount), GTK_WIDGET (set->reps));

  times = gtk_label_new ("×");
  gtk_widget_add_css_class (times, "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (times), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (amount), times);

  set->load = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (set->load), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (set->load), 7);
  gtk_entry_set_input_purpose (set->load, GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_placeholder_text (set->load, "0");
  gtk_entry_set_activates_default (set->load, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (set->load), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (set->load), "load");
  gtk_widget_set_tooltip_text (GTK_WIDGET (set->load), _("Load (empty or 0 for body weight)"));
  gtk_box_append (GTK_BOX (amount), GTK_WIDGET (set->load));

  set->unit_label = GTK_LABEL (gtk_label_new (weight_unit_symbol (self->weight_units)));
  gtk_widget_add_css_class (GTK_WIDGET (set->unit_label), "dim-label");
  gtk_box_append (GTK_BOX (amount), GTK_WIDGET (set->unit_label));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), amount);

  choice = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (choice, GTK_ALIGN_END);
  gtk_widget_set_hexpand (choice, TRUE);
  set->side = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (side_labels));
  gtk_drop_down_set_selected (set->side, side);
  gtk_widget_set_valign (GTK_WIDGET (set->side), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (set->side), "side");
  gtk_widget_set_tooltip_text (GTK_WIDGET (set->side), _("Side"));
  gtk_box_append (GTK_BOX (choice), GTK_WIDGET (set->side));

  set->remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (set->remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (set->remove, "flat");
  gtk_widget_add_css_class (set->remove, "circular");
  gtk_widget_set_name (set->remove, "remove-set");
  gtk_widget_set_tooltip_text (set->remove, _("Remove Set"));
  gtk_box_append (GTK_BOX (choice), set->remove);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), choice);

  /* The flow box children only lay out; focus goes to the controls. */
  for (GtkWidget *child = gtk_widget_get_first_child (flow);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  set->e1rm = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (set->e1rm, 0);
  gtk_label_set_wrap (set->e1rm, TRUE);
  gtk_widget_set_name (GTK_WIDGET (set->e1rm), "e1rm");
  gtk_widget_add_css_class (GTK_WIDGET (set->e1rm), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (set->e1rm), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (set->e1rm));

  set->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (set->message, 0);
  gtk_label_set_wrap (set->message, TRUE);
  gtk_label_set_wrap_mode (set->message, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_name (GTK_WIDGET (set->message), "set-error");
  gtk_widget_add_css_class (GTK_WIDGET (set->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (set->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (set->message));

  set_row_set_load (set, load_kg);

  g_signal_connect_swapped (set->reps, "changed", G_CALLBACK (set_changed_cb), set);
  g_signal_connect_swapped (set->reps, "value-changed", G_CALLBACK (set_changed_cb), set);
  g_signal_connect_swapped (set->load, "changed", G_CALLBACK (set_changed_cb), set);
  g_signal_connect_swapped (set->side, "notify::selected", G_CALLBACK (set_changed_cb), set);
  g_signal_connect_swapped (set->remove, "clicked", G_CALLBACK (remove_set_cb), set);

  /* Keep "Add Set" the last row of the group. */
  g_object_ref (block->add_set_row);
  adw_preferences_group_remove (block->group, block->add_set_row);
  adw_preferences_group_add (block->group, set->row);
  adw_preferences_group_add (block->group, block->add_set_row);
  g_object_unref (block->add_set_row);

  g_ptr_array_add (block->sets, set);
  renumber_sets (block);

  return set;
}

/* The last set of @side in @block, or NULL. */
static SetRow *
last_set_of_side (ExerciseBlock *block,
                  StrideSide     side)
{
  for (guint i = block->sets->len; i > 0; i--)
    {
      SetRow *set = g_ptr_array_index (block->sets, i - 1);

      if (set_row_get_side (set) == side)
        return set;
    }

  return NULL;
}

static void
add_set_like (ExerciseBlock *block,
              SetRow        *model,
              StrideSide     side)
{
  SetRow *set;
  gint reps = DEFAULT_REPS;

  if (model != NULL)
    {
      gint model_reps;

      if (parse_whole (gtk_editable_get_text (GTK_EDITABLE (model->reps)), 0, 999, &model_reps))
        reps = model_reps;
    }

  set = add_set (block, side, reps, 0);
  if (model != NULL)
    {
      /* The same text, so that an unchanged stored load stays exact. */
      gtk_editable_set_text (GTK_EDITABLE (set->load),
                             gtk_editable_get_text (GTK_EDITABLE (model->load)));
      if (model->loaded_text != NULL)
        {
          g_free (set->loaded_text);
          set->loaded_text = g_strdup (model->loaded_text);
          set->loaded_kg = model->loaded_kg;
        }
    }
}

/* "Add Set": one more of the last set, or a left and a right one for a
 * unilateral exercise. */
static SetRow *
add_next_sets (ExerciseBlock *block)
{
  guint first_new = block->sets->len;

  if (block->unilateral)
    {
      add_set_like (block, last_set_of_side (block, STRIDE_SIDE_LEFT), STRIDE_SIDE_LEFT);
      add_set_like (block, last_set_of_side (block, STRIDE_SIDE_RIGHT), STRIDE_SIDE_RIGHT);
    }
  else
    {
      SetRow *last = block->sets->len > 0 ? g_ptr_array_index (block->sets, block->sets->len - 1)
                                          : NULL;

      add_set_like (block, last, last != NULL ? set_row_get_side (last) : STRIDE_SIDE_BOTH);
    }

  return g_ptr_array_index (block->sets, first_new);
}

static void
add_set_activated_cb (ExerciseBlock *block)
{
  SetRow *set = add_next_sets (block);

  update (block->dialog);
  gtk_widget_grab_focus (GTK_WIDGET (set->reps));
}

static void
remove_all_sets (ExerciseBlock *block)
{
  while (block->sets->len > 0)
    {
      SetRow *set = g_ptr_array_steal_index (block->sets, block->sets->len - 1);

      adw_preferences_group_remove (block->group, set->row);
    }
}

/* Exercises */

static void
exercise_block_free (gpointer data)
{
  ExerciseBlock *block = data;

  g_ptr_array_unref (block->sets);
  g_free (block->name);
  g_free (block);
}

static void
remove_exercise_cb (ExerciseBlock *block)
{
  StrideStrengthDialog *self = block->dialog;

  g_ptr_array_remove (self->blocks, block);
  gtk_box_remove (self->exercises_box, GTK_WIDGET (block->group));   /* frees @block */
  update (self);
  gtk_widget_grab_focus (self->add_exercise_button);
}

static gint64
reference_start_utc (StrideStrengthDialog *self)
{
  if (self->start_utc != 0)
    return self->start_utc;

  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
repeat_last_cb (ExerciseBlock *block)
{
  StrideStrengthDialog *self = block->dialog;
  g_autoptr(GArray) last = NULL;
  g_autoptr(GError) error = NULL;

  last = stride_store_list_last_sets (self->store, block->exercise_id,
                                      reference_start_utc (self), &error);
  if (last == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (last->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No earlier session with %s"), block->name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }

  remove_all_sets (block);
  for (guint i = 0; i < last->len; i++)
    {
      const StrideStrengthSet *previous = &g_array_index (last, StrideStrengthSet, i);

      add_set (block, previous->side, previous->reps, previous->load_kg);
    }

  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (((SetRow *) g_ptr_array_index (block->sets, 0))->reps));
}

static ExerciseBlock *
find_block (StrideStrengthDialog *self,
            gint64                exercise_id)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      ExerciseBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->exercise_id == exercise_id)
        return block;
    }

  return NULL;
}

static GtkWidget *
header_button (const char *icon_name,
               const char *name,
               const char *tooltip,
               const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  stride_form_set_accessible_label (button, accessible_label);

  return button;
}

/* Adds an exercise without sets. */
static ExerciseBlock *
add_exercise (StrideStrengthDialog *self,
              gint64                exercise_id)
{
  const StrideExercise *exercise = find_exercise (self, exercise_id);
  ExerciseBlock *block = g_new0 (ExerciseBlock, 1);
  g_autofree char *description = NULL;
  g_autofree char *repeat_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *suffix;
  GtkWidget *button;
  GtkWidget *icon;

  block->dialog = self;
  block->exercise_id = exercise_id;
  block->sets = g_ptr_array_new ();

  if (exercise != NULL)
    {
      const char *category = stride_label_for_category (exercise->category);

      block->name = g_strdup (exercise->name != NULL ? _(exercise->name) : "");
      block->unilateral = exercise->unilateral;
      description = exercise->unilateral
                    ? g_strdup_printf (_("%s · one side at a time"), category)
                    : g_strdup (category);
    }
  else
    block->name = g_strdup (_("Unknown exercise"));

  block->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_name (GTK_WIDGET (block->group), "exercise");
  adw_preferences_group_set_title (block->group, block->name);
  adw_preferences_group_set_description (block->group, description);
  g_object_set_data_full (G_OBJECT (block->group), "stride-exercise", block, exercise_block_free);

  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  repeat_label = g_strdup_printf (_("Repeat the last session of %s"), block->name);
  button = header_button ("media-playlist-repeat-symbolic", "repeat-last",
                          _("Repeat Last Session"), repeat_label);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (repeat_last_cb), block);
  gtk_box_append (GTK_BOX (suffix), button);
  remove_label = g_strdup_printf (_("Remove %s"), block->name);
  button = header_button ("user-trash-symbolic", "remove-exercise",
                          _("Remove Exercise"), remove_label);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (remove_exercise_cb), block);
  gtk_box_append (GTK_BOX (suffix), button);
  adw_preferences_group_set_header_suffix (block->group, suffix);

  block->add_set_row = adw_action_row_new ();
  gtk_widget_set_name (block->add_set_row, "add-set");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (block->add_set_row), _("_Add Set"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (block->add_set_row), TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (block->add_set_row), TRUE);
  icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (block->add_set_row), icon);
  g_signal_connect_swapped (block->add_set_row, "activated",
                            G_CALLBACK (add_set_activated_cb), block);
  adw_preferences_group_add (block->group, block->add_set_row);

  gtk_box_append (self->exercises_box, GTK_WIDGET (block->group));
  g_ptr_array_add (self->blocks, block);

  return block;
}

static void
exercise_chosen_cb (StrideStrengthDialog  *self,
                    gint64                 exercise_id,
                    StrideExerciseChooser *chooser)
{
  ExerciseBlock *block = find_block (self, exercise_id);
  SetRow *first;

  /* An exercise that is there already gets another set instead. */
  if (block == NULL)
    block = add_exercise (self, exercise_id);

  first = add_next_sets (block);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (first->reps));
}

/* Session */

static void
show_date (StrideStrengthDialog *self)
{
  /* Translators: a date as in "Wed 25 Nov 2026", see strftime(3) */
  g_autofree char *text = stride_form_format_day (self->date, _("%a %e %b %Y"));

  gtk_label_set_text (self->date_label, g_strstrip (text));
  stride_form_calendar_select_julian (self->calendar, self->date);
}

static void
day_selected_cb (StrideStrengthDialog *self,
                 GtkCalendar          *calendar)
{
  guint32 julian = stride_form_calendar_get_julian (calendar);

  if (julian == self->date)
    return;

  self->date = julian;
  show_date (self);
  gtk_popover_popdown (self->date_popover);
  update (self);
}

static void
field_changed_cb (StrideStrengthDialog *self)
{
  update (self);
}

/* Validates the session fields; returns the messages (empty when valid). */
static void
validate_session (StrideStrengthDialog *self,
                  GString              *messages)
{
  const char *time_text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  const char *rpe_text = gtk_editable_get_text (GTK_EDITABLE (self->rpe_spin));
  const char *duration_text;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = g_date_new_julian (self->date);
  int hour = 0;
  int minute = 0;
  gboolean time_ok;
  gboolean duration_ok;
  gboolean rpe_ok;

  self->start_utc = 0;
  time_ok = parse_time (time_text, &hour, &minute);
  if (time_ok && self->loaded_time != NULL && self->date == self->loaded_date
      && g_str_equal (time_text, self->loaded_time))
    {
      /* Unchanged: keep the exact start (seconds and all) and its zone. */
      self->start_utc = self->original.start_utc;
      self->tz_offset_s = self->original.tz_offset_s;
    }
  else if (time_ok)
    {
      g_autoptr(GDateTime) start = g_date_time_new (self->zone, g_date_get_year (date),
                                                    g_date_get_month (date),
                                                    g_date_get_day (date), hour, minute, 0);

      if (start != NULL)
        {
          self->start_utc = g_date_time_to_unix (start);
          self->tz_offset_s = (gint) (g_date_time_get_utc_offset (start) / G_USEC_PER_SEC);
        }
      else
        time_ok = FALSE;
    }
  if (!time_ok)
    g_string_append_printf (messages, "%s\n",
                            _("Enter the start time as hours:minutes, e.g. 18:30"));

  duration_text = gtk_editable_get_text (GTK_EDITABLE (self->duration_row));
  duration_ok = stride_units_parse_duration (duration_text, &self->duration_s, &error);
  if (!duration_ok)
    g_string_append_printf (messages, "%s\n", error->message);

  rpe_ok = parse_whole (rpe_text, 0, 10, &self->rpe);
  if (!rpe_ok)
    g_string_append_printf (messages, "%s\n", _("Effort must be 0–10 (0 if not rated)"));

  stride_form_set_error_style (GTK_WIDGET (self->time_row), !time_ok);
  stride_form_set_error_style (GTK_WIDGET (self->duration_row), !duration_ok);
  stride_form_set_error_style (GTK_WIDGET (self->rpe_spin), !rpe_ok);

  if (messages->len > 0)
    g_string_truncate (messages, messages->len - 1);
}

static void
show_volume (GtkLabel         *label,
             double            kg,
             StrideUnitSystem  units)
{
  g_autofree char *text = stride_units_format_weight (kg, units);

  gtk_label_set_text (label, text);
}

/* Validates everything, updates every message, e1RM and the volume, and
 * enables Save when the whole session can be written. */
static void
update (StrideStrengthDialog *self)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(GArray) valid_sets = g_array_new (FALSE, TRUE, sizeof (StrideStrengthSet));
  gboolean valid;
  double left = 0;
  double right = 0;
  double both = 0;

  if (self->loading)
    return;

  validate_session (self, messages);
  set_message (self->session_error, messages->str);
  valid = messages->len == 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      ExerciseBlock *block = g_ptr_array_index (self->blocks, i);

      for (guint j = 0; j < block->sets->len; j++)
        {
          SetRow *set = g_ptr_array_index (block->sets, j);

          if (set_row_validate (set))
            {
              StrideStrengthSet valid_set = { 0 };

              valid_set.exercise_id = block->exercise_id;
              valid_set.side = set_row_get_side (set);
              valid_set.reps = set->reps_value;
              valid_set.load_kg = set->load_kg;
              g_array_append_val (valid_sets, valid_set);
            }
          else
            valid = FALSE;
        }
    }

  stride_strength_volume ((const StrideStrengthSet *) (gpointer) valid_sets->data, valid_sets->len,
                          &left, &right, &both);
  show_volume (self->volume_left, left, self->weight_units);
  show_volume (self->volume_right, right, self->weight_units);
  show_volume (self->volume_both, both, self->weight_units);

  gtk_widget_set_visible (self->empty_label, self->blocks->len == 0);

  self->valid = valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", valid && !self->blocked);
}

/* Saving */

static GArray *
collect_sets (StrideStrengthDialog *self)
{
  GArray *sets = g_array_new (FALSE, TRUE, sizeof (StrideStrengthSet));

  for (guint i = 0; i < self->blocks->len; i++)
    {
      ExerciseBlock *block = g_ptr_array_index (self->blocks, i);

      for (guint j = 0; j < block->sets->len; j++)
        {
          SetRow *set = g_ptr_array_index (block->sets, j);
          StrideStrengthSet out = { 0 };

          out.activity_id = self->activity_id;
          out.exercise_id = block->exercise_id;
          out.side = set_row_get_side (set);
          out.reps = set->reps_value;
          out.load_kg = set->load_kg;
          out.position = (gint) sets->len;
          g_array_append_val (sets, out);
        }
    }

  return sets;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StrideStrengthDialog *self = STRIDE_STRENGTH_DIALOG (widget);
  g_autoptr(GArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  StrideActivity activity;
  gboolean ok;

  update (self);
  if (!self->valid || self->blocked)
    return;

  notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row))));

  /* A shallow copy: the strings stay the original's (or ours). */
  activity = self->original;
  if (self->activity_id == 0)
    {
      memset (&activity, 0, sizeof activity);
      activity.sport = STRIDE_SPORT_STRENGTH;
      activity.run_type = STRIDE_RUN_TYPE_NONE;
    }
  activity.id = self->activity_id;
  activity.start_utc = self->start_utc;
  activity.tz_offset_s = self->tz_offset_s;
  activity.duration_s = self->duration_s;
  activity.rpe = self->rpe;
  activity.notes = *notes != '\0' ? notes : NULL;

  sets = collect_sets (self);
  if (self->activity_id != 0)
    ok = stride_store_update_activity (self->store, &activity,
                                       (const StrideStrengthSet *) (gpointer) sets->data, sets->len,
                                       &error);
  else
    ok = stride_store_add_activity (self->store, &activity,
                                    (const StrideStrengthSet *) (gpointer) sets->data, sets->len,
                                    NULL, 0, NULL, 0, &error);

  if (!ok)
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the session: %s"), error->message);

      /* Nothing was written; the input stays for another try. */
      show_banner (self, text);
      return;
    }

  show_banner (self, NULL);
  g_object_ref (self);
  g_signal_emit (self, signals [SAVED], 0, activity.id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
delete_clicked_cb (StrideStrengthDialog *self)
{
  g_object_ref (self);
  g_signal_emit (self, signals [DELETE_REQUESTED], 0, self->activity_id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* Loading */

static void
load_session (StrideStrengthDialog *self)
{
  g_autoptr(GArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *duration_text = NULL;
  ExerciseBlock *block = NULL;

  if (!stride_store_get_activity (self->store, self->activity_id, &self->original, &error)
      || (sets = stride_store_list_strength_sets (self->store, self->activity_id, &error)) == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not open the session: %s"), error->message);

      show_banner (self, text);
      self->blocked = TRUE;
      gtk_widget_set_visible (self->delete_button, FALSE);
      /* The form still shows a date, today's, though it can't be saved. */
      self->date = stride_today_julian ();
      show_date (self);
      return;
    }

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = stride_form_zone_for_entry (self->original.start_utc, self->original.tz_offset_s);
  utc = g_date_time_new_from_unix_utc (self->original.start_utc);
  local = g_date_time_to_timezone (utc, self->zone);
  self->date = stride_form_julian_of (local);

  time_text = g_date_time_format (local, "%H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time_text);
  self->loaded_time = g_steal_pointer (&time_text);
  self->loaded_date = self->date;
  if (self->original.duration_s > 0)
    duration_text = stride_units_format_duration (self->original.duration_s);
  gtk_editable_set_text (GTK_EDITABLE (self->duration_row),
                         duration_text != NULL ? duration_text : "");
  gtk_spin_button_set_value (self->rpe_spin, self->original.rpe);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         self->original.notes != NULL ? self->original.notes : "");

  /* Consecutive sets of one exercise form its group, in session order. */
  for (guint i = 0; i < sets->len; i++)
    {
      const StrideStrengthSet *set = &g_array_index (sets, StrideStrengthSet, i);

      if (block == NULL || block->exercise_id != set->exercise_id)
        block = add_exercise (self, set->exercise_id);
      add_set (block, set->side, set->reps, set->load_kg);
    }
}

static void
load_new (StrideStrengthDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->zone);
  g_autofree char *time_text = NULL;
  g_autofree char *duration_text = stride_units_format_duration (DEFAULT_MINUTES * 60);

  self->date = stride_form_julian_of (now);
  /* Now, to the five minutes before. */
  time_text = g_strdup_printf ("%02d:%02d", g_date_time_get_hour (now),
                               g_date_time_get_minute (now) / 5 * 5);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time_text);
  gtk_editable_set_text (GTK_EDITABLE (self->duration_row), duration_text);
}

/* GObject */

static void
stride_strength_dialog_dispose (GObject *object)
{
  StrideStrengthDialog *self = STRIDE_STRENGTH_DIALOG (object);

  /* The blocks belong to their widgets, about to go. */
  self->loading = TRUE;
  if (self->blocks != NULL)
    g_ptr_array_set_size (self->blocks, 0);

  gtk_widget_dispose_template (GTK_WIDGET (object), STRIDE_TYPE_STRENGTH_DIALOG);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (stride_strength_dialog_parent_class)->dispose (object);
}

static void
stride_strength_dialog_finalize (GObject *object)
{
  StrideStrengthDialog *self = STRIDE_STRENGTH_DIALOG (object);

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->exercises, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->loaded_time, g_free);
  stride_activity_clear (&self->original);

  G_OBJECT_CLASS (stride_strength_dialog_parent_class)->finalize (object);
}

static void
stride_strength_dialog_class_init (StrideStrengthDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_strength_dialog_dispose;
  object_class->finalize = stride_strength_dialog_finalize;

  /**
   * StrideStrengthDialog::saved:
   * @id: the activity id of the session
   *
   * The session was written to the journal; the dialog closes next.
   */
  signals [SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * StrideStrengthDialog::delete-requested:
   * @id: the activity id of the session
   *
   * The user asked to delete the session being edited; the dialog closes
   * next and the window deletes it (with undo).
   */
  signals [DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-strength-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, add_exercise_button);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, date_label);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, exercise_chooser);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, exercises_box);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, rpe_spin);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, session_error);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, volume_both);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, volume_left);
  gtk_widget_class_bind_template_child (widget_class, StrideStrengthDialog, volume_right);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, exercise_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);

  g_type_ensure (STRIDE_TYPE_EXERCISE_CHOOSER);
}

static void
stride_strength_dialog_init (StrideStrengthDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->blocks = g_ptr_array_new ();
  self->zone = g_time_zone_new_local ();
}

StrideStrengthDialog *
stride_strength_dialog_new (GtkWindow   *parent,
                            StrideStore *store,
                            gint64       activity_id)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  StrideStrengthDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);
  g_return_val_if_fail (activity_id >= 0, NULL);

  self = g_object_new (STRIDE_TYPE_STRENGTH_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->activity_id = activity_id;

  settings = g_settings_new (APP_ID);
  self->weight_units = stride_form_get_units (settings, "weight-unit", "lb");

  self->exercises = stride_store_list_exercises (store, &error);
  if (self->exercises == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read the exercise library: %s"),
                                               error->message);

      show_banner (self, text);
      g_clear_error (&error);
    }
  else
    stride_exercise_chooser_set_exercises (self->exercise_chooser,
                                           (const StrideExercise *) (gpointer)
                                           self->exercises->data,
                                           self->exercises->len);

  if (activity_id != 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Strength Session"));
      gtk_widget_set_visible (self->delete_button, TRUE);
      load_session (self);
    }
  else
    load_new (self);

  if (stride_store_is_read_only (store))
    {
      show_banner (self, stride_store_get_read_only_reason (store));
      self->blocked = TRUE;
      gtk_widget_set_visible (self->delete_button, FALSE);
    }

  show_date (self);
  self->loading = FALSE;
  update (self);

  /* A new session starts with choosing its first exercise. */
  if (activity_id == 0)
    gtk_window_set_focus (GTK_WINDOW (self), self->add_exercise_button);

  return self;
}
