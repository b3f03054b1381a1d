/* stride-ics.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-ics"

#include "config.h"

#include <math.h>
#include <string.h>
#include <libical/ical.h>

#include "stride-ics.h"

G_DEFINE_QUARK (stride-ics-error-quark, stride_ics_error)

#define UID_DOMAIN "stridestrong.example.com"
#define X_PREFIX "X-STRIDESTRONG-"

#define MORNING_HOUR 7
#define EVENING_HOUR 18
#define RACE_HOUR 9
#define DEFAULT_DURATION_S 3600
#define MAX_EVENT_TARGET_S (6 * 3600)
#define METERS_PER_MILE 1609.344

/* Skip reasons and their ids. */
static const char *const skip_ids[] = {
  "no-date", "bad-date", "bad-recurrence", "cancelled", "not-event", "malformed",
};
G_STATIC_ASSERT (G_N_ELEMENTS (skip_ids) == STRIDE_N_ICS_SKIP_REASONS);

const char *
stride_ics_skip_reason_to_id (StrideIcsSkipReason reason)
{
  g_return_val_if_fail (reason < STRIDE_N_ICS_SKIP_REASONS, NULL);

  return skip_ids[reason];
}

void
stride_ics_skipped_clear (StrideIcsSkipped *skipped)
{
  g_clear_pointer (&skipped->component, g_free);
  g_clear_pointer (&skipped->uid, g_free);
  g_clear_pointer (&skipped->summary, g_free);
  g_clear_pointer (&skipped->message, g_free);
}

void
stride_ics_import_free (StrideIcsImport *import)
{
  if (import == NULL)
    return;

  g_clear_pointer (&import->entries, g_array_unref);
  g_clear_pointer (&import->skipped, g_array_unref);
  g_clear_pointer (&import->notes, g_ptr_array_unref);
  g_free (import);
}

/* Words ------------------------------------------------------------------ */

/* "24", "21.1", "42.2": one decimal, none when whole, never a comma. */
static void
append_km (GString *out,
           double   meters)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double km = round (meters / 100.0) / 10.0;

  if (km == floor (km))
    g_string_append_printf (out, "%.0f km", km);
  else
    g_string_append_printf (out, "%s km", g_ascii_formatd (buf, sizeof buf, "%.1f", km));
}

/* "45 min", "1 h", "2 h 10 min". */
static void
append_duration (GString *out,
                 double   seconds)
{
  gint64 minutes = (gint64) round (seconds / 60.0);

  if (minutes < 60)
    g_string_append_printf (out, "%" G_GINT64_FORMAT " min", minutes);
  else if (minutes % 60 == 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT " h", minutes / 60);
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT " h %" G_GINT64_FORMAT " min",
                            minutes / 60, minutes % 60);
}

/* "1:45:00". */
static void
append_clock (GString *out,
              double   seconds)
{
  gint64 s = (gint64) round (seconds);

  g_string_append_printf (out, "%" G_GINT64_FORMAT ":%02d:%02d",
                          s / 3600, (int) (s / 60 % 60), (int) (s % 60));
}

/* "5:30/km". */
static void
append_pace (GString *out,
             double   s_per_km)
{
  gint64 s = (gint64) round (s_per_km);

  g_string_append_printf (out, "%" G_GINT64_FORMAT ":%02d/km", s / 60, (int) (s % 60));
}

static const char *
kind_word (StridePlanKind kind)
{
  switch (kind)
    {
    case STRIDE_PLAN_KIND_RUN:
      return "Run";
    case STRIDE_PLAN_KIND_STRENGTH:
      return "Strength";
    case STRIDE_PLAN_KIND_REST:
      return "Rest";
    case STRIDE_PLAN_KIND_RACE:
      return "Race";
    case STRIDE_PLAN_KIND_CROSS:
      return "Cross-training";
    case STRIDE_N_PLAN_KINDS:
    default:
      return "Workout";
    }
}

static const char *
run_type_words (StrideRunType type)
{
  switch (type)
    {
    case STRIDE_RUN_TYPE_EASY:
      return "Easy run";
    case STRIDE_RUN_TYPE_LONG:
      return "Long run";
    case STRIDE_RUN_TYPE_TEMPO:
      return "Tempo run";
    case STRIDE_RUN_TYPE_INTERVALS:
      return "Intervals";
    case STRIDE_RUN_TYPE_RACE:
      return "Race";
    case STRIDE_RUN_TYPE_RECOVERY:
      return "Recovery run";
    case STRIDE_RUN_TYPE_NONE:
    case STRIDE_N_RUN_TYPES:
    default:
      return NULL;
    }
}

static const char *
entry_title (const StridePlanEntry *entry)
{
  const char *words = NULL;

  if (entry->kind == STRIDE_PLAN_KIND_RUN)
    words = run_type_words (entry->run_type);

  return words != NULL ? words : kind_word (entry->kind);
}

char *
stride_ics_summary_for_entry (const StridePlanEntry *entry)
{
  GString *out;

  g_return_val_if_fail (entry != NULL, NULL);

  out = g_string_new (entry_title (entry));

  if (entry->kind == STRIDE_PLAN_KIND_REST)
    return g_string_free (out, FALSE);

  if (entry->target_distance_m > 0)
    {
      g_string_append (out, " · ");
      append_km (out, entry->target_distance_m);
    }
  else if (entry->target_duration_s > 0)
    {
      g_string_append (out, " · ");
      append_duration (out, entry->target_duration_s);
    }

  return g_string_free (out, FALSE);
}

/* Export ----------------------------------------------------------------- */

static struct icaltimetype
julian_to_ical (guint32  julian,
                int      hour)
{
  struct icaltimetype t = hour < 0 ? icaltime_null_date () : icaltime_null_time ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  t.year = g_date_get_year (&date);
  t.month = g_date_get_month (&date);
  t.day = g_date_get_day (&date);
  if (hour >= 0)
    t.hour = hour;

  return t;
}

static void
add_x (icalcomponent *event,
       const char    *name,
       const char    *value)
{
  g_autofree char *x_name = g_strconcat (X_PREFIX, name, NULL);
  icalproperty *prop = icalproperty_new_x (value);

  icalproperty_set_x_name (prop, x_name);
  icalcomponent_add_property (event, prop);
}

static void
add_x_number (icalcomponent *event,
              const char    *name,
              double         value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value > 0 && isfinite (value))
    add_x (event, name, g_ascii_dtostr (buf, sizeof buf, value));
}

