#include "cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "base/strings.h"
#include "cli/event_output.h"
#include "coder/coder.h"
#include "coder/evaluation.h"
#include "dict/dictionaries.h"
#include "text/reader.h"

namespace thaw {
namespace {

struct DictFlags {
  std::string verbs, agents, discards, dict_dir;
  std::vector<std::string> actors;
  bool strict = false;
  std::string parse = "given";
  bool quiet = false;
};

void AddDictFlags(CLI::App* app, DictFlags* f) {
  app->add_option("--verbs", f->verbs, "PETRARCH-2 verb pattern dictionary (e.g. CAMEO.2.0.txt)");
  app->add_option("--actors", f->actors, "actor dictionaries; repeat the flag or separate files with commas")
      ->delimiter(',');
  app->add_option("--agents", f->agents, "agent dictionary (e.g. Phoenix.agents.txt)");
  app->add_option("--discards", f->discards, "discard dictionary (e.g. Phoenix.discards.txt)");
  app->add_option("--dict-dir", f->dict_dir,
                  "directory of PETRARCH dictionaries, classified by file name (*verbs*/CAMEO*, *actors*, "
                  "*agents*, *discards*); single-file flags given as well replace that kind");
  app->add_flag("--strict", f->strict, "treat a malformed dictionary or input line as fatal");
  app->add_option("--parse", f->parse, "where dependency parses come from: 'given' uses the parse in the input")
      ->check(CLI::IsMember({"given"}));
  app->add_flag("-q,--quiet", f->quiet, "do not print warnings about skipped dictionary or input lines");
}

void PrintDiagnostics(const Diagnostics& diags, bool quiet, size_t from = 0) {
  if (quiet) return;
  constexpr size_t kMaxShown = 20;
  size_t shown = 0;
  for (size_t i = from; i < diags.size(); ++i) {
    if (shown++ < kMaxShown) std::cerr << "thaw: warning: " << diags.items()[i].ToString() << "\n";
  }
  if (shown > kMaxShown) std::cerr << "thaw: ... and " << (shown - kMaxShown) << " more warnings\n";
}

Result<DictionarySet> LoadDictionaries(const DictFlags& f, Diagnostics* diags) {
  LoadOptions opts;
  opts.strict = f.strict;
  DictionarySet set;
  if (!f.dict_dir.empty()) {
    auto r = LoadDictionaryDir(f.dict_dir, opts, diags);
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
        "--dict-dir ../shared/petrarch/dictionaries)");
  }
  return set;
}

Result<std::unique_ptr<Coder>> BuildCoder(const DictFlags& f, Diagnostics* diags) {
  auto dicts = LoadDictionaries(f, diags);
  if (!dicts.ok()) return dicts.status();
  CoderOptions options;
  return Coder::Create(*dicts, options, diags);
}

// Reads every document of every input, calling fn(doc) for each. Returns false (after
// printing) when an input could not be opened.
template <typename Fn>
bool ForEachDocument(const std::vector<std::string>& inputs, InputFormat format, bool strict, bool quiet,
                     Diagnostics* diags, Fn fn) {
  bool ok = true;
  for (const std::string& in : inputs) {
    const size_t mark = diags->size();
    auto reader = OpenDocumentReader(in, format, diags);
    if (!reader.ok()) {
      std::cerr << "thaw: error: " << reader.status().message() << "\n";
      ok = false;
      continue;
    }
    Document doc;
    while (true) {
      auto more = (*reader)->Next(&doc);
      if (!more.ok()) {
        std::cerr << "thaw: error: " << more.status().message() << "\n";
        ok = false;
        break;
      }
      if (!*more) break;
      fn(doc);
    }
    PrintDiagnostics(*diags, quiet, mark);
    if (strict && diags->size() > mark) ok = false;
  }
  return ok;
}

int RunCode(const DictFlags& f, const std::vector<std::string>& inputs_in, const std::string& format_name,
            const std::string& output_format) {
  Diagnostics diags;
  const auto t0 = std::chrono::steady_clock::now();
  auto coder = BuildCoder(f, &diags);
  PrintDiagnostics(diags, f.quiet);
  if (!coder.ok()) {
    std::cerr << "thaw: error: " << coder.status().message() << "\n";
    return 2;
  }
  if (f.strict && !diags.empty()) {
    std::cerr << "thaw: error: dictionary problems with --strict\n";
    return 2;
  }
  diags.Clear();
  auto format = ParseInputFormat(format_name);
  if (!format.ok()) {
    std::cerr << "thaw: error: " << format.status().message() << "\n";
    return 2;
  }
  std::vector<std::string> inputs = inputs_in.empty() ? std::vector<std::string>{"-"} : inputs_in;
  EventWriter writer(&std::cout, output_format == "tsv" ? EventFormat::kTsv : EventFormat::kJsonl);
  writer.Begin();
  auto scratch = (*coder)->NewScratch();
  Coder::DocumentEvents coded;
  size_t docs = 0, sentences = 0, unparsed = 0, n_coded = 0, n_events = 0;
  const bool ok = ForEachDocument(inputs, *format, f.strict, f.quiet, &diags, [&](const Document& doc) {
    ++docs;
    sentences += doc.sentences.size();
    (*coder)->CodeDocument(doc, scratch.get(), &coded);
    unparsed += coded.unparsed;
    n_coded += coded.coded;
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      for (const Event& e : coded.events[i]) writer.Write(doc, doc.sentences[i], e);
      n_events += coded.events[i].size();
    }
  });
  std::cout.flush();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!f.quiet) {
    std::cerr << fmt::format("thaw: {} documents, {} sentences, {} events in {:.2f} s\n", docs, sentences,
                             n_events, secs);
    if (unparsed > 0) {
      std::cerr << fmt::format(
          "thaw: {} sentences or documents have no dependency parse and were not coded (give CoNLL-U, or "
          "PETRARCH XML with <Parse>)\n",
          unparsed);
    }
  }
  // Bad input is reported and skipped; only a run that could code nothing at all fails.
  if (n_coded == 0) {
    if (!f.quiet) std::cerr << "thaw: error: nothing could be coded from the input\n";
    return 1;
  }
  (void)ok;
  return 0;
}

