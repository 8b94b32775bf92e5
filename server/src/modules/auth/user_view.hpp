#pragma once
// The signed-in user as the API shows them: identity, current committee, roles there, and every
// committee they hold a grant in.

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "core/errors.hpp"

namespace sl::auth_module {

/// {id, name, username, mobile, must_change_password, committee_id, roles, committees:[{id,name,roles}]}
Json user_view(db::Connection& c, int64_t user_id, int64_t committee_id);

}  // namespace sl::auth_module
