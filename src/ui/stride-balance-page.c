/* stride-balance-page.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-balance-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "stride-balance-page.h"
#include "stride-balance-report.h"
#include "stride-balance.h"
#include "stride-chart-data.h"
#include "stride-form.h"
#include "stride-page-loader.h"
#include "stride-labels.h"

struct _StrideBalancePage
{
  GtkWidget            parent_instance;

  StrideStore         *store;
  GSettings           *settings;
  StridePageLoader     loader;
  gboolean             loading;
  gboolean             empty;
  gboolean             updating;
  char                *lsi_test;      /* the test shown left/right, NULL = all */
  GPtrArray           *test_keys;     /* the dropdown's tests, after "all" */
  GPtrArray           *rows;          /* rows added to the groups, removed on refresh */

  /* Template widgets */
  GtkStack            *state_stack;
  GtkSpinner          *loading_spinner;
  GtkFlowBox          *cards_box;
  StrideChartView     *hq_view;
  StrideChartView     *lsi_view;
  GtkStack            *hq_stack;
  GtkStack            *lsi_stack;
  StrideChartTable    *hq_table;
  StrideChartTable    *lsi_table;
  GtkButton           *hq_table_button;
  GtkButton           *lsi_table_button;
  gboolean             show_hq_table;
  gboolean             show_lsi_table;
  GtkDropDown         *test_dropdown;
  GtkStringList       *test_list;
  AdwPreferencesGroup *symmetry_group;
  AdwPreferencesGroup *advice_group;
  GtkLabel            *evidence_label;
};

G_DEFINE_FINAL_TYPE (StrideBalancePage, stride_balance_page, GTK_TYPE_WIDGET)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SHOW_HQ_TABLE,
  PROP_SHOW_LSI_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one read of the journal gives the page. */
typedef struct
{
  char            *path;
  char            *lsi_test;
  gboolean         empty;
  GArray          *hq_summaries;    /* StrideBalanceSummary */
  GArray          *lsi_series;      /* StrideLsiPoint */
  GArray          *lsi_summaries;   /* StrideBalanceSummary */
  GArray          *hip_summaries;   /* StrideBalanceSummary */
  GHashTable      *exercise_names;  /* key → English name */
  StrideChart     *hq_chart;
  StrideChart     *lsi_chart;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_free (job->lsi_test);
  g_clear_pointer (&job->hq_summaries, g_array_unref);
  g_clear_pointer (&job->lsi_series, g_array_unref);
  g_clear_pointer (&job->lsi_summaries, g_array_unref);
  g_clear_pointer (&job->hip_summaries, g_array_unref);
  g_clear_pointer (&job->exercise_names, g_hash_table_unref);
  g_clear_pointer (&job->hq_chart, stride_chart_unref);
  g_clear_pointer (&job->lsi_chart, stride_chart_unref);
  g_free (job);
}

/* Words and looks */

static const char *
state_label (StrideBalanceState state)
{
  switch (state)
    {
    case STRIDE_BALANCE_OK:
      return _("In band");
    case STRIDE_BALANCE_WATCH:
      return _("Watch");
    case STRIDE_BALANCE_IMBALANCE:
      return _("Imbalance");
    case STRIDE_BALANCE_NOT_ENOUGH_DATA:
    default:
      return _("Not enough data");
    }
}

/* The same icons and classes as the Risk page: watch is a caution. */
static const char *
state_icon (StrideBalanceState state)
{
  switch (state)
    {
    case STRIDE_BALANCE_OK:
      return "emblem-ok-symbolic";
    case STRIDE_BALANCE_WATCH:
      return "dialog-warning-symbolic";
    case STRIDE_BALANCE_IMBALANCE:
      return "dialog-error-symbolic";
    case STRIDE_BALANCE_NOT_ENOUGH_DATA:
    default:
      return "stride-no-data-symbolic";
    }
}

static const char *
state_class (StrideBalanceState state)
{
  switch (state)
    {
    case STRIDE_BALANCE_OK:
      return "ok";
    case STRIDE_BALANCE_WATCH:
      return "caution";
    case STRIDE_BALANCE_IMBALANCE:
      return "warning";
    case STRIDE_BALANCE_NOT_ENOUGH_DATA:
    default:
      return "none";
    }
}


/* A test id in words; "exercise:<key>" by the exercise's name. */
static char *
test_name (const char *key,
           GHashTable *exercise_names)
{
  if (g_str_has_prefix (key, STRIDE_BALANCE_EXERCISE_PREFIX))
    {
      const char *exercise = key + strlen (STRIDE_BALANCE_EXERCISE_PREFIX);
      const char *name = exercise_names != NULL ? g_hash_table_lookup (exercise_names, exercise) : NULL;

      return g_strdup (name != NULL ? _(name) : exercise);
    }

  return g_strdup (stride_label_for_test (key));
}

