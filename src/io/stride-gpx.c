/* stride-gpx.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-gpx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "stride-gpx.h"
#include "stride-xml.h"

typedef struct
{
  guint   index;                     /* order in the file */
  char   *name;
  char   *type;
  /* Valid positions only; grown by hand, which g_array_append_val() per
   * point was slower than. */
  StrideRawPoint *points;
  guint   n_points;
  guint   points_size;
  guint   n_timed;
  double  first_time;                /* of the timed points, NAN = none */
  double  last_time;
  gint    tz_offset_s;               /* of the first timed point */
} GpxTrack;

/* Element names interned in the reader's dictionary: the walker's names
 * are the same pointers, so comparing them is one instruction. */
typedef struct
{
  const char *gpx, *metadata, *name, *type, *trk, *trkseg, *trkpt, *rte, *wpt;
  const char *time, *ele, *hr, *heartrate, *cad, *cadence;
  const char *lat, *lon;                 /* attributes */
} GpxNames;

typedef struct
{
  GTimeZone      *utc;
  GpxNames        n;
  GPtrArray      *tracks;            /* GpxTrack */
  GpxTrack       *track;             /* the open <trk>, or NULL */
  char           *file_name;         /* <metadata><name> or GPX 1.0 <name> */

  /* The open <trkpt> */
  StrideRawPoint  point;
  gint            point_offset_s;
  guint           in_point : 1;
  guint           point_valid : 1;

  guint           segment;
  guint           n_tracks;
  guint           n_routes;
  guint           n_waypoints;
  guint           n_bad_positions;
  guint           n_bad_values;
} GpxParser;

static void
gpx_track_free (GpxTrack *track)
{
  g_free (track->name);
  g_free (track->type);
  g_free (track->points);
  g_free (track);
}

