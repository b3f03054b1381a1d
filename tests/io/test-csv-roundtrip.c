/* test-csv-roundtrip.c — the journal's own CSV: export, restore, export
 * again gives the same bytes; bad exports are refused with nothing written.
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
#include "stride-csv-import.h"
#include "stride-demo-writer.h"
#include "stride-store-restore.h"

typedef struct
{
  char        *dir;
  StrideStore *source;               /* the journal that is exported */
  char        *export_dir;           /* its export */
  char        *fresh_dir;            /* the export of a new, empty journal */
  StrideStore *target;               /* a new journal to restore into */
} Fixture;

static char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static StrideStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autofree char *path = fixture_path (f, name);
  g_autoptr(GError) error = NULL;
  StrideStore *store = stride_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* Exports @store into a new folder @name of the fixture; returns its path. */
static char *
export_to (Fixture     *f,
           StrideStore *store,
           const char  *name)
{
  g_autofree char *path = fixture_path (f, name);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (stride_csv_export_dir (store, dir, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static gboolean
restore (StrideStore  *store,
         const char   *path,
         GError      **error)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  return stride_csv_import_dir (store, dir, NULL, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
sorted_names (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  return names;
}

/* Both folders hold the same files with the same bytes. */
static void
assert_same_files (const char *a,
                   const char *b)
{
  g_autoptr(GPtrArray) names_a = sorted_names (a);
  g_autoptr(GPtrArray) names_b = sorted_names (b);

  g_assert_cmpuint (names_a->len, ==, names_b->len);
  for (guint i = 0; i < MIN (names_a->len, names_b->len); i++)
    {
      const char *name = g_ptr_array_index (names_a, i);
      g_autofree char *path_a = g_build_filename (a, name, NULL);
      g_autofree char *path_b = g_build_filename (b, name, NULL);
      g_autofree char *bytes_a = NULL;
      g_autofree char *bytes_b = NULL;
      gsize len_a = 0;
      gsize len_b = 0;

      g_test_message ("%s", name);
      g_assert_cmpstr (name, ==, g_ptr_array_index (names_b, i));
      g_assert_true (g_file_get_contents (path_a, &bytes_a, &len_a, NULL));
      g_assert_true (g_file_get_contents (path_b, &bytes_b, &len_b, NULL));
      g_assert_cmpmem (bytes_a, len_a, bytes_b, len_b);
    }
}

static guint exported_counter = 0;

/* The target journal still holds nothing but what a new journal has. */
static void
assert_untouched (Fixture *f)
{
  g_autofree char *name = g_strdup_printf ("check-%u", exported_counter++);
  g_autofree char *path = export_to (f, f->target, name);

  assert_same_files (f->fresh_dir, path);
}

static guint32
julian (GDateDay   day,
        GDateMonth month,
        GDateYear  year)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

/* The demo journal and its export, made once: every demo case reads them
 * and writes only into its own folder. */
static struct
{
  char        *dir;
  StrideStore *source;
  char        *export_dir;
  char        *fresh_dir;
} demo;

static void
demo_ensure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) fresh = NULL;
  Fixture maker = { 0, };

  if (demo.dir != NULL)
    return;

  demo.dir = g_dir_make_tmp ("stride-csv-roundtrip-demo-XXXXXX", &error);
  g_assert_no_error (error);
  maker.dir = demo.dir;

  demo.source = open_store (&maker, "source.db");
  g_assert_true (stride_demo_write (demo.source, 1, julian (15, G_DATE_MARCH, 2026), &error));
  g_assert_no_error (error);
  demo.export_dir = export_to (&maker, demo.source, "export");

  fresh = open_store (&maker, "fresh.db");
  demo.fresh_dir = export_to (&maker, fresh, "fresh");
}

static void
demo_clear (void)
{
  if (demo.dir == NULL)
    return;

  g_clear_object (&demo.source);
  remove_recursive (demo.dir);
  g_clear_pointer (&demo.dir, g_free);
  g_clear_pointer (&demo.export_dir, g_free);
  g_clear_pointer (&demo.fresh_dir, g_free);
}

static void
setup_demo (Fixture       *f,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  demo_ensure ();

  f->dir = g_dir_make_tmp ("stride-csv-roundtrip-XXXXXX", &error);
  g_assert_no_error (error);
  f->source = g_object_ref (demo.source);
  f->export_dir = g_strdup (demo.export_dir);
  f->fresh_dir = g_strdup (demo.fresh_dir);
  f->target = open_store (f, "target.db");
}

static void
teardown (Fixture       *f,
          gconstpointer  user_data)
{
  g_clear_object (&f->source);
  g_clear_object (&f->target);
  remove_recursive (f->dir);
  g_free (f->export_dir);
  g_free (f->fresh_dir);
  g_free (f->dir);
}

/* Export → restore into a new journal → export: the same bytes. */
static void
test_demo_round_trip (Fixture       *f,
                      gconstpointer  user_data)
{
  const char *const *tables = stride_store_list_tables ();
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpint (count (f->source, "activity"), >, 100);
  g_assert_cmpint (count (f->source, "trackpoint"), >, 1000);

  g_assert_true (restore (f->target, f->export_dir, &error));
  g_assert_no_error (error);

  for (guint i = 0; tables[i] != NULL; i++)
    g_assert_cmpint (count (f->target, tables[i]), ==, count (f->source, tables[i]));

  again = export_to (f, f->target, "again");
  assert_same_files (f->export_dir, again);
}

/* Computed numbers keep every bit (SQLite's own text keeps 15 digits). */
static void
test_demo_numbers_exact (Fixture       *f,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  guint n_compared = 0;
  guint n_beyond_15_digits = 0;

  g_assert_true (restore (f->target, f->export_dir, &error));
  g_assert_no_error (error);

  for (gint64 id = 1; id <= 60; id++)
    {
      g_autoptr(GArray) laps_a = stride_store_list_laps (f->source, id, &error);
      g_autoptr(GArray) laps_b = stride_store_list_laps (f->target, id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (laps_a->len, ==, laps_b->len);
      for (guint i = 0; i < MIN (laps_a->len, laps_b->len); i++)
        {
          const StrideLap *a = &g_array_index (laps_a, StrideLap, i);
          const StrideLap *b = &g_array_index (laps_b, StrideLap, i);
          char text[G_ASCII_DTOSTR_BUF_SIZE];

          g_assert_true (a->duration_s == b->duration_s);
          g_assert_true (a->start_s == b->start_s);
          g_assert_true (a->distance_m == b->distance_m);
          n_compared++;

          g_ascii_formatd (text, sizeof text, "%.15g", a->duration_s);
          if (g_ascii_strtod (text, NULL) != a->duration_s)
            n_beyond_15_digits++;
        }
    }

  /* The demo's lap times are computed: the test means something. */
  g_assert_cmpuint (n_compared, >, 20);
  g_assert_cmpuint (n_beyond_15_digits, >, 0);
}

/* A journal with the values CSV gets wrong most easily. */
static void
setup_tricky (Fixture       *f,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) fresh = NULL;
  StrideActivity run = { 0, };
  StrideActivity other = { 0, };
  StrideShoe shoe = { 0, };
  StridePainEntry pain = { 0, };
  StrideTrackpoint points[3] = {
    { 0, 0, -89.99999999999999, 179.99999999999997, -0.000001, 0, 120, 80 },
    { 0, 0.1 + 0.2, 1.0 / 3.0, -1e-300, 1e300, 5e-324, 0, 0 },
    { 0, 1e15 + 0.5, NAN, NAN, NAN, NAN, 0, 0 },
  };

  f->dir = g_dir_make_tmp ("stride-csv-roundtrip-XXXXXX", &error);
  g_assert_no_error (error);
  f->source = open_store (f, "source.db");

  shoe.name = g_strdup ("Shoe \"A\", size 42");
  shoe.limit_km = 0.1;
  g_assert_true (stride_store_add_shoe (f->source, &shoe, &error));
  g_assert_no_error (error);

  run.sport = STRIDE_SPORT_RUN;
  run.start_utc = -1;
  run.tz_offset_s = -64800;
  run.duration_s = 1.7976931348623157e308;
  run.moving_s = 5e-324;
  run.distance_m = 0.1 + 0.2;
  run.elevation_gain_m = 123456789.123456789;
  run.shoe_id = shoe.id;
  run.title = g_strdup ("Quotes \"inside\", commas, and a trailing space ");
  run.notes = g_strdup ("Line one\nline two\r\nline three\rend; Zürich – 走る 🏃\t\"");
  run.source_hash = g_strdup ("007");
  g_assert_true (stride_store_add_activity (f->source, &run, NULL, 0, points,
                                            G_N_ELEMENTS (points), NULL, 0, &error));
  g_assert_no_error (error);

  /* "" and NULL are different values. */
  other.sport = STRIDE_SPORT_OTHER;
  other.start_utc = G_GINT64_CONSTANT (253402300799);
  other.title = g_strdup ("");
  other.notes = g_strdup ("NULL");
  g_assert_true (stride_store_add_activity (f->source, &other, NULL, 0, NULL, 0, NULL, 0,
                                            &error));
  g_assert_no_error (error);

  pain.date = julian (29, G_DATE_FEBRUARY, 2024);
  pain.location = g_strdup (",");
  pain.side = STRIDE_SIDE_LEFT;
  pain.severity = 10;
  pain.notes = g_strdup ("\"");
  g_assert_true (stride_store_add_pain_entry (f->source, &pain, &error));
  g_assert_no_error (error);

  g_assert_true (stride_store_set_setting (f->source, "empty", "", &error));
  g_assert_true (stride_store_set_setting (f->source, "a,\"b\"\nc", "  spaced  ", &error));
  g_assert_no_error (error);

  f->export_dir = export_to (f, f->source, "export");
  fresh = open_store (f, "fresh.db");
  f->fresh_dir = export_to (f, fresh, "fresh");
  f->target = open_store (f, "target.db");

  stride_activity_clear (&run);
  stride_activity_clear (&other);
  stride_shoe_clear (&shoe);
  stride_pain_entry_clear (&pain);
}

static void
assert_same_double (double a,
                    double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
}

static void
test_tricky_values (Fixture       *f,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;
  g_autofree char *setting = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *activities_path = NULL;

  g_assert_true (restore (f->target, f->export_dir, &error));
  g_assert_no_error (error);

  again = export_to (f, f->target, "again");
  assert_same_files (f->export_dir, again);

  /* NULL is an empty field, "" a quoted one. */
  activities_path = g_build_filename (f->export_dir, "activity.csv", NULL);
  g_assert_true (g_file_get_contents (activities_path, &activities, NULL, NULL));
  g_assert_nonnull (strstr (activities, ",\"\",NULL,"));

  for (gint64 id = 1; id <= 2; id++)
    {
      StrideActivity a = { 0, };
      StrideActivity b = { 0, };

      g_assert_true (stride_store_get_activity (f->source, id, &a, &error));
      g_assert_true (stride_store_get_activity (f->target, id, &b, &error));
      g_assert_no_error (error);

      g_assert_cmpint (a.start_utc, ==, b.start_utc);
      g_assert_cmpint (a.tz_offset_s, ==, b.tz_offset_s);
      g_assert_cmpint (a.shoe_id, ==, b.shoe_id);
      assert_same_double (a.duration_s, b.duration_s);
      assert_same_double (a.moving_s, b.moving_s);
      assert_same_double (a.distance_m, b.distance_m);
      assert_same_double (a.elevation_gain_m, b.elevation_gain_m);
      g_assert_cmpstr (a.title, ==, b.title);
      g_assert_cmpstr (a.notes, ==, b.notes);
      g_assert_cmpstr (a.source_hash, ==, b.source_hash);

      stride_activity_clear (&a);
      stride_activity_clear (&b);
    }

  {
    g_autoptr(GArray) a = stride_store_list_trackpoints (f->source, 1, &error);
    g_autoptr(GArray) b = stride_store_list_trackpoints (f->target, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (a->len, ==, 3);
    g_assert_cmpuint (b->len, ==, a->len);
    for (guint i = 0; i < MIN (a->len, b->len); i++)
      {
        const StrideTrackpoint *pa = &g_array_index (a, StrideTrackpoint, i);
        const StrideTrackpoint *pb = &g_array_index (b, StrideTrackpoint, i);

        assert_same_double (pa->time_s, pb->time_s);
        assert_same_double (pa->lat, pb->lat);
        assert_same_double (pa->lon, pb->lon);
        assert_same_double (pa->elevation_m, pb->elevation_m);
        assert_same_double (pa->distance_m, pb->distance_m);
        g_assert_cmpint (pa->hr, ==, pb->hr);
      }
  }

  setting = stride_store_get_setting (f->target, "a,\"b\"\nc");
  g_assert_cmpstr (setting, ==, "  spaced  ");
  empty = stride_store_get_setting (f->target, "empty");
  g_assert_cmpstr (empty, ==, "");
}

/* The marker says what the folder is. */
static void
test_marker (Fixture       *f,
             gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->export_dir, STRIDE_CSV_EXPORT_MARKER, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = g_strdup_printf ("key,value\n"
                                               "format,stridestrong-journal-csv\n"
                                               "format_version,1\n"
                                               "schema_version,%d\n",
                                               STRIDE_STORE_SCHEMA_VERSION);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_refuses_non_empty (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  StridePainEntry pain = { 0, };

  pain.date = julian (1, G_DATE_JUNE, 2025);
  pain.location = g_strdup ("knee");
  pain.severity = 2;
  g_assert_true (stride_store_add_pain_entry (f->target, &pain, &error));
  g_assert_no_error (error);
  stride_pain_entry_clear (&pain);
  before = export_to (f, f->target, "before");

  g_assert_false (restore (f->target, f->export_dir, &error));
  g_assert_error (error, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_NOT_EMPTY);
  g_assert_nonnull (error != NULL ? strstr (error->message, "already has entries") : NULL);

  after = export_to (f, f->target, "after");
  assert_same_files (before, after);
}

/* An exercise added to the library is the user's entry too. */
static void
test_refuses_own_exercise (Fixture       *f,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *edited = NULL;

  /* The store has no call that adds an exercise: a restore of an edited
   * library writes one. */
  edited = export_to (f, f->target, "edited");
  {
    g_autofree char *path = g_build_filename (edited, "exercise.csv", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *longer = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    longer = g_strconcat (contents, "999,my-own,My own,core,\"\",0\n", NULL);
    g_assert_true (g_file_set_contents (path, longer, -1, NULL));
  }
  g_assert_true (restore (f->target, edited, &error));
  g_assert_no_error (error);
  before = export_to (f, f->target, "before");

  g_assert_false (restore (f->target, f->export_dir, &error));
  g_assert_error (error, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_NOT_EMPTY);

  after = export_to (f, f->target, "after");
  assert_same_files (before, after);
}

/* A journal just created (with its exercise library) takes the export. */
static void
test_restore_twice_refused (Fixture       *f,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (restore (f->target, f->export_dir, &error));
  g_assert_no_error (error);
  g_assert_false (restore (f->target, f->export_dir, &error));
  g_assert_error (error, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_NOT_EMPTY);
}

/* Corrupting an export: each case edits one file of a copy. */

static void
copy_dir (const char *from,
          const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));
    }
}

static char *
corrupt_copy (Fixture *f)
{
  static guint counter = 0;
  g_autofree char *name = g_strdup_printf ("corrupt-%u", counter++);
  char *path = fixture_path (f, name);

  copy_dir (f->export_dir, path);
  return path;
}

typedef struct
{
  GPtrArray *rows;                   /* of GPtrArray of char* (NULL = empty field) */
  GArray    *lines;                  /* guint: where each row starts */
} CsvFile;

static void
csv_file_clear (CsvFile *csv)
{
  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_clear_pointer (&csv->lines, g_array_unref);
}

static void
csv_read (const char *dir,
          const char *name,
          CsvFile    *csv)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(StrideCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *row = NULL;

  g_assert_nonnull (stream);
  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  csv->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  reader = stride_csv_reader_new (G_INPUT_STREAM (stream));
  while (stride_csv_reader_read_row (reader, &row, NULL, &error))
    {
      guint line = stride_csv_reader_get_line (reader);

      g_ptr_array_add (csv->rows, row);
      g_array_append_val (csv->lines, line);
    }
  g_assert_no_error (error);
}

static void
csv_write (const char *dir,
           const char *name,
           CsvFile    *csv)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < csv->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (csv->rows, i);

      stride_csv_append_row (text, row->len, (const char *const *) row->pdata);
    }
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
}

