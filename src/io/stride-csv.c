/* stride-csv.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "stride-csv.h"

#define READ_CHUNK 65536
/* The header line is looked for in at most this many bytes. */
#define SNIFF_LIMIT (1024 * 1024)

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
  STATE_AFTER_QUOTED,                /* spaces after the closing quote */
} ReaderState;

struct _StrideCsvReader
{
  GInputStream     *stream;
  GByteArray       *buffer;          /* what was read; parsed up to position */
  gsize             position;
  guint             line;            /* of the next character */
  guint             row_line;        /* where the last row started */
  guint             quote_line;      /* where the open quoted field started */
  char              separator;       /* 0 until detected */
  StrideCsvEncoding encoding;
  guint             encoding_known : 1;   /* a BOM or a non-ASCII field decided it */
  guint             windows_1252_fallback : 1;
  guint             started : 1;     /* a row was asked for: the settings are fixed */
  guint             bom : 1;         /* the file starts with a UTF-8 byte-order mark */
  guint             eof : 1;
  guint             skip_lf : 1;     /* just saw CR: an LF right after belongs to it */
};

StrideCsvReader *
stride_csv_reader_new (GInputStream *stream)
{
  StrideCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (StrideCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->buffer = g_byte_array_sized_new (READ_CHUNK);
  self->line = 1;
  self->row_line = 1;
  self->encoding = STRIDE_CSV_ENCODING_UTF8;

  return self;
}

void
stride_csv_reader_free (StrideCsvReader *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->stream);
  g_byte_array_unref (self->buffer);
  g_free (self);
}

guint
stride_csv_reader_get_line (StrideCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_line;
}

void
stride_csv_reader_set_separator (StrideCsvReader *self,
                                 char             separator)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->started);
  g_return_if_fail (separator == ',' || separator == ';' || separator == '\t');

  self->separator = separator;
}

char
stride_csv_reader_get_separator (StrideCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator != 0 ? self->separator : ',';
}

void
stride_csv_reader_set_windows_1252_fallback (StrideCsvReader *self,
                                             gboolean         fallback)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->started);

  self->windows_1252_fallback = fallback != FALSE;
}

StrideCsvEncoding
stride_csv_reader_get_encoding (StrideCsvReader *self)
{
  g_return_val_if_fail (self != NULL, STRIDE_CSV_ENCODING_UTF8);

  return self->encoding;
}

/* "Line 7: …". The prefix stays untranslated: stride-csv-import.c reads
 * the number back from it to name the file as well. */
static void G_GNUC_PRINTF (4, 5)
set_line_error (GError         **error,
                StrideCsvError   code,
                guint            line,
                const char      *format,
                ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, STRIDE_CSV_ERROR, code, "Line %u: %s", line, text);
}

/* Appends the next chunk of the stream to the buffer; FALSE at the end or
 * on error. */
static gboolean
read_more (StrideCsvReader  *self,
           GCancellable     *cancellable,
           GError          **error)
{
  guint old_length = self->buffer->len;
  gssize n;

  if (self->eof)
    return FALSE;

  g_byte_array_set_size (self->buffer, old_length + READ_CHUNK);
  n = g_input_stream_read (self->stream, self->buffer->data + old_length, READ_CHUNK,
                           cancellable, error);
  g_byte_array_set_size (self->buffer, old_length + (guint) MAX (n, 0));
  if (n == 0)
    self->eof = TRUE;

  return n > 0;
}

/* Makes a character available; FALSE at the end or on error. */
static gboolean
fill (StrideCsvReader  *self,
      GCancellable     *cancellable,
      GError          **error)
{
  if (self->position < self->buffer->len)
    return TRUE;

  g_byte_array_set_size (self->buffer, 0);
  self->position = 0;

  return read_more (self, cancellable, error);
}

/* Reads ahead until the buffer holds the whole first line that is not
 * blank (a line break inside quotes does not end it), the end of the data
 * or SNIFF_LIMIT bytes; *@end is where that line ends. */
