#pragma once
// The online deliberation's domain events (deliberation.hpp). Each carries the committee, the
// actor and the window's id as subject, with {"topic_id"}; opened and invited add "user_ids" (the
// members newly invited, whom deliberation_notices.cpp tells), an opinion's acts "opinion_id".

namespace sl::consultations::events {

inline constexpr const char* kDeliberationPrefix = "consultation.deliberation.";
inline constexpr const char* kDeliberationOpened = "consultation.deliberation.opened";
inline constexpr const char* kDeliberationChanged = "consultation.deliberation.changed";
inline constexpr const char* kDeliberationClosed = "consultation.deliberation.closed";
inline constexpr const char* kDeliberationInvited = "consultation.deliberation.invited";
inline constexpr const char* kOpinionPosted = "consultation.deliberation.opinion_posted";
inline constexpr const char* kOpinionEdited = "consultation.deliberation.opinion_edited";
inline constexpr const char* kOpinionWithdrawn = "consultation.deliberation.opinion_withdrawn";
inline constexpr const char* kOpinionModerated = "consultation.deliberation.opinion_moderated";
inline constexpr const char* kOpinionSelected = "consultation.deliberation.opinion_selected";

}  // namespace sl::consultations::events
