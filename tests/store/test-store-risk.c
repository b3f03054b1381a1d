/* test-store-risk.c — the risk checklist's store: answers, and the
 * journal of stride-risk.h read from a database.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store-test-util.h"
#include "stride-balance.h"
#include "stride-demo-writer.h"
#include "stride-metrics.h"
#include "stride-risk.h"

/* The crafted journal lives in February and March 2026; 2026-03-02 is
 * the Monday of 2026-W10. Evaluated long after, so every week is over. */
#define TODAY   test_julian (2026, 6, 1)
#define W09     test_julian (2026, 2, 23)
#define W10     test_julian (2026, 3, 2)

static const char *const check_ids[] = {
  STRIDE_CHECK_SPIKE, STRIDE_CHECK_ACWR, STRIDE_CHECK_RAMP, STRIDE_CHECK_MONOTONY,
  STRIDE_CHECK_STRENGTH, STRIDE_CHECK_SPACING, STRIDE_CHECK_HQ, STRIDE_CHECK_LSI,
  STRIDE_CHECK_PAIN, STRIDE_CHECK_SLEEP, STRIDE_CHECK_SORENESS, STRIDE_CHECK_ILLNESS,
  STRIDE_CHECK_SHOES,
};

/* Unix seconds of @hour:00 UTC on Julian day @day. */
static gint64
utc_at (guint32 day,
        int     hour)
{
  return ((gint64) day - 719163) * 86400 + hour * 3600;
}

static void
add_answer (StrideStore *store,
            const char  *week,
            const char  *item,
            const char  *state,
            const char  *note)
{
  g_autoptr(GError) error = NULL;
  StrideChecklistAnswer answer = { (char *) week, (char *) item, (char *) state, (char *) note };

  g_assert_true (stride_store_set_checklist_answer (store, &answer, &error));
  g_assert_no_error (error);
}

static void
assert_answer (GArray     *answers,
               guint       index,
               const char *week,
               const char *item,
               const char *state,
               const char *note)
{
  const StrideChecklistAnswer *answer;

  g_assert_cmpuint (index, <, answers->len);
  answer = &g_array_index (answers, StrideChecklistAnswer, index);
  g_assert_cmpstr (answer->iso_week, ==, week);
  g_assert_cmpstr (answer->item_id, ==, item);
  g_assert_cmpstr (answer->state, ==, state);
  g_assert_cmpstr (answer->note, ==, note);
}

static GArray *
list_answers (StrideStore *store,
              const char  *week)
{
  g_autoptr(GError) error = NULL;
  GArray *answers = stride_store_list_checklist_answers (store, week, &error);

  g_assert_no_error (error);
  g_assert_nonnull (answers);

  return answers;
}

