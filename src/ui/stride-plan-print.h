/* stride-plan-print.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "stride-store.h"

G_BEGIN_DECLS

/* Printing the plan (issue 5, item 7) with GtkPrintOperation, drawn with
 * Cairo and Pango in the light chart style (stride_chart_data_style_init()).
 *
 * @n_days below 28: a week agenda, portrait — one row per day with its
 * date, the planned entries (kind, targets, description, status), races
 * and what was done that no entry planned; over as many pages as needed.
 * @n_days 28 or more (35, 42): a month grid, landscape — 7 columns and
 * @n_days / 7 rows, entries as short lines, the days outside the month
 * (the month of the middle day) dimmed.
 *
 * @first_day is moved back to the nearest @first_weekday on or before it,
 * so the Plan page may pass the first day of a month or a week.
 * Units (km or mi) come from the app's settings. */

/* Shows the print dialog (its "Print to File" gives a PDF) for @parent.
 * A failure shows an error dialog. */
void     stride_plan_print        (GtkWindow     *parent,
                                   StrideStore   *store,
                                   guint32        first_day,
                                   guint          n_days,
                                   GDateWeekday   first_weekday);

/* The same pages, through the same GtkPrintOperation, exported to the PDF
 * file @path without a dialog (GTK_PRINT_OPERATION_ACTION_EXPORT). */
gboolean stride_plan_print_to_pdf (StrideStore   *store,
                                   guint32        first_day,
                                   guint          n_days,
                                   GDateWeekday   first_weekday,
                                   const char    *path,
                                   GError       **error);

/* The title of the pages: "Training Plan · 23 – 29 Nov 2026" for a week,
 * "November 2026" for a month. Exposed for tests. */
char    *stride_plan_print_title  (guint32        first_day,
                                   guint          n_days,
                                   GDateWeekday   first_weekday) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
