#include "cli/common.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/test_util.h"

namespace thaw {
namespace {

// Five one-line documents, ids n0..n4.
std::string FiveDocs(const testing::TempDir& dir) {
  std::string lines;
  for (int i = 0; i < 5; ++i) {
    lines += "{\"id\": \"n" + std::to_string(i) + "\", \"text\": \"Talks resumed.\"}\n";
  }
  return dir.Write("five.jsonl", lines);
}

struct Call {
  std::vector<std::string> ids;
  bool caught_up;
};

TEST(ForEachBatchTest, BatchesInOrderAndIsCaughtUpOnlyAtTheEnd) {
  testing::TempDir dir;
  Diagnostics diags;
  std::vector<Call> calls;
  ASSERT_TRUE(ForEachBatch({FiveDocs(dir)}, InputFormat::kAuto, false, true, &diags, 2,
                           [&](std::vector<Document>& batch, bool caught_up) {
                             Call& c = calls.emplace_back();
                             for (const Document& d : batch) c.ids.push_back(d.id);
                             c.caught_up = caught_up;
                           }));
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].ids, (std::vector<std::string>{"n0", "n1"}));
  EXPECT_FALSE(calls[0].caught_up);
  EXPECT_EQ(calls[1].ids, (std::vector<std::string>{"n2", "n3"}));
  EXPECT_FALSE(calls[1].caught_up);
  EXPECT_EQ(calls[2].ids, (std::vector<std::string>{"n4"}));
  EXPECT_TRUE(calls[2].caught_up);
}

// `thaw ingest` drops stored documents this way, and stops reading once its store fails
// (before, it read on to the end of the input, which a live feed never reaches).
TEST(ForEachBatchTest, AdmitDropsDocumentsAndStopsTheReading) {
  testing::TempDir dir;
  Diagnostics diags;
  std::vector<std::string> seen, batched;
  bool caught_up_at_end = false;
  ForEachBatch(
      {FiveDocs(dir)}, InputFormat::kAuto, false, true, &diags, 10,
      [&](std::vector<Document>& batch, bool caught_up) {
        for (const Document& d : batch) batched.push_back(d.id);
        caught_up_at_end = caught_up;
      },
      [&](const Document& d) {
        seen.push_back(d.id);
        if (d.id == "n1") return Admit::kNo;
        if (d.id == "n3") return Admit::kStop;
        return Admit::kYes;
      });
  EXPECT_EQ(seen, (std::vector<std::string>{"n0", "n1", "n2", "n3"}));
  EXPECT_EQ(batched, (std::vector<std::string>{"n0", "n2"}));
  EXPECT_TRUE(caught_up_at_end);
}

TEST(ForEachBatchTest, AnEmptyInputStillEndsCaughtUp) {
  testing::TempDir dir;
  Diagnostics diags;
  int calls = 0;
  ForEachBatch({dir.Write("empty.jsonl", "")}, InputFormat::kAuto, false, true, &diags, 4,
               [&](std::vector<Document>& batch, bool caught_up) {
                 EXPECT_TRUE(batch.empty());
                 EXPECT_TRUE(caught_up);
                 ++calls;
               });
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace thaw
