/* stride-chart-table.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-chart-table"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "stride-chart-table.h"
#include "stride-types.h"
#include "stride-units.h"

#define SECONDS_PER_DAY 86400.0
/* The Julian day (GDate) of 1970-01-01. */
#define UNIX_EPOCH_JULIAN 719163.0
#define GAP_TEXT        "—"
/* The table never squeezes below this: headers and a few rows show. */
#define MIN_TABLE_HEIGHT 320

/* A row: its time, one value per value column (NAN = gap) and the names
 * of the markers that fall in it. */
#define STRIDE_TYPE_CHART_TABLE_ROW (stride_chart_table_row_get_type ())
G_DECLARE_FINAL_TYPE (StrideChartTableRow, stride_chart_table_row, STRIDE, CHART_TABLE_ROW, GObject)

struct _StrideChartTableRow
{
  GObject  parent_instance;

  double   x;
  double  *values;
  GString *events;
};

G_DEFINE_FINAL_TYPE (StrideChartTableRow, stride_chart_table_row, G_TYPE_OBJECT)

static void
stride_chart_table_row_finalize (GObject *object)
{
  StrideChartTableRow *self = STRIDE_CHART_TABLE_ROW (object);

  g_free (self->values);
  if (self->events != NULL)
    g_string_free (self->events, TRUE);

  G_OBJECT_CLASS (stride_chart_table_row_parent_class)->finalize (object);
}

static void
stride_chart_table_row_class_init (StrideChartTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stride_chart_table_row_finalize;
}

static void
stride_chart_table_row_init (StrideChartTableRow *self)
{
}

static StrideChartTableRow *
row_new (double x,
         guint  n_values)
{
  StrideChartTableRow *row = g_object_new (STRIDE_TYPE_CHART_TABLE_ROW, NULL);

  row->x = x;
  row->values = g_new (double, MAX (n_values, 1));
  for (guint i = 0; i < n_values; i++)
    row->values[i] = NAN;

  return row;
}

static void
row_add_event (StrideChartTableRow *row,
               const char          *label)
{
  if (label == NULL || *label == '\0')
    return;

  if (row->events == NULL)
    row->events = g_string_new (label);
  else
    /* Translators: the separator of two markers in one table cell */
    g_string_append_printf (row->events, _("; %s"), label);
}

/* A column of values: the series of one name (a balance chart draws a line
 * and its dots under one name, which make one column). */
typedef struct
{
  char            *name;
  char            *title;     /* the name with the unit */
  char            *unit;      /* after a value: "min/km", "km", "%"; NULL for none */
  StrideAxisSide   side;
  StrideValueKind  kind;
  guint            decimals;
} ValueColumn;

static void
value_column_free (gpointer data)
{
  ValueColumn *column = data;

  g_free (column->name);
  g_free (column->title);
  g_free (column->unit);
  g_free (column);
}

struct _StrideChartTable
{
  GtkWidget             parent_instance;

  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkLabel             *empty_label;

  /* Owned references */
  GListStore           *rows;            /* StrideChartTableRow, by time */
  GtkSortListModel     *sorted;
  GPtrArray            *columns;         /* ValueColumn */

  /* How rows are made, and what the rows shown were made with */
  StrideChartTableRows  row_mode;
  GDateWeekday          first_weekday;
  StrideChartTableRows  shown_mode;
  int                   utc_offset_s;
  double                origin;          /* PER_SAMPLE: the first point */
  gboolean              has_events;
};

G_DEFINE_FINAL_TYPE (StrideChartTable, stride_chart_table, GTK_TYPE_WIDGET)

/* Table columns: the time, the value columns, then the events if any. */
#define TIME_COLUMN 0

static gboolean
is_value_column (StrideChartTable *self,
                 guint             column)
{
  return column >= 1 && column <= self->columns->len;
}

static ValueColumn *
value_column (StrideChartTable *self,
              guint             column)
{
  return g_ptr_array_index (self->columns, column - 1);
}

/* Formatting */

