/* stride-plan-generator-dialog.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-plan-generator-dialog"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "stride-balance.h"
#include "stride-form.h"
#include "stride-labels.h"
#include "stride-planner.h"
#include "stride-plan-generator-dialog-private.h"
#include "stride-race.h"
#include "stride-risk-settings.h"

/* Recent results that predict the race time (RISK-RULES.md §1). */
#define PREDICTION_WINDOW_DAYS 180
/* The current weekly distance is the mean of this many full weeks. */
#define WEEKS_FOR_MEAN         4
#define LONGEST_RUN_DAYS       30
/* A new race is offered this far out: long enough for every phase. */
#define DEFAULT_RACE_DAYS      84
/* Typing pauses this long before the preview follows. */
#define PREVIEW_DELAY_MS       250

/* The distance presets of a new race, in the order of the combo row; the
 * last item is a distance the user types. */
static const double preset_distances_m[] = { 5000.0, 10000.0, 21097.5, 42195.0 };
#define DISTANCE_CUSTOM G_N_ELEMENTS (preset_distances_m)

typedef enum
{
  IMBALANCE_HAMSTRINGS,
  IMBALANCE_SIDE,
  IMBALANCE_HIP_ABDUCTORS,
  N_IMBALANCES
} Imbalance;

/* What the form says, once every field parsed. */
typedef struct
{
  gboolean     new_race;
  guint32      race_date;
  double       race_m;
  double       goal_s;
  double       weekly_m;
  guint        run_days;
  GDateWeekday long_run_weekday;
} Inputs;

struct _StridePlanGeneratorDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkCalendar          *calendar;
  AdwEntryRow          *custom_distance_row;
  GtkMenuButton        *date_button;
  AdwActionRow         *date_row;
  AdwComboRow          *distance_row;
  AdwEntryRow          *goal_row;
  AdwPreferencesGroup  *imbalance_group;
  AdwComboRow          *long_day_row;
  GtkLabel             *longest_label;
  AdwEntryRow          *name_row;
  AdwPreferencesGroup  *notes_group;
  AdwActionRow         *prediction_row;
  GtkLabel             *preview_error_label;
  AdwPreferencesGroup  *preview_group;
  GtkLabel             *race_error_label;
  GtkLabel             *race_note_label;
  AdwComboRow          *race_row;
  GtkSpinButton        *run_days_spin;
  GtkWidget            *save_error_box;
  GtkLabel             *save_error_label;
  AdwEntryRow          *weekly_row;
  GtkLabel             *you_error_label;

  /* Owned references */
  StrideStore          *store;
  GSettings            *settings;
  GArray               *races;            /* StrideRace, upcoming */
  GArray               *results;          /* StrideRaceResult, recent races */
  StridePlanResult     *result;           /* the preview */
  GArray               *existing;         /* StridePlanEntry: the user's, in its range */
  GPtrArray            *preview_rows;     /* GtkWidget, in preview_group */
  GPtrArray            *note_rows;        /* GtkWidget, in notes_group */

  /* State */
  GtkSwitch            *imbalance_switches[N_IMBALANCES];
  StrideSide            weaker_side;
  Inputs                inputs;
  guint32               today;
  guint32               date;             /* of a new race */
  double                longest_m;        /* 0 = no run in the last 30 days */
  StrideUnitSystem      distance_units;
  StrideUnitSystem      pace_units;
  guint                 preview_source;
  guint                 updating : 1;
  guint                 valid : 1;
};

G_DEFINE_FINAL_TYPE (StridePlanGeneratorDialog, stride_plan_generator_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void schedule_preview (StridePlanGeneratorDialog *self);

/* Helpers */

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

static gint64
local_midnight_utc (guint32 julian)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (date),
                                                         g_date_get_month (date),
                                                         g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

/* The local day an activity starts on, as the journal counts it
 * (stride-store-private.h: 719163 is 1970-01-01). */
static guint32
run_julian (const StrideRunSummary *run)
{
  gint64 local = run->start_utc + run->tz_offset_s;
  gint64 days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);

  return (guint32) (719163 + days);
}

static char *
format_short_day (guint32 julian)
{
  /* Translators: a date in the plan preview, see strftime(3), e.g. "Tue 6 Oct" */
  return stride_form_format_day (julian, _("%a %-d %b"));
}

static char *
format_test_day (guint32 julian)
{
  /* Translators: the date of a test or race result, see strftime(3), e.g. "4 Oct" */
  return stride_form_format_day (julian, _("%-d %b"));
}

static GtkWidget *
new_text_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* Validation marks, as in the entry dialogs: a wrong row turns red, says
 * why in its tooltip and to screen readers, and its group lists every
 * message. */
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
show_messages (GtkLabel *label,
               GString  *messages)
{
  gtk_label_set_text (label, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (label), messages->len > 0);
}

/* The race */

static const StrideRace *
selected_race (StridePlanGeneratorDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->race_row);

  if (self->races == NULL || selected >= self->races->len)
    return NULL;

  return &g_array_index (self->races, StrideRace, selected);
}

static double
preset_distance (StridePlanGeneratorDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->distance_row);

  return selected < G_N_ELEMENTS (preset_distances_m) ? preset_distances_m[selected] : 0.0;
}

static char *
describe_race (StridePlanGeneratorDialog *self,
               const StrideRace          *race)
{
  g_autofree char *day = stride_form_format_field_day (race->date);
  g_autofree char *distance = stride_units_format_distance (race->distance_m,
                                                            self->distance_units);

  if (race->goal_time_s > 0)
    {
      g_autofree char *goal = stride_units_format_duration (race->goal_time_s);

      /* Translators: an upcoming race: date, distance and goal time */
      return g_strdup_printf (_("%s · %s · goal %s"), day, distance, goal);
    }

  /* Translators: an upcoming race: date and distance */
  return g_strdup_printf (_("%s · %s"), day, distance);
}

