/* stride-metrics.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-metrics"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "stride-metrics.h"
#include "stride-units.h"

/* Ratios compared with a band allow for this much rounding, so that a
 * ratio that is the band value on paper (e.g. 0.61 after a lb → kg
 * conversion) is not put in the band below by the last bit. */
#define BAND_EPSILON 1e-9

G_DEFINE_QUARK (stride-metrics-error-quark, stride_metrics_error)

/* Session load (RISK-RULES.md §3) */

/* Default CR-10 RPE of a run without one, by run type: what such a run
 * usually feels like (recovery "easy", long "somewhat hard", tempo "hard",
 * intervals and races "very hard"). A run of unknown type counts as
 * moderate. These are the "duration-weighted defaults" of §3: the load
 * still scales with the minutes. */
static const gint default_run_rpe[STRIDE_N_RUN_TYPES] = {
  [STRIDE_RUN_TYPE_NONE]      = 3,
  [STRIDE_RUN_TYPE_EASY]      = 3,
  [STRIDE_RUN_TYPE_LONG]      = 4,
  [STRIDE_RUN_TYPE_TEMPO]     = 6,
  [STRIDE_RUN_TYPE_INTERVALS] = 7,
  [STRIDE_RUN_TYPE_RACE]      = 8,
  [STRIDE_RUN_TYPE_RECOVERY]  = 2,
};

/* A strength session without RPE: moderate-to-hard lifting (Day et al.
 * 2004 report session RPEs around 5 for moderate loads). */
#define DEFAULT_STRENGTH_RPE 5

/* Cycling, walking, swimming and other sports without RPE: moderate. */
#define DEFAULT_OTHER_RPE 3

static gint
default_rpe (StrideSport   sport,
             StrideRunType run_type)
{
  switch (sport)
    {
    case STRIDE_SPORT_RUN:
      if ((guint) run_type < STRIDE_N_RUN_TYPES)
        return default_run_rpe[run_type];
      return default_run_rpe[STRIDE_RUN_TYPE_NONE];

    case STRIDE_SPORT_STRENGTH:
      return DEFAULT_STRENGTH_RPE;

    case STRIDE_SPORT_CYCLING:
    case STRIDE_SPORT_WALK:
    case STRIDE_SPORT_SWIM:
    case STRIDE_SPORT_OTHER:
    case STRIDE_N_SPORTS:
    default:
      return DEFAULT_OTHER_RPE;
    }
}

/* An RPE outside CR-10's 1–10 (0 is "unknown" in the records) is not a
 * rating the user gave, so it falls back to the default like a missing
 * one. */
double
stride_session_load (StrideSport    sport,
                     StrideRunType  run_type,
                     gint           rpe,
                     double         duration_s,
                     gboolean      *estimated)
{
  gboolean is_estimated = FALSE;

  if (estimated != NULL)
    *estimated = FALSE;

  if (!isfinite (duration_s) || duration_s <= 0.0)
    return 0.0;

  if (rpe < 1 || rpe > 10)
    {
      rpe = default_rpe (sport, run_type);
      is_estimated = TRUE;
    }

  if (estimated != NULL)
    *estimated = is_estimated;

  return rpe * (duration_s / 60.0);
}

/* Estimated 1RM (RISK-RULES.md §2) */

static gboolean
e1rm_input_ok (double load_kg,
               gint   reps)
{
  return isfinite (load_kg) && load_kg >= 0.0 && reps >= 1 && reps <= 10;
}

double
stride_e1rm_epley (double load_kg,
                   gint   reps)
{
  if (!e1rm_input_ok (load_kg, reps))
    return NAN;

  /* Epley's formula gives w × 31/30 for a single; the lift itself is the
   * 1RM there. */
  if (reps == 1)
    return load_kg;

  return load_kg * (1.0 + reps / 30.0);
}

double
stride_e1rm_brzycki (double load_kg,
                     gint   reps)
{
  if (!e1rm_input_ok (load_kg, reps))
    return NAN;

  if (reps == 1)
    return load_kg;

  return load_kg * 36.0 / (37.0 - reps);
}

/* The mean of Epley and Brzycki. Between 2 and 9 reps Epley reads a
 * little higher than Brzycki (at most ~3.9 %, at 3–4 reps) and neither is
 * known to be the better one for a given lifter, so the mean halves the
 * error of picking the wrong one. The two agree at 1 and 10 reps, so the
 * mean stays continuous where estimation stops. */
double
stride_e1rm (double load_kg,
             gint   reps)
{
  if (!e1rm_input_ok (load_kg, reps))
    return NAN;

  return (stride_e1rm_epley (load_kg, reps) + stride_e1rm_brzycki (load_kg, reps)) / 2.0;
}

/* Measurement units */

#define UNIT_NEWTON_METRE "N\u00b7m"

static const char * const known_units[] = {
  UNIT_NEWTON_METRE,
  "N",
  "kg",
  "lb",
  "cm",
  "reps",
};

