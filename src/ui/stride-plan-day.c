/* stride-plan-day.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-plan-day"

#include "config.h"

#include <glib/gi18n.h>

#include "stride-form.h"
#include "stride-labels.h"
#include "stride-plan-day.h"

/* A chip's face: the kind icon, the text (ellipsized when the day is
 * narrow) and the done and warning marks, drawn by the chip itself from
 * one PangoLayout. A month shows some seventy chips: as a button holding
 * a box of labels and images each would be six widgets to style, measure
 * and shape text for several times a frame; this way a chip is one
 * widget that shapes its text once when it changes. */

#define FACE_ICON_SIZE 16
#define FACE_SPACING 4

typedef enum
{
  FACE_ICON_KIND,
  FACE_ICON_DONE,
  FACE_ICON_WARNING,
  N_FACE_ICONS
} FaceIcon;

typedef struct
{
  char         *text;
  const char   *icon_names[N_FACE_ICONS];  /* static strings; NULL: not shown */
  GdkPaintable *icons[N_FACE_ICONS];       /* looked up when first drawn… */
  int           icons_scale;               /* …at this scale */
  GdkTexture   *tinted[N_FACE_ICONS];      /* the icons in the palette's colours */
  gboolean      struck;
  PangoLayout  *layout;                    /* the text (ellipsized by Pango only right to left) */
  PangoLayout  *ellipsis;                  /* "…", drawn where a long text is cut */
  gboolean      sizes_valid;
  guint         context_serial;            /* of the Pango context the sizes are for */
  int           text_width;                /* unconstrained, in pixels */
  int           text_height;
  int           ellipsis_width;
  GdkRGBA       palette[4];                /* of the style, see face_palette() */
  gboolean      palette_valid;
} Face;

static void
face_init (Face *face)
{
  face->text = g_strdup ("");
  face->ellipsis_width = -1;
}

/* Icons depend on the theme, the scale and the direction. */
static void
face_forget_icons (Face *face)
{
  for (guint i = 0; i < N_FACE_ICONS; i++)
    {
      g_clear_object (&face->icons[i]);
      g_clear_object (&face->tinted[i]);
    }
}

/* The style changed: new colours, maybe a new icon theme. (GtkWidget
 * itself measures again when the font changes.) */
static void
face_forget_style (Face *face)
{
  face_forget_icons (face);
  face->palette_valid = FALSE;
}

/* Symbolic icons in given colours, drawn once for all chips. Drawn as
 * they come, a symbolic icon is recoloured pixel by pixel in each frame
 * (a colour-matrix node); a month of chips has a hundred of them, in a
 * handful of icons and colours. */

typedef struct
{
  GdkPaintable *icon;
  int           scale;
  GdkRGBA       palette[4];
} TintKey;

#define MAX_TINTED 64   /* icons × colours × scales in use; more: a theme changed */

static GHashTable *tinted_icons;   /* TintKey → GdkTexture */

static guint
tint_key_hash (gconstpointer data)
{
  const TintKey *key = data;
  guint hash = g_direct_hash (key->icon) ^ (guint) key->scale;

  for (guint i = 0; i < G_N_ELEMENTS (key->palette); i++)
    hash = hash * 31 + (guint) (key->palette[i].red * 255) + ((guint) (key->palette[i].green * 255) << 8)
           + ((guint) (key->palette[i].blue * 255) << 16) + ((guint) (key->palette[i].alpha * 255) << 24);

  return hash;
}

static gboolean
tint_key_equal (gconstpointer a,
                gconstpointer b)
{
  const TintKey *x = a;
  const TintKey *y = b;

  if (x->icon != y->icon || x->scale != y->scale)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (x->palette); i++)
    if (!gdk_rgba_equal (&x->palette[i], &y->palette[i]))
      return FALSE;

  return TRUE;
}

static void
tint_key_free (TintKey *key)
{
  g_object_unref (key->icon);
  g_free (key);
}

/* @icon (symbolic) in @palette, FACE_ICON_SIZE × @scale pixels square. */
static GdkTexture *
tinted_icon (GdkPaintable  *icon,
             int            scale,
             const GdkRGBA  palette[4])
{
  TintKey lookup = { icon, scale, { palette[0], palette[1], palette[2], palette[3] } };
  TintKey *key;
  GdkTexture *texture;
  int size = FACE_ICON_SIZE * scale;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;

  if (tinted_icons == NULL)
    tinted_icons = g_hash_table_new_full (tint_key_hash, tint_key_equal, (GDestroyNotify) tint_key_free,
                                          g_object_unref);

  texture = g_hash_table_lookup (tinted_icons, &lookup);
  if (texture != NULL)
    return g_object_ref (texture);

  if (g_hash_table_size (tinted_icons) >= MAX_TINTED)
    g_hash_table_remove_all (tinted_icons);

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, FACE_ICON_SIZE,
                                            FACE_ICON_SIZE, palette, 4);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  key = g_memdup2 (&lookup, sizeof lookup);
  g_object_ref (key->icon);
  g_hash_table_insert (tinted_icons, key, texture);

  return g_object_ref (texture);
}