static guint
csv_column (CsvFile    *csv,
            const char *column)
{
  GPtrArray *header = g_ptr_array_index (csv->rows, 0);

  for (guint i = 0; i < header->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (header, i), column) == 0)
        return i;
    }

  g_assert_not_reached ();
}

/* Sets one field (row 0 is the header) and returns the row's line. */
static guint
set_field (const char *dir,
           const char *file,
           guint       row_index,
           const char *column,
           const char *value)
{
  CsvFile csv = { 0, };
  GPtrArray *row;
  guint index;
  guint line;

  csv_read (dir, file, &csv);
  g_assert_cmpuint (row_index, <, csv.rows->len);
  index = csv_column (&csv, column);
  row = g_ptr_array_index (csv.rows, row_index);
  g_free (g_ptr_array_index (row, index));
  g_ptr_array_index (row, index) = g_strdup (value);
  line = g_array_index (csv.lines, guint, row_index);
  csv_write (dir, file, &csv);
  csv_file_clear (&csv);

  return line;
}

/* Restores @dir into the (new) target, which must fail with @domain and
 * @code and a message holding @part (if not NULL), leaving it untouched. */
static void
assert_refused (Fixture    *f,
                const char *dir,
                GQuark      domain,
                int         code,
                const char *part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (restore (f->target, dir, &error));
  g_assert_error (error, domain, code);
  if (error != NULL)
    {
      g_test_message ("%s", error->message);
      if (part != NULL && strstr (error->message, part) == NULL)
        g_test_fail_printf ("“%s” does not say “%s”", error->message, part);
    }

  assert_untouched (f);
}

