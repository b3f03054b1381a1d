/* stride-store-restore.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-store"

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "stride-store-private.h"
#include "stride-store-restore.h"

G_DEFINE_QUARK (stride-store-restore-error-quark, stride_store_restore_error)

/* Schema: what SQLite says about a table, never what a file says. */

typedef enum
{
  AFFINITY_TEXT,
  AFFINITY_INTEGER,
  AFFINITY_REAL,
  AFFINITY_OTHER,                    /* NUMERIC, BLOB: bound as text, SQLite decides */
} Affinity;

typedef struct
{
  char     *name;
  Affinity  affinity;
  gboolean  required;                /* NOT NULL, or part of the primary key */
  int       pk;                      /* position in the primary key, 0 = not in it */
} Column;

typedef struct
{
  char *from;                        /* column of this table */
  char *parent;                      /* table */
  char *to;                          /* column of @parent; NULL: its primary key */
} ForeignKey;

typedef struct
{
  char      *name;
  GPtrArray *columns;                /* Column */
  GPtrArray *foreign_keys;           /* ForeignKey */
} TableSchema;

static void
column_free (Column *column)
{
  g_free (column->name);
  g_free (column);
}

static void
foreign_key_free (ForeignKey *key)
{
  g_free (key->from);
  g_free (key->parent);
  g_free (key->to);
  g_free (key);
}

static void
table_schema_free (TableSchema *schema)
{
  if (schema == NULL)
    return;

  g_free (schema->name);
  g_ptr_array_unref (schema->columns);
  g_ptr_array_unref (schema->foreign_keys);
  g_free (schema);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TableSchema, table_schema_free)

/* SQLite's own rules (datatype3.html §3.1), in its order. */
static Affinity
affinity_of (const char *declared_type)
{
  g_autofree char *upper = g_ascii_strup (declared_type != NULL ? declared_type : "", -1);

  if (strstr (upper, "INT") != NULL)
    return AFFINITY_INTEGER;
  if (strstr (upper, "CHAR") != NULL || strstr (upper, "CLOB") != NULL
      || strstr (upper, "TEXT") != NULL)
    return AFFINITY_TEXT;
  if (strstr (upper, "REAL") != NULL || strstr (upper, "FLOA") != NULL
      || strstr (upper, "DOUB") != NULL)
    return AFFINITY_REAL;

  return AFFINITY_OTHER;
}

/* "name" with inner quotes doubled: the only way a name gets into SQL
 * here, and only names read from the schema. */
static void
append_identifier (GString    *sql,
                   const char *name)
{
  g_string_append_c (sql, '"');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

static gboolean
is_journal_table (const char *table)
{
  return table != NULL && g_strv_contains (stride_store_list_tables (), table);
}

static gboolean
set_not_a_table (const char  *table,
                 GError     **error)
{
  g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
               _("“%s” is not a table of the journal."), table);
  return FALSE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _stride_store_set_error (error, db, rc, _("Could not read the journal"));
      return NULL;
    }

  return stmt;
}

static gboolean
load_columns (sqlite3      *db,
              TableSchema  *schema,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db, "SELECT name, type, \"notnull\", pk FROM pragma_table_info (?1)"
                      " ORDER BY cid", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, schema->name, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Column *column = g_new0 (Column, 1);

      column->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      column->affinity = affinity_of ((const char *) sqlite3_column_text (stmt, 1));
      column->pk = sqlite3_column_int (stmt, 3);
      column->required = sqlite3_column_int (stmt, 2) != 0 || column->pk > 0;
      g_ptr_array_add (schema->columns, column);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, db, rc, _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_foreign_keys (sqlite3      *db,
                   TableSchema  *schema,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db, "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list (?1)"
                      " ORDER BY id, seq", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, schema->name, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ForeignKey *key = g_new0 (ForeignKey, 1);

      key->from = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      key->parent = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      key->to = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (schema->foreign_keys, key);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, db, rc, _("Could not read the journal"));
      return FALSE;
    }

  return TRUE;
}

static TableSchema *
table_schema_load (sqlite3     *db,
                   const char  *table,
                   GError     **error)
{
  g_autoptr(TableSchema) schema = g_new0 (TableSchema, 1);

  schema->name = g_strdup (table);
  schema->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  schema->foreign_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) foreign_key_free);

  if (!load_columns (db, schema, error) || !load_foreign_keys (db, schema, error))
    return NULL;

  if (schema->columns->len == 0)
    {
      set_not_a_table (table, error);
      return NULL;
    }

  return g_steal_pointer (&schema);
}

