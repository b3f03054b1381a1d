/* stride-plan-print.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-plan-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "stride-chart-data.h"
#include "stride-form.h"
#include "stride-labels.h"
#include "stride-plan-day.h"
#include "stride-plan-print.h"

#define UNIX_EPOCH_JULIAN 719163

/* Sizes in points. */
#define HEADER_HEIGHT    58.0
#define FOOTER_HEIGHT    18.0
#define DATE_COLUMN      92.0
#define ROW_PADDING       7.0
#define ITEM_GAP          5.0
#define BAR_WIDTH         3.5
#define MONTH_HEAD       18.0

/* Colour indexes of the app's chart palette (stride_chart_data_style_init()). */
enum { COLOR_BLUE, COLOR_GREEN, COLOR_ORANGE, COLOR_PURPLE, COLOR_RED, COLOR_GREY };

typedef struct
{
  guint        day;          /* index into the days shown */
  guint        color;        /* palette index */
  char        *title;        /* markup */
  char        *detail;       /* plain, NULL = none */
  char        *short_text;   /* markup, one line for the month grid */
} Item;

typedef struct
{
  StrideChartStyle  style;
  StrideUnitSystem  units;
  gboolean          month;
  guint32           first_day;
  guint             n_days;
  guint32           month_of;   /* a day of the month shown */
  guint32           today;
  char             *title;
  char             *subtitle;
  GArray           *items;      /* Item, by day */
  guint             n_pages;
} PrintData;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->title);
  g_free (item->detail);
  g_free (item->short_text);
}

static void
print_data_free (PrintData *data)
{
  stride_chart_style_clear (&data->style);
  g_free (data->title);
  g_free (data->subtitle);
  g_clear_pointer (&data->items, g_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintData, print_data_free)

static guint32
align_first_day (guint32      first_day,
                 GDateWeekday first_weekday)
{
  GDate date;
  guint back;

  if (!g_date_valid_weekday (first_weekday))
    first_weekday = G_DATE_MONDAY;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first_day);
  back = (g_date_get_weekday (&date) - first_weekday + 7) % 7;

  return first_day > back ? first_day - back : first_day;
}

static void
set_date (GDate   *date,
          guint32  julian)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, julian);
}

char *
stride_plan_print_title (guint32      first_day,
                         guint        n_days,
                         GDateWeekday first_weekday)
{
  guint32 first;
  guint32 last;
  GDate a, b;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (g_date_valid_julian (first_day), NULL);
  g_return_val_if_fail (n_days > 0, NULL);

  first = align_first_day (first_day, first_weekday);
  last = first + n_days - 1;

  if (n_days >= 28)
    return stride_form_format_day (first + n_days / 2, _("%B %Y"));

  set_date (&a, first);
  set_date (&b, last);

  if (g_date_get_year (&a) != g_date_get_year (&b))
    {
      /* Translators: dates in a printed plan's title, see strftime(3) */
      from = stride_form_format_day (first, _("%-d %b %Y"));
      to = stride_form_format_day (last, _("%-d %b %Y"));
    }
  else if (g_date_get_month (&a) != g_date_get_month (&b))
    {
      from = stride_form_format_day (first, _("%-d %b"));
      to = stride_form_format_day (last, _("%-d %b %Y"));
    }
  else
    {
      from = stride_form_format_day (first, "%-d");
      to = stride_form_format_day (last, _("%-d %b %Y"));
    }

  /* Translators: the title of a printed week, "Training Plan · 23 – 29 Nov 2026" */
  return g_strdup_printf (_("Training Plan · %s – %s"), from, to);
}

/* Reading */

static guint
kind_color (StridePlanKind kind)
{
  switch (kind)
    {
    case STRIDE_PLAN_KIND_RUN:
      return COLOR_BLUE;
    case STRIDE_PLAN_KIND_STRENGTH:
      return COLOR_PURPLE;
    case STRIDE_PLAN_KIND_RACE:
      return COLOR_RED;
    case STRIDE_PLAN_KIND_CROSS:
      return COLOR_ORANGE;
    case STRIDE_PLAN_KIND_REST:
    case STRIDE_N_PLAN_KINDS:
    default:
      return COLOR_GREY;
    }
}

