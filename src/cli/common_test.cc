#include "cli/common.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <utility>
#include <vector>

#include "text/test_util.h"

namespace thaw {
namespace {

// Five one-line JSON Lines documents, ids n0..n4.
std::string FiveDocLines() {
  std::string lines;
  for (int i = 0; i < 5; ++i) {
    lines += "{\"id\": \"n" + std::to_string(i) + "\", \"text\": \"Talks resumed.\"}\n";
  }
  return lines;
}

// FiveDocLines in a file.
std::string FiveDocs(const testing::TempDir& dir) {
  return dir.Write("five.jsonl", FiveDocLines());
}

struct Call {
  std::vector<std::string> ids;
  bool caught_up;
};

TEST(ForEachBatchTest, BatchesInOrderAndIsCaughtUpOnlyAtTheEnd) {
  testing::TempDir dir;
  Diagnostics diags;
  std::vector<Call> calls;
  ASSERT_TRUE(ForEachBatch({FiveDocs(dir)}, ReadOptions(), false, true, &diags, 2,
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
      {FiveDocs(dir)}, ReadOptions(), false, true, &diags, 10,
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
  ForEachBatch({dir.Write("empty.jsonl", "")}, ReadOptions(), false, true, &diags, 4,
               [&](std::vector<Document>& batch, bool caught_up) {
                 EXPECT_TRUE(batch.empty());
                 EXPECT_TRUE(caught_up);
                 ++calls;
               });
  EXPECT_EQ(calls, 1);
}

// A live feed: documents that arrive together are batched in full, and what was read is handed
// on before the reader waits for more. Before, every document of a burst was handed on alone
// once the pipe itself was empty.
TEST(ForEachBatchTest, ALiveFeedsBurstComesInFullBatchesAndIsHandedOnBeforeWaiting) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const int saved_stdin = dup(STDIN_FILENO);
  ASSERT_GE(saved_stdin, 0);
  ASSERT_EQ(dup2(fds[0], STDIN_FILENO), STDIN_FILENO);
  close(fds[0]);
  int write_end = fds[1];
  const std::string burst = FiveDocLines();
  ASSERT_EQ(write(write_end, burst.data(), burst.size()), static_cast<ssize_t>(burst.size()));

  Diagnostics diags;
  std::vector<std::pair<size_t, bool>> calls;  // batch size, caught_up
  ReadOptions jsonl;
  jsonl.format = InputFormat::kJsonl;
  ForEachBatch({"-"}, jsonl, false, true, &diags, 2,
               [&](std::vector<Document>& batch, bool caught_up) {
                 calls.emplace_back(batch.size(), caught_up);
                 // The feed has gone quiet: end it, as its writer would.
                 if (caught_up && write_end >= 0) {
                   close(write_end);
                   write_end = -1;
                 }
               });
  dup2(saved_stdin, STDIN_FILENO);
  close(saved_stdin);
  if (write_end >= 0) close(write_end);
  EXPECT_EQ(calls,
            (std::vector<std::pair<size_t, bool>>{{2, false}, {2, false}, {1, true}, {0, true}}));
}

}  // namespace
}  // namespace thaw
