/* test-chart-table.c — "Show as Table": the charts' data as a table, on the
 * Charts page and on its own, under Xvfb.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "stride-balance-page.h"
#include "stride-chart-data.h"
#include "stride-chart-table.h"
#include "stride-chart-view.h"
#include "stride-charts-page.h"
#include "stride-window.h"

#include "ui-test-util.h"

#define DAY_S (24 * 3600.0)

static gboolean
page_is_idle (gpointer data)
{
  StrideChartsPage *page = data;

  return gtk_widget_get_mapped (GTK_WIDGET (page)) && !stride_charts_page_is_loading (page);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
widget_is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
shows_table (gpointer data)
{
  return stride_charts_page_get_show_table (data);
}

static StrideChartsPage *
open_charts (const char    *path,
             StrideWindow **window_out)
{
  GtkWidget *page = open_window_on_page (path, "charts", STRIDE_TYPE_CHARTS_PAGE, window_out);

  g_assert_true (wait_for (page_is_idle, page));
  return STRIDE_CHARTS_PAGE (page);
}

static void
show_kind (StrideChartsPage *page,
           StrideChartKind   kind)
{
  stride_charts_page_set_kind (page, kind);
  g_assert_true (wait_for (page_is_idle, page));
}

static void
set_range (StrideChartsPage *page,
           StrideChartRange  range)
{
  stride_charts_page_set_range (page, range);
  g_assert_true (wait_for (page_is_idle, page));
}

static gboolean
button_has_action (GtkWidget     *widget,
                   gconstpointer  action)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action)
{
  return find_widget (widget, button_has_action, action);
}

/* Reading cells back */

/* "5:12" or "1:02:03" in seconds, or a plain number; NAN for a gap. */
static double
parse_cell (const char *text,
            guint      *decimals)
{
  g_auto(GStrv) parts = NULL;
  const char *dot;
  double value = 0;

  *decimals = 0;
  if (g_strcmp0 (text, "—") == 0)
    return NAN;

  if (strchr (text, ':') != NULL)
    {
      parts = g_strsplit (text, ":", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        value = value * 60 + g_ascii_strtod (parts[i], NULL);
      return value;
    }

  dot = strchr (text, '.');
  if (dot != NULL)
    *decimals = strlen (dot + 1);
  return g_ascii_strtod (text, NULL);
}

/* The row holding time @x: its own (by point) or its day's or week's. */
static int
find_row (StrideChartTable *table,
          double            x,
          double            span_s)
{
  for (guint r = 0; r < stride_chart_table_get_n_rows (table); r++)
    {
      double row_x = stride_chart_table_get_row_x (table, r);

      if (span_s > 0 ? (x >= row_x && x < row_x + span_s) : x == row_x)
        return (int) r;
    }

  return -1;
}

static void
assert_cell_is (StrideChartTable *table,
                guint             row,
                int               column,
                double            expected)
{
  g_autofree char *text = stride_chart_table_get_cell (table, row, column);
  guint decimals;
  double value;

  g_assert_nonnull (text);
  value = parse_cell (text, &decimals);
  g_assert_false (isnan (value));
  /* Rounded to the decimals shown, or to whole seconds. */
  g_assert_cmpfloat_with_epsilon (value, expected, 0.5 * pow (10, -(double) decimals) + 1e-9);
}

/* The series of @contents by name, one per name (a balance chart's line
 * and dots are one column). */
static const StrideChartSeriesInfo *
series_named (const StrideChartContents *contents,
              const char                *name)
{
  for (guint i = 0; i < contents->series->len; i++)
    {
      const StrideChartSeriesInfo *series = &g_array_index (contents->series,
                                                            StrideChartSeriesInfo, i);

      if (g_strcmp0 (series->name, name) == 0)
        return series;
    }

  return NULL;
}

static gboolean
visible (const StrideChartContents *contents,
         const StrideChartPoint    *point)
{
  return point->x >= contents->from && point->x <= contents->to && isfinite (point->y);
}

/* The column of @series: its name, then its unit in brackets if any. */
static int
column_of (StrideChartTable            *table,
           const StrideChartSeriesInfo *series)
{
  for (guint c = 1; c < stride_chart_table_get_n_columns (table); c++)
    {
      const char *title = stride_chart_table_get_column_title (table, c);

      if (g_strcmp0 (title, series->name) == 0
          || (g_str_has_prefix (title, series->name)
              && g_str_has_prefix (title + strlen (series->name), " (")))
        return (int) c;
    }

  return -1;
}

/* The rows of a chart, counted independently of the table: the distinct
 * times (by point) or days or weeks (by span) with a value, plus the days
 * of markers when by span. */
static guint
count_expected_rows (const StrideChartContents *contents,
                     double                     span_s,
                     double                     week_origin)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < contents->series->len; i++)
    {
      const StrideChartSeriesInfo *series = &g_array_index (contents->series,
                                                            StrideChartSeriesInfo, i);

      for (guint j = 0; j < series->n_points; j++)
        {
          gint64 *key;

          if (!visible (contents, &series->points[j]))
            continue;
          key = g_new (gint64, 1);
          *key = span_s > 0 ? (gint64) floor ((series->points[j].x - week_origin) / span_s)
                            : (gint64) series->points[j].x;
          g_hash_table_add (keys, key);
        }
    }

  for (guint i = 0; span_s > 0 && i < contents->markers->len; i++)
    {
      double x = g_array_index (contents->markers, StrideChartMarkerInfo, i).x;
      gint64 *key;

      if (x < contents->from || x > contents->to)
        continue;
      key = g_new (gint64, 1);
      *key = (gint64) floor ((x - week_origin) / span_s);
      g_hash_table_add (keys, key);
    }

  return g_hash_table_size (keys);
}

