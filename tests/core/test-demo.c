/* test-demo.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include "stride-demo.h"

/* What the collecting sink keeps of each record. Points, laps and sets are
 * checked inside the callback (they are only valid there) and only their
 * problems are counted. */

typedef struct
{
  gint64         id;
  guint32        date;                /* local date */
  gint           local_minute;        /* minutes after local midnight */
  StrideSport    sport;
  StrideRunType  type;
  double         distance_m;
  double         duration_s;
  gint           avg_hr;
  gint           rpe;
  gint           tz;
  gint64         shoe_id;
  guint          n_points;
  guint          n_laps;
  guint          n_sets;
  gboolean       has_notes;
} Act;

typedef struct
{
  guint32     date;
  char       *test;
  char       *method;
  char       *unit;
  StrideSide  side;
  double      value;
} Meas;

typedef struct
{
  guint32 date;
  char   *location;
  gint    severity;
} Pain;

typedef struct
{
  guint32 date;
  double  distance_m;
  double  goal_s;
  gint64  activity_id;
} Race;

typedef struct
{
  guint32          date;
  StridePlanKind   kind;
  StrideRunType    run_type;
  StridePlanStatus status;
  double           distance_m;
  double           duration_s;
  double           pace;
  gint64           activity_id;
  gboolean         has_description;
} Plan;

typedef struct
{
  gint64  id;
  guint32 start;
  guint32 retired;
  double  limit_km;
} Shoe;

typedef struct
{
  guint32    today;
  guint32    epoch;
  GChecksum *checksum;
  char      *digest;
  gint64     next_id;

  GArray    *acts;
  GArray    *meas;
  GArray    *pains;
  GArray    *races;
  GArray    *plan;
  GArray    *shoes;

  guint      n_points;
  guint      bad_points;
  guint      bad_laps;
  guint      bad_sets;
  guint      bad_order;
  guint      n_callbacks;
  gint64     last_start;
} Collector;

static guint32
julian (GDateDay   day,
        GDateMonth month,
        GDateYear  year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static guint
weekday0 (guint32 j)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, j);
  return g_date_get_weekday (&date) - 1;
}

static void
hash (Collector     *c,
      gconstpointer  data,
      gsize          len)
{
  g_checksum_update (c->checksum, data, len);
}

#define HASH(c, v) hash ((c), &(v), sizeof (v))

static void
hash_str (Collector  *c,
          const char *str)
{
  if (str == NULL)
    hash (c, "\1", 1);
  else
    hash (c, str, strlen (str) + 1);
}

static void
problem (guint      *counter,
         const char *what,
         guint32     date)
{
  if (*counter < 5)
    g_test_message ("%s (date %u)", what, date);
  (*counter)++;
}

static gboolean
on_shoe (StrideShoe *shoe,
         guint       index,
         gpointer    user_data)
{
  Collector *c = user_data;
  Shoe s;

  c->n_callbacks++;
  g_assert_cmpint (shoe->id, ==, index + 1);
  shoe->id = 1000 + index;      /* what a store would do: a real id */
  hash_str (c, shoe->name);
  HASH (c, shoe->start_date);
  HASH (c, shoe->retired_date);
  HASH (c, shoe->limit_km);

  s.id = shoe->id;
  s.start = shoe->start_date;
  s.retired = shoe->retired_date;
  s.limit_km = shoe->limit_km;
  g_array_append_val (c->shoes, s);

  return TRUE;
}

static void
check_laps (Collector            *c,
            const StrideActivity *a,
            guint32               date,
            const StrideLap      *laps,
            guint                 n_laps)
{
  double distance = 0.0;
  double duration = 0.0;

  if (n_laps != (guint) ceil (a->distance_m / 1000.0 - 1e-9))
    problem (&c->bad_laps, "lap count is not one per km", date);

  for (guint i = 0; i < n_laps; i++)
    {
      if (laps[i].lap_index != (gint) i || fabs (laps[i].start_s - duration) > 1e-6 ||
          laps[i].distance_m <= 0.0 || laps[i].distance_m > 1000.0 || laps[i].duration_s <= 0.0)
        problem (&c->bad_laps, "lap out of order or empty", date);
      if ((a->avg_hr > 0) != (laps[i].avg_hr > 0))
        problem (&c->bad_laps, "lap HR does not match the activity", date);
      distance += laps[i].distance_m;
      duration += laps[i].duration_s;
    }

  if (fabs (distance - a->distance_m) > 1e-6 || fabs (duration - a->duration_s) > 1e-6)
    problem (&c->bad_laps, "laps do not add up to the activity", date);
}

static void
check_points (Collector              *c,
              const StrideActivity   *a,
              guint32                 date,
              const StrideTrackpoint *p,
              guint                   n)
{
  double hr_sum = 0.0;

  if (n < 2 || p[0].time_s != 0.0)
    {
      problem (&c->bad_points, "track too short or not starting at 0", date);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        {
          double dt = p[i].time_s - p[i - 1].time_s;

          if (dt <= 0.0 || dt > 5.0 || (i + 1 < n && dt != 5.0))
            problem (&c->bad_points, "points not every 5 s", date);
          if (p[i].distance_m < p[i - 1].distance_m)
            problem (&c->bad_points, "distance goes backwards", date);
          /* No jump faster than 8 m/s between points. */
          if ((p[i].distance_m - p[i - 1].distance_m) > 8.0 * dt + 1e-6)
            problem (&c->bad_points, "distance jumps", date);
        }
      if (p[i].lat < 52.3 || p[i].lat > 52.7 || p[i].lon < 13.0 || p[i].lon > 13.7)
        problem (&c->bad_points, "position outside Berlin", date);
      if (isnan (p[i].elevation_m) || p[i].elevation_m < 20.0 || p[i].elevation_m > 60.0)
        problem (&c->bad_points, "implausible elevation", date);
      if (p[i].cadence < 150 || p[i].cadence > 200)
        problem (&c->bad_points, "implausible cadence", date);
      if (a->avg_hr > 0 && (p[i].hr < 80 || p[i].hr > 200))
        problem (&c->bad_points, "implausible HR", date);
      if (a->avg_hr == 0 && p[i].hr != 0)
        problem (&c->bad_points, "HR on a run without HR", date);
      hr_sum += p[i].hr;
    }

  if (fabs (p[n - 1].time_s - a->duration_s) > 1e-6 ||
      fabs (p[n - 1].distance_m - a->distance_m) > 1e-6)
    problem (&c->bad_points, "track does not end at the activity's duration and distance", date);
  if (a->avg_hr > 0 && fabs (hr_sum / n - a->avg_hr) > 1.0)
    problem (&c->bad_points, "avg HR is not the mean of the points", date);
}

