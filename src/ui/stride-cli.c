/* stride-cli.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-cli"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "stride-chart-data.h"
#include "stride-cli.h"
#include "stride-csv-export.h"
#include "stride-demo-writer.h"
#include "stride-form.h"
#include "stride-import.h"
#include "stride-plan-io.h"
#include "stride-risk-settings.h"
#include "stride-store.h"

/* Exit statuses: 0 success, 1 the work failed, 2 the command line was wrong. */
enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

#define MAX_DEMO_YEARS 50

#define CHART_WIDTH  1200
#define CHART_HEIGHT 600

/* The plain-text checklist: explanations wrapped to this width, indented
 * past the state column. */
#define CHECKLIST_WIDTH  80
#define CHECKLIST_INDENT 17

static char *
lookup_path (GVariantDict *options,
             const char   *name)
{
  g_autofree char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^ay", &value))
    return NULL;

  return g_steal_pointer (&value);
}

/* Opens the journal for reading only: a journal from a newer version
 * (read-only) is fine, but reading never creates a journal. */
static StrideStore *
open_existing_store (GVariantDict *options)
{
  g_autofree char *explicit_path = lookup_path (options, "database");
  g_autofree char *path = stride_store_resolve_path (explicit_path);
  g_autoptr(GError) error = NULL;
  StrideStore *store;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s: there is no journal at %s\n"), g_get_prgname (), path);
      return NULL;
    }

  store = stride_store_open (path, &error);
  if (store == NULL)
    g_printerr ("%s: %s\n", g_get_prgname (), error->message);

  return store;
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

/* The plan from today on and the upcoming races, as one calendar. Never
 * creates a journal. */
