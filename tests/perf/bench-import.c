/* bench-import.c — activity-file import throughput.
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints DESIGN.md's benchmark lines:
 *   bench: import-FMT         our parse throughput (stride_import_parse_bytes
 *                             on bytes in memory, MB/s) vs a widely used
 *                             reference parser on the same files in the same
 *                             run; ratio = ours / reference, goal >= 10
 *   bench: import-FMT-points  the same in track points per second (each
 *                             parser's own count of the points it returned)
 *   bench: import-FMT-cat     our parse throughput vs `cat FILES > /dev/null`
 *                             of the same files (warm page cache): how far
 *                             from reading the bytes we are; no goal
 *   bench: import-10y         a whole 10-year Strava-sized export (2500
 *                             activity files) through stride_import_path
 *                             into an empty journal, in seconds; the
 *                             baseline is the budget of one minute
 *                             (not a measurement), so ratio <= 1 meets it
 *   bench: import-10y-cat     the same import vs `cat` of the same folder
 * FMT is fit, gpx and tcx. The files are the corpus files of each format
 * ($STRIDE_CORPUS_DIR, uncompressed ones that we import), repeated until
 * they add up to BENCH_BYTES; ours is the median of BENCH_ROUNDS passes,
 * a reference's the median of REF_ROUNDS runs.
 * Never passes or fails on a time.
 *
 * The reference parsers (only parsing is timed, after the files are read
 * into memory, except gpsbabel which is timed as a whole process), each a
 * widely used parser of the kind the issue names (gpxpy, fit-file-parser):
 *   GPX  gpxpy, Python (Debian: apt-get install python3-gpxpy),
 *        through bench-import-gpxpy.py
 *   FIT  fit-file-parser, JavaScript (npm), through
 *        bench-import-fit-file-parser.cjs
 *   TCX  @tmcw/togeojson's tcx() on a DOM from @xmldom/xmldom, JavaScript
 *        (npm; the most downloaded TCX reader there, about 480,000
 *        downloads a month), through bench-import-togeojson.cjs
 * npm packages need node and npm (Debian: apt-get install nodejs npm) and
 * are installed on first use, at pinned versions, into NPM_CACHE (a folder
 * of the build directory, never the source tree) with `npm install --prefix
 * NPM_CACHE PACKAGE@VERSION…`.
 * Two more TCX lines, with no goal, so that nothing is hidden:
 *   bench: import-tcx-gpsbabel and import-tcx-gpsbabel-points
 *        ours vs gpsbabel's gtrnctr reader,
 *        C++ (Debian: apt-get install gpsbabel), a much faster reference
 *        than the examples: `gpsbabel -t -i gtrnctr -f FILE… -x
 *        nuketypes,… -o unicsv -F /dev/null` reads every file and then
 *        drops everything, so nothing is written; its point count comes
 *        from a second run that writes them.
 * A reference that is missing (or cannot be installed, offline) gives a
 * "# import-FMT: reference not available: …" line instead of its lines.
 *
 *   bench-import --scripts DIR --npm-cache DIR
 * (STRIDE_BENCH_QUICK=1 makes everything 20 times smaller, to try it out.)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "stride-import.h"
#include "stride-store.h"

#define BENCH_BYTES  (24 * 1024 * 1024)
#define BENCH_ROUNDS 5
#define REF_ROUNDS   3
#define TEN_YEAR_FILES 2500
/* STRIDE_BENCH_QUICK=1: a small run to try the benchmark itself. */
#define QUICK_DIVISOR 20
#define TEN_YEAR_DAYS  3650
#define TEN_YEAR_BUDGET_S 60.0
#define FIT_FILE_PARSER "fit-file-parser@6.1.2"
#define TOGEOJSON       "@tmcw/togeojson@7.1.3"
#define XMLDOM          "@xmldom/xmldom@0.9.12"

typedef struct
{
  char   *path;
  GBytes *bytes;
  guint   n_points;
  guint   n_activities;
} BenchFile;

typedef struct
{
  const char         *name;          /* "gpx" */
  const char         *extension;     /* ".gpx" */
  StrideImportFormat  format;
} Format;

static const Format formats[] = {
  { "fit", ".fit", STRIDE_IMPORT_FORMAT_FIT },
  { "gpx", ".gpx", STRIDE_IMPORT_FORMAT_GPX },
  { "tcx", ".tcx", STRIDE_IMPORT_FORMAT_TCX },
};

