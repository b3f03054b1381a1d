/* stride-balance.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-balance"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "stride-balance.h"

/* Values compared with a threshold allow for this much rounding (as in
 * stride-metrics.c), so that a drop of exactly 10 % on paper is not read
 * as 10.000000000000002 %. */
#define BAND_EPSILON 1e-9

/* RISK-RULES.md §2: a machine 1RM H:Q is flagged by "a 10 % drop from own
 * baseline". */
#define HQ_1RM_DROP_PERCENT 10.0

/* Method noise */

typedef struct
{
  const char *method;
  double      percent;
} MethodNoise;

/* Test-to-test noise by method, in percent. Isokinetic peak torque and a
 * machine 1RM retest within about 5–10 %, so 10 % is their upper end; an
 * e1RM adds the formula's error to a 1RM's but is taken from the same
 * lifts week after week, so it keeps 10 %. A hand-held dynamometer depends
 * on the tester holding against the limb, hence 15 %. Field tests (hops,
 * calf raises to failure) are the noisiest: §2 quotes 14–23 % for jump
 * tests, and 20 % covers most of that range. */
static const MethodNoise method_noise[] = {
  { STRIDE_METHOD_ISOKINETIC_30,  10.0 },
  { STRIDE_METHOD_ISOKINETIC_60,  10.0 },
  { STRIDE_METHOD_ISOKINETIC_180, 10.0 },
  { STRIDE_METHOD_ISOKINETIC_240, 10.0 },
  { STRIDE_METHOD_ISOKINETIC_300, 10.0 },
  { STRIDE_METHOD_DYNAMOMETER,    15.0 },
  { STRIDE_METHOD_1RM,            10.0 },
  { STRIDE_METHOD_E1RM,           10.0 },
  { STRIDE_METHOD_FIELD,          20.0 },
};

/* A method we know nothing about is treated like a field test: assuming
 * it is precise would let one noisy test raise an imbalance. */
#define UNKNOWN_METHOD_NOISE 20.0

double
stride_balance_method_noise (const char *method)
{
  if (method == NULL)
    return UNKNOWN_METHOD_NOISE;

  for (guint i = 0; i < G_N_ELEMENTS (method_noise); i++)
    {
      if (strcmp (method, method_noise[i].method) == 0)
        return method_noise[i].percent;
    }

  return UNKNOWN_METHOD_NOISE;
}

/* Shared helpers */

/* Change from @from to @to in percent of @from (> 0): negative when
 * @to is lower. */
static double
percent_change (double from,
                double to)
{
  return (to - from) * 100.0 / from;
}

/* Ordering of legs in every output: left, right, then two-leg tests. */
static guint
leg_rank (StrideSide side)
{
  switch (side)
    {
    case STRIDE_SIDE_LEFT:
      return 0;
    case STRIDE_SIDE_RIGHT:
      return 1;
    case STRIDE_SIDE_BOTH:
    case STRIDE_N_SIDES:
    default:
      return 2;
    }
}

static gint
compare_uint (guint a,
              guint b)
{
  return (a > b) - (a < b);
}

/* The state of a line from the band of its latest test and of the one
 * before (NOT_ENOUGH_DATA when there is none). Only a value in the
 * imbalance range is softened: it stays IMBALANCE when the previous test
 * was in the range too, or when it fell by more than the method's noise
 * since then (a real change, not a bad day); otherwise it is a lone test
 * and only worth watching (§2: "a single test never flags on its own").
 * Every value here is a ratio or an LSI, where lower is worse. */
static StrideBalanceState
noise_aware_state (StrideBalanceState latest_band,
                   StrideBalanceState previous_band,
                   double             latest,
                   double             previous,
                   double             noise_percent)
{
  if (latest_band != STRIDE_BALANCE_IMBALANCE)
    return latest_band;

  if (previous_band == STRIDE_BALANCE_IMBALANCE)
    return STRIDE_BALANCE_IMBALANCE;

  if (isfinite (previous) && previous > 0.0
      && percent_change (previous, latest) < -(noise_percent + BAND_EPSILON))
    return STRIDE_BALANCE_IMBALANCE;

  return STRIDE_BALANCE_WATCH;
}

