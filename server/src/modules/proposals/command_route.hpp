#pragma once
// What every proposal route that changes something does: build the Caller from the request, run
// the command in one transaction, publish its event once committed, and answer.

#include "core/app.hpp"
#include "core/command.hpp"
#include "modules/proposals/commands.hpp"
#include "modules/proposals/store.hpp"

namespace sl::proposals {

using sl::caller_of;
using sl::run_in_transaction;

/// run_in_transaction, answered with the proposal's detail as the caller sees it.
template <class Command>
Json run_command(App& app, const http::Request& req, Command&& command) {
  Outcome out = run_in_transaction(app, req, std::forward<Command>(command));
  auto c = app.db().acquire();
  return proposal_detail(*c, req.user(), out.id);
}

}  // namespace sl::proposals
