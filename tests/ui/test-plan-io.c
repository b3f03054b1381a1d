/* test-plan-io.c — iCalendar import/export and printing of the plan
 * (issue 5, items 6 and 7, and "Bad input"), under Xvfb. PDFs are checked
 * with poppler-utils (pdftotext, pdftoppm, pdfinfo).
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>

#include "stride-plan-day.h"
#include "stride-plan-io.h"
#include "stride-plan-print.h"
#include "ui-test-util.h"

/* Three events that import and two that do not: one without a start date
 * and one whose start is no real date. */
static const char bad_ics[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Coach//Plan//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:a@coach\r\n"
  "DTSTAMP:20260101T000000Z\r\n"
  "DTSTART:20300302T070000\r\n"
  "SUMMARY:Easy run 8 km\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:b@coach\r\n"
  "DTSTAMP:20260101T000000Z\r\n"
  "SUMMARY:Tempo\r\n"
  "DESCRIPTION:3 x 10 min at threshold\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:c@coach\r\n"
  "DTSTAMP:20260101T000000Z\r\n"
  "DTSTART;VALUE=DATE:20300304\r\n"
  "SUMMARY:Strength 30 min\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:d@coach\r\n"
  "DTSTAMP:20260101T000000Z\r\n"
  "DTSTART:20301345T070000\r\n"
  "SUMMARY:Hills\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:e@coach\r\n"
  "DTSTAMP:20260101T000000Z\r\n"
  "DTSTART:20300307T180000\r\n"
  "SUMMARY:Long run 24 km\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

/* Helpers */

static StrideStore *
open_store (JournalFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StrideStore *store = stride_store_open (fixture->path, &error);

  g_assert_no_error (error);
  return store;
}

static GFile *
write_file (JournalFixture *fixture,
            const char     *name,
            const char     *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

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
      g_test_fail_printf ("%s is not installed: install poppler-utils to run this test", argv[0]);
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_test_fail_printf ("%s failed: %s\n%s", argv[0], error->message, err);
      return NULL;
    }

  return g_steal_pointer (&out);
}

/* Text with every run of blanks made one space, so wrapped lines compare. */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean blank = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        blank = TRUE;
      else
        {
          if (blank && out->len > 0)
            g_string_append_c (out, ' ');
          blank = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run_tool (argv);

  return text != NULL ? squeeze (text) : NULL;
}

/* Pixels of page @page that are not (nearly) white. */
static guint
page_ink (JournalFixture *fixture,
          const char     *pdf,
          int             page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autofree char *prefix = g_build_filename (fixture->dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "40", "-f", number, "-l", number,
                         "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = run_tool (argv);
  cairo_surface_t *surface;
  guint ink = 0;

  if (out == NULL)
    return 0;

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      const guint32 *row = (const guint32 *) (gpointer) (cairo_image_surface_get_data (surface)
                                                         + y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        if (((row[x] >> 16) & 0xff) < 200 || ((row[x] >> 8) & 0xff) < 200 || (row[x] & 0xff) < 200)
          ink++;
    }
  cairo_surface_destroy (surface);

  return ink;
}

/* pdfinfo's "Pages:" and whether the first page is wider than tall. */
static guint
pdf_pages (const char *pdf,
           gboolean   *landscape)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = NULL;
  guint pages = 0;

  if (out == NULL)
    return 0;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double w, h;

      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
      if (sscanf (lines[i], "Page size: %lf x %lf", &w, &h) == 2)
        *landscape = w > h;
    }

  return pages;
}

/* Keeps a copy of @path in $STRIDE_TEST_OUTPUT_DIR, if set, to look at. */
static void
keep_copy (const char *path)
{
  const char *dir = g_getenv ("STRIDE_TEST_OUTPUT_DIR");
  g_autoptr(GFile) from = g_file_new_for_path (path);
  g_autoptr(GFile) to = NULL;
  g_autofree char *name = g_path_get_basename (path);

  if (dir == NULL)
    return;

  to = g_file_new_build_filename (dir, name, NULL);
  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
}

