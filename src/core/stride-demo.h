/* stride-demo.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "stride-types.h"

G_BEGIN_DECLS

/* A deterministic sample journal of a ~3:30 marathoner who lifts twice or
 * three times a week. Same (years, today, seed) gives the same stream, byte
 * for byte; no clock, no g_random, no locale is consulted.
 *
 * What it contains, for the days [start, today - 1] where start is the
 * same calendar day @years years before @today (stride_demo_get_start()):
 *  - weeks (Monday to Sunday) in base / build / peak / taper / race /
 *    recovery phases towards 2–4 races a calendar year (5k, 10k, half,
 *    marathon); 3–6 runs and roughly 60–127 km a week; paces by run type
 *    (intervals < tempo < easy < long < recovery, in s/km); HR on ~95 % and
 *    RPE on ~85 % of the runs; start times in the morning or the evening,
 *    local time of Europe/Berlin (tz_offset_s 3600 or 7200 by DST);
 *  - 2–3 strength sessions a week (Tue, Thu, Fri evening, after a morning
 *    run, never the day before a key run). In the two taper weeks before a
 *    goal race (half or marathon, or the planned race) there is 1 session a
 *    week and none in race week, as RISK-RULES.md §4 asks — so a week that
 *    contains a race or is one of the 3 weeks before one may have 0–3;
 *  - a strength test about every 6 weeks: knee extension and flexion at
 *    isokinetic 60°/s (N·m, H:Q rising from about 0.52 to 0.62 over the
 *    whole span, the left leg 6–10 % weaker), hip abduction/adduction with
 *    a hand-held dynamometer (N), single-leg hop (cm), each per side;
 *  - 1–2 pain episodes a year (knee, achilles or hip; 3–5 days; 2–6/10);
 *  - 4–6 pairs of shoes, every run linked to the pair worn;
 *  - laps per km on every run, trackpoints every 5 s on runs of the last
 *    90 days (dates >= today - 90);
 *  - the races (StrideRace, goal time set, activity_id linked to the race
 *    run when the sink gave it an id);
 * and for the days [today + 1, today + 56]: plan entries (runs with
 * targets, strength sessions, rest days) with at least one race, which is
 * also sent as a StrideRace without result. @today itself has no content
 * (a race that would fall on it moves a week later).
 *
 * Paces follow a runner who is a 3:30 marathoner at @today (easy about
 * 5:20 /km) and was about 6 % slower ten years before.
 *
 * Records are emitted in date order: all shoes first, then day by day
 * activities (by start time), the race record of a race run, measurements,
 * pain entries; then the plan. */

/* The seed stride_demo_write() uses. */
#define STRIDE_DEMO_DEFAULT_SEED 0x5712de11u

/* Trackpoints are made for runs on dates >= today - this. */
#define STRIDE_DEMO_TRACK_DAYS   90
/* The plan covers today + 1 … today + this. */
#define STRIDE_DEMO_PLAN_DAYS    56

/* Every callback may be NULL. Records are owned by the generator and valid
 * only during the call, but the sink may write into them — in particular
 * their id fields — and the generator reads back:
 *  - shoe->id after on_shoe (pre-set to @index + 1): runs in that shoe get
 *    activity->shoe_id = shoe->id;
 *  - activity->id after on_activity: the race record of a race run gets
 *    race->activity_id = activity->id (0 stays "not linked").
 * A callback returning FALSE stops the generation.
 *
 * Strength sets: @sets[i] carries side, reps, load_kg, rpe and position;
 * its exercise_id is 0 and @exercise_keys[i] names the exercise by its
 * key in the exercise library (see stride_demo_list_exercise_keys()). The
 * sink fills exercise_id in place. Unilateral exercises come as left and
 * right sets (the weaker left first, with one extra left set); bilateral
 * ones as STRIDE_SIDE_BOTH. activity_id of sets, points and laps is 0. */
typedef struct
{
  gboolean (*on_shoe)        (StrideShoe         *shoe,
                              guint               index,
                              gpointer            user_data);
  gboolean (*on_activity)    (StrideActivity     *activity,
                              StrideStrengthSet  *sets,
                              const char *const  *exercise_keys,
                              guint               n_sets,
                              StrideTrackpoint   *points,
                              guint               n_points,
                              StrideLap          *laps,
                              guint               n_laps,
                              gpointer            user_data);
  gboolean (*on_measurement) (StrideMeasurement  *measurement,
                              gpointer            user_data);
  gboolean (*on_pain)        (StridePainEntry    *pain,
                              gpointer            user_data);
  gboolean (*on_race)        (StrideRace         *race,
                              gpointer            user_data);
  gboolean (*on_plan_entry)  (StridePlanEntry    *entry,
                              gpointer            user_data);
} StrideDemoSink;

/* Returns FALSE if a callback stopped it (or the arguments are invalid:
 * @today must be a valid GDate Julian day and @years <= 100 and leave a
 * valid start date). */
gboolean            stride_demo_generate           (guint                 years,
                                                    guint32               today,
                                                    guint32               seed,
                                                    const StrideDemoSink *sink,
                                                    gpointer              user_data);

/* The first day with content: the same day of the month @years years
 * before @today (28 February for a 29th in a non-leap year). 0 if invalid. */
guint32             stride_demo_get_start          (guint                 years,
                                                    guint32               today);

/* The exercise-library keys the demo refers to, NULL-terminated. */
const char *const  *stride_demo_list_exercise_keys (void);

G_END_DECLS
