/* stride-risk-page.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-risk-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "stride-form.h"
#include "stride-page-loader.h"
#include "stride-risk-page.h"
#include "stride-risk-settings.h"

/* One check shown as an expander row: the state as an icon and a word
 * (colour is never the only signal), the numbers as subtitle, and the
 * explanation with its evidence inside. */
typedef struct
{
  AdwExpanderRow *row;
  GtkImage       *icon;
  GtkLabel       *state_label;
  GtkLabel       *explanation_label;
  /* User items only */
  GtkToggleButton *yes_button;
  GtkToggleButton *no_button;
  AdwEntryRow     *note_row;
  const char      *id;
} CheckRow;

typedef struct
{
  const char *id;
  const char *title;       /* translated in code */
  const char *question;
} UserItem;

struct _StrideRiskPage
{
  GtkWidget            parent_instance;

  StrideStore         *store;
  GSettings           *settings;
  StridePageLoader     loader;
  gboolean             loading;
  gboolean             has_warning;
  gboolean             updating;

  StrideRiskJournal   *journal;       /* main thread only once loaded */
  guint32              monday;        /* the week shown */
  guint32              strip_last;    /* Monday of the strip's last week */
  GHashTable          *rows;          /* check id → CheckRow */
  GArray              *shown_checks;  /* StrideRiskCheck of the week shown, all lists */
  GArray              *answers;       /* StrideChecklistAnswer, every week */
  GtkWidget           *strip_cells[STRIDE_RISK_PAGE_STRIP_WEEKS];
  AdwMessageDialog    *disclaimer_dialog;

  /* Template widgets */
  GtkStack            *state_stack;
  GtkSpinner          *loading_spinner;
  GtkLabel            *week_label;
  GtkLabel            *dates_label;
  GtkBox              *strip_box;
  GtkScrolledWindow   *strip_scroller;
  GtkLabel            *strip_first_label;
  GtkLabel            *strip_last_label;
  GtkWidget           *headline_card;
  GtkImage            *headline_icon;
  GtkLabel            *headline_title;
  GtkLabel            *headline_state;
  GtkLabel            *headline_summary;
  GtkLabel            *headline_explanation;
  GtkLabel            *headline_source;
  AdwPreferencesGroup *checks_group;
  AdwPreferencesGroup *user_group;
  AdwPreferencesGroup *race_group;
  AdwPreferencesGroup *return_group;
  GtkLabel            *disclaimer_label;
};

G_DEFINE_FINAL_TYPE (StrideRiskPage, stride_risk_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HAS_WARNING,
  N_PROPS
};

