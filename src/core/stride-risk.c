/* stride-risk.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-risk"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "stride-balance.h"
#include "stride-load.h"
#include "stride-metrics.h"
#include "stride-risk.h"

/* The checklists of RISK-RULES.md §5.
 *
 * Days are Julian days as GDate counts them (1 = 0001-01-01). An
 * activity belongs to the local day of its start (start_utc +
 * tz_offset_s), so a run at 23:30 UTC logged at UTC+1 counts on the next
 * day. A week is evaluated up to its evaluation day E = min (Sunday,
 * today); a week after today is "not enough data" in every check.
 *
 * Cost: the journal keeps its activities sorted by (local day, start) and
 * builds, once after the last change, one record per day from the first
 * activity day to the last one (load, run distance, longest run, longest
 * run of the 30 days before, EWMA acute and chronic load). Days after the
 * last activity are rest days: their EWMA is the last value decayed by
 * (1 − λ) a day, in closed form, so a late "today" costs nothing. A week
 * then reads a few dozen day records and the activities of its own days
 * (found by binary search), so evaluating every week of a ten-year
 * journal costs one O(days) pass plus O(weeks × 7). The balance
 * summaries (H:Q, LSI) are computed over the measurements dated up to E
 * and kept while consecutive weeks see the same measurements.
 *
 * Because of these caches an evaluation writes to the journal: use one
 * journal from one thread at a time.
 *
 * Threshold comparisons allow for rounding (COMPARE_EPSILON): a value
 * that is the threshold on paper (110 % of a run) is at the threshold,
 * not over it by the last bit. */

#define COMPARE_EPSILON 1e-9

/* 1970-01-01 as a GDate Julian day. */
#define UNIX_EPOCH_JULIAN 719163
#define SECONDS_PER_DAY   86400

/* The last day GDate (and this file) can name: 9999-12-31. */
#define LAST_JULIAN_DAY   3652059

#define SPIKE_WINDOW_DAYS   30   /* the spike compares with days d-30..d-1 */
#define ACWR_MIN_DAYS       28   /* a chronic EWMA needs four weeks */
#define MONOTONY_DAYS        7
#define TAPER_DAYS          14   /* Bosquet et al. 2007: the last two weeks */
#define TAPER_BASELINE_DAYS 28   /* two 2-week blocks before the taper */
#define TAPER_CUT_MIN       41.0 /* %, Bosquet et al. 2007 */
#define TAPER_CUT_MAX       60.0
#define RACE_NO_STRENGTH_DAYS 5  /* RISK-RULES.md §4: none in the last 5 days */
#define RACE_AHEAD_DAYS     28   /* the race checklist looks 4 weeks ahead */
#define NEW_SHOE_DAYS       14   /* shoes first used in the 2 weeks before a race */
#define RETURN_WINDOW_DAYS  60   /* a return after pain of the last 60 days */
#define RETURN_PAIN_FREE_OK 14   /* days without pain: OK from 2 weeks */
#define RETURN_PAIN_FREE_CAUTION 7

G_DEFINE_QUARK (stride-risk-error-quark, stride_risk_error)

/* Thresholds, states, labels */

void
stride_risk_thresholds_init (StrideRiskThresholds *thresholds)
{
  g_return_if_fail (thresholds != NULL);

  thresholds->spike_caution_percent = 110;
  thresholds->spike_warning_percent = 130;
  thresholds->acwr_low = 0.8;
  thresholds->acwr_high = 1.3;
  thresholds->acwr_warning = 1.5;
  thresholds->ramp_caution_percent = 30;
  thresholds->monotony_caution = 2.0;
  thresholds->strength_min_sessions = 2;
  thresholds->spacing_after_run_h = 6;
  thresholds->spacing_before_key_h = 24;
  thresholds->pain_severity = 3;
  thresholds->pain_same_spot_days = 3;
  thresholds->shoe_limit_km = 700;
  thresholds->lsi_watch_percent = STRIDE_LSI_TARGET;
  thresholds->lsi_warning_percent = STRIDE_LSI_FLAG_BELOW;
}

static const char *const state_ids[STRIDE_N_RISK_STATES] = {
  [STRIDE_RISK_NOT_ENOUGH_DATA] = "not-enough-data",
  [STRIDE_RISK_OK]              = "ok",
  [STRIDE_RISK_CAUTION]         = "caution",
  [STRIDE_RISK_WARNING]         = "warning",
};

const char *
stride_risk_state_to_id (StrideRiskState state)
{
  g_return_val_if_fail ((guint) state < STRIDE_N_RISK_STATES, NULL);

  return state_ids[state];
}

