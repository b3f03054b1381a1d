/* stride-balance-report.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-balance-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "stride-balance-report.h"
#include "stride-balance.h"
#include "stride-chart-data.h"
#include "stride-form.h"
#include "stride-labels.h"

/* A4 portrait, in PDF points. */
#define PAGE_WIDTH      595.0
#define PAGE_HEIGHT     842.0
#define MARGIN          48.0
#define TEXT_WIDTH      (PAGE_WIDTH - 2 * MARGIN)
/* Content stops at the bottom margin; the footer sits inside it. */
#define CONTENT_BOTTOM  (PAGE_HEIGHT - MARGIN)
#define CHART_HEIGHT    320.0
#define CELL_PAD_X      4.0
#define CELL_PAD_Y      3.0
/* Room between a right-aligned number and the text after it. */
#define NUMBER_PAD      8.0
#define GAP             10.0
#define FONT_FAMILY     "Cantarell, Sans"

/* Dark grey on white. */
#define INK             0.20
#define INK_MUTED       0.42
#define RULE            0.70
#define HEADER_FILL     0.91
#define ZEBRA_FILL      0.965

typedef enum
{
  TEXT_TITLE,
  TEXT_HEADING,
  TEXT_SUBHEADING,
  TEXT_BODY,
  TEXT_MUTED,
  TEXT_EMPTY,
  TEXT_CELL,
  TEXT_CELL_HEADER,
  TEXT_FOOTER,
} TextKind;

static const struct
{
  double      size;          /* points */
  PangoWeight weight;
  PangoStyle  style;
  double      grey;
} text_kinds[] = {
  [TEXT_TITLE] = { 22.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, INK },
  [TEXT_HEADING] = { 16.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, INK },
  [TEXT_SUBHEADING] = { 11.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, INK },
  [TEXT_BODY] = { 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, INK },
  [TEXT_MUTED] = { 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, INK_MUTED },
  [TEXT_EMPTY] = { 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, INK_MUTED },
  [TEXT_CELL] = { 9.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, INK },
  [TEXT_CELL_HEADER] = { 9.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, INK },
  [TEXT_FOOTER] = { 8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, INK_MUTED },
};

/* Tables */

typedef struct
{
  const char *title;         /* N_() */
  double      share;         /* of the text width; a table's add up to 1 */
  gboolean    numeric;       /* right-aligned */
} Column;

typedef struct
{
  const Column *columns;
  guint         n_columns;
  GPtrArray    *cells;       /* row-major, n_columns strings per row */
  const char   *empty_text;  /* shown instead of an empty table */
} Table;

static const Column hq_latest_columns[] = {
  { N_("Date"), 0.15, FALSE },
  { N_("Leg"), 0.11, FALSE },
  { N_("Method"), 0.28, FALSE },
  { N_("H:Q"), 0.12, TRUE },
  { N_("State"), 0.16, FALSE },
  { N_("Since baseline"), 0.18, TRUE },
};

static const Column hip_latest_columns[] = {
  { N_("Date"), 0.15, FALSE },
  { N_("Leg"), 0.11, FALSE },
  { N_("Method"), 0.28, FALSE },
  { N_("Add:Abd"), 0.12, TRUE },
  { N_("State"), 0.16, FALSE },
  { N_("Since baseline"), 0.18, TRUE },
};

static const Column hq_point_columns[] = {
  { N_("Date"), 0.17, FALSE },
  { N_("Leg"), 0.13, FALSE },
  { N_("Method"), 0.40, FALSE },
  { N_("H:Q"), 0.12, TRUE },
  { N_("State"), 0.18, FALSE },
};

static const Column lsi_columns[] = {
  { N_("Date"), 0.14, FALSE },
  { N_("Test"), 0.28, FALSE },
  { N_("Left"), 0.12, TRUE },
  { N_("Right"), 0.12, TRUE },
  { N_("LSI"), 0.09, TRUE },
  { N_("Weaker side"), 0.12, FALSE },
  { N_("State"), 0.13, FALSE },
};

