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
#include "stride-demo-writer.h"
#include "stride-metrics.h"

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
  g_autoptr(StrideStore) store = test_open_store (fixture);
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
  g_autoptr(StrideStore) store = test_open_store (fixture);
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
  g_autoptr(StrideStore) store = test_open_store (fixture);
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
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideStore) other = test_open_store (fixture);
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

static gint64
add_activity (StrideStore             *store,
              StrideActivity          *a,
              const StrideStrengthSet *sets,
              guint                    n_sets)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (stride_store_add_activity (store, a, sets, n_sets, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);

  return a->id;
}

static guint
n_items (StrideJournalModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* "K:id" per item, kinds as A(ctivity), T(est), P(ain), W(eek; id = its
 * first day as YYYY-MM-DD), for order checks. */
static char *
model_to_string (StrideJournalModel *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_items (model); i++)
    {
      g_autoptr(StrideJournalItem) item = get_item (G_LIST_MODEL (model), i);
      static const char kinds[] = "ATPW";
      StrideJournalKind kind = stride_journal_item_get_kind (item);

      if (i > 0)
        g_string_append_c (s, ' ');
      if (kind == STRIDE_JOURNAL_KIND_WEEK)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, stride_journal_item_get_date (item));
          g_string_append_printf (s, "W:%04d-%02d-%02d", g_date_get_year (&date),
                                  g_date_get_month (&date), g_date_get_day (&date));
        }
      else
        {
          g_string_append_printf (s, "%c:%" G_GINT64_FORMAT, kinds[kind],
                                  stride_journal_item_get_id (item));
        }
    }

  return g_string_free (s, FALSE);
}

#define assert_model(model, ...) \
  G_STMT_START \
    { \
      g_autofree char *got_ = model_to_string (model); \
      g_autofree char *expected_ = g_strdup_printf (__VA_ARGS__); \
      g_assert_cmpstr (got_, ==, expected_); \
    } \
  G_STMT_END

static void
test_dates (TestDir       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  StrideActivity late = test_run (utc (2026, 1, 10, 23, 30));      /* +1 h: Jan 11 */
  StrideActivity west = test_run (utc (2026, 1, 11, 3, 0));        /* −5 h: Jan 10 */
  StrideActivity before_1970 = test_run (-3600);                   /* 1969-12-31 23:00 */
  StrideActivity midnight_1970 = test_run (-86400);                /* 1969-12-31 00:00 */
  StrideActivity after_1970 = test_run (-3600);                    /* +1 h: 1970-01-01 */
  guint32 expected[7];

  late.tz_offset_s = 3600;
  west.tz_offset_s = -5 * 3600;
  before_1970.tz_offset_s = 0;
  midnight_1970.tz_offset_s = 0;
  after_1970.tz_offset_s = 3600;
  after_1970.start_utc = -3599;
  add_activity (store, &late, NULL, 0);
  add_activity (store, &west, NULL, 0);
  add_activity (store, &before_1970, NULL, 0);
  add_activity (store, &midnight_1970, NULL, 0);
  add_activity (store, &after_1970, NULL, 0);
  add_measurement (store, test_julian (2026, 1, 9), STRIDE_TEST_HOP, STRIDE_SIDE_LEFT, 150);
  add_pain (store, test_julian (2026, 1, 8), "knee", STRIDE_SIDE_LEFT, 2);

  model = stride_journal_model_new (store);
  g_assert_cmpuint (n_items (model), ==, 7);
  assert_model (model, "A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT " T:1 P:1 A:%"
                G_GINT64_FORMAT " A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT,
                west.id, late.id, after_1970.id, before_1970.id, midnight_1970.id);

  expected[0] = test_julian (2026, 1, 10);
  expected[1] = test_julian (2026, 1, 11);
  expected[2] = test_julian (2026, 1, 9);
  expected[3] = test_julian (2026, 1, 8);
  expected[4] = test_julian (1970, 1, 1);
  expected[5] = test_julian (1969, 12, 31);
  expected[6] = test_julian (1969, 12, 31);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(StrideJournalItem) item = get_item (G_LIST_MODEL (model), i);

      g_test_message ("item %u", i);
      g_assert_cmpuint (stride_journal_item_get_date (item), ==, expected[i]);
      /* Only week headers carry sums. */
      g_assert_cmpuint (stride_journal_item_get_n_strength (item), ==, 0);
      g_assert_cmpfloat (stride_journal_item_get_load (item), ==, 0);
      g_assert_false (stride_journal_item_get_load_estimated (item));
    }
}

