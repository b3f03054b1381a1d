/* stride-csv-export.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-csv-export"

#include "config.h"

#include "stride-csv.h"
#include "stride-csv-export.h"
#include "stride-store-restore.h"

/* Bytes gathered before each write. */
#define FLUSH_SIZE 65536

typedef struct
{
  GOutputStream *out;
  GString       *buffer;
  GError        *error;
} TableWriter;

static gboolean
flush_buffer (TableWriter *writer)
{
  if (writer->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                                  NULL, NULL, &writer->error))
    return FALSE;

  g_string_truncate (writer->buffer, 0);

  return TRUE;
}

static gboolean
write_row_cb (guint              n_columns,
              const char *const *names,
              const char *const *values,
              gpointer           user_data)
{
  TableWriter *writer = user_data;

  stride_csv_append_row (writer->buffer, n_columns, values);

  if (writer->buffer->len >= FLUSH_SIZE)
    return flush_buffer (writer);

  return TRUE;
}

static gboolean
is_plain_name (const char *table)
{
  if (*table == '\0')
    return FALSE;

  for (const char *p = table; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_')
        return FALSE;
    }

  return TRUE;
}

/* Creates a new, private file next to the final one. */
static GFileOutputStream *
create_temporary (GFile       *dir,
                  const char  *table,
                  GFile      **tmp_file,
                  GError     **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.csv.%08x.tmp", table, g_random_int ());
      g_autoptr(GFile) file = g_file_get_child (dir, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *out;

      out = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, &local_error);
      if (out != NULL)
        {
          *tmp_file = g_steal_pointer (&file);
          return out;
        }

      if (attempt >= 10 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

static gboolean
write_table (StrideStore  *store,
             GFile        *dir,
             const char   *table,
             GFile       **tmp_file,
             GError      **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_auto(GStrv) columns = NULL;
  TableWriter writer = { 0, };
  gboolean ok;

  columns = stride_store_list_columns (store, table, error);
  if (columns == NULL)
    return FALSE;

  out = create_temporary (dir, table, tmp_file, error);
  if (out == NULL)
    return FALSE;

  writer.out = G_OUTPUT_STREAM (out);
  writer.buffer = buffer;
  stride_csv_append_row (buffer, g_strv_length (columns), (const char *const *) columns);

  /* Not foreach_row: its REAL text keeps only 15 digits. */
  ok = stride_store_dump_rows (store, table, write_row_cb, &writer, error);
  if (writer.error != NULL)
    {
      /* The store may or may not have set an error of its own. */
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&writer.error));
      ok = FALSE;
    }

  if (ok && !flush_buffer (&writer))
    {
      g_propagate_error (error, g_steal_pointer (&writer.error));
      ok = FALSE;
    }

  if (ok)
    return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);

  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
  return FALSE;
}

/* Deterministic, so exporting the same journal twice gives the same bytes. */
static gboolean
write_marker (StrideStore  *store,
              GFile        *dir,
              GFile       **tmp_file,
              GError      **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *format_version = g_strdup_printf ("%d", STRIDE_CSV_EXPORT_FORMAT_VERSION);
  g_autofree char *schema_version = g_strdup_printf ("%d",
                                                     stride_store_get_schema_version (store));
  const char *rows[][2] = {
    { "key", "value" },
    { "format", STRIDE_CSV_EXPORT_FORMAT },
    { "format_version", format_version },
    { "schema_version", schema_version },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    stride_csv_append_row (text, 2, rows[i]);

  out = create_temporary (dir, "stridestrong-export", tmp_file, error);
  if (out == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), text->str, text->len, NULL, NULL, error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

gboolean
stride_csv_export_dir (StrideStore  *store,
                       GFile        *dir,
                       GError      **error)
{
  g_autoptr(GPtrArray) tmp_files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  const char *const *tables;
  guint n_tables = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "Cannot create the export folder: ");
      return FALSE;
    }
  g_clear_error (&local_error);

  tables = stride_store_list_tables ();

  for (; tables != NULL && tables[n_tables] != NULL; n_tables++)
    {
      GFile *tmp_file = NULL;

      if (!is_plain_name (tables[n_tables]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                       "Cannot export table “%s”: not a plain name", tables[n_tables]);
          ok = FALSE;
          break;
        }

      ok = write_table (store, dir, tables[n_tables], &tmp_file, error);
      if (tmp_file != NULL)
        {
          g_ptr_array_add (tmp_files, tmp_file);
          g_ptr_array_add (names, g_strconcat (tables[n_tables], ".csv", NULL));
        }
      if (!ok)
        {
          g_prefix_error (error, "Cannot export table “%s”: ", tables[n_tables]);
          break;
        }
    }

  if (ok)
    {
      GFile *tmp_file = NULL;

      ok = write_marker (store, dir, &tmp_file, error);
      if (tmp_file != NULL)
        {
          g_ptr_array_add (tmp_files, tmp_file);
          g_ptr_array_add (names, g_strdup (STRIDE_CSV_EXPORT_MARKER));
        }
      if (!ok)
        g_prefix_error (error, "Cannot write “%s”: ", STRIDE_CSV_EXPORT_MARKER);
    }

  /* Only now do the final names change, each by one rename, the marker
   * last. */
  for (guint i = 0; ok && i < tmp_files->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) target = g_file_get_child (dir, name);

      if (!g_file_move (g_ptr_array_index (tmp_files, i), target,
                        G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                        NULL, NULL, NULL, error))
        {
          g_prefix_error (error, "Cannot write “%s”: ", name);
          ok = FALSE;
        }
    }

  if (!ok)
    {
      for (guint i = 0; i < tmp_files->len; i++)
        g_file_delete (g_ptr_array_index (tmp_files, i), NULL, NULL);
    }

  return ok;
}
