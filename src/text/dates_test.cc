#include "text/dates.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace thaw {
namespace {

constexpr Date kAug12 = 20240812;  // a Monday
constexpr Date kMar27 = 20150327;  // a Friday

char PrecisionLetter(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return 'D';
    case DatePrecision::kMonth:
      return 'M';
    case DatePrecision::kYear:
      return 'Y';
  }
  return '?';
}

// "[April 12]=2015-04-12/D/r; ..." — the span text, the date, precision, relative flag.
std::string Render(std::string_view text, Date reference) {
  std::string out;
  for (const DateMention& m : FindDateMentions(text, reference)) {
    if (!out.empty()) out += "; ";
    out += "[" + std::string(text.substr(m.begin, m.end - m.begin)) + "]=" + FormatDate(m.date) +
           "/" + PrecisionLetter(m.precision) + (m.relative ? "/r" : "");
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Absolute dates

TEST(FindDateMentions, MonthDayYear) {
  EXPECT_EQ(Render("The summit was held on April 12, 2015 in Beijing.", kNoDate),
            "[April 12, 2015]=2015-04-12/D");
  EXPECT_EQ(Render("They met on 12 April 2015.", kNoDate), "[12 April 2015]=2015-04-12/D");
  EXPECT_EQ(Render("Talks resumed on the 12th of April 2015.", kNoDate),
            "[12th of April 2015]=2015-04-12/D");
  EXPECT_EQ(Render("Signed on June 25th, 1950.", kNoDate), "[June 25th, 1950]=1950-06-25/D");
  EXPECT_EQ(Render("The talks ran April 12-13, 2015.", kNoDate),
            "[April 12-13, 2015]=2015-04-12/D");
}

TEST(FindDateMentions, MonthAbbreviationsWithAndWithoutDot) {
  EXPECT_EQ(Render("on Aug. 24, 1992", kNoDate), "[Aug. 24, 1992]=1992-08-24/D");
  EXPECT_EQ(Render("on Sept. 3 2015", kNoDate), "[Sept. 3 2015]=2015-09-03/D");
  EXPECT_EQ(Render("on Aug 24, 1992", kNoDate), "[Aug 24, 1992]=1992-08-24/D");
  EXPECT_EQ(Render("on Sep 3, 2015", kNoDate), "[Sep 3, 2015]=2015-09-03/D");
  EXPECT_EQ(Render("on 3 Dec. 2015", kNoDate), "[3 Dec. 2015]=2015-12-03/D");
}

TEST(FindDateMentions, MonthYearIsMonthPrecisionWithoutThePreposition) {
  EXPECT_EQ(Render("its third nuclear test in February 2013 and", kNoDate),
            "[February 2013]=2013-02-01/M");
  EXPECT_EQ(Render("in Feb. 2013", kNoDate), "[Feb. 2013]=2013-02-01/M");
  EXPECT_EQ(Render("in October, 2006", kNoDate), "[October, 2006]=2006-10-01/M");
}

TEST(FindDateMentions, BareYears) {
  EXPECT_EQ(Render("Since he took power in 2013, Xi has", kNoDate), "[2013]=2013-01-01/Y");
  EXPECT_EQ(Render("the 2015 Pyongyang Marathon", kNoDate), "[2015]=2015-01-01/Y");
  EXPECT_EQ(Render("between 2018 and 2019", kNoDate), "[2018]=2018-01-01/Y; [2019]=2019-01-01/Y");
  EXPECT_EQ(Render("the 2018-2019 talks", kNoDate), "[2018]=2018-01-01/Y; [2019]=2019-01-01/Y");
}

TEST(FindDateMentions, IsoAndNumericDates) {
  EXPECT_EQ(Render("Updated : 2024-08-12 17:29", kNoDate), "[2024-08-12]=2024-08-12/D");
  EXPECT_EQ(Render("at 2024-06-19T12:00:00Z", kNoDate), "[2024-06-19]=2024-06-19/D");
  EXPECT_EQ(Render("2024/06/19", kNoDate), "[2024/06/19]=2024-06-19/D");
  EXPECT_EQ(Render("on 19/06/2024", kNoDate), "[19/06/2024]=2024-06-19/D");
  EXPECT_EQ(Render("on 06/19/2024", kNoDate), "[06/19/2024]=2024-06-19/D");
  EXPECT_EQ(Render("on 19.06.2024", kNoDate), "[19.06.2024]=2024-06-19/D");
  EXPECT_EQ(Render("on 7/7/2024", kNoDate), "[7/7/2024]=2024-07-07/D");
}

TEST(FindDateMentions, AmbiguousNumericDateGivesOnlyTheYear) {
  EXPECT_EQ(Render("on 05/06/2024", kNoDate), "[05/06/2024]=2024-01-01/Y");
}

TEST(FindDateMentions, OffsetsPointIntoTheText) {
  const std::string text = "Kim arrived on Aug. 24, 1992 and left.";
  const auto m = FindDateMentions(text, kNoDate);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].begin, text.find("Aug."));
  EXPECT_EQ(m[0].end, text.find(" and"));
  EXPECT_FALSE(m[0].relative);
}

