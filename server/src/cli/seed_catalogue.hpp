#pragma once
// Demo topic catalogue: the published 提案撰写参考目录 of the demo committee's current session,
// about 18 entries from the district's offices, two of them claimed by parties.

#include <cstdint>

#include "core/db/database.hpp"

namespace sl::cli {

/// Writes the catalogue of committee `committee_id`'s current session on `c` (inside the
/// caller's transaction). Needs the demo units, parties and the user minmeng.
void seed_catalogue(db::Connection& c, int64_t committee_id);

}  // namespace sl::cli
