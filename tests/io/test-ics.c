/* test-ics.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "io-test-util.h"
#include "stride-ics.h"

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

static StrideIcsImport *
parse_string (const char *text,
              const char *tz)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tz);
  g_autoptr(GError) error = NULL;
  StrideIcsImport *import;

  g_assert_nonnull (zone);
  import = stride_ics_parse_bytes (bytes, zone, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static const StridePlanEntry *
entry_at (StrideIcsImport *import,
          guint            i)
{
  g_assert_cmpuint (i, <, import->entries->len);

  return &g_array_index (import->entries, StridePlanEntry, i);
}

static const StrideIcsSkipped *
skipped_at (StrideIcsImport *import,
            guint            i)
{
  g_assert_cmpuint (i, <, import->skipped->len);

  return &g_array_index (import->skipped, StrideIcsSkipped, i);
}

/* The plan used by the round trips: every kind, both slots, round targets. */
static void
make_plan (StridePlanEntry *e)
{
  memset (e, 0, 6 * sizeof *e);

  e[0] = (StridePlanEntry) { .id = 11, .date = julian (2026, 3, 2), .slot = STRIDE_SLOT_MORNING,
                             .kind = STRIDE_PLAN_KIND_RUN, .run_type = STRIDE_RUN_TYPE_EASY,
                             .target_distance_m = 8000, .target_pace_s_per_km = 330 };
  e[1] = (StridePlanEntry) { .id = 12, .date = julian (2026, 3, 2), .slot = STRIDE_SLOT_EVENING,
                             .kind = STRIDE_PLAN_KIND_STRENGTH, .target_duration_s = 1200,
                             .description = g_strdup ("Nordic curls 3×6, split squats; "
                                                      "hip abduction — left side first, "
                                                      "a long line that must be folded by libical "
                                                      "because it is longer than 75 octets: äöü ✓") };
  e[2] = (StridePlanEntry) { .id = 13, .date = julian (2026, 3, 3), .slot = STRIDE_SLOT_MORNING,
                             .kind = STRIDE_PLAN_KIND_REST };
  e[3] = (StridePlanEntry) { .id = 14, .date = julian (2026, 3, 4), .slot = STRIDE_SLOT_EVENING,
                             .kind = STRIDE_PLAN_KIND_RUN, .run_type = STRIDE_RUN_TYPE_TEMPO,
                             .target_duration_s = 45 * 60, .target_pace_s_per_km = 270 };
  e[4] = (StridePlanEntry) { .id = 15, .date = julian (2026, 3, 8), .slot = STRIDE_SLOT_MORNING,
                             .kind = STRIDE_PLAN_KIND_RUN, .run_type = STRIDE_RUN_TYPE_LONG,
                             .target_distance_m = 24000,
                             .description = g_strdup ("Fuel every 40 min, \"gels\"; bring water\n"
                                                      "second line") };
  e[5] = (StridePlanEntry) { .id = 16, .date = julian (2026, 3, 9), .slot = STRIDE_SLOT_EVENING,
                             .kind = STRIDE_PLAN_KIND_CROSS, .target_duration_s = 3600 };
}