static icalcomponent *
new_event (const char          *uid,
           struct icaltimetype  dtstamp,
           const char          *summary,
           const char          *description)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (dtstamp));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (description != NULL && *description != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));

  return event;
}

static void
set_timed (icalcomponent *event,
           guint32        julian,
           int            hour,
           double         duration_s)
{
  gint64 seconds = duration_s > 0 ? (gint64) round (duration_s / 60.0) * 60 : DEFAULT_DURATION_S;

  if (seconds <= 0 || seconds > 7 * 24 * 3600)
    seconds = DEFAULT_DURATION_S;

  icalcomponent_add_property (event, icalproperty_new_dtstart (julian_to_ical (julian, hour)));
  icalcomponent_add_property (event,
                              icalproperty_new_duration (icaldurationtype_from_int ((int) seconds)));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
}

static void
add_targets_text (GString *text,
                  double   distance_m,
                  double   duration_s,
                  double   pace_s_per_km,
                  gboolean goal)
{
  if (distance_m > 0)
    {
      g_string_append (text, "Distance: ");
      append_km (text, distance_m);
      g_string_append_c (text, '\n');
    }
  if (duration_s > 0)
    {
      g_string_append (text, goal ? "Goal time: " : "Duration: ");
      if (goal)
        append_clock (text, duration_s);
      else
        append_duration (text, duration_s);
      g_string_append_c (text, '\n');
    }
  if (pace_s_per_km > 0)
    {
      g_string_append (text, "Pace: ");
      append_pace (text, pace_s_per_km);
      g_string_append_c (text, '\n');
    }
}

static icalcomponent *
entry_to_event (const StridePlanEntry *entry,
                guint                  index,
                struct icaltimetype    dtstamp)
{
  g_autofree char *uid = NULL;
  g_autofree char *summary = stride_ics_summary_for_entry (entry);
  g_autoptr(GString) text = g_string_new (NULL);
  icalcomponent *event;
  const char *type_words;
  double duration_s;
  gboolean has_notes = entry->description != NULL && *entry->description != '\0';

  if (entry->id > 0)
    uid = g_strdup_printf ("plan-%" G_GINT64_FORMAT "@" UID_DOMAIN, entry->id);
  else
    uid = g_strdup_printf ("plan-new-%u-%s-%u@" UID_DOMAIN,
                           entry->date, stride_slot_to_id (entry->slot), index);

  if (entry->kind != STRIDE_PLAN_KIND_REST)
    add_targets_text (text, entry->target_distance_m, entry->target_duration_s,
                      entry->target_pace_s_per_km, FALSE);
  if (entry->status != STRIDE_PLAN_STATUS_PLANNED)
    g_string_append_printf (text, "Status: %s\n", stride_plan_status_to_id (entry->status));
  if (has_notes)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, entry->description);
    }
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  event = new_event (uid, dtstamp, summary, text->str);

  if (entry->kind == STRIDE_PLAN_KIND_REST)
    {
      icalcomponent_add_property (event, icalproperty_new_dtstart (julian_to_ical (entry->date, -1)));
      icalcomponent_add_property (event, icalproperty_new_dtend (julian_to_ical (entry->date + 1, -1)));
      icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
    }
  else
    {
      duration_s = entry->target_duration_s;
      if (duration_s <= 0 && entry->target_distance_m > 0 && entry->target_pace_s_per_km > 0)
        duration_s = entry->target_distance_m / 1000.0 * entry->target_pace_s_per_km;
      set_timed (event, entry->date,
                 entry->slot == STRIDE_SLOT_EVENING ? EVENING_HOUR : MORNING_HOUR,
                 duration_s);
    }

  icalcomponent_add_property (event, icalproperty_new_categories (kind_word (entry->kind)));
  type_words = entry->kind == STRIDE_PLAN_KIND_RUN ? run_type_words (entry->run_type) : NULL;
  if (type_words != NULL)
    icalcomponent_add_property (event, icalproperty_new_categories (type_words));

  add_x (event, "KIND", stride_plan_kind_to_id (entry->kind));
  if (entry->run_type != STRIDE_RUN_TYPE_NONE)
    add_x (event, "RUN-TYPE", stride_run_type_to_id (entry->run_type));
  add_x (event, "SLOT", stride_slot_to_id (entry->slot));
  add_x_number (event, "DISTANCE-M", entry->target_distance_m);
  add_x_number (event, "DURATION-S", entry->target_duration_s);
  add_x_number (event, "PACE-S-PER-KM", entry->target_pace_s_per_km);
  if (has_notes)
    add_x (event, "NOTES", entry->description);

  return event;
}

static icalcomponent *
race_to_event (const StrideRace    *race,
               guint                index,
               struct icaltimetype  dtstamp)
{
  g_autofree char *uid = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new ("Race\n");
  icalcomponent *event;

  if (race->id > 0)
    uid = g_strdup_printf ("race-%" G_GINT64_FORMAT "@" UID_DOMAIN, race->id);
  else
    uid = g_strdup_printf ("race-new-%u-%u@" UID_DOMAIN, race->date, index);

  if (race->name != NULL && *race->name != '\0')
    g_string_append (summary, race->name);
  else
    {
      g_string_append (summary, "Race");
      if (race->distance_m > 0)
        {
          g_string_append (summary, " · ");
          append_km (summary, race->distance_m);
        }
    }

  add_targets_text (text, race->distance_m, race->goal_time_s, 0, TRUE);
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  event = new_event (uid, dtstamp, summary->str, text->str);
  set_timed (event, race->date, RACE_HOUR, race->goal_time_s);
  icalcomponent_add_property (event, icalproperty_new_categories ("Race"));

  add_x (event, "KIND", stride_plan_kind_to_id (STRIDE_PLAN_KIND_RACE));
  add_x (event, "RUN-TYPE", stride_run_type_to_id (STRIDE_RUN_TYPE_RACE));
  add_x (event, "SLOT", stride_slot_to_id (STRIDE_SLOT_MORNING));
  add_x_number (event, "DISTANCE-M", race->distance_m);
  add_x_number (event, "DURATION-S", race->goal_time_s);
  if (race->name != NULL && *race->name != '\0')
    add_x (event, "NOTES", race->name);

  return event;
}

/* libical refuses years after 3000; the day after must be valid too (the
 * DTEND of an all-day event). */
static gboolean
valid_julian (guint32 julian)
{
  GDate date;

  if (!g_date_valid_julian (julian) || !g_date_valid_julian (julian + 1))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian + 1);

  return g_date_get_year (&date) <= 2999;
}

