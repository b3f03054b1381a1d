/* fuzz-xml.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzz target for the GPX and TCX readers (stride-gpx.c, stride-tcx.c and
 * the libxml2 walker they share, stride-xml.c), through the importer's
 * bytes entry point, which also inflates .gpx.gz/.tcx.gz data. Every input
 * goes to both readers: the seeds stay real files, and a GPX reader fed a
 * TCX document (or the other way round) is a case worth having too. */

#include "config.h"

#include "fuzz-activities.h"
#include "fuzz-target.h"
#include "stride-import.h"

static void
parse (GBytes             *bytes,
       StrideImportFormat  format)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = stride_import_parse_bytes (bytes, format, NULL, &error);
  g_assert_true ((activities == NULL) != (error == NULL));
  /* Files with nothing to import are an error (NOTHING_TO_IMPORT), never
   * an empty list. */
  if (activities != NULL)
    {
      g_assert_cmpuint (activities->len, >, 0);
      fuzz_check_activities (activities);
    }
  else
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_target_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  parse (bytes, STRIDE_IMPORT_FORMAT_GPX);
  parse (bytes, STRIDE_IMPORT_FORMAT_TCX);

  return 0;
}
