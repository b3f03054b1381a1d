/* stride-balance-report.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "stride-store.h"
#include "stride-units.h"

G_BEGIN_DECLS

/* The physio report (issue 7): a PDF to take to a physiotherapist or a
 * coach, with the balance charts, the latest tests and the pain log of a
 * period. No GTK here: the Balance page runs it in a worker thread. */

/* Writes the report of [@from, @to] (local Julian days, inclusive) to the
 * PDF file @path, A4 portrait. Pages: 1. cover — period, the latest H:Q,
 * LSI and hip results with their state and change since baseline, the
 * disclaimer; 2. H:Q over time (chart) and its table; 3. left/right
 * symmetry (chart) and the latest LSI of every test; 4+. the pain log of
 * the period (a table over as many pages as needed, or a line saying none
 * was logged). The file is written to a temporary name and renamed, so a
 * failed report never leaves half a file. */
gboolean stride_balance_report_write (StrideStore       *store,
                                      const char        *path,
                                      guint32            from,
                                      guint32            to,
                                      StrideUnitSystem   units,
                                      GError           **error);

G_END_DECLS
