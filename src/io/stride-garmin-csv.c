/* stride-garmin-csv.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-garmin-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "stride-csv.h"
#include "stride-garmin-csv.h"

/* Longer than this is not one activity. */
#define MAX_DURATION_S   (72.0 * 3600.0)
/* Faster than this (m/s) is not a human on a bike. */
#define MAX_SPEED        100.0
#define METRES_PER_MILE  1609.344
#define METRES_PER_FOOT  0.3048
#define METRES_PER_YARD  0.9144

void
stride_export_csv_free (StrideExportCsv *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

/* Whether the first line (outside quotes) has more ';' than ','. */
static gboolean
header_uses_semicolons (const char *data,
                        gsize       size)
{
  gboolean quoted = FALSE;
  guint commas = 0;
  guint semicolons = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
    }

  return semicolons > commas;
}

/* Exchanges ',' and ';' everywhere: both are ASCII, so this never touches
 * a UTF-8 sequence, and doing it twice gives the original text back. The
 * RFC 4180 reader only knows ',', so a ';' separated file is read swapped
 * and each field swapped back. */
static void
swap_separators (char  *text,
                 gsize  size)
{
  for (gsize i = 0; i < size; i++)
    {
      if (text[i] == ',')
        text[i] = ';';
      else if (text[i] == ';')
        text[i] = ',';
    }
}

StrideExportCsv *
stride_export_csv_read (GBytes        *data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(StrideExportCsv) self = g_new0 (StrideExportCsv, 1);
  g_autoptr(StrideCsvReader) reader = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) swapped = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *row = NULL;
  gsize size;
  const char *bytes;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  self->semicolons = header_uses_semicolons (bytes, size);
  if (self->semicolons)
    {
      char *copy = g_memdup2 (bytes, size);

      swap_separators (copy, size);
      swapped = g_bytes_new_take (copy, size);
      stream = g_memory_input_stream_new_from_bytes (swapped);
    }
  else
    {
      stream = g_memory_input_stream_new_from_bytes (data);
    }

  reader = stride_csv_reader_new (stream);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  while (stride_csv_reader_read_row (reader, &row, cancellable, &local_error))
    {
      if (self->semicolons)
        {
          for (guint i = 0; i < row->len; i++)
            {
              char *field = g_ptr_array_index (row, i);

              if (field != NULL)
                swap_separators (field, strlen (field));
            }
        }

      if (self->header == NULL)
        self->header = row;
      else
        g_ptr_array_add (self->rows, row);
    }

  if (local_error != NULL)
    {
      if (local_error->domain == STRIDE_CSV_ERROR)
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                     _("Not a readable CSV file: %s"), local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (self->header == NULL)
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                           _("The CSV file is empty"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* Compares a header name without surrounding spaces, ignoring case. */
static gboolean
name_equal (const char *field,
            const char *name)
{
  gsize len;

  if (field == NULL)
    return FALSE;

  while (g_ascii_isspace (*field))
    field++;
  len = strlen (field);
  while (len > 0 && g_ascii_isspace (field[len - 1]))
    len--;

  return len == strlen (name) && g_ascii_strncasecmp (field, name, len) == 0;
}

gint
stride_export_csv_column (const StrideExportCsv *self,
                          const char            *name,
                          guint                  nth)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < self->header->len; i++)
    {
      if (name_equal (g_ptr_array_index (self->header, i), name) && nth-- == 0)
        return (gint) i;
    }

  return -1;
}

const char *
stride_export_csv_value (GPtrArray *row,
                         gint       column)
{
  char *value;

  g_return_val_if_fail (row != NULL, NULL);

  if (column < 0 || (guint) column >= row->len)
    return NULL;

  value = g_ptr_array_index (row, column);
  if (value == NULL)
    return NULL;

  /* The reader's strings are ours to trim. */
  g_strstrip (value);
  if (*value == '\0' || g_str_equal (value, "--"))
    return NULL;

  return value;
}

