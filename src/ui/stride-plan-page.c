/* stride-plan-page.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-plan-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "stride-chart-data.h"
#include "stride-form.h"
#include "stride-labels.h"
#include "stride-plan-day.h"
#include "stride-plan-entry-dialog.h"
#include "stride-plan-generator-dialog.h"
#include "stride-plan-io.h"
#include "stride-plan-page.h"
#include "stride-plan-print.h"
#include "stride-risk-settings.h"

#define N_ROWS 6
#define N_DAYS (7 * N_ROWS)

/* Julian day of 1970-01-01 in GDate's numbering. */
#define UNIX_EPOCH_JULIAN 719163

struct _StridePlanPage
{
  GtkWidget        parent_instance;

  StrideStore     *store;
  GSettings       *settings;
  guint32          day;             /* the focused day */
  guint32          first_shown;     /* the first day of the grid */
  gboolean         week_view;
  gboolean         narrow;          /* the week agenda stands in for the grid */
  guint            narrow_idle;
  gboolean         updating;
  GtkWidget       *days[N_DAYS];
  GtkWidget       *week_totals[N_ROWS];
  char            *week_tooltips[N_ROWS];  /* the checks behind a flagged week, or NULL */
  GtkWidget       *weekday_labels[7];
  StrideRiskJournal *journal;       /* read again only when the journal changes */
  StridePlanEntry  undo_entry;      /* the record before a move or delete */
  gboolean         undo_is_delete;
  AdwToast        *undo_toast;

  /* Template widgets */
  GtkLabel        *title_label;
  GtkStack        *view_stack;
  GtkGrid         *month_grid;
  GtkBox          *week_box;
  GtkToggleButton *month_button;
  GtkToggleButton *week_button;
  GtkWidget       *view_box;
};

G_DEFINE_FINAL_TYPE (StridePlanPage, stride_plan_page, GTK_TYPE_WIDGET)

static void refresh (StridePlanPage *self);

static StrideUnitSystem
units (StridePlanPage *self)
{
  return stride_form_get_units (self->settings, "unit-system", "imperial");
}

static GDateWeekday
first_weekday (StridePlanPage *self)
{
  return stride_form_first_weekday (self->settings);
}

/* The first day of the week holding @day. */
static guint32
week_start (StridePlanPage *self,
            guint32         day)
{
  return stride_julian_week_start (day, first_weekday (self));
}

static guint32
add_months (guint32 day,
            int     months)
{
  g_autoptr(GDate) date = g_date_new_julian (day);

  if (months > 0)
    g_date_add_months (date, months);
  else
    g_date_subtract_months (date, -months);

  return g_date_get_julian (date);
}

/* The local Julian day a run started on. */
static guint32
run_day (const StrideRunSummary *run)
{
  gint64 local = run->start_utc + run->tz_offset_s;

  return (guint32) ((local >= 0 ? local : local - 86399) / 86400 + UNIX_EPOCH_JULIAN);
}

