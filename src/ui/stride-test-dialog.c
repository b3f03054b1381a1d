/* stride-test-dialog.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-test-dialog"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "stride-form.h"
#include "stride-labels.h"
#include "stride-metrics.h"
#include "stride-test-dialog.h"
#include "stride-units.h"

/* Units of measurement values, exactly as stored. */
#define UNIT_NM   "N·m"
#define UNIT_N    "N"
#define UNIT_KG   "kg"
#define UNIT_LB   "lb"
#define UNIT_CM   "cm"
#define UNIT_REPS "reps"

/* The methods that make sense for each test, in the order offered. */
static const char *const knee_methods[] = {
  STRIDE_METHOD_ISOKINETIC_60, STRIDE_METHOD_ISOKINETIC_180, STRIDE_METHOD_ISOKINETIC_300,
  STRIDE_METHOD_ISOKINETIC_30, STRIDE_METHOD_ISOKINETIC_240, STRIDE_METHOD_DYNAMOMETER, NULL
};
static const char *const eccentric_methods[] = {
  STRIDE_METHOD_ISOKINETIC_30, STRIDE_METHOD_ISOKINETIC_60, STRIDE_METHOD_ISOKINETIC_180,
  STRIDE_METHOD_FIELD, NULL
};
static const char *const hip_methods[] = {
  STRIDE_METHOD_DYNAMOMETER, STRIDE_METHOD_FIELD, NULL
};
static const char *const field_methods[] = { STRIDE_METHOD_FIELD, NULL };
static const char *const rm_methods[] = { STRIDE_METHOD_1RM, STRIDE_METHOD_E1RM, NULL };

static const char *const torque_units[] = { UNIT_NM, NULL };
static const char *const dynamometer_units[] = { UNIT_N, UNIT_NM, UNIT_KG, UNIT_LB, NULL };
static const char *const weight_units[] = { UNIT_KG, UNIT_LB, NULL };
static const char *const force_units[] = { UNIT_N, UNIT_KG, UNIT_LB, NULL };
static const char *const distance_units[] = { UNIT_CM, NULL };
static const char *const count_units[] = { UNIT_REPS, NULL };

/* One test of the day: a group with its test, method, unit and the two
 * legs. Owned by its group widget (object data). */
typedef struct
{
  StrideTestDialog    *dialog;
  AdwPreferencesGroup *group;
  AdwComboRow         *test_row;
  AdwComboRow         *method_row;
  AdwComboRow         *unit_row;
  AdwEntryRow         *left_row;
  AdwEntryRow         *right_row;
  GtkLabel            *left_unit;
  GtkLabel            *right_unit;
  AdwActionRow        *lsi_row;
  GtkImage            *lsi_icon;
  GtkLabel            *lsi_value;
  GtkLabel            *lsi_state;
  GtkLabel            *message;
  GtkWidget           *remove;

  /* What a leg showed when the day was loaded, and its exact value: an
   * unchanged text keeps the stored number (shown to two decimals). */
  char                *loaded_text[2];
  double               loaded_value[2];

  const char *const   *methods;   /* what method_row offers */
  const char *const   *units;     /* what unit_row offers */

  /* The last validation */
  double               left;
  double               right;
  guint                has_left : 1;
  guint                has_right : 1;
  guint                duplicate : 1;
  guint                valid : 1;
  guint                updating : 1;
} TestRow;

struct _StrideTestDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkWidget           *add_test_button;
  GtkLabel            *banner_label;
  GtkRevealer         *banner_revealer;
  GtkCalendar         *calendar;
  GtkLabel            *date_label;
  GtkPopover          *date_popover;
  GtkLabel            *day_note;
  GtkWidget           *delete_button;
  GtkWidget           *empty_label;
  AdwPreferencesGroup *hq_group;
  GtkBox              *tests_box;

  /* Owned references */
  StrideStore         *store;
  GPtrArray           *rows;          /* TestRow, borrowed from their groups */
  GPtrArray           *hq_rows;       /* rows of hq_group, borrowed */
  GArray              *kept;          /* StrideMeasurement the form can't show */

  guint32              original_date; /* the day being edited, 0 = new */
  guint32              date;
  guint                existing_on_date;
  StrideUnitSystem     weight_unit;
  guint                valid : 1;
  guint                blocked : 1;
  guint                loading : 1;
};