static void
check_sets (Collector               *c,
            guint32                  date,
            const StrideStrengthSet *sets,
            const char *const       *keys,
            guint                    n_sets)
{
  const char *const *known = stride_demo_list_exercise_keys ();
  g_autoptr(GHashTable) left = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) right = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) both = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (n_sets == 0)
    problem (&c->bad_sets, "strength session without sets", date);

  for (guint i = 0; i < n_sets; i++)
    {
      GHashTable *table = sets[i].side == STRIDE_SIDE_LEFT ? left :
                          sets[i].side == STRIDE_SIDE_RIGHT ? right : both;
      guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (table, keys[i]));

      if (!g_strv_contains (known, keys[i]))
        problem (&c->bad_sets, "unknown exercise key", date);
      if (sets[i].exercise_id != 0 || sets[i].activity_id != 0)
        problem (&c->bad_sets, "ids set by the generator", date);
      if (sets[i].position != (gint) i + 1 || sets[i].reps < 1 || sets[i].reps > 30 ||
          sets[i].load_kg < 0.0 || sets[i].load_kg > 200.0 || sets[i].rpe < 1 || sets[i].rpe > 10)
        problem (&c->bad_sets, "implausible set", date);
      g_hash_table_insert (table, (gpointer) keys[i], GUINT_TO_POINTER (seen + 1));
    }

  /* Unilateral: per side, left first with one extra set; bilateral: "both". */
  g_hash_table_iter_init (&iter, left);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (both, key))
        problem (&c->bad_sets, "exercise both per side and bilateral", date);
      if (GPOINTER_TO_UINT (value) != GPOINTER_TO_UINT (g_hash_table_lookup (right, key)) + 1)
        problem (&c->bad_sets, "left side does not have one extra set", date);
    }
  if (g_hash_table_size (left) != g_hash_table_size (right) || g_hash_table_size (left) == 0 ||
      g_hash_table_size (both) == 0)
    problem (&c->bad_sets, "session lacks unilateral or bilateral work", date);
}

static gboolean
on_activity (StrideActivity    *a,
             StrideStrengthSet *sets,
             const char *const *keys,
             guint              n_sets,
             StrideTrackpoint  *points,
             guint              n_points,
             StrideLap         *laps,
             guint              n_laps,
             gpointer           user_data)
{
  Collector *c = user_data;
  gint64 local = a->start_utc + a->tz_offset_s;
  Act act = { 0, };

  c->n_callbacks++;
  g_assert_cmpint (a->id, ==, 0);
  a->id = ++c->next_id;

  act.id = a->id;
  act.date = c->epoch + (guint32) (local / 86400);
  act.local_minute = (gint) (local % 86400 / 60);
  act.sport = a->sport;
  act.type = a->run_type;
  act.distance_m = a->distance_m;
  act.duration_s = a->duration_s;
  act.avg_hr = a->avg_hr;
  act.rpe = a->rpe;
  act.tz = a->tz_offset_s;
  act.shoe_id = a->shoe_id;
  act.n_points = n_points;
  act.n_laps = n_laps;
  act.n_sets = n_sets;
  act.has_notes = a->notes != NULL;
  g_array_append_val (c->acts, act);

  if (a->start_utc <= c->last_start)
    problem (&c->bad_order, "activities not in time order", act.date);
  c->last_start = a->start_utc;

  HASH (c, a->sport);
  HASH (c, a->start_utc);
  HASH (c, a->tz_offset_s);
  HASH (c, a->duration_s);
  HASH (c, a->moving_s);
  HASH (c, a->distance_m);
  HASH (c, a->elevation_gain_m);
  HASH (c, a->avg_hr);
  HASH (c, a->rpe);
  HASH (c, a->run_type);
  HASH (c, a->shoe_id);
  hash_str (c, a->title);
  hash_str (c, a->notes);
  hash_str (c, a->source_hash);

  for (guint i = 0; i < n_sets; i++)
    {
      hash_str (c, keys[i]);
      HASH (c, sets[i].side);
      HASH (c, sets[i].reps);
      HASH (c, sets[i].load_kg);
      HASH (c, sets[i].rpe);
      HASH (c, sets[i].position);
    }
  for (guint i = 0; i < n_points; i++)
    {
      HASH (c, points[i].time_s);
      HASH (c, points[i].lat);
      HASH (c, points[i].lon);
      HASH (c, points[i].elevation_m);
      HASH (c, points[i].distance_m);
      HASH (c, points[i].hr);
      HASH (c, points[i].cadence);
    }
  for (guint i = 0; i < n_laps; i++)
    {
      HASH (c, laps[i].lap_index);
      HASH (c, laps[i].start_s);
      HASH (c, laps[i].duration_s);
      HASH (c, laps[i].distance_m);
      HASH (c, laps[i].avg_hr);
    }

  c->n_points += n_points;
  if (a->sport == STRIDE_SPORT_RUN)
    {
      if (n_sets != 0)
        problem (&c->bad_sets, "sets on a run", act.date);
      check_laps (c, a, act.date, laps, n_laps);
      if (n_points > 0)
        check_points (c, a, act.date, points, n_points);
    }
  else
    {
      if (n_points != 0 || n_laps != 0)
        problem (&c->bad_points, "track on a strength session", act.date);
      check_sets (c, act.date, sets, keys, n_sets);
    }

  return TRUE;
}