static char *
format_local (StrideChartTable *self,
              double            x,
              const char       *format)
{
  g_autoptr(GDateTime) local = NULL;

  /* UTC shifted by the chart's offset reads as its local time. */
  local = g_date_time_new_from_unix_utc ((gint64) floor (x + self->utc_offset_s));
  if (local == NULL)
    return g_strdup (GAP_TEXT);

  return g_date_time_format (local, format);
}

static char *
format_time (StrideChartTable    *self,
             StrideChartTableRow *row)
{
  switch (self->shown_mode)
    {
    case STRIDE_CHART_TABLE_ROW_PER_SAMPLE:
      return stride_units_format_duration (MAX (0, row->x - self->origin));

    case STRIDE_CHART_TABLE_ROW_PER_WEEK:
      /* Translators: the first day of a week in a table, see g_date_time_format() */
      return format_local (self, row->x, _("%-d %b %Y"));

    case STRIDE_CHART_TABLE_ROW_PER_MONTH:
      /* Translators: a month in a table, see g_date_time_format(); "November 2026" */
      return format_local (self, row->x, _("%B %Y"));

    case STRIDE_CHART_TABLE_ROW_PER_POINT:
    case STRIDE_CHART_TABLE_ROW_PER_DAY:
    default:
      /* Translators: a day in a table, see g_date_time_format(); "Tue 3 Nov 2026" */
      return format_local (self, row->x, _("%a %-d %b %Y"));
    }
}

static char *
format_value (const ValueColumn *column,
              double             value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = NULL;

  if (!isfinite (value))
    return g_strdup (GAP_TEXT);

  switch (column->kind)
    {
    case STRIDE_VALUE_PACE:
      return stride_units_format_duration (value);

    case STRIDE_VALUE_DURATION:
      {
        gint64 minutes = llround (value / 60);

        return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", minutes / 60, (int) (minutes % 60));
      }

    case STRIDE_VALUE_PERCENT:
    case STRIDE_VALUE_PLAIN:
    default:
      /* One number of decimals per column, so the column lines up. */
      format = g_strdup_printf ("%%.%uf", column->decimals);
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
    }
}

/* "5:12 min/km", "12.3 km", "1.05" */
static char *
format_value_with_unit (const ValueColumn *column,
                        double             value)
{
  g_autofree char *number = format_value (column, value);

  if (column->unit == NULL || !isfinite (value))
    return g_steal_pointer (&number);

  /* Translators: a value and its unit, "5:12 min/km", "12.3 km" */
  return g_strdup_printf (_("%s %s"), number, column->unit);
}

static guint
decimals_for (double largest)
{
  return largest >= 100 ? 0 : largest >= 10 ? 1 : 2;
}

/* The unit of a column from its axis: values of a PACE axis show as
 * minutes:seconds per the axis unit. */
static char *
unit_for (const StrideChartAxisInfo *axis)
{
  const char *unit = axis->unit != NULL && *axis->unit != '\0' ? axis->unit : NULL;

  switch (axis->kind)
    {
    case STRIDE_VALUE_PACE:
      /* Translators: the unit of a pace column, "min/km" from "/km" */
      return g_strdup_printf (_("min%s"), unit != NULL ? unit : _("/km"));

    case STRIDE_VALUE_DURATION:
      /* Translators: the unit of a duration column: hours and minutes */
      return g_strdup (_("h:mm"));

    case STRIDE_VALUE_PERCENT:
      return g_strdup ("%");

    case STRIDE_VALUE_PLAIN:
    default:
      return g_strdup (unit);
    }
}

static const char *time_title (StrideChartTable *self);

/* Cells */

static char *
cell_text (StrideChartTable    *self,
           StrideChartTableRow *row,
           guint                column)
{
  if (column == TIME_COLUMN)
    return format_time (self, row);
  if (is_value_column (self, column))
    return format_value (value_column (self, column), row->values[column - 1]);

  return g_strdup (row->events != NULL ? row->events->str : "");
}