gboolean
stride_risk_state_from_id (const char      *id,
                           StrideRiskState *state)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < STRIDE_N_RISK_STATES; i++)
    {
      if (strcmp (id, state_ids[i]) == 0)
        {
          if (state != NULL)
            *state = (StrideRiskState) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
stride_risk_state_to_label (StrideRiskState state)
{
  switch (state)
    {
    case STRIDE_RISK_NOT_ENOUGH_DATA:
      return _("Not enough data");
    case STRIDE_RISK_OK:
      return _("OK");
    case STRIDE_RISK_CAUTION:
      return _("Caution");
    case STRIDE_RISK_WARNING:
      return _("Warning");
    case STRIDE_N_RISK_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
stride_evidence_to_label (StrideEvidence evidence)
{
  switch (evidence)
    {
    case STRIDE_EVIDENCE_STRONG:
      return _("Strong evidence");
    case STRIDE_EVIDENCE_MODERATE:
      return _("Moderate evidence");
    case STRIDE_EVIDENCE_LIMITED:
      return _("Limited evidence");
    case STRIDE_EVIDENCE_CONTESTED:
      return _("Contested evidence");
    case STRIDE_EVIDENCE_SELF_REPORT:
      return _("Your own answer");
    case STRIDE_N_EVIDENCE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ISO 8601 weeks */

/* 1 = Monday … 7 = Sunday; Julian day 1 (0001-01-01, proleptic
 * Gregorian) is a Monday. */
static guint
weekday (guint32 day)
{
  return (day - 1) % 7 + 1;
}

static guint32
julian_from_dmy (guint day,
                 guint month,
                 guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static guint
year_of (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_year (&date);
}

guint32
stride_iso_week_monday (guint32 day)
{
  g_return_val_if_fail (day >= 1, 0);

  return day - (weekday (day) - 1);
}

/* 53 weeks when 1 January is a Thursday, or a Wednesday in a leap year
 * (then 31 December is a Thursday): the year owns that last week. */
guint
stride_iso_weeks_in_year (guint year)
{
  guint jan1;

  g_return_val_if_fail (year >= 1 && year <= 9999, 0);

  jan1 = weekday (julian_from_dmy (1, 1, year));
  if (jan1 == G_DATE_THURSDAY
      || (jan1 == G_DATE_WEDNESDAY && g_date_is_leap_year ((GDateYear) year)))
    return 53;

  return 52;
}

/* Week 1 is the week with 4 January (the first with a Thursday). */
static guint32
iso_week_one_monday (guint year)
{
  return stride_iso_week_monday (julian_from_dmy (4, 1, year));
}

/* The ISO year of a day is the calendar year of its week's Thursday:
 * 29 December 2025 (a Monday) is in 2026-W01, 31 December 2026 (a
 * Thursday) in 2026-W53, 1 January 2027 (a Friday) still in 2026-W53. */
char *
stride_iso_week_format (guint32 day)
{
  guint32 thursday;
  guint year;
  guint week;

  g_return_val_if_fail (day >= 1 && day <= LAST_JULIAN_DAY, NULL);

  thursday = stride_iso_week_monday (day) + 3;
  year = year_of (thursday);
  week = (thursday - julian_from_dmy (1, 1, year)) / 7 + 1;

  return g_strdup_printf ("%04u-W%02u", year, week);
}

static gboolean
parse_digits (const char *text,
              guint       n_digits,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

/* Strictly "YYYY-Www": four digits (year 1 to 9999), '-', a capital
 * 'W', two digits; nothing before or after. */
gboolean
stride_iso_week_parse (const char  *text,
                       guint32     *monday,
                       GError     **error)
{
  guint year = 0;
  guint week = 0;
  guint n_weeks;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (text) != 8
      || !parse_digits (text, 4, &year)
      || text[4] != '-' || text[5] != 'W'
      || !parse_digits (text + 6, 2, &week)
      || year < 1)
    {
      g_set_error (error, STRIDE_RISK_ERROR, STRIDE_RISK_ERROR_INVALID_WEEK,
                   /* Translators: %s is what the user typed; keep YYYY-Www and the example as they are */
                   _("“%s” is not a week: write it as YYYY-Www, for example 2026-W48"),
                   text);
      return FALSE;
    }

  n_weeks = stride_iso_weeks_in_year (year);
  if (week < 1 || week > n_weeks)
    {
      g_set_error (error, STRIDE_RISK_ERROR, STRIDE_RISK_ERROR_INVALID_WEEK,
                   /* Translators: "2027 has no week 53: it has 52 weeks" */
                   _("%u has no week %u: it has %u weeks"),
                   year, week, n_weeks);
      return FALSE;
    }

  if (monday != NULL)
    *monday = iso_week_one_monday (year) + 7 * (week - 1);

  return TRUE;
}

/* Journal */

typedef struct
{
  StrideRiskActivity a;
  guint32            day;        /* local Julian day of the start */
  double             load;       /* stride_session_load() */
  gboolean           estimated;
} JournalActivity;

/* One day of the journal, from its first activity day to its last. */
typedef struct
{
  double   load;
  double   run_m;
  double   longest_m;            /* the longest run of the day */
  double   prev_longest_m;       /* the longest run of days d-30..d-1 */
  double   acute;                /* EWMA, N = 7 */
  double   chronic;              /* EWMA, N = 28 */
  gboolean estimated;            /* a load of the day is estimated */
} JournalDay;

/* A shoe's distance so far: the total after the activities of @day. */
typedef struct
{
  guint32 day;
  double  total_m;
} ShoeMark;

/* One balance series (H:Q or LSI) of all the journal's measurements and
 * its usable points grouped by line, built on first use after a change;
 * plus the summaries for the last set of measurements asked for. */
typedef struct
{
  GArray  *series;               /* NULL: not built */
  GArray  *order;                /* guint: usable points by line, then date */
  GArray  *lines;                /* LineRange into order */
  gboolean summaries_valid;
  guint    summaries_n;          /* measurements dated up to the day */
  GArray  *summaries;
} BalanceCache;

typedef struct
{
  guint start;
  guint end;
} LineRange;

struct _StrideRiskJournal
{
  GArray     *activities;        /* JournalActivity */
  GArray     *measurements;      /* StrideMeasurement */
  GArray     *pains;             /* StridePainEntry */
  GArray     *shoes;             /* StrideShoe */
  GArray     *races;             /* StrideRace */
  GHashTable *answers;           /* "week\nitem" → StrideChecklistAnswer* */
  gboolean    previous_injury;
  guint32     first_day;         /* 0: no activity */
  guint32     last_day;

  /* Built on the first evaluation after a change. */
  gboolean    built;             /* activities sorted, days and shoe marks */
  GArray     *days;              /* JournalDay, first_day..last_day */
  GHashTable *shoe_marks;        /* gint64 * shoe id → GArray of ShoeMark */
  gboolean    records_sorted;    /* measurements, pains, races by date */

  /* H:Q and LSI series of all measurements, indexed by line. */
  BalanceCache hq;
  BalanceCache lsi;
};

static void
answer_free (gpointer data)
{
  StrideChecklistAnswer *answer = data;

  stride_checklist_answer_clear (answer);
  g_free (answer);
}

static void
measurement_clear (gpointer data)
{
  stride_measurement_clear (data);
}

static void
pain_clear (gpointer data)
{
  stride_pain_entry_clear (data);
}

static void
shoe_clear (gpointer data)
{
  stride_shoe_clear (data);
}

static void
race_clear (gpointer data)
{
  stride_race_clear (data);
}

StrideRiskJournal *
stride_risk_journal_new (void)
{
  StrideRiskJournal *journal = g_new0 (StrideRiskJournal, 1);

  journal->activities = g_array_new (FALSE, TRUE, sizeof (JournalActivity));
  journal->measurements = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  g_array_set_clear_func (journal->measurements, measurement_clear);
  journal->pains = g_array_new (FALSE, TRUE, sizeof (StridePainEntry));
  g_array_set_clear_func (journal->pains, pain_clear);
  journal->shoes = g_array_new (FALSE, TRUE, sizeof (StrideShoe));
  g_array_set_clear_func (journal->shoes, shoe_clear);
  journal->races = g_array_new (FALSE, TRUE, sizeof (StrideRace));
  g_array_set_clear_func (journal->races, race_clear);
  journal->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, answer_free);
  journal->days = g_array_new (FALSE, TRUE, sizeof (JournalDay));
  journal->shoe_marks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) g_array_unref);
  journal->records_sorted = TRUE;

  return journal;
}

static void
balance_cache_reset (BalanceCache *cache)
{
  g_clear_pointer (&cache->series, g_array_unref);
  g_clear_pointer (&cache->order, g_array_unref);
  g_clear_pointer (&cache->lines, g_array_unref);
  g_clear_pointer (&cache->summaries, g_array_unref);
  cache->summaries_valid = FALSE;
}

static void
balance_cache_clear (StrideRiskJournal *journal)
{
  balance_cache_reset (&journal->hq);
  balance_cache_reset (&journal->lsi);
}

void
stride_risk_journal_free (StrideRiskJournal *journal)
{
  if (journal == NULL)
    return;

  balance_cache_clear (journal);
  g_array_unref (journal->activities);
  g_array_unref (journal->measurements);
  g_array_unref (journal->pains);
  g_array_unref (journal->shoes);
  g_array_unref (journal->races);
  g_hash_table_unref (journal->answers);
  g_array_unref (journal->days);
  g_hash_table_unref (journal->shoe_marks);
  g_free (journal);
}

static gboolean
local_day (gint64   start_utc,
           gint     tz_offset_s,
           guint32 *day)
{
  gint64 local = start_utc + tz_offset_s;
  gint64 days = local / SECONDS_PER_DAY;
  gint64 julian;

  if (local % SECONDS_PER_DAY < 0)
    days--;
  julian = UNIX_EPOCH_JULIAN + days;
  if (julian < 1 || julian > LAST_JULIAN_DAY)
    return FALSE;

  *day = (guint32) julian;
  return TRUE;
}

void
stride_risk_journal_add_activity (StrideRiskJournal        *journal,
                                  const StrideRiskActivity *activity)
{
  JournalActivity entry = { 0 };

  g_return_if_fail (journal != NULL);
  g_return_if_fail (activity != NULL);
  g_return_if_fail (activity->start_utc > G_MININT64 / 2 && activity->start_utc < G_MAXINT64 / 2);

  entry.a = *activity;
  if (!local_day (activity->start_utc, activity->tz_offset_s, &entry.day))
    {
      g_critical ("%s: start %" G_GINT64_FORMAT " is not a day of years 1 to 9999",
                  G_STRFUNC, activity->start_utc);
      return;
    }
  entry.load = stride_session_load (activity->sport, activity->run_type, activity->rpe,
                                    activity->duration_s, &entry.estimated);
  g_array_append_val (journal->activities, entry);

  if (journal->first_day == 0 || entry.day < journal->first_day)
    journal->first_day = entry.day;
  if (entry.day > journal->last_day)
    journal->last_day = entry.day;
  journal->built = FALSE;
}

void
stride_risk_journal_add_measurement (StrideRiskJournal       *journal,
                                     const StrideMeasurement *measurement)
{
  StrideMeasurement copy;

  g_return_if_fail (journal != NULL);
  g_return_if_fail (measurement != NULL);

  copy = *measurement;
  copy.test = g_strdup (measurement->test);
  copy.method = g_strdup (measurement->method);
  copy.unit = g_strdup (measurement->unit);
  copy.notes = g_strdup (measurement->notes);
  g_array_append_val (journal->measurements, copy);
  journal->records_sorted = FALSE;
  balance_cache_clear (journal);
}

void
stride_risk_journal_add_pain (StrideRiskJournal     *journal,
                              const StridePainEntry *pain)
{
  StridePainEntry copy;

  g_return_if_fail (journal != NULL);
  g_return_if_fail (pain != NULL);

  copy = *pain;
  copy.location = g_strdup (pain->location);
  copy.notes = g_strdup (pain->notes);
  g_array_append_val (journal->pains, copy);
  journal->records_sorted = FALSE;
}

void
stride_risk_journal_add_shoe (StrideRiskJournal *journal,
                              const StrideShoe  *shoe)
{
  StrideShoe copy;

  g_return_if_fail (journal != NULL);
  g_return_if_fail (shoe != NULL);

  copy = *shoe;
  copy.name = g_strdup (shoe->name);
  copy.distance_m = 0;
  g_array_append_val (journal->shoes, copy);
}

void
stride_risk_journal_add_race (StrideRiskJournal *journal,
                              const StrideRace  *race)
{
  StrideRace copy;

  g_return_if_fail (journal != NULL);
  g_return_if_fail (race != NULL);

  copy = *race;
  copy.name = g_strdup (race->name);
  g_array_append_val (journal->races, copy);
  journal->records_sorted = FALSE;
}

static char *
answer_key (const char *iso_week,
            const char *item_id)
{
  return g_strconcat (iso_week, "\n", item_id, NULL);
}

/* A later answer for the same week and item replaces the earlier one. */
void
stride_risk_journal_add_answer (StrideRiskJournal           *journal,
                                const StrideChecklistAnswer *answer)
{
  StrideChecklistAnswer *copy;

  g_return_if_fail (journal != NULL);
  g_return_if_fail (answer != NULL);
  g_return_if_fail (answer->iso_week != NULL && answer->item_id != NULL);

  copy = g_new0 (StrideChecklistAnswer, 1);
  copy->iso_week = g_strdup (answer->iso_week);
  copy->item_id = g_strdup (answer->item_id);
  copy->state = g_strdup (answer->state);
  copy->note = g_strdup (answer->note);
  g_hash_table_replace (journal->answers, answer_key (answer->iso_week, answer->item_id), copy);
}

void
stride_risk_journal_set_previous_injury (StrideRiskJournal *journal,
                                         gboolean           previous_injury)
{
  g_return_if_fail (journal != NULL);

  journal->previous_injury = !!previous_injury;
}

guint32
stride_risk_journal_get_first_day (StrideRiskJournal *journal)
{
  g_return_val_if_fail (journal != NULL, 0);

  return journal->first_day;
}

/* Building the day cache */

static gint
compare_activities (gconstpointer a,
                    gconstpointer b)
{
  const JournalActivity *x = a;
  const JournalActivity *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->a.start_utc != y->a.start_utc)
    return x->a.start_utc < y->a.start_utc ? -1 : 1;
  return 0;
}

static gboolean
is_run (const JournalActivity *activity)
{
  return activity->a.sport == STRIDE_SPORT_RUN
    && isfinite (activity->a.distance_m) && activity->a.distance_m > 0;
}

static void
build_shoe_marks (StrideRiskJournal *journal)
{
  g_hash_table_remove_all (journal->shoe_marks);

  for (guint i = 0; i < journal->activities->len; i++)
    {
      const JournalActivity *activity = &g_array_index (journal->activities, JournalActivity, i);
      GArray *marks;
      ShoeMark mark = { activity->day, 0 };

      if (activity->a.shoe_id == 0
          || !isfinite (activity->a.distance_m) || activity->a.distance_m <= 0)
        continue;

      marks = g_hash_table_lookup (journal->shoe_marks, &activity->a.shoe_id);
      if (marks == NULL)
        {
          marks = g_array_new (FALSE, FALSE, sizeof (ShoeMark));
          g_hash_table_insert (journal->shoe_marks,
                               g_memdup2 (&activity->a.shoe_id, sizeof (gint64)), marks);
        }
      if (marks->len > 0)
        mark.total_m = g_array_index (marks, ShoeMark, marks->len - 1).total_m;
      mark.total_m += activity->a.distance_m;

      /* Activities are sorted by day: one mark per day, the last wins. */
      if (marks->len > 0 && g_array_index (marks, ShoeMark, marks->len - 1).day == mark.day)
        g_array_index (marks, ShoeMark, marks->len - 1) = mark;
      else
        g_array_append_val (marks, mark);
    }
}

/* One pass over the sorted activities, one over the days. */
static void
build_days (StrideRiskJournal *journal)
{
  guint n_days = journal->first_day == 0 ? 0 : journal->last_day - journal->first_day + 1;
  g_autofree double *loads = NULL;
  g_autofree double *acute = NULL;
  g_autofree double *chronic = NULL;

  g_array_set_size (journal->days, 0);
  if (n_days == 0)
    return;

  g_array_set_size (journal->days, n_days);
  for (guint i = 0; i < journal->activities->len; i++)
    {
      const JournalActivity *activity = &g_array_index (journal->activities, JournalActivity, i);
      JournalDay *day = &g_array_index (journal->days, JournalDay, activity->day - journal->first_day);

      day->load += activity->load;
      day->estimated |= activity->estimated;
      if (is_run (activity))
        {
          day->run_m += activity->a.distance_m;
          day->longest_m = MAX (day->longest_m, activity->a.distance_m);
        }
    }

  loads = g_new (double, n_days);
  acute = g_new (double, n_days);
  chronic = g_new (double, n_days);
  for (guint i = 0; i < n_days; i++)
    loads[i] = g_array_index (journal->days, JournalDay, i).load;
  stride_load_ewma (loads, n_days, STRIDE_LOAD_ACUTE_DAYS, STRIDE_LOAD_CHRONIC_DAYS,
                    acute, chronic);

  for (guint i = 0; i < n_days; i++)
    {
      JournalDay *day = &g_array_index (journal->days, JournalDay, i);
      guint from = i >= SPIKE_WINDOW_DAYS ? i - SPIKE_WINDOW_DAYS : 0;

      day->acute = acute[i];
      day->chronic = chronic[i];
      for (guint j = from; j < i; j++)
        day->prev_longest_m = MAX (day->prev_longest_m,
                                   g_array_index (journal->days, JournalDay, j).longest_m);
    }
}

static void
journal_build (StrideRiskJournal *journal)
{
  if (journal->built)
    return;

  g_array_sort (journal->activities, compare_activities);
  build_days (journal);
  build_shoe_marks (journal);
  journal->built = TRUE;
}

static gint
compare_measurements (gconstpointer a,
                      gconstpointer b)
{
  const StrideMeasurement *x = a;
  const StrideMeasurement *y = b;

  return x->date < y->date ? -1 : x->date > y->date;
}

static gint
compare_pains (gconstpointer a,
               gconstpointer b)
{
  const StridePainEntry *x = a;
  const StridePainEntry *y = b;

  return x->date < y->date ? -1 : x->date > y->date;
}

static gint
compare_races (gconstpointer a,
               gconstpointer b)
{
  const StrideRace *x = a;
  const StrideRace *y = b;

  return x->date < y->date ? -1 : x->date > y->date;
}

/* Stable sorts: records of one date keep the order they were added in. */
static void
journal_sort_records (StrideRiskJournal *journal)
{
  if (journal->records_sorted)
    return;

  g_array_sort (journal->measurements, compare_measurements);
  g_array_sort (journal->pains, compare_pains);
  g_array_sort (journal->races, compare_races);
  journal->records_sorted = TRUE;
}

static void
journal_prepare (StrideRiskJournal *journal)
{
  journal_build (journal);
  journal_sort_records (journal);
}

/* Reading the cache */

/* NULL outside first_day..last_day: a day without activities. */
static const JournalDay *
journal_day (StrideRiskJournal *journal,
             guint32            day)
{
  if (journal->first_day == 0 || day < journal->first_day || day > journal->last_day)
    return NULL;

  return &g_array_index (journal->days, JournalDay, day - journal->first_day);
}

static double
day_load (StrideRiskJournal *journal,
          guint32            day)
{
  const JournalDay *record = journal_day (journal, day);

  return record != NULL ? record->load : 0;
}

/* Run distance of days @from..@to (inclusive). */
static double
run_distance (StrideRiskJournal *journal,
              guint32            from,
              guint32            to)
{
  double total = 0;

  for (guint32 day = from; day <= to && day >= from; day++)
    {
      const JournalDay *record = journal_day (journal, day);

      if (record != NULL)
        total += record->run_m;
    }

  return total;
}

static gboolean
any_estimated (StrideRiskJournal *journal,
               guint32            from,
               guint32            to)
{
  for (guint32 day = from; day <= to && day >= from; day++)
    {
      const JournalDay *record = journal_day (journal, day);

      if (record != NULL && record->estimated)
        return TRUE;
    }

  return FALSE;
}

/* EWMA at @day (>= first_day). After the last activity every day is a
 * rest day, so the series decays by (1 − λ) a day, λ = 2 / (N + 1): the
 * closed form of what stride_load_ewma() would compute over zeros. */
static void
ewma_at (StrideRiskJournal *journal,
         guint32            day,
         double            *acute,
         double            *chronic)
{
  const JournalDay *record;
  guint rest_days = 0;

  if (day > journal->last_day)
    {
      rest_days = day - journal->last_day;
      day = journal->last_day;
    }
  record = journal_day (journal, day);
  *acute = record->acute * pow (1.0 - 2.0 / (STRIDE_LOAD_ACUTE_DAYS + 1.0), rest_days);
  *chronic = record->chronic * pow (1.0 - 2.0 / (STRIDE_LOAD_CHRONIC_DAYS + 1.0), rest_days);
}

/* The index of the first element of @array, sorted by the guint32 day
 * at @day_offset in each element, whose day is >= @day (the length when
 * none): one binary search for activities, pain entries and tests. */
static guint
lower_bound_by_day (GArray  *array,
                    gsize    day_offset,
                    guint32  day)
{
  guint element_size = g_array_get_element_size (array);
  guint lo = 0;
  guint hi = array->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint32 mid_day;

      memcpy (&mid_day, array->data + (gsize) mid * element_size + day_offset, sizeof mid_day);
      if (mid_day < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The first activity of a day >= @day (activities->len when none). */
static guint
activity_lower_bound (StrideRiskJournal *journal,
                      guint32            day)
{
  return lower_bound_by_day (journal->activities, G_STRUCT_OFFSET (JournalActivity, day), day);
}

static const JournalActivity *
activity_at (StrideRiskJournal *journal,
             guint              index)
{
  return &g_array_index (journal->activities, JournalActivity, index);
}

static guint
count_sport (StrideRiskJournal *journal,
             StrideSport        sport,
             guint32            from,
             guint32            to)
{
  guint count = 0;

  for (guint i = activity_lower_bound (journal, from); i < journal->activities->len; i++)
    {
      const JournalActivity *activity = activity_at (journal, i);

      if (activity->day > to)
        break;
      if (activity->a.sport == sport)
        count++;
    }

  return count;
}

/* The first pain entry dated >= @day. */
static guint
pain_lower_bound (StrideRiskJournal *journal,
                  guint32            day)
{
  return lower_bound_by_day (journal->pains, G_STRUCT_OFFSET (StridePainEntry, date), day);
}

static const StridePainEntry *
pain_at (StrideRiskJournal *journal,
         guint              index)
{
  return &g_array_index (journal->pains, StridePainEntry, index);
}

/* The number of measurements dated <= @day (a prefix, once sorted). */
static guint
measurements_up_to (StrideRiskJournal *journal,
                    guint32            day)
{
  return lower_bound_by_day (journal->measurements, G_STRUCT_OFFSET (StrideMeasurement, date),
                             day + 1);
}

/* The first race dated in @from..@to, NULL when none. */
static const StrideRace *
race_between (StrideRiskJournal *journal,
              guint32            from,
              guint32            to)
{
  guint i = lower_bound_by_day (journal->races, G_STRUCT_OFFSET (StrideRace, date), from);

  if (i < journal->races->len && g_array_index (journal->races, StrideRace, i).date <= to)
    return &g_array_index (journal->races, StrideRace, i);

  return NULL;
}

/* A shoe's distance from the activities linked to it up to @day. */
static double
shoe_distance (StrideRiskJournal *journal,
               gint64             shoe_id,
               guint32            day)
{
  GArray *marks = g_hash_table_lookup (journal->shoe_marks, &shoe_id);
  guint n;

  if (marks == NULL)
    return 0;

  /* The marks dated <= @day; the last of them holds the total. */
  n = lower_bound_by_day (marks, G_STRUCT_OFFSET (ShoeMark, day), day + 1);

  return n == 0 ? 0 : g_array_index (marks, ShoeMark, n - 1).total_m;
}

static gboolean
shoe_in_use (const StrideShoe *shoe,
             guint32           day)
{
  return (shoe->retired_date == 0 || shoe->retired_date > day)
    && (shoe->start_date == 0 || shoe->start_date <= day);
}

static const StrideChecklistAnswer *
lookup_answer (StrideRiskJournal *journal,
               const char        *iso_week,
               const char        *item_id)
{
  g_autofree char *key = answer_key (iso_week, item_id);

  return g_hash_table_lookup (journal->answers, key);
}

/* Comparisons and text */

static double
epsilon_for (double limit)
{
  return COMPARE_EPSILON * MAX (1.0, fabs (limit));
}

static gboolean
is_above (double value,
          double limit)
{
  return value > limit + epsilon_for (limit);
}

static gboolean
is_below (double value,
          double limit)
{
  return value < limit - epsilon_for (limit);
}

/* @value rounded to @decimals decimals, trailing zeros dropped, with '.'
 * as the separator whatever the locale (like stride-units.c): "1.2",
 * "2", "-12.5". "–" for a value that is not finite. */
static char *
format_number (double value,
               guint  decimals)
{
  GString *text;
  gint64 scale = 1;
  gint64 scaled;
  gint64 fraction;
  guint shown = decimals;

  if (!isfinite (value) || fabs (value) > 1e12)
    return g_strdup ("–");

  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  scaled = llround (value * (double) scale);

  text = g_string_new (scaled < 0 ? "-" : "");
  scaled = ABS (scaled);
  g_string_append_printf (text, "%" G_GINT64_FORMAT, scaled / scale);
  fraction = scaled % scale;
  while (shown > 0 && fraction % 10 == 0)
    {
      fraction /= 10;
      shown--;
    }
  if (shown > 0)
    g_string_append_printf (text, ".%0*" G_GINT64_FORMAT, (int) shown, fraction);

  return g_string_free (text, FALSE);
}

/* Exactly @decimals decimals: "1.18", "1.20". */
static char *
format_fixed (double value,
              guint  decimals)
{
  gint64 scale = 1;
  gint64 scaled;

  if (!isfinite (value) || fabs (value) > 1e12)
    return g_strdup ("–");
  if (decimals == 0)
    return format_number (value, 0);

  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  scaled = llround (value * (double) scale);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT,
                          scaled < 0 ? "-" : "", ABS (scaled) / scale,
                          (int) decimals, ABS (scaled) % scale);
}

/* A percentage as a whole number, with one decimal when rounding would
 * make it look equal to @limit although it is not ("110.4" against 110). */
static char *
format_percent (double value,
                double limit)
{
  if (isfinite (limit) && llround (value) == llround (limit)
      && (is_above (value, limit) || is_below (value, limit)))
    return format_number (value, 1);

  return format_number (value, 0);
}

/* "+28", "-12", "0". */
static char *
format_signed_percent (double value,
                       double limit)
{
  g_autofree char *number = format_percent (value, limit);

  if (is_above (value, 0) && llround (value * 10) != 0)
    return g_strconcat ("+", number, NULL);

  return g_steal_pointer (&number);
}

static char *
format_date_with (guint32     day,
                  const char *format)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;
  char *text;

  if (day < 1 || day > LAST_JULIAN_DAY)
    return g_strdup ("–");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  text = time != NULL ? g_date_time_format (time, format) : NULL;

  return text != NULL ? text : g_strdup ("–");
}

/* "12 Nov 2026" */
static char *
format_date (guint32 day)
{
  /* Translators: a date in a checklist summary, a g_date_time_format()
   * format: "12 Nov 2026" */
  return format_date_with (day, _("%-d %b %Y"));
}

/* "Tue 24 Nov" */
static char *
format_day (guint32 day)
{
  /* Translators: a day of this week in a checklist summary, a
   * g_date_time_format() format: "Tue 24 Nov" */
  return format_date_with (day, _("%a %-d %b"));
}

/* Checks */

typedef struct
{
  StrideRiskJournal          *journal;
  const StrideRiskThresholds *thresholds;
  StrideUnitSystem            units;
  guint32                     monday;
  guint32                     sunday;
  guint32                     today;
  guint32                     end;           /* E = min (sunday, today) */
  gboolean                    started;       /* monday <= today */
  gboolean                    in_progress;   /* today < sunday */
  char                       *iso_week;      /* "2026-W48" */
} WeekContext;

void
stride_risk_check_clear (StrideRiskCheck *check)
{
  g_return_if_fail (check != NULL);

  g_clear_pointer (&check->title, g_free);
  g_clear_pointer (&check->summary, g_free);
  g_clear_pointer (&check->explanation, g_free);
  g_clear_pointer (&check->note, g_free);
}

static void
check_clear_func (gpointer data)
{
  stride_risk_check_clear (data);
}

static GArray *
checks_new (guint n)
{
  GArray *checks = g_array_sized_new (FALSE, TRUE, sizeof (StrideRiskCheck), n);

  g_array_set_clear_func (checks, check_clear_func);
  return checks;
}

/* Fills the fields every check has; the state stays "not enough data"
 * until the check finds out more. Takes @explanation. */
static void
check_init (StrideRiskCheck *check,
            const char      *id,
            const char      *title,
            StrideEvidence   evidence,
            const char      *source,
            char            *explanation)
{
  memset (check, 0, sizeof *check);
  check->id = id;
  check->state = STRIDE_RISK_NOT_ENOUGH_DATA;
  check->value = NAN;
  check->threshold = NAN;
  check->title = g_strdup (title);
  check->explanation = explanation;
  check->evidence = evidence;
  check->source = source;
}

/* Takes @summary. */
static void
check_set (StrideRiskCheck *check,
           StrideRiskState  state,
           double           value,
           double           threshold,
           char            *summary)
{
  check->state = state;
  check->value = value;
  check->threshold = threshold;
  g_free (check->summary);
  check->summary = summary;
}

static gboolean
week_not_started (const WeekContext *ctx,
                  StrideRiskCheck   *check)
{
  if (ctx->started)
    return FALSE;

  check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, NAN,
             g_strdup (_("This week has not started yet")));
  return TRUE;
}

/* The load checks remind a runner with an injury history that it is the
 * strongest known risk factor (van Gent et al. 2007). Takes @text. */
static char *
with_injury_note (StrideRiskJournal *journal,
                  char              *text)
{
  char *result;

  if (!journal->previous_injury)
    return text;

  result = g_strconcat (text, " ",
                        _("You have been injured before: previous injury is the strongest "
                          "known risk factor for a new one (van Gent et al. 2007), so give "
                          "this check extra weight."),
                        NULL);
  g_free (text);
  return result;
}

/* spike: Frandsen et al. 2025 */

static char *
explain_spike (const WeekContext *ctx)
{
  g_autofree char *caution = format_number (ctx->thresholds->spike_caution_percent, 1);
  g_autofree char *warning = format_number (ctx->thresholds->spike_warning_percent, 1);

  return with_injury_note (ctx->journal, g_strdup_printf (
    _("In a cohort of 5,205 runners, a single run longer than 110 %% of the longest "
      "run of the previous 30 days raised the injury rate: hazard-rate ratio 1.64 "
      "for 10–30 %% over, 1.52 for 30–100 %% over and 2.28 for more than 100 %% "
      "over. It is the best-supported load rule. This check compares each run of "
      "the week with the longest run of the 30 days before it: caution over "
      "%s %%, warning over %s %%. Let the longest run grow a little at a time; "
      "if this week went over, keep the next runs shorter."),
    caution, warning));
}

static void
check_spike (const WeekContext *ctx,
             StrideRiskCheck   *check)
{
  StrideRiskJournal *journal = ctx->journal;
  const StrideRiskThresholds *t = ctx->thresholds;
  const JournalActivity *worst = NULL;
  double worst_ratio = 0;
  double worst_reference = 0;
  double longest = 0;
  guint n_runs = 0;
  guint n_short_journal = 0;
  StrideRiskState state = STRIDE_RISK_OK;
  g_autofree char *distance = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *percent = NULL;

  check_init (check, STRIDE_CHECK_SPIKE, _("Single-run spike"), STRIDE_EVIDENCE_STRONG,
              "Frandsen et al. 2025, BJSM", explain_spike (ctx));
  if (week_not_started (ctx, check))
    return;

  /* Each run compares with days d-30..d-1; a run whose 30 days are not
   * all in the journal, or had no run, has no reference and no ratio. */
  for (guint i = activity_lower_bound (journal, ctx->monday); i < journal->activities->len; i++)
    {
      const JournalActivity *run = activity_at (journal, i);
      const JournalDay *day;
      double ratio;

      if (run->day > ctx->end)
        break;
      if (!is_run (run))
        continue;

      n_runs++;
      longest = MAX (longest, run->a.distance_m);
      if (run->day - journal->first_day < SPIKE_WINDOW_DAYS)
        {
          n_short_journal++;
          continue;
        }
      day = journal_day (journal, run->day);
      if (day->prev_longest_m <= 0)
        continue;

      ratio = 100.0 * run->a.distance_m / day->prev_longest_m;
      if (worst == NULL || ratio > worst_ratio)
        {
          worst = run;
          worst_ratio = ratio;
          worst_reference = day->prev_longest_m;
        }
    }

  if (n_runs == 0)
    {
      check_set (check, STRIDE_RISK_OK, NAN, t->spike_caution_percent,
                 g_strdup (ctx->in_progress ? _("No runs this week so far")
                                            : _("No runs this week")));
      return;
    }

  if (worst == NULL)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, t->spike_caution_percent,
                 g_strdup (n_short_journal == n_runs
                           ? _("Your journal starts less than 30 days before this week’s runs")
                           : _("No runs in the 30 days before this week’s runs to compare with")));
      return;
    }

  if (is_above (worst_ratio, t->spike_warning_percent))
    state = STRIDE_RISK_WARNING;
  else if (is_above (worst_ratio, t->spike_caution_percent))
    state = STRIDE_RISK_CAUTION;

  distance = stride_units_format_distance (worst->a.distance_m, ctx->units);
  reference = stride_units_format_distance (worst_reference, ctx->units);
  percent = format_percent (worst_ratio,
                            fabs (worst_ratio - t->spike_warning_percent)
                            < fabs (worst_ratio - t->spike_caution_percent)
                            ? t->spike_warning_percent : t->spike_caution_percent);
  if (worst->a.distance_m >= longest)
    {
      check_set (check, state, worst_ratio, t->spike_caution_percent,
                 g_strdup_printf (_("Longest run %s = %s %% of your longest in the previous 30 days (%s)"),
                                  distance, percent, reference));
    }
  else
    {
      g_autofree char *day = format_day (worst->day);

      check_set (check, state, worst_ratio, t->spike_caution_percent,
                 g_strdup_printf (_("Run of %s on %s = %s %% of your longest in the 30 days before it (%s)"),
                                  distance, day, percent, reference));
    }
}