static gboolean
on_measurement (StrideMeasurement *m,
                gpointer           user_data)
{
  Collector *c = user_data;
  Meas meas;

  c->n_callbacks++;
  HASH (c, m->date);
  hash_str (c, m->test);
  hash_str (c, m->method);
  HASH (c, m->side);
  HASH (c, m->value);
  hash_str (c, m->unit);
  hash_str (c, m->notes);

  meas.date = m->date;
  meas.test = g_strdup (m->test);
  meas.method = g_strdup (m->method);
  meas.unit = g_strdup (m->unit);
  meas.side = m->side;
  meas.value = m->value;
  g_array_append_val (c->meas, meas);

  return TRUE;
}

static gboolean
on_pain (StridePainEntry *p,
         gpointer         user_data)
{
  Collector *c = user_data;
  Pain pain;

  c->n_callbacks++;
  HASH (c, p->date);
  hash_str (c, p->location);
  HASH (c, p->side);
  HASH (c, p->severity);
  hash_str (c, p->notes);

  pain.date = p->date;
  pain.location = g_strdup (p->location);
  pain.severity = p->severity;
  g_array_append_val (c->pains, pain);

  return TRUE;
}

static gboolean
on_race (StrideRace *r,
         gpointer    user_data)
{
  Collector *c = user_data;
  Race race;

  c->n_callbacks++;
  HASH (c, r->date);
  hash_str (c, r->name);
  HASH (c, r->distance_m);
  HASH (c, r->goal_time_s);
  g_assert_nonnull (r->name);

  race.date = r->date;
  race.distance_m = r->distance_m;
  race.goal_s = r->goal_time_s;
  race.activity_id = r->activity_id;
  g_array_append_val (c->races, race);

  return TRUE;
}

static gboolean
on_plan_entry (StridePlanEntry *e,
               gpointer         user_data)
{
  Collector *c = user_data;
  Plan plan;

  c->n_callbacks++;
  HASH (c, e->date);
  HASH (c, e->slot);
  HASH (c, e->kind);
  HASH (c, e->run_type);
  HASH (c, e->target_distance_m);
  HASH (c, e->target_duration_s);
  HASH (c, e->target_pace_s_per_km);
  hash_str (c, e->description);
  HASH (c, e->status);

  plan.date = e->date;
  plan.kind = e->kind;
  plan.run_type = e->run_type;
  plan.status = e->status;
  plan.distance_m = e->target_distance_m;
  plan.duration_s = e->target_duration_s;
  plan.pace = e->target_pace_s_per_km;
  plan.activity_id = e->activity_id;
  plan.has_description = e->description != NULL && *e->description != '\0';
  g_array_append_val (c->plan, plan);

  return TRUE;
}

static const StrideDemoSink collector_sink = {
  on_shoe, on_activity, on_measurement, on_pain, on_race, on_plan_entry,
};

static void
meas_clear (gpointer data)
{
  Meas *m = data;

  g_free (m->test);
  g_free (m->method);
  g_free (m->unit);
}

static void
pain_clear (gpointer data)
{
  g_free (((Pain *) data)->location);
}

static void
collector_free (Collector *c)
{
  g_array_unref (c->acts);
  g_array_unref (c->meas);
  g_array_unref (c->pains);
  g_array_unref (c->races);
  g_array_unref (c->plan);
  g_array_unref (c->shoes);
  g_free (c->digest);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Collector, collector_free)

static Collector *
collect (guint   years,
         guint32 today,
         guint32 seed)
{
  Collector *c = g_new0 (Collector, 1);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  c->today = today;
  c->epoch = julian (1, G_DATE_JANUARY, 1970);
  c->checksum = checksum;
  c->acts = g_array_new (FALSE, TRUE, sizeof (Act));
  c->meas = g_array_new (FALSE, TRUE, sizeof (Meas));
  g_array_set_clear_func (c->meas, meas_clear);
  c->pains = g_array_new (FALSE, TRUE, sizeof (Pain));
  g_array_set_clear_func (c->pains, pain_clear);
  c->races = g_array_new (FALSE, TRUE, sizeof (Race));
  c->plan = g_array_new (FALSE, TRUE, sizeof (Plan));
  c->shoes = g_array_new (FALSE, TRUE, sizeof (Shoe));

  g_assert_true (stride_demo_generate (years, today, seed, &collector_sink, c));
  c->digest = g_strdup (g_checksum_get_string (checksum));
  c->checksum = NULL;

  return c;
}

/* Several spans, days of the year and seeds, so the rules hold in general
 * and not for one lucky stream. Generated once, shared by the tests. */
typedef struct
{
  guint      years;
  GDateDay   day;
  GDateMonth month;
  GDateYear  year;
  guint32    seed;
} Config;

static const Config configs[] = {
  { 2, 15, G_DATE_MARCH, 2026, 42 },
  { 3, 1, G_DATE_OCTOBER, 2025, 7 },
  { 1, 29, G_DATE_FEBRUARY, 2024, 1 },
  { 10, 20, G_DATE_JUNE, 2026, STRIDE_DEMO_DEFAULT_SEED },
  { 4, 3, G_DATE_MAY, 2027, 123456789 },
};

static Collector *collected[G_N_ELEMENTS (configs)];

static Collector *
get_config (guint i)
{
  if (collected[i] == NULL)
    collected[i] = collect (configs[i].years,
                            julian (configs[i].day, configs[i].month, configs[i].year),
                            configs[i].seed);
  return collected[i];
}

static guint32
start_of (guint i)
{
  return stride_demo_get_start (configs[i].years,
                                julian (configs[i].day, configs[i].month, configs[i].year));
}

/* Tests */

