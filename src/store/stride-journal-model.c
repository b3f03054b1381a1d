/* stride-journal-model.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-journal-model"

#include "config.h"

#include "stride-journal-model.h"
#include "stride-store-private.h"
#include "stride-journal-model-private.h"

/* Items */

struct _StrideJournalItem
{
  GObject            parent_instance;

  StrideJournalKind  kind;
  gint64             id;
  StrideSport        sport;
  StrideRunType      run_type;
  gint64             start_utc;
  gint               tz_offset_s;
  double             distance_m;
  double             duration_s;
  gint               rpe;
  gint               count;
  char              *title;
  char              *detail;
};

G_DEFINE_FINAL_TYPE (StrideJournalItem, stride_journal_item, G_TYPE_OBJECT)

static void
stride_journal_item_finalize (GObject *object)
{
  StrideJournalItem *self = (StrideJournalItem *) object;

  g_assert (STRIDE_IS_JOURNAL_ITEM (self));

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (stride_journal_item_parent_class)->finalize (object);
}

static void
stride_journal_item_class_init (StrideJournalItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stride_journal_item_finalize;
}

static void
stride_journal_item_init (StrideJournalItem *self)
{
}

StrideJournalKind
stride_journal_item_get_kind (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), STRIDE_JOURNAL_KIND_ACTIVITY);

  return self->kind;
}

gint64
stride_journal_item_get_id (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), 0);

  return self->id;
}

StrideSport
stride_journal_item_get_sport (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), STRIDE_SPORT_OTHER);

  return self->sport;
}

StrideRunType
stride_journal_item_get_run_type (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), STRIDE_RUN_TYPE_NONE);

  return self->run_type;
}

gint64
stride_journal_item_get_start_utc (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), 0);

  return self->start_utc;
}

gint
stride_journal_item_get_tz_offset_s (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), 0);

  return self->tz_offset_s;
}

double
stride_journal_item_get_distance_m (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), 0);

  return self->distance_m;
}

double
stride_journal_item_get_duration_s (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), 0);

  return self->duration_s;
}

gint
stride_journal_item_get_rpe (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), 0);

  return self->rpe;
}

const char *
stride_journal_item_get_title (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), NULL);

  return self->title;
}

const char *
stride_journal_item_get_detail (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), NULL);

  return self->detail;
}

gint
stride_journal_item_get_count (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), 0);

  return self->count;
}

/* Model */

typedef struct
{
  GPtrArray *items;
  guint64    last_used;
} Page;

struct _StrideJournalModel
{
  GObject      parent_instance;

  StrideStore *store;
  /* page number → Page, at most STRIDE_JOURNAL_MAX_PAGES */
  GHashTable  *pages;
  guint64      clock;
  guint        n_items;
  guint        pages_fetched;
};

static void stride_journal_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StrideJournalModel, stride_journal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      stride_journal_model_list_model_init))

/* Kinds in the SQL are the StrideJournalKind values. A day of tests and a
 * pain entry start at local noon of their date (offset 0). */
static const char count_sql[] =
  "SELECT (SELECT COUNT(*) FROM activity)"
  "     + (SELECT COUNT(DISTINCT date) FROM measurement)"
  "     + (SELECT COUNT(*) FROM pain_entry)";

/* The inner query picks one page of (kind, id, start) in journal order;
 * only then do the subqueries fill in the details of those rows. */
static const char page_sql[] =
  "SELECT p.kind, p.id, p.start_utc, p.tz_offset_s,"
  "       a.sport, a.run_type, a.distance_m, a.duration_s, a.rpe, a.title,"
  "       CASE p.kind"
  "         WHEN 0 THEN (SELECT group_concat (name, ', ') FROM"
  "                       (SELECT e.name AS name FROM strength_set s"
  "                         JOIN exercise e ON e.id = s.exercise_id"
  "                         WHERE s.activity_id = p.id"
  "                         GROUP BY e.id ORDER BY MIN (s.position), MIN (s.id)))"
  "         WHEN 1 THEN (SELECT group_concat (test, ', ') FROM"
  "                       (SELECT test FROM measurement WHERE date = p.date"
  "                         GROUP BY test ORDER BY MIN (id)))"
  "         ELSE (SELECT CASE side WHEN 'both' THEN location"
  "                                ELSE location || ':' || side END"
  "                 FROM pain_entry WHERE id = p.id)"
  "       END,"
  "       CASE p.kind"
  "         WHEN 0 THEN (SELECT COUNT(*) FROM strength_set WHERE activity_id = p.id)"
  "         WHEN 1 THEN (SELECT COUNT(*) FROM measurement WHERE date = p.date)"
  "         ELSE (SELECT severity FROM pain_entry WHERE id = p.id)"
  "       END"
  "  FROM (SELECT 0 AS kind, id, start_utc, tz_offset_s, NULL AS date FROM activity"
  "        UNION ALL"
  "        SELECT 1, MIN (id), unixepoch (date) + 43200, 0, date"
  "          FROM measurement GROUP BY date"
  "        UNION ALL"
  "        SELECT 2, id, unixepoch (date) + 43200, 0, date FROM pain_entry"
  "        ORDER BY 3 DESC, 1, 2 DESC"
  "        LIMIT ?1 OFFSET ?2) AS p"
  "  LEFT JOIN activity a ON p.kind = 0 AND a.id = p.id"
  " ORDER BY p.start_utc DESC, p.kind, p.id DESC";

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static guint
count_items (StrideJournalModel *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(StrideCachedStmt) stmt = NULL;
  gint64 n;

  stmt = _stride_store_prepare (self->store, count_sql, &error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (error == NULL)
        _stride_store_set_error (&error, _stride_store_get_db (self->store),
                                 sqlite3_errcode (_stride_store_get_db (self->store)),
                                 "Could not count the journal");
      g_warning ("%s", error->message);
      return 0;
    }

  n = sqlite3_column_int64 (stmt, 0);

  return (guint) CLAMP (n, 0, G_MAXUINT);
}

