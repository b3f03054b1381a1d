/* test-demo-writer.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-demo-writer"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "stride-demo.h"
#include "stride-demo-writer.h"

/* What the generator emits, counted per table, to compare with the rows. */
typedef struct
{
  guint32 today;
  gint64  next_id;
  gint64  shoe;
  gint64  activity;
  gint64  runs;
  gint64  strength_set;
  gint64  trackpoint;
  gint64  lap;
  gint64  measurement;
  gint64  pain_entry;
  gint64  race;
  gint64  past_race;
  gint64  plan_entry;
} Counts;

static gboolean
count_shoe (StrideShoe *shoe,
            guint       index,
            gpointer    user_data)
{
  ((Counts *) user_data)->shoe++;
  return TRUE;
}

static gboolean
count_activity (StrideActivity    *activity,
                StrideStrengthSet *sets,
                const char *const *keys,
                guint              n_sets,
                StrideTrackpoint  *points,
                guint              n_points,
                StrideLap         *laps,
                guint              n_laps,
                gpointer           user_data)
{
  Counts *c = user_data;

  activity->id = ++c->next_id;
  c->activity++;
  c->runs += activity->sport == STRIDE_SPORT_RUN;
  c->strength_set += n_sets;
  c->trackpoint += n_points;
  c->lap += n_laps;
  return TRUE;
}

static gboolean
count_measurement (StrideMeasurement *measurement,
                   gpointer           user_data)
{
  ((Counts *) user_data)->measurement++;
  return TRUE;
}

static gboolean
count_pain (StridePainEntry *pain,
            gpointer         user_data)
{
  ((Counts *) user_data)->pain_entry++;
  return TRUE;
}

static gboolean
count_race (StrideRace *race,
            gpointer    user_data)
{
  Counts *c = user_data;

  c->race++;
  c->past_race += race->activity_id != 0;
  return TRUE;
}

static gboolean
count_plan_entry (StridePlanEntry *entry,
                  gpointer         user_data)
{
  ((Counts *) user_data)->plan_entry++;
  return TRUE;
}

static void
count_demo (guint    years,
            guint32  today,
            Counts  *counts)
{
  static const StrideDemoSink sink = {
    count_shoe, count_activity, count_measurement, count_pain, count_race, count_plan_entry,
  };

  memset (counts, 0, sizeof *counts);
  counts->today = today;
  g_assert_true (stride_demo_generate (years, today, STRIDE_DEMO_DEFAULT_SEED, &sink, counts));
}