static void
check_pdf_header (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  keep_copy (path);
}

/* Printing */

static void
test_print_week (JournalFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "week.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  guint32 today = stride_today_julian ();
  guint32 first;
  gboolean landscape = TRUE;
  GDate date;

  /* Next week: the demo plans today + 1 … today + 56. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, today + 7);
  first = today + 7 - (g_date_get_weekday (&date) - G_DATE_MONDAY);

  g_assert_true (stride_plan_print_to_pdf (store, first, 7, G_DATE_MONDAY, pdf, &error));
  g_assert_no_error (error);
  check_pdf_header (pdf);

  title = stride_plan_print_title (first, 7, G_DATE_MONDAY);
  g_assert_true (g_str_has_prefix (title, "Training Plan · "));
  text = pdf_text (pdf);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, title));

  entries = stride_store_list_plan_entries (store, first, first + 6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      const StridePlanEntry *entry = &g_array_index (entries, StridePlanEntry, i);
      g_autofree char *name = stride_plan_entry_describe (entry, STRIDE_UNITS_METRIC);

      if (strstr (text, name) == NULL)
        g_test_fail_printf ("“%s” is not printed", name);
      if (entry->description != NULL && *entry->description != '\0')
        {
          g_autofree char *description = squeeze (entry->description);

          if (strstr (text, description) == NULL)
            g_test_fail_printf ("the description “%s” is not printed", description);
        }
    }

  g_assert_cmpuint (pdf_pages (pdf, &landscape), >=, 1);
  g_assert_false (landscape);
  g_assert_cmpuint (page_ink (fixture, pdf, 1), >, 1500);
}

/* A week of many entries goes on over more pages, each with ink. */
static void
test_print_week_overflows (JournalFixture *fixture,
                           gconstpointer   data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint32 first = stride_today_julian () + 7;
  gboolean landscape = TRUE;
  guint pages;
  GDate date;

  /* A Monday. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  first -= g_date_get_weekday (&date) - G_DATE_MONDAY;

  for (guint i = 0; i < 7 * 8; i++)
    {
      StridePlanEntry entry = { 0 };

      /* Monday holds more than a page. */
      entry.date = first + (i < 30 ? 0 : 1 + (i - 30) % 6);
      entry.slot = i % 2 ? STRIDE_SLOT_EVENING : STRIDE_SLOT_MORNING;
      entry.kind = STRIDE_PLAN_KIND_RUN;
      entry.run_type = STRIDE_RUN_TYPE_EASY;
      entry.target_distance_m = 5000 + 100 * i;
      entry.description = g_strdup_printf ("Entry number %u: easy running, relaxed, on soft "
                                           "ground if you can, with strides at the end.", i);
      g_assert_true (stride_store_add_plan_entry (store, &entry, &error));
      g_assert_no_error (error);
      stride_plan_entry_clear (&entry);
    }

  g_assert_true (stride_plan_print_to_pdf (store, first, 7, G_DATE_MONDAY, pdf, &error));
  g_assert_no_error (error);
  check_pdf_header (pdf);
  pages = pdf_pages (pdf, &landscape);
  g_assert_cmpuint (pages, >=, 2);
  for (guint p = 1; p <= pages; p++)
    g_assert_cmpuint (page_ink (fixture, pdf, (int) p), >, 500);

  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Entry number 0:"));
  g_assert_nonnull (strstr (text, "Entry number 55:"));
  g_assert_nonnull (strstr (text, "(continued)"));
}

