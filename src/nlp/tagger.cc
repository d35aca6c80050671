// Greedy averaged-perceptron tagger over joint (XPOS, UPOS) classes.
//
// UD EWT's UPOS is not a function of its XPOS (VB is VERB or AUX, IN is ADP or SCONJ, NNP is
// PROPN or ADJ, DT is DET or PRON), so each class is one (XPOS, UPOS) pair seen in training
// (108 in EWT + GUM) and one decision yields both.
//
// Model file (ModelWriter kind "tagger", version kFormatVersion), fields in order:
//   Strings xpos, Strings upos                       one per class
//   Array<u64> lexicon keys                          HashLower(form)
//   Array<u32> lexicon ambiguity ids, Array<u8> lexicon fixed classes (255 = none)
//   Array<u64> feature keys                          distinct, non-zero, sorted
//   Array<u8>  entries per feature
//   Array<u8>  entry classes, F32 weight scale, Array<i16> entry weights (quantised)
//   the lemmatizer section (lemmatizer.cc)
// The loader rebuilds an open-addressing table of 8-byte slots from the keys, so the file
// holds no empty slots; loading the 6.5 MB EWT+GUM model takes ~0.13 s, mostly reading the
// file and first-touch page faults.
//
// Speed: the weight tables (~4 MB of slots, ~4 MB of entries) do not fit in L2, and scoring
// one feature at a time stalled on memory (80k tokens/s). Tag() therefore looks up the
// word-only features of 16 tokens at once with prefetches, then decodes them with the few
// history features, which hit a small, hot part of the table (~490k tokens/s).

#include "nlp/tagger.h"

#include <algorithm>
#include <cassert>
#include <cstring>

#include "base/strings.h"
#include "nlp/model_io.h"

