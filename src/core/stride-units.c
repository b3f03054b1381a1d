/* stride-units.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-units"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "stride-units.h"

#define INVALID_VALUE "\xe2\x80\x93"   /* "–": shown for values that make no sense */

G_DEFINE_QUARK (stride-units-error-quark, stride_units_error)

/* Conversions */

double
stride_units_distance_to_display (double           meters,
                                  StrideUnitSystem units)
{
  if (units == STRIDE_UNITS_IMPERIAL)
    return meters / STRIDE_METERS_PER_MILE;
  return meters / STRIDE_METERS_PER_KM;
}

double
stride_units_distance_from_display (double           value,
                                    StrideUnitSystem units)
{
  if (units == STRIDE_UNITS_IMPERIAL)
    return value * STRIDE_METERS_PER_MILE;
  return value * STRIDE_METERS_PER_KM;
}

double
stride_units_pace_to_display (double           s_per_km,
                              StrideUnitSystem units)
{
  if (units == STRIDE_UNITS_IMPERIAL)
    return s_per_km * (STRIDE_METERS_PER_MILE / STRIDE_METERS_PER_KM);
  return s_per_km;
}

double
stride_units_pace_from_display (double           s_per_unit,
                                StrideUnitSystem units)
{
  if (units == STRIDE_UNITS_IMPERIAL)
    return s_per_unit * (STRIDE_METERS_PER_KM / STRIDE_METERS_PER_MILE);
  return s_per_unit;
}

double
stride_units_weight_to_display (double           kg,
                                StrideUnitSystem units)
{
  if (units == STRIDE_UNITS_IMPERIAL)
    return kg / STRIDE_KG_PER_LB;
  return kg;
}

double
stride_units_weight_from_display (double           value,
                                  StrideUnitSystem units)
{
  if (units == STRIDE_UNITS_IMPERIAL)
    return value * STRIDE_KG_PER_LB;
  return value;
}

static inline gboolean
positive (double value)
{
  return isfinite (value) && value > 0.0;
}

double
stride_units_pace_to_speed (double s_per_km)
{
  if (!positive (s_per_km))
    return 0.0;
  return STRIDE_METERS_PER_KM / s_per_km;
}

double
stride_units_speed_to_pace (double m_per_s)
{
  if (!positive (m_per_s))
    return 0.0;
  return STRIDE_METERS_PER_KM / m_per_s;
}

double
stride_units_pace_from (double distance_m,
                        double duration_s)
{
  if (!positive (distance_m) || !positive (duration_s))
    return 0.0;
  return duration_s / (distance_m / STRIDE_METERS_PER_KM);
}

double
stride_units_duration_from (double distance_m,
                            double s_per_km)
{
  if (!positive (distance_m) || !positive (s_per_km))
    return 0.0;
  return distance_m / STRIDE_METERS_PER_KM * s_per_km;
}

double
stride_units_distance_from (double duration_s,
                            double s_per_km)
{
  if (!positive (duration_s) || !positive (s_per_km))
    return 0.0;
  return duration_s / s_per_km * STRIDE_METERS_PER_KM;
}

gboolean
stride_units_solve (double *distance_m,
                    double *duration_s,
                    double *s_per_km)
{
  guint n_missing = 0;

  g_return_val_if_fail (distance_m != NULL, FALSE);
  g_return_val_if_fail (duration_s != NULL, FALSE);
  g_return_val_if_fail (s_per_km != NULL, FALSE);

  n_missing = (*distance_m == 0.0) + (*duration_s == 0.0) + (*s_per_km == 0.0);
  if (n_missing != 1)
    return FALSE;

  if (*distance_m == 0.0)
    {
      if (!positive (*duration_s) || !positive (*s_per_km))
        return FALSE;
      *distance_m = stride_units_distance_from (*duration_s, *s_per_km);
    }
  else if (*duration_s == 0.0)
    {
      if (!positive (*distance_m) || !positive (*s_per_km))
        return FALSE;
      *duration_s = stride_units_duration_from (*distance_m, *s_per_km);
    }
  else
    {
      if (!positive (*distance_m) || !positive (*duration_s))
        return FALSE;
      *s_per_km = stride_units_pace_from (*distance_m, *duration_s);
    }

  return TRUE;
}

/* Formatting */

/* @scaled is the value times 10^@decimals, already rounded. Writes it with
 * '.' whatever the locale, dropping trailing zeros down to @min_decimals. */