static void
test_print_month (JournalFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "month.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  gboolean landscape = FALSE;
  GDate date;
  guint32 first;

  /* The month after today's: full of planned entries. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, stride_today_julian ());
  g_date_set_day (&date, 1);
  g_date_add_months (&date, 1);
  first = g_date_get_julian (&date);

  g_assert_true (stride_plan_print_to_pdf (store, first, 42, G_DATE_MONDAY, pdf, &error));
  g_assert_no_error (error);
  check_pdf_header (pdf);

  title = stride_plan_print_title (first, 42, G_DATE_MONDAY);
  text = pdf_text (pdf);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (strstr (text, "Monday"));
  g_assert_nonnull (strstr (text, "Sunday"));

  g_assert_cmpuint (pdf_pages (pdf, &landscape), ==, 1);
  g_assert_true (landscape);
  g_assert_cmpuint (page_ink (fixture, pdf, 1), >, 2000);
}

static void
test_print_title (void)
{
  GDate date;
  g_autofree char *week = NULL;
  g_autofree char *across = NULL;
  g_autofree char *month = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);     /* a Monday */
  week = stride_plan_print_title (g_date_get_julian (&date) + 2, 7, G_DATE_MONDAY);
  g_assert_cmpstr (week, ==, "Training Plan · 23 – 29 Nov 2026");

  g_date_set_dmy (&date, 30, G_DATE_NOVEMBER, 2026);
  across = stride_plan_print_title (g_date_get_julian (&date), 7, G_DATE_MONDAY);
  g_assert_cmpstr (across, ==, "Training Plan · 30 Nov – 6 Dec 2026");

  g_date_set_dmy (&date, 1, G_DATE_NOVEMBER, 2026);
  month = stride_plan_print_title (g_date_get_julian (&date), 35, G_DATE_MONDAY);
  g_assert_cmpstr (month, ==, "November 2026");
}

/* The import report */

static StrideIcsImport *
parse_bad (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad_ics, sizeof bad_ics - 1);
  g_autoptr(GError) error = NULL;
  StrideIcsImport *import = stride_ics_parse_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
test_report_text (void)
{
  g_autoptr(StrideIcsImport) import = parse_bad ();
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (import->entries->len, ==, 3);
  g_assert_cmpuint (import->skipped->len, ==, 2);

  heading = stride_plan_io_report_heading (import);
  body = stride_plan_io_report_body (import);
  lines = stride_plan_io_report_lines (import);
  g_assert_cmpstr (heading, ==, "Import 3 Events?");
  g_assert_cmpstr (body, ==, "3 events can be imported; 2 skipped:");
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  g_assert_cmpstr (lines[0], ==, "“Tempo” (event 2): it has no start date");
  g_assert_cmpstr (lines[1], ==, "“Hills” (event 4): its start date cannot be read");
}

