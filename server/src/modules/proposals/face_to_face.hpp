#pragma once
// 当面协商: a proposal still unsatisfied after second handling closes flagged face_to_face;
// proposal staff then arrange a face-to-face consultation with the proposer and the lead unit
// (date, place, attendees, note) and record its outcome. A sub-resource of the closed proposal
// (it does not change the workflow state): each step writes a history row (the timeline), an
// audit record, and an event the notifications turn into notices for the proposer and the lead
// unit.
//
// POST /api/v1/proposals/{id}/face-to-face          arrange (or re-arrange until it is done)
// POST /api/v1/proposals/{id}/face-to-face/outcome  record the outcome

#include <optional>

#include "core/app.hpp"
#include "modules/proposals/commands.hpp"

namespace sl::proposals {

/// The meeting of proposal `id` as the detail shows it ({status, meeting, actions}); status is
/// null when the proposal needs none, else needed / arranged / done. `staff` says whether the
/// caller may arrange it.
Json face_to_face_json(db::Connection& c, int64_t id, bool flagged, bool staff);

/// What staff arrange: the date (not before today), place, attendees and a note.
struct MeetingInput {
  std::string meeting_date;
  std::string place;
  std::string attendees;
  std::string note;
};
/// Arranges (or re-arranges, until it is done) the meeting of proposal `id`.
Outcome arrange_face_to_face(db::Connection& c, const Caller& by, int64_t id, const MeetingInput& in);

/// The meeting's outcome and the day it was held (the arranged day when not given).
struct MeetingOutcomeInput {
  std::string outcome;
  std::optional<std::string> held_on;
};
/// Records the outcome of the arranged meeting of proposal `id`.
Outcome record_face_to_face(db::Connection& c, const Caller& by, int64_t id, const MeetingOutcomeInput& in);

void register_face_to_face(App& app);

}  // namespace sl::proposals
