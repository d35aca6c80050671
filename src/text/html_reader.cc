// Reads a saved web page as one Document, parsed with libxml2's HTML parser (which recovers
// from the tag soup real pages are): the text is what a reader of the page sees of the
// article, one paragraph per block element, and the title, date, source and URL come from
// the page's metadata.
//
// Text: the largest <article> when it holds most of the body's text (news sites wrap the
// story in one; smaller ones are teasers), else <main>, else <body>; when that part has no
// <h1>, the page's longest <h1> is put first, as the headline. Left out: scripts, styles, forms,
// navigation, asides, footers, hidden elements, and elements whose class, id or role names a part
// that is no article ("nav", "menu", "footer", "related", "share", "comments", "advert", ...; whole
// words of the name). Blocks (p, div, h1-h6, li, td, ...) become paragraphs separated by a
// blank line, <br> a line break; white space inside a block collapses to one space, as a
// browser shows it. The text then has its boilerplate lines blanked (text/clean.h); character
// offsets are offsets into this text, not into the HTML.
//
// Metadata, first found wins: the date from article:published_time, datePublished and the
// like in <meta>, JSON-LD's "datePublished", or a <time datetime>; the title from og:title or
// <title>; the source from og:site_name; the URL from <link rel=canonical> or og:url.
// Encoding: valid UTF-8 is read as UTF-8; other bytes as the page's <meta charset> says (with
// ISO-8859-1 when it says nothing).

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/strings.h"
#include "text/clean.h"
#include "text/dates.h"
#include "text/markup.h"
#include "text/readers.h"

namespace thaw {
namespace {

using markup::Attribute;
using markup::Name;

template <size_t N>
bool OneOf(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// Elements whose content is not article text.
constexpr std::array<std::string_view, 21> kSkipped = {
    "script", "style",  "noscript", "template", "svg",    "math",   "iframe",
    "object", "embed",  "canvas",   "nav",      "aside",  "footer", "form",
    "button", "select", "textarea", "input",    "dialog", "head",   "menu"};

// Elements that start and end a paragraph.
constexpr std::array<std::string_view, 32> kBlocks = {
    "p",   "div",    "section",    "article", "main", "header", "h1",      "h2",
    "h3",  "h4",     "h5",         "h6",      "ul",   "ol",     "li",      "dl",
    "dt",  "dd",     "table",      "tr",      "td",   "th",     "caption", "blockquote",
    "pre", "figure", "figcaption", "address", "hr",   "center", "details", "summary"};

// Whole words of a class, id or role that name a part of a page that is not the article.
constexpr std::array<std::string_view, 30> kNotArticleWords = {
    "nav",         "navbar",        "navigation", "menu",       "footer",      "sidebar",
    "related",     "share",         "sharing",    "social",     "comments",    "comment",
    "cookie",      "cookies",       "newsletter", "subscribe",  "advert",      "advertisement",
    "ad",          "ads",           "promo",      "breadcrumb", "breadcrumbs", "banner",
    "contentinfo", "complementary", "popup",      "modal",      "masthead",    "toolbar"};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool NamesNonArticlePart(std::string_view value) {
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && !IsAsciiAlnum(value[i])) ++i;
    size_t j = i;
    while (j < value.size() && IsAsciiAlnum(value[j])) ++j;
    if (j > i && OneOf(ToLowerAscii(value.substr(i, j - i)), kNotArticleWords)) return true;
    i = j;
  }
  return false;
}

// The walks below recurse; nesting deeper than this is not read.
constexpr int kMaxDepth = 512;

// The mark in xmlNode::_private of the elements that hold the story's landmarks.
const char kHoldsLandmark = 0;

bool HoldsLandmark(const xmlNode* n) { return n->_private == &kHoldsLandmark; }

// Marks <html>, <body> and every element that holds an <h1>, <article> or <main>: names never
// skip these (a body "has-menu", a wrapper "sidebar-left" holding the story); tags and hidden
// attributes still do.
void MarkLandmarks(xmlNode* n, int depth = 0) {
  if (depth > kMaxDepth) return;
  for (; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(n);
    if (name == "html" || name == "body" || name == "h1" || name == "article" || name == "main") {
      for (xmlNode* p = n; p != nullptr && p->type == XML_ELEMENT_NODE && !HoldsLandmark(p);
           p = p->parent) {
        p->_private = const_cast<char*>(&kHoldsLandmark);
      }
    }
    MarkLandmarks(n->children, depth + 1);
  }
}

bool IsSkipped(const xmlNode* n) {
  if (OneOf(Name(n), kSkipped)) return true;
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  if (Attribute(n, "aria-hidden") == "true") return true;
  if (std::optional<std::string> style = Attribute(n, "style")) {
    std::string s = ToLowerAscii(*style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos) return true;
  }
  if (HoldsLandmark(n)) return false;
  for (const char* attr : {"class", "id", "role"}) {
    if (std::optional<std::string> v = Attribute(n, attr); v && NamesNonArticlePart(*v)) {
      return true;
    }
  }
  return false;
}

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Builds the text: paragraphs from blocks, collapsed white space.
class TextBuilder {
 public:
  // Adds the text of `n`'s children.
  void AddChildren(const xmlNode* n, int depth = 0) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) AddNode(c, depth + 1);
  }
  // Adds the text of `n`.
  void AddNode(const xmlNode* n, int depth = 0) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      AddText(reinterpret_cast<const char*>(n->content));
      return;
    }
    if (n->type != XML_ELEMENT_NODE || IsSkipped(n)) return;
    const std::string_view name = Name(n);
    if (name == "br") {  // two in a row end a paragraph
      pending_ = std::min(2, pending_ + 1);
      return;
    }
    const bool block = OneOf(name, kBlocks);
    const bool pre = name == "pre";
    if (block) Break(2);
    pre_ += pre;
    AddChildren(n, depth);
    pre_ -= pre;
    if (block) Break(2);
  }
  // A paragraph break (2) or line break (1) before what comes next.
  void Break(int newlines) { pending_ = std::max(pending_, newlines); }

  std::string Take() { return std::move(out_); }
  size_t size() const { return out_.size(); }

 private:
  void AddText(const char* s) {
    if (s == nullptr) return;
    for (; *s != '\0'; ++s) {
      const char c = *s;
      if (pre_ > 0 && c == '\n') {
        Break(1);
      } else if (IsHtmlSpace(c)) {
        space_ = true;
      } else {
        if (pending_ > 0) {
          if (!out_.empty()) out_.append(pending_, '\n');
          pending_ = 0;
        } else if (space_ && !out_.empty() && out_.back() != '\n') {
          out_ += ' ';
        }
        space_ = false;
        out_ += c;
      }
    }
  }

  std::string out_;
  int pending_ = 0;  // line breaks owed before the next text
  bool space_ = false;
  int pre_ = 0;  // inside <pre>: line breaks kept
};

