#pragma once
// Demo proposals: about 300 proposals of the demo committee over its two latest sessions
// (十四届四次会议, mostly closed, and the current 十四届五次会议), in every state of the workflow,
// written inside the demo seeding transaction through the shared writer of finished records
// (modules/proposals/record_writer.hpp), with the rows the commands would have left behind: numbers and counters,
// co-signers, assignments, handling consultations, reply letters, feedback, extensions, key-proposal marks and the step
// history. Text comes from topic templates (cli/demo_texts.cpp) and a fixed-seed generator, so every run writes the
// same proposals; dates are laid out relative to now, so in-progress ones keep meaningful deadlines. Which proposals
// exist in which states, and the steps that lead there, are planned in seed_proposals_plan.cpp.

#include <cstdint>
#include <map>
#include <string>

#include "core/db/database.hpp"

namespace sl::cli {

struct SeededProposals {
  int total = 0;
  std::map<std::string, int> by_state;  // state name → count
};

/// Writes the demo proposals of committee `committee_id` on `c` (inside the caller's transaction).
/// Needs the demo organisation from seed_demo(): its sessions 十四届四次/五次会议, units, members
/// with accounts and the users tianwei, fagaiju, fagaiju_lead, minzhengju, minmeng, jingji, zhuxi.
SeededProposals seed_proposals(db::Connection& c, int64_t committee_id);

}  // namespace sl::cli
