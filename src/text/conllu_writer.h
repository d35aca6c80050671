// Writes documents as CoNLL-U: `# newdoc id`, `# sent_id`, `# text`, and ten columns per token
// (FEATS and DEPS empty; MISC carries SpaceAfter=No from the token offsets).
#ifndef THAW_TEXT_CONLLU_WRITER_H_
#define THAW_TEXT_CONLLU_WRITER_H_

#include <string>

#include "text/document.h"

namespace thaw {

// Appends `doc` to *out. Sentences without tokens are written as comments only; tokens of an
// unparsed sentence get head "_" and relation "_".
void AppendConllu(const Document& doc, std::string* out);

}  // namespace thaw

#endif  // THAW_TEXT_CONLLU_WRITER_H_