static void
face_clear (Face *face)
{
  g_clear_pointer (&face->text, g_free);
  g_clear_object (&face->layout);
  g_clear_object (&face->ellipsis);
  face_forget_icons (face);
}

static void
face_apply_attributes (Face *face)
{
  PangoAttrList *attrs = NULL;

  if (face->struck)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
    }
  if (face->layout != NULL)
    pango_layout_set_attributes (face->layout, attrs);
  if (face->ellipsis != NULL)
    pango_layout_set_attributes (face->ellipsis, attrs);
  g_clear_pointer (&attrs, pango_attr_list_unref);
}

/* The style's font reaches the widget's Pango context, whose serial then
 * changes: the sizes are measured again only for a new text or font. */
static void
face_update_sizes (Face      *face,
                   GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  gboolean new_font = face->context_serial != pango_context_get_serial (context);
  PangoRectangle logical;

  if (face->sizes_valid && !new_font)
    return;

  if (face->layout == NULL)
    {
      face->layout = gtk_widget_create_pango_layout (widget, face->text);
      pango_layout_set_single_paragraph_mode (face->layout, TRUE);
      face->ellipsis = gtk_widget_create_pango_layout (widget, "…");
      face_apply_attributes (face);
    }

  pango_layout_set_ellipsize (face->layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_width (face->layout, -1);
  pango_layout_get_pixel_extents (face->layout, NULL, &logical);
  face->text_width = logical.width;
  face->text_height = logical.height;

  /* The least the text gives way to: its ellipsis (per font, not per text). */
  if (face->ellipsis_width < 0 || new_font)
    {
      pango_layout_get_pixel_extents (face->ellipsis, NULL, &logical);
      face->ellipsis_width = logical.width;
    }

  face->context_serial = pango_context_get_serial (context);
  face->sizes_valid = TRUE;
}

static int
face_n_marks (Face *face)
{
  return (face->icon_names[FACE_ICON_DONE] != NULL) + (face->icon_names[FACE_ICON_WARNING] != NULL);
}

static int
face_lead_width (Face *face)
{
  return FACE_ICON_SIZE + FACE_SPACING;
}

static int
face_trail_width (Face *face)
{
  return face_n_marks (face) * (FACE_SPACING + FACE_ICON_SIZE);
}

static void
face_measure (Face           *face,
              GtkWidget      *widget,
              GtkOrientation  orientation,
              int            *minimum,
              int            *natural)
{
  face_update_sizes (face, widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int around = face_lead_width (face) + face_trail_width (face);

      *minimum = around + MIN (face->ellipsis_width, face->text_width);
      *natural = around + face->text_width;
    }
  else
    *minimum = *natural = MAX (FACE_ICON_SIZE, face->text_height);
}

/* The icon @which, at the widget's scale, from the icon theme's cache. */
static GdkPaintable *
face_icon (Face      *face,
           GtkWidget *widget,
           FaceIcon   which)
{
  int scale = gtk_widget_get_scale_factor (widget);

  if (scale != face->icons_scale)
    {
      face_forget_icons (face);
      face->icons_scale = scale;
    }

  if (face->icons[which] == NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

      face->icons[which] = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, face->icon_names[which],
                                                                      NULL, FACE_ICON_SIZE, scale,
                                                                      gtk_widget_get_direction (widget),
                                                                      0));
    }

  return face->icons[which];
}

/* The colours a symbolic icon is drawn in, as GtkImage takes them: the
 * text colour, then error, warning and success (GtkStyleContext is the
 * way to them before GTK 4.10). Looked up again when the style changes. */
static const GdkRGBA *
face_palette (Face      *face,
              GtkWidget *widget)
{
  GtkStyleContext *style;
  const char *names[] = { "error_color", "warning_color", "success_color" };

  if (face->palette_valid)
    return face->palette;

  style = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (style, &face->palette[0]);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!gtk_style_context_lookup_color (style, names[i], &face->palette[i + 1]))
      face->palette[i + 1] = face->palette[0];
  face->palette_valid = TRUE;

  return face->palette;
}

