#include "store/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "store/country.h"
#include "store/export.h"
#include "store/store_test_util.h"

namespace thaw {
namespace {

using testing::MakeDoc;
using testing::MakeEvent;

// Long enough for a MinHash signature (at least kMinShingles shingles).
const std::string kStoryA =
    "Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with North Korean leader "
    "Kim Jong Un. The two countries signed a mutual defence treaty that commits each side to help the "
    "other if attacked. Officials said the agreement also covers trade and technology.";
const std::string kStoryB =
    "China and the United States held a new round of trade talks in Geneva on Monday, officials said. "
    "Both delegations described the meeting as constructive and agreed to meet again next month. "
    "Analysts expect tariffs to remain in place for now.";

std::vector<CodedDocument> Corpus() {
  std::vector<CodedDocument> docs;
  docs.push_back(
      MakeDoc("a", kStoryA, 20240619,
              {{MakeEvent("RUSGOV", "PRKGOV", "040")}, {MakeEvent("RUS", "PRK", "057")}}));
  docs.push_back(
      MakeDoc("b", kStoryB, 20240715,
              {{MakeEvent("CHN", "USA", "043"), MakeEvent("USA", "CHN", "043", 20240714)},
               {MakeEvent("USAGOV", "CHNGOV", "036")},
               {MakeEvent("IGOUNO", "USA", "112")}}));
  docs.push_back(MakeDoc("c", "Russia threatened Ukraine. Ukraine fought Russia.", 20240802,
                         {{MakeEvent("RUS", "UKR", "138")}, {MakeEvent("UKR", "RUS", "190")}}));
  return docs;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::unique_ptr<Store> OpenStore(const testing::TestLocation& loc) {
    auto store = Store::Open(loc.location());
    EXPECT_TRUE(store.ok()) << store.status().message();
    return store.ok() ? std::move(*store) : nullptr;
  }
  // The store at `loc` with `batch` written into it; null (after a failed check) otherwise.
  std::unique_ptr<Store> OpenWith(const testing::TestLocation& loc,
                                  std::vector<CodedDocument> batch) {
    auto store = OpenStore(loc);
    if (!store) return nullptr;
    WriteStats stats;
    const Status written = store->Write(&batch, &stats);
    EXPECT_TRUE(written.ok()) << written.message();
    return written.ok() ? std::move(store) : nullptr;
  }
  std::unique_ptr<Store> OpenWithCorpus(const testing::TestLocation& loc) {
    return OpenWith(loc, Corpus());
  }
};

TEST_P(StoreTest, StoresDocumentsSentencesMentionsAndEventsWithProvenance) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto store = OpenStore(loc);
  ASSERT_TRUE(store);
  auto batch = Corpus();
  WriteStats stats;
  ASSERT_TRUE(store->Write(&batch, &stats).ok());
  EXPECT_EQ(stats.stored, 3u);
  EXPECT_EQ(stats.events, 8u);
  auto counts = store->Counts();
  ASSERT_TRUE(counts.ok()) << counts.status().message();
  EXPECT_EQ(counts->documents, 3);
  EXPECT_EQ(counts->sentences, 3 + 3 + 2);
  EXPECT_EQ(counts->events, 8);
  EXPECT_EQ(counts->counted_events, 8);
  EXPECT_EQ(counts->mentions, 16);  // a source and a target per event

