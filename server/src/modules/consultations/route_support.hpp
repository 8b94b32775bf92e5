#pragma once
// What every route file of the consultation module shares: the reader check and the one way a
// route runs a command (one transaction, the event published after commit, the answer read as
// the caller sees it afterwards).

#include <utility>

#include "core/app.hpp"
#include "core/command.hpp"

namespace sl::consultations::routes {

inline constexpr const char* kTag = "consultations";

/// Throws forbidden unless the caller holds a role in the committee.
inline void require_reader(const http::Request& req) {
  if (!acts_in_committee(req.user())) throw ApiError::forbidden("您在本会没有角色，不能查看协商工作");
}

/// Runs `command` for the caller of `req` in one transaction, publishes its event, and answers
/// `read(connection, outcome id)` with `status`.
template <class Command, class Read>
http::Response run(App& app, const http::Request& req, Command&& command, Read&& read, int status = 200) {
  Outcome out = run_in_transaction(app, req, std::forward<Command>(command));
  auto c = app.db().acquire();
  auto res = http::Response::json(read(*c, out.id));
  res.status = status;
  return res;
}

}  // namespace sl::consultations::routes