G_DEFINE_FINAL_TYPE (StrideTestDialog, stride_test_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void update (StrideTestDialog *self);

/* Ids, labels and rules */

static guint
strv_index (const char *const *strv,
            const char        *value)
{
  for (guint i = 0; value != NULL && strv[i] != NULL; i++)
    if (g_str_equal (strv[i], value))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static const char *const *
methods_for_test (const char *test)
{
  if (g_strcmp0 (test, STRIDE_TEST_KNEE_FLEXION) == 0
      || g_strcmp0 (test, STRIDE_TEST_KNEE_EXTENSION) == 0)
    return knee_methods;
  if (g_strcmp0 (test, STRIDE_TEST_KNEE_FLEXION_ECC) == 0)
    return eccentric_methods;
  if (g_strcmp0 (test, STRIDE_TEST_HIP_ABDUCTION) == 0
      || g_strcmp0 (test, STRIDE_TEST_HIP_ADDUCTION) == 0)
    return hip_methods;
  if (g_strcmp0 (test, STRIDE_TEST_LEG_CURL_1RM) == 0
      || g_strcmp0 (test, STRIDE_TEST_LEG_EXTENSION_1RM) == 0)
    return rm_methods;

  return field_methods;   /* hop, calf raises */
}

static const char *const *
units_for (const char *test,
           const char *method)
{
  if (g_str_has_prefix (method, "isokinetic-"))
    return torque_units;
  if (g_str_equal (method, STRIDE_METHOD_DYNAMOMETER))
    return dynamometer_units;
  if (g_str_equal (method, STRIDE_METHOD_1RM) || g_str_equal (method, STRIDE_METHOD_E1RM))
    return weight_units;
  if (g_strcmp0 (test, STRIDE_TEST_HOP) == 0)
    return distance_units;
  if (g_strcmp0 (test, STRIDE_TEST_CALF_RAISES) == 0)
    return count_units;

  return force_units;
}

static const char *
default_unit (StrideTestDialog  *self,
              const char *const *units)
{
  if (units == weight_units)
    return self->weight_unit == STRIDE_UNITS_IMPERIAL ? UNIT_LB : UNIT_KG;

  return units[0];
}

static const char *
unit_title (const char *unit)
{
  if (g_str_equal (unit, UNIT_NM))
    return _("Newton metres (N·m)");
  if (g_str_equal (unit, UNIT_N))
    return _("Newtons (N)");
  if (g_str_equal (unit, UNIT_KG))
    return _("Kilograms (kg)");
  if (g_str_equal (unit, UNIT_LB))
    return _("Pounds (lb)");
  if (g_str_equal (unit, UNIT_CM))
    return _("Centimetres (cm)");

  return _("Repetitions");
}

static const char *
unit_symbol (const char *unit)
{
  if (g_str_equal (unit, UNIT_REPS))
    /* Translators: the unit after a number of calf raises */
    return _("reps");

  return unit;
}

/* What a user may type after a value. NULL when unknown. */
static const char *
unit_from_text (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  if (g_str_equal (lower, "n·m") || g_str_equal (lower, "nm") || g_str_equal (lower, "n m")
      || g_str_equal (lower, "n.m") || g_str_equal (lower, "n*m"))
    return UNIT_NM;
  if (g_str_equal (lower, "n"))
    return UNIT_N;
  if (g_str_equal (lower, "kg") || g_str_equal (lower, "kgs"))
    return UNIT_KG;
  if (g_str_equal (lower, "lb") || g_str_equal (lower, "lbs"))
    return UNIT_LB;
  if (g_str_equal (lower, "cm"))
    return UNIT_CM;
  if (g_str_equal (lower, "rep") || g_str_equal (lower, "reps"))
    return UNIT_REPS;
  {
    /* The symbol as shown in the user's language ("Wdh." in German). */
    g_autofree char *shown = g_utf8_strdown (unit_symbol (UNIT_REPS), -1);

    if (g_str_equal (lower, shown))
      return UNIT_REPS;
  }

  return NULL;
}

/* The sentence for a value that is zero or below, naming the muscle. */
static const char *
not_positive_message (const char *test)
{
  if (g_strcmp0 (test, STRIDE_TEST_KNEE_EXTENSION) == 0
      || g_strcmp0 (test, STRIDE_TEST_LEG_EXTENSION_1RM) == 0)
    return _("The quadriceps value must be above zero");
  if (g_strcmp0 (test, STRIDE_TEST_KNEE_FLEXION) == 0
      || g_strcmp0 (test, STRIDE_TEST_KNEE_FLEXION_ECC) == 0
      || g_strcmp0 (test, STRIDE_TEST_LEG_CURL_1RM) == 0)
    return _("The hamstring value must be above zero");
  if (g_strcmp0 (test, STRIDE_TEST_HIP_ABDUCTION) == 0)
    return _("The hip abductor value must be above zero");
  if (g_strcmp0 (test, STRIDE_TEST_HIP_ADDUCTION) == 0)
    return _("The hip adductor value must be above zero");
  if (g_strcmp0 (test, STRIDE_TEST_HOP) == 0)
    return _("The hop distance must be above zero");
  if (g_strcmp0 (test, STRIDE_TEST_CALF_RAISES) == 0)
    return _("The number of calf raises must be above zero");

  return _("The value must be above zero");
}

/* How a band sentence names a method: "… the 0.61 target for isokinetic 60°/s". */
static const char *
method_phrase (const char *method)
{
  if (g_strcmp0 (method, STRIDE_METHOD_ISOKINETIC_30) == 0)
    return _("isokinetic 30°/s");
  if (g_strcmp0 (method, STRIDE_METHOD_ISOKINETIC_60) == 0)
    return _("isokinetic 60°/s");
  if (g_strcmp0 (method, STRIDE_METHOD_ISOKINETIC_180) == 0)
    return _("isokinetic 180°/s");
  if (g_strcmp0 (method, STRIDE_METHOD_ISOKINETIC_240) == 0)
    return _("isokinetic 240°/s");
  if (g_strcmp0 (method, STRIDE_METHOD_ISOKINETIC_300) == 0)
    return _("isokinetic 300°/s");
  if (g_strcmp0 (method, STRIDE_METHOD_DYNAMOMETER) == 0)
    return _("a hand-held dynamometer");
  if (g_strcmp0 (method, STRIDE_METHOD_1RM) == 0)
    return _("machine 1RM");
  if (g_strcmp0 (method, STRIDE_METHOD_E1RM) == 0)
    return _("estimated 1RM");

  return _("field tests");
}

/* Value parsing: "182.5", "182.5 N·m", "40 kg". */

typedef enum
{
  VALUE_EMPTY,
  VALUE_OK,
  VALUE_INVALID,
} ValueState;

static ValueState
parse_value (const char  *text,
             const char  *test,
             const char  *row_unit,
             double      *value,
             const char **unit,
             char       **message)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *rest = NULL;
  char *end = NULL;
  double number;

  *unit = NULL;
  if (*copy == '\0')
    return VALUE_EMPTY;

  number = g_ascii_strtod (copy, &end);
  if (end == copy || !isfinite (number))
    {
      *message = g_strdup (strchr (copy, ',') != NULL
                           ? _("Use a point as the decimal separator, e.g. 182.5")
                           : _("Enter a number, e.g. 182.5"));
      return VALUE_INVALID;
    }
  if (*end == ',')
    {
      *message = g_strdup (_("Use a point as the decimal separator, e.g. 182.5"));
      return VALUE_INVALID;
    }

  rest = g_strstrip (g_strdup (end));
  if (*rest != '\0')
    {
      *unit = unit_from_text (rest);
      if (*unit == NULL)
        {
          /* Translators: %s is what the user typed after the number */
          *message = g_strdup_printf (_("“%s” is not a unit here: use N·m, N, kg, lb, cm "
                                        "or reps"), rest);
          return VALUE_INVALID;
        }
    }

  if (number <= 0)
    {
      *message = g_strdup (not_positive_message (test));
      return VALUE_INVALID;
    }
  if (g_strcmp0 (*unit != NULL ? *unit : row_unit, UNIT_REPS) == 0 && number != floor (number))
    {
      *message = g_strdup (_("Repetitions must be a whole number"));
      return VALUE_INVALID;
    }

  *value = number;
  return VALUE_OK;
}

/* Widget helpers */

static void
show_banner (StrideTestDialog *self,
             const char       *message)
{
  stride_form_show_banner (self->banner_revealer, self->banner_label, message);
}

/* A state shown three ways: colour, icon and word. */
static void
show_state (GtkImage           *icon,
            GtkLabel           *label,
            StrideBalanceState  state)
{
  static const char *const classes[] = { "success", "warning", "error", "dim-label" };
  const char *icon_name = NULL;
  const char *css_class = "dim-label";
  const char *text = _("Not enough data");

  switch (state)
    {
    case STRIDE_BALANCE_OK:
      icon_name = "emblem-ok-symbolic";
      css_class = "success";
      text = _("OK");
      break;
    case STRIDE_BALANCE_WATCH:
      icon_name = "dialog-warning-symbolic";
      css_class = "warning";
      /* Translators: a balance state between OK and imbalance */
      text = _("Watch");
      break;
    case STRIDE_BALANCE_IMBALANCE:
      icon_name = "dialog-error-symbolic";
      css_class = "error";
      text = _("Imbalance");
      break;
    case STRIDE_BALANCE_NOT_ENOUGH_DATA:
    default:
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (icon), classes[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
    }
  gtk_widget_add_css_class (GTK_WIDGET (icon), css_class);
  gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
  gtk_image_set_from_icon_name (icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (icon), icon_name != NULL);
  gtk_label_set_text (label, text);
}

static GtkWidget *
state_suffix (GtkImage **icon,
              GtkLabel **value,
              GtkLabel **state,
              const char *value_name,
              const char *state_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  *icon = GTK_IMAGE (gtk_image_new ());
  gtk_accessible_update_state (GTK_ACCESSIBLE (*icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*icon));
  if (value != NULL)
    {
      *value = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_set_name (GTK_WIDGET (*value), value_name);
      gtk_widget_add_css_class (GTK_WIDGET (*value), "numeric");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (*value));
    }
  *state = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (*state), state_name);
  gtk_widget_add_css_class (GTK_WIDGET (*state), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*state));

  return box;
}

