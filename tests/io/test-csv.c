/* test-csv.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "stride-csv.h"

/* A stream that hands out one byte per read, so every character of the
 * reader's input falls on a buffer boundary once. */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         position;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);

  if (count == 0 || self->position >= size)
    return 0;

  ((guint8 *) buffer)[0] = data[self->position++];
  return 1;
}

static void
test_trickle_stream_finalize (GObject *object)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (object);

  g_bytes_unref (self->bytes);
  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
}

static GInputStream *
stream_for (const char *data,
            gssize      length,
            gboolean    trickle)
{
  GBytes *bytes;

  if (length < 0)
    length = (gssize) strlen (data);
  bytes = g_bytes_new (data, (gsize) length);

  if (trickle)
    {
      TestTrickleStream *stream = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

      stream->bytes = bytes;
      return G_INPUT_STREAM (stream);
    }

  return g_memory_input_stream_new_from_bytes (bytes);
}

/* All rows of @data read by @reader, or NULL with @error. */
static GPtrArray *
read_rows (StrideCsvReader  *reader,
           GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = NULL;

  while (stride_csv_reader_read_row (reader, &row, NULL, error))
    g_ptr_array_add (rows, row);

  if (error != NULL && *error != NULL)
    return NULL;

  g_assert_null (row);
  return g_steal_pointer (&rows);
}

/* All rows of @data, or NULL with @error. */
static GPtrArray *
read_all (const char  *data,
          gssize       length,
          gboolean     trickle,
          GError     **error)
{
  g_autoptr(GInputStream) stream = stream_for (data, length, trickle);
  g_autoptr(StrideCsvReader) reader = stride_csv_reader_new (stream);

  return read_rows (reader, error);
}

static const char *
field (GPtrArray *rows,
       guint      row,
       guint      column)
{
  GPtrArray *r = g_ptr_array_index (rows, row);

  g_assert_cmpuint (column, <, r->len);
  return g_ptr_array_index (r, column);
}

