/* stride-planner.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "stride-risk.h"
#include "stride-types.h"

G_BEGIN_DECLS

/* The plan generator of DESIGN.md feature 1: from a goal race and the
 * runner's current training, periodised weeks up to race day, with
 * strength sessions placed by RISK-RULES.md §4. Pure and deterministic:
 * the same request always gives the same plan.
 *
 * Weeks. The plan is cut into 7-day weeks counted back from the race:
 * the last week ends on race day, the one before it 7 days earlier, and
 * so on; the first week may be partial (it starts tomorrow). With a
 * Sunday race the weeks are ISO weeks, which the risk checklist uses.
 * The last two weeks (race − 13 … race) are the taper; the weeks before
 * are base, build and peak, about 40/35/25 % of them (peak 1–3 weeks).
 *
 * Runs. Every run goes in the MORNING slot (EVENING when the user's entry
 * holds the morning). Each full week before the taper has a long run on
 * the preferred weekday and one or two key sessions (tempo, intervals):
 * one in base weeks and with 3 run days, two in build and peak weeks
 * otherwise; the rest are easy runs. No run is shorter than 3 km, unless
 * the spike limit itself is lower (a short longest run), then not shorter
 * than that limit (rounded down to 100 m); budgets too small for a run
 * leave it out. Each taper week
 * keeps one key session (intensity is kept); the first taper week keeps a
 * shorter long run; the race replaces the long run of race week; no key
 * session in the 2 days before the race. Paces come from the goal time's
 * VDOT when there is a goal (easy 70 %, long 72 %, tempo 88 %, intervals
 * 98 % of VDOT, race = goal pace), else they are 0 (not set).
 *
 * Load limits, which no generated plan breaks. Run distance here is the
 * generated runs together with the user's own run and race entries
 * (request->existing, their target_distance_m, day by day) on tomorrow …
 * race − 1; the user's skipped entries do not count. A user's planned run
 * is load the plan builds on, and part of its week's distance: a week's
 * generated runs only fill its target up beside the user's.
 * - Ramp: a week's run distance is at most (100 + ramp_caution_percent) %
 *   of the week two weeks earlier. The two weeks before the plan, and a
 *   partial first week (whose earlier days are the user's), count as
 *   the current weekly distance.
 * - Spike: a run on day d is at most spike_caution_percent (110 %) of its
 *   reference: the longest run (generated or the user's) in d − 30 …
 *   d − 1, and for days up to StridePlanResult.history_until also the
 *   given longest run of the last 30 days; when d − 30 … d − 1 holds no
 *   generated run, also the given longest run. The race itself is exempt
 *   (it is the goal) and is no reference.
 * - Taper: the run distance of the taper, race excluded, is cut 41–60 %
 *   (aimed at 50 %) versus two peak weeks, the peak week being the
 *   longest full week before the taper (the current weekly distance when
 *   there is none). A plan shorter than the taper has no cut to check and
 *   says so in a note; so does a plan whose taper the user's own runs
 *   make too long (a cut under 41 %), or whose runs the spike limit keeps
 *   too short (over 60 %).
 *
 * Strength: 20-minute sessions (target_duration_s 1200), 3 a week in base
 * and build, 2 in peak, and one 15-minute maintenance session (900 s) in
 * the first taper week; none from 5 days before the race (race − 5 …).
 * At most one session (the user's included) from race − 14 to race, the
 * window the race checklist counts. A session goes on a run day only in
 * the EVENING after runs that are all in the MORNING (≥ 6 h after), never
 * on the day before a key run (tempo, intervals, long run, race — the
 * user's runs included) nor on a day with the user's rest, strength or
 * race entry; sessions keep a day apart when they can.
 *
 * Strength content: compound and explosive lifts as the base (session A:
 * back squat, hip thrust, box jump; session B: deadlift, jump squat,
 * single-leg calf raise, alternating), plus correctives: weak hamstrings →
 * Nordic curl, Romanian deadlift, leg curl; a weaker side → split squat,
 * single-leg RDL, step-up with "weak side first, one extra set" naming
 * the side; weak hip abductors → side-lying hip abduction, lateral band
 * walk, single-leg squat. With two or more correctives the base shrinks
 * to two lifts so the session fits 20 minutes.
 *
 * The user's entries are never changed and never doubled: no generated
 * entry goes on a day and slot the user holds, no generated run on a day
 * with the user's run, race or rest entry (it moves to the nearest free
 * day of its week, or is dropped), no generated race when the user has a
 * race entry on race day. Each move or drop is said in a note; notes
 * give dates as "Fri 1 Jan 2027". */

#define STRIDE_PLANNER_ERROR (stride_planner_error_quark ())

typedef enum
{
  STRIDE_PLANNER_ERROR_RACE_DATE,   /* race today or in the past, or > 52 weeks away */
  STRIDE_PLANNER_ERROR_INVALID,     /* a number out of range (the message says which) */
} StridePlannerError;