gboolean
stride_measurement_unit_is_known (const char *unit)
{
  if (unit == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (known_units); i++)
    {
      if (strcmp (unit, known_units[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
stride_measurement_convert (double      value,
                            const char *from_unit,
                            const char *to_unit,
                            double     *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (!stride_measurement_unit_is_known (from_unit)
      || !stride_measurement_unit_is_known (to_unit))
    return FALSE;

  if (strcmp (from_unit, to_unit) == 0)
    {
      *out = value;
      return TRUE;
    }

  if (strcmp (from_unit, "lb") == 0 && strcmp (to_unit, "kg") == 0)
    {
      *out = value * STRIDE_KG_PER_LB;
      return TRUE;
    }

  if (strcmp (from_unit, "kg") == 0 && strcmp (to_unit, "lb") == 0)
    {
      *out = value / STRIDE_KG_PER_LB;
      return TRUE;
    }

  return FALSE;
}

/* Hamstring : quadriceps (RISK-RULES.md §2) */

typedef struct
{
  const char *method;
  double      target;
  double      flag_below;
} HqBand;

/* The default bands of §2. Isokinetic 30°/s and 240°/s have norms in the
 * literature (Aagaard et al. 1995) but no band in the table, so they get
 * none here either; machine 1RM is compared with the user's own
 * baseline, which is not a pure function of one ratio. */
static const HqBand hq_bands[] = {
  { STRIDE_METHOD_ISOKINETIC_60,  0.61, 0.47 },
  { STRIDE_METHOD_ISOKINETIC_180, 0.72, 0.55 },
  { STRIDE_METHOD_ISOKINETIC_300, 0.78, 0.60 },
  { STRIDE_METHOD_DYNAMOMETER,    0.60, 0.47 },
};

static gboolean
ratio_of (double       hamstring,
          const char  *hamstring_unit,
          double       quadriceps,
          const char  *quadriceps_unit,
          double      *ratio,
          GError     **error)
{
  double converted;

  g_assert (ratio != NULL);

  if (!isfinite (hamstring) || hamstring <= 0.0)
    {
      g_set_error_literal (error, STRIDE_METRICS_ERROR, STRIDE_METRICS_ERROR_INVALID_VALUE,
                           _("The hamstring value must be above zero"));
      return FALSE;
    }

  if (!isfinite (quadriceps) || quadriceps <= 0.0)
    {
      g_set_error_literal (error, STRIDE_METRICS_ERROR, STRIDE_METRICS_ERROR_INVALID_VALUE,
                           _("The quadriceps value must be above zero"));
      return FALSE;
    }

  if (!stride_measurement_unit_is_known (hamstring_unit))
    {
      g_set_error (error, STRIDE_METRICS_ERROR, STRIDE_METRICS_ERROR_UNKNOWN_UNIT,
                   /* Translators: %s is a unit as stored, e.g. "N·m" */
                   _("The hamstring unit “%s” is not a known unit"),
                   hamstring_unit != NULL ? hamstring_unit : "");
      return FALSE;
    }

  if (!stride_measurement_unit_is_known (quadriceps_unit))
    {
      g_set_error (error, STRIDE_METRICS_ERROR, STRIDE_METRICS_ERROR_UNKNOWN_UNIT,
                   /* Translators: %s is a unit as stored, e.g. "N·m" */
                   _("The quadriceps unit “%s” is not a known unit"),
                   quadriceps_unit != NULL ? quadriceps_unit : "");
      return FALSE;
    }

  if (!stride_measurement_convert (hamstring, hamstring_unit, quadriceps_unit, &converted))
    {
      g_set_error (error, STRIDE_METRICS_ERROR, STRIDE_METRICS_ERROR_MIXED_UNITS,
                   /* Translators: both %s are units, e.g. "N" and "N·m" */
                   _("The hamstring value is in %s and the quadriceps value in %s: "
                     "measure both the same way"),
                   hamstring_unit, quadriceps_unit);
      return FALSE;
    }

  *ratio = converted / quadriceps;
  return TRUE;
}

gboolean
stride_hq_ratio (double       hamstring,
                 const char  *hamstring_unit,
                 double       quadriceps,
                 const char  *quadriceps_unit,
                 double      *ratio,
                 GError     **error)
{
  g_return_val_if_fail (ratio != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ratio_of (hamstring, hamstring_unit, quadriceps, quadriceps_unit, ratio, error);
}

gboolean
stride_hq_band (const char *method,
                double     *target,
                double     *flag_below)
{
  if (method == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (hq_bands); i++)
    {
      if (strcmp (method, hq_bands[i].method) == 0)
        {
          if (target != NULL)
            *target = hq_bands[i].target;
          if (flag_below != NULL)
            *flag_below = hq_bands[i].flag_below;
          return TRUE;
        }
    }

  return FALSE;
}

StrideBalanceState
stride_hq_state (double      ratio,
                 const char *method)
{
  double target;
  double flag_below;

  if (!isfinite (ratio) || ratio <= 0.0)
    return STRIDE_BALANCE_NOT_ENOUGH_DATA;

  if (!stride_hq_band (method, &target, &flag_below))
    return STRIDE_BALANCE_NOT_ENOUGH_DATA;

  if (ratio >= target - BAND_EPSILON)
    return STRIDE_BALANCE_OK;
  if (ratio >= flag_below - BAND_EPSILON)
    return STRIDE_BALANCE_WATCH;
  return STRIDE_BALANCE_IMBALANCE;
}

gboolean
stride_hq_mixed_ratio (double       hamstring_eccentric,
                       const char  *hamstring_unit,
                       double       quadriceps_concentric,
                       const char  *quadriceps_unit,
                       double      *ratio,
                       GError     **error)
{
  g_return_val_if_fail (ratio != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ratio_of (hamstring_eccentric, hamstring_unit,
                   quadriceps_concentric, quadriceps_unit,
                   ratio, error);
}

/* §2 gives the mixed ratio a single screening value (Ardern et al. 2015),
 * so there is no watch band between OK and imbalance. */
StrideBalanceState
stride_hq_mixed_state (double ratio)
{
  if (!isfinite (ratio) || ratio <= 0.0)
    return STRIDE_BALANCE_NOT_ENOUGH_DATA;

  if (ratio >= STRIDE_HQ_MIXED_FLAG_BELOW - BAND_EPSILON)
    return STRIDE_BALANCE_OK;
  return STRIDE_BALANCE_IMBALANCE;
}

/* Limb symmetry (RISK-RULES.md §2) */

gboolean
stride_lsi (double       left,
            double       right,
            double      *lsi_percent,
            StrideSide  *weaker,
            GError     **error)
{
  g_return_val_if_fail (lsi_percent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (left) || left <= 0.0)
    {
      g_set_error_literal (error, STRIDE_METRICS_ERROR, STRIDE_METRICS_ERROR_INVALID_VALUE,
                           _("The left side value must be above zero"));
      return FALSE;
    }

  if (!isfinite (right) || right <= 0.0)
    {
      g_set_error_literal (error, STRIDE_METRICS_ERROR, STRIDE_METRICS_ERROR_INVALID_VALUE,
                           _("The right side value must be above zero"));
      return FALSE;
    }

  /* × 100 before dividing keeps round inputs exact (90 / 100 → 90). */
  if (left < right)
    {
      *lsi_percent = left * 100.0 / right;
      if (weaker != NULL)
        *weaker = STRIDE_SIDE_LEFT;
    }
  else if (right < left)
    {
      *lsi_percent = right * 100.0 / left;
      if (weaker != NULL)
        *weaker = STRIDE_SIDE_RIGHT;
    }
  else
    {
      *lsi_percent = 100.0;
      if (weaker != NULL)
        *weaker = STRIDE_SIDE_BOTH;
    }

  return TRUE;
}

/* §2 says a single test never flags on its own: this is the state of one
 * test, as shown next to it. Turning two IMBALANCE tests in a row (or a
 * change larger than the method's noise) into a warning is the weekly
 * checklist's job (§5, "lsi"). */
StrideBalanceState
stride_lsi_state (double lsi_percent)
{
  if (!isfinite (lsi_percent) || lsi_percent <= 0.0 || lsi_percent > 100.0 + BAND_EPSILON)
    return STRIDE_BALANCE_NOT_ENOUGH_DATA;

  if (lsi_percent >= STRIDE_LSI_TARGET - BAND_EPSILON)
    return STRIDE_BALANCE_OK;
  if (lsi_percent >= STRIDE_LSI_FLAG_BELOW - BAND_EPSILON)
    return STRIDE_BALANCE_WATCH;
  return STRIDE_BALANCE_IMBALANCE;
}

/* Strength volume */

/* Body-weight sets (load 0) add nothing: the records don't carry the
 * lifter's body weight, and counting it would make a bilateral body-weight
 * squat outweigh a loaded one. A set with a negative or non-finite load,
 * fewer than 1 rep or a side outside StrideSide is skipped. */
void
stride_strength_volume (const StrideStrengthSet *sets,
                        guint                    n_sets,
                        double                  *left_kg,
                        double                  *right_kg,
                        double                  *both_kg)
{
  double volume[STRIDE_N_SIDES] = { 0.0, };

  g_return_if_fail (sets != NULL || n_sets == 0);

  for (guint i = 0; i < n_sets; i++)
    {
      const StrideStrengthSet *set = &sets[i];

      if ((guint) set->side >= STRIDE_N_SIDES)
        continue;
      if (set->reps < 1 || !isfinite (set->load_kg) || set->load_kg < 0.0)
        continue;

      volume[set->side] += set->reps * set->load_kg;
    }

  if (left_kg != NULL)
    *left_kg = volume[STRIDE_SIDE_LEFT];
  if (right_kg != NULL)
    *right_kg = volume[STRIDE_SIDE_RIGHT];
  if (both_kg != NULL)
    *both_kg = volume[STRIDE_SIDE_BOTH];
}
