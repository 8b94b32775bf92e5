#pragma once
// The fixed SQL statements of the proposals module, named and kept together, grouped by table.
// Statements assembled at run time (list filters, visibility conditions, `IN (` lists, the
// columns of a draft) are built where they are assembled; the fixed prefix they start with is
// named here (…Where, …In: the caller appends the rest, closing what the prefix opens).
// Finished records (demo data, the historical import) are written by record_writer.cpp.

namespace sl::proposals::sql {

// ---------- proposals: the row itself ----------

/// The proposal $1 of committee $2, if the caller may see it: append the visibility condition and ")".
inline constexpr const char* kVisibleProposalWhere =
    "SELECT p.* FROM proposals p WHERE p.id = $1 AND p.committee_id = $2 AND (";
/// The number of proposals (alias p) matching the appended condition.
inline constexpr const char* kCountProposalsWhere = "SELECT COUNT(*) FROM proposals p WHERE ";
/// The list columns (with the state of the face-to-face meeting) of the proposals (alias p)
/// matching the appended condition, order and page.
inline constexpr const char* kListProposalsWhere =
    "SELECT p.id, p.session_id, p.number, p.number_label, p.kind, p.title, p.category, p.proposer_name, p.state, "
    "p.is_key, p.due_at, p.submitted_at, p.result_category, p.satisfaction, p.round, p.published, p.updated_at, "
    "p.version, p.face_to_face, (SELECT f.state FROM proposal_face_to_face f WHERE f.proposal_id = "
    "p.id) AS face_to_face_state FROM proposals p WHERE ";
/// The filed proposals of committee $1 and session $2, in number order.
inline constexpr const char* kFiledProposalsOfSession =
    "SELECT id FROM proposals WHERE committee_id = $1 AND session_id = $2 AND number IS NOT NULL ORDER BY number";
/// State and committee of proposal $1 (a merge target).
inline constexpr const char* kProposalStateAndCommittee = "SELECT state, committee_id FROM proposals WHERE id = $1";
/// A transition: state $1, a new version and updated_at $2 for proposal $3, if still at version $4.
inline constexpr const char* kMoveProposalState =
    "UPDATE proposals SET state = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND version = $4";
/// Proposal $2 leaves the co-signing window for review at time $1 (if it is still waiting).
inline constexpr const char* kCloseCosignWindow =
    "UPDATE proposals SET state = 'submitted', version = version + 1, updated_at = $1 WHERE id = $2 AND state = "
    "'awaiting_cosign'";
inline constexpr const char* kMarkSubmitted = "UPDATE proposals SET submitted_at = $1 WHERE id = $2";
/// Filing: number $1, label $2 and filed_at $3 of proposal $4.
inline constexpr const char* kFileProposal =
    "UPDATE proposals SET number = $1, number_label = $2, filed_at = $3 WHERE id = $4";
inline constexpr const char* kDeclineProposal =
    "UPDATE proposals SET decline_reason = $1, decline_conversion = $2, review_comment = $3 WHERE id = $4";
inline constexpr const char* kSetReviewComment = "UPDATE proposals SET review_comment = $1 WHERE id = $2";
inline constexpr const char* kMergeProposal = "UPDATE proposals SET merged_into_id = $1 WHERE id = $2";
inline constexpr const char* kMarkKeyProposal =
    "UPDATE proposals SET is_key = $1, key_leader_ids = $2, key_special_committee_id = $3 WHERE id = $4";
/// Assignment: handling type $1, assigned_at $2 and due date $3 of proposal $4.
inline constexpr const char* kAssignProposal =
    "UPDATE proposals SET handling_type = $1, assigned_at = $2, due_at = $3 WHERE id = $4";
inline constexpr const char* kSetProposalDue = "UPDATE proposals SET due_at = $1 WHERE id = $2";
/// A reply released: result $1, replied_at $2, whether it is followed up ($3) for proposal $4.
inline constexpr const char* kReleaseReplyResult =
    "UPDATE proposals SET result_category = $1, replied_at = $2, follow_up = $3 WHERE id = $4";
inline constexpr const char* kSetSatisfaction = "UPDATE proposals SET satisfaction = $1 WHERE id = $2";
/// Second handling: round 2 with due date $1 for proposal $2.
inline constexpr const char* kStartSecondRound = "UPDATE proposals SET round = 2, due_at = $1 WHERE id = $2";
inline constexpr const char* kCloseProposal = "UPDATE proposals SET closed_at = $1 WHERE id = $2";
/// Closing after feedback: closed_at $1, whether a face-to-face meeting is needed ($2), proposal $3.
inline constexpr const char* kCloseProposalAfterFeedback =
    "UPDATE proposals SET closed_at = $1, face_to_face = $2 WHERE id = $3";
inline constexpr const char* kPublishProposal = "UPDATE proposals SET published = 1, published_at = $1 WHERE id = $2";
inline constexpr const char* kMarkFollowUp = "UPDATE proposals SET follow_up = 1 WHERE id = $1";

// ---------- proposal_history: the record of every step ----------

/// One step of proposal $1 at $2 by user $3 ($4 their name, $5 their role): action $6 from state
/// $7 to $8, with payload $9 (JSON).
inline constexpr const char* kInsertHistory =
    "INSERT INTO proposal_history (proposal_id, at, actor_user_id, actor_name, role, action, from_state, to_state, "
    "payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
/// The system closed the co-signing window of proposal $1 at $2.
inline constexpr const char* kInsertCosignWindowClosedHistory =
    "INSERT INTO proposal_history (proposal_id, at, actor_name, role, action, from_state, to_state, payload) "
    "VALUES ($1, $2, '系统', 'system', 'cosign_window_closed', 'awaiting_cosign', 'submitted', '{}')";
inline constexpr const char* kHistoryOfProposal = "SELECT * FROM proposal_history WHERE proposal_id = $1 ORDER BY id";

// ---------- proposal_cosigners: co-signing (联名) ----------

inline constexpr const char* kDeleteCosigners = "DELETE FROM proposal_cosigners WHERE proposal_id = $1";
inline constexpr const char* kInsertCosigner =
    "INSERT INTO proposal_cosigners (proposal_id, member_id, user_id, name) VALUES ($1, $2, $3, $4)";
inline constexpr const char* kCosignersOfProposal =
    "SELECT member_id, user_id, name, status, due_at, answered_at FROM proposal_cosigners WHERE proposal_id = $1 ORDER "
    "BY member_id";
inline constexpr const char* kCountCosigners = "SELECT COUNT(*) FROM proposal_cosigners WHERE proposal_id = $1";
/// Co-signers of proposal $1 still to answer, other than user $2.
inline constexpr const char* kCountOtherPendingCosigners =
    "SELECT COUNT(*) FROM proposal_cosigners WHERE proposal_id = $1 AND status = 'pending' AND user_id <> $2";
/// Whether user $2 co-signs proposal $1.
inline constexpr const char* kIsCosigner = "SELECT 1 FROM proposal_cosigners WHERE proposal_id = $1 AND user_id = $2";
/// Whether user $2 is still to answer the co-signing invitation of proposal $1.
inline constexpr const char* kIsPendingCosigner =
    "SELECT 1 FROM proposal_cosigners WHERE proposal_id = $1 AND user_id = $2 AND status = 'pending'";
/// Whether anyone is still to answer the co-signing invitation of proposal $1.
inline constexpr const char* kAnyPendingCosigner =
    "SELECT 1 FROM proposal_cosigners WHERE proposal_id = $1 AND status = 'pending'";
/// On submission: every co-signer of proposal $2 is invited again, to answer by $1.
inline constexpr const char* kInviteCosigners =
    "UPDATE proposal_cosigners SET status = 'pending', answered_at = NULL, due_at = $1 WHERE proposal_id = $2";
/// User $4 answers ($1: confirmed or declined) at $2 the invitation of proposal $3.
inline constexpr const char* kAnswerCosign =
    "UPDATE proposal_cosigners SET status = $1, answered_at = $2 WHERE proposal_id = $3 AND user_id = $4 AND status = "
    "'pending'";
/// Pending co-signers whose window closed before $1, of proposals still waiting for them.
inline constexpr const char* kOverdueCosigners =
    "SELECT pc.proposal_id, pc.member_id, pc.name, p.proposer_user_id, p.committee_id, p.title FROM proposal_cosigners "
    "pc JOIN proposals p ON p.id = pc.proposal_id WHERE pc.status = 'pending' AND pc.due_at < $1 AND p.state = "
    "'awaiting_cosign'";
/// Member $3 drops off proposal $2 at $1 for not answering in time.
inline constexpr const char* kExpireCosigner =
    "UPDATE proposal_cosigners SET status = 'expired', answered_at = $1 WHERE proposal_id = $2 AND member_id = $3";

// ---------- proposal_assignments: assignment to units (交办), signing, returns ----------

inline constexpr const char* kInsertAssignment =
    "INSERT INTO proposal_assignments (proposal_id, unit_id, role, sign_due, opinion_due, reply_due) VALUES ($1, $2, "
    "$3, $4, $5, $6)";
/// The assignments of proposal $1 with their unit's name, in order.
inline constexpr const char* kAssignmentsOfProposal =
    "SELECT a.*, u.name AS unit_name FROM proposal_assignments a JOIN units u ON u.id = a.unit_id WHERE a.proposal_id "
    "= $1 ORDER BY a.id";
/// The units of proposal $1 and their role (lead or co), reassigned ones left out.
inline constexpr const char* kLiveAssignmentUnits =
    "SELECT unit_id, role FROM proposal_assignments WHERE proposal_id = $1 AND state <> 'reassigned'";
/// Whether unit $2 handles proposal $1 (not reassigned).
inline constexpr const char* kUnitHandlesProposal =
    "SELECT 1 FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2 AND state <> 'reassigned'";
/// Whether unit $2 leads proposal $1 and has not signed for it yet.
inline constexpr const char* kLeadAwaitsSign =
    "SELECT 1 FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2 AND role = 'lead' AND state = "
    "'awaiting_sign'";
/// The state of unit $2's lead assignment of proposal $1 (not reassigned).
inline constexpr const char* kLeadAssignmentState =
    "SELECT state FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2 AND role = 'lead' AND state <> "
    "'reassigned'";
/// The first lead unit of proposal $1 (not reassigned).
inline constexpr const char* kFirstLeadUnit =
    "SELECT unit_id FROM proposal_assignments WHERE proposal_id = $1 AND role = 'lead' AND state <> 'reassigned' ORDER "
    "BY id LIMIT 1";
/// Unit $3 signs at $1 for proposal $2.
inline constexpr const char* kSignAssignment =
    "UPDATE proposal_assignments SET state = 'signed', signed_at = $1 WHERE proposal_id = $2 AND unit_id = $3 AND "
    "state = 'awaiting_sign'";
/// Unit $2's assignment of proposal $1 that it may still ask to return.
inline constexpr const char* kReturnableAssignment =
    "SELECT id, state, sign_due FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2 AND state IN "
    "('awaiting_sign', 'signed')";
/// Assignment $2 asked to be returned, for reason $1.
inline constexpr const char* kRequestAssignmentReturn =
    "UPDATE proposal_assignments SET state = 'return_requested', return_reason = $1 WHERE id = $2";
/// Assignment $1 of proposal $2.
inline constexpr const char* kAssignmentOfProposal =
    "SELECT unit_id, role, state, sign_due, reply_due, opinion_due FROM proposal_assignments WHERE id = $1 AND "
    "proposal_id = $2";
/// A return refused: assignment $1 goes back to where it was.
inline constexpr const char* kRefuseAssignmentReturn =
    "UPDATE proposal_assignments SET state = CASE WHEN signed_at IS NULL THEN 'awaiting_sign' ELSE 'signed' END "
    "WHERE id = $1";
inline constexpr const char* kMarkAssignmentReassigned =
    "UPDATE proposal_assignments SET state = 'reassigned' WHERE id = $1";
/// Co-unit $3 sends its opinion $1 on proposal $2.
inline constexpr const char* kSendCoOpinion =
    "UPDATE proposal_assignments SET state = 'opinion_sent', opinion = $1 WHERE proposal_id = $2 AND unit_id = $3 AND "
    "role = 'co' AND state IN ('signed', 'opinion_sent')";
/// Reply due date $1 of every live assignment of proposal $2.
inline constexpr const char* kSetAssignmentsReplyDue =
    "UPDATE proposal_assignments SET reply_due = $1 WHERE proposal_id = $2 AND state <> 'reassigned'";
inline constexpr const char* kMarkLeadAssignmentsReplied =
    "UPDATE proposal_assignments SET state = 'replied' WHERE proposal_id = $1 AND role = 'lead' AND state <> "
    "'reassigned'";
/// Second handling: the replied assignments of proposal $2 are signed again, due $1, round 2.
inline constexpr const char* kReopenRepliedAssignments =
    "UPDATE proposal_assignments SET state = 'signed', reply_due = $1, round = 2 WHERE proposal_id = $2 AND state = "
    "'replied'";

// ---------- proposal_consultations and proposal_extensions: handling (办理) ----------

inline constexpr const char* kInsertConsultation =
    "INSERT INTO proposal_consultations (proposal_id, unit_id, method, held_on, people, content, created_by) VALUES "
    "($1, $2, $3, $4, $5, $6, $7)";
inline constexpr const char* kCountConsultations = "SELECT COUNT(*) FROM proposal_consultations WHERE proposal_id = $1";
inline constexpr const char* kConsultationsOfProposal =
    "SELECT c.*, u.name AS unit_name FROM proposal_consultations c JOIN units u ON u.id = c.unit_id WHERE "
    "c.proposal_id = $1 ORDER BY c.id";
inline constexpr const char* kInsertExtension =
    "INSERT INTO proposal_extensions (proposal_id, unit_id, reason, requested_due) VALUES ($1, $2, $3, $4)";
/// Extension request $1 of proposal $2, if still waiting for an answer.
inline constexpr const char* kPendingExtension =
    "SELECT requested_due FROM proposal_extensions WHERE id = $1 AND proposal_id = $2 AND state = 'requested'";
/// Extension request $2 answered: $1 is granted or refused.
inline constexpr const char* kAnswerExtension = "UPDATE proposal_extensions SET state = $1 WHERE id = $2";
inline constexpr const char* kExtensionsOfProposal =
    "SELECT * FROM proposal_extensions WHERE proposal_id = $1 ORDER BY id";

// ---------- proposal_replies: replies (答复) and their review ----------

inline constexpr const char* kInsertReply =
    "INSERT INTO proposal_replies (proposal_id, unit_id, round, body, result_category, created_by) VALUES ($1, $2, "
    "$3, $4, $5, $6)";
/// The replies of proposal $1 in state $2: append the unit and id conditions, then kLatestFirst.
inline constexpr const char* kLatestReplyForReview =
    "SELECT id, result_category FROM proposal_replies WHERE proposal_id = $1 AND state = $2";
inline constexpr const char* kLatestFirst = " ORDER BY id DESC LIMIT 1";
/// Reply $5 reviewed: state $1 and comment $2; approved by $3 when it goes to cppcc_review,
/// released at $4 when released.
inline constexpr const char* kReviewReply =
    "UPDATE proposal_replies SET state = $1, comment = $2, approved_by = CASE WHEN $1 = 'cppcc_review' THEN $3 ELSE "
    "approved_by END, released_at = CASE WHEN $1 = 'released' THEN $4 ELSE released_at END WHERE id = $5";
/// The replies of proposal $1 with their unit's name, every state.
inline constexpr const char* kRepliesOfProposal =
    "SELECT r.*, u.name AS unit_name FROM proposal_replies r JOIN units u ON u.id = r.unit_id WHERE r.proposal_id = $1 "
    "ORDER BY r.id";

// ---------- proposal_feedback: the proposer's and co-signers' opinion of a reply ----------

/// Whether user $3 gave feedback on proposal $1 in round $2.
inline constexpr const char* kFeedbackGiven =
    "SELECT 1 FROM proposal_feedback WHERE proposal_id = $1 AND round = $2 AND user_id = $3";
inline constexpr const char* kInsertFeedback =
    "INSERT INTO proposal_feedback (proposal_id, round, user_id, rating, consulted, attitude, answers_proposal, "
    "comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
inline constexpr const char* kFeedbackOfProposal =
    "SELECT f.*, u.name AS user_name FROM proposal_feedback f JOIN users u ON u.id = f.user_id WHERE f.proposal_id = "
    "$1 ORDER BY f.id";

// ---------- proposal_follow_ups: follow-up of B and C replies (跟踪落实) ----------

inline constexpr const char* kInsertFollowUp =
    "INSERT INTO proposal_follow_ups (proposal_id, unit_id, commitment, due_date) VALUES ($1, $2, $3, $4) RETURNING id";
inline constexpr const char* kFollowUpsOfProposal =
    "SELECT f.*, u.name AS unit_name FROM proposal_follow_ups f LEFT JOIN units u ON u.id = f.unit_id WHERE "
    "f.proposal_id = $1 ORDER BY f.id";
/// The progress (JSON list) of follow-up $1 of proposal $2.
inline constexpr const char* kFollowUpProgress =
    "SELECT progress FROM proposal_follow_ups WHERE id = $1 AND proposal_id = $2";
/// Follow-up $3: progress $1, done when $2 is 1 (never undone).
inline constexpr const char* kRecordFollowUpProgress =
    "UPDATE proposal_follow_ups SET progress = $1, done = CASE WHEN $2 = 1 THEN 1 ELSE done END WHERE id = $3";

// ---------- proposal_face_to_face: the meeting after a second unsatisfied round (当面协商) ----------

inline constexpr const char* kFaceToFaceOfProposal = "SELECT * FROM proposal_face_to_face WHERE proposal_id = $1";
inline constexpr const char* kFaceToFaceState = "SELECT state FROM proposal_face_to_face WHERE proposal_id = $1";
inline constexpr const char* kFaceToFaceStateAndDate =
    "SELECT state, meeting_date FROM proposal_face_to_face WHERE proposal_id = $1";
/// Arranges (or rearranges) the meeting of proposal $1: date $2, place $3, attendees $4, note $5,
/// by user $6 at $7.
inline constexpr const char* kArrangeFaceToFace =
    "INSERT INTO proposal_face_to_face (proposal_id, state, meeting_date, place, attendees, note, arranged_by, "
    "arranged_at) VALUES ($1, 'arranged', $2, $3, $4, $5, $6, $7) ON CONFLICT (proposal_id) DO UPDATE SET "
    "meeting_date = excluded.meeting_date, place = excluded.place, attendees = excluded.attendees, note = "
    "excluded.note, arranged_by = excluded.arranged_by, arranged_at = excluded.arranged_at";
/// The meeting of proposal $5 held: outcome $1, held on $2, recorded by user $3 at $4.
inline constexpr const char* kRecordFaceToFace =
    "UPDATE proposal_face_to_face SET state = 'done', outcome = $1, held_on = $2, recorded_by = $3, recorded_at = $4 "
    "WHERE proposal_id = $5";

// ---------- attachments: the files of a proposal ----------

inline constexpr const char* kCountAttachments = "SELECT COUNT(*) FROM attachments WHERE proposal_id = $1";
inline constexpr const char* kInsertAttachment =
    "INSERT INTO attachments (committee_id, proposal_id, purpose, filename, content_type, size, sha256, data, "
    "uploaded_by, created_at, unit_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id, purpose, "
    "filename, content_type, size, sha256, created_at";
/// Every file of proposal $1, without its content (the proposal's detail).
inline constexpr const char* kAttachmentsOfProposal =
    "SELECT id, purpose, filename, content_type, size, created_at FROM attachments WHERE proposal_id = $1 ORDER BY id";
/// The files (alias a) of proposal $1 matching the appended visibility condition and order.
inline constexpr const char* kListAttachmentsWhere =
    "SELECT a.id, a.purpose, a.filename, a.content_type, a.size, a.sha256, a.created_at FROM attachments a WHERE "
    "a.proposal_id = $1 AND ";
/// The content of file $2 of proposal $1, when the appended visibility condition holds.
inline constexpr const char* kAttachmentContentWhere =
    "SELECT a.filename, a.content_type, a.data FROM attachments a WHERE a.proposal_id = $1 AND a.id = $2 AND ";
/// File $2 of proposal $1 with its uploader, when the appended visibility condition holds.
inline constexpr const char* kAttachmentWhere =
    "SELECT a.id, a.purpose, a.filename, a.content_type, a.size, a.sha256, a.created_at, a.uploaded_by, a.unit_id "
    "FROM attachments a WHERE a.proposal_id = $1 AND a.id = $2 AND ";
/// Condition on a file (alias a) for those who do not handle the proposal: a unit's reply file
/// once that unit's reply is released (a file of unknown unit once any reply is).
inline constexpr const char* kFileVisibleOutsideHandlers =
    "(a.purpose <> 'reply' OR EXISTS (SELECT 1 FROM proposal_replies r WHERE r.proposal_id = a.proposal_id AND "
    "r.state = 'released' AND (a.unit_id IS NULL OR r.unit_id = a.unit_id)))";
inline constexpr const char* kDeleteAttachment = "DELETE FROM attachments WHERE id = $1";

// ---------- sessions, terms and numbering ----------

/// The current session of committee $1.
inline constexpr const char* kCurrentSession = "SELECT id FROM sessions WHERE committee_id = $1 AND is_current = 1";
inline constexpr const char* kSessionName = "SELECT name FROM sessions WHERE id = $1";
/// The term number and session number of session $1.
inline constexpr const char* kSessionTermNumbers =
    "SELECT t.number, s.number FROM sessions s JOIN terms t ON t.id = s.term_id WHERE s.id = $1";
/// The next proposal number of session $1 (counting from 1).
inline constexpr const char* kNextProposalNumber =
    "INSERT INTO proposal_number_counters (session_id, last_number) VALUES ($1, 1) ON CONFLICT (session_id) DO UPDATE "
    "SET last_number = proposal_number_counters.last_number + 1 RETURNING last_number";
/// Whether topic $1 of committee $2 belongs to a published catalogue (参考选题).
inline constexpr const char* kPublishedCatalogueTopic =
    "SELECT 1 FROM catalogue_topics k JOIN catalogues g ON g.session_id = k.session_id WHERE k.id = $1 AND "
    "k.committee_id = $2 AND g.state = 'published'";

// ---------- members and role grants: who proposes, co-signs, leads and is reminded ----------

/// The member record of user $1 in committee $2.
inline constexpr const char* kMemberOfUser = "SELECT id, name FROM members WHERE user_id = $1 AND committee_id = $2";
/// Active member $1 of committee $2, with their user.
inline constexpr const char* kActiveMember =
    "SELECT user_id, name FROM members WHERE id = $1 AND committee_id = $2 AND status = 'active'";
/// Whether user $1 is a leader of committee $2.
inline constexpr const char* kIsCommitteeLeader =
    "SELECT 1 FROM role_grants WHERE user_id = $1 AND committee_id = $2 AND role = 'leader'";
/// The active leaders of committee $1, by name.
inline constexpr const char* kActiveLeaders =
    "SELECT DISTINCT u.id, u.name FROM users u JOIN role_grants g ON g.user_id = u.id WHERE g.committee_id = $1 AND "
    "g.role = 'leader' AND u.status = 'active' ORDER BY u.name, u.id";
inline constexpr const char* kProposalStaffUsers =
    "SELECT DISTINCT user_id FROM role_grants WHERE committee_id = $1 AND role = 'proposal_staff'";
/// The leaders and staff of unit $1.
inline constexpr const char* kUnitLeadersAndStaff =
    "SELECT DISTINCT user_id FROM role_grants WHERE unit_id = $1 AND role IN ('unit_leader', 'unit_staff')";
/// The staff of unit $1.
inline constexpr const char* kUnitStaff =
    "SELECT DISTINCT user_id FROM role_grants WHERE unit_id = $1 AND role IN ('unit_staff')";

// ---------- proposal_settings: a committee's own rules ----------

inline constexpr const char* kSettingsOf = "SELECT * FROM proposal_settings WHERE committee_id = $1";
/// Saves the settings of committee $1 (every column; $11 the user, $12 the time).
inline constexpr const char* kSaveSettings =
    "INSERT INTO proposal_settings (committee_id, decline_reasons, cosign_window_days, result_d_enabled, "
    "sign_window_working_days, opinion_months, reply_months, max_reply_months, second_handling_months, "
    "reminder_days, sms_kinds, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
    "$13) "
    "ON CONFLICT (committee_id) DO UPDATE SET decline_reasons = excluded.decline_reasons, "
    "cosign_window_days = excluded.cosign_window_days, result_d_enabled = excluded.result_d_enabled, "
    "sign_window_working_days = excluded.sign_window_working_days, opinion_months = "
    "excluded.opinion_months, reply_months = excluded.reply_months, max_reply_months = "
    "excluded.max_reply_months, second_handling_months = excluded.second_handling_months, reminder_days = "
    "excluded.reminder_days, sms_kinds = excluded.sms_kinds, updated_by = excluded.updated_by, updated_at = "
    "excluded.updated_at";

// ---------- calendar_days: holidays and working weekends (工作日历) ----------

inline constexpr const char* kCalendarDays = "SELECT day, kind FROM calendar_days WHERE committee_id = $1";
inline constexpr const char* kListCalendarDays =
    "SELECT day, kind, name FROM calendar_days WHERE committee_id = $1 ORDER BY day";
inline constexpr const char* kCalendarDay = "SELECT kind, name FROM calendar_days WHERE committee_id = $1 AND day = $2";
inline constexpr const char* kDeleteCalendarDay = "DELETE FROM calendar_days WHERE committee_id = $1 AND day = $2";
inline constexpr const char* kInsertCalendarDay =
    "INSERT INTO calendar_days (committee_id, day, kind, name) VALUES ($1, $2, $3, $4)";

// ---------- the public site: published proposals and released replies ----------

/// The number of proposals matching the appended condition (no alias).
inline constexpr const char* kCountPublicProposalsWhere = "SELECT COUNT(*) FROM proposals WHERE ";
/// The public columns of the proposals matching the appended condition, order and page.
inline constexpr const char* kListPublicProposalsWhere =
    "SELECT id, number_label, title, category, proposer_name, result_category, published_at FROM proposals WHERE ";
inline constexpr const char* kPublishedProposal = "SELECT * FROM proposals WHERE id = $1 AND published = 1";
inline constexpr const char* kReleasedRepliesOfProposal =
    "SELECT r.body, r.result_category, r.released_at, u.name FROM proposal_replies r JOIN units u ON u.id = r.unit_id "
    "WHERE r.proposal_id = $1 AND r.state = 'released' ORDER BY r.id";

// ---------- the deadline scan (scheduler) ----------

/// Assignments waiting to be signed for, with their sign due date.
inline constexpr const char* kSignDeadlines =
    "SELECT a.id, a.unit_id, a.sign_due AS due, p.id AS pid, p.committee_id, p.title FROM proposal_assignments a JOIN "
    "proposals p ON p.id = a.proposal_id WHERE a.state = 'awaiting_sign' AND a.sign_due IS NOT NULL";
/// Live lead assignments still to reply, with the proposal's due date: append the overdue states and ")".
inline constexpr const char* kReplyDeadlinesIn =
    "SELECT a.id, a.unit_id, p.due_at AS due, p.id AS pid, p.committee_id, p.title FROM proposal_assignments a JOIN "
    "proposals p ON p.id = a.proposal_id WHERE a.role = 'lead' AND a.state NOT IN ('reassigned', 'replied', "
    "'return_requested') AND p.due_at IS NOT NULL AND p.state IN (";
/// One scan at a time across servers (PostgreSQL): take and release advisory lock $1.
inline constexpr const char* kTryAdvisoryLock = "SELECT pg_try_advisory_lock($1)";
inline constexpr const char* kAdvisoryUnlock = "SELECT pg_advisory_unlock($1)";

}  // namespace sl::proposals::sql