/* acwr: Williams et al. 2017, Gabbett 2016; contested */

static char *
explain_acwr (const WeekContext *ctx)
{
  g_autofree char *low = format_number (ctx->thresholds->acwr_low, 2);
  g_autofree char *high = format_number (ctx->thresholds->acwr_high, 2);
  g_autofree char *warning = format_number (ctx->thresholds->acwr_warning, 2);

  return with_injury_note (ctx->journal, g_strdup_printf (
    _("The acute:chronic workload ratio compares the load of about the last week "
      "(an exponentially weighted average over 7 days) with that of about the last "
      "month (28 days). A ratio from %s to %s is the usual band, %s or more a "
      "sudden rise. The ratio is contested (Impellizzeri et al. 2020): a ratio can "
      "look alarming after a quiet month or fine while both loads are too high. "
      "Look at the two curves, not only at the ratio, and raise the load "
      "gradually."),
    low, high, warning));
}

static void
check_acwr (const WeekContext *ctx,
            StrideRiskCheck   *check)
{
  StrideRiskJournal *journal = ctx->journal;
  const StrideRiskThresholds *t = ctx->thresholds;
  StrideRiskState state = STRIDE_RISK_OK;
  double acute;
  double chronic;
  double ratio;
  g_autofree char *acute_text = NULL;
  g_autofree char *chronic_text = NULL;
  g_autofree char *ratio_text = NULL;

  check_init (check, STRIDE_CHECK_ACWR, _("Acute:chronic load"), STRIDE_EVIDENCE_CONTESTED,
              "Williams et al. 2017; Gabbett 2016; Impellizzeri et al. 2020",
              explain_acwr (ctx));
  if (week_not_started (ctx, check))
    return;

  if (journal->first_day == 0 || ctx->end < journal->first_day
      || ctx->end - journal->first_day < ACWR_MIN_DAYS)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, t->acwr_high,
                 g_strdup (_("Fewer than 28 days of journal: the chronic load is not known yet")));
      return;
    }

  check->estimated = any_estimated (journal, ctx->end - (ACWR_MIN_DAYS - 1), ctx->end);
  ewma_at (journal, ctx->end, &acute, &chronic);
  ratio = stride_load_acwr (acute, chronic);
  if (isnan (ratio))
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, t->acwr_high,
                 g_strdup (_("No training load in the last weeks")));
      return;
    }

  if (!is_below (ratio, t->acwr_warning))
    state = STRIDE_RISK_WARNING;
  else if (is_below (ratio, t->acwr_low) || is_above (ratio, t->acwr_high))
    state = STRIDE_RISK_CAUTION;

  acute_text = format_number (acute, 0);
  chronic_text = format_number (chronic, 0);
  ratio_text = format_fixed (ratio, 2);
  check_set (check, state, ratio, t->acwr_high,
             /* Translators: loads are session RPE × minutes, averaged per day */
             g_strdup_printf (_("Acute load %s vs chronic %s a day: ratio %s"),
                              acute_text, chronic_text, ratio_text));
}

