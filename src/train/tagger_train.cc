// Averaged-perceptron training of the tagger, and the lemmatizer tables.
//
// Training is greedy left to right with the model's own previous predictions as history
// (what the tagger sees at run time). Weights are averaged lazily (each parameter keeps
// the time of its last change), pruned and quantised to int16 when a model is built.
// With epochs == 0 a model is built after every epoch and the best on the dev set (UPOS,
// then XPOS) is kept; training stops after kPatience epochs without improvement.
//
// Ensemble (TaggerTrainOptions::ensemble, default 3): three perceptrons train side by side on
// their own sentence orders and the model keeps the mean of their averaged weights, so it
// tags at about one model's speed (the union of their features is larger: 6.5 -> 8.9 MB,
// ~0.1 s more to load, tagging alone ~10% slower on a busy core as more lookups miss the
// cache). EWT+GUM train, EWT dev epochs: UPOS/XPOS EWT dev 95.52/94.87 -> 95.67/95.06, GUM dev
// 96.97/96.75 -> 97.08/96.95, EWT test 95.80/95.05 -> 95.82/95.14, GUM test 96.83/96.52 ->
// 96.84/96.60; with models/parser.model of the time, LAS EWT dev 82.21 -> 82.37, GUM dev
// 82.17 -> 82.35, EWT test 82.62 -> 82.64, GUM test 81.42 -> 81.38. Training takes 3x as long
// (14 min on a busy core), so the parser's jackknife taggers stay single perceptrons.

#include "train/tagger_train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <random>
#include <tuple>
#include <unordered_map>

#include "base/strings.h"
#include "text/reader.h"

namespace thaw {
namespace {

using tagger_features::Word;

constexpr int kMaxEpochs = 20;
constexpr int kPatience = 3;
// Lexicon: words seen at least kLexiconMinCount times get an ambiguity id (the set of
// classes with >= kLexiconMinShare of their occurrences; 1 and 3 score alike on EWT dev with
// jackknifing, 3 keeps the lexicon smaller); words seen at least kFixedMinCount times with
// one class in >= kFixedMinShare of them are fixed to it and never scored (as accurate as
// scoring them, and faster).
constexpr uint32_t kLexiconMinCount = 3;
constexpr double kLexiconMinShare = 0.01;
constexpr uint32_t kFixedMinCount = 50;
constexpr double kFixedMinShare = 0.999;
// Averaged weights below this magnitude are dropped from the model: on EWT dev, 0.0001,
// 0.02 and 0.1 give the same accuracy; 0.02 drops ~2% of the weights.
constexpr double kPruneBelow = 0.02;

struct TrainSentence {
  std::vector<std::string> form;
  std::vector<uint8_t> gold;
};

class Perceptron {
 public:
  explicit Perceptron(size_t num_classes) : num_classes_(num_classes) {}

  // Adds the scores of `keys` to scores[0..num_classes).
  void Score(const uint64_t* keys, int n, double* scores) const {
    std::fill(scores, scores + num_classes_, 0.0);
    for (int k = 0; k < n; ++k) {
      auto it = index_.find(keys[k]);
      if (it == index_.end()) continue;
      for (const Param& p : rows_[it->second]) scores[p.cls] += p.w;
    }
  }
  void Update(const uint64_t* keys, int n, int gold, int guess) {
    ++time_;
    if (gold == guess) return;
    for (int k = 0; k < n; ++k) {
      auto [it, inserted] = index_.try_emplace(keys[k], static_cast<uint32_t>(rows_.size()));
      if (inserted) rows_.emplace_back();
      std::vector<Param>& row = rows_[it->second];
      Bump(&row, gold, +1.0);
      Bump(&row, guess, -1.0);
    }
  }
  void Tick() { ++time_; }

