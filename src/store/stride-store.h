/* stride-store.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-risk.h"
#include "stride-types.h"

G_BEGIN_DECLS

#define STRIDE_STORE_ERROR (stride_store_error_quark ())

typedef enum
{
  STRIDE_STORE_ERROR_NOT_A_DATABASE,  /* the file is not SQLite, or corrupt */
  STRIDE_STORE_ERROR_NEWER_VERSION,   /* written by a newer StrideStrong */
  STRIDE_STORE_ERROR_READ_ONLY,       /* a write on a read-only journal */
  STRIDE_STORE_ERROR_MIGRATION,       /* a migration failed, file restored */
  STRIDE_STORE_ERROR_FULL,            /* disk or quota full */
  STRIDE_STORE_ERROR_BUSY,            /* another process held the lock too long */
  STRIDE_STORE_ERROR_INVALID,         /* a record that breaks a rule */
  STRIDE_STORE_ERROR_NOT_FOUND,
  STRIDE_STORE_ERROR_IO,              /* anything else SQLite or the disk says */
} StrideStoreError;

/* The schema version this build writes (PRAGMA user_version). */
#define STRIDE_STORE_SCHEMA_VERSION 1

#define STRIDE_TYPE_STORE (stride_store_get_type ())

G_DECLARE_FINAL_TYPE (StrideStore, stride_store, STRIDE, STORE, GObject)

GQuark       stride_store_error_quark          (void);

/* Where the journal lives: @explicit_path (from --database) if set, else
 * $STRIDESTRONG_DB, else $XDG_DATA_HOME/stridestrong/journal.db. */
char        *stride_store_resolve_path         (const char   *explicit_path);

/* Opens (creating with mode 0600 and seeding the exercise library when new)
 * and migrates. A journal from a newer version opens read-only:
 * stride_store_get_read_only_reason() then says why. A file that is not a
 * journal fails with STRIDE_STORE_ERROR_NOT_A_DATABASE and is not touched. */
StrideStore *stride_store_open                 (const char   *path,
                                                GError      **error);
const char  *stride_store_get_path             (StrideStore  *self);
gboolean     stride_store_is_read_only         (StrideStore  *self);
const char  *stride_store_get_read_only_reason (StrideStore  *self);
int          stride_store_get_schema_version   (StrideStore  *self);

/* TRUE once after another connection (or process) committed a change. */
gboolean     stride_store_poll_external_change (StrideStore  *self);

/* Groups several writes into one transaction (nests with savepoints). */
gboolean     stride_store_begin                (StrideStore  *self,
                                                GError      **error);
gboolean     stride_store_commit               (StrideStore  *self,
                                                GError      **error);
void         stride_store_rollback             (StrideStore  *self);

/* Writes. Each is one transaction of its own unless inside begin/commit.
 * On success the record's id is set. */
gboolean     stride_store_add_activity         (StrideStore             *self,
                                                StrideActivity          *activity,
                                                const StrideStrengthSet *sets,
                                                guint                    n_sets,
                                                const StrideTrackpoint  *points,
                                                guint                    n_points,
                                                const StrideLap         *laps,
                                                guint                    n_laps,
                                                GError                 **error);
gboolean     stride_store_delete_activity      (StrideStore             *self,
                                                gint64                   id,
                                                GError                 **error);
gboolean     stride_store_add_measurement      (StrideStore             *self,
                                                StrideMeasurement       *measurement,
                                                GError                 **error);
gboolean     stride_store_add_pain_entry       (StrideStore             *self,
                                                StridePainEntry         *pain,
                                                GError                 **error);
gboolean     stride_store_add_shoe             (StrideStore             *self,
                                                StrideShoe              *shoe,
                                                GError                 **error);
gboolean     stride_store_add_plan_entry       (StrideStore             *self,
                                                StridePlanEntry         *entry,
                                                GError                 **error);
gboolean     stride_store_add_race             (StrideStore             *self,
                                                StrideRace              *race,
                                                GError                 **error);
gboolean     stride_store_set_checklist_answer (StrideStore             *self,
                                                const StrideChecklistAnswer *answer,
                                                GError                 **error);
gboolean     stride_store_set_setting          (StrideStore             *self,
                                                const char              *key,
                                                const char              *value,
                                                GError                 **error);
char        *stride_store_get_setting          (StrideStore             *self,
                                                const char              *key);

