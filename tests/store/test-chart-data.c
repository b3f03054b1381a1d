/* test-chart-data.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-chart-data"

#include "config.h"

#include <string.h>

#include "store-test-util.h"
#include "stride-balance.h"
#include "stride-chart-data.h"
#include "stride-chart-private.h"
#include "stride-demo-writer.h"
#include "stride-metrics.h"

/* With non-fatal assertions a test goes on after a failure: stop it
 * before it reads past the end of an array. */
#define assert_len(array, n) \
  G_STMT_START \
    { \
      g_assert_nonnull (array); \
      if ((array) == NULL) \
        return; \
      g_assert_cmpuint ((array)->len, ==, (n)); \
      if ((array)->len != (n)) \
        return; \
    } \
  G_STMT_END

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
add_activity (StrideStore   *store,
              StrideSport    sport,
              StrideRunType  run_type,
              gint64         start_utc,
              gint           tz_offset_s,
              double         duration_s,
              double         distance_m,
              gint           rpe)
{
  g_autoptr(GError) error = NULL;
  StrideActivity a = { 0 };

  a.sport = sport;
  a.run_type = run_type;
  a.start_utc = start_utc;
  a.tz_offset_s = tz_offset_s;
  a.duration_s = duration_s;
  a.distance_m = distance_m;
  a.rpe = rpe;
  g_assert_true (stride_store_add_activity (store, &a, NULL, 0, NULL, 0, NULL, 0, &error));
  g_assert_no_error (error);

  return a.id;
}

static gint64
add_run (StrideStore *store,
         gint64       start_utc,
         gint         tz_offset_s,
         double       distance_m)
{
  return add_activity (store, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, start_utc, tz_offset_s,
                       distance_m * 0.36, distance_m, 5);
}

static void
add_plan (StrideStore      *store,
          guint32           date,
          StridePlanKind    kind,
          double            distance_m,
          double            duration_s,
          StridePlanStatus  status)
{
  g_autoptr(GError) error = NULL;
  StridePlanEntry p = { 0 };

  p.date = date;
  p.kind = kind;
  p.run_type = kind == STRIDE_PLAN_KIND_RUN ? STRIDE_RUN_TYPE_EASY : STRIDE_RUN_TYPE_NONE;
  p.target_distance_m = distance_m;
  p.target_duration_s = duration_s;
  p.status = status;
  g_assert_true (stride_store_add_plan_entry (store, &p, &error));
  g_assert_no_error (error);
}

static double
session_load (StrideSport   sport,
              StrideRunType run_type,
              gint          rpe,
              double        duration_s,
              gboolean     *estimated)
{
  return stride_session_load (sport, run_type, rpe, duration_s, estimated);
}

/* Runs */

static void
test_runs_filter (TestDir       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from = utc (2026, 3, 1, 0, 0);
  gint64 to = utc (2026, 4, 1, 0, 0);
  gint64 late, first, tempo;
  const StrideRunSummary *r;

  /* Inserted out of order */
  late = add_run (store, to - 1, -18000, 8000);
  first = add_run (store, from, 3600, 5000);
  tempo = add_activity (store, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_TEMPO, from + 86400, 7200,
                        2400, 9000, 7);
  /* Left out: at @to, before @from, no distance, no duration, not a run */
  add_run (store, to, 0, 5000);
  add_run (store, from - 1, 0, 5000);
  add_activity (store, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, from + 3600, 0, 1800, 0, 5);
  add_activity (store, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, from + 7200, 0, 0, 3000, 5);
  add_activity (store, STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, from + 100, 0, 2700, 0, 6);
  add_activity (store, STRIDE_SPORT_WALK, STRIDE_RUN_TYPE_NONE, from + 200, 0, 2700, 4000, 2);

  runs = stride_store_list_runs (store, from, to, &error);
  g_assert_no_error (error);
  assert_len (runs, 3);

  r = &g_array_index (runs, StrideRunSummary, 0);
  g_assert_cmpint (r->id, ==, first);
  g_assert_cmpint (r->start_utc, ==, from);
  g_assert_cmpint (r->tz_offset_s, ==, 3600);
  g_assert_cmpint (r->run_type, ==, STRIDE_RUN_TYPE_EASY);
  g_assert_cmpfloat (r->distance_m, ==, 5000);
  g_assert_cmpfloat (r->duration_s, ==, 1800);

  r = &g_array_index (runs, StrideRunSummary, 1);
  g_assert_cmpint (r->id, ==, tempo);
  g_assert_cmpint (r->run_type, ==, STRIDE_RUN_TYPE_TEMPO);
  g_assert_cmpfloat (r->duration_s, ==, 2400);

  r = &g_array_index (runs, StrideRunSummary, 2);
  g_assert_cmpint (r->id, ==, late);
  g_assert_cmpint (r->tz_offset_s, ==, -18000);

  /* Empty range, and nothing in range */
  g_clear_pointer (&runs, g_array_unref);
  runs = stride_store_list_runs (store, from, from, &error);
  g_assert_no_error (error);
  assert_len (runs, 0);
  g_clear_pointer (&runs, g_array_unref);
  runs = stride_store_list_runs (store, utc (2020, 1, 1, 0, 0), utc (2021, 1, 1, 0, 0), &error);
  g_assert_no_error (error);
  assert_len (runs, 0);
}

/* Days */

static const StrideDaySummary *
find_day (GArray  *days,
          guint32  date)
{
  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, StrideDaySummary, i).date == date)
      return &g_array_index (days, StrideDaySummary, i);

  return NULL;
}

