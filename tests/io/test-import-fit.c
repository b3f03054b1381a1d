/* test-import-fit.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "io-test-util.h"
#include "stride-fit.h"
#include "stride-import.h"

/* Expected values were obtained independently of the C decoder with a
 * ~150-line stdlib-only Python FIT reader written for this purpose
 * (python3 /tmp/fitcheck.py and /tmp/fitexpect.py; the session, lap and
 * record fields decoded by hand from the protocol): start = the earlier of
 * the session's start_time and its first record's timestamp (+631065600);
 * duration = the later of the last record and start_time +
 * total_elapsed_time/1000, minus the start; distance = the session's
 * total_distance/100 (else the records' largest distance/100); average
 * heart rate = the session's avg_heart_rate (else the rounded mean of the
 * records' heart_rate); points = the timed records given to the session
 * (the latest-starting session whose range, with 60 s of slack, holds
 * them); laps = the lap messages whose start_time falls in the session the
 * same way. Transition sessions are left out. They agree with the session
 * and lap counts in tests/corpus/PROVENANCE.md. */

typedef struct
{
  const char  *file;
  guint        n_activities;
  guint        index;
  guint        n_points;
  guint        n_laps;
  gint64       start;                /* Unix seconds (floor) */
  gint         tz_offset_s;
  double       duration_s;
  double       distance_m;
  gint         avg_hr;
  StrideSport  sport;
} Expectation;

