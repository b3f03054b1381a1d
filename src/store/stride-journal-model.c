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
  guint32            date;
  char              *title;
  char              *detail;

  /* Week headers */
  guint              n_strength;
  double             load;
  guint              load_estimated : 1;
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

guint32
stride_journal_item_get_date (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), 0);

  return self->date;
}

guint
stride_journal_item_get_n_strength (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), 0);

  return self->n_strength;
}

double
stride_journal_item_get_load (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), 0);

  return self->load;
}

gboolean
stride_journal_item_get_load_estimated (StrideJournalItem *self)
{
  g_return_val_if_fail (STRIDE_IS_JOURNAL_ITEM (self), FALSE);

  return self->load_estimated;
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

  StrideStore       *store;
  /* page number → Page, at most STRIDE_JOURNAL_MAX_PAGES */
  GHashTable        *pages;
  guint64            clock;
  guint              n_items;
  guint              pages_fetched;

  /* Filter and week headers, bound into the queries */
  StrideJournalShow  show;
  StrideRunType      run_type;
  char              *search_pattern;   /* a LIKE pattern, NULL = no search */
  GDateWeekday       first_weekday;
  guint              week_headers : 1;
};

static void stride_journal_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StrideJournalModel, stride_journal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      stride_journal_model_list_model_init))

/* The queries, all built from the constant text below; what the user
 * typed is only ever a bound parameter:
 *   ?1, ?2  page size and offset (page queries only)
 *   ?3      StrideJournalShow mask
 *   ?4      run type id of the runs to show, NULL = any
 *   ?5      LIKE pattern of the search (escaped, '\' as escape), NULL = none
 *   ?6      first day of the week as a GDateWeekday (1 = Monday, 7 = Sunday)
 *
 * Kinds in the SQL are the StrideJournalKind values. A day of tests and a
 * pain entry start at local noon of their date (offset 0). Local days and
 * weeks: STRIDE_SQL_LOCAL_DAY and friends (stride-store-private.h). */
#define EPOCH_JULIAN STRIDE_SQL_EPOCH_JULIAN
#define LOCAL_DAY(a) STRIDE_SQL_LOCAL_DAY (a)
#define DATE_DAY(d) STRIDE_SQL_DATE_DAY (d)
#define WEEK_OF(day) STRIDE_SQL_WEEK_OF (day, "?6")
#define MATCHES(column) column " LIKE ?5 ESCAPE '\\'"

/* The filter, per table. Runs match their shoe's name, every activity the
 * names of the exercises of its sets; those two lists are read once per
 * query (uncorrelated IN), not once per activity. */
#define ACTIVITY_FILTER \
  "     CASE a.sport" \
  "       WHEN 'run' THEN (?3 & 1) <> 0 AND (?4 IS NULL OR a.run_type = ?4)" \
  "       WHEN 'strength' THEN (?3 & 2) <> 0" \
  "       ELSE (?3 & 4) <> 0" \
  "     END" \
  " AND (?5 IS NULL" \
  "      OR " MATCHES ("a.title") " OR " MATCHES ("a.notes") \
  "      OR a.id IN (SELECT s.activity_id FROM strength_set s" \
  "                   WHERE s.exercise_id IN (SELECT x.id FROM exercise x" \
  "                                            WHERE " MATCHES ("x.name") "))" \
  "      OR (a.sport = 'run'" \
  "          AND a.shoe_id IN (SELECT h.id FROM shoe h WHERE " MATCHES ("h.name") ")))"
#define TEST_FILTER "(?3 & 8) <> 0"
#define TEST_GROUP_FILTER "?5 IS NULL OR MAX (" MATCHES ("test") " OR " MATCHES ("notes") ")"
#define PAIN_FILTER \
  "(?3 & 16) <> 0 AND (?5 IS NULL OR " MATCHES ("location") " OR " MATCHES ("notes") ")"

