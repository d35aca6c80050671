// In-memory forms of the PETRARCH-2 dictionaries (verbs, actors, agents, discards) and
// their loaders. Loaders keep going past malformed lines, reporting each as file:line.
#ifndef THAW_DICT_DICTIONARIES_H_
#define THAW_DICT_DICTIONARIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/diagnostics.h"
#include "base/status.h"

namespace thaw {

// ---------------------------------------------------------------- verbs

// One element of a verb pattern or synonym-set entry. Words are upper-case ASCII with the
// underscores that joined them removed; a word written with a trailing '_' is `exact`.
enum class ElemKind : uint8_t {
  kWord,        // a literal word
  kSynset,      // &NAME: `synset` indexes VerbDictionary::synsets
  kSource,      // $  the source actor
  kTarget,      // +  the target actor
  kSkip,        // ^  skip one phrase
  kCompound,    // %  compound actor: each conjunct acts on the others
  kVerb,        // *  the verb itself (top level of a pattern only)
  kNounPhrase,  // {...} elements that must fall in one noun phrase
  kPrepPhrase,  // (...) a prepositional phrase; children[0] is normally the preposition
};

struct PatternElem {
  ElemKind kind = ElemKind::kWord;
  std::string word;   // kWord only
  bool exact = false;  // kWord written with a trailing '_'
  int32_t synset = -1;  // kSynset only
  std::vector<PatternElem> children;  // kNounPhrase / kPrepPhrase only
};

struct VerbPattern {
  std::vector<PatternElem> elems;  // in written order, including exactly one kVerb
  std::string code;                // as written inside [], e.g. "050", "037:037", ":080", "---"
  std::string text;                // the pattern as written, without code and comment
  int line = 0;
};

// A verb (or multi-word verb such as BREAK_DOWN / WIRE_+TAP) listed in a verb block.
struct VerbForm {
  std::vector<std::string> words;  // upper-case, e.g. {"BREAK","DOWN"}
  int head = 0;                    // index in `words` of the verb word ('+'-marked, else 0)
  // Inflected forms written in {}; each has the same shape as `words` and its own head.
  struct Inflection {
    std::vector<std::string> words;
    int head = 0;
  };
  std::vector<Inflection> inflections;
  bool braces = false;  // {} was written (possibly empty)
  std::string code;     // [code] written on the form's own line, else empty
  int line = 0;
};

// A `--- NAME [code] ---` block: its verbs share the patterns below them.
struct VerbBlock {
  std::string name;
  std::string code;  // the block's default code as written
  std::vector<VerbForm> forms;
  std::vector<VerbPattern> patterns;
  int line = 0;
};

// &NAME with its `+` entries; an entry is a word sequence, a nested &SYNSET, or a (PP).
struct Synset {
  std::string name;  // without '&', upper-case; a trailing '_' is kept as written
  std::vector<std::vector<PatternElem>> entries;
  int line = 0;
};

struct VerbDictionary {
  std::vector<Synset> synsets;
  std::unordered_map<std::string, int32_t> synset_index;  // name -> index
  std::vector<VerbBlock> blocks;
};

// Regular inflections PETRARCH generates for a base verb: -S/-ES, -ED, -ING with the
// usual spelling rules (TRY -> TRIES/TRIED, STOP -> STOPPED). Upper-case in and out.
std::vector<std::string> RegularVerbForms(std::string_view base);

// ---------------------------------------------------------------- actors

// A code valid in a date window: `[C]`, `[C <D]`, `[C >D]`, `[C D1-D2]`.
struct CodeRestriction {
  enum class Kind : uint8_t { kAlways, kBefore, kAfter, kRange };
  Kind kind = Kind::kAlways;
  std::string code;
  Date from = kNoDate;  // kAfter, kRange
  Date to = kNoDate;    // kBefore, kRange
  int line = 0;
  // kBefore: date < to; kAfter: date > from; kRange: from <= date <= to.
  // An unknown date (kNoDate) matches only kAlways.
  bool IsActive(Date date) const;
};

struct ActorName {
  std::vector<std::string> words;  // upper-case; punctuation kept inside words ("U.S.")
  bool exact = false;              // written with a trailing '_'
  int line = 0;
};

// One actor: its names (the head line, then '+' synonyms) and its codes in file order.
struct ActorEntry {
  std::vector<ActorName> names;
  std::vector<CodeRestriction> codes;
  int line = 0;
};

struct ActorDictionary {
  std::vector<ActorEntry> entries;
};

// ---------------------------------------------------------------- agents

// `PRESIDENT [~GOV]`, `MSF {} [NGO~]`. !MACRO! alternatives are expanded by the loader.
struct AgentEntry {
  std::vector<std::string> words;  // singular form
  enum class Plural : uint8_t { kRegular, kNone, kExplicit };
  Plural plural = Plural::kRegular;  // no braces / {} / {FORMS}
  std::vector<std::vector<std::string>> plurals;  // kExplicit only
  std::string code;     // without '~', e.g. "GOV", "NGO"
  bool prefix = false;  // `[NGO~]`: the agent code goes before the country code
  int line = 0;
};

struct AgentDictionary {
  std::vector<AgentEntry> entries;
};

// ---------------------------------------------------------------- discards

struct DiscardEntry {
  std::vector<std::string> words;
  bool story_level = false;  // '+' prefix: discard the whole story
  int line = 0;
};

struct DiscardDictionary {
  std::vector<DiscardEntry> entries;
};

// ---------------------------------------------------------------- loading

struct LoadOptions {
  bool strict = false;  // a malformed line becomes a load error instead of a warning
};

// Parsers over text already in memory; `name` is used in diagnostics. Malformed lines
// are reported to `diags` as name:line with the offending text and skipped; under
// `strict` the first one is returned as an InvalidArgument error instead.
Result<VerbDictionary> ParseVerbDictionary(std::string_view text, std::string_view name,
                                           const LoadOptions& options, Diagnostics* diags);
// Actor, agent and discard parsers append to `out`, so several files accumulate.
Status ParseActorDictionary(std::string_view text, std::string_view name,
                            const LoadOptions& options, Diagnostics* diags, ActorDictionary* out);
Status ParseAgentDictionary(std::string_view text, std::string_view name,
                            const LoadOptions& options, Diagnostics* diags, AgentDictionary* out);
Status ParseDiscardDictionary(std::string_view text, std::string_view name,
                              const LoadOptions& options, Diagnostics* diags,
                              DiscardDictionary* out);

// All four, as one coder needs them.
struct DictionarySet {
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardDictionary discards;
};

// File-reading wrappers around the parsers.
Result<VerbDictionary> LoadVerbDictionary(const std::string& path, const LoadOptions& options,
                                          Diagnostics* diags);
Status LoadActorDictionary(const std::string& path, const LoadOptions& options,
                           Diagnostics* diags, ActorDictionary* out);
Status LoadAgentDictionary(const std::string& path, const LoadOptions& options,
                           Diagnostics* diags, AgentDictionary* out);
Status LoadDiscardDictionary(const std::string& path, const LoadOptions& options,
                             Diagnostics* diags, DiscardDictionary* out);

// Loads a directory of PETRARCH files, classifying each by name: *verbs*.txt or CAMEO*.txt
// are verbs, *actors*.txt actors, *agents*.txt agents, *discards*.txt discards; other files
// (issues, ontology) are ignored. Fails when no verb file is found.
Result<DictionarySet> LoadDictionaryDir(const std::string& dir, const LoadOptions& options,
                                        Diagnostics* diags);

}  // namespace thaw

#endif  // THAW_DICT_DICTIONARIES_H_
