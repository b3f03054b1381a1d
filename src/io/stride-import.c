/* stride-import.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stride-csv-import.h"
#include "stride-fit.h"
#include "stride-garmin-csv.h"
#include "stride-gpx.h"
#include "stride-import.h"
#include "stride-pytrainer.h"
#include "stride-strava.h"
#include "stride-tcx.h"

/* At most this many skipped rows are listed in a result's message. */
#define MAX_LISTED_SKIPS 10

void
stride_import_result_clear (StrideImportResult *result)
{
  g_return_if_fail (result != NULL);

  g_clear_pointer (&result->message, g_free);
  result->status = STRIDE_IMPORT_STATUS_IMPORTED;
  result->n_activities = 0;
  result->activity_id = 0;
  result->n_duplicates = 0;
  result->n_skipped = 0;
}

const char *
stride_import_status_to_string (StrideImportStatus status)
{
  switch (status)
    {
    case STRIDE_IMPORT_STATUS_IMPORTED:
      return "imported";
    case STRIDE_IMPORT_STATUS_DUPLICATE:
      return "duplicate";
    case STRIDE_IMPORT_STATUS_SKIPPED:
      return "skipped";
    case STRIDE_IMPORT_STATUS_ERROR:
      return "error";
    default:
      g_return_val_if_reached ("error");
    }
}

StrideImportFormat
stride_import_detect_format (const char *filename,
                             gboolean   *compressed)
{
  g_autofree char *lower = NULL;
  gsize len;
  gboolean gz = FALSE;
  StrideImportFormat format = STRIDE_IMPORT_FORMAT_UNKNOWN;

  if (compressed != NULL)
    *compressed = FALSE;

  if (filename == NULL)
    return STRIDE_IMPORT_FORMAT_UNKNOWN;

  lower = g_ascii_strdown (filename, -1);
  len = strlen (lower);

  if (g_str_has_suffix (lower, ".gz"))
    {
      gz = TRUE;
      len -= 3;
      lower[len] = '\0';
    }

  if (g_str_has_suffix (lower, ".gpx"))
    format = STRIDE_IMPORT_FORMAT_GPX;
  else if (g_str_has_suffix (lower, ".tcx"))
    format = STRIDE_IMPORT_FORMAT_TCX;
  else if (g_str_has_suffix (lower, ".fit"))
    format = STRIDE_IMPORT_FORMAT_FIT;

  if (format != STRIDE_IMPORT_FORMAT_UNKNOWN && compressed != NULL)
    *compressed = gz;

  return format;
}

static gboolean
is_gzip (GBytes *data)
{
  gsize size;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  return size >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

/* FIT is binary and read from memory: inflate a gzip stream first. */
static GPtrArray *
parse_fit (GInputStream  *stream,
           GBytes        *data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GBytes) inflated = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!is_gzip (data))
    return stride_fit_parse (data, cancellable, error);

  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, stream,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE
                              | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              cancellable, &local_error) < 0)
    {
      /* The same messages as for compressed GPX and TCX. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                     _("Corrupt compressed data: %s"), local_error->message);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                             _("Truncated compressed data: the file ends too early"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  inflated = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  return stride_fit_parse (inflated, cancellable, error);
}

GPtrArray *
stride_import_parse_bytes (GBytes              *data,
                           StrideImportFormat   format,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (data) == 0)
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                           _("The file is empty"));
      return NULL;
    }

  stream = g_memory_input_stream_new_from_bytes (data);

  if (is_gzip (data))
    {
      g_autoptr(GZlibDecompressor) decompressor = NULL;
      GInputStream *converted;

      decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      converted = g_converter_input_stream_new (stream, G_CONVERTER (decompressor));
      g_object_unref (stream);
      stream = converted;
    }

  switch (format)
    {
    case STRIDE_IMPORT_FORMAT_GPX:
      return stride_gpx_parse (stream, cancellable, error);

    case STRIDE_IMPORT_FORMAT_TCX:
      return stride_tcx_parse (stream, cancellable, error);

    case STRIDE_IMPORT_FORMAT_FIT:
      return parse_fit (stream, data, cancellable, error);

    case STRIDE_IMPORT_FORMAT_UNKNOWN:
    default:
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_UNSUPPORTED,
                           _("Unsupported file type"));
      return NULL;
    }
}

static GBytes *
load_file (GFile               *file,
           StrideImportFormat  *format,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean compressed = FALSE;
  gsize length = 0;

  *format = stride_import_detect_format (basename, &compressed);
  if (*format == STRIDE_IMPORT_FORMAT_UNKNOWN)
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_UNSUPPORTED,
                           _("Unsupported file type: not .gpx, .tcx or .fit (optionally .gz)"));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (compressed && !is_gzip (bytes))
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                           _("The name ends in .gz but the file is not gzip-compressed"));
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

GPtrArray *
stride_import_parse_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  StrideImportFormat format;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = load_file (file, &format, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return stride_import_parse_bytes (bytes, format, cancellable, error);
}

/* "; 2 rows skipped: row 3: …; row 5: …" for the rows of an activity list
 * that were left out. */
static void
append_skipped (GString   *out,
                GPtrArray *skipped)
{
  if (skipped == NULL || skipped->len == 0)
    return;

  g_string_append (out, "; ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u row skipped",
                                            "%u rows skipped", skipped->len),
                          skipped->len);
  for (guint i = 0; i < MIN (skipped->len, MAX_LISTED_SKIPS); i++)
    g_string_append_printf (out, "%s %s", i == 0 ? ":" : ";",
                            (const char *) g_ptr_array_index (skipped, i));
  if (skipped->len > MAX_LISTED_SKIPS)
    {
      g_string_append (out, "; ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                "and %u more",
                                                skipped->len - MAX_LISTED_SKIPS),
                              skipped->len - MAX_LISTED_SKIPS);
    }
}

