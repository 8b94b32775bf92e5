#include "modules/proposals/store.hpp"

#include <set>

#include "core/api/resource.hpp"
#include "core/clock.hpp"
#include "modules/proposals/calendar.hpp"
#include "modules/proposals/face_to_face.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::proposals {

namespace {

Json json_or(const db::Row& r, const char* col, Json fallback) {
  if (r.is_null(col)) return fallback;
  Json j = Json::parse(r.text(col), nullptr, false);
  return j.is_discarded() ? fallback : j;
}

Json nullable_text(const db::Row& r, const char* col) {
  return r.is_null(col) ? Json(nullptr) : Json(r.text(col));
}
Json nullable_int(const db::Row& r, const char* col) {
  auto v = r.opt_int(col);
  return v ? Json(*v) : Json(nullptr);
}

/// Working days left until `due` (negative when overdue), from the committee's calendar.
Json countdown(db::Connection& c, int64_t committee_id, const std::optional<std::string>& due) {
  if (!due || due->empty()) return nullptr;
  auto cal = WorkCalendar::load(c, committee_id);
  std::string today = clock::today();
  int left = cal.working_days_between(today, due->substr(0, 10));
  return {{"due_date", due->substr(0, 10)}, {"working_days_left", left}, {"overdue", today > due->substr(0, 10)}};
}

}  // namespace

db::Row load_visible(db::Connection& c, const Principal& user, int64_t id) {
  std::vector<db::Value> params = {id, user.committee_id};
  std::string cond = visibility_condition(user, params);
  auto r = c.exec(sql::kVisibleProposalWhere + cond + ")", params);
  if (r.empty()) throw ApiError::not_found("提案");
  return r.one();
}

/// Whether the proposal (its detail `p`) holds what action `a` answers: 改办 and 不同意退回 a
/// unit's return request, approving an extension a pending request. Other actions need nothing.
bool has_pending(Action a, const Json& p) {
  auto any = [&](const char* list, const char* state) {
    for (const auto& x : p[list])
      if (x["state"] == state) return true;
    return false;
  };
  switch (a) {
    case Action::reassign:
    case Action::refuse_return:
      return any("assignments", "return_requested");
    case Action::grant_extension:
      return any("extensions", "requested");
    default:
      return true;
  }
}

/// The actions the caller may take now: the table's rows for the state whose actor the caller is,
/// leaving out answers to requests nobody made.
Json allowed_actions(State state, const Relations& rel, const Json& p) {
  Json out = Json::array();
  std::set<std::string> seen;
  for (const auto& t : transitions()) {
    if (t.from != state || !rel.has(t.actor) || !has_pending(t.action, p)) continue;
    std::string name = action_name(t.action);
    if (seen.insert(name).second) out.push_back({{"action", name}, {"label", action_label(t.action)}});
  }
  return out;
}

