#include "modules/meetings/store.hpp"

#include "core/api/resource.hpp"
#include "core/db/row_json.hpp"
#include "modules/meetings/queries.hpp"
#include "modules/meetings/sign_in_code.hpp"

namespace sl::meetings {

namespace {

std::string phase_of(const db::Row& m, int64_t now) {
  if (now < epoch_of(m.text("starts_at"))) return "upcoming";
  if (now <= epoch_of(m.text("ends_at"))) return "ongoing";
  return "past";
}

/// What every view of a meeting shows (the published calendar's fields).
Json summary(const db::Row& m, int64_t now) {
  return {{"id", m.integer("id")},
          {"kind", m.text("kind")},
          {"title", m.text("title")},
          {"place", m.text("place")},
          {"starts_at", m.text("starts_at")},
          {"ends_at", m.text("ends_at")},
          {"state", m.text("state")},
          {"phase", phase_of(m, now)},
          {"special_committee_id", db::int_or_null(m, "special_committee_id")},
          {"subject_type", db::text_or_null(m, "subject_type")},
          {"subject_id", db::int_or_null(m, "subject_id")}};
}

/// Invitee row `i`'s invitation, reply, leave and attendance: what the invitee sees of their own
/// and the organisers see of everyone.
Json reply_json(const db::Row& i) {
  return {{"invited_as", i.text("invited_as")},
          {"reply", i.text("reply")},
          {"leave_reason", i.text("leave_reason")},
          {"leave_state", db::text_or_null(i, "leave_state")},
          {"leave_note", i.text("leave_note")},
          {"replied_at", db::text_or_null(i, "replied_at")},
          {"attendance", i.text("attendance")},
          {"signed_in_at", db::text_or_null(i, "signed_in_at")},
          {"sign_in_how", db::text_or_null(i, "sign_in_how")}};
}

Json my_json(const std::optional<db::Row>& i) {
  if (!i) return nullptr;
  Json out = reply_json(*i);
  out["invitee_id"] = i->integer("id");
  return out;
}

const char* access_name(Access a) {
  switch (a) {
    case Access::manager:
      return "manager";
    case Access::reader:
      return "reader";
    case Access::invitee:
      return "invitee";
    case Access::calendar:
      return "calendar";
    case Access::none:
      break;
  }
  return "none";
}

Json actions_of(const Loaded& l, int64_t now) {
  Json a = Json::array();
  const db::Row& m = l.row;
  std::string state = m.text("state");
  bool open = state == "draft" || state == "notified";
  bool live = state == "notified" || state == "held";
  bool ended = now > epoch_of(m.text("ends_at"));
  bool approved = m.text("minutes_state") == "approved";
  if (l.access == Access::manager) {
    if (open) a.insert(a.end(), {"edit", "invite", "cancel"});
    if (state == "draft") a.push_back("notify");
    if (state == "notified" && !ended) a.push_back("remind");
    if (live) a.insert(a.end(), {"sign_in_code", "mark_attendance", "decide_leave", "arrange_speeches"});
    if (live && !approved) a.push_back("edit_minutes");
    if (live && !approved && !m.text("minutes").empty()) a.push_back("approve_minutes");
  }
  if (l.mine && state != "draft") {
    bool present = l.mine->text("attendance") == "present";
    if (state == "notified" && !ended && !present) a.push_back("reply");
    int64_t opens = epoch_of(m.text("starts_at")) - kOpensBeforeSeconds;
    if (live && !present && now >= opens && !ended) a.push_back("sign_in");
    if (live && !approved && !l.mine->is_null("user_id")) a.push_back("speak");
  }
  return a;
}

std::string units_in(const Principal& p, std::vector<db::Value>& params) {
  std::string out;
  for (int64_t u : p.unit_scope()) out += (out.empty() ? "" : ", ") + api::add_param(params, u);
  return out;
}

/// The condition "the caller is invited" on invitee alias i.
std::string invited_condition(const Principal& p, std::vector<db::Value>& params) {
  std::string cond = "i.user_id = " + api::add_param(params, p.user_id);
  std::string units = units_in(p, params);
  if (!units.empty()) cond = "(" + cond + " OR i.unit_id IN (" + units + "))";
  return cond;
}

}  // namespace

Json meeting_list(db::Connection& c, const http::Request& req, int64_t now) {
  const Principal& p = req.user();
  auto q = api::parse_list_query(req);
  std::vector<db::Value> params;
  std::string where = visible_condition(p, params);
  auto date_param = [&](const char* name) -> std::optional<std::string> {
    auto v = req.query_param(name);
    if (!v || v->empty()) return std::nullopt;
    if (!api::is_date(*v)) throw ApiError::validation(name, "日期格式应为 YYYY-MM-DD");
    return *v;
  };
  if (auto v = date_param("from")) where += " AND m.starts_at >= " + api::add_param(params, *v);
  if (auto v = date_param("to")) where += " AND m.starts_at <= " + api::add_param(params, *v + "T23:59:59Z");
  if (auto v = req.query_param("kind"); v && !v->empty()) where += " AND m.kind = " + api::add_param(params, *v);
  if (auto v = req.query_param("state"); v && !v->empty()) where += " AND m.state = " + api::add_param(params, *v);
  if (auto v = req.query_param("subject_type"); v && !v->empty())
    where += " AND m.subject_type = " + api::add_param(params, *v);
  if (auto v = api::query_int(req, "subject_id")) where += " AND m.subject_id = " + api::add_param(params, *v);
  if (auto v = req.query_param("mine"); v && (*v == "1" || *v == "true"))
    where += " AND m.state <> 'draft' AND EXISTS (SELECT 1 FROM meeting_invitees i WHERE i.meeting_id = m.id AND " +
             invited_condition(p, params) + ")";
  if (!q.q.empty()) where += " AND m.title LIKE " + api::add_param(params, "%" + q.q + "%");
  std::string order = req.query_param("order").value_or("") == "asc" ? "ASC" : "DESC";
  int64_t total = c.exec(sql::kCountMeetingsWhere + where, params).one().integer(0);
  Json items = Json::array();
  for (const auto& r :
       c.exec(sql::kMeetingsWhere + where + " ORDER BY m.starts_at " + order + ", m.id " + order + " LIMIT " +
                  api::add_param(params, q.page_size) + " OFFSET " + api::add_param(params, q.offset()),
              params)
           .rows) {
    Json item = summary(r, now);
    item["special_committee_name"] = db::text_or_null(r, "special_committee_name");
    items.push_back(item);
  }
  return api::list_envelope(std::move(items), total, q);
}

Json meeting_detail(db::Connection& c, const Principal& p, int64_t id, int64_t now) {
  Loaded l = load_meeting(c, p, id);
  const db::Row& m = l.row;
  Json out = summary(m, now);
  out["access"] = access_name(l.access);
  if (l.access == Access::calendar) {
    out["limited"] = true;
    out["actions"] = Json::array();
    return out;
  }
  out["limited"] = false;
  out["agenda"] = m.text("agenda");
  out["notified_at"] = db::text_or_null(m, "notified_at");
  out["cancel_reason"] = m.text("cancel_reason");
  out["version"] = m.integer("version");
  out["created_at"] = m.text("created_at");
  out["updated_at"] = m.text("updated_at");
  out["minutes_state"] = m.text("minutes_state");
  out["minutes_approved_at"] = db::text_or_null(m, "minutes_approved_at");
  bool sees_draft_minutes = reads_in_full(l.access);
  out["minutes"] = sees_draft_minutes || m.text("minutes_state") == "approved" ? m.text("minutes") : "";
  if (auto s = m.opt_int("special_committee_id")) {
    auto n = c.exec(sql::kSpecialCommitteeName, {*s, m.integer("committee_id")});
    out["special_committee_name"] = n.empty() ? Json(nullptr) : Json(n.one().text(0));
  } else {
    out["special_committee_name"] = nullptr;
  }
  out["invitee_count"] = c.exec(sql::kCountInvitees, {id}).one().integer(0);
  out["my"] = my_json(l.mine);
  out["actions"] = actions_of(l, now);
  return out;
}

Json meetings_of_subject(db::Connection& c, const Principal& p, std::string_view subject_type, int64_t subject_id) {
  std::vector<db::Value> params;
  std::string where = visible_condition(p, params) +
                      " AND m.subject_type = " + api::add_param(params, std::string(subject_type)) +
                      " AND m.subject_id = " + api::add_param(params, subject_id);
  Json items = Json::array();
  int64_t now = clock::now();
  for (const auto& r : c.exec(sql::kMeetingsWhere + where + " ORDER BY m.starts_at DESC, m.id DESC", params).rows) {
    Json item = summary(r, now);
    item["special_committee_name"] = db::text_or_null(r, "special_committee_name");
    item["minutes_state"] = r.text("minutes_state");
    items.push_back(item);
  }
  return {{"items", items}};
}

namespace {

Loaded load_reader(db::Connection& c, const Principal& p, int64_t id) {
  Loaded l = load_meeting(c, p, id);
  if (!reads_in_full(l.access)) throw ApiError::forbidden("只有会议的组织者、领导和督查室可以查看参会名单");
  return l;
}

Json invitee_json(const db::Row& r) {
  Json out = reply_json(r);
  out.update({{"id", r.integer("id")},
              {"user_id", db::int_or_null(r, "user_id")},
              {"unit_id", db::int_or_null(r, "unit_id")},
              {"name", r.text("name")},
              {"employer", r.text("employer")},
              {"manual_reason", r.text("manual_reason")},
              {"marked_by_name", db::text_or_null(r, "marked_by_name")}});
  return out;
}

}  // namespace

Json invitee_list(db::Connection& c, const Principal& p, int64_t id) {
  load_reader(c, p, id);
  Json items = Json::array();
  for (const auto& r : c.exec(sql::kInviteesOfMeeting, {id}).rows) items.push_back(invitee_json(r));
  Json changes = Json::array();
  for (const auto& r : c.exec(sql::kReplyChangesOfMeeting, {id}).rows)
    changes.push_back({{"invitee_id", r.integer("invitee_id")},
                       {"from", r.text("from_reply")},
                       {"to", r.text("to_reply")},
                       {"reason", r.text("reason")},
                       {"by_name", db::text_or_null(r, "by_name")},
                       {"at", r.text("at")}});
  return {{"items", items}, {"total", items.size()}, {"reply_changes", changes}};
}

Json board(db::Connection& c, const Principal& p, int64_t id) {
  Loaded l = load_reader(c, p, id);
  int64_t expected = 0, signed_in = 0, on_leave = 0, leave_pending = 0, absent = 0, no_reply = 0, attending = 0;
  Json rows = Json::array();
  for (const auto& r : c.exec(sql::kInviteesOfMeeting, {id}).rows) {
    ++expected;
    std::string att = r.text("attendance"), rep = r.text("reply");
    std::string leave = r.text("leave_state");
    if (att == "present")
      ++signed_in;
    else if (att == "absent")
      ++absent;
    else if (rep == "leave" && leave == "approved")
      ++on_leave;
    else if (rep == "leave" && leave == "pending")
      ++leave_pending;
    else if (rep == "none")
      ++no_reply;
    if (rep == "attend") ++attending;
    rows.push_back(invitee_json(r));
  }
  return {{"meeting", summary(l.row, clock::now())},
          {"expected", expected},
          {"signed_in", signed_in},
          {"on_leave", on_leave},
          {"leave_pending", leave_pending},
          {"absent", absent},
          {"no_reply", no_reply},
          {"attending", attending},
          {"not_arrived", expected - signed_in - absent - on_leave},
          {"rows", rows}};
}

Json speech_list(db::Connection& c, const Principal& p, int64_t id) {
  Loaded l = load_meeting(c, p, id);
  if (l.access == Access::calendar) throw ApiError::forbidden("只有参会人员可以查看会议发言");
  bool all = reads_in_full(l.access);
  Json items = Json::array();
  for (const auto& r : c.exec(sql::kSpeechesOfMeeting, {id}).rows) {
    bool own = r.integer("user_id") == p.user_id;
    if (!all && !own && r.text("state") != "arranged") continue;
    items.push_back({{"id", r.integer("id")},
                     {"user_id", r.integer("user_id")},
                     {"name", r.text("name")},
                     {"title", r.text("title")},
                     {"mode", r.text("mode")},
                     {"body", r.text("body")},
                     {"position", r.integer("position")},
                     {"state", r.text("state")},
                     {"mine", own},
                     {"created_at", r.text("created_at")}});
  }
  return {{"items", items}, {"total", items.size()}};
}

Json my_meetings(db::Connection& c, const Principal& p, int64_t now) {
  std::vector<db::Value> params{p.committee_id};
  std::string sql =
      "SELECT m.*, i.id AS invitee_id FROM meetings m JOIN meeting_invitees i ON i.meeting_id = m.id WHERE "
      "m.committee_id = $1 AND m.state IN ('notified', 'held', 'cancelled') AND " +
      invited_condition(p, params) + " ORDER BY m.starts_at";
  Json invitations = Json::array(), upcoming = Json::array(), past = Json::array();
  for (const auto& r : c.exec(sql, params).rows) {
    Json item = summary(r, now);
    auto i = c.exec(sql::kInvitee, {r.integer("invitee_id"), r.integer("id")});
    item["my"] = my_json(i.empty() ? std::nullopt : std::optional<db::Row>(i.one()));
    bool ended = now > epoch_of(r.text("ends_at"));
    std::string state = r.text("state");
    if (state == "cancelled") {
      if (!ended) upcoming.push_back(item);
      continue;
    }
    if (ended) {
      past.push_back(item);
    } else {
      if (state == "notified" && i.one().text("reply") == "none") invitations.push_back(item);
      upcoming.push_back(item);
    }
  }
  Json last = Json::array();
  for (auto it = past.rbegin(); it != past.rend() && last.size() < 10; ++it) last.push_back(*it);
  return {{"invitations", invitations}, {"upcoming", upcoming}, {"past", last}};
}

}  // namespace sl::meetings