static GBytes *
export_plan (StridePlanEntry *plan,
             StrideRace      *race)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 2, 20, 12, 0, 0);
  GBytes *bytes;

  make_plan (plan);
  memset (race, 0, sizeof *race);
  race->id = 3;
  race->date = julian (2026, 4, 26);
  race->name = g_strdup ("Hamburg Marathon");
  race->distance_m = 42195;
  race->goal_time_s = 3 * 3600 + 30 * 60;

  bytes = stride_ics_export_bytes (plan, 6, race, 1, stamp, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static void
clear_plan (StridePlanEntry *plan,
            StrideRace      *race)
{
  for (guint i = 0; i < 6; i++)
    stride_plan_entry_clear (&plan[i]);
  stride_race_clear (race);
}

static void
assert_same_plan (StrideIcsImport       *import,
                  const StridePlanEntry *plan,
                  gboolean               exact)
{
  g_assert_cmpuint (import->skipped->len, ==, 0);
  g_assert_cmpuint (import->entries->len, ==, 7);

  for (guint i = 0; i < 6; i++)
    {
      const StridePlanEntry *got = entry_at (import, i);

      g_assert_cmpuint (got->date, ==, plan[i].date);
      g_assert_cmpint (got->slot, ==, plan[i].slot);
      g_assert_cmpint (got->kind, ==, plan[i].kind);
      g_assert_cmpint (got->run_type, ==, plan[i].run_type);
      g_assert_cmpfloat_with_epsilon (got->target_distance_m, plan[i].target_distance_m, 1e-6);
      g_assert_cmpfloat_with_epsilon (got->target_duration_s, plan[i].target_duration_s, 1e-6);
      g_assert_cmpfloat_with_epsilon (got->target_pace_s_per_km, plan[i].target_pace_s_per_km, 1e-6);
      g_assert_cmpint (got->status, ==, STRIDE_PLAN_STATUS_PLANNED);
      g_assert_cmpint (got->id, ==, 0);
      if (exact)
        g_assert_cmpstr (got->description, ==, plan[i].description);
      else if (plan[i].description != NULL)
        g_assert_nonnull (strstr (got->description, plan[i].description));
    }

  /* The race. */
  g_assert_cmpuint (entry_at (import, 6)->date, ==, julian (2026, 4, 26));
  g_assert_cmpint (entry_at (import, 6)->kind, ==, STRIDE_PLAN_KIND_RACE);
  g_assert_cmpint (entry_at (import, 6)->run_type, ==, STRIDE_RUN_TYPE_RACE);
  g_assert_cmpint (entry_at (import, 6)->slot, ==, STRIDE_SLOT_MORNING);
  g_assert_cmpfloat_with_epsilon (entry_at (import, 6)->target_distance_m,
                                  exact ? 42195 : 42200, 1e-6);
  g_assert_cmpfloat_with_epsilon (entry_at (import, 6)->target_duration_s, 12600, 1e-6);
}

static void
test_export_shape (void)
{
  StridePlanEntry plan[6];
  StrideRace race;
  g_autoptr(GBytes) bytes = export_plan (plan, &race);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  icalcomponent *calendar;
  guint n_events = 0;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  /* CRLF only, no line over 75 octets. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
    }

  g_assert_null (strstr (text, "METHOD"));
  g_assert_null (strstr (text, "ORGANIZER"));
  g_assert_nonnull (strstr (text, "\r\nUID:plan-15@stridestrong.example.com\r\n"));
  g_assert_nonnull (strstr (text, "\r\nUID:race-3@stridestrong.example.com\r\n"));
  g_assert_nonnull (strstr (text, "\r\nSUMMARY:Long run · 24 km\r\n"));
  g_assert_nonnull (strstr (text, "\r\nSUMMARY:Strength · 20 min\r\n"));
  g_assert_nonnull (strstr (text, "\r\nSUMMARY:Rest\r\n"));
  g_assert_nonnull (strstr (text, "\r\nSUMMARY:Hamburg Marathon\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTSTART:20260302T070000\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTSTART:20260302T180000\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTSTART;VALUE=DATE:20260303\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTEND;VALUE=DATE:20260304\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDURATION:PT20M\r\n"));
  /* 8 km at 5:30/km. */
  g_assert_nonnull (strstr (text, "\r\nDURATION:PT44M\r\n"));
  g_assert_nonnull (strstr (text, "\r\nDTSTAMP:20260220T120000Z\r\n"));
  g_assert_nonnull (strstr (text, "\r\nCATEGORIES:Long run\r\n"));
  g_assert_nonnull (strstr (text, "Pace: 5:30/km"));
  /* Escaping by libical. */
  g_assert_nonnull (strstr (text, "Fuel every 40 min\\, \"gels\"\\; bring"));

  /* libical reads it back without errors, and it passes the restriction
   * checks for its method (none: a plain RFC 5545 calendar). */
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_true (icalrestriction_check (calendar));
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);

      n_events++;
      g_assert_false (icaltime_is_null_time (start));
      /* Floating (no zone) or all-day. */
      g_assert_null (start.zone);
      g_assert_nonnull (icalcomponent_get_uid (event));
      g_assert_nonnull (icalcomponent_get_summary (event));
      if (g_str_equal (icalcomponent_get_uid (event), "plan-12@stridestrong.example.com"))
        g_assert_true (g_str_has_suffix (icalcomponent_get_description (event), "äöü ✓"));
    }
  g_assert_cmpuint (n_events, ==, 7);
  icalcomponent_free (calendar);

  clear_plan (plan, &race);
}

static void
test_round_trip (void)
{
  StridePlanEntry plan[6];
  StrideRace race;
  g_autoptr(GBytes) bytes = export_plan (plan, &race);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(StrideIcsImport) import = NULL;

  /* Floating times: the time zone does not matter. */
  import = stride_ics_parse_bytes (bytes, tz, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->n_events, ==, 7);
  g_assert_cmpuint (import->notes->len, ==, 0);
  assert_same_plan (import, plan, TRUE);

  clear_plan (plan, &race);
}

/* Without our X- properties, as after a trip through a calendar program
 * that drops them: the words alone give the same plan. */
