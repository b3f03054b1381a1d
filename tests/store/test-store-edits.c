/* test-store-edits.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-edits"

#include "config.h"

#include "store-test-util.h"
#include "stride-metrics.h"

static void
expect_error (gboolean  ok,
              GError  **error,
              gint      code,
              int       line)
{
  g_test_message ("line %d: %s", line, *error != NULL ? (*error)->message : "no error");
  g_assert_false (ok);
  g_assert_error (*error, STRIDE_STORE_ERROR, code);
  g_clear_error (error);
}

#define EXPECT_ERROR(call, code) \
  G_STMT_START { gboolean ok_ = (call); expect_error (ok_, &error, (code), __LINE__); } G_STMT_END

/* One line per set, to compare a session with what was written. */
static char *
sets_to_string (StrideStore *store,
                gint64       activity_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sets = stride_store_list_strength_sets (store, activity_id, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < sets->len; i++)
    {
      StrideStrengthSet *set = &g_array_index (sets, StrideStrengthSet, i);

      g_string_append_printf (s, "%" G_GINT64_FORMAT ":%s:%d:%g:%d:%d;", set->exercise_id,
                              stride_side_to_id (set->side), set->reps, set->load_kg, set->rpe,
                              set->position);
    }

  return g_string_free (s, FALSE);
}

static StrideActivity
strength_session (gint64 start_utc)
{
  StrideActivity a = test_run (start_utc);

  a.sport = STRIDE_SPORT_STRENGTH;
  a.run_type = STRIDE_RUN_TYPE_NONE;
  a.distance_m = 0;
  a.elevation_gain_m = 0;

  return a;
}

