/* stride-store-plan.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-store"

#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n-lib.h>

#include "stride-store.h"
#include "stride-store-private.h"

/* Plan calendar (issue 5): plan entries, planned vs done, race goals.
 *
 * Dates travel as Julian days both ways: a bound day becomes the
 * 'YYYY-MM-DD' text of the date columns in SQL (STRIDE_SQL_DAY_DATE, so
 * comparisons go through the date indexes) and a date column comes back
 * as a day (STRIDE_SQL_DATE_DAY). An activity's day is its local day
 * (STRIDE_SQL_LOCAL_DAY), the same expression as the journal and the
 * charts use; the activities of a local day start (UTC) within
 * [day − 18 h, day + 1 day + 18 h), the widest offsets the schema allows,
 * which is the range the start index reads (IN_LOCAL_DAYS).
 *
 * Slots sort in their enum order (morning before evening), not as text. */

#define MAX_TZ_OFFSET "64800"
#define IN_LOCAL_DAYS(first, last) \
  "start_utc >= (" first " - " STRIDE_SQL_EPOCH_JULIAN ") * 86400 - " MAX_TZ_OFFSET \
  " AND start_utc < (" last " + 1 - " STRIDE_SQL_EPOCH_JULIAN ") * 86400 + " MAX_TZ_OFFSET
#define SLOT_ORDER "(slot = 'evening')"
/* 9999-12-31, the last day SQLite writes as 'YYYY-MM-DD'. */
#define LAST_DAY ((guint32) 3652059)

#define SELECT_PLAN_ENTRY \
  "SELECT id, " STRIDE_SQL_DATE_DAY ("date") ", slot, kind, run_type, target_distance_m," \
  " target_duration_s, target_pace_s_per_km, description, status, activity_id" \
  " FROM plan_entry"

#define SELECT_RACE \
  "SELECT id, " STRIDE_SQL_DATE_DAY ("date") ", name, distance_m, goal_time_s, activity_id" \
  " FROM race"

/* Helpers */

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
set_read_error (StrideStore  *self,
                int           rc,
                GError      **error)
{
  _stride_store_set_error (error, _stride_store_get_db (self), rc,
                           _("Could not read the journal"));
  return FALSE;
}

/* Read-only comes before validation, as in the other writes. */
static gboolean
check_writable (StrideStore  *self,
                GError      **error)
{
  const char *reason;

  if (!stride_store_is_read_only (self))
    return TRUE;

  reason = stride_store_get_read_only_reason (self);
  g_set_error_literal (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY,
                       reason != NULL ? reason : _("The journal is open read-only."));
  return FALSE;
}

/* A day SQLite can write as 'YYYY-MM-DD' (years 1 to 9999). */
static gboolean
is_valid_day (guint32 julian)
{
  return julian >= 1 && julian <= LAST_DAY;
}

static gboolean
check_day (guint32   julian,
           GError  **error)
{
  return is_valid_day (julian) ? TRUE : set_invalid (error, _("The date is not valid."));
}

static gboolean
check_target (double       value,
              const char  *message,
              GError     **error)
{
  if (!isfinite (value))
    return set_invalid (error, _("A number is not valid (infinite or not a number)."));

  return value >= 0 ? TRUE : set_invalid (error, message);
}

static gboolean
check_optional_text (const char  *text,
                     GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return set_invalid (error, _("A text holds invalid characters (it is not UTF-8)."));

  return TRUE;
}

static gboolean
step_done (StrideStore   *self,
           sqlite3_stmt  *stmt,
           const char    *context,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  _stride_store_set_error (error, _stride_store_get_db (self), rc, context);
  return FALSE;
}

static gboolean
set_plan_entry_not_found (gint64   id,
                          GError **error)
{
  g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND,
               _("There is no plan entry %" PRId64 "."), (int64_t) id);
  return FALSE;
}

static gboolean
set_race_not_found (gint64   id,
                    GError **error)
{
  g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND,
               _("There is no race %" PRId64 "."), (int64_t) id);
  return FALSE;
}

/* After the step of an UPDATE or DELETE of one row by id. */
static gboolean
row_changed (StrideStore *self)
{
  return sqlite3_changes (_stride_store_get_db (self)) != 0;
}