  // The averaged, pruned, quantised weights of the mean of `models` (one model: its own
  // averaged weights; several: a score-sum ensemble in one table).
  static void Build(const std::vector<Perceptron>& models, TaggerModelData* d) {
    std::vector<uint64_t> keys;
    for (const Perceptron& m : models) {
      for (const auto& [key, row] : m.index_) keys.push_back(key);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    const size_t nc = models[0].num_classes_;
    const double share = 1.0 / static_cast<double>(models.size());
    std::vector<double> mean(nc);
    std::vector<uint8_t> touched;
    std::vector<double> weights;
    d->feature_keys.clear();
    d->feature_begin.assign(1, 0);
    d->entry_class.clear();
    for (uint64_t key : keys) {
      touched.clear();
      for (const Perceptron& m : models) {
        auto it = m.index_.find(key);
        if (it == m.index_.end()) continue;
        const double t = static_cast<double>(std::max<uint64_t>(m.time_, 1));
        for (const Param& p : m.rows_[it->second]) {
          const double avg = (p.total + p.w * static_cast<double>(m.time_ - p.stamp)) / t;
          if (std::find(touched.begin(), touched.end(), p.cls) == touched.end()) {
            touched.push_back(p.cls);
            mean[p.cls] = 0;
          }
          mean[p.cls] += share * avg;
        }
      }
      std::sort(touched.begin(), touched.end());
      const size_t before = d->entry_class.size();
      for (uint8_t cls : touched) {
        if (std::fabs(mean[cls]) < kPruneBelow) continue;
        d->entry_class.push_back(cls);
        weights.push_back(mean[cls]);
      }
      if (d->entry_class.size() == before) continue;
      d->feature_keys.push_back(key);
      d->feature_begin.push_back(static_cast<uint32_t>(d->entry_class.size()));
    }
    double max_abs = 0;
    for (double w : weights) max_abs = std::max(max_abs, std::fabs(w));
    const double scale = max_abs > 0 ? max_abs / 32767.0 : 1.0;
    d->weight_scale = static_cast<float>(scale);
    d->entry_weight.resize(weights.size());
    for (size_t i = 0; i < weights.size(); ++i) {
      d->entry_weight[i] = static_cast<int16_t>(std::lround(weights[i] / scale));
    }
  }

 private:
  struct Param {
    uint8_t cls;
    double w = 0, total = 0;
    uint64_t stamp = 0;
  };
  void Bump(std::vector<Param>* row, int cls, double delta) {
    Param* p = nullptr;
    for (Param& q : *row) {
      if (q.cls == cls) p = &q;
    }
    if (p == nullptr) {
      row->push_back(Param{static_cast<uint8_t>(cls)});
      p = &row->back();
    }
    p->total += p->w * static_cast<double>(time_ - p->stamp);
    p->stamp = time_;
    p->w += delta;
  }

  size_t num_classes_;
  uint64_t time_ = 0;
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<std::vector<Param>> rows_;
};

Lemmatizer::WordClass LemmaClass(std::string_view xpos, bool* ok) {
  *ok = true;
  if (StartsWith(xpos, "NN")) return Lemmatizer::kNoun;
  if (StartsWith(xpos, "VB")) return Lemmatizer::kVerb;
  if (StartsWith(xpos, "JJ")) return Lemmatizer::kAdj;
  if (StartsWith(xpos, "RB")) return Lemmatizer::kAdv;
  *ok = false;
  return Lemmatizer::kNoun;
}

// Training lemmas as known lemmas, WordNet, and the learned table: for each (form, XPOS)
// the most frequent lemma (ties: the smallest string) when the rules would miss it.
Status BuildLemmatizer(const std::vector<Sentence>& train, const std::string& wordnet_dir,
                       Lemmatizer* lem) {
  if (!wordnet_dir.empty()) {
    Status s = lem->AddWordNet(wordnet_dir);
    if (!s.ok()) return s;
  }
  // (form or lower form, xpos) -> lemma -> count, plus the most frequent UPOS.
  struct Counts {
    std::map<std::string, uint32_t> lemma, upos;
  };
  std::map<std::pair<std::string, std::string>, Counts> exact, lower;
  for (const Sentence& s : train) {
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const std::string xpos(s.Xpos(i));
      const std::string lemma(s.Lemma(i));
      const std::string upos(s.Upos(i));
      if (lemma.empty() || lemma == "_") continue;
      bool ok = false;
      const Lemmatizer::WordClass cls = LemmaClass(xpos, &ok);
      if (ok) lem->AddKnownLemma(cls, ToLowerAscii(lemma));
      if (ok && (upos == "PROPN")) lem->AddKnownLemma(cls, lemma);
      for (auto* table : {&exact, &lower}) {
        const std::string form = table == &exact ? std::string(s.Form(i)) : ToLowerAscii(s.Form(i));
        Counts& c = (*table)[{form, xpos}];
        ++c.lemma[lemma];
        ++c.upos[upos];
      }
    }
  }
  auto top = [](const std::map<std::string, uint32_t>& m) {
    auto best = m.begin();
    for (auto it = m.begin(); it != m.end(); ++it) {
      if (it->second > best->second) best = it;
    }
    return best->first;
  };
  for (auto* table : {&exact, &lower}) {
    for (const auto& [key, c] : *table) {
      lem->AddLearned(key.first, top(c.upos), key.second, top(c.lemma), table == &lower);
    }
  }
  lem->Compile();
  return Status::Ok();
}

// Class counts of lower-cased training words, overall and per fold. The tagger's lexicon
// comes from all the data; a training sentence in fold f is described with the counts of
// the other folds (jackknifing), so that rare words look to training as they will look at
// run time: often unknown, their ambiguity sets incomplete. Without this the model learns
// to trust rare words' ambiguity sets, which contain their gold tag by construction
// (dev UPOS drops by a point).
class TrainLexicon {
 public:
  static constexpr int kFolds = 10;

