/* stride-chart-data.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-chart-data"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "stride-chart-data.h"
#include "stride-labels.h"
#include "stride-load.h"

#define SECONDS_PER_DAY     86400
/* GDate's Julian day of 1970-01-01. */
#define JULIAN_UNIX_EPOCH   719163
/* Days read before the range so that averages start warm. */
#define PACE_WARM_UP_DAYS   180
#define LOAD_WARM_UP_DAYS   90
/* Pace inside a run: speed over at least this many seconds of track. */
#define RUN_PACE_WINDOW_S   20.0
#define RUN_SLOWEST_SPEED   (STRIDE_METERS_PER_KM / STRIDE_UNITS_MAX_PACE_S_PER_KM)
/* Weekly volume as lines rather than bars beyond this many weeks. */
#define LONG_VOLUME_WEEKS   104
/* How many runs back to look for one with a track. */
#define TRACKED_RUN_SEARCH  60

/* Series colour indices of stride_chart_data_style_init(). */
enum
{
  COLOR_BLUE,
  COLOR_GREEN,
  COLOR_ORANGE,
  COLOR_PURPLE,
  COLOR_RED,
  COLOR_SLATE,
  COLOR_BLUE_LIGHT,
  COLOR_PURPLE_LIGHT,
};

static const char *const kind_ids[] = { "pace", "volume", "load", NULL };

void
stride_chart_request_init (StrideChartRequest *request,
                           StrideChartKind     kind)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (request != NULL);

  memset (request, 0, sizeof *request);
  request->kind = kind;
  request->distance_units = STRIDE_UNITS_METRIC;
  request->pace_units = STRIDE_UNITS_METRIC;
  request->first_weekday = G_DATE_MONDAY;
  request->utc_offset_s = (int) (g_date_time_get_utc_offset (now) / G_USEC_PER_SEC);
}

const char *const *
stride_chart_kind_list_ids (void)
{
  return kind_ids;
}

gboolean
stride_chart_kind_from_id (const char      *id,
                           StrideChartKind *kind)
{
  static const StrideChartKind kinds[] = {
    STRIDE_CHART_KIND_PACE, STRIDE_CHART_KIND_VOLUME, STRIDE_CHART_KIND_LOAD,
  };

  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; id != NULL && kind_ids[i] != NULL; i++)
    if (g_str_equal (id, kind_ids[i]))
      {
        *kind = kinds[i];
        return TRUE;
      }

  return FALSE;
}

