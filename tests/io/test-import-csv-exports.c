/* test-import-csv-exports.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "io-test-util.h"
#include "stride-csv.h"
#include "stride-garmin-csv.h"
#include "stride-import.h"
#include "stride-store-private.h"

/* Garmin's dates are local times: the tests run in Europe/Berlin (set in
 * main), where 2025-02-06 17:06:03 is 16:06:03 UTC and May is UTC+2. */

typedef StoreFixture Fixture;

typedef struct
{
  GFile     *root;
  GPtrArray *names;                  /* "relative/path status" */
  GPtrArray *results;                /* StrideImportResult *, deep copies */
} Collected;


static void
free_result (gpointer data)
{
  StrideImportResult *result = data;

  stride_import_result_clear (result);
  g_free (result);
}

static void
collect_cb (GFile                    *file,
            const StrideImportResult *result,
            gpointer                  user_data)
{
  Collected *collected = user_data;
  g_autofree char *relative = g_file_get_relative_path (collected->root, file);
  StrideImportResult *copy = g_new0 (StrideImportResult, 1);

  g_test_message ("%s: %s: %s", relative, stride_import_status_to_string (result->status),
                  result->message);
  *copy = *result;
  copy->message = g_strdup (result->message);
  g_ptr_array_add (collected->results, copy);
  g_ptr_array_add (collected->names,
                   g_strdup_printf ("%s %s", relative != NULL ? relative : "(root)",
                                    stride_import_status_to_string (result->status)));
}

static void
collected_init (Collected  *collected,
                const char *root)
{
  collected->root = g_file_new_for_path (root);
  collected->names = g_ptr_array_new_with_free_func (g_free);
  collected->results = g_ptr_array_new_with_free_func (free_result);
}

static void
collected_clear (Collected *collected)
{
  g_clear_object (&collected->root);
  g_clear_pointer (&collected->names, g_ptr_array_unref);
  g_clear_pointer (&collected->results, g_ptr_array_unref);
}

static void
import_path (Fixture    *fixture,
             Collected  *collected,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (stride_import_path (fixture->store, file, collect_cb, collected, NULL, &error));
  g_assert_no_error (error);
}

static StrideImportStatus
import_file (Fixture            *fixture,
             const char         *path,
             StrideImportResult *result)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = stride_import_file (fixture->store, file, NULL, result, &error);
  g_assert_true (ok == (error == NULL));
  g_assert_true (ok == (result->status != STRIDE_IMPORT_STATUS_ERROR));
  g_assert_nonnull (result->message);
  g_test_message ("%s: %s: %s", path, stride_import_status_to_string (result->status),
                  result->message);

  return result->status;
}

static StrideImportStatus
import_corpus (Fixture            *fixture,
               const char         *name,
               StrideImportResult *result)
{
  g_autofree char *path = g_build_filename (g_getenv ("STRIDE_CORPUS_DIR"), name, NULL);

  return import_file (fixture, path, result);
}

/* One number from the journal. */
static double
query_double (Fixture    *fixture,
              const char *sql)
{
  sqlite3 *db = _stride_store_get_db (fixture->store);
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *db = _stride_store_get_db (fixture->store);
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static void
assert_journal_ok (Fixture *fixture)
{
  g_autofree char *check = query_text (fixture, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
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

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* Strava's activities.csv alone (cyclestats_strava_activities.csv copied
 * as the only file of a folder): every row without its file.
 *
 * Expected values from Python's csv module over the corpus file
 * (csv.reader; columns by position because names repeat: 15 = the second
 * "Elapsed Time", 16 "Moving Time", 17 = the second "Distance" (m),
 * 20 "Elevation Gain"; dates by strptime('%b %d, %Y, %I:%M:%S %p') as UTC):
 *   611 data rows, all "Ride"; Filename set on all 611 (no files here);
 *   row 556 (Dec 7, 2019) has Moving Time -1256729.0 and is skipped;
 *   the other 610: distance 15073751.6 m, elapsed 4087967 s, moving
 *   3134411 s, elevation gain 50436.1 m, no heart rate, no two within 60 s;
 *   newest start 1779453813 (May 22, 2026, 12:43:33 PM), oldest 1562018780. */
static void
test_strava_csv_only (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "strava", NULL);
  StrideImportResult *result;
  Collected collected = { 0, };
  Collected again = { 0, };

  if (skip_without_corpus ())
    return;

  copy_corpus_file ("cyclestats_strava_activities.csv", folder, "activities.csv");

  collected_init (&collected, folder);
  import_path (fixture, &collected, folder);
  g_assert_cmpuint (collected.names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (collected.names, 0), ==, "activities.csv imported");

  result = g_ptr_array_index (collected.results, 0);
  g_assert_cmpuint (result->n_activities, ==, 610);
  g_assert_cmpuint (result->n_duplicates, ==, 0);
  g_assert_cmpuint (result->n_skipped, ==, 1);
  g_assert_nonnull (strstr (result->message,
                            "row 556: the moving time of -1256729.0 s is negative"));
  g_assert_nonnull (strstr (result->message, "611 activity files named in activities.csv"));

  g_assert_cmpint (count (fixture->store, "activity"), ==, 610);
  g_assert_cmpint (count (fixture->store, "trackpoint"), ==, 0);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE sport = 'cycling'"),
                     ==, 610);
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT sum(distance_m) FROM activity"),
                                  15073751.6, 0.5);
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT sum(duration_s) FROM activity"),
                                  4087967, 0.5);
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT sum(moving_s) FROM activity"),
                                  3134411, 0.5);
  g_assert_cmpfloat_with_epsilon (query_double (fixture,
                                                "SELECT sum(elevation_gain_m) FROM activity"),
                                  50436.1, 0.5);
  g_assert_cmpfloat (query_double (fixture, "SELECT max(avg_hr) FROM activity"), ==, 0);
  g_assert_cmpfloat (query_double (fixture, "SELECT max(start_utc) FROM activity"), ==,
                     1779453813);
  g_assert_cmpfloat (query_double (fixture, "SELECT min(start_utc) FROM activity"), ==,
                     1562018780);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity "
                                            "WHERE title = 'Morning Ride'"), >, 0);
  assert_journal_ok (fixture);

  /* Again: the same file. */
  collected_init (&again, folder);
  import_path (fixture, &again, folder);
  g_assert_cmpuint (again.names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (again.names, 0), ==, "activities.csv duplicate");
  g_assert_cmpint (count (fixture->store, "activity"), ==, 610);

  collected_clear (&collected);
  collected_clear (&again);
}

/* A small Strava export: three rows with files from the corpus (TCX, a
 * gzipped GPX and a FIT), whose CSV times and totals are deliberately
 * wrong so that the file's can be told apart; one row without a file; and
 * a file the CSV does not name. */
