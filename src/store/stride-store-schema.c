/* stride-store-schema.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stride-store-private.h"

/* Schema version 1: the whole data model of DESIGN.md.
 *
 * This text is history: once released it never changes, a new version is a
 * new migration. The id lists in the CHECK constraints are the words of
 * stride-types.c (the store tests insert every one of them). Dates without
 * a time are TEXT 'YYYY-MM-DD'; an activity starts at INTEGER Unix seconds
 * (UTC) plus the local offset. Unknown optional numbers are NULL. */
#define DATE_CHECK(col) "CHECK (" col " IS NULL OR date (" col ") IS " col ")"
#define SIDE_CHECK "CHECK (side IN ('both', 'left', 'right'))"
#define RUN_TYPE_CHECK \
  "CHECK (run_type IN ('none', 'easy', 'long', 'tempo', 'intervals', 'race', 'recovery'))"

static const char schema_v1[] =
  "CREATE TABLE exercise ("
  "  id          INTEGER PRIMARY KEY,"
  "  key         TEXT NOT NULL UNIQUE"
  "              CHECK (key <> '' AND key NOT GLOB '*[^a-z0-9-]*'),"
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  category    TEXT NOT NULL CHECK (category IN ('compound', 'explosive', 'unilateral',"
  "                                   'posterior', 'hip', 'calf', 'core', 'mobility')),"
  "  muscles     TEXT NOT NULL DEFAULT '',"
  "  unilateral  INTEGER NOT NULL DEFAULT 0 CHECK (unilateral IN (0, 1))"
  ");"

  "CREATE TABLE shoe ("
  "  id            INTEGER PRIMARY KEY,"
  "  name          TEXT NOT NULL CHECK (name <> ''),"
  "  start_date    TEXT " DATE_CHECK ("start_date") ","
  "  retired_date  TEXT " DATE_CHECK ("retired_date") ","
  "  limit_km      REAL NOT NULL DEFAULT 0 CHECK (limit_km >= 0)"
  ");"

  "CREATE TABLE activity ("
  "  id                INTEGER PRIMARY KEY,"
  "  sport             TEXT NOT NULL CHECK (sport IN ('run', 'strength', 'cycling',"
  "                                                   'walk', 'swim', 'other')),"
  "  start_utc         INTEGER NOT NULL,"
  "  tz_offset_s       INTEGER NOT NULL DEFAULT 0"
  "                    CHECK (tz_offset_s BETWEEN -64800 AND 64800),"
  "  duration_s        REAL NOT NULL DEFAULT 0 CHECK (duration_s >= 0),"
  "  moving_s          REAL CHECK (moving_s >= 0),"
  "  distance_m        REAL NOT NULL DEFAULT 0 CHECK (distance_m >= 0),"
  "  elevation_gain_m  REAL NOT NULL DEFAULT 0 CHECK (elevation_gain_m >= 0),"
  "  avg_hr            INTEGER CHECK (avg_hr BETWEEN 1 AND 300),"
  "  rpe               INTEGER CHECK (rpe BETWEEN 0 AND 10),"
  "  run_type          TEXT NOT NULL DEFAULT 'none' " RUN_TYPE_CHECK ","
  "  shoe_id           INTEGER REFERENCES shoe (id) ON DELETE SET NULL,"
  "  title             TEXT,"
  "  notes             TEXT,"
  "  source_hash       TEXT"
  ");"
  "CREATE INDEX activity_start_utc ON activity (start_utc);"
  "CREATE INDEX activity_source_hash ON activity (source_hash);"
  "CREATE INDEX activity_shoe_id ON activity (shoe_id);"

  "CREATE TABLE trackpoint ("
  "  id           INTEGER PRIMARY KEY,"
  "  activity_id  INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  time_s       REAL NOT NULL,"
  "  lat          REAL CHECK (lat BETWEEN -90 AND 90),"
  "  lon          REAL CHECK (lon BETWEEN -180 AND 180),"
  "  elevation_m  REAL,"
  "  distance_m   REAL CHECK (distance_m >= 0),"
  "  hr           INTEGER CHECK (hr > 0),"
  "  cadence      INTEGER CHECK (cadence > 0)"
  ");"
  "CREATE INDEX trackpoint_activity_time ON trackpoint (activity_id, time_s);"

  "CREATE TABLE lap ("
  "  id           INTEGER PRIMARY KEY,"
  "  activity_id  INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  lap_index    INTEGER NOT NULL CHECK (lap_index >= 0),"
  "  start_s      REAL NOT NULL DEFAULT 0 CHECK (start_s >= 0),"
  "  duration_s   REAL NOT NULL DEFAULT 0 CHECK (duration_s >= 0),"
  "  distance_m   REAL NOT NULL DEFAULT 0 CHECK (distance_m >= 0),"
  "  avg_hr       INTEGER CHECK (avg_hr BETWEEN 1 AND 300),"
  "  UNIQUE (activity_id, lap_index)"
  ");"

  "CREATE TABLE strength_set ("
  "  id           INTEGER PRIMARY KEY,"
  "  activity_id  INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  exercise_id  INTEGER NOT NULL REFERENCES exercise (id) ON DELETE RESTRICT,"
  "  side         TEXT NOT NULL DEFAULT 'both' " SIDE_CHECK ","
  "  reps         INTEGER NOT NULL CHECK (reps >= 0),"
  "  load_kg      REAL NOT NULL DEFAULT 0 CHECK (load_kg >= 0),"
  "  rpe          INTEGER CHECK (rpe BETWEEN 0 AND 10),"
  "  position     INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0)"
  ");"
  "CREATE INDEX strength_set_activity_position ON strength_set (activity_id, position);"
  "CREATE INDEX strength_set_exercise ON strength_set (exercise_id);"

  "CREATE TABLE measurement ("
  "  id      INTEGER PRIMARY KEY,"
  "  date    TEXT NOT NULL " DATE_CHECK ("date") ","
  "  test    TEXT NOT NULL CHECK (test <> ''),"
  "  method  TEXT CHECK (method <> ''),"
  "  side    TEXT NOT NULL DEFAULT 'both' " SIDE_CHECK ","
  "  value   REAL NOT NULL,"
  "  unit    TEXT,"
  "  notes   TEXT"
  ");"
  "CREATE INDEX measurement_date ON measurement (date);"

  "CREATE TABLE plan_entry ("
  "  id                    INTEGER PRIMARY KEY,"
  "  date                  TEXT NOT NULL " DATE_CHECK ("date") ","
  "  slot                  TEXT NOT NULL DEFAULT 'morning'"
  "                        CHECK (slot IN ('morning', 'evening')),"
  "  kind                  TEXT NOT NULL"
  "                        CHECK (kind IN ('run', 'strength', 'rest', 'race', 'cross')),"
  "  run_type              TEXT NOT NULL DEFAULT 'none' " RUN_TYPE_CHECK ","
  "  target_distance_m     REAL CHECK (target_distance_m >= 0),"
  "  target_duration_s     REAL CHECK (target_duration_s >= 0),"
  "  target_pace_s_per_km  REAL CHECK (target_pace_s_per_km >= 0),"
  "  description           TEXT,"
  "  status                TEXT NOT NULL DEFAULT 'planned'"
  "                        CHECK (status IN ('planned', 'done', 'skipped', 'moved')),"
  "  activity_id           INTEGER REFERENCES activity (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX plan_entry_date ON plan_entry (date);"
  "CREATE INDEX plan_entry_activity ON plan_entry (activity_id);"

  "CREATE TABLE race ("
  "  id           INTEGER PRIMARY KEY,"
  "  date         TEXT NOT NULL " DATE_CHECK ("date") ","
  "  name         TEXT NOT NULL CHECK (name <> ''),"
  "  distance_m   REAL NOT NULL CHECK (distance_m > 0),"
  "  goal_time_s  REAL CHECK (goal_time_s > 0),"
  "  activity_id  INTEGER REFERENCES activity (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX race_date ON race (date);"
  "CREATE INDEX race_activity ON race (activity_id);"

  "CREATE TABLE pain_entry ("
  "  id        INTEGER PRIMARY KEY,"
  "  date      TEXT NOT NULL " DATE_CHECK ("date") ","
  "  location  TEXT NOT NULL CHECK (location <> ''),"
  "  side      TEXT NOT NULL DEFAULT 'both' " SIDE_CHECK ","
  "  severity  INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),"
  "  notes     TEXT"
  ");"
  "CREATE INDEX pain_entry_date ON pain_entry (date);"

  "CREATE TABLE checklist ("
  "  id        INTEGER PRIMARY KEY,"
  "  iso_week  TEXT NOT NULL"
  "            CHECK (iso_week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),"
  "  item_id   TEXT NOT NULL CHECK (item_id <> ''),"
  "  state     TEXT NOT NULL CHECK (state <> ''),"
  "  note      TEXT,"
  "  UNIQUE (iso_week, item_id)"
  ");"

  "CREATE TABLE setting ("
  "  key    TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),"
  "  value  TEXT NOT NULL"
  ");";

gboolean
_stride_store_migrate_v1 (sqlite3  *db,
                          GError  **error)
{
  int rc;

  g_assert (db != NULL);

  rc = sqlite3_exec (db, schema_v1, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _stride_store_set_error (error, db, rc, _("Could not create the tables"));
      return FALSE;
    }

  return _stride_exercise_library_seed (db, error);
}