const char *
stride_chart_kind_to_id (StrideChartKind kind)
{
  switch (kind)
    {
    case STRIDE_CHART_KIND_PACE:
      return "pace";
    case STRIDE_CHART_KIND_RUN:
      return "run";
    case STRIDE_CHART_KIND_VOLUME:
      return "volume";
    case STRIDE_CHART_KIND_LOAD:
      return "load";
    case STRIDE_N_CHART_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
stride_chart_kind_get_title (StrideChartKind kind)
{
  switch (kind)
    {
    case STRIDE_CHART_KIND_PACE:
      return _("Pace by Run Type");
    case STRIDE_CHART_KIND_RUN:
      return _("Pace Inside a Run");
    case STRIDE_CHART_KIND_VOLUME:
      return _("Weekly Volume");
    case STRIDE_CHART_KIND_LOAD:
      return _("Training Load");
    case STRIDE_N_CHART_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gint64
stride_chart_data_day_start (guint32 julian,
                             int     utc_offset_s)
{
  return ((gint64) julian - JULIAN_UNIX_EPOCH) * SECONDS_PER_DAY - utc_offset_s;
}

gboolean
stride_chart_data_parse_date (const char *text,
                              guint32    *julian)
{
  guint64 year;
  guint64 month;
  guint64 day;
  g_autoptr(GDate) date = NULL;

  g_return_val_if_fail (julian != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year)
      || month < 1 || month > 12)
    return FALSE;

  date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *julian = g_date_get_julian (date);
  return TRUE;
}

/* Style */

static void
set_color (StrideColor *color,
           guint32      rgb,
           double       alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

void
stride_chart_data_style_init (StrideChartStyle *style,
                              gboolean          dark,
                              gboolean          high_contrast)
{
  /* The GNOME palette: blue 3, green 4, orange 3, purple 3, red 3, and
   * their lighter tones on dark backgrounds. */
  static const guint32 light_colors[] = {
    0x1c71d8, 0x26a269, 0xe66100, 0x813d9c, 0xc01c28, 0x5e5c64,
  };
  static const guint32 dark_colors[] = {
    0x62a0ea, 0x57e389, 0xffa348, 0xc061cb, 0xf66151, 0xc0bfbc,
  };
  const guint32 *colors = dark ? dark_colors : light_colors;

  g_return_if_fail (style != NULL);

  if (high_contrast)
    stride_chart_style_init_high_contrast (style);
  else if (dark)
    stride_chart_style_init_dark (style);
  else
    stride_chart_style_init_light (style);

  if (high_contrast && dark)
    {
      set_color (&style->background, 0x000000, 1.0);
      set_color (&style->foreground, 0xffffff, 1.0);
      set_color (&style->grid, 0xffffff, 0.5);
    }

  for (guint i = 0; i < G_N_ELEMENTS (light_colors); i++)
    set_color (&style->series[i], colors[i], 1.0);

  /* "Planned": the same hue, see-through, so that done reads in front. */
  set_color (&style->series[COLOR_BLUE_LIGHT], colors[COLOR_BLUE], high_contrast ? 0.5 : 0.35);
  set_color (&style->series[COLOR_PURPLE_LIGHT], colors[COLOR_PURPLE], high_contrast ? 0.5 : 0.35);
}

/* Helpers */

typedef struct
{
  guint n_series;
  guint n_points;
} Count;

static void
count_series (Count  *count,
              GArray *points)
{
  count->n_series++;
  count->n_points += points->len;
}

static void
append_point (GArray *points,
              double  x,
              double  y)
{
  StrideChartPoint point = { x, y };

  g_array_append_val (points, point);
}

static GArray *
new_points (void)
{
  return g_array_new (FALSE, FALSE, sizeof (StrideChartPoint));
}

static GArray *
list_all_runs (StrideStore  *store,
               gint64        to_utc,
               GError      **error)
{
  return stride_store_list_runs (store, G_MININT32, to_utc, error);
}

gboolean
stride_chart_data_has_runs (StrideStore  *store,
                            gboolean     *has_runs,
                            GError      **error)
{
  g_autoptr(GArray) runs = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (has_runs != NULL, FALSE);

  runs = list_all_runs (store, G_MAXINT32 * (gint64) 4, error);
  if (runs == NULL)
    return FALSE;

  *has_runs = runs->len > 0;
  return TRUE;
}

/* The first local day with an activity, or @fallback. */
static gboolean
first_day (StrideStore  *store,
           guint32       to,
           guint32      *first,
           GError      **error)
{
  g_autoptr(GArray) days = stride_store_list_days (store, 1, to, error);

  if (days == NULL)
    return FALSE;

  if (days->len > 0)
    *first = g_array_index (days, StrideDaySummary, 0).date;
  return TRUE;
}

/* Pace per run, by run type */

static const struct
{
  StrideRunType  type;
  guint          color;
  const char    *name;
} pace_types[] = {
  { STRIDE_RUN_TYPE_EASY, COLOR_GREEN, N_("Easy") },
  { STRIDE_RUN_TYPE_LONG, COLOR_BLUE, N_("Long") },
  { STRIDE_RUN_TYPE_TEMPO, COLOR_ORANGE, N_("Tempo") },
  { STRIDE_RUN_TYPE_INTERVALS, COLOR_PURPLE, N_("Intervals") },
  { STRIDE_RUN_TYPE_RACE, COLOR_RED, N_("Race") },
};

static gboolean
build_pace (StrideChart              *chart,
            StrideStore              *store,
            const StrideChartRequest *request,
            gint64                    from_utc,
            gint64                    to_utc,
            Count                    *count,
            GError                  **error)
{
  g_autoptr(GArray) runs = NULL;
  const char *unit = request->pace_units == STRIDE_UNITS_IMPERIAL ? _("/mi") : _("/km");

  runs = stride_store_list_runs (store, from_utc - PACE_WARM_UP_DAYS * SECONDS_PER_DAY, to_utc,
                                 error);
  if (runs == NULL)
    return FALSE;

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, _("Pace"), unit, STRIDE_VALUE_PACE, FALSE);
  stride_chart_set_empty_text (chart, _("No easy, long, tempo, interval or race runs in this range"));

  for (guint t = 0; t < G_N_ELEMENTS (pace_types); t++)
    {
      g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) paces = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) dots = new_points ();
      g_autoptr(GArray) line = new_points ();
      g_autofree double *means = NULL;
      g_autofree char *line_name = NULL;

      for (guint i = 0; i < runs->len; i++)
        {
          const StrideRunSummary *run = &g_array_index (runs, StrideRunSummary, i);
          double s_per_km;
          double x;

          if (run->run_type != pace_types[t].type || run->distance_m <= 0 || run->duration_s <= 0)
            continue;

          s_per_km = stride_units_pace_from (run->distance_m, run->duration_s);
          if (s_per_km < STRIDE_UNITS_MIN_PACE_S_PER_KM || s_per_km > STRIDE_UNITS_MAX_PACE_S_PER_KM)
            continue;

          s_per_km = stride_units_pace_to_display (s_per_km, request->pace_units);
          x = (double) run->start_utc;
          g_array_append_val (xs, x);
          g_array_append_val (paces, s_per_km);
        }

      means = g_new0 (double, MAX (paces->len, 1));
      stride_rolling_mean ((const double *) paces->data, paces->len, STRIDE_CHART_PACE_WINDOW, means);

      for (guint i = 0; i < xs->len; i++)
        {
          double x = g_array_index (xs, double, i);

          if (x < from_utc)
            continue;
          append_point (dots, x, g_array_index (paces, double, i));
          append_point (line, x, means[i]);
        }

      if (dots->len == 0)
        continue;

      /* Translators: a line in the pace chart, "Easy, 5-run average" */
      line_name = g_strdup_printf (_("%s, %d-run average"), _(pace_types[t].name),
                                   STRIDE_CHART_PACE_WINDOW);
      stride_chart_add_points (chart, _(pace_types[t].name), STRIDE_AXIS_LEFT, pace_types[t].color,
                               (const StrideChartPoint *) dots->data, dots->len);
      stride_chart_add_line (chart, line_name, STRIDE_AXIS_LEFT, pace_types[t].color,
                             (const StrideChartPoint *) line->data, line->len);
      count_series (count, dots);
      count_series (count, line);
    }

  return TRUE;
}

/* Pace and heart rate inside one run */

static gboolean
latest_tracked_run (StrideStore  *store,
                    gint64       *id,
                    GError      **error)
{
  g_autoptr(GArray) runs = stride_chart_data_list_tracked_runs (store, 1, error);

  if (runs == NULL)
    return FALSE;

  *id = runs->len > 0 ? g_array_index (runs, StrideRunSummary, 0).id : 0;
  return TRUE;
}

GArray *
stride_chart_data_list_tracked_runs (StrideStore  *store,
                                     guint         max,
                                     GError      **error)
{
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GArray) tracked = g_array_new (FALSE, FALSE, sizeof (StrideRunSummary));
  guint checked = 0;

  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);

  runs = list_all_runs (store, G_MAXINT32 * (gint64) 4, error);
  if (runs == NULL)
    return NULL;

  for (guint i = runs->len; i > 0 && tracked->len < max && checked < TRACKED_RUN_SEARCH; i--)
    {
      const StrideRunSummary *run = &g_array_index (runs, StrideRunSummary, i - 1);
      g_autoptr(GArray) points = stride_store_list_trackpoints (store, run->id, error);

      if (points == NULL)
        return NULL;

      checked++;
      if (points->len >= 2)
        g_array_append_val (tracked, *run);
    }

  return g_steal_pointer (&tracked);
}

