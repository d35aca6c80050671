// Pieces shared by thaw's commands: dictionary flags and loading, diagnostics printing, and
// iteration over input documents. CLI-edge code: prints to stderr, never throws.
#ifndef THAW_CLI_COMMON_H_
#define THAW_CLI_COMMON_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/progress.h"
#include "base/strings.h"
#include "coder/coder.h"
#include "dict/dictionaries.h"
#include "text/reader.h"

namespace thaw {

// A subcommand: registers its flags on construction, runs when parsed.
class Command {
 public:
  virtual ~Command() = default;
  virtual int Run() = 0;
  CLI::App* app = nullptr;
};

std::unique_ptr<Command> MakeCodeCommand(CLI::App* parent);
std::unique_ptr<Command> MakeEvalCommand(CLI::App* parent);
std::unique_ptr<Command> MakeParseCommand(CLI::App* parent);
std::unique_ptr<Command> MakeTrainCommand(CLI::App* parent);
std::unique_ptr<Command> MakeDictCommand(CLI::App* parent);
std::unique_ptr<Command> MakeDemoCommand(CLI::App* parent);
std::unique_ptr<Command> MakeIngestCommand(
    CLI::App* parent);  // and MakeExportCommand: thaw ingest|export
std::unique_ptr<Command> MakeExportCommand(CLI::App* parent);
// thaw dyad|shifts|top|actors|plot: relations read out of a store (relations_command.cc).
std::unique_ptr<Command> MakeDyadCommand(CLI::App* parent);
std::unique_ptr<Command> MakeShiftsCommand(CLI::App* parent);
std::unique_ptr<Command> MakeTopCommand(CLI::App* parent);
std::unique_ptr<Command> MakeActorsCommand(CLI::App* parent);
std::unique_ptr<Command> MakePlotCommand(CLI::App* parent);

struct DictFlags {
  std::string verbs, agents, discards, dict_dir;
  std::vector<std::string> actors;
  bool no_builtin = false;
  bool strict = false;
  bool quiet = false;
};

// The directory of thaw's own dictionaries: $THAW_DICT, else data/dictionaries beside the
// executable's checkout, else the source tree's. Empty when none of them holds verbs.txt.
std::string FindBuiltinDictDir();

void AddDictFlags(CLI::App* app, DictFlags* f);
// Prints diagnostics from index `from` on (at most 20, then a count) unless quiet.
void PrintDiagnostics(const Diagnostics& diags, bool quiet, size_t from = 0);

// PrintDiagnostics in instalments, for an input read over a long time (a live feed): Update
// prints the diagnostics added since the last call until 20 were shown, Finish prints those
// and then the count of the rest.
class DiagnosticsPrinter {
 public:
  static constexpr size_t kMaxShown = 20;
  DiagnosticsPrinter(const Diagnostics& diags, bool quiet, size_t from)
      : diags_(diags), quiet_(quiet), next_(from) {}
  void Update();
  void Finish();

 private:
  const Diagnostics& diags_;
  bool quiet_;
  size_t next_;        // the first diagnostic not yet looked at
  size_t shown_ = 0;   // printed so far
  size_t hidden_ = 0;  // beyond kMaxShown
};
// Starts from --dict-dir, else from the built-in dictionaries (unless --no-builtin); each
// single-file flag then replaces its kind.
Result<DictionarySet> LoadDictionaries(const DictFlags& f, Diagnostics* diags);
Result<std::unique_ptr<Coder>> BuildCoder(const DictFlags& f, Diagnostics* diags,
                                          const CoderOptions& options = CoderOptions());

// The input flags of `code`, `parse` and `ingest`: --input-format and --jsonl-field.
struct InputFlags {
  std::string format = "auto";
  std::vector<std::string> jsonl_fields;  // KEY=NAME items
  std::string encoding;                   // empty: UTF-8
};
void AddInputFlags(CLI::App* app, InputFlags* f);
// Counts the documents whose raw text does not look English (text/language.h), for a note
// after the summary: thaw's models and dictionaries read English only.
class LanguageTally {
 public:
  void Add(const Document& doc);
  // "thaw: warning: 2 documents do not look like English ..." or "" when none.
  std::string Note() const;

