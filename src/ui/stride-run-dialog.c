/* stride-run-dialog.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-run-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "stride-form.h"
#include "stride-labels.h"
#include "stride-pain-dialog.h"
#include "stride-run-dialog.h"

#define MIN_HEART_RATE 30
#define MAX_HEART_RATE 250

typedef enum
{
  FIELD_DISTANCE,
  FIELD_DURATION,
  FIELD_PACE,
  N_FIELDS
} Field;

/* Distance, duration and pace: the user types two, the third follows. */
typedef struct
{
  AdwEntryRow *row;
  char        *title;         /* the row's own title, without "(calculated)" */
  guint64      typed_at;      /* order of the user's last edit; 0 = calculated or empty */
  double       value;         /* metres, seconds or s/km; 0 = none */
  char        *error;
  char        *loaded_text;   /* as shown for the run being edited */
  double       loaded_value;
} Quantity;

struct _StrideRunDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkCalendar   *calendar;
  GtkMenuButton *date_button;
  GtkWidget     *delete_button;
  GtkWidget     *chart_button;
  AdwEntryRow   *distance_row;
  AdwEntryRow   *duration_row;
  AdwEntryRow   *pace_row;
  GtkLabel      *amount_error_label;
  GtkLabel      *details_error_label;
  AdwEntryRow   *heart_rate_row;
  AdwEntryRow   *notes_row;
  GtkSwitch     *pain_switch;
  AdwEntryRow   *rpe_row;
  AdwComboRow   *run_type_row;
  GtkWidget     *save_error_box;
  GtkLabel      *save_error_label;
  AdwComboRow   *shoe_row;
  AdwEntryRow   *time_row;
  GtkLabel      *when_error_label;

  /* Owned references */
  StrideStore   *store;
  GSettings     *settings;
  GArray        *sets;          /* StrideStrengthSet, kept through an edit */
  GArray        *shoe_ids;      /* gint64 per shoe_row item, 0 = none */

  /* State */
  StrideActivity    activity;       /* as loaded; id 0 for a new run */
  Quantity          quantities[N_FIELDS];
  StrideRunType     run_types[STRIDE_N_RUN_TYPES];
  guint             n_run_types;
  guint64           edit_counter;
  guint32           date;           /* Julian day, local */
  guint32           loaded_date;
  char             *loaded_time;
  int               minutes;        /* start time, minutes after midnight */
  int               rpe;
  int               heart_rate;
  StrideUnitSystem  distance_units;
  StrideUnitSystem  pace_units;
  guint             updating : 1;
  guint             valid : 1;
  guint             load_failed : 1;
};

G_DEFINE_FINAL_TYPE (StrideRunDialog, stride_run_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  PAIN_DIALOG_OPENED,
  SHOW_CHART_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Pure checks */

/* Men's world records: the fastest anyone has covered each distance. A
 * run of at least that distance can't be faster on average. */
static const struct
{
  double distance_m;
  double time_s;
} world_records[] = {
  { 100, 9.58 },
  { 200, 19.19 },
  { 400, 43.03 },
  { 800, 100.91 },
  { 1000, 131.96 },
  { 1500, 206.0 },
  { 1609.344, 223.13 },
  { 3000, 440.67 },
  { 5000, 755.36 },
  { 10000, 1571.0 },
  { 21097.5, 3402.0 },
  { 42195, 7235.0 },
  { 100000, 21935.0 },
  { 319614, 86400.0 },
};

double
stride_run_world_record_pace (double distance_m)
{
  guint i = 0;

  while (i + 1 < G_N_ELEMENTS (world_records) && world_records[i + 1].distance_m <= distance_m)
    i++;

  return world_records[i].time_s / (world_records[i].distance_m / STRIDE_METERS_PER_KM);
}

gboolean
stride_run_check_pace (double            distance_m,
                       double            s_per_km,
                       StrideUnitSystem  pace_units,
                       GError          **error)
{
  g_autofree char *shown = NULL;

  if (s_per_km >= stride_run_world_record_pace (distance_m)
      && s_per_km <= STRIDE_UNITS_MAX_PACE_S_PER_KM)
    return TRUE;

  shown = stride_units_format_pace (s_per_km, pace_units);
  if (s_per_km > STRIDE_UNITS_MAX_PACE_S_PER_KM)
    g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                 /* Translators: %s is a pace, e.g. "75:00 /km" */
                 _("Pace %s is too slow for a run — check distance and time"), shown);
  else
    g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                 /* Translators: %s is a pace, e.g. "1:20 /km" */
                 _("Pace %s is faster than the world record — check distance and time"), shown);

  return FALSE;
}

