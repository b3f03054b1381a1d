/* test-import-gpx.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "io-test-util.h"
#include "stride-gpx.h"
#include "stride-import.h"

/* Expected values were computed independently from the files with
 * /usr/bin/python3 and xml.etree (haversine on a sphere of radius
 * 6371008.8 m, the moving-time and 2 m elevation-hysteresis rules written
 * in src/io/stride-track.c), once by hand, and are hard-coded here. */

typedef struct
{
  const char  *file;
  guint        n_activities;
  guint        index;
  guint        n_points;
  const char  *start;                /* UTC, whole seconds (floor) */
  gint         tz_offset_s;
  double       duration_s;
  double       distance_m;
  gint         avg_hr;
  double       gain_m;
  double       moving_s;
  StrideSport  sport;
  const char  *title;
} Expectation;

static const Expectation expectations[] = {
  /* Strava GPX export, gpxtpx:hr */
  { "togeojson_run_gpxtpx.gpx", 1, 0, 42, "2015-01-19T21:24:20Z", 0, 41, 125.447, 136, 2.2, 41,
    STRIDE_SPORT_RUN, "Greeting SF with a dumb, dumb route" },
  /* pytrainer, Cluetrust gpxdata:hr, +01:00 offsets, title from <metadata> */
  { "pytrainer_gpxplus_sample.gpx", 1, 0, 666, "2012-01-26T17:11:00Z", 3600, 3481, 10106.603,
    147, 268.208, 3481, STRIDE_SPORT_RUN, "running2012-01-26" },
  /* Apple Watch: 3 segments, fractional seconds, <type>running</type> */
  { "togeojson_Friday-Evening-Run.gpx", 1, 0, 17, "2025-05-02T15:51:15Z", 0, 2569.308, 87.649,
    150, 0, 35.503, STRIDE_SPORT_RUN, "Friday Evening Run" },
  { "togeojson_Friday-Evening-Run.gpx.gz", 1, 0, 17, "2025-05-02T15:51:15Z", 0, 2569.308, 87.649,
    150, 0, 35.503, STRIDE_SPORT_RUN, "Friday Evening Run" },
  /* NikePlus: +01:00 and sub-second times, <type>run</type> */
  { "gpxpy_track-with-less-sec-time.gpx", 1, 0, 2, "2015-12-11T14:43:13Z", 3600, 0.994, 1.561, 0,
    0, 0.994, STRIDE_SPORT_RUN, NULL },
  /* 8 tracks (one empty) on one afternoon: merged into one activity */
  { "gpxpy_cerknicko-jezero.gpx", 1, 0, 296, "2010-08-05T14:23:59Z", 0, 7190, 4575.019, 0,
    239.849, 1967, STRIDE_SPORT_RUN, "ACTIVE LOG #2" },
  /* 4 tracks: one empty, one without times (left out), two merged */
  { "gpxpy_korita-zbevnica.gpx", 1, 0, 513, "2010-10-03T09:36:30Z", 0, 13381, 6261.544, 0,
    330.693, 5900, STRIDE_SPORT_RUN, "ACTIVE LOG" },
  /* 3 tracks months apart: 3 activities, in time order */
  { "togeojson_blue_hills.gpx", 3, 0, 436, "2001-05-26T15:15:07Z", 0, 19744, 18345.975, 0,
    541.630, 6438, STRIDE_SPORT_RUN, "SHORT LOOP" },
  { "togeojson_blue_hills.gpx", 3, 1, 309, "2001-06-24T15:09:09Z", 0, 10550, 15385.946, 0,
    256.337, 5861, STRIDE_SPORT_RUN, "BIG LOOP" },
  { "togeojson_blue_hills.gpx", 3, 2, 498, "2001-10-13T17:55:59Z", 0, 12581, 18165.267, 0,
    340.787, 5915, STRIDE_SPORT_RUN, "BUCK HILL" },
};

typedef struct
{
  const char        *file;
  StrideImportError  code;
  const char        *message;        /* a part of it */
} BadFile;

