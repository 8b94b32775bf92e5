#pragma once
namespace sl {
class App;
}
namespace sl::consultations {
/// The routes of a topic's research and inspections (research.hpp): the activities of a topic,
/// one activity, its team, visits, files and report review, and the caller's own (我的调研).
void register_research_routes(App& app);
}  // namespace sl::consultations
