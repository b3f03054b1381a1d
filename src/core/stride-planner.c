/* stride-planner.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-planner"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "stride-planner.h"
#include "stride-race.h"

/* The rules themselves are described in stride-planner.h. */

#define MIN_RUN_M          3000.0   /* shorter runs are not worth the trip */
#define MIN_KEY_M          4000.0   /* warm-up + work + cool-down */
#define MIN_TAPER_KEY_M    3000.0
#define ROUND_M            100.0    /* distances are floored to 100 m */
#define MAX_WEEKLY_GROWTH  1.10     /* a steady week-to-week rise */
#define PEAK_GROWTH        1.25     /* peak aim over the current distance */
#define TAPER_FIRST_WEEK   0.65     /* of the peak week: 0.65 + 0.35 = a 50 % cut */
#define TAPER_RACE_WEEK    0.35
#define SPIKE_WINDOW_DAYS  30
#define COMPARE_EPSILON    1e-6

G_DEFINE_QUARK (stride-planner-error-quark, stride_planner_error)

/* Per race distance: where a runner's week and long run should head. */
typedef struct
{
  double max_race_m;
  double min_peak_m;
  double max_peak_m;
  double long_cap_m;
  double key_cap_m;
  gboolean speed_first;      /* intervals before tempo */
} RaceClass;

static const RaceClass race_classes[] = {
  {   7000, 25000,  60000, 14000, 10000, TRUE },   /* 5 km */
  {  15000, 30000,  70000, 18000, 12000, TRUE },   /* 10 km */
  {  25000, 40000,  80000, 22000, 14000, FALSE },  /* half marathon */
  { G_MAXDOUBLE, 50000, 100000, 32000, 16000, FALSE },  /* marathon and longer */
};

typedef enum
{
  ROLE_LONG,
  ROLE_KEY1,
  ROLE_KEY2,          /* a key session in build and peak weeks, else easy */
  ROLE_EASY,
} Role;

typedef struct
{
  guint offset;       /* days after the long-run weekday */
  Role  role;
} PatternDay;

/* Runs of a week by run-day count, long run first, keys two days apart
 * so a strength evening fits between them. */
static const PatternDay patterns[5][7] = {
  { { 0, ROLE_LONG }, { 2, ROLE_KEY1 }, { 4, ROLE_EASY } },
  { { 0, ROLE_LONG }, { 2, ROLE_KEY1 }, { 4, ROLE_KEY2 }, { 5, ROLE_EASY } },
  { { 0, ROLE_LONG }, { 1, ROLE_EASY }, { 2, ROLE_KEY1 }, { 4, ROLE_KEY2 }, { 5, ROLE_EASY } },
  { { 0, ROLE_LONG }, { 1, ROLE_EASY }, { 2, ROLE_KEY1 }, { 3, ROLE_EASY }, { 4, ROLE_KEY2 },
    { 5, ROLE_EASY } },
  { { 0, ROLE_LONG }, { 1, ROLE_EASY }, { 2, ROLE_KEY1 }, { 3, ROLE_EASY }, { 4, ROLE_KEY2 },
    { 5, ROLE_EASY }, { 6, ROLE_EASY } },
};

/* One planned run of a week, before it becomes an entry. */
typedef struct
{
  guint32       day;
  StrideSlot    slot;
  StrideRunType type;
  double        distance_m;
} WeekRun;

typedef struct
{
  const char *key;
  const char *name;
  const char *dose;
} Exercise;

static const Exercise exercises[] = {
  { "back-squat", "Back squat", "3 × 5" },
  { "box-jump", "Box jump", "3 × 5" },
  { "hip-thrust", "Hip thrust", "3 × 8" },
  { "deadlift", "Deadlift", "3 × 5" },
  { "jump-squat", "Jump squat", "3 × 5" },
  { "single-leg-calf-raise", "Single-leg calf raise", "2 × 12" },
  { "nordic-curl", "Nordic hamstring curl", "2 × 5" },
  { "romanian-deadlift", "Romanian deadlift", "2 × 8" },
  { "leg-curl", "Leg curl", "2 × 10" },
  { "split-squat", "Split squat", "2 × 8" },
  { "single-leg-rdl", "Single-leg Romanian deadlift", "2 × 8" },
  { "step-up", "Step-up", "2 × 8" },
  { "side-lying-hip-abduction", "Side-lying hip abduction", "2 × 12" },
  { "lateral-band-walk", "Lateral band walk", "2 × 12" },
  { "single-leg-squat", "Single-leg squat", "2 × 6" },
};

/* Compound first, then explosive, then a third lift dropped when the
 * correctives need the time. */
static const char *const base_a[] = { "back-squat", "box-jump", "hip-thrust" };
static const char *const base_b[] = { "deadlift", "jump-squat", "single-leg-calf-raise" };
static const char *const hamstring_keys[] = { "nordic-curl", "romanian-deadlift", "leg-curl" };
static const char *const side_keys[] = { "split-squat", "single-leg-rdl", "step-up" };
static const char *const hip_keys[] = { "side-lying-hip-abduction", "lateral-band-walk",
                                        "single-leg-squat" };

typedef struct
{
  const StridePlanRequest *req;
  StrideRiskThresholds     t;
  const RaceClass         *cls;
  guint32                  first;        /* tomorrow */
  guint32                  race;
  guint                    n_days;       /* first … race */
  double                  *run_m;        /* generated run per day, 0 = none */
  double                  *user_m;       /* the user's run distance per day (ramp) */
  double                  *user_long_m;  /* the user's longest run per day (spike) */
  StrideRunType           *run_type;
  StrideSlot              *run_slot;
  gboolean                *strength;
  guint                    n_sessions;   /* strength sessions so far (A/B) */
  guint32                  last_strength;
  double                   vdot;         /* 0 = no goal */
  gboolean                 low_volume_noted;
  gboolean                 short_runs_noted;
  GArray                  *items;        /* Item */
  StridePlanResult        *result;
} Planner;

typedef struct
{
  StridePlanEntry  entry;
  char           **keys;
} Item;

/* Phases, labels, keys */

const char *
stride_plan_phase_to_id (StridePlanPhase phase)
{
  static const char *const ids[] = { "base", "build", "peak", "taper" };

  g_return_val_if_fail ((guint) phase < STRIDE_N_PLAN_PHASES, NULL);
  return ids[phase];
}

