/* stride-plan-entry-dialog.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-plan-entry-dialog"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "stride-form.h"
#include "stride-labels.h"
#include "stride-plan-entry-dialog.h"
#include "stride-run-dialog.h"

typedef enum
{
  FIELD_DISTANCE,
  FIELD_DURATION,
  FIELD_PACE,
  N_FIELDS
} Field;

/* Where a target's value comes from. Only a calculated one is ever
 * replaced by the dialog; two typed ones give the third, and three typed
 * ones must agree. */
typedef enum
{
  SOURCE_EMPTY,
  SOURCE_TYPED,
  SOURCE_CALCULATED,
} Source;

typedef struct
{
  AdwEntryRow *row;
  char        *title;         /* the row's own title, without "(calculated)" */
  Source       source;
  double       value;         /* metres, seconds or s/km; 0 = none */
  char        *error;
  char        *loaded_text;   /* as shown for the entry being edited */
  double       loaded_value;
} Target;

/* The run types a planned run offers, in this order. A race is its own
 * kind of entry, so "Race" is not among them. */
static const StrideRunType planned_run_types[] = {
  STRIDE_RUN_TYPE_EASY,
  STRIDE_RUN_TYPE_LONG,
  STRIDE_RUN_TYPE_TEMPO,
  STRIDE_RUN_TYPE_INTERVALS,
  STRIDE_RUN_TYPE_RECOVERY,
};

struct _StridePlanEntryDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkCalendar          *calendar;
  GtkMenuButton        *date_button;
  GtkWidget            *delete_button;
  AdwPreferencesGroup  *description_group;
  AdwEntryRow          *description_row;
  AdwEntryRow          *distance_row;
  AdwEntryRow          *duration_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *pace_row;
  AdwComboRow          *run_type_row;
  GtkWidget            *save_error_box;
  GtkLabel             *save_error_label;
  AdwComboRow          *slot_row;
  GtkLabel             *targets_error_label;
  AdwPreferencesGroup  *targets_group;

  /* Owned references */
  StrideStore          *store;
  GSettings            *settings;

  /* State */
  StridePlanEntry       entry;          /* as loaded; id 0 for a new entry */
  Target                targets[N_FIELDS];
  StrideRunType         run_types[G_N_ELEMENTS (planned_run_types) + 1];
  guint                 n_run_types;
  guint32               date;           /* Julian day */
  StrideUnitSystem      distance_units;
  StrideUnitSystem      pace_units;
  guint                 updating : 1;
  guint                 valid : 1;
  guint                 load_failed : 1;
};