static void
test_days_load (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  const StrideDaySummary *d;
  gboolean estimated = FALSE;
  double easy_default;

  /* 10 March: run RPE 6 × 50 min = 300, strength RPE 7 × 45 min = 315 */
  add_activity (store, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_TEMPO, utc (2026, 3, 10, 6, 0), 3600,
                3000, 10000, 6);
  add_activity (store, STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, utc (2026, 3, 10, 17, 0),
                3600, 2700, 0, 7);
  /* 11 March: a run without RPE (estimated) and a ride, whose distance
   * is not run distance */
  add_activity (store, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, utc (2026, 3, 11, 6, 0), 3600,
                1800, 5000, 0);
  add_activity (store, STRIDE_SPORT_CYCLING, STRIDE_RUN_TYPE_NONE, utc (2026, 3, 11, 16, 0),
                3600, 3600, 30000, 4);
  easy_default = session_load (STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, 0, 1800, &estimated);
  g_assert_true (estimated);
  g_assert_cmpfloat (easy_default, >, 0);

  days = stride_store_list_days (store, test_julian (2026, 3, 1), test_julian (2026, 3, 31),
                                 &error);
  g_assert_no_error (error);
  assert_len (days, 2);

  d = &g_array_index (days, StrideDaySummary, 0);
  g_assert_cmpuint (d->date, ==, test_julian (2026, 3, 10));
  g_assert_cmpfloat_with_epsilon (d->load, 615, 1e-9);
  g_assert_false (d->load_estimated);
  g_assert_cmpfloat (d->run_distance_m, ==, 10000);
  g_assert_cmpfloat (d->strength_s, ==, 2700);

  d = &g_array_index (days, StrideDaySummary, 1);
  g_assert_cmpuint (d->date, ==, test_julian (2026, 3, 11));
  g_assert_cmpfloat_with_epsilon (d->load, easy_default + 4 * 60, 1e-9);
  g_assert_true (d->load_estimated);
  g_assert_cmpfloat (d->run_distance_m, ==, 5000);
  g_assert_cmpfloat (d->strength_s, ==, 0);

  /* A strength session without RPE is estimated too */
  add_activity (store, STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, utc (2026, 3, 20, 17, 0),
                0, 1200, 0, 0);
  g_clear_pointer (&days, g_array_unref);
  days = stride_store_list_days (store, test_julian (2026, 3, 20), test_julian (2026, 3, 20),
                                 &error);
  g_assert_no_error (error);
  assert_len (days, 1);
  d = &g_array_index (days, StrideDaySummary, 0);
  g_assert_true (d->load_estimated);
  g_assert_cmpfloat_with_epsilon (d->load,
                                  session_load (STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, 0,
                                                1200, NULL), 1e-9);
  g_assert_cmpfloat (d->strength_s, ==, 1200);

  /* from after to: empty */
  g_clear_pointer (&days, g_array_unref);
  days = stride_store_list_days (store, test_julian (2026, 3, 31), test_julian (2026, 3, 1),
                                 &error);
  g_assert_no_error (error);
  assert_len (days, 0);
}

/* The local day decides, not the UTC one. */
static void
test_days_local_boundary (TestDir       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  const StrideDaySummary *d;

  /* 23:30 local at +2 h on 12 March = 21:30 UTC: 12 March */
  add_run (store, utc (2026, 3, 12, 21, 30), 7200, 1000);
  /* 00:30 local at +2 h on 14 March = 22:30 UTC on the 13th: 14 March */
  add_run (store, utc (2026, 3, 13, 22, 30), 7200, 2000);
  /* 20:00 local at −5 h on 14 March = 01:00 UTC on the 15th: 14 March */
  add_run (store, utc (2026, 3, 15, 1, 0), -18000, 4000);
  /* The widest offsets: +18 h and −18 h */
  add_run (store, utc (2026, 3, 15, 6, 0), 64800, 8000);          /* 16 March, 00:00 */
  add_run (store, utc (2026, 3, 18, 17, 59), -64800, 16000);      /* 17 March, 23:59 */
  /* Before 1970: 31 December 1969, 23:00 local */
  add_run (store, utc (1970, 1, 1, 1, 0), -7200, 32000);

  days = stride_store_list_days (store, test_julian (2026, 3, 12), test_julian (2026, 3, 12),
                                 &error);
  g_assert_no_error (error);
  assert_len (days, 1);
  d = &g_array_index (days, StrideDaySummary, 0);
  g_assert_cmpuint (d->date, ==, test_julian (2026, 3, 12));
  g_assert_cmpfloat (d->run_distance_m, ==, 1000);

  /* Nothing happened on 13 March, local time */
  g_clear_pointer (&days, g_array_unref);
  days = stride_store_list_days (store, test_julian (2026, 3, 13), test_julian (2026, 3, 13),
                                 &error);
  g_assert_no_error (error);
  assert_len (days, 0);

  g_clear_pointer (&days, g_array_unref);
  days = stride_store_list_days (store, test_julian (2026, 3, 1), test_julian (2026, 3, 31),
                                 &error);
  g_assert_no_error (error);
  assert_len (days, 4);
  g_assert_null (find_day (days, test_julian (2026, 3, 13)));
  g_assert_null (find_day (days, test_julian (2026, 3, 15)));
  g_assert_null (find_day (days, test_julian (2026, 3, 18)));
  d = find_day (days, test_julian (2026, 3, 14));
  g_assert_nonnull (d);
  g_assert_cmpfloat (d ? d->run_distance_m : 0, ==, 6000);
  d = find_day (days, test_julian (2026, 3, 16));
  g_assert_nonnull (d);
  g_assert_cmpfloat (d ? d->run_distance_m : 0, ==, 8000);
  d = find_day (days, test_julian (2026, 3, 17));
  g_assert_nonnull (d);
  g_assert_cmpfloat (d ? d->run_distance_m : 0, ==, 16000);
  for (guint i = 1; i < days->len; i++)
    g_assert_cmpuint (g_array_index (days, StrideDaySummary, i - 1).date, <,
                      g_array_index (days, StrideDaySummary, i).date);

  g_clear_pointer (&days, g_array_unref);
  days = stride_store_list_days (store, test_julian (1969, 12, 31), test_julian (1970, 1, 1),
                                 &error);
  g_assert_no_error (error);
  assert_len (days, 1);
  d = &g_array_index (days, StrideDaySummary, 0);
  g_assert_cmpuint (d->date, ==, test_julian (1969, 12, 31));
  g_assert_cmpfloat (d->run_distance_m, ==, 32000);
}

/* Weeks */

static void
assert_week (GArray       *weeks,
             guint         index,
             guint32       week_start,
             double        run_distance_m,
             double        strength_s,
             double        planned_distance_m,
             double        planned_strength_s)
{
  const StrideVolume *w;

  g_assert_cmpuint (index, <, weeks->len);
  if (index >= weeks->len)
    return;

  w = &g_array_index (weeks, StrideVolume, index);
  g_assert_cmpuint (w->start, ==, week_start);
  g_assert_cmpfloat (w->run_distance_m, ==, run_distance_m);
  g_assert_cmpfloat (w->strength_s, ==, strength_s);
  g_assert_cmpfloat (w->planned_distance_m, ==, planned_distance_m);
  g_assert_cmpfloat (w->planned_strength_s, ==, planned_strength_s);
}

static void
assert_consecutive_weeks (GArray       *weeks,
                          GDateWeekday  first_weekday)
{
  for (guint i = 0; i < weeks->len; i++)
    {
      guint32 start = g_array_index (weeks, StrideVolume, i).start;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, start);
      g_assert_cmpint (g_date_get_weekday (&date), ==, first_weekday);
      if (i > 0)
        g_assert_cmpuint (start, ==, g_array_index (weeks, StrideVolume, i - 1).start + 7);
    }
}