static const Column pain_columns[] = {
  { N_("Date"), 0.15, FALSE },
  { N_("Location"), 0.17, FALSE },
  { N_("Side"), 0.11, FALSE },
  { N_("Severity"), 0.11, TRUE },
  { N_("Notes"), 0.46, FALSE },
};

static void
table_init (Table        *table,
            const Column *columns,
            guint         n_columns,
            const char   *empty_text)
{
  table->columns = columns;
  table->n_columns = n_columns;
  table->cells = g_ptr_array_new_with_free_func (g_free);
  table->empty_text = empty_text;
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->cells, g_ptr_array_unref);
}

/* Appends one cell; takes @text. */
static void
table_take (Table *table,
            char  *text)
{
  g_ptr_array_add (table->cells, text != NULL ? text : g_strdup (""));
}

static void
table_add (Table      *table,
           const char *text)
{
  table_take (table, g_strdup (text));
}

static guint
table_n_rows (const Table *table)
{
  return table->cells->len / table->n_columns;
}

/* Words and numbers */

static char *
format_day (guint32 julian)
{
  /* Translators: a date in the report, see strftime(3), e.g. "25 Nov 2026" */
  return stride_form_format_day (julian, _("%-d %b %Y"));
}

/* Always '.' as the decimal point, like stride-units. */
static char *
format_number (double value,
               int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", decimals);

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static char *
format_percent (double value)
{
  g_autofree char *number = format_number (value, 0);

  /* Translators: a percentage, e.g. "92 %" */
  return g_strdup_printf (_("%s %%"), number);
}

/* "+4 %", "−3 %", or a dash when there is nothing to compare with. */
static char *
format_change (double latest,
               double baseline,
               guint  n_tests)
{
  double change;
  g_autofree char *number = NULL;

  if (n_tests < 2 || !isfinite (latest) || !isfinite (baseline) || baseline <= 0)
    return g_strdup ("–");

  change = (latest - baseline) / baseline * 100.0;
  number = format_number (fabs (change), 0);
  if (g_str_equal (number, "0"))
    return g_strdup_printf (_("%s %%"), number);

  /* Translators: a change in percent, %s is "+" or "−" and the number */
  return g_strdup_printf (_("%s%s %%"), change > 0 ? "+" : "−", number);
}

/* A measured value with its unit: weights in the user's units, others
 * (N·m, N, cm, reps) as they were typed. */
static char *
format_value (double            value,
              const char       *unit,
              StrideUnitSystem  units)
{
  g_autofree char *number = NULL;

  if (g_strcmp0 (unit, "kg") == 0)
    return stride_units_format_weight (value, units);
  if (g_strcmp0 (unit, "lb") == 0)
    return stride_units_format_weight (value * STRIDE_KG_PER_LB, units);

  number = format_number (value, fabs (value - round (value)) < 0.05 ? 0 : 1);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, unit);
}

static const char *
state_label (StrideBalanceState state)
{
  switch (state)
    {
    case STRIDE_BALANCE_OK:
      return _("OK");
    case STRIDE_BALANCE_WATCH:
      return _("Watch");
    case STRIDE_BALANCE_IMBALANCE:
      return _("Imbalance");
    case STRIDE_BALANCE_NOT_ENOUGH_DATA:
    default:
      return _("Not enough data");
    }
}

static char *
hq_method_label (const char *method,
                 gboolean    mixed)
{
  if (mixed)
    return g_strdup (_("Eccentric H 30°/s : concentric Q 240°/s"));
  return g_strdup (stride_label_for_method (method));
}

/* The data of the report, read once for both passes */

typedef struct
{
  StrideStore      *store;
  guint32           from;
  guint32           to;
  StrideUnitSystem  units;
  GHashTable       *exercise_names;   /* exercise key -> translated name */
  StrideChart      *hq_chart;
  StrideChart      *lsi_chart;
  StrideChartStyle  chart_style;
  char             *period;
  char             *generated;
  Table             hq_latest;
  Table             lsi_latest;
  Table             hip_latest;
  Table             hq_points;
  Table             pains;
} ReportData;