static gboolean
build_run_of (StrideChart              *chart,
              StrideStore              *store,
              const StrideChartRequest *request,
              StrideActivity           *activity,
              StrideChartInfo          *info,
              Count                    *count,
              GError                  **error)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GArray) laps = NULL;
  g_autoptr(GArray) pace = new_points ();
  g_autoptr(GArray) heart = new_points ();
  const char *unit = request->pace_units == STRIDE_UNITS_IMPERIAL ? _("/mi") : _("/km");
  gint64 id = request->activity_id;
  guint back = 0;

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, _("Pace"), unit, STRIDE_VALUE_PACE, FALSE);
  stride_chart_set_axis (chart, STRIDE_AXIS_RIGHT, _("Heart rate"), _("bpm"), STRIDE_VALUE_PLAIN,
                         FALSE);
  stride_chart_set_empty_text (chart, _("No run with a recorded track yet"));

  if (id == 0 && !latest_tracked_run (store, &id, error))
    return FALSE;
  if (id == 0)
    return TRUE;

  if (!stride_store_get_activity (store, id, activity, error))
    return FALSE;
  points = stride_store_list_trackpoints (store, id, error);
  if (points == NULL)
    return FALSE;
  laps = stride_store_list_laps (store, id, error);
  if (laps == NULL)
    return FALSE;

  info->activity_id = id;
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_offset (activity->tz_offset_s);
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (activity->start_utc);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
    /* Translators: a strftime format for the day of a run in a chart title */
    g_autofree char *text = g_date_time_format (local, _("%a %-d %b %Y"));
    g_autofree char *title = NULL;

    /* Translators: chart title, "Tempo Run, Tue 3 Nov 2026" */
    title = g_strdup_printf (_("%s, %s"),
                             activity->title != NULL && *activity->title != '\0'
                               ? activity->title : stride_label_for_run_type (activity->run_type),
                             text);
    stride_chart_set_title (chart, title);
  }
  /* Clock times of the run where it was run, not today's offset here. */
  stride_chart_set_utc_offset (chart, activity->tz_offset_s);

  for (guint i = 0; i < points->len; i++)
    {
      const StrideTrackpoint *point = &g_array_index (points, StrideTrackpoint, i);
      double x = (double) activity->start_utc + point->time_s;
      double y = NAN;

      while (back < i
             && point->time_s - g_array_index (points, StrideTrackpoint, back + 1).time_s
                >= RUN_PACE_WINDOW_S)
        back++;

      if (back < i)
        {
          const StrideTrackpoint *start = &g_array_index (points, StrideTrackpoint, back);
          double dt = point->time_s - start->time_s;
          double dd = point->distance_m - start->distance_m;

          if (dt > 0 && isfinite (dd) && dd / dt >= RUN_SLOWEST_SPEED)
            y = stride_units_pace_to_display (stride_units_speed_to_pace (dd / dt),
                                              request->pace_units);
        }
      if (i > 0)
        append_point (pace, x, y);
      append_point (heart, x, point->hr > 0 ? (double) point->hr : NAN);
    }

  stride_chart_add_line (chart, _("Pace"), STRIDE_AXIS_LEFT, COLOR_BLUE,
                         (const StrideChartPoint *) pace->data, pace->len);
  count_series (count, pace);
  if (activity->avg_hr > 0 || heart->len > 0)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < heart->len && !any; i++)
        any = !isnan (g_array_index (heart, StrideChartPoint, i).y);
      if (any)
        {
          stride_chart_add_line (chart, _("Heart rate"), STRIDE_AXIS_RIGHT, COLOR_RED,
                                 (const StrideChartPoint *) heart->data, heart->len);
          count_series (count, heart);
        }
    }

  for (guint i = 1; i < laps->len; i++)
    {
      const StrideLap *lap = &g_array_index (laps, StrideLap, i);
      g_autofree char *label = g_strdup_printf (_("Lap %d"), lap->lap_index + 1);

      stride_chart_add_marker (chart, (double) activity->start_utc + lap->start_s, label, FALSE);
    }

  if (points->len > 0)
    {
      info->x_from = (double) activity->start_utc + g_array_index (points, StrideTrackpoint, 0).time_s;
      info->x_to = (double) activity->start_utc
                   + g_array_index (points, StrideTrackpoint, points->len - 1).time_s;
    }

  return TRUE;
}

