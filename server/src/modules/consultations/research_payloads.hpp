#pragma once
// What the research commands take (research.hpp): one struct per act, and the readers that check a
// request body's shape, naming every bad field at once. Rules that need the database (is the user
// of this committee, does the visit belong to the activity) are the commands'.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace sl::consultations {

namespace research_limits {
inline constexpr size_t kTitle = 60;
inline constexpr size_t kOutline = 5000;
inline constexpr size_t kPlace = 100;
inline constexpr size_t kParticipants = 500;
inline constexpr size_t kNotes = 5000;
inline constexpr size_t kReport = 50000;
inline constexpr size_t kNote = 1000;
inline constexpr size_t kPersonName = 40;
inline constexpr size_t kEmployer = 100;
inline constexpr size_t kPersonTitle = 60;
inline constexpr size_t kTeam = 60;
}  // namespace research_limits

/// One person of a team: the committee's own people by `user_id` (role leader, member or staff),
/// an expert from outside by name, employer and title (role expert, no user).
struct TeamMemberInput {
  std::optional<int64_t> user_id;
  std::string role;  // leader, member, expert, staff
  std::string name;
  std::string employer;
  std::string title;
};

/// A research activity's fields. On create kind and title are required; on update the absent ones
/// keep their value and `version` is required. `team`, when given, replaces the whole team.
struct ResearchInput {
  std::optional<std::string> kind;  // research, inspection
  std::optional<std::string> title;
  std::optional<std::string> outline;
  std::optional<std::vector<TeamMemberInput>> team;
  int64_t version = 0;
};
ResearchInput read_research_input(const Json& body, bool creating);

/// A site visit: on create the day and place are required; on update `version` is.
struct VisitInput {
  std::optional<std::string> visited_on;
  std::optional<std::string> place;
  std::optional<std::string> participants;
  std::optional<std::string> notes;
  std::optional<std::vector<int64_t>> member_user_ids;  // the team's own people who took part
  int64_t version = 0;
};
VisitInput read_visit_input(const Json& body, bool creating);

/// A new version of the report, saved at the activity's `version`.
struct ReportDraftInput {
  int64_t version = 0;
  std::string body;
};
ReportDraftInput read_report_draft(const Json& body);

/// The report's review: submit (staff), approve or send_back (the lead leader), read before the
/// caller's right is checked; the note (required to send it back) after.
struct ResearchStepInput {
  std::string action;
  int64_t version = 0;
};
ResearchStepInput read_research_step(const Json& body);
std::string read_research_step_note(const std::string& action, const Json& body);

/// An uploaded photo, material or report file, with what it is for (from the query string).
struct ResearchFileInput {
  std::string purpose;      // photo, material, report ("material" when not given)
  std::string visit_param;  // the visit's id as given in the query string ("" for none)
  std::optional<int64_t> visit_id;
  std::string filename;
  std::string content;
};
/// Checks the purpose and visit given in the query string (400 naming the parameter) and sets
/// `visit_id`; run by the command once the caller's right is known.
void check_research_file_params(ResearchFileInput& in);

}  // namespace sl::consultations
