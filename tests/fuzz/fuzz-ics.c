/* fuzz-ics.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzz target for the iCalendar import (stride-ics.c over libical):
 * stride_ics_parse_bytes() with a zone that has summer time, so converting
 * times and expanding recurrences across a DST change is exercised. What
 * comes back is checked against the header's promises: entries with a
 * valid date, at most STRIDE_ICS_MAX_OCCURRENCES per recurring event, and
 * UTF-8 text. */

#include "config.h"

#include "fuzz-target.h"
#include "stride-ics.h"

static GTimeZone *berlin;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_target_init ();
  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  if (berlin == NULL)
    berlin = g_time_zone_new_utc ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(StrideIcsImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = stride_ics_parse_bytes (bytes, berlin, &error);
  g_assert_true ((import == NULL) != (error == NULL));
  if (import == NULL)
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_cmpuint (import->entries->len, <=,
                    MAX (import->n_events, 1) * STRIDE_ICS_MAX_OCCURRENCES);
  for (guint i = 0; i < import->entries->len; i++)
    {
      const StridePlanEntry *entry = &g_array_index (import->entries, StridePlanEntry, i);

      g_assert_true (g_date_valid_julian (entry->date));
      g_assert_true (entry->description == NULL
                     || g_utf8_validate (entry->description, -1, NULL));
    }
  for (guint i = 0; i < import->skipped->len; i++)
    {
      const StrideIcsSkipped *skipped = &g_array_index (import->skipped, StrideIcsSkipped, i);

      g_assert_true (skipped->message != NULL && g_utf8_validate (skipped->message, -1, NULL));
      g_assert_cmpstr (stride_ics_skip_reason_to_id (skipped->reason), !=, NULL);
    }
  for (guint i = 0; i < import->notes->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (import->notes, i), -1, NULL));

  return 0;
}
