/* stride-chart-raster.c — mapping series to pixels, and coverage masks
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here runs per point or per pixel of a draw, so it is kept in
 * one unit with no calls in its loops.
 */

#define G_LOG_DOMAIN "stride-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "stride-chart-private.h"

/* round () of libm without its call, per pixel of a square or column:
 * halves away from zero, anything of 2⁵² or more (or no number) as it
 * is. v − trunc (v) is exact (Sterbenz), so ties are seen as round ()
 * sees them. */
static inline double
pixel_round (double v)
{
  double t;

  if (!(fabs (v) < 4503599627370496.0))
    return v;
  t = (double) (gint64) v;
  /* No branch: ties and halves fall either way at random. */
  return t + (double) (fabs (v - t) >= 0.5) * copysign (1, v);
}

/* ----- mapping ----- */

/* Inlined where they run per point; the exported names are for the
 * rest of the engine. */
static inline double
map_x (const StrideChartLayout *layout,
       double                   x)
{
  double t = (x - layout->x0) / (layout->x1 - layout->x0);

  /* Far outside the view: keep cairo's fixed point arithmetic safe. */
  t = CLAMP (t, -4, 5);
  return layout->left + t * (layout->right - layout->left);
}

static inline double
map_y (const StrideChartLayout *layout,
       StrideAxisSide           side,
       double                   y,
       gboolean                *clamped)
{
  const StrideValueAxis *ax = &layout->axis[side];
  double t;

  if (clamped != NULL)
    *clamped = FALSE;

  if (!ax->used)
    ax = &layout->axis[!side];

  t = (y - ax->lo) / (ax->hi - ax->lo);
  if (!isfinite (t))
    t = 0.5;
  if (t < 0 || t > 1)
    {
      if (clamped != NULL)
        *clamped = TRUE;
      t = CLAMP (t, 0, 1);
    }

  if (ax->inverted)
    return layout->top + t * (layout->bottom - layout->top);
  return layout->bottom - t * (layout->bottom - layout->top);
}

double
_stride_chart_map_x (const StrideChartLayout *layout,
                     double                   x)
{
  return map_x (layout, x);
}

double
_stride_chart_map_y (const StrideChartLayout *layout,
                     StrideAxisSide           side,
                     double                   y,
                     gboolean                *clamped)
{
  return map_y (layout, side, y, clamped);
}

void
_stride_chart_map_series (const StrideChartLayout *layout,
                          StrideAxisSide           side,
                          const StrideChartPoint  *points,
                          guint                    n_points,
                          gboolean                 drop_clamped,
                          StrideChartPoint        *out,
                          GArray                  *marks)
{
  for (guint i = 0; i < n_points; i++)
    {
      gboolean clamped = FALSE;

      out[i].x = map_x (layout, points[i].x);
      out[i].y = isfinite (points[i].y) ? map_y (layout, side, points[i].y, &clamped) : NAN;
      if (clamped)
        {
          g_array_append_vals (marks, &out[i], 1);
          if (drop_clamped)
            out[i].y = NAN;
        }
    }
}

/* ----- decimation ----- */

/* Per draw, over every visible point of a series. */

/* The column of @x: floor ((@x − @x_from) · @scale) within 0 … @last,
 * and 0 for no number. Clamping before truncating is the same as
 * flooring first, and cheaper than floor () per point. */
static inline gint64
decimate_column (double x,
                 double x_from,
                 double scale,
                 double last)
{
  double t = (x - x_from) * scale;

  if (!isfinite (t))
    return 0;
  return (gint64) CLAMP (t, 0, last);
}

GArray *
stride_chart_decimate (const StrideChartPoint *points,
                       guint                   n_points,
                       double                  x_from,
                       double                  x_to,
                       guint                   n_columns)
{
  GArray *out;
  double scale;
  double last;
  guint i;

  out = g_array_sized_new (FALSE, FALSE, sizeof (StrideChartPoint),
                           MIN (n_points, 2 * n_columns + 2));

  g_return_val_if_fail (points != NULL || n_points == 0, out);

  if (n_points == 0)
    return out;

  if (n_points <= 2 * (gsize) n_columns + 2)
    {
      g_array_append_vals (out, points, n_points);
      return out;
    }

  g_array_append_val (out, points[0]);
  if (n_columns == 0 || !(x_to > x_from) || !isfinite (x_to - x_from))
    {
      if (n_points > 1)
        g_array_append_val (out, points[n_points - 1]);
      return out;
    }

  scale = n_columns / (x_to - x_from);
  last = n_columns - 1;

  /* Per column: the minimum and the maximum, emitted in x order. A column
   * without two distinct extremes keeps its first gap instead, so a line
   * still breaks where the data has a hole. */
  i = 1;
  while (i < n_points - 1 && out->len + 3 <= 2 * (gsize) n_columns + 2)
    {
      gint64 col = decimate_column (points[i].x, x_from, scale, last);
      gint64 min_i = -1;
      gint64 max_i = -1;
      gint64 gap_i = -1;

      for (; i < n_points - 1; i++)
        {
          double y = points[i].y;

          if (decimate_column (points[i].x, x_from, scale, last) != col)
            break;
          if (!isfinite (y))
            {
              if (gap_i < 0)
                gap_i = i;
              continue;
            }
          if (min_i < 0 || y < points[min_i].y)
            min_i = i;
          if (max_i < 0 || y > points[max_i].y)
            max_i = i;
        }

      if (min_i >= 0 && max_i >= 0 && min_i != max_i)
        {
          g_array_append_val (out, points[MIN (min_i, max_i)]);
          g_array_append_val (out, points[MAX (min_i, max_i)]);
        }
      else if (min_i >= 0 && gap_i >= 0)
        {
          g_array_append_val (out, points[MIN (min_i, gap_i)]);
          g_array_append_val (out, points[MAX (min_i, gap_i)]);
        }
      else if (min_i >= 0)
        {
          g_array_append_val (out, points[min_i]);
        }
      else if (gap_i >= 0)
        {
          g_array_append_val (out, points[gap_i]);
        }
    }

  g_array_append_val (out, points[n_points - 1]);

  return out;
}

/* A line with more than a point every two pixels is drawn as one vertical
 * span per pixel column (from its lowest to its highest pixel, joined to
 * the column before): what a stroke would cover, as one-pixel-wide boxes
 * that never overlap. */
void
_stride_chart_line_spans (const StrideChartLayout *layout,
                          const StrideChartPoint  *pts,
                          guint                    n_points,
                          double                   line_w,
                          GArray                  *spans)
{
  gboolean pen = FALSE;
  gint64 col = -1;
  double ymin = 0;
  double ymax = 0;
  double last_y = 0;
  double half = line_w / 2;
  gint64 n_cols = (gint64) ceil (layout->right - layout->left) + 8;

  for (guint i = 0; i < n_points; i++)
    {
      double px = pts[i].x;
      double py = pts[i].y;
      gint64 k;

      if (!isfinite (py))
        {
          pen = FALSE;
          continue;
        }
      k = (gint64) CLAMP (floor (px - layout->left), -4, n_cols);

      if (pen && k == col)
        {
          ymin = MIN (ymin, py);
          ymax = MAX (ymax, py);
          last_y = py;
          continue;
        }

      if (pen)
        {
          gint64 gap = k - col;
          StrideColumnSpan span = { layout->left + col, ymin - half, ymax - ymin + line_w };

          g_array_append_val (spans, span);
          /* Columns skipped between two points: interpolate. */
          for (gint64 j = 1; j < gap; j++)
            {
              double ya = last_y + (py - last_y) * (j - 0.5) / gap;
              double yb = last_y + (py - last_y) * (j + 0.5) / gap;

              span.x = layout->left + col + j;
              span.y = MIN (ya, yb) - half;
              span.h = fabs (yb - ya) + line_w;
              g_array_append_val (spans, span);
            }
          ymin = MIN (py, gap <= 1 ? last_y : py);
          ymax = MAX (py, gap <= 1 ? last_y : py);
          if (gap > 1)
            {
              double ya = last_y + (py - last_y) * (gap - 0.5) / gap;

              ymin = MIN (ymin, ya);
              ymax = MAX (ymax, ya);
            }
        }
      else
        {
          ymin = ymax = py;
        }
      col = k;
      last_y = py;
      pen = TRUE;
    }

  if (pen)
    {
      StrideColumnSpan span = { layout->left + col, ymin - half, ymax - ymin + line_w };

      g_array_append_val (spans, span);
    }
}