enum {
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The automatic checks listed under the headline (spike is the headline). */
static const char *const auto_check_ids[] = {
  STRIDE_CHECK_ACWR, STRIDE_CHECK_RAMP, STRIDE_CHECK_MONOTONY, STRIDE_CHECK_STRENGTH,
  STRIDE_CHECK_SPACING, STRIDE_CHECK_HQ, STRIDE_CHECK_LSI, STRIDE_CHECK_PAIN,
  STRIDE_CHECK_SHOES,
};

static const char *const race_check_ids[] = {
  STRIDE_CHECK_RACE_TAPER, STRIDE_CHECK_RACE_STRENGTH, STRIDE_CHECK_RACE_SHOES,
  STRIDE_CHECK_RACE_PAIN,
};

static const char *const return_check_ids[] = {
  STRIDE_CHECK_RETURN_PAIN_FREE, STRIDE_CHECK_RETURN_LSI, STRIDE_CHECK_RETURN_GRADED,
};

/* The user's own items. "pain" is an automatic check that the user can
 * add to, so it is asked here too. */
static const UserItem user_items[] = {
  { STRIDE_CHECK_SLEEP, N_("Poor Sleep"), N_("Did you sleep badly on several nights?") },
  { STRIDE_CHECK_SORENESS, N_("Unusual Soreness"), N_("Were you sorer than usual after training?") },
  { STRIDE_CHECK_ILLNESS, N_("Illness"), N_("Were you ill, even with a cold?") },
  { STRIDE_CHECK_PAIN, N_("Pain"), N_("Did anything hurt while or after running?") },
};

/* The id of a user row, distinct from the automatic "pain" row. */
#define USER_ROW_KEY(id) (g_str_equal ((id), STRIDE_CHECK_PAIN) ? "user-pain" : (id))

static const char *
state_class (StrideRiskState state)
{
  switch (state)
    {
    case STRIDE_RISK_OK:
      return "ok";
    case STRIDE_RISK_CAUTION:
      return "caution";
    case STRIDE_RISK_WARNING:
      return "warning";
    case STRIDE_RISK_NOT_ENOUGH_DATA:
    case STRIDE_N_RISK_STATES:
    default:
      return "none";
    }
}

static const char *
state_icon (StrideRiskState state)
{
  switch (state)
    {
    case STRIDE_RISK_OK:
      return "emblem-ok-symbolic";
    case STRIDE_RISK_CAUTION:
      return "dialog-warning-symbolic";
    case STRIDE_RISK_WARNING:
      return "dialog-error-symbolic";
    case STRIDE_RISK_NOT_ENOUGH_DATA:
    case STRIDE_N_RISK_STATES:
    default:
      return "stride-no-data-symbolic";
    }
}

/* Replaces the state class of @widget (ok, caution, warning, none). */
static void
set_state_class (GtkWidget       *widget,
                 StrideRiskState  state)
{
  static const char *const classes[] = { "ok", "caution", "warning", "none" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  gtk_widget_add_css_class (widget, state_class (state));
}

static StrideUnitSystem
unit_system (StrideRiskPage *self)
{
  return stride_form_get_units (self->settings, "unit-system", "imperial");
}

static void
read_thresholds (StrideRiskPage       *self,
                 StrideRiskThresholds *thresholds)
{
  stride_risk_settings_read (self->settings, thresholds);
}

static const StrideRiskCheck *
find_check (GArray     *checks,
            const char *id)
{
  if (checks == NULL)
    return NULL;

  for (guint i = 0; i < checks->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (checks, StrideRiskCheck, i);

      if (g_str_equal (check->id, id))
        return check;
    }

  return NULL;
}

static void refresh (StrideRiskPage *self);

/* Rows */

static void
check_row_free (gpointer data)
{
  g_free (data);
}

static char *
evidence_text (const StrideRiskCheck *check)
{
  const char *evidence = stride_evidence_to_label (check->evidence);

  if (check->estimated)
    /* Translators: evidence strength · source · a note on the numbers */
    return g_strdup_printf (_("%s · %s · Some loads are estimated: log the effort (RPE) of your runs for exact numbers."),
                            evidence, check->source);

  /* Translators: evidence strength · source, e.g. "Strong evidence · Frandsen et al. 2025, BJSM" */
  return g_strdup_printf (_("%s · %s"), evidence, check->source);
}

static CheckRow *
add_check_row (StrideRiskPage      *self,
               AdwPreferencesGroup *group,
               const char          *id,
               const char          *key)
{
  CheckRow *row = g_new0 (CheckRow, 1);
  GtkWidget *inner;

  row->id = id;
  row->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);

  row->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_add_css_class (GTK_WIDGET (row->icon), "risk-state");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("State"), -1);
  adw_expander_row_add_prefix (row->row, GTK_WIDGET (row->icon));

  row->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (row->state_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->state_label), "risk-state-label");
  adw_expander_row_add_action (row->row, GTK_WIDGET (row->state_label));

  row->explanation_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (row->explanation_label, TRUE);
  gtk_label_set_xalign (row->explanation_label, 0);
  gtk_label_set_selectable (row->explanation_label, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (row->explanation_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (row->explanation_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (row->explanation_label), 9);
  gtk_widget_set_margin_bottom (GTK_WIDGET (row->explanation_label), 9);
  inner = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (inner), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (inner), GTK_WIDGET (row->explanation_label));
  adw_expander_row_add_row (row->row, inner);

  adw_preferences_group_add (group, GTK_WIDGET (row->row));
  g_hash_table_insert (self->rows, (gpointer) key, row);

  return row;
}

static void
update_check_row (CheckRow              *row,
                  const StrideRiskCheck *check)
{
  g_autofree char *evidence = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *summary = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row->row), check != NULL);
  if (check == NULL)
    return;

  evidence = evidence_text (check);
  explanation = g_strdup_printf ("%s\n\n%s", check->explanation, evidence);
  summary = check->note != NULL && *check->note != '\0'
            /* Translators: a check's numbers, then the user's note in quotes */
            ? g_strdup_printf (_("%s — “%s”"), check->summary, check->note)
            : g_strdup (check->summary);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), check->title);
  adw_expander_row_set_subtitle (row->row, summary);
  gtk_image_set_from_icon_name (row->icon, state_icon (check->state));
  set_state_class (GTK_WIDGET (row->icon), check->state);
  gtk_label_set_label (row->state_label, stride_risk_state_to_label (check->state));
  set_state_class (GTK_WIDGET (row->state_label), check->state);
  gtk_label_set_label (row->explanation_label, explanation);
}

/* User items */

/* Keeps the page's copy of the answers in step with what was saved. */
static void
remember_answer (StrideRiskPage              *self,
                 const StrideChecklistAnswer *answer)
{
  StrideChecklistAnswer copy = { 0, };

  for (guint i = 0; i < self->answers->len; i++)
    {
      StrideChecklistAnswer *known = &g_array_index (self->answers, StrideChecklistAnswer, i);

      if (g_str_equal (known->iso_week, answer->iso_week)
          && g_str_equal (known->item_id, answer->item_id))
        {
          g_array_remove_index (self->answers, i);
          break;
        }
    }

  copy.iso_week = g_strdup (answer->iso_week);
  copy.item_id = g_strdup (answer->item_id);
  copy.state = g_strdup (answer->state);
  copy.note = g_strdup (answer->note);
  g_array_append_val (self->answers, copy);
}