static void
show_date (StridePlanGeneratorDialog *self)
{
  g_autofree char *text = stride_form_format_field_day (self->date);
  /* Translators: what a screen reader says for the race date button */
  g_autofree char *spoken = g_strdup_printf (_("Race date: %s"), text);

  stride_form_show_date_button (self->date_button, text, spoken);
}

static void
day_selected_cb (StridePlanGeneratorDialog *self)
{
  self->date = stride_form_calendar_get_julian (self->calendar);
  show_date (self);
  stride_form_popdown (self->date_button);
  schedule_preview (self);
}

/* "Predicted 3:58:10 (VDOT 39.1, from 10 km on 4 Oct) — Riegel 3:55:02",
 * from the race-type runs of the last 180 days. */
static char *
format_prediction (StridePlanGeneratorDialog *self,
                   double                     target_m)
{
  g_autoptr(GError) error = NULL;
  StrideRacePrediction prediction;
  const StrideRaceResult *vdot_from;
  const StrideRaceResult *riegel_from;
  g_autofree char *vdot_time = NULL;
  g_autofree char *vdot_distance = NULL;
  g_autofree char *vdot_day = NULL;
  g_autofree char *riegel_time = NULL;
  g_autofree char *riegel = NULL;

  if (!(target_m > 0))
    return g_strdup (_("Choose a distance to see a prediction"));

  if (self->results->len == 0
      || !stride_race_predict_from_results ((StrideRaceResult *) self->results->data,
                                            self->results->len, self->today,
                                            PREDICTION_WINDOW_DAYS, target_m,
                                            &prediction, &error))
    return g_strdup (_("No race in the last 180 days to predict from: log a race or a "
                       "time trial as a run of type Race"));

  vdot_from = &g_array_index (self->results, StrideRaceResult, prediction.vdot_index);
  riegel_from = &g_array_index (self->results, StrideRaceResult, prediction.riegel_index);
  vdot_time = stride_units_format_duration (prediction.vdot_time_s);
  vdot_distance = stride_units_format_distance (vdot_from->distance_m, self->distance_units);
  vdot_day = format_test_day (vdot_from->date);
  riegel_time = stride_units_format_duration (prediction.riegel_time_s);

  if (prediction.riegel_index == prediction.vdot_index)
    riegel = g_strdup (riegel_time);
  else
    {
      g_autofree char *distance = stride_units_format_distance (riegel_from->distance_m,
                                                                self->distance_units);
      g_autofree char *day = format_test_day (riegel_from->date);

      /* Translators: a Riegel prediction and the result it came from:
       * "3:55:02 (from half marathon… 21.1 km on 1 Sep)" */
      riegel = g_strdup_printf (_("%s (from %s on %s)"), riegel_time, distance, day);
    }
  if (!prediction.riegel_in_range)
    {
      char *with_note = g_strdup_printf (/* Translators: a Riegel time outside the range
                                          * where the formula holds */
                                         _("%s, outside Riegel’s 1.5 km – marathon range"),
                                         riegel);

      g_free (riegel);
      riegel = with_note;
    }

  /* Translators: "Predicted 3:58:10 (VDOT 39.1, from 10 km on 4 Oct) — Riegel 3:55:02" */
  return g_strdup_printf (_("Predicted %s (VDOT %.1f, from %s on %s) — Riegel %s"),
                          vdot_time, prediction.vdot, vdot_distance, vdot_day, riegel);
}

static void
show_prediction (StridePlanGeneratorDialog *self,
                 double                     race_m,
                 double                     goal_s)
{
  g_autofree char *prediction = format_prediction (self, race_m);
  g_autofree char *title = NULL;

  if (goal_s > 0)
    {
      g_autofree char *goal = stride_units_format_duration (goal_s);

      /* Translators: the goal time, shown above the predicted time */
      title = g_strdup_printf (_("Goal %s"), goal);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->prediction_row),
                                 title != NULL ? title : _("Predicted Time"));
  adw_action_row_set_subtitle (self->prediction_row, prediction);
}

/* Reading the form */