/* Edits (issue 4). Each is one transaction; a record that breaks a rule
 * fails with STRIDE_STORE_ERROR_INVALID and nothing is written. */

/* Rewrites the activity's own row and replaces all its strength sets with
 * @sets (trackpoints and laps stay). @activity->id must exist. */
gboolean     stride_store_update_activity      (StrideStore             *self,
                                                const StrideActivity    *activity,
                                                const StrideStrengthSet *sets,
                                                guint                    n_sets,
                                                GError                 **error);
/* The measurements of one day (a journal "test" row), in id order: a
 * GArray of StrideMeasurement with a clear func. */
GArray      *stride_store_list_measurements_on (StrideStore             *self,
                                                guint32                  date,
                                                GError                 **error);
/* Replaces every measurement dated @old_date with @measurements (their
 * own dates are used; 0 entries deletes the day, a day without
 * measurements just gets them). ids are set on return. Each needs a test,
 * method and unit, a known side and a finite value above 0. */
gboolean     stride_store_replace_measurements_on (StrideStore          *self,
                                                   guint32               old_date,
                                                   StrideMeasurement    *measurements,
                                                   guint                 n_measurements,
                                                   GError              **error);
gboolean     stride_store_get_pain_entry       (StrideStore             *self,
                                                gint64                   id,
                                                StridePainEntry         *out,
                                                GError                 **error);
gboolean     stride_store_update_pain_entry    (StrideStore             *self,
                                                const StridePainEntry   *pain,
                                                GError                 **error);
gboolean     stride_store_delete_pain_entry    (StrideStore             *self,
                                                gint64                   id,
                                                GError                 **error);
/* Shoes by start date (newest first, unknown last), each with distance_m
 * filled from the activities linked to it: a GArray of StrideShoe with a
 * clear func. */
GArray      *stride_store_list_shoes           (StrideStore             *self,
                                                GError                 **error);
gboolean     stride_store_update_shoe          (StrideStore             *self,
                                                const StrideShoe        *shoe,
                                                GError                 **error);
/* Runs linked to the shoe keep their data and lose the link. */
gboolean     stride_store_delete_shoe          (StrideStore             *self,
                                                gint64                   id,
                                                GError                 **error);
/* The sets of @exercise_id in the most recent strength session that has
 * it, started before @before_utc: a GArray of StrideStrengthSet in
 * position order (empty when there is none). For "repeat last session". */
GArray      *stride_store_list_last_sets       (StrideStore             *self,
                                                gint64                   exercise_id,
                                                gint64                   before_utc,
                                                GError                 **error);

/* Chart data (issue 6). Dates are local Julian days; all arrays are new
 * GArrays ordered by time, empty when there is nothing in range. */

typedef struct
{
  gint64        start_utc;
  gint          tz_offset_s;
  StrideRunType run_type;
  double        distance_m;
  double        duration_s;
  gint64        id;
} StrideRunSummary;

/* Runs with a distance and a duration that start in [@from_utc, @to_utc). */
GArray      *stride_store_list_runs            (StrideStore             *self,
                                                gint64                   from_utc,
                                                gint64                   to_utc,
                                                GError                 **error);

typedef struct
{
  guint32  date;
  double   load;                     /* session RPE × minutes, summed */
  gboolean load_estimated;           /* a default RPE was used */
  double   run_distance_m;
  double   strength_s;
} StrideDaySummary;

/* One entry per local day in [@from, @to] that has an activity. */
GArray      *stride_store_list_days            (StrideStore             *self,
                                                guint32                  from,
                                                guint32                  to,
                                                GError                 **error);

typedef struct
{
  guint32 week_start;
  double  run_distance_m;
  double  strength_s;
  double  planned_distance_m;        /* plan entries of kind run */
  double  planned_strength_s;        /* plan entries of kind strength */
} StrideWeekVolume;

/* One entry per week (starting on @first_weekday) from the week holding
 * @from to the one holding @to, weeks without anything included as 0. */
GArray      *stride_store_list_weeks           (StrideStore             *self,
                                                guint32                  from,
                                                guint32                  to,
                                                GDateWeekday             first_weekday,
                                                GError                 **error);

/* Balance (issue 7). Julian days, both inclusive; from = to = 0 means the
 * whole journal. New GArrays with clear funcs, ordered by date then id. */

