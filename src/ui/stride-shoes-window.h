/* stride-shoes-window.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_SHOES_WINDOW (stride_shoes_window_get_type ())

G_DECLARE_FINAL_TYPE (StrideShoesWindow, stride_shoes_window, STRIDE, SHOES_WINDOW, AdwWindow)

/* Lists the shoes with their mileage and lets the user add, rename,
 * retire, return to use and delete them.
 *
 * Actions (parameter: the shoe id, "x"): "shoes.rename" and "shoes.delete"
 * (each asks first, in an AdwMessageDialog), "shoes.retire",
 * "shoes.unretire"; "shoes.add" adds the shoe typed in the form.
 *
 * Signal "changed": after any write to the journal. */
StrideShoesWindow *stride_shoes_window_new (GtkWindow   *parent,
                                            StrideStore *store);

G_END_DECLS
