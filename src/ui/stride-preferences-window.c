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
  AdwPreferencesGroup  *load_group;
  AdwPreferencesGroup  *strength_group;
  AdwPreferencesGroup  *body_group;
  GtkSwitch            *previous_injury_switch;

  GSettings            *settings;
};

/* The checklist's thresholds (RISK-RULES.md §5), one spin row each. The
 * ranges come from the schema, so a row can't store what GSettings would
 * refuse. */
typedef enum
{
  GROUP_LOAD,
  GROUP_STRENGTH,
  GROUP_BODY,
} ThresholdGroup;

typedef struct
{
  const char     *key;
  const char     *title;
  const char     *subtitle;
  double          step;
  guint           digits;
  ThresholdGroup  group;
} ThresholdRow;

static const ThresholdRow threshold_rows[] = {
  { "risk-spike-caution", N_("Single-Run Spike: Caution"), N_("Percent of the longest run in the previous 30 days"), 1, 0, GROUP_LOAD },
  { "risk-spike-warning", N_("Single-Run Spike: Warning"), N_("Percent of the longest run in the previous 30 days"), 1, 0, GROUP_LOAD },
  { "risk-acwr-low", N_("Acute:Chronic Load: Low"), N_("Below this ratio: caution"), 0.05, 2, GROUP_LOAD },
  { "risk-acwr-high", N_("Acute:Chronic Load: High"), N_("Above this ratio: caution"), 0.05, 2, GROUP_LOAD },
  { "risk-acwr-warning", N_("Acute:Chronic Load: Warning"), N_("At or above this ratio: warning"), 0.05, 2, GROUP_LOAD },
  { "risk-ramp-caution", N_("Weekly Distance Increase"), N_("Percent more than two weeks before: caution"), 1, 0, GROUP_LOAD },
  { "risk-monotony-caution", N_("Training Monotony"), N_("Mean daily load ÷ its standard deviation: caution above"), 0.1, 1, GROUP_LOAD },
  { "risk-strength-sessions", N_("Strength Sessions per Week"), N_("Fewer outside a taper: caution"), 1, 0, GROUP_STRENGTH },
  { "risk-spacing-after-run", N_("Hours After a Run"), N_("Strength work sooner after a run the same day: caution"), 0.5, 1, GROUP_STRENGTH },
  { "risk-spacing-before-key", N_("Hours Before a Key Run"), N_("Strength work closer before intervals, tempo, a long run or a race: caution"), 1, 0, GROUP_STRENGTH },
  { "risk-lsi-watch", N_("Limb Symmetry: Watch"), N_("Percent, weaker ÷ stronger side: caution below"), 1, 0, GROUP_STRENGTH },
  { "risk-lsi-warning", N_("Limb Symmetry: Warning"), N_("Percent, in two tests in a row: warning below"), 1, 0, GROUP_STRENGTH },
  { "risk-pain-severity", N_("Pain Severity"), N_("On a scale of 0 to 10: warning at or above"), 1, 0, GROUP_BODY },
  { "risk-pain-days", N_("Days of Pain in One Spot"), N_("In the same week: warning"), 1, 0, GROUP_BODY },
  { "risk-shoe-limit", N_("Shoe Distance Limit"), N_("Kilometres, unless a shoe has a limit of its own"), 50, 0, GROUP_BODY },
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

/* GSettings stores doubles, unsigned and signed ints; the spin button's
 * adjustment is a double. */
static gboolean
number_to_value (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  if (g_variant_is_of_type (variant, G_VARIANT_TYPE_DOUBLE))
    g_value_set_double (value, g_variant_get_double (variant));
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE_UINT32))
    g_value_set_double (value, g_variant_get_uint32 (variant));
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE_INT32))
    g_value_set_double (value, g_variant_get_int32 (variant));
  else
    return FALSE;

  return TRUE;
}

static GVariant *
value_to_number (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  double number = g_value_get_double (value);

  if (g_variant_type_equal (expected_type, G_VARIANT_TYPE_UINT32))
    return g_variant_new_uint32 ((guint32) MAX (0, number + 0.5));
  if (g_variant_type_equal (expected_type, G_VARIANT_TYPE_INT32))
    return g_variant_new_int32 ((gint32) (number < 0 ? number - 0.5 : number + 0.5));

  return g_variant_new_double (number);
}

static void
key_range (GSettings  *settings,
           const char *key,
           double     *lower,
           double     *upper)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) bounds = NULL;
  g_autoptr(GVariant) min = NULL;
  g_autoptr(GVariant) max = NULL;
  const char *type;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &type, &bounds);
  g_variant_get (bounds, "(vv)", &min, &max);

  *lower = 0;
  *upper = 0;
  {
    GValue value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_DOUBLE);
    if (number_to_value (&value, min, NULL))
      *lower = g_value_get_double (&value);
    if (number_to_value (&value, max, NULL))
      *upper = g_value_get_double (&value);
    g_value_unset (&value);
  }
}

static void
add_threshold_row (StridePreferencesWindow *self,
                   const ThresholdRow      *spec)
{
  AdwPreferencesGroup *groups[] = { self->load_group, self->strength_group, self->body_group };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin;
  double lower, upper;

  key_range (self->settings, spec->key, &lower, &upper);
  spin = gtk_spin_button_new_with_range (lower, upper, spec->step);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), spec->digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(spec->title), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(spec->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(spec->subtitle));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (groups[spec->group], row);

  g_settings_bind_with_mapping (self->settings, spec->key,
                                gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), "value",
                                G_SETTINGS_BIND_DEFAULT, number_to_value, value_to_number,
                                NULL, NULL);
}

static void
restore_thresholds_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  StridePreferencesWindow *self = STRIDE_PREFERENCES_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (threshold_rows); i++)
    g_settings_reset (self->settings, threshold_rows[i].key);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Thresholds restored to their defaults")));
}

static void
stride_preferences_window_dispose (GObject *object)
{
  g_clear_object (&STRIDE_PREFERENCES_WINDOW (object)->settings);
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
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow, load_group);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow, strength_group);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow, body_group);
  gtk_widget_class_bind_template_child (widget_class, StridePreferencesWindow, previous_injury_switch);

  gtk_widget_class_install_action (widget_class, "preferences.restore-thresholds", NULL,
                                   restore_thresholds_action);
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

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "previous-injury", self->previous_injury_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (threshold_rows); i++)
    add_threshold_row (self, &threshold_rows[i]);

  return self;
}
