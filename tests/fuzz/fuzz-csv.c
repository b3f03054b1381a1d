/* fuzz-csv.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzz target for the CSV readers: the RFC 4180 row reader (stride-csv.c)
 * on its own, then the activity lists built on it — the export CSV reader
 * with its ';' detection, Garmin Connect's Activities.csv and Strava's
 * activities.csv (stride-garmin-csv.c, stride-strava.c). The Strava reader
 * is given a folder that does not exist, so the files a row names are
 * looked up but never read. */

#include "config.h"

#include "fuzz-activities.h"
#include "fuzz-target.h"
#include "stride-csv.h"
#include "stride-garmin-csv.h"
#include "stride-strava.h"

static GFile *no_folder;

static void
read_rows (GBytes *bytes)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(StrideCsvReader) reader = stride_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GPtrArray *row = NULL;
  guint last_line = 0;

  while (stride_csv_reader_read_row (reader, &row, NULL, &error))
    {
      g_assert_nonnull (row);
      for (guint i = 0; i < row->len; i++)
        {
          const char *field = g_ptr_array_index (row, i);

          g_assert_true (field == NULL || g_utf8_validate (field, -1, NULL));
        }
      g_assert_cmpuint (stride_csv_reader_get_line (reader), >=, MAX (last_line, 1));
      last_line = stride_csv_reader_get_line (reader);
      g_ptr_array_unref (row);
    }
  g_assert_null (row);
  g_assert_true (error == NULL || g_error_matches (error, STRIDE_CSV_ERROR, STRIDE_CSV_ERROR_PARSE)
                 || g_error_matches (error, STRIDE_CSV_ERROR, STRIDE_CSV_ERROR_ENCODING));
}

/* Each row becomes an activity or a line in @skipped. */
static void
check_parsed (const StrideExportCsv *csv,
              GPtrArray             *activities,
              GError                *error,
              GPtrArray             *skipped)
{
  g_assert_true ((activities == NULL) != (error == NULL));
  if (activities != NULL)
    {
      fuzz_check_activities (activities);
      g_assert_cmpuint (activities->len + skipped->len, ==, csv->rows->len);
    }
  else
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  for (guint i = 0; i < skipped->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (skipped, i), -1, NULL));
}

static void
read_activity_lists (GBytes *bytes)
{
  g_autoptr(StrideExportCsv) csv = NULL;
  g_autoptr(GError) error = NULL;

  csv = stride_export_csv_read (bytes, NULL, &error);
  g_assert_true ((csv == NULL) != (error == NULL));
  if (csv == NULL)
    return;
  g_assert_nonnull (csv->header);

  {
    g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) activities = NULL;
    g_autoptr(GError) garmin_error = NULL;

    activities = stride_garmin_csv_parse (csv, skipped, NULL, &garmin_error);
    check_parsed (csv, activities, garmin_error, skipped);
  }

  if (stride_strava_is_header (csv->header))
    {
      g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) activities = NULL;
      g_autoptr(GError) strava_error = NULL;
      g_autofree char *note = NULL;

      stride_strava_list_files (csv, no_folder, paths);
      activities = stride_strava_parse (csv, no_folder, skipped, &note, NULL, &strava_error);
      check_parsed (csv, activities, strava_error, skipped);
      g_assert_true (note == NULL || g_utf8_validate (note, -1, NULL));
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_target_init ();
  no_folder = g_file_new_for_path ("/nonexistent/stridestrong-fuzz");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  read_rows (bytes);
  read_activity_lists (bytes);

  return 0;
}
