#include "cli/news_coding.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/parallel.h"
#include "coder/dating.h"

namespace thaw {

std::unique_ptr<NewsCoding> NewsCoding::Create(const DictFlags& dict, const NlpFlags& nlp,
                                               const InputFlags& input, const std::string& date,
                                               Diagnostics* diags) {
  // Text with no date anywhere is most likely today's news: its leaders are coded as of today.
  CoderOptions options = CoderOptions::News();
  options.undated_as_of = Today();
  auto coder = BuildCoder(dict, diags, options);
  PrintDiagnostics(*diags, dict.quiet);
  if (!coder.ok()) {
    std::cerr << "thaw: error: " << coder.status().message() << "\n";
    return nullptr;
  }
  if (dict.strict && !diags->empty()) {
    std::cerr << "thaw: error: dictionary problems with --strict\n";
    return nullptr;
  }
  diags->Clear();
  auto read = ReadOptionsFrom(input);
  if (!read.ok()) {
    std::cerr << "thaw: error: " << read.status().message() << "\n";
    return nullptr;
  }
  Date default_date = kNoDate;
  if (!date.empty()) {
    auto d = ParseDate(date);
    if (!d) {
      std::cerr << "thaw: error: --date " << date << ": expected YYYY-MM-DD\n";
      return nullptr;
    }
    default_date = *d;
  }
  return std::unique_ptr<NewsCoding>(new NewsCoding(
      std::move(coder).value(), std::move(read).value(), default_date, *ParseParseMode(nlp.parse),
      FindModelsDir(nlp.models, nullptr), ThreadCount(nlp)));
}

NewsCoding::NewsCoding(std::unique_ptr<Coder> coder, ReadOptions input, Date default_date,
                       ParseMode mode, std::string models_dir, int threads)
    : coder_(std::move(coder)),
      input_(std::move(input)),
      default_date_(default_date),
      mode_(mode),
      pipelines_(std::move(models_dir), threads) {
  for (int t = 0; t < threads; ++t) scratch_.push_back(coder_->NewScratch());
}

void NewsCoding::CodeWith(Document* doc, Pipeline* pipeline, CoderScratch* scratch,
                          Coder::DocumentEvents* out) const {
  if (doc->date == kNoDate) doc->date = default_date_;
  if (pipeline != nullptr) pipeline->Annotate(doc, mode_);
  AssignDocumentDate(doc);
  coder_->CodeDocument(*doc, scratch, out);
  AssignEventDates(*doc, out);
}

void NewsCoding::Code(Document* doc) {
  const bool parse = NeedsPipeline(*doc, mode_) && pipelines_.Ready(1) > 0;
  CodeWith(doc, parse ? pipelines_.Get(0) : nullptr, scratch_[0].get(), &coded_);
  undated_ += doc->date == kNoDate && !doc->sentences.empty();
  languages_.Add(*doc);
}

std::string NewsCoding::UndatedNote() const {
  if (undated_ == 0) return "";
  const bool one = undated_ == 1;
  return fmt::format(
      "thaw: {0} document{1} had no date (none given, none in the file name or text): {2} "
      "events are undated and {2} leaders were coded as of today; --date YYYY-MM-DD gives one\n",
      undated_, one ? "" : "s", one ? "its" : "their");
}

void NewsCoding::CodeAll(std::vector<Document>* docs, std::vector<Coder::DocumentEvents>* out) {
  const size_t n = docs->size();
  out->resize(n);
  int threads = static_cast<int>(std::min<size_t>(pipelines_.threads(), n));
  bool parse = false;
  for (const Document& d : *docs) parse = parse || NeedsPipeline(d, mode_);
  if (parse) {  // loads in this thread; a failure is reported once
    const int ready = pipelines_.Ready(threads);
    if (ready == 0) parse = false;
    else threads = ready;
  }
  ParallelFor(n, threads, [&](size_t i, int t) {
    Document* doc = &(*docs)[i];
    Pipeline* p = parse && NeedsPipeline(*doc, mode_) ? pipelines_.Get(t) : nullptr;
    CodeWith(doc, p, scratch_[t].get(), &(*out)[i]);
  });
  for (const Document& d : *docs) {
    undated_ += d.date == kNoDate && !d.sentences.empty();
    languages_.Add(d);
  }
}

}  // namespace thaw
