/* test-store-concurrency.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-concurrency"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-test-util.h"

#define N_CHILDREN   2
#define N_ACTIVITIES 300

/* Runs in a child after fork(): opens its own connection, writes
 * N_ACTIVITIES activities (each its own transaction, with a few track
 * points and a strength set) while the other child does the same. */
static int
child_main (const char *path,
            guint       child)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  StrideTrackpoint points[20];
  StrideExercise squat = { 0 };

  store = stride_store_open (path, &error);
  if (store == NULL)
    {
      fprintf (stderr, "child %u: open: %s\n", child, error->message);
      return 1;
    }

  if (!stride_store_find_exercise (store, "back-squat", &squat, &error))
    {
      fprintf (stderr, "child %u: exercise: %s\n", child, error->message);
      return 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = (StrideTrackpoint) { 0, i, 50, 5, 1, i * 3.0, 120, 80 };

  for (guint i = 0; i < N_ACTIVITIES; i++)
    {
      StrideActivity a = test_run (1700000000 + child * 10000000 + i * 600);
      StrideStrengthSet set = { 0, 0, squat.id, STRIDE_SIDE_BOTH, 5, 80, 7, 0 };
      g_autofree char *hash = g_strdup_printf ("child-%u-%u", child, i);

      a.source_hash = hash;
      if (!stride_store_add_activity (store, &a, &set, 1, points, G_N_ELEMENTS (points),
                                      NULL, 0, &error))
        {
          fprintf (stderr, "child %u: activity %u: %s\n", child, i, error->message);
          stride_exercise_clear (&squat);
          return 1;
        }

      /* Readers interleave with writers. */
      if (i % 50 == 0 && stride_store_count_rows (store, "activity", &error) < 0)
        {
          fprintf (stderr, "child %u: count: %s\n", child, error->message);
          stride_exercise_clear (&squat);
          return 1;
        }
    }

  stride_exercise_clear (&squat);

  return 0;
}

static void
run_children (const char *path)
{
  pid_t pids[N_CHILDREN];

  for (guint c = 0; c < N_CHILDREN; c++)
    {
      pids[c] = fork ();
      g_assert_cmpint (pids[c], >=, 0);
      if (pids[c] == 0)
        _exit (child_main (path, c));
    }

  for (guint c = 0; c < N_CHILDREN; c++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[c], &status, 0), ==, pids[c]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
}

static void
check_result (const char *path,
              guint       n_before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autofree char *distinct = NULL;
  g_autofree char *dangling = NULL;

  const guint n_expected = N_CHILDREN * N_ACTIVITIES;

  store = stride_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "activity"), ==, n_before + n_expected);
  g_assert_cmpint (test_count (store, "strength_set"), ==, n_expected);
  g_assert_cmpint (test_count (store, "trackpoint"), ==, n_expected * 20);
  /* The library was dangling once, not by both children. */
  g_assert_cmpint (test_count (store, "exercise"), ==, _stride_exercise_library_get_size ());

  test_assert_query (path, "PRAGMA integrity_check", "ok");
  distinct = test_raw_query (path, "SELECT COUNT(DISTINCT source_hash) FROM activity");
  g_assert_cmpint (atoi (distinct), ==, n_expected);
  dangling = test_raw_query (path, "PRAGMA foreign_key_check");
  g_assert_null (dangling);
}

static void
test_two_writers_new_file (TestDir       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = test_dir_path (fixture, "journal.db");

  /* Both children race to create the journal too. */
  run_children (path);
  check_result (path, 0);
}

static void
test_two_writers_existing_file (TestDir       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  StrideActivity a = test_run (1600000000);

  store = stride_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  g_clear_object (&store);

  run_children (path);
  check_result (path, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/store/concurrency/two-writers-new-file", TestDir, NULL,
              test_dir_setup, test_two_writers_new_file, test_dir_teardown);
  g_test_add ("/store/concurrency/two-writers-existing-file", TestDir, NULL,
              test_dir_setup, test_two_writers_existing_file, test_dir_teardown);

  return g_test_run ();
}