  // A mention's offsets point into the stored document text (ASCII: bytes are characters).
  auto q = store->connection()->Prepare(
      "SELECT m.char_begin, m.char_end, m.text, d.text, e.pattern, e.sentence_idx FROM events e "
      "JOIN mentions m ON m.event_id = e.id AND m.role = 'source' JOIN documents d ON d.id = e.doc_id "
      "WHERE e.code = '057'");
  ASSERT_TRUE(q.ok()) << q.status().message();
  auto row = (*q)->Step();
  ASSERT_TRUE(row.ok() && *row);
  const std::string text((*q)->ColumnText(3));
  const auto begin = (*q)->ColumnInt(0), end = (*q)->ColumnInt(1);
  EXPECT_EQ(text.substr(begin, end - begin), "The");  // token 0 of the second sentence
  EXPECT_EQ((*q)->ColumnText(2), "RUS text");
  EXPECT_EQ((*q)->ColumnText(4), "[default]");
  EXPECT_EQ((*q)->ColumnInt(5), 1);
}

// A story with curly quotes, dashes and accents, as news text has them. Returns the text of
// every actor mention and every sentence, cut from documents.text with SQL's substr at the
// stored character offsets ("source"/"target" mentions in event order, then "sentence"s).
const std::string kStoryWithAccents =
    "Kim Jong Un\u2019s envoy \u2014 in Seoul \u2014 met the caf\u00e9 owners. "
    "S\u00e3o Tom\u00e9 and Pr\u00edncipe hosted talks. Officials said \u201cyes\u201d today.";

std::vector<CodedDocument> AccentCorpus() {
  Event first = MakeEvent("PRK", "KOR", "040");  // "Kim Jong" | "Un’s envoy"
  first.source_end = 2;
  first.target_begin = 2;
  first.target_end = 4;
  Event second = MakeEvent("STP", "---", "010");  // "São Tomé and" | "Príncipe hosted"
  second.source_end = 3;
  second.target_begin = 3;
  second.target_end = 5;
  Event third = MakeEvent("---", "---", "010");  // "Officials" | "“yes”"; target before source
  third.source_end = 1;
  third.target_begin = 2;
  third.target_end = 3;
  std::swap(third.source_begin, third.target_begin);
  std::swap(third.source_end, third.target_end);
  return {MakeDoc("accents", kStoryWithAccents, 20240619, {{first}, {second}, {third}})};
}

std::vector<std::string> CutMentionsAndSentences(Store* store) {
  std::vector<std::string> out;
  for (const char* sql :
       {"SELECT substr(d.text, m.char_begin + 1, m.char_end - m.char_begin) FROM mentions m "
        "JOIN documents d ON d.id = m.doc_id ORDER BY m.event_id, m.role",
        "SELECT substr(d.text, s.doc_offset + 1, length(s.text)) FROM sentences s "
        "JOIN documents d ON d.id = s.doc_id ORDER BY s.doc_id, s.idx"}) {
    auto q = store->connection()->Prepare(sql);
    EXPECT_TRUE(q.ok()) << q.status().message();
    if (!q.ok()) return out;
    while (true) {
      auto row = (*q)->Step();
      EXPECT_TRUE(row.ok());
      if (!row.ok() || !*row) break;
      out.emplace_back((*q)->ColumnText(0));
    }
  }
  return out;
}

const std::vector<std::string> kAccentCuts = {
    "Kim Jong", "Un\u2019s envoy",  // event 1: source, target
    "S\u00e3o Tom\u00e9 and", "Pr\u00edncipe hosted", "\u201cyes\u201d", "Officials",
    "Kim Jong Un\u2019s envoy \u2014 in Seoul \u2014 met the caf\u00e9 owners.",
    "S\u00e3o Tom\u00e9 and Pr\u00edncipe hosted talks.", "Officials said \u201cyes\u201d today."};

TEST_P(StoreTest, OffsetsCountCharactersAsSqlAndPythonDo) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto store = OpenWith(loc, AccentCorpus());
  ASSERT_TRUE(store);
  EXPECT_EQ(CutMentionsAndSentences(store.get()), kAccentCuts);
  // Events read back (as export does) carry the same offsets.
  std::vector<std::pair<int64_t, int64_t>> ranges;
  ASSERT_TRUE(store
                  ->ForEachEvent(false,
                                 [&](const StoredEvent& e) {
                                   ranges.emplace_back(e.source_char_begin, e.source_char_end);
                                   ranges.emplace_back(e.target_char_begin, e.target_char_end);
                                   return true;
                                 })
                  .ok());
  ASSERT_EQ(ranges.size(), 6u);
  EXPECT_EQ(ranges[0], std::make_pair(int64_t{0}, int64_t{8}));    // "Kim Jong"
  EXPECT_EQ(ranges[1], std::make_pair(int64_t{9}, int64_t{19}));   // "Un’s envoy"
  EXPECT_EQ(ranges[5], std::make_pair(int64_t{90}, int64_t{99}));  // "Officials"
}