static char *
row_label (StrideChartTable    *self,
           StrideChartTableRow *row)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *time = format_time (self, row);
  g_autofree char *values = NULL;

  for (guint i = 0; i < self->columns->len; i++)
    {
      const ValueColumn *column = g_ptr_array_index (self->columns, i);
      g_autofree char *value = NULL;

      if (!isfinite (row->values[i]))
        continue;
      value = format_value_with_unit (column, row->values[i]);
      /* Translators: a value in the spoken row of a table, "Easy: 5:12 min/km" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), column->name, value));
    }
  if (row->events != NULL)
    g_ptr_array_add (parts, g_strdup (row->events->str));
  g_ptr_array_add (parts, NULL);

  values = g_strjoinv ("; ", (char **) parts->pdata);
  /* Translators: a row of a chart's table for screen readers,
   * "Tue 3 Nov 2026 — Easy: 5:12 min/km; Easy, 5-run average: 5:20 min/km" */
  return g_strdup_printf (_("%s — %s"), time, values);
}

static char *
cell_label (StrideChartTable    *self,
            StrideChartTableRow *row,
            guint                column)
{
  g_autofree char *value = NULL;
  const ValueColumn *values;

  if (column == TIME_COLUMN)
    {
      g_autofree char *time = format_time (self, row);

      return g_strdup_printf (_("%s: %s"), time_title (self), time);
    }

  if (!is_value_column (self, column))
    {
      /* Translators: the spoken events cell of a table, "Events: Lap 2" */
      return g_strdup_printf (_("Events: %s"), row->events != NULL ? row->events->str : _("none"));
    }

  values = value_column (self, column);
  if (!isfinite (row->values[column - 1]))
    /* Translators: a gap in a chart's table, "Easy: no value" */
    return g_strdup_printf (_("%s: no value"), values->name);

  value = format_value_with_unit (values, row->values[column - 1]);
  return g_strdup_printf (_("%s: %s"), values->name, value);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               StrideChartTable         *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  if (column == TIME_COLUMN || is_value_column (self, column))
    gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), is_value_column (self, column) ? 1 : 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              StrideChartTable         *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  StrideChartTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, row, column);
  g_autofree char *spoken = cell_label (self, row, column);
  GtkWidget *cell = gtk_widget_get_parent (label);
  GtkWidget *row_widget = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);

  /* GTK 4.8 names cells and rows after their widget types
   * ("GtkColumnViewCell", "GtkListItemWidget"): they get words instead.
   * The row is what takes the focus: it reads the whole row, so moving
   * down the table tells every value without a trip along each row. */
  if (cell != NULL
      && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)) == GTK_ACCESSIBLE_ROLE_GRID_CELL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                    -1);
  if (column == TIME_COLUMN && row_widget != NULL
      && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row_widget)) == GTK_ACCESSIBLE_ROLE_ROW)
    {
      g_autofree char *words = row_label (self, row);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      words, -1);
    }
}

/* Sorting: gaps after values, whatever the column. */

static int
compare_numbers (double a,
                 double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);

  return (a > b) - (a < b);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const StrideChartTableRow *p = a;
  const StrideChartTableRow *q = b;
  int column = GPOINTER_TO_INT (user_data);
  int order;

  if (column > 0)
    order = compare_numbers (p->values[column - 1], q->values[column - 1]);
  else if (column < 0)
    order = g_strcmp0 (p->events != NULL ? p->events->str : NULL,
                       q->events != NULL ? q->events->str : NULL);
  else
    order = 0;

  /* Equal values keep the order of time. */
  if (order == 0)
    order = compare_numbers (p->x, q->x);

  return order;
}

static void
add_column (StrideChartTable *self,
            guint             column,
            const char       *title,
            gboolean          expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  /* The sorter's key: 0 the time, a value column's number, −1 the events. */
  int key = column == TIME_COLUMN ? 0 : is_value_column (self, column) ? (int) column : -1;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);

  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (key), NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
