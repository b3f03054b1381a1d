/* test-planner.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-planner"

#include "config.h"

#include <math.h>
#include <string.h>

#include "stride-planner.h"

/* Helpers */

#define EPS 1e-6

static const double race_distances[] = { 5000, 10000, 21097.5, 42195 };

static guint32
jd (guint year,
    guint month,
    guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static GDateWeekday
weekday (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_weekday (&date);
}

static void
request_for (StridePlanRequest *req,
             guint32            today,
             guint              days_ahead,
             double             race_m,
             double             weekly_km,
             guint              run_days)
{
  stride_plan_request_init (req);
  req->today = today;
  req->race_date = today + days_ahead;
  req->race_distance_m = race_m;
  req->weekly_distance_m = weekly_km * 1000;
  req->longest_run_m = weekly_km * 1000 * 0.3;
  req->run_days = run_days;
}

static void
set_profile (StridePlanRequest *req,
             guint              profile)
{
  req->weak_hamstrings = (profile & 1) != 0;
  req->weak_hip_abductors = (profile & 2) != 0;
  req->weaker_side = (StrideSide) ((profile / 4) % 3);
}

static gboolean
user_entry_on (const StridePlanRequest *req,
               guint32                  day,
               gint                     kind,
               gint                     slot)
{
  for (guint i = 0; req->existing != NULL && i < req->existing->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (req->existing, StridePlanEntry, i);

      if (e->date == day && (kind < 0 || e->kind == (StridePlanKind) kind)
          && (slot < 0 || e->slot == (StrideSlot) slot))
        return TRUE;
    }
  return FALSE;
}

static gboolean
user_entries_between (const StridePlanRequest *req,
                      guint32                  from,
                      guint32                  to)
{
  for (guint32 d = from; d <= to; d++)
    if (user_entry_on (req, d, -1, -1))
      return TRUE;
  return FALSE;
}

static gboolean
is_key (const StridePlanEntry *e)
{
  return e->kind == STRIDE_PLAN_KIND_RACE
    || (e->kind == STRIDE_PLAN_KIND_RUN && stride_plan_is_key_run (e->run_type));
}

/* Any key run (generated or the user's) on @day. */
static gboolean
key_on (const StridePlanRequest *req,
        GArray                  *entries,
        guint32                  day)
{
  GArray *lists[] = { entries, req->existing };

  if (day == req->race_date)
    return TRUE;
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        const StridePlanEntry *e = &g_array_index (lists[l], StridePlanEntry, i);

        if (e->date == day && is_key (e))
          return TRUE;
      }
  return FALSE;
}

static double
run_distance (GArray  *entries,
              guint32  from,
              guint32  to)
{
  double sum = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (entries, StridePlanEntry, i);

      if (e->kind == STRIDE_PLAN_KIND_RUN && e->date >= from && e->date <= to)
        sum += e->target_distance_m;
    }
  return sum;
}

static double
longest_run (GArray  *entries,
             guint32  from,
             guint32  to)
{
  double longest = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (entries, StridePlanEntry, i);

      if (e->kind == STRIDE_PLAN_KIND_RUN && e->date >= from && e->date <= to)
        longest = MAX (longest, e->target_distance_m);
    }
  return longest;
}

/* The user's run and race entries count as load (ramp, spike, taper) on
 * tomorrow … race − 1, skipped ones excepted. */
static gboolean
user_load_entry (const StridePlanRequest *req,
                 const StridePlanEntry   *e)
{
  return (e->kind == STRIDE_PLAN_KIND_RUN || e->kind == STRIDE_PLAN_KIND_RACE)
    && e->status != STRIDE_PLAN_STATUS_SKIPPED
    && e->date > req->today && e->date < req->race_date;
}

static double
user_distance (const StridePlanRequest *req,
               guint32                  from,
               guint32                  to)
{
  double sum = 0;

  for (guint i = 0; req->existing != NULL && i < req->existing->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (req->existing, StridePlanEntry, i);

      if (user_load_entry (req, e) && e->date >= from && e->date <= to)
        sum += e->target_distance_m;
    }
  return sum;
}

static double
user_longest (const StridePlanRequest *req,
              guint32                  from,
              guint32                  to)
{
  double longest = 0;

  for (guint i = 0; req->existing != NULL && i < req->existing->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (req->existing, StridePlanEntry, i);

      if (user_load_entry (req, e) && e->date >= from && e->date <= to)
        longest = MAX (longest, e->target_distance_m);
    }
  return longest;
}

static guint
count_entries (GArray        *entries,
               guint32        from,
               guint32        to,
               StridePlanKind kind,
               gint           run_type)
{
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (entries, StridePlanEntry, i);

      if (e->date >= from && e->date <= to && e->kind == kind
          && (run_type < 0 || e->run_type == (StrideRunType) run_type))
        n++;
    }
  return n;
}

static gboolean
has_key (char      **keys,
         const char *key)
{
  return keys != NULL && g_strv_contains ((const char *const *) keys, key);
}

/* Invariants: every rule of stride-planner.h, checked from the entries
 * alone (the weeks only say where a week starts). */

