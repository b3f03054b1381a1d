/* stride-balance-page.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-chart-table.h"
#include "stride-chart-view.h"
#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_BALANCE_PAGE (stride_balance_page_get_type ())

G_DECLARE_FINAL_TYPE (StrideBalancePage, stride_balance_page, STRIDE, BALANCE_PAGE, GtkWidget)

/* The Balance page (issue 7): cards with the latest hamstring:quadriceps
 * ratio per leg, the symmetry of every test and the hip adductor:abductor
 * ratio, each noise-aware (RISK-RULES.md §2); H:Q and left/right charts over
 * time; the latest symmetry of every test and exercise as bars; what to do
 * about an imbalance; a PDF report for a physiotherapist. The journal is
 * read in a worker thread on a connection of its own. */

void             stride_balance_page_set_store   (StrideBalancePage *self,
                                                  StrideStore       *store);
/* Reads the journal again (after an import or an edit). */
void             stride_balance_page_reload      (StrideBalancePage *self);

/* TRUE while the journal is read; "loaded" is emitted after each read. */
gboolean         stride_balance_page_is_loading  (StrideBalancePage *self);
/* TRUE when the journal holds no test with two sides or legs. */
gboolean         stride_balance_page_is_empty    (StrideBalancePage *self);
StrideChartView *stride_balance_page_get_hq_view (StrideBalancePage *self);
StrideChartView *stride_balance_page_get_lsi_view (StrideBalancePage *self);
/* The two charts' data as tables ("balance.show-hq-table",
 * "balance.show-lsi-table"; properties of the same names). */
StrideChartTable *stride_balance_page_get_hq_table  (StrideBalancePage *self);
StrideChartTable *stride_balance_page_get_lsi_table (StrideBalancePage *self);
/* Shows the left and right values of @test (a test id or
 * "exercise:<key>"), or the symmetry of every test for NULL. */
void             stride_balance_page_show_test   (StrideBalancePage *self,
                                                  const char        *test);

/* Writes the physio report of the last @days days (0 = everything) to
 * @path in a worker thread; @callback gets a GTask whose boolean result
 * says whether it worked. */
void             stride_balance_page_export_report (StrideBalancePage  *self,
                                                    const char         *path,
                                                    guint               days,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean         stride_balance_page_export_report_finish (StrideBalancePage *self,
                                                           GAsyncResult      *result,
                                                           GError           **error);

G_END_DECLS
