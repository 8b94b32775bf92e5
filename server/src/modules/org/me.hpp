#pragma once
namespace sl {
class App;
}
namespace sl::org {
/// Member self-service: /me/member (own record) and /me/mobile (change mobile by SMS code).
void register_me(App& app);
}  // namespace sl::org