TEST_P(StoreTest, AVersion2StoreGetsCharacterOffsets) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto batch = AccentCorpus();
  auto ascii = Corpus();
  batch.insert(batch.end(), ascii.begin(), ascii.end());
  auto store = OpenWith(loc, std::move(batch));
  ASSERT_TRUE(store);
  const auto written = CutMentionsAndSentences(store.get());
  ASSERT_EQ(written.size(), kAccentCuts.size() + 16 + 8);  // and Corpus()'s 16 mentions, 8 sentences
  for (const std::string& cut : kAccentCuts)
    EXPECT_NE(std::find(written.begin(), written.end(), cut), written.end()) << cut;
  // Back to version 2's byte offsets: the byte length of the text's first `offset` characters.
  auto bytes = [&](const std::string& table, const std::string& column) {
    const std::string at = table + "." + column;
    return column + " = " +
           (loc.postgres() ? "octet_length(substr(d.text, 1, " + at + "))"
                           : "length(CAST(substr(d.text, 1, " + at + ") AS BLOB))");
  };
  ASSERT_TRUE(store->connection()
                  ->Exec("UPDATE sentences SET " + bytes("sentences", "doc_offset") +
                         " FROM documents d WHERE d.id = sentences.doc_id; UPDATE events SET " +
                         bytes("events", "source_char_begin") + ", " +
                         bytes("events", "source_char_end") + ", " +
                         bytes("events", "target_char_begin") + ", " +
                         bytes("events", "target_char_end") +
                         " FROM documents d WHERE d.id = events.doc_id; UPDATE thaw_meta SET "
                         "value = '2' WHERE key = 'schema_version'")
                  .ok());
  EXPECT_NE(CutMentionsAndSentences(store.get()), written);
  store.reset();
  store = OpenStore(loc);
  ASSERT_TRUE(store);
  EXPECT_EQ(CutMentionsAndSentences(store.get()), written);
  auto version =
      store->connection()->Prepare("SELECT value FROM thaw_meta WHERE key = 'schema_version'");
  ASSERT_TRUE(version.ok());
  ASSERT_TRUE(*(*version)->Step());
  EXPECT_EQ((*version)->ColumnText(0), "3");
}

TEST_P(StoreTest, WritingTheSameDocumentsAgainAddsNothing) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto store = OpenStore(loc);
  ASSERT_TRUE(store);
  auto batch = Corpus();
  WriteStats stats;
  ASSERT_TRUE(store->Write(&batch, &stats).ok());
  auto again = Corpus();
  again.push_back(Corpus()[0]);  // and a repeat inside the batch itself
  WriteStats stats2;
  ASSERT_TRUE(store->Write(&again, &stats2).ok());
  EXPECT_EQ(stats2.stored, 0u);
  EXPECT_EQ(stats2.already_stored, 4u);
  EXPECT_EQ(store->Counts()->events, 8);
  auto contains = store->Contains(again[1].hash);
  ASSERT_TRUE(contains.ok());
  EXPECT_TRUE(*contains);
  EXPECT_FALSE(*store->Contains("0000"));
  // A reopened store continues ids after the stored ones.
  store.reset();
  store = OpenStore(loc);
  auto more = std::vector<CodedDocument>{MakeDoc("d", "Iran condemned Israel.", 20240901,
                                                 {{MakeEvent("IRN", "ISR", "111")}})};
  ASSERT_TRUE(store->Write(&more, &stats).ok());
  EXPECT_EQ(store->Counts()->documents, 4);
  int64_t max_event = 0;
  ASSERT_TRUE(store->ForEachEvent(true, [&](const StoredEvent& e) {
                max_event = e.id;
                return true;
              }).ok());
  EXPECT_EQ(max_event, 9);
}

