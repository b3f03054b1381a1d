/* stride-cli.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-chart-data.h"
#include "stride-cli.h"
#include "stride-csv-export.h"
#include "stride-demo-writer.h"
#include "stride-import.h"
#include "stride-store.h"

/* Exit statuses: 0 success, 1 the work failed, 2 the command line was wrong. */
enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

#define MAX_DEMO_YEARS 50

#define CHART_WIDTH  1200
#define CHART_HEIGHT 600

static char *
lookup_path (GVariantDict *options,
             const char   *name)
{
  g_autofree char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^ay", &value))
    return NULL;

  return g_steal_pointer (&value);
}

static StrideStore *
open_store (GVariantDict *options,
            gboolean      must_be_explicit)
{
  g_autofree char *explicit_path = lookup_path (options, "database");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  StrideStore *store;

  if (must_be_explicit && explicit_path == NULL && g_getenv ("STRIDESTRONG_DB") == NULL)
    {
      g_printerr (_("%s: --generate-demo needs --database PATH: a sample journal never "
                    "goes into your own journal\n"), g_get_prgname ());
      return NULL;
    }

  path = stride_store_resolve_path (explicit_path);
  store = stride_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return NULL;
    }

  if (stride_store_is_read_only (store))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), stride_store_get_read_only_reason (store));
      g_object_unref (store);
      return NULL;
    }

  return store;
}