static char *
format_day (guint32 julian)
{
  /* Translators: a date on the Balance page, see strftime(3), e.g. "25 Nov 2026" */
  return stride_form_format_day (julian, _("%-d %b %Y"));
}

/* "−4 % since your first test (0.62)", or that this is the first test. */
static char *
change_text (const StrideBalanceSummary *summary,
             gboolean                    percent)
{
  double change;

  if (summary->n_tests < 2 || !isfinite (summary->baseline) || summary->baseline <= 0)
    return g_strdup (_("First test: it is your baseline"));

  change = (summary->latest - summary->baseline) / summary->baseline * 100.0;
  if (percent)
    /* Translators: change of the symmetry since the first test, in percentage points */
    return g_strdup_printf (_("%+.0f points since your first test (%.0f %%)"),
                            summary->latest - summary->baseline, summary->baseline);

  /* Translators: change since the first test, "%+.0f %%" is e.g. "−4 %" */
  return g_strdup_printf (_("%+.0f %% since your first test (%.2f)"), change, summary->baseline);
}

/* Cards */

static void
add_card (StrideBalancePage  *self,
          const char         *title,
          const char         *value,
          StrideBalanceState  state,
          const char         *detail,
          const char         *change)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *state_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *icon;
  g_autofree char *spoken = g_strdup_printf ("%s: %s, %s. %s. %s", title, value,
                                             state_label (state), detail, change);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "balance-card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (card), label);

  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-1");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (card), label);

  icon = gtk_image_new_from_icon_name (state_icon (state));
  gtk_widget_add_css_class (icon, "risk-state");
  gtk_widget_add_css_class (icon, state_class (state));
  gtk_box_append (GTK_BOX (state_box), icon);
  label = gtk_label_new (state_label (state));
  gtk_widget_add_css_class (label, "risk-state-label");
  gtk_widget_add_css_class (label, state_class (state));
  gtk_box_append (GTK_BOX (state_box), label);
  gtk_box_append (GTK_BOX (card), state_box);

  label = gtk_label_new (detail);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (card), label);

  label = gtk_label_new (change);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (card), label);

  gtk_flow_box_append (self->cards_box, card);
}

/* The latest line of a leg among @summaries (H:Q or hip), mixed or not. */
static const StrideBalanceSummary *
latest_for_leg (GArray     *summaries,
                StrideSide  leg,
                gboolean    mixed)
{
  const StrideBalanceSummary *latest = NULL;

  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    {
      const StrideBalanceSummary *summary = &g_array_index (summaries, StrideBalanceSummary, i);

      if (summary->leg == leg && summary->mixed == mixed
          && (latest == NULL || summary->latest_date > latest->latest_date))
        latest = summary;
    }

  return latest;
}

static void
add_ratio_card (StrideBalancePage          *self,
                const StrideBalanceSummary *summary,
                const char                 *what)
{
  g_autofree char *title = NULL;
  g_autofree char *value = NULL;
  g_autofree char *day = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *change = NULL;

  if (summary == NULL)
    return;

  /* Translators: what was measured · the leg, e.g. "H:Q · Left leg" */
  title = g_strdup_printf (_("%s · %s"), what, stride_balance_leg_label (summary->leg));
  value = g_strdup_printf ("%.2f", summary->latest);
  day = format_day (summary->latest_date);
  /* Translators: a test's method · its date */
  detail = g_strdup_printf (_("%s · %s"), stride_label_for_method (summary->method), day);
  change = change_text (summary, FALSE);
  add_card (self, title, value, summary->state, detail, change);
}

static void
add_lsi_card (StrideBalancePage          *self,
              const StrideBalanceSummary *summary)
{
  g_autofree char *name = test_name (summary->key, NULL);
  /* Translators: the symmetry of one test, e.g. "Symmetry · Knee flexion" */
  g_autofree char *title = g_strdup_printf (_("Symmetry · %s"), name);
  g_autofree char *value = g_strdup_printf ("%.0f %%", summary->latest);
  g_autofree char *day = format_day (summary->latest_date);
  g_autofree char *detail = NULL;
  g_autofree char *change = change_text (summary, TRUE);

  if (summary->leg == STRIDE_SIDE_LEFT)
    /* Translators: weaker side · method · date */
    detail = g_strdup_printf (_("Left weaker · %s · %s"), stride_label_for_method (summary->method), day);
  else if (summary->leg == STRIDE_SIDE_RIGHT)
    detail = g_strdup_printf (_("Right weaker · %s · %s"), stride_label_for_method (summary->method), day);
  else
    detail = g_strdup_printf (_("Both sides equal · %s · %s"), stride_label_for_method (summary->method), day);

  add_card (self, title, value, summary->state, detail, change);
}

