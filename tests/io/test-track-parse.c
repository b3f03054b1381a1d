/* test-track-parse.c — the importers' fast timestamp and number parsers
 * give exactly what GLib's general ones give.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stride_track_parse_time and stride_track_parse_double read the common
 * forms by hand (every point of a GPX or TCX file goes through them) and
 * leave the rest to GDateTime and g_ascii_strtod. Both paths must agree
 * to the last bit, so these tests compare them on edge cases and on many
 * random values.
 */

#include "config.h"

#include <math.h>

#include "stride-track.h"

/* What GLib makes of @text: Unix seconds with microseconds, and the offset. */
static gboolean
reference_time (const char *text,
                GTimeZone  *utc,
                double     *unix_s,
                gint       *offset_s)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, utc);

  if (dt == NULL)
    return FALSE;

  *unix_s = (double) g_date_time_to_unix (dt) + g_date_time_get_microsecond (dt) / 1e6;
  *offset_s = (gint) (g_date_time_get_utc_offset (dt) / G_USEC_PER_SEC);
  return TRUE;
}

static void
check_time (const char *text,
            GTimeZone  *utc)
{
  double expected_s = 0.0, parsed_s = 0.0;
  gint expected_offset = 0, parsed_offset = 0;
  gboolean expected = reference_time (text, utc, &expected_s, &expected_offset);
  gboolean parsed = stride_track_parse_time (text, utc, &parsed_s, &parsed_offset);

  if (expected != parsed)
    g_test_fail_printf ("“%s”: GLib says %s, the parser %s", text,
                        expected ? "valid" : "invalid", parsed ? "valid" : "invalid");
  else if (expected && (expected_s != parsed_s || expected_offset != parsed_offset))
    g_test_fail_printf ("“%s”: %.6f %+d expected, got %.6f %+d", text, expected_s,
                        expected_offset, parsed_s, parsed_offset);
}

static void
test_time_edge_cases (void)
{
  static const char *const texts[] = {
    "2026-11-25T06:29:00Z", "2026-11-25T06:29:00.5Z", "2026-11-25T06:29:00.123456Z",
    "2026-11-25T06:29:00.1234567Z", "2026-11-25T06:29:00.999999999Z",
    "2026-11-25T06:29:00+01:00", "2026-11-25T06:29:00-14:59", "2026-11-25T06:29:00+0530",
    "2026-11-25T06:29:00", "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z",
    "1000-01-01T00:00:00Z", "9998-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
    "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-25T24:00:00Z",
    "2026-11-25T06:60:00Z", "2026-11-25T06:29:60Z", "2026-11-25 06:29:00Z",
    "2026-11-25T06:29Z", "2026-11-25", "", "Z", "2026-11-25T06:29:00.Z",
    "2026-11-25T06:29:00ZZ", "+2026-11-25T06:29:00Z", "2026-11-25T06:29:00+15:00",
    "2026-11-25t06:29:00z", "0000-01-01T00:00:00Z", "2026-11-25T06:29:00,5Z",
  };
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    check_time (texts[i], utc);
}

static void
test_time_random (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);

  for (guint i = 0; i < 50000; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *fraction = NULL;
      const char *zone;
      guint digits = g_rand_int_range (rand, 0, 10);
      int offset = g_rand_int_range (rand, -14 * 60, 14 * 60 + 1);

      fraction = digits == 0 ? g_strdup ("")
                             : g_strdup_printf (".%0*u", digits,
                                                g_rand_int_range (rand, 0, (gint32) MIN (pow (10, digits), G_MAXINT32)));
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          zone = "Z";
          break;
        case 1:
          zone = NULL;
          break;
        default:
          zone = "";
          break;
        }
      text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                              g_rand_int_range (rand, 1000, 9999), g_rand_int_range (rand, 1, 13),
                              g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 0, 24),
                              g_rand_int_range (rand, 0, 60), g_rand_int_range (rand, 0, 60),
                              fraction, zone != NULL ? zone : "");
      if (zone == NULL)
        {
          g_autofree char *with_offset =
            g_strdup_printf ("%s%c%02d:%02d", text, offset < 0 ? '-' : '+', ABS (offset) / 60,
                             ABS (offset) % 60);

          check_time (with_offset, utc);
        }
      else
        check_time (text, utc);
    }
}

static void
check_double (const char *text)
{
  double parsed = 0.0;
  gboolean ok = stride_track_parse_double (text, &parsed);
  char *end = NULL;
  double expected;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  errno = 0;
  expected = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !isfinite (expected))
    {
      if (ok)
        g_test_fail_printf ("“%s” is not a number, the parser read %.17g", text, parsed);
      return;
    }
  if (!ok)
    g_test_fail_printf ("“%s”: %.17g expected, the parser refused it", text, expected);
  else if (memcmp (&expected, &parsed, sizeof expected) != 0)
    g_test_fail_printf ("“%s”: %a expected, got %a", text, expected, parsed);
}

static void
test_double_edge_cases (void)
{
  static const char *const texts[] = {
    "0", "-0", "0.0", "1", "-1", "52.520008", "13.404954", "-0.000001", "123456789012345",
    "9007199254740992", "9007199254740993", "0.1", "0.30000000000000004", "1e5", "1E-3",
    "+5", ".5", "5.", " 42.5 ", "4 2", "", "-", ".", "nan", "inf", "1e400", "0x10",
    "347.51647932274665", "00012.50", "1.7976931348623157e308",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    check_double (texts[i]);
}

static void
test_double_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);

  for (guint i = 0; i < 200000; i++)
    {
      g_autofree char *text = NULL;
      guint integer_digits = g_rand_int_range (rand, 1, 10);
      guint fraction_digits = g_rand_int_range (rand, 0, 12);
      GString *s = g_string_new (g_rand_boolean (rand) ? "-" : "");

      for (guint d = 0; d < integer_digits; d++)
        g_string_append_c (s, '0' + g_rand_int_range (rand, 0, 10));
      if (fraction_digits > 0)
        {
          g_string_append_c (s, '.');
          for (guint d = 0; d < fraction_digits; d++)
            g_string_append_c (s, '0' + g_rand_int_range (rand, 0, 10));
        }
      text = g_string_free (s, FALSE);
      check_double (text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/track/time/edge-cases", test_time_edge_cases);
  g_test_add_func ("/track/time/random", test_time_random);
  g_test_add_func ("/track/double/edge-cases", test_double_edge_cases);
  g_test_add_func ("/track/double/random", test_double_random);

  return g_test_run ();
}