G_DEFINE_FINAL_TYPE (StridePlanEntryDialog, stride_plan_entry_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Which targets a kind of session has: a rest day none, a strength
 * session a time, cross-training a distance and a time (a pace means
 * little on a bike or in the pool), a run or a race all three. */
static gboolean
field_applies (StridePlanKind kind,
               Field          field)
{
  switch (field)
    {
    case FIELD_DISTANCE:
      return kind == STRIDE_PLAN_KIND_RUN || kind == STRIDE_PLAN_KIND_RACE
             || kind == STRIDE_PLAN_KIND_CROSS;
    case FIELD_DURATION:
      return kind != STRIDE_PLAN_KIND_REST;
    case FIELD_PACE:
      return kind == STRIDE_PLAN_KIND_RUN || kind == STRIDE_PLAN_KIND_RACE;
    case N_FIELDS:
    default:
      return FALSE;
    }
}

static StridePlanKind
selected_kind (StridePlanEntryDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < STRIDE_N_PLAN_KINDS ? (StridePlanKind) selected : STRIDE_PLAN_KIND_RUN;
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static void
set_text_quietly (StridePlanEntryDialog *self,
                  AdwEntryRow           *row,
                  const char            *text)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  self->updating = FALSE;
}

/* Dates */

static void
show_date (StridePlanEntryDialog *self)
{
  stride_form_show_date (self->date_button, self->date);
}

static void
day_selected_cb (StridePlanEntryDialog *self)
{
  self->date = stride_form_calendar_get_julian (self->calendar);
  show_date (self);
  stride_form_popdown (self->date_button);
}

static void
set_date (StridePlanEntryDialog *self,
          guint32                julian)
{
  self->date = julian;
  stride_form_calendar_select_julian (self->calendar, julian);
  show_date (self);
}

/* Targets: distance, time and pace */

static char *
format_target (StridePlanEntryDialog *self,
               Field                  field,
               double                 value)
{
  switch (field)
    {
    case FIELD_DISTANCE:
      return stride_units_format_distance (value, self->distance_units);
    case FIELD_DURATION:
      return stride_units_format_duration (value);
    case FIELD_PACE:
    case N_FIELDS:
    default:
      return stride_units_format_pace (value, self->pace_units);
    }
}

static void
parse_target (StridePlanEntryDialog *self,
              Field                  field)
{
  Target *t = &self->targets[field];
  const char *text = row_text (t->row);
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;
  double value = 0.0;

  g_clear_pointer (&t->error, g_free);
  if (t->source != SOURCE_TYPED)
    return;

  t->value = 0.0;
  /* Unchanged text keeps the exact stored value, not its rounded display. */
  if (t->loaded_text != NULL && g_str_equal (text, t->loaded_text))
    {
      t->value = t->loaded_value;
      return;
    }

  switch (field)
    {
    case FIELD_DISTANCE:
      ok = stride_units_parse_distance (text, self->distance_units, &value, &error);
      break;
    case FIELD_DURATION:
      ok = stride_units_parse_duration (text, &value, &error);
      break;
    case FIELD_PACE:
    case N_FIELDS:
    default:
      ok = stride_run_parse_pace (text, self->pace_units, &value, &error);
      break;
    }

  if (ok)
    t->value = value;
  else
    t->error = g_strdup (error->message);
}

/* A calculated value says so in its title, which screen readers read too. */
static void
show_calculated (Target *t)
{
  g_autofree char *title = NULL;

  if (t->source == SOURCE_CALCULATED)
    /* Translators: the title of a form field whose value the app worked out,
     * e.g. "Target _Time (calculated)"; keep the underline of the first %s */
    title = g_strdup_printf (_("%s (calculated)"), t->title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (t->row), title != NULL ? title : t->title);
}

/* Fills in the target that follows from two typed ones, never the one the
 * user is typing in (@editing: they just emptied it, and a value showing
 * up there mid-edit would mix with what they type; saving still works it
 * out). A calculated value that no longer follows from anything goes. */
static void
solve_targets (StridePlanEntryDialog *self,
               Field                  editing)
{
  StridePlanKind kind = selected_kind (self);
  Target *t = self->targets;
  double values[N_FIELDS];
  Field missing = N_FIELDS;
  guint n_typed = 0;
  gboolean solved = FALSE;

  for (guint f = 0; f < N_FIELDS; f++)
    {
      parse_target (self, f);
      if (t[f].source == SOURCE_TYPED && field_applies (kind, f))
        n_typed++;
      else
        missing = f;
      values[f] = t[f].source == SOURCE_TYPED ? t[f].value : 0.0;
    }

  if (field_applies (kind, FIELD_PACE) && n_typed == 2 && missing != editing
      && stride_units_solve (&values[FIELD_DISTANCE], &values[FIELD_DURATION],
                             &values[FIELD_PACE]))
    {
      g_autofree char *text = format_target (self, missing, values[missing]);

      t[missing].source = SOURCE_CALCULATED;
      t[missing].value = values[missing];
      set_text_quietly (self, t[missing].row, text);
      solved = TRUE;
    }

  for (guint f = 0; f < N_FIELDS; f++)
    {
      if (t[f].source == SOURCE_CALCULATED && !(solved && f == missing))
        {
          t[f].source = SOURCE_EMPTY;
          t[f].value = 0.0;
          set_text_quietly (self, t[f].row, "");
        }
      show_calculated (&t[f]);
    }
}

/* The largest gap between a time and distance × pace that the rounding of
 * what was typed explains: pace to the second per km or mile, distance to
 * 0.01 km or mile, time to the second. */
static double
agreement_tolerance (StridePlanEntryDialog *self,
                     double                 distance_m,
                     double                 s_per_km)
{
  double distance_in_pace_units = stride_units_distance_to_display (distance_m, self->pace_units);
  double distance_unit_km = stride_units_distance_from_display (1.0, self->distance_units)
                            / STRIDE_METERS_PER_KM;

  return 0.5 + 0.5 * distance_in_pace_units + 0.005 * distance_unit_km * s_per_km + 1e-6;
}

/* The three targets together; the message goes to @bad_field's row. */
static char *
check_combination (StridePlanEntryDialog *self,
                   Field                  editing,
                   Field                 *bad_field)
{
  StridePlanKind kind = selected_kind (self);
  Target *t = self->targets;
  double distance = t[FIELD_DISTANCE].value;
  double duration = t[FIELD_DURATION].value;
  double pace = t[FIELD_PACE].value;
  g_autoptr(GError) error = NULL;
  gboolean all_typed = TRUE;

  if (!field_applies (kind, FIELD_PACE) || distance <= 0.0 || duration <= 0.0 || pace <= 0.0)
    return NULL;

  for (guint f = 0; f < N_FIELDS; f++)
    all_typed = all_typed && t[f].source == SOURCE_TYPED;

  if (all_typed)
    {
      double expected = stride_units_duration_from (distance, pace);

      if (fabs (expected - duration) > agreement_tolerance (self, distance, pace))
        {
          g_autofree char *distance_text = format_target (self, FIELD_DISTANCE, distance);
          g_autofree char *pace_text = format_target (self, FIELD_PACE, pace);
          g_autofree char *expected_text = format_target (self, FIELD_DURATION, expected);

          /* The field the user just changed is the one that disagrees. */
          *bad_field = editing < N_FIELDS ? editing : FIELD_DURATION;
          return g_strdup_printf (/* Translators: "10.0 km at 5:00 /km takes 50:00, …" */
                                  _("Distance, time and pace don’t agree: %s at %s takes %s. "
                                    "Clear one of them and it follows from the other two."),
                                  distance_text, pace_text, expected_text);
        }
    }

  if (duration > STRIDE_UNITS_MAX_DURATION_S)
    {
      *bad_field = FIELD_DURATION;
      return g_strdup (_("A time over 72 hours is not plausible — check distance and pace"));
    }
  if (distance > STRIDE_UNITS_MAX_DISTANCE_M)
    {
      *bad_field = FIELD_DISTANCE;
      return g_strdup (_("A distance over 1000 km is not plausible — check time and pace"));
    }
  if (!stride_run_check_pace (distance, pace, self->pace_units, &error))
    {
      *bad_field = FIELD_PACE;
      return g_strdup (error->message);
    }

  return NULL;
}

/* Validation, as the user types: a wrong row turns red, says why in its
 * tooltip and to screen readers, and the group lists every message. */

static gboolean
mark_row (GtkWidget  *row,
          const char *message,
          GString    *messages)
{
  stride_form_set_error_style (row, message != NULL);
  gtk_widget_set_tooltip_text (row, message);

  if (message == NULL)
    {
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return TRUE;
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
  if (messages->len > 0)
    g_string_append_c (messages, '\n');
  g_string_append (messages, message);
  return FALSE;
}

static void
validate (StridePlanEntryDialog *self,
          Field                  editing)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  StridePlanKind kind = selected_kind (self);
  Field bad_field = N_FIELDS;
  g_autofree char *combination = check_combination (self, editing, &bad_field);
  gboolean ok = TRUE;

  /* A hidden target is not saved, so what it holds does not matter. */
  for (guint f = 0; f < N_FIELDS; f++)
    {
      Target *t = &self->targets[f];
      const char *message = NULL;

      if (field_applies (kind, f))
        message = t->error != NULL ? t->error : f == bad_field ? combination : NULL;
      ok = mark_row (GTK_WIDGET (t->row), message, messages) && ok;
    }

  gtk_label_set_text (self->targets_error_label, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->targets_error_label), messages->len > 0);

  self->valid = ok && !self->load_failed;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan-entry-dialog.save", self->valid);
}