/* March 2026: the 1st is a Sunday, the 2nd a Monday. */
static void
test_weeks (TestDir       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GError) error = NULL;
  guint32 from = test_julian (2026, 3, 3);
  guint32 to = test_julian (2026, 3, 25);

  /* Sunday 8 March, 23:30 local at +2 h; Monday 9th; Saturday 14th */
  add_run (store, utc (2026, 3, 8, 21, 30), 7200, 10000);
  add_run (store, utc (2026, 3, 9, 7, 0), 3600, 5000);
  add_activity (store, STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, utc (2026, 3, 14, 9, 0),
                3600, 3600, 0, 6);
  /* A walk's distance is no run distance */
  add_activity (store, STRIDE_SPORT_WALK, STRIDE_RUN_TYPE_NONE, utc (2026, 3, 10, 9, 0), 3600,
                3600, 5000, 2);
  /* Outside the range: the week before */
  add_run (store, utc (2026, 2, 28, 9, 0), 0, 7000);

  add_plan (store, test_julian (2026, 3, 8), STRIDE_PLAN_KIND_RUN, 8000, 0,
            STRIDE_PLAN_STATUS_DONE);
  add_plan (store, test_julian (2026, 3, 10), STRIDE_PLAN_KIND_RUN, 12000, 0,
            STRIDE_PLAN_STATUS_PLANNED);
  add_plan (store, test_julian (2026, 3, 11), STRIDE_PLAN_KIND_RUN, 20000, 0,
            STRIDE_PLAN_STATUS_SKIPPED);
  add_plan (store, test_julian (2026, 3, 12), STRIDE_PLAN_KIND_STRENGTH, 0, 2700,
            STRIDE_PLAN_STATUS_MOVED);
  add_plan (store, test_julian (2026, 3, 13), STRIDE_PLAN_KIND_REST, 0, 0,
            STRIDE_PLAN_STATUS_PLANNED);
  add_plan (store, test_julian (2026, 3, 13), STRIDE_PLAN_KIND_CROSS, 15000, 3600,
            STRIDE_PLAN_STATUS_PLANNED);
  add_plan (store, test_julian (2026, 3, 23), STRIDE_PLAN_KIND_RUN, 6000, 0,
            STRIDE_PLAN_STATUS_PLANNED);
  add_plan (store, test_julian (2026, 3, 30), STRIDE_PLAN_KIND_RUN, 9000, 0,
            STRIDE_PLAN_STATUS_PLANNED);

  weeks = stride_store_list_weeks (store, from, to, G_DATE_MONDAY, &error);
  g_assert_no_error (error);
  assert_len (weeks, 4);
  assert_consecutive_weeks (weeks, G_DATE_MONDAY);
  assert_week (weeks, 0, test_julian (2026, 3, 2), 10000, 0, 8000, 0);
  assert_week (weeks, 1, test_julian (2026, 3, 9), 5000, 3600, 12000, 2700);
  assert_week (weeks, 2, test_julian (2026, 3, 16), 0, 0, 0, 0);
  assert_week (weeks, 3, test_julian (2026, 3, 23), 0, 0, 6000, 0);

  g_clear_pointer (&weeks, g_array_unref);
  weeks = stride_store_list_weeks (store, from, to, G_DATE_SUNDAY, &error);
  g_assert_no_error (error);
  assert_len (weeks, 4);
  assert_consecutive_weeks (weeks, G_DATE_SUNDAY);
  assert_week (weeks, 0, test_julian (2026, 3, 1), 0, 0, 0, 0);
  assert_week (weeks, 1, test_julian (2026, 3, 8), 15000, 3600, 20000, 2700);
  assert_week (weeks, 2, test_julian (2026, 3, 15), 0, 0, 0, 0);
  assert_week (weeks, 3, test_julian (2026, 3, 22), 0, 0, 6000, 0);

  /* One day is one week; a week's first and last day hold it */
  g_clear_pointer (&weeks, g_array_unref);
  weeks = stride_store_list_weeks (store, test_julian (2026, 3, 15), test_julian (2026, 3, 15),
                                   G_DATE_MONDAY, &error);
  g_assert_no_error (error);
  assert_len (weeks, 1);
  assert_week (weeks, 0, test_julian (2026, 3, 9), 5000, 3600, 12000, 2700);
  g_clear_pointer (&weeks, g_array_unref);
  weeks = stride_store_list_weeks (store, test_julian (2026, 3, 8), test_julian (2026, 3, 8),
                                   G_DATE_SUNDAY, &error);
  g_assert_no_error (error);
  assert_len (weeks, 1);
  assert_week (weeks, 0, test_julian (2026, 3, 8), 15000, 3600, 20000, 2700);

  /* A journal-less stretch: all zeros, every week */
  g_clear_pointer (&weeks, g_array_unref);
  weeks = stride_store_list_weeks (store, test_julian (2020, 1, 1), test_julian (2020, 12, 31),
                                   G_DATE_MONDAY, &error);
  g_assert_no_error (error);
  assert_len (weeks, 53);
  assert_consecutive_weeks (weeks, G_DATE_MONDAY);
  for (guint i = 0; i < weeks->len; i++)
    assert_week (weeks, i, g_array_index (weeks, StrideVolume, i).start, 0, 0, 0, 0);

  /* from after to: empty */
  g_clear_pointer (&weeks, g_array_unref);
  weeks = stride_store_list_weeks (store, to, from, G_DATE_MONDAY, &error);
  g_assert_no_error (error);
  assert_len (weeks, 0);
}