// ---------------------------------------------------------------------------------------------
// Relative dates

TEST(FindDateMentions, MonthDayWithoutYearTakesTheReferenceYear) {
  EXPECT_EQ(Render("the marathon on April 12", kMar27), "[April 12]=2015-04-12/D/r");
  EXPECT_EQ(Render("a ceremony slated for May 9.", kMar27), "[May 9]=2015-05-09/D/r");
  EXPECT_EQ(Render("normalization on Aug. 24 to", kAug12), "[Aug. 24]=2024-08-24/D/r");
}

TEST(FindDateMentions, MonthDayMoreThanTwoMonthsAheadIsLastYear) {
  EXPECT_EQ(Render("the meeting on Dec. 28", kMar27), "[Dec. 28]=2014-12-28/D/r");
  EXPECT_EQ(Render("on Nov. 3", kAug12), "[Nov. 3]=2023-11-03/D/r");
  EXPECT_EQ(Render("on Oct. 10", kAug12), "[Oct. 10]=2024-10-10/D/r");  // 59 days ahead
}

TEST(FindDateMentions, MonthDayJustAfterNewYearIsNextYear) {
  EXPECT_EQ(Render("talks on Jan. 10", 20241220), "[Jan. 10]=2025-01-10/D/r");
}

TEST(FindDateMentions, MonthDayWithRelativeYear) {
  EXPECT_EQ(Render("on April 12 last year", kAug12), "[April 12 last year]=2023-04-12/D/r");
  EXPECT_EQ(Render("in April last year", kAug12), "[April last year]=2023-04-01/M/r");
  EXPECT_EQ(Render("in March next year", kAug12), "[March next year]=2025-03-01/M/r");
}

TEST(FindDateMentions, WithoutReferenceOnlyAbsoluteOnesAreReturned) {
  EXPECT_EQ(
      Render("on April 12, yesterday, last June, four months ago, on Monday, in 2018", kNoDate),
      "[2018]=2018-01-01/Y");
}

TEST(FindDateMentions, BareMonthNeedsAPreposition) {
  EXPECT_EQ(Render("to Pyongyang in April to attend", kAug12), "[April]=2024-04-01/M/r");
  EXPECT_EQ(Render("a meeting in May.", kAug12), "[May]=2024-05-01/M/r");
  EXPECT_EQ(Render("in November", kAug12), "[November]=2023-11-01/M/r");
  EXPECT_EQ(Render("by the end of March", kAug12), "[March]=2024-03-01/M/r");
  EXPECT_EQ(Render("April was quiet", kAug12), "");
}

TEST(FindDateMentions, SinceMonthIsInThePast) {
  EXPECT_EQ(Render("since October", kAug12), "[October]=2023-10-01/M/r");
  EXPECT_EQ(Render("in October", kAug12), "[October]=2024-10-01/M/r");
}

TEST(FindDateMentions, LastThisNextMonthName) {
  EXPECT_EQ(Render("their summit in Pyongyang last June.", kAug12), "[last June]=2024-06-01/M/r");
  EXPECT_EQ(Render("since last November", kAug12), "[last November]=2023-11-01/M/r");
  EXPECT_EQ(Render("last August", kAug12), "[last August]=2023-08-01/M/r");
  EXPECT_EQ(Render("this June", kAug12), "[this June]=2024-06-01/M/r");
  EXPECT_EQ(Render("next June", kAug12), "[next June]=2025-06-01/M/r");
  EXPECT_EQ(Render("next September", kAug12), "[next September]=2024-09-01/M/r");
}