/* For a pace the parser refused as out of range: was it too fast (rather
 * than too slow, or seconds over 59)? Reads the m:ss part on its own. */
static gboolean
pace_text_too_fast (const char       *text,
                    StrideUnitSystem  default_units)
{
  g_autofree char *clock = g_ascii_strdown (text, -1);
  StrideUnitSystem units = default_units;
  char *slash = strchr (clock, '/');
  double seconds = 0.0;

  if (slash != NULL)
    {
      units = strstr (slash, "mi") != NULL ? STRIDE_UNITS_IMPERIAL : STRIDE_UNITS_METRIC;
      *slash = '\0';
    }
  g_strstrip (clock);
  if (g_str_has_suffix (clock, "min"))
    clock[strlen (clock) - 3] = '\0';

  if (!stride_units_parse_duration (clock, &seconds, NULL))
    return FALSE;

  return stride_units_pace_from_display (seconds, units) < STRIDE_UNITS_MIN_PACE_S_PER_KM;
}

gboolean
stride_run_parse_pace (const char        *text,
                       StrideUnitSystem   default_units,
                       double            *out_s_per_km,
                       GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (out_s_per_km != NULL, FALSE);

  if (stride_units_parse_pace (text, default_units, out_s_per_km, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE)
      || !pace_text_too_fast (text, default_units))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  shown = g_strstrip (g_strdup (text));
  g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
               _("Pace %s is faster than the world record — check distance and time"), shown);
  return FALSE;
}

/* Reads a whole number with an optional @unit after it. FALSE when the
 * text is something else; a leading minus is read as a number. */
static gboolean
read_whole_number (const char *text,
                   const char *unit,
                   gint64     *out)
{
  g_autofree char *input = g_ascii_strdown (text, -1);

  g_strstrip (input);
  if (unit != NULL && g_str_has_suffix (input, unit))
    {
      input[strlen (input) - strlen (unit)] = '\0';
      g_strchomp (input);
    }

  return g_ascii_string_to_signed (input, 10, G_MININT, G_MAXINT, out, NULL);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

gboolean
stride_run_check_heart_rate (const char  *text,
                             int         *out_bpm,
                             GError     **error)
{
  gint64 bpm;

  g_return_val_if_fail (out_bpm != NULL, FALSE);

  if (is_blank (text))
    {
      *out_bpm = 0;
      return TRUE;
    }

  if (!read_whole_number (text, "bpm", &bpm))
    {
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a heart rate: type beats per minute, e.g. 145"), text);
      return FALSE;
    }
  if (bpm < MIN_HEART_RATE || bpm > MAX_HEART_RATE)
    {
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                   _("Heart rate must be %d–%d bpm"), MIN_HEART_RATE, MAX_HEART_RATE);
      return FALSE;
    }

  *out_bpm = (int) bpm;
  return TRUE;
}

gboolean
stride_run_check_rpe (const char  *text,
                      int         *out_rpe,
                      GError     **error)
{
  gint64 rpe;

  g_return_val_if_fail (out_rpe != NULL, FALSE);

  if (is_blank (text))
    {
      *out_rpe = 0;
      return TRUE;
    }

  if (!read_whole_number (text, NULL, &rpe))
    {
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not an effort: type a whole number, RPE 1–10"), text);
      return FALSE;
    }
  if (rpe < 1 || rpe > 10)
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                           _("RPE must be 1–10"));
      return FALSE;
    }

  *out_rpe = (int) rpe;
  return TRUE;
}

