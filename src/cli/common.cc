#include "cli/common.h"

#include <filesystem>
#include <iostream>

#include "base/file.h"
#include "text/language.h"

namespace thaw {

void AddDictFlags(CLI::App* app, DictFlags* f) {
  app->add_option("--verbs", f->verbs, "PETRARCH-2 verb pattern dictionary (e.g. CAMEO.2.0.txt)");
  app->add_option("--actors", f->actors,
                  "actor dictionaries; repeat the flag or separate files with commas")
      ->delimiter(',')
      ->allow_extra_args(false);  // "--actors a.txt INPUT": INPUT is the input, not a dictionary
  app->add_option("--agents", f->agents, "agent dictionary (e.g. Phoenix.agents.txt)");
  app->add_option("--discards", f->discards, "discard dictionary (e.g. Phoenix.discards.txt)");
  app->add_option(
      "--dict-dir", f->dict_dir,
      "directory of PETRARCH dictionaries, classified by file name (*verbs*/CAMEO*, *actors*, "
      "*agents*, *discards*), used instead of the built-in ones; single-file flags given as well "
      "replace that kind");
  app->add_flag(
      "--no-builtin", f->no_builtin,
      "do not start from thaw's built-in dictionaries (data/dictionaries, or $THAW_DICT): use only "
      "the files given");
  app->add_flag("--strict", f->strict, "treat a malformed dictionary or input line as fatal");
  app->add_flag(
      "-q,--quiet", f->quiet,
      "do not print warnings about skipped dictionary or input lines, progress or the summary");
}

void AddInputFlags(CLI::App* app, InputFlags* f) {
  app->add_option("--input-format", f->format,
                  "auto|xml|conllu|jsonl|text|html|feed (auto: by extension, a web page or an "
                  "RSS/Atom feed by its root element; stdin by its first marks)")
      ->check(CLI::IsMember({"auto", "xml", "conllu", "jsonl", "text", "html", "feed"}));
  app->add_option(
         "--jsonl-field", f->jsonl_fields,
         "JSON Lines fields under other names: KEY=NAME with KEY one of id, text, date, title, "
         "source, url, and NAME a member or a dotted path (text=body,date=publishedAt,"
         "source=source.name); repeat the flag or separate items with commas")
      ->delimiter(',')
      ->allow_extra_args(false);
  app->add_option(
      "--encoding", f->encoding,
      "the input's encoding when it is not UTF-8, as ICU names it: windows-1252 (Latin-1 and "
      "Windows text), euc-kr, gb18030, shift_jis, utf-16le, ... (a file starting with a "
      "byte-order mark is read in the encoding the mark gives)");
}

void LanguageTally::Add(const Document& doc) {
  if (doc.text.empty() || LooksEnglish(doc.text)) return;
  if (count_++ == 0) first_ = doc.id;
}

std::string LanguageTally::Note() const {
  if (count_ == 0) return "";
  return "thaw: warning: " + CountOf(count_, "document") + (count_ == 1 ? " does" : " do") +
         " not look like English (" + (count_ == 1 ? "" : "the first: ") + first_ +
         "); thaw's models and dictionaries read English only\n";
}

Result<ReadOptions> ReadOptionsFrom(const InputFlags& f) {
  ReadOptions options;
  auto format = ParseInputFormat(f.format);
  if (!format.ok()) return format.status();
  options.format = *format;
  for (const std::string& item : f.jsonl_fields) {
    Status s = ParseJsonlFields(item, &options.jsonl);
    if (!s.ok()) return Status::InvalidArgument("--jsonl-field: " + s.message());
  }
  Status encoding = CheckEncoding(f.encoding);
  if (!encoding.ok()) return Status::InvalidArgument("--encoding: " + encoding.message());
  options.encoding = f.encoding;
  return options;
}

void PrintDiagnostics(const Diagnostics& diags, bool quiet, size_t from) {
  DiagnosticsPrinter(diags, quiet, from).Finish();
}

void DiagnosticsPrinter::Update() {
  for (; next_ < diags_.size(); ++next_) {
    if (quiet_) continue;
    if (shown_ < kMaxShown) {
      std::cerr << "thaw: warning: " << diags_.items()[next_].ToString() << "\n";
      ++shown_;
    } else {
      ++hidden_;
    }
  }
}

void DiagnosticsPrinter::Finish() {
  Update();
  if (hidden_ > 0) std::cerr << "thaw: ... and " << hidden_ << " more warnings\n";
  hidden_ = 0;
}

std::string FindBuiltinDictDir() {
  const std::string dir =
      FindShippedDir("THAW_DICT", "data/dictionaries", "verbs.txt", THAW_DEFAULT_DICT_DIR);
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::path(dir) / "verbs.txt", ec) ? dir
                                                                               : std::string();
}

Result<DictionarySet> LoadDictionaries(const DictFlags& f, Diagnostics* diags) {
  LoadOptions opts;
  opts.strict = f.strict;
  DictionarySet set;
  std::string base = f.dict_dir;
  if (base.empty() && !f.no_builtin) base = FindBuiltinDictDir();
  if (!base.empty()) {
    auto r = LoadDictionaryDir(base, opts, diags);
    if (!r.ok()) return r.status();
    set = std::move(r).value();
  }
  if (!f.verbs.empty()) {
    auto r = LoadVerbDictionary(f.verbs, opts, diags);
    if (!r.ok()) return r.status();
    set.verbs = std::move(r).value();
  }
  if (!f.actors.empty()) {
    set.actors = ActorDictionary();
    for (const auto& a : f.actors) {
      if (Status s = LoadActorDictionary(a, opts, diags, &set.actors); !s.ok()) return s;
    }
  }
  if (!f.agents.empty()) {
    set.agents = AgentDictionary();
    if (Status s = LoadAgentDictionary(f.agents, opts, diags, &set.agents); !s.ok()) return s;
  }
  if (!f.discards.empty()) {
    set.discards = DiscardDictionary();
    if (Status s = LoadDiscardDictionary(f.discards, opts, diags, &set.discards); !s.ok()) return s;
  }
  if (set.verbs.blocks.empty()) {
    return Status::InvalidArgument(
        "no verb dictionary: give --verbs FILE or --dict-dir DIR (for example "
        "--dict-dir ../shared/petrarch/dictionaries), or set THAW_DICT to thaw's data/dictionaries");
  }
  return set;
}

Result<std::unique_ptr<Coder>> BuildCoder(const DictFlags& f, Diagnostics* diags,
                                          const CoderOptions& options) {
  auto dicts = LoadDictionaries(f, diags);
  if (!dicts.ok()) return dicts.status();
  return Coder::Create(*dicts, options, diags);
}

// Reads every document of every input, calling fn(doc) for each. Returns false (after
// printing) when an input could not be opened.
}  // namespace thaw