typedef struct
{
  gboolean  available;
  char     *why_not;                 /* when not available */
  char     *label;                   /* "gpxpy 1.5.0" */
  double    bytes;
  double    points;
  double    seconds;
  guint     failures;
} Reference;

static char *scripts_dir;
static char *npm_cache;
static guint bench_bytes = BENCH_BYTES;
static guint ten_year_files = TEN_YEAR_FILES;

static void
bench_file_free (BenchFile *file)
{
  g_free (file->path);
  g_bytes_unref (file->bytes);
  g_free (file);
}

static void
reference_clear (Reference *ref)
{
  g_clear_pointer (&ref->why_not, g_free);
  g_clear_pointer (&ref->label, g_free);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (GCompareFunc) compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static guint
count_points (GPtrArray *activities)
{
  guint n = 0;

  for (guint i = 0; i < activities->len; i++)
    n += ((StrideParsedActivity *) g_ptr_array_index (activities, i))->points->len;

  return n;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The corpus files of @format that we import (not the broken ones, which
 * would stop early and flatter us), in name order. */
static GPtrArray *
load_files (const Format *format)
{
  const char *corpus = g_getenv ("STRIDE_CORPUS_DIR");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) bench_file_free);
  const char *name;

  dir = g_dir_open (corpus, 0, NULL);
  if (dir == NULL)
    return files;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_str_has_suffix (lower, format->extension))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (corpus, g_ptr_array_index (names, i), NULL);
      g_autoptr(GPtrArray) activities = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      BenchFile *file;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      activities = stride_import_parse_bytes (bytes, format->format, NULL, NULL);
      if (activities == NULL)
        continue;

      file = g_new0 (BenchFile, 1);
      file->path = g_steal_pointer (&path);
      file->bytes = g_steal_pointer (&bytes);
      file->n_points = count_points (activities);
      file->n_activities = activities->len;
      g_ptr_array_add (files, file);
    }

  return files;
}

static gsize
total_bytes (GPtrArray *files)
{
  gsize n = 0;

  for (guint i = 0; i < files->len; i++)
    n += g_bytes_get_size (((BenchFile *) g_ptr_array_index (files, i))->bytes);

  return n;
}

/* Seconds for @repeat passes of our parser over @files (median). */
static double
time_ours (const Format *format,
           GPtrArray    *files,
           guint         repeat,
           double       *points)
{
  double seconds[BENCH_ROUNDS];

  for (guint round = 0; round < BENCH_ROUNDS; round++)
    {
      gint64 started = g_get_monotonic_time ();
      double n_points = 0;

      for (guint r = 0; r < repeat; r++)
        for (guint i = 0; i < files->len; i++)
          {
            BenchFile *file = g_ptr_array_index (files, i);
            g_autoptr(GPtrArray) activities = NULL;

            activities = stride_import_parse_bytes (file->bytes, format->format, NULL, NULL);
            g_assert (activities != NULL);
            n_points += count_points (activities);
          }

      seconds[round] = (g_get_monotonic_time () - started) / 1e6;
      *points = n_points;
    }

  return median (seconds, BENCH_ROUNDS);
}

/* Runs @argv (stdout to /dev/null unless @out), returns its wall-clock
 * seconds, or a negative number if it could not run or failed. */
static double
time_command (char  **argv,
              char  **out,
              char  **why_not)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gint64 started = g_get_monotonic_time ();
  int status = 0;
  GSpawnFlags flags = G_SPAWN_SEARCH_PATH;

  if (out == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  if (!g_spawn_sync (NULL, argv, NULL, flags, NULL, NULL, out, &err, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      if (why_not != NULL)
        *why_not = g_strdup_printf ("%s: %s%s%s", argv[0], error->message,
                                    err != NULL && *err != '\0' ? ": " : "",
                                    err != NULL ? g_strstrip (err) : "");
      return -1;
    }

  return (g_get_monotonic_time () - started) / 1e6;
}

static double
time_cat (GPtrArray *paths)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  double seconds[BENCH_ROUNDS];

  g_ptr_array_add (argv, (gpointer) "cat");
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);

  for (guint round = 0; round < BENCH_ROUNDS; round++)
    seconds[round] = time_command ((char **) argv->pdata, NULL, NULL);

  return median (seconds, BENCH_ROUNDS);
}