namespace thaw {
namespace {

constexpr char kKind[] = "tagger";
constexpr uint32_t kFormatVersion = 1;

inline bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLowerAscii(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline char LowerAscii(char c) { return IsUpper(c) ? static_cast<char>(c + 32) : c; }

}  // namespace

namespace tagger_features {

void DescribeWord(std::string_view form, uint32_t ambiguity, uint32_t fixed, Word* w) {
  w->h[Word::kForm] = HashBytes(form, 1);
  w->h[Word::kLower] = HashLower(form, 2);
  const size_t n = form.size();
  // Affixes of the lower-cased form; a word shorter than the affix gets the whole word
  // marked as such, so "a" and suffix-1 "a" of "banana" differ.
  for (int k = 1; k <= 4; ++k) {
    const size_t len = std::min<size_t>(k, n);
    w->h[Word::kSuf1 + k - 1] =
        HashLower(form.substr(n - len), 10 + k + (len < size_t(k) ? 100 : 0));
  }
  for (int k = 1; k <= 3; ++k) {
    const size_t len = std::min<size_t>(k, n);
    w->h[Word::kPre1 + k - 1] =
        HashLower(form.substr(0, len), 20 + k + (len < size_t(k) ? 100 : 0));
  }
  // Shape: X upper, x lower, d digit, u non-ASCII byte, other bytes as they are; runs
  // collapsed, at most 8 symbols ("McDonald's" -> "XxXx'x", "1,000" -> "d,d").
  char shape[8];
  size_t sn = 0;
  bool digit = false, hyphen = false, upper = false, lower = false, other = false,
       non_ascii = false, period = false;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(form[i]);
    char s;
    if (IsUpper(c)) {
      s = 'X';
      upper = true;
    } else if (IsLowerAscii(c)) {
      s = 'x';
      lower = true;
    } else if (IsDigit(c)) {
      s = 'd';
      digit = true;
    } else if (c >= 0x80) {
      s = 'u';
      non_ascii = true;
    } else {
      s = static_cast<char>(c);
      other = true;
      hyphen |= c == '-';
      period |= c == '.';
    }
    if ((sn == 0 || shape[sn - 1] != s) && sn < sizeof shape) shape[sn++] = s;
  }
  w->h[Word::kShape] = HashBytes(std::string_view(shape, sn), 30);
  const uint64_t len_bucket = n <= 3 ? n : n <= 5 ? 4 : n <= 8 ? 5 : 6;
  const uint64_t flags = (digit << 0) | (hyphen << 1) | (upper << 2) | (lower << 3) | (other << 4) |
                         (non_ascii << 5) | (period << 6) |
                         (uint64_t{n > 0 && IsUpper(form[0])} << 7) |
                         (uint64_t{upper && !lower} << 8) | (len_bucket << 9);
  w->h[Word::kFlags] = HashCombine(flags, 31);
  w->h[Word::kAmbiguity] = HashCombine(ambiguity, 32);
  w->h[Word::kWordNet] = HashCombine(ambiguity != 0 ? 1u << 20 : 0, 33);  // "in the lexicon"
  w->fixed = fixed;
}

void SetWordNet(std::string_view form, const Lemmatizer& lemmatizer, Word* w) {
  char lower[40];
  if (form.size() > sizeof lower) return;
  for (size_t i = 0; i < form.size(); ++i) lower[i] = LowerAscii(form[i]);
  w->h[Word::kWordNet] =
      HashCombine(lemmatizer.WordNetClasses(std::string_view(lower, form.size())), 33);
}

void Pad(Word* words, size_t n) {
  for (int side = 0; side < 2; ++side) {
    Word& a = words[side == 0 ? 0 : n + kPad];
    Word& b = words[side == 0 ? 1 : n + kPad + 1];
    for (int k = 0; k < Word::kCount; ++k) {
      a.h[k] = HashCombine(1000 + side * 2, k);
      b.h[k] = HashCombine(1001 + side * 2, k);
    }
    a.fixed = b.fixed = TaggerModelData::kNotFixed;
  }
}

int ExtractStatic(const Word* words, size_t i, uint64_t* keys) {
  const Word& w = words[i + kPad];
  const Word& l1 = words[i + kPad - 1];
  const Word& l2 = words[i + kPad - 2];
  const Word& r1 = words[i + kPad + 1];
  const Word& r2 = words[i + kPad + 2];
  int k = 0;
  uint64_t id = 0;  // template id; each template's keys differ from every other's
  auto add = [&](uint64_t v) { keys[k++] = HashCombine(v, ++id); };
  auto add2 = [&](uint64_t a, uint64_t b) { keys[k++] = HashCombine(HashCombine(a, b), ++id); };
  using W = Word;
  add(0);  // bias
  add(w.h[W::kForm]);
  add(w.h[W::kLower]);
  for (int s = W::kSuf1; s <= W::kSuf4; ++s) add(w.h[s]);
  for (int p = W::kPre1; p <= W::kPre3; ++p) add(w.h[p]);
  add(w.h[W::kShape]);
  add(w.h[W::kFlags]);
  add(w.h[W::kAmbiguity]);
  add(w.h[W::kWordNet]);
  add2(w.h[W::kWordNet], w.h[W::kShape]);
  add2(w.h[W::kShape], i == 0);
  add(l1.h[W::kLower]);
  add(l2.h[W::kLower]);
  add(r1.h[W::kLower]);
  add(r2.h[W::kLower]);
  add(l1.h[W::kSuf3]);
  add(r1.h[W::kSuf3]);
  add(r1.h[W::kSuf2]);
  add(l1.h[W::kShape]);
  add(r1.h[W::kShape]);
  add(l1.h[W::kAmbiguity]);
  add(r1.h[W::kAmbiguity]);
  add(r2.h[W::kAmbiguity]);
  add2(w.h[W::kLower], r1.h[W::kLower]);
  add2(l1.h[W::kLower], w.h[W::kLower]);
  add2(r1.h[W::kLower], r2.h[W::kLower]);
  add2(w.h[W::kAmbiguity], r1.h[W::kAmbiguity]);
  add2(w.h[W::kSuf3], r1.h[W::kAmbiguity]);
  assert(k <= kMaxStatic);
  return k;
}

int ExtractHistory(const Word* words, size_t i, int prev1, int prev2, uint64_t* keys) {
  const Word& w = words[i + kPad];
  const Word& r1 = words[i + kPad + 1];
  const uint64_t t1 = static_cast<uint64_t>(prev1 + 2);
  const uint64_t t2 = static_cast<uint64_t>(prev2 + 2);
  const uint64_t t12 = HashCombine(t1, t2);
  int k = 0;
  uint64_t id = 100;  // after the static templates' ids
  auto add2 = [&](uint64_t a, uint64_t b) { keys[k++] = HashCombine(HashCombine(a, b), ++id); };
  using W = Word;
  add2(t1, 0);
  add2(t2, 0);
  add2(t12, 0);
  add2(t1, w.h[W::kLower]);
  add2(t1, w.h[W::kSuf3]);
  add2(t1, w.h[W::kWordNet]);
  add2(t1, r1.h[W::kAmbiguity]);
  add2(t1, r1.h[W::kLower]);
  add2(t12, w.h[W::kLower]);
  assert(k <= kMaxHistory);
  return k;
}

int Extract(const Word* words, size_t i, int prev1, int prev2, uint64_t* keys) {
  const int k = ExtractStatic(words, i, keys);
  return k + ExtractHistory(words, i, prev1, prev2, keys + k);
}

}  // namespace tagger_features

using tagger_features::Word;

Status WriteTaggerModel(const TaggerModelData& d, const std::string& path) {
  ModelWriter w(kKind, kFormatVersion);
  w.Strings(d.xpos);
  w.Strings(d.upos);
  w.Array(d.lexicon_keys);
  w.Array(d.lexicon_ambiguity);
  w.Array(d.lexicon_fixed);
  w.Array(d.feature_keys);
  std::vector<uint8_t> counts(d.feature_keys.size());
  for (size_t f = 0; f < counts.size(); ++f) {
    counts[f] = static_cast<uint8_t>(d.feature_begin[f + 1] - d.feature_begin[f]);
  }
  w.Array(counts);
  w.Array(d.entry_class);
  w.F32(d.weight_scale);
  w.Array(d.entry_weight);
  d.lemmatizer.Write(&w);
  return w.Finish(path);
}

Result<std::unique_ptr<Tagger>> Tagger::Load(const std::string& path) {
  Result<ModelReader> r = ModelReader::Open(path, kKind, kFormatVersion);
  if (!r.ok()) return r.status();
  TaggerModelData d;
  std::vector<uint8_t> counts;
  bool ok = r->Strings(&d.xpos) && r->Strings(&d.upos) && r->Array(&d.lexicon_keys) &&
            r->Array(&d.lexicon_ambiguity) && r->Array(&d.lexicon_fixed) &&
            r->Array(&d.feature_keys) && r->Array(&counts) && r->Array(&d.entry_class) &&
            r->F32(&d.weight_scale) && r->Array(&d.entry_weight);
  if (ok && !d.lemmatizer.Read(&*r)) {
    if (!r->status().ok()) return r->status();
    return Status::Corruption(path + ": inconsistent lemmatizer tables (corrupt model?)");
  }
  if (!ok) return r->status();
  if (!r->AtEnd())
    return Status::Corruption(path + ": unexpected bytes after the model (corrupt?)");
  if (counts.size() != d.feature_keys.size()) {
    return Status::Corruption(path + ": feature table sizes disagree (corrupt model?)");
  }
  d.feature_begin.resize(counts.size() + 1);
  d.feature_begin[0] = 0;
  for (size_t f = 0; f < counts.size(); ++f)
    d.feature_begin[f + 1] = d.feature_begin[f] + counts[f];
  Result<std::unique_ptr<Tagger>> t = Create(std::move(d));
  if (!t.ok()) return Status::Corruption(path + ": " + t.status().message());
  return t;
}

Result<std::unique_ptr<Tagger>> Tagger::Create(TaggerModelData d) {
  const size_t c = d.xpos.size();
  if (c == 0 || c > TaggerModelData::kMaxClasses || d.upos.size() != c) {
    return Status::InvalidArgument("bad tag set size " + std::to_string(c));
  }
  const size_t nlex = d.lexicon_keys.size();
  if (d.lexicon_ambiguity.size() != nlex || d.lexicon_fixed.size() != nlex) {
    return Status::InvalidArgument("lexicon arrays disagree in size");
  }
  const size_t nf = d.feature_keys.size();
  const size_t ne = d.entry_class.size();
  if (d.feature_begin.size() != nf + 1 || d.feature_begin.front() != 0 ||
      d.feature_begin.back() != ne || d.entry_weight.size() != ne) {
    return Status::InvalidArgument("feature arrays disagree in size");
  }
  std::unique_ptr<Tagger> t(new Tagger());
  t->xpos_ = std::move(d.xpos);
  t->upos_ = std::move(d.upos);
  static const std::pair<const char*, uint32_t> kUposKinds[] = {
      {"NOUN", kNoun}, {"PROPN", kPropn}, {"PRON", kPron},  {"DET", kDet},
      {"ADJ", kAdj},   {"ADV", kAdv},     {"NUM", kNum},    {"VERB", kVerb},
      {"INTJ", kIntj}, {"ADP", kAdp},     {"SCONJ", kSconj}};
  static const std::pair<const char*, uint32_t> kXposKinds[] = {
      {"PRP", kPrp}, {"PRP$", kPrpPoss}, {"POS", kPos}, {"MD", kMd},   {"VB", kVb},
      {"VBD", kVbd}, {"VBZ", kVbz},      {"VBP", kVbp}, {"VBN", kVbn}};
  t->kind_.assign(c, 0);
  for (size_t k = 0; k < c; ++k) {
    for (const auto& [name, kind] : kUposKinds) {
      if (t->upos_[k] == name) t->kind_[k] |= kind;
    }
    for (const auto& [name, kind] : kXposKinds) {
      if (t->xpos_[k] == name) t->kind_[k] |= kind;
    }
  }
  // The class with both tags, or -1.
  auto find_class = [&](std::string_view xpos, std::string_view upos) {
    for (size_t k = 0; k < c; ++k) {
      if (t->xpos_[k] == xpos && t->upos_[k] == upos) return static_cast<int>(k);
    }
    return -1;
  };
  t->about_class_ = find_class("JJ", "ADJ");
  t->sconj_class_ = find_class("IN", "SCONJ");
  t->past_class_ = find_class("VBD", "VERB");
  t->present_class_ = find_class("VBP", "VERB");
  t->base_class_ = find_class("VB", "VERB");
  t->participle_class_ = find_class("VBN", "VERB");
  t->noun_class_ = find_class("NN", "NOUN");
  t->vbz_class_ = find_class("VBZ", "VERB");
  t->nnp_class_ = find_class("NNP", "PROPN");
  t->nnps_class_ = find_class("NNPS", "PROPN");
  std::vector<std::pair<uint64_t, uint32_t>> items;
  items.reserve(nlex);
  t->lex_.resize(nlex);
  for (size_t i = 0; i < nlex; ++i) {
    if (d.lexicon_keys[i] == 0) return Status::InvalidArgument("zero lexicon key");
    if (d.lexicon_fixed[i] != TaggerModelData::kNotFixed && d.lexicon_fixed[i] >= c) {
      return Status::InvalidArgument("lexicon class out of range");
    }
    items.emplace_back(d.lexicon_keys[i], static_cast<uint32_t>(i));
    t->lex_[i] = {d.lexicon_ambiguity[i], d.lexicon_fixed[i]};
  }
  t->lexicon_.Build(items);

  // Load <= 0.7: with 8-byte slots, a probe sequence rarely leaves its cache line.
  size_t cap = 16;
  while (cap * 7 < nf * 10) cap *= 2;
  t->slot_mask_ = cap - 1;
  t->slots_.assign(cap, Slot{0, 0});
  if (ne >= (1u << 24)) return Status::InvalidArgument("too many weights");
  for (size_t f = 0; f < nf; ++f) {
    const uint64_t key = d.feature_keys[f];
    const uint32_t begin = d.feature_begin[f], end = d.feature_begin[f + 1];
    if (key == 0 || begin > end || end - begin > 255) {
      return Status::InvalidArgument("bad feature table entry " + std::to_string(f));
    }
    const uint32_t tag = SlotTag(key);
    size_t i = key & t->slot_mask_;
    bool clash = false;
    while (t->slots_[i].tag != 0) {
      // Two keys with the same high bits in one probe sequence (odds ~1e-4 per model):
      // the first wins, the second feature is lost, as with any hashing collision.
      clash |= t->slots_[i].tag == tag;
      i = (i + 1) & t->slot_mask_;
    }
    if (clash) continue;
    t->slots_[i] = Slot{tag, begin << 8 | (end - begin)};
  }
  t->entries_.resize(ne);
  for (size_t e = 0; e < ne; ++e) {
    if (d.entry_class[e] >= c) return Status::InvalidArgument("weight class out of range");
    t->entries_[e] = uint32_t{d.entry_class[e]} << 16 | static_cast<uint16_t>(d.entry_weight[e]);
  }
  t->num_features_ = nf;
  t->lemmatizer_ = std::move(d.lemmatizer);
  return t;
}

void Tagger::Score(const uint64_t* keys, int n, int32_t* scores) const {
  for (int k = 0; k < n; ++k) __builtin_prefetch(&slots_[keys[k] & slot_mask_]);
  for (int k = 0; k < n; ++k) {
    const uint32_t tag = SlotTag(keys[k]);
    for (size_t j = keys[k] & slot_mask_;; j = (j + 1) & slot_mask_) {
      const Slot slot = slots_[j];
      if (slot.tag == tag) {
        const uint32_t* e = &entries_[slot.entries >> 8];
        for (const uint32_t* end = e + (slot.entries & 255); e < end; ++e) {
          scores[*e >> 16] += static_cast<int16_t>(*e & 0xFFFF);
        }
        break;
      }
      if (slot.tag == 0) break;
    }
  }
}

void Tagger::FixRarePatterns(const Sentence& s, std::vector<uint8_t>* tags) const {
  std::vector<uint8_t>& t = *tags;
  const size_t n = s.tokens.size();
  // "be about to VERB": the treebanks tag this "about" JJ/ADJ (11 of 11 in EWT + GUM), but
  // with so few examples the model prefers the preposition; the rule costs nothing.
  if (about_class_ >= 0) {
    for (size_t i = 0; i + 2 < n; ++i) {
      if (Is(t[i + 2], kVb) && EqualsLowerAscii(s.Form(i + 1), "to") &&
          EqualsLowerAscii(s.Form(i), "about")) {
        t[i] = static_cast<uint8_t>(about_class_);
      }
    }
  }

  // An article is followed by a noun phrase, not a verb: in EWT + GUM train the word after
  // "a", "an" or "the" is VB 23 times in 20,738 (mostly names of buttons: "a Search"). The
  // model read "A shake-up in the axis ... can provide" as the verb "shake" and lost the
  // sentence's subject.
  if (noun_class_ >= 0) {
    for (size_t i = 1; i < n; ++i) {
      if (!Is(t[i], kVb | kVbp) || !Is(t[i - 1], kDet)) continue;
      const std::string_view article = s.Form(i - 1);
      if (EqualsLowerAscii(article, "a") || EqualsLowerAscii(article, "an") ||
          EqualsLowerAscii(article, "the")) {
        t[i] = static_cast<uint8_t>(noun_class_);
      }
    }
  }

  // An interjection between a subject and its object is a verb: "Arnor and Gondor welcome a
  // resumption of ties". The treebanks have "welcome" as a verb about never (it is "Welcome
  // to ..." there), so the model cannot know it. Without -s it is present tense, not 3sg.
  if (present_class_ >= 0) {
    for (size_t i = 1; i + 1 < n; ++i) {
      if (!Is(t[i], kIntj)) continue;
      if ((Is(t[i - 1], kNoun | kPropn) || (Is(t[i - 1], kPron) && Is(t[i - 1], kPrp))) &&
          Is(t[i + 1], kDet | kAdj | kNoun | kPropn)) {
        t[i] = static_cast<uint8_t>(present_class_);
      }
    }
  }

  // A modal inside a sentence is followed by its verb: "Arnor will abandon improved relations"
  // had "abandon" as an adverb. In EWT + GUM train, a modal followed by a noun, adjective or
  // adverb and then the start of a noun phrase is a question ("Will racial diversity find")
  // 3 times and a verb 711 times; adverbs before the verb ("will soon abandon") are left alone.
  if (base_class_ >= 0) {
    for (size_t i = 1; i + 2 < n; ++i) {
      if (!Is(t[i], kMd) || !Is(t[i + 1], kAdv | kNoun | kAdj)) continue;
      if (s.Form(i + 1).ends_with("ly")) continue;
      const uint8_t after = t[i + 2];
      if (Is(after, kDet | kAdj | kNoun | kPropn | kNum) || (Is(after, kVerb) && !Is(after, kVb))) {
        t[i + 1] = static_cast<uint8_t>(base_class_);
      }
    }
  }

  // An -ed word between a base-form verb and a noun or adjective modifies the noun ("abandon
  // improved economic relations", "bring packed lunch"): in EWT + GUM train VBN 30 times, JJ 8,
  // past tense never.
  if (participle_class_ >= 0) {
    for (size_t i = 1; i + 1 < n; ++i) {
      if (!Is(t[i], kVbd) || !Is(t[i - 1], kVb) || !s.Form(i).ends_with("ed")) continue;
      if (Is(t[i + 1], kAdj | kNoun)) t[i] = static_cast<uint8_t>(participle_class_);
    }
  }

  // A sentence's only verb, an -ed word after a comma and before a noun phrase, is its past
  // tense: "Lavrov, speaking in Pyongyang, praised North Korea's leadership" had "praised" as
  // a participle and no predicate. In EWT + GUM train such a word (the next one a
  // determiner, name, number or pronoun; no other finite verb in the sentence) is VBD 11
  // times in 11.
  if (past_class_ >= 0 && std::none_of(t.begin(), t.end(), [&](uint8_t c) {
        return Is(c, kVbd | kVbz | kVbp | kMd);
      })) {
    for (size_t i = 1; i + 1 < n; ++i) {
      if (Is(t[i], kVbn) && s.Form(i - 1) == "," && s.Form(i).ends_with("ed") &&
          Is(t[i + 1], kDet | kPropn | kNum | kPrpPoss | kPron)) {
        t[i] = static_cast<uint8_t>(past_class_);
        break;
      }
    }
  }

  // A past participle right after a subject pronoun is its past tense: "Pakistan said it shot
  // down two Indian jets" had "it" as a passive subject with no auxiliary, and no source. On
  // EWT + GUM (all splits, gold tags) a VBD or VBN right after "I", "he", "she", "it", "we" or
  // "they" is VBD 3,926 times and VBN 49: 44 after a causative or auxiliary ("had it fixed",
  // "get it done", "is it made"), which the rule leaves alone, and GUM's "I got ta go" (4) and
  // "we assign it based upon", the two exceptions below. On our tags the rule changes no word
  // of those files.
  if (past_class_ >= 0) {
    static constexpr std::string_view kSubjects[] = {"i", "he", "she", "it", "we", "they"};
    static constexpr std::string_view kCausatives[] = {
        "have",    "has",  "had",   "having", "'ve",  "'d",   "get",   "gets",   "got",  "gotten",
        "getting", "be",   "is",    "was",    "are",  "were", "been",  "being",  "'s",   "am",
        "'m",      "'re",  "keep",  "keeps",  "kept", "need", "needs", "needed", "want", "wants",
        "wanted",  "make", "makes", "made",   "do",   "does", "did",   "try",    "tried"};
    for (size_t i = 1; i < n; ++i) {
      if (!Is(t[i], kVbn) || !Is(t[i], kVerb)) continue;
      // ("I got ta go" is VBN in GUM; "assign it based upon" a participle.)
      if (EqualsLowerAscii(s.Form(i), "got") || EqualsLowerAscii(s.Form(i), "based")) continue;
      bool subject = false, causative = false;
      for (std::string_view w : kSubjects) subject = subject || EqualsLowerAscii(s.Form(i - 1), w);
      if (!subject) continue;
      if (i >= 2) {
        for (std::string_view w : kCausatives) {
          causative = causative || EqualsLowerAscii(s.Form(i - 2), w);
        }
      }
      if (!causative) t[i] = static_cast<uint8_t>(past_class_);
    }
  }

  // A past participle right after the noun phrase that opens a sentence ending in a full
  // stop, before the start of another, with no finite verb, preposition, subordinator or
  // comma before it, is the sentence's verb: "Kyrgyz border guards detained four Tajik
  // citizens." had "detained" as a participle and "guards" as a passive subject. Naming
  // verbs keep the participle ("an island called Jejudo", "a priest named Ruy Lopez"). On
  // EWT + GUM (all splits) the model's VBN in that place is gold VBD 3 times and gold VBN
  // once ("1576 Boi taken prisoner, but wins ..."), with those verbs left out.
  const std::string_view end = n > 0 ? s.Form(n - 1) : std::string_view();
  if (past_class_ >= 0 && (end == "." || end == "!" || end == "?")) {
    static constexpr std::string_view kNaming[] = {"named",    "called",    "titled", "entitled",
                                                   "aged",     "dubbed",    "termed", "labeled",
                                                   "labelled", "nicknamed", "based"};
    for (size_t i = 0; i + 1 < n; ++i) {
      const uint8_t c = t[i];
      if (Is(c, kVbd | kVbz | kVbp | kMd | kAdp | kSconj) || s.Form(i) == "," ||
          EqualsLowerAscii(s.Form(i), "to")) {
        break;  // something before the candidate rules it out
      }
      if (i == 0 || !Is(c, kVbn) || !Is(c, kVerb)) continue;
      // (The next phrase may open with a participle: "bombed suspected militant hideouts".)
      const bool np_next = Is(t[i + 1], kDet | kNum | kPrpPoss | kPropn | kPron | kNoun | kAdj) ||
                           (i + 2 < n && Is(t[i + 1], kVbn) && Is(t[i + 2], kAdj | kNoun));
      if (!Is(t[i - 1], kNoun | kPropn) || !np_next) break;
      bool naming = false;
      for (std::string_view w : kNaming) naming = naming || EqualsLowerAscii(s.Form(i), w);
      if (!naming) t[i] = static_cast<uint8_t>(past_class_);
      break;
    }
  }

  // "as NP VERBs": "as" before a clause is a subordinator ("widened as Pyongyang moved
  // closer to Moscow"), which a left-to-right tagger decides before it sees the verb. In EWT
  // and GUM train, "as" + noun phrase + VBD/VBZ/VBP/MD is SCONJ 325 times and ADP 25.
  // A past participle after a bare name, or before its object, is the clause's past tense
  // ("as Pyongyang weaned", "as the two countries imposed new tariffs").
  if (sconj_class_ < 0 || past_class_ < 0) return;
  for (size_t i = 0; i + 2 < n; ++i) {
    if (!Is(t[i], kAdp) || !EqualsLowerAscii(s.Form(i), "as")) continue;
    size_t j = i + 1;
    bool head = false, names_only = true;
    for (; j < n && j - i <= 6; ++j) {
      const uint8_t c = t[j];
      if (Is(c, kNoun | kPropn) || (Is(c, kPron) && Is(c, kPrp))) {
        head = true;
      } else if (!Is(c, kDet | kAdj | kNum | kPos | kPrpPoss)) {
        break;
      }
      if (!Is(c, kPropn)) names_only = false;
    }
    if (!head || j >= n) continue;
    const uint8_t verb = t[j];
    const bool object_follows =
        Is(j + 1 < n ? t[j + 1] : t[j], kDet | kAdj | kNoun | kPropn | kPron | kNum);
    if (Is(verb, kVbn) && (names_only || object_follows) && s.Form(j).ends_with("ed")) {
      t[j] = static_cast<uint8_t>(past_class_);
    } else if (!Is(verb, kVbd | kVbz | kVbp | kMd)) {
      continue;
    }
    t[i] = static_cast<uint8_t>(sconj_class_);
  }
}

namespace {

// Short words a title-case headline leaves lower-case.
bool IsTitleFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "a",   "an", "the",  "and",  "or", "but", "nor", "of",  "in",   "on",   "at",   "to",
      "for", "by", "with", "from", "as", "vs",  "via", "per", "into", "over", "than", "up"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// "Slams", "Arms": an ASCII capital and then only lower-case ASCII letters.
bool IsCapitalisedWord(std::string_view w) {
  if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (w[i] < 'a' || w[i] > 'z') return false;
  }
  return true;
}

// A headline in title case: after the first word, at least 3 words other than the short
// function words, all of them capitalised, and some word with a lower-case letter (an
// all-caps line is something else). Running text, even full of names, has lower-case
// content words ("... would be relocated from the Smithsonian's National Air and Space
// Museum ...": with 80% capitalised allowed, "Dulles" there was read as a verb).
bool LooksTitleCase(const Sentence& s) {
  int content = 0, capitalised = 0;
  bool lower = false;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const std::string_view f = s.Form(i);
    if (f.empty()) continue;
    const char c = f[0];
    const bool upper = c >= 'A' && c <= 'Z';
    for (char x : f) lower |= x >= 'a' && x <= 'z';
    if (i == 0 || !(upper || (c >= 'a' && c <= 'z')) || IsTitleFunctionWord(f)) continue;
    ++content;
    capitalised += upper;
  }
  return lower && content >= 3 && capitalised == content;
}