static void
show_toast (StridePlanPage *self,
            AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (StridePlanPage *self,
            const char     *what,
            const GError   *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  show_toast (self, adw_toast_new (message));
}

/* Reading what to show */

typedef struct
{
  GArray               *entries;   /* StridePlanEntry of the days shown and the 30 before */
  GArray               *runs;      /* StrideRunSummary of the days shown */
  GArray               *days;      /* StrideDaySummary of the days shown */
  StrideRiskJournal    *journal;   /* for the checklist marks; the page's */
  StrideRiskThresholds  thresholds;
} Shown;

static void
shown_clear (Shown *shown)
{
  shown->journal = NULL;
  g_clear_pointer (&shown->entries, g_array_unref);
  g_clear_pointer (&shown->runs, g_array_unref);
  g_clear_pointer (&shown->days, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shown, shown_clear)

/* The entries, runs and day totals of [@from, @to]. Runs are asked for
 * with a day of margin either side (they are stored in UTC) and kept by
 * their local day. */
static gboolean
read_shown (StridePlanPage  *self,
            guint32          from,
            guint32          to,
            Shown           *shown,
            GError         **error)
{
  g_autoptr(GArray) runs = NULL;

  /* The 30 days before count for the spike of a planned run. */
  shown->entries = stride_store_list_plan_entries (self->store, from - 30, to, error);
  if (shown->entries == NULL)
    return FALSE;

  /* Moving between months changes nothing in it: it is read once per
   * journal change, not per month. */
  if (self->journal == NULL)
    self->journal = stride_store_load_risk_journal (self->store, error);
  if (self->journal == NULL)
    return FALSE;
  shown->journal = self->journal;
  stride_risk_settings_read (self->settings, &shown->thresholds);

  runs = stride_store_list_runs (self->store, stride_chart_data_day_start (from - 1, 0),
                                 stride_chart_data_day_start (to + 2, 0), error);
  if (runs == NULL)
    return FALSE;

  shown->runs = g_array_new (FALSE, TRUE, sizeof (StrideRunSummary));
  for (guint i = 0; i < runs->len; i++)
    {
      const StrideRunSummary *run = &g_array_index (runs, StrideRunSummary, i);

      if (run_day (run) >= from && run_day (run) <= to)
        g_array_append_val (shown->runs, *run);
    }

  shown->days = stride_store_list_days (self->store, from, to, error);

  return shown->days != NULL;
}

/* The part of @shown that falls on @day, for one calendar cell. */
static void
day_contents (const Shown     *shown,
              guint32          day,
              GArray          *entries,
              StridePlanDone  *done)
{
  g_array_set_size (entries, 0);
  g_array_set_size (done->runs, 0);
  done->strength_s = 0;

  for (guint i = 0; i < shown->entries->len; i++)
    {
      const StridePlanEntry *entry = &g_array_index (shown->entries, StridePlanEntry, i);

      if (entry->date == day)
        g_array_append_vals (entries, entry, 1);
    }

  for (guint i = 0; i < shown->runs->len; i++)
    {
      const StrideRunSummary *run = &g_array_index (shown->runs, StrideRunSummary, i);

      if (run_day (run) == day)
        g_array_append_vals (done->runs, run, 1);
    }

  for (guint i = 0; i < shown->days->len; i++)
    {
      const StrideDaySummary *summary = &g_array_index (shown->days, StrideDaySummary, i);

      if (summary->date == day)
        done->strength_s = summary->strength_s;
    }
}

/* "32 km of 40 km", "2 of 3 strength", "80 % done" — or what was done
 * when nothing was planned. */
static char *
week_totals_text (StridePlanPage              *self,
                  const StridePlanWeekSummary *summary)
{
  g_autofree char *done = stride_units_format_distance (summary->done_run_distance_m, units (self));
  g_autofree char *distance = NULL;
  g_autofree char *strength = NULL;
  g_autofree char *compliance = NULL;

  if (summary->planned_run_distance_m > 0)
    {
      g_autofree char *planned = stride_units_format_distance (summary->planned_run_distance_m,
                                                              units (self));

      /* Translators: run distance done of planned, "32 km of 40 km" */
      distance = g_strdup_printf (_("%s of %s"), done, planned);
    }
  else
    /* Translators: the distance run in a week without a plan, "32 km run" */
    distance = g_strdup_printf (_("%s run"), done);

  if (summary->planned_strength > 0)
    /* Translators: strength sessions done of planned, "2 of 3 strength" */
    strength = g_strdup_printf (_("%u of %u strength"), summary->done_strength,
                                summary->planned_strength);
  else
    strength = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u strength session",
                                             "%u strength sessions", summary->done_strength),
                                summary->done_strength);

  if (isnan (summary->compliance_pct))
    compliance = g_strdup (_("Nothing planned"));
  else
    /* Translators: the share of planned entries done, "80 % done" */
    compliance = g_strdup_printf (_("%.0f %% done"), summary->compliance_pct);

  return g_strdup_printf ("%s\n%s\n%s", distance, strength, compliance);
}

/* Per entry of a day: why it breaks the spike rule, or NULL. Only runs
 * still to come: a done run is the checklist's business. */
static GPtrArray *
entry_warnings (const Shown *shown,
                GArray      *entries)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  guint32 today = stride_today_julian ();

  for (guint i = 0; i < entries->len; i++)
    {
      const StridePlanEntry *entry = &g_array_index (entries, StridePlanEntry, i);
      double ratio = NAN;

      if ((entry->kind == STRIDE_PLAN_KIND_RUN || entry->kind == STRIDE_PLAN_KIND_RACE)
          && entry->date >= today && entry->status != STRIDE_PLAN_STATUS_DONE
          && entry->status != STRIDE_PLAN_STATUS_SKIPPED)
        ratio = stride_risk_planned_spike (shown->journal, (StridePlanEntry *) shown->entries->data,
                                           shown->entries->len, entry->date,
                                           entry->target_distance_m);

      if (ratio > shown->thresholds.spike_caution_percent)
        g_ptr_array_add (warnings,
                         /* Translators: a planned run that breaks the single-run spike rule */
                         g_strdup_printf (_("%.0f %% of the longest run of the 30 days before it: "
                                            "over the %.0f %% of the single-run spike rule"),
                                          ratio, shown->thresholds.spike_caution_percent));
      else
        g_ptr_array_add (warnings, NULL);
    }

  return warnings;
}

/* The checklist of the ISO week holding the middle of a calendar row:
 * its worst state, and in @tooltip the checks behind it when that is a
 * caution or a warning. */