TEST(FindDateMentions, LastThisNextPeriods) {
  EXPECT_EQ(Render("last month", kAug12), "[last month]=2024-07-01/M/r");
  EXPECT_EQ(Render("this month", kAug12), "[this month]=2024-08-01/M/r");
  EXPECT_EQ(Render("next month", kAug12), "[next month]=2024-09-01/M/r");
  EXPECT_EQ(Render("Last year", kAug12), "[Last year]=2023-01-01/Y/r");
  EXPECT_EQ(Render("this year", kAug12), "[this year]=2024-01-01/Y/r");
  EXPECT_EQ(Render("next year", kAug12), "[next year]=2025-01-01/Y/r");
  EXPECT_EQ(Render("last month", 20240115), "[last month]=2023-12-01/M/r");
  EXPECT_EQ(Render("next month", 20241215), "[next month]=2025-01-01/M/r");
}

TEST(FindDateMentions, WeeksGiveTheirMonday) {
  EXPECT_EQ(Render("This week, the North", kMar27), "[This week]=2015-03-23/D/r");
  EXPECT_EQ(Render("last week", kMar27), "[last week]=2015-03-16/D/r");
  EXPECT_EQ(Render("next week", kMar27), "[next week]=2015-03-30/D/r");
  EXPECT_EQ(Render("this week", kAug12), "[this week]=2024-08-12/D/r");
}

TEST(FindDateMentions, Ago) {
  EXPECT_EQ(Render("since it suspended the program four months ago to", kMar27),
            "[four months ago]=2014-11-01/M/r");
  EXPECT_EQ(Render("two years ago", kMar27), "[two years ago]=2013-01-01/Y/r");
  EXPECT_EQ(Render("a week ago", kMar27), "[a week ago]=2015-03-20/D/r");
  EXPECT_EQ(Render("3 days ago", kMar27), "[3 days ago]=2015-03-24/D/r");
  EXPECT_EQ(Render("one month ago", 20240115), "[one month ago]=2023-12-01/M/r");
  EXPECT_EQ(Render("a few days ago", kMar27), "");
}

TEST(FindDateMentions, DayWords) {
  EXPECT_EQ(Render("Yesterday, today and tomorrow.", kAug12),
            "[Yesterday]=2024-08-11/D/r; [today]=2024-08-12/D/r; [tomorrow]=2024-08-13/D/r");
  EXPECT_EQ(Render("said last night", 20240301), "[last night]=2024-02-29/D/r");
  EXPECT_EQ(Render("said this morning", kAug12), "[this morning]=2024-08-12/D/r");
}

TEST(FindDateMentions, WeekdayAloneIsTheMostRecentOne) {
  EXPECT_EQ(Render("said on Friday", kAug12), "[Friday]=2024-08-09/D/r");
  EXPECT_EQ(Render("said on Sunday", kAug12), "[Sunday]=2024-08-11/D/r");
  EXPECT_EQ(Render("said on Tuesday", kAug12), "[Tuesday]=2024-08-06/D/r");
  // The reference's own weekday is the reference day: a Monday story about "Monday".
  EXPECT_EQ(Render("said on Monday", kAug12), "[Monday]=2024-08-12/D/r");
}

TEST(FindDateMentions, WeekdayWithDirection) {
  EXPECT_EQ(Render("last Monday", kAug12), "[last Monday]=2024-08-05/D/r");
  EXPECT_EQ(Render("last Friday", kAug12), "[last Friday]=2024-08-09/D/r");
  EXPECT_EQ(Render("next Monday", kAug12), "[next Monday]=2024-08-19/D/r");
  EXPECT_EQ(Render("next Friday", kAug12), "[next Friday]=2024-08-16/D/r");
  EXPECT_EQ(Render("this coming Friday", kAug12), "[this coming Friday]=2024-08-16/D/r");
}

TEST(FindDateMentions, WeekdayBeforeAFullDateDefersToTheDate) {
  EXPECT_EQ(Render("on Monday, April 12, 2021", kAug12), "[April 12, 2021]=2021-04-12/D");
  EXPECT_EQ(Render("on Monday 12 April 2021", kAug12), "[12 April 2021]=2021-04-12/D");
  EXPECT_EQ(Render("on Monday 15 people died", kAug12), "[Monday]=2024-08-12/D/r");
}

