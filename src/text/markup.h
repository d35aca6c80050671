// libxml2 for the web page and feed readers: parsing as those readers need it, and small
// accessors. Internal to src/text; thread-safe (Parse sets libxml2 up once, on first use).
#ifndef THAW_TEXT_MARKUP_H_
#define THAW_TEXT_MARKUP_H_

#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace thaw::markup {

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

// Parses `bytes` as HTML (`html`) or XML, recovering from errors, silently, with no network
// access and no external entities. Bytes that are valid UTF-8 are read as UTF-8 whatever the
// document declares (--encoding or a byte-order mark may have converted them already); other
// bytes as its <meta charset> or XML declaration says. Null when nothing could be parsed or
// `bytes` exceeds libxml2's 2 GB.
DocPtr Parse(std::string_view bytes, const std::string& url, bool html);

// The element's name (local, without its prefix), or "" for nodes without one.
inline std::string_view Name(const xmlNode* n) {
  return n->name == nullptr ? std::string_view() : reinterpret_cast<const char*>(n->name);
}

// The value of attribute `name` of `n`, or nullopt when it has none.
std::optional<std::string> Attribute(const xmlNode* n, const char* name);

}  // namespace thaw::markup

#endif  // THAW_TEXT_MARKUP_H_
