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

/* Rows shared by the risk journal and the balance lists (issue 7)
 *
 * Each table below has one query, taking a range of days as ?1 and ?2
 * (bind_day_range()), and one row decoder. The journal reads the whole
 * range and copies the decoded records; a list asks for its range and
 * owns copies of the strings. Measurements, pain entries and races keep
 * their date as 'YYYY-MM-DD' text, so the range is compared as text
 * (STRIDE_SQL_DAY_DATE) through the date indexes. */

/* 0001-01-01 and 9999-12-31, the dates SQLite can write: 0 at either end
 * of a range means "open". */
#define FIRST_DAY 1
#define LAST_DAY  3652059

#define IN_DAY_RANGE(col) \
  col " BETWEEN " STRIDE_SQL_DAY_DATE ("?1") " AND " STRIDE_SQL_DAY_DATE ("?2")

static void
bind_day_range (sqlite3_stmt *stmt,
                guint32       from,
                guint32       to)
{
  sqlite3_bind_int64 (stmt, 1, CLAMP (from != 0 ? from : FIRST_DAY, FIRST_DAY, LAST_DAY));
  sqlite3_bind_int64 (stmt, 2, CLAMP (to != 0 ? to : LAST_DAY, FIRST_DAY, LAST_DAY));
}

typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         gpointer      data);

/* Hands every row of @stmt (prepared and bound) to @func. */
static gboolean
for_each_row (StrideStore   *self,
              sqlite3_stmt  *stmt,
              RowFunc        func,
              gpointer       data,
              GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, data);

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, _stride_store_get_db (self), rc,
                               _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

/* The journal's half: every row of @sql, decoded records copied into
 * the journal by @add_row. */
static gboolean
load_all (StrideStore   *self,
          const char    *sql,
          RowFunc        add_row,
          gpointer       journal,
          GError       **error)
{
  g_auto(StrideCachedStmt) stmt = _stride_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_day_range (stmt, 0, 0);
  return for_each_row (self, stmt, add_row, journal, error);
}

/* The lists' half: the rows of @sql in [@from, @to], each read (with
 * strings of its own) by @read_row. */
static GArray *
list_in_range (StrideStore        *self,
               const char         *sql,
               guint32             from,
               guint32             to,
               guint               element_size,
               GDestroyNotify      clear_func,
               StrideReadRowFunc   read_row,
               GError            **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _stride_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_day_range (stmt, from, to);
  return _stride_store_read_rows (self, stmt, element_size, clear_func, read_row, error);
}

/* Measurements: every test, both sides and one-side, for H:Q and LSI. */
#define SELECT_MEASUREMENTS \
  "SELECT id, " STRIDE_SQL_DATE_DAY ("date") ", test, method, side, value, unit, notes" \
  " FROM measurement WHERE " IN_DAY_RANGE ("date") " ORDER BY date, id"

/* The strings stay SQLite's until the next step. */
static void
decode_measurement (sqlite3_stmt      *stmt,
                    StrideMeasurement *m)
{
  m->id = sqlite3_column_int64 (stmt, 0);
  m->date = (guint32) sqlite3_column_int64 (stmt, 1);
  m->test = (char *) sqlite3_column_text (stmt, 2);
  m->method = (char *) sqlite3_column_text (stmt, 3);
  if (!stride_side_from_id ((const char *) sqlite3_column_text (stmt, 4), &m->side))
    m->side = STRIDE_SIDE_BOTH;
  m->value = sqlite3_column_double (stmt, 5);
  m->unit = (char *) sqlite3_column_text (stmt, 6);
  m->notes = (char *) sqlite3_column_text (stmt, 7);
}

static void
add_measurement_row (sqlite3_stmt *stmt,
                     gpointer      journal)
{
  StrideMeasurement m = { 0 };

  decode_measurement (stmt, &m);
  stride_risk_journal_add_measurement (journal, &m);
}

static void
read_measurement (sqlite3_stmt *stmt,
                  gpointer      row)
{
  StrideMeasurement *m = row;

  decode_measurement (stmt, m);
  m->test = g_strdup (m->test);
  m->method = g_strdup (m->method);
  m->unit = g_strdup (m->unit);
  m->notes = g_strdup (m->notes);
}

static void
measurement_clear_func (gpointer data)
{
  stride_measurement_clear (data);
}

/* Side values: strength sets done on one side, session by session. Sets
 * of 'both' sides give no side value, so only one-side sets are read, in
 * the order of the strength_set_activity_position index: the sets of one
 * session come together. Columns: activity_id, local day of the session,
 * exercise key, exercise_id, side, reps, load_kg, rpe, position, id. */
