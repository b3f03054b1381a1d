/* stride-store-charts.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-store"

#include "config.h"

#include "stride-store.h"
#include "stride-store-private.h"

/* Chart data (issue 6): runs, day sums and week volumes, each one query
 * over the activity_start_utc index.
 *
 * Local dates come from STRIDE_SQL_LOCAL_DAY, the same expression as the
 * journal's week headers, so a chart and the journal never put an
 * activity on different days. A range of local days [from, to] holds
 * activities starting (UTC) within [from − 18 h, to + 1 day + 18 h), the
 * widest offsets the schema allows (tz_offset_s BETWEEN -64800 AND 64800):
 * that range is what the index reads, the local day then picks the rows.
 * Bindings of both queries: ?1, ?2 first and last local day. */
#define MAX_TZ_OFFSET "64800"
#define IN_LOCAL_DAYS(first, last) \
  "start_utc >= (" first " - " STRIDE_SQL_EPOCH_JULIAN ") * 86400 - " MAX_TZ_OFFSET \
  " AND start_utc < (" last " + 1 - " STRIDE_SQL_EPOCH_JULIAN ") * 86400 + " MAX_TZ_OFFSET

/* Runs */

/* Columns: start_utc, tz_offset_s, run_type, distance_m, duration_s, id. */
static void
read_run_summary (sqlite3_stmt *stmt,
                  gpointer      row)
{
  StrideRunSummary *run = row;

  run->start_utc = sqlite3_column_int64 (stmt, 0);
  run->tz_offset_s = sqlite3_column_int (stmt, 1);
  if (!stride_run_type_from_id ((const char *) sqlite3_column_text (stmt, 2), &run->run_type))
    run->run_type = STRIDE_RUN_TYPE_NONE;
  run->distance_m = sqlite3_column_double (stmt, 3);
  run->duration_s = sqlite3_column_double (stmt, 4);
  run->id = sqlite3_column_int64 (stmt, 5);
}

