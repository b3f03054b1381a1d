/* stride-ics.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-types.h"

G_BEGIN_DECLS

/* iCalendar (RFC 5545) export and import of planned workouts, through
 * libical. Nothing here touches the store: export takes plain records,
 * import returns plain records plus a report of what was left out, and the
 * caller writes them in one transaction (or not at all). No global state;
 * safe to use from a worker thread.
 *
 * Export, one VEVENT per plan entry or race:
 *  - UID "plan-ID@stridestrong.example.com" / "race-ID@…" (an entry that is
 *    not saved yet, id 0, gets "plan-new-JULIAN-SLOT-INDEX@…"), DTSTAMP,
 *    SUMMARY in words ("Long run · 24 km", "Strength · 20 min", "Rest",
 *    the race's name), DESCRIPTION with the targets ("Distance: 24 km",
 *    "Duration: 2 h 10 min", "Pace: 5:30/km", "Goal time: …") and the
 *    entry's own text, CATEGORIES (the kind, and the run type), STATUS,
 *    TRANSP.
 *  - Workouts are timed events in floating local time: 07:00 for the
 *    morning slot, 18:00 for the evening slot, races at 09:00, with a
 *    DURATION of the target duration (else distance × pace, else 1 h).
 *    Timed events land in the right part of the day in GNOME Calendar and
 *    Google Calendar, and the slot survives a round trip; floating time
 *    means "07:00 wherever I am", which is what a training plan means.
 *    Rest days are all-day events (VALUE=DATE, TRANSP:TRANSPARENT): they
 *    do not block time.
 *  - X-STRIDESTRONG-* properties keep the exact kind, run type, slot,
 *    targets and description, so our own files import back unchanged.
 *    Calendar programs keep but do not show them.
 *  - The words are English (the file is data, like the CSV export). The
 *    calendar has no METHOD: it is a plain RFC 5545 calendar, not an iTIP
 *    message (METHOD:PUBLISH requires an ORGANIZER, and with one GNOME
 *    Calendar/Evolution treat each workout as someone else's meeting); it
 *    passes icalrestriction_check() for that (no) method.
 *
 * Import: every VEVENT of every VCALENDAR in the file becomes one entry
 * (a recurring one, one entry per occurrence in the first year, see
 * below); date and slot from DTSTART (see stride_ics_parse_bytes()); the
 * kind and run type are guessed from the words of SUMMARY and CATEGORIES
 * (then DESCRIPTION): run, jog, easy, long, tempo, threshold, interval(s),
 * repeats, track, fartlek, hills, recovery, race, marathon, parkrun, rest,
 * strength, gym, weights, core, cross, bike, cycling, swim, yoga… — the
 * first recognised word wins; "race pace" is not a race. Targets come from
 * text such as "10 km", "6 mi", "45 min", "1 h 20 min", "1:45:00",
 * "5:00/km", "8:30 min/mi". The entry's description is SUMMARY, a newline
 * and DESCRIPTION. Everything not imported is in the report. */

#define STRIDE_ICS_ERROR (stride_ics_error_quark ())

typedef enum
{
  STRIDE_ICS_ERROR_NOT_ICALENDAR,    /* the data does not start with BEGIN:VCALENDAR */
  STRIDE_ICS_ERROR_TOO_LARGE,        /* over STRIDE_ICS_MAX_SIZE */
  STRIDE_ICS_ERROR_FAILED,           /* libical could not build the calendar */
} StrideIcsError;

GQuark stride_ics_error_quark (void);

/* Larger files are refused rather than read into memory. */
#define STRIDE_ICS_MAX_SIZE (64 * 1024 * 1024)

/* A recurring event is expanded over this many days from its DTSTART. */
#define STRIDE_ICS_RECURRENCE_DAYS 366
/* … and to at most this many occurrences. */
#define STRIDE_ICS_MAX_OCCURRENCES 400

typedef enum
{
  STRIDE_ICS_SKIP_NO_DATE,           /* VEVENT without DTSTART */
  STRIDE_ICS_SKIP_BAD_DATE,          /* DTSTART that cannot be read or is no real date */
  STRIDE_ICS_SKIP_BAD_RECURRENCE,    /* RRULE that cannot be read */
  STRIDE_ICS_SKIP_CANCELLED,         /* STATUS:CANCELLED */
  STRIDE_ICS_SKIP_NOT_EVENT,         /* VTODO, VJOURNAL, VFREEBUSY, unknown components */
  STRIDE_ICS_SKIP_MALFORMED,         /* a component libical could not read, e.g. cut off */
  STRIDE_N_ICS_SKIP_REASONS
} StrideIcsSkipReason;

