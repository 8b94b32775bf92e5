#include "modules/search/indexer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "core/api/resource.hpp"
#include "core/clock.hpp"
#include "core/search/tokenizer.hpp"
#include "modules/search/queries.hpp"

namespace sl::search {

namespace {

struct Doc {
  const db::Row* proposal = nullptr;
  std::string type;
  int64_t ref_id = 0;
  std::string title, body, sort_at;
};

// The words that start with an ASCII letter or digit go into search_words, where a prefix query
// looks up the words it may stand for (FTS5 would merge, and GIN collect, the rows of every one of
// them first); a word stays there when its documents go.
void collect_words(const std::vector<Token>& tokens, std::set<std::string>& words) {
  for (const auto& t : tokens)
    if (starts_ascii(t.text)) words.insert(t.text);
}

void save_words(db::Connection& c, const std::set<std::string>& words) {
  std::vector<std::string> list(words.begin(), words.end());
  for (size_t i = 0; i < list.size(); i += 200) {
    std::vector<db::Value> params;
    std::string values;
    for (size_t k = i; k < std::min(list.size(), i + 200); ++k)
      values += std::string(values.empty() ? "(" : ", (") + api::add_param(params, list[k]) + ")";
    c.exec("INSERT INTO search_words (word) VALUES " + values + " ON CONFLICT DO NOTHING", params);
  }
}

}  // namespace

void fts_write(db::Connection& c, bool remove, const std::vector<std::tuple<int64_t, std::string, std::string>>& rows,
               std::set<std::string>& words) {
  const size_t chunk = 100;
  for (size_t i = 0; i < rows.size(); i += chunk) {
    std::vector<db::Value> params;
    std::string values;
    for (size_t k = i; k < std::min(rows.size(), i + chunk); ++k) {
      const auto& [key, title, body] = rows[k];
      auto title_tokens = tokenize(title), body_tokens = tokenize(body);
      if (!remove) {
        collect_words(title_tokens, words);
        collect_words(body_tokens, words);
      }
      values += std::string(values.empty() ? "" : ", ") + "(" + (remove ? "'delete', " : "") +
                api::add_param(params, key) + ", " + api::add_param(params, fts_tokens(title_tokens)) + ", " +
                api::add_param(params, fts_tokens(body_tokens)) + ")";
    }
    c.exec(remove ? "INSERT INTO search_fts (search_fts, rowid, title, body) VALUES " + values
                  : "INSERT INTO search_fts (rowid, title, body) VALUES " + values,
           params);
  }
}

namespace {

constexpr const char* kColumns =
    "fts_key, committee_id, doc_type, ref_id, proposal_id, session_id, category, state, published, "
    "proposer_user_id, group_type, group_id, key_special_committee_id, sort_day, source_updated_at, title, body, norm";

/// The column values of a document, in kColumns order (and tsv on PostgreSQL, whose words are added
/// to `words`).
std::vector<db::Value> doc_values(db::Dialect dialect, const Doc& doc, int64_t key, std::set<std::string>& words) {
  const db::Row& p = *doc.proposal;
  std::u32string normalized = normalize(doc.title + "\n" + doc.body);
  auto opt_int = [&](const char* col) { return p.is_null(col) ? db::Value(nullptr) : db::Value(p.integer(col)); };
  std::vector<db::Value> v = {key,
                              p.integer("committee_id"),
                              doc.type,
                              doc.ref_id,
                              p.integer("id"),
                              opt_int("session_id"),
                              p.text("category"),
                              p.text("state"),
                              p.integer("published"),
                              p.integer("proposer_user_id"),
                              p.is_null("group_type") ? db::Value(nullptr) : db::Value(p.text("group_type")),
                              opt_int("group_id"),
                              opt_int("key_special_committee_id"),
                              day_number(doc.sort_at),
                              p.text("updated_at"),
                              doc.title,
                              doc.body,
                              collapse_separators(normalized)};
  if (dialect == db::Dialect::postgres) {
    // The title comes first, so its tokens are the first positions: they get weight A.
    auto title_tokens = tokenize(doc.title);
    auto tokens = tokenize_normalized(normalized);
    collect_words(tokens, words);
    v.emplace_back(tsvector_literal(tokens, title_tokens.empty() ? 0 : title_tokens.back().position) + " '" +
                   period_lexeme(key_period(key)) + "'");
  }
  return v;
}

/// Writes `docs`, replacing the documents they had, and removes `gone` (keys of `old` rows).
void write_docs(db::Connection& c, const std::vector<Doc>& docs,
                const std::map<std::pair<std::string, int64_t>, db::Row>& old) {
  bool pg = c.dialect() == db::Dialect::postgres;
  std::vector<std::tuple<int64_t, std::string, std::string>> fts_old, fts_new;
  std::set<std::pair<std::string, int64_t>> kept;
  std::vector<std::pair<const Doc*, int64_t>> inserts;
  std::set<std::string> words;
  for (const auto& doc : docs) {
    int64_t key =
        fts_key(doc.proposal->integer("committee_id"), day_number(doc.sort_at), doc.ref_id, doc.type == "reply");
    auto found = old.find({doc.type, doc.ref_id});
    kept.insert({doc.type, doc.ref_id});
    fts_new.emplace_back(key, doc.title, doc.body);
    if (found == old.end()) {
      inserts.emplace_back(&doc, key);
      continue;
    }
    fts_old.emplace_back(found->second.integer("fts_key"), found->second.text("title"), found->second.text("body"));
    auto v = doc_values(c.dialect(), doc, key, words);
    // $3 and $4 (doc_type, ref_id) identify the row.
    c.exec(std::string("UPDATE search_docs SET fts_key = $1, committee_id = $2, proposal_id = $5, session_id = $6, "
                       "category = $7, state = $8, published = $9, proposer_user_id = $10, group_type = $11, "
                       "group_id = $12, key_special_committee_id = $13, sort_day = $14, source_updated_at = $15, "
                       "title = $16, body = $17, norm = $18") +
               (pg ? ", tsv = $19::tsvector" : "") + " WHERE doc_type = $3 AND ref_id = $4",
           v);
  }
  std::vector<int64_t> gone;
  for (const auto& [k, row] : old)
    if (!kept.count(k)) {
      gone.push_back(row.integer("id"));
      fts_old.emplace_back(row.integer("fts_key"), row.text("title"), row.text("body"));
    }
  if (!pg) fts_write(c, true, fts_old, words);
  if (!gone.empty()) c.exec("DELETE FROM search_docs WHERE id IN (" + ids_list(gone) + ")");
  const size_t chunk = 50;
  for (size_t i = 0; i < inserts.size(); i += chunk) {
    std::vector<db::Value> params;
    std::string values;
    for (size_t k = i; k < std::min(inserts.size(), i + chunk); ++k) {
      std::string row;
      auto vals = doc_values(c.dialect(), *inserts[k].first, inserts[k].second, words);
      for (size_t j = 0; j < vals.size(); ++j)  // the 19th value is PostgreSQL's tsvector
        row += (row.empty() ? "" : ", ") + api::add_param(params, std::move(vals[j])) + (j == 18 ? "::tsvector" : "");
      values += (values.empty() ? "(" : ", (") + row + ")";
    }
    c.exec(std::string("INSERT INTO search_docs (") + kColumns + (pg ? ", tsv" : "") + ") VALUES " + values, params);
  }
  if (!pg) fts_write(c, false, fts_new, words);
  save_words(c, words);
  if (pg) {
    // Every key written or removed, for the nodes' full-text replicas (replica.hpp).
    std::set<int64_t> changed;
    for (const auto& rows : {std::cref(fts_old), std::cref(fts_new)})
      for (const auto& row : rows.get()) changed.insert(std::get<0>(row));
    std::vector<int64_t> keys(changed.begin(), changed.end());
    for (size_t i = 0; i < keys.size(); i += 500) {
      std::string values;
      for (size_t k = i; k < std::min(keys.size(), i + 500); ++k)
        values += (values.empty() ? "(" : ", (") + std::to_string(keys[k]) + ")";
      c.exec("INSERT INTO search_changes (fts_key) VALUES " + values);
    }
  }
}

std::string join_nonempty(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& s : parts)
    if (!s.empty()) out += (out.empty() ? "" : "\n") + s;
  return out;
}

}  // namespace