  TrainLexicon(const std::vector<TrainSentence>& train, size_t num_classes)
      : num_classes_(num_classes) {
    for (size_t k = 0; k < train.size(); ++k) {
      const TrainSentence& s = train[k];
      for (size_t i = 0; i < s.form.size(); ++i) {
        Counts& c = counts_[ToLowerAscii(s.form[i])];
        if (c.total.empty()) c.total.resize(num_classes);
        ++c.total[s.gold[i]];
        auto& fold = c.fold[static_cast<int>(k % kFolds)];
        if (fold.empty()) fold.resize(num_classes);
        ++fold[s.gold[i]];
      }
    }
  }

  // The lexicon of the model: every word seen often enough in all the data.
  void Fill(TaggerModelData* d) const {
    std::vector<std::tuple<uint64_t, uint32_t, uint8_t>> rows;
    for (const auto& [word, c] : counts_) {
      uint32_t ambiguity = 0;
      uint8_t fixed = TaggerModelData::kNotFixed;
      if (Entry(c.total, true, &ambiguity, &fixed))
        rows.emplace_back(HashLower(word), ambiguity, fixed);
    }
    std::sort(rows.begin(), rows.end());
    for (const auto& [key, ambiguity, fixed] : rows) {
      d->lexicon_keys.push_back(key);
      d->lexicon_ambiguity.push_back(ambiguity);
      d->lexicon_fixed.push_back(fixed);
    }
  }

  // Describes a word of training sentence number `sentence` as the tagger would if that
  // sentence's fold had not been in the training data.
  void Describe(std::string_view form, size_t sentence, const Lemmatizer& lemmatizer,
                Word* w) const {
    uint32_t ambiguity = 0;
    uint8_t fixed = TaggerModelData::kNotFixed;
    bool known = false;
    auto it = counts_.find(ToLowerAscii(form));
    if (it != counts_.end()) {
      const Counts& c = it->second;
      // Fixed classes are for frequent words, where holding a fold out changes nothing;
      // keeping them as in the model keeps training on the same tokens as tagging.
      uint32_t unused = 0;
      Entry(c.total, true, &unused, &fixed);
      auto f = c.fold.find(static_cast<int>(sentence % kFolds));
      if (f == c.fold.end()) {
        known = Entry(c.total, false, &ambiguity, nullptr);
      } else {
        held_out_.resize(num_classes_);
        for (size_t k = 0; k < num_classes_; ++k) held_out_[k] = c.total[k] - f->second[k];
        known = Entry(held_out_, false, &ambiguity, nullptr);
      }
    }
    tagger_features::DescribeWord(form, known ? ambiguity : 0, fixed, w);
    if (!known) tagger_features::SetWordNet(form, lemmatizer, w);
  }