/* Reads 1–@max_digits digits at *p; -1 when there are none or too many. */
static int
read_digits (const char **p,
             guint        min_digits,
             guint        max_digits)
{
  int value = 0;
  guint n = 0;

  while (g_ascii_isdigit (**p) && n < max_digits + 1)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  return n >= min_digits && n <= max_digits ? value : -1;
}

gboolean
stride_run_check_time_of_day (const char  *text,
                              int         *out_minutes,
                              GError     **error)
{
  g_autofree char *input = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = input;
  int hours;
  int minutes = -1;

  g_return_val_if_fail (out_minutes != NULL, FALSE);

  if (*input == '\0')
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_EMPTY,
                           _("Enter the start time as HH:MM, e.g. 07:30"));
      return FALSE;
    }

  hours = read_digits (&p, 1, 2);
  if (hours >= 0 && *p == ':')
    {
      p++;
      minutes = read_digits (&p, 2, 2);
    }
  if (hours < 0 || minutes < 0 || *p != '\0')
    {
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a time of day: type HH:MM, e.g. 07:30"), text);
      return FALSE;
    }
  if (hours > 23 || minutes > 59)
    {
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                   _("“%s” is not a time of day: it goes from 00:00 to 23:59"), text);
      return FALSE;
    }

  *out_minutes = hours * 60 + minutes;
  return TRUE;
}

/* Dates */

static GDateTime *
local_date_time (GTimeZone *zone,
                 guint32    julian,
                 int        minutes)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), minutes / 60, minutes % 60, 0);
}

static void
show_date (StrideRunDialog *self)
{
  stride_form_show_date (self->date_button, self->date);
}

static void
day_selected_cb (StrideRunDialog *self)
{
  self->date = stride_form_calendar_get_julian (self->calendar);
  show_date (self);
  stride_form_popdown (self->date_button);
}

static void
set_date (StrideRunDialog *self,
          guint32          julian)
{
  self->date = julian;
  stride_form_calendar_select_julian (self->calendar, julian);
  show_date (self);
}

/* Showing what is wrong: the row turns red and the group's label below
 * its rows lists the messages, one a line. */

static gboolean
mark_row (gpointer    row,
          const char *message,
          GString    *messages)
{
  if (message == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return TRUE;
    }

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
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
  g_string_truncate (messages, 0);
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Distance, duration, pace */

static char *
format_quantity (StrideRunDialog *self,
                 Field            field,
                 double           value)
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

static gboolean
parse_text (StrideRunDialog  *self,
            Field             field,
            const char       *text,
            double           *value,
            GError          **error)
{
  switch (field)
    {
    case FIELD_DISTANCE:
      return stride_units_parse_distance (text, self->distance_units, value, error);
    case FIELD_DURATION:
      return stride_units_parse_duration (text, value, error);
    case FIELD_PACE:
    case N_FIELDS:
    default:
      return stride_run_parse_pace (text, self->pace_units, value, error);
    }
}

static void
parse_quantity (StrideRunDialog *self,
                Field            field)
{
  Quantity *q = &self->quantities[field];
  const char *text = row_text (q->row);
  g_autoptr(GError) error = NULL;
  double value = 0.0;

  g_clear_pointer (&q->error, g_free);
  q->value = 0.0;
  if (q->typed_at == 0)
    return;

  /* Unchanged text keeps the exact stored value, not its rounded display. */
  if (q->loaded_text != NULL && g_str_equal (text, q->loaded_text))
    q->value = q->loaded_value;
  else if (parse_text (self, field, text, &value, &error))
    q->value = value;
  else
    q->error = g_strdup (error->message);
}

/* The field that follows from the others: the one typed least recently
 * (an empty or calculated one first, pace when there is a choice). */
static Field
calculated_field (StrideRunDialog *self)
{
  Field target = FIELD_PACE;

  for (guint f = 0; f < N_FIELDS; f++)
    if (self->quantities[f].typed_at < self->quantities[target].typed_at)
      target = f;

  return target;
}

static void
set_text_quietly (StrideRunDialog *self,
                  AdwEntryRow     *row,
                  const char      *text)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  self->updating = FALSE;
}

