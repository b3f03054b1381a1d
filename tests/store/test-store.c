/* test-store.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "store-test-util.h"

static StrideStore *
open_new (TestDir    *fixture,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, name);
  StrideStore *store = stride_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static void
test_new_file_mode (TestDir       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = NULL;
  g_autofree char *dir = g_build_filename (fixture->dir, "a", "b", NULL);
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  StrideActivity run = test_run (1700000000);
  GStatBuf st;

  store = stride_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (stride_store_get_path (store), ==, path);
  g_assert_false (stride_store_is_read_only (store));
  g_assert_null (stride_store_get_read_only_reason (store));
  g_assert_cmpint (stride_store_get_schema_version (store), ==, STRIDE_STORE_SCHEMA_VERSION);

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  stride_store_add_activity (store, &run, NULL, 0, NULL, 0, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  test_assert_query (path, "PRAGMA journal_mode", "wal");
  test_assert_query (path, "PRAGMA user_version", "1");
}

static void
test_resolve_path (void)
{
  g_autofree char *explicit_path = NULL;
  g_autofree char *env_path = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *expected = NULL;

  explicit_path = stride_store_resolve_path ("/x/y.db");
  g_assert_cmpstr (explicit_path, ==, "/x/y.db");

  g_setenv ("STRIDESTRONG_DB", "/env/journal.db", TRUE);
  env_path = stride_store_resolve_path (NULL);
  g_assert_cmpstr (env_path, ==, "/env/journal.db");

  g_unsetenv ("STRIDESTRONG_DB");
  default_path = stride_store_resolve_path (NULL);
  expected = g_build_filename (g_get_user_data_dir (), "stridestrong", "journal.db", NULL);
  g_assert_cmpstr (default_path, ==, expected);
}

static void
test_exercise_seed (TestDir       *fixture,
                    gconstpointer  user_data)
{
  static const char *const required[] = {
    "deadlift", "romanian-deadlift", "back-squat", "front-squat", "clean-and-jerk",
    "power-clean", "hang-clean", "nordic-curl", "split-squat", "bulgarian-split-squat",
    "single-leg-rdl", "step-up", "hip-thrust", "glute-bridge", "single-leg-glute-bridge",
    "side-lying-hip-abduction", "clamshell", "lateral-band-walk", "single-leg-squat",
    "single-leg-calf-raise", "calf-raise", "box-jump", "jump-squat", "bounding", "leg-curl",
    "leg-extension", "copenhagen-plank", "plank", "side-plank", "dead-bug", "pallof-press",
    "lunge", "walking-lunge", "reverse-lunge", "goblet-squat", "kettlebell-swing",
    "trap-bar-deadlift", "good-morning", "pogo-jumps", "single-leg-hop", "hip-flexor-stretch",
    "ankle-dorsiflexion-mobilisation", "worlds-greatest-stretch", "hip-90-90",
  };
  g_autoptr(StrideStore) store = open_new (fixture, "journal.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) exercises = NULL;
  g_autoptr(GHashTable) categories = g_hash_table_new (NULL, NULL);
  StrideExercise exercise = { 0 };

  g_assert_cmpint (test_count (store, "exercise"), >=, 44);
  g_assert_cmpint (test_count (store, "exercise"), ==, _stride_exercise_library_get_size ());

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_assert_true (stride_store_find_exercise (store, required[i], &exercise, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (exercise.key, ==, required[i]);
      g_assert_nonnull (exercise.name);
      g_assert_cmpstr (exercise.muscles, !=, "");
      g_assert_cmpint (exercise.id, >, 0);
      stride_exercise_clear (&exercise);
    }

  g_assert_true (stride_store_find_exercise (store, "single-leg-rdl", &exercise, &error));
  g_assert_true (exercise.unilateral);
  g_assert_cmpint (exercise.category, ==, STRIDE_CATEGORY_UNILATERAL);
  stride_exercise_clear (&exercise);
  g_assert_true (stride_store_find_exercise (store, "nordic-curl", &exercise, &error));
  g_assert_cmpint (exercise.category, ==, STRIDE_CATEGORY_POSTERIOR);
  g_assert_false (exercise.unilateral);
  stride_exercise_clear (&exercise);

  g_assert_false (stride_store_find_exercise (store, "no-such-lift", &exercise, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  exercises = stride_store_list_exercises (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exercises->len, ==, test_count (store, "exercise"));
  for (guint i = 0; i < exercises->len; i++)
    {
      StrideExercise *e = &g_array_index (exercises, StrideExercise, i);

      g_hash_table_add (categories, GUINT_TO_POINTER (e->category));
      if (i > 0)
        {
          StrideExercise *prev = &g_array_index (exercises, StrideExercise, i - 1);

          g_assert_cmpint (g_ascii_strcasecmp (prev->name, e->name), <=, 0);
        }
    }
  /* Every category has exercises. */
  g_assert_cmpuint (g_hash_table_size (categories), ==, STRIDE_N_CATEGORIES);
}