/* Reads "bytes=B points=P seconds=S failures=F version=V". */
static gboolean
parse_reference_output (const char *out,
                        Reference  *ref,
                        char      **version)
{
  g_auto(GStrv) words = g_strsplit_set (out, " \n", -1);
  guint found = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];

      if (g_str_has_prefix (w, "bytes="))
        ref->bytes = g_ascii_strtod (w + 6, NULL), found++;
      else if (g_str_has_prefix (w, "points="))
        ref->points = g_ascii_strtod (w + 7, NULL), found++;
      else if (g_str_has_prefix (w, "seconds="))
        ref->seconds = g_ascii_strtod (w + 8, NULL), found++;
      else if (g_str_has_prefix (w, "failures="))
        ref->failures = (guint) g_ascii_strtoull (w + 9, NULL, 10);
      else if (g_str_has_prefix (w, "version="))
        *version = g_strdup (w + 8);
    }

  return found == 3 && ref->seconds > 0;
}

/* The files' paths, each @repeat times over. */
static GPtrArray *
repeated_paths (GPtrArray *files,
                guint      repeat)
{
  GPtrArray *paths = g_ptr_array_new ();

  for (guint r = 0; r < repeat; r++)
    for (guint i = 0; i < files->len; i++)
      g_ptr_array_add (paths, ((BenchFile *) g_ptr_array_index (files, i))->path);

  return paths;
}

static void
run_script_reference (Reference   *ref,
                      const char  *program,
                      const char  *script,
                      const char  *module_dir,
                      const char  *name,
                      GPtrArray   *files,
                      guint        repeat)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *version = NULL;
  double seconds[REF_ROUNDS];

  g_ptr_array_add (argv, g_strdup (program));
  g_ptr_array_add (argv, g_build_filename (scripts_dir, script, NULL));
  if (module_dir != NULL)
    g_ptr_array_add (argv, g_strdup (module_dir));
  g_ptr_array_add (argv, g_strdup_printf ("%u", repeat));
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_strdup (((BenchFile *) g_ptr_array_index (files, i))->path));
  g_ptr_array_add (argv, NULL);

  for (guint round = 0; round < REF_ROUNDS; round++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&version, g_free);
      if (time_command ((char **) argv->pdata, &out, &ref->why_not) < 0)
        return;
      if (!parse_reference_output (out, ref, &version))
        {
          ref->why_not = g_strdup_printf ("%s printed no result: %s", script, out);
          return;
        }
      seconds[round] = ref->seconds;
    }

  ref->seconds = median (seconds, REF_ROUNDS);
  ref->available = TRUE;
  ref->label = g_strdup_printf ("%s %s", name, version != NULL ? version : "?");
}

static void
reference_gpx (Reference *ref,
               GPtrArray *files,
               guint      repeat)
{
  char *check[] = { (char *) "/usr/bin/python3", (char *) "-c", (char *) "import gpxpy", NULL };

  if (time_command (check, NULL, NULL) < 0)
    {
      ref->why_not = g_strdup ("gpxpy is not installed (apt-get install python3-gpxpy)");
      return;
    }
  run_script_reference (ref, "/usr/bin/python3", "bench-import-gpxpy.py", NULL, "gpxpy",
                        files, repeat);
}

/* Installs @packages (NULL-terminated "name@version") into npm_cache unless
 * @module (a package name) is already there. FALSE with @why_not set when
 * node or npm is missing or the install failed. */
static gboolean
ensure_npm_packages (const char * const  *packages,
                     const char          *module,
                     char               **why_not)
{
  g_autofree char *installed = g_build_filename (npm_cache, "node_modules", module,
                                                 "package.json", NULL);
  g_autoptr(GPtrArray) install = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *why = NULL;
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *npm = g_find_program_in_path ("npm");

  if (node == NULL || npm == NULL)
    {
      *why_not = g_strdup ("node or npm is not installed (apt-get install nodejs npm)");
      return FALSE;
    }

  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return TRUE;

  install = g_ptr_array_new ();
  g_ptr_array_add (install, (gpointer) "timeout");
  g_ptr_array_add (install, (gpointer) "300");
  g_ptr_array_add (install, (gpointer) "npm");
  g_ptr_array_add (install, (gpointer) "install");
  g_ptr_array_add (install, (gpointer) "--prefix");
  g_ptr_array_add (install, npm_cache);
  g_ptr_array_add (install, (gpointer) "--no-audit");
  g_ptr_array_add (install, (gpointer) "--no-fund");
  g_ptr_array_add (install, (gpointer) "--loglevel=error");
  for (guint i = 0; packages[i] != NULL; i++)
    g_ptr_array_add (install, (gpointer) packages[i]);
  g_ptr_array_add (install, NULL);

  g_mkdir_with_parents (npm_cache, 0755);
  if (time_command ((char **) install->pdata, NULL, &why) < 0
      || !g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      listed = g_strjoinv (" ", (char **) packages);
      *why_not = g_strdup_printf ("npm install %s into %s failed (offline?): %s",
                                  listed, npm_cache, why != NULL ? why : "");
      return FALSE;
    }

  return TRUE;
}

