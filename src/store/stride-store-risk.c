/* stride-store-risk.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stride-balance.h"
#include "stride-store.h"
#include "stride-store-private.h"

/* Risk checklist (issue 8): the records of stride-risk.h read in one
 * snapshot, and the user's answers.
 *
 * stride_store_load_risk_journal() reads the whole journal with one query
 * per table, each a single pass in an order an index gives for free, and
 * inside one read transaction so the tables agree with each other even
 * when another process writes meanwhile. A 10-year journal (about 5,000
 * activities and 60,000 strength sets) is read in well under a second.
 *
 * Dates come out of SQL as Julian days (STRIDE_SQL_DATE_DAY for the
 * 'YYYY-MM-DD' columns, STRIDE_SQL_LOCAL_DAY for a session's local day),
 * the same expressions as the journal and the charts use. */

/* Activities: every sport, by start. Columns: start_utc, tz_offset_s,
 * sport, run_type, duration_s, distance_m, rpe, shoe_id. */
static gboolean
load_activities (StrideStore        *self,
                 StrideRiskJournal  *journal,
                 GError            **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  int rc;

  stmt = _stride_store_prepare (self,
                                "SELECT start_utc, tz_offset_s, sport, run_type, duration_s,"
                                " distance_m, rpe, shoe_id FROM activity"
                                " ORDER BY start_utc, id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StrideRiskActivity a = { 0 };

      a.start_utc = sqlite3_column_int64 (stmt, 0);
      a.tz_offset_s = sqlite3_column_int (stmt, 1);
      if (!stride_sport_from_id ((const char *) sqlite3_column_text (stmt, 2), &a.sport))
        a.sport = STRIDE_SPORT_OTHER;
      if (!stride_run_type_from_id ((const char *) sqlite3_column_text (stmt, 3), &a.run_type))
        a.run_type = STRIDE_RUN_TYPE_NONE;
      a.duration_s = sqlite3_column_double (stmt, 4);
      a.distance_m = sqlite3_column_double (stmt, 5);
      a.rpe = sqlite3_column_int (stmt, 6);
      a.shoe_id = sqlite3_column_int64 (stmt, 7);

      stride_risk_journal_add_activity (journal, &a);
    }

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, _stride_store_get_db (self), rc,
                               _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

/* Measurements: every test, both sides and one-side, for H:Q and LSI.
 * Columns: id, date, test, method, side, value, unit. */
static gboolean
load_measurements (StrideStore        *self,
                   StrideRiskJournal  *journal,
                   GError            **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  int rc;

  stmt = _stride_store_prepare (self,
                                "SELECT id, " STRIDE_SQL_DATE_DAY ("date") ", test, method, side,"
                                " value, unit FROM measurement ORDER BY date, id",
                                error);
  if (stmt == NULL)
    return FALSE;

  /* The strings stay SQLite's until the next step: the journal copies
   * the record, so nothing is duplicated here. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StrideMeasurement m = { 0 };

      m.id = sqlite3_column_int64 (stmt, 0);
      m.date = (guint32) sqlite3_column_int64 (stmt, 1);
      m.test = (char *) sqlite3_column_text (stmt, 2);
      m.method = (char *) sqlite3_column_text (stmt, 3);
      if (!stride_side_from_id ((const char *) sqlite3_column_text (stmt, 4), &m.side))
        m.side = STRIDE_SIDE_BOTH;
      m.value = sqlite3_column_double (stmt, 5);
      m.unit = (char *) sqlite3_column_text (stmt, 6);

      stride_risk_journal_add_measurement (journal, &m);
    }

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, _stride_store_get_db (self), rc,
                               _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

/* Strength sets done on one side, session by session. */
typedef struct
{
  StrideRiskJournal *journal;
  gint64             activity_id;   /* of the sets gathered, 0 = none */
  guint32            date;          /* the session's local day */
  GArray            *sets;          /* StrideStrengthSet */
  GPtrArray         *keys;          /* exercise keys, const char * */
  GArray            *side_values;   /* StrideMeasurement */
} SessionSets;

static void
session_sets_flush (SessionSets *session)
{
  if (session->sets->len == 0)
    return;

  stride_balance_side_values_from_sets ((const StrideStrengthSet *) (gpointer) session->sets->data,
                                        (const char *const *) session->keys->pdata,
                                        session->sets->len, session->date,
                                        session->side_values);

  for (guint i = 0; i < session->side_values->len; i++)
    stride_risk_journal_add_measurement (session->journal,
                                         &g_array_index (session->side_values,
                                                         StrideMeasurement, i));

  g_array_remove_range (session->side_values, 0, session->side_values->len);
  g_array_set_size (session->sets, 0);
  g_ptr_array_set_size (session->keys, 0);
}

static void
measurement_clear_func (gpointer data)
{
  stride_measurement_clear (data);
}

/* Sets of 'both' sides give no side value, so only one-side sets are
 * read, in the order of the strength_set_activity_position index: the
 * sets of one session come together. Columns: activity_id, local day of
 * the session, exercise key, exercise_id, side, reps, load_kg, rpe,
 * position, id. */
static gboolean
load_side_values (StrideStore        *self,
                  StrideRiskJournal  *journal,
                  GError            **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  g_autoptr(GArray) sets = g_array_new (FALSE, TRUE, sizeof (StrideStrengthSet));
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) side_values = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (1024);    /* each key once */
  SessionSets session = { journal, 0, 0, sets, keys, side_values };
  int rc;

  g_array_set_clear_func (side_values, measurement_clear_func);

  stmt = _stride_store_prepare (self,
                                "SELECT s.activity_id, " STRIDE_SQL_LOCAL_DAY ("a.") ", e.key,"
                                " s.exercise_id, s.side, s.reps, s.load_kg, s.rpe, s.position, s.id"
                                " FROM strength_set s"
                                " JOIN activity a ON a.id = s.activity_id"
                                " JOIN exercise e ON e.id = s.exercise_id"
                                " WHERE s.side <> 'both'"
                                " ORDER BY s.activity_id, s.position, s.id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 activity_id = sqlite3_column_int64 (stmt, 0);
      StrideStrengthSet set = { 0 };
      const char *key;

      if (activity_id != session.activity_id)
        {
          session_sets_flush (&session);
          session.activity_id = activity_id;
          session.date = (guint32) sqlite3_column_int64 (stmt, 1);
        }

      key = g_string_chunk_insert_const (chunk, (const char *) sqlite3_column_text (stmt, 2));
      set.activity_id = activity_id;
      set.exercise_id = sqlite3_column_int64 (stmt, 3);
      if (!stride_side_from_id ((const char *) sqlite3_column_text (stmt, 4), &set.side))
        set.side = STRIDE_SIDE_BOTH;
      set.reps = sqlite3_column_int (stmt, 5);
      set.load_kg = sqlite3_column_double (stmt, 6);
      set.rpe = sqlite3_column_int (stmt, 7);
      set.position = sqlite3_column_int (stmt, 8);
      set.id = sqlite3_column_int64 (stmt, 9);

      g_array_append_val (sets, set);
      g_ptr_array_add (keys, (gpointer) key);
    }

  if (rc == SQLITE_DONE)
    session_sets_flush (&session);

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, _stride_store_get_db (self), rc,
                               _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

/* Columns: id, date, location, side, severity. */
static gboolean
load_pain_entries (StrideStore        *self,
                   StrideRiskJournal  *journal,
                   GError            **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  int rc;

  stmt = _stride_store_prepare (self,
                                "SELECT id, " STRIDE_SQL_DATE_DAY ("date") ", location, side,"
                                " severity FROM pain_entry ORDER BY date, id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StridePainEntry pain = { 0 };

      pain.id = sqlite3_column_int64 (stmt, 0);
      pain.date = (guint32) sqlite3_column_int64 (stmt, 1);
      pain.location = (char *) sqlite3_column_text (stmt, 2);
      if (!stride_side_from_id ((const char *) sqlite3_column_text (stmt, 3), &pain.side))
        pain.side = STRIDE_SIDE_BOTH;
      pain.severity = sqlite3_column_int (stmt, 4);

      stride_risk_journal_add_pain (journal, &pain);
    }

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, _stride_store_get_db (self), rc,
                               _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

/* The journal counts a shoe's distance itself, so distance_m stays 0.
 * Columns: id, name, start_date, retired_date, limit_km (NULL dates
 * read as 0, "unknown" / "in use"). */
static gboolean
load_shoes (StrideStore        *self,
            StrideRiskJournal  *journal,
            GError            **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  int rc;

  stmt = _stride_store_prepare (self,
                                "SELECT id, name, " STRIDE_SQL_DATE_DAY ("start_date") ","
                                " " STRIDE_SQL_DATE_DAY ("retired_date") ", limit_km"
                                " FROM shoe ORDER BY id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StrideShoe shoe = { 0 };

      shoe.id = sqlite3_column_int64 (stmt, 0);
      shoe.name = (char *) sqlite3_column_text (stmt, 1);
      shoe.start_date = (guint32) sqlite3_column_int64 (stmt, 2);
      shoe.retired_date = (guint32) sqlite3_column_int64 (stmt, 3);
      shoe.limit_km = sqlite3_column_double (stmt, 4);

      stride_risk_journal_add_shoe (journal, &shoe);
    }

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, _stride_store_get_db (self), rc,
                               _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

/* Columns: id, date, name, distance_m, goal_time_s, activity_id. */
static gboolean
load_races (StrideStore        *self,
            StrideRiskJournal  *journal,
            GError            **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  int rc;

  stmt = _stride_store_prepare (self,
                                "SELECT id, " STRIDE_SQL_DATE_DAY ("date") ", name, distance_m,"
                                " goal_time_s, activity_id FROM race ORDER BY date, id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StrideRace race = { 0 };

      race.id = sqlite3_column_int64 (stmt, 0);
      race.date = (guint32) sqlite3_column_int64 (stmt, 1);
      race.name = (char *) sqlite3_column_text (stmt, 2);
      race.distance_m = sqlite3_column_double (stmt, 3);
      race.goal_time_s = sqlite3_column_double (stmt, 4);
      race.activity_id = sqlite3_column_int64 (stmt, 5);

      stride_risk_journal_add_race (journal, &race);
    }

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, _stride_store_get_db (self), rc,
                               _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

/* Checklist answers. Columns: iso_week, item_id, state, note. */

#define SELECT_ANSWERS "SELECT iso_week, item_id, state, note FROM checklist"

static gboolean
load_answers (StrideStore        *self,
              StrideRiskJournal  *journal,
              GError            **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  int rc;

  stmt = _stride_store_prepare (self, SELECT_ANSWERS " ORDER BY iso_week, item_id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StrideChecklistAnswer answer = { 0 };

      answer.iso_week = (char *) sqlite3_column_text (stmt, 0);
      answer.item_id = (char *) sqlite3_column_text (stmt, 1);
      answer.state = (char *) sqlite3_column_text (stmt, 2);
      answer.note = (char *) sqlite3_column_text (stmt, 3);

      stride_risk_journal_add_answer (journal, &answer);
    }

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, _stride_store_get_db (self), rc,
                               _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

StrideRiskJournal *
stride_store_load_risk_journal (StrideStore  *self,
                                GError      **error)
{
  g_autoptr(StrideRiskJournal) journal = NULL;
  sqlite3 *db;
  gboolean own_transaction;
  gboolean ok;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = _stride_store_get_db (self);

  /* One snapshot for every table, unless the caller's transaction
   * (stride_store_begin()) already holds one. A read transaction works on
   * a read-only journal too. */
  own_transaction = sqlite3_get_autocommit (db) != 0;
  if (own_transaction)
    {
      rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          _stride_store_set_error (error, db, rc, _("Could not read the journal"));
          return NULL;
        }
    }

  journal = stride_risk_journal_new ();
  ok = load_activities (self, journal, error)
       && load_measurements (self, journal, error)
       && load_side_values (self, journal, error)
       && load_pain_entries (self, journal, error)
       && load_shoes (self, journal, error)
       && load_races (self, journal, error)
       && load_answers (self, journal, error);

  /* Every statement was reset when its loader returned: nothing pending. */
  if (own_transaction)
    {
      rc = sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
      if (ok && rc != SQLITE_OK)
        {
          _stride_store_set_error (error, db, rc, _("Could not read the journal"));
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return NULL;
        }
    }

  if (!ok)
    return NULL;

  return g_steal_pointer (&journal);
}

/* "YYYY-Www" with a week from 01 to 53, the rule of the checklist
 * table's CHECK and of stride_store_set_checklist_answer(): an answer
 * that could be saved can be listed and deleted. */
static gboolean
is_iso_week (const char *text)
{
  int week;

  if (text == NULL || strlen (text) != 8)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (text[4] != '-' || text[5] != 'W' || !g_ascii_isdigit (text[6]) || !g_ascii_isdigit (text[7]))
    return FALSE;

  week = (text[6] - '0') * 10 + (text[7] - '0');

  return week >= 1 && week <= 53;
}

static gboolean
set_invalid_week (GError **error)
{
  g_set_error_literal (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                       _("The week must be written as YYYY-Www, for example 2026-W07."));
  return FALSE;
}

static void
read_answer (sqlite3_stmt *stmt,
             gpointer      row)
{
  StrideChecklistAnswer *answer = row;

  answer->iso_week = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  answer->item_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  answer->state = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  answer->note = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
}

static void
answer_clear_func (gpointer data)
{
  stride_checklist_answer_clear (data);
}

GArray *
stride_store_list_checklist_answers (StrideStore  *self,
                                     const char   *iso_week,
                                     GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (iso_week != NULL && !is_iso_week (iso_week))
    {
      set_invalid_week (error);
      return NULL;
    }

  /* ?1 NULL: every week. */
  stmt = _stride_store_prepare (self,
                                SELECT_ANSWERS " WHERE ?1 IS NULL OR iso_week = ?1"
                                " ORDER BY iso_week, item_id",
                                error);
  if (stmt == NULL)
    return NULL;

  if (iso_week != NULL)
    sqlite3_bind_text (stmt, 1, iso_week, -1, SQLITE_TRANSIENT);

  return _stride_store_read_rows (self, stmt, sizeof (StrideChecklistAnswer), answer_clear_func,
                                  read_answer, error);
}

typedef struct
{
  const char *iso_week;
  const char *item_id;
} DeleteAnswer;

static gboolean
delete_checklist_answer_write (StrideStore  *self,
                               gpointer      data,
                               GError      **error)
{
  const DeleteAnswer *answer = data;
  g_auto(StrideCachedStmt) stmt = NULL;
  sqlite3 *db = _stride_store_get_db (self);
  int rc;

  stmt = _stride_store_prepare (self,
                                "DELETE FROM checklist WHERE iso_week = ?1 AND item_id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, answer->iso_week, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, answer->item_id, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, db, rc, _("Could not delete the checklist answer"));
      return FALSE;
    }

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND,
                   _("There is no answer to “%s” in week %s."),
                   answer->item_id, answer->iso_week);
      return FALSE;
    }

  return TRUE;
}

/* NOT_FOUND when the week has no answer to @item_id, like the other
 * deletes of the store. */
gboolean
stride_store_delete_checklist_answer (StrideStore  *self,
                                      const char   *iso_week,
                                      const char   *item_id,
                                      GError      **error)
{
  DeleteAnswer answer = { iso_week, item_id };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (iso_week != NULL, FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stride_store_is_read_only (self))
    {
      const char *reason = stride_store_get_read_only_reason (self);

      g_set_error_literal (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY,
                           reason != NULL ? reason : _("The journal is open read-only."));
      return FALSE;
    }

  if (!is_iso_week (iso_week))
    return set_invalid_week (error);

  return _stride_store_run_write (self, delete_checklist_answer_write, &answer, error);
}
