#include "store/fingerprint.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace thaw {
namespace {

// SplitMix64's finalizer: a cheap bijective mixer with full avalanche, which makes one
// 64-bit shingle hash into kMinHashSize independent-looking ones.
uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

void AppendField(std::string_view s, std::string* out) {
  out->append(std::to_string(s.size())).push_back(':');
  out->append(s);
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * len);
  for (unsigned i = 0; i < len; ++i) {
    hex += kHex[md[i] >> 4];
    hex += kHex[md[i] & 15];
  }
  return hex;
}

std::string DocumentText(const Document& doc) {
  if (!doc.text.empty()) return doc.text;
  std::string text;
  for (const Sentence& s : doc.sentences) {
    if (!text.empty()) text += '\n';
    text += s.text;
  }
  return text;
}

std::string DocumentHash(const Document& doc) {
  std::string buf;
  AppendField(doc.id, &buf);
  AppendField(doc.source, &buf);
  AppendField(doc.url, &buf);
  AppendField(DocumentText(doc), &buf);
  return Sha256Hex(buf);
}

std::string MinHash::Serialize() const {
  std::string out(kMinHashSize * 4, '\0');
  for (int i = 0; i < kMinHashSize; ++i) {
    for (int b = 0; b < 4; ++b) out[4 * i + b] = static_cast<char>(values[i] >> (8 * b));
  }
  return out;
}

bool MinHash::Parse(std::string_view bytes, MinHash* out) {
  if (bytes.size() != kMinHashSize * 4) return false;
  for (int i = 0; i < kMinHashSize; ++i) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b) v |= uint32_t{static_cast<unsigned char>(bytes[4 * i + b])} << (8 * b);
    out->values[i] = v;
  }
  out->valid = true;
  return true;
}

int64_t MinHash::BandKey(int b) const {
  uint64_t h = Mix64(0x6c73685f62616e64ull + static_cast<uint64_t>(b));
  for (int r = 0; r < kLshRows; ++r) h = Mix64(h ^ values[b * kLshRows + r]);
  return static_cast<int64_t>(h);
}

double MinHash::Similarity(const MinHash& other) const {
  int same = 0;
  for (int i = 0; i < kMinHashSize; ++i) same += values[i] == other.values[i];
  return static_cast<double>(same) / kMinHashSize;
}

MinHash ComputeMinHash(std::string_view text) {
  static const auto kMul = [] {
    std::array<uint64_t, kMinHashSize> m{};
    for (int f = 0; f < kMinHashSize; ++f) m[f] = Mix64(0x6d696e68617368ull + static_cast<uint64_t>(f)) | 1;
    return m;
  }();
  MinHash mh;
  mh.values.fill(std::numeric_limits<uint32_t>::max());
  // A window of the last four word hashes (FNV-1a over lower-cased bytes).
  uint64_t window[4] = {0, 0, 0, 0};
  int words = 0, shingles = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    uint64_t h = 0xcbf29ce484222325ull;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) {
      unsigned char c = static_cast<unsigned char>(text[i++]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c | 0x20);
      h = (h ^ c) * 0x100000001b3ull;
    }
    window[words++ % 4] = h;
    if (words < 4) continue;
    // Order-sensitive combination of the four words, oldest first.
    uint64_t s = 0;
    for (int k = 0; k < 4; ++k) s = Mix64(s ^ window[(words + k) % 4]);
    ++shingles;
    // Hash function f is the multiply-shift family member with odd multiplier kMul[f]: one
    // multiplication per function (the shingle hash is already well mixed).
    for (int f = 0; f < kMinHashSize; ++f) {
      const uint32_t v = static_cast<uint32_t>((s * kMul[f]) >> 32);
      if (v < mh.values[f]) mh.values[f] = v;
    }
  }
  mh.valid = shingles >= kMinShingles;
  return mh;
}

namespace {

uint64_t SlotKey(int64_t band_key) {
  const auto k = static_cast<uint64_t>(band_key);
  return k == 0 ? 1 : k;
}

}  // namespace

void LshIndex::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot());
  size_ = 0;
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    size_t i = Mix64(s.key) & mask;
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] = s;
    ++size_;
  }
}

void LshIndex::Add(const MinHash& mh, int64_t doc) {
  for (int b = 0; b < kLshBands; ++b) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const uint64_t key = SlotKey(mh.BandKey(b));
    const size_t mask = slots_.size() - 1;
    size_t i = Mix64(key) & mask;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
    if (slots_[i].key == key) continue;  // the first document keeps the bucket
    slots_[i] = {key, doc};
    ++size_;
  }
}

void LshIndex::Candidates(const MinHash& mh, std::vector<int64_t>* out) const {
  out->clear();
  if (slots_.empty()) return;
  const size_t mask = slots_.size() - 1;
  for (int b = 0; b < kLshBands; ++b) {
    const uint64_t key = SlotKey(mh.BandKey(b));
    for (size_t i = Mix64(key) & mask; slots_[i].key != 0; i = (i + 1) & mask) {
      if (slots_[i].key == key) {
        out->push_back(slots_[i].doc);
        break;
      }
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

void LshIndex::Clear() {
  slots_.clear();
  size_ = 0;
}

}  // namespace thaw
