/* stride-charts-page.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-charts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-chart-table.h"
#include "stride-charts-page.h"
#include "stride-form.h"
#include "stride-page-loader.h"
#include "stride-labels.h"

/* How many recent runs with a track the "One Run" chart offers. */
#define MAX_TRACKED_RUNS 15

struct _StrideChartsPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *state_stack;
  GtkSpinner        *loading_spinner;
  GtkToggleButton   *pace_button;
  GtkToggleButton   *run_button;
  GtkToggleButton   *volume_button;
  GtkToggleButton   *load_button;
  GtkToggleButton   *hq_button;
  GtkToggleButton   *lsi_button;
  GtkDropDown       *range_dropdown;
  GtkDropDown       *run_dropdown;
  GtkStringList     *run_list;
  GtkSpinner        *busy_spinner;
  GtkRevealer       *custom_revealer;
  GtkMenuButton     *from_button;
  GtkMenuButton     *to_button;
  GtkCalendar       *from_calendar;
  GtkCalendar       *to_calendar;
  StrideChartView   *chart_view;
  GtkStack          *view_stack;
  StrideChartTable  *chart_table;
  GtkButton         *table_button;
  GtkLabel          *note_label;
  GtkLabel          *hint_label;

  /* Owned references */
  StrideStore       *store;
  GSettings         *settings;
  StridePageLoader   loader;
  StrideChart       *chart;
  GArray            *tracked_runs;       /* StrideRunSummary, as in run_dropdown */

  StrideChartKind    kind;
  StrideChartInfo    info;
  gint64             activity_id;
  guint32            custom_from;
  guint32            custom_to;
  guint              loading : 1;
  guint              empty : 1;
  guint              updating : 1;
  guint              show_table : 1;
};

G_DEFINE_FINAL_TYPE (StrideChartsPage, stride_charts_page, GTK_TYPE_WIDGET)

