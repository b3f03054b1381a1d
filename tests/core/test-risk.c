/* test-risk.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-risk"

#include "config.h"

#include <math.h>
#include <string.h>

#include "stride-balance.h"
#include "stride-risk.h"

/* Helpers */

#define UNIX_EPOCH_JULIAN 719163

static guint32
jd (guint year,
    guint month,
    guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* Unix time of @hour local time on local day @day at @tz_offset_s. */
static gint64
local_time (guint32 day,
            double  hour,
            gint    tz_offset_s)
{
  return ((gint64) day - UNIX_EPOCH_JULIAN) * 86400 + (gint64) (hour * 3600) - tz_offset_s;
}

static void
add_activity (StrideRiskJournal *journal,
              StrideSport        sport,
              StrideRunType      run_type,
              guint32            day,
              double             hour,
              double             minutes,
              double             km,
              gint               rpe,
              gint64             shoe_id)
{
  StrideRiskActivity a = { 0 };

  a.start_utc = local_time (day, hour, 0);
  a.sport = sport;
  a.run_type = run_type;
  a.duration_s = minutes * 60;
  a.distance_m = km * 1000;
  a.rpe = rpe;
  a.shoe_id = shoe_id;
  stride_risk_journal_add_activity (journal, &a);
}

/* A run at 8:00, 6 min/km, RPE 4. */
static void
add_run (StrideRiskJournal *journal,
         guint32            day,
         double             km)
{
  add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, day, 8, km * 6, km, 4, 0);
}

static void
add_strength (StrideRiskJournal *journal,
              guint32            day,
              double             hour,
              double             minutes)
{
  add_activity (journal, STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, day, hour, minutes, 0, 5, 0);
}

/* A cycling session of load @load (RPE 5 × @load / 5 minutes): load
 * without runs. */
static void
add_load (StrideRiskJournal *journal,
          guint32            day,
          double             load)
{
  add_activity (journal, STRIDE_SPORT_CYCLING, STRIDE_RUN_TYPE_NONE, day, 12, load / 5, 0, 5, 0);
}

static void
add_pain (StrideRiskJournal *journal,
          guint32            day,
          const char        *location,
          StrideSide         side,
          gint               severity)
{
  StridePainEntry pain = { 0 };

  pain.date = day;
  pain.location = (char *) location;
  pain.side = side;
  pain.severity = severity;
  stride_risk_journal_add_pain (journal, &pain);
}

static void
add_answer (StrideRiskJournal *journal,
            const char        *week,
            const char        *item,
            const char        *state,
            const char        *note)
{
  StrideChecklistAnswer answer = { (char *) week, (char *) item, (char *) state, (char *) note };

  stride_risk_journal_add_answer (journal, &answer);
}

static void
add_race (StrideRiskJournal *journal,
          guint32            day,
          const char        *name)
{
  StrideRace race = { 0 };

  race.date = day;
  race.name = (char *) name;
  race.distance_m = 10000;
  stride_risk_journal_add_race (journal, &race);
}

static const StrideRiskCheck *
find_check (GArray     *checks,
            const char *id)
{
  g_assert_nonnull (checks);
  for (guint i = 0; i < checks->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (checks, StrideRiskCheck, i);

      if (g_strcmp0 (check->id, id) == 0)
        return check;
    }

  g_assert_not_reached ();
  return NULL;
}

static StrideRiskThresholds defaults;

/* The week under test: 2026-W48, Monday 23 to Sunday 29 November. */
#define MONDAY (jd (2026, 11, 23))
#define SUNDAY (MONDAY + 6)

/* Evaluates @monday's week as of @today and returns one check (the
 * array is kept alive in *checks). */
static const StrideRiskCheck *
evaluate (StrideRiskJournal           *journal,
          guint32                      monday,
          guint32                      today,
          const StrideRiskThresholds  *thresholds,
          const char                  *id,
          GArray                     **checks)
{
  g_clear_pointer (checks, g_array_unref);
  *checks = stride_risk_evaluate_week (journal, monday, today,
                                       thresholds != NULL ? thresholds : &defaults,
                                       STRIDE_UNITS_METRIC);
  return find_check (*checks, id);
}

static void
assert_state (const StrideRiskCheck *check,
              StrideRiskState        state)
{
  if (check->state != state)
    g_error ("%s: state %s, expected %s (summary “%s”)", check->id,
             stride_risk_state_to_id (check->state), stride_risk_state_to_id (state),
             check->summary);
}

static void
assert_filled (const StrideRiskCheck *check)
{
  g_assert_nonnull (check->title);
  g_assert_cmpstr (check->title, !=, "");
  g_assert_nonnull (check->summary);
  g_assert_cmpstr (check->summary, !=, "");
  g_assert_nonnull (check->explanation);
  g_assert_cmpuint (strlen (check->explanation), >, 40);
  g_assert_nonnull (check->source);
  g_assert_cmpuint ((guint) check->evidence, <, STRIDE_N_EVIDENCE);
}

/* ISO weeks */

static void
test_iso_weeks_in_year (void)
{
  g_assert_cmpuint (stride_iso_weeks_in_year (2026), ==, 53);   /* 1 Jan 2026: Thursday */
  g_assert_cmpuint (stride_iso_weeks_in_year (2027), ==, 52);   /* Friday */
  g_assert_cmpuint (stride_iso_weeks_in_year (2020), ==, 53);   /* leap, Wednesday */
  g_assert_cmpuint (stride_iso_weeks_in_year (2019), ==, 52);   /* not leap, Tuesday */
  g_assert_cmpuint (stride_iso_weeks_in_year (2024), ==, 52);   /* leap, Monday */
  g_assert_cmpuint (stride_iso_weeks_in_year (2015), ==, 53);   /* Thursday */
  g_assert_cmpuint (stride_iso_weeks_in_year (2014), ==, 52);   /* not leap, Wednesday */
  g_assert_cmpuint (stride_iso_weeks_in_year (2032), ==, 53);   /* leap, Thursday */
}

