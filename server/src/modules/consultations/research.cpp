#include "modules/consultations/research.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/api/validation.hpp"
#include "core/auth/password.hpp"
#include "core/files.hpp"
#include "modules/consultations/commands.hpp"
#include "modules/consultations/events.hpp"
#include "modules/consultations/permissions.hpp"
#include "modules/consultations/research_queries.hpp"

namespace sl::consultations {

namespace {

constexpr size_t kMaxFileBytes = size_t{20} * 1024 * 1024;
constexpr int64_t kMaxFilesPerActivity = 100;
constexpr int64_t kMaxVisitsPerActivity = 100;

const std::vector<ResearchTransition> kTransitions = {
    {"drafting", "submit", Actor::office, "reviewing"},
    {"drafting", "submit", Actor::lead_staff, "reviewing"},
    {"reviewing", "approve", Actor::lead_leader, "final"},
    {"reviewing", "send_back", Actor::lead_leader, "drafting"},
};

struct ResearchRow {
  int64_t id = 0;
  int64_t topic_id = 0;
  std::string kind;
  std::string title;
  std::string outline;
  std::string state;
  std::string report_body;
  int64_t report_version = 0;
  int64_t version = 0;
};

ResearchRow research_row(const db::Row& r) {
  return {r.integer("id"),       r.integer("topic_id"),       r.text("kind"),
          r.text("title"),       r.text("outline"),           r.text("state"),
          r.text("report_body"), r.integer("report_version"), r.integer("version")};
}

ResearchRow load_research(db::Connection& c, int64_t committee_id, int64_t id) {
  auto r = c.exec(sql::kResearch, {id});
  if (r.empty() || r.one().integer("committee_id") != committee_id) throw ApiError::not_found("调研活动");
  return research_row(r.one());
}

bool has(const std::vector<Actor>& rel, Actor a) {
  return std::find(rel.begin(), rel.end(), a) != rel.end();
}

/// The office, or staff of the topic's leading special committee.
bool runs(const Principal& p, const TopicRef& t) {
  return p.committee_id == t.committee_id && (is_office(p) || staffs(p, t.special_committee_id));
}

/// The caller's role on the team of activity `id` ("" when not on it).
std::string team_role(db::Connection& c, int64_t id, int64_t user_id) {
  auto r = c.exec(sql::kResearchRoleOf, {id, user_id});
  return r.empty() ? std::string() : r.one().text(0);
}

enum class Sight { none, final_report, full };

Sight sight_of(const Principal& p, const TopicRef& t, const std::string& state, const std::string& role) {
  if (p.committee_id != t.committee_id) return Sight::none;
  if (reads_everything(p) || contact_of(p, t) || !role.empty()) return Sight::full;
  if (state == "final" && counterpart_of(p, t)) return Sight::final_report;
  return Sight::none;
}

/// Research goes on while the topic is in the plan and not concluded.
bool topic_open(TopicState s) {
  return s == TopicState::planned || s == TopicState::researching || s == TopicState::consulted ||
         s == TopicState::following;
}

void require_open(const TopicRow& t) {
  if (!topic_open(t.state))
    throw ApiError(ErrorCode::illegal_transition, std::string("议题当前为“") + label(t.state) + "”，不能办理调研活动");
}

void require_runner(const Principal& p, const TopicRef& t, const std::string& what) {
  if (!runs(p, t)) throw ApiError::forbidden("只有政协办公室和牵头专委会可以" + what);
}

/// The activity and its topic, for an act by those who run the topic: 404 out of sight, then 403.
std::pair<ResearchRow, TopicRow> for_runner(db::Connection& c, const Caller& by, int64_t id, const std::string& what) {
  ResearchRow r = load_research(c, by.user.committee_id, id);
  TopicRow t = load_topic(c, by.user.committee_id, r.topic_id);
  if (sight_of(by.user, t.ref, r.state, team_role(c, id, by.user.user_id)) == Sight::none)
    throw ApiError::not_found("调研活动");
  require_runner(by.user, t.ref, what);
  return {r, t};
}

void research_history(db::Connection& c, const Caller& by, int64_t id, const std::string& action,
                      const std::string& from, const std::string& to, const std::string& note) {
  c.exec(sql::kInsertResearchHistory, {id, action, from, to, note, by.user.user_id, by.user.name, by.at()});
}

Json team_json(db::Connection& c, int64_t id) {
  Json out = Json::array();
  for (const auto& m : c.exec(sql::kResearchTeam, {id}).rows)
    out.push_back({{"id", m.integer("id")},
                   {"user_id", m.is_null("user_id") ? Json(nullptr) : Json(m.integer("user_id"))},
                   {"role", m.text("role")},
                   {"role_label", research_label(m.text("role"))},
                   {"name", m.text("name")},
                   {"employer", m.text("employer")},
                   {"title", m.text("title")}});
  return out;
}

/// Writes the team: every person of the committee by account (named as the committee knows them),
/// each once; experts by the name given.
void write_team(db::Connection& c, int64_t committee, int64_t id, const std::vector<TeamMemberInput>& team) {
  std::vector<int64_t> seen;
  struct Row {
    db::Value user;
    std::string role, name, employer, title;
  };
  std::vector<Row> rows;
  for (size_t i = 0; i < team.size(); ++i) {
    const auto& m = team[i];
    const std::string where = "第" + std::to_string(i + 1) + "位成员";
    if (!m.user_id) {
      rows.push_back({nullptr, m.role, m.name, m.employer, m.title});
      continue;
    }
    if (std::find(seen.begin(), seen.end(), *m.user_id) != seen.end())
      throw ApiError::validation("team", where + "与前面的成员重复");
    seen.push_back(*m.user_id);
    auto p = c.exec(sql::kCommitteePerson, {*m.user_id, committee});
    if (p.empty()) throw ApiError::validation("team", where + "不是本会人员");
    const auto& r = p.one();
    rows.push_back({*m.user_id, m.role, r.text("name"), m.employer.empty() ? r.text("employer") : m.employer,
                    m.title.empty() ? r.text("title") : m.title});
  }
  c.exec(sql::kClearResearchTeam, {id});
  int64_t pos = 0;
  for (const auto& r : rows)
    c.exec(sql::kInsertResearchMember, {id, r.user, r.role, r.name, r.employer, r.title, pos++});
}

/// Who took part in a visit: the team's own people only.
void write_visit_members(db::Connection& c, int64_t research_id, int64_t visit_id, const std::vector<int64_t>& ids) {
  std::vector<int64_t> seen;
  for (int64_t u : ids)
    if (team_role(c, research_id, u).empty())
      throw ApiError::validation("member_user_ids", "参加人员须为调研组中的本会人员");
  c.exec(sql::kClearVisitMembers, {visit_id});
  for (int64_t u : ids) {
    if (std::find(seen.begin(), seen.end(), u) != seen.end()) continue;
    seen.push_back(u);
    c.exec(sql::kInsertVisitMember, {visit_id, u});
  }
}

Json file_json(const db::Row& f, bool can_delete) {
  const int64_t id = f.integer("id");
  return {{"id", id},
          {"visit_id", f.is_null("visit_id") ? Json(nullptr) : Json(f.integer("visit_id"))},
          {"purpose", f.text("purpose")},
          {"purpose_label", research_label(f.text("purpose"))},
          {"filename", f.text("filename")},
          {"content_type", f.text("content_type")},
          {"size", f.integer("size")},
          {"uploaded_by_name", f.text("uploaded_by_name")},
          {"created_at", f.text("created_at")},
          {"url", "/api/v1/consultations/research-files/" + std::to_string(id)},
          {"can_delete", can_delete}};
}

Json research_json(db::Connection& c, const Principal& p, const TopicRow& t, const db::Row& row, Sight sight,
                   const std::string& role) {
  ResearchRow r = research_row(row);
  const bool open = topic_open(t.state);
  const bool runner = runs(p, t.ref);
  const bool full = sight == Sight::full;
  Json team = team_json(c, r.id);
  Json leader = nullptr;
  for (const auto& m : team)
    if (m["role"] == "leader") leader = {{"user_id", m["user_id"]}, {"name", m["name"]}};
  Json out = {{"id", r.id},
              {"topic_id", r.topic_id},
              {"topic_title", row.text("topic_title")},
              {"kind", r.kind},
              {"kind_label", research_label(r.kind)},
              {"title", r.title},
              {"outline", full ? r.outline : std::string()},
              {"state", r.state},
              {"state_label", research_label(r.state)},
              {"leader", leader},
              {"team", team},
              {"version", r.version},
              {"finalised_at", row.is_null("finalised_at") ? Json(nullptr) : Json(row.text("finalised_at"))},
              {"my_role", role},
              {"sight", full ? "full" : "final_report"}};
  auto may_delete = [&](const db::Row& f) {
    if (!open) return false;
    if (runner) return true;
    return !role.empty() && !f.is_null("uploaded_by") && f.integer("uploaded_by") == p.user_id;
  };
  Json visits = Json::array();
  Json files = Json::array();
  auto all_files = c.exec(sql::kResearchFiles, {r.id});
  if (full) {
    for (const auto& v : c.exec(sql::kResearchVisits, {r.id}).rows) {
      const int64_t vid = v.integer("id");
      Json people = Json::array();
      Json ids = Json::array();
      bool took_part = false;
      for (const auto& m : c.exec(sql::kVisitMembers, {vid}).rows) {
        people.push_back({{"user_id", m.integer(0)}, {"name", m.text(1)}});
        ids.push_back(m.integer(0));
        if (m.integer(0) == p.user_id) took_part = true;
      }
      Json photos = Json::array();
      Json materials = Json::array();
      for (const auto& f : all_files.rows) {
        if (f.is_null("visit_id") || f.integer("visit_id") != vid) continue;
        (f.text("purpose") == "photo" ? photos : materials).push_back(file_json(f, may_delete(f)));
      }
      visits.push_back({{"id", vid},
                        {"visited_on", v.text("visited_on")},
                        {"place", v.text("place")},
                        {"participants", v.text("participants")},
                        {"notes", v.text("notes")},
                        {"member_user_ids", ids},
                        {"members", people},
                        {"photos", photos},
                        {"materials", materials},
                        {"version", v.integer("version")},
                        {"can_edit", open && runner},
                        {"can_upload", open && (runner || (!role.empty() && took_part))}});
    }
    for (const auto& f : all_files.rows)
      if (f.is_null("visit_id")) files.push_back(file_json(f, may_delete(f)));
  } else {
    for (const auto& f : all_files.rows)
      if (f.is_null("visit_id") && f.text("purpose") == "report") files.push_back(file_json(f, false));
  }
  out["visits"] = visits;
  out["files"] = files;
  Json drafts = Json::array();
  Json history = Json::array();
  if (full) {
    for (const auto& d : c.exec(sql::kReportDrafts, {r.id}).rows)
      drafts.push_back({{"version", d.integer(0)}, {"body", d.text(1)}, {"author_name", d.text(2)}, {"at", d.text(3)}});
    for (const auto& h : c.exec(sql::kResearchHistory, {r.id}).rows)
      history.push_back({{"action", h.text(0)},
                         {"action_label", research_label(h.text(0))},
                         {"from", h.text(1)},
                         {"to", h.text(2)},
                         {"note", h.text(3)},
                         {"actor_name", h.text(4)},
                         {"at", h.text(5)}});
  }
  out["report"] = {{"body", full || r.state == "final" ? r.report_body : std::string()},
                   {"version", r.report_version},
                   {"drafts", drafts},
                   {"history", history}};
  Json actions = Json::array();
  if (full && open) {
    const auto rel = relations_to(p, t.ref);
    for (const auto& x : kTransitions)
      if (r.state == x.from && has(rel, x.actor)) {
        bool dup = false;
        for (const auto& a : actions) dup = dup || a["action"] == x.action;
        if (!dup) actions.push_back({{"action", x.action}, {"label", research_label(x.action)}});
      }
  }
  out["allowed_actions"] = actions;
  out["can_edit"] = open && runner;
  out["can_write_report"] = open && runner && r.state == "drafting";
  out["can_add_visit"] = open && runner;
  out["can_upload"] = open && runner;
  return out;
}

Json team_audit(db::Connection& c, int64_t id) {
  Json out = Json::array();
  for (const auto& m : c.exec(sql::kResearchTeam, {id}).rows)
    out.push_back({{"role", m.text("role")},
                   {"name", m.text("name")},
                   {"user_id", m.is_null("user_id") ? Json(nullptr) : Json(m.integer("user_id"))}});
  return out;
}

}  // namespace

const std::vector<ResearchTransition>& research_transitions() {
  return kTransitions;
}

const char* research_label(const std::string& n) {
  static const std::vector<std::pair<const char*, const char*>> labels = {
      {"research", "调研"},        {"inspection", "视察"}, {"drafting", "报告起草中"}, {"reviewing", "报告待审定"},
      {"final", "报告已定稿"},     {"submit", "提交审定"}, {"approve", "审定"},        {"send_back", "退回修改"},
      {"leader", "组长"},          {"member", "成员"},     {"expert", "专家"},         {"staff", "工作人员"},
      {"photo", "照片"},           {"material", "材料"},   {"report", "报告"},         {"create", "创建"},
      {"save_report", "保存报告"},
  };
  for (const auto& [k, v] : labels)
    if (n == k) return v;
  return "";
}

Outcome create_research(db::Connection& c, const Caller& by, int64_t topic_id, const ResearchInput& in) {
  TopicRow t = load_topic(c, by.user.committee_id, topic_id);
  require_runner(by.user, t.ref, "组织调研和视察");
  if (t.state != TopicState::planned && t.state != TopicState::researching)
    throw ApiError(ErrorCode::illegal_transition,
                   std::string("议题当前为“") + label(t.state) + "”，只有已列入计划或调研中的议题可以组织调研");
  int64_t id = c.exec(sql::kInsertResearch, {by.user.committee_id, topic_id, *in.kind, *in.title,
                                             in.outline.value_or(""), by.user.user_id, by.at()})
                   .one()
                   .integer(0);
  if (in.team) write_team(c, by.user.committee_id, id, *in.team);
  research_history(c, by, id, "create", "", "drafting", "");
  audit_act(c, by, "consultation.research.create", "consultation_research", id, nullptr,
            {{"topic_id", topic_id},
             {"kind", *in.kind},
             {"title", *in.title},
             {"outline", in.outline.value_or("")},
             {"team", team_audit(c, id)}});
  return {id, event_of(by, events::kResearchCreated, id, {{"topic_id", topic_id}})};
}

Outcome update_research(db::Connection& c, const Caller& by, int64_t id, const ResearchInput& in) {
  auto [r, t] = for_runner(c, by, id, "修改调研活动");
  require_open(t);
  if (r.version != in.version) throw ApiError(ErrorCode::version_conflict, "调研活动已被修改，请刷新后再试");
  Json before = {{"kind", r.kind}, {"title", r.title}, {"outline", r.outline}, {"team", team_audit(c, id)}};
  if (in.kind) r.kind = *in.kind;
  if (in.title) r.title = *in.title;
  if (in.outline) r.outline = *in.outline;
  if (c.exec(sql::kUpdateResearch, {id, in.version, r.kind, r.title, r.outline, by.at()}).affected == 0)
    throw ApiError(ErrorCode::version_conflict, "调研活动已被修改，请刷新后再试");
  if (in.team) write_team(c, by.user.committee_id, id, *in.team);
  audit_act(c, by, "consultation.research.update", "consultation_research", id, before,
            {{"kind", r.kind}, {"title", r.title}, {"outline", r.outline}, {"team", team_audit(c, id)}});
  return {id, event_of(by, events::kResearchUpdated, id, {{"topic_id", r.topic_id}})};
}

Outcome add_research_visit(db::Connection& c, const Caller& by, int64_t research_id, const VisitInput& in) {
  auto [r, t] = for_runner(c, by, research_id, "登记调研走访");
  require_open(t);
  if (*in.visited_on > by.at_after(366 * 86400).substr(0, 10)) throw ApiError::validation("visited_on", "走访日期过远");
  if (c.exec(sql::kCountResearchVisits, {research_id}).one().integer(0) >= kMaxVisitsPerActivity)
    throw ApiError::conflict("每项调研最多登记 100 次走访");
  int64_t vid = c.exec(sql::kInsertResearchVisit, {research_id, *in.visited_on, *in.place, in.participants.value_or(""),
                                                   in.notes.value_or(""), by.user.user_id, by.at()})
                    .one()
                    .integer(0);
  if (in.member_user_ids) write_visit_members(c, research_id, vid, *in.member_user_ids);
  c.exec(sql::kTouchResearch, {research_id, by.at()});
  audit_act(c, by, "consultation.research.visit", "consultation_research", research_id, nullptr,
            {{"visit_id", vid},
             {"visited_on", *in.visited_on},
             {"place", *in.place},
             {"participants", in.participants.value_or("")},
             {"notes", in.notes.value_or("")}});
  return {research_id, event_of(by, events::kResearchVisitRecorded, research_id, {{"visit_id", vid}})};
}

Outcome update_research_visit(db::Connection& c, const Caller& by, int64_t visit_id, const VisitInput& in) {
  auto v = c.exec(sql::kResearchVisit, {visit_id});
  if (v.empty()) throw ApiError::not_found("调研走访");
  const int64_t research_id = v.one().integer("research_id");
  auto [r, t] = for_runner(c, by, research_id, "修改调研走访");
  require_open(t);
  const auto& row = v.one();
  if (row.integer("version") != in.version)
    throw ApiError(ErrorCode::version_conflict, "走访记录已被修改，请刷新后再试");
  Json before = {{"visited_on", row.text("visited_on")},
                 {"place", row.text("place")},
                 {"participants", row.text("participants")},
                 {"notes", row.text("notes")}};
  std::string day = in.visited_on.value_or(row.text("visited_on"));
  std::string place = in.place.value_or(row.text("place"));
  std::string participants = in.participants.value_or(row.text("participants"));
  std::string notes = in.notes.value_or(row.text("notes"));
  if (c.exec(sql::kUpdateResearchVisit, {visit_id, in.version, day, place, participants, notes, by.at()}).affected == 0)
    throw ApiError(ErrorCode::version_conflict, "走访记录已被修改，请刷新后再试");
  if (in.member_user_ids) write_visit_members(c, research_id, visit_id, *in.member_user_ids);
  c.exec(sql::kTouchResearch, {research_id, by.at()});
  audit_act(c, by, "consultation.research.update_visit", "consultation_research", research_id, before,
            {{"visit_id", visit_id},
             {"visited_on", day},
             {"place", place},
             {"participants", participants},
             {"notes", notes}});
  return {research_id, event_of(by, events::kResearchVisitRecorded, research_id, {{"visit_id", visit_id}})};
}

Outcome add_research_file(db::Connection& c, const Caller& by, int64_t research_id, const ResearchFileInput& given) {
  ResearchRow r = load_research(c, by.user.committee_id, research_id);
  TopicRow t = load_topic(c, by.user.committee_id, r.topic_id);
  const std::string role = team_role(c, research_id, by.user.user_id);
  if (sight_of(by.user, t.ref, r.state, role) == Sight::none) throw ApiError::not_found("调研活动");
  const bool runner = runs(by.user, t.ref);
  if (!runner && role.empty()) throw ApiError::forbidden("只有政协办公室、牵头专委会和调研组成员可以上传调研材料");
  ResearchFileInput in = given;
  check_research_file_params(in);
  if (!runner) {
    if (in.purpose == "report") throw ApiError::forbidden("调研报告文件由政协办公室或牵头专委会上传");
    if (!in.visit_id || c.exec(sql::kTookPart, {*in.visit_id, by.user.user_id}).empty())
      throw ApiError::forbidden("只能为本人参加的调研走访上传照片和材料");
  }
  require_open(t);
  if (in.visit_id) {
    auto v = c.exec(sql::kResearchVisit, {*in.visit_id});
    if (v.empty() || v.one().integer("research_id") != research_id)
      throw ApiError::validation("visit_id", "该走访不属于本次调研");
    if (in.purpose == "report") throw ApiError::validation("purpose", "调研报告不属于某次走访");
  } else if (in.purpose == "photo") {
    throw ApiError::validation("visit_id", "照片须属于某次走访");
  }
  if (in.content.empty()) throw ApiError::validation("file", "文件为空");
  if (in.content.size() > kMaxFileBytes) throw ApiError(ErrorCode::payload_too_large, "文件不能超过 20 MB");
  const files::FileKind* kind = files::sniff(in.content);
  if (in.purpose == "photo" && (!kind || !kind->image))
    throw ApiError(ErrorCode::unsupported_media_type, "照片只能是 PNG 或 JPEG 图片");
  if (in.purpose == "report" && (!kind || !kind->document))
    throw ApiError(ErrorCode::unsupported_media_type, "调研报告只能是 PDF 或 Word（.doc/.docx）文件");
  if (!kind)
    throw ApiError(ErrorCode::unsupported_media_type, "只能上传 PDF、Word（.doc/.docx）或图片（PNG、JPEG）文件");
  std::string name = api::trim(in.filename);
  if (name.empty()) name = std::string(research_label(in.purpose)) + "." + kind->extension;
  if (api::utf8_length(name) > 100) throw ApiError::validation("file", "文件名不能超过 100 个字");
  if (c.exec(sql::kCountResearchFiles, {research_id}).one().integer(0) >= kMaxFilesPerActivity)
    throw ApiError::conflict("每项调研最多 100 个文件");
  const auto size = static_cast<int64_t>(in.content.size());
  const std::string hash = auth::sha256_hex(in.content);
  int64_t fid = c.exec(sql::kInsertResearchFile,
                       {by.user.committee_id, research_id, in.visit_id ? db::Value(*in.visit_id) : db::Value(nullptr),
                        in.purpose, name, std::string(kind->content_type), size, hash, files::to_base64(in.content),
                        by.user.user_id, by.user.name, by.at()})
                    .one()
                    .integer(0);
  c.exec(sql::kTouchResearch, {research_id, by.at()});
  audit_act(c, by, "consultation.research.attach", "consultation_research", research_id, nullptr,
            {{"file_id", fid},
             {"purpose", in.purpose},
             {"visit_id", in.visit_id ? Json(*in.visit_id) : Json(nullptr)},
             {"filename", name},
             {"content_type", kind->content_type},
             {"size", size},
             {"sha256", hash}});
  return {research_id, event_of(by, events::kResearchFileAdded, research_id, {{"file_id", fid}})};
}

Outcome delete_research_file(db::Connection& c, const Caller& by, int64_t file_id) {
  auto f = c.exec(sql::kResearchFile, {file_id});
  if (f.empty() || f.one().integer("committee_id") != by.user.committee_id) throw ApiError::not_found("调研文件");
  const auto& row = f.one();
  const int64_t research_id = row.integer("research_id");
  ResearchRow r = load_research(c, by.user.committee_id, research_id);
  TopicRow t = load_topic(c, by.user.committee_id, r.topic_id);
  const std::string role = team_role(c, research_id, by.user.user_id);
  if (sight_of(by.user, t.ref, r.state, role) != Sight::full) throw ApiError::not_found("调研文件");
  const bool own = !role.empty() && !row.is_null("uploaded_by") && row.integer("uploaded_by") == by.user.user_id;
  if (!runs(by.user, t.ref) && !own) throw ApiError::forbidden("不能删除他人上传的调研文件");
  require_open(t);
  c.exec(sql::kDeleteResearchFile, {file_id});
  c.exec(sql::kTouchResearch, {research_id, by.at()});
  audit_act(c, by, "consultation.research.detach", "consultation_research", research_id,
            {{"file_id", file_id},
             {"purpose", row.text("purpose")},
             {"filename", row.text("filename")},
             {"sha256", row.text("sha256")}},
            nullptr);
  return {research_id, event_of(by, events::kResearchFileRemoved, research_id, {{"file_id", file_id}})};
}

Outcome save_research_report(db::Connection& c, const Caller& by, int64_t id, const ReportDraftInput& in) {
  auto [r, t] = for_runner(c, by, id, "起草调研报告");
  require_open(t);
  if (r.state != "drafting")
    throw ApiError(ErrorCode::illegal_transition,
                   std::string("调研报告当前为“") + research_label(r.state) + "”，不能修改");
  if (r.version != in.version) throw ApiError(ErrorCode::version_conflict, "调研活动已被修改，请刷新后再试");
  const int64_t next = r.report_version + 1;
  if (c.exec(sql::kSaveResearchReport, {id, in.version, next, in.body, by.at()}).affected == 0)
    throw ApiError(ErrorCode::version_conflict, "调研活动已被修改，请刷新后再试");
  c.exec(sql::kInsertReportDraft, {id, next, in.body, by.user.user_id, by.user.name, by.at()});
  audit_act(c, by, "consultation.research.save_report", "consultation_research", id,
            {{"report_version", r.report_version}}, {{"report_version", next}, {"body", in.body}});
  return {id, event_of(by, events::kResearchReportSaved, id, {{"topic_id", r.topic_id}, {"report_version", next}})};
}

namespace {

const ResearchTransition& authorise(const Caller& by, const TopicRow& t, const ResearchRow& r,
                                    const ResearchStepInput& in) {
  const auto rel = relations_to(by.user, t.ref);
  const std::string what = research_label(in.action);
  bool may_ever = false;
  for (const auto& x : kTransitions)
    if (in.action == x.action && has(rel, x.actor)) may_ever = true;
  if (!may_ever) throw ApiError::forbidden("您不能对该调研报告执行“" + what + "”");
  if (!topic_open(t.state)) require_open(t);
  for (const auto& x : kTransitions)
    if (r.state == x.from && in.action == x.action && has(rel, x.actor)) {
      if (r.version != in.version) throw ApiError(ErrorCode::version_conflict, "调研活动已被修改，请刷新后再试");
      return x;
    }
  for (const auto& x : kTransitions)
    if (r.state == x.from && in.action == x.action) throw ApiError::forbidden("您不能对该调研报告执行“" + what + "”");
  throw ApiError(ErrorCode::illegal_transition,
                 std::string("调研报告当前为“") + research_label(r.state) + "”，不能“" + what + "”");
}

std::pair<ResearchRow, TopicRow> load_for_step(db::Connection& c, const Caller& by, int64_t id) {
  ResearchRow r = load_research(c, by.user.committee_id, id);
  TopicRow t = load_topic(c, by.user.committee_id, r.topic_id);
  if (sight_of(by.user, t.ref, r.state, team_role(c, id, by.user.user_id)) != Sight::full)
    throw ApiError::not_found("调研活动");
  return {r, t};
}

}  // namespace

void authorise_research_step(db::Connection& c, const Caller& by, int64_t id, const ResearchStepInput& in) {
  auto [r, t] = load_for_step(c, by, id);
  authorise(by, t, r, in);
}

Outcome research_step(db::Connection& c, const Caller& by, int64_t id, const ResearchStepInput& in,
                      const std::string& note) {
  auto [r, t] = load_for_step(c, by, id);
  const ResearchTransition& x = authorise(by, t, r, in);
  if (in.action == "submit" && api::trim(r.report_body).empty())
    throw ApiError::conflict("请先起草调研报告，再提交审定");
  const bool finishing = std::string(x.to) == "final";
  if (c.exec(sql::kMoveResearch, {id, in.version, x.to, finishing ? db::Value(by.at()) : db::Value(nullptr), by.at()})
          .affected == 0)
    throw ApiError(ErrorCode::version_conflict, "调研活动已被修改，请刷新后再试");
  research_history(c, by, id, in.action, r.state, x.to, note);
  Json after = {{"state", x.to}, {"report_version", r.report_version}};
  if (!note.empty()) after["note"] = note;
  audit_act(c, by, "consultation.research." + in.action, "consultation_research", id, {{"state", r.state}}, after);
  return {id, event_of(by, events::kResearchPrefix + in.action, id,
                       {{"action", in.action}, {"from", r.state}, {"to", x.to}, {"topic_id", r.topic_id}})};
}

Json research_of_topic(db::Connection& c, const Principal& p, int64_t topic_id) {
  TopicRow t = load_topic(c, p.committee_id, topic_id);
  Json out = Json::array();
  for (const auto& row : c.exec(sql::kResearchOfTopic, {topic_id}).rows) {
    const std::string role = team_role(c, row.integer("id"), p.user_id);
    Sight s = sight_of(p, t.ref, row.text("state"), role);
    if (s == Sight::none) continue;
    out.push_back(research_json(c, p, t, row, s, role));
  }
  return out;
}

bool may_create_research(db::Connection& c, const Principal& p, int64_t topic_id) {
  TopicRow t = load_topic(c, p.committee_id, topic_id);
  return runs(p, t.ref) && (t.state == TopicState::planned || t.state == TopicState::researching);
}

Json research_detail(db::Connection& c, const Principal& p, int64_t id) {
  auto r = c.exec(sql::kResearch, {id});
  if (r.empty() || r.one().integer("committee_id") != p.committee_id) throw ApiError::not_found("调研活动");
  TopicRow t = load_topic(c, p.committee_id, r.one().integer("topic_id"));
  const std::string role = team_role(c, id, p.user_id);
  Sight s = sight_of(p, t.ref, r.one().text("state"), role);
  if (s == Sight::none) throw ApiError::not_found("调研活动");
  return research_json(c, p, t, r.one(), s, role);
}

Json my_research(db::Connection& c, const Principal& p, const std::string& today) {
  Json items = Json::array();
  for (const auto& r : c.exec(sql::kResearchOfUser, {p.user_id, p.committee_id}).rows) {
    const int64_t id = r.integer("id");
    auto next = c.exec(sql::kNextResearchVisit, {id, today});
    auto topic_state = parse_topic_state(r.text("topic_state"));
    items.push_back(
        {{"id", id},
         {"topic_id", r.integer("topic_id")},
         {"topic_title", r.text("topic_title")},
         {"topic_state", r.text("topic_state")},
         {"topic_state_label", topic_state ? label(*topic_state) : ""},
         {"kind", r.text("kind")},
         {"kind_label", research_label(r.text("kind"))},
         {"title", r.text("title")},
         {"state", r.text("state")},
         {"state_label", research_label(r.text("state"))},
         {"role", r.text("role")},
         {"role_label", research_label(r.text("role"))},
         {"visits", c.exec(sql::kCountResearchVisits, {id}).one().integer(0)},
         {"next_visit",
          next.empty() ? Json(nullptr) : Json({{"visited_on", next.one().text(0)}, {"place", next.one().text(1)}})}});
  }
  return {{"items", items}, {"total", items.size()}};
}

int64_t topic_of_research(db::Connection& c, int64_t id) {
  auto r = c.exec(sql::kTopicOfResearch, {id});
  return r.empty() ? 0 : r.one().integer(0);
}

int64_t research_of_visit(db::Connection& c, int64_t id) {
  auto r = c.exec(sql::kResearchVisit, {id});
  return r.empty() ? 0 : r.one().integer("research_id");
}

ResearchFileContent research_file(db::Connection& c, const Principal& p, int64_t id) {
  auto f = c.exec(sql::kResearchFile, {id});
  if (f.empty() || f.one().integer("committee_id") != p.committee_id) throw ApiError::not_found("调研文件");
  const auto& row = f.one();
  const int64_t research_id = row.integer("research_id");
  auto r = c.exec(sql::kResearch, {research_id});
  if (r.empty()) throw ApiError::not_found("调研文件");
  TopicRow t = load_topic(c, p.committee_id, r.one().integer("topic_id"));
  Sight s = sight_of(p, t.ref, r.one().text("state"), team_role(c, research_id, p.user_id));
  const bool report_file = row.is_null("visit_id") && row.text("purpose") == "report";
  if (s == Sight::none || (s == Sight::final_report && !report_file)) throw ApiError::not_found("调研文件");
  auto d = c.exec(sql::kResearchFileData, {id});
  return {d.one().text(0), d.one().text(1), files::from_base64(d.one().text(2))};
}

}  // namespace sl::consultations