static void
save_answer (StrideRiskPage *self,
             CheckRow       *row,
             const char     *state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *week = NULL;
  StrideChecklistAnswer answer = { 0, };
  const char *note;

  if (self->updating || self->store == NULL || self->journal == NULL)
    return;

  week = stride_iso_week_format (self->monday);
  note = gtk_editable_get_text (GTK_EDITABLE (row->note_row));
  answer.iso_week = week;
  answer.item_id = (char *) row->id;
  answer.state = (char *) state;
  answer.note = *note != '\0' ? (char *) note : NULL;

  if (!stride_store_set_checklist_answer (self->store, &answer, &error))
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_APPLICATION_WINDOW);
      g_autofree char *message = g_strdup_printf (_("Could not save your answer: %s"),
                                                  error->message);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Answer Not Saved"),
                                                  message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  stride_risk_journal_add_answer (self->journal, &answer);
  remember_answer (self, &answer);
  refresh (self);
}

static void
answer_toggled_cb (GtkToggleButton *button,
                   StrideRiskPage  *self)
{
  CheckRow *row = g_object_get_data (G_OBJECT (button), "check-row");

  if (!gtk_toggle_button_get_active (button))
    return;

  save_answer (self, row, button == row->yes_button ? STRIDE_ANSWER_YES : STRIDE_ANSWER_NO);
}

static void
note_applied_cb (AdwEntryRow    *entry_row,
                 StrideRiskPage *self)
{
  CheckRow *row = g_object_get_data (G_OBJECT (entry_row), "check-row");

  /* A note alone says the item applied: it is the reason to write one. */
  save_answer (self, row,
               gtk_toggle_button_get_active (row->no_button) ? STRIDE_ANSWER_NO : STRIDE_ANSWER_YES);
}

static GtkToggleButton *
add_answer_button (StrideRiskPage  *self,
                   CheckRow        *row,
                   GtkWidget       *box,
                   const char      *label,
                   const char      *spoken)
{
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
  g_object_set_data (G_OBJECT (button), "check-row", row);
  g_signal_connect (button, "toggled", G_CALLBACK (answer_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), button);

  return GTK_TOGGLE_BUTTON (button);
}

static void
add_user_row (StrideRiskPage *self,
              const UserItem *item)
{
  CheckRow *row = add_check_row (self, self->user_group, item->id, USER_ROW_KEY (item->id));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *yes_spoken = g_strdup_printf (_("%s: Yes"), _(item->title));
  g_autofree char *no_spoken = g_strdup_printf (_("%s: No"), _(item->title));

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  row->no_button = add_answer_button (self, row, box, _("No"), no_spoken);
  row->yes_button = add_answer_button (self, row, box, _("Yes"), yes_spoken);
  gtk_toggle_button_set_group (row->yes_button, row->no_button);
  adw_expander_row_add_action (row->row, box);

  row->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->note_row), _("Note"));
  adw_entry_row_set_show_apply_button (row->note_row, TRUE);
  g_object_set_data (G_OBJECT (row->note_row), "check-row", row);
  g_signal_connect (row->note_row, "apply", G_CALLBACK (note_applied_cb), self);
  adw_expander_row_add_row (row->row, GTK_WIDGET (row->note_row));

  /* The state word sits in the subtitle for user items; the buttons say it. */
  gtk_widget_set_visible (GTK_WIDGET (row->state_label), FALSE);
  gtk_label_set_label (row->explanation_label, _(item->question));
}

