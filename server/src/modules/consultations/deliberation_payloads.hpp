#pragma once
// What the online deliberation's commands take (deliberation.hpp): one struct per act, and the
// readers that check a request body's shape, naming every bad field at once. Rules that need the
// database or the clock (is the user of this committee, is the window still open) are the
// commands'.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace sl::consultations {

namespace deliberation_limits {
inline constexpr size_t kPrompt = 1000;
inline constexpr size_t kOpinion = 2000;
inline constexpr size_t kReason = 200;
inline constexpr size_t kIds = 500;
}  // namespace deliberation_limits

/// Whom to invite: people by account, members by sector, special committee, party or standing
/// committee membership (the ways meetings invite; units and guests do not post opinions).
struct DeliberationInvite {
  std::vector<int64_t> user_ids, sector_ids, special_committee_ids, party_ids;
  bool standing_committee = false;
  bool empty() const {
    return user_ids.empty() && sector_ids.empty() && special_committee_ids.empty() && party_ids.empty() &&
           !standing_committee;
  }
};

/// Opening the window: the question, when it opens (now when absent) and closes (UTC timestamps),
/// and whom to invite.
struct DeliberationInput {
  std::string prompt;
  std::optional<std::string> opens_at;
  std::string closes_at;
  DeliberationInvite invite;
};
DeliberationInput read_deliberation_input(const Json& body);

/// Changing the window at `version`: the question, the opening (while not yet open), the closing
/// (extending it reopens a window closed early).
struct DeliberationChange {
  int64_t version = 0;
  std::optional<std::string> prompt;
  std::optional<std::string> opens_at;
  std::optional<std::string> closes_at;
};
DeliberationChange read_deliberation_change(const Json& body);

/// Inviting more people to an open window.
DeliberationInvite read_deliberation_invite(const Json& body);

/// A member's opinion (1…2000 characters).
std::string read_opinion_body(const Json& body);

/// Moderation: publish, or hide with a reason.
struct ModerationInput {
  std::string action;  // publish, hide
  std::string reason;
};
ModerationInput read_moderation(const Json& body);

/// Selecting an opinion into the outcome, or taking it out.
bool read_selection(const Json& body);

/// The version given to close the window early.
int64_t read_close(const Json& body);

}  // namespace sl::consultations