/* Test rows */

static const char *
test_row_get_test (TestRow *row)
{
  const char *const *tests = stride_labels_list_tests ();
  guint selected = adw_combo_row_get_selected (row->test_row);

  return selected < g_strv_length ((char **) tests) ? tests[selected] : tests[0];
}

static const char *
test_row_get_method (TestRow *row)
{
  guint selected = adw_combo_row_get_selected (row->method_row);

  return selected < g_strv_length ((char **) row->methods) ? row->methods[selected]
                                                           : row->methods[0];
}

static const char *
test_row_get_unit (TestRow *row)
{
  guint selected = adw_combo_row_get_selected (row->unit_row);

  return selected < g_strv_length ((char **) row->units) ? row->units[selected] : row->units[0];
}

static void
set_combo_strings (AdwComboRow       *combo,
                   const char *const *ids,
                   const char *     (*label_for) (const char *id),
                   guint              selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (list, label_for (ids[i]));

  adw_combo_row_set_model (combo, G_LIST_MODEL (list));
  adw_combo_row_set_selected (combo, selected);
}

/* Offers the units of the current test and method, keeping @unit when the
 * choice stays the same (kg or lb for both 1RM methods, say); otherwise
 * the new method's usual unit. */
static void
refill_units (TestRow    *row,
              const char *unit)
{
  const char *const *units = units_for (test_row_get_test (row), test_row_get_method (row));
  guint selected = GTK_INVALID_LIST_POSITION;

  if (row->units == NULL || row->units == units)
    selected = strv_index (units, unit);

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = strv_index (units, default_unit (row->dialog, units));

  row->updating = TRUE;
  row->units = units;
  set_combo_strings (row->unit_row, units, unit_title, selected);
  row->updating = FALSE;
}

static void
refill_methods (TestRow    *row,
                const char *method)
{
  const char *const *methods = methods_for_test (test_row_get_test (row));
  guint selected = strv_index (methods, method);

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;

  row->updating = TRUE;
  row->methods = methods;
  set_combo_strings (row->method_row, methods, stride_label_for_method, selected);
  row->updating = FALSE;
}

static void
test_changed_cb (TestRow *row)
{
  const char *unit;

  if (row->updating)
    return;

  unit = test_row_get_unit (row);
  refill_methods (row, test_row_get_method (row));
  refill_units (row, unit);
  update (row->dialog);
}

static void
method_changed_cb (TestRow *row)
{
  if (row->updating)
    return;

  refill_units (row, test_row_get_unit (row));
  update (row->dialog);
}

static void
row_changed_cb (TestRow *row)
{
  if (!row->updating)
    update (row->dialog);
}

static void
renumber_rows (StrideTestDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      TestRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *title = g_strdup_printf (_("Test %u"), i + 1);
      g_autofree char *remove = g_strdup_printf (_("Remove test %u"), i + 1);

      adw_preferences_group_set_title (row->group, title);
      stride_form_set_accessible_label (row->remove, remove);
    }
}

static void
test_row_free (gpointer data)
{
  TestRow *row = data;

  g_free (row->loaded_text[0]);
  g_free (row->loaded_text[1]);
  g_free (row);
}

static void
remove_row_cb (TestRow *row)
{
  StrideTestDialog *self = row->dialog;

  g_ptr_array_remove (self->rows, row);
  gtk_box_remove (self->tests_box, GTK_WIDGET (row->group));   /* frees @row */
  renumber_rows (self);
  update (self);
  gtk_widget_grab_focus (self->add_test_button);
}

static AdwEntryRow *
leg_row (const char  *title,
         const char  *name,
         GtkLabel   **unit_label)
{
  AdwEntryRow *entry = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  adw_entry_row_set_activates_default (entry, TRUE);
  gtk_widget_set_name (GTK_WIDGET (entry), name);

  *unit_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (*unit_label), "dim-label");
  adw_entry_row_add_suffix (entry, GTK_WIDGET (*unit_label));

  return entry;
}