static void
test_round_trip_words (void)
{
  StridePlanEntry plan[6];
  StrideRace race;
  g_autoptr(GBytes) bytes = export_plan (plan, &race);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  g_autoptr(GString) stripped = g_string_new (NULL);
  g_autoptr(StrideIcsImport) import = NULL;
  gboolean dropping = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != ' ')
        dropping = g_str_has_prefix (lines[i], "X-STRIDESTRONG-");
      if (!dropping && lines[i][0] != '\0')
        g_string_append_printf (stripped, "%s\r\n", lines[i]);
    }
  g_assert_null (strstr (stripped->str, "X-STRIDESTRONG"));

  import = parse_string (stripped->str, "Europe/Berlin");
  g_assert_cmpuint (import->notes->len, ==, 0);
  /* The rest day is all-day, so its slot is morning: as planned. */
  assert_same_plan (import, plan, FALSE);

  clear_plan (plan, &race);
}

static void
test_export_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-ics-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StrideIcsImport) import = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  StridePlanEntry plan[6];
  GStatBuf st;
  guint n_files = 0;

  g_assert_no_error (error);
  make_plan (plan);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (stride_ics_export_file (file, plan, 6, NULL, 0, NULL, &error));
  g_assert_no_error (error);

  /* Replaced by a rename: one file, private, complete. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  import = stride_ics_parse_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->entries->len, ==, 6);

  /* A second opinion when the Python icalendar module is installed. */
  if (python != NULL)
    {
      const char *script =
        "import sys\n"
        "try:\n"
        "    import icalendar\n"
        "except ImportError:\n"
        "    sys.exit(77)\n"
        "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
        "events = cal.walk('VEVENT')\n"
        "assert len(events) == 6, len(events)\n"
        "assert str(events[4]['SUMMARY']) == 'Long run · 24 km'\n";
      const char *argv[] = { python, "-c", script, path, NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_no_error (error);
      if (g_spawn_check_wait_status (status, NULL))
        g_test_message ("python3 icalendar parsed the export");
      else
        g_assert_cmpint (WEXITSTATUS (status), ==, 77);
    }

  for (guint i = 0; i < 6; i++)
    stride_plan_entry_clear (&plan[i]);
  remove_recursive (dir);
}

/* What GNOME Calendar (Evolution Data Server) writes: a VTIMEZONE, TZID
 * times, an alarm, an all-day event. */
