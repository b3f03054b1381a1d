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

/* Writes one RFC 4180 CSV file per table of stride_store_list_tables()
 * into @dir (created if missing), named TABLE.csv: a header row with the
 * column names, then every row in primary-key order (NULL as an empty
 * field, "" as a quoted empty field), UTF-8, LF line ends. All files are
 * first written to temporary files in @dir and only renamed over their
 * final names once every table has been written, so a failure leaves no
 * partial file behind. The files are private to the user (mode 0600).
 * A table without rows gives a file without a header: the store only
 * tells the column names along with rows. */
gboolean stride_csv_export_dir (StrideStore  *store,
                                GFile        *dir,
                                GError      **error);

G_END_DECLS
