#pragma once
// The consultation use cases as plain functions of a connection (inside the caller's
// transaction), the Caller (core/command.hpp) and a typed input (payloads.hpp). Each checks the
// caller's rights (permissions.hpp and the workflow table), writes the record, its history and
// the audit entry, and returns the Outcome with the event to publish after commit. No HTTP
// request reaches them: the routes, the demo seeding and the unit tests call the same functions.

#include "core/command.hpp"
#include "core/db/database.hpp"
#include "modules/consultations/payloads.hpp"
#include "modules/consultations/permissions.hpp"

namespace sl::consultations {

/// Creates the plan of `in.year` (one per committee and year), in drafting. Office only.
Outcome create_plan(db::Connection& c, const Caller& by, const PlanInput& in);
/// Takes plan `id` one step (workflow.hpp's plan table), recording the step's date, document
/// number and note. Office only; the version must match.
Outcome plan_step(db::Connection& c, const Caller& by, int64_t id, const PlanStepInput& in);

/// Adds a topic to plan `in.plan_id`. The office adds planned topics to a plan in drafting; a topic
/// added once the plan is published, or put forward by a special committee's staff or a party's
/// or sector's contact, waits as 'proposed' for approval (a reason is required during the year).
Outcome create_topic(db::Connection& c, const Caller& by, const TopicInput& in);
/// Edits topic `id`. While the plan is drafted (or the topic awaits approval) every field; once
/// published, the month changes only by a postponement and kind and title stay.
Outcome update_topic(db::Connection& c, const Caller& by, int64_t id, const TopicInput& in);
/// The workflow row the caller may take for `action` on topic `id` at `version`: throws
/// not_found, forbidden, illegal_transition or version_conflict. Run before reading the action's
/// fields, so a caller without the right never learns their rules.
void authorise_topic_step(db::Connection& c, const Caller& by, int64_t id, const TopicStepInput& in);
/// Takes `in.action` on topic `id` (authorised first) with the action's fields.
Outcome topic_step(db::Connection& c, const Caller& by, int64_t id, const TopicStepInput& in,
                   const TopicStepFields& fields);
/// Asks to move topic `id` to another month (office or the leading special committee's staff).
Outcome request_postponement(db::Connection& c, const Caller& by, int64_t topic_id, const PostponeInput& in);
/// A leader approves (the month changes) or rejects postponement `id`.
Outcome decide_postponement(db::Connection& c, const Caller& by, int64_t id, const PostponeDecision& in);

/// Records `action` on a subject in the audit log, with the fields before and after.
void audit_act(db::Connection& c, const Caller& by, const std::string& action, const char* subject_type, int64_t id,
               Json before, Json after);
/// The domain event `name` about record `id`, by the caller.
Event event_of(const Caller& by, std::string name, int64_t id, Json payload);

/// A topic as the commands need it: its reference for rights, its state and its plan's.
struct TopicRow {
  TopicRef ref;
  int64_t plan_id = 0;
  TopicState state = TopicState::planned;
  PlanState plan_state = PlanState::drafting;
  int64_t version = 0;
  Kind kind = Kind::thematic;
  std::string title;
  std::string purpose;
  std::string participants;
  int planned_month = 1;
  Form form = Form::meeting;
  std::vector<int64_t> proposal_ids;
};
/// Topic `id` of committee `committee_id` (throws not_found outside it).
TopicRow load_topic(db::Connection& c, int64_t committee_id, int64_t id);
/// The topic's reference for rights (throws not_found outside the caller's committee).
TopicRef topic_ref(db::Connection& c, int64_t committee_id, int64_t id);
/// Moves topic `t` by the module's own row for `action` (Actor::system: an outcome sent, the
/// last follow-through closed), recording it in the topic's history; nothing when the topic's
/// state has no such row.
void system_step(db::Connection& c, const Caller& by, const TopicRow& t, TopicAction action, const std::string& note);
/// The actions the caller may take on topic `t` in `state` under plan state `plan` (for the UI).
std::vector<TopicAction> allowed_topic_actions(const Principal& p, const TopicRef& t, TopicState state, PlanState plan);

}  // namespace sl::consultations
