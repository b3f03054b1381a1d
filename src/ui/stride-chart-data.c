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

#include "stride-balance.h"
#include "stride-chart-data.h"
#include "stride-labels.h"
#include "stride-load.h"
#include "stride-metrics.h"

#define SECONDS_PER_DAY     86400
/* GDate's Julian day of 1970-01-01. */
#define JULIAN_UNIX_EPOCH   719163
/* Days read before the range so that averages start warm. */
#define PACE_WARM_UP_DAYS   180
#define LOAD_WARM_UP_DAYS   90
/* Pace inside a run: speed over at least this many seconds of track. */
#define RUN_PACE_WINDOW_S   20.0
#define RUN_SLOWEST_SPEED   (STRIDE_METERS_PER_KM / STRIDE_UNITS_MAX_PACE_S_PER_KM)
/* Volume per month rather than per week beyond this many weeks. */
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

static const char *const kind_ids[] = { "pace", "volume", "load", "hq", "lsi", NULL };

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
    STRIDE_CHART_KIND_HQ, STRIDE_CHART_KIND_LSI,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == G_N_ELEMENTS (kind_ids) - 1);

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
    case STRIDE_CHART_KIND_HQ:
      return "hq";
    case STRIDE_CHART_KIND_LSI:
      return "lsi";
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
    case STRIDE_CHART_KIND_HQ:
      return _("Hamstring:Quadriceps Ratio");
    case STRIDE_CHART_KIND_LSI:
      return _("Left/Right Symmetry");
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

      stride_chart_add_points (chart, _(pace_types[t].name), STRIDE_AXIS_LEFT, pace_types[t].color,
                               (const StrideChartPoint *) dots->data, dots->len);
      count_series (count, dots);
      /* Races come in every distance from 5 km to the marathon: an
       * average of their paces would mean nothing. */
      if (pace_types[t].type == STRIDE_RUN_TYPE_RACE)
        continue;

      /* Translators: a line in the pace chart, "Easy, 5-run average" */
      line_name = g_strdup_printf (_("%s, %d-run average"), _(pace_types[t].name),
                                   STRIDE_CHART_PACE_WINDOW);
      stride_chart_add_line (chart, line_name, STRIDE_AXIS_LEFT, pace_types[t].color,
                             (const StrideChartPoint *) line->data, line->len);
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

/* More weeks than LONG_VOLUME_WEEKS read better as months: 500 weekly
 * bars would be thinner than a pixel, and a decade of weekly lines is a
 * tangle. */
