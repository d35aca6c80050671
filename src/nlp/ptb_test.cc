#include "nlp/ptb.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "text/reader.h"

namespace thaw {
namespace {

// "form:head:rel" per token, heads 1-based with 0 for the root, as in CoNLL-U.
std::string Deps(const Sentence& s) {
  std::string out;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += std::string(s.Form(i)) + ":" + std::to_string(s.tokens[i].head + 1) + ":" +
           std::string(s.Deprel(i));
  }
  return out;
}

// One root, heads in range, no cycles, every token labelled.
::testing::AssertionResult IsTree(const Sentence& s) {
  const int32_t n = static_cast<int32_t>(s.tokens.size());
  if (n == 0) return ::testing::AssertionFailure() << "no tokens";
  int roots = 0;
  for (int32_t i = 0; i < n; ++i) {
    const int32_t h = s.tokens[i].head;
    if (h == -1) ++roots;
    if (h < -1 || h >= n || h == i)
      return ::testing::AssertionFailure() << "bad head of token " << i;
    if (s.Deprel(i).empty())
      return ::testing::AssertionFailure() << "token " << i << " has no relation";
    if ((h == -1) != (s.Deprel(i) == "root"))
      return ::testing::AssertionFailure() << "root mismatch at " << i;
    int32_t t = i;
    for (int32_t steps = 0; t >= 0; ++steps, t = s.tokens[t].head) {
      if (steps > n) return ::testing::AssertionFailure() << "cycle through token " << i;
    }
  }
  if (roots != 1) return ::testing::AssertionFailure() << roots << " roots";
  return ::testing::AssertionSuccess();
}

// Converts `tree`, checks it is a well-formed tree and returns Deps().
std::string Convert(std::string_view tree, Sentence* s) {
  const Status st = ConvertPtbTree(tree, s);
  EXPECT_TRUE(st.ok()) << st.ToString();
  if (!st.ok()) return st.ToString();
  EXPECT_TRUE(s->has_parse);
  EXPECT_TRUE(IsTree(*s)) << Deps(*s);
  return Deps(*s);
}

std::string Convert(std::string_view tree) {
  Sentence s;
  return Convert(tree, &s);
}

TEST(Ptb, SimpleTransitiveClauseWithTagsLemmasAndUpos) {
  Sentence s;
  EXPECT_EQ(
      Convert("(ROOT (S (NP (NNP Rohan)) (VP (VBD attacked) (NP (DT the) (NNS orcs))) (. .)))", &s),
      "Rohan:2:nsubj attacked:0:root the:4:det orcs:2:obj .:2:punct");
  ASSERT_EQ(s.tokens.size(), 5u);
  EXPECT_EQ(s.Xpos(0), "NNP");
  EXPECT_EQ(s.Upos(0), "PROPN");
  EXPECT_EQ(s.Lemma(0), "Rohan");
  EXPECT_EQ(s.Upos(1), "VERB");
  EXPECT_EQ(s.Upos(2), "DET");
  EXPECT_EQ(s.Lemma(3), "orc");
  EXPECT_EQ(s.Upos(3), "NOUN");
  EXPECT_EQ(s.Upos(4), "PUNCT");
  EXPECT_EQ(s.tokens[0].char_begin, kNoOffset);  // offsets are the caller's to align
}

TEST(Ptb, CopulaIsADependentOfItsPredicateAndTheInfinitiveIsXcomp) {
  Sentence s;
  EXPECT_EQ(
      Convert(
          "(ROOT (S (NP (NNP Rohan)) (VP (VBZ is) (ADJP (JJ about) (S (VP (TO to) (VP (VB renew) "
          "(NP (PRP$ its) (NN alliance)) (PP (IN with) (NP (NNP Gondor)))))))) (. .)))",
          &s),
      "Rohan:3:nsubj is:3:cop about:0:root to:5:mark renew:3:xcomp its:7:nmod:poss alliance:5:obj "
      "with:9:case Gondor:5:obl .:3:punct");
  EXPECT_EQ(s.Upos(1), "AUX");
  EXPECT_EQ(s.Lemma(1), "be");
  EXPECT_EQ(s.Upos(3), "PART");  // infinitival "to"
  EXPECT_EQ(s.Upos(7), "ADP");
}

TEST(Ptb, PrepositionalPredicateOfTheCopula) {
  EXPECT_EQ(
      Convert("(ROOT (S (NP (NNP Rohan)) (VP (VBZ is) (PP (IN at) (NP (NP (NN war)) (PP (IN with) "
              "(NP (NNP Mordor)))))) (. .)))"),
      "Rohan:4:nsubj is:4:cop at:4:case war:0:root with:6:case Mordor:4:nmod .:4:punct");
}

TEST(Ptb, PassiveWithByPhrase) {
  Sentence s;
  EXPECT_EQ(Convert("(ROOT (S (NP (DT The) (NN gate)) (VP (VBD was) (VP (VBN breached) (PP (IN by) "
                    "(NP (NNS orcs))))) "
                    "(. .)))",
                    &s),
            "The:2:det gate:4:nsubj:pass was:4:aux:pass breached:0:root by:6:case orcs:4:obl:agent "
            ".:4:punct");
  EXPECT_EQ(s.Upos(2), "AUX");
  // "had been fighting" is active; "was being held" has one passive auxiliary.
  EXPECT_EQ(Convert("(S (NP (NNP Rohan)) (VP (VBD had) (VP (VBN been) (VP (VBG fighting) (NP (NNS "
                    "orcs))))))"),
            "Rohan:4:nsubj had:4:aux been:4:aux fighting:0:root orcs:4:obj");
  EXPECT_EQ(Convert("(S (NP (NNP Merry)) (VP (VBD was) (VP (VBG being) (VP (VBN held) (PP (IN by) "
                    "(NP (NNS orcs)))))))"),
            "Merry:4:nsubj:pass was:4:aux being:4:aux:pass held:0:root by:6:case orcs:4:obl:agent");
  // Without a passive auxiliary a "by" phrase is an ordinary oblique.
  EXPECT_EQ(
      Convert(
          "(S (NP (PRP They)) (VP (VBP have) (VP (VBN travelled) (PP (IN by) (NP (NN night))))))"),
      "They:3:nsubj have:3:aux travelled:0:root by:5:case night:3:obl");
}

TEST(Ptb, ReportedSpeechWithThatIsCcomp) {
  EXPECT_EQ(Convert("(ROOT (S (NP (NNP Elrond)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP Rohan)) "
                    "(VP (MD would) "
                    "(VP (VB aid) (NP (NNP Gondor))))))) (. .)))"),
            "Elrond:2:nsubj said:0:root that:6:mark Rohan:6:nsubj would:6:aux aid:2:ccomp "
            "Gondor:6:obj .:2:punct");
  // No complementizer, and a bare temporal noun phrase.
  EXPECT_EQ(Convert("(ROOT (S (NP (NNP Rohan)) (VP (VBD said) (NP (NNP Monday)) (SBAR (S (NP (PRP "
                    "it)) (VP (MD would) "
                    "(VP (VB retaliate)))))) (. .)))"),
            "Rohan:2:nsubj said:0:root Monday:2:obl:tmod it:6:nsubj would:6:aux retaliate:2:ccomp "
            ".:2:punct");
}

TEST(Ptb, TrailingReportingClauseIsParataxisOfTheReportedClause) {
  EXPECT_EQ(Convert("(ROOT (S (S (NP (NNP Rohan)) (VP (MD will) (VP (VB ride)))) (, ,) (NP (DT "
                    "the) (NN herald)) "
                    "(VP (VBD announced) (PP (IN on) (NP (NNP Tuesday)))) (. .)))"),
            "Rohan:3:nsubj will:3:aux ride:0:root ,:3:punct the:6:det herald:7:nsubj "
            "announced:3:parataxis "
            "on:9:case Tuesday:7:obl .:3:punct");
  // Inverted, in quotes.
  EXPECT_EQ(
      Convert(
          "(ROOT (SINV (`` ``) (S (NP (PRP We)) (VP (VBP are) (ADJP (JJ ready)))) (, ,) ('' '') "
          "(VP (VBD said)) (NP (NNP Theoden)) (. .)))"),
      "\":4:punct We:4:nsubj are:4:cop ready:0:root ,:4:punct \":4:punct said:4:parataxis "
      "Theoden:7:nsubj "
      ".:4:punct");
  // A participial clause before the subject is not reported speech: it stays an advcl.
  EXPECT_EQ(Convert("(ROOT (S (S (VP (VBG Citing) (NP (NN danger)))) (, ,) (NP (NNP Gondor)) (VP "
                    "(VBD closed) "
                    "(NP (DT the) (NN gate))) (. .)))"),
            "Citing:5:advcl danger:1:obj ,:5:punct Gondor:5:nsubj closed:0:root the:7:det "
            "gate:5:obj .:5:punct");
}

TEST(Ptb, CoordinationOfNounPhrasesAndVerbPhrases) {
  EXPECT_EQ(
      Convert("(ROOT (S (NP (NP (NNP Rohan)) (CC and) (NP (NNP Gondor))) (VP (VP (VBD signed) (NP "
              "(DT a) "
              "(NN pact))) (CC and) (VP (VBD ended) (NP (DT the) (NN feud)))) (. .)))"),
      "Rohan:4:nsubj and:3:cc Gondor:1:conj signed:0:root a:6:det pact:4:obj and:8:cc ended:4:conj "
      "the:10:det feud:8:obj .:4:punct");
  // Flat coordination with commas; "both" is a preconjunct.
  EXPECT_EQ(Convert("(S (NP (NNP Rohan) (, ,) (NNP Gondor) (CC and) (NNP Arnor)) (VP (VBD rode)))"),
            "Rohan:6:nsubj ,:3:punct Gondor:1:conj and:5:cc Arnor:1:conj rode:0:root");
  EXPECT_EQ(Convert("(S (NP (DT Both) (NNP Rohan) (CC and) (NNP Gondor)) (VP (VBD rode)))"),
            "Both:2:cc:preconj Rohan:5:nsubj and:4:cc Gondor:2:conj rode:0:root");
}

TEST(Ptb, CoordinatedPremodifiersShareTheirNoun) {
  EXPECT_EQ(
      Convert("(ROOT (S (NP (DT The) (NNP Rohan) (CC and) (NNP Gondor) (NNS envoys)) (VP (VBD "
              "met)) (. .)))"),
      "The:5:det Rohan:5:compound and:4:cc Gondor:2:conj envoys:6:nsubj met:0:root .:6:punct");
  EXPECT_EQ(Convert("(NP (JJ economic) (CC and) (JJ military) (NNS ties))"),
            "economic:4:amod and:3:cc military:1:conj ties:0:root");
}

TEST(Ptb, PossessivesAreNmodPossWithCase) {
  Sentence s;
  EXPECT_EQ(
      Convert(
          "(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (NN steward)) (VP (VBD rebuked) (NP (PRP$ his) "
          "(NN son))) (. .)))",
          &s),
      "Gondor:3:nmod:poss 's:1:case steward:4:nsubj rebuked:0:root his:6:nmod:poss son:4:obj "
      ".:4:punct");
  EXPECT_EQ(s.Upos(1), "PART");
  EXPECT_EQ(s.Upos(4), "PRON");
  // The same without the inner NP.
  EXPECT_EQ(Convert("(NP (NNP Gondor) (POS 's) (NN steward))"),
            "Gondor:3:nmod:poss 's:1:case steward:0:root");
}

TEST(Ptb, PrepositionalPhraseAttachesToTheNounOrTheVerb) {
  EXPECT_EQ(
      Convert("(ROOT (S (NP (NP (DT The) (NN envoy)) (PP (IN of) (NP (NNP Rohan)))) (VP (VBD met) "
              "(NP (DT the) "
              "(NN king)) (PP (IN in) (NP (NNP Edoras)))) (. .)))"),
      "The:2:det envoy:5:nsubj of:4:case Rohan:2:nmod met:0:root the:7:det king:5:obj in:9:case "
      "Edoras:5:obl .:5:punct");
}

TEST(Ptb, ParticleVerbs) {
  EXPECT_EQ(Convert("(ROOT (S (NP (DT The) (NNS talks)) (VP (VBD broke) (PRT (RP down))) (. .)))"),
            "The:2:det talks:3:nsubj broke:0:root down:3:compound:prt .:3:punct");
}

TEST(Ptb, NegationIsAdvmodOfTheMainVerb) {
  Sentence s;
  EXPECT_EQ(Convert("(ROOT (S (NP (NNP Rohan)) (VP (VBD did) (RB n't) (VP (VB clash) (PP (IN with) "
                    "(NP (NNP Gondor))))) "
                    "(. .)))",
                    &s),
            "Rohan:4:nsubj did:4:aux n't:4:advmod clash:0:root with:6:case Gondor:4:obl .:4:punct");
  EXPECT_EQ(s.Lemma(2), "not");
  EXPECT_EQ(s.Upos(2), "PART");
  EXPECT_EQ(s.Lemma(1), "do");
}

TEST(Ptb, RelativeClausesFillTheirGap) {
  EXPECT_EQ(
      Convert("(ROOT (S (NP (NP (DT The) (NNS riders)) (SBAR (WHNP (WP who)) (S (VP (VBD stormed) "
              "(NP (NP (DT the) "
              "(NN fort)) (SBAR (WHNP (WDT which)) (S (NP (NNS orcs)) (VP (VBD held))))))))) (VP "
              "(VBD fled)) "
              "(. .)))"),
      "The:2:det riders:10:nsubj who:4:nsubj stormed:2:acl:relcl the:6:det fort:4:obj which:9:obj "
      "orcs:9:nsubj held:6:acl:relcl fled:0:root .:10:punct");
  EXPECT_EQ(
      Convert("(NP (NP (NNP Grima)) (, ,) (SBAR (WHNP (WP who)) (S (VP (VBD was) (VP (VBN "
              "banished))))) (, ,))"),
      "Grima:0:root ,:1:punct who:5:nsubj:pass was:5:aux:pass banished:1:acl:relcl ,:1:punct");
  // A reduced relative is acl.
  EXPECT_EQ(Convert("(NP (NP (NNS walls)) (VP (VBN built) (PP (IN by) (NP (NNS dwarves)))))"),
            "walls:0:root built:1:acl by:4:case dwarves:2:obl:agent");
}

TEST(Ptb, Apposition) {
  EXPECT_EQ(Convert("(ROOT (S (NP (NP (NNP Theoden)) (, ,) (NP (NP (DT the) (NN king)) (PP (IN of) "
                    "(NP (NNP Rohan)))) "
                    "(, ,)) (VP (VBD met) (NP (NNP Gandalf))) (. .)))"),
            "Theoden:8:nsubj ,:1:punct the:4:det king:1:appos of:6:case Rohan:4:nmod ,:1:punct "
            "met:0:root "
            "Gandalf:8:obj .:8:punct");
}

TEST(Ptb, BracketsAndQuotesAreRestoredInForms) {
  Sentence s;
  EXPECT_EQ(
      Convert(
          "(ROOT (S (`` ``) (S (NP (NNP Gondor)) (VP (VBZ needs) (NP (NN help)) (PRN (-LRB- -LRB-) "
          "(ADVP (RB now)) (-RRB- -RRB-)))) (, ,) ('' '') (NP (PRP he)) (VP (VBD wrote)) (. .)))",
          &s),
      "\":3:punct Gondor:3:nsubj needs:0:root help:3:obj (:6:punct now:3:advmod ):6:punct "
      ",:3:punct "
      "\":3:punct he:11:nsubj wrote:3:parataxis .:3:punct");
  EXPECT_EQ(s.Xpos(0), "``");
  EXPECT_EQ(s.Xpos(4), "-LRB-");
  // Some writers leave bracket words unescaped; slashes may be escaped.
  EXPECT_EQ(Convert("(NP (NP (NNP Arnor)) (PRN (-LRB- () (NP (NNP North\\/South)) (-RRB- ))))"),
            "Arnor:0:root (:3:punct North/South:1:appos ):3:punct");
}

TEST(Ptb, ExpletiveThereKeepsBeAsTheHead) {
  Sentence s;
  EXPECT_EQ(Convert("(ROOT (S (NP (EX There)) (VP (VBD was) (NP (NN fighting)) (PP (IN near) (NP "
                    "(NNP Osgiliath)))) "
                    "(. .)))",
                    &s),
            "There:2:expl was:0:root fighting:2:nsubj near:5:case Osgiliath:2:obl .:2:punct");
  EXPECT_EQ(s.Upos(1), "VERB");
}

TEST(Ptb, SubjectOfAnInfinitiveComplementBecomesTheObject) {
  EXPECT_EQ(
      Convert("(ROOT (S (NP (NNP Gondor)) (VP (VBD urged) (S (NP (NNP Rohan)) (VP (TO to) (VP (VB "
              "send) "
              "(NP (NNS riders)))))) (. .)))"),
      "Gondor:2:nsubj urged:0:root Rohan:2:obj to:5:mark send:2:xcomp riders:5:obj .:2:punct");
}

TEST(Ptb, TwoObjectsMakeAnIndirectObject) {
  EXPECT_EQ(Convert("(ROOT (S (NP (NNP Gondor)) (VP (VBD sent) (NP (NNP Rohan)) (NP (DT a) (NN "
                    "beacon))) (. .)))"),
            "Gondor:2:nsubj sent:0:root Rohan:2:iobj a:5:det beacon:2:obj .:2:punct");
}

TEST(Ptb, AdverbialClausesAndFrontedTemporals) {
  EXPECT_EQ(
      Convert(
          "(ROOT (S (SBAR (IN If) (S (NP (NNP Mordor)) (VP (VBZ attacks)))) (, ,) (NP (NNP Rohan)) "
          "(VP (MD will) (VP (VB respond))) (. .)))"),
      "If:3:mark Mordor:3:nsubj attacks:7:advcl ,:7:punct Rohan:7:nsubj will:7:aux respond:0:root "
      ".:7:punct");
  EXPECT_EQ(Convert("(ROOT (S (NP (NN Yesterday)) (, ,) (NP (NNP Rohan)) (VP (VBD attacked) (NP "
                    "(NNP Isengard)) (, ,) "
                    "(S (VP (VBG freeing) (NP (CD two) (NNS hobbits))))) (. .)))"),
            "Yesterday:4:obl:tmod ,:4:punct Rohan:4:nsubj attacked:0:root Isengard:4:obj ,:4:punct "
            "freeing:4:advcl two:9:nummod hobbits:7:obj .:4:punct");
}

TEST(Ptb, PennTreebankFunctionTagsAndEmptyElements) {
  // Gold-treebank style: an unlabelled outer bracket, NP-SBJ-1, traces, NP-TMP.
  EXPECT_EQ(
      Convert("( (S (NP-SBJ-1 (NNP Osgiliath)) (VP (VBD was) (VP (VBN attacked) (NP (-NONE- *-1)) "
              "(PP-LOC (IN from) (NP (DT the) (NN east))) (NP-TMP (NN tonight)))) (. .)) )"),
      "Osgiliath:3:nsubj:pass was:3:aux:pass attacked:0:root from:6:case the:6:det east:3:obl "
      "tonight:3:obl:tmod .:3:punct");
  // A constituent holding only empty elements disappears with them.
  EXPECT_EQ(Convert("(S (SBAR (-NONE- 0) (S (-NONE- *T*-1))) (NP (NNS Orcs)) (VP (VBD fled)))"),
            "Orcs:2:nsubj fled:0:root");
}

TEST(Ptb, BareTreesAndExtraWhitespaceAreAccepted) {
  EXPECT_EQ(Convert("\n  (S\n\t(NP (NNP Rohan))\r\n    (VP (VBD rode) )  )\n"),
            "Rohan:2:nsubj rode:0:root");
  EXPECT_EQ(Convert("(NN Rohan)"), "Rohan:0:root");
  EXPECT_EQ(Convert("(ROOT (FRAG (NP (NNP Rohan)) (: --) (NP (NNS riders))))"),
            "Rohan:0:root --:1:punct riders:1:appos");
}

TEST(Ptb, ConversionReplacesExistingTokens) {
  Sentence s;
  s.text = "Rohan rode.";
  s.id = "s1";
  ASSERT_TRUE(ConvertPtbTree("(S (NP (NNP Gondor)) (VP (VBD waited)))", &s).ok());
  EXPECT_EQ(Convert("(S (NP (NNP Rohan)) (VP (VBD rode)) (. .))", &s),
            "Rohan:2:nsubj rode:0:root .:2:punct");
  EXPECT_EQ(s.text, "Rohan rode.");
  EXPECT_EQ(s.id, "s1");
}

// ---- Malformed input. ----

::testing::AssertionResult Rejected(std::string_view tree, std::string_view expected_in_message) {
  Sentence s;
  s.tokens.emplace_back();
  s.tokens[0].form = s.Intern("keep");
  const Status st = ConvertPtbTree(tree, &s);
  if (st.ok()) return ::testing::AssertionFailure() << "accepted: " << Deps(s);
  if (st.code() != StatusCode::kInvalidArgument)
    return ::testing::AssertionFailure() << st.ToString();
  if (st.message().find(expected_in_message) == std::string::npos) {
    return ::testing::AssertionFailure()
           << "message lacks '" << expected_in_message << "': " << st.message();
  }
  if (s.tokens.size() != 1 || s.Form(0) != "keep" || s.has_parse) {
    return ::testing::AssertionFailure() << "sentence modified on error";
  }
  return ::testing::AssertionSuccess();
}

TEST(Ptb, UnbalancedBracketsAreErrorsNamingThePosition) {
  EXPECT_TRUE(Rejected("(S (NP (NNP Rohan)) (VP (VBD rode))",
                       "1 '(' still open at the end of the input; the innermost opens at byte 0"));
  EXPECT_TRUE(Rejected("(S (NP (NNP Rohan)) (VP (VBD rode))))", "')' closes nothing at byte 36"));
  EXPECT_TRUE(Rejected("((((((", "still open"));
  EXPECT_TRUE(Rejected(")", "at byte 0"));
  EXPECT_TRUE(Rejected("(S (NP (NNP Rohan",
                       "3 '(' still open at the end of the input; the innermost opens at byte 7"));
}

TEST(Ptb, EmptyTreesAndTreesWithoutWordsAreErrors) {
  EXPECT_TRUE(Rejected("", "empty tree"));
  EXPECT_TRUE(Rejected("  \n ", "empty tree"));
  EXPECT_TRUE(Rejected("()", "no words"));
  EXPECT_TRUE(Rejected("(ROOT (S (NP) (VP)))", "no words"));
  EXPECT_TRUE(Rejected("(S (-NONE- *T*))", "no words"));
}

TEST(Ptb, GarbageIsAnError) {
  EXPECT_TRUE(Rejected("Rohan rode to war", "expected '(' but found 'Rohan'"));
  EXPECT_TRUE(Rejected("(S (NP Rohan rode))", "has more than one word"));
  EXPECT_TRUE(Rejected("(S (NP (NNP Rohan)) rode)", "word 'rode' is outside a (TAG word) leaf"));
  EXPECT_TRUE(
      Rejected("(S (NNP Rohan)) (S (NNP Gondor))", "text after the end of the tree at byte 16"));
  EXPECT_TRUE(Rejected("(NNP Rohan (NNP Gondor))", "has more than one word"));
}

TEST(Ptb, DeeplyNestedTreesDoNotOverflowTheStack) {
  constexpr int kDepth = 10000;
  std::string tree;
  for (int i = 0; i < kDepth; ++i) tree += i % 2 ? "(NP " : "(S ";
  tree += "(NN x)";
  tree.append(kDepth, ')');
  EXPECT_EQ(Convert(tree), "x:0:root");

  // A long chain of verb phrases, each with a word: 10,000 tokens, 10,000 levels.
  std::string chain;
  for (int i = 0; i < kDepth; ++i) chain += i % 3 == 0 ? "(VP (VBD was) " : "(VP (VB go) ";
  chain += "(VP (VBN gone)";
  chain.append(kDepth + 1, ')');
  Sentence s;
  Convert(chain, &s);
  EXPECT_EQ(s.tokens.size(), static_cast<size_t>(kDepth + 1));

  std::string open(kDepth, '(');
  EXPECT_TRUE(Rejected(open, "still open"));
}

TEST(Ptb, RandomInputNeverCrashesAndSuccessMeansATree) {
  std::mt19937 rng(20240611);
  const std::string_view pieces[] = {
      "(",   ")",   " ",      "S",        "NP",        "VP",    "PP",      "SBAR",      "CC",
      "NN",  "VBD", "IN",     "DT",       "POS",       ",",     "-NONE-",  "x",         "and",
      "was", "by",  "(NN x)", "(CC and)", "(VBD was)", "(, ,)", "(IN by)", "(-NONE- *)"};
  int accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string tree;
    const int len = 1 + static_cast<int>(rng() % 40);
    for (int k = 0; k < len; ++k) tree += pieces[rng() % std::size(pieces)];
    Sentence s;
    const Status st = ConvertPtbTree(tree, &s);
    if (st.ok()) {
      ++accepted;
      EXPECT_TRUE(IsTree(s)) << tree;
    } else {
      EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << tree;
      EXPECT_TRUE(s.tokens.empty()) << tree;
    }
  }
  EXPECT_GT(accepted, 0);
}

