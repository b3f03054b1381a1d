/* ui-test-util.h — waiting, widget walking and temporary directories for
 * the UI tests under Xvfb.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <adwaita.h>

#include "stride-demo-writer.h"
#include "stride-store.h"
#include "stride-window.h"

#define WAIT_TIMEOUT_S 20

/* The same environment for every run: UTC, untranslated, settings in memory. */
static inline void
ui_test_init (int    *argc,
              char ***argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (argc, argv, NULL);
  g_test_set_nonfatal_assertions ();
  adw_init ();
}

typedef gboolean (*Condition) (gpointer data);

/* Spins the main loop until @condition holds; FALSE on timeout. */
static inline gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The first widget at or below @widget, depth first, that @match takes. */
static inline GtkWidget *
find_widget (GtkWidget     *widget,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
widget_is_of_type (GtkWidget     *widget,
                   gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type at or below @widget, depth first. */
static inline GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  return find_widget (widget, widget_is_of_type, GSIZE_TO_POINTER (type));
}

static inline gboolean
button_has_label (GtkWidget     *widget,
                  gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static inline GtkWidget *
find_button_by_label (GtkWidget  *widget,
                      const char *label)
{
  return find_widget (widget, button_has_label, label);
}

/* Deletes @path and everything below it. */
static inline void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static inline gint64
count_rows (StrideStore *store,
            const char  *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = stride_store_count_rows (store, table, &error);

  g_assert_no_error (error);
  return n;
}

/* A journal in a temporary folder: empty, or a one-year demo journal that
 * ends today (ranges and weeks count back from today). */
typedef struct
{
  char *dir;
  char *path;
} JournalFixture;

static inline void
journal_fixture_setup (JournalFixture *fixture,
                       gconstpointer   with_demo)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("stride-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "journal.db", NULL);
  /* Every case starts from the default chart, as on a first launch. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_reset (settings, "last-chart");
    g_settings_reset (settings, "chart-range");
  }

  if (GPOINTER_TO_INT (with_demo))
    {
      g_autoptr(StrideStore) store = stride_store_open (fixture->path, &error);

      g_assert_no_error (error);
      g_assert_true (stride_demo_write (store, 1, stride_today_julian (), &error));
      g_assert_no_error (error);
    }
}

static inline void
journal_fixture_teardown (JournalFixture *fixture,
                          gconstpointer   data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The window on @path, 1000×760, showing the page @name of its view
 * stack; returns that page's widget (the first of @page_type). */
static inline GtkWidget *
open_window_on_page (const char    *path,
                     const char    *name,
                     GType          page_type,
                     StrideWindow **window_out)
{
  StrideWindow *window = g_object_new (STRIDE_TYPE_WINDOW, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *stack;
  GtkWidget *page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  stride_window_open_journal (window, path, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));

  stack = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  g_assert_nonnull (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), name));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);

  page = find_descendant (GTK_WIDGET (window), page_type);
  g_assert_nonnull (page);

  *window_out = window;
  return page;
}