static void
quantity_changed_cb (StridePlanEntryDialog *self,
                     AdwEntryRow           *row)
{
  Field editing = N_FIELDS;

  if (self->updating)
    return;

  for (guint f = 0; f < N_FIELDS; f++)
    {
      Target *t = &self->targets[f];

      if (t->row == row)
        {
          t->source = is_blank (row_text (row)) ? SOURCE_EMPTY : SOURCE_TYPED;
          t->value = 0.0;
          editing = f;
        }
    }

  solve_targets (self, editing);
  validate (self, editing);
}

/* The form follows the kind of session. */
static void
show_kind (StridePlanEntryDialog *self)
{
  StridePlanKind kind = selected_kind (self);
  const char *targets_hint = NULL;
  const char *description_hint = NULL;

  for (guint f = 0; f < N_FIELDS; f++)
    gtk_widget_set_visible (GTK_WIDGET (self->targets[f].row), field_applies (kind, f));
  gtk_widget_set_visible (GTK_WIDGET (self->run_type_row), kind == STRIDE_PLAN_KIND_RUN);
  gtk_widget_set_visible (GTK_WIDGET (self->targets_group), kind != STRIDE_PLAN_KIND_REST);

  switch (kind)
    {
    case STRIDE_PLAN_KIND_RUN:
    case STRIDE_PLAN_KIND_RACE:
      targets_hint = _("All optional. Give any two of distance, time and pace and the third "
                       "follows.");
      description_hint = kind == STRIDE_PLAN_KIND_RUN
                         ? _("For example the workout: 6 × 800 m at 5 km pace")
                         : _("For example the race’s name");
      break;
    case STRIDE_PLAN_KIND_STRENGTH:
      description_hint = _("For example the exercises: squat 3 × 5, Nordic curl 3 × 6");
      break;
    case STRIDE_PLAN_KIND_CROSS:
      description_hint = _("For example cycling, swimming or a class");
      break;
    case STRIDE_PLAN_KIND_REST:
    case STRIDE_N_PLAN_KINDS:
    default:
      break;
    }

  adw_preferences_group_set_description (self->targets_group, targets_hint);
  adw_preferences_group_set_description (self->description_group, description_hint);
}

