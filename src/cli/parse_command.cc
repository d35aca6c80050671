// `thaw parse`: raw text or CoNLL-U in, CoNLL-U out, with thaw's own tokenizer, tagger and parser.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "base/parallel.h"
#include "cli/common.h"
#include "cli/nlp_flags.h"
#include "text/conllu_writer.h"

namespace thaw {
namespace {

class ParseCommand : public Command {
 public:
  explicit ParseCommand(CLI::App* parent) {
    app = parent->add_subcommand(
        "parse", "split, tokenize, tag and dependency-parse text; CoNLL-U on stdout");
    app->footer(
        "Reads plain text, web pages, RSS/Atom feeds, JSON Lines, CoNLL-U or PETRARCH XML (files, "
        "directories, or stdin) and writes CoNLL-U with UPOS, XPOS, lemma, features, head and "
        "relation for every token. Raw text is split into sentences first; for CoNLL-U input, "
        "--tokenized "
        "keeps its tokens and only re-tags and re-parses them (to evaluate against gold "
        "tokenization), otherwise each sentence's text is tokenized again. For raw text MISC "
        "gives each token's TokenRange=START:END, Unicode character offsets into the document's "
        "text, END exclusive, as UDPipe writes them: for a text file, its characters after a "
        "byte-order mark, in any --encoding; for a web page or feed item, the text read from it."
        "\n\nExamples:\n  thaw parse article.txt > article.conllu\n"
        "  thaw parse --tokenized en_ewt-ud-test.conllu > predicted.conllu");
    app->add_option("INPUT", inputs_, "input files or directories; '-' or nothing reads stdin (a live feed is handled as it arrives)");
    app->add_flag("--tokenized", tokenized_,
                  "keep the input's tokens (CoNLL-U); re-tag and re-parse them");
    AddInputFlags(app, &input_);
    app->add_flag("-q,--quiet", quiet_, "do not print warnings, progress or the summary");
    AddNlpFlags(app, &nlp_, /*with_parse=*/false);
    AddThreadsFlag(app, &nlp_);
  }

  int Run() override {
    auto read = ReadOptionsFrom(input_);
    if (!read.ok()) {
      std::cerr << "thaw: error: " << read.status().message() << "\n";
      return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const int threads = ThreadCount(nlp_);
    PipelinePool pipelines(FindModelsDir(nlp_.models, nullptr), threads);
    if (pipelines.Ready(1) == 0) return 2;
    if (inputs_.empty()) inputs_.push_back("-");
    const ParseMode mode = tokenized_ ? ParseMode::kRetag : ParseMode::kOwn;
    Diagnostics diags;
    size_t docs = 0, sentences = 0, tokens = 0;
    LanguageTally languages;
    Progress progress = Progress::OnStderr(quiet_, /*writes_stdout=*/true);
    // Documents are parsed and written out on `threads` threads, a batch at a time, and
    // printed in input order.
    std::vector<std::string> out;
    ForEachBatch(
        inputs_, *read, false, quiet_, &diags, BatchSize(threads),
        [&](std::vector<Document>& batch, bool /*caught_up*/) {
          if (batch.empty()) return;
          docs += batch.size();
          const int t = pipelines.Ready(static_cast<int>(std::min<size_t>(threads, batch.size())));
          out.resize(batch.size());
          ParallelFor(batch.size(), t, [&](size_t i, int thread) {
            Document& doc = batch[i];
            // Raw text (the reader gave no sentences): its tokens can point into the input.
            const ConlluWriteOptions write{.token_ranges =
                                               doc.sentences.empty() && !doc.text.empty()};
            pipelines.Get(thread)->Annotate(&doc, mode);
            out[i].clear();
            AppendConllu(doc, &out[i], write);
          });
          for (size_t i = 0; i < batch.size(); ++i) {
            languages.Add(batch[i]);
            sentences += batch[i].sentences.size();
            for (const Sentence& s : batch[i].sentences) tokens += s.tokens.size();
            std::cout.write(out[i].data(), static_cast<std::streamsize>(out[i].size()));
          }
          if (progress.Due()) {
            progress.Report(docs, fmt::format("{} sentences, {} tokens", sentences, tokens));
          }
        },
        &progress);
    progress.Finish();
    std::cout.flush();
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!quiet_) {
      std::cerr << fmt::format("thaw: {}, {}, {} in {:.2f} s\n", CountOf(docs, "document"),
                               CountOf(sentences, "sentence"), CountOf(tokens, "token"), secs);
      std::cerr << languages.Note();
    }
    return sentences == 0 ? 1 : 0;
  }

 private:
  std::vector<std::string> inputs_;
  InputFlags input_;
  bool tokenized_ = false, quiet_ = false;
  NlpFlags nlp_;
};

}  // namespace

std::unique_ptr<Command> MakeParseCommand(CLI::App* parent) {
  return std::make_unique<ParseCommand>(parent);
}

}  // namespace thaw