/* Every measurement (any test, side and method). */
GArray      *stride_store_list_measurements    (StrideStore             *self,
                                                guint32                  from,
                                                guint32                  to,
                                                GError                 **error);
/* Side values derived from unilateral strength sets: the best e1RM per
 * side and exercise of each session (stride_balance_side_values_from_sets()),
 * dated by the session's local day. The same records the risk journal gets. */
GArray      *stride_store_list_side_values     (StrideStore             *self,
                                                guint32                  from,
                                                guint32                  to,
                                                GError                 **error);
GArray      *stride_store_list_pain_entries    (StrideStore             *self,
                                                guint32                  from,
                                                guint32                  to,
                                                GError                 **error);
GArray      *stride_store_list_races           (StrideStore             *self,
                                                guint32                  from,
                                                guint32                  to,
                                                GError                 **error);

/* Risk checklist (issue 8). */

/* Every record the checklists need, read in one pass: all activities,
 * the side values of the measurements and of unilateral strength sets
 * (stride_balance_side_values_from_sets()), pain entries, shoes, races
 * and the user's checklist answers. */
StrideRiskJournal *stride_store_load_risk_journal (StrideStore         *self,
                                                   GError             **error);
/* The user's answers of one ISO week ("2026-W48"), or of every week when
 * @iso_week is NULL, ordered by week then item: a GArray of
 * StrideChecklistAnswer with a clear func. */
GArray      *stride_store_list_checklist_answers (StrideStore          *self,
                                                  const char           *iso_week,
                                                  GError              **error);
gboolean     stride_store_delete_checklist_answer (StrideStore         *self,
                                                   const char          *iso_week,
                                                   const char          *item_id,
                                                   GError             **error);

/* Reads. */
gboolean     stride_store_get_activity         (StrideStore             *self,
                                                gint64                   id,
                                                StrideActivity          *out,
                                                GError                 **error);
/* The parts of one activity, in their order: GArray of StrideStrengthSet
 * (by position), StrideTrackpoint (by time, NAN for unknown numbers) and
 * StrideLap (by index). */
GArray      *stride_store_list_strength_sets   (StrideStore             *self,
                                                gint64                   activity_id,
                                                GError                 **error);
GArray      *stride_store_list_trackpoints     (StrideStore             *self,
                                                gint64                   activity_id,
                                                GError                 **error);
GArray      *stride_store_list_laps            (StrideStore             *self,
                                                gint64                   activity_id,
                                                GError                 **error);
/* GArray of StrideExercise (with a clear func), ordered by name. */
GArray      *stride_store_list_exercises       (StrideStore             *self,
                                                GError                 **error);
gboolean     stride_store_find_exercise        (StrideStore             *self,
                                                const char              *key,
                                                StrideExercise          *out,
                                                GError                 **error);
/* De-duplication for importers: TRUE with *id set when an activity with
 * this source hash exists, or one of @sport starting within ±@window_s. */
gboolean     stride_store_find_activity_by_hash (StrideStore            *self,
                                                 const char             *source_hash,
                                                 gint64                 *id,
                                                 GError                **error);
gboolean     stride_store_find_activity_near   (StrideStore             *self,
                                                StrideSport              sport,
                                                gint64                   start_utc,
                                                gint64                   window_s,
                                                gint64                  *id,
                                                GError                 **error);

/* Calls @func once per row of one table of the data model, in primary-key
 * order, with every column as text (NULL for SQL NULL). For CSV export.
 * Returning FALSE from @func stops the walk. */
typedef gboolean (*StrideRowFunc) (guint               n_columns,
                                   const char *const  *names,
                                   const char *const  *values,
                                   gpointer            user_data);
gboolean     stride_store_foreach_row          (StrideStore             *self,
                                                const char              *table,
                                                StrideRowFunc            func,
                                                gpointer                 user_data,
                                                GError                 **error);
/* The column names of one table, in the order foreach_row gives them
 * (known even when the table has no rows). */
GStrv        stride_store_list_columns         (StrideStore             *self,
                                                const char              *table,
                                                GError                 **error);
/* The tables of the data model, NULL-terminated, in dependency order. */
const char *const *stride_store_list_tables    (void);

/* Number of rows in one table of the data model (for tests and reports). */
gint64       stride_store_count_rows           (StrideStore             *self,
                                                const char              *table,
                                                GError                 **error);

G_END_DECLS
