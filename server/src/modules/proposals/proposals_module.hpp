#pragma once
namespace sl {
class App;
/// Proposals: drafts, the workflow transitions, history, the public list, the working-day
/// calendar.
void register_proposals(App& app);
}  // namespace sl
