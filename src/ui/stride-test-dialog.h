/* stride-test-dialog.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_TEST_DIALOG (stride_test_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StrideTestDialog, stride_test_dialog, STRIDE, TEST_DIALOG, AdwWindow)

/* Logs the strength tests of a new day (@date 0) or edits those of the
 * day @date (a Julian day). Signals: "saved" (gint64 id of the first
 * measurement saved) after a successful save, then the dialog closes;
 * "delete-requested" (gint64 Julian date of the day) from the Delete
 * button of an existing day, then the dialog closes. */
StrideTestDialog *stride_test_dialog_new (GtkWindow   *parent,
                                          StrideStore *store,
                                          guint32      date);

G_END_DECLS