TEST_P(StoreTest, NearDuplicateIsLinkedAndCountedOnce) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto store = OpenWithCorpus(loc);
  ASSERT_TRUE(store);
  WriteStats stats;
  // The same wire story from another outlet, with a dateline; coded slightly differently.
  std::vector<CodedDocument> dup;
  dup.push_back(MakeDoc("a-tass", "MOSCOW (TASS) - " + kStoryA, 20240619,
                        {{MakeEvent("RUSGOV", "PRKGOV", "040")}, {MakeEvent("RUS", "PRK", "057")}},
                        "http://tass.example/a"));
  dup[0].doc.source = "tass";
  ASSERT_TRUE(store->Write(&dup, &stats).ok());
  EXPECT_EQ(stats.near_duplicates, 1u);
  auto counts = store->Counts();
  EXPECT_EQ(counts->documents, 4);
  EXPECT_EQ(counts->near_duplicates, 1);
  EXPECT_EQ(counts->events, 10);
  EXPECT_EQ(counts->counted_events, 8);
  auto series = store->DyadSeries({.source = "RUS", .target = "PRK", .period = Period::kMonth});
  ASSERT_TRUE(series.ok());
  ASSERT_EQ(series->size(), 1u);  // 040 and 057, both verbal cooperation, June 2024
  EXPECT_EQ((*series)[0].events, 2);

  std::vector<StoredEvent> events;
  ASSERT_TRUE(store->ForEachEvent(false, [&](const StoredEvent& e) {
                events.push_back(e);
                return true;
              }).ok());
  ASSERT_EQ(events.size(), 8u);
  EXPECT_EQ(events[0].doc_key, "a");
  EXPECT_EQ(events[0].extra_sources, std::vector<std::string>{"tass"});
  EXPECT_EQ(events[0].extra_urls, std::vector<std::string>{"http://tass.example/a"});
}

// A resumed ingest finds near-duplicates of what earlier runs stored (the LSH buckets are read
// back from the store).
TEST_P(StoreTest, NearDuplicateOfADocumentStoredEarlierIsFound) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto store = OpenWithCorpus(loc);
  ASSERT_TRUE(store);
  store.reset();
  store = OpenStore(loc);
  ASSERT_TRUE(store);
  std::vector<CodedDocument> dup;
  dup.push_back(MakeDoc("b-other", "GENEVA (Other) - " + kStoryB, 20240715,
                        {{MakeEvent("CHN", "USA", "043")}}, "http://other.example/b"));
  WriteStats dup_stats;
  ASSERT_TRUE(store->Write(&dup, &dup_stats).ok());
  EXPECT_EQ(dup_stats.near_duplicates, 1u);
  EXPECT_EQ(store->Counts()->counted_events, 8);
}

TEST_P(StoreTest, AFailedBatchLeavesNothingBehind) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto store = OpenStore(loc);
  ASSERT_TRUE(store);
  // Fault injection: the database refuses the batch's last event.
  const std::string trigger =
      store->dialect() == SqlDialect::kSqlite
          ? "CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.code = '999' BEGIN SELECT RAISE(ABORT, "
            "'injected'); END"
          : "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN IF NEW.code = '999' THEN RAISE EXCEPTION "
            "'injected'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; CREATE TRIGGER boom BEFORE INSERT ON "
            "events FOR EACH ROW EXECUTE FUNCTION boom()";
  ASSERT_TRUE(store->connection()->Exec(trigger).ok());
  auto batch = Corpus();
  batch.push_back(
      MakeDoc("bad", "Someone did something.", 20240101, {{MakeEvent("USA", "CAN", "999")}}));
  WriteStats stats;
  Status s = store->Write(&batch, &stats);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("injected"), std::string::npos) << s.message();
  auto counts = store->Counts();
  ASSERT_TRUE(counts.ok()) << counts.status().message();
  EXPECT_EQ(counts->documents, 0);
  EXPECT_EQ(counts->events, 0);
  EXPECT_EQ(counts->mentions, 0);
  auto top = store->TopDyads(kNoDate, kNoDate, 10);
  ASSERT_TRUE(top.ok());
  EXPECT_TRUE(top->empty());
  // The same store takes the next batch.
  auto good = Corpus();
  ASSERT_TRUE(store->Write(&good, &stats).ok());
  EXPECT_EQ(store->Counts()->events, 8);
}

