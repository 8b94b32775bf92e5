#pragma once
// The proposal use cases as plain functions: each takes a connection (inside the caller's
// transaction), the caller (principal, address and the time of the act), the input, and returns
// the proposal's id with the domain event to publish once the transaction has committed. No HTTP
// request reaches them: the routes, the demo seeding and the unit tests call the same functions.
//
// perform_transition runs one action of the workflow table: the row (actor and guard) from the
// table, the version check, the due dates from the row's deadline rule, the action's own
// validation and effects (effects/), the history row and the audit record.
//
// Outcomes: the result (success), validation_failed (400), forbidden (403), not_found (404),
// illegal_transition or version_conflict (409), all thrown as ApiError.

#include <string>

#include "core/auth/principal.hpp"
#include "core/command.hpp"
#include "core/config.hpp"
#include "core/db/database.hpp"
#include "core/events.hpp"
#include "modules/proposals/payloads.hpp"
#include "modules/proposals/workflow.hpp"

namespace sl::proposals {

// Who acts and what a command returns: the shared definitions of core/command.hpp.
using sl::Caller;
using sl::Outcome;

/// An action and the version it was taken at, read from a request body {action, version, …}.
struct TransitionInput {
  Action action = Action::submit;
  int64_t version = 0;
};
/// Reads `action` and `version` from `body`; throws validation_failed naming the bad one.
TransitionInput read_transition_input(const Json& body);

/// The longest text each field of a draft takes, in characters.
namespace draft_limits {
inline constexpr size_t kTitle = 50;
inline constexpr size_t kSection = 20000;  // situation, analysis, suggestions
inline constexpr size_t kKeywords = 100;
inline constexpr size_t kConsentReason = 200;
}  // namespace draft_limits
/// The JSON Schema of a draft's text fields as create (`creating`) or update reads them, for the
/// OpenAPI description the editor takes its limits from.
Json draft_request_schema(bool creating);

/// Creates a draft for the caller from `fields`.
Outcome create_proposal(db::Connection& c, const Config& config, const Caller& by, const Json& fields);
/// Edits draft `id` (proposer only, while draft or returned); `fields` carries its `version`.
Outcome update_proposal(db::Connection& c, const Config& config, const Caller& by, int64_t id, const Json& fields);
/// Performs `in.action` on proposal `id` at `in.version` with the action's typed fields.
Outcome perform_transition(db::Connection& c, const Config& config, const Caller& by, int64_t id,
                           const TransitionInput& in, const Payload& payload);
/// The same from a request body: the fields are read (read_payload) only once the caller may take
/// the action here, so a caller without the right learns 403 or 409, never the fields' rules.
Outcome perform_transition(db::Connection& c, const Config& config, const Caller& by, int64_t id,
                           const TransitionInput& in, const Json& fields);

/// Writes the history row (the timeline) of an act on proposal `id` by `by`.
void write_history(db::Connection& c, const Caller& by, int64_t id, const std::string& action, const std::string& from,
                   const std::string& to, const Json& payload);
/// Records an act that leaves proposal `p`'s state as it is (face-to-face meetings, follow-ups):
/// the audit record "proposal.<action>" with `payload` as what it wrote, and, when `timeline`,
/// the history row.
void record_side_act(db::Connection& c, const Caller& by, const db::Row& p, const std::string& action,
                     const Json& payload, bool timeline);

/// Default reasons for 不立案 (the ten national grounds).
const std::vector<std::string>& decline_reasons();

/// The built-in proposal categories (the default of a committee that never set its own).
const std::vector<std::string>& proposal_categories();
/// The categories a proposal of `committee_id` may carry: its own list (proposal settings), or
/// the built-in ones. Defined in settings.cpp, which keeps the list.
std::vector<std::string> proposal_categories(db::Connection& c, int64_t committee_id);

/// "十四" for 14: a number 0 ≤ n < 1000 in Chinese numerals as session names write it (digits
/// beyond).
std::string chinese_number(int64_t n);
/// "十四届五次会议": the canonical name of session `session` of term `term`.
std::string session_label(int64_t term, int64_t session);
/// "十四届五次会议 第0103号": the session's name and the proposal's number.
std::string number_label(int64_t term, int64_t session, int64_t number);

}  // namespace sl::proposals
