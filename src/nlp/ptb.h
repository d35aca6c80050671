// Penn Treebank bracketed trees (CoreNLP output in PETRARCH-2 <Parse> blocks) converted to
// UD v2 dependency trees by head rules; the rules and their choices are described in ptb.cc.
// Stateless and thread-safe.
#ifndef THAW_NLP_PTB_H_
#define THAW_NLP_PTB_H_

#include <string_view>

#include "base/status.h"
#include "text/document.h"

namespace thaw {

// Parses one bracketed tree ("(ROOT (S ...))", "( (S ...) )" or a bare "(S ...)"; function tags
// and -NONE- elements are ignored) and replaces s->tokens: form (-LRB- -> "(", `` '' -> "),
// lemma (rule-based), upos (mapped from the tag in context), xpos = the PTB tag, head
// (0-based, -1 for the root) and deprel; sets has_parse = true. Character offsets stay
// kNoOffset; other fields of *s are untouched. Errors (unbalanced brackets, empty tree, no
// words, stray text) are InvalidArgument naming the byte offset, and leave *s unchanged.
// Iterative, so any nesting depth is safe.
Status ConvertPtbTree(std::string_view bracketed, Sentence* s);

}  // namespace thaw

#endif  // THAW_NLP_PTB_H_