static Column *
schema_column (TableSchema *schema,
               guint        index)
{
  return g_ptr_array_index (schema->columns, index);
}

/* Dumping */

/* The fewest significant digits that read back as @value, so a value typed
 * as 82.5 stays "82.5" and a computed one keeps all its bits. */
static void
append_real (GString *out,
             double   value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isinf (value))
    {
      g_string_append (out, value > 0 ? "inf" : "-inf");
      return;
    }

  /* 17 significant digits always read back. */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (i + 1 == G_N_ELEMENTS (formats) || g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
  /* A whole number still reads as a REAL, as SQLite itself writes it. */
  if (strpbrk (buffer, ".e") == NULL)
    g_string_append (out, ".0");
}

/* Row order: the primary key, or the rowid of a table without one. */
static char *
build_select (TableSchema *schema)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  guint n_pk = 0;

  for (guint i = 0; i < schema->columns->len; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      append_identifier (sql, schema_column (schema, i)->name);
      n_pk = MAX (n_pk, (guint) MAX (schema_column (schema, i)->pk, 0));
    }

  g_string_append (sql, " FROM ");
  append_identifier (sql, schema->name);
  g_string_append (sql, " ORDER BY ");

  if (n_pk == 0)
    g_string_append (sql, "rowid");
  for (guint position = 1; position <= n_pk; position++)
    {
      for (guint i = 0; i < schema->columns->len; i++)
        {
          if ((guint) schema_column (schema, i)->pk != position)
            continue;
          if (position > 1)
            g_string_append (sql, ", ");
          append_identifier (sql, schema_column (schema, i)->name);
        }
    }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static gboolean
set_unwritable_value (TableSchema   *schema,
                      sqlite3_stmt  *stmt,
                      guint          column,
                      const char    *reason,
                      GError       **error)
{
  g_autoptr(GString) row = g_string_new (NULL);

  /* The row by its key, which is text or a number. */
  for (guint i = 0; i < schema->columns->len; i++)
    {
      if (schema_column (schema, i)->pk == 1)
        g_string_append (row, (const char *) sqlite3_column_text (stmt, (int) i));
    }

  g_set_error (error, STRIDE_STORE_ERROR, STRIDE_STORE_ERROR_INVALID,
               _("Table “%s”, row %s, column “%s”: %s"),
               schema->name, row->len > 0 ? row->str : "?",
               schema_column (schema, column)->name, reason);
  return FALSE;
}

/* Fills @values from the current row; text that CSV could not give back
 * exactly is an error. @buffers hold the numbers' text. */
static gboolean
format_row (TableSchema   *schema,
            sqlite3_stmt  *stmt,
            GString      **buffers,
            const char   **values,
            GError       **error)
{
  for (guint i = 0; i < schema->columns->len; i++)
    {
      const char *text;
      int bytes;

      switch (sqlite3_column_type (stmt, (int) i))
        {
        case SQLITE_NULL:
          values[i] = NULL;
          break;

        case SQLITE_INTEGER:
          g_string_printf (buffers[i], "%" PRId64, (gint64) sqlite3_column_int64 (stmt, (int) i));
          values[i] = buffers[i]->str;
          break;

        case SQLITE_FLOAT:
          g_string_truncate (buffers[i], 0);
          append_real (buffers[i], sqlite3_column_double (stmt, (int) i));
          values[i] = buffers[i]->str;
          break;

        case SQLITE_TEXT:
          text = (const char *) sqlite3_column_text (stmt, (int) i);
          bytes = sqlite3_column_bytes (stmt, (int) i);
          if (text == NULL)
            return set_unwritable_value (schema, stmt, i, _("out of memory"), error);
          if (strlen (text) != (gsize) bytes)
            return set_unwritable_value (schema, stmt, i, _("the text holds a NUL character"),
                                         error);
          if (!g_utf8_validate_len (text, (gsize) bytes, NULL))
            return set_unwritable_value (schema, stmt, i, _("the text is not valid UTF-8"),
                                         error);
          values[i] = text;
          break;

        case SQLITE_BLOB:
        default:
          return set_unwritable_value (schema, stmt, i, _("binary data cannot be written as text"),
                                       error);
        }
    }

  return TRUE;
}

