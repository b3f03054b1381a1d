/* bench-chart-pages.c — the Charts page's charts on real journals.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints DESIGN.md's benchmark lines, each 10 years of demo journal vs
 * 1 month, over the whole range of each journal:
 *   bench: chart-NAME       stride_chart_draw at 1200×600 (median of 15,
 *                           alternating), NAME = pace, volume, load, run
 *   bench: chart-data-NAME  stride_chart_data_build (median of 9, alternating)
 *   bench: chart-pan-fps    frames painted per second while a
 *                           StrideChartView of the pace chart pans one step
 *                           per frame clock tick, 10 years vs 1 month
 *                           (needs a display; the frame clock caps it at
 *                           the refresh rate, 60 under Xvfb)
 * Never passes or fails on a time; ratios come from the same run.
 */

#define G_LOG_DOMAIN "bench-chart-pages"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "stride-chart-data.h"
#include "stride-chart-view.h"
#include "stride-demo-writer.h"
#include "stride-store.h"

#define DRAW_ROUNDS  15
#define BUILD_ROUNDS 9
#define PAN_ROUNDS   3
#define PAN_SECONDS  2.0
#define PAN_STEP     0.01    /* of the visible width, per frame */
#define WIDTH        1200
#define HEIGHT       600

/* Building is linear in the rows it reads at best; 10 years hold about
 * 122 times the days of 1 month (3653 / 30), so anything up to that ratio
 * is no worse than linear. It runs off the main thread, so its absolute
 * time matters less than that it does not grow faster than the data. */
#define DATA_GOAL "122"

static guint32
today_julian (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);

  return g_date_get_julian (date);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static void
print_bench (const char *name,
             double      value,
             const char *unit,
             double      baseline,
             const char *goal)
{
  g_print ("bench: %s value=%.3f unit=%s baseline=%.3f ratio=%.3f goal=%s\n",
           name, value, unit, baseline, baseline > 0 ? value / baseline : 0, goal);
}

/* Journals */