// True when some token (with `only`, some token i with only[i] != 0) is tagged a finite verb
// or a modal.
bool HasFiniteVerb(const Sentence& s, const char* only = nullptr) {
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (only != nullptr && !only[i]) continue;
    const std::string_view x = s.Xpos(i);
    if (x == "VBZ" || x == "VBP" || x == "VBD" || x == "MD") return true;
  }
  return false;
}

}  // namespace

void Tagger::Tag(Sentence* s) const {
  if (LooksTitleCase(*s)) {
    TagTitleCase(s);
    return;
  }
  TagForms(s);
  const size_t n = s->tokens.size();
  if (n < 3 || HasFiniteVerb(*s)) return;
  // A headline in sentence case ("Ethiopia and Eritrea sign peace deal") has the same
  // verb-read-as-noun problem as one in title case; its verb is already lower-case.
  const std::string_view last = s->Form(n - 1);
  if (last == "." || last == "!" || last == "?") return;
  thread_local std::vector<char> lower_case;
  thread_local std::vector<int16_t> forced;
  lower_case.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view f = s->Form(i);
    lower_case[i] = !f.empty() && f[0] >= 'a' && f[0] <= 'z';
  }
  const auto [v, cls] = HeadlineVerb(*s, lower_case.data());
  if (cls < 0) return;
  forced.assign(n, kFree);
  forced[v] = static_cast<int16_t>(cls);
  TagForms(s, forced.data());
}