static StrideRiskState
check_week (StridePlanPage  *self,
            const Shown     *shown,
            guint32          row_start,
            char           **tooltip)
{
  guint32 today = stride_today_julian ();
  guint32 monday = stride_iso_week_monday (row_start + 3);
  g_autoptr(GArray) checks = NULL;
  GString *text;
  StrideRiskState worst;

  *tooltip = NULL;
  if (monday > today)
    return STRIDE_RISK_OK;

  checks = stride_risk_evaluate_week (shown->journal, monday, today, &shown->thresholds,
                                      units (self));
  worst = stride_risk_checks_worst (checks, FALSE);
  if (worst != STRIDE_RISK_CAUTION && worst != STRIDE_RISK_WARNING)
    return worst;

  text = g_string_new (NULL);
  for (guint i = 0; i < checks->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (checks, StrideRiskCheck, i);

      if (!check->from_user && (check->state == STRIDE_RISK_CAUTION || check->state == STRIDE_RISK_WARNING))
        g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "", check->title,
                                check->summary);
    }
  *tooltip = g_string_free (text, FALSE);

  return worst;
}

/* The month grid */

static void
entry_activated_cb (StridePlanDay  *day,
                    gint64          id,
                    StridePlanPage *self);
static void
entry_dropped_cb (StridePlanDay  *day,
                  gint64          id,
                  StridePlanPage *self);
static void
day_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                StridePlanPage  *self);
static gboolean
week_totals_query_tooltip_cb (GtkWidget      *label,
                              int             x,
                              int             y,
                              gboolean        keyboard_mode,
                              GtkTooltip     *tooltip,
                              StridePlanPage *self);

static void
build_grid (StridePlanPage *self)
{
  GtkWidget *label = gtk_label_new (_("Week"));

  gtk_widget_add_css_class (label, "weekday");
  gtk_grid_attach (self->month_grid, label, 7, 0, 1, 1);

  for (guint column = 0; column < 7; column++)
    {
      self->weekday_labels[column] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->weekday_labels[column], "weekday");
      gtk_grid_attach (self->month_grid, self->weekday_labels[column], column, 0, 1, 1);
    }

  for (guint row = 0; row < N_ROWS; row++)
    {
      for (guint column = 0; column < 7; column++)
        {
          GtkWidget *day = stride_plan_day_new ();
          GtkGesture *click = gtk_gesture_click_new ();

          g_signal_connect (day, "entry-activated", G_CALLBACK (entry_activated_cb), self);
          g_signal_connect (day, "entry-dropped", G_CALLBACK (entry_dropped_cb), self);
          g_signal_connect (click, "pressed", G_CALLBACK (day_pressed_cb), self);
          gtk_widget_add_controller (day, GTK_EVENT_CONTROLLER (click));
          gtk_grid_attach (self->month_grid, day, column, row + 1, 1, 1);
          self->days[row * 7 + column] = day;
        }

      self->week_totals[row] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->week_totals[row]), 0);
      gtk_label_set_yalign (GTK_LABEL (self->week_totals[row]), 0);
      /* One line per figure, never wrapped: a wrapping label lays its
       * text out four times per change to find its sizes, and the grid
       * would have to ask every row its height for each width. */
      gtk_widget_add_css_class (self->week_totals[row], "week-totals");
      gtk_widget_set_has_tooltip (self->week_totals[row], TRUE);
      g_signal_connect (self->week_totals[row], "query-tooltip",
                        G_CALLBACK (week_totals_query_tooltip_cb), self);
      gtk_grid_attach (self->month_grid, self->week_totals[row], 7, row + 1, 1, 1);
    }
}

static void
fill_weekday_labels (StridePlanPage *self)
{
  for (guint column = 0; column < 7; column++)
    {
      g_autofree char *name = stride_form_format_day (self->first_shown + column, "%a");

      gtk_label_set_label (GTK_LABEL (self->weekday_labels[column]), name);
    }
}

/* A week row's totals, headed by the checklist's state when it flags the
 * week (its checks in the tooltip). The label's text is set once. */
