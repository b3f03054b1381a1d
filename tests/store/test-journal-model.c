/* test-journal-model.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-journal-model"

#include "config.h"

#include "store-test-util.h"
#include "stride-journal-model.h"
#include "stride-journal-model-private.h"

static StrideStore *
open_store (TestDir *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  StrideStore *store = stride_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* Unix seconds of local noon on a date (offset 0). */
static gint64
noon (int year,
      int month,
      int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (dt);
}

static StrideJournalItem *
get_item (GListModel *model,
          guint       position)
{
  StrideJournalItem *item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  g_assert_true (STRIDE_IS_JOURNAL_ITEM (item));

  return item;
}

static void
add_measurement (StrideStore *store,
                 guint32      date,
                 const char  *test,
                 StrideSide   side,
                 double       value)
{
  g_autoptr(GError) error = NULL;
  StrideMeasurement m = { 0 };

  m.date = date;
  m.test = (char *) test;
  m.method = (char *) STRIDE_METHOD_ISOKINETIC_60;
  m.side = side;
  m.value = value;
  m.unit = (char *) "N·m";
  g_assert_true (stride_store_add_measurement (store, &m, &error));
  g_assert_no_error (error);
}

static void
add_pain (StrideStore *store,
          guint32      date,
          const char  *location,
          StrideSide   side,
          gint         severity)
{
  g_autoptr(GError) error = NULL;
  StridePainEntry p = { 0, date, (char *) location, side, severity, NULL };

  g_assert_true (stride_store_add_pain_entry (store, &p, &error));
  g_assert_no_error (error);
}