const char *
stride_plan_phase_to_label (StridePlanPhase phase)
{
  switch (phase)
    {
    case STRIDE_PLAN_PHASE_BASE:
      return _("Base");
    case STRIDE_PLAN_PHASE_BUILD:
      return _("Build");
    case STRIDE_PLAN_PHASE_PEAK:
      return _("Peak");
    case STRIDE_PLAN_PHASE_TAPER:
      return _("Taper");
    case STRIDE_N_PLAN_PHASES:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
stride_plan_is_key_run (StrideRunType type)
{
  return type == STRIDE_RUN_TYPE_LONG || type == STRIDE_RUN_TYPE_TEMPO
    || type == STRIDE_RUN_TYPE_INTERVALS || type == STRIDE_RUN_TYPE_RACE;
}

static const Exercise *
find_exercise (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (exercises); i++)
    if (g_str_equal (exercises[i].key, key))
      return &exercises[i];
  g_return_val_if_reached (NULL);
}

static guint
n_correctives (gboolean   weak_hamstrings,
               StrideSide weaker_side,
               gboolean   weak_hip_abductors)
{
  return (weak_hamstrings ? 1 : 0) + (weaker_side != STRIDE_SIDE_BOTH ? 1 : 0)
    + (weak_hip_abductors ? 1 : 0);
}

static void
add_keys (GPtrArray         *keys,
          const char *const *list,
          guint              n)
{
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (keys, g_strdup (list[i]));
}

char **
stride_plan_strength_keys (gboolean   weak_hamstrings,
                           StrideSide weaker_side,
                           gboolean   weak_hip_abductors,
                           guint      variant)
{
  GPtrArray *keys = g_ptr_array_new ();
  guint n_base = n_correctives (weak_hamstrings, weaker_side, weak_hip_abductors) >= 2 ? 2 : 3;

  add_keys (keys, variant % 2 == 0 ? base_a : base_b, n_base);
  if (weak_hamstrings)
    add_keys (keys, hamstring_keys, G_N_ELEMENTS (hamstring_keys));
  if (weaker_side != STRIDE_SIDE_BOTH)
    add_keys (keys, side_keys, G_N_ELEMENTS (side_keys));
  if (weak_hip_abductors)
    add_keys (keys, hip_keys, G_N_ELEMENTS (hip_keys));
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (keys, FALSE);
}

void
stride_plan_request_init (StridePlanRequest *request)
{
  g_return_if_fail (request != NULL);

  *request = (StridePlanRequest) { 0 };
  request->long_run_weekday = G_DATE_SUNDAY;
  request->weaker_side = STRIDE_SIDE_BOTH;
}

void
stride_plan_result_free (StridePlanResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->entries, g_array_unref);
  g_clear_pointer (&result->exercise_keys, g_ptr_array_unref);
  g_clear_pointer (&result->weeks, g_array_unref);
  g_clear_pointer (&result->notes, g_ptr_array_unref);
  g_free (result);
}

/* Validation */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, STRIDE_PLANNER_ERROR, STRIDE_PLANNER_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
in_range (double value,
          double min,
          double max)
{
  return isfinite (value) && value > min && value <= max;
}

static gboolean
validate_dates (const StridePlanRequest  *req,
                GError                  **error)
{
  if (!g_date_valid_julian (req->today) || !g_date_valid_julian (req->race_date))
    return invalid (error, _("The race date or today’s date is not a valid date"));
  if (req->race_date <= req->today)
    {
      g_set_error_literal (error, STRIDE_PLANNER_ERROR, STRIDE_PLANNER_ERROR_RACE_DATE,
                           req->race_date == req->today
                           ? _("The race is today: there is nothing left to plan")
                           : _("The race date is in the past: choose a race still to come"));
      return FALSE;
    }
  if (req->race_date - req->today > STRIDE_PLANNER_MAX_DAYS_AHEAD)
    {
      g_set_error_literal (error, STRIDE_PLANNER_ERROR, STRIDE_PLANNER_ERROR_RACE_DATE,
                           _("The race is more than 52 weeks away: plan a nearer goal first"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_numbers (const StridePlanRequest  *req,
                  GError                  **error)
{
  if (req->run_days < STRIDE_PLANNER_MIN_RUN_DAYS || req->run_days > STRIDE_PLANNER_MAX_RUN_DAYS)
    return invalid (error, _("Run days per week must be from 3 to 7"));
  if (!in_range (req->race_distance_m, STRIDE_PLANNER_MIN_RACE_M - 1e-9, STRIDE_PLANNER_MAX_RACE_M))
    return invalid (error, _("The race distance must be from 800 m to 100 km"));
  if (!in_range (req->weekly_distance_m, 0, STRIDE_PLANNER_MAX_WEEKLY_M))
    return invalid (error, _("The current weekly distance must be more than 0 and at most 300 km"));
  if (!in_range (req->longest_run_m, STRIDE_PLANNER_MIN_LONGEST_M - 1e-9, STRIDE_PLANNER_MAX_RUN_M))
    return invalid (error, _("The longest run of the last 30 days must be from 1 km to 100 km"));
  if (!isfinite (req->goal_time_s) || req->goal_time_s < 0)
    return invalid (error, _("The goal time must be 0 (no goal) or a positive time"));
  /* 2 km/h to 30 km/h: anything else is a typing mistake. */
  if (req->goal_time_s > 0
      && (req->race_distance_m / req->goal_time_s > 30 / 3.6
          || req->race_distance_m / req->goal_time_s < 2 / 3.6))
    return invalid (error, _("The goal time gives a speed below 2 km/h or above 30 km/h"));
  if (req->long_run_weekday != G_DATE_BAD_WEEKDAY && !g_date_valid_weekday (req->long_run_weekday))
    return invalid (error, _("The long-run weekday is not a weekday"));
  if ((guint) req->weaker_side >= STRIDE_N_SIDES)
    return invalid (error, _("The weaker side must be left, right or none"));
  return TRUE;
}

static gboolean
validate_thresholds (const StrideRiskThresholds  *t,
                     GError                     **error)
{
  if (!isfinite (t->spike_caution_percent) || t->spike_caution_percent < 100
      || t->spike_caution_percent > 200)
    return invalid (error, _("The single-run spike limit must be from 100 to 200 %"));
  if (!isfinite (t->ramp_caution_percent) || t->ramp_caution_percent < 0
      || t->ramp_caution_percent > 100)
    return invalid (error, _("The weekly increase limit must be from 0 to 100 %"));
  return TRUE;
}

/* Days and the user's entries */

static GDateWeekday
weekday_of (guint32 day)
{
  /* Julian day 1, 0001-01-01, was a Monday. */
  return (GDateWeekday) ((day - 1) % 7 + 1);
}

/* "Fri 1 Jan 2027" */
static char *
format_day (guint32 day)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;
  char *text = NULL;

  if (!g_date_valid_julian (day))
    return g_strdup ("?");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  /* Local noon: the day is the same in every time zone offset. */
  time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  if (time != NULL)
    /* Translators: a date in a plan note, a g_date_time_format() format:
     * "Fri 1 Jan 2027" */
    text = g_date_time_format (time, _("%a %-d %b %Y"));
  return text != NULL ? text : g_strdup ("?");
}

static void
note (Planner    *p,
      char       *text)
{
  g_ptr_array_add (p->result->notes, text);
}

static gboolean
user_has (Planner        *p,
          guint32         day,
          StridePlanKind  kind)
{
  GArray *existing = p->req->existing;

  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (existing, StridePlanEntry, i);

      if (e->date == day && e->kind == kind)
        return TRUE;
    }
  return FALSE;
}

static gboolean
user_holds_slot (Planner    *p,
                 guint32     day,
                 StrideSlot  slot)
{
  GArray *existing = p->req->existing;

  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (existing, StridePlanEntry, i);

      if (e->date == day && e->slot == slot)
        return TRUE;
    }
  return FALSE;
}

/* The user's run and race entries as load the plan builds on: per day
 * of tomorrow … race − 1 (race day is the race, exempt like the
 * generated race), the sum (ramp) and the longest (spike); skipped
 * entries are not run and do not count. */
static void
collect_user_load (Planner *p)
{
  GArray *existing = p->req->existing;

  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (existing, StridePlanEntry, i);
      double m = e->target_distance_m;

      if ((e->kind != STRIDE_PLAN_KIND_RUN && e->kind != STRIDE_PLAN_KIND_RACE)
          || e->status == STRIDE_PLAN_STATUS_SKIPPED
          || e->date < p->first || e->date >= p->race || !isfinite (m) || m <= 0)
        continue;
      p->user_m[e->date - p->first] += m;
      p->user_long_m[e->date - p->first] = MAX (p->user_long_m[e->date - p->first], m);
    }
}