static void
test_bad_number (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  guint line = set_field (dir, "activity.csv", 3, "distance_m", "12,5");
  g_autofree char *where = g_strdup_printf ("activity.csv line %u, column distance_m: “12,5”", line);

  assert_refused (f, dir, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_VALUE, where);
}

static void
test_bad_whole_number (Fixture       *f,
                       gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  guint line = set_field (dir, "trackpoint.csv", 200, "hr", "fast");
  g_autofree char *where = g_strdup_printf ("trackpoint.csv line %u, column hr: “fast” is not "
                                            "a whole number", line);

  assert_refused (f, dir, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_VALUE, where);
}

static void
test_missing_value (Fixture       *f,
                    gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  guint line = set_field (dir, "activity.csv", 2, "sport", NULL);
  g_autofree char *where = g_strdup_printf ("activity.csv line %u, column sport: a value is "
                                            "required", line);

  assert_refused (f, dir, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_VALUE, where);
}

static void
test_rule_broken (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  guint line = set_field (dir, "strength_set.csv", 5, "rpe", "11");
  g_autofree char *where = g_strdup_printf ("strength_set.csv line %u: the row breaks a rule",
                                            line);

  assert_refused (f, dir, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_VALUE, where);
}

static void
test_duplicate_id (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  guint line = set_field (dir, "shoe.csv", 2, "id", "1");
  g_autofree char *where = g_strdup_printf ("shoe.csv line %u: ", line);

  assert_refused (f, dir, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_VALUE, where);
}

