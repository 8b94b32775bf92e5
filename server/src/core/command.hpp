#pragma once
// What every module's commands share: the Caller (who acts, from where, when) and the Outcome
// (what was acted on and the domain event to publish once the transaction has committed), and the
// one way a route runs a command (`run_in_transaction`). Commands take no HTTP request: routes,
// demo seeding and unit tests call the same functions.

#include <string>
#include <utility>

#include "core/app.hpp"
#include "core/auth/principal.hpp"
#include "core/clock.hpp"
#include "core/events.hpp"

namespace sl {

/// Who acts, from where and when.
struct Caller {
  const Principal& user;
  std::string address;  // recorded in the audit log
  int64_t now = 0;      // seconds since the epoch: when the act happens

  /// `now` as the stored UTC timestamp ("2026-12-07T08:00:00Z").
  std::string at() const { return clock::iso_at(now); }
  /// `now` plus `seconds`, the same way.
  std::string at_after(int64_t seconds) const { return clock::iso_at(now + seconds); }
  /// The China Standard Time date of `now` (YYYY-MM-DD): the day deadlines count from.
  std::string today() const { return clock::day_at(now); }
};

/// What a command did: the record it acted on and the event to publish after commit.
struct Outcome {
  int64_t id = 0;
  Event event;
};

/// The caller of `req`: who, from where, and now.
inline Caller caller_of(const http::Request& req) {
  return {req.user(), req.remote_addr, clock::now()};
}

/// Runs `command(connection, caller)` (returning an Outcome) for the caller of `req` in one
/// transaction and publishes the outcome's event (when it has a name) after commit.
template <class Command>
Outcome run_in_transaction(App& app, const http::Request& req, Command&& command) {
  const Caller by = caller_of(req);
  Outcome out;
  app.db().transaction([&](db::Connection& c) { out = command(c, by); });
  if (!out.event.name.empty()) app.events.publish(out.event);
  return out;
}

}  // namespace sl
