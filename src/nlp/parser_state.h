// Internal to the parser and its trainer: the arc-hybrid transition system with the root at
// the end of the buffer, its dynamic oracle, and the feature templates. Header-only so the
// per-configuration code inlines into both the decoder and the training loop.
//
// Transition system (Kuhlmann et al. 2011 arc-hybrid; root placement after Ballesteros &
// Nivre 2013). Words are 0..n-1; position n is the artificial root, always the last buffer
// item and never shifted.
//   SH      push b0                                  (b0 != root)
//   LA(l)   b0 -> s0 with label l, pop s0            (stack non-empty; b0 = root only when the
//                                                     stack holds exactly one word, label root)
//   RA(l)   s1 -> s0 with label l, pop s0            (stack has two or more words)
// Every sequence of valid transitions ends after exactly 2n steps in a tree with one word
// attached to the root, so the decoder needs no repair step. Dependents are complete when
// they are attached (all their children are already in place), which the label features use.
//
// Dynamic oracle: arc costs from Goldberg & Nivre (2013, TACL) for arc-hybrid, exact for
// projective gold trees; training trees are projectivised by lifting (see parser_train.cc).
#ifndef THAW_NLP_PARSER_STATE_H_
#define THAW_NLP_PARSER_STATE_H_

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace thaw::parse_internal {

enum Move : int { kShift = 0, kLeft = 1, kRight = 2 };
inline constexpr int kNumMoves = 3;

// Small ids. Tag ids: 0 = no token in the slot, 1 = the root, 2 = a tag the model never saw,
// then the model's tags. Labels fit in a byte; kNoLabel marks "no child / no label yet".
inline constexpr uint8_t kTagNone = 0, kTagRoot = 1, kTagUnknown = 2, kFirstTag = 3;
inline constexpr uint8_t kNoLabel = 255;
inline constexpr int kMaxLabels = 250;
inline constexpr int kMaxTags = 250;

// Upper bounds on the number of keys a configuration produces, for fixed scratch arrays.
inline constexpr int kMaxMoveFeatures = 160;
inline constexpr int kMaxLabelFeatures = 64;

// murmur3 fmix64: a bijection, so keys built from distinct packed integers never collide.
inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
inline uint64_t Rot(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// Feature parts: byte-sized values (tag ids, distances, valencies) packed side by side, and two
// word hashes combined so that (a, b) and (b, a) differ.
inline uint64_t P2(uint64_t a, uint64_t b) { return a | (b << 8); }
inline uint64_t P3(uint64_t a, uint64_t b, uint64_t c) { return a | (b << 8) | (c << 16); }
inline uint64_t P4(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  return a | (b << 8) | (c << 16) | (d << 24);
}
inline uint64_t W2(uint64_t a, uint64_t b) { return a ^ Rot(b, 23); }

// Hash of a word form for features: ASCII lower-cased, every ASCII digit mapped to '0' so
// that numbers share statistics. FNV-1a, then mixed; never allocates.
inline uint64_t WordHash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    else if (c >= '0' && c <= '9') c = '0';
    h = (h ^ c) * 0x100000001b3ULL;
  }
  return Mix(h ^ s.size());
}

// Per-token feature values, computed once per sentence. Index 0 of the array is the empty
// slot, 1..n the words, n+1 the root (see Tok()).
struct TokenValues {
  uint64_t word = 0;    // WordHash(form)
  uint64_t lemma = 0;   // WordHash(lemma), or word when there is no lemma
  uint64_t suffix = 0;  // WordHash of the last three bytes of the form
  // The word's ambiguity class (the XPOS tags it took in training) hashed, or for words the
  // model does not know a value for their shape. Unlike the predicted tag it is never
  // wrong for known words, which makes the parser less brittle under tagging errors.
  uint64_t ambiguity = 0;
  uint8_t xpos = kTagNone;
  uint8_t upos = kTagNone;
  uint8_t punct = 0;    // 1 when upos is PUNCT
  uint8_t shape = 0;    // see WordShape()
};

