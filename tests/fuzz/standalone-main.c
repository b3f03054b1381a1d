/* standalone-main.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs a fuzz target without libFuzzer, so that every build (gcc, the
 * sanitizer build in CI) exercises the parsers with broken input: each seed
 * file once as it is, then a fixed number of deterministic random mutations
 * of the smaller seeds (bit flips, interesting bytes, truncations,
 * insertions, deletions, duplicated chunks, splices of two seeds).
 *
 *   fuzz-X-standalone [--iterations N] [--seed S] [--max-size BYTES] SOURCE...
 *
 * A SOURCE is a file, a folder (every file in it), or FOLDER:SUFFIX[,SUFFIX…]
 * (the files in it whose names end with one of the suffixes, in any case).
 * The same seed gives the same inputs, so a failure reproduces; when the
 * target crashes or fails an assertion, the input is written to
 * fuzz-crash-NAME.bin in the current folder (the test's build folder) and
 * its iteration is printed. Pass that file as the only SOURCE (with
 * --iterations 0) to replay it, or to the libFuzzer build of the target. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>

#include "fuzz-target.h"

#define DEFAULT_ITERATIONS 3000
#define DEFAULT_SEED       20260405
#define DEFAULT_MAX_SIZE   (64 * 1024)
#define MAX_MUTATIONS      4

typedef struct
{
  char   *path;
  GBytes *bytes;
} Seed;

/* What the crash handlers write out: set before every call of the target,
 * read from a signal handler, so plain pointers and prebuilt text only. */
static const guint8 *current_data;
static gsize         current_size;
static char         *crash_path;
static char         *current_label;

static void
write_all (int          fd,
           const void  *data,
           gsize        size)
{
  const char *p = data;

  while (size > 0)
    {
      ssize_t n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      p += n;
      size -= (gsize) n;
    }
}

/* Async-signal-safe: open, write and close only. (GLib's fatal criticals
 * raise SIGTRAP, g_assert() aborts.) */
static void
save_current_input (void)
{
  int fd;

  if (crash_path == NULL || current_label == NULL)
    return;

  fd = open (crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0)
    {
      write_all (fd, current_data, current_size);
      close (fd);
    }
  write_all (STDERR_FILENO, current_label, strlen (current_label));
}

static void
on_fatal_signal (int signum)
{
  save_current_input ();
  signal (signum, SIG_DFL);
  raise (signum);
}

/* AddressSanitizer and UBSan end the process with _exit() after their
 * report unless told to abort: their death callback still runs. */
extern void __sanitizer_set_death_callback (void (*callback) (void)) __attribute__ ((weak));

static void
install_crash_handlers (const char *name)
{
  g_autofree char *file = g_strdup_printf ("fuzz-crash-%s.bin", name);
  g_autofree char *cwd = g_get_current_dir ();
  const int signals[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP };

  crash_path = g_build_filename (cwd, file, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    signal (signals[i], on_fatal_signal);
  if (__sanitizer_set_death_callback != NULL)
    __sanitizer_set_death_callback (save_current_input);
}

static void
run_one (const guint8 *data,
         gsize         size,
         char         *label)
{
  g_free (current_label);
  current_label = label;
  current_data = data;
  current_size = size;
  LLVMFuzzerTestOneInput (data, size);
}

static gboolean
has_suffix (const char         *name,
            const char * const *suffixes)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (suffixes == NULL)
    return TRUE;
  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *suffix = g_ascii_strdown (suffixes[i], -1);

      if (*suffix != '\0' && g_str_has_suffix (lower, suffix))
        return TRUE;
    }

  return FALSE;
}

static void
seed_free (Seed *seed)
{
  g_free (seed->path);
  g_bytes_unref (seed->bytes);
  g_free (seed);
}

static gboolean
add_file (GPtrArray   *seeds,
          const char  *path,
          GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  Seed *seed;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  seed = g_new0 (Seed, 1);
  seed->path = g_strdup (path);
  seed->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_ptr_array_add (seeds, seed);

  return TRUE;
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
add_source (GPtrArray   *seeds,
            const char  *source,
            GError     **error)
{
  g_auto(GStrv) suffixes = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *colon = strrchr (source, ':');
  const char *name;

  if (g_file_test (source, G_FILE_TEST_IS_REGULAR))
    return add_file (seeds, source, error);

  if (colon != NULL)
    {
      folder = g_strndup (source, colon - source);
      suffixes = g_strsplit (colon + 1, ",", -1);
    }
  else
    {
      folder = g_strdup (source);
    }

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return FALSE;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && has_suffix (name, (const char * const *) suffixes))
        g_ptr_array_add (names, g_steal_pointer (&path));
    }
  /* Directory order differs between file systems; the mutations must not. */
  g_ptr_array_sort (names, compare_paths);

  if (names->len == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "No seed files in %s", source);
      return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      if (!add_file (seeds, g_ptr_array_index (names, i), error))
        return FALSE;
    }

  return TRUE;
}

static const guint8 interesting[] = {
  0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF, '<', '>', '/', '"', '&', ',', ';', ':', '\r', '\n', '.',
  '-', '0', '9', 'T', 'Z',
};

static void
insert_bytes (GByteArray   *buf,
              guint         at,
              const guint8 *bytes,
              guint         n)
{
  guint len = buf->len;

  g_byte_array_set_size (buf, len + n);
  memmove (buf->data + at + n, buf->data + at, len - at);
  memcpy (buf->data + at, bytes, n);
}

