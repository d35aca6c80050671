// Scoring coded events against PETRARCH validation expectations: precision, recall and F1 over
// (source, target, code) triples per sentence id, and the share of records coded exactly right.
// An Evaluator is not thread-safe; it borrows the Coder, which must outlive it.
#ifndef THAW_CODER_EVALUATION_H_
#define THAW_CODER_EVALUATION_H_

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "coder/coder.h"
#include "text/document.h"

namespace thaw {

struct EvalTally {
  size_t records = 0, exact = 0;
  size_t tp = 0, fp = 0, fn = 0;  // event triples
  double Precision() const {
    return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 1.0;
  }
  double Recall() const {
    return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 1.0;
  }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  double ExactShare() const {
    return records ? static_cast<double>(exact) / static_cast<double>(records) : 0.0;
  }
};

using EventTriple = std::tuple<std::string, std::string, std::string>;  // source, target, code

struct RecordResult {
  std::string id, text, error;
  std::vector<EventTriple> expected, produced;  // sorted, unique
  bool exact = false;
};

class Evaluator {
 public:
  explicit Evaluator(const Coder& coder) : coder_(coder), scratch_(coder.NewScratch()) {}
  // Codes every sentence of `doc` and scores it. A record without <EventCoding> expects no
  // events, as does one marked with an error (dateline, bad parse, discard). A story discard
  // anywhere in the document empties all its records.
  void Add(const Document& doc);
  const EvalTally& overall() const { return overall_; }
  // Tallies keyed by the id up to its first '_', '-' or '#' (DEMO, ACTOR, COMPOUND, ...).
  const std::map<std::string, EvalTally>& by_prefix() const { return by_prefix_; }
  const std::vector<RecordResult>& records() const { return records_; }

 private:
  const Coder& coder_;
  ScratchPtr scratch_;
  Coder::DocumentEvents coded_;
  EvalTally overall_;
  std::map<std::string, EvalTally> by_prefix_;
  std::vector<RecordResult> records_;
};

}  // namespace thaw

#endif  // THAW_CODER_EVALUATION_H_