static gboolean
read_race (StridePlanGeneratorDialog *self,
           Inputs                    *in)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  const StrideRace *race = selected_race (self);
  g_autofree char *date_error = NULL;
  g_autofree char *distance_error = NULL;
  g_autofree char *goal_error = NULL;
  GtkWidget *date_widget;
  gboolean custom;
  gboolean ok = TRUE;

  in->new_race = race == NULL;
  custom = in->new_race && adw_combo_row_get_selected (self->distance_row) == DISTANCE_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->name_row), in->new_race);
  gtk_widget_set_visible (GTK_WIDGET (self->date_row), in->new_race);
  gtk_widget_set_visible (GTK_WIDGET (self->distance_row), in->new_race);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_distance_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->goal_row), in->new_race);

  if (race != NULL)
    {
      g_autofree char *description = describe_race (self, race);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->race_row), description);
      in->race_date = race->date;
      in->race_m = race->distance_m;
      in->goal_s = race->goal_time_s;
    }
  else
    {
      const char *goal_text = row_text (self->goal_row);
      g_autoptr(GError) error = NULL;

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->race_row), NULL);
      in->race_date = self->date;
      in->race_m = preset_distance (self);
      in->goal_s = 0.0;

      if (custom)
        {
          const char *text = row_text (self->custom_distance_row);

          if (is_blank (text))
            distance_error = g_strdup (_("Type the race distance, for example 15 km"));
          else if (!stride_units_parse_distance (text, self->distance_units, &in->race_m,
                                                 &error))
            distance_error = g_strdup (error->message);
          else if (in->race_m < STRIDE_PLANNER_MIN_RACE_M
                   || in->race_m > STRIDE_PLANNER_MAX_RACE_M)
            distance_error = g_strdup (_("The race distance must be from 800 m to 100 km"));
          g_clear_error (&error);
        }

      if (!is_blank (goal_text)
          && !stride_units_parse_duration (goal_text, &in->goal_s, &error))
        goal_error = g_strdup (error->message);
    }

  /* The planner says the same; here the date row turns red at once. */
  if (in->race_date < self->today)
    date_error = g_strdup (_("The race date is in the past: choose a race still to come"));
  else if (in->race_date == self->today)
    date_error = g_strdup (_("The race is today: there is nothing left to plan"));
  else if (in->race_date - self->today > STRIDE_PLANNER_MAX_DAYS_AHEAD)
    date_error = g_strdup (_("The race is more than 52 weeks away: plan a nearer goal first"));

  /* A new race's date is on its own row; a race of the journal has it
   * on the race row. */
  date_widget = in->new_race ? GTK_WIDGET (self->date_row) : GTK_WIDGET (self->race_row);
  mark_row (in->new_race ? GTK_WIDGET (self->race_row) : GTK_WIDGET (self->date_row), NULL,
            messages);
  ok = mark_row (date_widget, date_error, messages) && ok;
  ok = mark_row (GTK_WIDGET (self->custom_distance_row), distance_error, messages) && ok;
  ok = mark_row (GTK_WIDGET (self->goal_row), goal_error, messages) && ok;
  show_messages (self->race_error_label, messages);

  show_prediction (self, distance_error == NULL ? in->race_m : 0.0,
                   goal_error == NULL ? in->goal_s : 0.0);
  return ok;
}

static gboolean
read_you (StridePlanGeneratorDialog *self,
          Inputs                    *in)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *weekly_error = NULL;
  const char *text = row_text (self->weekly_row);
  guint weekday = adw_combo_row_get_selected (self->long_day_row);

  in->weekly_m = 0.0;
  if (is_blank (text))
    weekly_error = g_strdup (_("Type how far you run in a week now, for example 30 km"));
  else if (!stride_units_parse_distance (text, self->distance_units, &in->weekly_m, &error))
    weekly_error = g_strdup (error->message);
  else if (in->weekly_m > STRIDE_PLANNER_MAX_WEEKLY_M)
    weekly_error = g_strdup (_("The current weekly distance must be more than 0 and at most "
                               "300 km"));

  in->run_days = (guint) gtk_spin_button_get_value_as_int (self->run_days_spin);
  in->long_run_weekday = weekday < 7 ? (GDateWeekday) (weekday + 1) : G_DATE_SUNDAY;

  mark_row (GTK_WIDGET (self->weekly_row), weekly_error, messages);
  show_messages (self->you_error_label, messages);
  return weekly_error == NULL;
}

/* The longest run the planner may build on: the journal's, or with no
 * run in the last 30 days a third of the weekly distance (what one run of
 * a three-run week would be), at least the planner's minimum. */
static double
longest_for_request (StridePlanGeneratorDialog *self,
                     double                     weekly_m)
{
  double longest = self->longest_m > 0 ? self->longest_m : weekly_m / 3.0;

  return CLAMP (longest, STRIDE_PLANNER_MIN_LONGEST_M, STRIDE_PLANNER_MAX_RUN_M);
}

static void
show_longest (StridePlanGeneratorDialog *self,
              double                     weekly_m)
{
  g_autofree char *text = NULL;

  if (self->longest_m > 0)
    text = stride_units_format_distance (self->longest_m, self->distance_units);
  else
    {
      g_autofree char *assumed = stride_units_format_distance (longest_for_request (self,
                                                                                    weekly_m),
                                                               self->distance_units);

      /* Translators: no run in the last 30 days; the plan assumes this longest run */
      text = g_strdup_printf (_("None — %s assumed"), assumed);
    }
  gtk_label_set_text (self->longest_label, text);
}

/* The preview */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static const char *
slot_label (StrideSlot slot)
{
  return slot == STRIDE_SLOT_EVENING ? _("Evening") : _("Morning");
}

static const char *
kind_label (const StridePlanEntry *entry)
{
  switch (entry->kind)
    {
    case STRIDE_PLAN_KIND_RUN:
      return stride_label_for_run_type (entry->run_type);
    case STRIDE_PLAN_KIND_STRENGTH:
      return _("Strength");
    case STRIDE_PLAN_KIND_REST:
      return _("Rest");
    case STRIDE_PLAN_KIND_RACE:
      return _("Race");
    case STRIDE_PLAN_KIND_CROSS:
    case STRIDE_N_PLAN_KINDS:
    default:
      return _("Cross-Training");
    }
}

