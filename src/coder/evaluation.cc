#include "coder/evaluation.h"

#include <algorithm>

namespace thaw {
namespace {

std::string Prefix(const std::string& id) {
  const size_t cut = id.find_first_of("_-#");
  return cut == std::string::npos ? id : id.substr(0, cut);
}

void SortUnique(std::vector<EventTriple>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

void Evaluator::Add(const Document& doc) {
  coder_.CodeDocument(doc, scratch_.get(), &coded_);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    RecordResult r;
    r.id = s.id;
    r.text = s.text;
    r.error = s.expected.error;
    for (const auto& e : s.expected.events) r.expected.emplace_back(e.source, e.target, e.code);
    for (const auto& e : coded_.events[i]) r.produced.emplace_back(e.source, e.target, e.code);
    SortUnique(&r.expected);
    SortUnique(&r.produced);
    size_t tp = 0;
    for (const auto& t : r.produced)
      tp += std::binary_search(r.expected.begin(), r.expected.end(), t) ? 1 : 0;
    r.exact = r.expected == r.produced;
    for (EvalTally* t : {&overall_, &by_prefix_[Prefix(s.id)]}) {
      ++t->records;
      t->tp += tp;
      t->fp += r.produced.size() - tp;
      t->fn += r.expected.size() - tp;
      if (r.exact) ++t->exact;
    }
    records_.push_back(std::move(r));
  }
}

}  // namespace thaw