namespace sl::proposals::sql {

// ---------- proposal_categories: a committee's own category list ----------

inline constexpr const char* kCategoriesOf =
    "SELECT name FROM proposal_categories WHERE committee_id = $1 ORDER BY sort, id";
inline constexpr const char* kDeleteCategories = "DELETE FROM proposal_categories WHERE committee_id = $1";
/// Adds category $2 of committee $1 at position $3.
inline constexpr const char* kInsertCategory =
    "INSERT INTO proposal_categories (committee_id, name, sort) VALUES ($1, $2, $3)";
/// How many proposals (drafts included) of committee $1 carry each category.
inline constexpr const char* kProposalCategoryUse =
    "SELECT category, COUNT(*) FROM proposals WHERE committee_id = $1 AND category <> '' GROUP BY category";
/// How many catalogue topics of committee $1 carry each category.
inline constexpr const char* kTopicCategoryUse =
    "SELECT category, COUNT(*) FROM catalogue_topics WHERE committee_id = $1 GROUP BY category";

}  // namespace sl::proposals::sql

namespace sl::proposals::sql {

// ---------- units: names for the detail (建议承办单位) ----------

/// The name of unit $1 of committee $2.
inline constexpr const char* kUnitNameInCommittee = "SELECT name FROM units WHERE id = $1 AND committee_id = $2";

}  // namespace sl::proposals::sql

