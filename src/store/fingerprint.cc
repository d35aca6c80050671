#include "store/fingerprint.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <limits>

#include "base/huge_pages.h"

namespace thaw {
namespace {

// SplitMix64's finalizer: a cheap bijective mixer with full avalanche, which makes one
// 64-bit shingle hash into kMinHashSize independent-looking ones.
constexpr uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Feeds "<length>:<bytes>" to the digest: fields are length-prefixed so that no two
// documents' fields concatenate alike.
void DigestField(EVP_MD_CTX* ctx, std::string_view s) {
  const std::string length = std::to_string(s.size()) + ':';
  EVP_DigestUpdate(ctx, length.data(), length.size());
  EVP_DigestUpdate(ctx, s.data(), s.size());
}

std::string Hex(const unsigned char* bytes, unsigned len) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * len);
  for (unsigned i = 0; i < len; ++i) {
    hex += kHex[bytes[i] >> 4];
    hex += kHex[bytes[i] & 15];
  }
  return hex;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  return Hex(md, len);
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
  // Streamed field by field, so that the text is not copied; the algorithm is fetched once
  // (fetching it on every call took half the time of a hash, OpenSSL 3.0).
  static const EVP_MD* const kSha256 = [] {
    const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md != nullptr ? md : EVP_sha256();
  }();
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, kSha256, nullptr);
  DigestField(ctx, doc.id);
  DigestField(ctx, doc.source);
  DigestField(ctx, doc.url);
  if (!doc.text.empty()) {
    DigestField(ctx, doc.text);
  } else {
    DigestField(ctx, DocumentText(doc));
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, md, &len);
  EVP_MD_CTX_free(ctx);
  return Hex(md, len);
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
    for (int b = 0; b < 4; ++b)
      v |= uint32_t{static_cast<unsigned char>(bytes[4 * i + b])} << (8 * b);
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

namespace {

// Hash function f is the multiply-shift family member with odd multiplier kMinHashMul[f]: one
// multiplication per function (the shingle hash is already well mixed).
constexpr std::array<uint64_t, kMinHashSize> kMinHashMul = [] {
  std::array<uint64_t, kMinHashSize> m{};
  for (int f = 0; f < kMinHashSize; ++f)
    m[f] = Mix64(0x6d696e68617368ull + static_cast<uint64_t>(f)) | 1;
  return m;
}();

// Built for AVX-512 and AVX2 besides the baseline, chosen at load time by the CPU. Not under
// ThreadSanitizer: it instruments the clones' resolver, which runs before it is set up (the
// binary crashed at load).
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && !defined(__SANITIZE_THREAD__)
#define THAW_VECTOR_CLONES \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define THAW_VECTOR_CLONES
#endif

// Lowers each values[f] to the minimum of hash function f over `n` shingle hashes. The loop
// over functions is innermost so that the functions fill vector lanes side by side: three
// times faster than one shingle at a time (2 against 6.5 us per bench document).
THAW_VECTOR_CLONES void LowerToMinima(const uint64_t* shingles, size_t n, uint32_t* values) {
  uint32_t mins[kMinHashSize];
  for (int f = 0; f < kMinHashSize; ++f) mins[f] = values[f];
  for (size_t j = 0; j < n; ++j) {
    const uint64_t s = shingles[j];
    for (int f = 0; f < kMinHashSize; ++f) {
      const uint32_t v = static_cast<uint32_t>((s * kMinHashMul[f]) >> 32);
      mins[f] = v < mins[f] ? v : mins[f];
    }
  }
  for (int f = 0; f < kMinHashSize; ++f) values[f] = mins[f];
}

}  // namespace

MinHash ComputeMinHash(std::string_view text) {
  MinHash mh;
  mh.values.fill(std::numeric_limits<uint32_t>::max());
  // A window of the last four word hashes (FNV-1a over lower-cased bytes); shingle hashes are
  // gathered in chunks for LowerToMinima.
  uint64_t window[4] = {0, 0, 0, 0};
  uint64_t chunk[64];
  size_t pending = 0;
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
    chunk[pending++] = s;
    if (pending == std::size(chunk)) {
      LowerToMinima(chunk, pending, mh.values.data());
      pending = 0;
    }
  }
  LowerToMinima(chunk, pending, mh.values.data());
  mh.valid = shingles >= kMinShingles;
  return mh;
}

namespace {

// Sizes `slots` to n empty slots, backed by huge pages where the OS gives them (advised before
// the memory is first touched): the tables are probed at random keys, and with 4 KB pages
// every probe of a large table is a TLB miss. Halves the time of LshIndex::Add at 10M events
// (store_bench).
template <typename Slot>
void AllocateSlots(std::vector<Slot>* slots, size_t n) {
  slots->clear();
  slots->shrink_to_fit();
  slots->reserve(n);
  AdviseHugePages(slots->data(), n * sizeof(Slot));
  slots->resize(n);
}

// Doubles an open-addressing table (linear probing, key 0 = empty) and re-inserts its
// entries; returns their number.
template <typename Slot>
size_t GrowTable(std::vector<Slot>* slots) {
  std::vector<Slot> old = std::move(*slots);
  AllocateSlots(slots, old.empty() ? 1024 : old.size() * 2);
  const size_t mask = slots->size() - 1;
  size_t count = 0;
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    size_t i = Mix64(s.key) & mask;
    while ((*slots)[i].key != 0) i = (i + 1) & mask;
    (*slots)[i] = s;
    ++count;
  }
  return count;
}

uint64_t SlotKey(int64_t band_key) {
  const auto k = static_cast<uint64_t>(band_key);
  return k == 0 ? 1 : k;
}

}  // namespace

void LshIndex::Grow() { size_ = GrowTable(&slots_); }

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

namespace {

// The table key of a content hash: its bytes mixed 8 at a time (hashes are hex text, so no
// 8 of their bytes are uniform on their own).
uint64_t HashDigest(std::string_view hash) {
  uint64_t h = Mix64(0x636f6e74656e74ull ^ hash.size());
  for (size_t i = 0; i < hash.size(); i += 8) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, hash.data() + i, std::min<size_t>(8, hash.size() - i));
    h = Mix64(h ^ chunk);
  }
  return h == 0 ? 1 : h;
}

}  // namespace

void ContentHashIndex::Grow() { GrowTable(&slots_); }

void ContentHashIndex::Add(std::string_view hash, int64_t doc) {
  if (2 * (size_ + 1) > slots_.size()) Grow();
  const uint64_t key = HashDigest(hash);
  const size_t mask = slots_.size() - 1;
  size_t i = Mix64(key) & mask;
  while (slots_[i].key != 0) i = (i + 1) & mask;  // a shared digest takes the next free slot
  slots_[i] = {key, doc};
  ++size_;
}

void ContentHashIndex::Find(std::string_view hash, std::vector<int64_t>* out) const {
  out->clear();
  if (slots_.empty()) return;
  const uint64_t key = HashDigest(hash);
  const size_t mask = slots_.size() - 1;
  for (size_t i = Mix64(key) & mask; slots_[i].key != 0; i = (i + 1) & mask) {
    if (slots_[i].key == key) out->push_back(slots_[i].doc);
  }
}

void ContentHashIndex::Clear() {
  slots_.clear();
  size_ = 0;
}

}  // namespace thaw
