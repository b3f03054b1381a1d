/* test-charts.c — the Charts page and its chart widget, under Xvfb.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "stride-chart-data.h"
#include "stride-chart-view.h"
#include "stride-charts-page.h"
#include "stride-demo-writer.h"
#include "stride-store.h"
#include "stride-window.h"

#include "ui-test-util.h"


static gboolean
page_is_idle (gpointer data)
{
  StrideChartsPage *page = data;

  return gtk_widget_get_mapped (GTK_WIDGET (page)) && !stride_charts_page_is_loading (page);
}

static gboolean
view_is_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 100 && gtk_widget_get_height (data) > 100;
}

/* The window on @path, showing the Charts page, once its first query is
 * done. */
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
  g_assert_cmpint (stride_charts_page_get_kind (page), ==, kind);
  g_assert_true (wait_for (page_is_idle, page));
}

/* The 1-year demo journal tests strength every 42 ± 3 days from its
 * first week, so the last 12 months hold at least 7 tests (about 8):
 * knee flexion and extension at 60°/s on both legs, hip abduction and
 * adduction by dynamometer, and single-leg hops. */
#define DEMO_MIN_TESTS_PER_YEAR 7

static void
assert_enough_data (StrideChartKind        kind,
                    const StrideChartInfo *info)
{
  switch (kind)
    {
    case STRIDE_CHART_KIND_RUN:
      g_assert_cmpuint (info->n_series, >=, 2);
      g_assert_cmpuint (info->n_points, >, 20);
      break;

    case STRIDE_CHART_KIND_HQ:
      /* One method, so one line per leg, a point per test. */
      g_assert_cmpuint (info->n_series, ==, 2);
      g_assert_cmpuint (info->n_points, >=, 2 * DEMO_MIN_TESTS_PER_YEAR);
      break;

    case STRIDE_CHART_KIND_LSI:
      /* Five tests with both sides, plus the single-leg exercises of
       * the strength sessions (more points, but how many depends on
       * the demo's programme). */
      g_assert_cmpuint (info->n_series, >=, 5);
      g_assert_cmpuint (info->n_points, >=, 5 * DEMO_MIN_TESTS_PER_YEAR);
      break;

    case STRIDE_CHART_KIND_PACE:
    case STRIDE_CHART_KIND_VOLUME:
    case STRIDE_CHART_KIND_LOAD:
    case STRIDE_N_CHART_KINDS:
    default:
      g_assert_cmpuint (info->n_series, >=, 3);
      g_assert_cmpuint (info->n_points, >, 20);
      break;
    }
}

