// Penn Treebank -> Universal Dependencies, in four iterative steps (input trees can be
// arbitrarily deep, so nothing here recurses):
//   1. Parse the brackets into a node array in pre-order; drop empty elements (-NONE-) and
//      the constituents left without words; strip function tags (NP-SBJ-1 -> NP).
//   2. Two restructurings the head rules cannot express: a reporting clause after the
//      clause it reports ("X will attack, the minister said.") is wrapped into a clause of its
//      own so that it becomes a parataxis dependent, as in UD and in CoreNLP's output; and
//      coordinated premodifiers of one noun ("the Arnor and Gondor governments") are grouped
//      into an NML so that the noun, not the second conjunct, heads the phrase.
//   3. A top-down pass marks verb phrases whose clause has an expletive subject ("there is
//      a problem": "be" stays the head, "problem" is its nsubj).
//   4. Bottom-up (reverse pre-order): each constituent chooses a head child by head rules,
//      and the head word of every other child is attached to the constituent's head word
//      with a relation chosen from the configuration (parent category, child category,
//      position, a few closed-class words). Coordinations are split into conjuncts first;
//      each conjunct gets its own head, the first conjunct heads the whole.
//
// The head rules follow Collins (1999) as modified in Stanford CoreNLP's ModCollinsHeadFinder
// and SemanticHeadFinder, changed for UD's content heads: a VP whose verb is an auxiliary
// (be/have/do/modal/to, or get + participle) is headed by its VP complement; a VP of "be"
// with a nominal, adjectival or prepositional predicate is headed by the predicate (cop);
// a PP is headed by its complement (the preposition is case, or mark before a clause); an
// SBAR by its clause; a possessive NP by the possessor, not by 's.
#include "nlp/ptb.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "base/strings.h"

