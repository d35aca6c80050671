// Boilerplate removal for scraped news pages, by blanking: removed lines become spaces, so
// every character offset into the cleaned text is an offset into the original. Thread-safe.
#ifndef THAW_TEXT_CLEAN_H_
#define THAW_TEXT_CLEAN_H_

#include <cstddef>
#include <string>

namespace thaw {

struct CleanStats {
  size_t lines_removed = 0;
  size_t chars_removed = 0;  // characters (code points) turned into spaces
};

// Blanks the boilerplate lines of one scraped article in place: every character (code point;
// a byte that starts none counts with the one before it) of a removed line except '\n' and
// '\r' becomes one space, so the text keeps its length in characters and its line breaks, and
// the character offsets of what is kept (thaw parse's TokenRange, the store's offsets) are
// those of the original text; its length in bytes shrinks by what "©", "›" and the like took
// beyond one byte. A line is the text between two '\n'. Returns what was removed; never fails.
//
// Removed: navigation, prompts and widgets ("Back To Top", "Share this article", "Sign in
// to comment", "Advertisement", "print dictionary print", cookie and terms links, copyright
// lines, "(0/250자)" counters), "Home > World > Asia" breadcrumbs, bylines ("By Song
// Sang-ho (", "By Staff Reporter | Updated"), date-only lines, a short lower-case line just
// below a line these rules removed (the wrapped rest of a prompt), a "Related stories" /
// "More from ..." / "Most read" header with the headline-like lines after it up to the next
// line ending a sentence, an exact repeat of an earlier line (the first copy stays), and
// junk lines with at most one ASCII letter or digit.
// Kept: the headline, paragraphs, quotes and subheadings. A line that reads as a running
// sentence (ends in . ! ? or a closing quote, with lowercase words that are not widget
// words) is only removed as a repeat, inside a Related block, or when it is a site prompt
// addressed to the reader ("To write comments, please log in ...", "We use cookies ...")
// or a copyright notice ("© 2019 ...", "All rights reserved.").
//
// The plain-text and JSON Lines readers apply this to every document's text (there is no
// reader option to turn it off); PETRARCH XML and CoNLL-U input are never cleaned.
CleanStats BlankBoilerplate(std::string* text);

}  // namespace thaw

#endif  // THAW_TEXT_CLEAN_H_