/* The filter data set: ids of what was written. */
typedef struct
{
  gint64 hills;
  gint64 tempo;
  gint64 walk;
  gint64 gym;
  gint64 commute;
  gint64 test_day;
  gint64 achilles;
  gint64 knee;
} FilterData;

static void
add_filter_data (StrideStore *store,
                 FilterData  *data)
{
  g_autoptr(GError) error = NULL;
  StrideShoe shoe = { 0, (char *) "Blue Pegasus", 0, 0, 0, 0 };
  StrideActivity hills = test_run (utc (2026, 2, 2, 7, 0));
  StrideActivity tempo = test_run (utc (2026, 2, 3, 7, 0));
  StrideActivity walk = test_run (utc (2026, 2, 4, 7, 0));
  StrideActivity gym = test_run (utc (2026, 2, 5, 18, 0));
  StrideActivity commute = test_run (utc (2026, 2, 6, 8, 0));
  StrideStrengthSet sets[2] = {
    { 0, 0, test_exercise_id (store, "nordic-curl"), STRIDE_SIDE_BOTH, 6, 0, 8, 0 },
    { 0, 0, test_exercise_id (store, "plank"), STRIDE_SIDE_BOTH, 1, 0, 5, 1 },
  };
  StridePainEntry achilles = { 0, test_julian (2026, 2, 7), (char *) "achilles",
                               STRIDE_SIDE_RIGHT, 3, (char *) "Morning stiffness" };
  StridePainEntry knee = { 0, test_julian (2026, 2, 8), (char *) "knee", STRIDE_SIDE_LEFT, 1,
                           NULL };
  StrideMeasurement m = { 0, test_julian (2026, 2, 1), (char *) STRIDE_TEST_KNEE_FLEXION,
                          (char *) STRIDE_METHOD_ISOKINETIC_60, STRIDE_SIDE_LEFT, 100,
                          (char *) "N·m", (char *) "Isokinetic at the clinic" };

  g_assert_true (stride_store_add_shoe (store, &shoe, &error));
  g_assert_no_error (error);

  hills.title = (char *) "Hill repeats";
  hills.notes = (char *) "100% effort_all 'out'";
  data->hills = add_activity (store, &hills, NULL, 0);
  tempo.title = (char *) "Tempo";
  tempo.run_type = STRIDE_RUN_TYPE_TEMPO;
  tempo.shoe_id = shoe.id;
  data->tempo = add_activity (store, &tempo, NULL, 0);
  walk.sport = STRIDE_SPORT_WALK;
  walk.run_type = STRIDE_RUN_TYPE_NONE;
  walk.title = (char *) "Walk";
  walk.shoe_id = shoe.id;
  data->walk = add_activity (store, &walk, NULL, 0);
  gym.sport = STRIDE_SPORT_STRENGTH;
  gym.run_type = STRIDE_RUN_TYPE_NONE;
  gym.title = (char *) "Gym";
  data->gym = add_activity (store, &gym, sets, G_N_ELEMENTS (sets));
  commute.sport = STRIDE_SPORT_CYCLING;
  commute.run_type = STRIDE_RUN_TYPE_NONE;
  commute.title = (char *) "Commute";
  commute.notes = (char *) "gear\\2 slipped";
  data->commute = add_activity (store, &commute, NULL, 0);

  g_assert_true (stride_store_add_measurement (store, &m, &error));
  data->test_day = m.id;
  g_assert_true (stride_store_add_pain_entry (store, &achilles, &error));
  data->achilles = achilles.id;
  g_assert_true (stride_store_add_pain_entry (store, &knee, &error));
  data->knee = knee.id;
  g_assert_no_error (error);
}

