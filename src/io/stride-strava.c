/* stride-strava.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-strava"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "stride-import.h"
#include "stride-strava.h"

/* Longer than this is not one activity (Strava has rows of 15 days). */
#define MAX_DURATION_S (72.0 * 3600.0)

gboolean
stride_strava_is_header (GPtrArray *header)
{
  StrideExportCsv csv = { .header = header };

  g_return_val_if_fail (header != NULL, FALSE);

  return stride_export_csv_column (&csv, "Activity ID", 0) >= 0
         && stride_export_csv_column (&csv, "Activity Date", 0) >= 0
         && stride_export_csv_column (&csv, "Activity Type", 0) >= 0;
}

/* The file a row names, if it stays inside @folder: no absolute paths,
 * no "..". */
static GFile *
resolve_filename (GFile      *folder,
                  const char *name)
{
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) parts = NULL;

  if (name == NULL || g_path_is_absolute (name) || *name == '/' || *name == '\\')
    return NULL;

  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        return NULL;
    }

  file = g_file_resolve_relative_path (folder, name);
  if (!g_file_has_prefix (file, folder))
    return NULL;

  return g_steal_pointer (&file);
}

void
stride_strava_list_files (const StrideExportCsv *csv,
                          GFile                 *folder,
                          GHashTable            *paths)
{
  gint column;

  g_return_if_fail (csv != NULL);
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (paths != NULL);

  column = stride_export_csv_column (csv, "Filename", 0);
  for (guint i = 0; column >= 0 && i < csv->rows->len; i++)
    {
      const char *name = stride_export_csv_value (g_ptr_array_index (csv->rows, i), column);
      g_autoptr(GFile) file = resolve_filename (folder, name);
      char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_hash_table_add (paths, path);
    }
}

/* "May 22, 2026, 12:43:33 PM" — Strava writes English month names and
 * UTC — or ISO 8601. */
static gboolean
parse_strava_date (const char *text,
                   GTimeZone  *utc,
                   gint64     *unix_s)
{
  static const char *const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };
  g_autoptr(GDateTime) dt = NULL;
  char month_name[16];
  char half[3] = "";
  gint day, year, hour, minute, second, consumed = 0;
  gint month = 0;
  double iso;

  if (text == NULL)
    return FALSE;

  if (sscanf (text, "%15[A-Za-z] %d, %d, %d:%d:%d %2[AaPpMm]%n", month_name, &day, &year,
              &hour, &minute, &second, half, &consumed) != 7
      || text[consumed] != '\0')
    {
      /* The newer exports of some accounts. */
      if (stride_track_parse_time (text, utc, &iso, NULL)
          && iso > 631152000 && iso < 4102444800)
        {
          *unix_s = (gint64) floor (iso);
          return TRUE;
        }
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      if (strlen (month_name) >= 3 && g_ascii_strncasecmp (month_name, months[i], 3) == 0)
        month = (gint) i + 1;
    }
  if (month == 0 || hour < 1 || hour > 12 || year < 1990 || year > 2100)
    return FALSE;

  /* 12:xx AM is just after midnight, 12:xx PM just after noon. */
  hour %= 12;
  if (g_ascii_tolower (half[0]) == 'p')
    hour += 12;
  else if (g_ascii_tolower (half[0]) != 'a')
    return FALSE;

  dt = g_date_time_new (utc, year, month, day, hour, minute, second);
  if (dt == NULL || minute > 59 || second > 59)
    return FALSE;

  *unix_s = g_date_time_to_unix (dt);
  return TRUE;
}

/* Strava's activity types, written with spaces in the CSV ("Weight
 * Training") and without in its API ("WeightTraining"). */
static StrideSport
sport_from_strava (const char *type)
{
  g_autofree char *lower = NULL;

  if (type == NULL)
    return STRIDE_SPORT_OTHER;

  lower = g_ascii_strdown (type, -1);
  if (strstr (lower, "weight") != NULL || g_str_equal (lower, "workout")
      || strstr (lower, "crossfit") != NULL)
    return STRIDE_SPORT_STRENGTH;

  return stride_track_sport_from_text (type, STRIDE_SPORT_OTHER);
}

static gboolean
is_true (const char *text)
{
  return text != NULL && (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1")
                          || g_str_equal (text, "1.0"));
}

/* Strava's workout_type: 0 default run, 1 race, 2 long run, 3 workout (and
 * 10–12 for rides); the CSV writes the number or the word. */