static void
test_strava_folder (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const char *const expected[] = {
    "activities.csv imported",
    "other.gpx imported",
  };
  g_autofree char *folder = g_build_filename (fixture->dir, "export", NULL);
  g_autofree char *csv_path = g_build_filename (folder, "activities.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(StrideImportResult) alone = { 0, };
  StrideImportResult *result;
  Collected collected = { 0, };
  Collected again = { 0, };
  g_autofree char *title = NULL;
  g_autofree char *notes = NULL;
  const char *csv =
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
    "Elapsed Time,Distance,Filename,Elapsed Time,Moving Time,Distance,Perceived Exertion,"
    "Workout Type\r\n"
    "1,\"Jan 1, 2020, 1:00:00 AM\",Long one,Run,\"Felt good, \"\"really\"\"\",100,1.0,"
    "activities/1.tcx,100.0,90.0,1000.0,7,2\r\n"
    "2,\"Jan 2, 2020, 1:00:00 PM\",Friday,Run,,100,1.0,activities/2.gpx.gz,100.0,90.0,1000.0,,\r\n"
    "3,\"Jan 3, 2020, 1:00:00 PM\",Commute,Ride,,100,1.0,activities/3.fit,100.0,90.0,1000.0,,\r\n"
    "4,\"Mar 4, 2021, 6:30:00 PM\",Legs,Weight Training,,2700,0,,2700.0,2700.0,0.0,8,\r\n";

  if (skip_without_corpus ())
    return;

  copy_corpus_file ("tcxparser_test.tcx", folder, "activities/1.tcx");
  copy_corpus_file ("togeojson_Friday-Evening-Run.gpx.gz", folder, "activities/2.gpx.gz");
  copy_corpus_file ("fitparse_2015-10-13-08-43-15.fit", folder, "activities/3.fit");
  copy_corpus_file ("togeojson_run_gpxtpx.gpx", folder, "other.gpx");
  g_file_set_contents (csv_path, csv, -1, &error);
  g_assert_no_error (error);

  collected_init (&collected, folder);
  import_path (fixture, &collected, folder);

  /* The named files are not walked again. */
  g_assert_cmpuint (collected.names->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < MIN (collected.names->len, G_N_ELEMENTS (expected)); i++)
    g_assert_cmpstr (g_ptr_array_index (collected.names, i), ==, expected[i]);

  result = g_ptr_array_index (collected.results, 0);
  g_assert_cmpuint (result->n_activities, ==, 4);
  g_assert_cmpuint (result->n_skipped, ==, 0);
  g_assert_cmpint (count (fixture->store, "activity"), ==, 5);

  /* The TCX row: the file's start, distance and points (test-import.c),
   * the row's name, notes, effort and run type. */
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity "
                                            "WHERE start_utc = 1356557393 AND sport = 'run' "
                                            "AND run_type = 'long' AND rpe = 7"), ==, 1);
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT distance_m FROM activity "
                                                         "WHERE start_utc = 1356557393"),
                                  4689.243, 0.01);
  title = query_text (fixture, "SELECT title FROM activity WHERE start_utc = 1356557393");
  g_assert_cmpstr (title, ==, "Long one");
  notes = query_text (fixture, "SELECT notes FROM activity WHERE start_utc = 1356557393");
  g_assert_cmpstr (notes, ==, "Felt good, \"really\"");
  /* sha256sum tcxparser_test.tcx, togeojson_Friday-Evening-Run.gpx.gz,
   * fitparse_2015-10-13-08-43-15.fit */
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE source_hash IN ("
                                            "'75ef1eb3aad7a906471f17a1f5cf9c34af151b00f368625fae3921139dd48071',"
                                            "'d87c9a54701ee175a9f3ca18c9e49bd862a6391cc6bba5264754bdc16c685470',"
                                            "'e97a45cbdd2db3a465e71e2eab62b726b19b3448242b4e159abf6e90081e7400')"),
                     ==, 3);
  /* No file took the row's 1 km or its 2020 date. */
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity "
                                            "WHERE distance_m = 1000 OR start_utc / 86400 "
                                            "IN (18262, 18263, 18264)"), ==, 0);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE "
                                            "title = 'Friday' AND sport = 'run' "
                                            "AND run_type = 'easy'"), ==, 1);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE "
                                            "title = 'Commute' AND sport = 'cycling'"), ==, 1);
  /* The row without a file: its totals, UTC. */
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE "
                                            "title = 'Legs' AND sport = 'strength' AND rpe = 8 "
                                            "AND duration_s = 2700 AND start_utc = 1614882600"),
                     ==, 1);
  g_assert_cmpint (count (fixture->store, "trackpoint"), >=, 384);

  /* Again: all duplicates, nothing walked twice. */
  collected_init (&again, folder);
  import_path (fixture, &again, folder);
  g_assert_cmpuint (again.names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (again.names, 0), ==, "activities.csv duplicate");
  g_assert_cmpstr (g_ptr_array_index (again.names, 1), ==, "other.gpx duplicate");
  g_assert_cmpint (count (fixture->store, "activity"), ==, 5);

  /* The TCX file on its own is known by its hash. */
  g_assert_cmpint (import_corpus (fixture, "tcxparser_test.tcx", &alone), ==,
                   STRIDE_IMPORT_STATUS_DUPLICATE);
  g_assert_nonnull (strstr (alone.message, "same file"));
  assert_journal_ok (fixture);

  collected_clear (&collected);
  collected_clear (&again);
}

/* Garmin Connect activity lists. Expected values from Python's csv module
 * (csv.DictReader, encoding utf-8-sig): a row is left out when its Date
 * fails strptime('%Y-%m-%d %H:%M:%S'), its "Elapsed Time" (else "Time")
 * is zero, or its Distance (float after removing ','; "--" = 0) is zero.
 * Distances are km: "Avg Pace" agrees (31:24 / 5.48 km = 5:44 per km). */