/* Bars narrower than two pixels (ten years of days at 1200 px) are drawn
 * as one box per pixel column, from the highest bar top to the lowest bar
 * bottom in it: the same pixels, but a cost that follows the width of the
 * chart instead of the number of bars. */
void
_stride_chart_bar_spans (const StrideChartLayout *layout,
                         const StrideSeries      *s,
                         guint                    begin,
                         guint                    end,
                         GArray                  *spans)
{
  guint n_columns = (guint) ceil (layout->right - layout->left) + 1;
  g_autofree double *tops = g_new (double, n_columns);
  g_autofree double *bottoms = g_new (double, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      tops[c] = INFINITY;
      bottoms[c] = -INFINITY;
    }

  for (guint j = begin; j < end; j++)
    {
      const StrideChartPoint *p = &s->points[j];
      double base = s->base != NULL ? s->base[j] : 0;
      double x = map_x (layout, p->x) - layout->left;
      double ya;
      double yb;
      guint c;

      if (!isfinite (p->y) || p->y == 0 || !isfinite (x) || x < 0 || x >= n_columns)
        continue;

      c = (guint) x;
      ya = map_y (layout, s->side, base, NULL);
      yb = map_y (layout, s->side, base + p->y, NULL);
      tops[c] = MIN (tops[c], MIN (ya, yb));
      bottoms[c] = MAX (bottoms[c], MAX (ya, yb));
    }

  for (guint c = 0; c < n_columns; c++)
    if (bottoms[c] > tops[c])
      {
        StrideColumnSpan span = { layout->left + c, tops[c], bottoms[c] - tops[c] };

        g_array_append_val (spans, span);
      }
}

/* ----- coverage masks -----
 *
 * Dense series (a line with a point every few pixels, hundreds of dots,
 * bars under two pixels wide) cost cairo's scan converter a great deal:
 * it samples every edge of the stroke 15 times per pixel row, and a
 * zigzag line of 500 weeks crosses itself on every row. On an image
 * surface, series are instead rendered here into an A8 coverage mask (a
 * scratch buffer of one draw, never kept) and composited with one
 * cairo_mask_surface per layer, over the tiles the layer touched: the
 * cost follows the pixels drawn, not the edges nor the points.
 *
 * A pixel's coverage is the part of it a shape covers, a box filter of
 * one pixel: exact across a line (see mask_segment); for a dot, from the
 * distance d of the pixel's centre, clamp (r + 0.5 - d, 0, 1). The shapes
 * of one layer take the maximum, so joins are round and crossings do not
 * darken. Vector surfaces (PDF, SVG, recordings) keep cairo's paths. */

#define TILE_SHIFT 5
#define TILE       (1 << TILE_SHIFT)

static gint raster_direct_disabled;
static gint stats_direct;
static gint stats_cairo_mask;
static gint stats_now;

void
_stride_raster_set_direct (gboolean enabled)
{
  g_atomic_int_set (&raster_direct_disabled, !enabled);
}

void
_stride_raster_stats_take (StrideRasterStats *stats)
{
  stats->direct = (guint) g_atomic_int_and (&stats_direct, 0);
  stats->cairo_mask = (guint) g_atomic_int_and (&stats_cairo_mask, 0);
  stats->now = (guint) g_atomic_int_and (&stats_now, 0);
}

/* Is @v a whole number (of pixels)? */
static gboolean
is_whole (double v)
{
  return fabs (v - round (v)) < 1e-6;
}

/* The mask's pixels can be written into @target's own when it is an
 * ARGB32 image and the clip is one rectangle of whole pixels, the mask's:
 * then nothing outside the clip is touched and nothing in it is partly
 * clipped. Anything else (vector surfaces never get here) keeps
 * cairo_mask, which knows every clip and format. */
static void
direct_target_init (StrideCoverageMask *mask,
                    cairo_t            *cr,
                    cairo_surface_t    *target)
{
  cairo_rectangle_list_t *clip;
  double ox;
  double oy;
  double x0;
  double y0;
  double x1;
  double y1;
  double left;
  double right;
  double top;
  double bottom;
  gboolean fits;

  if (g_atomic_int_get (&raster_direct_disabled)
      || cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32)
    return;
  cairo_surface_get_device_offset (target, &ox, &oy);
  if (!is_whole (ox) || !is_whole (oy))
    return;

  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles != 1)
    {
      cairo_rectangle_list_destroy (clip);
      return;
    }
  x0 = clip->rectangles[0].x;
  y0 = clip->rectangles[0].y;
  x1 = x0 + clip->rectangles[0].width;
  y1 = y0 + clip->rectangles[0].height;
  cairo_rectangle_list_destroy (clip);
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  left = MIN (x0, x1) * mask->scale_x;
  right = MAX (x0, x1) * mask->scale_x;
  top = MIN (y0, y1) * mask->scale_y;
  bottom = MAX (y0, y1) * mask->scale_y;
  fits = is_whole (left) && is_whole (top) && is_whole (right) && is_whole (bottom)
         && round (left) == mask->x0 && round (top) == mask->y0
         && round (right) == mask->x0 + mask->width
         && round (bottom) == mask->y0 + mask->height;
  if (!fits)
    return;

  mask->target_x = mask->x0 + (int) round (ox);
  mask->target_y = mask->y0 + (int) round (oy);
  if (mask->target_x < 0 || mask->target_y < 0
      || mask->target_x + mask->width > cairo_image_surface_get_width (target)
      || mask->target_y + mask->height > cairo_image_surface_get_height (target))
    return;

  cairo_surface_flush (target);
  mask->target_data = cairo_image_surface_get_data (target);
  if (mask->target_data == NULL)
    return;
  mask->target_stride = cairo_image_surface_get_stride (target);
  mask->target = cairo_surface_reference (target);
}