// 0 no letters, 1 lower-case, 2 Capitalised, 3 ALL CAPS (two or more letters), plus 4 for
// the sentence's first word. Non-ASCII letters count as lower-case.
inline uint8_t WordShape(std::string_view s, bool first) {
  int upper = 0, letters = 0;
  bool first_upper = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool up = c >= 'A' && c <= 'Z';
    if (up || (c >= 'a' && c <= 'z') || c >= 0x80) {
      ++letters;
      upper += up;
      if (letters == 1) first_upper = up;
    }
  }
  const uint8_t base = letters == 0                         ? 0
                       : (upper == letters && letters >= 2) ? 3
                       : first_upper                        ? 2
                                                            : 1;
  return static_cast<uint8_t>(base + (first ? 4 : 0));
}

// The partial tree: per word its head, label and the children the features look at.
struct Node {
  int32_t head = -1;
  uint8_t label = kNoLabel;
  int32_t lc1 = -1, lc2 = -1;  // leftmost and second-leftmost child
  int32_t rc1 = -1, rc2 = -1;  // rightmost and second-rightmost child
  uint16_t nl = 0, nr = 0;     // number of left and right children
  uint64_t lset = 0, rset = 0; // labels of left and right children (bit label % 64)
};

// A parser configuration over caller-owned arrays sized n+2 (the empty slot, n words, root).
// Positions are word indices 0..n-1, n for the root, -1 for "none"; Tok(x)/At(x) map them.
struct Config {
  int n = 0;
  int b0 = 0;                 // first buffer position, 0..n
  int* stack = nullptr;       // stack[0] is the bottom
  int sp = 0;                 // stack size
  const TokenValues* tokens = nullptr;
  Node* nodes = nullptr;

  const TokenValues& Tok(int x) const { return tokens[x + 1]; }
  Node& At(int x) { return nodes[x + 1]; }
  const Node& At(int x) const { return nodes[x + 1]; }
  int S(int i) const { return sp > i ? stack[sp - 1 - i] : -1; }
  bool Terminal() const { return sp == 0 && b0 == n; }
  bool CanShift() const { return b0 < n; }
  bool CanLeft() const { return sp >= 1 && (b0 < n || sp == 1); }
  bool CanRight() const { return sp >= 2; }
  bool Valid(int move) const {
    return move == kShift ? CanShift() : move == kLeft ? CanLeft() : CanRight();
  }
  // The head an arc move would give s0.
  int HeadOf(int move) const { return move == kLeft ? b0 : S(1); }

  // Resets nodes[0..n+1] and the stack for a sentence of n words.
  void Start(int words) {
    n = words;
    b0 = 0;
    sp = 0;
    for (int i = 0; i < n + 2; ++i) nodes[i] = Node();
  }
  void Apply(int move, int label) {
    if (move == kShift) {
      stack[sp++] = b0++;
      return;
    }
    const int d = stack[--sp];
    const int h = move == kLeft ? b0 : stack[sp - 1];
    Node& dn = At(d);
    Node& hn = At(h);
    dn.head = h;
    dn.label = static_cast<uint8_t>(label);
    const uint64_t bit = uint64_t{1} << (label & 63);
    if (move == kLeft) {  // d is left of h and left of all of h's children so far
      hn.lc2 = hn.lc1;
      hn.lc1 = d;
      ++hn.nl;
      hn.lset |= bit;
    } else {  // d is right of all of h's children so far
      hn.rc2 = hn.rc1;
      hn.rc1 = d;
      ++hn.nr;
      hn.rset |= bit;
    }
  }
};

// Distance between two positions, bucketed: 1 2 3 4 5-6 7-10 11+; 0 when either is absent.
inline uint64_t DistBucket(int a, int b) {
  if (a < 0 || b < 0) return 0;
  const int d = std::abs(a - b);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}
inline uint64_t Cap(int v, int cap) { return static_cast<uint64_t>(v < cap ? v : cap); }

