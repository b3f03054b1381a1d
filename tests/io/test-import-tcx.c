/* test-import-tcx.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "io-test-util.h"
#include "stride-import.h"
#include "stride-tcx.h"

/* Expected values were computed independently from the files with
 * /usr/bin/python3 and xml.etree, once by hand: trackpoint counts, the
 * earliest lap StartTime or trackpoint time, the sum of the (non-duplicate)
 * laps' DistanceMeters, elapsed time to the later of the last point and the
 * last lap's end, the mean of HeartRateBpm samples, and the moving-time and
 * 2 m elevation-hysteresis rules written in src/io/stride-track.c. */

typedef struct
{
  const char  *file;
  guint        n_activities;
  guint        index;
  guint        n_points;
  guint        n_laps;
  const char  *start;                /* UTC, whole seconds (floor) */
  gint         tz_offset_s;
  double       duration_s;
  double       distance_m;
  gint         avg_hr;
  double       gain_m;
  double       moving_s;
  StrideSport  sport;
} Expectation;

static const Expectation expectations[] = {
  /* Forerunner 410, 3 laps, one point without a position */
  { "tcxparser_test.tcx", 1, 0, 384, 3, "2012-12-26T21:29:53Z", 0, 1992.51, 4689.243, 157,
    137.949, 1984, STRIDE_SPORT_RUN },
  { "tcxparser_test.tcx.gz", 1, 0, 384, 3, "2012-12-26T21:29:53Z", 0, 1992.51, 4689.243, 157,
    137.949, 1984, STRIDE_SPORT_RUN },
  { "tcxparser_no_hr.tcx", 1, 0, 384, 3, "2012-12-26T21:29:53Z", 0, 1992.51, 4689.243, 0,
    137.949, 1984, STRIDE_SPORT_RUN },
  /* Two <Activity> in one file */
  { "tcxgem_multiple_running_activities.tcx", 2, 0, 1254, 15, "2014-12-26T10:00:39Z", 0, 3271,
    14332.28, 177, 193.8, 3236, STRIDE_SPORT_RUN },
  { "tcxgem_multiple_running_activities.tcx", 2, 1, 1463, 11, "2016-07-29T15:00:26Z", 0, 5280,
    19150.97, 0, 159.8, 4805, STRIDE_SPORT_RUN },
  /* Treadmill: no positions, distance and RunCadence from the file */
  { "tcxgem_treadmill_1.tcx", 1, 0, 215, 3, "2025-10-24T15:25:26Z", 0, 1638.498, 4111.48, 126,
    0, 1605, STRIDE_SPORT_RUN },
  /* The first point is a second before the first lap's StartTime. */
  { "pytrainer_sample.tcx", 1, 0, 554, 11, "2012-10-14T10:02:41Z", 0, 2392.35, 10119.69, 176,
    194.6, 2356, STRIDE_SPORT_RUN },
  /* Fitbit: the second lap repeats the first; +01:00 times; the two points
   * span 1 s of 2283 s, so moving time is the lap's timer time. */
  { "togeojson_bad.tcx", 1, 0, 2, 1, "2020-12-27T14:43:49Z", 3600, 2283, 6839.97, 122,
    0, 2283, STRIDE_SPORT_CYCLING },
  /* Pool swim: Sport="Other", no positions */
  { "tcxgem_pool_swim-activity_1.tcx", 1, 0, 32, 1, "2022-08-26T16:35:13Z", 0, 1531, 1500, 0,
    0, 1427, STRIDE_SPORT_OTHER },
};

static GPtrArray *
parse_string (const char  *xml,
              GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (xml, -1, NULL);

  return stride_tcx_parse (stream, NULL, error);
}

static GPtrArray *
parse_corpus (const char *name)
{
  g_autoptr(GFile) file = corpus_file (name);
  g_autoptr(GError) error = NULL;
  GPtrArray *activities;

  activities = stride_import_parse_file (file, NULL, &error);
  g_assert_no_error (error);

  return activities;
}

static void
test_expected_totals (gconstpointer data)
{
  const Expectation *e = data;
  g_autoptr(GPtrArray) activities = NULL;
  const StrideParsedActivity *parsed;
  const StrideActivity *a;
  double last_time = -1;

  if (skip_without_corpus ())
    return;

  activities = parse_corpus (e->file);
  if (activities == NULL)
    return;

  g_assert_cmpuint (activities->len, ==, e->n_activities);
  if (e->index >= activities->len)
    return;

  parsed = g_ptr_array_index (activities, e->index);
  a = &parsed->activity;

  g_assert_cmpuint (parsed->points->len, ==, e->n_points);
  g_assert_cmpuint (parsed->laps->len, ==, e->n_laps);
  g_assert_cmpint (a->start_utc, ==, iso_to_unix (e->start));
  g_assert_cmpint (a->tz_offset_s, ==, e->tz_offset_s);
  g_assert_cmpfloat_with_epsilon (a->duration_s, e->duration_s, 0.01);
  g_assert_cmpfloat_with_epsilon (a->distance_m, e->distance_m, 0.01);
  g_assert_cmpint (a->avg_hr, ==, e->avg_hr);
  g_assert_cmpfloat_with_epsilon (a->elevation_gain_m, e->gain_m, 0.01);
  g_assert_cmpfloat_with_epsilon (a->moving_s, e->moving_s, 0.01);
  g_assert_cmpint (a->sport, ==, e->sport);
  g_assert_null (a->title);

  for (guint i = 0; i < parsed->points->len; i++)
    {
      const StrideTrackpoint *p = &g_array_index (parsed->points, StrideTrackpoint, i);

      g_assert_cmpfloat (p->time_s, >=, last_time);
      last_time = p->time_s;
    }
  for (guint i = 0; i < parsed->laps->len; i++)
    {
      const StrideLap *lap = &g_array_index (parsed->laps, StrideLap, i);

      g_assert_cmpint (lap->lap_index, ==, (gint) i);
      g_assert_cmpfloat (lap->start_s, >=, 0);
      g_assert_cmpfloat (lap->start_s, <=, a->duration_s);
    }
}

