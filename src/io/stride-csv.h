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
  STRIDE_CSV_ERROR_ENCODING,         /* not UTF-8 */
} StrideCsvError;

GQuark  stride_csv_error_quark (void);

void    stride_csv_append_field (GString           *out,
                                 const char        *value);
/* Appends @n_fields fields separated by commas and a final LF. */
void    stride_csv_append_row   (GString           *out,
                                 guint              n_fields,
                                 const char *const *fields);

/* Reads rows from a stream: quoted fields with embedded commas, quotes and
 * line breaks, LF, CRLF or CR line ends, a UTF-8 byte-order mark. Blank
 * lines are skipped. */
typedef struct _StrideCsvReader StrideCsvReader;

StrideCsvReader *stride_csv_reader_new      (GInputStream     *stream);
void             stride_csv_reader_free     (StrideCsvReader  *self);
/* Returns TRUE and a row (transfer full) (element-type utf8), where an empty
 * unquoted field is NULL and a quoted empty field is "". Returns FALSE with
 * *@row = NULL at the end of the data, or with @error set. */
gboolean         stride_csv_reader_read_row (StrideCsvReader  *self,
                                             GPtrArray       **row,
                                             GCancellable     *cancellable,
                                             GError          **error);
/* The line (1-based) where the last row read started. */
guint            stride_csv_reader_get_line (StrideCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideCsvReader, stride_csv_reader_free)

G_END_DECLS
