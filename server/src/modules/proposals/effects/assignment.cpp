// Assignment (交办): choosing the units, signing for it, asking to return it, reassigning (改办).
#include "core/api/resource.hpp"
#include "modules/proposals/effects/effects.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::proposals {

namespace {

void assign(Context& x) {
  auto& v = x.v;
  auto type = v.one_of("handling_type", api::Presence::required, {"single", "lead_co", "split"});
  auto units = v.raw("units", api::Presence::required);
  v.finish();
  if (!units->is_array() || units->empty()) throw ApiError::validation("units", "请选择承办单位");
  int leads = 0;
  std::vector<std::pair<int64_t, std::string>> list;
  for (const auto& u : *units) {
    if (!u.is_object() || !u.contains("unit_id") || !u["unit_id"].is_number_integer())
      throw ApiError::validation("units", "承办单位格式有误");
    if (u.contains("role") && !u["role"].is_string()) throw ApiError::validation("units", "承办方式应为主办或协办");
    std::string role = u.value("role", "lead");
    if (role != "lead" && role != "co") throw ApiError::validation("units", "承办方式应为主办或协办");
    int64_t uid = u["unit_id"].get<int64_t>();
    if (!api::exists_in_committee(x.c, "units", uid, x.user().committee_id))
      throw ApiError::validation("units", "所选承办单位不存在");
    for (auto& [existing, _] : list)
      if (existing == uid) throw ApiError::validation("units", "同一单位不能重复交办");
    if (role == "lead") ++leads;
    list.emplace_back(uid, role);
  }
  if (*type == "single" && (list.size() != 1 || leads != 1))
    throw ApiError::validation("units", "单办须且只能选择一个主办单位");
  if (*type == "lead_co" && (leads != 1 || list.size() < 2))
    throw ApiError::validation("units", "主办加协办须有一个主办单位和至少一个协办单位");
  if (*type == "split" && (leads != static_cast<int>(list.size()) || list.size() < 2))
    throw ApiError::validation("units", "分办须选择两个或以上的主办单位");
  const Dues& d = x.dues;
  for (auto& [uid, role] : list)
    x.c.exec(sql::kInsertAssignment,
             {x.id, uid, role, d.sign_due, role == "co" ? db::Value(d.opinion_due) : db::Value(nullptr), d.reply_due});
  x.c.exec(sql::kAssignProposal, {*type, x.by.at(), d.reply_due, x.id});
  x.history = {{"handling_type", *type}, {"units", *units}, {"sign_due", d.sign_due}, {"reply_due", d.reply_due}};
}

void sign(Context& x) {
  x.v.id("unit_id", api::Presence::optional);
  x.v.finish();
  int64_t unit = pick_unit(x, handling_units(x));
  auto r = x.c.exec(sql::kSignAssignment, {x.by.at(), x.id, unit});
  if (r.affected == 0) throw ApiError(ErrorCode::illegal_transition, "本单位已签收或不在待签收状态");
  x.history["unit_id"] = unit;
}

void request_return(Context& x) {
  x.v.id("unit_id", api::Presence::optional);
  auto reason = x.v.text("reason", api::Presence::required, 500);
  x.v.finish();
  int64_t unit = pick_unit(x, handling_units(x));
  auto a = x.c.exec(sql::kReturnableAssignment, {x.id, unit});
  if (a.empty()) throw ApiError(ErrorCode::illegal_transition, "本单位当前不能申请退回");
  if (!a.one().is_null("sign_due") && x.by.today() > a.one().text("sign_due"))
    throw ApiError(ErrorCode::illegal_transition, "已超过签收期限，不能再申请退回，请联系提案委");
  x.c.exec(sql::kRequestAssignmentReturn, {*reason, a.one().integer("id")});
  x.history = {{"unit_id", unit}, {"reason", *reason}};
}

/// 改办 (a new unit takes the returned assignment) or 不同意退回 (the unit keeps it).
void answer_return(Action action, Context& x) {
  auto& v = x.v;
  auto assignment = v.id("assignment_id", api::Presence::required);
  auto new_unit = action == Action::reassign ? v.id("unit_id", api::Presence::required) : std::optional<int64_t>();
  auto comment = v.text("comment", api::Presence::optional, 500, true);
  v.finish();
  auto a = x.c.exec(sql::kAssignmentOfProposal, {*assignment, x.id});
  if (a.empty() || a.one().text("state") != "return_requested")
    throw ApiError(ErrorCode::illegal_transition, "该单位没有待处理的退回申请");
  if (action == Action::refuse_return) {
    x.c.exec(sql::kRefuseAssignmentReturn, {*assignment});
    x.history = {{"assignment_id", *assignment}, {"comment", comment.value_or("")}};
    return;
  }
  if (!api::exists_in_committee(x.c, "units", *new_unit, x.user().committee_id))
    throw ApiError::validation("unit_id", "所选承办单位不存在");
  if (!x.c.exec(sql::kUnitHandlesProposal, {x.id, *new_unit}).empty())
    throw ApiError::validation("unit_id", "该单位已在承办该提案");
  x.c.exec(sql::kMarkAssignmentReassigned, {*assignment});
  // The new unit signs within its own window; the opinion and reply deadlines stay as assigned.
  x.c.exec(sql::kInsertAssignment,
           {x.id, *new_unit, a.one().text("role"), x.dues.sign_due,
            a.one().is_null("opinion_due") ? db::Value(nullptr) : db::Value(a.one().text("opinion_due")),
            a.one().text("reply_due")});
  x.history = {{"assignment_id", *assignment}, {"from_unit_id", a.one().integer("unit_id")}, {"unit_id", *new_unit}};
}

}  // namespace

void assignment_effects(Action a, Context& x) {
  switch (a) {
    case Action::assign:
      return assign(x);
    case Action::sign:
      return sign(x);
    case Action::request_return:
      return request_return(x);
    case Action::reassign:
    case Action::refuse_return:
      return answer_return(a, x);
    default:
      throw std::logic_error("assignment_effects: not an assignment action");
  }
}

}  // namespace sl::proposals