/* Each chart on the page */

static double
span_of (StrideChartKind kind)
{
  switch (kind)
    {
    case STRIDE_CHART_KIND_PACE:
    case STRIDE_CHART_KIND_RUN:
      return 0;
    case STRIDE_CHART_KIND_VOLUME:
      return 7 * DAY_S;
    case STRIDE_CHART_KIND_LOAD:
    case STRIDE_CHART_KIND_HQ:
    case STRIDE_CHART_KIND_LSI:
    case STRIDE_N_CHART_KINDS:
    default:
      return DAY_S;
    }
}

/* Every series: its column, and its first and last visible values in the
 * rows of their times. */
static void
assert_table_matches (StrideChartTable *table,
                      StrideChartView  *view,
                      StrideChartKind   kind)
{
  StrideChartContents contents;
  double span = span_of (kind);
  double week_origin = 0;
  guint n_rows = stride_chart_table_get_n_rows (table);
  guint n_checked = 0;

  g_assert_true (stride_chart_view_get_contents (view, &contents));
  g_assert_cmpuint (n_rows, >, 0);

  /* Weeks start on a Monday here (TZ=UTC, C locale, first weekday by
   * locale): 1970-01-05 was one. */
  if (kind == STRIDE_CHART_KIND_VOLUME)
    week_origin = 4 * DAY_S;
  g_assert_cmpuint (n_rows, ==, count_expected_rows (&contents, span, week_origin));

  /* In time order, inside the range. */
  g_assert_cmpfloat (stride_chart_table_get_row_x (table, 0), <=,
                     stride_chart_table_get_row_x (table, n_rows - 1));
  g_assert_cmpfloat (stride_chart_table_get_row_x (table, 0), >=, contents.from - span);
  g_assert_cmpfloat (stride_chart_table_get_row_x (table, n_rows - 1), <=, contents.to);

  for (guint i = 0; i < contents.series->len; i++)
    {
      const StrideChartSeriesInfo *series = &g_array_index (contents.series,
                                                            StrideChartSeriesInfo, i);
      const StrideChartPoint *first = NULL;
      const StrideChartPoint *last = NULL;
      int column;

      if (series_named (&contents, series->name) != series)
        continue;
      for (guint j = 0; j < series->n_points; j++)
        if (visible (&contents, &series->points[j]))
          {
            first = first != NULL ? first : &series->points[j];
            last = &series->points[j];
          }
      if (first == NULL)
        continue;

      column = column_of (table, series);
      g_test_message ("%s: “%s” in column %d", stride_chart_kind_to_id (kind), series->name,
                      column);
      g_assert_cmpint (column, >, 0);
      g_assert_cmpint (find_row (table, first->x, span), >=, 0);
      g_assert_cmpint (find_row (table, last->x, span), >=, 0);
      assert_cell_is (table, find_row (table, first->x, span), column, first->y);
      assert_cell_is (table, find_row (table, last->x, span), column, last->y);
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >, 0);
  stride_chart_contents_clear (&contents);
}

static void
assert_table_matches_chart (StrideChartsPage *page,
                            StrideChartKind   kind)
{
  assert_table_matches (stride_charts_page_get_table (page), stride_charts_page_get_view (page),
                        kind);
}

