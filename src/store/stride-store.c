/* stride-store.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "stride-metrics.h"
#include "stride-store.h"
#include "stride-store-private.h"

/* PRAGMA quick_check reads the whole file: ~2 ms per MiB, paid on every
 * start. Above this size a journal gets the cheap header and size checks
 * only (SQLite still reports corruption on the pages it reads), so that a
 * 10-year journal starts as fast as an empty one. */
#define QUICK_CHECK_MAX_BYTES (G_GINT64_CONSTANT (1) * 1024 * 1024)
#define BUSY_TIMEOUT_MS       5000
#define MAX_TZ_OFFSET_S       (18 * 3600)
#define MAX_HEART_RATE        300

struct _StrideStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *read_only_reason;
  /* sqlite3_sql (stmt) → sqlite3_stmt *, prepared once */
  GHashTable *statements;

  int         schema_version;
  gint64      data_version;
  guint       depth;

  guint       read_only : 1;
  /* SQLite rolled the whole transaction back under an open begin(). */
  guint       tx_lost : 1;
};

G_DEFINE_FINAL_TYPE (StrideStore, stride_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (stride-store-error-quark, stride_store_error)

/* The tables of the data model, in dependency order. The SQL is spelled
 * out so a table name never comes from a caller. */
typedef struct
{
  const char *name;
  const char *count_sql;
  const char *select_sql;
} TableInfo;

#define TABLE(name, key) \
  { name, "SELECT COUNT(*) FROM " name, "SELECT * FROM " name " ORDER BY " key }

static const TableInfo tables[] = {
  TABLE ("exercise", "id"),
  TABLE ("shoe", "id"),
  TABLE ("activity", "id"),
  TABLE ("trackpoint", "id"),
  TABLE ("lap", "id"),
  TABLE ("strength_set", "id"),
  TABLE ("measurement", "id"),
  TABLE ("plan_entry", "id"),
  TABLE ("race", "id"),
  TABLE ("pain_entry", "id"),
  TABLE ("checklist", "id"),
  TABLE ("setting", "key"),
};

#undef TABLE

static const char *const table_names[] = {
  "exercise", "shoe", "activity", "trackpoint", "lap", "strength_set", "measurement",
  "plan_entry", "race", "pain_entry", "checklist", "setting", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (table_names) == G_N_ELEMENTS (tables) + 1);

static const StrideMigration migrations[] = {
  { 1, NULL, _stride_store_migrate_v1 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == STRIDE_STORE_SCHEMA_VERSION);

/* Errors */

void
_stride_store_set_error (GError     **error,
                         sqlite3     *db,
                         int          rc,
                         const char  *context)
{
  StrideStoreError code;
  const char *detail;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = STRIDE_STORE_ERROR_FULL;
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = STRIDE_STORE_ERROR_BUSY;
      break;

    case SQLITE_READONLY:
      code = STRIDE_STORE_ERROR_READ_ONLY;
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = STRIDE_STORE_ERROR_NOT_A_DATABASE;
      break;

    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      code = STRIDE_STORE_ERROR_INVALID;
      break;

    default:
      code = STRIDE_STORE_ERROR_IO;
      break;
    }

  /* sqlite3_errmsg() describes the last call on @db; when that call was
   * not the failing one, fall back to the text of the code. */
  if (db != NULL && (sqlite3_extended_errcode (db) & 0xff) == (rc & 0xff))
    detail = sqlite3_errmsg (db);
  else
    detail = sqlite3_errstr (rc);

  g_set_error (error, STRIDE_STORE_ERROR, code, "%s: %s", context, detail);
}

/* Translatable messages print ids with PRId64, which xgettext and gettext
 * understand (G_GINT64_FORMAT would cut the msgid short). */

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_writable (StrideStore  *self,
                GError      **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error_literal (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY,
                       self->read_only_reason != NULL
                       ? self->read_only_reason
                       : _("The journal is open read-only."));
  return FALSE;
}

/* Statements */

sqlite3_stmt *
_stride_store_prepare (StrideStore  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (STRIDE_IS_STORE (self));
  g_assert (sql != NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stride_store_set_error (error, self->db, rc, _("Could not read the journal"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sqlite3_sql (stmt), stmt);

  return stmt;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *context,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  _stride_store_set_error (error, db, rc, context);
  return FALSE;
}

static gboolean
step_done (StrideStore   *self,
           sqlite3_stmt  *stmt,
           const char    *context,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  _stride_store_set_error (error, self->db, rc, context);
  return FALSE;
}

static gboolean check_changed (StrideStore  *self,
                               GError      **error,
                               const char   *not_found_format,
                               ...) G_GNUC_PRINTF (3, 4);

/* After the step of an UPDATE or DELETE of one row by id: NOT_FOUND, with
 * the message @not_found_format, when no row changed. */
static gboolean
check_changed (StrideStore  *self,
               GError      **error,
               const char   *not_found_format,
               ...)
{
  va_list args;

  if (sqlite3_changes (self->db) != 0)
    return TRUE;

  va_start (args, not_found_format);
  g_propagate_error (error, g_error_new_valist (STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND,
                                                not_found_format, args));
  va_end (args);

  return FALSE;
}

/* Runs @sql, "DELETE … WHERE id = ?1", for @id; check_changed() tells
 * whether there was such a row. */
static gboolean
delete_by_id (StrideStore  *self,
              const char   *sql,
              gint64        id,
              const char   *context,
              GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return step_done (self, stmt, context, error);
}

/* Reads the one integer a statement returns. */
static gboolean
query_int64 (sqlite3     *db,
             const char  *sql,
             gint64      *value,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *value = 0;
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    _stride_store_set_error (error, db, rc, _("Could not read the journal"));

  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

/* Transactions: the outermost level is BEGIN IMMEDIATE, so a writer takes
 * the write lock before it reads and two processes never deadlock on a lock
 * upgrade; inner levels are savepoints. */

static gboolean
tx_begin (StrideStore  *self,
          GError      **error)
{
  if (!check_writable (self, error))
    return FALSE;

  if (self->tx_lost)
    {
      g_set_error_literal (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_IO,
                           _("The transaction was already rolled back after an earlier error."));
      return FALSE;
    }

  if (!exec_sql (self->db,
                 self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT stride",
                 _("Could not start writing to the journal"),
                 error))
    return FALSE;

  self->depth++;

  return TRUE;
}

static void
tx_rollback (StrideStore *self)
{
  g_assert (self->depth > 0);

  if (!self->tx_lost && !sqlite3_get_autocommit (self->db))
    {
      if (self->depth == 1)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      else
        sqlite3_exec (self->db, "ROLLBACK TO stride; RELEASE stride", NULL, NULL, NULL);
    }
  else if (self->depth > 1)
    {
      /* Some errors (a full disk, I/O) make SQLite roll back everything;
       * the outer levels have nothing left to commit. */
      self->tx_lost = TRUE;
    }

  self->depth--;
  if (self->depth == 0)
    self->tx_lost = FALSE;
}

static gboolean
tx_commit (StrideStore  *self,
           GError      **error)
{
  g_assert (self->depth > 0);

  if (self->tx_lost)
    {
      tx_rollback (self);
      g_set_error_literal (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_IO,
                           _("The transaction was rolled back after an earlier error."));
      return FALSE;
    }

  if (!exec_sql (self->db,
                 self->depth == 1 ? "COMMIT" : "RELEASE stride",
                 _("Could not save the changes"),
                 error))
    {
      tx_rollback (self);
      return FALSE;
    }

  self->depth--;

  return TRUE;
}

typedef gboolean (*WriteFunc) (StrideStore  *self,
                               gpointer      data,
                               GError      **error);

static gboolean
run_write (StrideStore  *self,
           WriteFunc     func,
           gpointer      data,
           GError      **error)
{
  if (!tx_begin (self, error))
    return FALSE;

  if (!func (self, data, error))
    {
      tx_rollback (self);
      return FALSE;
    }

  return tx_commit (self, error);
}

gboolean
_stride_store_run_write (StrideStore      *self,
                         StrideWriteFunc   func,
                         gpointer          data,
                         GError          **error)
{
  g_assert (STRIDE_IS_STORE (self));
  g_assert (func != NULL);

  return run_write (self, func, data, error);
}

/* The data of the WriteFunc of an add_*() that inserts @record: it sets
 * @id to the new row's id. */
typedef struct
{
  gconstpointer record;
  gint64        id;
} AddRecord;

/* Runs @func to insert @record and gives *@id the new row's id once the
 * write is saved. */
static gboolean
run_add (StrideStore    *self,
         WriteFunc       func,
         gconstpointer   record,
         gint64         *id,
         GError        **error)
{
  AddRecord add = { record, 0 };

  if (!run_write (self, func, &add, error))
    return FALSE;

  *id = add.id;

  return TRUE;
}

/* Values */

static gboolean
is_valid_date (guint32 julian)
{
  GDate date;

  if (!g_date_valid_julian (julian))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_date_get_year (&date) <= 9999;
}

static char *
date_to_string (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date),
                          (guint) g_date_get_day (&date));
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* A 'YYYY-MM-DD' column as a Julian day; 0 for NULL (the schema's CHECK
 * keeps anything else out). */
static guint32
column_date (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  guint year = 0, month = 0, day = 0;
  GDate date;

  if (text == NULL
      || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return g_date_get_julian (&date);
}

static double
double_or_nan (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;

  return sqlite3_column_double (stmt, column);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           guint32       julian)
{
  if (julian == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, date_to_string (julian), -1, g_free);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* 0 means "unknown" in the records and NULL in the database. */
static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  gint64        value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_double_or_null (sqlite3_stmt *stmt,
                     int           index,
                     double        value)
{
  if (value == 0 || isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static void
bind_nan_or_double (sqlite3_stmt *stmt,
                    int           index,
                    double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

/* Validation: a record that breaks a rule fails with INVALID and a
 * sentence the UI can show next to the field. */

static gboolean
check_text (const char  *text,
            gboolean     required,
            const char  *missing_message,
            GError     **error)
{
  if (text == NULL || *text == '\0')
    return required ? set_invalid (error, missing_message) : TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    return set_invalid (error, _("A text holds invalid characters (it is not UTF-8)."));

  return TRUE;
}

static gboolean
check_amount (double       value,
              const char  *message,
              GError     **error)
{
  if (!isfinite (value))
    return set_invalid (error, _("A number is not valid (infinite or not a number)."));

  return value >= 0 ? TRUE : set_invalid (error, message);
}

static gboolean
check_range (gint64       value,
             gint64       min,
             gint64       max,
             const char  *message,
             GError     **error)
{
  return value >= min && value <= max ? TRUE : set_invalid (error, message);
}

static gboolean
check_date (guint32      julian,
            gboolean     required,
            GError     **error)
{
  if (julian == 0 && !required)
    return TRUE;

  if (is_valid_date (julian))
    return TRUE;

  return set_invalid (error, _("The date is not valid."));
}

static gboolean
check_enum (guint        value,
            guint        n_values,
            const char  *message,
            GError     **error)
{
  return value < n_values ? TRUE : set_invalid (error, message);
}

static gboolean
validate_activity (const StrideActivity  *activity,
                   GError               **error)
{
  return check_enum (activity->sport, STRIDE_N_SPORTS, _("Unknown sport."), error)
      && check_enum (activity->run_type, STRIDE_N_RUN_TYPES, _("Unknown run type."), error)
      && check_range (activity->tz_offset_s, -MAX_TZ_OFFSET_S, MAX_TZ_OFFSET_S,
                      _("The time zone offset must be within ±18 hours."), error)
      && check_amount (activity->duration_s, _("The duration can’t be negative."), error)
      && check_amount (activity->moving_s, _("The moving time can’t be negative."), error)
      && check_amount (activity->distance_m, _("The distance can’t be negative."), error)
      && check_amount (activity->elevation_gain_m,
                       _("The elevation gain can’t be negative."), error)
      && check_range (activity->avg_hr, 0, MAX_HEART_RATE,
                      _("The average heart rate must be between 0 and 300 bpm."), error)
      && check_range (activity->rpe, 0, 10, _("The effort (RPE) must be between 0 and 10."), error)
      && check_range (activity->shoe_id, 0, G_MAXINT64, _("The shoe id can’t be negative."), error)
      && check_text (activity->title, FALSE, NULL, error)
      && check_text (activity->notes, FALSE, NULL, error)
      && check_text (activity->source_hash, FALSE, NULL, error);
}

static gboolean
validate_set (const StrideStrengthSet  *set,
              GError                  **error)
{
  if (set->exercise_id <= 0)
    return set_invalid (error, _("The exercise is missing."));

  return check_enum (set->side, STRIDE_N_SIDES,
                     _("Unknown side (expected left, right or both)."), error)
      && check_range (set->reps, 0, G_MAXINT,
                      _("The number of repetitions can’t be negative."), error)
      && check_amount (set->load_kg, _("The load can’t be negative."), error)
      && check_range (set->rpe, 0, 10, _("The effort (RPE) must be between 0 and 10."), error)
      && check_range (set->position, 0, G_MAXINT, _("The set order can’t be negative."), error);
}

static gboolean
validate_sets (const StrideStrengthSet  *sets,
               guint                     n_sets,
               GError                  **error)
{
  for (guint i = 0; i < n_sets; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!validate_set (&sets[i], &local_error))
        {
          g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                       _("Set %u: %s"), i + 1, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
validate_trackpoint (const StrideTrackpoint  *point,
                     GError                 **error)
{
  if (!isfinite (point->time_s))
    return set_invalid (error, _("A track point has no time."));
  if (!isnan (point->lat) && !(point->lat >= -90 && point->lat <= 90))
    return set_invalid (error, _("A track point has a latitude outside −90…90°."));
  if (!isnan (point->lon) && !(point->lon >= -180 && point->lon <= 180))
    return set_invalid (error, _("A track point has a longitude outside −180…180°."));
  if (isinf (point->elevation_m))
    return set_invalid (error, _("A track point has an invalid elevation."));
  if (!isnan (point->distance_m) && !(point->distance_m >= 0 && isfinite (point->distance_m)))
    return set_invalid (error, _("A track point has a negative distance."));
  if (point->hr < 0 || point->cadence < 0)
    return set_invalid (error, _("A track point has a negative heart rate or cadence."));

  return TRUE;
}

static gboolean
validate_lap (const StrideLap  *lap,
              GError          **error)
{
  return check_range (lap->lap_index, 0, G_MAXINT, _("A lap number can’t be negative."), error)
      && check_amount (lap->start_s, _("A lap starts at a negative time."), error)
      && check_amount (lap->duration_s, _("A lap has a negative duration."), error)
      && check_amount (lap->distance_m, _("A lap has a negative distance."), error)
      && check_range (lap->avg_hr, 0, MAX_HEART_RATE,
                      _("A lap’s heart rate must be between 0 and 300 bpm."), error);
}

static gboolean
is_iso_week (const char *text)
{
  int week;

  /* "YYYY-Www" */
  if (text == NULL || strlen (text) != 8)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (text[4] != '-' || text[5] != 'W' || !g_ascii_isdigit (text[6]) || !g_ascii_isdigit (text[7]))
    return FALSE;

  week = (text[6] - '0') * 10 + (text[7] - '0');

  return week >= 1 && week <= 53;
}

/* Opening */

static gboolean
set_not_a_database (GError     **error,
                    const char  *path,
                    const char  *detail)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_A_DATABASE,
               _("“%s” is not a StrideStrong journal, or it is damaged (%s). "
                 "The file was left as it is."),
               display, detail);
  return FALSE;
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *message = NULL;

  message = g_strdup_printf ("%s: %s", display, g_strerror (saved_errno));
  g_set_error (error, STRIDE_STORE_ERROR,
               saved_errno == ENOSPC || saved_errno == EDQUOT
               ? STRIDE_STORE_ERROR_FULL
               : STRIDE_STORE_ERROR_IO,
               "%s (%s)", format, message);
  return FALSE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16)
       | ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* Creates a new, empty file with mode 0600 (and its folder with 0700) so
 * the journal and its -wal/-shm files, which SQLite creates with the mode
 * of the journal, are private. Another process may win the race: then the
 * file just exists. */
static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, _("Could not create the journal folder"), dir);

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      if (errno == EEXIST)
        return TRUE;
      return set_errno_error (error, errno, _("Could not create the journal"), path);
    }

  close (fd);

  return TRUE;
}

/* Looks at an existing file without changing it: the SQLite header, the
 * size the header promises, then through a read-only connection the schema
 * version and (for files of a sensible size) PRAGMA quick_check. */
static gboolean
probe_file (const char  *path,
            gboolean    *out_empty,
            int         *out_version,
            GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal_path = g_strconcat (path, "-journal", NULL);
  guint8 header[100];
  GStatBuf log_st;
  struct stat st;
  gsize n_read = 0;
  guint32 page_size;
  gboolean has_log;
  sqlite3 *db = NULL;
  gint64 version = 0;
  int rc;
  int fd;

  *out_empty = FALSE;
  *out_version = 0;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ENOENT)
        {
          *out_empty = TRUE;
          return TRUE;
        }
      return set_errno_error (error, errno, _("Could not open the journal"), path);
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (error, saved_errno, _("Could not open the journal"), path);
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return set_not_a_database (error, path, _("not a regular file"));
    }

  if (st.st_size == 0)
    {
      close (fd);
      *out_empty = TRUE;
      return TRUE;
    }

  while (n_read < sizeof header)
    {
      gssize r = read (fd, header + n_read, sizeof header - n_read);

      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          int saved_errno = errno;

          close (fd);
          return set_errno_error (error, saved_errno, _("Could not read the journal"), path);
        }
      if (r == 0)
        break;
      n_read += (gsize) r;
    }
  close (fd);

  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    return set_not_a_database (error, path, _("no SQLite database header"));

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return set_not_a_database (error, path, _("invalid page size"));

  /* Without a log to recover from, the file must hold every page the
   * header counts (when that count is valid, see "in-header database
   * size" in the SQLite file format). */
  has_log = (g_stat (wal_path, &log_st) == 0 && log_st.st_size > 0)
            || (g_stat (journal_path, &log_st) == 0 && log_st.st_size > 0);
  if (!has_log)
    {
      guint32 n_pages = read_be32 (header + 28);
      guint32 change_counter = read_be32 (header + 24);
      guint32 valid_for = read_be32 (header + 92);

      if (st.st_size % page_size != 0
          || (n_pages > 0 && change_counter == valid_for
              && (gint64) n_pages * page_size > (gint64) st.st_size))
        return set_not_a_database (error, path, _("the file is truncated"));
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      if (!query_int64 (db, "PRAGMA user_version", &version, NULL))
        rc = sqlite3_extended_errcode (db);
    }

  /* A hot rollback journal, left by a process killed in the middle of a
   * write (creating the journal happens before WAL is on): only a
   * read-write connection may roll it back, which is what SQLite does on
   * its first read. Without that the journal could never be opened again. */
  if (rc == SQLITE_READONLY_ROLLBACK)
    {
      sqlite3_close (db);
      db = NULL;
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
          if (!query_int64 (db, "PRAGMA user_version", &version, NULL))
            rc = sqlite3_extended_errcode (db);
        }
    }

  if (rc == SQLITE_OK && st.st_size <= QUICK_CHECK_MAX_BYTES)
    {
      sqlite3_stmt *stmt = NULL;

      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              const char *result = (const char *) sqlite3_column_text (stmt, 0);

              rc = g_strcmp0 (result, "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
            }
        }
      sqlite3_finalize (stmt);
    }

  if (rc != SQLITE_OK)
    {
      int code = rc & 0xff;
      g_autofree char *detail = g_strdup (db != NULL && sqlite3_errcode (db) == rc
                                          ? sqlite3_errmsg (db)
                                          : sqlite3_errstr (rc));

      sqlite3_close (db);

      if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT || code == SQLITE_FORMAT)
        return set_not_a_database (error, path, detail);

      _stride_store_set_error (error, NULL, rc, _("Could not open the journal"));
      return FALSE;
    }

  sqlite3_close (db);

  if (version < 0 || version > G_MAXINT)
    return set_not_a_database (error, path, _("invalid schema version"));

  *out_version = (int) version;

  return TRUE;
}

