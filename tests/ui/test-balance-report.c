/* test-balance-report.c — the physio report (issue 7): a PDF checked with
 * poppler-utils (pdftoppm, pdftotext). No display needed.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>

#include "stride-balance-report.h"
#include "stride-demo-writer.h"
#include "stride-store.h"

#define REPORT_DAYS 365
/* pdftoppm -r 40: an A4 page is 331 × 468 pixels. A page with data has
 * a few thousand dark ones; one that says "nothing here" a few hundred;
 * the footer alone about a hundred. */
#define MIN_INK_DATA   1500
#define MIN_INK_EMPTY  250

typedef struct
{
  char        *dir;
  StrideStore *store;
  guint32      today;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("stride-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->store = stride_store_open (path, &error);
  g_assert_no_error (error);

  /* Ranges count back from today: the demo must end today too. */
  fixture->today = stride_today_julian ();
  g_assert_true (stride_demo_write (fixture->store, 1, fixture->today, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Poppler */

/* Runs a poppler-utils tool; missing tools fail the test, they do not
 * skip it: CI must install poppler-utils. */
static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_printerr ("%s is not installed: install poppler-utils to run this test\n", argv[0]);
      g_test_fail_printf ("%s is not installed: install poppler-utils to run this test",
                          argv[0]);
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_test_fail_printf ("%s failed: %s\n%s", argv[0], error->message, err);
      return NULL;
    }

  return g_steal_pointer (&out);
}

/* The text of each page (pdftotext separates pages with form feeds). */
static GStrv
pdf_pages_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run_tool (argv);
  GStrv pages;
  guint n;

  if (text == NULL)
    return NULL;

  pages = g_strsplit (text, "\f", -1);
  /* The text ends with a form feed: drop the empty tail. */
  n = g_strv_length (pages);
  if (n > 0 && *g_strstrip (pages[n - 1]) == '\0')
    g_clear_pointer (&pages[n - 1], g_free);

  return pages;
}

static char *
pdf_text (const char *pdf)
{
  g_auto(GStrv) pages = pdf_pages_text (pdf);

  return pages != NULL ? g_strjoinv ("\n", pages) : NULL;
}

/* Pixels that are not (nearly) white. */
static guint
count_ink (const char *png)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  guint ink = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      const guint32 *row = (const guint32 *) (gpointer) (cairo_image_surface_get_data (surface) +
                                                         y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        {
          guint32 p = row[x];

          if (((p >> 16) & 0xff) < 230 || ((p >> 8) & 0xff) < 230 || (p & 0xff) < 230)
            ink++;
        }
    }
  cairo_surface_destroy (surface);

  return ink;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Renders every page to PNG in @out_dir (made if needed); returns the
 * PNG paths in page order. */
static GPtrArray *
render_pages (const char *pdf,
              const char *out_dir)
{
  g_autofree char *prefix = g_build_filename (out_dir, "page", NULL);
  const char *argv[] = { "pdftoppm", "-r", "40", "-png", pdf, prefix, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) pngs = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0755), ==, 0);
  out = run_tool (argv);
  if (out == NULL)
    return NULL;

  /* pdftoppm pads page numbers to the width of the last one. */
  dir = g_dir_open (out_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "page-") && g_str_has_suffix (name, ".png"))
      g_ptr_array_add (pngs, g_build_filename (out_dir, name, NULL));
  g_ptr_array_sort (pngs, compare_paths);

  return g_steal_pointer (&pngs);
}

/* Checks every page has a reasonable amount of ink; returns the count. */
static guint
check_pages (const char *pdf,
             const char *out_dir,
             guint       min_ink)
{
  g_autoptr(GPtrArray) pngs = render_pages (pdf, out_dir);

  if (pngs == NULL)
    return 0;

  for (guint i = 0; i < pngs->len; i++)
    {
      guint ink = count_ink (pngs->pdata[i]);

      g_test_message ("page %u: %u ink pixels", i + 1, ink);
      g_assert_cmpuint (ink, >, min_ink);
    }

  return pngs->len;
}

static char *
write_report (Fixture *fixture,
              guint32  from,
              guint32  to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (stride_balance_report_write (fixture->store, path, from, to,
                                              STRIDE_UNITS_METRIC, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  return g_steal_pointer (&path);
}

/* "25 Nov 2026", as the report prints dates (untranslated). */
static char *
format_day (guint32 julian)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  return g_date_time_format (noon, "%-d %b %Y");
}

/* No stray temporary files next to the report. */
static void
assert_no_temporary (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".tmp-"));
}

/* For a look by eye: STRIDE_REPORT_KEEP=folder keeps a copy there. */
static void
keep_copy (const char *pdf,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  gsize length;

  if (g_getenv ("STRIDE_REPORT_KEEP") == NULL)
    return;

  copy = g_build_filename (g_getenv ("STRIDE_REPORT_KEEP"), name, NULL);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, &error));
  g_assert_no_error (error);
}

/* Tests */