static const char *
status_text (StridePlanStatus status)
{
  switch (status)
    {
    case STRIDE_PLAN_STATUS_DONE:
      return _("Done");
    case STRIDE_PLAN_STATUS_SKIPPED:
      return _("Skipped");
    case STRIDE_PLAN_STATUS_MOVED:
      return _("Moved");
    case STRIDE_PLAN_STATUS_PLANNED:
    case STRIDE_N_PLAN_STATUSES:
    default:
      return NULL;
    }
}

static void
add_entry_item (PrintData             *data,
                guint                  day,
                const StridePlanEntry *entry)
{
  g_autofree char *name = stride_plan_entry_describe (entry, data->units);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *status = status_text (entry->status);
  Item item = { day, kind_color (entry->kind), NULL, NULL, NULL };
  const char *mark = entry->status == STRIDE_PLAN_STATUS_DONE ? "✓ " : "";
  const char *strike = entry->status == STRIDE_PLAN_STATUS_SKIPPED ? "true" : "false";

  if (entry->target_distance_m > 0)
    {
      g_autofree char *text = stride_units_format_distance (entry->target_distance_m, data->units);

      /* Translators: a target of a printed plan entry */
      g_ptr_array_add (parts, g_strdup_printf (_("Distance %s"), text));
    }
  if (entry->target_duration_s > 0)
    {
      g_autofree char *text = stride_units_format_duration (entry->target_duration_s);

      g_ptr_array_add (parts, g_strdup_printf (_("Duration %s"), text));
    }
  if (entry->target_pace_s_per_km > 0)
    {
      g_autofree char *text = stride_units_format_pace (entry->target_pace_s_per_km, data->units);

      g_ptr_array_add (parts, g_strdup_printf (_("Pace %s"), text));
    }
  g_ptr_array_add (parts, g_strdup (entry->slot == STRIDE_SLOT_EVENING ? _("Evening") : _("Morning")));
  if (entry->description != NULL && *entry->description != '\0')
    g_ptr_array_add (parts, g_strdup (entry->description));
  g_ptr_array_add (parts, NULL);

  if (status != NULL)
    item.title = g_markup_printf_escaped ("<span strikethrough=\"%s\">%s%s</span>  "
                                          "<span weight=\"normal\" size=\"small\">(%s)</span>",
                                          strike, mark, name, status);
  else
    item.title = g_markup_escape_text (name, -1);
  /* Targets, then the description on lines of its own. */
  item.detail = g_strjoinv (" · ", (char **) parts->pdata);
  if (entry->description != NULL && *entry->description != '\0')
    {
      char *sep = g_strrstr (item.detail, " · ");

      /* The description starts its own line. */
      if (sep != NULL && g_str_equal (sep + strlen (" · "), entry->description))
        {
          g_autofree char *head = g_strndup (item.detail, sep - item.detail);

          g_free (item.detail);
          item.detail = g_strdup_printf ("%s\n%s", head, entry->description);
        }
    }
  item.short_text = g_markup_printf_escaped ("<span strikethrough=\"%s\">%s%s</span>",
                                             strike, mark, name);
  g_array_append_val (data->items, item);
}

static void
add_race_item (PrintData        *data,
               guint             day,
               const StrideRace *race)
{
  g_autofree char *distance = stride_units_format_distance (race->distance_m, data->units);
  Item item = { day, COLOR_RED, NULL, NULL, NULL };

  /* Translators: a race on the printed plan, "Race: Berlin Marathon" */
  item.title = g_markup_printf_escaped (_("Race: %s"), race->name);
  if (race->goal_time_s > 0)
    {
      g_autofree char *goal = stride_units_format_duration (race->goal_time_s);

      item.detail = g_strdup_printf (_("Distance %s · Goal time %s"), distance, goal);
    }
  else
    item.detail = g_strdup_printf (_("Distance %s"), distance);
  item.short_text = g_markup_printf_escaped ("<b>%s</b>", race->name);
  g_array_append_val (data->items, item);
}