static GtkWidget *
new_entry_row (StridePlanGeneratorDialog *self,
               const StridePlanEntry     *entry,
               gboolean                   users)
{
  GtkWidget *row;
  g_autofree char *day = format_short_day (entry->date);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *title = entry->description != NULL ? entry->description : kind_label (entry);

  /* Translators: a planned entry: its day and time of day, "Tue 6 Oct · Morning" */
  g_string_printf (subtitle, _("%s · %s"), day, slot_label (entry->slot));
  if (entry->target_distance_m > 0)
    {
      g_autofree char *distance = stride_units_format_distance (entry->target_distance_m,
                                                                self->distance_units);

      g_string_append_printf (subtitle, " · %s", distance);
      if (entry->target_pace_s_per_km > 0)
        {
          g_autofree char *pace = stride_units_format_pace (entry->target_pace_s_per_km,
                                                            self->pace_units);

          /* Translators: a target distance and pace, "8 km at 5:30 /km" */
          g_string_append_printf (subtitle, _(" at %s"), pace);
        }
    }
  else if (entry->target_duration_s > 0)
    {
      g_autofree char *duration = stride_units_format_duration (entry->target_duration_s);

      g_string_append_printf (subtitle, " · %s", duration);
    }
  /* Translators: said of an entry the user planned, which the plan keeps */
  if (users)
    g_string_append_printf (subtitle, " · %s", _("already in your plan"));

  row = new_text_row (title, subtitle->str);
  if (users)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static gboolean
in_week (const StridePlanEntry *entry,
         const StridePlanWeek  *week)
{
  return entry->date >= week->start && entry->date <= week->end;
}

static int
compare_day_slot (const StridePlanEntry *a,
                  const StridePlanEntry *b)
{
  if (a->date != b->date)
    return a->date < b->date ? -1 : 1;
  return (int) a->slot - (int) b->slot;
}

/* A week's entries are made when it is first expanded: a year's plan has
 * hundreds, and most weeks are never opened. */
static void
week_expanded_cb (AdwExpanderRow            *row,
                  GParamSpec                *pspec,
                  StridePlanGeneratorDialog *self)
{
  const StridePlanWeek *week;
  guint index;

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "filled"))
    return;
  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "week"));
  if (self->result == NULL || index >= self->result->weeks->len)
    return;

  /* The new entries and the user's, merged by day and slot (both lists
   * come in that order). */
  week = &g_array_index (self->result->weeks, StridePlanWeek, index);
  for (guint i = 0, j = 0; i < self->result->entries->len || j < self->existing->len;)
    {
      const StridePlanEntry *generated = i < self->result->entries->len
                                         ? &g_array_index (self->result->entries,
                                                           StridePlanEntry, i)
                                         : NULL;
      const StridePlanEntry *users = j < self->existing->len
                                     ? &g_array_index (self->existing, StridePlanEntry, j)
                                     : NULL;
      gboolean take_users = generated == NULL
                            || (users != NULL && compare_day_slot (users, generated) <= 0);
      const StridePlanEntry *entry = take_users ? users : generated;

      if (take_users)
        j++;
      else
        i++;
      if (in_week (entry, week))
        adw_expander_row_add_row (row, new_entry_row (self, entry, take_users));
    }
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));
}

/* What a week holds, the user's entries included: they are part of the
 * training the week asks for. */
typedef struct
{
  guint  n_entries;
  guint  n_users;
  double run_m;
  guint  n_strength;
} WeekTotals;

static void
add_to_totals (WeekTotals            *totals,
               const StridePlanEntry *entry,
               gboolean               users)
{
  totals->n_entries++;
  totals->n_users += users;
  if (users && entry->kind == STRIDE_PLAN_KIND_RUN)
    totals->run_m += entry->target_distance_m;
  if (users && entry->kind == STRIDE_PLAN_KIND_STRENGTH)
    totals->n_strength++;
}

static WeekTotals
week_totals (StridePlanGeneratorDialog *self,
             const StridePlanWeek      *week)
{
  WeekTotals totals = { 0, 0, week->planned_m, week->n_strength };

  for (guint i = 0; i < self->result->entries->len; i++)
    {
      const StridePlanEntry *entry = &g_array_index (self->result->entries, StridePlanEntry, i);

      if (in_week (entry, week))
        add_to_totals (&totals, entry, FALSE);
    }
  for (guint i = 0; i < self->existing->len; i++)
    {
      const StridePlanEntry *entry = &g_array_index (self->existing, StridePlanEntry, i);

      if (in_week (entry, week))
        add_to_totals (&totals, entry, TRUE);
    }

  return totals;
}

static GtkWidget *
new_week_row (StridePlanGeneratorDialog *self,
              guint                      index)
{
  const StridePlanWeek *week = &g_array_index (self->result->weeks, StridePlanWeek, index);
  WeekTotals totals = week_totals (self, week);
  g_autofree char *start = format_short_day (MAX (week->start, self->today + 1));
  g_autofree char *end = format_short_day (week->end);
  g_autofree char *distance = stride_units_format_distance (totals.run_m, self->distance_units);
  g_autofree char *title = NULL;
  g_autofree char *strength = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_expander_row_new ();

  /* Translators: a week of the plan preview and its phase, "Week 3 · Build" */
  title = g_strdup_printf (_("Week %u · %s"), index + 1, stride_plan_phase_to_label (week->phase));
  strength = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u strength session",
                                           "%u strength sessions", totals.n_strength),
                              totals.n_strength);
  /* Translators: a week's dates, run distance and strength sessions:
   * "Mon 5 Oct – Sun 11 Oct · 32 km running · 3 strength sessions" */
  subtitle = g_strdup_printf (_("%s – %s · %s running · %s"), start, end, distance, strength);
  if (totals.n_users > 0)
    {
      g_autofree char *users = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u of your entries",
                                                             "%u of your entries",
                                                             totals.n_users),
                                                totals.n_users);
      char *longer = g_strconcat (subtitle, " · ", users, NULL);

      g_free (subtitle);
      subtitle = longer;
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_sensitive (row, totals.n_entries > 0);
  g_object_set_data (G_OBJECT (row), "week", GUINT_TO_POINTER (index));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (week_expanded_cb), self, 0);

  return row;
}