static StrideRunType
run_type_from_strava (const char *workout_type,
                      const char *long_run,
                      const char *competition)
{
  if (workout_type != NULL)
    {
      if (g_str_equal (workout_type, "1") || g_ascii_strcasecmp (workout_type, "race") == 0)
        return STRIDE_RUN_TYPE_RACE;
      if (g_str_equal (workout_type, "2") || g_ascii_strcasecmp (workout_type, "long run") == 0)
        return STRIDE_RUN_TYPE_LONG;
      /* A "workout" is a structured session: tempo is the closest type. */
      if (g_str_equal (workout_type, "3") || g_ascii_strcasecmp (workout_type, "workout") == 0)
        return STRIDE_RUN_TYPE_TEMPO;
    }

  if (is_true (competition))
    return STRIDE_RUN_TYPE_RACE;
  if (is_true (long_run))
    return STRIDE_RUN_TYPE_LONG;

  return STRIDE_RUN_TYPE_EASY;
}

typedef struct
{
  gint date;
  gint name;
  gint type;
  gint description;
  gint private_note;
  gint filename;
  gint elapsed_display;
  gint elapsed;
  gint moving;
  gint distance_display;
  gint distance;
  gint elevation;
  gint hr;
  gint effort;
  gint workout_type;
  gint long_run;
  gint competition;
} StravaColumns;

typedef struct
{
  GTimeZone *utc;
  guint      n_missing;              /* files named but not there */
  guint      n_unreadable;           /* files there but not readable */
} StravaState;

#define ROW_NUMBER(index) ((index) + 2)

static void
skip_row (GPtrArray  *skipped,
          guint       index,
          const char *reason)
{
  if (skipped != NULL)
    g_ptr_array_add (skipped, g_strdup_printf (_("row %u: %s"), ROW_NUMBER (index), reason));
}

/* The activities of the row's file, or NULL (counted) when there is none
 * or it cannot be read. */
static GPtrArray *
parse_row_file (GFile         *folder,
                const char    *name,
                StravaState   *state,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) file = resolve_filename (folder, name);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  StrideImportFormat format;
  gsize length = 0;

  if (file == NULL)
    {
      state->n_missing++;
      return NULL;
    }

  format = stride_import_detect_format (name, NULL);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        state->n_missing++;
      else
        state->n_unreadable++;
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  activities = stride_import_parse_bytes (bytes, format, cancellable, &local_error);
  if (activities == NULL || activities->len == 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        state->n_unreadable++;
      return NULL;
    }

  /* So that importing the file again on its own finds it. */
  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  for (guint i = 0; i < activities->len; i++)
    {
      StrideParsedActivity *parsed = g_ptr_array_index (activities, i);

      g_free (parsed->activity.source_hash);
      parsed->activity.source_hash = g_strdup (hash);
    }

  return g_steal_pointer (&activities);
}