/* ramp: Nielsen et al. 2014; the 10 % rule is not enforced (Buist 2008) */

static char *
explain_ramp (const WeekContext *ctx)
{
  g_autofree char *caution = format_number (ctx->thresholds->ramp_caution_percent, 1);

  return with_injury_note (ctx->journal, g_strdup_printf (
    _("Runners who increased their weekly distance by more than 30 %% over two "
      "weeks had more of some injuries (hazard ratio 1.59; Nielsen et al. 2014). "
      "This check compares this week’s distance with the whole week two weeks "
      "earlier and cautions over %s %%. The popular “10 %% rule” showed no "
      "protective effect in a randomised trial (Buist et al. 2008), so the app "
      "does not enforce it: increase steadily and watch the single-run spike."),
    caution));
}

static void
check_ramp (const WeekContext *ctx,
            StrideRiskCheck   *check)
{
  StrideRiskJournal *journal = ctx->journal;
  const StrideRiskThresholds *t = ctx->thresholds;
  guint32 before_monday;
  guint32 before_sunday;
  double now_m;
  double before_m;
  double increase;
  g_autofree char *now_text = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *percent = NULL;

  check_init (check, STRIDE_CHECK_RAMP, _("Weekly distance increase"), STRIDE_EVIDENCE_MODERATE,
              "Nielsen et al. 2014; Buist et al. 2008", explain_ramp (ctx));
  if (week_not_started (ctx, check))
    return;

  before_monday = ctx->monday - 14;
  before_sunday = ctx->monday - 8;
  if (journal->first_day == 0 || ctx->monday <= 14 || before_sunday < journal->first_day)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, t->ramp_caution_percent,
                 g_strdup (_("Your journal starts after the week two weeks earlier")));
      return;
    }

  before_m = run_distance (journal, before_monday, before_sunday);
  if (before_m <= 0)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, t->ramp_caution_percent,
                 g_strdup (_("No runs in the week two weeks earlier to compare with")));
      return;
    }

  now_m = run_distance (journal, ctx->monday, ctx->end);
  increase = (now_m - before_m) / before_m * 100.0;
  now_text = stride_units_format_distance (now_m, ctx->units);
  before_text = stride_units_format_distance (before_m, ctx->units);
  percent = format_signed_percent (increase, t->ramp_caution_percent);

  check_set (check,
             is_above (increase, t->ramp_caution_percent) ? STRIDE_RISK_CAUTION : STRIDE_RISK_OK,
             increase, t->ramp_caution_percent,
             ctx->in_progress
             ? g_strdup_printf (_("%s this week so far vs %s two weeks earlier: %s %%"),
                                now_text, before_text, percent)
             : g_strdup_printf (_("%s this week vs %s two weeks earlier: %s %%"),
                                now_text, before_text, percent));
}

/* monotony: Foster 1998 */

static char *
explain_monotony (const WeekContext *ctx)
{
  g_autofree char *caution = format_number (ctx->thresholds->monotony_caution, 2);

  return g_strdup_printf (
    _("Monotony is the mean daily load of the last 7 days divided by its standard "
      "deviation (Foster 1998): high when every day is alike, with no easy days "
      "or rest days. Strain is the week’s load times the monotony. Foster linked "
      "high monotony and strain with illness and overtraining; the app cautions "
      "over %s. Alternate hard and easy days and keep a rest day."),
    caution);
}

static void
check_monotony (const WeekContext *ctx,
                StrideRiskCheck   *check)
{
  StrideRiskJournal *journal = ctx->journal;
  const StrideRiskThresholds *t = ctx->thresholds;
  guint32 from;
  double loads[MONOTONY_DAYS];
  double total = 0;
  double mean;
  double variance = 0;
  double sd;
  double monotony;
  g_autofree char *monotony_text = NULL;
  g_autofree char *mean_text = NULL;
  g_autofree char *sd_text = NULL;
  g_autofree char *strain_text = NULL;

  check_init (check, STRIDE_CHECK_MONOTONY, _("Training monotony"), STRIDE_EVIDENCE_MODERATE,
              "Foster 1998", explain_monotony (ctx));
  if (week_not_started (ctx, check))
    return;

  if (journal->first_day == 0 || ctx->end < journal->first_day
      || ctx->end - journal->first_day < MONOTONY_DAYS - 1)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, t->monotony_caution,
                 g_strdup (_("Fewer than 7 days of journal")));
      return;
    }

  from = ctx->end - (MONOTONY_DAYS - 1);
  for (guint i = 0; i < MONOTONY_DAYS; i++)
    {
      loads[i] = day_load (journal, from + i);
      total += loads[i];
    }
  if (total <= 0)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, t->monotony_caution,
                 g_strdup (_("No training load in these 7 days")));
      return;
    }

  check->estimated = any_estimated (journal, from, ctx->end);
  mean = total / MONOTONY_DAYS;
  for (guint i = 0; i < MONOTONY_DAYS; i++)
    variance += (loads[i] - mean) * (loads[i] - mean);
  sd = sqrt (variance / MONOTONY_DAYS);   /* population SD, as Foster */
  mean_text = format_number (mean, 0);

  if (sd <= mean * COMPARE_EPSILON)
    {
      check_set (check, STRIDE_RISK_CAUTION, NAN, t->monotony_caution,
                 g_strdup_printf (_("Every day had the same load (%s): no easy day or rest day in 7 days"),
                                  mean_text));
      return;
    }

  monotony = mean / sd;
  monotony_text = format_number (monotony, 2);
  sd_text = format_number (sd, 0);
  strain_text = format_number (total * monotony, 0);
  check_set (check,
             is_above (monotony, t->monotony_caution) ? STRIDE_RISK_CAUTION : STRIDE_RISK_OK,
             monotony, t->monotony_caution,
             g_strdup_printf (_("Monotony %s (mean load %s a day, SD %s); strain %s"),
                              monotony_text, mean_text, sd_text, strain_text));
}

/* strength: Lauersen et al. 2014 */

static char *
explain_strength (const WeekContext *ctx)
{
  return g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "Strength training cut sports injuries to about a third in a "
                 "meta-analysis of randomised trials (relative risk 0.315; Lauersen et "
                 "al. 2014). Two or three 20-minute sessions a week help runners; the "
                 "app cautions below %u a week. In the last two weeks before a race one "
                 "short maintenance session is enough.",
                 "Strength training cut sports injuries to about a third in a "
                 "meta-analysis of randomised trials (relative risk 0.315; Lauersen et "
                 "al. 2014). Two or three 20-minute sessions a week help runners; the "
                 "app cautions below %u a week. In the last two weeks before a race one "
                 "short maintenance session is enough.",
                 ctx->thresholds->strength_min_sessions),
    ctx->thresholds->strength_min_sessions);
}

static char *
format_sessions (guint    count,
                 gboolean so_far)
{
  if (so_far)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u strength session so far",
                                         "%u strength sessions so far", count),
                            count);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u strength session this week",
                                       "%u strength sessions this week", count),
                          count);
}

static void
check_strength (const WeekContext *ctx,
                StrideRiskCheck   *check)
{
  StrideRiskJournal *journal = ctx->journal;
  guint min = ctx->thresholds->strength_min_sessions;
  const StrideRace *race;
  guint count;
  guint days_left;
  g_autofree char *sessions = NULL;

  check_init (check, STRIDE_CHECK_STRENGTH, _("Strength sessions"), STRIDE_EVIDENCE_STRONG,
              "Lauersen et al. 2014", explain_strength (ctx));
  if (week_not_started (ctx, check))
    return;

  count = count_sport (journal, STRIDE_SPORT_STRENGTH, ctx->monday, ctx->end);
  race = race_between (journal, ctx->end + 1, ctx->end + TAPER_DAYS);
  if (race != NULL)
    {
      g_autofree char *date = format_date (race->date);

      check_set (check, STRIDE_RISK_OK, count, min,
                 g_strdup_printf (_("Taper: one short maintenance session is enough (race on %s)"),
                                  date));
      return;
    }

  if (count >= min)
    {
      check_set (check, STRIDE_RISK_OK, count, min, format_sessions (count, ctx->in_progress));
      return;
    }

  /* Days still free this week: after E, and today itself when it has no
   * session yet. */
  days_left = 0;
  if (ctx->in_progress)
    days_left = ctx->sunday - ctx->end
      + (count_sport (journal, STRIDE_SPORT_STRENGTH, ctx->end, ctx->end) == 0 ? 1 : 0);
  sessions = format_sessions (count, ctx->in_progress);

  if (ctx->in_progress && days_left >= min - count)
    check_set (check, STRIDE_RISK_OK, count, min,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s of the %u advised: still time this week",
                                             "%s of the %u advised: still time this week",
                                             min),
                                sessions, min));
  else if (ctx->in_progress)
    check_set (check, STRIDE_RISK_CAUTION, count, min,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s, fewer than the %u advised, with too few days left",
                                             "%s, fewer than the %u advised, with too few days left",
                                             min),
                                sessions, min));
  else
    check_set (check, STRIDE_RISK_CAUTION, count, min,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s, fewer than the %u advised",
                                             "%s, fewer than the %u advised",
                                             min),
                                sessions, min));
}

/* spacing: RISK-RULES.md §4 (interference) */

static char *
explain_spacing (const WeekContext *ctx)
{
  g_autofree char *after = format_number (ctx->thresholds->spacing_after_run_h, 1);
  g_autofree char *before = format_number (ctx->thresholds->spacing_before_key_h, 1);

  return g_strdup_printf (
    _("Running comes first: lifting soon after a run, or shortly before a hard run, "
      "leaves less for each (the interference effect). Put a strength session at "
      "least %s h after a run on the same day, and best at least %s h before the "
      "next key session (intervals, tempo, long run or race); never the day before "
      "a race. The evidence for these exact gaps is limited."),
    after, before);
}

static gboolean
is_key_run (const JournalActivity *activity)
{
  if (activity->a.sport != STRIDE_SPORT_RUN)
    return FALSE;

  switch (activity->a.run_type)
    {
    case STRIDE_RUN_TYPE_TEMPO:
    case STRIDE_RUN_TYPE_INTERVALS:
    case STRIDE_RUN_TYPE_LONG:
    case STRIDE_RUN_TYPE_RACE:
      return TRUE;
    case STRIDE_RUN_TYPE_NONE:
    case STRIDE_RUN_TYPE_EASY:
    case STRIDE_RUN_TYPE_RECOVERY:
    case STRIDE_N_RUN_TYPES:
    default:
      return FALSE;
    }
}

static double
end_utc (const JournalActivity *activity)
{
  double duration = isfinite (activity->a.duration_s) && activity->a.duration_s > 0
    ? activity->a.duration_s : 0;

  return (double) activity->a.start_utc + duration;
}

/* Violations of one strength session @session (index @index): runs of
 * the same local day that started before it and ended less than the gap
 * before it started; key runs that started less than the gap after it
 * ended (also on later days, the next week's Monday included). The first
 * one found goes to *first_summary when that is still NULL. */
static guint
spacing_violations (const WeekContext     *ctx,
                    const JournalActivity *session,
                    char                 **first_summary)
{
  StrideRiskJournal *journal = ctx->journal;
  double after_s = ctx->thresholds->spacing_after_run_h * 3600.0;
  double before_s = ctx->thresholds->spacing_before_key_h * 3600.0;
  double session_end = end_utc (session);
  guint32 last_day;
  guint count = 0;

  /* Local days differ from UTC days by less than a day each way. */
  last_day = session->day + (guint32) MIN (ceil (MAX (before_s, 0) / SECONDS_PER_DAY) + 2, 3660);

  for (guint i = activity_lower_bound (journal, session->day); i < journal->activities->len; i++)
    {
      const JournalActivity *run = activity_at (journal, i);
      double gap_h;

      if (run->day > last_day)
        break;
      if (run == session || run->a.sport != STRIDE_SPORT_RUN)
        continue;

      if (run->day == session->day && run->a.start_utc < session->a.start_utc
          && (double) session->a.start_utc - end_utc (run) < after_s)
        {
          count++;
          gap_h = MAX ((double) session->a.start_utc - end_utc (run), 0) / 3600.0;
          if (*first_summary == NULL)
            {
              g_autofree char *day = format_day (session->day);
              g_autofree char *gap = format_number (gap_h, 1);
              g_autofree char *advice = format_number (ctx->thresholds->spacing_after_run_h, 1);

              *first_summary = g_strdup_printf (_("Strength on %s started %s h after a run "
                                                  "(advised: at least %s h)"),
                                                day, gap, advice);
            }
        }
      else if (is_key_run (run) && run->a.start_utc >= session->a.start_utc
               && (double) run->a.start_utc - session_end < before_s)
        {
          count++;
          gap_h = MAX ((double) run->a.start_utc - session_end, 0) / 3600.0;
          if (*first_summary == NULL)
            {
              g_autofree char *day = format_day (session->day);
              g_autofree char *gap = format_number (gap_h, 1);
              g_autofree char *advice = format_number (ctx->thresholds->spacing_before_key_h, 1);

              *first_summary = g_strdup_printf (_("Strength on %s ended %s h before a key run "
                                                  "(advised: at least %s h)"),
                                                day, gap, advice);
            }
        }
    }

  return count;
}

