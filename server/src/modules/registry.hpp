#pragma once
// The one place every feature module is wired in.

namespace sl {
class App;
/// Registers the routes, event subscribers and background workers of every module on `app`.
/// Workers only run once `App::start_workers()` is called (by `serve`).
void register_modules(App& app);
}  // namespace sl