static void
reference_fit (Reference *ref,
               GPtrArray *files,
               guint      repeat)
{
  const char * const packages[] = { FIT_FILE_PARSER, NULL };

  if (!ensure_npm_packages (packages, "fit-file-parser", &ref->why_not))
    return;

  run_script_reference (ref, "node", "bench-import-fit-file-parser.cjs", npm_cache,
                        "fit-file-parser", files, repeat);
}

static void
reference_tcx (Reference *ref,
               GPtrArray *files,
               guint      repeat)
{
  const char * const packages[] = { TOGEOJSON, XMLDOM, NULL };

  if (!ensure_npm_packages (packages, "@tmcw/togeojson", &ref->why_not))
    return;

  run_script_reference (ref, "node", "bench-import-togeojson.cjs", npm_cache,
                        "@tmcw/togeojson", files, repeat);
}

/* gpsbabel's TCX reader: the extra, goal-less import-tcx-gpsbabel lines. */
static void
reference_gpsbabel (Reference *ref,
                    GPtrArray *files,
                    guint      repeat)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = repeated_paths (files, repeat);
  g_autofree char *version_out = NULL;
  g_autofree char *points_out = NULL;
  char *version[] = { (char *) "gpsbabel", (char *) "-V", NULL };
  g_autofree char *program = g_find_program_in_path ("gpsbabel");
  double seconds[REF_ROUNDS];
  guint n_lines = 0;

  if (program == NULL)
    {
      ref->why_not = g_strdup ("gpsbabel is not installed (apt-get install gpsbabel)");
      return;
    }

  /* gpsbabel -t -i gtrnctr -f A -f B … */
  g_ptr_array_add (argv, (gpointer) "gpsbabel");
  g_ptr_array_add (argv, (gpointer) "-t");
  g_ptr_array_add (argv, (gpointer) "-i");
  g_ptr_array_add (argv, (gpointer) "gtrnctr");
  for (guint i = 0; i < files->len; i++)
    {
      g_ptr_array_add (argv, (gpointer) "-f");
      g_ptr_array_add (argv, ((BenchFile *) g_ptr_array_index (files, i))->path);
    }
  g_ptr_array_add (argv, (gpointer) "-o");
  g_ptr_array_add (argv, (gpointer) "unicsv");
  g_ptr_array_add (argv, (gpointer) "-F");
  g_ptr_array_add (argv, (gpointer) "-");
  g_ptr_array_add (argv, NULL);

  /* Once, writing the points, to count them (less the header line). */
  if (time_command ((char **) argv->pdata, &points_out, &ref->why_not) < 0)
    return;
  for (const char *p = points_out; *p != '\0'; p++)
    n_lines += *p == '\n';

  /* Timed: every file @repeat times, everything dropped before writing. */
  g_ptr_array_set_size (argv, 4);
  for (guint i = 0; i < paths->len; i++)
    {
      g_ptr_array_add (argv, (gpointer) "-f");
      g_ptr_array_add (argv, g_ptr_array_index (paths, i));
    }
  g_ptr_array_add (argv, (gpointer) "-x");
  g_ptr_array_add (argv, (gpointer) "nuketypes,waypoints,tracks,routes");
  g_ptr_array_add (argv, (gpointer) "-o");
  g_ptr_array_add (argv, (gpointer) "unicsv");
  g_ptr_array_add (argv, (gpointer) "-F");
  g_ptr_array_add (argv, (gpointer) "/dev/null");
  g_ptr_array_add (argv, NULL);

  for (guint round = 0; round < REF_ROUNDS; round++)
    {
      seconds[round] = time_command ((char **) argv->pdata, NULL, &ref->why_not);
      if (seconds[round] <= 0)
        return;
    }

  time_command (version, &version_out, NULL);
  ref->available = TRUE;
  ref->seconds = median (seconds, REF_ROUNDS);
  ref->bytes = (double) total_bytes (files) * repeat;
  ref->points = (double) (n_lines > 0 ? n_lines - 1 : 0) * repeat;
  ref->label = g_strdup_printf ("gpsbabel %s (gtrnctr reader, whole process)",
                                version_out != NULL ? g_strstrip (version_out) + strlen ("GPSBabel Version ") : "?");
}