static void
check_spacing (const WeekContext *ctx,
               StrideRiskCheck   *check)
{
  StrideRiskJournal *journal = ctx->journal;
  guint n_sessions = 0;
  guint violations = 0;
  g_autofree char *first = NULL;

  check_init (check, STRIDE_CHECK_SPACING, _("Strength and run spacing"), STRIDE_EVIDENCE_LIMITED,
              "Concurrent-training advice, RISK-RULES.md §4", explain_spacing (ctx));
  if (week_not_started (ctx, check))
    return;

  for (guint i = activity_lower_bound (journal, ctx->monday); i < journal->activities->len; i++)
    {
      const JournalActivity *session = activity_at (journal, i);

      if (session->day > ctx->end)
        break;
      if (session->a.sport != STRIDE_SPORT_STRENGTH)
        continue;

      n_sessions++;
      violations += spacing_violations (ctx, session, &first);
    }

  if (violations > 0)
    {
      if (violations > 1)
        {
          g_autofree char *one = g_steal_pointer (&first);

          first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%s, and %u more",
                                                "%s, and %u more",
                                                violations - 1),
                                   one, violations - 1);
        }
      check_set (check, STRIDE_RISK_CAUTION, violations, 0, g_steal_pointer (&first));
    }
  else if (n_sessions == 0)
    check_set (check, STRIDE_RISK_OK, 0, 0,
               g_strdup (ctx->in_progress ? _("No strength sessions this week so far")
                                          : _("No strength sessions this week")));
  else
    check_set (check, STRIDE_RISK_OK, 0, 0,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u strength session, well spaced from the runs",
                                             "%u strength sessions, well spaced from the runs",
                                             n_sessions),
                                n_sessions));
}

/* hq and lsi: stride-balance.c over the measurements dated up to E */

/* A week must not pay for the whole measurement history: the series of
 * all measurements is built once, and a week hands stride-balance.c only
 * what its summaries read of each line dated up to E — the first test
 * (the baseline) and the latest two (the noise rule; see
 * StrideBalanceSummary). The summaries are then those of the full series
 * up to E, except n_tests, which no check reads. A series point pairs
 * tests of one day, so the series of the measurements up to E is the
 * series of all measurements cut at E. */

typedef struct
{
  GArray  *(*series_new)    (const StrideMeasurement *measurements,
                             guint                    n_measurements);
  GArray  *(*summaries_new) (GArray                  *series);
  gboolean (*usable)        (gconstpointer            point);
  gint     (*compare_line)  (gconstpointer            a,
                             gconstpointer            b);
  guint32  (*date)          (gconstpointer            point);
} BalanceKind;

static gboolean
hq_point_usable (gconstpointer data)
{
  const StrideHqPoint *point = data;

  return point->method != NULL && (guint) point->leg < STRIDE_N_SIDES
    && isfinite (point->ratio) && point->ratio > 0;
}

static gint
compare_hq_line (gconstpointer a,
                 gconstpointer b)
{
  const StrideHqPoint *x = a;
  const StrideHqPoint *y = b;
  gint cmp;

  if (x->leg != y->leg)
    return x->leg < y->leg ? -1 : 1;
  if ((cmp = strcmp (x->method, y->method)) != 0)
    return cmp;
  return (x->mixed ? 1 : 0) - (y->mixed ? 1 : 0);
}

static guint32
hq_point_date (gconstpointer data)
{
  return ((const StrideHqPoint *) data)->date;
}

static gboolean
lsi_point_usable (gconstpointer data)
{
  const StrideLsiPoint *point = data;

  return point->test != NULL && point->method != NULL
    && stride_lsi_state (point->lsi) != STRIDE_BALANCE_NOT_ENOUGH_DATA;
}

static gint
compare_lsi_line (gconstpointer a,
                  gconstpointer b)
{
  const StrideLsiPoint *x = a;
  const StrideLsiPoint *y = b;
  gint cmp;

  if ((cmp = strcmp (x->test, y->test)) != 0)
    return cmp;
  return strcmp (x->method, y->method);
}

static guint32
lsi_point_date (gconstpointer data)
{
  return ((const StrideLsiPoint *) data)->date;
}

static const BalanceKind hq_kind = {
  stride_balance_hq_series, stride_balance_hq_summaries,
  hq_point_usable, compare_hq_line, hq_point_date,
};

static const BalanceKind lsi_kind = {
  stride_balance_lsi_series, stride_balance_lsi_summaries,
  lsi_point_usable, compare_lsi_line, lsi_point_date,
};

typedef struct
{
  const BalanceKind *kind;
  GArray            *series;
} OrderContext;

static gconstpointer
series_point (GArray *series,
              guint   index)
{
  return series->data + (gsize) index * g_array_get_element_size (series);
}

/* By line, then date, then place in the series. */
static gint
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const OrderContext *ctx = user_data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;
  gconstpointer x = series_point (ctx->series, i);
  gconstpointer y = series_point (ctx->series, j);
  gint cmp = ctx->kind->compare_line (x, y);

  if (cmp != 0)
    return cmp;
  if (ctx->kind->date (x) != ctx->kind->date (y))
    return ctx->kind->date (x) < ctx->kind->date (y) ? -1 : 1;
  return (i > j) - (i < j);
}

static void
balance_cache_build (BalanceCache      *cache,
                     const BalanceKind *kind,
                     StrideRiskJournal *journal)
{
  OrderContext ctx;

  if (cache->series != NULL)
    return;

  cache->series = kind->series_new ((const StrideMeasurement *) (gconstpointer) journal->measurements->data,
                                    journal->measurements->len);
  cache->order = g_array_new (FALSE, FALSE, sizeof (guint));
  cache->lines = g_array_new (FALSE, FALSE, sizeof (LineRange));
  for (guint i = 0; i < cache->series->len; i++)
    if (kind->usable (series_point (cache->series, i)))
      g_array_append_val (cache->order, i);

  ctx.kind = kind;
  ctx.series = cache->series;
  g_array_sort_with_data (cache->order, compare_order, &ctx);

  for (guint start = 0, end; start < cache->order->len; start = end)
    {
      gconstpointer first = series_point (cache->series, g_array_index (cache->order, guint, start));
      LineRange range;

      for (end = start + 1; end < cache->order->len; end++)
        if (kind->compare_line (first, series_point (cache->series,
                                                     g_array_index (cache->order, guint, end))) != 0)
          break;

      range.start = start;
      range.end = end;
      g_array_append_val (cache->lines, range);
    }
}

static gint
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The points of each line dated up to @day that the summaries read,
 * in series order. Shallow copies: the strings stay the series'. */
static GArray *
balance_cache_reduced_series (BalanceCache      *cache,
                              const BalanceKind *kind,
                              guint32            day)
{
  guint element_size = g_array_get_element_size (cache->series);
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *reduced;

  for (guint l = 0; l < cache->lines->len; l++)
    {
      const LineRange *range = &g_array_index (cache->lines, LineRange, l);
      guint lo = range->start;
      guint hi = range->end;
      guint n;

      while (lo < hi)   /* the first point of the line after @day */
        {
          guint mid = lo + (hi - lo) / 2;

          if (kind->date (series_point (cache->series, g_array_index (cache->order, guint, mid))) <= day)
            lo = mid + 1;
          else
            hi = mid;
        }

      n = lo - range->start;
      if (n >= 1)
        g_array_append_val (picked, g_array_index (cache->order, guint, range->start));
      if (n >= 3)
        g_array_append_val (picked, g_array_index (cache->order, guint, lo - 2));
      if (n >= 2)
        g_array_append_val (picked, g_array_index (cache->order, guint, lo - 1));
    }

  g_array_sort (picked, compare_guint);
  reduced = g_array_sized_new (FALSE, FALSE, element_size, picked->len);
  for (guint i = 0; i < picked->len; i++)
    g_array_append_vals (reduced, series_point (cache->series, g_array_index (picked, guint, i)), 1);

  return reduced;
}

/* The summaries as of @day, kept for the next week when no measurement
 * falls in between. */
static GArray *
balance_summaries_up_to (StrideRiskJournal *journal,
                         BalanceCache      *cache,
                         const BalanceKind *kind,
                         guint32            day)
{
  guint n = measurements_up_to (journal, day);

  if (!cache->summaries_valid || cache->summaries_n != n)
    {
      g_autoptr(GArray) reduced = NULL;

      balance_cache_build (cache, kind, journal);
      reduced = balance_cache_reduced_series (cache, kind, day);
      g_clear_pointer (&cache->summaries, g_array_unref);
      cache->summaries = kind->summaries_new (reduced);
      cache->summaries_n = n;
      cache->summaries_valid = TRUE;
    }

  return cache->summaries;
}

static GArray *
hq_summaries_up_to (StrideRiskJournal *journal,
                    guint32            day)
{
  return balance_summaries_up_to (journal, &journal->hq, &hq_kind, day);
}

static GArray *
lsi_summaries_up_to (StrideRiskJournal *journal,
                     guint32            day)
{
  return balance_summaries_up_to (journal, &journal->lsi, &lsi_kind, day);
}

static StrideRiskState
risk_state_of_balance (StrideBalanceState state)
{
  switch (state)
    {
    case STRIDE_BALANCE_IMBALANCE:
      return STRIDE_RISK_WARNING;
    case STRIDE_BALANCE_WATCH:
      return STRIDE_RISK_CAUTION;
    case STRIDE_BALANCE_OK:
      return STRIDE_RISK_OK;
    case STRIDE_BALANCE_NOT_ENOUGH_DATA:
    default:
      return STRIDE_RISK_NOT_ENOUGH_DATA;
    }
}

static const char *
method_label (const char *method)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { STRIDE_METHOD_ISOKINETIC_30, N_("isokinetic 30°/s") },
    { STRIDE_METHOD_ISOKINETIC_60, N_("isokinetic 60°/s") },
    { STRIDE_METHOD_ISOKINETIC_180, N_("isokinetic 180°/s") },
    { STRIDE_METHOD_ISOKINETIC_240, N_("isokinetic 240°/s") },
    { STRIDE_METHOD_ISOKINETIC_300, N_("isokinetic 300°/s") },
    { STRIDE_METHOD_DYNAMOMETER, N_("hand-held dynamometer") },
    { STRIDE_METHOD_1RM, N_("machine 1RM") },
    { STRIDE_METHOD_E1RM, N_("estimated 1RM") },
    { STRIDE_METHOD_FIELD, N_("field test") },
  };

  for (guint i = 0; method != NULL && i < G_N_ELEMENTS (labels); i++)
    if (strcmp (method, labels[i].id) == 0)
      return _(labels[i].label);

  return method != NULL ? method : "?";
}

/* A test id as words: "single-leg hop"; "exercise:split-squat" gives
 * "split squat". */
static char *
test_label (const char *test)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { STRIDE_TEST_KNEE_FLEXION, N_("knee flexion") },
    { STRIDE_TEST_KNEE_EXTENSION, N_("knee extension") },
    { STRIDE_TEST_KNEE_FLEXION_ECC, N_("eccentric knee flexion") },
    { STRIDE_TEST_HIP_ABDUCTION, N_("hip abduction") },
    { STRIDE_TEST_HIP_ADDUCTION, N_("hip adduction") },
    { STRIDE_TEST_HOP, N_("single-leg hop") },
    { STRIDE_TEST_CALF_RAISES, N_("single-leg calf raises") },
    { STRIDE_TEST_LEG_CURL_1RM, N_("leg curl 1RM") },
    { STRIDE_TEST_LEG_EXTENSION_1RM, N_("leg extension 1RM") },
  };

  if (test == NULL)
    return g_strdup ("?");

  if (g_str_has_prefix (test, STRIDE_BALANCE_EXERCISE_PREFIX))
    return g_strdelimit (g_strdup (test + strlen (STRIDE_BALANCE_EXERCISE_PREFIX)), "-", ' ');

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (test, labels[i].id) == 0)
      return g_strdup (_(labels[i].label));

  return g_strdup (test);
}


/* The worst line (most serious state, then the lowest latest value);
 * NULL when no line has a state. */
static const StrideBalanceSummary *
worst_summary (GArray             *summaries,
               StrideBalanceState *states)
{
  const StrideBalanceSummary *worst = NULL;
  StrideBalanceState worst_state = STRIDE_BALANCE_NOT_ENOUGH_DATA;

  for (guint i = 0; i < summaries->len; i++)
    {
      const StrideBalanceSummary *summary = &g_array_index (summaries, StrideBalanceSummary, i);
      StrideBalanceState state = states != NULL ? states[i] : summary->state;

      if (state == STRIDE_BALANCE_NOT_ENOUGH_DATA)
        continue;
      if (worst == NULL || state > worst_state
          || (state == worst_state && summary->latest < worst->latest))
        {
          worst = summary;
          worst_state = state;
        }
    }

  return worst;
}

