#pragma once
// Meetings and activities (会议活动): routes under /api/v1/meetings, the notices subscriber.

#include "core/app.hpp"

namespace sl {

void register_meetings(App& app);

}  // namespace sl
