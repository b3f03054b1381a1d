/* stride-chart-view.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-chart-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "stride-chart-data.h"
#include "stride-chart-view.h"

#define PICK_RADIUS      16.0
#define ZOOM_STEP        1.25
#define PAN_STEP         0.2
#define MIN_SPAN_S       60.0
#define READOUT_GAP      12

struct _StrideChartView
{
  GtkWidget     parent_instance;

  /* Owned references */
  StrideChart  *chart;
  GtkWidget    *readout_label;
  char         *readout;
  char         *description;

  /* The range Home returns to, and the one shown */
  double        base_from;
  double        base_to;
  double        view_from;
  double        view_to;

  /* Pointer state */
  double        pointer_x;
  double        pointer_y;
  double        hover_time;
  double        drag_from;
  double        drag_to;
  double        drag_seconds_per_px;
  guint         hovering : 1;
  guint         dragging : 1;

  /* The chart as last drawn: kept while only the hover guide moves, drawn
   * again when the chart, its range, the style or the size changes. */
  GdkTexture   *image;
};

G_DEFINE_FINAL_TYPE (StrideChartView, stride_chart_view, GTK_TYPE_WIDGET)

/* The widget's own look: the read-out bubble and the keyboard focus ring
 * (a custom widget gets neither from Adwaita). */
static const char chart_view_css[] =
  "chartview { border-radius: 12px; }\n"
  "chartview:focus-visible { outline: 2px solid alpha(@accent_color, 0.5);"
  " outline-offset: -2px; }\n"
  "chartview > label.readout { padding: 4px 8px; border-radius: 6px;"
  " background-color: alpha(black, 0.75); color: white;"
  " font-feature-settings: \"tnum\"; }\n";

static void
ensure_css (void)
{
  static gboolean loaded;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, chart_view_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
update_description (StrideChartView *self)
{
  g_clear_pointer (&self->description, g_free);
  if (self->chart != NULL)
    self->description = stride_chart_describe (self->chart);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description != NULL ? self->description : "",
                                  -1);
}