/* A calculated value says so in its title, which screen readers read too. */
static void
show_calculated (Quantity *q,
                 gboolean  calculated)
{
  g_autofree char *title = NULL;

  if (calculated)
    /* Translators: the title of a form field whose value the app worked out,
     * e.g. "_Pace (calculated)"; keep the underline of the first %s */
    title = g_strdup_printf (_("%s (calculated)"), q->title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (q->row), calculated ? title : q->title);
}

/* Fills in the field that follows from the other two, never the one the
 * user is typing in (@editing): replacing its text mid-edit (the text is
 * empty for a moment when it is replaced) would mix both. */
static void
solve_quantities (StrideRunDialog *self,
                  Field            editing)
{
  Field target = calculated_field (self);
  Quantity *q = self->quantities;
  double values[N_FIELDS];
  gboolean solvable = target != editing;
  g_autofree char *text = NULL;

  for (guint f = 0; f < N_FIELDS; f++)
    {
      /* Only one value follows from the others; any other is stale. */
      if (f != target && f != editing && q[f].typed_at == 0)
        set_text_quietly (self, q[f].row, "");
      if (f != target)
        parse_quantity (self, f);
      values[f] = f == target ? 0.0 : q[f].value;
      solvable = solvable && (f == target || values[f] > 0.0);
    }

  if (solvable && stride_units_solve (&values[FIELD_DISTANCE], &values[FIELD_DURATION],
                                      &values[FIELD_PACE]))
    {
      g_clear_pointer (&q[target].error, g_free);
      q[target].typed_at = 0;
      q[target].value = values[target];
      text = format_quantity (self, target, values[target]);
      set_text_quietly (self, q[target].row, text);
    }
  else if (q[target].typed_at == 0)
    {
      /* A calculated value that no longer follows from anything. */
      q[target].value = 0.0;
      if (target != editing)
        set_text_quietly (self, q[target].row, "");
    }
  else
    parse_quantity (self, target);

  for (guint f = 0; f < N_FIELDS; f++)
    show_calculated (&q[f], q[f].typed_at == 0 && q[f].value > 0.0);
}

/* The three together; the message goes to @bad_field's row. */
static char *
check_combination (StrideRunDialog *self,
                   Field           *bad_field)
{
  Quantity *q = self->quantities;
  g_autoptr(GError) error = NULL;

  if (q[FIELD_DISTANCE].value <= 0.0 || q[FIELD_DURATION].value <= 0.0
      || q[FIELD_PACE].value <= 0.0)
    return NULL;

  if (q[FIELD_DURATION].value > STRIDE_UNITS_MAX_DURATION_S)
    {
      *bad_field = FIELD_DURATION;
      return g_strdup (_("A duration over 72 hours is not plausible — check distance and pace"));
    }
  if (q[FIELD_DISTANCE].value > STRIDE_UNITS_MAX_DISTANCE_M)
    {
      *bad_field = FIELD_DISTANCE;
      return g_strdup (_("A distance over 1000 km is not plausible — check duration and pace"));
    }
  /* World records are a running thing: a ride is faster than any run. */
  if (self->activity.sport == STRIDE_SPORT_RUN
      && !stride_run_check_pace (q[FIELD_DISTANCE].value, q[FIELD_PACE].value, self->pace_units,
                                 &error))
    {
      *bad_field = FIELD_PACE;
      return g_strdup (error->message);
    }

  return NULL;
}

/* Validation, as the user types */

static gboolean
validate_when (StrideRunDialog *self,
               GString         *messages)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = stride_run_check_time_of_day (row_text (self->time_row), &self->minutes, &error);
  ok = mark_row (self->time_row, ok ? NULL : error->message, messages);
  show_messages (self->when_error_label, messages);
  return ok;
}