gboolean
stride_export_parse_number (const char *text,
                            gboolean    decimal_comma,
                            double     *value)
{
  g_autoptr(GString) plain = NULL;
  char group = decimal_comma ? '.' : ',';
  char mark = decimal_comma ? ',' : '.';
  gboolean seen_mark = FALSE;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  plain = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == group)
        {
          /* Only between a digit and exactly three digits, before the
           * decimal mark: "4,808", "1,234,567". */
          if (seen_mark || p == text || !g_ascii_isdigit (p[-1])
              || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2])
              || !g_ascii_isdigit (p[3]) || g_ascii_isdigit (p[4]))
            return FALSE;
        }
      else if (*p == mark)
        {
          seen_mark = TRUE;
          g_string_append_c (plain, '.');
        }
      else if (*p == '.' || *p == ',' || *p == 'x' || *p == 'X')
        {
          /* The other mark, or hexadecimal: not a number here. */
          return FALSE;
        }
      else
        {
          g_string_append_c (plain, *p);
        }
    }

  return stride_track_parse_double (plain->str, value);
}

gboolean
stride_export_parse_duration (const char *text,
                              double     *seconds)
{
  g_auto(GStrv) parts = NULL;
  guint n;
  double total = 0;

  g_return_val_if_fail (seconds != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  if (strchr (text, ':') == NULL)
    return stride_track_parse_double (text, seconds);

  parts = g_strsplit (text, ":", -1);
  n = g_strv_length (parts);
  if (n > 3)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *part = g_strstrip (parts[i]);
      double value;

      if (*part == '\0')
        return FALSE;
      /* Digits only, with a fraction only on the seconds. */
      for (const char *p = part; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p) && !(*p == '.' && i == n - 1))
            return FALSE;
        }
      if (!stride_track_parse_double (part, &value))
        return FALSE;
      /* Minutes and seconds after a larger unit stay below 60. */
      if (i > 0 && value >= 60)
        return FALSE;

      total = total * 60 + value;
    }

  *seconds = total;
  return TRUE;
}

gboolean
stride_garmin_csv_is_header (GPtrArray *header)
{
  StrideExportCsv csv = { header, NULL, FALSE };

  g_return_val_if_fail (header != NULL, FALSE);

  return stride_export_csv_column (&csv, "Activity Type", 0) >= 0
         && stride_export_csv_column (&csv, "Date", 0) >= 0
         && (stride_export_csv_column (&csv, "Distance", 0) >= 0
             || stride_export_csv_column (&csv, "Distance (km)", 0) >= 0
             || stride_export_csv_column (&csv, "Distance (mi)", 0) >= 0)
         && stride_export_csv_column (&csv, "Time", 0) >= 0;
}

/* Garmin writes the wall-clock time of the watch, without a zone:
 * "2025-02-06 17:06:03" (seconds and the "T" optional). */
static GDateTime *
parse_local_date (const char *text,
                  GTimeZone  *zone)
{
  gint year, month, day, hour, minute, consumed = 0;
  double second = 0;
  char sep;

  if (text == NULL)
    return NULL;

  if (sscanf (text, "%4d-%2d-%2d%c%2d:%2d%n", &year, &month, &day, &sep, &hour, &minute,
              &consumed) != 6
      || (sep != ' ' && sep != 'T'))
    return NULL;

  text += consumed;
  if (*text == ':')
    {
      char *end = NULL;

      second = g_ascii_strtod (text + 1, &end);
      if (end == text + 1 || !g_ascii_isdigit (text[1]) || !(second >= 0 && second < 60))
        return NULL;
      text = end;
    }
  if (*text != '\0')
    return NULL;

  /* Watches that lost their clock write 1989 or 1970; nothing trains in 2200. */
  if (year < 1990 || year > 2100)
    return NULL;

  return g_date_time_new (zone, year, month, day, hour, minute, second);
}