static void
test_filter_kinds (TestDir       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  FilterData d;
  ItemsChanged changed = { 0 };

  add_filter_data (store, &d);
  model = stride_journal_model_new (store);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_assert_cmpuint (n_items (model), ==, 8);

  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_RUNS, STRIDE_RUN_TYPE_NONE, NULL);
  assert_model (model, "A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT, d.tempo, d.hills);
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 8);
  g_assert_cmpuint (changed.added, ==, 2);

  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_STRENGTH, STRIDE_RUN_TYPE_NONE,
                                   NULL);
  assert_model (model, "A:%" G_GINT64_FORMAT, d.gym);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_OTHER, STRIDE_RUN_TYPE_NONE, NULL);
  assert_model (model, "A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT, d.commute, d.walk);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_TESTS, STRIDE_RUN_TYPE_NONE, NULL);
  assert_model (model, "T:%" G_GINT64_FORMAT, d.test_day);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_PAIN, STRIDE_RUN_TYPE_NONE, NULL);
  assert_model (model, "P:%" G_GINT64_FORMAT " P:%" G_GINT64_FORMAT, d.knee, d.achilles);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_RUNS | STRIDE_JOURNAL_SHOW_PAIN,
                                   STRIDE_RUN_TYPE_NONE, NULL);
  assert_model (model, "P:%" G_GINT64_FORMAT " P:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT
                " A:%" G_GINT64_FORMAT, d.knee, d.achilles, d.tempo, d.hills);
  stride_journal_model_set_filter (model, 0, STRIDE_RUN_TYPE_NONE, NULL);
  g_assert_cmpuint (n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 0));

  /* A run type limits the runs only. */
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_TEMPO, NULL);
  g_assert_cmpuint (n_items (model), ==, 7);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_RUNS, STRIDE_RUN_TYPE_TEMPO, NULL);
  assert_model (model, "A:%" G_GINT64_FORMAT, d.tempo);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_RUNS, STRIDE_RUN_TYPE_LONG, NULL);
  g_assert_cmpuint (n_items (model), ==, 0);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_STRENGTH, STRIDE_RUN_TYPE_TEMPO,
                                   NULL);
  assert_model (model, "A:%" G_GINT64_FORMAT, d.gym);

  /* Back to everything, as at the start. */
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE, NULL);
  g_assert_cmpuint (n_items (model), ==, 8);
  {
    g_autoptr(StrideJournalItem) item = get_item (G_LIST_MODEL (model), 2);

    g_assert_cmpint (stride_journal_item_get_id (item), ==, d.commute);
    g_assert_cmpstr (stride_journal_item_get_title (item), ==, "Commute");
  }
}

static void
replace_id (GString    *s,
            const char *name,
            gint64      id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_string_replace (s, name, text, 0);
}

static void
test_filter_search (TestDir       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  g_autoptr(GError) error = NULL;
  FilterData d;
  const struct
  {
    const char *search;
    const char *expected;
  } cases[] = {
    /* Title and notes, any case. */
    { "repeats", "A:hills" },
    { "COMMUTE", "A:commute" },
    /* Exercise names of a strength session. */
    { "Hamstring", "A:gym" },
    { "plank", "A:gym" },
    /* The shoe of a run (not of the walk). */
    { "pegasus", "A:tempo" },
    /* Test ids and notes. */
    { "flexion", "T:test" },
    { "clinic", "T:test" },
    /* Pain location and notes. */
    { "ACHILLES", "P:achilles" },
    { "stiffness", "P:achilles" },
    { "knee", "P:knee T:test" },
    /* LIKE's characters, quotes and the escape character are literal. */
    { "100% effort_", "A:hills" },
    { "%", "A:hills" },
    { "_", "A:hills" },
    { "1_0", "" },
    { "0%e", "" },
    { "'out'", "A:hills" },
    { "r\\2", "A:commute" },
    { "\\", "A:commute" },
    { "\"", "" },
    { "'; DROP TABLE activity; --", "" },
    /* Spaces around are dropped; only spaces is no search. */
    { "  commute ", "A:commute" },
    { "nothing like it", "" },
  };

  add_filter_data (store, &d);
  model = stride_journal_model_new (store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = model_to_string (model);
      GString *expected = g_string_new (cases[i].expected);

      stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE,
                                       cases[i].search);
      g_clear_pointer (&got, g_free);
      got = model_to_string (model);

      replace_id (expected, "hills", d.hills);
      replace_id (expected, "tempo", d.tempo);
      replace_id (expected, "commute", d.commute);
      replace_id (expected, "gym", d.gym);
      replace_id (expected, "test", d.test_day);
      replace_id (expected, "achilles", d.achilles);
      replace_id (expected, "knee", d.knee);
      g_test_message ("search “%s”", cases[i].search);
      g_assert_cmpstr (got, ==, expected->str);
      g_string_free (expected, TRUE);
    }

  /* No search: everything. */
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE, "   ");
  g_assert_cmpuint (n_items (model), ==, 8);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE, "");
  g_assert_cmpuint (n_items (model), ==, 8);

  /* Search and kinds together. */
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_STRENGTH, STRIDE_RUN_TYPE_NONE,
                                   "pegasus");
  g_assert_cmpuint (n_items (model), ==, 0);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_RUNS, STRIDE_RUN_TYPE_EASY,
                                   "e");
  assert_model (model, "A:%" G_GINT64_FORMAT, d.hills);

  /* The search text never reached the SQL text. */
  g_assert_cmpint (stride_store_count_rows (store, "activity", &error), ==, 5);
  g_assert_no_error (error);
}

