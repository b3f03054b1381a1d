/* stride-track.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-track"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "stride-track.h"

/* How the totals are computed (the same for every file format):
 *
 * - Points without a time between two timed points of the same segment get
 *   a time interpolated along the distance (or the index when there is no
 *   position); other untimed points are left out. Points whose time goes
 *   back before the previous kept point are left out too (duplicated laps).
 * - Distance: the file's own cumulative distance (TCX DistanceMeters) when
 *   present, else the haversine great-circle distance between consecutive
 *   points of one segment. A segment break (GPX <trkseg>, TCX <Track>) adds
 *   no distance: it marks lost reception or a stopped recording.
 * - Moving time: the time between consecutive points of one segment, minus
 *   pauses. A pause is a run of consecutive intervals slower than
 *   STRIDE_TRACK_PAUSE_SPEED (0.5 m/s) lasting more than
 *   STRIDE_TRACK_PAUSE_MIN_S (10 s) in total; shorter stops count as moving,
 *   and so does an interval whose speed is unknown. Gaps between segments
 *   never count.
 * - Elevation gain: the ascent of the elevation after a hysteresis of
 *   STRIDE_TRACK_ELEVATION_HYST_M (2 m), so GPS noise smaller than that
 *   does not add up.
 * - Average heart rate: the mean of the samples that have one.
 * - Duration: elapsed, from the start to the last point. */

G_DEFINE_QUARK (stride-import-error-quark, stride_import_error)

StrideParsedActivity *
stride_parsed_activity_new (void)
{
  StrideParsedActivity *self = g_new0 (StrideParsedActivity, 1);

  self->activity.sport = STRIDE_SPORT_OTHER;
  self->points = g_array_new (FALSE, FALSE, sizeof (StrideTrackpoint));
  self->laps = g_array_new (FALSE, FALSE, sizeof (StrideLap));

  return self;
}

void
stride_parsed_activity_free (StrideParsedActivity *self)
{
  if (self == NULL)
    return;

  stride_activity_clear (&self->activity);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->laps, g_array_unref);
  g_clear_pointer (&self->note, g_free);
  g_free (self);
}

void
stride_parsed_activity_add_note (StrideParsedActivity *self,
                                 const char           *format,
                                 ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->note == NULL)
    {
      self->note = g_steal_pointer (&sentence);
    }
  else
    {
      char *joined = g_strconcat (self->note, "; ", sentence, NULL);

      g_free (self->note);
      self->note = joined;
    }
}

static gboolean
has_position (const StrideRawPoint *point)
{
  return !isnan (point->lat) && !isnan (point->lon);
}

#define DEGREES_TO_RADIANS (G_PI / 180.0)

/* The cosine of a latitude in degrees, as the haversine wants it. */
static inline double
cos_latitude (double lat)
{
  return cos (lat * DEGREES_TO_RADIANS);
}

/* The haversine with the latitudes' cosines given, so that a track
 * computes each point's once, not twice; the same arithmetic, in the same
 * order, as stride_track_distance(). */
static inline double
haversine (double lat1,
           double lon1,
           double cos_lat1,
           double lat2,
           double lon2,
           double cos_lat2)
{
  const double radius = 6371008.8;   /* IUGG mean Earth radius, m */
  const double rad = DEGREES_TO_RADIANS;
  double dlat = (lat2 - lat1) * rad;
  double dlon = (lon2 - lon1) * rad;
  double sin_dlat = sin (dlat / 2);
  double sin_dlon = sin (dlon / 2);
  double a;

  a = sin_dlat * sin_dlat + cos_lat1 * cos_lat2 * sin_dlon * sin_dlon;

  return 2 * radius * asin (sqrt (MIN (1.0, a)));
}

double
stride_track_distance (double lat1,
                       double lon1,
                       double lat2,
                       double lon2)
{
  return haversine (lat1, lon1, cos_latitude (lat1), lat2, lon2, cos_latitude (lat2));
}

/* Gives times to the untimed points [first, last) lying between the timed
 * points first - 1 and last of one segment. */