static void
test_laps (void)
{
  /* tcxparser_test.tcx <Lap>: StartTime, TotalTimeSeconds, DistanceMeters,
   * AverageHeartRateBpm. */
  static const struct {
    double start_s;
    double duration_s;
    double distance_m;
    gint   avg_hr;
  } laps[] = {
    { 0, 608.47, 1609.34399414, 139 },
    { 609, 714.80, 1609.34399414, 172 },
    { 1323, 669.51, 1470.5546875, 167 },
  };
  g_autoptr(GPtrArray) activities = NULL;
  const StrideParsedActivity *parsed;
  const StrideTrackpoint *first;

  if (skip_without_corpus ())
    return;

  activities = parse_corpus ("tcxparser_test.tcx");
  if (activities == NULL)
    return;

  parsed = g_ptr_array_index (activities, 0);
  g_assert_cmpuint (parsed->laps->len, ==, G_N_ELEMENTS (laps));
  for (guint i = 0; i < MIN (parsed->laps->len, G_N_ELEMENTS (laps)); i++)
    {
      const StrideLap *lap = &g_array_index (parsed->laps, StrideLap, i);

      g_assert_cmpfloat_with_epsilon (lap->start_s, laps[i].start_s, 1e-6);
      g_assert_cmpfloat_with_epsilon (lap->duration_s, laps[i].duration_s, 1e-6);
      g_assert_cmpfloat_with_epsilon (lap->distance_m, laps[i].distance_m, 1e-6);
      g_assert_cmpint (lap->avg_hr, ==, laps[i].avg_hr);
    }

  /* First trackpoint: altitude 178.942626953, distance 0. */
  first = &g_array_index (parsed->points, StrideTrackpoint, 0);
  g_assert_cmpfloat_with_epsilon (first->elevation_m, 178.942626953, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->distance_m, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->time_s, 0, 1e-9);
  g_assert_cmpint (first->hr, >, 0);
  g_assert_false (isnan (first->lat));
}

static void
test_treadmill (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  const StrideParsedActivity *parsed;
  guint n_cadence = 0;

  if (skip_without_corpus ())
    return;

  activities = parse_corpus ("tcxgem_treadmill_1.tcx");
  if (activities == NULL)
    return;

  parsed = g_ptr_array_index (activities, 0);
  for (guint i = 0; i < parsed->points->len; i++)
    {
      const StrideTrackpoint *p = &g_array_index (parsed->points, StrideTrackpoint, i);

      g_assert_true (isnan (p->lat) && isnan (p->lon));
      g_assert_false (isnan (p->distance_m));
      if (p->cadence > 0)
        n_cadence++;
    }
  /* The third point has <ns3:RunCadence>67</ns3:RunCadence>. */
  g_assert_cmpint (g_array_index (parsed->points, StrideTrackpoint, 2).cadence, ==, 67);
  g_assert_cmpuint (n_cadence, >, 100);
}

static void
test_duplicate_lap_note (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  const StrideParsedActivity *parsed;

  if (skip_without_corpus ())
    return;

  activities = parse_corpus ("togeojson_bad.tcx");
  if (activities == NULL)
    return;

  parsed = g_ptr_array_index (activities, 0);
  g_assert_nonnull (parsed->note);
  if (parsed->note != NULL)
    g_assert_nonnull (strstr (parsed->note, "1 duplicated lap left out"));
}

static void
test_course (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_corpus ())
    return;

  file = corpus_file ("togeojson_tcx-courses.tcx");
  activities = stride_import_parse_file (file, NULL, &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT);
  if (error != NULL)
    g_assert_nonnull (strstr (error->message, "course"));
}

