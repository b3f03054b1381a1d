/* stride-fit.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-fit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "stride-fit.h"

/* A FIT file is a header, a stream of records and a CRC-16; several such
 * files may follow each other ("chained"). Each record is a definition
 * message, which says how the data messages of one local message type
 * (0..15) are laid out, or a data message. Everything is bounds-checked
 * against the buffer: the input is untrusted. */

#define FIT_HEADER_MIN        12
#define FIT_N_LOCAL_TYPES     16
#define FIT_MAX_FIELDS        255    /* the field count is one byte */
/* FIT date_time values below this are seconds since the device was
 * switched on, not since the FIT epoch. */
#define FIT_MIN_ABSOLUTE_TIME 0x10000000u
/* Records and laps this close outside a session still belong to it:
 * devices log the first sample a little before the session starts. */
#define FIT_SESSION_SLACK_S   60.0
/* Checking for cancellation this often keeps it cheap. */
#define FIT_CANCEL_EVERY      8192

enum
{
  MESG_FILE_ID  = 0,
  MESG_SPORT    = 12,
  MESG_SESSION  = 18,
  MESG_LAP      = 19,
  MESG_RECORD   = 20,
  MESG_ACTIVITY = 34,
  MESG_SET      = 225,
};

#define FIELD_TIMESTAMP 253

enum
{
  FILE_TYPE_ACTIVITY = 4,
};

enum
{
  FIT_SPORT_GENERIC           = 0,
  FIT_SPORT_RUNNING           = 1,
  FIT_SPORT_CYCLING           = 2,
  FIT_SPORT_TRANSITION        = 3,
  FIT_SPORT_FITNESS_EQUIPMENT = 4,
  FIT_SPORT_SWIMMING          = 5,
  FIT_SPORT_TRAINING          = 10,
  FIT_SPORT_WALKING           = 11,
  FIT_SPORT_HIKING            = 17,
  FIT_SUB_SPORT_STRENGTH      = 20,
};

typedef struct
{
  guint16 offset;                    /* in the data message */
  guint8  num;
  guint8  size;
  guint8  base_type;
} FitField;

/* Only the fields some handler reads are kept (in file order), so a data
 * message decodes just those: most of a record's fields are not ours. */
typedef struct
{
  gboolean  defined;
  gboolean  big_endian;
  guint16   global;
  guint     n_fields;                /* kept */
  guint     data_size;               /* of all the fields */
  guint     dev_size;                /* of the developer fields we skip */
  FitField  fields[FIT_MAX_FIELDS];
} FitDefinition;

/* The fields of one data message, as raw numbers before scale and offset. */
typedef struct
{
  guint16       global;
  guint32       present[256 / 32];
  double        value[256];
  const guint8 *speed_distance;      /* record field 8, 3 bytes, or NULL */
} FitMessage;

typedef struct
{
  double start;                      /* FIT seconds, NAN = none */
  double elapsed_s;
  double timer_s;
  double distance_m;
  gint   avg_hr;
  gint   sport;                      /* -1 = none */
  gint   sub_sport;
} FitSession;

typedef struct
{
  double start;                      /* FIT seconds, NAN = none */
  double elapsed_s;
  double distance_m;
  gint   avg_hr;
} FitLap;

typedef struct
{
  const guint8  *data;
  gsize          size;
  GCancellable  *cancellable;

  FitDefinition *defs;               /* FIT_N_LOCAL_TYPES */
  guint32        last_timestamp;
  gboolean       has_timestamp;
  gint           part_type;          /* file_id type of this part, -1 = none yet */
  guint          n_parts;
  guint          n_messages;

  /* Collected from the activity parts; times still in FIT seconds. */
  GArray        *sessions;           /* FitSession */
  GArray        *laps;               /* FitLap */
  GArray        *raw;                /* StrideRawPoint */
  gint           sport;              /* from the sport message, -1 = none */
  gint           sub_sport;
  double         activity_time;      /* activity message, NAN = none */
  double         activity_local;
  guint          n_sets;
  guint          n_activity_parts;
  gint           first_type;         /* of the first part that has one */
  GString       *other_parts;        /* kinds of chained non-activity parts */

  /* Compressed speed/distance accumulates a 12-bit rolling distance. */
  double         csd_distance;
  guint          csd_last;
  gboolean       has_csd;
} FitParser;

/* The FIT CRC-16 (the protocol document computes it four bits at a time
 * with a 16-entry table; this is the same CRC, CRC-16/ARC). Every byte of
 * every file goes through it, so it works four bytes at a time
 * ("slicing"), with tables built once from the protocol's polynomial. */
static guint16 crc_tables[4][256];

