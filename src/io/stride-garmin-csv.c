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

/* How a number may be written: which mark is the decimal one, and how
 * sure that is. */
typedef struct
{
  char     decimal_mark;             /* '.' ',' or 0: unknown */
  gboolean proven;                   /* the other mark may group thousands */
  gboolean strict;                   /* the other mark can only group thousands */
} NumberStyle;

/* The digits of a number and what separates them: "1.234,5" is the runs
 * 1, 3, 1 and the separators '.' ','. Spaces and apostrophes, which only
 * ever group thousands, are all ' '. */
typedef struct
{
  GString *digits;
  GArray  *runs;                     /* guint: digits before each separator, and after the last */
  GString *separators;
} NumberShape;

static void
number_shape_clear (NumberShape *shape)
{
  if (shape->digits != NULL)
    g_string_free (shape->digits, TRUE);
  g_clear_pointer (&shape->runs, g_array_unref);
  if (shape->separators != NULL)
    g_string_free (shape->separators, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NumberShape, number_shape_clear)

#define RUN(shape, i) g_array_index ((shape)->runs, guint, (i))

/* The length of a thousands separator that is not '.' or ',' at @p, or 0:
 * a space, a no-break, narrow no-break or thin space, an apostrophe. */
static gsize
group_space_length (const char *p)
{
  static const char *const spaces[] = {
    " ", "'", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89", "\xE2\x80\x99",
  };

  for (guint i = 0; i < G_N_ELEMENTS (spaces); i++)
    {
      if (g_str_has_prefix (p, spaces[i]))
        return strlen (spaces[i]);
    }

  return 0;
}

/* Splits [@p, @end) into digits and separators; FALSE when there is
 * anything else. */
static gboolean
number_shape_init (NumberShape *shape,
                   const char  *p,
                   const char  *end)
{
  guint run = 0;

  shape->digits = g_string_new (NULL);
  shape->runs = g_array_new (FALSE, FALSE, sizeof (guint));
  shape->separators = g_string_new (NULL);

  while (p < end)
    {
      gsize length = group_space_length (p);
      char separator = *p == '.' || *p == ',' ? *p : ' ';

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (shape->digits, *p++);
          run++;
          continue;
        }
      if (*p == '.' || *p == ',')
        length = 1;
      if (length == 0 || p + length > end)
        return FALSE;

      g_array_append_val (shape->runs, run);
      g_string_append_c (shape->separators, separator);
      run = 0;
      p += length;
    }
  g_array_append_val (shape->runs, run);

  return shape->digits->len > 0;
}

static char
other_mark (char mark)
{
  return mark == '.' ? ',' : '.';
}

/* What find_decimal_mark() finds besides the index of the mark. */
#define NO_DECIMAL_MARK        (-1)
#define AMBIGUOUS_DECIMAL_MARK (-2)
#define INVALID_DECIMAL_MARK   (-3)

/* Where the decimal mark is among @shape's separators, or one of the
 * above. *@shows gets the mark when the value can only be read with it. */
static gint
find_decimal_mark (const NumberShape *shape,
                   const NumberStyle *style,
                   char              *shows)
{
  const char *separators = shape->separators->str;
  const char *last_dot = strrchr (separators, '.');
  const char *last_comma = strrchr (separators, ',');
  const char *last;
  char mark;
  gint index;

  *shows = 0;
  if (last_dot == NULL && last_comma == NULL)
    return NO_DECIMAL_MARK;

  /* Both: the last is the decimal mark ("1.234,5"). */
  if (last_dot != NULL && last_comma != NULL)
    {
      last = MAX (last_dot, last_comma);
      if (style->strict && *last != style->decimal_mark)
        return INVALID_DECIMAL_MARK;
      *shows = *last;
      return (gint) (last - separators);
    }

  last = last_dot != NULL ? last_dot : last_comma;
  mark = *last;
  index = (gint) (last - separators);

  /* Twice: only thousands separators ("12.345.678"). */
  if (strchr (separators, mark) != last)
    {
      if (style->strict && mark == style->decimal_mark)
        return INVALID_DECIMAL_MARK;
      *shows = other_mark (mark);
      return NO_DECIMAL_MARK;
    }

  if (style->strict)
    return mark == style->decimal_mark ? index : NO_DECIMAL_MARK;

  /* Once: a decimal mark unless it could start a group of three after a
   * first group of one to three digits, not starting with 0, and no
   * spaces group the thousands already ("1 234,5"). */
  if (strchr (separators, ' ') != NULL || RUN (shape, index + 1) != 3
      || RUN (shape, index) == 0 || RUN (shape, index) > 3 || shape->digits->str[0] == '0')
    {
      *shows = mark;
      return index;
    }

  if (style->decimal_mark == mark)
    return index;
  if (style->decimal_mark == other_mark (mark) && style->proven)
    return NO_DECIMAL_MARK;

  return AMBIGUOUS_DECIMAL_MARK;
}