// On ten title-case wire headlines written for the purpose ("China Slams U.S. Arms Sale to
// Taiwan", "South Korea Summons Russian Ambassador Over Defense Pact"), `thaw code` with the
// built-in dictionaries finds 6 events instead of 2 (7 with HeadlineVerb below). EWT and GUM dev
// and test have 121 lines that look title case (EWT train 208), nearly all signatures, name lists
// and titles without a verb, which UD tags PROPN. Reading every such line lower-cased (in a first
// version that also took lines with 80% of the words capitalised) cost 0.07-0.16 UPOS on dev and
// test; with the verb condition and all words capitalised, UPOS is unchanged or higher (train-only
// tagger: EWT dev 95.67, test 95.81 -> 95.85, GUM dev 97.06 -> 97.08, test 96.84; shipped: EWT
// test 96.02 -> 96.05, GUM test 96.97).
void Tagger::TagTitleCase(Sentence* s) const {
  const size_t n = s->tokens.size();
  // What happened to each word's capital.
  enum Case : char { kKept, kLowered, kRestored };
  thread_local Sentence copy;  // per-thread scratch, like TagForms' (STYLE.md 7)
  thread_local std::string lower;
  thread_local std::vector<char> lowered;
  thread_local std::vector<int16_t> forced;
  auto fill = [&]() {
    copy.ClearTokens();
    for (size_t i = 0; i < n; ++i) {
      Token t;
      const std::string_view f = s->Form(i);
      if (lowered[i] == kLowered) {
        lower.assign(f);
        lower[0] = static_cast<char>(lower[0] + ('a' - 'A'));
        t.form = copy.Intern(lower);
      } else {
        t.form = copy.Intern(f);
      }
      copy.tokens.push_back(t);
    }
  };
  // First every capitalised word after the first is lower-cased; a word then tagged a
  // proper noun, or in a class WordNet (open classes) or the lexicon (the others) does not
  // know it in, gets its capital back ("Taiwan", "Senkaku", "Putin").
  lowered.assign(n, kKept);
  forced.assign(n, kFree);
  for (size_t i = 1; i < n; ++i) lowered[i] = IsCapitalisedWord(s->Form(i)) ? kLowered : kKept;
  fill();
  TagForms(&copy);
  // Only a headline with a finite verb among those words is read so ("China Slams ...");
  // name lists, signatures and titles of works keep their capitals (UD tags them PROPN).
  static_assert(kKept == 0, "HasFiniteVerb skips the words whose flag is 0");
  if (!HasFiniteVerb(copy, lowered.data())) {
    const auto [v, cls] = HeadlineVerb(copy, lowered.data());
    if (cls < 0) {
      TagForms(s);
      return;
    }
    forced[v] = static_cast<int16_t>(cls);
    TagForms(&copy, forced.data());
  }
  bool changed = false;
  for (size_t i = 1; i < n; ++i) {
    if (lowered[i] != kLowered) continue;
    // A verb, noun, adjective or adverb must be one in WordNet ("putin", which WordNet lists
    // as a noun, was tagged a verb); other words must be in the lexicon.
    const std::string_view f = copy.Form(i), upos = copy.Upos(i);
    const uint32_t wn = lemmatizer_.WordNetClasses(f);
    using L = Lemmatizer;
    const bool known = upos == "VERB"   ? (wn & (L::kWnVerb | L::kWnVerbS | L::kWnVerbEd |
                                               L::kWnVerbIng | L::kWnIrregular)) != 0
                       : upos == "NOUN" ? (wn & (L::kWnNoun | L::kWnPlural)) != 0
                       : upos == "ADJ"  ? (wn & (L::kWnAdj | L::kWnAdjEr)) != 0
                       : upos == "ADV"  ? (wn & (L::kWnAdv | L::kWnAdjLy)) != 0
                                        : upos != "PROPN" && lexicon_.Find(HashLower(f)) != nullptr;
    if (!known) {
      lowered[i] = kRestored;
      changed = true;
    }
  }
  if (changed) {
    fill();
    TagForms(&copy, forced.data());
    // A word given its capital back because no word list knows it is a name, even where
    // the lower-case words around it made the model call it a common noun ("Seoul plans
    // new talks with Pyongyang": NN).
    bool renamed = false;
    for (size_t i = 1; i < n; ++i) {
      if (lowered[i] != kRestored || forced[i] != kFree) continue;
      const std::string_view x = copy.Xpos(i);
      const int name = x == "NN" ? nnp_class_ : x == "NNS" ? nnps_class_ : -1;
      if (name < 0) continue;
      forced[i] = static_cast<int16_t>(name);
      renamed = true;
    }
    if (renamed) TagForms(&copy, forced.data());
  }
  for (size_t i = 0; i < n; ++i) {
    Token& t = s->tokens[i];
    t.upos = s->Intern(copy.Upos(i));
    t.xpos = s->Intern(copy.Xpos(i));
    std::string_view lemma = copy.Lemma(i);
    // A lower-cased word the model still took for a name keeps its capital in the lemma.
    if (lowered[i] == kLowered && copy.Upos(i) == "PROPN" && !lemma.empty() && lemma[0] >= 'a' &&
        lemma[0] <= 'z') {
      lower.assign(lemma);
      lower[0] = static_cast<char>(lower[0] - ('a' - 'A'));
      lemma = lower;
    }
    t.lemma = s->Intern(lemma);
  }
}

