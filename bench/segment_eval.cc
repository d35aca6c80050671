// Accuracy and speed of the sentence splitter and tokenizer (nlp/segmenter.h) on UD English.
//
//   segment_eval [--test | --train] [--errors FILE] [--model FILE | --rules] [FILE.conllu ...]
//
// The segmenter uses the boundary model --model FILE, else models/segmenter.model found
// beside or above the executable (as `thaw` finds its models), else the rules alone; --rules
// forces the rules alone. The first line of output says which.
// Without files it reads THAW_SHARED_DIR/ud/en_ewt-ud-dev.conllu and en_gum-ud-dev.conllu
// (tune on these); --test reads the two -test files instead (report those once, at the end),
// --train the -train files. For each file it prints
//   - sentence boundaries: precision/recall/F1 of sentence end offsets in the rebuilt raw
//     document text, against the gold segmentation;
//   - tokens: P/R/F1 of token character spans, (a) tokenizing each gold sentence's text with
//     Segmenter::Tokenize (tokenizer alone), (b) end to end from Segmenter::Segment;
//   - sentences: P/R/F1 of whole sentences (both ends right), the "Sentences" score of the
//     CoNLL 2018 shared task's evaluation, for comparison with published figures;
//   - sentence boundaries by genre (from the document ids: EWT "email-...", GUM "GUM_news_...");
// and then the speed of Tokenize and of Segment over all files, one core. --errors writes
// every boundary error (with context) and every sentence whose tokens differ to FILE.
//
// The raw text of a document is rebuilt from its gold sentences: the `# text` of each
// sentence, in order, joined by one space within a paragraph and by "\n\n" where the next
// sentence carries `# newpar` (a `# newdoc` starts a new document). Each `# text` is trimmed
// of surrounding whitespace first. So paragraph breaks look like the blank lines of a scraped
// page, while sentences inside a paragraph are only separated by a space, as in running text.
//
// Gold tokens are the syntactic words of the treebank located in the sentence text; a
// multiword token ("don't" = "do" + "n't") contributes its words when they spell it exactly
// (as UD English's do), else itself as one span. Words that cannot be located in the text
// are left out of the gold tokens and counted in "unaligned".
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nlp/segmenter.h"
#include "text/document.h"