static gboolean
dump_table (sqlite3        *db,
            TableSchema    *schema,
            StrideRowFunc   func,
            gpointer        user_data,
            GError        **error)
{
  g_autofree char *sql = build_select (schema);
  guint n_columns = schema->columns->len;
  g_autofree const char **names = g_new0 (const char *, n_columns + 1);
  g_autofree const char **values = g_new0 (const char *, n_columns + 1);
  g_autofree GString **buffers = g_new0 (GString *, n_columns);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  stmt = prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_columns; i++)
    {
      names[i] = schema_column (schema, i)->name;
      buffers[i] = g_string_new (NULL);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ok = format_row (schema, stmt, buffers, values, error);
      if (!ok || !func (n_columns, names, values, user_data))
        break;
    }

  if (ok && rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, db, rc, _("Could not read the journal"));
      ok = FALSE;
    }

  sqlite3_finalize (stmt);
  for (guint i = 0; i < n_columns; i++)
    g_string_free (buffers[i], TRUE);

  return ok;
}

gboolean
stride_store_dump_rows (StrideStore    *self,
                        const char     *table,
                        StrideRowFunc   func,
                        gpointer        user_data,
                        GError        **error)
{
  g_autoptr(TableSchema) schema = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_journal_table (table))
    return set_not_a_table (table, error);

  schema = table_schema_load (_stride_store_get_db (self), table, error);
  if (schema == NULL)
    return FALSE;

  return dump_table (_stride_store_get_db (self), schema, func, user_data, error);
}

/* What a new journal holds */

/* One row as one string, unambiguous: each value length-prefixed. */
static char *
row_key (guint              n_columns,
         const char *const *values)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      if (values[i] == NULL)
        g_string_append (key, "N;");
      else
        g_string_append_printf (key, "%zu:%s;", strlen (values[i]), values[i]);
    }

  return g_string_free (key, FALSE);
}

static gboolean
collect_row_cb (guint              n_columns,
                const char *const *names,
                const char *const *values,
                gpointer           user_data)
{
  g_hash_table_add (user_data, row_key (n_columns, values));

  return TRUE;
}

typedef struct
{
  GHashTable *fresh_rows;
  gboolean    all_fresh;
} FreshCheck;

static gboolean
check_row_cb (guint              n_columns,
              const char *const *names,
              const char *const *values,
              gpointer           user_data)
{
  FreshCheck *check = user_data;
  g_autofree char *key = row_key (n_columns, values);

  check->all_fresh = g_hash_table_contains (check->fresh_rows, key);

  return check->all_fresh;
}

/* A new journal in memory, built by the same migrations as a file. */
static sqlite3 *
open_new_journal (GError **error)
{
  const StrideMigration *steps;
  guint n_steps = 0;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      _stride_store_set_error (error, db, rc, _("Could not read the journal"));
      sqlite3_close (db);
      return NULL;
    }

  steps = _stride_store_get_migrations (&n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i].sql != NULL)
        {
          rc = sqlite3_exec (db, steps[i].sql, NULL, NULL, NULL);
          if (rc != SQLITE_OK)
            {
              _stride_store_set_error (error, db, rc, _("Could not read the journal"));
              sqlite3_close (db);
              return NULL;
            }
        }
      if (steps[i].apply != NULL && !steps[i].apply (db, error))
        {
          sqlite3_close (db);
          return NULL;
        }
    }

  return db;
}