static const BadFile bad_files[] = {
  { "togeojson_bad.gpx", STRIDE_IMPORT_ERROR_INVALID, "2 have invalid coordinates" },
  { "gpxpy_route.gpx", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "only 1 route and 0 waypoints" },
  { "togeojson_trek.gpx", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "only 1 route and" },
  { "togeojson_trek_no_rtept.gpx", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "only 1 route and" },
  { "togeojson_opencpn.gpx", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "only 1 route and" },
  { "togeojson_wpt.gpx", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "40 waypoints" },
  { "gpxpy_unicode_with_bom.gpx", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "1 waypoint" },
  { "gpxpy_custom_schema_locations.gpx", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "No tracks" },
  { "togeojson_empty_trk.gpx", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "tracks are empty" },
  { "togeojson_unique_trkpt.gpx", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "single point" },
  { "gpxpy_track-with-extremes.gpx", STRIDE_IMPORT_ERROR_NO_TIMESTAMPS, "No timestamps" },
  { "togeojson_north_core.gpx", STRIDE_IMPORT_ERROR_NO_TIMESTAMPS, "No timestamps" },
  { "gpxpy_cerknicko-without-times.gpx", STRIDE_IMPORT_ERROR_NO_TIMESTAMPS,
    "only 5 of 296 track points" },
  /* Every point stamped 1901-12-13T20:45:52 (INT32_MIN): no time at all. */
  { "gpxpy_Mojstrovka.gpx", STRIDE_IMPORT_ERROR_NO_TIMESTAMPS, "same time" },
};

static GPtrArray *
parse_string (const char  *xml,
              GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (xml, -1, NULL);

  return stride_gpx_parse (stream, NULL, error);
}

/* The points come in time order and distances never go back. */
static void
check_points (const StrideParsedActivity *parsed)
{
  double last_time = -1;
  double last_distance = 0;

  for (guint i = 0; i < parsed->points->len; i++)
    {
      const StrideTrackpoint *p = &g_array_index (parsed->points, StrideTrackpoint, i);

      g_assert_cmpfloat (p->time_s, >=, last_time);
      g_assert_cmpfloat (p->time_s, <=, parsed->activity.duration_s + 1);
      last_time = p->time_s;
      if (!isnan (p->distance_m))
        {
          g_assert_cmpfloat (p->distance_m, >=, last_distance - 1e-6);
          last_distance = p->distance_m;
        }
    }
}

static void
test_expected_totals (gconstpointer data)
{
  const Expectation *e = data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  const StrideParsedActivity *parsed;
  const StrideActivity *a;

  if (skip_without_corpus ())
    return;

  file = corpus_file (e->file);
  activities = stride_import_parse_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (activities);
  if (activities == NULL)
    return;

  g_assert_cmpuint (activities->len, ==, e->n_activities);
  if (e->index >= activities->len)
    return;

  parsed = g_ptr_array_index (activities, e->index);
  a = &parsed->activity;

  g_assert_cmpuint (parsed->points->len, ==, e->n_points);
  g_assert_cmpint (a->start_utc, ==, iso_to_unix (e->start));
  g_assert_cmpint (a->tz_offset_s, ==, e->tz_offset_s);
  g_assert_cmpfloat_with_epsilon (a->duration_s, e->duration_s, 0.01);
  /* 0.1 % + 0.5 m: the reference used the same sphere, but not the same code. */
  g_assert_cmpfloat_with_epsilon (a->distance_m, e->distance_m, 0.5 + e->distance_m * 0.001);
  g_assert_cmpint (a->avg_hr, ==, e->avg_hr);
  g_assert_cmpfloat_with_epsilon (a->elevation_gain_m, e->gain_m, 0.01);
  g_assert_cmpfloat_with_epsilon (a->moving_s, e->moving_s, 0.01);
  g_assert_cmpint (a->sport, ==, e->sport);
  g_assert_cmpstr (a->title, ==, e->title);
  g_assert_cmpint (a->id, ==, 0);
  g_assert_null (a->source_hash);
  g_assert_cmpuint (parsed->laps->len, ==, 0);
  check_points (parsed);
}