static void
face_snapshot_icon (Face          *face,
                    GtkWidget     *widget,
                    GtkSnapshot   *snapshot,
                    FaceIcon       which,
                    int            x,
                    const GdkRGBA  palette[4])
{
  GdkPaintable *icon = face_icon (face, widget, which);
  int y = (gtk_widget_get_height (widget) - FACE_ICON_SIZE) / 2;

  if (GTK_IS_SYMBOLIC_PAINTABLE (icon))
    {
      if (face->tinted[which] == NULL)
        face->tinted[which] = tinted_icon (icon, face->icons_scale, palette);
      gtk_snapshot_append_texture (snapshot, face->tinted[which],
                                   &GRAPHENE_RECT_INIT (x, y, FACE_ICON_SIZE, FACE_ICON_SIZE));
      return;
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gdk_paintable_snapshot (icon, snapshot, FACE_ICON_SIZE, FACE_ICON_SIZE);
  gtk_snapshot_restore (snapshot);
}

/* Where to cut the text for it and its ellipsis to fit in @room pixels:
 * before the first cluster that would not fit (what Pango's own
 * ellipsizing keeps), so the text is shaped once, not again for each
 * width. */
static int
face_cut (Face *face,
          int   room)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (face->layout, 0);
  int index, trailing, x;

  if (line == NULL || room - face->ellipsis_width <= 0)
    return 0;

  pango_layout_line_x_to_index (line, (room - face->ellipsis_width) * PANGO_SCALE, &index, &trailing);
  pango_layout_line_index_to_x (line, index, FALSE, &x);

  return PANGO_PIXELS_FLOOR (x);
}

/* The text next to the kind icon, cut to @room pixels with an ellipsis
 * when it is longer. Left to right the chip cuts it where Pango would and
 * draws the ellipsis itself; otherwise Pango ellipsizes, which lays the
 * text out again for each width. */
static void
face_snapshot_text (Face          *face,
                    GtkWidget     *widget,
                    GtkSnapshot   *snapshot,
                    int            room,
                    const GdkRGBA *color)
{
  int width = gtk_widget_get_width (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  PangoLayoutLine *line = pango_layout_get_line_readonly (face->layout, 0);
  gboolean fits = face->text_width <= room;
  gboolean cut_here = !fits && !rtl && line != NULL
                      && pango_layout_line_get_resolved_direction (line) == PANGO_DIRECTION_LTR;
  PangoRectangle logical;
  int x;

  pango_layout_set_ellipsize (face->layout, fits || cut_here ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  pango_layout_set_width (face->layout, fits || cut_here ? -1 : MAX (room, 0) * PANGO_SCALE);
  pango_layout_get_pixel_extents (face->layout, NULL, &logical);
  x = rtl ? width - face_lead_width (face) - logical.width : face_lead_width (face);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - logical.x,
                                                          (gtk_widget_get_height (widget) - logical.height) / 2
                                                          - logical.y));
  if (!cut_here)
    gtk_snapshot_append_layout (snapshot, face->layout, color);
  else
    {
      int cut = face_cut (face, room);

      /* Only the horizontal cut matters: ink may reach above and below. */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, logical.y - logical.height, cut,
                                                             3 * logical.height));
      gtk_snapshot_append_layout (snapshot, face->layout, color);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cut, 0));
      gtk_snapshot_append_layout (snapshot, face->ellipsis, color);
    }
  gtk_snapshot_restore (snapshot);
}

static void
face_snapshot (Face        *face,
               GtkWidget   *widget,
               GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  const GdkRGBA *palette;
  int x;

  face_update_sizes (face, widget);
  palette = face_palette (face, widget);

  face_snapshot_icon (face, widget, snapshot, FACE_ICON_KIND, rtl ? width - FACE_ICON_SIZE : 0,
                      palette);
  face_snapshot_text (face, widget, snapshot,
                      width - face_lead_width (face) - face_trail_width (face), &palette[0]);

  /* The marks keep to the far end, one after the other. */
  x = width - face_trail_width (face) + FACE_SPACING;
  for (FaceIcon which = FACE_ICON_DONE; which < N_FACE_ICONS; which++)
    if (face->icon_names[which] != NULL)
      {
        face_snapshot_icon (face, widget, snapshot, which, rtl ? width - x - FACE_ICON_SIZE : x,
                            palette);
        x += FACE_ICON_SIZE + FACE_SPACING;
      }
}

/* Changes what @widget's face shows; only a new text or number of marks
 * changes its size. */