static void
test_write_quoting (void)
{
  static const char *const fields[] = {
    "plain", "a,b", "say \"hi\"", "line1\nline2", "cr\rhere", "", NULL, "ünïcödé ®", " space ",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  stride_csv_append_row (out, G_N_ELEMENTS (fields), fields);
  g_assert_cmpstr (out->str, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",\"cr\rhere\",\"\",,"
                   "ünïcödé ®, space \n");

  g_string_truncate (out, 0);
  stride_csv_append_row (out, 0, NULL);
  g_assert_cmpstr (out->str, ==, "\n");

  g_string_truncate (out, 0);
  stride_csv_append_field (out, "\"");
  g_assert_cmpstr (out->str, ==, "\"\"\"\"");
}

static void
check_round_trip (gboolean trickle)
{
  static const char *const rows[][4] = {
    { "id", "title", "notes", "hr" },
    { "1", "Easy, with \"strides\"", "line one\nline two\r\nline three", "142" },
    { "2", "", NULL, NULL },
    { "3", "\"", ",", "\r" },
    { NULL, NULL, NULL, "last" },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    stride_csv_append_row (out, 4, rows[i]);

  read = read_all (out->str, (gssize) out->len, trickle, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  if (read == NULL)
    return;

  g_assert_cmpuint (read->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < MIN (read->len, G_N_ELEMENTS (rows)); i++)
    {
      GPtrArray *row = g_ptr_array_index (read, i);

      g_assert_cmpuint (row->len, ==, 4);
      for (guint j = 0; j < MIN (row->len, 4); j++)
        g_assert_cmpstr (g_ptr_array_index (row, j), ==, rows[i][j]);
    }
}

static void
test_round_trip (void)
{
  check_round_trip (FALSE);
}

static void
test_round_trip_trickle (void)
{
  check_round_trip (TRUE);
}

static void
check_crlf_bom (gboolean trickle)
{
  /* BOM, CRLF rows, a quoted CRLF, a blank line, no final line break. */
  static const char data[] =
    "\xEF\xBB\xBF" "name,value\r\n"
    "\"multi\r\nline\",1\r\n"
    "\r\n"
    "empty,\r\n"
    ",\"\"\r\n"
    "last,\"4,808\"";
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = read_all (data, -1, trickle, &error);
  g_assert_no_error (error);
  if (rows == NULL)
    return;

  g_assert_cmpuint (rows->len, ==, 5);
  if (rows->len != 5)
    return;

  g_assert_cmpstr (field (rows, 0, 0), ==, "name");
  g_assert_cmpstr (field (rows, 0, 1), ==, "value");
  g_assert_cmpstr (field (rows, 1, 0), ==, "multi\r\nline");
  g_assert_cmpstr (field (rows, 1, 1), ==, "1");
  g_assert_cmpstr (field (rows, 2, 0), ==, "empty");
  g_assert_null (field (rows, 2, 1));
  g_assert_null (field (rows, 3, 0));
  g_assert_cmpstr (field (rows, 3, 1), ==, "");
  g_assert_cmpstr (field (rows, 4, 1), ==, "4,808");
}

static void
test_crlf_bom (void)
{
  check_crlf_bom (FALSE);
}

static void
test_crlf_bom_trickle (void)
{
  check_crlf_bom (TRUE);
}

static void
test_line_numbers (void)
{
  g_autoptr(GInputStream) stream = stream_for ("a\n\"b\nc\"\r\nd\re\n\nf", -1, FALSE);
  g_autoptr(StrideCsvReader) reader = stride_csv_reader_new (stream);
  static const guint lines[] = { 1, 2, 4, 5, 7 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(GPtrArray) row = NULL;

      g_assert_true (stride_csv_reader_read_row (reader, &row, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stride_csv_reader_get_line (reader), ==, lines[i]);
    }

  {
    g_autoptr(GPtrArray) row = NULL;

    g_assert_false (stride_csv_reader_read_row (reader, &row, NULL, &error));
    g_assert_no_error (error);
    g_assert_null (row);
  }
}

static void
test_errors (void)
{
  static const struct {
    const char *data;
    gssize      length;
    gint        code;
    const char *message;
  } cases[] = {
    { "a,b\n\"open,c\n", -1, STRIDE_CSV_ERROR_PARSE,
      "Line 2: the quoted field 1 is not closed before the end of the file" },
    /* The row starts on line 2, its stray quote opens a field on line 3. */
    { "a,b\n\"x\ny\",\"open\nz\n", -1, STRIDE_CSV_ERROR_PARSE,
      "Line 3: the quoted field 2 is not closed" },
    { "a,\"b\"x,c\n", -1, STRIDE_CSV_ERROR_PARSE,
      "Line 1: unexpected character after the closing quote of field 2" },
    { "a,\"b\" \"c\",d\n", -1, STRIDE_CSV_ERROR_PARSE,
      "Line 1: unexpected character after the closing quote of field 2" },
    /* A quote inside a field that is not quoted: RFC 4180 has none. */
    { "a,b\r\nc,d\r\nRun 5\"6,x\r\n", -1, STRIDE_CSV_ERROR_PARSE,
      "Line 3: field 1 has a quote but does not start with one" },
    { "a;b\n1;x \"y;z\" w\n", -1, STRIDE_CSV_ERROR_PARSE,
      "Line 2: field 2 has a quote but does not start with one" },
    { "ok\nbad\xff,x\n", -1, STRIDE_CSV_ERROR_ENCODING, "Line 2: field 1 is not valid UTF-8" },
    { "nul\0byte\n", 9, STRIDE_CSV_ERROR_ENCODING, "Line 1: field 1 has a zero byte" },
    { "\xFF\xFE" "a\0,\0b\0\n\0", 10, STRIDE_CSV_ERROR_ENCODING, "Line 1: the file is UTF-16" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;

      rows = read_all (cases[i].data, cases[i].length, i % 2 == 0, &error);
      g_assert_null (rows);
      g_assert_error (error, STRIDE_CSV_ERROR, cases[i].code);
      if (error != NULL && strstr (error->message, cases[i].message) == NULL)
        g_test_fail_printf ("case %u: “%s” does not contain “%s”", i, error->message,
                            cases[i].message);
    }
}

static void
test_edge_cases (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  /* Empty input, only a BOM, only blank lines: no rows. */
  rows = read_all ("", -1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = read_all ("\xEF\xBB\xBF", -1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = read_all ("\n\r\n\r", -1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* "" alone is one empty string; a lone comma is two NULL fields;
   * spaces around a quoted field are no data, spaces elsewhere are. */
  rows = read_all ("x\n\"\"\n,\n a, \"b,c\" ,d \n", -1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  if (rows == NULL)
    return;
  g_assert_cmpuint (rows->len, ==, 4);
  if (rows->len == 4)
    {
      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, 1))->len, ==, 1);
      g_assert_cmpstr (field (rows, 1, 0), ==, "");
      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, 2))->len, ==, 2);
      g_assert_null (field (rows, 2, 0));
      g_assert_null (field (rows, 2, 1));
      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, 3))->len, ==, 3);
      g_assert_cmpstr (field (rows, 3, 0), ==, " a");
      g_assert_cmpstr (field (rows, 3, 1), ==, "b,c");
      g_assert_cmpstr (field (rows, 3, 2), ==, "d ");
    }
}