static const char count_sql[] =
  "SELECT (SELECT COUNT(*) FROM activity a WHERE " ACTIVITY_FILTER ")"
  "     + (SELECT COUNT(*) FROM (SELECT 1 FROM measurement WHERE " TEST_FILTER
  "                               GROUP BY date HAVING " TEST_GROUP_FILTER "))"
  "     + (SELECT COUNT(*) FROM pain_entry WHERE " PAIN_FILTER ")";

/* The details of the rows of one page p (kind, id, start_utc,
 * tz_offset_s, date, day and for headers the week's sums), read only for
 * those rows. */
#define DETAILS_SQL \
  "SELECT p.kind, p.id, p.start_utc, p.tz_offset_s," \
  "       a.sport, a.run_type," \
  "       CASE p.kind WHEN 3 THEN p.distance_m ELSE a.distance_m END," \
  "       CASE p.kind WHEN 3 THEN p.duration_s ELSE a.duration_s END," \
  "       a.rpe, a.title," \
  "       CASE p.kind" \
  "         WHEN 0 THEN (SELECT group_concat (name, ', ') FROM" \
  "                       (SELECT x.name AS name FROM strength_set s" \
  "                         JOIN exercise x ON x.id = s.exercise_id" \
  "                         WHERE s.activity_id = p.id" \
  "                         GROUP BY x.id ORDER BY MIN (s.position), MIN (s.id)))" \
  "         WHEN 1 THEN (SELECT group_concat (test, ', ') FROM" \
  "                       (SELECT test FROM measurement WHERE date = p.date" \
  "                         GROUP BY test ORDER BY MIN (id)))" \
  "         WHEN 2 THEN (SELECT CASE side WHEN 'both' THEN location" \
  "                                       ELSE location || ':' || side END" \
  "                        FROM pain_entry WHERE id = p.id)" \
  "       END," \
  "       CASE p.kind" \
  "         WHEN 0 THEN (SELECT COUNT(*) FROM strength_set WHERE activity_id = p.id)" \
  "         WHEN 1 THEN (SELECT COUNT(*) FROM measurement WHERE date = p.date)" \
  "         WHEN 2 THEN (SELECT severity FROM pain_entry WHERE id = p.id)" \
  "         ELSE p.n_entries" \
  "       END," \
  "       p.day, p.n_strength, p.load, p.estimated"

/* Without headers: the rows are merged in start order straight from the
 * indexes, and a page costs about as much as its rows. */
static const char page_sql[] =
  DETAILS_SQL
  "  FROM (SELECT *, NULL AS distance_m, NULL AS duration_s, NULL AS n_entries,"
  "               NULL AS n_strength, NULL AS load, NULL AS estimated"
  "          FROM (SELECT 0 AS kind, a.id AS id, a.start_utc AS start_utc,"
  "                       a.tz_offset_s AS tz_offset_s, NULL AS date, " LOCAL_DAY ("a.") " AS day"
  "                  FROM activity a WHERE " ACTIVITY_FILTER
  "                UNION ALL"
  "                SELECT 1, MIN (id), unixepoch (date) + 43200, 0, date, " DATE_DAY ("date")
  "                  FROM measurement WHERE " TEST_FILTER
  "                 GROUP BY date HAVING " TEST_GROUP_FILTER
  "                UNION ALL"
  "                SELECT 2, id, unixepoch (date) + 43200, 0, date, " DATE_DAY ("date")
  "                  FROM pain_entry WHERE " PAIN_FILTER
  "                ORDER BY 3 DESC, 1, 2 DESC"
  "                LIMIT ?1 OFFSET ?2)) AS p"
  "  LEFT JOIN activity a ON p.kind = 0 AND a.id = p.id"
  " ORDER BY p.start_utc DESC, p.kind, p.id DESC";

/* With headers, every entry needs its week before a page can be cut: e
 * holds the entries the filter shows, with what the week sums need. */
