/* stride-plan-day.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-plan-day"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-form.h"
#include "stride-labels.h"
#include "stride-plan-day.h"

/* The parts of a chip that change from one month to the next. Chips are
 * kept and filled again rather than made anew: moving between months
 * then costs text and classes, not widgets. */
typedef struct
{
  GtkWidget *widget;        /* the button (planned) or the box (done) */
  GtkImage  *kind_icon;
  GtkLabel  *label;
  GtkWidget *done_icon;
  GtkWidget *warning_icon;  /* planned chips only */
  gint64     id;
} Chip;

struct _StridePlanDay
{
  GtkWidget  parent_instance;

  guint32    date;
  GtkLabel  *number_label;
  GtkBox    *chips;
  GtkBox    *entry_box;     /* planned entries first… */
  GtkBox    *done_box;      /* …then what was done without a plan */
  GPtrArray *entry_chips;   /* Chip */
  GPtrArray *done_chips;    /* Chip */
};

G_DEFINE_FINAL_TYPE (StridePlanDay, stride_plan_day, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  ENTRY_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


const char *
stride_plan_kind_icon (StridePlanKind kind)
{
  switch (kind)
    {
    case STRIDE_PLAN_KIND_RUN:
      return "stride-run-symbolic";
    case STRIDE_PLAN_KIND_STRENGTH:
      return "stride-strength-symbolic";
    case STRIDE_PLAN_KIND_RACE:
      return "stride-activity-symbolic";
    case STRIDE_PLAN_KIND_REST:
      return "weather-clear-night-symbolic";
    case STRIDE_PLAN_KIND_CROSS:
    case STRIDE_N_PLAN_KINDS:
    default:
      return "stride-activity-symbolic";
    }
}

static const char *
kind_class (StridePlanKind kind)
{
  static const char *const classes[STRIDE_N_PLAN_KINDS] = {
    [STRIDE_PLAN_KIND_RUN] = "run",
    [STRIDE_PLAN_KIND_STRENGTH] = "strength",
    [STRIDE_PLAN_KIND_REST] = "rest",
    [STRIDE_PLAN_KIND_RACE] = "race",
    [STRIDE_PLAN_KIND_CROSS] = "cross",
  };

  return kind < STRIDE_N_PLAN_KINDS ? classes[kind] : "cross";
}

static const char *
kind_label (const StridePlanEntry *entry)
{
  switch (entry->kind)
    {
    case STRIDE_PLAN_KIND_RUN:
      return entry->run_type != STRIDE_RUN_TYPE_NONE ? stride_label_for_run_type (entry->run_type)
                                                     : _("Run");
    case STRIDE_PLAN_KIND_STRENGTH:
      return _("Strength");
    case STRIDE_PLAN_KIND_REST:
      return _("Rest");
    case STRIDE_PLAN_KIND_RACE:
      return _("Race");
    case STRIDE_PLAN_KIND_CROSS:
    case STRIDE_N_PLAN_KINDS:
    default:
      return _("Cross-Training");
    }
}

char *
stride_plan_entry_describe (const StridePlanEntry *entry,
                            StrideUnitSystem       units)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->target_distance_m > 0)
    {
      g_autofree char *distance = stride_units_format_distance (entry->target_distance_m, units);

      /* Translators: a planned entry and its target, "Long Run · 24 km" */
      return g_strdup_printf (_("%s · %s"), kind_label (entry), distance);
    }

  if (entry->target_duration_s > 0)
    {
      g_autofree char *duration = stride_units_format_duration (entry->target_duration_s);

      return g_strdup_printf (_("%s · %s"), kind_label (entry), duration);
    }

  return g_strdup (kind_label (entry));
}

static const char *
status_words (StridePlanStatus status)
{
  switch (status)
    {
    case STRIDE_PLAN_STATUS_DONE:
      return _("done");
    case STRIDE_PLAN_STATUS_SKIPPED:
      return _("skipped");
    case STRIDE_PLAN_STATUS_MOVED:
      return _("moved");
    case STRIDE_PLAN_STATUS_PLANNED:
    case STRIDE_N_PLAN_STATUSES:
    default:
      return _("planned");
    }
}

/* Chips */

static GdkContentProvider *
chip_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      Chip          *chip)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, chip->id);
}

static void
chip_clicked_cb (GtkButton     *button,
                 StridePlanDay *self)
{
  Chip *chip = g_object_get_data (G_OBJECT (button), "chip");

  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, chip->id);
}

/* An icon, a label that gives way to an ellipsis, a check mark and (for
 * planned entries) a warning sign, the last two shown when they apply. */