static gboolean
backup_database (StrideStore  *self,
                 int           version,
                 GError      **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%d", self->path, version);
  g_autofree char *tmp_path = g_strconcat (backup_path, ".tmp", NULL);
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;
  int fd;

  g_unlink (tmp_path);
  fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, _("Could not back up the journal"), tmp_path);
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup == NULL)
        {
          rc = sqlite3_extended_errcode (dest);
        }
      else
        {
          for (guint attempt = 0; attempt < 50; attempt++)
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                break;
              sqlite3_sleep (100);
            }
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_extended_errcode (dest);
        }
    }

  if (rc != SQLITE_OK)
    {
      _stride_store_set_error (error, dest, rc, _("Could not back up the journal"));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      _stride_store_set_error (error, NULL, rc, _("Could not back up the journal"));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, backup_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      return set_errno_error (error, saved_errno, _("Could not back up the journal"), backup_path);
    }

  g_debug ("Backed up %s (schema %d) to %s", self->path, version, backup_path);

  return TRUE;
}

static gboolean
set_migration_error (StrideStore  *self,
                     int           from,
                     int           to,
                     GError       *cause,
                     GError      **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  if (from > 0)
    g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_MIGRATION,
                 _("Could not upgrade the journal “%s” from schema %d to %d: %s. "
                   "It was left unchanged, and a copy is in “%s.bak-v%d”."),
                 display, from, to, cause->message, display, from);
  else
    g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_MIGRATION,
                 _("Could not set up the journal “%s”: %s"),
                 display, cause->message);

  g_error_free (cause);

  return FALSE;
}