static gboolean
validate_amounts (StrideRunDialog *self,
                  GString         *messages)
{
  Quantity *q = self->quantities;
  Field bad_field = N_FIELDS;
  g_autofree char *combination = check_combination (self, &bad_field);
  gboolean ok = TRUE;

  for (guint f = 0; f < N_FIELDS; f++)
    {
      const char *message = q[f].error != NULL ? q[f].error
                            : f == bad_field ? combination : NULL;

      ok = mark_row (q[f].row, message, messages) && ok;
    }
  show_messages (self->amount_error_label, messages);

  /* A run needs its distance; other sports (a swim, a gym class) may have
   * only a duration. */
  return ok && q[FIELD_DURATION].value > 0.0
         && (q[FIELD_DISTANCE].value > 0.0 || self->activity.sport != STRIDE_SPORT_RUN);
}

static gboolean
validate_details (StrideRunDialog *self,
                  GString         *messages)
{
  g_autoptr(GError) rpe_error = NULL;
  g_autoptr(GError) heart_rate_error = NULL;
  gboolean ok = TRUE;

  if (!stride_run_check_rpe (row_text (self->rpe_row), &self->rpe, &rpe_error))
    ok = FALSE;
  mark_row (self->rpe_row, rpe_error ? rpe_error->message : NULL, messages);

  if (!stride_run_check_heart_rate (row_text (self->heart_rate_row), &self->heart_rate,
                                    &heart_rate_error))
    ok = FALSE;
  mark_row (self->heart_rate_row, heart_rate_error ? heart_rate_error->message : NULL, messages);

  show_messages (self->details_error_label, messages);
  return ok;
}

static void
validate (StrideRunDialog *self)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  gboolean ok = TRUE;

  /* Every group is checked, so every message shows at once. */
  ok = validate_when (self, messages) && ok;
  ok = validate_amounts (self, messages) && ok;
  ok = validate_details (self, messages) && ok;

  self->valid = ok && !self->load_failed;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run-dialog.save", self->valid);
}

/* Once something is typed, leaving for the chart would lose it. */
static void
mark_edited (StrideRunDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "run-dialog.show-chart", FALSE);
}

static void
field_changed_cb (StrideRunDialog *self)
{
  if (self->updating)
    return;

  mark_edited (self);
  validate (self);
}

static void
quantity_changed_cb (StrideRunDialog *self,
                     AdwEntryRow     *row)
{
  Field editing = N_FIELDS;

  if (self->updating)
    return;

  mark_edited (self);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      Quantity *q = &self->quantities[f];

      if (q->row == row)
        {
          q->typed_at = is_blank (row_text (row)) ? 0 : ++self->edit_counter;
          editing = f;
        }
    }

  solve_quantities (self, editing);
  validate (self);
}

/* Saving */

static void
show_save_error (StrideRunDialog *self,
                 const char      *message)
{
  stride_form_show_save_error (self->save_error_box, self->save_error_label, message);
}

static void
start_time (StrideRunDialog *self,
            gint64          *start_utc,
            int             *tz_offset_s)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;

  /* An untouched date and time keep the stored seconds and time zone. */
  if (self->activity.id != 0 && self->date == self->loaded_date
      && g_strcmp0 (row_text (self->time_row), self->loaded_time) == 0)
    {
      *start_utc = self->activity.start_utc;
      *tz_offset_s = self->activity.tz_offset_s;
      return;
    }

  /* An edited run is read in the zone it was logged in. */
  zone = self->activity.id != 0
         ? stride_form_zone_for_entry (self->activity.start_utc, self->activity.tz_offset_s)
         : g_time_zone_new_local ();
  local = local_date_time (zone, self->date, self->minutes);
  *start_utc = g_date_time_to_unix (local);
  *tz_offset_s = (int) (g_date_time_get_utc_offset (local) / G_USEC_PER_SEC);
}

static gint64
selected_shoe (StrideRunDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->shoe_row);

  if (selected >= self->shoe_ids->len)
    return 0;

  return g_array_index (self->shoe_ids, gint64, selected);
}