// "Japan Protests Chinese Incursion", "Russia, North Korea Vow to Deepen Ties": read
// lower-cased, such a headline's verb is taken for a noun and no finite verb is left. The
// word right after a subject of names (proper nouns, joined by "," or "and") is its verb
// when WordNet knows it as one: a plural noun after one name becomes VBZ ("protests"), a
// singular noun or a bare infinitive after several names VBP ("vow", "warn"). Something
// must follow it. A headline in sentence case is read the same way; on EWT and GUM (all
// splits) that changes no tag, once the guards below keep out the two train headings it
// first misread.
std::pair<size_t, int> Tagger::HeadlineVerb(const Sentence& copy, const char* lowered) const {
  const size_t n = copy.tokens.size();
  size_t i = 0;
  bool several = false;
  for (; i < n; ++i) {
    if (copy.Upos(i) == "PROPN") continue;
    const std::string_view f = copy.Form(i);
    if (i == 0 || copy.Upos(i - 1) != "PROPN" || (f != "," && f != "and")) break;
    several = true;
  }
  if (i == 0 || i + 1 >= n || !lowered[i] || copy.Upos(i - 1) != "PROPN") return {n, -1};
  // Not the first part of a hyphenated word ("LTTE arms-running") nor a noun before a
  // participle ("Jack Herrick, wikiHow founder interviewed by Wikinews").
  const std::string_view next = copy.Xpos(i + 1);
  if (next == "HYPH" || next == "VBN" || next == "VBD") return {n, -1};
  const uint32_t wn = lemmatizer_.WordNetClasses(copy.Form(i));
  const std::string_view x = copy.Xpos(i);
  if (!several && x == "NNS" && (wn & Lemmatizer::kWnVerbS) != 0) return {i, vbz_class_};
  if (several && (x == "NN" || x == "VB") && (wn & Lemmatizer::kWnVerb) != 0) {
    return {i, present_class_};
  }
  return {n, -1};
}