// Random trees built from real labels and words exercise every head rule and relation.
std::string RandomTree(std::mt19937* rng, int depth) {
  static constexpr std::string_view kPhrases[] = {
      "S",    "SINV",   "SQ",  "SBAR", "SBARQ", "VP",  "NP",  "NML",    "PP",
      "ADJP", "ADVP",   "QP",  "PRT",  "CONJP", "UCP", "PRN", "FRAG",   "WHNP",
      "WHPP", "WHADVP", "RRC", "X",    "INTJ",  "NX",  "LST", "NP-TMP", "S-TPC-1"};
  static constexpr std::string_view kLeaves[] = {
      "(NN x)",     "(NNS years)", "(NNP Rohan)", "(CC and)",      "(VBD was)",    "(VBZ is)",
      "(VBN seen)", "(VBG being)", "(VB get)",    "(MD will)",     "(TO to)",      "(IN by)",
      "(IN that)",  "(IN after)",  "(DT the)",    "(DT both)",     "(PDT all)",    "(WDT which)",
      "(WP who)",   "(WRB when)",  "(EX There)",  "(PRP he)",      "(PRP$ his)",   "(POS 's)",
      "(RB n't)",   "(RP down)",   "(JJ about)",  "(CD five)",     "(, ,)",        "(. .)",
      "(: ;)",      "(`` ``)",     "('' '')",     "(-LRB- -LRB-)", "(-NONE- *T*)", "(UH oh)",
      "($ $)",      "(VBP have)",  "(VBD did)",   "(NN yesterday)"};
  if (depth > 6 || (*rng)() % 4 == 0) return std::string(kLeaves[(*rng)() % std::size(kLeaves)]);
  std::string tree = "(" + std::string(kPhrases[(*rng)() % std::size(kPhrases)]);
  const int kids = 1 + static_cast<int>((*rng)() % 5);
  for (int k = 0; k < kids; ++k) tree += " " + RandomTree(rng, depth + 1);
  return tree + ")";
}