static void
show_preview (StridePlanGeneratorDialog *self)
{
  const StridePlanResult *result = self->result;
  gboolean short_plan = self->inputs.race_date - self->today < STRIDE_PLANNER_TAPER_DAYS;
  double total_m = 0.0;
  guint n_strength = 0;
  g_autofree char *total = NULL;
  g_autofree char *weeks = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *strength = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);

  clear_rows (self->preview_group, self->preview_rows);
  clear_rows (self->notes_group, self->note_rows);

  for (guint i = 0; i < result->weeks->len; i++)
    {
      const StridePlanWeek *week = &g_array_index (result->weeks, StridePlanWeek, i);
      GtkWidget *row = new_week_row (self, i);

      total_m += week->planned_m;
      n_strength += week->n_strength;
      adw_preferences_group_add (self->preview_group, row);
      g_ptr_array_add (self->preview_rows, row);
    }

  total = stride_units_format_distance (total_m, self->distance_units);
  weeks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks",
                                        result->weeks->len), result->weeks->len);
  entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new entry", "%u new entries",
                                          result->entries->len), result->entries->len);
  strength = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u strength session",
                                           "%u strength sessions", n_strength), n_strength);
  /* Translators: what the plan adds: "10 weeks, 52 new entries: 312 km of running,
   * 24 strength sessions." */
  g_string_printf (summary, _("%s, %s: %s of running, %s."), weeks, entries, total, strength);
  if (self->existing->len > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE,
                                                    "Your %u entry in these weeks stays as it is.",
                                                    "Your %u entries in these weeks stay as they "
                                                    "are.",
                                                    self->existing->len),
                              self->existing->len);
    }
  adw_preferences_group_set_description (self->preview_group, summary->str);

  for (guint i = 0; i < result->notes->len; i++)
    {
      GtkWidget *row = new_text_row (g_ptr_array_index (result->notes, i), NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Note"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->notes_group, row);
      g_ptr_array_add (self->note_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), result->notes->len > 0);

  /* Less than the taper away: the planner's first note says what it
   * could and could not plan; say it by the race too. */
  gtk_label_set_text (self->race_note_label,
                      short_plan && result->notes->len > 0
                      ? g_ptr_array_index (result->notes, 0) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->race_note_label),
                          short_plan && result->notes->len > 0);
}

static void
show_no_preview (StridePlanGeneratorDialog *self,
                 const char                *message)
{
  clear_rows (self->preview_group, self->preview_rows);
  clear_rows (self->notes_group, self->note_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->race_note_label), FALSE);
  adw_preferences_group_set_description (self->preview_group,
                                         _("The plan shows here once every field above is "
                                           "filled in correctly."));
  gtk_label_set_text (self->preview_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_error_label), message != NULL);
}

static void
update_apply (StridePlanGeneratorDialog *self)
{
  gboolean can_apply = self->valid && self->result != NULL && self->preview_source == 0
                       && !stride_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan-generator-dialog.apply", can_apply);
}

static GArray *
existing_entries (StridePlanGeneratorDialog  *self,
                  guint32                     race_date,
                  GError                    **error)
{
  return stride_store_list_plan_entries (self->store, self->today + 1, race_date, error);
}

static void
generate (StridePlanGeneratorDialog *self)
{
  g_autoptr(GError) error = NULL;
  StrideRiskThresholds thresholds;
  StridePlanRequest request;

  g_clear_pointer (&self->result, stride_plan_result_free);
  if (!self->valid)
    return;

  g_clear_pointer (&self->existing, g_array_unref);
  self->existing = existing_entries (self, self->inputs.race_date, &error);
  if (self->existing == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your plan can’t be read: %s"),
                                                  error->message);

      show_no_preview (self, message);
      return;
    }

  stride_risk_settings_read (self->settings, &thresholds);
  stride_plan_request_init (&request);
  request.today = self->today;
  request.race_date = self->inputs.race_date;
  request.race_distance_m = self->inputs.race_m;
  request.goal_time_s = self->inputs.goal_s;
  request.weekly_distance_m = self->inputs.weekly_m;
  request.run_days = self->inputs.run_days;
  request.longest_run_m = longest_for_request (self, self->inputs.weekly_m);
  request.long_run_weekday = self->inputs.long_run_weekday;
  request.weak_hamstrings =
    self->imbalance_switches[IMBALANCE_HAMSTRINGS] != NULL
    && gtk_switch_get_active (self->imbalance_switches[IMBALANCE_HAMSTRINGS]);
  request.weaker_side =
    self->imbalance_switches[IMBALANCE_SIDE] != NULL
    && gtk_switch_get_active (self->imbalance_switches[IMBALANCE_SIDE])
    ? self->weaker_side : STRIDE_SIDE_BOTH;
  request.weak_hip_abductors =
    self->imbalance_switches[IMBALANCE_HIP_ABDUCTORS] != NULL
    && gtk_switch_get_active (self->imbalance_switches[IMBALANCE_HIP_ABDUCTORS]);
  request.thresholds = &thresholds;
  request.existing = self->existing;

  self->result = stride_plan_generate (&request, &error);
  if (self->result == NULL)
    {
      show_no_preview (self, error->message);
      return;
    }

  show_preview (self);
}

static gboolean
preview_timeout_cb (gpointer data)
{
  StridePlanGeneratorDialog *self = data;

  self->preview_source = 0;
  generate (self);
  update_apply (self);
  return G_SOURCE_REMOVE;
}

/* Reads the form at once (marks show as the user types) and updates the
 * preview after a short pause. Until then "Add to Plan" is off, so what
 * is written is always what is shown. */
static void
schedule_preview (StridePlanGeneratorDialog *self)
{
  Inputs in = { 0 };
  gboolean race_ok;
  gboolean you_ok;

  if (self->updating)
    return;

  race_ok = read_race (self, &in);
  you_ok = read_you (self, &in);
  show_longest (self, in.weekly_m);
  self->inputs = in;
  self->valid = race_ok && you_ok;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->valid)
    self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
  else
    {
      g_clear_pointer (&self->result, stride_plan_result_free);
      show_no_preview (self, NULL);
    }
  update_apply (self);
}

