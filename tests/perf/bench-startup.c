/* bench-startup.c — demo generation and start-up to first frame.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints DESIGN.md's benchmark lines:
 *   bench: generate-demo     10 years vs 1 year of sample journal
 *   bench: startup           first frame on a 10-year journal vs an empty one
 *   bench: journal-open      opening the journal page (store, model, first
 *                            painted frame) on 10 years vs 1 month
 *   bench: journal-open-rss  resident memory at that frame, 10 years vs 1 month
 *   bench: startup-bare      first frame on the 10-year journal vs a bare
 *                            libadwaita window (header bar and a status
 *                            page) built from this tree, both cold processes
 *   bench: rss               resident memory after opening every page on the
 *                            10-year journal (each page loaded and drawn) vs
 *                            the bare window's plus the journal file's size,
 *                            an upper bound of the data the pages can show
 * Never passes or fails on a time; ratios come from the same run.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>
#include <unistd.h>

#include "stride-application.h"
#include "stride-demo-writer.h"
#include "stride-store.h"
#include "stride-window.h"

#define STARTUP_ROUNDS 11

static guint32
today_julian (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);

  return g_date_get_julian (date);
}

/* Child: open the window on a journal, print the monotonic times of the
 * first painted frame and of the moment the journal started to open, and
 * the resident memory then (kB), and exit. */

static gint64 open_started;

static long
resident_kb (void)
{
  g_autofree char *statm = NULL;
  long pages = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%*s %ld", &pages);

  return pages * (sysconf (_SC_PAGESIZE) / 1024);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_print ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %ld\n",
           g_get_monotonic_time (), open_started, resident_kb ());
  exit (0);
}

static void
map_cb (GtkWidget *widget,
        gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

/* Shows each page in turn and lets it load (in its worker thread) and
 * draw, then prints like after_paint_cb. */
static gboolean
visit_every_page (gpointer user_data)
{
  static const char *const pages[] = { "plan", "journal", "balance", "risk", "charts" };
  AdwViewStack *stack = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gint64 until = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;

      adw_view_stack_set_visible_child_name (stack, pages[i]);
      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
    }

  g_print ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %ld\n",
           g_get_monotonic_time (), open_started, resident_kb ());
  exit (0);

  return G_SOURCE_REMOVE;
}

