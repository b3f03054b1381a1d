/* stride-help-window.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STRIDE_TYPE_HELP_WINDOW (stride_help_window_get_type ())

G_DECLARE_FINAL_TYPE (StrideHelpWindow, stride_help_window, STRIDE, HELP_WINDOW, AdwWindow)

/* The in-app help: a list of topics beside the text of the chosen one,
 * folding into one column (with a back button) on narrow windows.
 *
 * Topics: "logging", "balance", "checklist", "planning", "import",
 * "shortcuts", "data". When @parent is a StrideWindow with a journal
 * open, the "data" topic shows that journal's path.
 *
 * Actions: "help.back" goes from a topic back to the list when folded;
 * "help.show-shortcuts" opens @parent's keyboard shortcuts window (enabled
 * when @parent has one). */
StrideHelpWindow *stride_help_window_new        (GtkWindow        *parent);

/* Shows @topic (one of the names above), and when folded, its page
 * rather than the list. */
void              stride_help_window_show_topic (StrideHelpWindow *self,
                                                 const char       *topic);
const char       *stride_help_window_get_topic  (StrideHelpWindow *self);

G_END_DECLS
