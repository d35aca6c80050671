#include "text/conllu_writer.h"

#include "base/date.h"
#include "base/strings.h"

namespace thaw {
namespace {

// CoNLL-U fields cannot be empty or span lines.
void AppendField(std::string_view s, std::string* out) {
  if (s.empty()) {
    out->push_back('_');
    return;
  }
  AppendOneLine(s, out);
}

void AppendComment(std::string_view key, std::string_view value, std::string* out) {
  out->append("# ").append(key).append(" = ");
  AppendOneLine(value, out);
  out->push_back('\n');
}

}  // namespace

void AppendConllu(const Document& doc, std::string* out, const ConlluWriteOptions& options) {
  CodePointCounter chars(doc.text);
  AppendComment("newdoc id", doc.id, out);
  if (doc.date != kNoDate) AppendComment("date", FormatDate(doc.date), out);
  for (const Sentence& s : doc.sentences) {
    AppendComment("sent_id", s.id, out);
    AppendComment("text", s.text, out);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const Token& t = s.tokens[i];
      out->append(std::to_string(i + 1)).push_back('\t');
      AppendField(s.Form(i), out);
      out->push_back('\t');
      AppendField(s.Lemma(i), out);
      out->push_back('\t');
      AppendField(s.Upos(i), out);
      out->push_back('\t');
      AppendField(s.Xpos(i), out);
      out->push_back('\t');
      AppendField(s.Feats(i), out);
      out->push_back('\t');
      if (s.has_parse) {
        out->append(std::to_string(t.head + 1));
        out->push_back('\t');
        AppendField(s.Deprel(i), out);
      } else {
        out->append("_\t_");
      }
      out->append("\t_\t");
      const bool glued = i + 1 < s.tokens.size() && t.char_end != kNoOffset &&
                         s.tokens[i + 1].char_begin == t.char_end;
      int64_t begin = 0, end = 0;
      const bool ranged = options.token_ranges &&
                          TokenCharRange(doc, s, static_cast<int>(i), static_cast<int>(i) + 1,
                                         &chars, &begin, &end);
      if (glued) out->append("SpaceAfter=No");
      if (ranged) {
        if (glued) out->push_back('|');
        out->append("TokenRange=").append(std::to_string(begin)).push_back(':');
        out->append(std::to_string(end));
      }
      if (!glued && !ranged) out->push_back('_');
      out->push_back('\n');
    }
    out->push_back('\n');
  }
}

}  // namespace thaw