static void
test_deterministic (void)
{
  guint32 today = julian (15, G_DATE_MARCH, 2026);
  g_autoptr(Collector) a = collect (2, today, 42);
  g_autoptr(Collector) b = collect (2, today, 42);
  g_autoptr(Collector) other_seed = collect (2, today, 43);
  g_autoptr(Collector) other_day = collect (2, today + 1, 42);

  g_assert_cmpstr (a->digest, ==, b->digest);
  g_assert_cmpuint (a->n_callbacks, ==, b->n_callbacks);
  g_assert_cmpuint (a->acts->len, >, 500);
  g_assert_cmpstr (a->digest, !=, other_seed->digest);
  g_assert_cmpstr (a->digest, !=, other_day->digest);

  /* Same stream as the one the shared collector made for this config. */
  g_assert_cmpstr (a->digest, ==, get_config (0)->digest);
}

static void
check_weeks (Collector *c,
             guint32    start,
             guint      years,
             gboolean   verbose)
{
  guint32 first_monday = start + (7 - weekday0 (start)) % 7;
  guint n_weeks = 0;
  guint n_relaxed = 0;
  guint total_runs = 0;

  for (guint32 monday = first_monday; monday + 6 < c->today; monday += 7)
    {
      guint runs = 0;
      guint strength = 0;
      double km = 0.0;
      gboolean near_race = FALSE;

      for (guint i = 0; i < c->acts->len; i++)
        {
          const Act *a = &g_array_index (c->acts, Act, i);

          if (a->date < monday || a->date > monday + 6)
            continue;
          if (a->sport == STRIDE_SPORT_RUN)
            {
              runs++;
              km += a->distance_m / 1000.0;
            }
          else if (a->sport == STRIDE_SPORT_STRENGTH)
            strength++;
        }

      /* Taper and race weeks: a race within this week or the 3 after. */
      for (guint i = 0; i < c->races->len; i++)
        {
          const Race *r = &g_array_index (c->races, Race, i);

          if (r->date >= monday && r->date <= monday + 27)
            near_race = TRUE;
        }

      if (verbose)
        g_test_message ("week %u: %u runs, %.1f km, %u strength%s", monday, runs, km, strength,
                        near_race ? " (race/taper)" : "");
      g_assert_cmpuint (runs, >=, 3);
      g_assert_cmpuint (runs, <=, 6);
      g_assert_cmpfloat (km, >=, 55.0);
      g_assert_cmpfloat (km, <=, 135.0);
      g_assert_cmpuint (strength, <=, 3);
      if (near_race)
        n_relaxed++;
      else
        g_assert_cmpuint (strength, >=, 2);

      n_weeks++;
      total_runs += runs;
    }

  g_assert_cmpuint (n_weeks, >=, years * 52 - 2);
  g_assert_cmpuint (n_relaxed, <, n_weeks / 2);
  g_assert_cmpfloat ((double) total_runs / MAX (n_weeks, 1), >=, 4.3);
}

static void
test_weeks (void)
{
  for (guint ci = 0; ci < G_N_ELEMENTS (configs); ci++)
    check_weeks (get_config (ci), start_of (ci), configs[ci].years, TRUE);
}

/* The weekly rules, the plan window and the pace order hold for any day
 * of the year and any seed, not only for the configs above. */
static void
test_sweep (void)
{
  guint32 base = julian (1, G_DATE_JANUARY, 2025);

  for (guint i = 0; i < 40; i++)
    {
      guint32 today = base + i * 19;
      guint years = 1 + i % 3;
      g_autoptr(Collector) c = collect (years, today, 1000 + i * 7919);

      check_weeks (c, stride_demo_get_start (years, today), years, FALSE);
      g_assert_cmpuint (c->bad_laps, ==, 0);
      g_assert_cmpuint (c->bad_points, ==, 0);
      g_assert_cmpuint (c->bad_sets, ==, 0);
      g_assert_cmpuint (c->bad_order, ==, 0);
      g_assert_cmpuint (c->shoes->len, >=, 4);

      for (guint j = 0; j < c->plan->len; j++)
        {
          guint32 date = g_array_index (c->plan, Plan, j).date;

          g_assert_cmpuint (date, >, today);
          g_assert_cmpuint (date, <=, today + STRIDE_DEMO_PLAN_DAYS);
        }
    }
}

static void
test_phases (void)
{
  /* Weekly distance moves: some weeks low (base/taper), some high (peak). */
  Collector *c = get_config (3);
  guint32 start = start_of (3);
  guint32 first_monday = start + (7 - weekday0 (start)) % 7;
  guint low = 0;
  guint high = 0;

  for (guint32 monday = first_monday; monday + 6 < c->today; monday += 7)
    {
      double km = 0.0;

      for (guint i = 0; i < c->acts->len; i++)
        {
          const Act *a = &g_array_index (c->acts, Act, i);

          if (a->date >= monday && a->date <= monday + 6 && a->sport == STRIDE_SPORT_RUN)
            km += a->distance_m / 1000.0;
        }
      low += km < 80.0;
      high += km > 110.0;
    }

  g_assert_cmpuint (low, >, 50);
  g_assert_cmpuint (high, >, 50);
}

static void
test_strength (void)
{
  for (guint ci = 0; ci < G_N_ELEMENTS (configs); ci++)
    {
      Collector *c = get_config (ci);
      guint n = 0;

      g_assert_cmpuint (c->bad_sets, ==, 0);

      for (guint i = 0; i < c->acts->len; i++)
        {
          const Act *a = &g_array_index (c->acts, Act, i);

          if (a->sport != STRIDE_SPORT_STRENGTH)
            continue;
          n++;
          g_assert_cmpint (a->type, ==, STRIDE_RUN_TYPE_NONE);
          g_assert_cmpfloat (a->duration_s, >=, 20 * 60);
          g_assert_cmpfloat (a->duration_s, <=, 30 * 60);
          g_assert_cmpfloat (a->distance_m, ==, 0.0);
          g_assert_cmpint (a->rpe, >=, 4);
          g_assert_cmpint (a->rpe, <=, 8);
          g_assert_cmpuint (a->n_sets, >, 8);
          /* In the evening, at least 6 h after the same day's run ended. */
          g_assert_cmpint (a->local_minute, >=, 17 * 60);
          for (guint j = 0; j < c->acts->len; j++)
            {
              const Act *r = &g_array_index (c->acts, Act, j);

              if (r->sport == STRIDE_SPORT_RUN && r->date == a->date)
                g_assert_cmpfloat (r->local_minute + r->duration_s / 60.0 + 360.0, <=,
                                   a->local_minute);
              /* Never the day before a race. */
              if (r->type == STRIDE_RUN_TYPE_RACE)
                g_assert_cmpuint (r->date, !=, a->date + 1);
            }
        }

      g_assert_cmpuint (n, >, configs[ci].years * 52 * 2 - 20);
    }
}

