/* stride-welcome-dialog.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_WELCOME_DIALOG (stride_welcome_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StrideWelcomeDialog, stride_welcome_dialog, STRIDE, WELCOME_DIALOG, AdwWindow)

/* The welcome of the first launch: what the app does, the health
 * disclaimer, and the three ways to begin. Modal over @parent (a
 * StrideWindow), whose actions its buttons run after closing it:
 * "welcome.open-demo" → "win.open-demo", "welcome.import" → "win.import",
 * "welcome.log-run" → "win.log-run". Closing it in any way (a button,
 * Escape, the close button) sets the GSettings key "welcome-seen". */
StrideWelcomeDialog *stride_welcome_dialog_new    (GtkWindow   *parent,
                                                   GSettings   *settings);

/* Whether the welcome belongs over @store: "welcome-seen" is still false
 * and @store is a writable journal with nothing in it yet. A journal with
 * entries is not a first launch, whatever the settings say. */
gboolean             stride_welcome_dialog_is_due (GSettings   *settings,
                                                   StrideStore *store);

G_END_DECLS