/* Brings the database to the last version of @steps, in one transaction,
 * after an online backup of an existing journal. */
static gboolean
migrate (StrideStore            *self,
         const StrideMigration  *steps,
         guint                   n_steps,
         int                     old_version,
         GError                **error)
{
  int target = steps[n_steps - 1].version;
  g_autofree char *set_version = NULL;
  GError *local_error = NULL;
  gint64 version = 0;

  if (old_version >= target)
    return TRUE;

  if (old_version > 0 && !backup_database (self, old_version, error))
    return FALSE;

  /* Table rebuilds need foreign keys off; they are checked before commit. */
  if (!exec_sql (self->db, "PRAGMA foreign_keys = OFF", _("Could not open the journal"), error))
    return FALSE;

  if (!exec_sql (self->db, "BEGIN IMMEDIATE", _("Could not open the journal"), &local_error))
    goto failed_outside;

  /* Another process may have upgraded the file since we looked. */
  if (!query_int64 (self->db, "PRAGMA user_version", &version, &local_error))
    goto failed;

  for (guint i = 0; i < n_steps; i++)
    {
      const StrideMigration *step = &steps[i];

      if (step->version <= version)
        continue;

      g_debug ("Migrating %s to schema %d", self->path, step->version);

      if (step->sql != NULL
          && !exec_sql (self->db, step->sql, _("Upgrade step failed"), &local_error))
        goto failed;

      if (step->apply != NULL && !step->apply (self->db, &local_error))
        goto failed;
    }

  if (version < target)
    {
      sqlite3_stmt *stmt = NULL;
      gboolean has_rows;

      if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
        {
          _stride_store_set_error (&local_error, self->db, sqlite3_errcode (self->db),
                                   _("Upgrade step failed"));
          goto failed;
        }
      has_rows = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_finalize (stmt);
      if (has_rows)
        {
          g_set_error_literal (&local_error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                               _("the upgrade broke a link between records"));
          goto failed;
        }

      /* PRAGMA takes no parameters; the number is ours, not user data. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", target);
      if (!exec_sql (self->db, set_version, _("Upgrade step failed"), &local_error))
        goto failed;
    }

  if (!exec_sql (self->db, "COMMIT", _("Could not save the upgrade"), &local_error))
    goto failed;

  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  return TRUE;

failed:
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

failed_outside:
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  return set_migration_error (self, old_version, target, local_error, error);
}

/* SQL functions of every connection:
 *   stride_session_load (sport, run_type, rpe, duration_s) → sRPE load
 *   stride_session_load_estimated (…same…) → 1 when a default RPE was used
 * with the ids of the activity table, so that the journal's week sums come
 * from the same stride_session_load() as the charts. */
typedef enum
{
  SESSION_LOAD_VALUE,
  SESSION_LOAD_ESTIMATED,
} SessionLoadResult;

static void
session_load_func (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  SessionLoadResult result = GPOINTER_TO_INT (sqlite3_user_data (context));
  StrideSport sport;
  StrideRunType run_type;
  gboolean estimated = FALSE;
  double load;

  g_assert (argc == 4);

  if (!stride_sport_from_id ((const char *) sqlite3_value_text (argv[0]), &sport))
    sport = STRIDE_SPORT_OTHER;
  if (!stride_run_type_from_id ((const char *) sqlite3_value_text (argv[1]), &run_type))
    run_type = STRIDE_RUN_TYPE_NONE;

  /* NULL RPE is "unknown", i.e. 0. */
  load = stride_session_load (sport, run_type, sqlite3_value_int (argv[2]),
                              sqlite3_value_double (argv[3]), &estimated);

  if (result == SESSION_LOAD_ESTIMATED)
    sqlite3_result_int (context, estimated ? 1 : 0);
  else
    sqlite3_result_double (context, load);
}

static int
register_functions (sqlite3 *db)
{
  static const struct
  {
    const char        *name;
    SessionLoadResult  result;
  } functions[] = {
    { "stride_session_load", SESSION_LOAD_VALUE },
    { "stride_session_load_estimated", SESSION_LOAD_ESTIMATED },
  };
  int rc = SQLITE_OK;

  for (guint i = 0; i < G_N_ELEMENTS (functions) && rc == SQLITE_OK; i++)
    rc = sqlite3_create_function_v2 (db, functions[i].name, 4,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     GINT_TO_POINTER (functions[i].result),
                                     session_load_func, NULL, NULL, NULL);

  return rc;
}

static gboolean
open_connection (StrideStore  *self,
                 int           flags,
                 GError      **error)
{
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
      rc = register_functions (self->db);
    }

  if (rc != SQLITE_OK)
    {
      _stride_store_set_error (error, self->db, rc, _("Could not open the journal"));
      sqlite3_close (self->db);
      self->db = NULL;
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure_connection (StrideStore  *self,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *mode = NULL;
  int rc;

  if (!exec_sql (self->db, "PRAGMA foreign_keys = ON", _("Could not open the journal"), error))
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          mode = (const char *) sqlite3_column_text (stmt, 0);
          if (g_strcmp0 (mode, "wal") != 0)
            g_debug ("%s: journal mode is %s, not WAL", self->path, mode);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    _stride_store_set_error (error, self->db, rc, _("Could not open the journal"));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return FALSE;

  return exec_sql (self->db, "PRAGMA synchronous = NORMAL", _("Could not open the journal"), error);
}

static gboolean
read_data_version (StrideStore *self,
                   gint64      *value)
{
  g_auto(StrideCachedStmt) stmt = _stride_store_prepare (self, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *value = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

/* Leaves @self, of schema @version, open for reading only, for @reason
 * (taken). */
static void
keep_read_only (StrideStore *self,
                int          version,
                char        *reason)
{
  self->read_only = TRUE;
  self->schema_version = version;
  self->read_only_reason = reason;
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  read_data_version (self, &self->data_version);
}

static StrideStore *
open_store_once (const char             *path,
                 const StrideMigration  *steps,
                 guint                   n_steps,
                 GError                **error)
{
  g_autoptr(StrideStore) self = NULL;
  g_autofree char *display = NULL;
  int target = steps[n_steps - 1].version;
  gboolean empty = FALSE;
  int version = 0;

  if (!probe_file (path, &empty, &version, error))
    return NULL;

  if (empty && !create_file (path, error))
    return NULL;

  self = g_object_new (STRIDE_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  display = g_filename_display_name (path);

  if (version > target)
    {
      /* Written by a newer StrideStrong: read it, never change it. */
      if (!open_connection (self, SQLITE_OPEN_READONLY, error))
        return NULL;

      keep_read_only (self, version,
                      g_strdup_printf (_("This journal was written by a newer version of "
                                         "StrideStrong (schema %d) and is open read-only."),
                                       version));

      return g_steal_pointer (&self);
    }

  if (!open_connection (self, SQLITE_OPEN_READWRITE, error))
    return NULL;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      /* SQLite fell back to read-only: the file or its folder can't be
       * written. Readable as long as no upgrade is needed. */
      if (version < target)
        {
          g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_READ_ONLY,
                       _("The journal “%s” needs an upgrade but can’t be written."), display);
          return NULL;
        }

      keep_read_only (self, version,
                      g_strdup_printf (_("The journal “%s” can’t be written (check its "
                                         "permissions) and is open read-only."),
                                       display));

      return g_steal_pointer (&self);
    }

  if (!configure_connection (self, error))
    return NULL;

  if (!migrate (self, steps, n_steps, version, error))
    return NULL;

  self->schema_version = target;
  read_data_version (self, &self->data_version);

  return g_steal_pointer (&self);
}

/* Two processes opening a new journal at the same moment can collide
 * while one switches it to WAL or runs the first migration: SQLite then
 * answers "database is locked" at once, as waiting could deadlock. A
 * moment later the journal is ready, so opening is simply tried again. */
#define OPEN_RETRY_TIMEOUT_US (10 * G_USEC_PER_SEC)

static StrideStore *
open_store (const char             *path,
            const StrideMigration  *steps,
            guint                   n_steps,
            GError                **error)
{
  gint64 deadline = g_get_monotonic_time () + OPEN_RETRY_TIMEOUT_US;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      StrideStore *store = open_store_once (path, steps, n_steps, &local_error);

      if (store != NULL)
        return store;

      if (!g_error_matches (local_error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_BUSY)
          || g_get_monotonic_time () > deadline)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      /* A little jitter, so two waiting processes don't retry in step. */
      g_usleep (10000 + g_random_int_range (0, 40000));
    }
}

/* GObject */

static void
stride_store_finalize (GObject *object)
{
  StrideStore *self = (StrideStore *) object;

  g_assert (STRIDE_IS_STORE (self));

  if (self->depth > 0)
    {
      g_warning ("%s closed inside a transaction; rolling it back", self->path);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }

  /* Statements first: sqlite3_close() refuses while any is alive. */
  g_clear_pointer (&self->statements, g_hash_table_unref);

  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->db));
  self->db = NULL;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (stride_store_parent_class)->finalize (object);
}

static void
stride_store_class_init (StrideStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stride_store_finalize;
}

static void
stride_store_init (StrideStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
}

/* Private API */

const StrideMigration *
_stride_store_get_migrations (guint *n_migrations)
{
  g_return_val_if_fail (n_migrations != NULL, NULL);

  *n_migrations = G_N_ELEMENTS (migrations);

  return migrations;
}

StrideStore *
_stride_store_open_with_migrations (const char             *path,
                                    const StrideMigration  *steps,
                                    guint                   n_steps,
                                    GError                **error)
{
  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (steps != NULL && n_steps > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_steps; i++)
    g_return_val_if_fail (steps[i].version == (int) i + 1, NULL);

  return open_store (path, steps, n_steps, error);
}

sqlite3 *
_stride_store_get_db (StrideStore *self)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);

  return self->db;
}

