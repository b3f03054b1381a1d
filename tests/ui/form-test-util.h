/* form-test-util.h — finding and filling the rows of a dialog's form in
 * the UI tests (entry and combo rows found by their shown title).
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

static inline gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Lets pending idles and redraws run. */
static inline void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A row's title as shown: mnemonic underlines dropped. */
static inline char *
shown_title (GtkWidget *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  GString *shown = g_string_new (NULL);

  for (const char *p = title; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (shown, *p);

  return g_string_free (shown, FALSE);
}

/* The first row of @type whose title starts with @title. */
static inline GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_autofree char *shown = shown_title (widget);

      if (g_str_has_prefix (shown, title))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline GtkWidget *
entry_row (gpointer    window,
           const char *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static inline GtkWidget *
combo_row (gpointer    window,
           const char *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, title);

  g_assert_nonnull (row);
  return row;
}

/* Types into a field the way a user does: the row's own text changes. */
static inline void
type_into (gpointer    window,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry_row (window, title)), text);
}

static inline const char *
text_of (gpointer    window,
         const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry_row (window, title)));
}

static inline gboolean
row_has_error (gpointer    window,
               const char *title)
{
  return gtk_widget_has_css_class (entry_row (window, title), "error");
}

/* Combo rows list strings: select the item with this text. */
static inline void
choose (gpointer    window,
        const char *title,
        const char *item)
{
  AdwComboRow *row = ADW_COMBO_ROW (combo_row (window, title));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (string), item))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static inline char *
chosen (gpointer    window,
        const char *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (combo_row (window, title));
  g_autoptr(GtkStringObject) string =
    g_list_model_get_item (adw_combo_row_get_model (row), adw_combo_row_get_selected (row));

  return g_strdup (gtk_string_object_get_string (string));
}

static inline GtkWidget *
find_button (GtkWidget  *widget,
             const char *action_name)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
button_sensitive (gpointer    window,
                  const char *action_name)
{
  GtkWidget *button = find_button (GTK_WIDGET (window), action_name);

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}