/* The row number a spreadsheet shows: the header is row 1. */
#define ROW_NUMBER(index) ((index) + 2)

static void
skip_row (GPtrArray  *skipped,
          guint       index,
          const char *reason)
{
  if (skipped != NULL)
    g_ptr_array_add (skipped, g_strdup_printf (_("row %u: %s"), ROW_NUMBER (index), reason));
}

static gboolean
sport_has_distance (StrideSport sport)
{
  return sport == STRIDE_SPORT_RUN || sport == STRIDE_SPORT_CYCLING
         || sport == STRIDE_SPORT_WALK || sport == STRIDE_SPORT_SWIM;
}

typedef struct
{
  gint type;
  gint date;
  gint title;
  gint distance;
  gint time;
  gint moving;
  gint elapsed;
  gint hr;
  gint ascent;
  gboolean miles;
} GarminColumns;

/* One row, or NULL with the reason in @skipped. */
static StrideParsedActivity *
parse_row (const StrideExportCsv *csv,
           const GarminColumns   *cols,
           guint                  index,
           GTimeZone             *zone,
           GPtrArray             *skipped)
{
  GPtrArray *row = g_ptr_array_index (csv->rows, index);
  g_autoptr(StrideParsedActivity) parsed = stride_parsed_activity_new ();
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *reason = NULL;
  StrideActivity *a = &parsed->activity;
  const char *date = stride_export_csv_value (row, cols->date);
  const char *time = stride_export_csv_value (row, cols->time);
  const char *elapsed_text = stride_export_csv_value (row, cols->elapsed);
  const char *moving_text = stride_export_csv_value (row, cols->moving);
  const char *distance_text = stride_export_csv_value (row, cols->distance);
  const char *hr_text = stride_export_csv_value (row, cols->hr);
  const char *ascent_text = stride_export_csv_value (row, cols->ascent);
  const char *title = stride_export_csv_value (row, cols->title);
  double timer = NAN, elapsed = NAN, moving = NAN, distance = 0, value;

  if (date == NULL)
    {
      skip_row (skipped, index, _("there is no date"));
      return NULL;
    }
  start = parse_local_date (date, zone);
  if (start == NULL)
    {
      reason = g_strdup_printf (_("the date “%s” is not a date"), date);
      skip_row (skipped, index, reason);
      return NULL;
    }

  a->sport = stride_track_sport_from_text (stride_export_csv_value (row, cols->type),
                                           STRIDE_SPORT_OTHER);
  if (a->sport == STRIDE_SPORT_RUN)
    a->run_type = STRIDE_RUN_TYPE_EASY;
  a->start_utc = g_date_time_to_unix (start);
  a->tz_offset_s = (gint) (g_date_time_get_utc_offset (start) / G_TIME_SPAN_SECOND);
  a->title = g_strdup (title);

  /* "Time" is the timer time; the newer exports add elapsed and moving. */
  if (time != NULL && !stride_export_parse_duration (time, &timer))
    {
      reason = g_strdup_printf (_("the time “%s” is not a duration"), time);
      skip_row (skipped, index, reason);
      return NULL;
    }
  if (elapsed_text != NULL && !stride_export_parse_duration (elapsed_text, &elapsed))
    elapsed = NAN;
  if (moving_text != NULL && !stride_export_parse_duration (moving_text, &moving))
    moving = NAN;

  a->duration_s = !isnan (elapsed) && elapsed > 0 ? elapsed : timer;
  if (isnan (a->duration_s))
    {
      skip_row (skipped, index, _("there is no time"));
      return NULL;
    }
  if (a->duration_s <= 0)
    {
      skip_row (skipped, index, _("the time is zero"));
      return NULL;
    }
  if (a->duration_s > MAX_DURATION_S)
    {
      reason = g_strdup_printf (_("the time “%s” is longer than 72 hours"),
                                time != NULL ? time : elapsed_text);
      skip_row (skipped, index, reason);
      return NULL;
    }
  if (!isnan (moving) && moving > 0 && moving <= a->duration_s)
    a->moving_s = moving;
  else if (!isnan (timer) && timer > 0 && timer <= a->duration_s)
    a->moving_s = timer;

  /* Garmin writes no unit: the user's, km unless the header says miles.
   * Pool swims are in metres (yards). */
  if (distance_text != NULL)
    {
      if (!stride_export_parse_number (distance_text, csv->semicolons, &distance))
        {
          reason = g_strdup_printf (_("the distance “%s” is not a number"), distance_text);
          skip_row (skipped, index, reason);
          return NULL;
        }
      if (distance < 0)
        {
          reason = g_strdup_printf (_("the distance “%s” is negative"), distance_text);
          skip_row (skipped, index, reason);
          return NULL;
        }
      if (a->sport == STRIDE_SPORT_SWIM)
        distance *= cols->miles ? METRES_PER_YARD : 1.0;
      else
        distance *= cols->miles ? METRES_PER_MILE : 1000.0;
    }
  if (distance <= 0 && sport_has_distance (a->sport))
    {
      skip_row (skipped, index, _("the distance is zero"));
      return NULL;
    }
  if (distance / a->duration_s > MAX_SPEED)
    {
      skip_row (skipped, index, _("the distance and time give a speed over 100 m/s"));
      return NULL;
    }
  a->distance_m = distance;

  if (hr_text != NULL && stride_export_parse_number (hr_text, csv->semicolons, &value)
      && value >= 1 && value <= STRIDE_TRACK_MAX_HR)
    a->avg_hr = (gint) lround (value);
  if (ascent_text != NULL && stride_export_parse_number (ascent_text, csv->semicolons, &value)
      && value >= 0 && value < 100000)
    a->elevation_gain_m = value * (cols->miles ? METRES_PER_FOOT : 1.0);

  return g_steal_pointer (&parsed);
}

