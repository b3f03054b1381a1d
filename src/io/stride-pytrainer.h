/* stride-pytrainer.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-track.h"

G_BEGIN_DECLS

/* pytrainer's database: one SQLite file (usually ~/.pytrainer/pytrainer.ddbb)
 * with the tables records (one row per activity: date_time_utc,
 * date_time_local, distance in km, duration in s, beats, title, comments),
 * laps (elapsed_time in s as text, distance in m), sports (names) and
 * equipment, linked to records through record_equipment. It is opened
 * read-only and never written. */

typedef struct
{
  GPtrArray *activities;             /* StrideParsedActivity, in record order */
  GArray    *shoes;                  /* StrideShoe (id 0), with a clear func */
  GArray    *shoe_of;                /* gint per activity: index in shoes, -1 = none */
  char      *note;                   /* equipment left out, or NULL */
} StridePytrainerData;

void                 stride_pytrainer_data_free (StridePytrainerData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StridePytrainerData, stride_pytrainer_data_free)

/* Whether @file starts with the SQLite header ("SQLite format 3\0"). */
gboolean             stride_pytrainer_is_sqlite (GFile               *file,
                                                 GCancellable        *cancellable);

/* Reads the database at @file (a local file). Records become activities
 * (sport by the sports table's name: run, cycling, walk, swim or other),
 * their laps StrideLaps, and equipment becomes shoes (life expectancy in
 * km as the limit; equipment used only by records that are not runs is
 * left out and said in ->note); a run is linked to its first piece of
 * equipment. A record without a usable date, duration or distance is left
 * out with a line in @skipped ("record 7: …"). Returns NULL with a
 * STRIDE_IMPORT_ERROR when the file is not an SQLite database with
 * pytrainer's tables. */
StridePytrainerData *stride_pytrainer_read      (GFile               *file,
                                                 GPtrArray           *skipped,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

G_END_DECLS