/* The row's own totals, or NULL with the reason in @skipped. */
static StrideParsedActivity *
parse_row_totals (const StrideExportCsv *csv,
                  GPtrArray           *row,
                  const StravaColumns *cols,
                  guint                index,
                  StravaState         *state,
                  GPtrArray           *skipped)
{
  g_autoptr(StrideParsedActivity) parsed = stride_parsed_activity_new ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *reason = NULL;
  StrideActivity *a = &parsed->activity;
  const char *date = stride_export_csv_value (row, cols->date);
  const char *elapsed = stride_export_csv_value (row, cols->elapsed);
  const char *moving = stride_export_csv_value (row, cols->moving);
  const char *distance = stride_export_csv_value (row, cols->distance);
  const gint numbers[] = {
    cols->elapsed_display, cols->elapsed, cols->moving, cols->distance_display, cols->distance,
    cols->elevation, cols->hr,
  };
  double value;

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
  if (!parse_strava_date (date, state->utc, &a->start_utc))
    {
      reason = g_strdup_printf (_("the date “%s” is not a date"), date);
      skip_row (skipped, index, reason);
      return NULL;
    }

  /* Strava gives the instant in UTC; show it in this machine's zone. */
  local = g_date_time_new_from_unix_local (a->start_utc);
  if (local != NULL)
    a->tz_offset_s = (gint) (g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND);

  /* Strava's own glitch: a negative moving time (with an elapsed time of
   * days). Said first, as it is the clearest reason. */
  if (stride_export_csv_duration (csv, moving, &value) == STRIDE_EXPORT_VALUE_OK && value < 0)
    {
      reason = g_strdup_printf (_("the moving time of %s s is negative"), moving);
      skip_row (skipped, index, reason);
      return NULL;
    }

  /* The second "Elapsed Time" is in seconds with a fraction; the first,
   * in whole seconds, is there in older exports too. */
  if (elapsed == NULL)
    elapsed = stride_export_csv_value (row, cols->elapsed_display);
  if (stride_export_csv_duration (csv, elapsed, &a->duration_s) != STRIDE_EXPORT_VALUE_OK)
    {
      skip_row (skipped, index, _("there is no elapsed time"));
      return NULL;
    }
  if (a->duration_s <= 0)
    {
      skip_row (skipped, index, _("the elapsed time is zero"));
      return NULL;
    }
  if (a->duration_s > MAX_DURATION_S)
    {
      reason = g_strdup_printf (_("the elapsed time of %s s is longer than 72 hours"), elapsed);
      skip_row (skipped, index, reason);
      return NULL;
    }

  if (stride_export_csv_duration (csv, moving, &value) == STRIDE_EXPORT_VALUE_OK)
    a->moving_s = MIN (value, a->duration_s);

  /* The second "Distance" is in metres; the first is in the athlete's
   * display unit, taken as km when it is the only one. */
  value = 0;
  if (distance != NULL)
    {
      if (stride_export_csv_number (csv, distance, &value) != STRIDE_EXPORT_VALUE_OK)
        value = NAN;
    }
  else if ((distance = stride_export_csv_value (row, cols->distance_display)) != NULL)
    {
      if (stride_export_csv_number (csv, distance, &value) == STRIDE_EXPORT_VALUE_OK)
        value *= 1000.0;
      else
        value = NAN;
    }
  if (isnan (value) || value < 0 || value / a->duration_s > 100.0)
    {
      reason = g_strdup_printf (_("the distance “%s” is not possible"), distance);
      skip_row (skipped, index, reason);
      return NULL;
    }
  a->distance_m = value;

  if (stride_export_csv_number (csv, stride_export_csv_value (row, cols->elevation), &value)
      == STRIDE_EXPORT_VALUE_OK && value >= 0 && value < 100000)
    a->elevation_gain_m = value;
  if (stride_export_csv_number (csv, stride_export_csv_value (row, cols->hr), &value)
      == STRIDE_EXPORT_VALUE_OK && value >= 1 && value <= STRIDE_TRACK_MAX_HR)
    a->avg_hr = (gint) lround (value);

  return g_steal_pointer (&parsed);
}

/* What the row says better than any file: name, type, effort, notes. */
static void
apply_row (StrideParsedActivity  *parsed,
           const StrideExportCsv *csv,
           GPtrArray             *row,
           const StravaColumns   *cols)
{
  StrideActivity *a = &parsed->activity;
  const char *name = stride_export_csv_value (row, cols->name);
  const char *description = stride_export_csv_value (row, cols->description);
  const char *private_note = stride_export_csv_value (row, cols->private_note);
  StrideSport sport = sport_from_strava (stride_export_csv_value (row, cols->type));
  double effort;

  if (name != NULL)
    {
      g_free (a->title);
      a->title = g_strdup (name);
    }

  if (sport != STRIDE_SPORT_OTHER || a->sport == STRIDE_SPORT_OTHER)
    a->sport = sport;
  a->run_type = STRIDE_RUN_TYPE_NONE;
  if (a->sport == STRIDE_SPORT_RUN)
    a->run_type = run_type_from_strava (stride_export_csv_value (row, cols->workout_type),
                                        stride_export_csv_value (row, cols->long_run),
                                        stride_export_csv_value (row, cols->competition));

  /* Strava's perceived exertion is on the same 1–10 scale. */
  if (stride_export_csv_number (csv, stride_export_csv_value (row, cols->effort), &effort)
      == STRIDE_EXPORT_VALUE_OK && effort >= 1 && effort <= 10)
    a->rpe = (gint) lround (effort);

  if (description != NULL || private_note != NULL)
    {
      g_free (a->notes);
      if (description != NULL && private_note != NULL)
        a->notes = g_strconcat (description, "\n\n", private_note, NULL);
      else
        a->notes = g_strdup (description != NULL ? description : private_note);
    }
}