GPtrArray *
stride_garmin_csv_parse (const StrideExportCsv  *csv,
                         GPtrArray              *skipped,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  GarminColumns cols;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!stride_garmin_csv_is_header (csv->header))
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_UNSUPPORTED,
                           _("Not a Garmin Connect activity list"));
      return NULL;
    }

  cols.type = stride_export_csv_column (csv, "Activity Type", 0);
  cols.date = stride_export_csv_column (csv, "Date", 0);
  cols.title = stride_export_csv_column (csv, "Title", 0);
  cols.time = stride_export_csv_column (csv, "Time", 0);
  cols.moving = stride_export_csv_column (csv, "Moving Time", 0);
  cols.elapsed = stride_export_csv_column (csv, "Elapsed Time", 0);
  cols.hr = stride_export_csv_column (csv, "Avg HR", 0);
  cols.ascent = stride_export_csv_column (csv, "Total Ascent", 0);
  cols.miles = FALSE;
  cols.distance = stride_export_csv_column (csv, "Distance", 0);
  if (cols.distance < 0)
    cols.distance = stride_export_csv_column (csv, "Distance (km)", 0);
  if (cols.distance < 0)
    {
      cols.distance = stride_export_csv_column (csv, "Distance (mi)", 0);
      cols.miles = TRUE;
    }

  if (csv->rows->len == 0)
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                           _("The activity list has no rows"));
      return NULL;
    }

  /* The dates are local times without a zone: read them in the zone of
   * this machine, which is where the user most likely recorded them. */
  zone = g_time_zone_new_local ();
  activities = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_parsed_activity_free);

  for (guint i = 0; i < csv->rows->len; i++)
    {
      StrideParsedActivity *parsed;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      parsed = parse_row (csv, &cols, i, zone, skipped);
      if (parsed != NULL)
        g_ptr_array_add (activities, parsed);
    }

  return g_steal_pointer (&activities);
}
