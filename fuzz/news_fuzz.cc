// Fuzz target: what `thaw code` does to one document, on any bytes, with the built-in
// dictionaries and the shipped models. The first byte picks what the rest is:
//   0: a document's raw text (cleaned, split, tagged, parsed, dated, coded);
//   1: a Penn Treebank tree as PETRARCH-2 files give it (converted, then dated and coded);
//   2: text for the stand-alone helpers (date expressions, metadata dates, boilerplate,
//      the English check, an HTML fragment).
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>

#include "base/diagnostics.h"
#include "cli/news_coding.h"
#include "fuzz/fuzz.h"
#include "nlp/ptb.h"
#include "text/clean.h"
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view input = thaw::fuzz::AsText(data + 1, size - 1);
  thaw::Document doc;
  doc.id = "fuzz";
  switch (data[0] % 3) {
    case 0:
      doc.text = std::string(input);
      break;
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
  return 0;
}