static const Expectation expectations[] = {
  /* Forerunner 110 run, 5 laps */
  { "fitparse_2013-02-06-12-11-14.fit", 1, 0, 590, 5, 1360152674, 0, 2625.14, 4835.38, 147,
    STRIDE_SPORT_RUN },
  { "fitparse_2015-10-13-08-43-15.fit", 1, 0, 221, 1, 1444750995, 0, 1623.198, 11536.43, 0,
    STRIDE_SPORT_CYCLING },
  /* fitness_equipment, developer fields, no GPS; 1709 s of records */
  { "fitparse_20170518-191602-1740899583.fit", 1, 0, 1641, 8, 1495125450, 3600, 1709, 0, 132,
    STRIDE_SPORT_OTHER },
  /* The SDK example: big-endian messages */
  { "fitparse_Activity.fit", 1, 0, 14, 1, 1334006546, -4 * 3600, 13.749, 5.73, 0,
    STRIDE_SPORT_RUN },
  /* Wahoo: mixed architectures, developer fields */
  { "fitparse_ELEMNT-297E-2019-02-17.fit", 1, 0, 13471, 1, 1550384804, 8 * 3600, 23595,
    78940.55, 124, STRIDE_SPORT_CYCLING },
  { "fitparse_Edge810-Vector-2013-08-16.fit", 1, 0, 4700, 8, 1376676310, 0, 4700.05, 41339.38,
    154, STRIDE_SPORT_CYCLING },
  /* Multisport: generic, run, run, cycling (+ 3 transitions left out);
   * 2640 records before the first session are left out. */
  { "fitparse_activity-large-fenix2-multisport.fit", 4, 0, 9045, 0, 1440835141, 7200, 11798.24,
    25072.07, 130, STRIDE_SPORT_OTHER },
  { "fitparse_activity-large-fenix2-multisport.fit", 4, 1, 2196, 1, 1440844560, 7200, 2294.84,
    2245.23, 164, STRIDE_SPORT_RUN },
  { "fitparse_activity-large-fenix2-multisport.fit", 4, 2, 6695, 1, 1440846861, 7200, 6764.48,
    12740.37, 158, STRIDE_SPORT_RUN },
  { "fitparse_activity-large-fenix2-multisport.fit", 4, 3, 3131, 1, 1440853897, 7200, 3211,
    28928.27, 154, STRIDE_SPORT_CYCLING },
  /* Chained: the activity, then a settings file */
  { "fitparse_activity-settings_chained.fit", 1, 0, 14, 1, 1334006546, -4 * 3600, 13.749, 5.73,
    0, STRIDE_SPORT_RUN },
  { "fitparse_activity-small-fenix2-run.fit", 1, 0, 2809, 4, 1439649908, 7200, 2833, 9008.22,
    154, STRIDE_SPORT_RUN },
  /* Protocol 0, compressed timestamps and speed/distance, times relative
   * to power-on: placed by the activity message's local_timestamp. */
  { "fitparse_compressed-speed-distance.fit", 1, 0, 755, 11, 1329131776, 0, 3883.273, 10248.67,
    170, STRIDE_SPORT_RUN },
  { "fitparse_coros-pace-2-cycling-misaligned-fields.fit", 1, 0, 11272, 4, 1603624219, 0, 12719,
    32145.76, 132, STRIDE_SPORT_CYCLING },
  { "fitparse_developer-types-sample.fit", 1, 0, 3424, 1, 1484672807, 0, 3424, 6753.99, 131,
    STRIDE_SPORT_RUN },
  { "fitparse_elemnt-bolt-no-application-id.fit", 1, 0, 132, 1, 1503303480, 7200, 140, 963.65, 0,
    STRIDE_SPORT_CYCLING },
  /* Pool swim, 99 laps; four more chained parts without file_id */
  { "fitparse_event_timestamp.fit", 1, 0, 4376, 99, 1497361350, -4 * 3600, 4567.485, 2606.04,
    142, STRIDE_SPORT_SWIM },
  { "fitparse_garmin-edge-500-activity.fit", 1, 0, 10686, 9, 1316955621, 0, 12692, 92622.34, 162,
    STRIDE_SPORT_CYCLING },
  { "fitparse_garmin-edge-820-bike.fit", 1, 0, 15, 1, 1497283815, -7 * 3600, 65, 457.12, 116,
    STRIDE_SPORT_CYCLING },
  { "fitparse_garmin-fenix-5-bike.fit", 1, 0, 19, 1, 1497283762, -7 * 3600, 61, 459.52, 101,
    STRIDE_SPORT_CYCLING },
  { "fitparse_garmin-fenix-5-run.fit", 1, 0, 21, 1, 1497191649, -7 * 3600, 57, 157.56, 90,
    STRIDE_SPORT_RUN },
  { "fitparse_garmin-fenix-5-run.fit.gz", 1, 0, 21, 1, 1497191649, -7 * 3600, 57, 157.56, 90,
    STRIDE_SPORT_RUN },
  { "fitparse_garmin-fenix-5-walk.fit", 1, 0, 17, 1, 1497191571, -7 * 3600, 46, 67.85, 75,
    STRIDE_SPORT_WALK },
  /* compressed_speed_distance present but invalid; HR 0 in the session */
  { "fitparse_null_compressed_speed_dist.fit", 1, 0, 1808, 1, 1507161846, 0, 1808, 13400.14, 0,
    STRIDE_SPORT_CYCLING },
  { "fitparse_sample-activity-indoor-trainer.fit", 1, 0, 2263, 5, 1320238459, 0, 2263, 0, 148,
    STRIDE_SPORT_CYCLING },
  /* Triathlon in four chained files: swim, bike, run (+ 2 transitions) */
  { "fitparse_sample_multiple_header_chained.fit", 3, 0, 349, 1, 1527406381, 7200, 1987.521,
    1644.71, 165, STRIDE_SPORT_SWIM },
  { "fitparse_sample_multiple_header_chained.fit", 3, 1, 854, 1, 1527408538, 7200, 4422.14,
    40909.42, 172, STRIDE_SPORT_CYCLING },
  { "fitparse_sample_multiple_header_chained.fit", 3, 2, 518, 1, 1527413021, 7200, 2851,
    9805.92, 176, STRIDE_SPORT_RUN },
  /* The first record is 3 s before the session's start_time. */
  { "pytrainer_sample.fit", 1, 0, 960, 18, 1360404423, 0, 4704.34, 17052.2, 160,
    STRIDE_SPORT_RUN },
};

typedef struct
{
  const char *file;
  gint        code;
  const char *message;
} Failure;