std::string ids_list(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out.empty() ? "0" : out;
}

int64_t large_fts_segments(db::Connection& c) {
  if (c.dialect() != db::Dialect::sqlite) return 0;
  auto r = c.exec(sql::kLargeFtsSegments);
  return r.empty() ? 0 : r.one().integer(0);
}

void compact_fts_if_fragmented(db::Database& db, const char* label, const std::atomic<bool>* stop) {
  int64_t large = 0;
  {
    auto c = db.acquire();
    large = large_fts_segments(*c);
  }
  if (large <= kMaxLargeSegments) return;
  auto t0 = std::chrono::steady_clock::now();
  int64_t steps = compact_fts(db, stop);
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
  spdlog::info("{}: {} large segments merged into one in {} steps, {} ms", label, large, steps, took.count());
}

int64_t compact_fts(db::Database& db, const std::atomic<bool>* stop) {
  if (db.dialect() != db::Dialect::sqlite) return 0;
  // 'merge' with a negative page count first gathers every segment into one level, so that the
  // merges that follow (a positive count continues a merge already started) end in one segment.
  // A merge that did any work changes at least two rows of the shadow tables.
  const int64_t pages = 2000;
  int64_t steps = 0;
  while (!(stop && *stop)) {
    bool worked = false;
    db.transaction([&](db::Connection& c) {
      int64_t before = c.exec(sql::kTotalChanges).one().integer(0);
      c.exec(sql::kFtsMerge, {steps == 0 ? -pages : pages});
      worked = c.exec(sql::kTotalChanges).one().integer(0) - before >= 2;
    });
    if (!worked) break;
    ++steps;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // let waiting writers in
  }
  return steps;
}