static gint64
count_rows (sqlite3      *db,
            const char   *table,
            GError      **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM ");
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  append_identifier (sql, table);
  stmt = prepare (db, sql->str, error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _stride_store_set_error (error, db, rc, _("Could not read the journal"));
  sqlite3_finalize (stmt);

  return n;
}

/* TRUE in *@fresh when every row of @table is one a new journal has. */
static gboolean
table_is_fresh (sqlite3      *db,
                sqlite3      *new_db,
                const char   *table,
                gboolean     *fresh,
                GError      **error)
{
  g_autoptr(TableSchema) schema = NULL;
  g_autoptr(TableSchema) new_schema = NULL;
  g_autoptr(GHashTable) fresh_rows = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, NULL);
  FreshCheck check = { fresh_rows, TRUE };
  gint64 n_rows;
  gint64 n_new_rows;

  n_rows = count_rows (db, table, error);
  if (n_rows < 0)
    return FALSE;
  *fresh = n_rows == 0;
  if (*fresh)
    return TRUE;

  n_new_rows = count_rows (new_db, table, error);
  if (n_new_rows < 0)
    return FALSE;
  if (n_rows > n_new_rows)
    return TRUE;

  new_schema = table_schema_load (new_db, table, error);
  schema = new_schema != NULL ? table_schema_load (db, table, error) : NULL;
  if (schema == NULL
      || !dump_table (new_db, new_schema, collect_row_cb, fresh_rows, error)
      || !dump_table (db, schema, check_row_cb, &check, error))
    return FALSE;

  *fresh = check.all_fresh;

  return TRUE;
}

/* Restoring */

struct _StrideStoreRestore
{
  StrideStore  *store;
  sqlite3      *db;
  TableSchema  *schema;              /* of the current table */
  sqlite3_stmt *insert;
  guint        *column_of;           /* value index → schema column */
  guint         n_columns;
  gboolean      in_transaction;
};

static gboolean
check_journal_is_empty (StrideStoreRestore  *self,
                        GError             **error)
{
  const char *const *tables = stride_store_list_tables ();
  sqlite3 *new_db;
  gboolean ok = TRUE;

  new_db = open_new_journal (error);
  if (new_db == NULL)
    return FALSE;

  for (guint i = 0; ok && tables[i] != NULL; i++)
    {
      gboolean fresh = FALSE;

      ok = table_is_fresh (self->db, new_db, tables[i], &fresh, error);
      if (ok && !fresh)
        {
          g_set_error_literal (error, STRIDE_STORE_RESTORE_ERROR,
                               STRIDE_STORE_RESTORE_ERROR_NOT_EMPTY,
                               _("This journal already has entries; CSV journal exports can "
                                 "only be restored into an empty journal"));
          ok = FALSE;
        }
    }

  sqlite3_close (new_db);

  return ok;
}

/* The rows a new journal starts with make way for the restored ones;
 * children first, so no link is left dangling. */
static gboolean
clear_tables (StrideStoreRestore  *self,
              GError             **error)
{
  const char *const *tables = stride_store_list_tables ();
  guint n_tables = g_strv_length ((char **) tables);

  for (guint i = n_tables; i > 0; i--)
    {
      g_autoptr(GString) sql = g_string_new ("DELETE FROM ");
      int rc;

      append_identifier (sql, tables[i - 1]);
      rc = sqlite3_exec (self->db, sql->str, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          _stride_store_set_error (error, self->db, rc, _("Could not restore the journal"));
          return FALSE;
        }
    }

  return TRUE;
}