static void
test_each_chart_builds (JournalFixture *fixture,
                        gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  StrideChartView *view = stride_charts_page_get_view (page);

  g_assert_false (stride_charts_page_is_empty (page));

  for (StrideChartKind kind = 0; kind < STRIDE_N_CHART_KINDS; kind++)
    {
      const StrideChartInfo *info;

      stride_charts_page_set_range (page, STRIDE_CHART_RANGE_1_YEAR);
      show_kind (page, kind);
      info = stride_charts_page_get_info (page);

      g_test_message ("%s: %u series, %u points", stride_chart_kind_to_id (kind),
                      info->n_series, info->n_points);
      assert_enough_data (kind, info);
      g_assert_nonnull (stride_chart_view_get_chart (view));
      /* Screen readers get the chart in words. */
      g_assert_nonnull (stride_chart_view_get_description (view));
      g_assert_cmpuint (strlen (stride_chart_view_get_description (view)), >, 10);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The volume chart shows whole weeks around the days asked for. */
static void
assert_whole_weeks (double span_s,
                    guint  days)
{
  double weeks = span_s / (7 * 86400.0);

  g_assert_cmpfloat_with_epsilon (weeks, round (weeks), 2.0 / (7 * 24));
  g_assert_cmpfloat (span_s, >=, days * 86400.0 - 3600 * 2);
  /* At most six days more at each end. */
  g_assert_cmpfloat (span_s, <=, (days + 12) * 86400.0 + 3600 * 2);
}

static void
test_range_changes_points (JournalFixture *fixture,
                           gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  guint32 today = stride_today_julian ();

  for (StrideChartKind kind = 0; kind < STRIDE_N_CHART_KINDS; kind++)
    {
      guint all;
      guint month;
      guint custom;
      double all_span;
      double month_span;

      if (kind == STRIDE_CHART_KIND_RUN)
        continue;

      show_kind (page, kind);
      stride_charts_page_set_range (page, STRIDE_CHART_RANGE_ALL);
      g_assert_true (wait_for (page_is_idle, page));
      all = stride_charts_page_get_info (page)->n_points;
      all_span = stride_charts_page_get_info (page)->x_to - stride_charts_page_get_info (page)->x_from;

      stride_charts_page_set_range (page, STRIDE_CHART_RANGE_4_WEEKS);
      g_assert_cmpint (stride_charts_page_get_range (page), ==, STRIDE_CHART_RANGE_4_WEEKS);
      g_assert_true (wait_for (page_is_idle, page));
      month = stride_charts_page_get_info (page)->n_points;
      month_span = stride_charts_page_get_info (page)->x_to - stride_charts_page_get_info (page)->x_from;

      g_assert_cmpuint (month, >, 0);
      g_assert_cmpuint (month, <, all);
      if (kind == STRIDE_CHART_KIND_VOLUME)
        assert_whole_weeks (month_span, 28);
      else
        g_assert_cmpfloat_with_epsilon (month_span, 28 * 86400.0, 3600 * 2);
      g_assert_cmpfloat (month_span, <, all_span);

      /* A custom range of two months in the middle of the year. */
      stride_charts_page_set_custom_range (page, today - 200, today - 140);
      g_assert_cmpint (stride_charts_page_get_range (page), ==, STRIDE_CHART_RANGE_CUSTOM);
      g_assert_true (wait_for (page_is_idle, page));
      custom = stride_charts_page_get_info (page)->n_points;
      g_assert_cmpuint (custom, >, 0);
      g_assert_cmpuint (custom, <, all);
      if (kind == STRIDE_CHART_KIND_VOLUME)
        assert_whole_weeks (stride_charts_page_get_info (page)->x_to
                            - stride_charts_page_get_info (page)->x_from, 61);
      else
        g_assert_cmpfloat_with_epsilon (stride_charts_page_get_info (page)->x_to
                                        - stride_charts_page_get_info (page)->x_from,
                                        61 * 86400.0, 3600 * 2);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_hover_readout (JournalFixture *fixture,
                    gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  StrideChartView *view = stride_charts_page_get_view (page);
  gboolean found = FALSE;
  int width;
  int height;

  stride_charts_page_set_range (page, STRIDE_CHART_RANGE_3_MONTHS);
  show_kind (page, STRIDE_CHART_KIND_LOAD);
  g_assert_true (wait_for (view_is_allocated, view));
  width = gtk_widget_get_width (GTK_WIDGET (view));
  height = gtk_widget_get_height (GTK_WIDGET (view));

  /* Sweep the plot until the pointer is near a value. */
  for (int y = height / 5; y < height && !found; y += 8)
    for (int x = width / 10; x < width && !found; x += 6)
      found = stride_chart_view_hover (view, x, y);

  g_assert_true (found);
  g_assert_nonnull (stride_chart_view_get_readout (view));
  g_test_message ("read-out: %s", stride_chart_view_get_readout (view));
  /* A date and a number. */
  g_assert_true (g_regex_match_simple ("20[0-9][0-9]", stride_chart_view_get_readout (view), 0, 0));
  g_assert_true (g_regex_match_simple ("[0-9]", stride_chart_view_get_readout (view), 0, 0));

  stride_chart_view_unhover (view);
  g_assert_null (stride_chart_view_get_readout (view));

  /* Far away from everything: nothing to read. */
  g_assert_false (stride_chart_view_hover (view, -500, -500));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_zoom_and_pan (JournalFixture *fixture,
                   gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  StrideChartView *view = stride_charts_page_get_view (page);
  g_autofree char *description = NULL;
  double base_from;
  double base_to;
  double from;
  double to;

  stride_charts_page_set_range (page, STRIDE_CHART_RANGE_1_YEAR);
  show_kind (page, STRIDE_CHART_KIND_PACE);
  g_assert_true (wait_for (view_is_allocated, view));

  stride_chart_view_get_visible_range (view, &base_from, &base_to);
  g_assert_cmpfloat (base_to - base_from, >, 300 * 86400.0);
  description = g_strdup (stride_chart_view_get_description (view));

  /* Zoom in around the middle: half the span, same middle. */
  stride_chart_view_zoom (view, 0.5, -1);
  stride_chart_view_get_visible_range (view, &from, &to);
  g_assert_cmpfloat_with_epsilon (to - from, (base_to - base_from) / 2, 1);
  g_assert_cmpfloat_with_epsilon ((from + to) / 2, (base_from + base_to) / 2, 1);

  /* Pan earlier by a fifth. */
  stride_chart_view_pan (view, -0.2);
  {
    double panned_from;
    double panned_to;

    stride_chart_view_get_visible_range (view, &panned_from, &panned_to);
    g_assert_cmpfloat_with_epsilon (panned_from, from - (to - from) * 0.2, 1);
    g_assert_cmpfloat_with_epsilon (panned_to - panned_from, to - from, 1);
    from = panned_from;
    to = panned_to;
  }

  /* Never past the start of the range. */
  for (int i = 0; i < 20; i++)
    stride_chart_view_pan (view, -0.5);
  stride_chart_view_get_visible_range (view, &from, &to);
  g_assert_cmpfloat_with_epsilon (from, base_from, 1);

  /* Zoom around a pointer near the left edge keeps that side in place. */
  stride_chart_view_reset (view);
  stride_chart_view_zoom (view, 0.25, gtk_widget_get_width (GTK_WIDGET (view)) * 0.1);
  stride_chart_view_get_visible_range (view, &from, &to);
  g_assert_cmpfloat_with_epsilon (to - from, (base_to - base_from) / 4, 1);
  g_assert_cmpfloat (from, <, base_from + (base_to - base_from) * 0.2);

  /* The keyboard's actions: + zooms in, Home resets. */
  stride_chart_view_reset (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.zoom-in", NULL));
  stride_chart_view_get_visible_range (view, &from, &to);
  g_assert_cmpfloat (to - from, <, base_to - base_from);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.pan-left", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.reset", NULL));
  stride_chart_view_get_visible_range (view, &from, &to);
  g_assert_cmpfloat_with_epsilon (from, base_from, 1);
  g_assert_cmpfloat_with_epsilon (to, base_to, 1);
  /* Zooming out never goes past the whole range. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.zoom-out", NULL));
  stride_chart_view_get_visible_range (view, &from, &to);
  g_assert_cmpfloat_with_epsilon (to - from, base_to - base_from, 1);

  /* Back to the whole range, back to the same words. */
  g_assert_cmpstr (stride_chart_view_get_description (view), ==, description);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
check_magic (const char *path,
             const char *magic,
             gsize       length)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 500);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_export (JournalFixture *fixture,
             gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);

  for (StrideChartKind kind = 0; kind < STRIDE_N_CHART_KINDS; kind++)
    {
      const char *id = stride_chart_kind_to_id (kind);
      g_autofree char *png_name = g_strdup_printf ("%s.png", id);
      g_autofree char *svg_name = g_strdup_printf ("%s.svg", id);
      g_autofree char *pdf_name = g_strdup_printf ("%s.pdf", id);
      g_autofree char *png = g_build_filename (fixture->dir, png_name, NULL);
      g_autofree char *svg = g_build_filename (fixture->dir, svg_name, NULL);
      g_autofree char *pdf = g_build_filename (fixture->dir, pdf_name, NULL);
      g_autoptr(GError) error = NULL;

      show_kind (page, kind);
      g_assert_true (stride_charts_page_export (page, png, STRIDE_CHART_EXPORT_WIDTH,
                                                STRIDE_CHART_EXPORT_HEIGHT, &error));
      g_assert_no_error (error);
      g_assert_true (stride_charts_page_export (page, svg, 800, 400, &error));
      g_assert_no_error (error);
      g_assert_true (stride_charts_page_export (page, pdf, 1600, 800, &error));
      g_assert_no_error (error);

      check_magic (png, "\x89PNG\r\n\x1a\n", 8);
      check_magic (pdf, "%PDF-", 5);
      {
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
        g_assert_nonnull (strstr (contents, "<svg"));
      }

      /* PNG at the size asked for: width and height in the IHDR chunk. */
      {
        g_autofree guchar *contents = NULL;
        gsize size;

        g_assert_true (g_file_get_contents (png, (char **) &contents, &size, NULL));
        g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 1200);
        g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 600);
      }
    }

  /* An unknown format is refused. */
  {
    g_autofree char *jpg = g_build_filename (fixture->dir, "chart.jpg", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (stride_charts_page_export (page, jpg, 1200, 600, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_run_chooser (JournalFixture *fixture,
                  gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  g_autoptr(GArray) tracked = NULL;
  g_autoptr(GError) error = NULL;
  gint64 latest;
  gint64 second;

  show_kind (page, STRIDE_CHART_KIND_RUN);
  g_assert_cmpuint (stride_charts_page_get_n_runs (page), >=, 2);

  {
    g_autoptr(StrideStore) store = stride_store_open (fixture->path, &error);

    g_assert_no_error (error);
    tracked = stride_chart_data_list_tracked_runs (store, 2, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (tracked->len, ==, 2);
  latest = g_array_index (tracked, StrideRunSummary, 0).id;
  second = g_array_index (tracked, StrideRunSummary, 1).id;
  g_assert_cmpint (g_array_index (tracked, StrideRunSummary, 0).start_utc, >,
                   g_array_index (tracked, StrideRunSummary, 1).start_utc);

  /* The most recent run with a track by default, another when chosen. */
  g_assert_cmpint (stride_charts_page_get_info (page)->activity_id, ==, latest);
  stride_charts_page_set_run (page, second);
  g_assert_true (wait_for (page_is_idle, page));
  g_assert_cmpint (stride_charts_page_get_info (page)->activity_id, ==, second);
  g_assert_cmpuint (stride_charts_page_get_info (page)->n_points, >, 100);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty_journal (JournalFixture *fixture,
                    gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);

  g_assert_true (stride_charts_page_is_empty (page));
  /* The status page, not an empty chart. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (page)))),
                   ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Only strength sessions: no pace, but volume and load have data. */
static void
test_strength_only_journal (JournalFixture *fixture,
                            gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StrideStore) store = stride_store_open (fixture->path, &error);
    StrideActivity session = { 0 };

    g_assert_no_error (error);
    session.sport = STRIDE_SPORT_STRENGTH;
    session.start_utc = (gint64) g_get_real_time () / G_USEC_PER_SEC - 86400;
    session.duration_s = 1500;
    session.rpe = 6;
    g_assert_true (stride_store_add_activity (store, &session, NULL, 0, NULL, 0, NULL, 0, &error));
    g_assert_no_error (error);
  }

  page = open_charts (fixture->path, &window);
  show_kind (page, STRIDE_CHART_KIND_LOAD);
  g_assert_false (stride_charts_page_is_empty (page));
  show_kind (page, STRIDE_CHART_KIND_VOLUME);
  g_assert_false (stride_charts_page_is_empty (page));
  show_kind (page, STRIDE_CHART_KIND_PACE);
  g_assert_true (stride_charts_page_is_empty (page));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Only strength tests, no activities: the run charts show "No Runs
 * Yet", the balance charts still show the tests. */
static void
test_tests_only_journal (JournalFixture *fixture,
                         gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(StrideStore) store = stride_store_open (fixture->path, &error);
    static const struct
    {
      const char *test;
      StrideSide  side;
      double      value;
    } tests[] = {
      { STRIDE_TEST_KNEE_FLEXION, STRIDE_SIDE_LEFT, 60 },
      { STRIDE_TEST_KNEE_FLEXION, STRIDE_SIDE_RIGHT, 66 },
      { STRIDE_TEST_KNEE_EXTENSION, STRIDE_SIDE_LEFT, 100 },
      { STRIDE_TEST_KNEE_EXTENSION, STRIDE_SIDE_RIGHT, 110 },
    };

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
      {
        StrideMeasurement m = { 0 };

        m.date = stride_today_julian () - 10;
        m.test = (char *) tests[i].test;
        m.method = (char *) STRIDE_METHOD_ISOKINETIC_60;
        m.side = tests[i].side;
        m.value = tests[i].value;
        m.unit = (char *) "N·m";
        g_assert_true (stride_store_add_measurement (store, &m, &error));
        g_assert_no_error (error);
      }
  }

  page = open_charts (fixture->path, &window);
  g_assert_true (stride_charts_page_is_empty (page));

  show_kind (page, STRIDE_CHART_KIND_HQ);
  g_assert_false (stride_charts_page_is_empty (page));
  g_assert_cmpuint (stride_charts_page_get_info (page)->n_series, ==, 2);
  show_kind (page, STRIDE_CHART_KIND_LSI);
  g_assert_false (stride_charts_page_is_empty (page));
  g_assert_cmpuint (stride_charts_page_get_info (page)->n_series, ==, 2);
  show_kind (page, STRIDE_CHART_KIND_VOLUME);
  g_assert_true (stride_charts_page_is_empty (page));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The builders the command line uses, without a window. */
static void
test_data_builders (JournalFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = stride_store_open (fixture->path, &error);
  guint32 julian = 0;
  StrideChartKind kind;

  g_assert_no_error (error);

  for (kind = 0; kind < STRIDE_N_CHART_KINDS; kind++)
    {
      StrideChartRequest request;
      StrideChartInfo info;
      g_autoptr(StrideChart) chart = NULL;

      stride_chart_request_init (&request, kind);
      chart = stride_chart_data_build (store, &request, &info, &error);
      g_assert_no_error (error);
      g_assert_nonnull (chart);
      g_assert_cmpuint (info.n_series, >, 0);

      /* Races are dots without an average line: 5 km and marathon
       * paces do not average. */
      if (kind == STRIDE_CHART_KIND_PACE)
        {
          g_autofree char *description = stride_chart_describe (chart);

          g_assert_nonnull (strstr (description, "Race"));
          g_assert_nonnull (strstr (description, "Easy, 5-run average"));
          g_assert_null (strstr (description, "Race, 5-run average"));
        }
    }

  g_assert_true (stride_chart_data_parse_date ("2026-02-28", &julian));
  g_assert_false (stride_chart_data_parse_date ("2026-02-30", &julian));
  g_assert_false (stride_chart_data_parse_date ("2026-2-3", &julian));
  g_assert_false (stride_chart_data_parse_date ("yesterday", &julian));
  g_assert_false (stride_chart_data_parse_date ("2026-13-01", &julian));

  g_assert_true (stride_chart_kind_from_id ("load", &kind));
  g_assert_cmpint (kind, ==, STRIDE_CHART_KIND_LOAD);
  g_assert_true (stride_chart_kind_from_id ("hq", &kind));
  g_assert_cmpint (kind, ==, STRIDE_CHART_KIND_HQ);
  g_assert_true (stride_chart_kind_from_id ("lsi", &kind));
  g_assert_cmpint (kind, ==, STRIDE_CHART_KIND_LSI);
  g_assert_false (stride_chart_kind_from_id ("run", &kind));
}

/* The page comes back with the chart and range of last time; custom
 * dates are not kept. */
static void
test_remembers_chart (JournalFixture *fixture,
                      gconstpointer   data)
{
  StrideWindow *window;
  StrideChartsPage *page = open_charts (fixture->path, &window);
  guint32 today = stride_today_julian ();

  g_assert_cmpint (stride_charts_page_get_kind (page), ==, STRIDE_CHART_KIND_PACE);
  g_assert_cmpint (stride_charts_page_get_range (page), ==, STRIDE_CHART_RANGE_3_MONTHS);
  show_kind (page, STRIDE_CHART_KIND_LOAD);
  stride_charts_page_set_range (page, STRIDE_CHART_RANGE_1_YEAR);
  g_assert_true (wait_for (page_is_idle, page));
  gtk_window_destroy (GTK_WINDOW (window));

  page = open_charts (fixture->path, &window);
  g_assert_cmpint (stride_charts_page_get_kind (page), ==, STRIDE_CHART_KIND_LOAD);
  g_assert_cmpint (stride_charts_page_get_range (page), ==, STRIDE_CHART_RANGE_1_YEAR);
  g_assert_cmpfloat (stride_charts_page_get_info (page)->x_to
                     - stride_charts_page_get_info (page)->x_from, >, 360 * 86400.0);
  stride_charts_page_set_custom_range (page, today - 50, today - 20);
  g_assert_true (wait_for (page_is_idle, page));
  gtk_window_destroy (GTK_WINDOW (window));

  page = open_charts (fixture->path, &window);
  g_assert_cmpint (stride_charts_page_get_kind (page), ==, STRIDE_CHART_KIND_LOAD);
  g_assert_cmpint (stride_charts_page_get_range (page), ==, STRIDE_CHART_RANGE_1_YEAR);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Over two years, volume goes per calendar month: the range snaps to
 * whole months and every month has its running and strength bars; up to
 * two years it stays weekly. */
static void
test_volume_by_month (JournalFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = stride_store_open (fixture->path, &error);
  guint32 today = stride_today_julian ();
  StrideChartRequest request;
  StrideChartInfo info;
  g_autoptr(StrideChart) chart = NULL;
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) last = NULL;
  g_autofree char *description = NULL;
  guint n_months;

  g_assert_no_error (error);
  g_assert_true (stride_demo_write (store, 3, today, &error));
  g_assert_no_error (error);

  stride_chart_request_init (&request, STRIDE_CHART_KIND_VOLUME);
  request.from = today - 3 * 365 + 20;
  request.to = today;
  chart = stride_chart_data_build (store, &request, &info, &error);
  g_assert_no_error (error);
  g_assert_true (info.by_month);

  first = g_date_new_julian (request.from);
  last = g_date_new_julian (request.to);
  n_months = (g_date_get_year (last) * 12 + g_date_get_month (last))
             - (g_date_get_year (first) * 12 + g_date_get_month (first)) + 1;
  /* Done running and strength for every month, planned for every month
   * too when the plan holds anything. */
  g_assert_cmpuint (info.n_points % n_months, ==, 0);
  g_assert_cmpuint (info.n_points / n_months, >=, 2);
  g_assert_cmpuint (info.n_points / n_months, <=, 4);

  g_date_set_day (first, 1);
  g_assert_cmpfloat (info.x_from, ==,
                     (double) stride_chart_data_day_start (g_date_get_julian (first),
                                                           request.utc_offset_s));
  g_date_set_day (last, 1);
  g_date_add_months (last, 1);
  g_assert_cmpfloat (info.x_to, ==,
                     (double) stride_chart_data_day_start (g_date_get_julian (last),
                                                           request.utc_offset_s));
  description = stride_chart_describe (chart);
  g_assert_true (g_str_has_prefix (description, "Monthly Volume."));

  /* 104 weeks or fewer: weekly */
  g_clear_pointer (&chart, stride_chart_unref);
  g_clear_pointer (&description, g_free);
  request.from = today - 7 * 100;
  chart = stride_chart_data_build (store, &request, &info, &error);
  g_assert_no_error (error);
  g_assert_false (info.by_month);
  description = stride_chart_describe (chart);
  g_assert_true (g_str_has_prefix (description, "Weekly Volume."));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/charts/each-chart-builds", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_each_chart_builds, journal_fixture_teardown);
  g_test_add ("/ui/charts/range-changes-points", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_range_changes_points, journal_fixture_teardown);
  g_test_add ("/ui/charts/hover-readout", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_hover_readout, journal_fixture_teardown);
  g_test_add ("/ui/charts/zoom-and-pan", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_zoom_and_pan, journal_fixture_teardown);
  g_test_add ("/ui/charts/export", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_export, journal_fixture_teardown);
  g_test_add ("/ui/charts/run-chooser", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_run_chooser, journal_fixture_teardown);
  g_test_add ("/ui/charts/empty-journal", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_empty_journal, journal_fixture_teardown);
  g_test_add ("/ui/charts/strength-only", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_strength_only_journal, journal_fixture_teardown);
  g_test_add ("/ui/charts/tests-only", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_tests_only_journal, journal_fixture_teardown);
  g_test_add ("/ui/charts/data-builders", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_data_builders, journal_fixture_teardown);
  g_test_add ("/ui/charts/remembers-chart", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_remembers_chart, journal_fixture_teardown);
  g_test_add ("/ui/charts/volume-by-month", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_volume_by_month, journal_fixture_teardown);

  return g_test_run ();
}