static void
hide_readout (StrideChartView *self)
{
  if (!self->hovering && self->readout == NULL)
    return;

  self->hovering = FALSE;
  g_clear_pointer (&self->readout, g_free);
  gtk_widget_set_visible (self->readout_label, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
get_size (StrideChartView *self,
          double          *width,
          double          *height)
{
  *width = gtk_widget_get_width (GTK_WIDGET (self));
  *height = gtk_widget_get_height (GTK_WIDGET (self));

  return self->chart != NULL && *width > 1 && *height > 1;
}

/* Seconds per pixel and the time at pixel 0, from the engine's mapping. */
static gboolean
x_mapping (StrideChartView *self,
           double          *origin,
           double          *seconds_per_px)
{
  double width;
  double height;
  double at_end;

  if (!get_size (self, &width, &height))
    return FALSE;

  *origin = stride_chart_x_at (self->chart, width, 0);
  at_end = stride_chart_x_at (self->chart, width, width);
  *seconds_per_px = (at_end - *origin) / width;

  return isfinite (*seconds_per_px) && *seconds_per_px > 0;
}

static void
apply_range (StrideChartView *self,
             double           from,
             double           to)
{
  double base_span = self->base_to - self->base_from;
  double span = to - from;

  if (self->chart == NULL || !(base_span > 0) || !isfinite (from) || !isfinite (to))
    return;

  /* Never narrower than a minute, never wider than the whole range, and
   * always inside it. */
  span = CLAMP (span, MIN (MIN_SPAN_S, base_span), base_span);
  if (from < self->base_from)
    from = self->base_from;
  if (from + span > self->base_to)
    from = self->base_to - span;
  to = from + span;

  if (from == self->view_from && to == self->view_to)
    return;

  self->view_from = from;
  self->view_to = to;
  stride_chart_set_x_range (self->chart, from, to);
  g_clear_object (&self->image);
  hide_readout (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fill_style (StrideChartView  *self,
            StrideChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

  stride_chart_data_style_init (style, adw_style_manager_get_dark (manager),
                                adw_style_manager_get_high_contrast (manager));
  /* The card behind shows through. */
  style->background.alpha = 0;
}

/* Event handlers */

static void
motion_cb (StrideChartView          *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (!self->dragging)
    stride_chart_view_hover (self, x, y);
}

static void
leave_cb (StrideChartView          *self,
          GtkEventControllerMotion *controller)
{
  hide_readout (self);
}

static gboolean
scroll_cb (StrideChartView          *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  if (self->chart == NULL)
    return FALSE;

  if (dy != 0)
    stride_chart_view_zoom (self, pow (ZOOM_STEP, CLAMP (dy, -4, 4)), self->pointer_x);
  if (dx != 0)
    stride_chart_view_pan (self, CLAMP (dx, -4, 4) * PAN_STEP / 2);

  return TRUE;
}

static void
drag_begin_cb (StrideChartView *self,
               double           x,
               double           y,
               GtkGestureDrag  *gesture)
{
  double origin;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_from = self->view_from;
  self->drag_to = self->view_to;
  if (!x_mapping (self, &origin, &self->drag_seconds_per_px))
    self->drag_seconds_per_px = 0;
}

static void
drag_update_cb (StrideChartView *self,
                double           offset_x,
                double           offset_y,
                GtkGestureDrag  *gesture)
{
  double shift;

  if (!self->dragging && fabs (offset_x) < 4)
    return;

  self->dragging = TRUE;
  shift = -offset_x * self->drag_seconds_per_px;
  apply_range (self, self->drag_from + shift, self->drag_to + shift);
}

static void
drag_end_cb (StrideChartView *self,
             double           offset_x,
             double           offset_y,
             GtkGestureDrag  *gesture)
{
  self->dragging = FALSE;
}

static void
style_changed_cb (StrideChartView *self)
{
  g_clear_object (&self->image);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Actions (keyboard) */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StrideChartView *self = STRIDE_CHART_VIEW (widget);

  if (g_str_equal (action_name, "chart.zoom-in"))
    stride_chart_view_zoom (self, 1 / ZOOM_STEP, -1);
  else
    stride_chart_view_zoom (self, ZOOM_STEP, -1);
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  StrideChartView *self = STRIDE_CHART_VIEW (widget);

  stride_chart_view_pan (self, g_str_equal (action_name, "chart.pan-left") ? -PAN_STEP : PAN_STEP);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  stride_chart_view_reset (STRIDE_CHART_VIEW (widget));
}

/* GtkWidget */

static void
stride_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      *minimum = 220;
      *natural = 360;
    }
}

static void
stride_chart_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  StrideChartView *self = STRIDE_CHART_VIEW (widget);
  double origin;
  double seconds_per_px;
  double hover_px = self->pointer_x;
  int label_width;
  int label_height;
  int x;
  int y;

  if (!gtk_widget_get_visible (self->readout_label))
    return;

  gtk_widget_measure (self->readout_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width,
                      NULL, NULL);
  label_width = MIN (label_width, width);
  gtk_widget_measure (self->readout_label, GTK_ORIENTATION_VERTICAL, label_width, NULL,
                      &label_height, NULL, NULL);

  if (x_mapping (self, &origin, &seconds_per_px))
    hover_px = (self->hover_time - origin) / seconds_per_px;

  x = (int) hover_px + READOUT_GAP;
  if (x + label_width > width)
    x = (int) hover_px - READOUT_GAP - label_width;
  x = CLAMP (x, 0, MAX (0, width - label_width));
  y = (int) self->pointer_y - label_height - READOUT_GAP;
  if (y < 0)
    y = (int) self->pointer_y + 2 * READOUT_GAP;
  y = CLAMP (y, 0, MAX (0, height - label_height));

  gtk_widget_size_allocate (self->readout_label,
                            &(GtkAllocation) { x, y, label_width, label_height }, -1);
}

/* The chart is drawn into an image at the widget's scale and shown as a
 * texture: the chart engine's fast path for dense series (a coverage mask,
 * src/charts) applies to image surfaces, and a texture is what the GL
 * renderer wants anyway. */
static GdkTexture *
render_chart (StrideChartView        *self,
              const StrideChartStyle *style,
              double                  width,
              double                  height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int pixel_width = (int) ceil (width * scale);
  int pixel_height = (int) ceil (height * scale);
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  stride_chart_draw (self->chart, cr, width, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The bytes keep the surface alive; cairo's ARGB32 is GDK's default
   * (premultiplied, native byte order) memory format. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * pixel_height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);

  return gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static void
stride_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  StrideChartView *self = STRIDE_CHART_VIEW (widget);
  g_autoptr(GdkTexture) texture = NULL;
  StrideChartStyle style;
  double width;
  double height;
  double origin;
  double seconds_per_px;

  if (!get_size (self, &width, &height))
    return;

  fill_style (self, &style);
  if (self->image != NULL
      && (gdk_texture_get_width (self->image) != (int) ceil (width * gtk_widget_get_scale_factor (widget))
          || gdk_texture_get_height (self->image) != (int) ceil (height * gtk_widget_get_scale_factor (widget))))
    g_clear_object (&self->image);
  if (self->image == NULL)
    self->image = render_chart (self, &style, width, height);
  texture = g_object_ref (self->image);
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* A guide at the value the read-out names. */
  if (self->hovering && x_mapping (self, &origin, &seconds_per_px))
    {
      double px = floor ((self->hover_time - origin) / seconds_per_px);
      GdkRGBA guide = { style.foreground.red, style.foreground.green, style.foreground.blue, 0.45 };

      gtk_snapshot_append_color (snapshot, &guide, &GRAPHENE_RECT_INIT (px, 0, 1, height));
    }

  stride_chart_style_clear (&style);

  gtk_widget_snapshot_child (widget, self->readout_label, snapshot);
}

static void
stride_chart_view_dispose (GObject *object)
{
  StrideChartView *self = STRIDE_CHART_VIEW (object);

  g_clear_pointer (&self->readout_label, gtk_widget_unparent);
  g_clear_pointer (&self->chart, stride_chart_unref);
  g_clear_object (&self->image);

  G_OBJECT_CLASS (stride_chart_view_parent_class)->dispose (object);
}

static void
stride_chart_view_finalize (GObject *object)
{
  StrideChartView *self = STRIDE_CHART_VIEW (object);

  g_free (self->readout);
  g_free (self->description);

  G_OBJECT_CLASS (stride_chart_view_parent_class)->finalize (object);
}

static void
stride_chart_view_class_init (StrideChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_chart_view_dispose;
  object_class->finalize = stride_chart_view_finalize;

  widget_class->measure = stride_chart_view_measure;
  widget_class->size_allocate = stride_chart_view_size_allocate;
  widget_class->snapshot = stride_chart_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_class_install_action (widget_class, "chart.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chart.pan-left", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "chart.pan-right", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "chart.reset", NULL, reset_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK,
                                       "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0,
                                       "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.pan-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.pan-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.pan-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.pan-right",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "chart.reset", NULL);
}

static void
stride_chart_view_init (StrideChartView *self)
{
  GtkEventController *motion;
  GtkEventController *scroll;
  GtkGesture *drag;
  AdwStyleManager *manager;

  ensure_css ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->readout_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->readout_label, "readout");
  gtk_widget_add_css_class (self->readout_label, "caption");
  gtk_label_set_wrap (GTK_LABEL (self->readout_label), TRUE);
  gtk_widget_set_can_target (self->readout_label, FALSE);
  gtk_widget_set_visible (self->readout_label, FALSE);
  gtk_widget_set_parent (self->readout_label, GTK_WIDGET (self));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  manager = adw_style_manager_get_default ();
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
stride_chart_view_new (void)
{
  return g_object_new (STRIDE_TYPE_CHART_VIEW, NULL);
}

StrideChart *
stride_chart_view_get_chart (StrideChartView *self)
{
  g_return_val_if_fail (STRIDE_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
stride_chart_view_set_chart (StrideChartView *self,
                             StrideChart     *chart,
                             double           from,
                             double           to)
{
  g_return_if_fail (STRIDE_IS_CHART_VIEW (self));

  if (chart != NULL)
    stride_chart_ref (chart);
  g_clear_pointer (&self->chart, stride_chart_unref);
  self->chart = chart;

  if (chart != NULL && !(to > from))
    stride_chart_get_data_x_range (chart, &from, &to);
  if (chart == NULL || !(to > from))
    from = to = 0;

  self->base_from = self->view_from = from;
  self->base_to = self->view_to = to;
  if (chart != NULL)
    stride_chart_set_x_range (chart, from, to);
  g_clear_object (&self->image);

  hide_readout (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
stride_chart_view_get_visible_range (StrideChartView *self,
                                     double          *from,
                                     double          *to)
{
  g_return_if_fail (STRIDE_IS_CHART_VIEW (self));

  if (from != NULL)
    *from = self->view_from;
  if (to != NULL)
    *to = self->view_to;
}

void
stride_chart_view_set_visible_range (StrideChartView *self,
                                     double           from,
                                     double           to)
{
  g_return_if_fail (STRIDE_IS_CHART_VIEW (self));

  apply_range (self, from, to);
}

void
stride_chart_view_zoom (StrideChartView *self,
                        double           factor,
                        double           anchor_px)
{
  double anchor;
  double width;
  double height;

  g_return_if_fail (STRIDE_IS_CHART_VIEW (self));
  g_return_if_fail (factor > 0);

  anchor = (self->view_from + self->view_to) / 2;
  if (anchor_px >= 0 && get_size (self, &width, &height))
    anchor = CLAMP (stride_chart_x_at (self->chart, width, anchor_px), self->view_from,
                    self->view_to);

  apply_range (self, anchor - (anchor - self->view_from) * factor,
               anchor + (self->view_to - anchor) * factor);
}

void
stride_chart_view_pan (StrideChartView *self,
                       double           fraction)
{
  double shift;

  g_return_if_fail (STRIDE_IS_CHART_VIEW (self));

  shift = (self->view_to - self->view_from) * fraction;
  apply_range (self, self->view_from + shift, self->view_to + shift);
}

void
stride_chart_view_reset (StrideChartView *self)
{
  g_return_if_fail (STRIDE_IS_CHART_VIEW (self));

  apply_range (self, self->base_from, self->base_to);
}

gboolean
stride_chart_view_hover (StrideChartView *self,
                         double           px,
                         double           py)
{
  g_autofree char *readout = NULL;
  double width;
  double height;
  double x;
  double y;

  g_return_val_if_fail (STRIDE_IS_CHART_VIEW (self), FALSE);

  self->pointer_x = px;
  self->pointer_y = py;
  if (!get_size (self, &width, &height)
      || !stride_chart_pick (self->chart, width, height, px, py, PICK_RADIUS, &readout, &x, &y)
      || readout == NULL)
    {
      hide_readout (self);
      return FALSE;
    }

  if (self->hovering && self->hover_time == x && g_strcmp0 (self->readout, readout) == 0)
    return TRUE;

  self->hovering = TRUE;
  self->hover_time = x;
  g_free (self->readout);
  self->readout = g_steal_pointer (&readout);
  gtk_label_set_text (GTK_LABEL (self->readout_label), self->readout);
  gtk_widget_set_visible (self->readout_label, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

void
stride_chart_view_unhover (StrideChartView *self)
{
  g_return_if_fail (STRIDE_IS_CHART_VIEW (self));

  hide_readout (self);
}

const char *
stride_chart_view_get_readout (StrideChartView *self)
{
  g_return_val_if_fail (STRIDE_IS_CHART_VIEW (self), NULL);

  return self->readout;
}

const char *
stride_chart_view_get_description (StrideChartView *self)
{
  g_return_val_if_fail (STRIDE_IS_CHART_VIEW (self), NULL);

  return self->description;
}

gboolean
stride_chart_view_get_contents (StrideChartView     *self,
                                StrideChartContents *contents)
{
  StrideChart *chart;

  g_return_val_if_fail (STRIDE_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  memset (contents, 0, sizeof *contents);
  contents->series = g_array_new (FALSE, TRUE, sizeof (StrideChartSeriesInfo));
  contents->markers = g_array_new (FALSE, TRUE, sizeof (StrideChartMarkerInfo));
  chart = self->chart;
  if (chart == NULL)
    return FALSE;

  contents->title = stride_chart_get_title (chart);
  contents->empty_text = stride_chart_get_empty_text (chart);
  contents->from = self->view_from;
  contents->to = self->view_to;
  stride_chart_get_data_x_range (chart, &contents->data_from, NULL);
  contents->utc_offset_s = stride_chart_get_utc_offset (chart);

  for (guint side = 0; side < G_N_ELEMENTS (contents->axes); side++)
    stride_chart_get_axis (chart, side, &contents->axes[side].label,
                           &contents->axes[side].unit, &contents->axes[side].kind);

  for (guint i = 0; i < stride_chart_get_n_series (chart); i++)
    {
      StrideChartSeriesInfo info;

      stride_chart_get_series (chart, i, &info.name, &info.side, &info.bars, &info.points,
                               &info.n_points);
      g_array_append_val (contents->series, info);
    }

  for (guint i = 0; i < stride_chart_get_n_markers (chart); i++)
    {
      StrideChartMarkerInfo info;

      stride_chart_get_marker (chart, i, &info.x, &info.label, &info.warning);
      g_array_append_val (contents->markers, info);
    }

  return TRUE;
}

void
stride_chart_contents_clear (StrideChartContents *contents)
{
  g_return_if_fail (contents != NULL);

  g_clear_pointer (&contents->series, g_array_unref);
  g_clear_pointer (&contents->markers, g_array_unref);
}
