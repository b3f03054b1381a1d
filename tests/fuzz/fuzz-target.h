/* fuzz-target.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

/* The entry points every fuzz target defines. libFuzzer calls them in a
 * -Dfuzzing=true build; standalone-main.c calls them in every other build. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Anything the parsers log as a warning or a critical is a bug (a failed
 * g_return_if_fail, a bad format string…): make it abort, so the fuzzer
 * sees a crash. Messages and debug output stay quiet. */
static inline void
fuzz_target_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_handler (NULL, G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
                     g_log_default_handler, NULL);
}