/* The user's run distance on @from … @to (within the plan). */
static double
user_load (Planner *p,
           guint32  from,
           guint32  to)
{
  double sum = 0;

  for (guint32 d = MAX (from, p->first); d <= to && d < p->race; d++)
    sum += p->user_m[d - p->first];
  return sum;
}

/* Is there a key run on @day, generated or the user's? */
static gboolean
key_run_on (Planner *p,
            guint32  day)
{
  GArray *existing = p->req->existing;

  if (day == p->race)
    return TRUE;
  if (day >= p->first && day <= p->race && p->run_m[day - p->first] > 0
      && stride_plan_is_key_run (p->run_type[day - p->first]))
    return TRUE;
  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (existing, StridePlanEntry, i);

      if (e->date == day && (e->kind == STRIDE_PLAN_KIND_RACE
                             || (e->kind == STRIDE_PLAN_KIND_RUN && stride_plan_is_key_run (e->run_type))))
        return TRUE;
    }
  return FALSE;
}

/* A day takes a generated run when the user has no run, race or rest
 * there and leaves a slot free; *slot gets the slot. */
static gboolean
run_fits (Planner    *p,
          guint32     day,
          StrideSlot *slot)
{
  if (day < p->first || day >= p->race || p->run_m[day - p->first] > 0)
    return FALSE;
  if (user_has (p, day, STRIDE_PLAN_KIND_RUN) || user_has (p, day, STRIDE_PLAN_KIND_RACE)
      || user_has (p, day, STRIDE_PLAN_KIND_REST))
    return FALSE;
  if (!user_holds_slot (p, day, STRIDE_SLOT_MORNING))
    *slot = STRIDE_SLOT_MORNING;
  else if (!user_holds_slot (p, day, STRIDE_SLOT_EVENING))
    *slot = STRIDE_SLOT_EVENING;
  else
    return FALSE;
  return TRUE;
}

/* Single-run spike */

static double
reference_run (Planner *p,
               guint32  day,
               guint32  week_start)
{
  double longest = 0;
  double user = 0;
  guint32 from = day > SPIKE_WINDOW_DAYS ? day - SPIKE_WINDOW_DAYS : 1;

  /* Generated runs are known before the week only; the user's are known
   * on every day. */
  for (guint32 d = MAX (from, p->first); d < MIN (day, week_start); d++)
    longest = MAX (longest, p->run_m[d - p->first]);
  for (guint32 d = MAX (from, p->first); d < day; d++)
    user = MAX (user, p->user_long_m[d - p->first]);
  if (day <= p->result->history_until || longest <= 0)
    longest = MAX (longest, p->req->longest_run_m);
  return MAX (longest, user);
}

/* The longest run any day of the week may hold, from the runs before the
 * week: the smallest reference over its days, so a run may move to any
 * day of its week. */
static double
spike_cap (Planner *p,
           guint32  start,
           guint32  end)
{
  double cap = G_MAXDOUBLE;

  for (guint32 d = MAX (start, p->first); d <= end && d < p->race; d++)
    cap = MIN (cap, reference_run (p, d, start));
  return cap * p->t.spike_caution_percent / 100.0;
}

/* Paces */

static double
pace_for (Planner       *p,
          StrideRunType  type)
{
  double fraction;

  if (p->vdot <= 0)
    return 0;

  switch (type)
    {
    case STRIDE_RUN_TYPE_LONG:
      fraction = 0.72;
      break;
    case STRIDE_RUN_TYPE_TEMPO:
      fraction = 0.88;
      break;
    case STRIDE_RUN_TYPE_INTERVALS:
      fraction = 0.98;
      break;
    case STRIDE_RUN_TYPE_RACE:
      return p->req->goal_time_s / (p->req->race_distance_m / 1000.0);
    case STRIDE_RUN_TYPE_NONE:
    case STRIDE_RUN_TYPE_EASY:
    case STRIDE_RUN_TYPE_RECOVERY:
    case STRIDE_N_RUN_TYPES:
    default:
      fraction = 0.70;
      break;
    }
  return 60000.0 / stride_vdot_speed_for_oxygen (fraction * p->vdot);
}

static char *
describe_run (StrideRunType   type,
              StridePlanPhase phase,
              gboolean        race_week)
{
  static const guint tempo_min[] = { 15, 20, 25, 15 };
  static const guint reps[] = { 4, 5, 6, 4 };

  switch (type)
    {
    case STRIDE_RUN_TYPE_LONG:
      return g_strdup (_("Long run: steady, easy effort"));
    case STRIDE_RUN_TYPE_TEMPO:
      return g_strdup_printf (_("Tempo run: warm up, %u min at threshold pace, cool down"),
                              tempo_min[phase]);
    case STRIDE_RUN_TYPE_INTERVALS:
      return g_strdup_printf (_("Intervals: warm up, %u × 3 min at interval pace with 2 min "
                                "easy jogs, cool down"),
                              race_week ? 3 : reps[phase]);
    case STRIDE_RUN_TYPE_NONE:
    case STRIDE_RUN_TYPE_EASY:
    case STRIDE_RUN_TYPE_RACE:
    case STRIDE_RUN_TYPE_RECOVERY:
    case STRIDE_N_RUN_TYPES:
    default:
      return g_strdup (_("Easy run: conversational pace"));
    }
}

