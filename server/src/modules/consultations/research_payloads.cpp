#include "modules/consultations/research_payloads.hpp"

#include "core/api/validation.hpp"

namespace sl::consultations {

namespace {

using api::Presence;
namespace lim = research_limits;

/// The team: an array of people, each checked on its own; problems are named by position.
std::optional<std::vector<TeamMemberInput>> read_team(api::Validator& v, const Json& body) {
  auto raw = v.raw("team", Presence::optional);
  if (!raw) return std::nullopt;
  const Json& team = body.at("team");
  if (!team.is_array()) {
    v.fail("team", "应为成员列表");
    return std::nullopt;
  }
  if (team.size() > lim::kTeam) {
    v.fail("team", "调研组成员最多 " + std::to_string(lim::kTeam) + " 人");
    return std::nullopt;
  }
  std::vector<TeamMemberInput> out;
  int leaders = 0;
  for (size_t i = 0; i < team.size(); ++i) {
    const Json& item = team[i];
    const std::string where = "第" + std::to_string(i + 1) + "位成员";
    if (!item.is_object()) {
      v.fail("team", where + "应为对象");
      return std::nullopt;
    }
    api::Validator iv(item);
    TeamMemberInput m;
    auto role = iv.one_of("role", Presence::required, {"leader", "member", "expert", "staff"});
    auto user = iv.id("user_id", Presence::optional, true);
    auto name = iv.text("name", Presence::optional, lim::kPersonName, true);
    auto employer = iv.text("employer", Presence::optional, lim::kEmployer, true);
    auto title = iv.text("title", Presence::optional, lim::kPersonTitle, true);
    try {
      iv.finish();
    } catch (const ApiError& e) {
      v.fail("team", where + "：" + e.message());
      return std::nullopt;
    }
    m.role = *role;
    if (user && *user > 0) m.user_id = *user;
    m.name = name.value_or("");
    m.employer = employer.value_or("");
    m.title = title.value_or("");
    if (m.role == "expert") {
      if (m.user_id) {
        v.fail("team", where + "：专家为会外人士，不填写账号");
        return std::nullopt;
      }
      if (m.name.empty()) {
        v.fail("team", where + "：请填写专家姓名");
        return std::nullopt;
      }
    } else if (!m.user_id) {
      v.fail("team", where + "：请选择本会人员");
      return std::nullopt;
    }
    if (m.role == "leader") ++leaders;
    out.push_back(std::move(m));
  }
  if (leaders > 1) v.fail("team", "调研组只能有一位组长");
  return out;
}

}  // namespace

ResearchInput read_research_input(const Json& body, bool creating) {
  api::Validator v(body);
  const Presence needed = creating ? Presence::required : Presence::optional;
  ResearchInput in;
  if (!creating) in.version = v.integer("version", Presence::required, 1).value_or(0);
  in.kind = v.one_of("kind", needed, {"research", "inspection"});
  in.title = v.text("title", needed, lim::kTitle);
  in.outline = v.text("outline", Presence::optional, lim::kOutline, true);
  in.team = read_team(v, body);
  v.finish();
  return in;
}

VisitInput read_visit_input(const Json& body, bool creating) {
  api::Validator v(body);
  const Presence needed = creating ? Presence::required : Presence::optional;
  VisitInput in;
  if (!creating) in.version = v.integer("version", Presence::required, 1).value_or(0);
  in.visited_on = v.date("visited_on", needed);
  in.place = v.text("place", needed, lim::kPlace);
  in.participants = v.text("participants", Presence::optional, lim::kParticipants, true);
  in.notes = v.text("notes", Presence::optional, lim::kNotes, true);
  in.member_user_ids = v.id_list("member_user_ids", Presence::optional);
  if (in.member_user_ids && in.member_user_ids->size() > lim::kTeam) v.fail("member_user_ids", "参加人员过多");
  v.finish();
  return in;
}

ReportDraftInput read_report_draft(const Json& body) {
  api::Validator v(body);
  auto version = v.integer("version", Presence::required, 1);
  auto text = v.text("body", Presence::required, lim::kReport);
  v.finish();
  return {*version, *text};
}

ResearchStepInput read_research_step(const Json& body) {
  api::Validator v(body);
  auto action = v.one_of("action", Presence::required, {"submit", "approve", "send_back"});
  auto version = v.integer("version", Presence::required, 1);
  v.skip("note");
  v.finish();
  return {*action, *version};
}

std::string read_research_step_note(const std::string& action, const Json& body) {
  api::Validator v(body);
  v.skip("action");
  v.skip("version");
  const bool returning = action == "send_back";
  auto note = v.text("note", returning ? Presence::required : Presence::optional, lim::kNote, !returning);
  v.finish();
  return note.value_or("");
}

void check_research_file_params(ResearchFileInput& in) {
  if (in.purpose.empty()) in.purpose = "material";
  if (in.purpose != "photo" && in.purpose != "material" && in.purpose != "report")
    throw ApiError::validation("purpose", "用途只能是照片、材料或报告");
  const std::string& v = in.visit_param;
  if (v.empty()) return;
  if (v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos ||
      v.find_first_not_of('0') == std::string::npos)
    throw ApiError::validation("visit_id", "调研走访编号有误");
  in.visit_id = std::stoll(v);
}

}  // namespace sl::consultations
