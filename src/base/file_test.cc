#include "base/file.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "base/huge_pages.h"

namespace thaw {
namespace {

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const auto path =
      std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()));
  std::ofstream(path, std::ios::binary) << contents;
  return path.string();
}

TEST(MappedFileTest, SeesTheWholeFileAndSurvivesAMove) {
  std::string contents(100000, 'x');
  contents[0] = 'a';
  contents.back() = 'z';
  const std::string path = WriteTemp("mapped", contents);
  Result<MappedFile> f = MappedFile::Open(path);
  ASSERT_TRUE(f.ok()) << f.status().message();
  MappedFile moved = std::move(f).value();
  EXPECT_EQ(moved.data(), contents);
  std::filesystem::remove(path);
}

TEST(MappedFileTest, EmptyAndShortFilesWork) {
  const std::string empty = WriteTemp("mapped_empty", "");
  Result<MappedFile> e = MappedFile::Open(empty);
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->data().empty());
  const std::string small = WriteTemp("mapped_small", "abc");
  Result<MappedFile> s = MappedFile::Open(small);
  ASSERT_TRUE(s.ok());
  MappedFile moved = std::move(s).value();
  EXPECT_EQ(moved.data(), "abc");
  std::filesystem::remove(empty);
  std::filesystem::remove(small);
}

TEST(MappedFileTest, MissingFileIsAnErrorNamingIt) {
  Result<MappedFile> f = MappedFile::Open("/nonexistent/thaw-model.bin");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("/nonexistent/thaw-model.bin"), std::string::npos);
}

std::string Contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(AtomicFileTest, CommitReplacesTheFileAndLeavesNoTemporary) {
  const std::string path = WriteTemp("atomic_commit", "old");
  {
    AtomicFile file(path);
    EXPECT_NE(file.temp_path(), path);
    std::ofstream(file.temp_path(), std::ios::binary) << "new";
    EXPECT_EQ(Contents(path), "old");  // untouched until the commit
    ASSERT_TRUE(file.Commit().ok());
    EXPECT_FALSE(std::filesystem::exists(file.temp_path()));
  }
  EXPECT_EQ(Contents(path), "new");
  std::filesystem::remove(path);
}

TEST(AtomicFileTest, WithoutACommitTheOldFileStaysAndTheTemporaryGoes) {
  const std::string path = WriteTemp("atomic_abandon", "old");
  std::string temp;
  {
    AtomicFile file(path);
    temp = file.temp_path();
    std::ofstream(temp, std::ios::binary) << "half a";
    AtomicFile moved(std::move(file));  // the temporary goes with the move
    EXPECT_TRUE(std::filesystem::exists(temp));
  }
  EXPECT_FALSE(std::filesystem::exists(temp));
  EXPECT_EQ(Contents(path), "old");
  std::filesystem::remove(path);
}

TEST(AtomicFileTest, ACommitThatCannotHappenNamesThePath) {
  AtomicFile file("/nonexistent-dir/out.tsv");  // nothing was written under the temporary
  const Status s = file.Commit();
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent-dir/out.tsv: cannot write"), std::string::npos)
      << s.message();
}

TEST(AtomicFileTest, AKillingSignalRemovesTheTemporaryAndStillKills) {
  const std::string path = WriteTemp("atomic_signal", "old");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // like `thaw export -o` interrupted while writing
    RemoveTempFilesOnFatalSignals();
    AtomicFile file(path);
    std::ofstream(file.temp_path(), std::ios::binary) << "half a";
    ::raise(SIGTERM);
    ::_exit(0);  // not reached
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp." + std::to_string(child)));
  EXPECT_EQ(Contents(path), "old");
  std::filesystem::remove(path);
}

TEST(HugePagesTest, LargeAndSmallVectorsHoldTheirValues) {
  HugeVector<uint64_t> big(3 << 20, 7);  // 24 MB: on 2 MB boundaries
  EXPECT_EQ(reinterpret_cast<uintptr_t>(big.data()) % (2 << 20), 0u);
  big.back() = 9;
  EXPECT_EQ(big.front() + big.back(), 16u);
  HugeVector<uint8_t> small(10, 1);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(small.data()) % 64, 0u);
  EXPECT_EQ(small[9], 1);
}

}  // namespace
}  // namespace thaw