static void
add_item (Planner         *p,
          guint32          day,
          StrideSlot       slot,
          StridePlanKind   kind,
          StrideRunType    type,
          double           distance_m,
          double           duration_s,
          double           pace,
          char            *description,
          char           **keys)
{
  Item item = { { 0 }, keys };

  item.entry.date = day;
  item.entry.slot = slot;
  item.entry.kind = kind;
  item.entry.run_type = type;
  item.entry.target_distance_m = distance_m;
  item.entry.target_duration_s = duration_s;
  item.entry.target_pace_s_per_km = pace;
  item.entry.description = description;
  item.entry.status = STRIDE_PLAN_STATUS_PLANNED;
  g_array_append_val (p->items, item);
}

/* Strength sessions */

static char *
exercise_list (const char *const *keys,
               guint              n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const Exercise *e = find_exercise (keys[i]);

      g_string_append_printf (text, "%s%s %s", i > 0 ? ", " : "", e->name, e->dose);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_strength (const StridePlanRequest *req,
                   guint                    variant,
                   gboolean                 maintenance)
{
  GString *text = g_string_new (maintenance
                                ? _("Maintenance strength, 15 min: light loads, one or two sets of each")
                                : _("Strength, 20 min: compound and explosive lifts first, then correctives"));
  guint n_base = n_correctives (req->weak_hamstrings, req->weaker_side, req->weak_hip_abductors) >= 2
    ? 2 : 3;
  g_autofree char *base = exercise_list (variant % 2 == 0 ? base_a : base_b, n_base);

  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Base: %s"), base);
  if (req->weak_hamstrings)
    {
      g_autofree char *list = exercise_list (hamstring_keys, G_N_ELEMENTS (hamstring_keys));

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Hamstrings: %s"), list);
    }
  if (req->weaker_side != STRIDE_SIDE_BOTH)
    {
      g_autofree char *list = exercise_list (side_keys, G_N_ELEMENTS (side_keys));

      g_string_append_c (text, '\n');
      /* Translators: the first %s is "left leg" or "right leg" */
      g_string_append_printf (text, _("Unilateral, weak side first, one extra set on the %s: %s"),
                              req->weaker_side == STRIDE_SIDE_LEFT ? _("left leg") : _("right leg"),
                              list);
    }
  if (req->weak_hip_abductors)
    {
      g_autofree char *list = exercise_list (hip_keys, G_N_ELEMENTS (hip_keys));

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Hip abductors: %s"), list);
    }
  return g_string_free (text, FALSE);
}

static gboolean
user_run_in_slot (Planner    *p,
                  guint32     day,
                  StrideSlot  slot)
{
  GArray *existing = p->req->existing;

  for (guint i = 0; existing != NULL && i < existing->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (existing, StridePlanEntry, i);

      if (e->date == day && e->slot == slot && e->kind == STRIDE_PLAN_KIND_RUN)
        return TRUE;
    }
  return FALSE;
}

static guint
strength_between (Planner *p,
                  guint32  from,
                  guint32  to)
{
  guint n = 0;

  for (guint32 d = from; d <= to; d++)
    {
      if (user_has (p, d, STRIDE_PLAN_KIND_STRENGTH))
        n++;
      if (d >= p->first && d <= p->race && p->strength[d - p->first])
        n++;
    }
  return n;
}

/* RISK-RULES.md §4: running first, strength ≥ 6 h after a run of the same
 * day (morning run, evening session), never the day before a key run nor
 * in the last 5 days, one session at most in the race checklist's taper
 * window. */
static gboolean
strength_fits (Planner    *p,
               guint32     day,
               StrideSlot *slot)
{
  gboolean generated_run = p->run_m[day - p->first] > 0;

  if (day + STRIDE_PLANNER_NO_STRENGTH_DAYS >= p->race || p->strength[day - p->first])
    return FALSE;
  if (user_has (p, day, STRIDE_PLAN_KIND_REST) || user_has (p, day, STRIDE_PLAN_KIND_STRENGTH)
      || user_has (p, day, STRIDE_PLAN_KIND_RACE) || key_run_on (p, day + 1))
    return FALSE;
  if (day + STRIDE_PLANNER_TAPER_DAYS >= p->race
      && strength_between (p, p->race - STRIDE_PLANNER_TAPER_DAYS, p->race) >= 1)
    return FALSE;

  if (generated_run || user_has (p, day, STRIDE_PLAN_KIND_RUN))
    {
      if ((generated_run && p->run_slot[day - p->first] != STRIDE_SLOT_MORNING)
          || user_run_in_slot (p, day, STRIDE_SLOT_EVENING)
          || user_holds_slot (p, day, STRIDE_SLOT_EVENING))
        return FALSE;
      *slot = STRIDE_SLOT_EVENING;
      return TRUE;
    }

  if (!user_holds_slot (p, day, STRIDE_SLOT_EVENING))
    *slot = STRIDE_SLOT_EVENING;
  else if (!user_holds_slot (p, day, STRIDE_SLOT_MORNING))
    *slot = STRIDE_SLOT_MORNING;
  else
    return FALSE;
  return TRUE;
}

static void
add_strength (Planner    *p,
              guint32     day,
              StrideSlot  slot,
              gboolean    maintenance)
{
  const StridePlanRequest *req = p->req;
  guint variant = p->n_sessions++ % 2;

  p->strength[day - p->first] = TRUE;
  p->last_strength = day;
  add_item (p, day, slot, STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE, 0,
            maintenance ? STRIDE_PLANNER_MAINTENANCE_S : STRIDE_PLANNER_STRENGTH_S, 0,
            describe_strength (req, variant, maintenance),
            stride_plan_strength_keys (req->weak_hamstrings, req->weaker_side,
                                       req->weak_hip_abductors, variant));
}

static guint
wanted_sessions (StridePlanPhase phase,
                 guint           weeks_before_race)
{
  switch (phase)
    {
    case STRIDE_PLAN_PHASE_BASE:
    case STRIDE_PLAN_PHASE_BUILD:
      return 3;
    case STRIDE_PLAN_PHASE_PEAK:
      return 2;
    case STRIDE_PLAN_PHASE_TAPER:
    case STRIDE_N_PLAN_PHASES:
    default:
      return weeks_before_race == 1 ? 1 : 0;
    }
}

/* Two passes in date order: first sessions a day apart from each other
 * (recovery), then whatever still fits. */
static guint
plan_strength (Planner        *p,
               StridePlanWeek *week,
               guint           weeks_before_race)
{
  guint user = strength_between (p, week->start, week->end);
  guint wanted = wanted_sessions (week->phase, weeks_before_race);
  gboolean maintenance = week->phase == STRIDE_PLAN_PHASE_TAPER;
  guint placed = 0;

  wanted = wanted > user ? wanted - user : 0;
  for (guint pass = 0; pass < 2; pass++)
    for (guint32 d = MAX (week->start, p->first); d <= week->end && placed < wanted; d++)
      {
        StrideSlot slot;

        if (pass == 0 && p->last_strength != 0 && d < p->last_strength + 2)
          continue;
        if (!strength_fits (p, d, &slot))
          continue;
        add_strength (p, d, slot, maintenance);
        placed++;
      }

  if (!week->partial && week->phase != STRIDE_PLAN_PHASE_TAPER && placed + user < 2)
    {
      g_autofree char *day = format_day (week->start);

      note (p, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Week of %s: only %u strength session fits the spacing rules around runs and your entries",
                                             "Week of %s: only %u strength sessions fit the spacing rules around runs and your entries",
                                             placed + user),
                                day, placed + user));
    }
  return placed;
}