/* Best measurement per test, day, method and side */

static gboolean
measurement_is_usable (const StrideMeasurement *measurement)
{
  return measurement->test != NULL
         && measurement->method != NULL
         && (guint) measurement->side < STRIDE_N_SIDES
         && isfinite (measurement->value)
         && measurement->value > 0.0
         && stride_measurement_unit_is_known (measurement->unit);
}

/* The index below hashes the measurements themselves by their "slot":
 * test, date, method and side. */
static guint
slot_hash (gconstpointer data)
{
  const StrideMeasurement *measurement = data;
  guint hash = g_str_hash (measurement->test);

  hash = hash * 31 + g_str_hash (measurement->method);
  hash = hash * 31 + measurement->date;
  hash = hash * 31 + (guint) measurement->side;

  return hash;
}

static gboolean
slot_equal (gconstpointer a,
            gconstpointer b)
{
  const StrideMeasurement *ma = a;
  const StrideMeasurement *mb = b;

  return ma->date == mb->date
         && ma->side == mb->side
         && strcmp (ma->test, mb->test) == 0
         && strcmp (ma->method, mb->method) == 0;
}

/* A value that does not convert to the current one's unit cannot be
 * compared with it, so the one seen first stays. */
static gboolean
value_is_larger (const StrideMeasurement *candidate,
                 const StrideMeasurement *current)
{
  double converted;

  if (!stride_measurement_convert (candidate->value, candidate->unit, current->unit, &converted))
    return FALSE;

  return converted > current->value;
}

/* When a test was done twice on one day (same method and side), the
 * larger value is kept: tests are repeated to get the best effort, and a
 * weaker try usually means a bad attempt, not a weaker muscle. Unusable
 * values never enter the index. The index borrows @measurements. */
static GHashTable *
index_best_measurements (const StrideMeasurement *measurements,
                         guint                    n_measurements)
{
  GHashTable *index = g_hash_table_new (slot_hash, slot_equal);

  for (guint i = 0; i < n_measurements; i++)
    {
      const StrideMeasurement *measurement = &measurements[i];
      const StrideMeasurement *current;

      if (!measurement_is_usable (measurement))
        continue;

      current = g_hash_table_lookup (index, measurement);
      if (current == NULL || value_is_larger (measurement, current))
        g_hash_table_add (index, (gpointer) measurement);
    }

  return index;
}

static const StrideMeasurement *
lookup_slot (GHashTable *index,
             guint32     date,
             const char *test,
             const char *method,
             StrideSide  side)
{
  StrideMeasurement key = {
    .date = date,
    .test = (char *) test,
    .method = (char *) method,
    .side = side,
  };

  return g_hash_table_lookup (index, &key);
}

/* Ratio series: H:Q and hip adductor:abductor
 *
 * Both are a ratio of two tests of the same day, method and side, kept
 * per (leg, method, mixed) line, and judged test by test and then line
 * by line with the noise rule. What differs between them is in a
 * RatioFamily: which tests pair and how one ratio is banded. */

void
stride_hq_point_clear (StrideHqPoint *point)
{
  g_return_if_fail (point != NULL);

  g_clear_pointer (&point->method, g_free);
}

typedef struct
{
  const char *numerator_test;      /* hamstring, hip adduction */
  const char *numerator_method;    /* NULL: any method but except_method */
  const char *except_method;       /* NULL: none */
  const char *denominator_test;    /* quadriceps, hip abduction */
  const char *denominator_method;  /* NULL: the numerator test's */
  gboolean    mixed;
} RatioPairing;