/* Whether the separators before @decimal (all of them when there is none) are
 * one kind of thousands separator between groups of three, and none
 * comes after it. */
static gboolean
groups_valid (const NumberShape *shape,
              gint               decimal)
{
  const char *separators = shape->separators->str;
  guint n_groups = decimal >= 0 ? (guint) decimal : shape->separators->len;

  if (decimal >= 0 && (guint) decimal + 1 != shape->separators->len)
    return FALSE;

  for (guint i = 0; i < n_groups; i++)
    {
      if (separators[i] != separators[0] || RUN (shape, i + 1) != 3)
        return FALSE;
    }
  if (n_groups > 0 && (RUN (shape, 0) == 0 || RUN (shape, 0) > 3))
    return FALSE;

  /* "1." and ".5" are numbers; "." is not. */
  return shape->digits->len > 0;
}

/* Exponents ("1.5e-05") only with a decimal point and no grouping. */
static StrideExportValue
parse_exponent (const char *start,
                const char *end,
                double     *value)
{
  g_autofree char *text = g_strndup (start, (gsize) (end - start));

  if (strspn (text, "0123456789.eE+-") != strlen (text)
      || !g_ascii_isdigit (text[strspn (text, "+-")]))
    return STRIDE_EXPORT_VALUE_INVALID;

  return stride_track_parse_double (text, value) ? STRIDE_EXPORT_VALUE_OK
                                                 : STRIDE_EXPORT_VALUE_INVALID;
}

static StrideExportValue
parse_number (const char        *text,
              const NumberStyle *style,
              double            *value,
              char              *shows)
{
  g_auto(NumberShape) shape = { NULL, };
  g_autoptr(GString) plain = NULL;
  const char *start = text;
  const char *end;
  gboolean negative = FALSE;
  gint decimal;
  guint digit = 0;

  *shows = 0;
  if (text == NULL)
    return STRIDE_EXPORT_VALUE_MISSING;

  end = text + strlen (text);
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (strpbrk (text, "eE") != NULL)
    return style->strict && style->decimal_mark == ',' ? STRIDE_EXPORT_VALUE_INVALID
                                                       : parse_exponent (start, end, value);

  if (start < end && (*start == '-' || *start == '+'))
    negative = *start++ == '-';
  /* Most text is not a number: no need to take it apart. */
  if (start == end || !(g_ascii_isdigit (*start) || *start == '.' || *start == ','))
    return STRIDE_EXPORT_VALUE_INVALID;
  if (!number_shape_init (&shape, start, end))
    return STRIDE_EXPORT_VALUE_INVALID;

  decimal = find_decimal_mark (&shape, style, shows);
  if (decimal == AMBIGUOUS_DECIMAL_MARK)
    return STRIDE_EXPORT_VALUE_AMBIGUOUS;
  if (decimal == INVALID_DECIMAL_MARK || !groups_valid (&shape, decimal))
    {
      *shows = 0;
      return STRIDE_EXPORT_VALUE_INVALID;
    }

  /* The digits again, with '.' where the decimal mark was. */
  plain = g_string_new (negative ? "-" : "");
  for (guint i = 0; i < shape.runs->len; i++)
    {
      if (decimal >= 0 && i == (guint) decimal + 1)
        g_string_append_c (plain, '.');
      g_string_append_len (plain, shape.digits->str + digit, RUN (&shape, i));
      digit += RUN (&shape, i);
    }

  if (!stride_track_parse_double (plain->str, value))
    {
      *shows = 0;
      return STRIDE_EXPORT_VALUE_INVALID;
    }

  return STRIDE_EXPORT_VALUE_OK;
}

