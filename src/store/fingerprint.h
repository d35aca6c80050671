// Document fingerprints: an exact content hash (SHA-256, for "already stored?") and a MinHash
// signature over word shingles with LSH band keys (for "the same wire story republished?").
// Pure functions; thread-safe.
#ifndef THAW_STORE_FINGERPRINT_H_
#define THAW_STORE_FINGERPRINT_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace thaw {

// SHA-256 of `bytes` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

// The identity of a stored document: SHA-256 over its id, source, URL and cleaned text (the
// sentence texts joined by '\n' when the input gave no text), each length-prefixed. Reading
// the same input again gives the same hash, so ingest skips it; the same text from another
// outlet (another id or URL) is a new document, found as a near-duplicate instead.
std::string DocumentHash(const Document& doc);

// The text the near-duplicate test reads: Document::text, else the sentences joined.
std::string DocumentText(const Document& doc);

// MinHash with kMinHashSize hash functions over 4-word shingles of lower-cased words
// (letters, digits and UTF-8 bytes; everything else separates words). Banded for LSH into
// kLshBands bands of kLshRows: two documents whose shingle sets have Jaccard similarity J
// share a band with probability 1-(1-J^4)^8 (0.98 at J=0.8, 0.40 at J=0.5); candidates are
// then confirmed by the signatures' agreement (kNearDuplicateSimilarity).
inline constexpr int kMinHashSize = 32;
inline constexpr int kLshBands = 8;
inline constexpr int kLshRows = kMinHashSize / kLshBands;
// Texts with fewer shingles than this get no signature: short texts share shingles by chance.
inline constexpr int kMinShingles = 12;
inline constexpr double kNearDuplicateSimilarity = 0.7;

struct MinHash {
  bool valid = false;  // false for texts with fewer than kMinShingles shingles
  std::array<uint32_t, kMinHashSize> values{};

  // The signature as kMinHashSize*4 little-endian bytes, and back (false on a wrong size).
  std::string Serialize() const;
  static bool Parse(std::string_view bytes, MinHash* out);
  // The LSH key of band `b` (0 <= b < kLshBands), distinct across bands.
  int64_t BandKey(int b) const;
  // The share of agreeing values: an estimate of the shingle sets' Jaccard similarity.
  double Similarity(const MinHash& other) const;
};

MinHash ComputeMinHash(std::string_view text);

// LSH buckets: band key -> the first document filed under it. An open-addressing table of
// 16-byte slots at most half full (32 bytes per key; 8 keys per document), so a store of a
// million documents needs about 256 MB. Not thread-safe.
class LshIndex {
 public:
  // Files `doc` under each band of `mh` whose key is not taken yet.
  void Add(const MinHash& mh, int64_t doc);
  // The distinct documents sharing a band with `mh`, in ascending order.
  void Candidates(const MinHash& mh, std::vector<int64_t>* out) const;
  void Clear();
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t key = 0;  // 0: empty (a real key of 0 is stored as 1)
    int64_t doc = 0;
  };
  void Grow();
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// Stored documents by content hash (DocumentHash): a 64-bit digest of the hash -> document
// id, in an open-addressing table of 16-byte slots at most half full (32 bytes per document,
// ~40 MB per million). Two hashes may share a digest (about once in 10^19 pairs), so Find
// returns every document filed under one and the caller confirms the full hash. In memory
// because hashes are random keys: a B-tree index of them dirties a page per document in every
// batch (store_bench). Not thread-safe.
class ContentHashIndex {
 public:
  void Add(std::string_view hash, int64_t doc);
  // The documents filed under the digest of `hash` (usually none or one), in no set order.
  void Find(std::string_view hash, std::vector<int64_t>* out) const;
  void Clear();
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t key = 0;  // 0: empty (a digest of 0 is stored as 1)
    int64_t doc = 0;
  };
  void Grow();
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace thaw

#endif  // THAW_STORE_FINGERPRINT_H_
