/* stride-units.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exact conversion factors (RISK-RULES.md §1). */
#define STRIDE_METERS_PER_KM    1000.0
#define STRIDE_METERS_PER_MILE  1609.344
#define STRIDE_KG_PER_LB        0.45359237

/* What the parsers accept; anything outside is "absurd" and rejected. */
#define STRIDE_UNITS_MAX_DISTANCE_M     1000000.0    /* 1000 km */
#define STRIDE_UNITS_MAX_DURATION_S     (72 * 3600.0) /* 72 h */
#define STRIDE_UNITS_MIN_PACE_S_PER_KM  90.0         /* 1:30 /km, faster than any human */
#define STRIDE_UNITS_MAX_PACE_S_PER_KM  3600.0       /* 60:00 /km */
#define STRIDE_UNITS_MAX_WEIGHT_KG      500.0

typedef enum
{
  STRIDE_UNITS_METRIC,
  STRIDE_UNITS_IMPERIAL,
} StrideUnitSystem;

#define STRIDE_UNITS_ERROR (stride_units_error_quark ())

typedef enum
{
  STRIDE_UNITS_ERROR_EMPTY,          /* nothing typed */
  STRIDE_UNITS_ERROR_INVALID,        /* not a number / not m:ss / unknown unit */
  STRIDE_UNITS_ERROR_NEGATIVE,       /* below zero */
  STRIDE_UNITS_ERROR_OUT_OF_RANGE,   /* zero where a value is needed, or absurdly large */
} StrideUnitsError;

GQuark      stride_units_error_quark          (void);

/* Conversions. Distances are stored in metres, paces in seconds per km,
 * weights in kg; "display" values are km or mi, s/km or s/mi, kg or lb. */
double      stride_units_distance_to_display  (double            meters,
                                               StrideUnitSystem  units);
double      stride_units_distance_from_display (double           value,
                                                StrideUnitSystem units);
double      stride_units_pace_to_display      (double            s_per_km,
                                               StrideUnitSystem  units);
double      stride_units_pace_from_display    (double            s_per_unit,
                                               StrideUnitSystem  units);
double      stride_units_weight_to_display    (double            kg,
                                               StrideUnitSystem  units);
double      stride_units_weight_from_display  (double            value,
                                               StrideUnitSystem  units);

/* Pace (s/km) <-> speed (m/s). Both return 0 for input <= 0 or not finite. */
double      stride_units_pace_to_speed        (double            s_per_km);
double      stride_units_speed_to_pace        (double            m_per_s);

/* Two of distance / duration / pace give the third. Each returns 0 when
 * an input is <= 0 or not finite. */
double      stride_units_pace_from            (double            distance_m,
                                               double            duration_s);
double      stride_units_duration_from        (double            distance_m,
                                               double            s_per_km);
double      stride_units_distance_from        (double            duration_s,
                                               double            s_per_km);
/* Fills the one of the three that is 0 from the other two. FALSE when not
 * exactly one is 0 (or one of the others is negative / not finite). */
gboolean    stride_units_solve                (double           *distance_m,
                                               double           *duration_s,
                                               double           *s_per_km);

/* Display strings, newly allocated, always with '.' as the decimal point
 * (the parsers accept only '.'). Values that are negative or not finite
 * give "–".
 *   distance: 2 decimals, a trailing 0 dropped: "10.5 km", "6.52 mi", "42.2 km"
 *   duration: whole seconds: "0:45", "45:00", "1:02:03"
 *   pace:     whole seconds per km / mi: "4:05 /km", "7:30 /mi"
 *   speed:    one decimal: "14.7 km/h", "9.1 mph"
 *   weight:   kg up to 2 decimals, lb up to 1, trailing 0s dropped:
 *             "80 kg", "22.5 kg", "176.4 lb" */
char       *stride_units_format_distance      (double            meters,
                                               StrideUnitSystem  units) G_GNUC_WARN_UNUSED_RESULT;
char       *stride_units_format_duration      (double            seconds) G_GNUC_WARN_UNUSED_RESULT;
char       *stride_units_format_pace          (double            s_per_km,
                                               StrideUnitSystem  units) G_GNUC_WARN_UNUSED_RESULT;
char       *stride_units_format_speed         (double            m_per_s,
                                               StrideUnitSystem  units) G_GNUC_WARN_UNUSED_RESULT;
char       *stride_units_format_weight        (double            kg,
                                               StrideUnitSystem  units) G_GNUC_WARN_UNUSED_RESULT;

/* Parsers for what runners type. Leading/trailing blanks are ignored, the
 * decimal separator is '.', units are case-insensitive and may follow the
 * number with or without a space. On error *out is left alone.
 *
 * distance: "42.2" (in @default_units: km or mi), "42.2 km", "26.2 mi",
 *           "5000 m"; also "k", "mile", "miles". Must be > 0, <= 1000 km.
 * duration: "h:mm:ss" ("3:59:59"), "m:ss" ("45:00", minutes may exceed 59:
 *           "90:00"), or a bare number which means MINUTES ("45", "45.5").
 *           Seconds (and minutes in h:mm:ss) must be < 60. > 0, <= 72 h.
 * pace:     "m:ss" with an optional "/km", "/mi", "min/km", "min/mi" ("4:05",
 *           "4:05/km", "7:30 /mi"); a bare whole number means minutes
 *           ("5" = 5:00). Without a unit it is per @default_units.
 *           Between 1:30 and 60:00 per km.
 * weight:   "80", "80 kg", "176 lb" ("lbs" too); 0 is allowed (body weight);
 *           <= 500 kg. */
gboolean    stride_units_parse_distance       (const char       *text,
                                               StrideUnitSystem  default_units,
                                               double           *out_m,
                                               GError          **error);
gboolean    stride_units_parse_duration       (const char       *text,
                                               double           *out_s,
                                               GError          **error);
gboolean    stride_units_parse_pace           (const char       *text,
                                               StrideUnitSystem  default_units,
                                               double           *out_s_per_km,
                                               GError          **error);
gboolean    stride_units_parse_weight         (const char       *text,
                                               StrideUnitSystem  default_units,
                                               double           *out_kg,
                                               GError          **error);

G_END_DECLS