remove_columns (StrideChartTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

/* Building the rows */

typedef struct
{
  double      key;       /* the row it belongs to */
  double      x;
  guint       column;    /* of self->columns; G_MAXUINT for a marker */
  double      y;
  const char *event;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *p = a;
  const Entry *q = b;
  int order = (p->key > q->key) - (p->key < q->key);

  return order != 0 ? order : (p->x > q->x) - (p->x < q->x);
}

/* Days since 1970-01-01 in the chart's local time. */
static double
local_day (StrideChartTable *self,
           double            x)
{
  return floor ((x + self->utc_offset_s) / SECONDS_PER_DAY);
}

/* The Julian day of the local day at @x; FALSE outside GDate's range. */
static gboolean
local_julian (StrideChartTable *self,
              double            x,
              guint32          *julian)
{
  double day = local_day (self, x) + UNIX_EPOCH_JULIAN;

  if (!(day >= 1 && day <= G_MAXUINT32) || !g_date_valid_julian ((guint32) day))
    return FALSE;

  *julian = (guint32) day;
  return TRUE;
}

/* By day, week or month, a row's key is its first day (days since
 * 1970-01-01, local); by point or sample, its time. */
static double
row_key (StrideChartTable *self,
         double            x)
{
  guint32 julian;
  guint32 first;

  switch (self->shown_mode)
    {
    case STRIDE_CHART_TABLE_ROW_PER_DAY:
      return local_day (self, x);

    case STRIDE_CHART_TABLE_ROW_PER_WEEK:
    case STRIDE_CHART_TABLE_ROW_PER_MONTH:
      if (!local_julian (self, x, &julian))
        return NAN;
      first = self->shown_mode == STRIDE_CHART_TABLE_ROW_PER_WEEK
                ? stride_julian_week_start (julian, self->first_weekday)
                : stride_julian_month_start (julian);
      return (double) first - UNIX_EPOCH_JULIAN;

    case STRIDE_CHART_TABLE_ROW_PER_POINT:
    case STRIDE_CHART_TABLE_ROW_PER_SAMPLE:
    default:
      return x;
    }
}

static gboolean
keys_by_day (StrideChartTable *self)
{
  return self->shown_mode == STRIDE_CHART_TABLE_ROW_PER_DAY
         || self->shown_mode == STRIDE_CHART_TABLE_ROW_PER_WEEK
         || self->shown_mode == STRIDE_CHART_TABLE_ROW_PER_MONTH;
}

static double
row_x_of_key (StrideChartTable *self,
              double            key)
{
  if (keys_by_day (self))
    return key * SECONDS_PER_DAY - self->utc_offset_s;

  return key;
}

static gboolean
in_range (const StrideChartContents *contents,
          double                     x)
{
  return isfinite (x) && x >= contents->from && x <= contents->to;
}

/* The value columns of @contents, and for each series its column. */
static guint *
build_columns (StrideChartTable          *self,
               const StrideChartContents *contents)
{
  guint *column_of = g_new0 (guint, MAX (contents->series->len, 1));

  for (guint i = 0; i < contents->series->len; i++)
    {
      const StrideChartSeriesInfo *series = &g_array_index (contents->series,
                                                            StrideChartSeriesInfo, i);
      const StrideChartAxisInfo *axis = &contents->axes[series->side];
      const char *name = series->name != NULL ? series->name : "";
      ValueColumn *column = NULL;
      guint c;

      for (c = 0; c < self->columns->len; c++)
        {
          column = g_ptr_array_index (self->columns, c);
          if (g_strcmp0 (column->name, name) == 0 && column->side == series->side)
            break;
        }

      if (c == self->columns->len)
        {
          column = g_new0 (ValueColumn, 1);
          column->name = g_strdup (name);
          column->side = series->side;
          column->kind = axis->kind;
          column->unit = unit_for (axis);
          column->title = column->unit != NULL
                          /* Translators: a column of a chart's table and its unit, "Easy (min/km)" */
                          ? g_strdup_printf (_("%s (%s)"), name, column->unit)
                          : g_strdup (name);
          g_ptr_array_add (self->columns, column);
        }
      column_of[i] = c;
    }

  return column_of;
}

static GArray *
collect_entries (StrideChartTable          *self,
                 const StrideChartContents *contents,
                 const guint               *column_of,
                 double                    *largest)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  for (guint i = 0; i < contents->series->len; i++)
    {
      const StrideChartSeriesInfo *series = &g_array_index (contents->series,
                                                            StrideChartSeriesInfo, i);

      for (guint j = 0; j < series->n_points; j++)
        {
          const StrideChartPoint *p = &series->points[j];
          Entry entry = { 0, p->x, column_of[i], p->y, NULL };

          if (!in_range (contents, p->x) || !isfinite (p->y))
            continue;
          entry.key = row_key (self, p->x);
          largest[column_of[i]] = MAX (largest[column_of[i]], fabs (p->y));
          g_array_append_val (entries, entry);
        }
    }

  /* By day or week, a marker makes its day's row (a race between two
   * tests); by point, it joins the row at or after it (a lap). */
  for (guint i = 0; keys_by_day (self) && i < contents->markers->len; i++)
    {
      const StrideChartMarkerInfo *marker = &g_array_index (contents->markers,
                                                            StrideChartMarkerInfo, i);
      Entry entry = { 0, marker->x, G_MAXUINT, NAN, marker->label };

      if (!in_range (contents, marker->x))
        continue;
      entry.key = row_key (self, marker->x);
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_entries);
  return entries;
}