static char *
format_scaled (gint64 scaled,
               guint  decimals,
               guint  min_decimals)
{
  GString *str = g_string_new (NULL);
  gint64 divisor = 1;
  gint64 frac;
  guint shown = decimals;

  for (guint i = 0; i < decimals; i++)
    divisor *= 10;

  g_string_append_printf (str, "%" G_GINT64_FORMAT, scaled / divisor);
  frac = scaled % divisor;

  while (shown > min_decimals && frac % 10 == 0)
    {
      frac /= 10;
      shown--;
    }

  if (shown > 0)
    g_string_append_printf (str, ".%0*" G_GINT64_FORMAT, (int) shown, frac);

  return g_string_free (str, FALSE);
}

static char *
format_clock (gint64 total_s)
{
  gint64 h = total_s / 3600;
  gint64 m = (total_s % 3600) / 60;
  gint64 s = total_s % 60;

  if (h > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                            h, m, s);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, m, s);
}

char *
stride_units_format_distance (double           meters,
                              StrideUnitSystem units)
{
  g_autofree char *number = NULL;

  if (!isfinite (meters) || meters < 0.0 || meters > 1e12)
    return g_strdup (INVALID_VALUE);

  /* Hundredths straight from metres, so 42195 m is exactly 4219.5 -> 42.20. */
  if (units == STRIDE_UNITS_IMPERIAL)
    {
      number = format_scaled (llround (meters / (STRIDE_METERS_PER_MILE / 100.0)), 2, 1);
      /* Translators: a distance in miles, e.g. "6.52 mi" */
      return g_strdup_printf (_("%s mi"), number);
    }

  number = format_scaled (llround (meters / (STRIDE_METERS_PER_KM / 100.0)), 2, 1);
  /* Translators: a distance in kilometres, e.g. "10.5 km" */
  return g_strdup_printf (_("%s km"), number);
}

char *
stride_units_format_duration (double seconds)
{
  if (!isfinite (seconds) || seconds < 0.0 || seconds > 1e12)
    return g_strdup (INVALID_VALUE);

  return format_clock (llround (seconds));
}

char *
stride_units_format_pace (double           s_per_km,
                          StrideUnitSystem units)
{
  g_autofree char *clock = NULL;

  if (!positive (s_per_km) || s_per_km > 1e9)
    return g_strdup (INVALID_VALUE);

  /* Round the total to whole seconds first so 4:59.6 becomes 5:00, not 4:60. */
  clock = format_clock (llround (stride_units_pace_to_display (s_per_km, units)));

  if (units == STRIDE_UNITS_IMPERIAL)
    /* Translators: a running pace in minutes:seconds per mile, e.g. "7:30 /mi" */
    return g_strdup_printf (_("%s /mi"), clock);

  /* Translators: a running pace in minutes:seconds per kilometre, e.g. "4:05 /km" */
  return g_strdup_printf (_("%s /km"), clock);
}

char *
stride_units_format_speed (double           m_per_s,
                           StrideUnitSystem units)
{
  g_autofree char *number = NULL;

  if (!isfinite (m_per_s) || m_per_s < 0.0 || m_per_s > 1e9)
    return g_strdup (INVALID_VALUE);

  if (units == STRIDE_UNITS_IMPERIAL)
    {
      number = format_scaled (llround (m_per_s * 3600.0 / STRIDE_METERS_PER_MILE * 10.0), 1, 1);
      /* Translators: a speed in miles per hour, e.g. "9.1 mph" */
      return g_strdup_printf (_("%s mph"), number);
    }

  number = format_scaled (llround (m_per_s * 3.6 * 10.0), 1, 1);
  /* Translators: a speed in kilometres per hour, e.g. "14.7 km/h" */
  return g_strdup_printf (_("%s km/h"), number);
}

char *
stride_units_format_weight (double           kg,
                            StrideUnitSystem units)
{
  g_autofree char *number = NULL;

  if (!isfinite (kg) || kg < 0.0 || kg > 1e12)
    return g_strdup (INVALID_VALUE);

  if (units == STRIDE_UNITS_IMPERIAL)
    {
      number = format_scaled (llround (kg / STRIDE_KG_PER_LB * 10.0), 1, 0);
      /* Translators: a weight in pounds, e.g. "176.4 lb" */
      return g_strdup_printf (_("%s lb"), number);
    }

  /* Two decimals: plates of 1.25 kg give loads like 21.25 kg. */
  number = format_scaled (llround (kg * 100.0), 2, 0);
  /* Translators: a weight in kilograms, e.g. "22.5 kg" */
  return g_strdup_printf (_("%s kg"), number);
}

/* Parsing */

typedef enum
{
  NUMBER_OK,
  NUMBER_NONE,       /* no digit at all */
  NUMBER_NEGATIVE,   /* starts with '-' */
  NUMBER_COMMA,      /* "42,2" */
} NumberResult;