static void
test_garmin_example (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_auto(StrideImportResult) result = { 0, };
  g_auto(StrideImportResult) again = { 0, };

  if (skip_without_corpus ())
    return;

  /* 6 rows: 5 Running, 1 Indoor Cycling; 63.98 km, elapsed 20384 s, the
   * heart rates add up to 873; the first row, 2025-02-06 17:06:03 in
   * Berlin, is 1738857963 (Python zoneinfo), 5.48 km, elapsed 00:32:57,
   * moving 00:31:08, HR 153, ascent 215 m. */
  g_assert_cmpint (import_corpus (fixture, "pacer_garmin_Activities_example.csv", &result), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (result.n_activities, ==, 6);
  g_assert_cmpuint (result.n_skipped, ==, 0);
  g_assert_cmpint (count (fixture->store, "activity"), ==, 6);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE sport = 'run' "
                                            "AND run_type = 'easy'"), ==, 5);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity "
                                            "WHERE sport = 'cycling'"), ==, 1);
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT sum(distance_m) FROM activity"),
                                  63980, 0.01);
  g_assert_cmpfloat (query_double (fixture, "SELECT sum(duration_s) FROM activity"), ==, 20384);
  g_assert_cmpfloat (query_double (fixture, "SELECT sum(avg_hr) FROM activity"), ==, 873);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity "
                                            "WHERE start_utc = 1738857963 AND tz_offset_s = 3600 "
                                            "AND duration_s = 1977 AND moving_s = 1868 "
                                            "AND avg_hr = 153 AND elevation_gain_m = 215 "
                                            "AND title = 'Wellington Running'"), ==, 1);

  g_assert_cmpint (import_corpus (fixture, "pacer_garmin_Activities_example.csv", &again), ==,
                   STRIDE_IMPORT_STATUS_DUPLICATE);
  assert_journal_ok (fixture);
}

static void
test_garmin_unit (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_auto(StrideImportResult) result = { 0, };
  g_auto(StrideImportResult) example = { 0, };

  if (skip_without_corpus ())
    return;

  /* 56 rows: 54 Running, 1 Trail Running, 1 Indoor Cycling (row 4, 0.00
   * km); 55 runs, 719.7 km, elapsed 318121 s, heart rates add up to 7719;
   * the first row, 2025-05-07 17:53:16 in Berlin (UTC+2), is 1746633196. */
  g_assert_cmpint (import_corpus (fixture, "pacer_garmin_Activities_unit.csv", &result), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (result.n_activities, ==, 55);
  g_assert_cmpuint (result.n_skipped, ==, 1);
  g_assert_nonnull (strstr (result.message, "row 4: the distance is zero"));
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE sport = 'run'"),
                     ==, 55);
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT sum(distance_m) FROM activity"),
                                  719700, 0.01);
  g_assert_cmpfloat (query_double (fixture, "SELECT sum(duration_s) FROM activity"), ==, 318121);
  g_assert_cmpfloat (query_double (fixture, "SELECT sum(avg_hr) FROM activity"), ==, 7719);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity "
                                            "WHERE start_utc = 1746633196 "
                                            "AND tz_offset_s = 7200"), ==, 1);

  /* 4 of example's rows (2025-01-16 18:04:43, 01-25 12:15:10, 02-04
   * 17:40:38, 02-06 17:06:03) are in unit too. */
  g_assert_cmpint (import_corpus (fixture, "pacer_garmin_Activities_example.csv", &example), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (example.n_activities, ==, 2);
  g_assert_cmpuint (example.n_duplicates, ==, 4);
  g_assert_nonnull (strstr (example.message, "4 already in the journal"));
  g_assert_cmpint (count (fixture->store, "activity"), ==, 57);
  assert_journal_ok (fixture);
}

static void
test_garmin_bad_rows (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(StrideImportResult) baddate = { 0, };
  g_auto(StrideImportResult) nonpos = { 0, };

  if (skip_without_corpus ())
    return;

  /* baddate: rows 2 and 4 (2024-10-18, 10-20, 13:00) are runs of 5.48 km;
   * row 3 has the date "bad date". */
  g_assert_cmpint (import_corpus (fixture, "pacer_garmin_Activities_baddate.csv", &baddate), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (baddate.n_activities, ==, 2);
  g_assert_cmpuint (baddate.n_skipped, ==, 1);
  g_assert_nonnull (strstr (baddate.message, "row 3: the date “bad date” is not a date"));
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity "
                                            "WHERE start_utc = 1729249200"), ==, 1);

  /* nonpos: row 3 has distance 0, row 4 time 00:00:00; rows 2 and 5
   * (2024-10-19, 10-22) import. */
  g_assert_cmpint (import_corpus (fixture, "pacer_garmin_Activities_nonpos.csv", &nonpos), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (nonpos.n_activities, ==, 2);
  g_assert_cmpuint (nonpos.n_skipped, ==, 2);
  g_assert_nonnull (strstr (nonpos.message, "2 rows skipped: row 3: the distance is zero; "
                                            "row 4: the time is zero"));
  g_assert_cmpint (count (fixture->store, "activity"), ==, 4);
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT sum(distance_m) FROM activity"),
                                  4 * 5480, 0.01);
  assert_journal_ok (fixture);
}

/* Hand-written variants: a BOM, ';' with decimal commas, quotes. */
static void
test_garmin_variants (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(StrideImportResult) semicolons = { 0, };
  g_auto(StrideImportResult) bom = { 0, };
  g_autofree char *semicolons_path = NULL;
  g_autofree char *bom_path = NULL;
  g_autofree char *title = NULL;

  semicolons_path = write_file (fixture, "semicolons.csv",
                                "\xEF\xBB\xBF" "Activity Type;Date;Title;Distance;Time;Avg HR\r\n"
                                "Running;2025-03-01 08:00:00;\"Tempo; hard, really\";10,5;"
                                "00:50:00;160\r\n"
                                "Strength Training;2025-03-02 18:00:00;Gym;--;45:00.0;--\r\n"
                                "Cycling;2025-03-03 07:00:00;Ride;\"1.042,2\";30:00:00;--\r\n"
                                "Cycling;2025-03-04 07:00:00;Ride;x;01:00:00;--\r\n");
  g_assert_cmpint (import_file (fixture, semicolons_path, &semicolons), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (semicolons.n_activities, ==, 3);
  g_assert_cmpuint (semicolons.n_skipped, ==, 1);
  g_assert_nonnull (strstr (semicolons.message, "row 5: the distance “x” is not a number"));
  title = query_text (fixture, "SELECT title FROM activity WHERE sport = 'run'");
  g_assert_cmpstr (title, ==, "Tempo; hard, really");
  /* 2025-03-01 08:00 in Berlin (UTC+1) is 07:00 UTC: 1740812400. */
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE sport = 'run' "
                                            "AND distance_m = 10500 AND duration_s = 3000 "
                                            "AND avg_hr = 160 AND start_utc = 1740812400"),
                     ==, 1);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE "
                                            "sport = 'strength' AND distance_m = 0 "
                                            "AND duration_s = 2700"), ==, 1);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE "
                                            "sport = 'cycling' AND distance_m = 1042200 "
                                            "AND duration_s = 108000"), ==, 1);

  bom_path = write_file (fixture, "bom.csv",
                         "\xEF\xBB\xBF" "Activity Type,Date,Title,Distance,Time,Avg HR\n"
                         "Pool Swim,2025-04-01 07:00:00,\"Laps, \"\"easy\"\"\",\"1,500\","
                         "00:30:00.5,--\n"
                         "Running,2025-04-02 07:00,Short,5.00,25:00,400\n");
  g_assert_cmpint (import_file (fixture, bom_path, &bom), ==, STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (bom.n_activities, ==, 2);
  /* Pool swims are in metres; a heart rate of 400 is left out. */
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE sport = 'swim' "
                                            "AND distance_m = 1500 AND duration_s = 1800.5 "
                                            "AND title = 'Laps, \"easy\"'"), ==, 1);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE sport = 'run' "
                                            "AND distance_m = 5000 AND duration_s = 1500 "
                                            "AND coalesce (avg_hr, 0) = 0"), ==, 1);
  g_assert_cmpint (count (fixture->store, "activity"), ==, 5);
  assert_journal_ok (fixture);
}