/* Runs of a week */

typedef struct
{
  Role          role;
  StrideRunType type;
  guint32       day;           /* 0 = not placed */
  StrideSlot    slot;
  double        distance_m;
} Slot;

static StrideRunType
key_type (Planner         *p,
          StridePlanPhase  phase,
          Role             role,
          guint            n_keys,
          guint            week_index)
{
  gboolean speed = p->cls->speed_first;

  if (phase == STRIDE_PLAN_PHASE_TAPER)
    return STRIDE_RUN_TYPE_INTERVALS;
  if (phase == STRIDE_PLAN_PHASE_BASE)
    return STRIDE_RUN_TYPE_TEMPO;
  if (n_keys == 1)
    speed = week_index % 2 == 0;
  else if (role == ROLE_KEY2)
    speed = !speed;
  return speed ? STRIDE_RUN_TYPE_INTERVALS : STRIDE_RUN_TYPE_TEMPO;
}

static guint32
pattern_day (Planner        *p,
             StridePlanWeek *week,
             guint           offset)
{
  GDateWeekday long_day = p->req->long_run_weekday == G_DATE_BAD_WEEKDAY
    ? G_DATE_SUNDAY : p->req->long_run_weekday;
  guint wanted = ((guint) long_day - 1 + offset) % 7 + 1;

  return week->start + (wanted + 7 - (guint) weekday_of (week->start)) % 7;
}

/* The week's runs by role, typed for the phase. In race week the race
 * stands for the long run and one short key session stays, at least 3
 * days before the race. */
static guint
week_slots (Planner        *p,
            StridePlanWeek *week,
            guint           weeks_before_race,
            guint           week_index,
            Slot           *slots)
{
  const PatternDay *pattern = patterns[p->req->run_days - STRIDE_PLANNER_MIN_RUN_DAYS];
  gboolean two_keys = p->req->run_days >= 4
    && (week->phase == STRIDE_PLAN_PHASE_BUILD || week->phase == STRIDE_PLAN_PHASE_PEAK);
  gboolean race_week = weeks_before_race == 0;
  guint n = p->req->run_days;
  guint n_keys = two_keys ? 2 : 1;
  gint race_key = -1;

  for (guint i = 0; i < n; i++)
    {
      Slot *s = &slots[i];

      s->role = pattern[i].role;
      s->day = pattern_day (p, week, pattern[i].offset);
      s->distance_m = 0;
      if (s->role == ROLE_KEY2 && !two_keys)
        s->role = ROLE_EASY;
      if (race_week && (s->role == ROLE_LONG || s->day + 3 > p->race))
        s->role = ROLE_EASY;
      if (race_week && s->role == ROLE_KEY2)
        s->role = ROLE_EASY;
      if (race_week && s->role == ROLE_EASY && s->day + 3 <= p->race && s->day >= p->first
          && (race_key < 0 || s->day > slots[race_key].day))
        race_key = (gint) i;
    }

  /* Race week without its key day: the latest easy day 3+ days out. */
  if (race_week)
    {
      gboolean has_key = FALSE;

      for (guint i = 0; i < n; i++)
        has_key |= slots[i].role == ROLE_KEY1;
      if (!has_key && race_key >= 0)
        slots[race_key].role = ROLE_KEY1;
    }

  for (guint i = 0; i < n; i++)
    {
      Slot *s = &slots[i];

      if (s->role == ROLE_LONG)
        s->type = STRIDE_RUN_TYPE_LONG;
      else if (s->role == ROLE_EASY)
        s->type = STRIDE_RUN_TYPE_EASY;
      else
        s->type = key_type (p, week->phase, s->role, n_keys, week_index);
    }
  return n;
}

static const char *
run_label (StrideRunType type)
{
  switch (type)
    {
    case STRIDE_RUN_TYPE_LONG:
      return _("long run");
    case STRIDE_RUN_TYPE_TEMPO:
      return _("tempo run");
    case STRIDE_RUN_TYPE_INTERVALS:
      return _("interval session");
    case STRIDE_RUN_TYPE_NONE:
    case STRIDE_RUN_TYPE_EASY:
    case STRIDE_RUN_TYPE_RACE:
    case STRIDE_RUN_TYPE_RECOVERY:
    case STRIDE_N_RUN_TYPES:
    default:
      return _("easy run");
    }
}

/* The nearest free day of the week (earlier first on a tie); key runs
 * stay 3+ days before the race. */
static gboolean
move_run (Planner        *p,
          StridePlanWeek *week,
          Slot           *s)
{
  for (guint delta = 1; delta < 7; delta++)
    for (gint sign = -1; sign <= 1; sign += 2)
      {
        guint32 d = sign < 0 ? s->day - delta : s->day + delta;

        if (d < week->start || d > week->end
            || (s->type != STRIDE_RUN_TYPE_EASY && d + 3 > p->race))
          continue;
        if (run_fits (p, d, &s->slot))
          {
            s->day = d;
            return TRUE;
          }
      }
  return FALSE;
}

/* Puts each run on its day, or the nearest free one; marks the day taken
 * (distance 1 until the real one is known). */
