// Submission, withdrawal and co-signing.
#include "modules/proposals/effects/effects.hpp"

namespace sl::proposals {

void drafting_effects(Action a, Context& x) {
  auto& c = x.c;
  auto& v = x.v;
  switch (a) {
    case Action::submit:
      v.finish();
      if (x.row.text("suggestions").empty()) throw ApiError::validation("suggestions", "请填写具体建议后再提交");
      if (x.row.text("category").empty()) throw ApiError::validation("category", "请选择提案类别后再提交");
      c.exec("UPDATE proposals SET submitted_at = $1 WHERE id = $2", {x.by.at(), x.id});
      if (x.to == State::awaiting_cosign)
        c.exec(
            "UPDATE proposal_cosigners SET status = 'pending', answered_at = NULL, due_at = $1 WHERE proposal_id = $2",
            {x.dues.cosign_due, x.id});
      return;
    case Action::withdraw:
      v.finish();
      return;
    case Action::cosign: {
      auto accept = v.boolean("accept", api::Presence::required);
      v.finish();
      c.exec(
          "UPDATE proposal_cosigners SET status = $1, answered_at = $2 WHERE proposal_id = $3 AND user_id = $4 AND "
          "status = 'pending'",
          {*accept ? "confirmed" : "declined", x.by.at(), x.id, x.user().user_id});
      x.history["accept"] = *accept;
      return;
    }
    default:
      throw std::logic_error("drafting_effects: not a drafting action");
  }
}

}  // namespace sl::proposals
