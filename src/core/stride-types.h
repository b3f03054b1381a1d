/* stride-types.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Plain domain records shared by every layer. They carry no behaviour;
 * `core` computes on them, `store` reads and writes them, `io` fills them
 * from files. Dates without a time of day are Julian day numbers as used
 * by GDate (1 = 0001-01-01), times are Unix seconds in UTC. Strings are
 * owned by the record and freed by its _clear() function. An id of 0 means
 * "not saved yet"; an optional number that is unknown is 0 unless noted. */

typedef enum
{
  STRIDE_SPORT_RUN,
  STRIDE_SPORT_STRENGTH,
  STRIDE_SPORT_CYCLING,
  STRIDE_SPORT_WALK,
  STRIDE_SPORT_SWIM,
  STRIDE_SPORT_OTHER,
  STRIDE_N_SPORTS
} StrideSport;

typedef enum
{
  STRIDE_RUN_TYPE_NONE,
  STRIDE_RUN_TYPE_EASY,
  STRIDE_RUN_TYPE_LONG,
  STRIDE_RUN_TYPE_TEMPO,
  STRIDE_RUN_TYPE_INTERVALS,
  STRIDE_RUN_TYPE_RACE,
  STRIDE_RUN_TYPE_RECOVERY,
  STRIDE_N_RUN_TYPES
} StrideRunType;

typedef enum
{
  STRIDE_SIDE_BOTH,
  STRIDE_SIDE_LEFT,
  STRIDE_SIDE_RIGHT,
  STRIDE_N_SIDES
} StrideSide;

typedef enum
{
  STRIDE_CATEGORY_COMPOUND,
  STRIDE_CATEGORY_EXPLOSIVE,
  STRIDE_CATEGORY_UNILATERAL,
  STRIDE_CATEGORY_POSTERIOR,
  STRIDE_CATEGORY_HIP,
  STRIDE_CATEGORY_CALF,
  STRIDE_CATEGORY_CORE,
  STRIDE_CATEGORY_MOBILITY,
  STRIDE_N_CATEGORIES
} StrideExerciseCategory;

typedef enum
{
  STRIDE_PLAN_KIND_RUN,
  STRIDE_PLAN_KIND_STRENGTH,
  STRIDE_PLAN_KIND_REST,
  STRIDE_PLAN_KIND_RACE,
  STRIDE_PLAN_KIND_CROSS,
  STRIDE_N_PLAN_KINDS
} StridePlanKind;

typedef enum
{
  STRIDE_PLAN_STATUS_PLANNED,
  STRIDE_PLAN_STATUS_DONE,
  STRIDE_PLAN_STATUS_SKIPPED,
  STRIDE_PLAN_STATUS_MOVED,
  STRIDE_N_PLAN_STATUSES
} StridePlanStatus;

typedef enum
{
  STRIDE_SLOT_MORNING,
  STRIDE_SLOT_EVENING,
  STRIDE_N_SLOTS
} StrideSlot;

typedef struct
{
  gint64         id;
  StrideSport    sport;
  gint64         start_utc;          /* Unix seconds */
  gint           tz_offset_s;        /* local = UTC + offset */
  double         duration_s;         /* elapsed */
  double         moving_s;           /* 0 = unknown */
  double         distance_m;
  double         elevation_gain_m;
  gint           avg_hr;             /* bpm, 0 = unknown */
  gint           rpe;                /* CR-10, 0 = unknown */
  StrideRunType  run_type;
  gint64         shoe_id;            /* 0 = none */
  char          *title;
  char          *notes;
  char          *source_hash;        /* hex digest of an imported file, NULL */
} StrideActivity;

typedef struct
{
  gint64 activity_id;
  double time_s;                     /* seconds since the activity start */
  double lat;                        /* degrees, NAN = no position */
  double lon;
  double elevation_m;                /* NAN = unknown */
  double distance_m;                 /* cumulative, NAN = unknown */
  gint   hr;                         /* 0 = unknown */
  gint   cadence;                    /* 0 = unknown */
} StrideTrackpoint;

typedef struct
{
  gint64 activity_id;
  gint   lap_index;
  double start_s;                    /* seconds since the activity start */
  double duration_s;
  double distance_m;
  gint   avg_hr;
} StrideLap;

typedef struct
{
  gint64                  id;
  char                   *key;       /* stable id, e.g. "nordic-curl" */
  char                   *name;      /* English name, translated in the UI */
  StrideExerciseCategory  category;
  char                   *muscles;   /* comma-separated muscle groups */
  gboolean                unilateral;
} StrideExercise;

typedef struct
{
  gint64     id;
  gint64     activity_id;
  gint64     exercise_id;
  StrideSide side;
  gint       reps;
  double     load_kg;                /* 0 = body weight */
  gint       rpe;
  gint       position;               /* order inside the session */
} StrideStrengthSet;

/* Test ids (the "test" column of a measurement). */
#define STRIDE_TEST_KNEE_FLEXION        "knee-flexion"
#define STRIDE_TEST_KNEE_EXTENSION      "knee-extension"
#define STRIDE_TEST_KNEE_FLEXION_ECC    "knee-flexion-eccentric"
#define STRIDE_TEST_HIP_ABDUCTION       "hip-abduction"
#define STRIDE_TEST_HIP_ADDUCTION       "hip-adduction"
#define STRIDE_TEST_HOP                 "single-leg-hop"
#define STRIDE_TEST_CALF_RAISES         "single-leg-calf-raises"
#define STRIDE_TEST_LEG_CURL_1RM        "leg-curl-1rm"
#define STRIDE_TEST_LEG_EXTENSION_1RM   "leg-extension-1rm"

