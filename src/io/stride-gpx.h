/* stride-gpx.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-track.h"

G_BEGIN_DECLS

/* Tracks starting more than this after the previous one ended become an
 * activity of their own; closer tracks (and all segments) are merged. */
#define STRIDE_GPX_TRACK_GAP_S (3 * 60 * 60)

/* Reads a GPX 1.0 or 1.1 document (streamed, never fully in memory).
 *
 * Returns (transfer full) (element-type StrideParsedActivity): one activity
 * per group of tracks (see STRIDE_GPX_TRACK_GAP_S), in time order. Sport
 * comes from the track's <type>; a track without one is a run, because
 * running watches and apps mostly write none and running is what this
 * journal is for. The title is the track's <name>, else the file's.
 *
 * Fails with STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT for files with only
 * routes, waypoints, empty tracks or a single point,
 * STRIDE_IMPORT_ERROR_NO_TIMESTAMPS when the points have no usable times
 * (tracks where fewer than half of the points have one are left out),
 * STRIDE_IMPORT_ERROR_INVALID when no point has valid coordinates, and
 * STRIDE_IMPORT_ERROR_MALFORMED for broken XML. */
GPtrArray *stride_gpx_parse (GInputStream  *stream,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
