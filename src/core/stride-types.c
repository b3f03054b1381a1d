/* stride-types.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-types"

#include "config.h"

#include "stride-types.h"

#include <math.h>

void
stride_activity_clear (StrideActivity *activity)
{
  g_return_if_fail (activity != NULL);

  g_clear_pointer (&activity->title, g_free);
  g_clear_pointer (&activity->notes, g_free);
  g_clear_pointer (&activity->source_hash, g_free);
}

void
stride_exercise_clear (StrideExercise *exercise)
{
  g_return_if_fail (exercise != NULL);

  g_clear_pointer (&exercise->key, g_free);
  g_clear_pointer (&exercise->name, g_free);
  g_clear_pointer (&exercise->muscles, g_free);
}

void
stride_measurement_clear (StrideMeasurement *measurement)
{
  g_return_if_fail (measurement != NULL);

  g_clear_pointer (&measurement->test, g_free);
  g_clear_pointer (&measurement->method, g_free);
  g_clear_pointer (&measurement->unit, g_free);
  g_clear_pointer (&measurement->notes, g_free);
}

void
stride_plan_entry_clear (StridePlanEntry *entry)
{
  g_return_if_fail (entry != NULL);

  g_clear_pointer (&entry->description, g_free);
}

static gboolean
same_target (double a,
             double b)
{
  return fabs (a - b) < 0.5;
}

gboolean
stride_plan_entry_same_plan (const StridePlanEntry *a,
                             const StridePlanEntry *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->date == b->date
         && a->slot == b->slot
         && a->kind == b->kind
         && (a->kind != STRIDE_PLAN_KIND_RUN || a->run_type == b->run_type)
         && same_target (a->target_distance_m, b->target_distance_m)
         && same_target (a->target_duration_s, b->target_duration_s)
         && same_target (a->target_pace_s_per_km, b->target_pace_s_per_km)
         && g_strcmp0 (a->description != NULL ? a->description : "",
                       b->description != NULL ? b->description : "") == 0;
}

void
stride_race_clear (StrideRace *race)
{
  g_return_if_fail (race != NULL);

  g_clear_pointer (&race->name, g_free);
}

void
stride_pain_entry_clear (StridePainEntry *pain)
{
  g_return_if_fail (pain != NULL);

  g_clear_pointer (&pain->location, g_free);
  g_clear_pointer (&pain->notes, g_free);
}

void
stride_shoe_clear (StrideShoe *shoe)
{
  g_return_if_fail (shoe != NULL);

  g_clear_pointer (&shoe->name, g_free);
}

void
stride_checklist_answer_clear (StrideChecklistAnswer *answer)
{
  g_return_if_fail (answer != NULL);

  g_clear_pointer (&answer->iso_week, g_free);
  g_clear_pointer (&answer->item_id, g_free);
  g_clear_pointer (&answer->state, g_free);
  g_clear_pointer (&answer->note, g_free);
}

guint32
stride_today_julian (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                          g_date_time_get_month (now),
                                          g_date_time_get_year (now));

  return g_date_get_julian (date);
}

guint32
stride_julian_week_start (guint32      day,
                          GDateWeekday first_weekday)
{
  g_return_val_if_fail (first_weekday == G_DATE_MONDAY || first_weekday == G_DATE_SUNDAY, day);

  /* Julian day 1 was a Monday, so the weekday of @day is (day − 1) mod 7
   * + 1, as in GDate. */
  return day - (day + 7 - (guint32) first_weekday) % 7;
}

guint32
stride_julian_month_start (guint32 day)
{
  g_autoptr(GDate) date = g_date_new_julian (day);

  g_date_set_day (date, 1);
  return g_date_get_julian (date);
}

/* The id tables below are the words written to the database and accepted
 * on the command line; never change an existing one. */

static const char *const sport_ids[STRIDE_N_SPORTS] = {
  "run", "strength", "cycling", "walk", "swim", "other",
};

static const char *const run_type_ids[STRIDE_N_RUN_TYPES] = {
  "none", "easy", "long", "tempo", "intervals", "race", "recovery",
};

static const char *const side_ids[STRIDE_N_SIDES] = {
  "both", "left", "right",
};

static const char *const category_ids[STRIDE_N_CATEGORIES] = {
  "compound", "explosive", "unilateral", "posterior", "hip", "calf", "core", "mobility",
};

static const char *const plan_kind_ids[STRIDE_N_PLAN_KINDS] = {
  "run", "strength", "rest", "race", "cross",
};

static const char *const plan_status_ids[STRIDE_N_PLAN_STATUSES] = {
  "planned", "done", "skipped", "moved",
};

static const char *const slot_ids[STRIDE_N_SLOTS] = {
  "morning", "evening",
};

static const char *
id_of (const char *const *ids,
       guint              n_ids,
       guint              value)
{
  g_return_val_if_fail (value < n_ids, NULL);

  return ids[value];
}

static gboolean
value_of (const char *const *ids,
          guint              n_ids,
          const char        *id,
          guint             *value)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      if (g_str_equal (ids[i], id))
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_ID_PAIR(Type, name, table, count)                        \
  const char *                                                          \
  stride_##name##_to_id (Type value)                                    \
  {                                                                     \
    return id_of (table, count, (guint) value);                         \
  }                                                                     \
                                                                        \
  gboolean                                                              \
  stride_##name##_from_id (const char *id,                              \
                           Type       *value)                           \
  {                                                                     \
    guint v;                                                            \
                                                                        \
    g_return_val_if_fail (value != NULL, FALSE);                        \
                                                                        \
    if (!value_of (table, count, id, &v))                               \
      return FALSE;                                                     \
    *value = (Type) v;                                                  \
    return TRUE;                                                        \
  }

DEFINE_ID_PAIR (StrideSport, sport, sport_ids, STRIDE_N_SPORTS)
DEFINE_ID_PAIR (StrideRunType, run_type, run_type_ids, STRIDE_N_RUN_TYPES)
DEFINE_ID_PAIR (StrideSide, side, side_ids, STRIDE_N_SIDES)
DEFINE_ID_PAIR (StrideExerciseCategory, category, category_ids, STRIDE_N_CATEGORIES)
DEFINE_ID_PAIR (StridePlanKind, plan_kind, plan_kind_ids, STRIDE_N_PLAN_KINDS)
DEFINE_ID_PAIR (StridePlanStatus, plan_status, plan_status_ids, STRIDE_N_PLAN_STATUSES)
DEFINE_ID_PAIR (StrideSlot, slot, slot_ids, STRIDE_N_SLOTS)
