// Internal to the parser and its trainer: the parser's weights, their file format and the
// greedy decoder. The public interface is nlp/parser.h.
#ifndef THAW_NLP_PARSER_MODEL_H_
#define THAW_NLP_PARSER_MODEL_H_

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/huge_pages.h"
#include "base/status.h"
#include "nlp/parser_state.h"
#include "text/document.h"

namespace thaw::parse_internal {

// Model flags.
inline constexpr uint32_t kJointLabels = 1;  // a move's score includes its best label's score
// ReattachPunctuation() runs after decoding, keeping the parser's head when it lies on a
// climb. Older readers ignore the bit.
inline constexpr uint32_t kPunctPass = 2;

// Everything a model file holds, as flat arrays (see the format in parser_model.cc).
// Weights are averaged-perceptron weights scaled to int16 by one factor shared by both
// tables, so move and label scores add up.
struct ParserModelData {
  uint32_t flags = kJointLabels;
  // With joint labels: the arcs of a move whose own score trails SHIFT's by more than this
  // are not labelled (they cannot win unless their best label scores above it). 0 = always
  // label. The trainer sets it from the label scores seen on held-out data.
  uint32_t label_bound = 0;
  std::vector<std::string> xpos, upos, labels;  // ids kFirstTag.. / 0..
  HugeVector<uint64_t> lexicon_words;          // WordHash of words seen often in training
  HugeVector<uint64_t> lexicon_tags;           // their XPOS sets: bit (id - kFirstTag) % 64
  HugeVector<uint64_t> move_keys;              // feature key per row
  HugeVector<int16_t> move_weights;            // kNumMoves per row
  HugeVector<uint64_t> label_keys;             // feature key per row
  HugeVector<uint32_t> label_begin;            // rows + 1 offsets into label_ids/weights
  HugeVector<uint8_t> label_ids;               // the labels a row has weights for
  HugeVector<int16_t> label_weights;
};

// Tables are allocated on huge pages (base/huge_pages.h): they are read at random, and with
// 4 KB pages nearly every lookup also missed the TLB (a page walk, expensive under
// virtualisation). Measured: +5% parse speed.

// String -> small id for tags, as a flat open-addressing table (STYLE.md 9).
class TagDict {
 public:
  void Build(const std::vector<std::string>& names, uint8_t first_id);
  // The id of `name`, or `unknown` when absent.
  uint8_t Find(std::string_view name, uint8_t unknown) const;

 private:
  std::vector<std::string> names_;
  std::vector<uint8_t> slot_;  // index into names_ + 1; 0 = empty
  uint8_t first_ = 0;
  size_t mask_ = 0;
};

// Word hash -> XPOS tag set, open addressing.
class WordLexicon {
 public:
  void Build(const HugeVector<uint64_t>& words, const HugeVector<uint64_t>& tags);
  // The tag set of `word`, or 0 when it is not in the lexicon.
  uint64_t Find(uint64_t word) const {
    for (size_t i = word & mask_;; i = (i + 1) & mask_) {
      if (tags_[i] == 0) return 0;
      if (words_[i] == word) return tags_[i];
    }
  }

 private:
  std::vector<uint64_t> words_{0}, tags_{0};
  size_t mask_ = 0;
};

// What turns a sentence's tokens into TokenValues.
struct TokenVocabulary {
  TagDict xpos, upos;
  uint8_t punct_upos = kTagNone;
  WordLexicon lexicon;
};

// Feature key -> 6-byte value, in 64-byte buckets (one cache line) of eight 16-bit
// fingerprints followed by eight values, filled to about 80%. A key's home bucket comes
// from its low 32 bits (multiply-shift, so any bucket count works); a full bucket spills
// into the next. The fingerprint is 16 more bits of the key (bits 48-63): a key the model
// lacks matches a stored one about once per 2^16 fingerprints compared (a stray weight in a
// few configurations per 10,000, one feature among ~120). One SSE2 compare tests a whole
// bucket. Against 12-byte slots in a power-of-two table at most 2/3 full, the tables of
// models/parser.model shrink from 41 to 18 MB, and a lookup touches one line.
template <typename Value>
class BucketTable {
 public:
  static_assert(sizeof(Value) == 6, "eight fingerprints and values per cache line");
  static constexpr int kWays = 8;
  struct alignas(64) Bucket {
    uint16_t fp[kWays] = {};  // 0 = empty
    Value value[kWays] = {};
  };

