/* stride-race.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-race"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "stride-race.h"

/* Bisection bracket of stride_vdot_predict_time(): 1000 m/min is 60 km/h
 * and 50 m/min a slow walk, so every runner's time lies in between. */
#define VDOT_FAST_M_PER_MIN  1000.0
#define VDOT_SLOW_M_PER_MIN  50.0
#define VDOT_MAX_ITERATIONS  200
#define VDOT_TOLERANCE_MIN   (0.001 / 60.0)

/* Rounding slack at the ends of Riegel's range: a marathon measured as
 * 42195.0000001 m is still a marathon. */
#define RANGE_EPSILON_M      0.5

G_DEFINE_QUARK (stride-race-error-quark, stride_race_error)

static gboolean
check_positive (double       value,
                const char  *what,
                GError     **error)
{
  if (isfinite (value) && value > 0)
    return TRUE;

  /* Translators: %s is "distance", "time" or "VDOT" (already translated) */
  g_set_error (error, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID,
               _("The %s must be a number greater than zero"), what);
  return FALSE;
}

static gboolean
in_riegel_range (double distance_m)
{
  return distance_m >= STRIDE_RIEGEL_MIN_M - RANGE_EPSILON_M
    && distance_m <= STRIDE_RIEGEL_MAX_M + RANGE_EPSILON_M;
}

gboolean
stride_riegel_predict (double     known_m,
                       double     known_s,
                       double     target_m,
                       double    *target_s,
                       gboolean  *in_range,
                       GError   **error)
{
  g_return_val_if_fail (target_s != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_positive (known_m, _("distance"), error)
      || !check_positive (known_s, _("time"), error)
      || !check_positive (target_m, _("distance"), error))
    return FALSE;

  *target_s = known_s * pow (target_m / known_m, STRIDE_RIEGEL_EXPONENT);
  if (in_range != NULL)
    *in_range = in_riegel_range (known_m) && in_riegel_range (target_m);
  return TRUE;
}

double
stride_vdot_oxygen_cost (double v_m_per_min)
{
  return -4.60 + 0.182258 * v_m_per_min + 0.000104 * v_m_per_min * v_m_per_min;
}

double
stride_vdot_fraction_max (double t_min)
{
  return 0.8 + 0.1894393 * exp (-0.012778 * t_min) + 0.2989558 * exp (-0.1932605 * t_min);
}

/* 0.000104 v² + 0.182258 v − (4.60 + vo2) = 0, the larger root. */
double
stride_vdot_speed_for_oxygen (double vo2)
{
  const double a = 0.000104;
  const double b = 0.182258;
  double c;
  double v;

  if (!isfinite (vo2))
    return NAN;

  c = -(4.60 + vo2);
  v = (-b + sqrt (b * b - 4 * a * c)) / (2 * a);
  return v > 0 ? v : NAN;
}

static double
vdot_of (double distance_m,
         double t_min)
{
  return stride_vdot_oxygen_cost (distance_m / t_min) / stride_vdot_fraction_max (t_min);
}

gboolean
stride_vdot_from_race (double     distance_m,
                       double     time_s,
                       double    *vdot,
                       GError   **error)
{
  g_return_val_if_fail (vdot != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_positive (distance_m, _("distance"), error)
      || !check_positive (time_s, _("time"), error))
    return FALSE;

  *vdot = vdot_of (distance_m, time_s / 60.0);
  return TRUE;
}

/* vdot_of (d, t) falls as t grows over the whole bracket (a slower race
 * means a lower VDOT), so the root is bracketed when the fast end is
 * above the target and the slow end below it. */
gboolean
stride_vdot_predict_time (double     vdot,
                          double     distance_m,
                          double    *time_s,
                          GError   **error)
{
  double lo;
  double hi;

  g_return_val_if_fail (time_s != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_positive (vdot, "VDOT", error)
      || !check_positive (distance_m, _("distance"), error))
    return FALSE;

  lo = distance_m / VDOT_FAST_M_PER_MIN;
  hi = distance_m / VDOT_SLOW_M_PER_MIN;
  if (!(vdot_of (distance_m, lo) >= vdot && vdot_of (distance_m, hi) <= vdot))
    {
      g_set_error (error, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_OUT_OF_RANGE,
                   _("A VDOT of %.1f gives no running time for this distance"), vdot);
      return FALSE;
    }

  for (guint i = 0; i < VDOT_MAX_ITERATIONS && hi - lo > VDOT_TOLERANCE_MIN; i++)
    {
      double mid = (lo + hi) / 2;

      if (vdot_of (distance_m, mid) > vdot)
        lo = mid;
      else
        hi = mid;
    }

  *time_s = (lo + hi) / 2 * 60.0;
  return TRUE;
}

static gboolean
check_results (const StrideRaceResult  *results,
               guint                    n_results,
               GError                 **error)
{
  for (guint i = 0; i < n_results; i++)
    {
      const StrideRaceResult *r = &results[i];

      if (isfinite (r->distance_m) && r->distance_m > 0 && isfinite (r->time_s) && r->time_s > 0)
        continue;

      g_set_error (error, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_INVALID,
                   _("Result %u has a distance or time that is not a number greater than zero"),
                   i + 1);
      return FALSE;
    }
  return TRUE;
}

/* Is @a a better Riegel base than @b for @target_m? */
static gboolean
nearer (const StrideRaceResult *a,
        const StrideRaceResult *b,
        double                  target_m)
{
  double da = fabs (log (a->distance_m / target_m));
  double db = fabs (log (b->distance_m / target_m));

  if (fabs (da - db) > 1e-12)
    return da < db;
  if (a->date != b->date)
    return a->date > b->date;
  return a->time_s / a->distance_m < b->time_s / b->distance_m;
}

gboolean
stride_race_predict_from_results (const StrideRaceResult *results,
                                  guint                   n_results,
                                  guint32                 today,
                                  guint                   window_days,
                                  double                  target_m,
                                  StrideRacePrediction   *prediction,
                                  GError                **error)
{
  gint best = -1;
  gint nearest = -1;
  double best_vdot = 0;

  g_return_val_if_fail (results != NULL || n_results == 0, FALSE);
  g_return_val_if_fail (prediction != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_positive (target_m, _("distance"), error) || !check_results (results, n_results, error))
    return FALSE;

  for (guint i = 0; i < n_results; i++)
    {
      const StrideRaceResult *r = &results[i];
      double vdot = vdot_of (r->distance_m, r->time_s / 60.0);

      /* The window is today and the window_days − 1 days before it. */
      if (r->date > today || (guint64) r->date + window_days <= today)
        continue;
      if (best < 0 || vdot > best_vdot)
        {
          best = (gint) i;
          best_vdot = vdot;
        }
      if (nearest < 0 || nearer (r, &results[nearest], target_m))
        nearest = (gint) i;
    }

  if (best < 0)
    {
      g_set_error (error, STRIDE_RACE_ERROR, STRIDE_RACE_ERROR_NO_RESULTS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "No race result or best effort in the last %u day",
                                "No race result or best effort in the last %u days",
                                window_days),
                   window_days);
      return FALSE;
    }

  prediction->vdot = best_vdot;
  prediction->vdot_index = (guint) best;
  prediction->riegel_index = (guint) nearest;
  if (!stride_vdot_predict_time (best_vdot, target_m, &prediction->vdot_time_s, error))
    return FALSE;
  return stride_riegel_predict (results[nearest].distance_m, results[nearest].time_s, target_m,
                                &prediction->riegel_time_s, &prediction->riegel_in_range, error);
}