static void
test_each_chart_as_table (JournalFixture *fixture,
                          gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  StrideChartTable *table = stride_charts_page_get_table (page);

  set_range (page, STRIDE_CHART_RANGE_1_YEAR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "charts.show-table", NULL));
  g_assert_true (stride_charts_page_get_show_table (page));
  g_assert_true (wait_for (widget_is_mapped, table));
  /* After the crossfade. */
  g_assert_true (wait_for (widget_is_unmapped, stride_charts_page_get_view (page)));

  for (StrideChartKind kind = 0; kind < STRIDE_N_CHART_KINDS; kind++)
    {
      show_kind (page, kind);
      g_test_message ("%s: %u rows, %u columns", stride_chart_kind_to_id (kind),
                      stride_chart_table_get_n_rows (table),
                      stride_chart_table_get_n_columns (table));
      assert_table_matches_chart (page, kind);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Rows of the load chart: one per day of the range, whatever the data. */
static void
test_table_follows_range (JournalFixture *fixture,
                          gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  StrideChartTable *table = stride_charts_page_get_table (page);
  guint32 today = stride_today_julian ();
  g_autoptr(GDate) months_ago = g_date_new_julian (today);
  guint n_month;

  show_kind (page, STRIDE_CHART_KIND_LOAD);
  stride_charts_page_set_show_table (page, TRUE);

  set_range (page, STRIDE_CHART_RANGE_4_WEEKS);
  g_assert_cmpuint (stride_chart_table_get_n_rows (table), ==, 28);
  g_assert_cmpfloat (stride_chart_table_get_row_x (table, 0), ==,
                     stride_chart_data_day_start (today - 27, 0));
  g_assert_cmpfloat (stride_chart_table_get_row_x (table, 27), ==,
                     stride_chart_data_day_start (today, 0));
  n_month = stride_chart_table_get_n_rows (table);

  set_range (page, STRIDE_CHART_RANGE_3_MONTHS);
  g_date_subtract_months (months_ago, 3);
  g_assert_cmpuint (stride_chart_table_get_n_rows (table), ==,
                    today - g_date_get_julian (months_ago));
  g_assert_cmpuint (stride_chart_table_get_n_rows (table), >, n_month);

  stride_charts_page_set_custom_range (page, today - 200, today - 140);
  g_assert_true (wait_for (page_is_idle, page));
  g_assert_cmpuint (stride_chart_table_get_n_rows (table), ==, 61);
  g_assert_cmpfloat (stride_chart_table_get_row_x (table, 0), ==,
                     stride_chart_data_day_start (today - 200, 0));
  assert_table_matches_chart (page, STRIDE_CHART_KIND_LOAD);

  /* The chart zoomed before showing the table: the table shows what the
   * chart showed. */
  stride_charts_page_set_show_table (page, FALSE);
  stride_chart_view_zoom (stride_charts_page_get_view (page), 0.5, -1);
  stride_charts_page_set_show_table (page, TRUE);
  g_assert_cmpuint (stride_chart_table_get_n_rows (table), >=, 29);
  g_assert_cmpuint (stride_chart_table_get_n_rows (table), <=, 32);
  assert_table_matches_chart (page, STRIDE_CHART_KIND_LOAD);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_shortcut (GtkWidget  *widget,
              guint       keyval,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller))
             == GTK_SHORTCUT_SCOPE_LOCAL)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted)
              && GTK_IS_NAMED_ACTION (named)
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* The toggle: a button in the focus chain, an action, Ctrl+T anywhere in
 * the window, a name that says what it does next. */
