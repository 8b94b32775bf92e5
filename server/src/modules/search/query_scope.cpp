#include "modules/search/query_scope.hpp"

#include <algorithm>
#include <limits>

#include "core/api/resource.hpp"
#include "core/api/validation.hpp"
#include "core/utf8.hpp"
#include "modules/proposals/access.hpp"
#include "modules/search/indexer.hpp"
#include "modules/search/queries.hpp"
#include "modules/search/replica.hpp"

namespace sl::search {

namespace {

constexpr size_t kMaxQueryChars = 100;

/// A term's full-text expression: an FTS5 MATCH expression, or a PostgreSQL tsquery. A term that
/// ends in a Latin word or a number is spelled out as the exact words it may end in (search_words):
/// given the prefix itself, FTS5 would first merge the whole doclist of every such word (250 ms for
/// "PM2.5" at a million proposals) and GIN would first collect every row of every such word (944 ms
/// for "12345"), where exact words are read lazily, newest first (FTS5), or skipped through (GIN).
/// When the words are more than kMaxPrefixWords, the phrase of the term's other tokens finds the
/// candidates and the normalised text confirms the term (on FTS5, only the candidates without its
/// exact form); an exclusion, or a term of one token, then keeps the engine's own prefix query.
constexpr size_t kMaxPrefixWords = 64;

/// The phrase builders of one engine's query syntax.
struct PhraseSyntax {
  std::string (*phrase)(const QueryTerm&);
  std::string (*with_last)(const QueryTerm&, const std::string&);
  std::string (*head)(const QueryTerm&);
  const char* or_op;
};
constexpr PhraseSyntax kFts5{fts5_phrase, fts5_phrase_with_last, fts5_phrase_head, " OR "};
constexpr PhraseSyntax kTsquery{tsquery_phrase, tsquery_phrase_with_last, tsquery_phrase_head, " | "};

/// The condition that a document's normalised text contains (or, when `exclude`, lacks) `needle`:
/// the norm column of the database's search_docs, or on the replica (replica.hpp) the function that
/// normalises the document's title and body again.
std::string text_condition(SearchScope& s, bool on_replica, bool exclude, const std::string& needle) {
  if (on_replica) return (exclude ? "NOT " : "") + replica_text_contains(api::add_param(s.params, needle));
  return std::string("d.norm ") + (exclude ? "NOT LIKE " : "LIKE ") + api::add_param(s.params, "%" + needle + "%");
}

std::string match_term(db::Connection& c, db::Dialect engine, const QueryTerm& t, SearchScope& s) {
  const PhraseSyntax& syntax = engine == db::Dialect::postgres ? kTsquery : kFts5;
  if (!ascii_prefix(t)) return syntax.phrase(t);
  const std::string& prefix = t.tokens.back().text;
  auto words =
      c.exec(sql::kPrefixWords, {prefix, prefix + "\xF4\x8F\xBF\xBF", static_cast<int64_t>(kMaxPrefixWords + 1)});
  if (words.rows.size() <= kMaxPrefixWords) {
    std::vector<std::string> forms;
    for (const auto& r : words.rows) forms.push_back(syntax.with_last(t, r.text(0)));
    if (forms.empty()) return syntax.with_last(t, prefix);  // no indexed word: matches nothing
    return forms.size() == 1 ? forms[0] : "(" + join(forms, syntax.or_op) + ")";
  }
  std::string head = syntax.head(t);
  if (t.exclude || head.empty()) return syntax.phrase(t);
  std::string text = text_condition(s, engine != c.dialect(), false, collapse_separators(t.normalized));
  // FTS5: the term's likeliest form, its last word the prefix itself (PM2.5: "pm2 5"), joins the
  // expression as a second phrase, and a row that holds it needs no reading of its text (sl_hit).
  if (engine == db::Dialect::sqlite && words.rows.front().text(0) == prefix) {
    s.conds.push_back("(sl_hit(search_fts, " + std::to_string(s.fts_phrases + 1) + ") = 1 OR " + text + ")");
    return "(" + head + " OR " + syntax.with_last(t, prefix) + ")";
  }
  s.conds.push_back(text);
  return head;
}

}  // namespace

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

Query read_query(const http::Request& req) {
  std::string q = api::trim(req.query_param("q").value_or(""));
  if (q.empty()) throw ApiError::validation("q", "请输入要搜索的内容");
  if (api::utf8_length(q) > kMaxQueryChars)
    throw ApiError::validation("q", "搜索内容不能超过 " + std::to_string(kMaxQueryChars) + " 个字");
  auto query = parse_query(q);
  if (query.terms.empty()) throw ApiError::validation("q", "搜索内容中没有可查找的文字");
  if (!query.has_positive()) throw ApiError::validation("q", "请至少输入一个要查找的词（不能只有排除词）");
  return query;
}

SearchScope build_scope(db::Connection& c, db::Dialect engine, const Query& query, const http::Request& req,
                        bool is_public, int64_t short_scan_docs) {
  SearchScope s;
  bool pg = engine == db::Dialect::postgres;
  db::Connection* lists_from = engine == c.dialect() ? nullptr : &c;
  std::vector<std::string> pos, neg;
  for (const auto& t : query.terms) {
    if (t.is_short) {
      s.conds.push_back(text_condition(s, lists_from != nullptr, t.exclude, encode_utf8(t.normalized)));
      continue;
    }
    (t.exclude ? neg : pos).push_back(match_term(c, engine, t, s));
    if (!t.exclude) s.fts_phrases += static_cast<int>(std::count(pos.back().begin(), pos.back().end(), '"') / 2);
    if (pg && !t.exclude) s.title_terms.push_back(t.normalized);
  }
  if (!pos.empty() && pg) {
    std::string expr = join(pos, " & ");
    for (const auto& n : neg) expr += " & !" + n;
    std::string m = api::add_param(s.params, expr);
    s.tsquery_param = static_cast<int>(s.params.size()) - 1;
    s.from = "search_docs d";
    s.key = "d.fts_key";
    s.conds.insert(s.conds.begin(), "d.tsv @@ " + m + "::tsquery");
    // Relevance: 2 for each term in the title, checked on the title's text (title_terms). Asking
    // the tsvector again (or ts_rank(), which also weighs the body) would read each row's whole
    // tsvector once more, a TOASTed value of several kilobytes.
  } else if (!pos.empty()) {
    std::string expr = join(pos, " AND ");
    for (const auto& n : neg) expr += " NOT " + n;
    s.from = "search_fts JOIN search_docs d ON d.fts_key = search_fts.rowid";
    s.key = "search_fts.rowid";
    s.conds.insert(s.conds.begin(), "search_fts MATCH " + api::add_param(s.params, expr));
    s.rank = "sl_rank(search_fts)";
  } else {
    s.from = "search_docs d";
    s.key = "d.fts_key";
    for (const auto& n : neg)
      s.conds.push_back(pg ? "NOT (d.tsv @@ " + api::add_param(s.params, n) + "::tsquery)"
                           : "NOT EXISTS (SELECT 1 FROM search_fts WHERE search_fts MATCH " +
                                 api::add_param(s.params, n) + " AND search_fts.rowid = d.fts_key)");
  }
  std::optional<int64_t> committee;
  if (is_public) {
    s.conds.push_back("d.published = 1");
    committee = api::query_int(req, "committee_id");
  } else {
    const auto& user = req.user();
    committee = user.committee_id;
    s.conds.push_back("((" + proposals::visibility_condition(user, s.params, "d", "proposal_id", lists_from) +
                      ") OR d.published = 1)");
  }
  auto [lo, hi] =
      committee ? committee_key_range(*committee) : std::pair<int64_t, int64_t>{0, std::numeric_limits<int64_t>::max()};
  s.conds.push_back(s.key + " BETWEEN " + api::add_param(s.params, lo) + " AND " + api::add_param(s.params, hi));
  if (committee && s.tsquery_param >= 0) {
    auto newest = c.exec(sql::kNewestKey, {lo, hi});
    if (!newest.empty() && !newest.one().is_null(0)) s.newest_period = key_period(newest.one().integer(0));
    s.key_lo = lo;
    s.key_hi = hi;
  }
  // A one-character term is answered by scanning the normalised text, newest first; the scan stops
  // after `short_scan_docs` documents of the range, so that a rare character does not read the whole
  // corpus (at a million proposals: 81 s from a cold cache).
  if (std::any_of(query.terms.begin(), query.terms.end(), [](const auto& t) { return t.is_short; })) {
    auto oldest = c.exec(sql::kNthNewestKey, {lo, hi, short_scan_docs - 1});
    if (!oldest.empty()) {
      s.conds.push_back(s.key + " >= " + api::add_param(s.params, oldest.one().integer(0)));
      s.scanned_docs = short_scan_docs;
    }
  }
  if (auto u = api::query_int(req, "unit"))
    s.conds.push_back(proposals::in_subquery(
        "d.proposal_id", "SELECT proposal_id FROM proposal_assignments WHERE unit_id = " + std::to_string(*u),
        lists_from));
  return s;
}

std::vector<std::string> facet_filters(const http::Request& req, std::vector<db::Value>& params) {
  std::vector<std::string> out;
  if (auto t = req.query_param("type"); t && !t->empty()) {
    if (*t != "proposal" && *t != "reply") throw ApiError::validation("type", "类型应为 proposal 或 reply");
    out.push_back("d.doc_type = " + api::add_param(params, *t));
  }
  if (auto v = api::query_int(req, "session")) out.push_back("d.session_id = " + api::add_param(params, *v));
  if (auto v = req.query_param("category"); v && !v->empty())
    out.push_back("d.category = " + api::add_param(params, *v));
  if (auto v = req.query_param("state"); v && !v->empty()) out.push_back("d.state = " + api::add_param(params, *v));
  return out;
}

}  // namespace sl::search
