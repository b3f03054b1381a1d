/* stride-xml.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-xml"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "stride-track.h"
#include "stride-xml.h"

/* Nodes between two looks at the cancellable. */
#define CANCEL_CHECK_INTERVAL 4096

struct _StrideXmlWalker
{
  xmlTextReaderPtr  reader;
  GInputStream     *stream;
  GCancellable     *cancellable;

  /* Local names of the open elements; the strings belong to the reader's
   * dictionary and live as long as the reader. */
  const char      **stack;
  guint             depth;
  guint             stack_size;
  GString          *text;
  /* The reader's dictionary, known from the first element. */
  xmlDictPtr        dict;
  /* A copy of the last attribute that had to be copied, or NULL. */
  xmlChar          *attribute;

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
                     "Corrupt compressed data: %s", walker->read_error->message);
      else if (g_error_matches (walker->read_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        g_set_error_literal (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                             "Truncated compressed data: the file ends too early");
      else
        g_propagate_error (error, g_steal_pointer (&walker->read_error));
      return FALSE;
    }

  if (walker->xml_message != NULL)
    g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                 "Malformed XML at line %d: %s", walker->xml_line, walker->xml_message);
  else
    g_set_error (error, STRIDE_IMPORT_ERROR, STRIDE_IMPORT_ERROR_MALFORMED,
                 "Malformed XML near line %d",
                 xmlTextReaderGetParserLineNumber (walker->reader));

  return FALSE;
}

/* The local name of the current element, interned in the reader's
 * dictionary (valid until the reader is freed), so that callers may compare
 * it by pointer with stride_xml_walker_intern()'s strings. */
static const char *
element_name (StrideXmlWalker *walker)
{
  const xmlChar *local = xmlTextReaderConstLocalName (walker->reader);
  const xmlChar *colon;
  const char *name;

  if (local == NULL)
    local = (const xmlChar *) "";

  if (walker->dict == NULL)
    {
      xmlNodePtr node = xmlTextReaderCurrentNode (walker->reader);

      if (node != NULL && node->doc != NULL)
        walker->dict = node->doc->dict;
    }

  /* An undeclared prefix stays in the name: drop it too. */
  colon = (const xmlChar *) strrchr ((const char *) local, ':');
  if (colon != NULL)
    local = colon + 1;

  /* The reader names elements with its dictionary's strings; looking one
   * up again (hashing it) for every element was a good part of the walk. */
  if (colon == NULL && walker->dict != NULL && xmlDictOwns (walker->dict, local) == 1)
    return (const char *) local;

  name = (const char *) xmlTextReaderConstString (walker->reader, local);
  return name != NULL ? name : "";
}

static void
push_name (StrideXmlWalker *walker,
           const char      *name)
{
  if (walker->depth == walker->stack_size)
    {
      walker->stack_size = MAX (16, walker->stack_size * 2);
      walker->stack = g_renew (const char *, walker->stack, walker->stack_size);
    }
  walker->stack[walker->depth++] = name;
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

  while ((ret = xmlTextReaderRead (walker->reader)) == 1)
    {
      int type = xmlTextReaderNodeType (walker->reader);

      if (++n_nodes % CANCEL_CHECK_INTERVAL == 0
          && g_cancellable_set_error_if_cancelled (walker->cancellable, error))
        return FALSE;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          {
            const char *name = element_name (walker);
            gboolean empty = xmlTextReaderIsEmptyElement (walker->reader) == 1;

            push_name (walker, name);
            g_string_truncate (walker->text, 0);

            if (start_func != NULL && !start_func (walker, name, user_data, error))
              return FALSE;

            /* <ele/> has no end node of its own. */
            if (empty)
              {
                if (end_func != NULL && !end_func (walker, name, "", user_data, error))
                  return FALSE;
                walker->depth--;
              }
          }
          break;

        case XML_READER_TYPE_END_ELEMENT:
          {
            const char *name;

            if (walker->depth == 0)
              break;

            name = walker->stack[walker->depth - 1];
            if (end_func != NULL && !end_func (walker, name, walker->text->str, user_data, error))
              return FALSE;

            walker->depth--;
            g_string_truncate (walker->text, 0);
          }
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          {
            const char *value = (const char *) xmlTextReaderConstValue (walker->reader);

            if (value != NULL)
              g_string_append (walker->text, value);
          }
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
  walker.text = g_string_new (NULL);

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
                                 "Could not start reading the XML document");
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
  g_string_free (walker.text, TRUE);

  return ok;
}

const char *
stride_xml_walker_get_ancestor (StrideXmlWalker *walker,
                                guint            up)
{
  g_return_val_if_fail (walker != NULL, "");

  if (up >= walker->depth)
    return "";

  return walker->stack[walker->depth - 1 - up];
}

guint
stride_xml_walker_get_depth (StrideXmlWalker *walker)
{
  g_return_val_if_fail (walker != NULL, 0);

  return walker->depth;
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

  /* The usual attribute is one text node: its text needs no copy. */
  node = xmlTextReaderCurrentNode (walker->reader);
  if (node != NULL && node->type == XML_ELEMENT_NODE)
    {
      for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
        {
          if (attr->ns != NULL || strcmp ((const char *) attr->name, name) != 0)
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
                   "Not a %s file: the document element is <%s>", format, name);
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