static gboolean
volume_by_month (const StrideChartRequest *request,
                 guint32                   from,
                 guint32                   to)
{
  guint32 first = stride_julian_week_start (from, request->first_weekday);
  guint32 last = stride_julian_week_start (to, request->first_weekday);

  return (last - first) / 7 + 1 > LONG_VOLUME_WEEKS;
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
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GArray) run_done = new_points ();
  g_autoptr(GArray) run_planned = new_points ();
  g_autoptr(GArray) strength_done = new_points ();
  g_autoptr(GArray) strength_planned = new_points ();
  const char *unit = request->distance_units == STRIDE_UNITS_IMPERIAL ? _("mi") : _("km");
  gboolean monthly = volume_by_month (request, from, to);
  gboolean any_plan = FALSE;
  gboolean any = FALSE;
  /* Where the bars of a period sit and how wide they are, in days. */
  double run_at = monthly ? 8 : 2;
  double strength_at = monthly ? 21 : 5;
  double planned_width = monthly ? 11 : 3;
  double done_width = monthly ? 8 : 2;

  if (monthly)
    stride_chart_set_title (chart, _("Monthly Volume"));
  stride_chart_set_bar_period (chart, monthly ? STRIDE_PERIOD_MONTH : STRIDE_PERIOD_WEEK,
                               request->first_weekday);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, _("Running"), unit, STRIDE_VALUE_PLAIN, TRUE);
  stride_chart_set_axis (chart, STRIDE_AXIS_RIGHT, _("Strength"), _("min"), STRIDE_VALUE_PLAIN,
                         TRUE);
  stride_chart_set_empty_text (chart, _("No runs or strength sessions in this range"));

  periods = monthly ? stride_store_list_months (store, from, to, error)
                    : stride_store_list_weeks (store, from, to, request->first_weekday, error);
  if (periods == NULL)
    return FALSE;

  for (guint i = 0; i < periods->len; i++)
    {
      const StrideVolume *period = &g_array_index (periods, StrideVolume, i);
      double start = (double) stride_chart_data_day_start (period->start, request->utc_offset_s);
      double run_x = start + run_at * SECONDS_PER_DAY;
      double strength_x = start + strength_at * SECONDS_PER_DAY;

      /* Running in the period's first half, strength in its second (at
       * midnights: read-outs then show a day, not a time); planned is the
       * wider, lighter bar behind what was done. */
      append_point (run_planned, run_x,
                    stride_units_distance_to_display (period->planned_distance_m,
                                                      request->distance_units));
      append_point (run_done, run_x,
                    stride_units_distance_to_display (period->run_distance_m,
                                                      request->distance_units));
      append_point (strength_planned, strength_x, period->planned_strength_s / 60.0);
      append_point (strength_done, strength_x, period->strength_s / 60.0);

      any_plan |= period->planned_distance_m > 0 || period->planned_strength_s > 0;
      any |= period->run_distance_m > 0 || period->strength_s > 0
             || period->planned_distance_m > 0 || period->planned_strength_s > 0;
    }

  if (!any)
    return TRUE;

  if (any_plan)
    {
      stride_chart_add_bars (chart, _("Running, planned"), STRIDE_AXIS_LEFT, COLOR_BLUE_LIGHT,
                             planned_width * SECONDS_PER_DAY, 0,
                             (const StrideChartPoint *) run_planned->data, run_planned->len);
      count_series (count, run_planned);
    }
  stride_chart_add_bars (chart, _("Running, done"), STRIDE_AXIS_LEFT, COLOR_BLUE,
                         done_width * SECONDS_PER_DAY, 1,
                         (const StrideChartPoint *) run_done->data, run_done->len);
  count_series (count, run_done);
  if (any_plan)
    {
      stride_chart_add_bars (chart, _("Strength, planned"), STRIDE_AXIS_RIGHT, COLOR_PURPLE_LIGHT,
                             planned_width * SECONDS_PER_DAY, 2,
                             (const StrideChartPoint *) strength_planned->data,
                             strength_planned->len);
      count_series (count, strength_planned);
    }
  stride_chart_add_bars (chart, _("Strength, done"), STRIDE_AXIS_RIGHT, COLOR_PURPLE,
                         done_width * SECONDS_PER_DAY, 3,
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

/* Strength balance: H:Q and left/right symmetry over time
 *
 * Tests come every few weeks, so every line also gets its points drawn
 * (a line and its points under one name make one legend entry, and
 * count as one series in the info). Pain entries and races are markers:
 * a drop in a ratio often sits next to one of them. */

/* RISK-RULES.md §5: pain from 3/10 is a warning. */
#define PAIN_WARNING_SEVERITY 3
/* The series colours of lines, in turn (the light ones are left out:
 * they read as "planned"). */
#define N_LINE_COLORS 6

static double
day_x (const StrideChartRequest *request,
       guint32                   date)
{
  return (double) stride_chart_data_day_start (date, request->utc_offset_s);
}

/* One line of a balance chart: its name and its points. */
typedef struct
{
  char   *name;
  GArray *points;     /* StrideChartPoint */
} BalanceLine;

static void
balance_line_free (gpointer data)
{
  BalanceLine *line = data;

  g_free (line->name);
  g_array_unref (line->points);
  g_free (line);
}

static BalanceLine *
balance_line_new (char *name)
{
  BalanceLine *line = g_new0 (BalanceLine, 1);

  line->name = name;
  line->points = new_points ();
  return line;
}

static void
add_balance_line (StrideChart   *chart,
                  StrideAxisSide side,
                  guint          color,
                  BalanceLine   *line,
                  Count         *count)
{
  const StrideChartPoint *points = (const StrideChartPoint *) (gpointer) line->points->data;

  stride_chart_add_line (chart, line->name, side, color, points, line->points->len);
  stride_chart_add_points (chart, line->name, side, color, points, line->points->len);
  count_series (count, line->points);
}

static gboolean
add_balance_markers (StrideChart               *chart,
                     StrideStore               *store,
                     const StrideChartRequest  *request,
                     guint32                    from,
                     guint32                    to,
                     GError                   **error)
{
  g_autoptr(GArray) pains = NULL;
  g_autoptr(GArray) races = NULL;

  pains = stride_store_list_pain_entries (store, from, to, error);
  if (pains == NULL)
    return FALSE;
  races = stride_store_list_races (store, from, to, error);
  if (races == NULL)
    return FALSE;

  for (guint i = 0; i < pains->len; i++)
    {
      const StridePainEntry *pain = &g_array_index (pains, StridePainEntry, i);
      g_autofree char *label = NULL;

      /* Translators: a marker in the balance charts, "Pain 5/10 · Knee" */
      label = g_strdup_printf (_("Pain %d/10 · %s"), pain->severity,
                               stride_label_for_location (pain->location));
      stride_chart_add_marker (chart, day_x (request, pain->date), label,
                               pain->severity >= PAIN_WARNING_SEVERITY);
    }

  for (guint i = 0; i < races->len; i++)
    {
      const StrideRace *race = &g_array_index (races, StrideRace, i);

      stride_chart_add_marker (chart, day_x (request, race->date), race->name, FALSE);
    }

  return TRUE;
}

static const char *
leg_name (StrideSide leg)
{
  switch (leg)
    {
    case STRIDE_SIDE_LEFT:
      return _("Left");
    case STRIDE_SIDE_RIGHT:
      return _("Right");
    case STRIDE_SIDE_BOTH:
    case STRIDE_N_SIDES:
    default:
      return _("Both legs");
    }
}

static char *
hq_line_name (const StrideHqPoint *point)
{
  if (point->mixed)
    /* Translators: a line in the H:Q chart, "Left · mixed ratio (…)" */
    return g_strdup_printf (_("%s · mixed ratio (eccentric 30°/s : concentric 240°/s)"),
                            leg_name (point->leg));

  /* Translators: a line in the H:Q chart, "Left · Isokinetic, 60°/s" */
  return g_strdup_printf (_("%s · %s"), leg_name (point->leg),
                          stride_label_for_method (point->method));
}

/* Lines hold one leg, one method and one kind of ratio: ratios of
 * different methods have different norms and never share a line. */
static gboolean
same_hq_line (const StrideHqPoint *a,
              const StrideHqPoint *b)
{
  return a->leg == b->leg && a->mixed == b->mixed && g_strcmp0 (a->method, b->method) == 0;
}

/* The band of the method of the latest test shown: its target range of
 * RISK-RULES.md §2, from the target (at or above it: balanced) up to
 * the highest ratio shown, so the band reads like the other charts' good
 * ranges and a line below it is plainly short of the target. Mixed and
 * 1RM ratios have no absolute target, so they get no band. */
static void
add_hq_band (StrideChart *chart,
             GArray      *series)
{
  const StrideHqPoint *latest = &g_array_index (series, StrideHqPoint, series->len - 1);
  g_autofree char *name = NULL;
  double target;
  double top = 0.0;

  if (latest->mixed || !stride_hq_band (latest->method, &target, NULL))
    return;

  for (guint i = 0; i < series->len; i++)
    top = MAX (top, g_array_index (series, StrideHqPoint, i).ratio);

  /* Translators: the H:Q chart's target band, e.g. "Target (≥ 0.61)" */
  name = g_strdup_printf (_("Target (≥ %.2f)"), target);
  stride_chart_add_band (chart, name, STRIDE_AXIS_LEFT, target, MAX (top, target + 0.05));
}

static gboolean
build_hq (StrideChart              *chart,
          StrideStore              *store,
          const StrideChartRequest *request,
          guint32                   from,
          guint32                   to,
          Count                    *count,
          GError                  **error)
{
  g_autoptr(GArray) measurements = NULL;
  g_autoptr(GArray) series = NULL;
  /* Each line, and the first point of each line to compare with. */
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (balance_line_free);
  g_autoptr(GPtrArray) firsts = g_ptr_array_new ();

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, _("H:Q"), NULL, STRIDE_VALUE_PLAIN, FALSE);
  stride_chart_set_empty_text (chart, _("No hamstring and quadriceps tests in this range: log a "
                                        "strength test with both to see the ratio"));

  measurements = stride_store_list_measurements (store, from, to, error);
  if (measurements == NULL)
    return FALSE;
  series = stride_balance_hq_series ((const StrideMeasurement *) (gpointer) measurements->data,
                                     measurements->len);

  /* The series is in date order: each line gets its points in order. */
  for (guint i = 0; i < series->len; i++)
    {
      const StrideHqPoint *point = &g_array_index (series, StrideHqPoint, i);
      BalanceLine *line = NULL;

      for (guint l = 0; l < lines->len && line == NULL; l++)
        if (same_hq_line (g_ptr_array_index (firsts, l), point))
          line = g_ptr_array_index (lines, l);

      if (line == NULL)
        {
          line = balance_line_new (hq_line_name (point));
          g_ptr_array_add (lines, line);
          g_ptr_array_add (firsts, (gpointer) point);
        }
      append_point (line->points, day_x (request, point->date), point->ratio);
    }

  if (series->len == 0)
    return TRUE;

  add_hq_band (chart, series);
  for (guint l = 0; l < lines->len; l++)
    add_balance_line (chart, STRIDE_AXIS_LEFT, l % N_LINE_COLORS, g_ptr_array_index (lines, l),
                      count);

  return add_balance_markers (chart, store, request, from, to, error);
}

