// Universal features (the CoNLL-U FEATS column) of English words, from their tags, forms and
// dependency tree, by rules that follow UD English EWT's annotation. Stateless, thread-safe.
#ifndef THAW_NLP_FEATURES_H_
#define THAW_NLP_FEATURES_H_

#include "text/document.h"

namespace thaw {

// Sets every token's feats in `s`, replacing any it had: Number on nouns, Degree on
// adjectives and adverbs, NumForm/NumType on numbers, Case/Person/Number/Gender/PronType/Poss/
// Reflex on pronouns and determiners, Mood/Tense/VerbForm/Voice and the subject's Person and
// Number on verbs. With s->has_parse the tree decides what the tags cannot: a past or present
// verb agrees with its subject (through auxiliaries and conjoined verbs), an imperative has no
// subject, a participle with a passive auxiliary is passive, a wh-word in a relative clause is
// relative. Tokens without tags get none. Typo, Abbr, Foreign, ExtPos and Style are never set.
void AddFeatures(Sentence* s);

}  // namespace thaw

#endif  // THAW_NLP_FEATURES_H_
