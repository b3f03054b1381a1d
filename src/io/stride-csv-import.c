/* stride-csv-import.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-csv-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "stride-csv.h"
#include "stride-csv-export.h"
#include "stride-csv-import.h"
#include "stride-store-restore.h"

/* Rows between two looks at the cancellable. */
#define CANCEL_CHECK_ROWS 1024

G_DEFINE_QUARK (stride-csv-import-error-quark, stride_csv_import_error)

static char *
table_file_name (const char *table)
{
  return g_strconcat (table, ".csv", NULL);
}

/* The visible .csv files of @dir (a set of names), NULL with @error;
 * @n_bytes (may be NULL) gets their total size. */
static GHashTable *
list_csv_files (GFile         *dir,
                guint64       *n_bytes,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;

  if (n_bytes != NULL)
    *n_bytes = 0;

  while ((info = g_file_enumerator_next_file (enumerator, cancellable, &local_error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (name[0] != '.' && g_str_has_suffix (name, ".csv")
          && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        {
          g_hash_table_add (names, g_strdup (name));
          if (n_bytes != NULL)
            *n_bytes += (guint64) g_file_info_get_size (info);
        }
      g_object_unref (info);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&names);
}

gboolean
stride_csv_import_is_export_dir (GFile        *dir,
                                 guint64      *n_bytes,
                                 GCancellable *cancellable)
{
  g_autoptr(GHashTable) names = NULL;
  const char *const *tables = stride_store_list_tables ();

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  names = list_csv_files (dir, n_bytes, cancellable, NULL);
  if (names == NULL)
    return FALSE;

  if (g_hash_table_contains (names, STRIDE_CSV_EXPORT_MARKER))
    return TRUE;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *name = table_file_name (tables[i]);

      if (!g_hash_table_contains (names, name))
        return FALSE;
    }

  return TRUE;
}

/* "activity.csv line 3: …" from the reader's "Line 3: …". */
static void
prefix_csv_error (GError     **error,
                  const char  *file_name)
{
  const char *message;
  const char *rest = NULL;
  guint64 line = 0;
  char *end = NULL;

  if (error == NULL || *error == NULL)
    return;

  message = (*error)->message;
  if (g_str_has_prefix (message, "Line "))
    {
      line = g_ascii_strtoull (message + strlen ("Line "), &end, 10);
      if (end != NULL && g_str_has_prefix (end, ": "))
        rest = end + 2;
    }

  if (rest != NULL)
    {
      char *text = g_strdup_printf (_("%s line %lu: %s"), file_name, (gulong) line, rest);

      g_free ((*error)->message);
      (*error)->message = text;
    }
  else
    {
      g_prefix_error (error, "%s: ", file_name);
    }
}

static StrideCsvReader *
open_csv (GFile         *dir,
          const char    *file_name,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (dir, file_name);
  g_autoptr(GFileInputStream) stream = NULL;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_prefix_error (error, "%s: ", file_name);
      return NULL;
    }

  return stride_csv_reader_new (G_INPUT_STREAM (stream));
}

/* Reads the next row into *@row; FALSE at the end (with *@row NULL) or
 * on error, which then names the file. */
static gboolean
read_row (StrideCsvReader  *reader,
          const char       *file_name,
          GPtrArray       **row,
          GCancellable     *cancellable,
          GError          **error)
{
  g_clear_pointer (row, g_ptr_array_unref);

  if (stride_csv_reader_read_row (reader, row, cancellable, error))
    return TRUE;

  prefix_csv_error (error, file_name);
  return FALSE;
}

static const char *
field (GPtrArray *row,
       guint      index)
{
  return index < row->len ? g_ptr_array_index (row, index) : NULL;
}

/* The marker's rows as key → value. */
static GHashTable *
read_marker (GFile         *dir,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(StrideCsvReader) reader = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GError) local_error = NULL;

  reader = open_csv (dir, STRIDE_CSV_EXPORT_MARKER, cancellable, error);
  if (reader == NULL)
    return NULL;

  if (!read_row (reader, STRIDE_CSV_EXPORT_MARKER, &row, cancellable, &local_error)
      || row->len != 2
      || g_strcmp0 (field (row, 0), "key") != 0 || g_strcmp0 (field (row, 1), "value") != 0)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_NOT_AN_EXPORT,
                     _("%s line 1: the header must be “key,value”"), STRIDE_CSV_EXPORT_MARKER);
      return NULL;
    }

  while (read_row (reader, STRIDE_CSV_EXPORT_MARKER, &row, cancellable, &local_error))
    {
      if (row->len != 2 || field (row, 0) == NULL)
        {
          g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_MALFORMED,
                       _("%s line %u: a key and a value are expected"),
                       STRIDE_CSV_EXPORT_MARKER, stride_csv_reader_get_line (reader));
          return NULL;
        }
      g_hash_table_replace (values, g_strdup (field (row, 0)), g_strdup (field (row, 1)));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&values);
}

