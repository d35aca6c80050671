// Trains the POS tagger and lemmatizer (src/nlp/tagger.h) from CoNLL-U treebanks.
#ifndef THAW_TRAIN_TAGGER_TRAIN_H_
#define THAW_TRAIN_TAGGER_TRAIN_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"
#include "nlp/tagger.h"
#include "text/document.h"

namespace thaw {

struct TaggerTrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U with FORM, LEMMA, UPOS and XPOS
  std::string dev_file;                  // CoNLL-U; required when epochs == 0
  std::string output;                    // the model file to write
  uint64_t seed = 1;                     // sentence order; same seed, same bytes
  int epochs = 0;                        // 0 = train up to 20, keep the best on dev
  // Perceptrons trained side by side, member m on the sentence order of seed + m; the model
  // holds the mean of their averaged weights (a score-sum ensemble at one model's speed).
  int ensemble = 3;
  // WordNet's {noun,verb,adj,adv}.exc (and index.*) for irregular forms; "" = none.
  std::string wordnet_dir = "/usr/share/wordnet";
};

// Trains a model and writes it to options.output. Deterministic given the options (same
// bytes for the same seed and inputs). Logs progress and per-epoch dev accuracy to *log
// (may be null). Errors: unreadable input (naming the file), no tagged tokens, more than
// TaggerModelData::kMaxClasses (XPOS, UPOS) pairs, no dev file with epochs == 0,
// unreadable WordNet lists, an unwritable output.
Status TrainTagger(const TaggerTrainOptions& options, std::ostream* log);

// Reads every sentence with tokens from a CoNLL-U file (malformed records are skipped and
// counted in *skipped when non-null). Errors name the file.
Result<std::vector<Sentence>> ReadConlluSentences(const std::string& path, size_t* skipped);

// Token counts of matches between a tagger's output and gold annotation.
struct TaggerAccuracy {
  size_t tokens = 0, upos = 0, xpos = 0, lemma = 0;
  double seconds = 0;  // time spent in Tagger::Tag
  double Upos() const { return tokens ? double(upos) / tokens : 0; }
  double Xpos() const { return tokens ? double(xpos) / tokens : 0; }
  double Lemma() const { return tokens ? double(lemma) / tokens : 0; }
};
// Re-tags copies of the `gold` sentences (keeping their tokens) and compares.
TaggerAccuracy EvaluateTagger(const Tagger& tagger, const std::vector<Sentence>& gold);

}  // namespace thaw

#endif  // THAW_TRAIN_TAGGER_TRAIN_H_
