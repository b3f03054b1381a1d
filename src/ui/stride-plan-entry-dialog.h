/* stride-plan-entry-dialog.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_PLAN_ENTRY_DIALOG (stride_plan_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StridePlanEntryDialog, stride_plan_entry_dialog,
                      STRIDE, PLAN_ENTRY_DIALOG, AdwWindow)

/* Plans a new session (@entry_id 0) on @date (a Julian day; 0 = today),
 * or edits an existing plan entry (@date is then ignored). An edit keeps
 * the entry's status and linked activity.
 *
 * Signals:
 *   "saved" (gint64 id): the entry was written; the dialog closes next.
 *   "delete-requested" (gint64 id): the user pressed Delete; the dialog
 *     closes and the caller deletes (with undo). */
StridePlanEntryDialog *stride_plan_entry_dialog_new (GtkWindow   *parent,
                                                     StrideStore *store,
                                                     gint64       entry_id,
                                                     guint32      date);

G_END_DECLS
