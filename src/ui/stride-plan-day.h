/* stride-plan-day.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_PLAN_DAY (stride_plan_day_get_type ())

G_DECLARE_FINAL_TYPE (StridePlanDay, stride_plan_day, STRIDE, PLAN_DAY, GtkWidget)

/* What was done on a day, for the calendar: the runs and the strength
 * minutes of the journal (not linked to a plan entry). */
typedef struct
{
  GArray *runs;            /* StrideRunSummary of the day */
  double  strength_s;
} StridePlanDone;

/* One day of the plan calendar: the day number (today marked), its planned
 * entries as chips (kind, target, done or skipped), and what was done that
 * no entry planned. Entries can be dragged to another day; a day is a drop
 * target. Focusable, so the calendar can be walked with the keyboard.
 *
 * Signals: "entry-activated" (gint64 id) on a double click or Enter on a
 * chip; "entry-dropped" (gint64 id) when a chip is dropped on this day. */

GtkWidget *stride_plan_day_new          (void);
void       stride_plan_day_set_date     (StridePlanDay          *self,
                                         guint32                 julian,
                                         gboolean                in_month,
                                         gboolean                today);
guint32    stride_plan_day_get_date     (StridePlanDay          *self);
/* @entries: the day's StridePlanEntry records (copied); @warnings (may
 * be NULL): per entry, a sentence when the entry breaks a checklist rule
 * (a planned run over the spike limit), else NULL — the chip then shows a
 * warning icon and says it; @done may be NULL. @units for distances. */
void       stride_plan_day_set_contents (StridePlanDay          *self,
                                         const StridePlanEntry  *entries,
                                         guint                   n_entries,
                                         const char *const      *warnings,
                                         const StridePlanDone   *done,
                                         StrideUnitSystem        units);
/* "Long run · 24 km", "Strength · 20 min", "Rest": how an entry reads in
 * the calendar (also the week agenda and print). */
char      *stride_plan_entry_describe   (const StridePlanEntry  *entry,
                                         StrideUnitSystem        units) G_GNUC_WARN_UNUSED_RESULT;
const char *stride_plan_kind_icon       (StridePlanKind          kind);

G_END_DECLS
