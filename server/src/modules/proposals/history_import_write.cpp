// Writing a checked historical import: the categories and units staff chose to create, the terms
// and sessions it needs, the import batch, and
// each row as a closed proposal with its assignments, released reply, feedback and history row,
// written by the writer of finished proposals (record_writer.hpp); then the number counters and
// the audit record. Its rows have been checked by analyse() (history_import_rows.cpp).

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/app.hpp"
#include "core/audit/audit.hpp"
#include "modules/proposals/commands.hpp"
#include "modules/proposals/history_import_internal.hpp"
#include "modules/proposals/record_writer.hpp"
#include "modules/proposals/settings.hpp"

namespace sl::proposals::history {

namespace {

/// The disabled account that proposes imported proposals (no password: nobody logs in as it).
int64_t system_user(db::Connection& c, int64_t committee_id) {
  std::string username = "history-import-" + std::to_string(committee_id);
  auto r = c.exec("SELECT id FROM users WHERE username = $1", {username});
  if (!r.empty()) return r.one().integer(0);
  return c
      .exec(
          "INSERT INTO users (username, name, password_hash, status) VALUES ($1, '历史导入', '', 'disabled') "
          "RETURNING id",
          {username})
      .one()
      .integer(0);
}

}  // namespace

/// Writes every row of `a` (which has no errors) on `c`; returns the new proposal ids.
std::vector<int64_t> write_rows(db::Connection& c, const http::Request& req, Analysis& a, const std::string& filename,
                                int64_t& import_id) {
  const auto& user = req.user();
  int64_t cid = user.committee_id;
  int64_t system = system_user(c, cid);
  import_id = c.exec(
                   "INSERT INTO proposal_imports (committee_id, user_id, filename, row_count) VALUES ($1, $2, $3, "
                   "$4) RETURNING id",
                   {cid, user.user_id, filename, static_cast<int64_t>(a.rows.size())})
                  .one()
                  .integer(0);

  // Categories and units staff chose to create.
  for (const auto& name : a.create_categories) add_category(c, cid, name);
  std::map<std::string, int64_t> created_units;
  for (const auto& name : a.create_units)
    created_units[name] =
        c.exec("INSERT INTO units (committee_id, name) VALUES ($1, $2) RETURNING id", {cid, name}).one().integer(0);

  // Terms and sessions that do not exist yet.
  std::map<int, int64_t> term_ids;
  for (const auto& r : c.exec("SELECT id, number FROM terms WHERE committee_id = $1", {cid}).rows)
    term_ids[static_cast<int>(r.integer(1))] = r.integer(0);
  for (auto& [key, need] : a.sessions) {
    if (need.id) continue;
    auto [term_no, session_no] = key;
    if (!term_ids.count(term_no)) {
      int start = need.year - session_no + 1;
      term_ids[term_no] = c.exec(
                               "INSERT INTO terms (committee_id, number, name, start_date, end_date) VALUES ($1, $2, "
                               "$3, $4, $5) RETURNING id",
                               {cid, int64_t{term_no}, "第" + chinese_number(term_no) + "届",
                                fmt::format("{:04d}-01-01", start), fmt::format("{:04d}-12-31", start + 4)})
                              .one()
                              .integer(0);
    }
    need.id = c.exec(
                   "INSERT INTO sessions (committee_id, term_id, number, name, start_date, end_date, is_current) "
                   "VALUES ($1, $2, $3, $4, $5, $5, 0) RETURNING id",
                   {cid, term_ids[term_no], int64_t{session_no}, session_label(term_no, session_no), need.start_date})
                  .one()
                  .integer(0);
  }

  std::vector<int64_t> ids;
  std::map<int64_t, int64_t> highest;  // session id → highest imported number
  std::string now = db::now_iso();
  for (const auto& r : a.rows) {
    const auto& need = a.sessions.at(r.session);
    int64_t session_id = *need.id;
    std::string day = r.date.empty() ? need.start_date : r.date;
    std::string at = day + "T00:00:00Z";
    ProposalRecord p;
    p.committee_id = cid;
    p.session_id = session_id;
    p.number = r.number;
    p.number_label = proposals::number_label(r.session.first, r.session.second, r.number);
    p.kind = r.kind;
    p.title = r.title;
    p.situation = r.situation;
    p.suggestions = r.suggestions;
    p.category = r.category;
    p.proposer_user_id = system;
    p.proposer_name = r.proposer_name;
    if (r.group) {
      p.group_type = r.group->type;
      p.group_id = r.group->id;
    }
    p.state = state_name(State::closed);
    if (!r.units.empty()) p.handling_type = r.handling_type;
    if (!r.result.empty()) p.result_category = r.result;
    if (!r.satisfaction.empty()) p.satisfaction = r.satisfaction;
    p.submitted_at = p.filed_at = p.assigned_at = p.replied_at = p.closed_at = at;
    p.imported = true;
    p.import_id = import_id;
    p.created_at = p.updated_at = now;
    std::vector<int64_t> unit_ids;
    for (const auto& u : r.units) {
      unit_ids.push_back(u.id ? u.id : created_units.at(u.name));
      p.assignments.push_back(
          {.unit_id = unit_ids.back(), .role = u.role, .state = "replied", .signed_at = at, .created_at = at});
    }
    if (!unit_ids.empty() && (!r.reply.empty() || !r.result.empty()))
      p.replies.push_back({.unit_id = unit_ids.front(),
                           .body = r.reply,
                           .result_category = r.result,
                           .state = "released",
                           .created_by = system,
                           .approved_by = system,
                           .created_at = at,
                           .released_at = at});
    if (!r.satisfaction.empty())
      p.feedback.push_back({.user_id = system, .rating = r.satisfaction, .comment = "历史导入", .created_at = at});
    p.history.push_back({.at = now,
                         .actor_user_id = user.user_id,
                         .actor_name = user.name,
                         .role = user.primary_role(),
                         .action = "import",
                         .from_state = p.state,
                         .to_state = p.state,
                         .payload = {{"import_id", import_id}, {"row", r.row}, {"file", filename}}});
    int64_t id = write_record(c, p);
    highest[session_id] = std::max(highest[session_id], r.number);
    ids.push_back(id);
  }
  // Numbers given later by 立案 in these sessions continue after the imported ones.
  for (const auto& [session_id, n] : highest) raise_number_counter(c, session_id, n);

  auto e = audit::entry_for(req, "proposal.import", "proposal_import", std::to_string(import_id));
  e.after = {{"file", filename},
             {"imported", ids.size()},
             {"new_terms", a.new_terms},
             {"new_sessions", a.new_sessions},
             {"new_categories", a.create_categories},
             {"new_units", a.create_units}};
  audit::record(c, e);
  return ids;
}

}  // namespace sl::proposals::history