static void
test_iso_week_format (void)
{
  struct { guint y, m, d; const char *week; } cases[] = {
    { 2026, 11, 23, "2026-W48" },
    { 2026, 11, 29, "2026-W48" },
    { 2024, 12, 30, "2025-W01" },
    { 2024, 12, 29, "2024-W52" },
    { 2025, 12, 29, "2026-W01" },
    { 2026, 1, 1, "2026-W01" },
    { 2026, 12, 28, "2026-W53" },
    { 2026, 12, 31, "2026-W53" },
    { 2027, 1, 3, "2026-W53" },
    { 2027, 1, 4, "2027-W01" },
    { 2021, 1, 3, "2020-W53" },
    { 2020, 12, 31, "2020-W53" },
    { 2027, 12, 27, "2027-W52" },
    { 2028, 1, 2, "2027-W52" },
    { 2028, 1, 3, "2028-W01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *week = stride_iso_week_format (jd (cases[i].y, cases[i].m, cases[i].d));

      g_assert_cmpstr (week, ==, cases[i].week);
    }

  g_assert_cmpuint (stride_iso_week_monday (jd (2026, 11, 25)), ==, jd (2026, 11, 23));
  g_assert_cmpuint (stride_iso_week_monday (jd (2026, 11, 29)), ==, jd (2026, 11, 23));
  g_assert_cmpuint (stride_iso_week_monday (jd (2026, 11, 23)), ==, jd (2026, 11, 23));
  g_assert_cmpuint (stride_iso_week_monday (jd (2027, 1, 1)), ==, jd (2026, 12, 28));
  g_assert_cmpuint (stride_iso_week_monday (1), ==, 1);   /* 0001-01-01 is a Monday */
}

static void
test_iso_week_parse (void)
{
  guint32 monday = 0;
  GError *error = NULL;

  g_assert_true (stride_iso_week_parse ("2026-W48", &monday, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (monday, ==, jd (2026, 11, 23));

  g_assert_true (stride_iso_week_parse ("2026-W53", &monday, NULL));
  g_assert_cmpuint (monday, ==, jd (2026, 12, 28));
  g_assert_true (stride_iso_week_parse ("2020-W53", &monday, NULL));
  g_assert_cmpuint (monday, ==, jd (2020, 12, 28));
  g_assert_true (stride_iso_week_parse ("2025-W01", &monday, NULL));
  g_assert_cmpuint (monday, ==, jd (2024, 12, 30));
  g_assert_true (stride_iso_week_parse ("2026-W01", &monday, NULL));
  g_assert_cmpuint (monday, ==, jd (2025, 12, 29));
  g_assert_true (stride_iso_week_parse ("0001-W01", &monday, NULL));
  g_assert_cmpuint (monday, ==, 1);
  g_assert_true (stride_iso_week_parse ("2026-W01", NULL, NULL));

  monday = 7;
  g_assert_false (stride_iso_week_parse ("2027-W53", &monday, &error));
  g_assert_error (error, STRIDE_RISK_ERROR, STRIDE_RISK_ERROR_INVALID_WEEK);
  g_assert_cmpstr (error->message, ==, "2027 has no week 53: it has 52 weeks");
  g_assert_cmpuint (monday, ==, 7);
  g_clear_error (&error);

  g_assert_false (stride_iso_week_parse ("2026-W00", &monday, &error));
  g_assert_cmpstr (error->message, ==, "2026 has no week 0: it has 53 weeks");
  g_clear_error (&error);
  g_assert_false (stride_iso_week_parse ("2026-W54", &monday, &error));
  g_assert_cmpstr (error->message, ==, "2026 has no week 54: it has 53 weeks");
  g_clear_error (&error);

  {
    const char *bad[] = { "", "2026", "2026-w48", "2026W48", "26-W48", "2026-W4",
                          "2026-W048", " 2026-W48", "2026-W48 ", "0000-W01",
                          "2026-48", "2026/W48", "202a-W48", "2026-Wx8", "+026-W48" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *expected =
          g_strdup_printf ("“%s” is not a week: write it as YYYY-Www, for example 2026-W48", bad[i]);

        g_assert_false (stride_iso_week_parse (bad[i], &monday, &error));
        g_assert_error (error, STRIDE_RISK_ERROR, STRIDE_RISK_ERROR_INVALID_WEEK);
        g_assert_cmpstr (error->message, ==, expected);
        g_clear_error (&error);
      }
  }

  /* Every week from 2015 to 2032 round-trips, weeks are 7 days apart. */
  for (guint year = 2015; year <= 2032; year++)
    {
      guint32 previous = 0;

      for (guint week = 1; week <= stride_iso_weeks_in_year (year); week++)
        {
          g_autofree char *text = g_strdup_printf ("%u-W%02u", year, week);
          g_autofree char *back = NULL;

          g_assert_true (stride_iso_week_parse (text, &monday, NULL));
          back = stride_iso_week_format (monday);
          g_assert_cmpstr (back, ==, text);
          g_assert_cmpuint (stride_iso_week_monday (monday), ==, monday);
          if (previous != 0)
            g_assert_cmpuint (monday, ==, previous + 7);
          previous = monday;
        }
    }
}

/* States, labels, thresholds */

static void
test_states (void)
{
  StrideRiskThresholds t;
  StrideRiskState state = STRIDE_RISK_OK;

  g_assert_cmpstr (stride_risk_state_to_id (STRIDE_RISK_OK), ==, "ok");
  g_assert_cmpstr (stride_risk_state_to_id (STRIDE_RISK_CAUTION), ==, "caution");
  g_assert_cmpstr (stride_risk_state_to_id (STRIDE_RISK_WARNING), ==, "warning");
  g_assert_cmpstr (stride_risk_state_to_id (STRIDE_RISK_NOT_ENOUGH_DATA), ==, "not-enough-data");
  for (guint i = 0; i < STRIDE_N_RISK_STATES; i++)
    {
      g_assert_true (stride_risk_state_from_id (stride_risk_state_to_id (i), &state));
      g_assert_cmpint (state, ==, i);
      g_assert_nonnull (stride_risk_state_to_label (i));
    }
  g_assert_false (stride_risk_state_from_id ("OK", &state));
  g_assert_false (stride_risk_state_from_id (NULL, &state));
  g_assert_cmpstr (stride_risk_state_to_label (STRIDE_RISK_NOT_ENOUGH_DATA), ==, "Not enough data");
  g_assert_cmpstr (stride_evidence_to_label (STRIDE_EVIDENCE_STRONG), ==, "Strong evidence");
  for (guint i = 0; i < STRIDE_N_EVIDENCE; i++)
    g_assert_nonnull (stride_evidence_to_label (i));

  stride_risk_thresholds_init (&t);
  g_assert_cmpfloat (t.spike_caution_percent, ==, 110);
  g_assert_cmpfloat (t.spike_warning_percent, ==, 130);
  g_assert_cmpfloat (t.acwr_low, ==, 0.8);
  g_assert_cmpfloat (t.acwr_high, ==, 1.3);
  g_assert_cmpfloat (t.acwr_warning, ==, 1.5);
  g_assert_cmpfloat (t.ramp_caution_percent, ==, 30);
  g_assert_cmpfloat (t.monotony_caution, ==, 2.0);
  g_assert_cmpuint (t.strength_min_sessions, ==, 2);
  g_assert_cmpfloat (t.spacing_after_run_h, ==, 6);
  g_assert_cmpfloat (t.spacing_before_key_h, ==, 24);
  g_assert_cmpint (t.pain_severity, ==, 3);
  g_assert_cmpuint (t.pain_same_spot_days, ==, 3);
  g_assert_cmpfloat (t.shoe_limit_km, ==, 700);
  g_assert_cmpfloat (t.lsi_watch_percent, ==, 90);
  g_assert_cmpfloat (t.lsi_warning_percent, ==, 85);
}

/* The weekly checklist: order, fields, a week that has not started */

static void
test_week_order_and_fields (void)
{
  static const char *const ids[] = {
    "spike", "acwr", "ramp", "monotony", "strength", "spacing", "hq", "lsi",
    "pain", "sleep", "soreness", "illness", "shoes",
  };
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) checks = NULL;

  g_assert_cmpuint (stride_risk_journal_get_first_day (journal), ==, 0);
  add_run (journal, MONDAY - 60, 10);
  add_run (journal, MONDAY + 2, 10);
  g_assert_cmpuint (stride_risk_journal_get_first_day (journal), ==, MONDAY - 60);
  add_run (journal, MONDAY - 20, 10);

  checks = stride_risk_evaluate_week (journal, MONDAY, SUNDAY, &defaults, STRIDE_UNITS_METRIC);
  g_assert_cmpuint (checks->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < checks->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (checks, StrideRiskCheck, i);

      g_assert_cmpstr (check->id, ==, ids[i]);
      assert_filled (check);
      g_assert_true (check->from_user == (i >= 9 && i <= 11));
    }
  g_array_unref (g_steal_pointer (&checks));

  /* Any day of the week means that week. */
  checks = stride_risk_evaluate_week (journal, MONDAY + 3, SUNDAY, &defaults, STRIDE_UNITS_METRIC);
  g_assert_cmpstr (find_check (checks, "spike")->summary, ==,
                   "Longest run 10.0 km = 100 % of your longest in the previous 30 days (10.0 km)");
}

static void
test_week_not_started (void)
{
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) checks = NULL;

  for (guint i = 0; i < 60; i++)
    add_run (journal, MONDAY - 60 + i, 8);
  add_answer (journal, "2026-W49", "sleep", "yes", NULL);

  /* Today is the Sunday before: next week has not started. */
  checks = stride_risk_evaluate_week (journal, MONDAY + 7, SUNDAY, &defaults, STRIDE_UNITS_METRIC);
  for (guint i = 0; i < checks->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (checks, StrideRiskCheck, i);

      assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
      g_assert_cmpstr (check->summary, ==, "This week has not started yet");
      assert_filled (check);
      g_assert_true (isnan (check->value));
    }
  g_assert_cmpint (stride_risk_checks_worst (checks, TRUE), ==, STRIDE_RISK_NOT_ENOUGH_DATA);
}

/* spike */

/* The journal starts 40 days before the week; the reference run (10 km)
 * is 20 days before it; one run of @km on Wednesday. */
static StrideRiskJournal *
spike_journal (double km)
{
  StrideRiskJournal *journal = stride_risk_journal_new ();

  add_run (journal, MONDAY - 40, 5);
  add_run (journal, MONDAY - 20, 10);
  add_run (journal, MONDAY - 10, 8);
  add_run (journal, MONDAY + 2, km);
  return journal;
}

static void
test_spike_thresholds (void)
{
  struct { double km; StrideRiskState state; double percent; const char *summary; } cases[] = {
    { 8, STRIDE_RISK_OK, 80,
      "Longest run 8.0 km = 80 % of your longest in the previous 30 days (10.0 km)" },
    { 11, STRIDE_RISK_OK, 110,
      "Longest run 11.0 km = 110 % of your longest in the previous 30 days (10.0 km)" },
    { 11.04, STRIDE_RISK_CAUTION, 110.4,
      "Longest run 11.04 km = 110.4 % of your longest in the previous 30 days (10.0 km)" },
    { 11.05, STRIDE_RISK_CAUTION, 110.5,
      "Longest run 11.05 km = 111 % of your longest in the previous 30 days (10.0 km)" },
    { 13, STRIDE_RISK_CAUTION, 130,
      "Longest run 13.0 km = 130 % of your longest in the previous 30 days (10.0 km)" },
    { 13.1, STRIDE_RISK_WARNING, 131,
      "Longest run 13.1 km = 131 % of your longest in the previous 30 days (10.0 km)" },
    { 24, STRIDE_RISK_WARNING, 240,
      "Longest run 24.0 km = 240 % of your longest in the previous 30 days (10.0 km)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StrideRiskJournal) journal = spike_journal (cases[i].km);
      g_autoptr(GArray) checks = NULL;
      const StrideRiskCheck *check = evaluate (journal, MONDAY, SUNDAY, NULL, "spike", &checks);

      assert_state (check, cases[i].state);
      g_assert_cmpfloat_with_epsilon (check->value, cases[i].percent, 1e-9);
      g_assert_cmpfloat (check->threshold, ==, 110);
      g_assert_cmpstr (check->summary, ==, cases[i].summary);
      g_assert_cmpint (check->evidence, ==, STRIDE_EVIDENCE_STRONG);
      g_assert_cmpstr (check->source, ==, "Frandsen et al. 2025, BJSM");
      g_assert_nonnull (strstr (check->explanation, "1.64"));
      g_assert_nonnull (strstr (check->explanation, "1.52"));
      g_assert_nonnull (strstr (check->explanation, "2.28"));
      g_assert_null (strstr (check->explanation, "van Gent"));
    }

  /* In miles, and with a previous injury the explanation says so. */
  {
    g_autoptr(StrideRiskJournal) journal = spike_journal (13.1);
    g_autoptr(GArray) checks = NULL;
    const StrideRiskCheck *check;

    stride_risk_journal_set_previous_injury (journal, TRUE);
    checks = stride_risk_evaluate_week (journal, MONDAY, SUNDAY, &defaults, STRIDE_UNITS_IMPERIAL);
    check = find_check (checks, "spike");
    g_assert_cmpstr (check->summary, ==,
                     "Longest run 8.14 mi = 131 % of your longest in the previous 30 days (6.21 mi)");
    g_assert_nonnull (strstr (check->explanation, "van Gent et al. 2007"));
    g_assert_nonnull (strstr (find_check (checks, "acwr")->explanation, "van Gent et al. 2007"));
    g_assert_nonnull (strstr (find_check (checks, "ramp")->explanation, "van Gent et al. 2007"));
    g_assert_null (strstr (find_check (checks, "monotony")->explanation, "van Gent"));
  }
}

/* The reference moves with each run; a run that is not the week's
 * longest can be the spike. Runs exactly 30 days before count, 31 not. */
static void
test_spike_window (void)
{
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  add_run (journal, MONDAY - 60, 5);
  add_run (journal, MONDAY - 31, 30);   /* day d-31 for Monday's run: out */
  add_run (journal, MONDAY - 28, 10);   /* in the window of every run this week */
  add_run (journal, MONDAY, 20);        /* 200 % of 10 */
  add_run (journal, MONDAY + 2, 21);    /* 105 % of 20 */

  check = evaluate (journal, MONDAY, SUNDAY, NULL, "spike", &checks);
  assert_state (check, STRIDE_RISK_WARNING);
  g_assert_cmpfloat (check->value, ==, 200);
  g_assert_cmpstr (check->summary, ==,
                   "Run of 20.0 km on Mon 23 Nov = 200 % of your longest in the 30 days before it (10.0 km)");

  /* Evaluated on Sunday's Monday only (today = Monday). */
  check = evaluate (journal, MONDAY, MONDAY, NULL, "spike", &checks);
  assert_state (check, STRIDE_RISK_WARNING);
  g_assert_cmpstr (check->summary, ==,
                   "Longest run 20.0 km = 200 % of your longest in the previous 30 days (10.0 km)");

  /* A run 30 days before Wednesday is in its window (d-30). */
  {
    g_autoptr(StrideRiskJournal) j2 = stride_risk_journal_new ();

    add_run (j2, MONDAY - 60, 5);
    add_run (j2, MONDAY + 2 - 30, 20);
    add_run (j2, MONDAY + 2, 21);
    check = evaluate (j2, MONDAY, SUNDAY, NULL, "spike", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpfloat (check->value, ==, 105);
  }
}

static void
test_spike_not_enough_data (void)
{
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  /* The journal starts 20 days before the run. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY - 18, 10);
    add_run (journal, MONDAY + 2, 15);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "spike", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_true (isnan (check->value));
    g_assert_cmpstr (check->summary, ==, "Your journal starts less than 30 days before this week’s runs");
  }

  /* Exactly 30 days: enough. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY + 2 - 30, 10);
    add_run (journal, MONDAY + 2, 15);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "spike", &checks);
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_cmpfloat (check->value, ==, 150);
  }

  /* A gap: no run in the 30 days before. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY - 120, 10);
    add_strength (journal, MONDAY - 10, 18, 30);
    add_run (journal, MONDAY + 2, 15);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "spike", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "No runs in the 30 days before this week’s runs to compare with");
  }

  /* No runs this week: OK, "so far" while the week runs. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY - 50, 10);
    add_strength (journal, MONDAY + 1, 18, 30);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "spike", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "No runs this week");
    check = evaluate (journal, MONDAY, MONDAY + 3, NULL, "spike", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "No runs this week so far");
  }

  /* Runs after today do not count (a run logged ahead by mistake). */
  {
    g_autoptr(StrideRiskJournal) journal = spike_journal (24);

    check = evaluate (journal, MONDAY, MONDAY + 1, NULL, "spike", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "No runs this week so far");
  }
}

/* acwr */

/* A load of 100 a day for 28 days (days 0–27), then @spike on day 28.
 * By hand, λa = 2 / 8 = 0.25, λc = 2 / 29; seeded with day 0, a constant
 * load keeps both EWMAs at 100 through day 27. On day 28 with a load of
 * 200:
 *   acute   = 0.25 × 200 + 0.75 × 100          = 125
 *   chronic = 2/29 × 200 + 27/29 × 100 = 3100/29 ≈ 106.897
 *   ratio   = 125 × 29 / 3100 = 36.25 / 31     ≈ 1.16935
 * and after one rest day (day 29):
 *   acute   = 0.75 × 125                       = 93.75
 *   chronic = 27/29 × 3100/29 = 83700/841      ≈ 99.524
 *   ratio   = 93.75 × 841 / 83700              ≈ 0.94198 */
static StrideRiskJournal *
acwr_journal (guint32 first,
              double  spike,
              gint    rpe)
{
  StrideRiskJournal *journal = stride_risk_journal_new ();

  for (guint i = 0; i < 28; i++)
    add_activity (journal, STRIDE_SPORT_CYCLING, STRIDE_RUN_TYPE_NONE, first + i, 12,
                  100.0 / 5, 0, rpe, 0);
  if (spike > 0)
    add_activity (journal, STRIDE_SPORT_CYCLING, STRIDE_RUN_TYPE_NONE, first + 28, 12,
                  spike / 5, 0, rpe, 0);
  return journal;
}

static void
test_acwr_by_hand (void)
{
  guint32 first = MONDAY + 2 - 28;     /* day 28 is Wednesday */
  g_autoptr(StrideRiskJournal) journal = acwr_journal (first, 200, 5);
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  /* Day 27: only 27 days of journal before it. */
  check = evaluate (journal, MONDAY, first + 27, NULL, "acwr", &checks);
  assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
  g_assert_cmpstr (check->summary, ==, "Fewer than 28 days of journal: the chronic load is not known yet");

  check = evaluate (journal, MONDAY, first + 28, NULL, "acwr", &checks);
  assert_state (check, STRIDE_RISK_OK);
  g_assert_cmpfloat_with_epsilon (check->value, 36.25 / 31, 1e-12);
  g_assert_cmpfloat (check->threshold, ==, 1.3);
  g_assert_cmpstr (check->summary, ==, "Acute load 125 vs chronic 107 a day: ratio 1.17");
  g_assert_false (check->estimated);
  g_assert_cmpint (check->evidence, ==, STRIDE_EVIDENCE_CONTESTED);
  g_assert_nonnull (strstr (check->explanation, "Impellizzeri"));
  g_assert_nonnull (strstr (check->explanation, "two curves"));

  check = evaluate (journal, MONDAY, first + 29, NULL, "acwr", &checks);
  assert_state (check, STRIDE_RISK_OK);
  g_assert_cmpfloat_with_epsilon (check->value, 93.75 * 841 / 83700, 1e-12);
  g_assert_cmpstr (check->summary, ==, "Acute load 94 vs chronic 100 a day: ratio 0.94");
}

/* After a constant load of 100 (days 0–27), k rest days give acute
 * 100 × 0.75^k and chronic 100 × (27/29)^k: ratio (0.75 × 29 / 27)^k,
 * 0.806 after one day (OK), 0.649 after two (below 0.8: caution). Days
 * after the last activity are decayed in closed form. */
static void
test_acwr_states (void)
{
  guint32 first = MONDAY - 28;
  double r = 0.75 * 29.0 / 27.0;
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  {
    g_autoptr(StrideRiskJournal) journal = acwr_journal (first, 0, 5);

    check = evaluate (journal, MONDAY, MONDAY, NULL, "acwr", &checks);   /* day 28: 1 rest day */
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpfloat_with_epsilon (check->value, r, 1e-12);
    check = evaluate (journal, MONDAY, MONDAY + 1, NULL, "acwr", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat_with_epsilon (check->value, r * r, 1e-12);
    /* Long after: both curves decay, the ratio keeps falling. */
    check = evaluate (journal, MONDAY + 70, MONDAY + 76, NULL, "acwr", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat_with_epsilon (check->value, pow (r, 77), 1e-12);
  }

  /* Day 28 with 3 × the load: 29 × 1.5 / 33 = 1.318 (caution); 10 ×:
   * 29 × 3.25 / 47 = 2.005 (warning). */
  {
    g_autoptr(StrideRiskJournal) journal = acwr_journal (first, 300, 5);
    StrideRiskThresholds t = defaults;
    double ratio = 29 * 1.5 / 33;

    check = evaluate (journal, MONDAY, MONDAY, NULL, "acwr", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat_with_epsilon (check->value, ratio, 1e-12);

    /* At, just under and just over each threshold. */
    t.acwr_high = ratio;
    assert_state (evaluate (journal, MONDAY, MONDAY, &t, "acwr", &checks), STRIDE_RISK_OK);
    t.acwr_high = ratio - 0.0001;
    assert_state (evaluate (journal, MONDAY, MONDAY, &t, "acwr", &checks), STRIDE_RISK_CAUTION);
    t.acwr_warning = ratio;
    assert_state (evaluate (journal, MONDAY, MONDAY, &t, "acwr", &checks), STRIDE_RISK_WARNING);
    t.acwr_warning = ratio + 0.0001;
    assert_state (evaluate (journal, MONDAY, MONDAY, &t, "acwr", &checks), STRIDE_RISK_CAUTION);
    t = defaults;
    t.acwr_high = 2;
    t.acwr_low = ratio;
    assert_state (evaluate (journal, MONDAY, MONDAY, &t, "acwr", &checks), STRIDE_RISK_OK);
    t.acwr_low = ratio + 0.0001;
    assert_state (evaluate (journal, MONDAY, MONDAY, &t, "acwr", &checks), STRIDE_RISK_CAUTION);
  }
  {
    g_autoptr(StrideRiskJournal) journal = acwr_journal (first, 1000, 5);

    check = evaluate (journal, MONDAY, MONDAY, NULL, "acwr", &checks);
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_cmpfloat_with_epsilon (check->value, 29 * 3.25 / 47, 1e-12);
    g_assert_cmpstr (check->summary, ==, "Acute load 325 vs chronic 162 a day: ratio 2.01");
  }

  /* Loads without RPE are estimated; so is the check. */
  {
    g_autoptr(StrideRiskJournal) journal = acwr_journal (first, 200, 0);

    check = evaluate (journal, MONDAY, MONDAY, NULL, "acwr", &checks);
    g_assert_true (check->estimated);
    g_assert_true (find_check (checks, "monotony")->estimated);
  }

  /* No load at all for 28 days: chronic 0. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, first, 8, 0, 5, 5, 0);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "acwr", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "No training load in the last weeks");
  }
}

/* ramp */

static StrideRiskJournal *
ramp_journal (double before_km,
              double now_km)
{
  StrideRiskJournal *journal = stride_risk_journal_new ();

  add_run (journal, MONDAY - 14, before_km / 2);
  add_run (journal, MONDAY - 9, before_km / 2);
  add_run (journal, MONDAY - 4, 50);              /* last week: ignored */
  add_run (journal, MONDAY + 1, now_km / 2);
  add_run (journal, MONDAY + 5, now_km / 2);
  return journal;
}

static void
test_ramp (void)
{
  struct { double before, now; StrideRiskState state; double percent; const char *summary; } cases[] = {
    { 20, 26, STRIDE_RISK_OK, 30, "26.0 km this week vs 20.0 km two weeks earlier: +30 %" },
    { 20, 26.2, STRIDE_RISK_CAUTION, 31, "26.2 km this week vs 20.0 km two weeks earlier: +31 %" },
    { 20, 26.02, STRIDE_RISK_CAUTION, 30.1, "26.02 km this week vs 20.0 km two weeks earlier: +30.1 %" },
    { 20, 25.98, STRIDE_RISK_OK, 29.9, "25.98 km this week vs 20.0 km two weeks earlier: +29.9 %" },
    { 20, 10, STRIDE_RISK_OK, -50, "10.0 km this week vs 20.0 km two weeks earlier: -50 %" },
    { 20, 20, STRIDE_RISK_OK, 0, "20.0 km this week vs 20.0 km two weeks earlier: 0 %" },
  };
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StrideRiskJournal) journal = ramp_journal (cases[i].before, cases[i].now);

      check = evaluate (journal, MONDAY, SUNDAY, NULL, "ramp", &checks);
      assert_state (check, cases[i].state);
      g_assert_cmpfloat_with_epsilon (check->value, cases[i].percent, 1e-9);
      g_assert_cmpfloat (check->threshold, ==, 30);
      g_assert_cmpstr (check->summary, ==, cases[i].summary);
      g_assert_nonnull (strstr (check->explanation, "Buist"));
    }

  /* In progress: only the days so far. */
  {
    g_autoptr(StrideRiskJournal) journal = ramp_journal (20, 40);

    check = evaluate (journal, MONDAY, MONDAY + 2, NULL, "ramp", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "20.0 km this week so far vs 20.0 km two weeks earlier: 0 %");
  }

  /* No run two weeks earlier; a journal starting after that week. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY - 30, 10);
    add_run (journal, MONDAY + 1, 10);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "ramp", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "No runs in the week two weeks earlier to compare with");
  }
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY - 7, 10);
    add_run (journal, MONDAY + 1, 10);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "ramp", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "Your journal starts after the week two weeks earlier");
  }
}

/* monotony */

/* Loads of the 7 days: 0, 120, 300, 300, 300, 300, 360: sum 1680, mean
 * 240, Σx² / 7 = 72000, variance 72000 − 240² = 14400, SD 120: monotony
 * exactly 2 (OK: at the threshold), strain 1680 × 2 = 3360. */
static void
test_monotony (void)
{
  const double at[7] = { 0, 120, 300, 300, 300, 300, 360 };
  const double over[7] = { 0, 120, 300, 300, 300, 300, 300 };   /* 2.047 */
  const double under[7] = { 0, 120, 300, 300, 300, 300, 420 };  /* 1.912 */
  const double *weeks[] = { at, over, under };
  const StrideRiskState states[] = { STRIDE_RISK_OK, STRIDE_RISK_CAUTION, STRIDE_RISK_OK };
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
    {
      g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

      add_load (journal, MONDAY - 30, 100);
      for (guint i = 0; i < 7; i++)
        if (weeks[w][i] > 0)
          add_load (journal, MONDAY + i, weeks[w][i]);
      check = evaluate (journal, MONDAY, SUNDAY, NULL, "monotony", &checks);
      assert_state (check, states[w]);
      g_assert_cmpfloat (check->threshold, ==, 2.0);
      if (w == 0)
        {
          g_assert_cmpfloat_with_epsilon (check->value, 2.0, 1e-12);
          g_assert_cmpstr (check->summary, ==, "Monotony 2 (mean load 240 a day, SD 120); strain 3360");
          g_assert_false (check->estimated);
        }
      else if (w == 1)
        g_assert_cmpfloat_with_epsilon (check->value, 2.0468, 1e-4);
      else
        g_assert_cmpfloat_with_epsilon (check->value, 1.9122, 1e-4);
    }

  /* Every day the same load: SD 0. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_load (journal, MONDAY - 30, 100);
    for (guint i = 0; i < 7; i++)
      add_load (journal, MONDAY + i, 200);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "monotony", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_true (isnan (check->value));
    g_assert_cmpstr (check->summary, ==,
                     "Every day had the same load (200): no easy day or rest day in 7 days");
  }

  /* No load in the 7 days; a journal of fewer than 7 days. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_load (journal, MONDAY - 30, 100);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "monotony", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "No training load in these 7 days");
  }
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_load (journal, MONDAY + 1, 100);
    add_load (journal, MONDAY + 3, 300);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "monotony", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "Fewer than 7 days of journal");
    /* From the 7th day on (E − 6 = first day) it is computed. */
    check = evaluate (journal, MONDAY + 7, MONDAY + 7, NULL, "monotony", &checks);
    assert_state (check, STRIDE_RISK_OK);
  }

  /* A week in progress: the 7 days ending today. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    for (guint i = 0; i < 7; i++)
      add_load (journal, MONDAY - 4 + i, at[i]);
    check = evaluate (journal, MONDAY, MONDAY + 2, NULL, "monotony", &checks);
    g_assert_cmpfloat_with_epsilon (check->value, 2.0, 1e-12);
  }
}

/* strength */

static void
test_strength (void)
{
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY - 40, 10);
    add_strength (journal, MONDAY + 1, 18, 20);
    add_strength (journal, MONDAY - 1, 18, 20);   /* last week */

    /* A complete week with one session: caution. */
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "strength", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat (check->value, ==, 1);
    g_assert_cmpfloat (check->threshold, ==, 2);
    g_assert_cmpstr (check->summary, ==, "1 strength session this week, fewer than the 2 advised");

    /* In progress on Saturday: Saturday and Sunday are free. */
    check = evaluate (journal, MONDAY, MONDAY + 5, NULL, "strength", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "1 strength session so far of the 2 advised: still time this week");

    add_strength (journal, MONDAY + 4, 18, 20);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "strength", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpfloat (check->value, ==, 2);
    g_assert_cmpstr (check->summary, ==, "2 strength sessions this week");
    check = evaluate (journal, MONDAY, MONDAY + 4, NULL, "strength", &checks);
    g_assert_cmpstr (check->summary, ==, "2 strength sessions so far");
  }

  /* In progress with no session: days left against missing sessions. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
    StrideRiskThresholds t = defaults;

    add_run (journal, MONDAY - 40, 10);
    /* Saturday, none yet: Saturday + Sunday = 2 days for 2 sessions. */
    check = evaluate (journal, MONDAY, MONDAY + 5, NULL, "strength", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "0 strength sessions so far of the 2 advised: still time this week");
    /* 3 advised: 2 days are not enough. */
    t.strength_min_sessions = 3;
    check = evaluate (journal, MONDAY, MONDAY + 5, &t, "strength", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpstr (check->summary, ==,
                     "0 strength sessions so far, fewer than the 3 advised, with too few days left");
    /* Sunday: the week is complete. */
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "strength", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpstr (check->summary, ==, "0 strength sessions this week, fewer than the 2 advised");

    /* A session today (Saturday): only Sunday is left for the second. */
    add_strength (journal, MONDAY + 5, 7, 20);
    check = evaluate (journal, MONDAY, MONDAY + 5, NULL, "strength", &checks);
    assert_state (check, STRIDE_RISK_OK);
    check = evaluate (journal, MONDAY, MONDAY + 5, &t, "strength", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
  }

  /* Taper: a race within 14 days after E. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY - 40, 10);
    add_race (journal, SUNDAY + 14, "Winter 10K");
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "strength", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpfloat (check->value, ==, 0);
    g_assert_cmpstr (check->summary, ==, "Taper: one short maintenance session is enough (race on 13 Dec 2026)");
  }
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY - 40, 10);
    add_race (journal, SUNDAY + 15, "Winter 10K");
    add_race (journal, MONDAY - 3, "Last race");
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "strength", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    /* As of Wednesday the race is 18 days away. */
    check = evaluate (journal, MONDAY, MONDAY + 2, NULL, "strength", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "0 strength sessions so far of the 2 advised: still time this week");
  }
}

/* spacing */

static void
test_spacing (void)
{
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  /* Run 8:00–9:00; strength at 15:00 is exactly 6 h after: fine. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, MONDAY + 1, 8, 60, 10, 4, 0);
    add_strength (journal, MONDAY + 1, 15, 30);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "spacing", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpfloat (check->value, ==, 0);
    g_assert_cmpfloat (check->threshold, ==, 0);
    g_assert_cmpstr (check->summary, ==, "1 strength session, well spaced from the runs");
  }
  /* At 14:30: 5.5 h after. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, MONDAY + 1, 8, 60, 10, 4, 0);
    add_strength (journal, MONDAY + 1, 14.5, 30);
    /* A run after the session the same day is not this rule. */
    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, MONDAY + 1, 18, 30, 5, 4, 0);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "spacing", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat (check->value, ==, 1);
    g_assert_cmpstr (check->summary, ==,
                     "Strength on Tue 24 Nov started 5.5 h after a run (advised: at least 6 h)");
  }
  /* Strength 18:00–19:00, intervals next day 8:00 (13 h) and an easy run
   * (not key) at 7:00; a long run 19:00 the day after (exactly 24 h). */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_strength (journal, MONDAY + 2, 18, 60);
    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, MONDAY + 3, 7, 30, 5, 3, 0);
    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_INTERVALS, MONDAY + 3, 8, 50, 10, 8, 0);
    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_LONG, MONDAY + 3, 19, 120, 20, 5, 0);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "spacing", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat (check->value, ==, 1);
    g_assert_cmpstr (check->summary, ==,
                     "Strength on Wed 25 Nov ended 13 h before a key run (advised: at least 24 h)");
  }
  /* Both rules, and the key run in next week's Monday. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, SUNDAY, 8, 60, 10, 4, 0);
    add_strength (journal, SUNDAY, 10, 60);
    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_TEMPO, SUNDAY + 1, 9, 40, 8, 7, 0);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "spacing", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat (check->value, ==, 2);
    g_assert_cmpstr (check->summary, ==,
                     "Strength on Sun 29 Nov started 1 h after a run (advised: at least 6 h), and 1 more");
    /* As of Monday next week the key run also exists; on Sunday it does not. */
  }
  /* No strength at all. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY + 1, 10);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "spacing", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "No strength sessions this week");
  }
}

/* pain */