static void
check_entries_basic (const StridePlanRequest *req,
                     StridePlanResult        *r)
{
  guint n_race = 0;

  g_assert_cmpuint (r->entries->len, ==, r->exercise_keys->len);
  for (guint i = 0; i < r->entries->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (r->entries, StridePlanEntry, i);

      g_assert_cmpint (e->id, ==, 0);
      g_assert_cmpint (e->status, ==, STRIDE_PLAN_STATUS_PLANNED);
      g_assert_cmpuint (e->date, >, req->today);
      g_assert_cmpuint (e->date, <=, req->race_date);
      g_assert_nonnull (e->description);
      g_assert_false (user_entry_on (req, e->date, -1, e->slot));
      if (i > 0)
        {
          const StridePlanEntry *prev = &g_array_index (r->entries, StridePlanEntry, i - 1);

          /* Sorted, and never two entries in one day and slot. */
          g_assert_true (prev->date < e->date || (prev->date == e->date && prev->slot < e->slot));
        }
      if (e->kind == STRIDE_PLAN_KIND_RUN)
        {
          g_assert_cmpuint (e->date, <, req->race_date);
          g_assert_cmpfloat (e->target_distance_m, >=, MIN (3000, floor (req->longest_run_m * 1.1 / 100) * 100));
          g_assert_false (user_entry_on (req, e->date, STRIDE_PLAN_KIND_RUN, -1));
          g_assert_false (user_entry_on (req, e->date, STRIDE_PLAN_KIND_RACE, -1));
          g_assert_false (user_entry_on (req, e->date, STRIDE_PLAN_KIND_REST, -1));
          g_assert_cmpuint (count_entries (r->entries, e->date, e->date, STRIDE_PLAN_KIND_RUN, -1), ==, 1);
          /* No key session in the 2 days before the race. */
          if (stride_plan_is_key_run (e->run_type))
            g_assert_cmpuint (e->date + 3, <=, req->race_date);
        }
      else if (e->kind == STRIDE_PLAN_KIND_RACE)
        {
          n_race++;
          g_assert_cmpuint (e->date, ==, req->race_date);
          g_assert_cmpfloat (e->target_distance_m, ==, req->race_distance_m);
        }
      else
        g_assert_cmpint (e->kind, ==, STRIDE_PLAN_KIND_STRENGTH);
    }
  g_assert_cmpuint (n_race, ==, user_entry_on (req, req->race_date, STRIDE_PLAN_KIND_RACE, -1) ? 0 : 1);
}

/* Spike: each run ≤ 110 % of its reference (stride-planner.h), the
 * user's runs included. */
static void
check_spike (const StridePlanRequest    *req,
             StridePlanResult           *r,
             const StrideRiskThresholds *t,
             guint                      *n_runs)
{
  for (guint i = 0; i < r->entries->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (r->entries, StridePlanEntry, i);
      double ref;

      if (e->kind != STRIDE_PLAN_KIND_RUN)
        continue;
      (*n_runs)++;
      ref = longest_run (r->entries, e->date - 30, e->date - 1);
      if (e->date <= r->history_until || ref <= 0)
        ref = MAX (ref, req->longest_run_m);
      ref = MAX (ref, user_longest (req, e->date - 30, e->date - 1));
      g_assert_cmpfloat (e->target_distance_m, <=, ref * t->spike_caution_percent / 100 + EPS);
    }
}

/* Ramp, week layout, phases. */
static void
check_weeks (const StridePlanRequest *req,
             StridePlanResult        *r,
             double                   ramp_percent)
{
  GArray *weeks = r->weeks;
  StridePlanPhase last_phase = STRIDE_PLAN_PHASE_BASE;
  double base[2] = { req->weekly_distance_m, req->weekly_distance_m };

  g_assert_cmpuint (weeks->len, ==, (req->race_date - req->today + 6) / 7);
  for (guint i = 0; i < weeks->len; i++)
    {
      const StridePlanWeek *w = &g_array_index (weeks, StridePlanWeek, i);
      guint k = weeks->len - 1 - i;
      double planned = run_distance (r->entries, w->start, w->end);
      double load = planned + user_distance (req, w->start, w->end);

      g_assert_cmpuint (w->end, ==, req->race_date - 7 * k);
      g_assert_cmpuint (w->start + 6, ==, w->end);
      g_assert_cmpint (w->partial, ==, w->start <= req->today);
      g_assert_cmpfloat_with_epsilon (w->planned_m, planned, EPS);
      g_assert_cmpint (w->phase, >=, last_phase);
      g_assert_cmpint (w->phase == STRIDE_PLAN_PHASE_TAPER, ==, k <= 1);
      last_phase = w->phase;

      /* Ramp: this week vs two weeks earlier (partial first week =
       * current), the user's runs included. */
      g_assert_cmpfloat (load, <=, base[0] * (1 + ramp_percent / 100) + EPS);
      base[0] = base[1];
      base[1] = w->partial ? req->weekly_distance_m : load;
    }
}