static gboolean
parse_version (GHashTable  *marker,
               const char  *key,
               gint64      *version,
               GError     **error)
{
  const char *text = g_hash_table_lookup (marker, key);

  if (text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT, version, NULL))
    return TRUE;

  g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_NOT_AN_EXPORT,
               _("%s: “%s” is missing or not a version number"), STRIDE_CSV_EXPORT_MARKER, key);
  return FALSE;
}

/* The export must be of this format version and of the schema @store has:
 * the columns of its files are the columns of that schema. */
static gboolean
check_marker (StrideStore   *store,
              GFile         *dir,
              GHashTable    *files,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GHashTable) marker = NULL;
  gint64 format_version = 0;
  gint64 schema_version = 0;
  int journal_version = stride_store_get_schema_version (store);

  if (!g_hash_table_contains (files, STRIDE_CSV_EXPORT_MARKER))
    {
      g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_NOT_AN_EXPORT,
                   _("The folder has no %s: it is not a StrideStrong journal export, or one "
                     "from before exports were marked; export the journal again"),
                   STRIDE_CSV_EXPORT_MARKER);
      return FALSE;
    }

  marker = read_marker (dir, cancellable, error);
  if (marker == NULL)
    return FALSE;

  if (g_strcmp0 (g_hash_table_lookup (marker, "format"), STRIDE_CSV_EXPORT_FORMAT) != 0)
    {
      g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_NOT_AN_EXPORT,
                   _("%s: the format is not “%s”"), STRIDE_CSV_EXPORT_MARKER,
                   STRIDE_CSV_EXPORT_FORMAT);
      return FALSE;
    }

  if (!parse_version (marker, "format_version", &format_version, error)
      || !parse_version (marker, "schema_version", &schema_version, error))
    return FALSE;

  if (format_version != STRIDE_CSV_EXPORT_FORMAT_VERSION)
    {
      g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_VERSION,
                   _("The export is in format version %lld; this StrideStrong reads "
                     "version %d only"),
                   (long long) format_version, STRIDE_CSV_EXPORT_FORMAT_VERSION);
      return FALSE;
    }

  if (schema_version > journal_version)
    {
      g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_VERSION,
                   _("The export comes from a journal of schema version %lld, newer than "
                     "this one (%d): restore it with a newer StrideStrong"),
                   (long long) schema_version, journal_version);
      return FALSE;
    }
  if (schema_version < journal_version)
    {
      g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_VERSION,
                   _("The export comes from a journal of schema version %lld, older than "
                     "this one (%d): open that journal with this StrideStrong, which "
                     "upgrades it, and export it again"),
                   (long long) schema_version, journal_version);
      return FALSE;
    }

  return TRUE;
}