static void
face_set (Face       *face,
          GtkWidget  *widget,
          const char *kind_icon,
          const char *text,
          gboolean    done,
          gboolean    warning,
          gboolean    struck)
{
  const char *names[N_FACE_ICONS] = {
    kind_icon, done ? "emblem-ok-symbolic" : NULL, warning ? "dialog-warning-symbolic" : NULL,
  };
  int n_marks = face_n_marks (face);
  gboolean redraw = FALSE;

  for (guint i = 0; i < N_FACE_ICONS; i++)
    if (g_strcmp0 (names[i], face->icon_names[i]) != 0)
      {
        face->icon_names[i] = names[i];
        g_clear_object (&face->icons[i]);
        g_clear_object (&face->tinted[i]);
        redraw = TRUE;
      }

  if (struck != face->struck)
    {
      face->struck = struck;
      face_apply_attributes (face);
      redraw = TRUE;
    }

  if (!g_str_equal (text, face->text))
    {
      g_free (face->text);
      face->text = g_strdup (text);
      if (face->layout != NULL)
        pango_layout_set_text (face->layout, text, -1);
      face->sizes_valid = FALSE;
      gtk_widget_queue_resize (widget);
    }
  else if (n_marks != face_n_marks (face))
    gtk_widget_queue_resize (widget);
  else if (redraw)
    gtk_widget_queue_draw (widget);
}

/* A planned entry: a button (Enter or a click edits it, it can be
 * dragged to another day) that draws its face itself, with no child. */

#define STRIDE_TYPE_PLAN_CHIP (stride_plan_chip_get_type ())

G_DECLARE_FINAL_TYPE (StridePlanChip, stride_plan_chip, STRIDE, PLAN_CHIP, GtkButton)

struct _StridePlanChip
{
  GtkButton parent_instance;
  Face      face;
};

G_DEFINE_FINAL_TYPE (StridePlanChip, stride_plan_chip, GTK_TYPE_BUTTON)

/* What was done and not planned: a quiet line, not a control. */

#define STRIDE_TYPE_PLAN_DONE_CHIP (stride_plan_done_chip_get_type ())

G_DECLARE_FINAL_TYPE (StridePlanDoneChip, stride_plan_done_chip, STRIDE, PLAN_DONE_CHIP, GtkWidget)

struct _StridePlanDoneChip
{
  GtkWidget parent_instance;
  Face      face;
};

G_DEFINE_FINAL_TYPE (StridePlanDoneChip, stride_plan_done_chip, GTK_TYPE_WIDGET)

/* Both kinds of chip lay out and draw their face the same way. */
static Face *
chip_face (GtkWidget *widget)
{
  if (STRIDE_IS_PLAN_CHIP (widget))
    return &STRIDE_PLAN_CHIP (widget)->face;

  return &STRIDE_PLAN_DONE_CHIP (widget)->face;
}

static void
chip_widget_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  face_measure (chip_face (widget), widget, orientation, minimum, natural);
}

static GtkSizeRequestMode
chip_widget_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
chip_widget_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  face_snapshot (chip_face (widget), widget, snapshot);
}

static void
chip_widget_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  /* No children: the face is drawn where the chip is. */
}

static void
chip_widget_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  face_forget_icons (chip_face (widget));
  gtk_widget_queue_resize (widget);
}

static void
chip_widget_class_init (GtkWidgetClass *widget_class)
{
  widget_class->measure = chip_widget_measure;
  widget_class->get_request_mode = chip_widget_get_request_mode;
  widget_class->size_allocate = chip_widget_size_allocate;
  widget_class->snapshot = chip_widget_snapshot;
  widget_class->direction_changed = chip_widget_direction_changed;
}

static void
stride_plan_chip_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (stride_plan_chip_parent_class)->css_changed (widget, change);
  face_forget_style (chip_face (widget));
}

static void
stride_plan_chip_finalize (GObject *object)
{
  face_clear (&STRIDE_PLAN_CHIP (object)->face);

  G_OBJECT_CLASS (stride_plan_chip_parent_class)->finalize (object);
}

static void
stride_plan_chip_class_init (StridePlanChipClass *klass)
{
  GTK_WIDGET_CLASS (klass)->css_changed = stride_plan_chip_css_changed;
  G_OBJECT_CLASS (klass)->finalize = stride_plan_chip_finalize;
  chip_widget_class_init (GTK_WIDGET_CLASS (klass));
  /* Not "button": the theme's many button rules would have to be matched
   * for each of seventy chips at every change; style.css gives the chip
   * the little of a button it shows. */
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "planchip");
}

