#pragma once
// Every member signs in with their own account. Creating a member creates an account whose login
// is their mobile (a random initial password, changed at first login) with the `member` role in
// the committee. When an account already holds that mobile it is never linked by staff alone:
// the member waits for the account holder to accept the link from their own session (consent),
// because linking would let whoever edits the member reach someone else's account.

#include <optional>
#include <string>

#include "core/app.hpp"

namespace sl::org {

enum class AccountLink { created, linked, pending_consent };

struct MemberAccount {
  AccountLink link = AccountLink::created;
  int64_t user_id = 0;                          // 0 while the holder's consent is pending
  std::optional<std::string> initial_password;  // set when a new account was created
};

/// Gives member `member_id` an account: keeps its linked one, creates one when no account has
/// the member's mobile, or else records a link that the account holder must accept. Grants
/// `member` in `committee_id` to a linked or created account. With `dry_run`, skips hashing.
MemberAccount ensure_member_account(App& app, db::Connection& c, int64_t committee_id, int64_t member_id,
                                    bool dry_run = false);
/// Grants `member` in `committee_id` to account `user_id` unless it holds it already.
void grant_member_role(db::Connection& c, int64_t user_id, int64_t committee_id);
/// After staff edit member `member_id`: copies its name to the linked account when every grant
/// of that account lies within `committee_id`'s subtree. Never writes login fields (mobile,
/// username, password): the holder changes those.
void sync_member_account(db::Connection& c, int64_t member_id, int64_t committee_id);
/// True when every role grant of account `user_id` lies in committee `committee_id` or below it,
/// so that committee's admin may set its password, disable or delete it.
bool account_within_subtree(db::Connection& c, int64_t user_id, int64_t committee_id);
/// Throws forbidden (with the reason) unless `account_within_subtree`.
void require_account_within_subtree(db::Connection& c, int64_t user_id, int64_t committee_id);
/// A random initial password: 10 characters, letters and digits.
std::string random_initial_password();

}  // namespace sl::org
