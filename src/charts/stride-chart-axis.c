/* stride-chart-axis.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "stride-types.h"
#include "stride-units.h"
#include "stride-chart-private.h"

#define SECONDS_PER_DAY 86400.0
/* The Julian day (GDate) of 1970-01-01. */
#define UNIX_EPOCH_JULIAN 719163.0

/* Civil dates from day numbers (days since 1970-01-01), proleptic
 * Gregorian, after Howard Hinnant's algorithms: no GDateTime per tick and
 * no overflow for any year we accept. */
gint64
_stride_days_from_civil (gint64 y,
                         guint  m,
                         guint  d)
{
  gint64 era;
  gint64 yoe;
  gint64 doy;
  gint64 doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
_stride_civil_from_days (gint64  z,
                         gint64 *y,
                         guint  *m,
                         guint  *d)
{
  gint64 era;
  gint64 doe;
  gint64 yoe;
  gint64 doy;
  gint64 mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (guint) (doy - (153 * mp + 2) / 5 + 1);
  *m = (guint) (mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

static char *
format_local (double      local_s,
              const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  gint64 days;
  gint64 y;
  guint m;
  guint d;
  double sod;

  if (!isfinite (local_s) || local_s < STRIDE_CHART_MIN_X || local_s > STRIDE_CHART_MAX_ABS_X)
    return g_strdup ("–");

  days = (gint64) floor (local_s / SECONDS_PER_DAY);
  sod = local_s - (double) days * SECONDS_PER_DAY;
  _stride_civil_from_days (days, &y, &m, &d);
  if (y < 1 || y > 9999)
    return g_strdup ("–");

  dt = g_date_time_new_utc ((int) y, (int) m, (int) d,
                            (int) (sod / 3600), ((int) sod % 3600) / 60, 0);
  if (dt == NULL)
    return g_strdup ("–");

  return g_date_time_format (dt, format);
}

char *
_stride_chart_format_date (double   x,
                           int      utc_offset,
                           gboolean with_time)
{
  /* Translators: a date in a chart read-out, see g_date_time_format();
   * e.g. "Tue 3 Nov 2026" */
  return format_local (x + utc_offset, with_time ? _("%a %-d %b %Y %H:%M") : _("%a %-d %b %Y"));
}

char *
_stride_chart_format_period (double       x,
                             int          utc_offset,
                             StridePeriod period,
                             GDateWeekday first_weekday)
{
  double local_s = x + utc_offset;
  double julian = floor (local_s / SECONDS_PER_DAY) + UNIX_EPOCH_JULIAN;

  switch (period)
    {
    case STRIDE_PERIOD_WEEK:
      if (julian >= 1 && julian <= G_MAXUINT32)
        local_s = ((double) stride_julian_week_start ((guint32) julian, first_weekday)
                   - UNIX_EPOCH_JULIAN) * SECONDS_PER_DAY;
      /* Translators: a week in a chart read-out, see g_date_time_format();
       * e.g. "Week of Mon 2 Nov 2026" */
      return format_local (local_s, _("Week of %a %-d %b %Y"));

    case STRIDE_PERIOD_MONTH:
      /* Translators: a month in a chart read-out, see g_date_time_format();
       * e.g. "November 2026" */
      return format_local (local_s, _("%B %Y"));

    case STRIDE_PERIOD_DAY:
    default:
      return _stride_chart_format_date (x, utc_offset, FALSE);
    }
}

void
_stride_time_tick_clear (gpointer tick)
{
  StrideTimeTick *t = tick;

  g_clear_pointer (&t->label, g_free);
}

typedef struct
{
  StrideTimeUnit unit;
  guint          step;
  double         approx_s;
  guint          label_chars;
} TimeCandidate;

static const TimeCandidate time_candidates[] = {
  { STRIDE_TIME_UNIT_MINUTE, 1, 60, 6 },
  { STRIDE_TIME_UNIT_MINUTE, 5, 300, 6 },
  { STRIDE_TIME_UNIT_MINUTE, 15, 900, 6 },
  { STRIDE_TIME_UNIT_MINUTE, 30, 1800, 6 },
  { STRIDE_TIME_UNIT_HOUR, 1, 3600, 6 },
  { STRIDE_TIME_UNIT_HOUR, 3, 3 * 3600, 6 },
  { STRIDE_TIME_UNIT_HOUR, 6, 6 * 3600, 6 },
  { STRIDE_TIME_UNIT_HOUR, 12, 12 * 3600, 7 },
  { STRIDE_TIME_UNIT_DAY, 1, SECONDS_PER_DAY, 7 },
  { STRIDE_TIME_UNIT_DAY, 2, 2 * SECONDS_PER_DAY, 7 },
  { STRIDE_TIME_UNIT_WEEK, 1, 7 * SECONDS_PER_DAY, 7 },
  { STRIDE_TIME_UNIT_WEEK, 2, 14 * SECONDS_PER_DAY, 7 },
  { STRIDE_TIME_UNIT_MONTH, 1, 30.44 * SECONDS_PER_DAY, 8 },
  { STRIDE_TIME_UNIT_MONTH, 3, 91.3 * SECONDS_PER_DAY, 8 },
  { STRIDE_TIME_UNIT_MONTH, 6, 182.6 * SECONDS_PER_DAY, 8 },
  { STRIDE_TIME_UNIT_YEAR, 1, 365.25 * SECONDS_PER_DAY, 6 },
  { STRIDE_TIME_UNIT_YEAR, 2, 2 * 365.25 * SECONDS_PER_DAY, 6 },
  { STRIDE_TIME_UNIT_YEAR, 5, 5 * 365.25 * SECONDS_PER_DAY, 6 },
  { STRIDE_TIME_UNIT_YEAR, 10, 10 * 365.25 * SECONDS_PER_DAY, 6 },
  { STRIDE_TIME_UNIT_YEAR, 25, 25 * 365.25 * SECONDS_PER_DAY, 6 },
  { STRIDE_TIME_UNIT_YEAR, 50, 50 * 365.25 * SECONDS_PER_DAY, 6 },
  { STRIDE_TIME_UNIT_YEAR, 100, 100 * 365.25 * SECONDS_PER_DAY, 6 },
  { STRIDE_TIME_UNIT_YEAR, 250, 250 * 365.25 * SECONDS_PER_DAY, 6 },
  { STRIDE_TIME_UNIT_YEAR, 500, 500 * 365.25 * SECONDS_PER_DAY, 6 },
  { STRIDE_TIME_UNIT_YEAR, 1000, 1000 * 365.25 * SECONDS_PER_DAY, 6 },
};

#define MAX_TIME_TICKS 400

static void
add_tick (GArray     *ticks,
          double      local_s,
          int         utc_offset,
          const char *format,
          gboolean    major)
{
  StrideTimeTick tick;

  tick.x = local_s - utc_offset;
  tick.label = format_local (local_s, format);
  tick.major = major;
  g_array_append_val (ticks, tick);
}

/* Picks the unit from the visible span: the finest candidate whose ticks
 * stay a label's width apart at @width_px, then lists the boundaries (in
 * local time, @utc_offset) inside [@from, @to]. */
StrideTimeUnit
_stride_chart_time_ticks (double   from,
                          double   to,
                          double   width_px,
                          double   char_px,
                          int      utc_offset,
                          GArray **out_ticks)
{
  const TimeCandidate *c = NULL;
  GArray *ticks;
  double span;
  double l0;
  double l1;

  ticks = g_array_new (FALSE, FALSE, sizeof (StrideTimeTick));
  g_array_set_clear_func (ticks, _stride_time_tick_clear);
  if (out_ticks != NULL)
    *out_ticks = ticks;

  span = to - from;
  if (!isfinite (span) || span <= 0 || !(width_px >= 1) || !(char_px > 0)
      || from < STRIDE_CHART_MIN_X || to > STRIDE_CHART_MAX_ABS_X)
    {
      if (out_ticks == NULL)
        g_array_unref (ticks);
      return STRIDE_TIME_UNIT_NONE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (time_candidates); i++)
    {
      double spacing = time_candidates[i].approx_s / span * width_px;

      if (spacing >= (time_candidates[i].label_chars + 2) * char_px)
        {
          c = &time_candidates[i];
          break;
        }
    }

  if (c == NULL)
    {
      if (out_ticks == NULL)
        g_array_unref (ticks);
      return STRIDE_TIME_UNIT_NONE;
    }

  if (out_ticks == NULL)
    {
      g_array_unref (ticks);
      return c->unit;
    }

  l0 = from + utc_offset;
  l1 = to + utc_offset;

  switch (c->unit)
    {
    case STRIDE_TIME_UNIT_MINUTE:
    case STRIDE_TIME_UNIT_HOUR:
      {
        double s = c->approx_s;
        double t = ceil (l0 / s) * s;

        for (; t <= l1 && ticks->len < MAX_TIME_TICKS; t += s)
          {
            gboolean midnight = fmod (t, SECONDS_PER_DAY) == 0;

            /* Translators: chart axis formats, see g_date_time_format():
             * a time of day "14:00" and a day "Mon 3" */
            add_tick (ticks, t, utc_offset, midnight ? _("%a %-d") : _("%H:%M"), midnight);
          }
      }
      break;

    case STRIDE_TIME_UNIT_DAY:
    case STRIDE_TIME_UNIT_WEEK:
      {
        gint64 d = (gint64) ceil (l0 / SECONDS_PER_DAY);
        gint64 last = (gint64) floor (l1 / SECONDS_PER_DAY);
        guint prev_month = 0;

        if (c->unit == STRIDE_TIME_UNIT_WEEK)
          {
            /* Weeks start on Monday; 1970-01-05 was one. */
            gint64 k = ((d - 4) % 7 + 7) % 7;

            if (k != 0)
              d += 7 - k;
            if (c->step == 2 && (((d - 4) / 7) % 2 + 2) % 2 != 0)
              d += 7;
          }
        else if (c->step == 2 && (d % 2 + 2) % 2 != 0)
          {
            d++;
          }

        for (; d <= last && ticks->len < MAX_TIME_TICKS;
             d += (c->unit == STRIDE_TIME_UNIT_WEEK ? 7 : 1) * c->step)
          {
            gint64 y;
            guint m;
            guint dd;

            _stride_civil_from_days (d, &y, &m, &dd);
            if (c->unit == STRIDE_TIME_UNIT_DAY)
              add_tick (ticks, d * SECONDS_PER_DAY, utc_offset, _("%a %-d"), dd == 1);
            else
              /* Translators: a week on a chart axis, "3 Nov" */
              add_tick (ticks, d * SECONDS_PER_DAY, utc_offset, _("%-d %b"),
                        prev_month != 0 && m != prev_month);
            prev_month = m;
          }
      }
      break;

    case STRIDE_TIME_UNIT_MONTH:
      {
        gint64 d = (gint64) ceil (l0 / SECONDS_PER_DAY);
        gint64 y;
        guint m;
        guint dd;
        gint64 mi;
        gboolean first = TRUE;

        _stride_civil_from_days (d, &y, &m, &dd);
        mi = y * 12 + (m - 1);
        if (dd != 1)
          mi++;
        while (mi % c->step != 0)
          mi++;

        for (; ticks->len < MAX_TIME_TICKS; mi += c->step)
          {
            gint64 yy = mi / 12;
            guint mm = (guint) (mi % 12) + 1;
            double t = _stride_days_from_civil (yy, mm, 1) * SECONDS_PER_DAY;

            if (t > l1)
              break;
            /* Translators: a month on a chart axis, "Nov"; with its year
             * in January and on the first label, "Nov 2026" */
            add_tick (ticks, t, utc_offset,
                      (mm == 1 || first) ? _("%b %Y") : _("%b"), mm == 1);
            first = FALSE;
          }
      }
      break;

    case STRIDE_TIME_UNIT_YEAR:
      {
        gint64 d = (gint64) ceil (l0 / SECONDS_PER_DAY);
        gint64 y;
        guint m;
        guint dd;

        _stride_civil_from_days (d, &y, &m, &dd);
        if (m != 1 || dd != 1)
          y++;
        while (y % c->step != 0)
          y++;

        for (; ticks->len < MAX_TIME_TICKS; y += c->step)
          {
            double t = _stride_days_from_civil (y, 1, 1) * SECONDS_PER_DAY;

            if (t > l1 || y > 9999)
              break;
            /* Translators: a year on a chart axis, "2026" */
            add_tick (ticks, t, utc_offset, _("%Y"), TRUE);
          }
      }
      break;

    case STRIDE_TIME_UNIT_NONE:
    default:
      break;
    }

  return c->unit;
}

/* ----- value axes ----- */

guint
stride_chart_nice_ticks (double  min,
                         double  max,
                         guint   max_ticks,
                         double *first,
                         double *step)
{
  static const double mult[] = { 1.0, 2.0, 2.5, 5.0 };
  double dummy_first;
  double dummy_step;
  double range;
  double rough;
  double mag;

  if (first == NULL)
    first = &dummy_first;
  if (step == NULL)
    step = &dummy_step;

  *first = 0;
  *step = 1;

  if (!isfinite (min) || !isfinite (max))
    return 0;

  if (min > max)
    {
      double t = min;

      min = max;
      max = t;
    }

  if (max_ticks < 2)
    max_ticks = 2;

  range = max - min;
  if (!isfinite (range))
    return 0;

  if (range == 0 || range < fabs (max) * 1e-12)
    {
      *first = min;
      *step = min != 0 ? pow (10, floor (log10 (fabs (min)))) : 1;
      return 1;
    }

  rough = range / max_ticks;
  mag = pow (10, floor (log10 (rough)));

  for (guint k = 0; k < 8; k++, mag *= 10)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mult); i++)
        {
          double s = mult[i] * mag;
          double f;
          double n;

          if (s < rough * (1 - 1e-9))
            continue;

          f = ceil (min / s - 1e-9) * s;
          n = floor ((max - f) / s + 1e-9) + 1;
          if (n <= max_ticks)
            {
              *first = f == 0 ? 0 : f; /* no "-0" */
              *step = s;
              return n > 0 ? (guint) n : 0;
            }
        }
    }

  return 0;
}