namespace {

using Span = std::pair<uint32_t, uint32_t>;  // [begin, end) byte offsets

struct GoldSentence {
  std::string text;
  bool newpar = false;
  std::vector<Span> tokens;  // in sentence-text coordinates
};

struct GoldDoc {
  std::string genre;  // from the document id; "" when it has none
  std::vector<GoldSentence> sentences;
};

// The genre in a UD English document id: "GUM_news_iodine" -> "news", "email-enronsent01_01"
// -> "email"; "" otherwise.
std::string GenreOf(std::string_view id) {
  if (id.starts_with("GUM_")) {
    id.remove_prefix(4);
    return std::string(id.substr(0, id.find('_')));
  }
  const size_t dash = id.find('-');
  return dash == std::string_view::npos ? "" : std::string(id.substr(0, dash));
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

// Locates the token forms of one sentence in its text, in order.
class Aligner {
 public:
  explicit Aligner(std::string_view text) : text_(text) {}
  // Returns the span of `form` at the cursor (after whitespace), or false.
  bool Next(std::string_view form, Span* span) {
    size_t c = cursor_;
    while (c < text_.size() && (text_[c] == ' ' || text_[c] == '\t')) ++c;
    if (text_.substr(c, form.size()) != form) return false;
    *span = {static_cast<uint32_t>(c), static_cast<uint32_t>(c + form.size())};
    cursor_ = c + form.size();
    return true;
  }

 private:
  std::string_view text_;
  size_t cursor_ = 0;
};

struct GoldFile {
  std::vector<GoldDoc> docs;
  size_t sentences = 0, tokens = 0, unaligned = 0;
};

GoldFile ReadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path + " (is ../shared/ud there?)");
  GoldFile gold;
  GoldSentence cur;
  bool newdoc = false, in_sentence = false;
  std::string genre;
  struct Word {
    std::string form;
    bool in_mwt;
  };
  std::vector<std::pair<std::string, std::vector<std::string>>> units;  // surface, words
  int mwt_end = 0;
  auto finish = [&]() {
    if (!in_sentence) return;
    if (newdoc || gold.docs.empty()) gold.docs.emplace_back().genre = genre;
    Aligner align(cur.text);
    for (auto& [surface, words] : units) {
      std::string joined;
      for (auto& w : words) joined += w;
      Span span;
      if (words.size() > 1 && joined == surface) {
        for (auto& w : words) {
          if (align.Next(w, &span)) cur.tokens.push_back(span);
          else ++gold.unaligned;
        }
      } else if (align.Next(surface, &span)) {
        cur.tokens.push_back(span);
      } else {
        gold.unaligned += words.size();
      }
    }
    gold.tokens += cur.tokens.size();
    ++gold.sentences;
    gold.docs.back().sentences.push_back(std::move(cur));
    cur = GoldSentence();
    units.clear();
    newdoc = false;
    in_sentence = false;
    mwt_end = 0;
  };
  std::string line;
  while (std::getline(in, line)) {
    std::string_view l = line;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty()) {
      finish();
      continue;
    }
    in_sentence = true;
    if (l[0] == '#') {
      if (l.starts_with("# newdoc")) {
        newdoc = true;
        const size_t eq = l.find("= ");
        genre = eq == std::string_view::npos ? "" : GenreOf(l.substr(eq + 2));
      }
      if (l.starts_with("# newpar")) cur.newpar = true;
      if (l.starts_with("# text = ")) cur.text = std::string(TrimSpaces(l.substr(9)));
      continue;
    }
    std::vector<std::string_view> cols = SplitTabs(l);
    if (cols.size() < 2) continue;
    std::string_view id = cols[0];
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      mwt_end = std::atoi(std::string(id.substr(dash + 1)).c_str());
      units.push_back({std::string(cols[1]), {}});
      continue;
    }
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    const int n = std::atoi(std::string(id).c_str());
    if (n <= mwt_end && !units.empty()) {
      units.back().second.emplace_back(cols[1]);
    } else {
      units.push_back({std::string(cols[1]), {std::string(cols[1])}});
    }
  }
  finish();
  return gold;
}

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  void Add(const std::set<Span>& pred, const std::set<Span>& gold) {
    for (const Span& s : pred) (gold.count(s) ? tp : fp)++;
    for (const Span& s : gold) fn += pred.count(s) ? 0 : 1;
  }
  std::string ToString() const {
    double p = tp + fp ? double(tp) / double(tp + fp) : 0;
    double r = tp + fn ? double(tp) / double(tp + fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    char buf[160];
    std::snprintf(buf, sizeof buf, "P %.4f  R %.4f  F1 %.4f  (tp %zu, fp %zu, fn %zu)", p, r, f,
                  tp, fp, fn);
    return buf;
  }
};

std::string Context(std::string_view text, size_t at) {
  size_t b = at > 60 ? at - 60 : 0;
  std::string s(text.substr(b, at - b));
  s += " || ";
  s += text.substr(at, 40);
  for (char& c : s) {
    if (c == '\n') c = '~';
  }
  return s;
}

std::string JoinForms(std::string_view text, const std::vector<Span>& spans) {
  std::string s;
  for (const Span& sp : spans) {
    if (!s.empty()) s += '|';
    s += text.substr(sp.first, sp.second - sp.first);
  }
  return s;
}

// Builds the raw text of one gold document (see the file comment) and the gold data in
// document coordinates.
struct RawDoc {
  thaw::Document doc;
  std::set<Span> boundaries;  // (end, end): sentence end offsets
  std::set<Span> sentences;   // (begin, end) of each sentence's text
  std::set<Span> tokens;
};

