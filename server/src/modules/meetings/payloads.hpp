#pragma once
// Where the meeting routes take fields: the reader of each action's body, naming every bad field
// at once (api::Validator). Read only after the access check, so a caller without the right
// learns 403, not the fields' rules.

#include "modules/meetings/commands.hpp"

namespace sl::meetings {

/// A meeting's fields from a body: all required when `existing` is null (create); otherwise the
/// fields given replace the stored ones (PATCH, which also carries `version`, returned in it).
MeetingInput read_meeting_input(const Json& body, const db::Row* existing, int64_t* version);
InviteInput read_invite_input(const Json& body);
SpeechInput read_speech_input(const Json& body);

/// A body of no fields (any field given is named as unknown).
struct NoFields {};
NoFields read_nothing(const Json& body);
/// Cancelling: the reason, optional.
std::string read_cancel_reason(const Json& body);
/// The invitee's reply: "attend", or "leave" with a reason.
struct ReplyInput {
  std::string answer, reason;
};
ReplyInput read_reply_input(const Json& body);
/// Staff's decision on a leave request, with an optional note.
struct LeaveDecision {
  bool approve = false;
  std::string note;
};
LeaveDecision read_leave_decision(const Json& body);
/// The scanned sign-in code.
std::string read_sign_in_token(const Json& body);
/// Attendance marked by hand: present or absent, with the reason required.
struct AttendanceInput {
  bool present = false;
  std::string reason;
};
AttendanceInput read_attendance_input(const Json& body);
/// The speeches' ids in their new order.
std::vector<int64_t> read_speech_order(const Json& body);
/// Whether a speech is arranged (or declined).
bool read_speech_decision(const Json& body);
/// The minutes' text.
std::string read_minutes(const Json& body);
/// The JSON Schema of a meeting's fields (OpenAPI).
Json meeting_schema(bool creating);

}  // namespace sl::meetings