static void
test_pain (void)
{
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, MONDAY - 20, 10);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "No pain logged");
    g_assert_false (check->from_user);

    add_pain (journal, MONDAY + 1, "knee", STRIDE_SIDE_LEFT, 2);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "1 mild pain entry this week");

    add_pain (journal, MONDAY + 3, "knee", STRIDE_SIDE_RIGHT, 2);
    add_pain (journal, MONDAY + 4, "knee", STRIDE_SIDE_LEFT, 1);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "3 mild pain entries this week");

    /* Third day for the left knee (two entries on one day count once). */
    add_pain (journal, MONDAY + 4, "knee", STRIDE_SIDE_LEFT, 1);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_OK);
    add_pain (journal, MONDAY + 5, "knee", STRIDE_SIDE_LEFT, 1);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_cmpstr (check->summary, ==, "Pain in the same spot (left knee) on 3 days in 7 days");
    g_assert_nonnull (strstr (check->explanation, "physiotherapist"));

    /* Severity at the threshold. */
    add_pain (journal, MONDAY + 6, "shin", STRIDE_SIDE_BOTH, 3);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_cmpfloat (check->value, ==, 3);
    g_assert_cmpfloat (check->threshold, ==, 3);
    g_assert_cmpstr (check->summary, ==, "Pain 3/10 in shin on Sun 29 Nov");
    /* Not yet on Saturday. */
    check = evaluate (journal, MONDAY, MONDAY + 5, NULL, "pain", &checks);
    g_assert_cmpstr (check->summary, ==, "Pain in the same spot (left knee) on 3 days in 7 days");
  }

  /* The same spot across the week boundary: 7 days ending E. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_pain (journal, MONDAY - 2, "achilles", STRIDE_SIDE_RIGHT, 2);
    add_pain (journal, MONDAY - 1, "achilles", STRIDE_SIDE_RIGHT, 2);
    add_pain (journal, MONDAY, "achilles", STRIDE_SIDE_RIGHT, 2);
    check = evaluate (journal, MONDAY, MONDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_cmpstr (check->summary, ==, "Pain in the same spot (right achilles) on 3 days in 7 days");
    /* On Sunday the first two are more than 7 days back. */
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_OK);
  }

  /* A severity of 2 is mild with the default 3, severe with 2. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
    StrideRiskThresholds t = defaults;

    add_pain (journal, MONDAY + 1, "hip", STRIDE_SIDE_LEFT, 2);
    assert_state (evaluate (journal, MONDAY, SUNDAY, NULL, "pain", &checks), STRIDE_RISK_OK);
    t.pain_severity = 2;
    assert_state (evaluate (journal, MONDAY, SUNDAY, &t, "pain", &checks), STRIDE_RISK_WARNING);
  }

  /* The user's answer. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_answer (journal, "2026-W48", "pain", "no", "all good");
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->note, ==, "all good");
    add_answer (journal, "2026-W48", "pain", "yes", "sore calf");
    add_answer (journal, "2026-W47", "pain", "no", NULL);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_false (check->from_user);
    g_assert_cmpstr (check->note, ==, "sore calf");
    g_assert_cmpstr (check->summary, ==, "You said you had pain this week");
    check = evaluate (journal, MONDAY - 7, SUNDAY, NULL, "pain", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_null (check->note);
  }
}

/* hq and lsi, through stride-balance.c */