static GArray *
list_months (StrideStore *store,
             guint32      from,
             guint32      to)
{
  g_autoptr(GError) error = NULL;
  GArray *months = stride_store_list_months (store, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (months);
  return months;
}

/* Months follow local days: a run at 00:30 on 1 February (local, +2 h) is
 * February's even though it is still January in UTC. */
static void
test_months (TestDir       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;

  add_run (store, utc (2026, 1, 31, 21, 30), 7200, 10000);
  add_run (store, utc (2026, 1, 31, 22, 30), 7200, 5000);
  add_run (store, utc (2026, 2, 28, 9, 0), 0, 8000);
  add_activity (store, STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, utc (2026, 3, 1, 9, 0),
                3600, 3600, 0, 6);
  /* Before the range */
  add_run (store, utc (2025, 12, 31, 9, 0), 0, 7000);

  add_plan (store, test_julian (2026, 2, 1), STRIDE_PLAN_KIND_RUN, 6000, 0,
            STRIDE_PLAN_STATUS_DONE);
  add_plan (store, test_julian (2026, 2, 10), STRIDE_PLAN_KIND_RUN, 20000, 0,
            STRIDE_PLAN_STATUS_SKIPPED);
  add_plan (store, test_julian (2026, 3, 31), STRIDE_PLAN_KIND_STRENGTH, 0, 1800,
            STRIDE_PLAN_STATUS_PLANNED);
  add_plan (store, test_julian (2026, 5, 1), STRIDE_PLAN_KIND_RUN, 9000, 0,
            STRIDE_PLAN_STATUS_PLANNED);

  /* A range from the middle of January to 2 April holds four months */
  months = list_months (store, test_julian (2026, 1, 15), test_julian (2026, 4, 2));
  assert_len (months, 4);
  assert_week (months, 0, test_julian (2026, 1, 1), 10000, 0, 0, 0);
  assert_week (months, 1, test_julian (2026, 2, 1), 13000, 0, 6000, 0);
  assert_week (months, 2, test_julian (2026, 3, 1), 0, 3600, 0, 1800);
  assert_week (months, 3, test_julian (2026, 4, 1), 0, 0, 0, 0);

  /* Across a year end */
  g_clear_pointer (&months, g_array_unref);
  months = list_months (store, test_julian (2025, 12, 31), test_julian (2026, 1, 1));
  assert_len (months, 2);
  assert_week (months, 0, test_julian (2025, 12, 1), 7000, 0, 0, 0);
  assert_week (months, 1, test_julian (2026, 1, 1), 10000, 0, 0, 0);

  /* Ten years, leap years included: 120 months, each starting on the 1st
   * right after the last day of the one before */
  g_clear_pointer (&months, g_array_unref);
  months = list_months (store, test_julian (2017, 1, 1), test_julian (2026, 12, 31));
  assert_len (months, 120);
  for (guint i = 0; i < months->len; i++)
    {
      g_autoptr(GDate) date = g_date_new_julian (g_array_index (months, StrideVolume, i).start);

      g_assert_cmpint (g_date_get_day (date), ==, 1);
      g_assert_cmpint (g_date_get_month (date), ==, i % 12 + 1);
      g_assert_cmpint (g_date_get_year (date), ==, 2017 + i / 12);
    }

  /* from after to: empty */
  g_clear_pointer (&months, g_array_unref);
  months = list_months (store, test_julian (2026, 3, 2), test_julian (2026, 3, 1));
  assert_len (months, 0);
}

/* 31 December 2026 is a Thursday: its Monday week runs 28 December to
 * 3 January, its Sunday week 27 December to 2 January. */
static void
test_weeks_year_end (TestDir       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GError) error = NULL;

  add_run (store, utc (2026, 12, 29, 7, 0), 3600, 8000);
  add_run (store, utc (2027, 1, 2, 9, 0), 3600, 12000);
  /* Sunday 3 January, 00:30 local at +1 h (23:30 UTC on the 2nd) */
  add_run (store, utc (2027, 1, 2, 23, 30), 3600, 3000);
  add_plan (store, test_julian (2027, 1, 1), STRIDE_PLAN_KIND_RUN, 10000, 0,
            STRIDE_PLAN_STATUS_PLANNED);
  add_plan (store, test_julian (2026, 12, 31), STRIDE_PLAN_KIND_STRENGTH, 0, 1800,
            STRIDE_PLAN_STATUS_DONE);

  weeks = stride_store_list_weeks (store, test_julian (2027, 1, 1), test_julian (2027, 1, 1),
                                   G_DATE_MONDAY, &error);
  g_assert_no_error (error);
  assert_len (weeks, 1);
  assert_week (weeks, 0, test_julian (2026, 12, 28), 23000, 0, 10000, 1800);

  g_clear_pointer (&weeks, g_array_unref);
  weeks = stride_store_list_weeks (store, test_julian (2026, 12, 27), test_julian (2027, 1, 3),
                                   G_DATE_SUNDAY, &error);
  g_assert_no_error (error);
  assert_len (weeks, 2);
  assert_consecutive_weeks (weeks, G_DATE_SUNDAY);
  assert_week (weeks, 0, test_julian (2026, 12, 27), 20000, 0, 10000, 1800);
  assert_week (weeks, 1, test_julian (2027, 1, 3), 3000, 0, 0, 0);
}

