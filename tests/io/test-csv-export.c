/* test-csv-export.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "io-test-util.h"
#include "stride-csv.h"
#include "stride-csv-export.h"

typedef struct
{
  char        *dir;
  char        *export_dir;
  StrideStore *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  StrideActivity run = { 0, };
  StrideActivity other = { 0, };
  StrideTrackpoint points[2] = {
    { 0, 0, 52.0, 4.0, 3.5, 0, 120, 80 },
    { 0, 10, 52.0001, 4.0, NAN, 11.1, 0, 0 },
  };
  StrideMeasurement measurement = { 0, };

  fixture->dir = g_dir_make_tmp ("stride-csv-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->export_dir = g_build_filename (fixture->dir, "export", "nested", NULL);

  db = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->store = stride_store_open (db, &error);
  g_assert_no_error (error);

  run.sport = STRIDE_SPORT_RUN;
  run.start_utc = 1700000000;
  run.duration_s = 1800;
  run.distance_m = 5000;
  run.title = g_strdup ("Tempo, \"fast\"");
  run.notes = g_strdup ("Line one\nline two, with comma\r\nline three");
  stride_store_add_activity (fixture->store, &run, NULL, 0, points, 2, NULL, 0, &error);
  g_assert_no_error (error);

  other.sport = STRIDE_SPORT_CYCLING;
  other.start_utc = 1700100000;
  other.duration_s = 3600;
  other.title = g_strdup ("");
  stride_store_add_activity (fixture->store, &other, NULL, 0, NULL, 0, NULL, 0, &error);
  g_assert_no_error (error);

  measurement.date = 738000;
  measurement.test = g_strdup (STRIDE_TEST_KNEE_FLEXION);
  measurement.method = g_strdup (STRIDE_METHOD_ISOKINETIC_60);
  measurement.side = STRIDE_SIDE_LEFT;
  measurement.value = 120.5;
  measurement.unit = g_strdup ("N·m");
  stride_store_add_measurement (fixture->store, &measurement, &error);
  g_assert_no_error (error);

  stride_activity_clear (&run);
  stride_activity_clear (&other);
  stride_measurement_clear (&measurement);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  remove_recursive (fixture->dir);
  g_free (fixture->export_dir);
  g_free (fixture->dir);
}

static GPtrArray *
read_csv (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(StrideCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GError) error = NULL;
  GPtrArray *row = NULL;

  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  if (stream == NULL)
    return NULL;

  reader = stride_csv_reader_new (G_INPUT_STREAM (stream));
  while (stride_csv_reader_read_row (reader, &row, NULL, &error))
    g_ptr_array_add (rows, row);
  g_assert_no_error (error);

  return g_steal_pointer (&rows);
}

typedef struct
{
  GPtrArray *names;
} Header;

static gboolean
header_cb (guint              n_columns,
           const char *const *names,
           const char *const *values,
           gpointer           user_data)
{
  Header *header = user_data;

  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (header->names, g_strdup (names[i]));

  return FALSE;
}

static int
find_column (GPtrArray  *header,
             const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (g_ptr_array_index (header, i), name) == 0)
      return (int) i;

  return -1;
}

static void
test_one_file_per_table (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *const *tables = stride_store_list_tables ();
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->export_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_tables = 0;
  guint n_files = 0;

  g_assert_true (stride_csv_export_dir (fixture->store, dir, &error));
  g_assert_no_error (error);

  for (; tables[n_tables] != NULL; n_tables++)
    {
      g_autofree char *file_name = g_strconcat (tables[n_tables], ".csv", NULL);
      g_autofree char *path = g_build_filename (fixture->export_dir, file_name, NULL);
      g_autoptr(GPtrArray) rows = NULL;
      Header header = { g_ptr_array_new_with_free_func (g_free) };
      gint64 n_rows;
      GStatBuf st;

      g_test_message ("%s", file_name);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);

      n_rows = stride_store_count_rows (fixture->store, tables[n_tables], &error);
      g_assert_no_error (error);
      stride_store_foreach_row (fixture->store, tables[n_tables], header_cb, &header, &error);
      g_assert_no_error (error);

      rows = read_csv (path);
      if (rows == NULL)
        continue;

      /* Every file starts with the header, even for a table without rows. */
      g_assert_cmpuint (rows->len, ==, n_rows + 1);
      {
        g_auto(GStrv) columns = stride_store_list_columns (fixture->store, tables[n_tables],
                                                           &error);
        GPtrArray *first = g_ptr_array_index (rows, 0);

        g_assert_no_error (error);
        g_assert_cmpuint (first->len, ==, g_strv_length (columns));
        for (guint i = 0; i < MIN (first->len, g_strv_length (columns)); i++)
          g_assert_cmpstr (g_ptr_array_index (first, i), ==, columns[i]);
        if (n_rows > 0)
          {
            g_assert_cmpuint (first->len, ==, header.names->len);
            for (guint i = 0; i < MIN (first->len, header.names->len); i++)
              g_assert_cmpstr (g_ptr_array_index (first, i), ==,
                               g_ptr_array_index (header.names, i));
          }
      }

      g_ptr_array_unref (header.names);
    }

  /* Nothing else is left in the folder (no temporary files). */
  listing = g_dir_open (fixture->export_dir, 0, &error);
  g_assert_no_error (error);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_has_suffix (name, ".csv"));
      g_assert_false (g_str_has_prefix (name, "."));
      /* Besides the tables, the format marker (test-csv-roundtrip.c). */
      if (g_strcmp0 (name, STRIDE_CSV_EXPORT_MARKER) != 0)
        n_files++;
    }
  g_assert_cmpuint (n_files, ==, n_tables);
}

