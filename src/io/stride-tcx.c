/* stride-tcx.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-tcx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "stride-tcx.h"
#include "stride-xml.h"

typedef struct
{
  double start;                      /* Unix seconds, NAN = none */
  double total_time_s;               /* NAN = none */
  double distance_m;                 /* NAN = none */
  gint   avg_hr;
} TcxLap;

/* Element names interned in the reader's dictionary: the walker's names
 * are the same pointers, so comparing them is one instruction. */
typedef struct
{
  /* Spelt as the elements are, so INTERN() can name them. */
  const char *Activity, *Course, *Id, *Notes, *Lap, *TotalTimeSeconds, *DistanceMeters;
  const char *AverageHeartRateBpm, *Track, *Trackpoint, *Time, *Position;
  const char *LatitudeDegrees, *LongitudeDegrees, *AltitudeMeters, *HeartRateBpm;
  const char *Value, *Cadence, *RunCadence;
} TcxNames;

typedef struct
{
  GTimeZone      *utc;
  TcxNames        n;
  GPtrArray      *activities;        /* StrideParsedActivity */

  /* The open <Activity> */
  char           *sport;
  char           *notes;
  double          id_time;
  gint            tz_offset_s;
  GArray         *laps;              /* TcxLap */
  GArray         *raw;               /* StrideRawPoint */
  guint           n_duplicate_laps;
  guint           in_activity : 1;
  guint           has_tz : 1;
  guint           in_lap : 1;
  guint           lap_duplicate : 1;

  /* The open <Trackpoint> */
  StrideRawPoint  point;
  guint           in_point : 1;

  guint           segment;
  guint           n_activities;
  guint           n_courses;
  guint           n_untimed;
  guint           n_empty;
  guint           n_bad_values;
} TcxParser;

static gboolean
parse_time (TcxParser  *self,
            const char *text,
            double     *value)
{
  gint offset_s = 0;

  if (!stride_track_parse_time (text, self->utc, value, &offset_s))
    {
      *value = NAN;
      if (text != NULL)
        self->n_bad_values++;
      return FALSE;
    }

  if (!self->has_tz)
    {
      self->tz_offset_s = offset_s;
      self->has_tz = TRUE;
    }

  return TRUE;
}

static void
parse_number (TcxParser  *self,
              const char *text,
              double     *value)
{
  if (!stride_track_parse_double (text, value))
    {
      *value = NAN;
      if (!stride_xml_text_is_blank (text))
        self->n_bad_values++;
    }
}

static void
parse_count (TcxParser  *self,
             const char *text,
             gint       *value)
{
  if (!stride_track_parse_int (text, value) || *value < 0)
    {
      *value = 0;
      if (!stride_xml_text_is_blank (text))
        self->n_bad_values++;
    }
}

static TcxLap *
current_lap (TcxParser *self)
{
  if (self->laps->len == 0)
    return NULL;

  return &g_array_index (self->laps, TcxLap, self->laps->len - 1);
}

static void
begin_activity (TcxParser       *self,
                StrideXmlWalker *walker)
{
  self->in_activity = TRUE;
  self->has_tz = FALSE;
  self->tz_offset_s = 0;
  self->id_time = NAN;
  self->n_duplicate_laps = 0;
  g_clear_pointer (&self->sport, g_free);
  g_clear_pointer (&self->notes, g_free);
  self->sport = stride_xml_walker_dup_attribute (walker, "Sport");
  g_array_set_size (self->laps, 0);
  g_array_set_size (self->raw, 0);
  self->n_activities++;
}

static void
begin_lap (TcxParser       *self,
           StrideXmlWalker *walker)
{
  const char *start = stride_xml_walker_get_attribute (walker, "StartTime");
  TcxLap lap = { NAN, NAN, NAN, 0 };

  parse_time (self, start, &lap.start);

  self->in_lap = TRUE;
  self->lap_duplicate = FALSE;
  self->segment++;

  /* Some exporters (Fitbit) repeat a lap with the same points. */
  if (!isnan (lap.start))
    {
      for (guint i = 0; i < self->laps->len; i++)
        {
          if (fabs (g_array_index (self->laps, TcxLap, i).start - lap.start) < 0.5)
            {
              self->lap_duplicate = TRUE;
              self->n_duplicate_laps++;
              return;
            }
        }
    }

  g_array_append_val (self->laps, lap);
}

