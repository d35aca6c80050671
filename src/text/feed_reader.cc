// Reads a news feed, RSS 2.0, RSS 1.0 (RDF) or Atom, parsed with libxml2: one Document per
// <item> or <entry>. Its text is the headline, a blank line, then the article as the feed
// carries it (content:encoded or Atom <content> when there, else <description> or
// <summary>), read as HTML as web pages are (html_reader.cc), so tags and entities go and
// blocks become paragraphs. Its date is <pubDate>, <dc:date>, <published> or <updated>; its
// id the <guid> or <id>, else the link, else "<file>#<n>"; its URL the link; its source the
// channel's or feed's title; its origin the item's line.
//
// Per item: an item without headline and article text is skipped with a diagnostic; a date
// that is no date is reported and dropped, the item kept. The whole feed is read before the
// first item is given (feeds are a few hundred kB). Encoding: valid UTF-8 is read as UTF-8,
// other bytes as the XML declaration says. No network access and no external entities: a
// feed cannot make thaw read other files.

#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "text/clean.h"
#include "text/dates.h"
#include "text/markup.h"
#include "text/readers.h"

namespace thaw {
namespace {

using markup::Name;

// The text content of `n` (all descendant text), trimmed.
std::string Content(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  if (c == nullptr) return std::string();
  std::string out(Trim(reinterpret_cast<const char*>(c)));
  xmlFree(c);
  return out;
}

// The value of attribute `name`, trimmed; "" when `n` has none.
std::string Attribute(const xmlNode* n, const char* name) {
  return std::string(Trim(markup::Attribute(n, name).value_or("")));
}

// The markup inside `n`, as written (Atom content of type "xhtml").
std::string InnerMarkup(xmlDoc* doc, xmlNode* n) {
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buf(xmlBufferCreate(), &xmlBufferFree);
  for (xmlNode* c = n->children; c != nullptr; c = c->next) xmlNodeDump(buf.get(), doc, c, 0, 0);
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buf.get())),
                     static_cast<size_t>(xmlBufferLength(buf.get())));
}

// One item or entry, as the feed gives it.
struct Item {
  std::string title, body, date, id, link;
  int line = 0;
};

class FeedReader : public DocumentReader {
 public:
  FeedReader(std::unique_ptr<ByteSource> src, Diagnostics* diags)
      : src_(std::move(src)), diags_(diags) {}

  Result<bool> Next(Document* doc) override {
    if (!parsed_) {
      parsed_ = true;
      Status s = Parse();
      if (!s.ok()) return s;
    }
    while (next_ < items_.size()) {
      const Item& item = items_[next_++];
      if (ToDocument(item, doc)) return true;
    }
    return false;
  }

 private:
  Status Parse() {
    std::string xml;
    src_->ReadAll(&xml);
    if (!src_->status().ok()) return src_->status();
    const markup::DocPtr doc = markup::Parse(xml, src_->name(), /*html=*/false);
    xmlNode* root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc.get());
    if (root == nullptr) {
      diags_->Add(src_->name(), 1, "not a feed thaw could read (no XML elements); skipped");
      return Status::Ok();
    }
    // RSS 2.0: rss > channel > item; RSS 1.0: rdf:RDF > channel, item; Atom: feed > entry.
    const bool atom = Name(root) == "feed";
    for (xmlNode* n = root->children; n != nullptr; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (Name(n) == "channel") {
        for (xmlNode* c = n->children; c != nullptr; c = c->next) {
          if (c->type != XML_ELEMENT_NODE) continue;
          if (Name(c) == "title" && source_.empty()) source_ = Content(c);
          if (Name(c) == "item") items_.push_back(ReadItem(doc.get(), c, false));
        }
      } else if (Name(n) == "item" || Name(n) == "entry") {
        items_.push_back(ReadItem(doc.get(), n, atom));
      } else if (atom && Name(n) == "title" && source_.empty()) {
        source_ = Content(n);
      }
    }
    if (items_.empty()) diags_->Add(src_->name(), 1, "no <item> or <entry> in the feed");
    return Status::Ok();
  }

  static Item ReadItem(xmlDoc* doc, xmlNode* n, bool atom) {
    Item item;
    item.line = static_cast<int>(xmlGetLineNo(n));
    std::string content, summary, published, updated;
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = Name(c);
      // Headlines and articles as HTML. RSS: titles are text, the rest HTML; Atom says which
      // ("text" when it does not).
      const std::string type = atom ? Attribute(c, "type") : std::string();
      const bool html = atom ? (type == "html" || type == "xhtml") : name != "title";
      const std::string text = type == "xhtml" ? InnerMarkup(doc, c) : Content(c);
      auto as_html = [&] { return html ? text : HtmlEscaped(text); };
      if (name == "title") {
        item.title = HtmlFragmentText(as_html());
      } else if (name == "encoded" || name == "content") {  // content:encoded, Atom content
        content = as_html();
      } else if (name == "description" || name == "summary") {
        summary = as_html();
      } else if (name == "pubDate" || name == "date" || name == "published") {
        published = text;
      } else if (name == "updated") {
        updated = text;
      } else if (name == "guid" || name == "id") {
        item.id = text;
      } else if (name == "link") {
        // RSS's text, or the href of an Atom link to the article (not "edit", "self", ...);
        // the first that gives one.
        const std::string rel = Attribute(c, "rel");
        if (item.link.empty()) item.link = text;
        if (item.link.empty() && (rel.empty() || rel == "alternate"))
          item.link = Attribute(c, "href");
      }
    }
    item.body = HtmlFragmentText(!content.empty() ? content : summary);
    item.date = !published.empty() ? published : updated;
    return item;
  }

  // Text as HTML would show it: `s` with its markup characters escaped.
  static std::string HtmlEscaped(std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '<') {
        out += "&lt;";
      } else if (c == '&') {
        out += "&amp;";
      } else {
        out += c;
      }
    }
    return out;
  }

  bool ToDocument(const Item& item, Document* doc) {
    const int n = static_cast<int>(next_);
    if (item.title.empty() && item.body.empty()) {
      diags_->Add(src_->name(), item.line, "feed item without headline or text; skipped");
      return false;
    }
    *doc = Document();
    doc->text = item.title;
    if (!item.title.empty() && !item.body.empty()) doc->text += "\n\n";
    doc->text += item.body;
    BlankBoilerplate(&doc->text);
    doc->title = item.title;
    doc->url = item.link;
    doc->source = source_;
    doc->id = !item.id.empty()     ? item.id
              : !item.link.empty() ? item.link
                                   : BaseName(src_->name()) + "#" + std::to_string(n);
    doc->origin = src_->name() + ":" + std::to_string(item.line);
    if (!item.date.empty()) {
      if (std::optional<Date> d = ParseMetadataDate(item.date)) {
        doc->date = *d;
      } else {
        diags_->Add(src_->name(), item.line,
                    "date '" + Excerpt(item.date) + "' is not a date; item kept without a date");
      }
    }
    return true;
  }

  std::unique_ptr<ByteSource> src_;
  Diagnostics* diags_;
  bool parsed_ = false;
  std::string source_;
  std::vector<Item> items_;
  size_t next_ = 0;
};

}  // namespace

std::unique_ptr<DocumentReader> NewFeedReader(std::unique_ptr<ByteSource> src, Diagnostics* diags) {
  return std::make_unique<FeedReader>(std::move(src), diags);
}

}  // namespace thaw
