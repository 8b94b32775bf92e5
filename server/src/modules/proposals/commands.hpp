#pragma once
// The proposal use cases. CreateProposal and UpdateProposal edit drafts; PerformTransition runs
// one action of the workflow table: version check, actor and guard from the table, the action's
// own validation and effects, the history row, the audit record, then (after commit) the event
// that notifications and search subscribe to.
//
// Outcomes: the saved proposal (200/201), validation_failed (400), forbidden (403), not_found
// (404), illegal_transition or version_conflict (409).

#include "core/app.hpp"

namespace sl::proposals {

/// Creates a draft for the caller; returns its detail.
Json create_proposal(App& app, const http::Request& req, const Json& body);
/// Edits draft `id` (proposer only, while draft or returned).
Json update_proposal(App& app, const http::Request& req, int64_t id, const Json& body);
/// Performs `body.action` on proposal `id` at `body.version`.
Json perform_transition(App& app, const http::Request& req, int64_t id, const Json& body);

/// Default reasons for 不立案 (the ten national grounds).
const std::vector<std::string>& decline_reasons();

}  // namespace sl::proposals