int64_t fts_key(int64_t committee_id, int64_t sort_day, int64_t ref_id, bool reply) {
  if (committee_id < 0 || committee_id >= (int64_t{1} << 13) || ref_id < 0 || ref_id >= (int64_t{1} << 32))
    throw std::out_of_range("search key out of range (committee " + std::to_string(committee_id) + ", record " +
                            std::to_string(ref_id) + ")");
  int64_t day = std::clamp<int64_t>(sort_day, 0, (int64_t{1} << 16) - 1);
  return committee_id << 49 | day << 33 | ref_id << 1 | (reply ? 1 : 0);
}

int64_t key_day(int64_t key) {
  return (key >> 33) & 0xFFFF;
}

int64_t key_period(int64_t key) {
  return key_day(key) / kPeriodDays;
}

std::string period_lexeme(int64_t period) {
  return "~p" + std::to_string(period);
}

std::string tsquery_periods(int64_t newest, int span) {
  std::string out;
  for (int64_t p = newest; p > newest - span && p >= 0; --p)
    out += (out.empty() ? "'" : " | '") + period_lexeme(p) + "'";
  return "(" + out + ")";
}

std::pair<int64_t, int64_t> committee_key_range(int64_t committee_id) {
  return {committee_id << 49, ((committee_id + 1) << 49) - 1};
}

