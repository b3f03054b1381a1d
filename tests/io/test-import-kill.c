/* test-import-kill.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A process killed in the middle of an import must leave the journal
 * consistent, with every file either fully in or not in at all.
 *
 * A forked child imports a batch of corpus files (GPX, TCX and FIT, among
 * them a multisport FIT with several activities) into a journal, and is
 * killed with SIGKILL after a random delay within the time a whole import
 * takes (measured first, in the same run). After each kill the journal is
 * opened as the app opens it, PRAGMA integrity_check must say "ok", and for
 * each file the activities, track points and laps carrying its source hash
 * must be either none or exactly those of a clean import of that file
 * alone. Half of the rounds start from an empty journal, the others go on
 * with the journal the previous kill left behind (as a user importing the
 * same folder again would; unless it has every file already), so kills
 * land in every phase: creating the
 * journal, parsing, writing, committing, and skipping duplicates. The
 * first milliseconds, when the journal is created, get a second test that
 * kills at evenly spaced moments through them.
 *
 * The random seed is printed; STRIDE_KILL_SEED=N reproduces a run's choices
 * (the timing of a kill can never be reproduced exactly), and
 * STRIDE_KILL_COUNT=N changes the number of kills (at least 50 count for
 * the issue; rounds where the child finished first do not count). */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io-test-util.h"
#include "stride-import.h"
#include "stride-store-private.h"

#define DEFAULT_KILLS  60
#define DEFAULT_SEED   4242

/* The batch: several formats and sizes; the multisport FIT file holds
 * several activities, which must go in together. No two of them describe
 * the same activity (checked below: a clean import of the whole batch must
 * be the sum of the files imported alone). */
static const char * const batch[] = {
  "togeojson_blue_hills.gpx",
  "gpxpy_korita-zbevnica.gpx",
  "togeojson_tour_hr.tcx",
  "tcxgem_treadmill_1.tcx",
  "fitparse_garmin-edge-500-activity.fit",
  "fitparse_activity-small-fenix2-run.fit",
  "fitparse_activity-large-fenix2-multisport.fit",
};

typedef struct
{
  char   *hash;                      /* source_hash of its activities */
  gint64  n_activities;
  gint64  n_points;
  gint64  n_laps;
} Expected;

typedef struct
{
  char     *dir;                     /* temporary, removed afterwards */
  char     *batch_dir;               /* the batch files, copied */
  Expected  expected[G_N_ELEMENTS (batch)];
} Fixture;

/* --- The child ----------------------------------------------------------- */

/* Imports the batch and ends without any clean-up: the parent may kill it
 * at any moment, and this is what it would have done otherwise. */