static gboolean
build_run (StrideChart              *chart,
           StrideStore              *store,
           const StrideChartRequest *request,
           StrideChartInfo          *info,
           Count                    *count,
           GError                  **error)
{
  StrideActivity activity = { 0 };
  gboolean ok;

  ok = build_run_of (chart, store, request, &activity, info, count, error);
  stride_activity_clear (&activity);
  return ok;
}

/* Weekly volume, planned vs done */

static guint32
week_start_of (guint32      day,
               GDateWeekday first_weekday)
{
  g_autoptr(GDate) date = g_date_new_julian (day);
  guint weekday = g_date_get_weekday (date);          /* Monday 1 … Sunday 7 */

  return day - (first_weekday == G_DATE_SUNDAY ? weekday % 7 : weekday - 1);
}

static gboolean
build_volume (StrideChart              *chart,
              StrideStore              *store,
              const StrideChartRequest *request,
              guint32                   from,
              guint32                   to,
              Count                    *count,
              GError                  **error)
{
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) run_done = new_points ();
  g_autoptr(GArray) run_planned = new_points ();
  g_autoptr(GArray) strength_done = new_points ();
  g_autoptr(GArray) strength_planned = new_points ();
  const char *unit = request->distance_units == STRIDE_UNITS_IMPERIAL ? _("mi") : _("km");
  gboolean any_plan = FALSE;
  gboolean any = FALSE;

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, _("Running"), unit, STRIDE_VALUE_PLAIN, TRUE);
  stride_chart_set_axis (chart, STRIDE_AXIS_RIGHT, _("Strength"), _("min"), STRIDE_VALUE_PLAIN,
                         TRUE);
  stride_chart_set_empty_text (chart, _("No runs or strength sessions in this range"));

  weeks = stride_store_list_weeks (store, from, to, request->first_weekday, error);
  if (weeks == NULL)
    return FALSE;

  for (guint i = 0; i < weeks->len; i++)
    {
      const StrideWeekVolume *week = &g_array_index (weeks, StrideWeekVolume, i);
      double start = (double) stride_chart_data_day_start (week->week_start, request->utc_offset_s);
      double run_x = start + 2 * SECONDS_PER_DAY;
      double strength_x = start + 5 * SECONDS_PER_DAY;

      /* Running in the week's first half, strength in its second (at
       * midnights: read-outs then show a day, not a time); planned is the
       * wider, lighter bar behind what was done. */
      append_point (run_planned, run_x,
                    stride_units_distance_to_display (week->planned_distance_m,
                                                      request->distance_units));
      append_point (run_done, run_x,
                    stride_units_distance_to_display (week->run_distance_m,
                                                      request->distance_units));
      append_point (strength_planned, strength_x, week->planned_strength_s / 60.0);
      append_point (strength_done, strength_x, week->strength_s / 60.0);

      any_plan |= week->planned_distance_m > 0 || week->planned_strength_s > 0;
      any |= week->run_distance_m > 0 || week->strength_s > 0 || week->planned_distance_m > 0
             || week->planned_strength_s > 0;
    }

  if (!any)
    return TRUE;

  /* Over two years, bars would be thinner than a pixel: weekly lines. */
  if (weeks->len > LONG_VOLUME_WEEKS)
    {
      stride_chart_add_line (chart, _("Running"), STRIDE_AXIS_LEFT, COLOR_BLUE,
                             (const StrideChartPoint *) run_done->data, run_done->len);
      stride_chart_add_line (chart, _("Strength"), STRIDE_AXIS_RIGHT, COLOR_PURPLE,
                             (const StrideChartPoint *) strength_done->data, strength_done->len);
      count_series (count, run_done);
      count_series (count, strength_done);
      return TRUE;
    }

  if (any_plan)
    {
      stride_chart_add_bars (chart, _("Running, planned"), STRIDE_AXIS_LEFT, COLOR_BLUE_LIGHT,
                             3.0 * SECONDS_PER_DAY, 0,
                             (const StrideChartPoint *) run_planned->data, run_planned->len);
      count_series (count, run_planned);
    }
  stride_chart_add_bars (chart, _("Running, done"), STRIDE_AXIS_LEFT, COLOR_BLUE,
                         2.0 * SECONDS_PER_DAY, 1,
                         (const StrideChartPoint *) run_done->data, run_done->len);
  count_series (count, run_done);
  if (any_plan)
    {
      stride_chart_add_bars (chart, _("Strength, planned"), STRIDE_AXIS_RIGHT, COLOR_PURPLE_LIGHT,
                             3.0 * SECONDS_PER_DAY, 2,
                             (const StrideChartPoint *) strength_planned->data,
                             strength_planned->len);
      count_series (count, strength_planned);
    }
  stride_chart_add_bars (chart, _("Strength, done"), STRIDE_AXIS_RIGHT, COLOR_PURPLE,
                         2.0 * SECONDS_PER_DAY, 3,
                         (const StrideChartPoint *) strength_done->data, strength_done->len);
  count_series (count, strength_done);

  return TRUE;
}

