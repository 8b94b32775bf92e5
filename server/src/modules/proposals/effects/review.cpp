// Review (审查): filing with a number, declining, returning for revision, merging, key proposals.
#include <algorithm>

#include "core/api/resource.hpp"
#include "modules/proposals/effects/effects.hpp"
#include "modules/proposals/queries.hpp"

namespace sl::proposals {

namespace {

int64_t next_number(db::Connection& c, int64_t session_id) {
  return c.exec(sql::kNextProposalNumber, {session_id}).one().integer(0);
}

void file(Context& x) {
  int64_t session = x.row.integer("session_id");
  int64_t n = next_number(x.c, session);
  auto s = x.c.exec(sql::kSessionTermNumbers, {session});
  x.c.exec(sql::kFileProposal, {n, number_label(s.one().integer(0), s.one().integer(1), n), x.by.at(), x.id});
  x.history["number"] = n;
}

void decline(Context& x) {
  const auto& in = x.input<DeclineInput>();
  const auto& reasons = x.settings().decline_reasons;
  if (std::find(reasons.begin(), reasons.end(), in.reason) == reasons.end())
    throw ApiError::validation("reason", "不立案理由须从本委员会设置的理由中选择");
  x.c.exec(sql::kDeclineProposal, {in.reason, in.conversion, in.comment, x.id});
  x.history = {{"reason", in.reason}, {"conversion", in.conversion}};
}

void return_for_revision(Context& x) {
  const auto& in = x.input<RevisionInput>();
  x.c.exec(sql::kSetReviewComment, {in.comment, x.id});
  x.history["comment"] = in.comment;
}

void merge(Context& x) {
  int64_t into = x.input<MergeInput>().into_id;
  if (into == x.id) throw ApiError::validation("into_id", "不能与自身并案");
  auto lead = x.c.exec(sql::kProposalStateAndCommittee, {into});
  if (lead.empty() || lead.one().integer("committee_id") != x.user().committee_id)
    throw ApiError::validation("into_id", "并入的提案不存在");
  auto state = parse_state(lead.one().text("state"));
  if (!state || !in(merge_target_states(), *state))
    throw ApiError::validation("into_id", "只能并入已提交或已立案的提案");
  x.c.exec(sql::kMergeProposal, {into, x.id});
  x.history["into_id"] = into;
  x.event["into_id"] = into;
}

void mark_key(Context& x) {
  const auto& in = x.input<MarkKeyInput>();
  int64_t committee = x.user().committee_id;
  int64_t sc = in.special_committee_id.value_or(0);
  if (sc != 0 && !api::exists_in_committee(x.c, "special_committees", sc, committee))
    throw ApiError::validation("special_committee_id", "所选专委会不存在");
  for (int64_t l : in.leader_ids)
    if (x.c.exec(sql::kIsCommitteeLeader, {l, committee}).empty())
      throw ApiError::validation("leader_ids", "领衔督办人须为本委员会的领导");
  x.c.exec(sql::kMarkKeyProposal,
           {int64_t{in.key}, Json(in.leader_ids).dump(), sc != 0 ? db::Value(sc) : db::Value(nullptr), x.id});
  x.history = {{"key", in.key}, {"leader_ids", in.leader_ids}};
}

}  // namespace

void review_effects(Action a, Context& x) {
  switch (a) {
    case Action::file:
      return file(x);
    case Action::decline:
      return decline(x);
    case Action::return_for_revision:
      return return_for_revision(x);
    case Action::merge:
      return merge(x);
    case Action::mark_key:
      return mark_key(x);
    default:
      throw std::logic_error("review_effects: not a review action");
  }
}

}  // namespace sl::proposals