static void
test_weeks_preconditions (TestDir       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  GArray *weeks;

  g_test_expect_message ("stride-store", G_LOG_LEVEL_CRITICAL, "*first_weekday*");
  weeks = stride_store_list_weeks (store, test_julian (2026, 1, 1), test_julian (2026, 2, 1),
                                   G_DATE_WEDNESDAY, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (weeks);
}

/* Ten years of the demo journal */

typedef struct
{
  int         sport, run_type, rpe, duration, distance, start, tz;
  double      load;
  double      run_distance_m;
  double      strength_s;
  GHashTable *days;
} Totals;

/* Sums the activity table in C, independently of the chart SQL. */
static gboolean
add_up_row (guint               n_columns,
            const char *const  *names,
            const char *const  *values,
            gpointer            user_data)
{
  Totals *t = user_data;
  StrideSport sport;
  StrideRunType run_type;
  double duration_s, distance_m;
  gint rpe;
  gint64 local;

  /* Column positions, found on the first row */
  if (t->sport < 0)
    {
      struct
      {
        const char *name;
        int        *index;
      } columns[] = {
        { "sport", &t->sport }, { "run_type", &t->run_type }, { "rpe", &t->rpe },
        { "duration_s", &t->duration }, { "distance_m", &t->distance },
        { "start_utc", &t->start }, { "tz_offset_s", &t->tz },
      };

      for (guint i = 0; i < n_columns; i++)
        for (guint j = 0; j < G_N_ELEMENTS (columns); j++)
          if (g_str_equal (names[i], columns[j].name))
            *columns[j].index = (int) i;
    }

  g_assert_true (stride_sport_from_id (values[t->sport], &sport));
  g_assert_true (stride_run_type_from_id (values[t->run_type], &run_type));
  duration_s = g_ascii_strtod (values[t->duration], NULL);
  distance_m = g_ascii_strtod (values[t->distance], NULL);

  /* NULL RPE is "unknown", i.e. 0, as in the store's SQL function */
  rpe = values[t->rpe] != NULL ? (gint) g_ascii_strtoll (values[t->rpe], NULL, 10) : 0;
  t->load += stride_session_load (sport, run_type, rpe, duration_s, NULL);
  if (sport == STRIDE_SPORT_RUN)
    t->run_distance_m += distance_m;
  if (sport == STRIDE_SPORT_STRENGTH)
    t->strength_s += duration_s;

  local = g_ascii_strtoll (values[t->start], NULL, 10)
          + g_ascii_strtoll (values[t->tz], NULL, 10);
  g_hash_table_add (t->days, GINT_TO_POINTER ((gint) (719163 + local / 86400
                                                      - (local % 86400 < 0))));

  return TRUE;
}

static void
test_ten_years (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GHashTable) days_seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "journal.db");
  g_autofree char *n_runs = NULL;
  g_autofree char *sum_text = NULL;
  Totals totals = { -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, NULL };
  guint32 today = test_julian (2026, 6, 1);
  guint32 from = today - 11 * 366;
  double load = 0, run_distance_m = 0, strength_s = 0, week_distance_m = 0, week_strength_s = 0;
  double days_ms = G_MAXDOUBLE, weeks_ms = G_MAXDOUBLE, runs_ms = G_MAXDOUBLE;
  gint64 start;

  g_assert_true (stride_demo_write (store, 10, today, &error));
  g_assert_no_error (error);

  totals.days = days_seen;
  g_assert_true (stride_store_foreach_row (store, "activity", add_up_row, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (totals.run_distance_m, >, 10000000);

  /* Best of three: the first call also prepares the statement. */
  for (guint i = 0; i < 3; i++)
    {
      g_clear_pointer (&days, g_array_unref);
      start = g_get_monotonic_time ();
      days = stride_store_list_days (store, from, today, &error);
      days_ms = MIN (days_ms, (g_get_monotonic_time () - start) / 1000.0);
      g_assert_no_error (error);

      g_clear_pointer (&weeks, g_array_unref);
      start = g_get_monotonic_time ();
      weeks = stride_store_list_weeks (store, from, today, G_DATE_MONDAY, &error);
      weeks_ms = MIN (weeks_ms, (g_get_monotonic_time () - start) / 1000.0);
      g_assert_no_error (error);

      g_clear_pointer (&runs, g_array_unref);
      start = g_get_monotonic_time ();
      runs = stride_store_list_runs (store, G_MININT64, G_MAXINT64, &error);
      runs_ms = MIN (runs_ms, (g_get_monotonic_time () - start) / 1000.0);
      g_assert_no_error (error);
    }
  g_assert_nonnull (days);
  g_assert_nonnull (weeks);
  g_assert_nonnull (runs);
  if (days == NULL || weeks == NULL || runs == NULL)
    return;
  g_test_message ("10 years: %u days in %.2f ms, %u weeks in %.2f ms, %u runs in %.2f ms",
                  days->len, days_ms, weeks->len, weeks_ms, runs->len, runs_ms);

  for (guint i = 0; i < days->len; i++)
    {
      const StrideDaySummary *d = &g_array_index (days, StrideDaySummary, i);

      load += d->load;
      run_distance_m += d->run_distance_m;
      strength_s += d->strength_s;
      if (i > 0)
        g_assert_cmpuint (d->date, >, g_array_index (days, StrideDaySummary, i - 1).date);
    }
  for (guint i = 0; i < weeks->len; i++)
    {
      week_distance_m += g_array_index (weeks, StrideVolume, i).run_distance_m;
      week_strength_s += g_array_index (weeks, StrideVolume, i).strength_s;
    }

  g_assert_cmpuint (days->len, ==, g_hash_table_size (totals.days));
  g_assert_cmpfloat_with_epsilon (run_distance_m, totals.run_distance_m, 1e-3);
  g_assert_cmpfloat_with_epsilon (strength_s, totals.strength_s, 1e-3);
  g_assert_cmpfloat_with_epsilon (load, totals.load, 1e-6 * totals.load);
  g_assert_cmpfloat_with_epsilon (week_distance_m, totals.run_distance_m, 1e-3);
  g_assert_cmpfloat_with_epsilon (week_strength_s, totals.strength_s, 1e-3);
  g_assert_cmpuint (weeks->len, >=, (today - from) / 7);
  assert_consecutive_weeks (weeks, G_DATE_MONDAY);

  n_runs = test_raw_query (path, "SELECT COUNT(*) FROM activity"
                                 " WHERE sport = 'run' AND distance_m > 0 AND duration_s > 0");
  g_assert_cmpuint (runs->len, ==, g_ascii_strtoull (n_runs, NULL, 10));
  sum_text = g_strdup_printf ("%.0f", run_distance_m);
  test_assert_query (path, "SELECT CAST(round (SUM(distance_m)) AS INTEGER) FROM activity"
                           " WHERE sport = 'run'",
                     sum_text);

  /* Loose: catches a query that reads the journal once per day. */
  g_assert_cmpfloat (days_ms, <, 500);
  g_assert_cmpfloat (weeks_ms, <, 500);

}

/* Balance charts (issue 7): H:Q and left/right symmetry */

/* Tests six weeks apart from Monday 2 March 2026:
 *   D1 60°/s:  flexion L 60, R 66;   extension L 100, R 110
 *              H:Q 0.60 and 0.60;    LSI 90.9 % and 90.9 %
 *   D2 180°/s: flexion L 49, R 52.5; extension L 70, R 75
 *              H:Q 0.70 and 0.70;    LSI 93.3 % and 93.3 %
 *              split squats L 60 kg, R 50 kg × 5: LSI 83.3 %
 *   D3 60°/s:  flexion L 63, R 63;   extension L 100, R 105
 *              H:Q 0.63 and 0.60;    LSI 100 % and 95.2 %
 *              single-leg hop L 140 cm, R 160 cm: LSI 87.5 %
 *   D4 180°/s: flexion L 50.4, extension L 70 (left only): H:Q 0.72
 * Pain: knee 5/10 on D2 + 1, Achilles 2/10 on D2 + 2, hip 6/10 on
 * D4 + 30; the race "Spring 10k" on D3 + 3. */
#define D1 test_julian (2026, 3, 2)
#define D2 (D1 + 42)
#define D3 (D1 + 84)
#define D4 (D1 + 126)

static void
add_test (StrideStore *store,
          guint32      date,
          const char  *test,
          const char  *method,
          StrideSide   side,
          double       value,
          const char  *unit)
{
  g_autoptr(GError) error = NULL;
  StrideMeasurement m = { 0 };

  m.date = date;
  m.test = (char *) test;
  m.method = (char *) method;
  m.side = side;
  m.value = value;
  m.unit = (char *) unit;
  g_assert_true (stride_store_add_measurement (store, &m, &error));
  g_assert_no_error (error);
}

static void
add_knee_tests (StrideStore *store,
                guint32      date,
                const char  *method,
                double       flexion_left,
                double       flexion_right,
                double       extension_left,
                double       extension_right)
{
  add_test (store, date, STRIDE_TEST_KNEE_FLEXION, method, STRIDE_SIDE_LEFT, flexion_left, "N·m");
  add_test (store, date, STRIDE_TEST_KNEE_EXTENSION, method, STRIDE_SIDE_LEFT, extension_left,
            "N·m");
  if (flexion_right > 0)
    add_test (store, date, STRIDE_TEST_KNEE_FLEXION, method, STRIDE_SIDE_RIGHT, flexion_right,
              "N·m");
  if (extension_right > 0)
    add_test (store, date, STRIDE_TEST_KNEE_EXTENSION, method, STRIDE_SIDE_RIGHT,
              extension_right, "N·m");
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
  pain.side = STRIDE_SIDE_RIGHT;
  pain.severity = severity;
  g_assert_true (stride_store_add_pain_entry (store, &pain, &error));
  g_assert_no_error (error);
}

static void
craft_balance_journal (StrideStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 split_squat = test_exercise_id (store, "split-squat");
  StrideStrengthSet sets[] = {
    { 0, 0, split_squat, STRIDE_SIDE_LEFT, 5, 60, 8, 0 },
    { 0, 0, split_squat, STRIDE_SIDE_RIGHT, 5, 50, 8, 1 },
  };
  StrideActivity session = { 0 };
  StrideRace race = { 0 };

  add_knee_tests (store, D1, STRIDE_METHOD_ISOKINETIC_60, 60, 66, 100, 110);
  add_knee_tests (store, D2, STRIDE_METHOD_ISOKINETIC_180, 49, 52.5, 70, 75);
  add_knee_tests (store, D3, STRIDE_METHOD_ISOKINETIC_60, 63, 63, 100, 105);
  add_knee_tests (store, D4, STRIDE_METHOD_ISOKINETIC_180, 50.4, 0, 70, 0);
  add_test (store, D3, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, STRIDE_SIDE_LEFT, 140, "cm");
  add_test (store, D3, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, STRIDE_SIDE_RIGHT, 160, "cm");

  session.sport = STRIDE_SPORT_STRENGTH;
  session.start_utc = utc (2026, 4, 13, 12, 0);
  session.duration_s = 1800;
  g_assert_cmpuint (test_julian (2026, 4, 13), ==, D2);
  g_assert_true (stride_store_add_activity (store, &session, sets, G_N_ELEMENTS (sets), NULL, 0,
                                            NULL, 0, &error));
  g_assert_no_error (error);

  add_pain (store, D2 + 1, "knee", 5);
  add_pain (store, D2 + 2, "achilles", 2);
  add_pain (store, D4 + 30, "hip", 6);

  race.date = D3 + 3;
  race.name = (char *) "Spring 10k";
  race.distance_m = 10000;
  g_assert_true (stride_store_add_race (store, &race, &error));
  g_assert_no_error (error);
}

static StrideChart *
build_chart (StrideStore     *store,
             StrideChartKind  kind,
             guint32          from,
             guint32          to,
             const char      *lsi_test,
             StrideChartInfo *info)
{
  g_autoptr(GError) error = NULL;
  StrideChartRequest request;
  StrideChart *chart;

  stride_chart_request_init (&request, kind);
  request.from = from;
  request.to = to;
  request.lsi_test = lsi_test;
  request.utc_offset_s = 0;
  chart = stride_chart_data_build (store, &request, info, &error);
  g_assert_no_error (error);
  g_assert_nonnull (chart);

  return chart;
}

static const StrideSeries *
find_series (StrideChart      *chart,
             const char       *name,
             StrideSeriesKind  kind)
{
  for (guint i = 0; i < chart->series->len; i++)
    {
      const StrideSeries *s = g_ptr_array_index (chart->series, i);

      if (s->kind == kind && g_strcmp0 (s->name, name) == 0)
        return s;
    }

  return NULL;
}

/* A line of @name with its points drawn too, at the days and values
 * given (n pairs of day, value). */
static void
assert_line (StrideChart    *chart,
             const char     *name,
             StrideAxisSide  side,
             guint           n,
             ...)
{
  const StrideSeries *line = find_series (chart, name, STRIDE_SERIES_LINE);
  const StrideSeries *dots = find_series (chart, name, STRIDE_SERIES_POINTS);
  va_list args;

  g_test_message ("line %s", name);
  g_assert_nonnull (line);
  g_assert_nonnull (dots);
  if (line == NULL || dots == NULL)
    return;
  g_assert_cmpint (line->side, ==, side);
  g_assert_cmpuint (line->color, ==, dots->color);
  g_assert_cmpuint (line->n_points, ==, n);
  g_assert_cmpuint (dots->n_points, ==, n);
  if (line->n_points != n)
    return;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      guint32 day = va_arg (args, guint32);
      double value = va_arg (args, double);

      g_assert_cmpfloat (line->points[i].x, ==, (double) stride_chart_data_day_start (day, 0));
      g_assert_cmpfloat_with_epsilon (line->points[i].y, value, 1e-6);
    }
  va_end (args);
}