static void
report_data_clear (ReportData *data)
{
  g_clear_pointer (&data->exercise_names, g_hash_table_unref);
  g_clear_pointer (&data->hq_chart, stride_chart_unref);
  g_clear_pointer (&data->lsi_chart, stride_chart_unref);
  stride_chart_style_clear (&data->chart_style);
  g_clear_pointer (&data->period, g_free);
  g_clear_pointer (&data->generated, g_free);
  table_clear (&data->hq_latest);
  table_clear (&data->lsi_latest);
  table_clear (&data->hip_latest);
  table_clear (&data->hq_points);
  table_clear (&data->pains);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportData, report_data_clear)

/* The name of a test, or of the exercise behind "exercise:<key>". */
static const char *
test_label (ReportData *data,
            const char *test)
{
  const char *key;
  const char *name;
  StrideExercise exercise = { 0 };

  if (!g_str_has_prefix (test, STRIDE_BALANCE_EXERCISE_PREFIX))
    return stride_label_for_test (test);

  key = test + strlen (STRIDE_BALANCE_EXERCISE_PREFIX);
  name = g_hash_table_lookup (data->exercise_names, key);
  if (name != NULL)
    return name;

  /* An exercise missing from the library still gets its key. */
  if (stride_store_find_exercise (data->store, key, &exercise, NULL) && exercise.name != NULL)
    name = _(exercise.name);
  else
    name = key;
  g_hash_table_insert (data->exercise_names, g_strdup (key), g_strdup (name));
  stride_exercise_clear (&exercise);

  return g_hash_table_lookup (data->exercise_names, key);
}

/* Every measurement and side value of the journal up to the end of the
 * period: baselines and the noise rule look back before it. */
static GArray *
load_measurements (ReportData  *data,
                   GError     **error)
{
  g_autoptr(GArray) measurements = NULL;
  g_autoptr(GArray) side_values = NULL;

  measurements = stride_store_list_measurements (data->store, 1, data->to, error);
  if (measurements == NULL)
    return NULL;
  side_values = stride_store_list_side_values (data->store, 1, data->to, error);
  if (side_values == NULL)
    return NULL;

  /* Moves the records: their strings now belong to @measurements. */
  g_array_append_vals (measurements, side_values->data, side_values->len);
  g_array_set_clear_func (side_values, NULL);

  return g_steal_pointer (&measurements);
}

/* The latest H:Q or hip ratio of each line with a test in the period. */
static void
fill_ratio_latest (ReportData *data,
                   Table      *table,
                   GArray     *summaries)
{
  for (guint i = 0; i < summaries->len; i++)
    {
      const StrideBalanceSummary *s = &g_array_index (summaries, StrideBalanceSummary, i);

      if (s->latest_date < data->from || s->latest_date > data->to)
        continue;

      table_take (table, format_day (s->latest_date));
      table_add (table, stride_label_for_side (s->leg));
      table_take (table, hq_method_label (s->method, s->mixed));
      table_take (table, format_number (s->latest, 2));
      table_add (table, state_label (s->state));
      table_take (table, format_change (s->latest, s->baseline, s->n_tests));
    }
}

static void
fill_hq_points (ReportData *data,
                GArray     *series)
{
  for (guint i = 0; i < series->len; i++)
    {
      const StrideHqPoint *p = &g_array_index (series, StrideHqPoint, i);

      if (p->date < data->from || p->date > data->to)
        continue;

      table_take (&data->hq_points, format_day (p->date));
      table_add (&data->hq_points, stride_label_for_side (p->leg));
      table_take (&data->hq_points, hq_method_label (p->method, p->mixed));
      table_take (&data->hq_points, format_number (p->ratio, 2));
      table_add (&data->hq_points, state_label (p->state));
    }
}

/* The point a summary's latest value comes from, for its two sides. */
static const StrideLsiPoint *
find_lsi_point (GArray                     *series,
                const StrideBalanceSummary *summary)
{
  for (guint i = series->len; i > 0; i--)
    {
      const StrideLsiPoint *p = &g_array_index (series, StrideLsiPoint, i - 1);

      if (p->date == summary->latest_date &&
          g_strcmp0 (p->test, summary->key) == 0 &&
          g_strcmp0 (p->method, summary->method) == 0)
        return p;
    }

  return NULL;
}