/* Reads an unsigned decimal number "12", "12.5", ".5" at *p, locale-free,
 * and moves *p past it. No sign, exponent, hex, inf or nan. */
static NumberResult
read_number (const char **p,
             double      *out)
{
  const char *start = *p;
  const char *s = start;
  guint n_digits = 0;
  g_autofree char *copy = NULL;

  if (*s == '-' || *s == '+')
    return *s == '-' ? NUMBER_NEGATIVE : NUMBER_NONE;

  while (g_ascii_isdigit (*s))
    {
      s++;
      n_digits++;
    }

  if (*s == ',' && n_digits > 0 && g_ascii_isdigit (s[1]))
    return NUMBER_COMMA;

  if (*s == '.')
    {
      s++;
      while (g_ascii_isdigit (*s))
        {
          s++;
          n_digits++;
        }
    }

  if (n_digits == 0)
    return NUMBER_NONE;

  copy = g_strndup (start, s - start);
  *out = g_ascii_strtod (copy, NULL);
  *p = s;

  return NUMBER_OK;
}

/* Reads a run of ASCII digits as an integer; FALSE when there is none or it
 * is too long to be sensible. Sets *n_digits. */
static gboolean
read_integer (const char **p,
              gint64      *out,
              guint       *n_digits)
{
  const char *s = *p;
  gint64 value = 0;
  guint n = 0;

  while (g_ascii_isdigit (*s))
    {
      if (n >= 9)
        return FALSE;
      value = value * 10 + (*s - '0');
      s++;
      n++;
    }

  if (n == 0)
    return FALSE;

  *out = value;
  *n_digits = n;
  *p = s;

  return TRUE;
}

static char *
trimmed_lower (const char *text)
{
  char *copy = g_ascii_strdown (text, -1);

  return g_strstrip (copy);
}

static const char *
skip_blanks (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

typedef enum
{
  QUANTITY_DISTANCE,
  QUANTITY_DURATION,
  QUANTITY_PACE,
  QUANTITY_WEIGHT,
} Quantity;

/* The messages of a quantity that do not quote the input. */
typedef struct
{
  const char *empty;
  const char *negative;
  const char *comma;   /* NULL where no decimal number is read */
} QuantityMessages;

static const QuantityMessages quantity_messages[] = {
  [QUANTITY_DISTANCE] = {
    N_("Enter a distance, e.g. 10.5 km"),
    N_("A distance cannot be negative"),
    N_("Use a point as the decimal separator, e.g. 42.2"),
  },
  [QUANTITY_DURATION] = {
    N_("Enter a duration, e.g. 45:00"),
    N_("A duration cannot be negative"),
    N_("Use a point as the decimal separator, e.g. 45.5"),
  },
  [QUANTITY_PACE] = {
    N_("Enter a pace, e.g. 4:05"),
    N_("A pace cannot be negative"),
    NULL,
  },
  [QUANTITY_WEIGHT] = {
    N_("Enter a weight, e.g. 60 kg (0 for body weight)"),
    N_("A weight cannot be negative"),
    N_("Use a point as the decimal separator, e.g. 22.5"),
  },
};

/* The messages that quote the input stay in a switch, so that their
 * formats are literals the compiler can check. */
static void
set_not_a_quantity (GError     **error,
                    Quantity     quantity,
                    const char  *text)
{
  switch (quantity)
    {
    case QUANTITY_DISTANCE:
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                   _("“%s” is not a distance: type a number with an optional unit, "
                     "e.g. 10.5 km, 6.2 mi or 5000 m"), text);
      break;
    case QUANTITY_PACE:
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a pace: type minutes:seconds with an optional "
                     "/km or /mi, e.g. 4:05/km"), text);
      break;
    case QUANTITY_DURATION:
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a duration: type h:mm:ss, m:ss or minutes, "
                     "e.g. 1:02:03, 45:00 or 45"), text);
      break;
    case QUANTITY_WEIGHT:
    default:
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                   _("“%s” is not a weight: type a number with an optional unit, "
                     "e.g. 22.5 kg or 50 lb"), text);
      break;
    }
}

/* Returns @text lower-cased and trimmed, or NULL with @error set when
 * nothing is left or it starts with a minus sign. */
static char *
read_input (const char  *text,
            Quantity     quantity,
            GError     **error)
{
  g_autofree char *input = trimmed_lower (text != NULL ? text : "");

  if (*input == '\0')
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_EMPTY,
                           _(quantity_messages[quantity].empty));
      return NULL;
    }
  if (*input == '-')
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_NEGATIVE,
                           _(quantity_messages[quantity].negative));
      return NULL;
    }

  return g_steal_pointer (&input);
}