/* How a test rewrites a field of a corpus file. */
typedef enum
{
  KEEP,
  SWAP_MARKS,                        /* '.' ⇄ ',' in every data field, as a German export */
  SWAP_MARKS_IN_NUMBERS,             /* the same, only in fields of digits, '.', ',' and '-' */
} Rewrite;

static gboolean
is_number_text (const char *text)
{
  return text != NULL && *text != '\0' && strspn (text, "0123456789.,-") == strlen (text);
}

static char *
rewrite_field (const char *text,
               Rewrite     rewrite)
{
  char *copy = g_strdup (text);

  if (rewrite == KEEP || (rewrite == SWAP_MARKS_IN_NUMBERS && !is_number_text (text)))
    return copy;

  for (char *p = copy; p != NULL && *p != '\0'; p++)
    {
      if (*p == '.')
        *p = ',';
      else if (*p == ',')
        *p = '.';
    }

  return copy;
}

/* The corpus file @name as another program would write it: its rows split
 * by the RFC 4180 reader (its row and column counts are checked against
 * Python's csv module in test-csv.c), data fields rewritten by @rewrite
 * and all quoted (quotes doubled), then joined by @separator with CRLF
 * line ends, after a UTF-8 byte-order mark when @bom. */
static GString *
corpus_variant (const char *name,
                char        separator,
                gboolean    bom,
                Rewrite     rewrite)
{
  g_autoptr(GFile) file = corpus_file (name);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(StrideCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (bom ? "\xEF\xBB\xBF" : "");
  GPtrArray *row = NULL;
  gboolean header = TRUE;

  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  if (stream == NULL)
    return out;

  reader = stride_csv_reader_new (G_INPUT_STREAM (stream));
  while (stride_csv_reader_read_row (reader, &row, NULL, &error))
    {
      for (guint i = 0; i < row->len; i++)
        {
          g_autofree char *value = NULL;

          if (i > 0)
            g_string_append_c (out, separator);
          if (g_ptr_array_index (row, i) == NULL)
            continue;
          value = rewrite_field (g_ptr_array_index (row, i), header ? KEEP : rewrite);
          if (header)
            {
              g_string_append (out, value);
              continue;
            }
          g_string_append_c (out, '"');
          for (const char *p = value; *p != '\0'; p++)
            g_string_append_printf (out, *p == '"' ? "\"\"" : "%c", *p);
          g_string_append_c (out, '"');
        }
      g_string_append (out, "\r\n");
      header = FALSE;
      g_ptr_array_unref (row);
    }
  g_assert_no_error (error);

  return out;
}

static char *
write_bytes (const char *dir,
             const char *name,
             const char *contents,
             gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* Every activity of @store, one line each, to compare two journals. */
static char *
describe_activities (StrideStore *store)
{
  sqlite3 *db = _stride_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT start_utc, tz_offset_s, sport, run_type, "
                                           "distance_m, duration_s, moving_s, avg_hr, "
                                           "elevation_gain_m, title FROM activity "
                                           "ORDER BY start_utc", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%lld %d %s %s %.3f %.3f %.3f %d %.3f %s\n",
                            (long long) sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_int (stmt, 1),
                            (const char *) sqlite3_column_text (stmt, 2),
                            (const char *) sqlite3_column_text (stmt, 3),
                            sqlite3_column_double (stmt, 4), sqlite3_column_double (stmt, 5),
                            sqlite3_column_double (stmt, 6), sqlite3_column_int (stmt, 7),
                            sqlite3_column_double (stmt, 8),
                            (const char *) sqlite3_column_text (stmt, 9));
  sqlite3_finalize (stmt);

  return g_string_free (out, FALSE);
}

/* A second journal next to the fixture's. */
static StrideStore *
open_other_store (Fixture    *fixture,
                  const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  StrideStore *store = stride_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static StrideImportStatus
import_into (StrideStore        *store,
             const char         *path,
             StrideImportResult *result)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  stride_import_file (store, file, NULL, result, &error);
  g_test_message ("%s: %s: %s", path, stride_import_status_to_string (result->status),
                  result->message);

  return result->status;
}

/* Garmin's example list as a German or French spreadsheet writes it: ';'
 * (or tab) separated, decimal commas ("5,48", "00:02:15,3"), '.' grouping
 * thousands ("4.808"), a BOM, CRLF. It must give the very activities the
 * ',' original gives (test_garmin_example has their totals from Python). */
static void
test_garmin_separator_twins (Fixture       *fixture,
                             gconstpointer  user_data)
{
  static const char separators[] = { ';', '\t' };
  g_auto(StrideImportResult) original = { 0, };
  g_autofree char *expected = NULL;

  if (skip_without_corpus ())
    return;

  g_assert_cmpint (import_corpus (fixture, "pacer_garmin_Activities_example.csv", &original), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (original.n_activities, ==, 6);
  expected = describe_activities (fixture->store);
  g_assert_nonnull (strstr (expected, "1738857963 3600 run easy 5480.000 1977.000 1868.000 153 "
                                      "215.000 Wellington Running\n"));

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_autofree char *db = g_strdup_printf ("twin-%u.db", i);
      g_autoptr(StrideStore) store = open_other_store (fixture, db);
      g_autoptr(GString) twin = corpus_variant ("pacer_garmin_Activities_example.csv",
                                                separators[i], TRUE, SWAP_MARKS);
      g_autofree char *name = g_strdup_printf ("twin-%u.csv", i);
      g_autofree char *path = write_bytes (fixture->dir, name, twin->str, (gssize) twin->len);
      g_auto(StrideImportResult) result = { 0, };
      g_autofree char *got = NULL;

      /* What the test means to feed it. */
      g_assert_true (g_str_has_prefix (twin->str, "\xEF\xBB\xBF" "Activity Type"));
      g_assert_nonnull (strstr (twin->str, separators[i] == ';'
                                           ? "\"5,48\";\"447\";\"00:31:24\""
                                           : "\"5,48\"\t\"447\"\t\"00:31:24\""));
      g_assert_nonnull (strstr (twin->str, "\"4.808\""));
      g_assert_nonnull (strstr (twin->str, "\"00:02:15,3\""));
      g_assert_nonnull (strstr (twin->str, "\"190\"\r\n"));

      g_assert_cmpint (import_into (store, path, &result), ==, STRIDE_IMPORT_STATUS_IMPORTED);
      g_assert_cmpuint (result.n_activities, ==, 6);
      g_assert_cmpuint (result.n_skipped, ==, 0);
      got = describe_activities (store);
      g_assert_cmpstr (got, ==, expected);
    }
}

/* Strava's activities.csv after a round through a German spreadsheet:
 * ';' separated, decimal commas in the numbers, dates left as text. The
 * totals are test_strava_csv_only's (from Python's csv module). */
static void
test_strava_semicolons (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "strava-de", NULL);
  g_autoptr(GString) variant = NULL;
  g_autofree char *path = NULL;
  StrideImportResult *result;
  Collected collected = { 0, };

  if (skip_without_corpus ())
    return;

  variant = corpus_variant ("cyclestats_strava_activities.csv", ';', FALSE,
                            SWAP_MARKS_IN_NUMBERS);
  g_assert_nonnull (strstr (variant->str, "\"May 22, 2026, 12:43:33 PM\""));
  g_assert_nonnull (strstr (variant->str, "\"-1256729,0\""));
  g_mkdir_with_parents (folder, 0700);
  path = write_bytes (folder, "activities.csv", variant->str, (gssize) variant->len);

  collected_init (&collected, folder);
  import_path (fixture, &collected, folder);
  g_assert_cmpuint (collected.names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (collected.names, 0), ==, "activities.csv imported");

  result = g_ptr_array_index (collected.results, 0);
  g_assert_cmpuint (result->n_activities, ==, 610);
  g_assert_cmpuint (result->n_skipped, ==, 1);
  g_assert_nonnull (strstr (result->message,
                            "row 556: the moving time of -1256729,0 s is negative"));
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT sum(distance_m) FROM activity"),
                                  15073751.6, 0.5);
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT sum(duration_s) FROM activity"),
                                  4087967, 0.5);
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT sum(moving_s) FROM activity"),
                                  3134411, 0.5);
  g_assert_cmpfloat_with_epsilon (query_double (fixture,
                                                "SELECT sum(elevation_gain_m) FROM activity"),
                                  50436.1, 0.5);
  g_assert_cmpfloat (query_double (fixture, "SELECT max(start_utc) FROM activity"), ==,
                     1779453813);
  assert_journal_ok (fixture);
  collected_clear (&collected);
}