static void
print_bench (const char *name,
             double      value,
             const char *unit,
             double      baseline,
             const char *goal)
{
  g_print ("bench: %s value=%.3f unit=%s baseline=%.3f ratio=%.3f goal=%s\n",
           name, value, unit, baseline, baseline > 0 ? value / baseline : 0, goal);
}

/* The NAME and NAME-points lines of ours (@mb and @points in @ours_s)
 * against @ref, or why they are missing. */
static void
print_reference (const char      *name,
                 const Reference *ref,
                 double           mb,
                 double           points,
                 double           ours_s,
                 const char      *goal)
{
  g_autofree char *points_name = g_strdup_printf ("%s-points", name);

  if (!ref->available)
    {
      g_print ("# %s: reference not available: %s\n", name, ref->why_not);
      return;
    }

  g_print ("# %s: reference %s: %.3f s for %.1f MB, %.0f points, %u files it could not parse\n",
           name, ref->label, ref->seconds, ref->bytes / 1e6, ref->points, ref->failures);
  print_bench (name, mb / ours_s, "MB/s", ref->bytes / 1e6 / ref->seconds, goal);
  print_bench (points_name, points / ours_s, "points/s", ref->points / ref->seconds, goal);
}

static void
bench_format (const Format *format,
              GPtrArray    *files)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *name = g_strdup_printf ("import-%s", format->name);
  g_autofree char *cat_name = g_strdup_printf ("import-%s-cat", format->name);
  Reference ref = { 0, };
  gsize bytes = total_bytes (files);
  guint repeat;
  double ours_s, cat_s, points = 0, mb;

  if (files->len == 0)
    {
      g_print ("# %s: no corpus files (is STRIDE_CORPUS_DIR set?)\n", name);
      return;
    }

  repeat = (guint) MAX (1, (bench_bytes + bytes - 1) / bytes);
  mb = (double) bytes * repeat / 1e6;
  paths = repeated_paths (files, repeat);

  ours_s = time_ours (format, files, repeat, &points);
  cat_s = time_cat (paths);
  g_print ("# %s: %u corpus files (%.2f MB) x %u = %.1f MB, %.0f points; "
           "ours %.3f s, cat %.3f s\n", name, files->len, bytes / 1e6, repeat, mb, points,
           ours_s, cat_s);

  switch (format->format)
    {
    case STRIDE_IMPORT_FORMAT_GPX:
      reference_gpx (&ref, files, repeat);
      break;
    case STRIDE_IMPORT_FORMAT_FIT:
      reference_fit (&ref, files, repeat);
      break;
    case STRIDE_IMPORT_FORMAT_TCX:
    case STRIDE_IMPORT_FORMAT_UNKNOWN:
    default:
      reference_tcx (&ref, files, repeat);
      break;
    }

  print_reference (name, &ref, mb, points, ours_s, ">=10");

  /* Not the goal's reference, but a much faster one: shown all the same. */
  if (format->format == STRIDE_IMPORT_FORMAT_TCX)
    {
      g_autofree char *gpsbabel_name = g_strdup_printf ("%s-gpsbabel", name);
      Reference gpsbabel = { 0, };

      reference_gpsbabel (&gpsbabel, files, repeat);
      print_reference (gpsbabel_name, &gpsbabel, mb, points, ours_s, "none");
      reference_clear (&gpsbabel);
    }

  print_bench (cat_name, mb / ours_s, "MB/s", mb / cat_s, "none");

  reference_clear (&ref);
}

/* --- The 10-year export ------------------------------------------------ */