/* The week data set: two weeks (Monday start) around 2026-01-12, with a
 * run on a Sunday evening far west of UTC that is already Monday in UTC,
 * and a run early on Monday east of UTC that is still Sunday in UTC. The
 * test day and the pain entry are the first of their tables (id 1). */
typedef struct
{
  gint64 run1, strength, ride, run2, run_west, run_b;
} WeekData;

static void
add_week_data (StrideStore *store,
               WeekData    *w)
{
  g_autoptr(GError) error = NULL;
  StrideShoe shoe = { 0, (char *) "Blue Pegasus", 0, 0, 0, 0 };
  StrideActivity run1 = test_run (utc (2026, 1, 6, 7, 0));
  StrideActivity strength = test_run (utc (2026, 1, 8, 18, 0));
  StrideActivity ride = test_run (utc (2026, 1, 10, 10, 0));
  StrideActivity run2 = test_run (utc (2026, 1, 11, 9, 0));
  StrideActivity run_west = test_run (utc (2026, 1, 12, 3, 0));    /* Sun 22:00 at −5 h */
  StrideActivity run_b = test_run (utc (2026, 1, 12, 0, 0));       /* Mon 01:00 at +1 h */
  StrideStrengthSet set = { 0, 0, test_exercise_id (store, "back-squat"), STRIDE_SIDE_BOTH, 5,
                            80, 0, 0 };

  g_assert_true (stride_store_add_shoe (store, &shoe, &error));
  g_assert_no_error (error);

  run1.shoe_id = shoe.id;                 /* easy, RPE 5, 30 min, 5 km */
  w->run1 = add_activity (store, &run1, NULL, 0);
  strength.sport = STRIDE_SPORT_STRENGTH;
  strength.run_type = STRIDE_RUN_TYPE_NONE;
  strength.distance_m = 0;
  strength.duration_s = 1200;
  strength.rpe = 0;                       /* estimated */
  w->strength = add_activity (store, &strength, &set, 1);
  ride.sport = STRIDE_SPORT_CYCLING;
  ride.run_type = STRIDE_RUN_TYPE_NONE;
  ride.distance_m = 20000;                /* no run: no distance in the week */
  ride.duration_s = 3600;
  ride.rpe = 4;
  w->ride = add_activity (store, &ride, NULL, 0);
  run2.run_type = STRIDE_RUN_TYPE_LONG;
  run2.tz_offset_s = 0;
  run2.distance_m = 15000;
  run2.duration_s = 5400;
  run2.rpe = 6;
  w->run2 = add_activity (store, &run2, NULL, 0);
  run_west.tz_offset_s = -5 * 3600;
  run_west.distance_m = 6000;
  run_west.rpe = 0;                       /* estimated */
  w->run_west = add_activity (store, &run_west, NULL, 0);
  run_b.run_type = STRIDE_RUN_TYPE_TEMPO;
  run_b.distance_m = 8000;
  run_b.duration_s = 2400;
  run_b.rpe = 7;
  w->run_b = add_activity (store, &run_b, NULL, 0);

  add_measurement (store, test_julian (2026, 1, 7), STRIDE_TEST_KNEE_FLEXION, STRIDE_SIDE_LEFT,
                   100);
  add_measurement (store, test_julian (2026, 1, 7), STRIDE_TEST_KNEE_FLEXION, STRIDE_SIDE_RIGHT,
                   104);
  add_pain (store, test_julian (2026, 1, 9), "knee", STRIDE_SIDE_LEFT, 3);
}