static gpointer
init_crc_tables (gpointer data)
{
  for (guint i = 0; i < 256; i++)
    {
      guint16 crc = (guint16) i;

      for (guint bit = 0; bit < 8; bit++)
        crc = (crc & 1) ? (guint16) ((crc >> 1) ^ 0xA001) : (guint16) (crc >> 1);
      crc_tables[0][i] = crc;
    }
  for (guint k = 1; k < 4; k++)
    for (guint i = 0; i < 256; i++)
      crc_tables[k][i] = (guint16) ((crc_tables[k - 1][i] >> 8)
                                    ^ crc_tables[0][crc_tables[k - 1][i] & 0xFF]);

  return NULL;
}

static guint16
fit_crc (guint16       crc,
         const guint8 *bytes,
         gsize         len)
{
  static GOnce once = G_ONCE_INIT;
  const guint16 *t0 = crc_tables[0], *t1 = crc_tables[1];
  const guint16 *t2 = crc_tables[2], *t3 = crc_tables[3];
  gsize i = 0;

  g_once (&once, init_crc_tables, NULL);

  for (; i + 4 <= len; i += 4)
    {
      guint c0 = (crc ^ bytes[i]) & 0xFF;
      guint c1 = ((crc >> 8) ^ bytes[i + 1]) & 0xFF;

      crc = t3[c0] ^ t2[c1] ^ t1[bytes[i + 2]] ^ t0[bytes[i + 3]];
    }
  for (; i < len; i++)
    crc = (guint16) ((crc >> 8) ^ t0[(crc ^ bytes[i]) & 0xFF]);

  return crc;
}

static guint32
read_le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

/* Reads the first element of a field. Returns FALSE for the base type's
 * invalid value (the protocol's "no value"), for strings, and for fields too
 * short for their type (some writers get sizes wrong). */
