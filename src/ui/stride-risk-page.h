/* stride-risk-page.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "stride-risk.h"
#include "stride-store.h"

G_BEGIN_DECLS

#define STRIDE_TYPE_RISK_PAGE (stride_risk_page_get_type ())

G_DECLARE_FINAL_TYPE (StrideRiskPage, stride_risk_page, STRIDE, RISK_PAGE, GtkWidget)

/* Number of weeks in the history strip. */
#define STRIDE_RISK_PAGE_STRIP_WEEKS 26

/* The Risk page: the weekly injury-risk checklist of RISK-RULES.md §5 for
 * one ISO week, a strip of past weeks, the user's own answers, and the
 * checklists before a race and when returning from injury. The journal is
 * read in a worker thread on a connection of its own; the checks are then
 * computed on demand (microseconds a week). */

void             stride_risk_page_set_store    (StrideRiskPage *self,
                                                StrideStore    *store);
/* Reads the journal again (after an import or an edit). */
void             stride_risk_page_reload       (StrideRiskPage *self);

/* The Monday (Julian day) of the week shown; weeks after the current one
 * are refused. */
guint32          stride_risk_page_get_week     (StrideRiskPage *self);
void             stride_risk_page_set_week     (StrideRiskPage *self,
                                                guint32         monday);

/* TRUE while the journal is read; "loaded" is emitted after each read. */
gboolean         stride_risk_page_is_loading   (StrideRiskPage *self);
/* TRUE when an automatic check of the current week is a warning (the view
 * switcher shows a badge then). Property "has-warning". */
gboolean         stride_risk_page_get_has_warning (StrideRiskPage *self);
/* The state of one check of the week shown (any checklist), or
 * NOT_ENOUGH_DATA for an unknown id. For tests and the badge. */
StrideRiskState  stride_risk_page_get_state    (StrideRiskPage *self,
                                                const char     *check_id);
/* The disclaimer dialog, shown once on the first visit (GSettings
 * "risk-disclaimer-seen") and reachable from the page. */
void             stride_risk_page_show_disclaimer (StrideRiskPage *self);

G_END_DECLS
