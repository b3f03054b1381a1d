/* stride-exercise-library.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stride-store-private.h"

/* The exercise library a new journal starts with (RISK-RULES.md §4). Keys
 * are stable ids used by the planner and the importers: never rename one.
 * Names are English and marked for translation; the UI translates them. */
typedef struct
{
  const char *key;
  const char *name;
  const char *category;
  const char *muscles;
  gboolean    unilateral;
} ExerciseSeed;

static const ExerciseSeed exercise_seeds[] = {
  /* Compound */
  { "deadlift", N_("Deadlift"), "compound", "hamstrings,glutes,back,quadriceps", FALSE },
  { "trap-bar-deadlift", N_("Trap bar deadlift"),
    "compound", "quadriceps,glutes,hamstrings,back", FALSE },
  { "back-squat", N_("Back squat"), "compound", "quadriceps,glutes,adductors,back", FALSE },
  { "front-squat", N_("Front squat"), "compound", "quadriceps,glutes,core", FALSE },
  { "goblet-squat", N_("Goblet squat"), "compound", "quadriceps,glutes,core", FALSE },
  { "leg-press", N_("Leg press"), "compound", "quadriceps,glutes", FALSE },
  { "hip-thrust", N_("Hip thrust"), "compound", "glutes,hamstrings", FALSE },
  /* No isolation category: the quadriceps partner of the leg curl sits here. */
  { "leg-extension", N_("Leg extension"), "compound", "quadriceps", FALSE },

  /* Explosive */
  { "clean-and-jerk", N_("Clean and jerk"),
    "explosive", "quadriceps,glutes,hamstrings,shoulders,back", FALSE },
  { "power-clean", N_("Power clean"), "explosive", "hamstrings,glutes,quadriceps,back", FALSE },
  { "hang-clean", N_("Hang clean"), "explosive", "hamstrings,glutes,back", FALSE },
  { "box-jump", N_("Box jump"), "explosive", "quadriceps,glutes,calves", FALSE },
  { "jump-squat", N_("Jump squat"), "explosive", "quadriceps,glutes,calves", FALSE },
  { "bounding", N_("Bounding"), "explosive", "glutes,hamstrings,calves,hip flexors", FALSE },
  { "kettlebell-swing", N_("Kettlebell swing"), "explosive", "glutes,hamstrings,back", FALSE },
  { "pogo-jumps", N_("Pogo jumps"), "explosive", "calves,achilles", FALSE },
  { "single-leg-hop", N_("Single-leg hop"), "explosive", "quadriceps,glutes,calves", TRUE },
  { "depth-jump", N_("Depth jump"), "explosive", "quadriceps,glutes,calves", FALSE },

  /* Unilateral */
  { "split-squat", N_("Split squat"), "unilateral", "quadriceps,glutes,adductors", TRUE },
  { "bulgarian-split-squat", N_("Bulgarian split squat"),
    "unilateral", "quadriceps,glutes,adductors", TRUE },
  { "single-leg-rdl", N_("Single-leg Romanian deadlift"),
    "unilateral", "hamstrings,glutes,hip stabilisers", TRUE },
  { "step-up", N_("Step-up"), "unilateral", "quadriceps,glutes", TRUE },
  { "single-leg-squat", N_("Single-leg squat"), "unilateral", "quadriceps,glutes,hip abductors", TRUE },
  { "lunge", N_("Lunge"), "unilateral", "quadriceps,glutes,adductors", TRUE },
  { "walking-lunge", N_("Walking lunge"), "unilateral", "quadriceps,glutes,adductors", TRUE },
  { "reverse-lunge", N_("Reverse lunge"), "unilateral", "quadriceps,glutes,hamstrings", TRUE },
  { "lateral-lunge", N_("Lateral lunge"), "unilateral", "adductors,quadriceps,glutes", TRUE },

  /* Posterior chain */
  { "romanian-deadlift", N_("Romanian deadlift"), "posterior", "hamstrings,glutes,back", FALSE },
  { "nordic-curl", N_("Nordic hamstring curl"), "posterior", "hamstrings", FALSE },
  { "leg-curl", N_("Leg curl"), "posterior", "hamstrings", FALSE },
  { "good-morning", N_("Good morning"), "posterior", "hamstrings,glutes,back", FALSE },
  { "glute-bridge", N_("Glute bridge"), "posterior", "glutes,hamstrings", FALSE },
  { "single-leg-glute-bridge", N_("Single-leg glute bridge"), "posterior", "glutes,hamstrings", TRUE },
  { "back-extension", N_("Back extension"), "posterior", "back,glutes,hamstrings", FALSE },

  /* Hip */
  { "side-lying-hip-abduction", N_("Side-lying hip abduction"),
    "hip", "hip abductors,gluteus medius", TRUE },
  { "clamshell", N_("Clamshell"), "hip", "gluteus medius,hip external rotators", TRUE },
  { "lateral-band-walk", N_("Lateral band walk"), "hip", "gluteus medius,hip abductors", FALSE },
  { "copenhagen-plank", N_("Copenhagen plank"), "hip", "adductors,core", TRUE },
  { "hip-adduction", N_("Hip adduction"), "hip", "adductors", TRUE },
  { "monster-walk", N_("Monster walk"), "hip", "gluteus medius,glutes", FALSE },

  /* Calf */
  { "calf-raise", N_("Calf raise"), "calf", "calves", FALSE },
  { "single-leg-calf-raise", N_("Single-leg calf raise"), "calf", "calves,achilles", TRUE },
  { "bent-knee-calf-raise", N_("Bent-knee calf raise"), "calf", "soleus", FALSE },
  { "tibialis-raise", N_("Tibialis raise"), "calf", "tibialis anterior", FALSE },

  /* Core */
  { "plank", N_("Plank"), "core", "core", FALSE },
  { "side-plank", N_("Side plank"), "core", "obliques,hip abductors", TRUE },
  { "dead-bug", N_("Dead bug"), "core", "core,hip flexors", FALSE },
  { "pallof-press", N_("Pallof press"), "core", "obliques,core", TRUE },
  { "bird-dog", N_("Bird dog"), "core", "core,back,glutes", FALSE },
  { "hanging-knee-raise", N_("Hanging knee raise"), "core", "core,hip flexors", FALSE },

  /* Mobility */
  { "hip-flexor-stretch", N_("Hip flexor stretch"), "mobility", "hip flexors", TRUE },
  { "ankle-dorsiflexion-mobilisation", N_("Ankle dorsiflexion mobilisation"),
    "mobility", "calves,ankle", TRUE },
  { "worlds-greatest-stretch", N_("World’s greatest stretch"),
    "mobility", "hip flexors,hamstrings,thoracic spine", TRUE },
  { "hip-90-90", N_("90/90 hip switch"), "mobility", "hip rotators", FALSE },
  { "hamstring-stretch", N_("Hamstring stretch"), "mobility", "hamstrings", TRUE },
  { "foam-roll-quadriceps", N_("Foam rolling, quadriceps"), "mobility", "quadriceps", FALSE },
};

guint
_stride_exercise_library_get_size (void)
{
  return G_N_ELEMENTS (exercise_seeds);
}

gboolean
_stride_exercise_library_seed (sqlite3  *db,
                               GError  **error)
{
  static const char sql[] =
    "INSERT INTO exercise (key, name, category, muscles, unilateral)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert (db != NULL);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stride_store_set_error (error, db, rc, _("Could not fill the exercise library"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (exercise_seeds); i++)
    {
      const ExerciseSeed *seed = &exercise_seeds[i];

      sqlite3_bind_text (stmt, 1, seed->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, seed->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, seed->category, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, seed->muscles, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, seed->unilateral ? 1 : 0);

      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _stride_store_set_error (error, db, rc, _("Could not fill the exercise library"));
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  sqlite3_finalize (stmt);

  return TRUE;
}