static void
fill_cards (StrideBalancePage *self,
            LoadJob           *job)
{
  static const StrideSide legs[] = { STRIDE_SIDE_LEFT, STRIDE_SIDE_RIGHT, STRIDE_SIDE_BOTH };

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL;)
    gtk_flow_box_remove (self->cards_box, child);

  for (guint i = 0; i < G_N_ELEMENTS (legs); i++)
    {
      add_ratio_card (self, latest_for_leg (job->hq_summaries, legs[i], FALSE), _("H:Q"));
      add_ratio_card (self, latest_for_leg (job->hq_summaries, legs[i], TRUE),
                      _("Functional H:Q"));
    }

  /* Measured tests get cards; exercises show in the symmetry bars. */
  for (guint i = 0; i < job->lsi_summaries->len; i++)
    {
      const StrideBalanceSummary *summary = &g_array_index (job->lsi_summaries,
                                                            StrideBalanceSummary, i);

      if (!g_str_has_prefix (summary->key, STRIDE_BALANCE_EXERCISE_PREFIX))
        add_lsi_card (self, summary);
    }

  for (guint i = 0; i < G_N_ELEMENTS (legs); i++)
    add_ratio_card (self, latest_for_leg (job->hip_summaries, legs[i], FALSE),
                    _("Hip Adductor:Abductor"));
}

/* Rows of the symmetry and advice groups, rebuilt at each read. */