#define WEEK_ENTRIES_SQL \
  "SELECT 0 AS kind, a.id AS id, a.start_utc AS start_utc, a.tz_offset_s AS tz_offset_s," \
  "       NULL AS date, " LOCAL_DAY ("a.") " AS day, a.sport AS sport," \
  "       a.run_type AS run_type, a.distance_m AS distance_m, a.duration_s AS duration_s," \
  "       a.rpe AS rpe" \
  "  FROM activity a WHERE " ACTIVITY_FILTER \
  " UNION ALL" \
  " SELECT 1, MIN (id), unixepoch (date) + 43200, 0, date, " DATE_DAY ("date") "," \
  "        NULL, NULL, NULL, NULL, NULL" \
  "   FROM measurement WHERE " TEST_FILTER \
  "  GROUP BY date HAVING " TEST_GROUP_FILTER \
  " UNION ALL" \
  " SELECT 2, id, unixepoch (date) + 43200, 0, date, " DATE_DAY ("date") "," \
  "        NULL, NULL, NULL, NULL, NULL" \
  "   FROM pain_entry WHERE " PAIN_FILTER

static const char count_weeks_sql[] =
  "SELECT COUNT(*) + COUNT(DISTINCT " WEEK_OF ("day") ") FROM (" WEEK_ENTRIES_SQL ")";

/* Week by week, newest first, each header before its entries. Sums of a
 * week: runs count distance, every activity counts duration, strength
 * sessions and load (stride_session_load(), registered by the store). */
static const char page_weeks_sql[] =
  "WITH e AS MATERIALIZED (" WEEK_ENTRIES_SQL ")"
  DETAILS_SQL
  "  FROM (SELECT * FROM"
  "         (SELECT kind, id, start_utc, tz_offset_s, date, " WEEK_OF ("day") " AS week, day,"
  "                 NULL AS distance_m, NULL AS duration_s, NULL AS n_entries,"
  "                 NULL AS n_strength, NULL AS load, NULL AS estimated"
  "            FROM e"
  "          UNION ALL"
  "          SELECT 3, week, (week - " EPOCH_JULIAN ") * 86400, 0, NULL, week, week,"
  "                 total (CASE WHEN sport = 'run' THEN distance_m END), total (duration_s),"
  "                 COUNT(*), total (sport = 'strength'),"
  "                 total (CASE WHEN kind = 0"
  "                          THEN stride_session_load (sport, run_type, rpe, duration_s) END),"
  "                 MAX (CASE WHEN kind = 0"
  "                        THEN stride_session_load_estimated (sport, run_type, rpe, duration_s)"
  "                      END)"
  "            FROM (SELECT *, " WEEK_OF ("day") " AS week FROM e) GROUP BY week)"
  "         ORDER BY week DESC, kind = 3 DESC, start_utc DESC, kind, id DESC"
  "         LIMIT ?1 OFFSET ?2) AS p"
  "  LEFT JOIN activity a ON p.kind = 0 AND a.id = p.id"
  " ORDER BY p.week DESC, p.kind = 3 DESC, p.start_utc DESC, p.kind, p.id DESC";

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

/* "%text%" with LIKE's own characters taken literally (ESCAPE '\'). */
static char *
make_like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *c = search; *c != '\0'; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *c);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static void
bind_filter (StrideJournalModel *self,
             sqlite3_stmt       *stmt)
{
  sqlite3_bind_int (stmt, 3, self->show);
  if (self->run_type == STRIDE_RUN_TYPE_NONE)
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_text (stmt, 4, stride_run_type_to_id (self->run_type), -1, SQLITE_STATIC);
  if (self->search_pattern == NULL)
    sqlite3_bind_null (stmt, 5);
  else
    sqlite3_bind_text (stmt, 5, self->search_pattern, -1, SQLITE_STATIC);
  /* Only the week queries have ?6. */
  if (self->week_headers)
    sqlite3_bind_int (stmt, 6, self->first_weekday);
}

