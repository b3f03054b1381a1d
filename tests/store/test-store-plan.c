/* test-store-plan.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-plan"

#include "config.h"

#include "store-test-util.h"

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

/* Unix seconds of a UTC time. */
static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static StridePlanEntry
plan (guint32          date,
      StrideSlot       slot,
      StridePlanKind   kind,
      double           distance_m)
{
  StridePlanEntry e = { 0 };

  e.date = date;
  e.slot = slot;
  e.kind = kind;
  e.run_type = kind == STRIDE_PLAN_KIND_RUN ? STRIDE_RUN_TYPE_EASY : STRIDE_RUN_TYPE_NONE;
  e.target_distance_m = distance_m;
  e.status = STRIDE_PLAN_STATUS_PLANNED;

  return e;
}

static gint64
add_plan (StrideStore     *store,
          StridePlanEntry  e)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stride_store_add_plan_entry (store, &e, &error));
  g_assert_no_error (error);

  return e.id;
}

static gint64
add_activity (StrideStore *store,
              StrideSport  sport,
              gint64       start_utc,
              int          tz_offset_s,
              double       distance_m)
{
  g_autoptr(GError) error = NULL;
  StrideActivity a = test_run (start_utc);

  a.sport = sport;
  a.tz_offset_s = tz_offset_s;
  a.distance_m = distance_m;
  if (sport != STRIDE_SPORT_RUN)
    a.run_type = STRIDE_RUN_TYPE_NONE;

  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);

  return a.id;
}

static StridePlanEntry
get_plan (StrideStore *store,
          gint64       id)
{
  g_autoptr(GError) error = NULL;
  StridePlanEntry e = { 0 };

  g_assert_true (stride_store_get_plan_entry (store, id, &e, &error));
  g_assert_no_error (error);

  return e;
}

static StridePlanStatus
plan_status (StrideStore *store,
             gint64       id)
{
  StridePlanEntry e = get_plan (store, id);
  StridePlanStatus status = e.status;

  stride_plan_entry_clear (&e);

  return status;
}

static gint64
plan_activity (StrideStore *store,
               gint64       id)
{
  StridePlanEntry e = get_plan (store, id);
  gint64 activity_id = e.activity_id;

  stride_plan_entry_clear (&e);

  return activity_id;
}

/* Every column of one plan entry row, as the database holds it. */
static char *
plan_row (const char *path,
          gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT json_array (id, date, slot, kind, run_type,"
                                          " target_distance_m, target_duration_s,"
                                          " target_pace_s_per_km, description, status,"
                                          " activity_id) FROM plan_entry WHERE id = %"
                                          G_GINT64_FORMAT, id);

  return test_raw_query (path, sql);
}