enum
{
  LOADED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

enum
{
  PROP_0,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Export sizes offered in the save dialog: "WxH" ids. */
static const char *const export_size_ids[] = { "800x400", "1200x600", "1600x800", "2400x1200", NULL };

static void load (StrideChartsPage *self);

/* Helpers */

static StrideUnitSystem
units_of (StrideChartsPage *self,
          const char       *key,
          const char       *imperial_choice)
{
  return stride_form_get_units (self->settings, key, imperial_choice);
}

static GDateWeekday
first_weekday (StrideChartsPage *self)
{
  return stride_form_first_weekday (self->settings);
}

static void
range_days (StrideChartsPage *self,
            guint32          *from,
            guint32          *to)
{
  g_autoptr(GDate) date = g_date_new_julian (stride_today_julian ());

  *to = g_date_get_julian (date);
  switch (stride_charts_page_get_range (self))
    {
    case STRIDE_CHART_RANGE_4_WEEKS:
      *from = *to - 27;
      break;

    case STRIDE_CHART_RANGE_3_MONTHS:
      g_date_subtract_months (date, 3);
      *from = g_date_get_julian (date) + 1;
      break;

    case STRIDE_CHART_RANGE_1_YEAR:
      g_date_subtract_years (date, 1);
      *from = g_date_get_julian (date) + 1;
      break;

    case STRIDE_CHART_RANGE_CUSTOM:
      *from = MIN (self->custom_from, self->custom_to);
      *to = MAX (self->custom_from, self->custom_to);
      break;

    case STRIDE_CHART_RANGE_ALL:
    default:
      *from = 0;
      break;
    }
}

static const char *
note_for (StrideChartKind kind)
{
  switch (kind)
    {
    case STRIDE_CHART_KIND_PACE:
      return _("Dots are single runs, lines the average of the last five runs of the same "
               "type; races get no line, as their distances differ. Faster paces are higher.");
    case STRIDE_CHART_KIND_RUN:
      return _("Pace and heart rate along the run; the vertical lines mark the laps.");
    case STRIDE_CHART_KIND_VOLUME:
      return _("Light bars are what the plan said, solid bars what you did: running "
               "distance on the left scale, strength minutes on the right.");
    case STRIDE_CHART_KIND_LOAD:
      return _("Session load is effort (RPE) × minutes. The acute:chronic ratio and its "
               "0.8–1.3 band are contested (Impellizzeri et al. 2020), so both curves are "
               "shown: read them together rather than the ratio alone.");
    case STRIDE_CHART_KIND_HQ:
      return _("Hamstring strength divided by quadriceps strength, one line per leg and "
               "test method. The band is the watch range of the latest method: below it the "
               "ratio is low. H:Q is not an established injury predictor (Kellis 2023): "
               "follow it against your own baseline.");
    case STRIDE_CHART_KIND_LSI:
      /* xgettext:no-c-format */
      return _("Weaker side ÷ stronger side for every test and single-leg exercise; 90 % "
               "and above is the usual target. One test is noisy: look for two in a row.");
    case STRIDE_N_CHART_KINDS:
    default:
      return "";
    }
}

static void
show_custom_dates (StrideChartsPage *self)
{
  /* Translators: a strftime format for the custom range buttons */
  const char *format = _("%-d %b %Y");
  g_autofree char *from = stride_form_format_day (self->custom_from, format);
  g_autofree char *to = stride_form_format_day (self->custom_to, format);
  g_autofree char *from_spoken = g_strdup_printf (_("From %s"), from);
  g_autofree char *to_spoken = g_strdup_printf (_("To %s"), to);

  stride_form_show_date_button (self->from_button, from, from_spoken);
  stride_form_show_date_button (self->to_button, to, to_spoken);
}

static void
update_controls (StrideChartsPage *self)
{
  gboolean run = self->kind == STRIDE_CHART_KIND_RUN;
  gboolean custom = stride_charts_page_get_range (self) == STRIDE_CHART_RANGE_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->range_dropdown), !run);
  gtk_widget_set_visible (GTK_WIDGET (self->run_dropdown), run);
  gtk_revealer_set_reveal_child (self->custom_revealer, custom && !run);
  gtk_label_set_text (self->note_label, note_for (self->kind));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export",
                                 self->chart != NULL && !self->empty);
}

static void
set_loading (StrideChartsPage *self,
             gboolean          loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->busy_spinner, loading);
  gtk_spinner_set_spinning (self->loading_spinner,
                            loading && self->chart == NULL && !self->empty);
}

/* Loading in a worker thread */

typedef struct
{
  char               *path;
  StrideChartRequest  request;
  gboolean            want_runs;

  /* Results */
  gboolean            has_data;          /* FALSE: the "No Runs Yet" state */
  StrideChart        *chart;
  StrideChartInfo     info;
  GArray             *tracked;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->chart, stride_chart_unref);
  g_clear_pointer (&job->tracked, g_array_unref);
  g_free (job);
}

/* The charts drawn from runs and sessions, which show the page's
 * "No Runs Yet" state on a journal without them. */