int64_t day_number(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return 0;
  return clock::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string day_iso(int64_t day) {
  return clock::civil_from_days(day);
}

void reindex_proposals(db::Connection& c, const std::vector<int64_t>& ids) {
  if (ids.empty()) return;
  std::string in = ids_list(ids);
  auto proposals = c.exec("SELECT * FROM proposals WHERE id IN (" + in + ")");
  auto replies = c.exec(
      "SELECT r.id, r.proposal_id, r.body, r.released_at, u.name FROM proposal_replies r JOIN units u ON u.id = "
      "r.unit_id WHERE r.proposal_id IN (" +
      in + ") AND r.state = 'released' ORDER BY r.id");
  std::map<std::pair<std::string, int64_t>, db::Row> old;
  for (auto& r :
       c.exec("SELECT id, doc_type, ref_id, fts_key, title, body FROM search_docs WHERE proposal_id IN (" + in + ")")
           .rows)
    old.emplace(std::pair<std::string, int64_t>{r.text("doc_type"), r.integer("ref_id")}, std::move(r));
  std::map<int64_t, const db::Row*> by_id;
  std::vector<Doc> docs;
  for (const auto& p : proposals.rows) {
    by_id[p.integer("id")] = &p;
    docs.push_back({&p, "proposal", p.integer("id"), p.text("title"),
                    join_nonempty({p.text("situation"), p.text("analysis"), p.text("suggestions"), p.text("keywords"),
                                   p.text("proposer_name"), p.opt_text("number_label").value_or("")}),
                    p.opt_text("submitted_at").value_or(p.text("created_at"))});
  }
  for (const auto& x : replies.rows) {
    auto p = by_id.find(x.integer("proposal_id"));
    if (p == by_id.end()) continue;
    const db::Row& pr = *p->second;
    docs.push_back({&pr, "reply", x.integer("id"), pr.text("title"), x.text("name") + "\n" + x.text("body"),
                    x.opt_text("released_at").value_or(pr.opt_text("submitted_at").value_or(pr.text("created_at")))});
  }
  write_docs(c, docs, old);
}

void reindex_proposal(db::Connection& c, int64_t id) {
  reindex_proposals(c, {id});
}

int64_t catch_up(db::Database& db, const std::atomic<bool>* stop, bool full) {
  std::vector<int64_t> ids;
  std::string from, next;
  {
    auto c = db.acquire();
    if (!full) {
      auto r = c->exec(sql::kCatchUpFrom);
      if (!r.empty()) from = r.one().text(0);
    }
    auto m = c->exec(sql::kLastProposalChange);
    if (!m.empty() && !m.one().is_null(0)) next = m.one().text(0);
    // Changed since the last completed catch-up (an index range), or every proposal.
    std::string changed = from.empty() ? "" : " AND p.updated_at >= $1";
    std::vector<db::Value> params;
    if (!from.empty()) params.emplace_back(from);
    for (const auto& row : c->exec("SELECT p.id FROM proposals p LEFT JOIN search_docs d ON d.doc_type = 'proposal' "
                                   "AND d.ref_id = p.id WHERE (d.id IS NULL OR d.source_updated_at IS NULL OR "
                                   "d.source_updated_at <> p.updated_at)" +
                                       changed,
                                   params)
                               .rows)
      ids.push_back(row.integer(0));
    std::sort(ids.begin(), ids.end());  // no ORDER BY: it would turn the index range into a table scan
  }
  int64_t done = 0;
  const size_t batch = 2000;
  for (size_t i = 0; i < ids.size(); i += batch) {
    if (stop && *stop) break;
    std::vector<int64_t> part(ids.begin() + static_cast<std::ptrdiff_t>(i),
                              ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), i + batch)));
    db.transaction([&](db::Connection& c) {
      for (size_t k = 0; k < part.size(); k += 200)
        reindex_proposals(
            c, std::vector<int64_t>(part.begin() + static_cast<std::ptrdiff_t>(k),
                                    part.begin() + static_cast<std::ptrdiff_t>(std::min(part.size(), k + 200))));
    });
    done += static_cast<int64_t>(std::min(ids.size(), i + batch) - i);
  }
  if (!(stop && *stop) && !next.empty()) {
    // Next time, start a few minutes before the newest change seen now: other nodes' clocks may lag.
    std::string mark = next.size() >= 19 ? next : next + "T00:00:00";
    int64_t secs = 0;
    {
      std::tm tm{};
      if (strptime(mark.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm) ||
          strptime(mark.substr(0, 19).c_str(), "%Y-%m-%d %H:%M:%S", &tm))
        secs = timegm(&tm) - 600;
    }
    if (secs > 0) {
      std::time_t t = static_cast<std::time_t>(secs);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[32];
      std::strftime(buf, sizeof buf, mark[10] == 'T' ? "%Y-%m-%dT%H:%M:%S" : "%Y-%m-%d %H:%M:%S", &tm);
      auto c = db.acquire();
      c->exec(sql::kSaveCatchUpFrom, {std::string(buf) + mark.substr(19)});
    }
  }
  return done;
}

}  // namespace sl::search