static const char gnome_calendar_ics[] =
  "BEGIN:VCALENDAR\r\n"
  "PRODID:-//GNOME//gnome-calendar//EN\r\n"
  "VERSION:2.0\r\n"
  "BEGIN:VTIMEZONE\r\n"
  "TZID:/freeassociation.sourceforge.net/Europe/Berlin\r\n"
  "X-LIC-LOCATION:Europe/Berlin\r\n"
  "BEGIN:STANDARD\r\n"
  "TZNAME:CET\r\n"
  "DTSTART:19701025T030000\r\n"
  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
  "TZOFFSETFROM:+0200\r\n"
  "TZOFFSETTO:+0100\r\n"
  "END:STANDARD\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZNAME:CEST\r\n"
  "DTSTART:19700329T020000\r\n"
  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0200\r\n"
  "END:DAYLIGHT\r\n"
  "END:VTIMEZONE\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:5f1d6a2c9e3b4c7a8d0e1f2a3b4c5d6e7f809102\r\n"
  "DTSTAMP:20260301T101500Z\r\n"
  "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/Berlin:\r\n"
  " 20260310T063000\r\n"
  "DTEND;TZID=/freeassociation.sourceforge.net/Europe/Berlin:\r\n"
  " 20260310T073000\r\n"
  "SEQUENCE:1\r\n"
  "SUMMARY:Intervals 6x800 m @ 3:50/km\r\n"
  "DESCRIPTION:Warm up 15 min easy\\, 6x800 m with 400 m jog\\, cool down.\r\n"
  "CREATED:20260301T101500Z\r\n"
  "LAST-MODIFIED:20260301T101500Z\r\n"
  "BEGIN:VALARM\r\n"
  "X-EVOLUTION-ALARM-UID:20260301T101500Z-1234-1000-1-0@host\r\n"
  "ACTION:DISPLAY\r\n"
  "TRIGGER;VALUE=DURATION;RELATED=START:-PT30M\r\n"
  "DESCRIPTION:Intervals\r\n"
  "END:VALARM\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:8a9b0c1d2e3f40516273849506a7b8c9d0e1f203\r\n"
  "DTSTAMP:20260301T101700Z\r\n"
  "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/Berlin:\r\n"
  " 20260311T183000\r\n"
  "DTEND;TZID=/freeassociation.sourceforge.net/Europe/Berlin:\r\n"
  " 20260311T190000\r\n"
  "SUMMARY:Gym: squats\\, deadlifts\\, nordic curls\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5\r\n"
  "DTSTAMP:20260301T101800Z\r\n"
  "DTSTART;VALUE=DATE:20260312\r\n"
  "DTEND;VALUE=DATE:20260313\r\n"
  "TRANSP:TRANSPARENT\r\n"
  "SUMMARY:Rest day\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6\r\n"
  "DTSTAMP:20260301T101900Z\r\n"
  "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/Berlin:\r\n"
  " 20260315T090000\r\n"
  "DTEND;TZID=/freeassociation.sourceforge.net/Europe/Berlin:\r\n"
  " 20260315T110000\r\n"
  "SUMMARY:Long run 28 km\\, last 5 km at marathon pace\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_gnome_calendar (void)
{
  g_autoptr(StrideIcsImport) import = parse_string (gnome_calendar_ics, "Europe/Berlin");
  const StridePlanEntry *e;

  g_assert_cmpuint (import->skipped->len, ==, 0);
  g_assert_cmpuint (import->notes->len, ==, 0);
  g_assert_cmpuint (import->entries->len, ==, 4);

  e = entry_at (import, 0);
  g_assert_cmpuint (e->date, ==, julian (2026, 3, 10));
  g_assert_cmpint (e->slot, ==, STRIDE_SLOT_MORNING);
  g_assert_cmpint (e->kind, ==, STRIDE_PLAN_KIND_RUN);
  g_assert_cmpint (e->run_type, ==, STRIDE_RUN_TYPE_INTERVALS);
  g_assert_cmpfloat_with_epsilon (e->target_pace_s_per_km, 230, 1e-6);
  g_assert_cmpfloat (e->target_distance_m, ==, 0);
  /* "Warm up 15 min" is a part, not the whole: the summary had a target. */
  g_assert_cmpfloat (e->target_duration_s, ==, 0);
  g_assert_cmpstr (e->description, ==, "Intervals 6x800 m @ 3:50/km\n"
                   "Warm up 15 min easy, 6x800 m with 400 m jog, cool down.");

  e = entry_at (import, 1);
  g_assert_cmpuint (e->date, ==, julian (2026, 3, 11));
  g_assert_cmpint (e->slot, ==, STRIDE_SLOT_EVENING);
  g_assert_cmpint (e->kind, ==, STRIDE_PLAN_KIND_STRENGTH);
  /* The event's length. */
  g_assert_cmpfloat_with_epsilon (e->target_duration_s, 1800, 1e-6);

  e = entry_at (import, 2);
  g_assert_cmpuint (e->date, ==, julian (2026, 3, 12));
  g_assert_cmpint (e->kind, ==, STRIDE_PLAN_KIND_REST);
  g_assert_cmpint (e->slot, ==, STRIDE_SLOT_MORNING);

  e = entry_at (import, 3);
  g_assert_cmpuint (e->date, ==, julian (2026, 3, 15));
  g_assert_cmpint (e->kind, ==, STRIDE_PLAN_KIND_RUN);
  g_assert_cmpint (e->run_type, ==, STRIDE_RUN_TYPE_LONG);
  g_assert_cmpfloat_with_epsilon (e->target_distance_m, 28000, 1e-6);

  /* Seen from Auckland (UTC+13) the 06:30 Berlin start is 18:30 the same
   * day, and the 18:30 gym session is the next morning. */
  {
    g_autoptr(StrideIcsImport) nz = parse_string (gnome_calendar_ics, "Pacific/Auckland");

    g_assert_cmpuint (entry_at (nz, 0)->date, ==, julian (2026, 3, 10));
    g_assert_cmpint (entry_at (nz, 0)->slot, ==, STRIDE_SLOT_EVENING);
    g_assert_cmpint (entry_at (nz, 0)->run_type, ==, STRIDE_RUN_TYPE_INTERVALS);
    g_assert_cmpuint (entry_at (nz, 1)->date, ==, julian (2026, 3, 12));
    g_assert_cmpint (entry_at (nz, 1)->slot, ==, STRIDE_SLOT_MORNING);
    g_assert_cmpint (entry_at (nz, 1)->kind, ==, STRIDE_PLAN_KIND_STRENGTH);
  }
}

/* What Google Calendar's export writes: UTC times, a weekly recurring
 * event with an exception and a moved occurrence, folded descriptions. */
