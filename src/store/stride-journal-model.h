/* stride-journal-model.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-store.h"

G_BEGIN_DECLS

typedef enum
{
  STRIDE_JOURNAL_KIND_ACTIVITY,     /* a run, strength session or other sport */
  STRIDE_JOURNAL_KIND_TEST,         /* the measurements of one day */
  STRIDE_JOURNAL_KIND_PAIN,
  STRIDE_JOURNAL_KIND_WEEK,         /* header above the entries of one week */
} StrideJournalKind;

/* Which entries the model lists (issue 4's filter), as a bit mask. */
typedef enum
{
  STRIDE_JOURNAL_SHOW_RUNS     = 1 << 0,
  STRIDE_JOURNAL_SHOW_STRENGTH = 1 << 1,
  STRIDE_JOURNAL_SHOW_OTHER    = 1 << 2,   /* cycling, walks, swims, other */
  STRIDE_JOURNAL_SHOW_TESTS    = 1 << 3,
  STRIDE_JOURNAL_SHOW_PAIN     = 1 << 4,
  STRIDE_JOURNAL_SHOW_ALL      = 0x1f,
} StrideJournalShow;

/* One row of the journal, newest first. Immutable. */
#define STRIDE_TYPE_JOURNAL_ITEM (stride_journal_item_get_type ())

G_DECLARE_FINAL_TYPE (StrideJournalItem, stride_journal_item, STRIDE, JOURNAL_ITEM, GObject)

StrideJournalKind  stride_journal_item_get_kind        (StrideJournalItem *self);
/* Activity id, pain entry id, or the first measurement id of the day;
 * for a week header its first day (as get_date). */
gint64             stride_journal_item_get_id          (StrideJournalItem *self);
StrideSport        stride_journal_item_get_sport       (StrideJournalItem *self);
StrideRunType      stride_journal_item_get_run_type    (StrideJournalItem *self);
/* Local start time as Unix seconds + offset; for day entries local noon,
 * for a week header midnight of its first day (offset 0). */
gint64             stride_journal_item_get_start_utc   (StrideJournalItem *self);
gint               stride_journal_item_get_tz_offset_s (StrideJournalItem *self);
double             stride_journal_item_get_distance_m  (StrideJournalItem *self);
double             stride_journal_item_get_duration_s  (StrideJournalItem *self);
gint               stride_journal_item_get_rpe         (StrideJournalItem *self);
/* Activity title, or NULL. */
const char        *stride_journal_item_get_title       (StrideJournalItem *self);
/* Strength: exercise names in session order, joined by ", ". Tests: the
 * test ids, joined by ", ". Pain: "location" or "location:side". */
const char        *stride_journal_item_get_detail      (StrideJournalItem *self);
/* Pain severity 0–10, the number of sets of a strength session, or the
 * number of entries under a week header. */
gint               stride_journal_item_get_count       (StrideJournalItem *self);
/* The local date of the entry (Julian day); for a week header its first
 * day. */
guint32            stride_journal_item_get_date        (StrideJournalItem *self);
/* Week headers only: sums over the entries of the week that the current
 * filter shows. Load is session RPE × minutes (RISK-RULES.md §3), with
 * stride_session_load()'s defaults for runs without RPE; load_estimated
 * says whether any default was used. A header's distance is that of its
 * runs only; its duration and load are those of all its activities. */
guint              stride_journal_item_get_n_strength  (StrideJournalItem *self);
double             stride_journal_item_get_load        (StrideJournalItem *self);
gboolean           stride_journal_item_get_load_estimated (StrideJournalItem *self);

/* A GListModel of StrideJournalItem that reads pages from the store on
 * demand: opening a 10-year journal reads one count and one page. */
#define STRIDE_TYPE_JOURNAL_MODEL (stride_journal_model_get_type ())

G_DECLARE_FINAL_TYPE (StrideJournalModel, stride_journal_model, STRIDE, JOURNAL_MODEL, GObject)

StrideJournalModel *stride_journal_model_new    (StrideStore        *store);
/* Forgets what was read and emits items-changed over the whole list. */
void                stride_journal_model_reload (StrideJournalModel *self);

/* Week headers: none by default. @first_weekday is G_DATE_MONDAY or
 * G_DATE_SUNDAY; with headers on, each week that has entries gets a
 * STRIDE_JOURNAL_KIND_WEEK item before them (distance and duration of a
 * header are the week's sums). */
void                stride_journal_model_set_week_headers (StrideJournalModel *self,
                                                           gboolean            enabled,
                                                           GDateWeekday        first_weekday);
/* Filter: @show is a StrideJournalShow mask; @run_type limits runs to one
 * type (STRIDE_RUN_TYPE_NONE = any); @search (NULL or "" = none) matches,
 * case-insensitively, titles and notes of activities, exercise names of
 * strength sessions, shoe names of runs, test ids and notes of tests, and
 * locations and notes of pain entries. Each setter reloads.
 * The search is taken literally (% and _ are no wildcards), without the
 * spaces around it; case folding covers ASCII letters only (SQLite's
 * LIKE). */
void                stride_journal_model_set_filter (StrideJournalModel *self,
                                                     StrideJournalShow   show,
                                                     StrideRunType       run_type,
                                                     const char         *search);

G_END_DECLS