static void
input_changed_cb (StridePlanGeneratorDialog *self)
{
  schedule_preview (self);
}

static void
race_changed_cb (StridePlanGeneratorDialog *self)
{
  schedule_preview (self);
}

/* Adding to the plan */

static gboolean
write_plan (StridePlanGeneratorDialog  *self,
            guint                      *n_written,
            GError                    **error)
{
  *n_written = 0;
  if (!stride_store_begin (self->store, error))
    return FALSE;

  if (self->inputs.new_race)
    {
      g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
      StrideRace race = { 0 };

      if (*name == '\0')
        {
          g_autofree char *distance = stride_units_format_distance (self->inputs.race_m,
                                                                    self->distance_units);

          g_free (name);
          /* Translators: the name of a race the user did not name, "10 km race" */
          name = g_strdup_printf (_("%s race"), distance);
        }
      race.date = self->inputs.race_date;
      race.name = name;
      race.distance_m = self->inputs.race_m;
      race.goal_time_s = self->inputs.goal_s;
      if (!stride_store_add_race (self->store, &race, error))
        {
          stride_store_rollback (self->store);
          return FALSE;
        }
    }

  for (guint i = 0; i < self->result->entries->len; i++)
    {
      StridePlanEntry entry = g_array_index (self->result->entries, StridePlanEntry, i);

      entry.id = 0;
      if (!stride_store_add_plan_entry (self->store, &entry, error))
        {
          stride_store_rollback (self->store);
          return FALSE;
        }
    }

  if (!stride_store_commit (self->store, error))
    {
      stride_store_rollback (self->store);
      return FALSE;
    }

  *n_written = self->result->entries->len;
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StridePlanGeneratorDialog *self = STRIDE_PLAN_GENERATOR_DIALOG (widget);
  g_autoptr(StridePlanGeneratorDialog) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  guint32 first_day = self->today + 1;
  guint n_written;

  if (!self->valid || self->result == NULL || self->preview_source != 0)
    return;

  if (!write_plan (self, &n_written, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The plan was not added, nothing was "
                                                    "written: %s"),
                                                  error->message);

      stride_form_show_save_error (self->save_error_box, self->save_error_label, message);
      return;
    }

  if (self->result->entries->len > 0)
    first_day = g_array_index (self->result->entries, StridePlanEntry, 0).date;
  g_signal_emit (self, signals[APPLIED], 0, n_written, first_day);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Loading from the journal */

static void
load_races (StridePlanGeneratorDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  self->races = stride_store_list_upcoming_races (self->store, self->today, &error);
  if (self->races == NULL)
    {
      g_warning ("Upcoming races can’t be read: %s", error->message);
      self->races = g_array_new (FALSE, TRUE, sizeof (StrideRace));
    }

  for (guint i = 0; i < self->races->len; i++)
    {
      const StrideRace *race = &g_array_index (self->races, StrideRace, i);

      gtk_string_list_append (labels, race->name);
    }
  gtk_string_list_append (labels, _("New Race…"));
  adw_combo_row_set_model (self->race_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->race_row, 0);
}

/* The race-type runs of the prediction window. Best efforts inside
 * longer runs are not in the journal, so races and time trials logged as
 * type Race are what predicts. */
static void
load_results (StridePlanGeneratorDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) runs = NULL;

  self->results = g_array_new (FALSE, TRUE, sizeof (StrideRaceResult));
  runs = stride_store_list_runs (self->store,
                                 local_midnight_utc (self->today - PREDICTION_WINDOW_DAYS + 1),
                                 local_midnight_utc (self->today + 1), &error);
  if (runs == NULL)
    {
      g_warning ("Recent races can’t be read: %s", error->message);
      return;
    }

  for (guint i = 0; i < runs->len; i++)
    {
      const StrideRunSummary *run = &g_array_index (runs, StrideRunSummary, i);
      StrideRaceResult result;

      if (run->run_type != STRIDE_RUN_TYPE_RACE || !(run->distance_m > 0)
          || !(run->duration_s > 0))
        continue;
      result.distance_m = run->distance_m;
      result.time_s = run->duration_s;
      result.date = run_julian (run);
      g_array_append_val (self->results, result);
    }
}

/* The mean run distance of the last 4 full weeks (weeks as the user's
 * first weekday makes them; the current week is not full yet). */
static double
journal_weekly_distance (StridePlanGeneratorDialog *self)
{
  GDateWeekday first_weekday = stride_form_first_weekday (self->settings);
  guint32 this_week = stride_julian_week_start (self->today, first_weekday);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  double sum = 0.0;

  weeks = stride_store_list_weeks (self->store, this_week - 7 * WEEKS_FOR_MEAN, this_week - 1,
                                   first_weekday, &error);
  if (weeks == NULL)
    {
      g_warning ("Weekly distances can’t be read: %s", error->message);
      return 0.0;
    }

  for (guint i = 0; i < weeks->len; i++)
    sum += g_array_index (weeks, StrideVolume, i).run_distance_m;

  return weeks->len > 0 ? sum / weeks->len : 0.0;
}

static double
journal_longest_run (StridePlanGeneratorDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) runs = NULL;
  double longest = 0.0;

  runs = stride_store_list_runs (self->store,
                                 local_midnight_utc (self->today - LONGEST_RUN_DAYS + 1),
                                 local_midnight_utc (self->today + 1), &error);
  if (runs == NULL)
    {
      g_warning ("Recent runs can’t be read: %s", error->message);
      return 0.0;
    }

  for (guint i = 0; i < runs->len; i++)
    longest = MAX (longest, g_array_index (runs, StrideRunSummary, i).distance_m);

  return longest;
}