static void
test_bad_file (gconstpointer data)
{
  const BadFile *b = data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_corpus ())
    return;

  file = corpus_file (b->file);
  activities = stride_import_parse_file (file, NULL, &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, (gint) b->code);
  if (error != NULL)
    g_assert_nonnull (strstr (error->message, b->message));
}

static void
test_heart_rate_and_cadence (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  const StrideParsedActivity *parsed;
  const StrideTrackpoint *first;
  const StrideTrackpoint *fifth;

  if (skip_without_corpus ())
    return;

  /* First point: cad 64 and no hr; fifth (second segment): hr 121, cad 61. */
  file = corpus_file ("togeojson_Friday-Evening-Run.gpx");
  activities = stride_import_parse_file (file, NULL, &error);
  g_assert_no_error (error);
  if (activities == NULL)
    return;

  parsed = g_ptr_array_index (activities, 0);
  first = &g_array_index (parsed->points, StrideTrackpoint, 0);
  fifth = &g_array_index (parsed->points, StrideTrackpoint, 4);

  g_assert_cmpint (first->hr, ==, 0);
  g_assert_cmpint (first->cadence, ==, 64);
  g_assert_cmpfloat_with_epsilon (first->time_s, 0.692, 1e-6);
  g_assert_cmpfloat_with_epsilon (first->lat, 51.9020502, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->lon, 4.0692787, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->elevation_m, 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (first->distance_m, 0, 1e-9);
  g_assert_cmpint (fifth->hr, ==, 121);
  g_assert_cmpint (fifth->cadence, ==, 61);
  /* 15:55:03 - 15:51:15 */
  g_assert_cmpfloat_with_epsilon (fifth->time_s, 228, 1e-6);
}

static void
test_gzip_twin (void)
{
  g_autoptr(GFile) plain = NULL;
  g_autoptr(GFile) gz = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GError) error = NULL;
  const StrideParsedActivity *pa;
  const StrideParsedActivity *pb;

  if (skip_without_corpus ())
    return;

  plain = corpus_file ("togeojson_Friday-Evening-Run.gpx");
  gz = corpus_file ("togeojson_Friday-Evening-Run.gpx.gz");
  a = stride_import_parse_file (plain, NULL, &error);
  g_assert_no_error (error);
  b = stride_import_parse_file (gz, NULL, &error);
  g_assert_no_error (error);
  if (a == NULL || b == NULL)
    return;

  pa = g_ptr_array_index (a, 0);
  pb = g_ptr_array_index (b, 0);
  g_assert_cmpuint (pa->points->len, ==, pb->points->len);
  g_assert_cmpmem (pa->points->data, pa->points->len * sizeof (StrideTrackpoint),
                   pb->points->data, pb->points->len * sizeof (StrideTrackpoint));
  g_assert_cmpint (pa->activity.start_utc, ==, pb->activity.start_utc);
}

static void
test_every_corpus_file (void)
{
  g_autoptr(GPtrArray) names = NULL;
  guint n_imported = 0;

  if (skip_without_corpus ())
    return;

  names = corpus_names (STRIDE_IMPORT_FORMAT_GPX);
  if (names == NULL)
    return;

  for (guint n = 0; n < names->len; n++)
    {
      const char *name = g_ptr_array_index (names, n);
      g_autoptr(GFile) file = corpus_file (name);
      g_autoptr(GPtrArray) activities = NULL;
      g_autoptr(GError) parse_error = NULL;

      activities = stride_import_parse_file (file, NULL, &parse_error);
      g_test_message ("%s: %s", name,
                      parse_error != NULL ? parse_error->message : "parsed");

      if (activities == NULL)
        {
          g_assert_nonnull (parse_error);
          g_assert_true (parse_error->domain == STRIDE_IMPORT_ERROR);
          g_assert_cmpstr (parse_error->message, !=, "");
          continue;
        }

      g_assert_null (parse_error);
      g_assert_cmpuint (activities->len, >, 0);
      n_imported++;

      for (guint i = 0; i < activities->len; i++)
        {
          const StrideParsedActivity *parsed = g_ptr_array_index (activities, i);
          const StrideActivity *a = &parsed->activity;

          assert_plausible_activity (a);
          g_assert_cmpuint (parsed->points->len, >=, 2);
          g_assert_cmpfloat (a->elevation_gain_m, >=, 0);
          check_points (parsed);
        }
    }

  /* 46 GPX files and one .gpx.gz in the dev corpus. */
  g_assert_cmpuint (names->len, ==, 47);
  g_assert_cmpuint (n_imported, ==, 21);
}