static void
clear_rows (StrideBalancePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (StrideBalancePage   *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

/* The left/right point of @summary's latest test. */
static const StrideLsiPoint *
latest_point (GArray                     *series,
              const StrideBalanceSummary *summary)
{
  for (guint i = series->len; i > 0; i--)
    {
      const StrideLsiPoint *point = &g_array_index (series, StrideLsiPoint, i - 1);

      if (point->date == summary->latest_date && g_str_equal (point->test, summary->key)
          && g_str_equal (point->method, summary->method))
        return point;
    }

  return NULL;
}

static char *
format_side_value (double      value,
                   const char *unit)
{
  if (g_strcmp0 (unit, "kg") == 0 || g_strcmp0 (unit, "lb") == 0)
    return g_strdup_printf ("%.1f %s", value, unit);

  return g_strdup_printf ("%.0f %s", value, unit != NULL ? unit : "");
}

static void
add_symmetry_row (StrideBalancePage          *self,
                  LoadJob                    *job,
                  const StrideBalanceSummary *summary)
{
  const StrideLsiPoint *point = latest_point (job->lsi_series, summary);
  g_autofree char *name = test_name (summary->key, job->exercise_names);
  g_autofree char *day = format_day (summary->latest_date);
  g_autofree char *subtitle = NULL;
  g_autofree char *percent = g_strdup_printf ("%.0f %%", summary->latest);
  g_autofree char *spoken = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
  GtkWidget *label = gtk_label_new (percent);
  GtkWidget *icon = gtk_image_new_from_icon_name (state_icon (summary->state));

  if (point != NULL)
    {
      g_autofree char *left = format_side_value (point->left, point->unit);
      g_autofree char *right = format_side_value (point->right, point->unit);

      /* Translators: left value · right value · date */
      subtitle = g_strdup_printf (_("Left %s · Right %s · %s"), left, right, day);
    }
  else
    subtitle = g_strdup (day);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Below 85 % the bar reads low, from 90 % full: the same bands as the states. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW, STRIDE_LSI_FLAG_BELOW);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH, STRIDE_LSI_TARGET);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL, 100);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (summary->latest, 0, 100));
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  spoken = g_strdup_printf (_("%s: symmetry %s, %s"), name, percent, state_label (summary->state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_size_request (label, 48, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (icon, "risk-state");
  gtk_widget_add_css_class (icon, state_class (summary->state));
  gtk_widget_set_tooltip_text (icon, state_label (summary->state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  state_label (summary->state), -1);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  add_row (self, self->symmetry_group, row);
}

/* What to do (RISK-RULES.md §4, "Correcting imbalances"). */

typedef enum
{
  ADVICE_HAMSTRINGS,
  ADVICE_WEAK_SIDE,
  ADVICE_HIP_ABDUCTORS,
  ADVICE_ADDUCTORS,
  N_ADVICE
} AdviceKind;

typedef struct
{
  const char *title;
  const char *how;
  const char *exercises[3];    /* keys of the exercise library */
} Advice;

static const Advice advice[N_ADVICE] = {
  [ADVICE_HAMSTRINGS] = { N_("Weak hamstrings"),
                          N_("Strengthen the back of the thigh, eccentric work first."),
                          { "nordic-curl", "romanian-deadlift", "leg-curl" } },
  [ADVICE_WEAK_SIDE] = { N_("Weaker side"),
                         N_("Single-leg work: start every exercise with the weaker side and give it one extra set."),
                         { "split-squat", "single-leg-rdl", "step-up" } },
  [ADVICE_HIP_ABDUCTORS] = { N_("Weak hip abductors"),
                             N_("Hip abductor weakness goes with IT band pain: a reason to train them and test again."),
                             { "side-lying-hip-abduction", "lateral-band-walk", "single-leg-squat" } },
  [ADVICE_ADDUCTORS] = { N_("Weak adductors"),
                         /* xgettext:no-c-format */
                         N_("Adductors below 80 % of the abductors flagged groin strains in ice hockey players; train them and test again."),
                         { "copenhagen-plank", "hip-adduction", NULL } },
};

static void show_toast (StrideBalancePage *self,
                        const char        *title);

/* How many planned strength sessions an advice goes into, and how far
 * ahead they are looked for. */
#define CORRECTIVE_SESSIONS 2
#define CORRECTIVE_DAYS     28

static gboolean
add_to_sessions (StrideStore  *store,
                 const char   *text,
                 guint        *n_added,
                 GError      **error)
{
  guint32 today = stride_today_julian ();
  g_autoptr(GArray) entries = stride_store_list_plan_entries (store, today, today + CORRECTIVE_DAYS - 1,
                                                              error);

  *n_added = 0;
  if (entries == NULL || !stride_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < entries->len && *n_added < CORRECTIVE_SESSIONS; i++)
    {
      StridePlanEntry *entry = &g_array_index (entries, StridePlanEntry, i);
      g_autofree char *old = entry->description;

      if (entry->kind != STRIDE_PLAN_KIND_STRENGTH || entry->status != STRIDE_PLAN_STATUS_PLANNED)
        {
          entry->description = g_steal_pointer (&old);
          continue;
        }

      (*n_added)++;
      /* Added once: a second press changes nothing. */
      if (old != NULL && strstr (old, text) != NULL)
        {
          entry->description = g_steal_pointer (&old);
          continue;
        }

      entry->description = old != NULL && *old != '\0' ? g_strdup_printf ("%s\n%s", old, text)
                                                       : g_strdup (text);
      if (!stride_store_update_plan_entry (store, entry, error))
        {
          stride_store_rollback (store);
          return FALSE;
        }
    }

  return stride_store_commit (store, error);
}

static void
add_to_plan_clicked_cb (GtkButton         *button,
                        StrideBalancePage *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "corrective");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_added = 0;

  if (self->store == NULL)
    return;

  if (!add_to_sessions (self->store, text, &n_added, &error))
    message = g_strdup_printf (_("Could not add the exercises to the plan: %s"), error->message);
  else if (n_added == 0)
    message = g_strdup (_("No strength session is planned in the next four weeks: plan some on the Plan page first"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Added to the next planned strength session",
                                            "Added to the next %u planned strength sessions",
                                            n_added),
                               n_added);

  show_toast (self, message);
}

/* "Weak hamstrings · Left leg: Nordic curl, Romanian deadlift, Leg curl" */
static char *
corrective_text (const char  *title,
                 LoadJob     *job,
                 const Advice *item)
{
  GString *text = g_string_new (title);

  g_string_append (text, ": ");
  for (guint i = 0; i < G_N_ELEMENTS (item->exercises) && item->exercises[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (job->exercise_names, item->exercises[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                              name != NULL ? _(name) : item->exercises[i]);
    }

  return g_string_free (text, FALSE);
}

static void
add_advice_row (StrideBalancePage *self,
                LoadJob           *job,
                AdviceKind         kind,
                const char        *who,
                const char        *reason)
{
  const Advice *item = &advice[kind];
  /* Translators: a weakness · the leg or side, e.g. "Weak hamstrings · Left leg" */
  g_autofree char *title = g_strdup_printf (_("%s · %s"), _(item->title), who);
  g_autofree char *subtitle = g_strdup_printf ("%s %s", reason, _(item->how));
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row),
                               gtk_image_new_from_icon_name ("stride-strength-symbolic"));

  {
    GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add to Plan"));

    gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (add, _("Add these exercises to your next two planned strength sessions"));
    g_object_set_data_full (G_OBJECT (add), "corrective", corrective_text (title, job, item), g_free);
    g_signal_connect (add, "clicked", G_CALLBACK (add_to_plan_clicked_cb), self);
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), add);
  }

  for (guint i = 0; i < G_N_ELEMENTS (item->exercises) && item->exercises[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (job->exercise_names, item->exercises[i]);
      GtkWidget *exercise = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (exercise),
                                     name != NULL ? _(name) : item->exercises[i]);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), exercise);
    }

  add_row (self, self->advice_group, row);
}

static gboolean
needs_work (const StrideBalanceSummary *summary)
{
  return summary->state == STRIDE_BALANCE_WATCH || summary->state == STRIDE_BALANCE_IMBALANCE;
}