static void
add_measurement (StrideRiskJournal *journal,
                 guint32            day,
                 const char        *test,
                 const char        *method,
                 StrideSide         side,
                 double             value,
                 const char        *unit)
{
  StrideMeasurement m = { 0 };

  m.date = day;
  m.test = (char *) test;
  m.method = (char *) method;
  m.side = side;
  m.value = value;
  m.unit = (char *) unit;
  stride_risk_journal_add_measurement (journal, &m);
}

/* Left-leg H:Q @ratio at isokinetic 60°/s (target 0.61, flag 0.47). */
static void
add_hq (StrideRiskJournal *journal,
        guint32            day,
        StrideSide         leg,
        double             ratio)
{
  add_measurement (journal, day, STRIDE_TEST_KNEE_FLEXION, STRIDE_METHOD_ISOKINETIC_60, leg,
                   ratio * 200, "N·m");
  add_measurement (journal, day, STRIDE_TEST_KNEE_EXTENSION, STRIDE_METHOD_ISOKINETIC_60, leg,
                   200, "N·m");
}

static void
test_hq (void)
{
  guint32 test_day = jd (2026, 11, 12);
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    check = evaluate (journal, MONDAY, SUNDAY, NULL, "hq", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "No hamstring and quadriceps tests yet");
    g_assert_cmpint (check->evidence, ==, STRIDE_EVIDENCE_CONTESTED);
    g_assert_nonnull (strstr (check->explanation, "Kellis 2023"));

    /* Between flag and target: watch. The right leg is fine. */
    add_hq (journal, test_day, STRIDE_SIDE_LEFT, 0.52);
    add_hq (journal, test_day, STRIDE_SIDE_RIGHT, 0.65);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "hq", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat_with_epsilon (check->value, 0.52, 1e-12);
    g_assert_cmpfloat (check->threshold, ==, 0.47);
    g_assert_cmpstr (check->summary, ==,
                     "Left leg H:Q 0.52 (isokinetic 60°/s, 12 Nov 2026), below the 0.61 target");

    /* A test after E does not count yet. */
    add_hq (journal, SUNDAY + 1, STRIDE_SIDE_LEFT, 0.70);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "hq", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    check = evaluate (journal, MONDAY + 7, SUNDAY + 7, NULL, "hq", &checks);
    assert_state (check, STRIDE_RISK_OK);
    /* Both legs OK: the lower ratio is shown. */
    g_assert_cmpstr (check->summary, ==,
                     "Right leg H:Q 0.65 (isokinetic 60°/s, 12 Nov 2026), at or above the 0.61 target");
    /* Before the first test. */
    check = evaluate (journal, MONDAY - 21, SUNDAY, NULL, "hq", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
  }

  /* Next to the target, a third decimal shows which side of it a ratio
   * is on; exactly at it, two do. */
  {
    static const struct {
      double      ratio;
      const char *summary;
    } cases[] = {
      { 0.605, "Left leg H:Q 0.605 (isokinetic 60°/s, 12 Nov 2026), below the 0.61 target" },
      { 0.612, "Left leg H:Q 0.612 (isokinetic 60°/s, 12 Nov 2026), at or above the 0.61 target" },
      { 0.61, "Left leg H:Q 0.61 (isokinetic 60°/s, 12 Nov 2026), at or above the 0.61 target" },
      { 0.62, "Left leg H:Q 0.62 (isokinetic 60°/s, 12 Nov 2026), at or above the 0.61 target" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

        add_hq (journal, test_day, STRIDE_SIDE_LEFT, cases[i].ratio);
        add_hq (journal, test_day, STRIDE_SIDE_RIGHT, 0.66);
        check = evaluate (journal, MONDAY, SUNDAY, NULL, "hq", &checks);
        g_assert_cmpstr (check->summary, ==, cases[i].summary);
      }
  }

  /* Below the flag: one test is a caution, two in a row a warning. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_hq (journal, test_day - 30, STRIDE_SIDE_RIGHT, 0.48);
    add_hq (journal, test_day, STRIDE_SIDE_RIGHT, 0.46);
    check = evaluate (journal, MONDAY - 35, SUNDAY, NULL, "hq", &checks);   /* W43: first test only */
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpstr (check->summary, ==,
                     "Right leg H:Q 0.48 (isokinetic 60°/s, 13 Oct 2026), below the 0.61 target");
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "hq", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpstr (check->summary, ==,
                     "Right leg H:Q 0.46 (isokinetic 60°/s, 12 Nov 2026), "
                     "below the 0.47 flag in one test: test again to confirm");

    add_hq (journal, test_day + 7, STRIDE_SIDE_RIGHT, 0.45);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "hq", &checks);
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_cmpfloat_with_epsilon (check->value, 0.45, 1e-12);
    g_assert_cmpstr (check->summary, ==,
                     "Right leg H:Q 0.45 (isokinetic 60°/s, 19 Nov 2026), below the 0.47 flag");
  }

  /* A single 1RM test has no band: not enough data. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_measurement (journal, test_day, STRIDE_TEST_LEG_CURL_1RM, STRIDE_METHOD_1RM,
                     STRIDE_SIDE_LEFT, 40, "kg");
    add_measurement (journal, test_day, STRIDE_TEST_LEG_EXTENSION_1RM, STRIDE_METHOD_1RM,
                     STRIDE_SIDE_LEFT, 80, "kg");
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "hq", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "One 1RM test so far: test again to compare with it");

    add_measurement (journal, test_day + 7, STRIDE_TEST_LEG_CURL_1RM, STRIDE_METHOD_1RM,
                     STRIDE_SIDE_LEFT, 42, "kg");
    add_measurement (journal, test_day + 7, STRIDE_TEST_LEG_EXTENSION_1RM, STRIDE_METHOD_1RM,
                     STRIDE_SIDE_LEFT, 80, "kg");
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "hq", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_true (isnan (check->threshold));
    g_assert_cmpstr (check->summary, ==,
                     "Left leg H:Q 0.53 (machine 1RM, 19 Nov 2026), 105 % of your first test (0.50)");
  }
}

static void
add_lsi (StrideRiskJournal *journal,
         guint32            day,
         const char        *test,
         const char        *method,
         double             lsi)
{
  const char *unit = g_str_has_prefix (test, "exercise:") ? "kg" : "cm";

  add_measurement (journal, day, test, method, STRIDE_SIDE_LEFT, lsi, unit);
  add_measurement (journal, day, test, method, STRIDE_SIDE_RIGHT, 100, unit);
}

static void
test_lsi (void)
{
  guint32 test_day = jd (2026, 11, 12);
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    check = evaluate (journal, MONDAY, SUNDAY, NULL, "lsi", &checks);
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "No left/right tests yet");

    /* One test below 85 %: watch only (noise rule). */
    add_lsi (journal, test_day - 21, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, 84);
    check = evaluate (journal, MONDAY - 14, SUNDAY, NULL, "lsi", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat (check->value, ==, 84);
    g_assert_cmpfloat (check->threshold, ==, 90);
    g_assert_cmpstr (check->summary, ==,
                     "LSI 84 % in single-leg hop (field test, 22 Oct 2026; left weaker), "
                     "below 85 % in one test: test again to confirm");

    /* Two in a row: warning. */
    add_lsi (journal, test_day, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, 82.5);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "lsi", &checks);
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_cmpfloat (check->value, ==, 82.5);
    g_assert_cmpstr (check->summary, ==,
                     "LSI 82.5 % in single-leg hop (field test, 12 Nov 2026; left weaker), "
                     "below 85 % in the last two tests");

    /* Back to 88: watch; 90 exactly: OK. */
    add_lsi (journal, test_day + 7, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, 88);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "lsi", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpstr (check->summary, ==,
                     "LSI 88 % in single-leg hop (field test, 19 Nov 2026; left weaker), below the 90 % target");
    add_lsi (journal, test_day + 8, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, 90);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "lsi", &checks);
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==,
                     "LSI 90 % in single-leg hop (field test, 20 Nov 2026; left weaker), at or above the 90 % target");

    /* The worst line wins; exercise keys read as words. */
    add_lsi (journal, test_day + 9, "exercise:split-squat", STRIDE_METHOD_E1RM, 86);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "lsi", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpstr (check->summary, ==,
                     "LSI 86 % in split squat (estimated 1RM, 21 Nov 2026; left weaker), below the 90 % target");
  }

  /* Other thresholds: re-classified with the same noise rule. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
    StrideRiskThresholds t = defaults;

    t.lsi_watch_percent = 95;
    t.lsi_warning_percent = 90;
    add_lsi (journal, test_day - 7, STRIDE_TEST_CALF_RAISES, STRIDE_METHOD_FIELD, 88);
    check = evaluate (journal, MONDAY - 7, SUNDAY - 7, &t, "lsi", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat (check->threshold, ==, 95);
    g_assert_cmpstr (check->summary, ==,
                     "LSI 88 % in single-leg calf raises (field test, 5 Nov 2026; left weaker), "
                     "below 90 % in one test: test again to confirm");

    add_lsi (journal, test_day, STRIDE_TEST_CALF_RAISES, STRIDE_METHOD_FIELD, 87);
    check = evaluate (journal, MONDAY, SUNDAY, NULL, "lsi", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);   /* defaults: 85–90 is watch */
    check = evaluate (journal, MONDAY, SUNDAY, &t, "lsi", &checks);
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_cmpstr (check->summary, ==,
                     "LSI 87 % in single-leg calf raises (field test, 12 Nov 2026; left weaker), "
                     "below 90 % in the last two tests");

    /* 93 (watch band) then 80: a drop of 14 % is within a field test's
     * 20 % noise (watch), but not within an e1RM's 10 % (warning). */
    t.lsi_watch_percent = 95;
    add_lsi (journal, test_day - 7, "exercise:step-up", STRIDE_METHOD_E1RM, 95);
    add_lsi (journal, test_day, "exercise:step-up", STRIDE_METHOD_E1RM, 80);
    add_lsi (journal, test_day - 7, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, 93);
    add_lsi (journal, test_day, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, 80);
    check = evaluate (journal, MONDAY, SUNDAY, &t, "lsi", &checks);
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_cmpfloat (check->value, ==, 80);
    g_assert_cmpstr (check->summary, ==,
                     "LSI 80 % in step up (estimated 1RM, 12 Nov 2026; left weaker), "
                     "below 90 % and down from 95 %");
  }
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
    StrideRiskThresholds t = defaults;

    t.lsi_watch_percent = 95;
    t.lsi_warning_percent = 90;
    add_lsi (journal, test_day - 7, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, 93);
    add_lsi (journal, test_day, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, 80);
    check = evaluate (journal, MONDAY, SUNDAY, &t, "lsi", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpstr (check->summary, ==,
                     "LSI 80 % in single-leg hop (field test, 12 Nov 2026; left weaker), "
                     "below 90 % in one test: test again to confirm");
  }

  /* The return checklist reads the same summaries, as of today. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_pain (journal, SUNDAY - 20, "knee", STRIDE_SIDE_LEFT, 5);
    add_lsi (journal, test_day, STRIDE_TEST_HOP, STRIDE_METHOD_FIELD, 92);
    g_clear_pointer (&checks, g_array_unref);
    checks = stride_risk_evaluate_return (journal, SUNDAY, &defaults, STRIDE_UNITS_METRIC);
    check = find_check (checks, "return-lsi");
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->title, ==, "Symmetry before returning");
    g_assert_cmpstr (check->summary, ==,
                     "LSI 92 % in single-leg hop (field test, 12 Nov 2026; left weaker), at or above the 90 % target");
    g_assert_nonnull (strstr (check->explanation, "Grindem"));
  }
}

/* The checks read only the first and latest two tests of each line; the
 * result must be what the summaries of all tests up to E give. */