static const Failure failures[] = {
  { "fitparse_MonitoringFile.fit", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "a monitoring file" },
  { "fitparse_WeightScaleSingleUser.fit", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
    "a weight scale file" },
  { "fitparse_WorkoutIndividualSteps.fit", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
    "a workout file" },
  { "fitparse_nametest.FIT", STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, "a settings file" },
  { "fitparse_activity-filecrc_badcrc.fit", STRIDE_IMPORT_ERROR_MALFORMED, "Wrong file CRC" },
  /* Its second part is the file above. */
  { "fitparse_activity-activity-filecrc_chained.fit", STRIDE_IMPORT_ERROR_MALFORMED,
    "Wrong file CRC in the FIT file chained at byte 771" },
  { "fitparse_activity-unexpected-eof_truncated.fit", STRIDE_IMPORT_ERROR_MALFORMED,
    "The file ends in the middle of a message (byte 751)" },
  { "fitparse_activity-settings-corruptheader.fit", STRIDE_IMPORT_ERROR_MALFORMED,
    "chained at byte 771 has a broken header" },
  /* The chained settings file stops after 13 of its 82 bytes. */
  { "fitparse_activity-settings-nodata.fit", STRIDE_IMPORT_ERROR_MALFORMED,
    "The file ends in the middle of a message (byte 783)" },
  /* Three records without timestamps, no session */
  { "fitparse_DeveloperData.fit", STRIDE_IMPORT_ERROR_NO_TIMESTAMPS, "No timestamps" },
  /* Damaged: 19 bytes short, and a message at 7471 uses an undefined
   * local type (python3 /tmp/fitcheck.py stops there too). */
  { "fitparse_strava-android-app-201.10.fit", STRIDE_IMPORT_ERROR_MALFORMED,
    "byte 7471 uses local message type 11" },
  /* Stored CRC 0x0040, computed 0x1AD2 */
  { "fitparse_nick.fit", STRIDE_IMPORT_ERROR_MALFORMED, "Wrong file CRC" },
};

static GPtrArray *
parse_corpus (const char  *name,
              GError     **error)
{
  g_autoptr(GFile) file = corpus_file (name);

  return stride_import_parse_file (file, NULL, error);
}

static GBytes *
load_corpus (const char *name)
{
  g_autoptr(GFile) file = corpus_file (name);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_expected_totals (gconstpointer data)
{
  const Expectation *e = data;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  const StrideParsedActivity *parsed;
  const StrideActivity *a;
  double last_time = -1;

  if (skip_without_corpus ())
    return;

  activities = parse_corpus (e->file, &error);
  g_assert_no_error (error);
  if (activities == NULL)
    return;

  g_assert_cmpuint (activities->len, ==, e->n_activities);
  if (e->index >= activities->len)
    return;

  parsed = g_ptr_array_index (activities, e->index);
  a = &parsed->activity;

  g_assert_cmpuint (parsed->points->len, ==, e->n_points);
  g_assert_cmpuint (parsed->laps->len, ==, e->n_laps);
  g_assert_cmpint (a->start_utc, ==, e->start);
  g_assert_cmpint (a->tz_offset_s, ==, e->tz_offset_s);
  g_assert_cmpfloat_with_epsilon (a->duration_s, e->duration_s, 0.01);
  g_assert_cmpfloat_with_epsilon (a->distance_m, e->distance_m, 0.01);
  g_assert_cmpint (a->avg_hr, ==, e->avg_hr);
  g_assert_cmpint (a->sport, ==, e->sport);
  assert_plausible_activity (a);

  for (guint i = 0; i < parsed->points->len; i++)
    {
      const StrideTrackpoint *p = &g_array_index (parsed->points, StrideTrackpoint, i);

      g_assert_cmpfloat (p->time_s, >=, last_time);
      g_assert_cmpfloat (p->time_s, >=, 0);
      g_assert_true (isnan (p->lat) || fabs (p->lat) <= 90);
      g_assert_true (isnan (p->lon) || fabs (p->lon) <= 180);
      last_time = p->time_s;
    }
}

static void
test_failures (gconstpointer data)
{
  const Failure *f = data;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_corpus ())
    return;

  activities = parse_corpus (f->file, &error);
  g_assert_null (activities);
  g_assert_error (error, STRIDE_IMPORT_ERROR, f->code);
  if (error != NULL)
    {
      g_test_message ("%s: %s", f->file, error->message);
      g_assert_nonnull (strstr (error->message, f->message));
    }
}

