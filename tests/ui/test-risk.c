/* test-risk.c — the Risk page in the real window, under Xvfb.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "stride-demo-writer.h"
#include "stride-risk-page.h"
#include "stride-risk.h"
#include "stride-store.h"
#include "stride-window.h"

#include "ui-test-util.h"


/* Settings live in memory for the whole program: start each test fresh. */
static void
risk_fixture_setup (JournalFixture *fixture,
                    gconstpointer   with_demo)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  journal_fixture_setup (fixture, with_demo);
  g_settings_reset (settings, "risk-disclaimer-seen");
  g_settings_reset (settings, "risk-strength-sessions");
  g_settings_reset (settings, "previous-injury");
}

static gboolean
page_is_idle (gpointer data)
{
  StrideRiskPage *page = data;

  return gtk_widget_get_mapped (GTK_WIDGET (page)) && !stride_risk_page_is_loading (page);
}

static void
mark_disclaimer_seen (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "risk-disclaimer-seen", TRUE);
}

/* The window on @path, showing the Risk page once the journal is read. */
static StrideRiskPage *
open_risk (const char    *path,
           StrideWindow **window_out)
{
  GtkWidget *page = open_window_on_page (path, "risk", STRIDE_TYPE_RISK_PAGE, window_out);

  g_assert_true (wait_for (page_is_idle, page));
  return STRIDE_RISK_PAGE (page);
}

/* The expander row titled @title below @widget. */
static AdwExpanderRow *
find_expander_row (GtkWidget  *widget,
                   const char *title)
{
  if (ADW_IS_EXPANDER_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_EXPANDER_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwExpanderRow *found = find_expander_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a visible label below @widget contains @text. */
static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;

  return FALSE;
}

static GtkToggleButton *
find_toggle_by_label (GtkWidget  *widget,
                      const char *label)
{
  return GTK_TOGGLE_BUTTON (find_button_by_label (widget, label));
}

/* What a click does, at once (gtk_widget_activate() clicks a button only
 * after a short timeout). */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static StrideRiskThresholds
default_thresholds (void)
{
  StrideRiskThresholds thresholds;

  stride_risk_thresholds_init (&thresholds);
  return thresholds;
}

/* The same checks the core computes for the week, read independently. */
static GArray *
expected_checks (const char *path,
                 guint32     monday)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StrideStore) store = stride_store_open (path, &error);
  g_autoptr(StrideRiskJournal) journal = NULL;
  StrideRiskThresholds thresholds = default_thresholds ();

  g_assert_no_error (error);
  journal = stride_store_load_risk_journal (store, &error);
  g_assert_no_error (error);

  return stride_risk_evaluate_week (journal, monday, stride_today_julian (), &thresholds,
                                    STRIDE_UNITS_METRIC);
}