TEST_P(StoreTest, DyadSeriesAndTopDyads) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto store = OpenWithCorpus(loc);
  ASSERT_TRUE(store);

  auto day = store->DyadSeries({.source = "USA", .target = "CHN", .period = Period::kDay});
  ASSERT_TRUE(day.ok()) << day.status().message();
  // 043 on the event's own date (July 14), 036 on the document's (July 15); both quad 1.
  ASSERT_EQ(day->size(), 2u);
  EXPECT_EQ((*day)[0], (DyadCell{20240714, 1, 1, 2.8}));
  EXPECT_EQ((*day)[1], (DyadCell{20240715, 1, 1, 4.0}));
  auto month = store->DyadSeries({.source = "USA", .target = "CHN"});
  ASSERT_EQ(month->size(), 1u);
  EXPECT_EQ((*month)[0], (DyadCell{202407, 1, 2, 6.8}));
  auto year = store->DyadSeries({.period = Period::kYear});
  ASSERT_TRUE(year.ok());
  int64_t total = 0;
  for (const DyadCell& c : *year) total += c.events;
  EXPECT_EQ(total, 8);
  // A range inside a month reads the day table.
  auto part =
      store->DyadSeries({.source = "USA", .target = "CHN", .from = 20240715, .to = 20240720});
  ASSERT_EQ(part->size(), 1u);
  EXPECT_EQ((*part)[0].events, 1);
  // Actors without a country have source ''.
  auto igo = store->DyadSeries({.source = "", .target = "USA"});
  ASSERT_EQ(igo->size(), 1u);
  EXPECT_EQ((*igo)[0].quad_class, 3);

  auto top = store->TopDyads(kNoDate, kNoDate, 3);
  ASSERT_TRUE(top.ok()) << top.status().message();
  ASSERT_EQ(top->size(), 3u);
  EXPECT_EQ((*top)[0], (DyadTotal{"RUS", "PRK", 2, 9.0}));
  EXPECT_EQ((*top)[1], (DyadTotal{"USA", "CHN", 2, 6.8}));
  EXPECT_EQ((*top)[2].source, "CHN");
  auto august = store->TopDyads(20240801, 20240831, 10);
  ASSERT_EQ(august->size(), 2u);
  EXPECT_EQ((*august)[0], (DyadTotal{"RUS", "UKR", 1, -7.0}));
}

TEST_P(StoreTest, DyadSeriesKeepsToItsRange) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto store = OpenWithCorpus(loc);
  ASSERT_TRUE(store);
  // USA->CHN is in July only; RUS->UKR in August only.
  auto june =
      store->DyadSeries({.source = "USA", .target = "CHN", .from = 20240601, .to = 20240630});
  ASSERT_TRUE(june.ok()) << june.status().message();
  EXPECT_TRUE(june->empty());
  auto july =
      store->DyadSeries({.source = "USA", .target = "CHN", .from = 20240701, .to = 20240731});
  ASSERT_TRUE(july.ok());
  EXPECT_EQ(*july, (std::vector<DyadCell>{{202407, 1, 2, 6.8}}));
  auto before =
      store->DyadSeries({.source = "RUS", .target = "UKR", .from = 20240101, .to = 20240731});
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->empty());
  auto year = store->DyadSeries({.source = "RUS", .target = "UKR", .period = Period::kYear});
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(*year, (std::vector<DyadCell>{{2024, 3, 1, -7.0}}));  // 138: verbal conflict
  auto one_day = store->DyadSeries(
      {.source = "USA", .target = "*", .from = 20240715, .to = 20240715, .period = Period::kDay});
  ASSERT_TRUE(one_day.ok());
  EXPECT_EQ(*one_day, (std::vector<DyadCell>{{20240715, 1, 1, 4.0}}));
}