static void
bind_optional_id (sqlite3_stmt *stmt,
                  int           index,
                  gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

/* 0 means "no target" in the record and NULL in the database, as in
 * stride_store_add_plan_entry(). */
static void
bind_target (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Looks an activity up: *found, and its sport and local day. */
static gboolean
find_activity (StrideStore   *self,
               gint64         id,
               gboolean      *found,
               StrideSport   *sport,
               guint32       *day,
               GError       **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  int rc;

  stmt = _stride_store_prepare (self,
                                "SELECT sport, " STRIDE_SQL_LOCAL_DAY ("") " FROM activity"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      *found = FALSE;
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    return set_read_error (self, rc, error);

  *found = TRUE;
  if (sport != NULL && !stride_sport_from_id ((const char *) sqlite3_column_text (stmt, 0), sport))
    *sport = STRIDE_SPORT_OTHER;
  if (day != NULL)
    *day = (guint32) sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

/* FALSE with INVALID when @activity_id is linked to a plan entry other
 * than @entry_id (0: to any entry). */
static gboolean
check_activity_free (StrideStore  *self,
                     gint64        activity_id,
                     gint64        entry_id,
                     GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  int rc;

  stmt = _stride_store_prepare (self,
                                "SELECT 1 FROM plan_entry WHERE activity_id = ?1 AND id <> ?2"
                                " LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, activity_id);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return set_invalid (error, _("The activity is already linked to another plan entry."));
  if (rc != SQLITE_DONE)
    return set_read_error (self, rc, error);

  return TRUE;
}

/* Plan entries: reading */

static void
plan_entry_clear_func (gpointer data)
{
  stride_plan_entry_clear (data);
}

/* Columns of SELECT_PLAN_ENTRY. Enums the schema's CHECKs allow always
 * parse; NULL targets and links read as 0. */
static void
read_plan_entry (sqlite3_stmt *stmt,
                 gpointer      row)
{
  StridePlanEntry *e = row;

  e->id = sqlite3_column_int64 (stmt, 0);
  e->date = (guint32) sqlite3_column_int64 (stmt, 1);
  if (!stride_slot_from_id ((const char *) sqlite3_column_text (stmt, 2), &e->slot))
    e->slot = STRIDE_SLOT_MORNING;
  if (!stride_plan_kind_from_id ((const char *) sqlite3_column_text (stmt, 3), &e->kind))
    e->kind = STRIDE_PLAN_KIND_RUN;
  if (!stride_run_type_from_id ((const char *) sqlite3_column_text (stmt, 4), &e->run_type))
    e->run_type = STRIDE_RUN_TYPE_NONE;
  e->target_distance_m = sqlite3_column_double (stmt, 5);
  e->target_duration_s = sqlite3_column_double (stmt, 6);
  e->target_pace_s_per_km = sqlite3_column_double (stmt, 7);
  e->description = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  if (!stride_plan_status_from_id ((const char *) sqlite3_column_text (stmt, 9), &e->status))
    e->status = STRIDE_PLAN_STATUS_PLANNED;
  e->activity_id = sqlite3_column_int64 (stmt, 10);
}

GArray *
stride_store_list_plan_entries (StrideStore  *self,
                                guint32       from,
                                guint32       to,
                                GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_day (from, error) || !check_day (to, error))
    return NULL;

  stmt = _stride_store_prepare (self,
                                SELECT_PLAN_ENTRY
                                " WHERE date BETWEEN " STRIDE_SQL_DAY_DATE ("?1")
                                " AND " STRIDE_SQL_DAY_DATE ("?2")
                                " ORDER BY date, " SLOT_ORDER ", id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);

  return _stride_store_read_rows (self, stmt, sizeof (StridePlanEntry), plan_entry_clear_func,
                                  read_plan_entry, error);
}

/* Reads entry @id into @out (a zeroed record): NOT_FOUND when missing. */
static gboolean
read_plan_entry_by_id (StrideStore      *self,
                       gint64            id,
                       StridePlanEntry  *out,
                       GError          **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  int rc;

  stmt = _stride_store_prepare (self, SELECT_PLAN_ENTRY " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return set_plan_entry_not_found (id, error);
  if (rc != SQLITE_ROW)
    return set_read_error (self, rc, error);

  read_plan_entry (stmt, out);

  return TRUE;
}

gboolean
stride_store_get_plan_entry (StrideStore      *self,
                             gint64            id,
                             StridePlanEntry  *out,
                             GError          **error)
{
  StridePlanEntry entry = { 0 };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_plan_entry_by_id (self, id, &entry, error))
    return FALSE;

  *out = entry;

  return TRUE;
}

/* Plan entries: writing */

/* The rules of stride_store_add_plan_entry(), with the same messages. */
static gboolean
validate_plan_entry (const StridePlanEntry  *e,
                     GError                **error)
{
  if (!check_day (e->date, error))
    return FALSE;
  if ((guint) e->slot >= STRIDE_N_SLOTS)
    return set_invalid (error, _("Unknown time of day."));
  if ((guint) e->kind >= STRIDE_N_PLAN_KINDS)
    return set_invalid (error, _("Unknown kind of session."));
  if ((guint) e->run_type >= STRIDE_N_RUN_TYPES)
    return set_invalid (error, _("Unknown run type."));
  if ((guint) e->status >= STRIDE_N_PLAN_STATUSES)
    return set_invalid (error, _("Unknown plan status."));
  if (e->activity_id < 0)
    return set_invalid (error, _("The linked activity id can’t be negative."));

  return check_target (e->target_distance_m, _("The target distance can’t be negative."), error)
      && check_target (e->target_duration_s, _("The target duration can’t be negative."), error)
      && check_target (e->target_pace_s_per_km, _("The target pace can’t be negative."), error)
      && check_optional_text (e->description, error);
}

/* Binds the columns of a plan entry as ?1 … ?10 (date as a Julian day,
 * for STRIDE_SQL_DAY_DATE ("?1")). */
static void
bind_plan_entry (sqlite3_stmt          *stmt,
                 const StridePlanEntry *e)
{
  sqlite3_bind_int64 (stmt, 1, e->date);
  sqlite3_bind_text (stmt, 2, stride_slot_to_id (e->slot), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, stride_plan_kind_to_id (e->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, stride_run_type_to_id (e->run_type), -1, SQLITE_STATIC);
  bind_target (stmt, 5, e->target_distance_m);
  bind_target (stmt, 6, e->target_duration_s);
  bind_target (stmt, 7, e->target_pace_s_per_km);
  bind_optional_text (stmt, 8, e->description);
  sqlite3_bind_text (stmt, 9, stride_plan_status_to_id (e->status), -1, SQLITE_STATIC);
  bind_optional_id (stmt, 10, e->activity_id);
}

static gboolean
update_plan_entry_write (StrideStore  *self,
                         gpointer      data,
                         GError      **error)
{
  const StridePlanEntry *e = data;
  g_auto(StrideCachedStmt) stmt = NULL;

  if (e->activity_id != 0)
    {
      gboolean found = FALSE;

      if (!find_activity (self, e->activity_id, &found, NULL, NULL, error))
        return FALSE;
      if (!found)
        return set_invalid (error, _("The linked activity does not exist."));
      if (!check_activity_free (self, e->activity_id, e->id, error))
        return FALSE;
    }

  stmt = _stride_store_prepare (self,
                                "UPDATE plan_entry SET date = " STRIDE_SQL_DAY_DATE ("?1") ","
                                " slot = ?2, kind = ?3, run_type = ?4, target_distance_m = ?5,"
                                " target_duration_s = ?6, target_pace_s_per_km = ?7,"
                                " description = ?8, status = ?9, activity_id = ?10"
                                " WHERE id = ?11",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_plan_entry (stmt, e);
  sqlite3_bind_int64 (stmt, 11, e->id);

  if (!step_done (self, stmt, _("Could not save the plan entry"), error))
    return FALSE;

  return row_changed (self) ? TRUE : set_plan_entry_not_found (e->id, error);
}

gboolean
stride_store_update_plan_entry (StrideStore            *self,
                                const StridePlanEntry  *entry,
                                GError                **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !validate_plan_entry (entry, error))
    return FALSE;

  return _stride_store_run_write (self, update_plan_entry_write, (gpointer) entry, error);
}

static gboolean
delete_plan_entry_write (StrideStore  *self,
                         gpointer      data,
                         GError      **error)
{
  gint64 id = *(gint64 *) data;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self, "DELETE FROM plan_entry WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, _("Could not delete the plan entry"), error))
    return FALSE;

  return row_changed (self) ? TRUE : set_plan_entry_not_found (id, error);
}

gboolean
stride_store_delete_plan_entry (StrideStore  *self,
                                gint64        id,
                                GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  return _stride_store_run_write (self, delete_plan_entry_write, &id, error);
}

typedef struct
{
  gint64          id;
  guint32         new_date;
  StridePlanEntry previous;
} MovePlanEntry;

static gboolean
move_plan_entry_write (StrideStore  *self,
                       gpointer      data,
                       GError      **error)
{
  MovePlanEntry *move = data;
  g_auto(StrideCachedStmt) stmt = NULL;

  if (!read_plan_entry_by_id (self, move->id, &move->previous, error))
    return FALSE;

  if (move->previous.date == move->new_date)
    return TRUE;

  stmt = _stride_store_prepare (self,
                                "UPDATE plan_entry SET date = " STRIDE_SQL_DAY_DATE ("?1") ","
                                " status = 'moved' WHERE id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, move->new_date);
  sqlite3_bind_int64 (stmt, 2, move->id);

  return step_done (self, stmt, _("Could not move the plan entry"), error);
}

gboolean
stride_store_move_plan_entry (StrideStore      *self,
                              gint64            id,
                              guint32           new_date,
                              StridePlanEntry  *previous,
                              GError          **error)
{
  MovePlanEntry move = { id, new_date, { 0 } };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !check_day (new_date, error))
    return FALSE;

  if (!_stride_store_run_write (self, move_plan_entry_write, &move, error))
    {
      stride_plan_entry_clear (&move.previous);
      return FALSE;
    }

  if (previous != NULL)
    *previous = move.previous;
  else
    stride_plan_entry_clear (&move.previous);

  return TRUE;
}

/* Copy a week */

typedef struct
{
  guint32  first_day;
  GArray  *ids;
} CopyWeek;

/* A (day, slot) pair of the target week as a hash key. */
#define SLOT_KEY(day, slot) GUINT_TO_POINTER ((guint) (day) * 2u + (guint) (slot) + 1u)

static gboolean
copy_plan_week_write (StrideStore  *self,
                      gpointer      data,
                      GError      **error)
{
  CopyWeek *copy = data;
  g_autoptr(GArray) source = NULL;
  g_autoptr(GHashTable) occupied = g_hash_table_new (NULL, NULL);
  g_auto(StrideCachedStmt) stmt = NULL;
  guint32 last = copy->first_day + 6;
  int rc;

  /* The source week, read whole before anything is written. */
  stmt = _stride_store_prepare (self,
                                SELECT_PLAN_ENTRY
                                " WHERE date BETWEEN " STRIDE_SQL_DAY_DATE ("?1")
                                " AND " STRIDE_SQL_DAY_DATE ("?2")
                                " ORDER BY date, " SLOT_ORDER ", id",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, copy->first_day);
  sqlite3_bind_int64 (stmt, 2, last);
  source = _stride_store_read_rows (self, stmt, sizeof (StridePlanEntry), plan_entry_clear_func,
                                    read_plan_entry, error);
  if (source == NULL)
    return FALSE;
  g_clear_pointer (&stmt, _stride_cached_stmt_reset);

  if (source->len == 0)
    return TRUE;

  /* The days and slots of the target week taken before the copy. The
   * target week may end after 9999-12-31; dates SQLite can't write simply
   * aren't in the table. */
  stmt = _stride_store_prepare (self,
                                "SELECT " STRIDE_SQL_DATE_DAY ("date") ", " SLOT_ORDER
                                " FROM plan_entry"
                                " WHERE date BETWEEN " STRIDE_SQL_DAY_DATE ("?1")
                                " AND " STRIDE_SQL_DAY_DATE ("?2"),
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, copy->first_day + 7);
  sqlite3_bind_int64 (stmt, 2, MIN (last + 7, LAST_DAY));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (occupied, SLOT_KEY (sqlite3_column_int64 (stmt, 0),
                                          sqlite3_column_int (stmt, 1)));
  if (rc != SQLITE_DONE)
    return set_read_error (self, rc, error);
  g_clear_pointer (&stmt, _stride_cached_stmt_reset);

  for (guint i = 0; i < source->len; i++)
    {
      g_auto(StrideCachedStmt) insert = NULL;
      StridePlanEntry e = g_array_index (source, StridePlanEntry, i);
      gint64 id;

      e.date += 7;
      if (g_hash_table_contains (occupied, SLOT_KEY (e.date, e.slot)))
        continue;

      e.status = STRIDE_PLAN_STATUS_PLANNED;
      e.activity_id = 0;
      if (!validate_plan_entry (&e, error))
        return FALSE;

      insert = _stride_store_prepare (self,
                                      "INSERT INTO plan_entry (date, slot, kind, run_type,"
                                      " target_distance_m, target_duration_s,"
                                      " target_pace_s_per_km, description, status, activity_id)"
                                      " VALUES (" STRIDE_SQL_DAY_DATE ("?1") ", ?2, ?3, ?4, ?5,"
                                      " ?6, ?7, ?8, ?9, ?10)",
                                      error);
      if (insert == NULL)
        return FALSE;

      bind_plan_entry (insert, &e);
      if (!step_done (self, insert, _("Could not copy the plan week"), error))
        return FALSE;

      id = sqlite3_last_insert_rowid (_stride_store_get_db (self));
      g_array_append_val (copy->ids, id);
    }

  return TRUE;
}

GArray *
stride_store_copy_plan_week (StrideStore  *self,
                             guint32       first_day,
                             GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  CopyWeek copy;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_writable (self, error) || !check_day (first_day, error))
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  copy.first_day = first_day;
  copy.ids = ids;

  if (!_stride_store_run_write (self, copy_plan_week_write, &copy, error))
    return NULL;

  return g_steal_pointer (&ids);
}

/* Planned vs done */

typedef struct
{
  guint32  from;
  guint32  to;
  guint    n_linked;
} LinkRange;

typedef struct
{
  gint64   id;
  guint32  day;
  char     sport[16];
} LinkCandidate;

static gboolean
link_plan_entries_write (StrideStore  *self,
                         gpointer      data,
                         GError      **error)
{
  LinkRange *range = data;
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (LinkCandidate));
  g_auto(StrideCachedStmt) stmt = NULL;
  int rc;

  range->n_linked = 0;

  /* The entries first (the kinds run and strength are named as the
   * sports they match), then one activity each: linking changes what the
   * next entry may take. */
  stmt = _stride_store_prepare (self,
                                "SELECT id, " STRIDE_SQL_DATE_DAY ("date") ", kind"
                                " FROM plan_entry"
                                " WHERE date BETWEEN " STRIDE_SQL_DAY_DATE ("?1")
                                " AND " STRIDE_SQL_DAY_DATE ("?2")
                                " AND kind IN ('run', 'strength') AND activity_id IS NULL"
                                " AND status <> 'done'"
                                " ORDER BY date, " SLOT_ORDER ", id",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, range->from);
  sqlite3_bind_int64 (stmt, 2, range->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinkCandidate c = { 0 };

      c.id = sqlite3_column_int64 (stmt, 0);
      c.day = (guint32) sqlite3_column_int64 (stmt, 1);
      g_strlcpy (c.sport, (const char *) sqlite3_column_text (stmt, 2), sizeof c.sport);
      g_array_append_val (candidates, c);
    }
  if (rc != SQLITE_DONE)
    return set_read_error (self, rc, error);
  g_clear_pointer (&stmt, _stride_cached_stmt_reset);

  for (guint i = 0; i < candidates->len; i++)
    {
      const LinkCandidate *c = &g_array_index (candidates, LinkCandidate, i);
      g_auto(StrideCachedStmt) find = NULL;
      g_auto(StrideCachedStmt) update = NULL;
      gint64 activity_id;

      find = _stride_store_prepare (self,
                                    "SELECT a.id FROM activity a"
                                    " WHERE " IN_LOCAL_DAYS ("?2", "?2")
                                    " AND a.sport = ?1"
                                    " AND " STRIDE_SQL_LOCAL_DAY ("a.") " = ?2"
                                    " AND NOT EXISTS (SELECT 1 FROM plan_entry p"
                                    "                  WHERE p.activity_id = a.id)"
                                    " ORDER BY a.start_utc, a.id LIMIT 1",
                                    error);
      if (find == NULL)
        return FALSE;

      sqlite3_bind_text (find, 1, c->sport, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (find, 2, c->day);
      rc = sqlite3_step (find);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        return set_read_error (self, rc, error);
      activity_id = sqlite3_column_int64 (find, 0);
      g_clear_pointer (&find, _stride_cached_stmt_reset);

      update = _stride_store_prepare (self,
                                      "UPDATE plan_entry SET activity_id = ?1, status = 'done'"
                                      " WHERE id = ?2",
                                      error);
      if (update == NULL)
        return FALSE;

      sqlite3_bind_int64 (update, 1, activity_id);
      sqlite3_bind_int64 (update, 2, c->id);
      if (!step_done (self, update, _("Could not link the plan entry"), error))
        return FALSE;

      range->n_linked++;
    }

  return TRUE;
}

gboolean
stride_store_link_plan_entries (StrideStore  *self,
                                guint32       from,
                                guint32       to,
                                guint        *n_linked,
                                GError      **error)
{
  LinkRange range = { from, to, 0 };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_linked != NULL)
    *n_linked = 0;

  if (!check_writable (self, error) || !check_day (from, error) || !check_day (to, error))
    return FALSE;

  if (from > to)
    return TRUE;

  if (!_stride_store_run_write (self, link_plan_entries_write, &range, error))
    return FALSE;

  if (n_linked != NULL)
    *n_linked = range.n_linked;

  return TRUE;
}

/* Whether an activity of @sport can be what an entry of @kind planned. */
static gboolean
kind_matches_sport (StridePlanKind kind,
                    StrideSport    sport)
{
  switch (kind)
    {
    case STRIDE_PLAN_KIND_RUN:
    case STRIDE_PLAN_KIND_RACE:
      return sport == STRIDE_SPORT_RUN;

    case STRIDE_PLAN_KIND_STRENGTH:
      return sport == STRIDE_SPORT_STRENGTH;

    case STRIDE_PLAN_KIND_CROSS:
      return sport != STRIDE_SPORT_RUN && sport != STRIDE_SPORT_STRENGTH;

    case STRIDE_PLAN_KIND_REST:
    case STRIDE_N_PLAN_KINDS:
    default:
      return FALSE;
    }
}

typedef struct
{
  gint64 entry_id;
  gint64 activity_id;
} LinkOne;

static gboolean
set_plan_link (StrideStore       *self,
               gint64             entry_id,
               gint64             activity_id,
               StridePlanStatus   status,
               GError           **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self,
                                "UPDATE plan_entry SET activity_id = ?1, status = ?2"
                                " WHERE id = ?3",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_optional_id (stmt, 1, activity_id);
  sqlite3_bind_text (stmt, 2, stride_plan_status_to_id (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, entry_id);

  if (!step_done (self, stmt, _("Could not link the plan entry"), error))
    return FALSE;

  return row_changed (self) ? TRUE : set_plan_entry_not_found (entry_id, error);
}

/* Checks that activity @link->activity_id may be what entry @entry
 * planned. */
static gboolean
check_link (StrideStore            *self,
            const StridePlanEntry  *entry,
            const LinkOne          *link,
            GError                **error)
{
  StrideSport sport = STRIDE_SPORT_OTHER;
  gboolean found = FALSE;
  guint32 day = 0;

  if (!find_activity (self, link->activity_id, &found, &sport, &day, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND,
                   _("There is no activity %" PRId64 "."), (int64_t) link->activity_id);
      return FALSE;
    }

  if (entry->kind == STRIDE_PLAN_KIND_REST)
    return set_invalid (error, _("A rest day can’t be linked to an activity."));
  if (!kind_matches_sport (entry->kind, sport))
    return set_invalid (error, _("The activity is not of the kind the plan entry planned."));
  if (day != entry->date)
    return set_invalid (error, _("The activity is not on the day of the plan entry."));

  return check_activity_free (self, link->activity_id, link->entry_id, error);
}

static gboolean
link_plan_entry_write (StrideStore  *self,
                       gpointer      data,
                       GError      **error)
{
  LinkOne *link = data;
  StridePlanEntry entry = { 0 };
  gboolean ok;

  if (!read_plan_entry_by_id (self, link->entry_id, &entry, error))
    return FALSE;

  ok = check_link (self, &entry, link, error);
  stride_plan_entry_clear (&entry);

  return ok && set_plan_link (self, link->entry_id, link->activity_id, STRIDE_PLAN_STATUS_DONE,
                              error);
}

gboolean
stride_store_link_plan_entry (StrideStore  *self,
                              gint64        entry_id,
                              gint64        activity_id,
                              GError      **error)
{
  LinkOne link = { entry_id, activity_id };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  return _stride_store_run_write (self, link_plan_entry_write, &link, error);
}

static gboolean
unlink_plan_entry_write (StrideStore  *self,
                         gpointer      data,
                         GError      **error)
{
  gint64 id = *(gint64 *) data;

  return set_plan_link (self, id, 0, STRIDE_PLAN_STATUS_PLANNED, error);
}

gboolean
stride_store_unlink_plan_entry (StrideStore  *self,
                                gint64        entry_id,
                                GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  return _stride_store_run_write (self, unlink_plan_entry_write, &entry_id, error);
}

typedef struct
{
  guint32 day;
  guint   n_skipped;
} SkipBefore;

static gboolean
skip_unmatched_write (StrideStore  *self,
                      gpointer      data,
                      GError      **error)
{
  SkipBefore *skip = data;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self,
                                "UPDATE plan_entry SET status = 'skipped'"
                                " WHERE date < " STRIDE_SQL_DAY_DATE ("?1")
                                " AND status = 'planned' AND activity_id IS NULL"
                                " AND kind <> 'rest'",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, skip->day);
  if (!step_done (self, stmt, _("Could not mark the skipped plan entries"), error))
    return FALSE;

  skip->n_skipped = (guint) sqlite3_changes (_stride_store_get_db (self));

  return TRUE;
}

gboolean
stride_store_skip_unmatched_before (StrideStore  *self,
                                    guint32       day,
                                    guint        *n_skipped,
                                    GError      **error)
{
  SkipBefore skip = { day, 0 };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_skipped != NULL)
    *n_skipped = 0;

  if (!check_writable (self, error) || !check_day (day, error))
    return FALSE;

  if (!_stride_store_run_write (self, skip_unmatched_write, &skip, error))
    return FALSE;

  if (n_skipped != NULL)
    *n_skipped = skip.n_skipped;

  return TRUE;
}

/* Week summary: one statement, so plan and activities agree. ?1 and ?2
 * the first and last day. */
static const char week_summary_sql[] =
  "WITH"
  " p AS (SELECT kind, status, target_distance_m FROM plan_entry"
  "        WHERE date BETWEEN " STRIDE_SQL_DAY_DATE ("?1") " AND " STRIDE_SQL_DAY_DATE ("?2") "),"
  " a AS (SELECT sport, distance_m FROM activity"
  "        WHERE " IN_LOCAL_DAYS ("?1", "?2")
  "          AND " STRIDE_SQL_LOCAL_DAY ("") " BETWEEN ?1 AND ?2)"
  " SELECT (SELECT total (target_distance_m) FROM p WHERE kind IN ('run', 'race')),"
  "        (SELECT total (distance_m) FROM a WHERE sport = 'run'),"
  "        (SELECT count (*) FROM p WHERE kind = 'strength'),"
  "        (SELECT count (*) FROM a WHERE sport = 'strength'),"
  "        (SELECT count (*) FROM p WHERE kind <> 'rest'),"
  "        (SELECT count (*) FROM p WHERE kind <> 'rest' AND status = 'done')";

gboolean
stride_store_get_plan_week_summary (StrideStore            *self,
                                    guint32                 first_day,
                                    StridePlanWeekSummary  *out,
                                    GError                **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  StridePlanWeekSummary summary = { 0 };
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_day (first_day, error))
    return FALSE;

  stmt = _stride_store_prepare (self, week_summary_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, first_day);
  sqlite3_bind_int64 (stmt, 2, MIN (first_day + 6, LAST_DAY));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_read_error (self, rc, error);

  summary.first_day = first_day;
  summary.planned_run_distance_m = sqlite3_column_double (stmt, 0);
  summary.done_run_distance_m = sqlite3_column_double (stmt, 1);
  summary.planned_strength = (guint) sqlite3_column_int64 (stmt, 2);
  summary.done_strength = (guint) sqlite3_column_int64 (stmt, 3);
  summary.n_planned = (guint) sqlite3_column_int64 (stmt, 4);
  summary.n_done = (guint) sqlite3_column_int64 (stmt, 5);
  summary.compliance_pct = summary.n_planned > 0
                           ? 100.0 * summary.n_done / summary.n_planned
                           : NAN;

  *out = summary;

  return TRUE;
}

/* Races */

static void
race_clear_func (gpointer data)
{
  stride_race_clear (data);
}

/* Columns of SELECT_RACE. */
static void
read_race (sqlite3_stmt *stmt,
           gpointer      row)
{
  StrideRace *race = row;

  race->id = sqlite3_column_int64 (stmt, 0);
  race->date = (guint32) sqlite3_column_int64 (stmt, 1);
  race->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  race->distance_m = sqlite3_column_double (stmt, 3);
  race->goal_time_s = sqlite3_column_double (stmt, 4);
  race->activity_id = sqlite3_column_int64 (stmt, 5);
}

gboolean
stride_store_get_race (StrideStore  *self,
                       gint64        id,
                       StrideRace   *out,
                       GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  StrideRace race = { 0 };
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _stride_store_prepare (self, SELECT_RACE " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return set_race_not_found (id, error);
  if (rc != SQLITE_ROW)
    return set_read_error (self, rc, error);

  read_race (stmt, &race);
  *out = race;

  return TRUE;
}

/* The rules of stride_store_add_race(), with the same messages. */
static gboolean
validate_race (const StrideRace  *race,
               GError           **error)
{
  if (!check_day (race->date, error))
    return FALSE;
  if (race->name == NULL || *race->name == '\0')
    return set_invalid (error, _("The race needs a name."));
  if (!check_optional_text (race->name, error)
      || !check_target (race->goal_time_s, _("The goal time can’t be negative."), error))
    return FALSE;
  if (race->activity_id < 0)
    return set_invalid (error, _("The linked activity id can’t be negative."));
  if (!(isfinite (race->distance_m) && race->distance_m > 0))
    return set_invalid (error, _("The race distance must be more than zero."));

  return TRUE;
}

static gboolean
update_race_write (StrideStore  *self,
                   gpointer      data,
                   GError      **error)
{
  const StrideRace *race = data;
  g_auto(StrideCachedStmt) stmt = NULL;

  if (race->activity_id != 0)
    {
      gboolean found = FALSE;

      if (!find_activity (self, race->activity_id, &found, NULL, NULL, error))
        return FALSE;
      if (!found)
        return set_invalid (error, _("The linked activity does not exist."));
    }

  stmt = _stride_store_prepare (self,
                                "UPDATE race SET date = " STRIDE_SQL_DAY_DATE ("?1") ","
                                " name = ?2, distance_m = ?3, goal_time_s = ?4,"
                                " activity_id = ?5 WHERE id = ?6",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, race->date);
  sqlite3_bind_text (stmt, 2, race->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 3, race->distance_m);
  bind_target (stmt, 4, race->goal_time_s);
  bind_optional_id (stmt, 5, race->activity_id);
  sqlite3_bind_int64 (stmt, 6, race->id);

  if (!step_done (self, stmt, _("Could not save the race"), error))
    return FALSE;

  return row_changed (self) ? TRUE : set_race_not_found (race->id, error);
}

gboolean
stride_store_update_race (StrideStore       *self,
                          const StrideRace  *race,
                          GError           **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (race != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !validate_race (race, error))
    return FALSE;

  return _stride_store_run_write (self, update_race_write, (gpointer) race, error);
}

static gboolean
delete_race_write (StrideStore  *self,
                   gpointer      data,
                   GError      **error)
{
  gint64 id = *(gint64 *) data;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self, "DELETE FROM race WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, _("Could not delete the race"), error))
    return FALSE;

  return row_changed (self) ? TRUE : set_race_not_found (id, error);
}

gboolean
stride_store_delete_race (StrideStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  return _stride_store_run_write (self, delete_race_write, &id, error);
}

GArray *
stride_store_list_upcoming_races (StrideStore  *self,
                                  guint32       day,
                                  GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_day (day, error))
    return NULL;

  stmt = _stride_store_prepare (self,
                                SELECT_RACE " WHERE date >= " STRIDE_SQL_DAY_DATE ("?1")
                                " ORDER BY date, id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, day);

  return _stride_store_read_rows (self, stmt, sizeof (StrideRace), race_clear_func, read_race,
                                  error);
}
