#pragma once
namespace sl {
class App;
}
namespace sl::proposals {
/// Follow-up items (成果转化跟踪) of B and C replies: the commitment, the responsible unit, the
/// due date and progress notes, kept by the lead unit or proposal staff and visible to the
/// proposer.
void register_follow_ups(App& app);
}  // namespace sl::proposals