namespace thaw {
namespace {

bool In(std::string_view s, std::initializer_list<std::string_view> set) {
  for (std::string_view x : set) {
    if (s == x) return true;
  }
  return false;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ---- Tags and words. ----

bool IsPunctTag(std::string_view t) {
  return In(t, {",", ".", ":", "``", "''", "-LRB-", "-RRB-", "-LCB-", "-RCB-", "-LSB-", "-RSB-",
                "HYPH", "NFP", "(", ")", "\""});
}
bool IsVerbTag(std::string_view t) {
  return In(t, {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"});
}
// Verbs plus infinitival "to" and the AUX tags of some older treebanks.
bool IsVerbishTag(std::string_view t) { return IsVerbTag(t) || In(t, {"TO", "AUX", "AUXG"}); }
bool IsNounTag(std::string_view t) { return In(t, {"NN", "NNS", "NNP", "NNPS"}); }
bool IsNominalTag(std::string_view t) {
  return IsNounTag(t) || In(t, {"PRP", "CD", "WP", "EX", "FW", "$", "DT", "WDT", "NML"});
}
bool IsAdjTag(std::string_view t) { return In(t, {"JJ", "JJR", "JJS", "AFX"}); }
bool IsAdvTag(std::string_view t) { return In(t, {"RB", "RBR", "RBS", "WRB"}); }
// Words that can head a PP's first position.
bool IsPrepTag(std::string_view t) { return In(t, {"IN", "TO", "RP", "VBG", "VBN", "FW", "JJ"}); }

bool IsBe(std::string_view w) {
  return In(w, {"be", "is", "are", "was", "were", "am", "been", "being", "'s", "'re", "'m", "ai"});
}
bool IsHave(std::string_view w) { return In(w, {"have", "has", "had", "having", "'ve", "'d"}); }
bool IsDo(std::string_view w) { return In(w, {"do", "does", "did"}); }
bool IsGet(std::string_view w) { return In(w, {"get", "gets", "got", "gotten", "getting"}); }

bool IsSubjectRel(std::string_view r) { return In(r, {"nsubj", "nsubj:pass", "csubj", "expl"}); }

// Complementizers that make an SBAR an adverbial clause rather than a complement.
bool IsAdverbialComplementizer(std::string_view w) {
  return In(w, {"because", "after",    "before",   "although", "though",  "while", "whilst",
                "whereas", "since",    "unless",   "until",    "till",    "as",    "once",
                "so",      "lest",     "if",       "than",     "upon",    "in",    "when",
                "where",   "whenever", "wherever", "even",     "despite", "like"});
}

// Heads of bare temporal noun phrases ("Saturday", "last week", "five years").
bool IsDayWord(std::string_view w) {
  return In(w, {"today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday",
                "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays", "wednesdays",
                "thursdays", "fridays", "saturdays", "sundays"});
}
bool IsPeriodWord(std::string_view w) {
  return In(w, {"week",    "weeks",   "month",    "months",    "year",       "years",   "day",
                "days",    "morning", "mornings", "afternoon", "afternoons", "evening", "evenings",
                "night",   "nights",  "weekend",  "weekends",  "hour",       "hours",   "minute",
                "minutes", "decade",  "decades",  "century",   "centuries",  "time",    "times",
                "quarter", "season",  "spring",   "summer",    "autumn",     "winter",  "fall"});
}
bool IsPeriodModifier(std::string_view w) {
  return In(w, {"last",      "next",    "this",   "that",    "each",   "every", "previous",
                "following", "earlier", "later",  "same",    "recent", "past",  "coming",
                "whole",     "entire",  "all",    "several", "few",    "many",  "some",
                "other",     "first",   "second", "third",   "final",  "late",  "early"});
}

// ---- Categories. ----

// clang-format off
enum Cat : uint8_t {
  kLeaf, kOther, kRoot, kS, kSinv, kSq, kSbarq, kSbar, kVp, kNp, kNml, kNx, kNac, kWhnp, kPp,
  kWhpp, kAdjp, kWhadjp, kAdvp, kWhadvp, kQp, kPrt, kConjp, kUcp, kPrn, kFrag, kIntj, kRrc,
  kLst, kX
};
// clang-format on

Cat CatOf(std::string_view label) {
  struct Entry {
    std::string_view label;
    Cat cat;
  };
  static constexpr Entry kTable[] = {
      {"ROOT", kRoot},   {"TOP", kRoot},  {"S", kS},           {"SINV", kSinv}, {"SQ", kSq},
      {"SBARQ", kSbarq}, {"SBAR", kSbar}, {"VP", kVp},         {"NP", kNp},     {"NML", kNml},
      {"NX", kNx},       {"NAC", kNac},   {"WHNP", kWhnp},     {"PP", kPp},     {"WHPP", kWhpp},
      {"ADJP", kAdjp},   {"JJP", kAdjp},  {"WHADJP", kWhadjp}, {"ADVP", kAdvp}, {"WHADVP", kWhadvp},
      {"QP", kQp},       {"PRT", kPrt},   {"CONJP", kConjp},   {"UCP", kUcp},   {"PRN", kPrn},
      {"FRAG", kFrag},   {"INTJ", kIntj}, {"RRC", kRrc},       {"LST", kLst},   {"X", kX}};
  for (const Entry& e : kTable) {
    if (e.label == label) return e.cat;
  }
  return kOther;
}

bool IsNounCat(Cat c) { return c == kNp || c == kNml || c == kNx || c == kNac || c == kWhnp; }
bool IsClauseCat(Cat c) { return c == kS || c == kSinv || c == kSq || c == kSbarq; }

struct Node {
  std::string_view label;  // category without function tags, or the POS tag of a leaf
  std::string_view word;   // leaves only, as written
  Cat cat = kOther;
  bool leaf = false;
  bool alive = true;
  bool temporal_tag = false;  // -TMP function tag
  int32_t parent = -1;
  int32_t token = -1;  // leaves: token index
  std::vector<int32_t> kids;
  // Filled bottom-up.
  int32_t head = -1;              // head token
  int32_t head_kid = -1;          // position in kids
  int32_t first = -1, last = -1;  // token span
  int32_t subject = -1;           // clauses: the token attached as nsubj / nsubj:pass
  int32_t marker = -1;            // PP: the preposition; SBAR: the complementizer or first WH word
  bool wh = false;                // SBAR introduced by a WH phrase
  bool finite = false;            // clause or VP with a tensed verb or modal
  bool clausal = false;           // S, SBAR, VP, or a PP/PRN/UCP headed by one
  bool expletive = false;         // VP whose clause has "there" as subject (top-down)
};

struct Tok {
  std::string form;
  std::string lower;
  std::string_view xpos;
  std::string_view rel;
  int32_t head = -1;
  int32_t subjects = 0;   // dependents attached with a subject relation
  int32_t aux_pass = 0;   // dependents attached as aux:pass
  int32_t last_aux = -1;  // the rightmost aux / aux:pass dependent before the token
};

std::string Excerpt(std::string_view in, size_t pos) {
  std::string out;
  for (size_t i = pos; i < in.size() && out.size() < 24; ++i) out += IsSpace(in[i]) ? ' ' : in[i];
  return out;
}

Status TreeError(std::string_view what, std::string_view in, size_t pos,
                 std::string_view hint = {}) {
  std::string msg = "PTB tree: " + std::string(what) + " at byte " + std::to_string(pos);
  if (pos < in.size()) msg += " (near '" + Excerpt(in, pos) + "')";
  if (!hint.empty()) msg += "; " + std::string(hint);
  return Status::InvalidArgument(std::move(msg));
}

std::string Unescape(std::string_view w) {
  if (w == "-LRB-") return "(";
  if (w == "-RRB-") return ")";
  if (w == "-LCB-") return "{";
  if (w == "-RCB-") return "}";
  if (w == "-LSB-") return "[";
  if (w == "-RSB-") return "]";
  // CoreNLP's PTB normalisation turns " into `` and ''; news text has the plain quote.
  if (w == "``" || w == "''") return "\"";
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == '\\' && i + 1 < w.size() && (w[i + 1] == '/' || w[i + 1] == '*')) continue;
    out += w[i];
  }
  return out;
}

// ---- The lemmatizer: closed-class and frequent irregular words, regular plurals. ----

struct LemmaEntry {
  std::string_view form, lemma;
};

// clang-format off
constexpr LemmaEntry kIrregularVerbs[] = {
    {"said", "say"}, {"told", "tell"}, {"met", "meet"}, {"held", "hold"}, {"made", "make"},
    {"took", "take"}, {"taken", "take"}, {"gave", "give"}, {"given", "give"}, {"went", "go"},
    {"gone", "go"}, {"goes", "go"}, {"came", "come"}, {"sent", "send"}, {"led", "lead"},
    {"left", "leave"}, {"fought", "fight"}, {"struck", "strike"}, {"won", "win"},
    {"brought", "bring"}, {"began", "begin"}, {"begun", "begin"}, {"broke", "break"},
    {"broken", "break"}, {"threw", "throw"}, {"thrown", "throw"}, {"kept", "keep"},
    {"saw", "see"}, {"seen", "see"}, {"knew", "know"}, {"known", "know"}, {"found", "find"},
    {"sought", "seek"}, {"spoke", "speak"}, {"spoken", "speak"}, {"stood", "stand"},
    {"shot", "shoot"}, {"felt", "feel"}, {"heard", "hear"}, {"paid", "pay"}, {"built", "build"},
    {"became", "become"}, {"ran", "run"}, {"fell", "fall"}, {"fallen", "fall"}, {"rose", "rise"},
    {"risen", "rise"}, {"drew", "draw"}, {"drawn", "draw"}, {"chose", "choose"},
    {"chosen", "choose"}, {"wrote", "write"}, {"written", "write"}, {"stole", "steal"},
    {"stolen", "steal"}, {"bought", "buy"}, {"caught", "catch"}, {"fled", "flee"},
    {"hid", "hide"}, {"hidden", "hide"}, {"lost", "lose"}, {"meant", "mean"}, {"sold", "sell"},
    {"spent", "spend"}, {"swore", "swear"}, {"sworn", "swear"}, {"taught", "teach"},
    {"thought", "think"}, {"understood", "understand"}, {"withdrew", "withdraw"},
    {"withdrawn", "withdraw"}, {"overthrew", "overthrow"}, {"overthrown", "overthrow"},
    {"forgave", "forgive"}, {"forgiven", "forgive"}, {"beaten", "beat"}, {"bore", "bear"},
    {"borne", "bear"}, {"got", "get"}, {"gotten", "get"}, {"did", "do"}, {"done", "do"},
    {"does", "do"}, {"has", "have"}, {"had", "have"}, {"having", "have"}, {"'ve", "have"}};
constexpr LemmaEntry kIrregularNouns[] = {
    {"people", "person"}, {"men", "man"}, {"women", "woman"}, {"children", "child"},
    {"feet", "foot"}, {"teeth", "tooth"}, {"lives", "life"}, {"wives", "wife"},
    {"knives", "knife"}, {"leaves", "leaf"}, {"halves", "half"}, {"thieves", "thief"},
    {"crises", "crisis"}, {"analyses", "analysis"}, {"theses", "thesis"}, {"bases", "base"},
    {"criteria", "criterion"}};
constexpr LemmaEntry kContractions[] = {
    {"n't", "not"}, {"ca", "can"}, {"wo", "will"}, {"sha", "shall"}, {"'ll", "will"}};
// clang-format on

template <size_t N>
std::string_view Find(const LemmaEntry (&table)[N], std::string_view w) {
  for (const LemmaEntry& e : table) {
    if (e.form == w) return e.lemma;
  }
  return {};
}

// Words ending in -s that are not plurals.
bool IsSingularInS(std::string_view w) {
  return In(w, {"news",   "series",    "species", "means", "politics", "economics", "headquarters",
                "us",     "this",      "his",     "its",   "has",      "is",        "was",
                "does",   "as",        "thus",    "gas",   "bus",      "virus",     "status",
                "census", "consensus", "chaos",   "arms"});
}

std::string Lemma(const Tok& t) {
  const std::string_view x = t.xpos;
  const std::string& w = t.lower;
  if (x == "NNP" || x == "NNPS") return t.form;
  if (x == "POS") return "'s";
  std::string_view irregular = Find(kContractions, w);
  if (x == "MD" && w == "'d") irregular = "would";
  if (IsVerbishTag(x) && x != "MD" && irregular.empty()) {
    irregular = IsBe(w) ? "be" : Find(kIrregularVerbs, w);
    if (irregular.empty() && w == "'d") irregular = "have";
  }
  if (x == "NNS" && irregular.empty()) irregular = Find(kIrregularNouns, w);
  if (!irregular.empty()) return std::string(irregular);
  if ((x == "NNS" || x == "VBZ") && w.size() > 2 && w.back() == 's' && !IsSingularInS(w)) {
    auto ends = [&](std::string_view suffix) { return EndsWith(w, suffix); };
    if (ends("ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
    if (ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes")) {
      return w.substr(0, w.size() - 2);
    }
    if (ends("ss") || ends("us") || ends("is")) return w;
    return w.substr(0, w.size() - 1);
  }
  return w;
}

std::string_view Upos(const Tok& t) {
  const std::string_view x = t.xpos;
  const std::string_view r = t.rel;
  if (IsPunctTag(x)) return "PUNCT";
  if (x == "MD") return "AUX";
  if (IsVerbTag(x) || x == "AUX" || x == "AUXG") {
    return (r == "aux" || r == "aux:pass" || r == "cop") ? "AUX" : "VERB";
  }
  if (x == "IN") return r == "mark" ? "SCONJ" : "ADP";
  if (x == "TO") return r == "case" ? "ADP" : "PART";
  if (x == "RB") return (t.lower == "not" || t.lower == "n't") ? "PART" : "ADV";
  if (r == "cc:preconj") return "CCONJ";
  if (x == "DT" || x == "WDT") return (r == "det" || r == "det:predet") ? "DET" : "PRON";
  if (x == "PDT") return "DET";
  if (x == "RP") return "ADP";
  if (In(x, {"PRP", "PRP$", "WP", "WP$", "EX"})) return "PRON";
  if (x == "POS") return "PART";
  if (x == "CD") return "NUM";
  if (x == "CC") return "CCONJ";
  if (x == "UH") return "INTJ";
  if (In(x, {"SYM", "#", "$"})) return "SYM";
  if (IsAdjTag(x)) return "ADJ";
  if (x == "NN" || x == "NNS") return "NOUN";
  if (x == "NNP" || x == "NNPS") return "PROPN";
  if (IsAdvTag(x)) return "ADV";
  return "X";  // FW, LS, ADD, GW, XX and unknown tags
}

// ---- The converter. ----

class Converter {
 public:
  Status Run(std::string_view in, Sentence* s);

 private:
  struct Segment {
    int32_t lo = 0, hi = 0;  // kid positions [lo, hi)
    int32_t head_kid = -1;
    int32_t subj_kid = -1;                    // clauses: the kid that is the subject
    int32_t first_obj = -1, second_obj = -1;  // VPs: nominal kids after the verb
  };
  struct Arc {
    std::string_view rel;
    int32_t head = -1;   // -1: the segment's head token
    bool raise = false;  // xcomp whose own subject becomes the verb's object
  };

  Status Parse(std::string_view in);
  Status DropEmpty(std::string_view in);
  void Order();
  void GroupCoordinatedModifiers(int32_t n);
  void SplitReportingClause(int32_t n);
  void MarkExpletives();
  void Process(int32_t n);
  bool FindCoordination(int32_t n, int32_t lo, int32_t hi);
  void SetArc(int32_t dep, int32_t head, std::string_view rel);
  void Finish(Sentence* s) const;

  // Head rules.
  int32_t ChooseHead(int32_t n, int32_t lo, int32_t hi) const;
  int32_t VpHead(int32_t n, int32_t lo, int32_t hi) const;
  int32_t NpHead(int32_t n, int32_t lo, int32_t hi) const;
  int32_t PpHead(int32_t n, int32_t lo, int32_t hi) const;
  int32_t FindLeft(int32_t n, int32_t lo, int32_t hi,
                   std::initializer_list<std::string_view> labels) const;
  int32_t FindRight(int32_t n, int32_t lo, int32_t hi,
                    std::initializer_list<std::string_view> labels) const;
  int32_t FirstNonPunct(int32_t n, int32_t lo, int32_t hi) const;
  int32_t SubjectKid(int32_t n, const Segment& seg) const;

  // Relations.
  Arc Label(int32_t n, int32_t i, const Segment& seg) const;
  // Each takes the child's position i and its node c (for a PRN, the node inside it).
  Arc ClauseLabel(int32_t n, int32_t i, int32_t c, const Segment& seg) const;
  Arc VpLabel(int32_t n, int32_t i, int32_t c, const Segment& seg) const;
  Arc SbarLabel(int32_t n, int32_t i, int32_t c, const Segment& seg) const;
  Arc NounLabel(int32_t n, int32_t i, int32_t c, const Segment& seg) const;
  Arc PpLabel(int32_t n, int32_t i, int32_t c, const Segment& seg) const;
  Arc ModifierLabel(int32_t n, int32_t i, int32_t c, const Segment& seg) const;
  std::string_view SbarRole(int32_t sbar) const;
  bool IsTemporal(int32_t c) const;
  bool IsPossessive(int32_t c) const;
  bool IsExpletiveNp(int32_t c) const;
  bool AuxBetween(int32_t from, int32_t head) const;

  const Node& Kid(int32_t n, int32_t i) const { return nodes_[nodes_[n].kids[i]]; }
  bool KidIsPunct(int32_t n, int32_t i) const {
    const Node& k = Kid(n, i);
    return k.leaf && IsPunctTag(k.label);
  }
  int32_t NumKids(int32_t n) const { return static_cast<int32_t>(nodes_[n].kids.size()); }
  std::string_view HeadXpos(const Node& k) const { return toks_[k.head].xpos; }

  std::vector<Node> nodes_;
  std::vector<Tok> toks_;
  std::vector<int32_t> order_;   // pre-order from the root
  std::vector<Segment> segs_;    // scratch for Process: the conjuncts of the node
  std::vector<int32_t> seg_of_;  // scratch for Process: conjunct of each kid, or -1
  int32_t root_ = 0;
};

Status Converter::Run(std::string_view in, Sentence* s) {
  if (Status st = Parse(in); !st.ok()) return st;
  if (Status st = DropEmpty(in); !st.ok()) return st;
  Order();
  const std::vector<int32_t> before = order_;
  for (int32_t n : before) {
    GroupCoordinatedModifiers(n);
    SplitReportingClause(n);
  }
  Order();
  MarkExpletives();
  for (size_t k = order_.size(); k-- > 0;) Process(order_[k]);
  const int32_t root_tok = nodes_[root_].head;
  toks_[root_tok].head = -1;
  toks_[root_tok].rel = "root";
  // "by" phrases are agents only of passives and participles modifying nouns.
  for (Tok& t : toks_) {
    if (t.rel != "obl:agent") continue;
    const Tok& h = toks_[t.head];
    if (h.aux_pass == 0 && !StartsWith(h.rel, "acl") && h.rel != "amod") t.rel = "obl";
  }
  Finish(s);
  return Status::Ok();
}

// Leaves are "(TAG word)"; phrases "(LABEL child...)"; the label may be empty ("( (S ...))").
Status Converter::Parse(std::string_view in) {
  std::vector<int32_t> open;
  std::vector<size_t> open_at;  // byte offset of each open '('
  bool closed = false;          // the top-level tree has ended
  size_t i = 0;
  const size_t n = in.size();
  auto skip_space = [&] {
    while (i < n && IsSpace(in[i])) ++i;
  };
  auto read_atom = [&] {
    const size_t b = i;
    while (i < n && !IsSpace(in[i]) && in[i] != '(' && in[i] != ')') ++i;
    return in.substr(b, i - b);
  };
  while (true) {
    skip_space();
    if (i >= n) break;
    const char c = in[i];
    if (closed && c != ')') {
      return TreeError("text after the end of the tree", in, i, "give one tree per sentence");
    }
    if (c == '(') {
      const int32_t id = static_cast<int32_t>(nodes_.size());
      nodes_.emplace_back();
      nodes_[id].parent = open.empty() ? -1 : open.back();
      if (!open.empty()) nodes_[open.back()].kids.push_back(id);
      open.push_back(id);
      open_at.push_back(i);
      ++i;
      skip_space();
      std::string_view label = read_atom();
      Node& nd = nodes_[id];
      if (label.empty()) {
        nd.label = nd.parent < 0 ? "ROOT" : "X";
      } else if (label[0] == '-') {
        nd.label = label;  // -LRB-, -NONE-
      } else {
        const size_t cut = label.find_first_of("-=|");
        nd.label = label.substr(0, cut);
        if (cut != std::string_view::npos) {
          std::string_view rest = label.substr(cut);
          nd.temporal_tag = rest.find("-TMP") != std::string_view::npos;
        }
      }
      skip_space();
      // "(-LRB- ()" and "(-RRB- ))": some writers leave bracket words unescaped.
      const bool bracket_word =
          i + 1 < n && (in[i] == '(' || in[i] == ')') && in[i + 1] == ')' &&
          In(nd.label, {"-LRB-", "-RRB-", "-LCB-", "-RCB-", "-LSB-", "-RSB-"});
      if (bracket_word || (i < n && in[i] != '(' && in[i] != ')')) {
        const size_t word_at = i;
        std::string_view word = bracket_word ? in.substr(i++, 1) : read_atom();
        skip_space();
        if (i >= n) break;  // reported below as an unclosed bracket
        if (in[i] != ')') {
          return TreeError("leaf '(" + std::string(nd.label) + " " + std::string(word) +
                               "' has more than one word",
                           in, word_at,
                           "a leaf is (TAG word); write brackets in words as -LRB- / -RRB-");
        }
        nd.leaf = true;
        nd.word = word;
        ++i;
        open.pop_back();
        open_at.pop_back();
        closed = open.empty();
      }
      continue;
    }
    if (c == ')') {
      if (open.empty()) {
        return TreeError("unbalanced brackets: ')' closes nothing", in, i,
                         "write brackets inside words as -LRB- / -RRB-");
      }
      open.pop_back();
      open_at.pop_back();
      ++i;
      closed = open.empty();
      continue;
    }
    const size_t at = i;
    const std::string_view word = read_atom();
    if (open.empty()) {
      return TreeError("expected '(' but found '" + std::string(word) + "'", in, at,
                       "a PTB tree looks like (ROOT (S (NP (NNP Arnor)) (VP (VBD left))))");
    }
    return TreeError("word '" + std::string(word) + "' is outside a (TAG word) leaf", in, at,
                     "every word needs its own part-of-speech bracket");
  }
  if (!open.empty()) {
    return TreeError("unbalanced brackets: " + std::to_string(open.size()) +
                         " '(' still open at the end of the input; the innermost opens",
                     in, open_at.back(), "add the missing ')' or check for a truncated <Parse>");
  }
  if (nodes_.empty()) return Status::InvalidArgument("PTB tree: empty tree (no brackets at all)");
  return Status::Ok();
}

Status Converter::DropEmpty(std::string_view in) {
  // Nodes are in pre-order, so every child has a larger index than its parent.
  for (size_t k = nodes_.size(); k-- > 0;) {
    Node& nd = nodes_[k];
    if (nd.leaf) {
      nd.alive = nd.label != "-NONE-";
      continue;
    }
    std::erase_if(nd.kids, [&](int32_t c) { return !nodes_[c].alive; });
    nd.alive = !nd.kids.empty();
  }
  if (!nodes_[0].alive) {
    return TreeError("the tree has no words (only empty brackets or -NONE- elements)", in, 0);
  }
  for (Node& nd : nodes_) {
    nd.cat = nd.leaf ? kLeaf : CatOf(nd.label);
    if (!nd.leaf || !nd.alive) continue;
    nd.token = static_cast<int32_t>(toks_.size());
    Tok t;
    t.form = Unescape(nd.word);
    t.lower = ToLowerAscii(t.form);
    t.xpos = nd.label;
    toks_.push_back(std::move(t));
  }
  return Status::Ok();
}

void Converter::Order() {
  order_.clear();
  std::vector<int32_t> stack = {root_};
  while (!stack.empty()) {
    const int32_t n = stack.back();
    stack.pop_back();
    order_.push_back(n);
    const std::vector<int32_t>& kids = nodes_[n].kids;
    for (size_t k = kids.size(); k-- > 0;) stack.push_back(kids[k]);
  }
}

// "the Arnor and Gondor governments": (NP DT NNP CC NNP NNS) -> (NP DT (NML NNP CC NNP) NNS).
void Converter::GroupCoordinatedModifiers(int32_t n) {
  if (nodes_[n].cat != kNp) return;
  const int32_t k = NumKids(n);
  if (k < 4) return;
  for (int32_t i = 0; i < k; ++i) {
    if (!Kid(n, i).leaf) return;
  }
  const int32_t noun = k - 1;
  if (!In(Kid(n, noun).label, {"NN", "NNS"})) return;
  int32_t lo = 0;
  while (lo < noun && In(Kid(n, lo).label, {"DT", "PDT", "PRP$", "WDT", "WP$"})) ++lo;
  bool inner_cc = false;
  bool nouns = false;
  for (int32_t i = lo; i < noun; ++i) {
    const std::string_view t = Kid(n, i).label;
    if (t == "CC" && i > lo && i < noun - 1) inner_cc = true;
    if (IsNounTag(t)) nouns = true;
    if (!(IsNounTag(t) || IsAdjTag(t) || In(t, {"CC", ",", "CD", "VBN", "VBG"}))) return;
  }
  if (!inner_cc || In(Kid(n, lo).label, {"CC", ","}) || In(Kid(n, noun - 1).label, {"CC", ","})) {
    return;
  }
  const int32_t g = static_cast<int32_t>(nodes_.size());
  nodes_.emplace_back();
  Node& group = nodes_[g];
  group.label = nouns ? "NML" : "ADJP";
  group.cat = nouns ? kNml : kAdjp;
  group.parent = n;
  group.kids.assign(nodes_[n].kids.begin() + lo, nodes_[n].kids.begin() + noun);
  for (int32_t c : group.kids) nodes_[c].parent = g;
  std::vector<int32_t>& kids = nodes_[n].kids;
  kids.erase(kids.begin() + lo, kids.begin() + noun);
  kids.insert(kids.begin() + lo, g);
}

// "(S (S X will attack) (, ,) (NP the minister) (VP (VBD said)) (. .))": NP VP (or VP NP under
// SINV) becomes a clause of its own, which the clause it reports then heads (parataxis).
void Converter::SplitReportingClause(int32_t n) {
  const Cat cat = nodes_[n].cat;
  if (cat != kS && cat != kSinv) return;
  std::vector<int32_t> content;
  for (int32_t i = 0; i < NumKids(n); ++i) {
    if (!KidIsPunct(n, i)) content.push_back(i);
  }
  if (content.size() < 3) return;
  const Node& reported = Kid(n, content[0]);
  if (reported.cat != kS && reported.cat != kSinv && reported.cat != kSq) return;
  if (reported.cat == kS) {  // it must be a full clause: a subject before its VP
    bool subject = false, vp = false;
    for (int32_t c : reported.kids) {
      if (nodes_[c].cat == kVp) vp = true;
      if (IsNounCat(nodes_[c].cat) && !vp) subject = true;
    }
    if (!subject || !vp) return;
  }
  if (content[1] == content[0] + 1) return;  // no comma or quote between them
  // NP (ADVP) VP, or VP NP: "the minister (also) said", "said the minister".
  const int32_t from = content[1], to = content.back();
  const Cat a = Kid(n, from).cat, b = Kid(n, to).cat;
  for (size_t j = 2; j + 1 < content.size(); ++j) {
    if (Kid(n, content[j]).cat != kAdvp) return;
  }
  int32_t vp = -1;
  if (IsNounCat(a) && b == kVp) vp = nodes_[n].kids[to];
  if (a == kVp && IsNounCat(b) && content.size() == 3) vp = nodes_[n].kids[from];
  if (vp < 0) return;
  // The reporting verb's complement is the reported clause: its VP (through auxiliaries)
  // has no clause of its own.
  for (int32_t v = vp; v >= 0;) {
    int32_t next = -1;
    for (int32_t c : nodes_[v].kids) {
      const Cat kc = nodes_[c].cat;
      if (IsClauseCat(kc) || kc == kSbar) return;
      if (kc == kVp && next < 0) next = c;
    }
    v = next;
  }
  const int32_t g = static_cast<int32_t>(nodes_.size());
  nodes_.emplace_back();
  Node& clause = nodes_[g];
  clause.label = a == kVp ? "SINV" : "S";
  clause.cat = a == kVp ? kSinv : kS;
  clause.parent = n;
  std::vector<int32_t>& kids = nodes_[n].kids;
  clause.kids.assign(kids.begin() + from, kids.begin() + to + 1);
  for (int32_t c : clause.kids) nodes_[c].parent = g;
  kids.erase(kids.begin() + from, kids.begin() + to + 1);
  kids.insert(kids.begin() + from, g);
}

bool Converter::IsExpletiveNp(int32_t c) const {
  const Node& k = nodes_[c];
  if (k.leaf) return k.label == "EX";
  return IsNounCat(k.cat) && k.kids.size() == 1 && nodes_[k.kids[0]].leaf &&
         nodes_[k.kids[0]].label == "EX";
}

void Converter::MarkExpletives() {
  for (int32_t n : order_) {
    Node& nd = nodes_[n];
    if (nd.cat != kVp || nd.parent < 0) continue;
    const Node& p = nodes_[nd.parent];
    if (p.cat == kVp) {
      nd.expletive = p.expletive;
    } else if (IsClauseCat(p.cat)) {
      for (int32_t c : p.kids) {
        if (c == n) break;
        if (IsExpletiveNp(c)) nd.expletive = true;
      }
    }
  }
}

int32_t Converter::FindLeft(int32_t n, int32_t lo, int32_t hi,
                            std::initializer_list<std::string_view> labels) const {
  for (int32_t i = lo; i < hi; ++i) {
    if (In(Kid(n, i).label, labels)) return i;
  }
  return -1;
}

int32_t Converter::FindRight(int32_t n, int32_t lo, int32_t hi,
                             std::initializer_list<std::string_view> labels) const {
  for (int32_t i = hi; i-- > lo;) {
    if (In(Kid(n, i).label, labels)) return i;
  }
  return -1;
}

int32_t Converter::FirstNonPunct(int32_t n, int32_t lo, int32_t hi) const {
  for (int32_t i = lo; i < hi; ++i) {
    if (!KidIsPunct(n, i)) return i;
  }
  return lo;
}

int32_t Converter::VpHead(int32_t n, int32_t lo, int32_t hi) const {
  int32_t v = -1;
  for (int32_t i = lo; i < hi && v < 0; ++i) {
    if (Kid(n, i).leaf && IsVerbishTag(Kid(n, i).label)) v = i;
  }
  if (v < 0) {
    int32_t h = FindLeft(n, lo, hi, {"VP"});
    if (h < 0) h = FindLeft(n, lo, hi, {"ADJP", "NN", "NNS", "JJ", "NP", "NNP"});
    return h >= 0 ? h : FirstNonPunct(n, lo, hi);
  }
  const Node& verb = Kid(n, v);
  const std::string_view tag = verb.label;
  const std::string& w = toks_[verb.token].lower;
  const int32_t comp = FindLeft(n, v + 1, hi, {"VP"});
  if (comp >= 0) {
    const bool aux = tag == "MD" || tag == "TO" || IsBe(w) || IsHave(w) || IsDo(w) ||
                     (IsGet(w) && HeadXpos(Kid(n, comp)) == "VBN");
    if (aux) return comp;
    return v;
  }
  if (IsBe(w) && !nodes_[n].expletive) {
    // A copula's predicate: the first nominal, adjectival or prepositional phrase after it.
    for (int32_t i = v + 1; i < hi; ++i) {
      const Node& k = Kid(n, i);
      if (IsClauseCat(k.cat) || k.cat == kSbar) break;
      if (IsNounCat(k.cat) || k.cat == kAdjp || k.cat == kQp || (k.cat == kUcp && !k.clausal)) {
        return i;
      }
      // A PP with an object ("was in an accord"), not a bare particle or a clause.
      if (k.cat == kPp && !k.clausal && k.head != k.marker) return i;
    }
  }
  return v;
}

int32_t Converter::NpHead(int32_t n, int32_t lo, int32_t hi) const {
  int32_t end = hi;
  while (end > lo && KidIsPunct(n, end - 1)) --end;
  if (end > lo && Kid(n, end - 1).label == "POS") --end;  // the possessor heads "Arnor 's"
  if (end <= lo) return FirstNonPunct(n, lo, hi);
  int32_t h = FindRight(n, lo, end, {"NN", "NNP", "NNPS", "NNS", "NML", "NX", "JJR", "FW"});
  if (h < 0) h = FindLeft(n, lo, end, {"NP", "PRP", "WP"});
  if (h < 0) h = FindRight(n, lo, end, {"$", "ADJP", "PRN"});
  if (h < 0) h = FindRight(n, lo, end, {"CD"});
  if (h < 0) {
    h = FindRight(
        n, lo, end,
        {"JJ", "JJS", "RB", "QP", "DT", "WDT", "RBR", "ADVP", "WP$", "PRP$", "EX", "VBG", "VBN"});
  }
  if (h < 0) {
    for (int32_t i = end; i-- > lo && h < 0;) {
      if (!KidIsPunct(n, i)) h = i;
    }
  }
  return h >= 0 ? h : FirstNonPunct(n, lo, hi);
}

int32_t Converter::PpHead(int32_t n, int32_t lo, int32_t hi) const {
  int32_t prep = -1;
  for (int32_t i = lo; i < hi && prep < 0; ++i) {
    if (Kid(n, i).leaf && IsPrepTag(Kid(n, i).label)) prep = i;
  }
  for (int32_t i = prep < 0 ? lo : prep + 1; i < hi; ++i) {
    const Node& k = Kid(n, i);
    if (k.leaf ? (IsNounTag(k.label) || In(k.label, {"PRP", "CD", "WP", "WDT", "DT", "EX"}))
               : (k.cat != kPrt && k.cat != kConjp && k.cat != kIntj)) {
      return i;
    }
  }
  if (prep >= 0) {
    int32_t last = prep;
    for (int32_t i = prep + 1; i < hi; ++i) {
      if (Kid(n, i).leaf && IsPrepTag(Kid(n, i).label)) last = i;
    }
    return last;
  }
  return FirstNonPunct(n, lo, hi);
}

int32_t Converter::ChooseHead(int32_t n, int32_t lo, int32_t hi) const {
  int32_t h = -1;
  switch (nodes_[n].cat) {
    case kS:
      h = FindLeft(n, lo, hi, {"VP"});
      if (h < 0) h = FindLeft(n, lo, hi, {"S", "SINV", "SQ", "SBARQ"});
      if (h < 0) h = FindRight(n, lo, hi, {"ADJP", "NP", "PP", "ADVP", "UCP", "QP", "NML"});
      break;
    case kSinv:
    case kSq:
      h = FindLeft(n, lo, hi, {"VP"});
      if (h < 0) h = FindLeft(n, lo, hi, {"VBZ", "VBD", "VBP", "VB", "MD", "VBN", "VBG"});
      if (h >= 0 && Kid(n, h).leaf && IsBe(toks_[Kid(n, h).token].lower)) {
        // "(SQ (VBZ Is) (NP Rohan) (ADJP ready))": the predicate after the subject heads.
        const int32_t subj = FindLeft(n, h + 1, hi, {"NP"});
        const int32_t pred = subj < 0 ? -1 : FindLeft(n, subj + 1, hi, {"ADJP", "NP", "PP"});
        if (pred >= 0) h = pred;
      }
      if (h < 0) h = FindLeft(n, lo, hi, {"S", "SINV", "SQ", "SBARQ"});
      if (h < 0) h = FindLeft(n, lo, hi, {"ADJP", "NP"});
      break;
    case kSbarq:
      h = FindLeft(n, lo, hi, {"SQ", "S", "SINV", "SBARQ", "FRAG"});
      break;
    case kSbar:
      h = FindLeft(n, lo, hi, {"S", "SQ", "SINV", "SBAR", "FRAG", "SBARQ"});
      if (h < 0) {
        for (int32_t i = lo; i < hi && h < 0; ++i) {
          const Node& k = Kid(n, i);
          const bool intro = k.leaf ? (IsPunctTag(k.label) ||
                                       In(k.label, {"IN", "DT", "TO", "WDT", "WP", "WRB", "RB"}))
                                    : (StartsWith(k.label, "WH") || k.cat == kAdvp);
          if (!intro) h = i;
        }
      }
      break;
    case kVp:
      return VpHead(n, lo, hi);
    case kNp:
    case kNml:
    case kNx:
    case kNac:
      return NpHead(n, lo, hi);
    case kWhnp:
      h = FindRight(n, lo, hi, {"NN", "NNS", "NNP", "NNPS", "NML", "NP"});
      if (h < 0) h = FindLeft(n, lo, hi, {"WDT", "WP", "WP$", "WHNP", "WHADJP", "DT", "PRP", "CD"});
      break;
    case kPp:
    case kWhpp:
      return PpHead(n, lo, hi);
    case kAdjp:
    case kWhadjp:
      h = FindLeft(n, lo, hi, {"$"});
      if (h < 0) h = FindRight(n, lo, hi, {"NNS", "NN", "JJ", "QP", "VBN", "VBG"});
      if (h < 0) h = FindLeft(n, lo, hi, {"ADJP"});
      if (h < 0) {
        h = FindRight(n, lo, hi, {"JJR", "JJS", "DT", "RB", "RBR", "CD", "IN", "VBD", "WRB"});
      }
      if (h < 0) h = FindLeft(n, lo, hi, {"ADVP", "NP"});
      break;
    case kAdvp:
    case kWhadvp:
      h = FindRight(n, lo, hi, {"RB", "RBR", "RBS", "WRB"});
      if (h < 0) h = FindLeft(n, lo, hi, {"ADVP", "WHADVP"});
      if (h < 0) h = FindRight(n, lo, hi, {"JJ", "JJR", "JJS", "IN", "RP"});
      if (h < 0) h = FindLeft(n, lo, hi, {"NP", "PP"});
      break;
    case kQp:
      h = FindRight(n, lo, hi, {"CD"});
      if (h < 0) {
        h = FindLeft(n, lo, hi, {"$", "NNS", "NN", "JJ", "PDT", "DT", "RB", "QP", "JJR", "JJS"});
      }
      break;
    case kPrt:
      h = FindRight(n, lo, hi, {"RP"});
      break;
    case kPrn:
      h = FindLeft(n, lo, hi,
                   {"VP", "NP", "PP", "SQ", "S", "SINV", "SBAR", "ADJP", "ADVP", "INTJ", "WHNP",
                    "NAC", "VBP", "JJ", "NN", "NNP"});
      break;
    case kFrag:
      h = FindLeft(n, lo, hi,
                   {"NP", "VP", "S", "SBAR", "ADJP", "ADVP", "PP", "FRAG", "INTJ", "SQ"});
      break;
    case kRrc:
      h = FindLeft(n, lo, hi, {"RRC", "VP", "ADJP", "NP", "PP", "ADVP"});
      break;
    case kX:
      h = FindLeft(n, lo, hi, {"S", "VP", "ADJP", "NP", "SBAR", "PP", "X"});
      break;
    default:  // ROOT, CONJP, UCP, INTJ, LST and unknown labels: the first word
      break;
  }
  return h >= 0 ? h : FirstNonPunct(n, lo, hi);
}

// A coordination has a CC or CONJP with a conjunct on each side; conjuncts are the runs of
// children between CCs, CONJPs, commas and semicolons. Fills segs_.
bool Converter::FindCoordination(int32_t n, int32_t lo, int32_t hi) {
  auto separator = [&](int32_t i) {
    const Node& k = Kid(n, i);
    return k.cat == kConjp || (k.leaf && In(k.label, {"CC", ",", ":"}));
  };
  bool cc = false;
  for (int32_t i = lo + 1; i + 1 < hi; ++i) {
    const Node& k = Kid(n, i);
    if (k.cat == kConjp || (k.leaf && k.label == "CC")) cc = true;
  }
  if (!cc) return false;
  segs_.clear();
  for (int32_t i = lo; i < hi;) {
    if (separator(i)) {
      ++i;
      continue;
    }
    int32_t j = i;
    bool content = false;
    for (; j < hi && !separator(j); ++j) {
      if (!KidIsPunct(n, j)) content = true;
    }
    if (content) segs_.push_back({i, j, -1, -1});
    i = j;
  }
  if (segs_.size() < 2) return false;
  if (nodes_[n].cat == kPp || nodes_[n].cat == kWhpp) {
    // "in and around the city" is one PP with two prepositions, not two PPs.
    for (const Segment& s : segs_) {
      if (FindLeft(n, s.lo, s.hi, {"PP", "WHPP"}) < 0) return false;
    }
  }
  return true;
}

int32_t Converter::SubjectKid(int32_t n, const Segment& seg) const {
  auto nominal = [&](int32_t i) {
    const Node& k = Kid(n, i);
    return IsNounCat(k.cat) || (k.leaf && In(k.label, {"PRP", "NN", "NNS", "NNP", "NNPS"}));
  };
  int32_t any = -1;
  for (int32_t i = seg.head_kid; i-- > seg.lo;) {
    if (!nominal(i) || IsExpletiveNp(nodes_[n].kids[i])) continue;
    if (!IsTemporal(nodes_[n].kids[i])) return i;
    if (any < 0) any = i;
  }
  if (any >= 0) return any;
  const Cat cat = nodes_[n].cat;
  if (cat == kSinv || cat == kSq) {
    for (int32_t i = seg.head_kid + 1; i < seg.hi; ++i) {
      if (nominal(i) && !IsTemporal(nodes_[n].kids[i])) return i;
    }
  }
  return -1;
}

bool Converter::IsTemporal(int32_t c) const {
  const Node& k = nodes_[c];
  if (k.temporal_tag) return true;
  if (!IsNounCat(k.cat) && !(k.leaf && IsNounTag(k.label))) return false;
  const std::string& w = toks_[k.head].lower;
  if (IsDayWord(w)) return true;
  if (!IsPeriodWord(w)) return false;
  for (int32_t t = k.first; t <= k.last; ++t) {
    if (toks_[t].head != k.head) continue;
    if (toks_[t].xpos == "CD" || IsPeriodModifier(toks_[t].lower)) return true;
  }
  return false;
}

bool Converter::IsPossessive(int32_t c) const {
  const Node& k = nodes_[c];
  if (!IsNounCat(k.cat)) return false;
  for (size_t j = k.kids.size(); j-- > 0;) {
    const Node& g = nodes_[k.kids[j]];
    if (g.leaf && IsPunctTag(g.label)) continue;
    return g.leaf && g.label == "POS";
  }
  return false;
}

bool Converter::AuxBetween(int32_t from, int32_t head) const { return toks_[head].last_aux > from; }

// The relation of an SBAR complement of a verb or adjective.
std::string_view Converter::SbarRole(int32_t sbar) const {
  const Node& k = nodes_[sbar];
  if (k.marker < 0) return "ccomp";
  const std::string& w = toks_[k.marker].lower;
  if (k.wh) return In(w, {"when", "where", "whenever", "wherever", "while"}) ? "advcl" : "ccomp";
  return IsAdverbialComplementizer(w) ? "advcl" : "ccomp";
}

void Converter::SetArc(int32_t dep, int32_t head, std::string_view rel) {
  Tok& t = toks_[dep];
  if (t.head >= 0) {
    if (IsSubjectRel(t.rel)) --toks_[t.head].subjects;
    if (t.rel == "aux:pass") --toks_[t.head].aux_pass;
  }
  t.head = head;
  t.rel = rel;
  if (IsSubjectRel(rel)) ++toks_[head].subjects;
  if (rel == "aux:pass") ++toks_[head].aux_pass;
  if ((rel == "aux" || rel == "aux:pass") && dep < head && dep > toks_[head].last_aux) {
    toks_[head].last_aux = dep;
  }
}

void Converter::Process(int32_t n) {
  if (nodes_[n].leaf) {
    Node& nd = nodes_[n];
    nd.head = nd.first = nd.last = nd.token;
    return;
  }
  const int32_t k = NumKids(n);
  nodes_[n].first = Kid(n, 0).first;
  nodes_[n].last = Kid(n, k - 1).last;
  // Punctuation at the edges attaches to the whole constituent's head.
  int32_t lo = 0, hi = k;
  while (lo < hi && KidIsPunct(n, lo)) ++lo;
  while (hi > lo && KidIsPunct(n, hi - 1)) --hi;
  if (lo == hi) {
    lo = 0;
    hi = k;
  }
  const bool coord = FindCoordination(n, lo, hi);
  if (!coord) segs_.assign(1, Segment{lo, hi, -1, -1});
  for (Segment& s : segs_) s.head_kid = ChooseHead(n, s.lo, s.hi);
  {
    Node& nd = nodes_[n];
    nd.head_kid = segs_[0].head_kid;
    const Node& hk = nodes_[nd.kids[nd.head_kid]];
    nd.head = hk.head;
    nd.clausal = IsClauseCat(nd.cat) || nd.cat == kSbar || nd.cat == kVp || nd.cat == kRrc ||
                 (!IsNounCat(nd.cat) && nd.cat != kAdjp && nd.cat != kAdvp && hk.clausal);
    nd.finite = hk.finite || nd.cat == kSinv || nd.cat == kSq;
    if (nd.cat == kVp) {
      for (int32_t i = segs_[0].lo; i < segs_[0].hi; ++i) {
        const Node& v = Kid(n, i);
        if (v.leaf && IsVerbishTag(v.label)) {
          nd.finite = In(v.label, {"MD", "VBD", "VBZ", "VBP"});
          break;
        }
      }
    }
    // The preposition of a PP; the complementizer or WH word of an SBAR.
    if (nd.cat == kPp || nd.cat == kWhpp || nd.cat == kSbar) {
      for (int32_t i = segs_[0].lo; i < nd.head_kid && nd.marker < 0; ++i) {
        const Node& m = nodes_[nd.kids[i]];
        if (nd.cat == kSbar && !m.leaf && StartsWith(m.label, "WH")) {
          nd.marker = m.first;
          nd.wh = true;
        } else if (m.leaf && (nd.cat == kSbar ? In(m.label, {"IN", "DT", "TO", "WDT", "WP", "WRB"})
                                              : IsPrepTag(m.label))) {
          nd.marker = m.token;
          nd.wh = StartsWith(m.label, "W");
        }
      }
      if (nd.marker < 0 && (nd.cat == kPp || nd.cat == kWhpp) && hk.leaf && IsPrepTag(hk.label)) {
        nd.marker = hk.token;  // a PP without object: "(PP (IN in))"
      }
    }
  }
  seg_of_.assign(k, -1);
  for (size_t j = 0; j < segs_.size(); ++j) {
    Segment& s = segs_[j];
    s.subj_kid = SubjectKid(n, s);
    for (int32_t i = s.lo; i < s.hi; ++i) {
      seg_of_[i] = static_cast<int32_t>(j);
      if (nodes_[n].cat != kVp || i <= s.head_kid) continue;
      const Node& o = Kid(n, i);
      const bool nominal =
          IsNounCat(o.cat) || (o.leaf && In(o.label, {"NN", "NNS", "NNP", "NNPS", "PRP", "CD"}));
      if (!nominal || IsTemporal(nodes_[n].kids[i])) continue;
      (s.first_obj < 0 ? s.first_obj : s.second_obj) = i;
    }
  }

  int32_t next = -1;  // head of the nearest conjunct to the right of kid i
  for (int32_t i = k; i-- > 0;) {
    const int32_t c = nodes_[n].kids[i];
    const int32_t dep = nodes_[c].head;
    const int32_t seg = seg_of_[i];
    if (seg >= 0) {
      const Segment& s = segs_[seg];
      const int32_t seg_head = Kid(n, s.head_kid).head;
      if (i == s.lo) next = seg_head;
      if (i == s.head_kid) {
        if (seg > 0) SetArc(dep, nodes_[n].head, "conj");
        continue;
      }
      const Arc arc = Label(n, i, s);
      SetArc(dep, arc.head >= 0 ? arc.head : seg_head, arc.rel);
      if (StartsWith(arc.rel, "nsubj") && seg == 0) nodes_[n].subject = dep;
      if (arc.raise && nodes_[c].subject >= 0) SetArc(nodes_[c].subject, seg_head, "obj");
      continue;
    }
    // Separators attach to the next conjunct (UD v2); edge punctuation to the head.
    const Node& ch = nodes_[c];
    std::string_view rel = "dep";
    if (ch.leaf && IsPunctTag(ch.label)) {
      rel = "punct";
    } else if (ch.cat == kConjp || ch.label == "CC") {
      rel = coord && i < segs_[0].lo ? "cc:preconj" : "cc";
    }
    SetArc(dep, next >= 0 && i > lo && i < hi ? next : nodes_[n].head, rel);
  }
}

Converter::Arc Converter::Label(int32_t n, int32_t i, const Segment& seg) const {
  int32_t c = nodes_[n].kids[i];
  const Node& ch = nodes_[c];
  if (ch.leaf && IsPunctTag(ch.label)) return {"punct"};
  if (ch.label == "CC" || ch.cat == kConjp) return {"cc"};
  if (ch.label == "UH" || ch.cat == kIntj) return {"discourse"};
  if (ch.cat == kPrn) {
    // A parenthetical is an apposition (nominal), parataxis (clause) or, for a PP or
    // adverb, whatever its content would be.
    c = ch.kids[ch.head_kid];
    const Node& inner = nodes_[c];
    if (IsNounCat(inner.cat) || (inner.leaf && IsNominalTag(inner.label))) return {"appos"};
    if (IsClauseCat(inner.cat) || inner.cat == kVp || inner.cat == kSbar) return {"parataxis"};
  }
  switch (nodes_[n].cat) {
    case kS:
    case kSinv:
    case kSq:
    case kSbarq:
      return ClauseLabel(n, i, c, seg);
    case kVp:
      return VpLabel(n, i, c, seg);
    case kSbar:
      return SbarLabel(n, i, c, seg);
    case kNp:
    case kNml:
    case kNx:
    case kNac:
    case kWhnp:
      return NounLabel(n, i, c, seg);
    case kPp:
    case kWhpp:
      return PpLabel(n, i, c, seg);
    case kConjp:
      return {"fixed"};
    case kPrt:
      return {"compound:prt"};
    case kAdjp:
    case kWhadjp:
    case kAdvp:
    case kWhadvp:
    case kQp:
      return ModifierLabel(n, i, c, seg);
    default: {
      // ROOT, FRAG, UCP, PRN, X...: label as the head word's phrase would.
      const std::string_view hx = toks_[Kid(n, seg.head_kid).head].xpos;
      if (IsNounTag(hx) || In(hx, {"PRP", "CD"})) return NounLabel(n, i, c, seg);
      if (IsVerbTag(hx)) return ClauseLabel(n, i, c, seg);
      return ModifierLabel(n, i, c, seg);
    }
  }
}

Converter::Arc Converter::ClauseLabel(int32_t n, int32_t i, int32_t c, const Segment& seg) const {
  const Node& ch = nodes_[c];
  const std::string_view lab = ch.label;
  const Cat cat = ch.cat;
  const bool before = i < seg.head_kid;
  const int32_t head_tok = Kid(n, seg.head_kid).head;
  if (IsNounCat(cat) || (ch.leaf && In(lab, {"PRP", "NN", "NNS", "NNP", "NNPS", "EX"}))) {
    if (IsExpletiveNp(c)) return {"expl"};
    if (i == seg.subj_kid) return {toks_[head_tok].aux_pass > 0 ? "nsubj:pass" : "nsubj"};
    if (IsTemporal(c)) return {"obl:tmod"};
    return {"dep"};
  }
  if (cat == kSbar) {
    if (before && seg.subj_kid < 0 && ch.marker >= 0 &&
        !IsAdverbialComplementizer(toks_[ch.marker].lower)) {
      return {"csubj"};
    }
    return {"advcl"};
  }
  if (IsClauseCat(cat)) {
    const bool own_subject = cat != kS || ch.subject >= 0;
    if (!own_subject) return {"advcl"};
    return {before ? "ccomp" : "parataxis"};
  }
  if (cat == kVp) {
    return {In(HeadXpos(ch), {"VBG", "VBN"}) ? "advcl" : "dep"};
  }
  if (cat == kPp || cat == kWhpp) return {ch.clausal ? "advcl" : "obl"};
  if (cat == kAdvp || cat == kWhadvp || (ch.leaf && IsAdvTag(lab))) return {"advmod"};
  if (cat == kAdjp || (ch.leaf && IsAdjTag(lab))) return {"advcl"};
  if (ch.leaf && IsVerbishTag(lab)) {
    if (lab == "TO") return {"mark"};
    if (IsBe(toks_[ch.token].lower) && !IsVerbTag(toks_[head_tok].xpos)) return {"cop"};
    return {"aux"};
  }
  if (ch.leaf && lab == "IN") return {"mark"};
  return {"dep"};
}

Converter::Arc Converter::VpLabel(int32_t n, int32_t i, int32_t c, const Segment& seg) const {
  const Node& ch = nodes_[c];
  const std::string_view lab = ch.label;
  const Cat cat = ch.cat;
  const Node& hk = Kid(n, seg.head_kid);
  const int32_t head_tok = hk.head;
  const std::string_view head_xpos = toks_[head_tok].xpos;
  const bool before = i < seg.head_kid;
  const bool head_is_verb = hk.leaf && IsVerbishTag(hk.label);
  if (ch.leaf && IsVerbishTag(lab)) {
    if (!before) return {"dep"};
    if (lab == "TO") return {"mark"};
    const std::string& w = toks_[ch.token].lower;
    if (hk.cat == kVp) {
      if ((IsBe(w) || IsGet(w)) && head_xpos == "VBN" && !AuxBetween(ch.token, head_tok)) {
        return {"aux:pass"};
      }
      return {"aux"};
    }
    if (IsBe(w) && !head_is_verb) return {"cop"};
    return {"aux"};
  }
  if (IsNounCat(cat) || (ch.leaf && In(lab, {"NN", "NNS", "NNP", "NNPS", "PRP", "CD"}))) {
    if (nodes_[n].expletive && head_is_verb && IsBe(toks_[head_tok].lower) && !before) {
      return {"nsubj"};  // "there is a problem"
    }
    if (IsTemporal(c)) return {"obl:tmod"};
    if (before) return {"obl:npmod"};
    if (!head_is_verb) return {"dep"};  // a second phrase after a copula's predicate
    // Two objects: the first is the indirect one ("gave Gondor a warning").
    return {seg.second_obj >= 0 && i == seg.first_obj ? "iobj" : "obj"};
  }
  if (cat == kPp || cat == kWhpp) {
    if (ch.clausal) return {"advcl"};
    if (ch.head == ch.marker) return {i == seg.head_kid + 1 ? "compound:prt" : "advmod"};
    if (ch.marker >= 0 && toks_[ch.marker].lower == "by" && head_xpos == "VBN") {
      return {"obl:agent"};
    }
    return {"obl"};
  }
  if (cat == kS) {
    if (ch.subject >= 0) {
      if (ch.finite) return {"ccomp"};
      return {"xcomp", -1, true};  // "urged (S Gondor to withdraw)": Gondor is the object
    }
    bool comma = false;
    for (int32_t j = seg.head_kid + 1; j < i; ++j) comma = comma || KidIsPunct(n, j);
    if (comma && In(HeadXpos(ch), {"VBG", "VBN"})) return {"advcl"};
    return {"xcomp"};
  }
  if (IsClauseCat(cat)) return {"ccomp"};
  if (cat == kSbar) return {SbarRole(c)};
  if (cat == kAdvp || cat == kWhadvp || (ch.leaf && IsAdvTag(lab))) return {"advmod"};
  if (cat == kAdjp || (ch.leaf && IsAdjTag(lab))) return {before ? "advmod" : "xcomp"};
  if (cat == kPrt || (ch.leaf && In(lab, {"RP", "IN"}))) return {"compound:prt"};
  if (cat == kVp) return {before ? "dep" : "xcomp"};
  if (cat == kUcp) {
    const std::string_view hx = HeadXpos(ch);
    if (IsNounTag(hx) || In(hx, {"PRP", "CD"})) return {before ? "obl:npmod" : "obj"};
    if (IsAdjTag(hx)) return {"xcomp"};
  }
  return {"dep"};
}

Converter::Arc Converter::SbarLabel(int32_t n, int32_t /*i*/, int32_t c, const Segment& seg) const {
  const Node& ch = nodes_[c];
  const std::string_view lab = ch.label;
  const Cat cat = ch.cat;
  const int32_t head_tok = Kid(n, seg.head_kid).head;
  if (ch.leaf && In(lab, {"IN", "DT", "TO"})) return {"mark"};
  if (cat == kWhnp || (ch.leaf && In(lab, {"WDT", "WP"}))) {
    // The relative or interrogative pronoun fills the gap: the subject when the clause has
    // none ("the group that attacked"), else the object ("the embassy which crowds trashed").
    if (toks_[head_tok].subjects > 0) return {"obj"};
    return {toks_[head_tok].aux_pass > 0 ? "nsubj:pass" : "nsubj"};
  }
  if (cat == kWhadvp || cat == kAdvp || cat == kWhadjp || (ch.leaf && IsAdvTag(lab))) {
    return {"advmod"};
  }
  if (cat == kWhpp || cat == kPp) return {"obl"};
  return {"dep"};
}

Converter::Arc Converter::NounLabel(int32_t n, int32_t i, int32_t c, const Segment& seg) const {
  const Node& ch = nodes_[c];
  const std::string_view lab = ch.label;
  const Cat cat = ch.cat;
  const bool before = i < seg.head_kid;
  if (ch.leaf) {
    const std::string& w = toks_[ch.token].lower;
    if (In(lab, {"DT", "PDT", "WDT"})) {
      if (segs_.size() > 1 && i < segs_[0].hi && In(w, {"both", "either", "neither"})) {
        return {"cc:preconj"};
      }
      return {lab == "PDT" ? "det:predet" : "det"};
    }
    if (lab == "PRP$" || lab == "WP$") return {"nmod:poss"};
    if (lab == "POS") {
      // 's is a case marker of the possessor, the word before it.
      for (int32_t j = i; j-- > seg.lo;) {
        if (!KidIsPunct(n, j)) return {"case", Kid(n, j).head};
      }
      return {"case"};
    }
    if (IsAdjTag(lab) || In(lab, {"VBN", "VBG", "VB", "VBD", "VBP", "VBZ"})) return {"amod"};
    if (lab == "CD") return {"nummod"};
    if (IsNounTag(lab) || In(lab, {"FW", "SYM"})) {
      // A flat possessive "(NP (NNP Arnor) (POS 's) (NN embassy))".
      if (before && i + 1 < seg.head_kid && Kid(n, i + 1).label == "POS") return {"nmod:poss"};
      return {"compound"};
    }
    if (IsAdvTag(lab)) return {"advmod"};
    return {"dep"};
  }
  const std::string_view hx = HeadXpos(ch);
  if (IsNounCat(cat)) {
    if (IsPossessive(c)) return {"nmod:poss"};
    if (before) {
      if (IsAdjTag(hx)) return {"amod"};
      if (hx == "CD") return {"nummod"};
      return {"compound"};
    }
    return {IsTemporal(c) ? "nmod:tmod" : "appos"};
  }
  if (cat == kAdjp || cat == kWhadjp) return {hx == "CD" ? "nummod" : "amod"};
  if (cat == kQp) return {"nummod"};
  if (cat == kPp || cat == kWhpp) return {ch.clausal ? "acl" : "nmod"};
  if (cat == kSbar) return {ch.wh || ch.marker < 0 ? "acl:relcl" : "acl"};
  if (cat == kRrc) return {"acl:relcl"};
  if (cat == kVp || IsClauseCat(cat)) return {"acl"};
  if (cat == kAdvp || cat == kWhadvp) return {"advmod"};
  if (cat == kUcp) {
    if (IsAdjTag(hx)) return {"amod"};
    if (hx == "CD") return {"nummod"};
    return {before ? "compound" : "appos"};
  }
  return {"dep"};
}

Converter::Arc Converter::PpLabel(int32_t n, int32_t i, int32_t c, const Segment& seg) const {
  const Node& ch = nodes_[c];
  const std::string_view lab = ch.label;
  const Cat cat = ch.cat;
  const bool before = i < seg.head_kid;
  if (ch.leaf && IsPrepTag(lab)) {
    return {before && Kid(n, seg.head_kid).clausal ? "mark" : "case"};
  }
  if (cat == kAdvp || cat == kWhadvp || (ch.leaf && IsAdvTag(lab))) return {"advmod"};
  if (IsNounCat(cat)) return {before ? "obl:npmod" : "nmod"};
  if (cat == kPp || cat == kWhpp) return {before ? "dep" : "nmod"};
  return {"dep"};
}

// Inside ADJP, ADVP and QP, and the fallback for other phrases.
Converter::Arc Converter::ModifierLabel(int32_t n, int32_t /*i*/, int32_t c,
                                        const Segment& /*seg*/) const {
  const Node& ch = nodes_[c];
  const std::string_view lab = ch.label;
  const Cat cat = ch.cat;
  const Cat parent = nodes_[n].cat;
  if (parent == kQp) {
    if (ch.leaf && lab == "CD") return {"compound"};
    if (ch.leaf && In(lab, {"$", "#"})) return {"dep"};
    return {"advmod"};
  }
  if (cat == kAdvp || cat == kWhadvp || (ch.leaf && (IsAdvTag(lab) || lab == "DT"))) {
    return {"advmod"};
  }
  if (cat == kPp || cat == kWhpp) return {ch.clausal ? "advcl" : "obl"};
  if (cat == kS) return {"xcomp"};
  if (cat == kSbar) return {SbarRole(c)};
  if (IsNounCat(cat) || (ch.leaf && IsNounTag(lab))) return {"obl:npmod"};
  if (cat == kQp || (ch.leaf && lab == "CD")) return {"nummod"};
  if (cat == kAdjp || (ch.leaf && IsAdjTag(lab))) return {"amod"};
  if (parent == kAdvp || parent == kWhadvp) return {"advmod"};
  return {"dep"};
}

void Converter::Finish(Sentence* s) const {
  s->ClearTokens();
  s->tokens.reserve(toks_.size());
  for (const Tok& t : toks_) {
    Token out;
    out.form = s->Intern(t.form);
    out.lemma = s->Intern(Lemma(t));
    out.upos = s->Intern(Upos(t));
    out.xpos = s->Intern(t.xpos);
    out.deprel = s->Intern(t.rel);
    out.head = t.head;
    s->tokens.push_back(out);
  }
  s->has_parse = true;
}

}  // namespace

Status ConvertPtbTree(std::string_view bracketed, Sentence* s) {
  Converter c;
  return c.Run(bracketed, s);
}

}  // namespace thaw