/* Moves every "YYYY-MM-DDT" date in GPX/TCX text by @days. */
static void
shift_xml_dates (char *text,
                 gsize size,
                 gint  days)
{
  for (gsize i = 0; i + 11 <= size; i++)
    {
      char *p = text + i;
      guint y, m, d;
      g_autoptr(GDate) date = NULL;
      char buf[11];

      if (!(g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
            && g_ascii_isdigit (p[3]) && p[4] == '-' && g_ascii_isdigit (p[5])
            && g_ascii_isdigit (p[6]) && p[7] == '-' && g_ascii_isdigit (p[8])
            && g_ascii_isdigit (p[9]) && p[10] == 'T'))
        continue;

      y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      m = (p[5] - '0') * 10 + (p[6] - '0');
      d = (p[8] - '0') * 10 + (p[9] - '0');
      if (!g_date_valid_dmy (d, m, y))
        continue;

      date = g_date_new_dmy (d, m, y);
      if (days < 0)
        g_date_subtract_days (date, -days);
      else
        g_date_add_days (date, days);
      g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", g_date_get_year (date),
                  g_date_get_month (date), g_date_get_day (date));
      memcpy (p, buf, 10);
      i += 10;
    }
}

static guint16
fit_crc (const guint8 *bytes,
         gsize         len)
{
  static const guint16 table[16] = {
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
  };
  guint16 crc = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint16 tmp = table[crc & 0xF];

      crc = (crc >> 4) & 0x0FFF;
      crc = crc ^ tmp ^ table[bytes[i] & 0xF];
      tmp = table[crc & 0xF];
      crc = (crc >> 4) & 0x0FFF;
      crc = crc ^ tmp ^ table[(bytes[i] >> 4) & 0xF];
    }

  return crc;
}

/* The date_time fields we move: timestamp (253) everywhere, file_id
 * time_created, session and lap start_time, activity local_timestamp. */
static gboolean
is_time_field (guint global,
               guint num)
{
  return num == 253 || (global == 0 && num == 4) || ((global == 18 || global == 19) && num == 2)
         || (global == 34 && num == 5);
}

/* Moves the times of a FIT file (every part of a chain) by @seconds, a
 * multiple of 32 so that compressed-timestamp headers, which carry the low
 * five bits, stay right; recomputes the CRCs. FALSE when the file cannot
 * be walked. */
static gboolean
shift_fit_times (guint8 *d,
                 gsize   size,
                 gint64  seconds)
{
  gsize offset = 0;

  g_assert (seconds % 32 == 0);

  while (offset + 12 <= size && memcmp (d + offset + 8, ".FIT", 4) == 0)
    {
      struct { gboolean defined, big; guint global, n, size; guint8 nums[255], sizes[255]; } defs[16];
      gsize header = d[offset];
      gsize end = offset + header + ((gsize) d[offset + 4] | (gsize) d[offset + 5] << 8
                                     | (gsize) d[offset + 6] << 16 | (gsize) d[offset + 7] << 24);
      gsize p = offset + header;
      guint16 crc;

      if (end + 2 > size)
        return FALSE;
      memset (defs, 0, sizeof defs);

      while (p < end)
        {
          guint8 h = d[p++];

          if (h & 0x80)
            {
              guint lt = (h >> 5) & 3;

              if (!defs[lt].defined)
                return FALSE;
              p += defs[lt].size;
            }
          else if (h & 0x40)
            {
              guint lt = h & 0xF;

              if (p + 5 > end)
                return FALSE;
              defs[lt].defined = TRUE;
              defs[lt].big = d[p + 1] == 1;
              defs[lt].global = defs[lt].big ? (d[p + 2] << 8 | d[p + 3]) : (d[p + 2] | d[p + 3] << 8);
              defs[lt].n = d[p + 4];
              defs[lt].size = 0;
              p += 5;
              for (guint f = 0; f < defs[lt].n; f++, p += 3)
                {
                  if (p + 3 > end)
                    return FALSE;
                  defs[lt].nums[f] = d[p];
                  defs[lt].sizes[f] = d[p + 1];
                  defs[lt].size += d[p + 1];
                }
              if (h & 0x20)
                {
                  guint n_dev = p < end ? d[p++] : 0;

                  for (guint f = 0; f < n_dev; f++, p += 3)
                    {
                      if (p + 3 > end)
                        return FALSE;
                      /* Developer fields are skipped: a size only. */
                      defs[lt].nums[defs[lt].n] = 0xFF;
                      defs[lt].sizes[defs[lt].n] = d[p + 1];
                      defs[lt].size += d[p + 1];
                      defs[lt].n++;
                    }
                }
            }
          else
            {
              guint lt = h & 0xF;
              gsize q = p;

              if (!defs[lt].defined || p + defs[lt].size > end)
                return FALSE;
              for (guint f = 0; f < defs[lt].n; f++)
                {
                  if (defs[lt].sizes[f] == 4 && defs[lt].nums[f] != 0xFF
                      && is_time_field (defs[lt].global, defs[lt].nums[f]))
                    {
                      guint8 *v = d + q;
                      guint32 t = defs[lt].big
                                  ? (guint32) v[0] << 24 | v[1] << 16 | v[2] << 8 | v[3]
                                  : (guint32) v[0] | v[1] << 8 | v[2] << 16 | (guint32) v[3] << 24;

                      /* Not "invalid", not seconds since power-on. */
                      if (t != 0xFFFFFFFF && t >= 0x10000000)
                        {
                          t = (guint32) ((gint64) t + seconds);
                          if (defs[lt].big)
                            v[0] = t >> 24, v[1] = t >> 16, v[2] = t >> 8, v[3] = t;
                          else
                            v[0] = t, v[1] = t >> 8, v[2] = t >> 16, v[3] = t >> 24;
                        }
                    }
                  q += defs[lt].sizes[f];
                }
              p += defs[lt].size;
            }
        }
      if (p != end)
        return FALSE;

      crc = fit_crc (d + offset, end - offset);
      d[end] = crc & 0xFF;
      d[end + 1] = crc >> 8;
      offset = end + 2;
    }

  return offset > 0;
}