 private:
  struct Counts {
    std::vector<uint32_t> total;
    std::map<int, std::vector<uint32_t>> fold;
  };
  // The lexicon entry for class counts `c`; false when too rare to have one.
  bool Entry(const std::vector<uint32_t>& c, bool with_fixed, uint32_t* ambiguity,
             uint8_t* fixed) const {
    uint32_t total = 0, best = 0;
    for (size_t k = 0; k < num_classes_; ++k) {
      total += c[k];
      if (c[k] > c[best]) best = static_cast<uint32_t>(k);
    }
    if (total < kLexiconMinCount) return false;
    uint64_t set_hash = 7;
    for (size_t k = 0; k < num_classes_; ++k) {
      if (c[k] > 0 && c[k] >= kLexiconMinShare * total) set_hash = HashCombine(set_hash, k + 1);
    }
    *ambiguity = static_cast<uint32_t>(set_hash >> 32) | 1;
    if (with_fixed && total >= kFixedMinCount && c[best] >= kFixedMinShare * total) {
      *fixed = static_cast<uint8_t>(best);
    }
    return true;
  }

  size_t num_classes_;
  std::map<std::string, Counts> counts_;
  mutable std::vector<uint32_t> held_out_;
};

std::string Percent(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", 100 * x);
  return buf;
}

}  // namespace

Result<std::vector<Sentence>> ReadConlluSentences(const std::string& path, size_t* skipped) {
  Diagnostics diags;
  auto reader = OpenDocumentReader(path, InputFormat::kConllu, &diags);
  if (!reader.ok()) return reader.status();
  std::vector<Sentence> out;
  Document doc;
  for (;;) {
    Result<bool> more = (*reader)->Next(&doc);
    if (!more.ok()) return more.status();
    if (!*more) break;
    for (Sentence& s : doc.sentences) {
      if (!s.tokens.empty()) out.push_back(std::move(s));
    }
  }
  if (skipped != nullptr) *skipped = diags.size();
  return out;
}

TaggerAccuracy EvaluateTagger(const Tagger& tagger, const std::vector<Sentence>& gold) {
  TaggerAccuracy acc;
  std::vector<Sentence> work(gold.begin(), gold.end());
  const auto start = std::chrono::steady_clock::now();
  for (Sentence& s : work) tagger.Tag(&s);
  acc.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (size_t k = 0; k < gold.size(); ++k) {
    const Sentence& g = gold[k];
    const Sentence& p = work[k];
    for (size_t i = 0; i < g.tokens.size(); ++i) {
      ++acc.tokens;
      acc.upos += g.Upos(i) == p.Upos(i);
      acc.xpos += g.Xpos(i) == p.Xpos(i);
      acc.lemma += g.Lemma(i) == p.Lemma(i);
    }
  }
  return acc;
}

Status TrainTagger(const TaggerTrainOptions& o, std::ostream* log) {
  const auto start = std::chrono::steady_clock::now();
  auto say = [&](const std::string& line) {
    if (log != nullptr) *log << "train tagger: " << line << "\n" << std::flush;
  };
  if (o.train_files.empty())
    return Status::InvalidArgument("no training files (pass --train FILE)");
  if (o.output.empty()) return Status::InvalidArgument("no output model path (pass -o FILE)");
  if (o.epochs == 0 && o.dev_file.empty()) {
    return Status::InvalidArgument("choosing the epoch count needs a dev file (pass --dev FILE)");
  }
  std::vector<Sentence> train;
  for (const std::string& path : o.train_files) {
    size_t skipped = 0;
    auto sentences = ReadConlluSentences(path, &skipped);
    if (!sentences.ok()) return sentences.status();
    say(path + ": " + std::to_string(sentences->size()) + " sentences" +
        (skipped ? ", " + std::to_string(skipped) + " diagnostics" : ""));
    for (Sentence& s : *sentences) train.push_back(std::move(s));
  }
  std::vector<Sentence> dev;
  if (!o.dev_file.empty()) {
    auto sentences = ReadConlluSentences(o.dev_file, nullptr);
    if (!sentences.ok()) return sentences.status();
    dev = std::move(sentences).value();
  }

  // Classes: the distinct (XPOS, UPOS) pairs, in sorted order.
  std::map<std::pair<std::string, std::string>, uint32_t> class_of;
  size_t tokens = 0;
  for (const Sentence& s : train) {
    for (size_t i = 0; i < s.tokens.size(); ++i)
      class_of[{std::string(s.Xpos(i)), std::string(s.Upos(i))}];
    tokens += s.tokens.size();
  }
  if (tokens == 0) return Status::InvalidArgument("the training files hold no tokens");
  if (class_of.size() > TaggerModelData::kMaxClasses) {
    return Status::InvalidArgument("the training files have " + std::to_string(class_of.size()) +
                                   " (XPOS, UPOS) pairs; at most " +
                                   std::to_string(TaggerModelData::kMaxClasses) + " are supported");
  }
  TaggerModelData base;
  for (auto& [pair, id] : class_of) {
    id = static_cast<uint32_t>(base.xpos.size());
    base.xpos.push_back(pair.first);
    base.upos.push_back(pair.second);
  }
  const size_t nc = base.xpos.size();
  std::vector<TrainSentence> sentences(train.size());
  for (size_t k = 0; k < train.size(); ++k) {
    const Sentence& s = train[k];
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      sentences[k].form.emplace_back(s.Form(i));
      sentences[k].gold.push_back(
          static_cast<uint8_t>(class_of[{std::string(s.Xpos(i)), std::string(s.Upos(i))}]));
    }
  }
  say(std::to_string(train.size()) + " sentences, " + std::to_string(tokens) + " tokens, " +
      std::to_string(nc) + " (XPOS, UPOS) classes");
  TrainLexicon lexicon(sentences, nc);
  lexicon.Fill(&base);
  {
    Status s = BuildLemmatizer(train, o.wordnet_dir, &base.lemmatizer);
    if (!s.ok()) return s;
  }