TEST(Ptb, RandomWellFormedTreesBecomeDependencyTrees) {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    const std::string tree = "(ROOT " + RandomTree(&rng, 0) + ")";
    Sentence s;
    const Status st = ConvertPtbTree(tree, &s);
    if (st.ok()) {
      EXPECT_TRUE(IsTree(s)) << tree;
    } else {
      EXPECT_NE(st.message().find("no words"), std::string::npos) << tree << ": " << st.ToString();
    }
  }
}

// ---- PETRARCH validation records. ----

// tests/data/ptb/unittest_records.ptb holds hand-bracketed PTB trees for 20 records of
// the PETRARCH unit-test file, with "_" for words; the converted trees must agree with the
// records' own UD parses on the attachments the coder relies on.
TEST(Ptb, ValidationRecordsAgreeWithTheirUdParses) {
  const std::string records =
      std::string(THAW_SHARED_DIR) + "/petrarch/validation/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(records)) {
    GTEST_SKIP()
        << "../shared/petrarch/validation is absent; PTB conversion not compared with the records";
  }
  std::map<std::string, Sentence> by_id;
  Diagnostics diags;
  auto reader = OpenDocumentReader(records, InputFormat::kPetrarchXml, &diags);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  Document doc;
  while (true) {
    auto more = (*reader)->Next(&doc);
    ASSERT_TRUE(more.ok()) << more.status().ToString();
    if (!*more) break;
    if (doc.sentences.size() == 1 && doc.sentences[0].has_parse)
      by_id.emplace(doc.id, doc.sentences[0]);
  }

  std::ifstream in(std::string(THAW_SOURCE_DIR) + "/tests/data/ptb/unittest_records.ptb");
  ASSERT_TRUE(in) << "tests/data/ptb/unittest_records.ptb is missing";
  std::vector<std::pair<std::string, std::string>> trees;  // id, template
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] != '(' && line[0] != ' ') {
      trees.emplace_back(line, "");
    } else if (!trees.empty()) {
      trees.back().second += line + "\n";
    }
  }
  ASSERT_EQ(trees.size(), 20u);

  // Relations compared, with UD v1 names (the records') mapped to v2; nmod and obl are one
  // class because v2 splits v1's nmod by the head's category.
  auto normal = [](std::string_view r) -> std::string {
    if (r == "dobj") return "obj";
    if (r == "nsubjpass") return "nsubj:pass";
    if (r == "auxpass") return "aux:pass";
    if (r == "nmod" || r == "obl" || r == "nmod:agent" || r == "obl:agent") return "obl/nmod";
    if (r == "nmod:tmod" || r == "obl:tmod") return "tmod";
    return std::string(r);
  };
  const std::vector<std::string> compared = {
      "nsubj", "nsubj:pass", "obj",       "iobj", "obl/nmod",  "tmod", "xcomp",
      "ccomp", "advcl",      "conj",      "acl",  "acl:relcl", "cop",  "aux:pass",
      "mark",  "case",       "nmod:poss", "amod", "parataxis", "expl"};
  int checked = 0;
  for (const auto& [id, templ] : trees) {
    SCOPED_TRACE(id);
    auto it = by_id.find(id);
    ASSERT_NE(it, by_id.end()) << "no parsed record " << id;
    const Sentence& rec = it->second;
    // Fill the "_" leaves with the record's words.
    std::string tree;
    size_t next = 0;
    for (size_t i = 0; i < templ.size(); ++i) {
      if (templ[i] == '_' && i > 0 && templ[i - 1] == ' ' && i + 1 < templ.size() &&
          templ[i + 1] == ')') {
        ASSERT_LT(next, rec.tokens.size()) << "more leaves than the record has tokens";
        std::string_view w = rec.Form(next++);
        tree += w == "(" ? "-LRB-" : w == ")" ? "-RRB-" : std::string(w);
      } else {
        tree += templ[i];
      }
    }
    ASSERT_EQ(next, rec.tokens.size()) << "fewer leaves than the record has tokens";
    Sentence s;
    Convert(tree, &s);
    ASSERT_EQ(s.tokens.size(), rec.tokens.size());
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      const std::string want = normal(rec.Deprel(i));
      if (std::find(compared.begin(), compared.end(), want) == compared.end()) continue;
      ++checked;
      EXPECT_EQ(normal(s.Deprel(i)), want) << "token " << i + 1 << " '" << rec.Form(i) << "'";
      EXPECT_EQ(s.tokens[i].head, rec.tokens[i].head)
          << "token " << i + 1 << " '" << rec.Form(i) << "' (" << want << ")";
    }
  }
  EXPECT_GT(checked, 200);
}

}  // namespace
}  // namespace thaw
