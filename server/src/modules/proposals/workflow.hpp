#pragma once
// The proposal workflow as data: the transition table (from-state, action, actor, guard,
// to-state, deadline rule), the named state sets (editable, handling, overdue, merge target),
// who may attach files when, and which actions notify whom. The server enforces it, the
// tests iterate it, the scheduler, notifications, search and web read it, and the API exposes
// all of it (GET /api/v1/proposals/workflow). Whether an action is allowed is decided by the
// table's row (actor and guard) and then by the action's own checks in `effects/` (for
// example: a reply needs a recorded consultation first).

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

/// The due dates a transition sets (from the committee's settings and working-day calendar),
/// worked out by `compute_dues` before the action's effects run.
enum class Deadline {
  none,
  cosign_window,    // co-signers confirm within N days (default 3)
  handling,         // sign-for window, co-unit opinion and reply deadline from assignment
  sign_window,      // a new unit signs for it within N working days (改办)
  second_handling,  // a new reply deadline (default 3 months)
};

/// The tab of a member's 我的提案 a state belongs to.
enum class Phase { drafts, submitted, handling, replied, closed };

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
std::optional<Actor> parse_actor(std::string_view s);
const char* deadline_name(Deadline d);
const std::vector<State>& all_states();
const std::vector<Action>& all_actions();
Phase phase_of(State s);
const char* phase_name(Phase p);

// The named state sets: every list of states the server, the scheduler and the web use.

/// The proposer may edit the text (草稿, 退回修改).
const std::vector<State>& editable_states();
/// A handling unit holds the proposal (from assignment until the reply is released).
const std::vector<State>& handling_states();
/// The unit's reply deadline runs and a past due date means the unit is late: the list's
/// 已超期 filter and the scheduler's reminders and escalations both use this set.
const std::vector<State>& overdue_states();
/// A proposal in one of these states can take others merged into it (并案).
const std::vector<State>& merge_target_states();
/// Units have been assigned: every state from assignment on (handling, replied, closed). Unit
/// suggestions learn from the assignments of proposals in these states.
const std::vector<State>& assigned_states();
/// The states some row of the table allows `a` in (merge: the proposals that can be merged).
std::vector<State> states_allowing(Action a);
/// True when `s` is in `set`.
bool in(const std::vector<State>& set, State s);
/// `set` as a SQL list of quoted names for `IN (...)`: "'assigned', 'in_handling'".
std::string sql_list(const std::vector<State>& set);

/// Who may attach files of `purpose` to a proposal, and in which states.
struct UploadRule {
  const char* purpose;  // "proposal" (the text's own files), "reply" (a unit's reply files)
  std::vector<Actor> actors;
  std::vector<State> states;
};
const std::vector<UploadRule>& upload_rules();

/// Whom a notice of an action goes to.
enum class Recipient {
  invited_cosigners,  // every co-signer invited
  proposer,           // the proposer alone
  proposers,          // the proposer and the co-signers who did not decline
  merged_into,        // the proposers of the proposal it was merged into
  units_to_sign,      // staff and leaders of the units that have yet to sign for it
  proposal_staff,     // the committee's proposal staff
  lead_unit_leaders,  // the lead units' leaders
  lead_unit_staff,    // the lead units' staff
  lead_units,         // the lead units' staff and leaders
};
const char* recipient_name(Recipient r);

/// One notice the workflow sends: after `action` (when it led to `to`, if set), to
/// `recipients`; `title` has {title} (《…》), {number} and {due} filled in.
struct NoticeRule {
  Action action;
  std::optional<State> to;
  std::vector<Recipient> recipients;
  bool sms;
  const char* title;
};
const std::vector<NoticeRule>& notice_rules();
/// The rule for `action` ending in `to`, or nullptr when it notifies nobody.
const NoticeRule* notice_rule(Action action, State to);

/// The table as JSON for the API and the docs.
Json workflow_json();

}  // namespace sl::proposals