static Chip *
chip_new (GtkWidget *widget,
          GtkWidget *box)
{
  Chip *chip = g_new0 (Chip, 1);

  chip->widget = widget;
  chip->kind_icon = GTK_IMAGE (gtk_image_new ());
  chip->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (chip->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (chip->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (chip->label), TRUE);
  chip->done_icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (chip->kind_icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (chip->label));
  gtk_box_append (GTK_BOX (box), chip->done_icon);

  return chip;
}

/* A planned entry: a flat button (Enter or a click edits it) that can be
 * dragged to another day. */
static Chip *
entry_chip_new (StridePlanDay *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkDragSource *drag = gtk_drag_source_new ();
  Chip *chip = chip_new (button, box);

  chip->warning_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_box_append (GTK_BOX (box), chip->warning_icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  g_object_set_data_full (G_OBJECT (button), "chip", chip, g_free);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (chip_drag_prepare_cb), chip);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);
  gtk_box_append (self->entry_box, button);

  return chip;
}

static void
fill_entry_chip (Chip                  *chip,
                 const StridePlanEntry *entry,
                 const char            *warning,
                 StrideUnitSystem       units)
{
  g_autofree char *text = stride_plan_entry_describe (entry, units);
  g_autofree char *spoken = NULL;
  const char *classes[] = {
    "plan-chip", kind_class (entry->kind), stride_plan_status_to_id (entry->status),
    warning != NULL ? "breaks-rule" : NULL, NULL,
  };

  chip->id = entry->id;
  gtk_image_set_from_icon_name (chip->kind_icon, stride_plan_kind_icon (entry->kind));
  gtk_label_set_label (chip->label, text);
  gtk_widget_set_visible (chip->done_icon, entry->status == STRIDE_PLAN_STATUS_DONE);
  gtk_widget_set_visible (chip->warning_icon, warning != NULL);
  gtk_widget_set_css_classes (chip->widget, classes);

  if (warning != NULL)
    gtk_widget_set_tooltip_text (chip->widget, warning);
  else
    gtk_widget_set_tooltip_text (chip->widget, entry->description != NULL && *entry->description != '\0'
                                               ? entry->description : text);

  /* Translators: a plan entry for screen readers: "Long Run · 24 km, planned" */
  spoken = g_strdup_printf (_("%s, %s"), text, status_words (entry->status));
  if (warning != NULL)
    {
      char *with_warning = g_strdup_printf ("%s. %s", spoken, warning);

      g_free (spoken);
      spoken = with_warning;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip->widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
  gtk_widget_set_visible (chip->widget, TRUE);
}

/* Done but not planned: a quiet line with a check mark. */
static Chip *
done_chip_new (StridePlanDay *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  Chip *chip = chip_new (box, box);

  gtk_widget_add_css_class (box, "plan-chip");
  gtk_widget_add_css_class (box, "unplanned");
  g_object_set_data_full (G_OBJECT (box), "chip", chip, g_free);
  gtk_box_append (self->done_box, box);

  return chip;
}

static void
fill_done_chip (Chip       *chip,
                const char *icon_name,
                const char *text)
{
  g_autofree char *spoken = g_strdup_printf (_("%s, done"), text);

  gtk_image_set_from_icon_name (chip->kind_icon, icon_name);
  gtk_label_set_label (chip->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip->widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
  gtk_widget_set_visible (chip->widget, TRUE);
}

/* The @index-th chip of @chips, made when there are not that many yet. */
static Chip *
nth_chip (StridePlanDay *self,
          GPtrArray     *chips,
          guint          index,
          Chip        *(*make) (StridePlanDay *self))
{
  if (index >= chips->len)
    g_ptr_array_add (chips, make (self));

  return g_ptr_array_index (chips, index);
}

static void
hide_chips_from (GPtrArray *chips,
                 guint      first)
{
  for (guint i = first; i < chips->len; i++)
    gtk_widget_set_visible (((Chip *) g_ptr_array_index (chips, i))->widget, FALSE);
}

static gboolean
run_is_linked (const StrideRunSummary *run,
               const StridePlanEntry  *entries,
               guint                   n_entries)
{
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].activity_id == run->id)
      return TRUE;

  return FALSE;
}

static gboolean
strength_is_planned (const StridePlanEntry *entries,
                     guint                  n_entries)
{
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].kind == STRIDE_PLAN_KIND_STRENGTH && entries[i].status == STRIDE_PLAN_STATUS_DONE)
      return TRUE;

  return FALSE;
}

