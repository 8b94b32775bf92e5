#pragma once
// Demo meetings and activities (会议活动): past meetings with replies, approved leave, QR
// sign-ins, an absence marked by hand, speeches and approved minutes; a meeting tomorrow and one
// next week for the demo member (13900000001) to reply to and sign in to; a draft in preparation.
// Every step goes through the meetings module's commands (modules/meetings/commands.hpp), acted
// by the demo's proposal staff and members at the time it would have happened.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/db/database.hpp"

namespace sl::cli {

/// One demo meeting. The invitees are `members` members of the committee from `member_offset`
/// on, in the order of the members table (offset 0: the demo member first), and `unit_ids`.
/// A meeting already over when seeded is held: replies, leave, sign-ins, speeches and, when
/// `minutes` is given, approved minutes. A coming one is notified (unless `notify` is false) with
/// some replies, the first invitee's left open.
struct MeetingSeed {
  std::string kind = "consultation";  // meetings::meeting_kinds()
  std::string title;
  std::string agenda;
  std::string place;
  int64_t starts_at = 0;  // epoch seconds
  int64_t duration_minutes = 120;
  std::optional<std::string> subject_type;  // e.g. "consultation_topic"
  std::optional<int64_t> subject_id;
  std::optional<int64_t> special_committee_id;  // the organiser; none: the committee office
  int members = 16;
  int member_offset = 0;
  std::vector<int64_t> unit_ids;
  bool notify = true;
  std::vector<std::pair<std::string, std::string>> speeches;  // title, mode (oral|written)
  std::string minutes;
};

/// Writes `seed` for committee `committee_id` on `c` (inside the caller's transaction); returns
/// the meeting's id. Needs the demo's proposal staff account (tianwei) and members.
int64_t seed_meeting(db::Connection& c, int64_t committee_id, const MeetingSeed& seed);

/// The demo's own meetings (not tied to a consultation topic).
void seed_meetings(db::Connection& c, int64_t committee_id);

}  // namespace sl::cli