size_t TextSize(const xmlNode* n) {
  TextBuilder b;
  b.AddChildren(n);
  return b.size();
}

// The elements called `name` below `n` (not below one found, nor in skipped elements), in
// document order.
void FindAll(xmlNode* n, std::string_view name, std::vector<xmlNode*>* out, int depth = 0) {
  if (depth > kMaxDepth) return;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Name(c) == name) {
      out->push_back(c);
    } else if (!IsSkipped(c)) {
      FindAll(c, name, out, depth + 1);
    }
  }
}

xmlNode* FindFirst(xmlNode* n, std::string_view name) {
  std::vector<xmlNode*> all;
  FindAll(n, name, &all);
  return all.empty() ? nullptr : all.front();
}

std::string CollapsedText(const xmlNode* n) {
  TextBuilder b;
  b.AddChildren(n);
  std::string s = b.Take();
  std::replace(s.begin(), s.end(), '\n', ' ');
  return std::string(Trim(s));
}

// What the page's <head> (and JSON-LD anywhere) says about the article.
struct PageMeta {
  std::string title, og_title, site, canonical, og_url;
  std::optional<Date> date;
};

// Names of <meta> tags (property, name or itemprop) that give the publication date.
constexpr std::array<std::string_view, 12> kDateMeta = {"article:published_time",
                                                        "og:article:published_time",
                                                        "datepublished",
                                                        "pubdate",
                                                        "publishdate",
                                                        "publish-date",
                                                        "date",
                                                        "dc.date",
                                                        "dc.date.issued",
                                                        "dcterms.created",
                                                        "sailthru.date",
                                                        "parsely-pub-date"};

// The first "datePublished" string in a JSON-LD value, searching objects and arrays.
std::optional<std::string> FindDatePublished(const nlohmann::json& j, int depth = 0) {
  if (depth > 8) return std::nullopt;
  if (j.is_object()) {
    if (auto it = j.find("datePublished"); it != j.end() && it->is_string()) {
      return it->get<std::string>();
    }
  }
  if (j.is_object() || j.is_array()) {
    for (const nlohmann::json& v : j) {
      if (auto d = FindDatePublished(v, depth + 1)) return d;
    }
  }
  return std::nullopt;
}

void CollectMeta(const xmlNode* n, PageMeta* m, int depth = 0) {
  if (depth > kMaxDepth) return;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(c);
    if (name == "title" && m->title.empty()) {
      m->title = CollapsedText(c);
    } else if (name == "meta") {
      std::optional<std::string> key = Attribute(c, "property");
      if (!key) key = Attribute(c, "name");
      if (!key) key = Attribute(c, "itemprop");
      std::optional<std::string> content = Attribute(c, "content");
      if (key && content) {
        const std::string k = ToLowerAscii(Trim(*key));
        const std::string_view v = Trim(*content);
        if (k == "og:title" && m->og_title.empty()) m->og_title = std::string(v);
        if (k == "og:site_name" && m->site.empty()) m->site = std::string(v);
        if (k == "og:url" && m->og_url.empty()) m->og_url = std::string(v);
        if (!m->date && OneOf(std::string_view(k), kDateMeta)) m->date = ParseMetadataDate(v);
      }
    } else if (name == "link") {
      std::optional<std::string> rel = Attribute(c, "rel");
      if (rel && ToLowerAscii(Trim(*rel)) == "canonical" && m->canonical.empty()) {
        m->canonical = std::string(Trim(Attribute(c, "href").value_or("")));
      }
    } else if (name == "script") {
      std::optional<std::string> type = Attribute(c, "type");
      if (!m->date && type && ToLowerAscii(Trim(*type)) == "application/ld+json" &&
          c->children != nullptr && c->children->content != nullptr) {
        const nlohmann::json j =
            nlohmann::json::parse(reinterpret_cast<const char*>(c->children->content), nullptr,
                                  /*allow_exceptions=*/false);
        if (std::optional<std::string> d = FindDatePublished(j)) m->date = ParseMetadataDate(*d);
      }
    } else {
      CollectMeta(c, m, depth + 1);
    }
  }
}