/* The decimal mark the values show (see StrideExportCsv). */
static void
find_file_decimal_mark (StrideExportCsv *self)
{
  const NumberStyle open = { 0, FALSE, FALSE };
  gboolean point = FALSE;
  gboolean comma = FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (self->rows, i);

      for (guint j = 0; j < row->len; j++)
        {
          double value;
          char shows = 0;

          if (parse_number (g_ptr_array_index (row, j), &open, &value, &shows)
              == STRIDE_EXPORT_VALUE_OK)
            {
              point |= shows == '.';
              comma |= shows == ',';
            }
        }
    }

  self->decimal_mark_proven = point != comma;
  if (point != comma)
    self->decimal_mark = point ? '.' : ',';
  else if (!point && self->separator == ';')
    self->decimal_mark = ',';
  else if (!point && self->separator == ',')
    self->decimal_mark = '.';
  else
    self->decimal_mark = 0;
}

StrideExportCsv *
stride_export_csv_read (GBytes        *data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(StrideExportCsv) self = g_new0 (StrideExportCsv, 1);
  g_autoptr(StrideCsvReader) reader = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *row = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_memory_input_stream_new_from_bytes (data);
  reader = stride_csv_reader_new (stream);
  /* Spreadsheets save "ANSI" text: in the languages that write ';'
   * separated files with decimal commas, that is Windows-1252. */
  stride_csv_reader_set_windows_1252_fallback (reader, TRUE);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  while (stride_csv_reader_read_row (reader, &row, cancellable, &local_error))
    {
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

  self->separator = stride_csv_reader_get_separator (reader);
  self->windows_1252 = stride_csv_reader_get_encoding (reader) == STRIDE_CSV_ENCODING_WINDOWS_1252;
  find_file_decimal_mark (self);

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

StrideExportValue
stride_export_csv_number (const StrideExportCsv *self,
                          const char            *text,
                          double                *value)
{
  NumberStyle style = { 0, FALSE, FALSE };
  char shows;

  g_return_val_if_fail (self != NULL, STRIDE_EXPORT_VALUE_INVALID);
  g_return_val_if_fail (value != NULL, STRIDE_EXPORT_VALUE_INVALID);

  style.decimal_mark = self->decimal_mark;
  style.proven = self->decimal_mark_proven;

  return parse_number (text, &style, value, &shows);
}

gboolean
stride_export_parse_number (const char *text,
                            gboolean    decimal_comma,
                            double     *value)
{
  const NumberStyle style = { decimal_comma ? ',' : '.', TRUE, TRUE };
  char shows;

  g_return_val_if_fail (value != NULL, FALSE);

  return parse_number (text, &style, value, &shows) == STRIDE_EXPORT_VALUE_OK;
}

/* "h:mm:ss" with a fraction after @marks (a set: ".", ".,"). */
static StrideExportValue
parse_clock (const char *text,
             const char *marks,
             double     *seconds)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  double total = 0;

  if (n > 3)
    return STRIDE_EXPORT_VALUE_INVALID;

  for (guint i = 0; i < n; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *mark = strpbrk (part, marks);
      double value;

      if (*part == '\0')
        return STRIDE_EXPORT_VALUE_INVALID;
      /* Digits only, with a fraction only on the seconds. */
      if (mark != NULL && i == n - 1)
        *mark = '.';
      if (strspn (part, i == n - 1 ? "0123456789." : "0123456789") != strlen (part)
          || !stride_track_parse_double (part, &value))
        return STRIDE_EXPORT_VALUE_INVALID;
      /* Minutes and seconds after a larger unit stay below 60. */
      if (i > 0 && value >= 60)
        return STRIDE_EXPORT_VALUE_INVALID;

      total = total * 60 + value;
    }

  *seconds = total;
  return STRIDE_EXPORT_VALUE_OK;
}

StrideExportValue
stride_export_csv_duration (const StrideExportCsv *self,
                            const char            *text,
                            double                *seconds)
{
  g_return_val_if_fail (self != NULL, STRIDE_EXPORT_VALUE_INVALID);
  g_return_val_if_fail (seconds != NULL, STRIDE_EXPORT_VALUE_INVALID);

  if (text == NULL)
    return STRIDE_EXPORT_VALUE_MISSING;
  if (strchr (text, ':') == NULL)
    return stride_export_csv_number (self, text, seconds);

  /* No thousands in the seconds: ',' there is a decimal mark. */
  return parse_clock (text, ".,", seconds);
}

gboolean
stride_export_parse_duration (const char *text,
                              double     *seconds)
{
  g_return_val_if_fail (seconds != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (strchr (text, ':') == NULL)
    return stride_track_parse_double (text, seconds);

  return parse_clock (text, ".", seconds) == STRIDE_EXPORT_VALUE_OK;
}

static char *
ambiguous_reason (const StrideExportCsv *self,
                  gint                   column,
                  const char            *text)
{
  g_autofree char *name = NULL;
  const char *mark;

  if (column >= 0 && (guint) column < self->header->len
      && g_ptr_array_index (self->header, column) != NULL)
    name = g_strstrip (g_strdup (g_ptr_array_index (self->header, column)));
  mark = strpbrk (text, ".,");

  /* Translators: "Distance “1.234” is ambiguous: the file does not show
   * whether “.” is a decimal mark or a thousands separator"; the first %s
   * is the column's name in the file's header. */
  return g_strdup_printf (_("%s “%s” is ambiguous: the file does not show whether “%c” is "
                            "a decimal mark or a thousands separator"),
                          name != NULL && *name != '\0' ? name : _("the value"), text,
                          mark != NULL ? *mark : '.');
}

char *
stride_export_csv_check_row (const StrideExportCsv *self,
                             GPtrArray             *row,
                             const gint            *columns,
                             guint                  n_columns)
{
  guint n_fields;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (columns != NULL || n_columns == 0, NULL);

  /* Empty fields past the header's last column are only padding. */
  n_fields = row->len;
  while (n_fields > self->header->len && g_ptr_array_index (row, n_fields - 1) == NULL)
    n_fields--;
  if (n_fields > self->header->len)
    return g_strdup_printf (_("it has %u fields where the header has %u: a value with the "
                              "separator “%s” in it is not quoted, or a quote is out of place"),
                            n_fields, self->header->len,
                            self->separator == '\t' ? _("tab")
                            : self->separator == ';' ? ";" : ",");

  /* A duration with ':' is never ambiguous; without, it is a number. */
  for (guint i = 0; i < n_columns; i++)
    {
      const char *text = stride_export_csv_value (row, columns[i]);
      double value;

      if (stride_export_csv_number (self, text, &value) == STRIDE_EXPORT_VALUE_AMBIGUOUS)
        return ambiguous_reason (self, columns[i], text);
    }

  return NULL;
}

const char *
stride_export_csv_note (const StrideExportCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->windows_1252 ? _("the file is not UTF-8; its text was read as Windows-1252")
                            : NULL;
}

gboolean
stride_garmin_csv_is_header (GPtrArray *header)
{
  StrideExportCsv csv = { .header = header };

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
  const gint numbers[] = {
    cols->distance, cols->time, cols->moving, cols->elapsed, cols->hr, cols->ascent,
  };
  double timer = NAN, elapsed = NAN, moving = NAN, distance = 0, value;

  reason = stride_export_csv_check_row (csv, row, numbers, G_N_ELEMENTS (numbers));
  if (reason != NULL)
    {
      skip_row (skipped, index, reason);
      return NULL;
    }

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
  if (time != NULL && stride_export_csv_duration (csv, time, &timer) != STRIDE_EXPORT_VALUE_OK)
    {
      reason = g_strdup_printf (_("the time “%s” is not a duration"), time);
      skip_row (skipped, index, reason);
      return NULL;
    }
  if (stride_export_csv_duration (csv, elapsed_text, &elapsed) != STRIDE_EXPORT_VALUE_OK)
    elapsed = NAN;
  if (stride_export_csv_duration (csv, moving_text, &moving) != STRIDE_EXPORT_VALUE_OK)
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
      if (stride_export_csv_number (csv, distance_text, &distance) != STRIDE_EXPORT_VALUE_OK)
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

  if (stride_export_csv_number (csv, hr_text, &value) == STRIDE_EXPORT_VALUE_OK
      && value >= 1 && value <= STRIDE_TRACK_MAX_HR)
    a->avg_hr = (gint) lround (value);
  if (stride_export_csv_number (csv, ascent_text, &value) == STRIDE_EXPORT_VALUE_OK
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

  /* The import's message lists the notes of the activities it writes;
   * the file has no other way to say something about itself there. */
  if (activities->len > 0 && stride_export_csv_note (csv) != NULL)
    stride_parsed_activity_add_note (g_ptr_array_index (activities, 0), "%s",
                                     stride_export_csv_note (csv));

  return g_steal_pointer (&activities);
}
