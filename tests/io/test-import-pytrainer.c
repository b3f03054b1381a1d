/* test-import-pytrainer.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "io-test-util.h"
#include "stride-import.h"
#include "stride-pytrainer.h"

/* The databases are built here from pytrainer's own schema
 * (tests/corpus/pytrainer_schema_v15.sql, dumped from a database pytrainer
 * created) with rows written the way pytrainer writes them: date_time_utc
 * as "2016-07-24T09:58:23Z", date_time_local as "2016-07-24 12:58:23+0300"
 * (both from pytrainer/test/test_record.py), distance in km, duration in
 * s, lap elapsed_time as text seconds and lap distance in m
 * (pytrainer/core/activity.py). Expected Unix times were computed with
 * Python's datetime.fromisoformat(…).timestamp(). */

#define START_1 G_GINT64_CONSTANT (1469354303)  /* 2016-07-24T09:58:23Z */
#define START_2 G_GINT64_CONSTANT (1469462400)  /* 2016-07-25T16:00:00Z */
#define START_4 G_GINT64_CONSTANT (1470027600)  /* 2016-08-01T05:00:00Z */
#define START_5 G_GINT64_CONSTANT (1472709600)  /* 2016-09-01T06:00:00Z */

typedef StoreFixture Fixture;


static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Binds @values ("i:3", "f:1.5", "t:text", "n" for NULL) to ?1… and runs. */
static void
insert (sqlite3    *db,
        const char *sql,
        ...)
{
  sqlite3_stmt *stmt = NULL;
  const char *value;
  va_list args;
  int column = 1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);

  va_start (args, sql);
  while ((value = va_arg (args, const char *)) != NULL)
    {
      if (g_str_has_prefix (value, "i:"))
        sqlite3_bind_int64 (stmt, column, g_ascii_strtoll (value + 2, NULL, 10));
      else if (g_str_has_prefix (value, "f:"))
        sqlite3_bind_double (stmt, column, g_ascii_strtod (value + 2, NULL));
      else if (g_str_has_prefix (value, "t:"))
        sqlite3_bind_text (stmt, column, value + 2, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, column);
      column++;
    }
  va_end (args);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static sqlite3 *
open_rw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                    NULL), ==, SQLITE_OK);
  return db;
}

#define INSERT_RECORD \
  "INSERT INTO records (id_record, sport, date_time_utc, date_time_local, date, distance," \
  " duration, beats, upositive, title, comments) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8," \
  " ?9, ?10, ?11)"
#define INSERT_LAP \
  "INSERT INTO laps (id_lap, record, lap_number, elapsed_time, distance, avg_hr)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
#define INSERT_EQUIPMENT \
  "INSERT INTO equipment (id, description, life_expectancy, active, prior_usage, notes)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"

/* Two sports, four records (one with laps, one with a bad date, one with
 * numbers stored as text), three pieces of equipment. */
static char *
make_database (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) schema_file = corpus_file ("pytrainer_schema_v15.sql");
  g_autofree char *schema = NULL;
  char *path = g_build_filename (dir, "pytrainer.ddbb", NULL);
  sqlite3 *db;

  g_file_load_contents (schema_file, NULL, &schema, NULL, NULL, &error);
  g_assert_no_error (error);

  db = open_rw (path);
  exec_ok (db, schema);

  insert (db, "INSERT INTO sports (id_sports, name, color, weight) VALUES (?1, ?2, ?3, ?4)",
          "i:1", "t:Run", "t:ffff00", "f:0", NULL);
  insert (db, "INSERT INTO sports (id_sports, name, color, weight) VALUES (?1, ?2, ?3, ?4)",
          "i:2", "t:Mountain Bike", "t:0000ff", "f:0", NULL);

  insert (db, INSERT_RECORD, "i:1", "i:1", "t:2016-07-24T09:58:23Z",
          "t:2016-07-24 12:58:23+0300", "t:2016-07-24", "f:10.5", "i:3000", "f:152.4", "f:85",
          "t:Morning run", "t:Felt good", NULL);
  /* A local time without a zone: the offset is the difference. */
  insert (db, INSERT_RECORD, "i:2", "i:2", "t:2016-07-25T16:00:00.000Z",
          "t:2016-07-25 18:00:00", "t:2016-07-25", "f:42", "i:5400", "n", "n", "n", "n", NULL);
  insert (db, INSERT_RECORD, "i:3", "i:1", "t:yesterday", "n", "t:2016-07-26", "f:5",
          "i:1500", "f:140", "n", "t:Lost", "n", NULL);
  /* Only a local time with a zone, numbers as text. */
  insert (db, INSERT_RECORD, "i:4", "i:1", "n", "t:2016-08-01 07:00:00+02:00", "t:2016-08-01",
          "t:5.0", "t:1800", "t:", "n", "t:   ", "n", NULL);

  /* Inserted out of order: lap_number decides. */
  insert (db, INSERT_LAP, "i:1", "i:1", "i:1", "t:1499.5", "f:5500", "i:156", NULL);
  insert (db, INSERT_LAP, "i:2", "i:1", "i:0", "t:1500.5", "f:5000", "i:148", NULL);

  insert (db, INSERT_EQUIPMENT, "i:1", "t:Pegasus 33", "i:800", "i:1", "i:50", "t:Blue", NULL);
  insert (db, INSERT_EQUIPMENT, "i:2", "t:Old bike", "i:10000", "i:0", "i:0", "n", NULL);
  insert (db, INSERT_EQUIPMENT, "i:3", "t:Retired shoes", "i:500", "i:0", "i:600", "n", NULL);
  insert (db, "INSERT INTO record_equipment (id, equipment_id, record_id) VALUES (?1, ?2, ?3)",
          "i:1", "i:1", "i:1", NULL);
  insert (db, "INSERT INTO record_equipment (id, equipment_id, record_id) VALUES (?1, ?2, ?3)",
          "i:2", "i:2", "i:2", NULL);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return path;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static gint64