Json proposal_detail(db::Connection& c, const Principal& user, int64_t id) {
  db::Row r = load_visible(c, user, id);
  State state = *parse_state(r.text("state"));
  Relations rel = relations_of(c, user, id, r.integer("proposer_user_id"));
  Json p = {{"id", id},
            {"committee_id", r.integer("committee_id")},
            {"session_id", r.integer("session_id")},
            {"between_sessions", r.integer("between_sessions") != 0},
            {"number", nullable_int(r, "number")},
            {"number_label", nullable_text(r, "number_label")},
            {"kind", r.text("kind")},
            {"title", r.text("title")},
            {"situation", r.text("situation")},
            {"analysis", r.text("analysis")},
            {"suggestions", r.text("suggestions")},
            {"category", r.text("category")},
            {"keywords", r.text("keywords")},
            {"suggested_unit_ids", json_or(r, "suggested_unit_ids", Json::array())},
            {"proposer_user_id", r.integer("proposer_user_id")},
            {"proposer_member_id", nullable_int(r, "proposer_member_id")},
            {"proposer_name", r.text("proposer_name")},
            {"group_type", nullable_text(r, "group_type")},
            {"group_id", nullable_int(r, "group_id")},
            {"catalogue_topic_id", nullable_int(r, "catalogue_topic_id")},
            {"consent_publish", r.integer("consent_publish") != 0},
            {"consent_reason", r.text("consent_reason")},
            {"state", state_name(state)},
            {"state_label", state_label(state)},
            {"version", r.integer("version")},
            {"merged_into_id", nullable_int(r, "merged_into_id")},
            {"decline_reason", nullable_text(r, "decline_reason")},
            {"decline_conversion", nullable_text(r, "decline_conversion")},
            {"review_comment", nullable_text(r, "review_comment")},
            {"handling_type", nullable_text(r, "handling_type")},
            {"round", r.integer("round")},
            {"result_category", nullable_text(r, "result_category")},
            {"satisfaction", nullable_text(r, "satisfaction")},
            {"is_key", r.integer("is_key") != 0},
            {"key_leader_ids", json_or(r, "key_leader_ids", Json::array())},
            {"key_special_committee_id", nullable_int(r, "key_special_committee_id")},
            {"published", r.integer("published") != 0},
            {"follow_up", r.integer("follow_up") != 0},
            {"face_to_face", r.integer("face_to_face") != 0},
            {"submitted_at", nullable_text(r, "submitted_at")},
            {"filed_at", nullable_text(r, "filed_at")},
            {"assigned_at", nullable_text(r, "assigned_at")},
            {"replied_at", nullable_text(r, "replied_at")},
            {"closed_at", nullable_text(r, "closed_at")},
            {"created_at", r.text("created_at")},
            {"updated_at", r.text("updated_at")}};
  p["deadline"] = countdown(c, r.integer("committee_id"), r.opt_text("due_at"));
  auto session = c.exec(sql::kSessionName, {r.integer("session_id")});
  p["session_name"] = session.empty() ? "" : session.one().text(0);
  p["imported"] = r.integer("imported") != 0;  // 历史导入 (history_import.cpp)

  // The units the proposer suggested, with their names: unit staff and leaders may not list units.
  Json suggested = Json::array();
  for (const auto& u : p["suggested_unit_ids"]) {
    if (!u.is_number_integer()) continue;
    auto name = c.exec(sql::kUnitNameInCommittee, {u.get<int64_t>(), r.integer("committee_id")});
    if (!name.empty()) suggested.push_back({{"id", u.get<int64_t>()}, {"name", name.one().text(0)}});
  }
  p["suggested_units"] = suggested;

  Json cosigners = Json::array();
  for (const auto& x : c.exec(sql::kCosignersOfProposal, {id}).rows)
    cosigners.push_back({{"member_id", x.integer(0)},
                         {"user_id", x.integer(1)},
                         {"name", x.text(2)},
                         {"status", x.text(3)},
                         {"due_at", nullable_text(x, "due_at")},
                         {"answered_at", nullable_text(x, "answered_at")}});
  p["cosigners"] = cosigners;

  Json assignments = Json::array();
  for (const auto& a : c.exec(sql::kAssignmentsOfProposal, {id}).rows)
    assignments.push_back({{"id", a.integer("id")},
                           {"unit_id", a.integer("unit_id")},
                           {"unit_name", a.text("unit_name")},
                           {"role", a.text("role")},
                           {"state", a.text("state")},
                           {"round", a.integer("round")},
                           {"sign_due", nullable_text(a, "sign_due")},
                           {"opinion_due", nullable_text(a, "opinion_due")},
                           {"reply_due", nullable_text(a, "reply_due")},
                           {"return_reason", nullable_text(a, "return_reason")},
                           {"opinion", nullable_text(a, "opinion")},
                           {"signed_at", nullable_text(a, "signed_at")},
                           {"assigned_at", a.text("created_at")}});
  p["assignments"] = assignments;

  Json consultations = Json::array();
  for (const auto& x : c.exec(sql::kConsultationsOfProposal, {id}).rows)
    consultations.push_back({{"id", x.integer("id")},
                             {"unit_name", x.text("unit_name")},
                             {"method", x.text("method")},
                             {"held_on", x.text("held_on")},
                             {"people", x.text("people")},
                             {"content", x.text("content")}});
  p["consultations"] = consultations;

  // Replies: released ones are for everyone who sees the proposal; drafts under review only for
  // the units and staff handling them.
  bool handler = handles_proposal(rel, user);
  Json replies = Json::array();
  for (const auto& x : c.exec(sql::kRepliesOfProposal, {id}).rows) {
    if (x.text("state") != "released" && !handler) continue;
    replies.push_back({{"id", x.integer("id")},
                       {"unit_name", x.text("unit_name")},
                       {"round", x.integer("round")},
                       {"body", x.text("body")},
                       {"result_category", x.text("result_category")},
                       {"state", x.text("state")},
                       {"comment", nullable_text(x, "comment")},
                       {"created_at", x.text("created_at")},
                       {"released_at", nullable_text(x, "released_at")}});
  }
  p["replies"] = replies;

  Json feedback = Json::array();
  for (const auto& x : c.exec(sql::kFeedbackOfProposal, {id}).rows)
    feedback.push_back({{"round", x.integer("round")},
                        {"user_name", x.text("user_name")},
                        {"rating", x.text("rating")},
                        {"consulted", x.text("consulted")},
                        {"attitude", x.text("attitude")},
                        {"answers_proposal", x.text("answers_proposal")},
                        {"comment", x.text("comment")},
                        {"created_at", x.text("created_at")}});
  p["feedback"] = feedback;

  Json extensions = Json::array();
  for (const auto& x : c.exec(sql::kExtensionsOfProposal, {id}).rows)
    extensions.push_back({{"id", x.integer("id")},
                          {"reason", x.text("reason")},
                          {"requested_due", x.text("requested_due")},
                          {"state", x.text("state")}});
  p["extensions"] = extensions;

  Json follow_ups = Json::array();
  for (const auto& x : c.exec(sql::kFollowUpsOfProposal, {id}).rows)
    follow_ups.push_back({{"id", x.integer("id")},
                          {"commitment", x.text("commitment")},
                          {"unit_name", x.text("unit_name")},
                          {"due_date", nullable_text(x, "due_date")},
                          {"progress", json_or(x, "progress", Json::array())},
                          {"done", x.integer("done") != 0}});
  p["follow_ups"] = follow_ups;

  Json attachments = Json::array();
  for (const auto& x : c.exec(sql::kAttachmentsOfProposal, {id}).rows)
    attachments.push_back({{"id", x.integer("id")},
                           {"purpose", x.text("purpose")},
                           {"filename", x.text("filename")},
                           {"content_type", x.text("content_type")},
                           {"size", x.integer("size")},
                           {"created_at", x.text("created_at")}});
  p["attachments"] = attachments;

  Json actors = Json::array();
  for (Actor a : rel.actors) actors.push_back(actor_name(a));
  p["my_relations"] = actors;
  p["allowed_actions"] = allowed_actions(state, rel, p);
  Json f2f = face_to_face_json(c, id, r.integer("face_to_face") != 0, rel.has(Actor::proposal_staff));
  p["face_to_face_status"] = f2f["status"];
  p["face_to_face_meeting"] = f2f["meeting"];
  p["face_to_face_actions"] = f2f["actions"];
  return p;
}

