/* stride-strength-dialog.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_STRENGTH_DIALOG (stride_strength_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StrideStrengthDialog, stride_strength_dialog, STRIDE, STRENGTH_DIALOG, AdwWindow)

/* Logs a new strength session (@activity_id 0) or edits one. Signals:
 * "saved" (gint64 activity id) after a successful save, then the dialog
 * closes; "delete-requested" (gint64 activity id) from the Delete button
 * of an existing session, then the dialog closes. */
StrideStrengthDialog *stride_strength_dialog_new (GtkWindow   *parent,
                                                  StrideStore *store,
                                                  gint64       activity_id);

G_END_DECLS