static void
fill_lsi_latest (ReportData *data,
                 GArray     *series,
                 GArray     *summaries)
{
  Table *table = &data->lsi_latest;

  for (guint i = 0; i < summaries->len; i++)
    {
      const StrideBalanceSummary *s = &g_array_index (summaries, StrideBalanceSummary, i);
      const StrideLsiPoint *p = find_lsi_point (series, s);

      if (p == NULL || s->latest_date < data->from || s->latest_date > data->to)
        continue;

      table_take (table, format_day (s->latest_date));
      table_take (table, g_strdup_printf ("%s (%s)", test_label (data, s->key),
                                          stride_label_for_method (s->method)));
      table_take (table, format_value (p->left, p->unit, data->units));
      table_take (table, format_value (p->right, p->unit, data->units));
      table_take (table, format_percent (s->latest));
      table_add (table, s->leg == STRIDE_SIDE_BOTH ? _("equal") : stride_label_for_side (s->leg));
      table_add (table, state_label (s->state));
    }
}

static gboolean
fill_pains (ReportData  *data,
            GError     **error)
{
  g_autoptr(GArray) pains = NULL;

  pains = stride_store_list_pain_entries (data->store, data->from, data->to, error);
  if (pains == NULL)
    return FALSE;

  for (guint i = 0; i < pains->len; i++)
    {
      const StridePainEntry *pain = &g_array_index (pains, StridePainEntry, i);

      table_take (&data->pains, format_day (pain->date));
      table_add (&data->pains, pain->location != NULL ? stride_label_for_location (pain->location) : "");
      table_add (&data->pains, stride_label_for_side (pain->side));
      /* Translators: a pain severity, e.g. "4/10" */
      table_take (&data->pains, g_strdup_printf (_("%d/10"), pain->severity));
      table_add (&data->pains, pain->notes);
    }

  return TRUE;
}

static gboolean
fill_balance (ReportData  *data,
              GError     **error)
{
  g_autoptr(GArray) measurements = NULL;
  g_autoptr(GArray) hq_series = NULL;
  g_autoptr(GArray) hq_summaries = NULL;
  g_autoptr(GArray) lsi_series = NULL;
  g_autoptr(GArray) lsi_summaries = NULL;
  g_autoptr(GArray) hip_series = NULL;
  g_autoptr(GArray) hip_summaries = NULL;
  const StrideMeasurement *records;

  measurements = load_measurements (data, error);
  if (measurements == NULL)
    return FALSE;

  records = (const StrideMeasurement *) (gpointer) measurements->data;
  hq_series = stride_balance_hq_series (records, measurements->len);
  hq_summaries = stride_balance_hq_summaries (hq_series);
  lsi_series = stride_balance_lsi_series (records, measurements->len);
  lsi_summaries = stride_balance_lsi_summaries (lsi_series);
  hip_series = stride_balance_hip_series (records, measurements->len);
  hip_summaries = stride_balance_hip_summaries (hip_series);

  fill_ratio_latest (data, &data->hq_latest, hq_summaries);
  fill_ratio_latest (data, &data->hip_latest, hip_summaries);
  fill_hq_points (data, hq_series);
  fill_lsi_latest (data, lsi_series, lsi_summaries);

  return TRUE;
}

static StrideChart *
build_chart (ReportData       *data,
             StrideChartKind   kind,
             GError          **error)
{
  StrideChartRequest request;
  StrideChart *chart;

  stride_chart_request_init (&request, kind);
  request.from = data->from;
  request.to = data->to;
  request.distance_units = data->units;
  request.pace_units = data->units;

  chart = stride_chart_data_build (data->store, &request, NULL, error);
  /* The page's heading names it. */
  if (chart != NULL)
    stride_chart_set_title (chart, NULL);

  return chart;
}