static void
assert_no_nan (StrideChart *chart)
{
  for (guint i = 0; i < chart->series->len; i++)
    {
      const StrideSeries *s = g_ptr_array_index (chart->series, i);

      for (guint j = 0; j < s->n_points; j++)
        {
          g_assert_true (isfinite (s->points[j].x));
          g_assert_true (isfinite (s->points[j].y));
        }
    }
}

static const StrideMarker *
marker_at (StrideChart *chart,
           guint        i)
{
  return g_ptr_array_index (chart->markers, i);
}

/* The three markers in D1 − 1 … D4 + 10, in date order. */
static void
assert_balance_markers (StrideChart *chart)
{
  g_assert_cmpuint (chart->markers->len, ==, 3);
  if (chart->markers->len != 3)
    return;

  g_assert_cmpstr (marker_at (chart, 0)->label, ==, "Pain 5/10 · Knee");
  g_assert_true (marker_at (chart, 0)->warning);
  g_assert_cmpfloat (marker_at (chart, 0)->x, ==, (double) stride_chart_data_day_start (D2 + 1, 0));
  g_assert_cmpstr (marker_at (chart, 1)->label, ==, "Pain 2/10 · Achilles tendon");
  g_assert_false (marker_at (chart, 1)->warning);
  g_assert_cmpstr (marker_at (chart, 2)->label, ==, "Spring 10k");
  g_assert_false (marker_at (chart, 2)->warning);
  g_assert_cmpfloat (marker_at (chart, 2)->x, ==, (double) stride_chart_data_day_start (D3 + 3, 0));
}

