/* stride-journal-row.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "stride-journal-model.h"
#include "stride-units.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_JOURNAL_ROW (stride_journal_row_get_type ())

G_DECLARE_FINAL_TYPE (StrideJournalRow, stride_journal_row, STRIDE, JOURNAL_ROW, GtkWidget)

StrideJournalRow *stride_journal_row_new      (void);
void              stride_journal_row_set_item (StrideJournalRow  *self,
                                               StrideJournalItem *item,
                                               StrideUnitSystem   distance_units,
                                               StrideUnitSystem   pace_units);

G_END_DECLS