/* Windows-1252 text (a spreadsheet's "ANSI"): names with é, ü, “ ” and
 * Garmin's ® in the header, converted with iconv for the test. */
static void
test_garmin_windows_1252 (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GString) utf8 = NULL;
  g_autofree char *ansi = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(StrideImportResult) result = { 0, };
  gsize length = 0;

  if (skip_without_corpus ())
    return;

  utf8 = corpus_variant ("pacer_garmin_Activities_example.csv", ';', FALSE, SWAP_MARKS);
  g_assert_cmpuint (g_string_replace (utf8, "\"Wellington - Base\"",
                                      "\"Müggelsee – “Café” Lauf\"", 0), ==, 1);
  ansi = g_convert (utf8->str, (gssize) utf8->len, "WINDOWS-1252", "UTF-8", NULL, &length,
                    &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (ansi, (gssize) length, NULL));
  path = write_bytes (fixture->dir, "ansi.csv", ansi, (gssize) length);

  g_assert_cmpint (import_file (fixture, path, &result), ==, STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (result.n_activities, ==, 6);
  g_assert_nonnull (strstr (result.message,
                            "the file is not UTF-8; its text was read as Windows-1252"));
  title = query_text (fixture, "SELECT title FROM activity WHERE start_utc = "
                               "(SELECT min(start_utc) FROM activity WHERE sport = 'run' "
                               "AND start_utc > 1738600000)");
  g_assert_cmpstr (title, ==, "Müggelsee – “Café” Lauf");
  g_assert_cmpfloat_with_epsilon (query_double (fixture, "SELECT sum(distance_m) FROM activity"),
                                  63980, 0.01);
  g_assert_cmpfloat (query_double (fixture, "SELECT sum(duration_s) FROM activity"), ==, 20384);
  assert_journal_ok (fixture);
}

/* Numbers that can only be read one way, in a ';' file whose values show
 * the decimal comma: spaces and no-break spaces grouping thousands,
 * "1.234,5", a '.' grouping thousands alone ("1.500" m of swimming),
 * durations with a decimal comma. */
static void
test_garmin_locale_numbers (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_auto(StrideImportResult) result = { 0, };
  g_autofree char *path = NULL;

  path = write_file (fixture, "numbers.csv",
                     "Activity Type;Date;Title;Distance;Time;Elapsed Time;Avg HR;Total Ascent\r\n"
                     "Running;2025-03-01 08:00:00;A;10,02;1:02:03,5;01:05:00;150;1.234,5\r\n"
                     "Cycling;2025-03-02 08:00:00;B;1 234,5;30:00:00;--;--;\"2 345\"\r\n"
                     "Cycling;2025-03-03 08:00:00;C;\"1\xC2\xA0" "001,25\";20:00:00;;;--\r\n"
                     "Pool Swim;2025-03-04 08:00:00;D;1.500;00:40:00;;;\r\n"
                     "Running;2025-03-05 08:00:00;E;0,8;00:05:00,25;;;\r\n");

  g_assert_cmpint (import_file (fixture, path, &result), ==, STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (result.n_activities, ==, 5);
  g_assert_cmpuint (result.n_skipped, ==, 0);
  /* Elapsed time wins over the timer time ("Time"), which is moving. */
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE title = 'A' "
                                            "AND distance_m = 10020 AND duration_s = 3900 "
                                            "AND moving_s = 3723.5 AND avg_hr = 150 "
                                            "AND elevation_gain_m = 1234.5"), ==, 1);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE title = 'B' "
                                            "AND distance_m = 1234500 AND duration_s = 108000 "
                                            "AND elevation_gain_m = 2345"), ==, 1);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE title = 'C' "
                                            "AND distance_m = 1001250"), ==, 1);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE title = 'D' "
                                            "AND sport = 'swim' AND distance_m = 1500"), ==, 1);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE title = 'E' "
                                            "AND distance_m = 800 AND duration_s = 300.25"),
                     ==, 1);
  assert_journal_ok (fixture);
}

/* "1.234" alone is 1.234 or 1234: the row is left out with the reason
 * when the file does not show which, and the other rows go in. */