GBytes *
stride_ics_export_bytes (const StridePlanEntry  *entries,
                         guint                   n_entries,
                         const StrideRace       *races,
                         guint                   n_races,
                         GDateTime              *dtstamp,
                         GError                **error)
{
  g_autoptr(GDateTime) now = NULL;
  struct icaltimetype stamp;
  icalcomponent *calendar;
  icalproperty *prop;
  char *text;
  GBytes *bytes;

  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);
  g_return_val_if_fail (races != NULL || n_races == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_entries; i++)
    {
      if (!valid_julian (entries[i].date) || entries[i].kind >= STRIDE_N_PLAN_KINDS
          || entries[i].slot >= STRIDE_N_SLOTS || entries[i].run_type >= STRIDE_N_RUN_TYPES
          || entries[i].status >= STRIDE_N_PLAN_STATUSES)
        {
          g_set_error (error, STRIDE_ICS_ERROR, STRIDE_ICS_ERROR_FAILED,
                       "Plan entry %u has an invalid date, kind, slot or status", i + 1);
          return NULL;
        }
    }
  for (guint i = 0; i < n_races; i++)
    {
      if (!valid_julian (races[i].date))
        {
          g_set_error (error, STRIDE_ICS_ERROR, STRIDE_ICS_ERROR_FAILED,
                       "Race %u has an invalid date", i + 1);
          return NULL;
        }
    }

  if (dtstamp == NULL)
    dtstamp = now = g_date_time_new_now_utc ();
  stamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (dtstamp), 0,
                                         icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (calendar,
                              icalproperty_new_prodid ("-//StrideStrong//StrideStrong "
                                                       PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  /* No METHOD: this is a plain RFC 5545 calendar, not an iTIP message.
   * METHOD:PUBLISH would require an ORGANIZER, which makes calendar
   * programs treat every workout as a meeting someone else organised. */
  prop = icalproperty_new_x ("StrideStrong plan");
  icalproperty_set_x_name (prop, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, prop);

  for (guint i = 0; i < n_entries; i++)
    icalcomponent_add_component (calendar, entry_to_event (&entries[i], i, stamp));
  for (guint i = 0; i < n_races; i++)
    icalcomponent_add_component (calendar, race_to_event (&races[i], i, stamp));

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);

  if (text == NULL)
    {
      g_set_error (error, STRIDE_ICS_ERROR, STRIDE_ICS_ERROR_FAILED,
                   "Cannot write the calendar: %s", icalerror_strerror (icalerrno));
      return NULL;
    }

  bytes = g_bytes_new (text, strlen (text));
  free (text);

  return bytes;
}

gboolean
stride_ics_export_file (GFile                  *file,
                        const StridePlanEntry  *entries,
                        guint                   n_entries,
                        const StrideRace       *races,
                        guint                   n_races,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = stride_ics_export_bytes (entries, n_entries, races, n_races, NULL, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);

  /* GLocalFile writes a temporary file and renames it over the target. */
  return g_file_replace_contents (file, data, size, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, cancellable, error);
}

/* Import: reading -------------------------------------------------------- */

#define CUT_OFF_PROPERTY X_PREFIX "CUT-OFF"

/* Feeds libical line by line and keeps track of open components. At the
 * end of a file that was cut off it closes them itself, marking each with
 * CUT_OFF_PROPERTY: icalparser_parse() drops an unfinished calendar, and
 * icalparser_clean() leaves what it returns owned by the parser in
 * libical 3.0. */
typedef struct
{
  const char *pos;
  const char *end;
  gboolean    at_line_start;
  GPtrArray  *open;                  /* char *: names of open components */
  GString    *closing;               /* the lines added at the end */
  gsize       closing_pos;
} LineReader;

/* A component name is letters, digits and '-' (RFC 5545): anything after
 * them is left out. A line longer than libical's buffer arrives in pieces,
 * cut anywhere — also inside a UTF-8 sequence — and the name goes into a
 * note the user reads and into the END line we write. */
static char *
component_name (const char *text,
                gsize       len)
{
  gsize n = 0;

  while (n < len && (g_ascii_isalnum (text[n]) || text[n] == '-'))
    n++;

  return g_ascii_strup (text, n);
}

static void
track_line (LineReader *reader,
            const char *line,
            gsize       len)
{
  g_autofree char *name = NULL;

  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    len--;

  if (len > 6 && g_ascii_strncasecmp (line, "BEGIN:", 6) == 0)
    {
      g_ptr_array_add (reader->open, component_name (line + 6, len - 6));
    }
  else if (len > 4 && g_ascii_strncasecmp (line, "END:", 4) == 0 && reader->open->len > 0)
    {
      name = component_name (line + 4, len - 4);
      if (g_str_equal (name, g_ptr_array_index (reader->open, reader->open->len - 1)))
        g_ptr_array_remove_index (reader->open, reader->open->len - 1);
    }
}

static char *
read_line_cb (char   *s,
              size_t  size,
              void   *user_data)
{
  LineReader *reader = user_data;
  size_t n = 0;

  if (size < 2)
    return NULL;

  if (reader->pos >= reader->end)
    {
      /* Cut off: close what is open, innermost first. */
      if (reader->closing == NULL)
        {
          reader->closing = g_string_new (reader->at_line_start ? "" : "\r\n");
          for (guint i = reader->open->len; i > 0; i--)
            g_string_append_printf (reader->closing, CUT_OFF_PROPERTY ":1\r\nEND:%s\r\n",
                                    (const char *) g_ptr_array_index (reader->open, i - 1));
        }
      if (reader->closing_pos >= reader->closing->len)
        return NULL;

      while (reader->closing_pos + n < reader->closing->len && n < size - 1)
        {
          if (reader->closing->str[reader->closing_pos + n++] == '\n')
            break;
        }
      memcpy (s, reader->closing->str + reader->closing_pos, n);
      s[n] = '\0';
      reader->closing_pos += n;

      return s;
    }

  while (reader->pos + n < reader->end && n < size - 1)
    {
      if (reader->pos[n++] == '\n')
        break;
    }

  memcpy (s, reader->pos, n);
  s[n] = '\0';

  if (reader->at_line_start)
    track_line (reader, reader->pos, n);
  reader->at_line_start = n > 0 && reader->pos[n - 1] == '\n';
  reader->pos += n;

  return s;
}