static void
test_answers_round_trip (TestDir       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) w10 = NULL;
  g_autoptr(GArray) empty = NULL;
  g_autoptr(GArray) after = NULL;

  empty = list_answers (store, NULL);
  g_assert_cmpuint (empty->len, ==, 0);

  /* Out of order on purpose: the list is by week, then item. */
  add_answer (store, "2026-W10", "sleep", STRIDE_ANSWER_YES, "Woke at 4 every night");
  add_answer (store, "2026-W09", "soreness", STRIDE_ANSWER_NO, NULL);
  add_answer (store, "2026-W10", "illness", STRIDE_ANSWER_NO, NULL);
  add_answer (store, "2025-W52", "sleep", STRIDE_ANSWER_NO, NULL);
  /* A second answer to the same item replaces the first. */
  add_answer (store, "2026-W10", "illness", STRIDE_ANSWER_YES, "A cold");

  all = list_answers (store, NULL);
  g_assert_cmpuint (all->len, ==, 4);
  assert_answer (all, 0, "2025-W52", "sleep", "no", NULL);
  assert_answer (all, 1, "2026-W09", "soreness", "no", NULL);
  assert_answer (all, 2, "2026-W10", "illness", "yes", "A cold");
  assert_answer (all, 3, "2026-W10", "sleep", "yes", "Woke at 4 every night");

  w10 = list_answers (store, "2026-W10");
  g_assert_cmpuint (w10->len, ==, 2);
  assert_answer (w10, 0, "2026-W10", "illness", "yes", "A cold");
  assert_answer (w10, 1, "2026-W10", "sleep", "yes", "Woke at 4 every night");
  g_clear_pointer (&empty, g_array_unref);
  empty = list_answers (store, "2026-W11");
  g_assert_cmpuint (empty->len, ==, 0);

  /* Delete one; the other weeks and items stay. */
  g_assert_true (stride_store_delete_checklist_answer (store, "2026-W10", "sleep", &error));
  g_assert_no_error (error);
  after = list_answers (store, NULL);
  g_assert_cmpuint (after->len, ==, 3);
  assert_answer (after, 0, "2025-W52", "sleep", "no", NULL);
  assert_answer (after, 1, "2026-W09", "soreness", "no", NULL);
  assert_answer (after, 2, "2026-W10", "illness", "yes", "A cold");

  /* Twice: nothing left to delete. */
  g_assert_false (stride_store_delete_checklist_answer (store, "2026-W10", "sleep", &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (stride_store_delete_checklist_answer (store, "2026-W11", "illness", &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_count (store, "checklist"), ==, 3);
}

static void
test_answers_bad_week (TestDir       *fixture,
                       gconstpointer  user_data)
{
  static const char *const bad[] = { "", "2026-W00", "2026-W54", "2026-w10", "2026W10",
                                     "26-W10", "2026-W1", "2026-W100", "'; DROP TABLE checklist" };
  g_autoptr(StrideStore) store = test_open_store (fixture);

  add_answer (store, "2026-W10", "sleep", STRIDE_ANSWER_YES, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GArray *answers;

      answers = stride_store_list_checklist_answers (store, bad[i], &error);
      g_assert_null (answers);
      g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
      g_clear_error (&error);

      g_assert_false (stride_store_delete_checklist_answer (store, bad[i], "sleep", &error));
      g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
    }

  g_assert_cmpint (test_count (store, "checklist"), ==, 1);
}

static void
test_answers_read_only (TestDir       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(StrideRiskJournal) journal = NULL;
  g_autoptr(GArray) answers = NULL;
  g_autoptr(GError) error = NULL;

  store = test_open_store (fixture);
  add_answer (store, "2026-W10", "sleep", STRIDE_ANSWER_YES, NULL);
  g_clear_object (&store);

  /* Written by a newer StrideStrong: opened read-only. */
  test_raw_exec (path, "PRAGMA user_version = 99");
  store = stride_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (stride_store_is_read_only (store));

  g_assert_false (stride_store_delete_checklist_answer (store, "2026-W10", "sleep", &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, stride_store_get_read_only_reason (store));
  g_clear_error (&error);

  /* Reading still works, and the answer is still there. */
  answers = list_answers (store, "2026-W10");
  g_assert_cmpuint (answers->len, ==, 1);
  journal = stride_store_load_risk_journal (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (journal);
  test_assert_query (path, "SELECT count(*) FROM checklist", "1");
}

/* The crafted journal */

static gint64
add_shoe (StrideStore *store)
{
  g_autoptr(GError) error = NULL;
  StrideShoe shoe = { 0 };

  shoe.name = (char *) "Trainer";
  shoe.start_date = test_julian (2026, 1, 1);
  g_assert_true (stride_store_add_shoe (store, &shoe, &error));
  g_assert_no_error (error);

  return shoe.id;
}

static void
add_run (StrideStore *store,
         gint64       start_utc,
         gint         tz_offset_s,
         double       distance_m,
         gint64       shoe_id)
{
  g_autoptr(GError) error = NULL;
  StrideActivity a = test_run (start_utc);

  a.tz_offset_s = tz_offset_s;
  a.distance_m = distance_m;
  a.duration_s = distance_m * 0.33;
  a.shoe_id = shoe_id;
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);
}

/* A strength session with split squats, the left leg at @left kg and the
 * right at @right kg (5 reps each), and two-leg back squats. */
static void
add_strength (StrideStore *store,
              gint64       start_utc,
              gint         tz_offset_s,
              double       left,
              double       right)
{
  g_autoptr(GError) error = NULL;
  gint64 split_squat = test_exercise_id (store, "split-squat");
  gint64 back_squat = test_exercise_id (store, "back-squat");
  StrideActivity a = { 0 };
  StrideStrengthSet sets[] = {
    { 0, 0, back_squat, STRIDE_SIDE_BOTH, 5, 100, 7, 0 },
    { 0, 0, split_squat, STRIDE_SIDE_LEFT, 5, left * 0.8, 6, 1 },
    { 0, 0, split_squat, STRIDE_SIDE_LEFT, 5, left, 8, 2 },
    { 0, 0, split_squat, STRIDE_SIDE_RIGHT, 5, right, 8, 3 },
    /* Body weight: no e1RM. */
    { 0, 0, split_squat, STRIDE_SIDE_RIGHT, 12, 0, 5, 4 },
  };

  a.sport = STRIDE_SPORT_STRENGTH;
  a.start_utc = start_utc;
  a.tz_offset_s = tz_offset_s;
  a.duration_s = 1200;
  a.rpe = 6;
  g_assert_true (stride_store_add_activity (store, &a, sets, G_N_ELEMENTS (sets), NULL, 0,
                                            NULL, 0, &error));
  g_assert_no_error (error);
}

static GArray *
evaluate (StrideStore                *store,
          guint32                     monday,
          const StrideRiskThresholds *thresholds)
{
  g_autoptr(StrideRiskJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  StrideRiskThresholds defaults;
  GArray *checks;

  journal = stride_store_load_risk_journal (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (journal);

  if (thresholds == NULL)
    {
      stride_risk_thresholds_init (&defaults);
      thresholds = &defaults;
    }

  checks = stride_risk_evaluate_week (journal, monday, TODAY, thresholds, STRIDE_UNITS_METRIC);
  g_assert_nonnull (checks);
  g_assert_cmpuint (checks->len, ==, G_N_ELEMENTS (check_ids));
  for (guint i = 0; i < checks->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (checks, StrideRiskCheck, i);

      g_assert_cmpstr (check->id, ==, check_ids[i]);
      g_assert_cmpint (check->state, <, STRIDE_N_RISK_STATES);
    }

  return checks;
}

static const StrideRiskCheck *
find_check (GArray     *checks,
            const char *id)
{
  for (guint i = 0; i < checks->len; i++)
    if (g_str_equal (g_array_index (checks, StrideRiskCheck, i).id, id))
      return &g_array_index (checks, StrideRiskCheck, i);

  g_assert_not_reached ();
}

static StrideRiskState
state_of (GArray     *checks,
          const char *id)
{
  return find_check (checks, id)->state;
}

static void
test_empty_journal (TestDir       *fixture,
                    gconstpointer  user_data)
{
  static const char *const automatic[] = {
    STRIDE_CHECK_ACWR, STRIDE_CHECK_RAMP, STRIDE_CHECK_MONOTONY,
    STRIDE_CHECK_HQ, STRIDE_CHECK_LSI, STRIDE_CHECK_SHOES,
    STRIDE_CHECK_SLEEP, STRIDE_CHECK_SORENESS, STRIDE_CHECK_ILLNESS,
  };
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) checks = evaluate (store, W10, NULL);
  const StrideRiskCheck *spike;

  /* Honest: no data is "not enough data", never "ok". */
  for (guint i = 0; i < G_N_ELEMENTS (automatic); i++)
    g_assert_cmpint (state_of (checks, automatic[i]), ==, STRIDE_RISK_NOT_ENOUGH_DATA);
  /* Without runs there is no run to be a spike: never a caution. */
  spike = find_check (checks, STRIDE_CHECK_SPIKE);
  g_assert_cmpint (spike->state, <=, STRIDE_RISK_OK);
  g_assert_true (isnan (spike->value));
}

/* From 20 January, so that the spike check has 30 days of history
 * before 2026-W09: a 10 km run every third day. 2026-W10: a 14 km run
 * (140 % of the longest in 30 days), knee pain at 5/10, a strength
 * session with split squats 25 % weaker on the right. */
static void
craft_journal (StrideStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 shoe = add_shoe (store);
  StridePainEntry pain = { 0 };

  for (guint32 day = test_julian (2026, 1, 20); day < test_julian (2026, 3, 1); day += 3)
    add_run (store, utc_at (day, 7), 3600, 10000, shoe);

  add_run (store, utc_at (W10 + 2, 7), 3600, 14000, shoe);
  add_strength (store, utc_at (W10 + 1, 17), 3600, 60, 45);

  pain.date = W10 + 3;
  pain.location = (char *) "knee";
  pain.side = STRIDE_SIDE_RIGHT;
  pain.severity = 5;
  g_assert_true (stride_store_add_pain_entry (store, &pain, &error));
  g_assert_no_error (error);
}

static void
test_crafted_journal (TestDir       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) w10 = NULL;
  g_autoptr(GArray) w09 = NULL;
  g_autoptr(GArray) again = NULL;
  const StrideRiskCheck *spike;

  craft_journal (store);

  w10 = evaluate (store, W10, NULL);
  spike = find_check (w10, STRIDE_CHECK_SPIKE);
  g_assert_cmpint (spike->state, ==, STRIDE_RISK_WARNING);
  if (isfinite (spike->value))
    g_assert_cmpfloat_with_epsilon (spike->value, 140, 0.5);
  g_assert_cmpint (state_of (w10, STRIDE_CHECK_PAIN), ==, STRIDE_RISK_WARNING);
  /* One test at 75 %: a lone test never flags on its own. */
  g_assert_cmpint (state_of (w10, STRIDE_CHECK_LSI), ==, STRIDE_RISK_CAUTION);
  /* No H:Q tests at all. */
  g_assert_cmpint (state_of (w10, STRIDE_CHECK_HQ), ==, STRIDE_RISK_NOT_ENOUGH_DATA);

  /* The week before: runs of the same length, no pain, no sides yet. */
  w09 = evaluate (store, W09, NULL);
  g_assert_cmpint (state_of (w09, STRIDE_CHECK_SPIKE), ==, STRIDE_RISK_OK);
  g_assert_cmpint (state_of (w09, STRIDE_CHECK_PAIN), !=, STRIDE_RISK_WARNING);
  g_assert_cmpint (state_of (w09, STRIDE_CHECK_LSI), ==, STRIDE_RISK_NOT_ENOUGH_DATA);

  /* A second session at 75 %: two tests in a row below 85 %. */
  add_strength (store, utc_at (W10 + 5, 10), 3600, 60, 45);
  again = evaluate (store, W10, NULL);
  g_assert_cmpint (state_of (again, STRIDE_CHECK_LSI), ==, STRIDE_RISK_WARNING);
}

static void
test_two_leg_sets_give_no_sides (TestDir       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) checks = NULL;
  gint64 split_squat = test_exercise_id (store, "split-squat");
  StrideActivity a = { 0 };
  StrideStrengthSet sets[] = {
    { 0, 0, split_squat, STRIDE_SIDE_BOTH, 5, 60, 7, 0 },
    /* One side only: nothing to compare it with. */
    { 0, 0, split_squat, STRIDE_SIDE_LEFT, 5, 60, 7, 1 },
  };

  a.sport = STRIDE_SPORT_STRENGTH;
  a.start_utc = utc_at (W10 + 1, 17);
  a.duration_s = 1200;
  g_assert_true (stride_store_add_activity (store, &a, sets, G_N_ELEMENTS (sets), NULL, 0,
                                            NULL, 0, &error));
  g_assert_no_error (error);

  checks = evaluate (store, W10, NULL);
  g_assert_cmpint (state_of (checks, STRIDE_CHECK_LSI), ==, STRIDE_RISK_NOT_ENOUGH_DATA);
}

/* A session counts on its local day: 23:00 UTC on Sunday at UTC+2 is
 * Monday, 03:00 UTC on Monday at UTC−5 is still Sunday. */
static void
test_local_day (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *east_path = test_dir_path (fixture, "east.db");
  g_autofree char *west_path = test_dir_path (fixture, "west.db");
  g_autoptr(StrideStore) east = stride_store_open (east_path, NULL);
  g_autoptr(StrideStore) west = stride_store_open (west_path, NULL);
  g_autoptr(GArray) east_w09 = NULL;
  g_autoptr(GArray) east_w10 = NULL;
  g_autoptr(GArray) west_w09 = NULL;

  g_assert_nonnull (east);
  g_assert_nonnull (west);

  add_strength (east, utc_at (W10 - 1, 23), 2 * 3600, 60, 45);
  add_strength (west, utc_at (W10, 3), -5 * 3600, 60, 45);

  east_w09 = evaluate (east, W09, NULL);
  east_w10 = evaluate (east, W10, NULL);
  g_assert_cmpint (state_of (east_w09, STRIDE_CHECK_LSI), ==, STRIDE_RISK_NOT_ENOUGH_DATA);
  g_assert_cmpint (state_of (east_w10, STRIDE_CHECK_LSI), ==, STRIDE_RISK_CAUTION);

  west_w09 = evaluate (west, W09, NULL);
  g_assert_cmpint (state_of (west_w09, STRIDE_CHECK_LSI), ==, STRIDE_RISK_CAUTION);

  /* The same for runs: a 14 km run late on Sunday UTC is Monday's at
   * UTC+1, so it is the spike of 2026-W10, not of 2026-W09. */
  {
    g_autofree char *path = test_dir_path (fixture, "runs.db");
    g_autoptr(StrideStore) runs = stride_store_open (path, NULL);
    g_autoptr(GArray) w09 = NULL;
    g_autoptr(GArray) w10 = NULL;

    for (guint32 day = test_julian (2026, 1, 20); day < W09; day += 3)
      add_run (runs, utc_at (day, 7), 3600, 10000, 0);
    add_run (runs, utc_at (W10 - 1, 23) + 1800, 3600, 14000, 0);

    w09 = evaluate (runs, W09, NULL);
    w10 = evaluate (runs, W10, NULL);
    g_assert_cmpint (state_of (w10, STRIDE_CHECK_SPIKE), ==, STRIDE_RISK_WARNING);
    g_assert_cmpint (state_of (w09, STRIDE_CHECK_SPIKE), !=, STRIDE_RISK_WARNING);
  }
}

static void
test_answers_and_shoes_reach_the_checklist (TestDir       *fixture,
                                            gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) checks = NULL;
  g_autoptr(GArray) low_limit = NULL;
  StrideRiskThresholds thresholds;
  const StrideRiskCheck *sleep;

  craft_journal (store);
  add_answer (store, "2026-W10", STRIDE_CHECK_SLEEP, STRIDE_ANSWER_YES, "Woke at 4");
  add_answer (store, "2026-W10", STRIDE_CHECK_ILLNESS, STRIDE_ANSWER_NO, NULL);
  /* Another week's answer stays there. */
  add_answer (store, "2026-W09", STRIDE_CHECK_SORENESS, STRIDE_ANSWER_YES, NULL);

  checks = evaluate (store, W10, NULL);
  sleep = find_check (checks, STRIDE_CHECK_SLEEP);
  g_assert_true (sleep->from_user);
  g_assert_cmpint (sleep->state, >=, STRIDE_RISK_CAUTION);
  g_assert_cmpstr (sleep->note, ==, "Woke at 4");
  g_assert_cmpint (state_of (checks, STRIDE_CHECK_ILLNESS), ==, STRIDE_RISK_OK);
  g_assert_cmpint (state_of (checks, STRIDE_CHECK_SORENESS), ==, STRIDE_RISK_NOT_ENOUGH_DATA);

  /* 154 km on the shoe by the end of 2026-W10. */
  g_assert_cmpint (state_of (checks, STRIDE_CHECK_SHOES), ==, STRIDE_RISK_OK);
  stride_risk_thresholds_init (&thresholds);
  thresholds.shoe_limit_km = 100;
  low_limit = evaluate (store, W10, &thresholds);
  g_assert_cmpint (state_of (low_limit, STRIDE_CHECK_SHOES), ==, STRIDE_RISK_CAUTION);
}

/* Balance lists (issue 7) */

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
  m.unit = (char *) "N\u00b7m";
  m.notes = (char *) notes;
  g_assert_true (stride_store_add_measurement (store, &m, &error));
  g_assert_no_error (error);
}

