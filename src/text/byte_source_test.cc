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

// The file's contents and what the message must say, for input that is not text.
struct NotText {
  std::string bytes;
  std::string hint;
};

TEST(ByteSource, CompressedAndBinaryInputIsRejectedWithWhatToDo) {
  const NotText cases[] = {
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "pdftotext"},
      {std::string("PK\x03\x04\x14\x00\x06\x00", 8), "zip archive (or a .docx"},
      {std::string("\xFD\x37zXZ\0\0", 8), "unxz"},
      {"BZh91AY&SY\x01\x02", "bunzip2"},
      {"{\\rtf1\\ansi Korea}", "RTF"},
      {std::string("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16), "binary file (it has NUL bytes)"},
      {std::string("K\0o\0r\0e\0a\0", 10), "--encoding utf-16le reads it"},
  };
  testing::TempDir dir;
  for (const NotText& c : cases) {
    SCOPED_TRACE(c.hint);
    auto src = ByteSource::Open(dir.Write("in.txt", c.bytes));
    ASSERT_FALSE(src.ok());
    EXPECT_EQ(src.status().code(), StatusCode::kUnsupported);
    EXPECT_NE(src.status().message().find("in.txt: "), std::string::npos);
    EXPECT_NE(src.status().message().find(c.hint), std::string::npos) << src.status().message();
  }
  // Text that merely starts like a signature is text.
  for (const char* text : {"BZh is not bzip2 without its block magic", "PK-12 school"}) {
    EXPECT_TRUE(ByteSource::Open(dir.Write("in.txt", text)).ok()) << text;
  }
}

std::string ReadWhole(const std::string& path) {
  auto src = ByteSource::Open(path);
  EXPECT_TRUE(src.ok()) << src.status().message();
  std::string all;
  if (src.ok()) (*src)->ReadAll(&all);
  return all;
}

TEST(ByteSource, Utf16AndUtf32WithAByteOrderMarkAreReadAsUtf8) {
  testing::TempDir dir;
  // "Kim\n" then U+00E9 and U+1F600 (a surrogate pair in UTF-16).
  const std::string utf8 = "Kim\n\xC3\xA9\xF0\x9F\x98\x80";
  const std::string le("\xFF\xFEK\0i\0m\0\n\0\xE9\0\x3D\xD8\x00\xDE", 16);
  const std::string be("\xFE\xFF\0K\0i\0m\0\n\0\xE9\xD8\x3D\xDE\x00", 16);
  const std::string le32("\xFF\xFE\0\0K\0\0\0i\0\0\0m\0\0\0\n\0\0\0\xE9\0\0\0\x00\xF6\x01\0", 28);
  EXPECT_EQ(ReadWhole(dir.Write("le.txt", le)), utf8);
  EXPECT_EQ(ReadWhole(dir.Write("be.txt", be)), utf8);
  EXPECT_EQ(ReadWhole(dir.Write("le32.txt", le32)), utf8);
  // A cut-off last character becomes U+FFFD.
  EXPECT_EQ(ReadWhole(dir.Write("odd.txt", std::string("\xFF\xFEK\0i", 5))), "K\xEF\xBF\xBD");
}

TEST(ByteSource, Utf16CharacterSplitBetweenChunksIsJoined) {
  testing::TempDir dir;
  // The mark and 32,766 units fill 65,534 bytes; the surrogate pair straddles the end of the
  // first 64 kB chunk, and lines are counted in the converted text.
  std::string le = "\xFF\xFE";
  for (int i = 0; i < 32766; ++i) le += i == 100 ? std::string("\n\0", 2) : std::string("a\0", 2);
  le += std::string("\x3D\xD8\x00\xDE\x62\0", 6);  // U+1F600 "b"
  auto src = ByteSource::Open(dir.Write("split.txt", le));
  ASSERT_TRUE(src.ok());
  std::string line;
  ASSERT_TRUE((*src)->ReadLine(&line));
  EXPECT_EQ(line, std::string(100, 'a'));
  ASSERT_TRUE((*src)->ReadLine(&line));
  EXPECT_EQ(line, std::string(32665, 'a') + "\xF0\x9F\x98\x80\x62");
  EXPECT_EQ((*src)->line(), 2);
  EXPECT_FALSE((*src)->ReadLine(&line));
}

TEST(ByteSource, InputInANamedEncodingIsReadAsUtf8) {
  testing::TempDir dir;
  // Windows-1252: 0x92 is a right single quote, 0xE9 e acute; EUC-KR: two Hangul syllables.
  const std::string cp1252 = dir.Write("w.txt", "Seoul\x92s caf\xE9\n");
  auto src = ByteSource::Open(cp1252, "windows-1252");
  ASSERT_TRUE(src.ok());
  std::string all;
  (*src)->ReadAll(&all);
  EXPECT_EQ(all, "Seoul\xE2\x80\x99s caf\xC3\xA9\n");
  src = ByteSource::Open(dir.Write("k.txt", "\xB1\xB9\xB0\xA1"), "EUC-KR");  // "국가"
  ASSERT_TRUE(src.ok());
  all.clear();
  (*src)->ReadAll(&all);
  EXPECT_EQ(all, "\xEA\xB5\xAD\xEA\xB0\x80");
  // UTF-16 without a mark reads once named; a mark wins over the name given.
  src = ByteSource::Open(dir.Write("n.txt", std::string("K\0i\0m\0", 6)), "UTF-16LE");
  ASSERT_TRUE(src.ok());
  all.clear();
  (*src)->ReadAll(&all);
  EXPECT_EQ(all, "Kim");
  src = ByteSource::Open(dir.Write("b.txt", "\xEF\xBB\xBF\xC3\xA9"), "windows-1252");
  ASSERT_TRUE(src.ok());
  all.clear();
  (*src)->ReadAll(&all);
  EXPECT_EQ(all, "\xC3\xA9");
}

TEST(ByteSource, CheckEncodingKnowsIcuNames) {
  for (const char* name : {"", "utf-8", "UTF8", "windows-1252", "latin1", "euc-kr", "GB18030"}) {
    EXPECT_TRUE(ByteSource::CheckEncoding(name).ok()) << name;
  }
  const Status bad = ByteSource::CheckEncoding("klingon");
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("unknown encoding 'klingon'"), std::string::npos);
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
