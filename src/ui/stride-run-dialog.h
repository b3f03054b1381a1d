/* stride-run-dialog.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-store.h"
#include "stride-units.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_RUN_DIALOG (stride_run_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StrideRunDialog, stride_run_dialog, STRIDE, RUN_DIALOG, AdwWindow)

/* Logs a new run (@activity_id 0) or edits an existing one.
 *
 * Signals:
 *   "saved" (gint64 id): the run was written (one transaction); the
 *     dialog closes right after.
 *   "delete-requested" (gint64 id): the user pressed Delete; the dialog
 *     closes and the caller deletes (with undo).
 *   "pain-dialog-opened" (StridePainDialog *dialog): "Any pain?" was on;
 *     after "saved" a pain dialog for the run's day is about to be
 *     presented (transient for @parent). Connect its own "saved" and
 *     "delete-requested" here. */
StrideRunDialog *stride_run_dialog_new          (GtkWindow        *parent,
                                                 StrideStore      *store,
                                                 gint64            activity_id);

/* The dialog's own rules for single fields, without widgets. Each returns
 * TRUE and sets *out, or FALSE with a translated sentence in @error
 * (domain STRIDE_UNITS_ERROR) that says exactly what is wrong. */

/* "HH:MM" or "H:MM", 00:00–23:59; *out_minutes is minutes after midnight. */
gboolean         stride_run_check_time_of_day   (const char       *text,
                                                 int              *out_minutes,
                                                 GError          **error);
/* Optional: empty gives 0 (unknown). A whole number of bpm, 30–250;
 * "150 bpm" is accepted. */
gboolean         stride_run_check_heart_rate    (const char       *text,
                                                 int              *out_bpm,
                                                 GError          **error);
/* Optional: empty gives 0 (unknown). A whole number, 1–10. */
gboolean         stride_run_check_rpe           (const char       *text,
                                                 int              *out_rpe,
                                                 GError          **error);
/* stride_units_parse_pace(), but a pace faster than any human is reported
 * as "Pace 1:20/km is faster than the world record — check distance and
 * time". */
gboolean         stride_run_parse_pace          (const char       *text,
                                                 StrideUnitSystem  default_units,
                                                 double           *out_s_per_km,
                                                 GError          **error);
/* The fastest pace (s/km) anyone has held over @distance_m (men's world
 * records from 100 m to 24 hours; longer distances use the 24-hour one). */
double           stride_run_world_record_pace   (double            distance_m);
/* FALSE when @s_per_km beats the world record over @distance_m or is
 * slower than 60:00 /km; the message shows the pace in @pace_units. */
gboolean         stride_run_check_pace          (double            distance_m,
                                                 double            s_per_km,
                                                 StrideUnitSystem  pace_units,
                                                 GError          **error);

G_END_DECLS
