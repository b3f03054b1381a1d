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
 * Names are English; the UI translates them. */
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
  { "deadlift", "Deadlift", "compound", "hamstrings,glutes,back,quadriceps", FALSE },
  { "trap-bar-deadlift", "Trap bar deadlift",
    "compound", "quadriceps,glutes,hamstrings,back", FALSE },
  { "back-squat", "Back squat", "compound", "quadriceps,glutes,adductors,back", FALSE },
  { "front-squat", "Front squat", "compound", "quadriceps,glutes,core", FALSE },
  { "goblet-squat", "Goblet squat", "compound", "quadriceps,glutes,core", FALSE },
  { "leg-press", "Leg press", "compound", "quadriceps,glutes", FALSE },
  { "hip-thrust", "Hip thrust", "compound", "glutes,hamstrings", FALSE },
  /* No isolation category: the quadriceps partner of the leg curl sits here. */
  { "leg-extension", "Leg extension", "compound", "quadriceps", FALSE },

  /* Explosive */
  { "clean-and-jerk", "Clean and jerk",
    "explosive", "quadriceps,glutes,hamstrings,shoulders,back", FALSE },
  { "power-clean", "Power clean", "explosive", "hamstrings,glutes,quadriceps,back", FALSE },
  { "hang-clean", "Hang clean", "explosive", "hamstrings,glutes,back", FALSE },
  { "box-jump", "Box jump", "explosive", "quadriceps,glutes,calves", FALSE },
  { "jump-squat", "Jump squat", "explosive", "quadriceps,glutes,calves", FALSE },
  { "bounding", "Bounding", "explosive", "glutes,hamstrings,calves,hip flexors", FALSE },
  { "kettlebell-swing", "Kettlebell swing", "explosive", "glutes,hamstrings,back", FALSE },
  { "pogo-jumps", "Pogo jumps", "explosive", "calves,achilles", FALSE },
  { "single-leg-hop", "Single-leg hop", "explosive", "quadriceps,glutes,calves", TRUE },
  { "depth-jump", "Depth jump", "explosive", "quadriceps,glutes,calves", FALSE },

  /* Unilateral */
  { "split-squat", "Split squat", "unilateral", "quadriceps,glutes,adductors", TRUE },
  { "bulgarian-split-squat", "Bulgarian split squat",
    "unilateral", "quadriceps,glutes,adductors", TRUE },
  { "single-leg-rdl", "Single-leg Romanian deadlift",
    "unilateral", "hamstrings,glutes,hip stabilisers", TRUE },
  { "step-up", "Step-up", "unilateral", "quadriceps,glutes", TRUE },
  { "single-leg-squat", "Single-leg squat", "unilateral", "quadriceps,glutes,hip abductors", TRUE },
  { "lunge", "Lunge", "unilateral", "quadriceps,glutes,adductors", TRUE },
  { "walking-lunge", "Walking lunge", "unilateral", "quadriceps,glutes,adductors", TRUE },
  { "reverse-lunge", "Reverse lunge", "unilateral", "quadriceps,glutes,hamstrings", TRUE },
  { "lateral-lunge", "Lateral lunge", "unilateral", "adductors,quadriceps,glutes", TRUE },

  /* Posterior chain */
  { "romanian-deadlift", "Romanian deadlift", "posterior", "hamstrings,glutes,back", FALSE },
  { "nordic-curl", "Nordic hamstring curl", "posterior", "hamstrings", FALSE },
  { "leg-curl", "Leg curl", "posterior", "hamstrings", FALSE },
  { "good-morning", "Good morning", "posterior", "hamstrings,glutes,back", FALSE },
  { "glute-bridge", "Glute bridge", "posterior", "glutes,hamstrings", FALSE },
  { "single-leg-glute-bridge", "Single-leg glute bridge", "posterior", "glutes,hamstrings", TRUE },
  { "back-extension", "Back extension", "posterior", "back,glutes,hamstrings", FALSE },

  /* Hip */
  { "side-lying-hip-abduction", "Side-lying hip abduction",
    "hip", "hip abductors,gluteus medius", TRUE },
  { "clamshell", "Clamshell", "hip", "gluteus medius,hip external rotators", TRUE },
  { "lateral-band-walk", "Lateral band walk", "hip", "gluteus medius,hip abductors", FALSE },
  { "copenhagen-plank", "Copenhagen plank", "hip", "adductors,core", TRUE },
  { "hip-adduction", "Hip adduction", "hip", "adductors", TRUE },
  { "monster-walk", "Monster walk", "hip", "gluteus medius,glutes", FALSE },

  /* Calf */
  { "calf-raise", "Calf raise", "calf", "calves", FALSE },
  { "single-leg-calf-raise", "Single-leg calf raise", "calf", "calves,achilles", TRUE },
  { "bent-knee-calf-raise", "Bent-knee calf raise", "calf", "soleus", FALSE },
  { "tibialis-raise", "Tibialis raise", "calf", "tibialis anterior", FALSE },

  /* Core */
  { "plank", "Plank", "core", "core", FALSE },
  { "side-plank", "Side plank", "core", "obliques,hip abductors", TRUE },
  { "dead-bug", "Dead bug", "core", "core,hip flexors", FALSE },
  { "pallof-press", "Pallof press", "core", "obliques,core", TRUE },
  { "bird-dog", "Bird dog", "core", "core,back,glutes", FALSE },
  { "hanging-knee-raise", "Hanging knee raise", "core", "core,hip flexors", FALSE },

  /* Mobility */
  { "hip-flexor-stretch", "Hip flexor stretch", "mobility", "hip flexors", TRUE },
  { "ankle-dorsiflexion-mobilisation", "Ankle dorsiflexion mobilisation",
    "mobility", "calves,ankle", TRUE },
  { "worlds-greatest-stretch", "World's greatest stretch",
    "mobility", "hip flexors,hamstrings,thoracic spine", TRUE },
  { "hip-90-90", "90/90 hip switch", "mobility", "hip rotators", FALSE },
  { "hamstring-stretch", "Hamstring stretch", "mobility", "hamstrings", TRUE },
  { "foam-roll-quadriceps", "Foam rolling, quadriceps", "mobility", "quadriceps", FALSE },
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
