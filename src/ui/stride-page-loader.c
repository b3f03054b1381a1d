/* stride-page-loader.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-page-loader"

#include "config.h"

#include "stride-page-loader.h"

#define GENERATION_KEY "stride-page-loader-generation"

void
stride_page_loader_init (StridePageLoader *loader)
{
  g_return_if_fail (loader != NULL);

  loader->cancellable = g_cancellable_new ();
  loader->generation = 0;
}

void
stride_page_loader_clear (StridePageLoader *loader)
{
  g_return_if_fail (loader != NULL);

  if (loader->cancellable != NULL)
    g_cancellable_cancel (loader->cancellable);
  g_clear_object (&loader->cancellable);
}

void
stride_page_loader_reset (StridePageLoader *loader)
{
  g_return_if_fail (loader != NULL);

  stride_page_loader_clear (loader);
  loader->cancellable = g_cancellable_new ();
  loader->generation++;
}

void
stride_page_loader_run (StridePageLoader    *loader,
                        gpointer             page,
                        gpointer             job,
                        GDestroyNotify       job_free,
                        GTaskThreadFunc      thread_func,
                        GAsyncReadyCallback  done_cb)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (loader != NULL && loader->cancellable != NULL);
  g_return_if_fail (G_IS_OBJECT (page));

  task = g_task_new (page, loader->cancellable, done_cb, NULL);
  g_task_set_source_tag (task, stride_page_loader_run);
  g_task_set_task_data (task, job, job_free);
  g_object_set_data (G_OBJECT (task), GENERATION_KEY, GUINT_TO_POINTER (++loader->generation));
  g_task_run_in_thread (task, thread_func);
}

StridePageLoadResult
stride_page_loader_finish (StridePageLoader *loader,
                           GAsyncResult     *result,
                           const char       *what)
{
  g_autoptr(GError) error = NULL;
  guint generation;
  gboolean newest;

  g_return_val_if_fail (loader != NULL, STRIDE_PAGE_LOAD_STALE);
  g_return_val_if_fail (G_IS_TASK (result), STRIDE_PAGE_LOAD_STALE);

  generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), GENERATION_KEY));
  newest = generation == loader->generation;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !newest)
        return STRIDE_PAGE_LOAD_STALE;

      g_warning ("Could not read %s: %s", what, error->message);
      return STRIDE_PAGE_LOAD_FAILED;
    }

  return newest ? STRIDE_PAGE_LOAD_DONE : STRIDE_PAGE_LOAD_STALE;
}
