#pragma once
// The demo seeders act as real users through the modules' commands: a demo user as the Principal
// a session of theirs would carry, acting in one committee.

#include <stdexcept>
#include <string>

#include "core/auth/principal.hpp"
#include "core/auth/session_store.hpp"
#include "core/db/database.hpp"

namespace sl::cli {

/// User `user_id` acting in committee `committee`, with every grant they hold.
inline Principal demo_principal(db::Connection& c, int64_t committee, int64_t user_id) {
  auto u = c.exec("SELECT name FROM users WHERE id = $1", {user_id});
  if (u.empty()) throw std::runtime_error("demo data: no user " + std::to_string(user_id));
  Principal p;
  p.user_id = user_id;
  p.name = u.one().text(0);
  p.committee_id = committee;
  p.grants = auth::load_grants(c, user_id);
  return p;
}

/// The user who signs in as `username`, the same way.
inline Principal demo_principal(db::Connection& c, int64_t committee, const std::string& username) {
  auto u = c.exec("SELECT id FROM users WHERE username = $1", {username});
  if (u.empty()) throw std::runtime_error("demo data: no user " + username);
  return demo_principal(c, committee, u.one().integer(0));
}

}  // namespace sl::cli