static void
intern_names (TcxNames        *n,
              StrideXmlWalker *walker)
{
#define INTERN(field) n->field = stride_xml_walker_intern (walker, #field)
  INTERN (Activity);
  INTERN (AltitudeMeters);
  INTERN (AverageHeartRateBpm);
  INTERN (Cadence);
  INTERN (Course);
  INTERN (DistanceMeters);
  INTERN (HeartRateBpm);
  INTERN (Id);
  INTERN (Lap);
  INTERN (LatitudeDegrees);
  INTERN (LongitudeDegrees);
  INTERN (Notes);
  INTERN (Position);
  INTERN (RunCadence);
  INTERN (Time);
  INTERN (TotalTimeSeconds);
  INTERN (Track);
  INTERN (Trackpoint);
  INTERN (Value);
#undef INTERN
}

static gboolean
tcx_start_cb (StrideXmlWalker  *walker,
              const char       *name,
              const char       *parent,
              gpointer          user_data,
              GError          **error)
{
  TcxParser *self = user_data;

  if (G_UNLIKELY (*parent == '\0'))
    {
      intern_names (&self->n, walker);
      return stride_xml_check_root (name, "TrainingCenterDatabase", "TCX", error);
    }

  if (!self->in_activity)
    {
      if (name == self->n.Activity)
        begin_activity (self, walker);
      else if (name == self->n.Course)
        self->n_courses++;
      return TRUE;
    }

  if (name == self->n.Lap && parent == self->n.Activity)
    {
      begin_lap (self, walker);
    }
  else if (name == self->n.Track && self->in_lap)
    {
      self->segment++;
    }
  else if (name == self->n.Trackpoint && self->in_lap && !self->lap_duplicate)
    {
      StrideRawPoint init = STRIDE_RAW_POINT_INIT;

      self->point = init;
      self->point.segment = self->segment;
      self->in_point = TRUE;
    }

  return TRUE;
}

static void
end_point_child (TcxParser  *self,
                 const char *name,
                 const char *parent,
                 const char *text)
{
  StrideRawPoint *p = &self->point;

  if (parent == self->n.Trackpoint)
    {
      if (name == self->n.Time)
        parse_time (self, text, &p->time);
      else if (name == self->n.AltitudeMeters)
        parse_number (self, text, &p->elevation_m);
      else if (name == self->n.DistanceMeters)
        parse_number (self, text, &p->distance_m);
      else if (name == self->n.Cadence)
        parse_count (self, text, &p->cadence);
    }
  else if (parent == self->n.Position)
    {
      if (name == self->n.LatitudeDegrees)
        parse_number (self, text, &p->lat);
      else if (name == self->n.LongitudeDegrees)
        parse_number (self, text, &p->lon);
    }
  else if (parent == self->n.HeartRateBpm && name == self->n.Value)
    {
      parse_count (self, text, &p->hr);
    }
  else if (name == self->n.RunCadence && p->cadence == 0)
    {
      /* ActivityExtension TPX; in strides (one foot) per minute. */
      parse_count (self, text, &p->cadence);
    }
}

static void
end_point (TcxParser *self)
{
  StrideRawPoint *p = &self->point;

  self->in_point = FALSE;

  if (isnan (p->lat) || isnan (p->lon) || fabs (p->lat) > 90 || fabs (p->lon) > 180)
    {
      if (!isnan (p->lat) || !isnan (p->lon))
        self->n_bad_values++;
      p->lat = NAN;
      p->lon = NAN;
    }

  g_array_append_val (self->raw, *p);
}