namespace sl::proposals::sql {

// ---------- proposal_reply_drafts and reply_templates: the reply editor (答复函) ----------

/// Unit $2's saved draft of its reply to proposal $1 in round $3.
inline constexpr const char* kReplyDraft =
    "SELECT result_category, body, updated_at, updated_by_name FROM proposal_reply_drafts WHERE proposal_id = $1 AND "
    "unit_id = $2 AND round = $3";
/// Saves unit $2's draft of round $3 of proposal $1: result $4, text $5, by user $6 named $7 at $8.
inline constexpr const char* kSaveReplyDraft =
    "INSERT INTO proposal_reply_drafts (proposal_id, unit_id, round, result_category, body, updated_by, "
    "updated_by_name, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (proposal_id, unit_id, round) "
    "DO UPDATE SET result_category = excluded.result_category, body = excluded.body, updated_by = "
    "excluded.updated_by, updated_by_name = excluded.updated_by_name, updated_at = excluded.updated_at";
/// Removes unit $2's draft of round $3 of proposal $1 (its reply was submitted).
inline constexpr const char* kDeleteReplyDraft =
    "DELETE FROM proposal_reply_drafts WHERE proposal_id = $1 AND unit_id = $2 AND round = $3";
/// Unit $2's latest reply to proposal $1 in round $3 that was sent back: the text to revise.
inline constexpr const char* kSentBackReply =
    "SELECT result_category, body FROM proposal_replies WHERE proposal_id = $1 AND unit_id = $2 AND round = $3 AND "
    "state = 'sent_back' ORDER BY id DESC LIMIT 1";
/// Committee $1's own reply templates.
inline constexpr const char* kReplyTemplatesOf =
    "SELECT result_category, body, updated_at FROM reply_templates WHERE committee_id = $1";
/// Sets committee $1's template for result category $2 to $3 at $4.
inline constexpr const char* kSaveReplyTemplate =
    "INSERT INTO reply_templates (committee_id, result_category, body, updated_at) VALUES ($1, $2, $3, $4) ON "
    "CONFLICT (committee_id, result_category) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at";
/// Returns committee $1's template for result category $2 to the built-in one.
inline constexpr const char* kDeleteReplyTemplate =
    "DELETE FROM reply_templates WHERE committee_id = $1 AND result_category = $2";
/// The fields a template fills in for proposal $1: title, number label, proposer.
inline constexpr const char* kProposalForTemplate =
    "SELECT title, number_label, proposer_name FROM proposals WHERE id = $1";

}  // namespace sl::proposals::sql