static gboolean
kind_is_of_activities (StrideChartKind kind)
{
  return kind != STRIDE_CHART_KIND_HQ && kind != STRIDE_CHART_KIND_LSI;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of its own: the window keeps using its own. */
  store = stride_store_open (job->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The balance charts come from tests and sets, not runs: they say
   * themselves what is missing, in their empty text. */
  if (!kind_is_of_activities (job->request.kind))
    job->has_data = TRUE;
  else if (!stride_chart_data_has_runs (store, &job->has_data, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Volume and load count strength sessions too: a journal of only
   * those still has these two charts. */
  if (!job->has_data && (job->request.kind == STRIDE_CHART_KIND_VOLUME
                         || job->request.kind == STRIDE_CHART_KIND_LOAD))
    {
      gint64 n_activities = stride_store_count_rows (store, "activity", &error);

      if (error != NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      job->has_data = n_activities > 0;
    }

  if (!job->has_data || g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (job->want_runs)
    {
      job->tracked = stride_chart_data_list_tracked_runs (store, MAX_TRACKED_RUNS, &error);
      if (job->tracked == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  job->chart = stride_chart_data_build (store, &job->request, &job->info, &error);
  if (job->chart == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static char *
run_label (const StrideRunSummary *run,
           StrideUnitSystem        units)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (run->start_utc);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (run->tz_offset_s);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  /* Translators: a strftime format for a run in the "One Run" list */
  g_autofree char *day = g_date_time_format (local, _("%a %-d %b %Y"));
  g_autofree char *distance = stride_units_format_distance (run->distance_m, units);

  /* Translators: "Tue 3 Nov 2026 · Tempo Run · 10.2 km" */
  return g_strdup_printf (_("%s · %s · %s"), day, stride_label_for_run_type (run->run_type),
                          distance);
}

static void
fill_run_list (StrideChartsPage *self,
               GArray           *tracked,
               gint64            shown)
{
  guint selected = GTK_INVALID_LIST_POSITION;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_clear_pointer (&self->tracked_runs, g_array_unref);
  self->tracked_runs = g_array_ref (tracked);

  for (guint i = 0; i < tracked->len; i++)
    {
      const StrideRunSummary *run = &g_array_index (tracked, StrideRunSummary, i);

      g_ptr_array_add (labels, run_label (run, units_of (self, "unit-system", "imperial")));
      if (run->id == shown)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->run_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->run_list)),
                          (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (self->run_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->run_dropdown), tracked->len > 0);
  self->updating = FALSE;
}

/* The table reads what the chart shows, so it follows the range (and the
 * zoom) without a query of its own. */
static void
refresh_table (StrideChartsPage *self)
{
  static const StrideChartTableRows rows_of[STRIDE_N_CHART_KINDS] = {
    [STRIDE_CHART_KIND_PACE] = STRIDE_CHART_TABLE_ROW_PER_POINT,
    [STRIDE_CHART_KIND_RUN] = STRIDE_CHART_TABLE_ROW_PER_SAMPLE,
    [STRIDE_CHART_KIND_VOLUME] = STRIDE_CHART_TABLE_ROW_PER_WEEK,
    [STRIDE_CHART_KIND_LOAD] = STRIDE_CHART_TABLE_ROW_PER_DAY,
    [STRIDE_CHART_KIND_HQ] = STRIDE_CHART_TABLE_ROW_PER_DAY,
    [STRIDE_CHART_KIND_LSI] = STRIDE_CHART_TABLE_ROW_PER_DAY,
  };

  StrideChartTableRows rows;

  if (!self->show_table)
    return;

  /* Volume over more than two years goes by month. */
  rows = rows_of[self->kind];
  if (self->kind == STRIDE_CHART_KIND_VOLUME && self->info.by_month)
    rows = STRIDE_CHART_TABLE_ROW_PER_MONTH;
  stride_chart_table_set_rows (self->chart_table, rows, first_weekday (self));
  stride_chart_table_show_view (self->chart_table, self->chart_view,
                                self->kind == STRIDE_CHART_KIND_VOLUME
                                  ? NULL : stride_chart_kind_get_title (self->kind));
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  StrideChartsPage *self = STRIDE_CHARTS_PAGE (source_object);
  LoadJob *job = g_task_get_task_data (G_TASK (result));

  switch (stride_page_loader_finish (&self->loader, result, "the chart data"))
    {
    case STRIDE_PAGE_LOAD_STALE:
      return;
    case STRIDE_PAGE_LOAD_FAILED:
      set_loading (self, FALSE);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    case STRIDE_PAGE_LOAD_DONE:
    default:
      break;
    }

  set_loading (self, FALSE);
  self->empty = !job->has_data;

  if (self->empty)
    {
      g_clear_pointer (&self->chart, stride_chart_unref);
      stride_chart_view_set_chart (self->chart_view, NULL, 0, 0);
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
    }
  else
    {
      if (job->tracked != NULL)
        fill_run_list (self, job->tracked, job->info.activity_id);

      g_clear_pointer (&self->chart, stride_chart_unref);
      self->chart = g_steal_pointer (&job->chart);
      self->info = job->info;
      stride_chart_view_set_chart (self->chart_view, self->chart, job->info.x_from,
                                   job->info.x_to);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      stride_chart_kind_get_title (self->kind), -1);
      refresh_table (self);
      gtk_stack_set_visible_child_name (self->state_stack, "charts");
    }

  update_controls (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
load (StrideChartsPage *self)
{
  LoadJob *job;

  if (self->store == NULL)
    return;

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (stride_store_get_path (self->store));
  stride_chart_request_init (&job->request, self->kind);
  range_days (self, &job->request.from, &job->request.to);
  job->request.activity_id = self->kind == STRIDE_CHART_KIND_RUN ? self->activity_id : 0;
  job->request.distance_units = units_of (self, "unit-system", "imperial");
  job->request.pace_units = units_of (self, "pace-unit", "per-mile");
  job->request.first_weekday = first_weekday (self);
  job->want_runs = self->kind == STRIDE_CHART_KIND_RUN;

  set_loading (self, TRUE);
  if (self->chart == NULL && !self->empty)
    gtk_stack_set_visible_child_name (self->state_stack, "loading");

  stride_page_loader_run (&self->loader, self, job, load_job_free, load_thread, load_done_cb);
}

/* Template callbacks */

/* The kind buttons, indexed by kind: a new kind needs its button here. */
G_STATIC_ASSERT (STRIDE_CHART_KIND_LSI + 1 == STRIDE_N_CHART_KINDS);

static void
get_kind_buttons (StrideChartsPage *self,
                  GtkToggleButton  *buttons[STRIDE_N_CHART_KINDS])
{
  buttons[STRIDE_CHART_KIND_PACE] = self->pace_button;
  buttons[STRIDE_CHART_KIND_RUN] = self->run_button;
  buttons[STRIDE_CHART_KIND_VOLUME] = self->volume_button;
  buttons[STRIDE_CHART_KIND_LOAD] = self->load_button;
  buttons[STRIDE_CHART_KIND_HQ] = self->hq_button;
  buttons[STRIDE_CHART_KIND_LSI] = self->lsi_button;
}

static void
kind_toggled_cb (StrideChartsPage *self,
                 GtkToggleButton  *button)
{
  GtkToggleButton *buttons[STRIDE_N_CHART_KINDS];

  if (!gtk_toggle_button_get_active (button))
    return;

  get_kind_buttons (self, buttons);
  for (StrideChartKind kind = 0; kind < STRIDE_N_CHART_KINDS; kind++)
    if (buttons[kind] == button)
      stride_charts_page_set_kind (self, kind);
}

static void
range_selected_cb (StrideChartsPage *self)
{
  StrideChartRange range = stride_charts_page_get_range (self);

  /* Custom dates are for the moment; the presets are kept. */
  if (range != STRIDE_CHART_RANGE_CUSTOM)
    g_settings_set_enum (self->settings, "chart-range", range);
  update_controls (self);
  load (self);
}

static void
run_selected_cb (StrideChartsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->run_dropdown);

  if (self->updating || self->tracked_runs == NULL || selected >= self->tracked_runs->len)
    return;

  stride_charts_page_set_run (self, g_array_index (self->tracked_runs, StrideRunSummary,
                                                   selected).id);
}

static void
custom_day_selected_cb (StrideChartsPage *self,
                        GtkCalendar      *calendar)
{
  guint32 day = stride_form_calendar_get_julian (calendar);

  if (self->updating)
    return;

  if (calendar == self->from_calendar)
    {
      self->custom_from = day;
      stride_form_popdown (self->from_button);
    }
  else
    {
      self->custom_to = day;
      stride_form_popdown (self->to_button);
    }

  show_custom_dates (self);
  load (self);
}

/* The chosen run's label shortens on a narrow window; the list shows it
 * whole. */
static void
setup_run_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_run_item_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
run_item_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_run_item_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_run_item_cb), NULL);
  return factory;
}

/* Export */

static gboolean
has_chart_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".png") || g_str_has_suffix (lower, ".svg")
         || g_str_has_suffix (lower, ".pdf");
}

static void
show_toast (StrideChartsPage *self,
            const char       *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  StrideChartsPage *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  const char *size;
  guint64 width = STRIDE_CHART_EXPORT_WIDTH;
  guint64 height = STRIDE_CHART_EXPORT_HEIGHT;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "size");
  if (size != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (size, "x", 2);

      if (g_strv_length (parts) == 2)
        {
          g_ascii_string_to_unsigned (parts[0], 10, 16, 10000, &width, NULL);
          g_ascii_string_to_unsigned (parts[1], 10, 16, 10000, &height, NULL);
        }
    }
  g_object_unref (dialog);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* A name without a known extension becomes a PNG. */
  if (!has_chart_extension (path))
    {
      char *with_png = g_strconcat (path, ".png", NULL);

      g_free (path);
      path = with_png;
    }

  name = g_path_get_basename (path);
  if (!stride_charts_page_export (self, path, (int) width, (int) height, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export the chart: %s"),
                                                  error->message);

      show_toast (self, message);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (_("Exported the chart to “%s”"), name);

    show_toast (self, message);
  }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StrideChartsPage *self = STRIDE_CHARTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  const char *size_labels[] = {
    _("Small (800 × 400)"), _("Medium (1200 × 600)"), _("Large (1600 × 800)"),
    _("Extra large (2400 × 1200)"), NULL,
  };
  const struct { const char *name; const char *pattern; } formats[] = {
    { N_("PNG Image"), "*.png" }, { N_("SVG Drawing"), "*.svg" }, { N_("PDF Document"), "*.pdf" },
  };

  if (self->chart == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Chart"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, formats[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "size", _("Size"),
                               (const char **) export_size_ids, size_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "size", "1200x600");

  /* Translators: the suggested file name of an exported chart; keep the .png */
  name = g_strdup_printf (_("%s-chart.png"), stride_chart_kind_to_id (self->kind));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GtkWidget */

static void
stride_charts_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (stride_charts_page_parent_class)->map (widget);

  /* Entries may have changed on another page since the last look. */
  load (STRIDE_CHARTS_PAGE (widget));
}

/* Units and the first day of the week change what the charts show. */
static void
settings_changed_cb (StrideChartsPage *self,
                     const char       *key)
{
  if ((g_str_equal (key, "unit-system") || g_str_equal (key, "pace-unit")
       || g_str_equal (key, "first-weekday"))
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

static void
stride_charts_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StrideChartsPage *self = STRIDE_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stride_charts_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  StrideChartsPage *self = STRIDE_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      stride_charts_page_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stride_charts_page_dispose (GObject *object)
{
  StrideChartsPage *self = STRIDE_CHARTS_PAGE (object);

  stride_page_loader_clear (&self->loader);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_CHARTS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->chart, stride_chart_unref);
  g_clear_pointer (&self->tracked_runs, g_array_unref);

  G_OBJECT_CLASS (stride_charts_page_parent_class)->dispose (object);
}

static void
stride_charts_page_class_init (StrideChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_charts_page_dispose;
  object_class->get_property = stride_charts_page_get_property;
  object_class->set_property = stride_charts_page_set_property;
  widget_class->map = stride_charts_page_map;

  /**
   * StrideChartsPage:show-table:
   *
   * Whether the chart's data shows as a table instead of the chart.
   */
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StrideChartsPage::loaded:
   *
   * Emitted when a query for the chart has finished.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, chart_table);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, custom_revealer);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, load_button);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, hq_button);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, lsi_button);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, pace_button);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, run_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, run_list);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, table_button);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideChartsPage, volume_button);
  gtk_widget_class_bind_template_callback (widget_class, custom_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, run_selected_cb);

  gtk_widget_class_install_action (widget_class, "charts.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "charts.export", NULL);
  gtk_widget_class_install_property_action (widget_class, "charts.show-table", "show-table");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartspage");

  g_type_ensure (STRIDE_TYPE_CHART_VIEW);
  g_type_ensure (STRIDE_TYPE_CHART_TABLE);
}

