#pragma once
// Demo consultation work: the published 2026 plan (专题、对口、界别、提案办理协商, about a dozen
// topics in every phase, an in-year addition, an approved and a pending postponement, a party's
// proposal awaiting a leader) and the 2027 plan in drafting. Written through the consultation
// module's commands, acting as the office, 经济委's staff, 民盟's contact and the chair.

#include <cstdint>
#include <map>
#include <string>

#include "core/db/database.hpp"

namespace sl::cli {

/// Writes the demo plans of committee `committee_id` on `c` (inside the caller's transaction);
/// returns the ids of the topics by title, for the seeders that follow (meetings of a topic).
/// Needs the demo users tianwei, jingji, minmeng and zhuxi, units, parties and key proposals.
std::map<std::string, int64_t> seed_consultations(db::Connection& c, int64_t committee_id);

}  // namespace sl::cli