static void
kind_changed_cb (StridePlanEntryDialog *self)
{
  if (self->updating)
    return;

  show_kind (self);
  solve_targets (self, N_FIELDS);
  validate (self, N_FIELDS);
}

/* Saving */

static void
show_save_error (StridePlanEntryDialog *self,
                 const char            *message)
{
  stride_form_show_save_error (self->save_error_box, self->save_error_label, message);
}

static StrideRunType
selected_run_type (StridePlanEntryDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->run_type_row);

  if (selected >= self->n_run_types)
    return STRIDE_RUN_TYPE_EASY;

  return self->run_types[selected];
}

/* The entry as the form says, on top of what was loaded (status and
 * linked activity stay). Strings are borrowed, but for @description: the
 * trimmed text, which the caller frees (NULL when there is none). */
static void
fill_entry (StridePlanEntryDialog  *self,
            StridePlanEntry        *entry,
            char                  **description)
{
  StridePlanKind kind = selected_kind (self);
  guint slot = adw_combo_row_get_selected (self->slot_row);
  double values[N_FIELDS];

  *description = g_strstrip (g_strdup (row_text (self->description_row)));
  if (**description == '\0')
    g_clear_pointer (description, g_free);

  for (guint f = 0; f < N_FIELDS; f++)
    values[f] = field_applies (kind, f) ? self->targets[f].value : 0.0;
  /* Two targets give the third, also when its row was just emptied. */
  if (field_applies (kind, FIELD_PACE))
    stride_units_solve (&values[FIELD_DISTANCE], &values[FIELD_DURATION], &values[FIELD_PACE]);

  *entry = self->entry;
  entry->date = self->date;
  entry->slot = slot < STRIDE_N_SLOTS ? (StrideSlot) slot : STRIDE_SLOT_MORNING;
  entry->kind = kind;
  if (kind == STRIDE_PLAN_KIND_RUN)
    entry->run_type = selected_run_type (self);
  else if (kind == STRIDE_PLAN_KIND_RACE)
    entry->run_type = STRIDE_RUN_TYPE_RACE;
  else
    entry->run_type = STRIDE_RUN_TYPE_NONE;
  entry->target_distance_m = values[FIELD_DISTANCE];
  entry->target_duration_s = values[FIELD_DURATION];
  entry->target_pace_s_per_km = values[FIELD_PACE];
  entry->description = *description;

  /* A skipped session moved to today or later can still be done: it is
   * planned again. Any other status stays (a moved entry stays "moved", a
   * done one keeps its activity), and so does the link. */
  if (entry->status == STRIDE_PLAN_STATUS_SKIPPED && entry->date >= stride_today_julian ())
    entry->status = STRIDE_PLAN_STATUS_PLANNED;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StridePlanEntryDialog *self = STRIDE_PLAN_ENTRY_DIALOG (widget);
  g_autoptr(StridePlanEntryDialog) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  StridePlanEntry entry;
  gboolean ok;

  if (!self->valid)
    return;

  fill_entry (self, &entry, &description);

  if (entry.id == 0)
    ok = stride_store_add_plan_entry (self->store, &entry, &error);
  else
    ok = stride_store_update_plan_entry (self->store, &entry, &error);
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The plan entry was not saved: %s"),
                                                  error->message);

      show_save_error (self, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, entry.id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StridePlanEntryDialog *self = STRIDE_PLAN_ENTRY_DIALOG (widget);
  g_autoptr(StridePlanEntryDialog) hold = g_object_ref (self);

  if (self->entry.id == 0)
    return;

  g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->entry.id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
last_entry_activated_cb (StridePlanEntryDialog *self)
{
  if (self->valid)
    gtk_widget_activate_action (GTK_WIDGET (self), "plan-entry-dialog.save", NULL);
}

/* Loading */

static void
load_run_types (StridePlanEntryDialog *self,
                StrideRunType          current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  self->n_run_types = 0;
  for (guint i = 0; i < G_N_ELEMENTS (planned_run_types); i++)
    self->run_types[self->n_run_types++] = planned_run_types[i];
  /* A run planned elsewhere (an imported calendar) may have no type or
   * "race"; offer that only to it, so saving keeps it. */
  if (current == STRIDE_RUN_TYPE_NONE || current == STRIDE_RUN_TYPE_RACE)
    self->run_types[self->n_run_types++] = current;

  for (guint i = 0; i < self->n_run_types; i++)
    {
      gtk_string_list_append (labels, self->run_types[i] == STRIDE_RUN_TYPE_NONE
                                      ? _("Not Set")
                                      : stride_label_for_run_type (self->run_types[i]));
      if (self->run_types[i] == current)
        selected = i;
    }

  adw_combo_row_set_model (self->run_type_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->run_type_row, selected);
}

static void
load_target (StridePlanEntryDialog *self,
             Field                  field,
             double                 value)
{
  Target *t = &self->targets[field];

  if (!(value > 0.0) || !isfinite (value))
    return;

  t->loaded_text = format_target (self, field, value);
  t->loaded_value = value;
  t->source = SOURCE_TYPED;
  set_text_quietly (self, t->row, t->loaded_text);
}

/* Which targets were typed is not stored. When all three agree, the time
 * is taken as the calculated one, so changing the distance or the pace
 * changes it; when they don't, all three stay and the form says so. */
static void
load_targets (StridePlanEntryDialog *self)
{
  Target *t = self->targets;
  double distance = self->entry.target_distance_m;
  double duration = self->entry.target_duration_s;
  double pace = self->entry.target_pace_s_per_km;

  load_target (self, FIELD_DISTANCE, distance);
  load_target (self, FIELD_DURATION, duration);
  load_target (self, FIELD_PACE, pace);

  if (field_applies (self->entry.kind, FIELD_PACE)
      && t[FIELD_DISTANCE].source == SOURCE_TYPED && t[FIELD_DURATION].source == SOURCE_TYPED
      && t[FIELD_PACE].source == SOURCE_TYPED
      && fabs (stride_units_duration_from (distance, pace) - duration)
         <= agreement_tolerance (self, distance, pace))
    t[FIELD_DURATION].source = SOURCE_CALCULATED;
}

static void
load_new_entry (StridePlanEntryDialog *self,
                guint32                date)
{
  set_date (self, date != 0 ? date : stride_today_julian ());
  load_run_types (self, STRIDE_RUN_TYPE_EASY);
  show_kind (self);
}

static void
load_entry (StridePlanEntryDialog *self,
            gint64                 id)
{
  g_autoptr(GError) error = NULL;

  if (!stride_store_get_plan_entry (self->store, id, &self->entry, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The plan entry can’t be opened: %s"),
                                                  error->message);

      memset (&self->entry, 0, sizeof self->entry);
      self->load_failed = TRUE;
      show_save_error (self, message);
      load_new_entry (self, 0);
      return;
    }

  set_date (self, self->entry.date);
  if (self->entry.slot < STRIDE_N_SLOTS)
    adw_combo_row_set_selected (self->slot_row, self->entry.slot);
  self->updating = TRUE;
  if (self->entry.kind < STRIDE_N_PLAN_KINDS)
    adw_combo_row_set_selected (self->kind_row, self->entry.kind);
  self->updating = FALSE;
  load_run_types (self, self->entry.kind == STRIDE_PLAN_KIND_RUN
                        ? self->entry.run_type : STRIDE_RUN_TYPE_EASY);
  load_targets (self);
  set_text_quietly (self, self->description_row,
                    self->entry.description != NULL ? self->entry.description : "");
  show_kind (self);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Plan Entry"));
  gtk_widget_set_visible (self->delete_button, TRUE);
}

/* GObject */

static void
stride_plan_entry_dialog_dispose (GObject *object)
{
  StridePlanEntryDialog *self = STRIDE_PLAN_ENTRY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_PLAN_ENTRY_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stride_plan_entry_dialog_parent_class)->dispose (object);
}