static gboolean
report_data_load (ReportData  *data,
                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *from_text = format_day (data->from);
  g_autofree char *to_text = format_day (data->to);
  g_autofree char *today_text = NULL;

  data->exercise_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  table_init (&data->hq_latest, hq_latest_columns, G_N_ELEMENTS (hq_latest_columns),
              _("No tests in this period"));
  table_init (&data->hip_latest, hip_latest_columns, G_N_ELEMENTS (hip_latest_columns),
              _("No tests in this period"));
  table_init (&data->lsi_latest, lsi_columns, G_N_ELEMENTS (lsi_columns),
              _("No tests in this period"));
  table_init (&data->hq_points, hq_point_columns, G_N_ELEMENTS (hq_point_columns),
              _("No tests in this period"));
  table_init (&data->pains, pain_columns, G_N_ELEMENTS (pain_columns),
              _("No pain logged in this period"));
  stride_chart_data_style_init (&data->chart_style, FALSE, FALSE);

  /* Translators: a period of dates, e.g. "1 Sep 2026 – 25 Nov 2026" */
  data->period = g_strdup_printf (_("%s – %s"), from_text, to_text);
  today_text = g_date_time_format (now, _("%-d %b %Y"));
  data->generated = g_strdup_printf (_("Generated on %s by StrideStrong"), today_text);

  if (!fill_balance (data, error) || !fill_pains (data, error))
    return FALSE;

  data->hq_chart = build_chart (data, STRIDE_CHART_KIND_HQ, error);
  if (data->hq_chart == NULL)
    return FALSE;
  data->lsi_chart = build_chart (data, STRIDE_CHART_KIND_LSI, error);

  return data->lsi_chart != NULL;
}

/* Laying out and drawing. The same code runs twice: once without a
 * cairo_t to count the pages, then drawing "page N of M". Text is laid out
 * with a context of its own, so both passes measure alike. */

typedef struct
{
  cairo_t              *cr;           /* NULL: layout pass */
  PangoLayout          *layout;
  PangoFontDescription *font;
  ReportData           *data;
  guint                 page;         /* 1-based, 0 before the first */
  guint                 n_pages;      /* 0 in the layout pass */
  double                y;
  double                top;          /* below the page's heading */
  const char           *section;      /* repeated on a continued page */
} Writer;

