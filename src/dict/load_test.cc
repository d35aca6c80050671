// Loads the real PETRARCH dictionaries from THAW_SHARED_DIR/petrarch; skipped when the
// shared folder is absent (e.g. a bare clone without ../shared).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "dict/dictionaries.h"

namespace thaw {
namespace {

namespace fs = std::filesystem;

const std::string kPetrarch = std::string(THAW_SHARED_DIR) + "/petrarch";
const std::string kDictDir = kPetrarch + "/dictionaries";
const std::string kValidationDir = kPetrarch + "/validation";

#define SKIP_WITHOUT_SHARED()                                                             \
  if (!fs::is_directory(kDictDir) || !fs::is_directory(kValidationDir)) {                 \
    GTEST_SKIP() << "PETRARCH dictionaries not found under " << kPetrarch                 \
                 << " (THAW_SHARED_DIR); real-file tests need ../shared beside the repo"; \
  }

size_t CountPatterns(const VerbDictionary& v) {
  size_t n = 0;
  for (const VerbBlock& b : v.blocks) n += b.patterns.size();
  return n;
}

size_t CountForms(const VerbDictionary& v) {
  size_t n = 0;
  for (const VerbBlock& b : v.blocks) n += b.forms.size();
  return n;
}

const VerbBlock* FindBlock(const VerbDictionary& v, std::string_view name) {
  for (const VerbBlock& b : v.blocks) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

const ActorEntry* FindActor(const ActorDictionary& a, std::string_view first_word) {
  for (const ActorEntry& e : a.entries) {
    if (e.names.size() > 0 && e.names[0].words.size() == 1 && e.names[0].words[0] == first_word) {
      return &e;
    }
  }
  return nullptr;
}

void PrintDiagnostics(const Diagnostics& diags, size_t limit) {
  for (size_t i = 0; i < diags.size() && i < limit; ++i) {
    std::cout << "    " << diags.items()[i].ToString() << "\n";
  }
}

TEST(RealDictionaries, ValidationVerbsHaveAbandonBlockAndSynsets) {
  SKIP_WITHOUT_SHARED();
  Diagnostics diags;
  Result<VerbDictionary> v =
      LoadVerbDictionary(kValidationDir + "/PETR.Validate.verbs.txt", LoadOptions(), &diags);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  std::cout << "PETR.Validate.verbs.txt: " << v->synsets.size() << " synsets, " << v->blocks.size()
            << " blocks, " << CountForms(*v) << " verb forms, " << CountPatterns(*v)
            << " patterns, " << diags.size() << " diagnostics\n";
  PrintDiagnostics(diags, 20);

  const VerbBlock* abandon = FindBlock(*v, "ABANDON");
  ASSERT_NE(abandon, nullptr);
  EXPECT_EQ(abandon->code, "345");
  ASSERT_EQ(abandon->forms.size(), 4u);
  EXPECT_EQ(abandon->forms[2].words, (std::vector<std::string>{"KLM", "NOP", "RST"}));
  EXPECT_EQ(abandon->forms[2].head, 2);
  EXPECT_EQ(abandon->forms[2].code, "002");
  ASSERT_EQ(abandon->patterns.size(), 5u);
  const PatternElem& np = abandon->patterns[0].elems[1];
  ASSERT_EQ(np.kind, ElemKind::kNounPhrase);
  ASSERT_EQ(np.children.size(), 3u);
  ASSERT_EQ(np.children[1].kind, ElemKind::kSynset);
  EXPECT_EQ(v->synsets[np.children[1].synset].name, "TIETYPES");
  EXPECT_EQ(v->synsets[v->synset_index.at("TIETYPES")].entries.size(), 3u);

  // The BEGIN block's pattern has no leading '-' but is kept.
  const VerbBlock* begin = FindBlock(*v, "BEGIN");
  ASSERT_NE(begin, nullptr);
  ASSERT_EQ(begin->patterns.size(), 1u);
  EXPECT_EQ(begin->patterns[0].code, "110");

  // ACCORDSYN nests TIETYPES and CURRENCY; TESTSYN3 holds prepositional phrases.
  const Synset& accord = v->synsets[v->synset_index.at("ACCORDSYN")];
  ASSERT_EQ(accord.entries.size(), 4u);
  EXPECT_EQ(accord.entries[0][0].kind, ElemKind::kSynset);
  const Synset& test3 = v->synsets[v->synset_index.at("TESTSYN3")];
  EXPECT_EQ(test3.entries[0][0].kind, ElemKind::kPrepPhrase);

  const VerbBlock* confiscate = FindBlock(*v, "CONFISCATE");
  ASSERT_NE(confiscate, nullptr);
  EXPECT_EQ(confiscate->forms[1].words, (std::vector<std::string>{"WIRE", "TAP"}));
  EXPECT_EQ(confiscate->forms[1].head, 1);

  // &SECURITY is used in the PROMISE block but never defined in this file.
  bool reported_security = false;
  for (const Diagnostic& d : diags.items()) {
    if (d.message.find("unknown synonym set `&SECURITY`") != std::string::npos)
      reported_security = true;
  }
  EXPECT_TRUE(reported_security);
}

TEST(RealDictionaries, ValidationActorsHaveGollumAndSamGamgee) {
  SKIP_WITHOUT_SHARED();
  Diagnostics diags;
  ActorDictionary actors;
  Status s = LoadActorDictionary(kValidationDir + "/PETR.Validate.actors.txt", LoadOptions(),
                                 &diags, &actors);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::cout << "PETR.Validate.actors.txt: " << actors.entries.size() << " actors, " << diags.size()
            << " diagnostics\n";
  PrintDiagnostics(diags, 20);

  const ActorEntry* gollum = FindActor(actors, "GOLLUM");
  ASSERT_NE(gollum, nullptr);
  EXPECT_EQ(gollum->names.size(), 4u);  // GOLLUM + SMEAGOL, SLINKER, STINKER
  ASSERT_EQ(gollum->codes.size(), 3u);
  for (const CodeRestriction& c : gollum->codes) EXPECT_NE(c.kind, CodeRestriction::Kind::kAlways);
  EXPECT_TRUE(gollum->codes[0].IsActive(19900101));
  EXPECT_FALSE(gollum->codes[0].IsActive(19960101));
  EXPECT_TRUE(gollum->codes[1].IsActive(19960101));
  EXPECT_TRUE(gollum->codes[2].IsActive(20000101));

  const ActorEntry* sam = nullptr;
  for (const ActorEntry& e : actors.entries) {
    if (e.names[0].words == std::vector<std::string>{"SAM", "GAMGEE"}) sam = &e;
  }
  ASSERT_NE(sam, nullptr);
  EXPECT_EQ(sam->codes.size(), 6u);

  const ActorEntry* ussr = FindActor(actors, "U.S.S.R");
  ASSERT_NE(ussr, nullptr);
  EXPECT_EQ(ussr->names.size(), 2u);
  EXPECT_EQ(ussr->codes.size(), 1u);

  const ActorEntry* mcgonagall = FindActor(actors, "MCGONAGALL");  // last line, no newline
  ASSERT_NE(mcgonagall, nullptr);
  EXPECT_EQ(mcgonagall->codes[0].code, "GRYGOV");
}

TEST(RealDictionaries, ValidationAgentsAndDiscards) {
  SKIP_WITHOUT_SHARED();
  Diagnostics diags;
  AgentDictionary agents;
  ASSERT_TRUE(LoadAgentDictionary(kValidationDir + "/PETR.Validate.agents.txt", LoadOptions(),
                                  &diags, &agents)
                  .ok());
  DiscardDictionary discards;
  ASSERT_TRUE(LoadDiscardDictionary(kValidationDir + "/PETR.Validate.discards.txt", LoadOptions(),
                                    &diags, &discards)
                  .ok());
  std::cout << "PETR.Validate.agents.txt: " << agents.entries.size()
            << " agents; PETR.Validate.discards.txt: " << discards.entries.size() << " discards; "
            << diags.size() << " diagnostics\n";
  PrintDiagnostics(diags, 20);
  EXPECT_TRUE(diags.empty());
  std::set<std::string> congress;
  for (const AgentEntry& a : agents.entries) {
    if (a.words.size() == 1 && a.words[0].rfind("CONGRESS", 0) == 0) congress.insert(a.words[0]);
  }
  EXPECT_EQ(congress, (std::set<std::string>{"CONGRESS", "CONGRESSMAN", "CONGRESSMEN",
                                             "CONGRESSWOMAN", "CONGRESSWOMEN", "CONGRESSPERSON"}));
  EXPECT_EQ(discards.entries.size(), 9u);
  EXPECT_TRUE(discards.entries.back().story_level);
}

TEST(RealDictionaries, PhoenixDirectoryLoadsWithoutFatalErrors) {
  SKIP_WITHOUT_SHARED();
  Diagnostics diags;
  Result<DictionarySet> set = LoadDictionaryDir(kDictDir, LoadOptions(), &diags);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  size_t names = 0;
  size_t codes = 0;
  for (const ActorEntry& e : set->actors.entries) {
    names += e.names.size();
    codes += e.codes.size();
  }
  std::cout << "Phoenix dictionaries: " << set->verbs.synsets.size() << " synsets, "
            << set->verbs.blocks.size() << " verb blocks, " << CountForms(set->verbs)
            << " verb forms, " << CountPatterns(set->verbs) << " patterns; "
            << set->actors.entries.size() << " actors (" << names << " names, " << codes
            << " codes); " << set->agents.entries.size() << " agents; "
            << set->discards.entries.size() << " discards; " << diags.size() << " diagnostics\n";
  PrintDiagnostics(diags, 1000);

  EXPECT_GT(set->verbs.blocks.size(), 350u);
  EXPECT_GT(CountPatterns(set->verbs), 4500u);
  EXPECT_GT(set->actors.entries.size(), 10000u);
  EXPECT_GT(set->agents.entries.size(), 2000u);
  EXPECT_GT(set->discards.entries.size(), 400u);

  // Phoenix.Countries.actors.txt is valid UTF-8 but has damaged characters: SUB (0x1A)
  // and NUL bytes, and U+FFFD marks left by an earlier conversion. Each is reported.
  std::set<int> countries_lines;
  for (const Diagnostic& d : diags.items()) {
    if (d.file.find("Phoenix.Countries.actors.txt") != std::string::npos &&
        d.message.find("U+FFFD") != std::string::npos) {
      countries_lines.insert(d.line);
    }
  }
  for (int line : {745, 11234, 12159, 21079, 34472, 47825}) {
    EXPECT_EQ(countries_lines.count(line), 1u) << "line " << line;
  }
  // Issue coding and the internal ontology are not dictionaries the coder reads.
  for (const Diagnostic& d : diags.items()) {
    EXPECT_EQ(d.file.find("IssueCoding"), std::string::npos) << d.ToString();
    EXPECT_EQ(d.file.find("Ontology"), std::string::npos) << d.ToString();
  }
}

TEST(RealDictionaries, ValidationDirectoryLoads) {
  SKIP_WITHOUT_SHARED();
  Diagnostics diags;
  Result<DictionarySet> set = LoadDictionaryDir(kValidationDir, LoadOptions(), &diags);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_GT(set->actors.entries.size(), 100u);
  EXPECT_NE(FindBlock(set->verbs, "ABANDON"), nullptr);
}

TEST(LoadDictionaryDir, FailsWithoutVerbFile) {
  const fs::path dir = fs::temp_directory_path() / "thaw_dict_test_no_verbs";
  fs::create_directories(dir);
  std::ofstream(dir / "x.actors.txt") << "A [B]\n";
  Result<DictionarySet> set = LoadDictionaryDir(dir.string(), LoadOptions(), nullptr);
  EXPECT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("no verb dictionary"), std::string::npos);
  fs::remove_all(dir);
}

TEST(LoadDictionaryDir, ClassifiesFilesByNameAndIgnoresOthers) {
  const fs::path dir = fs::temp_directory_path() / "thaw_dict_test_classify";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "CAMEO.test.txt") << "--- GO [010] ---\nGO\n- * HOME [011]\n";
  std::ofstream(dir / "b.actors.txt") << "B [BBB]\n";
  std::ofstream(dir / "a.Actors.txt") << "A [AAA]\n";
  std::ofstream(dir / "x.agents.txt") << "PRESIDENT [~GOV]\n";
  std::ofstream(dir / "x.discards.txt") << "+BASEBALL\n";
  std::ofstream(dir / "Phoenix.IssueCoding.txt") << "this would not parse [[[\n";
  std::ofstream(dir / "notes.md") << "ignored\n";
  Diagnostics diags;
  Result<DictionarySet> set = LoadDictionaryDir(dir.string(), LoadOptions(), &diags);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->verbs.blocks.size(), 1u);
  ASSERT_EQ(set->actors.entries.size(), 2u);
  EXPECT_EQ(set->actors.entries[0].codes[0].code, "AAA");  // files read in name order
  EXPECT_EQ(set->agents.entries.size(), 1u);
  EXPECT_EQ(set->discards.entries.size(), 1u);
  EXPECT_TRUE(diags.empty());

  std::ofstream(dir / "second.verbs.txt") << "--- GO [010] ---\nGO\n";
  EXPECT_FALSE(LoadDictionaryDir(dir.string(), LoadOptions(), nullptr).ok());
  fs::remove_all(dir);
}

TEST(LoadDictionaryDir, StrictModeReportsFileAndLine) {
  const fs::path dir = fs::temp_directory_path() / "thaw_dict_test_strict";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "x.verbs.txt") << "--- GO [010] ---\nGO\n";
  std::ofstream(dir / "x.actors.txt") << "A [B]\nC\n\t[KORGOVBUS 2004017-20061201]\n";
  LoadOptions strict;
  strict.strict = true;
  Result<DictionarySet> set = LoadDictionaryDir(dir.string(), strict, nullptr);
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("x.actors.txt:3: malformed date"), std::string::npos)
      << set.status().message();
  fs::remove_all(dir);
}

TEST(LoadVerbDictionary, MissingFileIsAnError) {
  Result<VerbDictionary> v = LoadVerbDictionary("/nonexistent/verbs.txt", LoadOptions(), nullptr);
  EXPECT_FALSE(v.ok());
}

}  // namespace
}  // namespace thaw
