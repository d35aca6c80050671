// Parser accuracy and speed on the UD English test sets with gold tokenization (issue #3).
// Loads models/parser.model and, when present, models/tagger.model; parses EWT and GUM dev
// and test with gold tags and (with a tagger) with predicted tags; prints UAS/LAS on
// full labels (subtypes scored, as the target) and on universal labels (subtypes stripped,
// as CoNLL 2018), with and without punctuation, and UFeats (nlp/features.h: the whole FEATS
// string right, per word; "gold tree" = the rules on the gold tags and tree); then tokens/s on one
// core for parsing alone and for tagging + parsing, and the model load time.
//
// Usage: parse_eval [MODELS_DIR]   (default: $THAW_MODELS, else <source>/models)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.h"
#include "nlp/features.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"
#include "text/reader.h"

namespace {

using thaw::bench::ReadParsedSentences;
using thaw::bench::Seconds;
using thaw::bench::ThreadCpuSeconds;

const std::string kShared = THAW_SHARED_DIR;

struct Score {
  long words = 0, heads = 0, labels = 0, base = 0;
  long words_np = 0, heads_np = 0, labels_np = 0, base_np = 0;
  long feats = 0;
  void Add(const thaw::Sentence& gold, const thaw::Sentence& got) {
    auto strip = [](std::string_view d) { return d.substr(0, d.find(':')); };
    for (size_t i = 0; i < gold.tokens.size(); ++i) {
      const bool h = got.tokens[i].head == gold.tokens[i].head;
      const bool l = h && got.Deprel(i) == gold.Deprel(i);
      const bool b = h && strip(got.Deprel(i)) == strip(gold.Deprel(i));
      ++words, heads += h, labels += l, base += b;
      feats += got.Feats(i) == gold.Feats(i);
      if (gold.Upos(i) != "PUNCT") ++words_np, heads_np += h, labels_np += l, base_np += b;
    }
  }
  void Print(const char* name, const char* tags) const {
    auto pct = [](long a, long b) {
      return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0;
    };
    std::printf(
        "%-9s %-9s %6ld words  UAS %5.2f  LAS %5.2f  LAS-nosub %5.2f  |  no punct: UAS %5.2f  LAS "
        "%5.2f  LAS-nosub %5.2f  |  UFeats %5.2f\n",
        name, tags, words, pct(heads, words), pct(labels, words), pct(base, words),
        pct(heads_np, words_np), pct(labels_np, words_np), pct(base_np, words_np),
        pct(feats, words));
  }
};

// Copies `gold`, optionally re-tags the copies, parses them and scores.
Score Evaluate(const std::vector<thaw::Sentence>& gold, const thaw::Parser& parser,
               const thaw::Tagger* tagger) {
  Score sc;
  thaw::Sentence s;
  for (const auto& g : gold) {
    s = g;
    if (tagger != nullptr) tagger->Tag(&s);
    parser.Parse(&s);
    thaw::AddFeatures(&s);
    sc.Add(g, s);
  }
  return sc;
}

struct Speed {
  double cpu = 0, wall = 0;  // tokens per second of thread CPU time and of wall time
};

// Tokens per second of `work` over copies of `sentences`, for at least two CPU seconds.
// CPU time is the figure to quote on a shared machine: it does not count time the thread
// waited for a core (wall time does; both are printed).
template <typename F>
Speed TokensPerSecond(const std::vector<thaw::Sentence>& sentences, F work) {
  size_t tokens = 0;
  for (const auto& s : sentences) tokens += s.tokens.size();
  double cpu = 0, wall = 0;
  size_t done = 0;
  std::vector<thaw::Sentence> copy;
  while (cpu < 2.0) {
    copy = sentences;  // untimed: fresh pools each pass
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = ThreadCpuSeconds();
    for (auto& s : copy) work(&s);
    cpu += ThreadCpuSeconds() - c0;
    wall += Seconds(t0);
    done += tokens;
  }
  return {static_cast<double>(done) / cpu, static_cast<double>(done) / wall};
}

}  // namespace

