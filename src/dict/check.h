// Consistency checks over loaded dictionaries that a line-by-line loader cannot make, and a
// summary of what a set covers; `thaw dict check` prints both.
#ifndef THAW_DICT_CHECK_H_
#define THAW_DICT_CHECK_H_

#include <cstddef>
#include <string>

#include "base/diagnostics.h"
#include "dict/dictionaries.h"

namespace thaw {

struct DictionarySummary {
  size_t verb_blocks = 0, verb_forms = 0, patterns = 0, synsets = 0;
  size_t event_codes = 0;  // distinct CAMEO codes the verbs can emit
  size_t leaf_codes = 0;   // of those, codes no other CAMEO code refines (042, 0331; not 010, 033)
  size_t roots = 0;        // distinct roots (01-20) reached
  size_t actors = 0, actor_names = 0, dated_codes = 0;
  size_t agents = 0, discards = 0;
};

DictionarySummary SummarizeDictionaries(const DictionarySet& set);

// Reports to `diags` (as file:line) what would code wrongly or never match:
//  - verb codes that are not CAMEO event codes ("---" and empty parts are fine);
//  - one verb form listed in two blocks (the later block never sees it);
//  - actor codes that are not upper-case letters/digits in 3-letter groups;
//  - one actor name given different codes by two entries, and one agent word given two codes.
// `verb_file` names the verb dictionary in messages (actor entries carry their own file).
// Returns the number of findings.
size_t CheckDictionaries(const DictionarySet& set, const std::string& verb_file,
                         const std::string& agent_file, Diagnostics* diags);

}  // namespace thaw

#endif  // THAW_DICT_CHECK_H_
