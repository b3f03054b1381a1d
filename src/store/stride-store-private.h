/* stride-store-private.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "stride-store.h"

G_BEGIN_DECLS

/* One step of the schema history: brings a database from version - 1 to
 * @version, with @sql, or with @apply when SQL alone is not enough. Steps
 * run inside the migration transaction; they must not commit. */
typedef gboolean (*StrideMigrationFunc) (sqlite3  *db,
                                         GError  **error);

typedef struct
{
  int                  version;
  const char          *sql;
  StrideMigrationFunc  apply;
} StrideMigration;

/* The migrations of this build, ending at STRIDE_STORE_SCHEMA_VERSION. */
const StrideMigration *_stride_store_get_migrations        (guint              *n_migrations);

/* Like stride_store_open(), with another schema history (for tests). The
 * last step's version is the version this store writes. */
StrideStore           *_stride_store_open_with_migrations  (const char         *path,
                                                            const StrideMigration *migrations,
                                                            guint               n_migrations,
                                                            GError            **error);

/* SQL shared by the journal model and the chart data. Dates are Julian
 * days as in GDate: 719163 is 1970-01-01, so an activity's local date is
 * 719163 + floor ((start_utc + tz_offset_s) / 86400) (SQLite's integer
 * division truncates: one day less before 1970). @a is the table prefix
 * of the activity columns ("a." or ""). Day 1, 0001-01-01, was a Monday,
 * so a week starting on weekday @first (a GDateWeekday, 1 = Monday,
 * 7 = Sunday; SQL text such as "?6") starts (day - first) mod 7 days
 * before day. */
#define STRIDE_SQL_EPOCH_JULIAN "719163"
#define STRIDE_SQL_LOCAL_TIME(a) "(" a "start_utc + " a "tz_offset_s)"
#define STRIDE_SQL_LOCAL_DAY(a) \
  "(" STRIDE_SQL_EPOCH_JULIAN " + " STRIDE_SQL_LOCAL_TIME (a) " / 86400" \
  " - (" STRIDE_SQL_LOCAL_TIME (a) " % 86400 < 0))"
/* The Julian day of a 'YYYY-MM-DD' column. */
#define STRIDE_SQL_DATE_DAY(d) "(unixepoch (" d ") / 86400 + " STRIDE_SQL_EPOCH_JULIAN ")"
/* The 'YYYY-MM-DD' text of a Julian day (an expression), to compare
 * with a date column through its index. */
#define STRIDE_SQL_DAY_DATE(day) \
  "date ((" day " - " STRIDE_SQL_EPOCH_JULIAN ") * 86400, 'unixepoch')"
#define STRIDE_SQL_WEEK_OF(day, first) "(" day " - (" day " - " first " + 7) % 7)"

/* Test hooks: limit the file to @max_pages pages to simulate a full disk. */
gint64                 _stride_store_get_page_count        (StrideStore        *self);
gboolean               _stride_store_set_max_page_count    (StrideStore        *self,
                                                            gint64              max_pages,
                                                            GError            **error);

/* For the other files of the store. */
sqlite3               *_stride_store_get_db                (StrideStore        *self);
/* A cached prepared statement, reset and with no bindings. */
sqlite3_stmt          *_stride_store_prepare               (StrideStore        *self,
                                                            const char         *sql,
                                                            GError            **error);
/* Fills the zeroed element @row from the current row of a statement. */
typedef void (*StrideReadRowFunc) (sqlite3_stmt *stmt,
                                   gpointer      row);

/* Reads every row of @stmt (prepared and bound) into a new array of
 * @element_size elements, one per row, each filled by @read_row. */
GArray                *_stride_store_read_rows             (StrideStore        *self,
                                                            sqlite3_stmt       *stmt,
                                                            guint               element_size,
                                                            GDestroyNotify      clear_func,
                                                            StrideReadRowFunc   read_row,
                                                            GError            **error);
void                   _stride_store_set_error             (GError            **error,
                                                            sqlite3            *db,
                                                            int                 rc,
                                                            const char         *context);

/* One write of its own transaction (a savepoint inside begin/commit):
 * READ_ONLY on a read-only journal; rolled back when @func fails. */
typedef gboolean (*StrideWriteFunc) (StrideStore  *self,
                                     gpointer      data,
                                     GError      **error);

gboolean               _stride_store_run_write             (StrideStore        *self,
                                                            StrideWriteFunc     func,
                                                            gpointer            data,
                                                            GError            **error);

/* Schema v1 (stride-store-schema.c) and the exercise library seed
 * (stride-exercise-library.c). */
gboolean               _stride_store_migrate_v1            (sqlite3            *db,
                                                            GError            **error);
gboolean               _stride_exercise_library_seed       (sqlite3            *db,
                                                            GError            **error);
guint                  _stride_exercise_library_get_size   (void);

/* A statement from _stride_store_prepare() that resets itself when it goes
 * out of scope, so no read transaction stays open by accident. */
typedef sqlite3_stmt *StrideCachedStmt;

static inline void
_stride_cached_stmt_reset (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (StrideCachedStmt, _stride_cached_stmt_reset, NULL)

G_END_DECLS