// The dyad tables are summed in memory batch by batch; a plain sum over the stored events
// must give the same cells.
TEST_P(StoreTest, DyadTablesAgreeWithTheEvents) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto store = OpenStore(loc);
  ASSERT_TRUE(store);
  const char* kActors[] = {"USA", "USAGOV", "CHN", "RUSMIL", "UKR", "IGOUNO", "---", "GOV"};
  const char* kCodes[] = {"010", "043", "057", "0831", "112", "138", "190", "036", "999"};
  uint64_t rng = 7;
  auto next = [&](uint64_t n) {
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (rng >> 33) % n;
  };
  for (int round = 0; round < 4; ++round) {
    std::vector<CodedDocument> batch;
    for (int d = 0; d < 40; ++d) {
      std::string text;
      for (int w = 0; w < 30; ++w)
        text += "w" + std::to_string(next(400)) + (w % 10 == 9 ? ". " : " ");
      if (d % 9 == 4 && !batch.empty())
        text = "REPUBLISHED - " + batch.back().doc.text;  // not counted
      const Date date = (2022 + static_cast<int>(next(2))) * 10000 +
                        static_cast<int>(next(12) + 1) * 100 + static_cast<int>(next(28) + 1);
      std::vector<std::vector<Event>> events(3);
      for (auto& sentence : events) {
        for (uint64_t k = next(4); k > 0; --k) {
          sentence.push_back(MakeEvent(kActors[next(8)], kActors[next(8)], kCodes[next(9)],
                                       next(3) == 0 ? date - 1 : kNoDate));
        }
      }
      batch.push_back(MakeDoc("r" + std::to_string(round) + "-" + std::to_string(d), text, date,
                              std::move(events)));
    }
    WriteStats stats;
    ASSERT_TRUE(store->Write(&batch, &stats).ok());
  }
  // The reference: the counted events summed per month and QuadClass, and per dyad.
  std::map<std::pair<int32_t, int>, std::pair<int64_t, int64_t>> by_month;
  std::map<std::pair<std::string, std::string>, std::pair<int64_t, int64_t>> by_dyad;
  ASSERT_TRUE(store->ForEachEvent(false, [&](const StoredEvent& e) {
                const int64_t x10 = std::llround(e.goldstein * 10);
                auto& m = by_month[{e.date / 100, e.quad_class}];
                ++m.first;
                m.second += x10;
                auto& d = by_dyad[{std::string(ActorCountry(e.source)),
                                   std::string(ActorCountry(e.target))}];
                ++d.first;
                d.second += x10;
                return true;
              }).ok());
  std::vector<DyadCell> months;
  for (const auto& [key, sums] : by_month) {
    months.push_back({key.first, key.second, sums.first, static_cast<double>(sums.second) / 10});
  }
  auto series = store->DyadSeries({});
  ASSERT_TRUE(series.ok()) << series.status().message();
  EXPECT_EQ(*series, months);
  std::vector<DyadTotal> totals;
  for (const auto& [dyad, sums] : by_dyad) {
    if (dyad.first.empty() || dyad.second.empty()) continue;
    totals.push_back({dyad.first, dyad.second, sums.first, static_cast<double>(sums.second) / 10});
  }
  std::stable_sort(totals.begin(), totals.end(),
                   [](const DyadTotal& a, const DyadTotal& b) { return a.events > b.events; });
  auto top = store->TopDyads(kNoDate, kNoDate, 100);
  ASSERT_TRUE(top.ok()) << top.status().message();
  EXPECT_EQ(*top, totals);
  // The month table over all months, and the day table, say the same.
  auto by_months = store->TopDyads(19000101, 29991231, 100);
  auto by_days = store->TopDyads(19000102, 29991230, 100);
  ASSERT_TRUE(by_months.ok() && by_days.ok());
  EXPECT_EQ(*by_months, totals);
  EXPECT_EQ(*by_days, totals);
}