typedef struct
{
  const RatioPairing *pairings;
  guint               n_pairings;
  /* The band of one @ratio of a line whose first ratio is @baseline. */
  StrideBalanceState (*band)             (const char *method,
                                          gboolean    mixed,
                                          double      ratio,
                                          double      baseline);
  /* Lines without an absolute band, judged against their own first
   * ratio: one test alone says nothing on them. */
  gboolean           (*is_baseline_line) (const char *method,
                                          gboolean    mixed);
} RatioFamily;

/* Machine 1RMs are the leg-curl / leg-extension tests: a knee flexion
 * "by 1rm" is left out so that one day and leg never gets two 1RM
 * ratios on the same line. */
static const RatioPairing hq_pairings[] = {
  { STRIDE_TEST_KNEE_FLEXION, NULL, STRIDE_METHOD_1RM,
    STRIDE_TEST_KNEE_EXTENSION, NULL, FALSE },
  { STRIDE_TEST_LEG_CURL_1RM, STRIDE_METHOD_1RM, NULL,
    STRIDE_TEST_LEG_EXTENSION_1RM, STRIDE_METHOD_1RM, FALSE },
  { STRIDE_TEST_KNEE_FLEXION_ECC, STRIDE_METHOD_ISOKINETIC_30, NULL,
    STRIDE_TEST_KNEE_EXTENSION, STRIDE_METHOD_ISOKINETIC_240, TRUE },
};

/* Tyler et al. (2001) compared the two muscle groups whatever the device,
 * so any method pairs with itself, 1RM included. */
static const RatioPairing hip_pairings[] = {
  { STRIDE_TEST_HIP_ADDUCTION, NULL, NULL,
    STRIDE_TEST_HIP_ABDUCTION, NULL, FALSE },
};

static gboolean
method_matches (const RatioPairing *pairing,
                const char         *method)
{
  if (pairing->numerator_method != NULL)
    return strcmp (method, pairing->numerator_method) == 0;

  return pairing->except_method == NULL || strcmp (method, pairing->except_method) != 0;
}

static const RatioPairing *
pairing_of (const RatioFamily       *family,
            const StrideMeasurement *numerator)
{
  for (guint i = 0; i < family->n_pairings; i++)
    {
      const RatioPairing *pairing = &family->pairings[i];

      if (strcmp (numerator->test, pairing->numerator_test) == 0
          && method_matches (pairing, numerator->method))
        return pairing;
    }

  return NULL;
}

static gboolean
is_1rm_line (const char *method,
             gboolean    mixed)
{
  return !mixed && method != NULL && strcmp (method, STRIDE_METHOD_1RM) == 0;
}

/* A 1RM ratio has no absolute band (§2): it is in the imbalance range
 * when it is more than 10 % below the user's own baseline. */
static gboolean
hq_1rm_below_baseline (double ratio,
                       double baseline)
{
  return percent_change (baseline, ratio) < -(HQ_1RM_DROP_PERCENT + BAND_EPSILON);
}

/* The band of one H:Q ratio of a line, for the noise rule. A 1RM line
 * has no watch band: more than 10 % below the baseline is its imbalance
 * range. */
static StrideBalanceState
hq_band (const char *method,
         gboolean    mixed,
         double      ratio,
         double      baseline)
{
  if (mixed)
    return stride_hq_mixed_state (ratio);

  if (is_1rm_line (method, mixed))
    return hq_1rm_below_baseline (ratio, baseline) ? STRIDE_BALANCE_IMBALANCE : STRIDE_BALANCE_OK;

  return stride_hq_state (ratio, method);
}

/* Adductor:abductor has one threshold and no watch band, like the mixed
 * H:Q ratio; the same rounding allowance keeps exactly 0.80 OK. */
static StrideBalanceState
hip_band (const char *method,
          gboolean    mixed,
          double      ratio,
          double      baseline)
{
  if (!isfinite (ratio) || ratio <= 0.0)
    return STRIDE_BALANCE_NOT_ENOUGH_DATA;

  if (ratio >= STRIDE_HIP_ADD_ABD_FLAG_BELOW - BAND_EPSILON)
    return STRIDE_BALANCE_OK;
  return STRIDE_BALANCE_IMBALANCE;
}