static void
test_broken_link (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  guint line = set_field (dir, "strength_set.csv", 7, "exercise_id", "9999");
  g_autofree char *where = g_strdup_printf ("strength_set.csv line %u, column exercise_id: "
                                            "no row of “exercise” has id 9999", line);

  assert_refused (f, dir, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_REFERENCE,
                  where);
}

static void
test_broken_optional_link (Fixture       *f,
                           gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  guint line = set_field (dir, "activity.csv", 1, "shoe_id", "77");
  g_autofree char *where = g_strdup_printf ("activity.csv line %u, column shoe_id: no row of "
                                            "“shoe” has id 77", line);

  assert_refused (f, dir, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_REFERENCE,
                  where);
}

static void
test_unknown_column (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);

  set_field (dir, "activity.csv", 0, "avg_hr", "avg_heart");
  assert_refused (f, dir, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_COLUMNS,
                  "activity.csv line 1, column avg_heart: “avg_heart” is not a column");
}

static void
test_missing_column (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  CsvFile csv = { 0, };
  guint index;

  csv_read (dir, "race.csv", &csv);
  index = csv_column (&csv, "goal_time_s");
  for (guint i = 0; i < csv.rows->len; i++)
    g_ptr_array_remove_index (g_ptr_array_index (csv.rows, i), index);
  csv_write (dir, "race.csv", &csv);
  csv_file_clear (&csv);

  assert_refused (f, dir, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_COLUMNS,
                  "race.csv line 1: the column “goal_time_s” of “race” is missing");
}

