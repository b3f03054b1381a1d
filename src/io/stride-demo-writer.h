/* stride-demo-writer.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "stride-store.h"

G_BEGIN_DECLS

/* Writes the sample journal of stride_demo_generate() for the @years before
 * @today (a GDate Julian day) and the plan of the 8 weeks after it, with
 * STRIDE_DEMO_DEFAULT_SEED, into @store — all in one transaction: on any
 * error nothing is written. Exercises are looked up by key in the store's
 * library; sets of an exercise the library lacks are left out. */
gboolean stride_demo_write (StrideStore  *store,
                            guint         years,
                            guint32       today,
                            GError      **error);

G_END_DECLS
