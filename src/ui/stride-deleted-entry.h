/* stride-deleted-entry.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "stride-journal-model.h"
#include "stride-store.h"

G_BEGIN_DECLS

/* A journal entry that was deleted, kept whole so "Undo" can put it back:
 * an activity with its sets, track points and laps, the tests of a day, or
 * a pain entry. */
typedef struct _StrideDeletedEntry StrideDeletedEntry;

/* Reads the entry of @kind (@id for activities and pain, @date for a test
 * day), then deletes it. NULL with @error when either step fails; then
 * nothing was deleted. */
StrideDeletedEntry *stride_deleted_entry_take    (StrideStore         *store,
                                                  StrideJournalKind    kind,
                                                  gint64               id,
                                                  guint32              date,
                                                  GError             **error);
/* Writes the entry back (as new rows, in one transaction). */
gboolean            stride_deleted_entry_restore (StrideDeletedEntry  *entry,
                                                  StrideStore         *store,
                                                  GError             **error);
void                stride_deleted_entry_free    (StrideDeletedEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideDeletedEntry, stride_deleted_entry_free)

G_END_DECLS