int main(int argc, char** argv) {
  std::string models = argc > 1 ? argv[1] : "";
  if (models.empty() && std::getenv("THAW_MODELS") != nullptr) models = std::getenv("THAW_MODELS");
  if (models.empty())
    models = std::filesystem::path(__FILE__).parent_path().parent_path() / "models";
  if (!std::filesystem::exists(kShared + "/ud")) {
    std::printf("parse_eval: %s/ud is absent; skipping\n", kShared.c_str());
    return 0;
  }
  const std::string parser_path = models + "/parser.model";
  double load = 1e9;
  std::unique_ptr<thaw::Parser> parser;
  for (int i = 0; i < 3; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto loaded = thaw::Parser::Load(parser_path);
    load = std::min(load, Seconds(t0));
    if (!loaded.ok()) {
      std::fprintf(stderr, "parse_eval: %s\n", loaded.status().ToString().c_str());
      return 1;
    }
    parser = std::move(loaded).value();
  }
  std::unique_ptr<thaw::Tagger> tagger;
  const std::string tagger_path = models + "/tagger.model";
  if (std::filesystem::exists(tagger_path)) {
    auto loaded = thaw::Tagger::Load(tagger_path);
    if (!loaded.ok()) {
      std::fprintf(stderr, "parse_eval: %s\n", loaded.status().ToString().c_str());
      return 1;
    }
    tagger = std::move(loaded).value();
  }
  std::printf("parser: %s (%.1f MB on disk, %.1f MB tables), load %.3f s (best of 3)\n",
              parser_path.c_str(),
              static_cast<double>(std::filesystem::file_size(parser_path)) / 1e6,
              static_cast<double>(parser->memory()) / 1e6, load);
  std::printf("tagger: %s\n", tagger ? tagger_path.c_str() : "none (gold tags only)");
  std::printf(
      "scores: CoNLL 2018 head/label match per word; LAS on full labels with subtypes, LAS-nosub without\n");

  const struct {
    const char* name;
    const char* file;
  } sets[] = {{"EWT dev", "en_ewt-ud-dev.conllu"}, {"GUM dev", "en_gum-ud-dev.conllu"},
              {"EWT test", "en_ewt-ud-test.conllu"}, {"GUM test", "en_gum-ud-test.conllu"}};
  std::vector<thaw::Sentence> ewt_test;
  for (const auto& set : sets) {
    std::vector<thaw::Sentence> gold =
        ReadParsedSentences(kShared + "/ud/" + set.file, thaw::InputFormat::kConllu);
    Score rules;  // the features alone, on the gold tags and tree
    for (const thaw::Sentence& g : gold) {
      thaw::Sentence s = g;
      thaw::AddFeatures(&s);
      rules.Add(g, s);
    }
    rules.Print(set.name, "gold tree");
    Evaluate(gold, *parser, nullptr).Print(set.name, "gold tags");
    if (tagger) Evaluate(gold, *parser, tagger.get()).Print(set.name, "predicted");
    if (std::string(set.file) == "en_ewt-ud-test.conllu") ewt_test = std::move(gold);
  }

  // Speed on EWT test: parsing alone (gold tags), then tagging + parsing.
  const Speed parse = TokensPerSecond(ewt_test, [&](thaw::Sentence* s) { parser->Parse(s); });
  std::printf("speed, one thread, EWT test, tokens/s of CPU time (wall time):\n");
  std::printf("  parse alone    %7.0f (%.0f)\n", parse.cpu, parse.wall);
  const Speed feats = TokensPerSecond(ewt_test, [](thaw::Sentence* s) { thaw::AddFeatures(s); });
  std::printf("  features alone %7.0f (%.0f)\n", feats.cpu, feats.wall);
  if (tagger) {
    const Speed tag = TokensPerSecond(ewt_test, [&](thaw::Sentence* s) { tagger->Tag(s); });
    const Speed both = TokensPerSecond(ewt_test, [&](thaw::Sentence* s) {
      tagger->Tag(s);
      parser->Parse(s);
    });
    std::printf("  tag alone      %7.0f (%.0f)\n  tag + parse    %7.0f (%.0f)\n", tag.cpu, tag.wall,
                both.cpu, both.wall);
  }
  return 0;
}