/* The first visit shows the disclaimer once; it is not shown again. */
static void
test_disclaimer_once (JournalFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  StrideWindow *window;
  StrideRiskPage *page = open_risk (fixture->path, &window);
  AdwMessageDialog *dialog = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;

  while (dialog == NULL && g_get_monotonic_time () < deadline)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            dialog = ADW_MESSAGE_DIALOG (toplevel);
        }
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not medical advice"));
  g_assert_false (g_settings_get_boolean (settings, "risk-disclaimer-seen"));
  adw_message_dialog_response (dialog, "understood");
  g_assert_true (g_settings_get_boolean (settings, "risk-disclaimer-seen"));

  /* It stays reachable: the same text sits at the foot of the page. */
  g_assert_true (has_label_containing (GTK_WIDGET (page), "not medical advice"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The demo journal shows at least one caution, and the page explains it:
 * the row of that check carries its numbers and its explanation. */
static void
test_demo_explains_caution (JournalFixture *fixture,
                            gconstpointer   data)
{
  StrideWindow *window;
  StrideRiskPage *page;
  g_autoptr(GArray) expected = NULL;
  guint n_cautions = 0;

  guint32 this_monday = stride_iso_week_monday (stride_today_julian ());

  mark_disclaimer_seen ();
  page = open_risk (fixture->path, &window);
  g_assert_cmpuint (stride_risk_page_get_week (page), ==, this_monday);

  /* The newest week of the strip with a caution: the demo depends on the
   * day it is generated, so this week may happen to be clear. */
  for (guint back = 0; back < STRIDE_RISK_PAGE_STRIP_WEEKS; back++)
    {
      g_clear_pointer (&expected, g_array_unref);
      expected = expected_checks (fixture->path, this_monday - 7 * back);
      if (stride_risk_checks_worst (expected, FALSE) == STRIDE_RISK_CAUTION)
        {
          stride_risk_page_set_week (page, this_monday - 7 * back);
          break;
        }
    }

  for (guint i = 0; i < expected->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (expected, StrideRiskCheck, i);

      g_assert_cmpint (stride_risk_page_get_state (page, check->id), ==, check->state);
      if (check->state == STRIDE_RISK_CAUTION && !check->from_user)
        {
          AdwExpanderRow *row = find_expander_row (GTK_WIDGET (page), check->title);

          n_cautions++;
          g_test_message ("caution: %s — %s", check->id, check->summary);
          /* The spike rule is the headline card, not a row. */
          if (g_str_equal (check->id, STRIDE_CHECK_SPIKE))
            {
              g_assert_true (has_label_containing (GTK_WIDGET (page), check->summary));
              continue;
            }
          g_assert_nonnull (row);
          g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, check->summary);
          g_assert_true (has_label_containing (GTK_WIDGET (row), check->explanation));
          g_assert_true (has_label_containing (GTK_WIDGET (row), "Caution"));
        }
    }

  g_assert_cmpuint (n_cautions, >=, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ticking "Poor sleep" is saved with the week and is still there after the
 * window (and the journal) is opened again. */
static void
test_answer_persists (JournalFixture *fixture,
                      gconstpointer   data)
{
  StrideWindow *window;
  StrideRiskPage *page;
  AdwExpanderRow *row;
  GtkToggleButton *yes;

  mark_disclaimer_seen ();
  page = open_risk (fixture->path, &window);
  g_assert_cmpint (stride_risk_page_get_state (page, STRIDE_CHECK_SLEEP), ==,
                   STRIDE_RISK_NOT_ENOUGH_DATA);

  row = find_expander_row (GTK_WIDGET (page), "Poor Sleep");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Not answered");
  yes = find_toggle_by_label (GTK_WIDGET (row), "Yes");
  g_assert_nonnull (yes);
  click (GTK_WIDGET (yes));
  g_assert_true (gtk_toggle_button_get_active (yes));
  g_assert_cmpint (stride_risk_page_get_state (page, STRIDE_CHECK_SLEEP), ==,
                   STRIDE_RISK_CAUTION);
  g_assert_cmpint (count_rows (stride_window_get_store (window), "checklist"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  page = open_risk (fixture->path, &window);
  row = find_expander_row (GTK_WIDGET (page), "Poor Sleep");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Yes");
  g_assert_true (gtk_toggle_button_get_active (find_toggle_by_label (GTK_WIDGET (row), "Yes")));
  g_assert_cmpint (stride_risk_page_get_state (page, STRIDE_CHECK_SLEEP), ==,
                   STRIDE_RISK_CAUTION);

  /* Answering "No" replaces the answer, it does not add one. */
  click (GTK_WIDGET (find_toggle_by_label (GTK_WIDGET (row), "No")));
  g_assert_cmpint (stride_risk_page_get_state (page, STRIDE_CHECK_SLEEP), ==, STRIDE_RISK_OK);
  g_assert_cmpint (count_rows (stride_window_get_store (window), "checklist"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Previous and next week, the strip follows; no week after this one. */
static void
test_week_navigation (JournalFixture *fixture,
                      gconstpointer   data)
{
  StrideWindow *window;
  StrideRiskPage *page;
  guint32 this_monday = stride_iso_week_monday (stride_today_julian ());

  mark_disclaimer_seen ();
  page = open_risk (fixture->path, &window);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "risk.next-week", NULL)
                  && stride_risk_page_get_week (page) != this_monday);
  g_assert_cmpuint (stride_risk_page_get_week (page), ==, this_monday);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.previous-week", NULL));
  g_assert_cmpuint (stride_risk_page_get_week (page), ==, this_monday - 7);
  g_assert_true (has_label_containing (GTK_WIDGET (page), "Last Week"));

  {
    g_autoptr(GArray) expected = expected_checks (fixture->path, this_monday - 7);

    for (guint i = 0; i < expected->len; i++)
      {
        const StrideRiskCheck *check = &g_array_index (expected, StrideRiskCheck, i);

        g_assert_cmpint (stride_risk_page_get_state (page, check->id), ==, check->state);
      }
  }

  /* A week far back, then home again. */
  stride_risk_page_set_week (page, this_monday - 7 * 40);
  g_assert_cmpuint (stride_risk_page_get_week (page), ==, this_monday - 7 * 40);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.this-week", NULL));
  g_assert_cmpuint (stride_risk_page_get_week (page), ==, this_monday);
  stride_risk_page_set_week (page, this_monday + 7);
  g_assert_cmpuint (stride_risk_page_get_week (page), ==, this_monday);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The strip's scroller: the page's only one that never scrolls vertically. */
static GtkWidget *
find_horizontal_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkPolicyType vertical;

      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), NULL, &vertical);
      if (vertical == GTK_POLICY_NEVER)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_horizontal_scroller (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkAdjustment *
strip_adjustment (StrideRiskPage *page)
{
  GtkWidget *strip = find_horizontal_scroller (GTK_WIDGET (page));

  g_assert_nonnull (strip);
  return gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (strip));
}

static gboolean
strip_scrolled_to_end (gpointer data)
{
  GtkAdjustment *adjustment = data;
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  return end > 0.0 && G_APPROX_VALUE (gtk_adjustment_get_value (adjustment), end, 0.5);
}

static gboolean
strip_scrolled_to_start (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_value (adjustment) < 0.5;
}

/* At phone width the strip of past weeks scrolls, and keeps the week
 * shown in view: this week at the end, the oldest at the start. */
static void
test_narrow_strip_follows_week (JournalFixture *fixture,
                                gconstpointer   data)
{
  StrideWindow *window;
  StrideRiskPage *page;
  GtkAdjustment *adjustment;
  guint32 this_monday = stride_iso_week_monday (stride_today_julian ());

  mark_disclaimer_seen ();
  page = open_risk (fixture->path, &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  adjustment = strip_adjustment (page);
  g_assert_true (wait_for (strip_scrolled_to_end, adjustment));

  stride_risk_page_set_week (page, this_monday - 7 * (STRIDE_RISK_PAGE_STRIP_WEEKS - 1));
  g_assert_true (wait_for (strip_scrolled_to_start, adjustment));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.this-week", NULL));
  g_assert_true (wait_for (strip_scrolled_to_end, adjustment));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A warning this week shows as a badge on the view switcher: pain of 6/10
 * logged today, through the window's store, then a reload. */
static void
test_warning_badge (JournalFixture *fixture,
                    gconstpointer   data)
{
  StrideWindow *window;
  StrideRiskPage *page;
  StridePainEntry pain = { 0, };
  g_autoptr(GError) error = NULL;
  GtkWidget *stack;
  AdwViewStackPage *stack_page;

  mark_disclaimer_seen ();
  page = open_risk (fixture->path, &window);
  stack = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  /* By name: the page is built into its tab's child when first needed. */
  stack_page = adw_view_stack_get_page (ADW_VIEW_STACK (stack),
                                        adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack),
                                                                          "risk"));
  {
    g_autoptr(GArray) expected = expected_checks (fixture->path, stride_risk_page_get_week (page));
    gboolean warned = stride_risk_checks_worst (expected, FALSE) == STRIDE_RISK_WARNING;

    g_assert_cmpint (stride_risk_page_get_has_warning (page), ==, warned);
    g_assert_cmpint (adw_view_stack_page_get_needs_attention (stack_page), ==, warned);
  }

  pain.date = stride_today_julian ();
  pain.location = (char *) "knee";
  pain.side = STRIDE_SIDE_LEFT;
  pain.severity = 6;
  g_assert_true (stride_store_add_pain_entry (stride_window_get_store (window), &pain, &error));
  g_assert_no_error (error);
  stride_risk_page_reload (page);
  g_assert_true (wait_for (page_is_idle, page));

  g_assert_cmpint (stride_risk_page_get_state (page, STRIDE_CHECK_PAIN), ==, STRIDE_RISK_WARNING);
  g_assert_true (stride_risk_page_get_has_warning (page));
  g_assert_true (adw_view_stack_page_get_needs_attention (stack_page));
  /* Pain in the last 60 days opens the return-from-injury checklist. */
  g_assert_cmpint (stride_risk_page_get_state (page, STRIDE_CHECK_RETURN_PAIN_FREE), ==,
                   STRIDE_RISK_WARNING);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A threshold changed in Preferences takes effect at once. */
static gboolean
risk_tab_needs_attention (gpointer data)
{
  AdwViewStack *stack = data;

  return adw_view_stack_page_get_needs_attention (
    adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "risk")));
}

/* The window opens on the Journal page; the Risk page is built only after
 * the first frame, and its badge still shows a warning of this week
 * without the page ever being shown. */
static void
test_badge_without_visiting (JournalFixture *fixture,
                             gconstpointer   data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  StrideWindow *window;
  StridePainEntry pain = { 0, };
  g_autoptr(GError) error = NULL;
  GtkWidget *stack;

  mark_disclaimer_seen ();
  g_settings_set_string (settings, "last-page", "journal");
  window = g_object_new (STRIDE_TYPE_WINDOW, NULL);
  {
    g_autoptr(StrideStore) store = stride_store_open (fixture->path, &error);

    g_assert_no_error (error);
    pain.date = stride_today_julian ();
    pain.location = (char *) "knee";
    pain.side = STRIDE_SIDE_LEFT;
    pain.severity = 6;
    g_assert_true (stride_store_add_pain_entry (store, &pain, &error));
    g_assert_no_error (error);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  stride_window_open_journal (window, fixture->path, &error);
  g_assert_no_error (error);
  stack = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  g_assert_null (find_descendant (GTK_WIDGET (window), STRIDE_TYPE_RISK_PAGE));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (wait_for (risk_tab_needs_attention, stack));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "journal");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "last-page");
}

static void
test_threshold_setting (JournalFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  StrideWindow *window;
  StrideRiskPage *page;

  mark_disclaimer_seen ();
  g_settings_set_uint (settings, "risk-strength-sessions", 7);
  page = open_risk (fixture->path, &window);
  /* Last week is over: fewer than 7 sessions is a caution. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "risk.previous-week", NULL));
  g_assert_cmpint (stride_risk_page_get_state (page, STRIDE_CHECK_STRENGTH), ==,
                   STRIDE_RISK_CAUTION);

  g_settings_set_uint (settings, "risk-strength-sessions", 0);
  g_assert_cmpint (stride_risk_page_get_state (page, STRIDE_CHECK_STRENGTH), ==, STRIDE_RISK_OK);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An empty journal: every automatic check answers honestly. */
static void
test_empty_journal (JournalFixture *fixture,
                    gconstpointer   data)
{
  StrideWindow *window;
  StrideRiskPage *page;
  const char *const honest[] = {
    STRIDE_CHECK_ACWR, STRIDE_CHECK_RAMP, STRIDE_CHECK_MONOTONY, STRIDE_CHECK_HQ,
    STRIDE_CHECK_LSI, STRIDE_CHECK_SHOES,
  };

  mark_disclaimer_seen ();
  page = open_risk (fixture->path, &window);
  for (guint i = 0; i < G_N_ELEMENTS (honest); i++)
    g_assert_cmpint (stride_risk_page_get_state (page, honest[i]), ==,
                     STRIDE_RISK_NOT_ENOUGH_DATA);
  g_assert_false (stride_risk_page_get_has_warning (page));
  g_assert_true (has_label_containing (GTK_WIDGET (page), "Not enough data"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/risk/disclaimer-once", JournalFixture, GINT_TO_POINTER (TRUE),
              risk_fixture_setup, test_disclaimer_once, journal_fixture_teardown);
  g_test_add ("/ui/risk/demo-explains-caution", JournalFixture, GINT_TO_POINTER (TRUE),
              risk_fixture_setup, test_demo_explains_caution, journal_fixture_teardown);
  g_test_add ("/ui/risk/answer-persists", JournalFixture, GINT_TO_POINTER (TRUE),
              risk_fixture_setup, test_answer_persists, journal_fixture_teardown);
  g_test_add ("/ui/risk/week-navigation", JournalFixture, GINT_TO_POINTER (TRUE),
              risk_fixture_setup, test_week_navigation, journal_fixture_teardown);
  g_test_add ("/ui/risk/narrow-strip-follows-week", JournalFixture, GINT_TO_POINTER (TRUE),
              risk_fixture_setup, test_narrow_strip_follows_week, journal_fixture_teardown);
  g_test_add ("/ui/risk/warning-badge", JournalFixture, GINT_TO_POINTER (TRUE),
              risk_fixture_setup, test_warning_badge, journal_fixture_teardown);
  g_test_add ("/ui/risk/badge-without-visiting", JournalFixture, GINT_TO_POINTER (TRUE),
              risk_fixture_setup, test_badge_without_visiting, journal_fixture_teardown);
  g_test_add ("/ui/risk/threshold-setting", JournalFixture, GINT_TO_POINTER (TRUE),
              risk_fixture_setup, test_threshold_setting, journal_fixture_teardown);
  g_test_add ("/ui/risk/empty-journal", JournalFixture, GINT_TO_POINTER (FALSE),
              risk_fixture_setup, test_empty_journal, journal_fixture_teardown);

  return g_test_run ();
}