/* Reads the number that @input (from read_input()) starts with and points
 * *unit past it and any blanks. FALSE with @error set (quoting @text) when
 * there is no number. */
static gboolean
read_amount (const char   *input,
             const char   *text,
             Quantity      quantity,
             double       *value,
             const char  **unit,
             GError      **error)
{
  const char *p = input;

  switch (read_number (&p, value))
    {
    case NUMBER_OK:
      break;
    case NUMBER_COMMA:
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                           _(quantity_messages[quantity].comma));
      return FALSE;
    case NUMBER_NEGATIVE:   /* read_input() has refused these already */
    case NUMBER_NONE:
    default:
      set_not_a_quantity (error, quantity, text);
      return FALSE;
    }

  *unit = skip_blanks (p);
  return TRUE;
}

gboolean
stride_units_parse_distance (const char       *text,
                             StrideUnitSystem  default_units,
                             double           *out_m,
                             GError          **error)
{
  g_autofree char *input = NULL;
  const char *unit;
  double value = 0.0;
  double meters;

  g_return_val_if_fail (out_m != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  input = read_input (text, QUANTITY_DISTANCE, error);
  if (input == NULL || !read_amount (input, text, QUANTITY_DISTANCE, &value, &unit, error))
    return FALSE;

  if (*unit == '\0')
    meters = stride_units_distance_from_display (value, default_units);
  else if (g_str_equal (unit, "km") || g_str_equal (unit, "k"))
    meters = value * STRIDE_METERS_PER_KM;
  else if (g_str_equal (unit, "m"))
    meters = value;
  else if (g_str_equal (unit, "mi") || g_str_equal (unit, "mile") || g_str_equal (unit, "miles"))
    meters = value * STRIDE_METERS_PER_MILE;
  else
    {
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                   _("“%s” is not a distance: use km, mi or m as the unit, "
                     "e.g. 10.5 km, 6.2 mi or 5000 m"), text);
      return FALSE;
    }

  if (meters <= 0.0)
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                           _("The distance must be more than zero"));
      return FALSE;
    }
  if (meters > STRIDE_UNITS_MAX_DISTANCE_M)
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                           _("A distance over 1000 km is not plausible"));
      return FALSE;
    }

  *out_m = meters;
  return TRUE;
}

/* Parses "m:ss" or "h:mm:ss" from @p up to the end of the string into
 * seconds. Returns FALSE with @error set (mentioning @text) on failure. */
static gboolean
parse_clock (const char  *p,
             const char  *text,
             Quantity     quantity,
             gint64      *out_s,
             GError     **error)
{
  gint64 parts[3];
  guint digits[3];
  guint n_parts = 0;

  for (;;)
    {
      if (n_parts == G_N_ELEMENTS (parts) || !read_integer (&p, &parts[n_parts], &digits[n_parts]))
        goto invalid;
      n_parts++;

      if (*p == '\0')
        break;
      if (*p != ':')
        goto invalid;
      p++;
    }

  if (n_parts < 2)
    goto invalid;

  /* The last part is seconds, the one before minutes (hours first if three). */
  if (digits[n_parts - 1] != 2)
    {
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                   _("Seconds need two digits in “%s”, e.g. 4:05"), text);
      return FALSE;
    }
  if (parts[n_parts - 1] >= 60)
    {
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                   _("Seconds must be below 60 in “%s”"), text);
      return FALSE;
    }

  if (n_parts == 3)
    {
      if (digits[1] != 2)
        {
          g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                       _("Minutes need two digits in “%s”, e.g. 1:05:00"), text);
          return FALSE;
        }
      if (parts[1] >= 60)
        {
          g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                       _("Minutes must be below 60 in “%s”"), text);
          return FALSE;
        }
      *out_s = parts[0] * 3600 + parts[1] * 60 + parts[2];
    }
  else
    *out_s = parts[0] * 60 + parts[1];

  return TRUE;

invalid:
  set_not_a_quantity (error, quantity, text);
  return FALSE;
}