gint64
_stride_store_get_page_count (StrideStore *self)
{
  gint64 pages = -1;

  g_return_val_if_fail (STRIDE_IS_STORE (self), -1);

  if (!query_int64 (self->db, "PRAGMA page_count", &pages, NULL))
    return -1;

  return pages;
}

gboolean
_stride_store_set_max_page_count (StrideStore  *self,
                                  gint64        max_pages,
                                  GError      **error)
{
  g_autofree char *sql = NULL;
  gint64 result = 0;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (max_pages > 0, FALSE);

  /* PRAGMA takes no parameters; the number comes from a test. */
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, max_pages);

  return query_int64 (self->db, sql, &result, error);
}

/* Public API */

char *
stride_store_resolve_path (const char *explicit_path)
{
  const char *env;

  if (explicit_path != NULL && *explicit_path != '\0')
    return g_strdup (explicit_path);

  env = g_getenv ("STRIDESTRONG_DB");
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "stridestrong", "journal.db", NULL);
}

StrideStore *
stride_store_open (const char  *path,
                   GError     **error)
{
  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, migrations, G_N_ELEMENTS (migrations), error);
}

const char *
stride_store_get_path (StrideStore *self)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);

  return self->path;
}

gboolean
stride_store_is_read_only (StrideStore *self)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), TRUE);

  return self->read_only;
}

const char *
stride_store_get_read_only_reason (StrideStore *self)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);

  return self->read_only_reason;
}

int
stride_store_get_schema_version (StrideStore *self)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), 0);

  return self->schema_version;
}

gboolean
stride_store_poll_external_change (StrideStore *self)
{
  gint64 version;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);

  if (!read_data_version (self, &version) || version == self->data_version)
    return FALSE;

  self->data_version = version;

  return TRUE;
}

gboolean
stride_store_begin (StrideStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tx_begin (self, error);
}

gboolean
stride_store_commit (StrideStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tx_commit (self, error);
}