static void
check_week_content (const StridePlanRequest *req,
                    StridePlanResult        *r)
{
  GDateWeekday long_day = req->long_run_weekday == G_DATE_BAD_WEEKDAY
    ? G_DATE_SUNDAY : req->long_run_weekday;

  for (guint i = 0; i < r->weeks->len; i++)
    {
      const StridePlanWeek *w = &g_array_index (r->weeks, StridePlanWeek, i);
      guint k = r->weeks->len - 1 - i;
      guint n_long = count_entries (r->entries, w->start, w->end, STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_LONG);
      guint n_keys = count_entries (r->entries, w->start, w->end, STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_TEMPO)
        + count_entries (r->entries, w->start, w->end, STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_INTERVALS);
      guint n_strength = count_entries (r->entries, w->start, w->end, STRIDE_PLAN_KIND_STRENGTH, -1);

      g_assert_cmpuint (n_strength, ==, w->n_strength);
      g_assert_cmpuint (n_keys, <=, 2);
      g_assert_cmpuint (n_long, <=, 1);
      if (k == 0)
        g_assert_cmpuint (n_long, ==, 0);
      /* Full weeks free of the user's entries: the whole pattern — unless
       * a very short longest run holds every run under 3 km (then a note
       * says so and the budget may not fit a long run and a key run). */
      if (w->partial || user_entries_between (req, w->start, w->end))
        continue;
      if (req->longest_run_m * 1.1 < 3000)
        {
          g_assert_cmpuint (r->notes->len, >, 0);
          continue;
        }
      if (k >= 1)
        {
          g_assert_cmpuint (n_long, ==, 1);
          /* On the preferred weekday, and the longest run of its week. */
          for (guint32 d = w->start; d <= w->end; d++)
            if (count_entries (r->entries, d, d, STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_LONG) == 1)
              {
                g_assert_cmpint (weekday (d), ==, long_day);
                g_assert_cmpfloat (run_distance (r->entries, d, d), ==,
                                   longest_run (r->entries, w->start, w->end));
              }
        }
      g_assert_cmpuint (n_keys, >=, 1);
      if (k >= 2)
        {
          g_assert_cmpuint (n_strength, >=, 2);
          g_assert_cmpuint (n_strength, <=, 3);
        }
      else if (k == 1 && !user_entries_between (req, req->race_date - 14, req->race_date))
        g_assert_cmpuint (count_entries (r->entries, req->race_date - 14, req->race_date,
                                         STRIDE_PLAN_KIND_STRENGTH, -1), ==, 1);
      else if (k == 0)
        g_assert_cmpuint (n_strength, ==, 0);
    }
}

static void
check_strength_content (const StridePlanRequest *req,
                        const StridePlanEntry   *e,
                        char                   **keys)
{
  gboolean side = req->weaker_side != STRIDE_SIDE_BOTH;

  g_assert_nonnull (keys);
  g_assert_true (has_key (keys, "back-squat") || has_key (keys, "deadlift"));
  g_assert_true (has_key (keys, "box-jump") || has_key (keys, "jump-squat"));
  g_assert_cmpint (has_key (keys, "nordic-curl"), ==, req->weak_hamstrings);
  g_assert_cmpint (has_key (keys, "romanian-deadlift"), ==, req->weak_hamstrings);
  g_assert_cmpint (has_key (keys, "leg-curl"), ==, req->weak_hamstrings);
  g_assert_cmpint (has_key (keys, "split-squat"), ==, side);
  g_assert_cmpint (has_key (keys, "single-leg-rdl"), ==, side);
  g_assert_cmpint (has_key (keys, "step-up"), ==, side);
  g_assert_cmpint (has_key (keys, "side-lying-hip-abduction"), ==, req->weak_hip_abductors);
  g_assert_cmpint (has_key (keys, "lateral-band-walk"), ==, req->weak_hip_abductors);
  g_assert_cmpint (has_key (keys, "single-leg-squat"), ==, req->weak_hip_abductors);

  g_assert_cmpint (strstr (e->description, "Nordic hamstring curl") != NULL, ==, req->weak_hamstrings);
  g_assert_cmpint (strstr (e->description, "Lateral band walk") != NULL, ==, req->weak_hip_abductors);
  g_assert_cmpint (strstr (e->description, "weak side first, one extra set") != NULL, ==, side);
  g_assert_cmpint (strstr (e->description, "left leg") != NULL, ==, req->weaker_side == STRIDE_SIDE_LEFT);
  g_assert_cmpint (strstr (e->description, "right leg") != NULL, ==, req->weaker_side == STRIDE_SIDE_RIGHT);
}

/* RISK-RULES.md §4, from the entries. */
static void
check_strength (const StridePlanRequest *req,
                StridePlanResult        *r,
                guint                   *n_sessions)
{
  guint32 race = req->race_date;
  guint in_taper = count_entries (r->entries, race - 14, race, STRIDE_PLAN_KIND_STRENGTH, -1);

  for (guint i = 0; req->existing != NULL && i < req->existing->len; i++)
    {
      const StridePlanEntry *u = &g_array_index (req->existing, StridePlanEntry, i);

      in_taper += u->kind == STRIDE_PLAN_KIND_STRENGTH && u->date + 14 >= race && u->date <= race;
    }
  if (count_entries (r->entries, race - 14, race, STRIDE_PLAN_KIND_STRENGTH, -1) > 0)
    g_assert_cmpuint (in_taper, <=, 1);

  for (guint i = 0; i < r->entries->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (r->entries, StridePlanEntry, i);
      char **keys = g_ptr_array_index (r->exercise_keys, i);

      if (e->kind != STRIDE_PLAN_KIND_STRENGTH)
        {
          g_assert_null (keys);
          continue;
        }
      (*n_sessions)++;
      g_assert_cmpfloat (e->target_duration_s, ==, e->date + 13 >= race ? 900 : 1200);
      g_assert_cmpuint (e->date + 5, <, race);                /* none in the last 5 days */
      g_assert_false (key_on (req, r->entries, e->date + 1)); /* ≥ 24 h before a key run */
      g_assert_false (user_entry_on (req, e->date, STRIDE_PLAN_KIND_STRENGTH, -1));
      g_assert_false (user_entry_on (req, e->date, STRIDE_PLAN_KIND_REST, -1));
      g_assert_cmpuint (count_entries (r->entries, e->date, e->date, STRIDE_PLAN_KIND_STRENGTH, -1), ==, 1);
      /* On a run day: evening, after morning runs only (≥ 6 h). */
      if (count_entries (r->entries, e->date, e->date, STRIDE_PLAN_KIND_RUN, -1) > 0
          || user_entry_on (req, e->date, STRIDE_PLAN_KIND_RUN, -1))
        {
          g_assert_cmpint (e->slot, ==, STRIDE_SLOT_EVENING);
          g_assert_false (user_entry_on (req, e->date, STRIDE_PLAN_KIND_RUN, STRIDE_SLOT_EVENING));
          for (guint j = 0; j < r->entries->len; j++)
            {
              const StridePlanEntry *run = &g_array_index (r->entries, StridePlanEntry, j);

              if (run->date == e->date && run->kind == STRIDE_PLAN_KIND_RUN)
                g_assert_cmpint (run->slot, ==, STRIDE_SLOT_MORNING);
            }
        }
      check_strength_content (req, e, keys);
    }
}