typedef struct
{
  guint32 date;
  double  ext[3];
  double  flex[3];
  guint   n;
} TestDay;

static void
test_hq (void)
{
  for (guint ci = 0; ci < G_N_ELEMENTS (configs); ci++)
    {
      Collector *c = get_config (ci);
      g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (TestDay));
      double sx = 0, sy = 0, sxx = 0, sxy = 0;
      double slope;
      guint n;
      guint third;
      double first = 0, last = 0;
      gboolean saw_hip = FALSE;
      gboolean saw_hop = FALSE;

      for (guint i = 0; i < c->meas->len; i++)
        {
          const Meas *m = &g_array_index (c->meas, Meas, i);
          TestDay *day;

          g_assert_cmpuint (m->date, <, c->today);
          g_assert_cmpint (m->side, !=, STRIDE_SIDE_BOTH);
          g_assert_cmpfloat (m->value, >, 0.0);
          saw_hip |= g_str_equal (m->test, STRIDE_TEST_HIP_ABDUCTION);
          saw_hop |= g_str_equal (m->test, STRIDE_TEST_HOP);
          if (g_str_equal (m->test, STRIDE_TEST_HIP_ABDUCTION) ||
              g_str_equal (m->test, STRIDE_TEST_HIP_ADDUCTION))
            {
              g_assert_cmpstr (m->method, ==, STRIDE_METHOD_DYNAMOMETER);
              g_assert_cmpstr (m->unit, ==, "N");
            }
          if (!g_str_equal (m->test, STRIDE_TEST_KNEE_EXTENSION) &&
              !g_str_equal (m->test, STRIDE_TEST_KNEE_FLEXION))
            continue;

          g_assert_cmpstr (m->method, ==, STRIDE_METHOD_ISOKINETIC_60);
          g_assert_cmpstr (m->unit, ==, "N·m");
          if (days->len == 0 || g_array_index (days, TestDay, days->len - 1).date != m->date)
            {
              TestDay empty = { m->date, };

              g_array_append_val (days, empty);
            }
          day = &g_array_index (days, TestDay, days->len - 1);
          if (g_str_equal (m->test, STRIDE_TEST_KNEE_EXTENSION))
            day->ext[m->side] = m->value;
          else
            day->flex[m->side] = m->value;
          day->n++;
        }

      g_assert_true (saw_hip);
      g_assert_true (saw_hop);

      n = days->len;
      /* About every 6 weeks. */
      g_assert_cmpuint (n, >=, configs[ci].years * 365 / 45);
      g_assert_cmpuint (n, <=, configs[ci].years * 365 / 39 + 1);

      for (guint i = 0; i < n; i++)
        {
          const TestDay *day = &g_array_index (days, TestDay, i);
          double hq_r = day->flex[STRIDE_SIDE_RIGHT] / day->ext[STRIDE_SIDE_RIGHT];
          double lsi_ext = day->ext[STRIDE_SIDE_LEFT] / day->ext[STRIDE_SIDE_RIGHT];
          double lsi_flex = day->flex[STRIDE_SIDE_LEFT] / day->flex[STRIDE_SIDE_RIGHT];

          g_assert_cmpuint (day->n, ==, 4);
          if (i > 0)
            {
              guint gap = day->date - g_array_index (days, TestDay, i - 1).date;

              g_assert_cmpuint (gap, >=, 39);
              g_assert_cmpuint (gap, <=, 45);
            }
          /* The left leg stays 6–10 % weaker (rounding to 0.1 N·m aside). */
          g_assert_cmpfloat (lsi_ext, >=, 0.895);
          g_assert_cmpfloat (lsi_ext, <=, 0.945);
          g_assert_cmpfloat (lsi_flex, >=, 0.895);
          g_assert_cmpfloat (lsi_flex, <=, 0.945);
          g_assert_cmpfloat (hq_r, >=, 0.49);
          g_assert_cmpfloat (hq_r, <=, 0.65);

          sx += day->date;
          sy += hq_r;
          sxx += (double) day->date * day->date;
          sxy += day->date * hq_r;
        }

      slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      g_assert_cmpfloat (slope, >, 0.0);

      third = MAX (n / 3, 1);
      for (guint i = 0; i < third; i++)
        {
          const TestDay *early = &g_array_index (days, TestDay, i);
          const TestDay *late = &g_array_index (days, TestDay, n - 1 - i);

          first += early->flex[STRIDE_SIDE_RIGHT] / early->ext[STRIDE_SIDE_RIGHT] / third;
          last += late->flex[STRIDE_SIDE_RIGHT] / late->ext[STRIDE_SIDE_RIGHT] / third;
        }
      g_test_message ("H:Q first third %.3f, last third %.3f over %u tests", first, last, n);
      g_assert_cmpfloat (last - first, >, 0.05);
      g_assert_cmpfloat (first, <, 0.57);
      g_assert_cmpfloat (last, >, 0.61);
    }
}