static void
interpolate_times (const StrideRawPoint *raw,
                   double               *times,
                   guint                 first,
                   guint                 last)
{
  double t0 = times[first - 1];
  double t1 = times[last];
  double total = 0;
  gboolean by_distance = TRUE;
  double along = 0;

  for (guint i = first - 1; i < last; i++)
    {
      if (!has_position (&raw[i]) || !has_position (&raw[i + 1]))
        {
          by_distance = FALSE;
          break;
        }
      total += stride_track_distance (raw[i].lat, raw[i].lon, raw[i + 1].lat, raw[i + 1].lon);
    }
  if (total <= 0)
    by_distance = FALSE;

  for (guint i = first; i < last; i++)
    {
      double fraction;

      if (by_distance)
        {
          along += stride_track_distance (raw[i - 1].lat, raw[i - 1].lon, raw[i].lat, raw[i].lon);
          fraction = along / total;
        }
      else
        {
          fraction = (double) (i - first + 1) / (double) (last - first + 1);
        }
      times[i] = t0 + (t1 - t0) * fraction;
    }
}

/* Distance between two kept points, or NAN when unknown. *@cos_a and
 * *@cos_b are the cosines of their latitudes, NAN until computed: each is
 * computed once and kept for the next step. */
static inline double
step_distance (const StrideRawPoint *a,
               const StrideRawPoint *b,
               gboolean              file_distance,
               double               *cos_a,
               double               *cos_b)
{
  if (file_distance)
    {
      if (!isnan (a->distance_m) && !isnan (b->distance_m))
        return MAX (0.0, b->distance_m - a->distance_m);
      return NAN;
    }

  if (has_position (a) && has_position (b))
    {
      if (isnan (*cos_a))
        *cos_a = cos_latitude (a->lat);
      *cos_b = cos_latitude (b->lat);
      return haversine (a->lat, a->lon, *cos_a, b->lat, b->lon, *cos_b);
    }

  return NAN;
}

