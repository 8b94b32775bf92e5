#pragma once
// The in-memory similar-proposal index: TF-IDF over character bigrams (and Latin words), cosine
// similarity. Each proposal keeps only its highest-weighted terms (title terms count twice; how
// many depends on the corpus size, see kPostingBudget), and terms found in more than kCommonShare
// of the documents are skipped, which bounds memory at about 6 bytes a kept term (1M proposals in
// a few hundred MB) and makes a query touch only short posting lists. Built from search_docs in the background at
// start, updated by domain events, and refreshed from the database every few seconds so that each node of a cluster
// keeps its own copy current. Thread-safe: queries share a lock, updates take it alone.
//
// The index only finds candidates; similar_pair.hpp then compares each candidate with the text in
// detail and gives it a tier (可能重复 / 相关提案), reading the corpus statistics kept here (Stats).

#include <atomic>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sl::search {

struct SimilarDoc {
  int64_t proposal_id = 0;
  int64_t committee_id = 0;
  int64_t session_id = 0;
  std::string state;
};

struct SimilarHit {
  int64_t proposal_id = 0;
  double score = 0;  // cosine similarity, 0…1
};

struct SimilarFilter {
  int64_t committee_id = 0;
  int64_t exclude_id = 0;
  std::optional<int64_t> session_id;
  std::vector<std::string> states;  // empty: any state
};

class SimilarIndex {
 public:
  // Terms kept per proposal: all of them (up to kMaxTermsPerDoc) while the corpus is small, fewer
  // as it grows, so that the postings stay near kPostingBudget entries (6 bytes each).
  static constexpr size_t kPostingBudget = 48'000'000;
  static constexpr size_t kMinTermsPerDoc = 40;
  static constexpr size_t kMaxTermsPerDoc = 512;
  static constexpr double kCommonShare = 0.05;
  static constexpr size_t kCommonMinDocs = 2000;  // below this many documents nothing counts as common

  /// Adds or replaces a proposal. Returns false when nothing changed (same text and metadata).
  bool upsert(const SimilarDoc& doc, std::string_view title, std::string_view body);
  void remove(int64_t proposal_id);
  /// Updates a proposal's state when it is indexed (state changes do not change the text).
  void set_state(int64_t proposal_id, const std::string& state);

  /// The `k` best matches for a text, best first, scoring at least `min_score`.
  std::vector<SimilarHit> query(std::string_view title, std::string_view body, const SimilarFilter& filter, size_t k,
                                double min_score = 0.0) const;

  /// Phrases (runs of two or more characters) of `text` whose bigrams also occur in `other`,
  /// skipping common ones; the longest first, at most `max`.
  std::vector<std::string> shared_phrases(std::string_view text, std::string_view other, size_t max) const;
  /// The same for a text already normalised (a caller comparing one text with several).
  std::vector<std::string> shared_phrases(const std::u32string& normalized_text, std::string_view other,
                                          size_t max) const;

  /// Document frequencies for weighting before the index holds everything (a sample of the
  /// corpus, scaled to `total_docs`).
  void seed_frequencies(const std::vector<std::pair<std::string, std::string>>& sample, size_t total_docs);

  size_t size() const;
  size_t memory_bytes() const;

  /// Corpus statistics for comparing two proposals in detail (similar_pair.hpp), read under one
  /// shared lock held while the view lives: bigram weights, and which four-character grams and
  /// clauses are so frequent across the corpus that they are boilerplate (learned from the
  /// documents themselves: document frequencies counted in two count-min sketches).
  class Stats {
   public:
    explicit Stats(const SimilarIndex& index) : index_(index), lock_(index.mu_) {}
    double idf(uint64_t term) const { return index_.idf(term); }
    /// A four-character gram (span_hash) found in at least kCommonGramShare of the documents.
    bool common_gram(uint64_t hash) const;
    /// A clause (span_hash) found in at least kStockClauseShare of the documents (and kStockMinDocs).
    bool stock_clause(uint64_t hash) const;
    size_t documents() const { return index_.live_; }

   private:
    const SimilarIndex& index_;
    std::shared_lock<std::shared_mutex> lock_;
  };
  Stats stats() const { return Stats(*this); }

  static constexpr double kCommonGramShare = 0.03;
  static constexpr uint32_t kCommonGramMinDocs = 6;
  static constexpr double kStockClauseShare = 0.002;
  static constexpr uint32_t kStockMinDocs = 4;
  static constexpr size_t kGramSketchWidth = size_t{1} << 20;    // × 2 rows × 2 bytes: 4 MB
  static constexpr size_t kClauseSketchWidth = size_t{1} << 18;  // × 2 rows × 2 bytes: 1 MB
  bool ready() const { return ready_.load(); }
  /// Marks the initial build done (drops the seeded frequencies and the postings' spare capacity).
  void set_ready(bool r);

 private:
  struct Meta {
    int64_t proposal_id;
    int64_t committee_id;
    int64_t session_id;
    uint64_t text_hash;
    float norm;
    uint16_t state;
    bool alive;
  };
  struct Postings {
    std::vector<uint32_t> docs;
    std::vector<uint16_t> weights;
  };
  std::pair<double, double> frequency(uint64_t term) const;  // caller holds the lock
  double idf(uint64_t term) const;                           // caller holds the lock
  bool common(uint64_t term) const;                          // caller holds the lock
  uint16_t state_code(const std::string& s);

  mutable std::shared_mutex mu_;
  std::vector<Meta> docs_;
  // A proposal's slot in docs_, indexed by its id: ids come from one sequence, so this costs 4
  // bytes a proposal where a hash map cost about 40 (40 MB at a million proposals).
  static constexpr uint32_t kNoSlot = UINT32_MAX;
  std::vector<uint32_t> slot_of_;
  uint32_t slot_of(int64_t proposal_id) const;  // kNoSlot when absent; caller holds the lock
  std::unordered_map<uint64_t, uint32_t> df_;   // documents holding each term (all terms)
  std::unordered_map<uint64_t, uint32_t> seeded_df_;
  double seeded_scale_ = 0;
  size_t seeded_total_ = 0;
  std::unordered_map<uint64_t, Postings> postings_;
  // The postings' vectors' capacity in bytes, kept as they grow: memory_bytes() answers the status
  // endpoint, which the bench polls while the build holds the lock (summing the vectors took 50-90 ms).
  size_t postings_bytes_ = 0;
  static size_t posting_bytes(const Postings& p) { return p.docs.capacity() * 4 + p.weights.capacity() * 2; }
  std::vector<std::string> states_;
  // Count-min sketches (two rows each, saturating) of the documents holding each four-character
  // gram and each clause; allocated with the first document.
  std::vector<uint16_t> gram_df_;
  std::vector<uint16_t> clause_df_;
  static void sketch_add(std::vector<uint16_t>& sketch, size_t width, uint64_t hash);
  static uint32_t sketch_count(const std::vector<uint16_t>& sketch, size_t width, uint64_t hash);
  size_t live_ = 0;
  size_t terms_per_doc_ = kMaxTermsPerDoc;
  std::atomic<bool> ready_{false};
};

/// The process's index (one per server process).
SimilarIndex& similar_index();

}  // namespace sl::search
