/* stride-journal-page.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-journal-model.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_JOURNAL_PAGE (stride_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (StrideJournalPage, stride_journal_page, STRIDE, JOURNAL_PAGE, GtkWidget)

/* Shows @model (or nothing) with week headers and the page's filter. */
void         stride_journal_page_set_model    (StrideJournalPage  *self,
                                               StrideJournalModel *model);
/* For a model made in a worker thread, with week headers already set for
 * stride_form_first_weekday(): expect_model() until it is ready. */
void         stride_journal_page_expect_model (StrideJournalPage  *self);
void         stride_journal_page_set_prepared_model (StrideJournalPage  *self,
                                                     StrideJournalModel *model);
void         stride_journal_page_show_loading (StrideJournalPage *self,
                                               const char        *title);
void         stride_journal_page_show_error   (StrideJournalPage *self,
                                               const char        *title,
                                               const char        *description);
GtkGridView *stride_journal_page_get_view      (StrideJournalPage *self);

G_END_DECLS