/* Steps that read well as m:ss (paces) or h:mm (durations). */
double
_stride_chart_pace_step (double range,
                         guint  max_ticks)
{
  static const double steps[] = {
    1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800,
    3600, 7200, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600,
  };

  if (max_ticks < 2)
    max_ticks = 2;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (range / steps[i] <= max_ticks - 1)
      return steps[i];

  {
    double first;
    double step;

    stride_chart_nice_ticks (0, range / 3600, max_ticks, &first, &step);
    return MAX (step, 1) * 3600;
  }
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
quantile (const double *sorted,
          guint         n,
          double        q)
{
  double pos = q * (n - 1);
  guint i = (guint) floor (pos);
  double frac = pos - i;

  if (i + 1 >= n)
    return sorted[n - 1];
  return sorted[i] + frac * (sorted[i + 1] - sorted[i]);
}

/* The robust range of a pace axis, so one GPS glitch (a 2:00 /km "run")
 * does not flatten every other run against the edge: with 5 or more
 * values, those beyond 3 interquartile ranges outside the quartiles
 * (Tukey's "far out" fence; the IQR is taken as at least 2 % of the
 * median so near-equal paces keep a sensible fence) are left out, and the
 * range is that of the values left. The others are drawn clamped at the
 * edge with a small mark. Sorts @values in place. */
void
_stride_chart_robust_range (double *values,
                            guint   n,
                            double *lo,
                            double *hi)
{
  double q1;
  double q3;
  double iqr;
  double med;
  guint a;
  guint b;

  g_assert (n > 0);

  qsort (values, n, sizeof (double), compare_double);
  *lo = values[0];
  *hi = values[n - 1];

  if (n < 5)
    return;

  q1 = quantile (values, n, 0.25);
  q3 = quantile (values, n, 0.75);
  med = quantile (values, n, 0.5);
  iqr = MAX (q3 - q1, 0.02 * fabs (med));
  if (!(iqr > 0))
    return;

  for (a = 0; a < n && values[a] < q1 - 3 * iqr; a++)
    ;
  for (b = n; b > a && values[b - 1] > q3 + 3 * iqr; b--)
    ;
  if (b > a)
    {
      *lo = values[a];
      *hi = values[b - 1];
    }
}

static char *
format_number (double value,
               guint  decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value) < 0.5 * pow (10, -(double) decimals))
    value = 0;
  g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" :
                   decimals == 1 ? "%.1f" : decimals == 2 ? "%.2f" : "%.3f", value);
  return g_strdup (buf);
}

