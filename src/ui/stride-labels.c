/* stride-labels.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-labels.h"

typedef struct
{
  const char *id;
  const char *label;
} IdLabel;

static const IdLabel test_labels[] = {
  { STRIDE_TEST_KNEE_FLEXION, N_("Knee flexion") },
  { STRIDE_TEST_KNEE_EXTENSION, N_("Knee extension") },
  { STRIDE_TEST_KNEE_FLEXION_ECC, N_("Eccentric knee flexion") },
  { STRIDE_TEST_HIP_ABDUCTION, N_("Hip abduction") },
  { STRIDE_TEST_HIP_ADDUCTION, N_("Hip adduction") },
  { STRIDE_TEST_HOP, N_("Single-leg hop") },
  { STRIDE_TEST_CALF_RAISES, N_("Single-leg calf raises") },
  { STRIDE_TEST_LEG_CURL_1RM, N_("Leg curl 1RM") },
  { STRIDE_TEST_LEG_EXTENSION_1RM, N_("Leg extension 1RM") },
};

static const IdLabel location_labels[] = {
  { "foot", N_("Foot") },
  { "ankle", N_("Ankle") },
  { "achilles", N_("Achilles tendon") },
  { "calf", N_("Calf") },
  { "shin", N_("Shin") },
  { "knee", N_("Knee") },
  { "it-band", N_("IT band") },
  { "hamstring", N_("Hamstring") },
  { "quadriceps", N_("Quadriceps") },
  { "hip", N_("Hip") },
  { "groin", N_("Groin") },
  { "glute", N_("Glute") },
  { "lower-back", N_("Lower back") },
  { "plantar-fascia", N_("Plantar fascia") },
};

static const IdLabel method_labels[] = {
  { STRIDE_METHOD_ISOKINETIC_60, N_("Isokinetic, 60°/s") },
  { STRIDE_METHOD_ISOKINETIC_180, N_("Isokinetic, 180°/s") },
  { STRIDE_METHOD_ISOKINETIC_300, N_("Isokinetic, 300°/s") },
  { STRIDE_METHOD_ISOKINETIC_30, N_("Isokinetic, 30°/s") },
  { STRIDE_METHOD_ISOKINETIC_240, N_("Isokinetic, 240°/s") },
  { STRIDE_METHOD_DYNAMOMETER, N_("Hand-held dynamometer") },
  { STRIDE_METHOD_1RM, N_("One-repetition maximum") },
  { STRIDE_METHOD_E1RM, N_("Estimated 1RM") },
  { STRIDE_METHOD_FIELD, N_("Field test") },
};

static const char *
lookup (const IdLabel *table,
        guint          n_entries,
        const char    *id)
{
  g_return_val_if_fail (id != NULL, "");

  for (guint i = 0; i < n_entries; i++)
    if (g_str_equal (table[i].id, id))
      return _(table[i].label);

  return id;
}

const char *
stride_label_for_test (const char *test_id)
{
  return lookup (test_labels, G_N_ELEMENTS (test_labels), test_id);
}

const char *
stride_label_for_location (const char *location_id)
{
  return lookup (location_labels, G_N_ELEMENTS (location_labels), location_id);
}

const char *
stride_label_for_method (const char *method_id)
{
  return lookup (method_labels, G_N_ELEMENTS (method_labels), method_id);
}

/* Builds a NULL-terminated id list of a table once. */
static const char *const *
list_ids (const IdLabel  *table,
          guint           n_entries,
          const char   ***cache)
{
  if (g_once_init_enter (cache))
    {
      const char **ids = g_new0 (const char *, n_entries + 1);

      for (guint i = 0; i < n_entries; i++)
        ids[i] = table[i].id;
      g_once_init_leave (cache, ids);
    }

  return *cache;
}

const char *const *
stride_labels_list_tests (void)
{
  static const char **ids;

  return list_ids (test_labels, G_N_ELEMENTS (test_labels), &ids);
}

const char *const *
stride_labels_list_methods (void)
{
  static const char **ids;

  return list_ids (method_labels, G_N_ELEMENTS (method_labels), &ids);
}

const char *const *
stride_labels_list_locations (void)
{
  static const char **ids;

  return list_ids (location_labels, G_N_ELEMENTS (location_labels), &ids);
}

const char *
stride_label_for_category (StrideExerciseCategory category)
{
  switch (category)
    {
    case STRIDE_CATEGORY_COMPOUND:
      return _("Compound");
    case STRIDE_CATEGORY_EXPLOSIVE:
      return _("Explosive");
    case STRIDE_CATEGORY_UNILATERAL:
      return _("Unilateral");
    case STRIDE_CATEGORY_POSTERIOR:
      return _("Posterior chain");
    case STRIDE_CATEGORY_HIP:
      return _("Hip");
    case STRIDE_CATEGORY_CALF:
      return _("Calf");
    case STRIDE_CATEGORY_CORE:
      return _("Core");
    case STRIDE_CATEGORY_MOBILITY:
    case STRIDE_N_CATEGORIES:
    default:
      return _("Mobility");
    }
}

const char *
stride_label_for_run_type (StrideRunType type)
{
  switch (type)
    {
    case STRIDE_RUN_TYPE_EASY:
      return _("Easy Run");
    case STRIDE_RUN_TYPE_LONG:
      return _("Long Run");
    case STRIDE_RUN_TYPE_TEMPO:
      return _("Tempo Run");
    case STRIDE_RUN_TYPE_INTERVALS:
      return _("Intervals");
    case STRIDE_RUN_TYPE_RACE:
      return _("Race");
    case STRIDE_RUN_TYPE_RECOVERY:
      return _("Recovery Run");
    case STRIDE_RUN_TYPE_NONE:
    case STRIDE_N_RUN_TYPES:
    default:
      return _("Run");
    }
}

const char *
stride_label_for_sport (StrideSport sport)
{
  switch (sport)
    {
    case STRIDE_SPORT_RUN:
      return _("Run");
    case STRIDE_SPORT_STRENGTH:
      return _("Strength Session");
    case STRIDE_SPORT_CYCLING:
      return _("Ride");
    case STRIDE_SPORT_WALK:
      return _("Walk");
    case STRIDE_SPORT_SWIM:
      return _("Swim");
    case STRIDE_SPORT_OTHER:
    case STRIDE_N_SPORTS:
    default:
      return _("Activity");
    }
}

const char *
stride_label_for_side (StrideSide side)
{
  switch (side)
    {
    case STRIDE_SIDE_LEFT:
      return _("left");
    case STRIDE_SIDE_RIGHT:
      return _("right");
    case STRIDE_SIDE_BOTH:
    case STRIDE_N_SIDES:
    default:
      return _("both sides");
    }
}

const char *
stride_icon_for_sport (StrideSport sport)
{
  switch (sport)
    {
    case STRIDE_SPORT_RUN:
      return "stride-run-symbolic";
    case STRIDE_SPORT_STRENGTH:
      return "stride-strength-symbolic";
    case STRIDE_SPORT_CYCLING:
    case STRIDE_SPORT_WALK:
    case STRIDE_SPORT_SWIM:
    case STRIDE_SPORT_OTHER:
    case STRIDE_N_SPORTS:
    default:
      return "stride-activity-symbolic";
    }
}