static TestRow *
add_test_row (StrideTestDialog *self,
              const char       *test,
              const char       *method,
              const char       *unit)
{
  TestRow *row = g_new0 (TestRow, 1);
  guint test_index = strv_index (stride_labels_list_tests (), test);
  GtkWidget *suffix;

  row->dialog = self;
  row->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_name (GTK_WIDGET (row->group), "test");
  g_object_set_data_full (G_OBJECT (row->group), "stride-test", row, test_row_free);

  row->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (row->remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->remove, "flat");
  gtk_widget_set_name (row->remove, "remove-test");
  gtk_widget_set_tooltip_text (row->remove, _("Remove Test"));
  g_signal_connect_swapped (row->remove, "clicked", G_CALLBACK (remove_row_cb), row);
  adw_preferences_group_set_header_suffix (row->group, row->remove);

  row->updating = TRUE;
  row->test_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->test_row), _("_Test"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row->test_row), TRUE);
  gtk_widget_set_name (GTK_WIDGET (row->test_row), "test-type");
  set_combo_strings (row->test_row, stride_labels_list_tests (), stride_label_for_test,
                     test_index != GTK_INVALID_LIST_POSITION ? test_index : 0);
  adw_preferences_group_add (row->group, GTK_WIDGET (row->test_row));

  row->method_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->method_row), _("_Method"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row->method_row), TRUE);
  gtk_widget_set_name (GTK_WIDGET (row->method_row), "method");
  adw_preferences_group_add (row->group, GTK_WIDGET (row->method_row));

  row->unit_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->unit_row), _("_Unit"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row->unit_row), TRUE);
  gtk_widget_set_name (GTK_WIDGET (row->unit_row), "unit");
  adw_preferences_group_add (row->group, GTK_WIDGET (row->unit_row));

  refill_methods (row, method);
  refill_units (row, unit);
  row->updating = TRUE;

  row->left_row = leg_row (_("_Left Leg"), "left", &row->left_unit);
  adw_preferences_group_add (row->group, GTK_WIDGET (row->left_row));
  row->right_row = leg_row (_("_Right Leg"), "right", &row->right_unit);
  adw_preferences_group_add (row->group, GTK_WIDGET (row->right_row));

  row->lsi_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (row->lsi_row), "lsi");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->lsi_row), _("Limb Symmetry Index"));
  suffix = state_suffix (&row->lsi_icon, &row->lsi_value, &row->lsi_state,
                         "lsi-value", "lsi-state");
  adw_action_row_add_suffix (row->lsi_row, suffix);
  adw_preferences_group_add (row->group, GTK_WIDGET (row->lsi_row));

  /* Not a row: the group shows it below its list. */
  row->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->message, 0);
  gtk_label_set_wrap (row->message, TRUE);
  gtk_label_set_wrap_mode (row->message, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (GTK_WIDGET (row->message), 6);
  gtk_widget_set_name (GTK_WIDGET (row->message), "test-message");
  gtk_widget_set_visible (GTK_WIDGET (row->message), FALSE);
  adw_preferences_group_add (row->group, GTK_WIDGET (row->message));
  row->updating = FALSE;

  g_signal_connect_swapped (row->test_row, "notify::selected", G_CALLBACK (test_changed_cb), row);
  g_signal_connect_swapped (row->method_row, "notify::selected",
                            G_CALLBACK (method_changed_cb), row);
  g_signal_connect_swapped (row->unit_row, "notify::selected", G_CALLBACK (row_changed_cb), row);
  g_signal_connect_swapped (row->left_row, "changed", G_CALLBACK (row_changed_cb), row);
  g_signal_connect_swapped (row->right_row, "changed", G_CALLBACK (row_changed_cb), row);

  gtk_box_append (self->tests_box, GTK_WIDGET (row->group));
  g_ptr_array_add (self->rows, row);
  renumber_rows (self);

  return row;
}

static void
set_leg_value (TestRow    *row,
               StrideSide  side,
               double      value,
               const char *unit)
{
  AdwEntryRow *entry = side == STRIDE_SIDE_LEFT ? row->left_row : row->right_row;
  guint leg = side == STRIDE_SIDE_LEFT ? 0 : 1;
  g_autofree char *number = stride_form_format_decimal (value);
  g_autofree char *text = NULL;

  /* A unit other than the test's stays visible (and is flagged). */
  if (g_strcmp0 (unit, test_row_get_unit (row)) == 0)
    text = g_steal_pointer (&number);
  else
    text = g_strdup_printf ("%s %s", number, unit);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_free (row->loaded_text[leg]);
  row->loaded_text[leg] = g_steal_pointer (&text);
  row->loaded_value[leg] = value;
}

static gboolean
has_test (StrideTestDialog *self,
          const char       *test,
          const char       *method)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      TestRow *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (test_row_get_test (row), test)
          && g_str_equal (test_row_get_method (row), method))
        return TRUE;
    }

  return FALSE;
}

/* The method a new row of @test would get when @method is preferred. */
static const char *
method_for (const char *test,
            const char *method)
{
  const char *const *methods = methods_for_test (test);

  return strv_index (methods, method) != GTK_INVALID_LIST_POSITION ? method : methods[0];
}

/* "Add Test": after a knee flexion test comes its extension partner at
 * the same speed, for the H:Q ratio; otherwise the first test the day
 * does not have yet. */
static void
add_test_clicked_cb (StrideTestDialog *self)
{
  const char *test = STRIDE_TEST_KNEE_FLEXION;
  const char *method = STRIDE_METHOD_ISOKINETIC_60;
  const char *const *tests = stride_labels_list_tests ();
  TestRow *row;

  if (self->rows->len > 0)
    {
      TestRow *last = g_ptr_array_index (self->rows, self->rows->len - 1);
      const char *last_test = test_row_get_test (last);

      method = test_row_get_method (last);
      if (g_str_equal (last_test, STRIDE_TEST_KNEE_FLEXION))
        test = STRIDE_TEST_KNEE_EXTENSION;
      else if (g_str_equal (last_test, STRIDE_TEST_LEG_CURL_1RM))
        test = STRIDE_TEST_LEG_EXTENSION_1RM;
      else if (g_str_equal (last_test, STRIDE_TEST_HIP_ABDUCTION))
        test = STRIDE_TEST_HIP_ADDUCTION;
    }

  for (guint i = 0; tests[i] != NULL && has_test (self, test, method_for (test, method)); i++)
    test = tests[i];
  method = method_for (test, method);

  row = add_test_row (self, test, method, NULL);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (row->left_row));
}