static void
stride_plan_chip_init (StridePlanChip *self)
{
  face_init (&self->face);
  /* The button's layout manager would lay out a child; the chip has none
   * and measures its face itself. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}

static void
stride_plan_done_chip_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (stride_plan_done_chip_parent_class)->css_changed (widget, change);
  face_forget_style (chip_face (widget));
}

static void
stride_plan_done_chip_finalize (GObject *object)
{
  face_clear (&STRIDE_PLAN_DONE_CHIP (object)->face);

  G_OBJECT_CLASS (stride_plan_done_chip_parent_class)->finalize (object);
}

static void
stride_plan_done_chip_class_init (StridePlanDoneChipClass *klass)
{
  GTK_WIDGET_CLASS (klass)->css_changed = stride_plan_done_chip_css_changed;
  G_OBJECT_CLASS (klass)->finalize = stride_plan_done_chip_finalize;
  chip_widget_class_init (GTK_WIDGET_CLASS (klass));
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "plandone");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
stride_plan_done_chip_init (StridePlanDoneChip *self)
{
  face_init (&self->face);
}

/* The parts of a chip that change from one month to the next. Chips are
 * kept and filled again rather than made anew: moving between months
 * then costs text and classes, not widgets. */
typedef struct
{
  GtkWidget *widget;    /* StridePlanChip (planned) or StridePlanDoneChip */
  gint64     id;
  char      *tooltip;   /* planned chips: shown when asked for */
  char      *classes;   /* what gtk_widget_set_css_classes last got, joined */
} Chip;

static void
chip_free (Chip *chip)
{
  g_free (chip->tooltip);
  g_free (chip->classes);
  g_free (chip);
}

struct _StridePlanDay
{
  GtkWidget  parent_instance;

  guint32    date;
  GtkLabel  *number_label;
  GPtrArray *entry_chips;   /* Chip: planned entries first… */
  GPtrArray *done_chips;    /* Chip: …then what was done without a plan */
};

G_DEFINE_FINAL_TYPE (StridePlanDay, stride_plan_day, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  ENTRY_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


const char *
stride_plan_kind_icon (StridePlanKind kind)
{
  switch (kind)
    {
    case STRIDE_PLAN_KIND_RUN:
      return "stride-run-symbolic";
    case STRIDE_PLAN_KIND_STRENGTH:
      return "stride-strength-symbolic";
    case STRIDE_PLAN_KIND_RACE:
      return "stride-activity-symbolic";
    case STRIDE_PLAN_KIND_REST:
      return "weather-clear-night-symbolic";
    case STRIDE_PLAN_KIND_CROSS:
    case STRIDE_N_PLAN_KINDS:
    default:
      return "stride-activity-symbolic";
    }
}

static const char *
kind_class (StridePlanKind kind)
{
  static const char *const classes[STRIDE_N_PLAN_KINDS] = {
    [STRIDE_PLAN_KIND_RUN] = "run",
    [STRIDE_PLAN_KIND_STRENGTH] = "strength",
    [STRIDE_PLAN_KIND_REST] = "rest",
    [STRIDE_PLAN_KIND_RACE] = "race",
    [STRIDE_PLAN_KIND_CROSS] = "cross",
  };

  return kind < STRIDE_N_PLAN_KINDS ? classes[kind] : "cross";
}

static const char *
kind_label (const StridePlanEntry *entry)
{
  switch (entry->kind)
    {
    case STRIDE_PLAN_KIND_RUN:
      return entry->run_type != STRIDE_RUN_TYPE_NONE ? stride_label_for_run_type (entry->run_type)
                                                     : _("Run");
    case STRIDE_PLAN_KIND_STRENGTH:
      return _("Strength");
    case STRIDE_PLAN_KIND_REST:
      return _("Rest");
    case STRIDE_PLAN_KIND_RACE:
      return _("Race");
    case STRIDE_PLAN_KIND_CROSS:
    case STRIDE_N_PLAN_KINDS:
    default:
      return _("Cross-Training");
    }
}

char *
stride_plan_entry_describe (const StridePlanEntry *entry,
                            StrideUnitSystem       units)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->target_distance_m > 0)
    {
      g_autofree char *distance = stride_units_format_distance (entry->target_distance_m, units);

      /* Translators: a planned entry and its target, "Long Run · 24 km" */
      return g_strdup_printf (_("%s · %s"), kind_label (entry), distance);
    }

  if (entry->target_duration_s > 0)
    {
      g_autofree char *duration = stride_units_format_duration (entry->target_duration_s);

      return g_strdup_printf (_("%s · %s"), kind_label (entry), duration);
    }

  return g_strdup (kind_label (entry));
}

