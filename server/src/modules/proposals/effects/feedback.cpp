// Feedback (征询意见) on the reply, closing (办结) and publishing (公开).
#include "modules/proposals/effects/effects.hpp"

namespace sl::proposals {

namespace {

void feedback(Context& x) {
  auto& v = x.v;
  auto rating = v.one_of("rating", api::Presence::required, {"satisfied", "basic", "unsatisfied"});
  auto consulted = v.one_of("consulted", api::Presence::optional, {"face_to_face", "phone", "written", "none"});
  auto attitude = v.one_of("attitude", api::Presence::optional, {"good", "fair", "poor"});
  auto answers = v.one_of("answers_proposal", api::Presence::optional, {"yes", "partly", "no"});
  auto comment = v.text("comment", api::Presence::optional, 2000, true);
  v.finish();
  int64_t round = x.row.integer("round");
  auto& c = x.c;
  if (!c.exec("SELECT 1 FROM proposal_feedback WHERE proposal_id = $1 AND round = $2 AND user_id = $3",
              {x.id, round, x.user().user_id})
           .empty())
    throw ApiError::conflict("本轮办理您已反馈过意见");
  c.exec(
      "INSERT INTO proposal_feedback (proposal_id, round, user_id, rating, consulted, attitude, answers_proposal, "
      "comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {x.id, round, x.user().user_id, *rating, consulted.value_or(""), attitude.value_or(""), answers.value_or(""),
       comment.value_or("")});
  x.history["rating"] = *rating;
  // A co-signer's feedback is recorded beside the proposer's; only the proposer's moves the state.
  if (!x.rel.has(Actor::proposer)) return;
  c.exec("UPDATE proposals SET satisfaction = $1 WHERE id = $2", {*rating, x.id});
  if (x.to == State::second_handling) {
    const std::string& due = x.dues.reply_due;
    c.exec("UPDATE proposals SET round = 2, due_at = $1 WHERE id = $2", {due, x.id});
    c.exec(
        "UPDATE proposal_assignments SET state = 'signed', reply_due = $1, round = 2 WHERE proposal_id = $2 AND state "
        "= "
        "'replied'",
        {due, x.id});
    x.history["second_due"] = due;
  } else if (x.to == State::closed) {
    c.exec("UPDATE proposals SET closed_at = $1, face_to_face = $2 WHERE id = $3",
           {x.by.at(), int64_t{*rating == "unsatisfied"}, x.id});
  }
}

void publish(Context& x) {
  x.v.finish();
  if (x.row.integer("consent_publish") == 0)
    throw ApiError(ErrorCode::illegal_transition, "提案人不同意公开，不能公开");
  if (x.row.integer("published") != 0) throw ApiError(ErrorCode::illegal_transition, "该提案已公开");
  x.c.exec("UPDATE proposals SET published = 1, published_at = $1 WHERE id = $2", {x.by.at(), x.id});
}

}  // namespace

void feedback_effects(Action a, Context& x) {
  switch (a) {
    case Action::feedback:
      return feedback(x);
    case Action::close:
      x.v.finish();
      x.c.exec("UPDATE proposals SET closed_at = $1 WHERE id = $2", {x.by.at(), x.id});
      return;
    case Action::publish:
      return publish(x);
    default:
      throw std::logic_error("feedback_effects: not a feedback action");
  }
}

}  // namespace sl::proposals