/* A copy of @file with every time moved back by @days; NULL if it cannot
 * be done. */
static GBytes *
shifted_copy (const BenchFile    *file,
              StrideImportFormat  format,
              gint                days)
{
  gsize size = g_bytes_get_size (file->bytes);
  guint8 *copy = g_memdup2 (g_bytes_get_data (file->bytes, NULL), size);

  if (format == STRIDE_IMPORT_FORMAT_FIT)
    {
      if (!shift_fit_times (copy, size, (gint64) days * 86400))
        {
          g_free (copy);
          return NULL;
        }
    }
  else
    {
      shift_xml_dates ((char *) copy, size, days);
    }

  return g_bytes_new_take (copy, size);
}

typedef struct
{
  const BenchFile    *file;
  StrideImportFormat  format;
  const char         *extension;
} Template;

/* Files that make a good activity to copy: a real track of some length,
 * and whose copy shifted by ten years reads back the same. */
static void
add_templates (GArray       *templates,
               const Format *format,
               GPtrArray    *files)
{
  for (guint i = 0; i < files->len; i++)
    {
      const BenchFile *file = g_ptr_array_index (files, i);
      g_autoptr(GBytes) shifted = NULL;
      g_autoptr(GPtrArray) activities = NULL;
      Template t = { file, format->format, format->extension };

      if (file->n_points < 300)
        continue;
      shifted = shifted_copy (file, format->format, -TEN_YEAR_DAYS);
      if (shifted == NULL)
        continue;
      activities = stride_import_parse_bytes (shifted, format->format, NULL, NULL);
      if (activities == NULL || activities->len != file->n_activities
          || count_points (activities) != file->n_points)
        continue;
      for (guint a = 0; a < activities->len; a++)
        {
          const StrideActivity *activity = &((StrideParsedActivity *) g_ptr_array_index (activities, a))->activity;

          /* Still in this century after the move. */
          if (activity->start_utc < 978307200)
            goto next;
        }
      g_array_append_val (templates, t);
    next:
      ;
    }
}

typedef struct
{
  guint n_files, n_imported, n_duplicate, n_other;
  guint n_activities;
} TenYearCount;

static void
count_result (GFile                    *file,
              const StrideImportResult *result,
              gpointer                  user_data)
{
  TenYearCount *count = user_data;

  count->n_files++;
  count->n_activities += result->n_activities;
  if (result->status == STRIDE_IMPORT_STATUS_IMPORTED)
    count->n_imported++;
  else if (result->status == STRIDE_IMPORT_STATUS_DUPLICATE)
    count->n_duplicate++;
  else
    count->n_other++;
}