GPtrArray *
stride_strava_parse (const StrideExportCsv  *csv,
                     GFile                  *folder,
                     GPtrArray              *skipped,
                     char                  **note,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  StravaState state = { 0, };
  StravaColumns cols;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (note != NULL)
    *note = NULL;

  if (!stride_strava_is_header (csv->header))
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_UNSUPPORTED,
                           _("Not the activities.csv of a Strava export"));
      return NULL;
    }
  if (csv->rows->len == 0)
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                           _("The activity list has no rows"));
      return NULL;
    }

  cols.date = stride_export_csv_column (csv, "Activity Date", 0);
  cols.name = stride_export_csv_column (csv, "Activity Name", 0);
  cols.type = stride_export_csv_column (csv, "Activity Type", 0);
  cols.description = stride_export_csv_column (csv, "Activity Description", 0);
  cols.private_note = stride_export_csv_column (csv, "Activity Private Note", 0);
  cols.filename = stride_export_csv_column (csv, "Filename", 0);
  /* Named twice: display units first, then SI. */
  cols.elapsed_display = stride_export_csv_column (csv, "Elapsed Time", 0);
  cols.elapsed = stride_export_csv_column (csv, "Elapsed Time", 1);
  cols.distance_display = stride_export_csv_column (csv, "Distance", 0);
  cols.distance = stride_export_csv_column (csv, "Distance", 1);
  cols.moving = stride_export_csv_column (csv, "Moving Time", 0);
  cols.elevation = stride_export_csv_column (csv, "Elevation Gain", 0);
  cols.hr = stride_export_csv_column (csv, "Average Heart Rate", 0);
  cols.effort = stride_export_csv_column (csv, "Perceived Exertion", 0);
  cols.workout_type = stride_export_csv_column (csv, "Workout Type", 0);
  cols.long_run = stride_export_csv_column (csv, "Long Run", 0);
  cols.competition = stride_export_csv_column (csv, "Competition", 0);

  state.utc = g_time_zone_new_utc ();
  activities = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_parsed_activity_free);

  for (guint i = 0; i < csv->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (csv->rows, i);
      const char *name = stride_export_csv_value (row, cols.filename);
      g_autoptr(GPtrArray) from_file = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *reason = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;

      /* Fields out of line may name the wrong file too. */
      reason = stride_export_csv_check_row (csv, row, &cols.effort, 1);
      if (reason != NULL)
        {
          skip_row (skipped, i, reason);
          continue;
        }

      if (name != NULL)
        {
          from_file = parse_row_file (folder, name, &state, cancellable, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto fail;
            }
        }

      if (from_file != NULL)
        {
          /* The file's times and totals win; the row names it. */
          for (guint j = 0; j < from_file->len; j++)
            {
              StrideParsedActivity *parsed = g_ptr_array_index (from_file, j);

              apply_row (parsed, csv, row, &cols);
              g_ptr_array_add (activities, parsed);
            }
          g_ptr_array_set_free_func (from_file, NULL);
        }
      else
        {
          StrideParsedActivity *parsed = parse_row_totals (csv, row, &cols, i, &state, skipped);

          if (parsed != NULL)
            {
              apply_row (parsed, csv, row, &cols);
              g_ptr_array_add (activities, parsed);
            }
        }
    }

  if (note != NULL && (state.n_missing > 0 || state.n_unreadable > 0
                       || stride_export_csv_note (csv) != NULL))
    {
      g_autoptr(GString) text = g_string_new (stride_export_csv_note (csv));

      if (state.n_missing > 0 && text->len > 0)
        g_string_append (text, "; ");
      if (state.n_missing > 0)
        g_string_append_printf (text,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%u activity file named in activities.csv is "
                                             "missing; its row’s totals are used",
                                             "%u activity files named in activities.csv are "
                                             "missing; their rows’ totals are used",
                                             state.n_missing),
                                state.n_missing);
      if (state.n_unreadable > 0)
        {
          if (text->len > 0)
            g_string_append (text, "; ");
          g_string_append_printf (text,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u activity file could not be read; "
                                               "its row’s totals are used",
                                               "%u activity files could not be read; "
                                               "their rows’ totals are used",
                                               state.n_unreadable),
                                  state.n_unreadable);
        }
      *note = g_string_free (g_steal_pointer (&text), FALSE);
    }

  g_time_zone_unref (state.utc);
  return g_steal_pointer (&activities);

fail:
  g_time_zone_unref (state.utc);
  return NULL;
}