RawDoc BuildRaw(const GoldDoc& g, size_t index) {
  RawDoc r;
  r.doc.id = "d" + std::to_string(index);
  for (size_t i = 0; i < g.sentences.size(); ++i) {
    const GoldSentence& s = g.sentences[i];
    if (i > 0) r.doc.text += s.newpar ? "\n\n" : " ";
    const uint32_t base = static_cast<uint32_t>(r.doc.text.size());
    r.doc.text += s.text;
    const uint32_t end = static_cast<uint32_t>(r.doc.text.size());
    r.boundaries.insert({end, end});
    r.sentences.insert({base, end});
    for (const Span& t : s.tokens) r.tokens.insert({base + t.first, base + t.second});
  }
  return r;
}

void Evaluate(const std::string& path, const GoldFile& gold, thaw::Segmenter* seg,
              std::ostream* errors) {
  Counts bounds, whole, tok_alone, tok_e2e;
  std::map<std::string, Counts> by_genre;
  std::vector<Span> pred_tokens;
  thaw::Sentence scratch;
  for (size_t d = 0; d < gold.docs.size(); ++d) {
    const GoldDoc& g = gold.docs[d];
    // (a) the tokenizer alone, on gold sentences.
    for (const GoldSentence& s : g.sentences) {
      seg->Tokenize(s.text, &scratch);
      pred_tokens.clear();
      for (const thaw::Token& t : scratch.tokens) pred_tokens.push_back({t.char_begin, t.char_end});
      std::set<Span> pred(pred_tokens.begin(), pred_tokens.end());
      std::set<Span> want(s.tokens.begin(), s.tokens.end());
      tok_alone.Add(pred, want);
      if (errors && pred != want) {
        *errors << "TOK gold " << JoinForms(s.text, s.tokens) << "\n    ours "
                << JoinForms(s.text, pred_tokens) << "\n";
      }
    }
    // (b) the whole document.
    RawDoc raw = BuildRaw(g, d);
    seg->Segment(&raw.doc);
    std::set<Span> pred_bounds, pred_sentences, pred_tok;
    for (const thaw::Sentence& s : raw.doc.sentences) {
      const uint32_t end = s.doc_offset + static_cast<uint32_t>(s.text.size());
      pred_bounds.insert({end, end});
      pred_sentences.insert({s.doc_offset, end});
      for (const thaw::Token& t : s.tokens) {
        pred_tok.insert({s.doc_offset + t.char_begin, s.doc_offset + t.char_end});
      }
    }
    bounds.Add(pred_bounds, raw.boundaries);
    by_genre[g.genre].Add(pred_bounds, raw.boundaries);
    whole.Add(pred_sentences, raw.sentences);
    tok_e2e.Add(pred_tok, raw.tokens);
    if (errors) {
      for (const Span& b : pred_bounds) {
        if (!raw.boundaries.count(b)) *errors << "FP  " << Context(raw.doc.text, b.first) << "\n";
      }
      for (const Span& b : raw.boundaries) {
        if (!pred_bounds.count(b)) *errors << "FN  " << Context(raw.doc.text, b.first) << "\n";
      }
    }
  }
  std::cout << path << ": " << gold.docs.size() << " documents, " << gold.sentences
            << " sentences, " << gold.tokens << " gold tokens (" << gold.unaligned
            << " unaligned)\n"
            << "  sentence boundaries     " << bounds.ToString() << "\n"
            << "  sentences (both ends)   " << whole.ToString() << "\n"
            << "  tokens, gold sentences  " << tok_alone.ToString() << "\n"
            << "  tokens, end to end      " << tok_e2e.ToString() << "\n";
  if (by_genre.size() > 1) {
    for (const auto& [genre, counts] : by_genre) {
      std::printf("  boundaries, %-12s  %s\n", genre.empty() ? "(no id)" : genre.c_str(),
                  counts.ToString().c_str());
    }
  }
}

