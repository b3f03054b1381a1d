/* stride-pain-dialog.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_PAIN_DIALOG (stride_pain_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StridePainDialog, stride_pain_dialog, STRIDE, PAIN_DIALOG, AdwWindow)

/* Logs a new pain entry (@pain_id 0) on @date (a Julian day; 0 = today),
 * or edits an existing one (@date is then ignored).
 *
 * Signals:
 *   "saved" (gint64 id): the entry was written; the dialog closes next.
 *   "delete-requested" (gint64 id): the user pressed Delete; the dialog
 *     closes and the caller deletes (with undo). */
StridePainDialog *stride_pain_dialog_new (GtkWindow   *parent,
                                          StrideStore *store,
                                          gint64       pain_id,
                                          guint32      date);

G_END_DECLS