static void
test_malformed_line (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = parse_string ("<gpx>\n<trk>\n<trkseg>\n</trk>\n</gpx>\n", &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED);
  if (error != NULL)
    g_assert_nonnull (strstr (error->message, "line 4"));
}

static void
test_not_gpx (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = parse_string ("<kml><Document/></kml>", &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED);
  if (error != NULL)
    g_assert_nonnull (strstr (error->message, "<kml>"));
}

static void
test_empty_data (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = stride_import_parse_bytes (bytes, STRIDE_IMPORT_FORMAT_GPX, NULL, &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED);
}

#define TWO_POINTS \
  "<trkseg><trkpt lat=\"1\" lon=\"1\"><time>2020-01-01T00:00:00Z</time></trkpt>" \
  "<trkpt lat=\"1.001\" lon=\"1\"><time>2020-01-01T00:01:00Z</time></trkpt></trkseg>"

static void
test_entities_not_expanded (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  const StrideParsedActivity *parsed;

  /* Neither the internal nor the external entity is substituted. */
  activities = parse_string ("<?xml version=\"1.0\"?>\n"
                             "<!DOCTYPE gpx [\n"
                             "<!ENTITY x \"EXPANDED\">\n"
                             "<!ENTITY ext SYSTEM \"file:///etc/passwd\">\n"
                             "]>\n"
                             "<gpx version=\"1.1\"><trk><name>a&x;b&ext;c</name>"
                             TWO_POINTS "</trk></gpx>", &error);
  g_assert_no_error (error);
  if (activities == NULL)
    return;

  parsed = g_ptr_array_index (activities, 0);
  g_assert_cmpstr (parsed->activity.title, ==, "abc");
}

static void
test_billion_laughs (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n"
                                         "<!ENTITY l0 \"lol\">\n");
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i < 10; i++)
    {
      g_string_append_printf (xml, "<!ENTITY l%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (xml, "&l%u;", i - 1);
      g_string_append (xml, "\">\n");
    }
  g_string_append (xml, "]>\n<gpx><trk><name>&l9;</name>" TWO_POINTS "</trk></gpx>\n");

  /* Either refused or left unexpanded; never 10^9 "lol"s. */
  activities = parse_string (xml->str, &error);
  if (activities != NULL)
    {
      const StrideParsedActivity *parsed = g_ptr_array_index (activities, 0);

      g_assert_true (parsed->activity.title == NULL || strlen (parsed->activity.title) < 1000);
    }
  else
    {
      g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED);
    }
}

static void
test_undeclared_prefix (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  /* Not namespace-well-formed, but common: read it anyway. */
  activities = parse_string ("<gpx version=\"1.1\"><trk><trkseg>"
                             "<trkpt lat=\"1\" lon=\"1\"><time>2020-01-01T00:00:00Z</time>"
                             "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr>"
                             "</gpxtpx:TrackPointExtension></extensions></trkpt>"
                             "<trkpt lat=\"1.001\" lon=\"1\"><time>2020-01-01T00:01:00Z</time>"
                             "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>130</gpxtpx:hr>"
                             "</gpxtpx:TrackPointExtension></extensions></trkpt>"
                             "</trkseg></trk></gpx>", &error);
  g_assert_no_error (error);
  if (activities == NULL)
    return;

  g_assert_cmpint (((StrideParsedActivity *) g_ptr_array_index (activities, 0))->activity.avg_hr,
                   ==, 125);
}