static gboolean
never_baseline_line (const char *method,
                     gboolean    mixed)
{
  return FALSE;
}

static const RatioFamily hq_family = {
  hq_pairings, G_N_ELEMENTS (hq_pairings), hq_band, is_1rm_line,
};

static const RatioFamily hip_family = {
  hip_pairings, G_N_ELEMENTS (hip_pairings), hip_band, never_baseline_line,
};

/* stride_hq_ratio() is a plain strength ratio with unit conversion, so
 * it serves the hip ratio too. */
static gboolean
pair_ratio (const StrideMeasurement *numerator,
            const StrideMeasurement *denominator,
            gboolean                 mixed,
            double                  *ratio)
{
  double value;
  gboolean ok;

  if (mixed)
    ok = stride_hq_mixed_ratio (numerator->value, numerator->unit,
                                denominator->value, denominator->unit,
                                &value, NULL);
  else
    ok = stride_hq_ratio (numerator->value, numerator->unit,
                          denominator->value, denominator->unit,
                          &value, NULL);

  /* Extreme values can still overflow to infinity or underflow to 0. */
  if (!ok || !isfinite (value) || value <= 0.0)
    return FALSE;

  *ratio = value;
  return TRUE;
}

static gint
compare_hq_points (gconstpointer a,
                   gconstpointer b)
{
  const StrideHqPoint *pa = a;
  const StrideHqPoint *pb = b;
  gint cmp;

  if ((cmp = compare_uint (pa->date, pb->date)) != 0)
    return cmp;
  if ((cmp = compare_uint (leg_rank (pa->leg), leg_rank (pb->leg))) != 0)
    return cmp;
  if ((cmp = strcmp (pa->method, pb->method)) != 0)
    return cmp;
  return compare_uint (pa->mixed, pb->mixed);
}

/* The state of one test alone. A ratio below its baseline range is only
 * WATCH: without an absolute band, one test is not enough to call an
 * imbalance (§2: "trend vs own baseline"). */
static StrideBalanceState
ratio_point_state (const RatioFamily   *family,
                   const StrideHqPoint *point,
                   double               baseline)
{
  StrideBalanceState band = family->band (point->method, point->mixed, point->ratio, baseline);

  if (family->is_baseline_line (point->method, point->mixed) && band == STRIDE_BALANCE_IMBALANCE)
    return STRIDE_BALANCE_WATCH;

  return band;
}

/* Every point's own state. A point of a baseline line compares with the
 * first ratio of its leg on such a line, so @points must be in date
 * order. */
static void
set_ratio_point_states (const RatioFamily *family,
                        GArray            *points)
{
  double baselines[STRIDE_N_SIDES] = { NAN, NAN, NAN };

  for (guint i = 0; i < points->len; i++)
    {
      StrideHqPoint *point = &g_array_index (points, StrideHqPoint, i);
      double baseline = NAN;

      if (family->is_baseline_line (point->method, point->mixed))
        {
          if (isnan (baselines[point->leg]))
            baselines[point->leg] = point->ratio;
          baseline = baselines[point->leg];
        }

      point->state = ratio_point_state (family, point, baseline);
    }
}

