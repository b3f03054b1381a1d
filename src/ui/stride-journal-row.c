/* stride-journal-row.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-journal-row"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-journal-row.h"
#include "stride-labels.h"

/* Built in code, not from a template, with two labels instead of five:
 * GtkListView (GTK 4.8) keeps up to 200 rows alive, and building them is
 * most of what a 10-year journal adds to the first frame. */
struct _StrideJournalRow
{
  GtkWidget   parent_instance;

  GtkImage   *icon;
  GtkLabel   *main_label;      /* title, date line, detail */
  GtkLabel   *amount_label;    /* distance / sets / severity, duration */

  const char *kind_class;
};

/* What one row shows; every field is owned. */
typedef struct
{
  const char *icon_name;
  const char *kind_class;
  char       *title;
  char       *subtitle;
  char       *detail;
  char       *amount;
  char       *duration;
} RowTexts;

static void
row_texts_clear (RowTexts *texts)
{
  g_free (texts->title);
  g_free (texts->subtitle);
  g_free (texts->detail);
  g_free (texts->amount);
  g_free (texts->duration);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowTexts, row_texts_clear)

G_DEFINE_FINAL_TYPE (StrideJournalRow, stride_journal_row, GTK_TYPE_WIDGET)

static char *
format_when (StrideJournalItem *item,
             gboolean           with_time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (stride_journal_item_get_tz_offset_s (item));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (stride_journal_item_get_start_utc (item));
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_timezone (utc, zone);
  /* Translators: a journal entry's date with its local start time, see
   * the strftime(3) manual page. */
  return g_date_time_format (local, with_time ? _("%a %e %b %Y, %H:%M") : _("%a %e %b %Y"));
}

/* The model joins names or ids with ", "; each is shown translated. */
static char *
format_list (const char  *detail,
             const char *(*label_for) (const char *id))
{
  g_auto(GStrv) ids = g_strsplit (detail != NULL ? detail : "", ", ", -1);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (ids[i][0] == '\0')
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, label_for (ids[i]));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
translate_exercise_name (const char *name)
{
  return _(name);
}

static char *
format_pain (StrideJournalItem *item)
{
  const char *detail = stride_journal_item_get_detail (item);
  g_auto(GStrv) parts = g_strsplit (detail != NULL ? detail : "", ":", 2);
  const char *location = parts[0] != NULL ? stride_label_for_location (parts[0]) : "";
  StrideSide side = STRIDE_SIDE_BOTH;

  if (parts[0] != NULL && parts[1] != NULL && stride_side_from_id (parts[1], &side))
    /* Translators: a pain entry's title: body location and side. */
    return g_strdup_printf (_("Pain: %s (%s)"), location, stride_label_for_side (side));

  return g_strdup_printf (_("Pain: %s"), location);
}

static void
fill_activity (RowTexts          *texts,
               StrideJournalItem *item,
               StrideUnitSystem   distance_units,
               StrideUnitSystem   pace_units)
{
  StrideSport sport = stride_journal_item_get_sport (item);
  double distance = stride_journal_item_get_distance_m (item);
  double duration = stride_journal_item_get_duration_s (item);
  const char *title = stride_journal_item_get_title (item);
  g_autofree char *when = format_when (item, TRUE);

  texts->icon_name = stride_icon_for_sport (sport);
  texts->duration = stride_units_format_duration (duration);

  if (sport == STRIDE_SPORT_STRENGTH)
    {
      gint n_sets = stride_journal_item_get_count (item);

      texts->kind_class = "strength";
      texts->title = g_strdup (title != NULL ? title : stride_label_for_sport (sport));
      texts->subtitle = g_steal_pointer (&when);
      texts->detail = format_list (stride_journal_item_get_detail (item), translate_exercise_name);
      texts->amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d set", "%d sets", n_sets),
                                       n_sets);
    }
  else
    {
      gint rpe = stride_journal_item_get_rpe (item);
      g_autofree char *pace = NULL;

      texts->kind_class = sport == STRIDE_SPORT_RUN ? "run" : "other";
      if (title == NULL)
        title = sport == STRIDE_SPORT_RUN
                ? stride_label_for_run_type (stride_journal_item_get_run_type (item))
                : stride_label_for_sport (sport);
      texts->title = g_strdup (title);
      texts->amount = distance > 0 ? stride_units_format_distance (distance, distance_units)
                                   : NULL;

      if (sport == STRIDE_SPORT_RUN && distance > 0 && duration > 0)
        pace = stride_units_format_pace (stride_units_pace_from (distance, duration),
                                         pace_units);

      if (pace != NULL && rpe > 0)
        /* Translators: date · pace · rated perceived exertion */
        texts->subtitle = g_strdup_printf (_("%s · %s · RPE %d"), when, pace, rpe);
      else if (pace != NULL)
        /* Translators: date · pace */
        texts->subtitle = g_strdup_printf (_("%s · %s"), when, pace);
      else
        texts->subtitle = g_steal_pointer (&when);
    }
}