static void
test_order_and_details (TestDir       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideJournalItem) item = NULL;
  StrideActivity run = test_run (noon (2026, 1, 10) - 3 * 3600);   /* 09:00 UTC */
  StrideActivity strength = test_run (noon (2026, 1, 11) + 6 * 3600);
  StrideActivity empty_strength = test_run (noon (2026, 1, 9));
  StrideStrengthSet sets[5];
  gint64 squat = test_exercise_id (store, "back-squat");
  gint64 nordic = test_exercise_id (store, "nordic-curl");
  gint64 plank = test_exercise_id (store, "plank");

  run.title = (char *) "Easy loop";
  run.run_type = STRIDE_RUN_TYPE_LONG;
  g_assert_true (stride_store_add_activity (store, &run, NULL, 0, NULL, 0, NULL, 0, &error));

  /* Written out of order: position decides, names appear once. */
  strength.sport = STRIDE_SPORT_STRENGTH;
  strength.run_type = STRIDE_RUN_TYPE_NONE;
  strength.distance_m = 0;
  sets[0] = (StrideStrengthSet) { 0, 0, nordic, STRIDE_SIDE_BOTH, 5, 0, 8, 1 };
  sets[1] = (StrideStrengthSet) { 0, 0, squat, STRIDE_SIDE_BOTH, 5, 80, 7, 0 };
  sets[2] = (StrideStrengthSet) { 0, 0, squat, STRIDE_SIDE_BOTH, 5, 80, 8, 2 };
  sets[3] = (StrideStrengthSet) { 0, 0, plank, STRIDE_SIDE_BOTH, 1, 0, 5, 4 };
  sets[4] = (StrideStrengthSet) { 0, 0, nordic, STRIDE_SIDE_BOTH, 4, 0, 9, 3 };
  g_assert_true (stride_store_add_activity (store, &strength, sets, G_N_ELEMENTS (sets),
                                            NULL, 0, NULL, 0, &error));

  empty_strength.sport = STRIDE_SPORT_STRENGTH;
  g_assert_true (stride_store_add_activity (store, &empty_strength, NULL, 0, NULL, 0, NULL, 0,
                                            &error));
  g_assert_no_error (error);

  /* One test day with three measurements of two tests. */
  add_measurement (store, test_julian (2026, 1, 10), STRIDE_TEST_KNEE_FLEXION, STRIDE_SIDE_LEFT,
                   100);
  add_measurement (store, test_julian (2026, 1, 10), STRIDE_TEST_KNEE_EXTENSION,
                   STRIDE_SIDE_LEFT, 180);
  add_measurement (store, test_julian (2026, 1, 10), STRIDE_TEST_KNEE_FLEXION, STRIDE_SIDE_RIGHT,
                   110);
  add_measurement (store, test_julian (2026, 1, 5), STRIDE_TEST_HOP, STRIDE_SIDE_RIGHT, 150);

  add_pain (store, test_julian (2026, 1, 10), "knee", STRIDE_SIDE_LEFT, 4);
  add_pain (store, test_julian (2026, 1, 12), "achilles", STRIDE_SIDE_BOTH, 2);

  model = stride_journal_model_new (store);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == STRIDE_TYPE_JOURNAL_ITEM);
  /* 3 activities + 2 test days + 2 pain entries */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 7);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 7));

  /* 0: pain, 2026-01-12 noon */
  item = get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (stride_journal_item_get_kind (item), ==, STRIDE_JOURNAL_KIND_PAIN);
  g_assert_cmpstr (stride_journal_item_get_detail (item), ==, "achilles");
  g_assert_cmpint (stride_journal_item_get_count (item), ==, 2);
  g_assert_cmpint (stride_journal_item_get_start_utc (item), ==, noon (2026, 1, 12));
  g_assert_cmpint (stride_journal_item_get_tz_offset_s (item), ==, 0);
  g_assert_null (stride_journal_item_get_title (item));
  g_clear_object (&item);

  /* 1: strength session, 2026-01-11 18:00 */
  item = get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpint (stride_journal_item_get_kind (item), ==, STRIDE_JOURNAL_KIND_ACTIVITY);
  g_assert_cmpint (stride_journal_item_get_id (item), ==, strength.id);
  g_assert_cmpint (stride_journal_item_get_sport (item), ==, STRIDE_SPORT_STRENGTH);
  g_assert_cmpstr (stride_journal_item_get_detail (item), ==,
                   "Back squat, Nordic hamstring curl, Plank");
  g_assert_cmpint (stride_journal_item_get_count (item), ==, 5);
  g_assert_cmpint (stride_journal_item_get_start_utc (item), ==, strength.start_utc);
  g_assert_cmpint (stride_journal_item_get_tz_offset_s (item), ==, 3600);
  g_clear_object (&item);

  /* 2026-01-10: tests and pain at noon (kind order), the run at 09:00. */
  item = get_item (G_LIST_MODEL (model), 2);
  g_assert_cmpint (stride_journal_item_get_kind (item), ==, STRIDE_JOURNAL_KIND_TEST);
  g_assert_cmpstr (stride_journal_item_get_detail (item), ==, "knee-flexion, knee-extension");
  g_assert_cmpint (stride_journal_item_get_count (item), ==, 3);
  g_assert_cmpint (stride_journal_item_get_start_utc (item), ==, noon (2026, 1, 10));
  g_assert_cmpint (stride_journal_item_get_id (item), >, 0);
  g_clear_object (&item);

  item = get_item (G_LIST_MODEL (model), 3);
  g_assert_cmpint (stride_journal_item_get_kind (item), ==, STRIDE_JOURNAL_KIND_PAIN);
  g_assert_cmpstr (stride_journal_item_get_detail (item), ==, "knee:left");
  g_assert_cmpint (stride_journal_item_get_count (item), ==, 4);
  g_clear_object (&item);

  item = get_item (G_LIST_MODEL (model), 4);
  g_assert_cmpint (stride_journal_item_get_kind (item), ==, STRIDE_JOURNAL_KIND_ACTIVITY);
  g_assert_cmpint (stride_journal_item_get_id (item), ==, run.id);
  g_assert_cmpint (stride_journal_item_get_sport (item), ==, STRIDE_SPORT_RUN);
  g_assert_cmpint (stride_journal_item_get_run_type (item), ==, STRIDE_RUN_TYPE_LONG);
  g_assert_cmpstr (stride_journal_item_get_title (item), ==, "Easy loop");
  g_assert_cmpfloat (stride_journal_item_get_distance_m (item), ==, 5000);
  g_assert_cmpfloat (stride_journal_item_get_duration_s (item), ==, 1800);
  g_assert_cmpint (stride_journal_item_get_rpe (item), ==, 5);
  g_assert_null (stride_journal_item_get_detail (item));
  g_assert_cmpint (stride_journal_item_get_count (item), ==, 0);
  g_clear_object (&item);

  item = get_item (G_LIST_MODEL (model), 5);
  g_assert_cmpint (stride_journal_item_get_id (item), ==, empty_strength.id);
  g_assert_cmpint (stride_journal_item_get_count (item), ==, 0);
  g_clear_object (&item);

  item = get_item (G_LIST_MODEL (model), 6);
  g_assert_cmpint (stride_journal_item_get_kind (item), ==, STRIDE_JOURNAL_KIND_TEST);
  g_assert_cmpstr (stride_journal_item_get_detail (item), ==, "single-leg-hop");
  g_assert_cmpint (stride_journal_item_get_count (item), ==, 1);
  g_clear_object (&item);

  /* Everything came from one page. */
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, 1);
}