static GArray *
ratio_series (const RatioFamily       *family,
              const StrideMeasurement *measurements,
              guint                    n_measurements)
{
  g_autoptr(GHashTable) index = NULL;
  GArray *points;
  GHashTableIter iter;
  gpointer key;

  points = g_array_new (FALSE, TRUE, sizeof (StrideHqPoint));
  g_array_set_clear_func (points, (GDestroyNotify) stride_hq_point_clear);

  index = index_best_measurements (measurements, n_measurements);
  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const StrideMeasurement *numerator = key;
      const StrideMeasurement *denominator;
      const RatioPairing *pairing;
      StrideHqPoint point = { 0, };
      double ratio;

      pairing = pairing_of (family, numerator);
      if (pairing == NULL)
        continue;

      denominator = lookup_slot (index, numerator->date, pairing->denominator_test,
                                 pairing->denominator_method != NULL
                                   ? pairing->denominator_method
                                   : numerator->method,
                                 numerator->side);
      if (denominator == NULL)
        continue;

      if (!pair_ratio (numerator, denominator, pairing->mixed, &ratio))
        continue;

      point.date = numerator->date;
      point.method = g_strdup (numerator->method);
      point.leg = numerator->side;
      point.mixed = pairing->mixed;
      point.ratio = ratio;
      g_array_append_val (points, point);
    }

  g_array_sort (points, compare_hq_points);
  set_ratio_point_states (family, points);

  return points;
}

GArray *
stride_balance_hq_series (const StrideMeasurement *measurements,
                          guint                    n_measurements)
{
  g_return_val_if_fail (measurements != NULL || n_measurements == 0, NULL);

  return ratio_series (&hq_family, measurements, n_measurements);
}

GArray *
stride_balance_hip_series (const StrideMeasurement *measurements,
                           guint                    n_measurements)
{
  g_return_val_if_fail (measurements != NULL || n_measurements == 0, NULL);

  return ratio_series (&hip_family, measurements, n_measurements);
}

/* Summaries */

void
stride_balance_summary_clear (StrideBalanceSummary *summary)
{
  g_return_if_fail (summary != NULL);

  g_clear_pointer (&summary->key, g_free);
  g_clear_pointer (&summary->method, g_free);
}

static GArray *
summary_array_new (void)
{
  GArray *summaries = g_array_new (FALSE, TRUE, sizeof (StrideBalanceSummary));

  g_array_set_clear_func (summaries, (GDestroyNotify) stride_balance_summary_clear);
  return summaries;
}

/* Lines are the runs of equal leg, method and mixedness once sorted; the
 * date comes last so that each run is in test order. */
static gint
compare_hq_lines (gconstpointer a,
                  gconstpointer b)
{
  const StrideHqPoint *pa = *(const StrideHqPoint * const *) a;
  const StrideHqPoint *pb = *(const StrideHqPoint * const *) b;
  gint cmp;

  if ((cmp = compare_uint (leg_rank (pa->leg), leg_rank (pb->leg))) != 0)
    return cmp;
  if ((cmp = strcmp (pa->method, pb->method)) != 0)
    return cmp;
  if ((cmp = compare_uint (pa->mixed, pb->mixed)) != 0)
    return cmp;
  return compare_uint (pa->date, pb->date);
}

static gboolean
same_hq_line (const StrideHqPoint *a,
              const StrideHqPoint *b)
{
  return a->leg == b->leg && a->mixed == b->mixed && strcmp (a->method, b->method) == 0;
}

static gboolean
hq_point_is_usable (const StrideHqPoint *point)
{
  return point->method != NULL
         && (guint) point->leg < STRIDE_N_SIDES
         && isfinite (point->ratio)
         && point->ratio > 0.0;
}

