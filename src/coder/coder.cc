// Coding a parsed sentence, in four passes (see DESIGN in docs/CODER.md):
//   1. normalise tokens to word ids and find actor, agent and discard phrases (longest match);
//   2. for each dictionary verb, find its subject (inheriting through xcomp/conj and resolving
//      pronouns), voice and negation, and the tokens of its complements ("lower" phrase);
//   3. match the verb block's patterns, most specific first, binding $ / + / % roles;
//   4. turn sources x targets into events, then merge speech acts with the clause they report.
#include "coder/coder.h"

#include <algorithm>

#include "base/date.h"
#include "base/strings.h"
#include "coder/code_algebra.h"
#include "coder/compiled.h"

namespace thaw {

namespace {

struct Mention {
  int32_t begin = 0, end = 0;  // token range
  int32_t index = -1;          // actor or agent index
  bool agent = false;
  bool pair = false;  // one of the two actors "the two countries" stands for
};

struct Actor {
  std::string code;
  int32_t begin = -1, end = -1;  // token range of the evidence
};

struct VerbGroup {
  int32_t token = -1;
  size_t first_event = 0, end_event = 0;
  std::string code;
  int weight = -1;  // weight of the matched pattern; -1 for a block's default code
};

bool IsOneOf(std::string_view s, std::initializer_list<std::string_view> set) {
  for (auto x : set) {
    if (s == x) return true;
  }
  return false;
}

std::string_view BaseRel(std::string_view d) {
  const size_t c = d.find(':');
  return c == std::string_view::npos ? d : d.substr(0, c);
}

bool IsSubjectRel(std::string_view d) {
  return IsOneOf(d, {"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubjpass", "csubj:pass"});
}
bool IsPassiveSubjectRel(std::string_view d) {
  return IsOneOf(d, {"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"});
}
// Relations that stay inside a noun phrase when collecting its words.
bool IsNounInternalRel(std::string_view d) {
  const std::string_view b = BaseRel(d);
  return IsOneOf(b, {"compound", "amod", "flat", "name", "det", "nummod", "case", "goeswith",
                     "fixed", "mwe"}) ||
         d == "nmod:poss" || b == "nmod" || b == "obl" || d == "advmod";
}
// Relations climbed from a mention to the head of its noun chunk.
bool IsChunkRel(std::string_view d) {
  const std::string_view b = BaseRel(d);
  return IsOneOf(b, {"compound", "amod", "flat", "name", "det", "nummod", "goeswith", "fixed",
                     "mwe"}) ||
         d == "nmod:poss";
}

}  // namespace

struct CoderScratch {
  // Per token.
  std::vector<uint32_t> word;
  std::vector<uint32_t> lemma;  // word id of the upper-cased lemma
  std::string upper_buf;
  std::vector<uint32_t> upper_off;  // n+1 offsets into upper_buf
  std::vector<int32_t> child_begin, child_list;
  std::vector<int32_t> sub_lo, sub_hi;  // subtree extent
  std::vector<int32_t> mention_at;      // mention index starting or covering the token, -1
  std::vector<int32_t> chunk;           // noun chunk head of the token
  std::vector<Mention> mentions;
  // Per call.
  std::vector<int32_t> lower, search, upper, stack;
  std::vector<VerbGroup> groups;
  const Sentence* s = nullptr;
  Date date = kNoDate;
  // Document context for light coreference; CodeDocument resets it.
  struct Alias {
    uint32_t word = kNoWord;  // a surname (or given name) of a person named in full before
    int32_t actor = -1;
  };
  std::vector<Alias> aliases;  // most recent last
  bool korea_context = false;  // North or South Korea was named: "the North" / "the South"
  // Actors of the last two countries named, most recent last: "the two countries".
  std::vector<int32_t> recent_countries;
  int32_t previous_first_actor = -1;  // the first actor named in the previous sentence: "its"
  void ResetDocument() {
    aliases.clear();
    korea_context = false;
    recent_countries.clear();
    previous_first_actor = -1;
  }

  size_t n() const { return word.size(); }
  std::string_view Upper(int32_t i) const {
    return std::string_view(upper_buf).substr(upper_off[i], upper_off[i + 1] - upper_off[i]);
  }
  template <typename F>
  void ForChildren(int32_t i, F f) const {
    for (int32_t k = child_begin[i]; k < child_begin[i + 1]; ++k) f(child_list[k]);
  }
};

void CoderScratchDeleter::operator()(CoderScratch* s) const { delete s; }

namespace {

// The matching machinery, bound to one sentence.
class SentenceCoder {
 public:
  SentenceCoder(const CompiledDictionaries& d, CoderScratch* sc, const CoderOptions& options,
                bool allow_monads)
      : d_(d), sc_(*sc), s_(*sc->s), opt_(options), allow_monads_(allow_monads) {}

  void Prepare();
  // Records what later sentences of the document may refer back to: the names of people
  // this sentence named in full, and whether it named either Korea.
  void RememberForDocument() const;
  bool Discarded(bool story_only) const;
  void CodeVerbs(std::vector<Event>* out);

 private:
  struct Bindings {
    int32_t source_np = -1, target_np = -1;
    bool subject_is_target = false, compound = false;
    int tokens = 0;  // tokens matched by words and synonym sets: longer matches are more specific
  };
  struct VerbCandidate {
    const VerbEntry* entry = nullptr;
    int32_t particle_lo = -1, particle_hi = -1;  // token range of multi-word verb parts
  };

  std::string_view Rel(int32_t i) const { return s_.Deprel(i); }
  int32_t Head(int32_t i) const { return s_.tokens[i].head; }
  bool IsVerbToken(int32_t i) const {
    const auto u = s_.Upos(i);
    return u == "VERB" || StartsWith(s_.Xpos(i), "VB");
  }

  // Actors.
  std::string ActorCode(int32_t actor) const;
  // The country an actor's code starts with ("RUS" for RUSGOV), or "" for international,
  // non-state and unknown actors.
  std::string CountryOf(int32_t actor) const;
  // Adds `actor` to `countries` (most recent last, at most two, one per country) when it is
  // a country's actor.
  void NoteCountry(int32_t actor, std::vector<int32_t>* countries) const;
  int32_t MentionHeadToken(const Mention& m) const;
  int32_t ChunkHead(int32_t tok) const;
  void CollectNounTokens(int32_t h, bool top, std::vector<int32_t>* toks) const;
  // A conj relation with nothing marking coordination between head and conjunct (no cc,
  // no comma): a parser error inside one name ("South Korean President Park" with Park as conj
  // of Korean), not a list.
  bool IsNameConj(int32_t t) const;
  void ResolveNP(int32_t h, std::vector<Actor>* out) const;
  void ResolveSubject(int32_t verb, std::vector<Actor>* out, bool* passive,
                      int32_t* subj_tok) const;
  int32_t FindSubjectToken(int32_t verb, int depth) const;
  bool IsPronoun(int32_t t) const;
  // Light coreference from the document context: a person's surname used alone after a full
  // mention ("Xi" after "Xi Jinping"), and "the North" / "the South" in Korean context.
  void AddContextMentions();
  // Whether an actor name may start at token t: not a pronoun, not the tail of a hyphenated
  // word the tokenizer split.
  bool CanStartName(int32_t t) const;
  // A lower-case word of at most three letters: never a one-word actor name on its own.
  bool IsLowerShortWord(int32_t t) const;
  // The actor entry is a person's (it has dated codes).
  bool IsPerson(int32_t actor) const;
  std::string SpanText(int32_t b, int32_t e) const;

  // Verbs and patterns.
  bool FindVerb(int32_t i, std::vector<VerbCandidate>* found) const;
  bool IsNegated(int32_t verb) const;
  // An auxiliary of the future or of a promise: "will", "would", "'ll", "shall".
  bool HasFutureAux(int32_t verb) const;
  // "would have imposed", "if Tehran attacked": what did not happen.
  bool IsCounterfactual(int32_t verb) const;
  bool HasToMark(int32_t t) const;
  // Token t has a case marker ("in", "by", ...) among `words` (upper-case).
  bool HasCase(int32_t t, std::initializer_list<std::string_view> words) const;
  // The verb is the infinitive of a readiness adjective ("ready to mediate").
  bool IsReadiness(int32_t verb) const;
  // With strict_targets: token t, a complement of `verb`, lies in a clause of its own (relative,
  // participial, adverbial) or, when `settings`, in a setting phrase ("met in Singapore",
  // "after the summit", "according to ..."), so it names no target of the verb.
  bool OutsideVerbArguments(int32_t t, int32_t verb, bool settings) const;
  // Token t is a proper noun naming a body of water ("Sea", "Gulf") that is no actor.
  bool IsWaterName(int32_t t) const;
  void CollectLower(int32_t verb, int32_t subj, const VerbCandidate& vc);
  void CollectUpper(int32_t subj);
  bool WordMatches(int32_t tok, const CElem& e) const;
  size_t MatchContiguous(const std::vector<CElem>& seq, const std::vector<int32_t>& toks,
                         size_t p) const;
  size_t MatchSynsetAt(int32_t synset, const std::vector<int32_t>& toks, size_t p) const;
  // Tokens matched by a word or synset element starting exactly at toks[p]; 0 if none.
  size_t MatchOneAt(const CElem& e, const std::vector<int32_t>& toks, size_t p) const {
    if (e.kind == ElemKind::kWord) return WordMatches(toks[p], e) ? 1 : 0;
    if (e.kind == ElemKind::kSynset) return MatchSynsetAt(e.synset, toks, p);
    return 0;
  }
  bool MatchElems(const std::vector<CElem>& elems, const std::vector<int32_t>& toks, size_t* pos,
                  Bindings* b) const;
  bool MatchElem(const CElem& e, const std::vector<int32_t>& toks, size_t* pos, Bindings* b) const;
  bool MatchPattern(const CPattern& p, const std::vector<Actor>& subj_actors, Bindings* b) const;
  // The verb v has a predicative complement: an adjective or noun xcomp ("called it naive").
  bool HasPredicative(int32_t v) const;
  // Token t lies below the verb v, and it or a phrase between them is an oblique or modifier
  // with "in" or "at" (a place, or "in the presence of").
  bool InPlacePhrase(int32_t t, int32_t v) const;
  int32_t NextMentionNP(const std::vector<int32_t>& toks, size_t from, size_t* after) const;

  void Emit(const std::vector<Actor>& srcs, const std::vector<Actor>& tgts, const std::string& code,
            const std::string& rev, int32_t verb, const VerbCandidate& vc, const CPattern* pat,
            int line, std::vector<Event>* out) const;
  void MergeEmbedded(std::vector<Event>* out);

