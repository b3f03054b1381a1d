/* stride-pytrainer.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-pytrainer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "stride-pytrainer.h"

#define SQLITE_HEADER "SQLite format 3"   /* and its terminating NUL: 16 bytes */

/* Longer than this is not one activity. */
#define MAX_DURATION_S (72.0 * 3600.0)
/* Faster than this (m/s) is not a human-powered activity. */
#define MAX_SPEED_MS 100.0
#define MAX_TZ_OFFSET_S (18 * 3600)
/* 2100-01-01: later dates are typing errors. */
#define MAX_START_UTC G_GINT64_CONSTANT (4102444800)

void
stride_pytrainer_data_free (StridePytrainerData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->activities, g_ptr_array_unref);
  g_clear_pointer (&data->shoes, g_array_unref);
  g_clear_pointer (&data->shoe_of, g_array_unref);
  g_free (data->note);
  g_free (data);
}

gboolean
stride_pytrainer_is_sqlite (GFile        *file,
                            GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  char header[sizeof SQLITE_HEADER] = { 0, };
  gsize n_read = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read,
                                   cancellable, NULL))
    return FALSE;

  return n_read == sizeof header && memcmp (header, SQLITE_HEADER, sizeof header) == 0;
}

typedef enum
{
  VALUE_ABSENT,                      /* NULL or empty text */
  VALUE_OK,
  VALUE_BAD,                         /* not a finite number */
} ValueState;

/* SQLite keeps whatever was written: numbers may be text. */
static ValueState
column_double (sqlite3_stmt *stmt,
               int           column,
               double       *value)
{
  const char *text;

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return VALUE_ABSENT;

    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      *value = sqlite3_column_double (stmt, column);
      return isfinite (*value) ? VALUE_OK : VALUE_BAD;

    case SQLITE_TEXT:
      text = (const char *) sqlite3_column_text (stmt, column);
      if (text == NULL || *text == '\0')
        return VALUE_ABSENT;
      return stride_track_parse_double (text, value) ? VALUE_OK : VALUE_BAD;

    default:
      return VALUE_BAD;
    }
}

/* Text columns as valid UTF-8 (pytrainer has written Latin-1 in the
 * past), NULL for NULL or blank. */
static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  g_strstrip (valid);
  if (*valid == '\0')
    return NULL;

  return g_steal_pointer (&valid);
}

/* "2016-07-24T09:58:23Z", "2016-07-24 12:58:23+0300", "…+03:00", with or
 * without a fraction. *@has_zone tells whether the text gave a zone; a
 * time without one is read in @default_tz. */
static GDateTime *
parse_time (const char *text,
            GTimeZone  *default_tz,
            gboolean   *has_zone)
{
  g_autofree char *copy = NULL;
  const char *rest;

  if (text == NULL || strlen (text) < 19)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (copy[10] == ' ')
    copy[10] = 'T';

  rest = copy + 19;
  if (*rest == '.')
    {
      rest++;
      while (g_ascii_isdigit (*rest))
        rest++;
    }
  *has_zone = *rest != '\0';

  return g_date_time_new_from_iso8601 (copy, default_tz);
}

static StrideSport
sport_from_name (const char *name)
{
  g_autofree char *lower = NULL;

  if (name == NULL)
    return STRIDE_SPORT_OTHER;

  lower = g_utf8_strdown (name, -1);
  if (strstr (lower, "run") != NULL || strstr (lower, "jog") != NULL)
    return STRIDE_SPORT_RUN;
  if (strstr (lower, "bike") != NULL || strstr (lower, "cycl") != NULL
      || strstr (lower, "biking") != NULL || strstr (lower, "ride") != NULL)
    return STRIDE_SPORT_CYCLING;
  if (strstr (lower, "walk") != NULL || strstr (lower, "hike") != NULL
      || strstr (lower, "hiking") != NULL)
    return STRIDE_SPORT_WALK;
  if (strstr (lower, "swim") != NULL)
    return STRIDE_SPORT_SWIM;

  return STRIDE_SPORT_OTHER;
}

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *laps;                /* the laps of record ?1 */
  GTimeZone    *utc;
  GHashTable   *sports;              /* id_sports → StrideSport */
  GHashTable   *record_sports;       /* id_record → StrideSport, every record */
  GHashTable   *record_index;        /* id_record → index in activities + 1 */
} ReadState;

