#include "text/conllu.h"

#include <array>
#include <charconv>

#include "text/readers.h"

namespace thaw {
namespace {

constexpr size_t kColumns = 10;

// Parses a whole field as a non-negative int; false for anything else.
bool ParseIndex(std::string_view s, int* out) {
  if (s.empty() || s[0] == '-' || s[0] == '+') return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool HasSpaceAfterNo(std::string_view misc) {
  size_t start = 0;
  while (start <= misc.size()) {
    size_t bar = misc.find('|', start);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(start, bar - start) == "SpaceAfter=No") return true;
    start = bar + 1;
  }
  return false;
}

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string Quote(std::string_view s) { return "'" + Excerpt(s) + "'"; }

}  // namespace

void ConlluBuilder::Begin(Sentence* s) {
  s_ = s;
  s_->ClearTokens();
  s_->has_parse = false;
  failed_ = false;
  lines_seen_ = 0;
  unparsed_heads_ = 0;
  multiword_end_ = 0;
  heads_.clear();
  lines_.clear();
  surface_.clear();
}

bool ConlluBuilder::AddLine(std::string_view line, int line_no, std::string* error) {
  ++lines_seen_;
  // Split without allocating: a fixed array of views.
  std::array<std::string_view, kColumns> col;
  size_t n = 0, start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      if (n < kColumns) col[n] = line.substr(start, i - start);
      ++n;
      start = i + 1;
    }
  }
  // Once a sentence is known bad, only word forms are collected, so that the rebuilt
  // text stays whole.
  auto keep_form = [&] {
    if (n >= 2 && col[0].find_first_of("-.") == std::string_view::npos) {
      surface_.append(col[1]);
      if (n != kColumns || !HasSpaceAfterNo(col[9])) surface_.push_back(' ');
    }
  };
  if (failed_) {
    keep_form();
    return true;
  }
  auto fail = [&](std::string msg) {
    failed_ = true;
    *error = std::move(msg);
    keep_form();
    return false;
  };
  if (n != kColumns) {
    std::string msg = "expected 10 tab-separated CoNLL-U columns, found " + std::to_string(n);
    if (n == 1 && line.find(' ') != std::string_view::npos) {
      msg += " (columns must be separated by tabs, not spaces)";
    }
    return fail(std::move(msg));
  }
  const std::string_view id = col[0];
  const size_t dash = id.find('-');
  if (dash != std::string_view::npos) {
    int first = 0, last = 0;
    if (!ParseIndex(id.substr(0, dash), &first) || !ParseIndex(id.substr(dash + 1), &last) ||
        last < first) {
      return fail("bad multiword token range " + Quote(id));
    }
    // The surface form covers words first..last; rebuild text from it, not from the words.
    multiword_end_ = last;
    surface_.append(col[1]);
    if (!HasSpaceAfterNo(col[9])) surface_.push_back(' ');
    return true;
  }
  if (id.find('.') != std::string_view::npos) return true;  // empty node of enhanced UD
  int index = 0;
  if (!ParseIndex(id, &index)) return fail("token id " + Quote(id) + " is not a number");
  const int expected = static_cast<int>(s_->tokens.size()) + 1;
  if (index != expected) {
    return fail("token id " + std::to_string(index) + " is out of sequence (expected " +
                std::to_string(expected) + "; is a blank line missing between sentences?)");
  }
  int head = 0;
  if (col[6] == "_") {
    head = -1;
    ++unparsed_heads_;
  } else if (!ParseIndex(col[6], &head)) {
    return fail("head " + Quote(col[6]) + " of token " + std::to_string(index) +
                " is not a number");
  }
  Token t;
  t.form = s_->Intern(col[1]);
  t.lemma = s_->Intern(col[2]);
  t.upos = s_->Intern(col[3]);
  t.xpos = s_->Intern(col[4]);
  if (col[5] != "_") t.feats = s_->Intern(col[5]);
  t.deprel = s_->Intern(col[7]);
  s_->tokens.push_back(t);
  heads_.push_back(head);
  lines_.push_back(line_no);
  if (index > multiword_end_) {
    surface_.append(col[1]);
    if (!HasSpaceAfterNo(col[9])) surface_.push_back(' ');
  }
  return true;
}

bool ConlluBuilder::Finish(std::string* error, int* error_line) {
  error->clear();
  while (!surface_.empty() && surface_.back() == ' ') surface_.pop_back();
  if (failed_) {
    s_->ClearTokens();
    s_->has_parse = false;
    return false;
  }
  const int n = static_cast<int>(s_->tokens.size());
  if (unparsed_heads_ == n) return true;  // tokens only (or no tokens): nothing to check
  for (int i = 0; i < n; ++i) {
    const int head = heads_[i];
    std::string problem;
    if (head < 0) {
      problem = "token " + std::to_string(i + 1) + " has head '_' while others have numbers";
    } else if (head > n) {
      problem = "head " + std::to_string(head) + " of token " + std::to_string(i + 1) +
                " is out of range (the sentence has " + std::to_string(n) + " tokens)";
    } else if (head == i + 1) {
      problem = "token " + std::to_string(i + 1) + " is its own head";
    }
    if (!problem.empty()) {
      *error = std::move(problem);
      *error_line = lines_[i];
      s_->ClearTokens();
      s_->has_parse = false;
      return false;
    }
    s_->tokens[i].head = head - 1;  // 1-based with 0 = root  ->  0-based with -1 = root
  }
  s_->has_parse = true;
  return true;
}

void AlignTokens(Sentence* s) {
  const std::string_view text = s->text;
  // How far past the cursor a form may start: covers dropped punctuation or odd spacing
  // without letting one unmatched token send the search across the whole text.
  constexpr size_t kSlack = 32;
  size_t pos = 0;
  for (Token& t : s->tokens) {
    const std::string_view form = s->Str(t.form);
    t.char_begin = t.char_end = kNoOffset;
    if (form.empty()) continue;
    while (pos < text.size() && IsBlank(text[pos])) ++pos;
    size_t at = std::string_view::npos;
    if (text.compare(pos, form.size(), form) == 0) {
      at = pos;
    } else {
      const std::string_view window = text.substr(pos, form.size() + kSlack);
      const size_t found = window.find(form);
      if (found != std::string_view::npos) at = pos + found;
    }
    if (at == std::string_view::npos) continue;
    t.char_begin = static_cast<uint32_t>(at);
    t.char_end = static_cast<uint32_t>(at + form.size());
    pos = at + form.size();
  }
}

}  // namespace thaw