static int
generate_demo (GVariantDict *options,
               const char   *years_text)
{
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 activities;
  guint64 years;

  if (!g_ascii_string_to_unsigned (years_text, 10, 1, MAX_DEMO_YEARS, &years, NULL))
    {
      g_printerr (_("%s: --generate-demo takes a number of years from 1 to %d, not “%s”\n"),
                  g_get_prgname (), MAX_DEMO_YEARS, years_text);
      return EXIT_USAGE;
    }

  store = open_store (options, TRUE);
  if (store == NULL)
    return EXIT_FAILED;

  activities = stride_store_count_rows (store, "activity", &error);
  if (activities != 0)
    {
      if (error != NULL)
        g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      else
        g_printerr (_("%s: %s already holds a journal; give the sample journal a new file\n"),
                    g_get_prgname (), stride_store_get_path (store));
      return EXIT_FAILED;
    }

  if (!stride_demo_write (store, (guint) years, stride_today_julian (), &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

static void
print_import_result_cb (GFile                    *file,
                        const StrideImportResult *result,
                        gpointer                  user_data)
{
  gboolean *failed = user_data;
  g_autofree char *name = g_file_get_parse_name (file);

  /* One line per file; "imported", "duplicate" and "error: …" are read
   * by scripts. */
  switch (result->status)
    {
    case STRIDE_IMPORT_STATUS_IMPORTED:
      g_print ("%s: imported\n", name);
      break;

    case STRIDE_IMPORT_STATUS_DUPLICATE:
      g_print ("%s: duplicate\n", name);
      break;

    case STRIDE_IMPORT_STATUS_SKIPPED:
      g_print ("%s: skipped: %s\n", name, result->message ? result->message : "");
      break;

    case STRIDE_IMPORT_STATUS_ERROR:
    default:
      *failed = TRUE;
      g_print ("%s: error: %s\n", name, result->message ? result->message : "");
      break;
    }
}

/* FALSE only when the walk itself stopped; bad files just set *failed. */
static gboolean
import_list (StrideStore  *store,
             const char  **paths,
             gboolean     *failed)
{
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GError) error = NULL;

      if (!stride_import_path (store, file, print_import_result_cb, failed, NULL, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static int
import_paths (GVariantDict *options,
              const char  **named,
              const char  **remaining)
{
  g_autoptr(StrideStore) store = open_store (options, FALSE);
  gboolean failed = FALSE;

  if (store == NULL)
    return EXIT_FAILED;

  if (!import_list (store, named, &failed) || !import_list (store, remaining, &failed))
    return EXIT_FAILED;

  return failed ? EXIT_FAILED : EXIT_OK;
}

static int
export_csv (GVariantDict *options,
            const char   *dir)
{
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (dir);
  g_autoptr(GError) error = NULL;

  store = open_store (options, FALSE);
  if (store == NULL)
    return EXIT_FAILED;

  if (!stride_csv_export_dir (store, folder, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

static gboolean
has_chart_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".png") || g_str_has_suffix (lower, ".svg")
         || g_str_has_suffix (lower, ".pdf");
}

/* Reads --from / --to; FALSE (with a message) for a date that is not
 * YYYY-MM-DD. An absent option leaves *julian alone. */
static gboolean
lookup_date (GVariantDict *options,
             const char   *name,
             guint32      *julian)
{
  const char *text;

  if (!g_variant_dict_lookup (options, name, "&s", &text))
    return TRUE;

  if (stride_chart_data_parse_date (text, julian))
    return TRUE;

  g_printerr (_("%s: --%s takes a date as YYYY-MM-DD, not “%s”\n"), g_get_prgname (), name, text);
  return FALSE;
}

static int
export_chart (GVariantDict *options,
              const char   *name)
{
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(StrideChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = lookup_path (options, "output");
  g_autofree char *explicit_path = NULL;
  g_autofree char *path = NULL;
  StrideChartRequest request;
  StrideChartStyle style;
  StrideChartKind kind;
  guint32 from = 0;
  guint32 to = 0;
  gboolean ok;

  if (!stride_chart_kind_from_id (name, &kind))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) stride_chart_kind_list_ids ());

      g_printerr (_("%s: unknown chart name “%s”; the charts are: %s\n"),
                  g_get_prgname (), name, names);
      return EXIT_USAGE;
    }

  if (output == NULL || *output == '\0')
    {
      g_printerr (_("%s: --chart needs --output FILE.png, FILE.svg or FILE.pdf\n"),
                  g_get_prgname ());
      return EXIT_USAGE;
    }

  if (!has_chart_extension (output))
    {
      g_printerr (_("%s: cannot tell the format of “%s”: the --output file must end in .png, "
                    ".svg or .pdf\n"), g_get_prgname (), output);
      return EXIT_USAGE;
    }

  if (!lookup_date (options, "from", &from) || !lookup_date (options, "to", &to))
    return EXIT_USAGE;

  /* Without --to the chart ends today. */
  if (from != 0 && from > (to != 0 ? to : stride_today_julian ()))
    {
      g_printerr (_("%s: --from is after --to\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  /* Reading only: a journal from a newer version (read-only) is fine, but
   * drawing a chart never creates a journal. */
  explicit_path = lookup_path (options, "database");
  path = stride_store_resolve_path (explicit_path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s: there is no journal at %s\n"), g_get_prgname (), path);
      return EXIT_FAILED;
    }
  store = stride_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  stride_chart_request_init (&request, kind);
  request.from = from;
  request.to = to;
  chart = stride_chart_data_build (store, &request, NULL, &error);
  if (chart == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  stride_chart_data_style_init (&style, FALSE, FALSE);
  ok = stride_chart_export (chart, output, CHART_WIDTH, CHART_HEIGHT, &style, &error);
  stride_chart_style_clear (&style);
  if (!ok)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

int
stride_cli_run (GVariantDict *options)
{
  g_autofree const char **import = NULL;
  g_autofree const char **remaining = NULL;
  g_autofree char *export_dir = NULL;
  const char *years;
  const char *chart;

  g_return_val_if_fail (options != NULL, EXIT_USAGE);

  g_variant_dict_lookup (options, "import", "^a&ay", &import);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);
  export_dir = lookup_path (options, "export-csv");

  if ((import != NULL) + (export_dir != NULL) + g_variant_dict_contains (options, "chart")
      + g_variant_dict_contains (options, "generate-demo") > 1)
    {
      g_printerr (_("%s: give only one of --generate-demo, --import, --export-csv and "
                    "--chart\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  if (!g_variant_dict_contains (options, "chart")
      && (g_variant_dict_contains (options, "from") || g_variant_dict_contains (options, "to")
          || g_variant_dict_contains (options, "output")))
    {
      g_printerr (_("%s: --from, --to and --output go with --chart NAME\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  if (remaining != NULL && import == NULL)
    {
      g_printerr (_("%s: unexpected argument “%s”; to import files, put --import before them\n"),
                  g_get_prgname (), remaining[0]);
      return EXIT_USAGE;
    }

  if (g_variant_dict_lookup (options, "generate-demo", "&s", &years))
    return generate_demo (options, years);

  if (import != NULL)
    return import_paths (options, import, remaining);

  if (export_dir != NULL)
    return export_csv (options, export_dir);

  if (g_variant_dict_lookup (options, "chart", "&s", &chart))
    return export_chart (options, chart);

  return -1;
}
