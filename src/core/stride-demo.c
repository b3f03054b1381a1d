/* stride-demo.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include "stride-demo.h"

/* Everything random comes from one splitmix64 stream seeded by the caller,
 * consumed in a fixed order, so the journal is reproducible. Strings written
 * into records are English and formatted without printf's %f, which would
 * follow the locale. */

/* PRNG */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static double
rng_double (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static double
rng_range (Rng    *rng,
           double  lo,
           double  hi)
{
  return lo + (hi - lo) * rng_double (rng);
}

static int
rng_int (Rng *rng,
         int  lo,
         int  hi)
{
  return lo + (int) (rng_next (rng) % (guint64) (hi - lo + 1));
}

static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return rng_double (rng) < p;
}

/* Exercise library subset and session templates */

enum
{
  EX_BACK_SQUAT,
  EX_NORDIC_CURL,
  EX_SPLIT_SQUAT,
  EX_DEAD_BUG,
  EX_RDL,
  EX_SL_RDL,
  EX_STEP_UP,
  EX_SIDE_LYING_ABDUCTION,
  EX_HIP_THRUST,
  EX_JUMP_SQUAT,
  EX_SL_CALF_RAISE,
  EX_LATERAL_BAND_WALK,
  N_EXERCISES
};

typedef struct
{
  gboolean unilateral;
  gint     sets;
  gint     reps;
  double   load_now_kg;               /* at "today"; 0 = body weight */
} DemoExercise;

static const char *const exercise_keys[N_EXERCISES + 1] = {
  "back-squat",
  "nordic-curl",
  "split-squat",
  "dead-bug",
  "romanian-deadlift",
  "single-leg-rdl",
  "step-up",
  "side-lying-hip-abduction",
  "hip-thrust",
  "jump-squat",
  "single-leg-calf-raise",
  "lateral-band-walk",
  NULL
};

static const DemoExercise exercises[N_EXERCISES] = {
  [EX_BACK_SQUAT]           = { FALSE, 3, 5, 87.5 },
  [EX_NORDIC_CURL]          = { FALSE, 3, 5, 0.0 },
  [EX_SPLIT_SQUAT]          = { TRUE, 2, 8, 32.0 },
  [EX_DEAD_BUG]             = { FALSE, 2, 12, 0.0 },
  [EX_RDL]                  = { FALSE, 3, 6, 90.0 },
  [EX_SL_RDL]               = { TRUE, 2, 8, 24.0 },
  [EX_STEP_UP]              = { TRUE, 2, 10, 24.0 },
  [EX_SIDE_LYING_ABDUCTION] = { TRUE, 2, 15, 0.0 },
  [EX_HIP_THRUST]           = { FALSE, 3, 8, 110.0 },
  [EX_JUMP_SQUAT]           = { FALSE, 3, 5, 0.0 },
  [EX_SL_CALF_RAISE]        = { TRUE, 2, 12, 16.0 },
  [EX_LATERAL_BAND_WALK]    = { FALSE, 2, 12, 0.0 },
};

#define N_TEMPLATES 3
#define EXERCISES_PER_TEMPLATE 4

static const guint templates[N_TEMPLATES][EXERCISES_PER_TEMPLATE] = {
  { EX_BACK_SQUAT, EX_NORDIC_CURL, EX_SPLIT_SQUAT, EX_DEAD_BUG },
  { EX_RDL, EX_SL_RDL, EX_STEP_UP, EX_SIDE_LYING_ABDUCTION },
  { EX_HIP_THRUST, EX_JUMP_SQUAT, EX_SL_CALF_RAISE, EX_LATERAL_BAND_WALK },
};

static const char *const template_titles[N_TEMPLATES] = {
  "Strength A: squat, Nordic curl, split squat",
  "Strength B: RDL, single-leg RDL, step-up, hips",
  "Strength C: hip thrust, jump squat, calves",
};

/* Races */

typedef enum
{
  RACE_5K,
  RACE_10K,
  RACE_HALF,
  RACE_MARATHON,
  N_RACE_KINDS
} RaceKind;

static const double race_distances[N_RACE_KINDS] = { 5000.0, 10000.0, 21097.5, 42195.0 };

static const int race_hr[N_RACE_KINDS] = { 176, 172, 168, 161 };

static const char *const race_names[N_RACE_KINDS][2] = {
  { "Parkside 5k", "Summer Night 5k" },
  { "Riverside 10k", "Spring Run 10k" },
  { "City Half Marathon", "Lakes Half Marathon" },
  { "Spring Marathon", "Autumn City Marathon" },
};

typedef struct
{
  guint32   date;                     /* always a Sunday */
  RaceKind  kind;
  gboolean  goal;                     /* drives taper and recovery */
  double    goal_s;
  char     *name;
} DemoRace;

/* Run types */

typedef struct
{
  double base_pace;                   /* s/km at the fitness of "today" */
  double share;                       /* of the week's distance, 0 = rest of it */
  double min_km;
  double max_km;
  int    hr;                          /* typical average HR */
  int    rpe_lo;
  int    rpe_hi;
} RunShape;

static const RunShape run_shapes[STRIDE_N_RUN_TYPES] = {
  [STRIDE_RUN_TYPE_NONE]      = { 320.0, 0.00, 6.0, 22.0, 140, 3, 4 },
  [STRIDE_RUN_TYPE_EASY]      = { 320.0, 0.00, 6.0, 22.0, 141, 3, 4 },
  [STRIDE_RUN_TYPE_LONG]      = { 328.0, 0.28, 14.0, 35.0, 146, 4, 6 },
  [STRIDE_RUN_TYPE_TEMPO]     = { 288.0, 0.15, 10.0, 18.0, 161, 6, 7 },
  [STRIDE_RUN_TYPE_INTERVALS] = { 275.0, 0.13, 8.0, 16.0, 159, 7, 8 },
  [STRIDE_RUN_TYPE_RACE]      = { 290.0, 0.00, 0.0, 0.0, 168, 8, 10 },
  [STRIDE_RUN_TYPE_RECOVERY]  = { 352.0, 0.08, 5.0, 10.0, 130, 2, 3 },
};

static const char *const interval_workouts[] = {
  "6 × 1000 m", "5 × 1200 m", "8 × 800 m", "12 × 400 m", "4 × 1600 m", "10 × 200 m hills",
};

static const char *const tempo_workouts[] = {
  "3 × 3 km", "8 km steady", "2 × 5 km", "20 min threshold",
};

static const char *const run_notes[] = {
  "Felt easy, legs fresh.",
  "Windy on the way back.",
  "Heavy legs after yesterday's squats.",
  "Rain the whole way.",
  "Hot, slowed down on purpose.",
  "Ran with the club.",
  "New route around the lake.",
  "Left calf a bit tight at the start, fine after 2 km.",
  "Negative split.",
  "Skipped breakfast, faded at the end.",
};

static const char *const strength_notes[] = {
  "Nordics getting easier.",
  "Kept the load, focus on form.",
  "Short on time, main lifts only at full sets.",
  "Left side first, extra set as planned.",
};

/* Routes: loops in Berlin parks, matching the Europe/Berlin offsets. */
typedef struct
{
  double lat;
  double lon;
  double perimeter_m;
  double base_elevation_m;
} Route;

static const Route routes[] = {
  { 52.5145, 13.3501, 5200.0, 34.0 },
  { 52.4480, 13.2320, 7800.0, 40.0 },
  { 52.4880, 13.4400, 3100.0, 38.0 },
};

/* Shoes */

/* A pair of trainers lasts about 5 weeks of the demo's training (up to
 * 130 km a week), so no pair goes over the default 700 km limit and the
 * checklist's shoe check stays quiet in the past as it would for a runner
 * who replaces worn shoes. */
#define DEMO_WEEKS_PER_TRAINER 5
#define MAX_SHOES (2 * (50 * 52 / DEMO_WEEKS_PER_TRAINER + 2))

