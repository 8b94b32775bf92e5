#pragma once
namespace sl {
class App;
}
namespace sl::consultations {
/// The routes of a topic's online deliberation (deliberation.hpp): the window of a topic, its
/// changes and invitations, members' opinions, their moderation and selection, the caller's own
/// open windows (我的活动); and the notices to invited members (deliberation_notices.cpp).
void register_deliberation_routes(App& app);
}  // namespace sl::consultations