/* The separator is the one of ',' ';' and tab that splits the header
 * (outside quotes) into the most fields. */
static void
check_separators (gboolean trickle)
{
  static const struct {
    const char *data;
    char        separator;
    guint       n_fields;            /* of every row */
    const char *last;                /* the last field of the last row */
  } cases[] = {
    { "a;b;c\r\n1,5;\"2;x\";3\r\n", ';', 3, "3" },
    { "a\tb\n\"1\t5\"\t2,5\n", '\t', 2, "2,5" },
    { "a;b,c;d\n1;2,5;3\n", ';', 3, "3" },
    /* One of each: the tie goes to ','. */
    { "a,b;c\n1,2;3\n", ',', 2, "2;3" },
    { "a,b\tc;d\n1,2\t3;4\n", ',', 2, "2\t3;4" },
    /* Separators inside quotes do not count. */
    { "\"x;y;z\",b\n1;2,3\n", ',', 2, "3" },
    { "only\n1;5\n", ',', 1, "1;5" },
    /* A byte-order mark and blank lines before the header. */
    { "\xEF\xBB\xBF\r\n\r\nDistance;Time\r\n10,02;01:02:03,5\r\n", ';', 2, "01:02:03,5" },
    /* A spreadsheet's "sep=" line names it and is no row. */
    { "sep=;\na,b;c\n1;2\n", ';', 2, "2" },
    { "sep=,\na;b;c,d\n1;2,3\n", ',', 2, "3" },
    /* A header with a quoted line break. */
    { "\"Distance\n(km)\";Time\n1;2\n", ';', 2, "2" },
    { "", ',', 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = stream_for (cases[i].data, -1, trickle);
      g_autoptr(StrideCsvReader) reader = stride_csv_reader_new (stream);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;

      rows = read_rows (reader, &error);
      g_assert_no_error (error);
      if (rows == NULL)
        continue;

      if (stride_csv_reader_get_separator (reader) != cases[i].separator)
        g_test_fail_printf ("case %u: separator 0x%02x, not 0x%02x", i,
                            (guint) stride_csv_reader_get_separator (reader),
                            (guint) cases[i].separator);
      for (guint r = 0; r < rows->len; r++)
        g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==,
                          cases[i].n_fields);
      if (rows->len > 0 && cases[i].n_fields > 0)
        g_assert_cmpstr (field (rows, rows->len - 1, cases[i].n_fields - 1), ==, cases[i].last);
      g_assert_cmpuint (rows->len, ==, cases[i].data[0] == '\0' ? 0 : 2);
    }
}

static void
test_separators (void)
{
  check_separators (FALSE);
}

static void
test_separators_trickle (void)
{
  check_separators (TRUE);
}

