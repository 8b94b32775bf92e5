#pragma once
// Reading proposals: one as the API shows it (with its co-signers, assignments, consultations,
// replies the caller may see, feedback, the actions the caller may take now and the deadline
// countdown), and the scoped, filtered list.

#include "core/app.hpp"
#include "modules/proposals/access.hpp"

namespace sl::proposals {

/// The row of proposal `id` in the caller's committee that the caller may see; 404 otherwise.
db::Row load_visible(db::Connection& c, const Principal& user, int64_t id);

/// The full JSON of proposal `id` for `user` (404 when not visible).
Json proposal_detail(db::Connection& c, const Principal& user, int64_t id);

/// The list for GET /api/v1/proposals.
Json proposal_list(db::Connection& c, const http::Request& req);

/// Actions the caller may take on the proposal now: table rows whose state and actor match, less
/// answers to requests nobody made (改办 and 不同意退回 without a return request, approving an
/// extension nobody asked for); `p` is the proposal's detail with its assignments and extensions.
Json allowed_actions(State state, const Relations& rel, const Json& p);

}  // namespace sl::proposals
