/* stride-risk.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "stride-types.h"
#include "stride-units.h"

G_BEGIN_DECLS

/* The injury-risk checklists of RISK-RULES.md §5 as data plus pure
 * functions over a journal's numbers. The journal is handed over as plain
 * records (the store reads them); nothing here touches SQLite or GTK.
 *
 * Weeks are ISO 8601 weeks, Monday to Sunday, whatever day the calendar
 * starts its weeks on, because the checklist history is keyed by ISO week.
 * A week is evaluated up to its "evaluation day": its Sunday, or today
 * when the week is still running. */

#define STRIDE_RISK_ERROR (stride_risk_error_quark ())

typedef enum
{
  STRIDE_RISK_ERROR_INVALID_WEEK,       /* not "YYYY-Www", or no such week */
} StrideRiskError;

/* Ordered from least to most serious, so MAX() gives the worse one. */
typedef enum
{
  STRIDE_RISK_NOT_ENOUGH_DATA,
  STRIDE_RISK_OK,
  STRIDE_RISK_CAUTION,
  STRIDE_RISK_WARNING,
  STRIDE_N_RISK_STATES
} StrideRiskState;

/* How strong the evidence behind a check is, as the app says it. */
typedef enum
{
  STRIDE_EVIDENCE_STRONG,       /* large prospective cohort or RCT */
  STRIDE_EVIDENCE_MODERATE,     /* cohort studies, consistent */
  STRIDE_EVIDENCE_LIMITED,      /* small or single studies, other sports */
  STRIDE_EVIDENCE_CONTESTED,    /* disputed in the literature */
  STRIDE_EVIDENCE_SELF_REPORT,  /* the user's own answer */
  STRIDE_N_EVIDENCE
} StrideEvidence;

/* Check ids of RISK-RULES.md §5. They are a contract: the checklist table,
 * GSettings and `--checklist --json` use them. Never rename one. */
#define STRIDE_CHECK_SPIKE     "spike"
#define STRIDE_CHECK_ACWR      "acwr"
#define STRIDE_CHECK_RAMP      "ramp"
#define STRIDE_CHECK_MONOTONY  "monotony"
#define STRIDE_CHECK_STRENGTH  "strength"
#define STRIDE_CHECK_SPACING   "spacing"
#define STRIDE_CHECK_HQ        "hq"
#define STRIDE_CHECK_LSI       "lsi"
#define STRIDE_CHECK_PAIN      "pain"
#define STRIDE_CHECK_SLEEP     "sleep"
#define STRIDE_CHECK_SORENESS  "soreness"
#define STRIDE_CHECK_ILLNESS   "illness"
#define STRIDE_CHECK_SHOES     "shoes"

/* Checks of the other two checklists. */
#define STRIDE_CHECK_RACE_TAPER     "race-taper"      /* volume cut 41–60 % */
#define STRIDE_CHECK_RACE_STRENGTH  "race-strength"   /* ≤ 1 session, none in 5 days */
#define STRIDE_CHECK_RACE_SHOES     "race-shoes"      /* no new shoes */
#define STRIDE_CHECK_RACE_PAIN      "race-pain"       /* no pain ≥ threshold in 7 days */
#define STRIDE_CHECK_RETURN_PAIN_FREE "return-pain-free"  /* days since last pain */
#define STRIDE_CHECK_RETURN_LSI     "return-lsi"      /* latest LSI ≥ 90 % */
#define STRIDE_CHECK_RETURN_GRADED  "return-graded"   /* no spike, no ramp */

/* User answers kept in the checklist table (StrideChecklistAnswer.state)
 * for the user items: the problem happened this week, or it did not. */
#define STRIDE_ANSWER_YES "yes"
#define STRIDE_ANSWER_NO  "no"

/* Thresholds: defaults of RISK-RULES.md §5, overridable in Preferences
 * (GSettings keys named in the comments). */
