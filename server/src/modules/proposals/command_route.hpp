#pragma once
// What every proposal route that changes something does: build the Caller from the request, run
// the command in one transaction, publish its event once committed, and answer.

#include "core/app.hpp"
#include "core/clock.hpp"
#include "modules/proposals/commands.hpp"
#include "modules/proposals/store.hpp"

namespace sl::proposals {

/// The caller of `req`: who, from where, and now.
inline Caller caller_of(const http::Request& req) {
  return {req.user(), req.remote_addr, clock::now()};
}

/// Runs `command(connection, caller)` (returning an Outcome) for the caller of `req` in one
/// transaction and publishes the outcome's event after commit; returns the outcome.
template <class Command>
Outcome run_in_transaction(App& app, const http::Request& req, Command&& command) {
  const Caller by = caller_of(req);
  Outcome out;
  app.db().transaction([&](db::Connection& c) { out = command(c, by); });
  app.events.publish(out.event);
  return out;
}

/// run_in_transaction, answered with the proposal's detail as the caller sees it.
template <class Command>
Json run_command(App& app, const http::Request& req, Command&& command) {
  Outcome out = run_in_transaction(app, req, std::forward<Command>(command));
  auto c = app.db().acquire();
  return proposal_detail(*c, req.user(), out.id);
}

}  // namespace sl::proposals
