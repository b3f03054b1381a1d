/* stride-csv.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-csv"

#include "config.h"

#include <string.h>

#include "stride-csv.h"

#define READ_CHUNK 65536

G_DEFINE_QUARK (stride-csv-error-quark, stride_csv_error)

void
stride_csv_append_field (GString    *out,
                         const char *value)
{
  g_return_if_fail (out != NULL);

  if (value == NULL)
    return;

  if (*value != '\0' && strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
stride_csv_append_row (GString           *out,
                       guint              n_fields,
                       const char *const *fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      stride_csv_append_field (out, fields[i]);
    }
  g_string_append_c (out, '\n');
}

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,             /* a quote inside quotes: doubled or closing */
} ReaderState;

struct _StrideCsvReader
{
  GInputStream *stream;
  guint8       *buffer;
  gsize         length;
  gsize         position;
  guint         line;                /* of the next character */
  guint         row_line;            /* where the last row started */
  guint         at_start : 1;        /* nothing read yet: a BOM may follow */
  guint         eof : 1;
  guint         skip_lf : 1;         /* just saw CR: an LF right after belongs to it */
};

StrideCsvReader *
stride_csv_reader_new (GInputStream *stream)
{
  StrideCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (StrideCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->buffer = g_malloc (READ_CHUNK);
  self->line = 1;
  self->row_line = 1;
  self->at_start = TRUE;

  return self;
}

void
stride_csv_reader_free (StrideCsvReader *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->stream);
  g_free (self->buffer);
  g_free (self);
}

guint
stride_csv_reader_get_line (StrideCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_line;
}

/* Makes a character available; FALSE at the end or on error. */
static gboolean
fill (StrideCsvReader  *self,
      GCancellable     *cancellable,
      GError          **error)
{
  gssize n;

  if (self->position < self->length)
    return TRUE;
  if (self->eof)
    return FALSE;

  n = g_input_stream_read (self->stream, self->buffer, READ_CHUNK, cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      self->eof = TRUE;
      return FALSE;
    }

  self->length = (gsize) n;
  self->position = 0;

  return TRUE;
}

static gboolean
finish_field (StrideCsvReader  *self,
              GPtrArray        *row,
              GString          *field,
              gboolean          quoted,
              GError          **error)
{
  if (!g_utf8_validate_len (field->str, field->len, NULL))
    {
      g_set_error (error, STRIDE_CSV_ERROR, STRIDE_CSV_ERROR_ENCODING,
                   "Line %u: field %u is not valid UTF-8", self->row_line, row->len + 1);
      return FALSE;
    }

  if (field->len == 0 && !quoted)
    g_ptr_array_add (row, NULL);
  else
    g_ptr_array_add (row, g_strndup (field->str, field->len));

  g_string_truncate (field, 0);

  return TRUE;
}

gboolean
stride_csv_reader_read_row (StrideCsvReader  *self,
                            GPtrArray       **row,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  g_autoptr(GError) local_error = NULL;
  ReaderState state = STATE_FIELD_START;
  gboolean quoted = FALSE;
  gboolean any = FALSE;
  guint8 prev = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *row = NULL;
  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

  for (;;)
    {
      guint8 c;

      if (!fill (self, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }

      c = self->buffer[self->position++];

      if (self->at_start)
        {
          self->at_start = FALSE;
          if (c == 0xEF)
            {
              /* Only a complete EF BB BF is a BOM; anything else is data. */
              guint8 bom[2];
              gsize got = 0;

              while (got < 2 && fill (self, cancellable, &local_error))
                bom[got++] = self->buffer[self->position++];
              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              if (got == 2 && bom[0] == 0xBB && bom[1] == 0xBF)
                continue;

              g_string_append_c (field, (char) c);
              g_string_append_len (field, (const char *) bom, got);
              state = STATE_UNQUOTED;
              any = TRUE;
              continue;
            }
        }

      if (self->skip_lf)
        {
          self->skip_lf = FALSE;
          if (c == '\n')
            continue;
        }

      if (!any)
        self->row_line = self->line;

      switch (state)
        {
        case STATE_FIELD_START:
          if (c == '"')
            {
              state = STATE_QUOTED;
              quoted = TRUE;
              any = TRUE;
            }
          else if (c == ',')
            {
              any = TRUE;
              if (!finish_field (self, fields, field, FALSE, error))
                return FALSE;
            }
          else if (c == '\r' || c == '\n')
            {
              self->line++;
              self->skip_lf = c == '\r';
              if (any)
                goto end_row;
              /* A blank line. */
            }
          else
            {
              g_string_append_c (field, (char) c);
              state = STATE_UNQUOTED;
              any = TRUE;
            }
          break;

        case STATE_UNQUOTED:
          if (c == ',')
            {
              if (!finish_field (self, fields, field, FALSE, error))
                return FALSE;
              state = STATE_FIELD_START;
            }
          else if (c == '\r' || c == '\n')
            {
              self->line++;
              self->skip_lf = c == '\r';
              goto end_row;
            }
          else
            {
              /* A stray quote inside an unquoted field is kept as is. */
              g_string_append_c (field, (char) c);
            }
          break;

        case STATE_QUOTED:
          if (c == '"')
            {
              state = STATE_QUOTE_IN_QUOTED;
            }
          else
            {
              /* Line breaks inside quotes are data, but still lines. */
              if (c == '\r' || (c == '\n' && prev != '\r'))
                self->line++;
              g_string_append_c (field, (char) c);
            }
          break;

        case STATE_QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (field, '"');
              state = STATE_QUOTED;
            }
          else if (c == ',')
            {
              if (!finish_field (self, fields, field, TRUE, error))
                return FALSE;
              quoted = FALSE;
              state = STATE_FIELD_START;
            }
          else if (c == '\r' || c == '\n')
            {
              self->line++;
              self->skip_lf = c == '\r';
              goto end_row;
            }
          else
            {
              g_set_error (error, STRIDE_CSV_ERROR, STRIDE_CSV_ERROR_PARSE,
                           "Line %u: unexpected character after the closing quote of field %u",
                           self->line, fields->len + 1);
              return FALSE;
            }
          break;

        default:
          g_assert_not_reached ();
        }

      prev = c;
    }

  /* End of the data. */
  if (state == STATE_QUOTED)
    {
      g_set_error (error, STRIDE_CSV_ERROR, STRIDE_CSV_ERROR_PARSE,
                   "Line %u: the quoted field %u is not closed before the end of the file",
                   self->row_line, fields->len + 1);
      return FALSE;
    }
  if (!any)
    return FALSE;

end_row:
  if (!finish_field (self, fields, field, quoted, error))
    return FALSE;

  *row = g_steal_pointer (&fields);
  return TRUE;
}