TEST_P(StoreTest, TwoStoresOnOneDatabaseKeepEachDocumentOnce) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto a = OpenStore(loc);
  auto b = OpenStore(loc);
  ASSERT_TRUE(a && b);
  auto batch = Corpus();
  WriteStats stats;
  ASSERT_TRUE(a->Write(&batch, &stats).ok());
  // b learns of a's documents, both through Contains and when it writes.
  auto contains = b->Contains(batch[1].hash);
  ASSERT_TRUE(contains.ok()) << contains.status().message();
  EXPECT_TRUE(*contains);
  auto again = Corpus();
  again.push_back(
      MakeDoc("d", "Iran condemned Israel.", 20240901, {{MakeEvent("IRN", "ISR", "111")}}));
  WriteStats b_stats;
  ASSERT_TRUE(b->Write(&again, &b_stats).ok());
  EXPECT_EQ(b_stats.stored, 1u);
  EXPECT_EQ(b_stats.already_stored, 3u);
  // And a of b's, without a Contains first.
  auto last = std::vector<CodedDocument>{again.back()};
  WriteStats a_stats;
  ASSERT_TRUE(a->Write(&last, &a_stats).ok());
  EXPECT_EQ(a_stats.stored, 0u);
  EXPECT_EQ(a_stats.already_stored, 1u);
  EXPECT_EQ(a->Counts()->documents, 4);
}

TEST_P(StoreTest, AVersion1StoreIsUpgraded) {
  testing::TestLocation loc(GetParam());
  THAW_REQUIRE_LOCATION(loc);
  auto store = OpenWithCorpus(loc);
  ASSERT_TRUE(store);
  auto series = store->DyadSeries({.source = "*", .target = "*", .period = Period::kMonth});
  auto top = store->TopDyads(kNoDate, kNoDate, 10);
  ASSERT_TRUE(series.ok() && top.ok());
  // Version 1 keyed dyad_month by the dyad and had no dyad_total.
  ASSERT_TRUE(
      store->connection()
          ->Exec(
              "DROP TABLE dyad_total; DROP TABLE dyad_month; CREATE TABLE dyad_month(source_country TEXT "
              "NOT NULL, target_country TEXT NOT NULL, month INTEGER NOT NULL, quad_class INTEGER NOT NULL, "
              "n_events INTEGER NOT NULL, goldstein_x10 INTEGER NOT NULL, PRIMARY KEY(source_country, "
              "target_country, month, quad_class)); UPDATE thaw_meta SET value = '1' WHERE key = "
              "'schema_version'")
          .ok());
  store.reset();
  store = OpenStore(loc);
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->DyadSeries({.source = "*", .target = "*", .period = Period::kMonth}), *series);
  EXPECT_EQ(*store->TopDyads(kNoDate, kNoDate, 10), *top);
  auto version =
      store->connection()->Prepare("SELECT value FROM thaw_meta WHERE key = 'schema_version'");
  ASSERT_TRUE(version.ok());
  ASSERT_TRUE(*(*version)->Step());
  EXPECT_EQ((*version)->ColumnText(0), "3");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

