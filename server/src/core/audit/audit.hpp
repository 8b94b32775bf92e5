#pragma once
// The audit log: every write records who (user, role, address), where (committee), when, what
// (action, subject) and the record before and after, as JSON. Each row carries the SHA-256 of
// the previous row's hash and its own content, so altering any row breaks the chain from there.

#include <optional>
#include <string>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"
#include "core/errors.hpp"

namespace sl::http {
struct Request;
}

namespace sl::audit {

struct Entry {
  int64_t committee_id = 0;
  int64_t actor_user_id = 0;
  std::string actor_name;
  std::string role;
  std::string address;
  std::string action;        // "member.create"
  std::string subject_type;  // "member"
  std::string subject_id;
  Json before;  // null when created
  Json after;   // null when deleted
};

/// An entry for `action` on a subject by `user` (their committee, name and role), acting from
/// `address`. Commands use this one: they know the principal, not the request.
Entry entry_by(const Principal& user, std::string address, std::string action, std::string subject_type,
               std::string subject_id);
/// The same for the actor of `req` (none for an anonymous request), from the request's address.
Entry entry_for(const http::Request& req, std::string action, std::string subject_type, std::string subject_id);

/// Appends `e` inside the caller's transaction on `c`, linking it to the last row.
void record(db::Connection& c, const Entry& e);

struct VerifyResult {
  int64_t checked = 0;
  std::optional<int64_t> first_broken_id;  // the first row whose hash does not match
};
/// Recomputes the chain from the first row.
VerifyResult verify(db::Connection& c);

}  // namespace sl::audit