static char *
reason_text (const StrideBalanceSummary *summary,
             const char                 *what,
             const char                 *value)
{
  g_autofree char *day = format_day (summary->latest_date);

  /* Translators: "Symmetry in Knee flexion 84 % on 3 Nov 2026: Imbalance." */
  return g_strdup_printf (_("%s %s on %s: %s."), what, value, day, state_label (summary->state));
}

static void
fill_advice (StrideBalancePage *self,
             LoadJob           *job)
{
  guint n_rows = self->rows->len;
  gboolean given[N_ADVICE][STRIDE_N_SIDES] = { { FALSE } };

  for (guint i = 0; job->hq_summaries != NULL && i < job->hq_summaries->len; i++)
    {
      const StrideBalanceSummary *summary = &g_array_index (job->hq_summaries, StrideBalanceSummary, i);
      g_autofree char *value = g_strdup_printf ("%.2f", summary->latest);
      g_autofree char *reason = NULL;

      if (!needs_work (summary) || given[ADVICE_HAMSTRINGS][summary->leg])
        continue;
      given[ADVICE_HAMSTRINGS][summary->leg] = TRUE;
      reason = reason_text (summary, _("H:Q"), value);
      add_advice_row (self, job, ADVICE_HAMSTRINGS, stride_balance_leg_label (summary->leg), reason);
    }

  for (guint i = 0; job->lsi_summaries != NULL && i < job->lsi_summaries->len; i++)
    {
      const StrideBalanceSummary *summary = &g_array_index (job->lsi_summaries, StrideBalanceSummary, i);
      gboolean hip = g_str_equal (summary->key, STRIDE_TEST_HIP_ABDUCTION);
      AdviceKind kind = hip ? ADVICE_HIP_ABDUCTORS : ADVICE_WEAK_SIDE;
      g_autofree char *name = NULL;
      g_autofree char *what = NULL;
      g_autofree char *value = NULL;
      g_autofree char *reason = NULL;

      if (!needs_work (summary) || given[kind][summary->leg])
        continue;
      given[kind][summary->leg] = TRUE;
      name = test_name (summary->key, job->exercise_names);
      /* Translators: "Symmetry in Knee flexion" */
      what = g_strdup_printf (_("Symmetry in %s"), name);
      value = g_strdup_printf ("%.0f %%", summary->latest);
      reason = reason_text (summary, what, value);
      add_advice_row (self, job, kind,
                      summary->leg == STRIDE_SIDE_RIGHT ? _("Right side") : _("Left side"), reason);
    }

  for (guint i = 0; job->hip_summaries != NULL && i < job->hip_summaries->len; i++)
    {
      const StrideBalanceSummary *summary = &g_array_index (job->hip_summaries, StrideBalanceSummary, i);
      g_autofree char *value = g_strdup_printf ("%.2f", summary->latest);
      g_autofree char *reason = NULL;

      if (!needs_work (summary) || given[ADVICE_ADDUCTORS][summary->leg])
        continue;
      given[ADVICE_ADDUCTORS][summary->leg] = TRUE;
      reason = reason_text (summary, _("Adductor:abductor"), value);
      add_advice_row (self, job, ADVICE_ADDUCTORS, stride_balance_leg_label (summary->leg), reason);
    }

  if (self->rows->len == n_rows)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing to correct"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("No test is in the watch or imbalance range. Keep two or three strength sessions a week and test again every six to eight weeks."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      add_row (self, self->advice_group, row);
    }
}

/* The test chooser: "All Tests" then every test and exercise with two
 * sides. The selection survives a reload when its test still exists. */
static void
fill_test_list (StrideBalancePage *self,
                LoadJob           *job)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  g_ptr_array_set_size (self->test_keys, 0);
  g_ptr_array_add (labels, g_strdup (_("All Tests and Exercises")));
  for (guint i = 0; i < job->lsi_summaries->len; i++)
    {
      const StrideBalanceSummary *summary = &g_array_index (job->lsi_summaries, StrideBalanceSummary, i);
      gboolean known = FALSE;

      for (guint j = 0; j < self->test_keys->len; j++)
        known |= g_str_equal (g_ptr_array_index (self->test_keys, j), summary->key);
      if (known)
        continue;

      g_ptr_array_add (self->test_keys, g_strdup (summary->key));
      g_ptr_array_add (labels, test_name (summary->key, job->exercise_names));
      if (g_strcmp0 (summary->key, self->lsi_test) == 0)
        selected = self->test_keys->len;
    }
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->test_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->test_list)),
                          (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (self->test_dropdown, selected);
  self->updating = FALSE;

  if (selected == 0)
    g_clear_pointer (&self->lsi_test, g_free);
}

/* Loading */

