// The per-format readers behind OpenDocumentReader, and helpers they share.
// Internal to src/text. Readers own their ByteSource and borrow the Diagnostics.
#ifndef THAW_TEXT_READERS_H_
#define THAW_TEXT_READERS_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "text/byte_source.h"
#include "text/reader.h"

namespace thaw {

std::unique_ptr<DocumentReader> NewPetrarchXmlReader(std::unique_ptr<ByteSource> src,
                                                     Diagnostics* diags);
std::unique_ptr<DocumentReader> NewConlluReader(std::unique_ptr<ByteSource> src,
                                                Diagnostics* diags);
std::unique_ptr<DocumentReader> NewJsonlReader(std::unique_ptr<ByteSource> src,
                                               const JsonlFields& fields, Diagnostics* diags);
std::unique_ptr<DocumentReader> NewTextReader(std::unique_ptr<ByteSource> src, Diagnostics* diags);
std::unique_ptr<DocumentReader> NewHtmlReader(std::unique_ptr<ByteSource> src, Diagnostics* diags);
std::unique_ptr<DocumentReader> NewFeedReader(std::unique_ptr<ByteSource> src, Diagnostics* diags);

// The text of an HTML fragment (a feed item's description) as the web page reader builds a
// page's: tags and entities gone, a paragraph per block, scripts and the like left out.
std::string HtmlFragmentText(std::string_view html);

// Ends the warning for invalid UTF-8, after what held it: what was done, and how to read a
// file in a legacy encoding.
inline constexpr std::string_view kBadUtf8Replaced =
    "; bad bytes replaced with U+FFFD (if the file is in another encoding, name it: "
    "--encoding windows-1252 reads Latin-1 and Windows text)";

// Picks the reader for `src` (kAuto: by extension, or by the first non-blank byte for
// stdin). Blank input yields a reader with no documents and an "empty input" diagnostic.
std::unique_ptr<DocumentReader> NewReaderFor(std::unique_ptr<ByteSource> src,
                                             const ReadOptions& options, Diagnostics* diags);

// Whitespace as JSON has it (also what separates marks when stdin is sniffed).
inline bool IsJsonSpace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The format for a path's extension (case-insensitive): .xml, .conllu, .jsonl/.json, .txt,
// .html/.htm/.xhtml, .rss/.atom; kAuto when the extension is none of these.
InputFormat FormatFromExtension(std::string_view path);
// The format stdin most likely holds given `head`, its first bytes from the first non-blank
// one: '<' by the root element: a web page (html, head, body, or the html doctype) HTML, a
// feed (rss, feed, rdf:RDF) kFeed, else PETRARCH XML; '{' or "[{" / "[]" JSON; '#' or a digit
// CoNLL-U; anything else plain text. SniffHead reads
// as much as this needs.
InputFormat SniffFormat(std::string_view head);
// The name of the first element in `head` (an XML or HTML start), past an XML declaration,
// processing instructions, comments and a doctype; "html" for an HTML doctype. Empty when
// `head` ends before the name does.
std::string_view RootElement(std::string_view head);
// The start of `src` that SniffFormat needs, and no more, so that a live feed is not held up
// waiting for bytes that decide nothing: after a '<' up to the root element's name (past an
// XML declaration, comments and a doctype; 16, 32, ... up to 4096 bytes), up to the next
// non-blank byte after a '[', else the first byte.
std::string SniffHead(ByteSource* src);
// `s` cut to at most `max` bytes (at a UTF-8 boundary) with "..." appended when cut, so
// that messages quoting input stay readable when the input is a 10 MB line.
std::string Excerpt(std::string_view s, size_t max = 60);
// "dir/a.txt" -> "a.txt"; "<stdin>" -> "stdin".
std::string BaseName(std::string_view path);

// When *s is not valid UTF-8, replaces each bad byte with U+FFFD and returns the line of
// the first bad byte, counting from `first_line` at the start of *s; otherwise returns 0.
int RepairUtf8InPlace(std::string* s, int first_line);
// The line of byte `offset` in `s`, counting from `first_line` at its start.
int LineAt(std::string_view s, size_t offset, int first_line);

}  // namespace thaw

#endif  // THAW_TEXT_READERS_H_