static void
assert_week (StrideJournalModel *model,
             guint               position,
             guint32             first_day,
             gint                n_entries,
             double              distance_m,
             double              duration_s,
             guint               n_strength,
             double              load,
             gboolean            estimated)
{
  g_autoptr(StrideJournalItem) item = get_item (G_LIST_MODEL (model), position);

  g_test_message ("week header at %u", position);
  g_assert_cmpint (stride_journal_item_get_kind (item), ==, STRIDE_JOURNAL_KIND_WEEK);
  g_assert_cmpuint (stride_journal_item_get_date (item), ==, first_day);
  g_assert_cmpint (stride_journal_item_get_id (item), ==, first_day);
  g_assert_cmpint (stride_journal_item_get_start_utc (item), ==,
                   ((gint64) first_day - test_julian (1970, 1, 1)) * 86400);
  g_assert_cmpint (stride_journal_item_get_count (item), ==, n_entries);
  g_assert_cmpfloat_with_epsilon (stride_journal_item_get_distance_m (item), distance_m, 1e-6);
  g_assert_cmpfloat_with_epsilon (stride_journal_item_get_duration_s (item), duration_s, 1e-6);
  g_assert_cmpuint (stride_journal_item_get_n_strength (item), ==, n_strength);
  g_assert_cmpfloat_with_epsilon (stride_journal_item_get_load (item), load, 1e-6);
  g_assert_cmpint (stride_journal_item_get_load_estimated (item), ==, estimated);
  g_assert_null (stride_journal_item_get_title (item));
  g_assert_null (stride_journal_item_get_detail (item));
}

/* Every entry after a header lies in the header's week. */
static void
assert_weeks_hold_their_entries (StrideJournalModel *model)
{
  guint32 week = 0;
  guint32 previous_week = G_MAXUINT32;
  guint n_headers = 0;
  gint in_week = 0;
  gint expected_in_week = 0;

  for (guint i = 0; i < n_items (model); i++)
    {
      g_autoptr(StrideJournalItem) item = get_item (G_LIST_MODEL (model), i);
      guint32 date = stride_journal_item_get_date (item);

      if (stride_journal_item_get_kind (item) == STRIDE_JOURNAL_KIND_WEEK)
        {
          g_assert_cmpint (in_week, ==, expected_in_week);
          g_assert_cmpuint (date, <, previous_week);
          previous_week = week = date;
          expected_in_week = stride_journal_item_get_count (item);
          in_week = 0;
          n_headers++;
        }
      else
        {
          g_assert_cmpuint (n_headers, >, 0);
          g_assert_cmpuint (date, >=, week);
          g_assert_cmpuint (date, <, week + 7);
          in_week++;
        }
    }
  g_assert_cmpint (in_week, ==, expected_in_week);
}

static double
load_of (StrideSport   sport,
         StrideRunType run_type,
         gint          rpe,
         double        duration_s)
{
  return stride_session_load (sport, run_type, rpe, duration_s, NULL);
}

