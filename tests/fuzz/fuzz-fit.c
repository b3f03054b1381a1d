/* fuzz-fit.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzz target for the FIT decoder (stride-fit.c), through the importer's
 * bytes entry point (which also inflates .fit.gz data).
 *
 * Each input is decoded twice: as it is, and — when it starts like a FIT
 * file — with its header and file CRCs recomputed along the chain. Random
 * mutations almost never keep a CRC-16 right, so without the second pass
 * nearly every input would stop at the CRC check and the decoder behind it
 * would hardly be fuzzed. */

#include "config.h"

#include <string.h>

#include "fuzz-activities.h"
#include "fuzz-target.h"
#include "stride-import.h"

static guint16
fit_crc (guint16       crc,
         const guint8 *bytes,
         gsize         len)
{
  static const guint16 table[16] = {
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
  };

  for (gsize i = 0; i < len; i++)
    {
      guint16 tmp = table[crc & 0xF];

      crc = (crc >> 4) & 0x0FFF;
      crc = crc ^ tmp ^ table[bytes[i] & 0xF];
      tmp = table[crc & 0xF];
      crc = (crc >> 4) & 0x0FFF;
      crc = crc ^ tmp ^ table[(bytes[i] >> 4) & 0xF];
    }

  return crc;
}

/* Rewrites the CRCs of every complete part of a FIT chain in @data. Returns
 * FALSE when nothing was changed. */
static gboolean
fix_crcs (guint8 *data,
          gsize   size)
{
  gboolean changed = FALSE;
  gsize offset = 0;

  while (size - offset >= 12)
    {
      guint8 *h = data + offset;
      guint header_size = h[0];
      guint64 data_size = (guint64) h[4] | (guint64) h[5] << 8 | (guint64) h[6] << 16
                          | (guint64) h[7] << 24;
      guint64 end;
      guint16 crc;

      if (header_size < 12 || header_size > size - offset || memcmp (h + 8, ".FIT", 4) != 0)
        break;
      if (header_size >= 14)
        {
          crc = fit_crc (0, h, 12);
          h[12] = crc & 0xFF;
          h[13] = crc >> 8;
        }
      end = header_size + data_size;
      if (end + 2 > size - offset)
        break;
      crc = fit_crc (0, h, (gsize) end);
      h[end] = crc & 0xFF;
      h[end + 1] = crc >> 8;
      changed = TRUE;
      offset += (gsize) end + 2;
    }

  return changed;
}

static void
parse (GBytes *bytes)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = stride_import_parse_bytes (bytes, STRIDE_IMPORT_FORMAT_FIT, NULL, &error);
  /* The contract: a result or an error, never both or neither. */
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
  g_autofree guint8 *fixed = NULL;

  parse (bytes);

  fixed = g_memdup2 (data, size);
  if (fixed != NULL && fix_crcs (fixed, size) && memcmp (fixed, data, size) != 0)
    {
      g_autoptr(GBytes) fixed_bytes = g_bytes_new_take (g_steal_pointer (&fixed), size);

      parse (fixed_bytes);
    }

  return 0;
}