static void
test_entries (TestDir       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) list = NULL;
  guint32 day = test_julian (2026, 3, 2);
  gint64 evening, morning, later, earlier, outside;
  StridePlanEntry e, read, bad;

  evening = add_plan (store, plan (day, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_STRENGTH, 0));
  morning = add_plan (store, plan (day, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 8000));
  later = add_plan (store, plan (day + 2, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_REST, 0));
  earlier = add_plan (store, plan (day - 1, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  outside = add_plan (store, plan (day + 3, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));

  /* [from, to] inclusive, by date, slot (morning first), id. */
  list = stride_store_list_plan_entries (store, day - 1, day + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (g_array_index (list, StridePlanEntry, 0).id, ==, earlier);
  g_assert_cmpint (g_array_index (list, StridePlanEntry, 1).id, ==, morning);
  g_assert_cmpint (g_array_index (list, StridePlanEntry, 2).id, ==, evening);
  g_assert_cmpint (g_array_index (list, StridePlanEntry, 3).id, ==, later);
  g_assert_cmpuint (g_array_index (list, StridePlanEntry, 1).date, ==, day);
  g_assert_cmpfloat (g_array_index (list, StridePlanEntry, 1).target_distance_m, ==, 8000);
  g_assert_cmpint (g_array_index (list, StridePlanEntry, 1).run_type, ==, STRIDE_RUN_TYPE_EASY);
  g_clear_pointer (&list, g_array_unref);

  list = stride_store_list_plan_entries (store, day + 5, day + 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_array_unref);
  g_assert_null (stride_store_list_plan_entries (store, 0, day, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Update: every field. */
  e = plan (day + 10, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_CROSS, 20000);
  e.id = morning;
  e.run_type = STRIDE_RUN_TYPE_TEMPO;
  e.target_duration_s = 3600;
  e.target_pace_s_per_km = 280.5;
  e.description = (char *) "Bike, hilly — “fun”";
  e.status = STRIDE_PLAN_STATUS_SKIPPED;
  g_assert_true (stride_store_update_plan_entry (store, &e, &error));
  g_assert_no_error (error);

  read = get_plan (store, morning);
  g_assert_cmpint (read.id, ==, morning);
  g_assert_cmpuint (read.date, ==, day + 10);
  g_assert_cmpint (read.slot, ==, STRIDE_SLOT_EVENING);
  g_assert_cmpint (read.kind, ==, STRIDE_PLAN_KIND_CROSS);
  g_assert_cmpint (read.run_type, ==, STRIDE_RUN_TYPE_TEMPO);
  g_assert_cmpfloat (read.target_distance_m, ==, 20000);
  g_assert_cmpfloat (read.target_duration_s, ==, 3600);
  g_assert_cmpfloat (read.target_pace_s_per_km, ==, 280.5);
  g_assert_cmpstr (read.description, ==, "Bike, hilly — “fun”");
  g_assert_cmpint (read.status, ==, STRIDE_PLAN_STATUS_SKIPPED);
  g_assert_cmpint (read.activity_id, ==, 0);
  stride_plan_entry_clear (&read);

  /* Validation: nothing written. */
  bad = e;
  bad.kind = STRIDE_N_PLAN_KINDS;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.slot = STRIDE_N_SLOTS;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.run_type = STRIDE_N_RUN_TYPES;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.status = STRIDE_N_PLAN_STATUSES;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.target_distance_m = -1;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.target_duration_s = NAN;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.target_pace_s_per_km = INFINITY;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.date = 0;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.date = test_julian (9999, 12, 31) + 1;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.description = (char *) "\xff\xfe";
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.activity_id = 4242;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = e;
  bad.id = 4242;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);

  read = get_plan (store, morning);
  g_assert_cmpint (read.kind, ==, STRIDE_PLAN_KIND_CROSS);
  g_assert_cmpuint (read.date, ==, day + 10);
  stride_plan_entry_clear (&read);

  /* Clearing the targets and the description. */
  e.target_distance_m = 0;
  e.target_duration_s = 0;
  e.target_pace_s_per_km = 0;
  e.description = NULL;
  g_assert_true (stride_store_update_plan_entry (store, &e, &error));
  g_assert_no_error (error);
  read = get_plan (store, morning);
  g_assert_cmpfloat (read.target_distance_m, ==, 0);
  g_assert_cmpfloat (read.target_pace_s_per_km, ==, 0);
  g_assert_null (read.description);
  stride_plan_entry_clear (&read);

  /* Get and delete. */
  read = (StridePlanEntry) { 0 };
  EXPECT_ERROR (stride_store_get_plan_entry (store, 4242, &read, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);
  g_assert_true (stride_store_delete_plan_entry (store, outside, &error));
  g_assert_no_error (error);
  EXPECT_ERROR (stride_store_delete_plan_entry (store, outside, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);
  EXPECT_ERROR (stride_store_get_plan_entry (store, outside, &read, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (test_count (store, "plan_entry"), ==, 4);
}

static void
test_move_undo (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  g_autofree char *before = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *after = NULL;
  guint32 day = test_julian (2026, 3, 3);
  StridePlanEntry e = plan (day, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_RUN, 12000);
  StridePlanEntry previous = { 0 };
  StridePlanEntry read;
  gint64 id, run;

  e.run_type = STRIDE_RUN_TYPE_INTERVALS;
  e.target_duration_s = 3000;
  e.target_pace_s_per_km = 245;
  e.description = (char *) "6 × 800 m";
  id = add_plan (store, e);
  before = plan_row (path, id);

  g_assert_true (stride_store_move_plan_entry (store, id, day + 2, &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (previous.date, ==, day);
  g_assert_cmpint (previous.status, ==, STRIDE_PLAN_STATUS_PLANNED);
  g_assert_cmpstr (previous.description, ==, "6 × 800 m");

  read = get_plan (store, id);
  g_assert_cmpuint (read.date, ==, day + 2);
  g_assert_cmpint (read.status, ==, STRIDE_PLAN_STATUS_MOVED);
  g_assert_cmpint (read.slot, ==, STRIDE_SLOT_EVENING);
  g_assert_cmpint (read.run_type, ==, STRIDE_RUN_TYPE_INTERVALS);
  g_assert_cmpfloat (read.target_distance_m, ==, 12000);
  g_assert_cmpfloat (read.target_duration_s, ==, 3000);
  g_assert_cmpfloat (read.target_pace_s_per_km, ==, 245);
  g_assert_cmpstr (read.description, ==, "6 × 800 m");
  stride_plan_entry_clear (&read);

  /* Undo: the exact row again. */
  g_assert_true (stride_store_update_plan_entry (store, &previous, &error));
  g_assert_no_error (error);
  after = plan_row (path, id);
  g_assert_cmpstr (after, ==, before);
  stride_plan_entry_clear (&previous);

  /* A done, linked entry: the undo brings back "done" and the link. */
  run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 3, 17, 0), 3600, 12000);
  g_assert_true (stride_store_link_plan_entry (store, id, run, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = plan_row (path, id);
  g_assert_true (stride_store_move_plan_entry (store, id, day - 1, &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_status (store, id), ==, STRIDE_PLAN_STATUS_MOVED);
  g_assert_cmpint (plan_activity (store, id), ==, run);
  g_assert_true (stride_store_update_plan_entry (store, &previous, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = plan_row (path, id);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (plan_status (store, id), ==, STRIDE_PLAN_STATUS_DONE);
  stride_plan_entry_clear (&previous);

  /* To the day it is on: nothing changes. */
  g_assert_true (stride_store_move_plan_entry (store, id, day, NULL, &error));
  g_assert_no_error (error);
  moved = plan_row (path, id);
  g_assert_cmpstr (moved, ==, before);

  EXPECT_ERROR (stride_store_move_plan_entry (store, 4242, day, NULL, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);
  EXPECT_ERROR (stride_store_move_plan_entry (store, id, 0, NULL, &error),
                STRIDE_STORE_ERROR_INVALID);
  EXPECT_ERROR (stride_store_move_plan_entry (store, id, test_julian (9999, 12, 31) + 1, NULL,
                                              &error),
                STRIDE_STORE_ERROR_INVALID);
  g_clear_pointer (&after, g_free);
  after = plan_row (path, id);
  g_assert_cmpstr (after, ==, before);
}

static void
test_copy_week (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) target = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  guint32 monday = test_julian (2026, 3, 2);
  guint32 last_monday = test_julian (9999, 12, 20);
  StridePlanEntry e;
  gint64 run, mon_run, occupant, skipped;
  gint64 n_entries;

  run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 2, 7, 0), 3600, 10000);

  mon_run = add_plan (store, plan (monday, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 10000));
  g_assert_true (stride_store_link_plan_entry (store, mon_run, run, &error));
  g_assert_no_error (error);
  add_plan (store, plan (monday, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_STRENGTH, 0));
  e = plan (monday + 2, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 8000);
  e.description = (char *) "Tempo";
  e.run_type = STRIDE_RUN_TYPE_TEMPO;
  e.target_pace_s_per_km = 270;
  add_plan (store, e);
  add_plan (store, plan (monday + 2, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_STRENGTH, 0));
  e = plan (monday + 6, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 20000);
  e.status = STRIDE_PLAN_STATUS_SKIPPED;
  skipped = add_plan (store, e);
  /* Outside the source week. */
  add_plan (store, plan (monday - 1, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  /* The target week's Monday evening is taken. */
  occupant = add_plan (store, plan (monday + 7, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_REST, 0));
  n_entries = test_count (store, "plan_entry");
  (void) skipped;

  ids = stride_store_copy_plan_week (store, monday, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpint (test_count (store, "plan_entry"), ==, n_entries + 4);

  target = stride_store_list_plan_entries (store, monday + 7, monday + 13, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (target->len, ==, 5);
  {
    const StridePlanEntry *t = (const StridePlanEntry *) target->data;

    /* Monday: the run copied (planned, unlinked), the evening untouched. */
    g_assert_cmpint (t[0].id, ==, g_array_index (ids, gint64, 0));
    g_assert_cmpuint (t[0].date, ==, monday + 7);
    g_assert_cmpint (t[0].kind, ==, STRIDE_PLAN_KIND_RUN);
    g_assert_cmpint (t[0].status, ==, STRIDE_PLAN_STATUS_PLANNED);
    g_assert_cmpint (t[0].activity_id, ==, 0);
    g_assert_cmpfloat (t[0].target_distance_m, ==, 10000);
    g_assert_cmpint (t[1].id, ==, occupant);
    g_assert_cmpint (t[1].kind, ==, STRIDE_PLAN_KIND_REST);
    /* Wednesday: both morning entries, every field. */
    g_assert_cmpuint (t[2].date, ==, monday + 9);
    g_assert_cmpint (t[2].run_type, ==, STRIDE_RUN_TYPE_TEMPO);
    g_assert_cmpstr (t[2].description, ==, "Tempo");
    g_assert_cmpfloat (t[2].target_pace_s_per_km, ==, 270);
    g_assert_cmpint (t[3].kind, ==, STRIDE_PLAN_KIND_STRENGTH);
    g_assert_cmpint (t[3].slot, ==, STRIDE_SLOT_MORNING);
    /* Sunday: the skipped run comes back as planned. */
    g_assert_cmpuint (t[4].date, ==, monday + 13);
    g_assert_cmpint (t[4].status, ==, STRIDE_PLAN_STATUS_PLANNED);
    g_assert_cmpfloat (t[4].target_distance_m, ==, 20000);
  }
  /* The source week is as it was. */
  g_assert_cmpint (plan_activity (store, mon_run), ==, run);
  g_assert_cmpint (plan_status (store, mon_run), ==, STRIDE_PLAN_STATUS_DONE);

  /* Again: every slot is taken now. */
  g_clear_pointer (&ids, g_array_unref);
  ids = stride_store_copy_plan_week (store, monday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpint (test_count (store, "plan_entry"), ==, n_entries + 4);

  /* An empty week, and any start day. */
  g_clear_pointer (&ids, g_array_unref);
  ids = stride_store_copy_plan_week (store, monday + 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = stride_store_copy_plan_week (store, monday + 6, &error);
  g_assert_no_error (error);
  /* Sunday's copy is there already; Monday and Wednesday are new. */
  g_assert_cmpuint (ids->len, ==, 4);
  n_entries = test_count (store, "plan_entry");

  /* All or nothing: the second entry would land after 9999-12-31, once
   * the first one is written. */
  add_plan (store, plan (last_monday, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  add_plan (store, plan (last_monday + 6, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  n_entries += 2;
  g_clear_pointer (&ids, g_array_unref);
  ids = stride_store_copy_plan_week (store, last_monday, &error);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The date is not valid.");
  g_assert_null (ids);
  g_clear_error (&error);
  g_assert_cmpint (test_count (store, "plan_entry"), ==, n_entries);

  /* The same with a row the store would refuse (text that is not UTF-8,
   * written behind its back) in the middle of the week. */
  add_plan (store, plan (monday + 21, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  test_raw_exec (path, "INSERT INTO plan_entry (date, kind, description)"
                       " VALUES ('2026-03-25', 'run', CAST (x'ff41' AS TEXT))");
  add_plan (store, plan (monday + 26, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  n_entries += 3;
  ids = stride_store_copy_plan_week (store, monday + 21, &error);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A text holds invalid characters (it is not UTF-8).");
  g_assert_null (ids);
  g_clear_error (&error);
  g_assert_cmpint (test_count (store, "plan_entry"), ==, n_entries);

  ids = stride_store_copy_plan_week (store, 0, &error);
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_assert_null (ids);
  g_clear_error (&error);
}

static void
test_auto_link (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  guint32 tue = test_julian (2026, 3, 10);
  gint64 late_run, early_run, strength, lone_strength, fri_run, cycling, sat_run, sat_run2;
  gint64 run_tue, run_wed, str_tue, run_thu, fri_morning, fri_evening, rest, race, cross;
  gint64 moved, skipped, sat_taken, sat_free, outside;
  StridePlanEntry e;
  guint n = 99;

  /* 23:30 UTC on Tuesday: Tuesday 22:30 at −1 h, Wednesday 00:30 at +1 h. */
  late_run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 10, 23, 30), -3600, 8000);
  early_run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 10, 23, 30), 3600, 6000);
  strength = add_activity (store, STRIDE_SPORT_STRENGTH, utc (2026, 3, 10, 12, 0), 3600, 0);
  /* Thursday: only a strength session, no run. */
  lone_strength = add_activity (store, STRIDE_SPORT_STRENGTH, utc (2026, 3, 12, 12, 0), 3600, 0);
  fri_run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 13, 6, 0), 3600, 10000);
  cycling = add_activity (store, STRIDE_SPORT_CYCLING, utc (2026, 3, 10, 9, 0), 3600, 30000);
  sat_run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 14, 8, 0), 3600, 5000);
  sat_run2 = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 14, 17, 0), 3600, 5000);

  run_tue = add_plan (store, plan (tue, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 8000));
  run_wed = add_plan (store, plan (tue + 1, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 6000));
  str_tue = add_plan (store, plan (tue, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_STRENGTH, 0));
  run_thu = add_plan (store, plan (tue + 2, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 8000));
  fri_evening = add_plan (store, plan (tue + 3, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_RUN, 5000));
  fri_morning = add_plan (store, plan (tue + 3, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  rest = add_plan (store, plan (tue, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_REST, 0));
  race = add_plan (store, plan (tue, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RACE, 5000));
  cross = add_plan (store, plan (tue, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_CROSS, 0));
  /* Saturday: one run already linked by hand to the evening entry. */
  sat_taken = add_plan (store, plan (tue + 4, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_RUN, 5000));
  g_assert_true (stride_store_link_plan_entry (store, sat_taken, sat_run, &error));
  g_assert_no_error (error);
  sat_free = add_plan (store, plan (tue + 4, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  e = plan (tue + 4, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000);
  e.status = STRIDE_PLAN_STATUS_MOVED;
  moved = add_plan (store, e);
  /* Sunday: nothing ran. A skipped entry of Saturday … */
  e = plan (tue + 4, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_RUN, 5000);
  e.status = STRIDE_PLAN_STATUS_SKIPPED;
  skipped = add_plan (store, e);
  /* Outside the range. */
  outside = add_plan (store, plan (tue + 7, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 17, 8, 0), 3600, 5000);

  g_assert_true (stride_store_link_plan_entries (store, tue, tue + 5, &n, &error));
  g_assert_no_error (error);

  /* Same local day, whatever the UTC date. */
  g_assert_cmpint (plan_activity (store, run_tue), ==, late_run);
  g_assert_cmpint (plan_status (store, run_tue), ==, STRIDE_PLAN_STATUS_DONE);
  g_assert_cmpint (plan_activity (store, run_wed), ==, early_run);
  g_assert_cmpint (plan_status (store, run_wed), ==, STRIDE_PLAN_STATUS_DONE);
  g_assert_cmpint (plan_activity (store, str_tue), ==, strength);
  /* Same kind only. */
  g_assert_cmpint (plan_activity (store, run_thu), ==, 0);
  g_assert_cmpint (plan_status (store, run_thu), ==, STRIDE_PLAN_STATUS_PLANNED);
  /* One run, two entries: the morning one gets it. */
  g_assert_cmpint (plan_activity (store, fri_morning), ==, fri_run);
  g_assert_cmpint (plan_activity (store, fri_evening), ==, 0);
  g_assert_cmpint (plan_status (store, fri_evening), ==, STRIDE_PLAN_STATUS_PLANNED);
  /* Rest, race and cross entries are left alone. */
  g_assert_cmpint (plan_activity (store, rest), ==, 0);
  g_assert_cmpint (plan_activity (store, race), ==, 0);
  g_assert_cmpint (plan_activity (store, cross), ==, 0);
  g_assert_cmpint (plan_status (store, race), ==, STRIDE_PLAN_STATUS_PLANNED);
  /* Saturday: the linked run stays with its entry, the free one goes to
   * the first free entry in slot order; the others get nothing. */
  g_assert_cmpint (plan_activity (store, sat_taken), ==, sat_run);
  g_assert_cmpint (plan_activity (store, sat_free), ==, sat_run2);
  g_assert_cmpint (plan_activity (store, moved), ==, 0);
  g_assert_cmpint (plan_status (store, moved), ==, STRIDE_PLAN_STATUS_MOVED);
  g_assert_cmpint (plan_activity (store, skipped), ==, 0);
  g_assert_cmpint (plan_activity (store, outside), ==, 0);
  g_assert_cmpuint (n, ==, 5);

  /* Never one activity for two entries. */
  test_assert_query (stride_store_get_path (store),
                     "SELECT count (*) FROM (SELECT activity_id FROM plan_entry"
                     " WHERE activity_id IS NOT NULL GROUP BY activity_id"
                     " HAVING count (*) > 1)",
                     "0");

  /* Again: nothing new. */
  g_assert_true (stride_store_link_plan_entries (store, tue, tue + 5, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  /* A moved or skipped entry is linked when its day gets a run. */
  {
    gint64 sun_run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 15, 8, 0), 3600, 5000);
    gint64 sun_run2 = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 15, 9, 0), 3600, 5000);
    StridePlanEntry m = get_plan (store, moved);
    StridePlanEntry s = get_plan (store, skipped);

    m.date = tue + 5;
    s.date = tue + 5;
    g_assert_true (stride_store_update_plan_entry (store, &m, &error));
    g_assert_true (stride_store_update_plan_entry (store, &s, &error));
    g_assert_no_error (error);
    stride_plan_entry_clear (&m);
    stride_plan_entry_clear (&s);

    g_assert_true (stride_store_link_plan_entries (store, tue + 5, tue + 5, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpint (plan_activity (store, moved), ==, sun_run);
    g_assert_cmpint (plan_status (store, moved), ==, STRIDE_PLAN_STATUS_DONE);
    g_assert_cmpint (plan_activity (store, skipped), ==, sun_run2);
    g_assert_cmpint (plan_status (store, skipped), ==, STRIDE_PLAN_STATUS_DONE);
  }

  /* An empty range and bad days. */
  g_assert_true (stride_store_link_plan_entries (store, tue + 5, tue, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  EXPECT_ERROR (stride_store_link_plan_entries (store, 0, tue, NULL, &error),
                STRIDE_STORE_ERROR_INVALID);
  (void) lone_strength;
  (void) cycling;
}

static void
test_manual_link (TestDir       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  guint32 day = test_julian (2026, 4, 1);
  gint64 run1, run2, run_next_day, strength, cycling;
  gint64 entry, other, rest, race, cross, str_entry;

  run1 = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 4, 1, 6, 0), 7200, 8000);
  run2 = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 4, 1, 16, 0), 7200, 5000);
  run_next_day = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 4, 1, 22, 30), 7200, 5000);
  strength = add_activity (store, STRIDE_SPORT_STRENGTH, utc (2026, 4, 1, 12, 0), 7200, 0);
  cycling = add_activity (store, STRIDE_SPORT_CYCLING, utc (2026, 4, 1, 10, 0), 7200, 25000);

  entry = add_plan (store, plan (day, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 8000));
  other = add_plan (store, plan (day, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_RUN, 5000));
  rest = add_plan (store, plan (day, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_REST, 0));
  race = add_plan (store, plan (day, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RACE, 5000));
  cross = add_plan (store, plan (day, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_CROSS, 0));
  str_entry = add_plan (store, plan (day, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_STRENGTH, 0));

  g_assert_true (stride_store_link_plan_entry (store, entry, run1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_activity (store, entry), ==, run1);
  g_assert_cmpint (plan_status (store, entry), ==, STRIDE_PLAN_STATUS_DONE);

  /* Relink to another run of the day. */
  g_assert_true (stride_store_link_plan_entry (store, entry, run2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_activity (store, entry), ==, run2);

  /* Refused: taken, another day (local), another kind, a rest day. */
  EXPECT_ERROR (stride_store_link_plan_entry (store, other, run2, &error),
                STRIDE_STORE_ERROR_INVALID);
  EXPECT_ERROR (stride_store_link_plan_entry (store, other, run_next_day, &error),
                STRIDE_STORE_ERROR_INVALID);
  EXPECT_ERROR (stride_store_link_plan_entry (store, other, strength, &error),
                STRIDE_STORE_ERROR_INVALID);
  EXPECT_ERROR (stride_store_link_plan_entry (store, str_entry, run1, &error),
                STRIDE_STORE_ERROR_INVALID);
  EXPECT_ERROR (stride_store_link_plan_entry (store, rest, run1, &error),
                STRIDE_STORE_ERROR_INVALID);
  EXPECT_ERROR (stride_store_link_plan_entry (store, cross, run1, &error),
                STRIDE_STORE_ERROR_INVALID);
  EXPECT_ERROR (stride_store_link_plan_entry (store, other, 4242, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);
  EXPECT_ERROR (stride_store_link_plan_entry (store, 4242, run1, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (plan_activity (store, other), ==, 0);
  g_assert_cmpint (plan_status (store, other), ==, STRIDE_PLAN_STATUS_PLANNED);

  /* Kinds the automatic link leaves alone can be linked by hand. */
  g_assert_true (stride_store_link_plan_entry (store, race, run1, &error));
  g_assert_true (stride_store_link_plan_entry (store, cross, cycling, &error));
  g_assert_true (stride_store_link_plan_entry (store, str_entry, strength, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_status (store, race), ==, STRIDE_PLAN_STATUS_DONE);
  g_assert_cmpint (plan_activity (store, cross), ==, cycling);

  /* Unlink: back to planned. */
  g_assert_true (stride_store_unlink_plan_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_activity (store, entry), ==, 0);
  g_assert_cmpint (plan_status (store, entry), ==, STRIDE_PLAN_STATUS_PLANNED);
  EXPECT_ERROR (stride_store_unlink_plan_entry (store, 4242, &error),
                STRIDE_STORE_ERROR_NOT_FOUND);

  /* Now run2 is free for the other entry. */
  g_assert_true (stride_store_link_plan_entry (store, other, run2, &error));
  g_assert_no_error (error);

  /* Updating an entry onto a taken activity is refused too. */
  {
    StridePlanEntry e = get_plan (store, entry);

    e.activity_id = run2;
    EXPECT_ERROR (stride_store_update_plan_entry (store, &e, &error),
                  STRIDE_STORE_ERROR_INVALID);
    stride_plan_entry_clear (&e);
  }

  /* Deleting the activity keeps the entry, unlinked. */
  g_assert_true (stride_store_delete_activity (store, run2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_activity (store, other), ==, 0);
}

static void
test_skip_unmatched (TestDir       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  guint32 day = test_julian (2026, 5, 10);
  gint64 run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 5, 5, 8, 0), 3600, 5000);
  gint64 missed, missed_strength, done, moved, rest, linked, today, tomorrow, skipped;
  StridePlanEntry e;
  guint n = 99;

  missed = add_plan (store, plan (day - 3, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  missed_strength = add_plan (store, plan (day - 1, STRIDE_SLOT_EVENING,
                                           STRIDE_PLAN_KIND_STRENGTH, 0));
  e = plan (day - 3, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_RUN, 5000);
  e.status = STRIDE_PLAN_STATUS_DONE;
  done = add_plan (store, e);
  e.status = STRIDE_PLAN_STATUS_MOVED;
  moved = add_plan (store, e);
  e.status = STRIDE_PLAN_STATUS_SKIPPED;
  skipped = add_plan (store, e);
  rest = add_plan (store, plan (day - 2, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_REST, 0));
  /* "planned" yet linked (written so by an update). */
  e = plan (day - 5, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000);
  e.activity_id = run;
  linked = add_plan (store, e);
  today = add_plan (store, plan (day, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));
  tomorrow = add_plan (store, plan (day + 1, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 5000));

  g_assert_true (stride_store_skip_unmatched_before (store, day, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (plan_status (store, missed), ==, STRIDE_PLAN_STATUS_SKIPPED);
  g_assert_cmpint (plan_status (store, missed_strength), ==, STRIDE_PLAN_STATUS_SKIPPED);
  g_assert_cmpint (plan_status (store, done), ==, STRIDE_PLAN_STATUS_DONE);
  g_assert_cmpint (plan_status (store, moved), ==, STRIDE_PLAN_STATUS_MOVED);
  g_assert_cmpint (plan_status (store, skipped), ==, STRIDE_PLAN_STATUS_SKIPPED);
  g_assert_cmpint (plan_status (store, rest), ==, STRIDE_PLAN_STATUS_PLANNED);
  g_assert_cmpint (plan_status (store, linked), ==, STRIDE_PLAN_STATUS_PLANNED);
  g_assert_cmpint (plan_activity (store, linked), ==, run);
  g_assert_cmpint (plan_status (store, today), ==, STRIDE_PLAN_STATUS_PLANNED);
  g_assert_cmpint (plan_status (store, tomorrow), ==, STRIDE_PLAN_STATUS_PLANNED);

  /* The user confirms today too. */
  g_assert_true (stride_store_skip_unmatched_before (store, day + 1, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (plan_status (store, today), ==, STRIDE_PLAN_STATUS_SKIPPED);
  g_assert_cmpint (plan_status (store, tomorrow), ==, STRIDE_PLAN_STATUS_PLANNED);

  EXPECT_ERROR (stride_store_skip_unmatched_before (store, 0, NULL, &error),
                STRIDE_STORE_ERROR_INVALID);
}

static void
test_week_summary (TestDir       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  guint32 monday = test_julian (2026, 3, 2);
  StridePlanWeekSummary s = { 0 };
  StridePlanEntry e;
  gint64 mon_run, str1, mon_entry, str_entry;

  /* Activities: Monday's run, a Sunday run late in the local evening
   * (Monday UTC), one just past Sunday local midnight (not in the week),
   * two strength sessions, a ride. */
  mon_run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 2, 6, 0), 3600, 10200);
  add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 9, 1, 30), -7200, 7000);
  add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 8, 23, 30), 3600, 9000);
  add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 1, 22, 30), 3600, 4000);
  str1 = add_activity (store, STRIDE_SPORT_STRENGTH, utc (2026, 3, 3, 17, 0), 3600, 0);
  add_activity (store, STRIDE_SPORT_STRENGTH, utc (2026, 3, 5, 17, 0), 3600, 0);
  add_activity (store, STRIDE_SPORT_CYCLING, utc (2026, 3, 4, 17, 0), 3600, 40000);

  /* Plan: 10 km done, 8 km planned, 6 km skipped, 5 km race, two
   * strength sessions (one done), a rest day, a cross session. */
  mon_entry = add_plan (store, plan (monday, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 10000));
  add_plan (store, plan (monday + 2, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 8000));
  e = plan (monday + 3, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 6000);
  e.status = STRIDE_PLAN_STATUS_SKIPPED;
  add_plan (store, e);
  add_plan (store, plan (monday + 6, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RACE, 5000));
  str_entry = add_plan (store, plan (monday + 1, STRIDE_SLOT_EVENING,
                                     STRIDE_PLAN_KIND_STRENGTH, 0));
  add_plan (store, plan (monday + 4, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_STRENGTH, 0));
  add_plan (store, plan (monday + 5, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_REST, 0));
  add_plan (store, plan (monday + 2, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_CROSS, 20000));
  /* Outside the week. */
  add_plan (store, plan (monday - 1, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 30000));
  add_plan (store, plan (monday + 7, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_STRENGTH, 0));
  g_assert_true (stride_store_link_plan_entry (store, mon_entry, mon_run, &error));
  g_assert_true (stride_store_link_plan_entry (store, str_entry, str1, &error));
  g_assert_no_error (error);

  g_assert_true (stride_store_get_plan_week_summary (store, monday, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.first_day, ==, monday);
  g_assert_cmpfloat (s.planned_run_distance_m, ==, 10000 + 8000 + 6000 + 5000);
  g_assert_cmpfloat (s.done_run_distance_m, ==, 10200 + 7000);
  g_assert_cmpuint (s.planned_strength, ==, 2);
  g_assert_cmpuint (s.done_strength, ==, 2);
  g_assert_cmpuint (s.n_planned, ==, 7);
  g_assert_cmpuint (s.n_done, ==, 2);
  g_assert_cmpfloat_with_epsilon (s.compliance_pct, 200.0 / 7, 1e-9);

  /* Any start day: Tuesday to Monday. */
  g_assert_true (stride_store_get_plan_week_summary (store, monday + 1, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (s.planned_run_distance_m, ==, 8000 + 6000 + 5000);
  g_assert_cmpfloat (s.done_run_distance_m, ==, 7000 + 9000);
  g_assert_cmpuint (s.planned_strength, ==, 3);
  g_assert_cmpuint (s.n_planned, ==, 7);
  g_assert_cmpuint (s.n_done, ==, 1);

  /* Nothing planned: NAN. Only rest days: NAN too. */
  g_assert_true (stride_store_get_plan_week_summary (store, monday + 70, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.n_planned, ==, 0);
  g_assert_cmpfloat (s.planned_run_distance_m, ==, 0);
  g_assert_cmpfloat (s.done_run_distance_m, ==, 0);
  g_assert_true (isnan (s.compliance_pct));
  add_plan (store, plan (monday + 70, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_REST, 0));
  g_assert_true (stride_store_get_plan_week_summary (store, monday + 70, &s, &error));
  g_assert_no_error (error);
  g_assert_true (isnan (s.compliance_pct));

  EXPECT_ERROR (stride_store_get_plan_week_summary (store, 0, &s, &error),
                STRIDE_STORE_ERROR_INVALID);
}

static void
test_races (TestDir       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) upcoming = NULL;
  guint32 day = test_julian (2026, 6, 1);
  StrideRace past = { 0, day - 10, (char *) "Spring 10K", 10000, 2700, 0 };
  StrideRace today = { 0, day, (char *) "Parkrun", 5000, 0, 0 };
  StrideRace autumn = { 0, day + 120, (char *) "City Marathon", 42195, 3.5 * 3600, 0 };
  StrideRace read = { 0 };
  StrideRace edit, bad;
  gint64 run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 5, 22, 8, 0), 3600, 10000);

  g_assert_true (stride_store_add_race (store, &autumn, &error));
  g_assert_true (stride_store_add_race (store, &past, &error));
  g_assert_true (stride_store_add_race (store, &today, &error));
  g_assert_no_error (error);

  g_assert_true (stride_store_get_race (store, autumn.id, &read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (read.date, ==, day + 120);
  g_assert_cmpstr (read.name, ==, "City Marathon");
  g_assert_cmpfloat (read.distance_m, ==, 42195);
  g_assert_cmpfloat (read.goal_time_s, ==, 3.5 * 3600);
  g_assert_cmpint (read.activity_id, ==, 0);
  stride_race_clear (&read);

  upcoming = stride_store_list_upcoming_races (store, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, 2);
  g_assert_cmpint (g_array_index (upcoming, StrideRace, 0).id, ==, today.id);
  g_assert_cmpint (g_array_index (upcoming, StrideRace, 1).id, ==, autumn.id);
  g_assert_cmpstr (g_array_index (upcoming, StrideRace, 1).name, ==, "City Marathon");
  g_clear_pointer (&upcoming, g_array_unref);

  /* Update: every field, the result linked. */
  edit = past;
  edit.name = (char *) "Spring 10K (result)";
  edit.date = day - 9;
  edit.distance_m = 10010;
  edit.goal_time_s = 2650;
  edit.activity_id = run;
  g_assert_true (stride_store_update_race (store, &edit, &error));
  g_assert_no_error (error);
  g_assert_true (stride_store_get_race (store, past.id, &read, &error));
  g_assert_cmpstr (read.name, ==, "Spring 10K (result)");
  g_assert_cmpuint (read.date, ==, day - 9);
  g_assert_cmpfloat (read.distance_m, ==, 10010);
  g_assert_cmpfloat (read.goal_time_s, ==, 2650);
  g_assert_cmpint (read.activity_id, ==, run);
  stride_race_clear (&read);

  bad = edit;
  bad.name = (char *) "";
  EXPECT_ERROR (stride_store_update_race (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = edit;
  bad.name = NULL;
  EXPECT_ERROR (stride_store_update_race (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = edit;
  bad.distance_m = 0;
  EXPECT_ERROR (stride_store_update_race (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = edit;
  bad.distance_m = NAN;
  EXPECT_ERROR (stride_store_update_race (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = edit;
  bad.goal_time_s = -1;
  EXPECT_ERROR (stride_store_update_race (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = edit;
  bad.date = 0;
  EXPECT_ERROR (stride_store_update_race (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = edit;
  bad.activity_id = 4242;
  EXPECT_ERROR (stride_store_update_race (store, &bad, &error), STRIDE_STORE_ERROR_INVALID);
  bad = edit;
  bad.id = 4242;
  EXPECT_ERROR (stride_store_update_race (store, &bad, &error), STRIDE_STORE_ERROR_NOT_FOUND);
  EXPECT_ERROR (stride_store_get_race (store, 4242, &read, &error), STRIDE_STORE_ERROR_NOT_FOUND);

  /* Clearing the goal. */
  edit.goal_time_s = 0;
  g_assert_true (stride_store_update_race (store, &edit, &error));
  g_assert_true (stride_store_get_race (store, past.id, &read, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (read.goal_time_s, ==, 0);
  stride_race_clear (&read);

  g_assert_true (stride_store_delete_race (store, today.id, &error));
  g_assert_no_error (error);
  EXPECT_ERROR (stride_store_delete_race (store, today.id, &error), STRIDE_STORE_ERROR_NOT_FOUND);
  upcoming = stride_store_list_upcoming_races (store, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, 1);
  g_assert_cmpint (g_array_index (upcoming, StrideRace, 0).id, ==, autumn.id);
  g_clear_pointer (&upcoming, g_array_unref);
  g_assert_null (stride_store_list_upcoming_races (store, 0, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count (store, "race"), ==, 2);
}

/* A journal from a newer version: every plan write is refused (before
 * validation), reads work. */
static void
test_read_only (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) list = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint32 day = test_julian (2026, 3, 2);
  StrideRace race = { 0, day + 30, (char *) "Half", 21097.5, 5400, 0 };
  StridePlanEntry e, bad;
  StridePlanWeekSummary s;
  gint64 run, entry, linked;

  run = add_activity (store, STRIDE_SPORT_RUN, utc (2026, 3, 2, 7, 0), 3600, 8000);
  entry = add_plan (store, plan (day, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 8000));
  linked = add_plan (store, plan (day - 7, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, 8000));
  g_assert_true (stride_store_add_race (store, &race, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  before = test_raw_query (path, "SELECT group_concat (json_array (id, date, status,"
                                 " activity_id)) FROM plan_entry");
  test_raw_exec (path, "PRAGMA user_version = 99");
  store = test_open_store (fixture);
  g_assert_true (stride_store_is_read_only (store));

  e = get_plan (store, entry);
  bad = e;
  bad.kind = STRIDE_N_PLAN_KINDS;
  EXPECT_ERROR (stride_store_update_plan_entry (store, &e, &error), STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_update_plan_entry (store, &bad, &error),
                STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_delete_plan_entry (store, entry, &error),
                STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_move_plan_entry (store, entry, day + 1, NULL, &error),
                STRIDE_STORE_ERROR_READ_ONLY);
  g_assert_null (stride_store_copy_plan_week (store, day, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  EXPECT_ERROR (stride_store_link_plan_entries (store, day, day + 6, NULL, &error),
                STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_link_plan_entry (store, entry, run, &error),
                STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_unlink_plan_entry (store, linked, &error),
                STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_skip_unmatched_before (store, day + 7, NULL, &error),
                STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_update_race (store, &race, &error), STRIDE_STORE_ERROR_READ_ONLY);
  EXPECT_ERROR (stride_store_delete_race (store, race.id, &error), STRIDE_STORE_ERROR_READ_ONLY);
  stride_plan_entry_clear (&e);

  /* Reads still work. */
  list = stride_store_list_plan_entries (store, day - 7, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_array_unref);
  g_assert_true (stride_store_get_plan_week_summary (store, day, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.n_planned, ==, 1);
  g_assert_cmpfloat (s.done_run_distance_m, ==, 8000);
  list = stride_store_list_upcoming_races (store, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_object (&store);

  after = test_raw_query (path, "SELECT group_concat (json_array (id, date, status,"
                                " activity_id)) FROM plan_entry");
  g_assert_cmpstr (after, ==, before);
  test_assert_query (path, "SELECT count (*) FROM race", "1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/store/plan/entries", test_entries);
  ADD ("/store/plan/move-undo", test_move_undo);
  ADD ("/store/plan/copy-week", test_copy_week);
  ADD ("/store/plan/auto-link", test_auto_link);
  ADD ("/store/plan/manual-link", test_manual_link);
  ADD ("/store/plan/skip-unmatched", test_skip_unmatched);
  ADD ("/store/plan/week-summary", test_week_summary);
  ADD ("/store/plan/races", test_races);
  ADD ("/store/plan/read-only", test_read_only);

#undef ADD

  return g_test_run ();
}
