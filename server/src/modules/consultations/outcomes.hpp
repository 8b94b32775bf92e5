#pragma once
// A topic's outcomes (协商成果) and what follows them, as commands: an outcome compiled by the
// office or the leading special committee, approved by the lead leader, sent to the party
// committee and government, its adoption recorded; the leaders' instructions (批示) naming the
// departments that must act; and each department's follow-through items (成果转化) with progress
// notes, closed when done. Sending the first outcome moves the topic to 成果转化中; the last item
// closed on a topic whose outcomes all have their adoption recorded concludes it.

#include "core/command.hpp"
#include "core/db/database.hpp"
#include "modules/consultations/payloads.hpp"

namespace sl::consultations {

/// Adds an outcome to topic `topic_id` once its consultation has been held.
Outcome create_outcome(db::Connection& c, const Caller& by, int64_t topic_id, const OutcomeInput& in);
/// Edits outcome `id` while it is drafted.
Outcome update_outcome(db::Connection& c, const Caller& by, int64_t id, const OutcomeInput& in);
/// Throws unless the caller may take `in.action` on outcome `id` now (403, then 409, then the
/// version): run before the action's fields are read.
void authorise_outcome_step(db::Connection& c, const Caller& by, int64_t id, const OutcomeStepInput& in);
/// Takes `in.action` on outcome `id` with its fields.
Outcome outcome_step(db::Connection& c, const Caller& by, int64_t id, const OutcomeStepInput& in,
                     const OutcomeStepFields& fields);
/// Records a leader's instruction on a sent outcome (the office).
Outcome record_instruction(db::Connection& c, const Caller& by, int64_t outcome_id, const InstructionInput& in);
/// Adds a follow-through item: the office for any department; a department's staff or leader for
/// their own, when an instruction names it or it is the topic's counterpart.
Outcome add_follow_item(db::Connection& c, const Caller& by, int64_t outcome_id, const FollowItemInput& in);
/// Records progress on item `id` (its department or the office).
Outcome record_follow_progress(db::Connection& c, const Caller& by, int64_t id, const std::string& note);
/// Closes item `id` with its result (its department or the office).
Outcome close_follow_item(db::Connection& c, const Caller& by, int64_t id, const std::string& result);

/// The outcomes of topic `topic_id` as the caller may see them, with instructions, items and
/// the actions the caller may take.
Json outcomes_of_topic(db::Connection& c, const Principal& p, int64_t topic_id);

struct FollowFilter {
  std::optional<std::string> state;  // open, done
  bool late = false;                 // open and past due
  bool mine = false;                 // the caller's departments' items
  std::optional<int64_t> unit_id;
};
/// The follow-through items the caller may see (the office, leaders and supervisors all; a
/// department its own), with their topic, outcome and working days late.
Json follow_items_list(db::Connection& c, const Principal& p, const FollowFilter& f, const std::string& today);
/// True when the caller reads every follow-through item of the committee.
bool reads_all_follow_items(const Principal& p);

}  // namespace sl::consultations