static void
place_runs (Planner        *p,
            StridePlanWeek *week,
            Slot           *slots,
            guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      Slot *s = &slots[i];
      guint32 wanted = s->day;
      g_autofree char *from = NULL;

      if (wanted < p->first || wanted >= p->race)
        {
          s->day = 0;
          continue;
        }
      if (!run_fits (p, wanted, &s->slot))
        {
          from = format_day (wanted);
          if (move_run (p, week, s))
            {
              g_autofree char *to = format_day (s->day);

              note (p, g_strdup_printf (_("The %s of %s moved to %s: your own entry holds that day"),
                                        run_label (s->type), from, to));
            }
          else
            {
              note (p, g_strdup_printf (_("The %s of %s was dropped: your own entries leave no "
                                          "free day in that week"),
                                        run_label (s->type), from));
              s->day = 0;
              continue;
            }
        }
      p->run_m[s->day - p->first] = 1;
    }
}

static double
floor_round (double distance_m)
{
  return floor (distance_m / ROUND_M + COMPARE_EPSILON) * ROUND_M;
}

static double
long_share (guint run_days)
{
  static const double shares[] = { 0.40, 0.33, 0.30, 0.27, 0.25 };

  return shares[run_days - STRIDE_PLANNER_MIN_RUN_DAYS];
}

/* What a budget too small for one more run leaves over goes onto the
 * runs already there: the long run first (up to the cap and the race's
 * long-run length), then the easy runs (up to the long run, or the
 * race's long-run length); key sessions keep their size. Without this a
 * small taper week would lose a third of its distance to rounding. */
static void
top_up (Planner *p,
        Slot    *slots,
        guint    n,
        double   remaining,
        double   cap)
{
  double long_m = 0;

  for (guint i = 0; i < n; i++)
    if (slots[i].role == ROLE_LONG && slots[i].distance_m > 0)
      {
        double room = MIN (cap, MAX (p->cls->long_cap_m, slots[i].distance_m)) - slots[i].distance_m;
        double add = floor_round (MAX (MIN (remaining, room), 0));

        slots[i].distance_m += add;
        remaining -= add;
        long_m = slots[i].distance_m;
      }

  for (guint i = 0; i < n; i++)
    if (slots[i].role == ROLE_EASY && slots[i].distance_m > 0)
      {
        double room = MIN (cap, long_m > 0 ? long_m : p->cls->long_cap_m) - slots[i].distance_m;
        double add = floor_round (MAX (MIN (remaining, room), 0));

        slots[i].distance_m += add;
        remaining -= add;
      }
}

/* Hands @budget out: long run, then key sessions, then easy runs, none
 * over @cap (spike) and none under 3 km — or under the cap itself when
 * the spike rule allows less (a run that would be is left out, distance
 * 0); whatever does not fit is not run. */
static void
size_runs (Planner        *p,
           StridePlanWeek *week,
           Slot           *slots,
           guint           n,
           double          budget,
           double          cap)
{
  double min_run = MIN (MIN_RUN_M, floor_round (cap));
  double remaining = budget;
  double long_m = 0;
  guint n_keys = 0;
  guint n_easy = 0;
  gboolean taper = week->phase == STRIDE_PLAN_PHASE_TAPER;

  if (min_run < MIN_RUN_M && !p->short_runs_noted)
    {
      p->short_runs_noted = TRUE;
      /* xgettext:no-c-format */
      note (p, g_strdup (_("Some runs are shorter than 3 km: your longest run of the last "
                           "30 days is short, and no run may exceed 110 % of it. The runs "
                           "grow as the long run grows.")));
    }

  for (guint i = 0; i < n; i++)
    if (slots[i].day != 0)
      {
        n_keys += slots[i].role == ROLE_KEY1 || slots[i].role == ROLE_KEY2;
        n_easy += slots[i].role == ROLE_EASY;
      }

  for (guint i = 0; i < n; i++)
    if (slots[i].day != 0 && slots[i].role == ROLE_LONG)
      {
        double want = MIN (MIN (long_share (p->req->run_days) * budget, p->cls->long_cap_m), cap);

        long_m = floor_round (MIN (MAX (want, min_run), MIN (remaining, cap)));
        long_m = long_m >= min_run && long_m > 0 ? long_m : 0;
        slots[i].distance_m = long_m;
      }
  remaining -= long_m;

  for (guint i = 0; i < n; i++)
    if (slots[i].day != 0 && (slots[i].role == ROLE_KEY1 || slots[i].role == ROLE_KEY2))
      {
        double want = MIN ((n_keys == 2 ? 0.18 : 0.20) * budget, p->cls->key_cap_m);

        want = MAX (want, taper ? MIN_TAPER_KEY_M : MIN_KEY_M);
        want = MIN (MIN (want, cap), remaining);
        if (long_m > 0)
          want = MIN (want, long_m);
        want = floor_round (want);
        slots[i].distance_m = want >= min_run && want > 0 ? want : 0;
        remaining -= slots[i].distance_m;
      }

  /* Easy runs share the rest evenly; with little left, fewer of them. */
  if (min_run > 0)
    n_easy = MIN (n_easy, (guint) MAX (floor (remaining / min_run + COMPARE_EPSILON), 0));
  else
    n_easy = 0;
  for (guint i = 0, done = 0; i < n; i++)
    if (slots[i].day != 0 && slots[i].role == ROLE_EASY)
      {
        double want = done < n_easy ? remaining / (n_easy - done) : 0;

        want = MIN (want, cap);
        if (long_m > 0)
          want = MIN (want, long_m);
        want = floor_round (want);
        slots[i].distance_m = want >= min_run && want > 0 ? want : 0;
        if (slots[i].distance_m > 0)
          {
            remaining -= slots[i].distance_m;
            done++;
          }
      }

  top_up (p, slots, n, remaining, cap);
}

static double
emit_runs (Planner        *p,
           StridePlanWeek *week,
           gboolean        race_week,
           Slot           *slots,
           guint           n)
{
  double planned = 0;

  for (guint i = 0; i < n; i++)
    {
      Slot *s = &slots[i];
      double pace;

      if (s->day == 0)
        continue;
      if (s->distance_m <= 0)
        {
          p->run_m[s->day - p->first] = 0;
          continue;
        }

      pace = pace_for (p, s->type);
      p->run_m[s->day - p->first] = s->distance_m;
      p->run_type[s->day - p->first] = s->type;
      p->run_slot[s->day - p->first] = s->slot;
      planned += s->distance_m;
      add_item (p, s->day, s->slot, STRIDE_PLAN_KIND_RUN, s->type, s->distance_m,
                pace > 0 ? s->distance_m / 1000.0 * pace : 0, pace,
                describe_run (s->type, week->phase, race_week), NULL);
    }
  return planned;
}