static void
test_hq_chart (TestDir       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideChart) chart = NULL;
  StrideChartInfo info;
  const StrideBand *band;

  craft_balance_journal (store);
  chart = build_chart (store, STRIDE_CHART_KIND_HQ, D1 - 1, D4 + 10, NULL, &info);

  g_assert_cmpstr (chart->title, ==, "Hamstring:Quadriceps Ratio");
  g_assert_cmpstr (chart->axes[STRIDE_AXIS_LEFT].label, ==, "H:Q");
  g_assert_null (chart->axes[STRIDE_AXIS_LEFT].unit);
  g_assert_false (chart->axes[STRIDE_AXIS_LEFT].include_zero);

  /* One line per leg and method: 60°/s and 180°/s never share one. */
  g_assert_cmpuint (info.n_series, ==, 4);
  g_assert_cmpuint (info.n_points, ==, 7);
  g_assert_cmpuint (chart->series->len, ==, 8);
  assert_line (chart, "Left · Isokinetic, 60°/s", STRIDE_AXIS_LEFT, 2, D1, 0.60, D3, 0.63);
  assert_line (chart, "Right · Isokinetic, 60°/s", STRIDE_AXIS_LEFT, 2, D1, 0.60, D3, 0.60);
  assert_line (chart, "Left · Isokinetic, 180°/s", STRIDE_AXIS_LEFT, 2, D2, 0.70, D4, 0.72);
  assert_line (chart, "Right · Isokinetic, 180°/s", STRIDE_AXIS_LEFT, 1, D2, 0.70);

  /* The latest test is at 180°/s: its target band, from 0.72 up; the
   * highest ratio is 0.72 too, so the band reaches 0.05 above it. */
  g_assert_cmpuint (chart->bands->len, ==, 1);
  band = g_ptr_array_index (chart->bands, 0);
  g_assert_cmpstr (band->name, ==, "Target (≥ 0.72)");
  g_assert_cmpint (band->side, ==, STRIDE_AXIS_LEFT);
  g_assert_cmpfloat_with_epsilon (band->low, 0.72, 1e-9);
  g_assert_cmpfloat_with_epsilon (band->high, 0.77, 1e-9);

  assert_balance_markers (chart);
  assert_no_nan (chart);
  g_assert_cmpfloat (info.x_from, ==, (double) stride_chart_data_day_start (D1 - 1, 0));
  g_assert_cmpfloat (info.x_to, ==, (double) stride_chart_data_day_start (D4 + 11, 0));
}

/* Only the 60°/s tests in range: their band, 0.61 to 0.66. From 0: the
 * first test, before the first activity. */
static void
test_hq_chart_range (TestDir       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideChart) first = NULL;
  g_autoptr(StrideChart) all = NULL;
  StrideChartInfo info;
  const StrideBand *band;

  craft_balance_journal (store);
  first = build_chart (store, STRIDE_CHART_KIND_HQ, D1, D1, NULL, &info);
  g_assert_cmpuint (info.n_series, ==, 2);
  g_assert_cmpuint (info.n_points, ==, 2);
  g_assert_cmpuint (first->bands->len, ==, 1);
  if (first->bands->len == 1)
    {
      band = g_ptr_array_index (first->bands, 0);
      g_assert_cmpfloat_with_epsilon (band->low, 0.61, 1e-9);
      g_assert_cmpfloat_with_epsilon (band->high, 0.66, 1e-9);
    }
  g_assert_cmpuint (first->markers->len, ==, 0);

  all = build_chart (store, STRIDE_CHART_KIND_HQ, 0, D4 + 10, NULL, &info);
  g_assert_cmpuint (info.n_points, ==, 7);
  g_assert_cmpfloat (info.x_from, ==, (double) stride_chart_data_day_start (D1, 0));
}

static void
test_lsi_chart (TestDir       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideChart) chart = NULL;
  StrideChartInfo info;
  const StrideBand *band;

  craft_balance_journal (store);
  chart = build_chart (store, STRIDE_CHART_KIND_LSI, D1 - 1, D4 + 10, NULL, &info);

  g_assert_cmpstr (chart->title, ==, "Left/Right Symmetry");
  g_assert_cmpstr (chart->axes[STRIDE_AXIS_LEFT].unit, ==, "%");
  g_assert_cmpint (chart->axes[STRIDE_AXIS_LEFT].kind, ==, STRIDE_VALUE_PERCENT);

  /* One line per test and method, the split squats' included; D4 has
   * the left leg only. */
  g_assert_cmpuint (info.n_series, ==, 6);
  g_assert_cmpuint (info.n_points, ==, 8);
  g_assert_cmpuint (chart->series->len, ==, 12);
  assert_line (chart, "Knee flexion · Isokinetic, 60°/s", STRIDE_AXIS_LEFT, 2,
               D1, 6000.0 / 66, D3, 100.0);
  assert_line (chart, "Knee extension · Isokinetic, 60°/s", STRIDE_AXIS_LEFT, 2,
               D1, 10000.0 / 110, D3, 10000.0 / 105);
  assert_line (chart, "Knee flexion · Isokinetic, 180°/s", STRIDE_AXIS_LEFT, 1,
               D2, 4900.0 / 52.5);
  assert_line (chart, "Knee extension · Isokinetic, 180°/s", STRIDE_AXIS_LEFT, 1,
               D2, 7000.0 / 75);
  assert_line (chart, "Single-leg hop · Field test", STRIDE_AXIS_LEFT, 1, D3, 87.5);
  assert_line (chart, "Split squat · Estimated 1RM", STRIDE_AXIS_LEFT, 1, D2, 5000.0 / 60);

  g_assert_cmpuint (chart->bands->len, ==, 1);
  band = g_ptr_array_index (chart->bands, 0);
  g_assert_cmpstr (band->name, ==, "Target (≥ 90 %)");
  g_assert_cmpint (band->side, ==, STRIDE_AXIS_LEFT);
  g_assert_cmpfloat (band->low, ==, 90);
  g_assert_cmpfloat (band->high, ==, 100);

  assert_balance_markers (chart);
  assert_no_nan (chart);
}

/* One test: its left and right values on the left axis, its LSI on the
 * right; a test done by two methods shows its latest method only. */