static void
test_report_all_good (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StrideIcsImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  StridePlanEntry entry = { 0 };

  entry.date = stride_today_julian () + 1;
  entry.kind = STRIDE_PLAN_KIND_RUN;
  entry.run_type = STRIDE_RUN_TYPE_EASY;
  entry.target_distance_m = 8000;
  bytes = stride_ics_export_bytes (&entry, 1, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  import = stride_ics_parse_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  heading = stride_plan_io_report_heading (import);
  body = stride_plan_io_report_body (import);
  g_assert_cmpstr (heading, ==, "Import 1 Event?");
  g_assert_cmpstr (body, ==, "1 event can be imported into the plan.");
}

static void
test_report_dialog (void)
{
  g_autoptr(StrideIcsImport) import = parse_bad ();
  GtkWidget *dialog = stride_plan_io_report_dialog_new (NULL, import);
  GtkWidget *list;
  guint rows = 0;

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "cancel"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "import"),
                   ==, "_Import 3 Events");

  list = find_descendant (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)),
                          GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row)
        && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), NULL) != 0)
      rows++;
  g_assert_cmpuint (rows, ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Import through the dialog */

typedef struct
{
  gboolean called;
  guint    n;
} Done;

static void
done_cb (guint    n_imported,
         gpointer user_data)
{
  Done *done = user_data;

  done->called = TRUE;
  done->n = n_imported;
}

static gboolean
is_done (gpointer data)
{
  return ((Done *) data)->called;
}

static AdwMessageDialog *found_dialog;

static gboolean
message_dialog_shown (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  found_dialog = NULL;
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found_dialog = l->data;

  return found_dialog != NULL;
}

static void
import_with (JournalFixture *fixture,
             const char     *contents,
             const char     *response,
             Done           *done,
             char          **heading)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autoptr(GFile) file = write_file (fixture, "coach.ics", contents);
  GtkWidget *window = gtk_window_new ();

  gtk_window_present (GTK_WINDOW (window));
  stride_plan_io_import_ics_file (GTK_WINDOW (window), store, file, done_cb, done);
  g_assert_true (wait_for (message_dialog_shown, NULL));
  *heading = g_strdup (adw_message_dialog_get_heading (found_dialog));
  adw_message_dialog_response (found_dialog, response);
  g_assert_true (wait_for (is_done, done));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The plan entries of 2030, the year of the test calendars. */
static GArray *
list_2030 (StrideStore *store)
{
  g_autoptr(GError) error = NULL;
  GArray *entries;
  GDate from;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2030);
  entries = stride_store_list_plan_entries (store, g_date_get_julian (&from),
                                            g_date_get_julian (&from) + 365, &error);
  g_assert_no_error (error);
  return entries;
}

static void
test_import_chosen (JournalFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autofree char *heading = NULL;
  Done done = { 0 };

  g_assert_cmpint (count_rows (store, "plan_entry"), ==, 0);
  import_with (fixture, bad_ics, "import", &done, &heading);
  g_assert_cmpstr (heading, ==, "Import 3 Events?");
  g_assert_cmpuint (done.n, ==, 3);
  g_assert_cmpint (count_rows (store, "plan_entry"), ==, 3);

  entries = list_2030 (store);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (g_array_index (entries, StridePlanEntry, 0).kind, ==, STRIDE_PLAN_KIND_RUN);
  g_assert_cmpint (g_array_index (entries, StridePlanEntry, 1).kind, ==, STRIDE_PLAN_KIND_STRENGTH);
  g_assert_cmpint (g_array_index (entries, StridePlanEntry, 2).slot, ==, STRIDE_SLOT_EVENING);
}

/* The same calendar a second time adds nothing; an entry changed in the
 * plan since is not "the same" any more and comes in again. */