static void
add_done_item (PrintData  *data,
               guint       day,
               const char *what,
               const char *detail)
{
  Item item = { day, COLOR_GREEN, NULL, NULL, NULL };

  /* Translators: done on a day without a plan entry for it, "Done: Easy run · 8 km" */
  item.title = g_markup_printf_escaped (_("Done: %s"), what);
  item.detail = g_strdup (detail);
  item.short_text = g_markup_printf_escaped ("✓ %s", what);
  g_array_append_val (data->items, item);
}

static guint32
run_day (const StrideRunSummary *run)
{
  gint64 local = run->start_utc + run->tz_offset_s;

  return (guint32) ((local >= 0 ? local : local - 86399) / 86400 + UNIX_EPOCH_JULIAN);
}

static StrideUnitSystem
settings_units (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return STRIDE_UNITS_METRIC;

  settings = g_settings_new (APP_ID);
  return stride_form_get_units (settings, "unit-system", "imperial");
}

static PrintData *
read_data (StrideStore   *store,
           guint32        first_day,
           guint          n_days,
           GDateWeekday   first_weekday,
           GError       **error)
{
  g_autoptr(PrintData) data = g_new0 (PrintData, 1);
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GArray) races = NULL;
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GArray) days = NULL;
  guint32 last;
  guint planned_strength = 0;
  double planned_m = 0;

  stride_chart_data_style_init (&data->style, FALSE, FALSE);
  data->units = settings_units ();
  data->month = n_days >= 28;
  data->first_day = align_first_day (first_day, first_weekday);
  data->n_days = data->month ? (n_days + 6) / 7 * 7 : n_days;
  data->month_of = data->first_day + data->n_days / 2;
  data->today = stride_today_julian ();
  data->title = stride_plan_print_title (data->first_day, data->n_days, first_weekday);
  data->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (data->items, item_clear);
  last = data->first_day + data->n_days - 1;

  entries = stride_store_list_plan_entries (store, data->first_day, last, error);
  if (entries == NULL)
    return NULL;
  races = stride_store_list_races (store, data->first_day, last, error);
  if (races == NULL)
    return NULL;
  /* Runs are stored in UTC: a day of margin either side. */
  runs = stride_store_list_runs (store, stride_chart_data_day_start (data->first_day - 1, 0),
                                 stride_chart_data_day_start (last + 2, 0), error);
  if (runs == NULL)
    return NULL;
  days = stride_store_list_days (store, data->first_day, last, error);
  if (days == NULL)
    return NULL;

  for (guint d = 0; d < data->n_days; d++)
    {
      guint32 day = data->first_day + d;
      double strength_s = 0;
      gboolean strength_linked = FALSE;

      for (guint i = 0; i < entries->len; i++)
        {
          const StridePlanEntry *entry = &g_array_index (entries, StridePlanEntry, i);

          if (entry->date != day)
            continue;
          add_entry_item (data, d, entry);
          if (entry->kind == STRIDE_PLAN_KIND_STRENGTH)
            {
              planned_strength++;
              strength_linked |= entry->activity_id != 0;
            }
          if (entry->kind == STRIDE_PLAN_KIND_RUN || entry->kind == STRIDE_PLAN_KIND_RACE)
            planned_m += entry->target_distance_m;
        }

      for (guint i = 0; i < races->len; i++)
        {
          const StrideRace *race = &g_array_index (races, StrideRace, i);

          if (race->date == day)
            add_race_item (data, d, race);
        }

      for (guint i = 0; i < runs->len; i++)
        {
          const StrideRunSummary *run = &g_array_index (runs, StrideRunSummary, i);
          gboolean linked = FALSE;
          g_autofree char *distance = NULL;
          g_autofree char *duration = NULL;
          g_autofree char *what = NULL;

          if (run_day (run) != day)
            continue;
          for (guint j = 0; j < entries->len; j++)
            linked |= g_array_index (entries, StridePlanEntry, j).activity_id == run->id;
          if (linked)
            continue;
          distance = stride_units_format_distance (run->distance_m, data->units);
          duration = stride_units_format_duration (run->duration_s);
          what = g_strdup_printf (_("%s · %s"), stride_label_for_run_type (run->run_type), distance);
          add_done_item (data, d, what, duration);
        }

      for (guint i = 0; i < days->len; i++)
        if (g_array_index (days, StrideDaySummary, i).date == day)
          strength_s = g_array_index (days, StrideDaySummary, i).strength_s;
      if (strength_s > 0 && !strength_linked)
        {
          g_autofree char *duration = stride_units_format_duration (strength_s);
          g_autofree char *what = g_strdup_printf (_("Strength · %s"), duration);

          add_done_item (data, d, what, NULL);
        }
    }

  {
    g_autofree char *distance = stride_units_format_distance (planned_m, data->units);

    /* Translators: the totals under the title of a printed plan */
    data->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Planned: %s of running, %u strength session",
                                                   "Planned: %s of running, %u strength sessions",
                                                   planned_strength),
                                      distance, planned_strength);
  }

  return g_steal_pointer (&data);
}

