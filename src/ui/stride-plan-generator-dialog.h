/* stride-plan-generator-dialog.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_PLAN_GENERATOR_DIALOG (stride_plan_generator_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StridePlanGeneratorDialog, stride_plan_generator_dialog,
                      STRIDE, PLAN_GENERATOR_DIALOG, AdwWindow)

/* Generates periodised weeks up to a goal race (stride-planner.h) from
 * the journal's recent training, shows them, and writes them to the plan
 * only when the user presses "Add to Plan": every entry, and the race when
 * it is new, in one transaction. The user's own entries are never
 * overwritten.
 *
 * Signals:
 *   "applied" (guint n_entries_written, guint32 first_day): the entries
 *     were written (@first_day is the Julian day of the first one, or
 *     tomorrow when there were none); the dialog closes next. */
StridePlanGeneratorDialog *stride_plan_generator_dialog_new (GtkWindow   *parent,
                                                             StrideStore *store);

G_END_DECLS