static double
plan_runs (Planner        *p,
           StridePlanWeek *week,
           guint           weeks_before_race,
           guint           week_index,
           double          budget)
{
  Slot slots[7];
  double cap = spike_cap (p, week->start, week->end);
  guint n = week_slots (p, week, weeks_before_race, week_index, slots);

  place_runs (p, week, slots, n);
  size_runs (p, week, slots, n, budget, cap);
  return emit_runs (p, week, weeks_before_race == 0, slots, n);
}

/* Weeks: phases and distance budgets */

/* Of the weeks before the taper, the last 1–3 are peak, then build and
 * base share the rest, build getting the odd one. */
static StridePlanPhase
phase_of (guint n_weeks,
          guint week_index)
{
  guint n_pre = n_weeks > 2 ? n_weeks - 2 : 0;
  guint n_peak = n_pre >= 8 ? 3 : n_pre >= 4 ? 2 : MIN (n_pre, 1);
  guint n_build = (n_pre - n_peak + 1) / 2;
  guint n_base = n_pre - n_peak - n_build;

  if (week_index >= n_pre)
    return STRIDE_PLAN_PHASE_TAPER;
  if (week_index < n_base)
    return STRIDE_PLAN_PHASE_BASE;
  if (week_index < n_base + n_build)
    return STRIDE_PLAN_PHASE_BUILD;
  return STRIDE_PLAN_PHASE_PEAK;
}

/* The week the progression heads for: the current distance raised by a
 * quarter, at least the race's usual minimum, at most its usual maximum
 * (a runner already above it keeps their distance). */
static double
peak_aim (Planner *p)
{
  double current = p->req->weekly_distance_m;

  if (current >= p->cls->max_peak_m)
    return current;
  return MIN (p->cls->max_peak_m, MAX (p->cls->min_peak_m, current * PEAK_GROWTH));
}

/* A week's run distance: the generated runs and the user's. */
static double
week_load (Planner              *p,
           const StridePlanWeek *w)
{
  return w->planned_m + user_load (p, w->start, w->end);
}

/* The peak week the taper cuts from: the longest full week before it. */
static double
taper_reference (Planner *p)
{
  GArray *weeks = p->result->weeks;
  double peak = 0;

  for (guint i = 0; i < weeks->len; i++)
    {
      const StridePlanWeek *w = &g_array_index (weeks, StridePlanWeek, i);

      if (!w->partial && w->phase != STRIDE_PLAN_PHASE_TAPER)
        peak = MAX (peak, week_load (p, w));
    }
  return peak > 0 ? peak : p->req->weekly_distance_m;
}

/* A week's distance for the ramp rule, the user's runs included: a
 * partial first week holds the user's own runs before tomorrow, so it
 * counts as the current distance. */
static double
ramp_base (Planner *p,
           gint     week_index)
{
  const StridePlanWeek *w;

  if (week_index < 0)
    return p->req->weekly_distance_m;
  w = &g_array_index (p->result->weeks, StridePlanWeek, week_index);
  return w->partial ? p->req->weekly_distance_m : week_load (p, w);
}

/* Days of the week that can hold a training run, over those of a full
 * week (6 in race week: race day is the race). */
static double
open_fraction (Planner              *p,
               const StridePlanWeek *week)
{
  guint32 from = MAX (week->start, p->first);
  guint32 to = MIN (week->end, p->race - 1);
  guint full = week->end == p->race ? 6 : 7;

  return to >= from ? (double) (to - from + 1) / full : 0;
}

static double
week_budget (Planner        *p,
             StridePlanWeek *week,
             guint           weeks_before_race,
             guint           week_index)
{
  double ramp = 1.0 + p->t.ramp_caution_percent / 100.0;
  double growth = MIN (MAX_WEEKLY_GROWTH, sqrt (ramp));
  double ramp_cap = ramp * ramp_base (p, (gint) week_index - 2);
  double target;

  if (week->phase == STRIDE_PLAN_PHASE_TAPER)
    {
      if (p->result->peak_m <= 0)
        p->result->peak_m = taper_reference (p);
      target = p->result->peak_m * (weeks_before_race == 1 ? TAPER_FIRST_WEEK : TAPER_RACE_WEEK);
    }
  else
    target = MIN (peak_aim (p), p->req->weekly_distance_m * pow (growth, week_index + 1));

  week->target_m = target;
  /* The user's runs of the week are part of its distance. */
  return MAX (MIN (target, ramp_cap) * open_fraction (p, week) - user_load (p, week->start, week->end),
              0);
}

static void
note_low_volume (Planner              *p,
                 const StridePlanWeek *week,
                 double                budget)
{
  if (week->partial || week->phase == STRIDE_PLAN_PHASE_TAPER || p->low_volume_noted
      || week->planned_m >= 0.9 * budget)
    return;

  p->low_volume_noted = TRUE;
  /* xgettext:no-c-format */
  note (p, g_strdup (_("Some weeks have less distance than the progression aims at: with the "
                       "run days given, longer runs would break the single-run spike limit "
                       "(110 % of the longest run of the previous 30 days). Add run days or "
                       "let the long run grow first.")));
}

static void
plan_week_runs (Planner *p,
                guint    n_weeks,
                guint    week_index)
{
  guint k = n_weeks - 1 - week_index;
  StridePlanWeek week = { 0 };
  double budget;

  week.end = p->race - 7 * k;
  week.start = week.end - 6;
  week.partial = week.start < p->first;
  week.phase = phase_of (n_weeks, week_index);

  budget = week_budget (p, &week, k, week_index);
  week.planned_m = plan_runs (p, &week, k, week_index, budget);
  note_low_volume (p, &week, budget);
  g_array_append_val (p->result->weeks, week);
}

/* Race day and short plans */

static char *
format_time (double seconds)
{
  guint s = (guint) lround (seconds);

  return g_strdup_printf ("%u:%02u:%02u", s / 3600, s / 60 % 60, s % 60);
}

static void
plan_race (Planner *p)
{
  const StridePlanRequest *req = p->req;
  StrideSlot slot = STRIDE_SLOT_MORNING;
  char *description;

  if (user_has (p, p->race, STRIDE_PLAN_KIND_RACE))
    {
      note (p, g_strdup (_("Your plan already holds the race on race day: it was not added again")));
      return;
    }
  if (user_holds_slot (p, p->race, STRIDE_SLOT_MORNING))
    slot = STRIDE_SLOT_EVENING;
  if (user_holds_slot (p, p->race, slot))
    {
      note (p, g_strdup (_("Your own entries fill race day: the race was not added")));
      return;
    }

  if (req->goal_time_s > 0)
    {
      g_autofree char *goal = format_time (req->goal_time_s);

      description = g_strdup_printf (_("Race day: goal %s"), goal);
    }
  else
    description = g_strdup (_("Race day"));
  add_item (p, p->race, slot, STRIDE_PLAN_KIND_RACE, STRIDE_RUN_TYPE_RACE, req->race_distance_m,
            req->goal_time_s, pace_for (p, STRIDE_RUN_TYPE_RACE), description, NULL);
}

