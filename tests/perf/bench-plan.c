/* bench-plan.c — switching months on the Plan page.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints DESIGN.md's benchmark line:
 *   bench: month-switch  showing the next or previous month on the Plan
 *                        page (reading the month, building the grid and
 *                        the frame after it, laid out and painted) on the
 *                        10-year demo journal vs an empty one (medians of
 *                        31 switches each)
 * Never passes or fails on a time; the ratio comes from the same run.
 *
 * Each switch is timed from the call to the end of the frame that shows
 * it. Two windows, one per journal, are open at once and take turns (the
 * one switching raised above the other), so that whatever else the
 * machine does weighs on both alike. Before
 * each switch the windows are left alone until no frame has been drawn
 * for a while: the frame clock draws at most one frame per refresh
 * interval, and a switch that had to wait for the slot of an earlier
 * frame would count that wait instead of its own work.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "stride-demo-writer.h"
#include "stride-plan-page.h"
#include "stride-store.h"
#include "stride-window.h"

#define ROUNDS 31
#define WARM_UP 3                   /* first switches: fonts, icons, new chips */
#define QUIET_US (40 * 1000)        /* no frame for this long: idle… */
#define QUIET_MAX_US (2000 * 1000)  /* …or, if something keeps animating, this long */
#define FRAME_TIMEOUT_MS 5000

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

typedef struct
{
  guint painted;        /* frames of one window that went through the paint phase */
} Frames;

static gint64 last_frame;   /* when the last frame of any window ended */

static void
paint_cb (GdkFrameClock *clock,
          Frames        *frames)
{
  frames->painted++;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  last_frame = g_get_monotonic_time ();
}

/* Lets the windows finish what they were doing: returns once no frame
 * has been drawn for QUIET_US. */
static void
wait_until_quiet (void)
{
  gint64 start = g_get_monotonic_time ();

  while (g_get_monotonic_time () - MAX (last_frame, start) < QUIET_US
         && g_get_monotonic_time () - start < QUIET_MAX_US)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static void
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop until a frame has been painted. */
static void
wait_for_paint (Frames *frames)
{
  guint painted = frames->painted;
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_once (FRAME_TIMEOUT_MS, timeout_cb, &timed_out);

  while (frames->painted == painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("No frame was drawn after a month switch");
  g_source_remove (timeout);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* A window showing the Plan page of one journal. */
typedef struct
{
  StrideWindow   *window;
  StridePlanPage *page;
  Frames          frames;
  double          times[ROUNDS];
} Subject;

static void
subject_open (Subject    *subject,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *stack;
  GdkFrameClock *clock;

  subject->window = g_object_new (STRIDE_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (subject->window), 1200, 800);
  if (!stride_window_open_journal (subject->window, path, &error))
    g_error ("%s", error->message);
  gtk_window_present (GTK_WINDOW (subject->window));
  stack = find_type (GTK_WIDGET (subject->window), ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "plan");
  subject->page = STRIDE_PLAN_PAGE (find_type (GTK_WIDGET (subject->window),
                                               STRIDE_TYPE_PLAN_PAGE));
  settle ();

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (subject->window));
  g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), &subject->frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &subject->frames);
}

static void
subject_close (Subject *subject)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (subject->window)),
                                        &subject->frames);
  gtk_window_destroy (GTK_WINDOW (subject->window));
  settle ();
}

/* Shows the month of @day on the subject's Plan page; the time (ms) to
 * the end of the frame showing it. */
static double
time_switch (Subject *subject,
             guint32  day)
{
  gint64 start;

  /* On top, so that the X server draws all of it (and not the one that
   * happens to lie above it). */
  gtk_window_present (GTK_WINDOW (subject->window));
  wait_until_quiet ();
  start = g_get_monotonic_time ();
  stride_plan_page_set_day (subject->page, day);
  wait_for_paint (&subject->frames);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
median (double *times)
{
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
  enum { EMPTY, FULL, N_SUBJECTS };
  Subject subjects[N_SUBJECTS] = { { NULL, }, };
  guint32 today = stride_today_julian ();
  double full_ms, empty_ms;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  adw_init ();

  {
    g_autoptr(StrideStore) store = stride_store_open (full, &error);
    g_autoptr(StrideStore) none = stride_store_open (empty, &error);

    if (store == NULL || none == NULL || !stride_demo_write (store, 10, today, &error))
      g_error ("%s", error->message);
  }

  subject_open (&subjects[EMPTY], empty);
  subject_open (&subjects[FULL], full);

  for (guint i = 0; i < WARM_UP + ROUNDS; i++)
    {
      /* Back and forth over the months around today, where plan and
       * journal both have entries; each journal first in every other
       * round. */
      guint32 day = (i % 2 == 0) ? today + 31 : today;

      for (guint j = 0; j < N_SUBJECTS; j++)
        {
          Subject *subject = &subjects[(i + j) % N_SUBJECTS];
          double ms = time_switch (subject, day);

          if (i >= WARM_UP)
            subject->times[i - WARM_UP] = ms;
        }
    }

  subject_close (&subjects[EMPTY]);
  subject_close (&subjects[FULL]);
  empty_ms = median (subjects[EMPTY].times);
  full_ms = median (subjects[FULL].times);

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