// Feature keys of a configuration for the move classifier. Each template packs its small
// values (tags, labels, distances: one byte each) with its template number in the top byte
// and XORs in the (already random) word hashes, then mixes; see Mix(). Returns the count.
inline int MoveFeatures(const Config& c, uint64_t* out) {
  const int s0 = c.S(0), s1 = c.S(1), s2 = c.S(2);
  const int b0 = c.b0;
  const int b1 = b0 + 1 <= c.n ? b0 + 1 : -1;
  const int b2 = b0 + 2 <= c.n ? b0 + 2 : -1;
  const Node& ns0 = c.At(s0);
  const Node& ns1 = c.At(s1);
  const Node& nb0 = c.At(b0);
  const int s0l = ns0.lc1, s0l2 = ns0.lc2, s0r = ns0.rc1, s0r2 = ns0.rc2;
  const int s1l = ns1.lc1, s1r = ns1.rc1, s1r2 = ns1.rc2;
  const int b0l = nb0.lc1, b0l2 = nb0.lc2;

  const TokenValues &ts0 = c.Tok(s0), &ts1 = c.Tok(s1), &ts2 = c.Tok(s2);
  const TokenValues &tb0 = c.Tok(b0), &tb1 = c.Tok(b1), &tb2 = c.Tok(b2);
  const uint64_t s0w = ts0.word, s1w = ts1.word, b0w = tb0.word, b1w = tb1.word, b2w = tb2.word;
  const uint64_t s0p = ts0.xpos, s1p = ts1.xpos, s2p = ts2.xpos;
  const uint64_t b0p = tb0.xpos, b1p = tb1.xpos, b2p = tb2.xpos;
  const uint64_t s0lp = c.Tok(s0l).xpos, s0l2p = c.Tok(s0l2).xpos;
  const uint64_t s0rp = c.Tok(s0r).xpos, s0r2p = c.Tok(s0r2).xpos;
  const uint64_t s1lp = c.Tok(s1l).xpos, s1rp = c.Tok(s1r).xpos, s1r2p = c.Tok(s1r2).xpos;
  const uint64_t b0lp = c.Tok(b0l).xpos, b0l2p = c.Tok(b0l2).xpos;
  const uint64_t s0ll = c.At(s0l).label, s0l2l = c.At(s0l2).label;
  const uint64_t s0rl = c.At(s0r).label, s0r2l = c.At(s0r2).label;
  const uint64_t s1ll = c.At(s1l).label, s1rl = c.At(s1r).label, s1r2l = c.At(s1r2).label;
  const uint64_t b0ll = c.At(b0l).label, b0l2l = c.At(b0l2).label;
  const uint64_t d1 = DistBucket(s0, b0), d2 = DistBucket(s1, s0);
  const uint64_t s0vl = Cap(ns0.nl, 8), s0vr = Cap(ns0.nr, 8), b0vl = Cap(nb0.nl, 8);
  const uint64_t s1vl = Cap(ns1.nl, 8), s1vr = Cap(ns1.nr, 8);
  const uint64_t s0sl = Mix(ns0.lset + 1), s0sr = Mix(ns0.rset + 2), b0sl = Mix(nb0.lset + 3);
  const uint64_t s1sr = Mix(ns1.rset + 4), s1sl = Mix(ns1.lset + 5);
  // Punctuation between s0 and b0 and between s1 and s0 (capped at 2): a clause boundary cue.
  uint64_t punct01 = 0, punct10 = 0;
  if (s0 >= 0) {
    for (int k = s0 + 1; k < b0 && punct01 < 2; ++k) punct01 += c.Tok(k).punct;
  }
  if (s1 >= 0) {
    for (int k = s1 + 1; k < s0 && punct10 < 2; ++k) punct10 += c.Tok(k).punct;
  }

  int k = 0;
  // F(small, words): template k; `small` packs byte-sized values, `words` is random or 0.
  auto F = [&](uint64_t small, uint64_t words) {
    out[k] = Mix((static_cast<uint64_t>(k) << 56) ^ small ^ words);
    ++k;
  };

  // Single words (Zhang & Nivre 2011, "from single words"), plus s1/s2 and lemmas.
  F(s0p, s0w);
  F(0, s0w);
  F(s0p, 0);
  F(b0p, b0w);
  F(0, b0w);
  F(b0p, 0);
  F(b1p, b1w);
  F(0, b1w);
  F(b1p, 0);
  F(b2p, b2w);
  F(b2p, 0);
  F(s1p, s1w);
  F(0, s1w);
  F(s1p, 0);
  F(s2p, 0);
  F(s2p, ts2.word);
  F(s0p, ts0.lemma);
  F(b0p, tb0.lemma);
  F(P2(ts0.upos, tb0.upos), 0);
  F(P3(ts1.upos, ts0.upos, tb0.upos), 0);
  F(s0p, ts0.suffix);
  F(b0p, tb0.suffix);
  // Ambiguity classes and shapes.
  F(0, ts0.ambiguity);
  F(0, tb0.ambiguity);
  F(0, tb1.ambiguity);
  F(0, W2(ts0.ambiguity, tb0.ambiguity));
  F(0, W2(ts1.ambiguity, ts0.ambiguity));
  F(0, W2(tb0.ambiguity, tb1.ambiguity));
  F(P3(ts0.shape, tb0.shape, tb1.shape), 0);
  F(P2(s0p, ts0.shape), 0);
  F(P2(b0p, tb0.shape), 0);
  F(P2(b1p, tb1.shape), 0);
  // Word pairs.
  F(P2(s0p, b0p), W2(s0w, b0w));
  F(P2(s0p, 0), W2(s0w, b0w));
  F(P2(0, b0p), W2(s0w, b0w));
  F(P2(s0p, b0p), s0w);
  F(P2(s0p, b0p), b0w);
  F(0, W2(s0w, b0w));
  F(P2(s0p, b0p), 0);
  F(P2(b0p, b1p), 0);
  F(P2(b0p, b1p), b0w);
  F(P2(b0p, b1p), b1w);
  F(0, W2(b0w, b1w));
  F(P2(s1p, s0p), W2(s1w, s0w));
  F(P2(s1p, s0p), s1w);
  F(P2(s1p, s0p), s0w);
  F(0, W2(s1w, s0w));
  F(P2(s1p, s0p), 0);
  F(P2(s1p, b0p), 0);
  F(P2(s1p, b0p), W2(s1w, b0w));
  F(P2(s1p, b0p), s1w);
  F(P2(s1p, b0p), b0w);
  // Three tags.
  F(P3(b0p, b1p, b2p), 0);
  F(P3(s0p, b0p, b1p), 0);
  F(P3(s1p, s0p, b0p), 0);
  F(P3(s2p, s1p, s0p), 0);
  F(P3(s1p, s0p, b1p), 0);
  F(P3(s0p, s0lp, b0p), 0);
  F(P3(s0p, s0rp, b0p), 0);
  F(P3(s0p, b0p, b0lp), 0);
  F(P3(s1p, s1rp, s0p), 0);
  F(P3(s1p, s1lp, s0p), 0);
  F(P3(s1p, s0p, s0lp), 0);
  F(P3(s1p, s0p, s0rp), 0);
  F(P4(s1p, s0p, b0p, b1p), 0);
  // Distance.
  F(d1, s0w);
  F(P2(d1, s0p), 0);
  F(d1, b0w);
  F(P2(d1, b0p), 0);
  F(d1, W2(s0w, b0w));
  F(P3(d1, s0p, b0p), 0);
  F(P3(d2, s1p, s0p), 0);
  F(d2, W2(s1w, s0w));
  F(P2(d2, s1p), s0w);
  F(P2(d2, s0p), s1w);
  F(P4(d1, d2, s1p, s0p), 0);
  // Valency.
  F(s0vr, s0w);
  F(P2(s0vr, s0p), 0);
  F(s0vl, s0w);
  F(P2(s0vl, s0p), 0);
  F(b0vl, b0w);
  F(P2(b0vl, b0p), 0);
  F(P2(s1vr, s1p), 0);
  F(P2(s1vl, s1p), 0);
  F(s1vr, s1w);
  // Children (first and second order).
  F(0, c.Tok(s0l).word);
  F(s0lp, 0);
  F(s0ll, 0);
  F(0, c.Tok(s0r).word);
  F(s0rp, 0);
  F(s0rl, 0);
  F(0, c.Tok(b0l).word);
  F(b0lp, 0);
  F(b0ll, 0);
  F(0, c.Tok(s1l).word);
  F(P2(s1lp, s1ll), 0);
  F(0, c.Tok(s1r).word);
  F(s1rp, 0);
  F(s1rl, 0);
  F(0, c.Tok(s0l2).word);
  F(s0l2p, 0);
  F(s0l2l, 0);
  F(0, c.Tok(s0r2).word);
  F(s0r2p, 0);
  F(s0r2l, 0);
  F(0, c.Tok(b0l2).word);
  F(b0l2p, 0);
  F(b0l2l, 0);
  F(P2(s1r2p, s1r2l), 0);
  F(P3(s0p, s0lp, s0l2p), 0);
  F(P3(s0p, s0rp, s0r2p), 0);
  F(P3(b0p, b0lp, b0l2p), 0);
  F(P3(s1p, s1rp, s1r2p), 0);
  F(P3(s0p, s0ll, s0rl), 0);
  F(P3(s1p, s1rl, s0p), 0);
  F(P4(s0p, s0ll, s0l2l, b0p), 0);
  F(P4(s0p, s0rl, b0p, b0ll), 0);
  // Label sets.
  F(0, W2(s0w, s0sr));
  F(s0p, s0sr);
  F(0, W2(s0w, s0sl));
  F(s0p, s0sl);
  F(0, W2(b0w, b0sl));
  F(b0p, b0sl);
  F(s1p, s1sr);
  F(s1p, s1sl);
  // Punctuation between the candidates.
  F(P3(punct01, s0p, b0p), 0);
  F(P3(punct10, s1p, s0p), 0);
  F(P4(punct10, punct01, s1p, b0p), 0);
  return k;
}