static void
test_week_headers (TestDir       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  WeekData w;
  ItemsChanged changed = { 0 };
  double strength_load = load_of (STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, 0, 1200);
  double west_load = load_of (STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, 0, 1800);

  add_week_data (store, &w);
  model = stride_journal_model_new (store);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  /* Off by default: in start order, west run first. */
  g_assert_cmpuint (n_items (model), ==, 8);
  assert_model (model, "A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT
                " A:%" G_GINT64_FORMAT " P:1 A:%" G_GINT64_FORMAT " T:1 A:%" G_GINT64_FORMAT,
                w.run_west, w.run_b, w.run2, w.ride, w.strength, w.run1);

  /* Monday: the west run (local Sunday) belongs to the older week. */
  stride_journal_model_set_week_headers (model, TRUE, G_DATE_MONDAY);
  g_assert_cmpuint (changed.n_calls, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 8);
  g_assert_cmpuint (changed.added, ==, 10);
  assert_model (model, "W:2026-01-12 A:%" G_GINT64_FORMAT " W:2026-01-05 A:%" G_GINT64_FORMAT
                " A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT " P:1 A:%" G_GINT64_FORMAT
                " T:1 A:%" G_GINT64_FORMAT,
                w.run_b, w.run_west, w.run2, w.ride, w.strength, w.run1);
  assert_week (model, 0, test_julian (2026, 1, 12), 1, 8000, 2400, 0, 7 * 40.0, FALSE);
  assert_week (model, 2, test_julian (2026, 1, 5), 7,
               5000 + 15000 + 6000,
               1800 + 1200 + 3600 + 5400 + 1800,
               1,
               5 * 30.0 + strength_load + 4 * 60.0 + 6 * 90.0 + west_load,
               TRUE);
  assert_weeks_hold_their_entries (model);
  {
    g_autoptr(StrideJournalItem) item = get_item (G_LIST_MODEL (model), 3);

    g_assert_cmpuint (stride_journal_item_get_date (item), ==, test_julian (2026, 1, 11));
    g_assert_cmpstr (stride_journal_item_get_title (item), ==, NULL);
    g_assert_cmpfloat (stride_journal_item_get_distance_m (item), ==, 6000);
  }

  /* Sunday: both Sunday runs and the Monday run make the newer week,
   * inside it in start order. */
  stride_journal_model_set_week_headers (model, TRUE, G_DATE_SUNDAY);
  assert_model (model, "W:2026-01-11 A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT
                " A:%" G_GINT64_FORMAT " W:2026-01-04 A:%" G_GINT64_FORMAT " P:1 A:%"
                G_GINT64_FORMAT " T:1 A:%" G_GINT64_FORMAT,
                w.run_west, w.run_b, w.run2, w.ride, w.strength, w.run1);
  assert_week (model, 0, test_julian (2026, 1, 11), 3, 8000 + 6000 + 15000, 2400 + 1800 + 5400,
               0, 7 * 40.0 + west_load + 6 * 90.0, TRUE);
  assert_week (model, 4, test_julian (2026, 1, 4), 5, 5000, 1800 + 1200 + 3600, 1,
               5 * 30.0 + strength_load + 4 * 60.0, TRUE);
  assert_weeks_hold_their_entries (model);

  /* The sums follow the filter: a search that finds one run. */
  stride_journal_model_set_week_headers (model, TRUE, G_DATE_MONDAY);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE,
                                   "PEGASUS");
  assert_model (model, "W:2026-01-05 A:%" G_GINT64_FORMAT, w.run1);
  assert_week (model, 0, test_julian (2026, 1, 5), 1, 5000, 1800, 0, 150, FALSE);

  /* Only runs: no strength session, no estimate from it. */
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_RUNS, STRIDE_RUN_TYPE_NONE, NULL);
  g_assert_cmpuint (n_items (model), ==, 6);
  assert_week (model, 2, test_julian (2026, 1, 5), 3, 26000, 1800 + 5400 + 1800, 0,
               150 + 540 + west_load, TRUE);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_RUNS, STRIDE_RUN_TYPE_LONG, NULL);
  assert_model (model, "W:2026-01-05 A:%" G_GINT64_FORMAT, w.run2);
  assert_week (model, 0, test_julian (2026, 1, 5), 1, 15000, 5400, 0, 540, FALSE);

  /* A week of tests and pain only: a header with no sums. */
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_TESTS | STRIDE_JOURNAL_SHOW_PAIN,
                                   STRIDE_RUN_TYPE_NONE, NULL);
  assert_model (model, "W:2026-01-05 P:1 T:1");
  assert_week (model, 0, test_julian (2026, 1, 5), 2, 0, 0, 0, 0, FALSE);

  /* Nothing shown: no header either. */
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE, "zzz");
  g_assert_cmpuint (n_items (model), ==, 0);

  /* Off again: as at the start. */
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE, NULL);
  stride_journal_model_set_week_headers (model, FALSE, G_DATE_MONDAY);
  assert_model (model, "A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT
                " A:%" G_GINT64_FORMAT " P:1 A:%" G_GINT64_FORMAT " T:1 A:%" G_GINT64_FORMAT,
                w.run_west, w.run_b, w.run2, w.ride, w.strength, w.run1);
}

