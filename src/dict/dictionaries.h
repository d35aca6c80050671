// In-memory forms of the PETRARCH-2 dictionaries (verbs, actors, agents, discards) and
// their loaders. Loaders keep going past malformed lines, reporting each as file:line.
// The dictionaries are plain values: immutable after loading, so safe to share across
// threads; the loaders themselves are reentrant (no global state).
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
  std::string word;                   // kWord only (cleared for kSynset once the name is resolved)
  bool exact = false;                 // kWord written with a trailing '_'
  int32_t synset = -1;                // kSynset only
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
  std::string name;  // the file (or name) it was parsed from, for messages about its lines
  std::vector<Synset> synsets;
  std::unordered_map<std::string, int32_t> synset_index;  // name -> index
  std::vector<VerbBlock> blocks;
};

// Regular inflections PETRARCH generates for a one-word base verb, in the order
// {third person -S/-ES, past -ED, present participle -ING}, with the usual spelling rules:
//   -ES after S, X, Z, CH, SH, O; consonant+Y -> IES  (PASS -> PASSES, TRY -> TRIES)
//   final E -> D; consonant+Y -> IED                  (AGREE -> AGREED, TRY -> TRIED)
//   IE -> YING; EE, YE, OE keep the E; other final E is dropped (DIE -> DYING, SEE ->
//   SEEING, MAKE -> MAKING)
//   a one-syllable word ending consonant-vowel-consonant, the last consonant not W, X or Y,
//   doubles it before -ED/-ING (STOP -> STOPPED, STOPPING; but VISIT -> VISITED, FIX ->
//   FIXED). Longer words are never doubled (ADMIT -> ADMITED): like PETRARCH, irregular
//   and stress-dependent forms must be written in the dictionary's {...}.
// Upper-case ASCII in and out; an empty base gives an empty vector.
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
  // Whether the code applies on `date`.
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
  uint16_t file = 0;  // index into ActorDictionary::files
};

struct ActorDictionary {
  std::vector<ActorEntry> entries;
  std::vector<std::string> files;  // the names entries were parsed from, in order
};

// ---------------------------------------------------------------- agents

// `PRESIDENT [~GOV]`, `MSF {} [NGO~]`. !MACRO! alternatives are expanded by the loader.
struct AgentEntry {
  std::vector<std::string> words;  // singular form
  enum class Plural : uint8_t { kRegular, kNone, kExplicit };
  Plural plural = Plural::kRegular;               // no braces / {} / {FORMS}
  std::vector<std::vector<std::string>> plurals;  // kExplicit only
  std::string code;                               // without '~', e.g. "GOV", "NGO"
  bool prefix = false;  // `[NGO~]`: the agent code goes before the country code
  bool exact = false;   // written with a trailing '_' (PETRARCH "stopped" noun)
  int line = 0;
};

struct AgentDictionary {
  std::string name;  // the file (or name) it was parsed from
  std::vector<AgentEntry> entries;
};

// ---------------------------------------------------------------- discards

struct DiscardEntry {
  std::vector<std::string> words;  // upper-case
  bool story_level = false;        // '+' prefix: discard the whole story
  bool exact = false;              // written with a trailing '_'
  int line = 0;
};

struct DiscardDictionary {
  std::vector<DiscardEntry> entries;
};

// ---------------------------------------------------------------- loading

struct LoadOptions {
  // A line (or part of one) that has to be dropped becomes a load error instead of a
  // warning. Repairs that keep the data (Latin-1 bytes replaced, a pattern line missing
  // its leading '-', stray text after a code) stay warnings even under `strict`.
  bool strict = false;
};

// Parsers over text already in memory; `name` is used in diagnostics. Malformed lines
// are reported to `diags` (which may be null) as name:line with the offending text and
// skipped; under `strict` the first one is returned as an InvalidArgument error instead
// ("name:line: message"), and nothing more is parsed. Comments are '#' to end of line
// (when the '#' starts a word: at line start, after whitespace, ']' or '_', or before
// whitespace or '_'; never inside [...] codes) and <!-- ... --> blocks, which may span
// lines (the "<! --" misspelling is accepted). Invalid UTF-8 is repaired with U+FFFD and
// reported; so are control characters and U+FFFD already present in the file.
// Verbs: synonym-set references are resolved once the whole file is read, so a set may be
// used above its &NAME line; a pattern or set entry naming an unknown set is reported and
// skipped, as is a pattern with no `*`, several, or unbalanced {} / (). A set defined
// twice has its entries merged; an entry that makes a set include itself is dropped.
// Transformation lines ("~ a (a b ATTACK) SAY = a b 015") are ignored with one note.
Result<VerbDictionary> ParseVerbDictionary(std::string_view text, std::string_view name,
                                           const LoadOptions& options, Diagnostics* diags);
// Actor, agent and discard parsers append to `out`, so several files accumulate (after a
// strict-mode error `out` keeps what was read before the bad line).
// Actors: a name line's codes may sit on it or on the indented "[...]" lines below it;
// several name lines with no code, directly one after another (no blank or comment line
// between), become separate entries that all receive the codes that follow. An actor
// left without any valid code is reported and dropped.
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
Status LoadActorDictionary(const std::string& path, const LoadOptions& options, Diagnostics* diags,
                           ActorDictionary* out);
Status LoadAgentDictionary(const std::string& path, const LoadOptions& options, Diagnostics* diags,
                           AgentDictionary* out);
Status LoadDiscardDictionary(const std::string& path, const LoadOptions& options,
                             Diagnostics* diags, DiscardDictionary* out);

// A dictionary file's kind by its name (case-insensitive): *verbs*.txt or CAMEO*.txt,
// *actors*.txt, *agents*.txt, *discards*.txt; anything else is kNone.
enum class DictionaryKind { kNone, kVerbs, kActors, kAgents, kDiscards };
DictionaryKind DictionaryKindOf(std::string_view filename);

// Loads one file into `set`, its kind told by its name as below (a verb file replaces the
// set's verbs; the others accumulate). Fails on a name of no known kind.
Status LoadDictionaryFile(const std::string& path, const LoadOptions& options, Diagnostics* diags,
                          DictionarySet* set);

// Loads a directory of PETRARCH files, classifying each by name (case-insensitively):
// *verbs*.txt or CAMEO*.txt are verbs, *actors*.txt actors, *agents*.txt agents,
// *discards*.txt discards; other files (issues, ontology, records) are ignored. Files of one
// kind are read in name order. Diagnostics name each file by its full path. Fails when no
// verb file or more than one is found, or when a file cannot be read.
Result<DictionarySet> LoadDictionaryDir(const std::string& dir, const LoadOptions& options,
                                        Diagnostics* diags);

}  // namespace thaw

#endif  // THAW_DICT_DICTIONARIES_H_