static void
test_demo_report (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint32 from = fixture->today - (REPORT_DAYS - 1);
  g_autofree char *pdf = write_report (fixture, from, fixture->today);
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *png_dir = g_build_filename (fixture->dir, "pages", NULL);
  g_autofree char *last_footer = NULL;
  g_autoptr(GArray) pains = NULL;
  guint n_pages;

  n_pages = check_pages (pdf, png_dir, MIN_INK_DATA);
  g_assert_cmpuint (n_pages, >=, 4);

  g_assert_nonnull (text);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Strength Balance Report"));
  g_assert_nonnull (strstr (text, "Hamstring:Quadriceps Ratio"));
  g_assert_nonnull (strstr (text, "Left/Right Symmetry"));
  g_assert_nonnull (strstr (text, "Pain Log"));
  g_assert_nonnull (strstr (text, "page 1 of"));
  last_footer = g_strdup_printf ("page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last_footer));
  g_assert_nonnull (strstr (text, "not medical advice"));
  g_assert_null (strstr (text, "No tests in this period"));
  g_assert_null (strstr (text, "No pain logged in this period"));

  /* Every pain entry of the period is in the log. */
  pains = stride_store_list_pain_entries (fixture->store, from, fixture->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pains->len, >, 0);
  for (guint i = 0; i < pains->len; i++)
    {
      g_autofree char *day = format_day (g_array_index (pains, StridePainEntry, i).date);

      g_assert_nonnull (strstr (text, day));
    }

  assert_no_temporary (fixture->dir);
  keep_copy (pdf, "demo-report.pdf");
}

static void
test_empty_period (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Years before the demo journal starts. */
  guint32 to = fixture->today - 5 * 365;
  g_autofree char *pdf = write_report (fixture, to - 90, to);
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *png_dir = g_build_filename (fixture->dir, "pages", NULL);

  g_assert_cmpuint (check_pages (pdf, png_dir, MIN_INK_EMPTY), ==, 4);
  g_assert_nonnull (text);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "No tests in this period"));
  g_assert_nonnull (strstr (text, "No pain logged in this period"));
  g_assert_nonnull (strstr (text, "page 4 of 4"));
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "report.pdf", NULL);

  g_assert_false (stride_balance_report_write (fixture->store, path,
                                               fixture->today - 30, fixture->today,
                                               STRIDE_UNITS_METRIC, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_no_temporary (fixture->dir);
}

/* A second report replaces the first in place. */
static void
test_replaces (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *first = write_report (fixture, fixture->today - 30, fixture->today);
  g_autofree char *second = write_report (fixture, fixture->today - 200, fixture->today);
  g_autofree char *text = pdf_text (second);

  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (text);
  assert_no_temporary (fixture->dir);
}

static void
add_pains (StrideStore *store,
           guint32      first,
           guint        n)
{
  static const char *const locations[] = { "knee", "achilles", "shin", "it-band", "plantar-fascia" };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      StridePainEntry pain = { 0 };

      pain.date = first + i / 2;
      pain.location = g_strdup (locations[i % G_N_ELEMENTS (locations)]);
      pain.side = i % 2 == 0 ? STRIDE_SIDE_LEFT : STRIDE_SIDE_RIGHT;
      pain.severity = 1 + (int) (i % 9);
      if (i % 3 == 0)
        pain.notes = g_strdup_printf ("Entry %u: sore after the long run on the trails, "
                                      "eased off after a day of rest and some gentle "
                                      "mobility work, then came back on the downhill.", i);
      g_assert_true (stride_store_add_pain_entry (store, &pain, &error));
      g_assert_no_error (error);
      stride_pain_entry_clear (&pain);
    }
}

static void
test_long_pain_log (Fixture       *fixture,
                    gconstpointer  data)
{
  guint32 from = fixture->today - (REPORT_DAYS - 1);
  g_autofree char *png_dir = g_build_filename (fixture->dir, "pages-long", NULL);
  g_autofree char *demo_dir = g_build_filename (fixture->dir, "pages-demo", NULL);
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_demo_pages;
  guint n_pages;
  guint n_pain_pages = 0;

  pdf = write_report (fixture, from, fixture->today);
  n_demo_pages = check_pages (pdf, demo_dir, MIN_INK_DATA);

  add_pains (fixture->store, from + 10, 120);
  g_clear_pointer (&pdf, g_free);
  pdf = write_report (fixture, from, fixture->today);
  n_pages = check_pages (pdf, png_dir, MIN_INK_DATA);
  g_assert_cmpuint (n_pages, >=, n_demo_pages + 2);

  pages = pdf_pages_text (pdf);
  g_assert_nonnull (pages);
  if (pages == NULL)
    return;
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);

  /* Each page of the pain log repeats the table's header row. */
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], "Pain Log") != NULL)
      {
        n_pain_pages++;
        g_assert_nonnull (strstr (pages[i], "Severity"));
        g_assert_nonnull (strstr (pages[i], "Location"));
        g_assert_nonnull (strstr (pages[i], "Notes"));
      }
  g_assert_cmpuint (n_pain_pages, >=, 3);
  g_assert_nonnull (strstr (pages[n_pages - 1], "Pain Log (continued)"));
  keep_copy (pdf, "long-pain-log.pdf");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/balance-report/demo", Fixture, NULL,
              fixture_setup, test_demo_report, fixture_teardown);
  g_test_add ("/balance-report/empty-period", Fixture, NULL,
              fixture_setup, test_empty_period, fixture_teardown);
  g_test_add ("/balance-report/unwritable", Fixture, NULL,
              fixture_setup, test_unwritable, fixture_teardown);
  g_test_add ("/balance-report/replaces", Fixture, NULL,
              fixture_setup, test_replaces, fixture_teardown);
  g_test_add ("/balance-report/long-pain-log", Fixture, NULL,
              fixture_setup, test_long_pain_log, fixture_teardown);

  return g_test_run ();
}