/* Every FIT file of the corpus is in one of the two tables. */
static void
test_corpus_covered (void)
{
  g_autoptr(GPtrArray) names = NULL;

  if (skip_without_corpus ())
    return;

  names = corpus_names (STRIDE_IMPORT_FORMAT_FIT);
  g_assert_cmpuint (names->len, ==, 36);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean found = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (expectations) && !found; j++)
        found = g_str_equal (expectations[j].file, name);
      for (guint j = 0; j < G_N_ELEMENTS (failures) && !found; j++)
        found = g_str_equal (failures[j].file, name);
      if (!found)
        g_test_message ("not covered: %s", name);
      g_assert_true (found);
    }
}

static void
test_notes (void)
{
  static const struct {
    const char *file;
    const char *note;
  } cases[] = {
    { "fitparse_activity-settings_chained.fit", "chained files left out: a settings file" },
    { "fitparse_activity-large-fenix2-multisport.fit", "3 transition sessions left out" },
    { "fitparse_activity-large-fenix2-multisport.fit", "2640 records outside every session" },
    { "fitparse_compressed-speed-distance.fit", "no clock fix" },
  };

  if (skip_without_corpus ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) activities = parse_corpus (cases[i].file, &error);
      const StrideParsedActivity *first;

      g_assert_no_error (error);
      first = g_ptr_array_index (activities, 0);
      g_assert_nonnull (first->note);
      g_assert_nonnull (strstr (first->note, cases[i].note));
    }
}

static void
test_detect (void)
{
  gboolean gz = FALSE;

  g_assert_cmpint (stride_import_detect_format ("a.fit", &gz), ==, STRIDE_IMPORT_FORMAT_FIT);
  g_assert_false (gz);
  g_assert_cmpint (stride_import_detect_format ("B.FIT", &gz), ==, STRIDE_IMPORT_FORMAT_FIT);
  g_assert_cmpint (stride_import_detect_format ("c.Fit.GZ", &gz), ==, STRIDE_IMPORT_FORMAT_FIT);
  g_assert_true (gz);
  g_assert_cmpint (stride_import_detect_format ("d.fitx", NULL), ==,
                   STRIDE_IMPORT_FORMAT_UNKNOWN);
}

/* The test's own CRC, to make mutated files pass the CRC check so the
 * decoder itself sees the damage. */
static guint16
crc16 (const guint8 *bytes,
       gsize         len)
{
  guint16 crc = 0;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= bytes[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc & 1) ? (crc >> 1) ^ 0xA001 : crc >> 1;
    }

  return crc;
}

static void
fix_crcs (guint8 *bytes,
          gsize   len)
{
  guint header = bytes[0];
  guint16 crc;

  if (len < 14 || header < 12 || header > len)
    return;
  if (header >= 14)
    {
      crc = crc16 (bytes, 12);
      bytes[12] = crc & 0xFF;
      bytes[13] = crc >> 8;
    }
  crc = crc16 (bytes, len - 2);
  bytes[len - 2] = crc & 0xFF;
  bytes[len - 1] = crc >> 8;
}

static void
check_parse (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = stride_fit_parse (bytes, NULL, &error);

  /* Exactly one of the two, and the error from our domain. */
  g_assert_true ((activities == NULL) != (error == NULL));
  if (error != NULL)
    g_assert_true (error->domain == STRIDE_IMPORT_ERROR);
}

/* Random byte flips never crash: a result or a GError, each time. */
static void
test_mutations (void)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260509);
  const guint8 *data;
  gsize len;
  guint n_ok = 0;

  if (skip_without_corpus ())
    return;

  original = load_corpus ("fitparse_garmin-fenix-5-run.fit");
  data = g_bytes_get_data (original, &len);

  for (guint i = 0; i < 500; i++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, len);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) activities = NULL;
      guint n_flips = g_rand_int_range (rand, 1, 9);

      for (guint j = 0; j < n_flips; j++)
        copy[g_rand_int_range (rand, 0, (gint32) len)] ^= (guint8) g_rand_int_range (rand, 1, 256);
      /* Most runs get valid CRCs, so the decoder itself sees the damage. */
      if (i % 4 != 0)
        fix_crcs (copy, len);

      bytes = g_bytes_new_take (g_steal_pointer (&copy), len);
      activities = stride_fit_parse (bytes, NULL, &error);
      g_assert_true ((activities == NULL) != (error == NULL));
      if (activities != NULL)
        n_ok++;
    }

  g_test_message ("%u of 500 mutated files still gave activities", n_ok);
}

