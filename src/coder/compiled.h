// Dictionaries compiled for matching: interned upper-case words, word tries for actors,
// agents and discards, a verb index by surface form, and patterns with resolved word ids.
// Built once by CompileDictionaries; immutable afterwards. Internal to the coder layer.
#ifndef THAW_CODER_COMPILED_H_
#define THAW_CODER_COMPILED_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "dict/dictionaries.h"

namespace thaw {

inline constexpr uint32_t kNoWord = 0xFFFFFFFFu;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// Upper-case word <-> dense id.
class WordTable {
 public:
  uint32_t Intern(std::string_view upper);
  uint32_t Find(std::string_view upper) const {
    auto it = ids_.find(upper);
    return it == ids_.end() ? kNoWord : it->second;
  }
  std::string_view Word(uint32_t id) const { return words_[id]; }
  size_t size() const { return words_.size(); }

 private:
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> ids_;
  std::vector<std::string> words_;
};

// A trie over word ids with one int32 payload per node (-1: no phrase ends here). Edges live
// in one hash table keyed by (node, word), so the whole trie is two flat containers.
class WordTrie {
 public:
  WordTrie() : payload_(1, -1) {}
  // Inserts `words`; returns the end node. A later insert of the same phrase keeps the first
  // payload (dictionary order decides, as in PETRARCH).
  void Insert(const std::vector<uint32_t>& words, int32_t payload);
  uint32_t Child(uint32_t node, uint32_t word) const {
    auto it = edges_.find((static_cast<uint64_t>(node) << 32) | word);
    return it == edges_.end() ? 0 : it->second;
  }
  int32_t Payload(uint32_t node) const { return payload_[node]; }
  // Longest phrase starting at words[0]; returns its length (0 if none) and payload.
  size_t LongestMatch(const uint32_t* words, size_t n, int32_t* payload) const;

 private:
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<int32_t> payload_;
};

// A compiled pattern element (see ElemKind in dict/dictionaries.h).
struct CElem {
  ElemKind kind = ElemKind::kWord;
  uint32_t word = kNoWord;  // kWord
  bool exact = false;
  int32_t synset = -1;             // kSynset: index into CompiledDictionaries::synsets
  std::vector<CElem> children;     // kNounPhrase / kPrepPhrase
};

struct CPattern {
  std::vector<CElem> pre;   // elements before '*'
  std::vector<CElem> post;  // elements after '*'
  std::string code;         // primary code ("" = none)
  std::string reverse_code; // code after ':' (target acts on source), "" = none
  std::string text;
  int line = 0;
  int weight = 0;  // words and phrases it names: more specific patterns win
};

struct CVerbBlock {
  std::string name;
  std::string code, reverse_code;  // default codes of the block
  std::vector<CPattern> patterns;
  int line = 0;
};

// One way a surface word can be a dictionary verb.
struct VerbEntry {
  int32_t block = -1;
  std::vector<uint32_t> before;  // words that must precede the verb word (WIRE_+TAP)
  std::vector<uint32_t> after;   // particles that must follow it (BREAK_DOWN)
  std::string code, reverse_code;  // the form's own code, "" = use the block's
};

struct CActor {
  std::vector<CodeRestriction> codes;
  int line = 0;
  uint16_t file = 0;  // index into CompiledDictionaries::actor_files
};

struct CAgent {
  std::string code;
  bool prefix = false;
  int line = 0;
};

struct CompiledDictionaries {
  WordTable words;
  WordTrie actor_trie;  // payload: index into actors
  std::vector<CActor> actors;
  int32_t north_korea = -1,
          south_korea = -1;  // the entries named NORTH KOREA / SOUTH KOREA, if any
  std::vector<std::string> actor_files;
  std::string verb_file, agent_file;
  WordTrie agent_trie;  // payload: index into agents
  std::vector<CAgent> agents;
  WordTrie discard_trie;  // payload: 0 sentence-level, 1 story-level
  std::vector<std::vector<std::vector<CElem>>> synsets;  // alternatives, each a sequence
  std::vector<CVerbBlock> blocks;
  std::unordered_map<uint32_t, std::vector<VerbEntry>> verbs;  // keyed by the verb word
};

// Builds the compiled form. Unusable patterns are reported to `diags` and skipped.
void CompileDictionaries(const DictionarySet& dicts, Diagnostics* diags, CompiledDictionaries* out);

// Splits an event code "X:Y" into its forward and reverse parts; "---" parts become "".
// Returns false when a part is not a usable code (e.g. "+++", "xxy").
bool SplitEventCode(std::string_view text, std::string* forward, std::string* reverse);

}  // namespace thaw

#endif  // THAW_CODER_COMPILED_H_