static void
fill_week_totals (StridePlanPage *self,
                  const Shown    *shown,
                  guint           row)
{
  GtkWidget *label = self->week_totals[row];
  guint32 row_start = self->first_shown + 7 * row;
  StridePlanWeekSummary summary;
  g_autoptr(GError) error = NULL;
  g_autofree char *totals = NULL;
  g_autofree char *tooltip = NULL;
  StrideRiskState state;
  gboolean flagged;

  if (!stride_store_get_plan_week_summary (self->store, row_start, &summary, &error))
    {
      g_warning ("Could not sum up a week of the plan: %s", error->message);
      return;
    }

  totals = week_totals_text (self, &summary);
  state = check_week (self, shown, row_start, &tooltip);
  flagged = state == STRIDE_RISK_CAUTION || state == STRIDE_RISK_WARNING;
  if (flagged)
    {
      /* Translators: the checklist's state on a week of the plan, "Checklist: Caution" */
      char *text = g_strdup_printf (_("Checklist: %s\n%s"), stride_risk_state_to_label (state), totals);

      g_free (totals);
      totals = text;
    }
  gtk_label_set_label (GTK_LABEL (label), totals);

  if (flagged && state == STRIDE_RISK_WARNING)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
  if (flagged && state == STRIDE_RISK_CAUTION)
    gtk_widget_add_css_class (label, "caution");
  else
    gtk_widget_remove_css_class (label, "caution");

  g_free (self->week_tooltips[row]);
  self->week_tooltips[row] = g_steal_pointer (&tooltip);
  /* What gtk_widget_set_tooltip_text() would tell screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->week_tooltips[row] != NULL ? self->week_tooltips[row] : "",
                                  -1);
}

/* The checks behind a flagged week, asked for when the pointer rests on
 * it: setting a tooltip's text asks the display where the pointer is, six
 * times per month shown. */
static gboolean
week_totals_query_tooltip_cb (GtkWidget      *label,
                              int             x,
                              int             y,
                              gboolean        keyboard_mode,
                              GtkTooltip     *tooltip,
                              StridePlanPage *self)
{
  for (guint row = 0; row < N_ROWS; row++)
    if (self->week_totals[row] == label && self->week_tooltips[row] != NULL)
      {
        gtk_tooltip_set_text (tooltip, self->week_tooltips[row]);
        return TRUE;
      }

  return FALSE;
}

static void
fill_month (StridePlanPage *self,
            const Shown    *shown)
{
  guint32 today = stride_today_julian ();
  guint32 month = stride_julian_month_start (self->day);
  StrideUnitSystem unit_system = units (self);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (StridePlanEntry));
  StridePlanDone done = { g_array_new (FALSE, TRUE, sizeof (StrideRunSummary)), 0 };

  fill_weekday_labels (self);
  for (guint i = 0; i < N_DAYS; i++)
    {
      guint32 day = self->first_shown + i;
      StridePlanDay *cell = STRIDE_PLAN_DAY (self->days[i]);

      g_autoptr(GPtrArray) warnings = NULL;

      stride_plan_day_set_date (cell, day, stride_julian_month_start (day) == month, day == today);
      day_contents (shown, day, entries, &done);
      warnings = entry_warnings (shown, entries);
      stride_plan_day_set_contents (cell, (StridePlanEntry *) entries->data, entries->len,
                                    (const char *const *) warnings->pdata, &done, unit_system);
    }

  for (guint row = 0; row < N_ROWS; row++)
    fill_week_totals (self, shown, row);

  g_array_unref (done.runs);
}

/* The week agenda */

static void
add_entry_clicked_cb (GtkButton      *button,
                      StridePlanPage *self);

static void
agenda_row_activated_cb (AdwActionRow   *row,
                         StridePlanPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "entry-id");

  entry_activated_cb (NULL, id, self);
}

static GtkWidget *
agenda_entry_row (StridePlanPage        *self,
                  const StridePlanEntry *entry,
                  const char            *warning)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = stride_plan_entry_describe (entry, units (self));
  const char *slot = entry->slot == STRIDE_SLOT_EVENING ? _("Evening") : _("Morning");
  g_autofree char *subtitle = NULL;
  const char *status = entry->status == STRIDE_PLAN_STATUS_DONE ? _("Done")
                       : entry->status == STRIDE_PLAN_STATUS_SKIPPED ? _("Skipped")
                       : entry->status == STRIDE_PLAN_STATUS_MOVED ? _("Moved here")
                       : _("Planned");

  if (entry->description != NULL && *entry->description != '\0')
    /* Translators: time of day · status · the entry's description */
    subtitle = g_strdup_printf (_("%s · %s · %s"), slot, status, entry->description);
  else
    subtitle = g_strdup_printf (_("%s · %s"), slot, status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (stride_plan_kind_icon (entry->kind)));
  if (warning != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      char *with_warning = g_strdup_printf ("%s\n%s", subtitle, warning);

      g_free (subtitle);
      subtitle = with_warning;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, warning);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  if (entry->status == STRIDE_PLAN_STATUS_DONE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "entry-id", g_memdup2 (&entry->id, sizeof entry->id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (agenda_row_activated_cb), self);

  return row;
}

static GtkWidget *
agenda_done_row (StridePlanPage *self,
                 const char     *icon_name,
                 const char     *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Done, not planned"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));

  return row;
}