guint
stride_track_build (StrideParsedActivity *out,
                    const StrideRawPoint *raw,
                    guint                 n_raw,
                    double                start_time)
{
  g_autofree double *times = NULL;
  g_autofree guint *kept = NULL;
  guint n_kept = 0;
  guint n_interpolated = 0;
  guint n_untimed = 0;
  guint n_backwards = 0;
  gboolean file_distance = FALSE;
  double start;
  double file_max = NAN;
  double path = 0;
  double moving = 0;
  double slow_run = 0;
  double gain = 0;
  double ref_elevation = NAN;
  gboolean climbing = FALSE;
  gint64 hr_sum = 0;
  guint hr_count = 0;
  double cos_prev = NAN;             /* of the previous kept point's latitude */

  g_return_val_if_fail (out != NULL, 0);
  g_return_val_if_fail (raw != NULL || n_raw == 0, 0);

  times = g_new (double, MAX (n_raw, 1));
  kept = g_new (guint, MAX (n_raw, 1));

  for (guint i = 0; i < n_raw; i++)
    times[i] = raw[i].time;

  for (guint i = 0; i < n_raw;)
    {
      guint j = i;

      if (!isnan (times[i]))
        {
          i++;
          continue;
        }

      while (j < n_raw && isnan (times[j]))
        j++;

      /* Segment numbers only grow, so equal ends mean one segment. */
      if (i > 0 && j < n_raw && raw[i - 1].segment == raw[j].segment)
        {
          interpolate_times (raw, times, i, j);
          n_interpolated += j - i;
        }
      else
        {
          n_untimed += j - i;
        }
      i = j;
    }

  for (guint i = 0; i < n_raw; i++)
    {
      if (isnan (times[i]))
        continue;
      if (n_kept > 0 && times[i] < times[kept[n_kept - 1]])
        {
          n_backwards++;
          continue;
        }
      kept[n_kept++] = i;
      if (!isnan (raw[i].distance_m))
        file_distance = TRUE;
    }

  if (n_interpolated > 0)
    stride_parsed_activity_add_note (out,
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  "%u point without a time got one interpolated",
                                                  "%u points without a time got one interpolated",
                                                  n_interpolated),
                                     n_interpolated);
  if (n_untimed > 0)
    stride_parsed_activity_add_note (out,
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  "%u point without a time was left out",
                                                  "%u points without a time were left out",
                                                  n_untimed),
                                     n_untimed);
  if (n_backwards > 0)
    stride_parsed_activity_add_note (out,
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  "%u point going back in time was left out",
                                                  "%u points going back in time were left out",
                                                  n_backwards),
                                     n_backwards);

  if (n_kept == 0)
    start = start_time;
  else if (isnan (start_time))
    start = times[kept[0]];
  else
    start = MIN (start_time, times[kept[0]]);

  if (isnan (start))
    return 0;

  out->activity.start_utc = (gint64) floor (start);
  out->activity.duration_s = n_kept > 0 ? times[kept[n_kept - 1]] - start : 0;

  /* Sized once: growing it point by point copied it over and over. */
  g_array_set_size (out->points, n_kept);

  for (guint k = 0; k < n_kept; k++)
    {
      const StrideRawPoint *p = &raw[kept[k]];
      StrideTrackpoint *tp = &g_array_index (out->points, StrideTrackpoint, k);
      double cos_this = NAN;

      if (k > 0)
        {
          const StrideRawPoint *prev = &raw[kept[k - 1]];
          double dt = times[kept[k]] - times[kept[k - 1]];

          if (prev->segment != p->segment)
            {
              if (slow_run <= STRIDE_TRACK_PAUSE_MIN_S)
                moving += slow_run;
              slow_run = 0;
            }
          else
            {
              double dd = step_distance (prev, p, file_distance, &cos_prev, &cos_this);

              if (!file_distance && !isnan (dd))
                path += dd;

              if (dt > 0)
                {
                  if (isnan (dd) || dd / dt >= STRIDE_TRACK_PAUSE_SPEED)
                    {
                      if (slow_run <= STRIDE_TRACK_PAUSE_MIN_S)
                        moving += slow_run;
                      slow_run = 0;
                      moving += dt;
                    }
                  else
                    {
                      slow_run += dt;
                    }
                }
            }
        }

      if (!isnan (p->elevation_m))
        {
          double e = p->elevation_m;

          if (isnan (ref_elevation))
            {
              ref_elevation = e;
            }
          else if (climbing)
            {
              if (e > ref_elevation)
                {
                  gain += e - ref_elevation;
                  ref_elevation = e;
                }
              else if (e < ref_elevation - STRIDE_TRACK_ELEVATION_HYST_M)
                {
                  climbing = FALSE;
                  ref_elevation = e;
                }
            }
          else
            {
              if (e < ref_elevation)
                {
                  ref_elevation = e;
                }
              else if (e > ref_elevation + STRIDE_TRACK_ELEVATION_HYST_M)
                {
                  gain += e - ref_elevation;
                  ref_elevation = e;
                  climbing = TRUE;
                }
            }
        }

      if (p->hr > 0 && p->hr <= STRIDE_TRACK_MAX_HR)
        {
          hr_sum += p->hr;
          hr_count++;
        }

      if (file_distance && !isnan (p->distance_m))
        file_max = isnan (file_max) ? p->distance_m : MAX (file_max, p->distance_m);

      memset (tp, 0, sizeof *tp);
      tp->time_s = times[kept[k]] - (double) out->activity.start_utc;
      tp->lat = has_position (p) ? p->lat : NAN;
      tp->lon = has_position (p) ? p->lon : NAN;
      tp->elevation_m = p->elevation_m;
      tp->distance_m = file_distance ? p->distance_m : path;
      tp->hr = p->hr > 0 && p->hr <= STRIDE_TRACK_MAX_HR ? p->hr : 0;
      tp->cadence = p->cadence;
      if (!file_distance && !has_position (p))
        tp->distance_m = NAN;

      cos_prev = cos_this;
    }

  if (slow_run <= STRIDE_TRACK_PAUSE_MIN_S)
    moving += slow_run;

  out->activity.distance_m = file_distance ? (isnan (file_max) ? 0 : file_max) : path;
  out->activity.moving_s = moving;
  out->activity.elevation_gain_m = gain;
  out->activity.avg_hr = hr_count > 0 ? (gint) ((double) hr_sum / hr_count + 0.5) : 0;

  return n_kept;
}