gboolean
_stride_coverage_mask_init (StrideCoverageMask *mask,
                            cairo_t            *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t ctm;
  double cx0;
  double cy0;
  double cx1;
  double cy1;
  double bx0;
  double by0;
  double bx1;
  double by1;

  memset (mask, 0, sizeof *mask);
  if (target == NULL || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;

  /* Scales and translations only, the same both ways (a round dot stays
   * round). */
  cairo_get_matrix (cr, &ctm);
  cairo_surface_get_device_scale (target, &mask->scale_x, &mask->scale_y);
  if (ctm.xy != 0 || ctm.yx != 0 || !(mask->scale_x > 0) || !(mask->scale_y > 0)
      || fabs (fabs (ctm.xx * mask->scale_x) - fabs (ctm.yy * mask->scale_y)) > 1e-9
      || !(fabs (ctm.xx) > 1e-6))
    return FALSE;

  cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
  cairo_user_to_device (cr, &cx0, &cy0);
  cairo_user_to_device (cr, &cx1, &cy1);
  bx0 = floor (MIN (cx0, cx1) * mask->scale_x);
  by0 = floor (MIN (cy0, cy1) * mask->scale_y);
  bx1 = ceil (MAX (cx0, cx1) * mask->scale_x);
  by1 = ceil (MAX (cy0, cy1) * mask->scale_y);
  if (!(bx1 > bx0) || !(by1 > by0) || bx1 - bx0 > 16384 || by1 - by0 > 16384
      || fabs (bx0) > 1e6 || fabs (by0) > 1e6)
    return FALSE;

  mask->x0 = (int) bx0;
  mask->y0 = (int) by0;
  mask->width = (int) (bx1 - bx0);
  mask->height = (int) (by1 - by0);
  mask->surface = cairo_image_surface_create (CAIRO_FORMAT_A8, mask->width, mask->height);
  if (cairo_surface_status (mask->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&mask->surface, cairo_surface_destroy);
      return FALSE;
    }
  cairo_surface_flush (mask->surface);
  mask->data = cairo_image_surface_get_data (mask->surface);
  mask->stride = cairo_image_surface_get_stride (mask->surface);
  cairo_surface_set_device_scale (mask->surface, mask->scale_x, mask->scale_y);

  cairo_matrix_init_translate (&mask->to_px, -mask->x0, -mask->y0);
  cairo_matrix_scale (&mask->to_px, mask->scale_x, mask->scale_y);
  cairo_matrix_multiply (&mask->to_px, &ctm, &mask->to_px);
  mask->px_per_unit = fabs (ctm.xx * mask->scale_x);
  mask->tiles_w = (mask->width + TILE - 1) >> TILE_SHIFT;
  mask->tiles_h = (mask->height + TILE - 1) >> TILE_SHIFT;
  mask->tiles = g_new0 (guint8, (gsize) mask->tiles_w * mask->tiles_h);
  direct_target_init (mask, cr, target);

  return TRUE;
}

void
_stride_coverage_mask_clear (StrideCoverageMask *mask)
{
  g_clear_pointer (&mask->surface, cairo_surface_destroy);
  g_clear_pointer (&mask->tiles, g_free);
  g_clear_pointer (&mask->target, cairo_surface_destroy);
}

/* Bars need the mask's y to grow downwards and x rightwards, as in user
 * space: their rounded corners are at the top. */
gboolean
_stride_coverage_mask_upright (const StrideCoverageMask *mask)
{
  return mask->to_px.xx > 0 && mask->to_px.yy > 0;
}

/* User space to mask pixels (a scale and a translation, see init). */
static inline void
mask_map (const StrideCoverageMask *mask,
          double                   *x,
          double                   *y)
{
  *x = mask->to_px.xx * *x + mask->to_px.x0;
  *y = mask->to_px.yy * *y + mask->to_px.y0;
}

/* Marks the tiles of pixels x0 ≤ x < x1, y0 ≤ y < y1 (inside the mask)
 * as touched: only those are composited and cleared, so a series drawn in
 * a band of the plot costs the band, not the plot. */
static inline void
mask_touch (StrideCoverageMask *mask,
            int                 x0,
            int                 y0,
            int                 x1,
            int                 y1)
{
  int tx0 = x0 >> TILE_SHIFT;
  int tx1 = (x1 - 1) >> TILE_SHIFT;
  int ty1 = (y1 - 1) >> TILE_SHIFT;

  /* Mostly one or two tiles: no call to memset for those. */
  for (int ty = y0 >> TILE_SHIFT; ty <= ty1; ty++)
    {
      guint8 *row = mask->tiles + (gsize) ty * mask->tiles_w;

      row[tx0] = 1;
      row[tx1] = 1;
      if (tx1 - tx0 > 1)
        memset (row + tx0 + 1, 1, tx1 - tx0 - 1);
    }
  mask->dirty = TRUE;
}

static inline guint
cover_byte (double cover)
{
  return cover >= 1 ? 255 : cover > 0 ? (guint) (cover * 255 + 0.5) : 0;
}

static inline void
mask_put (guint8 *p,
          double  cover)
{
  guint v = cover >= 1 ? 255 : (guint) (cover * 255 + 0.5);

  if (v > *p)
    *p = (guint8) v;
}

/* As mask_put, @cover in 1/65536. */
static inline void
mask_put16 (guint8 *p,
            gint64  cover)
{
  guint v = cover >= 65536 ? 255 : (guint) ((cover * 255 + 32768) >> 16);

  if (v > *p)
    *p = (guint8) v;
}

/* A dot of radius @r at (cx, cy), in mask pixels. */
static void
mask_disc (StrideCoverageMask *mask,
           double              cx,
           double              cy,
           double              r)
{
  double ext = r + 0.5;
  double inner2 = r > 0.5 ? (r - 0.5) * (r - 0.5) : -1;
  int xa;
  int xb;
  int ya;
  int yb;

  if (!isfinite (cx) || !isfinite (cy) || !(r > 0))
    return;
  xa = (int) MAX (floor (cx - ext), 0);
  xb = (int) MIN (ceil (cx + ext), mask->width);
  ya = (int) MAX (floor (cy - ext), 0);
  yb = (int) MIN (ceil (cy + ext), mask->height);
  if (xa >= xb || ya >= yb)
    return;
  mask_touch (mask, xa, ya, xb, yb);

  for (int y = ya; y < yb; y++)
    {
      guint8 *row = mask->data + (gsize) y * mask->stride;
      double dy = y + 0.5 - cy;

      for (int x = xa; x < xb; x++)
        {
          double dx = x + 0.5 - cx;
          double d2 = dx * dx + dy * dy;

          if (d2 <= inner2)
            row[x] = 255;
          else if (d2 < ext * ext)
            mask_put (row + x, ext - sqrt (d2));
        }
    }
}

/* A box one pixel wide in mask pixels, from @top to @bottom, of @cover:
 * partial rows at its ends get their covered fraction (as cairo does),
 * the rows between are simply @cover. */
static void
mask_column (StrideCoverageMask *mask,
             int                 x,
             double              top,
             double              bottom,
             double              cover)
{
  gsize stride = mask->stride;
  guint8 *p;
  guint8 *last;
  guint v;
  int ya;
  int yb;

  if (x < 0 || x >= mask->width || !(bottom > top))
    return;
  top = MAX (top, 0);
  bottom = MIN (bottom, mask->height);
  if (!(bottom > top))
    return;

  /* Both are ≥ 0 here: truncation is floor. */
  ya = (int) top;
  yb = (int) bottom;
  if (yb < bottom)
    yb++;
  mask_touch (mask, x, ya, x + 1, yb);

  p = mask->data + ya * stride + x;
  if (yb - ya == 1)
    {
      mask_put (p, (bottom - top) * cover);
      return;
    }
  last = mask->data + (yb - 1) * stride + x;
  mask_put (p, (ya + 1 - top) * cover);
  mask_put (last, (bottom - (yb - 1)) * cover);
  if (cover >= 1)
    {
      for (p += stride; p < last; p += stride)
        *p = 255;
      return;
    }
  v = (guint) (cover * 255 + 0.5);
  for (p += stride; p < last; p += stride)
    if (v > *p)
      *p = (guint8) v;
}

/* The touched tiles as runs along their rows: x0, y0, x1, y1 in mask
 * pixels. */
static GArray *
mask_tile_runs (const StrideCoverageMask *mask)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (int) * 4);

  for (int ty = 0; ty < mask->tiles_h; ty++)
    {
      const guint8 *row = mask->tiles + (gsize) ty * mask->tiles_w;

      for (int tx = 0; tx < mask->tiles_w; tx++)
        {
          int run[4];
          int end = tx;

          if (!row[tx])
            continue;
          while (end + 1 < mask->tiles_w && row[end + 1])
            end++;
          run[0] = tx << TILE_SHIFT;
          run[1] = ty << TILE_SHIFT;
          run[2] = MIN ((end + 1) << TILE_SHIFT, mask->width);
          run[3] = MIN ((ty + 1) << TILE_SHIFT, mask->height);
          g_array_append_vals (runs, run, 1);
          tx = end;
        }
    }

  return runs;
}

/* ----- compositing straight into an image -----
 *
 * Pixman's OVER of a solid colour through an A8 mask, per pixel and with
 * its rounding (x · a / 255 rounded, per byte of a premultiplied ARGB32
 * pixel), so a layer looks the same whichever way it is composited. */

static inline guint32
mul_un8x4 (guint32 x,
           guint   a)
{
  guint32 rb = (x & 0xff00ff) * a + 0x800080;
  guint32 ag = ((x >> 8) & 0xff00ff) * a + 0x800080;

  rb = ((rb + ((rb >> 8) & 0xff00ff)) >> 8) & 0xff00ff;
  ag = (ag + ((ag >> 8) & 0xff00ff)) & 0xff00ff00;
  return rb | ag;
}