/* The tests and the side values of unilateral sets in [from, to] in one
 * series, as stride_balance_lsi_series() gives it. */
static GArray *
list_lsi_series (StrideStore  *store,
                 guint32       from,
                 guint32       to,
                 GError      **error)
{
  g_autoptr(GArray) measurements = NULL;
  g_autoptr(GArray) side_values = NULL;
  g_autoptr(GArray) all = NULL;

  measurements = stride_store_list_measurements (store, from, to, error);
  if (measurements == NULL)
    return NULL;
  side_values = stride_store_list_side_values (store, from, to, error);
  if (side_values == NULL)
    return NULL;

  /* Borrowed records: the two lists keep their strings. */
  all = g_array_sized_new (FALSE, FALSE, sizeof (StrideMeasurement),
                           measurements->len + side_values->len);
  g_array_append_vals (all, measurements->data, measurements->len);
  g_array_append_vals (all, side_values->data, side_values->len);

  return stride_balance_lsi_series ((const StrideMeasurement *) (gpointer) all->data, all->len);
}

/* A test's name, or the exercise's for side values of strength sets. */
static char *
lsi_test_name (StrideStore *store,
               const char  *test)
{
  StrideExercise exercise = { 0 };
  char *name;

  if (!g_str_has_prefix (test, STRIDE_BALANCE_EXERCISE_PREFIX))
    return g_strdup (stride_label_for_test (test));

  /* An exercise deleted since only loses its name, not the chart. */
  if (!stride_store_find_exercise (store, test + strlen (STRIDE_BALANCE_EXERCISE_PREFIX),
                                   &exercise, NULL))
    return g_strdup (test + strlen (STRIDE_BALANCE_EXERCISE_PREFIX));

  name = g_strdup (exercise.name != NULL ? _(exercise.name) : "");
  stride_exercise_clear (&exercise);
  return name;
}