/* @line: @n_points (>= 1) points of one line in date order. */
static void
summarize_ratio_line (const RatioFamily     *family,
                      StrideHqPoint * const *line,
                      guint                  n_points,
                      StrideBalanceSummary  *summary)
{
  const StrideHqPoint *first = line[0];
  const StrideHqPoint *latest = line[n_points - 1];
  const StrideHqPoint *previous = n_points >= 2 ? line[n_points - 2] : NULL;
  StrideBalanceState previous_band = STRIDE_BALANCE_NOT_ENOUGH_DATA;

  summary->key = g_strdup (latest->method);
  summary->method = g_strdup (latest->method);
  summary->leg = latest->leg;
  summary->mixed = latest->mixed;
  summary->n_tests = n_points;
  summary->latest_date = latest->date;
  summary->latest = latest->ratio;
  summary->previous = previous != NULL ? previous->ratio : NAN;
  summary->baseline = first->ratio;

  /* One test of a baseline line is its own baseline: nothing to compare
   * it with yet. */
  if (family->is_baseline_line (latest->method, latest->mixed) && n_points < 2)
    {
      summary->state = STRIDE_BALANCE_NOT_ENOUGH_DATA;
      return;
    }

  if (previous != NULL)
    previous_band = family->band (previous->method, previous->mixed, previous->ratio,
                                  first->ratio);

  summary->state = noise_aware_state (family->band (latest->method, latest->mixed,
                                                    latest->ratio, first->ratio),
                                      previous_band,
                                      summary->latest,
                                      summary->previous,
                                      stride_balance_method_noise (latest->method));
}

static GArray *
ratio_summaries (const RatioFamily *family,
                 GArray            *series)
{
  g_autoptr(GPtrArray) lines = NULL;
  GArray *summaries = summary_array_new ();

  lines = g_ptr_array_sized_new (series->len);
  for (guint i = 0; i < series->len; i++)
    {
      StrideHqPoint *point = &g_array_index (series, StrideHqPoint, i);

      if (hq_point_is_usable (point))
        g_ptr_array_add (lines, point);
    }
  g_ptr_array_sort (lines, compare_hq_lines);

  for (guint start = 0, end; start < lines->len; start = end)
    {
      StrideHqPoint * const *line = (StrideHqPoint * const *) &lines->pdata[start];
      StrideBalanceSummary summary = { 0, };

      for (end = start + 1; end < lines->len; end++)
        {
          if (!same_hq_line (line[0], g_ptr_array_index (lines, end)))
            break;
        }

      summarize_ratio_line (family, line, end - start, &summary);
      g_array_append_val (summaries, summary);
    }

  return summaries;
}

GArray *
stride_balance_hq_summaries (GArray *series)
{
  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (series) == sizeof (StrideHqPoint), NULL);

  return ratio_summaries (&hq_family, series);
}

GArray *
stride_balance_hip_summaries (GArray *series)
{
  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (series) == sizeof (StrideHqPoint), NULL);

  return ratio_summaries (&hip_family, series);
}

/* Left/right symmetry */

void
stride_lsi_point_clear (StrideLsiPoint *point)
{
  g_return_if_fail (point != NULL);

  g_clear_pointer (&point->test, g_free);
  g_clear_pointer (&point->method, g_free);
  g_clear_pointer (&point->unit, g_free);
}

static gboolean
lsi_point_from_pair (const StrideMeasurement *left,
                     const StrideMeasurement *right,
                     StrideLsiPoint          *point)
{
  double right_value;
  double lsi;
  StrideSide weaker;

  if (!stride_measurement_convert (right->value, right->unit, left->unit, &right_value))
    return FALSE;

  if (!stride_lsi (left->value, right_value, &lsi, &weaker, NULL) || !isfinite (lsi))
    return FALSE;

  point->date = left->date;
  point->test = g_strdup (left->test);
  point->method = g_strdup (left->method);
  point->unit = g_strdup (left->unit);
  point->left = left->value;
  point->right = right_value;
  point->lsi = lsi;
  point->weaker = weaker;
  point->state = stride_lsi_state (lsi);

  return TRUE;
}

static gint
compare_lsi_points (gconstpointer a,
                    gconstpointer b)
{
  const StrideLsiPoint *pa = a;
  const StrideLsiPoint *pb = b;
  gint cmp;

  if ((cmp = compare_uint (pa->date, pb->date)) != 0)
    return cmp;
  if ((cmp = strcmp (pa->test, pb->test)) != 0)
    return cmp;
  return strcmp (pa->method, pb->method);
}

