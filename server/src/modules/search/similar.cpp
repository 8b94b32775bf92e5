// Similar proposals while writing (POST /proposals/similar): the in-memory index, or the full-text
// engine while the index is being built, with the matches the caller may be told about.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/api/validation.hpp"
#include "core/utf8.hpp"
#include "modules/proposals/access.hpp"
#include "modules/search/handlers.hpp"
#include "modules/search/indexer.hpp"
#include "modules/search/permissions.hpp"
#include "modules/search/queries.hpp"
#include "modules/search/query_scope.hpp"
#include "modules/search/similar_index.hpp"
#include "modules/search/similar_pair.hpp"

namespace sl::search {

std::string proposal_body(const db::Row& r) {
  std::string out;
  for (const char* f : {"situation", "analysis", "suggestions"}) {
    std::string v = r.text(f);
    if (!v.empty()) out += (out.empty() ? "" : "\n") + v;
  }
  return out;
}

size_t suggestions_offset(const db::Row& r) {
  std::string s = r.text("suggestions");
  if (s.empty()) return std::string::npos;
  return proposal_body(r).size() - s.size();
}

ProposalText load_text(db::Connection& c, int64_t committee_id, int64_t id) {
  auto r = c.exec(sql::kProposalText, {id, committee_id});
  if (r.empty()) throw ApiError::not_found("提案");
  const auto& row = r.one();
  return {id,
          row.text("title"),
          proposal_body(row),
          row.text("state"),
          row.integer("committee_id"),
          row.integer("session_id")};
}

void require_similar_ready() {
  if (!similar_index().ready()) throw ApiError(ErrorCode::unavailable, "相似提案索引正在建立，请稍后再试");
}

namespace {

/// Matches from the database while the in-memory index is still being built: the title's
/// bigrams, any of them, ranked by the full-text engine.
std::vector<SimilarHit> fallback_similar(db::Connection& c, int64_t committee_id, const std::string& title,
                                         const std::string& body, int64_t exclude_id, size_t k) {
  auto keys = term_keys(title.empty() ? body.substr(0, 300) : title);
  std::set<std::string> terms;
  for (uint64_t key : keys) {
    std::string t = term_text(key);
    if (!t.empty()) terms.insert(t);
    if (terms.size() >= 16) break;
  }
  if (terms.empty()) return {};
  bool pg = c.dialect() == db::Dialect::postgres;
  std::vector<std::string> parts;
  parts.reserve(terms.size());
  for (const auto& t : terms) parts.push_back(pg ? "'" + t + "'" : "\"" + t + "\"");
  auto [lo, hi] = committee_key_range(committee_id);
  // The newest matches of any of the title's bigrams, ranked by their hits (as full-text search does).
  std::vector<db::Value> params = {pg ? join(parts, " | ") : join(parts, " OR "), lo, hi, exclude_id, int64_t{300}};
  const char* statement = pg ? sql::kFallbackSimilarPg : sql::kFallbackSimilarFts;
  std::vector<SimilarHit> out;
  for (const auto& r : c.exec(statement, params).rows) out.push_back({r.integer(0), r.real(1)});
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  if (out.size() > k) out.resize(k);
  for (auto& h : out) h.score = 0;  // not a similarity: the caller shows these unscored
  return out;
}

/// The hits `user` may be told about, at most `limit`: proposal staff see every match (they
/// review for duplicates); anyone else only proposals they may see and published ones, so a
/// title, proposer or shared phrase of another's proposal never leaks through this list.
Json describe_hits(db::Connection& c, const Principal& user, const std::vector<SimilarHit>& hits,
                   const std::string& title, const std::string& body, bool scored, size_t limit, bool keep_untiered) {
  const bool full_list = sees_all_similar(user);
  std::vector<int64_t> ids;
  ids.reserve(hits.size());
  for (const auto& h : hits) ids.push_back(h.proposal_id);
  std::vector<db::Value> params;
  std::string vis = proposals::visibility_condition(user, params);
  std::map<int64_t, db::Row> rows;
  for (auto& r : c.exec("SELECT p.id, p.title, p.situation, p.analysis, p.suggestions, p.number_label, p.state, "
                        "p.result_category, p.proposer_name, p.published, p.session_id, s.name AS session_name, "
                        "CASE WHEN (" +
                            vis +
                            ") THEN 1 ELSE 0 END AS visible FROM proposals p LEFT JOIN sessions s ON s.id = "
                            "p.session_id WHERE p.id IN (" +
                            ids_list(ids) + ")",
                        params)
                     .rows)
    rows.emplace(r.integer("id"), r);
  std::map<int64_t, std::string> replies;
  for (const auto& r : c.exec("SELECT proposal_id, body FROM proposal_replies WHERE state = 'released' AND proposal_id "
                              "IN (" +
                              ids_list(ids) + ") ORDER BY id")
                           .rows)
    replies.emplace(r.integer(0), r.text(1));
  // Each candidate compared in detail: its tier, the evidence and the phrases that mean something.
  struct Scored {
    const SimilarHit* hit;
    PairEvidence evidence;
    std::vector<std::string> phrases;
    Profile theirs;
  };
  std::vector<Scored> scored_hits;
  if (scored) {
    auto stats = similar_index().stats();
    Profile mine = make_profile(stats, title, body);
    for (const auto& h : hits) {
      auto it = rows.find(h.proposal_id);
      if (it == rows.end()) continue;
      Profile theirs =
          make_profile(stats, it->second.text("title"), proposal_body(it->second), suggestions_offset(it->second));
      PairEvidence e = compare(mine, theirs);
      if (e.tier == Tier::none && !keep_untiered) continue;
      scored_hits.push_back({&h, e, {}, std::move(theirs)});
    }
    // Possible duplicates first, then related proposals, each by its own score.
    std::stable_sort(scored_hits.begin(), scored_hits.end(), [](const Scored& x, const Scored& y) {
      if (x.evidence.tier != y.evidence.tier) return x.evidence.tier > y.evidence.tier;
      double sx = x.evidence.tier == Tier::duplicate ? x.evidence.score : x.evidence.overall;
      double sy = y.evidence.tier == Tier::duplicate ? y.evidence.score : y.evidence.overall;
      return sx > sy;
    });
    // Shared phrases only for what may be shown (the slowest part of a comparison).
    size_t shown = 0;
    for (auto& sh : scored_hits) {
      const auto& r = rows.at(sh.hit->proposal_id);
      if (!full_list && r.integer("visible") == 0 && r.integer("published") == 0) continue;
      if (shown++ >= limit) break;
      sh.phrases = shared_phrases(stats, mine, sh.theirs, 6);
    }
  } else {
    for (const auto& h : hits) scored_hits.push_back({&h, {}, {}, {}});
  }
  auto round3 = [](double x) { return std::round(x * 1000) / 1000; };
  Json items = Json::array();
  for (const auto& sh : scored_hits) {
    const auto& h = *sh.hit;
    auto it = rows.find(h.proposal_id);
    if (it == rows.end()) continue;
    const auto& r = it->second;
    bool visible = r.integer("visible") != 0;
    bool open = visible || r.integer("published") != 0;
    if (!open && !full_list) continue;
    if (items.size() >= limit) break;
    Json item = {{"proposal_id", h.proposal_id},
                 {"title", r.text("title")},
                 {"number_label", r.is_null("number_label") ? Json(nullptr) : Json(r.text("number_label"))},
                 {"session_id", r.integer("session_id")},
                 {"session_name", r.text("session_name")},
                 {"state", r.text("state")},
                 {"result_category", r.is_null("result_category") ? Json(nullptr) : Json(r.text("result_category"))},
                 {"proposer_name", r.text("proposer_name")},
                 {"score", scored ? Json(round3(h.score)) : Json(nullptr)},
                 {"tier", scored ? Json(tier_name(sh.evidence.tier)) : Json(nullptr)},
                 {"evidence", scored ? Json{{"score", round3(sh.evidence.score)},
                                            {"title", round3(sh.evidence.title)},
                                            {"asks", round3(sh.evidence.asks)},
                                            {"situation", round3(sh.evidence.situation)},
                                            {"overall", round3(sh.evidence.overall)}}
                                     : Json(nullptr)},
                 {"shared_phrases", sh.phrases},
                 {"visible", visible},
                 {"published", r.integer("published") != 0}};
    if (open && replies.count(h.proposal_id)) {
      auto reply = decode_utf8(replies[h.proposal_id]);
      item["reply_excerpt"] = encode_utf8(reply.substr(0, 120)) + (reply.size() > 120 ? "…" : "");
    }
    items.push_back(item);
  }
  return items;
}

}  // namespace

Json similar_proposals(App& app, const http::Request& req) {
  const auto& user = req.user();
  api::Validator v(req.json());
  auto title = v.text("title", api::Presence::optional, 100, true);
  auto body = v.text("body", api::Presence::optional, 30000, true);
  auto exclude = v.id("exclude_id", api::Presence::optional, true);
  auto min_pct = v.integer("min_score_pct", api::Presence::optional, 0, 100);
  v.finish();
  std::string t = title.value_or(""), b = body.value_or("");
  if (api::utf8_length(t) + api::utf8_length(b) < 4)
    throw ApiError::validation("title", "请至少输入标题或正文中的几个字，再查找相似提案");
  // Candidates from the index from the configured bound or kCandidateFloor, whichever is lower;
  // the tiers (similar_pair.hpp) decide what is shown. Staff may look lower (weaker matches, for
  // review), and then see the candidates below the tiers too.
  double threshold = std::min(app.config.search.similar_threshold_pct / 100.0, kCandidateFloor);
  if (min_pct) {
    if (!may_lower_similar_threshold(user))
      throw ApiError::validation("min_score_pct", "只有提案工作人员可以调整相似度下限");
    threshold = *min_pct / 100.0;
  }
  auto& index = similar_index();
  auto c = app.db().acquire();
  bool ready = index.ready();
  // More candidates than shown: some may be hidden from the caller.
  constexpr size_t kShown = 10, kCandidates = 24;
  std::vector<SimilarHit> hits =
      ready ? index.query(t, b, {user.committee_id, exclude.value_or(0), std::nullopt, {}}, kCandidates, threshold)
            : fallback_similar(*c, user.committee_id, t, b, exclude.value_or(0), kCandidates);
  // Below the tiers only when staff lowered the bound (to review weaker matches).
  return {{"items", describe_hits(*c, user, hits, t, b, ready, kShown, min_pct.has_value())},
          {"threshold", threshold},
          {"tiers", {{"duplicate", kDuplicateThreshold}, {"related", kRelatedThreshold}}},
          {"ready", ready}};
}

}  // namespace sl::search