static void
set_sqlite_error (ReadState   *state,
                  GError     **error)
{
  g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
               _("The pytrainer database could not be read: %s"), sqlite3_errmsg (state->db));
}

static gboolean
prepare (ReadState     *state,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  if (sqlite3_prepare_v2 (state->db, sql, -1, stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (state, error);
      return FALSE;
    }

  return TRUE;
}

static void
skip_record (GPtrArray  *skipped,
             gint64      id,
             const char *reason)
{
  if (skipped != NULL)
    /* A long long: gettext can't see through G_GINT64_FORMAT. */
    g_ptr_array_add (skipped, g_strdup_printf (_("record %lld: %s"), (long long) id, reason));
}

static gboolean
has_tables (ReadState  *state,
            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gint n_tables = 0;
  int rc;

  if (!prepare (state,
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                " AND name IN ('records', 'laps', 'sports', 'equipment')",
                &stmt, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n_tables = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (state, error);
      return FALSE;
    }
  if (n_tables != 4)
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_UNSUPPORTED,
                           _("An SQLite database, but not pytrainer’s: it lacks the tables "
                             "records, laps, sports and equipment"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_sports (ReadState  *state,
             GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (state, "SELECT id_sports, name FROM sports", &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *name = column_text (stmt, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (state->sports, g_memdup2 (&id, sizeof id),
                           GINT_TO_POINTER (sport_from_name (name)));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (state, error);
      return FALSE;
    }

  return TRUE;
}

/* The start instant and zone from date_time_utc and date_time_local; NULL
 * (with the reason) when neither gives one. */
static gboolean
record_start (ReadState   *state,
              const char  *utc_text,
              const char  *local_text,
              gint64      *start_utc,
              gint        *tz_offset_s,
              char       **reason)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  gboolean utc_zone = FALSE;
  gboolean local_zone = FALSE;
  gint64 offset;

  utc = parse_time (utc_text, state->utc, &utc_zone);
  local = parse_time (local_text, state->utc, &local_zone);

  if (utc != NULL)
    *start_utc = g_date_time_to_unix (utc);
  else if (local != NULL && local_zone)
    *start_utc = g_date_time_to_unix (local);
  else
    {
      const char *shown = utc_text != NULL ? utc_text : local_text;

      if (shown == NULL)
        *reason = g_strdup (_("there is no date"));
      else
        *reason = g_strdup_printf (_("the date “%s” is not a date"), shown);
      return FALSE;
    }

  if (*start_utc <= 0 || *start_utc >= MAX_START_UTC)
    {
      *reason = g_strdup_printf (_("the date “%s” is out of range"),
                                 utc != NULL ? utc_text : local_text);
      return FALSE;
    }

  /* The zone the activity was in: written with the local time, or the
   * difference of the two wall clocks, or this machine's zone then. */
  if (local != NULL && local_zone)
    offset = g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND;
  else if (local != NULL)
    offset = g_date_time_to_unix (local) - *start_utc;
  else
    offset = G_MAXINT64;

  if (offset == G_MAXINT64 || offset < -MAX_TZ_OFFSET_S || offset > MAX_TZ_OFFSET_S)
    {
      g_autoptr(GDateTime) here = g_date_time_new_from_unix_local (*start_utc);

      offset = here != NULL ? g_date_time_get_utc_offset (here) / G_TIME_SPAN_SECOND : 0;
    }
  *tz_offset_s = (gint) offset;

  return TRUE;
}

/* The laps of the record, in order; none (and a note) if one is broken. */
static gboolean
read_laps (ReadState             *state,
           gint64                 record_id,
           StrideParsedActivity  *parsed,
           GError               **error)
{
  sqlite3_stmt *stmt = state->laps;
  double start_s = 0;
  gboolean broken = FALSE;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, record_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StrideLap lap = { 0, };
      double value = 0;

      if (broken)
        continue;

      lap.lap_index = (gint) parsed->laps->len;
      lap.start_s = start_s;
      if (column_double (stmt, 0, &lap.duration_s) != VALUE_OK || lap.duration_s < 0)
        {
          broken = TRUE;
          continue;
        }
      switch (column_double (stmt, 1, &value))
        {
        case VALUE_OK:
          if (value < 0)
            broken = TRUE;
          lap.distance_m = value;
          break;
        case VALUE_BAD:
          broken = TRUE;
          break;
        case VALUE_ABSENT:
        default:
          break;
        }
      if (column_double (stmt, 2, &value) == VALUE_OK && value >= 1
          && value <= STRIDE_TRACK_MAX_HR)
        lap.avg_hr = (gint) lround (value);

      if (!broken)
        {
          g_array_append_val (parsed->laps, lap);
          start_s += lap.duration_s;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (state, error);
      return FALSE;
    }

  if (broken)
    {
      g_array_set_size (parsed->laps, 0);
      stride_parsed_activity_add_note (parsed, _("record %lld: its laps were left out, one has "
                                                 "no usable time or distance"),
                                       (long long) record_id);
    }

  return TRUE;
}

enum
{
  REC_ID,
  REC_SPORT,
  REC_UTC,
  REC_LOCAL,
  REC_DURATION,
  REC_DISTANCE,
  REC_BEATS,
  REC_UPOSITIVE,
  REC_TITLE,
  REC_COMMENTS,
};

/* One record, or NULL with the reason in @skipped. */
static StrideParsedActivity *
read_record (ReadState    *state,
             sqlite3_stmt *stmt,
             GPtrArray    *skipped)
{
  g_autoptr(StrideParsedActivity) parsed = stride_parsed_activity_new ();
  g_autofree char *utc_text = column_text (stmt, REC_UTC);
  g_autofree char *local_text = column_text (stmt, REC_LOCAL);
  g_autofree char *reason = NULL;
  StrideActivity *a = &parsed->activity;
  gint64 id = sqlite3_column_int64 (stmt, REC_ID);
  gint64 sport_id = sqlite3_column_int64 (stmt, REC_SPORT);
  gpointer sport;
  double value;

  if (g_hash_table_lookup_extended (state->sports, &sport_id, NULL, &sport))
    a->sport = (StrideSport) GPOINTER_TO_INT (sport);
  else
    a->sport = STRIDE_SPORT_OTHER;
  g_hash_table_insert (state->record_sports, g_memdup2 (&id, sizeof id),
                       GINT_TO_POINTER (a->sport));
  a->run_type = a->sport == STRIDE_SPORT_RUN ? STRIDE_RUN_TYPE_EASY : STRIDE_RUN_TYPE_NONE;

  if (!record_start (state, utc_text, local_text, &a->start_utc, &a->tz_offset_s, &reason))
    {
      skip_record (skipped, id, reason);
      return NULL;
    }

  /* The duration is whole seconds. */
  switch (column_double (stmt, REC_DURATION, &a->duration_s))
    {
    case VALUE_ABSENT:
      skip_record (skipped, id, _("there is no duration"));
      return NULL;
    case VALUE_BAD:
      skip_record (skipped, id, _("the duration is not a number"));
      return NULL;
    case VALUE_OK:
    default:
      break;
    }
  if (a->duration_s <= 0)
    {
      skip_record (skipped, id, _("the duration is zero or negative"));
      return NULL;
    }
  if (a->duration_s > MAX_DURATION_S)
    {
      reason = g_strdup_printf (_("the duration of %.0f s is longer than 72 hours"),
                                a->duration_s);
      skip_record (skipped, id, reason);
      return NULL;
    }

  /* The distance is in km; a record without one (a gym session) is 0. */
  value = 0;
  if (column_double (stmt, REC_DISTANCE, &value) == VALUE_BAD || value < 0
      || value * 1000.0 / a->duration_s > MAX_SPEED_MS)
    {
      g_autofree char *text = column_text (stmt, REC_DISTANCE);

      reason = g_strdup_printf (_("the distance “%s” is not possible"), text != NULL ? text : "");
      skip_record (skipped, id, reason);
      return NULL;
    }
  a->distance_m = value * 1000.0;

  if (column_double (stmt, REC_BEATS, &value) == VALUE_OK && value >= 1
      && value <= STRIDE_TRACK_MAX_HR)
    a->avg_hr = (gint) lround (value);
  if (column_double (stmt, REC_UPOSITIVE, &value) == VALUE_OK && value >= 0 && value < 100000)
    a->elevation_gain_m = value;

  a->title = column_text (stmt, REC_TITLE);
  a->notes = column_text (stmt, REC_COMMENTS);

  return g_steal_pointer (&parsed);
}

static gboolean
read_records (ReadState            *state,
              StridePytrainerData  *data,
              GPtrArray            *skipped,
              GCancellable         *cancellable,
              GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (state,
                "SELECT id_record, sport, date_time_utc, date_time_local, duration, distance,"
                " beats, upositive, title, comments FROM records ORDER BY id_record",
                &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StrideParsedActivity *parsed;
      gint64 id;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;

      parsed = read_record (state, stmt, skipped);
      if (parsed == NULL)
        continue;

      id = sqlite3_column_int64 (stmt, REC_ID);
      g_ptr_array_add (data->activities, parsed);
      g_hash_table_insert (state->record_index, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER (data->activities->len));

      if (!read_laps (state, id, parsed, error))
        goto fail;
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (state, error);
      goto fail;
    }

  sqlite3_finalize (stmt);
  return TRUE;

fail:
  sqlite3_finalize (stmt);
  return FALSE;
}

static guint32
local_julian (const StrideActivity *a)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (a->start_utc + a->tz_offset_s);
  GDate date;

  if (dt == NULL)
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt),
                  (GDateYear) g_date_time_get_year (dt));

  return g_date_get_julian (&date);
}

typedef struct
{
  gint64   id;
  char    *name;
  double   limit_km;
  gboolean active;
  guint    n_runs;                   /* linked run records */
  guint    n_others;                 /* linked records of other sports */
  guint32  first_day;                /* of the linked runs that are imported */
  guint32  last_day;
  gint     shoe;                     /* index in data->shoes, -1 = not a shoe */
} Equipment;

static void
equipment_clear (Equipment *equipment)
{
  g_free (equipment->name);
}

static gboolean
read_equipment (ReadState            *state,
                StridePytrainerData  *data,
                GError              **error)
{
  g_autoptr(GArray) equipment = g_array_new (FALSE, TRUE, sizeof (Equipment));
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) left_out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean has_links;
  int rc;

  g_array_set_clear_func (equipment, (GDestroyNotify) equipment_clear);

  if (!prepare (state, "SELECT id, description, life_expectancy, active FROM equipment"
                " ORDER BY id", &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Equipment item = { 0, };
      double value;

      item.id = sqlite3_column_int64 (stmt, 0);
      item.name = column_text (stmt, 1);
      if (column_double (stmt, 2, &value) == VALUE_OK && value > 0)
        item.limit_km = value;
      /* NULL is active, as in pytrainer. */
      item.active = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                    || sqlite3_column_int (stmt, 3) != 0;
      item.shoe = -1;
      g_array_append_val (equipment, item);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (state, error);
      return FALSE;
    }

  for (guint i = 0; i < equipment->len; i++)
    {
      Equipment *item = &g_array_index (equipment, Equipment, i);

      g_hash_table_insert (by_id, &item->id, item);
    }

  /* record_equipment came with pytrainer 1.9; older files have none. */
  if (!prepare (state, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                " AND name = 'record_equipment'", &stmt, error))
    return FALSE;
  has_links = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (has_links)
    {
      if (!prepare (state, "SELECT record_id, equipment_id FROM record_equipment ORDER BY id",
                    &stmt, error))
        return FALSE;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 record_id = sqlite3_column_int64 (stmt, 0);
          gint64 equipment_id = sqlite3_column_int64 (stmt, 1);
          Equipment *item = g_hash_table_lookup (by_id, &equipment_id);
          gpointer sport;
          guint index;

          if (item == NULL
              || !g_hash_table_lookup_extended (state->record_sports, &record_id, NULL, &sport))
            continue;

          if (GPOINTER_TO_INT (sport) != STRIDE_SPORT_RUN)
            {
              item->n_others++;
              continue;
            }

          item->n_runs++;
          index = GPOINTER_TO_UINT (g_hash_table_lookup (state->record_index, &record_id));
          if (index > 0)
            {
              StrideParsedActivity *parsed = g_ptr_array_index (data->activities, index - 1);
              guint32 day = local_julian (&parsed->activity);

              if (day != 0 && (item->first_day == 0 || day < item->first_day))
                item->first_day = day;
              if (day > item->last_day)
                item->last_day = day;
            }
        }
      sqlite3_finalize (stmt);
      stmt = NULL;

      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (state, error);
          return FALSE;
        }
    }

  for (guint i = 0; i < equipment->len; i++)
    {
      Equipment *item = &g_array_index (equipment, Equipment, i);
      StrideShoe shoe = { 0, };

      if (item->name == NULL || (item->n_runs == 0 && item->n_others > 0))
        {
          if (left_out->len > 0)
            g_string_append (left_out, ", ");
          if (item->name == NULL)
            g_string_append_printf (left_out, _("equipment %lld (no name)"),
                                    (long long) item->id);
          else
            g_string_append_printf (left_out, "“%s”", item->name);
          continue;
        }

      shoe.name = g_strdup (item->name);
      shoe.limit_km = item->limit_km;
      shoe.start_date = item->first_day;
      if (!item->active)
        shoe.retired_date = item->last_day != 0 ? item->last_day : stride_today_julian ();
      if (shoe.retired_date != 0 && shoe.retired_date < shoe.start_date)
        shoe.retired_date = shoe.start_date;
      item->shoe = (gint) data->shoes->len;
      g_array_append_val (data->shoes, shoe);
    }

  if (left_out->len > 0)
    data->note = g_strdup_printf (_("equipment that is not running shoes was left out: %s"),
                                  left_out->str);

  /* Each run gets the first of its equipment that became a shoe. */
  g_array_set_size (data->shoe_of, data->activities->len);
  for (guint i = 0; i < data->shoe_of->len; i++)
    g_array_index (data->shoe_of, gint, i) = -1;

  if (!has_links)
    return TRUE;

  if (!prepare (state, "SELECT record_id, equipment_id FROM record_equipment ORDER BY id",
                &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 record_id = sqlite3_column_int64 (stmt, 0);
      gint64 equipment_id = sqlite3_column_int64 (stmt, 1);
      Equipment *item = g_hash_table_lookup (by_id, &equipment_id);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (state->record_index, &record_id));
      StrideParsedActivity *parsed;

      if (item == NULL || item->shoe < 0 || index == 0)
        continue;

      parsed = g_ptr_array_index (data->activities, index - 1);
      if (parsed->activity.sport == STRIDE_SPORT_RUN
          && g_array_index (data->shoe_of, gint, index - 1) < 0)
        g_array_index (data->shoe_of, gint, index - 1) = item->shoe;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (state, error);
      return FALSE;
    }

  return TRUE;
}

