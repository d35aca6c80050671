#include "store/fingerprint.h"

#include <gtest/gtest.h>

namespace thaw {
namespace {

TEST(Sha256, MatchesFipsTestVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

Document Doc(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  return d;
}

TEST(DocumentHash, SameInputSameHashOtherOutletOtherHash) {
  EXPECT_EQ(DocumentHash(Doc("a", "Text.")), DocumentHash(Doc("a", "Text.")));
  EXPECT_NE(DocumentHash(Doc("a", "Text.")), DocumentHash(Doc("b", "Text.")));
  EXPECT_NE(DocumentHash(Doc("a", "Text.")), DocumentHash(Doc("a", "Text!")));
  // Length prefixes keep field boundaries: ("ab", "c") is not ("a", "bc").
  Document x = Doc("ab", "c"), y = Doc("a", "bc");
  EXPECT_NE(DocumentHash(x), DocumentHash(y));
}

TEST(DocumentHash, UsesSentencesWhenThereIsNoText) {
  Document a = Doc("a", ""), b = Doc("a", "");
  a.sentences.resize(1);
  a.sentences[0].text = "One.";
  b.sentences.resize(1);
  b.sentences[0].text = "Two.";
  EXPECT_NE(DocumentHash(a), DocumentHash(b));
  EXPECT_EQ(DocumentText(a), "One.");
}

const char* kStory =
    "Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with North Korean leader "
    "Kim Jong Un, the first visit in 24 years, as the two countries signed a mutual defence treaty that "
    "commits each side to help the other if attacked. Officials said the agreement covers trade, "
    "technology and security cooperation.";

TEST(MinHash, RepublishedStoryIsNearDuplicate) {
  const MinHash a = ComputeMinHash(kStory);
  ASSERT_TRUE(a.valid);
  EXPECT_EQ(a.Similarity(ComputeMinHash(kStory)), 1.0);
  // Another outlet: a dateline, a changed word and case, the same story.
  const MinHash b = ComputeMinHash(std::string("PYONGYANG (Reuters) - ") + kStory);
  EXPECT_GE(a.Similarity(b), kNearDuplicateSimilarity);
  int shared_bands = 0;
  for (int i = 0; i < kLshBands; ++i) shared_bands += a.BandKey(i) == b.BandKey(i);
  EXPECT_GT(shared_bands, 0);
}

TEST(MinHash, UnrelatedStoryIsNot) {
  const MinHash a = ComputeMinHash(kStory);
  const MinHash c = ComputeMinHash(
      "The European Central Bank left interest rates unchanged on Thursday, saying inflation was easing "
      "but remained above its target, and that it would keep watching wage growth and energy prices "
      "closely before any cut in the coming months.");
  EXPECT_LT(a.Similarity(c), 0.3);
  for (int i = 0; i < kLshBands; ++i) EXPECT_NE(a.BandKey(i), c.BandKey(i));
}

TEST(MinHash, ShortTextsGetNoSignature) {
  EXPECT_FALSE(ComputeMinHash("Russia and North Korea signed a treaty.").valid);
  EXPECT_FALSE(ComputeMinHash("").valid);
}

TEST(MinHash, SerializesAndParses) {
  const MinHash a = ComputeMinHash(kStory);
  MinHash b;
  ASSERT_TRUE(MinHash::Parse(a.Serialize(), &b));
  EXPECT_EQ(a.values, b.values);
  EXPECT_FALSE(MinHash::Parse("short", &b));
}

TEST(MinHash, BandKeysDifferAcrossBandsForEqualValues) {
  MinHash m;
  m.values.fill(7);
  EXPECT_NE(m.BandKey(0), m.BandKey(1));
}

}  // namespace
}  // namespace thaw