/* Writes @activities in one transaction. An activity without a
 * source_hash gets @hash (activities of a Strava export bring their own
 * file's). @skipped (may be NULL) lists rows left out, @note (may be NULL)
 * says something about the whole file. Returns FALSE (rolled back) on the
 * first error. */
static gboolean
write_activities (StrideStore         *store,
                  GPtrArray           *activities,
                  const char          *hash,
                  GPtrArray           *skipped,
                  const char          *note,
                  StrideImportResult  *result,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  gint64 first_duplicate = 0;
  guint n_duplicates = 0;

  if (!stride_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < activities->len; i++)
    {
      StrideParsedActivity *parsed = g_ptr_array_index (activities, i);
      g_autoptr(GError) local_error = NULL;
      gint64 existing = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;

      /* Inside the transaction, so the file's own activities count too. */
      if (stride_store_find_activity_near (store, parsed->activity.sport,
                                           parsed->activity.start_utc,
                                           STRIDE_IMPORT_DUPLICATE_WINDOW_S,
                                           &existing, &local_error))
        {
          if (n_duplicates++ == 0)
            first_duplicate = existing;
          continue;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }

      if (parsed->activity.source_hash == NULL)
        parsed->activity.source_hash = g_strdup (hash);

      if (!stride_store_add_activity (store, &parsed->activity, NULL, 0,
                                      (const StrideTrackpoint *) (gpointer) parsed->points->data,
                                      parsed->points->len,
                                      (const StrideLap *) (gpointer) parsed->laps->data,
                                      parsed->laps->len,
                                      error))
        goto fail;

      if (result->n_activities++ == 0)
        result->activity_id = parsed->activity.id;
      if (parsed->note != NULL)
        g_string_append_printf (notes, "; %s", parsed->note);
    }

  /* A failed commit has already rolled back. */
  if (!stride_store_commit (store, error))
    {
      result->n_activities = 0;
      result->activity_id = 0;
      return FALSE;
    }

  result->n_duplicates = n_duplicates;
  result->n_skipped = skipped != NULL ? skipped->len : 0;
  if (note != NULL)
    g_string_append_printf (notes, "; %s", note);
  append_skipped (notes, skipped);

  if (result->n_activities == 0)
    {
      result->status = STRIDE_IMPORT_STATUS_DUPLICATE;
      result->activity_id = first_duplicate;
      result->message = g_strdup_printf (_("Already in the journal: an activity of the same "
                                           "sport starts within %d s%s"),
                                         STRIDE_IMPORT_DUPLICATE_WINDOW_S, notes->str);
    }
  else
    {
      g_autofree char *already = NULL;

      if (n_duplicates > 0)
        already = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "; %u already in the journal",
                                                "; %u already in the journal", n_duplicates),
                                   n_duplicates);

      result->status = STRIDE_IMPORT_STATUS_IMPORTED;
      result->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u activity%s%s",
                                                      "Imported %u activities%s%s",
                                                      result->n_activities),
                                         result->n_activities, already != NULL ? already : "",
                                         notes->str);
    }

  return TRUE;