/* Every prefix of a file is a clean error. */
static void
test_truncations (void)
{
  g_autoptr(GBytes) original = NULL;
  const guint8 *data;
  gsize len;

  if (skip_without_corpus ())
    return;

  original = load_corpus ("fitparse_Activity.fit");
  data = g_bytes_get_data (original, &len);

  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) activities = stride_fit_parse (bytes, NULL, &error);

      g_assert_null (activities);
      g_assert_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED);
    }

  /* Whole plus zero padding still reads. */
  {
    g_autofree guint8 *padded = g_malloc0 (len + 16);
    g_autoptr(GBytes) bytes = NULL;

    memcpy (padded, data, len);
    bytes = g_bytes_new_take (g_steal_pointer (&padded), len + 16);
    check_parse (bytes);
  }
}

/* Hand-made files: a minimal activity, both architectures, a compressed
 * timestamp rolling over, a developer field skipped. */
static void
append_header (GByteArray *out)
{
  static const guint8 header[12] = { 12, 0x20, 0x08, 0x08, 0, 0, 0, 0, '.', 'F', 'I', 'T' };

  g_byte_array_append (out, header, sizeof header);
}

static void
finish_file (GByteArray *out)
{
  guint32 size = out->len - 12;
  guint16 crc;

  out->data[4] = size & 0xFF;
  out->data[5] = (size >> 8) & 0xFF;
  out->data[6] = (size >> 16) & 0xFF;
  out->data[7] = size >> 24;
  crc = crc16 (out->data, out->len);
  g_byte_array_append (out, (const guint8[]) { crc & 0xFF, crc >> 8 }, 2);
}

static void
test_synthetic (void)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  const StrideParsedActivity *parsed;
  const guint32 t0 = 1000000000;     /* FIT time, 2021-09-09 */
  const guint8 file_id_def[] = {
    0x40, 0, 0, 0, 0, 1,  0, 1, 0x00,                 /* local 0, LE, file_id: type enum */
  };
  const guint8 file_id[] = { 0x00, 4 };               /* activity */
  /* local 1, big-endian record: timestamp, heart_rate; one developer
   * field of 3 bytes that must be skipped. */
  const guint8 record_def[] = {
    0x61, 0, 1, 0, 20, 2,  253, 4, 0x86,  3, 1, 0x02,  1,  0, 3, 0,
  };
  const guint8 record[] = {
    0x01, t0 >> 24, (t0 >> 16) & 0xFF, (t0 >> 8) & 0xFF, t0 & 0xFF, 120, 0xAA, 0xBB, 0xCC,
  };
  /* local 2, LE record with only heart_rate: timed by compressed headers */
  const guint8 hr_def[] = { 0x42, 0, 0, 20, 0, 1,  3, 1, 0x02 };
  /* t0 ends in binary 00000 (t0 % 32 == 0): offsets 30, then 2 rolls over. */
  const guint8 compressed1[] = { 0x80 | (2 << 5) | 30, 130 };
  const guint8 compressed2[] = { 0x80 | (2 << 5) | 2, 140 };
  /* session: sport running, start, elapsed 40 s, distance 100 m */
  const guint8 session_def[] = {
    0x43, 0, 0, 18, 0, 4,  5, 1, 0x00,  2, 4, 0x86,  7, 4, 0x86,  9, 4, 0x86,
  };
  const guint8 session[] = {
    0x03, 1,  t0 & 0xFF, (t0 >> 8) & 0xFF, (t0 >> 16) & 0xFF, t0 >> 24,
    0x40, 0x9C, 0, 0,  0x10, 0x27, 0, 0,
  };

  g_assert_cmpuint (t0 % 32, ==, 0);

  append_header (out);
  g_byte_array_append (out, file_id_def, sizeof file_id_def);
  g_byte_array_append (out, file_id, sizeof file_id);
  g_byte_array_append (out, record_def, sizeof record_def);
  g_byte_array_append (out, record, sizeof record);
  g_byte_array_append (out, hr_def, sizeof hr_def);
  g_byte_array_append (out, compressed1, sizeof compressed1);
  g_byte_array_append (out, compressed2, sizeof compressed2);
  g_byte_array_append (out, session_def, sizeof session_def);
  g_byte_array_append (out, session, sizeof session);
  finish_file (out);

  bytes = g_bytes_new (out->data, out->len);
  activities = stride_fit_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);

  parsed = g_ptr_array_index (activities, 0);
  g_assert_cmpint (parsed->activity.start_utc, ==, (gint64) t0 + STRIDE_FIT_EPOCH_UNIX);
  g_assert_cmpint (parsed->activity.sport, ==, STRIDE_SPORT_RUN);
  g_assert_cmpfloat_with_epsilon (parsed->activity.duration_s, 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (parsed->activity.distance_m, 100, 1e-9);
  g_assert_cmpuint (parsed->points->len, ==, 3);
  g_assert_cmpfloat (g_array_index (parsed->points, StrideTrackpoint, 1).time_s, ==, 30);
  g_assert_cmpfloat (g_array_index (parsed->points, StrideTrackpoint, 2).time_s, ==, 34);
  g_assert_cmpint (g_array_index (parsed->points, StrideTrackpoint, 0).hr, ==, 120);
  g_assert_cmpint (g_array_index (parsed->points, StrideTrackpoint, 2).hr, ==, 140);
  g_assert_cmpint (parsed->activity.avg_hr, ==, 130);
}