static StrideRunType
selected_run_type (StrideRunDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->run_type_row);

  if (selected >= self->n_run_types)
    return STRIDE_RUN_TYPE_EASY;

  return self->run_types[selected];
}

/* The run as the form says, on top of what was loaded (title, elevation,
 * moving time and source stay). Strings are borrowed. */
static void
fill_activity (StrideRunDialog *self,
               StrideActivity  *run)
{
  *run = self->activity;
  if (self->activity.id == 0)
    run->sport = STRIDE_SPORT_RUN;
  start_time (self, &run->start_utc, &run->tz_offset_s);
  run->distance_m = self->quantities[FIELD_DISTANCE].value;
  run->duration_s = self->quantities[FIELD_DURATION].value;
  run->rpe = self->rpe;
  run->avg_hr = self->heart_rate;
  run->run_type = selected_run_type (self);
  run->shoe_id = selected_shoe (self);
  run->notes = is_blank (row_text (self->notes_row)) ? NULL : (char *) row_text (self->notes_row);
}

static void
open_pain_dialog (StrideRunDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  StridePainDialog *pain = stride_pain_dialog_new (parent, self->store, 0, self->date);

  g_signal_emit (self, signals[PAIN_DIALOG_OPENED], 0, pain);
  gtk_window_present (GTK_WINDOW (pain));
}

