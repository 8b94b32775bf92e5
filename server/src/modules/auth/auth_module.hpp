#pragma once
namespace sl {
class App;
/// Login (password, SMS), logout, me, password change and reset, captcha, committee switch.
void register_auth(App& app);
}  // namespace sl