/* Reads exactly @n digits at *@p. */
static gboolean
read_digits (const char **p,
             guint        n,
             gint        *value)
{
  gint v = 0;

  for (guint i = 0; i < n; i++)
    {
      char c = (*p)[i];

      if (c < '0' || c > '9')
        return FALSE;
      v = v * 10 + (c - '0');
    }
  *p += n;
  *value = v;
  return TRUE;
}

static gint64
days_from_civil (gint year,
                 gint month,
                 gint day)
{
  /* Howard Hinnant's days_from_civil: days since 1970-01-01. */
  gint y = month <= 2 ? year - 1 : year;
  gint era = y / 400;
  gint yoe = y - era * 400;
  gint doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (gint64) era * 146097 + doe - 719468;
}

/* The common shape "YYYY-MM-DDTHH:MM:SS[.f](Z|±HH[[:]MM])?" (already
 * stripped), giving exactly what g_date_time_new_from_iso8601() gives for
 * it, including its rounding of the fraction to microseconds. Anything else
 * (other ISO 8601 forms, leap seconds, odd offsets, far years) returns
 * FALSE and takes the GDateTime path. */
static gboolean
parse_time_fast (const char *p,
                 const char *end,
                 double     *unix_s,
                 gint       *offset_s)
{
  static const guint8 month_days[2][13] = {
    { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
    { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
  };
  gint year, month, day, hour, minute, second;
  gint offset = 0;
  guint64 fraction = 0, divisor = 1;
  double seconds;
  volatile gint64 usec;
  volatile double usecd;
  gint64 whole;
  gboolean leap;

  if (end - p < 19
      || !read_digits (&p, 4, &year) || *p++ != '-'
      || !read_digits (&p, 2, &month) || *p++ != '-'
      || !read_digits (&p, 2, &day) || *p++ != 'T'
      || !read_digits (&p, 2, &hour) || *p++ != ':'
      || !read_digits (&p, 2, &minute) || *p++ != ':'
      || !read_digits (&p, 2, &second))
    return FALSE;

  leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (year < 1000 || year > 9998 || month < 1 || month > 12
      || day < 1 || day > month_days[leap][month]
      || hour > 23 || minute > 59 || second > 59)
    return FALSE;

  if (p < end && *p == '.')
    {
      guint n = 0;

      for (p++; p < end && *p >= '0' && *p <= '9'; p++, n++)
        {
          if (n == 9)
            return FALSE;
          fraction = fraction * 10 + (guint64) (*p - '0');
          divisor *= 10;
        }
      if (n == 0)
        return FALSE;
    }

  if (p < end && *p == 'Z')
    {
      p++;
    }
  else if (p < end && (*p == '+' || *p == '-'))
    {
      gint sign = *p++ == '-' ? -1 : 1;
      gint oh, om = 0;

      if (end - p < 2 || !read_digits (&p, 2, &oh))
        return FALSE;
      if (p < end && *p == ':')
        p++;
      if (p < end && (end - p < 2 || !read_digits (&p, 2, &om)))
        return FALSE;
      if (oh > 14 || om > 59)
        return FALSE;
      offset = sign * (oh * 3600 + om * 60);
    }
  if (p != end)
    return FALSE;

  /* Whole seconds, the usual case: GLib's arithmetic below gives exactly
   * these seconds and no microseconds. */
  if (divisor == 1)
    {
      *unix_s = (double) (days_from_civil (year, month, day) * 86400 + hour * 3600
                          + minute * 60 + second - offset);
      if (offset_s != NULL)
        *offset_s = offset;
      return TRUE;
    }

  /* As GLib: the seconds as a double, then microseconds from it. */
  seconds = (double) ((guint64) second * divisor + fraction) / (double) divisor;
  usec = (gint64) (seconds * G_USEC_PER_SEC);
  usecd = (usec + 1) * 1e-6;
  if (usecd <= seconds)
    usec++;

  whole = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60
          + (gint) seconds - offset;
  *unix_s = (double) whole + (usec % G_USEC_PER_SEC) / 1e6;
  if (offset_s != NULL)
    *offset_s = offset;

  return TRUE;
}

gboolean
stride_track_parse_time (const char *text,
                         GTimeZone  *utc,
                         double     *unix_s,
                         gint       *offset_s)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *copy = NULL;
  const char *end;

  g_return_val_if_fail (unix_s != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  if (end == text)
    return FALSE;

  /* GDateTime per point was most of the time of reading a track. */
  if (parse_time_fast (text, end, unix_s, offset_s))
    return TRUE;

  copy = g_strndup (text, end - text);
  dt = g_date_time_new_from_iso8601 (copy, utc);
  if (dt == NULL)
    return FALSE;

  *unix_s = (double) g_date_time_to_unix (dt) + g_date_time_get_microsecond (dt) / 1e6;
  if (offset_s != NULL)
    {
      *offset_s = (gint) (g_date_time_get_utc_offset (dt) / G_TIME_SPAN_SECOND);
      /* Real zones stay within ±14 h; anything past ±18 h is noise. */
      if (ABS (*offset_s) > 18 * 3600)
        *offset_s = 0;
    }

  return TRUE;
}

/* Plain decimals "[-]digits[.digits]" whose digits make an integer of at
 * most 2^53 with at most 22 of them after the point: the mantissa and the
 * power of ten are exact doubles, so one division is correctly rounded, as
 * strtod is. Anything else returns FALSE for the general path. */
static gboolean
parse_decimal_fast (const char *text,
                    double     *value)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  const char *p = text;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  guint n_digits = 0;
  guint n_fraction = 0;
  double v;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  /* 19 digits cannot overflow 64 bits; more give up. */
  for (; *p >= '0' && *p <= '9'; p++, n_digits++)
    mantissa = mantissa * 10 + (guint64) (*p - '0');
  if (*p == '.')
    {
      for (p++; *p >= '0' && *p <= '9'; p++, n_digits++, n_fraction++)
        mantissa = mantissa * 10 + (guint64) (*p - '0');
    }
  if (n_digits == 0 || n_digits > 19 || n_fraction >= G_N_ELEMENTS (powers)
      || mantissa > G_GUINT64_CONSTANT (1) << 53)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  v = (double) mantissa / powers[n_fraction];
  *value = negative ? -v : v;
  return TRUE;
}

gboolean
stride_track_parse_double (const char *text,
                           double     *value)
{
  char *end = NULL;
  double v;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;

  if (parse_decimal_fast (text, value))
    return TRUE;

  v = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || !isfinite (v))
    return FALSE;

  *value = v;
  return TRUE;
}