static void
bench_ten_years (GArray *templates)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("stride-bench-import-XXXXXX", &error);
  g_autofree char *export_dir = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(StrideStore) store = NULL;
  g_autoptr(GFile) folder = NULL;
  TenYearCount count = { 0, };
  gsize bytes = 0;
  gint64 started;
  double import_s, cat_s;

  if (dir == NULL || templates->len == 0)
    {
      g_print ("# import-10y: not run: %s\n", error != NULL ? error->message : "no template files");
      return;
    }
  export_dir = g_build_filename (dir, "activities", NULL);
  g_mkdir (export_dir, 0700);

  /* One activity every day and a half, ten years back, the templates in
   * turn; Strava names the files by activity id. */
  for (guint i = 0; i < ten_year_files; i++)
    {
      const Template *t = &g_array_index (templates, Template, i % templates->len);
      gint days = -(gint) ((gint64) i * TEN_YEAR_DAYS / ten_year_files);
      g_autoptr(GBytes) shifted = shifted_copy (t->file, t->format, days);
      g_autofree char *name = g_strdup_printf ("%u%s", 1000000000u + i * 7919u, t->extension);
      char *path = g_build_filename (export_dir, name, NULL);

      if (shifted == NULL
          || !g_file_set_contents (path, g_bytes_get_data (shifted, NULL),
                                   g_bytes_get_size (shifted), &error))
        {
          g_print ("# import-10y: not run: could not write %s: %s\n", path,
                   error != NULL ? error->message : "");
          g_free (path);
          goto out;
        }
      bytes += g_bytes_get_size (shifted);
      g_ptr_array_add (paths, path);
    }

  journal = g_build_filename (dir, "journal.db", NULL);
  folder = g_file_new_for_path (export_dir);

  /* Creating the journal belongs to importing into an empty one. */
  started = g_get_monotonic_time ();
  store = stride_store_open (journal, &error);
  if (store == NULL || !stride_import_path (store, folder, count_result, &count, NULL, &error))
    {
      g_print ("# import-10y: failed: %s\n", error != NULL ? error->message : "?");
      goto out;
    }
  g_clear_object (&store);
  import_s = (g_get_monotonic_time () - started) / 1e6;

  {
    g_autoptr(GPtrArray) argv = g_ptr_array_new ();

    g_ptr_array_add (argv, (gpointer) "cat");
    for (guint i = 0; i < paths->len; i++)
      g_ptr_array_add (argv, g_ptr_array_index (paths, i));
    g_ptr_array_add (argv, NULL);
    cat_s = time_command ((char **) argv->pdata, NULL, NULL);
  }

  {
    GStatBuf st;

    g_print ("# import-10y: %u files (%u templates, %.0f MB) over %d days: %u imported "
             "(%u activities), %u duplicates, %u other; journal %.0f MB; %.2f s, cat %.3f s\n",
             count.n_files, templates->len, bytes / 1e6, TEN_YEAR_DAYS, count.n_imported,
             count.n_activities, count.n_duplicate, count.n_other,
             g_stat (journal, &st) == 0 ? st.st_size / 1e6 : 0.0, import_s, cat_s);
  }
  print_bench ("import-10y", import_s, "s", TEN_YEAR_BUDGET_S, "1");
  print_bench ("import-10y-cat", import_s, "s", cat_s, "none");

out:
  g_clear_object (&store);
  for (guint i = 0; i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
  g_rmdir (export_dir);
  if (journal != NULL)
    {
      const char * const suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *path = g_strconcat (journal, suffixes[i], NULL);

          g_unlink (path);
        }
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) templates = g_array_new (FALSE, FALSE, sizeof (Template));
  GPtrArray *files[G_N_ELEMENTS (formats)];
  const GOptionEntry entries[] = {
    { "scripts", 0, 0, G_OPTION_ARG_FILENAME, &scripts_dir, "Folder of the reference scripts", "DIR" },
    { "npm-cache", 0, 0, G_OPTION_ARG_FILENAME, &npm_cache, "Where npm packages are installed", "DIR" },
    { NULL }
  };

  context = g_option_context_new ("— import throughput benchmark");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (scripts_dir == NULL)
    scripts_dir = g_path_get_dirname (__FILE__);
  if (npm_cache == NULL)
    npm_cache = g_build_filename (g_get_user_cache_dir (), "stridestrong-bench-npm", NULL);
  if (g_strcmp0 (g_getenv ("STRIDE_BENCH_QUICK"), "1") == 0)
    {
      bench_bytes /= QUICK_DIVISOR;
      ten_year_files /= QUICK_DIVISOR;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      files[i] = load_files (&formats[i]);
      bench_format (&formats[i], files[i]);
      add_templates (templates, &formats[i], files[i]);
    }

  bench_ten_years (templates);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    g_ptr_array_unref (files[i]);
  g_free (scripts_dir);
  g_free (npm_cache);

  return 0;
}
