#include "modules/search/similar_pair.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "core/search/tokenizer.hpp"
#include "core/utf8.hpp"

namespace sl::search {

namespace {

bool han(char32_t c) {
  return classify(c) == CharClass::han;
}

uint64_t bigram_key(const std::u32string& t, size_t i) {
  return (uint64_t(t[i]) << 21) | uint64_t(t[i + 1]);
}

double norm_of(const Profile::Vector& v) {
  double s = 0;
  for (const auto& [_, w] : v) s += double(w) * w;
  return std::sqrt(s);
}

double cosine(const Profile::Vector& a, double na, const Profile::Vector& b, double nb) {
  if (na <= 0 || nb <= 0) return 0;
  const auto& small = a.size() <= b.size() ? a : b;
  const auto& large = a.size() <= b.size() ? b : a;
  double dot = 0;
  for (const auto& [k, w] : small)
    if (auto it = large.find(k); it != large.end()) dot += double(w) * it->second;
  return std::min(1.0, dot / (na * nb));
}

void weigh(const SimilarIndex::Stats& stats, Profile::Vector& v) {
  for (auto& [k, f] : v) f = static_cast<float>((1 + std::log(f)) * stats.idf(k));
}

}  // namespace

const char* tier_name(Tier t) {
  switch (t) {
    case Tier::duplicate:
      return "duplicate";
    case Tier::related:
      return "related";
    default:
      return "none";
  }
}

Profile make_profile(const SimilarIndex::Stats& stats, std::string_view title, std::string_view body,
                     size_t asks_from) {
  ProposalParts parts = split_proposal(title, body, asks_from);
  Profile p;
  p.text = std::move(parts.text);
  p.part = std::move(parts.part);
  p.has_asks = parts.has_asks;
  const auto& t = p.text;
  const size_t n = t.size();
  // Positions that weigh nothing: the title's frame, headings, stock clauses; and positions
  // inside four-character grams frequent across the corpus.
  std::vector<bool> weightless(n, false), common(n, false);
  for (size_t i = 0; i < n; ++i) weightless[i] = p.part[i] == Part::frame || parts.heading[i];
  for (const auto& c : parts.clauses)
    if (stats.stock_clause(span_hash(t, c.begin, c.end)))
      for (size_t i = c.begin; i < c.end; ++i) weightless[i] = true;
  for (size_t i = 0; i + 4 <= n; ++i) {
    if (!han(t[i]) || !han(t[i + 1]) || !han(t[i + 2]) || !han(t[i + 3])) continue;
    if (stats.common_gram(span_hash(t, i, i + 4)))
      for (size_t j = i; j < i + 4; ++j) common[j] = true;
  }
  p.kept.assign(n, false);
  // Boilerplate adds nothing to what two texts share, but it stays in each text's norm: a text
  // that is mostly boilerplate has little to share with any other.
  Profile::Vector masked_title, masked_situation, masked_asks, masked_all;
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!han(t[i]) || !han(t[i + 1]) || p.part[i] != p.part[i + 1]) continue;
    if (weightless[i] || weightless[i + 1] || (common[i] && common[i + 1])) {
      if (p.part[i] == Part::frame) continue;  // the title's frame is not the proposal's text
      uint64_t k = bigram_key(t, i);
      auto& v = p.part[i] == Part::title ? masked_title : p.part[i] == Part::asks ? masked_asks : masked_situation;
      v[k] += 1;
      masked_all[k] += p.part[i] == Part::title ? 2 : 1;
      continue;
    }
    p.kept[i] = true;
    uint64_t k = bigram_key(t, i);
    switch (p.part[i]) {
      case Part::title:
        p.title[k] += 1;
        p.all[k] += 2;  // title terms count twice, as in the index
        break;
      case Part::asks:
        p.asks[k] += 1;
        p.all[k] += 1;
        break;
      default:
        p.situation[k] += 1;
        p.all[k] += 1;
        break;
    }
  }
  // Latin words (5G, AED, APP), not bare numbers.
  for (size_t i = 0; i < n;) {
    if (classify(t[i]) != CharClass::alnum) {
      ++i;
      continue;
    }
    size_t e = i;
    bool digits = true;
    while (e < n && classify(t[e]) == CharClass::alnum) digits = digits && t[e] >= U'0' && t[e] <= U'9', ++e;
    if (!digits && e - i >= 2 && !weightless[i]) {
      uint64_t h = std::hash<std::u32string_view>{}(std::u32string_view(t).substr(i, e - i));
      uint64_t k = (uint64_t{1} << 63) | (h & ((uint64_t{1} << 62) - 1));
      (p.part[i] == Part::title ? p.title : p.part[i] == Part::asks ? p.asks : p.situation)[k] += 1;
      p.all[k] += p.part[i] == Part::title ? 2 : 1;
    }
    i = e;
  }
  for (auto* v : {&p.title, &p.situation, &p.asks, &p.all, &masked_title, &masked_situation, &masked_asks, &masked_all})
    weigh(stats, *v);
  auto full_norm = [](const Profile::Vector& kept, const Profile::Vector& masked) {
    double k = norm_of(kept), m = norm_of(masked);
    return std::sqrt(k * k + m * m);
  };
  p.has_asks = p.has_asks && !p.asks.empty();
  p.title_norm = full_norm(p.title, masked_title);
  p.situation_norm = full_norm(p.situation, masked_situation);
  p.asks_norm = full_norm(p.asks, masked_asks);
  p.all_norm = full_norm(p.all, masked_all);
  return p;
}

