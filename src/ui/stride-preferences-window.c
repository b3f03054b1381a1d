/* stride-preferences-window.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-preferences-window.h"

struct _StridePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *first_weekday_row;
  AdwComboRow          *pace_unit_row;
  AdwComboRow          *unit_system_row;
  AdwComboRow          *weight_unit_row;
};

G_DEFINE_FINAL_TYPE (StridePreferencesWindow, stride_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)


static gboolean
choice_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (choices[i], choice))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char *const *choices = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[selected]);
}

static void
bind_choice (GSettings         *settings,
             const char        *key,
             AdwComboRow       *row,
             const char *const *choices)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_to_selected, selected_to_choice,
                                (gpointer) choices, NULL);
}

static void
stride_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STRIDE_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (stride_preferences_window_parent_class)->dispose (object);
}

static void
stride_preferences_window_class_init (StridePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow, first_weekday_row);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow, pace_unit_row);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow, unit_system_row);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow, weight_unit_row);
}

static void
stride_preferences_window_init (StridePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

StridePreferencesWindow *
stride_preferences_window_new (GSettings *settings)
{
  StridePreferencesWindow *self;
  /* The rows list the schema's choices in this order. */
  static const char *const unit_system_choices[] = { "metric", "imperial", NULL };
  static const char *const pace_unit_choices[] = { "per-km", "per-mile", NULL };
  static const char *const weight_unit_choices[] = { "kg", "lb", NULL };
  static const char *const first_weekday_choices[] = { "locale", "monday", "sunday", NULL };

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (STRIDE_TYPE_PREFERENCES_WINDOW, NULL);
  bind_choice (settings, "unit-system", self->unit_system_row, unit_system_choices);
  bind_choice (settings, "pace-unit", self->pace_unit_row, pace_unit_choices);
  bind_choice (settings, "weight-unit", self->weight_unit_row, weight_unit_choices);
  bind_choice (settings, "first-weekday", self->first_weekday_row, first_weekday_choices);

  return self;
}
