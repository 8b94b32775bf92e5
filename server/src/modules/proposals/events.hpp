#pragma once
// The names of the proposal module's domain events. Every event carries {"id": proposal id};
// a workflow action's event also carries "action", "from" and "to" (state names) and what the
// action adds (merge: "into_id"). Search and notifications subscribe to kPrefix.

#include <string>

#include "modules/proposals/workflow.hpp"

namespace sl::proposals::events {

inline constexpr const char* kPrefix = "proposal.";
inline constexpr const char* kCreated = "proposal.created";
inline constexpr const char* kUpdated = "proposal.updated";
inline constexpr const char* kImported = "proposal.imported";  // a historical proposal
inline constexpr const char* kFollowUp = "proposal.follow_up";
inline constexpr const char* kFollowUpProgress = "proposal.follow_up_progress";
inline constexpr const char* kArrangeFaceToFace = "proposal.arrange_face_to_face";
inline constexpr const char* kRecordFaceToFace = "proposal.record_face_to_face";
inline constexpr const char* kCosignExpired = "proposal.cosign_expired";

// The kinds of the deadline scan's notices (not events: the scheduler sends them itself).
inline constexpr const char* kDeadlineReminder = "deadline.reminder";
inline constexpr const char* kDeadlineEscalation = "deadline.escalation";

/// The event of workflow action `a`: "proposal.<action name>" ("proposal.file").
inline std::string of(Action a) {
  return std::string(kPrefix) + action_name(a);
}

}  // namespace sl::proposals::events