/* "m:ss" / "h:mm:ss" for seconds; negatives get a minus sign. */
static char *
format_clock (double seconds)
{
  g_autofree char *clock = stride_units_format_duration (fabs (seconds));

  if (seconds < 0 && llround (seconds) != 0)
    return g_strconcat ("−", clock, NULL);
  return g_steal_pointer (&clock);
}

char *
_stride_chart_format_tick (const StrideValueAxis *axis,
                           double                 value)
{
  switch (axis->kind)
    {
    case STRIDE_VALUE_PACE:
      return format_clock (value);

    case STRIDE_VALUE_DURATION:
      {
        /* h:mm on the axis; below an hour step m:ss reads better. */
        if (axis->step >= 3600 || fabs (axis->hi) >= 3600)
          {
            double minutes = floor (fabs (value) / 60 + 0.5);

            return g_strdup_printf ("%s%d:%02d", value < 0 ? "−" : "",
                                    (int) (minutes / 60), (int) fmod (minutes, 60));
          }
        return format_clock (value);
      }

    case STRIDE_VALUE_PERCENT:
      {
        g_autofree char *n = format_number (value, axis->decimals);

        /* Translators: a percentage on a chart axis, "95%" */
        return g_strdup_printf (_("%s%%"), n);
      }

    case STRIDE_VALUE_PLAIN:
    default:
      return format_number (value, axis->decimals);
    }
}