GArray *
stride_store_list_runs (StrideStore  *self,
                        gint64        from_utc,
                        gint64        to_utc,
                        GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _stride_store_prepare (self,
                                "SELECT start_utc, tz_offset_s, run_type, distance_m, duration_s,"
                                " id FROM activity"
                                " WHERE start_utc >= ?1 AND start_utc < ?2 AND sport = 'run'"
                                " AND distance_m > 0 AND duration_s > 0"
                                " ORDER BY start_utc, id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);

  return _stride_store_read_rows (self, stmt, sizeof (StrideRunSummary), NULL,
                                  read_run_summary, error);
}

/* Days */

/* Load of every activity of the day through stride_session_load() (the
 * SQL function of the store, also behind the journal's week sums);
 * distance of runs only, duration of strength sessions only. */
static const char list_days_sql[] =
  "SELECT day, total (stride_session_load (sport, run_type, rpe, duration_s)),"
  "       MAX (stride_session_load_estimated (sport, run_type, rpe, duration_s)),"
  "       total (CASE WHEN sport = 'run' THEN distance_m END),"
  "       total (CASE WHEN sport = 'strength' THEN duration_s END)"
  "  FROM (SELECT " STRIDE_SQL_LOCAL_DAY ("") " AS day, sport, run_type, rpe, duration_s,"
  "               distance_m"
  "          FROM activity WHERE " IN_LOCAL_DAYS ("?1", "?2") ")"
  " WHERE day BETWEEN ?1 AND ?2"
  " GROUP BY day ORDER BY day";

/* Columns: day, load, estimated, run distance, strength duration. */
static void
read_day_summary (sqlite3_stmt *stmt,
                  gpointer      row)
{
  StrideDaySummary *day = row;

  day->date = (guint32) sqlite3_column_int64 (stmt, 0);
  day->load = sqlite3_column_double (stmt, 1);
  day->load_estimated = sqlite3_column_int (stmt, 2) != 0;
  day->run_distance_m = sqlite3_column_double (stmt, 3);
  day->strength_s = sqlite3_column_double (stmt, 4);
}

/* Empty (not an error) when @from is after @to. */
GArray *
stride_store_list_days (StrideStore  *self,
                        guint32       from,
                        guint32       to,
                        GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (g_date_valid_julian (from), NULL);
  g_return_val_if_fail (g_date_valid_julian (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (from > to)
    return g_array_new (FALSE, TRUE, sizeof (StrideDaySummary));

  stmt = _stride_store_prepare (self, list_days_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);

  return _stride_store_read_rows (self, stmt, sizeof (StrideDaySummary), NULL,
                                  read_day_summary, error);
}

/* Weeks */

/* ?1, ?2 the first days of the first and the last week, ?3 the first day
 * of the week (GDateWeekday). Every week of the range comes from the
 * recursive CTE, so weeks without anything read as 0.
 *
 * Planned volume: plan entries dated in the week, of kind 'run' (their
 * target distance) or 'strength' (their target duration), whatever their
 * status except 'skipped': a skipped entry is a plan given up, while
 * 'planned', 'done' and 'moved' still say what the week was meant to
 * hold. Entries without a target count as 0. */
static const char list_weeks_sql[] =
  "WITH RECURSIVE"
  " week (start) AS (SELECT ?1 UNION ALL SELECT start + 7 FROM week WHERE start < ?2),"
  " done (start, run_distance_m, strength_s) AS"
  "  (SELECT " STRIDE_SQL_WEEK_OF ("day", "?3") ","
  "          total (CASE WHEN sport = 'run' THEN distance_m END),"
  "          total (CASE WHEN sport = 'strength' THEN duration_s END)"
  "     FROM (SELECT " STRIDE_SQL_LOCAL_DAY ("") " AS day, sport, distance_m, duration_s"
  "             FROM activity WHERE " IN_LOCAL_DAYS ("?1", "?2 + 6") ")"
  "    WHERE day BETWEEN ?1 AND ?2 + 6"
  "    GROUP BY 1),"
  " planned (start, distance_m, strength_s) AS"
  "  (SELECT " STRIDE_SQL_WEEK_OF (STRIDE_SQL_DATE_DAY ("date"), "?3") ","
  "          total (CASE WHEN kind = 'run' THEN target_distance_m END),"
  "          total (CASE WHEN kind = 'strength' THEN target_duration_s END)"
  "     FROM plan_entry"
  "    WHERE date BETWEEN " STRIDE_SQL_DAY_DATE ("?1") " AND " STRIDE_SQL_DAY_DATE ("?2 + 6")
  "      AND status <> 'skipped'"
  "    GROUP BY 1)"
  " SELECT w.start, coalesce (d.run_distance_m, 0), coalesce (d.strength_s, 0),"
  "        coalesce (p.distance_m, 0), coalesce (p.strength_s, 0)"
  "   FROM week w"
  "   LEFT JOIN done d ON d.start = w.start"
  "   LEFT JOIN planned p ON p.start = w.start"
  "  ORDER BY w.start";

/* The Julian day of the first of the month @day (an expression) is in,
 * and of the first of the next month. */
#define MONTH_OF(day) \
  "(unixepoch (" STRIDE_SQL_DAY_DATE (day) ", 'start of month') / 86400 + " \
  STRIDE_SQL_EPOCH_JULIAN ")"
#define NEXT_MONTH(day) \
  "(unixepoch (" STRIDE_SQL_DAY_DATE (day) ", 'start of month', '+1 month') / 86400 + " \
  STRIDE_SQL_EPOCH_JULIAN ")"

/* As list_weeks_sql per calendar month: ?1 the first day of the first
 * month, ?2 the first day of the last month, ?3 the last day of the last
 * month. */
static const char list_months_sql[] =
  "WITH RECURSIVE"
  " month (start) AS (SELECT ?1 UNION ALL SELECT " NEXT_MONTH ("start")
  "                   FROM month WHERE start < ?2),"
  " done (start, run_distance_m, strength_s) AS"
  "  (SELECT " MONTH_OF ("day") ","
  "          total (CASE WHEN sport = 'run' THEN distance_m END),"
  "          total (CASE WHEN sport = 'strength' THEN duration_s END)"
  "     FROM (SELECT " STRIDE_SQL_LOCAL_DAY ("") " AS day, sport, distance_m, duration_s"
  "             FROM activity WHERE " IN_LOCAL_DAYS ("?1", "?3") ")"
  "    WHERE day BETWEEN ?1 AND ?3"
  "    GROUP BY 1),"
  " planned (start, distance_m, strength_s) AS"
  "  (SELECT " MONTH_OF (STRIDE_SQL_DATE_DAY ("date")) ","
  "          total (CASE WHEN kind = 'run' THEN target_distance_m END),"
  "          total (CASE WHEN kind = 'strength' THEN target_duration_s END)"
  "     FROM plan_entry"
  "    WHERE date BETWEEN " STRIDE_SQL_DAY_DATE ("?1") " AND " STRIDE_SQL_DAY_DATE ("?3")
  "      AND status <> 'skipped'"
  "    GROUP BY 1)"
  " SELECT m.start, coalesce (d.run_distance_m, 0), coalesce (d.strength_s, 0),"
  "        coalesce (p.distance_m, 0), coalesce (p.strength_s, 0)"
  "   FROM month m"
  "   LEFT JOIN done d ON d.start = m.start"
  "   LEFT JOIN planned p ON p.start = m.start"
  "  ORDER BY m.start";

/* Columns: period start, run distance, strength duration, planned
 * distance, planned strength duration. */
static void
read_volume (sqlite3_stmt *stmt,
                  gpointer      row)
{
  StrideVolume *week = row;

  week->start = (guint32) sqlite3_column_int64 (stmt, 0);
  week->run_distance_m = sqlite3_column_double (stmt, 1);
  week->strength_s = sqlite3_column_double (stmt, 2);
  week->planned_distance_m = sqlite3_column_double (stmt, 3);
  week->planned_strength_s = sqlite3_column_double (stmt, 4);
}

/* Empty (not an error) when @from is after @to. The week holding @from
 * may start before day 1 of the calendar only in year 1; such a range
 * starts with the first whole week instead. */
GArray *
stride_store_list_weeks (StrideStore   *self,
                         guint32        from,
                         guint32        to,
                         GDateWeekday   first_weekday,
                         GError       **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  guint32 first, last;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (g_date_valid_julian (from), NULL);
  g_return_val_if_fail (g_date_valid_julian (to), NULL);
  g_return_val_if_fail (first_weekday == G_DATE_MONDAY || first_weekday == G_DATE_SUNDAY, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  first = stride_julian_week_start (from, first_weekday);
  last = stride_julian_week_start (to, first_weekday);
  if (!g_date_valid_julian (first))
    first += 7;
  if (from > to || first > last)
    return g_array_new (FALSE, TRUE, sizeof (StrideVolume));

  stmt = _stride_store_prepare (self, list_weeks_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  sqlite3_bind_int (stmt, 3, first_weekday);

  return _stride_store_read_rows (self, stmt, sizeof (StrideVolume), NULL,
                                  read_volume, error);
}

/* Empty (not an error) when @from is after @to. */
GArray *
stride_store_list_months (StrideStore  *self,
                          guint32       from,
                          guint32       to,
                          GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  g_autoptr(GDate) after_last = NULL;
  guint32 last;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (g_date_valid_julian (from), NULL);
  g_return_val_if_fail (g_date_valid_julian (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (from > to)
    return g_array_new (FALSE, TRUE, sizeof (StrideVolume));

  last = stride_julian_month_start (to);
  after_last = g_date_new_julian (last);
  g_date_add_months (after_last, 1);

  stmt = _stride_store_prepare (self, list_months_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, stride_julian_month_start (from));
  sqlite3_bind_int64 (stmt, 2, last);
  sqlite3_bind_int64 (stmt, 3, g_date_get_julian (after_last) - 1);

  return _stride_store_read_rows (self, stmt, sizeof (StrideVolume), NULL,
                                  read_volume, error);
}