static gboolean
starts_with_vcalendar (const char *text,
                       gsize       len)
{
  static const char begin[] = "BEGIN:VCALENDAR";
  gsize i = 0;

  while (i < len && g_ascii_isspace (text[i]))
    i++;

  return len - i >= sizeof begin - 1 && g_ascii_strncasecmp (text + i, begin, sizeof begin - 1) == 0;
}

/* Import: words to kinds and targets ------------------------------------ */

typedef struct
{
  GRegex *distance;
  GRegex *pace;
  GRegex *hours;
  GRegex *minutes;
  GRegex *clock;
  GRegex *repeats;
} Patterns;

static void
patterns_clear (Patterns *p)
{
  g_clear_pointer (&p->distance, g_regex_unref);
  g_clear_pointer (&p->pace, g_regex_unref);
  g_clear_pointer (&p->hours, g_regex_unref);
  g_clear_pointer (&p->minutes, g_regex_unref);
  g_clear_pointer (&p->clock, g_regex_unref);
  g_clear_pointer (&p->repeats, g_regex_unref);
}

static GRegex *
compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);

  g_assert_no_error (error);

  return regex;
}

static void
patterns_init (Patterns *p)
{
  p->distance = compile ("(?<![\\d:.,/])(\\d+(?:[.,]\\d+)?)\\s*"
                         "(km|k|kilomet(?:er|re)s?|mi|miles?)(?![\\w/])");
  p->pace = compile ("(?<![\\d:])(\\d{1,2})[:'](\\d{2})\\s*(?:min(?:utes?)?\\s*)?"
                     "(?:/|per\\s+)\\s*(km|kilomet(?:er|re)|mi|mile)\\b");
  p->hours = compile ("(?<![\\d:.,])(\\d+(?:[.,]\\d+)?)\\s*(?:h|hr|hrs|hours?)\\b"
                      "(?:\\s*(?:and\\s+)?(\\d{1,2})\\s*(?:min|mins|minutes?|m)\\b)?");
  p->minutes = compile ("(?<![\\d:.,])(\\d+)\\s*(?:min|mins|minutes?|')(?![\\w/])(?!\\s*/)");
  p->clock = compile ("(?<![\\d:])(\\d{1,2}):([0-5]\\d):([0-5]\\d)(?![\\d:])(?!\\s*(?:min\\s*)?/)");
  p->repeats = compile ("\\b\\d+\\s*[x×]\\s*\\d+");
}

static double
match_number (GMatchInfo *info,
              int         group)
{
  g_autofree char *s = g_match_info_fetch (info, group);

  if (s == NULL || *s == '\0')
    return 0;

  g_strdelimit (s, ",", '.');

  return g_ascii_strtod (s, NULL);
}

static double
parse_distance (const Patterns *p,
                const char     *text)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *unit = NULL;
  double value;

  if (!g_regex_match (p->distance, text, 0, &info))
    return 0;

  value = match_number (info, 1);
  unit = g_match_info_fetch (info, 2);
  if (g_ascii_tolower (unit[0]) == 'm')
    return value * METERS_PER_MILE;

  return value * 1000.0;
}

static double
parse_pace (const Patterns *p,
            const char     *text)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *unit = NULL;
  double seconds;

  if (!g_regex_match (p->pace, text, 0, &info))
    return 0;

  seconds = match_number (info, 1) * 60 + match_number (info, 2);
  unit = g_match_info_fetch (info, 3);
  if (g_ascii_tolower (unit[0]) == 'm')
    return seconds * 1000.0 / METERS_PER_MILE;

  return seconds;
}

static double
parse_duration (const Patterns *p,
                const char     *text)
{
  g_autoptr(GMatchInfo) clock = NULL;
  g_autoptr(GMatchInfo) hours = NULL;
  g_autoptr(GMatchInfo) minutes = NULL;

  if (g_regex_match (p->clock, text, 0, &clock))
    return match_number (clock, 1) * 3600 + match_number (clock, 2) * 60 + match_number (clock, 3);
  if (g_regex_match (p->hours, text, 0, &hours))
    return match_number (hours, 1) * 3600 + match_number (hours, 2) * 60;
  if (g_regex_match (p->minutes, text, 0, &minutes))
    return match_number (minutes, 1) * 60;

  return 0;
}

/* Targets: the SUMMARY (and CATEGORIES) first; then labelled lines of
 * DESCRIPTION ("Distance: 10 km", "Duration: 45 min", "Time: …",
 * "Goal time: …", "Pace: 5:00/km") for what is still missing; free text
 * of DESCRIPTION only when neither gave anything, since a description
 * like "warm up 15 min, 6x800 m" describes parts, not the whole. */
static void
parse_targets (const Patterns  *p,
               const char      *headline,
               const char      *description,
               StridePlanEntry *entry)
{
  g_auto(GStrv) lines = NULL;
  gboolean labelled = FALSE;

  entry->target_distance_m = parse_distance (p, headline);
  entry->target_duration_s = parse_duration (p, headline);
  entry->target_pace_s_per_km = parse_pace (p, headline);

  if (description == NULL)
    return;

  lines = g_strsplit (description, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *colon;
      g_autofree char *label = NULL;

      while (g_ascii_isspace (*line))
        line++;
      colon = strchr (line, ':');
      if (colon == NULL || colon - line > 12)
        continue;

      label = g_ascii_strdown (line, colon - line);
      g_strstrip (label);
      if (g_str_equal (label, "distance"))
        {
          labelled = TRUE;
          if (entry->target_distance_m <= 0)
            entry->target_distance_m = parse_distance (p, colon + 1);
        }
      else if (g_str_equal (label, "duration") || g_str_equal (label, "time")
               || g_str_equal (label, "goal time"))
        {
          labelled = TRUE;
          if (entry->target_duration_s <= 0)
            entry->target_duration_s = parse_duration (p, colon + 1);
        }
      else if (g_str_equal (label, "pace"))
        {
          labelled = TRUE;
          if (entry->target_pace_s_per_km <= 0)
            entry->target_pace_s_per_km = parse_pace (p, colon + 1);
        }
    }

  if (labelled || entry->target_distance_m > 0 || entry->target_duration_s > 0
      || entry->target_pace_s_per_km > 0)
    return;

  entry->target_distance_m = parse_distance (p, description);
  entry->target_duration_s = parse_duration (p, description);
  entry->target_pace_s_per_km = parse_pace (p, description);
}

typedef struct
{
  const char     *word;
  StridePlanKind  kind;
  StrideRunType   run_type;
} KindWord;