static char *
explain_hq (void)
{
  return g_strdup (_("The hamstring:quadriceps ratio compares the strength of the back and "
                     "front of the thigh, per leg. Around 0.6 is usual at slow isokinetic "
                     "speeds, more at faster ones (Coombs & Garbutt 2002; Aagaard et al. "
                     "1995). It is not an established independent predictor of injury "
                     "(Kellis 2023 review): track it against your own baseline, never read "
                     "it as a diagnosis. One test is noisy, so a warning needs two tests "
                     "in a row below the flag, or a drop larger than the test’s noise. "
                     "Weak hamstrings respond to Nordic curls, Romanian deadlifts and leg "
                     "curls."));
}

/* "below the 0.61 target", "at or above the 0.80 flag", "87 % of your
 * first test (0.52)". */
static char *
describe_hq (const StrideBalanceSummary *summary)
{
  double target = NAN;
  double flag = NAN;

  if (summary->mixed)
    {
      g_autofree char *limit = format_fixed (STRIDE_HQ_MIXED_FLAG_BELOW, 2);

      if (is_below (summary->latest, STRIDE_HQ_MIXED_FLAG_BELOW))
        return g_strdup_printf (summary->state == STRIDE_BALANCE_IMBALANCE
                                ? _("below the %s flag") : _("below the %s flag in one test: test again to confirm"),
                                limit);
      return g_strdup_printf (_("at or above the %s flag"), limit);
    }

  if (stride_hq_band (summary->method, &target, &flag))
    {
      g_autofree char *target_text = format_fixed (target, 2);
      g_autofree char *flag_text = format_fixed (flag, 2);

      if (is_below (summary->latest, flag))
        return g_strdup_printf (summary->state == STRIDE_BALANCE_IMBALANCE
                                ? _("below the %s flag") : _("below the %s flag in one test: test again to confirm"),
                                flag_text);
      if (is_below (summary->latest, target))
        return g_strdup_printf (_("below the %s target"), target_text);
      return g_strdup_printf (_("at or above the %s target"), target_text);
    }

  /* 1RM: against the first test of the line. */
  {
    g_autofree char *percent = format_number (summary->latest / summary->baseline * 100.0, 0);
    g_autofree char *baseline = format_fixed (summary->baseline, 2);

    return g_strdup_printf (_("%s %% of your first test (%s)"), percent, baseline);
  }
}

/* The ratio with two decimals, or three when two would read the same as
 * the limit it is compared with ("0.605, below the 0.61 target" rather
 * than "0.61, below the 0.61 target"). */
static char *
format_ratio_beside (double value,
                     double limit)
{
  g_autofree char *value_text = format_fixed (value, 2);
  g_autofree char *limit_text = isfinite (limit) ? format_fixed (limit, 2) : NULL;

  if (limit_text != NULL && value != limit && g_str_equal (value_text, limit_text))
    return format_fixed (value, 3);
  return g_steal_pointer (&value_text);
}

/* The limit describe_hq() compares @summary with. */
static double
hq_limit_of (const StrideBalanceSummary *summary)
{
  double target = NAN;
  double flag = NAN;

  if (summary->mixed)
    return STRIDE_HQ_MIXED_FLAG_BELOW;
  if (!stride_hq_band (summary->method, &target, &flag))
    return NAN;
  return is_below (summary->latest, flag) ? flag : target;
}

static void
check_hq (const WeekContext *ctx,
          StrideRiskCheck   *check)
{
  GArray *summaries;
  const StrideBalanceSummary *worst;
  double flag = NAN;
  g_autofree char *ratio = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;

  check_init (check, STRIDE_CHECK_HQ, _("Hamstring:quadriceps ratio"), STRIDE_EVIDENCE_CONTESTED,
              "Kellis 2023; Coombs & Garbutt 2002; Aagaard et al. 1995", explain_hq ());
  if (week_not_started (ctx, check))
    return;

  summaries = hq_summaries_up_to (ctx->journal, ctx->end);
  worst = worst_summary (summaries, NULL);
  if (worst == NULL)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, NAN,
                 g_strdup (summaries->len == 0
                           ? _("No hamstring and quadriceps tests yet")
                           : _("One 1RM test so far: test again to compare with it")));
      return;
    }

  if (worst->mixed)
    flag = STRIDE_HQ_MIXED_FLAG_BELOW;
  else if (!stride_hq_band (worst->method, NULL, &flag))
    flag = NAN;

  ratio = format_ratio_beside (worst->latest, hq_limit_of (worst));
  date = format_date (worst->latest_date);
  description = describe_hq (worst);
  if (worst->mixed)
    check_set (check, risk_state_of_balance (worst->state), worst->latest, flag,
               /* Translators: "Left leg mixed H:Q 0.75 (12 Nov 2026), below the 0.80 flag" */
               g_strdup_printf (_("%s mixed H:Q %s (%s), %s"),
                                stride_balance_leg_label (worst->leg), ratio, date, description));
  else
    check_set (check, risk_state_of_balance (worst->state), worst->latest, flag,
               /* Translators: "Left leg H:Q 0.52 (isokinetic 60°/s, 12 Nov 2026), below the 0.61 target" */
               g_strdup_printf (_("%s H:Q %s (%s, %s), %s"),
                                stride_balance_leg_label (worst->leg), ratio, method_label (worst->method),
                                date, description));
}

/* The band of an LSI for the user's thresholds. */
static StrideBalanceState
lsi_band (double                      lsi,
          const StrideRiskThresholds *t)
{
  if (!isfinite (lsi))
    return STRIDE_BALANCE_NOT_ENOUGH_DATA;
  if (!is_below (lsi, t->lsi_watch_percent))
    return STRIDE_BALANCE_OK;
  if (!is_below (lsi, t->lsi_warning_percent))
    return STRIDE_BALANCE_WATCH;
  return STRIDE_BALANCE_IMBALANCE;
}

/* A line's state for thresholds other than the 90 / 85 % that
 * stride-balance.c uses, with its noise rule: below the warning level
 * is an imbalance only when the test before was below it too, or the LSI
 * fell by more than the method's noise since then; a lone low test is
 * "watch". */
static StrideBalanceState
lsi_state (const StrideBalanceSummary *summary,
           const StrideRiskThresholds *t)
{
  StrideBalanceState band;

  if (fabs (t->lsi_watch_percent - STRIDE_LSI_TARGET) < COMPARE_EPSILON
      && fabs (t->lsi_warning_percent - STRIDE_LSI_FLAG_BELOW) < COMPARE_EPSILON)
    return summary->state;

  band = lsi_band (summary->latest, t);
  if (band != STRIDE_BALANCE_IMBALANCE)
    return band;
  if (lsi_band (summary->previous, t) == STRIDE_BALANCE_IMBALANCE)
    return STRIDE_BALANCE_IMBALANCE;
  if (isfinite (summary->previous) && summary->previous > 0
      && (summary->latest - summary->previous) * 100.0 / summary->previous
         < -(stride_balance_method_noise (summary->method) + COMPARE_EPSILON))
    return STRIDE_BALANCE_IMBALANCE;
  return STRIDE_BALANCE_WATCH;
}

static char *
explain_lsi (const StrideRiskThresholds *t)
{
  g_autofree char *watch = format_number (t->lsi_watch_percent, 1);
  g_autofree char *warning = format_number (t->lsi_warning_percent, 1);

  return g_strdup_printf (
    _("The limb symmetry index is the weaker side as a percentage of the stronger "
      "one. %s %% or more is the usual return-to-sport target (Grindem et al. 2016); "
      "below %s %% is an imbalance. Asymmetry thresholds are contested (Bishop et "
      "al. 2018) and tests are noisy, so one low test only asks you to test again: "
      "the warning needs two tests in a row below %s %%, or a drop larger than the "
      "test’s noise. Train the weak side first, with an extra set."),
    watch, warning, warning);
}

/* "left weaker", "right weaker", "both sides equal". */
static const char *
weaker_label (StrideSide side)
{
  switch (side)
    {
    case STRIDE_SIDE_LEFT:
      return _("left weaker");
    case STRIDE_SIDE_RIGHT:
      return _("right weaker");
    case STRIDE_SIDE_BOTH:
    case STRIDE_N_SIDES:
    default:
      return _("both sides equal");
    }
}

static char *
describe_lsi (const StrideBalanceSummary *summary,
              StrideBalanceState          state,
              const StrideRiskThresholds *t)
{
  g_autofree char *watch = format_number (t->lsi_watch_percent, 1);
  g_autofree char *warning = format_number (t->lsi_warning_percent, 1);

  if (state == STRIDE_BALANCE_IMBALANCE
      && lsi_band (summary->previous, t) == STRIDE_BALANCE_IMBALANCE)
    return g_strdup_printf (_("below %s %% in the last two tests"), warning);
  if (state == STRIDE_BALANCE_IMBALANCE)
    {
      g_autofree char *previous = format_number (summary->previous, 1);

      return g_strdup_printf (_("below %s %% and down from %s %%"), warning, previous);
    }
  if (lsi_band (summary->latest, t) == STRIDE_BALANCE_IMBALANCE)
    return g_strdup_printf (_("below %s %% in one test: test again to confirm"), warning);
  if (state == STRIDE_BALANCE_WATCH)
    return g_strdup_printf (_("below the %s %% target"), watch);
  return g_strdup_printf (_("at or above the %s %% target"), watch);
}

static void
lsi_init (const WeekContext *ctx,
          StrideRiskCheck   *check)
{
  check_init (check, STRIDE_CHECK_LSI, _("Left/right symmetry"), STRIDE_EVIDENCE_MODERATE,
              "Grindem et al. 2016; Bishop et al. 2018", explain_lsi (ctx->thresholds));
}

/* The lsi check as of @end (E, or today for the return checklist). */
static void
lsi_evaluate (const WeekContext *ctx,
              guint32            end,
              StrideRiskCheck   *check)
{
  const StrideRiskThresholds *t = ctx->thresholds;
  GArray *summaries;
  g_autofree StrideBalanceState *states = NULL;
  const StrideBalanceSummary *worst;
  StrideBalanceState state;
  g_autofree char *test = NULL;
  g_autofree char *lsi = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;

  summaries = lsi_summaries_up_to (ctx->journal, end);
  states = g_new (StrideBalanceState, MAX (summaries->len, 1));
  for (guint i = 0; i < summaries->len; i++)
    states[i] = lsi_state (&g_array_index (summaries, StrideBalanceSummary, i), t);
  worst = worst_summary (summaries, states);
  if (worst == NULL)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, t->lsi_watch_percent,
                 g_strdup (_("No left/right tests yet")));
      return;
    }

  state = states[worst - (const StrideBalanceSummary *) (gconstpointer) summaries->data];
  test = test_label (worst->key);
  lsi = format_number (worst->latest, 1);
  date = format_date (worst->latest_date);
  description = describe_lsi (worst, state, t);
  check_set (check, risk_state_of_balance (state), worst->latest, t->lsi_watch_percent,
             /* Translators: "LSI 82 % in single-leg hop (field test, 12 Nov 2026; left
              * weaker), below 85 % in the last two tests" */
             g_strdup_printf (_("LSI %s %% in %s (%s, %s; %s), %s"),
                              lsi, test, method_label (worst->method), date,
                              weaker_label (worst->leg), description));
}

static void
check_lsi (const WeekContext *ctx,
           StrideRiskCheck   *check)
{
  lsi_init (ctx, check);
  if (week_not_started (ctx, check))
    return;

  lsi_evaluate (ctx, ctx->end, check);
}

/* pain */

static char *
explain_pain (const WeekContext *ctx)
{
  return g_strdup_printf (
    _("Pain is the body’s own warning. Pain of %d/10 or more, or pain in the same "
      "spot on %u days of a week, is a reason to rest or cut back until it settles. "
      "If pain persists or comes back, see a physiotherapist or doctor: the app "
      "never diagnoses."),
    ctx->thresholds->pain_severity, ctx->thresholds->pain_same_spot_days);
}

/* "knee", "left knee", "right knee": locations are ids the UI labels. */
static char *
format_spot (const StridePainEntry *pain)
{
  const char *location = pain->location != NULL ? pain->location : "?";

  switch (pain->side)
    {
    case STRIDE_SIDE_LEFT:
      /* Translators: a pain location on the left side, e.g. "left knee" */
      return g_strdup_printf (_("left %s"), location);
    case STRIDE_SIDE_RIGHT:
      /* Translators: a pain location on the right side, e.g. "right knee" */
      return g_strdup_printf (_("right %s"), location);
    case STRIDE_SIDE_BOTH:
    case STRIDE_N_SIDES:
    default:
      return g_strdup (location);
    }
}

static gboolean
same_spot (const StridePainEntry *a,
           const StridePainEntry *b)
{
  return g_strcmp0 (a->location, b->location) == 0 && a->side == b->side;
}

/* The latest entry in @from..@to whose spot was hurting on at least
 * @min_days distinct days of that range, NULL when none. */
static const StridePainEntry *
repeated_spot (StrideRiskJournal *journal,
               guint32            from,
               guint32            to,
               guint              min_days,
               guint             *n_days)
{
  guint first = pain_lower_bound (journal, from);
  guint last = pain_lower_bound (journal, to + 1);

  for (guint i = last; i > first; i--)
    {
      const StridePainEntry *pain = pain_at (journal, i - 1);
      guint32 previous_date = 0;
      guint days = 0;

      for (guint j = first; j < last; j++)
        {
          const StridePainEntry *other = pain_at (journal, j);

          if (same_spot (pain, other) && other->date != previous_date)
            {
              days++;
              previous_date = other->date;
            }
        }
      if (days >= MAX (min_days, 1))
        {
          *n_days = days;
          return pain;
        }
    }

  return NULL;
}