static void
test_row_too_short (Fixture       *f,
                    gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  CsvFile csv = { 0, };
  g_autofree char *where = NULL;

  csv_read (dir, "measurement.csv", &csv);
  g_ptr_array_remove_index (g_ptr_array_index (csv.rows, 4), 2);
  where = g_strdup_printf ("measurement.csv line %u: 7 fields, but the header names 8 columns",
                           g_array_index (csv.lines, guint, 4));
  csv_write (dir, "measurement.csv", &csv);
  csv_file_clear (&csv);

  assert_refused (f, dir, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_MALFORMED, where);
}

/* A file cut inside a quoted field. */
static void
test_truncated_quote (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  g_autofree char *path = g_build_filename (dir, "pain_entry.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *where = NULL;
  guint n_lines = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; *p != '\0'; p++)
    n_lines += *p == '\n';
  cut = g_strconcat (contents, "999,2025-01-01,knee,left,3,\"never closed", NULL);
  g_assert_true (g_file_set_contents (path, cut, -1, NULL));
  where = g_strdup_printf ("pain_entry.csv line %u: the quoted field 6 is not closed",
                           n_lines + 1);

  assert_refused (f, dir, STRIDE_CSV_ERROR, STRIDE_CSV_ERROR_PARSE, where);
}

static void
test_empty_table_file (Fixture       *f,
                       gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  g_autofree char *path = g_build_filename (dir, "race.csv", NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused (f, dir, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_MALFORMED,
                  "race.csv is empty");
}

static void
test_unknown_file (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  g_autofree char *path = g_build_filename (dir, "workouts.csv", NULL);

  g_assert_true (g_file_set_contents (path, "id\n1\n", -1, NULL));
  assert_refused (f, dir, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_FILES,
                  "“workouts.csv” is not a table of the journal");
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  g_autofree char *path = g_build_filename (dir, "lap.csv", NULL);

  g_assert_cmpint (g_unlink (path), ==, 0);
  assert_refused (f, dir, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_FILES,
                  "“lap.csv” is missing");
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  g_autofree char *version = g_strdup_printf ("%d", STRIDE_STORE_SCHEMA_VERSION + 1);

  set_field (dir, STRIDE_CSV_EXPORT_MARKER, 3, "value", version);
  assert_refused (f, dir, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_VERSION,
                  "newer than this one");
}

static void
test_newer_format (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);

  set_field (dir, STRIDE_CSV_EXPORT_MARKER, 2, "value", "2");
  assert_refused (f, dir, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_VERSION,
                  "format version 2");
}