static void
test_interpolated_time (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  const StrideParsedActivity *parsed;

  /* The middle point has no time; it lies a third of the way. */
  activities = parse_string ("<gpx><trk><type>Biking</type><trkseg>"
                             "<trkpt lat=\"0\" lon=\"0\"><time>2020-01-01T00:00:00Z</time></trkpt>"
                             "<trkpt lat=\"0\" lon=\"0.001\"></trkpt>"
                             "<trkpt lat=\"0\" lon=\"0.003\"><time>2020-01-01T00:01:00Z</time></trkpt>"
                             "</trkseg></trk></gpx>", &error);
  g_assert_no_error (error);
  if (activities == NULL)
    return;

  parsed = g_ptr_array_index (activities, 0);
  g_assert_cmpuint (parsed->points->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (parsed->points, StrideTrackpoint, 1).time_s,
                                  20, 1e-6);
  g_assert_cmpint (parsed->activity.sport, ==, STRIDE_SPORT_CYCLING);
  g_assert_nonnull (parsed->note);
}

static void
test_pause_excluded (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  const StrideParsedActivity *parsed;

  /* 60 s moving (~111 m), 120 s standing, 60 s moving, a 5 s stop that
   * counts, and a second segment 1 h later. */
  activities = parse_string ("<gpx><trk><trkseg>"
                             "<trkpt lat=\"0\" lon=\"0\"><time>2020-01-01T00:00:00Z</time></trkpt>"
                             "<trkpt lat=\"0.001\" lon=\"0\"><time>2020-01-01T00:01:00Z</time></trkpt>"
                             "<trkpt lat=\"0.001\" lon=\"0\"><time>2020-01-01T00:03:00Z</time></trkpt>"
                             "<trkpt lat=\"0.002\" lon=\"0\"><time>2020-01-01T00:04:00Z</time></trkpt>"
                             "<trkpt lat=\"0.002\" lon=\"0\"><time>2020-01-01T00:04:05Z</time></trkpt>"
                             "</trkseg><trkseg>"
                             "<trkpt lat=\"0.01\" lon=\"0\"><time>2020-01-01T01:04:05Z</time></trkpt>"
                             "<trkpt lat=\"0.011\" lon=\"0\"><time>2020-01-01T01:05:05Z</time></trkpt>"
                             "</trkseg></trk></gpx>", &error);
  g_assert_no_error (error);
  if (activities == NULL)
    return;

  parsed = g_ptr_array_index (activities, 0);
  g_assert_cmpfloat_with_epsilon (parsed->activity.moving_s, 60 + 60 + 5 + 60, 1e-6);
  g_assert_cmpfloat_with_epsilon (parsed->activity.duration_s, 3905, 1e-6);
  /* Three steps of 0.001° latitude; the segment gap adds nothing. */
  g_assert_cmpfloat_with_epsilon (parsed->activity.distance_m, 3 * 111.195, 0.01);
  /* No <type>: a run. */
  g_assert_cmpint (parsed->activity.sport, ==, STRIDE_SPORT_RUN);
}

