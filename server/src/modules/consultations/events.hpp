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