typedef struct
{
  guint       n_rows;
  guint       n_columns;
  GPtrArray  *first_row;
  guint       stop_after;
} RowCollector;

static gboolean
collect_row_cb (guint              n_columns,
                const char *const *names,
                const char *const *values,
                gpointer           user_data)
{
  RowCollector *collector = user_data;

  g_assert_nonnull (names);
  collector->n_columns = n_columns;
  if (collector->n_rows == 0)
    {
      collector->first_row = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n_columns; i++)
        {
          g_assert_nonnull (names[i]);
          g_ptr_array_add (collector->first_row,
                           g_strdup_printf ("%s=%s", names[i], values[i] ? values[i] : "NULL"));
        }
    }
  collector->n_rows++;

  return collector->stop_after == 0 || collector->n_rows < collector->stop_after;
}

static char *
first_row_string (StrideStore *store,
                  const char  *table)
{
  g_autoptr(GError) error = NULL;
  RowCollector collector = { 0 };
  GString *s = g_string_new (NULL);

  stride_store_foreach_row (store, table, collect_row_cb, &collector, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collector.first_row);
  for (guint i = 0; i < collector.first_row->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, g_ptr_array_index (collector.first_row, i));
    }
  g_ptr_array_unref (collector.first_row);

  return g_string_free (s, FALSE);
}