static const char *
status_words (StridePlanStatus status)
{
  switch (status)
    {
    case STRIDE_PLAN_STATUS_DONE:
      return _("done");
    case STRIDE_PLAN_STATUS_SKIPPED:
      return _("skipped");
    case STRIDE_PLAN_STATUS_MOVED:
      return _("moved");
    case STRIDE_PLAN_STATUS_PLANNED:
    case STRIDE_N_PLAN_STATUSES:
    default:
      return _("planned");
    }
}

/* Chips */

static GdkContentProvider *
chip_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      Chip          *chip)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, chip->id);
}

static void
chip_clicked_cb (GtkButton     *button,
                 StridePlanDay *self)
{
  Chip *chip = g_object_get_data (G_OBJECT (button), "chip");

  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, chip->id);
}

/* Asked for when the pointer rests on the chip: setting a tooltip's text
 * on each of seventy chips would ask the display where the pointer is
 * seventy times per month shown. */
static gboolean
chip_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       Chip       *chip)
{
  if (chip->tooltip == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, chip->tooltip);
  return TRUE;
}

/* Style classes are replaced only when they differ: each change restyles
 * the chip. */
static void
chip_set_classes (Chip        *chip,
                  const char **classes)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) classes);

  if (g_strcmp0 (joined, chip->classes) == 0)
    return;

  gtk_widget_set_css_classes (chip->widget, classes);
  g_free (chip->classes);
  chip->classes = g_steal_pointer (&joined);
}

static void
chip_set_tooltip (Chip       *chip,
                  const char *tooltip,
                  const char *description)
{
  if (g_strcmp0 (tooltip, chip->tooltip) != 0)
    {
      g_free (chip->tooltip);
      chip->tooltip = g_strdup (tooltip);
    }
  /* What gtk_widget_set_tooltip_text() would tell screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "", -1);
}

/* A planned entry: its face says it to the eye, its accessible name to
 * screen readers. */
static Chip *
entry_chip_new (StridePlanDay *self)
{
  Chip *chip = g_new0 (Chip, 1);
  GtkDragSource *drag = gtk_drag_source_new ();

  chip->widget = g_object_new (STRIDE_TYPE_PLAN_CHIP, NULL);
  gtk_widget_set_has_tooltip (chip->widget, TRUE);
  g_object_set_data_full (G_OBJECT (chip->widget), "chip", chip, (GDestroyNotify) chip_free);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (chip_drag_prepare_cb), chip);
  gtk_widget_add_controller (chip->widget, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (chip->widget, "clicked", G_CALLBACK (chip_clicked_cb), self);
  g_signal_connect (chip->widget, "query-tooltip", G_CALLBACK (chip_query_tooltip_cb), chip);
  /* After the planned chips, before what was done. */
  gtk_widget_insert_before (chip->widget, GTK_WIDGET (self),
                            self->done_chips->len > 0
                            ? ((Chip *) g_ptr_array_index (self->done_chips, 0))->widget : NULL);

  return chip;
}

static void
fill_entry_chip (Chip                  *chip,
                 const StridePlanEntry *entry,
                 const char            *warning,
                 StrideUnitSystem       units)
{
  g_autofree char *text = stride_plan_entry_describe (entry, units);
  g_autofree char *spoken = NULL;
  gboolean described = entry->description != NULL && *entry->description != '\0';
  const char *classes[] = {
    "plan-chip", kind_class (entry->kind), stride_plan_status_to_id (entry->status),
    warning != NULL ? "breaks-rule" : NULL, NULL,
  };

  chip->id = entry->id;
  face_set (chip_face (chip->widget), chip->widget, stride_plan_kind_icon (entry->kind), text,
            entry->status == STRIDE_PLAN_STATUS_DONE, warning != NULL,
            entry->status == STRIDE_PLAN_STATUS_SKIPPED);
  chip_set_classes (chip, classes);
  chip_set_tooltip (chip, warning != NULL ? warning : described ? entry->description : text,
                    described ? entry->description : NULL);

  /* Translators: a plan entry for screen readers: "Long Run · 24 km, planned" */
  spoken = g_strdup_printf (_("%s, %s"), text, status_words (entry->status));
  if (warning != NULL)
    {
      char *with_warning = g_strdup_printf ("%s. %s", spoken, warning);

      g_free (spoken);
      spoken = with_warning;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip->widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
  gtk_widget_set_visible (chip->widget, TRUE);
}

/* Done but not planned: a quiet line with a check mark. */
static Chip *
done_chip_new (StridePlanDay *self)
{
  Chip *chip = g_new0 (Chip, 1);

  chip->widget = g_object_new (STRIDE_TYPE_PLAN_DONE_CHIP, NULL);
  gtk_widget_add_css_class (chip->widget, "plan-chip");
  gtk_widget_add_css_class (chip->widget, "unplanned");
  g_object_set_data_full (G_OBJECT (chip->widget), "chip", chip, (GDestroyNotify) chip_free);
  gtk_widget_set_parent (chip->widget, GTK_WIDGET (self));

  return chip;
}

static void
fill_done_chip (Chip       *chip,
                const char *icon_name,
                const char *text)
{
  g_autofree char *spoken = g_strdup_printf (_("%s, done"), text);

  face_set (chip_face (chip->widget), chip->widget, icon_name, text, TRUE, FALSE, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip->widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
  gtk_widget_set_visible (chip->widget, TRUE);
}

/* The @index-th chip of @chips, made when there are not that many yet. */
static Chip *
nth_chip (StridePlanDay *self,
          GPtrArray     *chips,
          guint          index,
          Chip        *(*make) (StridePlanDay *self))
{
  if (index >= chips->len)
    g_ptr_array_add (chips, make (self));

  return g_ptr_array_index (chips, index);
}

static void
hide_chips_from (GPtrArray *chips,
                 guint      first)
{
  for (guint i = first; i < chips->len; i++)
    gtk_widget_set_visible (((Chip *) g_ptr_array_index (chips, i))->widget, FALSE);
}

static gboolean
run_is_linked (const StrideRunSummary *run,
               const StridePlanEntry  *entries,
               guint                   n_entries)
{
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].activity_id == run->id)
      return TRUE;

  return FALSE;
}

static gboolean
strength_is_planned (const StridePlanEntry *entries,
                     guint                  n_entries)
{
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].kind == STRIDE_PLAN_KIND_STRENGTH && entries[i].status == STRIDE_PLAN_STATUS_DONE)
      return TRUE;

  return FALSE;
}

