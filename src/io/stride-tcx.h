/* stride-tcx.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-track.h"

G_BEGIN_DECLS

/* Reads a Garmin Training Center (TCX v2) document, streamed.
 *
 * Returns (transfer full) (element-type StrideParsedActivity): one activity
 * per <Activity> (also inside multisport sessions), in file order, with one
 * StrideLap per <Lap>. Sport comes from the Sport attribute (Running,
 * Biking, Other). The start is the earliest lap StartTime or trackpoint
 * time (else <Id>); moving time comes from the points when they span at
 * least half the activity, else from the laps' TotalTimeSeconds;
 * distance is the sum of the laps' DistanceMeters when they have one, else
 * the trackpoints' DistanceMeters, else computed from positions; a lap
 * repeating an earlier lap's StartTime is a duplicate and left out.
 *
 * Fails with STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT for courses and empty
 * activities, STRIDE_IMPORT_ERROR_NO_TIMESTAMPS when nothing has a time, and
 * STRIDE_IMPORT_ERROR_MALFORMED for broken XML. */
GPtrArray *stride_tcx_parse (GInputStream  *stream,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