/* RUN with NONE is a plain "run": a later run-type word refines it. */
static const KindWord kind_words[] = {
  { "run", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_NONE },
  { "runs", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_NONE },
  { "running", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_NONE },
  { "jog", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_NONE },
  { "jogging", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_NONE },
  { "easy", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_EASY },
  { "aerobic", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_EASY },
  { "long", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_LONG },
  { "lsd", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_LONG },
  { "tempo", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_TEMPO },
  { "threshold", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_TEMPO },
  { "interval", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_INTERVALS },
  { "intervals", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_INTERVALS },
  { "repeats", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_INTERVALS },
  { "track", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_INTERVALS },
  { "fartlek", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_INTERVALS },
  { "hills", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_INTERVALS },
  { "vo2max", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_INTERVALS },
  { "recovery", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_RECOVERY },
  { "shakeout", STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_RECOVERY },
  { "race", STRIDE_PLAN_KIND_RACE, STRIDE_RUN_TYPE_RACE },
  { "racing", STRIDE_PLAN_KIND_RACE, STRIDE_RUN_TYPE_RACE },
  { "marathon", STRIDE_PLAN_KIND_RACE, STRIDE_RUN_TYPE_RACE },
  { "parkrun", STRIDE_PLAN_KIND_RACE, STRIDE_RUN_TYPE_RACE },
  { "rest", STRIDE_PLAN_KIND_REST, STRIDE_RUN_TYPE_NONE },
  { "off", STRIDE_PLAN_KIND_REST, STRIDE_RUN_TYPE_NONE },
  { "strength", STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE },
  { "gym", STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE },
  { "weights", STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE },
  { "lifting", STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE },
  { "lift", STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE },
  { "squats", STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE },
  { "deadlifts", STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE },
  { "core", STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE },
  { "plyometrics", STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE },
  { "cross", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "crosstraining", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "bike", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "biking", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "cycling", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "ride", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "spin", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "swim", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "swimming", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "elliptical", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "rowing", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "yoga", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "hike", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
  { "ski", STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE },
};

/* The first recognised word of @text decides; a plain "run" may be
 * refined by a run type later on. Returns FALSE when nothing matched. */
static gboolean
guess_kind (const Patterns *p,
            const char     *text,
            StridePlanKind *kind,
            StrideRunType  *run_type)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autoptr(GString) plain = g_string_sized_new (strlen (lower));
  g_auto(GStrv) words = NULL;
  gboolean found = FALSE;

  /* Words are runs of letters and digits; "cross-training" is one. */
  for (const char *c = lower; *c != '\0'; c++)
    {
      if (*c == '-')
        continue;
      g_string_append_c (plain, g_ascii_isalnum (*c) || (guchar) *c >= 0x80 ? *c : ' ');
    }
  words = g_strsplit (plain->str, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *next = NULL;

      if (*words[i] == '\0')
        continue;
      for (guint j = i + 1; next == NULL && words[j] != NULL; j++)
        {
          if (*words[j] != '\0')
            next = words[j];
        }

      /* "race pace", "marathon pace", "race-pace": a pace, not a race. */
      if ((g_str_equal (words[i], "race") || g_str_equal (words[i], "marathon")
           || g_str_equal (words[i], "racepace"))
          && (next != NULL && g_str_equal (next, "pace")))
        continue;
      if (g_str_equal (words[i], "racepace"))
        continue;

      for (guint k = 0; k < G_N_ELEMENTS (kind_words); k++)
        {
          if (!g_str_equal (words[i], kind_words[k].word))
            continue;

          if (!found)
            {
              *kind = kind_words[k].kind;
              *run_type = kind_words[k].run_type;
              found = TRUE;
            }
          else if (*kind == STRIDE_PLAN_KIND_RUN && *run_type == STRIDE_RUN_TYPE_NONE
                   && kind_words[k].kind == STRIDE_PLAN_KIND_RUN)
            {
              *run_type = kind_words[k].run_type;
            }
          break;
        }

      if (found && (*kind != STRIDE_PLAN_KIND_RUN || *run_type != STRIDE_RUN_TYPE_NONE))
        break;
    }

  /* "6x800", "5 × 1000 m": intervals. */
  if (found && *kind == STRIDE_PLAN_KIND_RUN && *run_type == STRIDE_RUN_TYPE_NONE
      && g_regex_match (p->repeats, text, 0, NULL))
    *run_type = STRIDE_RUN_TYPE_INTERVALS;

  return found;
}

/* Import: events --------------------------------------------------------- */

typedef struct
{
  StrideIcsImport *result;
  GTimeZone       *local_tz;
  Patterns         patterns;
  GHashTable      *overrides;        /* "UID\nRECURRENCE-ID as UTC or floating" */
  guint            position;
} Importer;

static char *
dup_valid (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_utf8_make_valid (text, -1);
}

static void
add_skipped (Importer            *importer,
             icalcomponent       *comp,
             StrideIcsSkipReason  reason,
             const char          *why)
{
  StrideIcsSkipped skipped = { 0, };
  icalcomponent_kind kind = icalcomponent_isa (comp);
  const char *kind_name = icalcomponent_kind_to_string (kind);
  g_autoptr(GString) message = g_string_new (NULL);

  skipped.reason = reason;
  skipped.position = importer->position;
  skipped.component = g_strdup (kind_name != NULL ? kind_name : "X-COMPONENT");
  if (kind != ICAL_X_COMPONENT && kind != ICAL_NO_COMPONENT)
    {
      skipped.uid = dup_valid (icalcomponent_get_uid (comp));
      skipped.summary = dup_valid (icalcomponent_get_summary (comp));
    }

  if (skipped.summary != NULL)
    g_string_append_printf (message, "“%s” ", skipped.summary);
  g_string_append_printf (message, "(%s %u", skipped.component, skipped.position);
  if (skipped.uid != NULL)
    g_string_append_printf (message, ", UID %s", skipped.uid);
  g_string_append_printf (message, "): %s", why);
  skipped.message = g_string_free (g_steal_pointer (&message), FALSE);

  g_array_append_val (importer->result->skipped, skipped);
}