/* Validation */

static void
append_line (GString    *lines,
             const char *line)
{
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  g_string_append (lines, line);
}

static gboolean
test_row_validate (TestRow  *row,
                   gboolean  duplicate)
{
  const char *test = test_row_get_test (row);
  const char *unit = test_row_get_unit (row);
  const char *left_unit = NULL;
  const char *right_unit = NULL;
  g_autofree char *left_message = NULL;
  g_autofree char *right_message = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  ValueState left_state;
  ValueState right_state;
  gboolean left_error;
  gboolean right_error;
  gboolean hint = FALSE;

  gtk_label_set_text (row->left_unit, unit_symbol (unit));
  gtk_label_set_text (row->right_unit, unit_symbol (unit));

  left_state = parse_value (gtk_editable_get_text (GTK_EDITABLE (row->left_row)), test, unit,
                            &row->left, &left_unit, &left_message);
  right_state = parse_value (gtk_editable_get_text (GTK_EDITABLE (row->right_row)), test, unit,
                             &row->right, &right_unit, &right_message);
  left_error = left_state == VALUE_INVALID;
  right_error = right_state == VALUE_INVALID;

  /* An unchanged value keeps its stored digits. */
  if (left_state == VALUE_OK && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->left_row)),
                                           row->loaded_text[0]) == 0)
    row->left = row->loaded_value[0];
  if (right_state == VALUE_OK && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row->right_row)),
                                            row->loaded_text[1]) == 0)
    row->right = row->loaded_value[1];

  if (left_error)
    {
      g_autofree char *line = g_strdup_printf (_("Left leg: %s"), left_message);

      append_line (lines, line);
    }
  if (right_error)
    {
      g_autofree char *line = g_strdup_printf (_("Right leg: %s"), right_message);

      append_line (lines, line);
    }

  if (left_state == VALUE_OK && right_state == VALUE_OK
      && g_strcmp0 (left_unit != NULL ? left_unit : unit,
                    right_unit != NULL ? right_unit : unit) != 0)
    {
      g_autofree char *line = NULL;

      /* Translators: the two %s are units, e.g. N·m and N */
      line = g_strdup_printf (_("Mixed units on the two legs: left in %s, right in %s. "
                                "Use one unit for both legs."),
                              unit_symbol (left_unit != NULL ? left_unit : unit),
                              unit_symbol (right_unit != NULL ? right_unit : unit));
      append_line (lines, line);
      left_error = right_error = TRUE;
    }
  else
    {
      if (left_state == VALUE_OK && left_unit != NULL && !g_str_equal (left_unit, unit))
        {
          g_autofree char *line = g_strdup_printf (_("Left leg: the value is in %s but the unit "
                                                     "of this test is %s"),
                                                   unit_symbol (left_unit), unit_symbol (unit));

          append_line (lines, line);
          left_error = TRUE;
        }
      if (right_state == VALUE_OK && right_unit != NULL && !g_str_equal (right_unit, unit))
        {
          g_autofree char *line = g_strdup_printf (_("Right leg: the value is in %s but the unit "
                                                     "of this test is %s"),
                                                   unit_symbol (right_unit), unit_symbol (unit));

          append_line (lines, line);
          right_error = TRUE;
        }
    }

  if (duplicate)
    {
      g_autofree char *line = NULL;

      /* Translators: %s is a test, e.g. "Knee flexion" */
      line = g_strdup_printf (_("%s with this method is in this day’s tests already: change "
                                "the method or remove this test"),
                              stride_label_for_test (test));
      append_line (lines, line);
    }

  if (lines->len == 0 && left_state == VALUE_EMPTY && right_state == VALUE_EMPTY)
    {
      append_line (lines, _("Enter the values of both legs (one is enough if only one leg "
                            "was tested)"));
      hint = TRUE;
    }

  stride_form_set_error_style (GTK_WIDGET (row->left_row), left_error);
  stride_form_set_error_style (GTK_WIDGET (row->right_row), right_error);
  gtk_label_set_text (row->message, lines->str);
  gtk_widget_set_visible (GTK_WIDGET (row->message), lines->len > 0);
  stride_form_set_error_style (GTK_WIDGET (row->message), !hint);
  if (hint)
    gtk_widget_add_css_class (GTK_WIDGET (row->message), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->message), "dim-label");

  row->has_left = left_state == VALUE_OK && !left_error;
  row->has_right = right_state == VALUE_OK && !right_error;
  row->valid = lines->len == 0;

  /* The limb symmetry index, live. */
  if (row->has_left && row->has_right)
    {
      double lsi = 0;
      StrideSide weaker = STRIDE_SIDE_BOTH;

      if (stride_lsi (row->left, row->right, &lsi, &weaker, NULL))
        {
          /* Translators: a limb symmetry index in percent, e.g. "91.7 %" */
          g_autofree char *value = g_strdup_printf (_("%.1f %%"), lsi);

          gtk_label_set_text (row->lsi_value, value);
          show_state (row->lsi_icon, row->lsi_state, stride_lsi_state (lsi));
          adw_action_row_set_subtitle (row->lsi_row,
                                       weaker == STRIDE_SIDE_LEFT ? _("Left leg weaker")
                                       : weaker == STRIDE_SIDE_RIGHT ? _("Right leg weaker")
                                       : _("Both legs equal"));
          return row->valid;
        }
    }

  gtk_label_set_text (row->lsi_value, "");
  show_state (row->lsi_icon, row->lsi_state, STRIDE_BALANCE_NOT_ENOUGH_DATA);
  adw_action_row_set_subtitle (row->lsi_row, _("Needs a valid value for each leg"));

  return row->valid;
}