static void
test_every_table (TestDir       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_new (fixture, "journal.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GArray) sets_read = NULL;
  g_autoptr(GArray) points_read = NULL;
  g_autoptr(GArray) laps_read = NULL;
  const char *const *tables = stride_store_list_tables ();
  StrideShoe shoe = { 0 };
  StrideActivity run = test_run (1767261600);
  StrideActivity strength = test_run (1767348000);
  StrideActivity read = { 0 };
  StrideStrengthSet sets[2] = { { 0 } };
  StrideTrackpoint points[3];
  StrideLap laps[2] = { { 0 } };
  StrideMeasurement measurement = { 0 };
  StridePlanEntry plan = { 0 };
  StrideRace race = { 0 };
  StridePainEntry pain = { 0 };
  StrideChecklistAnswer answer = { 0 };
  RowCollector collector = { 0 };

  g_assert_cmpuint (g_strv_length ((char **) tables), ==, 12);

  shoe.name = (char *) "Trail shoe";
  shoe.start_date = test_julian (2025, 12, 1);
  shoe.limit_km = 700;
  stride_store_add_shoe (store, &shoe, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shoe.id, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      points[i] = (StrideTrackpoint) { 0, i * 10.0, 52.0 + i * 0.001, 4.5, 10 + i, i * 30.0, 140 + i, 85 };
    }
  points[2].lat = NAN;
  points[2].lon = NAN;
  points[2].elevation_m = NAN;
  points[2].hr = 0;
  laps[0] = (StrideLap) { 0, 0, 0, 900, 2500, 148 };
  laps[1] = (StrideLap) { 0, 1, 900, 900, 2500, 0 };

  run.shoe_id = shoe.id;
  run.title = (char *) "Morning run";
  run.notes = (char *) "Windy";
  run.source_hash = (char *) "abc123";
  run.moving_s = 1750;
  stride_store_add_activity (store, &run, NULL, 0, points, G_N_ELEMENTS (points),
                             laps, G_N_ELEMENTS (laps), &error);
  g_assert_no_error (error);
  g_assert_cmpint (run.id, >, 0);

  strength.sport = STRIDE_SPORT_STRENGTH;
  strength.run_type = STRIDE_RUN_TYPE_NONE;
  strength.distance_m = 0;
  sets[0] = (StrideStrengthSet) { 0, 0, test_exercise_id (store, "nordic-curl"),
                                  STRIDE_SIDE_BOTH, 6, 0, 8, 0 };
  sets[1] = (StrideStrengthSet) { 0, 0, test_exercise_id (store, "single-leg-rdl"),
                                  STRIDE_SIDE_LEFT, 8, 20.5, 7, 1 };
  stride_store_add_activity (store, &strength, sets, G_N_ELEMENTS (sets), NULL, 0, NULL, 0, &error);
  g_assert_no_error (error);

  measurement.date = test_julian (2026, 1, 3);
  measurement.test = (char *) STRIDE_TEST_KNEE_FLEXION;
  measurement.method = (char *) STRIDE_METHOD_ISOKINETIC_60;
  measurement.side = STRIDE_SIDE_RIGHT;
  measurement.value = 120.5;
  measurement.unit = (char *) "N·m";
  stride_store_add_measurement (store, &measurement, &error);
  g_assert_no_error (error);
  g_assert_cmpint (measurement.id, >, 0);

  plan.date = test_julian (2026, 1, 5);
  plan.slot = STRIDE_SLOT_EVENING;
  plan.kind = STRIDE_PLAN_KIND_RUN;
  plan.run_type = STRIDE_RUN_TYPE_TEMPO;
  plan.target_distance_m = 8000;
  plan.description = (char *) "3 × 2 km";
  plan.status = STRIDE_PLAN_STATUS_DONE;
  plan.activity_id = run.id;
  stride_store_add_plan_entry (store, &plan, &error);
  g_assert_no_error (error);

  race.date = test_julian (2026, 4, 12);
  race.name = (char *) "City 10K";
  race.distance_m = 10000;
  race.goal_time_s = 2700;
  race.activity_id = run.id;
  stride_store_add_race (store, &race, &error);
  g_assert_no_error (error);

  pain.date = test_julian (2026, 1, 4);
  pain.location = (char *) "knee";
  pain.side = STRIDE_SIDE_LEFT;
  pain.severity = 3;
  stride_store_add_pain_entry (store, &pain, &error);
  g_assert_no_error (error);

  answer.iso_week = (char *) "2026-W02";
  answer.item_id = (char *) "sleep";
  answer.state = (char *) "caution";
  stride_store_set_checklist_answer (store, &answer, &error);
  g_assert_no_error (error);
  answer.state = (char *) "ok";
  answer.note = (char *) "better";
  stride_store_set_checklist_answer (store, &answer, &error);
  g_assert_no_error (error);

  stride_store_set_setting (store, "units", "imperial", &error);
  g_assert_no_error (error);
  stride_store_set_setting (store, "units", "metric", &error);
  g_assert_no_error (error);
  stride_store_set_setting (store, "week-start", "monday", &error);
  g_assert_no_error (error);

  g_assert_cmpint (test_count (store, "shoe"), ==, 1);
  g_assert_cmpint (test_count (store, "activity"), ==, 2);
  g_assert_cmpint (test_count (store, "trackpoint"), ==, 3);
  g_assert_cmpint (test_count (store, "lap"), ==, 2);
  g_assert_cmpint (test_count (store, "strength_set"), ==, 2);
  g_assert_cmpint (test_count (store, "measurement"), ==, 1);
  g_assert_cmpint (test_count (store, "plan_entry"), ==, 1);
  g_assert_cmpint (test_count (store, "race"), ==, 1);
  g_assert_cmpint (test_count (store, "pain_entry"), ==, 1);
  g_assert_cmpint (test_count (store, "checklist"), ==, 1);
  g_assert_cmpint (test_count (store, "setting"), ==, 2);

  /* Every table can be walked. */
  for (guint i = 0; tables[i] != NULL; i++)
    {
      RowCollector all = { 0 };

      g_assert_true (stride_store_foreach_row (store, tables[i], collect_row_cb, &all, &error));
      g_assert_no_error (error);
      g_assert_cmpint (all.n_rows, ==, test_count (store, tables[i]));
      g_assert_cmpuint (all.n_columns, >, 1);
      g_clear_pointer (&all.first_row, g_ptr_array_unref);
    }

  /* Read back as text. */
  row = first_row_string (store, "shoe");
  g_assert_cmpstr (row, ==, "id=1 name=Trail shoe start_date=2025-12-01 retired_date=NULL limit_km=700.0");
  g_clear_pointer (&row, g_free);
  row = first_row_string (store, "activity");
  g_assert_cmpstr (row, ==,
                   "id=1 sport=run start_utc=1767261600 tz_offset_s=3600 duration_s=1800.0 "
                   "moving_s=1750.0 distance_m=5000.0 elevation_gain_m=40.0 avg_hr=150 rpe=5 "
                   "run_type=easy shoe_id=1 title=Morning run notes=Windy source_hash=abc123");
  g_clear_pointer (&row, g_free);
  row = first_row_string (store, "measurement");
  g_assert_cmpstr (row, ==,
                   "id=1 date=2026-01-03 test=knee-flexion method=isokinetic-60 side=right "
                   "value=120.5 unit=N·m notes=NULL");
  g_clear_pointer (&row, g_free);
  row = first_row_string (store, "plan_entry");
  g_assert_cmpstr (row, ==,
                   "id=1 date=2026-01-05 slot=evening kind=run run_type=tempo "
                   "target_distance_m=8000.0 target_duration_s=NULL target_pace_s_per_km=NULL "
                   "description=3 × 2 km status=done activity_id=1");
  g_clear_pointer (&row, g_free);
  row = first_row_string (store, "race");
  g_assert_cmpstr (row, ==,
                   "id=1 date=2026-04-12 name=City 10K distance_m=10000.0 goal_time_s=2700.0 "
                   "activity_id=1");
  g_clear_pointer (&row, g_free);
  row = first_row_string (store, "pain_entry");
  g_assert_cmpstr (row, ==, "id=1 date=2026-01-04 location=knee side=left severity=3 notes=NULL");
  g_clear_pointer (&row, g_free);
  row = first_row_string (store, "checklist");
  g_assert_cmpstr (row, ==, "id=1 iso_week=2026-W02 item_id=sleep state=ok note=better");
  g_clear_pointer (&row, g_free);
  row = first_row_string (store, "setting");
  g_assert_cmpstr (row, ==, "key=units value=metric");
  g_clear_pointer (&row, g_free);
  row = first_row_string (store, "trackpoint");
  g_assert_cmpstr (row, ==,
                   "id=1 activity_id=1 time_s=0.0 lat=52.0 lon=4.5 elevation_m=10.0 "
                   "distance_m=0.0 hr=140 cadence=85");
  g_clear_pointer (&row, g_free);

  /* Stopping early. */
  collector.stop_after = 1;
  g_assert_true (stride_store_foreach_row (store, "setting", collect_row_cb, &collector, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (collector.n_rows, ==, 1);
  g_clear_pointer (&collector.first_row, g_ptr_array_unref);

  /* Settings. */
  value = stride_store_get_setting (store, "units");
  g_assert_cmpstr (value, ==, "metric");
  g_clear_pointer (&value, g_free);
  g_assert_null (stride_store_get_setting (store, "nothing"));
  stride_store_set_setting (store, "units", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stride_store_get_setting (store, "units"));

  /* Only the tables of the data model. */
  g_assert_cmpint (stride_store_count_rows (store, "sqlite_master", &error), ==, -1);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (stride_store_foreach_row (store, "activity; DROP TABLE activity",
                                            collect_row_cb, &collector, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Activity read back with its parts. */
  g_assert_true (stride_store_get_activity (store, run.id, &read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read.id, ==, run.id);
  g_assert_cmpint (read.sport, ==, STRIDE_SPORT_RUN);
  g_assert_cmpint (read.start_utc, ==, run.start_utc);
  g_assert_cmpint (read.tz_offset_s, ==, 3600);
  g_assert_cmpfloat (read.duration_s, ==, 1800);
  g_assert_cmpfloat (read.moving_s, ==, 1750);
  g_assert_cmpfloat (read.distance_m, ==, 5000);
  g_assert_cmpfloat (read.elevation_gain_m, ==, 40);
  g_assert_cmpint (read.avg_hr, ==, 150);
  g_assert_cmpint (read.rpe, ==, 5);
  g_assert_cmpint (read.run_type, ==, STRIDE_RUN_TYPE_EASY);
  g_assert_cmpint (read.shoe_id, ==, shoe.id);
  g_assert_cmpstr (read.title, ==, "Morning run");
  g_assert_cmpstr (read.notes, ==, "Windy");
  g_assert_cmpstr (read.source_hash, ==, "abc123");
  stride_activity_clear (&read);

  points_read = stride_store_list_trackpoints (store, run.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points_read->len, ==, 3);
  g_assert_cmpfloat (g_array_index (points_read, StrideTrackpoint, 1).lat, ==, 52.001);
  g_assert_cmpint (g_array_index (points_read, StrideTrackpoint, 1).hr, ==, 141);
  g_assert_true (isnan (g_array_index (points_read, StrideTrackpoint, 2).lat));
  g_assert_true (isnan (g_array_index (points_read, StrideTrackpoint, 2).elevation_m));
  g_assert_cmpint (g_array_index (points_read, StrideTrackpoint, 2).hr, ==, 0);

  laps_read = stride_store_list_laps (store, run.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (laps_read->len, ==, 2);
  g_assert_cmpint (g_array_index (laps_read, StrideLap, 0).avg_hr, ==, 148);
  g_assert_cmpfloat (g_array_index (laps_read, StrideLap, 1).start_s, ==, 900);

  sets_read = stride_store_list_strength_sets (store, strength.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sets_read->len, ==, 2);
  g_assert_cmpint (g_array_index (sets_read, StrideStrengthSet, 1).side, ==, STRIDE_SIDE_LEFT);
  g_assert_cmpfloat (g_array_index (sets_read, StrideStrengthSet, 1).load_kg, ==, 20.5);
  g_assert_cmpint (g_array_index (sets_read, StrideStrengthSet, 1).exercise_id, ==,
                   sets[1].exercise_id);

  g_assert_false (stride_store_get_activity (store, 999, &read, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting cascades to the parts and unlinks plan and race. */
  stride_store_delete_activity (store, run.id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "activity"), ==, 1);
  g_assert_cmpint (test_count (store, "trackpoint"), ==, 0);
  g_assert_cmpint (test_count (store, "lap"), ==, 0);
  g_assert_cmpint (test_count (store, "plan_entry"), ==, 1);
  g_assert_cmpint (test_count (store, "race"), ==, 1);
  row = first_row_string (store, "plan_entry");
  g_assert_nonnull (strstr (row, "activity_id=NULL"));
  g_clear_pointer (&row, g_free);
  row = first_row_string (store, "race");
  g_assert_nonnull (strstr (row, "activity_id=NULL"));
  g_clear_pointer (&row, g_free);

  stride_store_delete_activity (store, strength.id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "strength_set"), ==, 0);

  stride_store_delete_activity (store, strength.id, &error);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_shoe_set_null (TestDir       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_new (fixture, "journal.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  StrideShoe shoe = { 0 };
  StrideActivity run = test_run (1767261600);
  StrideActivity read = { 0 };

  shoe.name = (char *) "Road";
  stride_store_add_shoe (store, &shoe, &error);
  g_assert_no_error (error);
  run.shoe_id = shoe.id;
  stride_store_add_activity (store, &run, NULL, 0, NULL, 0, NULL, 0, &error);
  g_assert_no_error (error);

  test_raw_exec (path, "PRAGMA foreign_keys = ON; DELETE FROM shoe;");
  g_assert_true (stride_store_get_activity (store, run.id, &read, &error));
  g_assert_cmpint (read.shoe_id, ==, 0);
  stride_activity_clear (&read);

  /* An unknown shoe is refused. */
  run.shoe_id = 42;
  g_assert_false (stride_store_add_activity (store, &run, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
}

/* Every id of stride-types.c passes the CHECK constraints of the schema. */
static void
test_every_enum_id (TestDir       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_new (fixture, "journal.db");
  g_autoptr(GError) error = NULL;
  gint64 squat = test_exercise_id (store, "back-squat");

  for (guint sport = 0; sport < STRIDE_N_SPORTS; sport++)
    for (guint type = 0; type < STRIDE_N_RUN_TYPES; type++)
      {
        StrideActivity a = test_run (1700000000 + sport * 100000 + type * 1000);

        a.sport = sport;
        a.run_type = type;
        g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
        g_assert_no_error (error);
      }

  for (guint side = 0; side < STRIDE_N_SIDES; side++)
    {
      StrideActivity a = test_run (1600000000 + side);
      StrideStrengthSet set = { 0, 0, squat, side, 5, 60, 0, 0 };
      StrideMeasurement m = { 0, test_julian (2026, 2, 1), (char *) "hop", (char *) "field",
                              side, 1, (char *) "cm", NULL };
      StridePainEntry p = { 0, test_julian (2026, 2, 1), (char *) "hip", side, 2, NULL };

      g_assert_true (stride_store_add_activity (store, &a, &set, 1, NULL, 0, NULL, 0, &error));
      g_assert_no_error (error);
      g_assert_true (stride_store_add_measurement (store, &m, &error));
      g_assert_no_error (error);
      g_assert_true (stride_store_add_pain_entry (store, &p, &error));
      g_assert_no_error (error);
    }

  for (guint slot = 0; slot < STRIDE_N_SLOTS; slot++)
    for (guint kind = 0; kind < STRIDE_N_PLAN_KINDS; kind++)
      for (guint status = 0; status < STRIDE_N_PLAN_STATUSES; status++)
        {
          StridePlanEntry e = { 0 };

          e.date = test_julian (2026, 3, 1);
          e.slot = slot;
          e.kind = kind;
          e.status = status;
          e.run_type = kind % STRIDE_N_RUN_TYPES;
          g_assert_true (stride_store_add_plan_entry (store, &e, &error));
          g_assert_no_error (error);
        }

  /* Exercise categories, through the seed's own table. */
  for (guint category = 0; category < STRIDE_N_CATEGORIES; category++)
    {
      g_autofree char *path = test_dir_path (fixture, "journal.db");
      g_autofree char *sql = g_strdup_printf ("INSERT INTO exercise (key, name, category)"
                                              " VALUES ('test-%u', 'Test', '%s')",
                                              category, stride_category_to_id (category));

      test_raw_exec (path, sql);
    }
}

static void
expect_invalid (gboolean  ok,
                GError   *error,
                int       line)
{
  g_test_message ("line %d: %s", line, error != NULL ? error->message : "no error");
  g_assert_false (ok);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
}

static void
test_validation (TestDir       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_new (fixture, "journal.db");
  gint64 squat = test_exercise_id (store, "back-squat");
  StrideActivity a;
  StrideStrengthSet set;
  StrideTrackpoint point;
  StrideLap lap;
  StridePainEntry pain;
  StrideMeasurement m;
  StridePlanEntry plan;
  StrideRace race;
  StrideShoe shoe;
  StrideChecklistAnswer answer;
  GError *error = NULL;

#define INVALID(call) \
  G_STMT_START { gboolean ok_ = (call); expect_invalid (ok_, error, __LINE__); g_clear_error (&error); } G_STMT_END

  a = test_run (1700000000);
  a.distance_m = -1;
  INVALID (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  a = test_run (1700000000);
  a.distance_m = NAN;
  INVALID (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  a = test_run (1700000000);
  a.rpe = 11;
  INVALID (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  a = test_run (1700000000);
  a.sport = STRIDE_N_SPORTS;
  INVALID (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  a = test_run (1700000000);
  a.tz_offset_s = 20 * 3600;
  INVALID (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  a = test_run (1700000000);
  a.title = (char *) "bad \xff utf-8";
  INVALID (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));

  a = test_run (1700000000);
  set = (StrideStrengthSet) { 0, 0, 0, STRIDE_SIDE_BOTH, 5, 50, 5, 0 };
  INVALID (stride_store_add_activity (store, &a, &set, 1, NULL, 0, NULL, 0, &error));
  set.exercise_id = 99999;
  INVALID (stride_store_add_activity (store, &a, &set, 1, NULL, 0, NULL, 0, &error));
  set.exercise_id = squat;
  set.rpe = 12;
  INVALID (stride_store_add_activity (store, &a, &set, 1, NULL, 0, NULL, 0, &error));
  set.rpe = 5;
  set.load_kg = -5;
  INVALID (stride_store_add_activity (store, &a, &set, 1, NULL, 0, NULL, 0, &error));

  point = (StrideTrackpoint) { 0, 0, 95, 4, NAN, NAN, 0, 0 };
  INVALID (stride_store_add_activity (store, &a, NULL, 0, &point, 1, NULL, 0, &error));
  point = (StrideTrackpoint) { 0, 0, 50, 4, NAN, -3, 0, 0 };
  INVALID (stride_store_add_activity (store, &a, NULL, 0, &point, 1, NULL, 0, &error));
  lap = (StrideLap) { 0, 0, 0, -1, 100, 0 };
  INVALID (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, &lap, 1, &error));

  pain = (StridePainEntry) { 0, test_julian (2026, 1,
          1), (char *) "knee", STRIDE_SIDE_LEFT, 11, NULL };
  INVALID (stride_store_add_pain_entry (store, &pain, &error));
  pain.severity = -1;
  INVALID (stride_store_add_pain_entry (store, &pain, &error));
  pain.severity = 2;
  pain.location = NULL;
  INVALID (stride_store_add_pain_entry (store, &pain, &error));
  pain.location = (char *) "knee";
  pain.date = 0;
  INVALID (stride_store_add_pain_entry (store, &pain, &error));

  m = (StrideMeasurement) { 0, test_julian (2026, 1,
       1), NULL, NULL, STRIDE_SIDE_LEFT, 1, NULL, NULL };
  INVALID (stride_store_add_measurement (store, &m, &error));
  m.test = (char *) "hop";
  m.value = INFINITY;
  INVALID (stride_store_add_measurement (store, &m, &error));
  /* Every measurement has what the Balance page needs (and what an edit
   * or an undo writes back): a method, a unit and a value above zero. */
  m.value = 150;
  m.unit = (char *) "cm";
  INVALID (stride_store_add_measurement (store, &m, &error));
  m.method = (char *) STRIDE_METHOD_FIELD;
  m.unit = NULL;
  INVALID (stride_store_add_measurement (store, &m, &error));
  m.unit = (char *) "cm";
  m.value = 0;
  INVALID (stride_store_add_measurement (store, &m, &error));

  plan = (StridePlanEntry) { 0 };
  plan.date = test_julian (2026, 1, 1);
  plan.target_distance_m = -100;
  INVALID (stride_store_add_plan_entry (store, &plan, &error));
  plan.target_distance_m = 100;
  plan.status = STRIDE_N_PLAN_STATUSES;
  INVALID (stride_store_add_plan_entry (store, &plan, &error));
  plan.status = STRIDE_PLAN_STATUS_PLANNED;
  plan.activity_id = 4242;
  INVALID (stride_store_add_plan_entry (store, &plan, &error));

  race = (StrideRace) { 0, test_julian (2026, 5, 1), (char *) "Marathon", 0, 0, 0 };
  INVALID (stride_store_add_race (store, &race, &error));

  shoe = (StrideShoe) { 0, (char *) "Shoe", test_julian (2026, 5, 1), test_julian (2026, 4, 1), 0 };
  INVALID (stride_store_add_shoe (store, &shoe, &error));
  shoe = (StrideShoe) { 0, (char *) "", 0, 0, 0 };
  INVALID (stride_store_add_shoe (store, &shoe, &error));

  answer = (StrideChecklistAnswer) { (char *) "2026-48", (char *) "sleep", (char *) "ok", NULL };
  INVALID (stride_store_set_checklist_answer (store, &answer, &error));
  answer.iso_week = (char *) "2026-W54";
  INVALID (stride_store_set_checklist_answer (store, &answer, &error));
  answer.iso_week = (char *) "2026-W48";
  answer.state = NULL;
  INVALID (stride_store_set_checklist_answer (store, &answer, &error));

  INVALID (stride_store_set_setting (store, "", "x", &error));

#undef INVALID

  for (const char *const *t = stride_store_list_tables (); *t != NULL; t++)
    if (!g_str_equal (*t, "exercise"))
      g_assert_cmpint (test_count (store, *t), ==, 0);
}

static void
test_transactions (TestDir       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_new (fixture, "journal.db");
  g_autoptr(GError) error = NULL;
  StrideActivity a;
  StrideActivity bad;

  /* Rolled back as a whole. */
  g_assert_true (stride_store_begin (store, &error));
  a = test_run (1700000000);
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  a = test_run (1700001000);
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_cmpint (test_count (store, "activity"), ==, 2);
  stride_store_rollback (store);
  g_assert_cmpint (test_count (store, "activity"), ==, 0);

  /* Nested: an inner rollback keeps the outer work. */
  g_assert_true (stride_store_begin (store, &error));
  a = test_run (1700000000);
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_true (stride_store_begin (store, &error));
  a = test_run (1700002000);
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  stride_store_rollback (store);
  /* A failing write inside rolls back only itself. */
  bad = test_run (1700003000);
  bad.avg_hr = 0;
  bad.shoe_id = 777;
  g_assert_false (stride_store_add_activity (store, &bad, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (stride_store_begin (store, &error));
  a = test_run (1700004000);
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_true (stride_store_commit (store, &error));
  g_assert_true (stride_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "activity"), ==, 2);
}

static void
test_many_trackpoints (TestDir       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_new (fixture, "journal.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) read = NULL;
  g_autofree StrideTrackpoint *points = NULL;
  const guint n_points = 200000;
  StrideActivity a = test_run (1700000000);
  gint64 start;
  double seconds;

  points = g_new (StrideTrackpoint, n_points);
  for (guint i = 0; i < n_points; i++)
    points[i] = (StrideTrackpoint) { 0, i, 52 + i * 1e-6, 4 + i * 1e-6, 10, i * 2.5, 150, 88 };

  a.duration_s = n_points;
  start = g_get_monotonic_time ();
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, points, n_points, NULL, 0, &error));
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_test_message ("%u track points written in %.3f s", n_points, seconds);
  /* Well under a second in a normal build; sanitizers are slower. */
  g_assert_cmpfloat (seconds, <, 5.0);

  g_assert_cmpint (test_count (store, "trackpoint"), ==, n_points);
  read = stride_store_list_trackpoints (store, a.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, n_points);
  g_assert_cmpfloat (g_array_index (read, StrideTrackpoint, n_points - 1).distance_m, ==,
                     (n_points - 1) * 2.5);
}

/* The importers' window: ±60 s. */
static gboolean
find_near (StrideStore *store,
           StrideSport  sport,
           gint64       start_utc,
           gint64      *id)
{
  g_autoptr(GError) error = NULL;
  gboolean found;

  found = stride_store_find_activity_near (store, sport, start_utc, 60, id, &error);
  g_assert_no_error (error);

  return found;
}

static void
test_dedup (TestDir       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_new (fixture, "journal.db");
  g_autoptr(GError) error = NULL;
  StrideActivity a = test_run (1700000000);
  StrideActivity b = test_run (1700100000);
  gint64 id = 0;

  a.source_hash = (char *) "f00d";
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  b.sport = STRIDE_SPORT_CYCLING;
  g_assert_true (stride_store_add_activity (store, &b, NULL, 0, NULL, 0, NULL, 0, &error));

  g_assert_true (stride_store_find_activity_by_hash (store, "f00d", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, a.id);
  g_assert_false (stride_store_find_activity_by_hash (store, "beef", &id, &error));
  g_assert_no_error (error);

  id = 0;
  g_assert_true (find_near (store, STRIDE_SPORT_RUN, 1700000059, &id));
  g_assert_cmpint (id, ==, a.id);
  g_assert_true (find_near (store, STRIDE_SPORT_RUN, 1699999940, &id));
  g_assert_false (find_near (store, STRIDE_SPORT_RUN, 1700000061, &id));
  g_assert_false (find_near (store, STRIDE_SPORT_RUN, 1699999939, &id));
  g_assert_false (find_near (store, STRIDE_SPORT_RUN, 1700100000, &id));
  g_assert_true (find_near (store, STRIDE_SPORT_CYCLING, 1700100030, &id));
  g_assert_cmpint (id, ==, b.id);
  g_assert_no_error (error);
}

static void
test_poll_external_change (TestDir       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_new (fixture, "journal.db");
  g_autoptr(StrideStore) other = open_new (fixture, "journal.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  StrideActivity a = test_run (1700000000);

  g_assert_false (stride_store_poll_external_change (store));

  /* Our own writes are no external change. */
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_false (stride_store_poll_external_change (store));

  g_assert_true (stride_store_set_setting (other, "units", "metric", &error));
  g_assert_true (stride_store_poll_external_change (store));
  g_assert_false (stride_store_poll_external_change (store));

  test_raw_exec (path, "INSERT INTO setting (key, value) VALUES ('theme', 'dark')");
  g_assert_true (stride_store_poll_external_change (store));
  g_assert_false (stride_store_poll_external_change (store));
  g_assert_true (stride_store_poll_external_change (other));
}

static void
test_disk_full (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_new (fixture, "journal.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  g_autofree StrideTrackpoint *points = NULL;
  const guint n_points = 50000;
  StrideActivity a = test_run (1700000000);
  StrideActivity big = test_run (1700100000);
  StrideActivity small = test_run (1700200000);
  StrideTrackpoint few[10];
  gint64 pages;

  for (guint i = 0; i < G_N_ELEMENTS (few); i++)
    few[i] = (StrideTrackpoint) { 0, i, 50, 5, 1, i, 100, 80 };
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, few, G_N_ELEMENTS (few),
                                            NULL, 0, &error));
  g_assert_no_error (error);

  pages = _stride_store_get_page_count (store);
  g_assert_cmpint (pages, >, 0);
  g_assert_true (_stride_store_set_max_page_count (store, pages + 4, &error));
  g_assert_no_error (error);

  points = g_new (StrideTrackpoint, n_points);
  for (guint i = 0; i < n_points; i++)
    points[i] = (StrideTrackpoint) { 0, i, 51, 6, 2, i, 120, 90 };

  g_assert_false (stride_store_add_activity (store, &big, NULL, 0, points, n_points, NULL, 0, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (big.id, ==, 0);

  /* Nothing half-written, earlier rows intact. */
  g_assert_cmpint (test_count (store, "activity"), ==, 1);
  g_assert_cmpint (test_count (store, "trackpoint"), ==, 10);

  /* Inside an outer transaction the failure ends it. */
  g_assert_true (stride_store_begin (store, &error));
  g_assert_true (stride_store_add_activity (store, &small, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_false (stride_store_add_activity (store, &big, NULL, 0, points, n_points, NULL, 0, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_FULL);
  g_clear_error (&error);
  if (!stride_store_commit (store, &error))
    g_clear_error (&error);
  g_assert_cmpint (test_count (store, "trackpoint"), ==, 10);

  /* Small writes still fit. */
  small = test_run (1700300000);
  g_assert_true (stride_store_add_activity (store, &small, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);

  g_clear_object (&store);

  store = stride_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (test_count (store, "trackpoint"), ==, 10);
  g_assert_true (stride_store_find_activity_near (store, STRIDE_SPORT_RUN, 1700000000, 0, NULL, &error));
  g_assert_true (stride_store_find_activity_near (store, STRIDE_SPORT_RUN, 1700300000, 0, NULL, &error));
  test_assert_query (path, "PRAGMA integrity_check", "ok");

  /* The limit was for one connection only. */
  g_assert_true (stride_store_add_activity (store, &big, NULL, 0, points, n_points, NULL, 0, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/store/open/new-file-mode", test_new_file_mode);
  g_test_add_func ("/store/open/resolve-path", test_resolve_path);
  ADD ("/store/exercises/seed", test_exercise_seed);
  ADD ("/store/tables/every-table", test_every_table);
  ADD ("/store/tables/shoe-set-null", test_shoe_set_null);
  ADD ("/store/tables/every-enum-id", test_every_enum_id);
  ADD ("/store/write/validation", test_validation);
  ADD ("/store/write/transactions", test_transactions);
  ADD ("/store/write/many-trackpoints", test_many_trackpoints);
  ADD ("/store/write/disk-full", test_disk_full);
  ADD ("/store/read/dedup", test_dedup);
  ADD ("/store/read/poll-external-change", test_poll_external_change);

#undef ADD

  return g_test_run ();
}
