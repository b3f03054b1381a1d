/* stride-risk-settings.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-risk.h"

G_BEGIN_DECLS

/* The checklist's thresholds as the user set them in Preferences: the
 * risk-* keys of the com.example.StrideStrong schema, named in the
 * comments of StrideRiskThresholds. A key the schema lacks keeps its
 * default of stride_risk_thresholds_init(). */
void     stride_risk_settings_read                (GSettings            *settings,
                                                   StrideRiskThresholds *thresholds);
/* The previous-injury key: FALSE when the schema lacks it. */
gboolean stride_risk_settings_read_previous_injury (GSettings           *settings);

G_END_DECLS