static void
test_separator_line_numbers (void)
{
  g_autoptr(GInputStream) stream = stream_for ("sep=;\n\na;b\r\n1;\"x\ny\"\r\n2;z", -1, FALSE);
  g_autoptr(StrideCsvReader) reader = stride_csv_reader_new (stream);
  static const guint lines[] = { 3, 4, 6 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(GPtrArray) row = NULL;

      g_assert_true (stride_csv_reader_read_row (reader, &row, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stride_csv_reader_get_line (reader), ==, lines[i]);
      g_assert_cmpuint (row != NULL ? row->len : 0, ==, 2);
    }
}

static void
test_separator_set (void)
{
  g_autoptr(GInputStream) stream = stream_for ("a;b;c,d\n1;2;3,4\n", -1, FALSE);
  g_autoptr(StrideCsvReader) reader = stride_csv_reader_new (stream);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  stride_csv_reader_set_separator (reader, ',');
  rows = read_rows (reader, &error);
  g_assert_no_error (error);
  if (rows == NULL)
    return;
  g_assert_cmpint (stride_csv_reader_get_separator (reader), ==, ',');
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (field (rows, 1, 0), ==, "1;2;3");
  g_assert_cmpstr (field (rows, 1, 1), ==, "4");
}

/* A header longer than one read of the stream (64 KiB), whose only
 * separators come after it. */
static void
test_separator_long_header (void)
{
  g_autofree char *long_name = g_strnfill (100000, 'x');
  g_autofree char *data = g_strdup_printf ("\"%s\";b;c\n1;2;3\n", long_name);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = read_all (data, -1, FALSE, &error);
  g_assert_no_error (error);
  if (rows == NULL)
    return;
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (strlen (field (rows, 0, 0)), ==, 100000);
  g_assert_cmpstr (field (rows, 1, 2), ==, "3");
}

/* All rows of @data read with the Windows-1252 fallback, or NULL with
 * @error; *@encoding is the encoding the reader found. */
static GPtrArray *
read_with_fallback (const char         *data,
                    gboolean            trickle,
                    StrideCsvEncoding  *encoding,
                    GError            **error)
{
  g_autoptr(GInputStream) stream = stream_for (data, -1, trickle);
  g_autoptr(StrideCsvReader) reader = stride_csv_reader_new (stream);
  GPtrArray *rows;

  stride_csv_reader_set_windows_1252_fallback (reader, TRUE);
  rows = read_rows (reader, error);
  *encoding = stride_csv_reader_get_encoding (reader);

  return rows;
}

/* Every byte that Windows-1252 defines, checked against iconv's table. */
static void
test_windows_1252_bytes (void)
{
  g_autoptr(GString) data = g_string_new ("name\n");
  g_autoptr(GString) bytes = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  StrideCsvEncoding encoding;

  for (guint c = 0x80; c <= 0xFF; c++)
    {
      if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)
        continue;
      g_string_append_c (bytes, (char) c);
    }
  g_string_append_printf (data, "\"%s\"\n", bytes->str);

  expected = g_convert (bytes->str, (gssize) bytes->len, "UTF-8", "WINDOWS-1252", NULL, NULL,
                        &error);
  g_assert_no_error (error);

  rows = read_with_fallback (data->str, FALSE, &encoding, &error);
  g_assert_no_error (error);
  if (rows == NULL)
    return;
  g_assert_cmpint (encoding, ==, STRIDE_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (field (rows, 1, 0), ==, expected);
}

static void
check_windows_1252 (gboolean trickle)
{
  /* "Müller;Café “5 km” – 10€" and later fields: all Windows-1252, even
   * one whose bytes happen to be valid UTF-8 (C3 A9). */
  static const char data[] =
    "Name;Title\r\n"
    "M\xfcller;Caf\xe9 \x93" "5 km\x94 \x96 10\x80\r\n"
    "Plain;ASCII\r\n"
    "\xc3\xa9;x\r\n";
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  StrideCsvEncoding encoding;

  rows = read_with_fallback (data, trickle, &encoding, &error);
  g_assert_no_error (error);
  if (rows == NULL)
    return;
  g_assert_cmpint (encoding, ==, STRIDE_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpuint (rows->len, ==, 4);
  if (rows->len != 4)
    return;
  g_assert_cmpstr (field (rows, 1, 0), ==, "Müller");
  g_assert_cmpstr (field (rows, 1, 1), ==, "Café “5 km” – 10€");
  g_assert_cmpstr (field (rows, 2, 1), ==, "ASCII");
  g_assert_cmpstr (field (rows, 3, 0), ==, "Ã©");
}

static void
test_windows_1252 (void)
{
  check_windows_1252 (FALSE);
}

static void
test_windows_1252_trickle (void)
{
  check_windows_1252 (TRUE);
}

/* What the fallback does not take: a file that is UTF-8 first, a BOM, the
 * five bytes Windows-1252 leaves out, and no fallback at all. */
static void
test_windows_1252_refused (void)
{
  static const struct {
    const char *data;
    gboolean    fallback;
    const char *message;
  } cases[] = {
    { "Name\nZürich\nM\xfcller\n", TRUE,
      "Line 3: field 1 is not valid UTF-8, though the text before it is" },
    { "\xEF\xBB\xBFName\nM\xfcller\n", TRUE,
      "Line 2: field 1 is not valid UTF-8, though the file starts with a UTF-8 byte-order mark" },
    { "Name,Note\nok,x\nM\xfcller,\x81\n", TRUE,
      "Line 3: field 2 has the byte 0x81, which is neither UTF-8 nor Windows-1252 text" },
    { "Name,Note\nM\xfcller,x\n", FALSE, "Line 2: field 1 is not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInputStream) stream = stream_for (cases[i].data, -1, FALSE);
      g_autoptr(StrideCsvReader) reader = stride_csv_reader_new (stream);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;

      stride_csv_reader_set_windows_1252_fallback (reader, cases[i].fallback);
      rows = read_rows (reader, &error);
      g_assert_null (rows);
      g_assert_error (error, STRIDE_CSV_ERROR, STRIDE_CSV_ERROR_ENCODING);
      if (error != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_large (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (200000, 'x');

  /* Rows and a 200 kB field across the reader's 64 KiB reads. */
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      const char *row[] = { number, "a \"quoted\", field\r\nwith lines", i == 2500 ? big : "" };

      stride_csv_append_row (out, G_N_ELEMENTS (row), row);
    }

  rows = read_all (out->str, (gssize) out->len, FALSE, &error);
  g_assert_no_error (error);
  if (rows == NULL)
    return;

  g_assert_cmpuint (rows->len, ==, 5000);
  g_assert_cmpstr (field (rows, 4999, 0), ==, "4999");
  g_assert_cmpstr (field (rows, 1234, 1), ==, "a \"quoted\", field\r\nwith lines");
  g_assert_cmpuint (strlen (field (rows, 2500, 2)), ==, 200000);
  g_assert_cmpstr (field (rows, 2501, 2), ==, "");
}

static void
test_corpus (void)
{
  /* Rows and columns counted with python3's csv module. */
  static const struct {
    const char *file;
    guint       n_rows;
    guint       n_columns;
  } files[] = {
    { "pacer_garmin_Activities_example.csv", 7, 33 },
    { "pacer_garmin_Activities_unit.csv", 57, 37 },
    { "cyclestats_strava_activities.csv", 612, 103 },
  };

  if (g_getenv ("STRIDE_CORPUS_DIR") == NULL)
    {
      g_test_skip ("STRIDE_CORPUS_DIR is not set");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) file = g_file_new_build_filename (g_getenv ("STRIDE_CORPUS_DIR"),
                                                         files[i].file, NULL);
      g_autoptr(GFileInputStream) stream = NULL;
      g_autoptr(StrideCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *row = NULL;
      guint n_rows = 0;

      stream = g_file_read (file, NULL, &error);
      g_assert_no_error (error);
      if (stream == NULL)
        continue;

      reader = stride_csv_reader_new (G_INPUT_STREAM (stream));
      while (stride_csv_reader_read_row (reader, &row, NULL, &error))
        {
          g_assert_cmpuint (row->len, ==, files[i].n_columns);
          if (n_rows == 1 && i == 0)
            {
              /* "Running","2025-02-06 17:06:03",…,"4,808" (Steps) */
              g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "Running");
              g_assert_cmpstr (g_ptr_array_index (row, 25), ==, "4,808");
            }
          if (n_rows == 0 && i == 0)
            g_assert_cmpstr (g_ptr_array_index (row, 21), ==, "Normalized Power® (NP®)");
          g_ptr_array_unref (row);
          n_rows++;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (n_rows, ==, files[i].n_rows);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/csv/write-quoting", test_write_quoting);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/round-trip-trickle", test_round_trip_trickle);
  g_test_add_func ("/csv/crlf-bom", test_crlf_bom);
  g_test_add_func ("/csv/crlf-bom-trickle", test_crlf_bom_trickle);
  g_test_add_func ("/csv/line-numbers", test_line_numbers);
  g_test_add_func ("/csv/errors", test_errors);
  g_test_add_func ("/csv/edge-cases", test_edge_cases);
  g_test_add_func ("/csv/separators", test_separators);
  g_test_add_func ("/csv/separators-trickle", test_separators_trickle);
  g_test_add_func ("/csv/separator-line-numbers", test_separator_line_numbers);
  g_test_add_func ("/csv/separator-set", test_separator_set);
  g_test_add_func ("/csv/separator-long-header", test_separator_long_header);
  g_test_add_func ("/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/windows-1252-trickle", test_windows_1252_trickle);
  g_test_add_func ("/csv/windows-1252-bytes", test_windows_1252_bytes);
  g_test_add_func ("/csv/windows-1252-refused", test_windows_1252_refused);
  g_test_add_func ("/csv/large", test_large);
  g_test_add_func ("/csv/corpus", test_corpus);

  return g_test_run ();
}
