/* stride-xml.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-xml"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "stride-track.h"
#include "stride-xml.h"

/* Nodes between two looks at the cancellable. */
#define CANCEL_CHECK_INTERVAL 4096

/* Slots of the element-name cache; a power of two. Files use a few dozen
 * element names. */
#define NAME_CACHE_SIZE 64

typedef struct
{
  const xmlChar *raw;                /* the node's name, from the dictionary */
  const char    *local;              /* element_name() of it */
} NameCacheEntry;

struct _StrideXmlWalker
{
  xmlTextReaderPtr  reader;
  GInputStream     *stream;
  GCancellable     *cancellable;

  /* Local names of the open elements; the strings belong to the reader's
   * dictionary and live as long as the reader. stack[0] is "", the
   * parent of the root, so that stack[depth - 1] is always the parent of
   * the element being opened. */
  const char      **stack;
  /* The open elements' nodes (open_nodes[0] is NULL): an open element
   * outlives its children, so its node is still the same at its end. */
  xmlNodePtr       *open_nodes;
  guint             depth;
  guint             stack_size;
  /* The text directly inside the open element, NUL-terminated. */
  char             *text;
  gsize             text_len;
  gsize             text_size;
  /* The depth of the open element whose end callback already ran at its
   * last text node (see take_text()), or 0. */
  guint             ended_depth;
  /* The reader's dictionary, known from the first element. */
  xmlDictPtr        dict;
  /* A copy of the last attribute that had to be copied, or NULL. */
  xmlChar          *attribute;
  /* Element names by the node's name pointer: finding the local name
   * (dropping a prefix, interning) for every element was a good part of
   * the walk. Only names the dictionary owns are cached, so a pointer
   * stays the same string for the whole walk. */
  NameCacheEntry    name_cache[NAME_CACHE_SIZE];

  /* The first problem seen, reported when the reader gives up. */
  GError           *read_error;
  char             *xml_message;
  int               xml_line;
  gboolean          xml_fatal;
};

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  StrideXmlWalker *walker = context;
  gssize n;

  if (walker->read_error != NULL)
    return -1;

  n = g_input_stream_read (walker->stream, buffer, len, walker->cancellable,
                           &walker->read_error);
  if (n < 0)
    return -1;

  return (int) n;
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  StrideXmlWalker *walker = user_data;

  if (error == NULL || error->level < XML_ERR_ERROR)
    return;

  /* Keep the first fatal error, which is what stops the reader; until one
   * comes, the first recoverable one (an undeclared namespace prefix,
   * which real exporters write, is not worth refusing a file for). */
  if (walker->xml_message != NULL && (walker->xml_fatal || error->level != XML_ERR_FATAL))
    return;

  g_free (walker->xml_message);
  walker->xml_message = g_strstrip (g_strdup (error->message != NULL ? error->message
                                                                    : "unknown error"));
  walker->xml_line = error->line;
  walker->xml_fatal = error->level == XML_ERR_FATAL;
}

static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  /* libxml2 2.9 wants its one-time setup done once, before threads race. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
fail_from_reader (StrideXmlWalker  *walker,
                  GError          **error)
{
  if (g_cancellable_set_error_if_cancelled (walker->cancellable, error))
    return FALSE;

  if (walker->read_error != NULL)
    {
      if (g_error_matches (walker->read_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                     _("Corrupt compressed data: %s"), walker->read_error->message);
      else if (g_error_matches (walker->read_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                             _("Truncated compressed data: the file ends too early"));
      else
        g_propagate_error (error, g_steal_pointer (&walker->read_error));
      return FALSE;
    }

  if (walker->xml_message != NULL)
    g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                 _("Malformed XML at line %d: %s"), walker->xml_line, walker->xml_message);
  else
    g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                 _("Malformed XML near line %d"),
                 xmlTextReaderGetParserLineNumber (walker->reader));

  return FALSE;
}

/* The local name of the element @node, interned in the reader's
 * dictionary (valid until the reader is freed), so that callers may compare
 * it by pointer with stride_xml_walker_intern()'s strings. */
