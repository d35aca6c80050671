#include "text/byte_source.h"

#include <gtest/gtest.h>

#include "text/test_util.h"

namespace thaw {
namespace {

TEST(ByteSource, ReadLineStripsLineEndsAndCountsLines) {
  auto src = ByteSource::FromString("a\r\nb\n\nlast", "mem");
  std::string line;
  EXPECT_EQ(src->line(), 1);
  ASSERT_TRUE(src->ReadLine(&line));
  EXPECT_EQ(line, "a");
  ASSERT_TRUE(src->ReadLine(&line));
  EXPECT_EQ(line, "b");
  ASSERT_TRUE(src->ReadLine(&line));
  EXPECT_EQ(line, "");
  EXPECT_EQ(src->line(), 4);
  ASSERT_TRUE(src->ReadLine(&line));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(src->ReadLine(&line));
}

TEST(ByteSource, SkipsUtf8ByteOrderMark) {
  testing::TempDir dir;
  auto src = ByteSource::Open(dir.Write("bom.txt", "\xEF\xBB\xBFhello"));
  ASSERT_TRUE(src.ok());
  std::string all;
  (*src)->ReadAll(&all);
  EXPECT_EQ(all, "hello");
}

TEST(ByteSource, PeekNonBlankLooksPastWhitespaceWithoutConsuming) {
  auto src = ByteSource::FromString(" \n\t <x>", "mem");
  EXPECT_EQ(src->PeekNonBlank(), '<');
  EXPECT_EQ(src->Get(), ' ');
  EXPECT_EQ(ByteSource::FromString(" \n ", "mem")->PeekNonBlank(), ByteSource::kEof);
}

TEST(ByteSource, PeekHeadShowsTheStartWithoutConsumingIt) {
  auto src = ByteSource::FromString(" \n<!DOCTYPE html>", "mem");
  EXPECT_EQ(src->PeekHead(5), "<!DOC");
  EXPECT_EQ(src->PeekHead(100), "<!DOCTYPE html>");  // all there is
  EXPECT_EQ(src->Get(), ' ');
  EXPECT_EQ(ByteSource::FromString(" \n ", "mem")->PeekHead(4), "");
}

TEST(ByteSource, PeekHeadReadsOnAcrossChunks) {
  testing::TempDir dir;
  auto src = ByteSource::Open(dir.Write("ws.txt", std::string(3 * 65536 - 3, ' ') + "[\n  {}]"));
  ASSERT_TRUE(src.ok());  // the mark ends the third 64 kB chunk, the rest is in the fourth
  EXPECT_EQ((*src)->PeekHead(4), "[\n  ");
  EXPECT_EQ((*src)->PeekHead(8), "[\n  {}]");
}

TEST(ByteSource, PeekNonBlankWorksAcrossChunkBoundaries) {
  testing::TempDir dir;
  auto src = ByteSource::Open(dir.Write("ws.txt", std::string(200000, ' ') + "{"));
  ASSERT_TRUE(src.ok());
  EXPECT_EQ((*src)->PeekNonBlank(), '{');
  std::string line;
  ASSERT_TRUE((*src)->ReadLine(&line));
  EXPECT_EQ(line.size(), 200001u);
}

TEST(ByteSource, GzipInputIsRejectedWithAHint) {
  testing::TempDir dir;
  auto src = ByteSource::Open(dir.Write("x.xml", std::string("\x1f\x8b\x08\x00junk", 8)));
  ASSERT_FALSE(src.ok());
  EXPECT_NE(src.status().message().find("gzip"), std::string::npos);
}

TEST(ByteSource, MissingFileIsNotFoundAndNamesThePath) {
  auto src = ByteSource::Open("/nonexistent/thaw/input.xml");
  ASSERT_FALSE(src.ok());
  EXPECT_EQ(src.status().code(), StatusCode::kNotFound);
  EXPECT_NE(src.status().message().find("/nonexistent/thaw/input.xml"), std::string::npos);
}

TEST(ByteSource, LongLineSpanningManyChunksIsReadWhole) {
  testing::TempDir dir;
  const std::string big(3 * 1000 * 1000, 'x');
  auto src = ByteSource::Open(dir.Write("big.txt", big + "\nnext\n"));
  ASSERT_TRUE(src.ok());
  std::string line;
  ASSERT_TRUE((*src)->ReadLine(&line));
  EXPECT_EQ(line.size(), big.size());
  ASSERT_TRUE((*src)->ReadLine(&line));
  EXPECT_EQ(line, "next");
  EXPECT_EQ((*src)->line(), 3);
}

}  // namespace
}  // namespace thaw
