/* stride-plan-page.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_PLAN_PAGE (stride_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (StridePlanPage, stride_plan_page, STRIDE, PLAN_PAGE, GtkWidget)

/* The Plan page (issue 5): a month grid or a week agenda of planned
 * entries beside what was done, week totals (planned vs done distance and
 * strength sessions, compliance), today marked, the first weekday of the
 * locale or Preferences. Arrows move between days, Page Up/Down between
 * months, Home goes to today, Enter adds an entry to the focused day.
 * Entries are edited in a dialog, moved by drag and drop (undoable),
 * deleted with undo, and a week can be copied to the next. */

void      stride_plan_page_set_store    (StridePlanPage *self,
                                         StrideStore    *store);
/* The journal changed (an entry logged or imported): link new activities
 * to their plan entries, skip what the day after left undone, and show it. */
void      stride_plan_page_reload       (StridePlanPage *self);

/* The focused day (a Julian day); showing it may change the month. */
guint32   stride_plan_page_get_day      (StridePlanPage *self);
void      stride_plan_page_set_day      (StridePlanPage *self,
                                         guint32         day);
gboolean  stride_plan_page_get_week_view (StridePlanPage *self);
void      stride_plan_page_set_week_view (StridePlanPage *self,
                                          gboolean        week_view);
/* The first day of the month grid (for tests). */
guint32   stride_plan_page_get_first_shown (StridePlanPage *self);
/* Moves entry @id to @day as a drop does, with an undo toast. */
gboolean  stride_plan_page_move_entry   (StridePlanPage *self,
                                         gint64          id,
                                         guint32         day);

G_END_DECLS