static StrideJournalItem *
read_item (sqlite3_stmt *stmt)
{
  StrideJournalItem *item = g_object_new (STRIDE_TYPE_JOURNAL_ITEM, NULL);
  int kind = sqlite3_column_int (stmt, 0);

  item->kind = CLAMP (kind, STRIDE_JOURNAL_KIND_ACTIVITY, STRIDE_JOURNAL_KIND_PAIN);
  item->id = sqlite3_column_int64 (stmt, 1);
  item->start_utc = sqlite3_column_int64 (stmt, 2);
  item->tz_offset_s = sqlite3_column_int (stmt, 3);
  item->sport = STRIDE_SPORT_OTHER;
  item->run_type = STRIDE_RUN_TYPE_NONE;

  if (item->kind == STRIDE_JOURNAL_KIND_ACTIVITY)
    {
      if (!stride_sport_from_id ((const char *) sqlite3_column_text (stmt, 4), &item->sport))
        item->sport = STRIDE_SPORT_OTHER;
      if (!stride_run_type_from_id ((const char *) sqlite3_column_text (stmt, 5), &item->run_type))
        item->run_type = STRIDE_RUN_TYPE_NONE;
      item->distance_m = sqlite3_column_double (stmt, 6);
      item->duration_s = sqlite3_column_double (stmt, 7);
      item->rpe = sqlite3_column_int (stmt, 8);
      item->title = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
    }

  item->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  item->count = sqlite3_column_int (stmt, 11);

  return item;
}

static void
evict_oldest_page (StrideJournalModel *self)
{
  GHashTableIter iter;
  gpointer key, value;
  gpointer oldest_key = NULL;
  guint64 oldest = G_MAXUINT64;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Page *page = value;

      if (page->last_used < oldest)
        {
          oldest = page->last_used;
          oldest_key = key;
        }
    }

  g_hash_table_remove (self->pages, oldest_key);
}

static Page *
fetch_page (StrideJournalModel *self,
            guint               number)
{
  g_autoptr(GError) error = NULL;
  g_auto(StrideCachedStmt) stmt = NULL;
  Page *page;
  int rc;

  stmt = _stride_store_prepare (self->store, page_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  sqlite3_bind_int (stmt, 1, STRIDE_JOURNAL_PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 2, (gint64) number * STRIDE_JOURNAL_PAGE_SIZE);

  page = g_new0 (Page, 1);
  page->items = g_ptr_array_new_full (STRIDE_JOURNAL_PAGE_SIZE, g_object_unref);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (page->items, read_item (stmt));

  if (rc != SQLITE_DONE)
    {
      sqlite3 *db = _stride_store_get_db (self->store);

      _stride_store_set_error (&error, db, rc, "Could not read the journal");
      g_warning ("%s", error->message);
      page_free (page);
      return NULL;
    }

  self->pages_fetched++;

  if (g_hash_table_size (self->pages) >= STRIDE_JOURNAL_MAX_PAGES)
    evict_oldest_page (self);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);

  return page;
}

static GType
stride_journal_model_get_item_type (GListModel *model)
{
  return STRIDE_TYPE_JOURNAL_ITEM;
}

static guint
stride_journal_model_get_n_items (GListModel *model)
{
  StrideJournalModel *self = STRIDE_JOURNAL_MODEL (model);

  return self->n_items;
}

static gpointer
stride_journal_model_get_item (GListModel *model,
                               guint       position)
{
  StrideJournalModel *self = STRIDE_JOURNAL_MODEL (model);
  guint number = position / STRIDE_JOURNAL_PAGE_SIZE;
  guint offset = position % STRIDE_JOURNAL_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  if (page == NULL)
    page = fetch_page (self, number);
  if (page == NULL)
    return NULL;

  page->last_used = ++self->clock;

  /* The file may have shrunk under us; reload() catches up. */
  if (offset >= page->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
stride_journal_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = stride_journal_model_get_item_type;
  iface->get_n_items = stride_journal_model_get_n_items;
  iface->get_item = stride_journal_model_get_item;
}

static void
stride_journal_model_dispose (GObject *object)
{
  StrideJournalModel *self = (StrideJournalModel *) object;

  g_assert (STRIDE_IS_JOURNAL_MODEL (self));

  g_hash_table_remove_all (self->pages);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (stride_journal_model_parent_class)->dispose (object);
}

static void
stride_journal_model_finalize (GObject *object)
{
  StrideJournalModel *self = (StrideJournalModel *) object;

  g_assert (STRIDE_IS_JOURNAL_MODEL (self));

  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (stride_journal_model_parent_class)->finalize (object);
}

static void
stride_journal_model_class_init (StrideJournalModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = stride_journal_model_dispose;
  object_class->finalize = stride_journal_model_finalize;
}

static void
stride_journal_model_init (StrideJournalModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
}

guint
_stride_journal_model_get_pages_fetched (StrideJournalModel *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_MODEL (self), 0);

  return self->pages_fetched;
}

StrideJournalModel *
stride_journal_model_new (StrideStore *store)
{
  StrideJournalModel *self;

  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);

  self = g_object_new (STRIDE_TYPE_JOURNAL_MODEL, NULL);
  self->store = g_object_ref (store);
  self->n_items = count_items (self);

  return self;
}

void
stride_journal_model_reload (StrideJournalModel *self)
{
  guint old_n_items;

  g_return_if_fail (STRIDE_IS_JOURNAL_MODEL (self));

  old_n_items = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = count_items (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}
