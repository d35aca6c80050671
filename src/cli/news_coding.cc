#include "cli/news_coding.h"

#include "coder/dating.h"

namespace thaw {

std::unique_ptr<NewsCoding> NewsCoding::Create(const DictFlags& dict, const NlpFlags& nlp,
                                               const std::string& input_format,
                                               const std::string& date, Diagnostics* diags) {
  auto coder = BuildCoder(dict, diags, CoderOptions::News());
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
  auto format = ParseInputFormat(input_format);
  if (!format.ok()) {
    std::cerr << "thaw: error: " << format.status().message() << "\n";
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
  return std::unique_ptr<NewsCoding>(new NewsCoding(std::move(coder).value(), *format, default_date,
                                                    *ParseParseMode(nlp.parse),
                                                    FindModelsDir(nlp.models, nullptr)));
}

NewsCoding::NewsCoding(std::unique_ptr<Coder> coder, InputFormat format, Date default_date,
                       ParseMode mode, std::string models_dir)
    : coder_(std::move(coder)),
      format_(format),
      default_date_(default_date),
      mode_(mode),
      pipeline_(std::move(models_dir)),
      scratch_(coder_->NewScratch()) {}

void NewsCoding::Code(Document* doc) {
  if (doc->date == kNoDate) doc->date = default_date_;
  if (NeedsPipeline(*doc, mode_)) {
    if (Pipeline* p = pipeline_.Get()) p->Annotate(doc, mode_);
  }
  AssignDocumentDate(doc);
  coder_->CodeDocument(*doc, scratch_.get(), &coded_);
  AssignEventDates(*doc, &coded_);
}

}  // namespace thaw