static gboolean
same_lsi_line (const StrideLsiPoint *a,
               const StrideLsiPoint *b)
{
  return g_strcmp0 (a->test, b->test) == 0 && g_strcmp0 (a->method, b->method) == 0;
}

static void
add_lsi_target (StrideChart    *chart,
                StrideAxisSide  side)
{
  stride_chart_add_band (chart, _("Target (≥ 90 %)"), side, STRIDE_LSI_TARGET, 100.0);
}

/* Every test and exercise: one LSI line per test and method. */
static gboolean
build_lsi_all (StrideChart              *chart,
               StrideStore              *store,
               const StrideChartRequest *request,
               GArray                   *series,
               Count                    *count)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (balance_line_free);
  g_autoptr(GPtrArray) firsts = g_ptr_array_new ();

  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, _("Symmetry"), _("%"), STRIDE_VALUE_PERCENT,
                         FALSE);
  stride_chart_set_empty_text (chart, _("No test or single-leg exercise with both sides in this "
                                        "range: log a test of the left and the right leg, or "
                                        "sets of each side, to see the symmetry"));

  for (guint i = 0; i < series->len; i++)
    {
      const StrideLsiPoint *point = &g_array_index (series, StrideLsiPoint, i);
      BalanceLine *line = NULL;

      for (guint l = 0; l < lines->len && line == NULL; l++)
        if (same_lsi_line (g_ptr_array_index (firsts, l), point))
          line = g_ptr_array_index (lines, l);

      if (line == NULL)
        {
          g_autofree char *test = lsi_test_name (store, point->test);

          /* Translators: a line in the symmetry chart, "Single-leg hop · Field test" */
          line = balance_line_new (g_strdup_printf (_("%s · %s"), test,
                                                    stride_label_for_method (point->method)));
          g_ptr_array_add (lines, line);
          g_ptr_array_add (firsts, (gpointer) point);
        }
      append_point (line->points, day_x (request, point->date), point->lsi);
    }

  if (lines->len == 0)
    return TRUE;

  add_lsi_target (chart, STRIDE_AXIS_LEFT);
  for (guint l = 0; l < lines->len; l++)
    add_balance_line (chart, STRIDE_AXIS_LEFT, l % N_LINE_COLORS, g_ptr_array_index (lines, l),
                      count);

  return TRUE;
}

