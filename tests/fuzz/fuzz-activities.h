/* fuzz-activities.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "stride-track.h"

/* What the importer and the UI rely on in anything a parser returns: every
 * activity has its arrays, and its text is UTF-8 (it goes into SQLite and
 * GTK labels as it is). Reading every point also lets ASan check that the
 * arrays are as long as they say. */
static volatile double fuzz_sink;

static inline void
fuzz_check_activities (GPtrArray *activities)
{
  for (guint i = 0; i < activities->len; i++)
    {
      StrideParsedActivity *parsed = g_ptr_array_index (activities, i);
      double sum = 0;

      g_assert_nonnull (parsed);
      g_assert_nonnull (parsed->points);
      g_assert_nonnull (parsed->laps);
      g_assert_true (parsed->activity.title == NULL
                     || g_utf8_validate (parsed->activity.title, -1, NULL));
      g_assert_true (parsed->activity.notes == NULL
                     || g_utf8_validate (parsed->activity.notes, -1, NULL));
      g_assert_true (parsed->note == NULL || g_utf8_validate (parsed->note, -1, NULL));

      for (guint j = 0; j < parsed->points->len; j++)
        sum += g_array_index (parsed->points, StrideTrackpoint, j).time_s;
      for (guint j = 0; j < parsed->laps->len; j++)
        sum += g_array_index (parsed->laps, StrideLap, j).duration_s;
      /* Keeps the reads from being optimised away. */
      fuzz_sink = sum;
    }
}