static void
add_agenda_day (StridePlanPage       *self,
                guint32               day,
                GArray               *entries,
                GPtrArray            *warnings,
                const StridePlanDone *done)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  /* Translators: a day in the plan's agenda, see strftime(3), e.g. "Wednesday 25 November" */
  g_autofree char *title = stride_form_format_day (day, _("%A %-d %B"));
  g_autofree char *add_label = g_strdup_printf (_("Add to %s"), title);
  guint n_rows = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (day == stride_today_julian ())
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Today"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  g_object_set_data (G_OBJECT (add), "day", GUINT_TO_POINTER (day));
  g_signal_connect (add, "clicked", G_CALLBACK (add_entry_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  for (guint i = 0; i < entries->len; i++, n_rows++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               agenda_entry_row (self, &g_array_index (entries, StridePlanEntry, i),
                                                 g_ptr_array_index (warnings, i)));

  for (guint i = 0; i < done->runs->len; i++)
    {
      const StrideRunSummary *run = &g_array_index (done->runs, StrideRunSummary, i);
      gboolean linked = FALSE;
      g_autofree char *distance = NULL;
      g_autofree char *text = NULL;

      for (guint j = 0; j < entries->len; j++)
        linked |= g_array_index (entries, StridePlanEntry, j).activity_id == run->id;
      if (linked)
        continue;
      distance = stride_units_format_distance (run->distance_m, units (self));
      text = g_strdup_printf (_("%s · %s"), stride_label_for_run_type (run->run_type), distance);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 agenda_done_row (self, "stride-run-symbolic", text));
      n_rows++;
    }

  if (n_rows == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing planned"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  gtk_box_append (self->week_box, group);
}

static void
fill_week (StridePlanPage *self,
           const Shown    *shown)
{
  guint32 first = week_start (self, self->day);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (StridePlanEntry));
  StridePlanDone done = { g_array_new (FALSE, TRUE, sizeof (StrideRunSummary)), 0 };
  StridePlanWeekSummary summary;
  g_autoptr(GError) error = NULL;
  GtkWidget *totals;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->week_box))) != NULL;)
    gtk_box_remove (self->week_box, child);

  if (stride_store_get_plan_week_summary (self->store, first, &summary, &error))
    {
      g_autofree char *text = week_totals_text (self, &summary);

      totals = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (totals), 0);
      gtk_widget_add_css_class (totals, "week-totals");
      gtk_box_append (self->week_box, totals);
    }

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GPtrArray) warnings = NULL;

      day_contents (shown, first + i, entries, &done);
      warnings = entry_warnings (shown, entries);
      add_agenda_day (self, first + i, entries, warnings, &done);
    }

  g_array_unref (done.runs);
}

/* Showing */

/* The agenda shows when chosen, or when the page is too narrow for a month. */
static gboolean
shows_week (StridePlanPage *self)
{
  return self->week_view || self->narrow;
}

static void
update_title (StridePlanPage *self)
{
  g_autofree char *title = NULL;

  if (shows_week (self))
    {
      guint32 first = week_start (self, self->day);
      /* Translators: the first day of a week, see strftime(3), e.g. "23 Nov" */
      g_autofree char *from = stride_form_format_day (first, _("%-d %b"));
      /* Translators: the last day of a week, see strftime(3), e.g. "29 Nov 2026" */
      g_autofree char *to = stride_form_format_day (first + 6, _("%-d %b %Y"));

      /* Translators: the days of a week, "23 Nov – 29 Nov 2026" */
      title = g_strdup_printf (_("%s – %s"), from, to);
    }
  else
    /* Translators: the month shown in the plan, see strftime(3), e.g. "November 2026" */
    title = stride_form_format_day (self->day, _("%B %Y"));

  gtk_label_set_label (self->title_label, title);
}