static GArray *
list_measurements (StrideStore *store,
                   guint32      from,
                   guint32      to)
{
  g_autoptr(GError) error = NULL;
  GArray *list = stride_store_list_measurements (store, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_array_get_element_size (list), ==, sizeof (StrideMeasurement));

  return list;
}

#define measurement_at(a, i) (&g_array_index ((a), StrideMeasurement, (i)))

/* Inserted out of order: the list is by date, then id; both ends of a
 * range are in it; 0 at both ends is the whole journal. */
static void
test_list_measurements (TestDir       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) middle = NULL;
  g_autoptr(GArray) ends = NULL;
  g_autoptr(GArray) open_start = NULL;
  g_autoptr(GArray) none = NULL;

  add_measurement (store, W10, STRIDE_TEST_KNEE_FLEXION, STRIDE_SIDE_LEFT, 90, NULL);
  add_measurement (store, W09, STRIDE_TEST_KNEE_EXTENSION, STRIDE_SIDE_RIGHT, 160, "Baseline");
  add_measurement (store, W10 + 7, STRIDE_TEST_KNEE_FLEXION, STRIDE_SIDE_RIGHT, 95, NULL);
  add_measurement (store, W10, STRIDE_TEST_KNEE_EXTENSION, STRIDE_SIDE_LEFT, 150, NULL);

  all = list_measurements (store, 0, 0);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpuint (measurement_at (all, 0)->date, ==, W09);
  g_assert_cmpstr (measurement_at (all, 0)->test, ==, STRIDE_TEST_KNEE_EXTENSION);
  g_assert_cmpstr (measurement_at (all, 0)->method, ==, STRIDE_METHOD_ISOKINETIC_60);
  g_assert_cmpstr (measurement_at (all, 0)->unit, ==, "N\u00b7m");
  g_assert_cmpstr (measurement_at (all, 0)->notes, ==, "Baseline");
  g_assert_cmpint (measurement_at (all, 0)->side, ==, STRIDE_SIDE_RIGHT);
  g_assert_cmpfloat (measurement_at (all, 0)->value, ==, 160);
  /* The same day: in the order they were added (by id). */
  g_assert_cmpuint (measurement_at (all, 1)->date, ==, W10);
  g_assert_cmpstr (measurement_at (all, 1)->test, ==, STRIDE_TEST_KNEE_FLEXION);
  g_assert_cmpuint (measurement_at (all, 2)->date, ==, W10);
  g_assert_cmpstr (measurement_at (all, 2)->test, ==, STRIDE_TEST_KNEE_EXTENSION);
  g_assert_cmpint (measurement_at (all, 1)->id, <, measurement_at (all, 2)->id);
  g_assert_cmpuint (measurement_at (all, 3)->date, ==, W10 + 7);

  middle = list_measurements (store, W10, W10);
  g_assert_cmpuint (middle->len, ==, 2);

  ends = list_measurements (store, W09, W10 + 7);
  g_assert_cmpuint (ends->len, ==, 4);

  /* 0 as the first day only: from the beginning. */
  open_start = list_measurements (store, 0, W10 - 1);
  g_assert_cmpuint (open_start->len, ==, 1);

  none = list_measurements (store, W10 + 8, W10 + 100);
  g_assert_cmpuint (none->len, ==, 0);

  /* Copies, not SQLite's strings: still there after another query. */
  g_clear_pointer (&none, g_array_unref);
  none = list_measurements (store, 1, 2);
  g_assert_cmpstr (measurement_at (all, 3)->test, ==, STRIDE_TEST_KNEE_FLEXION);
}