/* One test: its left and right values and its LSI. A test done by
 * several methods shows the method of its latest result, the one the
 * user follows now: values of two methods are not comparable. */
static gboolean
build_lsi_one (StrideChart              *chart,
               StrideStore              *store,
               const StrideChartRequest *request,
               GArray                   *series,
               Count                    *count)
{
  const StrideLsiPoint *latest = NULL;
  g_autofree char *test = lsi_test_name (store, request->lsi_test);
  BalanceLine left = { (char *) _("Left"), new_points () };
  BalanceLine right = { (char *) _("Right"), new_points () };
  BalanceLine lsi = { (char *) _("Symmetry (LSI)"), new_points () };

  for (guint i = series->len; i > 0 && latest == NULL; i--)
    if (g_strcmp0 (g_array_index (series, StrideLsiPoint, i - 1).test, request->lsi_test) == 0)
      latest = &g_array_index (series, StrideLsiPoint, i - 1);

  stride_chart_set_title (chart, test);
  stride_chart_set_axis (chart, STRIDE_AXIS_LEFT, test, latest != NULL ? latest->unit : NULL,
                         STRIDE_VALUE_PLAIN, FALSE);
  stride_chart_set_axis (chart, STRIDE_AXIS_RIGHT, _("Symmetry"), _("%"), STRIDE_VALUE_PERCENT,
                         FALSE);
  stride_chart_set_empty_text (chart, _("No left and right results of this test in this range: "
                                        "log it on both sides to see its symmetry"));

  for (guint i = 0; latest != NULL && i < series->len; i++)
    {
      const StrideLsiPoint *point = &g_array_index (series, StrideLsiPoint, i);
      double x = day_x (request, point->date);
      double l;
      double r;

      if (!same_lsi_line (point, latest)
          || !stride_measurement_convert (point->left, point->unit, latest->unit, &l)
          || !stride_measurement_convert (point->right, point->unit, latest->unit, &r))
        continue;

      append_point (left.points, x, l);
      append_point (right.points, x, r);
      append_point (lsi.points, x, point->lsi);
    }

  if (lsi.points->len > 0)
    {
      add_lsi_target (chart, STRIDE_AXIS_RIGHT);
      add_balance_line (chart, STRIDE_AXIS_LEFT, COLOR_BLUE, &left, count);
      add_balance_line (chart, STRIDE_AXIS_LEFT, COLOR_ORANGE, &right, count);
      add_balance_line (chart, STRIDE_AXIS_RIGHT, COLOR_PURPLE, &lsi, count);
    }

  g_array_unref (left.points);
  g_array_unref (right.points);
  g_array_unref (lsi.points);
  return TRUE;
}