static void
note_short_plan (Planner *p)
{
  guint days = p->race - p->req->today;

  if (days >= STRIDE_PLANNER_TAPER_DAYS)
    return;

  note (p, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The race is %u day away, less than the 2-week taper: "
                                         "there is no time left to build fitness, so only a "
                                         "taper is planned — shorter runs, one short key "
                                         "session at least 3 days before the race, no strength "
                                         "in the last 5 days. Base, build and peak weeks cannot "
                                         "be planned.",
                                         "The race is %u days away, less than the 2-week taper: "
                                         "there is no time left to build fitness, so only a "
                                         "taper is planned — shorter runs, one short key "
                                         "session at least 3 days before the race, no strength "
                                         "in the last 5 days. Base, build and peak weeks cannot "
                                         "be planned.",
                                         days),
                            days));
}

/* The spike limit wins over the taper: with short runs allowed, a
 * taper week may not reach its distance. Say so. */
static void
note_taper_cut (Planner *p)
{
  GArray *weeks = p->result->weeks;
  double taper = 0;
  double cut;

  if (weeks->len < 2 || g_array_index (weeks, StridePlanWeek, weeks->len - 2).partial)
    return;

  taper = week_load (p, &g_array_index (weeks, StridePlanWeek, weeks->len - 2))
    + week_load (p, &g_array_index (weeks, StridePlanWeek, weeks->len - 1));
  cut = 100.0 * (1.0 - taper / (2.0 * p->result->peak_m));
  if (cut < 41.0 - COMPARE_EPSILON)
    {
      note (p, g_strdup_printf (_("The taper cuts the distance by only %.0f %%, less than the "
                                  "advised 41–60 %%: your own runs in the last two weeks "
                                  "before the race are more than the taper allows"),
                                MAX (cut, 0)));
      return;
    }
  if (cut <= 60.0 + COMPARE_EPSILON)
    return;

  note (p, g_strdup_printf (_("The taper cuts the distance by %.0f %%, more than the advised "
                              "41–60 %%: with the run days given, longer taper runs would "
                              "break the single-run spike limit or outgrow the race's long "
                              "run"),
                            cut));
}

/* Result */

static gint
compare_items (gconstpointer a,
               gconstpointer b)
{
  const StridePlanEntry *x = &((const Item *) a)->entry;
  const StridePlanEntry *y = &((const Item *) b)->entry;

  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  return (gint) x->slot - (gint) y->slot;
}

static void
finish (Planner *p)
{
  StridePlanResult *result = p->result;

  g_array_sort (p->items, compare_items);
  for (guint i = 0; i < p->items->len; i++)
    {
      Item *item = &g_array_index (p->items, Item, i);

      g_array_append_val (result->entries, item->entry);
      g_ptr_array_add (result->exercise_keys, item->keys);
    }
}

static guint32
history_until (Planner *p,
               guint    n_weeks)
{
  for (guint i = 0; i < n_weeks; i++)
    {
      guint32 end = p->race - 7 * (n_weeks - 1 - i);

      if (end - 6 >= p->first)
        return end;
    }
  return p->race;
}

static StridePlanResult *
result_new (void)
{
  StridePlanResult *result = g_new0 (StridePlanResult, 1);

  result->entries = g_array_new (FALSE, TRUE, sizeof (StridePlanEntry));
  g_array_set_clear_func (result->entries, (GDestroyNotify) stride_plan_entry_clear);
  result->exercise_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  result->weeks = g_array_new (FALSE, TRUE, sizeof (StridePlanWeek));
  result->notes = g_ptr_array_new_with_free_func (g_free);
  return result;
}

static gboolean
validate (const StridePlanRequest  *req,
          StrideRiskThresholds     *t,
          GError                  **error)
{
  if (!validate_dates (req, error) || !validate_numbers (req, error))
    return FALSE;
  if (req->thresholds != NULL)
    *t = *req->thresholds;
  else
    stride_risk_thresholds_init (t);
  return validate_thresholds (t, error);
}

StridePlanResult *
stride_plan_generate (const StridePlanRequest  *request,
                      GError                  **error)
{
  Planner p = { 0 };
  g_autoptr(StridePlanResult) result = NULL;
  guint n_weeks;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!validate (request, &p.t, error))
    return NULL;

  p.req = request;
  p.first = request->today + 1;
  p.race = request->race_date;
  p.n_days = p.race - p.first + 1;
  for (p.cls = race_classes; request->race_distance_m > p.cls->max_race_m; p.cls++)
    ;
  if (request->goal_time_s > 0
      && !stride_vdot_from_race (request->race_distance_m, request->goal_time_s, &p.vdot, NULL))
    p.vdot = 0;

  p.run_m = g_new0 (double, p.n_days);
  p.user_m = g_new0 (double, p.n_days);
  p.user_long_m = g_new0 (double, p.n_days);
  p.run_type = g_new0 (StrideRunType, p.n_days);
  p.run_slot = g_new0 (StrideSlot, p.n_days);
  p.strength = g_new0 (gboolean, p.n_days);
  p.items = g_array_new (FALSE, TRUE, sizeof (Item));
  p.result = result = result_new ();

  n_weeks = (p.n_days + 6) / 7;
  collect_user_load (&p);
  result->history_until = history_until (&p, n_weeks);
  note_short_plan (&p);
  /* All runs first: a session at the end of a week must see the key run
   * that opens the next one. */
  for (guint i = 0; i < n_weeks; i++)
    plan_week_runs (&p, n_weeks, i);
  for (guint i = 0; i < n_weeks; i++)
    {
      StridePlanWeek *week = &g_array_index (result->weeks, StridePlanWeek, i);

      week->n_strength = plan_strength (&p, week, n_weeks - 1 - i);
    }
  plan_race (&p);
  if (result->peak_m <= 0)
    result->peak_m = taper_reference (&p);
  note_taper_cut (&p);
  finish (&p);

  g_free (p.run_m);
  g_free (p.user_m);
  g_free (p.user_long_m);
  g_free (p.run_type);
  g_free (p.run_slot);
  g_free (p.strength);
  g_array_unref (p.items);
  return g_steal_pointer (&result);
}