  // Words are described once; only the history features change between epochs.
  std::vector<std::vector<Word>> words(sentences.size());
  for (size_t k = 0; k < sentences.size(); ++k) {
    const TrainSentence& s = sentences[k];
    words[k].resize(s.form.size() + 2 * tagger_features::kPad);
    for (size_t i = 0; i < s.form.size(); ++i) {
      lexicon.Describe(s.form[i], k, base.lemmatizer, &words[k][i + tagger_features::kPad]);
    }
    tagger_features::Pad(words[k].data(), s.form.size());
  }

  // Member 0 alone is the single-model recipe.
  const int members = std::max(1, o.ensemble);
  std::vector<Perceptron> models(members, Perceptron(nc));
  std::vector<std::vector<size_t>> orders(members, std::vector<size_t>(sentences.size()));
  std::vector<std::mt19937_64> rngs;
  for (int m = 0; m < members; ++m) {
    for (size_t k = 0; k < sentences.size(); ++k) orders[m][k] = k;
    rngs.emplace_back(o.seed + static_cast<uint64_t>(m));
  }
  uint64_t keys[tagger_features::kMaxFeatures];
  std::vector<double> scores(nc);
  TaggerModelData best;
  bool have_best = false;
  double best_upos = -1, best_xpos = -1;
  int best_epoch = 0;
  const int max_epochs = o.epochs > 0 ? o.epochs : kMaxEpochs;
  for (int epoch = 1; epoch <= max_epochs; ++epoch) {
    size_t correct = 0, seen = 0;
    for (int m = 0; m < members; ++m) {
      Perceptron& model = models[m];
      std::vector<size_t>& order = orders[m];
      // Fisher-Yates with the raw 64-bit generator: std::shuffle's use of the engine is
      // implementation-defined, this is the same everywhere.
      for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rngs[m]() % k]);
      for (size_t k : order) {
        const TrainSentence& s = sentences[k];
        int prev1 = -1, prev2 = -1;
        for (size_t i = 0; i < s.form.size(); ++i) {
          const Word& w = words[k][i + tagger_features::kPad];
          int guess = static_cast<int>(w.fixed);
          if (guess == TaggerModelData::kNotFixed) {
            const int nk = tagger_features::Extract(words[k].data(), i, prev1, prev2, keys);
            model.Score(keys, nk, scores.data());
            guess =
                static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
            model.Update(keys, nk, s.gold[i], guess);
          }
          correct += guess == s.gold[i];
          ++seen;
          prev2 = prev1;
          prev1 = guess;
        }
      }
    }
    std::string line =
        "epoch " + std::to_string(epoch) + ": train " + Percent(double(correct) / seen);
    if (!dev.empty() || o.epochs == 0) {
      TaggerModelData d;
      d.xpos = base.xpos;
      d.upos = base.upos;
      d.lexicon_keys = base.lexicon_keys;
      d.lexicon_ambiguity = base.lexicon_ambiguity;
      d.lexicon_fixed = base.lexicon_fixed;
      d.lemmatizer = base.lemmatizer;
      Perceptron::Build(models, &d);
      const size_t features = d.feature_keys.size(), entries = d.entry_class.size();
      auto tagger = Tagger::Create(std::move(d));
      if (!tagger.ok()) return tagger.status();
      const TaggerAccuracy acc = EvaluateTagger(**tagger, dev);
      line += ", dev UPOS " + Percent(acc.Upos()) + " XPOS " + Percent(acc.Xpos()) + ", " +
              std::to_string(features) + " features, " + std::to_string(entries) + " weights";
      if (o.epochs == 0 &&
          (acc.Upos() > best_upos || (acc.Upos() == best_upos && acc.Xpos() > best_xpos))) {
        best_upos = acc.Upos();
        best_xpos = acc.Xpos();
        best_epoch = epoch;
        have_best = true;
        best = TaggerModelData();
        Perceptron::Build(models, &best);
      }
    }
    say(line);
    if (o.epochs == 0 && epoch - best_epoch >= kPatience) break;
  }
  if (!have_best) {
    best = TaggerModelData();
    Perceptron::Build(models, &best);
    best_epoch = max_epochs;
  }
  best.xpos = base.xpos;
  best.upos = base.upos;
  best.lexicon_keys = base.lexicon_keys;
  best.lexicon_ambiguity = base.lexicon_ambiguity;
  best.lexicon_fixed = base.lexicon_fixed;
  best.lemmatizer = base.lemmatizer;
  say("keeping epoch " + std::to_string(best_epoch) + "; " +
      std::to_string(best.lemmatizer.learned_size()) + " learned lemma entries");
  Status s = WriteTaggerModel(best, o.output);
  if (!s.ok()) return s;
  auto tagger = Tagger::Load(o.output);
  if (!tagger.ok()) return tagger.status();
  std::string line = "wrote " + o.output;
  if (!dev.empty()) {
    const TaggerAccuracy acc = EvaluateTagger(**tagger, dev);
    line += "; dev UPOS " + Percent(acc.Upos()) + " XPOS " + Percent(acc.Xpos()) + " lemma " +
            Percent(acc.Lemma());
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[64];
  std::snprintf(buf, sizeof buf, " (%.1f s)", secs);
  say(line + buf);
  return Status::Ok();
}

}  // namespace thaw
