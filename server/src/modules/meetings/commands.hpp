#pragma once
// The meeting use cases as plain functions of a connection (inside the caller's transaction),
// the Caller (core/command.hpp) and a typed input; each returns the meeting's id and the domain
// event to publish after commit (events.hpp). Routes (meetings_module.cpp), the demo seeding
// (cli/seed_meetings.cpp) and the consultations module call the same functions; no HTTP request
// reaches them. Refusals are ApiErrors: 400 validation, 403 not allowed, 404 not visible (or
// another committee's), 409 the meeting's state does not allow it (sign-in refusals carry a
// `reason`: sign_in_expired, sign_in_closed, sign_in_wrong_meeting, sign_in_invalid).

#include <optional>
#include <string>
#include <vector>

#include "core/command.hpp"
#include "core/db/database.hpp"
#include "modules/meetings/permissions.hpp"

namespace sl::meetings {

/// The kinds of meetings and activities, and the states (of a meeting, a reply, attendance,
/// a speech); the web reads them from GET /api/v1/meetings/options.
const std::vector<std::string>& meeting_kinds();
Json options_json();

/// A meeting as created or edited. Times are stored UTC ("2026-12-08T01:30:00Z").
struct MeetingInput {
  std::string kind = "symposium";
  std::string title;
  std::string agenda;
  std::string place;
  std::string starts_at;
  std::string ends_at;
  std::optional<std::string> subject_type;
  std::optional<int64_t> subject_id;
  std::optional<int64_t> special_committee_id;  // the organising special committee
};

/// A meeting loaded for the caller with what they may do (404 when not visible).
struct Loaded {
  db::Row row;
  Access access = Access::none;
  std::optional<db::Row> mine;  // the caller's invitee row (their own, or their unit's)
};
Loaded load_meeting(db::Connection& c, const Principal& p, int64_t id);
/// The same, 403 unless the caller manages it (or reads all, when `read` is enough).
Loaded load_managed(db::Connection& c, const Principal& p, int64_t id);

/// The stored UTC timestamp of `text` (…Z, seconds or milliseconds optional), or nullopt.
std::optional<std::string> normalize_utc(const std::string& text);
/// Epoch seconds of a stored UTC timestamp.
int64_t epoch_of(const std::string& utc);

Outcome create_meeting(db::Connection& c, const Caller& by, const MeetingInput& in);
/// Edits meeting `id` at `version` (while draft or notified).
Outcome update_meeting(db::Connection& c, const Caller& by, int64_t id, int64_t version, const MeetingInput& in);
Outcome cancel_meeting(db::Connection& c, const Caller& by, int64_t id, const std::string& reason);

/// Whom to invite: people by list, members by sector, special committee, party or standing
/// committee membership, units, guests. Duplicates are skipped.
struct InviteInput {
  std::vector<int64_t> user_ids, sector_ids, special_committee_ids, party_ids, unit_ids;
  bool standing_committee = false;
  struct Guest {
    std::string name, employer;
  };
  std::vector<Guest> guests;
};
Outcome invite(db::Connection& c, const Caller& by, int64_t id, const InviteInput& in);
Outcome uninvite(db::Connection& c, const Caller& by, int64_t id, int64_t invitee_id);
/// Sends the meeting notice: state notified (the notices go out from the event).
Outcome notify_meeting(db::Connection& c, const Caller& by, int64_t id);
/// Reminds invitees who have not replied (notices deduplicated per day).
Outcome remind(db::Connection& c, const Caller& by, int64_t id);

/// The invitee's reply: "attend", or "leave" with a reason (pending staff's approval).
Outcome reply(db::Connection& c, const Caller& by, int64_t id, const std::string& answer, const std::string& reason);
Outcome decide_leave(db::Connection& c, const Caller& by, int64_t id, int64_t invitee_id, bool approve,
                     const std::string& note);

/// The sign-in code the staff show now: {token, url, refresh_in, valid_from, valid_until}.
Json sign_in_code(db::Connection& c, const Caller& by, int64_t id);
/// Signs the caller in with a scanned code (idempotent).
Outcome sign_in(db::Connection& c, const Caller& by, int64_t id, const std::string& token);
/// Staff mark an invitee present or absent by hand, with a reason (recorded and audited).
Outcome mark_attendance(db::Connection& c, const Caller& by, int64_t id, int64_t invitee_id, bool present,
                        const std::string& reason);

struct SpeechInput {
  std::string title, mode = "oral", body;
};
Outcome apply_speech(db::Connection& c, const Caller& by, int64_t id, const SpeechInput& in);
Outcome decide_speech(db::Connection& c, const Caller& by, int64_t id, int64_t speech_id, bool arrange);
Outcome order_speeches(db::Connection& c, const Caller& by, int64_t id, const std::vector<int64_t>& ids);

Outcome save_minutes(db::Connection& c, const Caller& by, int64_t id, const std::string& text);
Outcome approve_minutes(db::Connection& c, const Caller& by, int64_t id);

}  // namespace sl::meetings