/* The user's answer for an item of the week shown, if any. */
static void
update_user_row (StrideRiskPage        *self,
                 CheckRow              *row,
                 const StrideRiskCheck *check,
                 const char            *state,
                 const char            *note,
                 const UserItem        *item)
{
  const char *subtitle;
  const char *current_note = gtk_editable_get_text (GTK_EDITABLE (row->note_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), _(item->title));
  if (state == NULL)
    subtitle = _("Not answered");
  else if (g_str_equal (state, STRIDE_ANSWER_YES))
    subtitle = note != NULL ? note : _("Yes");
  else
    subtitle = note != NULL ? note : _("No");
  adw_expander_row_set_subtitle (row->row, subtitle);

  gtk_toggle_button_set_active (row->yes_button, state != NULL && g_str_equal (state, STRIDE_ANSWER_YES));
  gtk_toggle_button_set_active (row->no_button, state != NULL && g_str_equal (state, STRIDE_ANSWER_NO));
  if (g_strcmp0 (current_note, note != NULL ? note : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row->note_row), note != NULL ? note : "");

  {
    StrideRiskState shown = check != NULL ? check->state : STRIDE_RISK_NOT_ENOUGH_DATA;

    /* The automatic pain check has its own row: here only the answer counts. */
    if (g_str_equal (item->id, STRIDE_CHECK_PAIN))
      shown = state == NULL ? STRIDE_RISK_NOT_ENOUGH_DATA
              : g_str_equal (state, STRIDE_ANSWER_YES) ? STRIDE_RISK_WARNING : STRIDE_RISK_OK;
    gtk_image_set_from_icon_name (row->icon, state_icon (shown));
    set_state_class (GTK_WIDGET (row->icon), shown);
    gtk_accessible_update_property (GTK_ACCESSIBLE (row->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    stride_risk_state_to_label (shown), -1);
  }
}

/* The answers of the week shown come from the store's copy in the journal:
 * the evaluated check carries the note, the toggles need the state. */
static void
update_user_rows (StrideRiskPage *self,
                  GArray         *week_checks,
                  GArray         *answers)
{
  g_autofree char *week = stride_iso_week_format (self->monday);

  for (guint i = 0; i < G_N_ELEMENTS (user_items); i++)
    {
      const UserItem *item = &user_items[i];
      CheckRow *row = g_hash_table_lookup (self->rows, USER_ROW_KEY (item->id));
      const char *state = NULL;
      const char *note = NULL;

      for (guint j = 0; answers != NULL && j < answers->len; j++)
        {
          const StrideChecklistAnswer *answer = &g_array_index (answers, StrideChecklistAnswer, j);

          if (g_str_equal (answer->iso_week, week) && g_str_equal (answer->item_id, item->id))
            {
              state = answer->state;
              note = answer->note;
            }
        }

      update_user_row (self, row, find_check (week_checks, item->id), state, note, item);
    }
}

/* The history strip */

static void
strip_cell_clicked_cb (GtkButton      *button,
                       StrideRiskPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  stride_risk_page_set_week (self, self->strip_last - 7 * (STRIDE_RISK_PAGE_STRIP_WEEKS - 1 - index));
}

static void
build_strip (StrideRiskPage *self)
{
  for (guint i = 0; i < STRIDE_RISK_PAGE_STRIP_WEEKS; i++)
    {
      GtkWidget *cell = gtk_button_new ();
      GtkWidget *icon = gtk_image_new ();

      gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
      gtk_button_set_child (GTK_BUTTON (cell), icon);
      gtk_widget_add_css_class (cell, "risk-cell");
      g_object_set_data (G_OBJECT (cell), "index", GUINT_TO_POINTER (i));
      g_signal_connect (cell, "clicked", G_CALLBACK (strip_cell_clicked_cb), self);
      gtk_box_append (self->strip_box, cell);
      self->strip_cells[i] = cell;
    }
}

/* On a narrow window the strip scrolls: keep the week shown in view (the
 * cells are all alike, so its share of the strip is its share of the
 * scrolled range). Called again whenever the scroller's size changes. */
static void
scroll_strip_to_week (StrideRiskPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->strip_scroller);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  double index;

  if (range <= 0.0 || self->strip_last == 0)
    return;

  index = STRIDE_RISK_PAGE_STRIP_WEEKS - 1 - ((double) self->strip_last - self->monday) / 7.0;
  index = CLAMP (index, 0.0, STRIDE_RISK_PAGE_STRIP_WEEKS - 1);
  gtk_adjustment_set_value (adjustment, range * index / (STRIDE_RISK_PAGE_STRIP_WEEKS - 1));
}

static gboolean
scroll_strip_idle_cb (gpointer user_data)
{
  g_autoptr(StrideRiskPage) self = user_data;

  scroll_strip_to_week (self);

  return G_SOURCE_REMOVE;
}

/* The viewport sets its adjustment's value while it is being allocated:
 * scroll once that is over. */
static void
strip_scroller_changed_cb (GtkAdjustment  *adjustment,
                           StrideRiskPage *self)
{
  g_idle_add (scroll_strip_idle_cb, g_object_ref (self));
}

/* The strip moves only when the week shown leaves it, so that picking a
 * week in it does not shift it under the pointer. */
static void
place_strip (StrideRiskPage *self,
             guint32         current_monday)
{
  guint32 span = 7 * (STRIDE_RISK_PAGE_STRIP_WEEKS - 1);

  if (self->strip_last == 0 || self->strip_last > current_monday)
    self->strip_last = current_monday;
  if (self->monday > self->strip_last)
    self->strip_last = self->monday;
  else if (self->monday + span < self->strip_last)
    self->strip_last = self->monday + span;
}