/* The latest entry in @from..@to at or above @severity, NULL when none. */
static const StridePainEntry *
severe_pain (StrideRiskJournal *journal,
             guint32            from,
             guint32            to,
             gint               severity)
{
  guint first = pain_lower_bound (journal, from);

  for (guint i = pain_lower_bound (journal, to + 1); i > first; i--)
    {
      const StridePainEntry *pain = pain_at (journal, i - 1);

      if (pain->severity >= severity)
        return pain;
    }

  return NULL;
}

static char *
format_severe_pain (const StridePainEntry *pain)
{
  g_autofree char *spot = format_spot (pain);
  g_autofree char *date = format_day (pain->date);

  /* Translators: "Pain 5/10 in left knee on Tue 24 Nov" */
  return g_strdup_printf (_("Pain %d/10 in %s on %s"), pain->severity, spot, date);
}

static void
check_pain (const WeekContext *ctx,
            StrideRiskCheck   *check)
{
  StrideRiskJournal *journal = ctx->journal;
  const StrideRiskThresholds *t = ctx->thresholds;
  const StridePainEntry *pain;
  const StrideChecklistAnswer *answer;
  guint n_entries;
  guint n_days = 0;

  check_init (check, STRIDE_CHECK_PAIN, _("Pain"), STRIDE_EVIDENCE_MODERATE,
              "Clinical advice: pain that persists needs a professional",
              explain_pain (ctx));
  if (week_not_started (ctx, check))
    return;

  answer = lookup_answer (journal, ctx->iso_week, STRIDE_CHECK_PAIN);
  if (answer != NULL)
    check->note = g_strdup (answer->note);

  pain = severe_pain (journal, ctx->monday, ctx->end, t->pain_severity);
  if (pain != NULL)
    {
      check_set (check, STRIDE_RISK_WARNING, pain->severity, t->pain_severity,
                 format_severe_pain (pain));
      return;
    }

  pain = repeated_spot (journal, ctx->end - 6, ctx->end, t->pain_same_spot_days, &n_days);
  if (pain != NULL)
    {
      g_autofree char *spot = format_spot (pain);

      check_set (check, STRIDE_RISK_WARNING, pain->severity, t->pain_severity,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Pain in the same spot (%s) on %u day in 7 days",
                                               "Pain in the same spot (%s) on %u days in 7 days",
                                               n_days),
                                  spot, n_days));
      return;
    }

  if (answer != NULL && g_strcmp0 (answer->state, STRIDE_ANSWER_YES) == 0)
    {
      check_set (check, STRIDE_RISK_WARNING, NAN, t->pain_severity,
                 g_strdup (_("You said you had pain this week")));
      return;
    }

  n_entries = pain_lower_bound (journal, ctx->end + 1) - pain_lower_bound (journal, ctx->monday);
  if (n_entries > 0)
    check_set (check, STRIDE_RISK_OK, NAN, t->pain_severity,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u mild pain entry this week",
                                             "%u mild pain entries this week",
                                             n_entries),
                                n_entries));
  else
    check_set (check, STRIDE_RISK_OK, NAN, t->pain_severity, g_strdup (_("No pain logged")));
}

/* sleep, soreness, illness: the user's answers */

typedef struct
{
  const char      *id;
  const char      *title;        /* N_() */
  const char      *yes;          /* N_() */
  const char      *no;           /* N_() */
  const char      *explanation;  /* N_() */
  StrideRiskState  yes_state;
} UserItem;

static const UserItem user_items[] = {
  { STRIDE_CHECK_SLEEP, N_("Sleep"),
    N_("You slept poorly this week"), N_("You slept well this week"),
    N_("Short or poor sleep leaves less room to recover from training. After a "
       "week of bad sleep, keep the hard sessions easier until it improves."),
    STRIDE_RISK_CAUTION },
  { STRIDE_CHECK_SORENESS, N_("Soreness"),
    N_("You had unusual soreness this week"), N_("No unusual soreness this week"),
    N_("Soreness that lasts longer or is stronger than usual is a sign that "
       "recovery lags behind training. Take an easy day or two; if it stays in "
       "one spot, log it as pain."),
    STRIDE_RISK_CAUTION },
  { STRIDE_CHECK_ILLNESS, N_("Illness"),
    N_("You were ill this week"), N_("You were not ill this week"),
    N_("Training hard while ill, especially with fever or symptoms below the "
       "neck, slows recovery and can be risky. Rest until you are well and ease "
       "back in."),
    STRIDE_RISK_WARNING },
};

static void
check_user_item (const WeekContext *ctx,
                 const UserItem    *item,
                 StrideRiskCheck   *check)
{
  const StrideChecklistAnswer *answer;

  check_init (check, item->id, _(item->title), STRIDE_EVIDENCE_SELF_REPORT,
              "Self-report", g_strdup (_(item->explanation)));
  check->from_user = TRUE;
  if (week_not_started (ctx, check))
    return;

  answer = lookup_answer (ctx->journal, ctx->iso_week, item->id);
  if (answer != NULL)
    check->note = g_strdup (answer->note);

  if (answer != NULL && g_strcmp0 (answer->state, STRIDE_ANSWER_YES) == 0)
    check_set (check, item->yes_state, NAN, NAN, g_strdup (_(item->yes)));
  else if (answer != NULL && g_strcmp0 (answer->state, STRIDE_ANSWER_NO) == 0)
    check_set (check, STRIDE_RISK_OK, NAN, NAN, g_strdup (_(item->no)));
  else
    check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, NAN, g_strdup (_("Not answered")));
}

static void
check_sleep (const WeekContext *ctx,
             StrideRiskCheck   *check)
{
  check_user_item (ctx, &user_items[0], check);
}

static void
check_soreness (const WeekContext *ctx,
                StrideRiskCheck   *check)
{
  check_user_item (ctx, &user_items[1], check);
}

static void
check_illness (const WeekContext *ctx,
               StrideRiskCheck   *check)
{
  check_user_item (ctx, &user_items[2], check);
}

/* shoes */

static char *
explain_shoes (const WeekContext *ctx)
{
  g_autofree char *limit =
    stride_units_format_distance (ctx->thresholds->shoe_limit_km * STRIDE_METERS_PER_KM, ctx->units);

  return g_strdup_printf (
    _("Running shoes lose cushioning with use; a common rule of thumb is to replace "
      "them after %s (or the limit you set for a pair). There is no trial behind "
      "an exact number: take it as a reminder to look at the shoes, and change "
      "them gradually, alternating the old and new pair."),
    limit);
}

static const char *
shoe_name (const StrideShoe *shoe)
{
  return shoe->name != NULL && shoe->name[0] != '\0' ? shoe->name : _("Unnamed shoes");
}

/* Distances count every activity linked to the shoe (as the store's shoe
 * list does), up to @day. */
static void
check_shoes (const WeekContext *ctx,
             StrideRiskCheck   *check)
{
  StrideRiskJournal *journal = ctx->journal;
  const StrideShoe *shown = NULL;
  double shown_km = 0;
  double shown_limit = 0;
  gboolean shown_over = FALSE;
  guint n_over = 0;
  g_autofree char *distance = NULL;
  g_autofree char *limit = NULL;

  check_init (check, STRIDE_CHECK_SHOES, _("Shoe mileage"), STRIDE_EVIDENCE_LIMITED,
              "Rule of thumb, no trial", explain_shoes (ctx));
  if (week_not_started (ctx, check))
    return;

  /* Shown: the over-limit shoe with the most distance, else the most used. */
  for (guint i = 0; i < journal->shoes->len; i++)
    {
      const StrideShoe *shoe = &g_array_index (journal->shoes, StrideShoe, i);
      double km;
      double shoe_limit;
      gboolean over;

      if (!shoe_in_use (shoe, ctx->end))
        continue;

      km = shoe_distance (journal, shoe->id, ctx->end) / STRIDE_METERS_PER_KM;
      shoe_limit = shoe->limit_km > 0 ? shoe->limit_km : ctx->thresholds->shoe_limit_km;
      over = is_above (km, shoe_limit);
      n_over += over ? 1 : 0;
      if (shown == NULL || (over && !shown_over) || (over == shown_over && km > shown_km))
        {
          shown = shoe;
          shown_km = km;
          shown_limit = shoe_limit;
          shown_over = over;
        }
    }

  if (shown == NULL)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, ctx->thresholds->shoe_limit_km,
                 g_strdup (_("No shoes in use")));
      return;
    }

  distance = stride_units_format_distance (shown_km * STRIDE_METERS_PER_KM, ctx->units);
  limit = stride_units_format_distance (shown_limit * STRIDE_METERS_PER_KM, ctx->units);
  if (!shown_over)
    {
      check_set (check, STRIDE_RISK_OK, shown_km, shown_limit,
                 g_strdup_printf (_("“%s” has %s of its %s limit"),
                                  shoe_name (shown), distance, limit));
      return;
    }

  check_set (check, STRIDE_RISK_CAUTION, shown_km, shown_limit,
             g_strdup_printf (_("“%s” has %s, over its %s limit"),
                              shoe_name (shown), distance, limit));
  if (n_over > 1)
    {
      g_autofree char *one = g_steal_pointer (&check->summary);

      check->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s (and %u more pair)",
                                                     "%s (and %u more pairs)",
                                                     n_over - 1),
                                        one, n_over - 1);
    }
}

/* The weekly checklist */

typedef void (*WeekCheckFunc) (const WeekContext *ctx,
                               StrideRiskCheck   *check);

static const WeekCheckFunc week_checks[] = {
  check_spike,
  check_acwr,
  check_ramp,
  check_monotony,
  check_strength,
  check_spacing,
  check_hq,
  check_lsi,
  check_pain,
  check_sleep,
  check_soreness,
  check_illness,
  check_shoes,
};

static void
week_context_init (WeekContext                *ctx,
                   StrideRiskJournal          *journal,
                   guint32                     monday,
                   guint32                     today,
                   const StrideRiskThresholds *thresholds,
                   StrideUnitSystem            units)
{
  ctx->journal = journal;
  ctx->thresholds = thresholds;
  ctx->units = units;
  ctx->monday = stride_iso_week_monday (monday);
  ctx->sunday = ctx->monday + 6;
  ctx->today = today;
  ctx->end = MIN (ctx->sunday, today);
  ctx->started = ctx->monday <= today;
  ctx->in_progress = today < ctx->sunday;
  ctx->iso_week = stride_iso_week_format (ctx->monday);
}

static void
week_context_clear (WeekContext *ctx)
{
  g_clear_pointer (&ctx->iso_week, g_free);
}

/* @monday may be any day of the week: its Monday is taken. */
GArray *
stride_risk_evaluate_week (StrideRiskJournal          *journal,
                           guint32                     monday,
                           guint32                     today,
                           const StrideRiskThresholds *thresholds,
                           StrideUnitSystem            units)
{
  WeekContext ctx;
  GArray *checks;

  g_return_val_if_fail (journal != NULL, NULL);
  g_return_val_if_fail (thresholds != NULL, NULL);
  g_return_val_if_fail (monday >= 1 && monday <= LAST_JULIAN_DAY - 6, NULL);
  g_return_val_if_fail (today >= 1 && today <= LAST_JULIAN_DAY, NULL);

  journal_prepare (journal);
  week_context_init (&ctx, journal, monday, today, thresholds, units);

  checks = checks_new (G_N_ELEMENTS (week_checks));
  g_array_set_size (checks, G_N_ELEMENTS (week_checks));
  for (guint i = 0; i < G_N_ELEMENTS (week_checks); i++)
    week_checks[i] (&ctx, &g_array_index (checks, StrideRiskCheck, i));

  week_context_clear (&ctx);
  return checks;
}

/* The race checklist */

typedef struct
{
  StrideRiskJournal          *journal;
  const StrideRiskThresholds *thresholds;
  StrideUnitSystem            units;
  guint32                     today;
  const StrideRace           *race;
} RaceContext;

static void
check_race_taper (const RaceContext *ctx,
                  StrideRiskCheck   *check)
{
  StrideRiskJournal *journal = ctx->journal;
  guint32 taper_start = ctx->race->date - TAPER_DAYS;
  double block_m;
  double recent_m;
  double cut;
  StrideRiskState state = STRIDE_RISK_OK;
  g_autofree char *recent = NULL;
  g_autofree char *block = NULL;
  g_autofree char *percent = NULL;
  char *summary;

  check_init (check, STRIDE_CHECK_RACE_TAPER, _("Taper"), STRIDE_EVIDENCE_MODERATE,
              "Bosquet et al. 2007",
              /* xgettext:no-c-format */
              g_strdup (_("A meta-analysis of tapering found the best race results after "
                          "cutting the training volume by 41–60 % over the last two weeks, "
                          "while keeping the intensity (Bosquet et al. 2007). This check "
                          "compares the distance of the last 14 days with the mean of the "
                          "two 2-week blocks before the taper.")));

  if (ctx->race->date - ctx->today > TAPER_DAYS)
    {
      g_autofree char *date = format_date (taper_start);

      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, TAPER_CUT_MIN,
                 g_strdup_printf (_("Taper starts on %s"), date));
      return;
    }

  if (journal->first_day == 0 || taper_start < journal->first_day + TAPER_BASELINE_DAYS)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, TAPER_CUT_MIN,
                 g_strdup (_("Fewer than 4 weeks of journal before the taper")));
      return;
    }

  block_m = run_distance (journal, taper_start - TAPER_BASELINE_DAYS, taper_start - 1) / 2.0;
  if (block_m <= 0)
    {
      check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, TAPER_CUT_MIN,
                 g_strdup (_("No runs in the 4 weeks before the taper to compare with")));
      return;
    }

  recent_m = run_distance (journal, ctx->today - (TAPER_DAYS - 1), ctx->today);
  cut = (1.0 - recent_m / block_m) * 100.0;
  if (is_below (cut, TAPER_CUT_MIN) || is_above (cut, TAPER_CUT_MAX))
    state = STRIDE_RISK_CAUTION;

  recent = stride_units_format_distance (recent_m, ctx->units);
  block = stride_units_format_distance (block_m, ctx->units);
  percent = format_percent (cut, is_above (cut, TAPER_CUT_MAX) ? TAPER_CUT_MAX : TAPER_CUT_MIN);
  if (is_below (cut, TAPER_CUT_MIN))
    summary = g_strdup_printf (_("%s in the last 14 days vs %s per 2 weeks before the taper: "
                                 "a cut of %s %%, less than the advised 41–60 %%"),
                               recent, block, percent);
  else if (is_above (cut, TAPER_CUT_MAX))
    summary = g_strdup_printf (_("%s in the last 14 days vs %s per 2 weeks before the taper: "
                                 "a cut of %s %%, more than the advised 41–60 %%"),
                               recent, block, percent);
  else
    summary = g_strdup_printf (_("%s in the last 14 days vs %s per 2 weeks before the taper: "
                                 "a cut of %s %%, as advised"),
                               recent, block, percent);
  check_set (check, state, cut, TAPER_CUT_MIN, summary);
}