void Tagger::TagForms(Sentence* s, const int16_t* forced) const {
  const size_t n = s->tokens.size();
  if (n == 0) return;
  using tagger_features::kPad;
  // Tokens are scored in blocks: the word-only features of a whole block are looked up
  // together, so their cache misses overlap (the tables are several MB; scoring one
  // feature at a time ran at 80k tokens/s, stalled on memory), then the block is decoded.
  constexpr size_t kBlock = 16;
  // Per-thread scratch: grows to the longest sentence seen, never shrinks (STYLE.md 7).
  struct Scratch {
    std::vector<Word> words;
    std::vector<uint8_t> tags;
    std::vector<Span> upos_span, xpos_span;
    std::string lemma;
    std::vector<int32_t> block_scores;
  };
  thread_local Scratch sc;
  sc.words.resize(n + 2 * kPad);
  sc.tags.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view form = s->Form(i);
    const uint32_t* li = lexicon_.Find(HashLower(form));
    const LexEntry lex = li ? lex_[*li] : LexEntry{0, TaggerModelData::kNotFixed};
    Word* w = &sc.words[i + kPad];
    tagger_features::DescribeWord(form, lex.ambiguity, lex.fixed, w);
    if (li == nullptr) tagger_features::SetWordNet(form, lemmatizer_, w);
  }
  tagger_features::Pad(sc.words.data(), n);

  const size_t nc = xpos_.size();
  sc.block_scores.resize(kBlock * nc);
  uint64_t keys[kBlock * tagger_features::kMaxStatic];
  uint32_t found[kBlock * tagger_features::kMaxStatic];
  uint16_t key_end[kBlock];
  int32_t scores[256];
  int prev1 = -1, prev2 = -1;
  for (size_t from = 0; from < n; from += kBlock) {
    const size_t to = std::min(n, from + kBlock);
    int nk = 0;
    for (size_t i = from; i < to; ++i) {
      if (sc.words[i + kPad].fixed == TaggerModelData::kNotFixed) {
        nk += tagger_features::ExtractStatic(sc.words.data(), i, keys + nk);
      }
      key_end[i - from] = static_cast<uint16_t>(nk);
    }
    for (int k = 0; k < nk; ++k) __builtin_prefetch(&slots_[keys[k] & slot_mask_]);
    for (int k = 0; k < nk; ++k) {
      const uint32_t tag = SlotTag(keys[k]);
      found[k] = 0;
      for (size_t j = keys[k] & slot_mask_;; j = (j + 1) & slot_mask_) {
        const Slot slot = slots_[j];
        if (slot.tag == tag) {
          found[k] = slot.entries;
          __builtin_prefetch(&entries_[slot.entries >> 8]);
          break;
        }
        if (slot.tag == 0) break;
      }
    }
    int k = 0;
    for (size_t i = from; i < to; ++i) {
      int32_t* row = &sc.block_scores[(i - from) * nc];
      std::fill(row, row + nc, 0);
      for (; k < key_end[i - from]; ++k) {
        const uint32_t* e = &entries_[found[k] >> 8];
        for (const uint32_t* end = e + (found[k] & 255); e < end; ++e) {
          row[*e >> 16] += static_cast<int16_t>(*e & 0xFFFF);
        }
      }
    }
    for (size_t i = from; i < to; ++i) {
      int best = static_cast<int>(sc.words[i + kPad].fixed);
      if (forced != nullptr && forced[i] != kFree) {
        best = forced[i];
      } else if (best == TaggerModelData::kNotFixed) {
        std::copy_n(&sc.block_scores[(i - from) * nc], nc, scores);
        uint64_t history[tagger_features::kMaxHistory];
        const int nh = tagger_features::ExtractHistory(sc.words.data(), i, prev1, prev2, history);
        Score(history, nh, scores);
        best = 0;
        for (size_t c = 1; c < nc; ++c) {
          if (scores[c] > scores[best]) best = static_cast<int>(c);
        }
      }
      sc.tags[i] = static_cast<uint8_t>(best);
      prev2 = prev1;
      prev1 = best;
    }
  }

  FixRarePatterns(*s, &sc.tags);
  if (forced != nullptr) {
    for (size_t i = 0; i < n; ++i) {
      if (forced[i] != kFree) sc.tags[i] = static_cast<uint8_t>(forced[i]);
    }
  }

  // Each tag string is interned once per sentence.
  constexpr Span kUnset{kNoOffset, 0};
  sc.upos_span.assign(nc, kUnset);
  sc.xpos_span.assign(nc, kUnset);
  for (size_t i = 0; i < n; ++i) {
    const int c = sc.tags[i];
    Token& tok = s->tokens[i];
    if (sc.upos_span[c].begin == kNoOffset) sc.upos_span[c] = s->Intern(upos_[c]);
    if (sc.xpos_span[c].begin == kNoOffset) sc.xpos_span[c] = s->Intern(xpos_[c]);
    tok.upos = sc.upos_span[c];
    tok.xpos = sc.xpos_span[c];
    const std::string_view form = s->Form(i);
    const std::string_view lemma = lemmatizer_.Lemmatize(form, upos_[c], xpos_[c], &sc.lemma);
    if (lemma.size() <= form.size() && std::memcmp(lemma.data(), form.data(), lemma.size()) == 0) {
      tok.lemma = Span{tok.form.begin, static_cast<uint32_t>(lemma.size())};  // walks -> walk
    } else {
      tok.lemma = s->Intern(lemma);
    }
  }
}

}  // namespace thaw
