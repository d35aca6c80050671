// The PETRARCH unit-test records as a conformance suite: thaw must code them at least as
// well as issue #2 asks (F1 >= 0.85, >= 80 % of records exactly right).
#include <gtest/gtest.h>

#include <filesystem>

#include "coder/evaluation.h"
#include "text/reader.h"

namespace thaw {
namespace {

const std::string kValidation = std::string(THAW_SHARED_DIR) + "/petrarch/validation";

TEST(Conformance, PetrarchUnitTestRecordsWithGivenParses) {
  if (!std::filesystem::exists(kValidation + "/PETR.UnitTest.records.xml")) {
    GTEST_SKIP() << "../shared/petrarch/validation is absent; conformance suite not run";
  }
  Diagnostics diags;
  LoadOptions opts;
  DictionarySet dicts;
  auto verbs = LoadVerbDictionary(kValidation + "/PETR.Validate.verbs.txt", opts, &diags);
  ASSERT_TRUE(verbs.ok()) << verbs.status().ToString();
  dicts.verbs = std::move(verbs).value();
  ASSERT_TRUE(
      LoadActorDictionary(kValidation + "/PETR.Validate.actors.txt", opts, &diags, &dicts.actors)
          .ok());
  ASSERT_TRUE(
      LoadAgentDictionary(kValidation + "/PETR.Validate.agents.txt", opts, &diags, &dicts.agents)
          .ok());
  ASSERT_TRUE(LoadDiscardDictionary(kValidation + "/PETR.Validate.discards.txt", opts, &diags,
                                    &dicts.discards)
                  .ok());
  auto coder = Coder::Create(dicts, CoderOptions(), &diags);
  ASSERT_TRUE(coder.ok());

  auto reader = OpenDocumentReader(kValidation + "/PETR.UnitTest.records.xml",
                                   InputFormat::kPetrarchXml, &diags);
  ASSERT_TRUE(reader.ok());
  Evaluator eval(**coder);
  Document doc;
  while (true) {
    auto more = (*reader)->Next(&doc);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    eval.Add(doc);
  }
  const EvalTally& t = eval.overall();
  EXPECT_EQ(t.records, 284u);
  EXPECT_GE(t.F1(), 0.85) << "P=" << t.Precision() << " R=" << t.Recall();
  EXPECT_GE(t.ExactShare(), 0.80) << t.exact << "/" << t.records;
  // Whole feature groups that must stay perfect.
  for (const char* prefix : {"AGENT", "AGENTS", "DATE", "VERB", "PASSIVE", "DISCARD"}) {
    const EvalTally& p = eval.by_prefix().at(prefix);
    EXPECT_EQ(p.exact, p.records) << prefix;
  }
}

}  // namespace
}  // namespace thaw