static const char *
element_name_uncached (StrideXmlWalker *walker,
                       xmlNodePtr       node)
{
  const xmlChar *local = xmlTextReaderConstLocalName (walker->reader);
  const xmlChar *colon;
  const char *name;

  if (local == NULL)
    local = (const xmlChar *) "";

  if (walker->dict == NULL && node->doc != NULL)
    walker->dict = node->doc->dict;

  /* An undeclared prefix stays in the name: drop it too. */
  colon = (const xmlChar *) strrchr ((const char *) local, ':');
  if (colon != NULL)
    local = colon + 1;

  if (colon == NULL && walker->dict != NULL && xmlDictOwns (walker->dict, local) == 1)
    return (const char *) local;

  name = (const char *) xmlTextReaderConstString (walker->reader, local);
  return name != NULL ? name : "";
}

static inline const char *
element_name (StrideXmlWalker *walker,
              xmlNodePtr       node)
{
  NameCacheEntry *entry;
  const char *name;

  /* An element's node name is what xmlTextReaderConstLocalName() gives. */
  entry = &walker->name_cache[((guintptr) node->name >> 3) & (NAME_CACHE_SIZE - 1)];
  if (G_LIKELY (entry->raw == node->name && node->name != NULL))
    return entry->local;

  name = element_name_uncached (walker, node);
  if (node->name != NULL && walker->dict != NULL && xmlDictOwns (walker->dict, node->name) == 1)
    {
      entry->raw = node->name;
      entry->local = name;
    }

  return name;
}

static inline void
push_element (StrideXmlWalker *walker,
              const char      *name,
              xmlNodePtr       node)
{
  if (G_UNLIKELY (walker->depth == walker->stack_size))
    {
      walker->stack_size = MAX (16, walker->stack_size * 2);
      walker->stack = g_renew (const char *, walker->stack, walker->stack_size);
      walker->open_nodes = g_renew (xmlNodePtr, walker->open_nodes, walker->stack_size);
    }
  walker->stack[walker->depth] = name;
  walker->open_nodes[walker->depth] = node;
  walker->depth++;
}

static inline void
clear_text (StrideXmlWalker *walker)
{
  walker->text_len = 0;
  walker->text[0] = '\0';
}

static void
append_text (StrideXmlWalker *walker,
             const char      *value)
{
  gsize len = strlen (value);

  if (G_UNLIKELY (walker->text_len + len + 1 > walker->text_size))
    {
      walker->text_size = MAX (walker->text_size * 2, walker->text_len + len + 1);
      walker->text = g_realloc (walker->text, walker->text_size);
    }
  memcpy (walker->text + walker->text_len, value, len + 1);
  walker->text_len += len;
}

/* Whether the text node @node is one that xmlTextReaderNodeType() calls
 * TEXT or SIGNIFICANT_WHITESPACE (kept), not WHITESPACE (dropped). */
static inline gboolean
is_kept_text (StrideXmlWalker *walker,
              xmlNodePtr       node)
{
  const xmlChar *c = node->content;

  /* A node whose first character is not white space is not blank, which
   * covers every value a track has; only the rest ask the reader. */
  if (G_LIKELY (c != NULL && *c != ' ' && *c != '\t' && *c != '\n' && *c != '\r' && *c != '\0'))
    return TRUE;

  return xmlTextReaderNodeType (walker->reader) != XML_READER_TYPE_WHITESPACE;
}

static gboolean
start_element (StrideXmlWalker     *walker,
               xmlNodePtr           node,
               StrideXmlStartFunc   start_func,
               StrideXmlEndFunc     end_func,
               gpointer             user_data,
               GError             **error)
{
  const char *name = element_name (walker, node);
  const char *parent = walker->stack[walker->depth - 1];
  /* Only a childless element can be <ele/>, which has no end node of
   * its own. */
  gboolean empty = node->children == NULL
                   && xmlTextReaderIsEmptyElement (walker->reader) == 1;

  push_element (walker, name, node);
  clear_text (walker);

  if (start_func != NULL && !start_func (walker, name, parent, user_data, error))
    return FALSE;

  if (empty)
    {
      if (end_func != NULL && !end_func (walker, name, parent, "", user_data, error))
        return FALSE;
      walker->depth--;
    }

  return TRUE;
}

