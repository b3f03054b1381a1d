/* stride-track.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <math.h>

#include "stride-types.h"

G_BEGIN_DECLS

/* Shared by every activity-file importer: the error domain, the parsed
 * result, and the code that turns raw samples into a StrideActivity with
 * totals, so GPX, TCX (and later FIT) compute them the same way. */

#define STRIDE_IMPORT_ERROR (stride_import_error_quark ())

typedef enum
{
  STRIDE_IMPORT_ERROR_UNSUPPORTED,       /* not a file type we read */
  STRIDE_IMPORT_ERROR_MALFORMED,         /* broken XML, gzip, or wrong root */
  STRIDE_IMPORT_ERROR_NO_TIMESTAMPS,     /* points without usable times */
  STRIDE_IMPORT_ERROR_INVALID,           /* values that make no activity */
  STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT, /* routes, waypoints, courses, empty tracks */
} StrideImportError;

GQuark stride_import_error_quark (void);

/* One activity read from a file. The activity's id is 0; source_hash is
 * left NULL for the importer to fill. */
typedef struct
{
  StrideActivity  activity;
  GArray         *points;            /* StrideTrackpoint, in time order */
  GArray         *laps;              /* StrideLap */
  char           *note;              /* what was ignored or guessed, or NULL */
} StrideParsedActivity;

StrideParsedActivity *stride_parsed_activity_new  (void);
void                  stride_parsed_activity_free (StrideParsedActivity *self);
/* Appends a sentence to ->note. */
void                  stride_parsed_activity_add_note (StrideParsedActivity *self,
                                                       const char           *format,
                                                       ...) G_GNUC_PRINTF (2, 3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideParsedActivity, stride_parsed_activity_free)

/* A sample as read from the file, before totals. */
typedef struct
{
  double time;                       /* Unix seconds with fraction, NAN = none */
  double lat;                        /* degrees, NAN = none */
  double lon;
  double elevation_m;                /* NAN = none */
  double distance_m;                 /* cumulative as written in the file, NAN = none */
  gint   hr;                         /* 0 = none */
  gint   cadence;                    /* 0 = none */
  guint  segment;                    /* points of one segment share a number */
} StrideRawPoint;

#define STRIDE_RAW_POINT_INIT { NAN, NAN, NAN, NAN, NAN, 0, 0, 0 }

/* Thresholds of the totals, documented in stride-track.c. */
#define STRIDE_TRACK_PAUSE_SPEED       0.5   /* m/s */
#define STRIDE_TRACK_PAUSE_MIN_S       10.0  /* s */
#define STRIDE_TRACK_ELEVATION_HYST_M  2.0   /* m */
#define STRIDE_TRACK_MAX_HR            300   /* bpm; higher samples are noise */

/* Builds @out->points and the totals of @out->activity (start_utc,
 * duration_s, moving_s, distance_m, elevation_gain_m, avg_hr) from @raw,
 * in file order. @start_time (Unix seconds, NAN = the first timed point) is
 * the activity start when the file states one (TCX laps). Returns the number
 * of points kept. */
guint    stride_track_build          (StrideParsedActivity *out,
                                      const StrideRawPoint *raw,
                                      guint                 n_raw,
                                      double                start_time);

/* Parses an ISO 8601 date-time (with Z, an offset, or none = UTC, and
 * fractional seconds) into Unix seconds and the UTC offset it was written
 * with. */
gboolean stride_track_parse_time     (const char           *text,
                                      GTimeZone            *utc,
                                      double               *unix_s,
                                      gint                 *offset_s);
/* Strict number parsing: the whole (stripped) text must be a finite number. */
gboolean stride_track_parse_double   (const char           *text,
                                      double               *value);
gboolean stride_track_parse_int      (const char           *text,
                                      gint                 *value);
/* Great-circle distance in metres (haversine, mean Earth radius). */
double   stride_track_distance       (double                lat1,
                                      double                lon1,
                                      double                lat2,
                                      double                lon2);
/* Maps a file's sport word (GPX <type>, TCX Sport) to a sport; NULL or ""
 * gives @fallback, an unknown word STRIDE_SPORT_OTHER. */
StrideSport stride_track_sport_from_text (const char       *text,
                                          StrideSport       fallback);

G_END_DECLS