static void
test_import_twice (JournalFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autoptr(StrideIcsImport) import = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) lines = NULL;
  StridePlanEntry *first;
  Done done = { 0 };

  import_with (fixture, bad_ics, "import", &done, &heading);
  g_assert_cmpuint (done.n, ==, 3);
  g_clear_pointer (&heading, g_free);

  import = parse_bad ();
  g_assert_true (stride_plan_io_leave_out_planned (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import->entries->len, ==, 0);
  g_assert_cmpuint (import->n_already_planned, ==, 3);
  heading = stride_plan_io_report_heading (import);
  body = stride_plan_io_report_body (import);
  lines = stride_plan_io_report_lines (import);
  g_assert_cmpstr (heading, ==, "Nothing to Import");
  g_assert_cmpstr (body, ==, "3 events are already in the plan and are left out. "
                             "No event can be imported; 2 skipped:");
  g_assert_cmpuint (g_strv_length (lines), >=, 2);

  /* Through the window: the dialog only offers to close, nothing is added. */
  g_clear_pointer (&heading, g_free);
  done.n = 99;
  done.called = FALSE;
  import_with (fixture, bad_ics, "close", &done, &heading);
  g_assert_cmpstr (heading, ==, "Nothing to Import");
  g_assert_cmpuint (done.n, ==, 0);
  g_assert_cmpint (count_rows (store, "plan_entry"), ==, 3);

  /* Change the first entry's distance: it no longer matches the file. */
  entries = list_2030 (store);
  first = &g_array_index (entries, StridePlanEntry, 0);
  first->target_distance_m += 1000;
  g_assert_true (stride_store_update_plan_entry (store, first, &error));
  g_assert_no_error (error);

  g_clear_pointer (&import, stride_ics_import_free);
  g_clear_pointer (&body, g_free);
  import = parse_bad ();
  g_assert_true (stride_plan_io_leave_out_planned (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import->entries->len, ==, 1);
  g_assert_cmpuint (import->n_already_planned, ==, 2);
  g_assert_cmpfloat (g_array_index (import->entries, StridePlanEntry, 0).target_distance_m, ==,
                     first->target_distance_m - 1000);
  body = stride_plan_io_report_body (import);
  g_assert_cmpstr (body, ==, "2 events are already in the plan and are left out. "
                             "1 event can be imported; 2 skipped:");
}

static void
test_import_cancelled (JournalFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autofree char *heading = NULL;
  Done done = { 0 };

  import_with (fixture, bad_ics, "cancel", &done, &heading);
  g_assert_cmpuint (done.n, ==, 0);
  g_assert_cmpint (count_rows (store, "plan_entry"), ==, 0);
}

static void
test_import_not_icalendar (JournalFixture *fixture,
                           gconstpointer   data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autofree char *heading = NULL;
  Done done = { 0 };

  import_with (fixture, "Date,Workout\n2030-03-02,Easy run\n", "close", &done, &heading);
  g_assert_cmpstr (heading, ==, "Could Not Read the Calendar");
  g_assert_cmpuint (done.n, ==, 0);
  g_assert_cmpint (count_rows (store, "plan_entry"), ==, 0);
}

/* All or nothing: an entry the store refuses leaves nothing written. */
static void
test_import_one_transaction (JournalFixture *fixture,
                             gconstpointer   data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autoptr(StrideIcsImport) import = parse_bad ();
  g_autoptr(GError) error = NULL;

  g_array_index (import->entries, StridePlanEntry, 2).kind = STRIDE_N_PLAN_KINDS;
  g_assert_false (stride_plan_io_import_entries (store, import, &error));
  g_assert_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (store, "plan_entry"), ==, 0);

  g_clear_error (&error);
  g_array_index (import->entries, StridePlanEntry, 2).kind = STRIDE_PLAN_KIND_RUN;
  g_assert_true (stride_plan_io_import_entries (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "plan_entry"), ==, 3);
}