static void
writer_init (Writer     *writer,
             cairo_t    *cr,
             ReportData *data,
             guint       n_pages)
{
  PangoContext *context;
  cairo_font_options_t *options;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  /* Points are PDF units. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (options);

  *writer = (Writer) { 0 };
  writer->cr = cr;
  writer->layout = pango_layout_new (context);
  g_object_unref (context);
  writer->font = pango_font_description_from_string (FONT_FAMILY);
  writer->data = data;
  writer->n_pages = n_pages;
  pango_layout_set_wrap (writer->layout, PANGO_WRAP_WORD_CHAR);
}

static void
writer_clear (Writer *writer)
{
  g_clear_object (&writer->layout);
  g_clear_pointer (&writer->font, pango_font_description_free);
}

/* Lays out @text in @width points; returns its height. */
static double
writer_set_text (Writer         *writer,
                 const char     *text,
                 TextKind        kind,
                 double          width,
                 PangoAlignment  alignment)
{
  int height;

  pango_font_description_set_size (writer->font, (int) (text_kinds[kind].size * PANGO_SCALE));
  pango_font_description_set_weight (writer->font, text_kinds[kind].weight);
  pango_font_description_set_style (writer->font, text_kinds[kind].style);
  pango_layout_set_font_description (writer->layout, writer->font);
  pango_layout_set_width (writer->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (writer->layout, alignment);
  pango_layout_set_text (writer->layout, text != NULL ? text : "", -1);
  pango_layout_get_size (writer->layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

/* Draws the text last laid out, top left at @x, @y. */
static void
writer_show (Writer   *writer,
             TextKind  kind,
             double    x,
             double    y)
{
  double grey = text_kinds[kind].grey;

  if (writer->cr == NULL)
    return;

  cairo_set_source_rgb (writer->cr, grey, grey, grey);
  cairo_move_to (writer->cr, x, y);
  pango_cairo_show_layout (writer->cr, writer->layout);
}

static void
writer_fill (Writer *writer,
             double  grey,
             double  x,
             double  y,
             double  width,
             double  height)
{
  if (writer->cr == NULL)
    return;

  cairo_set_source_rgb (writer->cr, grey, grey, grey);
  cairo_rectangle (writer->cr, x, y, width, height);
  cairo_fill (writer->cr);
}

static void
writer_rule (Writer *writer,
             double  y)
{
  writer_fill (writer, RULE, MARGIN, y - 0.3, TEXT_WIDTH, 0.6);
}

static void
writer_footer (Writer *writer)
{
  g_autofree char *text = NULL;
  double height;

  /* Translators: the footer of every page of the report */
  text = g_strdup_printf (_("StrideStrong · page %u of %u"), writer->page,
                          MAX (writer->n_pages, writer->page));
  height = writer_set_text (writer, text, TEXT_FOOTER, TEXT_WIDTH, PANGO_ALIGN_CENTER);
  writer_show (writer, TEXT_FOOTER, MARGIN, PAGE_HEIGHT - (MARGIN + height) / 2);
}

static void
writer_end_page (Writer *writer)
{
  if (writer->page == 0)
    return;

  writer_footer (writer);
  if (writer->cr != NULL)
    cairo_show_page (writer->cr);
}

/* Text at the full width, moving down; no page break inside. */
static void
writer_line (Writer     *writer,
             const char *text,
             TextKind    kind,
             double      space_after)
{
  double height = writer_set_text (writer, text, kind, TEXT_WIDTH, PANGO_ALIGN_LEFT);

  writer_show (writer, kind, MARGIN, writer->y);
  writer->y += height + space_after;
}

/* A new page headed @section (NULL for none). */
static void
writer_new_page (Writer     *writer,
                 const char *section)
{
  writer_end_page (writer);
  writer->page++;
  writer->y = MARGIN;
  writer->section = section;
  if (section != NULL)
    writer_line (writer, section, TEXT_HEADING, GAP);
  writer->top = writer->y;
}

/* Breaks the page unless @height more points fit. */
static gboolean
writer_ensure (Writer *writer,
               double  height)
{
  g_autofree char *continued = NULL;

  /* Something taller than a page goes where it is. */
  if (writer->y + height <= CONTENT_BOTTOM || writer->y <= writer->top)
    return FALSE;

  writer_end_page (writer);
  writer->page++;
  writer->y = MARGIN;
  if (writer->section != NULL)
    {
      /* Translators: the heading of a page that goes on from the one before */
      continued = g_strdup_printf (_("%s (continued)"), writer->section);
      writer_line (writer, continued, TEXT_HEADING, GAP);
    }
  writer->top = writer->y;

  return TRUE;
}

/* A paragraph that moves to the next page as a whole when it does not
 * fit. */
static void
writer_paragraph (Writer     *writer,
                  const char *text,
                  TextKind    kind,
                  double      space_after)
{
  writer_ensure (writer, writer_set_text (writer, text, kind, TEXT_WIDTH, PANGO_ALIGN_LEFT));
  writer_line (writer, text, kind, space_after);
}

static void
writer_chart (Writer      *writer,
              StrideChart *chart)
{
  writer_ensure (writer, CHART_HEIGHT);

  if (writer->cr != NULL)
    {
      cairo_save (writer->cr);
      cairo_translate (writer->cr, MARGIN, writer->y);
      stride_chart_draw (chart, writer->cr, TEXT_WIDTH, CHART_HEIGHT,
                         &writer->data->chart_style);
      cairo_restore (writer->cr);
    }
  writer->y += CHART_HEIGHT + GAP;
}

/* One row of cells: lays each out, and draws them when @draw. Returns
 * the row's height. */
static double
writer_row (Writer            *writer,
            const Table       *table,
            const char *const *texts,
            TextKind           kind,
            gboolean           draw)
{
  double x = MARGIN;
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const Column *column = &table->columns[c];
      double width = column->share * TEXT_WIDTH;
      double text_width = width - 2 * CELL_PAD_X - (column->numeric ? NUMBER_PAD : 0);
      double cell_height;

      cell_height = writer_set_text (writer, texts[c], kind, text_width,
                                     column->numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      if (draw)
        writer_show (writer, kind, x + CELL_PAD_X, writer->y + CELL_PAD_Y);
      height = MAX (height, cell_height);
      x += width;
    }

  return height + 2 * CELL_PAD_Y;
}

/* The header row: its height, and when @draw, drawn and moved past. */
static double
writer_table_header (Writer      *writer,
                     const Table *table,
                     gboolean     draw)
{
  g_autofree const char **titles = g_new0 (const char *, table->n_columns);
  double height;

  for (guint c = 0; c < table->n_columns; c++)
    titles[c] = _(table->columns[c].title);

  height = writer_row (writer, table, titles, TEXT_CELL_HEADER, FALSE);
  if (draw)
    {
      writer_fill (writer, HEADER_FILL, MARGIN, writer->y, TEXT_WIDTH, height);
      writer_row (writer, table, titles, TEXT_CELL_HEADER, TRUE);
      writer->y += height;
      writer_rule (writer, writer->y);
    }

  return height;
}

/* Every table of the report: a header row, repeated on each page the
 * table runs onto, and rows that never split. */
static void
writer_table (Writer      *writer,
              const Table *table)
{
  guint n_rows = table_n_rows (table);
  double header_height;

  if (n_rows == 0)
    {
      writer_paragraph (writer, table->empty_text, TEXT_EMPTY, GAP);
      return;
    }

  header_height = writer_table_header (writer, table, FALSE);
  for (guint r = 0; r < n_rows; r++)
    {
      const char *const *cells = (const char *const *) table->cells->pdata + r * table->n_columns;
      double height = writer_row (writer, table, cells, TEXT_CELL, FALSE);

      if (r == 0)
        {
          writer_ensure (writer, header_height + height);
          writer_table_header (writer, table, TRUE);
        }
      else if (writer_ensure (writer, height))
        writer_table_header (writer, table, TRUE);

      if (r % 2 == 1)
        writer_fill (writer, ZEBRA_FILL, MARGIN, writer->y, TEXT_WIDTH, height);
      writer_row (writer, table, cells, TEXT_CELL, TRUE);
      writer->y += height;
    }

  writer_rule (writer, writer->y);
  writer->y += GAP;
}

/* Pages */

static void
write_cover (Writer *writer)
{
  ReportData *data = writer->data;

  writer_new_page (writer, NULL);
  writer_line (writer, _("Strength Balance Report"), TEXT_TITLE, 4.0);
  writer_line (writer, data->period, TEXT_BODY, 2.0);
  writer_line (writer, data->generated, TEXT_MUTED, 2 * GAP);

  writer->section = _("Strength Balance Report");
  writer_paragraph (writer, _("Latest Hamstring:Quadriceps Ratio"), TEXT_SUBHEADING, 4.0);
  writer_table (writer, &data->hq_latest);
  writer_paragraph (writer, _("Latest Left/Right Symmetry"), TEXT_SUBHEADING, 4.0);
  writer_table (writer, &data->lsi_latest);
  writer_paragraph (writer, _("Latest Hip Adductor:Abductor Ratio"), TEXT_SUBHEADING, 4.0);
  writer_table (writer, &data->hip_latest);

  writer->y += GAP;
  writer_paragraph (writer, _("About This Report"), TEXT_SUBHEADING, 4.0);
  writer_paragraph (writer,
                    _("This report is not medical advice, and StrideStrong never diagnoses. "
                      "The thresholds are population defaults, and they are contested. "
                      "One test is noisy: an imbalance is only flagged when two tests agree, "
                      "and a single low result shows as “Watch”. "
                      "The hamstring:quadriceps ratio is not an established predictor of "
                      "injury (Kellis et al. 2023). "
                      "“Since baseline” compares with the first test of the same leg and method. "
                      "Pain that persists needs a professional: a physiotherapist or a doctor."),
                    TEXT_BODY, GAP);
}

static void
write_hq_page (Writer *writer)
{
  writer_new_page (writer, _("Hamstring:Quadriceps Ratio"));
  writer_chart (writer, writer->data->hq_chart);
  writer_paragraph (writer,
                    _("H:Q is the hamstring strength of one leg divided by its quadriceps "
                      "strength, from tests of the same day and method. Ratios of different "
                      "methods are never compared. The state is of each test alone."),
                    TEXT_BODY, GAP);
  writer_table (writer, &writer->data->hq_points);
}

static void
write_lsi_page (Writer *writer)
{
  writer_new_page (writer, _("Left/Right Symmetry"));
  writer_chart (writer, writer->data->lsi_chart);
  writer_paragraph (writer,
                    /* xgettext:no-c-format */
                    _("The limb symmetry index (LSI) is the weaker side divided by the "
                      "stronger side. 90 % or more is the usual target; 85 to 90 % is worth "
                      "watching; below 85 % in two tests in a row counts as an imbalance. "
                      "Values from strength sets are estimated one-repetition maximums."),
                    TEXT_BODY, GAP);
  writer_table (writer, &writer->data->lsi_latest);
}

static void
write_pain_pages (Writer *writer)
{
  writer_new_page (writer, _("Pain Log"));
  writer_table (writer, &writer->data->pains);
}

/* Lays out (@cr NULL) or draws the whole report; returns the number of
 * pages. */
static guint
write_report (cairo_t    *cr,
              ReportData *data,
              guint       n_pages)
{
  Writer writer;
  guint pages;

  writer_init (&writer, cr, data, n_pages);
  write_cover (&writer);
  write_hq_page (&writer);
  write_lsi_page (&writer);
  write_pain_pages (&writer);
  writer_end_page (&writer);
  pages = writer.page;
  writer_clear (&writer);

  return pages;
}

/* The file */

typedef struct
{
  int fd;
  int saved_errno;
} Output;

static cairo_status_t
output_write (void                *user_data,
              const unsigned char *bytes,
              unsigned int         length)
{
  Output *output = user_data;

  while (length > 0)
    {
      gssize written = write (output->fd, bytes, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          output->saved_errno = written < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      bytes += written;
      length -= (unsigned int) written;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
set_file_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not write the report “%s”: %s"), display, g_strerror (saved_errno));
}

static void
set_folder_error (GError     **error,
                  const char  *path,
                  int          saved_errno)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (folder);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not save the report in the folder “%s”: %s"),
               display, g_strerror (saved_errno));
}

/* Draws the report into the open file @fd. */
static gboolean
render_pdf (ReportData  *data,
            int          fd,
            const char  *path,
            GError     **error)
{
  Output output = { fd, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;
  guint drawn;

  n_pages = write_report (NULL, data, 0);

  surface = cairo_pdf_surface_create_for_stream (output_write, &output, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Strength Balance Report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "StrideStrong");
  cr = cairo_create (surface);
  drawn = write_report (cr, data, n_pages);
  g_warn_if_fail (drawn == n_pages);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (output.saved_errno != 0)
    {
      set_file_error (error, path, output.saved_errno);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the report: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* Writes to a temporary file next to @path, then renames it over @path. */
static gboolean
save_pdf (ReportData  *data,
          const char  *path,
          GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".tmp-XXXXXX", NULL);
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_folder_error (error, path, errno);
      return FALSE;
    }

  if (!render_pdf (data, fd, path, error))
    {
      close (fd);
      g_unlink (tmp_path);
      return FALSE;
    }

  saved_errno = g_fsync (fd) == 0 ? 0 : errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      set_file_error (error, path, saved_errno);
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      set_file_error (error, path, errno);
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

gboolean
stride_balance_report_write (StrideStore       *store,
                             const char        *path,
                             guint32            from,
                             guint32            to,
                             StrideUnitSystem   units,
                             GError           **error)
{
  g_auto(ReportData) data = { 0 };

  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (g_date_valid_julian (from) && g_date_valid_julian (to), FALSE);
  g_return_val_if_fail (from <= to, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data.store = store;
  data.from = from;
  data.to = to;
  data.units = units;

  if (!report_data_load (&data, error))
    return FALSE;

  return save_pdf (&data, path, error);
}