static void
test_other_format (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);

  set_field (dir, STRIDE_CSV_EXPORT_MARKER, 1, "value", "someone-elses-csv");
  assert_refused (f, dir, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_NOT_AN_EXPORT,
                  "the format is not");
}

/* Every table there but no marker: recognised, and refused with a reason. */
static void
test_without_marker (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  g_autofree char *path = g_build_filename (dir, STRIDE_CSV_EXPORT_MARKER, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (stride_csv_import_is_export_dir (folder, NULL, NULL));
  assert_refused (f, dir, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_NOT_AN_EXPORT,
                  STRIDE_CSV_EXPORT_MARKER);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->export_dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (stride_csv_import_dir (f->target, dir, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_untouched (f);
}

/* stride_import_path() on such a folder */

typedef struct
{
  GPtrArray *files;
  GArray    *results;                /* StrideImportResult, message not owned */
  GPtrArray *messages;
} Collected;

static void
collect_cb (GFile                    *file,
            const StrideImportResult *result,
            gpointer                  user_data)
{
  Collected *collected = user_data;
  StrideImportResult copy = *result;

  copy.message = NULL;
  g_ptr_array_add (collected->files, g_object_ref (file));
  g_array_append_val (collected->results, copy);
  g_ptr_array_add (collected->messages, g_strdup (result->message));
}

static void
collected_init (Collected *collected)
{
  collected->files = g_ptr_array_new_with_free_func (g_object_unref);
  collected->results = g_array_new (FALSE, TRUE, sizeof (StrideImportResult));
  collected->messages = g_ptr_array_new_with_free_func (g_free);
}

static void
collected_clear (Collected *collected)
{
  g_clear_pointer (&collected->files, g_ptr_array_unref);
  g_clear_pointer (&collected->results, g_array_unref);
  g_clear_pointer (&collected->messages, g_ptr_array_unref);
}

static void
import_path (StrideStore *store,
             const char  *path,
             Collected   *collected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  collected_init (collected);
  g_assert_true (stride_import_path (store, file, collect_cb, collected, NULL, &error));
  g_assert_no_error (error);
}

static void
test_import_path (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->export_dir);
  g_autofree char *again = NULL;
  Collected collected = { 0, };
  const StrideImportResult *result;

  import_path (f->target, f->export_dir, &collected);

  /* One result for the whole folder. */
  g_assert_cmpuint (collected.results->len, ==, 1);
  if (collected.results->len == 1)
    {
      result = &g_array_index (collected.results, StrideImportResult, 0);
      g_test_message ("%s", (const char *) g_ptr_array_index (collected.messages, 0));
      g_assert_cmpint (result->status, ==, STRIDE_IMPORT_STATUS_IMPORTED);
      g_assert_cmpuint (result->n_activities, ==, count (f->source, "activity"));
      g_assert_true (g_file_equal (g_ptr_array_index (collected.files, 0), dir));
    }
  collected_clear (&collected);

  again = export_to (f, f->target, "again");
  assert_same_files (f->export_dir, again);

  /* A second time the journal has entries: one error, nothing changed. */
  import_path (f->target, f->export_dir, &collected);
  g_assert_cmpuint (collected.results->len, ==, 1);
  if (collected.results->len == 1)
    {
      const char *message = g_ptr_array_index (collected.messages, 0);

      result = &g_array_index (collected.results, StrideImportResult, 0);
      g_assert_cmpint (result->status, ==, STRIDE_IMPORT_STATUS_ERROR);
      g_assert_nonnull (message != NULL ? strstr (message, "already has entries") : NULL);
    }
  collected_clear (&collected);
  g_assert_cmpint (count (f->target, "activity"), ==, count (f->source, "activity"));
}

/* An export inside a folder being imported is restored, not walked. */
static void
test_import_path_nested (Fixture       *f,
                         gconstpointer  user_data)
{
  g_autofree char *parent = fixture_path (f, "outer");
  g_autofree char *inner = g_build_filename (parent, "backup", NULL);
  Collected collected = { 0, };

  copy_dir (f->export_dir, inner);
  import_path (f->target, parent, &collected);

  g_assert_cmpuint (collected.results->len, ==, 1);
  if (collected.results->len == 1)
    g_assert_cmpint (g_array_index (collected.results, StrideImportResult, 0).status, ==,
                     STRIDE_IMPORT_STATUS_IMPORTED);
  collected_clear (&collected);
  g_assert_cmpint (count (f->target, "activity"), ==, count (f->source, "activity"));
}

static void
test_import_path_broken_export (Fixture       *f,
                                gconstpointer  user_data)
{
  g_autofree char *dir = corrupt_copy (f);
  Collected collected = { 0, };

  set_field (dir, "activity.csv", 1, "rpe", "lots");
  import_path (f->target, dir, &collected);

  g_assert_cmpuint (collected.results->len, ==, 1);
  if (collected.results->len == 1)
    {
      const char *message = g_ptr_array_index (collected.messages, 0);

      g_assert_cmpint (g_array_index (collected.results, StrideImportResult, 0).status, ==,
                       STRIDE_IMPORT_STATUS_ERROR);
      g_assert_nonnull (message != NULL ? strstr (message, "activity.csv line 2, column rpe")
                                        : NULL);
    }
  collected_clear (&collected);
  assert_untouched (f);
}

static guint64
export_size (const char *path)
{
  g_autoptr(GPtrArray) names = sorted_names (path);
  guint64 total = 0;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (file, &st), ==, 0);
      total += (guint64) st.st_size;
    }

  g_assert_cmpuint (total, >, 1000);
  return total;
}