static void
add_note (Importer   *importer,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_note (Importer   *importer,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (importer->result->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The first X-LIC-ERROR of @comp (not of its children) whose text
 * contains @needle, or any one if @needle is NULL. */
static const char *
find_error (icalcomponent *comp,
            const char    *needle)
{
  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_XLICERROR_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_XLICERROR_PROPERTY))
    {
      const char *text = icalproperty_get_xlicerror (prop);

      if (text == NULL)
        text = "";
      if (needle == NULL || strstr (text, needle) != NULL)
        return text;
    }

  return NULL;
}

static const char *
get_x (icalcomponent *event,
       const char    *name)
{
  g_autofree char *x_name = g_strconcat (X_PREFIX, name, NULL);

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *prop_name = icalproperty_get_x_name (prop);

      if (prop_name != NULL && g_ascii_strcasecmp (prop_name, x_name) == 0)
        return icalproperty_get_x (prop);
    }

  return NULL;
}

static double
get_x_number (icalcomponent *event,
              const char    *name)
{
  const char *text = get_x (event, name);
  double value;

  if (text == NULL)
    return 0;

  value = g_ascii_strtod (text, NULL);

  return isfinite (value) && value > 0 ? value : 0;
}

/* Local day and hour (-1 for an all-day event) of @t. */
static gboolean
local_day (Importer            *importer,
           struct icaltimetype  t,
           guint32             *julian,
           int                 *hour)
{
  int year = t.year, month = t.month, day = t.day, h = t.hour;
  GDate date;

  if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t))
    return FALSE;

  if (!t.is_date && t.zone != NULL)
    {
      time_t utc = icaltime_as_timet_with_zone (t, t.zone);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc ((gint64) utc);
      g_autoptr(GDateTime) local = NULL;

      if (dt == NULL)
        return FALSE;
      local = g_date_time_to_timezone (dt, importer->local_tz);
      if (local == NULL)
        return FALSE;
      g_date_time_get_ymd (local, &year, &month, &day);
      h = g_date_time_get_hour (local);
    }

  if (year < 1 || year > 9998 || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy (day, month, year) || h < 0 || h > 23)
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  *julian = g_date_get_julian (&date);
  *hour = t.is_date ? -1 : h;

  return TRUE;
}

static char *
categories_text (icalcomponent *event)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_CATEGORIES_PROPERTY))
    {
      const char *value = icalproperty_get_categories (prop);

      if (value != NULL)
        g_string_append_printf (text, " %s", value);
    }

  return g_utf8_make_valid (text->str, -1);
}

/* Fills @entry's kind, targets and description (date and slot are set
 * per occurrence). */
static void
describe_entry (Importer        *importer,
                icalcomponent   *event,
                StridePlanEntry *entry)
{
  g_autofree char *summary = dup_valid (icalcomponent_get_summary (event));
  g_autofree char *description = dup_valid (icalcomponent_get_description (event));
  g_autofree char *categories = categories_text (event);
  g_autofree char *headline = g_strconcat (summary != NULL ? summary : "", " ", categories, NULL);
  g_autofree char *all = g_strconcat (headline, "\n", description != NULL ? description : "", NULL);
  const char *own_kind = get_x (event, "KIND");
  const Patterns *p = &importer->patterns;

  entry->status = STRIDE_PLAN_STATUS_PLANNED;

  /* Our own export: the exact values. */
  if (own_kind != NULL && stride_plan_kind_from_id (own_kind, &entry->kind))
    {
      const char *run_type = get_x (event, "RUN-TYPE");
      const char *notes = get_x (event, "NOTES");

      if (run_type == NULL || !stride_run_type_from_id (run_type, &entry->run_type))
        entry->run_type = STRIDE_RUN_TYPE_NONE;
      entry->target_distance_m = get_x_number (event, "DISTANCE-M");
      entry->target_duration_s = get_x_number (event, "DURATION-S");
      entry->target_pace_s_per_km = get_x_number (event, "PACE-S-PER-KM");
      entry->description = dup_valid (notes);
      return;
    }

  if (!guess_kind (p, headline, &entry->kind, &entry->run_type)
      && !guess_kind (p, all, &entry->kind, &entry->run_type))
    {
      gboolean has_run_target = parse_distance (p, all) > 0 || parse_pace (p, all) > 0;

      entry->kind = has_run_target ? STRIDE_PLAN_KIND_RUN : STRIDE_PLAN_KIND_CROSS;
      entry->run_type = STRIDE_RUN_TYPE_NONE;
      add_note (importer, "“%s” (VEVENT %u): kind not recognised, imported as %s",
                summary != NULL ? summary : "", importer->position,
                has_run_target ? "a run" : "cross-training");
    }

  if (entry->kind != STRIDE_PLAN_KIND_REST)
    {
      parse_targets (p, headline, description, entry);

      if (entry->target_distance_m <= 0 && entry->kind == STRIDE_PLAN_KIND_RACE)
        {
          g_autofree char *lower = g_utf8_strdown (all, -1);

          if (strstr (lower, "half marathon") != NULL || strstr (lower, "half-marathon") != NULL)
            entry->target_distance_m = 21097.5;
          else if (strstr (lower, "marathon") != NULL)
            entry->target_distance_m = 42195;
        }

      if (entry->target_duration_s <= 0
          && (entry->kind == STRIDE_PLAN_KIND_STRENGTH || entry->kind == STRIDE_PLAN_KIND_CROSS))
        {
          struct icaltimetype start = icalcomponent_get_dtstart (event);
          struct icaldurationtype length = icalcomponent_get_duration (event);
          int seconds = icaldurationtype_as_int (length);

          if (!start.is_date && seconds > 0 && seconds <= MAX_EVENT_TARGET_S)
            entry->target_duration_s = seconds;
        }
    }

  if (summary != NULL && description != NULL)
    entry->description = g_strconcat (summary, "\n", description, NULL);
  else if (summary != NULL)
    entry->description = g_steal_pointer (&summary);
  else
    entry->description = g_steal_pointer (&description);
}

static void
add_entry (Importer              *importer,
           const StridePlanEntry *model,
           guint32                julian,
           int                    hour,
           icalcomponent         *event)
{
  StridePlanEntry entry = *model;
  const char *own_slot;

  entry.date = julian;
  entry.description = g_strdup (model->description);
  if (hour >= 0)
    entry.slot = hour < 12 ? STRIDE_SLOT_MORNING : STRIDE_SLOT_EVENING;
  else if ((own_slot = get_x (event, "SLOT")) == NULL || !stride_slot_from_id (own_slot, &entry.slot))
    entry.slot = STRIDE_SLOT_MORNING;

  g_array_append_val (importer->result->entries, entry);
}

static char *
override_key (const char          *uid,
              struct icaltimetype  t)
{
  /* UTC when it has a zone, else as written: both sides are keyed alike. */
  if (!t.is_date && t.zone != NULL)
    t = icaltime_convert_to_zone (t, icaltimezone_get_utc_timezone ());

