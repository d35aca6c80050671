#include "nlp/features.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace thaw {
namespace {

// A parsed sentence from "form UPOS XPOS head deprel" items separated by ';' (heads 1-based,
// 0 for the root, as in CoNLL-U).
Sentence Parsed(const std::string& spec) {
  Sentence s;
  std::stringstream items(spec);
  std::string item;
  while (std::getline(items, item, ';')) {
    std::stringstream f(item);
    std::string form, upos, xpos, rel;
    int head = 0;
    f >> form >> upos >> xpos >> head >> rel;
    Token t;
    t.form = s.Intern(form);
    t.upos = s.Intern(upos);
    t.xpos = s.Intern(xpos);
    t.head = head - 1;
    t.deprel = s.Intern(rel);
    s.tokens.push_back(t);
  }
  s.has_parse = true;
  return s;
}

std::vector<std::string> FeaturesOf(Sentence s) {
  AddFeatures(&s);
  std::vector<std::string> out;
  for (size_t i = 0; i < s.tokens.size(); ++i) out.emplace_back(s.Feats(i));
  return out;
}

TEST(Features, FiniteVerbsAgreeWithTheirSubjectThroughConjunctsAndAuxiliaries) {
  const auto f = FeaturesOf(Parsed(
      "Seoul PROPN NNP 4 nsubj; and CCONJ CC 3 cc; Tokyo PROPN NNP 1 conj; met VERB VBD 0 root;"
      "and CCONJ CC 6 cc; signed VERB VBD 4 conj; -- PUNCT : 4 punct; we PRON PRP 10 nsubj;"
      "are AUX VBP 10 aux; leaving VERB VBG 4 parataxis"));
  EXPECT_EQ(f[0], "Number=Sing");
  EXPECT_EQ(f[3], "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin");
  EXPECT_EQ(f[5], "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin");  // its conjunct's
  EXPECT_EQ(f[6], "");
  EXPECT_EQ(f[7], "Case=Nom|Number=Plur|Person=1|PronType=Prs");
  EXPECT_EQ(f[8], "Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin");  // the verb's subject
  EXPECT_EQ(f[9], "Tense=Pres|VerbForm=Part");
}

TEST(Features, ImperativesPassivesAndRelativeClauses) {
  const auto f = FeaturesOf(Parsed(
      "Call VERB VB 0 root; the DET DT 3 det; ministers NOUN NNS 1 obj; who PRON WP 6 nsubj:pass;"
      "were AUX VBD 6 aux:pass; invited VERB VBN 3 acl:relcl; to PART TO 8 mark;"
      "speak VERB VB 6 xcomp"));
  EXPECT_EQ(f[0], "Mood=Imp|VerbForm=Fin");
  EXPECT_EQ(f[1], "Definite=Def|PronType=Art");
  EXPECT_EQ(f[2], "Number=Plur");
  EXPECT_EQ(f[3], "PronType=Rel");
  EXPECT_EQ(f[4], "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin");  // who = ministers
  EXPECT_EQ(f[5], "Tense=Past|VerbForm=Part|Voice=Pass");
  EXPECT_EQ(f[6], "");
  EXPECT_EQ(f[7], "VerbForm=Inf");
}

TEST(Features, PronounCaseFollowsItsRelation) {
  const auto f = FeaturesOf(Parsed(
      "It PRON PRP 2 nsubj; told VERB VBD 0 root; you PRON PRP 2 iobj; her PRON PRP$ 5 nmod:poss;"
      "first ADJ JJ 2 obj; 21st ADJ JJ 5 amod; 3 NUM CD 5 nummod; III NUM CD 5 nummod;"
      "never ADV RB 2 advmod; n't PART RB 2 advmod; better ADV RBR 2 advmod"));
  EXPECT_EQ(f[0], "Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs");
  EXPECT_EQ(f[1], "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin");
  EXPECT_EQ(f[2], "Case=Acc|Person=2|PronType=Prs");
  EXPECT_EQ(f[3], "Case=Gen|Gender=Fem|Number=Sing|Person=3|Poss=Yes|PronType=Prs");
  EXPECT_EQ(f[4], "Degree=Pos|NumForm=Word|NumType=Ord");
  EXPECT_EQ(f[5], "Degree=Pos|NumForm=Combi|NumType=Ord");
  EXPECT_EQ(f[6], "NumForm=Digit|NumType=Card");
  EXPECT_EQ(f[7], "NumForm=Roman|NumType=Card");
  EXPECT_EQ(f[8], "PronType=Neg");
  EXPECT_EQ(f[9], "Polarity=Neg");
  EXPECT_EQ(f[10], "Degree=Cmp");
}

TEST(Features, WithoutATreeOnlyWhatTheTagsDecide) {
  Sentence s = Parsed("They PRON PRP 2 nsubj; went VERB VBD 0 root; home ADV RB 2 advmod");
  s.has_parse = false;
  const auto f = FeaturesOf(s);
  EXPECT_EQ(f[0], "Case=Nom|Number=Plur|Person=3|PronType=Prs");
  EXPECT_EQ(f[1], "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin");  // default person
  EXPECT_EQ(f[2], "");
}

// A given tree can be broken (heads out of range, cycles): features still come, from the tags.
TEST(Features, BrokenTreesAreSafe) {
  const auto f = FeaturesOf(
      Parsed("who PRON WP 9 nsubj; were AUX VBD 3 aux; going VERB VBG 2 conj; Do AUX VB 5 aux;"
             "go VERB VB 4 conj"));
  EXPECT_EQ(f[0], "PronType=Int");
  EXPECT_EQ(f[1], "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin");
  EXPECT_EQ(f[3], "VerbForm=Inf");
}

}  // namespace
}  // namespace thaw
