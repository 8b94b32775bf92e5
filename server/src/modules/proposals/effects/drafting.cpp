// Submission, withdrawal and co-signing.
#include "modules/proposals/effects/effects.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::proposals {

void drafting_effects(Action a, Context& x) {
  auto& c = x.c;
  switch (a) {
    case Action::submit:
      if (x.row.text("suggestions").empty()) throw ApiError::validation("suggestions", "请填写具体建议后再提交");
      if (x.row.text("category").empty()) throw ApiError::validation("category", "请选择提案类别后再提交");
      c.exec(sql::kMarkSubmitted, {x.by.at(), x.id});
      if (x.to == State::awaiting_cosign) c.exec(sql::kInviteCosigners, {x.dues.cosign_due, x.id});
      return;
    case Action::withdraw:
      return;
    case Action::cosign: {
      bool accept = x.input<CosignInput>().accept;
      c.exec(sql::kAnswerCosign, {accept ? "confirmed" : "declined", x.by.at(), x.id, x.user().user_id});
      x.history["accept"] = accept;
      return;
    }
    default:
      throw std::logic_error("drafting_effects: not a drafting action");
  }
}

}  // namespace sl::proposals
