/* stride-form.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-form"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <string.h>

#include "stride-form.h"

/* Dates */

static GDateTime *
local_noon (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
}

GTimeZone *
stride_form_zone_for_entry (gint64 start_utc,
                            int    offset_s)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) stored = g_date_time_new_from_unix_utc (start_utc);
  g_autoptr(GDateTime) there = stored != NULL ? g_date_time_to_timezone (stored, local) : NULL;

  if (there != NULL && g_date_time_get_utc_offset (there) / G_USEC_PER_SEC == offset_s)
    return g_steal_pointer (&local);

  return g_time_zone_new_offset (offset_s);
}

guint32
stride_form_julian_of (GDateTime *date_time)
{
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (date_time),
                                          g_date_time_get_month (date_time),
                                          g_date_time_get_year (date_time));

  return g_date_get_julian (date);
}

/* @format is a strftime(3) format, already translated. */
char *
stride_form_format_day (guint32     julian,
                        const char *format)
{
  g_autoptr(GDateTime) noon = local_noon (julian);

  return g_date_time_format (noon, format);
}

guint32
stride_form_calendar_get_julian (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (calendar);

  return stride_form_julian_of (selected);
}

void
stride_form_calendar_select_julian (GtkCalendar *calendar,
                                    guint32      julian)
{
  g_autoptr(GDateTime) noon = local_noon (julian);

  gtk_calendar_select_day (calendar, noon);
}

/* The date as the button's label; @spoken is what a screen reader says. */
void
stride_form_show_date_button (GtkMenuButton *button,
                              const char    *text,
                              const char    *spoken)
{
  gtk_menu_button_set_label (button, text);
  stride_form_set_accessible_label (GTK_WIDGET (button), spoken);
}

char *
stride_form_format_field_day (guint32 julian)
{
  /* Translators: a date in a form field, see strftime(3), e.g. "Wed 25 Nov 2026" */
  return stride_form_format_day (julian, _("%a %-d %b %Y"));
}

void
stride_form_show_date (GtkMenuButton *button,
                       guint32        julian)
{
  g_autofree char *text = stride_form_format_field_day (julian);
  /* Translators: what a screen reader says for the date button */
  g_autofree char *spoken = g_strdup_printf (_("Date: %s"), text);

  stride_form_show_date_button (button, text, spoken);
}

void
stride_form_popdown (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (popover != NULL)
    gtk_popover_popdown (popover);
}

static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  /* GTK asks at every opening: build the popover menu once. */
  if (gtk_menu_button_get_menu_model (button) != user_data)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/* A menu button's popover menu is a few dozen widgets (a button, a label
 * and a box per item) that GTK builds as soon as the model is set; this
 * builds it when the menu is first opened instead, so the window's first
 * frame does not pay for menus nobody opened yet. */
void
stride_form_set_menu_on_demand (GtkMenuButton *button,
                                GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, create_menu_popup_cb,
                                         g_object_ref (model), g_object_unref);
}

/* Messages and marks */

void
stride_form_set_error_style (GtkWidget *widget,
                             gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

void
stride_form_set_accessible_label (GtkWidget  *widget,
                                  const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The message is at the top: bring it into view. */
static void
scroll_to_top (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  if (scrolled != NULL)
    gtk_adjustment_set_value (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0.0);
}

/* Shows @message in @label on @box, or hides @box for NULL. */
void
stride_form_show_save_error (GtkWidget  *box,
                             GtkLabel   *label,
                             const char *message)
{
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (box, message != NULL);
  if (message != NULL)
    scroll_to_top (box);
}

void
stride_form_show_banner (GtkRevealer *revealer,
                         GtkLabel    *label,
                         const char  *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (revealer, message != NULL);
}

/* Numbers and settings */

/* A number as the parsers read it back: '.' as the decimal point, up to
 * two decimals, no trailing zeros. */
char *
stride_form_format_decimal (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
  char *end = text + strlen (text) - 1;

  while (end > text && *end == '0')
    *end-- = '\0';
  if (end > text && *end == '.')
    *end = '\0';

  return text;
}

/* The unit system a string setting chooses: imperial for @imperial_choice. */
StrideUnitSystem
stride_form_get_units (GSettings  *settings,
                       const char *key,
                       const char *imperial_choice)
{
  g_autofree char *choice = g_settings_get_string (settings, key);

  return g_str_equal (choice, imperial_choice) ? STRIDE_UNITS_IMPERIAL : STRIDE_UNITS_METRIC;
}

/* The future date */

void
stride_form_confirm_future (GtkWindow  *parent,
                            const char *heading,
                            const char *body,
                            const char *cancel_label,
                            const char *save_label,
                            GCallback   response_cb,
                            gpointer    data)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", cancel_label,
                                    "save", save_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", response_cb, data, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closes the dialog of stride_form_confirm_future(); TRUE to save. */
gboolean
stride_form_future_confirmed (AdwMessageDialog *dialog,
                              const char       *response)
{
  gboolean save = g_str_equal (response, "save");

  /* This dialog goes first: it must not outlive the window it is on. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  return save;
}

GDateWeekday
stride_form_first_weekday (GSettings *settings)
{
  g_autofree char *choice = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), G_DATE_MONDAY);

  choice = g_settings_get_string (settings, "first-weekday");
  if (g_str_equal (choice, "monday"))
    return G_DATE_MONDAY;
  if (g_str_equal (choice, "sunday"))
    return G_DATE_SUNDAY;

#ifdef HAVE__NL_TIME_FIRST_WEEKDAY
  {
    /* glibc: the week's first day is week_1stday + first_weekday - 1,
     * where week_1stday is a date (19971130 is a Sunday). */
    union { unsigned int word; char *string; } week_1stday, first;
    int offset;

    week_1stday.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
    first.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
    offset = (week_1stday.word == 19971130 ? 0 : 1) + first.string[0] - 1;
    return (offset % 7) == 0 ? G_DATE_SUNDAY : G_DATE_MONDAY;
  }
#else
  return G_DATE_MONDAY;
#endif
}