// The acceptance check: the same documents give the same answers on SQLite and PostgreSQL.
TEST(StoreEquality, SqliteAndPostgresAnswerAlike) {
  testing::TestLocation lite("sqlite"), pg("postgres");
  THAW_REQUIRE_LOCATION(pg);
  auto a = Store::Open(lite.location());
  auto b = Store::Open(pg.location());
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().message() << b.status().message();
  // A generated corpus: many dyads, dates across two years, near-duplicates, repeats.
  const char* kActors[] = {"USA", "USAGOV", "CHN",    "CHNMIL", "RUS", "UKR",
                           "PRK", "KOR",    "IGOUNO", "---",    "FRA"};
  const char* kCodes[] = {"010", "043", "057", "0831", "112", "138", "173", "190", "036", "903"};
  uint64_t rng = 42;
  auto next = [&](uint64_t n) {
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (rng >> 33) % n;
  };
  for (int round = 0; round < 3; ++round) {
    std::vector<CodedDocument> batch;
    for (int d = 0; d < 60; ++d) {
      const int n = round * 60 + d;
      std::string text;
      for (int w = 0; w < 40; ++w)
        text += "w" + std::to_string(next(500)) + (w % 10 == 9 ? ". " : " ");
      if (n % 7 == 3 && !batch.empty()) text = "REPUBLISHED - " + batch.back().doc.text;
      const Date date = 20230000 + static_cast<int>(next(2)) * 10000 +
                        static_cast<int>(next(12) + 1) * 100 + static_cast<int>(next(28) + 1);
      std::vector<std::vector<Event>> events(4);
      for (auto& sentence : events) {
        for (uint64_t k = next(3); k > 0; --k) {
          sentence.push_back(MakeEvent(kActors[next(11)], kActors[next(11)], kCodes[next(10)],
                                       next(4) == 0 ? date - 1 : kNoDate));
        }
      }
      batch.push_back(MakeDoc("doc" + std::to_string(n), text, date, std::move(events)));
    }
    auto copy = batch;
    WriteStats sa, sb;
    ASSERT_TRUE((*a)->Write(&batch, &sa).ok());
    ASSERT_TRUE((*b)->Write(&copy, &sb).ok());
    EXPECT_EQ(sa.stored, sb.stored);
    EXPECT_EQ(sa.near_duplicates, sb.near_duplicates);
    EXPECT_GT(sa.near_duplicates, 0u);
  }
  auto ca = (*a)->Counts(), cb = (*b)->Counts();
  ASSERT_TRUE(ca.ok() && cb.ok()) << cb.status().message();
  EXPECT_EQ(ca->documents, cb->documents);
  EXPECT_EQ(ca->near_duplicates, cb->near_duplicates);
  EXPECT_EQ(ca->sentences, cb->sentences);
  EXPECT_EQ(ca->mentions, cb->mentions);
  EXPECT_EQ(ca->events, cb->events);
  EXPECT_EQ(ca->counted_events, cb->counted_events);
  const DyadQuery queries[] = {
      {.source = "USA", .target = "CHN", .period = Period::kMonth},
      {.source = "*", .target = "*", .period = Period::kMonth},
      {.source = "*", .target = "RUS", .period = Period::kDay},
      {.source = "", .target = "*", .period = Period::kYear},
      {.source = "CHN", .target = "*", .from = 20230310, .to = 20240220, .period = Period::kMonth},
      {.source = "UKR",
       .target = "USA",
       .from = 20230401,
       .to = 20231231,
       .period = Period::kMonth},
  };
  for (const DyadQuery& q : queries) {
    auto sa = (*a)->DyadSeries(q), sb = (*b)->DyadSeries(q);
    ASSERT_TRUE(sa.ok() && sb.ok()) << sb.status().message();
    EXPECT_FALSE(sa->empty());
    EXPECT_EQ(*sa, *sb) << q.source << "->" << q.target;
  }
  for (auto [from, to] :
       {std::pair<Date, Date>{kNoDate, kNoDate}, {20230301, 20230630}, {20230305, 20230320}}) {
    auto ta = (*a)->TopDyads(from, to, 20), tb = (*b)->TopDyads(from, to, 20);
    ASSERT_TRUE(ta.ok() && tb.ok()) << tb.status().message();
    EXPECT_FALSE(ta->empty());
    EXPECT_EQ(*ta, *tb);
  }
  for (ExportFormat f : {ExportFormat::kPhoenixTsv, ExportFormat::kCsv, ExportFormat::kJsonl}) {
    for (bool dups : {false, true}) {
      std::ostringstream ea, eb;
      ASSERT_TRUE(ExportEvents(a->get(), &ea, f, true, dups, nullptr).ok());
      ASSERT_TRUE(ExportEvents(b->get(), &eb, f, true, dups, nullptr).ok());
      EXPECT_GT(ea.str().size(), 1000u);
      EXPECT_EQ(ea.str(), eb.str());
    }
  }
}

}  // namespace
}  // namespace thaw
