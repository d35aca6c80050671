// Fuzz target: what `thaw code` does to one document, on any bytes, with the built-in
// dictionaries and the shipped models. The first byte picks what the rest is:
//   0: a document's raw text (cleaned, split, tagged, parsed, dated, coded), whose parse must
//      come back unchanged through CoNLL-U (`thaw parse` output read as `thaw code` input);
//   1: a Penn Treebank tree as PETRARCH-2 files give it (converted, then dated and coded);
//   2: text for the stand-alone helpers (date expressions, metadata dates, boilerplate,
//      the English check, an HTML fragment).
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "cli/news_coding.h"
#include "fuzz/fuzz.h"
#include "nlp/ptb.h"
#include "text/byte_source.h"
#include "text/clean.h"
#include "text/conllu_writer.h"
#include "text/dates.h"
#include "text/language.h"
#include "text/readers.h"

namespace {

thaw::NewsCoding* Coding() {
  static thaw::NewsCoding* coding = [] {
    thaw::Diagnostics diags;
    thaw::DictFlags dict;
    dict.quiet = true;
    thaw::NlpFlags nlp;
    nlp.threads = 1;
    std::unique_ptr<thaw::NewsCoding> c =
        thaw::NewsCoding::Create(dict, nlp, thaw::InputFlags(), "", &diags);
    if (c == nullptr) {
      std::fprintf(stderr, "news_fuzz: cannot set up the coder (models, dictionaries)\n");
      std::abort();
    }
    return c.release();  // lives for the process, as in `thaw code`
  }();
  return coding;
}

void Helpers(std::string_view text) {
  thaw::FindDateMentions(text, thaw::kNoDate);
  thaw::FindDateMentions(text, thaw::ParseDate("2024-02-29").value_or(thaw::kNoDate));
  thaw::InferDocumentDate(text);
  thaw::ParseMetadataDate(text);
  thaw::DateFromFileName(text);
  std::string copy(text);
  thaw::BlankBoilerplate(&copy);
  thaw::LooksEnglish(text);
  thaw::HtmlFragmentText(text);
}

// Writes `doc` as CoNLL-U, reads it back, and aborts unless every parsed sentence returns with
// the same tokens, tags, lemmas, features and tree.
void CheckConlluRoundTrip(const thaw::Document& doc) {
  std::string conllu;
  thaw::AppendConllu(doc, &conllu);
  thaw::Diagnostics diags;
  auto reader = thaw::NewConlluReader(thaw::ByteSource::FromString(conllu, "fuzz.conllu"), &diags);
  thaw::Document back;
  thaw::Result<bool> more = reader->Next(&back);
  std::vector<const thaw::Sentence*> parsed;
  for (const thaw::Sentence& s : doc.sentences) {
    if (!s.tokens.empty()) parsed.push_back(&s);
  }
  auto fail = [&](const char* what) {
    std::fprintf(stderr, "CoNLL-U round trip: %s\n%s\n", what, conllu.c_str());
    for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
    std::abort();
  };
  if (parsed.empty()) return;
  if (!more.ok() || !*more) fail("no document read back");
  if (back.sentences.size() != parsed.size()) fail("sentence count differs");
  for (size_t i = 0; i < parsed.size(); ++i) {
    const thaw::Sentence& a = *parsed[i];
    const thaw::Sentence& b = back.sentences[i];
    if (a.tokens.size() != b.tokens.size()) fail("token count differs");
    for (size_t t = 0; t < a.tokens.size(); ++t) {
      if (a.Form(t) != b.Form(t) || a.Lemma(t) != b.Lemma(t) || a.Upos(t) != b.Upos(t) ||
          a.Xpos(t) != b.Xpos(t) || a.Feats(t) != b.Feats(t) ||
          a.tokens[t].head != b.tokens[t].head || a.Deprel(t) != b.Deprel(t)) {
        fail("token differs");
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view input = thaw::fuzz::AsText(data + 1, size - 1);
  thaw::Document doc;
  switch (data[0] % 3) {
    case 0: {  // as the plain-text reader gives it (UTF-8 repaired, blank lines kept)
      thaw::Diagnostics diags;
      auto reader =
          thaw::NewTextReader(thaw::ByteSource::FromString(std::string(input), "fuzz"), &diags);
      thaw::Result<bool> read = reader->Next(&doc);
      if (!read.ok() || !*read) return 0;
      break;
    }
    case 1: {
      thaw::Sentence s;
      if (!thaw::ConvertPtbTree(input, &s).ok()) return 0;
      doc.sentences.push_back(std::move(s));
      break;
    }
    default:
      Helpers(input);
      return 0;
  }
  Coding()->Code(&doc);
  if (data[0] % 3 == 0) CheckConlluRoundTrip(doc);
  return 0;
}
