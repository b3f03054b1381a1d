/* bench-plan.c — switching months on the Plan page.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints DESIGN.md's benchmark line:
 *   bench: month-switch  showing the next or previous month on the Plan
 *                        page (reading the month, building the grid and
 *                        the frame after it) on the 10-year demo journal
 *                        vs an empty one (median of 21)
 * Never passes or fails on a time; the ratio comes from the same run.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "stride-demo-writer.h"
#include "stride-plan-page.h"
#include "stride-store.h"
#include "stride-window.h"

#define ROUNDS 21

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Runs the main loop until nothing is pending and a frame was drawn. */
static void
settle (void)
{
  for (guint i = 0; i < 5; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median time (ms) of a month switch on the journal in @path. */
static double
time_month_switch (const char *path)
{
  StrideWindow *window = g_object_new (STRIDE_TYPE_WINDOW, NULL);
  g_autoptr(GError) error = NULL;
  double times[ROUNDS];
  StridePlanPage *page;
  GtkWidget *stack;
  guint32 today = stride_today_julian ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  if (!stride_window_open_journal (window, path, &error))
    g_error ("%s", error->message);
  gtk_window_present (GTK_WINDOW (window));
  stack = find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "plan");
  page = STRIDE_PLAN_PAGE (find_type (GTK_WIDGET (window), STRIDE_TYPE_PLAN_PAGE));
  settle ();

  for (guint i = 0; i < ROUNDS; i++)
    {
      /* Back and forth over the months around today, where plan and
       * journal both have entries. */
      guint32 day = (i % 2 == 0) ? today + 31 : today;
      gint64 start = g_get_monotonic_time ();

      stride_plan_page_set_day (page, day);
      settle ();
      times[i] = (g_get_monotonic_time () - start) / 1000.0 - 5 * 2.0;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();

  qsort (times, ROUNDS, sizeof (double), compare_doubles);
  return times[ROUNDS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-bench-plan-XXXXXX", &error);
  g_autofree char *full = g_build_filename (dir, "full.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  double full_ms, empty_ms;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  adw_init ();

  {
    g_autoptr(StrideStore) store = stride_store_open (full, &error);
    g_autoptr(StrideStore) none = stride_store_open (empty, &error);

    if (store == NULL || none == NULL || !stride_demo_write (store, 10, stride_today_julian (), &error))
      g_error ("%s", error->message);
  }

  /* One warm-up each: fonts, icons, the template. */
  time_month_switch (empty);
  empty_ms = time_month_switch (empty);
  full_ms = time_month_switch (full);

  g_print ("bench: month-switch value=%.2f unit=ms baseline=%.2f ratio=%.3f goal=1.5\n",
           full_ms, empty_ms, full_ms / empty_ms);

  g_unlink (full);
  g_unlink (empty);
  {
    const char *suffixes[] = { "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *a = g_strconcat (full, suffixes[i], NULL);
        g_autofree char *b = g_strconcat (empty, suffixes[i], NULL);

        g_unlink (a);
        g_unlink (b);
      }
  }
  g_rmdir (dir);

  return 0;
}
