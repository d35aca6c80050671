// Part-of-speech tagger (Penn Treebank XPOS and Universal Dependencies UPOS, predicted
// jointly) and lemmatizer, loaded from models/tagger.model.
//
// The model is a greedy left-to-right averaged perceptron over sparse word, affix, shape,
// context-word and previous-tag features; see tagger.cc for the features and the file
// format, src/train/tagger_train.cc for training.
#ifndef THAW_NLP_TAGGER_H_
#define THAW_NLP_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/huge_pages.h"
#include "base/status.h"
#include "nlp/lemmatizer.h"
#include "text/document.h"

namespace thaw {

// Everything a tagger model holds. Built by the trainer; most callers only use Tagger.
struct TaggerModelData {
  // Joint classes: class c is the pair (xpos[c], upos[c]). At most kMaxClasses.
  static constexpr size_t kMaxClasses = 254;
  static constexpr uint8_t kNotFixed = 255;
  std::vector<std::string> xpos, upos;
  // Word lexicon keyed by HashLower(form): an id of the word's set of training classes
  // (a feature for it and its neighbours), and its class when it is frequent and
  // unambiguous (then it is not scored at all), else kNotFixed.
  HugeVector<uint64_t> lexicon_keys;
  HugeVector<uint32_t> lexicon_ambiguity;
  HugeVector<uint8_t> lexicon_fixed;
  // Sparse weights: feature_keys[f] (distinct, non-zero) owns the entries
  // [feature_begin[f], feature_begin[f + 1]); entry e adds
  // entry_weight[e] * weight_scale to the score of class entry_class[e].
  HugeVector<uint64_t> feature_keys;
  HugeVector<uint32_t> feature_begin;
  HugeVector<uint8_t> entry_class;
  HugeVector<int16_t> entry_weight;
  float weight_scale = 1.0f;
  Lemmatizer lemmatizer;  // compiled
};

// Writes `data` to `path` atomically (nothing half-written on failure).
Status WriteTaggerModel(const TaggerModelData& data, const std::string& path);

// An immutable tagger. Thread-safe: Tag() is const and keeps its scratch in thread_local
// buffers, so one Tagger may serve any number of threads.
class Tagger {
 public:
  // Reads a model written by WriteTaggerModel (models/tagger.model). Errors name the file:
  // missing (IoError), not a tagger model, a format version this build cannot read, or
  // truncated/inconsistent (Corruption).
  static Result<std::unique_ptr<Tagger>> Load(const std::string& path);
  // Builds a tagger from in-memory data (the trainer uses this to score dev sets).
  // InvalidArgument when the arrays are inconsistent.
  static Result<std::unique_ptr<Tagger>> Create(TaggerModelData data);

  Tagger(const Tagger&) = delete;  // large tables; share by pointer
  Tagger& operator=(const Tagger&) = delete;

  // Sets upos, xpos and lemma of every token of *s from the token forms, interning the
  // strings into the sentence's pool (existing spans into the pool stay valid; views from
  // Sentence::Str() taken before the call may not). An empty sentence is left as is.
  // A title-case headline ("China Slams U.S. Arms Sale to Taiwan") is tagged as if its
  // common words were lower-case ("China slams U.S. arms sale to Taiwan"); forms stay. In a
  // headline of either case, the word after a subject of names may be read as its verb
  // ("Ethiopia and Eritrea sign peace deal").
  void Tag(Sentence* s) const;

  size_t num_classes() const { return xpos_.size(); }
  size_t num_features() const { return num_features_; }

 private:
  Tagger() = default;
  // One hash slot per feature: the key's high 32 bits (0 = empty slot; the low bits pick
  // the slot) and its entries' position. 8 bytes, so the table stays cache-friendly.
  struct Slot {
    uint32_t tag;
    uint32_t entries;  // begin << 8 | count
  };
  static uint32_t SlotTag(uint64_t key) { return static_cast<uint32_t>(key >> 32) | 1; }
  // Adds the weights of `keys` to scores (integers: exact, order-independent).
  void Score(const uint64_t* keys, int n, int32_t* scores) const;
  // Tag() on the forms as they are. With `forced`, token i gets class forced[i] when that
  // is not kFree (the tags after it are decided knowing it).
  static constexpr int16_t kFree = -1;
  void TagForms(Sentence* s, const int16_t* forced = nullptr) const;
  // Tag() of a title-case headline: through a copy with its common words lower-cased.
  void TagTitleCase(Sentence* s) const;
  // In a headline without a finite verb (for title case, its lower-cased copy), of which
  // the words i with lowered[i] != 0 start lower-case: the word to be read as its verb and
  // the class to give it, or {size, -1} (see tagger.cc).
  std::pair<size_t, int> HeadlineVerb(const Sentence& copy, const char* lowered) const;
  struct LexEntry {
    uint32_t ambiguity;
    uint32_t fixed;
  };