static int
export_ics (GVariantDict *options,
            const char   *path)
{
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (*path == '\0')
    {
      g_printerr (_("%s: --export-ics needs a FILE name\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  store = open_existing_store (options);
  if (store == NULL)
    return EXIT_FAILED;

  file = g_file_new_for_commandline_arg (path);
  if (!stride_plan_io_write_ics (store, stride_today_julian (), file, NULL, &error))
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

  store = open_existing_store (options);
  if (store == NULL)
    return EXIT_FAILED;

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

/* Checklist */

static char *
format_date (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

/* GSettings of the app, or NULL when its schema is not installed (a
 * binary run uninstalled without GSETTINGS_SCHEMA_DIR): the checklist
 * then uses the defaults of RISK-RULES.md, in metric units. */
static GSettings *
app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/* Stable ids of StrideEvidence for the JSON output. */
static const char *
evidence_to_id (StrideEvidence evidence)
{
  switch (evidence)
    {
    case STRIDE_EVIDENCE_STRONG:
      return "strong";
    case STRIDE_EVIDENCE_MODERATE:
      return "moderate";
    case STRIDE_EVIDENCE_LIMITED:
      return "limited";
    case STRIDE_EVIDENCE_CONTESTED:
      return "contested";
    case STRIDE_EVIDENCE_SELF_REPORT:
      return "self-report";
    case STRIDE_N_EVIDENCE:
    default:
      g_return_val_if_reached ("limited");
    }
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The JSON contract: {"week", "from", "to", "checks": [{"id", "state",
 * "value", "threshold", "explanation", "source", …}]}, numbers that are
 * not known as null. */
static void
print_checklist_json (const char *week,
                      guint32     monday,
                      GArray     *checks)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *from = format_date (monday);
  g_autofree char *to = format_date (monday + 6);
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "week");
  json_builder_add_string_value (builder, week);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, to);
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);

  for (guint i = 0; i < checks->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (checks, StrideRiskCheck, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", check->id);
      add_string_or_null (builder, "state", stride_risk_state_to_id (check->state));
      add_number_or_null (builder, "value", check->value);
      add_number_or_null (builder, "threshold", check->threshold);
      add_string_or_null (builder, "title", check->title);
      add_string_or_null (builder, "summary", check->summary);
      add_string_or_null (builder, "explanation", check->explanation);
      add_string_or_null (builder, "evidence", evidence_to_id (check->evidence));
      add_string_or_null (builder, "source", check->source);
      json_builder_set_member_name (builder, "from_user");
      json_builder_add_boolean_value (builder, check->from_user);
      json_builder_set_member_name (builder, "estimated");
      json_builder_add_boolean_value (builder, check->estimated);
      add_string_or_null (builder, "note", check->note);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Appends @text to @out in lines of at most CHECKLIST_WIDTH characters,
 * each starting with @indent spaces; a word longer than a line gets a
 * line of its own. */
static void
append_wrapped (GString    *out,
                guint       indent,
                const char *text)
{
  const guint width = CHECKLIST_WIDTH - indent;
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  guint column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = (guint) g_utf8_strlen (words[i], -1);

      if (length == 0)
        continue;

      if (column > 0 && column + 1 + length > width)
        {
          g_string_append_c (out, '\n');
          column = 0;
        }

      if (column == 0)
        g_string_append_printf (out, "%*s", (int) indent, "");
      else
        {
          g_string_append_c (out, ' ');
          column++;
        }

      g_string_append (out, words[i]);
      column += length;
    }

  if (column > 0)
    g_string_append_c (out, '\n');
}

/* One line per check: the state (the JSON id, for grep), the title and
 * the numbers. A check that flags something adds why it matters and what
 * to do, with its source, indented below; the user's notes show too. The
 * JSON output has every field of every check. */
static void
print_checklist_text (const char *week,
                      guint32     monday,
                      guint32     evaluated,
                      GArray     *checks)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *from = format_date (monday);
  g_autofree char *to = format_date (monday + 6);

  /* TRANSLATORS: the heading of `stridestrong --checklist`: the ISO week
   * ("2026-W48") and its Monday and Sunday (YYYY-MM-DD). */
  g_string_append_printf (out, _("Injury-risk checklist of %s, %s to %s"), week, from, to);
  if (evaluated < monday + 6)
    {
      g_autofree char *day = format_date (evaluated);

      g_string_append_c (out, ' ');
      /* TRANSLATORS: after the heading of a week still running. */
      g_string_append_printf (out, _("(as of %s)"), day);
    }
  g_string_append (out, "\n\n");

  for (guint i = 0; i < checks->len; i++)
    {
      const StrideRiskCheck *check = &g_array_index (checks, StrideRiskCheck, i);

      g_string_append_printf (out, "%-*s", CHECKLIST_INDENT, stride_risk_state_to_id (check->state));
      g_string_append (out, check->title != NULL ? check->title : check->id);
      if (check->summary != NULL && *check->summary != '\0')
        g_string_append_printf (out, " — %s", check->summary);
      if (check->estimated)
        g_string_append_printf (out, " %s", _("(estimated load)"));
      g_string_append_c (out, '\n');

      if (check->note != NULL && *check->note != '\0')
        {
          g_autofree char *note = g_strdup_printf (_("Your note: %s"), check->note);

          append_wrapped (out, CHECKLIST_INDENT, note);
        }

      if (check->state >= STRIDE_RISK_CAUTION)
        {
          g_autofree char *source = NULL;

          if (check->explanation != NULL && *check->explanation != '\0')
            append_wrapped (out, CHECKLIST_INDENT, check->explanation);

          if (check->source != NULL && *check->source != '\0')
            source = g_strdup_printf (_("Source: %s (%s)"), check->source,
                                      stride_evidence_to_label (check->evidence));
          else
            source = g_strdup (stride_evidence_to_label (check->evidence));
          append_wrapped (out, CHECKLIST_INDENT, source);
        }
    }

  g_string_append_c (out, '\n');
  append_wrapped (out, 0, _("Not medical advice. The thresholds are population defaults and some "
                            "are contested; one test is noisy; pain that persists needs a "
                            "professional."));

  g_print ("%s", out->str);
}

static int
print_checklist (GVariantDict  *options,
                 const char   **remaining)
{
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(StrideRiskJournal) journal = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GArray) checks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *week = NULL;
  StrideRiskThresholds thresholds;
  StrideUnitSystem units = STRIDE_UNITS_METRIC;
  guint32 today = stride_today_julian ();
  guint32 monday;

  if (remaining != NULL && remaining[0] != NULL && remaining[1] != NULL)
    {
      g_printerr (_("%s: --checklist takes one week (YYYY-Www), not “%s” and “%s”\n"),
                  g_get_prgname (), remaining[0], remaining[1]);
      return EXIT_USAGE;
    }

  if (remaining != NULL && remaining[0] != NULL)
    {
      if (!stride_iso_week_parse (remaining[0], &monday, &error))
        {
          g_printerr ("%s: --checklist: %s\n", g_get_prgname (), error->message);
          return EXIT_USAGE;
        }
    }
  else
    monday = stride_iso_week_monday (today);

  store = open_existing_store (options);
  if (store == NULL)
    return EXIT_FAILED;

  journal = stride_store_load_risk_journal (store, &error);
  if (journal == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  settings = app_settings ();
  if (settings != NULL)
    {
      stride_risk_settings_read (settings, &thresholds);
      stride_risk_journal_set_previous_injury (journal,
                                               stride_risk_settings_read_previous_injury (settings));
      units = stride_form_get_units (settings, "unit-system", "imperial");
    }
  else
    stride_risk_thresholds_init (&thresholds);

  checks = stride_risk_evaluate_week (journal, monday, today, &thresholds, units);
  week = stride_iso_week_format (monday);

  if (g_variant_dict_contains (options, "json"))
    print_checklist_json (week, monday, checks);
  else
    print_checklist_text (week, monday, MIN (today, monday + 6), checks);

  return EXIT_OK;
}

int
stride_cli_run (GVariantDict *options)
{
  g_autofree const char **import = NULL;
  g_autofree const char **remaining = NULL;
  g_autofree char *export_dir = NULL;
  g_autofree char *export_ics_path = NULL;
  gboolean checklist;
  const char *years;
  const char *chart;

  g_return_val_if_fail (options != NULL, EXIT_USAGE);

  g_variant_dict_lookup (options, "import", "^a&ay", &import);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);
  export_dir = lookup_path (options, "export-csv");
  export_ics_path = lookup_path (options, "export-ics");
  checklist = g_variant_dict_contains (options, "checklist");

  if ((import != NULL) + (export_dir != NULL) + (export_ics_path != NULL)
      + g_variant_dict_contains (options, "chart")
      + g_variant_dict_contains (options, "generate-demo") + checklist > 1)
    {
      g_printerr (_("%s: give only one of --generate-demo, --import, --export-csv, --export-ics, "
                    "--chart and --checklist\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  if (!checklist && g_variant_dict_contains (options, "json"))
    {
      g_printerr (_("%s: --json goes with --checklist\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  if (!g_variant_dict_contains (options, "chart")
      && (g_variant_dict_contains (options, "from") || g_variant_dict_contains (options, "to")
          || g_variant_dict_contains (options, "output")))
    {
      g_printerr (_("%s: --from, --to and --output go with --chart NAME\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  if (remaining != NULL && import == NULL && !checklist)
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

  if (export_ics_path != NULL)
    return export_ics (options, export_ics_path);

  if (g_variant_dict_lookup (options, "chart", "&s", &chart))
    return export_chart (options, chart);

  if (checklist)
    return print_checklist (options, remaining);

  return -1;
}