static StrideStore *
write_demo (const char *path,
            guint       years)
{
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = stride_store_open (path, &error);
  if (store == NULL || !stride_demo_write (store, years, today_julian (), &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&store);
}

/* A 1-month journal: the 1-year demo without what is older than 30 days
 * (as bench-startup.c does). */
static void
keep_last_month (const char *path)
{
  static const char *const statements[] = {
    "DELETE FROM activity WHERE start_utc < (SELECT max(start_utc) FROM activity) - 30 * 86400",
    "DELETE FROM measurement WHERE date < date((SELECT max(date) FROM measurement), '-30 days')",
    "DELETE FROM pain_entry WHERE date < date((SELECT max(date) FROM pain_entry), '-30 days')",
    "VACUUM",
  };
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if (sqlite3_exec (db, statements[i], NULL, NULL, NULL) != SQLITE_OK)
      g_error ("%s: %s", statements[i], sqlite3_errmsg (db));
  sqlite3_close (db);
}

static void
remove_journal (const char *path)
{
  for (const char *const *suffix = (const char *[]) { "", "-wal", "-shm", NULL };
       *suffix != NULL; suffix++)
    {
      g_autofree char *file = g_strconcat (path, *suffix, NULL);

      g_remove (file);
    }
}

/* Building and drawing */

/* The whole journal: from its first entry (from = 0) to the demo's today. */
static StrideChart *
build_chart (StrideStore      *store,
             StrideChartKind   kind,
             StrideChartInfo  *info,
             double           *elapsed_ms)
{
  g_autoptr(GError) error = NULL;
  StrideChartRequest request;
  StrideChart *chart;
  gint64 start;

  stride_chart_request_init (&request, kind);
  request.to = today_julian ();

  start = g_get_monotonic_time ();
  chart = stride_chart_data_build (store, &request, info, &error);
  if (elapsed_ms != NULL)
    *elapsed_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (chart == NULL)
    g_error ("%s: %s", stride_chart_kind_to_id (kind), error->message);

  return chart;
}

static double
draw_ms (StrideChart            *chart,
         cairo_surface_t        *surface,
         const StrideChartStyle *style)
{
  gint64 start = g_get_monotonic_time ();
  cairo_t *cr = cairo_create (surface);

  stride_chart_draw (chart, cr, WIDTH, HEIGHT, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_kind (StrideStore     *ten,
            StrideStore     *month,
            StrideChartKind  kind,
            const char      *id)
{
  g_autoptr(StrideChart) ten_chart = NULL;
  g_autoptr(StrideChart) month_chart = NULL;
  g_autofree char *draw_name = g_strdup_printf ("chart-%s", id);
  g_autofree char *data_name = g_strdup_printf ("chart-data-%s", id);
  cairo_surface_t *surface;
  StrideChartStyle style;
  StrideChartInfo ten_info = { 0 };
  StrideChartInfo month_info = { 0 };
  double build_ten[BUILD_ROUNDS];
  double build_month[BUILD_ROUNDS];
  double draw_ten[DRAW_ROUNDS];
  double draw_month[DRAW_ROUNDS];

  /* Warm-up builds (statement and page caches), kept for drawing. */
  ten_chart = build_chart (ten, kind, &ten_info, NULL);
  month_chart = build_chart (month, kind, &month_info, NULL);
  if (kind == STRIDE_CHART_KIND_RUN && (ten_info.activity_id == 0 || month_info.activity_id == 0))
    {
      g_printerr ("%s: no run with a track in the demo, skipped\n", draw_name);
      return;
    }
  g_printerr ("%s: 10 years %u series %u points, 1 month %u series %u points\n", id,
              ten_info.n_series, ten_info.n_points, month_info.n_series, month_info.n_points);

  for (guint i = 0; i < BUILD_ROUNDS; i++)
    {
      stride_chart_unref (build_chart (month, kind, NULL, &build_month[i]));
      stride_chart_unref (build_chart (ten, kind, NULL, &build_ten[i]));
    }

  stride_chart_data_style_init (&style, FALSE, FALSE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  /* One warm-up draw each: fonts, glyph caches. */
  draw_ms (month_chart, surface, &style);
  draw_ms (ten_chart, surface, &style);
  for (guint i = 0; i < DRAW_ROUNDS; i++)
    {
      draw_month[i] = draw_ms (month_chart, surface, &style);
      draw_ten[i] = draw_ms (ten_chart, surface, &style);
    }
  cairo_surface_destroy (surface);
  stride_chart_style_clear (&style);

  print_bench (draw_name, median (draw_ten, DRAW_ROUNDS), "ms",
               median (draw_month, DRAW_ROUNDS), "1.5");
  print_bench (data_name, median (build_ten, BUILD_ROUNDS), "ms",
               median (build_month, BUILD_ROUNDS), DATA_GOAL);
}

/* Panning */

typedef struct
{
  StrideChartView *view;
  double           direction;
  gint64           first_paint;
  gint64           last_paint;
  guint            frames;
  gboolean         moved;            /* since the last painted frame */
  gboolean         done;
} PanRun;

static gboolean
pan_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  PanRun *run = user_data;
  double from;
  double moved_from;

  /* Back and forth across the chart, one step per tick. */
  stride_chart_view_get_visible_range (run->view, &from, NULL);
  stride_chart_view_pan (run->view, run->direction * PAN_STEP);
  stride_chart_view_get_visible_range (run->view, &moved_from, NULL);
  if (moved_from == from)
    {
      run->direction = -run->direction;
      stride_chart_view_pan (run->view, run->direction * PAN_STEP);
    }
  run->moved = TRUE;

  return run->done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  PanRun *run = user_data;
  gint64 now = g_get_monotonic_time ();

  /* Only frames that repaint a moved chart count. */
  if (run->done || !run->moved)
    return;
  run->moved = FALSE;
  /* Count from the first painted frame, so mapping is not timed. */
  if (run->first_paint == 0)
    {
      run->first_paint = now;
      return;
    }
  run->frames++;
  run->last_paint = now;
  if (now - run->first_paint >= PAN_SECONDS * G_USEC_PER_SEC)
    run->done = TRUE;
}

static double
pan_fps (StrideChart *chart)
{
  PanRun run = { .direction = 1 };
  GtkWidget *window;
  GtkWidget *view;
  GdkFrameClock *clock;
  gulong handler;
  double from;
  double to;

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  view = stride_chart_view_new ();
  run.view = STRIDE_CHART_VIEW (view);
  gtk_window_set_child (GTK_WINDOW (window), view);
  stride_chart_view_set_chart (run.view, chart, 0, 0);

  /* Zoom to the middle half so there is room to pan both ways. */
  stride_chart_view_get_visible_range (run.view, &from, &to);
  stride_chart_view_set_visible_range (run.view, from + (to - from) / 4, to - (to - from) / 4);

  gtk_widget_realize (window);
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &run);
  gtk_widget_add_tick_callback (view, pan_tick_cb, &run, NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  if (gtk_widget_get_width (view) != WIDTH || gtk_widget_get_height (view) != HEIGHT)
    g_printerr ("chart-pan-fps: the view is %d×%d\n", gtk_widget_get_width (view),
                gtk_widget_get_height (view));
  g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return run.frames / ((run.last_paint - run.first_paint) / (double) G_USEC_PER_SEC);
}

static void
bench_pan (StrideStore *ten,
           StrideStore *month)
{
  g_autoptr(StrideChart) ten_chart = build_chart (ten, STRIDE_CHART_KIND_PACE, NULL, NULL);
  g_autoptr(StrideChart) month_chart = build_chart (month, STRIDE_CHART_KIND_PACE, NULL, NULL);
  double fps_ten[PAN_ROUNDS];
  double fps_month[PAN_ROUNDS];

  if (!gtk_init_check ())
    {
      g_printerr ("chart-pan-fps: no display, skipped\n");
      return;
    }
  adw_init ();

  for (guint i = 0; i < PAN_ROUNDS; i++)
    {
      fps_month[i] = pan_fps (month_chart);
      fps_ten[i] = pan_fps (ten_chart);
    }

  print_bench ("chart-pan-fps", median (fps_ten, PAN_ROUNDS), "fps",
               median (fps_month, PAN_ROUNDS), ">=0.8");
}

int
main (int   argc,
      char *argv[])
{
  static const StrideChartKind kinds[] = {
    STRIDE_CHART_KIND_PACE, STRIDE_CHART_KIND_VOLUME, STRIDE_CHART_KIND_LOAD,
    STRIDE_CHART_KIND_RUN,
  };
  g_autoptr(StrideStore) ten = NULL;
  g_autoptr(StrideStore) month = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *ten_path = NULL;
  g_autofree char *month_path = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);

  dir = g_dir_make_tmp ("stride-bench-charts-XXXXXX", &error);
  g_assert_no_error (error);
  ten_path = g_build_filename (dir, "ten.db", NULL);
  month_path = g_build_filename (dir, "month.db", NULL);

  ten = write_demo (ten_path, 10);
  month = write_demo (month_path, 1);
  g_clear_object (&month);
  keep_last_month (month_path);
  month = stride_store_open (month_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    bench_kind (ten, month, kinds[i], stride_chart_kind_to_id (kinds[i]));

  bench_pan (ten, month);

  g_clear_object (&ten);
  g_clear_object (&month);
  remove_journal (ten_path);
  remove_journal (month_path);
  g_rmdir (dir);

  return 0;
}
