#pragma once
// Follow-up items (成果转化跟踪) of B and C replies: the commitment, the responsible unit, the
// due date and progress notes, kept by the lead unit or proposal staff and visible to the
// proposer. Commands without HTTP, and their routes.

#include <optional>
#include <string>

#include "core/app.hpp"
#include "modules/proposals/commands.hpp"

namespace sl::proposals {

/// A follow-up item: what the unit committed to, by when, and the unit (the lead unit when not given).
struct FollowUpInput {
  std::string commitment;
  std::optional<int64_t> unit_id;
  std::string due_date;
};
/// Adds a follow-up item to proposal `id`; `item` receives it as the API answers it.
Outcome add_follow_up(db::Connection& c, const Caller& by, int64_t id, const FollowUpInput& in, Json& item);

/// A progress note on follow-up item `follow_up_id`, and whether that finishes it.
struct ProgressInput {
  int64_t follow_up_id = 0;
  std::string note;
  bool done = false;
};
/// Records progress on a follow-up item of proposal `id`.
Outcome record_follow_up_progress(db::Connection& c, const Caller& by, int64_t id, const ProgressInput& in);

void register_follow_ups(App& app);

}  // namespace sl::proposals
