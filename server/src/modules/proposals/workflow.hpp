#pragma once
// The proposal workflow as data: one transition table (from-state, action, actor, guard,
// to-state, deadline rule) that the server enforces, the tests iterate and the API exposes
// (GET /api/v1/proposals/workflow). Nothing else decides whether an action is allowed.

#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace sl::proposals {

enum class State {
  draft,               // 草稿
  awaiting_cosign,     // 待联名确认
  submitted,           // 已提交，待审查
  returned,            // 退回修改
  filed,               // 已立案，待交办
  not_filed,           // 不立案
  merged,              // 已并案
  assigned,            // 已交办，待签收
  in_handling,         // 办理中
  reply_unit_review,   // 答复待单位负责人审核
  reply_cppcc_review,  // 答复待提案委审核
  replied,             // 已答复，待反馈
  feedback_received,   // 已反馈
  second_handling,     // 重新办理
  closed,              // 已办结
};

enum class Action {
  submit,
  withdraw,
  cosign,
  file,
  decline,
  return_for_revision,
  merge,
  assign,
  sign,
  request_return,
  reassign,
  refuse_return,
  record_consultation,
  send_opinion,
  submit_reply,
  approve_reply,
  reject_reply,
  pass_reply,
  send_back_reply,
  request_extension,
  grant_extension,
  feedback,
  close,
  publish,
  mark_key,
};

/// Who acts, relative to the proposal.
enum class Actor {
  proposer,          // the member (or group contact, committee staff) who wrote it
  cosigner,          // a member asked to co-sign
  proposal_staff,    // 提案委 staff (and admins)
  lead_unit_staff,   // staff of the lead (主办) unit
  co_unit_staff,     // staff of a co-unit (协办)
  lead_unit_leader,  // the lead unit's leader
};

/// Extra conditions a row needs; the first row whose guard holds is taken.
enum class Guard {
  none,
  has_cosigners,  // joint proposal with co-signers still to confirm
  last_cosigner,  // this confirmation is the last one outstanding
  first_round,
  second_round,
  unsatisfied_first_round,  // feedback 不满意 in the first round
  unsigned_split_lead,      // under split handling (分办), a lead unit of the caller has not signed yet
};

enum class Deadline {
  none,
  cosign_window,    // co-signers confirm within N days (default 3)
  handling,         // sign-for window and reply deadline from assignment
  second_handling,  // a new reply deadline (default 3 months)
};

struct Transition {
  State from;
  Action action;
  Actor actor;
  Guard guard;
  State to;
  Deadline deadline;
};

/// The table, in priority order.
const std::vector<Transition>& transitions();

const char* state_name(State s);
const char* state_label(State s);  // Chinese
std::optional<State> parse_state(std::string_view s);
const char* action_name(Action a);
const char* action_label(Action a);  // Chinese
std::optional<Action> parse_action(std::string_view s);
const char* actor_name(Actor a);
const std::vector<State>& all_states();
const std::vector<Action>& all_actions();

/// The table as JSON for the API and the docs.
Json workflow_json();

}  // namespace sl::proposals
