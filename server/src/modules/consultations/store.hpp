#pragma once
// The consultation module's read models, scoped to the caller: the plans, a plan with its steps,
// topics and coverage warnings, the topic list with its filters, and one topic with everything
// its page shows (history, postponements, what the caller may do).

#include <optional>
#include <string>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "core/errors.hpp"

namespace sl::consultations {

/// The plans the caller may read (drafts only for those who read everything), newest year first.
Json plans_list(db::Connection& c, const Principal& p);
/// One plan: its steps, its topics as the caller sees them, the steps the caller may take, and
/// (for those who read everything) the coverage warnings. `today` (YYYY-MM-DD) dates the warnings.
Json plan_detail(db::Connection& c, const Principal& p, int64_t id, const std::string& today);

struct TopicFilter {
  std::optional<int64_t> plan_id;
  std::optional<std::string> kind;
  std::optional<std::string> state;
  bool mine = false;  // the topics the caller leads, staffs, answers for or put forward
  std::string q;
};
/// The topics the caller may read, by plan month.
Json topics_list(db::Connection& c, const Principal& p, const TopicFilter& f);
/// Throws not_found unless the caller may read topic `id` (the check before a write reads its
/// fields; cheaper than topic_detail, which gathers the whole page).
void require_topic_visible(db::Connection& c, const Principal& p, int64_t id);
/// One topic with its units, linked proposals, history, postponements and the caller's actions.
Json topic_detail(db::Connection& c, const Principal& p, int64_t id);

/// The coverage warnings of plan `plan_id`: special committees without a 对口协商 topic, parties
/// and sectors without a 界别协商 topic, topics past their month that have not taken place.
Json coverage_warnings(db::Connection& c, int64_t committee_id, int64_t plan_id, const std::string& today);

}  // namespace sl::consultations
