#include "text/markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <climits>

#include "base/strings.h"

namespace thaw::markup {

DocPtr Parse(std::string_view bytes, const std::string& url, bool html) {
  static const bool initialized = [] {
    xmlInitParser();  // once, before any thread parses
    return true;
  }();
  (void)initialized;
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return DocPtr(nullptr, &xmlFreeDoc);
  const char* encoding = IsValidUtf8(bytes) ? "UTF-8" : nullptr;
  const char* name = url.empty() ? nullptr : url.c_str();
  const int size = static_cast<int>(bytes.size());
  xmlDoc* doc = html ? htmlReadMemory(bytes.data(), size, name, encoding,
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                          HTML_PARSE_NOWARNING | HTML_PARSE_NONET)
                     : xmlReadMemory(bytes.data(), size, name, encoding,
                                     XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                         XML_PARSE_NONET);
  return DocPtr(doc, &xmlFreeDoc);
}

std::optional<std::string> Attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

}  // namespace thaw::markup