static void
test_garmin_ambiguous (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const struct {
    const char *name;
    const char *contents;
    guint       n_activities;
    const char *message;
  } cases[] = {
    /* ';' implies a decimal comma, but nothing shows what '.' is. */
    { "no-proof.csv",
      "Activity Type;Date;Distance;Time\n"
      "Running;2025-05-01 08:00:00;5;00:30:00\n"
      "Running;2025-05-02 08:00:00;1,234;00:30:00\n"
      "Running;2025-05-03 08:00:00;1.234;00:30:00\n",
      2, "1 row skipped: row 4: Distance “1.234” is ambiguous: the file does not show whether "
         "“.” is a decimal mark or a thousands separator" },
    /* Both marks shown as decimal ones: nothing can be grouped. */
    { "mixed.csv",
      "Activity Type;Date;Distance;Time;Total Ascent\n"
      "Running;2025-05-04 08:00:00;10,02;00:50:00;12.5\n"
      "Running;2025-05-05 08:00:00;8,5;00:40:00;1.234\n"
      "Running;2025-05-06 08:00:00;2,125;00:40:00;10\n",
      1, "2 rows skipped: row 3: Total Ascent “1.234” is ambiguous: the file does not show "
         "whether “.” is a decimal mark or a thousands separator; "
         "row 4: Distance “2,125” is ambiguous: the file does not show whether “,” is a "
         "decimal mark" },
    /* A tab implies nothing; plain seconds are numbers too. */
    { "tabs.csv",
      "Activity Type\tDate\tDistance\tTime\n"
      "Running\t2025-05-07 08:00:00\t5\t1800\n"
      "Running\t2025-05-08 08:00:00\t5\t1,800\n",
      1, "row 3: Time “1,800” is ambiguous" },
  };
  guint n_activities = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(StrideImportResult) result = { 0, };
      g_autofree char *path = write_file (fixture, cases[i].name, cases[i].contents);

      g_assert_cmpint (import_file (fixture, path, &result), ==, STRIDE_IMPORT_STATUS_IMPORTED);
      g_assert_cmpuint (result.n_activities, ==, cases[i].n_activities);
      if (strstr (result.message, cases[i].message) == NULL)
        g_test_fail_printf ("%s: “%s” does not contain “%s”", cases[i].name, result.message,
                            cases[i].message);
      n_activities += cases[i].n_activities;
      g_assert_cmpint (count (fixture->store, "activity"), ==, n_activities);
    }

  /* The readings that were certain. */
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE distance_m IN "
                                            "(5000, 1234, 10020) "
                                            "AND coalesce (elevation_gain_m, 0) IN (0, 12.5)"),
                     ==, 4);
  assert_journal_ok (fixture);
}

/* An unquoted "10,5" in a ',' file: that row has a field too many, so its
 * columns cannot be trusted; it is left out and the others go in. */
static void
test_garmin_misaligned_row (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_auto(StrideImportResult) result = { 0, };
  g_autofree char *path = NULL;

  path = write_file (fixture, "misaligned.csv",
                     "Activity Type,Date,Distance,Time,Avg HR\r\n"
                     "Running,2025-06-01 08:00:00,10.5,00:50:00,150\r\n"
                     "Running,2025-06-02 08:00:00,10,5,00:50:00,150\r\n"
                     "Running,2025-06-03 08:00:00,8.25,00:40:00,140,,\r\n");

  g_assert_cmpint (import_file (fixture, path, &result), ==, STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (result.n_activities, ==, 2);
  g_assert_nonnull (strstr (result.message, "row 3: it has 6 fields where the header has 5: "
                                            "a value with the separator “,” in it is not "
                                            "quoted, or a quote is out of place"));
  g_assert_cmpfloat (query_double (fixture, "SELECT sum(distance_m) FROM activity"), ==, 18750);
  assert_journal_ok (fixture);
}

/* A batch of activity lists named one by one (as on the command line or
 * dropped on the window) where two are broken: each file is reported on
 * its own, the good ones go in whole, the broken ones not at all. */
static void
test_batch_with_bad_files (Fixture       *fixture,
                           gconstpointer  user_data)
{
  static const char *const expected[] = {
    "a-garmin-de.csv imported",
    "b-stray-quote.csv error",
    "c-ansi.csv imported",
    "d-unclosed.csv error",
    "e-garmin.csv imported",
  };
  g_autofree char *folder = g_build_filename (fixture->dir, "batch", NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;
  Collected collected = { 0, };
  StrideImportResult *result;

  if (skip_without_corpus ())
    return;

  g_mkdir_with_parents (folder, 0700);
  a = write_bytes (folder, "a-garmin-de.csv",
                   "\xEF\xBB\xBF" "Activity Type;Date;Distance;Time\r\n"
                   "Running;2024-03-01 07:12:45;10,02;00:50:00\r\n"
                   "Running;2024-03-02 07:12:45;\"21,1\";01:45:00,5\r\n", -1);
  b = write_bytes (folder, "b-stray-quote.csv",
                   "Activity Type,Date,Distance,Time,Title\r\n"
                   "Running,2024-04-01 07:00:00,5.0,00:25:00,Easy\r\n"
                   "Running,2024-04-02 07:00:00,5.0,00:25:00,Rain 5\"6\r\n", -1);
  c = write_bytes (folder, "c-ansi.csv",
                   "Activity Type;Date;Distance;Time;Title\r\n"
                   "Running;2024-05-01 07:00:00;7,5;00:40:00;Z\xfcrich\r\n", -1);
  d = write_bytes (folder, "d-unclosed.csv",
                   "Activity Type,Date,Distance,Time\n"
                   "Running,2024-06-01 07:00:00,5.0,00:25:00\n"
                   "Running,\"2024-06-02 07:00:00,5.0,00:25:00\n"
                   "Running,2024-06-03 07:00:00,5.0,00:25:00\n", -1);
  copy_corpus_file ("pacer_garmin_Activities_example.csv", folder, "e-garmin.csv");
  e = g_build_filename (folder, "e-garmin.csv", NULL);

  collected_init (&collected, folder);
  import_path (fixture, &collected, a);
  import_path (fixture, &collected, b);
  import_path (fixture, &collected, c);
  import_path (fixture, &collected, d);
  import_path (fixture, &collected, e);
  g_assert_cmpuint (collected.names->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < MIN (collected.names->len, G_N_ELEMENTS (expected)); i++)
    g_assert_cmpstr (g_ptr_array_index (collected.names, i), ==, expected[i]);

  if (collected.results->len == G_N_ELEMENTS (expected))
    {
      result = g_ptr_array_index (collected.results, 1);
      g_assert_nonnull (strstr (result->message, "Line 3: field 5 has a quote but does not "
                                                 "start with one"));
      result = g_ptr_array_index (collected.results, 2);
      g_assert_nonnull (strstr (result->message, "read as Windows-1252"));
      result = g_ptr_array_index (collected.results, 3);
      g_assert_nonnull (strstr (result->message, "Line 3: the quoted field 2 is not closed"));
    }

  /* 2 + 1 + 6 activities; nothing of April or June. */
  g_assert_cmpint (count (fixture->store, "activity"), ==, 9);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE start_utc "
                                            "BETWEEN 1711929600 AND 1714521599 OR start_utc "
                                            "BETWEEN 1717200000 AND 1719791999"), ==, 0);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE "
                                            "title = 'Zürich' AND distance_m = 7500"), ==, 1);
  g_assert_cmpfloat (query_double (fixture, "SELECT count(*) FROM activity WHERE "
                                            "distance_m = 21100 AND duration_s = 6300.5"), ==, 1);
  assert_journal_ok (fixture);
  collected_clear (&collected);
}

