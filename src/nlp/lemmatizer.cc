// Lemmatizer tables and English inflection rules.
//
// Model section (inside the tagger model, after the tagger's own fields):
//   String pool            lemma strings, each a u8 length then its bytes
//   Array<u64> keys, Array<u32> offsets   irregular forms: HashCombine(class, form) -> pool
//   Array<u64> keys, Array<u32> offsets   learned forms:  HashCombine(xpos, form) -> pool
//   Array<u32> wordnet     sorted fingerprints of (class, lemma) from WordNet's index
//   Array<u32> known       the same for other known lemmas (training data)
// Hash collisions between different forms are possible in principle (64-bit keys, ~1e5
// entries: odds about 1e-9 per model) and would only change one lemma, so keys are not
// verified against the form.

#include "nlp/lemmatizer.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>

namespace thaw {
namespace {

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool HasUpper(std::string_view s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}
inline bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
inline bool IsConsonant(char c) { return c >= 'a' && c <= 'z' && !IsVowel(c); }

// How a Penn Treebank tag inflects.
enum class Inflection { kNone, kPlural, kVerbS, kVerbEd, kVerbIng, kComparative, kSuperlative };

Inflection InflectionOf(std::string_view xpos, Lemmatizer::WordClass* cls) {
  if (xpos == "NNS" || xpos == "NNPS") {
    *cls = Lemmatizer::kNoun;
    return Inflection::kPlural;
  }
  if (xpos.size() == 3 && xpos[0] == 'V' && xpos[1] == 'B') {
    *cls = Lemmatizer::kVerb;
    switch (xpos[2]) {
      case 'Z':
        return Inflection::kVerbS;
      case 'D':
      case 'N':
        return Inflection::kVerbEd;
      case 'G':
        return Inflection::kVerbIng;
      default:
        return Inflection::kNone;
    }
  }
  if (xpos == "JJR" || xpos == "RBR" || xpos == "JJS" || xpos == "RBS") {
    *cls = xpos[0] == 'J' ? Lemmatizer::kAdj : Lemmatizer::kAdv;
    return xpos[2] == 'R' ? Inflection::kComparative : Inflection::kSuperlative;
  }
  return Inflection::kNone;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

uint32_t Fingerprint(Lemmatizer::WordClass cls, std::string_view lemma) {
  return static_cast<uint32_t>(HashCombine(static_cast<uint64_t>(cls) + 1, HashBytes(lemma)) >> 32);
}

}  // namespace

uint64_t HashBytes(std::string_view s, uint64_t seed) {
  uint64_t h = 0xCBF29CE484222325ULL ^ seed;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ULL;
  return HashCombine(h, s.size());
}

uint64_t HashLower(std::string_view s, uint64_t seed) {
  uint64_t h = 0xCBF29CE484222325ULL ^ seed;
  for (char c : s) h = (h ^ static_cast<unsigned char>(Lower(c))) * 0x100000001B3ULL;
  return HashCombine(h, s.size());
}

void FlatMap64::Build(const std::vector<std::pair<uint64_t, uint32_t>>& items) {
  size_ = items.size();
  size_t cap = 16;
  while (cap < items.size() * 2) cap *= 2;  // load <= 0.5 keeps probes short
  mask_ = cap - 1;
  keys_.assign(cap, 0);
  values_.assign(cap, 0);
  for (const auto& [key, value] : items) {
    size_t i = key & mask_;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
    keys_[i] = key;
    values_[i] = value;
  }
}

uint32_t Lemmatizer::AddToPool(std::string_view s) {
  if (s.size() > 255) s = s.substr(0, 255);
  const uint32_t offset = static_cast<uint32_t>(pool_.size());
  pool_.push_back(static_cast<char>(s.size()));
  pool_.append(s);
  return offset;
}

std::string_view Lemmatizer::FromPool(uint32_t offset) const {
  if (offset >= pool_.size()) return {};
  const size_t n = static_cast<unsigned char>(pool_[offset]);
  return std::string_view(pool_).substr(offset + 1, n);
}

Status Lemmatizer::AddWordNet(const std::string& dir) {
  static const char* const kNames[] = {"noun", "verb", "adj", "adv"};
  for (int c = 0; c < 4; ++c) {
    const std::string exc = dir + "/" + kNames[c] + ".exc";
    std::ifstream in(exc);
    if (!in) {
      return Status::IoError(exc +
                             ": cannot read WordNet exception list (install wordnet-base, "
                             "or pass the directory holding noun.exc, verb.exc, adj.exc, adv.exc)");
    }
    std::string line;
    while (std::getline(in, line)) {
      // "went go": the inflected form, then one or more lemmas; '_' joins multiword entries.
      const size_t sp = line.find(' ');
      if (sp == std::string::npos || line.find('_') != std::string::npos) continue;
      const size_t end = line.find(' ', sp + 1);
      AddIrregular(
          static_cast<WordClass>(c), std::string_view(line).substr(0, sp),
          std::string_view(line).substr(sp + 1, end == std::string::npos ? end : end - sp - 1));
    }
    std::ifstream index(dir + "/index." + kNames[c]);
    while (index && std::getline(index, line)) {
      if (line.empty() || line[0] == ' ') continue;  // license header lines start with spaces
      const size_t sp = line.find(' ');
      const std::string_view lemma = std::string_view(line).substr(0, sp);
      if (lemma.find('_') == std::string_view::npos) {
        AddKnownLemma(static_cast<WordClass>(c), lemma, /*from_wordnet=*/true);
      }
    }
  }
  return Status::Ok();
}

void Lemmatizer::AddIrregular(WordClass cls, std::string_view form, std::string_view lemma) {
  irregular_items_.emplace_back(HashCombine(static_cast<uint64_t>(cls) + 1, HashBytes(form)),
                                AddToPool(lemma));
}

void Lemmatizer::AddKnownLemma(WordClass cls, std::string_view lemma, bool from_wordnet) {
  (from_wordnet ? wordnet_ : known_).push_back(Fingerprint(cls, lemma));
}

void Lemmatizer::AddLearned(std::string_view form, std::string_view upos, std::string_view xpos,
                            std::string_view lemma, bool lower) {
  std::string scratch;
  if (LemmatizeByRule(form, upos, xpos, &scratch) == lemma) return;
  // A case-insensitive entry must not impose a case: "Al"/NNP -> "Al" says nothing of "al".
  if (lower && HasUpper(lemma)) return;
  const uint64_t key = HashCombine(HashBytes(xpos), lower ? HashLower(form) : HashBytes(form) + 1);
  learned_items_.emplace_back(key, AddToPool(lemma));
}

void Lemmatizer::Compile() {
  // Earlier additions win: stable-sort by key and keep the first of each.
  for (auto* items : {&irregular_items_, &learned_items_}) {
    std::stable_sort(items->begin(), items->end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    items->erase(std::unique(items->begin(), items->end(),
                             [](const auto& a, const auto& b) { return a.first == b.first; }),
                 items->end());
  }
  irregular_.Build(irregular_items_);
  learned_.Build(learned_items_);
  std::sort(wordnet_.begin(), wordnet_.end());
  wordnet_.erase(std::unique(wordnet_.begin(), wordnet_.end()), wordnet_.end());
  std::sort(known_.begin(), known_.end());
  known_.erase(std::unique(known_.begin(), known_.end()), known_.end());
  // known_ keeps only what WordNet lacks.
  std::vector<uint32_t> rest;
  std::set_difference(known_.begin(), known_.end(), wordnet_.begin(), wordnet_.end(),
                      std::back_inserter(rest));
  known_.swap(rest);
}

bool Lemmatizer::InWordNet(WordClass cls, std::string_view lemma) const {
  return std::binary_search(wordnet_.begin(), wordnet_.end(), Fingerprint(cls, lemma));
}

bool Lemmatizer::Known(WordClass cls, std::string_view lemma) const {
  const uint32_t f = Fingerprint(cls, lemma);
  return std::binary_search(wordnet_.begin(), wordnet_.end(), f) ||
         std::binary_search(known_.begin(), known_.end(), f);
}

uint32_t Lemmatizer::WordNetClasses(std::string_view w) const {
  if (wordnet_.empty() || w.size() < 2 || w.size() > 40) return 0;
  uint32_t bits = 0;
  if (InWordNet(kNoun, w)) bits |= kWnNoun;
  if (InWordNet(kVerb, w)) bits |= kWnVerb;
  if (InWordNet(kAdj, w)) bits |= kWnAdj;
  if (InWordNet(kAdv, w)) bits |= kWnAdv;
  for (int c = 0; c < 4; ++c) {
    if (!Irregular(static_cast<WordClass>(c), w).empty()) bits |= kWnIrregular;
  }
  // Stems by suffix stripping; a stem that WordNet knows suggests the inflection.
  char buf[48];
  auto stem = [&](size_t drop, std::string_view add) {
    const size_t keep = w.size() - drop;
    std::memcpy(buf, w.data(), keep);
    std::memcpy(buf + keep, add.data(), add.size());
    return std::string_view(buf, keep + add.size());
  };
  const size_t n = w.size();
  if (n > 3 && w.back() == 's' && w[n - 2] != 's') {
    // stem() reuses one buffer, so each candidate is checked before the next is built.
    for (int k = 0; k < 3; ++k) {
      if (k == 2 && !EndsWith(w, "ies")) break;
      const std::string_view s = k == 0 ? stem(1, "") : k == 1 ? stem(2, "") : stem(3, "y");
      if (InWordNet(kNoun, s)) bits |= kWnPlural;
      if (InWordNet(kVerb, s)) bits |= kWnVerbS;
    }
  }
  auto verb_stems = [&](size_t drop, uint32_t bit) {
    if (n <= drop + 1) return;
    const size_t m = n - drop;
    const bool doubled = m >= 3 && w[m - 1] == w[m - 2];
    if (InWordNet(kVerb, stem(drop, "")) || InWordNet(kVerb, stem(drop, "e")) ||
        (doubled && InWordNet(kVerb, stem(drop + 1, ""))) ||
        (w[m - 1] == 'i' && InWordNet(kVerb, stem(drop + 1, "y")))) {
      bits |= bit;
    }
  };
  if (EndsWith(w, "ed")) verb_stems(2, kWnVerbEd);
  if (EndsWith(w, "ing")) verb_stems(3, kWnVerbIng);
  for (std::string_view suffix : {std::string_view("er"), std::string_view("est")}) {
    if (!EndsWith(w, suffix) || n <= suffix.size() + 2) continue;
    const size_t d = suffix.size();
    if (InWordNet(kAdj, stem(d, "")) || InWordNet(kAdj, stem(d, "e")) ||
        InWordNet(kAdj, stem(d + 1, "y")) || InWordNet(kAdj, stem(d + 1, ""))) {
      bits |= kWnAdjEr;
    }
  }
  if (EndsWith(w, "ly") && n > 4 &&
      (InWordNet(kAdj, stem(2, "")) || InWordNet(kAdj, stem(3, "y")) ||
       InWordNet(kAdj, stem(1, "e")))) {
    bits |= kWnAdjLy;
  }
  return bits;
}

std::string_view Lemmatizer::Irregular(WordClass cls, std::string_view lower) const {
  const uint32_t* v =
      irregular_.Find(HashCombine(static_cast<uint64_t>(cls) + 1, HashBytes(lower)));
  return v ? FromPool(*v) : std::string_view();
}

std::string_view Lemmatizer::Lemmatize(std::string_view form, std::string_view upos,
                                       std::string_view xpos, std::string* buf) const {
  if (learned_.size() > 0) {
    const uint64_t hx = HashBytes(xpos);
    if (const uint32_t* v = learned_.Find(HashCombine(hx, HashBytes(form) + 1)))
      return FromPool(*v);
    if (const uint32_t* v = learned_.Find(HashCombine(hx, HashLower(form)))) return FromPool(*v);
  }
  return LemmatizeByRule(form, upos, xpos, buf);
}

std::string_view Lemmatizer::LemmatizeByRule(std::string_view form, std::string_view upos,
                                             std::string_view xpos, std::string* buf) const {
  WordClass cls = kNoun;
  const Inflection infl = InflectionOf(xpos, &cls);
  // UD keeps the case of proper nouns (NNPS "Americans" -> "American") and lower-cases the
  // rest; "I" and the like come from the learned table.
  const bool keep_case = xpos == "NNP" || xpos == "NNPS" || upos == "PROPN";
  if (infl == Inflection::kNone && (keep_case || !HasUpper(form))) return form;
  std::string& w = *buf;
  w.assign(form);
  if (!keep_case) {
    for (char& c : w) c = Lower(c);
  }
  if (infl == Inflection::kNone) return w;
  const std::string_view irregular = Irregular(cls, w);
  if (!irregular.empty()) return irregular;

  const size_t n = w.size();
  auto known = [&](std::string_view s) { return s.size() >= 2 && Known(cls, s); };
  // Picks among up to three candidates: the first known one, else `fallback`.
  auto choose = [&](std::initializer_list<std::string> candidates, const std::string& fallback) {
    for (const std::string& c : candidates) {
      if (!c.empty() && known(c)) {
        w = c;
        return;
      }
    }
    w = fallback;
  };

  switch (infl) {
    case Inflection::kPlural:
    case Inflection::kVerbS: {
      if (n <= 2 || !EndsWith(w, "s") || EndsWith(w, "ss") ||
          (infl == Inflection::kPlural && (EndsWith(w, "us") || EndsWith(w, "is")))) {
        break;
      }
      const std::string drop_s = w.substr(0, n - 1);
      if (EndsWith(w, "ies") && n > 4) {
        choose({w.substr(0, n - 3) + "y", drop_s}, w.substr(0, n - 3) + "y");
      } else if (EndsWith(w, "ves") && infl == Inflection::kPlural) {
        choose({drop_s, w.substr(0, n - 3) + "f", w.substr(0, n - 3) + "fe"}, drop_s);
      } else if (EndsWith(w, "sses") || EndsWith(w, "ches") || EndsWith(w, "shes") ||
                 EndsWith(w, "xes") || EndsWith(w, "zzes")) {
        choose({w.substr(0, n - 2), drop_s}, w.substr(0, n - 2));
      } else if (EndsWith(w, "oes") || EndsWith(w, "ses") || EndsWith(w, "zes")) {
        // goes, heroes, buses vs shoes, cases, sizes: the lexicon decides.
        const std::string drop_es = w.substr(0, n - 2);
        choose({drop_s, drop_es}, EndsWith(w, "oes") ? drop_es : drop_s);
      } else {
        w = drop_s;
      }
      break;
    }
    case Inflection::kVerbEd:
    case Inflection::kVerbIng:
    case Inflection::kComparative:
    case Inflection::kSuperlative: {
      std::string_view ending = infl == Inflection::kVerbEd        ? "ed"
                                : infl == Inflection::kVerbIng     ? "ing"
                                : infl == Inflection::kComparative ? "er"
                                                                   : "est";
      if (!EndsWith(w, ending) || n < ending.size() + 2) break;
      std::string stem = w.substr(0, n - ending.size());
      if (ending != "ing" && stem.back() == 'i' && stem.size() > 2 &&
          IsConsonant(stem[stem.size() - 2])) {
        stem.back() = 'y';  // tried -> try, happier -> happy
        choose({stem}, stem);
        break;
      }
      if (ending == "ed" && stem.back() == 'e') {  // agreed -> agree, freed -> free
        w = stem + "e";
        break;
      }
      const size_t m = stem.size();
      const bool doubled = m >= 3 && stem[m - 1] == stem[m - 2] && IsConsonant(stem[m - 1]);
      const std::string undoubled = doubled ? stem.substr(0, m - 1) : std::string();
      const std::string with_e = stem + "e";
      // stem ends consonant-vowel-consonant: "hop" would have doubled (hopped), so "hoped"
      // is "hope"; "visit" (unstressed) would not, so prefer the bare stem when known.
      const bool cvc = m >= 3 && IsConsonant(stem[m - 1]) && IsVowel(stem[m - 2]) &&
                       !IsVowel(stem[m - 3]) && stem[m - 1] != 'w' && stem[m - 1] != 'x' &&
                       stem[m - 1] != 'y';
      std::string fallback = stem;
      if (doubled && stem[m - 1] != 'l' && stem[m - 1] != 's' && stem[m - 1] != 'z' &&
          stem[m - 1] != 'f') {
        fallback = undoubled;
      } else if (!doubled) {
        const char last = stem[m - 1];
        const char before = stem[m - 2];
        if (last == 'v' || last == 'z' || last == 'u' || (last == 'c' && before != 'i') ||
            (cvc && m <= 4) || (last == 'l' && IsConsonant(before) && before != 'r') ||
            (last == 't' && before == 'a' && m > 4 && IsConsonant(stem[m - 3])) ||
            (last == 's' && (before == 'u' || before == 'p' || before == 'n' || before == 'r')) ||
            (last == 'g' && (before == 'r' || before == 'd'))) {
          fallback = with_e;
        }
      }
      // "installing": WordNet also lists the variant "instal", but a stem that is itself a
      // lemma wins over undoubling for l, s, z and f.
      const bool keep_double = doubled && (stem[m - 1] == 'l' || stem[m - 1] == 's' ||
                                           stem[m - 1] == 'z' || stem[m - 1] == 'f');
      if (cvc) {
        choose({with_e, stem, undoubled}, fallback);
      } else if (keep_double) {
        choose({stem, undoubled, with_e}, fallback);
      } else {
        choose({undoubled, stem, with_e}, fallback);
      }
      break;
    }
    case Inflection::kNone:
      break;
  }
  return w;
}

void Lemmatizer::Write(ModelWriter* w) const {
  w->String(pool_);
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  for (const auto* items : {&irregular_items_, &learned_items_}) {
    keys.clear();
    values.clear();
    for (const auto& [k, v] : *items) {
      keys.push_back(k);
      values.push_back(v);
    }
    w->Array(keys);
    w->Array(values);
  }
  w->Array(wordnet_);
  w->Array(known_);
}

bool Lemmatizer::Read(ModelReader* r) {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  if (!r->String(&pool_)) return false;
  for (auto* items : {&irregular_items_, &learned_items_}) {
    if (!r->Array(&keys) || !r->Array(&values)) return false;
    if (keys.size() != values.size()) return false;
    items->clear();
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == 0 || values[i] >= pool_.size()) return false;
      items->emplace_back(keys[i], values[i]);
    }
  }
  if (!r->Array(&wordnet_) || !r->Array(&known_)) return false;
  Compile();
  return true;
}

}  // namespace thaw