find_activity (StrideStore *store,
               StrideSport  sport,
               gint64       start_utc)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!stride_store_find_activity_near (store, sport, start_utc, 0, &id, &error))
    id = 0;
  g_assert_no_error (error);

  return id;
}

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

static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_database (fixture->dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_auto(StrideImportResult) result = { 0, };
  g_autoptr(GArray) shoes = NULL;
  g_autoptr(GArray) laps = NULL;
  StrideActivity a = { 0, };
  const StrideLap *lap;
  gint64 pegasus = 0;

  g_assert_true (stride_pytrainer_is_sqlite (file, NULL));

  g_assert_true (stride_import_file (fixture->store, file, NULL, &result, &error));
  g_assert_no_error (error);
  g_test_message ("%s", result.message);
  g_assert_cmpint (result.status, ==, STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (result.n_activities, ==, 3);
  g_assert_cmpuint (result.n_duplicates, ==, 0);
  g_assert_cmpuint (result.n_skipped, ==, 1);
  g_assert_nonnull (strstr (result.message, "record 3: the date “yesterday” is not a date"));
  g_assert_nonnull (strstr (result.message, "2 shoes added"));
  g_assert_nonnull (strstr (result.message, "“Old bike”"));

  /* Equipment: the bike (used only for cycling) is left out. */
  shoes = stride_store_list_shoes (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 2);
  for (guint i = 0; i < shoes->len; i++)
    {
      const StrideShoe *shoe = &g_array_index (shoes, StrideShoe, i);

      if (g_str_equal (shoe->name, "Pegasus 33"))
        {
          pegasus = shoe->id;
          g_assert_cmpfloat (shoe->limit_km, ==, 800);
          g_assert_cmpuint (shoe->start_date, ==, julian (24, G_DATE_JULY, 2016));
          g_assert_cmpuint (shoe->retired_date, ==, 0);
          /* The one run linked to it. */
          g_assert_cmpfloat_with_epsilon (shoe->distance_m, 10500, 1e-6);
        }
      else
        {
          g_assert_cmpstr (shoe->name, ==, "Retired shoes");
          g_assert_cmpfloat (shoe->limit_km, ==, 500);
          g_assert_cmpuint (shoe->start_date, ==, 0);
          g_assert_cmpuint (shoe->retired_date, ==, stride_today_julian ());
        }
    }
  g_assert_cmpint (pegasus, >, 0);

  /* Record 1: a run with laps and a shoe. */
  g_assert_cmpint (result.activity_id, ==, find_activity (fixture->store, STRIDE_SPORT_RUN,
                                                          START_1));
  g_assert_true (stride_store_get_activity (fixture->store, result.activity_id, &a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a.sport, ==, STRIDE_SPORT_RUN);
  g_assert_cmpint (a.run_type, ==, STRIDE_RUN_TYPE_EASY);
  g_assert_cmpint (a.start_utc, ==, START_1);
  g_assert_cmpint (a.tz_offset_s, ==, 3 * 3600);
  g_assert_cmpfloat (a.duration_s, ==, 3000);
  g_assert_cmpfloat_with_epsilon (a.distance_m, 10500, 1e-6);
  g_assert_cmpfloat (a.elevation_gain_m, ==, 85);
  g_assert_cmpint (a.avg_hr, ==, 152);
  g_assert_cmpint (a.shoe_id, ==, pegasus);
  g_assert_cmpstr (a.title, ==, "Morning run");
  g_assert_cmpstr (a.notes, ==, "Felt good");
  g_assert_nonnull (a.source_hash);
  stride_activity_clear (&a);

  laps = stride_store_list_laps (fixture->store, result.activity_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (laps->len, ==, 2);
  lap = &g_array_index (laps, StrideLap, 0);
  g_assert_cmpint (lap->lap_index, ==, 0);
  g_assert_cmpfloat (lap->start_s, ==, 0);
  g_assert_cmpfloat (lap->duration_s, ==, 1500.5);
  g_assert_cmpfloat (lap->distance_m, ==, 5000);
  g_assert_cmpint (lap->avg_hr, ==, 148);
  lap = &g_array_index (laps, StrideLap, 1);
  g_assert_cmpint (lap->lap_index, ==, 1);
  g_assert_cmpfloat (lap->start_s, ==, 1500.5);
  g_assert_cmpfloat (lap->duration_s, ==, 1499.5);
  g_assert_cmpfloat (lap->distance_m, ==, 5500);
  g_assert_cmpint (lap->avg_hr, ==, 156);
  g_clear_pointer (&laps, g_array_unref);

  /* Record 2: "Mountain Bike" is cycling; no HR, title or notes. */
  g_assert_true (stride_store_get_activity (fixture->store,
                                            find_activity (fixture->store,
                                                           STRIDE_SPORT_CYCLING, START_2),
                                            &a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a.run_type, ==, STRIDE_RUN_TYPE_NONE);
  g_assert_cmpint (a.tz_offset_s, ==, 2 * 3600);
  g_assert_cmpfloat (a.duration_s, ==, 5400);
  g_assert_cmpfloat (a.distance_m, ==, 42000);
  g_assert_cmpint (a.avg_hr, ==, 0);
  g_assert_cmpint (a.shoe_id, ==, 0);
  g_assert_null (a.title);
  g_assert_null (a.notes);
  laps = stride_store_list_laps (fixture->store, a.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (laps->len, ==, 0);
  g_clear_pointer (&laps, g_array_unref);
  stride_activity_clear (&a);

  /* Record 4: only a local time; numbers written as text. */
  g_assert_true (stride_store_get_activity (fixture->store,
                                            find_activity (fixture->store, STRIDE_SPORT_RUN,
                                                           START_4),
                                            &a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a.tz_offset_s, ==, 2 * 3600);
  g_assert_cmpfloat (a.duration_s, ==, 1800);
  g_assert_cmpfloat (a.distance_m, ==, 5000);
  g_assert_cmpint (a.avg_hr, ==, 0);
  g_assert_cmpint (a.shoe_id, ==, 0);
  g_assert_null (a.title);
  stride_activity_clear (&a);

  /* pytrainer's file is as it was. */
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* The same file again. */
  stride_import_result_clear (&result);
  g_assert_true (stride_import_file (fixture->store, file, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.status, ==, STRIDE_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpuint (result.n_activities, ==, 0);
}

/* pytrainer went on: a new run in the same database. The old records are
 * duplicates by time, the shoes are not added twice. */
static void
test_grown_database (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_database (fixture->dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(StrideImportResult) result = { 0, };
  g_autoptr(GArray) shoes = NULL;
  StrideActivity a = { 0, };
  sqlite3 *db;

  g_assert_true (stride_import_file (fixture->store, file, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_activities, ==, 3);

  db = open_rw (path);
  insert (db, INSERT_RECORD, "i:5", "i:1", "t:2016-09-01T06:00:00Z",
          "t:2016-09-01 08:00:00+0200", "t:2016-09-01", "f:8", "i:2400", "f:150", "n",
          "t:Tempo", "n", NULL);
  insert (db, "INSERT INTO record_equipment (id, equipment_id, record_id) VALUES (?1, ?2, ?3)",
          "i:3", "i:1", "i:5", NULL);
  /* A broken lap: the record keeps no laps and says so. */
  insert (db, INSERT_LAP, "i:3", "i:5", "i:0", "t:soon", "f:1000", "i:150", NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  stride_import_result_clear (&result);
  g_assert_true (stride_import_file (fixture->store, file, NULL, &result, &error));
  g_assert_no_error (error);
  g_test_message ("%s", result.message);
  g_assert_cmpint (result.status, ==, STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (result.n_activities, ==, 1);
  g_assert_cmpuint (result.n_duplicates, ==, 3);
  g_assert_cmpuint (result.n_skipped, ==, 1);
  g_assert_nonnull (strstr (result.message, "record 5: its laps were left out"));
  g_assert_null (strstr (result.message, "shoes added"));

  shoes = stride_store_list_shoes (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 2);

  g_assert_true (stride_store_get_activity (fixture->store, result.activity_id, &a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a.start_utc, ==, START_5);
  g_assert_cmpint (a.shoe_id, >, 0);
  g_assert_cmpstr (a.title, ==, "Tempo");
  stride_activity_clear (&a);
}

/* The fresh database pytrainer makes: three sports, nothing else. */
static void
test_fresh_corpus (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = NULL;
  g_auto(StrideImportResult) result = { 0, };

  if (skip_without_corpus ())
    return;

  file = corpus_file ("pytrainer_fresh_v15.sqlite");
  path = g_file_get_path (file);
  before = read_bytes (path);

  g_assert_true (stride_import_file (fixture->store, file, NULL, &result, &error));
  g_assert_no_error (error);
  g_test_message ("%s", result.message);
  g_assert_cmpint (result.status, ==, STRIDE_IMPORT_STATUS_SKIPPED);
  g_assert_cmpuint (result.n_activities, ==, 0);
  g_assert_nonnull (strstr (result.message, "Nothing to import"));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
expect_error (StrideStore *store,
              const char  *path,
              const char  *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(StrideImportResult) result = { 0, };

  g_assert_false (stride_import_file (store, file, NULL, &result, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", path, error->message);
  g_assert_cmpint (result.status, ==, STRIDE_IMPORT_STATUS_ERROR);
  g_assert_cmpuint (result.n_activities, ==, 0);
  g_assert_nonnull (strstr (error->message, part));
  g_assert_cmpstr (result.message, ==, error->message);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.sqlite", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *truncated = g_build_filename (fixture->dir, "truncated.ddbb", NULL);
  g_autofree char *records_only = g_build_filename (fixture->dir, "records.sqlite", NULL);
  g_autoptr(GArray) shoes = NULL;
  char header[100] = "SQLite format 3";
  sqlite3 *db;

  g_file_set_contents (garbage, "this is not a database, only words\n", -1, &error);
  g_assert_no_error (error);
  expect_error (fixture->store, garbage, "not an SQLite database");

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  expect_error (fixture->store, empty, "not an SQLite database");

  /* Another application's database. */
  db = open_rw (other);
  exec_ok (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  expect_error (fixture->store, other, "not pytrainer’s");

  /* The header and then nothing usable. */
  memset (header + 16, 0xff, sizeof header - 16);
  g_file_set_contents (truncated, header, sizeof header, &error);
  g_assert_no_error (error);
  expect_error (fixture->store, truncated, "pytrainer database could not be");

  /* The tables are there but a column pytrainer always has is not. */
  db = open_rw (records_only);
  exec_ok (db, "CREATE TABLE records (id_record INTEGER PRIMARY KEY);"
               "CREATE TABLE laps (id_lap INTEGER PRIMARY KEY);"
               "CREATE TABLE sports (id_sports INTEGER PRIMARY KEY, name TEXT);"
               "CREATE TABLE equipment (id INTEGER PRIMARY KEY)");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  expect_error (fixture->store, records_only, "pytrainer database could not be read");

  /* Nothing was written by any of them. */
  shoes = stride_store_list_shoes (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 0);
  g_assert_cmpint (find_activity (fixture->store, STRIDE_SPORT_RUN, START_1), ==, 0);
}

/* Every record broken: an error that lists them, nothing written. */
static void
test_all_skipped (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_database (fixture->dir);
  g_autoptr(GArray) shoes = NULL;
  sqlite3 *db;

  db = open_rw (path);
  exec_ok (db, "UPDATE records SET duration = 0");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  expect_error (fixture->store, path, "record 1: the duration is zero or negative");

  shoes = stride_store_list_shoes (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  ADD ("/pytrainer/import", test_import);
  ADD ("/pytrainer/grown-database", test_grown_database);
  ADD ("/pytrainer/fresh-corpus", test_fresh_corpus);
  ADD ("/pytrainer/bad-files", test_bad_files);
  ADD ("/pytrainer/all-skipped", test_all_skipped);

#undef ADD

  return g_test_run ();
}