/* A folder walk: a Strava export whose activities.csv went through a
 * German spreadsheet (';', decimal commas, Windows-1252), another export
 * whose activities.csv has a stray quote, and a GPX file. The broken list
 * brings nothing in; everything else goes in. */
static void
test_walk_with_bad_export (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "exports", NULL);
  g_autofree char *old = g_build_filename (folder, "old", NULL);
  g_autofree char *good = NULL, *broken = NULL;
  g_autofree char *title = NULL;
  Collected collected = { 0, };
  StrideImportResult *result;

  if (skip_without_corpus ())
    return;

  g_mkdir_with_parents (old, 0700);
  good = write_bytes (folder, "activities.csv",
                      "Activity ID;Activity Date;Activity Name;Activity Type;Elapsed Time;"
                      "Distance;Filename;Elapsed Time;Moving Time;Distance\r\n"
                      "1;\"Mar 1, 2024, 7:12:45 AM\";Lauf am M\xfcggelsee;Run;3600;10,02;;"
                      "3600,0;3500,5;10020,0\r\n"
                      "2;Mar 2, 2024, 7:12:45 AM;Zweiter;Run;1800;5,5;;1800,0;1700,0;5500,0\r\n",
                      -1);
  broken = write_bytes (old, "activities.csv",
                        "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,"
                        "Distance\r\n"
                        "3,\"Apr 1, 2024, 7:00:00 AM\",Run 5\"6,Run,100,1.0\r\n", -1);
  copy_corpus_file ("togeojson_run_gpxtpx.gpx", folder, "other.gpx");

  collected_init (&collected, folder);
  import_path (fixture, &collected, folder);
  g_assert_cmpuint (collected.names->len, ==, 3);
  if (collected.names->len != 3)
    goto out;

  g_assert_cmpstr (g_ptr_array_index (collected.names, 0), ==, "activities.csv imported");
  result = g_ptr_array_index (collected.results, 0);
  g_assert_cmpuint (result->n_activities, ==, 2);
  g_assert_nonnull (strstr (result->message, "its text was read as Windows-1252"));
  /* The broken list says what is wrong with it, not "unsupported". */
  g_assert_cmpstr (g_ptr_array_index (collected.names, 1), ==, "old/activities.csv error");
  result = g_ptr_array_index (collected.results, 1);
  g_assert_nonnull (strstr (result->message, "Line 2: field 3 has a quote but does not "
                                             "start with one"));
  g_assert_cmpuint (result->n_activities, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (collected.names, 2), ==, "other.gpx imported");

  g_assert_cmpint (count (fixture->store, "activity"), ==, 3);
  /* "Mar 1, 2024, 7:12:45 AM" UTC */
  title = query_text (fixture, "SELECT title FROM activity WHERE start_utc = 1709277165 "
                               "AND distance_m = 10020 AND duration_s = 3600 "
                               "AND moving_s = 3500.5");
  g_assert_cmpstr (title, ==, "Lauf am Müggelsee");
  assert_journal_ok (fixture);

out:
  collected_clear (&collected);
}

/* Files that cannot be imported change nothing, and the journal stays
 * consistent. */
static void
test_errors (Fixture       *fixture,
             gconstpointer  user_data)
{
  static const struct {
    const char         *name;
    const char         *contents;
    StrideImportStatus  status;
    const char         *message;
  } cases[] = {
    { "broken.csv", "Activity Type,Date,Distance,Time\nRunning,\"2025-01-01 10:00:00,5,00:30:00\n",
      STRIDE_IMPORT_STATUS_ERROR, "not closed" },
    { "all-bad.csv", "Activity Type,Date,Distance,Time\nRunning,yesterday,5,00:30:00\n"
                     "Running,2025-01-01 10:00:00,5,-1:00\n",
      STRIDE_IMPORT_STATUS_ERROR,
      "No row could be imported; 2 rows skipped: row 2: the date “yesterday” is not a date; "
      "row 3: the time “-1:00” is not a duration" },
    { "stray.csv", "Activity Type,Date,Distance,Time,Title\n"
                   "Running,2025-01-01 10:00:00,5,00:30:00,Easy\n"
                   "Running,2025-01-02 10:00:00,5,00:30:00,Run 5\"6\n",
      STRIDE_IMPORT_STATUS_ERROR,
      "Line 3: field 5 has a quote but does not start with one" },
    { "after-quote.csv", "Activity Type;Date;Distance;Time;Title\n"
                         "Running;2025-01-01 10:00:00;5;00:30:00;\"Easy\" run\n",
      STRIDE_IMPORT_STATUS_ERROR,
      "Line 2: unexpected character after the closing quote of field 5" },
    { "mixed-encoding.csv", "Activity Type,Date,Distance,Time,Title\n"
                            "Running,2025-01-01 10:00:00,5,00:30:00,Zürich\n"
                            "Running,2025-01-02 10:00:00,5,00:30:00,Caf\xe9\n",
      STRIDE_IMPORT_STATUS_ERROR,
      "Line 3: field 5 is not valid UTF-8, though the text before it is" },
    { "not-1252.csv", "Activity Type,Date,Distance,Time,Title\n"
                      "Running,2025-01-01 10:00:00,5,00:30:00,Caf\xe9 \x81\n",
      STRIDE_IMPORT_STATUS_ERROR, "Line 2: field 5 has the byte 0x81" },
    { "other.csv", "a,b,c\n1,2,3\n", STRIDE_IMPORT_STATUS_ERROR, "Unsupported CSV file" },
    { "header-only.csv", "Activity Type,Date,Distance,Time\r\n", STRIDE_IMPORT_STATUS_SKIPPED,
      "no rows" },
    { "empty.csv", "", STRIDE_IMPORT_STATUS_ERROR, "empty" },
    { "huge.csv", "Activity Type,Date,Distance,Time\nRunning,2025-01-01 10:00:00,5,100:00:00\n"
                  "Running,2225-01-01 10:00:00,5,00:30:00\n"
                  "Running,2025-01-01 10:00:00,5000,00:30:00\n",
      STRIDE_IMPORT_STATUS_ERROR, "row 4: the distance and time give a speed over 100 m/s" },
  };
  g_auto(StrideImportResult) good = { 0, };

  if (skip_without_corpus ())
    return;

  g_assert_cmpint (import_corpus (fixture, "pacer_garmin_Activities_example.csv", &good), ==,
                   STRIDE_IMPORT_STATUS_IMPORTED);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(StrideImportResult) result = { 0, };
      g_autofree char *path = write_file (fixture, cases[i].name, cases[i].contents);

      g_assert_cmpint (import_file (fixture, path, &result), ==, cases[i].status);
      g_assert_nonnull (strstr (result.message, cases[i].message));
      g_assert_cmpuint (result.n_activities, ==, 0);
      g_assert_cmpint (count (fixture->store, "activity"), ==, 6);
      assert_journal_ok (fixture);
    }
}