static GPtrArray *
make_rows (StrideChartTable *self,
           GArray           *entries)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  StrideChartTableRow *row = NULL;
  double key = NAN;

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      if (row == NULL || entry->key != key)
        {
          key = entry->key;
          row = row_new (row_x_of_key (self, key), self->columns->len);
          g_ptr_array_add (rows, row);
        }

      /* Two values of one series in one row: the later one. */
      if (entry->column != G_MAXUINT)
        row->values[entry->column] = entry->y;
      else
        row_add_event (row, entry->event);
    }

  return rows;
}

static void
attach_markers_to_points (StrideChartTable          *self,
                          const StrideChartContents *contents,
                          GPtrArray                 *rows)
{
  for (guint i = 0; rows->len > 0 && i < contents->markers->len; i++)
    {
      const StrideChartMarkerInfo *marker = &g_array_index (contents->markers,
                                                            StrideChartMarkerInfo, i);
      guint lo = 0;
      guint hi = rows->len - 1;

      if (!in_range (contents, marker->x))
        continue;

      /* The first row at or after the marker (the last if none). */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (((StrideChartTableRow *) g_ptr_array_index (rows, mid))->x < marker->x)
            lo = mid + 1;
          else
            hi = mid;
        }
      row_add_event (g_ptr_array_index (rows, lo), marker->label);
    }
}

static gboolean
any_marker_in_range (const StrideChartContents *contents)
{
  for (guint i = 0; i < contents->markers->len; i++)
    if (in_range (contents, g_array_index (contents->markers, StrideChartMarkerInfo, i).x))
      return TRUE;

  return FALSE;
}

static const char *
time_title (StrideChartTable *self)
{
  switch (self->shown_mode)
    {
    case STRIDE_CHART_TABLE_ROW_PER_SAMPLE:
      return _("Time");
    case STRIDE_CHART_TABLE_ROW_PER_WEEK:
      return _("Week");
    case STRIDE_CHART_TABLE_ROW_PER_MONTH:
      return _("Month");
    case STRIDE_CHART_TABLE_ROW_PER_POINT:
    case STRIDE_CHART_TABLE_ROW_PER_DAY:
    default:
      return _("Date");
    }
}