GArray *
stride_balance_lsi_series (const StrideMeasurement *measurements,
                           guint                    n_measurements)
{
  g_autoptr(GHashTable) index = NULL;
  GArray *points;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (measurements != NULL || n_measurements == 0, NULL);

  points = g_array_new (FALSE, TRUE, sizeof (StrideLsiPoint));
  g_array_set_clear_func (points, (GDestroyNotify) stride_lsi_point_clear);

  index = index_best_measurements (measurements, n_measurements);
  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const StrideMeasurement *left = key;
      const StrideMeasurement *right;
      StrideLsiPoint point = { 0, };

      if (left->side != STRIDE_SIDE_LEFT)
        continue;

      right = lookup_slot (index, left->date, left->test, left->method, STRIDE_SIDE_RIGHT);
      if (right == NULL)
        continue;

      if (lsi_point_from_pair (left, right, &point))
        g_array_append_val (points, point);
    }

  g_array_sort (points, compare_lsi_points);

  return points;
}

static gint
compare_lsi_lines (gconstpointer a,
                   gconstpointer b)
{
  const StrideLsiPoint *pa = *(const StrideLsiPoint * const *) a;
  const StrideLsiPoint *pb = *(const StrideLsiPoint * const *) b;
  gint cmp;

  if ((cmp = strcmp (pa->test, pb->test)) != 0)
    return cmp;
  if ((cmp = strcmp (pa->method, pb->method)) != 0)
    return cmp;
  return compare_uint (pa->date, pb->date);
}

static gboolean
same_lsi_line (const StrideLsiPoint *a,
               const StrideLsiPoint *b)
{
  return strcmp (a->test, b->test) == 0 && strcmp (a->method, b->method) == 0;
}

static gboolean
lsi_point_is_usable (const StrideLsiPoint *point)
{
  return point->test != NULL
         && point->method != NULL
         && stride_lsi_state (point->lsi) != STRIDE_BALANCE_NOT_ENOUGH_DATA;
}

/* @line: @n_points (>= 1) points of one line in date order. */
static void
summarize_lsi_line (StrideLsiPoint * const *line,
                    guint                   n_points,
                    StrideBalanceSummary   *summary)
{
  const StrideLsiPoint *first = line[0];
  const StrideLsiPoint *latest = line[n_points - 1];
  const StrideLsiPoint *previous = n_points >= 2 ? line[n_points - 2] : NULL;
  StrideBalanceState previous_band = STRIDE_BALANCE_NOT_ENOUGH_DATA;

  summary->key = g_strdup (latest->test);
  summary->method = g_strdup (latest->method);
  summary->leg = latest->weaker;
  summary->mixed = FALSE;
  summary->n_tests = n_points;
  summary->latest_date = latest->date;
  summary->latest = latest->lsi;
  summary->previous = previous != NULL ? previous->lsi : NAN;
  summary->baseline = first->lsi;

  if (previous != NULL)
    previous_band = stride_lsi_state (previous->lsi);

  summary->state = noise_aware_state (stride_lsi_state (latest->lsi),
                                      previous_band,
                                      summary->latest,
                                      summary->previous,
                                      stride_balance_method_noise (latest->method));
}

GArray *
stride_balance_lsi_summaries (GArray *series)
{
  g_autoptr(GPtrArray) lines = NULL;
  GArray *summaries;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (series) == sizeof (StrideLsiPoint), NULL);

  summaries = summary_array_new ();

  lines = g_ptr_array_sized_new (series->len);
  for (guint i = 0; i < series->len; i++)
    {
      StrideLsiPoint *point = &g_array_index (series, StrideLsiPoint, i);

      if (lsi_point_is_usable (point))
        g_ptr_array_add (lines, point);
    }
  g_ptr_array_sort (lines, compare_lsi_lines);

  for (guint start = 0, end; start < lines->len; start = end)
    {
      StrideLsiPoint * const *line = (StrideLsiPoint * const *) &lines->pdata[start];
      StrideBalanceSummary summary = { 0, };

      for (end = start + 1; end < lines->len; end++)
        {
          if (!same_lsi_line (line[0], g_ptr_array_index (lines, end)))
            break;
        }

      summarize_lsi_line (line, end - start, &summary);
      g_array_append_val (summaries, summary);
    }

  return summaries;
}