void
stride_plan_day_set_contents (StridePlanDay         *self,
                              const StridePlanEntry *entries,
                              guint                  n_entries,
                              const char *const     *warnings,
                              const StridePlanDone  *done,
                              StrideUnitSystem       units)
{
  guint n_done = 0;

  g_return_if_fail (STRIDE_IS_PLAN_DAY (self));

  for (guint i = 0; i < n_entries; i++)
    fill_entry_chip (nth_chip (self, self->entry_chips, i, entry_chip_new), &entries[i],
                     warnings != NULL ? warnings[i] : NULL, units);
  hide_chips_from (self->entry_chips, n_entries);

  for (guint i = 0; done != NULL && done->runs != NULL && i < done->runs->len; i++)
    {
      const StrideRunSummary *run = &g_array_index (done->runs, StrideRunSummary, i);
      g_autofree char *distance = NULL;
      g_autofree char *text = NULL;

      if (run_is_linked (run, entries, n_entries))
        continue;
      distance = stride_units_format_distance (run->distance_m, units);
      text = g_strdup_printf (_("%s · %s"), stride_label_for_run_type (run->run_type), distance);
      fill_done_chip (nth_chip (self, self->done_chips, n_done++, done_chip_new),
                      "stride-run-symbolic", text);
    }

  if (done != NULL && done->strength_s > 0 && !strength_is_planned (entries, n_entries))
    {
      g_autofree char *duration = stride_units_format_duration (done->strength_s);
      g_autofree char *text = g_strdup_printf (_("%s · %s"), _("Strength"), duration);

      fill_done_chip (nth_chip (self, self->done_chips, n_done++, done_chip_new),
                      "stride-strength-symbolic", text);
    }

  hide_chips_from (self->done_chips, n_done);
}

/* The day */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         StridePlanDay *self)
{
  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-here");
  g_signal_emit (self, signals[ENTRY_DROPPED], 0, g_value_get_int64 (value));
  return TRUE;
}

/* The day under the pointer while a chip is dragged is marked. */
static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               StridePlanDay *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-here");
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               StridePlanDay *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-here");
}

void
stride_plan_day_set_date (StridePlanDay *self,
                          guint32        julian,
                          gboolean       in_month,
                          gboolean       today)
{
  g_autoptr(GDate) date = NULL;
  g_autofree char *number = NULL;
  g_autofree char *spoken = NULL;

  g_return_if_fail (STRIDE_IS_PLAN_DAY (self));
  g_return_if_fail (g_date_valid_julian (julian));

  self->date = julian;
  date = g_date_new_julian (julian);
  number = g_strdup_printf ("%u", g_date_get_day (date));
  gtk_label_set_label (self->number_label, number);

  /* Translators: a day of the plan for screen readers, see strftime(3),
   * e.g. "Wednesday 25 November 2026" */
  spoken = stride_form_format_day (julian, _("%A %-d %B %Y"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  if (in_month)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "other-month");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "other-month");
  if (today)
    gtk_widget_add_css_class (GTK_WIDGET (self), "today");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "today");
}

