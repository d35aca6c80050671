// Writes documents as CoNLL-U: `# newdoc id`, `# sent_id`, `# text`, and ten columns per token
// (DEPS empty; MISC carries SpaceAfter=No from the token offsets, and TokenRange).
#ifndef THAW_TEXT_CONLLU_WRITER_H_
#define THAW_TEXT_CONLLU_WRITER_H_

#include <string>

#include "text/document.h"

namespace thaw {

struct ConlluWriteOptions {
  // MISC gets TokenRange=START:END for every token whose place in doc.text is known: Unicode
  // code point offsets, END exclusive, as UDPipe writes them (text[START:END] in Python).
  // For documents whose text is the raw input; other readers' doc.text is rebuilt.
  bool token_ranges = false;
};

// Appends `doc` to *out. Sentences without tokens are written as comments only; tokens of an
// unparsed sentence get head "_" and relation "_".
void AppendConllu(const Document& doc, std::string* out, const ConlluWriteOptions& options = {});

}  // namespace thaw

#endif  // THAW_TEXT_CONLLU_WRITER_H_