static GtkWidget *
find_view_stack (GtkWidget *widget)
{
  if (ADW_IS_VIEW_STACK (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_view_stack (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
every_page_map_cb (GtkWidget *widget,
                   gpointer   user_data)
{
  GtkWidget *stack = find_view_stack (widget);

  g_assert (stack != NULL);
  g_idle_add (visit_every_page, stack);
}

/* Each child runs in an application, as the real one does, with no
 * resource base path (StrideApplication sets none either). The app child
 * loads our stylesheet and icons at startup as StrideApplication does
 * (stride_application_load_resources): without them the first frame
 * measured was not the one a user sees (no row styling, broken-image
 * icons). Not unique, so that a child never hands its work to another. */
static int
run_in_application (GCallback startup,
                    GCallback activate)
{
  g_autoptr(AdwApplication) app = g_object_new (ADW_TYPE_APPLICATION,
                                                "application-id", APP_ID ".BenchStartup",
                                                "flags", G_APPLICATION_NON_UNIQUE,
                                                "resource-base-path", NULL,
                                                NULL);

  if (startup != NULL)
    g_signal_connect (app, "startup", startup, NULL);
  g_signal_connect (app, "activate", activate, NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);

  return 1;
}

/* The baseline of startup-bare and rss: the least libadwaita window, in
 * an application with no resources of its own. */
static void
bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *status;

  open_started = g_get_monotonic_time ();
  window = adw_application_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  status = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "StrideStrong");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
load_app_resources_cb (GApplication *app)
{
  stride_application_load_resources (gdk_display_get_default ());
}

static const char *child_journal;
static gboolean child_every_page;

static void
activate_cb (GtkApplication *app)
{
  g_autoptr(GError) error = NULL;
  StrideWindow *window;

  window = g_object_new (STRIDE_TYPE_WINDOW, "application", app, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  open_started = g_get_monotonic_time ();
  if (!stride_window_open_journal (window, child_journal, &error))
    g_error ("%s", error->message);
  g_signal_connect (window, "map",
                    child_every_page ? G_CALLBACK (every_page_map_cb) : G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare_child (void)
{
  return run_in_application (NULL, G_CALLBACK (bare_activate_cb));
}

static int
run_child (const char *path,
           gboolean    every_page)
{
  child_journal = path;
  child_every_page = every_page;
  return run_in_application (G_CALLBACK (load_app_resources_cb), G_CALLBACK (activate_cb));
}

/* Parent */

static double
time_generation (const char *dir,
                 const char *name,
                 guint       years)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  store = stride_store_open (path, &error);
  if (store == NULL || !stride_demo_write (store, years, today_julian (), &error))
    g_error ("%s", error->message);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

typedef struct
{
  double startup_s;       /* spawn to first frame */
  double open_s;          /* journal opening to first frame */
  double rss_mb;
} ChildRun;

/* @mode: "--child" (first frame), "--every-page" (after every page) or
 * "--bare" (the bare window; @journal is ignored). */
static ChildRun
run_process (const char *self_path,
             const char *mode,
             const char *journal)
{
  const char *argv[] = { self_path, mode, journal, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 frame = 0;
  gint64 opened = 0;
  long rss_kb = 0;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("child failed: %s", error->message);
  if (sscanf (output, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %ld", &frame, &opened,
              &rss_kb) != 3)
    g_error ("child printed “%s”", output);

  return (ChildRun) {
    .startup_s = (frame - start) / (double) G_USEC_PER_SEC,
    .open_s = (frame - opened) / (double) G_USEC_PER_SEC,
    .rss_mb = rss_kb / 1024.0,
  };
}

/* A 1-month journal: the 1-year demo without what is older than 30 days. */
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
  g_print ("bench: %s value=%.4f unit=%s baseline=%.4f ratio=%.3f goal=%s\n",
           name, value, unit, baseline, value / baseline, goal);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *ten = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *month = NULL;
  g_autoptr(GError) error = NULL;
  double full[STARTUP_ROUNDS];
  double bare[STARTUP_ROUNDS];
  double open_ten[STARTUP_ROUNDS];
  double open_month[STARTUP_ROUNDS];
  double rss_ten[STARTUP_ROUNDS];
  double rss_month[STARTUP_ROUNDS];
  double bare_window[STARTUP_ROUNDS];
  double rss_bare[STARTUP_ROUNDS];
  double rss_pages[STARTUP_ROUNDS];
  double journal_mb;
  double one_year;
  double ten_years;

  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], FALSE);
  if (argc == 3 && g_str_equal (argv[1], "--every-page"))
    return run_child (argv[2], TRUE);
  if (argc == 3 && g_str_equal (argv[1], "--bare"))
    return run_bare_child ();

  dir = g_dir_make_tmp ("stride-bench-XXXXXX", &error);
  g_assert_no_error (error);

  one_year = time_generation (dir, "one.db", 1);
  ten_years = time_generation (dir, "ten.db", 10);
  print_bench ("generate-demo", ten_years, "s", one_year, "10");

  ten = g_build_filename (dir, "ten.db", NULL);
  month = g_build_filename (dir, "one.db", NULL);
  keep_last_month (month);
  empty = g_build_filename (dir, "empty.db", NULL);
  {
    g_autoptr(StrideStore) created = stride_store_open (empty, &error);

    g_assert_no_error (error);
  }

  /* One warm-up each, then alternate so drift hits all sides alike. */
  run_process (argv[0], "--child", empty);
  run_process (argv[0], "--child", month);
  run_process (argv[0], "--child", ten);
  run_process (argv[0], "--bare", ten);
  for (guint i = 0; i < STARTUP_ROUNDS; i++)
    {
      ChildRun on_empty = run_process (argv[0], "--child", empty);
      ChildRun on_month = run_process (argv[0], "--child", month);
      ChildRun on_ten = run_process (argv[0], "--child", ten);
      ChildRun on_bare = run_process (argv[0], "--bare", ten);

      bare_window[i] = on_bare.startup_s;
      rss_bare[i] = on_bare.rss_mb;

      bare[i] = on_empty.startup_s;
      full[i] = on_ten.startup_s;
      open_ten[i] = on_ten.open_s;
      open_month[i] = on_month.open_s;
      rss_ten[i] = on_ten.rss_mb;
      rss_month[i] = on_month.rss_mb;
    }
  print_bench ("startup", median (full, STARTUP_ROUNDS), "s",
               median (bare, STARTUP_ROUNDS), "1.3");
  print_bench ("journal-open", median (open_ten, STARTUP_ROUNDS), "s",
               median (open_month, STARTUP_ROUNDS), "1.5");
  print_bench ("journal-open-rss", median (rss_ten, STARTUP_ROUNDS), "MB",
               median (rss_month, STARTUP_ROUNDS), "1.5");
  print_bench ("startup-bare", median (full, STARTUP_ROUNDS), "s",
               median (bare_window, STARTUP_ROUNDS), "1.3");

  /* Each page waits 1.5 s to load and draw: fewer rounds. */
  for (guint i = 0; i < 3; i++)
    rss_pages[i] = run_process (argv[0], "--every-page", ten).rss_mb;
  {
    GStatBuf info;

    g_assert_cmpint (g_stat (ten, &info), ==, 0);
    journal_mb = info.st_size / (1024.0 * 1024.0);
  }
  print_bench ("rss", median (rss_pages, 3), "MB",
               median (rss_bare, STARTUP_ROUNDS) + journal_mb, "1.5");

  for (const char *const *name = (const char *[]) { "one.db", "ten.db", "empty.db", NULL };
       *name != NULL; name++)
    for (const char *const *suffix = (const char *[]) { "", "-wal", "-shm", NULL };
         *suffix != NULL; suffix++)
      {
        g_autofree char *path = g_strdup_printf ("%s/%s%s", dir, *name, *suffix);

        g_unlink (path);
      }
  g_rmdir (dir);

  return 0;
}
