/* io-test-util.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "stride-import.h"
#include "stride-store.h"

G_BEGIN_DECLS

/* Removes @path and, if it is a folder, everything in it. */
static inline void
remove_recursive (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_recursive (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* A journal in a fresh temporary folder, removed with everything in it
 * afterwards: the importers' tests start from an empty store. */
typedef struct
{
  char        *dir;
  StrideStore *store;
} StoreFixture;

static inline void
store_fixture_setup (StoreFixture  *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("stride-io-XXXXXX", &error);
  g_assert_no_error (error);

  db = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->store = stride_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static inline void
store_fixture_teardown (StoreFixture  *fixture,
                        gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  remove_recursive (fixture->dir);
  g_free (fixture->dir);
}

/* The test corpus of real GPX/TCX files is in $STRIDE_CORPUS_DIR. */
static inline gboolean
skip_without_corpus (void)
{
  if (g_getenv ("STRIDE_CORPUS_DIR") != NULL)
    return FALSE;

  g_test_skip ("STRIDE_CORPUS_DIR is not set");
  return TRUE;
}

static inline GFile *
corpus_file (const char *name)
{
  const char *dir = g_getenv ("STRIDE_CORPUS_DIR");

  if (dir == NULL)
    return NULL;

  return g_file_new_build_filename (dir, name, NULL);
}

/* The names of the corpus files in @format, in directory order; NULL
 * (after a failed assertion) if the corpus cannot be read. */
static inline GPtrArray *
corpus_names (StrideImportFormat format)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *names;
  const char *name;

  dir = g_dir_open (g_getenv ("STRIDE_CORPUS_DIR"), 0, &error);
  g_assert_no_error (error);
  if (dir == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (stride_import_detect_format (name, NULL) == format)
        g_ptr_array_add (names, g_strdup (name));
    }

  return names;
}

static inline gint64
iso_to_unix (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static inline gint64
count (StrideStore *store,
       const char  *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = stride_store_count_rows (store, table, &error);

  g_assert_no_error (error);
  return n;
}

/* What any activity read from the corpus must be: in 2000..2030, under
 * 100 m/s, moving within elapsed, a human heart rate. */
static inline void
assert_plausible_activity (const StrideActivity *a)
{
  g_assert_cmpint (a->start_utc, >, 946684800);
  g_assert_cmpint (a->start_utc, <, 1893456000);
  g_assert_cmpfloat (a->duration_s, >, 0);
  g_assert_cmpfloat (a->duration_s, <, 2 * 24 * 3600);
  g_assert_cmpfloat (a->moving_s, >=, 0);
  g_assert_cmpfloat (a->moving_s, <=, a->duration_s + 1e-6);
  g_assert_cmpfloat (a->distance_m, >=, 0);
  g_assert_cmpfloat (a->distance_m / a->duration_s, <, 100);
  g_assert_cmpint (a->avg_hr, >=, 0);
  g_assert_cmpint (a->avg_hr, <=, 250);
}

G_END_DECLS
