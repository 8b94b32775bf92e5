#pragma once
// The demo's online deliberations (网络议政), written through the consultation module's commands
// (modules/consultations/deliberation.hpp): the 2026 界别协商 "提升基层医疗卫生服务能力" (held
// online on 2026-06-10) had a window from 1 to 10 June with a dozen members' opinions on community
// health centres, family doctors and medical insurance, two hidden with a reason and four
// selected into its outcome; "加强基层社会治理网格化建设" (researching) has a window open now,
// from three days ago to ten days from now, with the demo member 13900000001 invited and a few
// opinions by others. Deterministic apart from "now".

#include <cstdint>

#include "core/db/database.hpp"

namespace sl::cli {

/// Writes the deliberations of committee `committee_id` (after seed_consultation_meetings).
void seed_deliberation(db::Connection& c, int64_t committee_id);

}  // namespace sl::cli