/* In a folder walk, a CSV that is no activity list is skipped, not an
 * error; explicitly named it is an error (above). */
static void
test_walk_skips_other_csv (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "walk", NULL);
  g_autofree char *path = g_build_filename (folder, "bikes.csv", NULL);
  g_autoptr(GError) error = NULL;
  Collected collected = { 0, };

  g_mkdir_with_parents (folder, 0700);
  g_file_set_contents (path, "Bike Name,Bike Brand\nRoad,Acme\n", -1, &error);
  g_assert_no_error (error);

  collected_init (&collected, folder);
  import_path (fixture, &collected, folder);
  g_assert_cmpuint (collected.names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (collected.names, 0), ==, "bikes.csv skipped");
  collected_clear (&collected);
}

/* A Garmin Connect activity list found while walking a folder goes in
 * like one named on its own; a spreadsheet that is not even readable CSV
 * is skipped with the reason, since it was never meant for us. */
static void
test_walk_finds_garmin_list (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "downloads", NULL);
  g_autofree char *garmin = g_build_filename (folder, "garmin", NULL);
  g_autofree char *budget = NULL;
  Collected collected = { 0, };
  StrideImportResult *result;

  if (skip_without_corpus ())
    return;

  g_mkdir_with_parents (garmin, 0700);
  copy_corpus_file ("pacer_garmin_Activities_example.csv", garmin, "Activities.csv");
  budget = write_bytes (folder, "budget.csv", "Item,Price\nShoes,120\nSocks 5\"6,12\n", -1);

  collected_init (&collected, folder);
  import_path (fixture, &collected, folder);
  g_assert_cmpuint (collected.names->len, ==, 2);
  if (collected.names->len == 2)
    {
      g_assert_cmpstr (g_ptr_array_index (collected.names, 0), ==, "budget.csv skipped");
      result = g_ptr_array_index (collected.results, 0);
      g_assert_nonnull (strstr (result->message, "Not a readable CSV file: Line 3"));
      g_assert_cmpstr (g_ptr_array_index (collected.names, 1), ==,
                       "garmin/Activities.csv imported");
      result = g_ptr_array_index (collected.results, 1);
      g_assert_cmpuint (result->n_activities, ==, 6);
    }
  g_assert_cmpint (count (fixture->store, "activity"), ==, 6);
  assert_journal_ok (fixture);
  collected_clear (&collected);
}

static void
test_parse_helpers (void)
{
  double v = 0;

  g_assert_true (stride_export_parse_number ("4,808", FALSE, &v));
  g_assert_cmpfloat (v, ==, 4808);
  g_assert_true (stride_export_parse_number ("1,234,567.5", FALSE, &v));
  g_assert_cmpfloat (v, ==, 1234567.5);
  g_assert_true (stride_export_parse_number ("1.234,5", TRUE, &v));
  g_assert_cmpfloat (v, ==, 1234.5);
  g_assert_true (stride_export_parse_number ("-4", FALSE, &v));
  g_assert_cmpfloat (v, ==, -4);
  g_assert_false (stride_export_parse_number ("4,80", FALSE, &v));
  g_assert_false (stride_export_parse_number ("5,48", FALSE, &v));
  g_assert_false (stride_export_parse_number ("0x10", FALSE, &v));
  g_assert_false (stride_export_parse_number ("--", FALSE, &v));
  g_assert_false (stride_export_parse_number ("nan", FALSE, &v));

  g_assert_true (stride_export_parse_duration ("00:31:24", &v));
  g_assert_cmpfloat (v, ==, 1884);
  g_assert_true (stride_export_parse_duration ("00:02:15.3", &v));
  g_assert_cmpfloat_with_epsilon (v, 135.3, 1e-9);
  g_assert_true (stride_export_parse_duration ("45:00.0", &v));
  g_assert_cmpfloat (v, ==, 2700);
  g_assert_true (stride_export_parse_duration ("-1256729.0", &v));
  g_assert_cmpfloat (v, ==, -1256729);
  g_assert_false (stride_export_parse_duration ("00:61:00", &v));
  g_assert_false (stride_export_parse_duration ("1:2:3:4", &v));
  g_assert_false (stride_export_parse_duration ("-1:00", &v));
  g_assert_false (stride_export_parse_duration (":30", &v));
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads the local zone; see the top of this file. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  g_test_add_func ("/csv-exports/parse-helpers", test_parse_helpers);
  ADD ("/csv-exports/strava-csv-only", test_strava_csv_only);
  ADD ("/csv-exports/strava-folder", test_strava_folder);
  ADD ("/csv-exports/garmin-example", test_garmin_example);
  ADD ("/csv-exports/garmin-unit", test_garmin_unit);
  ADD ("/csv-exports/garmin-bad-rows", test_garmin_bad_rows);
  ADD ("/csv-exports/garmin-variants", test_garmin_variants);
  ADD ("/csv-exports/garmin-separator-twins", test_garmin_separator_twins);
  ADD ("/csv-exports/strava-semicolons", test_strava_semicolons);
  ADD ("/csv-exports/garmin-windows-1252", test_garmin_windows_1252);
  ADD ("/csv-exports/garmin-locale-numbers", test_garmin_locale_numbers);
  ADD ("/csv-exports/garmin-ambiguous", test_garmin_ambiguous);
  ADD ("/csv-exports/garmin-misaligned-row", test_garmin_misaligned_row);
  ADD ("/csv-exports/batch-with-bad-files", test_batch_with_bad_files);
  ADD ("/csv-exports/walk-with-bad-export", test_walk_with_bad_export);
  ADD ("/csv-exports/errors", test_errors);
  ADD ("/csv-exports/walk-skips-other-csv", test_walk_skips_other_csv);
  ADD ("/csv-exports/walk-finds-garmin-list", test_walk_finds_garmin_list);

#undef ADD

  return g_test_run ();
}