static void G_GNUC_NORETURN
child_import (const char *journal,
              const char *batch_dir,
              gboolean    file_by_file)
{
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  store = stride_store_open (journal, &error);
  if (store == NULL)
    _exit (10);

  if (batch_dir == NULL)
    _exit (0);

  if (file_by_file)
    {
      for (guint i = 0; i < G_N_ELEMENTS (batch); i++)
        {
          g_autofree char *path = g_build_filename (batch_dir, batch[i], NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_auto(StrideImportResult) result = { 0, };

          if (!stride_import_file (store, file, NULL, &result, NULL))
            status = 11;
        }
    }
  else
    {
      g_autoptr(GFile) folder = g_file_new_for_path (batch_dir);

      if (!stride_import_path (store, folder, NULL, NULL, NULL, NULL))
        status = 12;
    }

  _exit (status);
}

/* Forks a child importing into @journal; returns its pid. */
static pid_t
start_child (const char *journal,
             const char *batch_dir,
             gboolean    file_by_file)
{
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    child_import (journal, batch_dir, file_by_file);

  return pid;
}

/* Waits up to @delay_us for the child to end by itself, then kills it.
 * Returns its wait status. */
static int
kill_after (pid_t  pid,
            gint64 delay_us)
{
  gint64 deadline = g_get_monotonic_time () + delay_us;
  int status = 0;

  /* Polling, so that a child that is done early does not cost the whole
   * delay. */
  while (g_get_monotonic_time () < deadline)
    {
      pid_t got = waitpid (pid, &status, WNOHANG);

      g_assert_cmpint (got, >=, 0);
      if (got == pid)
        return status;
      g_usleep (MIN (1000, MAX (0, deadline - g_get_monotonic_time ())));
    }

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  return status;
}

/* --- Looking at a journal ------------------------------------------------- */

static gint64
query_count (sqlite3    *db,
             const char *sql,
             const char *hash)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (hash != NULL)
    sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static void
count_file (sqlite3    *db,
            const char *hash,
            Expected   *out)
{
  out->n_activities = query_count (db, "SELECT count(*) FROM activity WHERE source_hash = ?1", hash);
  out->n_points = query_count (db, "SELECT count(*) FROM trackpoint WHERE activity_id IN "
                               "(SELECT id FROM activity WHERE source_hash = ?1)", hash);
  out->n_laps = query_count (db, "SELECT count(*) FROM lap WHERE activity_id IN "
                             "(SELECT id FROM activity WHERE source_hash = ?1)", hash);
}

static char *
integrity_check (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* --- Set-up ----------------------------------------------------------------- */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("stride-import-kill-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->batch_dir = g_build_filename (fixture->dir, "batch", NULL);
  g_assert_cmpint (g_mkdir (fixture->batch_dir, 0700), ==, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (batch); i++)
    g_free (fixture->expected[i].hash);
  remove_recursive (fixture->dir);
  g_free (fixture->batch_dir);
  g_free (fixture->dir);
}

/* Copies the batch next to the journals and imports each file alone into
 * an empty journal: what "fully in" means for it. */
static void
prepare_batch (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (batch); i++)
    {
      g_autoptr(GFile) source = corpus_file (batch[i]);
      g_autofree char *path = g_build_filename (fixture->batch_dir, batch[i], NULL);
      g_autoptr(GFile) copy = g_file_new_for_path (path);
      g_autofree char *journal = g_strdup_printf ("%s/alone-%u.db", fixture->dir, i);
      g_auto(StrideImportResult) result = { 0, };
      g_autoptr(StrideStore) store = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3 *db;

      g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);

      store = stride_store_open (journal, &error);
      g_assert_no_error (error);
      g_assert_true (stride_import_file (store, copy, NULL, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpint (result.status, ==, STRIDE_IMPORT_STATUS_IMPORTED);

      db = _stride_store_get_db (store);
      g_assert_cmpint (query_count (db, "SELECT count(DISTINCT source_hash) FROM activity", NULL), ==, 1);
      {
        sqlite3_stmt *stmt = NULL;

        g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT source_hash FROM activity LIMIT 1",
                                             -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        fixture->expected[i].hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        sqlite3_finalize (stmt);
      }
      count_file (db, fixture->expected[i].hash, &fixture->expected[i]);
      g_assert_cmpint (fixture->expected[i].n_activities, ==, result.n_activities);
      g_assert_cmpint (fixture->expected[i].n_points, >, 0);
      g_test_message ("%s alone: %" G_GINT64_FORMAT " activities, %" G_GINT64_FORMAT
                      " points, %" G_GINT64_FORMAT " laps", batch[i],
                      fixture->expected[i].n_activities, fixture->expected[i].n_points,
                      fixture->expected[i].n_laps);
    }
}

/* Checks @journal after a kill; returns how many files are fully in. Any
 * file partly in fails the test. */
static guint
check_journal (Fixture    *fixture,
               const char *journal,
               guint       round)
{
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  guint n_in = 0;
  sqlite3 *db;

  /* Killed before the child created it: nothing to check. */
  if (!g_file_test (journal, G_FILE_TEST_EXISTS))
    return 0;

  store = stride_store_open (journal, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (store == NULL)
    return 0;
  db = _stride_store_get_db (store);

  integrity = integrity_check (db);
  if (g_strcmp0 (integrity, "ok") != 0)
    g_test_message ("round %u: integrity_check: %s", round, integrity);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_count (db, "SELECT count(*) FROM pragma_foreign_key_check", NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (batch); i++)
    {
      const Expected *want = &fixture->expected[i];
      Expected got = { 0, };

      count_file (db, want->hash, &got);
      if (got.n_activities == 0 && got.n_points == 0 && got.n_laps == 0)
        continue;

      if (got.n_activities != want->n_activities || got.n_points != want->n_points
          || got.n_laps != want->n_laps)
        g_test_message ("round %u: %s is partly in: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                        " activities, %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " points, %"
                        G_GINT64_FORMAT "/%" G_GINT64_FORMAT " laps", round, batch[i],
                        got.n_activities, want->n_activities, got.n_points, want->n_points,
                        got.n_laps, want->n_laps);
      g_assert_cmpint (got.n_activities, ==, want->n_activities);
      g_assert_cmpint (got.n_points, ==, want->n_points);
      g_assert_cmpint (got.n_laps, ==, want->n_laps);
      n_in++;
    }

  /* Nothing but the batch's activities, and no points or laps of none. */
  {
    gint64 n_activities = 0;

    for (guint i = 0; i < G_N_ELEMENTS (batch); i++)
      {
        Expected got = { 0, };

        count_file (db, fixture->expected[i].hash, &got);
        n_activities += got.n_activities;
      }
    g_assert_cmpint (query_count (db, "SELECT count(*) FROM activity", NULL), ==, n_activities);
  }

  return n_in;
}

static void
remove_journal (const char *journal)
{
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (journal, suffixes[i], NULL);

      g_unlink (path);
    }
}

/* --- The test ------------------------------------------------------------ */

static gint64
env_int (const char *name,
         gint64      fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? g_ascii_strtoll (value, NULL, 10) : fallback;
}

/* The wall-clock time of a child like the ones that get killed, left to
 * finish: importing the batch into an empty journal, or with @batch_dir
 * NULL only creating the journal. */
static gint64
measure_child (Fixture    *fixture,
               const char *batch_dir,
               gboolean    file_by_file)
{
  g_autofree char *journal = g_build_filename (fixture->dir, "measure.db", NULL);
  gint64 started = g_get_monotonic_time ();
  gint64 elapsed;
  pid_t pid;
  int status = 0;

  remove_journal (journal);
  pid = start_child (journal, batch_dir, file_by_file);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  elapsed = g_get_monotonic_time () - started;
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* A clean import of the batch is the sum of its files imported alone. */
  if (batch_dir != NULL)
    g_assert_cmpuint (check_journal (fixture, journal, 0), ==, G_N_ELEMENTS (batch));
  remove_journal (journal);

  return elapsed;
}

static void
test_kill_import (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *journal = g_build_filename (fixture->dir, "journal.db", NULL);
  g_autoptr(GRand) rand = NULL;
  guint32 seed = (guint32) env_int ("STRIDE_KILL_SEED", DEFAULT_SEED);
  guint kills = (guint) env_int ("STRIDE_KILL_COUNT", DEFAULT_KILLS);
  guint round, n_in_before = 0, n_killed = 0, n_finished = 0, n_partial_batches = 0, n_empty = 0;
  gint64 duration_us;

  if (skip_without_corpus ())
    return;

  g_test_message ("seed %u (STRIDE_KILL_SEED=%u reproduces the choices), %u kills",
                  seed, seed, kills);
  rand = g_rand_new_with_seed (seed);

  prepare_batch (fixture);
  duration_us = MAX (measure_child (fixture, fixture->batch_dir, FALSE),
                     measure_child (fixture, fixture->batch_dir, TRUE));
  g_test_message ("a whole import of the batch takes %.3f s", duration_us / 1e6);

  /* Children that finish before their kill do not count: go on until
   * enough were killed (a bounded number of rounds, in case imports are
   * much faster than measured). */
  for (round = 1; n_killed < kills && round <= 4 * kills; round++)
    {
      gboolean fresh = g_rand_boolean (rand);
      gboolean file_by_file = g_rand_boolean (rand);
      gint64 delay_us = (gint64) g_rand_double_range (rand, 0, (double) duration_us);
      pid_t pid;
      int status = 0;
      guint n_in;

      /* A journal that has everything only tests finding duplicates. */
      fresh = fresh || round == 1 || n_in_before == G_N_ELEMENTS (batch);
      if (fresh)
        remove_journal (journal);

      pid = start_child (journal, fixture->batch_dir, file_by_file);
      status = kill_after (pid, delay_us);

      if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
        n_killed++;
      else
        {
          /* It finished first: then it must have finished well. */
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          n_finished++;
        }

      n_in = n_in_before = check_journal (fixture, journal, round);
      if (n_in == 0)
        n_empty++;
      else if (n_in < G_N_ELEMENTS (batch))
        n_partial_batches++;
      g_test_message ("round %u: %s journal, %s, killed after %.3f s: %s, %u of %u files in",
                      round, fresh ? "empty" : "previous",
                      file_by_file ? "stride_import_file" : "stride_import_path",
                      delay_us / 1e6,
                      WIFSIGNALED (status) ? "killed" : "had finished",
                      n_in, (guint) G_N_ELEMENTS (batch));
    }

  g_test_message ("%u rounds: %u killed, %u finished before the kill; journals left with "
                  "no file: %u, some files: %u, all files: %u", round - 1, n_killed, n_finished,
                  n_empty, n_partial_batches, round - 1 - n_empty - n_partial_batches);
  /* The delays must really land inside imports, and in different phases. */
  g_assert_cmpuint (n_killed, >=, kills);
  g_assert_cmpuint (n_partial_batches, >, 0);
}

/* The first milliseconds, when the child creates the journal (before WAL
 * is on, SQLite writes through a rollback journal), are too short for the
 * random kills to land in reliably: step through them instead. */
#define CREATE_STEPS 64

static void
test_kill_while_creating (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *journal = g_build_filename (fixture->dir, "journal.db", NULL);
  guint n_killed = 0, n_with_file = 0;
  gint64 create_us;

  if (skip_without_corpus ())
    return;

  prepare_batch (fixture);
  create_us = measure_child (fixture, NULL, FALSE);
  g_test_message ("creating an empty journal takes %.4f s", create_us / 1e6);

  for (guint step = 0; step < CREATE_STEPS; step++)
    {
      /* A little past the measured time: it varies from run to run. */
      gint64 delay_us = create_us * 3 / 2 * step / CREATE_STEPS;
      pid_t pid;
      int status = 0;

      remove_journal (journal);
      pid = start_child (journal, fixture->batch_dir, FALSE);
      status = kill_after (pid, delay_us);
      if (WIFSIGNALED (status))
        n_killed++;
      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        n_with_file++;

      check_journal (fixture, journal, step);
    }

  g_test_message ("%u kills in the first %.4f s, %u of them left a journal file",
                  n_killed, create_us * 1.5 / 1e6, n_with_file);
  g_assert_cmpuint (n_killed, >, CREATE_STEPS / 2);
  g_assert_cmpuint (n_with_file, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/import/kill/random-points", Fixture, NULL,
              fixture_setup, test_kill_import, fixture_teardown);
  g_test_add ("/import/kill/while-creating", Fixture, NULL,
              fixture_setup, test_kill_while_creating, fixture_teardown);

  return g_test_run ();
}