StridePytrainerData *
stride_pytrainer_read (GFile         *file,
                       GPtrArray     *skipped,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(StridePytrainerData) data = NULL;
  g_autofree char *path = NULL;
  ReadState state = { 0, };
  gboolean ok = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_UNSUPPORTED,
                           _("A pytrainer database must be a local file"));
      return NULL;
    }
  if (!stride_pytrainer_is_sqlite (file, cancellable))
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                             _("Not a pytrainer database: the file is not an SQLite database"));
      return NULL;
    }

  /* Read-only: the file is pytrainer's and stays as it is. */
  if (sqlite3_open_v2 (path, &state.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                   _("The pytrainer database could not be opened: %s"),
                   state.db != NULL ? sqlite3_errmsg (state.db) : "out of memory");
      sqlite3_close (state.db);
      return NULL;
    }
  sqlite3_busy_timeout (state.db, 2000);

  data = g_new0 (StridePytrainerData, 1);
  data->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_parsed_activity_free);
  data->shoes = g_array_new (FALSE, TRUE, sizeof (StrideShoe));
  g_array_set_clear_func (data->shoes, (GDestroyNotify) stride_shoe_clear);
  data->shoe_of = g_array_new (FALSE, TRUE, sizeof (gint));

  state.utc = g_time_zone_new_utc ();
  state.sports = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  state.record_sports = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  state.record_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  ok = has_tables (&state, error)
       && read_sports (&state, error)
       && prepare (&state, "SELECT elapsed_time, distance, avg_hr FROM laps WHERE record = ?1"
                   " ORDER BY lap_number, id_lap", &state.laps, error)
       && read_records (&state, data, skipped, cancellable, error)
       && read_equipment (&state, data, error);

  sqlite3_finalize (state.laps);
  sqlite3_close (state.db);
  g_time_zone_unref (state.utc);
  g_hash_table_unref (state.sports);
  g_hash_table_unref (state.record_sports);
  g_hash_table_unref (state.record_index);

  return ok ? g_steal_pointer (&data) : NULL;
}