static void
expected_worst (GArray          *summaries,
                StrideRiskState *state,
                double          *value)
{
  const StrideRiskState to_risk[] = {
    [STRIDE_BALANCE_NOT_ENOUGH_DATA] = STRIDE_RISK_NOT_ENOUGH_DATA,
    [STRIDE_BALANCE_OK] = STRIDE_RISK_OK,
    [STRIDE_BALANCE_WATCH] = STRIDE_RISK_CAUTION,
    [STRIDE_BALANCE_IMBALANCE] = STRIDE_RISK_WARNING,
  };

  *state = STRIDE_RISK_NOT_ENOUGH_DATA;
  *value = NAN;
  for (guint i = 0; i < summaries->len; i++)
    {
      const StrideBalanceSummary *summary = &g_array_index (summaries, StrideBalanceSummary, i);
      StrideRiskState s = to_risk[summary->state];

      if (s == STRIDE_RISK_NOT_ENOUGH_DATA)
        continue;
      if (s > *state || (s == *state && summary->latest < *value))
        {
          *state = s;
          *value = summary->latest;
        }
    }
}

static void
test_balance_history (void)
{
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) all = g_array_new (FALSE, TRUE, sizeof (StrideMeasurement));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint32 first = jd (2025, 1, 6);
  guint n_weeks = 100;
  guint seen[STRIDE_N_RISK_STATES] = { 0 };

  /* Tests every 4–12 days: hops, calf raises and an e1RM line (LSI),
   * and H:Q at 60°/s and by 1RM, values near the bands. */
  for (guint32 day = first; day < first + 7 * n_weeks; day += g_rand_int_range (rand, 4, 13))
    {
      const char *tests[] = { STRIDE_TEST_HOP, STRIDE_TEST_CALF_RAISES, "exercise:split-squat" };
      const char *methods[] = { STRIDE_METHOD_FIELD, STRIDE_METHOD_FIELD, STRIDE_METHOD_E1RM };
      StrideMeasurement m[12] = { { 0 } };
      guint n = 0;

      for (guint t = 0; t < 3; t++)
        {
          if (g_rand_boolean (rand))
            continue;
          m[n++] = (StrideMeasurement) { 0, day, (char *) tests[t], (char *) methods[t], STRIDE_SIDE_LEFT,
                                          g_rand_double_range (rand, 75, 100), (char *) "cm", NULL };
          m[n++] = (StrideMeasurement) { 0, day, (char *) tests[t], (char *) methods[t], STRIDE_SIDE_RIGHT,
                                          100, (char *) "cm", NULL };
        }
      for (StrideSide leg = STRIDE_SIDE_LEFT; leg <= STRIDE_SIDE_RIGHT; leg++)
        {
          gboolean by_1rm = g_rand_boolean (rand);

          m[n++] = (StrideMeasurement) { 0, day,
                                          (char *) (by_1rm ? STRIDE_TEST_LEG_CURL_1RM : STRIDE_TEST_KNEE_FLEXION),
                                          (char *) (by_1rm ? STRIDE_METHOD_1RM : STRIDE_METHOD_ISOKINETIC_60),
                                          leg, g_rand_double_range (rand, 85, 130), (char *) "kg", NULL };
          m[n++] = (StrideMeasurement) { 0, day,
                                          (char *) (by_1rm ? STRIDE_TEST_LEG_EXTENSION_1RM : STRIDE_TEST_KNEE_EXTENSION),
                                          (char *) (by_1rm ? STRIDE_METHOD_1RM : STRIDE_METHOD_ISOKINETIC_60),
                                          leg, 200, (char *) "kg", NULL };
        }
      for (guint i = 0; i < n; i++)
        stride_risk_journal_add_measurement (journal, &m[i]);
      g_array_append_vals (all, m, n);
    }

  /* From the week before the first test. */
  for (guint w = 0; w < n_weeks + 2; w++)
    {
      guint32 monday = first - 7 + 7 * w;
      g_autoptr(GArray) checks = stride_risk_evaluate_week (journal, monday, monday + 6, &defaults,
                                                            STRIDE_UNITS_METRIC);
      guint n = 0;

      while (n < all->len && g_array_index (all, StrideMeasurement, n).date <= monday + 6)
        n++;

      {
        const StrideMeasurement *data = (const StrideMeasurement *) (gconstpointer) all->data;
        g_autoptr(GArray) hq_series = stride_balance_hq_series (data, n);
        g_autoptr(GArray) hq = stride_balance_hq_summaries (hq_series);
        g_autoptr(GArray) lsi_series = stride_balance_lsi_series (data, n);
        g_autoptr(GArray) lsi = stride_balance_lsi_summaries (lsi_series);
        const StrideRiskCheck *check;
        StrideRiskState state;
        double value;

        expected_worst (hq, &state, &value);
        check = find_check (checks, "hq");
        assert_state (check, state);
        g_assert_true ((isnan (value) && isnan (check->value)) || value == check->value);
        seen[state]++;

        expected_worst (lsi, &state, &value);
        check = find_check (checks, "lsi");
        assert_state (check, state);
        g_assert_true ((isnan (value) && isnan (check->value)) || value == check->value);
        seen[state]++;
      }
    }

  for (guint i = 0; i < STRIDE_N_RISK_STATES; i++)
    {
      g_test_message ("%s: %u", stride_risk_state_to_id (i), seen[i]);
      g_assert_cmpuint (seen[i], >, 0);
    }
}

