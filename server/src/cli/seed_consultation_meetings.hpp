#pragma once
// The demo's consultation meetings: each held topic of the 2026 plan gets the meeting it was
// held at (replies, leave, sign-ins, speeches, approved minutes), with its briefing (情况通报会)
// before it where the topic had research; the two December topics get their coming meetings, for
// the demo member to reply to and sign in to. Written through cli/seed_meetings.hpp.

#include <cstdint>

#include "core/db/database.hpp"

namespace sl::cli {

/// Writes the meetings of committee `committee_id`'s consultation topics (after seed_consultations).
void seed_consultation_meetings(db::Connection& c, int64_t committee_id);

}  // namespace sl::cli
