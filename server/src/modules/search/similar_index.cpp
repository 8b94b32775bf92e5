#include "modules/search/similar_index.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <queue>
#include <unordered_set>

#include "core/search/proposal_parts.hpp"
#include "core/search/tokenizer.hpp"
#include "core/utf8.hpp"

namespace sl::search {

namespace {

constexpr double kWeightScale = 500.0;  // postings store weight × kWeightScale as uint16

std::unordered_map<uint64_t, float> term_frequencies(std::string_view title, std::string_view body) {
  std::unordered_map<uint64_t, float> tf;
  for (uint64_t k : term_keys(title)) tf[k] += 2;  // title terms count twice
  for (uint64_t k : term_keys(body)) tf[k] += 1;
  return tf;
}

// The distinct four-character grams and clauses of a proposal, as span hashes, for the sketches.
void gram_and_clause_hashes(std::string_view title, std::string_view body, std::vector<uint64_t>& grams,
                            std::vector<uint64_t>& clauses) {
  ProposalParts parts = split_proposal(title, body);
  const auto& t = parts.text;
  for (size_t i = 0; i + 4 <= t.size(); ++i) {
    bool ok = true;
    for (size_t j = i; j < i + 4 && ok; ++j) ok = classify(t[j]) != CharClass::separator;
    if (ok) grams.push_back(span_hash(t, i, i + 4));
  }
  for (const auto& c : parts.clauses) clauses.push_back(span_hash(t, c.begin, c.end));
  for (auto* v : {&grams, &clauses}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
}

uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

uint64_t text_hash(std::string_view title, std::string_view body) {
  return std::hash<std::string_view>{}(title)*31 + std::hash<std::string_view>{}(body);
}

}  // namespace

SimilarIndex& similar_index() {
  static SimilarIndex index;
  return index;
}

// Documents in the corpus and holding `term`: the seeded estimate while the initial build runs.
std::pair<double, double> SimilarIndex::frequency(uint64_t term) const {
  if (seeded_scale_ > 0) {
    auto it = seeded_df_.find(term);
    return {static_cast<double>(seeded_total_), it == seeded_df_.end() ? 0 : it->second * seeded_scale_};
  }
  auto it = df_.find(term);
  return {static_cast<double>(live_), it == df_.end() ? 0 : static_cast<double>(it->second)};
}

double SimilarIndex::idf(uint64_t term) const {
  auto [n, df] = frequency(term);
  return std::log((n + 1) / (df + 1)) + 1;
}

bool SimilarIndex::common(uint64_t term) const {
  auto [n, df] = frequency(term);
  return n >= kCommonMinDocs && df > kCommonShare * n;
}

uint16_t SimilarIndex::state_code(const std::string& s) {
  for (size_t i = 0; i < states_.size(); ++i)
    if (states_[i] == s) return static_cast<uint16_t>(i);
  states_.push_back(s);
  return static_cast<uint16_t>(states_.size() - 1);
}

void SimilarIndex::seed_frequencies(const std::vector<std::pair<std::string, std::string>>& sample, size_t total_docs) {
  std::unordered_map<uint64_t, uint32_t> df;
  for (const auto& [title, body] : sample)
    for (const auto& [k, _] : term_frequencies(title, body)) ++df[k];
  std::unique_lock lock(mu_);
  seeded_df_ = std::move(df);
  seeded_total_ = total_docs;
  seeded_scale_ = sample.empty() ? 0 : static_cast<double>(total_docs) / static_cast<double>(sample.size());
  terms_per_doc_ =
      std::clamp<size_t>(kPostingBudget / std::max<size_t>(total_docs, 1), kMinTermsPerDoc, kMaxTermsPerDoc);
  docs_.reserve(total_docs + total_docs / 16);
}

void SimilarIndex::set_ready(bool r) {
  if (r) {
    std::unique_lock lock(mu_);
    seeded_df_.clear();
    seeded_scale_ = 0;
    postings_bytes_ = 0;
    for (auto& [_, p] : postings_) {
      p.docs.shrink_to_fit();
      p.weights.shrink_to_fit();
      postings_bytes_ += posting_bytes(p);
    }
  }
  ready_.store(r);
}

bool SimilarIndex::upsert(const SimilarDoc& doc, std::string_view title, std::string_view body) {
  if (doc.proposal_id < 0) return false;  // ids are never negative
  uint64_t hash = text_hash(title, body);
  auto tf = term_frequencies(title, body);
  std::vector<uint64_t> grams, clauses;
  gram_and_clause_hashes(title, body, grams, clauses);
  std::unique_lock lock(mu_);
  if (uint32_t found = slot_of(doc.proposal_id); found != kNoSlot) {
    Meta& m = docs_[found];
    if (m.alive && m.text_hash == hash) {
      uint16_t st = state_code(doc.state);
      bool changed = m.session_id != doc.session_id || m.state != st || m.committee_id != doc.committee_id;
      m.session_id = doc.session_id;
      m.committee_id = doc.committee_id;
      m.state = st;
      return changed;
    }
    if (m.alive) --live_;
    m.alive = false;  // its postings stay behind, pointing at a dead slot
  }
  for (const auto& [k, _] : tf) ++df_[k];
  if (gram_df_.empty()) {
    gram_df_.assign(2 * kGramSketchWidth, 0);
    clause_df_.assign(2 * kClauseSketchWidth, 0);
  }
  for (uint64_t g : grams) sketch_add(gram_df_, kGramSketchWidth, g);
  for (uint64_t c : clauses) sketch_add(clause_df_, kClauseSketchWidth, c);
  ++live_;
  std::vector<std::pair<double, uint64_t>> weighted;
  weighted.reserve(tf.size());
  for (const auto& [k, f] : tf) {
    if (common(k)) continue;
    weighted.emplace_back((1 + std::log(f)) * idf(k), k);
  }
  size_t keep = std::min(weighted.size(), terms_per_doc_);
  std::partial_sort(weighted.begin(), weighted.begin() + static_cast<std::ptrdiff_t>(keep), weighted.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  auto slot = static_cast<uint32_t>(docs_.size());
  double norm = 0;
  for (size_t i = 0; i < keep; ++i) {
    double w = std::min(weighted[i].first, 65535.0 / kWeightScale);
    norm += w * w;
    auto& p = postings_[weighted[i].second];
    // Grow by a quarter, not the library's doubling: during the build the postings' spare
    // capacity was a third of the index on average, and set the process's peak memory.
    if (p.docs.size() == p.docs.capacity()) {
      size_t before = posting_bytes(p);
      p.docs.reserve(p.docs.capacity() + p.docs.capacity() / 4 + 4);
      p.weights.reserve(p.docs.capacity());
      postings_bytes_ += posting_bytes(p) - before;
    }
    p.docs.push_back(slot);
    p.weights.push_back(static_cast<uint16_t>(std::lround(w * kWeightScale)));
  }
  docs_.push_back({doc.proposal_id, doc.committee_id, doc.session_id, hash, static_cast<float>(std::sqrt(norm)),
                   state_code(doc.state), true});
  auto id = static_cast<size_t>(doc.proposal_id);
  if (id >= slot_of_.size()) slot_of_.resize(std::max(id + 1, slot_of_.size() + slot_of_.size() / 2), kNoSlot);
  slot_of_[id] = slot;
  return true;
}

void SimilarIndex::remove(int64_t proposal_id) {
  std::unique_lock lock(mu_);
  uint32_t found = slot_of(proposal_id);
  if (found == kNoSlot) return;
  if (docs_[found].alive) --live_;
  docs_[found].alive = false;
  slot_of_[static_cast<size_t>(proposal_id)] = kNoSlot;
}

void SimilarIndex::set_state(int64_t proposal_id, const std::string& state) {
  std::unique_lock lock(mu_);
  if (uint32_t found = slot_of(proposal_id); found != kNoSlot) docs_[found].state = state_code(state);
}

uint32_t SimilarIndex::slot_of(int64_t proposal_id) const {
  if (proposal_id < 0 || static_cast<size_t>(proposal_id) >= slot_of_.size()) return kNoSlot;
  return slot_of_[static_cast<size_t>(proposal_id)];
}

std::vector<SimilarHit> SimilarIndex::query(std::string_view title, std::string_view body, const SimilarFilter& filter,
                                            size_t k, double min_score) const {
  auto tf = term_frequencies(title, body);
  thread_local std::vector<float> acc;
  thread_local std::vector<uint32_t> touched;
  std::shared_lock lock(mu_);
  if (acc.size() < docs_.size()) acc.resize(docs_.size(), 0.0f);
  touched.clear();
  // The query is normalised like a document, over as many of its heaviest terms as a document keeps, so that a
  // document scores 1 against its own text.
  std::vector<std::pair<double, uint64_t>> weighted;
  weighted.reserve(tf.size());
  for (const auto& [term, f] : tf)
    if (!common(term)) weighted.emplace_back((1 + std::log(f)) * idf(term), term);
  size_t keep = std::min(weighted.size(), terms_per_doc_);
  std::partial_sort(weighted.begin(), weighted.begin() + static_cast<std::ptrdiff_t>(keep), weighted.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  double qnorm = 0;
  for (size_t i = 0; i < keep; ++i) {
    double w = std::min(weighted[i].first, 65535.0 / kWeightScale);
    qnorm += w * w;
  }
  // Candidates come from the query's heaviest terms (twice as many as a document keeps): a
  // document shares little weight in the rest, and at a million proposals they are most of the work.
  size_t used = std::max(keep, std::min(weighted.size(), std::max<size_t>(2 * terms_per_doc_, 96)));
  std::partial_sort(weighted.begin() + static_cast<std::ptrdiff_t>(keep),
                    weighted.begin() + static_cast<std::ptrdiff_t>(used), weighted.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t qi = 0; qi < used; ++qi) {
    const auto& [wq, term] = weighted[qi];
    auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    const auto& p = it->second;
    for (size_t i = 0; i < p.docs.size(); ++i) {
      uint32_t d = p.docs[i];
      if (acc[d] == 0.0f) touched.push_back(d);
      acc[d] += static_cast<float>(wq * p.weights[i] / kWeightScale);
    }
  }
  std::vector<uint16_t> states;
  for (const auto& s : filter.states)
    for (size_t i = 0; i < states_.size(); ++i)
      if (states_[i] == s) states.push_back(static_cast<uint16_t>(i));
  using Item = std::pair<double, uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> best;  // min-heap of the k best
  qnorm = std::sqrt(qnorm);
  for (uint32_t d : touched) {
    double dot = acc[d];
    acc[d] = 0.0f;
    const Meta& m = docs_[d];
    if (!m.alive || m.norm <= 0 || qnorm <= 0) continue;
    if (filter.committee_id && m.committee_id != filter.committee_id) continue;
    if (m.proposal_id == filter.exclude_id) continue;
    if (filter.session_id && m.session_id != *filter.session_id) continue;
    if (!filter.states.empty() && std::find(states.begin(), states.end(), m.state) == states.end()) continue;
    double score = std::min(1.0, dot / (qnorm * m.norm));
    if (score < min_score) continue;
    if (best.size() < k) {
      best.emplace(score, d);
    } else if (score > best.top().first) {
      best.pop();
      best.emplace(score, d);
    }
  }
  std::vector<SimilarHit> out;
  while (!best.empty()) {
    out.push_back({docs_[best.top().second].proposal_id, best.top().first});
    best.pop();
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<std::string> SimilarIndex::shared_phrases(std::string_view text, std::string_view other, size_t max) const {
  return shared_phrases(normalize(text), other, max);
}

std::vector<std::string> SimilarIndex::shared_phrases(const std::u32string& n, std::string_view other,
                                                      size_t max) const {
  auto keys = term_keys(other);
  std::unordered_set<uint64_t> theirs(keys.begin(), keys.end());
  std::vector<bool> marked(n.size(), false);
  {
    std::shared_lock lock(mu_);
    for (size_t i = 0; i + 1 < n.size(); ++i) {
      if (classify(n[i]) != CharClass::han || classify(n[i + 1]) != CharClass::han) continue;
      uint64_t key = (uint64_t(n[i]) << 21) | uint64_t(n[i + 1]);
      marked[i] = theirs.count(key) > 0 && !common(key);
    }
  }
  std::vector<std::u32string> phrases;
  for (size_t i = 0; i < n.size();) {
    if (!marked[i]) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n.size() && marked[j]) ++j;
    phrases.push_back(n.substr(i, j - i + 1));
    i = j;
  }
  std::stable_sort(phrases.begin(), phrases.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<std::string> out;
  for (const auto& p : phrases) {
    std::string s = encode_utf8(p);
    bool inside =
        std::any_of(out.begin(), out.end(), [&](const std::string& o) { return o.find(s) != std::string::npos; });
    if (!inside) out.push_back(s);
    if (out.size() >= max) break;
  }
  return out;
}

void SimilarIndex::sketch_add(std::vector<uint16_t>& sketch, size_t width, uint64_t hash) {
  uint64_t h = mix(hash);
  for (size_t row = 0; row < 2; ++row) {
    uint16_t& c = sketch[row * width + ((row == 0 ? h : h >> 32) & (width - 1))];
    if (c < UINT16_MAX) ++c;
  }
}

uint32_t SimilarIndex::sketch_count(const std::vector<uint16_t>& sketch, size_t width, uint64_t hash) {
  if (sketch.empty()) return 0;
  uint64_t h = mix(hash);
  return std::min(sketch[h & (width - 1)], sketch[width + ((h >> 32) & (width - 1))]);
}

bool SimilarIndex::Stats::common_gram(uint64_t hash) const {
  double n = static_cast<double>(index_.live_);
  double need = std::min(60000.0, std::max<double>(kCommonGramMinDocs, kCommonGramShare * n));
  return sketch_count(index_.gram_df_, kGramSketchWidth, hash) >= need;
}

bool SimilarIndex::Stats::stock_clause(uint64_t hash) const {
  double n = static_cast<double>(index_.live_);
  double need = std::min(60000.0, std::max<double>(kStockMinDocs, kStockClauseShare * n));
  return sketch_count(index_.clause_df_, kClauseSketchWidth, hash) >= need;
}

size_t SimilarIndex::size() const {
  std::shared_lock lock(mu_);
  return live_;
}

size_t SimilarIndex::memory_bytes() const {
  std::shared_lock lock(mu_);
  return docs_.capacity() * sizeof(Meta) + slot_of_.capacity() * 4 + df_.size() * 32 + postings_.size() * 80 +
         postings_bytes_ + (gram_df_.capacity() + clause_df_.capacity()) * 2;
}

}  // namespace sl::search