static void
test_lsi_chart_one_test (TestDir       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  g_autoptr(StrideChart) hop = NULL;
  g_autoptr(StrideChart) flexion = NULL;
  g_autoptr(StrideChart) squat = NULL;
  StrideChartInfo info;
  const StrideBand *band;

  craft_balance_journal (store);
  hop = build_chart (store, STRIDE_CHART_KIND_LSI, D1 - 1, D4 + 10, STRIDE_TEST_HOP, &info);
  g_assert_cmpuint (info.n_series, ==, 3);
  g_assert_cmpuint (info.n_points, ==, 3);
  g_assert_cmpstr (hop->axes[STRIDE_AXIS_LEFT].unit, ==, "cm");
  g_assert_cmpstr (hop->axes[STRIDE_AXIS_RIGHT].unit, ==, "%");
  assert_line (hop, "Left", STRIDE_AXIS_LEFT, 1, D3, 140.0);
  assert_line (hop, "Right", STRIDE_AXIS_LEFT, 1, D3, 160.0);
  assert_line (hop, "Symmetry (LSI)", STRIDE_AXIS_RIGHT, 1, D3, 87.5);
  g_assert_cmpuint (hop->bands->len, ==, 1);
  band = g_ptr_array_index (hop->bands, 0);
  g_assert_cmpint (band->side, ==, STRIDE_AXIS_RIGHT);
  g_assert_cmpfloat (band->low, ==, 90);
  assert_balance_markers (hop);

  /* Knee flexion: 180°/s on D2, then 60°/s on D1 and D3, the latest. */
  flexion = build_chart (store, STRIDE_CHART_KIND_LSI, D1 - 1, D4 + 10, STRIDE_TEST_KNEE_FLEXION,
                         &info);
  g_assert_cmpuint (info.n_series, ==, 3);
  g_assert_cmpuint (info.n_points, ==, 6);
  g_assert_cmpstr (flexion->axes[STRIDE_AXIS_LEFT].unit, ==, "N·m");
  assert_line (flexion, "Left", STRIDE_AXIS_LEFT, 2, D1, 60.0, D3, 63.0);
  assert_line (flexion, "Right", STRIDE_AXIS_LEFT, 2, D1, 66.0, D3, 63.0);
  assert_line (flexion, "Symmetry (LSI)", STRIDE_AXIS_RIGHT, 2, D1, 6000.0 / 66, D3, 100.0);

  squat = build_chart (store, STRIDE_CHART_KIND_LSI, 0, 0,
                       STRIDE_BALANCE_EXERCISE_PREFIX "split-squat", &info);
  g_assert_cmpuint (info.n_series, ==, 3);
  g_assert_cmpstr (squat->axes[STRIDE_AXIS_LEFT].unit, ==, "kg");
  assert_line (squat, "Left", STRIDE_AXIS_LEFT, 1, D2, stride_e1rm (60, 5));
}

/* Nothing in range, or a test never done: the empty text, no series, no
 * band, no NaN, and a chart that still draws. */
static void
test_balance_charts_empty (TestDir       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StrideStore) store = test_open_store (fixture);
  static const struct
  {
    StrideChartKind  kind;
    const char      *lsi_test;
    const char      *empty_text;
  } cases[] = {
    { STRIDE_CHART_KIND_HQ, NULL,
      "No hamstring and quadriceps tests in this range: log a strength test with both to see "
      "the ratio" },
    { STRIDE_CHART_KIND_LSI, NULL, NULL },
    { STRIDE_CHART_KIND_LSI, STRIDE_TEST_HOP, NULL },
    { STRIDE_CHART_KIND_LSI, "never-done", NULL },
  };

  craft_balance_journal (store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StrideChart) chart = NULL;
      g_autoptr(StrideChart) whole = NULL;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
      cairo_t *cr = cairo_create (surface);
      StrideChartStyle style;
      StrideChartInfo info;

      chart = build_chart (store, cases[i].kind, D4 + 40, D4 + 60, cases[i].lsi_test, &info);
      g_assert_cmpuint (info.n_series, ==, 0);
      g_assert_cmpuint (info.n_points, ==, 0);
      g_assert_cmpuint (chart->series->len, ==, 0);
      g_assert_cmpuint (chart->bands->len, ==, 0);
      g_assert_nonnull (chart->empty_text);
      g_assert_cmpuint (strlen (chart->empty_text), >, 20);
      if (cases[i].empty_text != NULL)
        g_assert_cmpstr (chart->empty_text, ==, cases[i].empty_text);

      stride_chart_style_init_light (&style);
      stride_chart_draw (chart, cr, 400, 300, &style);
      stride_chart_style_clear (&style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      /* The test never done stays empty over the whole journal too. */
      whole = build_chart (store, cases[i].kind, 0, 0, cases[i].lsi_test, &info);
      assert_no_nan (whole);
      if (g_strcmp0 (cases[i].lsi_test, "never-done") == 0)
        g_assert_cmpuint (info.n_series, ==, 0);
      else
        g_assert_cmpuint (info.n_series, >, 0);
    }
}

/* The command-line names of every kind but RUN. */
static void
test_kind_ids (void)
{
  const char *const *ids = stride_chart_kind_list_ids ();
  StrideChartKind kind;

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 5);
  g_assert_cmpstr (ids[3], ==, "hq");
  g_assert_cmpstr (ids[4], ==, "lsi");
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_assert_true (stride_chart_kind_from_id (ids[i], &kind));
      g_assert_cmpstr (stride_chart_kind_to_id (kind), ==, ids[i]);
      g_assert_nonnull (stride_chart_kind_get_title (kind));
    }
  g_assert_true (stride_chart_kind_from_id ("hq", &kind));
  g_assert_cmpint (kind, ==, STRIDE_CHART_KIND_HQ);
  g_assert_true (stride_chart_kind_from_id ("lsi", &kind));
  g_assert_cmpint (kind, ==, STRIDE_CHART_KIND_LSI);
  g_assert_false (stride_chart_kind_from_id ("run", &kind));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/store/chart-data/runs/filter", test_runs_filter);
  ADD ("/store/chart-data/days/load", test_days_load);
  ADD ("/store/chart-data/days/local-boundary", test_days_local_boundary);
  ADD ("/store/chart-data/weeks", test_weeks);
  ADD ("/store/chart-data/weeks/year-end", test_weeks_year_end);
  ADD ("/store/chart-data/weeks/preconditions", test_weeks_preconditions);
  ADD ("/store/chart-data/months", test_months);
  ADD ("/store/chart-data/ten-years", test_ten_years);
  ADD ("/store/chart-data/hq", test_hq_chart);
  ADD ("/store/chart-data/hq/range", test_hq_chart_range);
  ADD ("/store/chart-data/lsi", test_lsi_chart);
  ADD ("/store/chart-data/lsi/one-test", test_lsi_chart_one_test);
  ADD ("/store/chart-data/balance-empty", test_balance_charts_empty);
  g_test_add_func ("/store/chart-data/kind-ids", test_kind_ids);

#undef ADD

  return g_test_run ();
}