StrideStoreRestore *
stride_store_restore_begin (StrideStore  *store,
                            GError      **error)
{
  g_autoptr(StrideStoreRestore) self = NULL;

  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (StrideStoreRestore, 1);
  self->store = g_object_ref (store);
  self->db = _stride_store_get_db (store);

  /* The check inside the transaction: nobody writes in between. */
  if (!stride_store_begin (store, error))
    return NULL;
  self->in_transaction = TRUE;

  if (!check_journal_is_empty (self, error) || !clear_tables (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
finish_table (StrideStoreRestore *self)
{
  g_clear_pointer (&self->insert, sqlite3_finalize);
  g_clear_pointer (&self->schema, table_schema_free);
  g_clear_pointer (&self->column_of, g_free);
  self->n_columns = 0;
}

static gboolean
set_columns_error (int         *bad_column,
                   int          index,
                   GError     **error,
                   const char  *format,
                   ...) G_GNUC_PRINTF (4, 5);

static gboolean
set_columns_error (int         *bad_column,
                   int          index,
                   GError     **error,
                   const char  *format,
                   ...)
{
  va_list args;

  if (bad_column != NULL)
    *bad_column = index;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (STRIDE_STORE_RESTORE_ERROR,
                                                STRIDE_STORE_RESTORE_ERROR_COLUMNS,
                                                format, args));
  va_end (args);

  return FALSE;
}

static int
find_schema_column (TableSchema *schema,
                    const char  *name)
{
  for (guint i = 0; i < schema->columns->len; i++)
    {
      if (g_strcmp0 (schema_column (schema, i)->name, name) == 0)
        return (int) i;
    }

  return -1;
}

/* Maps each given name to its column: every column once, nothing else. */
static gboolean
map_columns (StrideStoreRestore  *self,
             guint                n_columns,
             const char *const   *columns,
             int                 *bad_column,
             GError             **error)
{
  TableSchema *schema = self->schema;
  g_autofree gboolean *seen = g_new0 (gboolean, schema->columns->len);

  self->column_of = g_new0 (guint, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    {
      int column = find_schema_column (schema, columns[i]);

      if (column < 0)
        return set_columns_error (bad_column, (int) i, error,
                                  _("“%s” is not a column of “%s”"),
                                  columns[i] != NULL ? columns[i] : "", schema->name);
      if (seen[column])
        return set_columns_error (bad_column, (int) i, error,
                                  _("the column “%s” is named twice"), columns[i]);
      seen[column] = TRUE;
      self->column_of[i] = (guint) column;
    }

  for (guint i = 0; i < schema->columns->len; i++)
    {
      if (!seen[i])
        return set_columns_error (bad_column, -1, error,
                                  _("the column “%s” of “%s” is missing"),
                                  schema_column (schema, i)->name, schema->name);
    }

  self->n_columns = n_columns;

  return TRUE;
}

static gboolean
prepare_insert (StrideStoreRestore  *self,
                GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  int rc;

  append_identifier (sql, self->schema->name);
  g_string_append (sql, " (");
  for (guint i = 0; i < self->n_columns; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      append_identifier (sql, schema_column (self->schema, self->column_of[i])->name);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < self->n_columns; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");

  rc = sqlite3_prepare_v2 (self->db, sql->str, -1, &self->insert, NULL);
  if (rc != SQLITE_OK)
    {
      _stride_store_set_error (error, self->db, rc, _("Could not restore the journal"));
      return FALSE;
    }

  return TRUE;
}

gboolean
stride_store_restore_set_table (StrideStoreRestore  *self,
                                const char          *table,
                                guint                n_columns,
                                const char *const   *columns,
                                int                 *bad_column,
                                GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (columns != NULL || n_columns == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (bad_column != NULL)
    *bad_column = -1;

  finish_table (self);

  if (!is_journal_table (table))
    return set_not_a_table (table, error);

  self->schema = table_schema_load (self->db, table, error);
  if (self->schema == NULL)
    return FALSE;

  if (!map_columns (self, n_columns, columns, bad_column, error)
      || !prepare_insert (self, error))
    {
      finish_table (self);
      return FALSE;
    }

  return TRUE;
}

/* A whole string of number syntax; no spaces, no locale. */
static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;

  if (*text == '\0' || g_ascii_isspace (*text))
    return FALSE;

  *value = g_ascii_strtod (text, &end);

  /* SQLite would keep NaN as NULL: not the value the file says. */
  return end != NULL && *end == '\0' && !isnan (*value);
}

static gboolean
bind_value (sqlite3_stmt  *stmt,
            int            index,
            const Column  *column,
            const char    *value,
            GError       **error)
{
  gint64 integer;
  double real;

  if (value == NULL)
    {
      if (column->required)
        {
          g_set_error_literal (error, STRIDE_STORE_RESTORE_ERROR,
                               STRIDE_STORE_RESTORE_ERROR_VALUE, _("a value is required"));
          return FALSE;
        }
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }

  switch (column->affinity)
    {
    case AFFINITY_INTEGER:
      if (g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &integer, NULL))
        {
          sqlite3_bind_int64 (stmt, index, integer);
          return TRUE;
        }
      /* A fraction SQLite kept as REAL in an INTEGER column comes back as one. */
      if (parse_double (value, &real) && !column->pk)
        {
          sqlite3_bind_double (stmt, index, real);
          return TRUE;
        }
      g_set_error (error, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_VALUE,
                   _("“%s” is not a whole number"), value);
      return FALSE;

    case AFFINITY_REAL:
      if (!parse_double (value, &real))
        {
          g_set_error (error, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_VALUE,
                       _("“%s” is not a number (write it like 1234.5)"), value);
          return FALSE;
        }
      sqlite3_bind_double (stmt, index, real);
      return TRUE;

    case AFFINITY_TEXT:
    case AFFINITY_OTHER:
    default:
      sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
      return TRUE;
    }
}

/* Which link of the row leads nowhere: its value index, or -1. */
static int
find_broken_link (StrideStoreRestore  *self,
                  const char *const   *values,
                  GError             **error)
{
  for (guint k = 0; k < self->schema->foreign_keys->len; k++)
    {
      ForeignKey *key = g_ptr_array_index (self->schema->foreign_keys, k);
      int column = find_schema_column (self->schema, key->from);
      g_autoptr(GString) sql = g_string_new ("SELECT 1 FROM ");
      sqlite3_stmt *stmt;
      gboolean found;
      int index = -1;

      for (guint i = 0; i < self->n_columns; i++)
        {
          if ((int) self->column_of[i] == column)
            index = (int) i;
        }
      if (index < 0 || values[index] == NULL)
        continue;

      append_identifier (sql, key->parent);
      g_string_append (sql, " WHERE ");
      if (key->to != NULL)
        append_identifier (sql, key->to);
      else
        g_string_append (sql, "rowid");
      g_string_append (sql, " = ?1");

      if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      if (!bind_value (stmt, 1, schema_column (self->schema, (guint) column), values[index],
                       NULL))
        {
          sqlite3_finalize (stmt);
          continue;
        }
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_finalize (stmt);

      if (!found)
        {
          g_set_error (error, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_REFERENCE,
                       _("no row of “%s” has %s %s"),
                       key->parent, key->to != NULL ? key->to : "id", values[index]);
          return index;
        }
    }

  g_set_error_literal (error, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_REFERENCE,
                       _("a link of the row leads to no row"));
  return -1;
}

static gboolean
set_insert_error (StrideStoreRestore  *self,
                  int                  rc,
                  const char *const   *values,
                  int                 *bad_column,
                  GError             **error)
{
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      int index = find_broken_link (self, values, error);

      if (bad_column != NULL)
        *bad_column = index;
      return FALSE;
    }

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_VALUE,
                   _("the row breaks a rule of the journal (%s)"), sqlite3_errmsg (self->db));
      return FALSE;
    }

  _stride_store_set_error (error, self->db, rc, _("Could not restore the journal"));
  return FALSE;
}

