#pragma once
#include "core/api/resource.hpp"
namespace sl::org {
/// /users (admin): accounts holding a role in the current committee, and their role grants.
void register_users(App& app);
}  // namespace sl::org