static void
test_update_activity (TestDir       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  gint64 squat = test_exercise_id (store, "back-squat");
  gint64 nordic = test_exercise_id (store, "nordic-curl");
  gint64 plank = test_exercise_id (store, "plank");
  StrideActivity a = strength_session (1767261600);
  StrideActivity edit;
  StrideActivity read = { 0 };
  StrideStrengthSet sets[2] = {
    { 0, 0, squat, STRIDE_SIDE_BOTH, 5, 80, 7, 0 },
    { 0, 0, nordic, STRIDE_SIDE_BOTH, 6, 0, 8, 1 },
  };
  StrideStrengthSet new_sets[3] = {
    { 0, 0, plank, STRIDE_SIDE_BOTH, 1, 0, 4, 2 },
    { 0, 0, nordic, STRIDE_SIDE_LEFT, 4, 5, 9, 0 },
    { 0, 0, squat, STRIDE_SIDE_BOTH, 3, 100, 9, 1 },
  };
  StrideTrackpoint points[2] = {
    { 0, 0, 52, 4, 10, 0, 120, 0 },
    { 0, 10, 52.001, 4, 11, 20, 125, 0 },
  };
  StrideLap lap = { 0, 0, 0, 600, 0, 0 };
  StrideShoe shoe = { 0, (char *) "Road", 0, 0, 0, 0 };

  a.title = (char *) "Strength A";
  g_assert_true (stride_store_add_activity (store, &a, sets, G_N_ELEMENTS (sets),
                                            points, G_N_ELEMENTS (points), &lap, 1, &error));
  g_assert_true (stride_store_add_shoe (store, &shoe, &error));
  g_assert_no_error (error);

  /* Happy path: the row and the sets change, track and laps stay. */
  edit = a;
  edit.title = (char *) "Strength A (heavy)";
  edit.notes = (char *) "Felt strong";
  edit.rpe = 8;
  edit.duration_s = 2400;
  edit.tz_offset_s = -7200;
  edit.start_utc = 1767265200;
  edit.shoe_id = shoe.id;
  g_assert_true (stride_store_update_activity (store, &edit, new_sets, G_N_ELEMENTS (new_sets),
                                               &error));
  g_assert_no_error (error);

  g_assert_true (stride_store_get_activity (store, a.id, &read, &error));
  g_assert_cmpstr (read.title, ==, "Strength A (heavy)");
  g_assert_cmpstr (read.notes, ==, "Felt strong");
  g_assert_cmpint (read.rpe, ==, 8);
  g_assert_cmpfloat (read.duration_s, ==, 2400);
  g_assert_cmpint (read.tz_offset_s, ==, -7200);
  g_assert_cmpint (read.start_utc, ==, 1767265200);
  g_assert_cmpint (read.shoe_id, ==, shoe.id);
  g_assert_cmpint (read.sport, ==, STRIDE_SPORT_STRENGTH);
  stride_activity_clear (&read);

  after = sets_to_string (store, a.id);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ":left:4:5:9:0;"
                              "%" G_GINT64_FORMAT ":both:3:100:9:1;"
                              "%" G_GINT64_FORMAT ":both:1:0:4:2;",
                              nordic, squat, plank);
  g_assert_cmpstr (after, ==, expected);
  g_assert_cmpint (test_count (store, "strength_set"), ==, 3);
  g_assert_cmpint (test_count (store, "trackpoint"), ==, 2);
  g_assert_cmpint (test_count (store, "lap"), ==, 1);
  g_assert_cmpint (test_count (store, "activity"), ==, 1);

  /* No sets at all is an edit too. */
  edit.shoe_id = 0;
  g_assert_true (stride_store_update_activity (store, &edit, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "strength_set"), ==, 0);
  g_assert_true (stride_store_update_activity (store, &edit, new_sets, G_N_ELEMENTS (new_sets),
                                               &error));
  g_assert_no_error (error);

  before = sets_to_string (store, a.id);

  /* Unknown id: NOT_FOUND and nothing written. */
  edit.id = a.id + 100;
  EXPECT_ERROR (stride_store_update_activity (store, &edit, sets, 1, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);
  edit.id = 0;
  EXPECT_ERROR (stride_store_update_activity (store, &edit, sets, 1, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);
  edit.id = a.id;

  /* Invalid records: nothing written. */
  edit.distance_m = -1;
  EXPECT_ERROR (stride_store_update_activity (store, &edit, NULL, 0, &error),
                STRIDE_STORE_ERROR_INVALID);
  edit.distance_m = 0;
  edit.rpe = 11;
  EXPECT_ERROR (stride_store_update_activity (store, &edit, NULL, 0, &error),
                STRIDE_STORE_ERROR_INVALID);
  edit.rpe = 8;
  edit.title = (char *) "bad \xff";
  EXPECT_ERROR (stride_store_update_activity (store, &edit, NULL, 0, &error),
                STRIDE_STORE_ERROR_INVALID);
  edit.title = (char *) "Never saved";
  sets[1].load_kg = -5;
  EXPECT_ERROR (stride_store_update_activity (store, &edit, sets, 2, &error),
                STRIDE_STORE_ERROR_INVALID);
  sets[1].load_kg = 0;

  /* Rules only the database knows (an unknown shoe, an exercise not in
   * the library as the second set) fail after the row was rewritten and
   * the old sets deleted: the whole edit is rolled back. */
  edit.shoe_id = 4242;
  EXPECT_ERROR (stride_store_update_activity (store, &edit, sets, 2, &error),
                STRIDE_STORE_ERROR_INVALID);
  edit.shoe_id = 0;
  sets[1].exercise_id = 99999;
  EXPECT_ERROR (stride_store_update_activity (store, &edit, sets, 2, &error),
                STRIDE_STORE_ERROR_INVALID);
  sets[1].exercise_id = nordic;

  g_assert_true (stride_store_get_activity (store, a.id, &read, &error));
  g_assert_cmpstr (read.title, ==, "Strength A (heavy)");
  g_assert_cmpfloat (read.distance_m, ==, 0);
  stride_activity_clear (&read);
  g_clear_pointer (&after, g_free);
  after = sets_to_string (store, a.id);
  g_assert_cmpstr (after, ==, before);
  test_assert_query (path, "SELECT COUNT(*) FROM strength_set", "3");

  /* Inside an outer transaction that is rolled back. */
  g_assert_true (stride_store_begin (store, &error));
  g_assert_true (stride_store_update_activity (store, &edit, NULL, 0, &error));
  g_assert_cmpint (test_count (store, "strength_set"), ==, 0);
  stride_store_rollback (store);
  g_assert_cmpint (test_count (store, "strength_set"), ==, 3);
  g_assert_true (stride_store_get_activity (store, a.id, &read, &error));
  g_assert_cmpstr (read.title, ==, "Strength A (heavy)");
  stride_activity_clear (&read);
  g_assert_no_error (error);
}

static void
add_measurement (StrideStore *store,
                 guint32      date,
                 const char  *test,
                 StrideSide   side,
                 double       value,
                 const char  *notes)
{
  g_autoptr(GError) error = NULL;
  StrideMeasurement m = { 0 };

  m.date = date;
  m.test = (char *) test;
  m.method = (char *) STRIDE_METHOD_ISOKINETIC_60;
  m.side = side;
  m.value = value;
  m.unit = (char *) "N·m";
  m.notes = (char *) notes;
  g_assert_true (stride_store_add_measurement (store, &m, &error));
  g_assert_no_error (error);
}

/* "test:side:value" per measurement of the day. */
static char *
day_to_string (StrideStore *store,
               guint32      date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) day = stride_store_list_measurements_on (store, date, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (day);
  for (guint i = 0; i < day->len; i++)
    {
      StrideMeasurement *m = &g_array_index (day, StrideMeasurement, i);

      g_assert_cmpuint (m->date, ==, date);
      g_string_append_printf (s, "%s:%s:%g;", m->test, stride_side_to_id (m->side), m->value);
    }

  return g_string_free (s, FALSE);
}

static void
test_measurements_on (TestDir       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) day = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  g_autofree char *s = NULL;
  guint32 monday = test_julian (2026, 3, 2);
  guint32 tuesday = test_julian (2026, 3, 3);
  guint32 friday = test_julian (2026, 3, 6);
  StrideMeasurement edit[2];
  StrideMeasurement bad;
  StrideMeasurement *m;

  add_measurement (store, monday, STRIDE_TEST_KNEE_FLEXION, STRIDE_SIDE_LEFT, 100, "Clinic");
  add_measurement (store, monday, STRIDE_TEST_KNEE_FLEXION, STRIDE_SIDE_RIGHT, 110, NULL);
  add_measurement (store, tuesday, STRIDE_TEST_HOP, STRIDE_SIDE_LEFT, 150, NULL);
  add_measurement (store, monday, STRIDE_TEST_KNEE_EXTENSION, STRIDE_SIDE_LEFT, 180, NULL);

  /* Listing: the day's rows in id order, every field back. */
  day = stride_store_list_measurements_on (store, monday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 3);
  m = &g_array_index (day, StrideMeasurement, 0);
  g_assert_cmpint (m->id, >, 0);
  g_assert_cmpuint (m->date, ==, monday);
  g_assert_cmpstr (m->test, ==, STRIDE_TEST_KNEE_FLEXION);
  g_assert_cmpstr (m->method, ==, STRIDE_METHOD_ISOKINETIC_60);
  g_assert_cmpint (m->side, ==, STRIDE_SIDE_LEFT);
  g_assert_cmpfloat (m->value, ==, 100);
  g_assert_cmpstr (m->unit, ==, "N·m");
  g_assert_cmpstr (m->notes, ==, "Clinic");
  g_assert_cmpint (g_array_index (day, StrideMeasurement, 1).id, <,
                   g_array_index (day, StrideMeasurement, 2).id);
  g_assert_cmpstr (g_array_index (day, StrideMeasurement, 2).test, ==,
                   STRIDE_TEST_KNEE_EXTENSION);
  g_clear_pointer (&day, g_array_unref);

  day = stride_store_list_measurements_on (store, friday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 0);
  g_clear_pointer (&day, g_array_unref);
  g_assert_null (stride_store_list_measurements_on (store, 0, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Replace Monday by two rows, one of them moved to Friday. */
  edit[0] = (StrideMeasurement) { 0, monday, (char *) STRIDE_TEST_KNEE_FLEXION,
                                  (char *) STRIDE_METHOD_ISOKINETIC_60, STRIDE_SIDE_LEFT, 105,
                                  (char *) "N·m", NULL };
  edit[1] = (StrideMeasurement) { 0, friday, (char *) STRIDE_TEST_HIP_ABDUCTION,
                                  (char *) STRIDE_METHOD_DYNAMOMETER, STRIDE_SIDE_RIGHT, 200,
                                  (char *) "N", (char *) "re-test" };
  g_assert_true (stride_store_replace_measurements_on (store, monday, edit, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (edit[0].id, >, 0);
  g_assert_cmpint (edit[1].id, >, edit[0].id);
  s = day_to_string (store, monday);
  g_assert_cmpstr (s, ==, "knee-flexion:left:105;");
  g_clear_pointer (&s, g_free);
  s = day_to_string (store, friday);
  g_assert_cmpstr (s, ==, "hip-abduction:right:200;");
  g_clear_pointer (&s, g_free);
  s = day_to_string (store, tuesday);
  g_assert_cmpstr (s, ==, "single-leg-hop:left:150;");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (test_count (store, "measurement"), ==, 3);

  /* A day without measurements just gets them (undo of a delete). */
  edit[0].id = 0;
  edit[0].date = test_julian (2026, 3, 10);
  g_assert_true (stride_store_replace_measurements_on (store, edit[0].date, edit, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "measurement"), ==, 4);

  /* No entries deletes the day. */
  g_assert_true (stride_store_replace_measurements_on (store, edit[0].date, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "measurement"), ==, 3);

  /* Invalid: nothing written, ids left alone. */
  edit[0] = (StrideMeasurement) { 0, tuesday, (char *) STRIDE_TEST_HOP,
                                  (char *) STRIDE_METHOD_FIELD, STRIDE_SIDE_LEFT, 160,
                                  (char *) "cm", NULL };
  {
    const double bad_values[] = { 0, -3, NAN, INFINITY, -INFINITY };

    for (guint i = 0; i < G_N_ELEMENTS (bad_values); i++)
      {
        bad = edit[0];
        bad.value = bad_values[i];
        EXPECT_ERROR (stride_store_replace_measurements_on (store, tuesday, &bad, 1, &error),
                      STRIDE_STORE_ERROR_INVALID);
        g_assert_cmpint (bad.id, ==, 0);
      }
  }
  bad = edit[0];
  bad.side = STRIDE_N_SIDES;
  EXPECT_ERROR (stride_store_replace_measurements_on (store, tuesday, &bad, 1, &error),
                STRIDE_STORE_ERROR_INVALID);
  bad = edit[0];
  bad.test = (char *) "";
  EXPECT_ERROR (stride_store_replace_measurements_on (store, tuesday, &bad, 1, &error),
                STRIDE_STORE_ERROR_INVALID);
  bad = edit[0];
  bad.method = NULL;
  EXPECT_ERROR (stride_store_replace_measurements_on (store, tuesday, &bad, 1, &error),
                STRIDE_STORE_ERROR_INVALID);
  bad = edit[0];
  bad.unit = (char *) "";
  EXPECT_ERROR (stride_store_replace_measurements_on (store, tuesday, &bad, 1, &error),
                STRIDE_STORE_ERROR_INVALID);
  bad = edit[0];
  bad.date = 0;
  EXPECT_ERROR (stride_store_replace_measurements_on (store, tuesday, &bad, 1, &error),
                STRIDE_STORE_ERROR_INVALID);
  EXPECT_ERROR (stride_store_replace_measurements_on (store, 0, edit, 1, &error),
                STRIDE_STORE_ERROR_INVALID);
  /* The second of two is wrong: the first is not written either. */
  edit[1] = edit[0];
  edit[1].unit = NULL;
  EXPECT_ERROR (stride_store_replace_measurements_on (store, tuesday, edit, 2, &error),
                STRIDE_STORE_ERROR_INVALID);
  g_assert_cmpint (edit[0].id, ==, 0);
  s = day_to_string (store, tuesday);
  g_assert_cmpstr (s, ==, "single-leg-hop:left:150;");
  g_clear_pointer (&s, g_free);

  /* A failure inside the write (here a trigger) rolls back the delete
   * of the old day and the rows already inserted. */
  test_raw_exec (path,
                 "CREATE TRIGGER refuse_big BEFORE INSERT ON measurement"
                 " WHEN NEW.value > 1000 BEGIN SELECT RAISE (ABORT, 'too big'); END");
  edit[1] = edit[0];
  edit[1].value = 5000;
  g_assert_false (stride_store_replace_measurements_on (store, tuesday, edit, 2, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (edit[0].id, ==, 0);
  s = day_to_string (store, tuesday);
  g_assert_cmpstr (s, ==, "single-leg-hop:left:150;");
  g_clear_pointer (&s, g_free);
  g_assert_cmpint (test_count (store, "measurement"), ==, 3);
}

static void
test_pain_entry (TestDir       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  StridePainEntry pain = { 0, test_julian (2026, 2, 1), (char *) "knee", STRIDE_SIDE_LEFT, 3,
                           (char *) "after hills" };
  StridePainEntry other = { 0, test_julian (2026, 2, 2), (char *) "hip", STRIDE_SIDE_BOTH, 1,
                            NULL };
  StridePainEntry read = { 0 };
  StridePainEntry edit;

  g_assert_true (stride_store_add_pain_entry (store, &pain, &error));
  g_assert_true (stride_store_add_pain_entry (store, &other, &error));
  g_assert_no_error (error);

  g_assert_true (stride_store_get_pain_entry (store, pain.id, &read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read.id, ==, pain.id);
  g_assert_cmpuint (read.date, ==, pain.date);
  g_assert_cmpstr (read.location, ==, "knee");
  g_assert_cmpint (read.side, ==, STRIDE_SIDE_LEFT);
  g_assert_cmpint (read.severity, ==, 3);
  g_assert_cmpstr (read.notes, ==, "after hills");
  stride_pain_entry_clear (&read);

  EXPECT_ERROR (stride_store_get_pain_entry (store, 9999, &read, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);

  edit = (StridePainEntry) { pain.id, test_julian (2026, 2, 3), (char *) "achilles",
                             STRIDE_SIDE_RIGHT, 5, NULL };
  g_assert_true (stride_store_update_pain_entry (store, &edit, &error));
  g_assert_no_error (error);
  g_assert_true (stride_store_get_pain_entry (store, pain.id, &read, &error));
  g_assert_cmpuint (read.date, ==, test_julian (2026, 2, 3));
  g_assert_cmpstr (read.location, ==, "achilles");
  g_assert_cmpint (read.side, ==, STRIDE_SIDE_RIGHT);
  g_assert_cmpint (read.severity, ==, 5);
  g_assert_null (read.notes);
  stride_pain_entry_clear (&read);

  edit.id = 9999;
  EXPECT_ERROR (stride_store_update_pain_entry (store, &edit, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);

  edit.id = pain.id;
  edit.severity = 11;
  EXPECT_ERROR (stride_store_update_pain_entry (store, &edit, &error), STRIDE_STORE_ERROR_INVALID);
  edit.severity = 5;
  edit.location = (char *) "";
  EXPECT_ERROR (stride_store_update_pain_entry (store, &edit, &error), STRIDE_STORE_ERROR_INVALID);
  edit.location = (char *) "knee";
  edit.date = 0;
  EXPECT_ERROR (stride_store_update_pain_entry (store, &edit, &error), STRIDE_STORE_ERROR_INVALID);
  edit.date = pain.date;
  edit.side = STRIDE_N_SIDES;
  EXPECT_ERROR (stride_store_update_pain_entry (store, &edit, &error), STRIDE_STORE_ERROR_INVALID);
  g_assert_true (stride_store_get_pain_entry (store, pain.id, &read, &error));
  g_assert_cmpstr (read.location, ==, "achilles");
  g_assert_cmpint (read.severity, ==, 5);
  stride_pain_entry_clear (&read);

  g_assert_true (stride_store_delete_pain_entry (store, pain.id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "pain_entry"), ==, 1);
  EXPECT_ERROR (stride_store_delete_pain_entry (store, pain.id, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);
  EXPECT_ERROR (stride_store_get_pain_entry (store, pain.id, &read, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);
  g_assert_true (stride_store_get_pain_entry (store, other.id, &read, &error));
  g_assert_cmpstr (read.location, ==, "hip");
  stride_pain_entry_clear (&read);
}

static void
test_shoes (TestDir       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) shoes = NULL;
  StrideShoe old = { 0, (char *) "Old trainer", test_julian (2024, 1, 10), 0, 600, 0 };
  StrideShoe racer = { 0, (char *) "Carbon racer", test_julian (2025, 6, 1), 0, 300, 0 };
  StrideShoe unknown = { 0, (char *) "Gift", 0, 0, 0, 0 };
  StrideShoe edit;
  StrideActivity runs[4];
  StrideActivity read = { 0 };
  StrideShoe *s;

  g_assert_true (stride_store_add_shoe (store, &old, &error));
  g_assert_true (stride_store_add_shoe (store, &racer, &error));
  g_assert_true (stride_store_add_shoe (store, &unknown, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    runs[i] = test_run (1750000000 + i * 86400);
  runs[0].shoe_id = old.id;
  runs[0].distance_m = 5000;
  runs[1].shoe_id = old.id;
  runs[1].distance_m = 7250.5;
  runs[2].shoe_id = racer.id;
  runs[2].distance_m = 10000;
  runs[3].distance_m = 42195;   /* no shoe */
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    g_assert_true (stride_store_add_activity (store, &runs[i], NULL, 0, NULL, 0, NULL, 0,
                                              &error));
  g_assert_no_error (error);

  /* Newest start first, unknown start last; mileage from the runs. */
  shoes = stride_store_list_shoes (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 3);
  s = &g_array_index (shoes, StrideShoe, 0);
  g_assert_cmpint (s->id, ==, racer.id);
  g_assert_cmpstr (s->name, ==, "Carbon racer");
  g_assert_cmpuint (s->start_date, ==, test_julian (2025, 6, 1));
  g_assert_cmpuint (s->retired_date, ==, 0);
  g_assert_cmpfloat (s->limit_km, ==, 300);
  g_assert_cmpfloat (s->distance_m, ==, 10000);
  s = &g_array_index (shoes, StrideShoe, 1);
  g_assert_cmpint (s->id, ==, old.id);
  g_assert_cmpfloat (s->distance_m, ==, 12250.5);
  s = &g_array_index (shoes, StrideShoe, 2);
  g_assert_cmpint (s->id, ==, unknown.id);
  g_assert_cmpuint (s->start_date, ==, 0);
  g_assert_cmpfloat (s->distance_m, ==, 0);
  g_clear_pointer (&shoes, g_array_unref);

  /* Update: retire the old pair; distance_m is not written. */
  edit = old;
  edit.name = (char *) "Old trainer (retired)";
  edit.retired_date = test_julian (2025, 7, 1);
  edit.limit_km = 700;
  edit.distance_m = 1;
  g_assert_true (stride_store_update_shoe (store, &edit, &error));
  g_assert_no_error (error);
  shoes = stride_store_list_shoes (store, &error);
  s = &g_array_index (shoes, StrideShoe, 1);
  g_assert_cmpstr (s->name, ==, "Old trainer (retired)");
  g_assert_cmpuint (s->retired_date, ==, test_julian (2025, 7, 1));
  g_assert_cmpfloat (s->limit_km, ==, 700);
  g_assert_cmpfloat (s->distance_m, ==, 12250.5);
  g_clear_pointer (&shoes, g_array_unref);

  edit.id = 9999;
  EXPECT_ERROR (stride_store_update_shoe (store, &edit, &error), STRIDE_STORE_ERROR_NOT_FOUND);
  edit.id = old.id;
  edit.retired_date = test_julian (2023, 1, 1);
  EXPECT_ERROR (stride_store_update_shoe (store, &edit, &error), STRIDE_STORE_ERROR_INVALID);
  edit.retired_date = 0;
  edit.name = NULL;
  EXPECT_ERROR (stride_store_update_shoe (store, &edit, &error), STRIDE_STORE_ERROR_INVALID);
  edit.name = (char *) "x";
  edit.limit_km = -1;
  EXPECT_ERROR (stride_store_update_shoe (store, &edit, &error), STRIDE_STORE_ERROR_INVALID);
  shoes = stride_store_list_shoes (store, &error);
  g_assert_cmpstr (g_array_index (shoes, StrideShoe, 1).name, ==, "Old trainer (retired)");
  g_clear_pointer (&shoes, g_array_unref);

  /* Delete: the runs stay and lose the link. */
  g_assert_true (stride_store_delete_shoe (store, old.id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (store, "activity"), ==, 4);
  g_assert_true (stride_store_get_activity (store, runs[1].id, &read, &error));
  g_assert_cmpint (read.shoe_id, ==, 0);
  g_assert_cmpfloat (read.distance_m, ==, 7250.5);
  stride_activity_clear (&read);
  g_assert_true (stride_store_get_activity (store, runs[2].id, &read, &error));
  g_assert_cmpint (read.shoe_id, ==, racer.id);
  stride_activity_clear (&read);
  EXPECT_ERROR (stride_store_delete_shoe (store, old.id, &error), STRIDE_STORE_ERROR_NOT_FOUND);

  shoes = stride_store_list_shoes (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 2);
  g_assert_cmpint (g_array_index (shoes, StrideShoe, 0).id, ==, racer.id);
  g_assert_cmpint (g_array_index (shoes, StrideShoe, 1).id, ==, unknown.id);
}

static void
test_last_sets (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) last = NULL;
  gint64 squat = test_exercise_id (store, "back-squat");
  gint64 nordic = test_exercise_id (store, "nordic-curl");
  gint64 plank = test_exercise_id (store, "plank");
  const gint64 t1 = 1767261600;
  const gint64 t2 = t1 + 3 * 86400;
  const gint64 t3 = t1 + 5 * 86400;
  const gint64 t4 = t1 + 6 * 86400;
  StrideActivity s1 = strength_session (t1);
  StrideActivity s2 = strength_session (t2);
  StrideActivity s3 = strength_session (t3);
  StrideActivity run = test_run (t4);
  StrideStrengthSet sets1[2] = {
    { 0, 0, squat, STRIDE_SIDE_BOTH, 5, 70, 7, 0 },
    { 0, 0, squat, STRIDE_SIDE_BOTH, 5, 75, 8, 1 },
  };
  /* Written out of order, with another exercise between. */
  StrideStrengthSet sets2[4] = {
    { 0, 0, squat, STRIDE_SIDE_BOTH, 3, 90, 9, 3 },
    { 0, 0, nordic, STRIDE_SIDE_BOTH, 6, 0, 8, 1 },
    { 0, 0, squat, STRIDE_SIDE_BOTH, 5, 80, 7, 0 },
    { 0, 0, squat, STRIDE_SIDE_LEFT, 4, 85, 8, 2 },
  };
  StrideStrengthSet sets3[1] = { { 0, 0, plank, STRIDE_SIDE_BOTH, 1, 0, 5, 0 } };
  /* Sets on a run are no strength session. */
  StrideStrengthSet run_sets[1] = { { 0, 0, squat, STRIDE_SIDE_BOTH, 1, 200, 10, 0 } };

  g_assert_true (stride_store_add_activity (store, &s1, sets1, 2, NULL, 0, NULL, 0, &error));
  g_assert_true (stride_store_add_activity (store, &s2, sets2, 4, NULL, 0, NULL, 0, &error));
  g_assert_true (stride_store_add_activity (store, &s3, sets3, 1, NULL, 0, NULL, 0, &error));
  g_assert_true (stride_store_add_activity (store, &run, run_sets, 1, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);

  /* After everything: session 2's squat sets, by position. */
  last = stride_store_list_last_sets (store, squat, t4 + 3600, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 3);
  for (guint i = 0; i < last->len; i++)
    {
      StrideStrengthSet *set = &g_array_index (last, StrideStrengthSet, i);

      g_assert_cmpint (set->activity_id, ==, s2.id);
      g_assert_cmpint (set->exercise_id, ==, squat);
      g_assert_cmpint (set->position, ==, (gint) (i == 0 ? 0 : i + 1));
      g_assert_cmpint (set->id, >, 0);
    }
  g_assert_cmpfloat (g_array_index (last, StrideStrengthSet, 0).load_kg, ==, 80);
  g_assert_cmpint (g_array_index (last, StrideStrengthSet, 1).side, ==, STRIDE_SIDE_LEFT);
  g_assert_cmpint (g_array_index (last, StrideStrengthSet, 2).reps, ==, 3);
  g_clear_pointer (&last, g_array_unref);

  /* The bound is strict: a session starting at before_utc is not "last". */
  last = stride_store_list_last_sets (store, squat, t2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 2);
  g_assert_cmpint (g_array_index (last, StrideStrengthSet, 0).activity_id, ==, s1.id);
  g_assert_cmpfloat (g_array_index (last, StrideStrengthSet, 1).load_kg, ==, 75);
  g_clear_pointer (&last, g_array_unref);

  last = stride_store_list_last_sets (store, squat, t1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 0);
  g_clear_pointer (&last, g_array_unref);

  last = stride_store_list_last_sets (store, plank, t4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 1);
  g_assert_cmpint (g_array_index (last, StrideStrengthSet, 0).activity_id, ==, s3.id);
  g_clear_pointer (&last, g_array_unref);

  last = stride_store_list_last_sets (store, 99999, t4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 0);
}

/* A journal from a newer version: every edit is refused, and reads work
 * (with the SQL functions of the journal model registered). */
static void
test_read_only (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) shoes = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  g_autofree char *load = NULL;
  StridePainEntry pain = { 0, test_julian (2026, 2, 1), (char *) "knee", STRIDE_SIDE_LEFT, 3,
                           NULL };
  StrideShoe shoe = { 0, (char *) "Road", 0, 0, 0, 0 };
  StrideActivity a = test_run (1767261600);
  StrideMeasurement m = { 0, test_julian (2026, 2, 1), (char *) "hop", (char *) "field",
                          STRIDE_SIDE_LEFT, 100, (char *) "cm", NULL };

  g_assert_true (stride_store_add_pain_entry (store, &pain, &error));
  g_assert_true (stride_store_add_shoe (store, &shoe, &error));
  a.shoe_id = shoe.id;
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  test_raw_exec (path, "PRAGMA user_version = 99");
  store = test_open_store (fixture);
  g_assert_true (stride_store_is_read_only (store));

  EXPECT_ERROR (stride_store_update_pain_entry (store, &pain, &error),
                STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_delete_pain_entry (store, pain.id, &error),
                STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_update_shoe (store, &shoe, &error), STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_delete_shoe (store, shoe.id, &error), STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_update_activity (store, &a, NULL, 0, &error),
                STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_replace_measurements_on (store, m.date, &m, 1, &error),
                STRIDE_STORE_ERROR_READ_ONLY);

  shoes = stride_store_list_shoes (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 1);
  g_assert_cmpfloat (g_array_index (shoes, StrideShoe, 0).distance_m, ==, 5000);
  g_assert_cmpint (test_count (store, "pain_entry"), ==, 1);
}

/* The SQL functions that stride-store.c registers on its connection. */
static void
test_session_load_function (TestDir       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  sqlite3 *db = _stride_store_get_db (store);
  static const struct
  {
    const char *sql;
    double      expected;
  } cases[] = {
    { "SELECT stride_session_load ('run', 'easy', 5, 1800)", 150 },
    { "SELECT stride_session_load_estimated ('run', 'easy', 5, 1800)", 0 },
    { "SELECT stride_session_load_estimated ('run', 'tempo', NULL, 1800)", 1 },
    { "SELECT stride_session_load_estimated ('strength', 'none', 0, 1200)", 1 },
    { "SELECT stride_session_load ('run', 'easy', 5, 0)", 0 },
    { "SELECT stride_session_load ('nonsense', NULL, 4, 600)", 40 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, cases[i].sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 0), cases[i].expected, 1e-9);
      sqlite3_finalize (stmt);
    }

  /* A run without RPE gets stride_session_load()'s default. */
  {
    gboolean estimated = FALSE;
    double expected = stride_session_load (STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_TEMPO, 0, 1800,
                                           &estimated);
    sqlite3_stmt *stmt = NULL;

    g_assert_true (estimated);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT stride_session_load ('run', 'tempo', NULL,"
                                         " 1800)", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 0), expected, 1e-9);
    g_assert_cmpfloat (expected, >, 0);
    sqlite3_finalize (stmt);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/store/edit/update-activity", test_update_activity);
  ADD ("/store/edit/measurements-on", test_measurements_on);
  ADD ("/store/edit/pain-entry", test_pain_entry);
  ADD ("/store/edit/shoes", test_shoes);
  ADD ("/store/edit/last-sets", test_last_sets);
  ADD ("/store/edit/read-only", test_read_only);
  ADD ("/store/edit/session-load-function", test_session_load_function);

#undef ADD

  return g_test_run ();
}