static void
load_you (StridePlanGeneratorDialog *self)
{
  g_autoptr(GtkStringList) weekdays = gtk_string_list_new (NULL);
  double weekly = journal_weekly_distance (self);

  /* 1 January 2024 was a Monday; GDateWeekday counts from Monday too. */
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (2024, 1, 1 + i, 12, 0, 0);
      g_autofree char *name = g_date_time_format (day, "%A");

      gtk_string_list_append (weekdays, name);
    }
  adw_combo_row_set_model (self->long_day_row, G_LIST_MODEL (weekdays));
  adw_combo_row_set_selected (self->long_day_row, G_DATE_SUNDAY - 1);

  if (weekly > 0)
    {
      g_autofree char *text = stride_units_format_distance (weekly, self->distance_units);

      gtk_editable_set_text (GTK_EDITABLE (self->weekly_row), text);
    }

  self->longest_m = journal_longest_run (self);
}

static gboolean
flagged (const StrideBalanceSummary *summary)
{
  return summary->state == STRIDE_BALANCE_WATCH || summary->state == STRIDE_BALANCE_IMBALANCE;
}

/* The most recent flagged line, an imbalance before a watch on the same
 * day. */
static gboolean
more_telling (const StrideBalanceSummary *summary,
              const StrideBalanceSummary *best)
{
  if (best == NULL || summary->latest_date != best->latest_date)
    return best == NULL || summary->latest_date > best->latest_date;

  return summary->state > best->state;
}

static const char *
state_label (StrideBalanceState state)
{
  return state == STRIDE_BALANCE_IMBALANCE ? _("imbalance") : _("to watch");
}

static char *
test_label (StridePlanGeneratorDialog *self,
            const char                *test)
{
  if (g_str_has_prefix (test, STRIDE_BALANCE_EXERCISE_PREFIX))
    {
      StrideExercise exercise = { 0 };
      char *name;

      if (!stride_store_find_exercise (self->store,
                                       test + strlen (STRIDE_BALANCE_EXERCISE_PREFIX),
                                       &exercise, NULL))
        return g_strdup (test + strlen (STRIDE_BALANCE_EXERCISE_PREFIX));
      name = g_strdup (_(exercise.name));
      stride_exercise_clear (&exercise);
      return name;
    }

  return g_strdup (stride_label_for_test (test));
}

static void
add_imbalance (StridePlanGeneratorDialog *self,
               Imbalance                  imbalance,
               const char                *title,
               const char                *reason)
{
  GtkWidget *row = new_text_row (title, reason);
  GtkWidget *toggle = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  stride_form_set_accessible_label (toggle, title);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (schedule_preview), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (self->imbalance_group, row);
  self->imbalance_switches[imbalance] = GTK_SWITCH (toggle);
}

static void
load_hamstrings (StridePlanGeneratorDialog *self,
                 GArray                    *summaries)
{
  const StrideBalanceSummary *best = NULL;
  g_autofree char *day = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *ratio = NULL;

  for (guint i = 0; i < summaries->len; i++)
    {
      const StrideBalanceSummary *s = &g_array_index (summaries, StrideBalanceSummary, i);

      if (flagged (s) && more_telling (s, best))
        best = s;
    }
  if (best == NULL)
    return;

  day = format_test_day (best->latest_date);
  ratio = g_strdup_printf ("%.2f", best->latest);
  /* Translators: why the plan adds hamstring work:
   * "H:Q 0.55, Left leg (Isokinetic, 60°/s), 4 Oct: imbalance" */
  reason = g_strdup_printf (best->mixed ? _("Mixed H:Q %s, %s (%s), %s: %s")
                                        : _("H:Q %s, %s (%s), %s: %s"),
                            ratio, stride_balance_leg_label (best->leg),
                            stride_label_for_method (best->method), day,
                            state_label (best->state));
  add_imbalance (self, IMBALANCE_HAMSTRINGS, _("Weak Hamstrings"), reason);
}

static void
load_lsi (StridePlanGeneratorDialog *self,
          GArray                    *summaries)
{
  const StrideBalanceSummary *side = NULL;
  const StrideBalanceSummary *hip = NULL;

  for (guint i = 0; i < summaries->len; i++)
    {
      const StrideBalanceSummary *s = &g_array_index (summaries, StrideBalanceSummary, i);

      if (!flagged (s) || s->leg == STRIDE_SIDE_BOTH)
        continue;
      /* Hip abduction has its own correctives; the other tests tell the
       * weaker side. */
      if (g_strcmp0 (s->key, STRIDE_TEST_HIP_ABDUCTION) == 0)
        {
          if (more_telling (s, hip))
            hip = s;
        }
      else if (more_telling (s, side))
        side = s;
    }

  for (guint i = 0; i < 2; i++)
    {
      const StrideBalanceSummary *s = i == 0 ? side : hip;
      g_autofree char *test = NULL;
      g_autofree char *day = NULL;
      g_autofree char *lsi = NULL;
      g_autofree char *reason = NULL;
      g_autofree char *title = NULL;

      if (s == NULL)
        continue;

      test = test_label (self, s->key);
      day = format_test_day (s->latest_date);
      lsi = g_strdup_printf ("%.0f", s->latest);
      /* Translators: why the plan adds single-leg or hip work:
       * "LSI 82 % on Single-leg hop (Field test), 4 Oct, Left leg weaker: imbalance" */
      reason = g_strdup_printf (_("LSI %s %% on %s (%s), %s, %s weaker: %s"), lsi, test,
                                stride_label_for_method (s->method), day,
                                stride_balance_leg_label (s->leg), state_label (s->state));
      if (s == hip)
        add_imbalance (self, IMBALANCE_HIP_ABDUCTORS, _("Weak Hip Abductors"), reason);
      else
        {
          /* Translators: the imbalance "Weaker Side: Left leg" */
          title = g_strdup_printf (_("Weaker Side: %s"), stride_balance_leg_label (s->leg));
          self->weaker_side = s->leg;
          add_imbalance (self, IMBALANCE_SIDE, title, reason);
        }
    }
}