static gboolean
build_lsi (StrideChart              *chart,
           StrideStore              *store,
           const StrideChartRequest *request,
           guint32                   from,
           guint32                   to,
           Count                    *count,
           GError                  **error)
{
  g_autoptr(GArray) series = list_lsi_series (store, from, to, error);

  if (series == NULL)
    return FALSE;

  if (request->lsi_test != NULL)
    build_lsi_one (chart, store, request, series, count);
  else
    build_lsi_all (chart, store, request, series, count);

  if (count->n_series == 0)
    return TRUE;

  return add_balance_markers (chart, store, request, from, to, error);
}

/* The first test can come before the first activity: a balance chart
 * from the first entry starts at whichever is earlier. */
static gboolean
first_test_day (StrideStore  *store,
                guint32       to,
                guint32      *first,
                GError      **error)
{
  g_autoptr(GArray) measurements = stride_store_list_measurements (store, 0, to, error);

  if (measurements == NULL)
    return FALSE;

  if (measurements->len > 0)
    *first = MIN (*first, g_array_index (measurements, StrideMeasurement, 0).date);
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
      if ((request->kind == STRIDE_CHART_KIND_HQ || request->kind == STRIDE_CHART_KIND_LSI)
          && !first_test_day (store, to, &from, error))
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

    case STRIDE_CHART_KIND_HQ:
      ok = build_hq (chart, store, request, from, to, &count, error);
      break;

    case STRIDE_CHART_KIND_LSI:
      ok = build_lsi (chart, store, request, from, to, &count, error);
      break;

    case STRIDE_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    return NULL;

  /* Weekly bars sit inside their week: show whole weeks, or the bars of
   * the first and the current week fall off the edges; the same for
   * months. */
  if (request->kind == STRIDE_CHART_KIND_VOLUME)
    {
      guint32 first_day;
      guint32 after_last_day;

      local_info.by_month = volume_by_month (request, from, to);
      if (local_info.by_month)
        {
          g_autoptr(GDate) after_last = g_date_new_julian (stride_julian_month_start (to));

          g_date_add_months (after_last, 1);
          first_day = stride_julian_month_start (from);
          after_last_day = g_date_get_julian (after_last);
        }
      else
        {
          first_day = stride_julian_week_start (from, request->first_weekday);
          after_last_day = stride_julian_week_start (to, request->first_weekday) + 7;
        }
      local_info.x_from = (double) stride_chart_data_day_start (first_day, request->utc_offset_s);
      local_info.x_to = (double) stride_chart_data_day_start (after_last_day,
                                                              request->utc_offset_s);
    }

  stride_chart_set_x_range (chart, local_info.x_from, local_info.x_to);
  local_info.n_series = count.n_series;
  local_info.n_points = count.n_points;
  if (info != NULL)
    *info = local_info;

  return g_steal_pointer (&chart);
}
