#pragma once
// The one place every feature module is wired in.

namespace sl {
class App;
/// Registers the routes and event subscribers of every module on `app`.
void register_modules(App& app);
}  // namespace sl