PairEvidence compare(const Profile& a, const Profile& b) {
  PairEvidence e;
  e.title = cosine(a.title, a.title_norm, b.title, b.title_norm);
  e.situation = cosine(a.situation, a.situation_norm, b.situation, b.situation_norm);
  e.overall = cosine(a.all, a.all_norm, b.all, b.all_norm);
  if (a.has_asks && b.has_asks) {
    e.asks = cosine(a.asks, a.asks_norm, b.asks, b.asks_norm);
  } else {
    // Without an asks part on one side, what it asks is somewhere in its body: compare that
    // side's body with the other's asks (or body).
    const auto& va = a.has_asks ? a.asks : a.situation;
    const auto& vb = b.has_asks ? b.asks : b.situation;
    e.asks = cosine(va, a.has_asks ? a.asks_norm : a.situation_norm, vb, b.has_asks ? b.asks_norm : b.situation_norm);
  }
  // Weights chosen on the labelled set: the titles' cores add nothing there (a second proposer
  // words the title differently as often as not), the asks a little beside the whole.
  e.score = (0.2 * e.asks + e.overall) / 1.2;
  if (e.overall >= 0.8) e.score = std::max(e.score, e.overall);  // the same text, whatever its parts
  e.tier = e.score >= kDuplicateThreshold   ? Tier::duplicate
           : e.overall >= kRelatedThreshold ? Tier::related
                                            : Tier::none;
  return e;
}

std::vector<std::string> shared_phrases(const SimilarIndex::Stats& stats, const Profile& a, const Profile& b,
                                        size_t max) {
  std::unordered_set<uint64_t> theirs;
  for (size_t i = 0; i + 1 < b.text.size(); ++i)
    if (b.kept[i]) theirs.insert(bigram_key(b.text, i));
  const auto& t = a.text;
  const size_t n = t.size();
  std::vector<bool> marked(n, false);
  for (size_t i = 0; i + 1 < n; ++i) marked[i] = a.kept[i] && theirs.count(bigram_key(t, i)) > 0;
  // Positions that may join a phrase: not the title's frame.
  auto p_kept_part = [&](size_t i) { return a.part[i] != Part::frame; };
  struct Candidate {
    double weight;
    std::u32string text;
  };
  std::vector<Candidate> found;
  auto held = [&](size_t s, size_t e) { return b.text.find(t.substr(s, e - s)) != std::u32string::npos; };
  auto consider = [&](size_t s, size_t e) {  // characters [s, e) of a, held by b as they stand
    // A character or two more on either side when b holds them too (a bigram left out as common
    // may still complete a word: 过期药品, 电梯应急处置).
    for (int k = 0; k < 2 && s > 0 && han(t[s - 1]) && p_kept_part(s - 1) && held(s - 1, e); ++k) --s;
    for (int k = 0; k < 2 && e < n && han(t[e]) && p_kept_part(e) && held(s, e + 1); ++k) ++e;
    while (s < e && function_char(t[s])) ++s;
    while (e > s && function_char(t[e - 1])) --e;
    if (e - s < 2) return;
    double w = 0, top = 0;
    for (size_t i = s; i + 1 < e; ++i) {
      double x = stats.idf(bigram_key(t, i));
      w += x;
      top = std::max(top, x);
    }
    if (e - s == 2 && top < 4.5) return;  // a two-character phrase only when it is rare
    if (a.part[s] == Part::title || a.part[s] == Part::asks) w *= 1.5;
    found.push_back({w, t.substr(s, e - s)});
  };
  for (size_t i = 0; i < n;) {
    if (!marked[i]) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && marked[j]) ++j;
    size_t end = j + 1;  // the run's characters are [i, end)
    // Split the run into pieces that b holds contiguously.
    // Grown where b holds the piece so far, looked for again only where b's next character
    // differs; a piece stops at kMaxPhrase characters (a longer one is a shared sentence).
    constexpr size_t kMaxPhrase = 24;
    for (size_t s = i; s + 1 < end;) {
      size_t pos = b.text.find(t.substr(s, 2));
      size_t e = s + 2;
      while (pos != std::u32string::npos && e < end && e - s < kMaxPhrase) {
        if (pos + (e - s) < b.text.size() && b.text[pos + (e - s)] == t[e]) {
          ++e;
          continue;
        }
        size_t again = b.text.find(t.substr(s, e + 1 - s));
        if (again == std::u32string::npos) break;
        pos = again;
        ++e;
      }
      if (pos != std::u32string::npos) consider(s, e);
      s = e - 1;
      if (e == end) break;
    }
    i = j;
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.weight > y.weight; });
  std::vector<std::u32string> chosen;
  for (const auto& c : found) {
    bool inside = std::any_of(chosen.begin(), chosen.end(), [&](const std::u32string& o) {
      return o.find(c.text) != std::u32string::npos || c.text.find(o) != std::u32string::npos;
    });
    if (!inside) chosen.push_back(c.text);
    if (chosen.size() >= max) break;
  }
  std::vector<std::string> out;
  out.reserve(chosen.size());
  for (const auto& c : chosen) out.push_back(encode_utf8(c));
  return out;
}

}  // namespace sl::search