static GArray *
read_side_values (StrideStore  *store,
                  GError      **error)
{
  g_autoptr(GArray) all = stride_store_list_measurements (store, 0, 0, error);
  g_autoptr(GArray) from_sets = NULL;

  if (all == NULL)
    return NULL;
  from_sets = stride_store_list_side_values (store, 0, 0, error);
  if (from_sets == NULL)
    return NULL;

  /* The records move over; their strings now belong to @all. */
  g_array_append_vals (all, from_sets->data, from_sets->len);
  g_array_set_clear_func (from_sets, NULL);

  return g_steal_pointer (&all);
}

static GHashTable *
read_exercise_names (StrideStore  *store,
                     GError      **error)
{
  g_autoptr(GArray) exercises = stride_store_list_exercises (store, error);
  GHashTable *names;

  if (exercises == NULL)
    return NULL;

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < exercises->len; i++)
    {
      const StrideExercise *exercise = &g_array_index (exercises, StrideExercise, i);

      g_hash_table_insert (names, g_strdup (exercise->key), g_strdup (exercise->name));
    }

  return names;
}

static StrideChart *
build_chart (StrideStore      *store,
             StrideChartKind   kind,
             const char       *lsi_test,
             GError          **error)
{
  StrideChartRequest request;

  stride_chart_request_init (&request, kind);
  request.lsi_test = lsi_test;

  return stride_chart_data_build (store, &request, NULL, error);
}

/* A connection of its own: the window's stays free for edits. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GArray) hq_series = NULL;
  g_autoptr(GArray) hip_series = NULL;
  g_autoptr(GError) error = NULL;

  store = stride_store_open (job->path, &error);
  if (store == NULL || (values = read_side_values (store, &error)) == NULL
      || (job->exercise_names = read_exercise_names (store, &error)) == NULL
      || (job->hq_chart = build_chart (store, STRIDE_CHART_KIND_HQ, NULL, &error)) == NULL
      || (job->lsi_chart = build_chart (store, STRIDE_CHART_KIND_LSI, job->lsi_test, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  hq_series = stride_balance_hq_series ((StrideMeasurement *) values->data, values->len);
  job->hq_summaries = stride_balance_hq_summaries (hq_series);
  job->lsi_series = stride_balance_lsi_series ((StrideMeasurement *) values->data, values->len);
  job->lsi_summaries = stride_balance_lsi_summaries (job->lsi_series);
  hip_series = stride_balance_hip_series ((StrideMeasurement *) values->data, values->len);
  job->hip_summaries = stride_balance_hip_summaries (hip_series);
  job->empty = hq_series->len == 0 && job->lsi_series->len == 0 && hip_series->len == 0;

  g_task_return_boolean (task, TRUE);
}

static void
set_loading (StrideBalancePage *self,
             gboolean           loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->loading_spinner, loading);
}

static void
show_chart (StrideChartView *view,
            StrideChart     *chart)
{
  g_autofree char *description = NULL;

  stride_chart_view_set_chart (view, chart, 0, 0);
  description = stride_chart_describe (chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

/* A chart or its data as a table ("Show as Table"): the table reads the
 * chart, so it shows the same tests. */
static void
show_as_table (StrideChartView  *view,
               StrideChartTable *table,
               GtkStack         *stack,
               GtkButton        *button,
               StrideChartKind   kind,
               gboolean          show)
{
  if (show)
    {
      stride_chart_table_set_rows (table, STRIDE_CHART_TABLE_ROW_PER_DAY, G_DATE_MONDAY);
      stride_chart_table_show_view (table, view, stride_chart_kind_get_title (kind));
    }
  gtk_stack_set_visible_child_name (stack, show ? "table" : "chart");
  stride_chart_table_update_toggle (button, show);
}

static void
refresh_tables (StrideBalancePage *self)
{
  show_as_table (self->hq_view, self->hq_table, self->hq_stack, self->hq_table_button,
                 STRIDE_CHART_KIND_HQ, self->show_hq_table);
  show_as_table (self->lsi_view, self->lsi_table, self->lsi_stack, self->lsi_table_button,
                 STRIDE_CHART_KIND_LSI, self->show_lsi_table);
}