static void
stride_charts_page_init (StrideChartsPage *self)
{
  guint32 today = stride_today_julian ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  stride_page_loader_init (&self->loader);
  self->kind = STRIDE_CHART_KIND_PACE;
  self->custom_to = today;
  self->custom_from = today - 90;

  self->updating = TRUE;
  stride_form_calendar_select_julian (self->from_calendar, self->custom_from);
  stride_form_calendar_select_julian (self->to_calendar, self->custom_to);
  self->updating = FALSE;
  show_custom_dates (self);

  {
    g_autoptr(GtkListItemFactory) button_factory = run_item_factory (TRUE);
    g_autoptr(GtkListItemFactory) list_factory = run_item_factory (FALSE);

    gtk_drop_down_set_factory (self->run_dropdown, button_factory);
    gtk_drop_down_set_list_factory (self->run_dropdown, list_factory);
  }

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_controls (self);

  /* The chart and range of last time; nothing loads before a store is set. */
  gtk_drop_down_set_selected (self->range_dropdown,
                              g_settings_get_enum (self->settings, "chart-range"));
  stride_charts_page_set_kind (self, g_settings_get_enum (self->settings, "last-chart"));

  /* Ctrl+T wherever the focus is in the window, while the page shows: a
   * class binding would only work with the focus inside the page. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                       GTK_SHORTCUT_SCOPE_MANAGED);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_t,
                                                                                    GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("charts.show-table")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
}

void
stride_charts_page_set_store (StrideChartsPage *self,
                              StrideStore      *store)
{
  g_return_if_fail (STRIDE_IS_CHARTS_PAGE (self));
  g_return_if_fail (!store || STRIDE_IS_STORE (store));

  /* Queries of the previous journal are of no use any more. */
  stride_page_loader_reset (&self->loader);
  g_set_object (&self->store, store);
  self->activity_id = 0;
  self->empty = FALSE;
  g_clear_pointer (&self->chart, stride_chart_unref);
  stride_chart_view_set_chart (self->chart_view, NULL, 0, 0);
  update_controls (self);

  if (store == NULL)
    {
      set_loading (self, FALSE);
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      return;
    }

  load (self);
}

