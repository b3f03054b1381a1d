/* stride-window.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-application.h"
#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_WINDOW (stride_window_get_type ())

G_DECLARE_FINAL_TYPE (StrideWindow, stride_window, STRIDE, WINDOW, AdwApplicationWindow)

StrideWindow *stride_window_new          (StrideApplication *application);
/* Opens the journal at @path; on failure the window shows why (and so does
 * @error), and the file is left untouched. */
gboolean      stride_window_open_journal (StrideWindow      *self,
                                          const char        *path,
                                          GError           **error);
/* Switches to a fresh temporary sample journal, made in a worker thread. */
void          stride_window_open_demo    (StrideWindow      *self);
StrideStore  *stride_window_get_store    (StrideWindow      *self);

G_END_DECLS