static void
test_toggle_by_keyboard (JournalFixture *fixture,
                         gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  GtkWidget *button = find_button_with_action (GTK_WIDGET (page), "charts.show-table");
  StrideChartTable *table = stride_charts_page_get_table (page);
  StrideChartView *view = stride_charts_page_get_view (page);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Show as Table");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Show as Table");
  g_assert_true (has_shortcut (GTK_WIDGET (page), GDK_KEY_t, "charts.show-table"));

  /* Space or Enter on the focused button (it clicks after its press
   * animation). */
  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (wait_for (shows_table, page));
  g_assert_true (wait_for (widget_is_mapped, table));
  g_assert_true (wait_for (widget_is_unmapped, view));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Show as Chart");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Show as Chart");
  g_assert_cmpuint (stride_chart_table_get_n_rows (table), >, 0);

  /* The action (what Ctrl+T runs) toggles back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "charts.show-table", NULL));
  g_assert_false (stride_charts_page_get_show_table (page));
  g_assert_true (wait_for (widget_is_mapped, view));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Show as Table");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_units_in_headers (StrideChartTable *table,
                         const char       *const *wanted)
{
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      g_test_message ("looking for a column “%s”", wanted[i]);
      g_assert_cmpint (stride_chart_table_find_column (table, wanted[i]), >, 0);
    }
}

static void
assert_no_header_has (StrideChartTable *table,
                      const char       *text)
{
  for (guint c = 0; c < stride_chart_table_get_n_columns (table); c++)
    g_assert_null (strstr (stride_chart_table_get_column_title (table, c), text));
}

static void
test_headers_have_units (JournalFixture *fixture,
                         gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  StrideChartTable *table = stride_charts_page_get_table (page);
  const char *const pace[] = { "Easy (min/km)", "Long, 5-run average (min/km)", NULL };
  const char *const volume[] = { "Running, done (km)", "Strength, done (min)", NULL };
  const char *const load[] = { "Acute (7-day EWMA) (AU)", "Chronic (28-day EWMA) (AU)",
                               "Acute:chronic ratio", NULL };
  const char *const lsi[] = { NULL };
  const char *const run[] = { "Pace (min/km)", "Heart rate (bpm)", "Events", NULL };

  stride_charts_page_set_show_table (page, TRUE);
  set_range (page, STRIDE_CHART_RANGE_1_YEAR);

  show_kind (page, STRIDE_CHART_KIND_PACE);
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 0), ==, "Date");
  assert_units_in_headers (table, pace);
  show_kind (page, STRIDE_CHART_KIND_VOLUME);
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 0), ==, "Week");
  assert_units_in_headers (table, volume);
  show_kind (page, STRIDE_CHART_KIND_LOAD);
  assert_units_in_headers (table, load);
  show_kind (page, STRIDE_CHART_KIND_RUN);
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 0), ==, "Time");
  assert_units_in_headers (table, run);

  /* Every symmetry column is a percentage. */
  show_kind (page, STRIDE_CHART_KIND_LSI);
  assert_units_in_headers (table, lsi);
  g_assert_cmpuint (stride_chart_table_get_n_columns (table), >=, 2);
  for (guint c = 1; c < stride_chart_table_get_n_columns (table); c++)
    if (g_strcmp0 (stride_chart_table_get_column_title (table, c), "Events") != 0)
      g_assert_true (g_str_has_suffix (stride_chart_table_get_column_title (table, c), " (%)"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_imperial_units (JournalFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  StrideWindow *window;
  StrideChartsPage *page;
  StrideChartTable *table;
  const char *const pace[] = { "Easy (min/mi)", "Easy, 5-run average (min/mi)", NULL };
  const char *const volume[] = { "Running, done (mi)", NULL };
  g_autofree char *first_easy = NULL;
  guint decimals;

  g_settings_set_string (settings, "unit-system", "imperial");
  g_settings_set_string (settings, "pace-unit", "per-mile");

  page = open_charts (fixture->path, &window);
  table = stride_charts_page_get_table (page);
  stride_charts_page_set_show_table (page, TRUE);
  set_range (page, STRIDE_CHART_RANGE_1_YEAR);

  show_kind (page, STRIDE_CHART_KIND_PACE);
  assert_units_in_headers (table, pace);
  assert_no_header_has (table, "/km");
  assert_table_matches_chart (page, STRIDE_CHART_KIND_PACE);
  /* An easy mile of the demo takes more than six minutes. */
  for (guint r = 0; r < stride_chart_table_get_n_rows (table) && first_easy == NULL; r++)
    {
      g_autofree char *cell = stride_chart_table_get_cell (table, r,
                                                           stride_chart_table_find_column (table, "Easy (min/mi)"));

      if (g_strcmp0 (cell, "—") != 0)
        first_easy = g_steal_pointer (&cell);
    }
  g_assert_nonnull (first_easy);
  g_assert_cmpfloat (parse_cell (first_easy, &decimals), >, 6 * 60);

  show_kind (page, STRIDE_CHART_KIND_VOLUME);
  assert_units_in_headers (table, volume);
  assert_no_header_has (table, "(km)");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "unit-system");
  g_settings_reset (settings, "pace-unit");
}

/* The first label below @widget showing @text, headers included. */
static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  return find_widget (widget, label_has_text, text);
}

/* Names for screen readers: the table, its rows, its cells. */
static void
test_screen_reader_names (JournalFixture *fixture,
                          gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  StrideChartTable *table = stride_charts_page_get_table (page);
  GtkColumnView *column_view = stride_chart_table_get_column_view (table);
  g_autofree char *date = NULL;
  g_autofree char *row = NULL;
  g_autofree char *description = NULL;
  g_autofree char *cell_words = NULL;
  GtkWidget *first_cell;
  GtkWidget *row_widget;

  show_kind (page, STRIDE_CHART_KIND_LOAD);
  set_range (page, STRIDE_CHART_RANGE_4_WEEKS);
  stride_charts_page_set_show_table (page, TRUE);
  g_assert_true (wait_for (widget_is_mapped, column_view));

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Training Load, as a table");
  description = g_strdup_printf ("28 rows, %u columns", stride_chart_table_get_n_columns (table));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (column_view),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  /* A row in words: its day, then each value with its unit. */
  date = stride_chart_table_get_cell (table, 0, 0);
  row = stride_chart_table_get_row_label (table, 0);
  g_test_message ("%s", row);
  g_assert_true (g_str_has_prefix (row, date));
  g_assert_nonnull (strstr (row, "Acute (7-day EWMA): "));
  g_assert_nonnull (strstr (row, " AU"));

  /* The row (what takes the focus) reads the row; its first cell names
   * its column. */
  first_cell = find_label (GTK_WIDGET (column_view), date);
  g_assert_nonnull (first_cell);
  cell_words = g_strdup_printf ("Date: %s", date);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (first_cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       cell_words);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_parent (first_cell)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, cell_words);
  row_widget = gtk_widget_get_parent (gtk_widget_get_parent (first_cell));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row_widget)), ==,
                   GTK_ACCESSIBLE_ROLE_ROW);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row_widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       row);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Balance page: the same toggle on its two charts. */