gboolean
stride_track_parse_int (const char *text,
                        gint       *value)
{
  double v;

  g_return_val_if_fail (value != NULL, FALSE);

  /* Some writers put "121.0" where an integer belongs. */
  if (!stride_track_parse_double (text, &v) || v < G_MININT || v > G_MAXINT)
    return FALSE;

  *value = (gint) lround (v);
  return TRUE;
}

StrideSport
stride_track_sport_from_text (const char  *text,
                              StrideSport  fallback)
{
  static const struct {
    const char  *word;
    StrideSport  sport;
  } words[] = {
    /* Substrings, first match wins; "run" covers running, trail_running… */
    { "run", STRIDE_SPORT_RUN },
    { "jog", STRIDE_SPORT_RUN },
    { "treadmill", STRIDE_SPORT_RUN },
    { "bik", STRIDE_SPORT_CYCLING },
    { "cycl", STRIDE_SPORT_CYCLING },
    { "ride", STRIDE_SPORT_CYCLING },
    { "walk", STRIDE_SPORT_WALK },
    { "hik", STRIDE_SPORT_WALK },
    { "swim", STRIDE_SPORT_SWIM },
    { "strength", STRIDE_SPORT_STRENGTH },
  };
  g_autofree char *lower = NULL;

  if (text == NULL)
    return fallback;

  lower = g_strstrip (g_ascii_strdown (text, -1));
  if (*lower == '\0')
    return fallback;

  /* Strava's older GPX exports write its numeric activity type. */
  if (g_str_equal (lower, "9"))
    return STRIDE_SPORT_RUN;
  if (g_str_equal (lower, "1"))
    return STRIDE_SPORT_CYCLING;
  if (g_str_equal (lower, "4") || g_str_equal (lower, "10"))
    return STRIDE_SPORT_WALK;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strstr (lower, words[i].word) != NULL)
        return words[i].sport;
    }

  return STRIDE_SPORT_OTHER;
}
