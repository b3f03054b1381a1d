/* stride-plan-generator-dialog-private.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "stride-planner.h"
#include "stride-plan-generator-dialog.h"

G_BEGIN_DECLS

/* The plan the preview shows, NULL while the inputs are invalid or the
 * preview is being updated. For the tests, which compare it with what
 * "Add to Plan" writes. */
const StridePlanResult *_stride_plan_generator_dialog_get_preview (StridePlanGeneratorDialog *self);

G_END_DECLS