/* Per byte, saturating. */
static inline guint32
add_un8x4 (guint32 x,
           guint32 y)
{
  guint32 rb = (x & 0xff00ff) + (y & 0xff00ff);
  guint32 ag = ((x >> 8) & 0xff00ff) + ((y >> 8) & 0xff00ff);

  rb |= 0x1000100 - ((rb >> 8) & 0xff00ff);
  ag |= 0x1000100 - ((ag >> 8) & 0xff00ff);
  return (rb & 0xff00ff) | ((ag & 0xff00ff) << 8);
}

/* @src (premultiplied) OVER @dst. */
static inline guint32
over (guint32 src,
      guint32 dst)
{
  return add_un8x4 (src, mul_un8x4 (dst, 255 - (src >> 24)));
}

static inline void
composite_pixel (guint32 *dst,
                 guint32  src,
                 guint    m)
{
  if (m == 255 && src >= 0xff000000)
    *dst = src;
  else
    *dst = over (m == 255 ? src : mul_un8x4 (src, m), *dst);
}

/* A colour channel as cairo hands it to pixman: 16 bits, the high byte. */
static inline guint32
channel_byte (double v)
{
  return ((guint32) (CLAMP (v, 0, 1) * 65535.0 + 0.5)) >> 8;
}

/* The current source as a premultiplied pixel, if it is one colour and
 * goes OVER. */