static void
describe (StrideChartTable *self,
          const char       *title,
          guint             n_rows)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));

  /* GTK 4.8's row of column titles would read "GtkListItemWidget". */
  if (header != NULL
      && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (header)) == GTK_ACCESSIBLE_ROLE_ROW)
    gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Column Titles"), -1);

  /* Translators: the name of a chart's table for screen readers, "Training Load, as a table" */
  label = g_strdup_printf (_("%s, as a table"), title != NULL ? title : _("Chart"));
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row, %u columns",
                                              "%u rows, %u columns", n_rows),
                                 n_rows, stride_chart_table_get_n_columns (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* GtkWidget */

static void
stride_chart_table_dispose (GObject *object)
{
  StrideChartTable *self = STRIDE_CHART_TABLE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (stride_chart_table_parent_class)->dispose (object);
}

static void
stride_chart_table_finalize (GObject *object)
{
  StrideChartTable *self = STRIDE_CHART_TABLE (object);

  g_ptr_array_unref (self->columns);

  G_OBJECT_CLASS (stride_chart_table_parent_class)->finalize (object);
}

static void
stride_chart_table_class_init (StrideChartTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stride_chart_table_dispose;
  object_class->finalize = stride_chart_table_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "charttable");
}

static void
stride_chart_table_init (StrideChartTable *self)
{
  GtkWidget *scrolled;
  GtkSelectionModel *selection;

  self->columns = g_ptr_array_new_with_free_func (value_column_free);
  self->row_mode = STRIDE_CHART_TABLE_ROW_PER_POINT;
  self->shown_mode = self->row_mode;
  self->first_weekday = G_DATE_MONDAY;

  self->rows = g_list_store_new (STRIDE_TYPE_CHART_TABLE_ROW);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted))));
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");

  /* A height of its own: growing to its rows would make a widget per row. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN_TABLE_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);

  self->empty_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->empty_label, TRUE);
  gtk_label_set_justify (self->empty_label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (GTK_WIDGET (self->empty_label), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->empty_label), 24);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "dim-label");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "table");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_label), "empty");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  stride_chart_table_show (self, NULL, NULL);
}

GtkWidget *
stride_chart_table_new (void)
{
  return g_object_new (STRIDE_TYPE_CHART_TABLE, NULL);
}

void
stride_chart_table_set_rows (StrideChartTable     *self,
                             StrideChartTableRows  rows,
                             GDateWeekday          first_weekday)
{
  g_return_if_fail (STRIDE_IS_CHART_TABLE (self));
  g_return_if_fail (rows <= STRIDE_CHART_TABLE_ROW_PER_MONTH);

  self->row_mode = rows;
  self->first_weekday = g_date_valid_weekday (first_weekday) ? first_weekday : G_DATE_MONDAY;
}

void
stride_chart_table_show (StrideChartTable          *self,
                         const StrideChartContents *contents,
                         const char                *title)
{
  g_autofree guint *column_of = NULL;
  g_autofree double *largest = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GtkColumnViewColumn) time_column = NULL;

  g_return_if_fail (STRIDE_IS_CHART_TABLE (self));

  /* No cell may bind to the old columns while they change. */
  remove_columns (self);
  g_ptr_array_set_size (self->columns, 0);
  self->shown_mode = self->row_mode;
  self->has_events = FALSE;

  if (contents == NULL || contents->series == NULL || contents->markers == NULL)
    {
      g_list_store_remove_all (self->rows);
      gtk_label_set_text (self->empty_label, _("No data in this range"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      describe (self, title, 0);
      return;
    }

  self->utc_offset_s = contents->utc_offset_s;
  self->origin = contents->data_from;

  column_of = build_columns (self, contents);
  largest = g_new0 (double, MAX (self->columns->len, 1));
  entries = collect_entries (self, contents, column_of, largest);
  rows = make_rows (self, entries);
  if (!keys_by_day (self))
    attach_markers_to_points (self, contents, rows);
  self->has_events = any_marker_in_range (contents);

  for (guint c = 0; c < self->columns->len; c++)
    {
      ValueColumn *column = g_ptr_array_index (self->columns, c);

      column->decimals = column->kind == STRIDE_VALUE_PERCENT ? 1 : decimals_for (largest[c]);
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  add_column (self, TIME_COLUMN, time_title (self), FALSE);
  for (guint c = 0; c < self->columns->len; c++)
    add_column (self, c + 1, ((ValueColumn *) g_ptr_array_index (self->columns, c))->title, TRUE);
  if (self->has_events)
    add_column (self, self->columns->len + 1, _("Events"), TRUE);
  time_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), TIME_COLUMN);
  gtk_column_view_sort_by_column (self->column_view, time_column, GTK_SORT_ASCENDING);

  gtk_label_set_text (self->empty_label,
                      contents->empty_text != NULL ? contents->empty_text
                                                   : _("No data in this range"));
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "table" : "empty");
  describe (self, title != NULL ? title : contents->title, rows->len);
}

