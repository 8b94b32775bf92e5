#pragma once
namespace sl {
class App;
/// Committees, terms, sessions, sectors, parties, special committees, units, members, users and
/// role grants, imports, and member self-service.
void register_org(App& app);
}  // namespace sl