/* "Week 23" under the first cell, "Week 48" under the last. */
static void
label_strip_end (GtkLabel *label,
                 guint32   monday)
{
  g_autofree char *week = stride_iso_week_format (monday);
  g_autofree char *text = g_strdup_printf (_("Week %s"), strrchr (week, 'W') + 1);

  gtk_label_set_label (label, text);
}

static void
update_strip (StrideRiskPage             *self,
              const StrideRiskThresholds *thresholds,
              guint32                     today)
{
  StrideUnitSystem units = unit_system (self);

  label_strip_end (self->strip_first_label,
                   self->strip_last - 7 * (STRIDE_RISK_PAGE_STRIP_WEEKS - 1));
  label_strip_end (self->strip_last_label, self->strip_last);

  for (guint i = 0; i < STRIDE_RISK_PAGE_STRIP_WEEKS; i++)
    {
      guint32 monday = self->strip_last - 7 * (STRIDE_RISK_PAGE_STRIP_WEEKS - 1 - i);
      GtkWidget *cell = self->strip_cells[i];
      StrideRiskState state = STRIDE_RISK_NOT_ENOUGH_DATA;
      g_autofree char *week = stride_iso_week_format (monday);
      g_autofree char *tooltip = NULL;

      if (self->journal != NULL)
        {
          g_autoptr(GArray) checks = stride_risk_evaluate_week (self->journal, monday, today,
                                                                thresholds, units);

          state = stride_risk_checks_worst (checks, FALSE);
        }

      /* Translators: "2026-W48: Caution", a week of the history strip */
      tooltip = g_strdup_printf (_("%s: %s"), week, stride_risk_state_to_label (state));
      gtk_widget_set_tooltip_text (cell, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      gtk_image_set_from_icon_name (GTK_IMAGE (gtk_button_get_child (GTK_BUTTON (cell))),
                                    state_icon (state));
      set_state_class (cell, state);
      if (monday == self->monday)
        gtk_widget_add_css_class (cell, "selected");
      else
        gtk_widget_remove_css_class (cell, "selected");
    }

  scroll_strip_to_week (self);
}

/* The headline: the single-run spike rule, the best-supported one. */
static void
update_headline (StrideRiskPage        *self,
                 const StrideRiskCheck *spike)
{
  g_autofree char *source = NULL;

  if (spike == NULL)
    return;

  source = evidence_text (spike);
  gtk_image_set_from_icon_name (self->headline_icon, state_icon (spike->state));
  set_state_class (GTK_WIDGET (self->headline_icon), spike->state);
  gtk_label_set_label (self->headline_title, spike->title);
  gtk_label_set_label (self->headline_state, stride_risk_state_to_label (spike->state));
  set_state_class (GTK_WIDGET (self->headline_state), spike->state);
  gtk_label_set_label (self->headline_summary, spike->summary);
  gtk_label_set_label (self->headline_explanation, spike->explanation);
  gtk_label_set_label (self->headline_source, source);
  set_state_class (self->headline_card, spike->state);
}

static void
update_week_labels (StrideRiskPage *self,
                    guint32         current_monday)
{
  /* Translators: the first day of a week, see strftime(3), e.g. "23 Nov" */
  g_autofree char *first = stride_form_format_day (self->monday, _("%-d %b"));
  /* Translators: the last day of a week, see strftime(3), e.g. "29 Nov 2026" */
  g_autofree char *last = stride_form_format_day (self->monday + 6, _("%-d %b %Y"));
  g_autofree char *week = stride_iso_week_format (self->monday);
  g_autofree char *title = NULL;
  g_autofree char *dates = NULL;
  const char *number = strrchr (week, 'W') + 1;

  if (self->monday == current_monday)
    /* Translators: the week shown on the Risk page, %s its ISO number ("48") */
    title = g_strdup_printf (_("This Week · Week %s"), number);
  else if (self->monday + 7 == current_monday)
    title = g_strdup_printf (_("Last Week · Week %s"), number);
  else
    title = g_strdup_printf (_("Week %s"), number);

  /* Translators: the days of a week, "23 Nov – 29 Nov 2026" */
  dates = g_strdup_printf (_("%s – %s"), first, last);
  gtk_label_set_label (self->week_label, title);
  gtk_label_set_label (self->dates_label, dates);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.next-week", self->monday < current_monday);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.this-week", self->monday != current_monday);
}

static void
update_group (StrideRiskPage      *self,
              AdwPreferencesGroup *group,
              const char *const   *ids,
              guint                n_ids,
              GArray              *checks)
{
  gtk_widget_set_visible (GTK_WIDGET (group), checks != NULL);
  for (guint i = 0; i < n_ids; i++)
    update_check_row (g_hash_table_lookup (self->rows, ids[i]), find_check (checks, ids[i]));
}