static void
add_hq_row (StrideTestDialog   *self,
            const char         *title,
            const char         *text,
            StrideBalanceState  state)
{
  GtkWidget *row = adw_action_row_new ();
  GtkImage *icon;
  GtkLabel *label;

  gtk_widget_set_name (row, "hq-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             state_suffix (&icon, NULL, &label, NULL, "hq-state"));
  show_state (icon, label, state);
  adw_preferences_group_add (self->hq_group, row);
  g_ptr_array_add (self->hq_rows, row);
}

/* One leg's H:Q with the band sentence of RISK-RULES.md §2. */
static void
show_hq (StrideTestDialog *self,
         const char       *leg_title,
         double            hamstring,
         double            quadriceps,
         const char       *unit,
         const char       *method,
         gboolean          mixed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ratio_text = NULL;
  g_autofree char *text = NULL;
  StrideBalanceState state;
  double target = 0;
  double flag = 0;
  double ratio = 0;
  gboolean ok;

  ok = mixed ? stride_hq_mixed_ratio (hamstring, unit, quadriceps, unit, &ratio, &error)
             : stride_hq_ratio (hamstring, unit, quadriceps, unit, &ratio, &error);
  if (!ok)
    {
      add_hq_row (self, leg_title, error->message, STRIDE_BALANCE_NOT_ENOUGH_DATA);
      return;
    }

  ratio_text = g_strdup_printf ("%.2f", ratio);
  if (mixed)
    {
      g_autofree char *flag_text = g_strdup_printf ("%.2f", STRIDE_HQ_MIXED_FLAG_BELOW);

      state = stride_hq_mixed_state (ratio);
      text = state == STRIDE_BALANCE_OK
             /* Translators: H:Q mixed ratio, then the screening value */
             ? g_strdup_printf (_("%s — at or above the %s screening value (Ardern et al. 2015)"),
                                ratio_text, flag_text)
             : g_strdup_printf (_("%s — below the %s screening value (Ardern et al. 2015)"),
                                ratio_text, flag_text);
    }
  else if (stride_hq_band (method, &target, &flag))
    {
      g_autofree char *target_text = g_strdup_printf ("%.2f", target);
      g_autofree char *flag_text = g_strdup_printf ("%.2f", flag);

      state = stride_hq_state (ratio, method);
      switch (state)
        {
        case STRIDE_BALANCE_OK:
          /* Translators: "0.65 — at or above the 0.61 target for isokinetic 60°/s" */
          text = g_strdup_printf (_("%s — at or above the %s target for %s"),
                                  ratio_text, target_text, method_phrase (method));
          break;
        case STRIDE_BALANCE_WATCH:
          /* Translators: "0.58 — below the 0.61 target for isokinetic 60°/s" */
          text = g_strdup_printf (_("%s — below the %s target for %s"),
                                  ratio_text, target_text, method_phrase (method));
          break;
        case STRIDE_BALANCE_IMBALANCE:
          /* Translators: "0.45 — below 0.47, flagged for isokinetic 60°/s" */
          text = g_strdup_printf (_("%s — below %s, flagged for %s"),
                                  ratio_text, flag_text, method_phrase (method));
          break;
        case STRIDE_BALANCE_NOT_ENOUGH_DATA:
        default:
          text = g_strdup (ratio_text);
          break;
        }
    }
  else
    {
      state = STRIDE_BALANCE_NOT_ENOUGH_DATA;
      /* Translators: a machine 1RM H:Q ratio has no absolute band */
      text = g_strdup_printf (_("%s — %s has no fixed band: follow it against your own baseline "
                                "(typical 0.52 for men, 0.43 for women)"),
                              ratio_text, method_phrase (method));
    }

  add_hq_row (self, leg_title, text, state);
}

static void
show_hq_pair (StrideTestDialog *self,
              TestRow          *hamstring,
              TestRow          *quadriceps,
              gboolean          mixed)
{
  const char *method = test_row_get_method (quadriceps);
  const char *unit = test_row_get_unit (hamstring);
  const char *quad_unit = test_row_get_unit (quadriceps);
  g_autofree char *left_title = NULL;
  g_autofree char *right_title = NULL;

  if (mixed)
    {
      left_title = g_strdup (_("Left leg, mixed ratio"));
      right_title = g_strdup (_("Right leg, mixed ratio"));
    }
  else
    {
      /* Translators: a leg, then the test method, e.g. "Left leg · Isokinetic, 60°/s" */
      left_title = g_strdup_printf (_("Left leg · %s"), stride_label_for_method (method));
      right_title = g_strdup_printf (_("Right leg · %s"), stride_label_for_method (method));
    }

  if (!g_str_equal (unit, quad_unit))
    {
      g_autofree char *text = NULL;

      /* Translators: the two %s are units */
      text = g_strdup_printf (_("Not compared: the hamstring test is in %s, the quadriceps test "
                                "in %s"), unit_symbol (unit), unit_symbol (quad_unit));
      add_hq_row (self, mixed ? _("Mixed ratio") : stride_label_for_method (method), text,
                  STRIDE_BALANCE_NOT_ENOUGH_DATA);
      return;
    }

  if (hamstring->has_left && quadriceps->has_left)
    show_hq (self, left_title, hamstring->left, quadriceps->left, unit, method, mixed);
  if (hamstring->has_right && quadriceps->has_right)
    show_hq (self, right_title, hamstring->right, quadriceps->right, unit, method, mixed);
}

static void
update_hq (StrideTestDialog *self)
{
  while (self->hq_rows->len > 0)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->hq_rows, self->hq_rows->len - 1);

      adw_preferences_group_remove (self->hq_group, row);
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      TestRow *hamstring = g_ptr_array_index (self->rows, i);
      const char *ham_test = test_row_get_test (hamstring);
      const char *ham_method = test_row_get_method (hamstring);

      if (hamstring->duplicate || (!hamstring->has_left && !hamstring->has_right))
        continue;

      for (guint j = 0; j < self->rows->len; j++)
        {
          TestRow *quadriceps = g_ptr_array_index (self->rows, j);
          const char *quad_test = test_row_get_test (quadriceps);
          const char *quad_method = test_row_get_method (quadriceps);
          gboolean same_method = g_str_equal (ham_method, quad_method);

          if (quadriceps->duplicate || (!quadriceps->has_left && !quadriceps->has_right))
            continue;

          if (g_str_equal (ham_test, STRIDE_TEST_KNEE_FLEXION)
              && g_str_equal (quad_test, STRIDE_TEST_KNEE_EXTENSION) && same_method)
            show_hq_pair (self, hamstring, quadriceps, FALSE);
          else if (g_str_equal (ham_test, STRIDE_TEST_LEG_CURL_1RM)
                   && g_str_equal (quad_test, STRIDE_TEST_LEG_EXTENSION_1RM) && same_method)
            show_hq_pair (self, hamstring, quadriceps, FALSE);
          else if (g_str_equal (ham_test, STRIDE_TEST_KNEE_FLEXION_ECC)
                   && g_str_equal (ham_method, STRIDE_METHOD_ISOKINETIC_30)
                   && g_str_equal (quad_test, STRIDE_TEST_KNEE_EXTENSION)
                   && g_str_equal (quad_method, STRIDE_METHOD_ISOKINETIC_240))
            show_hq_pair (self, hamstring, quadriceps, TRUE);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->hq_group), self->hq_rows->len > 0);
}