  std::vector<std::string> xpos_, upos_;
  FlatMap64 lexicon_;  // HashLower(form) -> index into lex_
  std::vector<LexEntry> lex_;
  HugeVector<Slot> slots_;  // open addressing, linear probing
  uint64_t slot_mask_ = 0;
  // class << 16 | uint16 weight; scores stay in weight units (the scale never changes
  // which class wins).
  std::vector<uint32_t> entries_;
  size_t num_features_ = 0;
  // What FixRarePatterns asks of a class, as bits (one per UPOS or XPOS it tests), so the
  // rules compare no strings per token.
  enum Kind : uint32_t {
    kNoun = 1u << 0,
    kPropn = 1u << 1,
    kPron = 1u << 2,
    kDet = 1u << 3,
    kAdj = 1u << 4,
    kAdv = 1u << 5,
    kNum = 1u << 6,
    kVerb = 1u << 7,
    kIntj = 1u << 8,
    kAdp = 1u << 9,
    kPrp = 1u << 10,
    kPrpPoss = 1u << 11,
    kPos = 1u << 12,
    kMd = 1u << 13,
    kVb = 1u << 14,
    kVbd = 1u << 15,
    kVbz = 1u << 16,
    kVbp = 1u << 17,
    kVbn = 1u << 18,
    kSconj = 1u << 19,
  };
  std::vector<uint32_t> kind_;  // per class
  bool Is(uint8_t c, uint32_t kinds) const { return (kind_[c] & kinds) != 0; }
  int about_class_ = -1;  // the (JJ, ADJ) class, for the "about to VERB" rule
  int sconj_class_ = -1;  // (IN, SCONJ) and (VBD, VERB): for the "as NP VERBs" rule
  int past_class_ = -1;
  int present_class_ = -1;  // (VBP, VERB): for the "NOUN INTJ DET" rule
  int base_class_ = -1;     // (VB, VERB): for the "MD X object" rule
  int participle_class_ = -1;  // (VBN, VERB): for the "VB -ed NOUN" rule
  int noun_class_ = -1;        // (NN, NOUN): for the "article + VB" rule
  int vbz_class_ = -1;         // (VBZ, VERB), (NNP, PROPN), (NNPS, PROPN): title case
  int nnp_class_ = -1;
  int nnps_class_ = -1;
  // Rules over the model's tags (*tags holds class ids), for patterns too rare in training.
  void FixRarePatterns(const Sentence& s, std::vector<uint8_t>* tags) const;
  Lemmatizer lemmatizer_;
};

// Feature extraction shared by Tagger and the trainer, so both see identical features.
namespace tagger_features {

// Per-word hashes, computed once per token.
struct Word {
  enum : int {
    kForm,
    kLower,
    kSuf1,
    kSuf2,
    kSuf3,
    kSuf4,
    kPre1,
    kPre2,
    kPre3,
    kShape,
    kFlags,
    kAmbiguity,
    kWordNet,
    kCount
  };
  uint64_t h[kCount];
  uint32_t fixed;  // TaggerModelData::kNotFixed or a class
};
inline constexpr int kMaxStatic = 40;   // features of the words alone
inline constexpr int kMaxHistory = 12;  // features involving the previous classes
inline constexpr int kMaxFeatures = kMaxStatic + kMaxHistory;
inline constexpr int kPad = 2;  // boundary words on each side of a sentence

// Describes one word; `ambiguity` is its lexicon ambiguity id (0 when unknown), `fixed`
// its fixed class (TaggerModelData::kNotFixed when none). A sentence of n words occupies
// words[kPad .. n + kPad), with Pad() filling the boundary words around it.
void DescribeWord(std::string_view form, uint32_t ambiguity, uint32_t fixed, Word* w);
// Sets the WordNet feature of a word outside the lexicon: `lemmatizer.WordNetClasses` of
// the ASCII-lower-cased form (words of up to 40 bytes; longer ones get none).
void SetWordNet(std::string_view form, const Lemmatizer& lemmatizer, Word* w);
void Pad(Word* words, size_t n);
// Writes the feature keys of token i (at words[i + kPad]) given the two previous classes
// (-1 before the sentence start) and returns how many (<= kMaxFeatures). All non-zero.
// Extract = ExtractStatic (what depends on the words only, <= kMaxStatic keys) followed by
// ExtractHistory (what involves prev1/prev2, <= kMaxHistory keys); the tagger scores the
// static part of several tokens at once, before decoding reaches them.
int Extract(const Word* words, size_t i, int prev1, int prev2, uint64_t* keys);
int ExtractStatic(const Word* words, size_t i, uint64_t* keys);
int ExtractHistory(const Word* words, size_t i, int prev1, int prev2, uint64_t* keys);

}  // namespace tagger_features

}  // namespace thaw

#endif  // THAW_NLP_TAGGER_H_