static gboolean
direct_source (cairo_t *cr,
               guint32 *pixel)
{
  cairo_pattern_t *source = cairo_get_source (cr);
  double r;
  double g;
  double b;
  double a;

  if (cairo_get_operator (cr) != CAIRO_OPERATOR_OVER
      || cairo_pattern_get_rgba (source, &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  a = CLAMP (a, 0, 1);
  *pixel = channel_byte (a) << 24 | channel_byte (r * a) << 16 | channel_byte (g * a) << 8
           | channel_byte (b * a);
  return TRUE;
}

static inline guint32 *
target_row (const StrideCoverageMask *mask,
            int                       y)
{
  return (guint32 *) (void *) (mask->target_data + (gsize) (mask->target_y + y) * mask->target_stride)
         + mask->target_x;
}

#ifdef __SSE2__
/* x · a / 255 rounded, per 16-bit lane: mul_un8x4's arithmetic. */
static inline __m128i
mul_16 (__m128i a,
        __m128i b)
{
  __m128i t = _mm_adds_epu16 (_mm_mullo_epi16 (a, b), _mm_set1_epi16 (0x80));

  return _mm_mulhi_epu16 (t, _mm_set1_epi16 (0x101));
}
#else
/* Four pixels at @d through the four coverages at @m. Without branches:
 * an uncovered pixel comes out as it was. */
static inline void
composite_4 (guint32      *d,
             const guint8 *m,
             guint32       src)
{
  for (int j = 0; j < 4; j++)
    d[j] = over (mul_un8x4 (src, m[j]), d[j]);
}
#endif

#ifdef __SSE2__
/* The source through each coverage, and what is left of the pixel under
 * it (255 − its alpha, in four 16-bit lanes): per layer, so that four
 * pixels take two table lookups each and no branch, whatever their
 * coverage (0 leaves a pixel as it was, 255 of an opaque source is the
 * source: the same arithmetic gives both). */
typedef struct
{
  guint32 src[256];
  guint64 rest[256];
} SourceTable;

static void
source_table_init (SourceTable *t,
                   guint32      src)
{
  for (guint m = 0; m < 256; m++)
    {
      guint64 rest = 255 - (mul_un8x4 (src, m) >> 24);

      t->src[m] = mul_un8x4 (src, m);
      t->rest[m] = rest | rest << 16 | rest << 32 | rest << 48;
    }
}

static inline void
composite_4_table (guint32           *d,
                   const guint8      *m,
                   const SourceTable *t)
{
  __m128i zero = _mm_setzero_si128 ();
  __m128i s = _mm_set_epi32 ((int) t->src[m[3]], (int) t->src[m[2]], (int) t->src[m[1]],
                             (int) t->src[m[0]]);
  __m128i rest_lo = _mm_set_epi64x ((long long) t->rest[m[1]], (long long) t->rest[m[0]]);
  __m128i rest_hi = _mm_set_epi64x ((long long) t->rest[m[3]], (long long) t->rest[m[2]]);
  __m128i dst = _mm_loadu_si128 ((const __m128i *) (const void *) d);
  __m128i d_lo = mul_16 (_mm_unpacklo_epi8 (dst, zero), rest_lo);
  __m128i d_hi = mul_16 (_mm_unpackhi_epi8 (dst, zero), rest_hi);

  _mm_storeu_si128 ((__m128i *) (void *) d, _mm_adds_epu8 (s, _mm_packus_epi16 (d_lo, d_hi)));
}
#endif

/* Tells cairo that the pixels [@x0, @x1) × [@y0, @y1) of the mask were
 * written straight into its target; FALSE (nothing marked) when empty. */
static gboolean
mark_target_dirty (StrideCoverageMask *mask,
                   int                 x0,
                   int                 y0,
                   int                 x1,
                   int                 y1)
{
  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  cairo_surface_mark_dirty_rectangle (mask->target, mask->x0 + x0, mask->y0 + y0, x1 - x0,
                                      y1 - y0);
  return TRUE;
}

/* The end of a shape written into the target at once (the *_now paths). */
static void
finish_direct_now (StrideCoverageMask *mask,
                   int                 x0,
                   int                 y0,
                   int                 x1,
                   int                 y1)
{
  mark_target_dirty (mask, x0, y0, x1, y1);
  g_atomic_int_inc (&stats_direct);
  g_atomic_int_inc (&stats_now);
}

/* The runs' pixels that have coverage, composited and their coverage
 * cleared: the mask is mostly empty even in the tiles a layer touched,
 * so eight bytes of it are skipped at a time. */
static void
composite_direct (StrideCoverageMask *mask,
                  GArray             *runs,
                  guint32             src)
{
#ifdef __SSE2__
  SourceTable table;
#endif
  int x0 = mask->width;
  int y0 = mask->height;
  int x1 = 0;
  int y1 = 0;

#ifdef __SSE2__
  source_table_init (&table, src);
#endif
  for (guint k = 0; k < runs->len; k++)
    {
      const int *run = (const int *) (void *) (runs->data + k * sizeof (int) * 4);
      int n = run[2] - run[0];

      for (int y = run[1]; y < run[3]; y++)
        {
          guint8 *m = mask->data + (gsize) y * mask->stride + run[0];
          guint32 *d = target_row (mask, y) + run[0];
          int i = 0;

          for (; i + 8 <= n; i += 8)
            {
              guint64 word;

              memcpy (&word, m + i, sizeof word);
              if (word == 0)
                continue;
#ifdef __SSE2__
              composite_4_table (d + i, m + i, &table);
              composite_4_table (d + i + 4, m + i + 4, &table);
#else
              composite_4 (d + i, m + i, src);
              composite_4 (d + i + 4, m + i + 4, src);
#endif
              memset (m + i, 0, 8);
            }
          for (; i < n; i++)
            if (m[i] != 0)
              {
                composite_pixel (d + i, src, m[i]);
                m[i] = 0;
              }
        }
      x0 = MIN (x0, run[0]);
      y0 = MIN (y0, run[1]);
      x1 = MAX (x1, run[2]);
      y1 = MAX (y1, run[3]);
    }

  mark_target_dirty (mask, x0, y0, x1, y1);
}

/* Paints what was rendered into @mask with the current source and
 * clears it for the next layer: only the touched tiles, straight into
 * the target's pixels when it allows, else as one clip of a rectangle
 * per run of them in a row and a cairo_mask. */
void
_stride_coverage_mask_paint (StrideCoverageMask *mask,
                             cairo_t            *cr)
{
  g_autoptr(GArray) runs = NULL;
  guint32 src;

  if (!mask->dirty)
    return;

  runs = mask_tile_runs (mask);
  if (mask->target != NULL && direct_source (cr, &src))
    {
      cairo_surface_flush (mask->target);
      composite_direct (mask, runs, src);
      memset (mask->tiles, 0, (gsize) mask->tiles_w * mask->tiles_h);
      mask->dirty = FALSE;
      g_atomic_int_inc (&stats_direct);
      return;
    }

  g_atomic_int_inc (&stats_cairo_mask);
  cairo_surface_mark_dirty (mask->surface);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < runs->len; i++)
    {
      const int *run = (const int *) (void *) (runs->data + i * sizeof (int) * 4);

      cairo_rectangle (cr, (mask->x0 + run[0]) / mask->scale_x, (mask->y0 + run[1]) / mask->scale_y,
                       (run[2] - run[0]) / mask->scale_x, (run[3] - run[1]) / mask->scale_y);
    }
  cairo_clip (cr);
  cairo_mask_surface (cr, mask->surface, mask->x0 / mask->scale_x, mask->y0 / mask->scale_y);
  cairo_restore (cr);

  cairo_surface_flush (mask->surface);
  for (guint i = 0; i < runs->len; i++)
    {
      const int *run = (const int *) (void *) (runs->data + i * sizeof (int) * 4);

      for (int y = run[1]; y < run[3]; y++)
        memset (mask->data + (gsize) y * mask->stride + run[0], 0, run[2] - run[0]);
    }
  memset (mask->tiles, 0, (gsize) mask->tiles_w * mask->tiles_h);
  mask->dirty = FALSE;
}

/* The mask columns [@ia, @ib) and rows @top to @bottom (fractional, not
 * clamped) of a span of user space one unit wide. */
static inline void
span_pixels (const StrideCoverageMask *mask,
             const StrideColumnSpan   *span,
             int                      *ia,
             int                      *ib,
             double                   *top,
             double                   *bottom)
{
  double xa = span->x;
  double xb = span->x + 1;
  double ya = span->y;
  double yb = span->y + span->h;

  mask_map (mask, &xa, &ya);
  mask_map (mask, &xb, &yb);
  *ia = (int) pixel_round (MIN (xa, xb));
  *ib = (int) pixel_round (MAX (xa, xb));
  *top = MIN (ya, yb);
  *bottom = MAX (ya, yb);
}

/* Columns of user space, each @x to @x + 1 wide and @y to @y + @h high
 * (dense lines, dense bars): the same pixels cairo would fill. */
void
_stride_coverage_mask_spans (StrideCoverageMask     *mask,
                             const StrideColumnSpan *spans,
                             guint                   n_spans)
{
  for (guint i = 0; i < n_spans; i++)
    {
      double top;
      double bottom;
      int ia;
      int ib;

      span_pixels (mask, &spans[i], &ia, &ib, &top, &bottom);
      for (int x = ia; x < ib; x++)
        mask_column (mask, x, top, bottom, 1);
    }
}

/* ----- straight into the target -----
 *
 * Shapes that no other shape of their layer covers partly need no mask:
 * the column spans of one dense line or of dense bars never share a
 * pixel, so compositing each pixel once with its coverage is what the
 * mask would composite. Squares are of full coverage: in an opaque
 * colour they are the colour itself whatever is under them, so written
 * after the rest of their layer they are what the mask's maximum gives. */

/* The current source as a pixel, when @mask can write straight into its
 * target (and, if @opaque, the colour has no transparency). */
static gboolean
now_source (StrideCoverageMask *mask,
            cairo_t            *cr,
            gboolean            opaque,
            guint32            *src)
{
  return mask->target != NULL && direct_source (cr, src) && (!opaque || *src >= 0xff000000);
}

gboolean
_stride_coverage_mask_can_stamp (StrideCoverageMask *mask,
                                 cairo_t            *cr)
{
  guint32 src;

  return now_source (mask, cr, TRUE, &src);
}

/* Rows @top to @bottom (mask pixels, in the mask) of column @x, each of
 * the coverage mask_column would give it, composited into the target. */
static void
column_now (StrideCoverageMask *mask,
            int                 x,
            double              top,
            double              bottom,
            guint32             src)
{
  gsize step = mask->target_stride / sizeof (guint32);
  guint32 *d;
  guint v;
  int ya;
  int yb;

  ya = (int) top;
  yb = (int) bottom;
  if (yb < bottom)
    yb++;
  d = target_row (mask, ya) + x;
  if (yb - ya == 1)
    {
      v = cover_byte (bottom - top);
      if (v != 0)
        composite_pixel (d, src, v);
      return;
    }
  v = cover_byte (ya + 1 - top);
  if (v != 0)
    composite_pixel (d, src, v);
  v = cover_byte (bottom - (yb - 1));
  if (v != 0)
    composite_pixel (d + (gsize) (yb - 1 - ya) * step, src, v);
  d += step;
  if (src >= 0xff000000)
    {
      for (int j = ya + 1; j < yb - 1; j++, d += step)
        *d = src;
      return;
    }
  for (int j = ya + 1; j < yb - 1; j++, d += step)
    composite_pixel (d, src, 255);
}

/* As _stride_coverage_mask_spans followed by _stride_coverage_mask_paint,
 * when the mask holds nothing and no span shares a pixel with another
 * (one dense line, one series of dense bars): FALSE, and nothing done,
 * when the target does not allow it. */
gboolean
_stride_coverage_mask_spans_now (StrideCoverageMask     *mask,
                                 cairo_t                *cr,
                                 const StrideColumnSpan *spans,
                                 guint                   n_spans)
{
  int x0 = mask->width;
  int x1 = 0;
  int y0 = mask->height;
  int y1 = 0;
  guint32 src;

  if (mask->dirty || !now_source (mask, cr, FALSE, &src))
    return FALSE;

  cairo_surface_flush (mask->target);
  for (guint i = 0; i < n_spans; i++)
    {
      double top;
      double bottom;
      int ia;
      int ib;

      span_pixels (mask, &spans[i], &ia, &ib, &top, &bottom);
      top = MAX (top, 0);
      bottom = MIN (bottom, mask->height);
      ia = MAX (ia, 0);
      ib = MIN (ib, mask->width);
      if (ia >= ib || !(bottom > top))
        continue;
      for (int x = ia; x < ib; x++)
        column_now (mask, x, top, bottom, src);
      x0 = MIN (x0, ia);
      x1 = MAX (x1, ib);
      y0 = MIN (y0, (int) top);
      y1 = MAX (y1, (int) ceil (bottom));
    }

  finish_direct_now (mask, x0, y0, x1, y1);
  return TRUE;
}


/* The pixels [@ia, @ib) × [@ja, @jb) of the mask that a square of side
 * @side centred on @pt covers, on whole pixels of user space; FALSE when
 * it has no value or falls outside. */
static inline gboolean
square_pixels (const StrideCoverageMask *mask,
               const StrideChartPoint   *pt,
               double                    radius,
               double                    side,
               int                      *ia,
               int                      *ib,
               int                      *ja,
               int                      *jb)
{
  double x0 = pixel_round (pt->x - radius);
  double y0 = pixel_round (pt->y - radius);
  double x1 = x0 + side;
  double y1 = y0 + side;

  if (!isfinite (pt->y))
    return FALSE;
  mask_map (mask, &x0, &y0);
  mask_map (mask, &x1, &y1);
  *ia = (int) MAX (pixel_round (MIN (x0, x1)), 0);
  *ib = (int) MIN (pixel_round (MAX (x0, x1)), mask->width);
  *ja = (int) MAX (pixel_round (MIN (y0, y1)), 0);
  *jb = (int) MIN (pixel_round (MAX (y0, y1)), mask->height);
  return *ia < *ib && *ja < *jb;
}

/* As _stride_coverage_mask_squares and painting the layer, when the
 * current source is opaque: what the mask holds is painted first, then
 * the squares are written over it. FALSE, and nothing done, when the
 * target or the source does not allow it. */
gboolean
_stride_coverage_mask_squares_now (StrideCoverageMask     *mask,
                                   cairo_t                *cr,
                                   const StrideChartPoint *pts,
                                   guint                   n_points,
                                   double                  radius)
{
  double side = pixel_round (2 * radius);
  int dx0 = mask->width;
  int dx1 = 0;
  int dy0 = mask->height;
  int dy1 = 0;
  guint32 src;

  if (!now_source (mask, cr, TRUE, &src))
    return FALSE;

  _stride_coverage_mask_paint (mask, cr);
  cairo_surface_flush (mask->target);
  for (guint i = 0; i < n_points; i++)
    {
      int ia;
      int ib;
      int ja;
      int jb;

      if (!square_pixels (mask, &pts[i], radius, side, &ia, &ib, &ja, &jb))
        continue;
      for (int y = ja; y < jb; y++)
        {
          guint32 *d = target_row (mask, y);

          for (int x = ia; x < ib; x++)
            d[x] = src;
        }
      dx0 = MIN (dx0, ia);
      dx1 = MAX (dx1, ib);
      dy0 = MIN (dy0, ja);
      dy1 = MAX (dy1, jb);
    }

  finish_direct_now (mask, dx0, dy0, dx1, dy1);
  return TRUE;
}

/* ----- lines -----
 *
 * A segment is drawn by its chord on each pixel row when it is steep, on
 * each pixel column when it is flat: the part of the row (column) that is
 * within r of the segment, taken at the pixel's centre along it. A
 * pixel's coverage is the part of it under the chord: exact across the
 * line, as a box filter, and the cost is a few operations per row of a
 * steep segment instead of a distance per pixel near it (ten years of
 * weekly volumes at 1200 px are a zigzag of strokes two pixels wide and
 * a hundred tall). */

/* Coverage of the pixels along one row (@step 1) or column (@step the
 * stride) from @lo to @hi, 0 ≤ @lo < @hi ≤ its length. */
static inline void
mask_chord (guint8 *line,
            gsize   step,
            double  lo,
            double  hi)
{
  int il = (int) lo;
  int ih = (int) hi;

  if (il == ih)
    {
      mask_put (line + il * step, hi - lo);
      return;
    }
  mask_put (line + il * step, il + 1 - lo);
  for (int i = il + 1; i < ih; i++)
    line[i * step] = 255;
  if (hi > ih)
    mask_put (line + ih * step, hi - ih);
}

/* Tiles touched by the chords of one segment: gathered per row of tiles
 * (of columns, for a flat segment) and marked once per such band. */
typedef struct
{
  gboolean steep;
  int      band;
  int      lo;
  int      hi;
} ChordTiles;

static inline void
chord_tiles_flush (StrideCoverageMask *mask,
                   ChordTiles         *t)
{
  int u0;

  if (t->band < 0)
    return;
  u0 = t->band << TILE_SHIFT;
  if (t->steep)
    mask_touch (mask, t->lo, u0, t->hi, u0 + 1);
  else
    mask_touch (mask, u0, t->lo, u0 + 1, t->hi);
  t->band = -1;
}

static inline void
chord_tiles_add (StrideCoverageMask *mask,
                 ChordTiles         *t,
                 int                 u,
                 int                 lo,
                 int                 hi)
{
  if (u >> TILE_SHIFT != t->band)
    {
      chord_tiles_flush (mask, t);
      t->band = u >> TILE_SHIFT;
      t->lo = lo;
      t->hi = hi;
      return;
    }
  t->lo = MIN (t->lo, lo);
  t->hi = MAX (t->hi, hi);
}

/* Inlined into its only caller, a line's loop over its points: one call
 * per segment of a few pixels costs more than it seems. */
G_ALWAYS_INLINE static inline void
mask_segment (StrideCoverageMask *mask,
              double              ax,
              double              ay,
              double              bx,
              double              by,
              double              r)
{
  gboolean steep = fabs (by - ay) >= fabs (bx - ax);
  /* u along the segment's major axis, v across it. */
  double au = steep ? ay : ax;
  double av = steep ? ax : ay;
  double bu = steep ? by : bx;
  double bv = steep ? bx : by;
  int n_u = steep ? mask->height : mask->width;
  int n_v = steep ? mask->width : mask->height;
  gsize step_u = steep ? (gsize) mask->stride : 1;
  gsize step_v = steep ? 1 : (gsize) mask->stride;
  ChordTiles tiles = { steep, -1, 0, 0 };
  double du;
  double dv;
  double k;
  double len2;
  double du_dv;
  double len2_dv;
  double hw;
  double r2 = r * r;
  double vmin;
  double vmax;
  int ulo;
  int uhi;
  int mid0;
  int mid1;

  if (!isfinite (ax) || !isfinite (ay) || !isfinite (bx) || !isfinite (by))
    return;
  if (bu < au)
    {
      double t = au;

      au = bu;
      bu = t;
      t = av;
      av = bv;
      bv = t;
    }
  du = bu - au;
  dv = bv - av;
  if (du < 1e-6)
    {
      /* No length: the caps alone, a dot. */
      mask_disc (mask, ax, ay, r);
      return;
    }

  k = dv / du;
  len2 = du * du + dv * dv;
  /* Where the ends' normals cross a line: v0 + ea · du / dv, v0 + len² / dv. */
  du_dv = dv != 0 ? du / dv : 0;
  len2_dv = dv != 0 ? len2 / dv : 0;
  hw = r * sqrt (len2) / du;
  vmin = MIN (av, bv) - hw;
  vmax = MAX (av, bv) + hw;
  /* Only lines whose centre is within r of the segment along u: the
   * others have no chord (caps and normals reach r at most). */
  ulo = (int) MAX (floor (au - r - 0.5) + 1, 0);
  uhi = (int) MIN (ceil (bu + r - 0.5), n_u);
  if (ulo >= uhi || vmax <= 0 || vmin >= n_v)
    return;

  /* Lines at least hw from both ends along u cross the band only: its
   * chord is the band's, stepping by k. */
  mid0 = (int) CLAMP (ceil (au + hw - 0.5), ulo, uhi);
  mid1 = (int) CLAMP (floor (bu - hw - 0.5) + 1, mid0, uhi);

  for (int u = ulo; u < uhi; u++)
    {
      double uc = u + 0.5;
      double ea = uc - au;
      double eb = uc - bu;
      double lo;
      double hi;

      if (u == mid0)
        {
          /* In 1/65536 pixel: the chord's start and width. */
          gint64 lo16 = (gint64) ((av + ea * k - hw) * 65536);
          gint64 step16 = (gint64) (k * 65536);
          gint64 width16 = (gint64) (2 * hw * 65536);
          gint64 end16 = (gint64) n_v << 16;

          for (; u < mid1; u++, lo16 += step16)
            {
              gint64 a = MAX (lo16, 0);
              gint64 b = MIN (lo16 + width16, end16);
              guint8 *line = mask->data + u * step_u;
              int il;
              int ih;

              if (b <= a)
                continue;
              il = (int) (a >> 16);
              ih = (int) (b >> 16);
              if (il == ih)
                {
                  mask_put16 (line + il * step_v, b - a);
                }
              else
                {
                  mask_put16 (line + il * step_v, ((gint64) il + 1) * 65536 - a);
                  for (int i = il + 1; i < ih; i++)
                    line[i * step_v] = 255;
                  if (b > (gint64) ih << 16)
                    mask_put16 (line + ih * step_v, b - ((gint64) ih << 16));
                }
              chord_tiles_add (mask, &tiles, u, il, MIN (ih + 1, n_v));
            }
          if (u >= uhi)
            break;
          uc = u + 0.5;
          ea = uc - au;
          eb = uc - bu;
        }

      /* Near its ends, the band is cut square by the ends' normals and
       * rounded by the caps. */
      lo = av + ea * k - hw;
      hi = lo + 2 * hw;
      if (dv != 0)
        {
          double v0 = av - ea * du_dv;
          double v1 = v0 + len2_dv;

          lo = MAX (lo, MIN (v0, v1));
          hi = MIN (hi, MAX (v0, v1));
        }
      else if (ea < 0 || eb > 0)
        {
          lo = INFINITY;
          hi = -INFINITY;
        }
      if (ea * ea < r2)
        {
          double s = sqrt (r2 - ea * ea);

          lo = MIN (lo, av - s);
          hi = MAX (hi, av + s);
        }
      if (eb * eb < r2)
        {
          double s = sqrt (r2 - eb * eb);

          lo = MIN (lo, bv - s);
          hi = MAX (hi, bv + s);
        }
      lo = MAX (lo, 0);
      hi = MIN (hi, n_v);
      if (hi <= lo)
        continue;
      mask_chord (mask->data + u * step_u, step_v, lo, hi);
      chord_tiles_add (mask, &tiles, u, (int) lo, MIN ((int) hi + 1, n_v));
    }
  chord_tiles_flush (mask, &tiles);
}

/* A polyline of @pts in user space (y NAN = gap) of width @line_w; an
 * isolated point between gaps is a dot of @dot_w. */
void
_stride_coverage_mask_line (StrideCoverageMask     *mask,
                            const StrideChartPoint *pts,
                            guint                   n_points,
                            double                  line_w,
                            double                  dot_w)
{
  double r = line_w / 2 * mask->px_per_unit;
  double dot = dot_w / 2 * mask->px_per_unit;
  gboolean pen = FALSE;
  double last_x = 0;
  double last_y = 0;

  for (guint i = 0; i < n_points; i++)
    {
      double px = pts[i].x;
      double py = pts[i].y;

      if (!isfinite (py))
        {
          pen = FALSE;
          continue;
        }
      mask_map (mask, &px, &py);
      if (pen)
        {
          mask_segment (mask, last_x, last_y, px, py, r);
        }
      else if (i + 1 >= n_points || !isfinite (pts[i + 1].y))
        {
          /* An isolated value between gaps: a dot, not nothing. */
          mask_disc (mask, px, py, dot);
        }
      last_x = px;
      last_y = py;
      pen = TRUE;
    }
}

/* ----- dots -----
 *
 * Every dot of a series has the same coverage, up to where its centre
 * falls inside a pixel: it is computed once per draw for each quarter
 * pixel of offset, and stamped (an eighth of a pixel off at most, under
 * what anti-aliasing shows). Hundreds of dots are squares instead, as on
 * vector surfaces. */

#define PHASES 4

typedef struct
{
  int     reach;        /* pixels from the centre's pixel to the stamp's edge */
  int     size;         /* 2 · reach + 1 */
  guint8 *cover;        /* PHASES² stamps of size² */
  int    *row_first;    /* per stamp row: its first and last covered pixel */
  int    *row_last;
} DotStamps;

static void
dot_stamps_init (DotStamps *st,
                 double     r)
{
  double ext = r + 0.5;
  double inner = r - 0.5;
  guint n_rows;

  st->reach = (int) ceil (ext);
  st->size = 2 * st->reach + 1;
  st->cover = g_new0 (guint8, (gsize) PHASES * PHASES * st->size * st->size);
  n_rows = PHASES * PHASES * st->size;
  st->row_first = g_new (int, n_rows);
  st->row_last = g_new (int, n_rows);

  for (int qy = 0; qy < PHASES; qy++)
    for (int qx = 0; qx < PHASES; qx++)
      {
        guint stamp = qy * PHASES + qx;
        guint8 *cover = st->cover + (gsize) stamp * st->size * st->size;
        double fx = (qx + 0.5) / PHASES;
        double fy = (qy + 0.5) / PHASES;

        for (int j = 0; j < st->size; j++)
          {
            int first = st->size;
            int last = -1;

            for (int i = 0; i < st->size; i++)
              {
                double dx = i - st->reach + 0.5 - fx;
                double dy = j - st->reach + 0.5 - fy;
                double d = sqrt (dx * dx + dy * dy);
                double c = d <= inner ? 1 : ext - d;

                if (c <= 0)
                  continue;
                cover[j * st->size + i] = c >= 1 ? 255 : (guint8) (c * 255 + 0.5);
                first = MIN (first, i);
                last = MAX (last, i);
              }
            st->row_first[stamp * st->size + j] = first;
            st->row_last[stamp * st->size + j] = last;
          }
      }
}

static void
dot_stamps_clear (DotStamps *st)
{
  g_free (st->cover);
  g_free (st->row_first);
  g_free (st->row_last);
}

static void
mask_stamp (StrideCoverageMask *mask,
            const DotStamps    *st,
            double              cx,
            double              cy)
{
  const guint8 *cover;
  const int *first;
  const int *last;
  guint stamp;
  int ix;
  int iy;
  int ox;
  int oy;
  int qx;
  int qy;
  int ja;
  int jb;
  int ia;
  int ib;

  if (!(cx > -st->reach) || !(cy > -st->reach) || !(cx < mask->width + st->reach)
      || !(cy < mask->height + st->reach))
    return;

  /* cx, cy > -reach: shifted truncation is floor. */
  ix = (int) (cx + st->reach + 1) - st->reach - 1;
  iy = (int) (cy + st->reach + 1) - st->reach - 1;
  qx = MIN ((int) ((cx - ix) * PHASES), PHASES - 1);
  qy = MIN ((int) ((cy - iy) * PHASES), PHASES - 1);
  stamp = qy * PHASES + qx;
  cover = st->cover + (gsize) stamp * st->size * st->size;
  first = st->row_first + stamp * st->size;
  last = st->row_last + stamp * st->size;
  ox = ix - st->reach;
  oy = iy - st->reach;

  ja = MAX (0, -oy);
  jb = MIN (st->size, mask->height - oy);
  ia = MAX (0, -ox);
  ib = MIN (st->size, mask->width - ox);
  if (ja >= jb || ia >= ib)
    return;
  mask_touch (mask, ox + ia, oy + ja, ox + ib, oy + jb);

  for (int j = ja; j < jb; j++)
    {
      guint8 *row = mask->data + (gsize) (oy + j) * mask->stride + ox;
      const guint8 *src = cover + j * st->size;
      int i0 = MAX (first[j], ia);
      int i1 = MIN (last[j] + 1, ib);

      for (int i = i0; i < i1; i++)
        if (src[i] > row[i])
          row[i] = src[i];
    }
}

/* Dots of radius @radius (user units) at @pts in user space (y NAN =
 * none). */
void
_stride_coverage_mask_dots (StrideCoverageMask     *mask,
                            const StrideChartPoint *pts,
                            guint                   n_points,
                            double                  radius)
{
  DotStamps st;

  dot_stamps_init (&st, radius * mask->px_per_unit);
  for (guint i = 0; i < n_points; i++)
    {
      double px = pts[i].x;
      double py = pts[i].y;

      if (!isfinite (py))
        continue;
      mask_map (mask, &px, &py);
      mask_stamp (mask, &st, px, py);
    }
  dot_stamps_clear (&st);
}

/* Squares of side round (2 @radius) at @pts in user space (y NAN = none),
 * on whole pixels of user space, as fill_dots draws them: full coverage,
 * a memset per row. */
void
_stride_coverage_mask_squares (StrideCoverageMask     *mask,
                               const StrideChartPoint *pts,
                               guint                   n_points,
                               double                  radius)
{
  double side = pixel_round (2 * radius);

  for (guint i = 0; i < n_points; i++)
    {
      int ia;
      int ib;
      int ja;
      int jb;

      if (!square_pixels (mask, &pts[i], radius, side, &ia, &ib, &ja, &jb))
        continue;
      mask_touch (mask, ia, ja, ib, jb);
      for (int y = ja; y < jb; y++)
        memset (mask->data + (gsize) y * mask->stride + ia, 255, ib - ia);
    }
}

/* ----- bars -----
 *
 * A bar is a box with, maybe, its top corners rounded by quarter discs
 * of radius r. A pixel's coverage is exact: the box's, by rows times
 * columns, less the parts of the corners' squares outside the discs.
 * Below its corners every row of a bar is the same, so a bar is drawn by
 * its few edge rows and then column by column. Bars of a series that
 * share no pixel are composited straight into an image target as they
 * are drawn; others add up in the mask (shapes that only touch make one
 * shape, as in cairo's fill). */

typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
  double r;
} BarPx;

