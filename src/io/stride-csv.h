/* stride-csv.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* RFC 4180 CSV, UTF-8. Writing: fields are quoted when they contain a
 * comma, a quote, CR or LF (quotes doubled); rows end with LF. A NULL value
 * is written as an empty field and an empty string as "", so the reader can
 * tell them apart. */

#define STRIDE_CSV_ERROR (stride_csv_error_quark ())

typedef enum
{
  STRIDE_CSV_ERROR_PARSE,            /* a quote out of place, an unterminated field */
  STRIDE_CSV_ERROR_ENCODING,         /* not UTF-8 (nor Windows-1252 when allowed), a NUL byte */
} StrideCsvError;

GQuark  stride_csv_error_quark (void);

void    stride_csv_append_field (GString           *out,
                                 const char        *value);
/* Appends @n_fields fields separated by commas and a final LF. */
void    stride_csv_append_row   (GString           *out,
                                 guint              n_fields,
                                 const char *const *fields);

/* Reads rows from a stream: quoted fields with embedded separators, quotes
 * and line breaks, LF, CRLF or CR line ends, a UTF-8 byte-order mark.
 * Blank lines are skipped.
 *
 * The separator is ',' ';' or a tab. Unless set, it is taken from the
 * first line that is not blank (the header): the one of the three that
 * appears most often there outside quotes, that is, the one that splits
 * the header into the most fields; a tie goes to ',' then ';', and a
 * header without any of them is one ',' separated column. A first line
 * "sep=;" (as spreadsheets write it) names the separator and is not a row.
 *
 * Quoting is strict, as RFC 4180 asks: a quote inside a field that does
 * not start with one, a character after a closing quote or a quote never
 * closed is a STRIDE_CSV_ERROR_PARSE error naming its line ("Line 7: …"),
 * since what the writer meant is then a guess. Spaces before an opening or
 * after a closing quote are not data: ␣"a,b"␣ is a,b.
 *
 * Text must be UTF-8 (STRIDE_CSV_ERROR_ENCODING naming the line, also for
 * a zero byte or a UTF-16 byte-order mark); with
 * stride_csv_reader_set_windows_1252_fallback() a file whose text is not
 * UTF-8 is read as Windows-1252 instead. */
typedef struct _StrideCsvReader StrideCsvReader;

typedef enum
{
  STRIDE_CSV_ENCODING_UTF8,
  STRIDE_CSV_ENCODING_WINDOWS_1252,
} StrideCsvEncoding;

StrideCsvReader  *stride_csv_reader_new      (GInputStream     *stream);
void              stride_csv_reader_free     (StrideCsvReader  *self);
/* Returns TRUE and a row (transfer full) (element-type utf8), where an empty
 * unquoted field is NULL and a quoted empty field is "". Returns FALSE with
 * *@row = NULL at the end of the data, or with @error set. */
gboolean          stride_csv_reader_read_row (StrideCsvReader  *self,
                                              GPtrArray       **row,
                                              GCancellable     *cancellable,
                                              GError          **error);
/* The line (1-based) where the last row read started. */
guint             stride_csv_reader_get_line (StrideCsvReader  *self);

/* Fixes the separator (',' ';' or '\t') instead of detecting it; only
 * before the first row is read. */
void              stride_csv_reader_set_separator (StrideCsvReader *self,
                                                   char             separator);
/* The separator in use: once a row has been read, the detected one. */
char              stride_csv_reader_get_separator (StrideCsvReader *self);

/* Whether text that is not UTF-8 is read as Windows-1252 (off by default).
 * The first field that is not plain ASCII decides for the whole file: if
 * it is valid UTF-8 (or the file starts with a UTF-8 byte-order mark), the
 * file is UTF-8 and a later invalid byte is an error; otherwise the file is
 * Windows-1252, and so are all its later fields. The five bytes that
 * Windows-1252 leaves undefined are errors. Only before the first row. */
void              stride_csv_reader_set_windows_1252_fallback (StrideCsvReader *self,
                                                               gboolean         fallback);
/* The encoding the rows read so far were in (UTF-8 until some field
 * turned out not to be). */
StrideCsvEncoding stride_csv_reader_get_encoding  (StrideCsvReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideCsvReader, stride_csv_reader_free)

G_END_DECLS