// Feature keys for labelling the arc h -> d made by `move` (kLeft: h = b0 right of d;
// kRight: h = s1 left of d). d is complete; h may still gain children.
inline int LabelFeatures(const Config& c, int move, uint64_t* out) {
  const int d = c.S(0);
  const int h = c.HeadOf(move);
  const Node& nd = c.At(d);
  const Node& nh = c.At(h);
  const TokenValues &td = c.Tok(d), &th = c.Tok(h);
  const int dl = nd.lc1, dr = nd.rc1;
  const int hn = move == kLeft ? nh.lc1 : nh.rc1;  // h's child nearest to d so far
  const uint64_t dw = td.word, hw = th.word, dm = td.lemma, hm = th.lemma;
  const uint64_t dp = td.xpos, hp = th.xpos, du = td.upos, hu = th.upos;
  const uint64_t dlp = c.Tok(dl).xpos, drp = c.Tok(dr).xpos;
  const uint64_t dll = c.At(dl).label, drl = c.At(dr).label, hnl = c.At(hn).label;
  const uint64_t dist = DistBucket(h, d);
  const uint64_t hset = Mix((move == kLeft ? nh.lset : nh.rset) + 7);
  const uint64_t dsl = Mix(nd.lset + 8), dsr = Mix(nd.rset + 9);
  const int next = d + 1 < c.n ? d + 1 : c.n;
  const uint64_t np = c.Tok(next).xpos, pp = c.Tok(d - 1).xpos;  // d-1 = -1 is "none"
  const uint64_t bp = c.Tok(c.b0).xpos;

  int k = 0;
  const uint64_t dir = static_cast<uint64_t>(move) << 48;
  auto F = [&](uint64_t small, uint64_t words) {
    out[k] = Mix((static_cast<uint64_t>(k + 128) << 56) ^ dir ^ small ^ words);
    ++k;
  };

  F(dp, dw);
  F(0, dw);
  F(dp, 0);
  F(du, 0);
  F(dp, dm);
  F(hp, hw);
  F(0, hw);
  F(hp, 0);
  F(hp, hm);
  F(P2(hp, dp), 0);
  F(P2(hu, du), 0);
  F(hp, dw);
  F(dp, hw);
  F(0, W2(hw, dw));
  F(0, W2(hm, dm));
  F(P3(hp, dp, dist), 0);
  F(P2(dp, dist), dw);
  F(P3(dp, dll, drl), 0);
  F(P2(dp, dlp), c.Tok(dl).word);
  F(P2(hp, dll), c.Tok(dl).word);
  F(P2(dp, dll), 0);
  F(P2(dp, drl), 0);
  F(P3(hp, dp, dll), 0);
  F(P3(hp, dp, drp), 0);
  F(P2(hp, dp), dsl);
  F(P2(hp, dp), dsr);
  F(P2(hp, dp), hset);
  F(P3(hp, dp, hnl), 0);
  F(P2(hp, dp), td.suffix);
  F(hp, td.suffix);
  F(P3(dp, np, hp), 0);
  F(P3(pp, dp, hp), 0);
  F(P3(dp, bp, hp), 0);
  F(P2(dp, bp), dw);
  F(P4(hp, dp, d == 0, next == c.n), 0);
  F(hp, W2(dm, c.Tok(dl).word));
  F(hm, W2(dp, c.Tok(dl).word));
  F(0, td.ambiguity);
  F(0, th.ambiguity);
  F(0, W2(th.ambiguity, td.ambiguity));
  F(P2(dp, td.shape), 0);
  return k;
}