/* ∫ √(r² − w²) dw from 0 to @w. */
static inline double
disc_integral (double r,
               double w)
{
  double q = CLAMP (w / r, -1, 1);

  return (w * sqrt (MAX (r * r - w * w, 0)) + r * r * asin (q)) / 2;
}

/* The part of a pixel, s0..s1 across from a bar's side and t0..t1 down
 * from its top (inside the corner's square of side @r), that lies
 * outside the corner's disc: under h (s) = r − √(r² − (r − s)²), which
 * falls from r at the side to 0. */
static double
corner_cut (double r,
            double s0,
            double s1,
            double t0,
            double t1)
{
  double s_t1 = r - sqrt (MAX (r * r - (r - t1) * (r - t1), 0));
  double s_t0 = r - sqrt (MAX (r * r - (r - t0) * (r - t0), 0));
  double area = 0;
  double a;
  double b;

  /* Where h ≥ t1 the cut-out fills the pixel's rows. */
  b = MIN (s1, s_t1);
  if (b > s0)
    area += (t1 - t0) * (b - s0);
  /* Where t0 < h < t1, down to h. */
  a = MAX (s0, s_t1);
  b = MIN (s1, s_t0);
  if (b > a)
    area += (r - t0) * (b - a) - (disc_integral (r, r - a) - disc_integral (r, r - b));

  return area;
}