void
stride_charts_page_reload (StrideChartsPage *self)
{
  g_return_if_fail (STRIDE_IS_CHARTS_PAGE (self));

  load (self);
}

StrideChartKind
stride_charts_page_get_kind (StrideChartsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_CHARTS_PAGE (self), STRIDE_CHART_KIND_PACE);

  return self->kind;
}

void
stride_charts_page_set_kind (StrideChartsPage *self,
                             StrideChartKind   kind)
{
  GtkToggleButton *buttons[STRIDE_N_CHART_KINDS];

  g_return_if_fail (STRIDE_IS_CHARTS_PAGE (self));
  g_return_if_fail (kind < STRIDE_N_CHART_KINDS);

  get_kind_buttons (self, buttons);

  if (!gtk_toggle_button_get_active (buttons[kind]))
    {
      /* Toggling calls back into here. */
      gtk_toggle_button_set_active (buttons[kind], TRUE);
      return;
    }

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_settings_set_enum (self->settings, "last-chart", kind);
  update_controls (self);
  load (self);
}

StrideChartRange
stride_charts_page_get_range (StrideChartsPage *self)
{
  guint selected;

  g_return_val_if_fail (STRIDE_IS_CHARTS_PAGE (self), STRIDE_CHART_RANGE_ALL);

  selected = gtk_drop_down_get_selected (self->range_dropdown);
  return selected <= STRIDE_CHART_RANGE_CUSTOM ? (StrideChartRange) selected
                                               : STRIDE_CHART_RANGE_3_MONTHS;
}