fail:
  stride_store_rollback (store);
  result->n_activities = 0;
  result->activity_id = 0;
  return FALSE;
}

static gboolean
is_activity_list (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL && strlen (basename) > 4
         && g_ascii_strcasecmp (basename + strlen (basename) - 4, ".csv") == 0;
}

/* Reads @file as an export CSV, NULL with @error when it cannot be. */
static StrideExportCsv *
load_activity_list (GFile         *file,
                    char         **hash,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  if (length == 0)
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                           _("The file is empty"));
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (hash != NULL)
    *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return stride_export_csv_read (bytes, cancellable, error);
}

/* A Garmin Connect activity list or a Strava export's activities.csv, in
 * one transaction; each row is an activity. */
static gboolean
import_activity_list (StrideStore         *store,
                      GFile               *file,
                      GCancellable        *cancellable,
                      StrideImportResult  *result,
                      GError             **error)
{
  g_autoptr(StrideExportCsv) csv = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *note = NULL;
  gint64 existing = 0;

  csv = load_activity_list (file, &hash, cancellable, error);
  if (csv == NULL)
    return FALSE;

  if (stride_store_find_activity_by_hash (store, hash, &existing, &local_error))
    {
      result->status = STRIDE_IMPORT_STATUS_DUPLICATE;
      result->activity_id = existing;
      result->message = g_strdup (_("Already imported: the same file"));
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (stride_strava_is_header (csv->header))
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      activities = stride_strava_parse (csv, folder != NULL ? folder : file, skipped, &note,
                                        cancellable, error);
    }
  else if (stride_garmin_csv_is_header (csv->header))
    {
      activities = stride_garmin_csv_parse (csv, skipped, cancellable, error);
    }
  else
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_UNSUPPORTED,
                           _("Unsupported CSV file: not a Garmin Connect activity list "
                             "nor the activities.csv of a Strava export"));
      return FALSE;
    }

  if (activities == NULL)
    return FALSE;

  if (activities->len == 0)
    {
      g_autoptr(GString) text = g_string_new (_("No row could be imported"));

      append_skipped (text, skipped);
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_INVALID, text->str);
      return FALSE;
    }

  return write_activities (store, activities, hash, skipped, note, result, cancellable, error);
}

/* Names a database file usually has (pytrainer's is pytrainer.ddbb). */
static gboolean
is_database_name (GFile *file)
{
  static const char *const suffixes[] = { ".sqlite", ".sqlite3", ".db", ".ddbb" };
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

  for (guint i = 0; lower != NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      if (g_str_has_suffix (lower, suffixes[i]))
        return TRUE;
    }

  return FALSE;
}

/* Adds the database's shoes that are not in the journal yet (same name),
 * and links its runs to them. */
static gboolean
write_shoes (StrideStore          *store,
             StridePytrainerData  *data,
             guint                *n_added,
             GError              **error)
{
  g_autoptr(GArray) existing = NULL;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), data->shoes->len);

  *n_added = 0;
  if (data->shoes->len == 0)
    return TRUE;

  existing = stride_store_list_shoes (store, error);
  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < data->shoes->len; i++)
    {
      StrideShoe *shoe = &g_array_index (data->shoes, StrideShoe, i);
      gint64 id = 0;

      for (guint j = 0; j < existing->len && id == 0; j++)
        {
          const StrideShoe *known = &g_array_index (existing, StrideShoe, j);

          if (g_strcmp0 (known->name, shoe->name) == 0)
            id = known->id;
        }

      if (id == 0)
        {
          if (!stride_store_add_shoe (store, shoe, error))
            return FALSE;
          id = shoe->id;
          (*n_added)++;
        }
      g_array_append_val (ids, id);
    }

  for (guint i = 0; i < data->activities->len; i++)
    {
      StrideParsedActivity *parsed = g_ptr_array_index (data->activities, i);
      gint shoe = g_array_index (data->shoe_of, gint, i);

      if (shoe >= 0)
        parsed->activity.shoe_id = g_array_index (ids, gint64, shoe);
    }

  return TRUE;
}

/* A pytrainer database, read-only, in one transaction: its shoes first,
 * then its records as activities. */