static gboolean
balance_is_idle (gpointer data)
{
  return gtk_widget_get_mapped (data) && !stride_balance_page_is_loading (data);
}

static void
test_balance_tables (JournalFixture *fixture,
                     gconstpointer   data)
{
  StrideWindow *window;
  StrideBalancePage *page = STRIDE_BALANCE_PAGE (open_window_on_page (fixture->path, "balance",
                                                                      STRIDE_TYPE_BALANCE_PAGE,
                                                                      &window));
  StrideChartTable *hq = stride_balance_page_get_hq_table (page);
  StrideChartTable *lsi = stride_balance_page_get_lsi_table (page);
  GtkWidget *hq_button = find_button_with_action (GTK_WIDGET (page), "balance.show-hq-table");
  GtkWidget *lsi_button = find_button_with_action (GTK_WIDGET (page), "balance.show-lsi-table");

  g_assert_true (wait_for (balance_is_idle, page));
  g_assert_nonnull (hq_button);
  g_assert_nonnull (lsi_button);
  g_assert_true (gtk_widget_get_focusable (hq_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "balance.show-hq-table", NULL));
  g_assert_true (wait_for (widget_is_mapped, hq));
  g_assert_true (wait_for (widget_is_unmapped, stride_balance_page_get_hq_view (page)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (hq_button), ==, "Show as Chart");
  /* The other chart stays a chart. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (stride_balance_page_get_lsi_view (page))));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (lsi_button), ==, "Show as Table");
  assert_table_matches (hq, stride_balance_page_get_hq_view (page), STRIDE_CHART_KIND_HQ);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "balance.show-lsi-table", NULL));
  g_assert_true (wait_for (widget_is_mapped, lsi));
  assert_table_matches (lsi, stride_balance_page_get_lsi_view (page), STRIDE_CHART_KIND_LSI);

  /* One test: its left and right values and their symmetry; the table
   * follows the chart. */
  stride_balance_page_show_test (page, STRIDE_TEST_KNEE_FLEXION);
  g_assert_true (wait_for (balance_is_idle, page));
  assert_table_matches (lsi, stride_balance_page_get_lsi_view (page), STRIDE_CHART_KIND_LSI);
  g_assert_cmpint (stride_chart_table_find_column (lsi, "Symmetry (LSI) (%)"), >, 0);
  g_assert_cmpint (stride_chart_table_find_column (lsi, "Left (N·m)"), >, 0);
  g_assert_cmpint (stride_chart_table_find_column (lsi, "Right (N·m)"), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "balance.show-hq-table", NULL));
  g_assert_true (wait_for (widget_is_mapped, stride_balance_page_get_hq_view (page)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (hq_button), ==, "Show as Table");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The table on its own, with data made up here */

static void
contents_init (StrideChartContents *contents)
{
  memset (contents, 0, sizeof *contents);
  contents->series = g_array_new (FALSE, TRUE, sizeof (StrideChartSeriesInfo));
  contents->markers = g_array_new (FALSE, TRUE, sizeof (StrideChartMarkerInfo));
  contents->axes[STRIDE_AXIS_LEFT] = (StrideChartAxisInfo) { "Load", "AU", STRIDE_VALUE_PLAIN };
  contents->axes[STRIDE_AXIS_RIGHT] = (StrideChartAxisInfo) { "Ratio", NULL, STRIDE_VALUE_PLAIN };
}

static void
add_series (StrideChartContents    *contents,
            const char             *name,
            StrideAxisSide          side,
            const StrideChartPoint *points,
            guint                   n_points)
{
  StrideChartSeriesInfo series = { name, side, FALSE, points, n_points };

  g_array_append_val (contents->series, series);
}

static guint
count_labels (GtkWidget *widget)
{
  guint n = GTK_IS_LABEL (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child);

  return n;
}

/* Ten years of days: every row in the model, a screenful of widgets. */
static void
test_ten_years (void)
{
  GtkWidget *window = gtk_window_new ();
  StrideChartTable *table = STRIDE_CHART_TABLE (stride_chart_table_new ());
  guint n_days = 3653;
  g_autofree StrideChartPoint *load = g_new (StrideChartPoint, n_days);
  g_autofree StrideChartPoint *ratio = g_new (StrideChartPoint, n_days);
  StrideChartContents contents;
  gint64 start = (gint64) stride_chart_data_day_start (stride_today_julian () - n_days + 1, 0);
  g_autofree char *last = NULL;
  gint64 before;
  guint n_labels;

  contents_init (&contents);
  for (guint i = 0; i < n_days; i++)
    {
      load[i] = (StrideChartPoint) { start + i * DAY_S, 100 + i % 400 };
      ratio[i] = (StrideChartPoint) { start + i * DAY_S, i % 7 == 0 ? NAN : 0.8 + (i % 50) / 100.0 };
    }
  add_series (&contents, "Acute", STRIDE_AXIS_LEFT, load, n_days);
  add_series (&contents, "Ratio", STRIDE_AXIS_RIGHT, ratio, n_days);
  contents.from = start;
  contents.to = start + (n_days - 1) * DAY_S;
  contents.data_from = start;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 500);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  gtk_window_present (GTK_WINDOW (window));
  stride_chart_table_set_rows (table, STRIDE_CHART_TABLE_ROW_PER_DAY, G_DATE_MONDAY);

  before = g_get_monotonic_time ();
  stride_chart_table_show (table, &contents, "Ten Years");
  g_test_message ("shown in %.1f ms", (g_get_monotonic_time () - before) / 1000.0);
  g_assert_true (wait_for (widget_is_mapped, stride_chart_table_get_column_view (table)));
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpuint (stride_chart_table_get_n_rows (table), ==, n_days);
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 1), ==, "Acute (AU)");
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 2), ==, "Ratio");
  last = stride_chart_table_get_cell (table, n_days - 1, 1);
  g_assert_cmpstr (last, ==, "152");   /* 100 + 3652 % 400 */
  /* Virtualised: GTK 4.8 keeps at most about 200 rows of three cells
   * around the visible ones, never 3653. */
  n_labels = count_labels (GTK_WIDGET (table));
  g_test_message ("%u labels", n_labels);
  g_assert_cmpuint (n_labels, <, 3 * 250);

  stride_chart_contents_clear (&contents);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Gaps, weeks, markers and sorting. */