static void
test_paces (void)
{
  for (guint ci = 0; ci < G_N_ELEMENTS (configs); ci++)
    {
      Collector *c = get_config (ci);
      double sum[STRIDE_N_RUN_TYPES] = { 0, };
      guint count[STRIDE_N_RUN_TYPES] = { 0, };
      double mean[STRIDE_N_RUN_TYPES] = { 0, };

      g_assert_cmpuint (c->bad_laps, ==, 0);

      for (guint i = 0; i < c->acts->len; i++)
        {
          const Act *a = &g_array_index (c->acts, Act, i);
          double pace;

          if (a->sport != STRIDE_SPORT_RUN)
            continue;
          g_assert_cmpint (a->type, >, STRIDE_RUN_TYPE_NONE);
          g_assert_cmpfloat (a->distance_m, >=, 4000.0);
          g_assert_cmpfloat (a->distance_m, <=, 43000.0);
          g_assert_cmpuint (a->n_laps, >, 0);
          pace = a->duration_s / (a->distance_m / 1000.0);
          g_assert_cmpfloat (pace, >=, 230.0);
          g_assert_cmpfloat (pace, <=, 400.0);
          sum[a->type] += pace;
          count[a->type]++;
        }

      for (guint t = STRIDE_RUN_TYPE_EASY; t < STRIDE_N_RUN_TYPES; t++)
        {
          g_assert_cmpuint (count[t], >, 0);
          mean[t] = sum[t] / MAX (count[t], 1);
          g_test_message ("type %u: %u runs, mean pace %.1f s/km", t, count[t], mean[t]);
        }

      g_assert_cmpfloat (mean[STRIDE_RUN_TYPE_INTERVALS], <, mean[STRIDE_RUN_TYPE_TEMPO]);
      g_assert_cmpfloat (mean[STRIDE_RUN_TYPE_TEMPO], <, mean[STRIDE_RUN_TYPE_EASY]);
      g_assert_cmpfloat (mean[STRIDE_RUN_TYPE_EASY], <, mean[STRIDE_RUN_TYPE_LONG]);
      g_assert_cmpfloat (mean[STRIDE_RUN_TYPE_LONG], <, mean[STRIDE_RUN_TYPE_RECOVERY]);
      /* A ~3:30 marathoner: easy around 5:20 /km. */
      g_assert_cmpfloat (mean[STRIDE_RUN_TYPE_EASY], >=, 300.0);
      g_assert_cmpfloat (mean[STRIDE_RUN_TYPE_EASY], <=, 340.0);
    }
}

static void
test_trackpoints (void)
{
  for (guint ci = 0; ci < G_N_ELEMENTS (configs); ci++)
    {
      Collector *c = get_config (ci);
      guint tracked = 0;

      g_assert_cmpuint (c->bad_points, ==, 0);

      for (guint i = 0; i < c->acts->len; i++)
        {
          const Act *a = &g_array_index (c->acts, Act, i);
          gboolean recent = a->date + STRIDE_DEMO_TRACK_DAYS >= c->today;

          if (a->sport != STRIDE_SPORT_RUN)
            {
              g_assert_cmpuint (a->n_points, ==, 0);
              continue;
            }
          if (recent)
            {
              g_assert_cmpuint (a->n_points, >=, (guint) (a->duration_s / 5.0));
              g_assert_cmpuint (a->n_points, <=, (guint) (a->duration_s / 5.0) + 2);
              tracked++;
            }
          else
            g_assert_cmpuint (a->n_points, ==, 0);
        }

      g_assert_cmpuint (tracked, >=, 50);
      g_assert_cmpuint (c->n_points, >, tracked * 500);
    }
}

static void
test_plan (void)
{
  for (guint ci = 0; ci < G_N_ELEMENTS (configs); ci++)
    {
      Collector *c = get_config (ci);
      guint kinds[STRIDE_N_PLAN_KINDS] = { 0, };
      gboolean planned_race = FALSE;

      for (guint i = 0; i < c->plan->len; i++)
        {
          const Plan *p = &g_array_index (c->plan, Plan, i);

          g_assert_cmpuint (p->date, >, c->today);
          g_assert_cmpuint (p->date, <=, c->today + STRIDE_DEMO_PLAN_DAYS);
          g_assert_cmpint (p->status, ==, STRIDE_PLAN_STATUS_PLANNED);
          g_assert_cmpint (p->activity_id, ==, 0);
          g_assert_true (p->has_description);
          kinds[p->kind]++;

          if (p->kind == STRIDE_PLAN_KIND_RUN || p->kind == STRIDE_PLAN_KIND_RACE)
            {
              g_assert_cmpint (p->run_type, >, STRIDE_RUN_TYPE_NONE);
              g_assert_cmpfloat (p->distance_m, >, 0.0);
              g_assert_cmpfloat (p->pace, >, 200.0);
              g_assert_cmpfloat (fabs (p->duration_s - p->distance_m / 1000.0 * p->pace), <, 60.0);
            }
          if (p->kind == STRIDE_PLAN_KIND_STRENGTH)
            {
              g_assert_cmpfloat (p->duration_s, >=, 20 * 60);
              g_assert_cmpfloat (p->duration_s, <=, 30 * 60);
            }
        }

      /* Every planned day has something, if only rest. */
      for (guint32 date = c->today + 1; date <= c->today + STRIDE_DEMO_PLAN_DAYS; date++)
        {
          gboolean found = FALSE;

          for (guint i = 0; i < c->plan->len && !found; i++)
            found = g_array_index (c->plan, Plan, i).date == date;
          g_assert_true (found);
        }

      g_assert_cmpuint (kinds[STRIDE_PLAN_KIND_RUN], >=, 8 * 3);
      g_assert_cmpuint (kinds[STRIDE_PLAN_KIND_STRENGTH], >=, 8);
      g_assert_cmpuint (kinds[STRIDE_PLAN_KIND_REST], >=, 8);
      g_assert_cmpuint (kinds[STRIDE_PLAN_KIND_RACE], >=, 1);

      for (guint i = 0; i < c->races->len; i++)
        {
          const Race *r = &g_array_index (c->races, Race, i);

          g_assert_cmpuint (r->date, !=, c->today);
          if (r->date > c->today)
            {
              guint n_entries = 0;

              g_assert_cmpuint (r->date, <=, c->today + STRIDE_DEMO_PLAN_DAYS);
              g_assert_cmpint (r->activity_id, ==, 0);
              planned_race = TRUE;

              /* Each planned race has its one RACE entry on that day. */
              for (guint j = 0; j < c->plan->len; j++)
                {
                  const Plan *p = &g_array_index (c->plan, Plan, j);

                  if (p->kind == STRIDE_PLAN_KIND_RACE && p->date == r->date)
                    {
                      n_entries++;
                      g_assert_cmpfloat (p->distance_m, ==, r->distance_m);
                      g_assert_cmpfloat (p->duration_s, ==, r->goal_s);
                    }
                }
              g_assert_cmpuint (n_entries, ==, 1);
            }
        }
      g_assert_true (planned_race);
    }
}

