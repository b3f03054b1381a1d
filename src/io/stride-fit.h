/* stride-fit.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-track.h"

G_BEGIN_DECLS

/* Seconds between the Unix epoch and the FIT epoch, 1989-12-31T00:00:00Z. */
#define STRIDE_FIT_EPOCH_UNIX 631065600

/* Reads a Garmin FIT file (our own decoder of the public FIT protocol):
 * 12- or 14-byte headers with their CRC, the file CRC, definition and data
 * messages of both architectures, compressed-timestamp headers, developer
 * fields (skipped), and chained FIT files back to back (all parts are
 * checked and decoded; parts that are not activities are noted and left
 * out).
 *
 * Returns (transfer full) (element-type StrideParsedActivity): one activity
 * per session message (multisport files have several; transition sessions
 * are left out with a note), or one from all records when the file has no
 * session. Records and laps go to the latest-starting session whose time
 * range holds them (60 s of slack at both ends). Start, elapsed time,
 * distance and average heart rate come from the session when it has them,
 * else from the records; the time zone from the activity message's
 * local_timestamp. Strength sets (message 225) are counted in a note, not
 * imported: exercise categories do not map to our library.
 *
 * Fails with STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT for FIT files that are
 * not activities (the message says what they are), STRIDE_IMPORT_ERROR_MALFORMED
 * for wrong CRCs, broken headers, truncated or inconsistent data, and
 * STRIDE_IMPORT_ERROR_NO_TIMESTAMPS when nothing has a usable time. */
GPtrArray *stride_fit_parse (GBytes        *data,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
