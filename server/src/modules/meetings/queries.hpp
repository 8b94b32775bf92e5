#pragma once
// The meetings module's fixed SQL statements, named and grouped by table. Statements assembled
// from filters (the list) are built where they are assembled, from the prefixes named here.

namespace sl::meetings::sql {

// ---------- meetings ----------

inline constexpr const char* kMeeting = "SELECT * FROM meetings WHERE id = $1";
/// A meeting: committee $1, kind $2, title $3, agenda $4, place $5, starts $6, ends $7, subject
/// type $8 and id $9, organiser $10, secret $11, by $12, at $13.
inline constexpr const char* kInsertMeeting =
    "INSERT INTO meetings (committee_id, kind, title, agenda, place, starts_at, ends_at, subject_type, subject_id, "
    "special_committee_id, sign_in_secret, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
    "$9, $10, $11, $12, $13, $13) RETURNING id";
/// Meeting $10 at version $11 takes kind $1, title $2, agenda $3, place $4, starts $5, ends $6,
/// subject $7/$8, organiser $9, at $12.
inline constexpr const char* kUpdateMeeting =
    "UPDATE meetings SET kind = $1, title = $2, agenda = $3, place = $4, starts_at = $5, ends_at = $6, subject_type = "
    "$7, subject_id = $8, special_committee_id = $9, version = version + 1, updated_at = $12 WHERE id = $10 AND "
    "version = $11";
/// Meeting $1 moves to state $2 at $3.
inline constexpr const char* kSetState =
    "UPDATE meetings SET state = $2, version = version + 1, updated_at = $3 WHERE id = $1";
inline constexpr const char* kMarkNotified =
    "UPDATE meetings SET state = 'notified', notified_at = $2, version = version + 1, updated_at = $2 WHERE id = $1";
inline constexpr const char* kCancel =
    "UPDATE meetings SET state = 'cancelled', cancel_reason = $2, version = version + 1, updated_at = $3 WHERE id = $1";
inline constexpr const char* kSaveMinutes =
    "UPDATE meetings SET minutes = $2, minutes_state = 'draft', updated_at = $3 WHERE id = $1";
inline constexpr const char* kApproveMinutes =
    "UPDATE meetings SET minutes_state = 'approved', minutes_approved_by = $2, minutes_approved_at = $3, state = "
    "'held', version = version + 1, updated_at = $3 WHERE id = $1";
/// The count and the rows of the list: append the condition (alias m).
inline constexpr const char* kCountMeetingsWhere = "SELECT COUNT(*) FROM meetings m WHERE ";
inline constexpr const char* kMeetingsWhere =
    "SELECT m.*, s.name AS special_committee_name FROM meetings m LEFT JOIN special_committees s ON s.id = "
    "m.special_committee_id WHERE ";
/// The name of special committee $1 in committee $2.
inline constexpr const char* kSpecialCommitteeName =
    "SELECT name FROM special_committees WHERE id = $1 AND committee_id = $2";

// ---------- meeting_invitees ----------

/// The invitees of meeting $1 with their names (a member's, a user's, a unit's, a guest's).
inline constexpr const char* kInviteesOfMeeting =
    "SELECT i.*, COALESCE(mem.name, u.name, un.name, i.guest_name) AS name, COALESCE(mem.employer, "
    "i.guest_employer, '') AS employer, mk.name AS marked_by_name FROM meeting_invitees i LEFT JOIN meetings m ON m.id "
    "= i.meeting_id LEFT JOIN users u ON u.id = i.user_id LEFT JOIN members mem ON mem.user_id = i.user_id AND "
    "mem.committee_id = m.committee_id LEFT JOIN units un ON un.id = i.unit_id LEFT JOIN users mk ON mk.id = "
    "i.marked_by WHERE i.meeting_id = $1 ORDER BY CASE i.invited_as WHEN 'member' THEN 0 WHEN 'staff' THEN 1 WHEN "
    "'unit' THEN 2 ELSE 3 END, i.id";
inline constexpr const char* kInvitee = "SELECT * FROM meeting_invitees WHERE id = $1 AND meeting_id = $2";
/// The invitee row of meeting $1 for user $2, or for a unit among the appended ids.
inline constexpr const char* kInviteeOfUser = "SELECT * FROM meeting_invitees WHERE meeting_id = $1 AND user_id = $2";
inline constexpr const char* kInviteeOfUnitsWhere =
    "SELECT * FROM meeting_invitees WHERE meeting_id = $1 AND unit_id IN ";
inline constexpr const char* kHasUserInvitee = "SELECT 1 FROM meeting_invitees WHERE meeting_id = $1 AND user_id = $2";
inline constexpr const char* kHasUnitInvitee = "SELECT 1 FROM meeting_invitees WHERE meeting_id = $1 AND unit_id = $2";
inline constexpr const char* kCountInvitees = "SELECT COUNT(*) FROM meeting_invitees WHERE meeting_id = $1";
/// Meeting $1 invites user $2 as $3 at $4.
inline constexpr const char* kInviteUser =
    "INSERT INTO meeting_invitees (meeting_id, user_id, invited_as, created_at) VALUES ($1, $2, $3, $4) RETURNING id";
inline constexpr const char* kInviteUnit =
    "INSERT INTO meeting_invitees (meeting_id, unit_id, invited_as, created_at) VALUES ($1, $2, 'unit', $3) RETURNING "
    "id";
inline constexpr const char* kInviteGuest =
    "INSERT INTO meeting_invitees (meeting_id, guest_name, guest_employer, invited_as, created_at) VALUES ($1, $2, $3, "
    "'guest', $4) RETURNING id";
inline constexpr const char* kDeleteInvitee = "DELETE FROM meeting_invitees WHERE id = $1 AND meeting_id = $2";
/// Invitee $1 replies $2 (reason $3, leave state $4) at $5.
inline constexpr const char* kSetReply =
    "UPDATE meeting_invitees SET reply = $2, leave_reason = $3, leave_state = $4, leave_note = '', leave_decided_by = "
    "NULL, leave_decided_at = NULL, replied_at = $5 WHERE id = $1";
inline constexpr const char* kDecideLeave =
    "UPDATE meeting_invitees SET leave_state = $2, leave_note = $3, leave_decided_by = $4, leave_decided_at = $5 WHERE "
    "id = $1";
inline constexpr const char* kSignIn =
    "UPDATE meeting_invitees SET attendance = 'present', signed_in_at = $2, sign_in_how = 'qr', manual_reason = '', "
    "marked_by = NULL WHERE id = $1";
inline constexpr const char* kMarkAttendance =
    "UPDATE meeting_invitees SET attendance = $2, signed_in_at = $3, sign_in_how = 'manual', manual_reason = $4, "
    "marked_by = $5 WHERE id = $1";
/// The users to tell of meeting $1: invited users, and the staff and leaders of invited units.
inline constexpr const char* kInviteeUsers =
    "SELECT i.id AS invitee_id, i.user_id FROM meeting_invitees i WHERE i.meeting_id = $1 AND i.user_id IS NOT NULL "
    "UNION SELECT i.id, g.user_id FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id JOIN role_grants g ON "
    "g.unit_id = i.unit_id AND g.committee_id = m.committee_id AND g.role IN ('unit_staff', 'unit_leader') WHERE "
    "i.meeting_id = $1";

// ---------- meeting_reply_changes ----------

inline constexpr const char* kInsertReplyChange =
    "INSERT INTO meeting_reply_changes (meeting_id, invitee_id, from_reply, to_reply, reason, by_user_id, at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7)";
inline constexpr const char* kReplyChangesOfMeeting =
    "SELECT c.*, u.name AS by_name FROM meeting_reply_changes c LEFT JOIN users u ON u.id = c.by_user_id WHERE "
    "c.meeting_id = $1 ORDER BY c.id";

// ---------- people an invitation resolves to (members, units) ----------

/// The active members of committee $1 with an account: append the condition (alias mem).
inline constexpr const char* kMemberUsersWhere =
    "SELECT DISTINCT mem.user_id FROM members mem WHERE mem.committee_id = $1 AND mem.status = 'active' AND "
    "mem.user_id IS NOT NULL AND ";
/// Whether user $1 holds a role in committee $2; whether they are a member there.
inline constexpr const char* kUserInCommittee = "SELECT 1 FROM role_grants WHERE user_id = $1 AND committee_id = $2";
inline constexpr const char* kIsMember =
    "SELECT 1 FROM members WHERE user_id = $1 AND committee_id = $2 AND status = 'active'";
inline constexpr const char* kUnitInCommittee = "SELECT 1 FROM units WHERE id = $1 AND committee_id = $2";

// ---------- meeting_speeches ----------

inline constexpr const char* kSpeechesOfMeeting =
    "SELECT s.*, COALESCE(mem.name, u.name) AS name FROM meeting_speeches s JOIN meetings m ON m.id = s.meeting_id "
    "LEFT JOIN users u ON u.id = s.user_id LEFT JOIN members mem ON mem.user_id = s.user_id AND mem.committee_id = "
    "m.committee_id WHERE s.meeting_id = $1 ORDER BY s.position, s.id";
inline constexpr const char* kSpeech = "SELECT * FROM meeting_speeches WHERE id = $1 AND meeting_id = $2";
inline constexpr const char* kNextSpeechPosition =
    "SELECT COALESCE(MAX(position), 0) + 1 FROM meeting_speeches WHERE meeting_id = $1";
inline constexpr const char* kInsertSpeech =
    "INSERT INTO meeting_speeches (meeting_id, user_id, title, mode, body, position, created_at) VALUES ($1, $2, $3, "
    "$4, $5, $6, $7) RETURNING id";
inline constexpr const char* kDecideSpeech =
    "UPDATE meeting_speeches SET state = $2, decided_by = $3, decided_at = $4 WHERE id = $1";
inline constexpr const char* kSpeechPosition = "UPDATE meeting_speeches SET position = $2 WHERE id = $1";

}  // namespace sl::meetings::sql
