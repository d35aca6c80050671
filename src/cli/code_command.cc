// `thaw code`: documents in, events out.
#include <fmt/format.h>

#include <chrono>

#include "cli/common.h"
#include "cli/event_output.h"
#include "cli/news_coding.h"

namespace thaw {
namespace {

class CodeCommand : public Command {
 public:
  explicit CodeCommand(CLI::App* parent) {
    app = parent->add_subcommand("code",
                                 "code documents into CAMEO events (JSON Lines or TSV on stdout)");
    app->footer(
        "Reads PETRARCH XML (.xml), CoNLL-U (.conllu), JSON Lines (.jsonl), saved web pages "
        "(.html), RSS or Atom feeds (.rss, .atom) or plain text, from files, directories or stdin "
        "(no INPUT), in UTF-8 or --encoding. Writes one event per line: doc_id, sentence_id, "
        "date, source, target, code, root_code, quad_class, goldstein, source_text, target_text, "
        "verb, pattern, date_text, date_inferred (JSON Lines also: pattern_line, verb_token, and "
        "source_/target_char_begin/_end, the character offsets of the actors' words in the "
        "document's text). The date is the event's own (\"on Monday\", \"last June\": date_text) "
        "resolved against the document's; a document without one takes it from its file name or "
        "text (date_inferred); with none there either, its events are undated and its leaders "
        "coded as of today. Sentences need a dependency parse: the input's own (CoNLL-U, or "
        "<Parse> in PETRARCH XML) or thaw's tokenizer, tagger and parser (--parse). Bad input "
        "lines are reported as file:line and skipped; the exit code is 1 only when nothing could "
        "be coded.\n\nExample:\n  thaw code news.conllu --dict-dir ../shared/petrarch/dictionaries "
        "--format tsv > events.tsv");
    app->add_option("INPUT", inputs_, "input files or directories; '-' or nothing reads stdin (a live feed is handled as it arrives)");
    AddDictFlags(app, &dict_);
    AddNlpFlags(app, &nlp_);
    AddThreadsFlag(app, &nlp_);
    AddInputFlags(app, &input_);
    app->add_option("--date", date_,
                    "YYYY-MM-DD: the date of documents whose input gives none (else it is taken "
                    "from the file name or inferred from the text)");
    app->add_option("--format", output_,
                    "output format: jsonl (default) or tsv (with a header row)")
        ->check(CLI::IsMember({"jsonl", "tsv"}));
  }

  int Run() override;

 private:
  DictFlags dict_;
  NlpFlags nlp_;
  std::vector<std::string> inputs_;
  InputFlags input_;
  std::string output_ = "jsonl", date_;
};

int CodeCommand::Run() {
  Diagnostics diags;
  const auto t0 = std::chrono::steady_clock::now();
  auto coding = NewsCoding::Create(dict_, nlp_, input_, date_, &diags);
  if (!coding) return 2;
  if (inputs_.empty()) inputs_.push_back("-");
  EventWriter writer(&std::cout, output_ == "tsv" ? EventFormat::kTsv : EventFormat::kJsonl);
  writer.Begin();
  size_t docs = 0, sentences = 0, unparsed = 0, n_coded = 0, n_events = 0;
  Progress progress = Progress::OnStderr(dict_.quiet, /*writes_stdout=*/true);
  std::vector<Coder::DocumentEvents> coded;
  ForEachBatch(
      inputs_, coding->input(), dict_.strict, dict_.quiet, &diags, coding->batch_size(),
      [&](std::vector<Document>& batch, bool /*caught_up*/) {
        docs += batch.size();
        coding->CodeAll(&batch, &coded);
        for (size_t d = 0; d < batch.size(); ++d) {
          const Document& doc = batch[d];
          sentences += doc.sentences.size();
          unparsed += coded[d].unparsed;
          n_coded += coded[d].coded;
          writer.Write(doc, coded[d].events);
          for (const std::vector<Event>& in_sentence : coded[d].events) {
            n_events += in_sentence.size();
          }
        }
        if (progress.Due()) {
          progress.Report(docs, fmt::format("{} sentences, {} events", sentences, n_events));
        }
      },
      &progress);
  progress.Finish();
  std::cout.flush();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!dict_.quiet) {
    std::cerr << fmt::format("thaw: {}, {}, {} in {:.2f} s\n", CountOf(docs, "document"),
                             CountOf(sentences, "sentence"), CountOf(n_events, "event"), secs);
    if (unparsed > 0) {
      std::cerr << fmt::format(
          "thaw: {} sentences or documents have no dependency parse and were not coded (with --parse given, "
          "or because the models could not be loaded)\n",
          unparsed);
    }
    std::cerr << coding->UndatedNote() << coding->LanguageNote();
  }
  // Bad input is reported and skipped; only a run that could code nothing at all fails.
  if (n_coded == 0) {
    if (!dict_.quiet) std::cerr << "thaw: error: nothing could be coded from the input\n";
    return 1;
  }
  return 0;
}

}  // namespace

std::unique_ptr<Command> MakeCodeCommand(CLI::App* parent) {
  return std::make_unique<CodeCommand>(parent);
}

}  // namespace thaw