// The date of the first <time datetime="..."> in `part` that is a date.
std::optional<Date> FirstTimeDate(xmlNode* part) {
  std::vector<xmlNode*> times;
  FindAll(part, "time", &times);
  for (const xmlNode* t : times) {
    if (std::optional<std::string> dt = Attribute(t, "datetime")) {
      if (std::optional<Date> d = ParseMetadataDate(Trim(*dt))) return d;
    }
  }
  return std::nullopt;
}

class HtmlReader : public DocumentReader {
 public:
  HtmlReader(std::unique_ptr<ByteSource> src, Diagnostics* diags)
      : src_(std::move(src)), diags_(diags) {}

  Result<bool> Next(Document* doc) override {
    if (done_) return false;
    done_ = true;
    *doc = Document();
    std::string page;
    src_->ReadAll(&page);
    if (!src_->status().ok()) return src_->status();
    doc->id = BaseName(src_->name());
    doc->origin = src_->name() + ":1";
    const markup::DocPtr html = markup::Parse(page, src_->name(), /*html=*/true);
    xmlNode* root = html == nullptr ? nullptr : xmlDocGetRootElement(html.get());
    if (root == nullptr) {
      diags_->Add(src_->name(), 1, "no HTML elements in the page; document skipped");
      return false;
    }
    PageMeta meta;
    CollectMeta(root, &meta);
    MarkLandmarks(root);
    doc->title = !meta.og_title.empty() ? meta.og_title : meta.title;
    doc->source = meta.site;
    doc->url = !meta.canonical.empty() ? meta.canonical : meta.og_url;
    xmlNode* body = FindFirst(root, "body");
    xmlNode* part = ArticlePart(body == nullptr ? root : body);
    if (!meta.date) meta.date = FirstTimeDate(part);
    if (meta.date) doc->date = *meta.date;
    TextBuilder text;
    if (xmlNode* h1 = Headline(body == nullptr ? root : body, part)) text.AddNode(h1);
    text.AddNode(part);
    doc->text = text.Take();
    if (doc->text.empty()) diags_->Add(src_->name(), 1, "no article text in the page");
    BlankBoilerplate(&doc->text);
    return true;
  }

 private:
  // The element called `name` below `n` with the most text, and the size of that text in
  // *size; null when there is none.
  static xmlNode* Largest(xmlNode* n, std::string_view name, size_t* size) {
    std::vector<xmlNode*> all;
    FindAll(n, name, &all);
    xmlNode* largest = nullptr;
    *size = 0;
    for (xmlNode* e : all) {
      if (const size_t s = TextSize(e); s > *size) {
        *size = s;
        largest = e;
      }
    }
    return largest;
  }

  // The headline to put before `part` when `part` has none of its own: the <h1> of `body` with
  // the longest text (a site's logo is often an <h1> too, and shorter); null when `part` holds
  // an <h1> or the page has none.
  static xmlNode* Headline(xmlNode* body, xmlNode* part) {
    if (FindFirst(part, "h1") != nullptr) return nullptr;
    size_t size = 0;
    return Largest(body, "h1", &size);
  }

  // The part of `body` the story is in: the largest <article> when it holds at least half of
  // the body's text (smaller ones are teasers), else <main>, else the body.
  static xmlNode* ArticlePart(xmlNode* body) {
    size_t size = 0;
    xmlNode* largest = Largest(body, "article", &size);
    if (largest != nullptr && 2 * size >= TextSize(body)) return largest;
    if (xmlNode* main = FindFirst(body, "main")) return main;
    return body;
  }

  std::unique_ptr<ByteSource> src_;
  Diagnostics* diags_;
  bool done_ = false;
};

}  // namespace

std::string HtmlFragmentText(std::string_view html) {
  if (Trim(html).empty()) return std::string();
  const markup::DocPtr doc = markup::Parse(html, std::string(), /*html=*/true);
  xmlNode* root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc.get());
  if (root == nullptr) return std::string();
  MarkLandmarks(root);
  xmlNode* body = FindFirst(root, "body");
  TextBuilder text;
  text.AddNode(body != nullptr ? body : root);
  return text.Take();
}

std::unique_ptr<DocumentReader> NewHtmlReader(std::unique_ptr<ByteSource> src, Diagnostics* diags) {
  return std::make_unique<HtmlReader>(std::move(src), diags);
}

}  // namespace thaw