static void
append_checks (GArray *all,
               GArray *checks)
{
  /* The rows show copies; the clear func of @all frees them. */
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (checks, StrideRiskCheck, i);
      StrideRiskCheck copy = *check;

      copy.title = g_strdup (check->title);
      copy.summary = g_strdup (check->summary);
      copy.explanation = g_strdup (check->explanation);
      copy.note = g_strdup (check->note);
      g_array_append_val (all, copy);
    }
}

static void
set_has_warning (StrideRiskPage *self,
                 gboolean        has_warning)
{
  if (self->has_warning == has_warning)
    return;

  self->has_warning = has_warning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_WARNING]);
}

static void
update_race_group (StrideRiskPage *self,
                   GArray         *race_checks,
                   const StrideRace *race,
                   StrideUnitSystem units)
{
  g_autofree char *day = NULL;
  g_autofree char *distance = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  update_group (self, self->race_group, race_check_ids, G_N_ELEMENTS (race_check_ids),
                race_checks);
  if (race_checks == NULL || race->name == NULL)
    return;

  /* Translators: the day of a race, see strftime(3), e.g. "Sun 25 Apr 2027" */
  day = stride_form_format_day (race->date, _("%a %-d %b %Y"));
  distance = stride_units_format_distance (race->distance_m, units);
  /* Translators: the title of the race checklist, %s the race's name */
  title = g_strdup_printf (_("Before %s"), race->name);
  /* Translators: a race's day · distance */
  description = g_strdup_printf (_("%s · %s"), day, distance);
  adw_preferences_group_set_title (self->race_group, title);
  adw_preferences_group_set_description (self->race_group, description);
}

static void
refresh (StrideRiskPage *self)
{
  StrideRiskThresholds thresholds;
  StrideUnitSystem units = unit_system (self);
  guint32 today = stride_today_julian ();
  guint32 current_monday = stride_iso_week_monday (today);
  g_autoptr(GArray) week_checks = NULL;
  g_autoptr(GArray) race_checks = NULL;
  g_autoptr(GArray) return_checks = NULL;
  StrideRace race = { 0, };

  if (self->monday == 0 || self->monday > current_monday)
    self->monday = current_monday;

  read_thresholds (self, &thresholds);
  if (self->journal != NULL)
    stride_risk_journal_set_previous_injury (self->journal,
                                             g_settings_get_boolean (self->settings,
                                                                     "previous-injury"));

  update_week_labels (self, current_monday);
  place_strip (self, current_monday);

  if (self->journal == NULL)
    return;

  week_checks = stride_risk_evaluate_week (self->journal, self->monday, today, &thresholds, units);
  /* The race and return checklists are about today, so they show with
   * the current week only. */
  if (self->monday == current_monday)
    {
      race_checks = stride_risk_evaluate_race (self->journal, today, &thresholds, units, &race);
      return_checks = stride_risk_evaluate_return (self->journal, today, &thresholds, units);
    }

  self->updating = TRUE;
  update_headline (self, find_check (week_checks, STRIDE_CHECK_SPIKE));
  update_group (self, self->checks_group, auto_check_ids, G_N_ELEMENTS (auto_check_ids),
                week_checks);
  update_user_rows (self, week_checks, self->answers);
  update_race_group (self, race_checks, &race, units);
  update_group (self, self->return_group, return_check_ids, G_N_ELEMENTS (return_check_ids),
                return_checks);
  update_strip (self, &thresholds, today);
  self->updating = FALSE;

  g_array_set_size (self->shown_checks, 0);
  append_checks (self->shown_checks, week_checks);
  append_checks (self->shown_checks, race_checks);
  append_checks (self->shown_checks, return_checks);

  /* The badge is about this week, whichever week is shown. */
  if (self->monday == current_monday)
    set_has_warning (self, stride_risk_checks_worst (week_checks, FALSE) == STRIDE_RISK_WARNING);
  else
    {
      g_autoptr(GArray) current = stride_risk_evaluate_week (self->journal, current_monday, today,
                                                             &thresholds, units);

      set_has_warning (self, stride_risk_checks_worst (current, FALSE) == STRIDE_RISK_WARNING);
    }

  stride_race_clear (&race);
}

/* Loading */

typedef struct
{
  char              *path;
  StrideRiskJournal *journal;
  GArray            *answers;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->journal, stride_risk_journal_free);
  g_clear_pointer (&job->answers, g_array_unref);
  g_free (job);
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
  g_autoptr(GError) error = NULL;

  store = stride_store_open (job->path, &error);
  if (store != NULL)
    job->journal = stride_store_load_risk_journal (store, &error);
  if (job->journal != NULL)
    job->answers = stride_store_list_checklist_answers (store, NULL, &error);

  if (job->answers == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_loading (StrideRiskPage *self,
             gboolean        loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->loading_spinner, loading);
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  StrideRiskPage *self = STRIDE_RISK_PAGE (source_object);
  LoadJob *job = g_task_get_task_data (G_TASK (result));

  switch (stride_page_loader_finish (&self->loader, result, "the journal for the checklist"))
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

  g_clear_pointer (&self->journal, stride_risk_journal_free);
  g_clear_pointer (&self->answers, g_array_unref);
  self->journal = g_steal_pointer (&job->journal);
  self->answers = g_steal_pointer (&job->answers);
  set_loading (self, FALSE);
  refresh (self);
  gtk_stack_set_visible_child_name (self->state_stack, "checks");
  g_signal_emit (self, signals[LOADED], 0);
}

