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

/* Training volume of one week or one month. */
typedef struct
{
  guint32 start;                     /* Julian day of its first day */
  double  run_distance_m;
  double  strength_s;
  double  planned_distance_m;        /* plan entries of kind run */
  double  planned_strength_s;        /* plan entries of kind strength */
} StrideVolume;

/* One entry per week (starting on @first_weekday) from the week holding
 * @from to the one holding @to, weeks without anything included as 0. */
GArray      *stride_store_list_weeks           (StrideStore             *self,
                                                guint32                  from,
                                                guint32                  to,
                                                GDateWeekday             first_weekday,
                                                GError                 **error);
/* The same per calendar month, from the month holding @from to the one
 * holding @to: long ranges read better as months than as 500 weeks. */
GArray      *stride_store_list_months          (StrideStore             *self,
                                                guint32                  from,
                                                guint32                  to,
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

/* Plan (issue 5). Dates are local Julian days; an activity belongs to the
 * local day it starts on (start_utc + tz_offset_s), as in the journal.
 * Entries of one day come in slot order (morning, evening), then by id.
 * Every write is one transaction; on a read-only journal each fails with
 * STRIDE_STORE_ERROR_READ_ONLY, a missing id with ..._NOT_FOUND and a
 * record that breaks a rule with ..._INVALID (and nothing is written). */

/* The plan entries dated in [@from, @to] (both inclusive; empty when
 * @from is after @to), ordered by date, slot and id: a GArray of
 * StridePlanEntry with a clear func. Unset targets read as 0. */
GArray      *stride_store_list_plan_entries    (StrideStore             *self,
                                                guint32                  from,
                                                guint32                  to,
                                                GError                 **error);
/* Fills @out (clear it with stride_plan_entry_clear()). */
gboolean     stride_store_get_plan_entry       (StrideStore             *self,
                                                gint64                   id,
                                                StridePlanEntry         *out,
                                                GError                 **error);
/* Rewrites every field of the entry @entry->id. The rules of
 * stride_store_add_plan_entry() apply (valid date, known slot, kind, run
 * type and status, finite targets ≥ 0), and a linked activity must exist
 * and not be linked to another entry. Also the undo of a move: pass the
 * record stride_store_move_plan_entry() gave back. */
gboolean     stride_store_update_plan_entry    (StrideStore             *self,
                                                const StridePlanEntry   *entry,
                                                GError                 **error);
gboolean     stride_store_delete_plan_entry    (StrideStore             *self,
                                                gint64                   id,
                                                GError                 **error);
/* Moves the entry to @new_date with status "moved"; slot, targets, link
 * and the rest stay. @previous (optional; clear it) receives the record
 * as it was before, so previous->date is the old date and an undo is
 * stride_store_update_plan_entry (self, previous). A move to the day the
 * entry is already on changes nothing. */
gboolean     stride_store_move_plan_entry      (StrideStore             *self,
                                                gint64                   id,
                                                guint32                  new_date,
                                                StridePlanEntry         *previous,
                                                GError                 **error);
/* Copies the entries of the 7 days from @first_day (a Monday or any day)
 * to the same weekday and slot 7 days later, as "planned" and unlinked.
 * A day and slot of the target week that already held an entry before
 * the copy gets nothing. All or nothing: returns the ids of the new
 * entries (a GArray of gint64, in source order, empty when nothing was
 * copied), or NULL with @error and nothing written. */
GArray      *stride_store_copy_plan_week       (StrideStore             *self,
                                                guint32                  first_day,
                                                GError                 **error);

/* Planned vs done. */

/* Links every unlinked entry dated in [@from, @to] of kind run or
 * strength whose status is not "done" (so planned, moved, and skipped
 * ones whose activity was imported late) to an unlinked activity of the
 * same sport on the same local day, and sets its status to "done". Per
 * day, entries in slot order take the activities in start order, so a
 * morning entry gets the first run and an evening one the next. An
 * activity is never linked to two entries; rest, race and cross entries
 * are left alone. Call it for the days of activities just added or
 * imported rather than on every view, so a deliberate unlink stays.
 * @n_linked (optional) receives the number of entries linked. */
gboolean     stride_store_link_plan_entries    (StrideStore             *self,
                                                guint32                  from,
                                                guint32                  to,
                                                guint                   *n_linked,
                                                GError                 **error);
/* Links the entry to @activity_id by hand (replacing any link) and sets
 * its status to "done". The activity must start on the entry's local day
 * and match its kind (run or race: a run; strength: a strength session;
 * cross: cycling, walk, swim or other; rest: nothing) and must not be
 * linked to another entry: else STRIDE_STORE_ERROR_INVALID. A missing
 * entry or activity is STRIDE_STORE_ERROR_NOT_FOUND. */
gboolean     stride_store_link_plan_entry      (StrideStore             *self,
                                                gint64                   entry_id,
                                                gint64                   activity_id,
                                                GError                 **error);
/* Removes the entry's link; its status goes back to "planned". */
gboolean     stride_store_unlink_plan_entry    (StrideStore             *self,
                                                gint64                   entry_id,
                                                GError                 **error);
/* Marks "skipped" every entry with status "planned", no linked activity
 * and a date before @day, except rest days. For the rule "skipped at the
 * end of the day after" call it with today − 1 (after linking the new
 * activities); with today + 1 when the user confirms for today too.
 * @n_skipped (optional) receives the number of entries marked. */
gboolean     stride_store_skip_unmatched_before (StrideStore            *self,
                                                 guint32                 day,
                                                 guint                  *n_skipped,
                                                 GError                **error);

typedef struct
{
  guint32 first_day;
  double  planned_run_distance_m;    /* targets of run and race entries */
  double  done_run_distance_m;       /* runs (activities) of the 7 days */
  guint   planned_strength;          /* strength entries */
  guint   done_strength;             /* strength sessions (activities) */
  guint   n_planned;                 /* entries that are not rest days */
  guint   n_done;                    /* of those, the ones with status done */
  double  compliance_pct;            /* 100 × n_done / n_planned; NAN when
                                      * nothing was planned */
} StridePlanWeekSummary;

/* The 7 days from @first_day (the Monday of an ISO week, or any day).
 * Planned figures count entries of every status (a skipped or moved-in
 * entry was planned for this week), so they differ from
 * stride_store_list_weeks(), which leaves skipped entries out. */
gboolean     stride_store_get_plan_week_summary (StrideStore            *self,
                                                 guint32                 first_day,
                                                 StridePlanWeekSummary  *out,
                                                 GError                **error);

/* Race goals. A race needs a valid date, a name, a distance above 0, a
 * goal time ≥ 0 (0 = none) and, when linked, an existing activity. */
gboolean     stride_store_get_race             (StrideStore             *self,
                                                gint64                   id,
                                                StrideRace              *out,
                                                GError                 **error);
gboolean     stride_store_update_race          (StrideStore             *self,
                                                const StrideRace        *race,
                                                GError                 **error);
gboolean     stride_store_delete_race          (StrideStore             *self,
                                                gint64                   id,
                                                GError                 **error);
/* Races dated @day or later, by date then id: a GArray of StrideRace
 * with a clear func. */
GArray      *stride_store_list_upcoming_races  (StrideStore             *self,
                                                guint32                  day,
                                                GError                 **error);

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