/* A value in a read-out or description: "5:12 /km", "12.5 km", "92%". */
char *
_stride_chart_format_value (StrideValueKind  kind,
                            const char      *unit,
                            double           value)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup ("–");

  switch (kind)
    {
    case STRIDE_VALUE_PACE:
      number = format_clock (value);
      if (unit == NULL || *unit == '\0')
        return g_steal_pointer (&number);
      return g_strdup_printf ("%s %s%s", number, strchr (unit, '/') ? "" : "/", unit);

    case STRIDE_VALUE_DURATION:
      number = format_clock (value);
      break;

    case STRIDE_VALUE_PERCENT:
      {
        number = format_number (value, fabs (value) >= 100 ? 0 : 1);
        return g_strdup_printf (_("%s%%"), number);
      }

    case STRIDE_VALUE_PLAIN:
    default:
      {
        double a = fabs (value);
        char *end;

        number = format_number (value, a >= 100 ? 0 : a >= 10 ? 1 : 2);
        /* Drop trailing zeros: "12.50" → "12.5", "3.00" → "3". */
        if (strchr (number, '.'))
          {
            end = number + strlen (number) - 1;
            while (*end == '0')
              *end-- = '\0';
            if (*end == '.')
              *end = '\0';
          }
      }
      break;
    }

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, unit);
}