gboolean
stride_units_parse_duration (const char  *text,
                             double      *out_s,
                             GError     **error)
{
  g_autofree char *input = NULL;
  double seconds;

  g_return_val_if_fail (out_s != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  input = read_input (text, QUANTITY_DURATION, error);
  if (input == NULL)
    return FALSE;

  if (strchr (input, ':') != NULL)
    {
      gint64 total = 0;

      if (!parse_clock (input, text, QUANTITY_DURATION, &total, error))
        return FALSE;
      seconds = (double) total;
    }
  else
    {
      /* A bare number is minutes: "45" is what runners type for a 45-minute run. */
      const char *unit;
      double minutes = 0.0;

      if (!read_amount (input, text, QUANTITY_DURATION, &minutes, &unit, error))
        return FALSE;
      if (!(*unit == '\0' || g_str_equal (unit, "min")))
        {
          set_not_a_quantity (error, QUANTITY_DURATION, text);
          return FALSE;
        }
      seconds = round (minutes * 60.0);
    }

  if (seconds <= 0.0)
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                           _("The duration must be more than zero"));
      return FALSE;
    }
  if (seconds > STRIDE_UNITS_MAX_DURATION_S)
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                           _("A duration over 72 hours is not plausible"));
      return FALSE;
    }

  *out_s = seconds;
  return TRUE;
}

gboolean
stride_units_parse_pace (const char       *text,
                         StrideUnitSystem  default_units,
                         double           *out_s_per_km,
                         GError          **error)
{
  g_autofree char *input = NULL;
  StrideUnitSystem units = default_units;
  char *slash;
  gint64 s_per_unit = 0;
  double s_per_km;

  g_return_val_if_fail (out_s_per_km != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  input = read_input (text, QUANTITY_PACE, error);
  if (input == NULL)
    return FALSE;

  /* Split off an optional "/km", "/mi", "min/km", "min/mi". */
  slash = strchr (input, '/');
  if (slash != NULL)
    {
      const char *unit = skip_blanks (slash + 1);
      gsize len;

      if (g_str_equal (unit, "km"))
        units = STRIDE_UNITS_METRIC;
      else if (g_str_equal (unit, "mi") || g_str_equal (unit, "mile"))
        units = STRIDE_UNITS_IMPERIAL;
      else
        {
          set_not_a_quantity (error, QUANTITY_PACE, text);
          return FALSE;
        }

      *slash = '\0';
      g_strchomp (input);
      len = strlen (input);
      if (len >= 3 && g_str_has_suffix (input, "min"))
        {
          input[len - 3] = '\0';
          g_strchomp (input);
        }
    }

  if (strchr (input, ':') != NULL)
    {
      if (!parse_clock (input, text, QUANTITY_PACE, &s_per_unit, error))
        return FALSE;
    }
  else
    {
      /* A bare whole number is minutes: "5" = 5:00. "5.5" is ambiguous
       * (5:30 or 5:50?), so it is refused. */
      const char *p = input;
      guint n_digits;
      gint64 minutes;

      if (!read_integer (&p, &minutes, &n_digits) || *p != '\0')
        {
          set_not_a_quantity (error, QUANTITY_PACE, text);
          return FALSE;
        }
      s_per_unit = minutes * 60;
    }

  s_per_km = stride_units_pace_from_display ((double) s_per_unit, units);

  if (s_per_km < STRIDE_UNITS_MIN_PACE_S_PER_KM)
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                           _("A pace faster than 1:30 /km (2:25 /mi) is not plausible"));
      return FALSE;
    }
  if (s_per_km > STRIDE_UNITS_MAX_PACE_S_PER_KM)
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                           _("A pace slower than 60:00 /km is not plausible"));
      return FALSE;
    }

  *out_s_per_km = s_per_km;
  return TRUE;
}

gboolean
stride_units_parse_weight (const char       *text,
                           StrideUnitSystem  default_units,
                           double           *out_kg,
                           GError          **error)
{
  g_autofree char *input = NULL;
  const char *unit;
  double value = 0.0;
  double kg;

  g_return_val_if_fail (out_kg != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  input = read_input (text, QUANTITY_WEIGHT, error);
  if (input == NULL || !read_amount (input, text, QUANTITY_WEIGHT, &value, &unit, error))
    return FALSE;

  if (*unit == '\0')
    kg = stride_units_weight_from_display (value, default_units);
  else if (g_str_equal (unit, "kg") || g_str_equal (unit, "kgs"))
    kg = value;
  else if (g_str_equal (unit, "lb") || g_str_equal (unit, "lbs"))
    kg = value * STRIDE_KG_PER_LB;
  else
    {
      g_set_error (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_INVALID,
                   _("“%s” is not a weight: use kg or lb as the unit, "
                     "e.g. 22.5 kg or 50 lb"), text);
      return FALSE;
    }

  if (kg > STRIDE_UNITS_MAX_WEIGHT_KG)
    {
      g_set_error_literal (error, STRIDE_UNITS_ERROR, STRIDE_UNITS_ERROR_OUT_OF_RANGE,
                           _("A weight over 500 kg is not plausible"));
      return FALSE;
    }

  *out_kg = kg;
  return TRUE;
}
