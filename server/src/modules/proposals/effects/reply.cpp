// Replies (答复): the lead unit's reply, its leader's review, the committee's review and release.
#include <algorithm>

#include "core/api/resource.hpp"
#include "modules/proposals/effects/effects.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/reply_drafts.hpp"

namespace sl::proposals {

namespace {

void submit_reply(Context& x) {
  const auto& in = x.input<ReplyInput>();
  auto allowed = x.settings().result_categories();
  if (std::find(allowed.begin(), allowed.end(), in.result_category) == allowed.end())
    throw ApiError::validation("result_category",
                               in.result_category == "D"
                                   ? "本委员会未启用 D 类办理结果，请选择 A、B 或 C 类"
                                   : "办理结果应为 A、B、C" + std::string(allowed.size() > 3 ? "、D" : "") + " 类之一");
  if (in.body.find(kTemplatePromptOpen) != std::string::npos)
    throw ApiError::validation("body", "答复中仍有模板提示（【请……】），请替换为实际内容后再提交");
  int64_t unit = pick_unit(x.rel.lead_units, in.unit_id);
  auto a = x.c.exec(sql::kLeadAssignmentState, {x.id, unit});
  if (a.empty() || a.one().text(0) == "awaiting_sign")
    throw ApiError(ErrorCode::illegal_transition, "请先签收后再答复");
  if (x.c.exec(sql::kCountConsultations, {x.id}).one().integer(0) == 0)
    throw ApiError(ErrorCode::illegal_transition, "答复前须先与提案人沟通协商，并记录协商情况");
  x.c.exec(sql::kInsertReply, {x.id, unit, x.row.integer("round"), in.body, in.result_category, x.user().user_id});
  x.c.exec(sql::kDeleteReplyDraft, {x.id, unit, x.row.integer("round")});  // the draft became the reply
  x.history = {{"unit_id", unit}, {"result_category", in.result_category}};
}

/// The unit leader's review (approve, reject) and the committee's (pass and release, send back).
void review_reply(Action action, Context& x) {
  const auto& in = x.input<ReplyReviewInput>();
  const bool unit_review = action == Action::approve_reply || action == Action::reject_reply;
  // The reply is chosen by proposal and unit: a unit leader reviews their own units' replies
  // only (under split handling each lead unit answers separately); staff may name one.
  std::vector<db::Value> params = {x.id, std::string(unit_review ? "unit_review" : "cppcc_review")};
  std::string which;
  if (unit_review) {
    std::string units;
    for (int64_t u : x.rel.lead_units) units += (units.empty() ? "" : ", ") + api::add_param(params, u);
    which = units.empty() ? " AND 1=0" : " AND unit_id IN (" + units + ")";
  }
  if (in.reply_id) which += " AND id = " + api::add_param(params, *in.reply_id);
  auto reply = x.c.exec(sql::kLatestReplyForReview + which + sql::kLatestFirst, params);
  if (reply.empty()) throw ApiError(ErrorCode::illegal_transition, "没有待您审核的答复");
  int64_t rid = reply.one().integer(0);
  const char* next = action == Action::approve_reply ? "cppcc_review"
                     : action == Action::pass_reply  ? "released"
                                                     : "sent_back";
  std::string now = x.by.at();
  x.c.exec(sql::kReviewReply, {std::string(next), in.comment, x.user().user_id, now, rid});
  if (action == Action::pass_reply) {
    std::string result = reply.one().text(1);
    x.c.exec(sql::kReleaseReplyResult, {result, now, int64_t{result == "B" || result == "C"}, x.id});
    x.c.exec(sql::kMarkLeadAssignmentsReplied, {x.id});
  }
  x.history = {{"reply_id", rid}, {"comment", in.comment}};
}

}  // namespace

void reply_effects(Action a, Context& x) {
  switch (a) {
    case Action::submit_reply:
      return submit_reply(x);
    case Action::approve_reply:
    case Action::reject_reply:
    case Action::pass_reply:
    case Action::send_back_reply:
      return review_reply(a, x);
    default:
      throw std::logic_error("reply_effects: not a reply action");
  }
}

}  // namespace sl::proposals