void MeasureSpeed(const std::vector<GoldFile>& files, thaw::Segmenter* seg) {
  using Clock = std::chrono::steady_clock;
  std::vector<const std::string*> sentences;
  std::vector<RawDoc> docs;
  size_t bytes = 0, doc_bytes = 0;
  for (const GoldFile& f : files) {
    for (size_t d = 0; d < f.docs.size(); ++d) {
      for (const GoldSentence& s : f.docs[d].sentences) {
        sentences.push_back(&s.text);
        bytes += s.text.size();
      }
      docs.push_back(BuildRaw(f.docs[d], d));
      doc_bytes += docs.back().doc.text.size();
    }
  }
  thaw::Sentence out;
  size_t tokens = 0, rounds = 0;
  auto start = Clock::now();
  double secs = 0;
  while (secs < 1.0) {
    for (const std::string* s : sentences) {
      seg->Tokenize(*s, &out);
      tokens += out.tokens.size();
    }
    ++rounds;
    secs = std::chrono::duration<double>(Clock::now() - start).count();
  }
  std::printf("speed, Tokenize: %.2f M tokens/s, %.1f MB/s (%zu rounds)\n", tokens / secs / 1e6,
              double(bytes) * rounds / secs / 1e6, rounds);
  tokens = rounds = 0;
  secs = 0;
  start = Clock::now();
  while (secs < 1.0) {
    for (RawDoc& r : docs) {
      r.doc.sentences.clear();
      seg->Segment(&r.doc);
      for (const thaw::Sentence& s : r.doc.sentences) tokens += s.tokens.size();
    }
    ++rounds;
    secs = std::chrono::duration<double>(Clock::now() - start).count();
  }
  std::printf("speed, Segment:  %.2f M tokens/s, %.1f MB/s (%zu rounds)\n", tokens / secs / 1e6,
              double(doc_bytes) * rounds / secs / 1e6, rounds);
}

// models/segmenter.model in the executable's directory or above it; "" when there is none.
std::string FindDefaultModel() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    if (fs::exists(dir / "models" / "segmenter.model", ec)) {
      return (dir / "models" / "segmenter.model").string();
    }
  }
  return "";
}

int Run(int argc, char** argv) {
  std::string split = "dev", errors_path, model_path;
  bool rules = false;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--test") split = "test";
    else if (a == "--train") split = "train";
    else if (a == "--errors" && i + 1 < argc) errors_path = argv[++i];
    else if (a == "--model" && i + 1 < argc) model_path = argv[++i];
    else if (a == "--rules") rules = true;
    else if (a.starts_with("--")) {
      std::cerr
          << "usage: segment_eval [--test | --train] [--errors FILE] [--model FILE | --rules] "
             "[FILE.conllu ...]\n";
      return 2;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    const char* env = std::getenv("THAW_SHARED_DIR");
    std::string shared = env ? env : THAW_SHARED_DIR;
    for (const char* tb : {"en_ewt", "en_gum"}) {
      paths.push_back(shared + "/ud/" + tb + "-ud-" + split + ".conllu");
    }
  }
  if (!rules && model_path.empty()) model_path = FindDefaultModel();
  if (rules) model_path.clear();
  auto seg = model_path.empty() ? thaw::Segmenter::Create() : thaw::Segmenter::Load(model_path);
  std::cout << "segmenter: " << (model_path.empty() ? "rules only" : "model " + model_path) << "\n";
  if (!seg.ok()) {
    std::cerr << "segment_eval: " << seg.status().ToString() << "\n";
    return 1;
  }
  std::unique_ptr<std::ofstream> errors;
  if (!errors_path.empty()) errors = std::make_unique<std::ofstream>(errors_path);
  std::vector<GoldFile> files;
  for (const std::string& p : paths) {
    files.push_back(ReadGold(p));
    Evaluate(p, files.back(), seg->get(), errors.get());
  }
  MeasureSpeed(files, seg->get());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "segment_eval: " << e.what() << "\n";
    return 1;
  }
}