void
stride_plan_day_set_contents (StridePlanDay         *self,
                              const StridePlanEntry *entries,
                              guint                  n_entries,
                              const char *const     *warnings,
                              const StridePlanDone  *done,
                              StrideUnitSystem       units)
{
  guint n_done = 0;

  g_return_if_fail (STRIDE_IS_PLAN_DAY (self));

  for (guint i = 0; i < n_entries; i++)
    fill_entry_chip (nth_chip (self, self->entry_chips, i, entry_chip_new), &entries[i],
                     warnings != NULL ? warnings[i] : NULL, units);
  hide_chips_from (self->entry_chips, n_entries);

  for (guint i = 0; done != NULL && done->runs != NULL && i < done->runs->len; i++)
    {
      const StrideRunSummary *run = &g_array_index (done->runs, StrideRunSummary, i);
      g_autofree char *distance = NULL;
      g_autofree char *text = NULL;

      if (run_is_linked (run, entries, n_entries))
        continue;
      distance = stride_units_format_distance (run->distance_m, units);
      text = g_strdup_printf (_("%s · %s"), stride_label_for_run_type (run->run_type), distance);
      fill_done_chip (nth_chip (self, self->done_chips, n_done++, done_chip_new),
                      "stride-run-symbolic", text);
    }

  if (done != NULL && done->strength_s > 0 && !strength_is_planned (entries, n_entries))
    {
      g_autofree char *duration = stride_units_format_duration (done->strength_s);
      g_autofree char *text = g_strdup_printf (_("%s · %s"), _("Strength"), duration);

      fill_done_chip (nth_chip (self, self->done_chips, n_done++, done_chip_new),
                      "stride-strength-symbolic", text);
    }

  hide_chips_from (self->done_chips, n_done);
}

/* The day */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         StridePlanDay *self)
{
  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-here");
  g_signal_emit (self, signals[ENTRY_DROPPED], 0, g_value_get_int64 (value));
  return TRUE;
}

/* The day under the pointer while a chip is dragged is marked. */
static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               StridePlanDay *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-here");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               StridePlanDay *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-here");
}

void
stride_plan_day_set_date (StridePlanDay *self,
                          guint32        julian,
                          gboolean       in_month,
                          gboolean       today)
{
  g_autoptr(GDate) date = NULL;
  g_autofree char *number = NULL;
  g_autofree char *spoken = NULL;

  g_return_if_fail (STRIDE_IS_PLAN_DAY (self));
  g_return_if_fail (g_date_valid_julian (julian));

  self->date = julian;
  date = g_date_new_julian (julian);
  number = g_strdup_printf ("%u", g_date_get_day (date));
  gtk_label_set_label (self->number_label, number);

  /* Translators: a day of the plan for screen readers, see strftime(3),
   * e.g. "Wednesday 25 November 2026" */
  spoken = stride_form_format_day (julian, _("%A %-d %B %Y"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  if (in_month)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "other-month");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "other-month");
  if (today)
    gtk_widget_add_css_class (GTK_WIDGET (self), "today");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "today");
}

guint32
stride_plan_day_get_date (StridePlanDay *self)
{
  g_return_val_if_fail (STRIDE_IS_PLAN_DAY (self), 0);

  return self->date;
}

static void
stride_plan_day_dispose (GObject *object)
{
  StridePlanDay *self = STRIDE_PLAN_DAY (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->number_label = NULL;
  self->chips = NULL;
  self->entry_box = NULL;
  self->done_box = NULL;
  g_clear_pointer (&self->entry_chips, g_ptr_array_unref);
  g_clear_pointer (&self->done_chips, g_ptr_array_unref);

  G_OBJECT_CLASS (stride_plan_day_parent_class)->dispose (object);
}

static void
stride_plan_day_class_init (StridePlanDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_plan_day_dispose;

  signals[ENTRY_ACTIVATED] = g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ENTRY_DROPPED] = g_signal_new ("entry-dropped", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planday");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stride_plan_day_init (StridePlanDay *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 3);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  self->number_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->number_label, 0);
  gtk_widget_set_halign (GTK_WIDGET (self->number_label), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "day-number");
  gtk_widget_set_parent (GTK_WIDGET (self->number_label), GTK_WIDGET (self));

  self->chips = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_widget_set_parent (GTK_WIDGET (self->chips), GTK_WIDGET (self));
  self->entry_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  self->done_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_box_append (self->chips, GTK_WIDGET (self->entry_box));
  gtk_box_append (self->chips, GTK_WIDGET (self->done_box));
  /* The chips belong to their widgets (object data): the arrays only list them. */
  self->entry_chips = g_ptr_array_new ();
  self->done_chips = g_ptr_array_new ();

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
stride_plan_day_new (void)
{
  return g_object_new (STRIDE_TYPE_PLAN_DAY, NULL);
}
