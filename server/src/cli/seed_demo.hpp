#pragma once
// Demo data: a fictional district committee modelled on the seed article (硚口区政协-like), with
// sectors, parties, special committees and their counterpart units, ~30 handling units, ~250
// members, terms and sessions, and one login per role.

#include <string>
#include <vector>

#include "core/app.hpp"

namespace sl::cli {

struct DemoLogin {
  std::string login;
  std::string password;
  std::string role;
  std::string description;
};

/// Loads the demo committee into an empty database; returns its logins. Throws when a committee
/// already exists (the demo is for a fresh database).
std::vector<DemoLogin> seed_demo(App& app);
/// True when the database has no committee yet.
bool database_is_empty(App& app);
/// Prints `logins` as a table on stdout.
void print_demo_logins(const std::vector<DemoLogin>& logins);

}  // namespace sl::cli
