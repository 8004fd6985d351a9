#ifndef PORTICO_CLIBXML2_SHIM_H
#define PORTICO_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so encoding.h would include the system's <unicode/ucnv.h>,
   whose types clash with the copy of ICU that Foundation brings. Portico only parses UTF-8 and
   never touches an encoding handler (the one struct the flag changes), so the include is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
