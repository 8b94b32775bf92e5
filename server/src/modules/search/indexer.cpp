#include "modules/search/indexer.hpp"

#include <spdlog/spdlog.h>

#include "core/search/tokenizer.hpp"

namespace sl::search {

namespace {

void upsert(db::Connection& c, int64_t committee_id, const std::string& type, int64_t ref_id, int64_t proposal_id,
            const db::Row& p, int64_t published, const std::string& title, const std::string& body,
            const std::string& sort_at) {
  std::string all = title + "\n" + body;
  std::u32string normalized = normalize(all);
  auto tokens = tokenize_normalized(normalized);
  std::vector<db::Value> params = {committee_id,
                                   type,
                                   ref_id,
                                   proposal_id,
                                   p.integer("session_id"),
                                   p.text("category"),
                                   p.text("state"),
                                   published,
                                   title,
                                   body,
                                   collapse_separators(normalized),
                                   fts_tokens(tokens),
                                   day_number(sort_at),
                                   p.text("updated_at")};
  bool pg = c.dialect() == db::Dialect::postgres;
  if (pg) params.emplace_back(tsvector_literal(tokens));
  c.exec(std::string("INSERT INTO search_docs (committee_id, doc_type, ref_id, proposal_id, session_id, category, "
                     "state, published, title, body, norm, tokens, sort_day, source_updated_at") +
             (pg ? ", tsv" : "") + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14" +
             (pg ? ", $15::tsvector" : "") +
             ") ON CONFLICT (doc_type, ref_id) DO UPDATE SET committee_id = excluded.committee_id, proposal_id = "
             "excluded.proposal_id, session_id = excluded.session_id, category = excluded.category, state = "
             "excluded.state, published = excluded.published, title = excluded.title, body = excluded.body, norm = "
             "excluded.norm, tokens = excluded.tokens, sort_day = excluded.sort_day, source_updated_at = "
             "excluded.source_updated_at" +
             (pg ? ", tsv = excluded.tsv" : ""),
         params);
}

std::string join_nonempty(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& s : parts)
    if (!s.empty()) out += (out.empty() ? "" : "\n") + s;
  return out;
}

}  // namespace

int64_t day_number(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return 0;
  // Days from civil (Howard Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return int64_t{era} * 146097 + static_cast<int64_t>(doe) - 719468;
}

void reindex_proposal(db::Connection& c, int64_t id) {
  auto r = c.exec("SELECT * FROM proposals WHERE id = $1", {id});
  if (r.empty()) {
    c.exec("DELETE FROM search_docs WHERE proposal_id = $1", {id});
    return;
  }
  const auto& p = r.one();
  int64_t committee = p.integer("committee_id");
  int64_t published = p.integer("published");
  std::string sort_at = p.opt_text("submitted_at").value_or(p.text("created_at"));
  upsert(c, committee, "proposal", id, id, p, published, p.text("title"),
         join_nonempty({p.text("situation"), p.text("analysis"), p.text("suggestions"), p.text("keywords"),
                        p.text("proposer_name"), p.opt_text("number_label").value_or("")}),
         sort_at);
  auto replies = c.exec(
      "SELECT r.id, r.body, r.released_at, u.name FROM proposal_replies r JOIN units u ON u.id = r.unit_id WHERE "
      "r.proposal_id = $1 AND r.state = 'released'",
      {id});
  std::string keep;
  for (const auto& x : replies.rows) {
    upsert(c, committee, "reply", x.integer(0), id, p, published, p.text("title"), x.text(3) + "\n" + x.text(1),
           x.opt_text("released_at").value_or(sort_at));
    keep += (keep.empty() ? "" : ", ") + std::to_string(x.integer(0));
  }
  c.exec("DELETE FROM search_docs WHERE doc_type = 'reply' AND proposal_id = $1" +
             (keep.empty() ? std::string() : " AND ref_id NOT IN (" + keep + ")"),
         {id});
}

int64_t catch_up(db::Database& db, const std::atomic<bool>* stop) {
  std::vector<int64_t> ids;
  {
    auto c = db.acquire();
    for (const auto& row : c->exec("SELECT p.id FROM proposals p LEFT JOIN search_docs d ON d.doc_type = 'proposal' "
                                   "AND d.ref_id = p.id WHERE d.id IS NULL OR d.source_updated_at IS NULL OR "
                                   "d.source_updated_at <> p.updated_at ORDER BY p.id")
                               .rows)
      ids.push_back(row.integer(0));
  }
  int64_t done = 0;
  const size_t batch = 500;
  for (size_t i = 0; i < ids.size(); i += batch) {
    if (stop && *stop) break;
    db.transaction([&](db::Connection& c) {
      for (size_t k = i; k < std::min(ids.size(), i + batch); ++k) reindex_proposal(c, ids[k]);
    });
    done += static_cast<int64_t>(std::min(ids.size(), i + batch) - i);
  }
  return done;
}

}  // namespace sl::search
