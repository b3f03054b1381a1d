/* test-import.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "io-test-util.h"
#include "stride-import.h"
#include "stride-store-private.h"

typedef StoreFixture Fixture;


static StrideImportStatus
import_corpus_file (Fixture            *fixture,
                    const char         *name,
                    StrideImportResult *result)
{
  g_autoptr(GFile) file = corpus_file (name);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = stride_import_file (fixture->store, file, NULL, result, &error);
  g_assert_true (ok == (error == NULL));
  g_assert_true (ok == (result->status != STRIDE_IMPORT_STATUS_ERROR));
  g_assert_nonnull (result->message);

  return result->status;
}

static void
test_import_once (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_auto(StrideImportResult) result = { 0, };
  StrideActivity activity = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) laps = NULL;

  if (skip_without_corpus ())
    return;

  g_assert_cmpint (import_corpus_file (fixture, "tcxparser_test.tcx", &result), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (result.n_activities, ==, 1);
  g_assert_cmpint (result.activity_id, >, 0);
  g_assert_cmpint (count (fixture->store, "activity"), ==, 1);
  g_assert_cmpint (count (fixture->store, "trackpoint"), ==, 384);
  g_assert_cmpint (count (fixture->store, "lap"), ==, 3);

  /* What was written reads back. */
  stride_store_get_activity (fixture->store, result.activity_id, &activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (activity.sport, ==, STRIDE_SPORT_RUN);
  g_assert_cmpint (activity.start_utc, ==, 1356557393);
  g_assert_cmpfloat_with_epsilon (activity.distance_m, 4689.243, 0.01);
  g_assert_cmpint (activity.avg_hr, ==, 157);
  /* sha256sum tcxparser_test.tcx */
  g_assert_cmpstr (activity.source_hash, ==,
                   "75ef1eb3aad7a906471f17a1f5cf9c34af151b00f368625fae3921139dd48071");
  stride_activity_clear (&activity);

  points = stride_store_list_trackpoints (fixture->store, result.activity_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 384);
  laps = stride_store_list_laps (fixture->store, result.activity_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (laps->len, ==, 3);
}

static void
test_same_file_twice (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(StrideImportResult) first = { 0, };
  g_auto(StrideImportResult) second = { 0, };

  if (skip_without_corpus ())
    return;

  g_assert_cmpint (import_corpus_file (fixture, "tcxparser_test.tcx", &first), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpint (import_corpus_file (fixture, "tcxparser_test.tcx", &second), ==,
                   STRIDE_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpint (second.activity_id, ==, first.activity_id);
  g_assert_cmpuint (second.n_activities, ==, 0);
  g_assert_nonnull (strstr (second.message, "same file"));
  g_assert_cmpint (count (fixture->store, "activity"), ==, 1);
  g_assert_cmpint (count (fixture->store, "trackpoint"), ==, 384);
}

static void
test_gzip_twin (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(StrideImportResult) plain = { 0, };
  g_auto(StrideImportResult) gz = { 0, };
  g_auto(StrideImportResult) tcx_gz = { 0, };
  g_auto(StrideImportResult) tcx = { 0, };

  if (skip_without_corpus ())
    return;

  /* Different bytes, same run: found by sport and start time. */
  g_assert_cmpint (import_corpus_file (fixture, "togeojson_Friday-Evening-Run.gpx", &plain), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpint (import_corpus_file (fixture, "togeojson_Friday-Evening-Run.gpx.gz", &gz), ==,
                   STRIDE_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpint (gz.activity_id, ==, plain.activity_id);
  g_assert_nonnull (strstr (gz.message, "within 60 s"));

  /* The other way round. */
  g_assert_cmpint (import_corpus_file (fixture, "tcxparser_test.tcx.gz", &tcx_gz), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpint (import_corpus_file (fixture, "tcxparser_test.tcx", &tcx), ==,
                   STRIDE_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpint (count (fixture->store, "activity"), ==, 2);
}

static void
test_errors_and_skips (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const struct {
    const char         *file;
    StrideImportStatus  status;
    const char         *message;
  } cases[] = {
    { "togeojson_bad.gpx", STRIDE_IMPORT_STATUS_ERROR, "invalid coordinates" },
    { "gpxpy_track-with-extremes.gpx", STRIDE_IMPORT_STATUS_ERROR, "No timestamps" },
    { "gpxpy_route.gpx", STRIDE_IMPORT_STATUS_SKIPPED, "only 1 route and 0 waypoints" },
    { "togeojson_wpt.gpx", STRIDE_IMPORT_STATUS_SKIPPED, "40 waypoints" },
    { "togeojson_tcx-courses.tcx", STRIDE_IMPORT_STATUS_SKIPPED, "course" },
    { "fitparse_activity-filecrc_badcrc.fit", STRIDE_IMPORT_STATUS_ERROR, "Wrong file CRC" },
    { "fitparse_MonitoringFile.fit", STRIDE_IMPORT_STATUS_SKIPPED, "a monitoring file" },
    { "PROVENANCE.md", STRIDE_IMPORT_STATUS_ERROR, "Unsupported file type" },
    { "no-such-file.gpx", STRIDE_IMPORT_STATUS_ERROR, "No such file" },
    /* The Fitbit file with a duplicated lap imports. */
    { "togeojson_bad.tcx", STRIDE_IMPORT_STATUS_IMPORTED, "1 duplicated lap left out" },
  };

  if (skip_without_corpus ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(StrideImportResult) result = { 0, };

      g_test_message ("%s", cases[i].file);
      g_assert_cmpint (import_corpus_file (fixture, cases[i].file, &result), ==, cases[i].status);
      g_assert_nonnull (strstr (result.message, cases[i].message));
      if (cases[i].status != STRIDE_IMPORT_STATUS_IMPORTED)
        {
          g_assert_cmpuint (result.n_activities, ==, 0);
          g_assert_cmpint (result.activity_id, ==, 0);
        }
    }

  g_assert_cmpint (count (fixture->store, "activity"), ==, 1);
}

static void
test_all_or_nothing (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_auto(StrideImportResult) result = { 0, };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch_path = NULL;
  g_autoptr(StrideStore) scratch = NULL;
  gint64 pages_before;
  gint64 pages_after;
  gint64 activities;
  gint64 points;
  gint64 laps;

  if (skip_without_corpus ())
    return;

  /* How much room the two activities of this file take (the first has
   * 1254 of the 2717 points). */
  file = corpus_file ("tcxgem_multiple_running_activities.tcx");
  scratch_path = g_build_filename (fixture->dir, "scratch.db", NULL);
  scratch = stride_store_open (scratch_path, &error);
  g_assert_no_error (error);
  pages_before = _stride_store_get_page_count (scratch);
  stride_import_file (scratch, file, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_activities, ==, 2);
  pages_after = _stride_store_get_page_count (scratch);
  g_assert_cmpint (pages_after, >, pages_before + 4);

  /* Something already there must stay. */
  g_assert_cmpint (import_corpus_file (fixture, "togeojson_run_gpxtpx.gpx", &result), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  activities = count (fixture->store, "activity");
  points = count (fixture->store, "trackpoint");
  laps = count (fixture->store, "lap");

  /* Room for the first activity, not the second: the disk "fills up"
   * in the middle of the file. */
  _stride_store_set_max_page_count (fixture->store,
                                    _stride_store_get_page_count (fixture->store)
                                    + (pages_after - pages_before) * 3 / 4,
                                    &error);
  g_assert_no_error (error);

  g_assert_false (stride_import_file (fixture->store, file, NULL, &result, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpint (result.status, ==, STRIDE_IMPORT_STATUS_ERROR);
  g_assert_cmpuint (result.n_activities, ==, 0);
  g_assert_cmpint (result.activity_id, ==, 0);

  g_assert_cmpint (count (fixture->store, "activity"), ==, activities);
  g_assert_cmpint (count (fixture->store, "trackpoint"), ==, points);
  g_assert_cmpint (count (fixture->store, "lap"), ==, laps);

  /* And the store is still usable. */
  _stride_store_set_max_page_count (fixture->store, G_MAXINT32, &error);
  g_assert_no_error (error);
  g_assert_true (stride_import_file (fixture->store, file, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_activities, ==, 2);
  g_assert_cmpint (count (fixture->store, "trackpoint"), ==, points + 2717);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(StrideImportResult) result = { 0, };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_corpus ())
    return;

  file = corpus_file ("tcxgem_multiple_running_activities.tcx");
  g_cancellable_cancel (cancellable);

  g_assert_false (stride_import_file (fixture->store, file, cancellable, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (result.status, ==, STRIDE_IMPORT_STATUS_ERROR);
  g_assert_cmpint (count (fixture->store, "activity"), ==, 0);
}

typedef struct
{
  GPtrArray *names;                  /* "relative/path status" */
  GFile     *root;
  guint      n_activities;
  guint      counts[4];
} Collected;

static void
collect_cb (GFile                    *file,
            const StrideImportResult *result,
            gpointer                  user_data)
{
  Collected *collected = user_data;
  g_autofree char *relative = g_file_get_relative_path (collected->root, file);

  g_assert_nonnull (result->message);
  g_test_message ("%s: %s: %s", relative, stride_import_status_to_string (result->status),
                  result->message);
  g_ptr_array_add (collected->names,
                   g_strdup_printf ("%s %s", relative != NULL ? relative : "(root)",
                                    stride_import_status_to_string (result->status)));
  collected->n_activities += result->n_activities;
  collected->counts[result->status]++;
}

static void
copy_corpus_file (const char *name,
                  const char *dir,
                  const char *as)
{
  g_autoptr(GFile) source = corpus_file (name);
  g_autoptr(GFile) target = g_file_new_build_filename (dir, as, NULL);
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autoptr(GError) error = NULL;

  g_file_make_directory_with_parents (parent, NULL, NULL);
  g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char *const expected[] = {
    "FRIDAY.GPX.GZ imported",
    "b/notes.txt skipped",
    "b/sub/route.gpx skipped",
    "b/sub/run.gpx imported",
    "b/sub/z-broken.tcx error",
    "c.tcx imported",
    "d.tcx duplicate",
    "e.gpx duplicate",
  };
  g_autofree char *root_path = g_build_filename (fixture->dir, "inbox", NULL);
  g_autofree char *broken = g_build_filename (root_path, "b", "sub", "z-broken.tcx", NULL);
  g_autofree char *hidden = g_build_filename (root_path, ".hidden.gpx", NULL);
  g_autofree char *note = g_build_filename (root_path, "b", "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  Collected collected = { 0, };

  if (skip_without_corpus ())
    return;

  copy_corpus_file ("togeojson_Friday-Evening-Run.gpx.gz", root_path, "FRIDAY.GPX.GZ");
  copy_corpus_file ("gpxpy_route.gpx", root_path, "b/sub/route.gpx");
  copy_corpus_file ("togeojson_run_gpxtpx.gpx", root_path, "b/sub/run.gpx");
  copy_corpus_file ("tcxparser_test.tcx", root_path, "c.tcx");
  copy_corpus_file ("tcxparser_test.tcx", root_path, "d.tcx");
  copy_corpus_file ("togeojson_Friday-Evening-Run.gpx", root_path, "e.gpx");
  copy_corpus_file ("togeojson_Friday-Evening-Run.gpx", root_path, ".hidden.gpx");
  g_file_set_contents (broken, "<TrainingCenterDatabase>\n<Activities>\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (note, "not an activity\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (hidden, G_FILE_TEST_EXISTS));

  collected.names = g_ptr_array_new_with_free_func (g_free);
  collected.root = g_file_new_for_path (root_path);

  g_assert_true (stride_import_path (fixture->store, collected.root, collect_cb, &collected,
                                     NULL, &error));
  g_assert_no_error (error);

  /* Sorted by name (bytes: capitals first), depth first. */
  g_assert_cmpuint (collected.names->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < MIN (collected.names->len, G_N_ELEMENTS (expected)); i++)
    g_assert_cmpstr (g_ptr_array_index (collected.names, i), ==, expected[i]);

  g_assert_cmpuint (collected.n_activities, ==, 3);
  g_assert_cmpint (count (fixture->store, "activity"), ==, 3);

  g_ptr_array_unref (collected.names);
  g_object_unref (collected.root);
}

static void
test_path_errors (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;
  Collected collected = { 0, };

  collected.names = g_ptr_array_new_with_free_func (g_free);
  collected.root = root;

  /* A missing path and an explicitly named file of another type are errors. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (missing);

    g_assert_true (stride_import_path (fixture->store, file, collect_cb, &collected, NULL, &error));
    g_assert_no_error (error);
  }
  g_file_set_contents (text, "hello", -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (text);

    g_assert_true (stride_import_path (fixture->store, file, collect_cb, &collected, NULL, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpuint (collected.names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (collected.names, 0), ==, "missing error");
  g_assert_cmpstr (g_ptr_array_index (collected.names, 1), ==, "notes.txt error");

  /* Cancelled before the walk: FALSE, nothing reported. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_false (stride_import_path (fixture->store, root, collect_cb, &collected,
                                        cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (collected.names->len, ==, 2);
  }

  g_ptr_array_unref (collected.names);
}

/* Every file of the corpus through one directory import. */
static void
test_corpus_directory (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const char *const expected[] = {
    /* 5 CSV, 2 pytrainer and PROVENANCE.md: not (yet) read */
    "fitparse_Activity.fit imported",
    "fitparse_activity-settings_chained.fit duplicate",
    "fitparse_garmin-fenix-5-run.fit.gz duplicate",
    /* The same ride on two devices, starting 53 s apart */
    "fitparse_garmin-edge-820-bike.fit imported",
    "fitparse_garmin-fenix-5-bike.fit duplicate",
    "fitparse_MonitoringFile.fit skipped",
    "fitparse_activity-filecrc_badcrc.fit error",
    "PROVENANCE.md skipped",
    "pytrainer_fresh_v15.sqlite skipped",
    /* The same track four times, and twice compressed */
    "gpxpy_cerknicko-jezero-no-creator.gpx imported",
    "gpxpy_cerknicko-jezero-with-elevations-zero.gpx duplicate",
    "gpxpy_cerknicko-jezero-without-elevations.gpx duplicate",
    "gpxpy_cerknicko-jezero.gpx duplicate",
    "tcxparser_no_hr.tcx imported",
    "tcxparser_test.tcx duplicate",
    "tcxparser_test.tcx.gz duplicate",
    "togeojson_Friday-Evening-Run.gpx imported",
    "togeojson_Friday-Evening-Run.gpx.gz duplicate",
    /* tour_hr.tcx is the full file bad.tcx was cut from */
    "togeojson_bad.tcx imported",
    "togeojson_tour_hr.tcx duplicate",
    /* blue_hills holds three activities; zero_elevation is a cut of one */
    "togeojson_blue_hills.gpx imported",
    "togeojson_zero_elevation.gpx duplicate",
    "togeojson_bad.gpx error",
    "gpxpy_Mojstrovka.gpx error",
    "gpxpy_route.gpx skipped",
    "togeojson_tcx-courses.tcx skipped",
    "pacer_garmin_Activities_example.csv imported",
    "cyclestats_strava_activities.csv imported",
  };
  g_autoptr(GFile) root = NULL;
  g_autoptr(GError) error = NULL;
  Collected collected = { 0, };

  if (skip_without_corpus ())
    return;

  root = g_file_new_for_path (g_getenv ("STRIDE_CORPUS_DIR"));
  collected.names = g_ptr_array_new_with_free_func (g_free);
  collected.root = root;

  g_assert_true (stride_import_path (fixture->store, root, collect_cb, &collected, NULL, &error));
  g_assert_no_error (error);

  /* 104 files in the dev corpus. */
  g_assert_cmpuint (collected.names->len, ==, 104);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < collected.names->len && !found; j++)
        found = g_str_equal (g_ptr_array_index (collected.names, j), expected[i]);
      if (!found)
        g_test_message ("missing: %s", expected[i]);
      g_assert_true (found);
    }

  /* Skipped: 3 files of other types, 18 without an activity, 4 FIT files
   * that are not activities. Errors: 9 GPX files without usable times or
   * positions, 8 broken FIT files (see test-import-fit.c). FIT: 24 files
   * with 29 activities, 3 of them duplicates. The 5 CSV files are activity
   * lists and go in: each alone gives 610 (Strava), 2, 6, 2 and 55 rows
   * (Garmin; counted with sqlite3 after importing each file into an empty
   * journal), 675 in all, of which 4 are already in the journal by then
   * (same sport, start within 60 s). */
  g_assert_cmpuint (collected.counts[STRIDE_IMPORT_STATUS_IMPORTED], ==, 51);
  g_assert_cmpuint (collected.counts[STRIDE_IMPORT_STATUS_DUPLICATE], ==, 11);
  g_assert_cmpuint (collected.counts[STRIDE_IMPORT_STATUS_SKIPPED], ==, 25);
  g_assert_cmpuint (collected.counts[STRIDE_IMPORT_STATUS_ERROR], ==, 17);
  g_assert_cmpuint (collected.n_activities, ==, 57 + 671);
  g_assert_cmpint (count (fixture->store, "activity"), ==, collected.n_activities);

  g_ptr_array_unref (collected.names);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  ADD ("/import/once", test_import_once);
  ADD ("/import/same-file-twice", test_same_file_twice);
  ADD ("/import/gzip-twin", test_gzip_twin);
  ADD ("/import/errors-and-skips", test_errors_and_skips);
  ADD ("/import/all-or-nothing", test_all_or_nothing);
  ADD ("/import/cancelled", test_cancelled);
  ADD ("/import/directory", test_directory);
  ADD ("/import/path-errors", test_path_errors);
  ADD ("/import/corpus-directory", test_corpus_directory);

#undef ADD

  return g_test_run ();
}