/* Applies one random change to @buf. */
static void
mutate_once (GByteArray *buf,
             GPtrArray  *seeds,
             GRand      *rand)
{
  guint len = buf->len;
  guint pos = len > 0 ? g_rand_int_range (rand, 0, len) : 0;

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:                            /* flip a bit */
      if (len > 0)
        buf->data[pos] ^= 1u << g_rand_int_range (rand, 0, 8);
      break;

    case 1:                            /* an interesting byte */
      if (len > 0)
        buf->data[pos] = interesting[g_rand_int_range (rand, 0, G_N_ELEMENTS (interesting))];
      break;

    case 2:                            /* truncate */
      g_byte_array_set_size (buf, pos);
      break;

    case 3:                            /* insert random bytes */
      {
        guint n = g_rand_int_range (rand, 1, 17);
        guint8 bytes[16];

        for (guint i = 0; i < n; i++)
          bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
        insert_bytes (buf, pos, bytes, n);
      }
      break;

    case 4:                            /* delete a chunk */
      if (len > 0)
        {
          guint n = g_rand_int_range (rand, 1, 257);

          g_byte_array_remove_range (buf, pos, MIN (len - pos, n));
        }
      break;

    case 5:                            /* duplicate a chunk in place */
      if (len > 0)
        {
          guint n = g_rand_int_range (rand, 1, 257);
          g_autofree guint8 *chunk = NULL;

          n = MIN (len - pos, n);
          chunk = g_memdup2 (buf->data + pos, n);

          insert_bytes (buf, g_rand_int_range (rand, 0, len + 1), chunk, n);
        }
      break;

    case 6:                            /* splice: our head, another seed's tail */
    default:
      {
        const Seed *other = g_ptr_array_index (seeds, g_rand_int_range (rand, 0, seeds->len));
        gsize other_size;
        const guint8 *other_data = g_bytes_get_data (other->bytes, &other_size);
        gsize from = other_size > 0 ? (gsize) g_rand_int_range (rand, 0, MIN (other_size, G_MAXINT32)) : 0;
        gsize n = MIN (other_size - from, 64 * 1024);

        g_byte_array_set_size (buf, pos);
        if (n > 0)
          g_byte_array_append (buf, other_data + from, n);
      }
      break;
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) seed_free);
  g_autoptr(GPtrArray) small = g_ptr_array_new ();
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *name = NULL;
  gint iterations = DEFAULT_ITERATIONS;
  gint64 seed = DEFAULT_SEED;
  gint max_size = DEFAULT_MAX_SIZE;
  gsize total_bytes = 0;
  gint64 started;
  const GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations, "Mutated inputs to run", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the mutations", "S" },
    { "max-size", 0, 0, G_OPTION_ARG_INT, &max_size, "Mutate only seeds up to this size", "BYTES" },
    { NULL }
  };

  context = g_option_context_new ("SOURCE… — run a fuzz target over seeds and their mutations");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      fprintf (stderr, "%s\n", error != NULL ? error->message : "No SOURCE given");
      return 2;
    }

  name = g_path_get_basename (argv[0]);
  install_crash_handlers (name);
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      if (!add_source (seeds, argv[i], &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 2;
        }
    }

  started = g_get_monotonic_time ();
  run_one ((const guint8 *) "", 0, g_strdup ("fuzz: crashed on the empty input\n"));
  for (guint i = 0; i < seeds->len; i++)
    {
      const Seed *s = g_ptr_array_index (seeds, i);
      gsize size;
      const guint8 *data = g_bytes_get_data (s->bytes, &size);

      run_one (data, size, g_strdup_printf ("fuzz: crashed on seed %s\n", s->path));
      total_bytes += size;
      if (size <= (gsize) max_size)
        g_ptr_array_add (small, (gpointer) s);
    }
  printf ("%s: %u seed files (%lu bytes) ran clean\n", name, seeds->len, (gulong) total_bytes);

  /* Without any small seed, mutate the beginnings of the large ones. */
  if (small->len == 0)
    for (guint i = 0; i < seeds->len; i++)
      g_ptr_array_add (small, g_ptr_array_index (seeds, i));

  rand = g_rand_new_with_seed ((guint32) seed);
  for (gint i = 0; i < iterations; i++)
    {
      const Seed *s = g_ptr_array_index (small, g_rand_int_range (rand, 0, small->len));
      g_autoptr(GByteArray) buf = g_byte_array_new ();
      gsize size;
      const guint8 *data = g_bytes_get_data (s->bytes, &size);
      gint n = g_rand_int_range (rand, 1, MAX_MUTATIONS + 1);

      g_byte_array_append (buf, data, MIN (size, (gsize) max_size));
      for (gint m = 0; m < n; m++)
        mutate_once (buf, seeds, rand);

      run_one (buf->data, buf->len,
               g_strdup_printf ("fuzz: crashed on mutation %d of %s (seed %" G_GINT64_FORMAT
                                "); input saved to %s\n", i, s->path, seed, crash_path));
    }

  printf ("%s: %d mutations (seed %" G_GINT64_FORMAT ") ran clean in %.1f s\n",
          name, iterations, seed, (g_get_monotonic_time () - started) / 1e6);

  g_clear_pointer (&current_label, g_free);
  g_clear_pointer (&crash_path, g_free);

  return 0;
}