/* Taper: cut 41–60 % versus two peak weeks, when the whole taper is
 * planned. */
static void
check_taper (const StridePlanRequest *req,
             StridePlanResult        *r)
{
  guint32 race = req->race_date;
  double peak = 0;
  double taper;
  double cut;

  for (guint i = 0; i + 2 < r->weeks->len; i++)
    {
      const StridePlanWeek *w = &g_array_index (r->weeks, StridePlanWeek, i);

      if (!w->partial)
        peak = MAX (peak, w->planned_m + user_distance (req, w->start, w->end));
    }
  if (peak <= 0)
    peak = req->weekly_distance_m;
  g_assert_cmpfloat_with_epsilon (r->peak_m, peak, EPS);

  if (race - 13 <= req->today)
    {
      /* Too short for a taper: said so, and no more than a taper. */
      g_assert_cmpuint (r->notes->len, >, 0);
      g_assert_cmpfloat (run_distance (r->entries, req->today + 1, race)
                         + user_distance (req, req->today + 1, race), <=,
                         MAX (2 * peak * 0.60, user_distance (req, req->today + 1, race)) + EPS);
      return;
    }

  taper = run_distance (r->entries, race - 13, race - 1) + user_distance (req, race - 13, race - 1);
  cut = 100 * (1 - taper / (2 * peak));
  /* Under 41 % only when the user's own runs of a taper week are more
   * than that week's distance, and then a note says so. */
  if (user_distance (req, race - 13, race - 7) > 0.65 * peak + EPS
      || user_distance (req, race - 6, race - 1) > 0.35 * peak + EPS)
    {
      gboolean said = FALSE;

      for (guint i = 0; i < r->notes->len; i++)
        said |= strstr (g_ptr_array_index (r->notes, i), "your own runs") != NULL;
      g_assert_true (said || cut >= 41);
      return;
    }
  g_assert_cmpfloat (cut, >=, 41);
  /* Over 60 % only when the run-length limits held the runs back, and
   * then a note says so. */
  if (cut > 60)
    {
      gboolean said = FALSE;

      for (guint i = 0; i < r->notes->len; i++)
        said |= strstr (g_ptr_array_index (r->notes, i), "The taper cuts") != NULL;
      g_assert_true (said);
    }
}

/* PLANNER_DEBUG=1 prints each plan before it is checked. */
static void
dump (const StridePlanRequest *req,
      StridePlanResult        *r)
{
  g_printerr ("today %u race +%u (%s) %.0f m, %.0f m/week, %u days, longest %.0f, weekday %d\n",
              req->today, req->race_date - req->today, "", req->race_distance_m,
              req->weekly_distance_m, req->run_days, req->longest_run_m, req->long_run_weekday);
  for (guint i = 0; i < r->weeks->len; i++)
    {
      const StridePlanWeek *w = &g_array_index (r->weeks, StridePlanWeek, i);

      g_printerr ("  week +%d..+%d %s%s target %.0f planned %.0f strength %u\n",
                  (gint) (w->start - req->today), (gint) (w->end - req->today),
                  stride_plan_phase_to_id (w->phase), w->partial ? " partial" : "",
                  w->target_m, w->planned_m, w->n_strength);
    }
  for (guint i = 0; i < r->entries->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (r->entries, StridePlanEntry, i);

      g_printerr ("  +%u wd%d %d kind %d type %d %.0f m\n", e->date - req->today, weekday (e->date),
                  e->slot, e->kind, e->run_type, e->target_distance_m);
    }
  for (guint i = 0; i < r->notes->len; i++)
    g_printerr ("  note: %s\n", (char *) g_ptr_array_index (r->notes, i));
}

typedef struct
{
  guint n_plans;
  guint n_runs;
  guint n_sessions;
  guint n_weeks;
} Counts;