typedef struct
{
  double spike_caution_percent;    /* 110  risk-spike-caution */
  double spike_warning_percent;    /* 130  risk-spike-warning */
  double acwr_low;                 /* 0.8  risk-acwr-low */
  double acwr_high;                /* 1.3  risk-acwr-high */
  double acwr_warning;             /* 1.5  risk-acwr-warning */
  double ramp_caution_percent;     /* 30   risk-ramp-caution */
  double monotony_caution;         /* 2.0  risk-monotony-caution */
  guint  strength_min_sessions;    /* 2    risk-strength-sessions */
  double spacing_after_run_h;      /* 6    risk-spacing-after-run */
  double spacing_before_key_h;     /* 24   risk-spacing-before-key */
  gint   pain_severity;            /* 3    risk-pain-severity */
  guint  pain_same_spot_days;      /* 3    risk-pain-days */
  double shoe_limit_km;            /* 700  risk-shoe-limit */
  double lsi_watch_percent;        /* 90   risk-lsi-watch */
  double lsi_warning_percent;      /* 85   risk-lsi-warning */
} StrideRiskThresholds;

void         stride_risk_thresholds_init      (StrideRiskThresholds *thresholds);

GQuark       stride_risk_error_quark          (void);

/* "ok", "caution", "warning", "not-enough-data" (the JSON contract). */
const char  *stride_risk_state_to_id          (StrideRiskState  state);
gboolean     stride_risk_state_from_id        (const char      *id,
                                               StrideRiskState *state);
/* Translated words for the UI: "OK", "Caution", "Warning", "Not enough
 * data"; "Strong evidence", … */
const char  *stride_risk_state_to_label       (StrideRiskState  state);
const char  *stride_evidence_to_label         (StrideEvidence   evidence);

/* ISO 8601 weeks. stride_iso_week_parse() accepts "YYYY-Www" (W01 to W52,
 * or W53 in a year that has one) and gives that week's Monday as a Julian
 * day; anything else fails with STRIDE_RISK_ERROR_INVALID_WEEK and a
 * message that says what was wrong. _format() gives "2026-W48" for any
 * day of that week; _monday() the Monday of @day's week. */
gboolean     stride_iso_week_parse            (const char      *text,
                                               guint32         *monday,
                                               GError         **error);
char        *stride_iso_week_format           (guint32          day) G_GNUC_WARN_UNUSED_RESULT;
guint32      stride_iso_week_monday           (guint32          day);
guint        stride_iso_weeks_in_year         (guint            year);

/* One activity as the checks need it. */
typedef struct
{
  gint64         start_utc;
  gint           tz_offset_s;    /* local = UTC + offset: the local day counts */
  StrideSport    sport;
  StrideRunType  run_type;
  double         duration_s;
  double         distance_m;
  gint           rpe;            /* 0 = unknown: load estimated */
  gint64         shoe_id;        /* 0 = none */
} StrideRiskActivity;

typedef struct _StrideRiskJournal StrideRiskJournal;

/* A journal to evaluate. Records are copied; add them in any order. */
StrideRiskJournal *stride_risk_journal_new            (void);
void         stride_risk_journal_free                 (StrideRiskJournal           *journal);
void         stride_risk_journal_add_activity         (StrideRiskJournal           *journal,
                                                       const StrideRiskActivity    *activity);
/* Side values for the lsi check, e.g. from stride_balance_side_values_from_sets(). */
void         stride_risk_journal_add_measurement      (StrideRiskJournal           *journal,
                                                       const StrideMeasurement     *measurement);
void         stride_risk_journal_add_pain             (StrideRiskJournal           *journal,
                                                       const StridePainEntry       *pain);
/* The shoe's distance is counted from the activities linked to it, up to
 * the evaluation day (shoe->distance_m is ignored). */
void         stride_risk_journal_add_shoe             (StrideRiskJournal           *journal,
                                                       const StrideShoe            *shoe);
void         stride_risk_journal_add_race             (StrideRiskJournal           *journal,
                                                       const StrideRace            *race);