static void
test_rows_and_sorting (void)
{
  GtkWidget *window = gtk_window_new ();
  StrideChartTable *table = STRIDE_CHART_TABLE (stride_chart_table_new ());
  /* Monday 2026-01-05 00:00 UTC */
  double monday = 1767571200;
  const StrideChartPoint run[] = {
    { monday + 2 * DAY_S, 20 }, { monday + 9 * DAY_S, 35.5 }, { monday + 16 * DAY_S, NAN },
    { monday + 23 * DAY_S, 12.26 },
  };
  const StrideChartPoint strength[] = {
    { monday + 5 * DAY_S, 40 }, { monday + 12 * DAY_S, 60 }, { monday + 19 * DAY_S, 30 },
  };
  StrideChartMarkerInfo race = { monday + 30 * DAY_S, "City 10K", FALSE };
  StrideChartMarkerInfo outside = { monday + 90 * DAY_S, "Later", FALSE };
  StrideChartContents contents;
  GtkColumnViewColumn *running;
  g_autofree char *cell = NULL;

  contents_init (&contents);
  contents.axes[STRIDE_AXIS_LEFT] = (StrideChartAxisInfo) { "Running", "km", STRIDE_VALUE_PLAIN };
  contents.axes[STRIDE_AXIS_RIGHT] = (StrideChartAxisInfo) { "Strength", "min", STRIDE_VALUE_PLAIN };
  add_series (&contents, "Running", STRIDE_AXIS_LEFT, run, G_N_ELEMENTS (run));
  add_series (&contents, "Strength", STRIDE_AXIS_RIGHT, strength, G_N_ELEMENTS (strength));
  /* A line and its dots under one name: one column. */
  add_series (&contents, "Strength", STRIDE_AXIS_RIGHT, strength, G_N_ELEMENTS (strength));
  g_array_append_val (contents.markers, race);
  g_array_append_val (contents.markers, outside);
  contents.from = monday;
  contents.to = monday + 35 * DAY_S - 1;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  gtk_window_present (GTK_WINDOW (window));
  stride_chart_table_set_rows (table, STRIDE_CHART_TABLE_ROW_PER_WEEK, G_DATE_MONDAY);
  stride_chart_table_show (table, &contents, NULL);

  /* Four weeks of values, a fifth for the race; the gap week still has
   * strength. */
  g_assert_cmpuint (stride_chart_table_get_n_rows (table), ==, 5);
  g_assert_cmpuint (stride_chart_table_get_n_columns (table), ==, 4);
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 0), ==, "Week");
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 1), ==, "Running (km)");
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 2), ==, "Strength (min)");
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 3), ==, "Events");
  for (guint r = 0; r < 5; r++)
    g_assert_cmpfloat (stride_chart_table_get_row_x (table, r), ==, monday + r * 7 * DAY_S);

  cell = stride_chart_table_get_cell (table, 0, 0);
  g_assert_cmpstr (cell, ==, "5 Jan 2026");
  g_clear_pointer (&cell, g_free);
  /* One number of decimals per column: the largest value has two digits. */
  cell = stride_chart_table_get_cell (table, 1, 1);
  g_assert_cmpstr (cell, ==, "35.5");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_cell (table, 3, 1);
  g_assert_cmpstr (cell, ==, "12.3");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_cell (table, 2, 1);
  g_assert_cmpstr (cell, ==, "—");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_cell (table, 4, 3);
  g_assert_cmpstr (cell, ==, "City 10K");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_row_label (table, 1);
  g_assert_cmpstr (cell, ==, "12 Jan 2026 — Running: 35.5 km; Strength: 60.0 min");
  g_clear_pointer (&cell, g_free);

  /* Sorted by distance, longest first: the gap goes to one end. */
  running = g_list_model_get_item (gtk_column_view_get_columns (stride_chart_table_get_column_view (table)), 1);
  gtk_column_view_sort_by_column (stride_chart_table_get_column_view (table), running,
                                  GTK_SORT_DESCENDING);
  g_object_unref (running);
  cell = stride_chart_table_get_cell (table, 0, 1);
  g_assert_cmpstr (cell, ==, "—");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_cell (table, 2, 1);
  g_assert_cmpstr (cell, ==, "35.5");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_cell (table, 4, 1);
  g_assert_cmpstr (cell, ==, "12.3");
  g_clear_pointer (&cell, g_free);

  /* By day, markers on their own days; an empty range says so. */
  stride_chart_table_set_rows (table, STRIDE_CHART_TABLE_ROW_PER_DAY, G_DATE_MONDAY);
  stride_chart_table_show (table, &contents, NULL);
  g_assert_cmpuint (stride_chart_table_get_n_rows (table), ==, 3 + 3 + 1);
  g_assert_cmpuint (stride_chart_table_get_n_columns (table), ==, 4);

  contents.from = monday + 100 * DAY_S;
  contents.to = monday + 120 * DAY_S;
  contents.empty_text = "Nothing here";
  stride_chart_table_show (table, &contents, NULL);
  g_assert_cmpuint (stride_chart_table_get_n_rows (table), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (table), "Nothing here"));

  stride_chart_contents_clear (&contents);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* By month: bars in a month's first and second half make one row, which
 * starts at the month's local midnight; months cross a year end. */