static gboolean
read_first_line (StrideCsvReader  *self,
                 gsize            *end,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean quoted = FALSE;
  gboolean text = FALSE;
  gsize i = self->position;

  for (;;)
    {
      for (; i < self->buffer->len; i++)
        {
          guint8 c = self->buffer->data[i];

          if (c == '"')
            quoted = !quoted;
          else if ((c == '\r' || c == '\n') && !quoted && text)
            {
              *end = i;
              return TRUE;
            }
          /* A byte-order mark is not text. */
          if (c != '\r' && c != '\n' && !(i < 3 && c == (guint8) "\xEF\xBB\xBF"[i]))
            text = TRUE;
        }

      if (i - self->position >= SNIFF_LIMIT || !read_more (self, cancellable, &local_error))
        break;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *end = i;
  return TRUE;
}

/* The separator of a file whose first line that is not blank is @data:
 * ',' ';' or tab, whichever appears most often outside quotes (so splits
 * it into the most fields), ',' on a tie or when none does. *@sep_line is
 * set when the line is a spreadsheet's "sep=;". */
static char
detect_separator (const guint8 *data,
                  gsize         length,
                  gboolean     *sep_line)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;
  gsize i = 0;

  *sep_line = FALSE;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && (data[i] == '\r' || data[i] == '\n'))
    i++;

  if (length - i >= 5 && memcmp (data + i, "sep=", 4) == 0
      && (data[i + 4] == ',' || data[i + 4] == ';' || data[i + 4] == '\t')
      && (length - i == 5 || data[i + 5] == '\r' || data[i + 5] == '\n'))
    {
      *sep_line = TRUE;
      return (char) data[i + 4];
    }

  for (; i < length; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (data[i] == '\r' || data[i] == '\n')
        break;

      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        counts[k] += data[i] == (guint8) candidates[k];
    }

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      if (counts[k] > best_count)
        {
          best = candidates[k];
          best_count = counts[k];
        }
    }

  return best;
}

/* Windows-1252 from 0x80 to 0x9F (0: undefined); from 0xA0 on it is
 * ISO-8859-1, the same numbers as Unicode. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static gboolean
convert_windows_1252 (StrideCsvReader  *self,
                      GString          *field,
                      guint             number,
                      GError          **error)
{
  g_autoptr(GString) utf8 = g_string_sized_new (field->len + field->len / 2);

  for (gsize i = 0; i < field->len; i++)
    {
      guint8 c = (guint8) field->str[i];
      gunichar u = c < 0x80 || c >= 0xA0 ? c : windows_1252_high[c - 0x80];

      if (u == 0)
        {
          set_line_error (error, STRIDE_CSV_ERROR_ENCODING, self->row_line,
                          _("field %u has the byte 0x%02X, which is neither UTF-8 nor "
                            "Windows-1252 text"), number, (guint) c);
          return FALSE;
        }
      g_string_append_unichar (utf8, u);
    }

  g_string_truncate (field, 0);
  g_string_append_len (field, utf8->str, (gssize) utf8->len);

  return TRUE;
}

/* Makes @field UTF-8. The first field that is not ASCII decides the
 * encoding of the whole file (see stride_csv_reader_set_windows_1252_fallback()). */
static gboolean
decode_field (StrideCsvReader  *self,
              GString          *field,
              guint             number,
              GError          **error)
{
  gboolean ascii = TRUE;

  for (gsize i = 0; i < field->len; i++)
    {
      guint8 c = (guint8) field->str[i];

      if (c == 0)
        {
          set_line_error (error, STRIDE_CSV_ERROR_ENCODING, self->row_line,
                          _("field %u has a zero byte: this is not UTF-8 text"), number);
          return FALSE;
        }
      if (c >= 0x80)
        ascii = FALSE;
    }

  if (ascii)
    return TRUE;

  if (self->encoding == STRIDE_CSV_ENCODING_WINDOWS_1252)
    return convert_windows_1252 (self, field, number, error);

  if (g_utf8_validate_len (field->str, field->len, NULL))
    {
      self->encoding_known = TRUE;
      return TRUE;
    }

  if (!self->windows_1252_fallback)
    {
      set_line_error (error, STRIDE_CSV_ERROR_ENCODING, self->row_line,
                      _("field %u is not valid UTF-8"), number);
      return FALSE;
    }
  if (self->bom)
    {
      set_line_error (error, STRIDE_CSV_ERROR_ENCODING, self->row_line,
                      _("field %u is not valid UTF-8, though the file starts with a UTF-8 "
                        "byte-order mark"), number);
      return FALSE;
    }
  if (self->encoding_known)
    {
      set_line_error (error, STRIDE_CSV_ERROR_ENCODING, self->row_line,
                      _("field %u is not valid UTF-8, though the text before it is"), number);
      return FALSE;
    }

  self->encoding = STRIDE_CSV_ENCODING_WINDOWS_1252;
  self->encoding_known = TRUE;

  return convert_windows_1252 (self, field, number, error);
}

static gboolean
finish_field (StrideCsvReader  *self,
              GPtrArray        *row,
              GString          *field,
              gboolean          quoted,
              GError          **error)
{
  if (!decode_field (self, field, row->len + 1, error))
    return FALSE;

  if (field->len == 0 && !quoted)
    g_ptr_array_add (row, NULL);
  else
    g_ptr_array_add (row, g_strndup (field->str, field->len));

  g_string_truncate (field, 0);

  return TRUE;
}