static void
apply_job (StrideBalancePage *self,
           LoadJob           *job)
{
  self->empty = job->empty;
  if (job->empty)
    {
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      return;
    }

  fill_cards (self, job);
  clear_rows (self);
  for (guint i = 0; i < job->lsi_summaries->len; i++)
    add_symmetry_row (self, job, &g_array_index (job->lsi_summaries, StrideBalanceSummary, i));
  gtk_widget_set_visible (GTK_WIDGET (self->symmetry_group), job->lsi_summaries->len > 0);
  fill_advice (self, job);
  fill_test_list (self, job);
  show_chart (self->hq_view, job->hq_chart);
  show_chart (self->lsi_view, job->lsi_chart);
  refresh_tables (self);
  gtk_stack_set_visible_child_name (self->state_stack, "balance");
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  StrideBalancePage *self = STRIDE_BALANCE_PAGE (source_object);
  LoadJob *job = g_task_get_task_data (G_TASK (result));

  switch (stride_page_loader_finish (&self->loader, result, "the strength tests"))
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
  apply_job (self, job);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
load (StrideBalancePage *self)
{
  LoadJob *job;

  if (self->store == NULL)
    return;

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (stride_store_get_path (self->store));
  job->lsi_test = g_strdup (self->lsi_test);

  set_loading (self, TRUE);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), "balance") != 0)
    gtk_stack_set_visible_child_name (self->state_stack, "loading");

  stride_page_loader_run (&self->loader, self, job, load_job_free, load_thread, load_done_cb);
}

static void
test_selected_cb (StrideBalancePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->test_dropdown);

  if (self->updating)
    return;

  stride_balance_page_show_test (self, selected > 0 && selected <= self->test_keys->len
                                       ? g_ptr_array_index (self->test_keys, selected - 1)
                                       : NULL);
}

/* The physio report */

typedef struct
{
  char    *db_path;
  char    *path;
  guint32  from;
  guint32  to;
  StrideUnitSystem units;
} ReportJob;

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_free (job->db_path);
  g_free (job->path);
  g_free (job);
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = stride_store_open (job->db_path, &error);
  if (store == NULL
      || !stride_balance_report_write (store, job->path, job->from, job->to, job->units, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
stride_balance_page_export_report (StrideBalancePage   *self,
                                   const char          *path,
                                   guint                days,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReportJob *job;

  g_return_if_fail (STRIDE_IS_BALANCE_PAGE (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, self->loader.cancellable, callback, user_data);
  g_task_set_source_tag (task, stride_balance_page_export_report);
  if (self->store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No journal is open"));
      return;
    }

  job = g_new0 (ReportJob, 1);
  job->db_path = g_strdup (stride_store_get_path (self->store));
  job->path = g_strdup (path);
  job->to = stride_today_julian ();
  job->from = days > 0 ? job->to - days + 1 : 0;
  job->units = stride_form_get_units (self->settings, "weight-unit", "lb");
  g_task_set_task_data (task, job, report_job_free);
  g_task_run_in_thread (task, report_thread);
}

gboolean
stride_balance_page_export_report_finish (StrideBalancePage  *self,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
show_toast (StrideBalancePage *self,
            const char        *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
report_written_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  StrideBalancePage *self = STRIDE_BALANCE_PAGE (source_object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!stride_balance_page_export_report_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Could not save the report: %s"), error->message);
    }
  else
    message = g_strdup (_("Report saved"));

  show_toast (self, message);
}

static void
report_file_chosen_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  StrideBalancePage *self = user_data;
  guint days = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "days"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!g_str_has_suffix (path, ".pdf"))
    {
      char *with_pdf = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_pdf;
    }

  stride_balance_page_export_report (self, path, days, report_written_cb, NULL);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StrideBalancePage *self = STRIDE_BALANCE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Report"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_filter_set_name (filter, _("PDF Document"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of the physio report; keep .pdf */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("strength-balance-report.pdf"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "days", GUINT_TO_POINTER (g_variant_get_uint32 (parameter)));
  g_signal_connect_object (chooser, "response", G_CALLBACK (report_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GtkWidget */

static void
stride_balance_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (stride_balance_page_parent_class)->map (widget);

  /* Entries may have changed on another page since the last look. */
  load (STRIDE_BALANCE_PAGE (widget));
}

static void
stride_balance_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StrideBalancePage *self = STRIDE_BALANCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_HQ_TABLE:
      g_value_set_boolean (value, self->show_hq_table);
      break;
    case PROP_SHOW_LSI_TABLE:
      g_value_set_boolean (value, self->show_lsi_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stride_balance_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StrideBalancePage *self = STRIDE_BALANCE_PAGE (object);
  gboolean *shown;

  switch (prop_id)
    {
    case PROP_SHOW_HQ_TABLE:
      shown = &self->show_hq_table;
      break;
    case PROP_SHOW_LSI_TABLE:
      shown = &self->show_lsi_table;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (*shown == g_value_get_boolean (value))
    return;
  *shown = g_value_get_boolean (value);
  refresh_tables (self);
  g_object_notify_by_pspec (object, pspec);
}

static void
stride_balance_page_dispose (GObject *object)
{
  StrideBalancePage *self = STRIDE_BALANCE_PAGE (object);

  stride_page_loader_clear (&self->loader);
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_BALANCE_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->lsi_test, g_free);
  g_clear_pointer (&self->test_keys, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (stride_balance_page_parent_class)->dispose (object);
}

static void
stride_balance_page_class_init (StrideBalancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_balance_page_dispose;
  object_class->get_property = stride_balance_page_get_property;
  object_class->set_property = stride_balance_page_set_property;
  widget_class->map = stride_balance_page_map;

  /**
   * StrideBalancePage:show-hq-table:
   *
   * Whether the H:Q chart's data shows as a table instead of the chart.
   */
  properties[PROP_SHOW_HQ_TABLE] =
    g_param_spec_boolean ("show-hq-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StrideBalancePage:show-lsi-table:
   *
   * Whether the left/right chart's data shows as a table instead of the chart.
   */
  properties[PROP_SHOW_LSI_TABLE] =
    g_param_spec_boolean ("show-lsi-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StrideBalancePage::loaded:
   *
   * Emitted when the journal has been read and the page shows it.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-balance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, advice_group);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, hq_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, hq_table);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, hq_table_button);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, hq_view);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, lsi_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, lsi_table);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, lsi_table_button);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, lsi_view);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, symmetry_group);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, test_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StrideBalancePage, test_list);
  gtk_widget_class_bind_template_callback (widget_class, test_selected_cb);

  gtk_widget_class_install_action (widget_class, "balance.export-report", "u", export_report_action);
  gtk_widget_class_install_property_action (widget_class, "balance.show-hq-table", "show-hq-table");
  gtk_widget_class_install_property_action (widget_class, "balance.show-lsi-table",
                                            "show-lsi-table");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "balancepage");

  g_type_ensure (STRIDE_TYPE_CHART_VIEW);
  g_type_ensure (STRIDE_TYPE_CHART_TABLE);
}

