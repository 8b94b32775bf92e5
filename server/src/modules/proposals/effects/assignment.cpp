// Assignment (交办): choosing the units, signing for it, asking to return it, reassigning (改办).
#include <algorithm>

#include "core/api/resource.hpp"
#include "modules/proposals/effects/effects.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::proposals {

namespace {

void assign(Context& x) {
  const auto& in = x.input<AssignInput>();
  int leads = 0;
  Json units = Json::array();
  for (const auto& u : in.units) {
    if (!api::exists_in_committee(x.c, "units", u.unit_id, x.user().committee_id))
      throw ApiError::validation("units", "所选承办单位不存在");
    if (std::count_if(in.units.begin(), in.units.end(), [&](const UnitChoice& o) { return o.unit_id == u.unit_id; }) >
        1)
      throw ApiError::validation("units", "同一单位不能重复交办");
    if (u.role == "lead") ++leads;
    units.push_back({{"unit_id", u.unit_id}, {"role", u.role}});
  }
  const auto n = static_cast<int>(in.units.size());
  if (in.handling_type == "single" && (n != 1 || leads != 1))
    throw ApiError::validation("units", "单办须且只能选择一个主办单位");
  if (in.handling_type == "lead_co" && (leads != 1 || n < 2))
    throw ApiError::validation("units", "主办加协办须有一个主办单位和至少一个协办单位");
  if (in.handling_type == "split" && (leads != n || n < 2))
    throw ApiError::validation("units", "分办须选择两个或以上的主办单位");
  const Dues& d = x.dues;
  for (const auto& u : in.units)
    x.c.exec(sql::kInsertAssignment, {x.id, u.unit_id, u.role, d.sign_due,
                                      u.role == "co" ? db::Value(d.opinion_due) : db::Value(nullptr), d.reply_due});
  x.c.exec(sql::kAssignProposal, {in.handling_type, x.by.at(), d.reply_due, x.id});
  x.history = {
      {"handling_type", in.handling_type}, {"units", units}, {"sign_due", d.sign_due}, {"reply_due", d.reply_due}};
}

void sign(Context& x) {
  int64_t unit = pick_unit(handling_units(x), x.input<SignInput>().unit_id);
  auto r = x.c.exec(sql::kSignAssignment, {x.by.at(), x.id, unit});
  if (r.affected == 0) throw ApiError(ErrorCode::illegal_transition, "本单位已签收或不在待签收状态");
  x.history["unit_id"] = unit;
}

void request_return(Context& x) {
  const auto& in = x.input<ReturnRequestInput>();
  int64_t unit = pick_unit(handling_units(x), in.unit_id);
  auto a = x.c.exec(sql::kReturnableAssignment, {x.id, unit});
  if (a.empty()) throw ApiError(ErrorCode::illegal_transition, "本单位当前不能申请退回");
  if (!a.one().is_null("sign_due") && x.by.today() > a.one().text("sign_due"))
    throw ApiError(ErrorCode::illegal_transition, "已超过签收期限，不能再申请退回，请联系提案委");
  x.c.exec(sql::kRequestAssignmentReturn, {in.reason, a.one().integer("id")});
  x.history = {{"unit_id", unit}, {"reason", in.reason}};
}

/// 改办 (a new unit takes the returned assignment) or 不同意退回 (the unit keeps it).
void answer_return(Action action, Context& x) {
  const auto& in = x.input<ReturnAnswerInput>();
  auto a = x.c.exec(sql::kAssignmentOfProposal, {in.assignment_id, x.id});
  if (a.empty() || a.one().text("state") != "return_requested")
    throw ApiError(ErrorCode::illegal_transition, "该单位没有待处理的退回申请");
  if (action == Action::refuse_return) {
    x.c.exec(sql::kRefuseAssignmentReturn, {in.assignment_id});
    x.history = {{"assignment_id", in.assignment_id}, {"comment", in.comment}};
    return;
  }
  int64_t new_unit = in.unit_id.value_or(0);
  if (!api::exists_in_committee(x.c, "units", new_unit, x.user().committee_id))
    throw ApiError::validation("unit_id", "所选承办单位不存在");
  if (!x.c.exec(sql::kUnitHandlesProposal, {x.id, new_unit}).empty())
    throw ApiError::validation("unit_id", "该单位已在承办该提案");
  x.c.exec(sql::kMarkAssignmentReassigned, {in.assignment_id});
  // The new unit signs within its own window; the opinion and reply deadlines stay as assigned.
  x.c.exec(sql::kInsertAssignment,
           {x.id, new_unit, a.one().text("role"), x.dues.sign_due,
            a.one().is_null("opinion_due") ? db::Value(nullptr) : db::Value(a.one().text("opinion_due")),
            a.one().text("reply_due")});
  x.history = {
      {"assignment_id", in.assignment_id}, {"from_unit_id", a.one().integer("unit_id")}, {"unit_id", new_unit}};
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