static const char google_ics[] =
  "BEGIN:VCALENDAR\r\n"
  "PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
  "VERSION:2.0\r\n"
  "CALSCALE:GREGORIAN\r\n"
  "METHOD:PUBLISH\r\n"
  "X-WR-CALNAME:Coach plan\r\n"
  "X-WR-TIMEZONE:Europe/London\r\n"
  "BEGIN:VEVENT\r\n"
  "DTSTART:20260407T060000Z\r\n"
  "DTEND:20260407T070000Z\r\n"
  "RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=TU\r\n"
  "EXDATE:20260414T060000Z\r\n"
  "DTSTAMP:20260401T090000Z\r\n"
  "UID:3k2j4h5g6f7d8s9a0p1o2i3u4y@google.com\r\n"
  "CREATED:20260331T200000Z\r\n"
  "DESCRIPTION:Tempo: 2 km warm-up\\, then 20 min at threshold (4:15/km)\\, 2\r\n"
  "  km cool-down. Keep it controlled — this is not a race.\r\n"
  "LAST-MODIFIED:20260331T200000Z\r\n"
  "SEQUENCE:0\r\n"
  "STATUS:CONFIRMED\r\n"
  "SUMMARY:Tempo run 10 km\r\n"
  "TRANSP:OPAQUE\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "DTSTART:20260422T170000Z\r\n"
  "DTEND:20260422T180000Z\r\n"
  "DTSTAMP:20260401T090000Z\r\n"
  "UID:3k2j4h5g6f7d8s9a0p1o2i3u4y@google.com\r\n"
  "RECURRENCE-ID:20260421T060000Z\r\n"
  "SUMMARY:Tempo run 10 km (moved)\r\n"
  "STATUS:CONFIRMED\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "DTSTART;VALUE=DATE:20260411\r\n"
  "DTEND;VALUE=DATE:20260412\r\n"
  "DTSTAMP:20260401T090000Z\r\n"
  "UID:7h6g5f4d3s2a1q0w9e8r7t6y5u@google.com\r\n"
  "SUMMARY:parkrun 5k\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "DTSTART:20260412T080000Z\r\n"
  "DTEND:20260412T100000Z\r\n"
  "DTSTAMP:20260401T090000Z\r\n"
  "UID:9q8w7e6r5t4y3u2i1o0p@google.com\r\n"
  "SUMMARY:Long run\r\n"
  "DESCRIPTION:1h 45min easy\\, conversational\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "DTSTART:20260413T170000Z\r\n"
  "DTEND:20260413T180000Z\r\n"
  "DTSTAMP:20260401T090000Z\r\n"
  "UID:cancelled1@google.com\r\n"
  "STATUS:CANCELLED\r\n"
  "SUMMARY:Bike 40 km\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_google_calendar (void)
{
  g_autoptr(StrideIcsImport) import = parse_string (google_ics, "Europe/London");
  const StridePlanEntry *e;

  /* Tuesdays 7, (14 excluded), 21 (moved to Wed 22nd evening), 28. */
  g_assert_cmpuint (import->entries->len, ==, 5);
  g_assert_cmpuint (import->n_events, ==, 5);

  e = entry_at (import, 0);
  g_assert_cmpuint (e->date, ==, julian (2026, 4, 7));
  g_assert_cmpint (e->slot, ==, STRIDE_SLOT_MORNING);   /* 07:00 BST */
  g_assert_cmpint (e->kind, ==, STRIDE_PLAN_KIND_RUN);
  g_assert_cmpint (e->run_type, ==, STRIDE_RUN_TYPE_TEMPO);
  g_assert_cmpfloat_with_epsilon (e->target_distance_m, 10000, 1e-6);
  g_assert_cmpfloat (e->target_pace_s_per_km, ==, 0);
  g_assert_cmpfloat (e->target_duration_s, ==, 0);
  g_assert_nonnull (strstr (e->description, "2 km cool-down. Keep it controlled — this"));

  e = entry_at (import, 1);
  g_assert_cmpuint (e->date, ==, julian (2026, 4, 11));
  g_assert_cmpint (e->kind, ==, STRIDE_PLAN_KIND_RACE);
  g_assert_cmpint (e->run_type, ==, STRIDE_RUN_TYPE_RACE);
  g_assert_cmpfloat_with_epsilon (e->target_distance_m, 5000, 1e-6);

  e = entry_at (import, 2);
  g_assert_cmpuint (e->date, ==, julian (2026, 4, 12));
  g_assert_cmpint (e->run_type, ==, STRIDE_RUN_TYPE_LONG);
  g_assert_cmpfloat_with_epsilon (e->target_duration_s, 6300, 1e-6);

  g_assert_cmpuint (entry_at (import, 3)->date, ==, julian (2026, 4, 22));
  g_assert_cmpint (entry_at (import, 3)->slot, ==, STRIDE_SLOT_EVENING);
  g_assert_cmpint (entry_at (import, 3)->run_type, ==, STRIDE_RUN_TYPE_TEMPO);
  g_assert_cmpuint (entry_at (import, 4)->date, ==, julian (2026, 4, 28));
  g_assert_cmpint (entry_at (import, 4)->slot, ==, STRIDE_SLOT_MORNING);

  /* The cancelled one. */
  g_assert_cmpuint (import->skipped->len, ==, 1);
  g_assert_cmpint (skipped_at (import, 0)->reason, ==, STRIDE_ICS_SKIP_CANCELLED);
  g_assert_cmpstr (skipped_at (import, 0)->uid, ==, "cancelled1@google.com");
  g_assert_cmpuint (skipped_at (import, 0)->position, ==, 5);
}