std::string Describe(const std::vector<EventTriple>& s) {
  if (s.empty()) return "(none)";
  std::string out;
  for (const auto& [src, tgt, code] : s) {
    if (!out.empty()) out += ", ";
    out += src + " " + tgt + " " + code;
  }
  return out;
}

int RunEval(const DictFlags& f, const std::string& input, bool show_passing) {
  Diagnostics diags;
  auto coder = BuildCoder(f, &diags);
  PrintDiagnostics(diags, f.quiet);
  if (!coder.ok()) {
    std::cerr << "thaw: error: " << coder.status().message() << "\n";
    return 2;
  }
  diags.Clear();
  Evaluator eval(**coder);
  const bool ok = ForEachDocument({input}, InputFormat::kPetrarchXml, false, f.quiet, &diags,
                                  [&](const Document& doc) { eval.Add(doc); });
  const EvalTally& all = eval.overall();
  if (!ok && all.records == 0) return 1;
  for (const RecordResult& r : eval.records()) {
    if (r.exact && !show_passing) continue;
    std::cout << (r.exact ? "PASS " : "FAIL ") << r.id << ": " << r.text << "\n"
              << "    expected: " << Describe(r.expected) << (r.error.empty() ? "" : " [error=" + r.error + "]")
              << "\n    produced: " << Describe(r.produced) << "\n";
  }
  std::cout << "\nper id prefix:\n"
            << fmt::format("  {:<16} {:>7} {:>7} {:>7} {:>7} {:>7}\n", "prefix", "records", "exact", "P", "R", "F1");
  for (const auto& [prefix, t] : eval.by_prefix()) {
    std::cout << fmt::format("  {:<16} {:>7} {:>7} {:>7.3f} {:>7.3f} {:>7.3f}\n", prefix, t.records, t.exact,
                             t.Precision(), t.Recall(), t.F1());
  }
  std::cout << fmt::format("\nrecords: {}  expected events: {}  produced events: {}  correct: {}\n", all.records,
                           all.tp + all.fn, all.tp + all.fp, all.tp);
  std::cout << fmt::format("precision: {:.3f}  recall: {:.3f}  F1: {:.3f}\n", all.Precision(), all.Recall(), all.F1());
  std::cout << fmt::format("exact records: {}/{} ({:.1f}%)\n", all.exact, all.records, 100.0 * all.ExactShare());
  return 0;
}

}  // namespace

int RunMain(int argc, char** argv) {
  CLI::App app{"thaw: political event data from news text (CAMEO events with PETRARCH-compatible dictionaries)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "thaw 0.1.0");

  DictFlags code_flags;
  std::vector<std::string> code_inputs;
  std::string code_input_format = "auto", code_output = "jsonl";
  CLI::App* code = app.add_subcommand("code", "code documents into CAMEO events (JSON Lines or TSV on stdout)");
  code->footer(
      "Reads PETRARCH XML (.xml), CoNLL-U (.conllu), JSON Lines (.jsonl) or plain text, from files, directories "
      "or stdin (no INPUT). Writes one event per line: doc_id, sentence_id, date, source, target, code, "
      "root_code, quad_class, goldstein, source_text, target_text, verb, pattern. Sentences need a dependency "
      "parse (CoNLL-U, or <Parse> in PETRARCH XML). Bad input lines are reported as file:line and skipped; the "
      "exit code is 1 only when nothing could be coded.\n\nExample:\n  thaw code news.conllu --dict-dir "
      "../shared/petrarch/dictionaries --format tsv > events.tsv");
  code->add_option("INPUT", code_inputs, "input files or directories; '-' or nothing reads stdin");
  AddDictFlags(code, &code_flags);
  code->add_option("--input-format", code_input_format, "auto|xml|conllu|jsonl|text (auto: by extension)")
      ->check(CLI::IsMember({"auto", "xml", "conllu", "jsonl", "text"}));
  code->add_option("--format", code_output, "output format: jsonl (default) or tsv (with a header row)")
      ->check(CLI::IsMember({"jsonl", "tsv"}));

  DictFlags eval_flags;
  std::string eval_input;
  bool show_passing = false;
  CLI::App* eval = app.add_subcommand("eval", "score coding against a PETRARCH validation file");
  eval->footer(
      "Codes every record and compares with its <EventCoding> expectations: precision, recall, F1 (exact source, "
      "target and code per sentence id) and the share of records coded exactly right, overall and per id prefix, "
      "with every failing record listed (expected vs produced). A record with no <EventCoding> expects no "
      "events. Exits 0 even when records fail.");
  eval->add_option("FILE", eval_input, "validation XML, e.g. PETR.UnitTest.records.xml")->required();
  AddDictFlags(eval, &eval_flags);
  eval->add_flag("--show-passing", show_passing, "list passing records too");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    if (code->parsed()) return RunCode(code_flags, code_inputs, code_input_format, code_output);
    if (eval->parsed()) return RunEval(eval_flags, eval_input, show_passing);
  } catch (const std::exception& e) {
    std::cerr << "thaw: error: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace thaw