static void
load (StrideRiskPage *self)
{
  LoadJob *job;

  if (self->store == NULL)
    return;

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (stride_store_get_path (self->store));

  set_loading (self, TRUE);
  if (self->journal == NULL)
    gtk_stack_set_visible_child_name (self->state_stack, "loading");

  stride_page_loader_run (&self->loader, self, job, load_job_free, load_thread, load_done_cb);
}

/* Actions */

static void
previous_week_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StrideRiskPage *self = STRIDE_RISK_PAGE (widget);

  stride_risk_page_set_week (self, self->monday - 7);
}

static void
next_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StrideRiskPage *self = STRIDE_RISK_PAGE (widget);

  stride_risk_page_set_week (self, self->monday + 7);
}

static void
this_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  stride_risk_page_set_week (STRIDE_RISK_PAGE (widget), stride_iso_week_monday (stride_today_julian ()));
}

/* The disclaimer of RISK-RULES.md, in the dialog and at the page's foot. */
static const char *
disclaimer_text (void)
{
  return _("These checks are not medical advice and never a diagnosis. Their thresholds are "
           "population defaults, several of them contested, and you can change them in "
           "Preferences. A single strength test is noisy, so one test never raises an "
           "imbalance on its own. Pain that persists needs a physiotherapist or a doctor.");
}

static void
disclaimer_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        StrideRiskPage   *self)
{
  g_settings_set_boolean (self->settings, "risk-disclaimer-seen", TRUE);
  self->disclaimer_dialog = NULL;
}

void
stride_risk_page_show_disclaimer (StrideRiskPage *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (STRIDE_IS_RISK_PAGE (self));

  if (self->disclaimer_dialog != NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("About the Injury-Risk Checklist"), disclaimer_text ());
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "understood", _("_I Understand"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "understood");
  g_signal_connect_object (dialog, "response", G_CALLBACK (disclaimer_response_cb), self, 0);
  self->disclaimer_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
settings_changed_cb (StrideRiskPage *self,
                     const char     *key)
{
  if (g_str_equal (key, "risk-disclaimer-seen") || g_str_has_prefix (key, "window-")
      || g_str_equal (key, "last-page"))
    return;

  refresh (self);
}

/* GtkWidget */

static gboolean
show_disclaimer_once_cb (gpointer user_data)
{
  StrideRiskPage *self = user_data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self))
      && !g_settings_get_boolean (self->settings, "risk-disclaimer-seen"))
    stride_risk_page_show_disclaimer (self);

  return G_SOURCE_REMOVE;
}

static void
stride_risk_page_map (GtkWidget *widget)
{
  StrideRiskPage *self = STRIDE_RISK_PAGE (widget);

  GTK_WIDGET_CLASS (stride_risk_page_parent_class)->map (widget);

  /* Entries may have changed on another page since the last look. */
  load (self);
  /* After the page has drawn, so the dialog has something to sit on. */
  g_idle_add_full (G_PRIORITY_LOW, show_disclaimer_once_cb, g_object_ref (self), g_object_unref);
}

static void
stride_risk_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StrideRiskPage *self = STRIDE_RISK_PAGE (object);

  switch (prop_id)
    {
    case PROP_HAS_WARNING:
      g_value_set_boolean (value, self->has_warning);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stride_risk_page_dispose (GObject *object)
{
  StrideRiskPage *self = STRIDE_RISK_PAGE (object);

  stride_page_loader_clear (&self->loader);
  if (self->disclaimer_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->disclaimer_dialog));
  self->disclaimer_dialog = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), STRIDE_TYPE_RISK_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->journal, stride_risk_journal_free);
  g_clear_pointer (&self->answers, g_array_unref);
  g_clear_pointer (&self->shown_checks, g_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (stride_risk_page_parent_class)->dispose (object);
}