static void
finish_activity (TcxParser *self)
{
  g_autoptr(StrideParsedActivity) activity = stride_parsed_activity_new ();
  double start = NAN;
  double exact_start;
  double lap_distance = 0;
  double lap_time = 0;
  double lap_end = NAN;
  double hr_weighted = 0;
  double hr_time = 0;
  gboolean has_lap_distance = FALSE;
  guint n_kept;

  self->in_activity = FALSE;

  for (guint i = 0; i < self->laps->len; i++)
    {
      const TcxLap *lap = &g_array_index (self->laps, TcxLap, i);

      if (!isnan (lap->start))
        start = isnan (start) ? lap->start : MIN (start, lap->start);
    }
  if (isnan (start))
    start = self->id_time;

  n_kept = stride_track_build (activity, (const StrideRawPoint *) (gpointer) self->raw->data,
                               self->raw->len, start);

  if (n_kept == 0 && isnan (start))
    {
      if (self->raw->len > 0)
        self->n_untimed++;
      else
        self->n_empty++;
      return;
    }

  exact_start = n_kept > 0
                ? (double) activity->activity.start_utc
                  + g_array_index (activity->points, StrideTrackpoint, 0).time_s
                : start;
  if (!isnan (start))
    exact_start = MIN (exact_start, start);

  for (guint i = 0; i < self->laps->len; i++)
    {
      const TcxLap *lap = &g_array_index (self->laps, TcxLap, i);
      StrideLap out = { 0, };
      double lap_start = lap->start;

      if (isnan (lap_start))
        lap_start = isnan (lap_end) ? exact_start : lap_end;

      out.lap_index = (gint) i;
      out.start_s = lap_start - (double) activity->activity.start_utc;
      out.duration_s = isnan (lap->total_time_s) ? 0 : MAX (0.0, lap->total_time_s);
      out.distance_m = isnan (lap->distance_m) ? 0 : MAX (0.0, lap->distance_m);
      out.avg_hr = lap->avg_hr <= STRIDE_TRACK_MAX_HR ? lap->avg_hr : 0;
      g_array_append_val (activity->laps, out);

      lap_time += out.duration_s;
      lap_end = isnan (lap_end) ? lap_start + out.duration_s
                                : MAX (lap_end, lap_start + out.duration_s);
      if (!isnan (lap->distance_m) && lap->distance_m > 0)
        {
          lap_distance += lap->distance_m;
          has_lap_distance = TRUE;
        }
      if (out.avg_hr > 0 && out.duration_s > 0)
        {
          hr_weighted += out.avg_hr * out.duration_s;
          hr_time += out.duration_s;
        }
    }

  /* The laps are the device's own summary; the points may be thinned out. */
  if (has_lap_distance)
    activity->activity.distance_m = lap_distance;
  if (!isnan (lap_end))
    activity->activity.duration_s = MAX (activity->activity.duration_s, lap_end - exact_start);
  /* Moving time from the points only when they cover most of the
   * activity; a thinned-out or cut file keeps the laps' timer time. */
  if (lap_time > 0)
    {
      double span = 0;

      if (n_kept >= 2)
        span = g_array_index (activity->points, StrideTrackpoint, n_kept - 1).time_s
               - g_array_index (activity->points, StrideTrackpoint, 0).time_s;
      if (activity->activity.moving_s <= 0 || span < activity->activity.duration_s / 2)
        activity->activity.moving_s = MIN (lap_time, activity->activity.duration_s);
    }
  if (activity->activity.avg_hr == 0 && hr_time > 0)
    activity->activity.avg_hr = (gint) (hr_weighted / hr_time + 0.5);

  if (activity->activity.duration_s <= 0 && activity->activity.distance_m <= 0)
    {
      self->n_empty++;
      return;
    }

  activity->activity.sport = stride_track_sport_from_text (self->sport, STRIDE_SPORT_OTHER);
  activity->activity.tz_offset_s = self->tz_offset_s;
  activity->activity.notes = g_steal_pointer (&self->notes);
  if (self->n_duplicate_laps > 0)
    stride_parsed_activity_add_note (activity,
                                     g_dngettext (GETTEXT_PACKAGE, "%u duplicated lap left out",
                                                  "%u duplicated laps left out",
                                                  self->n_duplicate_laps),
                                     self->n_duplicate_laps);

  g_ptr_array_add (self->activities, g_steal_pointer (&activity));
}