static void
focus_day (StridePlanPage *self)
{
  guint index = self->day - self->first_shown;

  if (!shows_week (self) && self->day >= self->first_shown && index < N_DAYS
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (self->days[index]);

  for (guint i = 0; i < N_DAYS; i++)
    if (i == index)
      gtk_widget_add_css_class (self->days[i], "selected");
    else
      gtk_widget_remove_css_class (self->days[i], "selected");
}

static void
refresh (StridePlanPage *self)
{
  g_auto(Shown) shown = { NULL, };
  g_autoptr(GError) error = NULL;
  guint32 from, to;

  if (self->day == 0)
    self->day = stride_today_julian ();
  self->first_shown = week_start (self, stride_julian_month_start (self->day));
  update_title (self);

  if (self->store == NULL)
    return;

  from = shows_week (self) ? week_start (self, self->day) : self->first_shown;
  to = shows_week (self) ? from + 6 : self->first_shown + N_DAYS - 1;
  if (!read_shown (self, from, to, &shown, &error))
    {
      show_error (self, _("Could not read the plan"), error);
      return;
    }

  self->updating = TRUE;
  if (shows_week (self))
    fill_week (self, &shown);
  else
    fill_month (self, &shown);
  self->updating = FALSE;
  focus_day (self);
}

/* Editing */

static GtkWindow *
parent_window (StridePlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
undo_clicked_cb (AdwToast       *toast,
                 StridePlanPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->undo_is_delete)
    {
      /* Back as it was, with a new id: the calendar only knows it by day. */
      self->undo_entry.id = 0;
      ok = stride_store_add_plan_entry (self->store, &self->undo_entry, &error);
    }
  else
    ok = stride_store_update_plan_entry (self->store, &self->undo_entry, &error);

  if (!ok)
    show_error (self, _("Could not undo"), error);
  refresh (self);
}

static void
undo_dismissed_cb (AdwToast       *toast,
                   StridePlanPage *self)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

/* Keeps @previous for an undo and offers it. */
static void
offer_undo (StridePlanPage  *self,
            StridePlanEntry *previous,
            gboolean         is_delete,
            const char      *title)
{
  AdwToast *toast = adw_toast_new (title);

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  stride_plan_entry_clear (&self->undo_entry);
  self->undo_entry = *previous;
  memset (previous, 0, sizeof *previous);
  self->undo_is_delete = is_delete;

  adw_toast_set_button_label (toast, _("_Undo"));
  /* The toast lives in the window's overlay, possibly longer than the page. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_dismissed_cb), self, 0);
  self->undo_toast = toast;
  show_toast (self, toast);
}

gboolean
stride_plan_page_move_entry (StridePlanPage *self,
                             gint64          id,
                             guint32         day)
{
  StridePlanEntry previous = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (STRIDE_IS_PLAN_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  if (!stride_store_move_plan_entry (self->store, id, day, &previous, &error))
    {
      show_error (self, _("Could not move the entry"), error);
      return FALSE;
    }

  if (previous.date == day)
    {
      stride_plan_entry_clear (&previous);
      return TRUE;
    }

  /* Translators: see strftime(3), e.g. "Fri 27 Nov" */
  when = stride_form_format_day (day, _("%a %-d %b"));
  /* Translators: after a drag and drop in the plan, "Moved to Fri 27 Nov" */
  title = g_strdup_printf (_("Moved to %s"), when);
  offer_undo (self, &previous, FALSE, title);
  refresh (self);

  return TRUE;
}

static void
entry_dropped_cb (StridePlanDay  *day,
                  gint64          id,
                  StridePlanPage *self)
{
  stride_plan_page_move_entry (self, id, stride_plan_day_get_date (day));
}

static void
delete_entry (StridePlanPage *self,
              gint64          id)
{
  StridePlanEntry previous = { 0, };
  g_autoptr(GError) error = NULL;

  if (!stride_store_get_plan_entry (self->store, id, &previous, &error)
      || !stride_store_delete_plan_entry (self->store, id, &error))
    {
      stride_plan_entry_clear (&previous);
      show_error (self, _("Could not delete the entry"), error);
      return;
    }

  offer_undo (self, &previous, TRUE, _("Entry deleted"));
  refresh (self);
}

static void
dialog_saved_cb (StridePlanEntryDialog *dialog,
                 gint64                 id,
                 StridePlanPage        *self)
{
  refresh (self);
}

static void
dialog_delete_cb (StridePlanEntryDialog *dialog,
                  gint64                 id,
                  StridePlanPage        *self)
{
  delete_entry (self, id);
}

static void
open_dialog (StridePlanPage *self,
             gint64          id,
             guint32         day)
{
  StridePlanEntryDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = stride_plan_entry_dialog_new (parent_window (self), self->store, id, day);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  g_signal_connect_object (dialog, "delete-requested", G_CALLBACK (dialog_delete_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
entry_activated_cb (StridePlanDay  *day,
                    gint64          id,
                    StridePlanPage *self)
{
  open_dialog (self, id, 0);
}

static void
add_entry_clicked_cb (GtkButton      *button,
                      StridePlanPage *self)
{
  guint32 day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "day"));

  open_dialog (self, 0, day);
}

/* A click on a day focuses it; a double click adds an entry to it. */
static void
day_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                StridePlanPage  *self)
{
  StridePlanDay *day = STRIDE_PLAN_DAY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));

  stride_plan_page_set_day (self, stride_plan_day_get_date (day));
  if (n_press == 2)
    open_dialog (self, 0, stride_plan_day_get_date (day));
}

/* Actions */

static void
step (StridePlanPage *self,
      int             direction)
{
  if (shows_week (self))
    stride_plan_page_set_day (self, self->day + 7 * direction);
  else
    stride_plan_page_set_day (self, add_months (self->day, direction));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (STRIDE_PLAN_PAGE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (STRIDE_PLAN_PAGE (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  stride_plan_page_set_day (STRIDE_PLAN_PAGE (widget), stride_today_julian ());
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (widget);

  open_dialog (self, 0, self->day);
}

static void
copy_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (widget);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (self->store == NULL)
    return;

  ids = stride_store_copy_plan_week (self->store, week_start (self, self->day), &error);
  if (ids == NULL)
    {
      show_error (self, _("Could not copy the week"), error);
      return;
    }

  if (ids->len == 0)
    title = g_strdup (_("Nothing to copy: the next week already has these days planned"));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Copied %u entry to the next week",
                                          "Copied %u entries to the next week", ids->len),
                             ids->len);
  show_toast (self, adw_toast_new (title));
  refresh (self);
}