static void
stride_risk_page_class_init (StrideRiskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_risk_page_dispose;
  object_class->get_property = stride_risk_page_get_property;
  widget_class->map = stride_risk_page_map;

  properties[PROP_HAS_WARNING] =
    g_param_spec_boolean ("has-warning", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StrideRiskPage::loaded:
   *
   * Emitted when the journal has been read and the checklist shown.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-risk-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, checks_group);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, dates_label);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, headline_card);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, headline_explanation);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, headline_icon);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, headline_source);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, headline_state);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, headline_summary);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, headline_title);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, race_group);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, return_group);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, strip_box);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, strip_scroller);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, strip_first_label);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, strip_last_label);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, user_group);
  gtk_widget_class_bind_template_child (widget_class, StrideRiskPage, week_label);

  gtk_widget_class_install_action (widget_class, "risk.previous-week", NULL, previous_week_action);
  gtk_widget_class_install_action (widget_class, "risk.next-week", NULL, next_week_action);
  gtk_widget_class_install_action (widget_class, "risk.this-week", NULL, this_week_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "riskpage");
}

/* Managed by the window, so they work wherever the focus is while the
 * page shows (the focus often stays in the header bar). */
static void
add_shortcuts (StrideRiskPage *self)
{
  static const struct { const char *trigger; const char *action; } shortcuts[] = {
    { "<Alt>Left", "risk.previous-week" },
    { "<Alt>Right", "risk.next-week" },
    { "<Alt>Home", "risk.this-week" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
stride_risk_page_init (StrideRiskPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  stride_page_loader_init (&self->loader);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, check_row_free);
  self->shown_checks = g_array_new (FALSE, TRUE, sizeof (StrideRiskCheck));
  g_array_set_clear_func (self->shown_checks, (GDestroyNotify) stride_risk_check_clear);
  self->answers = g_array_new (FALSE, TRUE, sizeof (StrideChecklistAnswer));
  g_array_set_clear_func (self->answers, (GDestroyNotify) stride_checklist_answer_clear);

  for (guint i = 0; i < G_N_ELEMENTS (auto_check_ids); i++)
    add_check_row (self, self->checks_group, auto_check_ids[i], auto_check_ids[i]);
  for (guint i = 0; i < G_N_ELEMENTS (user_items); i++)
    add_user_row (self, &user_items[i]);
  for (guint i = 0; i < G_N_ELEMENTS (race_check_ids); i++)
    add_check_row (self, self->race_group, race_check_ids[i], race_check_ids[i]);
  for (guint i = 0; i < G_N_ELEMENTS (return_check_ids); i++)
    add_check_row (self, self->return_group, return_check_ids[i], return_check_ids[i]);
  build_strip (self);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->strip_scroller), "changed",
                           G_CALLBACK (strip_scroller_changed_cb), self, 0);
  add_shortcuts (self);
  gtk_label_set_label (self->disclaimer_label, disclaimer_text ());

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

void
stride_risk_page_set_store (StrideRiskPage *self,
                            StrideStore    *store)
{
  g_return_if_fail (STRIDE_IS_RISK_PAGE (self));
  g_return_if_fail (!store || STRIDE_IS_STORE (store));

  /* Reads of the previous journal are of no use any more. */
  stride_page_loader_reset (&self->loader);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->journal, stride_risk_journal_free);
  g_array_set_size (self->answers, 0);
  g_array_set_size (self->shown_checks, 0);
  self->monday = 0;
  self->strip_last = 0;
  set_has_warning (self, FALSE);

  if (store == NULL)
    {
      set_loading (self, FALSE);
      refresh (self);
      return;
    }

  load (self);
}

void
stride_risk_page_reload (StrideRiskPage *self)
{
  g_return_if_fail (STRIDE_IS_RISK_PAGE (self));

  load (self);
}

guint32
stride_risk_page_get_week (StrideRiskPage *self)
{
  g_return_val_if_fail (STRIDE_IS_RISK_PAGE (self), 0);

  return self->monday;
}

void
stride_risk_page_set_week (StrideRiskPage *self,
                           guint32         monday)
{
  g_return_if_fail (STRIDE_IS_RISK_PAGE (self));

  monday = stride_iso_week_monday (monday);
  if (monday > stride_iso_week_monday (stride_today_julian ()))
    return;

  self->monday = monday;
  refresh (self);
}

gboolean
stride_risk_page_is_loading (StrideRiskPage *self)
{
  g_return_val_if_fail (STRIDE_IS_RISK_PAGE (self), FALSE);

  return self->loading;
}

gboolean
stride_risk_page_get_has_warning (StrideRiskPage *self)
{
  g_return_val_if_fail (STRIDE_IS_RISK_PAGE (self), FALSE);

  return self->has_warning;
}

StrideRiskState
stride_risk_page_get_state (StrideRiskPage *self,
                            const char     *check_id)
{
  const StrideRiskCheck *check;

  g_return_val_if_fail (STRIDE_IS_RISK_PAGE (self), STRIDE_RISK_NOT_ENOUGH_DATA);
  g_return_val_if_fail (check_id != NULL, STRIDE_RISK_NOT_ENOUGH_DATA);

  check = find_check (self->shown_checks, check_id);

  return check != NULL ? check->state : STRIDE_RISK_NOT_ENOUGH_DATA;
}
