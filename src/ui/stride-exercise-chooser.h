/* stride-exercise-chooser.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "stride-types.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_EXERCISE_CHOOSER (stride_exercise_chooser_get_type ())

G_DECLARE_FINAL_TYPE (StrideExerciseChooser, stride_exercise_chooser, STRIDE, EXERCISE_CHOOSER, GtkPopover)

/* A searchable list of the exercise library in a popover. Activating an
 * exercise emits "exercise-chosen" (gint64 exercise id) and pops down. */
StrideExerciseChooser *stride_exercise_chooser_new           (void);
void                   stride_exercise_chooser_set_exercises (StrideExerciseChooser *self,
                                                              const StrideExercise  *exercises,
                                                              guint                  n_exercises);

G_END_DECLS