static gboolean
import_pytrainer (StrideStore         *store,
                  GFile               *file,
                  GCancellable        *cancellable,
                  StrideImportResult  *result,
                  GError             **error)
{
  g_autoptr(StridePytrainerData) data = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  gsize length = 0;
  gint64 existing = 0;
  guint n_shoes = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return FALSE;
  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_clear_pointer (&contents, g_free);

  if (stride_store_find_activity_by_hash (store, hash, &existing, &local_error))
    {
      result->status = STRIDE_IMPORT_STATUS_DUPLICATE;
      result->activity_id = existing;
      result->message = g_strdup (_("Already imported: the same file"));
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  data = stride_pytrainer_read (file, skipped, cancellable, error);
  if (data == NULL)
    return FALSE;

  if (data->activities->len == 0 && skipped->len > 0)
    {
      g_autoptr(GString) text = g_string_new (_("No record could be imported"));

      append_skipped (text, skipped);
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_INVALID, text->str);
      return FALSE;
    }
  if (data->activities->len == 0 && data->shoes->len == 0)
    {
      g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                           _("Nothing to import: the pytrainer database has no activities "
                             "and no equipment"));
      return FALSE;
    }

  if (!stride_store_begin (store, error))
    return FALSE;

  if (!write_shoes (store, data, &n_shoes, error))
    goto fail;

  if (n_shoes > 0)
    g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE, "%u shoe added",
                                               "%u shoes added", n_shoes),
                            n_shoes);
  if (data->note != NULL)
    g_string_append_printf (note, "%s%s", note->len > 0 ? "; " : "", data->note);

  if (data->activities->len > 0)
    {
      /* Nested: rolls back to here on its own error. */
      if (!write_activities (store, data->activities, hash, skipped,
                             note->len > 0 ? note->str : NULL, result, cancellable, error))
        goto fail;
    }
  else
    {
      result->status = n_shoes > 0 ? STRIDE_IMPORT_STATUS_IMPORTED
                                   : STRIDE_IMPORT_STATUS_DUPLICATE;
      result->message = n_shoes > 0 ? g_strdup_printf (_("No activities; %s"), note->str)
                                    : g_strdup (_("Already in the journal: every shoe"));
    }

  if (!stride_store_commit (store, error))
    {
      result->n_activities = 0;
      result->activity_id = 0;
      return FALSE;
    }

  return TRUE;

fail:
  stride_store_rollback (store);
  result->n_activities = 0;
  result->activity_id = 0;
  return FALSE;
}