  return g_strdup_printf ("%s\n%04d%02d%02dT%02d%02d%02d%s", uid != NULL ? uid : "",
                          t.year, t.month, t.day, t.hour, t.minute, t.second,
                          t.is_date ? "D" : "");
}

static gboolean
is_excluded (Importer            *importer,
             icalcomponent       *event,
             struct icaltimetype  occurrence)
{
  g_autofree char *key = override_key (icalcomponent_get_uid (event), occurrence);

  if (g_hash_table_contains (importer->overrides, key))
    return TRUE;

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_EXDATE_PROPERTY))
    {
      struct icaltimetype exdate = icalproperty_get_exdate (prop);
      icalparameter *tzid = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

      if (tzid != NULL && occurrence.zone != NULL && !exdate.is_date)
        exdate = icaltime_set_timezone (&exdate, occurrence.zone);
      if (exdate.is_date || occurrence.is_date
          ? icaltime_compare_date_only (exdate, occurrence) == 0
          : icaltime_compare (exdate, occurrence) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
import_recurring (Importer              *importer,
                  icalcomponent         *event,
                  struct icaltimetype    start,
                  const StridePlanEntry *model)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (struct icaltimetype));
  struct icaltimetype limit = start;
  gboolean truncated = FALSE;
  guint n = 0;

  limit.is_date = 0;
  icaltime_adjust (&limit, STRIDE_ICS_RECURRENCE_DAYS, 0, 0, 0);

  g_array_append_val (starts, start);

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_RRULE_PROPERTY))
    {
      struct icalrecurrencetype rule = icalproperty_get_rrule (prop);
      icalrecur_iterator *it = icalrecur_iterator_new (rule, start);
      struct icaltimetype next;

      if (it == NULL)
        continue;
      for (next = icalrecur_iterator_next (it); !icaltime_is_null_time (next);
           next = icalrecur_iterator_next (it))
        {
          struct icaltimetype cmp = next;

          cmp.is_date = 0;
          if (icaltime_compare (cmp, limit) >= 0 || starts->len > STRIDE_ICS_MAX_OCCURRENCES)
            {
              truncated = TRUE;
              break;
            }
          if (icaltime_compare (next, start) != 0)
            g_array_append_val (starts, next);
        }
      icalrecur_iterator_free (it);
    }

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_RDATE_PROPERTY))
    {
      struct icaldatetimeperiodtype rdate = icalproperty_get_rdate (prop);
      struct icaltimetype t = icaltime_is_null_time (rdate.time) ? rdate.period.start : rdate.time;

      if (!icaltime_is_null_time (t) && starts->len <= STRIDE_ICS_MAX_OCCURRENCES)
        {
          if (!t.is_date && t.zone == NULL)
            t.zone = start.zone;
          g_array_append_val (starts, t);
        }
    }

  for (guint i = 0; i < starts->len && n < STRIDE_ICS_MAX_OCCURRENCES; i++)
    {
      struct icaltimetype t = g_array_index (starts, struct icaltimetype, i);
      guint32 julian;
      int hour;

      if (is_excluded (importer, event, t) || !local_day (importer, t, &julian, &hour))
        continue;
      add_entry (importer, model, julian, hour, event);
      n++;
    }

  if (truncated)
    add_note (importer, "“%s” (VEVENT %u): repeats beyond one year; only the first %u "
              "occurrences were imported",
              model->description != NULL ? model->description : "", importer->position, n);
}

static void
import_event (Importer      *importer,
              icalcomponent *event)
{
  StridePlanEntry model = { 0, };
  struct icaltimetype start;
  guint32 julian;
  int hour;

  importer->result->n_events++;

  if (get_x (event, "CUT-OFF") != NULL)
    {
      add_skipped (importer, event, STRIDE_ICS_SKIP_MALFORMED,
                   "the file ends inside this event (no END:VEVENT)");
      return;
    }
  if (find_error (event, "Missing END") != NULL)
    {
      add_skipped (importer, event, STRIDE_ICS_SKIP_MALFORMED,
                   "the event is broken (a component has no END)");
      return;
    }

  if (icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
    {
      add_skipped (importer, event, STRIDE_ICS_SKIP_CANCELLED, "the event is cancelled");
      return;
    }

  start = icalcomponent_get_dtstart (event);
  if (icaltime_is_null_time (start))
    {
      if (find_error (event, "DTSTART") != NULL)
        add_skipped (importer, event, STRIDE_ICS_SKIP_BAD_DATE,
                     "the start date (DTSTART) cannot be read");
      else
        add_skipped (importer, event, STRIDE_ICS_SKIP_NO_DATE, "no start date (DTSTART)");
      return;
    }
  if (!local_day (importer, start, &julian, &hour))
    {
      add_skipped (importer, event, STRIDE_ICS_SKIP_BAD_DATE,
                   "the start date (DTSTART) is not a real date");
      return;
    }
  if (find_error (event, "RRULE") != NULL)
    {
      add_skipped (importer, event, STRIDE_ICS_SKIP_BAD_RECURRENCE,
                   "the repeat rule (RRULE) cannot be read");
      return;
    }

  describe_entry (importer, event, &model);

  if (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY) != NULL
      || icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY) != NULL)
    import_recurring (importer, event, start, &model);
  else
    add_entry (importer, &model, julian, hour, event);

  stride_plan_entry_clear (&model);
}

static void
collect_overrides (Importer      *importer,
                   icalcomponent *calendar)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype rid = icalcomponent_get_recurrenceid (event);

      if (!icaltime_is_null_time (rid))
        g_hash_table_add (importer->overrides,
                          override_key (icalcomponent_get_uid (event), rid));
    }
}