gboolean
stride_store_restore_add_row (StrideStoreRestore  *self,
                              const char *const   *values,
                              int                 *bad_column,
                              GError             **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->insert != NULL, FALSE);
  g_return_val_if_fail (values != NULL || self->n_columns == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (bad_column != NULL)
    *bad_column = -1;

  sqlite3_reset (self->insert);
  sqlite3_clear_bindings (self->insert);

  for (guint i = 0; i < self->n_columns; i++)
    {
      if (!bind_value (self->insert, (int) i + 1,
                       schema_column (self->schema, self->column_of[i]), values[i], error))
        {
          if (bad_column != NULL)
            *bad_column = (int) i;
          return FALSE;
        }
    }

  rc = sqlite3_step (self->insert);
  sqlite3_reset (self->insert);
  if (rc != SQLITE_DONE)
    return set_insert_error (self, rc, values, bad_column, error);

  return TRUE;
}

/* Links are checked as rows go in; this catches any that were not
 * (a connection with foreign keys off). */
static gboolean
check_links (StrideStoreRestore  *self,
             GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self->db, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, STRIDE_STORE_RESTORE_ERROR, STRIDE_STORE_RESTORE_ERROR_REFERENCE,
                   _("Table “%s”, row %" PRId64 ": a link leads to no row of “%s”"),
                   (const char *) sqlite3_column_text (stmt, 0),
                   (gint64) sqlite3_column_int64 (stmt, 1),
                   (const char *) sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _stride_store_set_error (error, self->db, rc, _("Could not restore the journal"));
      return FALSE;
    }

  return TRUE;
}

gboolean
stride_store_restore_commit (StrideStoreRestore  *self,
                             GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  finish_table (self);

  if (!check_links (self, error))
    return FALSE;

  /* A failed commit rolls back by itself. */
  self->in_transaction = FALSE;

  return stride_store_commit (self->store, error);
}

void
stride_store_restore_free (StrideStoreRestore *self)
{
  if (self == NULL)
    return;

  finish_table (self);
  if (self->in_transaction)
    stride_store_rollback (self->store);
  g_clear_object (&self->store);
  g_free (self);
}