gboolean
stride_import_file (StrideStore         *store,
                    GFile               *file,
                    GCancellable        *cancellable,
                    StrideImportResult  *result,
                    GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autofree char *hash = NULL;
  StrideImportFormat format;
  gint64 existing = 0;

  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stride_import_result_clear (result);

  /* By content first: a database whatever its name, and a clear error for
   * a file named like one that is not. */
  if (stride_pytrainer_is_sqlite (file, cancellable) || is_database_name (file))
    {
      if (import_pytrainer (store, file, cancellable, result, &local_error))
        return TRUE;
      goto fail;
    }

  if (is_activity_list (file))
    {
      if (import_activity_list (store, file, cancellable, result, &local_error))
        return TRUE;
      goto fail;
    }

  bytes = load_file (file, &format, cancellable, &local_error);
  if (bytes == NULL)
    goto fail;

  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  if (stride_store_find_activity_by_hash (store, hash, &existing, &local_error))
    {
      result->status = STRIDE_IMPORT_STATUS_DUPLICATE;
      result->activity_id = existing;
      result->message = g_strdup (_("Already imported: the same file"));
      return TRUE;
    }
  if (local_error != NULL)
    goto fail;

  activities = stride_import_parse_bytes (bytes, format, cancellable, &local_error);
  if (activities == NULL)
    goto fail;

  if (!write_activities (store, activities, hash, NULL, NULL, result, cancellable,
                         &local_error))
    goto fail;

  return TRUE;

fail:
  g_assert (local_error != NULL);

  g_free (result->message);
  result->message = g_strdup (local_error->message);

  if (g_error_matches (local_error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT))
    {
      result->status = STRIDE_IMPORT_STATUS_SKIPPED;
      return TRUE;
    }

  result->status = STRIDE_IMPORT_STATUS_ERROR;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* One walk over a path, shared by importing and by scanning so that both
 * follow the same rules. Without a store, files are only listed. */
typedef struct
{
  StrideStore          *store;
  StrideImportFileFunc  func;
  StrideImportScanFunc  scan;
  gpointer              user_data;
} ImportWalk;

/* The bytes of @file (links followed), 0 when it cannot be read. */
static guint64
file_size (GFile        *file,
           GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info != NULL ? (guint64) g_file_info_get_size (info) : 0;
}

/* A folder holds all sorts of CSV files: one found while walking it is
 * imported when it is an activity list, and otherwise skipped with the
 * reason, not reported as an error. A file named like an activity list
 * ("Activities.csv", Strava's "activities.csv") that cannot be read stays
 * an error: that is a broken export the user wants to hear about. */
static void
skip_other_csv (const char         *basename,
                const GError       *error,
                StrideImportResult *result)
{
  g_autofree char *folded = g_utf8_casefold (basename, -1);

  if (!g_error_matches (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_UNSUPPORTED)
      && g_str_has_prefix (folded, "activities"))
    return;

  /* The message already says why ("Not a readable CSV file: …"). */
  result->status = STRIDE_IMPORT_STATUS_SKIPPED;
}

/* Reports one file; FALSE only when cancelled. @extra_bytes are read by
 * its import besides the file itself (a Strava export's activity files). */
static gboolean
import_one (const ImportWalk  *walk,
            GFile             *file,
            gboolean           explicit,
            guint64            extra_bytes,
            GCancellable      *cancellable,
            GError           **error)
{
  g_auto(StrideImportResult) result = { 0, };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = g_file_get_basename (file);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (walk->store == NULL)
    {
      if (walk->scan != NULL)
        walk->scan (file, file_size (file, cancellable) + extra_bytes, walk->user_data);
      return TRUE;
    }

  if (!explicit && !is_activity_list (file)
      && stride_import_detect_format (basename, NULL) == STRIDE_IMPORT_FORMAT_UNKNOWN)
    {
      result.status = STRIDE_IMPORT_STATUS_SKIPPED;
      result.message = g_strdup (_("Unsupported file type"));
    }
  else if (!stride_import_file (walk->store, file, cancellable, &result, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!explicit && is_activity_list (file))
        skip_other_csv (basename, local_error, &result);
    }

  if (walk->func != NULL)
    walk->func (file, &result, walk->user_data);

  return TRUE;
}

static void
report_error (const ImportWalk *walk,
              GFile            *file,
              const GError     *error)
{
  StrideImportResult result = { 0, };

  if (walk->store == NULL)
    {
      if (walk->scan != NULL)
        walk->scan (file, 0, walk->user_data);
      return;
    }

  result.status = STRIDE_IMPORT_STATUS_ERROR;
  result.message = error->message;

  if (walk->func != NULL)
    walk->func (file, &result, walk->user_data);
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  GFileInfo *ia = *(GFileInfo **) a;
  GFileInfo *ib = *(GFileInfo **) b;

  return strcmp (g_file_info_get_name (ia), g_file_info_get_name (ib));
}

/* If @dir holds a Strava activities.csv, adds it and the files it names
 * to @excluded and returns it (transfer full); else NULL. @named_bytes
 * (may be NULL) gets the size of the named files that exist. */
static GFile *
find_strava_export (GFile        *dir,
                    GHashTable   *excluded,
                    guint64      *named_bytes,
                    GCancellable *cancellable)
{
  g_autoptr(GFile) csv_file = g_file_get_child (dir, STRIDE_STRAVA_ACTIVITIES_CSV);
  g_autoptr(StrideExportCsv) csv = NULL;
  g_autoptr(GHashTable) named = NULL;
  GHashTableIter iter;
  gpointer path;

  if (g_file_query_file_type (csv_file, G_FILE_QUERY_INFO_NONE, cancellable)
      != G_FILE_TYPE_REGULAR)
    return NULL;

  /* Unreadable: the walk reports it like any other file. */
  csv = load_activity_list (csv_file, NULL, cancellable, NULL);
  if (csv == NULL || !stride_strava_is_header (csv->header))
    return NULL;

  named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stride_strava_list_files (csv, dir, named);
  g_hash_table_iter_init (&iter, named);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    {
      if (named_bytes != NULL && !g_hash_table_contains (excluded, path))
        {
          g_autoptr(GFile) file = g_file_new_for_path (path);

          *named_bytes += file_size (file, cancellable);
        }
      g_hash_table_iter_steal (&iter);
      g_hash_table_add (excluded, path);
    }
  g_hash_table_add (excluded, g_file_get_path (csv_file));

  return g_steal_pointer (&csv_file);
}

/* Our own CSV export (stride-csv-import.h) is one journal, restored as a
 * whole and reported as one result for the folder; FALSE only when
 * cancelled. */
static gboolean
restore_csv_export (const ImportWalk  *walk,
                    GFile             *dir,
                    guint64            n_bytes,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_auto(StrideImportResult) result = { 0, };
  g_autoptr(GError) local_error = NULL;
  gint64 n_activities;

  if (walk->store == NULL)
    {
      if (walk->scan != NULL)
        walk->scan (dir, n_bytes, walk->user_data);
      return TRUE;
    }

  if (stride_csv_import_dir (walk->store, dir, cancellable, &local_error)
      && (n_activities = stride_store_count_rows (walk->store, "activity", &local_error)) >= 0)
    {
      result.status = STRIDE_IMPORT_STATUS_IMPORTED;
      result.n_activities = (guint) n_activities;
      result.message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Journal restored from its CSV export: "
                                                     "%u activity",
                                                     "Journal restored from its CSV export: "
                                                     "%u activities",
                                                     result.n_activities),
                                        result.n_activities);
    }
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  else
    {
      result.status = STRIDE_IMPORT_STATUS_ERROR;
      result.message = g_strdup (local_error->message);
    }

  if (walk->func != NULL)
    walk->func (dir, &result, walk->user_data);

  return TRUE;
}