static void
update (StrideTestDialog *self)
{
  gboolean valid = self->rows->len > 0;

  if (self->loading)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      TestRow *row = g_ptr_array_index (self->rows, i);
      gboolean duplicate = FALSE;

      for (guint j = 0; j < i && !duplicate; j++)
        {
          TestRow *earlier = g_ptr_array_index (self->rows, j);

          duplicate = g_str_equal (test_row_get_test (earlier), test_row_get_test (row))
                      && g_str_equal (test_row_get_method (earlier), test_row_get_method (row));
        }

      row->duplicate = duplicate;
      if (!test_row_validate (row, duplicate))
        valid = FALSE;
    }

  update_hq (self);
  gtk_widget_set_visible (self->empty_label, self->rows->len == 0);

  self->valid = valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", valid && !self->blocked);
}

/* Date */

static void
update_day_note (StrideTestDialog *self)
{
  g_autoptr(GString) note = g_string_new (NULL);

  if (self->kept != NULL && self->kept->len > 0)
    g_string_append_printf (note,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u more measurement of this day can’t be edited here "
                                         "and is kept as it is.",
                                         "%u more measurements of this day can’t be edited here "
                                         "and are kept as they are.",
                                         self->kept->len),
                            self->kept->len);

  if (self->existing_on_date > 0)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append (note, _("This day has tests already: saving adds these to them."));
    }

  gtk_label_set_text (self->day_note, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->day_note), note->len > 0);
}

static void
count_existing_on_date (StrideTestDialog *self)
{
  g_autoptr(GArray) existing = NULL;

  self->existing_on_date = 0;
  if (self->date == self->original_date)
    return;

  existing = stride_store_list_measurements_on (self->store, self->date, NULL);
  if (existing != NULL)
    self->existing_on_date = existing->len;
}

static void
show_date (StrideTestDialog *self)
{
  /* Translators: a date as in "Wed 25 Nov 2026", see strftime(3) */
  g_autofree char *text = stride_form_format_day (self->date, _("%a %e %b %Y"));

  gtk_label_set_text (self->date_label, g_strstrip (text));
  stride_form_calendar_select_julian (self->calendar, self->date);
}

static void
day_selected_cb (StrideTestDialog *self,
                 GtkCalendar      *calendar)
{
  guint32 julian = stride_form_calendar_get_julian (calendar);

  if (julian == self->date)
    return;

  self->date = julian;
  show_date (self);
  gtk_popover_popdown (self->date_popover);
  count_existing_on_date (self);
  update_day_note (self);
  update (self);
}

/* Saving */

static void
append_measurement (GArray     *measurements,
                    guint32     date,
                    TestRow    *row,
                    StrideSide  side,
                    double      value)
{
  StrideMeasurement measurement = { 0 };

  /* Borrowed strings: the store copies what it writes. */
  measurement.date = date;
  measurement.test = (char *) test_row_get_test (row);
  measurement.method = (char *) test_row_get_method (row);
  measurement.unit = (char *) test_row_get_unit (row);
  measurement.side = side;
  measurement.value = value;
  g_array_append_val (measurements, measurement);
}