static void
test_detection (Fixture       *f,
                gconstpointer  user_data)
{
  g_autofree char *empty = fixture_path (f, "empty-folder");
  g_autofree char *strava_like = fixture_path (f, "strava-like");
  g_autofree char *marker_only = fixture_path (f, "marker-only");
  g_autofree char *activities = g_build_filename (strava_like, "activity.csv", NULL);
  g_autofree char *marker = g_build_filename (marker_only, STRIDE_CSV_EXPORT_MARKER, NULL);
  g_autoptr(GFile) export_folder = g_file_new_for_path (f->export_dir);
  g_autoptr(GFile) empty_folder = g_file_new_for_path (empty);
  g_autoptr(GFile) strava_folder = g_file_new_for_path (strava_like);
  g_autoptr(GFile) marker_folder = g_file_new_for_path (marker_only);
  guint64 n_bytes = 0;

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (strava_like, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (marker_only, 0700), ==, 0);
  g_assert_true (g_file_set_contents (activities, "Activity ID,Activity Date\n", -1, NULL));
  g_assert_true (g_file_set_contents (marker, "key,value\n", -1, NULL));

  g_assert_true (stride_csv_import_is_export_dir (export_folder, &n_bytes, NULL));
  g_assert_cmpuint (n_bytes, ==, export_size (f->export_dir));
  g_assert_true (stride_csv_import_is_export_dir (marker_folder, NULL, NULL));
  g_assert_false (stride_csv_import_is_export_dir (empty_folder, NULL, NULL));
  g_assert_false (stride_csv_import_is_export_dir (strava_folder, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define DEMO(path, func) \
  g_test_add ("/csv-roundtrip/" path, Fixture, NULL, setup_demo, func, teardown)
#define TRICKY(path, func) \
  g_test_add ("/csv-roundtrip/" path, Fixture, NULL, setup_tricky, func, teardown)

  DEMO ("demo-byte-identical", test_demo_round_trip);
  DEMO ("demo-numbers-exact", test_demo_numbers_exact);
  TRICKY ("tricky-values", test_tricky_values);
  TRICKY ("marker", test_marker);
  TRICKY ("refuses-non-empty", test_refuses_non_empty);
  TRICKY ("refuses-own-exercise", test_refuses_own_exercise);
  TRICKY ("restore-twice-refused", test_restore_twice_refused);
  DEMO ("corrupt/bad-number", test_bad_number);
  DEMO ("corrupt/bad-whole-number", test_bad_whole_number);
  DEMO ("corrupt/missing-value", test_missing_value);
  DEMO ("corrupt/rule-broken", test_rule_broken);
  DEMO ("corrupt/duplicate-id", test_duplicate_id);
  DEMO ("corrupt/broken-link", test_broken_link);
  DEMO ("corrupt/broken-optional-link", test_broken_optional_link);
  DEMO ("corrupt/unknown-column", test_unknown_column);
  DEMO ("corrupt/missing-column", test_missing_column);
  DEMO ("corrupt/row-too-short", test_row_too_short);
  DEMO ("corrupt/truncated-quote", test_truncated_quote);
  DEMO ("corrupt/empty-table-file", test_empty_table_file);
  DEMO ("corrupt/unknown-file", test_unknown_file);
  DEMO ("corrupt/missing-file", test_missing_file);
  DEMO ("corrupt/newer-schema", test_newer_schema);
  DEMO ("corrupt/newer-format", test_newer_format);
  DEMO ("corrupt/other-format", test_other_format);
  DEMO ("corrupt/without-marker", test_without_marker);
  DEMO ("cancelled", test_cancelled);
  DEMO ("import-path", test_import_path);
  DEMO ("import-path-nested", test_import_path_nested);
  DEMO ("import-path-broken-export", test_import_path_broken_export);
  DEMO ("detection", test_detection);

#undef DEMO
#undef TRICKY

  status = g_test_run ();
  demo_clear ();

  return status;
}