static void
test_recurrence_limit (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
    "BEGIN:VEVENT\r\nUID:daily\r\nDTSTAMP:20260101T000000Z\r\n"
    "DTSTART:20260105T070000\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Easy run 5 km\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autoptr(StrideIcsImport) import = parse_string (ics, "UTC");

  g_assert_cmpuint (import->entries->len, ==, STRIDE_ICS_RECURRENCE_DAYS);
  g_assert_cmpuint (entry_at (import, 0)->date, ==, julian (2026, 1, 5));
  g_assert_cmpuint (entry_at (import, import->entries->len - 1)->date, ==,
                    julian (2026, 1, 5) + STRIDE_ICS_RECURRENCE_DAYS - 1);
  g_assert_cmpuint (import->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (import->notes, 0), "beyond one year"));
}

static const char malformed_ics[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Coach//Plans//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:good-1\r\n"
  "DTSTAMP:20260101T000000Z\r\n"
  "DTSTART:20260105T070000\r\n"
  "SUMMARY:Easy run 8 km\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:no-date\r\n"
  "DTSTAMP:20260101T000000Z\r\n"
  "SUMMARY:Tempo whenever\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:bad-date\r\n"
  "DTSTART:2026013XT07\r\n"
  "SUMMARY:Hill repeats\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:feb-30\r\n"
  "DTSTART;VALUE=DATE:20260230\r\n"
  "SUMMARY:Long run\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VTODO\r\n"
  "UID:todo-1\r\n"
  "SUMMARY:Buy new shoes\r\n"
  "END:VTODO\r\n"
  "BEGIN:VJOURNAL\r\n"
  "UID:journal-1\r\n"
  "DTSTART;VALUE=DATE:20260106\r\n"
  "SUMMARY:Felt good\r\n"
  "END:VJOURNAL\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:bad-rrule\r\n"
  "DTSTART:20260107T180000\r\n"
  "RRULE:FREQ=SOMETIMES\r\n"
  "SUMMARY:Strength\r\n"
  "END:VEVENT\r\n"
  "this line is garbage\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:good-2\r\n"
  "DTSTART:20260108T180000\r\n"
  "SUMMARY:Strength 25 min\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:cut-off\r\n"
  "DTSTART:20260109T070000\r\n"
  "SUMMARY:Long ru";

static void
test_malformed (void)
{
  g_autoptr(StrideIcsImport) import = parse_string (malformed_ics, "UTC");
  static const struct
  {
    const char          *uid;
    StrideIcsSkipReason  reason;
    guint                position;
  } expected[] = {
    { "no-date", STRIDE_ICS_SKIP_NO_DATE, 2 },
    { "bad-date", STRIDE_ICS_SKIP_BAD_DATE, 3 },
    { "feb-30", STRIDE_ICS_SKIP_BAD_DATE, 4 },
    { "todo-1", STRIDE_ICS_SKIP_NOT_EVENT, 5 },
    { "journal-1", STRIDE_ICS_SKIP_NOT_EVENT, 6 },
    { "bad-rrule", STRIDE_ICS_SKIP_BAD_RECURRENCE, 7 },
    { "cut-off", STRIDE_ICS_SKIP_MALFORMED, 9 },
  };

  for (guint i = 0; i < import->skipped->len; i++)
    g_test_message ("skipped: %s", skipped_at (import, i)->message);

  g_assert_cmpuint (import->skipped->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const StrideIcsSkipped *s = skipped_at (import, i);

      g_assert_cmpstr (s->uid, ==, expected[i].uid);
      g_assert_cmpint (s->reason, ==, expected[i].reason);
      g_assert_cmpuint (s->position, ==, expected[i].position);
      g_assert_nonnull (s->message);
      g_assert_nonnull (strstr (s->message, expected[i].uid));
      g_assert_nonnull (stride_ics_skip_reason_to_id (s->reason));
    }
  g_assert_cmpstr (skipped_at (import, 0)->summary, ==, "Tempo whenever");
  g_assert_nonnull (strstr (skipped_at (import, 0)->message, "no start date"));
  g_assert_cmpstr (skipped_at (import, 3)->component, ==, "VTODO");

  /* The good ones still import. */
  g_assert_cmpuint (import->entries->len, ==, 2);
  g_assert_cmpuint (entry_at (import, 0)->date, ==, julian (2026, 1, 5));
  g_assert_cmpint (entry_at (import, 0)->run_type, ==, STRIDE_RUN_TYPE_EASY);
  g_assert_cmpfloat_with_epsilon (entry_at (import, 0)->target_distance_m, 8000, 1e-6);
  g_assert_cmpuint (entry_at (import, 1)->date, ==, julian (2026, 1, 8));
  g_assert_cmpint (entry_at (import, 1)->kind, ==, STRIDE_PLAN_KIND_STRENGTH);
  g_assert_cmpint (entry_at (import, 1)->slot, ==, STRIDE_SLOT_EVENING);
  g_assert_cmpfloat_with_epsilon (entry_at (import, 1)->target_duration_s, 1500, 1e-6);

  /* The file as a whole is noted as cut off. */
  g_assert_cmpuint (import->notes->len, >=, 1);
}

static void
test_not_icalendar (void)
{
  static const char *const inputs[] = {
    "",
    "hello world\nthis is not a calendar\n",
    "<?xml version=\"1.0\"?><gpx></gpx>",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Someone\r\nEND:VCARD\r\n",
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (inputs[i], i == 4 ? 16 : strlen (inputs[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(StrideIcsImport) import = stride_ics_parse_bytes (bytes, NULL, &error);

      g_assert_null (import);
      g_assert_error (error, STRIDE_ICS_ERROR, STRIDE_ICS_ERROR_NOT_ICALENDAR);
    }

  /* An empty calendar is no error: there is just nothing to import. */
  {
    g_autoptr(StrideIcsImport) empty =
      parse_string ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n", "UTC");

    g_assert_cmpuint (empty->entries->len, ==, 0);
    g_assert_cmpuint (empty->skipped->len, ==, 0);
  }
}

static void
test_encoding_and_folding (void)
{
  /* Latin-1 (as some Outlook exports), LF line ends, a BOM-less file, a
   * long SUMMARY folded three times, one fold inside a word. */
  static const char latin1[] =
    "BEGIN:VCALENDAR\n"
    "VERSION:2.0\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\n"
    "BEGIN:VEVENT\n"
    "UID:latin1\n"
    "DTSTART:20260601T063000\n"
    "SUMMARY:L\xe4ufer-Treff: lockerer Dauerlauf (easy run) 12 km durch den Stadtp\n"
    " ark\\, danach Kaffee \xfc\n"
    " ber den Plan f\xfcr die n\xe4\n"
    " chste Woche\n"
    "END:VEVENT\n"
    "END:VCALENDAR\n";
  /* UTF-8 with a BOM and a fold inside a multi-byte character. */
  static const char folded[] =
    "\xef\xbb\xbf" "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:x\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:folded\r\n"
    "DTSTART;VALUE=DATE:20260602\r\n"
    "SUMMARY:Kraft (strength) \xe2\x80\r\n"
    " \x94 Kniebeugen 30 min\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(StrideIcsImport) a = parse_string (latin1, "UTC");
  g_autoptr(StrideIcsImport) b = parse_string (folded, "UTC");

  g_assert_cmpuint (a->entries->len, ==, 1);
  g_assert_cmpuint (a->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (a->notes, 0), "not UTF-8"));
  g_assert_cmpstr (entry_at (a, 0)->description, ==,
                   "Läufer-Treff: lockerer Dauerlauf (easy run) 12 km durch den Stadtpark, "
                   "danach Kaffee über den Plan für die nächste Woche");
  g_assert_cmpint (entry_at (a, 0)->run_type, ==, STRIDE_RUN_TYPE_EASY);
  g_assert_cmpfloat_with_epsilon (entry_at (a, 0)->target_distance_m, 12000, 1e-6);
  g_assert_cmpint (entry_at (a, 0)->slot, ==, STRIDE_SLOT_MORNING);

  g_assert_cmpuint (b->entries->len, ==, 1);
  g_assert_cmpuint (b->notes->len, ==, 0);
  g_assert_cmpstr (entry_at (b, 0)->description, ==, "Kraft (strength) — Kniebeugen 30 min");
  g_assert_cmpint (entry_at (b, 0)->kind, ==, STRIDE_PLAN_KIND_STRENGTH);
  g_assert_cmpfloat_with_epsilon (entry_at (b, 0)->target_duration_s, 1800, 1e-6);
}

static void
test_guesses (void)
{
  static const struct
  {
    const char    *summary;
    StridePlanKind kind;
    StrideRunType  run_type;
    double         distance_m;
    double         duration_s;
    double         pace;
  } cases[] = {
    { "Run 6 mi @ 8:30 min/mi", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_NONE,
      6 * 1609.344, 0, 510 / 1.609344 },
    { "Recovery jog 30'", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_RECOVERY, 0, 1800, 0 },
    { "Run: 5x1000 m", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_INTERVALS, 0, 0, 0 },
    { "Marathon pace run 16 km", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_NONE, 16000, 0, 0 },
    { "Half Marathon", STRIDE_PLAN_KIND_RACE, STRIDE_RUN_TYPE_RACE, 21097.5, 0, 0 },
    { "10k race 0:45:00", STRIDE_PLAN_KIND_RACE, STRIDE_RUN_TYPE_RACE, 10000, 2700, 0 },
    { "Swim 1 h", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE, 0, 3600, 0 },
    { "Cross-training: bike 1 hr 15 min", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE, 0, 4500, 0 },
    { "Day off", STRIDE_PLAN_KIND_REST, STRIDE_RUN_TYPE_NONE, 0, 0, 0 },
    { "Track session 12 km", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_INTERVALS, 12000, 0, 0 },
    { "Coach call", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE, 0, 0, 0 },
    { "Session 8 km", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_NONE, 8000, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ics = g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
                                              "BEGIN:VEVENT\r\nUID:g%u\r\n"
                                              "DTSTART;VALUE=DATE:20260701\r\n"
                                              "SUMMARY:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                                              i, cases[i].summary);
      g_autoptr(StrideIcsImport) import = parse_string (ics, "UTC");
      const StridePlanEntry *e = entry_at (import, 0);

      g_test_message ("%s", cases[i].summary);
      g_assert_cmpint (e->kind, ==, cases[i].kind);
      g_assert_cmpint (e->run_type, ==, cases[i].run_type);
      g_assert_cmpfloat_with_epsilon (e->target_distance_m, cases[i].distance_m, 1e-6);
      g_assert_cmpfloat_with_epsilon (e->target_duration_s, cases[i].duration_s, 1e-6);
      g_assert_cmpfloat_with_epsilon (e->target_pace_s_per_km, cases[i].pace, 1e-6);
    }
}

static void
test_summary_words (void)
{
  StridePlanEntry e = { 0, };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  e.kind = STRIDE_PLAN_KIND_RUN;
  e.run_type = STRIDE_RUN_TYPE_INTERVALS;
  e.target_duration_s = 75 * 60;
  a = stride_ics_summary_for_entry (&e);
  g_assert_cmpstr (a, ==, "Intervals · 1 h 15 min");

  e.run_type = STRIDE_RUN_TYPE_NONE;
  e.target_distance_m = 21097.5;
  b = stride_ics_summary_for_entry (&e);
  g_assert_cmpstr (b, ==, "Run · 21.1 km");

  e.kind = STRIDE_PLAN_KIND_CROSS;
  e.target_distance_m = 0;
  e.target_duration_s = 0;
  c = stride_ics_summary_for_entry (&e);
  g_assert_cmpstr (c, ==, "Cross-training");

  e.kind = STRIDE_PLAN_KIND_REST;
  e.target_duration_s = 100;
  d = stride_ics_summary_for_entry (&e);
  g_assert_cmpstr (d, ==, "Rest");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/export-shape", test_export_shape);
  g_test_add_func ("/ics/round-trip", test_round_trip);
  g_test_add_func ("/ics/round-trip-words", test_round_trip_words);
  g_test_add_func ("/ics/export-file", test_export_file);
  g_test_add_func ("/ics/gnome-calendar", test_gnome_calendar);
  g_test_add_func ("/ics/google-calendar", test_google_calendar);
  g_test_add_func ("/ics/recurrence-limit", test_recurrence_limit);
  g_test_add_func ("/ics/malformed", test_malformed);
  g_test_add_func ("/ics/not-icalendar", test_not_icalendar);
  g_test_add_func ("/ics/encoding-and-folding", test_encoding_and_folding);
  g_test_add_func ("/ics/guesses", test_guesses);
  g_test_add_func ("/ics/summary-words", test_summary_words);

  return g_test_run ();
}