/* Training load: daily sRPE, EWMA acute and chronic, their ratio */

static gboolean
build_load (StrideChart              *chart,
            StrideStore              *store,
            const StrideChartRequest *request,
            guint32                   from,
            guint32                   to,
            Count                    *count,
            GError                  **error)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) measured = new_points ();
  g_autoptr(GArray) estimated = new_points ();
  g_autoptr(GArray) acute_line = new_points ();
  g_autoptr(GArray) chronic_line = new_points ();
  g_autoptr(GArray) ratio_line = new_points ();
  g_autofree double *daily = NULL;
  g_autofree double *acute = NULL;
  g_autofree double *chronic = NULL;
  guint32 start = from > LOAD_WARM_UP_DAYS ? from - LOAD_WARM_UP_DAYS : 1;
  guint n_days;

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, _("Load"), _("AU"), STRIDE_VALUE_PLAIN, TRUE);
  stride_chart_set_axis (chart, STRIDE_AXIS_RIGHT, _("Acute:chronic"), NULL, STRIDE_VALUE_PLAIN,
                         TRUE);
  stride_chart_set_empty_text (chart, _("No training sessions in this range"));

  days = stride_store_list_days (store, start, to, error);
  if (days == NULL)
    return FALSE;
  if (days->len == 0)
    return TRUE;

  /* The curves start with the first session: no made-up rest before it. */
  start = MAX (start, g_array_index (days, StrideDaySummary, 0).date);
  n_days = to - start + 1;
  daily = g_new0 (double, n_days);
  acute = g_new0 (double, n_days);
  chronic = g_new0 (double, n_days);

  for (guint i = 0; i < days->len; i++)
    {
      const StrideDaySummary *day = &g_array_index (days, StrideDaySummary, i);

      if (day->date >= start && day->date <= to && isfinite (day->load))
        daily[day->date - start] += day->load;
    }

  stride_load_ewma (daily, n_days, STRIDE_LOAD_ACUTE_DAYS, STRIDE_LOAD_CHRONIC_DAYS, acute, chronic);

  for (guint i = 0; i < days->len; i++)
    {
      const StrideDaySummary *day = &g_array_index (days, StrideDaySummary, i);
      double x = (double) stride_chart_data_day_start (day->date, request->utc_offset_s);

      if (day->date < from || day->date > to || !(day->load > 0))
        continue;
      append_point (day->load_estimated ? estimated : measured, x, day->load);
    }

  for (guint32 d = MAX (start, from); d <= to; d++)
    {
      double x = (double) stride_chart_data_day_start (d, request->utc_offset_s);
      guint i = d - start;

      append_point (acute_line, x, acute[i]);
      append_point (chronic_line, x, chronic[i]);
      append_point (ratio_line, x, stride_load_acwr (acute[i], chronic[i]));
    }

  if (measured->len + estimated->len == 0)
    return TRUE;

  stride_chart_add_band (chart, _("Ratio 0.8–1.3"), STRIDE_AXIS_RIGHT, 0.8, 1.3);
  if (measured->len > 0)
    {
      stride_chart_add_bars (chart, _("Session load"), STRIDE_AXIS_LEFT, COLOR_SLATE,
                             0.7 * SECONDS_PER_DAY, 0,
                             (const StrideChartPoint *) measured->data, measured->len);
      count_series (count, measured);
    }
  if (estimated->len > 0)
    {
      stride_chart_add_bars (chart, _("Session load (estimated)"), STRIDE_AXIS_LEFT,
                             COLOR_BLUE_LIGHT, 0.7 * SECONDS_PER_DAY, 0,
                             (const StrideChartPoint *) estimated->data, estimated->len);
      count_series (count, estimated);
    }
  stride_chart_add_line (chart, _("Acute (7-day EWMA)"), STRIDE_AXIS_LEFT, COLOR_ORANGE,
                         (const StrideChartPoint *) acute_line->data, acute_line->len);
  stride_chart_add_line (chart, _("Chronic (28-day EWMA)"), STRIDE_AXIS_LEFT, COLOR_BLUE,
                         (const StrideChartPoint *) chronic_line->data, chronic_line->len);
  stride_chart_add_line (chart, _("Acute:chronic ratio"), STRIDE_AXIS_RIGHT, COLOR_PURPLE,
                         (const StrideChartPoint *) ratio_line->data, ratio_line->len);
  count_series (count, acute_line);
  count_series (count, chronic_line);
  count_series (count, ratio_line);

  return TRUE;
}