static void
import_calendar (Importer      *importer,
                 icalcomponent *calendar)
{
  collect_overrides (importer, calendar);

  for (icalcomponent *comp = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       comp != NULL;
       comp = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (comp);

      if (kind == ICAL_VTIMEZONE_COMPONENT)
        continue;

      importer->position++;

      switch (kind)
        {
        case ICAL_VEVENT_COMPONENT:
          import_event (importer, comp);
          break;
        case ICAL_VTODO_COMPONENT:
          add_skipped (importer, comp, STRIDE_ICS_SKIP_NOT_EVENT,
                       "a task (VTODO), not an event");
          break;
        case ICAL_VJOURNAL_COMPONENT:
          add_skipped (importer, comp, STRIDE_ICS_SKIP_NOT_EVENT,
                       "a journal note (VJOURNAL), not an event");
          break;
        case ICAL_VFREEBUSY_COMPONENT:
          add_skipped (importer, comp, STRIDE_ICS_SKIP_NOT_EVENT,
                       "free/busy time (VFREEBUSY), not an event");
          break;
        default:
          add_skipped (importer, comp, STRIDE_ICS_SKIP_NOT_EVENT, "not an event");
          break;
        }
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const StridePlanEntry *ea = a;
  const StridePlanEntry *eb = b;

  if (ea->date != eb->date)
    return ea->date < eb->date ? -1 : 1;

  return (int) ea->slot - (int) eb->slot;
}

/* Joins folded lines (a line break followed by a space or tab), so that
 * a fold inside a multi-byte character does not look like bad UTF-8. */
static GString *
unfold (const char *data,
        gsize       size)
{
  GString *out = g_string_sized_new (size + 1);

  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '\r' && i + 2 < size && data[i + 1] == '\n'
          && (data[i + 2] == ' ' || data[i + 2] == '\t'))
        i += 2;
      else if (data[i] == '\n' && i + 1 < size && (data[i + 1] == ' ' || data[i + 1] == '\t'))
        i += 1;
      else
        g_string_append_c (out, data[i]);
    }

  return out;
}

/* Unfolds; non-UTF-8 text is read as Windows-1252, else ISO-8859-1
 * (which never fails); a BOM is dropped. Returns a NUL-terminated copy. */
static char *
to_utf8 (const char *raw,
         gsize       raw_size,
         gsize      *out_size,
         gboolean   *converted)
{
  g_autoptr(GString) unfolded = unfold (raw, raw_size);
  const char *data = unfolded->str;
  gsize size = unfolded->len;
  char *text = NULL;

  *converted = FALSE;
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (g_utf8_validate_len (data, size, NULL))
    {
      *out_size = size;
      return g_strndup (data, size);
    }

  *converted = TRUE;
  text = g_convert (data, size, "UTF-8", "WINDOWS-1252", NULL, out_size, NULL);
  if (text == NULL)
    text = g_convert (data, size, "UTF-8", "ISO-8859-1", NULL, out_size, NULL);
  if (text == NULL)
    {
      text = g_utf8_make_valid (data, size);
      *out_size = strlen (text);
    }

  return text;
}

StrideIcsImport *
stride_ics_parse_bytes (GBytes     *data,
                        GTimeZone  *local_tz,
                        GError    **error)
{
  g_autoptr(StrideIcsImport) result = NULL;
  g_autoptr(GTimeZone) default_tz = NULL;
  g_autofree char *text = NULL;
  Importer importer = { 0, };
  LineReader reader;
  icalparser *parser;
  icalcomponent *root;
  gboolean converted;
  const char *bytes;
  gsize size, text_size = 0;
  guint n_calendars = 0;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  if (size > STRIDE_ICS_MAX_SIZE)
    {
      g_set_error (error, STRIDE_ICS_ERROR, STRIDE_ICS_ERROR_TOO_LARGE,
                   "The calendar file is too large (%" G_GSIZE_FORMAT " MB)", size >> 20);
      return NULL;
    }

  text = to_utf8 (bytes != NULL ? bytes : "", size, &text_size, &converted);
  if (!starts_with_vcalendar (text, text_size))
    {
      g_set_error_literal (error, STRIDE_ICS_ERROR, STRIDE_ICS_ERROR_NOT_ICALENDAR,
                           "Not an iCalendar file (it does not start with BEGIN:VCALENDAR)");
      return NULL;
    }

  result = g_new0 (StrideIcsImport, 1);
  result->entries = g_array_new (FALSE, TRUE, sizeof (StridePlanEntry));
  g_array_set_clear_func (result->entries, (GDestroyNotify) stride_plan_entry_clear);
  result->skipped = g_array_new (FALSE, TRUE, sizeof (StrideIcsSkipped));
  g_array_set_clear_func (result->skipped, (GDestroyNotify) stride_ics_skipped_clear);
  result->notes = g_ptr_array_new_with_free_func (g_free);

  if (local_tz == NULL)
    local_tz = default_tz = g_time_zone_new_local ();

  importer.result = result;
  importer.local_tz = local_tz;
  importer.overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  patterns_init (&importer.patterns);

  if (converted)
    add_note (&importer, "The file is not UTF-8; it was read as Windows-1252");

  /* Line by line rather than icalparser_parse_string(), so that a file
   * cut off keeps its complete events (see LineReader). */
  reader.pos = text;
  reader.end = text + text_size;
  reader.at_line_start = TRUE;
  reader.open = g_ptr_array_new_with_free_func (g_free);
  reader.closing = NULL;
  reader.closing_pos = 0;
  parser = icalparser_new ();
  icalparser_set_gen_data (parser, &reader);
  root = icalparser_parse (parser, read_line_cb);
  icalparser_free (parser);

  if (reader.closing != NULL && reader.open->len > 0)
    add_note (&importer, "The file is cut off: it ends inside %s",
              (const char *) g_ptr_array_index (reader.open, reader.open->len - 1));
  g_ptr_array_unref (reader.open);
  if (reader.closing != NULL)
    g_string_free (reader.closing, TRUE);

  if (root != NULL && icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    {
      import_calendar (&importer, root);
      n_calendars++;
    }
  else if (root != NULL)
    {
      for (icalcomponent *comp = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
           comp != NULL;
           comp = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
        {
          import_calendar (&importer, comp);
          n_calendars++;
        }
    }

  g_clear_pointer (&root, icalcomponent_free);
  g_hash_table_unref (importer.overrides);
  patterns_clear (&importer.patterns);

  if (n_calendars == 0)
    {
      g_set_error_literal (error, STRIDE_ICS_ERROR, STRIDE_ICS_ERROR_NOT_ICALENDAR,
                           "Not an iCalendar file (no calendar could be read)");
      return NULL;
    }

  g_array_sort (result->entries, compare_entries);

  return g_steal_pointer (&result);
}

StrideIcsImport *
stride_ics_parse_file (GFile         *file,
                       GTimeZone     *local_tz,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > STRIDE_ICS_MAX_SIZE)
    {
      g_set_error (error, STRIDE_ICS_ERROR, STRIDE_ICS_ERROR_TOO_LARGE,
                   "The calendar file is too large (%" G_GINT64_FORMAT " MB)",
                   (gint64) (g_file_info_get_size (info) >> 20));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  return stride_ics_parse_bytes (bytes, local_tz, error);
}
