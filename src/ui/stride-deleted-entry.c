/* stride-deleted-entry.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-deleted-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-deleted-entry.h"

struct _StrideDeletedEntry
{
  StrideJournalKind  kind;
  guint32            date;
  StrideActivity     activity;
  GArray            *sets;           /* StrideStrengthSet */
  GArray            *points;         /* StrideTrackpoint */
  GArray            *laps;           /* StrideLap */
  GArray            *measurements;   /* StrideMeasurement */
  StridePainEntry    pain;
};

void
stride_deleted_entry_free (StrideDeletedEntry *entry)
{
  if (entry == NULL)
    return;

  stride_activity_clear (&entry->activity);
  stride_pain_entry_clear (&entry->pain);
  g_clear_pointer (&entry->sets, g_array_unref);
  g_clear_pointer (&entry->points, g_array_unref);
  g_clear_pointer (&entry->laps, g_array_unref);
  g_clear_pointer (&entry->measurements, g_array_unref);
  g_free (entry);
}

static gboolean
take_activity (StrideDeletedEntry  *entry,
               StrideStore         *store,
               gint64               id,
               GError             **error)
{
  if (!stride_store_get_activity (store, id, &entry->activity, error))
    return FALSE;

  entry->sets = stride_store_list_strength_sets (store, id, error);
  if (entry->sets == NULL)
    return FALSE;
  entry->points = stride_store_list_trackpoints (store, id, error);
  if (entry->points == NULL)
    return FALSE;
  entry->laps = stride_store_list_laps (store, id, error);
  if (entry->laps == NULL)
    return FALSE;

  return stride_store_delete_activity (store, id, error);
}

static gboolean
take_tests (StrideDeletedEntry  *entry,
            StrideStore         *store,
            GError             **error)
{
  entry->measurements = stride_store_list_measurements_on (store, entry->date, error);
  if (entry->measurements == NULL)
    return FALSE;

  return stride_store_replace_measurements_on (store, entry->date, NULL, 0, error);
}

static gboolean
take_pain (StrideDeletedEntry  *entry,
           StrideStore         *store,
           gint64               id,
           GError             **error)
{
  if (!stride_store_get_pain_entry (store, id, &entry->pain, error))
    return FALSE;

  return stride_store_delete_pain_entry (store, id, error);
}

StrideDeletedEntry *
stride_deleted_entry_take (StrideStore        *store,
                           StrideJournalKind   kind,
                           gint64              id,
                           guint32             date,
                           GError            **error)
{
  g_autoptr(StrideDeletedEntry) entry = g_new0 (StrideDeletedEntry, 1);
  gboolean ok;

  g_return_val_if_fail (STRIDE_IS_STORE (store), NULL);

  entry->kind = kind;
  entry->date = date;

  switch (kind)
    {
    case STRIDE_JOURNAL_KIND_ACTIVITY:
      ok = take_activity (entry, store, id, error);
      break;

    case STRIDE_JOURNAL_KIND_TEST:
      ok = take_tests (entry, store, error);
      break;

    case STRIDE_JOURNAL_KIND_PAIN:
      ok = take_pain (entry, store, id, error);
      break;

    case STRIDE_JOURNAL_KIND_WEEK:
    default:
      g_return_val_if_reached (NULL);
    }

  return ok ? g_steal_pointer (&entry) : NULL;
}

static gboolean
restore_activity (StrideDeletedEntry  *entry,
                  StrideStore         *store,
                  GError             **error)
{
  /* New rows: the old ids are gone, and the store links the children to
   * the activity's new id. */
  entry->activity.id = 0;
  for (guint i = 0; i < entry->sets->len; i++)
    g_array_index (entry->sets, StrideStrengthSet, i).id = 0;

  return stride_store_add_activity (store, &entry->activity,
                                    (StrideStrengthSet *) (gpointer) entry->sets->data,
                                    entry->sets->len,
                                    (StrideTrackpoint *) (gpointer) entry->points->data,
                                    entry->points->len,
                                    (StrideLap *) (gpointer) entry->laps->data,
                                    entry->laps->len,
                                    error);
}

gboolean
stride_deleted_entry_restore (StrideDeletedEntry  *entry,
                              StrideStore         *store,
                              GError             **error)
{
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (STRIDE_IS_STORE (store), FALSE);

  switch (entry->kind)
    {
    case STRIDE_JOURNAL_KIND_ACTIVITY:
      return restore_activity (entry, store, error);

    case STRIDE_JOURNAL_KIND_TEST:
      for (guint i = 0; i < entry->measurements->len; i++)
        g_array_index (entry->measurements, StrideMeasurement, i).id = 0;
      return stride_store_replace_measurements_on (store, entry->date,
                                                   (StrideMeasurement *) (gpointer) entry->measurements->data,
                                                   entry->measurements->len, error);

    case STRIDE_JOURNAL_KIND_PAIN:
      entry->pain.id = 0;
      return stride_store_add_pain_entry (store, &entry->pain, error);

    case STRIDE_JOURNAL_KIND_WEEK:
    default:
      g_return_val_if_reached (FALSE);
    }
}
