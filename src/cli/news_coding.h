// What `thaw code` and `thaw ingest` share: the news coder over the dictionary flags, the
// input format and --date default, and the per-document steps (own parse where needed,
// document and event dates, coding). CLI-edge code: prints problems to stderr.
#ifndef THAW_CLI_NEWS_CODING_H_
#define THAW_CLI_NEWS_CODING_H_

#include <memory>
#include <string>
#include <vector>

#include "cli/common.h"
#include "cli/nlp_flags.h"

namespace thaw {

class NewsCoding {
 public:
  // Builds the coder (CoderOptions::News(), with leaders in undated text coded as of today)
  // and checks the flags; prints the problem and returns null on failure. Dictionary diagnostics go to `diags` (printed unless quiet).
  // Documents are coded on ThreadCount(nlp) threads.
  static std::unique_ptr<NewsCoding> Create(const DictFlags& dict, const NlpFlags& nlp,
                                            const InputFlags& input, const std::string& date,
                                            Diagnostics* diags);

  // How to read the input (--input-format, --jsonl-field).
  const ReadOptions& input() const { return input_; }
  int threads() const { return pipelines_.threads(); }
  // How many documents to hand CodeAll at once.
  size_t batch_size() const { return BatchSize(threads()); }
  // Gives `doc` the --date default when it has none, then parses (where the mode asks),
  // dates and codes it. The events stay in events() until the next call.
  void Code(Document* doc);
  const Coder::DocumentEvents& events() const { return coded_; }
  Coder::DocumentEvents& events() { return coded_; }
  // Code() for every document of *docs, up to threads() at a time; (*out)[i] gets the
  // events of (*docs)[i]. The same results as one Code() after another.
  void CodeAll(std::vector<Document>* docs, std::vector<Coder::DocumentEvents>* out);
  // The summary's note on the documents coded so far that had no date anywhere (no --date,
  // metadata, file name or date in the text); "" when there were none.
  std::string UndatedNote() const;
  // The summary's note on the documents coded so far that do not look English; "" if none.
  std::string LanguageNote() const { return languages_.Note(); }

 private:
  NewsCoding(std::unique_ptr<Coder> coder, ReadOptions input, Date default_date, ParseMode mode,
             std::string models_dir, int threads);
  // Code() on any thread with its own pipeline (null: no parsing) and scratch.
  void CodeWith(Document* doc, Pipeline* pipeline, CoderScratch* scratch,
                Coder::DocumentEvents* out) const;
  std::unique_ptr<Coder> coder_;
  ReadOptions input_;
  Date default_date_;
  size_t undated_ = 0;  // documents with sentences but no date, coded so far
  LanguageTally languages_;
  ParseMode mode_;
  PipelinePool pipelines_;
  std::vector<ScratchPtr> scratch_;  // per thread
  Coder::DocumentEvents coded_;
};

}  // namespace thaw

#endif  // THAW_CLI_NEWS_CODING_H_