  // Empties the table and sizes it for `n` keys.
  void Reset(size_t n) {
    buckets_.assign(std::max<size_t>(1, (n * 10 + 8 * kWays - 1) / (8 * kWays)), Bucket());
  }
  // The value for a new key (whose fingerprint it stores); keys must be distinct.
  Value* Insert(uint64_t key) {
    for (size_t b = Home(key);; b = b + 1 == buckets_.size() ? 0 : b + 1) {
      for (int i = 0; i < kWays; ++i) {
        if (buckets_[b].fp[i] == 0) {
          buckets_[b].fp[i] = Fingerprint(key);
          return &buckets_[b].value[i];
        }
      }
    }
  }
  const Value* Find(uint64_t key) const {
    const uint16_t fp = Fingerprint(key);
    for (size_t b = Home(key);; b = b + 1 == buckets_.size() ? 0 : b + 1) {
      const Bucket& bucket = buckets_[b];
#ifdef __SSE2__
      const __m128i fps = _mm_load_si128(reinterpret_cast<const __m128i*>(bucket.fp));
      const int match =
          _mm_movemask_epi8(_mm_cmpeq_epi16(fps, _mm_set1_epi16(static_cast<short>(fp))));
      if (match != 0) return &bucket.value[__builtin_ctz(static_cast<unsigned>(match)) / 2];
      if (_mm_movemask_epi8(_mm_cmpeq_epi16(fps, _mm_setzero_si128())) != 0) return nullptr;
#else
      for (int i = 0; i < kWays; ++i) {
        if (bucket.fp[i] == fp) return &bucket.value[i];
        if (bucket.fp[i] == 0) return nullptr;
      }
#endif
    }
  }
  void Prefetch(uint64_t key) const { __builtin_prefetch(&buckets_[Home(key)]); }
  size_t memory() const { return buckets_.size() * sizeof(Bucket); }

 private:
  static uint16_t Fingerprint(uint64_t key) {
    const uint16_t fp = static_cast<uint16_t>(key >> 48);
    return fp == 0 ? 1 : fp;
  }
  size_t Home(uint64_t key) const {
    return static_cast<size_t>(((key & 0xFFFFFFFFu) * buckets_.size()) >> 32);
  }

  HugeVector<Bucket> buckets_{1};
};

// Feature key -> kNumMoves int16 weights.
struct MoveSlot {
  int16_t w[kNumMoves];
};
using MoveTable = BucketTable<MoveSlot>;

// Feature key -> a run of (label, int16 weight) entries.
struct LabelSlot {
  uint16_t count;
  uint16_t begin_lo, begin_hi;
  uint32_t begin() const { return begin_lo | (uint32_t{begin_hi} << 16); }
};
struct LabelEntry {
  int16_t weight;
  uint8_t label;
  uint8_t pad;
};

// Tag and label ids the decoding rules and tree repairs of ParserModel test, looked up once
// when a model is built (kTagNone or -1 when the model lacks the tag or label).
struct RuleIds {
  uint8_t adj = kTagNone, det = kTagNone, noun = kTagNone, pron = kTagNone, propn = kTagNone,
          verb = kTagNone, cconj = kTagNone, num = kTagNone, sconj = kTagNone, aux = kTagNone,
          adv = kTagNone, part = kTagNone;  // UPOS
  uint8_t hyph = kTagNone, vbd = kTagNone, vbz = kTagNone, vbp = kTagNone, vbn = kTagNone,
          md = kTagNone, nnp = kTagNone, nns = kTagNone, pos = kTagNone;  // XPOS
  int amod = -1, case_marker = -1, cc = -1, conj = -1, det_label = -1, nmod = -1, relcl = -1,
      acl = -1, obj = -1, nsubj = -1, nsubj_pass = -1, aux_pass = -1, appos = -1, compound = -1,
      vocative = -1, nmod_poss = -1, flat = -1, obl = -1, ccomp = -1, mark = -1;
  // Sets of ids below 64, as bits.
  uint64_t np_continues = 0;      // UPOS that continue a noun phrase after a noun
  uint64_t subject_labels = 0;    // nsubj, nsubj:pass
  uint64_t predicate_labels = 0;  // nsubj*, csubj*, cop: their head is a predicate
  uint64_t clause_labels = 0;     // predicate_labels and expl: their head has a clause
  uint64_t verb_aux_labels = 0;   // aux, aux:pass, cop
  uint64_t wh_xpos = 0;           // WDT, WP, WP$, WRB
  static bool In(uint64_t set, int id) { return id >= 0 && id < 64 && (set >> id & 1) != 0; }
  // A noun, name, pronoun or number (UPOS); a finite verb or modal (XPOS).
  bool Nominal(uint8_t u) const { return u == noun || u == propn || u == pron || u == num; }
  bool Finite(uint8_t x) const { return x == vbd || x == vbz || x == vbp || x == md; }