/* Side values come from one-side sets only (two-leg sets and a session
 * with one side give none), dated by the session's local day, ordered
 * by date even when an older session was added last. */
static void
test_list_side_values (TestDir       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) first_day = NULL;
  g_autoptr(GArray) none = NULL;
  gint64 split_squat = test_exercise_id (store, "split-squat");
  StrideActivity one_side = { 0 };
  StrideStrengthSet sets[] = {
    { 0, 0, split_squat, STRIDE_SIDE_BOTH, 5, 60, 7, 0 },
    { 0, 0, split_squat, STRIDE_SIDE_LEFT, 5, 60, 7, 1 },
  };

  add_strength (store, utc_at (W10 + 5, 10), 3600, 70, 70);
  /* 23:00 UTC on Sunday at UTC+2: Monday W10, local. */
  add_strength (store, utc_at (W10 - 1, 23), 2 * 3600, 60, 45);

  one_side.sport = STRIDE_SPORT_STRENGTH;
  one_side.start_utc = utc_at (W10 + 2, 17);
  one_side.duration_s = 1200;
  g_assert_true (stride_store_add_activity (store, &one_side, sets, G_N_ELEMENTS (sets), NULL, 0,
                                            NULL, 0, &error));
  g_assert_no_error (error);

  all = stride_store_list_side_values (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (all);
  g_assert_cmpuint (g_array_get_element_size (all), ==, sizeof (StrideMeasurement));
  g_assert_cmpuint (all->len, ==, 4);
  if (all->len != 4)
    return;

  for (guint i = 0; i < all->len; i++)
    {
      const StrideMeasurement *m = measurement_at (all, i);

      g_assert_cmpstr (m->test, ==, STRIDE_BALANCE_EXERCISE_PREFIX "split-squat");
      g_assert_cmpstr (m->method, ==, STRIDE_METHOD_E1RM);
      g_assert_cmpstr (m->unit, ==, "kg");
      g_assert_cmpint (m->side, ==, i % 2 == 0 ? STRIDE_SIDE_LEFT : STRIDE_SIDE_RIGHT);
    }
  g_assert_cmpuint (measurement_at (all, 0)->date, ==, W10);
  g_assert_cmpfloat_with_epsilon (measurement_at (all, 0)->value, stride_e1rm (60, 5), 1e-9);
  g_assert_cmpfloat_with_epsilon (measurement_at (all, 1)->value, stride_e1rm (45, 5), 1e-9);
  g_assert_cmpuint (measurement_at (all, 2)->date, ==, W10 + 5);
  g_assert_cmpfloat_with_epsilon (measurement_at (all, 2)->value, stride_e1rm (70, 5), 1e-9);

  /* The local day counts, both ends included. */
  first_day = stride_store_list_side_values (store, W10, W10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first_day->len, ==, 2);
  none = stride_store_list_side_values (store, W10 - 1, W10 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
add_race (StrideStore *store,
          guint32      date,
          const char  *name)
{
  g_autoptr(GError) error = NULL;
  StrideRace race = { 0 };

  race.date = date;
  race.name = (char *) name;
  race.distance_m = 10000;
  g_assert_true (stride_store_add_race (store, &race, &error));
  g_assert_no_error (error);
}

static void
add_pain (StrideStore *store,
          guint32      date,
          const char  *location,
          gint         severity)
{
  g_autoptr(GError) error = NULL;
  StridePainEntry pain = { 0 };

  pain.date = date;
  pain.location = (char *) location;
  pain.side = STRIDE_SIDE_LEFT;
  pain.severity = severity;
  pain.notes = (char *) "After the long run";
  g_assert_true (stride_store_add_pain_entry (store, &pain, &error));
  g_assert_no_error (error);
}

static void
test_list_pain_and_races (TestDir       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pains = NULL;
  g_autoptr(GArray) some_pains = NULL;
  g_autoptr(GArray) races = NULL;
  g_autoptr(GArray) one_race = NULL;
  g_autoptr(GArray) no_races = NULL;
  const StridePainEntry *pain;

  add_pain (store, W10 + 2, "knee", 5);
  add_pain (store, W09, "achilles", 2);
  add_pain (store, W10, "hip", 3);
  add_race (store, W10 + 6, "Spring 10k");
  add_race (store, W09 + 6, "Tune-up 10k");

  pains = stride_store_list_pain_entries (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pains->len, ==, 3);
  g_assert_cmpuint (g_array_get_element_size (pains), ==, sizeof (StridePainEntry));
  pain = &g_array_index (pains, StridePainEntry, 0);
  g_assert_cmpuint (pain->date, ==, W09);
  g_assert_cmpstr (pain->location, ==, "achilles");
  g_assert_cmpint (pain->severity, ==, 2);
  g_assert_cmpint (pain->side, ==, STRIDE_SIDE_LEFT);
  g_assert_cmpstr (pain->notes, ==, "After the long run");
  g_assert_cmpstr (g_array_index (pains, StridePainEntry, 1).location, ==, "hip");
  g_assert_cmpstr (g_array_index (pains, StridePainEntry, 2).location, ==, "knee");

  some_pains = stride_store_list_pain_entries (store, W10, W10 + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some_pains->len, ==, 2);

  races = stride_store_list_races (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_get_element_size (races), ==, sizeof (StrideRace));
  g_assert_cmpuint (races->len, ==, 2);
  g_assert_cmpstr (g_array_index (races, StrideRace, 0).name, ==, "Tune-up 10k");
  g_assert_cmpuint (g_array_index (races, StrideRace, 0).date, ==, W09 + 6);
  g_assert_cmpfloat (g_array_index (races, StrideRace, 0).distance_m, ==, 10000);
  g_assert_cmpstr (g_array_index (races, StrideRace, 1).name, ==, "Spring 10k");

  one_race = stride_store_list_races (store, W10 + 6, W10 + 6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one_race->len, ==, 1);
  no_races = stride_store_list_races (store, W10 + 7, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (no_races->len, ==, 0);
}

/* The lists and the risk journal read the same rows. */
static void
test_lists_match_journal (TestDir       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) measurements = NULL;
  g_autoptr(GArray) sides = NULL;
  g_autoptr(GArray) checks = NULL;

  craft_journal (store);
  measurements = stride_store_list_measurements (store, 0, 0, &error);
  g_assert_no_error (error);
  sides = stride_store_list_side_values (store, 0, 0, &error);
  g_assert_no_error (error);

  /* The crafted journal has no tests, and one session of split squats
   * on both sides: the 75 % the lsi check sees. */
  g_assert_cmpuint (measurements->len, ==, 0);
  g_assert_cmpuint (sides->len, ==, 2);
  g_assert_cmpuint (measurement_at (sides, 0)->date, ==, W10 + 1);
  checks = evaluate (store, W10, NULL);
  g_assert_cmpint (state_of (checks, STRIDE_CHECK_LSI), ==, STRIDE_RISK_CAUTION);
}

/* The 2-year demo journal: every week evaluates, and its unilateral sets
 * and tests give the lsi check something to say. */
static void
test_demo_journal (TestDir       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideRiskJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  StrideRiskThresholds thresholds;
  guint32 today = TODAY;
  guint32 first;
  guint n_lsi = 0;
  guint n_weeks = 0;
  gint64 start;

  g_assert_true (stride_demo_write (store, 2, today, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  journal = stride_store_load_risk_journal (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (journal);
  g_test_message ("loaded the 2-year journal in %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  first = stride_risk_journal_get_first_day (journal);
  g_assert_cmpuint (first, >=, today - 2 * 366 - 7);
  g_assert_cmpuint (first, <=, today - 2 * 365 + 14);

  stride_risk_thresholds_init (&thresholds);
  for (guint32 monday = stride_iso_week_monday (first); monday <= today; monday += 7)
    {
      g_autoptr(GArray) checks = NULL;

      checks = stride_risk_evaluate_week (journal, monday, today, &thresholds,
                                          STRIDE_UNITS_METRIC);
      g_assert_cmpuint (checks->len, ==, G_N_ELEMENTS (check_ids));
      for (guint i = 0; i < checks->len; i++)
        g_assert_cmpstr (g_array_index (checks, StrideRiskCheck, i).id, ==, check_ids[i]);
      if (state_of (checks, STRIDE_CHECK_LSI) != STRIDE_RISK_NOT_ENOUGH_DATA)
        n_lsi++;
      n_weeks++;
    }

  g_assert_cmpuint (n_weeks, >=, 104);
  g_assert_cmpuint (n_lsi, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/risk/" path, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("answers-round-trip", test_answers_round_trip);
  ADD ("answers-bad-week", test_answers_bad_week);
  ADD ("answers-read-only", test_answers_read_only);
  ADD ("empty-journal", test_empty_journal);
  ADD ("crafted-journal", test_crafted_journal);
  ADD ("two-leg-sets-give-no-sides", test_two_leg_sets_give_no_sides);
  ADD ("local-day", test_local_day);
  ADD ("answers-and-shoes", test_answers_and_shoes_reach_the_checklist);
  ADD ("demo-journal", test_demo_journal);
  ADD ("list-measurements", test_list_measurements);
  ADD ("list-side-values", test_list_side_values);
  ADD ("list-pain-and-races", test_list_pain_and_races);
  ADD ("lists-match-journal", test_lists_match_journal);

#undef ADD

  return g_test_run ();
}
