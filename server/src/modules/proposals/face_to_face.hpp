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

#include "core/app.hpp"

namespace sl::proposals {

/// The meeting of proposal `id` as the detail shows it ({status, meeting, actions}); status is
/// null when the proposal needs none, else needed / arranged / done. `staff` says whether the
/// caller may arrange it.
Json face_to_face_json(db::Connection& c, int64_t id, bool flagged, bool staff);

void register_face_to_face(App& app);

}  // namespace sl::proposals