static void
check_plan (const StridePlanRequest *req,
            Counts                  *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StridePlanResult) r = stride_plan_generate (req, &error);
  g_autoptr(StridePlanResult) again = NULL;
  StrideRiskThresholds defaults;
  const StrideRiskThresholds *t = req->thresholds;

  g_assert_no_error (error);
  g_assert_nonnull (r);
  if (g_getenv ("PLANNER_DEBUG") != NULL)
    dump (req, r);
  if (t == NULL)
    {
      stride_risk_thresholds_init (&defaults);
      t = &defaults;
    }
  check_entries_basic (req, r);
  check_spike (req, r, t, &counts->n_runs);
  check_weeks (req, r, t->ramp_caution_percent);
  check_week_content (req, r);
  check_strength (req, r, &counts->n_sessions);
  check_taper (req, r);

  /* Deterministic. */
  again = stride_plan_generate (req, &error);
  g_assert_cmpuint (again->entries->len, ==, r->entries->len);
  for (guint i = 0; i < r->entries->len; i++)
    {
      const StridePlanEntry *a = &g_array_index (r->entries, StridePlanEntry, i);
      const StridePlanEntry *b = &g_array_index (again->entries, StridePlanEntry, i);

      g_assert_cmpuint (a->date, ==, b->date);
      g_assert_cmpint (a->slot, ==, b->slot);
      g_assert_cmpfloat (a->target_distance_m, ==, b->target_distance_m);
      g_assert_cmpstr (a->description, ==, b->description);
    }

  counts->n_plans++;
  counts->n_weeks += r->weeks->len;
}

/* Many inputs: run days 3–7 × 5k/10k/half/marathon × 10–100 km a week ×
 * races 2–30 weeks away on every weekday, imbalance profiles, long-run
 * weekdays, longest runs and goals varied along the way. */
static void
test_invariants_grid (void)
{
  static const double volumes_km[] = { 10, 25, 40, 60, 80, 100 };
  static const double longest_share[] = { 0.2, 0.35, 0.5 };
  guint32 today = jd (2026, 1, 7);
  Counts counts = { 0 };
  guint n = 0;

  for (guint days = 3; days <= 7; days++)
    for (guint d = 0; d < G_N_ELEMENTS (race_distances); d++)
      for (guint v = 0; v < G_N_ELEMENTS (volumes_km); v++)
        for (guint weeks = 2; weeks <= 30; weeks++, n++)
          {
            StridePlanRequest req;

            request_for (&req, today + n % 7, weeks * 7 + n % 7, race_distances[d], volumes_km[v], days);
            set_profile (&req, n % 12);
            req.long_run_weekday = (GDateWeekday) (n % 8);   /* 0 = G_DATE_BAD_WEEKDAY */
            req.longest_run_m = req.weekly_distance_m * longest_share[n % 3];
            if (n % 2 == 0)
              req.goal_time_s = race_distances[d] / 1000 * (240 + 20 * (n % 7));
            check_plan (&req, &counts);
          }

  g_test_message ("%u plans, %u weeks, %u runs, %u strength sessions checked",
                  counts.n_plans, counts.n_weeks, counts.n_runs, counts.n_sessions);
  g_assert_cmpuint (counts.n_plans, ==, 5 * 4 * 6 * 29);
}

/* Every imbalance profile (hamstrings × side none/left/right × hips) with
 * every run-day count and race distance. */
static void
test_invariants_profiles (void)
{
  guint32 today = jd (2026, 3, 2);
  Counts counts = { 0 };

  for (guint profile = 0; profile < 12; profile++)
    for (guint days = 3; days <= 7; days++)
      for (guint d = 0; d < G_N_ELEMENTS (race_distances); d++)
        for (guint weeks = 3; weeks <= 16; weeks += 13)
          {
            StridePlanRequest req;

            request_for (&req, today, weeks * 7 + profile % 7, race_distances[d], 45, days);
            set_profile (&req, profile);
            check_plan (&req, &counts);
          }
  g_assert_cmpuint (counts.n_plans, ==, 12 * 5 * 4 * 2);
}