/* Strength in the taper: the 14 days before the race (as far as they
 * have passed) hold at most one session, the last 5 none. */
static void
check_race_strength (const RaceContext *ctx,
                     StrideRiskCheck   *check)
{
  guint32 race_day = ctx->race->date;
  guint in_taper;
  guint late;

  check_init (check, STRIDE_CHECK_RACE_STRENGTH, _("Strength in the taper"),
              STRIDE_EVIDENCE_LIMITED, "Taper advice, RISK-RULES.md §4",
              g_strdup (_("Before a race, strength work drops to one short maintenance "
                          "session in the last two weeks and none in the last 5 days, so "
                          "the legs are fresh on race day.")));

  in_taper = count_sport (ctx->journal, STRIDE_SPORT_STRENGTH, race_day - TAPER_DAYS, race_day);
  late = count_sport (ctx->journal, STRIDE_SPORT_STRENGTH, race_day - RACE_NO_STRENGTH_DAYS, race_day);

  if (late > 0)
    {
      g_autofree char *date = format_date (race_day - RACE_NO_STRENGTH_DAYS);

      check_set (check, STRIDE_RISK_CAUTION, in_taper, 1,
                 g_strdup_printf (_("A strength session on or after %s, within 5 days of the race"),
                                  date));
    }
  else if (in_taper > 1)
    check_set (check, STRIDE_RISK_CAUTION, in_taper, 1,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u strength session in the last two weeks before the race: one is enough",
                                             "%u strength sessions in the last two weeks before the race: one is enough",
                                             in_taper),
                                in_taper));
  else if (ctx->today < race_day - TAPER_DAYS)
    {
      g_autofree char *date = format_date (race_day - TAPER_DAYS);

      check_set (check, STRIDE_RISK_OK, in_taper, 1,
                 g_strdup_printf (_("From %s: one short strength session at most, none in the last 5 days"),
                                  date));
    }
  else
    check_set (check, STRIDE_RISK_OK, in_taper, 1,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u strength session in the taper, none in the last 5 days",
                                             "%u strength sessions in the taper, none in the last 5 days",
                                             in_taper),
                                in_taper));
}

/* New shoes: a pair in use whose first day lies in the 14 days before
 * the race (or on race day). */
static void
check_race_shoes (const RaceContext *ctx,
                  StrideRiskCheck   *check)
{
  StrideRiskJournal *journal = ctx->journal;
  guint n_in_use = 0;

  check_init (check, STRIDE_CHECK_RACE_SHOES, _("No new shoes"), STRIDE_EVIDENCE_LIMITED,
              "Race-day advice, no trial",
              g_strdup (_("Race in shoes you have already run in: a new pair can rub or "
                          "change how you land, and race day is not the time to find out.")));

  for (guint i = 0; i < journal->shoes->len; i++)
    {
      const StrideShoe *shoe = &g_array_index (journal->shoes, StrideShoe, i);

      if (shoe->retired_date != 0 && shoe->retired_date <= ctx->today)
        continue;

      n_in_use++;
      if (shoe->start_date != 0 && shoe->start_date <= ctx->race->date
          && shoe->start_date + NEW_SHOE_DAYS >= ctx->race->date)
        {
          g_autofree char *date = format_date (shoe->start_date);

          check_set (check, STRIDE_RISK_CAUTION, NAN, NAN,
                     g_strdup_printf (_("New shoes: “%s” first used on %s"),
                                      shoe_name (shoe), date));
          return;
        }
    }

  if (n_in_use == 0)
    check_set (check, STRIDE_RISK_NOT_ENOUGH_DATA, NAN, NAN, g_strdup (_("No shoes in use")));
  else
    check_set (check, STRIDE_RISK_OK, NAN, NAN, g_strdup (_("No new shoes before the race")));
}

static void
check_race_pain (const RaceContext *ctx,
                 StrideRiskCheck   *check)
{
  const StrideRiskThresholds *t = ctx->thresholds;
  const StridePainEntry *pain;

  check_init (check, STRIDE_CHECK_RACE_PAIN, _("Pain before the race"), STRIDE_EVIDENCE_MODERATE,
              "Clinical advice: pain that persists needs a professional",
              g_strdup (_("Racing on pain risks turning a niggle into an injury. If it "
                          "hurts, ask a physiotherapist or doctor whether to race.")));

  pain = severe_pain (ctx->journal, ctx->today - 6, ctx->today, t->pain_severity);
  if (pain != NULL)
    check_set (check, STRIDE_RISK_WARNING, pain->severity, t->pain_severity,
               format_severe_pain (pain));
  else
    check_set (check, STRIDE_RISK_OK, NAN, t->pain_severity,
               g_strdup_printf (_("No pain of %d/10 or more in the last 7 days"), t->pain_severity));
}

GArray *
stride_risk_evaluate_race (StrideRiskJournal          *journal,
                           guint32                     today,
                           const StrideRiskThresholds *thresholds,
                           StrideUnitSystem            units,
                           StrideRace                 *race_out)
{
  RaceContext ctx = { journal, thresholds, units, today, NULL };
  GArray *checks;

  g_return_val_if_fail (journal != NULL, NULL);
  g_return_val_if_fail (thresholds != NULL, NULL);
  g_return_val_if_fail (today > TAPER_BASELINE_DAYS + TAPER_DAYS
                        && today <= LAST_JULIAN_DAY - RACE_AHEAD_DAYS, NULL);

  journal_prepare (journal);
  ctx.race = race_between (journal, today, today + RACE_AHEAD_DAYS);
  if (ctx.race == NULL)
    return NULL;

  checks = checks_new (4);
  g_array_set_size (checks, 4);
  check_race_taper (&ctx, &g_array_index (checks, StrideRiskCheck, 0));
  check_race_strength (&ctx, &g_array_index (checks, StrideRiskCheck, 1));
  check_race_shoes (&ctx, &g_array_index (checks, StrideRiskCheck, 2));
  check_race_pain (&ctx, &g_array_index (checks, StrideRiskCheck, 3));

  if (race_out != NULL)
    {
      *race_out = *ctx.race;
      race_out->name = g_strdup (ctx.race->name);
    }

  return checks;
}

/* The return-from-injury checklist */

static void
check_return_pain_free (StrideRiskJournal          *journal,
                        guint32                     today,
                        const StrideRiskThresholds *thresholds,
                        const StridePainEntry      *last,
                        StrideRiskCheck            *check)
{
  guint days = today - last->date;
  StrideRiskState state = STRIDE_RISK_OK;
  g_autofree char *spot = format_spot (last);
  g_autofree char *date = format_date (last->date);

  check_init (check, STRIDE_CHECK_RETURN_PAIN_FREE, _("Pain-free days"), STRIDE_EVIDENCE_MODERATE,
              "Clinical advice: pain that persists needs a professional",
              g_strdup_printf (_("Come back when everyday life and easy runs are pain-free. "
                                 "Two weeks without pain of %d/10 or more is a reasonable sign "
                                 "to build up again; if pain returns, step back and see a "
                                 "professional."),
                               thresholds->pain_severity));

  if (days < RETURN_PAIN_FREE_CAUTION)
    state = STRIDE_RISK_WARNING;
  else if (days < RETURN_PAIN_FREE_OK)
    state = STRIDE_RISK_CAUTION;

  check_set (check, state, days, RETURN_PAIN_FREE_OK,
             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u day since pain of %d/10 in %s (%s)",
                                           "%u days since pain of %d/10 in %s (%s)",
                                           days),
                              days, last->severity, spot, date));
}

/* The lsi check as of today, with its own title and explanation. */
static void
check_return_lsi (const WeekContext *ctx,
                  StrideRiskCheck   *check)
{
  g_autofree char *watch = format_number (ctx->thresholds->lsi_watch_percent, 1);

  lsi_init (ctx, check);
  lsi_evaluate (ctx, ctx->today, check);
  check->id = STRIDE_CHECK_RETURN_LSI;
  g_free (check->title);
  check->title = g_strdup (_("Symmetry before returning"));
  g_free (check->explanation);
  check->explanation = g_strdup_printf (
    _("After an injury, a limb symmetry index of %s %% or more in strength and hop "
      "tests is the usual criterion to return to sport (Grindem et al. 2016): test "
      "both sides before building up. One test is noisy; a low one asks you to test "
      "again."),
    watch);
}

static void
check_return_graded (StrideRiskJournal          *journal,
                     guint32                     today,
                     const StrideRiskThresholds *thresholds,
                     StrideUnitSystem            units,
                     StrideRiskCheck            *check)
{
  WeekContext ctx;
  StrideRiskCheck spike;
  StrideRiskCheck ramp;

  week_context_init (&ctx, journal, today, today, thresholds, units);
  check_spike (&ctx, &spike);
  check_ramp (&ctx, &ramp);

  check_init (check, STRIDE_CHECK_RETURN_GRADED, _("Graded return"), STRIDE_EVIDENCE_MODERATE,
              "Frandsen et al. 2025; Nielsen et al. 2014",
              g_strdup (_("Build back up gradually: no run much longer than the longest of "
                          "the last month, no sudden jump in weekly distance. This check "
                          "shows the worse of the single-run spike and the weekly distance "
                          "increase for this week.")));
  check_set (check, MAX (spike.state, ramp.state), NAN, NAN,
             /* Translators: "<spike title>: <its summary>. <ramp title>: <its summary>." */
             g_strdup_printf (_("%s: %s. %s: %s."),
                              spike.title, spike.summary, ramp.title, ramp.summary));

  stride_risk_check_clear (&spike);
  stride_risk_check_clear (&ramp);
  week_context_clear (&ctx);
}

GArray *
stride_risk_evaluate_return (StrideRiskJournal          *journal,
                             guint32                     today,
                             const StrideRiskThresholds *thresholds,
                             StrideUnitSystem            units)
{
  const StridePainEntry *last;
  GArray *checks;
  WeekContext ctx;

  g_return_val_if_fail (journal != NULL, NULL);
  g_return_val_if_fail (thresholds != NULL, NULL);
  g_return_val_if_fail (today > RETURN_WINDOW_DAYS && today <= LAST_JULIAN_DAY, NULL);

  journal_prepare (journal);
  last = severe_pain (journal, today - RETURN_WINDOW_DAYS, today, thresholds->pain_severity);
  if (last == NULL)
    return NULL;

  checks = checks_new (3);
  g_array_set_size (checks, 3);
  check_return_pain_free (journal, today, thresholds, last,
                          &g_array_index (checks, StrideRiskCheck, 0));

  week_context_init (&ctx, journal, today, today, thresholds, units);
  check_return_lsi (&ctx, &g_array_index (checks, StrideRiskCheck, 1));
  week_context_clear (&ctx);

  check_return_graded (journal, today, thresholds, units,
                       &g_array_index (checks, StrideRiskCheck, 2));

  return checks;
}

StrideRiskState
stride_risk_checks_worst (GArray   *checks,
                          gboolean  include_user)
{
  StrideRiskState worst = STRIDE_RISK_NOT_ENOUGH_DATA;

  if (checks == NULL)
    return worst;

  for (guint i = 0; i < checks->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (checks, StrideRiskCheck, i);

      if (check->from_user && !include_user)
        continue;
      worst = MAX (worst, check->state);
    }

  return worst;
}

double
stride_risk_planned_spike (StrideRiskJournal     *journal,
                           const StridePlanEntry *planned,
                           guint                  n_planned,
                           guint32                day,
                           double                 distance_m)
{
  double longest = 0;

  g_return_val_if_fail (journal != NULL, NAN);
  g_return_val_if_fail (planned != NULL || n_planned == 0, NAN);

  if (!(distance_m > 0) || day <= SPIKE_WINDOW_DAYS)
    return NAN;

  journal_prepare (journal);
  for (guint32 d = day - SPIKE_WINDOW_DAYS; d < day; d++)
    {
      const JournalDay *record = journal_day (journal, d);

      if (record != NULL)
        longest = MAX (longest, record->longest_m);
    }

  for (guint i = 0; i < n_planned; i++)
    {
      const StridePlanEntry *entry = &planned[i];

      if ((entry->kind == STRIDE_PLAN_KIND_RUN || entry->kind == STRIDE_PLAN_KIND_RACE)
          && entry->status != STRIDE_PLAN_STATUS_SKIPPED && entry->status != STRIDE_PLAN_STATUS_DONE
          && entry->date < day && entry->date + SPIKE_WINDOW_DAYS >= day)
        longest = MAX (longest, entry->target_distance_m);
    }

  return longest > 0 ? 100.0 * distance_m / longest : NAN;
}
