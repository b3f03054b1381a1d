/* stride-page-loader.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How a page reads the journal in a worker thread: each read is numbered,
 * so the answer of a read that a newer one overtook is dropped, and
 * opening another journal cancels every read under way. Shared by the
 * Charts, Balance and Risk pages. */
typedef struct
{
  GCancellable *cancellable;
  guint         generation;
} StridePageLoader;

typedef enum
{
  STRIDE_PAGE_LOAD_DONE,     /* the newest read worked: show its job */
  STRIDE_PAGE_LOAD_FAILED,   /* the newest read failed (logged): stop waiting */
  STRIDE_PAGE_LOAD_STALE,    /* cancelled or overtaken: do nothing */
} StridePageLoadResult;

void                 stride_page_loader_init   (StridePageLoader    *loader);
void                 stride_page_loader_clear  (StridePageLoader    *loader);
/* Cancels every read under way and makes any answer still to come stale. */
void                 stride_page_loader_reset  (StridePageLoader    *loader);
/* Runs @thread_func on @job (freed with @job_free) in a worker thread;
 * @done_cb gets the GTask (source @page) on the main thread. */
void                 stride_page_loader_run    (StridePageLoader    *loader,
                                                gpointer             page,
                                                gpointer             job,
                                                GDestroyNotify       job_free,
                                                GTaskThreadFunc      thread_func,
                                                GAsyncReadyCallback  done_cb);
/* In @done_cb. A failure is logged as "Could not read @what: …". */
StridePageLoadResult stride_page_loader_finish (StridePageLoader    *loader,
                                                GAsyncResult        *result,
                                                const char          *what);

G_END_DECLS
