// `thaw eval`: coding accuracy against a PETRARCH validation file.
#include <fmt/format.h>

#include "cli/common.h"
#include "cli/nlp_flags.h"
#include "coder/evaluation.h"

namespace thaw {
namespace {

std::string Describe(const std::vector<EventTriple>& s) {
  if (s.empty()) return "(none)";
  std::string out;
  for (const auto& [src, tgt, code] : s) {
    if (!out.empty()) out += ", ";
    out += src + " " + tgt + " " + code;
  }
  return out;
}

class EvalCommand : public Command {
 public:
  explicit EvalCommand(CLI::App* parent) {
    app = parent->add_subcommand("eval", "score coding against a PETRARCH validation file");
    app->footer(
        "Codes every record and compares with its <EventCoding> expectations: precision, recall, F1 (exact "
        "source, target and code per sentence id) and the share of records coded exactly right, overall and per "
        "id prefix, with every failing record listed (expected vs produced). A record with no <EventCoding> "
        "expects no events. Exits 0 even when records fail.");
    app->add_option("FILE", input_, "validation XML, e.g. PETR.UnitTest.records.xml")->required();
    AddDictFlags(app, &dict_);
    AddNlpFlags(app, &nlp_);
    app->add_flag("--show-passing", show_passing_, "list passing records too");
  }

  int Run() override;

 private:
  DictFlags dict_;
  NlpFlags nlp_;
  std::string input_;
  bool show_passing_ = false;
};

int EvalCommand::Run() {
  Diagnostics diags;
  auto coder = BuildCoder(dict_, &diags);
  PrintDiagnostics(diags, dict_.quiet);
  if (!coder.ok()) {
    std::cerr << "thaw: error: " << coder.status().message() << "\n";
    return 2;
  }
  diags.Clear();
  Evaluator eval(**coder);
  const ParseMode mode = *ParseParseMode(nlp_.parse);
  LazyPipeline pipeline(FindModelsDir(nlp_.models, nullptr));
  ReadOptions xml;
  xml.format = InputFormat::kPetrarchXml;
  const bool ok = ForEachDocument({input_}, xml, false, dict_.quiet, &diags, [&](Document& doc) {
    if (NeedsPipeline(doc, mode)) {
      if (Pipeline* p = pipeline.Get()) p->Annotate(&doc, mode);
    }
    eval.Add(doc);
    return true;
  });
  const EvalTally& all = eval.overall();
  if (!ok && all.records == 0) return 1;
  for (const RecordResult& r : eval.records()) {
    if (r.exact && !show_passing_) continue;
    std::cout << (r.exact ? "PASS " : "FAIL ") << r.id << ": " << r.text << "\n"
              << "    expected: " << Describe(r.expected)
              << (r.error.empty() ? "" : " [error=" + r.error + "]")
              << "\n    produced: " << Describe(r.produced) << "\n";
  }
  std::cout << "\nper id prefix:\n"
            << fmt::format("  {:<16} {:>7} {:>7} {:>7} {:>7} {:>7}\n", "prefix", "records", "exact",
                           "P", "R", "F1");
  for (const auto& [prefix, t] : eval.by_prefix()) {
    std::cout << fmt::format("  {:<16} {:>7} {:>7} {:>7.3f} {:>7.3f} {:>7.3f}\n", prefix, t.records,
                             t.exact, t.Precision(), t.Recall(), t.F1());
  }
  std::cout << fmt::format("\nrecords: {}  expected events: {}  produced events: {}  correct: {}\n",
                           all.records, all.tp + all.fn, all.tp + all.fp, all.tp);
  std::cout << fmt::format("precision: {:.3f}  recall: {:.3f}  F1: {:.3f}\n", all.Precision(),
                           all.Recall(), all.F1());
  std::cout << fmt::format("exact records: {}/{} ({:.1f}%)\n", all.exact, all.records,
                           100.0 * all.ExactShare());
  return 0;
}

}  // namespace

std::unique_ptr<Command> MakeEvalCommand(CLI::App* parent) {
  return std::make_unique<EvalCommand>(parent);
}

}  // namespace thaw