static void
test_same_time_order (TestDir       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[3];

  for (guint i = 0; i < 3; i++)
    {
      StrideActivity a = test_run (1700000000);

      g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
      ids[i] = a.id;
    }

  model = stride_journal_model_new (store);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(StrideJournalItem) item = get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (stride_journal_item_get_id (item), ==, ids[2 - i]);
    }
}

static void
test_lazy (TestDir       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 5000;
  const gint64 first = 1400000000;
  guint fetched;

  g_assert_true (stride_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      StrideActivity a = test_run (first + (gint64) i * 86400);

      g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
    }
  g_assert_true (stride_store_commit (store, &error));
  g_assert_no_error (error);

  model = stride_journal_model_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, 0);

  /* Item 0 reads one page, not the journal. */
  {
    g_autoptr(StrideJournalItem) item = get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpint (stride_journal_item_get_start_utc (item), ==,
                     first + (gint64) (n - 1) * 86400);
  }
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, 1);

  /* The rest of the first page comes from memory. */
  for (guint i = 1; i < STRIDE_JOURNAL_PAGE_SIZE; i++)
    {
      g_autoptr(StrideJournalItem) item = get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (stride_journal_item_get_start_utc (item), ==,
                       first + (gint64) (n - 1 - i) * 86400);
    }
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, 1);

  /* The last item, and one in the middle. */
  {
    g_autoptr(StrideJournalItem) last = get_item (G_LIST_MODEL (model), n - 1);
    g_autoptr(StrideJournalItem) middle = get_item (G_LIST_MODEL (model), 2500);

    g_assert_cmpint (stride_journal_item_get_start_utc (last), ==, first);
    g_assert_cmpint (stride_journal_item_get_start_utc (middle), ==,
                     first + (gint64) (n - 1 - 2500) * 86400);
  }
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, 3);

  /* Only a window of pages stays: walking far away evicts page 0. */
  for (guint p = 1; p <= STRIDE_JOURNAL_MAX_PAGES + 2; p++)
    g_object_unref (get_item (G_LIST_MODEL (model), p * STRIDE_JOURNAL_PAGE_SIZE));
  fetched = _stride_journal_model_get_pages_fetched (model);
  g_object_unref (get_item (G_LIST_MODEL (model), 0));
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, fetched + 1);
  /* A recently used page is still there. */
  g_object_unref (get_item (G_LIST_MODEL (model), (STRIDE_JOURNAL_MAX_PAGES + 2) * STRIDE_JOURNAL_PAGE_SIZE));
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, fetched + 1);
}

typedef struct
{
  guint n_calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->n_calls++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
test_reload_after_external_write (TestDir       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autoptr(StrideStore) other = open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  g_autoptr(StrideJournalItem) item = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };
  StrideActivity a = test_run (1700000000);
  StrideActivity b = test_run (1700500000);

  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  model = stride_journal_model_new (store);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  item = get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (stride_journal_item_get_id (item), ==, a.id);
  g_clear_object (&item);

  g_assert_false (stride_store_poll_external_change (store));
  g_assert_true (stride_store_add_activity (other, &b, NULL, 0, NULL, 0, NULL, 0, &error));
  add_pain (other, test_julian (2020, 1, 1), "hip", STRIDE_SIDE_RIGHT, 1);
  g_assert_true (stride_store_poll_external_change (store));

  stride_journal_model_reload (model);
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  item = get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (stride_journal_item_get_id (item), ==, b.id);
  g_clear_object (&item);
  item = get_item (G_LIST_MODEL (model), 2);
  g_assert_cmpint (stride_journal_item_get_kind (item), ==, STRIDE_JOURNAL_KIND_PAIN);
  g_assert_cmpstr (stride_journal_item_get_detail (item), ==, "hip:right");
}

static void
test_empty (TestDir       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autoptr(StrideJournalModel) model = stride_journal_model_new (store);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 0));
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/store/journal-model/order-and-details", test_order_and_details);
  ADD ("/store/journal-model/same-time-order", test_same_time_order);
  ADD ("/store/journal-model/lazy", test_lazy);
  ADD ("/store/journal-model/reload-after-external-write", test_reload_after_external_write);
  ADD ("/store/journal-model/empty", test_empty);

#undef ADD

  return g_test_run ();
}