TEST(FindDateMentions, ModifiersJoinTheSpan) {
  EXPECT_EQ(Render("from late last year.", kAug12), "[late last year]=2023-01-01/Y/r");
  EXPECT_EQ(Render("earlier this month", kAug12), "[earlier this month]=2024-08-01/M/r");
  EXPECT_EQ(Render("later this year", kAug12), "[later this year]=2024-01-01/Y/r");
  EXPECT_EQ(Render("by mid-2019", kNoDate), "[mid-2019]=2019-01-01/Y");
  EXPECT_EQ(Render("by Mid-2019", kNoDate), "[Mid-2019]=2019-01-01/Y");
  EXPECT_EQ(Render("in early 2015", kNoDate), "[early 2015]=2015-01-01/Y");
  EXPECT_EQ(Render("in mid-June", kAug12), "[mid-June]=2024-06-01/M/r");
  EXPECT_EQ(Render("in late February 2013", kNoDate), "[late February 2013]=2013-02-01/M");
}

TEST(FindDateMentions, DecadesAreSkipped) {
  EXPECT_EQ(Render("since the 1990s", kNoDate), "");
  EXPECT_EQ(Render("since the 1990's", kNoDate), "");
}

// ---------------------------------------------------------------------------------------------
// False-positive guards

TEST(FindDateMentions, MayTheModalVerbIsNotAMonth) {
  EXPECT_EQ(Render("China may respond.", kAug12), "");
  EXPECT_EQ(Render("CHINA MAY RESPOND", kAug12), "");
  EXPECT_EQ(Render("May the talks succeed.", kAug12), "");
}

TEST(FindDateMentions, MayTheNameIsNotAMonth) {
  EXPECT_EQ(Render("Theresa May said on Monday", kAug12), "[Monday]=2024-08-12/D/r");
  EXPECT_EQ(Render("criticised by May", kAug12), "");
  EXPECT_EQ(Render("in May's government", kAug12), "");
}

TEST(FindDateMentions, MarchTheVerbIsNotAMonth) {
  EXPECT_EQ(Render("the march on Monday", kAug12), "[Monday]=2024-08-12/D/r");
  EXPECT_EQ(Render("They march on the capital.", kAug12), "");
  EXPECT_EQ(Render("March on the capital, they said.", kAug12), "");
}

TEST(FindDateMentions, JanTheNameIsNotAMonth) {
  EXPECT_EQ(Render("Jan Egeland said in Oslo.", kAug12), "");
  EXPECT_EQ(Render("in Jan. 2015", kNoDate), "[Jan. 2015]=2015-01-01/M");
}

TEST(FindDateMentions, CountsAndAmountsAreNotYears) {
  EXPECT_EQ(Render("sent 2000 troops and 1950 people", kNoDate), "");
  EXPECT_EQ(Render("a 2000 km range", kNoDate), "");
  EXPECT_EQ(Render("a 2000km range", kNoDate), "");
  EXPECT_EQ(Render("paid $2000 for 1,950 tickets", kNoDate), "");
  EXPECT_EQ(Render("a rise of 2015.5 points, or 1999%", kNoDate), "");
  EXPECT_EQ(Render("at 1900 GMT", kNoDate), "");
  EXPECT_EQ(Render("numbers like 1234 and 2500", kNoDate), "");
  EXPECT_EQ(Render("Park, who in 2012 won the presidency", kNoDate), "[2012]=2012-01-01/Y");
}

TEST(FindDateMentions, IdentifiersAreNotYears) {
  EXPECT_EQ(Render("under Resolution 2094", kNoDate), "");
  EXPECT_EQ(Render("resolutions 2087, 2094 and 2270 of 2013", kNoDate), "[2013]=2013-01-01/Y");
  EXPECT_EQ(Render("an F-2000 engine", kNoDate), "");
}

TEST(FindDateMentions, CountsAfterAMonthAreNotDays) {
  EXPECT_EQ(Render("In March 3 km of road", kAug12), "[March]=2024-03-01/M/r");
  EXPECT_EQ(Render("at 12:30 on April 12.", kMar27), "[April 12]=2015-04-12/D/r");
  EXPECT_EQ(Render("April 31", kMar27), "");
}

TEST(FindDateMentions, NextDayCountsFromTheStoryNotTheReference) {
  EXPECT_EQ(Render("the next day", kAug12), "");
}

// ---------------------------------------------------------------------------------------------
// Day arithmetic, checked against a deliberately simple reference implementation.

Date NaivePreviousDay(Date d) {
  int y = d / 10000, m = d / 100 % 100, day = d % 100;
  if (--day == 0) {
    if (--m == 0) {
      m = 12;
      --y;
    }
    day = 31;
    while (!IsValidDate(y, m, day)) --day;
  }
  return y * 10000 + m * 100 + day;
}

