/* stride-load.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Training-load series of RISK-RULES.md §3, pure functions over numbers. */

#define STRIDE_LOAD_ACUTE_DAYS   7
#define STRIDE_LOAD_CHRONIC_DAYS 28

/* Exponentially weighted moving averages of a daily load series (one
 * value per consecutive day, 0 for rest days), λ = 2 / (N + 1) (Williams
 * et al. 2017), seeded with the first day's load. @acute and @chronic
 * receive @n_days values each. */
void     stride_load_ewma          (const double *daily,
                                    guint         n_days,
                                    guint         acute_days,
                                    guint         chronic_days,
                                    double       *acute,
                                    double       *chronic);
/* Acute:chronic ratio; NAN when chronic is 0 or either is not finite. */
double   stride_load_acwr          (double        acute,
                                    double        chronic);
/* Trailing mean over the last @window values (fewer at the start),
 * skipping NAN values; NAN where the window holds none. */
void     stride_rolling_mean       (const double *values,
                                    guint         n_values,
                                    guint         window,
                                    double       *out);

G_END_DECLS