  const CompiledDictionaries& d_;
  CoderScratch& sc_;
  const Sentence& s_;
  const CoderOptions& opt_;
  bool allow_monads_;
};

void SentenceCoder::Prepare() {
  const auto n = static_cast<int32_t>(s_.tokens.size());
  sc_.word.assign(n, kNoWord);
  sc_.upper_buf.clear();
  sc_.upper_off.assign(n + 1, 0);
  for (int32_t i = 0; i < n; ++i) {
    sc_.upper_off[i] = static_cast<uint32_t>(sc_.upper_buf.size());
    for (char c : s_.Form(i))
      sc_.upper_buf.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  }
  sc_.upper_off[n] = static_cast<uint32_t>(sc_.upper_buf.size());
  for (int32_t i = 0; i < n; ++i) sc_.word[i] = d_.words.Find(sc_.Upper(i));
  sc_.lemma.assign(n, kNoWord);
  std::string lemma;
  for (int32_t i = 0; i < n; ++i) {
    lemma.assign(s_.Lemma(i));
    for (char& c : lemma) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    sc_.lemma[i] = d_.words.Find(lemma);
  }

  // Children in CSR form (heads are validated by the readers; guard anyway).
  sc_.child_begin.assign(n + 1, 0);
  for (int32_t i = 0; i < n; ++i) {
    const int32_t h = Head(i);
    if (h >= 0 && h < n && h != i) ++sc_.child_begin[h + 1];
  }
  for (int32_t i = 0; i < n; ++i) sc_.child_begin[i + 1] += sc_.child_begin[i];
  sc_.child_list.assign(sc_.child_begin[n], 0);
  std::vector<int32_t>& fill = sc_.stack;
  fill.assign(sc_.child_begin.begin(), sc_.child_begin.end() - 1);
  for (int32_t i = 0; i < n; ++i) {
    const int32_t h = Head(i);
    if (h >= 0 && h < n && h != i) sc_.child_list[fill[h]++] = i;
  }
  // Subtree extents, iterating to a fixed point bounded by depth (cycles in bad parses stop).
  sc_.sub_lo.resize(n);
  sc_.sub_hi.resize(n);
  for (int32_t i = 0; i < n; ++i) sc_.sub_lo[i] = sc_.sub_hi[i] = i;
  for (int32_t i = 0; i < n; ++i) {
    int32_t h = Head(i);
    for (int guard = 0; h >= 0 && h < n && guard < n; ++guard) {
      sc_.sub_lo[h] = std::min(sc_.sub_lo[h], i);
      sc_.sub_hi[h] = std::max(sc_.sub_hi[h], i);
      h = Head(h);
    }
  }

  // Actor phrases first, then agent phrases in the gaps between them.
  sc_.mentions.clear();
  sc_.mention_at.assign(n, -1);
  for (int32_t i = 0; i < n;) {
    int32_t payload = -1;
    const size_t len =
        CanStartName(i) ? d_.actor_trie.LongestMatch(sc_.word.data() + i, n - i, &payload) : 0;
    if (len > 0 && !ActorCode(payload).empty() && !(len == 1 && IsLowerShortWord(i))) {
      const auto m = static_cast<int32_t>(sc_.mentions.size());
      sc_.mentions.push_back({i, i + static_cast<int32_t>(len), payload, false});
      for (int32_t k = i; k < i + static_cast<int32_t>(len); ++k) sc_.mention_at[k] = m;
      i += static_cast<int32_t>(len);
    } else {
      ++i;
    }
  }
  AddContextMentions();
  for (int32_t i = 0; i < n;) {
    if (sc_.mention_at[i] >= 0) {
      ++i;
      continue;
    }
    int32_t limit = i;
    while (limit < n && sc_.mention_at[limit] < 0) ++limit;
    int32_t payload = -1;
    const size_t len = d_.agent_trie.LongestMatch(sc_.word.data() + i, limit - i, &payload);
    if (len > 0) {
      const auto m = static_cast<int32_t>(sc_.mentions.size());
      sc_.mentions.push_back({i, i + static_cast<int32_t>(len), payload, true});
      for (int32_t k = i; k < i + static_cast<int32_t>(len); ++k) sc_.mention_at[k] = m;
      i += static_cast<int32_t>(len);
    } else {
      ++i;
    }
  }
  std::sort(sc_.mentions.begin(), sc_.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  for (size_t m = 0; m < sc_.mentions.size(); ++m) {
    for (int32_t k = sc_.mentions[m].begin; k < sc_.mentions[m].end; ++k)
      sc_.mention_at[k] = static_cast<int32_t>(m);
  }
  sc_.chunk.resize(n);
  for (int32_t i = 0; i < n; ++i) sc_.chunk[i] = ChunkHead(i);
}

bool SentenceCoder::Discarded(bool story_only) const {
  const auto n = static_cast<int32_t>(sc_.n());
  for (int32_t i = 0; i < n; ++i) {
    int32_t payload = -1;
    if (d_.discard_trie.LongestMatch(sc_.word.data() + i, n - i, &payload) > 0 &&
        (!story_only || payload == 1)) {
      return true;
    }
  }
  return false;
}

std::string SentenceCoder::ActorCode(int32_t actor) const {
  const CActor& a = d_.actors[actor];
  const CodeRestriction* fallback = nullptr;
  for (const CodeRestriction& r : a.codes) {
    if (r.kind == CodeRestriction::Kind::kAlways) {
      if (fallback == nullptr) fallback = &r;
    } else if (r.IsActive(sc_.date)) {
      return r.code == "---" ? std::string() : r.code;
    }
  }
  if (fallback == nullptr || fallback->code == "---") return {};
  return fallback->code;
}

std::string SentenceCoder::CountryOf(int32_t actor) const {
  std::string code = ActorCode(actor);
  if (code.size() < 3 || StartsWith(code, "---") || StartsWith(code, "IGO") ||
      StartsWith(code, "NGO")) {
    return {};
  }
  code.resize(3);
  return code;
}

void SentenceCoder::NoteCountry(int32_t actor, std::vector<int32_t>* countries) const {
  const std::string country = CountryOf(actor);
  if (country.empty()) return;
  std::erase_if(*countries, [&](int32_t a) { return CountryOf(a) == country; });
  countries->push_back(actor);
  if (countries->size() > 2) countries->erase(countries->begin());
}

int32_t SentenceCoder::MentionHeadToken(const Mention& m) const {
  for (int32_t k = m.begin; k < m.end; ++k) {
    const int32_t h = Head(k);
    if (h < m.begin || h >= m.end) return k;
  }
  return m.end - 1;
}

int32_t SentenceCoder::ChunkHead(int32_t tok) const {
  const auto n = static_cast<int32_t>(s_.tokens.size());
  int32_t t = tok;
  for (int guard = 0; guard < n && IsChunkRel(Rel(t)); ++guard) {
    const int32_t h = Head(t);
    if (h < 0 || h >= n) break;
    t = h;
  }
  return t;
}

bool SentenceCoder::IsNameConj(int32_t t) const {
  if (Rel(t) != "conj" || Head(t) < 0 || Head(t) > t) return false;
  // Between the head and the conjunct; UD v1 parsers attach cc and commas to the head.
  for (int32_t k = Head(t) + 1; k < t; ++k) {
    const std::string_view r = Rel(k);
    if (r == "cc" || r == "punct" || r == "cc:preconj" || s_.Upos(k) == "CCONJ") return false;
  }
  return true;
}

// Tokens of the noun phrase headed by h, without its conjuncts and clauses.
void SentenceCoder::CollectNounTokens(int32_t h, bool top, std::vector<int32_t>* toks) const {
  toks->push_back(h);
  sc_.ForChildren(h, [&](int32_t c) {
    const std::string_view r = Rel(c);
    if (r == "conj" && IsNameConj(c)) {
      CollectNounTokens(c, false, toks);
      return;
    }
    // An appos right after the head's words, with no punctuation before it, is the name after
    // a title the parser split off: "Secretary-General Jens Stoltenberg" (not "Lavrov, the
    // foreign minister"). News settings only: the PETRARCH records code such phrases by the
    // title (F1 0.935 -> 0.933 with given parses when the rule applied there too).
    if (opt_.strict_targets && r == "appos" && c > h && sc_.sub_lo[c] > 0 &&
        s_.Upos(sc_.sub_lo[c] - 1) != "PUNCT" && s_.Upos(sc_.sub_lo[c]) == "PROPN") {
      CollectNounTokens(c, false, toks);
      return;
    }
    if (r == "conj" || r == "cc" || r == "punct" || r == "cc:preconj" || r == "appos") return;
    if (!IsNounInternalRel(r)) return;
    if (top && (BaseRel(r) == "nmod" || BaseRel(r) == "obl") && r != "nmod:poss") {
      // With strict_targets a common noun that is no actor or agent keeps its modifiers'
      // actors out: "a shake-up in the axis ... among South Korea and Japan" is no actor.
      // A number or group of people is those people: "Hundreds of Pakistanis protested",
      // "a delegation of Chinese officials".
      if (opt_.strict_targets && s_.Upos(h) == "NOUN" && sc_.mention_at[h] < 0) {
        const bool group =
            IsOneOf(sc_.Upper(h), {"HUNDREDS", "THOUSANDS", "DOZENS", "MILLIONS", "TENS",
                                   "SCORES", "GROUP", "GROUPS", "HANDFUL", "NUMBER", "MEMBERS",
                                   "CONTINGENT", "DELEGATION", "TEAM", "UNIT", "UNITS"}) &&
            HasCase(c, {"OF"});
        if (!group) return;
      }
      // "ambassadors of Arnor": the nmod's own conjuncts belong to this phrase too.
      CollectNounTokens(c, false, toks);
      return;
    }
    CollectNounTokens(c, false, toks);
  });
}

void SentenceCoder::ResolveNP(int32_t h, std::vector<Actor>* out) const {
  if (h < 0) return;
  std::vector<int32_t> conjuncts{h};
  for (size_t k = 0; k < conjuncts.size() && conjuncts.size() < 32; ++k) {
    // In a list ("Mordor, the Shire, Arnor and Bree") parsers often attach an item as appos;
    // an appos counts as a conjunct when the list has real conjuncts too.
    bool list = false;
    sc_.ForChildren(conjuncts[k],
                    [&](int32_t c) { list = list || (Rel(c) == "conj" && !IsNameConj(c)); });
    sc_.ForChildren(conjuncts[k], [&](int32_t c) {
      const std::string_view r = Rel(c);
      bool appos_list = false;
      if (r == "appos") {
        appos_list = list;
        sc_.ForChildren(
            c, [&](int32_t g) { appos_list = appos_list || (Rel(g) == "conj" && !IsNameConj(g)); });
      }
      if ((r == "conj" && !IsNameConj(c)) || appos_list) conjuncts.push_back(c);
    });
  }
  std::sort(conjuncts.begin(), conjuncts.end());
  std::vector<const Mention*> first_actors, first_mod_agents;
  std::vector<int32_t> toks;
  for (size_t ci = 0; ci < conjuncts.size(); ++ci) {
    const int32_t c = conjuncts[ci];
    // Someone's allies, rivals or neighbours are not that someone: "Ukraine's allies pledged
    // aid to Kyiv" is not Ukraine's pledge.
    if (opt_.strict_targets && sc_.mention_at[c] < 0 &&
        IsOneOf(sc_.Upper(c), {"ALLY",     "ALLIES",    "PARTNER",   "PARTNERS",    "RIVAL",
                               "RIVALS",   "ENEMY",     "ENEMIES",   "NEIGHBOUR",   "NEIGHBOURS",
                               "NEIGHBOR", "NEIGHBORS", "ADVERSARY", "ADVERSARIES", "FOE",
                               "FOES",     "CRITIC",    "CRITICS",   "OPPONENT",    "OPPONENTS",
                               "BACKER",   "BACKERS",   "SUPPORTER", "SUPPORTERS"})) {
      continue;
    }
    toks.clear();
    CollectNounTokens(c, true, &toks);
    std::sort(toks.begin(), toks.end());
    std::vector<const Mention*> actors, agents;
    int32_t last_m = -1;
    for (int32_t t : toks) {
      const int32_t m = sc_.mention_at[t];
      if (m < 0 || m == last_m) continue;
      last_m = m;
      const Mention& mm = sc_.mentions[m];
      if (mm.begin != t) continue;  // count each mention once, from its first token
      (mm.agent ? agents : actors).push_back(&mm);
    }
    // "the Russian-led Collective Security Treaty Organization" is the organization: an
    // actor that only says who leads or backs another actor in the phrase gives way to it.
    if (actors.size() >= 2) {
      const auto backer = [&](const Mention* m) {
        const int32_t e = m->end;
        return e + 1 < static_cast<int32_t>(sc_.n()) && s_.Form(e) == "-" &&
               IsOneOf(sc_.Upper(e + 1), {"LED", "BACKED", "SPONSORED", "FUNDED", "ALLIED", "ARMED",
                                          "SUPPORTED", "CONTROLLED", "DOMINATED"});
      };
      if (!std::all_of(actors.begin(), actors.end(), backer)) std::erase_if(actors, backer);
    }
    std::vector<const Mention*> chosen;
    if (!actors.empty()) {
      // The leftmost actor leads ("Ithilen's minister Calimehtar" is Ithilen's) unless a
      // later one refines its code ("South Korean President Park Geun-hye": KOR, then
      // KORGOV); actors conjoined with it ("of Arnor, Osgiliath and Gondor") join it.
      const Mention* lead = actors[0];
      const std::string lead_code = ActorCode(lead->index);
      for (size_t k = 1; k < actors.size() && !lead_code.empty(); ++k) {
        const std::string code = ActorCode(actors[k]->index);
        if (code.size() > lead_code.size() && StartsWith(code, lead_code)) {
          lead = actors[k];
          break;
        }
      }
      chosen.push_back(lead);
      if (lead->pair) {
        for (const Mention* m : actors) {
          if (m->pair && m != lead) chosen.push_back(m);
        }
      }
      const int32_t mh = MentionHeadToken(*lead);
      std::vector<int32_t> stack{mh};
      while (!stack.empty()) {
        const int32_t x = stack.back();
        stack.pop_back();
        sc_.ForChildren(x, [&](int32_t c2) {
          if (Rel(c2) != "conj" || IsNameConj(c2)) return;
          stack.push_back(c2);
          for (int32_t t = sc_.sub_lo[c2]; t <= sc_.sub_hi[c2]; ++t) {
            const int32_t m = sc_.mention_at[t];
            if (m >= 0 && !sc_.mentions[m].agent && sc_.mentions[m].begin == t &&
                ChunkHead(MentionHeadToken(sc_.mentions[m])) == c2) {
              chosen.push_back(&sc_.mentions[m]);
              break;
            }
          }
        });
      }
    } else if (ci > 0 && !agents.empty() && !first_actors.empty()) {
      // "Danish media and government": the second conjunct shares the first's modifiers.
      chosen = first_actors;
      std::vector<const Mention*> merged = first_mod_agents;
      merged.insert(merged.end(), agents.begin(), agents.end());
      agents = merged;
    }
    if (ci == 0) {
      first_actors = chosen;
      for (const Mention* a : agents) {
        if (c < a->begin || c >= a->end) first_mod_agents.push_back(a);
      }
    }
    if (chosen.empty() && agents.empty()) continue;
    if (chosen.empty() && opt_.strict_targets && s_.Upos(c) == "NOUN" && sc_.mention_at[c] < 0 &&
        std::all_of(agents.begin(), agents.end(), [&](const Mention* g) {
          const std::string_view r = BaseRel(Rel(MentionHeadToken(*g)));
          return r == "amod" || r == "compound";
        })) {
      // A role word that only describes a thing is no actor: "pledged military aid to
      // Ukraine" has Ukraine as its target, not "---MIL" (nor are "large-scale military
      // drills around Taiwan", with "military" a compound).
      continue;
    }
    auto build = [&](const Mention* actor) {
      Actor a;
      std::string prefix, code = actor ? ActorCode(actor->index) : std::string("---");
      if (code.empty()) code = "---";
      int32_t lo = actor ? actor->begin : INT32_MAX, hi = actor ? actor->end : -1;
      for (const Mention* g : agents) {
        const CAgent& ag = d_.agents[g->index];
        lo = std::min(lo, g->begin);
        hi = std::max(hi, g->end);
        if (ag.code.empty()) continue;
        if (ag.prefix) {
          if (prefix.find(ag.code) == std::string::npos) prefix += ag.code;
          continue;
        }
        bool present = false;
        for (size_t at = code.find(ag.code); at != std::string::npos;
             at = code.find(ag.code, at + 1)) {
          if (at >= 3 && at % 3 == 0) present = true;
        }
        if (present) continue;
        if (opt_.strict_targets && code.size() == 6 && code.compare(3, 3, "GOV") == 0 &&
            ag.code.size() == 3 && g->begin <= c && c < g->end) {
          // A capital or a leader with another role noun as the phrase's head is the state's
          // role: "Beijing police" is CHNCOP, not CHNGOVCOP ("Tehran military officials":
          // IRNMIL).
          code.replace(3, 3, ag.code);
        } else {
          code += ag.code;
        }
      }
      a.code = prefix + code;
      a.begin = lo;
      a.end = hi;
      for (const Actor& x : *out) {
        if (x.code == a.code) return;
      }
      out->push_back(std::move(a));
    };
    if (chosen.empty()) {
      build(nullptr);
    } else {
      for (const Mention* m : chosen) build(m);
    }
  }
  if (opt_.strict_targets) {
    // "North Korean leader Kim Jong-un" misparsed into two conjuncts: PRK and PRKGOV are one
    // actor, the finer code stays.
    std::erase_if(*out, [&](const Actor& a) {
      return std::any_of(out->begin(), out->end(), [&](const Actor& b) {
        return b.code.size() > a.code.size() && StartsWith(b.code, a.code) &&
               !StartsWith(a.code, "---");
      });
    });
  }
}

void SentenceCoder::AddContextMentions() {
  const auto n = static_cast<int32_t>(sc_.n());
  for (int32_t i = 0; i < n; ++i) {
    if (sc_.mention_at[i] >= 0 || sc_.word[i] == kNoWord) continue;
    const std::string_view form = s_.Form(i);
    if (form.empty() || !(form[0] >= 'A' && form[0] <= 'Z')) continue;
    int32_t actor = -1;
    for (auto it = sc_.aliases.rbegin(); it != sc_.aliases.rend() && actor < 0; ++it) {
      if (it->word == sc_.word[i]) actor = it->actor;
    }
    const std::string_view up = sc_.Upper(i);
    if (actor < 0 && sc_.korea_context && (up == "NORTH" || up == "SOUTH") && i > 0 &&
        sc_.Upper(i - 1) == "THE") {
      // Not "the North Atlantic" or "the South China Sea": the next word would be a name.
      const bool name_follows = i + 1 < n && !s_.Form(i + 1).empty() && s_.Form(i + 1)[0] >= 'A' &&
                                s_.Form(i + 1)[0] <= 'Z' && s_.Upos(i + 1) == "PROPN";
      if (!name_follows) actor = up == "NORTH" ? d_.north_korea : d_.south_korea;
    }
    if (actor < 0 || ActorCode(actor).empty()) continue;
    sc_.mention_at[i] = static_cast<int32_t>(sc_.mentions.size());
    sc_.mentions.push_back({i, i + 1, actor, false});
  }
  // "the two countries" (nations, sides, neighbours, Koreas): the last two countries this
  // sentence named before it ("Russia's ambassador to China praised the trust between the
  // two countries"), else the last two of the sentences before ("Japan criticized the two
  // countries" after "Russia and China signed a treaty").
  for (int32_t i = 0; i + 2 < n; ++i) {
    if (sc_.Upper(i) != "THE" || sc_.Upper(i + 1) != "TWO" || sc_.mention_at[i + 1] >= 0 ||
        sc_.mention_at[i + 2] >= 0 ||
        !IsOneOf(sc_.Upper(i + 2), {"COUNTRIES", "NATIONS", "STATES", "SIDES", "NEIGHBOURS",
                                    "NEIGHBORS", "GOVERNMENTS", "KOREAS", "ALLIES"})) {
      continue;
    }
    std::vector<int32_t> here;
    for (int32_t t = 0; t < i; ++t) {
      const int32_t m = sc_.mention_at[t];
      if (m < 0 || sc_.mentions[m].begin != t || sc_.mentions[m].agent || sc_.mentions[m].pair)
        continue;
      NoteCountry(sc_.mentions[m].index, &here);
    }
    const std::vector<int32_t>& pair = here.size() == 2 ? here : sc_.recent_countries;
    if (pair.size() != 2) continue;
    for (int32_t k = 0; k < 2; ++k) {
      sc_.mention_at[i + 1 + k] = static_cast<int32_t>(sc_.mentions.size());
      sc_.mentions.push_back({i + 1 + k, i + 2 + k, pair[k], false, true});
    }
  }
  // "denied North Korea's request for workers and ordered them to return home": an object
  // pronoun of a conjoined verb is the first conjunct's object actor. So is one of a
  // participle clause, or its oblique actor: "Sudan cut relations with the UAE, accusing it
  // of supplying drones".
  for (int32_t i = 0; i < n; ++i) {
    if (!IsOneOf(sc_.Upper(i), {"THEM", "IT"}) || Rel(i) != "obj" || sc_.mention_at[i] >= 0)
      continue;
    const int32_t verb = Head(i);
    if (verb < 0 || Head(verb) < 0) continue;
    const bool participle = Rel(verb) == "advcl" && s_.Xpos(verb) == "VBG";
    if (Rel(verb) != "conj" && !participle) continue;
    int32_t actor = -1;
    for (const std::string_view rel : {"obj", "obl"}) {
      if (rel == "obl" && !participle) break;
      sc_.ForChildren(Head(verb), [&](int32_t o) {
        if (BaseRel(Rel(o)) != rel || actor >= 0 || o == verb) return;
        for (int32_t t = sc_.sub_lo[o]; t <= sc_.sub_hi[o] && actor < 0; ++t) {
          const int32_t m = sc_.mention_at[t];
          if (m >= 0 && !sc_.mentions[m].agent) actor = sc_.mentions[m].index;
        }
      });
    }
    if (actor < 0) continue;
    sc_.mention_at[i] = static_cast<int32_t>(sc_.mentions.size());
    sc_.mentions.push_back({i, i + 1, actor, false});
  }
  // "its military", "their foreign ministries": the actor that opened this sentence, else
  // the previous one; only before an agent, where the owner is what makes the actor. "his
  // government", "her ministry": the first person this sentence named ("President Kagame
  // denied that his government supports the rebels"), and no other.
  for (int32_t i = 0; i + 1 < n; ++i) {
    const bool personal = IsOneOf(sc_.Upper(i), {"HIS", "HER"});
    if (!(personal || IsOneOf(sc_.Upper(i), {"ITS", "THEIR"})) || Rel(i) != "nmod:poss") continue;
    int32_t actor = -1;
    for (const Mention& m : sc_.mentions) {
      if (m.begin < i && !m.agent && !m.pair && (!personal || IsPerson(m.index))) {
        actor = m.index;
        break;
      }
    }
    if (actor < 0 && !personal) actor = sc_.previous_first_actor;
    const int32_t h = Head(i);
    if (actor < 0 || h <= i || h >= n || d_.agent_trie.Child(0, sc_.word[h]) == 0 ||
        ActorCode(actor).empty())
      continue;
    // "his North Korean counterpart" names its own owner.
    bool owned = false;
    for (int32_t t = i + 1; t < h && !owned; ++t) {
      owned = sc_.mention_at[t] >= 0 && !sc_.mentions[sc_.mention_at[t]].agent;
    }
    if (owned) continue;
    sc_.mention_at[i] = static_cast<int32_t>(sc_.mentions.size());
    sc_.mentions.push_back({i, i + 1, actor, false});
  }
  // "Erdogan arrived in Athens, and he and Mitsotakis signed a declaration": "he" or "she"
  // conjoined with another subject is the first person this sentence named.
  for (int32_t i = 1; i < n; ++i) {
    if (!IsOneOf(sc_.Upper(i), {"HE", "SHE"}) || sc_.mention_at[i] >= 0) continue;
    const bool subject = BaseRel(Rel(i)) == "nsubj" || Rel(i) == "conj";
    bool conjoined = Rel(i) == "conj";
    sc_.ForChildren(i, [&](int32_t c) { conjoined = conjoined || Rel(c) == "conj"; });
    if (!subject || !conjoined) continue;
    for (const Mention& m : sc_.mentions) {
      if (m.begin >= i || m.agent || m.pair || !IsPerson(m.index)) continue;
      sc_.mention_at[i] = static_cast<int32_t>(sc_.mentions.size());
      sc_.mentions.push_back({i, i + 1, m.index, false});
      break;
    }
  }
}

bool SentenceCoder::IsPerson(int32_t actor) const {
  // People are the dictionary entries with dated codes (leaders' terms of office).
  const CActor& a = d_.actors[actor];
  return std::any_of(a.codes.begin(), a.codes.end(), [](const CodeRestriction& r) {
    return r.kind != CodeRestriction::Kind::kAlways;
  });
}

void SentenceCoder::RememberForDocument() const {
  sc_.previous_first_actor = -1;
  for (const Mention& m : sc_.mentions) {
    if (m.agent || m.pair) continue;
    const std::string code = ActorCode(m.index);
    if (sc_.previous_first_actor < 0) sc_.previous_first_actor = m.index;
    NoteCountry(m.index, &sc_.recent_countries);
    if (StartsWith(code, "PRK") || StartsWith(code, "KOR")) sc_.korea_context = true;
    // People named with two words or more.
    if (!IsPerson(m.index) || m.end - m.begin < 2) continue;
    // Name words by their capital, not their tag: taggers miss unknown names ("Xi" as SCONJ).
    auto name_word = [&](int32_t t) {
      const std::string_view f = s_.Form(t);
      return !f.empty() && f[0] >= 'A' && f[0] <= 'Z' && d_.agent_trie.Child(0, sc_.word[t]) == 0;
    };
    int32_t first = m.begin;
    while (first < m.end && !name_word(first)) ++first;
    int32_t last = m.end - 1;
    while (last > first && !name_word(last)) --last;
    // "Xi Jinping": Xi and Jinping; "Kim Jong - un": Kim (a hyphenated tail is no name).
    for (int32_t t : {first, last}) {
      if (t >= m.end || sc_.word[t] == kNoWord || s_.Form(t).size() < 2) continue;
      if (t > m.begin && s_.Form(t - 1) == "-") continue;
      sc_.aliases.push_back({sc_.word[t], m.index});
    }
  }
}

bool SentenceCoder::CanStartName(int32_t t) const {
  if (IsPronoun(t)) return false;  // "told us" is not the United States
  // Nor does a lower-case preposition or particle: "sent aid to Lam Dong" is not To Lam.
  const std::string_view u = s_.Upos(t), f = s_.Form(t);
  if ((u == "ADP" || u == "PART") && !f.empty() && f[0] >= 'a' && f[0] <= 'z') return false;
  // The tail of a hyphenated word split by the tokenizer ("Jong - un") is not "UN".
  if (t >= 2 && s_.Form(t - 1) == "-") {
    const Token& hyphen = s_.tokens[t - 1];
    const Token& before = s_.tokens[t - 2];
    const Token& self = s_.tokens[t];
    if (hyphen.char_begin != kNoOffset && before.char_end == hyphen.char_begin &&
        hyphen.char_end == self.char_begin) {
      return false;
    }
  }
  return true;
}

bool SentenceCoder::IsLowerShortWord(int32_t t) const {
  // Abbreviations such as US, UN or EU are written in capitals; "un", "eu" are not them.
  const std::string_view f = s_.Form(t);
  if (f.size() > 3) return false;
  for (char c : f) {
    if (!(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

bool SentenceCoder::IsPronoun(int32_t t) const {
  return s_.Upos(t) == "PRON" || StartsWith(s_.Xpos(t), "PRP");
}

int32_t SentenceCoder::FindSubjectToken(int32_t verb, int depth) const {
  if (verb < 0 || depth > 6) return -1;
  int32_t subj = -1;
  sc_.ForChildren(verb, [&](int32_t c) {
    if (subj < 0 && IsSubjectRel(Rel(c))) subj = c;
  });
  // A subject the parser hung from the verb's auxiliary ("Meanwhile, North Korea has sent
  // troops", with "Korea" under "has").
  sc_.ForChildren(verb, [&](int32_t c) {
    if (subj >= 0 || !IsOneOf(BaseRel(Rel(c)), {"aux", "auxpass", "cop"})) return;
    sc_.ForChildren(c, [&](int32_t g) {
      if (subj < 0 && IsSubjectRel(Rel(g))) subj = g;
    });
  });
  if (subj >= 0) return subj;
  const std::string_view r = Rel(verb);
  if (r == "xcomp" || r == "conj" || r == "ccomp") return FindSubjectToken(Head(verb), depth + 1);
  if (BaseRel(r) == "advcl") {
    // A controlled infinitive ("vowed to wage war") shares the subject; "after leaving" does not.
    if (HasToMark(verb)) return FindSubjectToken(Head(verb), depth + 1);
    // With strict_targets, so does a participle with no marker or a "by"/"while" ("Pyongyang
    // moved closer to Moscow by signing a treaty"; "..., bolstering cooperation with Russia").
    if (opt_.strict_targets && StartsWith(s_.Xpos(verb), "VBG")) {
      bool other_mark = false;
      sc_.ForChildren(verb, [&](int32_t c) {
        other_mark = other_mark || (Rel(c) == "mark" && !IsOneOf(sc_.Upper(c), {"BY", "WHILE"}));
      });
      if (!other_mark) return FindSubjectToken(Head(verb), depth + 1);
    }
  }
  return -1;
}

void SentenceCoder::ResolveSubject(int32_t verb, std::vector<Actor>* out, bool* passive,
                                   int32_t* subj_tok) const {
  *passive = false;
  int32_t subj = -1;
  bool aux = false, by = false;
  sc_.ForChildren(verb, [&](int32_t c) {
    const std::string_view r = Rel(c);
    if (subj < 0 && IsSubjectRel(r)) subj = c;
    if (IsPassiveSubjectRel(r) || r == "auxpass" || r == "aux:pass") *passive = true;
    aux = aux || BaseRel(r) == "aux";
    if (r == "obl:agent" || (BaseRel(r) == "obl" && s_.Upos(c) == "PROPN")) {
      by = by || HasCase(c, {"BY"});
    }
  });
  // A bare participle with a "by" agent is passive too: in "Armenia and Azerbaijan resumed
  // talks, mediated by Kazakhstan" Kazakhstan mediates between the two.
  if (opt_.strict_targets && subj < 0 && !aux && by && s_.Xpos(verb) == "VBN") *passive = true;
  if (subj < 0) subj = FindSubjectToken(verb, 0);
  *subj_tok = subj;
  if (subj < 0) return;
  ResolveNP(subj, out);
  const int32_t clause =
      Head(subj);  // the verb whose subject it is: `verb` or one it inherits from
  const bool relative = BaseRel(Rel(clause)) == "acl" || IsOneOf(s_.Xpos(subj), {"WDT", "WP"});
  if (out->empty() && IsPronoun(subj) && opt_.strict_targets && relative) {
    // "a resolution that would have imposed sanctions": the relative pronoun is the noun the
    // clause modifies, never the subject of the sentence around it; only an actor or agent
    // noun ("North Korea, which fired ...") makes it an actor.
    const int32_t noun = Head(clause);
    if (noun >= 0 && sc_.mention_at[noun] >= 0) ResolveNP(noun, out);
    return;
  }
  if (out->empty() && IsPronoun(subj)) {
    // "Ethiopia indicated it would act": a pronoun subject of a reported clause is the
    // reporting clause's subject.
    int32_t h = Head(verb);
    for (int guard = 0; h >= 0 && guard < 6 && out->empty(); ++guard) {
      const int32_t outer = FindSubjectToken(h, 0);
      if (outer >= 0 && outer != subj && !IsPronoun(outer)) {
        ResolveNP(outer, out);
        break;
      }
      h = Head(h);
    }
  }
}

std::string SentenceCoder::SpanText(int32_t b, int32_t e) const {
  std::string t;
  for (int32_t i = std::max(b, 0); i < e && i < static_cast<int32_t>(s_.tokens.size()); ++i) {
    if (!t.empty()) t.push_back(' ');
    t.append(s_.Form(i));
  }
  return t;
}

// The words a multi-word verb form needs around its verb word (i) are there: "CARPET_-_+BOMB"
// matches "carpet - bomb", not "bomb".
bool VerbFormMatches(const VerbEntry& e, const uint32_t* words, int32_t n, int32_t i) {
  const auto nb = static_cast<int32_t>(e.before.size());
  for (int32_t k = 0; k < nb; ++k) {
    const int32_t t = i - nb + k;
    if (t < 0 || words[t] != e.before[k]) return false;
  }
  for (size_t k = 0; k < e.after.size(); ++k) {
    const int32_t t = i + 1 + static_cast<int32_t>(k);
    if (t >= n || words[t] != e.after[k]) return false;
  }
  return true;
}

bool SentenceCoder::FindVerb(int32_t i, std::vector<VerbCandidate>* found) const {
  found->clear();
  if (sc_.word[i] == kNoWord || !IsVerbToken(i)) return false;
  auto it = d_.verbs.find(sc_.word[i]);
  if (it == d_.verbs.end()) return false;
  const auto n = static_cast<int32_t>(sc_.n());
  size_t best_len = 0;
  for (const VerbEntry& e : it->second) {
    if (!VerbFormMatches(e, sc_.word.data(), n, i)) continue;
    const VerbCandidate vc{&e, i - static_cast<int32_t>(e.before.size()),
                           i + static_cast<int32_t>(e.after.size())};
    const size_t len = e.before.size() + e.after.size();
    if (len > best_len) {
      found->clear();
      best_len = len;
    }
    if (len == best_len) found->push_back(vc);
  }
  return !found->empty();
}

bool SentenceCoder::IsCounterfactual(int32_t verb) const {
  bool modal = false, have = false, condition = false;
  const bool adverbial = BaseRel(Rel(verb)) == "advcl";
  sc_.ForChildren(verb, [&](int32_t c) {
    // A condition: "threatened to strike Iranian sites if Tehran attacked Americans".
    if (adverbial && Rel(c) == "mark" && IsOneOf(sc_.Upper(c), {"IF", "UNLESS"})) condition = true;
    if (BaseRel(Rel(c)) != "aux") return;
    modal = modal || IsOneOf(sc_.Upper(c), {"WOULD", "COULD", "MIGHT", "SHOULD"});
    have = have || sc_.Upper(c) == "HAVE";
  });
  return (modal && have) || condition;
}

bool SentenceCoder::HasFutureAux(int32_t verb) const {
  bool future = false;
  sc_.ForChildren(verb, [&](int32_t c) {
    future = future || (BaseRel(Rel(c)) == "aux" &&
                        IsOneOf(sc_.Upper(c), {"WILL", "WOULD", "'LL", "SHALL", "WO"}));
  });
  return future;
}

bool SentenceCoder::IsNegated(int32_t verb) const {
  bool neg = false;
  // "has yet to hold a summit", "is yet to visit": not done.
  const int32_t h = Head(verb);
  if (Rel(verb) == "xcomp" && h >= 0 &&
      (IsOneOf(s_.Lemma(h), {"have", "be"}) ||
       IsOneOf(sc_.Upper(h), {"HAS", "HAVE", "HAD", "IS", "ARE", "WAS", "WERE"}))) {
    auto yet = [&](int32_t x) {
      bool y = false;
      sc_.ForChildren(
          x, [&](int32_t c) { y = y || (BaseRel(Rel(c)) == "advmod" && sc_.Upper(c) == "YET"); });
      return y;
    };
    if (yet(h) || yet(verb)) return true;
  }
  sc_.ForChildren(verb, [&](int32_t c) {
    const std::string_view r = Rel(c);
    if (r == "neg") neg = true;
    if ((r == "advmod" || r == "aux" || BaseRel(r) == "advmod") &&
        IsOneOf(sc_.Upper(c), {"NOT", "N'T", "NEVER"})) {
      neg = true;
    }
  });
  return neg;
}

bool SentenceCoder::IsReadiness(int32_t verb) const {
  const int32_t h = Head(verb);
  return Rel(verb) == "xcomp" && h >= 0 &&
         IsOneOf(sc_.Upper(h), {"READY", "WILLING", "PREPARED", "EAGER", "KEEN", "DETERMINED"});
}

bool SentenceCoder::HasCase(int32_t t, std::initializer_list<std::string_view> words) const {
  bool found = false;
  sc_.ForChildren(t, [&](int32_t c) {
    found = found || (Rel(c) == "case" && IsOneOf(sc_.Upper(c), words));
  });
  return found;
}

bool SentenceCoder::HasPredicative(int32_t v) const {
  bool found = false;
  sc_.ForChildren(v, [&](int32_t c) {
    const std::string_view u = s_.Upos(c);
    found = found || (Rel(c) == "xcomp" && (u == "ADJ" || u == "NOUN") && !HasToMark(c));
  });
  return found;
}

bool SentenceCoder::InPlacePhrase(int32_t t, int32_t v) const {
  bool place = false;
  for (int32_t steps = 0; t >= 0 && steps < 64; ++steps, t = Head(t)) {
    if (t == v) return place;
    const std::string_view b = BaseRel(Rel(t));
    place = place || ((b == "obl" || b == "nmod") && HasCase(t, {"IN", "AT"}));
  }
  return false;  // not below the verb
}

bool SentenceCoder::HasToMark(int32_t t) const {
  bool to = false;
  sc_.ForChildren(t, [&](int32_t c) { to = to || (Rel(c) == "mark" && sc_.Upper(c) == "TO"); });
  return to;
}

bool SentenceCoder::IsWaterName(int32_t t) const {
  return t >= 0 && t < static_cast<int32_t>(sc_.n()) && s_.Upos(t) == "PROPN" &&
         sc_.mention_at[t] < 0 &&
         IsOneOf(sc_.Upper(t), {"SEA", "GULF", "STRAIT", "STRAITS", "BAY", "OCEAN", "CHANNEL"});
}

bool SentenceCoder::OutsideVerbArguments(int32_t t, int32_t verb, bool settings) const {
  const auto n = static_cast<int32_t>(sc_.n());
  int32_t below = -1;  // the node before t on the climb
  for (int guard = 0; t >= 0 && t < n && t != verb && guard < n; ++guard, below = t, t = Head(t)) {
    const std::string_view r = Rel(t);
    const std::string_view b = BaseRel(r);
    if (r == "acl:relcl") return true;
    if ((b == "acl" || b == "advcl") && !HasToMark(t)) return true;
    // A purpose clause's object is its own verb's target: "sent a directive ... not to mind China".
    if (settings && b == "advcl") return true;
    if (!settings) continue;
    // On whose word, whatever the parse made of it ("according to state media" with "state"
    // tagged a verb, as an xcomp or with "according" under it).
    if (sc_.Upper(sc_.sub_lo[t]) == "ACCORDING") return true;
    // A sea, gulf or strait named after a country is a place: "held drills in the Sea of
    // Japan", "seized a tanker in the Gulf of Oman", "cooperation in the South China Sea".
    if (b == "compound" && IsWaterName(Head(t))) return true;
    if ((b != "obl" && b != "nmod") || r == "nmod:poss") continue;
    if (b == "nmod" && IsWaterName(Head(t)) && HasCase(t, {"OF"})) return true;
    // Where, on the verb itself ("met in Singapore"; but "war crimes in Syria" is a target);
    // when, on whose word, among whom, anywhere.
    const bool on_verb = Head(t) == verb;
    bool setting = false;
    sc_.ForChildren(t, [&](int32_t c) {
      if (Rel(c) != "case") return;
      const std::string_view w = sc_.Upper(c);
      setting = setting || (on_verb && IsOneOf(w, {"IN", "INSIDE", "WITHIN", "THROUGHOUT"})) ||
                IsOneOf(w, {"DURING", "ACCORDING", "AFTER", "BEFORE", "SINCE", "AMID", "AMIDST",
                            "DESPITE", "AMONG", "AMONGST", "VIA", "THROUGH", "INCLUDING", "LIKE",
                            "UNLIKE"});
    });
    // A seat of government after "in" or "at" is a place, unless a role noun governs it ("the
    // government in Kyiv"): "signed an agreement in Beijing" is not aimed at CHNGOV, nor "at
    // Tokyo summit" (the seat a compound of the phrase's noun) at JPNGOV.
    const int32_t seat = sc_.mention_at[t] >= 0                                       ? t
                         : below >= 0 && Rel(below) == "compound" && Head(below) == t ? below
                                                                                      : -1;
    if (!setting && !on_verb && seat >= 0 && sc_.mention_at[seat] >= 0 &&
        !sc_.mentions[sc_.mention_at[seat]].agent && s_.Upos(seat) == "PROPN") {
      const int32_t ht = Head(t);  // -1 only in a malformed given parse
      const int32_t hm = ht >= 0 && ht < n ? sc_.mention_at[ht] : -1;
      const bool in = HasCase(t, {"IN", "AT"});
      const std::string code = ActorCode(sc_.mentions[sc_.mention_at[seat]].index);
      setting =
          in && (hm < 0 || !sc_.mentions[hm].agent) && code.size() == 6 && EndsWith(code, "GOV");
    }
    // "pledged $500 million in military aid to Ukraine": the recipient of a sum or an aid is
    // an argument, though the phrase opens with "in".
    if (setting && on_verb && below >= 0 && s_.Upos(t) == "NOUN" && sc_.mention_at[t] < 0 &&
        BaseRel(Rel(below)) == "nmod" && HasCase(below, {"TO", "FOR"})) {
      setting = false;
    }
    if (setting) return true;
  }
  return false;
}

// The verb's complements after it: `lower` for pattern matching, `search` (lower plus
// reported clauses) for finding the target. Clauses with their own subject are left out,
// except reported speech (ccomp), which only the target search enters.
void SentenceCoder::CollectLower(int32_t verb, int32_t subj, const VerbCandidate& vc) {
  sc_.lower.clear();
  sc_.search.clear();
  sc_.ForChildren(verb, [&](int32_t c) {
    const std::string_view r = Rel(c);
    const std::string_view b = BaseRel(r);
    if (IsSubjectRel(r) || b == "aux" || b == "auxpass" || r == "cop" || r == "mark" ||
        r == "punct" || r == "cc" || r == "conj" || r == "parataxis" || r == "discourse" ||
        r == "vocative" || r == "neg" || r == "expl" || r == "nmod:tmod" || r == "obl:tmod" ||
        r == "appos") {
      return;
    }
    bool own_subject = false;
    sc_.ForChildren(c, [&](int32_t g) { own_subject = own_subject || IsSubjectRel(Rel(g)); });
    if (b == "advcl" && own_subject) return;  // "after a hafling was reported"
    const bool reported = r == "ccomp";
    for (int32_t t = sc_.sub_lo[c]; t <= sc_.sub_hi[c]; ++t) {
      if (t > verb && (t < vc.particle_lo || t > vc.particle_hi)) {
        sc_.search.push_back(t);
        if (!reported) sc_.lower.push_back(t);
      }
    }
  });
  for (std::vector<int32_t>* v : {&sc_.lower, &sc_.search}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
    const bool settings = v == &sc_.search;
    std::erase_if(*v, [&](int32_t t) {
      return Rel(t) == "punct" || (subj >= 0 && t >= sc_.sub_lo[subj] && t <= sc_.sub_hi[subj]) ||
             (opt_.strict_targets && OutsideVerbArguments(t, verb, settings));
    });
  }
}

void SentenceCoder::CollectUpper(int32_t subj) {
  sc_.upper.clear();
  if (subj < 0) return;
  for (int32_t t = sc_.sub_lo[subj]; t <= sc_.sub_hi[subj]; ++t) {
    const std::string_view r = Rel(t);
    if (r == "cc" || r == "cc:preconj" || r == "punct") continue;
    sc_.upper.push_back(t);
  }
}

bool SentenceCoder::WordMatches(int32_t tok, const CElem& e) const {
  if (e.word == kNoWord) return false;
  // The written form or its lemma ("resolutions" matches RESOLUTION); no stem prefixes, so
  // MEET does not match "meeting" (a noun whose lemma is "meeting").
  return sc_.word[tok] == e.word || sc_.lemma[tok] == e.word;
}

size_t SentenceCoder::MatchContiguous(const std::vector<CElem>& seq,
                                      const std::vector<int32_t>& toks, size_t p) const {
  size_t q = p;
  for (const CElem& e : seq) {
    if (e.kind == ElemKind::kWord) {
      if (q >= toks.size() || (q > p && toks[q] != toks[q - 1] + 1) || !WordMatches(toks[q], e))
        return 0;
      ++q;
    } else if (e.kind == ElemKind::kPrepPhrase || e.kind == ElemKind::kNounPhrase) {
      const size_t len = MatchContiguous(e.children, toks, q);
      if (len == 0) return 0;
      q += len;
    } else if (e.kind == ElemKind::kSynset) {
      const size_t len = MatchSynsetAt(e.synset, toks, q);
      if (len == 0) return 0;
      q += len;
    } else {
      return 0;
    }
  }
  return q - p;
}

size_t SentenceCoder::MatchSynsetAt(int32_t synset, const std::vector<int32_t>& toks,
                                    size_t p) const {
  if (synset < 0 || synset >= static_cast<int32_t>(d_.synsets.size())) return 0;
  size_t best = 0;
  for (const auto& alt : d_.synsets[synset]) best = std::max(best, MatchContiguous(alt, toks, p));
  return best;
}

int32_t SentenceCoder::NextMentionNP(const std::vector<int32_t>& toks, size_t from,
                                     size_t* after) const {
  for (size_t p = from; p < toks.size(); ++p) {
    const int32_t m = sc_.mention_at[toks[p]];
    if (m < 0) continue;
    const Mention& mm = sc_.mentions[m];
    size_t q = p;
    while (q < toks.size() && toks[q] < mm.end) ++q;
    *after = q;
    return sc_.chunk[MentionHeadToken(mm)];
  }
  return -1;
}

bool SentenceCoder::MatchElem(const CElem& e, const std::vector<int32_t>& toks, size_t* pos,
                              Bindings* b) const {
  switch (e.kind) {
    case ElemKind::kWord:
      for (size_t p = *pos; p < toks.size(); ++p) {
        if (WordMatches(toks[p], e)) {
          *pos = p + 1;
          ++b->tokens;
          return true;
        }
      }
      return false;
    case ElemKind::kSynset:
      for (size_t p = *pos; p < toks.size(); ++p) {
        if (const size_t len = MatchSynsetAt(e.synset, toks, p); len > 0) {
          *pos = p + len;
          b->tokens += static_cast<int>(len);
          return true;
        }
      }
      return false;
    case ElemKind::kNounPhrase: {
      if (e.children.empty()) return true;
      for (size_t p = *pos; p < toks.size(); ++p) {
        const size_t first = MatchOneAt(e.children[0], toks, p);
        if (first == 0) continue;
        const int32_t chunk = sc_.chunk[toks[p]];
        size_t cur = p + first;
        bool ok = true;
        for (size_t k = 1; k < e.children.size() && ok; ++k) {
          const bool last = k + 1 == e.children.size();
          ok = false;
          for (size_t r = cur; r < toks.size() && sc_.chunk[toks[r]] == chunk; ++r) {
            if (const size_t len = MatchOneAt(e.children[k], toks, r); len > 0) {
              cur = r + len;
              ok = true;
              break;
            }
            // Earlier modifiers may be separated by others ("new global economic relations"),
            // but the head noun and the modifier before it must be adjacent.
            if (last) break;
          }
        }
        if (ok) {
          b->tokens += static_cast<int>(cur - p);
          *pos = cur;
          return true;
        }
      }
      return false;
    }
    case ElemKind::kPrepPhrase: {
      if (e.children.empty()) return true;
      const CElem& prep = e.children[0];
      // "(TO +)" binds an actor after the preposition "to", not the object of an infinitive
      // ("telling envoys not to mind China").
      const bool binds_actor =
          std::any_of(e.children.begin() + 1, e.children.end(), [](const CElem& c) {
            return c.kind == ElemKind::kTarget || c.kind == ElemKind::kSource;
          });
      for (size_t p = *pos; p < toks.size(); ++p) {
        const int32_t t = toks[p];
        const bool prep_like = Rel(t) == "case" || Rel(t) == "mark" || Rel(t) == "compound:prt" ||
                               s_.Upos(t) == "ADP" || s_.Upos(t) == "PART" || s_.Upos(t) == "SCONJ";
        if (!prep_like || (binds_actor && Rel(t) == "mark" && IsVerbToken(Head(t)))) continue;
        size_t q = p;
        Bindings tmp = *b;
        if (prep.kind == ElemKind::kWord) {
          if (!WordMatches(t, prep)) continue;
          q = p + 1;
        } else if (!MatchElem(prep, toks, &q, &tmp) || q == p) {
          continue;
        }
        // The rest must lie inside the phrase the preposition introduces.
        const int32_t obj = (Rel(t) == "case" || Rel(t) == "mark") ? Head(t) : t;
        std::vector<int32_t> inner;
        for (size_t r = q; r < toks.size(); ++r) {
          if (obj >= 0 && toks[r] >= sc_.sub_lo[obj] && toks[r] <= sc_.sub_hi[obj])
            inner.push_back(toks[r]);
        }
        if (inner.empty() && obj >= 0 && obj > t && Rel(t) == "mark") inner.push_back(obj);
        size_t ip = 0;
        std::vector<CElem> rest(e.children.begin() + 1, e.children.end());
        if (!MatchElems(rest, inner, &ip, &tmp)) continue;
        *b = tmp;
        // Continue after what the phrase consumed (or right after the preposition).
        const int32_t last_tok = ip == 0 ? t : inner[ip - 1];
        size_t np = p + 1;
        while (np < toks.size() && toks[np] <= last_tok) ++np;
        *pos = np;
        return true;
      }
      return false;
    }
    case ElemKind::kSource:
    case ElemKind::kTarget: {
      size_t after = *pos;
      const int32_t np = NextMentionNP(toks, *pos, &after);
      if (np < 0) return false;
      (e.kind == ElemKind::kSource ? b->source_np : b->target_np) = np;
      *pos = after;
      return true;
    }
    case ElemKind::kSkip: {
      // Skip one noun chunk with its preposition: "(AT) ^ +" passes over "the Gondor".
      if (*pos >= toks.size()) return true;
      size_t p = *pos;
      int32_t chunk = sc_.chunk[toks[p]];
      if (Rel(toks[p]) == "case" || Rel(toks[p]) == "mark") chunk = sc_.chunk[Head(toks[p])];
      while (p < toks.size() &&
             (sc_.chunk[toks[p]] == chunk || (Rel(toks[p]) == "case" && Head(toks[p]) == chunk)))
        ++p;
      *pos = std::max(p, *pos + 1);
      return true;
    }
    case ElemKind::kCompound:
      b->compound = true;
      return true;
    case ElemKind::kVerb:
      return true;
  }
  return false;
}

bool SentenceCoder::MatchElems(const std::vector<CElem>& elems, const std::vector<int32_t>& toks,
                               size_t* pos, Bindings* b) const {
  for (const CElem& e : elems) {
    if (!MatchElem(e, toks, pos, b)) return false;
  }
  return true;
}

bool SentenceCoder::MatchPattern(const CPattern& p, const std::vector<Actor>& subj_actors,
                                 Bindings* b) const {
  *b = Bindings();
  size_t pos = 0;
  for (const CElem& e : p.pre) {
    if (e.kind == ElemKind::kTarget) {
      b->subject_is_target = true;
    } else if (e.kind == ElemKind::kCompound) {
      if (subj_actors.size() < 2) return false;
      b->compound = true;
    } else if (e.kind == ElemKind::kSource || e.kind == ElemKind::kSkip) {
      continue;
    } else if (!MatchElem(e, sc_.upper, &pos, b)) {
      return false;
    }
  }
  pos = 0;
  return MatchElems(p.post, sc_.lower, &pos, b);
}

// Force: assaults, fights, mass violence (CAMEO 18, 19, 20).
bool IsForceCode(std::string_view code) {
  return StartsWith(code, "18") || StartsWith(code, "19") || StartsWith(code, "20");
}

// Acts that conjoined actors do to each other ("Russia and North Korea signed a treaty"):
// cooperation, meetings (not visits: "Xi and Kim visited the tower"), truces ("India and
// Pakistan agreed to a ceasefire", "Israel and Hamas halted the fighting"), fighting.
bool IsMutualCode(std::string_view code) {
  if (code.size() < 3) return false;
  if (StartsWith(code, "0871") || code == "087") return true;
  const std::string_view root = code.substr(0, 2);
  if (root == "04") return !StartsWith(code, "042") && !StartsWith(code, "043");
  return root == "03" || root == "05" || root == "06" || root == "19";
}

// An actor acting on itself: equal codes, or with `prefixes`, one refining the other (KORGOV
// and KOR), unless the refinement is a party to a conflict with it: insurgents, rebels,
// opposition, separatists ("The PKK announced a ceasefire with Turkey": TURINSPKK and TUR).
// "---" parts are unknown, not equal.
bool SameActor(const std::string& a, const std::string& b, bool prefixes) {
  if (a == b) return true;
  if (!prefixes || StartsWith(a, "---") || StartsWith(b, "---")) return false;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  if (!StartsWith(longer, shorter)) return false;
  const std::string_view rest = std::string_view(longer).substr(shorter.size());
  return !(StartsWith(rest, "INS") || StartsWith(rest, "REB") || StartsWith(rest, "OPP") ||
           StartsWith(rest, "SEP"));
}

void SentenceCoder::Emit(const std::vector<Actor>& srcs, const std::vector<Actor>& tgts,
                         const std::string& code, const std::string& rev, int32_t verb,
                         const VerbCandidate& vc, const CPattern* pat, int line,
                         std::vector<Event>* out) const {
  auto make = [&](const Actor& s, const Actor* t, const std::string& c) {
    Event ev;
    ev.source = s.code;
    ev.target = t ? t->code : "---";
    ev.code = c;
    ev.verb_token = verb;
    ev.verb = SpanText(std::min(vc.particle_lo, verb), std::max(vc.particle_hi, verb) + 1);
    ev.pattern = pat ? pat->text : "[default]";
    ev.pattern_line = pat ? pat->line : line;
    ev.source_begin = s.begin;
    ev.source_end = s.end;
    ev.source_text = SpanText(s.begin, s.end);
    if (t) {
      ev.target_begin = t->begin;
      ev.target_end = t->end;
      ev.target_text = SpanText(t->begin, t->end);
    }
    for (const Event& x : *out) {
      if (x.source == ev.source && x.target == ev.target && x.code == ev.code &&
          x.verb_token == verb)
        return;
    }
    out->push_back(std::move(ev));
  };
  for (const Actor& s : srcs) {
    bool any = false;
    for (const Actor& t : tgts) {
      if (SameActor(s.code, t.code, opt_.drop_self_directed)) continue;
      if (opt_.drop_unknown_actors && (StartsWith(s.code, "---") || StartsWith(t.code, "---")))
        continue;
      any = true;
      if (!code.empty()) make(s, &t, code);
      if (!rev.empty()) make(t, &s, rev);
    }
    if (!any && allow_monads_ && tgts.empty() && !code.empty()) make(s, nullptr, code);
  }
}

void SentenceCoder::CodeVerbs(std::vector<Event>* out) {
  const auto n = static_cast<int32_t>(sc_.n());
  sc_.groups.clear();
  std::vector<VerbCandidate> cands;
  std::vector<Actor> subj_actors, sources, targets;
  for (int32_t v = 0; v < n; ++v) {
    if (!FindVerb(v, &cands)) continue;
    if (opt_.strict_targets && IsCounterfactual(v)) continue;
    bool passive = false;
    int32_t subj = -1;
    subj_actors.clear();
    ResolveSubject(v, &subj_actors, &passive, &subj);
    CollectLower(v, subj, cands[0]);
    if (opt_.strict_targets && passive && subj >= 0 && subj_actors.empty()) {
      // A passive subject that is no actor is what the patterns look for after the verb:
      // "Sanctions were imposed on Russia by the European Union" is "* &SANCTION".
      std::vector<int32_t>& lower = sc_.lower;
      std::vector<int32_t> object;
      for (int32_t t = sc_.sub_lo[subj]; t <= sc_.sub_hi[subj]; ++t) {
        if (Rel(t) != "punct") object.push_back(t);
      }
      lower.insert(lower.begin(), object.begin(), object.end());
    }
    CollectUpper(subj);

    // Best pattern over every block this verb belongs to.
    const CPattern* best = nullptr;
    const VerbCandidate* best_vc = &cands[0];
    Bindings bind, tmp;
    for (const VerbCandidate& vc : cands) {
      const CVerbBlock& blk = d_.blocks[vc.entry->block];
      for (const CPattern& p : blk.patterns) {
        if (best != nullptr && p.weight < best->weight) break;  // sorted by weight
        if (MatchPattern(p, subj_actors, &tmp) &&
            (best == nullptr || p.weight > best->weight || tmp.tokens > bind.tokens)) {
          best = &p;
          best_vc = &vc;
          bind = tmp;
        }
      }
    }
    std::string code, rev;
    int line = d_.blocks[best_vc->entry->block].line;
    if (best != nullptr) {
      code = best->code;
      rev = best->reverse_code;
    } else {
      bind = Bindings();
      const VerbEntry& e = *best_vc->entry;
      if (!e.code.empty()) {
        code = e.code == "-" ? std::string() : e.code;
        rev = e.reverse_code;
      } else {
        code = d_.blocks[e.block].code;
        rev = d_.blocks[e.block].reverse_code;
      }
    }
    if (code.empty() && rev.empty()) continue;
    // "called the plan naive", "called Japan's move a gamble": a judgement no pattern knew,
    // not a phone call (041, CALL's default), which has no predicative complement.
    if (opt_.strict_targets && code == "041" && HasPredicative(v)) continue;
    if (IsNegated(v)) {
      // "will not negotiate", "would not release": a refusal (news settings); else PETRARCH's
      // negation ("did not clash": cooperation).
      const bool refusal = opt_.strict_targets && HasFutureAux(v);
      auto negate = [&](const std::string& c) {
        if (c.empty()) return c;
        if (refusal) {
          if (std::string r = RefusalEventCode(c); !r.empty()) return r;
        }
        return NegateEventCode(c);
      };
      code = negate(code);
      rev = negate(rev);
      if (code.empty() && rev.empty()) continue;
    }
    if (opt_.strict_targets && IsReadiness(v)) {
      // "Brazil was ready to mediate", "Iran is prepared to attack Israel": an intent (or a
      // threat), not the act.
      code = code.empty() ? code : IntentEventCode(code);
      rev = rev.empty() ? rev : IntentEventCode(rev);
    }

    // Roles.
    sources.clear();
    targets.clear();
    if (bind.compound) {
      const size_t before = out->size();
      for (size_t a = 0; a < subj_actors.size(); ++a) {
        std::vector<Actor> one{subj_actors[a]};
        Emit(one, subj_actors, code, std::string(), v, *best_vc, best, line, out);
      }
      sc_.groups.push_back({v, before, out->size(), code, best ? best->weight : -1});
      continue;
    }
    // Roles: a pattern's $ or + overrides the defaults; a $ after the verb makes the subject
    // the target ("hosting ... to celebrate Tabaski ^ $").
    if (bind.source_np >= 0) {
      ResolveNP(bind.source_np, &sources);
      targets = subj_actors;
    } else if (bind.subject_is_target || passive) {
      targets = subj_actors;
    } else {
      sources = subj_actors;
    }
    int32_t target_np = bind.target_np;  // the phrase the targets came from
    if (bind.target_np >= 0) {
      targets.clear();
      ResolveNP(bind.target_np, &targets);
    }
    // Conjoined sources with no target may act on each other (see below).
    bool may_be_mutual = false, reciprocal = false;
    if (passive && bind.source_np < 0 && !bind.subject_is_target) {
      // Passive: the agent is the "by" phrase, else the first actor in an oblique.
      int32_t agent = -1, oblique = -1;
      sc_.ForChildren(v, [&](int32_t c) {
        const std::string_view b = BaseRel(Rel(c));
        if (b != "nmod" && b != "obl") return;
        const bool by = HasCase(c, {"BY"});
        for (int32_t t = sc_.sub_lo[c]; t <= sc_.sub_hi[c] && oblique < 0; ++t) {
          if (t != v && sc_.mention_at[t] >= 0 && !sc_.mentions[sc_.mention_at[t]].agent) {
            oblique = sc_.chunk[MentionHeadToken(sc_.mentions[sc_.mention_at[t]])];
          }
        }
        if (by && agent < 0) agent = c;
      });
      ResolveNP(agent >= 0 ? agent : oblique, &sources);
      // "killed by fire from NATO helicopters": an agent that is no actor names its source
      // with "from".
      if (sources.empty() && agent >= 0) {
        sc_.ForChildren(agent, [&](int32_t c) {
          if (sources.empty() && BaseRel(Rel(c)) == "nmod" && HasCase(c, {"FROM"})) {
            ResolveNP(c, &sources);
          }
        });
      }
      if (opt_.strict_targets && targets.empty() && agent >= 0) {
        // With an agent and no actor as the subject, another oblique's actor is the target:
        // "Sanctions were imposed on Russia by the European Union".
        int32_t other = -1;
        sc_.ForChildren(v, [&](int32_t c) {
          const std::string_view b = BaseRel(Rel(c));
          if (other >= 0 || c == agent || (b != "nmod" && b != "obl")) return;
          for (int32_t t = sc_.sub_lo[c]; t <= sc_.sub_hi[c] && other < 0; ++t) {
            if (sc_.mention_at[t] >= 0 && !sc_.mentions[sc_.mention_at[t]].agent &&
                !OutsideVerbArguments(t, v, true)) {
              other = sc_.chunk[MentionHeadToken(sc_.mentions[sc_.mention_at[t]])];
            }
          }
        });
        ResolveNP(other, &targets);
        // "A treaty was signed by Russia and North Korea"; but "the town was shelled by
        // Russia and Belarus" is no fight between them, nor "a ceasefire brokered by Egypt and
        // Qatar" a mediation between them: only agreements and cooperation.
        may_be_mutual = StartsWith(code, "03") || StartsWith(code, "05") ||
                        StartsWith(code, "06") || StartsWith(code, "0871");
      }
    } else if (targets.empty() && bind.target_np < 0 && !bind.subject_is_target) {
      // A name no dictionary knows as the object is the target, unknown: "Putin thanked Kim
      // for his support in the Ukraine war" is not aimed at Ukraine.
      bool unknown_object = false;
      if (opt_.strict_targets) {
        sc_.ForChildren(v, [&](int32_t c) {
          if (Rel(c) != "obj" || s_.Upos(c) != "PROPN") return;
          bool known = false;
          for (int32_t t = sc_.sub_lo[c]; t <= sc_.sub_hi[c] && !known; ++t) {
            known = sc_.mention_at[t] >= 0;
          }
          unknown_object = unknown_object || !known;
        });
      }
      size_t after = 0;
      int32_t passed = -1;  // a phrase passed over, whose own modifiers are no target
      for (size_t from = 0; from < sc_.search.size() && targets.empty() && !unknown_object;) {
        const int32_t np = NextMentionNP(sc_.search, from, &after);
        if (np < 0) break;
        from = after;
        if (passed >= 0 && sc_.sub_lo[passed] <= np && np <= sc_.sub_hi[passed]) continue;
        // Where conjoined actors act together is no party to the act: "Israel and Hezbollah
        // began observing a ceasefire in Lebanon", "A and B signed a declaration at the White
        // House", "... in the presence of China's top diplomat".
        if (opt_.strict_targets && sources.size() >= 2 && IsMutualCode(code) &&
            InPlacePhrase(np, v)) {
          passed = np;
          continue;
        }
        ResolveNP(np, &targets);
        target_np = np;
        // A role with no country ("shared intelligence with Tokyo", where "intelligence" is
        // an agent word) is no target the news settings keep: look on, past its phrase ("the
        // attack on peacekeepers in Lebanon" is not aimed at Lebanon).
        if (opt_.strict_targets && opt_.drop_unknown_actors && !targets.empty() &&
            std::all_of(targets.begin(), targets.end(),
                        [](const Actor& a) { return StartsWith(a.code, "---"); })) {
          targets.clear();
          target_np = -1;
          passed = np;
        }
      }
      // Force used in a country is used against it: "Pakistan bombed hideouts in Afghanistan"
      // (where "met in Singapore" names only a place).
      if (opt_.strict_targets && targets.empty() && !unknown_object &&
          IsForceCode(code)) {
        sc_.ForChildren(v, [&](int32_t c) {
          if (!targets.empty() || BaseRel(Rel(c)) != "obl" || !HasCase(c, {"IN", "INSIDE"})) return;
          // The country itself, or its part: "in Afghanistan's Khost and Paktika provinces".
          int32_t place = sc_.mention_at[c] >= 0 ? c : -1;
          if (place < 0) {
            sc_.ForChildren(c, [&](int32_t o) {
              if (Rel(o) == "nmod:poss" && sc_.mention_at[o] >= 0) place = o;
            });
          }
          if (place < 0) return;
          const Mention& m = sc_.mentions[sc_.mention_at[place]];
          if (!m.agent && ActorCode(m.index).size() == 3) ResolveNP(place, &targets);
        });
      }
      // Conjoined subjects found again ("Kishida and Yoon agreed to resume visits between
      // their leaders": "their" resolved to the first of them) act on each other.
      if (opt_.strict_targets && sources.size() >= 2 && !targets.empty() &&
          std::all_of(targets.begin(), targets.end(), [&](const Actor& t) {
            return std::any_of(sources.begin(), sources.end(),
                               [&](const Actor& a) { return SameActor(a.code, t.code, true); });
          })) {
        targets.clear();
      }
      // Exchanging or trading something is mutual whatever it is: "Seoul and Moscow traded
      // accusations" (112, which "Russia and China accused the US" is not).
      reciprocal = best != nullptr && IsOneOf(s_.Lemma(v), {"exchange", "trade", "swap"});
      may_be_mutual = true;
    }
    // "China recalled its ambassador to Lithuania": when the phrase's owner is the source
    // itself, the actor named with "to", "from" or "with", in the phrase or on the verb, is the
    // target.
    if (opt_.strict_targets && target_np >= 0 && !targets.empty() &&
        std::all_of(targets.begin(), targets.end(), [&](const Actor& t) {
          return std::any_of(sources.begin(), sources.end(),
                             [&](const Actor& a) { return SameActor(a.code, t.code, true); });
        })) {
      int32_t to = -1;
      auto consider = [&](int32_t t, std::string_view rel) {
        if (to < 0 && BaseRel(Rel(t)) == rel && sc_.mention_at[t] >= 0 &&
            !sc_.mentions[sc_.mention_at[t]].agent && HasCase(t, {"TO", "FROM", "WITH"})) {
          to = t;
        }
      };
      sc_.ForChildren(target_np, [&](int32_t t) { consider(t, "nmod"); });
      sc_.ForChildren(v, [&](int32_t t) {
        if (t > target_np) consider(t, "obl");
      });
      if (to >= 0) {
        targets.clear();
        ResolveNP(to, &targets);
      }
    }
    if (may_be_mutual && targets.empty() && sources.size() >= 2 &&
        (!opt_.strict_targets || IsMutualCode(code) || reciprocal)) {
      // "Russia and North Korea signed a treaty": conjoined actors act on each other.
      const size_t before = out->size();
      for (const Actor& a : sources)
        Emit({a}, sources, code, std::string(), v, *best_vc, best, line, out);
      sc_.groups.push_back({v, before, out->size(), code, best ? best->weight : -1});
      continue;
    }
    const size_t before = out->size();
    Emit(sources, targets, code, rev, v, *best_vc, best, line, out);
    // Verbs without events stay as groups: an embedded clause may complete them.
    sc_.groups.push_back({v, before, out->size(), code, best ? best->weight : -1});
  }
  MergeEmbedded(out);
}

// Events of a verb and of the clause it governs describe one act. "A noted that B regretted"
// is A's statement carrying B's act (PETRARCH's code algebra combines them); for a controlled
// infinitive ("urged X to respond", "hosting Y to celebrate Tabaski") the more specific
// pattern match of the two stands and the other is dropped, except that with strict_targets
// a threat or a promise carries the act it announces: "threatened at the UN to destroy North
// Korea" is a threat against North Korea.
void SentenceCoder::MergeEmbedded(std::vector<Event>* out) {
  if (sc_.groups.size() < 2) return;
  std::vector<bool> drop(out->size(), false);
  auto drop_group = [&](const VerbGroup& g) {
    for (size_t k = g.first_event; k < g.end_event; ++k) drop[k] = true;
  };
  auto announces = [&](const VerbGroup& g) {
    return opt_.strict_targets && (StartsWith(g.code, "03") || StartsWith(g.code, "13"));
  };
  // An appeal or demand made to no actor: the act it asks for is someone else's, not its
  // source's. "called on the international community to lift sanctions on Eritrea" is an
  // appeal about Eritrea (0254), not Somalia easing sanctions (085).
  auto asks = [&](const VerbGroup& g) {
    return opt_.strict_targets && g.first_event == g.end_event &&
           (StartsWith(g.code, "02") || StartsWith(g.code, "10"));
  };
  auto controlled = [&](int32_t t) {
    if (Rel(t) == "xcomp") return true;
    // "threatened ... to destroy" parsed as a conjunct is still a controlled infinitive.
    if (opt_.strict_targets && Rel(t) == "conj" && HasToMark(t)) return true;
    if (BaseRel(Rel(t)) != "advcl") return false;
    bool to = false;
    sc_.ForChildren(t, [&](int32_t c) { to = to || (Rel(c) == "mark" && sc_.Upper(c) == "TO"); });
    return to;
  };
  for (const VerbGroup& inner : sc_.groups) {
    const bool reported = Rel(inner.token) == "ccomp";
    if (!reported && !controlled(inner.token)) continue;
    // The governing verb group, climbing through uncoded verbs and non-verbs ("is about to
    // restore", "to be allowed to leave").
    const VerbGroup* outer = nullptr;
    int32_t t = inner.token;
    for (int guard = 0; guard < 4 && outer == nullptr; ++guard) {
      if (guard > 0 && Rel(t) != "ccomp" && !controlled(t)) break;
      t = Head(t);
      if (t < 0) break;
      for (const VerbGroup& g : sc_.groups) {
        // A verb without events governs only as a threat, a promise or an appeal (above).
        if (g.token == t && (g.first_event < g.end_event || announces(g) || asks(g))) outer = &g;
      }
    }
    if (outer == nullptr) continue;
    // An appeal or demand to an actor carries the act it asks for, which has not happened:
    // "Kurti demanded that Serbia release three officers" is a demand for their release
    // (1053), not Serbia releasing them.
    if (opt_.strict_targets && outer->first_event < outer->end_event &&
        (StartsWith(outer->code, "02") || StartsWith(outer->code, "10"))) {
      const std::string code = AskedEventCode(outer->code, inner.code);
      for (size_t k = outer->first_event; k < outer->end_event; ++k) (*out)[k].code = code;
      drop_group(inner);
      continue;
    }
    if (inner.first_event == inner.end_event) continue;
    if (!reported && (announces(*outer) || asks(*outer))) {
      std::string code = asks(*outer) ? AskedEventCode(outer->code, inner.code) : outer->code;
      // Agreeing or pledging to do something hostile is deciding it, and CAMEO's intents
      // (03) are all cooperative: "EU governments agreed to freeze funding for Hungary" is the
      // freeze (1621), not an intent to give aid (the agreement's own pattern on "funding");
      // to use force, a threat (138).
      const bool hostile =
          !inner.code.empty() && (inner.code[0] == '1' || StartsWith(inner.code, "20"));
      if (StartsWith(outer->code, "03") && hostile) code = IntentEventCode(inner.code);
      // Promising to yield or de-escalate is an intent to, even when the promise's own
      // pattern found the attacks being stopped: "Hamas pledged to stop rocket attacks" was
      // a threat of force (138).
      if ((StartsWith(outer->code, "03") || StartsWith(outer->code, "13")) &&
          StartsWith(inner.code, "08")) {
        code = IntentEventCode(inner.code);
      }
      // A threat to use force is a threat of force, whatever else the threat's own pattern
      // matched ("threatened to strike Iranian sites": not the strike of &PROTEST_N, 133).
      if (StartsWith(outer->code, "13") && !StartsWith(outer->code, "138") &&
          IsForceCode(inner.code))
        code = IntentEventCode(inner.code);
      for (size_t k = inner.first_event; k < inner.end_event; ++k) (*out)[k].code = code;
      drop_group(*outer);
      continue;
    }
    if (outer->first_event == outer->end_event) continue;
    // A denial's act did not happen by its source's account: "Iran denied sending weapons to
    // Russia" is Iran's denial (016), not a delivery, however specific the act's pattern.
    // (News settings; PETRARCH keeps the more specific of the two.)
    if (opt_.strict_targets && StartsWith(outer->code, "016")) {
      drop_group(inner);
      continue;
    }
    if (reported) {
      if (!StartsWith(outer->code, "01")) continue;
      // A statement with no target ("Arnor and Gondor welcome ..., the news agency said":
      // the report comes before the verb, whose target search does not reach it) carries no
      // act; the reported events stand on their own, as with the report parsed as a conjunct.
      bool targeted = false;
      for (size_t k = outer->first_event; k < outer->end_event; ++k) {
        targeted = targeted || (*out)[k].target_begin >= 0;
      }
      if (!targeted) continue;
      const std::string combined = CombineEventCodes(outer->code, inner.code);
      for (size_t k = outer->first_event; k < outer->end_event; ++k) (*out)[k].code = combined;
      drop_group(inner);
    } else {
      drop_group(inner.weight > outer->weight ? *outer : inner);
    }
  }
  size_t w = 0;
  for (size_t k = 0; k < out->size(); ++k) {
    if (!drop[k]) {
      if (w != k) (*out)[w] = std::move((*out)[k]);
      ++w;
    }
  }
  out->resize(w);
}

}  // namespace

Coder::Coder(std::unique_ptr<CompiledDictionaries> dict, const CoderOptions& options)
    : dict_(std::move(dict)), options_(options) {}
Coder::~Coder() = default;

Result<std::unique_ptr<Coder>> Coder::Create(const DictionarySet& dicts,
                                             const CoderOptions& options, Diagnostics* diags) {
  if (dicts.verbs.blocks.empty())
    return Status::InvalidArgument("no verb dictionary loaded: give --verbs or --dict-dir");
  auto compiled = std::make_unique<CompiledDictionaries>();
  CompileDictionaries(dicts, diags, compiled.get());
  return std::unique_ptr<Coder>(new Coder(std::move(compiled), options));
}

ScratchPtr Coder::NewScratch() const { return ScratchPtr(new CoderScratch()); }

Coder::Outcome Coder::CodeSentence(const Sentence& sentence, CoderScratch* scratch,
                                   std::vector<Event>* out) const {
  if (!sentence.has_parse || sentence.tokens.empty()) return Outcome::kUnparsed;
  scratch->s = &sentence;
  scratch->date = sentence.date != kNoDate ? sentence.date : options_.undated_as_of;
  const bool monads = options_.honor_record_config
                          ? (options_.allow_monads || !sentence.require_dyad)
                          : options_.allow_monads;
  SentenceCoder sc(*dict_, scratch, options_, monads);
  sc.Prepare();
  if (sc.Discarded(true)) return Outcome::kStoryDiscarded;
  if (sc.Discarded(false)) return Outcome::kDiscarded;
  sc.CodeVerbs(out);
  sc.RememberForDocument();
  return Outcome::kCoded;
}

void Coder::CodeDocument(const Document& doc, CoderScratch* scratch, DocumentEvents* out) const {
  out->events.resize(doc.sentences.size());
  out->story_discarded = false;
  out->coded = 0;
  out->unparsed = doc.sentences.empty() && !doc.text.empty() ? 1 : 0;
  scratch->ResetDocument();
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    out->events[i].clear();
    switch (CodeSentence(doc.sentences[i], scratch, &out->events[i])) {
      case Outcome::kUnparsed: ++out->unparsed; break;
      case Outcome::kStoryDiscarded: out->story_discarded = true; [[fallthrough]];
      default: ++out->coded; break;
    }
  }
  if (out->story_discarded) {
    for (auto& e : out->events) e.clear();
  }
}

namespace {

std::string RestrictionText(const CodeRestriction& r) {
  switch (r.kind) {
    case CodeRestriction::Kind::kAlways: return r.code;
    case CodeRestriction::Kind::kBefore: return r.code + " <" + FormatDate(r.to);
    case CodeRestriction::Kind::kAfter: return r.code + " >" + FormatDate(r.from);
    case CodeRestriction::Kind::kRange:
      return r.code + " " + FormatDate(r.from) + ".." + FormatDate(r.to);
  }
  return r.code;
}

}  // namespace

std::vector<Coder::LookupHit> Coder::Lookup(const Sentence& sentence, Date date) const {
  const CompiledDictionaries& d = *dict_;
  const auto n = static_cast<int32_t>(sentence.tokens.size());
  std::vector<uint32_t> ids(n);
  for (int32_t i = 0; i < n; ++i) ids[i] = d.words.Find(ToUpperAscii(sentence.Form(i)));
  std::vector<LookupHit> hits;
  auto where = [](const std::string& file, int line) { return file + ":" + std::to_string(line); };
  for (int32_t i = 0; i < n; ++i) {
    int32_t payload = -1;
    if (size_t len = d.actor_trie.LongestMatch(ids.data() + i, n - i, &payload); len > 0) {
      const CActor& a = d.actors[payload];
      LookupHit h{LookupHit::Kind::kActor, i, i + static_cast<int32_t>(len), {}, {}, {}};
      const CodeRestriction* fallback = nullptr;
      for (const CodeRestriction& r : a.codes) {
        if (!h.detail.empty()) h.detail += ", ";
        h.detail += RestrictionText(r);
        if (r.kind == CodeRestriction::Kind::kAlways) {
          if (fallback == nullptr) fallback = &r;
        } else if (h.code.empty() && r.IsActive(date)) {
          h.code = r.code;
        }
      }
      if (h.code.empty() && fallback != nullptr) h.code = fallback->code;
      h.source = where(a.file < d.actor_files.size() ? d.actor_files[a.file] : "actors", a.line);
      hits.push_back(std::move(h));
    }
    if (size_t len = d.agent_trie.LongestMatch(ids.data() + i, n - i, &payload); len > 0) {
      const CAgent& a = d.agents[payload];
      hits.push_back({LookupHit::Kind::kAgent, i, i + static_cast<int32_t>(len),
                      a.prefix ? a.code + "~" : "~" + a.code, where(d.agent_file, a.line), {}});
    }
    if (size_t len = d.discard_trie.LongestMatch(ids.data() + i, n - i, &payload); len > 0) {
      hits.push_back({LookupHit::Kind::kDiscard,
                      i,
                      i + static_cast<int32_t>(len),
                      payload == 1 ? "story" : "sentence",
                      {},
                      {}});
    }
    if (ids[i] == kNoWord) continue;
    auto it = d.verbs.find(ids[i]);
    if (it == d.verbs.end()) continue;
    for (const VerbEntry& e : it->second) {
      if (!VerbFormMatches(e, ids.data(), n, i)) continue;
      const CVerbBlock& b = d.blocks[e.block];
      std::string code = e.code.empty() ? b.code : (e.code == "-" ? std::string("---") : e.code);
      if (code.empty()) code = "---";
      const std::string& rev = e.code.empty() ? b.reverse_code : e.reverse_code;
      if (!rev.empty()) code += ":" + rev;
      hits.push_back({LookupHit::Kind::kVerb, i - static_cast<int32_t>(e.before.size()),
                      i + 1 + static_cast<int32_t>(e.after.size()), code,
                      where(d.verb_file, b.line),
                      b.name + ", " + std::to_string(b.patterns.size()) + " patterns"});
    }
  }
  return hits;
}

}  // namespace thaw
