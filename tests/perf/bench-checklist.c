/* bench-checklist.c — the weekly injury-risk checklist on a 10-year journal.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints DESIGN.md's benchmark lines:
 *   bench: checklist-load  reading the risk journal of 10 years vs 1 month
 *                          (stride_store_load_risk_journal), ms
 *   bench: checklist       evaluating the 520 weeks of 10 years, per week,
 *                          vs evaluating only the last week, µs
 * Never passes or fails on a time; ratios come from the same run, each
 * figure is the median of ROUNDS rounds.
 *
 * Both checklist figures start from a fresh journal (loaded again before
 * each round, outside the timing), so both pay for whatever the journal
 * computes once and caches (its per-day arrays): the baseline is what the
 * risk page pays to show this week right after opening the journal, the
 * value what each week costs when the history shows all 520 of them. A
 * journal that re-read its whole history for every week would give a ratio
 * near 1 at best; caching that works gives a ratio well below 1. Goal:
 * no week of the history costs more than 1.5 times this week alone.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "stride-demo-writer.h"
#include "stride-risk.h"
#include "stride-store.h"

#define ROUNDS   5
#define N_WEEKS  520

/* Reading is linear in the rows at best; 10 years hold about 122 times
 * the days of 1 month (3653 / 30). */
#define LOAD_GOAL "122"
#define CHECKLIST_GOAL "1.5"

static guint32
today_julian (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);

  return g_date_get_julian (date);
}

static StrideStore *
generate (const char *dir,
          const char *name,
          guint       years)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  StrideStore *store;
  gint64 start = g_get_monotonic_time ();

  store = stride_store_open (path, &error);
  if (store == NULL || !stride_demo_write (store, years, today_julian (), &error))
    g_error ("%s", error->message);
  g_printerr ("checklist: generated %u year(s) of demo journal in %.1f s\n", years,
              (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  return store;
}

/* A 1-month journal: the 1-year demo without what is older than 30 days
 * (as in bench-startup.c). */
static void
keep_last_month (const char *path)
{
  static const char *const statements[] = {
    "DELETE FROM activity WHERE start_utc < (SELECT max(start_utc) FROM activity) - 30 * 86400",
    "DELETE FROM measurement WHERE date < date((SELECT max(date) FROM measurement), '-30 days')",
    "DELETE FROM pain_entry WHERE date < date((SELECT max(date) FROM pain_entry), '-30 days')",
    "VACUUM",
  };
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if (sqlite3_exec (db, statements[i], NULL, NULL, NULL) != SQLITE_OK)
      g_error ("%s: %s", statements[i], sqlite3_errmsg (db));
  sqlite3_close (db);
}

static StrideRiskJournal *
load (StrideStore *store,
      double      *ms)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  StrideRiskJournal *journal = stride_store_load_risk_journal (store, &error);

  if (journal == NULL)
    g_error ("%s", error->message);
  if (ms != NULL)
    *ms = (g_get_monotonic_time () - start) / 1000.0;

  return journal;
}

/* Evaluates @n_weeks weeks ending with the one of @last_monday and
 * returns the time per week in µs. */
static double
evaluate_weeks (StrideRiskJournal          *journal,
                guint32                     last_monday,
                guint                       n_weeks,
                const StrideRiskThresholds *thresholds,
                guint                      *n_flagged)
{
  guint32 today = today_julian ();
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  for (guint i = 0; i < n_weeks; i++)
    {
      guint32 monday = last_monday - 7 * (n_weeks - 1 - i);
      GArray *checks = stride_risk_evaluate_week (journal, monday, today, thresholds,
                                                  STRIDE_UNITS_METRIC);

      /* Use the result, so that nothing can be skipped. */
      if (stride_risk_checks_worst (checks, FALSE) >= STRIDE_RISK_CAUTION)
        (*n_flagged)++;
      g_array_unref (checks);
    }
  elapsed = g_get_monotonic_time () - start;

  return elapsed / (double) n_weeks;
}

/* The journals and their -wal, -shm files. */
static void
remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static void
print_bench (const char *name,
             double      value,
             const char *unit,
             double      baseline,
             const char *goal)
{
  g_print ("bench: %s value=%.3f unit=%s baseline=%.3f ratio=%.3f goal=%s\n",
           name, value, unit, baseline, baseline > 0 ? value / baseline : 0, goal);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *month_path = NULL;
  g_autoptr(StrideStore) ten = NULL;
  g_autoptr(StrideStore) month = NULL;
  g_autoptr(GError) error = NULL;
  StrideRiskThresholds thresholds;
  double load_ten[ROUNDS];
  double load_month[ROUNDS];
  double all_weeks[ROUNDS];
  double last_week[ROUNDS];
  double warm_week[ROUNDS];
  guint32 last_monday = stride_iso_week_monday (today_julian ());
  guint n_flagged = 0;
  guint n_last_flagged = 0;

  dir = g_dir_make_tmp ("stride-bench-XXXXXX", &error);
  g_assert_no_error (error);

  ten = generate (dir, "ten.db", 10);
  {
    g_autoptr(StrideStore) one = generate (dir, "month.db", 1);
  }
  month_path = g_build_filename (dir, "month.db", NULL);
  keep_last_month (month_path);
  month = stride_store_open (month_path, &error);
  g_assert_no_error (error);

  /* Reading: one warm-up each (statement cache, page cache), then
   * alternate so drift hits both alike. */
  stride_risk_journal_free (load (ten, NULL));
  stride_risk_journal_free (load (month, NULL));
  for (guint i = 0; i < ROUNDS; i++)
    {
      stride_risk_journal_free (load (month, &load_month[i]));
      stride_risk_journal_free (load (ten, &load_ten[i]));
    }
  print_bench ("checklist-load", median (load_ten, ROUNDS), "ms", median (load_month, ROUNDS),
               LOAD_GOAL);

  /* Evaluating: a fresh journal for every timing (see the top). */
  stride_risk_thresholds_init (&thresholds);
  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(StrideRiskJournal) for_all = load (ten, NULL);
      g_autoptr(StrideRiskJournal) for_last = load (ten, NULL);

      n_flagged = 0;
      all_weeks[i] = evaluate_weeks (for_all, last_monday, N_WEEKS, &thresholds, &n_flagged);
      last_week[i] = evaluate_weeks (for_last, last_monday, 1, &thresholds, &n_last_flagged);
      /* For the record: the same week again, on the journal it warmed. */
      warm_week[i] = evaluate_weeks (for_last, last_monday, 1, &thresholds, &n_last_flagged);
    }

  g_printerr ("checklist: %u of %u weeks with a caution or warning; the last week again on a "
              "warm journal: %.1f us\n", n_flagged, N_WEEKS, median (warm_week, ROUNDS));
  print_bench ("checklist", median (all_weeks, ROUNDS), "us", median (last_week, ROUNDS),
               CHECKLIST_GOAL);

  g_clear_object (&ten);
  g_clear_object (&month);
  remove_dir (dir);

  return 0;
}