// Zeller's congruence, Monday 0.
int NaiveWeekday(Date d) {
  int y = d / 10000, m = d / 100 % 100;
  const int q = d % 100;
  if (m < 3) {
    m += 12;
    --y;
  }
  const int h = (q + 13 * (m + 1) / 5 + y % 100 + y % 100 / 4 + y / 100 / 4 + 5 * (y / 100)) % 7;
  return (h + 5) % 7;  // Zeller: 0 is Saturday
}

TEST(FindDateMentions, YesterdayAndWeekdaysMatchANaiveCalendarFor2020To2025) {
  const char* kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                         "Friday", "Saturday", "Sunday"};
  for (Date ref = 20251231; ref > 20200101; ref = NaivePreviousDay(ref)) {
    const auto y = FindDateMentions("yesterday", ref);
    ASSERT_EQ(y.size(), 1u);
    ASSERT_EQ(y[0].date, NaivePreviousDay(ref)) << ref;
    const int wd = (NaiveWeekday(ref) + 4) % 7;  // three days back
    const auto w = FindDateMentions(std::string("on ") + kDays[wd], ref);
    ASSERT_EQ(w.size(), 1u);
    ASSERT_EQ(w[0].date, NaivePreviousDay(NaivePreviousDay(NaivePreviousDay(ref)))) << ref;
  }
}

TEST(FindDateMentions, InvalidReferenceIsTreatedAsNone) {
  EXPECT_EQ(Render("yesterday in 2018", 20241345), "[2018]=2018-01-01/Y");
}

// ---------------------------------------------------------------------------------------------
// InferDocumentDate

TEST(InferDocumentDate, DatelineWins) {
  const InferredDate d = InferDocumentDate(
      "Talks resume\nUpdated : 2024-08-12 17:29\nThe 75th anniversary of diplomatic ties "
      "between China and North Korea fell in 2019.");
  EXPECT_EQ(d.date, 20240812);
  EXPECT_EQ(d.precision, DatePrecision::kDay);
  EXPECT_EQ(d.evidence, "Updated : 2024-08-12 17:29");
}

TEST(InferDocumentDate, PublishedLine) {
  const InferredDate d =
      InferDocumentDate("Xi visits Pyongyang\nPublished June 21, 2019 | 10:32 AM\nBody text.");
  EXPECT_EQ(d.date, 20190621);
  EXPECT_EQ(d.precision, DatePrecision::kDay);
}

TEST(InferDocumentDate, DateInsideABodySentenceIsNotADateline) {
  const InferredDate d = InferDocumentDate(
      "The two sides signed a long agreement on June 21, 2019 after months of talks in the "
      "capital.");
  EXPECT_EQ(d.date, 20190101);
  EXPECT_EQ(d.precision, DatePrecision::kYear);
}

TEST(InferDocumentDate, DiplomaticTiesAnniversaryChinaNorthKorea) {
  const InferredDate d = InferDocumentDate(
      "Beijing sent a delegation to Pyongyang to mark the 75th anniversary of their "
      "diplomatic relationship, officials said.");
  EXPECT_EQ(d.date, 20240101);
  EXPECT_EQ(d.precision, DatePrecision::kYear);
  EXPECT_NE(d.evidence.find("75th anniversary of their diplomatic relationship"), std::string::npos)
      << d.evidence;
  EXPECT_NE(d.evidence.find("1949-10-06"), std::string::npos) << d.evidence;
}

TEST(InferDocumentDate, NormalizationAnniversaryChinaSouthKorea) {
  const InferredDate d = InferDocumentDate(
      "Seoul must improve ties. The government must use the 30th anniversary of diplomatic "
      "normalization to strengthen its relations with China.");
  EXPECT_EQ(d.date, 20220101);
  EXPECT_NE(d.evidence.find("1992-08-24"), std::string::npos) << d.evidence;
}

TEST(InferDocumentDate, NormalizationWithJapanNamedNearby) {
  const InferredDate d = InferDocumentDate(
      "Tokyo and Beijing marked the 50th anniversary of the normalization of Japan-China ties.");
  EXPECT_EQ(d.date, 20220101);
  EXPECT_NE(d.evidence.find("1972-09-29"), std::string::npos) << d.evidence;
}