/* Side values from strength sets */

typedef struct
{
  double best_e1rm[STRIDE_N_SIDES];   /* 0: no estimate on that side */
} ExerciseSides;

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
append_side_value (GArray     *out,
                   const char *exercise_key,
                   guint32     date,
                   StrideSide  side,
                   double      e1rm)
{
  StrideMeasurement measurement = { 0, };

  measurement.date = date;
  measurement.test = g_strconcat (STRIDE_BALANCE_EXERCISE_PREFIX, exercise_key, NULL);
  measurement.method = g_strdup (STRIDE_METHOD_E1RM);
  measurement.side = side;
  measurement.value = e1rm;
  measurement.unit = g_strdup ("kg");
  g_array_append_val (out, measurement);
}

/* The best e1RM per side is the day's strength on that side: lighter
 * warm-up or back-off sets say nothing about it. A body-weight set has no
 * load to estimate from (stride_e1rm() gives 0) and a set over 10 reps is
 * not estimated (NAN); a two-leg set says nothing about either side. */
void
stride_balance_side_values_from_sets (const StrideStrengthSet *sets,
                                      const char *const       *exercise_keys,
                                      guint                    n_sets,
                                      guint32                  date,
                                      GArray                  *out)
{
  g_autoptr(GHashTable) exercises = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (sets != NULL || n_sets == 0);
  g_return_if_fail (exercise_keys != NULL || n_sets == 0);
  g_return_if_fail (out != NULL);
  g_return_if_fail (g_array_get_element_size (out) == sizeof (StrideMeasurement));

  /* Borrows the keys of @exercise_keys. */
  exercises = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < n_sets; i++)
    {
      const StrideStrengthSet *set = &sets[i];
      ExerciseSides *sides;
      double e1rm;

      if (exercise_keys[i] == NULL)
        continue;
      if (set->side != STRIDE_SIDE_LEFT && set->side != STRIDE_SIDE_RIGHT)
        continue;

      e1rm = stride_e1rm (set->load_kg, set->reps);
      if (!isfinite (e1rm) || e1rm <= 0.0)
        continue;

      sides = g_hash_table_lookup (exercises, exercise_keys[i]);
      if (sides == NULL)
        {
          sides = g_new0 (ExerciseSides, 1);
          g_hash_table_insert (exercises, (gpointer) exercise_keys[i], sides);
        }

      sides->best_e1rm[set->side] = MAX (sides->best_e1rm[set->side], e1rm);
    }

  keys = g_ptr_array_sized_new (g_hash_table_size (exercises));
  g_hash_table_iter_init (&iter, exercises);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *exercise_key = g_ptr_array_index (keys, i);
      const ExerciseSides *sides = g_hash_table_lookup (exercises, exercise_key);

      if (sides->best_e1rm[STRIDE_SIDE_LEFT] <= 0.0 || sides->best_e1rm[STRIDE_SIDE_RIGHT] <= 0.0)
        continue;

      append_side_value (out, exercise_key, date, STRIDE_SIDE_LEFT,
                         sides->best_e1rm[STRIDE_SIDE_LEFT]);
      append_side_value (out, exercise_key, date, STRIDE_SIDE_RIGHT,
                         sides->best_e1rm[STRIDE_SIDE_RIGHT]);
    }
}

const char *
stride_balance_leg_label (StrideSide leg)
{
  switch (leg)
    {
    case STRIDE_SIDE_LEFT:
      return _("Left leg");
    case STRIDE_SIDE_RIGHT:
      return _("Right leg");
    case STRIDE_SIDE_BOTH:
    case STRIDE_N_SIDES:
    default:
      return _("Both legs");
    }
}