static void
test_rows_by_month (void)
{
  GtkWidget *window = gtk_window_new ();
  StrideChartTable *table = STRIDE_CHART_TABLE (stride_chart_table_new ());
  /* Local midnights at +1 h of 1 Nov 2026, 1 Dec 2026, 1 Jan 2027 */
  const double offset = 3600;
  const double nov = 1793491200 - offset;
  const double dec = 1796083200 - offset;
  const double jan = 1798761600 - offset;
  const StrideChartPoint run[] = {
    { nov + 8 * DAY_S, 320 }, { dec + 8 * DAY_S, 280.4 }, { jan + 8 * DAY_S, 301 },
  };
  const StrideChartPoint strength[] = {
    { nov + 21 * DAY_S, 150 }, { dec + 21 * DAY_S, 95 }, { jan + 21 * DAY_S, 120 },
  };
  StrideChartContents contents;
  g_autofree char *cell = NULL;

  contents_init (&contents);
  contents.axes[STRIDE_AXIS_LEFT] = (StrideChartAxisInfo) { "Running", "km", STRIDE_VALUE_PLAIN };
  contents.axes[STRIDE_AXIS_RIGHT] = (StrideChartAxisInfo) { "Strength", "min", STRIDE_VALUE_PLAIN };
  add_series (&contents, "Running", STRIDE_AXIS_LEFT, run, G_N_ELEMENTS (run));
  add_series (&contents, "Strength", STRIDE_AXIS_RIGHT, strength, G_N_ELEMENTS (strength));
  contents.from = nov;
  contents.to = jan + 31 * DAY_S - 1;
  contents.utc_offset_s = (int) offset;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  gtk_window_present (GTK_WINDOW (window));
  stride_chart_table_set_rows (table, STRIDE_CHART_TABLE_ROW_PER_MONTH, G_DATE_MONDAY);
  stride_chart_table_show (table, &contents, NULL);

  g_assert_cmpuint (stride_chart_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 0), ==, "Month");
  g_assert_cmpfloat (stride_chart_table_get_row_x (table, 0), ==, nov);
  g_assert_cmpfloat (stride_chart_table_get_row_x (table, 1), ==, dec);
  g_assert_cmpfloat (stride_chart_table_get_row_x (table, 2), ==, jan);
  cell = stride_chart_table_get_cell (table, 2, 0);
  g_assert_cmpstr (cell, ==, "January 2027");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_row_label (table, 1);
  g_assert_cmpstr (cell, ==, "December 2026 — Running: 280 km; Strength: 95 min");

  stride_chart_contents_clear (&contents);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Inside one run: time since the start, laps at the sample after them,
 * paces as minutes:seconds. */
