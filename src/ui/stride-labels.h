/* stride-labels.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "stride-types.h"

G_BEGIN_DECLS

/* Translated, human names for the stable ids of the data model. Unknown
 * ids (from a newer journal, say) come back unchanged, never NULL. */
const char *stride_label_for_run_type  (StrideRunType  type);
const char *stride_label_for_sport     (StrideSport    sport);
const char *stride_label_for_side      (StrideSide     side);
const char *stride_label_for_test      (const char    *test_id);
const char *stride_label_for_location  (const char    *location_id);
const char *stride_label_for_method    (const char    *method_id);
const char *stride_label_for_category  (StrideExerciseCategory category);

/* The known ids, NULL-terminated, in the order a form should offer them. */
const char *const *stride_labels_list_tests     (void);
const char *const *stride_labels_list_methods   (void);
const char *const *stride_labels_list_locations (void);

/* The icon of a sport or entry kind, shipped in the GResource. */
const char *stride_icon_for_sport      (StrideSport    sport);

G_END_DECLS
