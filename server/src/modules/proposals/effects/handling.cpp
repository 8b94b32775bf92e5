// Handling (办理): consultations with the proposer, co-units' opinions, deadline extensions.
#include "core/clock.hpp"
#include "modules/proposals/calendar.hpp"
#include "modules/proposals/effects/effects.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::proposals {

namespace {

void record_consultation(Context& x) {
  const auto& in = x.input<ConsultationInput>();
  int64_t unit = pick_unit(handling_units(x), in.unit_id);
  if (in.held_on > x.by.today()) throw ApiError::validation("held_on", "协商日期不能晚于今天");
  x.c.exec(sql::kInsertConsultation, {x.id, unit, in.method, in.held_on, in.people, in.content, x.user().user_id});
  x.history = {{"unit_id", unit}, {"method", in.method}, {"held_on", in.held_on}};
}

void send_opinion(Context& x) {
  const auto& in = x.input<OpinionInput>();
  int64_t unit = pick_unit(x.rel.co_units, in.unit_id);
  auto r = x.c.exec(sql::kSendCoOpinion, {in.opinion, x.id, unit});
  if (r.affected == 0) throw ApiError(ErrorCode::illegal_transition, "请先签收后再提交协办意见");
  x.history["unit_id"] = unit;
}

void request_extension(Context& x) {
  const auto& in = x.input<ExtensionRequestInput>();
  std::string assigned = clock::local_day(x.row.text("assigned_at"));
  if (in.requested_due <= x.row.text("due_at").substr(0, 10))
    throw ApiError::validation("requested_due", "延期后的日期须晚于现有期限");
  int max_months = x.settings().max_reply_months;
  if (in.requested_due > add_months(assigned, max_months))
    throw ApiError::validation("requested_due", "办理期限最长为交办后 " + std::to_string(max_months) + " 个月（" +
                                                    add_months(assigned, max_months) + "）");
  int64_t unit = pick_unit(x.rel.lead_units, std::nullopt);
  x.c.exec(sql::kInsertExtension, {x.id, unit, in.reason, in.requested_due});
  x.history = {{"reason", in.reason}, {"requested_due", in.requested_due}};
}

void grant_extension(Context& x) {
  const auto& in = x.input<ExtensionAnswerInput>();
  auto e = x.c.exec(sql::kPendingExtension, {in.extension_id, x.id});
  if (e.empty()) throw ApiError(ErrorCode::illegal_transition, "没有待处理的延期申请");
  x.c.exec(sql::kAnswerExtension, {in.approve ? "granted" : "refused", in.extension_id});
  if (in.approve) {
    std::string due = e.one().text(0);
    x.c.exec(sql::kSetProposalDue, {due, x.id});
    x.c.exec(sql::kSetAssignmentsReplyDue, {due, x.id});
  }
  x.history = {{"extension_id", in.extension_id}, {"approve", in.approve}};
}

}  // namespace

void handling_effects(Action a, Context& x) {
  switch (a) {
    case Action::record_consultation:
      return record_consultation(x);
    case Action::send_opinion:
      return send_opinion(x);
    case Action::request_extension:
      return request_extension(x);
    case Action::grant_extension:
      return grant_extension(x);
    default:
      throw std::logic_error("handling_effects: not a handling action");
  }
}

}  // namespace sl::proposals