static void
fill_test (RowTexts          *texts,
           StrideJournalItem *item)
{
  texts->icon_name = "stride-test-symbolic";
  texts->kind_class = "test";
  texts->title = g_strdup (_("Strength Test"));
  texts->subtitle = format_when (item, FALSE);
  texts->detail = format_list (stride_journal_item_get_detail (item), stride_label_for_test);
}

static void
fill_pain (RowTexts          *texts,
           StrideJournalItem *item)
{
  texts->icon_name = "stride-pain-symbolic";
  texts->kind_class = "pain";
  texts->title = format_pain (item);
  texts->subtitle = format_when (item, FALSE);
  /* Translators: pain severity on a 0–10 scale */
  texts->amount = g_strdup_printf (_("%d/10"), stride_journal_item_get_count (item));
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_get_year (date),
                                                   g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  return g_strstrip (g_date_time_format (noon, format));
}

/* A week header: "Week 48 · 23 Nov – 29 Nov 2026", then the week's sums. */
static void
fill_week (RowTexts          *texts,
           StrideJournalItem *item,
           StrideUnitSystem   distance_units)
{
  g_autoptr(GDate) first = g_date_new_julian (stride_journal_item_get_date (item));
  g_autoptr(GDate) last = g_date_new_julian (stride_journal_item_get_date (item));
  g_autofree char *distance = stride_units_format_distance (stride_journal_item_get_distance_m (item),
                                                            distance_units);
  g_autofree char *time = stride_units_format_duration (stride_journal_item_get_duration_s (item));
  guint n_strength = stride_journal_item_get_n_strength (item);
  double load = stride_journal_item_get_load (item);
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  g_date_add_days (last, 6);
  /* Translators: day and month of a week's first day, see strftime(3) */
  start_text = format_date (first, _("%e %b"));
  /* Translators: day, month and year of a week's last day, see strftime(3) */
  end_text = format_date (last, _("%e %b %Y"));

  texts->kind_class = NULL;
  texts->icon_name = NULL;
  /* Translators: a week header: ISO week number, first day – last day */
  texts->title = g_strdup_printf (_("Week %u · %s – %s"), g_date_get_iso8601_week_of_year (last),
                                  start_text, end_text);
  texts->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u strength session · load %.0f%s",
                                                  "%u strength sessions · load %.0f%s",
                                                  n_strength),
                                     n_strength, load,
                                     /* Translators: marks a load computed with default RPEs */
                                     stride_journal_item_get_load_estimated (item) ? _(" (estimated)") : "");
  texts->amount = g_steal_pointer (&distance);
  texts->duration = g_steal_pointer (&time);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Lines of escaped markup: @first bold, the others small, @second dimmed
 * when @dim_second. Empty lines are left out. */