static void
save (StrideRunDialog *self)
{
  g_autoptr(StrideRunDialog) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  gboolean pain = gtk_switch_get_active (self->pain_switch);
  StrideActivity run;
  gboolean ok;

  fill_activity (self, &run);
  if (run.id == 0)
    ok = stride_store_add_activity (self->store, &run, NULL, 0, NULL, 0, NULL, 0, &error);
  else
    ok = stride_store_update_activity (self->store, &run,
                                       (const StrideStrengthSet *) self->sets->data,
                                       self->sets->len, &error);
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The run was not saved: %s"),
                                                  error->message);

      show_save_error (self, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, run.id);
  if (pain && self->store != NULL)
    open_pain_dialog (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
future_response_cb (StrideRunDialog  *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  if (stride_form_future_confirmed (dialog, response) && self->valid)
    save (self);
}

static void
confirm_future (StrideRunDialog *self)
{
  g_autofree char *day = stride_form_format_field_day (self->date);
  g_autofree char *body = g_strdup_printf (_("The run starts on %s, later than now. The "
                                             "journal is for runs you have done; plan "
                                             "future runs in the plan."),
                                           day);

  stride_form_confirm_future (GTK_WINDOW (self), _("Log a Run in the Future?"), body,
                              _("_Cancel"), _("_Save Anyway"),
                              G_CALLBACK (future_response_cb), self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StrideRunDialog *self = STRIDE_RUN_DIALOG (widget);
  gint64 start_utc;
  int tz_offset_s;

  if (!self->valid)
    return;

  start_time (self, &start_utc, &tz_offset_s);
  if (start_utc > g_get_real_time () / G_USEC_PER_SEC)
    confirm_future (self);
  else
    save (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StrideRunDialog *self = STRIDE_RUN_DIALOG (widget);
  g_autoptr(StrideRunDialog) hold = g_object_ref (self);

  if (self->activity.id == 0)
    return;

  g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->activity.id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
last_entry_activated_cb (StrideRunDialog *self)
{
  if (self->valid)
    gtk_widget_activate_action (GTK_WIDGET (self), "run-dialog.save", NULL);
}

/* Loading */

static void
load_run_types (StrideRunDialog *self,
                StrideRunType    current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  self->n_run_types = 0;
  /* Imported runs may have no type; offer that only to them. */
  if (current == STRIDE_RUN_TYPE_NONE)
    self->run_types[self->n_run_types++] = STRIDE_RUN_TYPE_NONE;
  for (StrideRunType type = STRIDE_RUN_TYPE_EASY; type < STRIDE_N_RUN_TYPES; type++)
    self->run_types[self->n_run_types++] = type;

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
load_shoes (StrideRunDialog *self,
            gint64           current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GArray) shoes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (labels, _("None"));
  g_array_append_val (self->shoe_ids, none);

  shoes = stride_store_list_shoes (self->store, &error);
  for (guint i = 0; shoes != NULL && i < shoes->len; i++)
    {
      const StrideShoe *shoe = &g_array_index (shoes, StrideShoe, i);
      g_autofree char *label = NULL;

      /* Retired shoes only for the run that already wore them. */
      if (shoe->retired_date != 0 && shoe->id != current)
        continue;

      /* Translators: a retired shoe in the shoe list of a run */
      label = shoe->retired_date != 0 ? g_strdup_printf (_("%s (retired)"), shoe->name)
                                      : g_strdup (shoe->name);
      if (shoe->id == current)
        selected = self->shoe_ids->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->shoe_ids, shoe->id);
    }

  adw_combo_row_set_model (self->shoe_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->shoe_row, selected);
  if (error != NULL)
    show_save_error (self, error->message);
}

static void
load_quantity (StrideRunDialog *self,
               Field            field,
               double           value)
{
  Quantity *q = &self->quantities[field];

  if (value <= 0.0)
    return;

  q->loaded_text = format_quantity (self, field, value);
  q->loaded_value = value;
  q->typed_at = ++self->edit_counter;
  set_text_quietly (self, q->row, q->loaded_text);
}

static void
load_time (StrideRunDialog *self,
           GDateTime       *local)
{
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  set_text_quietly (self, self->time_row, time);
  set_date (self, stride_form_julian_of (local));
}

static void
load_new_run (StrideRunDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  load_time (self, now);
  load_run_types (self, STRIDE_RUN_TYPE_EASY);
  load_shoes (self, 0);
  /* Date and time are usually right already: start at the distance. */
  gtk_widget_grab_focus (GTK_WIDGET (self->distance_row));
}

static void
load_details (StrideRunDialog *self)
{
  g_autofree char *rpe = NULL;
  g_autofree char *heart_rate = NULL;

  if (self->activity.rpe > 0)
    rpe = g_strdup_printf ("%d", self->activity.rpe);
  if (self->activity.avg_hr > 0)
    heart_rate = g_strdup_printf ("%d", self->activity.avg_hr);

  set_text_quietly (self, self->rpe_row, rpe != NULL ? rpe : "");
  set_text_quietly (self, self->heart_rate_row, heart_rate != NULL ? heart_rate : "");
  set_text_quietly (self, self->notes_row, self->activity.notes ? self->activity.notes : "");
}

/* A run recorded with GPS can be looked at on the Charts page. */
static gboolean
has_track (StrideRunDialog *self)
{
  g_autoptr(GArray) points = NULL;

  if (self->activity.sport != STRIDE_SPORT_RUN)
    return FALSE;

  points = stride_store_list_trackpoints (self->store, self->activity.id, NULL);
  return points != NULL && points->len > 1;
}

static void
load_run (StrideRunDialog *self,
          gint64           id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (!stride_store_get_activity (self->store, id, &self->activity, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The run can’t be opened: %s"),
                                                  error->message);

      self->load_failed = TRUE;
      show_save_error (self, message);
      load_new_run (self);
      return;
    }

  /* An edit rewrites the sets too: without them, saving would drop them. */
  g_clear_pointer (&self->sets, g_array_unref);
  self->sets = stride_store_list_strength_sets (self->store, id, &error);
  if (self->sets == NULL)
    {
      self->sets = g_array_new (FALSE, TRUE, sizeof (StrideStrengthSet));
      self->load_failed = TRUE;
      show_save_error (self, error->message);
    }

  /* Shown in the run's own time zone, like the journal. */
  zone = g_time_zone_new_offset (self->activity.tz_offset_s);
  utc = g_date_time_new_from_unix_utc (self->activity.start_utc);
  local = g_date_time_to_timezone (utc, zone);
  load_time (self, local);
  self->loaded_date = self->date;
  self->loaded_time = g_strdup (row_text (self->time_row));

  load_quantity (self, FIELD_DISTANCE, self->activity.distance_m);
  load_quantity (self, FIELD_DURATION, self->activity.duration_s);
  solve_quantities (self, N_FIELDS);

  load_run_types (self, self->activity.run_type);
  load_shoes (self, self->activity.shoe_id);
  load_details (self);

  gtk_window_set_title (GTK_WINDOW (self), self->activity.sport == STRIDE_SPORT_RUN
                                           ? _("Edit Run") : _("Edit Activity"));
  gtk_widget_set_visible (self->delete_button, TRUE);
  gtk_widget_set_visible (self->chart_button, has_track (self));
}

static void
show_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StrideRunDialog *self = STRIDE_RUN_DIALOG (widget);
  g_signal_emit (self, signals[SHOW_CHART_REQUESTED], 0, self->activity.id);
  gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static void
stride_run_dialog_dispose (GObject *object)
{
  StrideRunDialog *self = STRIDE_RUN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_RUN_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (stride_run_dialog_parent_class)->dispose (object);
}

static void
stride_run_dialog_finalize (GObject *object)
{
  StrideRunDialog *self = STRIDE_RUN_DIALOG (object);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_free (self->quantities[f].error);
      g_free (self->quantities[f].title);
      g_free (self->quantities[f].loaded_text);
    }
  g_clear_pointer (&self->sets, g_array_unref);
  g_clear_pointer (&self->shoe_ids, g_array_unref);
  g_free (self->loaded_time);
  stride_activity_clear (&self->activity);

  G_OBJECT_CLASS (stride_run_dialog_parent_class)->finalize (object);
}

static void
stride_run_dialog_class_init (StrideRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_run_dialog_dispose;
  object_class->finalize = stride_run_dialog_finalize;

  /**
   * StrideRunDialog::saved:
   * @id: the id of the run
   *
   * The run was written to the journal; the dialog closes next.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * StrideRunDialog::delete-requested:
   * @id: the id of the run
   *
   * The user asked to delete the run; the dialog closes next.
   */
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * StrideRunDialog::pain-dialog-opened:
   * @dialog: the pain dialog for the run's day
   *
   * "Any pain?" was on: after "saved", this pain dialog is presented.
   */
  signals[PAIN_DIALOG_OPENED] = g_signal_new ("pain-dialog-opened", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, STRIDE_TYPE_PAIN_DIALOG);
  /**
   * StrideRunDialog::show-chart-requested:
   * @id: the run to show on the Charts page
   */
  signals[SHOW_CHART_REQUESTED] = g_signal_new ("show-chart-requested", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-run-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, chart_button);
  gtk_widget_class_install_action (widget_class, "run-dialog.show-chart", NULL, show_chart_action);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, details_error_label);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, distance_row);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, heart_rate_row);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, pace_row);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, pain_switch);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, rpe_row);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, run_type_row);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, save_error_box);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, shoe_row);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, StrideRunDialog, when_error_label);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, last_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, quantity_changed_cb);

  gtk_widget_class_install_action (widget_class, "run-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "run-dialog.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "run-dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "run-dialog.save", NULL);
}

static void
stride_run_dialog_init (StrideRunDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->distance_units = stride_form_get_units (self->settings, "unit-system", "imperial");
  self->pace_units = stride_form_get_units (self->settings, "pace-unit", "per-mile");
  self->sets = g_array_new (FALSE, TRUE, sizeof (StrideStrengthSet));
  self->shoe_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  self->quantities[FIELD_DISTANCE].row = self->distance_row;
  self->quantities[FIELD_DURATION].row = self->duration_row;
  self->quantities[FIELD_PACE].row = self->pace_row;
  for (guint f = 0; f < N_FIELDS; f++)
    self->quantities[f].title =
      g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->quantities[f].row)));
}

StrideRunDialog *
stride_run_dialog_new (GtkWindow   *parent,
                       StrideStore *store,
                       gint64       activity_id)
{
  StrideRunDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);

  self = g_object_new (STRIDE_TYPE_RUN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  if (activity_id != 0)
    load_run (self, activity_id);
  else
    load_new_run (self);

  validate (self);
  return self;
}
