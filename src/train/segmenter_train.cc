// Averaged-perceptron training of the segmenter's boundary model (see the design comment
// at the top of src/nlp/segmenter.cc for the features, the measurements and what did not
// help). The shipped models/segmenter.model comes from (seed 1, ~2 s on one core):
//   thaw train segmenter --train ../shared/ud/en_ewt-ud-train.conllu
//     --train ../shared/ud/en_gum-ud-train.conllu --dev ../shared/ud/en_ewt-ud-dev.conllu
//     --dev ../shared/ud/en_gum-ud-dev.conllu -o models/segmenter.model
//
// Examples are the gaps Segmenter::SegmentWith hands out (whitespace without a line break),
// on documents rebuilt from the treebanks exactly as bench/segment_eval rebuilds them, so
// training sees the text evaluation sees. Decoding is greedy left to right with the model's
// own earlier decisions as history ("tokens since the last boundary"), as at run time.
// Weights are averaged (sum over time of each weight, kept lazily as sum of c * update);
// with epochs == 0 a model is built after every epoch, scored on the dev files (mean
// boundary F1), and the best kept; training stops after kPatience epochs without gain.

#include "train/segmenter_train.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <utility>

namespace thaw {
namespace {

constexpr int kMaxEpochs = 15;
constexpr int kPatience = 3;
// Averaged weights below this magnitude are left out of the model file.
constexpr double kPruneBelow = 1e-3;

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

class Perceptron : public Segmenter::GapDecider {
 public:
  Perceptron() : w_(kSlots, 0.0), acc_(kSlots, 0.0) {}

  void set_gold(const std::vector<uint32_t>* ends) { ends_ = ends; }
  size_t errors() const { return errors_; }
  size_t gaps() const { return gaps_; }
  void ResetCounts() { errors_ = gaps_ = 0; }

  bool Decide(const Segmenter::Gap& gap) override {
    double score = 0;
    for (int i = 0; i < gap.num_slots; ++i) score += w_[gap.slots[i]];
    const bool guess = score > 0;
    const bool gold = std::binary_search(ends_->begin(), ends_->end(), gap.end);
    if (guess != gold) {
      const double d = gold ? 1.0 : -1.0;
      for (int i = 0; i < gap.num_slots; ++i) {
        w_[gap.slots[i]] += d;
        acc_[gap.slots[i]] += static_cast<double>(c_) * d;
      }
      ++errors_;
    }
    ++c_;
    ++gaps_;
    return guess;
  }

  // The averaged weights, pruned.
  SegmenterModelData Averaged() const {
    SegmenterModelData data;
    for (uint32_t s = 0; s < kSlots; ++s) {
      const double avg = w_[s] - acc_[s] / static_cast<double>(c_);
      if (std::fabs(avg) < kPruneBelow) continue;
      data.index.push_back(s);
      data.weight.push_back(static_cast<float>(avg));
    }
    return data;
  }

 private:
  static constexpr uint32_t kSlots = uint32_t{1} << SegmenterModelData::kTableBits;
  std::vector<double> w_, acc_;
  uint64_t c_ = 1;
  const std::vector<uint32_t>* ends_ = nullptr;
  size_t errors_ = 0, gaps_ = 0;
};

}  // namespace

Result<std::vector<RawTreebankDoc>> ReadRawTreebankDocs(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot open " + path);
  std::vector<RawTreebankDoc> docs;
  std::string line, text;
  bool in_sentence = false, newdoc = false, newpar = false;
  size_t in_doc = 0;  // sentences of docs.back() so far
  auto finish = [&]() {
    if (!in_sentence) return;
    if (newdoc || docs.empty()) {
      docs.emplace_back();
      docs.back().doc.id = "d" + std::to_string(docs.size() - 1);
      in_doc = 0;
    }
    std::string& t = docs.back().doc.text;
    if (in_doc++ > 0) t += newpar ? "\n\n" : " ";
    t += text;
    docs.back().ends.push_back(static_cast<uint32_t>(t.size()));
    text.clear();
    in_sentence = newdoc = newpar = false;
  };
  while (std::getline(in, line)) {
    std::string_view l = line;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty()) {
      finish();
      continue;
    }
    in_sentence = true;
    if (l.starts_with("# newdoc")) newdoc = true;
    if (l.starts_with("# newpar")) newpar = true;
    if (l.starts_with("# text = ")) text = std::string(TrimSpaces(l.substr(9)));
  }
  finish();
  if (in.bad()) return Status::IoError("error reading " + path);
  for (RawTreebankDoc& d : docs) {  // an empty `# text` repeats an end offset
    d.ends.erase(std::unique(d.ends.begin(), d.ends.end()), d.ends.end());
  }
  return docs;
}