/* sleep, soreness, illness */

static void
test_user_items (void)
{
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  add_run (journal, MONDAY - 40, 10);
  add_answer (journal, "2026-W48", "sleep", "yes", "new baby");
  add_answer (journal, "2026-W48", "soreness", "no", NULL);
  add_answer (journal, "2026-W48", "illness", "yes", "flu");
  add_answer (journal, "2026-W47", "soreness", "yes", NULL);

  checks = stride_risk_evaluate_week (journal, MONDAY, SUNDAY, &defaults, STRIDE_UNITS_METRIC);
  check = find_check (checks, "sleep");
  assert_state (check, STRIDE_RISK_CAUTION);
  g_assert_true (check->from_user);
  g_assert_cmpint (check->evidence, ==, STRIDE_EVIDENCE_SELF_REPORT);
  g_assert_cmpstr (check->note, ==, "new baby");
  g_assert_cmpstr (check->summary, ==, "You slept poorly this week");
  check = find_check (checks, "soreness");
  assert_state (check, STRIDE_RISK_OK);
  g_assert_null (check->note);
  g_assert_cmpstr (check->summary, ==, "No unusual soreness this week");
  check = find_check (checks, "illness");
  assert_state (check, STRIDE_RISK_WARNING);
  g_assert_cmpstr (check->note, ==, "flu");

  /* The automatic checks alone: the strength caution is the worst. */
  g_assert_cmpint (stride_risk_checks_worst (checks, TRUE), ==, STRIDE_RISK_WARNING);
  g_assert_cmpint (stride_risk_checks_worst (checks, FALSE), ==, STRIDE_RISK_CAUTION);

  check = evaluate (journal, MONDAY + 7, SUNDAY + 7, NULL, "illness", &checks);
  assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
  g_assert_cmpstr (check->summary, ==, "Not answered");
  check = find_check (checks, "soreness");
  assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
  check = evaluate (journal, MONDAY - 7, SUNDAY, NULL, "soreness", &checks);
  assert_state (check, STRIDE_RISK_CAUTION);
}

static void
test_worst (void)
{
  g_autoptr(GArray) empty = g_array_new (FALSE, TRUE, sizeof (StrideRiskCheck));
  StrideRiskCheck user = { 0 };

  g_assert_cmpint (stride_risk_checks_worst (empty, TRUE), ==, STRIDE_RISK_NOT_ENOUGH_DATA);
  user.state = STRIDE_RISK_WARNING;
  user.from_user = TRUE;
  g_array_append_val (empty, user);
  g_assert_cmpint (stride_risk_checks_worst (empty, FALSE), ==, STRIDE_RISK_NOT_ENOUGH_DATA);
  g_assert_cmpint (stride_risk_checks_worst (empty, TRUE), ==, STRIDE_RISK_WARNING);
}

/* shoes */

static void
add_shoe (StrideRiskJournal *journal,
          gint64             id,
          const char        *name,
          guint32            start,
          guint32            retired,
          double             limit_km)
{
  StrideShoe shoe = { 0 };

  shoe.id = id;
  shoe.name = (char *) name;
  shoe.start_date = start;
  shoe.retired_date = retired;
  shoe.limit_km = limit_km;
  shoe.distance_m = 1e9;   /* ignored */
  stride_risk_journal_add_shoe (journal, &shoe);
}

static void
test_shoes (void)
{
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  check = evaluate (journal, MONDAY, SUNDAY, NULL, "shoes", &checks);
  assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
  g_assert_cmpstr (check->summary, ==, "No shoes in use");

  /* Shoe 1: 700 km up to Wednesday (at the limit), 1 more on Friday. */
  add_shoe (journal, 1, "Pegasus", MONDAY - 200, 0, 0);
  for (guint i = 0; i < 70; i++)
    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, MONDAY - 138 + 2 * i, 8,
                  60, 10, 4, 1);
  check = evaluate (journal, MONDAY, MONDAY + 3, NULL, "shoes", &checks);
  assert_state (check, STRIDE_RISK_OK);
  g_assert_cmpfloat_with_epsilon (check->value, 700, 1e-9);
  g_assert_cmpfloat (check->threshold, ==, 700);
  g_assert_cmpstr (check->summary, ==, "“Pegasus” has 700.0 km of its 700.0 km limit");

  add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, MONDAY + 4, 8, 6, 1, 4, 1);
  check = evaluate (journal, MONDAY, MONDAY + 3, NULL, "shoes", &checks);
  assert_state (check, STRIDE_RISK_OK);
  check = evaluate (journal, MONDAY, SUNDAY, NULL, "shoes", &checks);
  assert_state (check, STRIDE_RISK_CAUTION);
  g_assert_cmpfloat_with_epsilon (check->value, 701, 1e-9);
  g_assert_cmpstr (check->summary, ==, "“Pegasus” has 701.0 km, over its 700.0 km limit");

  /* Retired on Sunday: no longer counted. */
  {
    g_autoptr(StrideRiskJournal) j2 = stride_risk_journal_new ();

    add_shoe (j2, 1, "Old", 0, SUNDAY, 0);
    add_shoe (j2, 2, "Trail", 0, 0, 500);
    add_shoe (j2, 3, "Spikes", SUNDAY + 1, 0, 0);   /* not started yet */
    for (guint i = 0; i < 80; i++)
      {
        add_activity (j2, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, MONDAY - 170 + 2 * i, 8, 60, 10, 4, 1);
        add_activity (j2, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, MONDAY - 169 + 2 * i, 8, 60,
                      i < 50 ? 10 : 0.5, 4, 2);
      }
    /* Trail: 50 × 10 + 30 × 0.5 = 515 km, over its own 500 km limit. */
    check = evaluate (j2, MONDAY, SUNDAY, NULL, "shoes", &checks);
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpfloat_with_epsilon (check->value, 515, 1e-9);
    g_assert_cmpfloat (check->threshold, ==, 500);
    g_assert_cmpstr (check->summary, ==, "“Trail” has 515.0 km, over its 500.0 km limit");
    /* On Saturday the old pair (800 km) is still in use: two over. */
    check = evaluate (j2, MONDAY, MONDAY + 5, NULL, "shoes", &checks);
    g_assert_cmpfloat_with_epsilon (check->value, 800, 1e-9);
    g_assert_cmpstr (check->summary, ==, "“Old” has 800.0 km, over its 700.0 km limit (and 1 more pair)");
  }
}

/* Journal shapes */

static void
test_first_week (void)
{
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) checks = NULL;

  add_run (journal, MONDAY, 5);
  add_strength (journal, MONDAY + 1, 18, 20);
  add_run (journal, MONDAY + 2, 6);
  add_strength (journal, MONDAY + 3, 18, 20);
  add_run (journal, MONDAY + 5, 10);

  checks = stride_risk_evaluate_week (journal, MONDAY, SUNDAY, &defaults, STRIDE_UNITS_METRIC);
  assert_state (find_check (checks, "spike"), STRIDE_RISK_NOT_ENOUGH_DATA);
  assert_state (find_check (checks, "acwr"), STRIDE_RISK_NOT_ENOUGH_DATA);
  assert_state (find_check (checks, "ramp"), STRIDE_RISK_NOT_ENOUGH_DATA);
  assert_state (find_check (checks, "monotony"), STRIDE_RISK_OK);
  assert_state (find_check (checks, "strength"), STRIDE_RISK_OK);
  assert_state (find_check (checks, "spacing"), STRIDE_RISK_OK);
  assert_state (find_check (checks, "hq"), STRIDE_RISK_NOT_ENOUGH_DATA);
  assert_state (find_check (checks, "lsi"), STRIDE_RISK_NOT_ENOUGH_DATA);
  assert_state (find_check (checks, "pain"), STRIDE_RISK_OK);
  assert_state (find_check (checks, "shoes"), STRIDE_RISK_NOT_ENOUGH_DATA);
  g_assert_cmpint (stride_risk_checks_worst (checks, FALSE), ==, STRIDE_RISK_OK);

  /* Mid-week: monotony needs 7 days. */
  g_array_unref (g_steal_pointer (&checks));
  checks = stride_risk_evaluate_week (journal, MONDAY, MONDAY + 4, &defaults, STRIDE_UNITS_METRIC);
  assert_state (find_check (checks, "monotony"), STRIDE_RISK_NOT_ENOUGH_DATA);
}

static void
test_only_strength_only_runs (void)
{
  g_autoptr(GArray) checks = NULL;

  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    for (guint i = 0; i < 60; i += 3)
      add_strength (journal, MONDAY - 53 + i, 18, 30);
    checks = stride_risk_evaluate_week (journal, MONDAY, SUNDAY, &defaults, STRIDE_UNITS_METRIC);
    assert_state (find_check (checks, "spike"), STRIDE_RISK_OK);
    g_assert_cmpstr (find_check (checks, "spike")->summary, ==, "No runs this week");
    assert_state (find_check (checks, "ramp"), STRIDE_RISK_NOT_ENOUGH_DATA);
    /* Loads every third day, the last on Friday: the acute curve dips. */
    assert_state (find_check (checks, "acwr"), STRIDE_RISK_CAUTION);
    g_assert_cmpstr (find_check (checks, "acwr")->summary, ==, "Acute load 36 vs chronic 48 a day: ratio 0.76");
    assert_state (find_check (checks, "strength"), STRIDE_RISK_OK);
    g_assert_cmpfloat (find_check (checks, "strength")->value, ==, 2);
    assert_state (find_check (checks, "spacing"), STRIDE_RISK_OK);
    g_assert_cmpstr (find_check (checks, "spacing")->summary, ==,
                     "2 strength sessions, well spaced from the runs");
  }
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    for (guint i = 0; i < 60; i++)
      add_run (journal, MONDAY - 53 + i, 8);
    g_clear_pointer (&checks, g_array_unref);
    checks = stride_risk_evaluate_week (journal, MONDAY, SUNDAY, &defaults, STRIDE_UNITS_METRIC);
    assert_state (find_check (checks, "spike"), STRIDE_RISK_OK);
    g_assert_cmpfloat (find_check (checks, "spike")->value, ==, 100);
    assert_state (find_check (checks, "ramp"), STRIDE_RISK_OK);
    assert_state (find_check (checks, "strength"), STRIDE_RISK_CAUTION);
    g_assert_cmpstr (find_check (checks, "spacing")->summary, ==, "No strength sessions this week");
    g_assert_false (find_check (checks, "acwr")->estimated);
  }
}

/* Runs without RPE: loads estimated by run type, and said so. */
static void
test_estimated_loads (void)
{
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) checks = NULL;

  for (guint i = 0; i < 40; i++)
    add_activity (journal, STRIDE_SPORT_RUN, STRIDE_RUN_TYPE_EASY, MONDAY - 33 + i, 8, 60, 10,
                  i == 10 ? 0 : 4, 0);

  /* Day 10 (MONDAY − 23) is within E − 27..E for E = Sunday before … */
  checks = stride_risk_evaluate_week (journal, MONDAY - 7, SUNDAY - 7, &defaults, STRIDE_UNITS_METRIC);
  g_assert_true (find_check (checks, "acwr")->estimated);
  g_assert_false (find_check (checks, "monotony")->estimated);
  g_array_unref (g_steal_pointer (&checks));
  /* … and not for E = this Sunday (E − 27 = MONDAY − 21). */
  checks = stride_risk_evaluate_week (journal, MONDAY, SUNDAY, &defaults, STRIDE_UNITS_METRIC);
  g_assert_false (find_check (checks, "acwr")->estimated);
}