guint32
stride_plan_day_get_date (StridePlanDay *self)
{
  g_return_val_if_fail (STRIDE_IS_PLAN_DAY (self), 0);

  return self->date;
}

/* Layout: the day's number, then the planned chips, then what was done,
 * one under the other at full width. The spacing is what nested boxes
 * gave before the day laid its chips out itself (a box per group per day
 * was 126 widgets a month to measure for nothing). */

#define NUMBER_SPACING 3  /* below the number */
#define CHIP_SPACING   2  /* between chips, and between the two groups */

/* Adds the heights (@orientation vertical) or takes the widest of the
 * shown chips of @chips. */
static void
measure_chips (GPtrArray      *chips,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  guint n_shown = 0;

  for (guint i = 0; i < chips->len; i++)
    {
      GtkWidget *widget = ((Chip *) g_ptr_array_index (chips, i))->widget;
      int child_min, child_nat;

      if (!gtk_widget_should_layout (widget))
        continue;

      gtk_widget_measure (widget, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          int spacing = n_shown > 0 ? CHIP_SPACING : 0;

          *minimum += child_min + spacing;
          *natural += child_nat + spacing;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      n_shown++;
    }
}

static void
stride_plan_day_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  StridePlanDay *self = STRIDE_PLAN_DAY (widget);

  gtk_widget_measure (GTK_WIDGET (self->number_label), orientation, for_size, minimum, natural,
                      NULL, NULL);
  measure_chips (self->entry_chips, orientation, for_size, minimum, natural);
  measure_chips (self->done_chips, orientation, for_size, minimum, natural);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum += NUMBER_SPACING + CHIP_SPACING;
      *natural += NUMBER_SPACING + CHIP_SPACING;
    }
}

/* Gives each shown chip of @chips its height at @width from @y on;
 * returns the @y after them. */
static int
allocate_chips (GPtrArray *chips,
                int        width,
                int        y)
{
  gboolean first = TRUE;

  for (guint i = 0; i < chips->len; i++)
    {
      GtkWidget *widget = ((Chip *) g_ptr_array_index (chips, i))->widget;
      int height;

      if (!gtk_widget_should_layout (widget))
        continue;

      if (!first)
        y += CHIP_SPACING;
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
      gtk_widget_allocate (widget, width, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += height;
      first = FALSE;
    }

  return y;
}

/* Top down at natural heights; what is left stays empty at the bottom. */
static void
stride_plan_day_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  StridePlanDay *self = STRIDE_PLAN_DAY (widget);
  int number_height;
  int y;

  gtk_widget_measure (GTK_WIDGET (self->number_label), GTK_ORIENTATION_VERTICAL, width, NULL,
                      &number_height, NULL, NULL);
  gtk_widget_allocate (GTK_WIDGET (self->number_label), width, number_height, -1, NULL);

  y = allocate_chips (self->entry_chips, width, number_height + NUMBER_SPACING);
  allocate_chips (self->done_chips, width, y + CHIP_SPACING);
}

/* Neither the number nor a chip wraps. */
static GtkSizeRequestMode
stride_plan_day_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
stride_plan_day_dispose (GObject *object)
{
  StridePlanDay *self = STRIDE_PLAN_DAY (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->number_label = NULL;
  g_clear_pointer (&self->entry_chips, g_ptr_array_unref);
  g_clear_pointer (&self->done_chips, g_ptr_array_unref);

  G_OBJECT_CLASS (stride_plan_day_parent_class)->dispose (object);
}

static void
stride_plan_day_class_init (StridePlanDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_plan_day_dispose;
  widget_class->measure = stride_plan_day_measure;
  widget_class->size_allocate = stride_plan_day_size_allocate;
  widget_class->get_request_mode = stride_plan_day_get_request_mode;

  signals[ENTRY_ACTIVATED] = g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ENTRY_DROPPED] = g_signal_new ("entry-dropped", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "planday");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
stride_plan_day_init (StridePlanDay *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  self->number_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->number_label, 0);
  gtk_widget_set_halign (GTK_WIDGET (self->number_label), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "day-number");
  gtk_widget_set_parent (GTK_WIDGET (self->number_label), GTK_WIDGET (self));

  /* The chips belong to their widgets (object data): the arrays only list them. */
  self->entry_chips = g_ptr_array_new ();
  self->done_chips = g_ptr_array_new ();

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
stride_plan_day_new (void)
{
  return g_object_new (STRIDE_TYPE_PLAN_DAY, NULL);
}
