#pragma once
// A topic's online deliberation (网络议政 / 远程协商) as commands: a window (the question put to
// members, when it opens and closes) set for a topic by those who run it (the office, the leading
// special committee's staff), the members invited to it (by account, sector, special committee,
// party or the standing committee, resolved here as the meetings module resolves its
// invitations), and their opinions.
//
// The window: opened once per topic while the topic is in the published plan (any phase);
// its phase is 未开始 before opens_at, 进行中 until closes_at, 已截止 after it or once closed early.
// Extending the closing time (PATCH) reopens a window closed early; the opening time changes only
// before it opens. Times are the server's clock (clock::now(), the Caller's `now`).
//
// Opinions: an invited member posts while the window is open (1…2000 characters, at most 20 each),
// and edits or withdraws their own while it is pending and the window open. Those who run the
// topic publish or hide (with a reason) any opinion at any time, and select published opinions
// into the outcome: a hidden opinion is never selected. Selected opinions are listed in the
// deliberation's answer (`selected`, and `selected_text` ready to paste), which the outcome's
// drafter copies into the outcome's body through the outcome's own PATCH: the outcome is not
// changed by a selection.
//
// Who sees what: those who read every consultation record (the office, special committees' staff,
// leaders, supervisors) see every opinion with its moderation; members, the topic's counterpart
// units and party or sector contacts and every invitee see published opinions; authors see their
// own in any state (with the reason when hidden); others who see the topic see the window and
// its published count only. Another committee's window or opinion is not found (404).

#include <string>

#include "core/command.hpp"
#include "core/db/database.hpp"
#include "modules/consultations/deliberation_payloads.hpp"

namespace sl::consultations {

/// Opens the window of topic `topic_id` and invites the members chosen. Returns the topic's id.
Outcome open_deliberation(db::Connection& c, const Caller& by, int64_t topic_id, const DeliberationInput& in);
/// Changes window `id`: the question, the opening (before it opens), the closing (extends it).
Outcome change_deliberation(db::Connection& c, const Caller& by, int64_t id, const DeliberationChange& in);
/// Closes window `id` now, before its closing time.
Outcome close_deliberation(db::Connection& c, const Caller& by, int64_t id, int64_t version);
/// Invites more members to window `id` (those already invited are skipped).
Outcome invite_to_deliberation(db::Connection& c, const Caller& by, int64_t id, const DeliberationInvite& in);

/// An invited member posts an opinion in window `id` while it is open.
Outcome post_opinion(db::Connection& c, const Caller& by, int64_t id, const std::string& body);
/// The author edits their pending opinion `opinion_id` while the window is open.
Outcome edit_opinion(db::Connection& c, const Caller& by, int64_t opinion_id, const std::string& body);
/// The author withdraws (deletes) their pending opinion while the window is open.
Outcome withdraw_opinion(db::Connection& c, const Caller& by, int64_t opinion_id);
/// Those who run the topic publish or hide (with a reason) opinion `opinion_id`.
Outcome moderate_opinion(db::Connection& c, const Caller& by, int64_t opinion_id, const ModerationInput& in);
/// Those who run the topic select a published opinion into the outcome, or take it out.
Outcome select_opinion(db::Connection& c, const Caller& by, int64_t opinion_id, bool selected);

/// Checks, before a body's fields are read, that topic `topic_id` is in the caller's sight (404)
/// and that they run it (403).
void require_topic_runner(db::Connection& c, const Principal& p, int64_t topic_id, const std::string& what);
/// Checks that the caller may post in window `id` at epoch second `now`: 404 out of sight, 403 not
/// invited, 409 not open yet or closed.
void authorise_opinion_post(db::Connection& c, const Principal& p, int64_t id, int64_t now);
/// Checks that the caller may edit or withdraw opinion `opinion_id` at `now`: 404 out of sight,
/// 403 not theirs, 409 already moderated or the window closed.
void authorise_own_opinion(db::Connection& c, const Principal& p, int64_t opinion_id, int64_t now);
/// Checks, before a body's fields are read, that window `id` (or the window of opinion
/// `opinion_id` when `of_opinion`) is in the caller's sight (404) and that they run its topic
/// (403; `what` completes "只有政协办公室和牵头专委会可以…").
void require_deliberation_runner(db::Connection& c, const Principal& p, int64_t id, bool of_opinion,
                                 const std::string& what);

/// The deliberation of topic `topic_id` as the caller sees it at epoch second `now`: the window
/// (or null), counts, invitees (for those who read everything), the opinions in sight, the
/// selected ones and what the caller may do. 404 when the topic is out of sight.
Json deliberation_of_topic(db::Connection& c, const Principal& p, int64_t topic_id, int64_t now);
/// The window's state and counts for the topic page (null when there is none), at clock::now().
Json deliberation_summary(db::Connection& c, const Principal& p, int64_t topic_id);
/// The windows the caller is invited to that have not closed (我的活动), soonest closing first.
Json my_deliberations(db::Connection& c, const Principal& p, int64_t now);
/// The topic of window `id` (0 when none).
int64_t topic_of_deliberation(db::Connection& c, int64_t id);

}  // namespace sl::consultations
