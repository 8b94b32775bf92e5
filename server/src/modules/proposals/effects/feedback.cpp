// Feedback (征询意见) on the reply, closing (办结) and publishing (公开).
#include "modules/proposals/effects/effects.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::proposals {

namespace {

void feedback(Context& x) {
  const auto& in = x.input<FeedbackInput>();
  int64_t round = x.row.integer("round");
  auto& c = x.c;
  if (!c.exec(sql::kFeedbackGiven, {x.id, round, x.user().user_id}).empty())
    throw ApiError::conflict("本轮办理您已反馈过意见");
  c.exec(sql::kInsertFeedback,
         {x.id, round, x.user().user_id, in.rating, in.consulted, in.attitude, in.answers_proposal, in.comment});
  x.history["rating"] = in.rating;
  // A co-signer's feedback is recorded beside the proposer's; only the proposer's moves the state.
  if (!x.rel.has(Actor::proposer)) return;
  c.exec(sql::kSetSatisfaction, {in.rating, x.id});
  if (x.to == State::second_handling) {
    const std::string& due = x.dues.reply_due;
    c.exec(sql::kStartSecondRound, {due, x.id});
    c.exec(sql::kReopenRepliedAssignments, {due, x.id});
    x.history["second_due"] = due;
  } else if (x.to == State::closed) {
    c.exec(sql::kCloseProposalAfterFeedback, {x.by.at(), int64_t{in.rating == "unsatisfied"}, x.id});
  }
}

void publish(Context& x) {
  if (x.row.integer("consent_publish") == 0)
    throw ApiError(ErrorCode::illegal_transition, "提案人不同意公开，不能公开");
  if (x.row.integer("published") != 0) throw ApiError(ErrorCode::illegal_transition, "该提案已公开");
  x.c.exec(sql::kPublishProposal, {x.by.at(), x.id});
}

}  // namespace

void feedback_effects(Action a, Context& x) {
  switch (a) {
    case Action::feedback:
      return feedback(x);
    case Action::close:
      x.c.exec(sql::kCloseProposal, {x.by.at(), x.id});
      return;
    case Action::publish:
      return publish(x);
    default:
      throw std::logic_error("feedback_effects: not a feedback action");
  }
}

}  // namespace sl::proposals