static void
test_week_headers_year_end (TestDir       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  StrideActivity dec30 = test_run (utc (2025, 12, 30, 7, 0));
  StrideActivity jan2 = test_run (utc (2026, 1, 2, 7, 0));
  StrideActivity dec27 = test_run (utc (2025, 12, 27, 7, 0));

  add_activity (store, &dec30, NULL, 0);
  add_activity (store, &jan2, NULL, 0);
  add_activity (store, &dec27, NULL, 0);
  add_pain (store, test_julian (2026, 1, 4), "hip", STRIDE_SIDE_BOTH, 1);

  model = stride_journal_model_new (store);

  /* Monday 2025-12-29 to Sunday 2026-01-04 is one week. */
  stride_journal_model_set_week_headers (model, TRUE, G_DATE_MONDAY);
  assert_model (model, "W:2025-12-29 P:1 A:%" G_GINT64_FORMAT " A:%" G_GINT64_FORMAT
                " W:2025-12-22 A:%" G_GINT64_FORMAT, jan2.id, dec30.id, dec27.id);
  assert_week (model, 0, test_julian (2025, 12, 29), 3, 10000, 3600, 0, 300, FALSE);
  assert_week (model, 4, test_julian (2025, 12, 22), 1, 5000, 1800, 0, 150, FALSE);

  /* Sunday 2025-12-28 to Saturday 2026-01-03; Sunday 2026-01-04 starts
   * the next. */
  stride_journal_model_set_week_headers (model, TRUE, G_DATE_SUNDAY);
  assert_model (model, "W:2026-01-04 P:1 W:2025-12-28 A:%" G_GINT64_FORMAT " A:%"
                G_GINT64_FORMAT " W:2025-12-21 A:%" G_GINT64_FORMAT, jan2.id, dec30.id, dec27.id);
  assert_week (model, 0, test_julian (2026, 1, 4), 1, 0, 0, 0, 0, FALSE);
  assert_week (model, 2, test_julian (2025, 12, 28), 2, 10000, 3600, 0, 300, FALSE);
  assert_weeks_hold_their_entries (model);
}

static void
test_lazy_week_headers (TestDir       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 5000;
  const gint64 first = utc (2012, 1, 2, 12, 0);      /* a Monday */
  guint n_weeks = (n + 6) / 7;

  g_assert_true (stride_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      StrideActivity a = test_run (first + (gint64) i * 86400);

      g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
    }
  g_assert_true (stride_store_commit (store, &error));
  g_assert_no_error (error);

  model = stride_journal_model_new (store);
  stride_journal_model_set_week_headers (model, TRUE, G_DATE_MONDAY);
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE, "run");
  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE, NULL);
  g_assert_cmpuint (n_items (model), ==, n + n_weeks);
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, 0);

  /* Item 0 (the newest week's header) reads one page. */
  {
    g_autoptr(StrideJournalItem) header = get_item (G_LIST_MODEL (model), 0);
    g_autoptr(StrideJournalItem) newest = get_item (G_LIST_MODEL (model), 1);
    guint in_last_week = n - (n_weeks - 1) * 7;

    g_assert_cmpint (stride_journal_item_get_kind (header), ==, STRIDE_JOURNAL_KIND_WEEK);
    g_assert_cmpint (stride_journal_item_get_count (header), ==, in_last_week);
    g_assert_cmpfloat (stride_journal_item_get_distance_m (header), ==, in_last_week * 5000.0);
    g_assert_cmpint (stride_journal_item_get_start_utc (newest), ==,
                     first + (gint64) (n - 1) * 86400);
  }
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, 1);

  for (guint i = 2; i < STRIDE_JOURNAL_PAGE_SIZE; i++)
    g_object_unref (get_item (G_LIST_MODEL (model), i));
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, 1);

  /* The last item is the oldest run, after a header for its week. */
  {
    g_autoptr(StrideJournalItem) last = get_item (G_LIST_MODEL (model), n + n_weeks - 1);
    g_autoptr(StrideJournalItem) header = get_item (G_LIST_MODEL (model), n + n_weeks - 8);

    g_assert_cmpint (stride_journal_item_get_start_utc (last), ==, first);
    g_assert_cmpint (stride_journal_item_get_kind (header), ==, STRIDE_JOURNAL_KIND_WEEK);
    g_assert_cmpuint (stride_journal_item_get_date (header), ==, test_julian (2012, 1, 2));
    g_assert_cmpint (stride_journal_item_get_count (header), ==, 7);
    g_assert_cmpfloat (stride_journal_item_get_load (header), ==, 7 * 150.0);
  }
  g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, 2);
}

