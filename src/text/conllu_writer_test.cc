#include "text/conllu_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string_view>
#include <utility>
#include <vector>

#include "text/reader.h"

namespace thaw {
namespace {

TEST(ConlluWriter, WrittenFileReadsBackIdentically) {
  Document doc;
  doc.id = "d1";
  doc.date = 20240619;
  Sentence s;
  s.id = "d1-1";
  s.text = "Seoul protested.";
  s.has_parse = true;
  const char* forms[] = {"Seoul", "protested", "."};
  const char* rels[] = {"nsubj", "root", "punct"};
  const int heads[] = {1, -1, 1};
  const uint32_t begins[] = {0, 6, 15};
  for (int i = 0; i < 3; ++i) {
    Token t;
    t.form = s.Intern(forms[i]);
    t.deprel = s.Intern(rels[i]);
    t.head = heads[i];
    t.char_begin = begins[i];
    t.char_end = begins[i] + static_cast<uint32_t>(std::string_view(forms[i]).size());
    s.tokens.push_back(t);
  }
  doc.sentences.push_back(s);
  std::string out;
  AppendConllu(doc, &out);
  EXPECT_NE(out.find("2\tprotested\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n"), std::string::npos)
      << out;

  const std::string path = ::testing::TempDir() + "/roundtrip.conllu";
  std::FILE* f = std::fopen(path.c_str(), "w");
  std::fputs(out.c_str(), f);
  std::fclose(f);
  Diagnostics diags;
  auto reader = OpenDocumentReader(path, InputFormat::kConllu, &diags);
  ASSERT_TRUE(reader.ok());
  Document back;
  ASSERT_TRUE(*(*reader)->Next(&back));
  EXPECT_EQ(back.id, "d1");
  EXPECT_EQ(back.date, 20240619);
  ASSERT_EQ(back.sentences.size(), 1u);
  EXPECT_EQ(back.sentences[0].text, "Seoul protested.");
  EXPECT_EQ(back.sentences[0].tokens[0].head, 1);
  EXPECT_EQ(back.sentences[0].Deprel(2), "punct");
  EXPECT_TRUE(diags.empty());
}

// A document of raw text split into sentences, as the pipeline leaves it: token offsets are
// bytes into the sentence, sentences are placed in the document by doc_offset.
Document RawDocument() {
  Document doc;
  doc.id = "d";
  doc.text = "Séoul — it rained.\n\nKim left.";
  auto add = [&](uint32_t doc_offset, std::string_view text,
                 std::vector<std::pair<uint32_t, uint32_t>> spans) {
    Sentence s;
    s.text = std::string(text);
    s.doc_offset = doc_offset;
    for (auto [b, e] : spans) {
      Token t;
      t.form = s.Intern(text.substr(b, e - b));
      t.char_begin = b;
      t.char_end = e;
      s.tokens.push_back(t);
    }
    doc.sentences.push_back(std::move(s));
  };
  // "Séoul" is 6 bytes, "—" 3: bytes 0-6, 7-10, 11-13, 14-20, 20-21.
  add(0, "Séoul — it rained.", {{0, 6}, {7, 10}, {11, 13}, {14, 20}, {20, 21}});
  add(23, "Kim left.", {{0, 3}, {4, 8}, {8, 9}});
  return doc;
}

TEST(ConlluWriter, TokenRangesCountCharactersIntoTheDocumentText) {
  const Document doc = RawDocument();
  std::string out;
  AppendConllu(doc, &out, ConlluWriteOptions{.token_ranges = true});
  EXPECT_NE(out.find("1\tSéoul\t_\t_\t_\t_\t_\t_\t_\tTokenRange=0:5\n"), std::string::npos) << out;
  EXPECT_NE(out.find("2\t—\t_\t_\t_\t_\t_\t_\t_\tTokenRange=6:7\n"), std::string::npos) << out;
  EXPECT_NE(out.find("4\trained\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=11:17\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("1\tKim\t_\t_\t_\t_\t_\t_\t_\tTokenRange=20:23\n"), std::string::npos) << out;
  EXPECT_NE(out.find("3\t.\t_\t_\t_\t_\t_\t_\t_\tTokenRange=28:29\n"), std::string::npos) << out;
}

TEST(ConlluWriter, TokenRangesOnlyWhenAskedAndKnown) {
  Document doc = RawDocument();
  std::string out;
  AppendConllu(doc, &out);
  EXPECT_EQ(out.find("TokenRange"), std::string::npos) << out;
  doc.sentences[1].doc_offset = kNoOffset;  // a sentence not placed in the text
  out.clear();
  AppendConllu(doc, &out, ConlluWriteOptions{.token_ranges = true});
  EXPECT_NE(out.find("TokenRange=0:5"), std::string::npos) << out;
  EXPECT_NE(out.find("1\tKim\t_\t_\t_\t_\t_\t_\t_\t_\n"), std::string::npos) << out;
}

// Python's str.splitlines() also breaks at VT, FF, FS-RS, NEL and U+2028/9, and R's
// readLines at a lone CR: none may reach a line of the file, or the file no longer parses
// there. Each becomes one space, so character offsets are unchanged.
TEST(ConlluWriter, NoCharacterThatEndsALineForPythonOrRLeavesItsLine) {
  Document doc;
  doc.id = "d\rx";
  Sentence s;
  s.id = "d-1";
  s.text = "Kim\xE2\x80\xA8met\x0BPutin\x1C\xC2\x85in\x0C\rMoscow\tat\xE2\x80\xA9noon\x7F.";
  Token t;
  t.form = s.Intern("Kim\x1Dx");
  s.tokens.push_back(t);
  doc.sentences.push_back(std::move(s));
  std::string out;
  AppendConllu(doc, &out);
  EXPECT_EQ(out,
            "# newdoc id = d x\n# sent_id = d-1\n"
            "# text = Kim met Putin  in  Moscow at noon .\n"
            "1\tKim x\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
}

}  // namespace
}  // namespace thaw
