#include "text/conllu_writer.h"

#include <gtest/gtest.h>

#include <cstdio>

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
  EXPECT_NE(out.find("2\tprotested\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n"), std::string::npos) << out;

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

}  // namespace
}  // namespace thaw
