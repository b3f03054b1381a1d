/* store-test-util.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "stride-store.h"
#include "stride-store-private.h"

G_BEGIN_DECLS

/* A temporary folder for one test, removed with everything in it. */
typedef struct
{
  char *dir;
} TestDir;

static inline void
test_dir_remove_recursive (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            test_dir_remove_recursive (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }

  g_rmdir (path);
}

static inline void
test_dir_setup (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("stride-store-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->dir);
}

static inline void
test_dir_teardown (TestDir       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->dir != NULL)
    test_dir_remove_recursive (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static inline char *
test_dir_path (TestDir    *fixture,
               const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* A new journal, "journal.db" in the test's folder. */
static inline StrideStore *
test_open_store (TestDir *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  StrideStore *store = stride_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static inline guint32
test_julian (int year,
             int month,
             int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_get_julian (&date);
}

/* A plain run; strings are borrowed from static storage, so don't clear. */
static inline StrideActivity
test_run (gint64 start_utc)
{
  StrideActivity a = { 0 };

  a.sport = STRIDE_SPORT_RUN;
  a.start_utc = start_utc;
  a.tz_offset_s = 3600;
  a.duration_s = 1800;
  a.distance_m = 5000;
  a.elevation_gain_m = 40;
  a.avg_hr = 150;
  a.rpe = 5;
  a.run_type = STRIDE_RUN_TYPE_EASY;

  return a;
}

static inline gint64
test_exercise_id (StrideStore *store,
                  const char  *key)
{
  g_autoptr(GError) error = NULL;
  StrideExercise exercise = { 0 };
  gint64 id;

  stride_store_find_exercise (store, key, &exercise, &error);
  g_assert_no_error (error);
  id = exercise.id;
  stride_exercise_clear (&exercise);

  return id;
}

static inline gint64
test_count (StrideStore *store,
            const char  *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = stride_store_count_rows (store, table, &error);

  g_assert_no_error (error);

  return n;
}

/* Runs one query on a raw connection and returns its first column as
 * text (NULL when there is no row). */
static inline char *
test_raw_query (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

/* Asserts that @sql on a raw connection to @path gives @expected; a macro,
 * so that a failure names the line of the test. */
#define test_assert_query(path, sql, expected) \
  G_STMT_START \
    { \
      g_autofree char *query_result = test_raw_query ((path), (sql)); \
      g_assert_cmpstr (query_result, ==, (expected)); \
    } \
  G_STMT_END

static inline void
test_raw_exec (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static inline GBytes *
test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

G_END_DECLS