/* Drawing */

typedef struct
{
  PrintData   *data;
  cairo_t     *cr;
  PangoLayout *layout;
  double       width;
  double       height;
  int          target;     /* the page to draw, -1 = measure only */
  int          page;
  double       y;
} Pen;

static void
set_color (cairo_t           *cr,
           const StrideColor *color,
           double             alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static PangoLayout *
new_layout (cairo_t          *cr,
            const PrintData  *data)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Points in, points out, whatever the surface (print context or PDF). */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  return layout;
}

/* Sets the text of the pen's layout; returns its height. */
static double
set_text (Pen        *pen,
          const char *markup,
          double      size,
          int         weight,
          double      width,
          gboolean    one_line)
{
  PangoFontDescription *font;
  const char *family = pen->data->style.font_family;
  int height;

  font = pango_font_description_from_string (family != NULL ? family : "Cantarell, sans-serif");
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (pen->layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (pen->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (pen->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (pen->layout, one_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_height (pen->layout, one_line ? -1 : -1000);
  pango_layout_set_markup (pen->layout, markup, -1);
  pango_layout_get_size (pen->layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static gboolean
drawing (const Pen *pen)
{
  return pen->target == pen->page;
}

static void
show_text_at (Pen               *pen,
              double             x,
              double             y,
              const StrideColor *color,
              double             alpha)
{
  if (!drawing (pen))
    return;

  cairo_move_to (pen->cr, x, y);
  set_color (pen->cr, color, alpha);
  pango_cairo_show_layout (pen->cr, pen->layout);
}

static void
draw_text (Pen               *pen,
           const char        *markup,
           double             x,
           double             y,
           double             width,
           double             size,
           int                weight,
           const StrideColor *color,
           double             alpha)
{
  set_text (pen, markup, size, weight, width, TRUE);
  show_text_at (pen, x, y, color, alpha);
}

static void
draw_header (Pen *pen)
{
  const StrideChartStyle *style = &pen->data->style;
  g_autofree char *title = g_markup_escape_text (pen->data->title, -1);
  g_autofree char *subtitle = g_markup_escape_text (pen->data->subtitle, -1);
  g_autofree char *page = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *footer = NULL;

  draw_text (pen, title, 0, 0, pen->width, 17, PANGO_WEIGHT_BOLD, &style->foreground, 1.0);
  draw_text (pen, subtitle, 0, 25, pen->width, 9.5, PANGO_WEIGHT_NORMAL, &style->foreground, 0.7);

  cairo_rectangle (pen->cr, 0, HEADER_HEIGHT - 10, pen->width, 1.2);
  set_color (pen->cr, &style->series[COLOR_BLUE], 1.0);
  cairo_fill (pen->cr);

  printed = stride_form_format_day (pen->data->today, _("%-d %b %Y"));
  /* Translators: the footer of a printed plan */
  page = g_strdup_printf (_("Page %d of %u"), pen->page + 1, MAX (pen->data->n_pages, 1));
  footer = g_markup_printf_escaped (_("StrideStrong · printed %s"), printed);
  draw_text (pen, footer, 0, pen->height - FOOTER_HEIGHT + 6, pen->width / 2, 8,
             PANGO_WEIGHT_NORMAL, &style->foreground, 0.55);
  set_text (pen, page, 8, PANGO_WEIGHT_NORMAL, pen->width / 2, TRUE);
  pango_layout_set_alignment (pen->layout, PANGO_ALIGN_RIGHT);
  show_text_at (pen, pen->width / 2, pen->height - FOOTER_HEIGHT + 6, &style->foreground, 0.55);
  pango_layout_set_alignment (pen->layout, PANGO_ALIGN_LEFT);
}

static double
item_height (Pen        *pen,
             const Item *item,
             double      width)
{
  double h = set_text (pen, item->title, 10.5, PANGO_WEIGHT_BOLD, width, FALSE);

  if (item->detail != NULL)
    {
      g_autofree char *detail = g_markup_escape_text (item->detail, -1);

      h += 1.5 + set_text (pen, detail, 9, PANGO_WEIGHT_NORMAL, width, FALSE);
    }

  return h;
}

static void
draw_item (Pen        *pen,
           const Item *item,
           double      x,
           double      width,
           double      height)
{
  const StrideChartStyle *style = &pen->data->style;
  double h;

  if (!drawing (pen))
    return;

  cairo_rectangle (pen->cr, x, pen->y + 1, BAR_WIDTH, height - 2);
  set_color (pen->cr, &style->series[item->color], 1.0);
  cairo_fill (pen->cr);

  x += BAR_WIDTH + 6;
  width -= BAR_WIDTH + 6;
  h = set_text (pen, item->title, 10.5, PANGO_WEIGHT_BOLD, width, FALSE);
  show_text_at (pen, x, pen->y, &style->foreground, 1.0);
  if (item->detail != NULL)
    {
      g_autofree char *detail = g_markup_escape_text (item->detail, -1);

      set_text (pen, detail, 9, PANGO_WEIGHT_NORMAL, width, FALSE);
      show_text_at (pen, x, pen->y + h + 1.5, &style->foreground, 0.72);
    }
}

static void
draw_day_label (Pen     *pen,
                guint32  day,
                gboolean continued)
{
  const StrideChartStyle *style = &pen->data->style;
  g_autofree char *weekday = stride_form_format_day (day, "%A");
  g_autofree char *date = stride_form_format_day (day, _("%-d %B"));
  g_autofree char *weekday_markup = g_markup_escape_text (weekday, -1);
  g_autofree char *date_markup = NULL;

  if (continued)
    /* Translators: under the date of a printed day that goes on from the previous page */
    date_markup = g_markup_printf_escaped ("%s\n%s", date, _("(continued)"));
  else
    date_markup = g_markup_escape_text (date, -1);

  if (drawing (pen) && day == pen->data->today && !continued)
    {
      cairo_rectangle (pen->cr, -4, pen->y - 3, DATE_COLUMN - 6, 34);
      set_color (pen->cr, &style->band, 1.0);
      cairo_fill (pen->cr);
    }

  draw_text (pen, weekday_markup, 0, pen->y, DATE_COLUMN - 12, 10.5, PANGO_WEIGHT_BOLD,
             &style->foreground, 1.0);
  set_text (pen, date_markup, 9, PANGO_WEIGHT_NORMAL, DATE_COLUMN - 12, FALSE);
  show_text_at (pen, 0, pen->y + 14, &style->foreground, 0.7);
}

#define DAY_LABEL_HEIGHT 30.0

/* The week agenda: walks every day and item, breaking pages where the
 * next item does not fit; draws only the page pen->target. Returns the
 * number of pages. */
static int
agenda_walk (Pen *pen)
{
  PrintData *data = pen->data;
  const StrideChartStyle *style = &data->style;
  double top = HEADER_HEIGHT;
  double bottom = pen->height - FOOTER_HEIGHT - 4;
  double text_x = DATE_COLUMN;
  double text_width = pen->width - DATE_COLUMN;
  guint next = 0;

  pen->page = 0;
  pen->y = top;
  if (drawing (pen))
    draw_header (pen);

  for (guint d = 0; d < data->n_days; d++)
    {
      guint32 day = data->first_day + d;
      guint first_item = next;
      guint n_items = 0;
      double first_height;
      double day_top;

      while (next < data->items->len && g_array_index (data->items, Item, next).day == d)
        next++, n_items++;

      first_height = n_items > 0
                     ? item_height (pen, &g_array_index (data->items, Item, first_item), text_width)
                     : DAY_LABEL_HEIGHT;
      if (pen->y + ROW_PADDING + MAX (first_height, DAY_LABEL_HEIGHT) > bottom && pen->y > top)
        {
          pen->page++;
          pen->y = top;
          if (drawing (pen))
            draw_header (pen);
        }

      /* The line between days. */
      if (drawing (pen) && d > 0 && pen->y > top)
        {
          cairo_rectangle (pen->cr, 0, pen->y, pen->width, 0.6);
          set_color (pen->cr, &style->grid, 1.0);
          cairo_fill (pen->cr);
        }

      pen->y += ROW_PADDING;
      day_top = pen->y;
      draw_day_label (pen, day, FALSE);

      if (n_items == 0)
        {
          draw_text (pen, _("Nothing planned"), text_x, pen->y, text_width, 9.5,
                     PANGO_WEIGHT_NORMAL, &style->foreground, 0.5);
          pen->y += 14;
        }

      for (guint i = first_item; i < first_item + n_items; i++)
        {
          const Item *item = &g_array_index (data->items, Item, i);
          double h = item_height (pen, item, text_width - BAR_WIDTH - 6);

          if (pen->y + h > bottom && pen->y > top + ROW_PADDING)
            {
              pen->page++;
              pen->y = top + ROW_PADDING;
              day_top = pen->y;
              if (drawing (pen))
                draw_header (pen);
              draw_day_label (pen, day, TRUE);
            }
          draw_item (pen, item, text_x, text_width, h);
          pen->y += h + ITEM_GAP;
        }

      pen->y = MAX (pen->y, day_top + DAY_LABEL_HEIGHT) + ROW_PADDING - ITEM_GAP;
    }

  return pen->page + 1;
}

/* The month grid: one page. */
static void
month_draw (Pen *pen)
{
  PrintData *data = pen->data;
  const StrideChartStyle *style = &data->style;
  guint n_rows = data->n_days / 7;
  double top = HEADER_HEIGHT + MONTH_HEAD;
  double cell_w = pen->width / 7;
  double cell_h = (pen->height - FOOTER_HEIGHT - 4 - top) / MAX (n_rows, 1);
  GDate month_date;
  guint next = 0;

  set_date (&month_date, data->month_of);
  draw_header (pen);

  for (guint c = 0; c < 7; c++)
    {
      g_autofree char *name = stride_form_format_day (data->first_day + c, "%A");
      g_autofree char *markup = g_markup_escape_text (name, -1);

      draw_text (pen, markup, c * cell_w + 4, HEADER_HEIGHT, cell_w - 8, 9, PANGO_WEIGHT_BOLD,
                 &style->foreground, 0.7);
    }

  for (guint d = 0; d < data->n_days; d++)
    {
      guint32 day = data->first_day + d;
      double x = (d % 7) * cell_w;
      double y = top + (d / 7) * cell_h;
      GDate date;
      gboolean in_month;
      g_autofree char *number = NULL;
      double line_y;
      double line_h;
      guint first_item = next;
      guint n_items = 0;
      guint shown = 0;
      guint fits;

      set_date (&date, day);
      in_month = g_date_get_month (&date) == g_date_get_month (&month_date);
      while (next < data->items->len && g_array_index (data->items, Item, next).day == d)
        next++, n_items++;

      if (!in_month)
        {
          cairo_rectangle (pen->cr, x, y, cell_w, cell_h);
          set_color (pen->cr, &style->grid, 0.45);
          cairo_fill (pen->cr);
        }
      if (day == data->today)
        {
          cairo_rectangle (pen->cr, x, y, cell_w, cell_h);
          set_color (pen->cr, &style->band, 1.0);
          cairo_fill (pen->cr);
        }
      cairo_rectangle (pen->cr, x, y, cell_w, cell_h);
      cairo_set_line_width (pen->cr, 0.6);
      set_color (pen->cr, &style->grid, 2.5);
      cairo_stroke (pen->cr);

      number = stride_form_format_day (day, g_date_get_day (&date) == 1 ? _("%-d %b") : "%-d");
      {
        g_autofree char *markup = g_markup_escape_text (number, -1);

        draw_text (pen, markup, x + 4, y + 3, cell_w - 8, 9, PANGO_WEIGHT_BOLD,
                   &style->foreground, in_month ? 1.0 : 0.45);
      }

      line_y = y + 16;
      line_h = set_text (pen, "Xy", 7.5, PANGO_WEIGHT_NORMAL, cell_w, TRUE) + 1;
      fits = (guint) MAX ((y + cell_h - 2 - line_y) / line_h, 0);
      for (guint i = first_item; i < first_item + n_items; i++)
        {
          const Item *item = &g_array_index (data->items, Item, i);

          if (shown + 1 == fits && shown + 1 < n_items)
            {
              g_autofree char *more = NULL;

              /* Translators: more entries than fit in a printed month day */
              more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more",
                                                   n_items - shown),
                                      n_items - shown);
              draw_text (pen, more, x + 10, line_y, cell_w - 14, 7.5, PANGO_WEIGHT_NORMAL,
                         &style->foreground, 0.6);
              break;
            }
          if (shown >= fits)
            break;

          cairo_arc (pen->cr, x + 6.5, line_y + line_h / 2, 2.2, 0, 2 * G_PI);
          set_color (pen->cr, &style->series[item->color], 1.0);
          cairo_fill (pen->cr);
          draw_text (pen, item->short_text, x + 11, line_y, cell_w - 14, 7.5, PANGO_WEIGHT_NORMAL,
                     &style->foreground, in_month ? 1.0 : 0.55);
          line_y += line_h;
          shown++;
        }
    }
}

static void
draw_page (PrintData *data,
           cairo_t   *cr,
           double     width,
           double     height,
           int        page)
{
  Pen pen = { data, cr, NULL, width, height, page, 0, 0 };

  pen.layout = new_layout (cr, data);
  cairo_save (cr);
  set_color (cr, &data->style.background, 1.0);
  cairo_paint (cr);

  if (data->month)
    month_draw (&pen);
  else
    agenda_walk (&pen);

  cairo_restore (cr);
  g_object_unref (pen.layout);
}

static int
count_pages (PrintData *data,
             cairo_t   *cr,
             double     width,
             double     height)
{
  Pen pen = { data, cr, NULL, width, height, -1, 0, 0 };
  int n;

  if (data->month)
    return 1;

  pen.layout = new_layout (cr, data);
  n = agenda_walk (&pen);
  g_object_unref (pen.layout);

  return n;
}

/* GtkPrintOperation */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  data->n_pages = count_pages (data, gtk_print_context_get_cairo_context (context),
                               gtk_print_context_get_width (context),
                               gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, data->n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  draw_page (data, gtk_print_context_get_cairo_context (context),
             gtk_print_context_get_width (context), gtk_print_context_get_height (context),
             page_nr);
}

static GtkPrintOperation *
new_operation (PrintData *data)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  gtk_page_setup_set_orientation (setup, data->month ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                     : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, data->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);

  return operation;
}

static void
show_error_dialog (GtkWindow    *parent,
                   const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print the Plan"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
stride_plan_print (GtkWindow    *parent,
                   StrideStore  *store,
                   guint32       first_day,
                   guint         n_days,
                   GDateWeekday  first_weekday)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  PrintData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (STRIDE_IS_STORE (store));
  g_return_if_fail (g_date_valid_julian (first_day) && first_day > 7);
  g_return_if_fail (n_days > 0 && n_days <= 42);

  data = read_data (store, first_day, n_days, first_weekday, &error);
  if (data == NULL)
    {
      show_error_dialog (parent, error);
      return;
    }

  /* Synchronous: the dialog is modal, and the pages are few and quick. */
  operation = new_operation (data);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error_dialog (parent, error);

  g_object_unref (operation);
  print_data_free (data);
}

gboolean
stride_plan_print_to_pdf (StrideStore   *store,
                          guint32        first_day,
                          guint          n_days,
                          GDateWeekday   first_weekday,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(PrintData) data = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_date_valid_julian (first_day) && first_day > 7, FALSE);
  g_return_val_if_fail (n_days > 0 && n_days <= 42, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = read_data (store, first_day, n_days, first_weekday, error);
  if (data == NULL)
    return FALSE;

  operation = new_operation (data);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