void
stride_charts_page_set_range (StrideChartsPage *self,
                              StrideChartRange  range)
{
  g_return_if_fail (STRIDE_IS_CHARTS_PAGE (self));
  g_return_if_fail (range <= STRIDE_CHART_RANGE_CUSTOM);

  /* notify::selected reloads. */
  gtk_drop_down_set_selected (self->range_dropdown, range);
}

void
stride_charts_page_set_custom_range (StrideChartsPage *self,
                                     guint32           from,
                                     guint32           to)
{
  g_return_if_fail (STRIDE_IS_CHARTS_PAGE (self));
  g_return_if_fail (from > 0 && to > 0);

  self->custom_from = MIN (from, to);
  self->custom_to = MAX (from, to);
  self->updating = TRUE;
  stride_form_calendar_select_julian (self->from_calendar, self->custom_from);
  stride_form_calendar_select_julian (self->to_calendar, self->custom_to);
  self->updating = FALSE;
  show_custom_dates (self);

  if (stride_charts_page_get_range (self) == STRIDE_CHART_RANGE_CUSTOM)
    load (self);
  else
    stride_charts_page_set_range (self, STRIDE_CHART_RANGE_CUSTOM);
}

void
stride_charts_page_set_run (StrideChartsPage *self,
                            gint64            activity_id)
{
  g_return_if_fail (STRIDE_IS_CHARTS_PAGE (self));

  if (self->activity_id == activity_id)
    return;

  self->activity_id = activity_id;
  if (self->kind == STRIDE_CHART_KIND_RUN)
    load (self);
}