static void
test_every_corpus_file (void)
{
  g_autoptr(GPtrArray) names = NULL;
  guint n_imported = 0;

  if (skip_without_corpus ())
    return;

  names = corpus_names (STRIDE_IMPORT_FORMAT_TCX);
  if (names == NULL)
    return;

  for (guint n = 0; n < names->len; n++)
    {
      const char *name = g_ptr_array_index (names, n);
      g_autoptr(GFile) file = corpus_file (name);
      g_autoptr(GPtrArray) activities = NULL;
      g_autoptr(GError) parse_error = NULL;

      activities = stride_import_parse_file (file, NULL, &parse_error);
      g_test_message ("%s: %s", name, parse_error != NULL ? parse_error->message : "parsed");

      if (activities == NULL)
        {
          g_assert_true (parse_error != NULL && parse_error->domain == STRIDE_IMPORT_ERROR);
          continue;
        }

      n_imported++;
      for (guint i = 0; i < activities->len; i++)
        {
          const StrideParsedActivity *parsed = g_ptr_array_index (activities, i);
          const StrideActivity *a = &parsed->activity;

          assert_plausible_activity (a);
          g_assert_cmpuint (parsed->laps->len, >, 0);
        }
    }

  /* 12 TCX files and one .tcx.gz; only the course is not an activity. */
  g_assert_cmpuint (names->len, ==, 13);
  g_assert_cmpuint (n_imported, ==, 12);
}

static void
test_multisport (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = parse_string ("<TrainingCenterDatabase><Activities><MultiSportSession>"
                             "<Id>2020-01-01T00:00:00Z</Id>"
                             "<FirstSport><Activity Sport=\"Running\"><Id>2020-01-01T00:00:00Z</Id>"
                             "<Lap StartTime=\"2020-01-01T00:00:00Z\"><TotalTimeSeconds>600</TotalTimeSeconds>"
                             "<DistanceMeters>2000</DistanceMeters></Lap></Activity></FirstSport>"
                             "<NextSport><Activity Sport=\"Biking\"><Id>2020-01-01T00:12:00Z</Id>"
                             "<Lap StartTime=\"2020-01-01T00:12:00Z\"><TotalTimeSeconds>1800</TotalTimeSeconds>"
                             "<DistanceMeters>15000</DistanceMeters></Lap></Activity></NextSport>"
                             "</MultiSportSession></Activities></TrainingCenterDatabase>", &error);
  g_assert_no_error (error);
  if (activities == NULL)
    return;

  g_assert_cmpuint (activities->len, ==, 2);
  if (activities->len == 2)
    {
      const StrideActivity *run = &((StrideParsedActivity *) g_ptr_array_index (activities, 0))->activity;
      const StrideActivity *ride = &((StrideParsedActivity *) g_ptr_array_index (activities, 1))->activity;

      /* Summary-only laps: no points, totals from the laps. */
      g_assert_cmpint (run->sport, ==, STRIDE_SPORT_RUN);
      g_assert_cmpfloat_with_epsilon (run->duration_s, 600, 1e-6);
      g_assert_cmpfloat_with_epsilon (run->moving_s, 600, 1e-6);
      g_assert_cmpfloat_with_epsilon (run->distance_m, 2000, 1e-6);
      g_assert_cmpint (ride->sport, ==, STRIDE_SPORT_CYCLING);
      g_assert_cmpint (ride->start_utc - run->start_utc, ==, 720);
      g_assert_cmpfloat_with_epsilon (ride->distance_m, 15000, 1e-6);
    }
}

static void
test_empty_activity (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = parse_string ("<TrainingCenterDatabase><Activities>"
                             "<Activity Sport=\"Running\"><Id>2020-01-01T00:00:00Z</Id></Activity>"
                             "</Activities></TrainingCenterDatabase>", &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT);
}

static void
test_no_timestamps (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = parse_string ("<TrainingCenterDatabase><Activities><Activity Sport=\"Running\">"
                             "<Lap><Track><Trackpoint><DistanceMeters>5</DistanceMeters></Trackpoint>"
                             "<Trackpoint><DistanceMeters>9</DistanceMeters></Trackpoint></Track></Lap>"
                             "</Activity></Activities></TrainingCenterDatabase>", &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NO_TIMESTAMPS);
  if (error != NULL)
    g_assert_nonnull (strstr (error->message, "No timestamps"));
}

static void
test_not_tcx (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = parse_string ("<gpx version=\"1.1\"/>", &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED);
  g_clear_error (&error);

  activities = parse_string ("<TrainingCenterDatabase><Activities>\n<Activity>\n</Activities>",
                             &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED);
  if (error != NULL)
    g_assert_nonnull (strstr (error->message, "line 3"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tcx/totals/%s/%u", expectations[i].file,
                                               expectations[i].index);

      g_test_add_data_func (path, &expectations[i], test_expected_totals);
    }

  g_test_add_func ("/tcx/laps", test_laps);
  g_test_add_func ("/tcx/treadmill", test_treadmill);
  g_test_add_func ("/tcx/duplicate-lap-note", test_duplicate_lap_note);
  g_test_add_func ("/tcx/course", test_course);
  g_test_add_func ("/tcx/corpus", test_every_corpus_file);
  g_test_add_func ("/tcx/multisport", test_multisport);
  g_test_add_func ("/tcx/empty-activity", test_empty_activity);
  g_test_add_func ("/tcx/no-timestamps", test_no_timestamps);
  g_test_add_func ("/tcx/not-tcx", test_not_tcx);

  return g_test_run ();
}