typedef struct
{
  guint32  start;
  guint32  retired;                   /* 0 = in use */
  gint64   id;
  gboolean racer;
} DemoShoe;

/* Weeks */

typedef enum
{
  PHASE_BASE,
  PHASE_BUILD,
  PHASE_PEAK,
  PHASE_TAPER,
  PHASE_RACE,
  PHASE_RECOVERY,
} Phase;

typedef struct
{
  guint            dow;               /* 0 = Monday … 6 = Sunday */
  gboolean         strength;
  StrideRunType    type;
  double           km;                /* runs: planned distance */
  double           pace;              /* runs: average s/km */
  guint            variant;           /* workout or template index */
  const DemoRace  *race;
} DayItem;

#define MAX_WEEK_ITEMS 12

typedef struct
{
  DayItem items[MAX_WEEK_ITEMS];
  guint   n_items;
  Phase   phase;
} WeekPlan;

typedef struct
{
  guint32 start;
  guint   days;
  int     peak;
  int     location;
  StrideSide side;
} PainEpisode;

typedef struct
{
  guint                  years;
  guint32                today;
  guint32                start;
  guint32                plan_end;
  guint32                epoch;       /* Julian day of 1970-01-01 */
  Rng                    rng;

  const StrideDemoSink  *sink;
  gpointer               user_data;
  gboolean               stopped;

  GArray                *races;       /* DemoRace, by date */
  DemoShoe               shoes[MAX_SHOES];
  guint                  n_shoes;
  GArray                *test_dates;  /* guint32 */
  GArray                *pains;       /* PainEpisode */
  guint                  strength_counter;

  /* Scratch buffers reused for every activity. */
  GArray                *sets;        /* StrideStrengthSet */
  GPtrArray             *set_keys;    /* const char *, borrowed */
  GArray                *points;      /* StrideTrackpoint */
  GArray                *laps;        /* StrideLap */
  GArray                *lap_pace;    /* double, s/km per lap */
} Demo;

/* Dates */

static guint
weekday0 (guint32 julian)
{
  /* Julian day 1 (0001-01-01) is a Monday in GDate's proleptic calendar. */
  return (julian - 1) % 7;
}

static GDateMonth
month_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_month (&date);
}

static GDateYear
year_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_year (&date);
}