 private:
  size_t count_ = 0;
  std::string first_;  // the first one's id
};

// How the flags say to read the input; InvalidArgument for a bad format, field or encoding.
Result<ReadOptions> ReadOptionsFrom(const InputFlags& f);

// Reads every document of every input, calling fn(Document&) for each, printing each input's
// diagnostics after it; fn returns false to stop reading. Returns false (after printing) when
// an input could not be read, or when `strict` and an input had problems. With `progress`, its
// in-place line is erased before anything is printed. on_wait, when given, is called whenever
// a live feed on stdin has nothing more to read yet (DocumentReader::set_on_wait).
template <typename Fn>
bool ForEachDocument(const std::vector<std::string>& inputs, const ReadOptions& input, bool strict,
                     bool quiet, Diagnostics* diags, Fn fn, Progress* progress = nullptr,
                     const std::function<void()>& on_wait = nullptr) {
  auto clear = [&] {
    if (progress != nullptr) progress->Finish();
  };
  bool ok = true, stop = false;
  for (const std::string& in : inputs) {
    if (stop) break;
    const size_t mark = diags->size();
    auto reader = OpenDocumentReader(in, input, diags);
    if (!reader.ok()) {
      clear();
      std::cerr << "thaw: error: " << reader.status().message() << "\n";
      ok = false;
      continue;
    }
    // Stdin may be a feed that never ends: its warnings are printed as they come.
    DiagnosticsPrinter warnings(*diags, quiet, mark);
    if (in == "-") {
      diags->set_on_add([&] {
        clear();
        warnings.Update();
      });
      if (on_wait) (*reader)->set_on_wait(on_wait);
    }
    Document doc;
    while (true) {
      auto more = (*reader)->Next(&doc);
      if (!more.ok()) {
        clear();
        std::cerr << "thaw: error: " << more.status().message() << "\n";
        ok = false;
        break;
      }
      if (!*more) break;
      if (!fn(doc)) {
        stop = true;
        break;
      }
    }
    diags->set_on_add(nullptr);
    if (diags->size() > mark) clear();
    warnings.Finish();
    if (strict && diags->size() > mark) ok = false;
  }
  return ok;
}

// What ForEachBatch does with a document it read: batch it, drop it, or stop reading.
enum class Admit { kYes, kNo, kStop };

// ForEachDocument, handing the documents that admit(Document&) lets through to
// fn(std::vector<Document>&, bool caught_up) in batches of `batch_size`, in input order. fn may
// move out of the batch; it is cleared after each call. caught_up is true when fn is handed
// everything read so far before the batch is full: at the end of the input, or when a live
// feed on stdin (`tail -f news.jsonl | thaw code`) has nothing more to read yet, so its output
// can appear (stdout is flushed after fn) or be committed as the documents arrive. A burst of
// documents that arrived together is handed on in full batches.
template <typename Fn, typename AdmitFn>
bool ForEachBatch(const std::vector<std::string>& inputs, const ReadOptions& input, bool strict,
                  bool quiet, Diagnostics* diags, size_t batch_size, Fn fn, AdmitFn admit,
                  Progress* progress = nullptr) {
  std::vector<Document> batch;
  auto run = [&](bool caught_up) {
    fn(batch, caught_up);
    batch.clear();
  };
  const bool ok = ForEachDocument(
      inputs, input, strict, quiet, diags,
      [&](Document& doc) {
        const Admit a = admit(doc);
        if (a == Admit::kStop) return false;
        if (a == Admit::kYes) {
          batch.push_back(std::move(doc));
          doc = Document();
        }
        if (batch.size() >= batch_size) run(false);
        return true;
      },
      progress,
      [&] {
        run(true);
        std::cout.flush();
      });
  run(true);
  return ok;
}

// ForEachBatch of every document.
template <typename Fn>
bool ForEachBatch(const std::vector<std::string>& inputs, const ReadOptions& input, bool strict,
                  bool quiet, Diagnostics* diags, size_t batch_size, Fn fn,
                  Progress* progress = nullptr) {
  return ForEachBatch(
      inputs, input, strict, quiet, diags, batch_size, fn,
      [](const Document&) { return Admit::kYes; }, progress);
}

}  // namespace thaw

#endif  // THAW_CLI_COMMON_H_