void
stride_store_rollback (StrideStore *self)
{
  g_return_if_fail (STRIDE_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  tx_rollback (self);
}

/* Activities */

typedef struct
{
  const StrideActivity    *activity;
  const StrideStrengthSet *sets;
  guint                    n_sets;
  const StrideTrackpoint  *points;
  guint                    n_points;
  const StrideLap         *laps;
  guint                    n_laps;
  gint64                   id;
} AddActivity;

/* Binds the columns of the activity row as ?1 … ?14. */
static void
bind_activity (sqlite3_stmt         *stmt,
               const StrideActivity *a)
{
  sqlite3_bind_text (stmt, 1, stride_sport_to_id (a->sport), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, a->start_utc);
  sqlite3_bind_int (stmt, 3, a->tz_offset_s);
  sqlite3_bind_double (stmt, 4, a->duration_s);
  bind_double_or_null (stmt, 5, a->moving_s);
  sqlite3_bind_double (stmt, 6, a->distance_m);
  sqlite3_bind_double (stmt, 7, a->elevation_gain_m);
  bind_int_or_null (stmt, 8, a->avg_hr);
  bind_int_or_null (stmt, 9, a->rpe);
  sqlite3_bind_text (stmt, 10, stride_run_type_to_id (a->run_type), -1, SQLITE_STATIC);
  bind_int_or_null (stmt, 11, a->shoe_id);
  bind_text (stmt, 12, a->title);
  bind_text (stmt, 13, a->notes);
  bind_text (stmt, 14, a->source_hash);
}

/* Writes @sets as the sets of @activity_id, in the caller's transaction. */
static gboolean
insert_sets (StrideStore              *self,
             gint64                    activity_id,
             const StrideStrengthSet  *sets,
             guint                     n_sets,
             const char               *context,
             GError                  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (n_sets == 0)
    return TRUE;

  stmt = _stride_store_prepare (self,
                                "INSERT INTO strength_set (activity_id, exercise_id, side,"
                                " reps, load_kg, rpe, position)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_sets; i++)
    {
      const StrideStrengthSet *set = &sets[i];

      sqlite3_bind_int64 (stmt, 1, activity_id);
      sqlite3_bind_int64 (stmt, 2, set->exercise_id);
      sqlite3_bind_text (stmt, 3, stride_side_to_id (set->side), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, set->reps);
      sqlite3_bind_double (stmt, 5, set->load_kg);
      bind_int_or_null (stmt, 6, set->rpe);
      sqlite3_bind_int (stmt, 7, set->position);

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
            g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                         _("Set %u: exercise %" PRId64 " is not in the library."),
                         i + 1, (int64_t) set->exercise_id);
          else
            _stride_store_set_error (error, self->db, rc, context);
          _stride_cached_stmt_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  _stride_cached_stmt_reset (stmt);

  return TRUE;
}

static gboolean
add_activity_write (StrideStore  *self,
                    gpointer      data,
                    GError      **error)
{
  AddActivity *add = data;
  const StrideActivity *a = add->activity;
  const char *context = _("Could not save the activity");
  sqlite3_stmt *stmt;

  stmt = _stride_store_prepare (self,
                                "INSERT INTO activity (sport, start_utc, tz_offset_s, duration_s,"
                                " moving_s, distance_m, elevation_gain_m, avg_hr, rpe, run_type,"
                                " shoe_id, title, notes, source_hash)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                " ?13, ?14)",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_activity (stmt, a);

  if (!step_done (self, stmt, context, error))
    {
      _stride_cached_stmt_reset (stmt);
      return FALSE;
    }
  _stride_cached_stmt_reset (stmt);

  add->id = sqlite3_last_insert_rowid (self->db);

  if (!insert_sets (self, add->id, add->sets, add->n_sets, context, error))
    return FALSE;

  if (add->n_points > 0)
    {
      stmt = _stride_store_prepare (self,
                                    "INSERT INTO trackpoint (activity_id, time_s, lat, lon,"
                                    " elevation_m, distance_m, hr, cadence)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                    error);
      if (stmt == NULL)
        return FALSE;

      for (guint i = 0; i < add->n_points; i++)
        {
          const StrideTrackpoint *p = &add->points[i];

          sqlite3_bind_int64 (stmt, 1, add->id);
          sqlite3_bind_double (stmt, 2, p->time_s);
          bind_nan_or_double (stmt, 3, p->lat);
          bind_nan_or_double (stmt, 4, p->lon);
          bind_nan_or_double (stmt, 5, p->elevation_m);
          bind_nan_or_double (stmt, 6, p->distance_m);
          bind_int_or_null (stmt, 7, p->hr);
          bind_int_or_null (stmt, 8, p->cadence);

          if (!step_done (self, stmt, context, error))
            {
              _stride_cached_stmt_reset (stmt);
              return FALSE;
            }
          sqlite3_reset (stmt);
        }
      _stride_cached_stmt_reset (stmt);
    }

  if (add->n_laps > 0)
    {
      stmt = _stride_store_prepare (self,
                                    "INSERT INTO lap (activity_id, lap_index, start_s, duration_s,"
                                    " distance_m, avg_hr) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                    error);
      if (stmt == NULL)
        return FALSE;

      for (guint i = 0; i < add->n_laps; i++)
        {
          const StrideLap *lap = &add->laps[i];

          sqlite3_bind_int64 (stmt, 1, add->id);
          sqlite3_bind_int (stmt, 2, lap->lap_index);
          sqlite3_bind_double (stmt, 3, lap->start_s);
          sqlite3_bind_double (stmt, 4, lap->duration_s);
          sqlite3_bind_double (stmt, 5, lap->distance_m);
          bind_int_or_null (stmt, 6, lap->avg_hr);

          if (!step_done (self, stmt, context, error))
            {
              _stride_cached_stmt_reset (stmt);
              return FALSE;
            }
          sqlite3_reset (stmt);
        }
      _stride_cached_stmt_reset (stmt);
    }

  return TRUE;
}

gboolean
stride_store_add_activity (StrideStore             *self,
                           StrideActivity          *activity,
                           const StrideStrengthSet *sets,
                           guint                    n_sets,
                           const StrideTrackpoint  *points,
                           guint                    n_points,
                           const StrideLap         *laps,
                           guint                    n_laps,
                           GError                 **error)
{
  AddActivity add = { activity, sets, n_sets, points, n_points, laps, n_laps, 0 };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (n_sets == 0 || sets != NULL, FALSE);
  g_return_val_if_fail (n_points == 0 || points != NULL, FALSE);
  g_return_val_if_fail (n_laps == 0 || laps != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !validate_activity (activity, error))
    return FALSE;

  if (!validate_sets (sets, n_sets, error))
    return FALSE;

  for (guint i = 0; i < n_points; i++)
    if (!validate_trackpoint (&points[i], error))
      return FALSE;

  for (guint i = 0; i < n_laps; i++)
    if (!validate_lap (&laps[i], error))
      return FALSE;

  if (!run_write (self, add_activity_write, &add, error))
    return FALSE;

  activity->id = add.id;

  return TRUE;
}

static gboolean
delete_activity_write (StrideStore  *self,
                       gpointer      data,
                       GError      **error)
{
  gint64 id = *(gint64 *) data;

  return delete_by_id (self, "DELETE FROM activity WHERE id = ?1", id,
                       _("Could not delete the activity"), error)
      && check_changed (self, error, _("There is no activity %" PRId64 "."), (int64_t) id);
}

gboolean
stride_store_delete_activity (StrideStore  *self,
                              gint64        id,
                              GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_write (self, delete_activity_write, &id, error);
}

typedef struct
{
  const StrideActivity    *activity;
  const StrideStrengthSet *sets;
  guint                    n_sets;
} UpdateActivity;

static gboolean
update_activity_write (StrideStore  *self,
                       gpointer      data,
                       GError      **error)
{
  UpdateActivity *update = data;
  const StrideActivity *a = update->activity;
  const char *context = _("Could not save the activity");
  g_auto(StrideCachedStmt) stmt = NULL;
  g_auto(StrideCachedStmt) delete_stmt = NULL;
  int rc;

  stmt = _stride_store_prepare (self,
                                "UPDATE activity SET sport = ?1, start_utc = ?2, tz_offset_s = ?3,"
                                " duration_s = ?4, moving_s = ?5, distance_m = ?6,"
                                " elevation_gain_m = ?7, avg_hr = ?8, rpe = ?9, run_type = ?10,"
                                " shoe_id = ?11, title = ?12, notes = ?13, source_hash = ?14"
                                " WHERE id = ?15",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_activity (stmt, a);
  sqlite3_bind_int64 (stmt, 15, a->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      /* shoe_id is the row's only link. */
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                   _("Shoe %" PRId64 " is not in the journal."), (int64_t) a->shoe_id);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, self->db, rc, context);
      return FALSE;
    }

  if (!check_changed (self, error, _("There is no activity %" PRId64 "."), (int64_t) a->id))
    return FALSE;

  /* The sets are replaced as a whole: their order and number change with
   * an edit, and nothing else points at a set. */
  delete_stmt = _stride_store_prepare (self, "DELETE FROM strength_set WHERE activity_id = ?1",
                                       error);
  if (delete_stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (delete_stmt, 1, a->id);
  if (!step_done (self, delete_stmt, context, error))
    return FALSE;

  return insert_sets (self, a->id, update->sets, update->n_sets, context, error);
}

gboolean
stride_store_update_activity (StrideStore              *self,
                              const StrideActivity     *activity,
                              const StrideStrengthSet  *sets,
                              guint                     n_sets,
                              GError                  **error)
{
  UpdateActivity update = { activity, sets, n_sets };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (n_sets == 0 || sets != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error)
      || !validate_activity (activity, error)
      || !validate_sets (sets, n_sets, error))
    return FALSE;

  return run_write (self, update_activity_write, &update, error);
}

/* Other records */

static gboolean
add_measurement_write (StrideStore  *self,
                       gpointer      data,
                       GError      **error)
{
  AddRecord *add = data;
  const StrideMeasurement *m = add->record;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self,
                                "INSERT INTO measurement (date, test, method, side, value, unit,"
                                " notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_date (stmt, 1, m->date);
  bind_text (stmt, 2, m->test);
  bind_text (stmt, 3, m->method != NULL && *m->method != '\0' ? m->method : NULL);
  sqlite3_bind_text (stmt, 4, stride_side_to_id (m->side), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 5, m->value);
  bind_text (stmt, 6, m->unit);
  bind_text (stmt, 7, m->notes);

  if (!step_done (self, stmt, _("Could not save the measurement"), error))
    return FALSE;

  add->id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

static gboolean validate_measurement_entry (const StrideMeasurement  *m,
                                            GError                  **error);

gboolean
stride_store_add_measurement (StrideStore        *self,
                              StrideMeasurement  *measurement,
                              GError            **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (measurement != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The same rules as a day replaced from the test form, so that every
   * measurement in a journal can be written back (undo, editing a day). */
  if (!check_writable (self, error) || !validate_measurement_entry (measurement, error))
    return FALSE;

  return run_add (self, add_measurement_write, measurement, &measurement->id, error);
}

static gboolean
validate_pain_entry (const StridePainEntry  *pain,
                     GError                **error)
{
  return check_date (pain->date, TRUE, error)
      && check_text (pain->location, TRUE, _("The body location is missing."), error)
      && check_enum (pain->side, STRIDE_N_SIDES,
                     _("Unknown side (expected left, right or both)."), error)
      && check_range (pain->severity, 0, 10,
                      _("The pain severity must be between 0 and 10."), error)
      && check_text (pain->notes, FALSE, NULL, error);
}

/* Binds the columns of the pain_entry row as ?1 … ?5. */
static void
bind_pain_entry (sqlite3_stmt          *stmt,
                 const StridePainEntry *pain)
{
  bind_date (stmt, 1, pain->date);
  bind_text (stmt, 2, pain->location);
  sqlite3_bind_text (stmt, 3, stride_side_to_id (pain->side), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, pain->severity);
  bind_text (stmt, 5, pain->notes);
}

static gboolean
add_pain_entry_write (StrideStore  *self,
                      gpointer      data,
                      GError      **error)
{
  AddRecord *add = data;
  const StridePainEntry *pain = add->record;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self,
                                "INSERT INTO pain_entry (date, location, side, severity, notes)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_pain_entry (stmt, pain);

  if (!step_done (self, stmt, _("Could not save the pain entry"), error))
    return FALSE;

  add->id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

gboolean
stride_store_add_pain_entry (StrideStore      *self,
                             StridePainEntry  *pain,
                             GError          **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (pain != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !validate_pain_entry (pain, error))
    return FALSE;

  return run_add (self, add_pain_entry_write, pain, &pain->id, error);
}

static gboolean
validate_shoe (const StrideShoe  *shoe,
               GError           **error)
{
  if (!check_text (shoe->name, TRUE, _("The shoe needs a name."), error)
      || !check_date (shoe->start_date, FALSE, error)
      || !check_date (shoe->retired_date, FALSE, error)
      || !check_amount (shoe->limit_km, _("The shoe’s distance limit can’t be negative."), error))
    return FALSE;

  if (shoe->start_date != 0 && shoe->retired_date != 0 && shoe->retired_date < shoe->start_date)
    return set_invalid (error, _("A shoe can’t be retired before it was first used."));

  return TRUE;
}

/* Binds the columns of the shoe row as ?1 … ?4. */
static void
bind_shoe (sqlite3_stmt     *stmt,
           const StrideShoe *shoe)
{
  bind_text (stmt, 1, shoe->name);
  bind_date (stmt, 2, shoe->start_date);
  bind_date (stmt, 3, shoe->retired_date);
  sqlite3_bind_double (stmt, 4, shoe->limit_km);
}

static gboolean
add_shoe_write (StrideStore  *self,
                gpointer      data,
                GError      **error)
{
  AddRecord *add = data;
  const StrideShoe *shoe = add->record;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self,
                                "INSERT INTO shoe (name, start_date, retired_date, limit_km)"
                                " VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_shoe (stmt, shoe);

  if (!step_done (self, stmt, _("Could not save the shoe"), error))
    return FALSE;

  add->id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

gboolean
stride_store_add_shoe (StrideStore  *self,
                       StrideShoe   *shoe,
                       GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (shoe != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !validate_shoe (shoe, error))
    return FALSE;

  return run_add (self, add_shoe_write, shoe, &shoe->id, error);
}

/* Edits of records other than activities */

/* A measurement has every field the Balance page needs: test, method,
 * side, a value above zero and its unit. */
static gboolean
validate_measurement_entry (const StrideMeasurement  *m,
                            GError                  **error)
{
  if (!check_date (m->date, TRUE, error)
      || !check_text (m->test, TRUE, _("The test is missing."), error)
      || !check_text (m->method, TRUE, _("The method is missing."), error)
      || !check_enum (m->side, STRIDE_N_SIDES,
                      _("Unknown side (expected left, right or both)."), error)
      || !check_text (m->unit, TRUE, _("The unit is missing."), error)
      || !check_text (m->notes, FALSE, NULL, error))
    return FALSE;

  if (!(isfinite (m->value) && m->value > 0))
    return set_invalid (error, _("The measured value must be a number above zero."));

  return TRUE;
}

typedef struct
{
  guint32             old_date;
  StrideMeasurement  *measurements;
  guint               n_measurements;
  gint64             *ids;
} ReplaceMeasurements;

static gboolean
replace_measurements_write (StrideStore  *self,
                            gpointer      data,
                            GError      **error)
{
  ReplaceMeasurements *replace = data;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self, "DELETE FROM measurement WHERE date = ?1", error);
  if (stmt == NULL)
    return FALSE;

  bind_date (stmt, 1, replace->old_date);
  if (!step_done (self, stmt, _("Could not save the measurements"), error))
    return FALSE;

  for (guint i = 0; i < replace->n_measurements; i++)
    {
      AddRecord add = { &replace->measurements[i], 0 };

      if (!add_measurement_write (self, &add, error))
        return FALSE;
      replace->ids[i] = add.id;
    }

  return TRUE;
}

gboolean
stride_store_replace_measurements_on (StrideStore        *self,
                                      guint32             old_date,
                                      StrideMeasurement  *measurements,
                                      guint               n_measurements,
                                      GError            **error)
{
  g_autofree gint64 *ids = NULL;
  ReplaceMeasurements replace = { old_date, measurements, n_measurements, NULL };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_measurements == 0 || measurements != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !check_date (old_date, TRUE, error))
    return FALSE;

  for (guint i = 0; i < n_measurements; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!validate_measurement_entry (&measurements[i], &local_error))
        {
          g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                       _("Measurement %u: %s"), i + 1, local_error->message);
          return FALSE;
        }
    }

  /* The ids go to the records only once the whole day is saved. */
  replace.ids = ids = g_new0 (gint64, MAX (n_measurements, 1));
  if (!run_write (self, replace_measurements_write, &replace, error))
    return FALSE;

  for (guint i = 0; i < n_measurements; i++)
    measurements[i].id = ids[i];

  return TRUE;
}

static gboolean
update_pain_entry_write (StrideStore  *self,
                         gpointer      data,
                         GError      **error)
{
  const StridePainEntry *pain = data;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self,
                                "UPDATE pain_entry SET date = ?1, location = ?2, side = ?3,"
                                " severity = ?4, notes = ?5 WHERE id = ?6",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_pain_entry (stmt, pain);
  sqlite3_bind_int64 (stmt, 6, pain->id);

  return step_done (self, stmt, _("Could not save the pain entry"), error)
      && check_changed (self, error, _("There is no pain entry %" PRId64 "."), (int64_t) pain->id);
}

gboolean
stride_store_update_pain_entry (StrideStore            *self,
                                const StridePainEntry  *pain,
                                GError                **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (pain != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !validate_pain_entry (pain, error))
    return FALSE;

  return run_write (self, update_pain_entry_write, (gpointer) pain, error);
}

static gboolean
delete_pain_entry_write (StrideStore  *self,
                         gpointer      data,
                         GError      **error)
{
  gint64 id = *(gint64 *) data;

  return delete_by_id (self, "DELETE FROM pain_entry WHERE id = ?1", id,
                       _("Could not delete the pain entry"), error)
      && check_changed (self, error, _("There is no pain entry %" PRId64 "."), (int64_t) id);
}

gboolean
stride_store_delete_pain_entry (StrideStore  *self,
                                gint64        id,
                                GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_write (self, delete_pain_entry_write, &id, error);
}

static gboolean
update_shoe_write (StrideStore  *self,
                   gpointer      data,
                   GError      **error)
{
  const StrideShoe *shoe = data;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self,
                                "UPDATE shoe SET name = ?1, start_date = ?2, retired_date = ?3,"
                                " limit_km = ?4 WHERE id = ?5",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_shoe (stmt, shoe);
  sqlite3_bind_int64 (stmt, 5, shoe->id);

  return step_done (self, stmt, _("Could not save the shoe"), error)
      && check_changed (self, error, _("There is no shoe %" PRId64 "."), (int64_t) shoe->id);
}

/* distance_m is computed from the runs, never written. */
gboolean
stride_store_update_shoe (StrideStore       *self,
                          const StrideShoe  *shoe,
                          GError           **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (shoe != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error) || !validate_shoe (shoe, error))
    return FALSE;

  return run_write (self, update_shoe_write, (gpointer) shoe, error);
}

static gboolean
delete_shoe_write (StrideStore  *self,
                   gpointer      data,
                   GError      **error)
{
  gint64 id = *(gint64 *) data;

  /* activity.shoe_id is ON DELETE SET NULL: the runs stay, unlinked. */
  return delete_by_id (self, "DELETE FROM shoe WHERE id = ?1", id,
                       _("Could not delete the shoe"), error)
      && check_changed (self, error, _("There is no shoe %" PRId64 "."), (int64_t) id);
}

gboolean
stride_store_delete_shoe (StrideStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_write (self, delete_shoe_write, &id, error);
}

static gboolean
add_plan_entry_write (StrideStore  *self,
                      gpointer      data,
                      GError      **error)
{
  AddRecord *add = data;
  const StridePlanEntry *e = add->record;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self,
                                "INSERT INTO plan_entry (date, slot, kind, run_type,"
                                " target_distance_m, target_duration_s, target_pace_s_per_km,"
                                " description, status,"
                                " activity_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_date (stmt, 1, e->date);
  sqlite3_bind_text (stmt, 2, stride_slot_to_id (e->slot), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, stride_plan_kind_to_id (e->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, stride_run_type_to_id (e->run_type), -1, SQLITE_STATIC);
  bind_double_or_null (stmt, 5, e->target_distance_m);
  bind_double_or_null (stmt, 6, e->target_duration_s);
  bind_double_or_null (stmt, 7, e->target_pace_s_per_km);
  bind_text (stmt, 8, e->description);
  sqlite3_bind_text (stmt, 9, stride_plan_status_to_id (e->status), -1, SQLITE_STATIC);
  bind_int_or_null (stmt, 10, e->activity_id);

  if (!step_done (self, stmt, _("Could not save the plan entry"), error))
    return FALSE;

  add->id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

gboolean
stride_store_add_plan_entry (StrideStore      *self,
                             StridePlanEntry  *entry,
                             GError          **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error)
      || !check_date (entry->date, TRUE, error)
      || !check_enum (entry->slot, STRIDE_N_SLOTS, _("Unknown time of day."), error)
      || !check_enum (entry->kind, STRIDE_N_PLAN_KINDS, _("Unknown kind of session."), error)
      || !check_enum (entry->run_type, STRIDE_N_RUN_TYPES, _("Unknown run type."), error)
      || !check_enum (entry->status, STRIDE_N_PLAN_STATUSES, _("Unknown plan status."), error)
      || !check_amount (entry->target_distance_m,
                        _("The target distance can’t be negative."), error)
      || !check_amount (entry->target_duration_s,
                        _("The target duration can’t be negative."), error)
      || !check_amount (entry->target_pace_s_per_km, _("The target pace can’t be negative."), error)
      || !check_range (entry->activity_id, 0, G_MAXINT64,
                       _("The linked activity id can’t be negative."), error)
      || !check_text (entry->description, FALSE, NULL, error))
    return FALSE;

  return run_add (self, add_plan_entry_write, entry, &entry->id, error);
}

static gboolean
add_race_write (StrideStore  *self,
                gpointer      data,
                GError      **error)
{
  AddRecord *add = data;
  const StrideRace *race = add->record;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self,
                                "INSERT INTO race (date, name, distance_m, goal_time_s,"
                                " activity_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_date (stmt, 1, race->date);
  bind_text (stmt, 2, race->name);
  sqlite3_bind_double (stmt, 3, race->distance_m);
  bind_double_or_null (stmt, 4, race->goal_time_s);
  bind_int_or_null (stmt, 5, race->activity_id);

  if (!step_done (self, stmt, _("Could not save the race"), error))
    return FALSE;

  add->id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

gboolean
stride_store_add_race (StrideStore  *self,
                       StrideRace   *race,
                       GError      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (race != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error)
      || !check_date (race->date, TRUE, error)
      || !check_text (race->name, TRUE, _("The race needs a name."), error)
      || !check_amount (race->goal_time_s, _("The goal time can’t be negative."), error)
      || !check_range (race->activity_id, 0, G_MAXINT64,
                       _("The linked activity id can’t be negative."), error))
    return FALSE;

  if (!(isfinite (race->distance_m) && race->distance_m > 0))
    return set_invalid (error, _("The race distance must be more than zero."));

  return run_add (self, add_race_write, race, &race->id, error);
}

static gboolean
set_checklist_answer_write (StrideStore  *self,
                            gpointer      data,
                            GError      **error)
{
  const StrideChecklistAnswer *answer = data;
  g_auto(StrideCachedStmt) stmt = NULL;

  stmt = _stride_store_prepare (self,
                                "INSERT INTO checklist (iso_week, item_id, state, note)"
                                " VALUES (?1, ?2, ?3, ?4)"
                                " ON CONFLICT (iso_week, item_id)"
                                " DO UPDATE SET state = excluded.state, note = excluded.note",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, answer->iso_week);
  bind_text (stmt, 2, answer->item_id);
  bind_text (stmt, 3, answer->state);
  bind_text (stmt, 4, answer->note);

  return step_done (self, stmt, _("Could not save the checklist answer"), error);
}

gboolean
stride_store_set_checklist_answer (StrideStore                  *self,
                                   const StrideChecklistAnswer  *answer,
                                   GError                      **error)
{
  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!is_iso_week (answer->iso_week))
    return set_invalid (error, _("The week must be written as YYYY-Www, for example 2026-W07."));

  if (!check_text (answer->item_id, TRUE, _("The checklist item is missing."), error)
      || !check_text (answer->state, TRUE, _("The checklist answer is missing."), error)
      || !check_text (answer->note, FALSE, NULL, error))
    return FALSE;

  return run_write (self, set_checklist_answer_write, (gpointer) answer, error);
}

typedef struct
{
  const char *key;
  const char *value;
} SetSetting;

static gboolean
set_setting_write (StrideStore  *self,
                   gpointer      data,
                   GError      **error)
{
  SetSetting *set = data;
  g_auto(StrideCachedStmt) stmt = NULL;

  if (set->value == NULL)
    stmt = _stride_store_prepare (self, "DELETE FROM setting WHERE key = ?1", error);
  else
    stmt = _stride_store_prepare (self,
                                  "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, set->key);
  if (set->value != NULL)
    bind_text (stmt, 2, set->value);

  return step_done (self, stmt, _("Could not save the setting"), error);
}

/* A NULL @value removes the setting. */
gboolean
stride_store_set_setting (StrideStore  *self,
                          const char   *key,
                          const char   *value,
                          GError      **error)
{
  SetSetting set = { key, value };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_writable (self, error)
      || !check_text (key, TRUE, _("The setting name is missing."), error)
      || !check_text (value, FALSE, NULL, error))
    return FALSE;

  return run_write (self, set_setting_write, &set, error);
}

char *
stride_store_get_setting (StrideStore *self,
                          const char  *key)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _stride_store_prepare (self, "SELECT value FROM setting WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return dup_column_text (stmt, 0);
}

/* Reads */

static gboolean
set_read_error (StrideStore  *self,
                int           rc,
                GError      **error)
{
  _stride_store_set_error (error, self->db, rc, _("Could not read the journal"));
  return FALSE;
}

static gboolean step_row (StrideStore    *self,
                          sqlite3_stmt   *stmt,
                          GError        **error,
                          const char     *not_found_format,
                          ...) G_GNUC_PRINTF (4, 5);

/* Steps @stmt to the one row it reads: NOT_FOUND, with the message
 * @not_found_format, when there is none. */
static gboolean
step_row (StrideStore    *self,
          sqlite3_stmt   *stmt,
          GError        **error,
          const char     *not_found_format,
          ...)
{
  int rc = sqlite3_step (stmt);
  va_list args;

  if (rc == SQLITE_DONE)
    {
      va_start (args, not_found_format);
      g_propagate_error (error, g_error_new_valist (STRIDE_STORE_ERROR,
                                                    STRIDE_STORE_ERROR_NOT_FOUND,
                                                    not_found_format, args));
      va_end (args);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return set_read_error (self, rc, error);

  return TRUE;
}

/* Reads every row of @stmt (prepared and bound) into a new array of
 * @element_size elements, one per row, each filled by @read_row. */
static GArray *
read_rows (StrideStore        *self,
           sqlite3_stmt       *stmt,
           guint               element_size,
           GDestroyNotify      clear_func,
           StrideReadRowFunc   read_row,
           GError            **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, element_size);
  int rc;

  if (clear_func != NULL)
    g_array_set_clear_func (rows, clear_func);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_array_set_size (rows, rows->len + 1);
      read_row (stmt, rows->data + (gsize) (rows->len - 1) * element_size);
    }

  if (rc != SQLITE_DONE)
    {
      set_read_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GArray *
_stride_store_read_rows (StrideStore        *self,
                         sqlite3_stmt       *stmt,
                         guint               element_size,
                         GDestroyNotify      clear_func,
                         StrideReadRowFunc   read_row,
                         GError            **error)
{
  g_assert (STRIDE_IS_STORE (self));
  g_assert (stmt != NULL);
  g_assert (read_row != NULL);

  return read_rows (self, stmt, element_size, clear_func, read_row, error);
}

gboolean
stride_store_get_activity (StrideStore     *self,
                           gint64           id,
                           StrideActivity  *out,
                           GError         **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  StrideActivity a = { 0 };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _stride_store_prepare (self,
                                "SELECT id, sport, start_utc, tz_offset_s, duration_s, moving_s,"
                                " distance_m, elevation_gain_m, avg_hr, rpe, run_type, shoe_id,"
                                " title, notes, source_hash FROM activity WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, error, _("There is no activity %" PRId64 "."), (int64_t) id))
    return FALSE;

  a.id = sqlite3_column_int64 (stmt, 0);
  if (!stride_sport_from_id ((const char *) sqlite3_column_text (stmt, 1), &a.sport))
    a.sport = STRIDE_SPORT_OTHER;
  a.start_utc = sqlite3_column_int64 (stmt, 2);
  a.tz_offset_s = sqlite3_column_int (stmt, 3);
  a.duration_s = sqlite3_column_double (stmt, 4);
  a.moving_s = sqlite3_column_double (stmt, 5);
  a.distance_m = sqlite3_column_double (stmt, 6);
  a.elevation_gain_m = sqlite3_column_double (stmt, 7);
  a.avg_hr = sqlite3_column_int (stmt, 8);
  a.rpe = sqlite3_column_int (stmt, 9);
  if (!stride_run_type_from_id ((const char *) sqlite3_column_text (stmt, 10), &a.run_type))
    a.run_type = STRIDE_RUN_TYPE_NONE;
  a.shoe_id = sqlite3_column_int64 (stmt, 11);
  a.title = dup_column_text (stmt, 12);
  a.notes = dup_column_text (stmt, 13);
  a.source_hash = dup_column_text (stmt, 14);

  *out = a;

  return TRUE;
}

/* Columns: id, activity_id, exercise_id, side, reps, load_kg, rpe, position. */
static void
read_strength_set (sqlite3_stmt *stmt,
                   gpointer      row)
{
  StrideStrengthSet *set = row;

  set->id = sqlite3_column_int64 (stmt, 0);
  set->activity_id = sqlite3_column_int64 (stmt, 1);
  set->exercise_id = sqlite3_column_int64 (stmt, 2);
  if (!stride_side_from_id ((const char *) sqlite3_column_text (stmt, 3), &set->side))
    set->side = STRIDE_SIDE_BOTH;
  set->reps = sqlite3_column_int (stmt, 4);
  set->load_kg = sqlite3_column_double (stmt, 5);
  set->rpe = sqlite3_column_int (stmt, 6);
  set->position = sqlite3_column_int (stmt, 7);
}

GArray *
stride_store_list_strength_sets (StrideStore  *self,
                                 gint64        activity_id,
                                 GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _stride_store_prepare (self,
                                "SELECT id, activity_id, exercise_id, side, reps, load_kg, rpe,"
                                " position FROM strength_set WHERE activity_id = ?1"
                                " ORDER BY position, id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, activity_id);

  return read_rows (self, stmt, sizeof (StrideStrengthSet), NULL, read_strength_set, error);
}

/* Columns: activity_id, time_s, lat, lon, elevation_m, distance_m, hr, cadence. */
static void
read_trackpoint (sqlite3_stmt *stmt,
                 gpointer      row)
{
  StrideTrackpoint *p = row;

  p->activity_id = sqlite3_column_int64 (stmt, 0);
  p->time_s = sqlite3_column_double (stmt, 1);
  p->lat = double_or_nan (stmt, 2);
  p->lon = double_or_nan (stmt, 3);
  p->elevation_m = double_or_nan (stmt, 4);
  p->distance_m = double_or_nan (stmt, 5);
  p->hr = sqlite3_column_int (stmt, 6);
  p->cadence = sqlite3_column_int (stmt, 7);
}

GArray *
stride_store_list_trackpoints (StrideStore  *self,
                               gint64        activity_id,
                               GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _stride_store_prepare (self,
                                "SELECT activity_id, time_s, lat, lon, elevation_m, distance_m,"
                                " hr, cadence FROM trackpoint WHERE activity_id = ?1"
                                " ORDER BY time_s, id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, activity_id);

  return read_rows (self, stmt, sizeof (StrideTrackpoint), NULL, read_trackpoint, error);
}

/* Columns: activity_id, lap_index, start_s, duration_s, distance_m, avg_hr. */
static void
read_lap (sqlite3_stmt *stmt,
          gpointer      row)
{
  StrideLap *lap = row;

  lap->activity_id = sqlite3_column_int64 (stmt, 0);
  lap->lap_index = sqlite3_column_int (stmt, 1);
  lap->start_s = sqlite3_column_double (stmt, 2);
  lap->duration_s = sqlite3_column_double (stmt, 3);
  lap->distance_m = sqlite3_column_double (stmt, 4);
  lap->avg_hr = sqlite3_column_int (stmt, 5);
}

GArray *
stride_store_list_laps (StrideStore  *self,
                        gint64        activity_id,
                        GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _stride_store_prepare (self,
                                "SELECT activity_id, lap_index, start_s, duration_s, distance_m,"
                                " avg_hr FROM lap WHERE activity_id = ?1 ORDER BY lap_index",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, activity_id);

  return read_rows (self, stmt, sizeof (StrideLap), NULL, read_lap, error);
}

/* Columns: id, key, name, category, muscles, unilateral. */
static void
read_exercise (sqlite3_stmt *stmt,
               gpointer      row)
{
  StrideExercise *exercise = row;

  exercise->id = sqlite3_column_int64 (stmt, 0);
  exercise->key = dup_column_text (stmt, 1);
  exercise->name = dup_column_text (stmt, 2);
  if (!stride_category_from_id ((const char *) sqlite3_column_text (stmt, 3), &exercise->category))
    exercise->category = STRIDE_CATEGORY_COMPOUND;
  exercise->muscles = dup_column_text (stmt, 4);
  exercise->unilateral = sqlite3_column_int (stmt, 5) != 0;
}

static void
exercise_clear_func (gpointer data)
{
  stride_exercise_clear (data);
}

GArray *
stride_store_list_exercises (StrideStore  *self,
                             GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _stride_store_prepare (self,
                                "SELECT id, key, name, category, muscles, unilateral FROM exercise"
                                " ORDER BY name COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    return NULL;

  return read_rows (self, stmt, sizeof (StrideExercise), exercise_clear_func, read_exercise,
                    error);
}

gboolean
stride_store_find_exercise (StrideStore     *self,
                            const char      *key,
                            StrideExercise  *out,
                            GError         **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _stride_store_prepare (self,
                                "SELECT id, key, name, category, muscles, unilateral FROM exercise"
                                " WHERE key = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, key);
  if (!step_row (self, stmt, error, _("There is no exercise “%s” in the library."), key))
    return FALSE;

  *out = (StrideExercise) { 0 };
  read_exercise (stmt, out);

  return TRUE;
}

static gboolean
find_id (StrideStore   *self,
         sqlite3_stmt  *stmt,
         gint64        *id,
         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      if (id != NULL)
        *id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  if (rc != SQLITE_DONE)
    set_read_error (self, rc, error);

  return FALSE;
}

gboolean
stride_store_find_activity_by_hash (StrideStore  *self,
                                    const char   *source_hash,
                                    gint64       *id,
                                    GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (source_hash != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _stride_store_prepare (self,
                                "SELECT id FROM activity WHERE source_hash = ?1"
                                " ORDER BY id LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, source_hash);

  return find_id (self, stmt, id, error);
}

gboolean
stride_store_find_activity_near (StrideStore  *self,
                                 StrideSport   sport,
                                 gint64        start_utc,
                                 gint64        window_s,
                                 gint64       *id,
                                 GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) sport < STRIDE_N_SPORTS, FALSE);
  g_return_val_if_fail (window_s >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _stride_store_prepare (self,
                                "SELECT id FROM activity"
                                " WHERE start_utc BETWEEN ?2 - ?3 AND ?2 + ?3 AND sport = ?1"
                                " ORDER BY abs (start_utc - ?2), id LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, stride_sport_to_id (sport), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, start_utc);
  sqlite3_bind_int64 (stmt, 3, window_s);

  return find_id (self, stmt, id, error);
}

static void
measurement_clear_func (gpointer data)
{
  stride_measurement_clear (data);
}

/* Columns: id, date, test, method, side, value, unit, notes. */
static void
read_measurement (sqlite3_stmt *stmt,
                  gpointer      row)
{
  StrideMeasurement *m = row;

  m->id = sqlite3_column_int64 (stmt, 0);
  m->date = column_date (stmt, 1);
  m->test = dup_column_text (stmt, 2);
  m->method = dup_column_text (stmt, 3);
  if (!stride_side_from_id ((const char *) sqlite3_column_text (stmt, 4), &m->side))
    m->side = STRIDE_SIDE_BOTH;
  m->value = sqlite3_column_double (stmt, 5);
  m->unit = dup_column_text (stmt, 6);
  m->notes = dup_column_text (stmt, 7);
}

GArray *
stride_store_list_measurements_on (StrideStore  *self,
                                   guint32       date,
                                   GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_date (date, TRUE, error))
    return NULL;

  stmt = _stride_store_prepare (self,
                                "SELECT id, date, test, method, side, value, unit, notes"
                                " FROM measurement WHERE date = ?1 ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;

  bind_date (stmt, 1, date);

  return read_rows (self, stmt, sizeof (StrideMeasurement), measurement_clear_func,
                    read_measurement, error);
}

gboolean
stride_store_get_pain_entry (StrideStore      *self,
                             gint64            id,
                             StridePainEntry  *out,
                             GError          **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  StridePainEntry pain = { 0 };

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _stride_store_prepare (self,
                                "SELECT id, date, location, side, severity, notes FROM pain_entry"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, error, _("There is no pain entry %" PRId64 "."), (int64_t) id))
    return FALSE;

  pain.id = sqlite3_column_int64 (stmt, 0);
  pain.date = column_date (stmt, 1);
  pain.location = dup_column_text (stmt, 2);
  if (!stride_side_from_id ((const char *) sqlite3_column_text (stmt, 3), &pain.side))
    pain.side = STRIDE_SIDE_BOTH;
  pain.severity = sqlite3_column_int (stmt, 4);
  pain.notes = dup_column_text (stmt, 5);

  *out = pain;

  return TRUE;
}

static void
shoe_clear_func (gpointer data)
{
  stride_shoe_clear (data);
}

/* Columns: id, name, start_date, retired_date, limit_km, distance_m. */
static void
read_shoe (sqlite3_stmt *stmt,
           gpointer      row)
{
  StrideShoe *shoe = row;

  shoe->id = sqlite3_column_int64 (stmt, 0);
  shoe->name = dup_column_text (stmt, 1);
  shoe->start_date = column_date (stmt, 2);
  shoe->retired_date = column_date (stmt, 3);
  shoe->limit_km = sqlite3_column_double (stmt, 4);
  shoe->distance_m = sqlite3_column_double (stmt, 5);
}

GArray *
stride_store_list_shoes (StrideStore  *self,
                         GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Mileage from every activity linked to the shoe (activity_shoe_id);
   * shoes without a start date come last. */
  stmt = _stride_store_prepare (self,
                                "SELECT s.id, s.name, s.start_date, s.retired_date, s.limit_km,"
                                " (SELECT total (distance_m) FROM activity WHERE shoe_id = s.id)"
                                " FROM shoe s ORDER BY s.start_date DESC NULLS LAST, s.id DESC",
                                error);
  if (stmt == NULL)
    return NULL;

  return read_rows (self, stmt, sizeof (StrideShoe), shoe_clear_func, read_shoe, error);
}

GArray *
stride_store_list_last_sets (StrideStore  *self,
                             gint64        exercise_id,
                             gint64        before_utc,
                             GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _stride_store_prepare (self,
                                "SELECT id, activity_id, exercise_id, side, reps, load_kg, rpe,"
                                " position FROM strength_set"
                                " WHERE exercise_id = ?1 AND activity_id ="
                                "  (SELECT a.id FROM strength_set s"
                                "    JOIN activity a ON a.id = s.activity_id"
                                "   WHERE s.exercise_id = ?1 AND a.sport = 'strength'"
                                "     AND a.start_utc < ?2"
                                "   ORDER BY a.start_utc DESC, a.id DESC LIMIT 1)"
                                " ORDER BY position, id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, exercise_id);
  sqlite3_bind_int64 (stmt, 2, before_utc);

  return read_rows (self, stmt, sizeof (StrideStrengthSet), NULL, read_strength_set, error);
}

static const TableInfo *
find_table (const char  *table,
            GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].name, table) == 0)
      return &tables[i];

  g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
               _("“%s” is not a table of the journal."), table);
  return NULL;
}

GStrv
stride_store_list_columns (StrideStore  *self,
                           const char   *table,
                           GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  const TableInfo *info;
  GStrv names;
  guint n_columns;

  g_return_val_if_fail (STRIDE_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = find_table (table, error);
  if (info == NULL)
    return NULL;

  /* A prepared statement knows its columns without being stepped. */
  stmt = _stride_store_prepare (self, info->select_sql, error);
  if (stmt == NULL)
    return NULL;

  n_columns = (guint) sqlite3_column_count (stmt);
  names = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    names[i] = g_strdup (sqlite3_column_name (stmt, (int) i));

  return names;
}

gboolean
stride_store_foreach_row (StrideStore    *self,
                          const char     *table,
                          StrideRowFunc   func,
                          gpointer        user_data,
                          GError        **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  g_autofree const char **names = NULL;
  g_autofree const char **values = NULL;
  const TableInfo *info;
  guint n_columns;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = find_table (table, error);
  if (info == NULL)
    return FALSE;

  stmt = _stride_store_prepare (self, info->select_sql, error);
  if (stmt == NULL)
    return FALSE;

  n_columns = (guint) sqlite3_column_count (stmt);
  names = g_new0 (const char *, n_columns + 1);
  values = g_new0 (const char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    names[i] = sqlite3_column_name (stmt, (int) i);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < n_columns; i++)
        values[i] = (const char *) sqlite3_column_text (stmt, (int) i);

      if (!func (n_columns, names, values, user_data))
        return TRUE;
    }

  if (rc != SQLITE_DONE)
    return set_read_error (self, rc, error);

  return TRUE;
}

const char *const *
stride_store_list_tables (void)
{
  return table_names;
}

gint64
stride_store_count_rows (StrideStore  *self,
                         const char   *table,
                         GError      **error)
{
  g_auto(StrideCachedStmt) stmt = NULL;
  const TableInfo *info;
  int rc;

  g_return_val_if_fail (STRIDE_IS_STORE (self), -1);
  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  info = find_table (table, error);
  if (info == NULL)
    return -1;

  stmt = _stride_store_prepare (self, info->count_sql, error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_read_error (self, rc, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}