/* Handles the kept text node @node. Most elements hold one text node and
 * nothing else: then, when the node has no next sibling, the reader has
 * already read to the element's end (it reads a text node to its end, up
 * to the next sibling or the parent's end, before showing it) and the
 * element's end is the next node. The end callback runs now, with the
 * node's own text, instead of copying it: the reader frees the node before
 * it shows the end. Other text is collected for the end. */
static gboolean
take_text (StrideXmlWalker     *walker,
           xmlNodePtr           node,
           StrideXmlEndFunc     end_func,
           gpointer             user_data,
           GError             **error)
{
  if (walker->text_len == 0 && node->next == NULL && walker->depth > 1 && end_func != NULL)
    {
      const char *name = walker->stack[walker->depth - 1];
      const char *parent = walker->stack[walker->depth - 2];

      walker->ended_depth = walker->depth;
      return end_func (walker, name, parent, (const char *) node->content, user_data, error);
    }

  append_text (walker, (const char *) node->content);
  return TRUE;
}

static gboolean
walk (StrideXmlWalker     *walker,
      StrideXmlStartFunc   start_func,
      StrideXmlEndFunc     end_func,
      gpointer             user_data,
      GError             **error)
{
  guint n_nodes = 0;
  int ret;

  /* One reader call per node where the node itself tells enough: its
   * type, name, children and text are fields of the node. */
  while ((ret = xmlTextReaderRead (walker->reader)) == 1)
    {
      xmlNodePtr node = xmlTextReaderCurrentNode (walker->reader);

      if (G_UNLIKELY (++n_nodes % CANCEL_CHECK_INTERVAL == 0)
          && g_cancellable_set_error_if_cancelled (walker->cancellable, error))
        return FALSE;

      if (G_UNLIKELY (node == NULL))
        continue;

      switch (node->type)
        {
        case XML_ELEMENT_NODE:
          /* An element is seen twice, at its start and at its end (but
           * <ele/> once): its end is the innermost open element's node
           * coming round again. Asking the reader (NodeType) cost more
           * than this comparison, for every element. */
          if (node != walker->open_nodes[walker->depth - 1])
            {
              if (!start_element (walker, node, start_func, end_func, user_data, error))
                return FALSE;
            }
          else
            {
              const char *name = walker->stack[walker->depth - 1];
              const char *parent = walker->stack[walker->depth - 2];

              if (walker->ended_depth == walker->depth)
                walker->ended_depth = 0;
              else if (end_func != NULL
                       && !end_func (walker, name, parent, walker->text, user_data, error))
                return FALSE;

              walker->depth--;
              clear_text (walker);
            }
          break;

        case XML_TEXT_NODE:
          if (node->content != NULL && is_kept_text (walker, node)
              && !take_text (walker, node, end_func, user_data, error))
            return FALSE;
          break;

        case XML_CDATA_SECTION_NODE:
          if (node->content != NULL && !take_text (walker, node, end_func, user_data, error))
            return FALSE;
          break;

        default:
          /* Comments, processing instructions, entity references (never
           * expanded), the doctype: nothing a track needs. */
          break;
        }
    }

  if (ret < 0 || walker->xml_fatal || walker->read_error != NULL)
    return fail_from_reader (walker, error);

  return !g_cancellable_set_error_if_cancelled (walker->cancellable, error);
}