  static RuleIds Find(const TokenVocabulary& vocab, const std::vector<std::string>& labels);
};

// A loaded model: immutable after Build, shared by any number of threads.
class ParserModel {
 public:
  // Checks `data` (label and tag counts, array sizes, a root label) and builds the tables.
  // `origin` names the source in error messages.
  static Result<std::unique_ptr<ParserModel>> Build(const ParserModelData& data,
                                                    const std::string& origin);

  // What Parse() saw, for the trainer: the best label score of every arc it labelled in a
  // joint decision, and how many it skipped by the label bound.
  struct Stats {
    std::vector<int32_t> label_scores;
    int64_t labelled = 0, skipped = 0;
  };

  // Parses *s (see Parser::Parse). With `stats`, also records into it.
  void Parse(Sentence* s, Stats* stats = nullptr) const;
  // Overrides the model's label bound (0 = always label).
  void set_label_bound(uint32_t bound) { label_bound_ = bound; }

  size_t memory() const {
    return moves_.memory() + labels_.memory() + label_entries_.size() * sizeof(LabelEntry);
  }
  int num_labels() const { return static_cast<int>(label_names_.size()); }

 private:
  bool joint_ = true;
  bool punct_pass_ = false;  // kPunctPass
  uint32_t label_bound_ = 0;
  TokenVocabulary vocab_;
  std::vector<std::string> label_names_;
  int root_label_ = 0;
  int punct_label_ = -1;
  // Per label, the dependent UPOS ids (bit id, ids < 64) it may take: function labels go
  // with their word classes only ("evil" is never punct, "," never nsubj). See Build.
  std::vector<uint64_t> label_upos_;
  RuleIds ids_;
  // An adjective (s0) right before the name that ends its phrase (b0, with the name's other
  // pre-modifiers between them), not after a conjunction or punctuation, modifies that name:
  // leaves only the left arc possible.
  void AttachAdjectivesToTheirNoun(const Config& c, bool* can) const;
  // "North", "South", "East" or "West" (s0) right before a capitalised adjective (b0,
  // "South Korean") modifies it: leaves only the left arc possible.
  void AttachCompassWords(const Config& c, bool* can) const;
  // A past participle after a hyphen and a noun, name or adjective ("Iran-backed Houthi
  // rebels") modifies the last noun of the phrase right after it: while it or a word of that
  // phrase is s0, only the moves that keep this reachable are left. True when the one move
  // left is the participle's arc from its noun (labelled amod, as in the treebanks).
  bool AttachHyphenParticiples(const Config& c, bool* can) const;
  // The participle's noun when t is such a participle, else -1.
  int HyphenParticipleNoun(const Config& c, int t) const;
  // A verb (VBD/VBZ/VBP/VBN) right after its conjunction ("condemned an attack ... and
  // promised aid") made the conjunct of a noun that is no predicate moves to the noun's
  // nearest verb ancestor. Changes heads only; the tree stays projective.
  void RaiseVerbConjuncts(const Config& c, std::vector<int>* heads,
                          const std::vector<uint8_t>& labels) const;
  // ", and Iraqi officials blamed Turkish forces" parsed as a conjoined noun ("officials")
  // with a reduced relative clause ("blamed", acl with an object): the verb is a conjunct of
  // the nearest finite verb above, and the noun its subject. Changes heads and labels.
  void RaiseConjoinedClauses(const Config& c, std::vector<int>* heads,
                             std::vector<uint8_t>* labels) const;
  // "accused the United States and Australia of ...": a name made a compound (or flat) of a
  // later one, with a conjunction between them that hangs from that later one, is the first
  // conjunct. Changes heads and labels.
  void SplitCompoundConjuncts(const Config& c, std::vector<int>* heads,
                              std::vector<uint8_t>* labels) const;
  // The later of two nominal subjects of one word becomes a conjunct: of the list it
  // continues, right after "noun ," inside the earlier subject's phrase ("The ambassadors of
  // Arnor, Osgiliath and Gondor presented"), or of the earlier subject when only [","] and a
  // conjunction lie between their phrases ("The lions and the evil Gondor welcomed"); one
  // with its own preposition right after the earlier subject's phrase modifies it instead
  // ("an embargo against the police would not work"). Changes heads and labels; the tree
  // stays projective.
  void ResolveSecondSubjects(const Sentence& s, const Config& c, std::vector<int>* heads,
                             std::vector<uint8_t>* labels) const;
  // A name labelled flat whose phrase opens with a conjunction ("Kyriakos Mitsotakis and
  // Turkish President Erdogan", with "Erdogan" flat under "Kyriakos") is a conjunct, and the
  // conjunction its cc. Changes heads and labels; the tree stays projective.
  void JoinFlatConjuncts(const Config& c, std::vector<int>* heads,
                         std::vector<uint8_t>* labels) const;
  // A weekday after "on" right after a verb modifies that verb ("said on Saturday his
  // government was breaking ..."), and a "that" clause hung from the weekday is the verb's
  // complement ("said on Sunday that it had expelled ..."). Changes heads and labels.
  void AttachDayPhrases(const Sentence& s, const Config& c, std::vector<int>* heads,
                        std::vector<uint8_t>* labels) const;
  // A subject whose relative clause swallowed the main verb: "The officials who met in
  // Beijing agreed ..." parsed with "officials" as the root and "agreed" inside the relative
  // clause. Fills found[] with the subject, that verb, and the first word of the run of
  // auxiliaries and adverbs right before the verb (the verb itself when there is none);
  // false when the parse does not look so.
  bool FindStrandedSubject(const Sentence& s, const Config& c, const std::vector<int>& heads,
                           const std::vector<uint8_t>& labels, int found[3]) const;
  // Likewise for a headline whose only finite verb hangs off its proper-noun root, with
  // nothing but the verb's subject before it ("Russia, North Korea Vow to Deepen Ties"
  // parsed with "Russia" as the root and "Vow" flat under "Korea"); found[0] is the first
  // name when the subject is a coordination.
  bool FindHeadlineVerb(const Sentence& s, const Config& c, const std::vector<int>& heads,
                        const std::vector<uint8_t>& labels, int found[3]) const;
  // A singular name as the subject of a plural root verb, with names after it behind a
  // comma or a conjunction ("Russia, China Warn US": "China" flat under "Russia"): those
  // names are its conjuncts, so each is a subject of the verb. A name made the vocative of
  // such a verb, right before ", name" subject ("Japan, Philippines sign defence pact"), is
  // the subject and the other name its conjunct. Changes heads and labels.
  void JoinNamedSubjects(const Sentence& s, const Config& c, std::vector<int>* heads,
                         std::vector<uint8_t>* labels) const;
  // A noun or name before a finite verb (or one with an auxiliary) that has no subject,
  // labelled compound of that verb, is its subject ("Chinese Premier Li Qiang will visit":
  // "Premier" a compound of "visit"). In EWT+GUM train no finite verb has such a compound.
  void LabelCompoundSubjects(const Config& c, const std::vector<int>& heads,
                             std::vector<uint8_t>* labels) const;
  MoveTable moves_;
  BucketTable<LabelSlot> labels_;
  HugeVector<LabelEntry> label_entries_;
};

// Scratch for ReattachPunctuation, reusable across sentences.
struct PunctScratch {
  std::vector<int> lo, hi, kind, stack;
};

// The punctuation post-pass: moves punctuation to where the UD guidelines put it, "the
// highest node that keeps the tree projective" within its unit, following Udapi's
// ud.FixPunct (Popel et al.): a pair of brackets or quotes around a span with a single
// head goes to that head; any other mark climbs from its nearest non-punctuation
// neighbours on each side as long as the arc stays projective and the climb does not pass
// its own position, and takes the lower of the two nodes reached (a sentence-final . ? !
// only climbs from the left). With `keep` the parser's head stays when it lies on one of
// the climbs (Udapi's conservative choice).
// s supplies the word forms (pairs, sentence-final marks); heads: n entries, n = the root,
// a tree; punct[i]: word i is a mark that may move (a leaf). Only marks move, and every
// mark's new head keeps the tree a tree. Returns the number of heads changed.
// Cost O(n * depth) per mark that moves, O(depth) per mark that stays (keep).
// Measured: 96.2% of EWT dev marks on their gold head from the gold tree (keep = false).

int ReattachPunctuation(const Sentence& s, const std::vector<char>& punct, bool keep,
                        std::vector<int>* heads, PunctScratch* scratch);

// Writes `data` to `path` atomically (ModelWriter).
Status SaveParserModel(const ParserModelData& data, const std::string& path);
// Reads a file written by SaveParserModel. Errors name the file.
Result<ParserModelData> ReadParserModel(const std::string& path);

// Fills the per-token feature values of s (array of n+2, see Config) from forms and tags.
void ComputeTokenValues(const Sentence& s, const TokenVocabulary& vocab,
                        std::vector<TokenValues>* out);

}  // namespace thaw::parse_internal

#endif  // THAW_NLP_PARSER_MODEL_H_
