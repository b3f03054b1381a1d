/* test-store-risk.c — the risk checklist's store: answers, and the
 * journal of stride-risk.h read from a database.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store-test-util.h"
#include "stride-demo-writer.h"
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

#undef ADD

  return g_test_run ();
}