static void
stride_balance_page_init (StrideBalancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  stride_page_loader_init (&self->loader);
  self->test_keys = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new ();

  gtk_label_set_label (self->evidence_label,
                       /* xgettext:no-c-format */
                       _("The hamstring:quadriceps ratio is not an established injury predictor on "
                         "its own (Kellis 2023): follow it against your own first test. Symmetry "
                         "below 90 % is a return-to-sport criterion after knee surgery (Grindem et "
                         "al. 2016); asymmetry thresholds are contested (Bishop et al. 2018) and "
                         "tests are noisy, so a single test never shows an imbalance: it takes two "
                         "tests in a row, or a change larger than the test's noise. This is not "
                         "medical advice; pain that persists needs a physiotherapist."));
}

void
stride_balance_page_set_store (StrideBalancePage *self,
                               StrideStore       *store)
{
  g_return_if_fail (STRIDE_IS_BALANCE_PAGE (self));
  g_return_if_fail (!store || STRIDE_IS_STORE (store));

  /* Reads of the previous journal are of no use any more. */
  stride_page_loader_reset (&self->loader);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->lsi_test, g_free);
  gtk_stack_set_visible_child_name (self->state_stack, "loading");

  if (store == NULL)
    {
      set_loading (self, FALSE);
      return;
    }

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

void
stride_balance_page_reload (StrideBalancePage *self)
{
  g_return_if_fail (STRIDE_IS_BALANCE_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

gboolean
stride_balance_page_is_loading (StrideBalancePage *self)
{
  g_return_val_if_fail (STRIDE_IS_BALANCE_PAGE (self), FALSE);

  return self->loading;
}

gboolean
stride_balance_page_is_empty (StrideBalancePage *self)
{
  g_return_val_if_fail (STRIDE_IS_BALANCE_PAGE (self), FALSE);

  return self->empty;
}

StrideChartView *
stride_balance_page_get_hq_view (StrideBalancePage *self)
{
  g_return_val_if_fail (STRIDE_IS_BALANCE_PAGE (self), NULL);

  return self->hq_view;
}

StrideChartView *
stride_balance_page_get_lsi_view (StrideBalancePage *self)
{
  g_return_val_if_fail (STRIDE_IS_BALANCE_PAGE (self), NULL);

  return self->lsi_view;
}

StrideChartTable *
stride_balance_page_get_hq_table (StrideBalancePage *self)
{
  g_return_val_if_fail (STRIDE_IS_BALANCE_PAGE (self), NULL);

  return self->hq_table;
}

StrideChartTable *
stride_balance_page_get_lsi_table (StrideBalancePage *self)
{
  g_return_val_if_fail (STRIDE_IS_BALANCE_PAGE (self), NULL);

  return self->lsi_table;
}

void
stride_balance_page_show_test (StrideBalancePage *self,
                               const char        *test)
{
  g_return_if_fail (STRIDE_IS_BALANCE_PAGE (self));

  if (g_strcmp0 (test, self->lsi_test) == 0)
    return;

  g_free (self->lsi_test);
  self->lsi_test = g_strdup (test);
  load (self);
}