static void
skip_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  StridePlanPage   *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_skipped = 0;

  if (!g_str_equal (response, "skip") || self->store == NULL)
    return;

  if (!stride_store_skip_unmatched_before (self->store, stride_today_julian () + 1, &n_skipped,
                                           &error))
    {
      show_error (self, _("Could not mark the entries"), error);
      return;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry marked as skipped",
                                        "%u entries marked as skipped", n_skipped),
                           n_skipped);
  show_toast (self, adw_toast_new (title));
  refresh (self);
}

static void
skip_missed_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (widget);
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self),
                                              _("Mark Missed Entries as Skipped?"),
                                              _("Planned runs and strength sessions up to today "
                                                "that have no activity will show as skipped. "
                                                "Entries of earlier days are marked on their own "
                                                "at the end of the day after."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "skip", _("_Mark as Skipped"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  g_signal_connect_object (dialog, "response", G_CALLBACK (skip_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
plan_applied_cb (StridePlanGeneratorDialog *dialog,
                 guint                      n_entries,
                 guint32                    first_day,
                 StridePlanPage            *self)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Added %u entry to the plan",
                                                         "Added %u entries to the plan",
                                                         n_entries),
                                            n_entries);

  show_toast (self, adw_toast_new (title));
  stride_plan_page_set_day (self, first_day);
  refresh (self);
}

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (widget);
  StridePlanGeneratorDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = stride_plan_generator_dialog_new (parent_window (self), self->store);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (plan_applied_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ics_imported_cb (guint    n_imported,
                 gpointer user_data)
{
  g_autoptr(StridePlanPage) self = user_data;
  g_autofree char *title = NULL;

  if (n_imported == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u plan entry",
                                        "Imported %u plan entries", n_imported),
                           n_imported);
  show_toast (self, adw_toast_new (title));
  refresh (self);
}

static void
import_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (widget);

  if (self->store != NULL)
    stride_plan_io_import_ics (parent_window (self), self->store, ics_imported_cb,
                               g_object_ref (self));
}

/* The plan from the first day shown on: what a calendar needs next. */
static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (widget);

  if (self->store != NULL)
    stride_plan_io_export_ics (parent_window (self), self->store,
                               MIN (stride_today_julian (), self->first_shown));
}

/* What is shown: the week of the agenda, or the month. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (widget);

  if (self->store == NULL)
    return;

  if (shows_week (self))
    stride_plan_print (parent_window (self), self->store, week_start (self, self->day), 7,
                       first_weekday (self));
  else
    stride_plan_print (parent_window (self), self->store, stride_julian_month_start (self->day), 42,
                       first_weekday (self));
}

static void
view_toggled_cb (StridePlanPage *self)
{
  if (self->updating)
    return;

  stride_plan_page_set_week_view (self, gtk_toggle_button_get_active (self->week_button));
}

/* Arrows move between days while a day has the focus (not a chip inside
 * it); Page Up/Down change the month, Home goes to today, Enter adds. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                StridePlanPage        *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean on_day = focus != NULL && STRIDE_IS_PLAN_DAY (focus);
  int delta = 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Page_Up:
      step (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
      step (self, 1);
      return TRUE;
    case GDK_KEY_Home:
      stride_plan_page_set_day (self, stride_today_julian ());
      return TRUE;
    case GDK_KEY_Left:
      delta = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? 1 : -1;
      break;
    case GDK_KEY_Right:
      delta = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1;
      break;
    case GDK_KEY_Up:
      delta = -7;
      break;
    case GDK_KEY_Down:
      delta = 7;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (!on_day)
        return FALSE;
      open_dialog (self, 0, self->day);
      return TRUE;
    default:
      return FALSE;
    }

  if (!on_day || shows_week (self))
    return FALSE;

  stride_plan_page_set_day (self, self->day + delta);
  return TRUE;
}

/* GtkWidget */

/* Below this width a month of seven columns can't be read: the page shows
 * the week agenda instead, and the month again once there is room. */
#define NARROW_WIDTH 600

static void
apply_narrow (gpointer user_data)
{
  StridePlanPage *self = user_data;
  gboolean narrow = gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH;

  self->narrow_idle = 0;
  if (narrow == self->narrow)
    return;

  self->narrow = narrow;
  /* No month to choose, and the title needs the room. */
  gtk_widget_set_visible (self->view_box, !narrow);
  if (narrow)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "title-2");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-2");
    }
  self->updating = TRUE;
  gtk_toggle_button_set_active (narrow || self->week_view ? self->week_button : self->month_button,
                                TRUE);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->view_stack,
                                    narrow || self->week_view ? "week" : "month");
  refresh (self);
}

/* The page lays out its one child itself (no layout manager), so that it
 * sees its width at each allocation. */
static void
stride_plan_page_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
stride_plan_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* Not during the allocation: switching views changes the widget tree. */
  if ((width < NARROW_WIDTH) != self->narrow && self->narrow_idle == 0)
    self->narrow_idle = g_idle_add_once (apply_narrow, self);
}