/* The local day counts: 23:30 UTC at UTC+1 is the next day. */
static void
test_time_zones (void)
{
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) checks = NULL;
  StrideRiskActivity a = { 0 };
  const StrideRiskCheck *check;

  add_run (journal, MONDAY - 40, 10);
  add_run (journal, MONDAY - 10, 10);

  /* Sunday 29 Nov, 23:30 UTC = Monday 30 Nov, 00:30 at UTC+1. */
  a.start_utc = local_time (SUNDAY, 23.5, 0);
  a.tz_offset_s = 3600;
  a.sport = STRIDE_SPORT_RUN;
  a.run_type = STRIDE_RUN_TYPE_EASY;
  a.duration_s = 7200;
  a.distance_m = 20000;
  a.rpe = 5;
  stride_risk_journal_add_activity (journal, &a);

  /* Monday 23 Nov, 01:00 UTC = Sunday 22 Nov, 20:00 at UTC−5. */
  a.start_utc = local_time (MONDAY, 1, 0);
  a.tz_offset_s = -5 * 3600;
  a.distance_m = 11500;
  stride_risk_journal_add_activity (journal, &a);

  check = evaluate (journal, MONDAY, SUNDAY + 7, NULL, "spike", &checks);
  assert_state (check, STRIDE_RISK_OK);
  g_assert_cmpstr (check->summary, ==, "No runs this week");

  check = evaluate (journal, MONDAY + 7, SUNDAY + 7, NULL, "spike", &checks);
  assert_state (check, STRIDE_RISK_WARNING);
  g_assert_cmpfloat_with_epsilon (check->value, 20000.0 / 11500 * 100, 1e-9);
  g_assert_cmpstr (check->summary, ==,
                   "Longest run 20.0 km = 174 % of your longest in the previous 30 days (11.5 km)");

  check = evaluate (journal, MONDAY - 7, SUNDAY + 7, NULL, "spike", &checks);
  assert_state (check, STRIDE_RISK_CAUTION);
  g_assert_cmpfloat (check->value, ==, 115);
}

/* 2026-W53 (28 Dec 2026 – 3 Jan 2027) is a full week across the year. */
static void
test_week_53 (void)
{
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) checks = NULL;
  guint32 monday = 0;
  const StrideRiskCheck *check;

  g_assert_true (stride_iso_week_parse ("2026-W53", &monday, NULL));
  add_run (journal, monday - 40, 10);
  add_run (journal, monday - 14, 10);
  add_run (journal, monday + 1, 6);     /* 29 Dec 2026 */
  add_run (journal, monday + 5, 12);    /* 2 Jan 2027 */
  add_answer (journal, "2026-W53", "sleep", "yes", NULL);
  add_answer (journal, "2027-W01", "sleep", "no", NULL);

  check = evaluate (journal, monday, monday + 6, NULL, "spike", &checks);
  assert_state (check, STRIDE_RISK_CAUTION);
  g_assert_cmpfloat (check->value, ==, 120);
  check = find_check (checks, "ramp");
  g_assert_cmpstr (check->summary, ==, "18.0 km this week vs 10.0 km two weeks earlier: +80 %");
  assert_state (find_check (checks, "sleep"), STRIDE_RISK_CAUTION);

  check = evaluate (journal, monday + 7, monday + 13, NULL, "sleep", &checks);
  assert_state (check, STRIDE_RISK_OK);
}

/* Caching: evaluating every week of one journal gives what a fresh
 * journal gives for each week alone, and adding after an evaluation
 * invalidates the cache. */

static void
fill_synthetic (StrideRiskJournal *journal,
                guint32            first,
                guint              n_days,
                guint32            seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  add_shoe (journal, 1, "A", first, first + n_days / 2, 0);
  add_shoe (journal, 2, "B", first + n_days / 2 - 30, 0, 400);
  add_race (journal, first + n_days / 3, "Half");
  for (guint i = 0; i < n_days; i++)
    {
      guint32 day = first + i;
      double r = g_rand_double (rand);

      if (r < 0.6)
        add_activity (journal, STRIDE_SPORT_RUN, g_rand_int_range (rand, 0, STRIDE_N_RUN_TYPES),
                      day, g_rand_int_range (rand, 6, 20),
                      g_rand_int_range (rand, 20, 150), g_rand_double_range (rand, 3, 30),
                      g_rand_int_range (rand, 0, 11), day < first + n_days / 2 ? 1 : 2);
      if (r > 0.5 && r < 0.8)
        add_activity (journal, STRIDE_SPORT_STRENGTH, STRIDE_RUN_TYPE_NONE, day,
                      g_rand_int_range (rand, 6, 21), 30, 0, g_rand_int_range (rand, 0, 8), 0);
      if (r > 0.97)
        add_pain (journal, day, g_rand_boolean (rand) ? "knee" : "calf",
                  g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, 1, 6));
    }
}

static void
assert_same_checks (GArray *a,
                    GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const StrideRiskCheck *x = &g_array_index (a, StrideRiskCheck, i);
      const StrideRiskCheck *y = &g_array_index (b, StrideRiskCheck, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpint (x->state, ==, y->state);
      g_assert_true ((isnan (x->value) && isnan (y->value)) || x->value == y->value);
      g_assert_true ((isnan (x->threshold) && isnan (y->threshold)) || x->threshold == y->threshold);
      g_assert_cmpstr (x->summary, ==, y->summary);
      g_assert_cmpstr (x->explanation, ==, y->explanation);
      g_assert_cmpint (x->estimated, ==, y->estimated);
      g_assert_cmpstr (x->note, ==, y->note);
    }
}

static void
test_cache_consistency (void)
{
  guint32 first = jd (2024, 1, 3);
  guint n_days = 3 * 365;
  guint32 today = first + n_days - 10;
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  guint n_weeks = 0;
  guint counts[STRIDE_N_RISK_STATES] = { 0 };

  fill_synthetic (journal, first, n_days, 42);
  for (guint32 monday = stride_iso_week_monday (first); monday <= today + 7; monday += 7)
    {
      g_autoptr(GArray) all = stride_risk_evaluate_week (journal, monday, today, &defaults,
                                                         STRIDE_UNITS_METRIC);

      /* A fresh journal every 8th week (building one costs a full pass). */
      if (n_weeks++ % 8 == 0 || monday > today - 14)
        {
          g_autoptr(StrideRiskJournal) fresh = stride_risk_journal_new ();
          g_autoptr(GArray) alone = NULL;

          fill_synthetic (fresh, first, n_days, 42);
          alone = stride_risk_evaluate_week (fresh, monday, today, &defaults, STRIDE_UNITS_METRIC);
          assert_same_checks (all, alone);
        }
      for (guint i = 0; i < all->len; i++)
        counts[g_array_index (all, StrideRiskCheck, i).state]++;
    }

  /* The synthetic journal exercises every state. */
  for (guint i = 0; i < STRIDE_N_RISK_STATES; i++)
    g_assert_cmpuint (counts[i], >, 0);

  /* Evaluating weeks backwards gives the same as forwards. */
  {
    g_autoptr(GArray) a = stride_risk_evaluate_week (journal, stride_iso_week_monday (today), today,
                                                     &defaults, STRIDE_UNITS_METRIC);
    g_autoptr(GArray) b = NULL;

    g_array_unref (stride_risk_evaluate_week (journal, stride_iso_week_monday (first), today,
                                              &defaults, STRIDE_UNITS_METRIC));
    b = stride_risk_evaluate_week (journal, stride_iso_week_monday (today), today,
                                   &defaults, STRIDE_UNITS_METRIC);
    assert_same_checks (a, b);
  }
}

static void
test_cache_invalidation (void)
{
  g_autoptr(StrideRiskJournal) journal = spike_journal (11);
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  check = evaluate (journal, MONDAY, SUNDAY, NULL, "spike", &checks);
  assert_state (check, STRIDE_RISK_OK);
  /* A longer run added afterwards, and an earlier first day. */
  add_run (journal, MONDAY, 14);
  check = evaluate (journal, MONDAY, SUNDAY, NULL, "spike", &checks);
  assert_state (check, STRIDE_RISK_WARNING);
  g_assert_cmpfloat (check->value, ==, 140);
  add_run (journal, MONDAY - 25, 14);
  g_assert_cmpuint (stride_risk_journal_get_first_day (journal), ==, MONDAY - 40);
  check = evaluate (journal, MONDAY, SUNDAY, NULL, "spike", &checks);
  assert_state (check, STRIDE_RISK_OK);
  g_assert_cmpfloat (check->value, ==, 100);
  add_run (journal, MONDAY - 100, 1);
  g_assert_cmpuint (stride_risk_journal_get_first_day (journal), ==, MONDAY - 100);
  check = evaluate (journal, MONDAY, SUNDAY, NULL, "ramp", &checks);
  assert_state (check, STRIDE_RISK_CAUTION);
  g_assert_cmpstr (check->summary, ==, "25.0 km this week vs 8.0 km two weeks earlier: +213 %");
  /* A run in the week two earlier changes it again. */
  add_run (journal, MONDAY - 8, 12);
  check = evaluate (journal, MONDAY, SUNDAY, NULL, "ramp", &checks);
  assert_state (check, STRIDE_RISK_OK);
  g_assert_cmpstr (check->summary, ==, "25.0 km this week vs 20.0 km two weeks earlier: +25 %");
}

/* Race checklist */