#define SELECT_SIDE_SETS \
  "SELECT s.activity_id, " STRIDE_SQL_LOCAL_DAY ("a.") ", e.key," \
  " s.exercise_id, s.side, s.reps, s.load_kg, s.rpe, s.position, s.id" \
  " FROM strength_set s" \
  " JOIN activity a ON a.id = s.activity_id" \
  " JOIN exercise e ON e.id = s.exercise_id" \
  " WHERE s.side <> 'both' AND " STRIDE_SQL_LOCAL_DAY ("a.") " BETWEEN ?1 AND ?2" \
  " ORDER BY s.activity_id, s.position, s.id"

/* Called with the side values of each session as they are made; NULL
 * keeps them in the array. */
typedef void (*SideValuesFunc) (GArray   *side_values,
                                gpointer  data);

typedef struct
{
  gint64          activity_id;   /* of the sets gathered, 0 = none */
  guint32         date;          /* the session's local day */
  GArray         *sets;          /* StrideStrengthSet */
  GPtrArray      *keys;          /* exercise keys, const char * */
  GStringChunk   *chunk;         /* each key once */
  GArray         *side_values;   /* StrideMeasurement */
  SideValuesFunc  made;
  gpointer        data;
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
  if (session->made != NULL)
    session->made (session->side_values, session->data);

  g_array_set_size (session->sets, 0);
  g_ptr_array_set_size (session->keys, 0);
}

static void
add_set_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  SessionSets *session = data;
  gint64 activity_id = sqlite3_column_int64 (stmt, 0);
  StrideStrengthSet set = { 0 };
  const char *key;

  if (activity_id != session->activity_id)
    {
      session_sets_flush (session);
      session->activity_id = activity_id;
      session->date = (guint32) sqlite3_column_int64 (stmt, 1);
    }

  key = g_string_chunk_insert_const (session->chunk, (const char *) sqlite3_column_text (stmt, 2));
  set.activity_id = activity_id;
  set.exercise_id = sqlite3_column_int64 (stmt, 3);
  if (!stride_side_from_id ((const char *) sqlite3_column_text (stmt, 4), &set.side))
    set.side = STRIDE_SIDE_BOTH;
  set.reps = sqlite3_column_int (stmt, 5);
  set.load_kg = sqlite3_column_double (stmt, 6);
  set.rpe = sqlite3_column_int (stmt, 7);
  set.position = sqlite3_column_int (stmt, 8);
  set.id = sqlite3_column_int64 (stmt, 9);

  g_array_append_val (session->sets, set);
  g_ptr_array_add (session->keys, (gpointer) key);
}

/* Appends the side values of the sessions on local days [@from, @to]
 * to @side_values, handing each session's to @made (may be NULL). */
static gboolean
read_side_values (StrideStore     *self,
                  guint32          from,
                  guint32          to,
                  GArray          *side_values,
                  SideValuesFunc   made,
                  gpointer         data,
                  GError         **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  g_autoptr(GArray) sets = g_array_new (FALSE, TRUE, sizeof (StrideStrengthSet));
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (1024);
  SessionSets session = { 0, 0, sets, keys, chunk, side_values, made, data };

  stmt = _stride_store_prepare (self, SELECT_SIDE_SETS, error);
  if (stmt == NULL)
    return FALSE;

  bind_day_range (stmt, from, to);
  if (!for_each_row (self, stmt, add_set_row, &session, error))
    return FALSE;

  session_sets_flush (&session);
  return TRUE;
}

/* The journal copies each session's values, then they go. */
static void
add_side_values (GArray   *side_values,
                 gpointer  journal)
{
  for (guint i = 0; i < side_values->len; i++)
    stride_risk_journal_add_measurement (journal,
                                         &g_array_index (side_values, StrideMeasurement, i));

  g_array_set_size (side_values, 0);
}

static gboolean
load_side_values (StrideStore        *self,
                  StrideRiskJournal  *journal,
                  GError            **error)
{
  g_autoptr(GArray) side_values = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));

  g_array_set_clear_func (side_values, measurement_clear_func);

  return read_side_values (self, 0, 0, side_values, add_side_values, journal, error);
}

/* Pain entries. */
#define SELECT_PAIN_ENTRIES \
  "SELECT id, " STRIDE_SQL_DATE_DAY ("date") ", location, side, severity, notes" \
  " FROM pain_entry WHERE " IN_DAY_RANGE ("date") " ORDER BY date, id"