static gboolean
read_value (const guint8 *p,
            guint         size,
            guint8        base_type,
            gboolean      big_endian,
            double       *out)
{
  static const struct {
    guint8   size;
    gboolean is_signed;
    gboolean is_float;
    guint64  invalid;
  } types[17] = {
    [0]  = { 1, FALSE, FALSE, 0xFF },                  /* enum */
    [1]  = { 1, TRUE,  FALSE, 0x7F },                  /* sint8 */
    [2]  = { 1, FALSE, FALSE, 0xFF },                  /* uint8 */
    [3]  = { 2, TRUE,  FALSE, 0x7FFF },                /* sint16 */
    [4]  = { 2, FALSE, FALSE, 0xFFFF },                /* uint16 */
    [5]  = { 4, TRUE,  FALSE, 0x7FFFFFFF },            /* sint32 */
    [6]  = { 4, FALSE, FALSE, 0xFFFFFFFF },            /* uint32 */
    [7]  = { 0, FALSE, FALSE, 0 },                     /* string */
    [8]  = { 4, FALSE, TRUE,  0xFFFFFFFF },            /* float32 */
    [9]  = { 8, FALSE, TRUE,  G_MAXUINT64 },           /* float64 */
    [10] = { 1, FALSE, FALSE, 0 },                     /* uint8z */
    [11] = { 2, FALSE, FALSE, 0 },                     /* uint16z */
    [12] = { 4, FALSE, FALSE, 0 },                     /* uint32z */
    [13] = { 1, FALSE, FALSE, 0xFF },                  /* byte */
    [14] = { 8, TRUE,  FALSE, G_MAXINT64 },            /* sint64 */
    [15] = { 8, FALSE, FALSE, G_MAXUINT64 },           /* uint64 */
    [16] = { 8, FALSE, FALSE, 0 },                     /* uint64z */
  };
  guint index = base_type & 0x1F;
  guint n;
  guint64 bits = 0;

  if (index >= G_N_ELEMENTS (types) || types[index].size == 0)
    return FALSE;

  n = types[index].size;
  if (size < n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    bits |= (guint64) p[big_endian ? i : n - 1 - i] << (8 * (n - 1 - i));

  if (bits == types[index].invalid)
    return FALSE;

  if (types[index].is_float)
    {
      if (n == 4)
        {
          guint32 b32 = (guint32) bits;
          float f;

          memcpy (&f, &b32, sizeof f);
          *out = f;
        }
      else
        {
          memcpy (out, &bits, sizeof *out);
        }
      return isfinite (*out);
    }

  if (types[index].is_signed)
    {
      guint shift = 64 - 8 * n;

      /* Sign-extend through the top bits, without relying on
       * implementation-defined right shifts of negative numbers. */
      if (bits & ((guint64) 1 << (8 * n - 1)))
        *out = -(double) ((~(bits << shift) >> shift) + 1);
      else
        *out = (double) bits;
      return TRUE;
    }

  *out = (double) bits;
  return TRUE;
}

static gboolean
has_field (const FitMessage *m,
           guint             num)
{
  return (m->present[num / 32] >> (num % 32)) & 1;
}

static double
field (const FitMessage *m,
       guint             num)
{
  return has_field (m, num) ? m->value[num] : NAN;
}

static gint
field_int (const FitMessage *m,
           guint             num,
           gint              none)
{
  double v = m->value[num];

  /* A field may claim any base type: keep the cast defined. */
  if (!has_field (m, num) || !(v >= G_MININT && v <= G_MAXINT))
    return none;
  return (gint) v;
}

/* @value scaled, or NAN. */
static double
scaled (const FitMessage *m,
        guint             num,
        double            scale,
        double            offset)
{
  return has_field (m, num) ? m->value[num] / scale - offset : NAN;
}

static const char *
file_type_name (gint type)
{
  switch (type)
    {
    case 1: return _("a device description file");
    case 2: return _("a settings file");
    case 3: return _("a sport settings file");
    case 5: return _("a workout file");
    case 6: return _("a course file");
    case 7: return _("a schedules file");
    case 9: return _("a weight scale file");
    case 10: return _("a totals file");
    case 11: return _("a goals file");
    case 14: return _("a blood pressure file");
    case 15: case 28: case 32: return _("a monitoring file");
    case 20: return _("an activity summary file");
    case 34: case 35: return _("a segment file");
    case 40: return _("a data field configuration file");
    default: return _("a FIT file of another kind");
    }
}

static gboolean
set_malformed (GError     **error,
               const char  *format,
               ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_malformed (GError     **error,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED, "");
  if (error != NULL && *error != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup_vprintf (format, args);
    }
  va_end (args);

  return FALSE;
}

/* --- Messages we use ---------------------------------------------------- */

static void
handle_record (FitParser        *self,
               const FitMessage *m)
{
  StrideRawPoint p = STRIDE_RAW_POINT_INIT;
  const double semicircle = 180.0 / 2147483648.0;
  double alt;

  p.time = field (m, FIELD_TIMESTAMP);
  p.lat = field (m, 0) * semicircle;
  p.lon = field (m, 1) * semicircle;
  if (isnan (p.lat) || isnan (p.lon) || fabs (p.lat) > 90 || fabs (p.lon) > 180)
    p.lat = p.lon = NAN;

  alt = scaled (m, 78, 5, 500);      /* enhanced_altitude */
  p.elevation_m = isnan (alt) ? scaled (m, 2, 5, 500) : alt;
  p.distance_m = scaled (m, 5, 100, 0);
  p.hr = field_int (m, 3, 0);
  p.cadence = field_int (m, 4, 0);

  if (m->speed_distance != NULL)
    {
      const guint8 *b = m->speed_distance;
      guint raw = (guint) (b[1] >> 4) | (guint) b[2] << 4;

      /* 1/16 m, rolling over at 4096: add the step since the last one. */
      if (!self->has_csd)
        self->csd_distance = raw / 16.0;
      else
        self->csd_distance += ((raw - self->csd_last) & 0xFFF) / 16.0;
      self->csd_last = raw;
      self->has_csd = TRUE;
      if (isnan (p.distance_m))
        p.distance_m = self->csd_distance;
    }

  /* Records with nothing we keep (only power, say) are not points. */
  if (isnan (p.time) && isnan (p.lat) && isnan (p.distance_m) && p.hr == 0)
    return;

  g_array_append_val (self->raw, p);
}

static void
handle_session (FitParser        *self,
                const FitMessage *m)
{
  FitSession s;

  s.start = field (m, 2);
  s.elapsed_s = scaled (m, 7, 1000, 0);
  s.timer_s = scaled (m, 8, 1000, 0);
  s.distance_m = scaled (m, 9, 100, 0);
  s.avg_hr = field_int (m, 16, 0);
  s.sport = field_int (m, 5, -1);
  s.sub_sport = field_int (m, 6, -1);

  /* Some writers leave start_time out: the timestamp is the end. */
  if (isnan (s.start) && !isnan (field (m, FIELD_TIMESTAMP)) && !isnan (s.elapsed_s))
    s.start = field (m, FIELD_TIMESTAMP) - s.elapsed_s;

  g_array_append_val (self->sessions, s);
}

static void
handle_lap (FitParser        *self,
            const FitMessage *m)
{
  FitLap lap;

  lap.start = field (m, 2);
  lap.elapsed_s = scaled (m, 7, 1000, 0);
  lap.distance_m = scaled (m, 9, 100, 0);
  lap.avg_hr = field_int (m, 15, 0);

  if (isnan (lap.start) && !isnan (field (m, FIELD_TIMESTAMP)) && !isnan (lap.elapsed_s))
    lap.start = field (m, FIELD_TIMESTAMP) - lap.elapsed_s;

  g_array_append_val (self->laps, lap);
}

static void
handle_message (FitParser        *self,
                const FitMessage *m)
{
  if (m->global == MESG_FILE_ID)
    {
      self->part_type = field_int (m, 0, -1);
      if (self->first_type < 0)
        self->first_type = self->part_type;
      if (self->part_type == FILE_TYPE_ACTIVITY)
        self->n_activity_parts++;
      else
        g_string_append_printf (self->other_parts, "%s%s", self->other_parts->len > 0 ? ", " : "",
                                file_type_name (self->part_type));
      return;
    }

  /* Only activity parts count; a part without file_id continues the last. */
  if (self->part_type != FILE_TYPE_ACTIVITY)
    return;

  switch (m->global)
    {
    case MESG_RECORD:
      handle_record (self, m);
      break;
    case MESG_SESSION:
      handle_session (self, m);
      break;
    case MESG_LAP:
      handle_lap (self, m);
      break;
    case MESG_SPORT:
      if (self->sport < 0)
        {
          self->sport = field_int (m, 0, -1);
          self->sub_sport = field_int (m, 1, -1);
        }
      break;
    case MESG_ACTIVITY:
      self->activity_time = field (m, FIELD_TIMESTAMP);
      self->activity_local = field (m, 5);
      break;
    case MESG_SET:
      /* set_type 1 = active; rests are not sets. */
      if (field_int (m, 5, 1) == 1)
        self->n_sets++;
      break;
    default:
      break;
    }
}

/* --- Records ------------------------------------------------------------ */

/* Whether a handler above reads field @num of message @global. Keep in
 * step with them: a field left out here reads as missing. The timestamp
 * of every message keeps compressed timestamps going. */
static gboolean
field_is_used (guint16 global,
               guint8  num)
{
  if (num == FIELD_TIMESTAMP)
    return TRUE;

  switch (global)
    {
    case MESG_FILE_ID:
      return num == 0;
    case MESG_RECORD:
      /* position, altitude, heart rate, cadence, distance, compressed
       * speed/distance, enhanced altitude */
      return num <= 5 || num == 8 || num == 78;
    case MESG_SESSION:
      return num == 2 || (num >= 5 && num <= 9) || num == 16;
    case MESG_LAP:
      return num == 2 || num == 7 || num == 9 || num == 15;
    case MESG_SPORT:
      return num <= 1;
    case MESG_ACTIVITY:
      return num == 5;
    case MESG_SET:
      return num == 5;
    default:
      return FALSE;
    }
}

static gboolean
read_definition (FitParser  *self,
                 guint8      header,
                 gsize      *pos,
                 gsize       end,
                 GError    **error)
{
  FitDefinition *def = &self->defs[header & 0x0F];
  const guint8 *d = self->data;
  gsize p = *pos;
  guint n_fields;

  if (end - p < 5)
    return FALSE;

  /* Byte 0 is reserved. */
  def->big_endian = d[p + 1] == 1;
  if (d[p + 1] > 1)
    return set_malformed (error, _("A definition message at byte %lu"
                                   " has an unknown architecture %u"), (gulong) (*pos - 1), d[p + 1]);
  def->global = def->big_endian ? (guint16) (d[p + 2] << 8 | d[p + 3])
                                : (guint16) (d[p + 3] << 8 | d[p + 2]);
  n_fields = d[p + 4];
  p += 5;

  if (end - p < 3 * (gsize) n_fields)
    return FALSE;

  def->n_fields = 0;
  def->data_size = 0;
  def->dev_size = 0;
  for (guint i = 0; i < n_fields; i++, p += 3)
    {
      if (field_is_used (def->global, d[p]))
        {
          FitField *f = &def->fields[def->n_fields++];

          f->offset = (guint16) def->data_size;
          f->num = d[p];
          f->size = d[p + 1];
          f->base_type = d[p + 2];
        }
      def->data_size += d[p + 1];
    }

  /* Developer fields: only their sizes matter, we skip their bytes. */
  if (header & 0x20)
    {
      guint n_dev;

      if (end - p < 1)
        return FALSE;
      n_dev = d[p++];
      if (end - p < 3 * (gsize) n_dev)
        return FALSE;
      for (guint i = 0; i < n_dev; i++, p += 3)
        def->dev_size += d[p + 1];
    }

  def->defined = TRUE;
  *pos = p;
  return TRUE;
}

static gboolean
read_data (FitParser  *self,
           guint       local_type,
           double      compressed_time,
           gsize      *pos,
           gsize       end,
           gsize       start,
           GError    **error)
{
  const FitDefinition *def = &self->defs[local_type];
  const guint8 *d = self->data;
  gsize p = *pos;
  FitMessage m;

  if (!def->defined)
    return set_malformed (error, _("A data message at byte %lu uses local "
                                   "message type %u, which has no definition"),
                          (gulong) start, local_type);

  if (end - p < (gsize) def->data_size + def->dev_size)
    return FALSE;

  m.global = def->global;
  memset (m.present, 0, sizeof m.present);
  m.speed_distance = NULL;

  for (guint i = 0; i < def->n_fields; i++)
    {
      const FitField *f = &def->fields[i];
      const guint8 *b = &d[p + f->offset];
      double v;

      if (f->num == 8 && m.global == MESG_RECORD && f->size == 3
          && !(b[0] == 0xFF && b[1] == 0xFF && b[2] == 0xFF))
        m.speed_distance = b;
      else if (read_value (b, f->size, f->base_type, def->big_endian, &v))
        {
          m.value[f->num] = v;
          m.present[f->num / 32] |= 1u << (f->num % 32);
        }
    }
  p += def->data_size + def->dev_size;

  if (has_field (&m, FIELD_TIMESTAMP))
    {
      double ts = m.value[FIELD_TIMESTAMP];

      if (ts >= 0 && ts <= G_MAXUINT32)
        {
          self->last_timestamp = (guint32) ts;
          self->has_timestamp = TRUE;
        }
    }
  else if (!isnan (compressed_time))
    {
      m.value[FIELD_TIMESTAMP] = compressed_time;
      m.present[FIELD_TIMESTAMP / 32] |= 1u << (FIELD_TIMESTAMP % 32);
    }

  handle_message (self, &m);
  *pos = p;
  return TRUE;
}

/* A compressed-timestamp header carries the low 5 bits of the time; the
 * rest comes from the last full timestamp, rolling over every 32 s. */
static double
compressed_time (FitParser *self,
                 guint8     header)
{
  guint32 offset = header & 0x1F;
  guint32 ts;

  if (!self->has_timestamp)
    return NAN;

  ts = (self->last_timestamp & ~0x1Fu) + offset;
  if (offset < (self->last_timestamp & 0x1F))
    ts += 0x20;
  self->last_timestamp = ts;

  return ts;
}

/* Decodes the records in [pos, end). @truncated: @end is where the file
 * stops, not where its header says the data ends. */
static gboolean
read_records (FitParser  *self,
              gsize       pos,
              gsize       end,
              gboolean    truncated,
              GError    **error)
{
  while (pos < end)
    {
      gsize start = pos;
      guint8 header = self->data[pos++];
      gboolean ok;

      if (++self->n_messages % FIT_CANCEL_EVERY == 0
          && g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;

      if (header & 0x80)
        ok = read_data (self, (header >> 5) & 0x03, compressed_time (self, header),
                        &pos, end, start, error);
      else if (header & 0x40)
        ok = read_definition (self, header, &pos, end, error);
      else
        ok = read_data (self, header & 0x0F, NAN, &pos, end, start, error);

      if (ok)
        continue;
      /* Internal callers always pass an error location. */
      if (*error != NULL)
        return FALSE;

      if (truncated)
        return set_malformed (error, _("The file ends in the middle of a message (byte %lu"
                                       ")"), (gulong) start);
      return set_malformed (error, _("A message at byte %lu runs past the "
                                     "end of the data its header announces"), (gulong) start);
    }

  return TRUE;
}

/* --- Files -------------------------------------------------------------- */

static gboolean
all_zero (const guint8 *bytes,
          gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (bytes[i] != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_header (FitParser  *self,
              gsize       offset,
              guint      *header_size,
              guint32    *data_size,
              GError    **error)
{
  const guint8 *h = self->data + offset;
  gsize left = self->size - offset;

  if (left < FIT_HEADER_MIN || h[0] < FIT_HEADER_MIN || memcmp (h + 8, ".FIT", 4) != 0)
    {
      if (offset == 0)
        return set_malformed (error, _("Not a FIT file: the header has no \".FIT\" signature"));
      return set_malformed (error, _("The FIT file chained at byte %lu"
                                     " has a broken header (no \".FIT\" signature)"), (gulong) offset);
    }
  if (h[0] > left)
    return set_malformed (error, _("The file ends in the middle of a FIT header (byte %lu"
                                   ")"), (gulong) offset);

  /* Protocol 1.x and 2.x; a new major version may change the layout. */
  if ((h[1] >> 4) > 2)
    return set_malformed (error, _("FIT protocol version %u.%u at byte %lu"
                                   " is not supported"), h[1] >> 4, h[1] & 0x0F, (gulong) offset);

  if (h[0] >= 14)
    {
      guint16 stored = (guint16) (h[12] | h[13] << 8);

      /* 0 means the writer did not compute one. */
      if (stored != 0 && stored != fit_crc (0, h, 12))
        return set_malformed (error, _("Wrong header CRC at byte %lu"
                                       ": the file is damaged"), (gulong) offset);
    }

  *header_size = h[0];
  *data_size = read_le32 (h + 4);
  return TRUE;
}

/* Reads one FIT file of a chain, starting at @offset; *@next is where the
 * next one would start. */
static gboolean
read_part (FitParser  *self,
           gsize       offset,
           gsize      *next,
           GError    **error)
{
  /* Set by check_header() whenever it succeeds; initialised because an
   * optimising compiler cannot see that through set_malformed(). */
  guint header_size = 0;
  guint32 data_size = 0;
  guint64 data_end;
  gsize left;

  if (!check_header (self, offset, &header_size, &data_size, error))
    return FALSE;

  /* Definitions and the timestamp do not carry over into a chained file. */
  memset (self->defs, 0, FIT_N_LOCAL_TYPES * sizeof (FitDefinition));
  self->has_timestamp = FALSE;
  self->n_parts++;

  left = self->size - offset;
  data_end = (guint64) header_size + data_size;
  if (data_end + 2 > left)
    {
      /* Decode what is there, to say where it breaks. */
      if (!read_records (self, offset + header_size, self->size, TRUE, error))
        return FALSE;
      return set_malformed (error, _("The file ends early: its header announces %u bytes "
                                     "of data, only %lu are there"),
                            data_size, (gulong) (left - header_size));
    }

  if (fit_crc (0, self->data + offset, (gsize) data_end + 2) != 0)
    {
      if (offset == 0)
        return set_malformed (error, _("Wrong file CRC: the file is damaged"));
      return set_malformed (error, _("Wrong file CRC in the FIT file chained at byte %lu"
                                     ": the file is damaged"), (gulong) offset);
    }

  if (!read_records (self, offset + header_size, offset + (gsize) data_end, FALSE, error))
    return FALSE;

  *next = offset + (gsize) data_end + 2;
  return TRUE;
}

/* --- Activities --------------------------------------------------------- */

static StrideSport
map_sport (gint sport,
           gint sub_sport)
{
  switch (sport)
    {
    case FIT_SPORT_RUNNING:
      return STRIDE_SPORT_RUN;
    case FIT_SPORT_CYCLING:
      return STRIDE_SPORT_CYCLING;
    case FIT_SPORT_WALKING:
    case FIT_SPORT_HIKING:
      return STRIDE_SPORT_WALK;
    case FIT_SPORT_SWIMMING:
      return STRIDE_SPORT_SWIM;
    case FIT_SPORT_TRAINING:
    case FIT_SPORT_FITNESS_EQUIPMENT:
      return sub_sport == FIT_SUB_SPORT_STRENGTH ? STRIDE_SPORT_STRENGTH : STRIDE_SPORT_OTHER;
    default:
      return STRIDE_SPORT_OTHER;
    }
}

/* Unix seconds of a FIT date_time, or NAN. Times since power-on (old
 * devices without a clock fix) are placed with @relative_shift, the
 * difference the activity message gives between its local time and its
 * relative time. */
static double
to_unix (double fit_time,
         double relative_shift)
{
  if (isnan (fit_time) || fit_time < 0)
    return NAN;
  if (fit_time < FIT_MIN_ABSOLUTE_TIME)
    fit_time += relative_shift;
  if (!(fit_time >= FIT_MIN_ABSOLUTE_TIME))
    return NAN;
  return fit_time + STRIDE_FIT_EPOCH_UNIX;
}

/* The session holding @t: the latest-starting one whose range (with
 * slack) holds it, or -1. @sessions are in start order. */
static gint
find_session (const FitSession *sessions,
              guint             n,
              double            t)
{
  gint slack_match = -1;

  if (n == 1 && isnan (sessions[0].start))
    return 0;
  if (isnan (t))
    return n == 1 ? 0 : -1;

  for (guint i = n; i-- > 0;)
    {
      const FitSession *s = &sessions[i];
      double end = s->start + (isnan (s->elapsed_s) ? 0 : s->elapsed_s);

      if (s->start <= t && t <= end)
        return (gint) i;
      if (s->start - FIT_SESSION_SLACK_S <= t && t <= end + FIT_SESSION_SLACK_S)
        slack_match = (gint) i;
    }

  return slack_match;
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const FitSession *sa = a;
  const FitSession *sb = b;

  /* Untimed sessions first, so the order is total. */
  if (isnan (sa->start) || isnan (sb->start))
    return !isnan (sa->start) - !isnan (sb->start);
  return (sa->start > sb->start) - (sa->start < sb->start);
}

static void
add_laps (FitParser            *self,
          StrideParsedActivity *out,
          const FitSession     *sessions,
          guint                 n_sessions,
          guint                 index,
          double                shift,
          double                exact_start)
{
  double lap_end = NAN;

  for (guint i = 0; i < self->laps->len; i++)
    {
      const FitLap *lap = &g_array_index (self->laps, FitLap, i);
      double start = to_unix (lap->start, shift);
      StrideLap out_lap = { 0, };

      if (find_session (sessions, n_sessions, start) != (gint) index)
        continue;

      if (isnan (start))
        start = isnan (lap_end) ? exact_start : lap_end;

      out_lap.lap_index = (gint) out->laps->len;
      out_lap.start_s = start - (double) out->activity.start_utc;
      out_lap.duration_s = isnan (lap->elapsed_s) ? 0 : lap->elapsed_s;
      out_lap.distance_m = isnan (lap->distance_m) ? 0 : lap->distance_m;
      out_lap.avg_hr = lap->avg_hr <= STRIDE_TRACK_MAX_HR ? lap->avg_hr : 0;
      g_array_append_val (out->laps, out_lap);
      lap_end = start + out_lap.duration_s;
    }
}

/* One activity from session @index and the points given to it. Returns
 * NULL when it is empty. */
static StrideParsedActivity *
build_activity (FitParser        *self,
                const FitSession *sessions,
                guint             n_sessions,
                guint             index,
                GArray           *raw,
                double            shift)
{
  g_autoptr(StrideParsedActivity) out = stride_parsed_activity_new ();
  const FitSession *s = &sessions[index];
  StrideActivity *a = &out->activity;
  double start = s->start;
  double exact_start;
  guint n_kept;

  n_kept = stride_track_build (out, (const StrideRawPoint *) (gpointer) raw->data, raw->len,
                               start);
  if (n_kept == 0 && isnan (start))
    return NULL;

  exact_start = n_kept > 0
                ? (double) a->start_utc + g_array_index (out->points, StrideTrackpoint, 0).time_s
                : start;
  if (!isnan (start))
    exact_start = MIN (exact_start, start);

  /* The session is the device's own summary; the records may be thinned. */
  if (!isnan (start) && !isnan (s->elapsed_s))
    a->duration_s = MAX (a->duration_s, start + s->elapsed_s - exact_start);
  if (!isnan (s->distance_m) && s->distance_m > 0)
    a->distance_m = s->distance_m;
  if (s->avg_hr > 0 && s->avg_hr <= STRIDE_TRACK_MAX_HR)
    a->avg_hr = s->avg_hr;
  if (!isnan (s->timer_s) && s->timer_s > 0)
    {
      double span = 0;

      if (n_kept >= 2)
        span = g_array_index (out->points, StrideTrackpoint, n_kept - 1).time_s
               - g_array_index (out->points, StrideTrackpoint, 0).time_s;
      if (a->moving_s <= 0 || span < a->duration_s / 2)
        a->moving_s = MIN (s->timer_s, a->duration_s);
    }
  a->moving_s = MIN (a->moving_s, a->duration_s);

  if (a->duration_s <= 0 && a->distance_m <= 0)
    return NULL;

  a->sport = map_sport (s->sport >= 0 ? s->sport : self->sport,
                        s->sport >= 0 ? s->sub_sport : self->sub_sport);

  add_laps (self, out, sessions, n_sessions, index, shift, exact_start);

  return g_steal_pointer (&out);
}

/* local_timestamp − timestamp of the activity message, to 15 minutes. */
static gint
tz_offset (FitParser *self)
{
  double offset;

  if (isnan (self->activity_time) || isnan (self->activity_local)
      || self->activity_time < FIT_MIN_ABSOLUTE_TIME
      || self->activity_local < FIT_MIN_ABSOLUTE_TIME)
    return 0;

  offset = round ((self->activity_local - self->activity_time) / 900.0) * 900.0;
  /* Real zones stay within ±14 h. */
  return fabs (offset) <= 14 * 3600 ? (gint) offset : 0;
}

/* The shift that places relative times, or NAN when the file has none. */
static double
relative_shift (FitParser *self)
{
  if (isnan (self->activity_time) || isnan (self->activity_local)
      || self->activity_time >= FIT_MIN_ABSOLUTE_TIME
      || self->activity_local < FIT_MIN_ABSOLUTE_TIME)
    return NAN;

  return self->activity_local - self->activity_time;
}

static void
add_file_notes (FitParser            *self,
                StrideParsedActivity *first,
                guint                 n_transitions,
                guint                 n_outside,
                gboolean              relative)
{
  if (relative)
    stride_parsed_activity_add_note (first, _("the device had no clock fix: times are its "
                                              "local time, taken as UTC"));
  if (n_transitions > 0)
    stride_parsed_activity_add_note (first, _("%u transition sessions left out"), n_transitions);
  if (n_outside > 0)
    stride_parsed_activity_add_note (first, _("%u records outside every session left out"),
                                     n_outside);
  if (self->n_sets > 0)
    stride_parsed_activity_add_note (first, _("%u strength sets not imported (the watch's "
                                              "exercise names do not map to the library)"),
                                     self->n_sets);
  if (self->other_parts->len > 0)
    stride_parsed_activity_add_note (first, _("chained files left out: %s"),
                                     self->other_parts->str);
}

static GPtrArray *
build_activities (FitParser  *self,
                  GError    **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) per_session = NULL;
  FitSession whole = { NAN, NAN, NAN, NAN, 0, -1, -1 };
  const FitSession *sessions;
  guint n_sessions;
  double shift = relative_shift (self);
  guint n_outside = 0;
  guint n_transitions = 0;
  gboolean relative = FALSE;

  activities = g_ptr_array_new_with_free_func ((GDestroyNotify) stride_parsed_activity_free);
  per_session = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (self->sessions->len == 0)
    g_array_append_val (self->sessions, whole);

  /* From here on, session times are Unix seconds. */
  for (guint i = 0; i < self->sessions->len; i++)
    {
      FitSession *s = &g_array_index (self->sessions, FitSession, i);

      if (!isnan (s->start) && s->start < FIT_MIN_ABSOLUTE_TIME)
        relative = TRUE;
      s->start = to_unix (s->start, shift);
    }
  g_array_sort (self->sessions, compare_sessions);
  sessions = (const FitSession *) (gpointer) self->sessions->data;
  n_sessions = self->sessions->len;

  for (guint i = 0; i < n_sessions; i++)
    g_ptr_array_add (per_session, g_array_new (FALSE, FALSE, sizeof (StrideRawPoint)));

  for (guint i = 0; i < self->raw->len; i++)
    {
      StrideRawPoint p = g_array_index (self->raw, StrideRawPoint, i);
      gint index;

      if (!isnan (p.time) && p.time < FIT_MIN_ABSOLUTE_TIME)
        relative = TRUE;
      p.time = to_unix (p.time, shift);
      index = find_session (sessions, n_sessions, p.time);
      if (index < 0)
        {
          n_outside++;
          continue;
        }
      g_array_append_val (g_ptr_array_index (per_session, index), p);
    }

  for (guint i = 0; i < n_sessions; i++)
    {
      StrideParsedActivity *activity;

      if (sessions[i].sport == FIT_SPORT_TRANSITION)
        {
          n_transitions++;
          continue;
        }
      activity = build_activity (self, sessions, n_sessions, i,
                                 g_ptr_array_index (per_session, i), shift);
      if (activity != NULL)
        g_ptr_array_add (activities, activity);
    }

  if (activities->len == 0)
    {
      if (self->raw->len > 0 || !isnan (sessions[0].start))
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NO_TIMESTAMPS,
                     _("No timestamps: the activity's records and sessions have no usable "
                       "time"));
      else
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                     _("The activity is empty: no sessions or records"));
      return NULL;
    }

  for (guint i = 0; i < activities->len; i++)
    {
      StrideParsedActivity *a = g_ptr_array_index (activities, i);

      a->activity.tz_offset_s = relative ? 0 : tz_offset (self);
    }
  add_file_notes (self, g_ptr_array_index (activities, 0), n_transitions, n_outside,
                  relative && !isnan (shift));

  return g_steal_pointer (&activities);
}

static void
fit_parser_clear (FitParser *self)
{
  g_clear_pointer (&self->defs, g_free);
  g_clear_pointer (&self->sessions, g_array_unref);
  g_clear_pointer (&self->laps, g_array_unref);
  g_clear_pointer (&self->raw, g_array_unref);
  if (self->other_parts != NULL)
    g_string_free (g_steal_pointer (&self->other_parts), TRUE);
}

GPtrArray *
stride_fit_parse (GBytes        *data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  FitParser self = { 0, };
  GPtrArray *result = NULL;
  gsize offset = 0;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self.data = g_bytes_get_data (data, &self.size);
  self.cancellable = cancellable;
  self.defs = g_new0 (FitDefinition, FIT_N_LOCAL_TYPES);
  self.part_type = -1;
  self.first_type = -1;
  self.sport = -1;
  self.sub_sport = -1;
  self.activity_time = NAN;
  self.activity_local = NAN;
  self.sessions = g_array_new (FALSE, FALSE, sizeof (FitSession));
  self.laps = g_array_new (FALSE, FALSE, sizeof (FitLap));
  self.raw = g_array_new (FALSE, FALSE, sizeof (StrideRawPoint));
  self.other_parts = g_string_new (NULL);

  if (self.size == 0)
    {
      set_malformed (&local_error, _("The file is empty"));
      goto out;
    }

  while (offset < self.size)
    {
      gsize next = self.size;

      /* Some writers pad the end with zeros. */
      if (offset > 0 && all_zero (self.data + offset, self.size - offset))
        break;
      if (!read_part (&self, offset, &next, &local_error))
        goto out;
      offset = next;
    }

  if (self.n_activity_parts == 0)
    {
      if (self.first_type < 0)
        g_set_error (&local_error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                     _("No activity: the FIT file has no file_id message"));
      else
        g_set_error (&local_error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_NOTHING_TO_IMPORT,
                     _("This is %s, not an activity"), file_type_name (self.first_type));
      goto out;
    }

  result = build_activities (&self, &local_error);

out:
  fit_parser_clear (&self);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return result;
}