static char *
markup_lines (const char *first,
              const char *second,
              const char *third,
              gboolean    dim_second)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  if (!is_blank (first))
    {
      escaped = g_markup_escape_text (first, -1);
      g_string_append_printf (markup, "<b>%s</b>", escaped);
      g_clear_pointer (&escaped, g_free);
    }
  if (!is_blank (second))
    {
      escaped = g_markup_escape_text (second, -1);
      g_string_append_printf (markup, "%s<span size=\"small\"%s>%s</span>", markup->len > 0 ? "\n" : "",
                              dim_second ? " alpha=\"60%\"" : "", escaped);
      g_clear_pointer (&escaped, g_free);
    }
  if (!is_blank (third))
    {
      escaped = g_markup_escape_text (third, -1);
      g_string_append_printf (markup, "%s<small>%s</small>", markup->len > 0 ? "\n" : "",
                              escaped);
    }

  return g_string_free (markup, FALSE);
}

static void
show_texts (StrideJournalRow *self,
            const RowTexts   *texts)
{
  g_autofree char *main_markup = markup_lines (texts->title, texts->subtitle, texts->detail, TRUE);
  g_autofree char *amount_markup = markup_lines (texts->amount, texts->duration, NULL, TRUE);
  g_autofree char *accessible = NULL;

  if (self->kind_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), self->kind_class);
  self->kind_class = texts->kind_class;
  if (texts->kind_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), texts->kind_class);
  gtk_image_set_from_icon_name (self->icon, texts->icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), texts->icon_name != NULL);
  if (texts->icon_name == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "week-header");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "week-header");

  gtk_label_set_markup (self->main_label, main_markup);
  gtk_label_set_markup (self->amount_label, amount_markup);

  /* One sentence for screen readers, not loose lines. */
  accessible = g_strjoin (", ", texts->title,
                          !is_blank (texts->subtitle) ? texts->subtitle : "",
                          !is_blank (texts->detail) ? texts->detail : "",
                          !is_blank (texts->amount) ? texts->amount : "",
                          !is_blank (texts->duration) ? texts->duration : "",
                          NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

void
stride_journal_row_set_item (StrideJournalRow  *self,
                             StrideJournalItem *item,
                             StrideUnitSystem   distance_units,
                             StrideUnitSystem   pace_units)
{
  g_auto(RowTexts) texts = { 0 };

  g_return_if_fail (STRIDE_IS_JOURNAL_ROW (self));
  g_return_if_fail (STRIDE_IS_JOURNAL_ITEM (item));

  switch (stride_journal_item_get_kind (item))
    {
    case STRIDE_JOURNAL_KIND_TEST:
      fill_test (&texts, item);
      break;

    case STRIDE_JOURNAL_KIND_PAIN:
      fill_pain (&texts, item);
      break;

    case STRIDE_JOURNAL_KIND_WEEK:
      fill_week (&texts, item, distance_units);
      break;

    case STRIDE_JOURNAL_KIND_ACTIVITY:
    default:
      fill_activity (&texts, item, distance_units, pace_units);
      break;
    }

  show_texts (self, &texts);
}

static void
stride_journal_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (stride_journal_row_parent_class)->dispose (object);
}

static void
stride_journal_row_class_init (StrideJournalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_journal_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journalrow");
}

static GtkLabel *
new_label (StrideJournalRow *self,
           float             xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_justify (GTK_LABEL (label), xalign > 0.5 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return GTK_LABEL (label);
}

static void
stride_journal_row_init (StrideJournalRow *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_box_layout_set_spacing (layout, 12);

  self->icon = g_object_new (GTK_TYPE_IMAGE,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                             NULL);
  gtk_image_set_pixel_size (self->icon, 16);
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), "kind-icon");
  gtk_widget_set_parent (GTK_WIDGET (self->icon), GTK_WIDGET (self));

  self->main_label = new_label (self, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->main_label), TRUE);
  self->amount_label = new_label (self, 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->amount_label), "numeric");
}

StrideJournalRow *
stride_journal_row_new (void)
{
  return g_object_new (STRIDE_TYPE_JOURNAL_ROW, NULL);
}
