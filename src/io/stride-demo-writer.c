/* stride-demo-writer.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-demo-writer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stride-demo.h"
#include "stride-demo-writer.h"

#define NOT_IN_LIBRARY (-1)

typedef struct
{
  StrideStore *store;
  GHashTable  *exercise_ids;         /* key -> gint64 id, NOT_IN_LIBRARY */
  GError      *error;
  guint        n_skipped_sets;
} Writer;

/* The generator asks for a dozen exercises thousands of times: look each
 * key up once. */
static gboolean
lookup_exercise (Writer     *w,
                 const char *key,
                 gint64     *id)
{
  gint64 *cached = g_hash_table_lookup (w->exercise_ids, key);
  StrideExercise exercise = { 0, };
  g_autoptr(GError) local_error = NULL;

  if (cached != NULL)
    {
      *id = *cached;
      return TRUE;
    }

  cached = g_new (gint64, 1);
  if (stride_store_find_exercise (w->store, key, &exercise, &local_error))
    *cached = exercise.id;
  else if (local_error == NULL ||
           g_error_matches (local_error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_NOT_FOUND))
    {
      g_debug ("Exercise “%s” is not in the library; its sets are left out", key);
      *cached = NOT_IN_LIBRARY;
    }
  else
    {
      g_free (cached);
      g_propagate_error (&w->error, g_steal_pointer (&local_error));
      return FALSE;
    }

  stride_exercise_clear (&exercise);
  g_hash_table_insert (w->exercise_ids, g_strdup (key), cached);
  *id = *cached;

  return TRUE;
}

static gboolean
on_shoe (StrideShoe *shoe,
         guint       index,
         gpointer    user_data)
{
  Writer *w = user_data;

  /* Sets shoe->id, which the generator puts on the runs in this pair. */
  return stride_store_add_shoe (w->store, shoe, &w->error);
}

static gboolean
on_activity (StrideActivity    *activity,
             StrideStrengthSet *sets,
             const char *const *exercise_keys,
             guint              n_sets,
             StrideTrackpoint  *points,
             guint              n_points,
             StrideLap         *laps,
             guint              n_laps,
             gpointer           user_data)
{
  Writer *w = user_data;
  guint n_kept = 0;

  /* Fill in exercise ids in place, dropping sets without one. */
  for (guint i = 0; i < n_sets; i++)
    {
      gint64 id;

      if (!lookup_exercise (w, exercise_keys[i], &id))
        return FALSE;
      if (id == NOT_IN_LIBRARY)
        {
          w->n_skipped_sets++;
          continue;
        }
      sets[n_kept] = sets[i];
      sets[n_kept].exercise_id = id;
      n_kept++;
    }

  /* Sets activity->id, which links a race result. */
  return stride_store_add_activity (w->store, activity, sets, n_kept, points, n_points,
                                    laps, n_laps, &w->error);
}

static gboolean
on_measurement (StrideMeasurement *measurement,
                gpointer           user_data)
{
  Writer *w = user_data;

  return stride_store_add_measurement (w->store, measurement, &w->error);
}

static gboolean
on_pain (StridePainEntry *pain,
         gpointer         user_data)
{
  Writer *w = user_data;

  return stride_store_add_pain_entry (w->store, pain, &w->error);
}

static gboolean
on_race (StrideRace *race,
         gpointer    user_data)
{
  Writer *w = user_data;

  return stride_store_add_race (w->store, race, &w->error);
}

static gboolean
on_plan_entry (StridePlanEntry *entry,
               gpointer         user_data)
{
  Writer *w = user_data;

  return stride_store_add_plan_entry (w->store, entry, &w->error);
}

static const StrideDemoSink writer_sink = {
  on_shoe,
  on_activity,
  on_measurement,
  on_pain,
  on_race,
  on_plan_entry,
};

gboolean
stride_demo_write (StrideStore  *store,
                   guint         years,
                   guint32       today,
                   GError      **error)
{
  Writer w = { 0, };
  gboolean ok;

  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stride_demo_get_start (years, today) == 0)
    {
      g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
                   ngettext ("Cannot make a sample journal of %u year before that date.",
                             "Cannot make a sample journal of %u years before that date.",
                             years),
                   years);
      return FALSE;
    }

  if (!stride_store_begin (store, error))
    return FALSE;

  w.store = store;
  w.exercise_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = stride_demo_generate (years, today, STRIDE_DEMO_DEFAULT_SEED, &writer_sink, &w);

  g_clear_pointer (&w.exercise_ids, g_hash_table_unref);

  if (!ok)
    {
      stride_store_rollback (store);
      if (w.error == NULL)
        g_set_error_literal (&w.error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_IO,
                             _("The sample journal could not be made."));
      g_propagate_error (error, w.error);
      return FALSE;
    }

  if (w.n_skipped_sets > 0)
    g_message ("%u strength sets of the sample journal were left out: "
               "their exercises are not in the library", w.n_skipped_sets);

  return stride_store_commit (store, error);
}