TEST(InferDocumentDate, PartiesInAnEarlierSentenceDoNotDecide) {
  const InferredDate d = InferDocumentDate(
      "Russia and North Korea watched closely. Seoul and Beijing marked the 30th anniversary of "
      "diplomatic ties.");
  EXPECT_EQ(d.date, 20220101) << d.evidence;
}

TEST(InferDocumentDate, RussiaTiesAnniversary) {
  const InferredDate d = InferDocumentDate(
      "North Korea and Russia celebrated the 75th anniversary of diplomatic ties with Moscow.");
  EXPECT_EQ(d.date, 20230101);
  EXPECT_NE(d.evidence.find("1948-10-12"), std::string::npos) << d.evidence;
}

TEST(InferDocumentDate, WarAnniversaries) {
  EXPECT_EQ(InferDocumentDate("Korea marked the 70th anniversary of the armistice.").date,
            20230101);
  EXPECT_EQ(InferDocumentDate("the 60th anniversary of the outbreak of the Korean War").date,
            20100101);
  EXPECT_EQ(InferDocumentDate("Putin hosted the 80th anniversary of Victory Day in Moscow.").date,
            20250101);
  const InferredDate china =
      InferDocumentDate("Beijing held a parade for the 70th anniversary of the victory.");
  EXPECT_EQ(china.date, 20150101);
  EXPECT_NE(china.evidence.find("1945-09-03"), std::string::npos) << china.evidence;
}

TEST(InferDocumentDate, FoundingAnniversaries) {
  EXPECT_EQ(InferDocumentDate("the 70th anniversary of the founding of the People's Republic "
                              "of China")
                .date,
            20190101);
  EXPECT_EQ(InferDocumentDate("Pyongyang held the 75th founding anniversary of the Workers' "
                              "Party of Korea.")
                .date,
            20200101);
  EXPECT_EQ(InferDocumentDate("the seventy-fifth anniversary of the founding of the DPRK").date,
            20230101);
  EXPECT_EQ(InferDocumentDate("the 60th anniversary of the friendship treaty between China and "
                              "North Korea")
                .date,
            20210101);
}

TEST(InferDocumentDate, UnknownAnniversaryFallsThroughToYears) {
  const InferredDate d =
      InferDocumentDate("The 10th anniversary of the company was in 2010 and sales rose in 2012.");
  EXPECT_EQ(d.date, 20120101);
  EXPECT_EQ(d.evidence, "2012");
}

TEST(InferDocumentDate, YearWithMonthContextBeatsLargerBareYear) {
  const InferredDate d = InferDocumentDate(
      "He took power in 2013. The plan targets 2030. The 2015 marathon is on April 12, and "
      "the test was in February 2013.");
  EXPECT_EQ(d.date, 20150101);
  EXPECT_EQ(d.precision, DatePrecision::kYear);
  EXPECT_EQ(d.evidence, "2015 marathon is on April 12");
}

TEST(InferDocumentDate, LargestYearAtAll) {
  const InferredDate d = InferDocumentDate("Visits in 2013 and 2018 were short.");
  EXPECT_EQ(d.date, 20180101);
  EXPECT_EQ(d.evidence, "2018");
}

TEST(InferDocumentDate, NothingToGoOn) {
  const InferredDate d = InferDocumentDate("Talks went well, officials said last week.");
  EXPECT_EQ(d.date, kNoDate);
  EXPECT_TRUE(d.evidence.empty());
}

// ---------------------------------------------------------------------------------------------
// DateFromFileName

TEST(DateFromFileName, CommonShapes) {
  EXPECT_EQ(DateFromFileName("2019-06-21_xi-pyongyang.txt"), 20190621);
  EXPECT_EQ(DateFromFileName("20190621-x.txt"), 20190621);
  EXPECT_EQ(DateFromFileName("news_2019_06_21.txt"), 20190621);
  EXPECT_EQ(DateFromFileName("a/2019.06.21.html"), 20190621);
  EXPECT_EQ(DateFromFileName("/data/2019/06/21/story.txt"), 20190621);
}

TEST(DateFromFileName, RejectsNonDates) {
  EXPECT_EQ(DateFromFileName("000_b3d1f7a36f1f0e93.txt"), kNoDate);
  EXPECT_EQ(DateFromFileName("20191321.txt"), kNoDate);
  EXPECT_EQ(DateFromFileName("120190621.txt"), kNoDate);
  EXPECT_EQ(DateFromFileName("2019-06-211.txt"), kNoDate);
  EXPECT_EQ(DateFromFileName("30000101.txt"), kNoDate);
  EXPECT_EQ(DateFromFileName(""), kNoDate);
}