static void
test_samples_and_pace (void)
{
  GtkWidget *window = gtk_window_new ();
  StrideChartTable *table = STRIDE_CHART_TABLE (stride_chart_table_new ());
  double start = 1767571200 + 6 * 3600;
  const StrideChartPoint pace[] = {
    { start + 5, NAN }, { start + 10, 312.4 }, { start + 15, 3725 },
  };
  const StrideChartPoint heart[] = {
    { start, 120 }, { start + 5, 130 }, { start + 10, 140 }, { start + 15, 150 },
  };
  StrideChartMarkerInfo lap = { start + 7, "Lap 2", FALSE };
  StrideChartContents contents;
  g_autofree char *cell = NULL;

  contents_init (&contents);
  contents.axes[STRIDE_AXIS_LEFT] = (StrideChartAxisInfo) { "Pace", "/mi", STRIDE_VALUE_PACE };
  contents.axes[STRIDE_AXIS_RIGHT] = (StrideChartAxisInfo) { "Heart rate", "bpm", STRIDE_VALUE_PLAIN };
  add_series (&contents, "Pace", STRIDE_AXIS_LEFT, pace, G_N_ELEMENTS (pace));
  add_series (&contents, "Heart rate", STRIDE_AXIS_RIGHT, heart, G_N_ELEMENTS (heart));
  g_array_append_val (contents.markers, lap);
  contents.from = start;
  contents.to = start + 15;
  contents.data_from = start;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  gtk_window_present (GTK_WINDOW (window));
  stride_chart_table_set_rows (table, STRIDE_CHART_TABLE_ROW_PER_SAMPLE, G_DATE_MONDAY);
  stride_chart_table_show (table, &contents, "One Run");

  g_assert_cmpuint (stride_chart_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 0), ==, "Time");
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 1), ==, "Pace (min/mi)");
  g_assert_cmpstr (stride_chart_table_get_column_title (table, 2), ==, "Heart rate (bpm)");
  cell = stride_chart_table_get_cell (table, 2, 0);
  g_assert_cmpstr (cell, ==, "0:10");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_cell (table, 2, 1);
  g_assert_cmpstr (cell, ==, "5:12");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_cell (table, 3, 1);
  g_assert_cmpstr (cell, ==, "1:02:05");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_cell (table, 1, 1);
  g_assert_cmpstr (cell, ==, "—");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_cell (table, 2, 3);
  g_assert_cmpstr (cell, ==, "Lap 2");
  g_clear_pointer (&cell, g_free);
  cell = stride_chart_table_get_row_label (table, 2);
  g_assert_cmpstr (cell, ==, "0:10 — Pace: 5:12 min/mi; Heart rate: 140 bpm; Lap 2");

  stride_chart_contents_clear (&contents);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible properties are read back through GTK's test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/chart-table/each-chart", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_each_chart_as_table, journal_fixture_teardown);
  g_test_add ("/ui/chart-table/follows-range", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_table_follows_range, journal_fixture_teardown);
  g_test_add ("/ui/chart-table/toggle-by-keyboard", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_toggle_by_keyboard, journal_fixture_teardown);
  g_test_add ("/ui/chart-table/headers-have-units", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_headers_have_units, journal_fixture_teardown);
  g_test_add ("/ui/chart-table/imperial-units", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_imperial_units, journal_fixture_teardown);
  g_test_add ("/ui/chart-table/screen-reader-names", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_screen_reader_names, journal_fixture_teardown);
  g_test_add ("/ui/chart-table/balance-page", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_balance_tables, journal_fixture_teardown);
  g_test_add_func ("/ui/chart-table/ten-years", test_ten_years);
  g_test_add_func ("/ui/chart-table/rows-and-sorting", test_rows_and_sorting);
  g_test_add_func ("/ui/chart-table/rows-by-month", test_rows_by_month);
  g_test_add_func ("/ui/chart-table/samples-and-pace", test_samples_and_pace);

  return g_test_run ();
}