typedef struct
{
  StrideIcsSkipReason  reason;
  guint                position;     /* 1-based, among the calendar's components */
  char                *component;    /* "VEVENT", "VTODO", … */
  char                *uid;          /* NULL = none */
  char                *summary;      /* NULL = none */
  char                *message;      /* one English line, e.g. "“Tempo” (event 3): no start date" */
} StrideIcsSkipped;

typedef struct
{
  GArray    *entries;                /* StridePlanEntry, by date then slot, ids 0 */
  GArray    *skipped;                /* StrideIcsSkipped, in file order */
  GPtrArray *notes;                  /* char *: remarks on the file or on guesses */
  guint      n_events;               /* VEVENTs read; a recurring one counts once */
  guint      n_already_planned;      /* entries left out as already in the plan (set by
                                      * stride_plan_io_leave_out_planned(), 0 here) */
} StrideIcsImport;

void             stride_ics_skipped_clear         (StrideIcsSkipped     *skipped);
void             stride_ics_import_free           (StrideIcsImport      *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideIcsImport, stride_ics_import_free)

/* "no-date", "bad-date", "bad-recurrence", "cancelled", "not-event",
 * "malformed". */
const char      *stride_ics_skip_reason_to_id     (StrideIcsSkipReason   reason);

/* The SUMMARY written for @entry, e.g. "Long run · 24 km". */
char            *stride_ics_summary_for_entry     (const StridePlanEntry *entry);

/* The calendar as bytes (UTF-8, CRLF line ends, folded at 75 octets).
 * @dtstamp is the DTSTAMP of every event, NULL for now. Either array may
 * be empty (NULL with a count of 0). */
GBytes          *stride_ics_export_bytes          (const StridePlanEntry *entries,
                                                   guint                  n_entries,
                                                   const StrideRace      *races,
                                                   guint                  n_races,
                                                   GDateTime             *dtstamp,
                                                   GError               **error);

/* Writes the calendar to @file atomically: a temporary file next to it is
 * renamed over it once complete (g_file_replace_contents()), so a failure
 * leaves the old file as it was. The file is private to the user. */
gboolean         stride_ics_export_file           (GFile                 *file,
                                                   const StridePlanEntry *entries,
                                                   guint                  n_entries,
                                                   const StrideRace      *races,
                                                   guint                  n_races,
                                                   GCancellable          *cancellable,
                                                   GError               **error);

/* Reads a calendar. Data that does not start (after a byte order mark and
 * blank lines) with BEGIN:VCALENDAR is an error; anything wrong inside it
 * only skips the events concerned, which the report lists. Data that is
 * not UTF-8 is read as Windows-1252 (with a note). A file cut off before
 * its END lines keeps its complete events.
 *
 * Dates: an all-day DTSTART is that day; a floating time is taken as
 * written; a UTC time or one with a TZID that libical knows (a VTIMEZONE
 * of the file or a system zone) is converted to @local_tz (NULL = the
 * local time zone) — the day and hour a calendar program would show; a
 * TZID it does not know is taken as written. Slot: morning if the start
 * is before 12:00, else evening; all-day events are morning (unless our
 * own X-STRIDESTRONG-SLOT says otherwise).
 *
 * Recurring events (RRULE, RDATE) are expanded: every occurrence that
 * starts within STRIDE_ICS_RECURRENCE_DAYS of DTSTART, at most
 * STRIDE_ICS_MAX_OCCURRENCES, leaving out EXDATEs and occurrences that
 * another VEVENT of the same UID overrides with a RECURRENCE-ID (that
 * VEVENT is imported itself); a note says when a rule went on longer.
 *
 * Targets: from text (see above); a strength or cross-training event with
 * no duration in its text gets the event's own length (up to 6 h) as
 * target duration — for runs the length of a calendar block says nothing.
 * An event whose kind is not recognised is a run if its text has a
 * distance or pace, else cross-training, with a note either way.
 *
 * Returns (transfer full) the entries and the report, or NULL with a
 * STRIDE_ICS_ERROR. */
StrideIcsImport *stride_ics_parse_bytes           (GBytes                *data,
                                                   GTimeZone             *local_tz,
                                                   GError               **error);
StrideIcsImport *stride_ics_parse_file            (GFile                 *file,
                                                   GTimeZone             *local_tz,
                                                   GCancellable          *cancellable,
                                                   GError               **error);

G_END_DECLS