static char *
dup_stripped (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

static gboolean
parse_coordinate (const char *text,
                  double      limit,
                  double     *value)
{
  return stride_track_parse_double (text, value) && fabs (*value) <= limit;
}

static void
intern_names (GpxNames        *n,
              StrideXmlWalker *walker)
{
#define INTERN(field) n->field = stride_xml_walker_intern (walker, #field)
  INTERN (gpx);
  INTERN (metadata);
  INTERN (name);
  INTERN (type);
  INTERN (trk);
  INTERN (trkseg);
  INTERN (trkpt);
  INTERN (rte);
  INTERN (wpt);
  INTERN (time);
  INTERN (ele);
  INTERN (hr);
  INTERN (heartrate);
  INTERN (cad);
  INTERN (cadence);
  INTERN (lat);
  INTERN (lon);
#undef INTERN
}

static gboolean
gpx_start_cb (StrideXmlWalker  *walker,
              const char       *name,
              const char       *parent,
              gpointer          user_data,
              GError          **error)
{
  GpxParser *self = user_data;

  if (G_UNLIKELY (*parent == '\0'))
    {
      intern_names (&self->n, walker);
      return stride_xml_check_root (name, "gpx", "GPX", error);
    }

  if (name == self->n.trk && parent == self->n.gpx)
    {
      GpxTrack *track = g_new0 (GpxTrack, 1);

      track->index = self->tracks->len;
      track->first_time = NAN;
      track->last_time = NAN;
      g_ptr_array_add (self->tracks, track);
      self->track = track;
      self->n_tracks++;
      self->segment++;
    }
  else if (name == self->n.trkseg && self->track != NULL && parent == self->n.trk)
    {
      self->segment++;
    }
  else if (name == self->n.trkpt && self->track != NULL && parent == self->n.trkseg)
    {
      StrideRawPoint init = STRIDE_RAW_POINT_INIT;

      self->point = init;
      self->point.segment = self->segment;
      self->point_offset_s = 0;
      self->in_point = TRUE;
      /* One at a time: the attribute string is only valid until the next. */
      self->point_valid = parse_coordinate (stride_xml_walker_get_attribute (walker, self->n.lat),
                                            90, &self->point.lat)
                          && parse_coordinate (stride_xml_walker_get_attribute (walker, self->n.lon),
                                               180, &self->point.lon);
    }
  else if (parent == self->n.gpx)
    {
      if (name == self->n.rte)
        self->n_routes++;
      else if (name == self->n.wpt)
        self->n_waypoints++;
    }

  return TRUE;
}

static void
gpx_end_point (GpxParser *self)
{
  GpxTrack *track = self->track;

  self->in_point = FALSE;

  if (!self->point_valid)
    {
      self->n_bad_positions++;
      return;
    }

  if (!isnan (self->point.time))
    {
      if (track->n_timed == 0)
        {
          track->first_time = self->point.time;
          track->last_time = self->point.time;
          track->tz_offset_s = self->point_offset_s;
        }
      track->first_time = MIN (track->first_time, self->point.time);
      track->last_time = MAX (track->last_time, self->point.time);
      track->n_timed++;
    }

  if (G_UNLIKELY (track->n_points == track->points_size))
    {
      track->points_size = MAX (256, track->points_size * 2);
      track->points = g_renew (StrideRawPoint, track->points, track->points_size);
    }
  track->points[track->n_points++] = self->point;
}

static gboolean
gpx_end_cb (StrideXmlWalker  *walker,
            const char       *name,
            const char       *parent,
            const char       *text,
            gpointer          user_data,
            GError          **error)
{
  GpxParser *self = user_data;

  if (self->in_point)
    {
      if (name == self->n.trkpt && parent == self->n.trkseg)
        {
          gpx_end_point (self);
        }
      else if (parent == self->n.trkpt)
        {
          if (name == self->n.time)
            {
              if (!stride_track_parse_time (text, self->utc, &self->point.time,
                                            &self->point_offset_s))
                self->n_bad_values++;
            }
          else if (name == self->n.ele)
            {
              /* <ele></ele> is common and simply means "unknown". */
              if (!stride_track_parse_double (text, &self->point.elevation_m))
                {
                  self->point.elevation_m = NAN;
                  if (!stride_xml_text_is_blank (text))
                    self->n_bad_values++;
                }
            }
        }
      else if (name == self->n.hr || name == self->n.heartrate)
        {
          /* Garmin gpxtpx:hr, Cluetrust gpxdata:hr and friends, anywhere in
           * the point's <extensions>. */
          if (!stride_track_parse_int (text, &self->point.hr) || self->point.hr < 0)
            self->point.hr = 0;
        }
      else if (name == self->n.cad || name == self->n.cadence)
        {
          if (!stride_track_parse_int (text, &self->point.cadence) || self->point.cadence < 0)
            self->point.cadence = 0;
        }
      return TRUE;
    }

  if (name == self->n.name)
    {
      if (self->track != NULL && parent == self->n.trk)
        {
          g_free (self->track->name);
          self->track->name = dup_stripped (text);
        }
      else if (parent == self->n.gpx
               || (parent == self->n.metadata
                   && stride_xml_walker_get_ancestor (walker, 2) == self->n.gpx))
        {
          g_free (self->file_name);
          self->file_name = dup_stripped (text);
        }
    }
  else if (name == self->n.type && self->track != NULL && parent == self->n.trk)
    {
      g_free (self->track->type);
      self->track->type = dup_stripped (text);
    }
  else if (name == self->n.trk && parent == self->n.gpx)
    {
      self->track = NULL;
    }

  return TRUE;
}

static int
compare_tracks (gconstpointer a,
                gconstpointer b)
{
  const GpxTrack *ta = *(const GpxTrack **) a;
  const GpxTrack *tb = *(const GpxTrack **) b;

  if (ta->first_time != tb->first_time)
    return ta->first_time < tb->first_time ? -1 : 1;

  return ta->index < tb->index ? -1 : (ta->index > tb->index);
}

/* Turns tracks [first, last) of @timed into one activity, or NULL with
 * *@same_time set when its points do not span any time. */
static StrideParsedActivity *
build_group (GpxParser *self,
             GPtrArray *timed,
             guint      first,
             guint      last,
             gboolean  *same_time)
{
  g_autoptr(StrideParsedActivity) activity = stride_parsed_activity_new ();
  g_autoptr(GArray) merged = NULL;
  const StrideRawPoint *raw;
  guint n_raw;
  const char *type = NULL;
  const char *title = NULL;
  guint n_kept;

  /* The usual single track is used as it is, not copied. */
  if (last - first == 1)
    {
      GpxTrack *track = g_ptr_array_index (timed, first);

      raw = track->points;
      n_raw = track->n_points;
    }
  else
    {
      merged = g_array_new (FALSE, FALSE, sizeof (StrideRawPoint));
      for (guint i = first; i < last; i++)
        {
          GpxTrack *track = g_ptr_array_index (timed, i);

          g_array_append_vals (merged, track->points, track->n_points);
        }
      raw = (const StrideRawPoint *) (gpointer) merged->data;
      n_raw = merged->len;
    }

  for (guint i = first; i < last; i++)
    {
      GpxTrack *track = g_ptr_array_index (timed, i);

      if (type == NULL)
        type = track->type;
      if (title == NULL)
        title = track->name;
    }

  n_kept = stride_track_build (activity, raw, n_raw, NAN);
  if (n_kept < 2 || activity->activity.duration_s <= 0)
    {
      *same_time = n_kept >= 2;
      return NULL;
    }

  activity->activity.sport = stride_track_sport_from_text (type, STRIDE_SPORT_RUN);
  activity->activity.tz_offset_s = ((GpxTrack *) g_ptr_array_index (timed, first))->tz_offset_s;
  activity->activity.title = g_strdup (title != NULL ? title : self->file_name);
  if (last - first > 1)
    stride_parsed_activity_add_note (activity,
                                     g_dngettext (GETTEXT_PACKAGE, "%u track merged",
                                                  "%u tracks merged", last - first),
                                     last - first);

  return g_steal_pointer (&activity);
}

static GPtrArray *
gpx_build (GpxParser  *self,
           GError    **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) timed = g_ptr_array_new ();
  guint n_with_points = 0;
  guint n_untimed_tracks = 0;
  guint n_points = 0;
  guint n_timed_points = 0;
  guint n_same_time = 0;
  guint n_single = 0;

  for (guint i = 0; i < self->tracks->len; i++)
    {
      GpxTrack *track = g_ptr_array_index (self->tracks, i);

      if (track->n_points == 0)
        continue;

      n_with_points++;
      n_points += track->n_points;
      n_timed_points += track->n_timed;

      /* A track that is mostly untimed would give a made-up activity. */
      if (track->n_timed == 0 || track->n_timed * 2 < track->n_points)
        n_untimed_tracks++;
      else
        g_ptr_array_add (timed, track);
    }

  if (n_with_points == 0)
    {
      if (self->n_bad_positions > 0)
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "No valid track point: %u has invalid coordinates",
                                  "No valid track point: %u have invalid coordinates",
                                  self->n_bad_positions),
                     self->n_bad_positions);
      else if (self->n_tracks > 0)
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                     _("The tracks are empty"));
      else if (self->n_routes > 0 || self->n_waypoints > 0)
        {
          g_autofree char *routes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u route",
                                                                  "%u routes", self->n_routes),
                                                     self->n_routes);
          g_autofree char *waypoints = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                     "%u waypoint",
                                                                     "%u waypoints",
                                                                     self->n_waypoints),
                                                        self->n_waypoints);

          /* Translators: "No tracks, only 1 route and 40 waypoints" */
          g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                       _("No tracks, only %s and %s"), routes, waypoints);
        }
      else
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                     _("No tracks in the file"));
      return NULL;
    }

  if (timed->len == 0)
    {
      if (n_timed_points == 0)
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NO_TIMESTAMPS,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "No timestamps: the %u track point has no <time>",
                                  "No timestamps: none of the %u track points has a <time>",
                                  n_points),
                     n_points);
      else
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NO_TIMESTAMPS,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "No timestamps: only %u of %u track point has a <time>",
                                  "No timestamps: only %u of %u track points have a <time>",
                                  n_points),
                     n_timed_points, n_points);
      return NULL;
    }

  g_ptr_array_sort (timed, compare_tracks);

  activities = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_parsed_activity_free);

  for (guint first = 0; first < timed->len;)
    {
      GpxTrack *track = g_ptr_array_index (timed, first);
      double group_end = track->last_time;
      StrideParsedActivity *activity;
      gboolean same_time = FALSE;
      guint last = first + 1;

      while (last < timed->len)
        {
          GpxTrack *next = g_ptr_array_index (timed, last);

          if (next->first_time - group_end > STRIDE_GPX_TRACK_GAP_S)
            break;
          group_end = MAX (group_end, next->last_time);
          last++;
        }

      activity = build_group (self, timed, first, last, &same_time);
      if (activity != NULL)
        g_ptr_array_add (activities, activity);
      else if (same_time)
        n_same_time++;
      else
        n_single++;

      first = last;
    }

  if (activities->len == 0)
    {
      if (n_same_time > 0)
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NO_TIMESTAMPS,
                     _("No usable timestamps: all track points have the same time"));
      else
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                     _("The track has a single point"));
      return NULL;
    }

  {
    StrideParsedActivity *first_activity = g_ptr_array_index (activities, 0);

    if (n_untimed_tracks > 0)
      stride_parsed_activity_add_note (first_activity,
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "%u track without timestamps left out",
                                                    "%u tracks without timestamps left out",
                                                    n_untimed_tracks),
                                       n_untimed_tracks);
    if (n_same_time + n_single > 0)
      stride_parsed_activity_add_note (first_activity,
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "%u track too short to import left out",
                                                    "%u tracks too short to import left out",
                                                    n_same_time + n_single),
                                       n_same_time + n_single);
    if (self->n_bad_positions > 0)
      stride_parsed_activity_add_note (first_activity,
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "%u point with invalid coordinates left out",
                                                    "%u points with invalid coordinates left out",
                                                    self->n_bad_positions),
                                       self->n_bad_positions);
    if (self->n_bad_values > 0)
      stride_parsed_activity_add_note (first_activity,
                                       g_dngettext (GETTEXT_PACKAGE, "%u unreadable value ignored",
                                                    "%u unreadable values ignored",
                                                    self->n_bad_values),
                                       self->n_bad_values);
  }

  return g_steal_pointer (&activities);
}

GPtrArray *
stride_gpx_parse (GInputStream  *stream,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GpxParser self = { 0, };
  GPtrArray *activities = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self.utc = g_time_zone_new_utc ();
  self.tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) gpx_track_free);

  if (stride_xml_walk (stream, gpx_start_cb, gpx_end_cb, &self, cancellable, error))
    activities = gpx_build (&self, error);

  g_time_zone_unref (self.utc);
  g_ptr_array_unref (self.tracks);
  g_free (self.file_name);

  return activities;
}
