// `thaw train tagger|parser|segmenter`: train models from CoNLL-U treebanks.
#include <chrono>
#include <iostream>

#include "cli/common.h"
#include "train/parser_train.h"
#include "train/segmenter_train.h"
#include "train/tagger_train.h"

namespace thaw {
namespace {

class TrainCommand : public Command {
 public:
  explicit TrainCommand(CLI::App* parent) {
    app = parent->add_subcommand(
        "train",
        "train the POS tagger, the dependency parser or the sentence splitter from CoNLL-U treebanks");
    app->require_subcommand(1);
    app->footer(
        "Training is deterministic given --seed. The models shipped in models/ were trained with the commands "
        "in README.md.\n\nExamples:\n  thaw train tagger --train ud/en_ewt-ud-train.conllu --train "
        "ud/en_gum-ud-train.conllu --dev ud/en_ewt-ud-dev.conllu -o models/tagger.model\n  thaw train parser "
        "--train ud/en_ewt-ud-train.conllu --train ud/en_gum-ud-train.conllu --dev ud/en_ewt-ud-dev.conllu "
        "--tagger models/tagger.model -o models/parser.model\n  thaw train segmenter --train "
        "ud/en_ewt-ud-train.conllu --train ud/en_gum-ud-train.conllu --dev ud/en_ewt-ud-dev.conllu --dev "
        "ud/en_gum-ud-dev.conllu -o models/segmenter.model");
    tagger_ = app->add_subcommand("tagger", "train the UPOS/XPOS tagger and lemmatizer");
    parser_ = app->add_subcommand("parser", "train the dependency parser");
    for (CLI::App* sub : {tagger_, parser_}) {
      sub->add_option("--train", train_, "training CoNLL-U file (repeat for several)")->required();
      sub->add_option("--dev", dev_, "development CoNLL-U file, for choosing the number of epochs")
          ->required();
      sub->add_option("-o,--output", output_, "model file to write (replaced atomically)")
          ->required();
      sub->add_option("--seed", seed_, "random seed (default 1)");
      sub->add_option("--epochs", epochs_, "number of epochs (default: chosen on the dev file)");
    }
    parser_->add_option("--tagger", tagger_model_,
                        "tagger model whose predicted tags the parser trains on");
    segmenter_ = app->add_subcommand("segmenter", "train the sentence boundary model");
    segmenter_->add_option("--train", train_, "training CoNLL-U file (repeat for several)")
        ->required();
    segmenter_
        ->add_option("--dev", seg_dev_,
                     "development CoNLL-U file (repeat for several), for choosing "
                     "the number of epochs")
        ->required();
    segmenter_->add_option("-o,--output", output_, "model file to write (replaced atomically)")
        ->required();
    segmenter_->add_option("--seed", seed_, "random seed (default 1)");
    segmenter_->add_option("--epochs", epochs_,
                           "number of epochs (default: chosen on the dev files)");
  }

  int Run() override {
    const auto t0 = std::chrono::steady_clock::now();
    Status s;
    if (tagger_->parsed()) {
      TaggerTrainOptions o;
      o.train_files = train_;
      o.dev_file = dev_;
      o.output = output_;
      o.seed = seed_;
      o.epochs = epochs_;
      s = TrainTagger(o, &std::cerr);
    } else if (segmenter_->parsed()) {
      SegmenterTrainOptions o;
      o.train_files = train_;
      o.dev_files = seg_dev_;
      o.output = output_;
      o.seed = seed_;
      o.epochs = epochs_;
      s = TrainSegmenter(o, &std::cerr);
    } else {
      ParserTrainOptions o;
      o.train_files = train_;
      o.dev_file = dev_;
      o.output = output_;
      o.seed = seed_;
      o.epochs = epochs_;
      o.tagger_model = tagger_model_;
      s = TrainParser(o, &std::cerr);
    }
    if (!s.ok()) {
      std::cerr << "thaw: error: " << s.message() << "\n";
      return 2;
    }
    std::cerr << "thaw: wrote " << output_ << " in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()
              << " s\n";
    return 0;
  }

 private:
  CLI::App* tagger_ = nullptr;
  CLI::App* parser_ = nullptr;
  CLI::App* segmenter_ = nullptr;
  std::vector<std::string> train_, seg_dev_;
  std::string dev_, output_, tagger_model_;
  uint64_t seed_ = 1;
  int epochs_ = 0;
};

}  // namespace

std::unique_ptr<Command> MakeTrainCommand(CLI::App* parent) {
  return std::make_unique<TrainCommand>(parent);
}

}  // namespace thaw