/* Limits of a sane request (larger numbers are typing mistakes). */
#define STRIDE_PLANNER_MIN_RUN_DAYS        3
#define STRIDE_PLANNER_MAX_RUN_DAYS        7
#define STRIDE_PLANNER_MAX_WEEKLY_M        300000.0
#define STRIDE_PLANNER_MIN_LONGEST_M       1000.0
#define STRIDE_PLANNER_MAX_RUN_M           100000.0
#define STRIDE_PLANNER_MIN_RACE_M          800.0
#define STRIDE_PLANNER_MAX_RACE_M          100000.0
#define STRIDE_PLANNER_MAX_DAYS_AHEAD      364
#define STRIDE_PLANNER_TAPER_DAYS          14
#define STRIDE_PLANNER_NO_STRENGTH_DAYS    5

#define STRIDE_PLANNER_STRENGTH_S          1200.0
#define STRIDE_PLANNER_MAINTENANCE_S       900.0

typedef enum
{
  STRIDE_PLAN_PHASE_BASE,
  STRIDE_PLAN_PHASE_BUILD,
  STRIDE_PLAN_PHASE_PEAK,
  STRIDE_PLAN_PHASE_TAPER,
  STRIDE_N_PLAN_PHASES
} StridePlanPhase;

typedef struct
{
  guint32        today;              /* Julian day; tomorrow is the first planned day */
  guint32        race_date;          /* Julian day */
  double         race_distance_m;
  double         goal_time_s;        /* 0 = no goal */
  double         weekly_distance_m;  /* current weekly run distance */
  guint          run_days;           /* 3–7 */
  double         longest_run_m;      /* longest run of the previous 30 days */
  GDateWeekday   long_run_weekday;   /* G_DATE_BAD_WEEKDAY = Sunday */
  /* The user's measured imbalances (e.g. from stride-balance.h summaries
   * in state IMBALANCE). */
  gboolean       weak_hamstrings;
  StrideSide     weaker_side;        /* LEFT or RIGHT; BOTH = none */
  gboolean       weak_hip_abductors;
  const StrideRiskThresholds *thresholds;   /* NULL = defaults */
  GArray        *existing;           /* StridePlanEntry, the user's; may be NULL */
} StridePlanRequest;

/* A request with no imbalances, Sunday long runs and default thresholds;
 * the caller fills in the rest. */
void         stride_plan_request_init     (StridePlanRequest *request);

typedef struct
{
  guint32          start;            /* first day of the week (may be before tomorrow) */
  guint32          end;              /* last day (race day for the last week) */
  StridePlanPhase  phase;
  gboolean         partial;          /* starts before tomorrow */
  double           target_m;         /* what the progression aimed at */
  double           planned_m;        /* generated runs, race excluded (the
                                      * user's runs not included) */
  guint            n_strength;       /* generated strength sessions */
} StridePlanWeek;

typedef struct
{
  GArray    *entries;                /* StridePlanEntry (id 0, PLANNED), by date then slot */
  GPtrArray *exercise_keys;          /* per entry: a GStrv of exercise keys
                                      * for a strength entry, NULL otherwise */
  GArray    *weeks;                  /* StridePlanWeek, in date order */
  GPtrArray *notes;                  /* char *: what was moved, dropped or not planned */
  guint32    history_until;          /* see the spike rule above */
  double     peak_m;                 /* the taper's reference week (the
                                      * user's runs included) */
} StridePlanResult;

void         stride_plan_result_free      (StridePlanResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StridePlanResult, stride_plan_result_free)

GQuark       stride_planner_error_quark   (void);

/* "base", "build", "peak", "taper", and translated labels. */
const char  *stride_plan_phase_to_id      (StridePlanPhase phase);
const char  *stride_plan_phase_to_label   (StridePlanPhase phase);

/* Is @type a key run (≥ 24 h from strength before it)? */
gboolean     stride_plan_is_key_run       (StrideRunType   type);

/* The exercise keys of a strength session for an imbalance profile:
 * @variant 0 = session A, 1 = session B. NULL-terminated, newly allocated. */
char       **stride_plan_strength_keys    (gboolean        weak_hamstrings,
                                           StrideSide      weaker_side,
                                           gboolean        weak_hip_abductors,
                                           guint           variant) G_GNUC_WARN_UNUSED_RESULT;

/* The plan, or NULL with STRIDE_PLANNER_ERROR for a race today or in the
 * past or more than 52 weeks away, run days outside 3–7, a distance or
 * time that is ≤ 0, not finite or absurd (see the limits above), a goal
 * time slower than 2 km/h or faster than 30 km/h, or thresholds that make
 * no sense. A race less than 2 weeks away gives a taper-like plan and a
 * note that says what could not be planned. */
StridePlanResult *stride_plan_generate    (const StridePlanRequest *request,
                                           GError                 **error);

G_END_DECLS
