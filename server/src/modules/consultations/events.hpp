#pragma once
// The names of the consultation module's domain events. Every event carries the committee, the
// actor and the subject's id; a plan's step carries {"action","from","to"}, a topic's action
// {"action","from","to","plan_id"}. Subscribers (search, notifications, member records) use
// these constants, never string literals.

#include <string>

#include "modules/consultations/workflow.hpp"

namespace sl::consultations::events {

inline constexpr const char* kPrefix = "consultation.";
inline constexpr const char* kPlanCreated = "consultation.plan.created";
inline constexpr const char* kPlanPrefix = "consultation.plan.";  // + a plan action's name
inline constexpr const char* kTopicCreated = "consultation.topic.created";
inline constexpr const char* kTopicUpdated = "consultation.topic.updated";
inline constexpr const char* kTopicPrefix = "consultation.topic.";  // + a topic action's name
inline constexpr const char* kPostponementRequested = "consultation.topic.postponement_requested";
inline constexpr const char* kPostponementDecided = "consultation.topic.postponement_decided";

inline std::string of(PlanAction a) {
  return std::string(kPlanPrefix) + name(a);
}
inline std::string of(TopicAction a) {
  return std::string(kTopicPrefix) + name(a);
}

}  // namespace sl::consultations::events

namespace sl::consultations::events {

inline constexpr const char* kOutcomeCreated = "consultation.outcome.created";
inline constexpr const char* kOutcomeUpdated = "consultation.outcome.updated";
inline constexpr const char* kOutcomePrefix = "consultation.outcome.";  // + an outcome action's name
inline constexpr const char* kInstructionRecorded = "consultation.outcome.instruction";
inline constexpr const char* kOutcomePublished = "consultation.outcome.published";
inline constexpr const char* kOutcomeUnpublished = "consultation.outcome.unpublished";
inline constexpr const char* kFollowItemAdded = "consultation.follow.added";
inline constexpr const char* kFollowProgress = "consultation.follow.progress";
inline constexpr const char* kFollowClosed = "consultation.follow.closed";
// The kinds of the follow-through scan's notices (not events: the scan sends them itself).
inline constexpr const char* kFollowReminder = "consultation.follow.reminder";
inline constexpr const char* kFollowEscalation = "consultation.follow.escalation";

inline std::string of(OutcomeAction a) {
  return std::string(kOutcomePrefix) + name(a);
}

}  // namespace sl::consultations::events

namespace sl::consultations::events {

// A topic's research and inspections (research.hpp).
inline constexpr const char* kResearchCreated = "consultation.research.created";
inline constexpr const char* kResearchUpdated = "consultation.research.updated";
inline constexpr const char* kResearchVisitRecorded = "consultation.research.visit";
inline constexpr const char* kResearchFileAdded = "consultation.research.file_added";
inline constexpr const char* kResearchFileRemoved = "consultation.research.file_removed";
inline constexpr const char* kResearchReportSaved = "consultation.research.report_saved";
inline constexpr const char* kResearchPrefix = "consultation.research.";  // + submit, approve, send_back

}  // namespace sl::consultations::events