StrideChart *
stride_chart_data_build (StrideStore               *store,
                         const StrideChartRequest  *request,
                         StrideChartInfo           *info,
                         GError                   **error)
{
  g_autoptr(StrideChart) chart = NULL;
  StrideChartInfo local_info = { 0 };
  Count count = { 0 };
  guint32 from;
  guint32 to;
  gint64 from_utc;
  gint64 to_utc;
  gboolean ok = FALSE;

  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (request->kind < STRIDE_N_CHART_KINDS, NULL);

  to = request->to != 0 ? request->to : stride_today_julian ();
  from = request->from;
  if (from == 0 && request->kind != STRIDE_CHART_KIND_RUN)
    {
      from = to;
      if (!first_day (store, to, &from, error))
        return NULL;
      from = MIN (from, to);
    }
  if (from > to)
    {
      guint32 swap = from;

      from = to;
      to = swap;
    }

  from_utc = stride_chart_data_day_start (from, request->utc_offset_s);
  to_utc = stride_chart_data_day_start (to + 1, request->utc_offset_s);
  local_info.x_from = (double) from_utc;
  local_info.x_to = (double) to_utc;

  chart = stride_chart_new ();
  stride_chart_set_title (chart, stride_chart_kind_get_title (request->kind));
  stride_chart_set_utc_offset (chart, request->utc_offset_s);

  switch (request->kind)
    {
    case STRIDE_CHART_KIND_PACE:
      ok = build_pace (chart, store, request, from_utc, to_utc, &count, error);
      break;

    case STRIDE_CHART_KIND_RUN:
      local_info.x_from = local_info.x_to = 0;
      ok = build_run (chart, store, request, &local_info, &count, error);
      break;

    case STRIDE_CHART_KIND_VOLUME:
      ok = build_volume (chart, store, request, from, to, &count, error);
      break;

    case STRIDE_CHART_KIND_LOAD:
      ok = build_load (chart, store, request, from, to, &count, error);
      break;

    case STRIDE_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    return NULL;

  /* Weekly bars sit inside their week: show whole weeks, or the bars of
   * the first and the current week fall off the edges. */
  if (request->kind == STRIDE_CHART_KIND_VOLUME)
    {
      local_info.x_from = (double) stride_chart_data_day_start (week_start_of (from, request->first_weekday),
                                                                request->utc_offset_s);
      local_info.x_to = (double) stride_chart_data_day_start (week_start_of (to, request->first_weekday) + 7,
                                                              request->utc_offset_s);
    }

  stride_chart_set_x_range (chart, local_info.x_from, local_info.x_to);
  local_info.n_series = count.n_series;
  local_info.n_points = count.n_points;
  if (info != NULL)
    *info = local_info;

  return g_steal_pointer (&chart);
}