guint
stride_charts_page_get_n_runs (StrideChartsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_CHARTS_PAGE (self), 0);

  return self->tracked_runs != NULL ? self->tracked_runs->len : 0;
}

gboolean
stride_charts_page_is_loading (StrideChartsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_CHARTS_PAGE (self), FALSE);

  return self->loading;
}

gboolean
stride_charts_page_is_empty (StrideChartsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_CHARTS_PAGE (self), FALSE);

  return self->empty;
}

const StrideChartInfo *
stride_charts_page_get_info (StrideChartsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_CHARTS_PAGE (self), NULL);

  return &self->info;
}

StrideChartView *
stride_charts_page_get_view (StrideChartsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_CHARTS_PAGE (self), NULL);

  return self->chart_view;
}

StrideChartTable *
stride_charts_page_get_table (StrideChartsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_CHARTS_PAGE (self), NULL);

  return self->chart_table;
}

gboolean
stride_charts_page_get_show_table (StrideChartsPage *self)
{
  g_return_val_if_fail (STRIDE_IS_CHARTS_PAGE (self), FALSE);

  return self->show_table;
}

void
stride_charts_page_set_show_table (StrideChartsPage *self,
                                   gboolean          show_table)
{
  g_return_if_fail (STRIDE_IS_CHARTS_PAGE (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;

  self->show_table = show_table;
  refresh_table (self);
  gtk_stack_set_visible_child_name (self->view_stack, show_table ? "table" : "chart");
  /* The zoom keys are the chart's. */
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), !show_table);

  stride_chart_table_update_toggle (self->table_button, show_table);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

gboolean
stride_charts_page_export (StrideChartsPage  *self,
                           const char        *path,
                           int                width,
                           int                height,
                           GError           **error)
{
  StrideChartStyle style;
  gboolean ok;

  g_return_val_if_fail (STRIDE_IS_CHARTS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (self->chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no chart to export"));
      return FALSE;
    }

  stride_chart_data_style_init (&style, FALSE, FALSE);
  ok = stride_chart_export (self->chart, path, width, height, &style, error);
  stride_chart_style_clear (&style);

  return ok;
}
