#include "coder/code_algebra.h"

#include <algorithm>
#include <array>
#include <utility>

namespace thaw {
namespace {

constexpr int64_t kNone = INT64_MIN;
constexpr int64_t kNegation = 0xFFFF;

struct PicoEntry {
  std::string_view code;
  int64_t value;
  int64_t alternate;  // a second meaning of the same code (e.g. 110 is "not 050" and 0x7000)
};

// CAMEO codes as feature sums in the PETRARCH internal coding ontology (PICO), from
// PETR.Internal.Coding.Ontology.txt of PETRARCH-2 (MIT, Open Event Data Alliance). The high
// hex digit is the speech-act class (1 say, 2 appeal, 3 intend, ...), the low digits the
// substance (0x80 diplomatic cooperation, 0xA0 fight, ...); adding 0xFFFF negates the act and
// subtracting it turns it into a rejection. Kept sorted by code for binary search.
constexpr PicoEntry kPico[] = {
    {"010", 4096, kNone},
    {"011", -61439, kNone},
    {"012", 4108, kNone},
    {"013", 4097, kNone},
    {"015", 4256, kNone},
    {"016", -61279, kNone},
    {"017", 4099, kNone},
    {"018", 4100, kNone},
    {"019", 4101, kNone},
    {"020", 8192, kNone},
    {"021", 8304, kNone},
    {"0211", 8309, kNone},
    {"0212", 8310, kNone},
    {"0213", 8312, kNone},
    {"0214", 8314, kNone},
    {"022", 8320, kNone},
    {"023", 8256, kNone},
    {"0231", 8261, kNone},
    {"0232", 8262, kNone},
    {"0233", 8263, kNone},
    {"0234", 8265, kNone},
    {"024", 8288, kNone},
    {"0241", 8289, kNone},
    {"0242", 8290, kNone},
    {"0243", 8291, kNone},
    {"0244", 8292, kNone},
    {"025", 8704, kNone},
    {"0251", 8715, kNone},
    {"0252", 8716, kNone},
    {"0253", 8717, kNone},
    {"0254", 8709, kNone},
    {"0255", 8718, kNone},
    {"0256", 8719, kNone},
    {"026", 8208, kNone},
    {"027", 8224, kNone},
    {"028", 8240, kNone},
    {"030", 12288, kNone},
    {"031", 12400, kNone},
    {"0311", 12405, kNone},
    {"0312", 12406, kNone},
    {"0313", 12408, kNone},
    {"0314", 12410, kNone},
    {"032", 12416, kNone},
    {"033", 12352, kNone},
    {"0331", 12357, kNone},
    {"0332", 12358, kNone},
    {"0333", 12359, kNone},
    {"0334", 12361, kNone},
    {"034", 12384, kNone},
    {"0341", 12385, kNone},
    {"0342", 12386, kNone},
    {"0343", 12387, kNone},
    {"0344", 12388, kNone},
    {"035", 12800, kNone},
    {"0351", 12811, kNone},
    {"0352", 12812, kNone},
    {"0353", 12813, kNone},
    {"0354", 12805, kNone},
    {"0355", 12814, kNone},
    {"0356", 12815, kNone},
    {"036", 12304, kNone},
    {"037", 12320, kNone},
    {"038", 12848, kNone},
    {"039", 12336, kNone},
    {"040", 45056, kNone},
    {"041", 45057, kNone},
    {"042", 45058, kNone},
    {"043", 45059, kNone},
    {"044", 45072, kNone},
    {"045", 45104, kNone},
    {"046", 45072, kNone},
    {"050", 128, kNone},
    {"051", 129, kNone},
    {"052", 130, kNone},
    {"053", 131, kNone},
    {"054", 132, kNone},
    {"055", 133, kNone},
    {"056", 134, kNone},
    {"057", 135, kNone},
    {"060", 112, kNone},
    {"061", 117, kNone},
    {"062", 118, kNone},
    {"063", 120, kNone},
    {"064", 122, kNone},
    {"070", 64, kNone},
    {"071", 69, kNone},
    {"072", 70, kNone},
    {"073", 71, kNone},
    {"074", 73, kNone},
    {"075", 78, kNone},
    {"08", 512, kNone},
    {"080", 512, kNone},
    {"081", 523, kNone},
    {"0811", 515, kNone},
    {"0812", 513, kNone},
    {"0813", 516, kNone},
    {"0814", 518, kNone},
    {"082", 524, kNone},
    {"083", 608, kNone},
    {"0831", 609, kNone},
    {"0832", 610, kNone},
    {"0833", 611, kNone},
    {"0834", 612, kNone},
    {"084", 592, kNone},
    {"0841", 524, kNone},
    {"0842", 524, kNone},
    {"085", 517, kNone},
    {"086", 526, kNone},
    {"0861", 521, kNone},
    {"0862", 522, kNone},
    {"0863", 519, kNone},
    {"087", 704, kNone},
    {"0871", 713, kNone},
    {"0872", 705, kNone},
    {"0873", 710, kNone},
    {"0874", 706, kNone},
    {"090", 40960, kNone},
    {"091", 40961, kNone},
    {"092", 40962, kNone},
    {"093", 40963, kNone},
    {"094", 40964, kNone},
    {"100", 16384, kNone},
    {"101", 16496, kNone},
    {"1011", 16501, kNone},
    {"1012", 16502, kNone},
    {"1013", 16504, kNone},
    {"1014", 16506, kNone},
    {"102", 16512, kNone},
    {"103", 16448, kNone},
    {"1031", 16453, kNone},
    {"1032", 16454, kNone},
    {"1033", 16455, kNone},
    {"1034", 16457, kNone},
    {"104", 16480, kNone},
    {"1041", 16481, kNone},
    {"1042", 16482, kNone},
    {"1043", 16483, kNone},
    {"1044", 16484, kNone},
    {"105", 16896, kNone},
    {"1051", 16907, kNone},
    {"1052", 16908, kNone},
    {"1053", 16909, kNone},
    {"1054", 16901, kNone},
    {"1055", 16910, kNone},
    {"1056", 16911, kNone},
    {"106", 16400, kNone},
    {"107", 16416, kNone},
    {"108", 16432, kNone},
    {"110", 65663, 28672},
    {"111", 28673, kNone},
    {"112", 28832, kNone},
    {"1121", 28833, kNone},
    {"1122", 28834, kNone},
    {"1123", 28835, kNone},
    {"1124", 28836, kNone},
    {"1125", 28837, kNone},
    {"113", 28674, kNone},
    {"114", 28675, kNone},
    {"115", 28680, kNone},
    {"116", 28677, kNone},
    {"120", -65535, kNone},
    {"121", -65423, kNone},
    {"1211", -65418, kNone},
    {"1212", -65417, kNone},
    {"122", -56511, kNone},
    {"1221", -56506, kNone},
    {"1222", -56505, kNone},
    {"1223", -56504, kNone},
    {"1224", -56502, kNone},
    {"123", -56479, kNone},
    {"1231", -56478, kNone},
    {"1232", -56477, kNone},
    {"1233", -56476, kNone},
    {"1234", -56475, kNone},
    {"124", -65023, kNone},
    {"1241", -65012, kNone},
    {"1242", -65011, kNone},
    {"1243", -65010, kNone},
    {"1244", -65018, kNone},
    {"1245", -65009, kNone},
    {"1246", -64831, kNone},
    {"125", -65519, kNone},
    {"126", -65487, kNone},
    {"127", -65503, kNone},
    {"128", -65533, kNone},
    {"129", -65534, kNone},
    {"130", 24576, kNone},
    {"131", 24832, kNone},
    {"1311", 24896, kNone},
    {"1312", 24837, kNone},
    {"1313", 24960, kNone},
    {"132", 24587, kNone},
    {"1321", 24579, kNone},
    {"1322", 24577, kNone},
    {"1323", 24580, kNone},
    {"1324", 24582, kNone},
    {"133", 24588, kNone},
    {"134", 24592, kNone},
    {"135", 24624, kNone},
    {"136", 24590, kNone},
    {"137", 24580, kNone},
    {"138", 24736, kNone},
    {"1381", 24737, kNone},
    {"1382", 24738, kNone},
    {"1383", 24739, kNone},
    {"1384", 24740, kNone},
    {"1385", 24752, kNone},
    {"139", 24581, kNone},
    {"140", 20480, kNone},
    {"145", 20640, kNone},
    {"150", 32768, kNone},
    {"151", 32769, kNone},
    {"152", 32770, kNone},
    {"153", 32771, kNone},
    {"154", 32772, kNone},
    {"160", 256, kNone},
    {"161", 384, kNone},
    {"162", 320, kNone},
    {"1621", 325, kNone},
    {"1622", 326, kNone},
    {"1623", 327, kNone},
    {"163", 11, kNone},
    {"164", 272, kNone},
    {"165", 304, kNone},
    {"166", 336, kNone},
    {"1661", 345, kNone},
    {"1662", 346, kNone},
    {"1663", 350, kNone},
    {"170", 65670, 36864},
    {"171", 36880, kNone},
    {"1711", 36881, kNone},
    {"1712", 36882, kNone},
    {"172", 36875, kNone},
    {"1721", 36867, kNone},
    {"1722", 36865, kNone},
    {"1723", 36868, kNone},
    {"1724", 36870, kNone},
    {"173", 36896, kNone},
    {"174", 36912, kNone},
    {"175", 36928, kNone},
    {"180", 144, kNone},
    {"181", 145, kNone},
    {"182", 146, kNone},
    {"1821", 147, kNone},
    {"1822", 148, kNone},
    {"1823", 149, kNone},
    {"1824", 150, kNone},
    {"183", 151, kNone},
    {"1831", 152, kNone},
    {"1832", 153, kNone},
    {"1833", 154, kNone},
    {"1834", 155, kNone},
    {"184", 156, kNone},
    {"185", 157, kNone},
    {"186", 158, kNone},
    {"190", 160, kNone},
    {"191", 161, kNone},
    {"192", 162, kNone},
    {"193", 163, kNone},
    {"194", 164, kNone},
    {"195", 165, kNone},
    {"1951", 166, kNone},
    {"1952", 167, kNone},
    {"196", 168, kNone},
    {"200", 176, kNone},
};

const PicoEntry* FindPico(std::string_view code) {
  const auto* it =
      std::lower_bound(std::begin(kPico), std::end(kPico), code,
                       [](const PicoEntry& e, std::string_view c) { return e.code < c; });
  return (it != std::end(kPico) && it->code == code) ? it : nullptr;
}

// The first CAMEO code whose PICO value is `value`, or "" when none.
std::string_view CodeForValue(int64_t value) {
  for (const PicoEntry& e : kPico) {
    if (e.value == value || e.alternate == value) return e.code;
  }
  return {};
}

}  // namespace

std::string NegateEventCode(std::string_view code) {
  const PicoEntry* e = FindPico(code);
  if (e == nullptr) return {};
  // A code that already carries the negation loses it; any other gains it.
  for (int64_t v : {e->value, e->alternate}) {
    if (v == kNone) continue;
    const int64_t negated = v >= kNegation ? v - kNegation : v + kNegation;
    if (std::string_view c = CodeForValue(negated); !c.empty()) return std::string(c);
  }
  return {};
}

std::string CombineEventCodes(std::string_view outer, std::string_view inner) {
  const PicoEntry* o = FindPico(outer);
  const PicoEntry* i = FindPico(inner);
  if (o == nullptr || i == nullptr) return std::string(i ? inner : outer);
  // Two speech acts ("said it regretted"): the embedded act is what happened.
  if (o->value >= 0x1000 && i->value >= 0x1000) return std::string(inner);
  if (i->value < 0) {
    if (std::string_view c = CodeForValue(o->value + i->value); !c.empty()) return std::string(c);
    return std::string(inner);
  }
  if (std::string_view c = CodeForValue(o->value + i->value); !c.empty()) return std::string(c);
  return std::string(outer);
}

namespace {

// A table from an act's kind, written as the start of its code, to another code.
using ActTable = std::pair<std::string_view, std::string_view>;

// The entry for `code` in `table`: the first whose kind starts the code (so a table lists the
// specific kinds, "045", before their root, "04"); "" when none does.
template <size_t N>
std::string_view ForAct(const ActTable (&table)[N], std::string_view code) {
  if (code.size() < 3) return {};
  for (const auto& [act, result] : table) {
    if (code.substr(0, act.size()) == act) return result;
  }
  return {};
}

}  // namespace

std::string IntentEventCode(std::string_view code) {
  static constexpr ActTable kIntents[] = {
      {"045", "039"},  {"04", "036"},   {"05", "032"},   {"061", "0311"}, {"062", "0312"},
      {"063", "0313"}, {"064", "0314"}, {"06", "031"},   {"071", "0331"}, {"072", "0332"},
      {"073", "0333"}, {"074", "0334"}, {"07", "033"},   {"081", "0351"}, {"082", "0352"},
      {"083", "034"},  {"084", "0353"}, {"085", "0354"}, {"086", "0355"}, {"087", "0356"},
      {"08", "035"},   {"17", "137"},   {"18", "138"},   {"19", "138"},   {"20", "138"}};
  const std::string_view intent = ForAct(kIntents, code);
  return std::string(intent.empty() ? code : intent);
}

std::string RefusalEventCode(std::string_view code) {
  static constexpr ActTable kRefusals[] = {
      {"045", "126"},  {"04", "125"},   {"057", "127"},  {"05", "120"},   {"061", "1211"},
      {"062", "1212"}, {"06", "121"},   {"071", "1221"}, {"072", "1222"}, {"073", "1223"},
      {"074", "1224"}, {"07", "122"},   {"081", "1241"}, {"082", "1242"}, {"083", "123"},
      {"084", "1243"}, {"085", "1244"}, {"086", "1245"}, {"087", "1246"}, {"08", "124"}};
  return std::string(ForAct(kRefusals, code));
}

std::string AskedEventCode(std::string_view outer, std::string_view inner) {
  const bool appeal = outer == "020", demand = outer == "100";
  if (!appeal && !demand) return std::string(outer);
  // As demands (CAMEO 101-108); appeals have the same digits after 02.
  static constexpr ActTable kDemands[] = {
      {"045", "108"},  {"04", "106"},   {"05", "102"},   {"061", "1011"}, {"062", "1012"},
      {"063", "1013"}, {"064", "1014"}, {"06", "101"},   {"071", "1031"}, {"072", "1032"},
      {"073", "1033"}, {"074", "1034"}, {"07", "103"},   {"081", "1051"}, {"082", "1052"},
      {"083", "104"},  {"084", "1053"}, {"085", "1054"}, {"086", "1055"}, {"087", "1056"},
      {"08", "105"}};
  const std::string_view asked = ForAct(kDemands, inner);
  if (asked.empty()) return std::string(outer);
  return appeal ? "02" + std::string(asked.substr(2)) : std::string(asked);
}

}  // namespace thaw
