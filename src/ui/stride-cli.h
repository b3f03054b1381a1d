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
 * --import, --export-csv, --export-ics, --chart, --checklist [YYYY-Www]
 * [--json]) in this process. --export-ics writes the plan from today on
 * and the upcoming races, and never creates a journal. Returns the exit
 * status (0 done, 1 the work failed, 2 the command line was wrong), or -1
 * when the options ask for the window instead. */
int stride_cli_run (GVariantDict *options);

G_END_DECLS
