/* stride-journal-model-private.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "stride-journal-model.h"

G_BEGIN_DECLS

/* Rows per page read from the store, and pages kept in memory. */
/* GtkListView (GTK 4.8) binds up to 200 rows at once, and with week
 * headers every page reads the whole filtered journal: one page should
 * cover the first screenful of the view. */
#define STRIDE_JOURNAL_PAGE_SIZE 256
#define STRIDE_JOURNAL_MAX_PAGES 8

/* For tests: how many pages were read from the store so far. */
guint _stride_journal_model_get_pages_fetched (StrideJournalModel *self);

G_END_DECLS