static double
bar_cover (const BarPx *bar,
           int          i,
           int          j)
{
  double cx = MIN (i + 1, bar->x1) - MAX (i, bar->x0);
  double cy = MIN (j + 1, bar->y1) - MAX (j, bar->y0);
  double c;
  double t0;
  double t1;
  double s0;
  double s1;

  if (cx <= 0 || cy <= 0)
    return 0;
  c = cx * cy;
  if (!(bar->r > 0) || j >= bar->y0 + bar->r)
    return c;

  t0 = MAX (j - bar->y0, 0);
  t1 = MIN (j + 1 - bar->y0, bar->r);
  if (t1 <= t0)
    return c;
  s0 = MAX (i - bar->x0, 0);
  s1 = MIN (i + 1 - bar->x0, bar->r);
  if (s1 > s0)
    c -= corner_cut (bar->r, s0, s1, t0, t1);
  s0 = MAX (bar->x1 - (i + 1), 0);
  s1 = MIN (bar->x1 - i, bar->r);
  if (s1 > s0)
    c -= corner_cut (bar->r, s0, s1, t0, t1);

  return CLAMP (c, 0, 1);
}

static inline void
mask_add (guint8 *p,
          guint   v)
{
  guint sum = *p + v;

  *p = (guint8) MIN (sum, 255);
}