static guint
count_items (StrideJournalModel *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(StrideCachedStmt) stmt = NULL;
  gint64 n;

  stmt = _stride_store_prepare (self->store,
                                self->week_headers ? count_weeks_sql : count_sql,
                                &error);
  if (stmt != NULL)
    bind_filter (self, stmt);
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
  gint64 date = sqlite3_column_int64 (stmt, 12);

  item->kind = CLAMP (kind, STRIDE_JOURNAL_KIND_ACTIVITY, STRIDE_JOURNAL_KIND_WEEK);
  item->id = sqlite3_column_int64 (stmt, 1);
  item->start_utc = sqlite3_column_int64 (stmt, 2);
  item->tz_offset_s = sqlite3_column_int (stmt, 3);
  item->sport = STRIDE_SPORT_OTHER;
  item->run_type = STRIDE_RUN_TYPE_NONE;
  item->date = g_date_valid_julian (CLAMP (date, 0, G_MAXUINT32)) ? (guint32) date : 0;

  switch (item->kind)
    {
    case STRIDE_JOURNAL_KIND_ACTIVITY:
      if (!stride_sport_from_id ((const char *) sqlite3_column_text (stmt, 4), &item->sport))
        item->sport = STRIDE_SPORT_OTHER;
      if (!stride_run_type_from_id ((const char *) sqlite3_column_text (stmt, 5), &item->run_type))
        item->run_type = STRIDE_RUN_TYPE_NONE;
      item->distance_m = sqlite3_column_double (stmt, 6);
      item->duration_s = sqlite3_column_double (stmt, 7);
      item->rpe = sqlite3_column_int (stmt, 8);
      item->title = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      break;

    case STRIDE_JOURNAL_KIND_WEEK:
      item->distance_m = sqlite3_column_double (stmt, 6);
      item->duration_s = sqlite3_column_double (stmt, 7);
      item->n_strength = (guint) CLAMP (sqlite3_column_int64 (stmt, 13), 0, G_MAXUINT);
      item->load = sqlite3_column_double (stmt, 14);
      item->load_estimated = sqlite3_column_int (stmt, 15) != 0;
      break;

    case STRIDE_JOURNAL_KIND_TEST:
    case STRIDE_JOURNAL_KIND_PAIN:
    default:
      break;
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

  stmt = _stride_store_prepare (self->store,
                                self->week_headers ? page_weeks_sql : page_sql,
                                &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  sqlite3_bind_int (stmt, 1, STRIDE_JOURNAL_PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 2, (gint64) number * STRIDE_JOURNAL_PAGE_SIZE);
  bind_filter (self, stmt);

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
  g_clear_pointer (&self->search_pattern, g_free);

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
  self->show = STRIDE_JOURNAL_SHOW_ALL;
  self->run_type = STRIDE_RUN_TYPE_NONE;
  self->first_weekday = G_DATE_MONDAY;
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

void
stride_journal_model_set_week_headers (StrideJournalModel *self,
                                       gboolean            enabled,
                                       GDateWeekday        first_weekday)
{
  g_return_if_fail (STRIDE_IS_JOURNAL_MODEL (self));
  g_return_if_fail (first_weekday == G_DATE_MONDAY || first_weekday == G_DATE_SUNDAY);

  self->week_headers = !!enabled;
  self->first_weekday = first_weekday;

  stride_journal_model_reload (self);
}

void
stride_journal_model_set_filter (StrideJournalModel *self,
                                 StrideJournalShow   show,
                                 StrideRunType       run_type,
                                 const char         *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (STRIDE_IS_JOURNAL_MODEL (self));
  g_return_if_fail ((guint) run_type < STRIDE_N_RUN_TYPES);
  g_return_if_fail (search == NULL || g_utf8_validate (search, -1, NULL));

  /* Spaces around the words come from typing, not from the journal. */
  if (search != NULL)
    stripped = g_strstrip (g_strdup (search));

  self->show = show & STRIDE_JOURNAL_SHOW_ALL;
  self->run_type = run_type;
  g_clear_pointer (&self->search_pattern, g_free);
  if (stripped != NULL && *stripped != '\0')
    self->search_pattern = make_like_pattern (stripped);

  stride_journal_model_reload (self);
}
