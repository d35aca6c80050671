// The CAMEO event ontology: every event code with its name, root, QuadClass and
// Goldstein score. The table is static and immutable, so lookups are thread-safe.
#ifndef THAW_ONTOLOGY_CAMEO_H_
#define THAW_ONTOLOGY_CAMEO_H_

#include <span>
#include <string_view>

namespace thaw {

// QuadClass as in GDELT/Phoenix: 1 verbal cooperation (roots 01-05), 2 material
// cooperation (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20).
enum class QuadClass : int { kUnknown = 0, kVerbalCoop = 1, kMaterialCoop = 2,
                             kVerbalConflict = 3, kMaterialConflict = 4 };

struct CameoCode {
  std::string_view code;  // "0231", "190"
  std::string_view name;  // "Appeal for economic aid"
  std::string_view root;  // "02"
  QuadClass quad_class;
  double goldstein;       // -10 .. +10
};

// The entry for `code`, or nullptr when the code is not in CAMEO.
const CameoCode* FindCameoCode(std::string_view code);
// All codes, sorted by code string.
std::span<const CameoCode> AllCameoCodes();

// What the coder reports for any code it emits, including codes that PETRARCH
// dictionaries use outside CAMEO ("903", "174L"): the exact entry when known, else the
// root taken from the first two digits with that root's QuadClass and Goldstein score;
// `known` is false then, and root is "" when the code does not start with two digits.
struct CodeInfo {
  std::string_view root;
  QuadClass quad_class = QuadClass::kUnknown;
  double goldstein = 0.0;
  bool known = false;
};
CodeInfo DescribeEventCode(std::string_view code);

}  // namespace thaw

#endif  // THAW_ONTOLOGY_CAMEO_H_