static void
test_elevation_hysteresis (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  /* Noise of 1 m around 100 never counts; the climb to 110 does (10 m);
   * the drop to 105 ends it and the climb back to 108 adds 3. */
  activities = parse_string ("<gpx><trk><trkseg>"
                             "<trkpt lat=\"0\" lon=\"0\"><ele>100</ele><time>2020-01-01T00:00:00Z</time></trkpt>"
                             "<trkpt lat=\"0\" lon=\"0\"><ele>101</ele><time>2020-01-01T00:00:01Z</time></trkpt>"
                             "<trkpt lat=\"0\" lon=\"0\"><ele>100</ele><time>2020-01-01T00:00:02Z</time></trkpt>"
                             "<trkpt lat=\"0\" lon=\"0\"><ele>105</ele><time>2020-01-01T00:00:03Z</time></trkpt>"
                             "<trkpt lat=\"0\" lon=\"0\"><ele>108.5</ele><time>2020-01-01T00:00:04Z</time></trkpt>"
                             "<trkpt lat=\"0\" lon=\"0\"><ele>110</ele><time>2020-01-01T00:00:05Z</time></trkpt>"
                             "<trkpt lat=\"0\" lon=\"0\"><ele>105</ele><time>2020-01-01T00:00:06Z</time></trkpt>"
                             "<trkpt lat=\"0\" lon=\"0\"><ele></ele><time>2020-01-01T00:00:07Z</time></trkpt>"
                             "<trkpt lat=\"0\" lon=\"0\"><ele>108</ele><time>2020-01-01T00:00:08Z</time></trkpt>"
                             "</trkseg></trk></gpx>", &error);
  g_assert_no_error (error);
  if (activities == NULL)
    return;

  g_assert_cmpfloat_with_epsilon (((StrideParsedActivity *) g_ptr_array_index (activities, 0))
                                    ->activity.elevation_gain_m, 13, 1e-6);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_memory_input_stream_new_from_data ("<gpx><trk>" TWO_POINTS "</trk></gpx>", -1, NULL);
  g_cancellable_cancel (cancellable);
  activities = stride_gpx_parse (stream, cancellable, &error);
  g_assert_null (activities);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_corrupt_gzip (void)
{
  static const guint8 garbage[] = { 0x1f, 0x8b, 'n', 'o', 't', ' ', 'g', 'z', 'i', 'p', 0, 1, 2 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (garbage, sizeof garbage);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) truncated = NULL;
  gsize length;

  activities = stride_import_parse_bytes (bytes, STRIDE_IMPORT_FORMAT_GPX, NULL, &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED);
  g_clear_error (&error);

  if (skip_without_corpus ())
    return;

  file = corpus_file ("togeojson_Friday-Evening-Run.gpx.gz");
  g_file_load_contents (file, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  truncated = g_bytes_new (contents, length / 2);
  activities = stride_import_parse_bytes (truncated, STRIDE_IMPORT_FORMAT_GPX, NULL, &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED);
}

static void
test_detect_format (void)
{
  gboolean compressed = TRUE;

  g_assert_cmpint (stride_import_detect_format ("a.gpx", &compressed), ==, STRIDE_IMPORT_FORMAT_GPX);
  g_assert_false (compressed);
  g_assert_cmpint (stride_import_detect_format ("A.GPX.GZ", &compressed), ==, STRIDE_IMPORT_FORMAT_GPX);
  g_assert_true (compressed);
  g_assert_cmpint (stride_import_detect_format ("x.Tcx", &compressed), ==, STRIDE_IMPORT_FORMAT_TCX);
  g_assert_false (compressed);
  g_assert_cmpint (stride_import_detect_format ("x.tcx.gz", NULL), ==, STRIDE_IMPORT_FORMAT_TCX);
  g_assert_cmpint (stride_import_detect_format ("x.fit", &compressed), ==, STRIDE_IMPORT_FORMAT_FIT);
  g_assert_false (compressed);
  g_assert_cmpint (stride_import_detect_format ("x.gz", NULL), ==, STRIDE_IMPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (stride_import_detect_format ("gpx", NULL), ==, STRIDE_IMPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (stride_import_detect_format (".gpx.txt", NULL), ==, STRIDE_IMPORT_FORMAT_UNKNOWN);
}

static void
test_sport_words (void)
{
  g_assert_cmpint (stride_track_sport_from_text (NULL, STRIDE_SPORT_RUN), ==, STRIDE_SPORT_RUN);
  g_assert_cmpint (stride_track_sport_from_text (" ", STRIDE_SPORT_RUN), ==, STRIDE_SPORT_RUN);
  g_assert_cmpint (stride_track_sport_from_text ("running", STRIDE_SPORT_OTHER), ==, STRIDE_SPORT_RUN);
  g_assert_cmpint (stride_track_sport_from_text ("Trail_Running", STRIDE_SPORT_OTHER), ==, STRIDE_SPORT_RUN);
  g_assert_cmpint (stride_track_sport_from_text ("Biking", STRIDE_SPORT_OTHER), ==, STRIDE_SPORT_CYCLING);
  g_assert_cmpint (stride_track_sport_from_text ("cycling", STRIDE_SPORT_OTHER), ==, STRIDE_SPORT_CYCLING);
  g_assert_cmpint (stride_track_sport_from_text ("Hiking", STRIDE_SPORT_OTHER), ==, STRIDE_SPORT_WALK);
  g_assert_cmpint (stride_track_sport_from_text ("walking", STRIDE_SPORT_OTHER), ==, STRIDE_SPORT_WALK);
  g_assert_cmpint (stride_track_sport_from_text ("Swimming", STRIDE_SPORT_OTHER), ==, STRIDE_SPORT_SWIM);
  g_assert_cmpint (stride_track_sport_from_text ("Other", STRIDE_SPORT_RUN), ==, STRIDE_SPORT_OTHER);
  g_assert_cmpint (stride_track_sport_from_text ("jkljkl", STRIDE_SPORT_RUN), ==, STRIDE_SPORT_OTHER);
  g_assert_cmpint (stride_track_sport_from_text ("9", STRIDE_SPORT_OTHER), ==, STRIDE_SPORT_RUN);
}

static void
test_parse_time (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  double t = 0;
  gint offset = -1;

  g_assert_true (stride_track_parse_time ("2015-12-11T15:43:13.994+01:00", utc, &t, &offset));
  g_assert_cmpfloat_with_epsilon (t, 1449844993.994, 1e-4);
  g_assert_cmpint (offset, ==, 3600);
  g_assert_true (stride_track_parse_time (" 2013-01-01T12:00:04 ", utc, &t, &offset));
  g_assert_cmpfloat_with_epsilon (t, 1357041604, 1e-6);
  g_assert_cmpint (offset, ==, 0);
  g_assert_true (stride_track_parse_time ("1901-12-13T20:45:52.2073437Z", utc, &t, NULL));
  g_assert_cmpfloat_with_epsilon (t, -2147483647.7926563, 1e-4);
  g_assert_false (stride_track_parse_time ("Aug  6 2007, 20:16:30", utc, &t, NULL));
  g_assert_false (stride_track_parse_time ("", utc, &t, NULL));
  g_assert_false (stride_track_parse_time (NULL, utc, &t, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gpx/totals/%s/%u", expectations[i].file,
                                               expectations[i].index);

      g_test_add_data_func (path, &expectations[i], test_expected_totals);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gpx/bad/%s", bad_files[i].file);

      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }

  g_test_add_func ("/gpx/heart-rate-cadence", test_heart_rate_and_cadence);
  g_test_add_func ("/gpx/gzip-twin", test_gzip_twin);
  g_test_add_func ("/gpx/corpus", test_every_corpus_file);
  g_test_add_func ("/gpx/malformed-line", test_malformed_line);
  g_test_add_func ("/gpx/not-gpx", test_not_gpx);
  g_test_add_func ("/gpx/empty-data", test_empty_data);
  g_test_add_func ("/gpx/entities-not-expanded", test_entities_not_expanded);
  g_test_add_func ("/gpx/billion-laughs", test_billion_laughs);
  g_test_add_func ("/gpx/undeclared-prefix", test_undeclared_prefix);
  g_test_add_func ("/gpx/interpolated-time", test_interpolated_time);
  g_test_add_func ("/gpx/pause-excluded", test_pause_excluded);
  g_test_add_func ("/gpx/elevation-hysteresis", test_elevation_hysteresis);
  g_test_add_func ("/gpx/cancelled", test_cancelled);
  g_test_add_func ("/gpx/corrupt-gzip", test_corrupt_gzip);
  g_test_add_func ("/gpx/detect-format", test_detect_format);
  g_test_add_func ("/gpx/sport-words", test_sport_words);
  g_test_add_func ("/gpx/parse-time", test_parse_time);

  return g_test_run ();
}