/* Races 1–13 days away: taper-like plans, with a note. */
static void
test_short_plans (void)
{
  guint32 today = jd (2026, 5, 4);
  Counts counts = { 0 };

  for (guint ahead = 1; ahead < 14; ahead++)
    for (guint days = 3; days <= 7; days++)
      for (guint d = 0; d < G_N_ELEMENTS (race_distances); d++)
        {
          StridePlanRequest req;
          g_autoptr(StridePlanResult) r = NULL;
          g_autoptr(GError) error = NULL;

          request_for (&req, today, ahead, race_distances[d], 10 + 15 * d, days);
          set_profile (&req, ahead % 12);
          check_plan (&req, &counts);

          r = stride_plan_generate (&req, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (r->notes->len, >=, 1);
          g_assert_nonnull (strstr (g_ptr_array_index (r->notes, 0), "cannot be planned"));
          g_assert_cmpuint (count_entries (r->entries, today, req.race_date, STRIDE_PLAN_KIND_RACE, -1), ==, 1);
          for (guint i = 0; i < r->weeks->len; i++)
            g_assert_cmpint (g_array_index (r->weeks, StridePlanWeek, i).phase, ==, STRIDE_PLAN_PHASE_TAPER);
          if (ahead == 1)
            g_assert_cmpuint (r->entries->len, ==, 1);
        }
}

static void
add_user (GArray        *existing,
          guint32        day,
          StrideSlot     slot,
          StridePlanKind kind,
          StrideRunType  type)
{
  StridePlanEntry e = { 0 };

  e.id = existing->len + 1;
  e.date = day;
  e.slot = slot;
  e.kind = kind;
  e.run_type = type;
  e.target_distance_m = kind == STRIDE_PLAN_KIND_RUN ? 8000 : 0;
  e.description = g_strdup ("mine");
  g_array_append_val (existing, e);
}

/* The user's entries: never overwritten, never doubled, and every rule
 * still holds around them (their key runs and strength count too). */
static void
test_user_entries (void)
{
  static const StridePlanKind kinds[] = {
    STRIDE_PLAN_KIND_REST, STRIDE_PLAN_KIND_CROSS, STRIDE_PLAN_KIND_RUN,
    STRIDE_PLAN_KIND_STRENGTH, STRIDE_PLAN_KIND_RUN,
  };
  guint32 today = jd (2026, 2, 10);
  Counts counts = { 0 };
  guint n_moved = 0;

  for (guint days = 3; days <= 7; days++)
    for (guint step = 2; step <= 9; step++)
      for (guint weeks = 2; weeks <= 20; weeks += 6)
        {
          g_autoptr(GArray) existing = g_array_new (FALSE, TRUE, sizeof (StridePlanEntry));
          g_autoptr(StridePlanResult) r = NULL;
          StridePlanRequest req;

          g_array_set_clear_func (existing, (GDestroyNotify) stride_plan_entry_clear);
          request_for (&req, today, weeks * 7 + step % 7, race_distances[step % 4], 20 + 10 * step, days);
          set_profile (&req, step + days);
          for (guint32 d = today + 1, i = 0; d <= req.race_date; d += step, i++)
            add_user (existing, d, (StrideSlot) (i % 2), kinds[i % G_N_ELEMENTS (kinds)],
                      i % 3 == 0 ? STRIDE_RUN_TYPE_TEMPO : STRIDE_RUN_TYPE_EASY);
          req.existing = existing;
          check_plan (&req, &counts);

          r = stride_plan_generate (&req, NULL);
          for (guint i = 0; i < r->notes->len; i++)
            n_moved += strstr (g_ptr_array_index (r->notes, i), "moved to") != NULL;
        }
  g_assert_cmpuint (n_moved, >, 0);
}

/* Regression: the user's entries fill the first 8 weeks (a copy of the
 * generated plan's runs, as a demo journal would hold them, and with
 * @fill rest days on the other days). Their runs are load the plan
 * builds on — the ramp and spike histories count them — so the later
 * weeks reach the distances of the plan without the entries (they used
 * to be capped at 130 % of 0 km: no running at all). */
static void
test_user_weeks_then_plan (void)
{
  static const guint run_days[] = { 3, 5, 7 };

  for (guint fill = 0; fill < 2; fill++)
  for (guint k = 0; k < G_N_ELEMENTS (run_days); k++)
    for (guint d = 0; d < G_N_ELEMENTS (race_distances); d++)
      for (guint shift = 0; shift < 7; shift += 3)
        {
          g_autoptr(GArray) existing = g_array_new (FALSE, TRUE, sizeof (StridePlanEntry));
          g_autoptr(StridePlanResult) plain = NULL;
          g_autoptr(StridePlanResult) r = NULL;
          g_autoptr(GError) error = NULL;
          StridePlanRequest req;
          StridePlanEntry skipped = { 0 };
          Counts counts = { 0 };
          guint32 user_until;
          guint n_user_runs = 0;

          g_array_set_clear_func (existing, (GDestroyNotify) stride_plan_entry_clear);
          /* 140 (+ 0, 3, 6) days: 20 weeks, the first one partial or not. */
          request_for (&req, jd (2026, 8, 20), 140 + shift, race_distances[d], 40 + 10 * d,
                       run_days[k]);
          req.goal_time_s = race_distances[d] / 1000 * 330;
          plain = stride_plan_generate (&req, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (plain->weeks->len, >=, 20);

          /* The user's runs: the generated ones of the first 8 weeks. */
          user_until = g_array_index (plain->weeks, StridePlanWeek, 7).end;
          for (guint i = 0; i < plain->entries->len; i++)
            {
              const StridePlanEntry *e = &g_array_index (plain->entries, StridePlanEntry, i);
              StridePlanEntry copy = *e;

              if (e->kind != STRIDE_PLAN_KIND_RUN || e->date > user_until)
                continue;
              copy.id = existing->len + 1;
              copy.description = g_strdup ("mine");
              g_array_append_val (existing, copy);
              n_user_runs++;
            }
          g_assert_cmpuint (n_user_runs, >=, 8 * 3 - 3);
          for (guint32 day = req.today + 1; fill && day <= user_until; day++)
            if (!user_entry_on (&(StridePlanRequest) { .existing = existing }, day, STRIDE_PLAN_KIND_RUN, -1))
              add_user (existing, day, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_REST, STRIDE_RUN_TYPE_NONE);
          /* A long skipped run is not load: it must not raise the spike
           * limit (check_spike would see a run over it). */
          skipped.id = existing->len + 1;
          skipped.date = user_until - 1;
          skipped.slot = STRIDE_SLOT_EVENING;
          skipped.kind = STRIDE_PLAN_KIND_RUN;
          skipped.run_type = STRIDE_RUN_TYPE_LONG;
          skipped.target_distance_m = 60000;
          skipped.status = STRIDE_PLAN_STATUS_SKIPPED;
          skipped.description = g_strdup ("skipped");
          g_array_append_val (existing, skipped);
          req.existing = existing;

          check_plan (&req, &counts);
          r = stride_plan_generate (&req, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (r->weeks->len, ==, plain->weeks->len);
          if (fill)
            g_assert_cmpfloat_with_epsilon (r->peak_m, plain->peak_m, 0.05 * plain->peak_m);
          for (guint i = 0; i < r->weeks->len; i++)
            {
              const StridePlanWeek *w = &g_array_index (r->weeks, StridePlanWeek, i);
              const StridePlanWeek *pw = &g_array_index (plain->weeks, StridePlanWeek, i);

              if (w->end <= user_until)
                {
                  /* Filled weeks: nothing generated; else the generated
                   * runs only top the user's up to the week's target. */
                  if (fill)
                    g_assert_cmpuint (count_entries (r->entries, w->start, w->end,
                                                     STRIDE_PLAN_KIND_RUN, -1), ==, 0);
                  else if (!w->partial)
                    g_assert_cmpfloat (w->planned_m + pw->planned_m, <=, w->target_m + EPS);
                  continue;
                }
              g_assert_cmpfloat (w->planned_m, >, 0);
              /* (Without @fill the user's weeks and their top-ups may
               * make a higher peak, so a longer taper.) */
              if (fill || w->phase != STRIDE_PLAN_PHASE_TAPER)
                g_assert_cmpfloat_with_epsilon (w->target_m, pw->target_m, EPS);
              if (fill)
                g_assert_cmpfloat_with_epsilon (w->planned_m, pw->planned_m, 0.05 * pw->planned_m);
              else
                g_assert_cmpfloat (w->planned_m, >=, 0.9 * pw->planned_m);
            }
        }
}

/* The user's own race entry on race day is not doubled. */
static void
test_user_race (void)
{
  g_autoptr(GArray) existing = g_array_new (FALSE, TRUE, sizeof (StridePlanEntry));
  g_autoptr(StridePlanResult) r = NULL;
  g_autoptr(GError) error = NULL;
  StridePlanRequest req;
  Counts counts = { 0 };

  g_array_set_clear_func (existing, (GDestroyNotify) stride_plan_entry_clear);
  request_for (&req, jd (2026, 6, 1), 60, 10000, 40, 5);
  add_user (existing, req.race_date, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RACE, STRIDE_RUN_TYPE_RACE);
  req.existing = existing;
  check_plan (&req, &counts);
  r = stride_plan_generate (&req, &error);
  g_assert_cmpuint (count_entries (r->entries, req.race_date, req.race_date, STRIDE_PLAN_KIND_RACE, -1), ==, 0);
  g_assert_cmpuint (r->notes->len, ==, 1);
}

/* Custom thresholds: a 10 % ramp and a 105 % spike hold as well. */
static void
test_thresholds (void)
{
  StrideRiskThresholds t;
  Counts counts = { 0 };

  stride_risk_thresholds_init (&t);
  t.ramp_caution_percent = 10;
  t.spike_caution_percent = 105;
  for (guint days = 3; days <= 7; days++)
    for (guint d = 0; d < G_N_ELEMENTS (race_distances); d++)
      {
        StridePlanRequest req;

        request_for (&req, jd (2026, 8, 3), 70 + 7 * d, race_distances[d], 30, days);
        req.thresholds = &t;
        check_plan (&req, &counts);
      }
}

/* A worked example: 10 km in 12 weeks from 30 km a week, 4 run days,
 * Sunday long runs, a weak left side. */
static void
test_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StridePlanResult) r = NULL;
  StridePlanRequest req;
  const StridePlanWeek *first;
  guint n_strength = 0;

  /* Monday 2026-03-02; the race is on Sunday 2026-05-24. */
  request_for (&req, jd (2026, 3, 1), 84, 10000, 30, 4);
  req.longest_run_m = 10000;
  req.weaker_side = STRIDE_SIDE_LEFT;
  req.goal_time_s = 50 * 60;
  r = stride_plan_generate (&req, &error);
  g_assert_no_error (error);

  /* Sunday race: the weeks are ISO weeks, none partial. */
  g_assert_cmpuint (r->weeks->len, ==, 12);
  first = &g_array_index (r->weeks, StridePlanWeek, 0);
  g_assert_cmpuint (first->start, ==, jd (2026, 3, 2));
  g_assert_false (first->partial);
  g_assert_cmpint (first->phase, ==, STRIDE_PLAN_PHASE_BASE);
  g_assert_cmpint (g_array_index (r->weeks, StridePlanWeek, 9).phase, ==, STRIDE_PLAN_PHASE_PEAK);
  g_assert_cmpuint (r->history_until, ==, jd (2026, 3, 8));
  g_assert_cmpuint (r->notes->len, ==, 0);

  /* First long run: 110 % of 10 km at most (and 33 % of 33 km). */
  g_assert_cmpfloat (longest_run (r->entries, jd (2026, 3, 2), jd (2026, 3, 8)), <=, 11000);
  g_assert_cmpuint (count_entries (r->entries, jd (2026, 3, 8), jd (2026, 3, 8),
                                   STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_LONG), ==, 1);

  for (guint i = 0; i < r->entries->len; i++)
    {
      const StridePlanEntry *e = &g_array_index (r->entries, StridePlanEntry, i);

      if (e->kind == STRIDE_PLAN_KIND_STRENGTH)
        {
          n_strength++;
          g_assert_nonnull (strstr (e->description, "weak side first, one extra set on the left leg"));
          g_assert_nonnull (strstr (e->description, "Split squat"));
        }
      /* Paces from the goal's VDOT, 40.012: intervals at 98 % = 39.21 ml,
       * 0.000104 v² + 0.182258 v − 43.81 = 0 → v = 214.2 m/min, 280.1 s/km. */
      if (e->kind == STRIDE_PLAN_KIND_RUN && e->run_type == STRIDE_RUN_TYPE_INTERVALS)
        g_assert_cmpfloat_with_epsilon (e->target_pace_s_per_km, 280.1, 0.1);
      if (e->kind == STRIDE_PLAN_KIND_RUN && e->run_type == STRIDE_RUN_TYPE_EASY)
        g_assert_cmpfloat (e->target_pace_s_per_km, >, 330);
      if (e->kind == STRIDE_PLAN_KIND_RACE)
        {
          g_assert_cmpfloat_with_epsilon (e->target_pace_s_per_km, 300, 1e-9);
          g_assert_cmpfloat (e->target_duration_s, ==, 3000);
          g_assert_cmpstr (e->description, ==, "Race day: goal 0:50:00");
        }
    }
  /* 3 + 3 + 3 + 3 (base, build) … 2 + 2 (peak), 1 in the taper. */
  g_assert_cmpuint (n_strength, >=, 2 * 10 + 1);
  g_assert_cmpuint (n_strength, <=, 3 * 10 + 1);
}

static void
test_strength_keys (void)
{
  g_auto(GStrv) a = stride_plan_strength_keys (FALSE, STRIDE_SIDE_BOTH, FALSE, 0);
  g_auto(GStrv) b = stride_plan_strength_keys (FALSE, STRIDE_SIDE_BOTH, FALSE, 1);
  g_auto(GStrv) all = stride_plan_strength_keys (TRUE, STRIDE_SIDE_RIGHT, TRUE, 0);
  const char *const expected_a[] = { "back-squat", "box-jump", "hip-thrust", NULL };
  const char *const expected_b[] = { "deadlift", "jump-squat", "single-leg-calf-raise", NULL };

  g_assert_true (g_strv_equal ((const char *const *) a, expected_a));
  g_assert_true (g_strv_equal ((const char *const *) b, expected_b));
  /* Two lifts of the base and nine correctives. */
  g_assert_cmpuint (g_strv_length (all), ==, 2 + 9);
  g_assert_cmpstr (all[0], ==, "back-squat");
  g_assert_cmpstr (all[1], ==, "box-jump");
  g_assert_cmpstr (all[2], ==, "nordic-curl");
  g_assert_cmpstr (stride_plan_phase_to_id (STRIDE_PLAN_PHASE_TAPER), ==, "taper");
}

static void
expect_error (StridePlanRequest *req,
              gint               code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StridePlanResult) r = stride_plan_generate (req, &error);

  g_assert_null (r);
  g_assert_error (error, STRIDE_PLANNER_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_bad_input (void)
{
  StrideRiskThresholds t;
  StridePlanRequest req;
  guint32 today = jd (2026, 4, 1);
  const double bad[] = { 0, -5, NAN, INFINITY };

  request_for (&req, today, 0, 10000, 40, 4);
  expect_error (&req, STRIDE_PLANNER_ERROR_RACE_DATE);
  req.race_date = today - 10;
  expect_error (&req, STRIDE_PLANNER_ERROR_RACE_DATE);
  req.race_date = today + 400;
  expect_error (&req, STRIDE_PLANNER_ERROR_RACE_DATE);

  for (guint days = 0; days <= 10; days++)
    if (days < 3 || days > 7)
      {
        request_for (&req, today, 70, 10000, 40, days);
        expect_error (&req, STRIDE_PLANNER_ERROR_INVALID);
      }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      request_for (&req, today, 70, 10000, 40, 4);
      req.weekly_distance_m = bad[i];
      expect_error (&req, STRIDE_PLANNER_ERROR_INVALID);
      request_for (&req, today, 70, 10000, 40, 4);
      req.longest_run_m = bad[i];
      expect_error (&req, STRIDE_PLANNER_ERROR_INVALID);
      request_for (&req, today, 70, bad[i], 40, 4);
      expect_error (&req, STRIDE_PLANNER_ERROR_INVALID);
    }
  /* Absurd: 1000 km a week, a 150 km run, a 10 km in 10 minutes. */
  request_for (&req, today, 70, 10000, 1000, 4);
  expect_error (&req, STRIDE_PLANNER_ERROR_INVALID);
  request_for (&req, today, 70, 10000, 40, 4);
  req.longest_run_m = 150000;
  expect_error (&req, STRIDE_PLANNER_ERROR_INVALID);
  req.longest_run_m = 10000;
  req.goal_time_s = 600;
  expect_error (&req, STRIDE_PLANNER_ERROR_INVALID);
  req.goal_time_s = -1;
  expect_error (&req, STRIDE_PLANNER_ERROR_INVALID);
  req.goal_time_s = 0;
  req.long_run_weekday = (GDateWeekday) 9;
  expect_error (&req, STRIDE_PLANNER_ERROR_INVALID);
  req.long_run_weekday = G_DATE_SUNDAY;
  stride_risk_thresholds_init (&t);
  t.ramp_caution_percent = -1;
  req.thresholds = &t;
  expect_error (&req, STRIDE_PLANNER_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/planner/invariants/grid", test_invariants_grid);
  g_test_add_func ("/core/planner/invariants/profiles", test_invariants_profiles);
  g_test_add_func ("/core/planner/invariants/short", test_short_plans);
  g_test_add_func ("/core/planner/invariants/user-entries", test_user_entries);
  g_test_add_func ("/core/planner/invariants/thresholds", test_thresholds);
  g_test_add_func ("/core/planner/user-weeks-then-plan", test_user_weeks_then_plan);
  g_test_add_func ("/core/planner/user-race", test_user_race);
  g_test_add_func ("/core/planner/example", test_example);
  g_test_add_func ("/core/planner/strength-keys", test_strength_keys);
  g_test_add_func ("/core/planner/bad-input", test_bad_input);

  return g_test_run ();
}