BoundaryCounts EvaluateBoundaries(Segmenter* segmenter, const std::vector<RawTreebankDoc>& docs) {
  BoundaryCounts c;
  Document doc;
  std::vector<uint32_t> pred;
  for (const RawTreebankDoc& d : docs) {
    doc.id = d.doc.id;
    doc.text = d.doc.text;
    doc.sentences.clear();
    segmenter->Segment(&doc);
    pred.clear();
    for (const Sentence& s : doc.sentences) {
      pred.push_back(s.doc_offset + static_cast<uint32_t>(s.text.size()));
    }
    for (uint32_t e : pred) (std::binary_search(d.ends.begin(), d.ends.end(), e) ? c.tp : c.fp)++;
    for (uint32_t e : d.ends) c.fn += std::binary_search(pred.begin(), pred.end(), e) ? 0 : 1;
  }
  return c;
}

Status TrainSegmenter(const SegmenterTrainOptions& options, std::ostream* log) {
  if (options.epochs <= 0 && options.dev_files.empty()) {
    return Status::InvalidArgument(
        "give a --dev file to choose the number of epochs, or --epochs N");
  }
  std::vector<RawTreebankDoc> train;
  for (const std::string& f : options.train_files) {
    auto docs = ReadRawTreebankDocs(f);
    if (!docs.ok()) return docs.status();
    for (RawTreebankDoc& d : *docs) train.push_back(std::move(d));
  }
  size_t sentences = 0;
  for (const RawTreebankDoc& d : train) sentences += d.ends.size();
  if (sentences == 0) return Status::InvalidArgument("no sentences in the training files");
  std::vector<std::vector<RawTreebankDoc>> dev;
  for (const std::string& f : options.dev_files) {
    auto docs = ReadRawTreebankDocs(f);
    if (!docs.ok()) return docs.status();
    dev.push_back(std::move(docs).value());
  }
  auto seg = Segmenter::Create();
  if (!seg.ok()) return seg.status();
  if (log) {
    *log << "segmenter: " << train.size() << " training documents, " << sentences
         << " sentences\n";
  }

  // Fisher-Yates with our own index draw, so the order is the same on every platform.
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Perceptron p;
  Document scratch;
  SegmenterModelData best;
  double best_score = -1;
  int best_epoch = 0;
  const int epochs = options.epochs > 0 ? options.epochs : kMaxEpochs;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    p.ResetCounts();
    for (size_t i : order) {
      scratch.id = train[i].doc.id;
      scratch.text = train[i].doc.text;
      scratch.sentences.clear();
      p.set_gold(&train[i].ends);
      (*seg)->SegmentWith(&scratch, &p);
    }
    SegmenterModelData model = p.Averaged();
    double score = 0;
    std::string report;
    if (!dev.empty()) {
      auto s = Segmenter::Create(model);
      if (!s.ok()) return s.status();
      for (size_t f = 0; f < dev.size(); ++f) {
        const BoundaryCounts c = EvaluateBoundaries(s->get(), dev[f]);
        score += c.F1() / static_cast<double>(dev.size());
        char buf[96];
        std::snprintf(buf, sizeof buf, "  dev%zu P %.4f R %.4f F1 %.4f", f, c.Precision(),
                      c.Recall(), c.F1());
        report += buf;
      }
    }
    if (log) {
      *log << "epoch " << epoch << ": " << p.errors() << " errors in " << p.gaps() << " gaps, "
           << model.index.size() << " weights" << report << "\n";
    }
    if (options.epochs > 0 || score > best_score) {
      best = std::move(model);
      best_score = score;
      best_epoch = epoch;
    } else if (epoch - best_epoch >= kPatience) {
      break;
    }
  }
  if (log) *log << "segmenter: keeping epoch " << best_epoch << "\n";
  return WriteSegmenterModel(best, options.output);
}

}  // namespace thaw