void
stride_chart_table_show_view (StrideChartTable *self,
                              StrideChartView  *view,
                              const char       *title)
{
  StrideChartContents contents;

  g_return_if_fail (STRIDE_IS_CHART_TABLE (self));
  g_return_if_fail (STRIDE_IS_CHART_VIEW (view));

  if (stride_chart_view_get_contents (view, &contents))
    stride_chart_table_show (self, &contents, title);
  else
    stride_chart_table_show (self, NULL, title);
  stride_chart_contents_clear (&contents);
}

guint
stride_chart_table_get_n_rows (StrideChartTable *self)
{
  g_return_val_if_fail (STRIDE_IS_CHART_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

guint
stride_chart_table_get_n_columns (StrideChartTable *self)
{
  g_return_val_if_fail (STRIDE_IS_CHART_TABLE (self), 0);

  return g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view));
}

const char *
stride_chart_table_get_column_title (StrideChartTable *self,
                                     guint             column)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_return_val_if_fail (STRIDE_IS_CHART_TABLE (self), NULL);

  view_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), column);
  return view_column != NULL ? gtk_column_view_column_get_title (view_column) : NULL;
}

int
stride_chart_table_find_column (StrideChartTable *self,
                                const char       *title)
{
  g_return_val_if_fail (STRIDE_IS_CHART_TABLE (self), -1);

  for (guint c = 0; c < stride_chart_table_get_n_columns (self); c++)
    if (g_strcmp0 (stride_chart_table_get_column_title (self, c), title) == 0)
      return (int) c;

  return -1;
}

static StrideChartTableRow *
get_row (StrideChartTable *self,
         guint             row)
{
  /* The model holds a reference: a borrowed row stays valid. */
  g_autoptr(StrideChartTableRow) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), row);

  return item;
}

char *
stride_chart_table_get_cell (StrideChartTable *self,
                             guint             row,
                             guint             column)
{
  StrideChartTableRow *item;

  g_return_val_if_fail (STRIDE_IS_CHART_TABLE (self), NULL);

  item = get_row (self, row);
  if (item == NULL || column >= stride_chart_table_get_n_columns (self))
    return NULL;

  return cell_text (self, item, column);
}

double
stride_chart_table_get_row_x (StrideChartTable *self,
                              guint             row)
{
  StrideChartTableRow *item;

  g_return_val_if_fail (STRIDE_IS_CHART_TABLE (self), NAN);

  item = get_row (self, row);
  return item != NULL ? item->x : NAN;
}

char *
stride_chart_table_get_row_label (StrideChartTable *self,
                                  guint             row)
{
  StrideChartTableRow *item;

  g_return_val_if_fail (STRIDE_IS_CHART_TABLE (self), NULL);

  item = get_row (self, row);
  return item != NULL ? row_label (self, item) : NULL;
}

GtkColumnView *
stride_chart_table_get_column_view (StrideChartTable *self)
{
  g_return_val_if_fail (STRIDE_IS_CHART_TABLE (self), NULL);

  return self->column_view;
}

void
stride_chart_table_update_toggle (GtkButton *button,
                                  gboolean   showing_table)
{
  const char *label = showing_table ? _("Show as Chart") : _("Show as Table");

  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_button_set_icon_name (button, showing_table ? "stride-charts-symbolic" : "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