static gboolean
tcx_end_cb (StrideXmlWalker  *walker,
            const char       *name,
            const char       *parent,
            const char       *text,
            gpointer          user_data,
            GError          **error)
{
  TcxParser *self = user_data;

  if (!self->in_activity)
    return TRUE;

  if (self->in_point)
    {
      if (name == self->n.Trackpoint)
        end_point (self);
      else
        end_point_child (self, name, parent, text);
      return TRUE;
    }

  if (self->in_lap)
    {
      TcxLap *lap = self->lap_duplicate ? NULL : current_lap (self);

      if (name == self->n.Lap)
        {
          self->in_lap = FALSE;
        }
      else if (lap != NULL && parent == self->n.Lap)
        {
          if (name == self->n.TotalTimeSeconds)
            parse_number (self, text, &lap->total_time_s);
          else if (name == self->n.DistanceMeters)
            parse_number (self, text, &lap->distance_m);
        }
      else if (lap != NULL && name == self->n.Value
               && parent == self->n.AverageHeartRateBpm
               && stride_xml_walker_get_ancestor (walker, 2) == self->n.Lap)
        {
          parse_count (self, text, &lap->avg_hr);
        }
      return TRUE;
    }

  if (name == self->n.Activity)
    {
      finish_activity (self);
    }
  else if (parent == self->n.Activity)
    {
      if (name == self->n.Id)
        {
          parse_time (self, text, &self->id_time);
        }
      else if (name == self->n.Notes && !stride_xml_text_is_blank (text))
        {
          g_free (self->notes);
          self->notes = g_strstrip (g_strdup (text));
        }
    }

  return TRUE;
}

GPtrArray *
stride_tcx_parse (GInputStream  *stream,
                  GCancellable  *cancellable,
                  GError       **error)
{
  TcxParser self = { 0, };
  GPtrArray *result = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self.utc = g_time_zone_new_utc ();
  self.activities = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_parsed_activity_free);
  self.laps = g_array_new (FALSE, FALSE, sizeof (TcxLap));
  self.raw = g_array_new (FALSE, FALSE, sizeof (StrideRawPoint));

  if (!stride_xml_walk (stream, tcx_start_cb, tcx_end_cb, &self, cancellable, error))
    goto out;

  if (self.activities->len == 0)
    {
      if (self.n_activities == 0 && self.n_courses > 0)
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                     _("A course, not an activity: the file has no <Activity>"));
      else if (self.n_activities == 0)
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                     _("No activities in the file"));
      else if (self.n_untimed > 0)
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NO_TIMESTAMPS,
                     _("No timestamps: the activity has no <Time>, lap StartTime or <Id>"));
      else
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                     _("The activity is empty"));
      goto out;
    }

  {
    StrideParsedActivity *first = g_ptr_array_index (self.activities, 0);

    if (self.n_untimed + self.n_empty > 0)
      stride_parsed_activity_add_note (first,
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "%u empty or untimed activity left out",
                                                    "%u empty or untimed activities left out",
                                                    self.n_untimed + self.n_empty),
                                       self.n_untimed + self.n_empty);
    if (self.n_bad_values > 0)
      stride_parsed_activity_add_note (first,
                                       g_dngettext (GETTEXT_PACKAGE, "%u unreadable value ignored",
                                                    "%u unreadable values ignored",
                                                    self.n_bad_values),
                                       self.n_bad_values);
  }

  result = g_steal_pointer (&self.activities);

out:
  g_time_zone_unref (self.utc);
  g_clear_pointer (&self.activities, g_ptr_array_unref);
  g_array_unref (self.laps);
  g_array_unref (self.raw);
  g_free (self.sport);
  g_free (self.notes);

  return result;
}
