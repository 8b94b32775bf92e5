#pragma once
// Who may do what with meetings, in one place.
// - Manage a meeting (edit, invite, notify, remind, decide leave, mark attendance, show the
//   sign-in code, arrange speeches, minutes): admins and proposal staff (the committee office)
//   for every meeting; committee staff for the meetings their special committee organises.
// - Read every meeting of the committee in full: leaders and supervisors (and managers).
// - Invitees (a member, a unit's staff and leaders when the unit is invited) read their
//   meetings once notified, reply, sign in and apply to speak.
// - The published calendar: members, party and sector contacts and committee staff read the
//   notified and held meetings' title, kind, time and place, not the invitees.
// Everything is the caller's current committee's; another committee's meeting is 404.

#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/db/database.hpp"

namespace sl::meetings {

/// What the caller may do with one meeting, strongest first.
enum class Access {
  none,      // not visible: 404
  calendar,  // the published calendar's fields only
  invitee,   // invited: the meeting in full, reply, sign in, speak
  reader,    // reads everything of the meeting (leaders, supervisors)
  manager,   // manages it
};

/// Whether `a` reads everything of the meeting: the invitees, all speeches, draft minutes
/// (managers and readers).
inline bool reads_in_full(Access a) {
  return a == Access::manager || a == Access::reader;
}

/// May create meetings organised by `special_committee_id` (none: the committee office's own).
bool may_create(const Principal& p, std::optional<int64_t> special_committee_id);
/// 403 unless the caller may arrange any meeting: the committee office, or committee staff (who
/// then arrange their special committee's).
void require_arranger(const Principal& p);
/// Manages a meeting organised by `special_committee_id`.
bool manages(const Principal& p, std::optional<int64_t> special_committee_id);
/// Reads every meeting of the committee in full.
bool reads_all(const Principal& p);
/// Reads the committee's published calendar.
bool reads_calendar(const Principal& p);

/// The caller's access to meeting row `m` (columns of `meetings`; state and organiser read),
/// given whether they are among its invitees.
Access access_to(const Principal& p, const db::Row& m, bool invited);

/// The list's visibility condition for the caller (alias m the meeting), with its parameters
/// appended to `params`.
std::string visible_condition(const Principal& p, std::vector<db::Value>& params);

}  // namespace sl::meetings
