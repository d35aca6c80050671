// The rules follow counts in EWT + GUM train (UD 2.x English). Where the two treebanks
// disagree, EWT's choice is taken: its -ly adverbs carry no Degree (GUM's carry Degree=Pos),
// its existential "there" no PronType. Measured with bench/parse_eval (UFeats: the whole
// FEATS string right, per word), the rules on the gold tags and tree: EWT dev 97.22, GUM dev
// 93.77 (GUM's conventions differ); with our own tags and parse, EWT test 94.80, GUM test
// 92.12; 21 M words/s. The largest groups of errors left on EWT dev (gold tree, counted on a
// prototype of these rules): Voice=Pass on participles without a passive auxiliary
// ("Attached is ...", ~40 of 25,147 words), Degree=Pos on some adverbs (~30), NumType=Frac on
// fractions in digits (~26; "/" also writes dates), Number=Ptan on plural-only nouns (~25),
// free relatives ("what I want": Rel, ~23), Typo=Yes (~22 on one tag alone).
#include "nlp/features.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace thaw {
namespace {

struct Entry {
  std::string_view form, feats;
};

// Pronouns whose features do not depend on their place in the tree (PRP).
constexpr Entry kPronouns[] = {
    {"i", "Case=Nom|Number=Sing|Person=1|PronType=Prs"},
    {"me", "Case=Acc|Number=Sing|Person=1|PronType=Prs"},
    {"we", "Case=Nom|Number=Plur|Person=1|PronType=Prs"},
    {"us", "Case=Acc|Number=Plur|Person=1|PronType=Prs"},
    {"he", "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs"},
    {"him", "Case=Acc|Gender=Masc|Number=Sing|Person=3|PronType=Prs"},
    {"she", "Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs"},
    {"they", "Case=Nom|Number=Plur|Person=3|PronType=Prs"},
    {"them", "Case=Acc|Number=Plur|Person=3|PronType=Prs"},
    {"myself", "Case=Acc|Number=Sing|Person=1|PronType=Prs|Reflex=Yes"},
    {"yourself", "Case=Acc|Number=Sing|Person=2|PronType=Prs|Reflex=Yes"},
    {"himself", "Case=Acc|Gender=Masc|Number=Sing|Person=3|PronType=Prs|Reflex=Yes"},
    {"herself", "Case=Acc|Gender=Fem|Number=Sing|Person=3|PronType=Prs|Reflex=Yes"},
    {"itself", "Case=Acc|Gender=Neut|Number=Sing|Person=3|PronType=Prs|Reflex=Yes"},
    {"ourselves", "Case=Acc|Number=Plur|Person=1|PronType=Prs|Reflex=Yes"},
    {"yourselves", "Case=Acc|Number=Plur|Person=2|PronType=Prs|Reflex=Yes"},
    {"themselves", "Case=Acc|Number=Plur|Person=3|PronType=Prs|Reflex=Yes"},
    {"mine", "Number=Sing|Person=1|Poss=Yes|PronType=Prs"},
    {"yours", "Person=2|Poss=Yes|PronType=Prs"},
    {"ours", "Number=Plur|Person=1|Poss=Yes|PronType=Prs"},
    {"theirs", "Number=Plur|Person=3|Poss=Yes|PronType=Prs"},
    {"hers", "Gender=Fem|Number=Sing|Person=3|Poss=Yes|PronType=Prs"},
};

// Possessive determiners (PRP$).
constexpr Entry kPossessives[] = {
    {"my", "Case=Gen|Number=Sing|Person=1|Poss=Yes|PronType=Prs"},
    {"your", "Case=Gen|Person=2|Poss=Yes|PronType=Prs"},
    {"his", "Case=Gen|Gender=Masc|Number=Sing|Person=3|Poss=Yes|PronType=Prs"},
    {"her", "Case=Gen|Gender=Fem|Number=Sing|Person=3|Poss=Yes|PronType=Prs"},
    {"its", "Case=Gen|Gender=Neut|Number=Sing|Person=3|Poss=Yes|PronType=Prs"},
    {"our", "Case=Gen|Number=Plur|Person=1|Poss=Yes|PronType=Prs"},
    {"their", "Case=Gen|Number=Plur|Person=3|Poss=Yes|PronType=Prs"},
};

// Determiners, and the same words used as pronouns (PRON with XPOS DT).
constexpr Entry kDeterminers[] = {
    {"the", "Definite=Def|PronType=Art"},
    {"a", "Definite=Ind|PronType=Art"},
    {"an", "Definite=Ind|PronType=Art"},
    {"this", "Number=Sing|PronType=Dem"},
    {"that", "Number=Sing|PronType=Dem"},
    {"these", "Number=Plur|PronType=Dem"},
    {"those", "Number=Plur|PronType=Dem"},
    {"all", "PronType=Tot"},
    {"every", "PronType=Tot"},
    {"each", "PronType=Tot"},
    {"both", "PronType=Tot"},
    {"some", "PronType=Ind"},
    {"any", "PronType=Ind"},
    {"another", "PronType=Ind"},
    {"either", "PronType=Ind"},
    {"whatever", "PronType=Ind"},
    {"half", "PronType=Ind"},
    {"no", "PronType=Neg"},
    {"neither", "PronType=Neg"},
    {"which", "PronType=Int"},
    {"what", "PronType=Int"},
};

// Adverbs (RB) with features; other RB adverbs have none.
constexpr Entry kAdverbs[] = {
    {"then", "PronType=Dem"},     {"there", "PronType=Dem"},     {"here", "PronType=Dem"},
    {"now", "PronType=Dem"},      {"thus", "PronType=Dem"},      {"never", "PronType=Neg"},
    {"nowhere", "PronType=Neg"},  {"always", "PronType=Tot"},    {"everywhere", "PronType=Tot"},
    {"ever", "PronType=Ind"},     {"sometimes", "PronType=Ind"}, {"somewhere", "PronType=Ind"},
    {"anywhere", "PronType=Ind"}, {"well", "Degree=Pos"},
};

constexpr std::string_view kOrdinals[] = {
    "first",     "second",    "third",       "fourth",     "fifth",      "sixth",      "seventh",
    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",  "thirtieth",
    "fortieth",  "fiftieth",  "hundredth",   "thousandth", "millionth",
};

// Finite verbs by Number x Person x Tense.
constexpr std::string_view kFinite[2][3][2] = {
    {{"Mood=Ind|Number=Sing|Person=1|Tense=Past|VerbForm=Fin",
      "Mood=Ind|Number=Sing|Person=1|Tense=Pres|VerbForm=Fin"},
     {"Mood=Ind|Number=Sing|Person=2|Tense=Past|VerbForm=Fin",
      "Mood=Ind|Number=Sing|Person=2|Tense=Pres|VerbForm=Fin"},
     {"Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
      "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"}},
    {{"Mood=Ind|Number=Plur|Person=1|Tense=Past|VerbForm=Fin",
      "Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin"},
     {"Mood=Ind|Number=Plur|Person=2|Tense=Past|VerbForm=Fin",
      "Mood=Ind|Number=Plur|Person=2|Tense=Pres|VerbForm=Fin"},
     {"Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin",
      "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"}},
};

enum Number { kSing = 0, kPlur = 1 };
struct Agreement {
  int number = kSing;
  int person = 3;  // 1..3
};

// Lower-cased ASCII copy of a short form; longer forms are in no table.
class LowerForm {
 public:
  explicit LowerForm(std::string_view form) {
    if (form.size() > sizeof(buf_)) return;
    for (size_t i = 0; i < form.size(); ++i) {
      const char c = form[i];
      buf_[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    size_ = form.size();
  }
  std::string_view view() const { return {buf_, size_}; }

 private:
  char buf_[16];
  size_t size_ = 0;
};

template <size_t N>
std::string_view Find(const Entry (&table)[N], std::string_view lower) {
  for (const Entry& e : table) {
    if (e.form == lower) return e.feats;
  }
  return {};
}

bool IsSubject(std::string_view rel) {
  return rel == "nsubj" || rel == "nsubj:pass" || rel == "nsubj:outer";
}
bool IsAuxRel(std::string_view rel) { return rel == "aux" || rel == "cop" || rel == "aux:pass"; }
bool IsRelativeClause(std::string_view rel) { return rel == "acl:relcl" || rel == "advcl:relcl"; }

// What each word's dependents are, for the rules that look at the tree.
struct Children {
  std::vector<int> subject;    // the first subject dependent, or -1
  std::vector<int> first_aux;  // the first aux dependent, or -1
  std::vector<uint8_t> flags;  // kHas* bits
};
enum : uint8_t { kHasAux = 1, kHasMark = 2, kHasAuxPass = 4, kHasConj = 8 };

class Rules {
 public:
  explicit Rules(const Sentence& s) : s_(s) {
    const size_t n = s.tokens.size();
    kids_.subject.assign(n, -1);
    kids_.first_aux.assign(n, -1);
    kids_.flags.assign(n, 0);
    if (!s.has_parse) return;
    for (size_t i = 0; i < n; ++i) {
      const int h = Head(i);
      if (h < 0) continue;
      const std::string_view rel = s.Deprel(i);
      if (IsSubject(rel) && kids_.subject[h] < 0) kids_.subject[h] = static_cast<int>(i);
      if (rel == "aux") {
        kids_.flags[h] |= kHasAux;
        if (kids_.first_aux[h] < 0) kids_.first_aux[h] = static_cast<int>(i);
      }
      if (rel == "mark") kids_.flags[h] |= kHasMark;
      if (rel == "aux:pass") kids_.flags[h] |= kHasAuxPass;
      if (rel == "conj") kids_.flags[h] |= kHasConj;
    }
  }

  // The head of word i, or -1 for the root (or a head out of range, in a broken given tree).
  int Head(size_t i) const {
    const int h = s_.tokens[i].head;
    return h >= 0 && static_cast<size_t>(h) < s_.tokens.size() ? h : -1;
  }

  std::string_view For(size_t i) const {
    const std::string_view upos = s_.Upos(i), xpos = s_.Xpos(i);
    const LowerForm lower(s_.Form(i));
    const std::string_view low = lower.view();
    if (upos == "NOUN" || upos == "PROPN" || upos == "SYM") {
      if (xpos == "NN" || xpos == "NNP") return "Number=Sing";
      if (xpos == "NNS" || xpos == "NNPS") return "Number=Plur";
      return {};
    }
    if (upos == "ADJ") {
      if (xpos == "JJR") return "Degree=Cmp";
      if (xpos == "JJS") return "Degree=Sup";
      for (std::string_view o : kOrdinals) {
        if (o == low) return "Degree=Pos|NumForm=Word|NumType=Ord";
      }
      if (!low.empty() && low[0] >= '0' && low[0] <= '9' &&
          (low.ends_with("st") || low.ends_with("nd") || low.ends_with("rd") ||
           low.ends_with("th"))) {
        return "Degree=Pos|NumForm=Combi|NumType=Ord";
      }
      return "Degree=Pos";
    }
    if (upos == "NUM") return NumberFeatures(s_.Form(i));
    if (upos == "DET") {
      if (xpos == "WDT") return WhFeatures(i);
      return Find(kDeterminers, low);
    }
    if (upos == "PRON") return PronounFeatures(i, xpos, low);
    if (upos == "ADV") {
      if (xpos == "RBR") return "Degree=Cmp";
      if (xpos == "RBS") return "Degree=Sup";
      if (xpos == "WRB") return WhFeatures(i);
      return Find(kAdverbs, low);
    }
    if (upos == "PART") {
      return low == "not" || low == "n't" || low == "nt" ? "Polarity=Neg" : std::string_view();
    }
    if (upos == "INTJ") {
      if (low == "yes" || low == "yeah" || low == "yep" || low == "yup") return "Polarity=Pos";
      if (low == "no" || low == "nope" || low == "nah") return "Polarity=Neg";
      return {};
    }
    if (upos == "VERB" || upos == "AUX") return VerbFeatures(i, upos, xpos);
    return {};
  }

 private:
  static std::string_view NumberFeatures(std::string_view form) {
    bool roman = !form.empty();
    for (char c : form) {
      if (c >= '0' && c <= '9') return "NumForm=Digit|NumType=Card";
      if (std::string_view("IVXLCDM").find(c) == std::string_view::npos) roman = false;
    }
    return roman ? "NumForm=Roman|NumType=Card" : "NumForm=Word|NumType=Card";
  }

  // A wh-word is relative when the clause it belongs to is a relative clause.
  std::string_view WhFeatures(size_t i) const {
    const int h = Head(i);
    const bool relative = s_.has_parse && h >= 0 && IsRelativeClause(s_.Deprel(h));
    return relative ? "PronType=Rel" : "PronType=Int";
  }

  std::string_view PronounFeatures(size_t i, std::string_view xpos, std::string_view low) const {
    if (xpos == "PRP$") return Find(kPossessives, low);
    if (xpos == "WP" || xpos == "WDT") return WhFeatures(i);
    if (xpos == "WP$") return "Poss=Yes|PronType=Rel";
    if (xpos == "EX") return {};
    if (low == "it" || low == "you" || low == "her") {
      const std::string_view rel = s_.Deprel(i);
      const bool nom = s_.has_parse && (IsSubject(rel) || rel == "expl");
      if (low == "it") {
        return nom ? "Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs"
                   : "Case=Acc|Gender=Neut|Number=Sing|Person=3|PronType=Prs";
      }
      if (low == "you")
        return nom ? "Case=Nom|Person=2|PronType=Prs" : "Case=Acc|Person=2|PronType=Prs";
      return nom ? "Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs"
                 : "Case=Acc|Gender=Fem|Number=Sing|Person=3|PronType=Prs";
    }
    if (std::string_view f = Find(kPronouns, low); !f.empty()) return f;
    if (xpos == "DT") return Find(kDeterminers, low);
    // someone, anything, everybody, nothing, none
    if (low.starts_with("some") || low.starts_with("any")) return "Number=Sing|PronType=Ind";
    if (low.starts_with("every")) return "Number=Sing|PronType=Tot";
    if (low.starts_with("no")) return "Number=Sing|PronType=Neg";
    return {};
  }

  std::string_view VerbFeatures(size_t i, std::string_view upos, std::string_view xpos) const {
    const std::string_view rel = s_.Deprel(i);
    if (xpos == "MD") return "VerbForm=Fin";
    if (xpos == "VBZ") return kFinite[kSing][2][1];
    if (xpos == "VBN") {
      if (upos == "AUX" || IsAuxRel(rel)) return "Tense=Past|VerbForm=Part";
      const bool passive = (kids_.flags[i] & kHasAuxPass) != 0 || rel == "amod" || rel == "acl" ||
                           rel == "xcomp" || rel == "case";
      return passive ? "Tense=Past|VerbForm=Part|Voice=Pass" : "Tense=Past|VerbForm=Part";
    }
    if (xpos == "VBG") {
      const bool gerund =
          upos == "VERB" && s_.has_parse &&
          (rel == "acl" || rel == "xcomp" || rel == "amod" || rel == "csubj" || rel == "nsubj" ||
           rel == "obj" || rel == "obl" || rel == "nmod" || rel == "compound");
      return gerund ? "VerbForm=Ger" : "Tense=Pres|VerbForm=Part";
    }
    if (xpos == "VB") return Imperative(i, 0) ? "Mood=Imp|VerbForm=Fin" : "VerbForm=Inf";
    if (xpos == "VBD" || xpos == "VBP") {
      const bool past = xpos == "VBD";
      Agreement a;
      if (!SubjectAgreement(i, 0, &a)) a = past ? Agreement{kSing, 3} : Agreement{kSing, 1};
      if (!past && a.number == kSing && a.person == 3) a.number = kPlur;  // VBP is never 3sg
      return kFinite[a.number][a.person - 1][past ? 0 : 1];
    }
    return {};
  }

  // A base-form verb with no subject, auxiliary or marker heading a main clause ("Call me"),
  // or conjoined to one; an auxiliary ("Do n't go", "Be careful") of such a verb.
  bool Imperative(size_t i, int depth) const {
    if (!s_.has_parse || depth > 8) return false;
    const int h = Head(i);
    const std::string_view rel = s_.Deprel(i);
    if (s_.Upos(i) == "AUX" && (rel == "aux" || rel == "cop") && h >= 0) {
      if (kids_.subject[h] >= 0 || (kids_.flags[h] & kHasMark) != 0) return false;
      if (kids_.first_aux[h] >= 0 && kids_.first_aux[h] < static_cast<int>(i)) return false;
      const std::string_view head_rel = s_.Deprel(h);
      return head_rel == "root" || head_rel == "parataxis";
    }
    if (kids_.subject[i] >= 0 || (kids_.flags[i] & (kHasAux | kHasMark)) != 0) return false;
    if (rel == "root" || rel == "parataxis") return true;
    if (rel == "conj" && h >= 0 && s_.Xpos(h) == "VB") return Imperative(h, depth + 1);
    return false;
  }

  // Person and number of the subject of verb i: its own, an auxiliary's or copula's verb's,
  // or the first conjunct's ("She came and saw"). False when it has none.
  bool SubjectAgreement(size_t i, int depth, Agreement* a) const {
    if (!s_.has_parse || depth > 8) return false;
    const int h = Head(i);
    const std::string_view rel = s_.Deprel(i);
    if ((s_.Upos(i) == "AUX" || IsAuxRel(rel)) && h >= 0) {
      return SubjectAgreement(h, depth + 1, a);
    }
    const int subj = kids_.subject[i];
    if (subj < 0) {
      if (rel == "conj" && h >= 0) return SubjectAgreement(h, depth + 1, a);
      return false;
    }
    const LowerForm lower(s_.Form(subj));
    const std::string_view f = lower.view();
    if (f == "i") {
      *a = {kSing, 1};
    } else if (f == "we") {
      *a = {kPlur, 1};
    } else if (f == "you") {
      *a = {kSing, 2};
    } else if (f == "they" || f == "these" || f == "those") {
      *a = {kPlur, 3};
    } else if ((kids_.flags[subj] & kHasConj) != 0) {
      *a = {kPlur, 3};  // "Seoul and Tokyo were"
    } else {
      std::string_view x = s_.Xpos(subj);
      // A relative pronoun counts as what the clause modifies ("envoys who were").
      if ((x == "WP" || x == "WDT") && rel == "acl:relcl" && h >= 0) x = s_.Xpos(h);
      *a = {x == "NNS" || x == "NNPS" ? kPlur : kSing, 3};
    }
    return true;
  }

  const Sentence& s_;
  Children kids_;
};

}  // namespace

void AddFeatures(Sentence* s) {
  const Rules rules(*s);
  for (size_t i = 0; i < s->tokens.size(); ++i) {
    const std::string_view f = rules.For(i);
    s->tokens[i].feats = f.empty() ? Span{} : s->Intern(f);
  }
}

}  // namespace thaw