/* Rows @ja to @jb of column @i, all of coverage @v. */
static void
bar_column (StrideCoverageMask *mask,
            guint32            *direct_src,
            int                 i,
            int                 ja,
            int                 jb,
            guint               v)
{
  if (v == 0 || jb <= ja)
    return;

  if (direct_src == NULL)
    {
      guint8 *p = mask->data + (gsize) ja * mask->stride + i;

      for (int j = ja; j < jb; j++, p += mask->stride)
        mask_add (p, v);
      return;
    }

  {
    gsize step = mask->target_stride / sizeof (guint32);
    guint32 *d = target_row (mask, ja) + i;
    guint32 src = *direct_src;
    guint32 s = v == 255 ? src : mul_un8x4 (src, v);
    guint32 last_in;
    guint32 last_out;

    if (s >= 0xff000000)
      {
        for (int j = ja; j < jb; j++, d += step)
          *d = s;
        return;
      }
    /* A column runs mostly over one colour (the background, a bar
     * behind): blend it once. */
    last_in = *d;
    last_out = over (s, last_in);
    for (int j = ja; j < jb; j++, d += step)
      {
        if (*d != last_in)
          {
            last_in = *d;
            last_out = over (s, last_in);
          }
        *d = last_out;
      }
  }
}

static void
bar_raster (StrideCoverageMask *mask,
            const BarPx        *bar,
            guint32            *direct_src)
{
  int ia = (int) MAX (floor (bar->x0), 0);
  int ib = (int) MIN (ceil (bar->x1), mask->width);
  int ja = (int) MAX (floor (bar->y0), 0);
  int jb = (int) MIN (ceil (bar->y1), mask->height);
  int body0;
  int body1;

  if (ia >= ib || ja >= jb)
    return;
  /* Rows wholly inside the bar below its corners. */
  body0 = (int) CLAMP (ceil (bar->y0 + MAX (bar->r, 0)), ja, jb);
  body1 = (int) CLAMP (floor (bar->y1), body0, jb);
  if (direct_src == NULL)
    mask_touch (mask, ia, ja, ib, jb);

  for (int j = ja; j < jb; j++)
    {
      if (j == body0)
        j = body1;
      if (j >= jb)
        break;
      for (int i = ia; i < ib; i++)
        {
          guint v = cover_byte (bar_cover (bar, i, j));

          if (v == 0)
            continue;
          if (direct_src != NULL)
            composite_pixel (target_row (mask, j) + i, *direct_src, v);
          else
            mask_add (mask->data + (gsize) j * mask->stride + i, v);
        }
    }
  for (int i = ia; i < ib; i++)
    bar_column (mask, direct_src, i, body0, body1,
                cover_byte (MIN (i + 1, bar->x1) - MAX (i, bar->x0)));
}

/* The bars of one series, in the current source: composited now when
 * they can be, else left in @mask for _stride_coverage_mask_paint. The
 * mask must be upright (see _stride_coverage_mask_upright). */
void
_stride_coverage_mask_bars (StrideCoverageMask *mask,
                            cairo_t            *cr,
                            const StrideBarBox *bars,
                            guint               n_bars)
{
  g_autofree BarPx *px = g_new (BarPx, n_bars);
  double scale = mask->px_per_unit;
  gboolean direct;
  guint32 src = 0;
  int dirty_x0 = mask->width;
  int dirty_x1 = 0;
  int dirty_y0 = mask->height;
  int dirty_y1 = 0;
  double last_right = -G_MAXDOUBLE;

  g_return_if_fail (_stride_coverage_mask_upright (mask));

  direct = mask->target != NULL && direct_source (cr, &src);
  for (guint k = 0; k < n_bars; k++)
    {
      BarPx *b = &px[k];

      b->x0 = bars[k].x;
      b->y0 = bars[k].y;
      b->x1 = bars[k].x + bars[k].w;
      b->y1 = bars[k].y + bars[k].h;
      mask_map (mask, &b->x0, &b->y0);
      mask_map (mask, &b->x1, &b->y1);
      b->r = bars[k].r * scale;
      if (!isfinite (b->x0) || !isfinite (b->x1) || !isfinite (b->y0) || !isfinite (b->y1)
          || !isfinite (b->r))
        {
          /* Nothing to draw. */
          *b = (BarPx) { 0, 0, 0, 0, 0 };
          continue;
        }
      /* Two bars in one pixel column must add up first. */
      if (floor (b->x0) < last_right)
        direct = FALSE;
      last_right = MAX (last_right, ceil (b->x1));
      dirty_x0 = MIN (dirty_x0, (int) MAX (floor (b->x0), 0));
      dirty_x1 = MAX (dirty_x1, (int) MIN (ceil (b->x1), mask->width));
      dirty_y0 = MIN (dirty_y0, (int) MAX (floor (b->y0), 0));
      dirty_y1 = MAX (dirty_y1, (int) MIN (ceil (b->y1), mask->height));
    }

  if (direct)
    cairo_surface_flush (mask->target);
  for (guint k = 0; k < n_bars; k++)
    bar_raster (mask, &px[k], direct ? &src : NULL);

  if (direct && mark_target_dirty (mask, dirty_x0, dirty_y0, dirty_x1, dirty_y1))
    g_atomic_int_inc (&stats_direct);
}
