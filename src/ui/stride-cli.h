/* stride-cli.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the scripted operations of the command line (--generate-demo,
 * --import, --export-csv) in this process. Returns the exit status, or -1
 * when the options ask for the window instead. */
int stride_cli_run (GVariantDict *options);

G_END_DECLS
