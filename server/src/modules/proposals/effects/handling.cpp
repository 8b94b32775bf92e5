// Handling (办理): consultations with the proposer, co-units' opinions, deadline extensions.
#include "core/clock.hpp"
#include "modules/proposals/calendar.hpp"
#include "modules/proposals/effects/effects.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::proposals {

namespace {

void record_consultation(Context& x) {
  auto& v = x.v;
  v.id("unit_id", api::Presence::optional);
  auto method = v.one_of("method", api::Presence::required, {"meeting", "forum", "phone", "site", "written"});
  auto held_on = v.date("held_on", api::Presence::required);
  auto people = v.text("people", api::Presence::optional, 200, true);
  auto content = v.text("content", api::Presence::required, 5000);
  v.finish();
  int64_t unit = pick_unit(x, handling_units(x));
  if (*held_on > x.by.today()) throw ApiError::validation("held_on", "协商日期不能晚于今天");
  x.c.exec(sql::kInsertConsultation, {x.id, unit, *method, *held_on, people.value_or(""), *content, x.user().user_id});
  x.history = {{"unit_id", unit}, {"method", *method}, {"held_on", *held_on}};
}

void send_opinion(Context& x) {
  x.v.id("unit_id", api::Presence::optional);
  auto opinion = x.v.text("opinion", api::Presence::required, 10000);
  x.v.finish();
  int64_t unit = pick_unit(x, x.rel.co_units);
  auto r = x.c.exec(sql::kSendCoOpinion, {*opinion, x.id, unit});
  if (r.affected == 0) throw ApiError(ErrorCode::illegal_transition, "请先签收后再提交协办意见");
  x.history["unit_id"] = unit;
}

void request_extension(Context& x) {
  auto reason = x.v.text("reason", api::Presence::required, 500);
  auto due = x.v.date("requested_due", api::Presence::required);
  x.v.finish();
  std::string assigned = clock::local_day(x.row.text("assigned_at"));
  if (*due <= x.row.text("due_at").substr(0, 10))
    throw ApiError::validation("requested_due", "延期后的日期须晚于现有期限");
  int max_months = x.settings().max_reply_months;
  if (*due > add_months(assigned, max_months))
    throw ApiError::validation("requested_due", "办理期限最长为交办后 " + std::to_string(max_months) + " 个月（" +
                                                    add_months(assigned, max_months) + "）");
  int64_t unit = pick_unit(x, x.rel.lead_units);
  x.c.exec(sql::kInsertExtension, {x.id, unit, *reason, *due});
  x.history = {{"reason", *reason}, {"requested_due", *due}};
}

void grant_extension(Context& x) {
  auto ext = x.v.id("extension_id", api::Presence::required);
  auto approve = x.v.boolean("approve", api::Presence::required);
  x.v.finish();
  auto e = x.c.exec(sql::kPendingExtension, {*ext, x.id});
  if (e.empty()) throw ApiError(ErrorCode::illegal_transition, "没有待处理的延期申请");
  x.c.exec(sql::kAnswerExtension, {*approve ? "granted" : "refused", *ext});
  if (*approve) {
    std::string due = e.one().text(0);
    x.c.exec(sql::kSetProposalDue, {due, x.id});
    x.c.exec(sql::kSetAssignmentsReplyDue, {due, x.id});
  }
  x.history = {{"extension_id", *ext}, {"approve", *approve}};
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
