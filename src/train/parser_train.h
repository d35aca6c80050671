// Training the dependency parser (nlp/parser.h) from CoNLL-U treebanks.
// Not thread-safe to share options; TrainParser itself runs on one thread.
#ifndef THAW_TRAIN_PARSER_TRAIN_H_
#define THAW_TRAIN_PARSER_TRAIN_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "base/status.h"

namespace thaw {

struct ParserTrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U with gold trees
  std::string dev_file;                  // CoNLL-U; scored after every epoch
  std::string output;                    // model path, written atomically
  uint64_t seed = 1;                     // sentence order and exploration
  int epochs = 0;                        // 0 = keep the epoch with the best dev LAS
  // If set and loadable, train and dev sentences are re-tagged by this tagger first, so the
  // parser learns from the tags it will see at run time.
  std::string tagger_model;
};

// Trains a parser and writes it to options.output. Logs to *log (may be null) the corpus
// sizes and, per epoch, the time, updates, and dev UAS/LAS. Deterministic: the same options
// and inputs give the same model bytes. Errors: unreadable input files, no usable training
// sentences, an unwritable output path. Sentences with a broken tree (cycle, no or several
// roots) are skipped and counted in the log.
Status TrainParser(const ParserTrainOptions& options, std::ostream* log);

}  // namespace thaw

#endif  // THAW_TRAIN_PARSER_TRAIN_H_
