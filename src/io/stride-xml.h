/* stride-xml.h
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A thin event walker over libxml2's streaming xmlTextReader, shared by the
 * GPX and TCX importers. It never loads a DTD, never touches the network and
 * never substitutes entities; element names are local names (namespace
 * prefixes dropped), because real files put the same extension elements in
 * many namespaces. */

typedef struct _StrideXmlWalker StrideXmlWalker;

/* Called for each element start; @name is the local name, interned: it is
 * the same pointer as stride_xml_walker_intern() gives for that name;
 * @parent is the parent's (stride_xml_walker_get_ancestor (walker, 1)),
 * "" for the root. */
typedef gboolean (*StrideXmlStartFunc) (StrideXmlWalker  *walker,
                                        const char       *name,
                                        const char       *parent,
                                        gpointer          user_data,
                                        GError          **error);

/* Called for each element end with the text directly inside it (child
 * elements' text is not included; comments are skipped). @text is valid
 * during the call only. For an element whose last node is its text the
 * call comes at that text, just before the reader shows the end tag. */
typedef gboolean (*StrideXmlEndFunc)   (StrideXmlWalker  *walker,
                                        const char       *name,
                                        const char       *parent,
                                        const char       *text,
                                        gpointer          user_data,
                                        GError          **error);

/* Reads @stream to the end. Malformed XML fails with
 * STRIDE_IMPORT_ERROR_MALFORMED and the line number; a callback returning
 * FALSE stops the walk with its error. */
gboolean    stride_xml_walk                 (GInputStream        *stream,
                                             StrideXmlStartFunc   start_func,
                                             StrideXmlEndFunc     end_func,
                                             gpointer             user_data,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* Local name of the element @up levels above the current one (0 = the
 * current element), or "" above the root. */
const char *stride_xml_walker_get_ancestor  (StrideXmlWalker     *walker,
                                             guint                up);
/* Depth of the current element; the root is 1. */
guint       stride_xml_walker_get_depth     (StrideXmlWalker     *walker);
/* Line of the current node in the (decompressed) document. */
int         stride_xml_walker_get_line      (StrideXmlWalker     *walker);
/* Only valid in a start callback: the attribute with this (unprefixed)
 * name, or NULL. */
char       *stride_xml_walker_dup_attribute (StrideXmlWalker     *walker,
                                             const char          *name);

/* Only valid in a start callback: the attribute with this (unprefixed)
 * name, or NULL; the string is valid until the next call or the callback
 * returns. Unlike dup_attribute, usually copies nothing; a @name from
 * stride_xml_walker_intern() is found faster. */
const char *stride_xml_walker_get_attribute (StrideXmlWalker     *walker,
                                             const char          *name);
/* @name interned in the reader's dictionary (valid during the walk): the
 * element names given to the callbacks compare with it by pointer. */
const char *stride_xml_walker_intern        (StrideXmlWalker     *walker,
                                             const char          *name);

/* For the start callback of the document element @name: TRUE if it is
 * @root, else FALSE with STRIDE_IMPORT_ERROR_MALFORMED saying that this is
 * not a @format file. */
gboolean    stride_xml_check_root           (const char          *name,
                                             const char          *root,
                                             const char          *format,
                                             GError             **error);
/* Whether element text is empty or only white space. */
gboolean    stride_xml_text_is_blank        (const char          *text);

G_END_DECLS