static void
test_races (void)
{
  for (guint ci = 0; ci < G_N_ELEMENTS (configs); ci++)
    {
      Collector *c = get_config (ci);
      guint32 start = start_of (ci);
      GDate date;

      for (guint i = 0; i < c->races->len; i++)
        {
          const Race *r = &g_array_index (c->races, Race, i);

          g_assert_true (r->distance_m == 5000.0 || r->distance_m == 10000.0 ||
                         r->distance_m == 21097.5 || r->distance_m == 42195.0);
          g_assert_cmpfloat (r->goal_s, >, r->distance_m / 1000.0 * 230.0);
          g_assert_cmpfloat (r->goal_s, <, r->distance_m / 1000.0 * 330.0);
          g_assert_cmpuint (r->date, >=, start);

          if (r->date < c->today)
            {
              const Act *run = NULL;

              g_assert_cmpint (r->activity_id, >, 0);
              for (guint j = 0; j < c->acts->len; j++)
                if (g_array_index (c->acts, Act, j).id == r->activity_id)
                  run = &g_array_index (c->acts, Act, j);
              g_assert_nonnull (run);
              if (run != NULL)
                {
                  g_assert_cmpint (run->type, ==, STRIDE_RUN_TYPE_RACE);
                  g_assert_cmpuint (run->date, ==, r->date);
                  g_assert_cmpfloat (run->distance_m, >=, r->distance_m);
                  g_assert_cmpfloat (run->distance_m, <=, r->distance_m * 1.011);
                }
            }
        }

      /* 2–4 races in every calendar year fully inside the journal. */
      g_date_clear (&date, 1);
      g_date_set_julian (&date, start);
      for (GDateYear y = g_date_get_year (&date) + 1;
           julian (31, G_DATE_DECEMBER, y) < c->today; y++)
        {
          guint n = 0;

          for (guint i = 0; i < c->races->len; i++)
            {
              guint32 d = g_array_index (c->races, Race, i).date;

              n += d >= julian (1, G_DATE_JANUARY, y) && d <= julian (31, G_DATE_DECEMBER, y);
            }
          g_test_message ("%u: %u races", y, n);
          g_assert_cmpuint (n, >=, 2);
          g_assert_cmpuint (n, <=, 4);
        }
    }
}

/* Every run wears a shoe of its date, and no pair, in use or retired,
 * goes over its limit (the default 700 km for trainers): the checklist's
 * shoe check of the demo stays quiet in past weeks as it would for a
 * runner who replaces worn shoes. */
static void
test_shoes (void)
{
  for (guint ci = 0; ci < G_N_ELEMENTS (configs); ci++)
    {
      Collector *c = get_config (ci);
      g_autofree double *km = NULL;
      guint in_use = 0;

      g_assert_cmpuint (c->shoes->len, >=, 3);
      km = g_new0 (double, c->shoes->len);

      for (guint i = 0; i < c->acts->len; i++)
        {
          const Act *a = &g_array_index (c->acts, Act, i);
          const Shoe *shoe = NULL;
          guint index = 0;

          if (a->sport != STRIDE_SPORT_RUN)
            {
              g_assert_cmpint (a->shoe_id, ==, 0);
              continue;
            }
          for (guint s = 0; s < c->shoes->len; s++)
            if (g_array_index (c->shoes, Shoe, s).id == a->shoe_id)
              {
                shoe = &g_array_index (c->shoes, Shoe, s);
                index = s;
              }
          g_assert_nonnull (shoe);
          if (shoe == NULL)
            continue;
          g_assert_cmpuint (a->date, >=, shoe->start);
          if (shoe->retired != 0)
            g_assert_cmpuint (a->date, <=, shoe->retired);
          km[index] += a->distance_m / 1000.0;
        }

      for (guint s = 0; s < c->shoes->len; s++)
        {
          const Shoe *shoe = &g_array_index (c->shoes, Shoe, s);
          double limit = shoe->limit_km > 0.0 ? shoe->limit_km : 700.0;

          g_assert_cmpfloat (km[s], <, limit);
          if (shoe->retired == 0 && shoe->limit_km == 0.0)
            {
              /* The trainers in use have been run in for weeks. */
              g_assert_cmpfloat (km[s], >, 100.0);
              in_use++;
            }
        }
      g_assert_cmpuint (in_use, ==, 1);
    }
}

static void
test_pain (void)
{
  for (guint ci = 0; ci < G_N_ELEMENTS (configs); ci++)
    {
      Collector *c = get_config (ci);
      guint episodes = 0;

      for (guint i = 0; i < c->pains->len; i++)
        {
          const Pain *p = &g_array_index (c->pains, Pain, i);

          g_assert_cmpuint (p->date, <, c->today);
          g_assert_cmpint (p->severity, >=, 2);
          g_assert_cmpint (p->severity, <=, 6);
          g_assert_true (g_str_equal (p->location, "knee") ||
                         g_str_equal (p->location, "achilles") ||
                         g_str_equal (p->location, "hip"));
          if (i == 0 || g_array_index (c->pains, Pain, i - 1).date + 1 != p->date)
            episodes++;
        }

      g_assert_cmpuint (episodes, >=, MAX (configs[ci].years, 1) - 1);
      g_assert_cmpuint (episodes, <=, 2 * configs[ci].years);
      g_assert_cmpuint (c->pains->len, >=, episodes * 2);
      g_assert_cmpuint (c->pains->len, <=, episodes * 5);
    }
}