/* A 10-year journal from the demo generator: the model stays lazy with
 * headers and a search, and every week header sums its own entries. The
 * times are logged for comparison; the limits only catch a query that
 * reads the journal once per row. */
static void
test_ten_years (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideJournalModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const struct
  {
    gboolean    headers;
    const char *search;
  } cases[] = {
    { FALSE, NULL },
    { TRUE, NULL },
    { FALSE, "squat" },
    { TRUE, "squat" },
    { TRUE, "carbon" },
  };
  gint64 start;
  double count_ms, page_ms;
  guint fetched;

  g_assert_true (stride_demo_write (store, 10, test_julian (2026, 6, 1), &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  model = stride_journal_model_new (store);
  count_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (n_items (model), >, 3000);
  g_test_message ("open: %u items, count %.2f ms", n_items (model), count_ms);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StrideJournalItem) item = NULL;

      stride_journal_model_set_week_headers (model, cases[i].headers, G_DATE_MONDAY);
      start = g_get_monotonic_time ();
      stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE,
                                       cases[i].search);
      count_ms = (g_get_monotonic_time () - start) / 1000.0;
      fetched = _stride_journal_model_get_pages_fetched (model);

      start = g_get_monotonic_time ();
      item = get_item (G_LIST_MODEL (model), 0);
      page_ms = (g_get_monotonic_time () - start) / 1000.0;

      g_test_message ("headers %d, search “%s”: %u items, count %.2f ms, first page %.2f ms",
                      cases[i].headers, cases[i].search ? cases[i].search : "",
                      n_items (model), count_ms, page_ms);
      g_assert_cmpuint (_stride_journal_model_get_pages_fetched (model), ==, fetched + 1);
      g_assert_cmpint (stride_journal_item_get_kind (item), ==,
                       cases[i].headers ? STRIDE_JOURNAL_KIND_WEEK : STRIDE_JOURNAL_KIND_ACTIVITY);
      g_assert_cmpfloat (count_ms, <, 1000);
      g_assert_cmpfloat (page_ms, <, 1000);
    }

  stride_journal_model_set_filter (model, STRIDE_JOURNAL_SHOW_ALL, STRIDE_RUN_TYPE_NONE, NULL);
  stride_journal_model_set_week_headers (model, TRUE, G_DATE_SUNDAY);
  assert_weeks_hold_their_entries (model);
}

static void
test_empty (TestDir       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
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
  ADD ("/store/journal-model/dates", test_dates);
  ADD ("/store/journal-model/filter-kinds", test_filter_kinds);
  ADD ("/store/journal-model/filter-search", test_filter_search);
  ADD ("/store/journal-model/week-headers", test_week_headers);
  ADD ("/store/journal-model/week-headers-year-end", test_week_headers_year_end);
  ADD ("/store/journal-model/lazy-week-headers", test_lazy_week_headers);
  ADD ("/store/journal-model/ten-years", test_ten_years);

#undef ADD

  return g_test_run ();
}