static guint32
julian_of (GDateDay   day,
           GDateMonth month,
           GDateYear  year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static guint32
sunday_on_or_after (guint32 julian)
{
  return julian + (6 - weekday0 (julian));
}

static guint32
last_sunday_of (GDateMonth month,
                GDateYear  year)
{
  guint32 last = julian_of (g_date_get_days_in_month (month, year), month, year);

  return last - ((weekday0 (last) + 1) % 7);
}

/* Europe/Berlin: CEST from the last Sunday of March to the last Sunday of
 * October (day resolution is enough for morning/evening activities). */
static gint
tz_offset_of (guint32 julian)
{
  GDateYear year = year_of (julian);

  if (julian >= last_sunday_of (G_DATE_MARCH, year) &&
      julian < last_sunday_of (G_DATE_OCTOBER, year))
    return 7200;
  return 3600;
}

static gint64
utc_of (const Demo *d,
        guint32     julian,
        gint64      local_s)
{
  return ((gint64) julian - (gint64) d->epoch) * 86400 + local_s - tz_offset_of (julian);
}

/* Locale-free text */

static char *
format_clock (double seconds)
{
  gint64 s = llround (seconds);

  if (s >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d",
                            s / 3600, (int) (s % 3600 / 60), (int) (s % 60));
  return g_strdup_printf ("%d:%02d", (int) (s / 60), (int) (s % 60));
}

static char *
format_km (double km)
{
  gint64 tenths = llround (km * 10.0);

  if (tenths % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, tenths / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%d", tenths / 10, (int) (tenths % 10));
}

/* Model */

/* Multiplies paces: 1.0 (a 3:30 marathoner, easy 5:20 /km) at today,
 * 1.06 ten years before. */
static double
fitness_at (const Demo *d,
            guint32     julian)
{
  double years_before = ((double) d->today - (double) julian) / 365.25;

  return 1.0 + 0.006 * CLAMP (years_before, 0.0, 10.0);
}

static double
season_factor (guint32 julian)
{
  GDateMonth month = month_of (julian);

  if (month >= G_DATE_JUNE && month <= G_DATE_AUGUST)
    return 1.015;
  return 1.0;
}

/* Riegel from a marathon of 3:30 at today's fitness. */
static double
race_time_for (const Demo *d,
               RaceKind    kind,
               guint32     julian)
{
  return 12600.0 * fitness_at (d, julian) * pow (race_distances[kind] / 42195.0, 1.06);
}

/* 0 at the start of the journal, 1 at today. */
static double
progress_at (const Demo *d,
             guint32     julian)
{
  if (d->today <= d->start)
    return 1.0;
  return CLAMP (((double) julian - d->start) / ((double) d->today - d->start), 0.0, 1.0);
}

static double
round_to (double value,
          double step)
{
  return round (value / step) * step;
}

static gint
compare_races (gconstpointer a,
               gconstpointer b)
{
  const DemoRace *ra = a;
  const DemoRace *rb = b;

  return (ra->date > rb->date) - (ra->date < rb->date);
}

static void
clear_race (gpointer data)
{
  DemoRace *race = data;

  g_clear_pointer (&race->name, g_free);
}

static void
add_race (Demo     *d,
          guint32   date,
          RaceKind  kind,
          gboolean  goal)
{
  DemoRace race = { 0, };

  race.date = date;
  race.kind = kind;
  race.goal = goal;
  /* Goals are set about ten weeks out and a little ambitious. */
  race.goal_s = round_to (race_time_for (d, kind, date - 70) * 0.99,
                          kind >= RACE_HALF ? 60.0 : 10.0);
  race.name = g_strdup_printf ("%s %u", race_names[kind][rng_int (&d->rng, 0, 1)], year_of (date));
  g_array_append_val (d->races, race);
}

/* Per calendar year: a spring goal race (half or marathon) with a tune-up
 * 4–6 weeks before, maybe a summer 5k, an autumn goal race. One year of
 * margin either side so phases near the edges see their races. */
static void
make_races (Demo *d)
{
  GDateYear first = year_of (d->start) - 1;
  GDateYear last = year_of (d->plan_end) + 1;
  gboolean have_planned = FALSE;
  guint32 last_goal = 0;

  for (GDateYear year = first; year <= last; year++)
    {
      guint32 spring = sunday_on_or_after (julian_of (14, G_DATE_APRIL, year))
                       + 7 * rng_int (&d->rng, -1, 1);
      RaceKind spring_kind = rng_chance (&d->rng, 0.6) ? RACE_MARATHON : RACE_HALF;
      guint32 tune_up = spring - 7 * rng_int (&d->rng, 4, 6);
      RaceKind tune_kind = (spring_kind == RACE_MARATHON && rng_chance (&d->rng, 0.5))
                           ? RACE_HALF : RACE_10K;
      guint32 autumn = sunday_on_or_after (julian_of (5, G_DATE_OCTOBER, year))
                       + 7 * rng_int (&d->rng, -1, 1);
      RaceKind autumn_kind;

      add_race (d, tune_up, tune_kind, FALSE);
      add_race (d, spring, spring_kind, TRUE);
      if (rng_chance (&d->rng, 0.6))
        add_race (d, sunday_on_or_after (julian_of (28, G_DATE_JUNE, year))
                     + 7 * rng_int (&d->rng, 0, 2),
                  RACE_5K, FALSE);
      autumn_kind = (spring_kind == RACE_HALF || rng_chance (&d->rng, 0.5))
                    ? RACE_MARATHON : RACE_HALF;
      add_race (d, autumn, autumn_kind, TRUE);
    }

  /* Today belongs neither to the journal nor to the plan: a race on that
   * day moves to the next Sunday, into the plan. */
  for (guint i = 0; i < d->races->len; i++)
    {
      DemoRace *race = &g_array_index (d->races, DemoRace, i);

      if (race->date == d->today)
        race->date += 7;
    }

  g_array_sort (d->races, compare_races);

  /* The plan must hold a race: if the calendar has none in the next eight
   * weeks, add a goal race six to seven weeks out, a 10k when the last goal
   * race is recent. */
  for (guint i = 0; i < d->races->len; i++)
    {
      const DemoRace *race = &g_array_index (d->races, DemoRace, i);

      if (race->date > d->today && race->date <= d->plan_end)
        have_planned = TRUE;
      if (race->goal && race->date < d->today)
        last_goal = race->date;
    }

  if (!have_planned)
    {
      guint32 date = sunday_on_or_after (d->today + 43);
      RaceKind kind = (last_goal != 0 && date - last_goal < 84) ? RACE_10K : RACE_HALF;

      add_race (d, date, kind, TRUE);
      g_array_sort (d->races, compare_races);
    }
}

/* Shares [from, to) among @n pairs of one kind, in order, the last one
 * still in use. */
static void
share_shoes (Demo     *d,
             guint32   from,
             guint32   to,
             guint     n,
             gboolean  racer)
{
  for (guint i = 0; i < n; i++)
    {
      DemoShoe *shoe = &d->shoes[d->n_shoes++];

      shoe->start = from + (guint64) (to - from) * i / n;
      shoe->retired = i + 1 == n ? 0 : from + (guint64) (to - from) * (i + 1) / n - 1;
      shoe->racer = racer;
    }
}

static void
make_shoes (Demo *d)
{
  guint32 current_start;
  guint n_trainers;
  guint n_racers;

  /* The pair in use started 5 weeks ago, so its mileage stays below the
   * default 700 km limit; the older ones share the time before. */
  current_start = d->today > d->start + 150 ? d->today - 35 : d->start + (d->today - d->start) / 2;
  n_trainers = CLAMP ((current_start - d->start) / (7 * DEMO_WEEKS_PER_TRAINER), 2,
                      MAX_SHOES / 2);
  /* Racers last about 400 km of races: a new pair every three years. */
  n_racers = CLAMP ((d->today - d->start) / (3 * 365) + 1, 1, MAX_SHOES / 2);

  d->n_shoes = 0;
  share_shoes (d, d->start, current_start, n_trainers, FALSE);
  d->shoes[d->n_shoes - 1].retired = current_start - 1;
  share_shoes (d, current_start, current_start, 1, FALSE);
  share_shoes (d, d->start, d->today, n_racers, TRUE);
}

static void
make_tests_and_pains (Demo *d)
{
  guint span = d->today > d->start ? d->today - d->start : 0;
  guint n_pains;

  for (guint32 date = d->start + rng_int (&d->rng, 3, 10); date < d->today;
       date += 42 + rng_int (&d->rng, -3, 3))
    g_array_append_val (d->test_dates, date);

  /* 1–2 episodes per year, each in its own slice so they never overlap. */
  n_pains = 0;
  for (guint y = 0; y < MAX (d->years, 1); y++)
    n_pains += rng_int (&d->rng, 1, 2);

  if (span < 30)
    return;

  for (guint i = 0; i < n_pains; i++)
    {
      guint slice = span / n_pains;
      PainEpisode episode;

      if (slice < 8)
        break;
      episode.start = d->start + i * slice + rng_int (&d->rng, 0, slice - 7);
      episode.days = rng_int (&d->rng, 3, 5);
      episode.peak = rng_int (&d->rng, 3, 6);
      episode.location = rng_int (&d->rng, 0, 2);
      episode.side = rng_chance (&d->rng, 0.6) ? STRIDE_SIDE_LEFT : STRIDE_SIDE_RIGHT;
      g_array_append_val (d->pains, episode);
    }
}

/* The week plan */

static void
add_run (WeekPlan      *wp,
         guint          dow,
         StrideRunType  type)
{
  DayItem *item;

  g_assert (wp->n_items < MAX_WEEK_ITEMS);
  item = &wp->items[wp->n_items++];
  memset (item, 0, sizeof *item);
  item->dow = dow;
  item->type = type;
}

static void
add_strength (WeekPlan *wp,
              guint     dow)
{
  DayItem *item;

  g_assert (wp->n_items < MAX_WEEK_ITEMS);
  item = &wp->items[wp->n_items++];
  memset (item, 0, sizeof *item);
  item->dow = dow;
  item->strength = TRUE;
}

/* Shares the week's distance over its runs by type, then moves what the
 * type limits cut off (or added) to the runs that still have room. */
static void
allocate_distances (WeekPlan *wp,
                    double    target_km)
{
  static const StrideRunType order[] = {
    STRIDE_RUN_TYPE_EASY, STRIDE_RUN_TYPE_LONG, STRIDE_RUN_TYPE_TEMPO,
    STRIDE_RUN_TYPE_INTERVALS, STRIDE_RUN_TYPE_RECOVERY,
  };
  double rest = target_km;
  double total = 0.0;
  double diff;
  guint n_easy = 0;

  for (guint i = 0; i < wp->n_items; i++)
    {
      DayItem *item = &wp->items[i];
      const RunShape *shape = &run_shapes[item->type];

      if (item->strength)
        continue;
      if (item->type == STRIDE_RUN_TYPE_RACE)
        rest -= item->km;
      else if (item->type == STRIDE_RUN_TYPE_EASY)
        n_easy++;
      else
        {
          item->km = CLAMP (shape->share * target_km, shape->min_km, shape->max_km);
          rest -= item->km;
        }
    }

  for (guint i = 0; i < wp->n_items; i++)
    {
      DayItem *item = &wp->items[i];

      if (!item->strength && item->type == STRIDE_RUN_TYPE_EASY)
        item->km = CLAMP (rest / n_easy, run_shapes[STRIDE_RUN_TYPE_EASY].min_km,
                          run_shapes[STRIDE_RUN_TYPE_EASY].max_km);
    }

  for (guint i = 0; i < wp->n_items; i++)
    if (!wp->items[i].strength)
      total += wp->items[i].km;

  diff = target_km - total;
  for (guint o = 0; o < G_N_ELEMENTS (order) && fabs (diff) > 0.01; o++)
    {
      for (guint i = 0; i < wp->n_items; i++)
        {
          DayItem *item = &wp->items[i];
          const RunShape *shape = &run_shapes[order[o]];
          double step;

          if (item->strength || item->type != order[o])
            continue;
          if (diff > 0)
            step = MIN (diff, shape->max_km - item->km);
          else
            step = -MIN (-diff, item->km - shape->min_km);
          item->km += step;
          diff -= step;
        }
    }
}

static const DemoRace *
race_between (const Demo *d,
              guint32     from,
              guint32     to)
{
  for (guint i = 0; i < d->races->len; i++)
    {
      const DemoRace *race = &g_array_index (d->races, DemoRace, i);

      if (race->date >= from && race->date <= to)
        return race;
    }
  return NULL;
}

static void
plan_week (Demo     *d,
           guint32   monday,
           WeekPlan *wp)
{
  const DemoRace *next_goal = NULL;
  const DemoRace *last_goal = NULL;
  const DemoRace *race = race_between (d, monday, monday + 6);
  double years_before = ((double) d->today - monday) / 365.25;
  double peak_km;
  double factor;
  double target;
  guint n_strength;
  guint n_runs;
  guint weeks_to = G_MAXUINT;
  guint weeks_since = G_MAXUINT;
  guint taper_len = 1;
  guint recovery_len = 0;

  memset (wp, 0, sizeof *wp);

  for (guint i = 0; i < d->races->len; i++)
    {
      const DemoRace *r = &g_array_index (d->races, DemoRace, i);

      if (!r->goal)
        continue;
      if (r->date < monday)
        last_goal = r;
      else if (next_goal == NULL)
        next_goal = r;
    }

  if (next_goal != NULL)
    {
      weeks_to = (next_goal->date - monday) / 7;
      taper_len = next_goal->kind == RACE_MARATHON ? 2 : 1;
    }
  if (last_goal != NULL)
    {
      weeks_since = (monday - last_goal->date + 6) / 7;
      recovery_len = last_goal->kind == RACE_MARATHON ? 2 : last_goal->kind == RACE_HALF ? 1 : 0;
    }

  peak_km = 118.0 + 8.0 * (1.0 - CLAMP (years_before, 0.0, 10.0) / 10.0);
  if (next_goal != NULL && next_goal->kind != RACE_MARATHON)
    peak_km *= 0.9;

  if (weeks_to == 0)
    {
      wp->phase = PHASE_RACE;
      factor = 0.0;
    }
  else if (weeks_since <= recovery_len)
    {
      wp->phase = PHASE_RECOVERY;
      factor = (weeks_since == 1 && last_goal->kind == RACE_MARATHON) ? 0.50 : 0.65;
    }
  else if (weeks_to <= taper_len)
    {
      wp->phase = PHASE_TAPER;
      factor = (weeks_to == 1) ? (taper_len == 2 ? 0.55 : 0.65) : 0.72;
    }
  else if (weeks_to <= taper_len + 4)
    {
      wp->phase = PHASE_PEAK;
      factor = 0.97;
    }
  else if (weeks_to <= taper_len + 12)
    {
      wp->phase = PHASE_BUILD;
      factor = 0.75 + 0.2 * (1.0 - (double) (weeks_to - taper_len - 5) / 8.0);
      if (weeks_to % 4 == 0)
        factor *= 0.85;
    }
  else
    {
      wp->phase = PHASE_BASE;
      factor = 0.62;
      if (weeks_to % 4 == 0)
        factor *= 0.9;
    }

  factor *= rng_range (&d->rng, 0.96, 1.04);
  target = CLAMP (peak_km * factor, 63.0, 127.0);

  if (wp->phase == PHASE_RACE)
    {
      /* Sharpening, easy days and a shake-out before the goal race. */
      if (next_goal->kind != RACE_MARATHON)
        add_run (wp, 0, STRIDE_RUN_TYPE_RECOVERY);
      add_run (wp, 1, STRIDE_RUN_TYPE_INTERVALS);
      add_run (wp, 2, STRIDE_RUN_TYPE_EASY);
      add_run (wp, 3, STRIDE_RUN_TYPE_EASY);
      add_run (wp, 4, STRIDE_RUN_TYPE_RECOVERY);
      add_run (wp, 6, STRIDE_RUN_TYPE_RACE);
      wp->items[wp->n_items - 1].race = next_goal;
      wp->items[wp->n_items - 1].km = race_distances[next_goal->kind] / 1000.0;
      target = next_goal->kind == RACE_MARATHON ? 72.0 : next_goal->kind == RACE_HALF ? 64.0 : 60.0;
      n_strength = 0;
    }
  else
    {
      gboolean recovery = wp->phase == PHASE_RECOVERY;

      n_runs = target < 70.0 ? 4 : target < 92.0 ? 5 : 6;
      if (n_runs == 6 && rng_chance (&d->rng, 0.15))
        n_runs = 5;

      /* A tune-up race replaces the long run: one more easy day keeps the
       * week's distance up. */
      if (race != NULL)
        {
          target = MAX (target * 0.85, 63.0);
          n_runs = MAX (n_runs, 5);
        }

      if (n_runs == 6)
        add_run (wp, 0, STRIDE_RUN_TYPE_RECOVERY);
      add_run (wp, 1, recovery ? STRIDE_RUN_TYPE_EASY : STRIDE_RUN_TYPE_INTERVALS);
      if (n_runs >= 5)
        add_run (wp, 2, STRIDE_RUN_TYPE_EASY);
      if (recovery || race != NULL || (wp->phase == PHASE_BASE && rng_chance (&d->rng, 0.5)))
        add_run (wp, 3, STRIDE_RUN_TYPE_EASY);
      else
        add_run (wp, 3, STRIDE_RUN_TYPE_TEMPO);
      add_run (wp, 5, race != NULL ? STRIDE_RUN_TYPE_RECOVERY : STRIDE_RUN_TYPE_EASY);
      if (race != NULL)
        {
          add_run (wp, 6, STRIDE_RUN_TYPE_RACE);
          wp->items[wp->n_items - 1].race = race;
          wp->items[wp->n_items - 1].km = race_distances[race->kind] / 1000.0;
        }
      else
        add_run (wp, 6, STRIDE_RUN_TYPE_LONG);

      if (wp->phase == PHASE_TAPER)
        n_strength = 1;
      else if (race != NULL || recovery || wp->phase == PHASE_PEAK)
        n_strength = 2;
      else
        n_strength = rng_chance (&d->rng, 0.45) ? 3 : 2;
    }

  allocate_distances (wp, target);

  /* Evening strength after the morning run: Tue and Thu, Fri as third. */
  if (n_strength >= 1)
    add_strength (wp, 1);
  if (n_strength >= 2)
    add_strength (wp, 3);
  if (n_strength >= 3)
    add_strength (wp, 4);

  for (guint i = 0; i < wp->n_items; i++)
    {
      DayItem *item = &wp->items[i];
      guint32 date = monday + item->dow;

      if (item->strength)
        {
          item->variant = d->strength_counter++ % N_TEMPLATES;
          continue;
        }

      if (item->type == STRIDE_RUN_TYPE_RACE)
        continue;

      item->km = round_to (item->km * rng_range (&d->rng, 0.96, 1.04), 0.01);
      item->pace = run_shapes[item->type].base_pace * fitness_at (d, date) * season_factor (date)
                   * rng_range (&d->rng, 0.97, 1.03);
      if (item->type == STRIDE_RUN_TYPE_INTERVALS)
        item->variant = rng_int (&d->rng, 0, G_N_ELEMENTS (interval_workouts) - 1);
      else if (item->type == STRIDE_RUN_TYPE_TEMPO)
        item->variant = rng_int (&d->rng, 0, G_N_ELEMENTS (tempo_workouts) - 1);
    }
}

/* Emission of the past */

static const DemoShoe *
shoe_for (const Demo    *d,
          guint32        date,
          StrideRunType  type)
{
  for (guint i = 0; i < d->n_shoes; i++)
    {
      const DemoShoe *shoe = &d->shoes[i];

      if (shoe->racer != (type == STRIDE_RUN_TYPE_RACE))
        continue;
      if (date >= shoe->start && (shoe->retired == 0 || date <= shoe->retired))
        return shoe;
    }
  return NULL;
}

static double
lap_factor (Demo          *d,
            StrideRunType  type,
            guint          i,
            guint          n)
{
  switch (type)
    {
    case STRIDE_RUN_TYPE_TEMPO:
      if (n >= 5 && (i < 2 || i == n - 1))
        return 1.12;
      return 0.95 + rng_range (&d->rng, -0.01, 0.01);
    case STRIDE_RUN_TYPE_INTERVALS:
      if (n >= 5 && (i < 2 || i == n - 1))
        return 1.15;
      return (i % 2 == 0 ? 0.86 : 1.10) + rng_range (&d->rng, -0.01, 0.01);
    case STRIDE_RUN_TYPE_LONG:
      return 1.0 + 0.02 * i / n + rng_range (&d->rng, -0.02, 0.02);
    case STRIDE_RUN_TYPE_RACE:
      /* A little fade over the last quarter. */
      return 1.0 + (i * 4 >= n * 3 ? 0.02 : -0.005) + rng_range (&d->rng, -0.008, 0.008);
    case STRIDE_RUN_TYPE_NONE:
    case STRIDE_RUN_TYPE_EASY:
    case STRIDE_RUN_TYPE_RECOVERY:
    case STRIDE_N_RUN_TYPES:
    default:
      return (i == 0 ? 1.03 : 1.0) + rng_range (&d->rng, -0.025, 0.025);
    }
}

/* Laps per km (the last one shorter) whose durations add up exactly. */
static void
make_laps (Demo          *d,
           StrideRunType  type,
           double         distance_m,
           double         duration_s,
           double         avg_pace)
{
  guint n = (guint) ceil (distance_m / 1000.0 - 1e-9);
  double total = 0.0;
  double start = 0.0;

  g_array_set_size (d->laps, 0);
  g_array_set_size (d->lap_pace, n);

  for (guint i = 0; i < n; i++)
    {
      double lap_m = MIN (1000.0, distance_m - i * 1000.0);
      double f = lap_factor (d, type, i, n);

      g_array_index (d->lap_pace, double, i) = f;
      total += lap_m / 1000.0 * avg_pace * f;
    }

  for (guint i = 0; i < n; i++)
    {
      StrideLap lap = { 0, };
      double lap_m = MIN (1000.0, distance_m - i * 1000.0);
      double pace = avg_pace * g_array_index (d->lap_pace, double, i) * duration_s / total;

      g_array_index (d->lap_pace, double, i) = pace;
      lap.lap_index = i;
      lap.start_s = start;
      lap.distance_m = lap_m;
      lap.duration_s = (i + 1 == n) ? duration_s - start : lap_m / 1000.0 * pace;
      start += lap.duration_s;
      g_array_append_val (d->laps, lap);
    }
}

static int
lap_hr (int    avg_hr,
        double avg_pace,
        double lap_pace)
{
  return CLAMP ((int) lround (avg_hr + 60.0 * (avg_pace / lap_pace - 1.0)), 90, 195);
}

static void
route_point (const Route *route,
             double       distance_m,
             double      *lat,
             double      *lon,
             double      *elevation)
{
  double theta = 2.0 * G_PI * fmod (distance_m, route->perimeter_m) / route->perimeter_m;
  double r = route->perimeter_m / (2.0 * G_PI) * (1.0 + 0.06 * sin (3.0 * theta));
  double x = r * cos (theta);
  double y = 0.8 * r * sin (theta);

  *lat = route->lat + y / 111320.0;
  *lon = route->lon + x / (111320.0 * cos (route->lat * G_PI / 180.0));
  *elevation = route->base_elevation_m + 6.0 * sin (theta) + 2.5 * sin (3.0 * theta + 0.7);
}

/* Trackpoints every 5 s along a park loop; fills the laps' and returns the
 * activity's average HR (0 without HR) and the elevation gain. */
static void
make_points (Demo     *d,
             int       avg_hr,
             double    avg_pace,
             double   *out_avg_hr,
             double   *out_gain)
{
  const Route *route = &routes[rng_int (&d->rng, 0, G_N_ELEMENTS (routes) - 1)];
  StrideLap *laps = (StrideLap *) (gpointer) d->laps->data;
  guint n_laps = d->laps->len;
  double duration = laps[n_laps - 1].start_s + laps[n_laps - 1].duration_s;
  double lap_start_m = 0.0;
  double hr_sum = 0.0;
  double lap_hr_sum = 0.0;
  guint lap_hr_n = 0;
  double gain = 0.0;
  double last_elevation = NAN;
  guint lap = 0;

  g_array_set_size (d->points, 0);

  for (double t = 0.0;; t = MIN (t + 5.0, duration))
    {
      StrideTrackpoint p = { 0, };
      double lap_pace;
      double speed;

      while (lap + 1 < n_laps && t > laps[lap].start_s + laps[lap].duration_s)
        {
          if (avg_hr > 0)
            laps[lap].avg_hr = lap_hr_n > 0 ? (int) lround (lap_hr_sum / lap_hr_n) : avg_hr;
          lap_start_m += laps[lap].distance_m;
          lap_hr_sum = 0.0;
          lap_hr_n = 0;
          lap++;
        }

      lap_pace = g_array_index (d->lap_pace, double, lap);
      speed = 1000.0 / lap_pace;
      p.time_s = t;
      p.distance_m = MIN (lap_start_m + (t - laps[lap].start_s) * speed,
                          lap_start_m + laps[lap].distance_m);
      route_point (route, p.distance_m, &p.lat, &p.lon, &p.elevation_m);
      p.cadence = (int) lround (150.0 + 8.0 * speed) + rng_int (&d->rng, -2, 2);

      if (avg_hr > 0)
        {
          double hr = lap_hr (avg_hr, avg_pace, lap_pace) + rng_range (&d->rng, -2.0, 2.0);

          if (t < 300.0)
            hr -= 25.0 * (1.0 - t / 300.0);
          p.hr = (int) lround (hr);
          hr_sum += p.hr;
          lap_hr_sum += p.hr;
          lap_hr_n++;
        }

      if (!isnan (last_elevation) && p.elevation_m > last_elevation)
        gain += p.elevation_m - last_elevation;
      last_elevation = p.elevation_m;

      g_array_append_val (d->points, p);

      if (t >= duration)
        break;
    }

  /* The last point ends exactly on the activity's distance. */
  g_array_index (d->points, StrideTrackpoint, d->points->len - 1).distance_m =
    lap_start_m + laps[lap].distance_m;
  if (avg_hr > 0)
    laps[lap].avg_hr = lap_hr_n > 0 ? (int) lround (lap_hr_sum / lap_hr_n) : avg_hr;

  *out_avg_hr = avg_hr > 0 ? hr_sum / d->points->len : 0.0;
  *out_gain = round_to (gain, 0.1);
}

static gint64
local_start_for (Demo          *d,
                 const DayItem *item,
                 gboolean       strength_same_day)
{
  if (item->strength)
    return rng_int (&d->rng, 18 * 60, 19 * 60 + 45) * 60 + rng_int (&d->rng, 0, 59);
  if (item->type == STRIDE_RUN_TYPE_RACE)
    return (9 * 60 + 30 * rng_int (&d->rng, 0, 2)) * 60;
  if (item->type == STRIDE_RUN_TYPE_LONG)
    return rng_int (&d->rng, 7 * 60 + 30, 9 * 60) * 60 + rng_int (&d->rng, 0, 59);
  if (strength_same_day || rng_chance (&d->rng, 0.6))
    return rng_int (&d->rng, 6 * 60, 7 * 60 + 30) * 60 + rng_int (&d->rng, 0, 59);
  return rng_int (&d->rng, 17 * 60 + 30, 19 * 60 + 30) * 60 + rng_int (&d->rng, 0, 59);
}

static char *
run_title (const DayItem *item)
{
  switch (item->type)
    {
    case STRIDE_RUN_TYPE_EASY:
      return g_strdup ("Easy run");
    case STRIDE_RUN_TYPE_LONG:
      return g_strdup ("Long run");
    case STRIDE_RUN_TYPE_RECOVERY:
      return g_strdup ("Recovery run");
    case STRIDE_RUN_TYPE_TEMPO:
      return g_strdup_printf ("Tempo %s", tempo_workouts[item->variant]);
    case STRIDE_RUN_TYPE_INTERVALS:
      return g_strdup_printf ("Intervals %s", interval_workouts[item->variant]);
    case STRIDE_RUN_TYPE_RACE:
      return g_strdup (item->race->name);
    case STRIDE_RUN_TYPE_NONE:
    case STRIDE_N_RUN_TYPES:
    default:
      return g_strdup ("Run");
    }
}

static gboolean
emit_run (Demo          *d,
          guint32        date,
          const DayItem *item,
          gboolean       strength_same_day)
{
  StrideActivity activity = { 0, };
  const RunShape *shape = &run_shapes[item->type];
  const DemoShoe *shoe = shoe_for (d, date, item->type);
  gboolean tracked = date + STRIDE_DEMO_TRACK_DAYS >= d->today;
  gboolean has_hr = rng_chance (&d->rng, 0.95);
  gboolean has_rpe = rng_chance (&d->rng, 0.85);
  int model_hr = shape->hr;
  double distance_m;
  double duration_s;
  double pace;
  double avg_hr = 0.0;
  double gain = 0.0;
  gboolean ret = TRUE;

  if (item->type == STRIDE_RUN_TYPE_RACE)
    {
      /* The watch measures a little more than the course. */
      distance_m = round (race_distances[item->race->kind] * rng_range (&d->rng, 1.002, 1.01));
      duration_s = round (race_time_for (d, item->race->kind, date)
                          * rng_range (&d->rng, 0.98, 1.03));
      pace = duration_s / (distance_m / 1000.0);
      model_hr = race_hr[item->race->kind];
    }
  else
    {
      distance_m = round (item->km * 1000.0);
      pace = item->pace;
      duration_s = round (distance_m / 1000.0 * pace);
      pace = duration_s / (distance_m / 1000.0);
    }

  model_hr += rng_int (&d->rng, -3, 3);
  make_laps (d, item->type, distance_m, duration_s, pace);

  if (tracked)
    make_points (d, has_hr ? model_hr : 0, pace, &avg_hr, &gain);
  else
    {
      StrideLap *laps = (StrideLap *) (gpointer) d->laps->data;

      g_array_set_size (d->points, 0);
      gain = round_to (distance_m / 1000.0 * rng_range (&d->rng, 3.0, 8.0), 0.1);
      avg_hr = has_hr ? model_hr : 0;
      for (guint i = 0; has_hr && i < d->laps->len; i++)
        laps[i].avg_hr = lap_hr (model_hr, pace, g_array_index (d->lap_pace, double, i));
    }

  activity.sport = STRIDE_SPORT_RUN;
  activity.start_utc = utc_of (d, date, local_start_for (d, item, strength_same_day));
  activity.tz_offset_s = tz_offset_of (date);
  activity.duration_s = duration_s;
  activity.moving_s = duration_s;
  activity.distance_m = distance_m;
  activity.elevation_gain_m = gain;
  activity.avg_hr = (int) lround (avg_hr);
  activity.rpe = has_rpe ? rng_int (&d->rng, shape->rpe_lo, shape->rpe_hi) : 0;
  activity.run_type = item->type;
  activity.shoe_id = shoe != NULL ? shoe->id : 0;
  activity.title = run_title (item);

  if (item->type == STRIDE_RUN_TYPE_RACE)
    {
      g_autofree char *goal = format_clock (item->race->goal_s);
      g_autofree char *result = format_clock (duration_s);

      activity.rpe = has_rpe ? MAX (activity.rpe, item->race->kind == RACE_MARATHON ? 9 : 8) : 0;
      activity.notes = g_strdup_printf ("Goal %s, finished in %s.", goal, result);
    }
  else if (rng_chance (&d->rng, 0.15))
    activity.notes = g_strdup (run_notes[rng_int (&d->rng, 0, G_N_ELEMENTS (run_notes) - 1)]);

  if (d->sink->on_activity != NULL)
    ret = d->sink->on_activity (&activity, NULL, NULL, 0,
                                (StrideTrackpoint *) (gpointer) d->points->data, d->points->len,
                                (StrideLap *) (gpointer) d->laps->data, d->laps->len,
                                d->user_data);

  if (ret && item->type == STRIDE_RUN_TYPE_RACE && d->sink->on_race != NULL)
    {
      StrideRace race = { 0, };

      race.date = date;
      race.name = g_strdup (item->race->name);
      race.distance_m = race_distances[item->race->kind];
      race.goal_time_s = item->race->goal_s;
      race.activity_id = activity.id;
      ret = d->sink->on_race (&race, d->user_data);
      stride_race_clear (&race);
    }

  stride_activity_clear (&activity);
  return ret;
}

static double
load_at (const Demo *d,
         double      load_now,
         guint32     date)
{
  double years_before = CLAMP (((double) d->today - date) / 365.25, 0.0, 10.0);
  double load = load_now * (1.0 - 0.025 * years_before);

  return load >= 40.0 ? round_to (load, 2.5) : round_to (load, 1.0);
}

static gboolean
emit_strength (Demo          *d,
               guint32        date,
               const DayItem *item)
{
  StrideActivity activity = { 0, };
  gint position = 1;
  gboolean ret = TRUE;
  double duration = 0.0;

  g_array_set_size (d->sets, 0);
  g_ptr_array_set_size (d->set_keys, 0);

  for (guint e = 0; e < EXERCISES_PER_TEMPLATE; e++)
    {
      guint ex = templates[item->variant][e];
      const DemoExercise *info = &exercises[ex];
      double load = info->load_now_kg > 0 ? load_at (d, info->load_now_kg, date) : 0.0;
      /* The weaker left side goes first and gets one extra set. */
      guint n = info->unilateral ? info->sets * 2 + 1 : info->sets;

      for (guint s = 0; s < n; s++)
        {
          StrideStrengthSet set = { 0, };

          set.side = !info->unilateral ? STRIDE_SIDE_BOTH
                     : (s % 2 == 0 ? STRIDE_SIDE_LEFT : STRIDE_SIDE_RIGHT);
          set.reps = info->reps;
          /* Nordic curls go from 4 to 6 reps over the years. */
          if (ex == EX_NORDIC_CURL)
            set.reps += (int) lround (2 * progress_at (d, date)) - 1;
          /* The left side lifts about 6 % less: single-leg work shows the
           * same weaker leg as the strength tests. */
          set.load_kg = set.side == STRIDE_SIDE_LEFT ? round_to (load * 0.94, 0.5) : load;
          set.rpe = rng_int (&d->rng, 6, 8);
          set.position = position++;
          g_array_append_val (d->sets, set);
          g_ptr_array_add (d->set_keys, (gpointer) exercise_keys[ex]);
          duration += info->unilateral ? 60.0 : 100.0;
        }
    }

  activity.sport = STRIDE_SPORT_STRENGTH;
  activity.start_utc = utc_of (d, date, local_start_for (d, item, FALSE));
  activity.tz_offset_s = tz_offset_of (date);
  /* CLAMP evaluates its argument more than once: draw first. */
  duration *= rng_range (&d->rng, 0.95, 1.35);
  activity.duration_s = round (CLAMP (duration, 1200.0, 1800.0));
  activity.moving_s = 0.0;
  activity.avg_hr = rng_chance (&d->rng, 0.5) ? rng_int (&d->rng, 100, 118) : 0;
  activity.rpe = rng_int (&d->rng, 5, 7);
  activity.run_type = STRIDE_RUN_TYPE_NONE;
  activity.title = g_strdup (template_titles[item->variant]);
  if (rng_chance (&d->rng, 0.12))
    activity.notes = g_strdup (strength_notes[rng_int (&d->rng, 0,
                                                       G_N_ELEMENTS (strength_notes) - 1)]);

  if (d->sink->on_activity != NULL)
    ret = d->sink->on_activity (&activity,
                                (StrideStrengthSet *) (gpointer) d->sets->data,
                                (const char *const *) d->set_keys->pdata,
                                d->sets->len, NULL, 0, NULL, 0, d->user_data);

  stride_activity_clear (&activity);
  return ret;
}

static gboolean
emit_measurement (Demo       *d,
                  guint32     date,
                  const char *test,
                  const char *method,
                  StrideSide  side,
                  double      value,
                  const char *unit,
                  const char *notes)
{
  StrideMeasurement m = { 0, };
  gboolean ret;

  if (d->sink->on_measurement == NULL)
    return TRUE;

  m.date = date;
  m.test = g_strdup (test);
  m.method = g_strdup (method);
  m.side = side;
  m.value = value;
  m.unit = g_strdup (unit);
  m.notes = g_strdup (notes);
  ret = d->sink->on_measurement (&m, d->user_data);
  stride_measurement_clear (&m);

  return ret;
}

static gboolean
emit_tests (Demo    *d,
            guint32  date,
            gboolean first)
{
  double p = progress_at (d, date);
  double quad_r = 195.0 + 20.0 * p + rng_range (&d->rng, -4.0, 4.0);
  double quad_l = quad_r * (1.0 - rng_range (&d->rng, 0.06, 0.10));
  /* The runner starts with weak hamstrings and closes the gap with the
   * corrective work within the first half of the journal; later tests
   * hover around the target, now and then just under it. */
  double hq = 0.52 + 0.11 * MIN (1.0, 2.0 * p) + rng_range (&d->rng, -0.012, 0.012);
  double ham_r = quad_r * hq;
  double ham_l = ham_r * (1.0 - rng_range (&d->rng, 0.06, 0.10));
  double abd_r = 190.0 + 15.0 * p + rng_range (&d->rng, -5.0, 5.0);
  double abd_l = abd_r * (1.0 - rng_range (&d->rng, 0.03, 0.07));
  double add_r = abd_r * rng_range (&d->rng, 0.85, 0.95);
  double add_l = add_r * (1.0 - rng_range (&d->rng, 0.02, 0.06));
  double hop_r = 150.0 + 12.0 * p + rng_range (&d->rng, -4.0, 4.0);
  double hop_l = hop_r * (1.0 - rng_range (&d->rng, 0.04, 0.08));
  const char *note = first ? "Baseline at the sports clinic." :
                     rng_chance (&d->rng, 0.25) ? "Same machine and tester as last time." : NULL;

  return emit_measurement (d, date, STRIDE_TEST_KNEE_EXTENSION, STRIDE_METHOD_ISOKINETIC_60,
                           STRIDE_SIDE_LEFT, round_to (quad_l, 0.1), "N·m", note) &&
         emit_measurement (d, date, STRIDE_TEST_KNEE_EXTENSION, STRIDE_METHOD_ISOKINETIC_60,
                           STRIDE_SIDE_RIGHT, round_to (quad_r, 0.1), "N·m", NULL) &&
         emit_measurement (d, date, STRIDE_TEST_KNEE_FLEXION, STRIDE_METHOD_ISOKINETIC_60,
                           STRIDE_SIDE_LEFT, round_to (ham_l, 0.1), "N·m", NULL) &&
         emit_measurement (d, date, STRIDE_TEST_KNEE_FLEXION, STRIDE_METHOD_ISOKINETIC_60,
                           STRIDE_SIDE_RIGHT, round_to (ham_r, 0.1), "N·m", NULL) &&
         emit_measurement (d, date, STRIDE_TEST_HIP_ABDUCTION, STRIDE_METHOD_DYNAMOMETER,
                           STRIDE_SIDE_LEFT, round (abd_l), "N", NULL) &&
         emit_measurement (d, date, STRIDE_TEST_HIP_ABDUCTION, STRIDE_METHOD_DYNAMOMETER,
                           STRIDE_SIDE_RIGHT, round (abd_r), "N", NULL) &&
         emit_measurement (d, date, STRIDE_TEST_HIP_ADDUCTION, STRIDE_METHOD_DYNAMOMETER,
                           STRIDE_SIDE_LEFT, round (add_l), "N", NULL) &&
         emit_measurement (d, date, STRIDE_TEST_HIP_ADDUCTION, STRIDE_METHOD_DYNAMOMETER,
                           STRIDE_SIDE_RIGHT, round (add_r), "N", NULL) &&
         emit_measurement (d, date, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD,
                           STRIDE_SIDE_LEFT, round (hop_l), "cm", NULL) &&
         emit_measurement (d, date, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD,
                           STRIDE_SIDE_RIGHT, round (hop_r), "cm", NULL);
}

static gboolean
emit_pain (Demo    *d,
           guint32  date)
{
  static const char *const locations[] = { "knee", "achilles", "hip" };
  static const char *const first_notes[] = {
    "Outside of the knee sore after the long run.",
    "Achilles stiff in the morning, eased after the warm-up.",
    "Hip ache on the downhill stretch.",
  };

  for (guint i = 0; i < d->pains->len; i++)
    {
      const PainEpisode *e = &g_array_index (d->pains, PainEpisode, i);
      StridePainEntry pain = { 0, };
      guint day;
      gboolean ret = TRUE;

      if (date < e->start || date >= e->start + e->days)
        continue;

      day = date - e->start;
      pain.date = date;
      pain.location = g_strdup (locations[e->location]);
      pain.side = e->side;
      /* Builds up for a day, peaks, then eases off. */
      pain.severity = day == 0 ? e->peak - 1 : MAX (2, e->peak - (int) day + 1);
      if (day == 0)
        pain.notes = g_strdup (first_notes[e->location]);
      else if (day + 1 == e->days)
        pain.notes = g_strdup ("Much better today.");

      if (d->sink->on_pain != NULL)
        ret = d->sink->on_pain (&pain, d->user_data);
      stride_pain_entry_clear (&pain);
      if (!ret)
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_strength_on (const WeekPlan *wp,
                 guint           dow)
{
  for (guint i = 0; i < wp->n_items; i++)
    if (wp->items[i].dow == dow && wp->items[i].strength)
      return TRUE;
  return FALSE;
}

static gboolean
emit_past_day (Demo           *d,
               guint32         date,
               const WeekPlan *wp,
               guint           dow)
{
  gboolean strength_today = has_strength_on (wp, dow);

  /* Runs first (morning or evening), strength in the evening. */
  for (guint i = 0; i < wp->n_items; i++)
    {
      const DayItem *item = &wp->items[i];

      if (item->dow == dow && !item->strength && !emit_run (d, date, item, strength_today))
        return FALSE;
    }

  for (guint i = 0; i < wp->n_items; i++)
    {
      const DayItem *item = &wp->items[i];

      if (item->dow == dow && item->strength && !emit_strength (d, date, item))
        return FALSE;
    }

  for (guint i = 0; i < d->test_dates->len; i++)
    if (g_array_index (d->test_dates, guint32, i) == date && !emit_tests (d, date, i == 0))
      return FALSE;

  return emit_pain (d, date);
}

/* Emission of the plan */

static gboolean
emit_plan_entry (Demo              *d,
                 guint32            date,
                 StrideSlot         slot,
                 StridePlanKind     kind,
                 StrideRunType      run_type,
                 double             distance_m,
                 double             duration_s,
                 double             pace,
                 char              *description)
{
  StridePlanEntry entry = { 0, };
  gboolean ret = TRUE;

  entry.date = date;
  entry.slot = slot;
  entry.kind = kind;
  entry.run_type = run_type;
  entry.target_distance_m = distance_m;
  entry.target_duration_s = duration_s;
  entry.target_pace_s_per_km = pace;
  entry.description = description;
  entry.status = STRIDE_PLAN_STATUS_PLANNED;

  if (d->sink->on_plan_entry != NULL)
    ret = d->sink->on_plan_entry (&entry, d->user_data);
  stride_plan_entry_clear (&entry);

  return ret;
}

static gboolean
emit_plan_day (Demo           *d,
               guint32         date,
               const WeekPlan *wp,
               guint           dow)
{
  gboolean any = FALSE;
  gboolean strength_today = has_strength_on (wp, dow);

  for (guint i = 0; i < wp->n_items; i++)
    {
      const DayItem *item = &wp->items[i];
      g_autofree char *km = NULL;
      g_autofree char *pace = NULL;
      char *description;
      double distance_m;
      double pace_s;
      StrideSlot slot;

      if (item->dow != dow || item->strength)
        continue;
      any = TRUE;

      if (item->type == STRIDE_RUN_TYPE_RACE)
        {
          g_autofree char *goal = format_clock (item->race->goal_s);

          if (d->sink->on_race != NULL)
            {
              StrideRace race = { 0, };
              gboolean ret;

              race.date = date;
              race.name = g_strdup (item->race->name);
              race.distance_m = race_distances[item->race->kind];
              race.goal_time_s = item->race->goal_s;
              ret = d->sink->on_race (&race, d->user_data);
              stride_race_clear (&race);
              if (!ret)
                return FALSE;
            }

          distance_m = race_distances[item->race->kind];
          description = g_strdup_printf ("Race: %s, goal %s", item->race->name, goal);
          if (!emit_plan_entry (d, date, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RACE,
                                STRIDE_RUN_TYPE_RACE, distance_m, item->race->goal_s,
                                round (item->race->goal_s / (distance_m / 1000.0)), description))
            return FALSE;
          continue;
        }

      /* Targets as a coach writes them: half kilometres, whole seconds. */
      distance_m = round_to (item->km, 0.5) * 1000.0;
      pace_s = round (item->pace);
      km = format_km (distance_m / 1000.0);
      pace = format_clock (pace_s);

      switch (item->type)
        {
        case STRIDE_RUN_TYPE_INTERVALS:
          description = g_strdup_printf ("Intervals %s, %s km in total",
                                         interval_workouts[item->variant], km);
          break;
        case STRIDE_RUN_TYPE_TEMPO:
          description = g_strdup_printf ("Tempo %s, %s km in total",
                                         tempo_workouts[item->variant], km);
          break;
        case STRIDE_RUN_TYPE_LONG:
          description = g_strdup_printf ("Long run %s km at %s/km", km, pace);
          break;
        case STRIDE_RUN_TYPE_RECOVERY:
          description = g_strdup_printf ("Recovery %s km, very easy", km);
          break;
        case STRIDE_RUN_TYPE_EASY:
        case STRIDE_RUN_TYPE_NONE:
        case STRIDE_RUN_TYPE_RACE:
        case STRIDE_N_RUN_TYPES:
        default:
          description = g_strdup_printf ("Easy %s km at %s/km", km, pace);
          break;
        }

      slot = (strength_today || item->type == STRIDE_RUN_TYPE_LONG || rng_chance (&d->rng, 0.6))
             ? STRIDE_SLOT_MORNING : STRIDE_SLOT_EVENING;
      if (!emit_plan_entry (d, date, slot, STRIDE_PLAN_KIND_RUN, item->type, distance_m,
                            round (distance_m / 1000.0 * pace_s), pace_s, description))
        return FALSE;
    }

  for (guint i = 0; i < wp->n_items; i++)
    {
      const DayItem *item = &wp->items[i];

      if (item->dow != dow || !item->strength)
        continue;
      any = TRUE;

      if (!emit_plan_entry (d, date, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_STRENGTH,
                            STRIDE_RUN_TYPE_NONE, 0.0, rng_chance (&d->rng, 0.5) ? 1200.0 : 1500.0,
                            0.0, g_strdup (template_titles[item->variant])))
        return FALSE;
    }

  if (!any)
    return emit_plan_entry (d, date, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_REST,
                            STRIDE_RUN_TYPE_NONE, 0.0, 0.0, 0.0, g_strdup ("Rest day"));

  return TRUE;
}

static gboolean
emit_shoes (Demo *d)
{
  guint trainer = 0;
  guint racer = 0;

  for (guint i = 0; i < d->n_shoes; i++)
    {
      static const char *const colours[] = { "blue", "grey", "orange", "green", "black" };
      DemoShoe *demo_shoe = &d->shoes[i];
      StrideShoe shoe = { 0, };
      gboolean ret = TRUE;

      shoe.id = i + 1;
      shoe.start_date = demo_shoe->start;
      shoe.retired_date = demo_shoe->retired;
      if (demo_shoe->racer)
        {
          shoe.name = racer == 0 ? g_strdup ("Carbon racer")
                                 : g_strdup_printf ("Carbon racer %u", racer + 1);
          racer++;
          shoe.limit_km = 400.0;
        }
      else
        {
          shoe.name = g_strdup_printf ("Daily trainer %u (%s)", trainer + 1,
                                       colours[trainer % G_N_ELEMENTS (colours)]);
          trainer++;
          shoe.limit_km = 0.0;
        }

      if (d->sink->on_shoe != NULL)
        ret = d->sink->on_shoe (&shoe, i, d->user_data);
      demo_shoe->id = shoe.id;
      stride_shoe_clear (&shoe);
      if (!ret)
        return FALSE;
    }

  return TRUE;
}

static gboolean
run_demo (Demo *d)
{
  guint32 first_monday = d->start - weekday0 (d->start);

  if (!emit_shoes (d))
    return FALSE;

  for (guint32 monday = first_monday; monday <= d->plan_end; monday += 7)
    {
      WeekPlan wp;

      plan_week (d, monday, &wp);

      for (guint dow = 0; dow < 7; dow++)
        {
          guint32 date = monday + dow;

          if (date < d->start || date > d->plan_end)
            continue;
          if (date < d->today)
            {
              if (!emit_past_day (d, date, &wp, dow))
                return FALSE;
            }
          else if (date > d->today)
            {
              if (!emit_plan_day (d, date, &wp, dow))
                return FALSE;
            }
        }
    }

  return TRUE;
}

guint32
stride_demo_get_start (guint   years,
                       guint32 today)
{
  GDate date;

  if (!g_date_valid_julian (today))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, today);
  /* make_races() looks one calendar year before the start. */
  if (years > 100 || g_date_get_year (&date) <= years + 1)
    return 0;
  g_date_subtract_years (&date, years);

  return g_date_get_julian (&date);
}

const char *const *
stride_demo_list_exercise_keys (void)
{
  return exercise_keys;
}

gboolean
stride_demo_generate (guint                 years,
                      guint32               today,
                      guint32               seed,
                      const StrideDemoSink *sink,
                      gpointer              user_data)
{
  Demo d = { 0, };
  gboolean ret;

  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (stride_demo_get_start (years, today) != 0, FALSE);
  g_return_val_if_fail (g_date_valid_julian (today + STRIDE_DEMO_PLAN_DAYS + 400), FALSE);

  d.years = years;
  d.today = today;
  d.start = stride_demo_get_start (years, today);
  d.plan_end = today + STRIDE_DEMO_PLAN_DAYS;
  d.epoch = julian_of (1, G_DATE_JANUARY, 1970);
  d.rng.state = seed;
  d.sink = sink;
  d.user_data = user_data;

  d.races = g_array_new (FALSE, TRUE, sizeof (DemoRace));
  g_array_set_clear_func (d.races, clear_race);
  d.test_dates = g_array_new (FALSE, FALSE, sizeof (guint32));
  d.pains = g_array_new (FALSE, FALSE, sizeof (PainEpisode));
  d.sets = g_array_new (FALSE, TRUE, sizeof (StrideStrengthSet));
  d.set_keys = g_ptr_array_new ();
  d.points = g_array_sized_new (FALSE, TRUE, sizeof (StrideTrackpoint), 4096);
  d.laps = g_array_new (FALSE, TRUE, sizeof (StrideLap));
  d.lap_pace = g_array_new (FALSE, TRUE, sizeof (double));

  make_races (&d);
  make_shoes (&d);
  make_tests_and_pains (&d);

  ret = run_demo (&d);

  g_array_unref (d.races);
  g_array_unref (d.test_dates);
  g_array_unref (d.pains);
  g_array_unref (d.sets);
  g_ptr_array_unref (d.set_keys);
  g_array_unref (d.points);
  g_array_unref (d.laps);
  g_array_unref (d.lap_pace);

  return ret;
}