static void
stride_plan_entry_dialog_finalize (GObject *object)
{
  StridePlanEntryDialog *self = STRIDE_PLAN_ENTRY_DIALOG (object);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_free (self->targets[f].title);
      g_free (self->targets[f].error);
      g_free (self->targets[f].loaded_text);
    }
  stride_plan_entry_clear (&self->entry);

  G_OBJECT_CLASS (stride_plan_entry_dialog_parent_class)->finalize (object);
}

static void
stride_plan_entry_dialog_class_init (StridePlanEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_plan_entry_dialog_dispose;
  object_class->finalize = stride_plan_entry_dialog_finalize;

  /**
   * StridePlanEntryDialog::saved:
   * @id: the id of the plan entry
   *
   * The entry was written to the journal; the dialog closes next.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * StridePlanEntryDialog::delete-requested:
   * @id: the id of the plan entry
   *
   * The user asked to delete the entry; the dialog closes next.
   */
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-plan-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, description_group);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, distance_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, pace_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, run_type_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, save_error_box);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, slot_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, targets_error_label);
  gtk_widget_class_bind_template_child (widget_class, StridePlanEntryDialog, targets_group);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, last_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, quantity_changed_cb);

  gtk_widget_class_install_action (widget_class, "plan-entry-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "plan-entry-dialog.delete", NULL,
                                   delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "plan-entry-dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "plan-entry-dialog.save", NULL);
}

static void
stride_plan_entry_dialog_init (StridePlanEntryDialog *self)
{
  /* The kind row's handler runs while the template is built: ignore it
   * until every row is bound. */
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  self->settings = g_settings_new (APP_ID);
  self->distance_units = stride_form_get_units (self->settings, "unit-system", "imperial");
  self->pace_units = stride_form_get_units (self->settings, "pace-unit", "per-mile");

  self->targets[FIELD_DISTANCE].row = self->distance_row;
  self->targets[FIELD_DURATION].row = self->duration_row;
  self->targets[FIELD_PACE].row = self->pace_row;
  for (guint f = 0; f < N_FIELDS; f++)
    self->targets[f].title =
      g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->targets[f].row)));
}

StridePlanEntryDialog *
stride_plan_entry_dialog_new (GtkWindow   *parent,
                              StrideStore *store,
                              gint64       entry_id,
                              guint32      date)
{
  StridePlanEntryDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);

  self = g_object_new (STRIDE_TYPE_PLAN_ENTRY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (entry_id != 0)
    load_entry (self, entry_id);
  else
    {
      load_new_entry (self, date);
      gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
    }

  solve_targets (self, N_FIELDS);
  validate (self, N_FIELDS);
  return self;
}