Json proposal_list(db::Connection& c, const http::Request& req) {
  const auto& user = req.user();
  auto q = api::parse_list_query(req);
  std::vector<db::Value> params;
  std::string where = "p.committee_id = " + api::add_param(params, user.committee_id);
  where += " AND (" + visibility_condition(user, params) + ")";
  if (auto v = api::query_int(req, "session_id")) where += " AND p.session_id = " + api::add_param(params, *v);
  if (auto v = req.query_param("state"); v && !v->empty()) {
    std::string in;
    size_t pos = 0;
    while (pos <= v->size()) {
      size_t end = v->find(',', pos);
      std::string s = v->substr(pos, end == std::string::npos ? std::string::npos : end - pos);
      if (!parse_state(s)) throw ApiError::validation("state", "未知的状态：" + s);
      in += (in.empty() ? "" : ", ") + api::add_param(params, s);
      if (end == std::string::npos) break;
      pos = end + 1;
    }
    where += " AND p.state IN (" + in + ")";
  }
  if (auto v = req.query_param("category"); v && !v->empty())
    where += " AND p.category = " + api::add_param(params, *v);
  if (auto v = api::query_int(req, "sector_id"))
    where +=
        " AND p.proposer_member_id IN (SELECT id FROM members WHERE sector_id = " + api::add_param(params, *v) + ")";
  if (auto v = api::query_int(req, "unit_id"))
    where +=
        " AND p.id IN (SELECT proposal_id FROM proposal_assignments WHERE unit_id = " + api::add_param(params, *v) +
        " AND state <> 'reassigned')";
  if (auto v = req.query_param("key"); v && (*v == "true" || *v == "1")) where += " AND p.is_key = 1";
  auto flag = [&](const char* name) {
    auto v = req.query_param(name);
    return v && (*v == "true" || *v == "1");
  };
  if (flag("return_requested"))
    where += " AND p.id IN (SELECT proposal_id FROM proposal_assignments WHERE state = 'return_requested')";
  if (flag("extension_requested"))
    where += " AND p.id IN (SELECT proposal_id FROM proposal_extensions WHERE state = 'requested')";
  if (auto v = req.query_param("cosign"); v && *v == "pending")
    where += " AND p.id IN (SELECT proposal_id FROM proposal_cosigners WHERE status = 'pending' AND user_id = " +
             api::add_param(params, user.user_id) + ")";
  if (auto v = req.query_param("key_leader"); v && *v == "me")
    // key_leader_ids is a compact JSON list ("[5,12]"): match ",5," inside ",5,12,".
    where += " AND p.is_key = 1 AND (',' || substr(p.key_leader_ids, 2, length(p.key_leader_ids) - 2) || ',') LIKE " +
             api::add_param(params, "%," + std::to_string(user.user_id) + ",%");
  if (auto v = req.query_param("mine"); v && (*v == "true" || *v == "1"))
    where += " AND p.proposer_user_id = " + api::add_param(params, user.user_id);
  if (auto v = req.query_param("face_to_face"); v && !v->empty()) {
    // needed: flagged, nothing arranged; arranged; done; pending: needed or arranged.
    const std::string done = "p.id IN (SELECT proposal_id FROM proposal_face_to_face WHERE state = 'done')";
    const std::string arranged = "p.id IN (SELECT proposal_id FROM proposal_face_to_face WHERE state = 'arranged')";
    const std::string any = "p.id IN (SELECT proposal_id FROM proposal_face_to_face)";
    if (*v == "needed")
      where += " AND p.face_to_face = 1 AND NOT " + any;
    else if (*v == "arranged")
      where += " AND p.face_to_face = 1 AND " + arranged;
    else if (*v == "done")
      where += " AND p.face_to_face = 1 AND " + done;
    else if (*v == "pending")
      where += " AND p.face_to_face = 1 AND NOT " + done;
    else
      throw ApiError::validation("face_to_face", "取值应为：needed、arranged、done、pending");
  }
  if (auto v = req.query_param("overdue"); v && (*v == "true" || *v == "1"))
    where += " AND p.due_at IS NOT NULL AND p.due_at < " + api::add_param(params, clock::today()) +
             " AND p.state IN (" + sql_list(overdue_states()) + ")";
  if (!q.q.empty()) {
    std::string like = "%" + q.q + "%";
    where += " AND (p.title LIKE " + api::add_param(params, like) + " OR p.proposer_name LIKE " +
             api::add_param(params, like) + " OR p.number_label LIKE " + api::add_param(params, like) + ")";
  }
  int64_t total = c.exec(sql::kCountProposalsWhere + where, params).one().integer(0);
  std::string query = sql::kListProposalsWhere + where + " ORDER BY p.id DESC LIMIT " +
                      api::add_param(params, q.page_size) + " OFFSET " + api::add_param(params, q.offset());
  Json items = Json::array();
  // The countdown of every row, from the committee's working-day calendar (loaded once).
  auto cal = WorkCalendar::load(c, user.committee_id);
  std::string today = clock::today();
  for (const auto& r : c.exec(query, params).rows) {
    State s = *parse_state(r.text("state"));
    Json left = nullptr, overdue = nullptr;
    if (!r.is_null("due_at") && !r.text("due_at").empty()) {
      std::string due = r.text("due_at").substr(0, 10);
      left = cal.working_days_between(today, due);
      overdue = in(overdue_states(), s) && today > due;
    }
    Json f2f = nullptr;
    if (!r.is_null("face_to_face_state"))
      f2f = r.text("face_to_face_state");
    else if (r.integer("face_to_face") != 0)
      f2f = "needed";
    items.push_back({{"id", r.integer("id")},
                     {"session_id", r.integer("session_id")},
                     {"number", nullable_int(r, "number")},
                     {"number_label", nullable_text(r, "number_label")},
                     {"kind", r.text("kind")},
                     {"title", r.text("title")},
                     {"category", r.text("category")},
                     {"proposer_name", r.text("proposer_name")},
                     {"state", state_name(s)},
                     {"state_label", state_label(s)},
                     {"is_key", r.integer("is_key") != 0},
                     {"due_date", r.is_null("due_at") ? Json(nullptr) : Json(r.text("due_at").substr(0, 10))},
                     {"working_days_left", left},
                     {"overdue", overdue},
                     {"face_to_face_status", f2f},
                     {"submitted_at", nullable_text(r, "submitted_at")},
                     {"result_category", nullable_text(r, "result_category")},
                     {"satisfaction", nullable_text(r, "satisfaction")},
                     {"round", r.integer("round")},
                     {"published", r.integer("published") != 0},
                     {"version", r.integer("version")},
                     {"updated_at", r.text("updated_at")}});
  }
  return api::list_envelope(std::move(items), total, q);
}

}  // namespace sl::proposals
