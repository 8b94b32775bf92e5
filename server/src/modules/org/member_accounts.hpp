#pragma once
// Every member signs in: creating a member creates (or links) a user account whose login is
// their mobile, with a random initial password that must be changed at first login, and the
// `member` role in the committee.

#include <optional>
#include <string>

#include "core/app.hpp"

namespace sl::org {

struct MemberAccount {
  int64_t user_id = 0;
  std::optional<std::string> initial_password;  // set when a new account was created
};

/// Links member `member_id` to a user account (creating it when no user has the mobile) and
/// grants `member` in `committee_id`. With `dry_run`, skips hashing and writes a placeholder.
MemberAccount ensure_member_account(App& app, db::Connection& c, int64_t committee_id, int64_t member_id,
                                    bool dry_run = false);
/// Copies the member's name and mobile to the linked account.
void sync_member_account(db::Connection& c, int64_t member_id);
/// A random initial password: 10 characters, letters and digits.
std::string random_initial_password();

}  // namespace sl::org
