// Trains the sentence boundary model of the segmenter (src/nlp/segmenter.h) from CoNLL-U
// treebanks, on raw text rebuilt from their `# text` lines as bench/segment_eval does.
#ifndef THAW_TRAIN_SEGMENTER_TRAIN_H_
#define THAW_TRAIN_SEGMENTER_TRAIN_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"
#include "nlp/segmenter.h"
#include "text/document.h"

namespace thaw {

struct SegmenterTrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U with `# text` (and `# newpar`, `# newdoc`)
  std::vector<std::string> dev_files;    // CoNLL-U; at least one when epochs == 0
  std::string output;                    // the model file to write
  uint64_t seed = 1;                     // document order; same seed, same bytes
  int epochs = 0;                        // 0 = train up to 15, keep the best on dev
};

// Trains a model and writes it to options.output. Deterministic given the options. Logs
// per-epoch dev boundary F1 to *log (may be null). Errors: unreadable input (naming the
// file), no sentences, no dev file with epochs == 0, an unwritable output.
Status TrainSegmenter(const SegmenterTrainOptions& options, std::ostream* log);

// A document rebuilt from a treebank: the `# text` of its sentences joined by one space
// within a paragraph and by "\n\n" before a `# newpar` sentence (each text trimmed of
// surrounding spaces first), and the byte offsets where its sentences end, ascending.
struct RawTreebankDoc {
  Document doc;
  std::vector<uint32_t> ends;
};
// Reads every document of a CoNLL-U file (a `# newdoc` starts one). Errors name the file.
Result<std::vector<RawTreebankDoc>> ReadRawTreebankDocs(const std::string& path);

// Sentence-boundary counts of a segmentation against the gold ends.
struct BoundaryCounts {
  size_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
  double Recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};
// Segments copies of `docs` with *segmenter and counts boundaries (sentence end offsets).
BoundaryCounts EvaluateBoundaries(Segmenter* segmenter, const std::vector<RawTreebankDoc>& docs);

}  // namespace thaw

#endif  // THAW_TRAIN_SEGMENTER_TRAIN_H_