static guint32
julian (GDateDay   day,
        GDateMonth month,
        GDateYear  year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

typedef struct
{
  char        *dir;
  char        *path;
  StrideStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("stride-demo-writer-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "journal.db", NULL);
  f->store = stride_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (f->dir);

  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

static gint64
count_rows (StrideStore *store,
            const char  *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = stride_store_count_rows (store, table, &error);

  g_assert_no_error (error);
  return n;
}

/* Table name -> offset of its expected count in Counts. */
typedef struct
{
  const char *table;
  gsize       offset;
} TableCount;

static const TableCount table_counts[] = {
  { "shoe", G_STRUCT_OFFSET (Counts, shoe) },
  { "activity", G_STRUCT_OFFSET (Counts, activity) },
  { "trackpoint", G_STRUCT_OFFSET (Counts, trackpoint) },
  { "lap", G_STRUCT_OFFSET (Counts, lap) },
  { "strength_set", G_STRUCT_OFFSET (Counts, strength_set) },
  { "measurement", G_STRUCT_OFFSET (Counts, measurement) },
  { "plan_entry", G_STRUCT_OFFSET (Counts, plan_entry) },
  { "race", G_STRUCT_OFFSET (Counts, race) },
  { "pain_entry", G_STRUCT_OFFSET (Counts, pain_entry) },
};

static gboolean
count_linked_cb (guint              n_columns,
                 const char *const *names,
                 const char *const *values,
                 gpointer           user_data)
{
  const char *wanted = ((const char *const *) user_data)[0];
  gint64 *n = (gint64 *) (gpointer) ((const char *const *) user_data)[1];

  for (guint i = 0; i < n_columns; i++)
    if (g_str_equal (names[i], wanted) && values[i] != NULL && !g_str_equal (values[i], "0"))
      (*n)++;

  return TRUE;
}

static gint64
count_linked (StrideStore *store,
              const char  *table,
              const char  *column)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0;
  const char *data[2] = { column, (const char *) (gpointer) &n };

  g_assert_true (stride_store_foreach_row (store, table, count_linked_cb, data, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint32 today = julian (15, G_DATE_MARCH, 2026);
  gint64 exercises = count_rows (f->store, "exercise");
  Counts expected;
  const char *const *tables = stride_store_list_tables ();

  count_demo (2, today, &expected);

  g_assert_true (stride_demo_write (f->store, 2, today, &error));
  g_assert_no_error (error);
  g_test_message ("2 years written in %.2f s", g_timer_elapsed (timer, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (table_counts); i++)
    {
      gint64 want = G_STRUCT_MEMBER (gint64, &expected, table_counts[i].offset);

      g_assert_true (g_strv_contains (tables, table_counts[i].table));
      g_test_message ("%s: %" G_GINT64_FORMAT " rows", table_counts[i].table, want);
      g_assert_cmpint (count_rows (f->store, table_counts[i].table), ==, want);
      g_assert_cmpint (want, >, 0);
    }

  /* The library is used, not grown. */
  g_assert_cmpint (count_rows (f->store, "exercise"), ==, exercises);
  g_assert_cmpint (expected.trackpoint, >, 10000);
  g_assert_cmpint (expected.activity, >, 700);

  /* Every run wears a stored shoe; every race run is linked to its race. */
  g_assert_cmpint (count_linked (f->store, "activity", "shoe_id"), ==, expected.runs);
  g_assert_cmpint (count_linked (f->store, "race", "activity_id"), ==, expected.past_race);
  g_assert_cmpint (expected.past_race, >=, 4);
  g_assert_cmpint (count_linked (f->store, "strength_set", "exercise_id"), ==,
                   expected.strength_set);
}

/* Everything is one transaction: a failure at the very end (the plan is
 * written last) leaves the journal as it was. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint32 today = julian (15, G_DATE_MARCH, 2026);
  const char *const *tables = stride_store_list_tables ();
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = NULL;
  Counts expected;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      gint64 n = count_rows (f->store, tables[i]);

      g_array_append_val (before, n);
    }

  /* Another connection plants a trigger that fails the last plan entry. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TRIGGER demo_fail BEFORE INSERT ON plan_entry"
                                 " WHEN (SELECT COUNT(*) FROM plan_entry) >= 50"
                                 " BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (stride_demo_write (f->store, 2, today, &error));
  g_assert_nonnull (error);
  g_test_message ("expected failure: %s", error ? error->message : "(none)");
  g_clear_error (&error);

  for (guint i = 0; tables[i] != NULL; i++)
    g_assert_cmpint (count_rows (f->store, tables[i]), ==, g_array_index (before, gint64, i));

  /* Without the trigger it goes through on the same store. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER demo_fail", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (stride_demo_write (f->store, 2, today, &error));
  g_assert_no_error (error);
  count_demo (2, today, &expected);
  g_assert_cmpint (count_rows (f->store, "plan_entry"), ==, expected.plan_entry);
  g_assert_cmpint (count_rows (f->store, "activity"), ==, expected.activity);
}

/* Inside a caller's transaction the demo nests, and the caller decides. */
static void
test_nested (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stride_store_begin (f->store, &error));
  g_assert_true (stride_demo_write (f->store, 1, julian (1, G_DATE_JUNE, 2025), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "activity"), >, 300);
  stride_store_rollback (f->store);
  g_assert_cmpint (count_rows (f->store, "activity"), ==, 0);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (stride_demo_write (f->store, 2, 0, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (stride_demo_write (f->store, 5000, julian (1, G_DATE_JUNE, 2025), &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (f->store, "activity"), ==, 0);
}

/* The 10-year journal of the benchmarks must be quick to make. */
static void
test_ten_years (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint32 today = julian (20, G_DATE_JUNE, 2026);
  double elapsed;

  g_assert_true (stride_demo_write (f->store, 10, today, &error));
  g_assert_no_error (error);
  elapsed = g_timer_elapsed (timer, NULL);
  g_test_message ("10 years: %" G_GINT64_FORMAT " activities, %" G_GINT64_FORMAT
                  " trackpoints, %" G_GINT64_FORMAT " laps in %.2f s",
                  count_rows (f->store, "activity"), count_rows (f->store, "trackpoint"),
                  count_rows (f->store, "lap"), elapsed);
  g_assert_cmpint (count_rows (f->store, "activity"), >, 3500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/demo-writer/write", Fixture, NULL, fixture_set_up, test_write, fixture_tear_down);
  g_test_add ("/demo-writer/all-or-nothing", Fixture, NULL,
              fixture_set_up, test_all_or_nothing, fixture_tear_down);
  g_test_add ("/demo-writer/nested", Fixture, NULL, fixture_set_up, test_nested, fixture_tear_down);
  g_test_add ("/demo-writer/invalid", Fixture, NULL,
              fixture_set_up, test_invalid, fixture_tear_down);
  g_test_add ("/demo-writer/ten-years", Fixture, NULL,
              fixture_set_up, test_ten_years, fixture_tear_down);

  return g_test_run ();
}