/* Export, then import into another journal: the same entries. */
static void
test_round_trip (JournalFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(StrideStore) store = open_store (fixture);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *ics_path = g_build_filename (fixture->dir, "plan.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (ics_path);
  g_autoptr(StrideStore) other = NULL;
  g_autoptr(StrideIcsImport) import = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  guint32 today = stride_today_julian ();
  guint n_events = 0;
  const StridePlanEntry plan[] = {
    { 0, today, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_EASY, 8000, 0, 330,
      (char *) "Easy, conversational", STRIDE_PLAN_STATUS_PLANNED, 0 },
    { 0, today, STRIDE_SLOT_EVENING, STRIDE_PLAN_KIND_STRENGTH, STRIDE_RUN_TYPE_NONE, 0, 1200, 0,
      (char *) "Squats, hip thrusts, Nordic curls", STRIDE_PLAN_STATUS_PLANNED, 0 },
    { 0, today + 2, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_TEMPO, 12000, 3600, 280,
      NULL, STRIDE_PLAN_STATUS_PLANNED, 0 },
    { 0, today + 3, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_REST, STRIDE_RUN_TYPE_NONE, 0, 0, 0,
      NULL, STRIDE_PLAN_STATUS_PLANNED, 0 },
    { 0, today + 5, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_CROSS, STRIDE_RUN_TYPE_NONE, 0, 2700, 0,
      (char *) "Bike, flat", STRIDE_PLAN_STATUS_PLANNED, 0 },
    { 0, today + 6, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_LONG, 24000, 0, 0,
      (char *) "Long run\nlast 5 km at marathon pace", STRIDE_PLAN_STATUS_PLANNED, 0 },
    /* Before the first day: not exported. */
    { 0, today - 1, STRIDE_SLOT_MORNING, STRIDE_PLAN_KIND_RUN, STRIDE_RUN_TYPE_EASY, 5000, 0, 0,
      NULL, STRIDE_PLAN_STATUS_PLANNED, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      StridePlanEntry entry = plan[i];

      g_assert_true (stride_store_add_plan_entry (store, &entry, &error));
      g_assert_no_error (error);
    }

  g_assert_true (stride_plan_io_write_ics (store, today, file, &n_events, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_events, ==, G_N_ELEMENTS (plan) - 1);

  other = stride_store_open (other_path, &error);
  g_assert_no_error (error);
  import = stride_ics_parse_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->skipped->len, ==, 0);
  g_assert_true (stride_plan_io_import_entries (other, import, &error));
  g_assert_no_error (error);

  before = stride_store_list_plan_entries (store, today, today + 100, &error);
  g_assert_no_error (error);
  after = stride_store_list_plan_entries (other, today - 100, today + 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      const StridePlanEntry *a = &g_array_index (before, StridePlanEntry, i);
      const StridePlanEntry *b = &g_array_index (after, StridePlanEntry, i);

      g_assert_cmpuint (a->date, ==, b->date);
      g_assert_cmpint (a->slot, ==, b->slot);
      g_assert_cmpint (a->kind, ==, b->kind);
      if (a->kind == STRIDE_PLAN_KIND_RUN)
        g_assert_cmpint (a->run_type, ==, b->run_type);
      g_assert_cmpfloat_with_epsilon (a->target_distance_m, b->target_distance_m, 0.5);
      g_assert_cmpfloat_with_epsilon (a->target_duration_s, b->target_duration_s, 0.5);
      g_assert_cmpfloat_with_epsilon (a->target_pace_s_per_km, b->target_pace_s_per_km, 0.5);
      g_assert_cmpstr (a->description != NULL ? a->description : "", ==,
                       b->description != NULL ? b->description : "");
      g_assert_cmpint (a->status, ==, b->status);
    }
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/plan-io/print-title", test_print_title);
  g_test_add ("/ui/plan-io/print-week", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_print_week, journal_fixture_teardown);
  g_test_add ("/ui/plan-io/print-week-overflows", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_print_week_overflows, journal_fixture_teardown);
  g_test_add ("/ui/plan-io/print-month", JournalFixture, GINT_TO_POINTER (TRUE),
              journal_fixture_setup, test_print_month, journal_fixture_teardown);
  g_test_add_func ("/ui/plan-io/report-text", test_report_text);
  g_test_add_func ("/ui/plan-io/report-all-good", test_report_all_good);
  g_test_add_func ("/ui/plan-io/report-dialog", test_report_dialog);
  g_test_add ("/ui/plan-io/import-chosen", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_import_chosen, journal_fixture_teardown);
  g_test_add ("/ui/plan-io/import-twice", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_import_twice, journal_fixture_teardown);
  g_test_add ("/ui/plan-io/import-cancelled", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_import_cancelled, journal_fixture_teardown);
  g_test_add ("/ui/plan-io/import-not-icalendar", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_import_not_icalendar, journal_fixture_teardown);
  g_test_add ("/ui/plan-io/import-one-transaction", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_import_one_transaction, journal_fixture_teardown);
  g_test_add ("/ui/plan-io/round-trip", JournalFixture, GINT_TO_POINTER (FALSE),
              journal_fixture_setup, test_round_trip, journal_fixture_teardown);

  return g_test_run ();
}