TEST(DateFromFileName, SkipsANonDateToFindALaterOne) {
  EXPECT_EQ(DateFromFileName("99999999_20150327.txt"), 20150327);
}

TEST(ParseMetadataDate, TakesTheFormsFeedsWriteAndNothingAmbiguous) {
  EXPECT_EQ(ParseMetadataDate("2024-05-01T12:00:00Z"), 20240501);
  EXPECT_EQ(ParseMetadataDate(" 20240501 "), 20240501);
  EXPECT_EQ(ParseMetadataDate("Wed, 01 May 2024 12:00:00 GMT"), 20240501);  // RSS pubDate
  EXPECT_EQ(ParseMetadataDate("Tue, 30 Apr 2024 23:30:00 -0500"), 20240430);
  EXPECT_EQ(ParseMetadataDate("May 1, 2024"), 20240501);
  EXPECT_EQ(ParseMetadataDate("1 May 2024, 09:30"), 20240501);
  for (const char* vague : {"01/05/2024", "May 2024", "2024", "yesterday", "Monday", "",
                            "May 1, 2024 or June 2, 2024"}) {
    EXPECT_EQ(ParseMetadataDate(vague), std::nullopt) << vague;
  }
}

TEST(DateFromUnixTime, SecondsAndMillisecondsInARangeNoOtherNumberReaches) {
  EXPECT_EQ(DateFromUnixTime(1714564800), 20240501);     // 2024-05-01T12:00:00Z
  EXPECT_EQ(DateFromUnixTime(1714564800000), 20240501);  // the same in milliseconds
  EXPECT_EQ(DateFromUnixTime(0), std::nullopt);
  EXPECT_EQ(DateFromUnixTime(2024), std::nullopt);
  EXPECT_EQ(DateFromUnixTime(-1714564800), std::nullopt);
  EXPECT_EQ(DateFromUnixTime(int64_t{1} << 62), std::nullopt);
}

// ---------------------------------------------------------------------------------------------
// Real articles from ../shared/seeds (read in place, never copied into the project).

std::string ReadSeed(const std::string& name) {
  const std::string path = std::string(THAW_SHARED_DIR) + "/seeds/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The date of the first mention whose text is `span`, or kNoDate.
Date DateOf(const std::string& text, Date ref, std::string_view span) {
  for (const DateMention& m : FindDateMentions(text, ref)) {
    if (std::string_view(text).substr(m.begin, m.end - m.begin) == span) return m.date;
  }
  return kNoDate;
}

TEST(Seeds, Early2015Article) {
  const std::string text = ReadSeed("000_b3d1f7a36f1f0e93.txt");
  if (text.empty()) {
    GTEST_SKIP() << "seed article not found under " << THAW_SHARED_DIR
                 << "/seeds; check out ../shared beside the source tree to run this test";
  }
  const InferredDate d = InferDocumentDate(text);
  EXPECT_EQ(d.date / 10000, 2015) << d.evidence;
  EXPECT_EQ(DateOf(text, kMar27, "April 12"), 20150412);
  EXPECT_EQ(DateOf(text, kMar27, "May 9"), 20150509);
  EXPECT_EQ(DateOf(text, kMar27, "four months ago"), 20141101);
  EXPECT_EQ(DateOf(text, kMar27, "February 2013"), 20130201);
}

TEST(Seeds, August2024Article) {
  const std::string text = ReadSeed("004_ebcfb29b49f848f0.txt");
  if (text.empty()) {
    GTEST_SKIP() << "seed article not found under " << THAW_SHARED_DIR
                 << "/seeds; check out ../shared beside the source tree to run this test";
  }
  const InferredDate d = InferDocumentDate(text);
  EXPECT_EQ(d.date / 10000, 2024) << d.evidence;
  EXPECT_EQ(DateOf(text, kAug12, "last June"), 20240601);
  EXPECT_EQ(DateOf(text, kAug12, "late last year"), 20230101);
  EXPECT_EQ(DateOf(text, kAug12, "last November"), 20231101);
  EXPECT_EQ(DateOf(text, kAug12, "last month"), 20240701);
  EXPECT_EQ(DateOf(text, kAug12, "Aug. 24"), 20240824);
}

}  // namespace
}  // namespace thaw
