/* test-store-files.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-files"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "store-test-util.h"

/* Opening existing files: migrations with backups, newer versions,
 * files that are not journals. */

static gboolean
migrate_v3_cb (sqlite3  *db,
               GError  **error)
{
  if (sqlite3_exec (db, "UPDATE activity SET weather = 'sunny'", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_IO, "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
failing_step_cb (sqlite3  *db,
                 GError  **error)
{
  g_set_error_literal (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_IO, "simulated failure");
  return FALSE;
}

static StrideMigration *
make_migrations (const StrideMigration *extra,
                 guint                  n_extra,
                 guint                 *n_out)
{
  guint n_base;
  const StrideMigration *base = _stride_store_get_migrations (&n_base);
  StrideMigration *all = g_new0 (StrideMigration, n_base + n_extra);

  memcpy (all, base, n_base * sizeof *base);
  memcpy (all + n_base, extra, n_extra * sizeof *extra);
  *n_out = n_base + n_extra;

  return all;
}

static void
fill_journal (StrideStore *store,
              guint        n_activities)
{
  g_autoptr(GError) error = NULL;
  StrideTrackpoint points[50];

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = (StrideTrackpoint) { 0, i, 50, 5, 1, i * 3.0, 120, 80 };

  for (guint i = 0; i < n_activities; i++)
    {
      StrideActivity a = test_run (1700000000 + i * 86400);

      g_assert_true (stride_store_add_activity (store, &a, NULL, 0, points, G_N_ELEMENTS (points),
                                                NULL, 0, &error));
      g_assert_no_error (error);
    }
}

static char *
create_journal (TestDir *fixture,
                guint    n_activities)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  char *path = test_dir_path (fixture, "journal.db");

  store = stride_store_open (path, &error);
  g_assert_no_error (error);
  fill_journal (store, n_activities);

  return path;
}

static void
test_migration_backup (TestDir       *fixture,
                       gconstpointer  user_data)
{
  static const StrideMigration extra[] = {
    { 2, "ALTER TABLE activity ADD COLUMN weather TEXT;", NULL },
    { 3, NULL, migrate_v3_cb },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autofree char *path = create_journal (fixture, 3);
  g_autofree char *backup1 = g_strconcat (path, ".bak-v1", NULL);
  g_autofree char *backup2 = g_strconcat (path, ".bak-v2", NULL);
  g_autofree StrideMigration *steps = NULL;
  guint n_steps;
  GStatBuf st;

  /* v1 → v2 */
  steps = make_migrations (extra, 1, &n_steps);
  store = _stride_store_open_with_migrations (path, steps, n_steps, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (stride_store_get_schema_version (store), ==, 2);
  g_assert_false (stride_store_is_read_only (store));
  g_assert_cmpint (test_count (store, "activity"), ==, 3);
  g_clear_object (&store);

  test_assert_query (path, "PRAGMA user_version", "2");

  /* The backup holds the old version, whole, and is private. */
  g_assert_true (g_file_test (backup1, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (backup1, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  test_assert_query (backup1, "PRAGMA user_version", "1");
  test_assert_query (backup1, "SELECT COUNT(*) FROM pragma_table_info ('activity')"
                              " WHERE name = 'weather'", "0");
  test_assert_query (backup1, "SELECT COUNT(*) FROM trackpoint", "150");
  test_assert_query (backup1, "PRAGMA integrity_check", "ok");
  g_assert_false (g_file_test (backup2, G_FILE_TEST_EXISTS));

  /* Opening at the same version again does nothing. */
  store = _stride_store_open_with_migrations (path, steps, n_steps, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup2, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  /* v2 → v3 with a C step. */
  g_clear_pointer (&steps, g_free);
  steps = make_migrations (extra, 2, &n_steps);
  store = _stride_store_open_with_migrations (path, steps, n_steps, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stride_store_get_schema_version (store), ==, 3);
  g_clear_object (&store);

  test_assert_query (path, "SELECT group_concat (DISTINCT weather) FROM activity", "sunny");
  test_assert_query (backup2, "PRAGMA user_version", "2");

  /* A v1 build now sees a newer journal. */
  store = stride_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (stride_store_is_read_only (store));
  g_assert_cmpint (stride_store_get_schema_version (store), ==, 3);
}

static void
test_migration_new_file (TestDir       *fixture,
                         gconstpointer  user_data)
{
  static const StrideMigration extra[] = {
    { 2, "CREATE TABLE extra (id INTEGER PRIMARY KEY);", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autofree char *path = test_dir_path (fixture, "new.db");
  g_autofree char *backup0 = g_strconcat (path, ".bak-v0", NULL);
  g_autofree StrideMigration *steps = NULL;
  guint n_steps;

  steps = make_migrations (extra, 1, &n_steps);
  store = _stride_store_open_with_migrations (path, steps, n_steps, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stride_store_get_schema_version (store), ==, 2);
  g_assert_cmpint (test_count (store, "exercise"), >=, 40);
  /* A new journal has nothing to back up. */
  g_assert_false (g_file_test (backup0, G_FILE_TEST_EXISTS));
}

static void
check_failed_migration (TestDir               *fixture,
                        const StrideMigration *extra,
                        guint                  n_extra)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autofree char *path = create_journal (fixture, 4);
  g_autofree char *backup1 = g_strconcat (path, ".bak-v1", NULL);
  g_autofree StrideMigration *steps = NULL;
  guint n_steps;

  test_raw_exec (path, "INSERT INTO setting (key, value) VALUES ('units', 'metric')");

  steps = make_migrations (extra, n_extra, &n_steps);
  store = _stride_store_open_with_migrations (path, steps, n_steps, &error);
  g_assert_null (store);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_MIGRATION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "bak-v1"));
  g_clear_error (&error);

  /* Left at the old version with its data; the backup stays. */
  test_assert_query (path, "PRAGMA user_version", "1");
  test_assert_query (path, "SELECT COUNT(*) FROM pragma_table_info ('activity')"
                           " WHERE name = 'weather'", "0");
  test_assert_query (path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'", "0");
  test_assert_query (path, "SELECT value FROM setting WHERE key = 'units'", "metric");
  g_assert_true (g_file_test (backup1, G_FILE_TEST_IS_REGULAR));
  test_assert_query (backup1, "PRAGMA user_version", "1");

  /* This build still opens it. */
  store = stride_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (stride_store_is_read_only (store));
  g_assert_cmpint (test_count (store, "activity"), ==, 4);
  g_assert_cmpint (test_count (store, "trackpoint"), ==, 200);
  g_assert_cmpint (stride_store_get_schema_version (store), ==, 1);
}

static void
test_migration_failure_sql (TestDir       *fixture,
                            gconstpointer  user_data)
{
  static const StrideMigration extra[] = {
    { 2, "ALTER TABLE activity ADD COLUMN weather TEXT; CREATE TABLE extra (id INTEGER);", NULL },
    { 3, "UPDATE no_such_table SET x = 1;", NULL },
  };

  check_failed_migration (fixture, extra, G_N_ELEMENTS (extra));
}

static void
test_migration_failure_func (TestDir       *fixture,
                             gconstpointer  user_data)
{
  static const StrideMigration extra[] = {
    { 2, "ALTER TABLE activity ADD COLUMN weather TEXT; CREATE TABLE extra (id INTEGER);", NULL },
    { 3, NULL, failing_step_cb },
  };

  check_failed_migration (fixture, extra, G_N_ELEMENTS (extra));
}

static void
test_migration_failure_foreign_key (TestDir       *fixture,
                                    gconstpointer  user_data)
{
  /* A step that leaves a dangling link is refused before commit. */
  static const StrideMigration extra[] = {
    { 2, "ALTER TABLE activity ADD COLUMN weather TEXT; CREATE TABLE extra (id INTEGER);"
         "DELETE FROM activity WHERE id = 1;", NULL },
  };

  check_failed_migration (fixture, extra, G_N_ELEMENTS (extra));
}

static void
test_newer_version (TestDir       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = create_journal (fixture, 2);
  g_autofree char *backup = g_strconcat (path, ".bak-v99", NULL);
  StrideActivity a = test_run (1800000000);
  StridePainEntry pain = { 0, test_julian (2026, 1,
                                           1), (char *) "knee", STRIDE_SIDE_BOTH, 2, NULL };
  StrideChecklistAnswer answer = { (char *) "2026-W01", (char *) "sleep", (char *) "ok", NULL };
  const char *reason;

  test_raw_exec (path, "PRAGMA user_version = 99");
  before = test_read_file (path);

  store = stride_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (stride_store_is_read_only (store));
  g_assert_cmpint (stride_store_get_schema_version (store), ==, 99);
  reason = stride_store_get_read_only_reason (store);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "newer version"));
  g_assert_nonnull (strstr (reason, "99"));

  /* Reads work. */
  g_assert_cmpint (test_count (store, "activity"), ==, 2);
  g_assert_true (stride_store_find_activity_near (store, STRIDE_SPORT_RUN, 1700000000, 0, NULL, &error));
  g_assert_no_error (error);

  /* Every write fails. */
  g_assert_false (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, reason);
  g_clear_error (&error);
  g_assert_false (stride_store_add_pain_entry (store, &pain, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (stride_store_set_checklist_answer (store, &answer, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (stride_store_set_setting (store, "units", "metric", &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (stride_store_delete_activity (store, 1, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (stride_store_begin (store, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_clear_object (&store);

  after = test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  test_assert_query (path, "PRAGMA user_version", "99");
}

static void
expect_not_a_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GBytes) before = test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *backup = g_strconcat (path, ".bak-v1", NULL);

  store = stride_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_A_DATABASE);
  if (error != NULL)
    {
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, basename));
    }

  after = test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_corrupt_random (TestDir       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "random.db");
  g_autofree guint8 *bytes = g_malloc (8192);

  for (guint i = 0; i < 8192; i++)
    bytes[i] = (guint8) g_test_rand_int_range (0, 256);
  g_file_set_contents (path, (const char *) bytes, 8192, &error);
  g_assert_no_error (error);
  expect_not_a_database (path);

  /* Short files and plain text too. */
  g_file_set_contents (path, "SQLite", -1, &error);
  expect_not_a_database (path);
  g_file_set_contents (path, "date,distance\n2026-01-01,5000\n", -1, &error);
  expect_not_a_database (path);
}

static void
test_corrupt_truncated (TestDir       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = create_journal (fixture, 40);
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 16384);

  /* At a page boundary... */
  g_file_set_contents (path, contents, (length / 2) & ~(gsize) 4095, &error);
  g_assert_no_error (error);
  expect_not_a_database (path);

  /* ...and in the middle of a page. */
  g_file_set_contents (path, contents, length / 2 + 100, &error);
  g_assert_no_error (error);
  expect_not_a_database (path);
}

static void
test_corrupt_pages (TestDir       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = create_journal (fixture, 40);
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* A valid header over scrambled pages. */
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) g_test_rand_int_range (0, 256);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  expect_not_a_database (path);

  /* A scrambled schema page. */
  g_clear_pointer (&contents, g_free);
  g_unlink (path);
  g_free (create_journal (fixture, 5));
  g_file_get_contents (path, &contents, &length, &error);
  for (gsize i = 100; i < 4096; i++)
    contents[i] = (char) g_test_rand_int_range (0, 256);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  expect_not_a_database (path);
}

static void
test_not_a_file (TestDir       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;

  store = stride_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_empty_file (TestDir       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autofree char *path = test_dir_path (fixture, "empty.db");

  /* An empty file (e.g. made by mktemp) becomes a new journal. */
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  store = stride_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (test_count (store, "exercise"), >=, 40);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/store/migration/backup", test_migration_backup);
  ADD ("/store/migration/new-file", test_migration_new_file);
  ADD ("/store/migration/failure-sql", test_migration_failure_sql);
  ADD ("/store/migration/failure-func", test_migration_failure_func);
  ADD ("/store/migration/failure-foreign-key", test_migration_failure_foreign_key);
  ADD ("/store/open/newer-version", test_newer_version);
  ADD ("/store/open/corrupt-random", test_corrupt_random);
  ADD ("/store/open/corrupt-truncated", test_corrupt_truncated);
  ADD ("/store/open/corrupt-pages", test_corrupt_pages);
  ADD ("/store/open/not-a-file", test_not_a_file);
  ADD ("/store/open/empty-file", test_empty_file);

#undef ADD

  return g_test_run ();
}