static gboolean
write_measurements (StrideTestDialog  *self,
                    StrideMeasurement *measurements,
                    guint              n_measurements,
                    GError           **error)
{
  if (self->original_date != 0)
    return stride_store_replace_measurements_on (self->store, self->original_date,
                                                 measurements, n_measurements, error);

  /* A new day: add to what the day may hold already, in one transaction. */
  if (!stride_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < n_measurements; i++)
    {
      if (!stride_store_add_measurement (self->store, &measurements[i], error))
        {
          stride_store_rollback (self->store);
          return FALSE;
        }
    }

  /* A failed commit has rolled back already. */
  if (!stride_store_commit (self->store, error))
    return FALSE;

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StrideTestDialog *self = STRIDE_TEST_DIALOG (widget);
  g_autoptr(GArray) measurements = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  g_autoptr(GError) error = NULL;
  gint64 first_id;

  update (self);
  if (!self->valid || self->blocked)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      TestRow *row = g_ptr_array_index (self->rows, i);

      if (row->has_left)
        append_measurement (measurements, self->date, row, STRIDE_SIDE_LEFT, row->left);
      if (row->has_right)
        append_measurement (measurements, self->date, row, STRIDE_SIDE_RIGHT, row->right);
    }
  for (guint i = 0; self->kept != NULL && i < self->kept->len; i++)
    {
      StrideMeasurement kept = g_array_index (self->kept, StrideMeasurement, i);

      kept.id = 0;
      kept.date = self->date;
      g_array_append_val (measurements, kept);
    }

  if (!write_measurements (self, (StrideMeasurement *) (gpointer) measurements->data,
                           measurements->len, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the tests: %s"), error->message);

      /* Nothing was written; the input stays for another try. */
      show_banner (self, text);
      return;
    }

  show_banner (self, NULL);
  first_id = measurements->len > 0 ? g_array_index (measurements, StrideMeasurement, 0).id : 0;
  g_object_ref (self);
  g_signal_emit (self, signals [SAVED], 0, first_id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
delete_clicked_cb (StrideTestDialog *self)
{
  g_object_ref (self);
  g_signal_emit (self, signals [DELETE_REQUESTED], 0, (gint64) self->original_date);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* Loading */

static void
copy_measurement (StrideMeasurement       *out,
                  const StrideMeasurement *in)
{
  *out = *in;
  out->test = g_strdup (in->test);
  out->method = g_strdup (in->method);
  out->unit = g_strdup (in->unit);
  out->notes = g_strdup (in->notes);
}

/* TRUE when the form can show @measurement as one leg of a test row. */
static gboolean
is_editable (const StrideMeasurement *measurement)
{
  const char *const *methods;

  if (strv_index (stride_labels_list_tests (), measurement->test) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (measurement->side != STRIDE_SIDE_LEFT && measurement->side != STRIDE_SIDE_RIGHT)
    return FALSE;
  if (measurement->notes != NULL && *measurement->notes != '\0')
    return FALSE;   /* the form has no place for them */

  methods = methods_for_test (measurement->test);
  if (strv_index (methods, measurement->method) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  return strv_index (units_for (measurement->test, measurement->method),
                     measurement->unit) != GTK_INVALID_LIST_POSITION;
}

static gboolean
load_day (StrideTestDialog *self)
{
  g_autoptr(GArray) measurements = NULL;
  g_autoptr(GError) error = NULL;

  measurements = stride_store_list_measurements_on (self->store, self->original_date, &error);
  if (measurements == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not open the tests: %s"), error->message);

      show_banner (self, text);
      self->blocked = TRUE;
      return FALSE;
    }

  for (guint i = 0; i < measurements->len; i++)
    {
      const StrideMeasurement *measurement = &g_array_index (measurements, StrideMeasurement, i);
      TestRow *target = NULL;

      if (!is_editable (measurement))
        {
          StrideMeasurement copy;

          copy_measurement (&copy, measurement);
          g_array_append_val (self->kept, copy);
          continue;
        }

      /* The other leg of a row with the same test and method, if free. */
      for (guint j = 0; j < self->rows->len && target == NULL; j++)
        {
          TestRow *row = g_ptr_array_index (self->rows, j);
          AdwEntryRow *leg = measurement->side == STRIDE_SIDE_LEFT ? row->left_row
                                                                   : row->right_row;

          if (g_str_equal (test_row_get_test (row), measurement->test)
              && g_str_equal (test_row_get_method (row), measurement->method)
              && *gtk_editable_get_text (GTK_EDITABLE (leg)) == '\0')
            target = row;
        }
      if (target == NULL)
        target = add_test_row (self, measurement->test, measurement->method, measurement->unit);

      set_leg_value (target, measurement->side, measurement->value, measurement->unit);
    }

  return measurements->len > 0;
}

/* GObject */

static void
stride_test_dialog_dispose (GObject *object)
{
  StrideTestDialog *self = STRIDE_TEST_DIALOG (object);

  /* The rows belong to their widgets, about to go. */
  self->loading = TRUE;
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  if (self->hq_rows != NULL)
    g_ptr_array_set_size (self->hq_rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (object), STRIDE_TYPE_TEST_DIALOG);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (stride_test_dialog_parent_class)->dispose (object);
}

static void
stride_test_dialog_finalize (GObject *object)
{
  StrideTestDialog *self = STRIDE_TEST_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->hq_rows, g_ptr_array_unref);
  g_clear_pointer (&self->kept, g_array_unref);

  G_OBJECT_CLASS (stride_test_dialog_parent_class)->finalize (object);
}

static void
stride_test_dialog_class_init (StrideTestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_test_dialog_dispose;
  object_class->finalize = stride_test_dialog_finalize;

  /**
   * StrideTestDialog::saved:
   * @id: the id of the first measurement saved
   *
   * The tests of the day were written to the journal; the dialog closes
   * next.
   */
  signals [SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * StrideTestDialog::delete-requested:
   * @date: the Julian day whose tests to delete
   *
   * The user asked to delete the tests of the day being edited; the
   * dialog closes next and the window deletes them (with undo).
   */
  signals [DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/stride-test-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, add_test_button);
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, date_label);
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, day_note);
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, hq_group);
  gtk_widget_class_bind_template_child (widget_class, StrideTestDialog, tests_box);
  gtk_widget_class_bind_template_callback (widget_class, add_test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
}

static void
stride_test_dialog_init (StrideTestDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->hq_rows = g_ptr_array_new ();
  self->kept = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  g_array_set_clear_func (self->kept, (GDestroyNotify) stride_measurement_clear);
}

StrideTestDialog *
stride_test_dialog_new (GtkWindow   *parent,
                        StrideStore *store,
                        guint32      date)
{
  g_autoptr(GSettings) settings = NULL;
  StrideTestDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);

  self = g_object_new (STRIDE_TYPE_TEST_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  settings = g_settings_new (APP_ID);
  self->weight_unit = stride_form_get_units (settings, "weight-unit", "lb");

  if (date != 0 && g_date_valid_julian (date))
    {
      self->original_date = date;
      self->date = date;
      if (load_day (self))
        {
          gtk_window_set_title (GTK_WINDOW (self), _("Edit Strength Test"));
          gtk_widget_set_visible (self->delete_button, TRUE);
        }
      else if (!self->blocked)
        {
          /* Nothing on that day (any more): a new day on that date. */
          self->original_date = 0;
          count_existing_on_date (self);
        }
    }
  else
    {
      self->date = stride_today_julian ();
      count_existing_on_date (self);
    }

  if (self->rows->len == 0 && !self->blocked)
    add_test_row (self, STRIDE_TEST_KNEE_FLEXION, STRIDE_METHOD_ISOKINETIC_60, NULL);

  if (stride_store_is_read_only (store))
    {
      show_banner (self, stride_store_get_read_only_reason (store));
      self->blocked = TRUE;
      gtk_widget_set_visible (self->delete_button, FALSE);
    }

  show_date (self);
  update_day_note (self);
  self->loading = FALSE;
  update (self);

  /* Typing starts at the first value. */
  if (self->rows->len > 0)
    gtk_window_set_focus (GTK_WINDOW (self),
                          GTK_WIDGET (((TestRow *) g_ptr_array_index (self->rows, 0))->left_row));

  return self;
}