/* Spaces a writer may put around a quoted field: they carry no data. */
static gboolean
is_padding (StrideCsvReader *self,
            guint8           c)
{
  return c == ' ' || (c == '\t' && self->separator != '\t');
}

static gboolean
only_padding (StrideCsvReader *self,
              GString         *field)
{
  for (gsize i = 0; i < field->len; i++)
    {
      if (!is_padding (self, (guint8) field->str[i]))
        return FALSE;
    }

  return TRUE;
}

/* At the very start: skips a UTF-8 byte-order mark, refuses UTF-16's.
 * Returns FALSE with @error on UTF-16 or a read error. */
static gboolean
skip_byte_order_mark (StrideCsvReader  *self,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  const guint8 *data;

  /* The first line is read ahead unless the separator was set, so make
   * sure three bytes are there either way. */
  while (self->buffer->len - self->position < 3
         && read_more (self, cancellable, &local_error))
    ;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  data = self->buffer->data + self->position;
  if (self->buffer->len - self->position >= 2
      && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      set_line_error (error, STRIDE_CSV_ERROR_ENCODING, 1,
                      _("the file is UTF-16 text; save it as UTF-8"));
      return FALSE;
    }
  if (self->buffer->len - self->position >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      self->position += 3;
      self->encoding_known = TRUE;
      self->bom = TRUE;
    }

  return TRUE;
}

static gboolean read_row (StrideCsvReader  *self,
                          GPtrArray       **row,
                          GCancellable     *cancellable,
                          GError          **error);

/* Before the first row: the byte-order mark, the separator. */
static gboolean
start (StrideCsvReader  *self,
       GCancellable     *cancellable,
       GError          **error)
{
  g_autoptr(GPtrArray) sep_row = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean sep_line = FALSE;

  if (self->separator == 0)
    {
      gsize end = 0;

      if (!read_first_line (self, &end, cancellable, error))
        return FALSE;
      self->separator = (char) detect_separator (self->buffer->data + self->position,
                                                 end - self->position, &sep_line);
    }

  if (!skip_byte_order_mark (self, cancellable, error))
    return FALSE;

  /* "sep=;" is no row. */
  if (sep_line && !read_row (self, &sep_row, cancellable, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
stride_csv_reader_read_row (StrideCsvReader  *self,
                            GPtrArray       **row,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *row = NULL;

  if (!self->started)
    {
      self->started = TRUE;
      if (!start (self, cancellable, error))
        return FALSE;
    }

  return read_row (self, row, cancellable, error);
}

static gboolean
read_row (StrideCsvReader  *self,
          GPtrArray       **row,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  g_autoptr(GError) local_error = NULL;
  ReaderState state = STATE_FIELD_START;
  const guint8 separator = (guint8) self->separator;
  gboolean quoted = FALSE;
  gboolean any = FALSE;
  guint8 prev = 0;

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

      c = self->buffer->data[self->position++];

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
              self->quote_line = self->line;
            }
          else if (c == separator)
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
          if (c == separator)
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
          else if (c == '"' && only_padding (self, field))
            {
              /* ␣"quoted": the spaces before the quote are no data. */
              g_string_truncate (field, 0);
              state = STATE_QUOTED;
              quoted = TRUE;
              self->quote_line = self->line;
            }
          else if (c == '"')
            {
              /* 5"6 or a "b,c" d: which field ends where is a guess. */
              set_line_error (error, STRIDE_CSV_ERROR_PARSE, self->line,
                              _("field %u has a quote but does not start with one (a field "
                                "with quotes in it must be quoted and its quotes doubled)"),
                              fields->len + 1);
              return FALSE;
            }
          else
            {
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
        case STATE_AFTER_QUOTED:
          if (c == '"' && state == STATE_QUOTE_IN_QUOTED)
            {
              g_string_append_c (field, '"');
              state = STATE_QUOTED;
            }
          else if (c == separator)
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
          else if (is_padding (self, c))
            {
              state = STATE_AFTER_QUOTED;
            }
          else
            {
              set_line_error (error, STRIDE_CSV_ERROR_PARSE, self->line,
                              _("unexpected character after the closing quote of field %u "
                                "(a quote inside a quoted field must be doubled)"),
                              fields->len + 1);
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
      set_line_error (error, STRIDE_CSV_ERROR_PARSE, self->quote_line,
                      _("the quoted field %u is not closed before the end of the file"),
                      fields->len + 1);
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
