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
/// The JSON Schema of a meeting's fields (OpenAPI).
Json meeting_schema(bool creating);

}  // namespace sl::meetings