static void
stride_plan_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (stride_plan_page_parent_class)->map (widget);

  /* Entries may have changed on another page since the last look. */
  refresh (STRIDE_PLAN_PAGE (widget));
}

static void
settings_changed_cb (StridePlanPage *self,
                     const char     *key)
{
  if ((g_str_equal (key, "unit-system") || g_str_equal (key, "first-weekday")
       || g_str_has_prefix (key, "risk-"))
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
stride_plan_page_dispose (GObject *object)
{
  StridePlanPage *self = STRIDE_PLAN_PAGE (object);

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_PLAN_PAGE);
  /* The template's root box has no id of its own. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->journal, stride_risk_journal_free);
  stride_plan_entry_clear (&self->undo_entry);
  for (guint row = 0; row < N_ROWS; row++)
    g_clear_pointer (&self->week_tooltips[row], g_free);

  G_OBJECT_CLASS (stride_plan_page_parent_class)->dispose (object);
}

static void
stride_plan_page_class_init (StridePlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_plan_page_dispose;
  widget_class->map = stride_plan_page_map;
  widget_class->measure = stride_plan_page_measure;
  widget_class->size_allocate = stride_plan_page_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, month_grid);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, week_box);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, StridePlanPage, view_box);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);

  gtk_widget_class_install_action (widget_class, "plan.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "plan.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "plan.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "plan.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "plan.copy-week", NULL, copy_week_action);
  gtk_widget_class_install_action (widget_class, "plan.skip-missed", NULL, skip_missed_action);
  gtk_widget_class_install_action (widget_class, "plan.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "plan.import-ics", NULL, import_ics_action);
  gtk_widget_class_install_action (widget_class, "plan.export-ics", NULL, export_ics_action);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);

  gtk_widget_class_set_css_name (widget_class, "planpage");

  g_type_ensure (STRIDE_TYPE_PLAN_DAY);
}

static void
stride_plan_page_init (StridePlanPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  build_grid (self);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

/* Links the activities of the last week to their entries and skips what
 * the day after left undone (issue 5: skipped "at the end of the day
 * after"). Only when the journal changes, so that a deliberate unlink
 * stays. */
static void
catch_up (StridePlanPage *self)
{
  g_autoptr(GError) error = NULL;
  guint32 today = stride_today_julian ();

  g_clear_pointer (&self->journal, stride_risk_journal_free);
  if (self->store == NULL || stride_store_is_read_only (self->store))
    return;

  if (!stride_store_link_plan_entries (self->store, today - 7, today, NULL, &error)
      || !stride_store_skip_unmatched_before (self->store, today - 1, NULL, &error))
    g_warning ("Could not bring the plan up to date: %s", error->message);
}

void
stride_plan_page_set_store (StridePlanPage *self,
                            StrideStore    *store)
{
  g_return_if_fail (STRIDE_IS_PLAN_PAGE (self));
  g_return_if_fail (!store || STRIDE_IS_STORE (store));

  /* An entry of the previous journal can't go back into this one. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  stride_plan_entry_clear (&self->undo_entry);
  g_set_object (&self->store, store);
  catch_up (self);
  /* Shown later if not now: no reading for a page nobody looks at. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

void
stride_plan_page_reload (StridePlanPage *self)
{
  g_return_if_fail (STRIDE_IS_PLAN_PAGE (self));

  catch_up (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

guint32
stride_plan_page_get_day (StridePlanPage *self)
{
  g_return_val_if_fail (STRIDE_IS_PLAN_PAGE (self), 0);

  return self->day;
}

void
stride_plan_page_set_day (StridePlanPage *self,
                          guint32         day)
{
  g_return_if_fail (STRIDE_IS_PLAN_PAGE (self));
  g_return_if_fail (g_date_valid_julian (day));

  /* Within the grid shown, only the focus moves. */
  if (!shows_week (self) && stride_julian_month_start (day) == stride_julian_month_start (self->day))
    {
      self->day = day;
      focus_day (self);
      return;
    }

  self->day = day;
  refresh (self);
}

gboolean
stride_plan_page_get_week_view (StridePlanPage *self)
{
  g_return_val_if_fail (STRIDE_IS_PLAN_PAGE (self), FALSE);

  return self->week_view;
}

void
stride_plan_page_set_week_view (StridePlanPage *self,
                                gboolean        week_view)
{
  g_return_if_fail (STRIDE_IS_PLAN_PAGE (self));

  self->week_view = !!week_view;
  self->updating = TRUE;
  gtk_toggle_button_set_active (shows_week (self) ? self->week_button : self->month_button, TRUE);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->view_stack, shows_week (self) ? "week" : "month");
  refresh (self);
}

guint32
stride_plan_page_get_first_shown (StridePlanPage *self)
{
  g_return_val_if_fail (STRIDE_IS_PLAN_PAGE (self), 0);

  return self->first_shown;
}