static void
test_times (void)
{
  for (guint ci = 0; ci < G_N_ELEMENTS (configs); ci++)
    {
      Collector *c = get_config (ci);
      guint runs = 0;
      guint with_rpe = 0;
      guint with_hr = 0;
      guint with_notes = 0;
      guint summer = 0;
      guint winter = 0;

      g_assert_cmpuint (c->bad_order, ==, 0);

      for (guint i = 0; i < c->acts->len; i++)
        {
          const Act *a = &g_array_index (c->acts, Act, i);
          GDate date;

          g_assert_cmpuint (a->date, <, c->today);
          g_assert_true (a->tz == 3600 || a->tz == 7200);
          g_date_clear (&date, 1);
          g_date_set_julian (&date, a->date);
          if (g_date_get_month (&date) == G_DATE_JULY)
            {
              g_assert_cmpint (a->tz, ==, 7200);
              summer++;
            }
          if (g_date_get_month (&date) == G_DATE_JANUARY)
            {
              g_assert_cmpint (a->tz, ==, 3600);
              winter++;
            }
          /* Mornings or evenings. */
          g_assert_true ((a->local_minute >= 5 * 60 && a->local_minute <= 10 * 60 + 30) ||
                         (a->local_minute >= 17 * 60 && a->local_minute <= 21 * 60));

          if (a->sport != STRIDE_SPORT_RUN)
            continue;
          runs++;
          with_rpe += a->rpe > 0;
          with_hr += a->avg_hr > 0;
          with_notes += a->has_notes;
          if (a->rpe > 0)
            {
              g_assert_cmpint (a->rpe, >=, 1);
              g_assert_cmpint (a->rpe, <=, 10);
            }
          if (a->avg_hr > 0)
            {
              g_assert_cmpint (a->avg_hr, >=, 110);
              g_assert_cmpint (a->avg_hr, <=, 185);
            }
        }

      g_assert_cmpuint (summer, >, 0);
      g_assert_cmpuint (winter, >, 0);
      /* RPE and HR on most runs, not all; notes on some. */
      g_assert_cmpuint (with_rpe, >, runs * 7 / 10);
      g_assert_cmpuint (with_rpe, <, runs);
      g_assert_cmpuint (with_hr, >, runs * 85 / 100);
      g_assert_cmpuint (with_notes, >, runs / 20);
      g_assert_cmpuint (with_notes, <, runs / 3);
    }
}

typedef struct
{
  guint n_activities;
  guint n_plan;
} StopCounter;

static gboolean
stop_on_activity (StrideActivity    *activity,
                  StrideStrengthSet *sets,
                  const char *const *keys,
                  guint              n_sets,
                  StrideTrackpoint  *points,
                  guint              n_points,
                  StrideLap         *laps,
                  guint              n_laps,
                  gpointer           user_data)
{
  StopCounter *counter = user_data;

  return ++counter->n_activities < 10;
}

static gboolean
stop_on_plan_entry (StridePlanEntry *entry,
                    gpointer         user_data)
{
  ((StopCounter *) user_data)->n_plan++;
  return TRUE;
}

static void
test_stop (void)
{
  StrideDemoSink sink = { 0, };
  StopCounter counter = { 0, };

  sink.on_activity = stop_on_activity;
  sink.on_plan_entry = stop_on_plan_entry;
  g_assert_false (stride_demo_generate (2, julian (15, G_DATE_MARCH, 2026), 1, &sink, &counter));
  g_assert_cmpuint (counter.n_activities, ==, 10);
  g_assert_cmpuint (counter.n_plan, ==, 0);

  /* An empty sink is fine. */
  memset (&sink, 0, sizeof sink);
  g_assert_true (stride_demo_generate (1, julian (15, G_DATE_MARCH, 2026), 1, &sink, NULL));
}

static void
test_dates (void)
{
  const char *const *keys = stride_demo_list_exercise_keys ();

  g_assert_cmpuint (stride_demo_get_start (2, julian (29, G_DATE_FEBRUARY, 2024)), ==,
                    julian (28, G_DATE_FEBRUARY, 2022));
  g_assert_cmpuint (stride_demo_get_start (10, julian (20, G_DATE_JUNE, 2026)), ==,
                    julian (20, G_DATE_JUNE, 2016));
  g_assert_cmpuint (stride_demo_get_start (1, 0), ==, 0);
  g_assert_cmpuint (stride_demo_get_start (500, julian (1, G_DATE_JANUARY, 2026)), ==, 0);

  g_assert_nonnull (keys);
  g_assert_cmpuint (g_strv_length ((char **) keys), >=, 10);
  g_assert_true (g_strv_contains (keys, "nordic-curl"));

  g_test_expect_message ("stride-demo", G_LOG_LEVEL_CRITICAL, "*stride_demo_get_start*");
  g_assert_false (stride_demo_generate (2, 0, 1, &collector_sink, NULL));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/weeks", test_weeks);
  g_test_add_func ("/demo/sweep", test_sweep);
  g_test_add_func ("/demo/phases", test_phases);
  g_test_add_func ("/demo/strength", test_strength);
  g_test_add_func ("/demo/hq-trend", test_hq);
  g_test_add_func ("/demo/paces", test_paces);
  g_test_add_func ("/demo/trackpoints", test_trackpoints);
  g_test_add_func ("/demo/plan", test_plan);
  g_test_add_func ("/demo/races", test_races);
  g_test_add_func ("/demo/shoes", test_shoes);
  g_test_add_func ("/demo/pain", test_pain);
  g_test_add_func ("/demo/times", test_times);
  g_test_add_func ("/demo/stop", test_stop);
  g_test_add_func ("/demo/dates", test_dates);

  ret = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (collected); i++)
    g_clear_pointer (&collected[i], collector_free);

  return ret;
}
