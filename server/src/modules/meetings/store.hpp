#pragma once
// The meetings' read models: the list (scoped to what the caller may see), one meeting as the
// caller sees it (with the actions they may take), the invitee list, the live sign-in board, the
// member's 我的活动, and the meetings of a subject (what a consultation topic's page shows).

#include <string_view>

#include "core/http/message.hpp"
#include "modules/meetings/commands.hpp"

namespace sl::meetings {

/// GET /api/v1/meetings: the list envelope (filters from, to, kind, state, subject_type +
/// subject_id, mine=1, q).
Json meeting_list(db::Connection& c, const http::Request& req, int64_t now);
/// One meeting as `p` sees it at `now`: the calendar's fields only for a calendar reader.
Json meeting_detail(db::Connection& c, const Principal& p, int64_t id, int64_t now);
/// The meetings whose subject is `subject_type` `subject_id` that `p` may see, newest first
/// ({items: [summary…]}): what another module (consultations) shows on its subject's page.
Json meetings_of_subject(db::Connection& c, const Principal& p, std::string_view subject_type, int64_t subject_id);
/// The invitees with their replies and attendance (managers and readers).
Json invitee_list(db::Connection& c, const Principal& p, int64_t id);
/// The live board: {expected, signed_in, on_leave, absent, no_reply, …, rows}.
Json board(db::Connection& c, const Principal& p, int64_t id);
/// The speeches: all of them for managers and readers; the arranged ones and one's own otherwise.
Json speech_list(db::Connection& c, const Principal& p, int64_t id);
/// 我的活动: {invitations, upcoming, past}.
Json my_meetings(db::Connection& c, const Principal& p, int64_t now);

}  // namespace sl::meetings
