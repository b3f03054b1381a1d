/* stride-store-restore.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "stride-store.h"

G_BEGIN_DECLS

/* Whole tables as text, exactly: what the journal's own CSV export writes
 * and what its restore reads back (docs/csv-format.md). Table and column
 * names always come from the journal's own schema; values are bound. */

#define STRIDE_STORE_RESTORE_ERROR (stride_store_restore_error_quark ())

typedef enum
{
  STRIDE_STORE_RESTORE_ERROR_NOT_EMPTY,  /* the journal already has entries */
  STRIDE_STORE_RESTORE_ERROR_COLUMNS,    /* a column unknown, missing or given twice */
  STRIDE_STORE_RESTORE_ERROR_VALUE,      /* a value of the wrong type, or a row that breaks a rule */
  STRIDE_STORE_RESTORE_ERROR_REFERENCE,  /* a link (foreign key) to a row that does not exist */
} StrideStoreRestoreError;

GQuark   stride_store_restore_error_quark (void);

/* Like stride_store_foreach_row(), with each value as text that reads
 * back to exactly the same value: integers in decimal, REAL numbers with
 * as few significant digits as give back the same double (15 to 17; "."
 * as decimal point, ".0" on whole numbers, "inf"/"-inf"), text as stored.
 * Text that is not UTF-8 or holds a NUL character, and binary values,
 * fail with STRIDE_STORE_ERROR_INVALID naming the table and row: CSV
 * could not give them back. */
gboolean stride_store_dump_rows           (StrideStore        *self,
                                           const char         *table,
                                           StrideRowFunc       func,
                                           gpointer            user_data,
                                           GError            **error);

/* Restoring a whole journal in one transaction:
 *
 *   restore = stride_store_restore_begin (store, &error);
 *   for each table of stride_store_list_tables(), in that order:
 *     stride_store_restore_set_table (restore, table, n, columns, &error);
 *     for each row: stride_store_restore_add_row (restore, values, &bad, &error);
 *   stride_store_restore_commit (restore, &error);
 *   stride_store_restore_free (restore);
 *
 * Any error leaves the journal as it was: free rolls back whatever was not
 * committed. Values are text as stride_store_dump_rows() gives them (NULL
 * for SQL NULL) and keep their ids, so links between tables hold. */
typedef struct _StrideStoreRestore StrideStoreRestore;

/* Starts the transaction. Only a journal without entries can be restored
 * into: every row it holds must be one a new journal starts with (the
 * exercise library), else STRIDE_STORE_RESTORE_ERROR_NOT_EMPTY. Those
 * rows are replaced by the restored ones. */
StrideStoreRestore *stride_store_restore_begin     (StrideStore        *self,
                                                    GError            **error);
/* The next table and the order of its columns in the rows that follow.
 * Every column of the table must be named once
 * (STRIDE_STORE_RESTORE_ERROR_COLUMNS; *@bad_column, if not NULL, gets
 * the index of an unknown or repeated name, or -1 for a missing one). */
gboolean            stride_store_restore_set_table (StrideStoreRestore *self,
                                                    const char         *table,
                                                    guint               n_columns,
                                                    const char *const  *columns,
                                                    int                *bad_column,
                                                    GError            **error);
/* Inserts one row of @n_columns values in the order of set_table. A value
 * that does not fit its column gives STRIDE_STORE_RESTORE_ERROR_VALUE, a
 * link to a missing row ..._REFERENCE; *@bad_column (if not NULL) then
 * gets the column's index, or -1 when the row as a whole breaks a rule
 * (a duplicate id, a check of the schema). */
gboolean            stride_store_restore_add_row   (StrideStoreRestore *self,
                                                    const char *const  *values,
                                                    int                *bad_column,
                                                    GError            **error);
/* Checks every link (PRAGMA foreign_key_check) and commits. The tables
 * not given to set_table stay empty. */
gboolean            stride_store_restore_commit    (StrideStoreRestore *self,
                                                    GError            **error);
/* Rolls back unless committed. */
void                stride_store_restore_free      (StrideStoreRestore *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StrideStoreRestore, stride_store_restore_free)

G_END_DECLS