static gboolean
import_directory (const ImportWalk  *walk,
                  GFile             *dir,
                  GHashTable        *excluded,
                  GCancellable      *cancellable,
                  GError           **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) strava_csv = NULL;
  guint64 strava_bytes = 0;
  guint64 export_bytes = 0;

  if (stride_csv_import_is_export_dir (dir, &export_bytes, cancellable))
    return restore_csv_export (walk, dir, export_bytes, cancellable, error);

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, &local_error);
  while (enumerator != NULL)
    {
      GFileInfo *info = g_file_enumerator_next_file (enumerator, cancellable, &local_error);

      if (info == NULL)
        break;
      g_ptr_array_add (infos, info);
    }

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Report what could not be listed, and import what could. */
      report_error (walk, dir, local_error);
    }

  g_ptr_array_sort (infos, compare_infos);

  /* A Strava export: activities.csv first, with the files it names. */
  strava_csv = find_strava_export (dir, excluded, walk->store == NULL ? &strava_bytes : NULL,
                                   cancellable);
  if (strava_csv != NULL
      && !import_one (walk, strava_csv, TRUE, strava_bytes, cancellable, error))
    return FALSE;

  for (guint i = 0; i < infos->len; i++)
    {
      GFileInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
      g_autofree char *child_path = g_file_get_path (child);
      GFileType type = g_file_info_get_file_type (info);

      if (g_file_info_get_is_hidden (info))
        continue;
      if (child_path != NULL && g_hash_table_contains (excluded, child_path))
        continue;

      /* Follow links to files, but not to directories: no loops. */
      if (type == G_FILE_TYPE_SYMBOLIC_LINK)
        {
          type = g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, cancellable);
          if (type != G_FILE_TYPE_REGULAR)
            continue;
        }

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          if (!import_directory (walk, child, excluded, cancellable, error))
            return FALSE;
        }
      else if (type == G_FILE_TYPE_REGULAR)
        {
          if (!import_one (walk, child, FALSE, 0, cancellable, error))
            return FALSE;
        }
    }

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
walk_path (const ImportWalk  *walk,
           GFile             *path,
           GCancellable      *cancellable,
           GError           **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (path, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      report_error (walk, path, local_error);
      return TRUE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GHashTable) excluded = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);

      return import_directory (walk, path, excluded, cancellable, error);
    }

  return import_one (walk, path, TRUE, 0, cancellable, error);
}

gboolean
stride_import_path (StrideStore          *store,
                    GFile                *path,
                    StrideImportFileFunc  func,
                    gpointer              user_data,
                    GCancellable         *cancellable,
                    GError              **error)
{
  ImportWalk walk = { store, func, NULL, user_data };

  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (path), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return walk_path (&walk, path, cancellable, error);
}

gboolean
stride_import_scan_path (GFile                *path,
                         StrideImportScanFunc  func,
                         gpointer              user_data,
                         GCancellable         *cancellable,
                         GError              **error)
{
  ImportWalk walk = { NULL, NULL, func, user_data };

  g_return_val_if_fail (G_IS_FILE (path), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return walk_path (&walk, path, cancellable, error);
}