static GArray *
read_side_values (StridePlanGeneratorDialog  *self,
                  GError                    **error)
{
  g_autoptr(GArray) all = stride_store_list_measurements (self->store, 0, 0, error);
  g_autoptr(GArray) from_sets = NULL;

  if (all == NULL)
    return NULL;
  from_sets = stride_store_list_side_values (self->store, 0, 0, error);
  if (from_sets == NULL)
    return NULL;

  /* The records move over; their strings now belong to @all. */
  g_array_append_vals (all, from_sets->data, from_sets->len);
  g_array_set_clear_func (from_sets, NULL);

  return g_steal_pointer (&all);
}

static void
load_imbalances (StridePlanGeneratorDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) values = read_side_values (self, &error);
  g_autoptr(GArray) hq_series = NULL;
  g_autoptr(GArray) hq = NULL;
  g_autoptr(GArray) lsi_series = NULL;
  g_autoptr(GArray) lsi = NULL;
  gboolean any = FALSE;

  if (values == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your strength tests can’t be read: %s"),
                                                  error->message);

      adw_preferences_group_set_description (self->imbalance_group, message);
      return;
    }

  hq_series = stride_balance_hq_series ((StrideMeasurement *) values->data, values->len);
  hq = stride_balance_hq_summaries (hq_series);
  lsi_series = stride_balance_lsi_series ((StrideMeasurement *) values->data, values->len);
  lsi = stride_balance_lsi_summaries (lsi_series);
  load_hamstrings (self, hq);
  load_lsi (self, lsi);

  for (guint i = 0; i < N_IMBALANCES; i++)
    any = any || self->imbalance_switches[i] != NULL;
  adw_preferences_group_set_description (self->imbalance_group,
                                         any
                                         ? _("From your latest strength tests. Each adds "
                                             "corrective exercises to the strength sessions; "
                                             "turn off what no longer applies.")
                                         : _("None in your latest strength tests: the strength "
                                             "sessions keep to compound and explosive lifts."));
}

/* GObject */

static void
stride_plan_generator_dialog_dispose (GObject *object)
{
  StridePlanGeneratorDialog *self = STRIDE_PLAN_GENERATOR_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_PLAN_GENERATOR_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stride_plan_generator_dialog_parent_class)->dispose (object);
}

static void
stride_plan_generator_dialog_finalize (GObject *object)
{
  StridePlanGeneratorDialog *self = STRIDE_PLAN_GENERATOR_DIALOG (object);

  g_clear_pointer (&self->races, g_array_unref);
  g_clear_pointer (&self->results, g_array_unref);
  g_clear_pointer (&self->result, stride_plan_result_free);
  g_clear_pointer (&self->existing, g_array_unref);
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (stride_plan_generator_dialog_parent_class)->finalize (object);
}

static void
stride_plan_generator_dialog_class_init (StridePlanGeneratorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_plan_generator_dialog_dispose;
  object_class->finalize = stride_plan_generator_dialog_finalize;

  /**
   * StridePlanGeneratorDialog::applied:
   * @n_entries_written: how many plan entries were written
   * @first_day: the Julian day of the first of them
   *
   * The plan was written to the journal; the dialog closes next.
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-plan-generator-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog,
                                        custom_distance_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, distance_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, goal_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, imbalance_group);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, long_day_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, longest_label);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, prediction_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog,
                                        preview_error_label);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, race_error_label);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, race_note_label);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, race_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, run_days_spin);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, save_error_box);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, weekly_row);
  gtk_widget_class_bind_template_child (widget_class, StridePlanGeneratorDialog, you_error_label);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, race_changed_cb);

  gtk_widget_class_install_action (widget_class, "plan-generator-dialog.apply", NULL,
                                   apply_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "plan-generator-dialog.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "plan-generator-dialog.apply", NULL);
}

static void
stride_plan_generator_dialog_init (StridePlanGeneratorDialog *self)
{
  /* Handlers run while the template is built and while the journal is
   * read: ignore them until everything is in place. */
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->distance_units = stride_form_get_units (self->settings, "unit-system", "imperial");
  self->pace_units = stride_form_get_units (self->settings, "pace-unit", "per-mile");
  self->preview_rows = g_ptr_array_new ();
  self->note_rows = g_ptr_array_new ();
  self->weaker_side = STRIDE_SIDE_BOTH;
  self->today = stride_today_julian ();
  self->date = self->today + DEFAULT_RACE_DAYS;
  stride_form_calendar_select_julian (self->calendar, self->date);
  show_date (self);
  adw_combo_row_set_selected (self->distance_row, 1);
}

StridePlanGeneratorDialog *
stride_plan_generator_dialog_new (GtkWindow   *parent,
                                  StrideStore *store)
{
  StridePlanGeneratorDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);

  self = g_object_new (STRIDE_TYPE_PLAN_GENERATOR_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  load_races (self);
  load_results (self);
  load_you (self);
  load_imbalances (self);
  if (stride_store_is_read_only (store))
    stride_form_show_save_error (self->save_error_box, self->save_error_label,
                                 stride_store_get_read_only_reason (store));

  self->updating = FALSE;
  schedule_preview (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->race_row));
  return self;
}

const StridePlanResult *
_stride_plan_generator_dialog_get_preview (StridePlanGeneratorDialog *self)
{
  g_return_val_if_fail (STRIDE_IS_PLAN_GENERATOR_DIALOG (self), NULL);

  return self->valid && self->preview_source == 0 ? self->result : NULL;
}