/* Through the importer: one transaction, and the same file again is a
 * duplicate. */
static void
test_import_twice (void)
{
  g_auto(StrideImportResult) first = { 0, };
  g_auto(StrideImportResult) second = { 0, };
  g_auto(StrideImportResult) gz = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) file_gz = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;

  if (skip_without_corpus ())
    return;

  dir = g_dir_make_tmp ("stride-import-fit-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "journal.db", NULL);
  store = stride_store_open (db, &error);
  g_assert_no_error (error);

  file = corpus_file ("fitparse_activity-small-fenix2-run.fit");
  g_assert_true (stride_import_file (store, file, NULL, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first.status, ==, STRIDE_IMPORT_STATUS_IMPORTED);
  g_assert_cmpuint (first.n_activities, ==, 1);
  g_assert_cmpint (count (store, "trackpoint"), ==, 2809);
  g_assert_cmpint (count (store, "lap"), ==, 4);

  g_assert_true (stride_import_file (store, file, NULL, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second.status, ==, STRIDE_IMPORT_STATUS_DUPLICATE);
  g_assert_cmpint (second.activity_id, ==, first.activity_id);

  /* A monitoring file is skipped, not an error. */
  file_gz = corpus_file ("fitparse_MonitoringFile.fit");
  g_assert_true (stride_import_file (store, file_gz, NULL, &gz, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gz.status, ==, STRIDE_IMPORT_STATUS_SKIPPED);
  g_assert_nonnull (strstr (gz.message, "monitoring"));

  g_assert_cmpint (count (store, "activity"), ==, 1);

  g_clear_object (&store);
  remove_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import-fit/totals/%s/%u",
                                               expectations[i].file, expectations[i].index);

      g_test_add_data_func (path, &expectations[i], test_expected_totals);
    }
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import-fit/failure/%s", failures[i].file);

      g_test_add_data_func (path, &failures[i], test_failures);
    }
  g_test_add_func ("/import-fit/corpus-covered", test_corpus_covered);
  g_test_add_func ("/import-fit/notes", test_notes);
  g_test_add_func ("/import-fit/detect", test_detect);
  g_test_add_func ("/import-fit/synthetic", test_synthetic);
  g_test_add_func ("/import-fit/mutations", test_mutations);
  g_test_add_func ("/import-fit/truncations", test_truncations);
  g_test_add_func ("/import-fit/import-twice", test_import_twice);

  return g_test_run ();
}
