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
} StrideJournalKind;

/* One row of the journal, newest first. Immutable. */
#define STRIDE_TYPE_JOURNAL_ITEM (stride_journal_item_get_type ())

G_DECLARE_FINAL_TYPE (StrideJournalItem, stride_journal_item, STRIDE, JOURNAL_ITEM, GObject)

StrideJournalKind  stride_journal_item_get_kind        (StrideJournalItem *self);
/* Activity id, pain entry id, or the first measurement id of the day. */
gint64             stride_journal_item_get_id          (StrideJournalItem *self);
StrideSport        stride_journal_item_get_sport       (StrideJournalItem *self);
StrideRunType      stride_journal_item_get_run_type    (StrideJournalItem *self);
/* Local start time as Unix seconds + offset; for day entries local noon. */
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
/* Pain severity 0–10, or the number of sets of a strength session. */
gint               stride_journal_item_get_count       (StrideJournalItem *self);

/* A GListModel of StrideJournalItem that reads pages from the store on
 * demand: opening a 10-year journal reads one count and one page. */
#define STRIDE_TYPE_JOURNAL_MODEL (stride_journal_model_get_type ())

G_DECLARE_FINAL_TYPE (StrideJournalModel, stride_journal_model, STRIDE, JOURNAL_MODEL, GObject)

StrideJournalModel *stride_journal_model_new    (StrideStore        *store);
/* Forgets what was read and emits items-changed over the whole list. */
void                stride_journal_model_reload (StrideJournalModel *self);

G_END_DECLS