/* "“a.csv”, “b.csv”" */
static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s“%s”", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (names, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every table has its file, and every .csv file is a table (or the marker). */
static gboolean
check_files (GHashTable  *files,
             GError     **error)
{
  const char *const *tables = stride_store_list_tables ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer name;

  g_hash_table_add (expected, g_strdup (STRIDE_CSV_EXPORT_MARKER));
  for (guint i = 0; tables[i] != NULL; i++)
    {
      char *file_name = table_file_name (tables[i]);

      g_hash_table_add (expected, file_name);
      if (!g_hash_table_contains (files, file_name))
        g_ptr_array_add (missing, g_strdup (file_name));
    }

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      if (!g_hash_table_contains (expected, name))
        g_ptr_array_add (unknown, name);
    }

  if (unknown->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_sort (unknown, compare_names);
      list = join_names (unknown);
      g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_FILES,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s is not a table of the journal: remove it from the folder "
                                "to restore the others",
                                "%s are not tables of the journal: remove them from the folder "
                                "to restore the others",
                                unknown->len),
                   list);
      return FALSE;
    }

  if (missing->len > 0)
    {
      g_autofree char *list = join_names (missing);

      g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_FILES,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The export is incomplete: %s is missing",
                                "The export is incomplete: %s are missing",
                                missing->len),
                   list);
      return FALSE;
    }

  return TRUE;
}

/* "activity.csv line 12, column avg_hr: …" or "activity.csv line 12: …". */
static void
prefix_row_error (GError     **error,
                  const char  *file_name,
                  guint        line,
                  GPtrArray   *header,
                  int          column)
{
  if (column >= 0 && (guint) column < header->len && g_ptr_array_index (header, column) != NULL)
    g_prefix_error (error, _("%s line %u, column %s: "), file_name, line,
                    (const char *) g_ptr_array_index (header, column));
  else if (column >= 0)
    g_prefix_error (error, _("%s line %u, column %d: "), file_name, line, column + 1);
  else
    g_prefix_error (error, _("%s line %u: "), file_name, line);
}

static gboolean
restore_table (StrideStoreRestore  *restore,
               GFile               *dir,
               const char          *table,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autofree char *file_name = table_file_name (table);
  g_autoptr(StrideCsvReader) reader = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GError) local_error = NULL;
  int bad_column = -1;
  guint n_rows = 0;

  reader = open_csv (dir, file_name, cancellable, error);
  if (reader == NULL)
    return FALSE;

  if (!read_row (reader, file_name, &header, cancellable, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_MALFORMED,
                     _("%s is empty: its first line must name the columns"), file_name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!stride_store_restore_set_table (restore, table, header->len,
                                       (const char *const *) header->pdata, &bad_column,
                                       error))
    {
      prefix_row_error (error, file_name, stride_csv_reader_get_line (reader), header,
                        bad_column);
      return FALSE;
    }

  while (read_row (reader, file_name, &row, cancellable, &local_error))
    {
      guint line = stride_csv_reader_get_line (reader);

      if (++n_rows % CANCEL_CHECK_ROWS == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (row->len != header->len)
        {
          g_set_error (error, STRIDE_CSV_IMPORT_ERROR, STRIDE_CSV_IMPORT_ERROR_MALFORMED,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s line %u: %u field, but the header names %u columns",
                                    "%s line %u: %u fields, but the header names %u columns",
                                    row->len),
                       file_name, line, row->len, header->len);
          return FALSE;
        }

      if (!stride_store_restore_add_row (restore, (const char *const *) row->pdata,
                                         &bad_column, error))
        {
          prefix_row_error (error, file_name, line, header, bad_column);
          return FALSE;
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
stride_csv_import_dir (StrideStore   *store,
                       GFile         *dir,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(StrideStoreRestore) restore = NULL;
  const char *const *tables = stride_store_list_tables ();

  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  files = list_csv_files (dir, NULL, cancellable, error);
  if (files == NULL
      || !check_marker (store, dir, files, cancellable, error)
      || !check_files (files, error))
    return FALSE;

  restore = stride_store_restore_begin (store, error);
  if (restore == NULL)
    return FALSE;

  /* In dependency order, so each link finds its row already there. */
  for (guint i = 0; tables[i] != NULL; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !restore_table (restore, dir, tables[i], cancellable, error))
        return FALSE;
    }

  return stride_store_restore_commit (restore, error);
}