static void
decode_pain_entry (sqlite3_stmt    *stmt,
                   StridePainEntry *pain)
{
  pain->id = sqlite3_column_int64 (stmt, 0);
  pain->date = (guint32) sqlite3_column_int64 (stmt, 1);
  pain->location = (char *) sqlite3_column_text (stmt, 2);
  if (!stride_side_from_id ((const char *) sqlite3_column_text (stmt, 3), &pain->side))
    pain->side = STRIDE_SIDE_BOTH;
  pain->severity = sqlite3_column_int (stmt, 4);
  pain->notes = (char *) sqlite3_column_text (stmt, 5);
}

static void
add_pain_row (sqlite3_stmt *stmt,
              gpointer      journal)
{
  StridePainEntry pain = { 0 };

  decode_pain_entry (stmt, &pain);
  stride_risk_journal_add_pain (journal, &pain);
}

static void
read_pain_entry (sqlite3_stmt *stmt,
                 gpointer      row)
{
  StridePainEntry *pain = row;

  decode_pain_entry (stmt, pain);
  pain->location = g_strdup (pain->location);
  pain->notes = g_strdup (pain->notes);
}

static void
pain_entry_clear_func (gpointer data)
{
  stride_pain_entry_clear (data);
}

/* Races. */
#define SELECT_RACES \
  "SELECT id, " STRIDE_SQL_DATE_DAY ("date") ", name, distance_m, goal_time_s, activity_id" \
  " FROM race WHERE " IN_DAY_RANGE ("date") " ORDER BY date, id"

static void
decode_race (sqlite3_stmt *stmt,
             StrideRace   *race)
{
  race->id = sqlite3_column_int64 (stmt, 0);
  race->date = (guint32) sqlite3_column_int64 (stmt, 1);
  race->name = (char *) sqlite3_column_text (stmt, 2);
  race->distance_m = sqlite3_column_double (stmt, 3);
  race->goal_time_s = sqlite3_column_double (stmt, 4);
  race->activity_id = sqlite3_column_int64 (stmt, 5);
}

static void
add_race_row (sqlite3_stmt *stmt,
              gpointer      journal)
{
  StrideRace race = { 0 };

  decode_race (stmt, &race);
  stride_risk_journal_add_race (journal, &race);
}

static void
read_race (sqlite3_stmt *stmt,
           gpointer      row)
{
  StrideRace *race = row;

  decode_race (stmt, race);
  race->name = g_strdup (race->name);
}

static void
race_clear_func (gpointer data)
{
  stride_race_clear (data);
}

GArray *
stride_store_list_measurements (StrideStore  *self,
                                guint32       from,
                                guint32       to,
                                GError      **error)
{
  return list_in_range (self, SELECT_MEASUREMENTS, from, to, sizeof (StrideMeasurement),
                        measurement_clear_func, read_measurement, error);
}

static gint
compare_measurement_dates (gconstpointer a,
                           gconstpointer b)
{
  const StrideMeasurement *ma = a;
  const StrideMeasurement *mb = b;

  return (ma->date > mb->date) - (ma->date < mb->date);
}

GArray *
stride_store_list_side_values (StrideStore  *self,
                               guint32       from,
                               guint32       to,
                               GError      **error)
{
  g_autoptr(GArray) side_values = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  side_values = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  g_array_set_clear_func (side_values, measurement_clear_func);

  if (!read_side_values (self, from, to, side_values, NULL, NULL, error))
    return NULL;

  /* Sessions come in the index's order, by activity id; an import can
   * add an older session after newer ones. The sort is stable, so a
   * session's values keep their order (exercise, left then right). */
  g_array_sort (side_values, compare_measurement_dates);

  return g_steal_pointer (&side_values);
}

GArray *
stride_store_list_pain_entries (StrideStore  *self,
                                guint32       from,
                                guint32       to,
                                GError      **error)
{
  return list_in_range (self, SELECT_PAIN_ENTRIES, from, to, sizeof (StridePainEntry),
                        pain_entry_clear_func, read_pain_entry, error);
}

GArray *
stride_store_list_races (StrideStore  *self,
                         guint32       from,
                         guint32       to,
                         GError      **error)
{
  return list_in_range (self, SELECT_RACES, from, to, sizeof (StrideRace),
                        race_clear_func, read_race, error);
}

/* The journal reads every row of these tables. */

static gboolean
load_measurements (StrideStore        *self,
                   StrideRiskJournal  *journal,
                   GError            **error)
{
  return load_all (self, SELECT_MEASUREMENTS, add_measurement_row, journal, error);
}

static gboolean
load_pain_entries (StrideStore        *self,
                   StrideRiskJournal  *journal,
                   GError            **error)
{
  return load_all (self, SELECT_PAIN_ENTRIES, add_pain_row, journal, error);
}

static gboolean
load_races (StrideStore        *self,
            StrideRiskJournal  *journal,
            GError            **error)
{
  return load_all (self, SELECT_RACES, add_race_row, journal, error);
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
