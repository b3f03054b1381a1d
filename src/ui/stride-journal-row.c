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

struct _StrideJournalRow
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkImage  *icon;
  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;
  GtkLabel  *detail_label;
  GtkLabel  *amount_label;
  GtkLabel  *duration_label;

  const char *kind_class;
};

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
set_kind_class (StrideJournalRow *self,
                const char       *css_class)
{
  if (self->kind_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), self->kind_class);
  self->kind_class = css_class;
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), css_class);
}

static void
show_activity (StrideJournalRow  *self,
               StrideJournalItem *item,
               StrideUnitSystem   distance_units,
               StrideUnitSystem   pace_units)
{
  StrideSport sport = stride_journal_item_get_sport (item);
  double distance = stride_journal_item_get_distance_m (item);
  double duration = stride_journal_item_get_duration_s (item);
  const char *title = stride_journal_item_get_title (item);
  g_autofree char *when = format_when (item, TRUE);
  g_autofree char *subtitle = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *time = stride_units_format_duration (duration);

  gtk_image_set_from_icon_name (self->icon, stride_icon_for_sport (sport));
  gtk_label_set_text (self->duration_label, time);

  if (sport == STRIDE_SPORT_STRENGTH)
    {
      gint n_sets = stride_journal_item_get_count (item);
      g_autofree char *exercises = format_list (stride_journal_item_get_detail (item),
                                                translate_exercise_name);

      set_kind_class (self, "strength");
      gtk_label_set_text (self->title_label, title != NULL ? title : stride_label_for_sport (sport));
      amount = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d set", "%d sets", n_sets), n_sets);
      gtk_label_set_text (self->detail_label, exercises);
      gtk_widget_set_visible (GTK_WIDGET (self->detail_label), *exercises != '\0');
      subtitle = g_strdup (when);
    }
  else
    {
      gint rpe = stride_journal_item_get_rpe (item);
      g_autofree char *pace = NULL;

      set_kind_class (self, sport == STRIDE_SPORT_RUN ? "run" : "other");
      if (title == NULL)
        title = sport == STRIDE_SPORT_RUN ? stride_label_for_run_type (stride_journal_item_get_run_type (item))
                                          : stride_label_for_sport (sport);
      gtk_label_set_text (self->title_label, title);
      gtk_widget_set_visible (GTK_WIDGET (self->detail_label), FALSE);
      amount = distance > 0 ? stride_units_format_distance (distance, distance_units) : g_strdup ("");

      if (sport == STRIDE_SPORT_RUN && distance > 0 && duration > 0)
        pace = stride_units_format_pace (stride_units_pace_from (distance, duration),
                                          pace_units);

      if (pace != NULL && rpe > 0)
        /* Translators: date · pace · rated perceived exertion */
        subtitle = g_strdup_printf (_("%s · %s · RPE %d"), when, pace, rpe);
      else if (pace != NULL)
        subtitle = g_strdup_printf ("%s · %s", when, pace);
      else
        subtitle = g_strdup (when);
    }

  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->amount_label, amount);
}

static void
show_test (StrideJournalRow  *self,
           StrideJournalItem *item)
{
  g_autofree char *when = format_when (item, FALSE);
  g_autofree char *tests = format_list (stride_journal_item_get_detail (item),
                                        stride_label_for_test);

  set_kind_class (self, "test");
  gtk_image_set_from_icon_name (self->icon, "stride-test-symbolic");
  gtk_label_set_text (self->title_label, _("Strength Test"));
  gtk_label_set_text (self->subtitle_label, when);
  gtk_label_set_text (self->detail_label, tests);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), *tests != '\0');
  gtk_label_set_text (self->amount_label, "");
  gtk_label_set_text (self->duration_label, "");
}

static void
show_pain (StrideJournalRow  *self,
           StrideJournalItem *item)
{
  g_autofree char *when = format_when (item, FALSE);
  g_autofree char *title = format_pain (item);
  /* Translators: pain severity on a 0–10 scale */
  g_autofree char *severity = g_strdup_printf (_("%d/10"), stride_journal_item_get_count (item));

  set_kind_class (self, "pain");
  gtk_image_set_from_icon_name (self->icon, "stride-pain-symbolic");
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, when);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), FALSE);
  gtk_label_set_text (self->amount_label, severity);
  gtk_label_set_text (self->duration_label, "");
}

/* One sentence for screen readers, so a row is not read as loose labels. */
static void
update_accessible_label (StrideJournalRow *self)
{
  g_autoptr(GString) text = g_string_new (gtk_label_get_text (self->title_label));
  GtkLabel *parts[] = { self->subtitle_label, self->detail_label, self->amount_label,
                        self->duration_label };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *part = gtk_label_get_text (parts[i]);

      if (gtk_widget_get_visible (GTK_WIDGET (parts[i])) && part != NULL && *part != '\0')
        g_string_append_printf (text, ", %s", part);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text->str, -1);
}

void
stride_journal_row_set_item (StrideJournalRow  *self,
                             StrideJournalItem *item,
                             StrideUnitSystem   distance_units,
                             StrideUnitSystem   pace_units)
{
  g_return_if_fail (STRIDE_IS_JOURNAL_ROW (self));
  g_return_if_fail (STRIDE_IS_JOURNAL_ITEM (item));

  switch (stride_journal_item_get_kind (item))
    {
    case STRIDE_JOURNAL_KIND_TEST:
      show_test (self, item);
      break;

    case STRIDE_JOURNAL_KIND_PAIN:
      show_pain (self, item);
      break;

    case STRIDE_JOURNAL_KIND_ACTIVITY:
    default:
      show_activity (self, item, distance_units, pace_units);
      break;
    }

  update_accessible_label (self);
}

static void
stride_journal_row_dispose (GObject *object)
{
  GtkWidget *child;

  /* The template's outer box has no id, so dispose_template leaves it. */
  gtk_widget_dispose_template (GTK_WIDGET (object), STRIDE_TYPE_JOURNAL_ROW);
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journalrow");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-journal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideJournalRow, amount_label);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalRow, duration_label);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalRow, icon);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StrideJournalRow, title_label);
}

static void
stride_journal_row_init (StrideJournalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

StrideJournalRow *
stride_journal_row_new (void)
{
  return g_object_new (STRIDE_TYPE_JOURNAL_ROW, NULL);
}