static void
test_activity_values (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->export_dir);
  g_autofree char *path = g_build_filename (fixture->export_dir, "activity.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *header;
  int title;
  int notes;

  g_assert_true (stride_csv_export_dir (fixture->store, dir, &error));
  g_assert_no_error (error);

  /* LF line ends; the only CR is the one inside the quoted notes. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"Tempo, \"\"fast\"\"\""));
  g_assert_nonnull (strstr (contents, "\"Line one\nline two, with comma\r\nline three\""));
  g_assert_true (g_str_has_suffix (contents, "\n"));
  g_assert_cmpuint (strchr (contents, '\r') - contents, ==,
                    strstr (contents, "comma\r\n") + 5 - contents);

  rows = read_csv (path);
  if (rows == NULL)
    return;

  g_assert_cmpuint (rows->len, ==, 3);
  header = g_ptr_array_index (rows, 0);
  title = find_column (header, "title");
  notes = find_column (header, "notes");
  g_assert_cmpint (title, >=, 0);
  g_assert_cmpint (notes, >=, 0);
  if (rows->len != 3 || title < 0 || notes < 0)
    return;

  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 1), title), ==,
                   "Tempo, \"fast\"");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 1), notes), ==,
                   "Line one\nline two, with comma\r\nline three");
  /* NULL notes: an empty unquoted field. */
  g_assert_null (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 2), notes));
}

static void
test_failure_leaves_no_partial_file (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->export_dir);
  g_autofree char *blocker = g_build_filename (fixture->export_dir, "lap.csv", NULL);
  g_autofree char *inside = g_build_filename (blocker, "keep", NULL);
  g_autofree char *setting = g_build_filename (fixture->export_dir, "setting.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  /* A folder where lap.csv should go cannot be replaced by a file. */
  g_assert_cmpint (g_mkdir_with_parents (blocker, 0700), ==, 0);
  g_file_set_contents (inside, "x", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (setting, "old,export\n", -1, &error);
  g_assert_no_error (error);

  g_assert_false (stride_csv_export_dir (fixture->store, dir, &error));
  g_assert_nonnull (error);
  if (error != NULL)
    g_assert_nonnull (strstr (error->message, "lap.csv"));

  /* The old setting.csv (a later table) is untouched, no temporary file is left. */
  g_file_get_contents (setting, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old,export\n");

  listing = g_dir_open (fixture->export_dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".tmp"));
}

static void
test_not_a_folder (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a-file", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "", -1, &error);
  g_assert_no_error (error);

  g_assert_false (stride_csv_export_dir (fixture->store, dir, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/csv-export/one-file-per-table", test_one_file_per_table);
  ADD ("/csv-export/activity-values", test_activity_values);
  ADD ("/csv-export/failure-leaves-no-partial-file", test_failure_leaves_no_partial_file);
  ADD ("/csv-export/not-a-folder", test_not_a_folder);

#undef ADD

  return g_test_run ();
}
