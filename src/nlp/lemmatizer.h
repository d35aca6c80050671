// English lemmatizer: a learned form->lemma table, WordNet's irregular-form lists and
// inflection rules, following the Universal Dependencies (EWT/GUM) lemma conventions.
// Built by the tagger trainer and stored inside models/tagger.model, so tagging needs no
// WordNet files at run time. Also holds the flat hash helpers the tagger shares.
#ifndef THAW_NLP_LEMMATIZER_H_
#define THAW_NLP_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "nlp/model_io.h"

namespace thaw {

// Stable 64-bit hashing: model files store these values, so they must never change for
// a given format version. Never returns 0 (the empty-slot marker of FlatMap64).
uint64_t HashBytes(std::string_view s, uint64_t seed = 0);
// Like HashBytes of the ASCII-lower-cased string, without building it.
uint64_t HashLower(std::string_view s, uint64_t seed = 0);
// Combines two hashes (order matters); never returns 0.
inline uint64_t HashCombine(uint64_t a, uint64_t b) {
  uint64_t x = a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL;
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x | (x == 0);
}

// An immutable open-addressing map from non-zero 64-bit keys to 32-bit values, in two
// contiguous arrays (STYLE.md 9). Thread-safe once built.
class FlatMap64 {
 public:
  // Replaces the contents. Keys must be distinct and non-zero.
  void Build(const std::vector<std::pair<uint64_t, uint32_t>>& items);
  // The value stored for `key`, or nullptr.
  const uint32_t* Find(uint64_t key) const {
    if (keys_.empty()) return nullptr;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == key) return &values_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }
  size_t size() const { return size_; }

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
};

// Lemmatizes one word given its Penn Treebank XPOS and UD UPOS. Build with the Add*
// functions (trainer side), then Compile(); or Read() a compiled one from a model.
// Lookup order: the learned table (form+XPOS, then lower-cased form+XPOS), WordNet's
// irregular forms for the word class, inflection rules checked against known lemmas,
// rules alone. Copyable (a few MB of flat tables); const methods are thread-safe.
class Lemmatizer {
 public:
  // Word classes of WordNet's lists.
  enum WordClass { kNoun = 0, kVerb = 1, kAdj = 2, kAdv = 3 };

  // Reads `dir`/{noun,verb,adj,adv}.exc (irregular form -> lemma; the first lemma listed
  // wins) and, when present, `dir`/index.{noun,verb,adj,adv} (known single-word lemmas,
  // used to choose between rule candidates). A missing .exc file is an IoError naming it.
  Status AddWordNet(const std::string& dir);
  // One irregular form (lower-case) of `cls`. Earlier additions win.
  void AddIrregular(WordClass cls, std::string_view form, std::string_view lemma);
  // A lemma known to exist in `cls` (e.g. every training-data lemma). `from_wordnet`
  // lemmas also feed WordNetClasses().
  void AddKnownLemma(WordClass cls, std::string_view lemma, bool from_wordnet = false);
  // A learned entry: `form` tagged `upos`/`xpos` has `lemma`. Stored only when the rules
  // would get it wrong; keyed by form and XPOS. `lower` = true keys it by the lower-cased
  // form instead (consulted for any casing when the exact form has no entry).
  void AddLearned(std::string_view form, std::string_view upos, std::string_view xpos,
                  std::string_view lemma, bool lower);
  // Freezes the tables; call after the last Add* and before Lemmatize().
  void Compile();

  // The lemma of `form`. The result views `form`, the lemmatizer's own storage, or *buf
  // (overwritten); it stays valid until *buf changes or the lemmatizer is destroyed.
  std::string_view Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos,
                             std::string* buf) const;
  // The rules and WordNet lists alone, without the learned table.
  std::string_view LemmatizeByRule(std::string_view form, std::string_view upos,
                                   std::string_view xpos, std::string* buf) const;

  // What WordNet says a lower-cased word can be, as bits: kWn* below. The tagger uses it
  // as a feature for words it has not seen often in training.
  enum : uint32_t {
    kWnNoun = 1,
    kWnVerb = 2,
    kWnAdj = 4,
    kWnAdv = 8,  // the word itself is a lemma
    kWnPlural = 16,
    kWnVerbS = 32,
    kWnVerbEd = 64,
    kWnVerbIng = 128,
    kWnAdjEr = 256,
    kWnAdjLy = 512,
    kWnIrregular = 1024,
  };
  uint32_t WordNetClasses(std::string_view lower) const;

  void Write(ModelWriter* w) const;
  // Reads what Write() wrote; false on a malformed model (r->status() says why when a read
  // ran past the end; otherwise the tables were inconsistent).
  bool Read(ModelReader* r);

  size_t learned_size() const { return learned_.size(); }

 private:
  bool Known(WordClass cls, std::string_view lemma) const;
  bool InWordNet(WordClass cls, std::string_view lemma) const;
  std::string_view Irregular(WordClass cls, std::string_view lower) const;
  std::string_view FromPool(uint32_t offset) const;
  uint32_t AddToPool(std::string_view s);

  // Strings: u32 length then bytes, addressed by offset.
  std::string pool_;
  std::vector<std::pair<uint64_t, uint32_t>> irregular_items_, learned_items_;
  FlatMap64 irregular_;  // HashCombine(class, HashBytes(lower form)) -> pool offset
  FlatMap64 learned_;    // HashCombine(HashBytes(xpos), HashBytes(form) or lower) -> offset
  // Sorted fingerprints of (class, lemma): WordNet's lemmas, and the other known ones.
  std::vector<uint32_t> wordnet_, known_;
};

}  // namespace thaw

#endif  // THAW_NLP_LEMMATIZER_H_
