/* stride-form.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-units.h"

G_BEGIN_DECLS

/* Helpers shared by the entry dialogs. They show no text of their own:
 * every user-visible string comes from the caller, translated there. */

/* Dates: Julian days, shown at local noon (a time every day has). */
guint32           stride_form_julian_of               (GDateTime        *date_time);
/* The zone in which to read a date and time typed for an entry stored at
 * @start_utc with @offset_s: the computer's own zone when it had that
 * offset then (so a moved date follows daylight saving), otherwise the
 * entry's fixed offset (it was logged elsewhere). */
GTimeZone        *stride_form_zone_for_entry          (gint64            start_utc,
                                                       int               offset_s);
char             *stride_form_format_day              (guint32           julian,
                                                       const char       *format)
                  G_GNUC_WARN_UNUSED_RESULT;
guint32           stride_form_calendar_get_julian     (GtkCalendar      *calendar);
void              stride_form_calendar_select_julian  (GtkCalendar      *calendar,
                                                       guint32           julian);
/* A day as the run, pain and shoe forms show it ("Wed 25 Nov 2026"). */
char             *stride_form_format_field_day        (guint32           julian);
/* Shows @julian on a form's date button, "Date: …" for screen readers. */
void              stride_form_show_date               (GtkMenuButton    *button,
                                                       guint32           julian);
void              stride_form_show_date_button        (GtkMenuButton    *button,
                                                       const char       *text,
                                                       const char       *spoken);
void              stride_form_popdown                 (GtkMenuButton    *button);
void              stride_form_set_menu_on_demand      (GtkMenuButton    *button,
                                                       GMenuModel       *model);

/* Messages and marks */
void              stride_form_set_error_style         (GtkWidget        *widget,
                                                       gboolean          error);
void              stride_form_set_accessible_label    (GtkWidget        *widget,
                                                       const char       *label);
void              stride_form_show_save_error         (GtkWidget        *box,
                                                       GtkLabel         *label,
                                                       const char       *message);
void              stride_form_show_banner             (GtkRevealer      *revealer,
                                                       GtkLabel         *label,
                                                       const char       *message);

/* Numbers and settings */
char             *stride_form_format_decimal          (double            value)
                  G_GNUC_WARN_UNUSED_RESULT;
StrideUnitSystem  stride_form_get_units               (GSettings        *settings,
                                                       const char       *key,
                                                       const char       *imperial_choice);
/* The first day of the week: Monday or Sunday as set in Preferences
 * ("first-weekday"), or else as the language settings say. */
GDateWeekday      stride_form_first_weekday           (GSettings        *settings);

/* "Save anyway?" for a date in the future. @response_cb is connected,
 * swapped, to the dialog's "response" signal, as long as @data lives;
 * it calls stride_form_future_confirmed(). */
void              stride_form_confirm_future          (GtkWindow        *parent,
                                                       const char       *heading,
                                                       const char       *body,
                                                       const char       *cancel_label,
                                                       const char       *save_label,
                                                       GCallback         response_cb,
                                                       gpointer          data);
gboolean          stride_form_future_confirmed        (AdwMessageDialog *dialog,
                                                       const char       *response);

G_END_DECLS
