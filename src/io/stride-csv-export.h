/* stride-csv-export.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "stride-store.h"

G_BEGIN_DECLS

/* The journal's own CSV format (docs/csv-format.md). Besides the tables,
 * an export holds this marker file: rows of key,value naming the format,
 * its version and the journal's schema version. */
#define STRIDE_CSV_EXPORT_MARKER          "stridestrong-export.csv"
#define STRIDE_CSV_EXPORT_FORMAT          "stridestrong-journal-csv"
#define STRIDE_CSV_EXPORT_FORMAT_VERSION  1

/* Writes one RFC 4180 CSV file per table of stride_store_list_tables()
 * into @dir (created if missing), named TABLE.csv: a header row with the
 * column names, then every row in primary-key order (NULL as an empty
 * field, "" as a quoted empty field, numbers as
 * stride_store_dump_rows() writes them, so they read back exactly),
 * UTF-8, LF line ends; then the marker. All files are first written to
 * temporary files in @dir and only renamed over their final names once
 * every table has been written, the marker last, so a failure leaves no
 * partial file behind. The files are private to the user (mode 0600). */
gboolean stride_csv_export_dir (StrideStore  *store,
                                GFile        *dir,
                                GError      **error);

G_END_DECLS
