// `thaw dict check` (validate dictionaries, ours or PETRARCH's) and `thaw dict lookup`
// (what an expression resolves to).
#include <fmt/format.h>

#include <filesystem>

#include "cli/common.h"
#include "dict/check.h"
#include "nlp/segmenter.h"

namespace thaw {
namespace {

const char* KindName(Coder::LookupHit::Kind k) {
  switch (k) {
    case Coder::LookupHit::Kind::kActor: return "actor";
    case Coder::LookupHit::Kind::kAgent: return "agent";
    case Coder::LookupHit::Kind::kDiscard: return "discard";
    case Coder::LookupHit::Kind::kVerb: return "verb";
  }
  return "?";
}

// Loads the files and directories named in `paths` into one set (directories contribute
// their dictionary files, in name order). With no paths: the built-in dictionaries.
Result<DictionarySet> LoadForCheck(std::vector<std::string> paths, Diagnostics* diags) {
  namespace fs = std::filesystem;
  if (paths.empty()) {
    const std::string dir = FindBuiltinDictDir();
    if (dir.empty())
      return Status::NotFound(
          "no built-in dictionaries found (data/dictionaries); name files to check");
    paths.push_back(dir);
  }
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> in_dir;
    for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) in_dir.push_back(it->path().string());
    }
    std::sort(in_dir.begin(), in_dir.end());
    for (const std::string& f : in_dir) {  // other files (README, ontology) are not dictionaries
      if (DictionaryKindOf(fs::path(f).filename().string()) != DictionaryKind::kNone)
        files.push_back(f);
    }
  }
  DictionarySet set;
  size_t verb_files = 0;
  for (const std::string& f : files) {
    if (DictionaryKindOf(fs::path(f).filename().string()) == DictionaryKind::kVerbs) ++verb_files;
    if (Status s = LoadDictionaryFile(f, {}, diags, &set); !s.ok()) return s;
  }
  if (verb_files > 1) return Status::InvalidArgument("check one verb dictionary at a time");
  return set;
}

class DictCommand : public Command {
 public:
  explicit DictCommand(CLI::App* parent) {
    app = parent->add_subcommand("dict",
                                 "check dictionaries, or show what an expression resolves to");
    app->require_subcommand(1);
    check_ = app->add_subcommand(
        "check", "validate dictionary files: syntax, CAMEO codes, conflicting entries");
    check_->footer(
        "Checks thaw's built-in dictionaries when no PATH is given. Each PATH is a dictionary file, its kind told by "
        "its name (*verbs*.txt or CAMEO*.txt, *actors*.txt, *agents*.txt, *discards*.txt), or a directory of them. "
        "Prints every problem as file:line, then what the set covers (verb blocks, patterns, CAMEO codes and roots, "
        "actors with dated codes, agents, discards). Exits 1 when there is any problem.\n\nExamples:\n"
        "  thaw dict check\n  thaw dict check ../shared/petrarch/dictionaries");
    check_->add_option("PATH", paths_,
                       "dictionary files or directories (default: the built-in dictionaries)");
    lookup_ = app->add_subcommand("lookup",
                                  "show which actors, agents, verbs and discards a phrase hits");
    lookup_->footer(
        "Tokenizes TEXT as thaw does and lists every dictionary entry it matches, as the coder would: actor phrases "
        "with the code in force on --date (and all their dated codes), agent words, verbs with their block's code, "
        "discard phrases; each with file:line.\n\nExamples:\n"
        "  thaw dict lookup \"South Korean President Park Geun-hye\" --date 2015-09-02\n"
        "  thaw dict lookup test-fired --verbs CAMEO.2.0.txt");
    lookup_->add_option("TEXT", text_, "the phrase (several arguments are joined with spaces)")
        ->required();
    lookup_->add_option("--date", date_, "YYYY-MM-DD: pick dated actor codes valid on this day");
    AddDictFlags(lookup_, &flags_);
  }

  int Run() override { return check_->parsed() ? RunCheck() : RunLookup(); }

 private:
  int RunCheck() {
    Diagnostics diags;
    auto set = LoadForCheck(paths_, &diags);
    PrintAll(diags);
    if (!set.ok()) {
      std::cerr << "thaw: error: " << set.status().message() << "\n";
      return 2;
    }
    Diagnostics findings;
    CheckDictionaries(*set, set->verbs.name, set->agents.name, &findings);
    PrintAll(findings);
    const DictionarySummary s = SummarizeDictionaries(*set);
    std::cout << fmt::format(
        "verbs: {} blocks, {} verbs, {} patterns, {} synonym sets; {} CAMEO codes ({} leaf codes) in {} of 20 roots\n"
        "actors: {} entries, {} names, {} dated codes\nagents: {}\ndiscards: {}\n",
        s.verb_blocks, s.verb_forms, s.patterns, s.synsets, s.event_codes, s.leaf_codes, s.roots,
        s.actors, s.actor_names, s.dated_codes, s.agents, s.discards);
    const size_t problems = diags.size() + findings.size();
    std::cout << (problems == 0 ? std::string("no problems found\n")
                                : fmt::format("{} problems\n", problems));
    return problems == 0 ? 0 : 1;
  }

  int RunLookup() {
    Date date = kNoDate;
    if (!date_.empty()) {
      auto d = ParseDate(date_);
      if (!d) {
        std::cerr << "thaw: error: --date " << date_ << ": expected YYYY-MM-DD\n";
        return 2;
      }
      date = *d;
    }
    Diagnostics diags;
    auto coder = BuildCoder(flags_, &diags);
    PrintDiagnostics(diags, flags_.quiet);
    if (!coder.ok()) {
      std::cerr << "thaw: error: " << coder.status().message() << "\n";
      return 2;
    }
    auto seg = Segmenter::Create();
    if (!seg.ok()) {
      std::cerr << "thaw: error: " << seg.status().message() << "\n";
      return 2;
    }
    std::string text;
    for (const std::string& t : text_) text += (text.empty() ? "" : " ") + t;
    Sentence sentence;
    sentence.text = text;
    (*seg)->Tokenize(text, &sentence);
    std::string tokens;
    for (size_t i = 0; i < sentence.tokens.size(); ++i)
      tokens += (i ? " | " : "") + std::string(sentence.Form(i));
    std::cout << "tokens: " << tokens << "\n";
    const auto hits = (*coder)->Lookup(sentence, date);
    for (const auto& h : hits) {
      std::string span;
      for (int32_t i = h.begin; i < h.end; ++i)
        span += (i > h.begin ? " " : "") + std::string(sentence.Form(i));
      std::cout << fmt::format("{:<8} {:<28} {:<12} {}{}\n", KindName(h.kind), span, h.code,
                               h.source, h.detail.empty() ? "" : "  (" + h.detail + ")");
    }
    if (hits.empty()) std::cout << "no dictionary entry matches\n";
    return hits.empty() ? 1 : 0;
  }

  static void PrintAll(const Diagnostics& d) {
    for (const auto& item : d.items()) std::cerr << "thaw: " << item.ToString() << "\n";
  }

  CLI::App* check_ = nullptr;
  CLI::App* lookup_ = nullptr;
  std::vector<std::string> paths_, text_;
  std::string date_;
  DictFlags flags_;
};

}  // namespace

std::unique_ptr<Command> MakeDictCommand(CLI::App* parent) {
  return std::make_unique<DictCommand>(parent);
}

}  // namespace thaw