/* The user's answers (any week). */
void         stride_risk_journal_add_answer           (StrideRiskJournal           *journal,
                                                       const StrideChecklistAnswer *answer);
/* Previous injury is the strongest known risk factor (van Gent et al.
 * 2007): when set, the load checks say so in their explanation. */
void         stride_risk_journal_set_previous_injury  (StrideRiskJournal           *journal,
                                                       gboolean                     previous_injury);
/* The first local day with an activity, 0 for an empty journal. */
guint32      stride_risk_journal_get_first_day        (StrideRiskJournal           *journal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideRiskJournal, stride_risk_journal_free)

typedef struct
{
  const char      *id;           /* STRIDE_CHECK_*, static */
  StrideRiskState  state;
  double           value;        /* what was measured, NAN = none */
  double           threshold;    /* the limit it was compared with, NAN = none */
  char            *title;        /* "Single-run spike" */
  /* The numbers in one sentence, in @units: "Longest run 24 km = 141 % of
   * your longest in the previous 30 days (17 km)". */
  char            *summary;
  char            *explanation;  /* one paragraph: why it matters, what to do */
  StrideEvidence   evidence;
  const char      *source;       /* "Frandsen et al. 2025, BJSM", static */
  gboolean         from_user;    /* answered by the user (sleep, soreness, …) */
  gboolean         estimated;    /* rests on loads estimated without RPE */
  char            *note;         /* the user's note, NULL when none */
} StrideRiskCheck;

void         stride_risk_check_clear          (StrideRiskCheck *check);

/* The weekly checklist of the ISO week starting on @monday, as of @today
 * (a Julian day: a week after today is all "not enough data"), with
 * numbers written in @units. A GArray of StrideRiskCheck with a clear
 * func, in the order of RISK-RULES.md §5: spike, acwr, ramp, monotony,
 * strength, spacing, hq, lsi, pain, sleep, soreness, illness, shoes. */
GArray      *stride_risk_evaluate_week        (StrideRiskJournal          *journal,
                                               guint32                     monday,
                                               guint32                     today,
                                               const StrideRiskThresholds *thresholds,
                                               StrideUnitSystem            units);

/* Before a race: the checklist for the next race in the journal from
 * @today up to 28 days ahead (*race_out, may be NULL, gets a copy; clear
 * it with stride_race_clear()); NULL when there is none. Checks: taper,
 * strength, shoes, pain. */
GArray      *stride_risk_evaluate_race        (StrideRiskJournal          *journal,
                                               guint32                     today,
                                               const StrideRiskThresholds *thresholds,
                                               StrideUnitSystem            units,
                                               StrideRace                 *race_out);

/* Returning from injury: applies when a pain entry at or above the pain
 * threshold lies within the 60 days before @today; NULL otherwise.
 * Checks: pain-free days, LSI, graded return. */
GArray      *stride_risk_evaluate_return      (StrideRiskJournal          *journal,
                                               guint32                     today,
                                               const StrideRiskThresholds *thresholds,
                                               StrideUnitSystem            units);

/* The single-run spike of a run being planned (RISK-RULES.md §3): a run
 * of @distance_m on @day against the longest run of the 30 days before
 * it, counting the journal's runs and the planned runs in @planned (run
 * and race entries dated before @day that are neither skipped nor done —
 * a done entry's run is in the journal already). Returns the ratio in %,
 * NAN when there is no run to compare with. */
double       stride_risk_planned_spike        (StrideRiskJournal          *journal,
                                               const StridePlanEntry      *planned,
                                               guint                       n_planned,
                                               guint32                     day,
                                               double                      distance_m);

/* The most serious state among automatic (and, with @include_user, user)
 * checks of @checks; NOT_ENOUGH_DATA for an empty array. */
StrideRiskState stride_risk_checks_worst      (GArray   *checks,
                                               gboolean  include_user);

G_END_DECLS