// ---- Dynamic oracle ----------------------------------------------------------------------

// Gold tree for the oracle: heads (n = root) and, per head, its dependents sorted by position.
struct GoldTree {
  std::vector<int> head;
  std::vector<int> label;
  std::vector<std::vector<int>> deps;  // size n+1

  void Build(const std::vector<int>& heads, const std::vector<int>& labels) {
    const int n = static_cast<int>(heads.size());
    head = heads;
    label = labels;
    deps.assign(n + 1, {});
    for (int i = 0; i < n; ++i) deps[head[i]].push_back(i);
  }
  // Dependents of x at positions >= from.
  int DepsFrom(int x, int from) const {
    const auto& v = deps[x];
    return static_cast<int>(v.end() - std::lower_bound(v.begin(), v.end(), from));
  }
};

// Gold arcs lost by each move from configuration c (unlabelled). `in_stack[x]` must be true
// exactly for the words on c's stack. Costs are exact for projective gold trees.
inline void MoveCosts(const Config& c, const GoldTree& g, const std::vector<char>& in_stack,
                      int cost[kNumMoves]) {
  const int s0 = c.S(0), s1 = c.S(1), b0 = c.b0;
  cost[kShift] = cost[kLeft] = cost[kRight] = 0;
  if (c.CanShift()) {
    // b0 can no longer take a head from the stack below s0, nor dependents from the stack.
    int lost = 0;
    const int h = g.head[b0];
    if (h < b0 && in_stack[h] && h != s0) ++lost;
    // The root's dependent can only be attached by LA from the root with nothing under it.
    if (h == c.n && c.sp > 0) ++lost;
    for (int d : g.deps[b0]) {
      if (d >= b0) break;
      if (in_stack[d]) ++lost;
    }
    cost[kShift] = lost;
  }
  if (s0 >= 0) {
    const int h = g.head[s0];
    const int pending = g.DepsFrom(s0, b0);  // dependents of s0 still in the buffer
    // LA: s0 gets b0; its head in s1 or elsewhere in the buffer is lost.
    cost[kLeft] = pending + ((h != b0 && (h == s1 || h >= b0)) ? 1 : 0);
    // RA: s0 gets s1; a head in the buffer is lost.
    cost[kRight] = pending + (h >= b0 ? 1 : 0);
  }
}

}  // namespace thaw::parse_internal

#endif  // THAW_NLP_PARSER_STATE_H_
