/* stride-load.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-load"

#include "config.h"

#include <math.h>

#include "stride-load.h"

/* One EWMA series: out[0] = daily[0] (the seed), then
 * out[i] = λ · daily[i] + (1 − λ) · out[i − 1] with λ = 2 / (N + 1).
 * Seeding with the first day (rather than 0) keeps the start of a journal
 * from reading as a sudden rise; a day whose load is not finite counts as
 * a rest day (0), so one bad value cannot poison the rest of the series. */
static void
ewma (const double *daily,
      guint         n_days,
      guint         days,
      double       *out)
{
  double lambda = 2.0 / ((double) days + 1.0);
  double value = 0;

  for (guint i = 0; i < n_days; i++)
    {
      double load = isfinite (daily[i]) ? daily[i] : 0;

      if (i == 0)
        value = load;
      else
        value = lambda * load + (1.0 - lambda) * value;
      out[i] = value;
    }
}

/* @acute or @chronic may be NULL when only the other series is wanted. */
void
stride_load_ewma (const double *daily,
                  guint         n_days,
                  guint         acute_days,
                  guint         chronic_days,
                  double       *acute,
                  double       *chronic)
{
  g_return_if_fail (daily != NULL || n_days == 0);
  g_return_if_fail (acute_days > 0);
  g_return_if_fail (chronic_days > 0);

  if (acute != NULL)
    ewma (daily, n_days, acute_days, acute);
  if (chronic != NULL)
    ewma (daily, n_days, chronic_days, chronic);
}

double
stride_load_acwr (double acute,
                  double chronic)
{
  if (!isfinite (acute) || !isfinite (chronic) || chronic == 0)
    return NAN;

  return acute / chronic;
}

/* Summed afresh for every value: windows are short (7–28 days) and a
 * running sum would leave rounding residue (a "mean" of 1e-13 over a week
 * of zeros after a big week). */
void
stride_rolling_mean (const double *values,
                     guint         n_values,
                     guint         window,
                     double       *out)
{
  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (out != NULL || n_values == 0);
  g_return_if_fail (window > 0);

  for (guint i = 0; i < n_values; i++)
    {
      guint first = i + 1 >= window ? i + 1 - window : 0;
      double sum = 0;
      guint n = 0;

      for (guint j = first; j <= i; j++)
        {
          if (isnan (values[j]))
            continue;
          sum += values[j];
          n++;
        }

      out[i] = n > 0 ? sum / n : NAN;
    }
}