gboolean
stride_xml_walk (GInputStream        *stream,
                 StrideXmlStartFunc   start_func,
                 StrideXmlEndFunc     end_func,
                 gpointer             user_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  StrideXmlWalker walker = { 0, };
  gboolean ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_libxml ();

  walker.stream = stream;
  walker.cancellable = cancellable;
  walker.text_size = 256;
  walker.text = g_malloc (walker.text_size);
  clear_text (&walker);
  /* The root's parent. */
  push_element (&walker, "", NULL);

  /* No XML_PARSE_NOENT (entities are not substituted), no
   * XML_PARSE_DTDLOAD/DTDVALID (no external DTD is fetched), and NONET in
   * case anything else would reach for the network. */
  walker.reader = xmlReaderForIO (read_cb, NULL, &walker, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  if (walker.reader == NULL)
    {
      ok = FALSE;
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          if (walker.read_error != NULL)
            g_propagate_error (error, g_steal_pointer (&walker.read_error));
          else
            g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                                 _("Could not start reading the XML document"));
        }
    }
  else
    {
      xmlTextReaderSetStructuredErrorHandler (walker.reader, structured_error_cb, &walker);
      ok = walk (&walker, start_func, end_func, user_data, error);
      xmlFreeTextReader (walker.reader);
    }

  g_clear_error (&walker.read_error);
  g_clear_pointer (&walker.attribute, xmlFree);
  g_free (walker.xml_message);
  g_free (walker.stack);
  g_free (walker.open_nodes);
  g_free (walker.text);

  return ok;
}

const char *
stride_xml_walker_get_ancestor (StrideXmlWalker *walker,
                                guint            up)
{
  g_return_val_if_fail (walker != NULL, "");

  /* stack[0] is the root's parent. */
  if (up + 1 >= walker->depth)
    return "";

  return walker->stack[walker->depth - 1 - up];
}

guint
stride_xml_walker_get_depth (StrideXmlWalker *walker)
{
  g_return_val_if_fail (walker != NULL, 0);

  return walker->depth - 1;
}

int
stride_xml_walker_get_line (StrideXmlWalker *walker)
{
  g_return_val_if_fail (walker != NULL, 0);

  return xmlTextReaderGetParserLineNumber (walker->reader);
}

char *
stride_xml_walker_dup_attribute (StrideXmlWalker *walker,
                                 const char      *name)
{
  xmlChar *value;
  char *copy;

  g_return_val_if_fail (walker != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  value = xmlTextReaderGetAttribute (walker->reader, (const xmlChar *) name);
  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

const char *
stride_xml_walker_get_attribute (StrideXmlWalker *walker,
                                 const char      *name)
{
  xmlNodePtr node;

  g_return_val_if_fail (walker != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* The usual attribute is one text node: its text needs no copy. Its
   * name is in the reader's dictionary, so an interned @name matches by
   * pointer. */
  node = xmlTextReaderCurrentNode (walker->reader);
  if (node != NULL && node->type == XML_ELEMENT_NODE)
    {
      for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
        {
          if (attr->ns != NULL
              || ((const char *) attr->name != name
                  && strcmp ((const char *) attr->name, name) != 0))
            continue;
          if (attr->children == NULL)
            return "";
          if (attr->children->next == NULL && attr->children->type == XML_TEXT_NODE
              && attr->children->content != NULL)
            return (const char *) attr->children->content;
          break;
        }
    }

  g_clear_pointer (&walker->attribute, xmlFree);
  walker->attribute = xmlTextReaderGetAttribute (walker->reader, (const xmlChar *) name);

  return (const char *) walker->attribute;
}

const char *
stride_xml_walker_intern (StrideXmlWalker *walker,
                          const char      *name)
{
  const char *interned;

  g_return_val_if_fail (walker != NULL, "");
  g_return_val_if_fail (name != NULL, "");

  interned = (const char *) xmlTextReaderConstString (walker->reader, (const xmlChar *) name);
  return interned != NULL ? interned : "";
}

gboolean
stride_xml_check_root (const char  *name,
                       const char  *root,
                       const char  *format,
                       GError     **error)
{
  if (!g_str_equal (name, root))
    {
      g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                   _("Not a %s file: the document element is <%s>"), format, name);
      return FALSE;
    }
  return TRUE;
}

gboolean
stride_xml_text_is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }
  return TRUE;
}
