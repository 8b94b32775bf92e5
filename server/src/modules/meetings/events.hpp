#pragma once
// The names of the meetings module's domain events. Every event carries {"id": meeting id} and
// what the act adds: the invitee ("invitee_id", "user_id"), the reply ("reply", "from"), the
// decision, the attendance, the speech ("speech_id"). Published after commit; the meetings'
// notices (notices.cpp) subscribe to kPrefix, and the member records will read the same rows.

namespace sl::meetings::events {

inline constexpr const char* kPrefix = "meeting.";
inline constexpr const char* kCreated = "meeting.created";
inline constexpr const char* kUpdated = "meeting.updated";
inline constexpr const char* kCancelled = "meeting.cancelled";
inline constexpr const char* kInvited = "meeting.invited";  // "invitee_ids": the new invitees
inline constexpr const char* kUninvited = "meeting.uninvited";
inline constexpr const char* kNotified = "meeting.notified";
inline constexpr const char* kReminded = "meeting.reminded";
inline constexpr const char* kReplied = "meeting.replied";
inline constexpr const char* kLeaveDecided = "meeting.leave_decided";
inline constexpr const char* kSignedIn = "meeting.signed_in";
inline constexpr const char* kAttendanceMarked = "meeting.attendance_marked";
inline constexpr const char* kSpeechApplied = "meeting.speech_applied";
inline constexpr const char* kSpeechDecided = "meeting.speech_decided";
inline constexpr const char* kSpeechesOrdered = "meeting.speeches_ordered";
inline constexpr const char* kMinutesSaved = "meeting.minutes_saved";
inline constexpr const char* kMinutesApproved = "meeting.minutes_approved";

}  // namespace sl::meetings::events