static void
test_race (void)
{
  guint32 race_day = SUNDAY + 7;
  guint32 today = race_day - 1;
  g_autoptr(GArray) checks = NULL;
  StrideRace race = { 0 };
  const StrideRiskCheck *check;

  /* No race within 28 days. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_race (journal, today + 29, "Later");
    add_race (journal, today - 1, "Yesterday");
    g_assert_null (stride_risk_evaluate_race (journal, today, &defaults, STRIDE_UNITS_METRIC, &race));
    g_assert_null (race.name);
  }

  /* Baseline: 10 km a day on the 28 days before the taper (140 km per
   * 2 weeks); in the taper @taper_km a day. */
  {
    struct { double taper_km; StrideRiskState state; double cut; const char *summary; } cases[] = {
      { 5, STRIDE_RISK_OK, 50,
        "70.0 km in the last 14 days vs 140.0 km per 2 weeks before the taper: a cut of 50 %, as advised" },
      { 5.9, STRIDE_RISK_OK, 41,
        "82.6 km in the last 14 days vs 140.0 km per 2 weeks before the taper: a cut of 41 %, as advised" },
      { 6, STRIDE_RISK_CAUTION, 40,
        "84.0 km in the last 14 days vs 140.0 km per 2 weeks before the taper: a cut of 40 %, less than the advised 41–60 %" },
      { 4, STRIDE_RISK_OK, 60,
        "56.0 km in the last 14 days vs 140.0 km per 2 weeks before the taper: a cut of 60 %, as advised" },
      { 3.5, STRIDE_RISK_CAUTION, 65,
        "49.0 km in the last 14 days vs 140.0 km per 2 weeks before the taper: a cut of 65 %, more than the advised 41–60 %" },
    };

    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

        for (guint i = 0; i < 28; i++)
          add_run (journal, race_day - 42 + i, 10);
        for (guint i = 0; i < 14; i++)
          add_run (journal, race_day - 14 + i, cases[c].taper_km);
        add_race (journal, race_day, "Winter 10K");
        g_clear_pointer (&checks, g_array_unref);
        checks = stride_risk_evaluate_race (journal, today, &defaults, STRIDE_UNITS_METRIC, NULL);
        check = find_check (checks, "race-taper");
        assert_state (check, cases[c].state);
        assert_filled (check);
        g_assert_cmpfloat_with_epsilon (check->value, cases[c].cut, 1e-9);
        g_assert_cmpstr (check->summary, ==, cases[c].summary);
      }
  }

  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    for (guint i = 0; i < 42; i++)
      add_run (journal, race_day - 42 + i, i < 28 ? 10 : 5);
    add_race (journal, race_day, "Winter 10K");
    add_shoe (journal, 1, "Old pair", race_day - 300, 0, 0);
    add_strength (journal, race_day - 10, 18, 20);

    g_clear_pointer (&checks, g_array_unref);
    checks = stride_risk_evaluate_race (journal, today, &defaults, STRIDE_UNITS_METRIC, &race);
    g_assert_nonnull (checks);
    g_assert_cmpuint (checks->len, ==, 4);
    g_assert_cmpstr (g_array_index (checks, StrideRiskCheck, 0).id, ==, "race-taper");
    g_assert_cmpstr (g_array_index (checks, StrideRiskCheck, 1).id, ==, "race-strength");
    g_assert_cmpstr (g_array_index (checks, StrideRiskCheck, 2).id, ==, "race-shoes");
    g_assert_cmpstr (g_array_index (checks, StrideRiskCheck, 3).id, ==, "race-pain");
    for (guint i = 0; i < checks->len; i++)
      assert_filled (&g_array_index (checks, StrideRiskCheck, i));
    g_assert_cmpstr (race.name, ==, "Winter 10K");
    g_assert_cmpuint (race.date, ==, race_day);
    stride_race_clear (&race);

    check = find_check (checks, "race-strength");
    assert_state (check, STRIDE_RISK_OK);
    g_assert_cmpstr (check->summary, ==, "1 strength session in the taper, none in the last 5 days");
    assert_state (find_check (checks, "race-shoes"), STRIDE_RISK_OK);
    assert_state (find_check (checks, "race-pain"), STRIDE_RISK_OK);
    g_assert_cmpstr (find_check (checks, "race-pain")->summary, ==,
                     "No pain of 3/10 or more in the last 7 days");

    /* A second session, one within 5 days, new shoes, pain. */
    add_strength (journal, race_day - 12, 18, 20);
    g_array_unref (g_steal_pointer (&checks));
    checks = stride_risk_evaluate_race (journal, today, &defaults, STRIDE_UNITS_METRIC, NULL);
    check = find_check (checks, "race-strength");
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpstr (check->summary, ==,
                     "2 strength sessions in the last two weeks before the race: one is enough");

    add_strength (journal, race_day - 5, 18, 20);
    add_shoe (journal, 2, "Carbon racers", race_day - 14, 0, 0);
    add_pain (journal, today - 6, "calf", STRIDE_SIDE_LEFT, 4);
    g_array_unref (g_steal_pointer (&checks));
    checks = stride_risk_evaluate_race (journal, today, &defaults, STRIDE_UNITS_METRIC, NULL);
    check = find_check (checks, "race-strength");
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpstr (check->summary, ==, "A strength session on or after 1 Dec 2026, within 5 days of the race");
    check = find_check (checks, "race-shoes");
    assert_state (check, STRIDE_RISK_CAUTION);
    g_assert_cmpstr (check->summary, ==, "New shoes: “Carbon racers” first used on 22 Nov 2026");
    check = find_check (checks, "race-pain");
    assert_state (check, STRIDE_RISK_WARNING);
    g_assert_cmpstr (check->summary, ==, "Pain 4/10 in left calf on Sun 29 Nov");
  }

  /* Far from the race: the taper has not started. */
  {
    g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();

    add_run (journal, race_day - 100, 10);
    add_race (journal, race_day, "Winter 10K");
    g_clear_pointer (&checks, g_array_unref);
    checks = stride_risk_evaluate_race (journal, race_day - 20, &defaults, STRIDE_UNITS_METRIC, NULL);
    check = find_check (checks, "race-taper");
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "Taper starts on 22 Nov 2026");
    check = find_check (checks, "race-strength");
    assert_state (check, STRIDE_RISK_OK);
    check = find_check (checks, "race-shoes");
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "No shoes in use");

    /* In the taper, but no runs before it. */
    g_array_unref (g_steal_pointer (&checks));
    checks = stride_risk_evaluate_race (journal, today, &defaults, STRIDE_UNITS_METRIC, NULL);
    check = find_check (checks, "race-taper");
    assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
    g_assert_cmpstr (check->summary, ==, "No runs in the 4 weeks before the taper to compare with");
  }
}

/* Return checklist */

static void
test_return (void)
{
  guint32 today = SUNDAY;
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  g_autoptr(GArray) checks = NULL;
  const StrideRiskCheck *check;

  for (guint i = 0; i < 60; i += 2)
    add_run (journal, today - 60 + i, 8);
  add_pain (journal, today - 61, "knee", STRIDE_SIDE_LEFT, 6);
  add_pain (journal, today - 20, "knee", STRIDE_SIDE_LEFT, 2);
  g_assert_null (stride_risk_evaluate_return (journal, today, &defaults, STRIDE_UNITS_METRIC));

  add_pain (journal, today - 60, "knee", STRIDE_SIDE_LEFT, 3);
  checks = stride_risk_evaluate_return (journal, today, &defaults, STRIDE_UNITS_METRIC);
  g_assert_nonnull (checks);
  g_assert_cmpuint (checks->len, ==, 3);
  g_assert_cmpstr (g_array_index (checks, StrideRiskCheck, 0).id, ==, "return-pain-free");
  g_assert_cmpstr (g_array_index (checks, StrideRiskCheck, 1).id, ==, "return-lsi");
  g_assert_cmpstr (g_array_index (checks, StrideRiskCheck, 2).id, ==, "return-graded");
  for (guint i = 0; i < checks->len; i++)
    assert_filled (&g_array_index (checks, StrideRiskCheck, i));

  check = find_check (checks, "return-pain-free");
  assert_state (check, STRIDE_RISK_OK);
  g_assert_cmpfloat (check->value, ==, 60);
  g_assert_cmpstr (check->summary, ==, "60 days since pain of 3/10 in left knee (30 Sep 2026)");
  check = find_check (checks, "return-lsi");
  assert_state (check, STRIDE_RISK_NOT_ENOUGH_DATA);
  check = find_check (checks, "return-graded");
  assert_state (check, STRIDE_RISK_OK);
  g_assert_cmpstr (check->summary, ==,
                   "Single-run spike: Longest run 8.0 km = 100 % of your longest in the previous 30 days (8.0 km). "
                   "Weekly distance increase: 24.0 km this week vs 32.0 km two weeks earlier: -25 %.");

  /* 14, 13, 7 and 6 days. */
  {
    const guint days[] = { 14, 13, 7, 6, 0 };
    const StrideRiskState states[] = { STRIDE_RISK_OK, STRIDE_RISK_CAUTION, STRIDE_RISK_CAUTION,
                                       STRIDE_RISK_WARNING, STRIDE_RISK_WARNING };

    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        g_autoptr(GArray) c = NULL;

        add_pain (journal, today - days[i], "knee", STRIDE_SIDE_LEFT, 5);
        c = stride_risk_evaluate_return (journal, today, &defaults, STRIDE_UNITS_METRIC);
        check = find_check (c, "return-pain-free");
        assert_state (check, states[i]);
        g_assert_cmpfloat (check->value, ==, days[i]);
      }
  }

  /* A long run this week: the graded return is a warning. */
  add_run (journal, today - 1, 20);
  g_clear_pointer (&checks, g_array_unref);
  checks = stride_risk_evaluate_return (journal, today, &defaults, STRIDE_UNITS_METRIC);
  assert_state (find_check (checks, "return-graded"), STRIDE_RISK_WARNING);
}

/* A run being planned: compared with the journal's and the plan's runs
 * of the 30 days before it. Longest: the planned 12 km on D-5 (the done
 * 10 km on D-10 is shorter; a skipped 20 km and a 25 km done entry do
 * not count; nor does a planned 30 km 31 days before). 13 / 12 = 108.33 %. */
static void
test_planned_spike (void)
{
  g_autoptr(StrideRiskJournal) journal = stride_risk_journal_new ();
  const guint32 d = MONDAY + 3;
  StridePlanEntry planned[4] = { { 0, }, };
  const struct { guint32 date; double km; StridePlanStatus status; } rows[4] = {
    { d - 5, 12, STRIDE_PLAN_STATUS_PLANNED },
    { d - 3, 20, STRIDE_PLAN_STATUS_SKIPPED },
    { d - 2, 25, STRIDE_PLAN_STATUS_DONE },
    { d - 31, 30, STRIDE_PLAN_STATUS_MOVED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      planned[i].date = rows[i].date;
      planned[i].kind = STRIDE_PLAN_KIND_RUN;
      planned[i].target_distance_m = rows[i].km * 1000;
      planned[i].status = rows[i].status;
    }

  /* Nothing to compare with yet. */
  g_assert_true (isnan (stride_risk_planned_spike (journal, NULL, 0, d, 13000)));

  add_run (journal, d - 10, 10);
  g_assert_cmpfloat_with_epsilon (stride_risk_planned_spike (journal, NULL, 0, d, 13000), 130.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stride_risk_planned_spike (journal, planned, 4, d, 13000),
                                  100.0 * 13 / 12, 1e-9);
  /* No distance: no spike. */
  g_assert_true (isnan (stride_risk_planned_spike (journal, planned, 4, d, 0)));
  /* Runs of the day itself and after do not count. */
  add_run (journal, d, 40);
  g_assert_cmpfloat_with_epsilon (stride_risk_planned_spike (journal, planned, 4, d, 13000),
                                  100.0 * 13 / 12, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  stride_risk_thresholds_init (&defaults);

  g_test_add_func ("/risk/iso-week/weeks-in-year", test_iso_weeks_in_year);
  g_test_add_func ("/risk/iso-week/format", test_iso_week_format);
  g_test_add_func ("/risk/iso-week/parse", test_iso_week_parse);
  g_test_add_func ("/risk/states", test_states);
  g_test_add_func ("/risk/week/order-and-fields", test_week_order_and_fields);
  g_test_add_func ("/risk/week/not-started", test_week_not_started);
  g_test_add_func ("/risk/spike/thresholds", test_spike_thresholds);
  g_test_add_func ("/risk/spike/window", test_spike_window);
  g_test_add_func ("/risk/spike/not-enough-data", test_spike_not_enough_data);
  g_test_add_func ("/risk/acwr/by-hand", test_acwr_by_hand);
  g_test_add_func ("/risk/acwr/states", test_acwr_states);
  g_test_add_func ("/risk/ramp", test_ramp);
  g_test_add_func ("/risk/monotony", test_monotony);
  g_test_add_func ("/risk/strength", test_strength);
  g_test_add_func ("/risk/spacing", test_spacing);
  g_test_add_func ("/risk/hq", test_hq);
  g_test_add_func ("/risk/lsi", test_lsi);
  g_test_add_func ("/risk/balance-history", test_balance_history);
  g_test_add_func ("/risk/pain", test_pain);
  g_test_add_func ("/risk/user-items", test_user_items);
  g_test_add_func ("/risk/worst", test_worst);
  g_test_add_func ("/risk/shoes", test_shoes);
  g_test_add_func ("/risk/journal/first-week", test_first_week);
  g_test_add_func ("/risk/journal/only-strength-only-runs", test_only_strength_only_runs);
  g_test_add_func ("/risk/journal/estimated-loads", test_estimated_loads);
  g_test_add_func ("/risk/journal/time-zones", test_time_zones);
  g_test_add_func ("/risk/journal/week-53", test_week_53);
  g_test_add_func ("/risk/journal/cache-consistency", test_cache_consistency);
  g_test_add_func ("/risk/journal/cache-invalidation", test_cache_invalidation);
  g_test_add_func ("/risk/race", test_race);
  g_test_add_func ("/risk/return", test_return);
  g_test_add_func ("/risk/planned-spike", test_planned_spike);

  return g_test_run ();
}