/* Method ids (the "method" column of a measurement). */
#define STRIDE_METHOD_ISOKINETIC_30     "isokinetic-30"
#define STRIDE_METHOD_ISOKINETIC_60     "isokinetic-60"
#define STRIDE_METHOD_ISOKINETIC_180    "isokinetic-180"
#define STRIDE_METHOD_ISOKINETIC_240    "isokinetic-240"
#define STRIDE_METHOD_ISOKINETIC_300    "isokinetic-300"
#define STRIDE_METHOD_DYNAMOMETER       "hand-held-dynamometer"
#define STRIDE_METHOD_1RM               "1rm"
#define STRIDE_METHOD_E1RM              "e1rm"
#define STRIDE_METHOD_FIELD             "field"

typedef struct
{
  gint64      id;
  guint32     date;                  /* Julian day */
  char       *test;                  /* STRIDE_TEST_* */
  char       *method;                /* STRIDE_METHOD_* */
  StrideSide  side;
  double      value;
  char       *unit;                  /* "N·m", "N", "kg", "lb", "cm", "reps" */
  char       *notes;
} StrideMeasurement;

typedef struct
{
  gint64           id;
  guint32          date;             /* Julian day */
  StrideSlot       slot;
  StridePlanKind   kind;
  StrideRunType    run_type;
  double           target_distance_m;
  double           target_duration_s;
  double           target_pace_s_per_km;
  char            *description;
  StridePlanStatus status;
  gint64           activity_id;      /* 0 = not linked */
} StridePlanEntry;

typedef struct
{
  gint64   id;
  guint32  date;                     /* Julian day */
  char    *name;
  double   distance_m;
  double   goal_time_s;              /* 0 = no goal */
  gint64   activity_id;              /* the result, 0 = not run yet */
} StrideRace;

typedef struct
{
  gint64      id;
  guint32     date;                  /* Julian day */
  char       *location;              /* body location id, e.g. "knee" */
  StrideSide  side;
  gint        severity;              /* 0–10 */
  char       *notes;
} StridePainEntry;

typedef struct
{
  gint64   id;
  char    *name;
  guint32  start_date;               /* Julian day, 0 = unknown */
  guint32  retired_date;             /* Julian day, 0 = in use */
  double   limit_km;                 /* 0 = default limit */
  double   distance_m;               /* read only: the runs linked to it */
} StrideShoe;

typedef struct
{
  char *iso_week;                    /* "2026-W48" */
  char *item_id;                     /* a check id of RISK-RULES.md §5 */
  char *state;
  char *note;
} StrideChecklistAnswer;

void stride_activity_clear          (StrideActivity        *activity);
void stride_exercise_clear          (StrideExercise        *exercise);
void stride_measurement_clear       (StrideMeasurement     *measurement);
void stride_plan_entry_clear        (StridePlanEntry       *entry);
/* TRUE when @a and @b plan the same thing: day, slot, kind, run type,
 * targets (to the half unit, as a calendar file keeps them) and
 * description; status and link are not compared. */
gboolean stride_plan_entry_same_plan (const StridePlanEntry *a,
                                      const StridePlanEntry *b);
void stride_race_clear              (StrideRace            *race);
void stride_pain_entry_clear        (StridePainEntry       *pain);
void stride_shoe_clear              (StrideShoe            *shoe);
void stride_checklist_answer_clear  (StrideChecklistAnswer *answer);

/* Today's date in the local time zone, as a Julian day. */
guint32       stride_today_julian    (void);
/* The first day of the week holding Julian day @day, for weeks that start
 * on @first_weekday (G_DATE_MONDAY or G_DATE_SUNDAY). */
guint32       stride_julian_week_start (guint32               day,
                                        GDateWeekday          first_weekday);
/* The first day of the month holding Julian day @day. */
guint32       stride_julian_month_start (guint32              day);

/* Stable ids used in the database and on the command line. */
const char   *stride_sport_to_id     (StrideSport            sport);
gboolean      stride_sport_from_id   (const char            *id,
                                      StrideSport           *sport);
const char   *stride_run_type_to_id  (StrideRunType          type);
gboolean      stride_run_type_from_id (const char           *id,
                                       StrideRunType        *type);
const char   *stride_side_to_id      (StrideSide             side);
gboolean      stride_side_from_id    (const char            *id,
                                      StrideSide            *side);
const char   *stride_category_to_id  (StrideExerciseCategory category);
gboolean      stride_category_from_id (const char           *id,
                                       StrideExerciseCategory *category);
const char   *stride_plan_kind_to_id (StridePlanKind         kind);
gboolean      stride_plan_kind_from_id (const char          *id,
                                        StridePlanKind      *kind);
const char   *stride_plan_status_to_id (StridePlanStatus     status);
gboolean      stride_plan_status_from_id (const char        *id,
                                          StridePlanStatus  *status);
const char   *stride_slot_to_id      (StrideSlot             slot);
gboolean      stride_slot_from_id    (const char            *id,
                                      StrideSlot            *slot);

G_END_DECLS
