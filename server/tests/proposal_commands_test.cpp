// The proposal commands as plain functions on an in-memory SQLite database, with no HTTP: the
// whole life of a proposal, the joint path, the refusals, merging, numbering and the workflow's
// state sets. Suites are named proposal_commands* so that `ctest -R commands` picks them.
#include <gtest/gtest.h>

#include <set>

#include "proposal_fixture.hpp"

namespace sl::proposals::testing {
namespace {

using proposal_commands = ProposalDb;

std::vector<std::string> history_actions(db::Connection& c, int64_t id) {
  std::vector<std::string> out;
  for (const auto& r : c.exec("SELECT action FROM proposal_history WHERE proposal_id = $1 ORDER BY id", {id}).rows)
    out.push_back(r.text(0));
  return out;
}

TEST_F(proposal_commands, CreateUpdateSubmitFileAssignSignReplyFeedbackUntilClosed) {
  // Create: the current session, the member record of the caller, the act's own time.
  Json fields = {{"title", "关于加快老旧小区改造的建议"}, {"category", "城市建设"}};
  Outcome created = create_as(proposer, fields);
  int64_t id = created.id;
  EXPECT_EQ(created.event.name, "proposal.created");
  db::Row r = row(id);
  EXPECT_EQ(r.text("state"), "draft");
  EXPECT_EQ(r.integer("version"), 1);
  EXPECT_EQ(r.integer("session_id"), kSession);
  EXPECT_EQ(r.integer("proposer_member_id"), kProposerMember);
  EXPECT_EQ(r.text("proposer_name"), "张委员");
  EXPECT_EQ(r.text("created_at"), "2026-03-01T20:00:00Z");

  // Without suggestions it cannot be submitted; the refusal leaves it as it was.
  auto e = refusal([&] { act(proposer, id, Action::submit); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::validation_failed);
  EXPECT_TRUE(e->fields().contains("suggestions"));
  EXPECT_EQ(state(id), "draft");
  EXPECT_EQ(version(id), 1);

  // Update at version 1: the text changes, the version goes up, the title stays.
  update(proposer, id, {{"version", 1}, {"suggestions", "一、摸清底数；二、分步实施。"}}, kNow + 60);
  r = row(id);
  EXPECT_EQ(r.integer("version"), 2);
  EXPECT_EQ(r.text("suggestions"), "一、摸清底数；二、分步实施。");
  EXPECT_EQ(r.text("title"), "关于加快老旧小区改造的建议");
  EXPECT_EQ(r.text("updated_at"), "2026-03-01T20:01:00Z");

  // Submit.
  Outcome sub = act(proposer, id, Action::submit, Json::object(), kNow + 120);
  EXPECT_EQ(sub.event.name, "proposal.submit");
  EXPECT_EQ(sub.event.payload["from"], "draft");
  EXPECT_EQ(sub.event.payload["to"], "submitted");
  r = row(id);
  EXPECT_EQ(r.text("state"), "submitted");
  EXPECT_EQ(r.integer("version"), 3);
  EXPECT_EQ(r.text("submitted_at"), "2026-03-01T20:02:00Z");

  // File: the session's first number and its label.
  act(staff, id, Action::file);
  r = row(id);
  EXPECT_EQ(r.text("state"), "filed");
  EXPECT_EQ(r.integer("number"), 1);
  EXPECT_EQ(r.text("number_label"), "十四届一次会议 第0001号");

  // Assign lead + co at kNow: Monday 2026-03-02 in Beijing (Sunday in UTC). The defaults: sign
  // within 5 working days (Monday 03-09), the co-unit's opinion in 1 month, the reply in 3.
  act(staff, id, Action::assign,
      {{"handling_type", "lead_co"},
       {"units", Json::array({{{"unit_id", kUnitA}, {"role", "lead"}}, {{"unit_id", kUnitB}, {"role", "co"}}})}});
  r = row(id);
  EXPECT_EQ(r.text("state"), "assigned");
  EXPECT_EQ(r.text("handling_type"), "lead_co");
  EXPECT_EQ(r.text("due_at"), "2026-06-02");
  auto lead = conn().exec("SELECT * FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2", {id, kUnitA});
  auto co = conn().exec("SELECT * FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2", {id, kUnitB});
  ASSERT_FALSE(lead.empty());
  ASSERT_FALSE(co.empty());
  EXPECT_EQ(lead.one().text("role"), "lead");
  EXPECT_EQ(lead.one().text("sign_due"), "2026-03-09");
  EXPECT_TRUE(lead.one().is_null("opinion_due"));
  EXPECT_EQ(lead.one().text("reply_due"), "2026-06-02");
  EXPECT_EQ(co.one().text("role"), "co");
  EXPECT_EQ(co.one().text("sign_due"), "2026-03-09");
  EXPECT_EQ(co.one().text("opinion_due"), "2026-04-02");
  EXPECT_EQ(co.one().text("reply_due"), "2026-06-02");

  // The co-unit signs first: still waiting for the lead. Then the lead signs: in handling.
  act(unit_b_staff, id, Action::sign);
  EXPECT_EQ(state(id), "assigned");
  act(unit_a_staff, id, Action::sign);
  EXPECT_EQ(state(id), "in_handling");
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposal_assignments WHERE proposal_id = $1 AND state = 'signed'", {id}), 2);

  // A reply needs a recorded consultation first.
  const int64_t march10 = kNow + 8 * kDay;  // 2026-03-10 04:00 in Beijing
  e = refusal([&] {
    act(unit_a_staff, id, Action::submit_reply, {{"body", "答复正文"}, {"result_category", "B"}}, march10);
  });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::illegal_transition);
  // A consultation cannot be dated after the act's day.
  e = refusal([&] {
    act(unit_a_staff, id, Action::record_consultation,
        {{"method", "phone"}, {"held_on", "2026-03-11"}, {"content", "电话沟通"}}, march10);
  });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::validation_failed);
  EXPECT_TRUE(e->fields().contains("held_on"));
  act(unit_a_staff, id, Action::record_consultation,
      {{"method", "phone"}, {"held_on", "2026-03-10"}, {"content", "电话沟通"}}, march10);
  EXPECT_EQ(state(id), "in_handling");
  act(unit_b_staff, id, Action::send_opinion, {{"opinion", "同意主办单位意见"}}, march10);
  EXPECT_EQ(conn()
                .exec("SELECT state FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2", {id, kUnitB})
                .one()
                .text(0),
            "opinion_sent");

  // The reply: the unit, its leader, the committee.
  act(unit_a_staff, id, Action::submit_reply, {{"body", "答复正文"}, {"result_category", "B"}}, march10);
  EXPECT_EQ(state(id), "reply_unit_review");
  act(unit_a_leader, id, Action::approve_reply, Json::object(), march10);
  EXPECT_EQ(state(id), "reply_cppcc_review");
  act(staff, id, Action::pass_reply, Json::object(), march10);
  r = row(id);
  EXPECT_EQ(r.text("state"), "replied");
  EXPECT_EQ(r.text("result_category"), "B");
  EXPECT_EQ(r.integer("follow_up"), 1);  // B and C promise follow-up work
  EXPECT_EQ(r.text("replied_at"), "2026-03-09T20:00:00Z");
  EXPECT_EQ(conn()
                .exec("SELECT state FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2", {id, kUnitA})
                .one()
                .text(0),
            "replied");

  // 不满意 in the first round: second handling, due 3 months from that act's day in Beijing
  // (2026-05-31T17:00Z is 2026-06-01 01:00 there, so the due date is 09-01, not 08-31).
  const int64_t june1 = 1780246800;  // 2026-05-31T17:00:00Z
  act(proposer, id, Action::feedback, {{"rating", "unsatisfied"}, {"comment", "答复过于笼统"}}, june1);
  r = row(id);
  EXPECT_EQ(r.text("state"), "second_handling");
  EXPECT_EQ(r.integer("round"), 2);
  EXPECT_EQ(r.text("satisfaction"), "unsatisfied");
  EXPECT_EQ(r.text("due_at"), "2026-09-01");
  lead = conn().exec("SELECT * FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2", {id, kUnitA});
  EXPECT_EQ(lead.one().text("state"), "signed");
  EXPECT_EQ(lead.one().text("reply_due"), "2026-09-01");
  EXPECT_EQ(lead.one().integer("round"), 2);

  // The second reply, reviewed again, and the second feedback closes it whatever it says.
  const int64_t july1 = june1 + 30 * kDay;
  act(unit_a_staff, id, Action::submit_reply, {{"body", "第二次答复"}, {"result_category", "A"}}, july1);
  EXPECT_EQ(state(id), "reply_unit_review");
  EXPECT_EQ(count("SELECT round FROM proposal_replies WHERE proposal_id = $1 ORDER BY id DESC LIMIT 1", {id}), 2);
  act(unit_a_leader, id, Action::approve_reply, Json::object(), july1);
  act(staff, id, Action::pass_reply, Json::object(), july1);
  EXPECT_EQ(state(id), "replied");
  EXPECT_EQ(row(id).text("result_category"), "A");
  act(proposer, id, Action::feedback, {{"rating", "unsatisfied"}}, july1 + kDay);
  r = row(id);
  EXPECT_EQ(r.text("state"), "closed");
  EXPECT_EQ(r.text("closed_at"), "2026-07-01T17:00:00Z");
  EXPECT_EQ(r.integer("face_to_face"), 1);  // still unsatisfied after the second reply: meet face to face

  // One history row per step (editing a draft is no step: update_proposal writes none).
  std::vector<std::string> expected = {
      "create",       "submit",       "file",          "assign",     "sign",     "sign",         "record_consultation",
      "send_opinion", "submit_reply", "approve_reply", "pass_reply", "feedback", "submit_reply", "approve_reply",
      "pass_reply",   "feedback"};
  EXPECT_EQ(history_actions(conn(), id), expected);
  // Every successful command left one audit record (the create, the update and each action);
  // the refused ones left none.
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE subject_type = 'proposal' AND subject_id = $1", {std::to_string(id)}),
      static_cast<int64_t>(expected.size()) + 1);
}

TEST_F(proposal_commands, SatisfiedFeedbackWaitsForStaffToClose) {
  int64_t id = in_handling();
  act(unit_a_staff, id, Action::record_consultation,
      {{"method", "meeting"}, {"held_on", "2026-03-02"}, {"content", "座谈"}});
  act(unit_a_staff, id, Action::submit_reply, {{"body", "答复"}, {"result_category", "A"}});
  act(unit_a_leader, id, Action::approve_reply);
  act(staff, id, Action::pass_reply);
  EXPECT_EQ(row(id).integer("follow_up"), 0);
  act(proposer, id, Action::feedback, {{"rating", "satisfied"}});
  EXPECT_EQ(state(id), "feedback_received");
  EXPECT_EQ(row(id).integer("round"), 1);
  act(staff, id, Action::close, Json::object(), kNow + kDay);
  EXPECT_EQ(state(id), "closed");
  EXPECT_EQ(row(id).text("closed_at"), "2026-03-02T20:00:00Z");
}

TEST_F(proposal_commands, JointProposalWaitsForEveryCosigner) {
  Json fields = draft();
  fields["kind"] = "joint";
  fields["cosigner_member_ids"] = Json::array({kCosignerMember, kCosigner2Member});
  int64_t id = create(proposer, fields);
  // The co-signers are stored with their user ids (not the member ids sent).
  auto rows = conn().exec(
      "SELECT member_id, user_id, status FROM proposal_cosigners WHERE proposal_id = $1 ORDER BY "
      "member_id",
      {id});
  ASSERT_EQ(rows.rows.size(), 2u);
  EXPECT_EQ(rows.rows[0].integer(0), kCosignerMember);
  EXPECT_EQ(rows.rows[0].integer(1), kCosignerUser);
  EXPECT_EQ(rows.rows[1].integer(1), kCosigner2User);

  act(proposer, id, Action::submit);
  EXPECT_EQ(state(id), "awaiting_cosign");
  // They answer within the window: now + 3 days (a timestamp, not a date).
  for (const auto& r : conn().exec("SELECT due_at, status FROM proposal_cosigners WHERE proposal_id = $1", {id}).rows) {
    EXPECT_EQ(r.text(0), "2026-03-04T20:00:00Z");
    EXPECT_EQ(r.text(1), "pending");
  }

  // Staff are no co-signers.
  auto e = refusal([&] { act(staff, id, Action::cosign, {{"accept", true}}); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::forbidden);

  act(cosigner, id, Action::cosign, {{"accept", true}}, kNow + kDay);
  EXPECT_EQ(state(id), "awaiting_cosign");  // one still to answer
  // The same co-signer cannot answer twice.
  e = refusal([&] { act(cosigner, id, Action::cosign, {{"accept", false}}, kNow + kDay); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::illegal_transition);

  act(cosigner2, id, Action::cosign, {{"accept", false}}, kNow + 2 * kDay);
  EXPECT_EQ(state(id), "submitted");
  auto answers = conn().exec(
      "SELECT user_id, status, answered_at FROM proposal_cosigners WHERE proposal_id = $1 ORDER "
      "BY user_id",
      {id});
  EXPECT_EQ(answers.rows[0].text(1), "confirmed");
  EXPECT_EQ(answers.rows[0].text(2), "2026-03-02T20:00:00Z");
  EXPECT_EQ(answers.rows[1].text(1), "declined");
  EXPECT_EQ(answers.rows[1].text(2), "2026-03-03T20:00:00Z");

  // Submitted: no more cosigning.
  e = refusal([&] { act(cosigner, id, Action::cosign, {{"accept", true}}); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::illegal_transition);
}

TEST_F(proposal_commands, ANumberPerSessionCountingUpFromOne) {
  int64_t a = submitted("第一件");
  Json later = draft("下次会议的提案");
  later["session_id"] = kLaterSession;
  int64_t b = create(proposer, later);
  act(proposer, b, Action::submit);
  int64_t c = submitted("第二件");

  act(staff, a, Action::file);
  act(staff, b, Action::file);
  act(staff, c, Action::file);
  EXPECT_EQ(row(a).integer("number"), 1);
  EXPECT_EQ(row(a).text("number_label"), "十四届一次会议 第0001号");
  EXPECT_EQ(row(b).integer("number"), 1);
  EXPECT_EQ(row(b).text("number_label"), "十四届二次会议 第0001号");
  EXPECT_EQ(row(c).integer("number"), 2);
  EXPECT_EQ(row(c).text("number_label"), "十四届一次会议 第0002号");
}

TEST_F(proposal_commands, FilingLabelsTermsAndSessionsOfAHundredAndMore) {
  conn().exec("UPDATE terms SET number = 105 WHERE id = 1");
  conn().exec("UPDATE sessions SET number = 110 WHERE id = $1", {kSession});
  int64_t id = submitted();
  act(staff, id, Action::file);
  EXPECT_EQ(row(id).text("number_label"), "一百零五届一百一十次会议 第0001号");
}

TEST_F(proposal_commands, WrongActorIsForbidden) {
  int64_t id = submitted();
  // Only staff file.
  auto e = refusal([&] { act(proposer, id, Action::file); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::forbidden);
  e = refusal([&] { act(leader, id, Action::file); });  // sees it, but does not review
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::forbidden);
  EXPECT_EQ(state(id), "submitted");

  int64_t h = in_handling("第二件");
  act(unit_a_staff, h, Action::record_consultation, {{"method", "phone"}, {"held_on", "2026-03-02"}, {"content", "x"}});
  // The co-unit does not reply; the lead unit's staff do not approve their own reply.
  e = refusal([&] { act(unit_b_staff, h, Action::submit_reply, {{"body", "答复"}, {"result_category", "A"}}); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::forbidden);
  act(unit_a_staff, h, Action::submit_reply, {{"body", "答复"}, {"result_category", "A"}});
  e = refusal([&] { act(unit_a_staff, h, Action::approve_reply); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::forbidden);
  e = refusal([&] { act(unit_b_leader, h, Action::approve_reply); });  // a co-unit's leader
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::forbidden);
  EXPECT_EQ(state(h), "reply_unit_review");

  // Only the proposer edits; only members (and group contacts, special committees) propose.
  // Returned for revision: staff see it, but only the proposer edits it.
  int64_t d = submitted("退回的提案");
  act(staff, d, Action::return_for_revision, {{"comment", "请补充数据"}});
  ASSERT_EQ(state(d), "returned");
  e = refusal([&] { update(staff, d, {{"version", version(d)}, {"title", "改了"}}); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::forbidden);
  update(proposer, d, {{"version", version(d)}, {"title", "补充后的提案"}});
  EXPECT_EQ(row(d).text("title"), "补充后的提案");
  e = refusal([&] { create(unit_a_staff, draft()); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::forbidden);
}

TEST_F(proposal_commands, ActionNotInTheTableForTheStateIsIllegal) {
  int64_t id = filed();
  for (Action a : {Action::submit, Action::file, Action::sign, Action::feedback, Action::close}) {
    auto e = refusal([&] { act(staff, id, a); });
    ASSERT_TRUE(e) << action_name(a);
    EXPECT_EQ(e->code(), ErrorCode::illegal_transition) << action_name(a);
  }
  // The state is checked before the actor: the proposer asking to sign gets the same answer.
  auto e = refusal([&] { act(proposer, id, Action::sign); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::illegal_transition);
  // No editing once submitted.
  e = refusal([&] { update(proposer, id, {{"version", version(id)}, {"title", "改了"}}); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::illegal_transition);
  EXPECT_EQ(state(id), "filed");
}

TEST_F(proposal_commands, StaleVersionIsAConflict) {
  int64_t id = submitted();
  int64_t v = version(id);
  auto e = refusal([&] { act(staff, id, Action::file, Json::object(), kNow, v - 1); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::version_conflict);
  EXPECT_EQ(state(id), "submitted");
  EXPECT_TRUE(row(id).is_null("number"));
  // No number was used up by the refused filing.
  act(staff, id, Action::file, Json::object(), kNow, v);
  EXPECT_EQ(row(id).integer("number"), 1);

  int64_t d = create(proposer, draft("草稿"));
  update(proposer, d, {{"version", 1}, {"title", "第一次修改"}});
  e = refusal([&] { update(proposer, d, {{"version", 1}, {"title", "以旧版本修改"}}); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::version_conflict);
  EXPECT_EQ(row(d).text("title"), "第一次修改");
}

TEST_F(proposal_commands, BadFieldsAreListedByName) {
  auto field_of = [&](const std::function<void()>& f, const std::string& field) {
    auto e = refusal(f);
    ASSERT_TRUE(e) << field;
    EXPECT_EQ(e->code(), ErrorCode::validation_failed) << field;
    EXPECT_TRUE(e->fields().contains(field)) << field << ": " << e->fields().dump();
  };
  field_of([&] { create(proposer, {{"suggestions", "没有标题"}}); }, "title");
  field_of([&] { create(proposer, {{"title", "标题"}, {"category", "体育"}}); }, "category");
  field_of([&] { create(proposer, {{"title", std::string(51 * 3, 'a')}}); }, "title");
  field_of([&] { create(proposer, {{"title", "标题"}, {"colour", "red"}}); }, "colour");
  field_of([&] { create(proposer, {{"title", "标题"}, {"session_id", kOtherSession}}); }, "session_id");
  field_of(
      [&] {
        create(proposer, {{"title", "标题"}, {"suggested_unit_ids", Json::array({4})}});
      },
      "suggested_unit_ids");
  field_of(
      [&] {
        create(proposer, {{"title", "标题"}, {"cosigner_member_ids", Json::array({kProposerMember})}});
      },
      "cosigner_member_ids");
  field_of(
      [&] {
        create(proposer, {{"title", "标题"}, {"cosigner_member_ids", Json::array({kOutsiderMember})}});
      },
      "cosigner_member_ids");
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposals"), 0) << "a refused create leaves no row";

  int64_t d = create(proposer, draft());
  field_of([&] { update(proposer, d, {{"title", "没有版本号"}}); }, "version");

  int64_t s = submitted("第二件");
  field_of([&] { act(staff, s, Action::decline, {{"reason", "我不喜欢"}}); }, "reason");
  field_of([&] { act(staff, s, Action::return_for_revision); }, "comment");
  field_of([&] { act(staff, s, Action::file, {{"note", "多余字段"}}); }, "note");
  act(staff, s, Action::file);
  field_of(
      [&] {
        act(staff, s, Action::assign,
            {{"handling_type", "lead_co"}, {"units", Json::array({Json{{"unit_id", kUnitA}}})}});
      },
      "units");
  field_of(
      [&] {
        act(staff, s, Action::assign,
            {{"handling_type", "alone"}, {"units", Json::array({Json{{"unit_id", kUnitA}}})}});
      },
      "handling_type");
  field_of(
      [&] {
        act(staff, s, Action::assign,
            {{"handling_type", "single"}, {"units", Json::array({Json{{"unit_id", 4}, {"role", "lead"}}})}});
      },
      "units");  // a unit of another committee
  EXPECT_EQ(state(s), "filed");

  int64_t h = in_handling("第三件");
  act(unit_a_staff, h, Action::record_consultation, {{"method", "phone"}, {"held_on", "2026-03-02"}, {"content", "x"}});
  field_of(
      [&] {
        act(unit_a_staff, h, Action::submit_reply, {{"body", "答复"}, {"result_category", "D"}});
      },
      "result_category");  // D is off by default
  field_of(
      [&] {
        act(unit_a_staff, h, Action::record_consultation, {{"method", "pigeon"}, {"content", "x"}});
      },
      "method");
}

TEST_F(proposal_commands, TypedPayloadsDriveTheSameCommand) {
  int64_t id = submitted();
  auto typed = [&](const Principal& p, Action a, const Payload& payload) {
    TransitionInput in{a, version(id)};
    return tx([&](db::Connection& c) {
      return perform_transition(c, config, Caller{p, "127.0.0.1", kNow}, id, in, payload);
    });
  };
  typed(staff, Action::file, NoFields{});
  typed(staff, Action::assign, AssignInput{"single", {UnitChoice{kUnitA, "lead"}}});
  EXPECT_EQ(state(id), "assigned");
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2", {id, kUnitA}),
            1);
  // The database's rules still hold for typed fields: a unit twice is refused and nothing is written.
  int64_t other = filed("第二件");
  auto e = refusal([&] {
    TransitionInput in{Action::assign, version(other)};
    tx([&](db::Connection& c) {
      return perform_transition(
          c, config, Caller{staff, "127.0.0.1", kNow}, other, in,
          Payload{AssignInput{"split", {UnitChoice{kUnitA, "lead"}, UnitChoice{kUnitA, "lead"}}}});
    });
  });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->fields().begin().key(), "units");
  EXPECT_EQ(state(other), "filed");
  // Fields of another action are a programming error, not a refusal.
  EXPECT_THROW(typed(unit_a_staff, Action::sign, CosignInput{}), std::invalid_argument);
  // A caller without the right learns 403 before any rule of the fields.
  auto f = refusal([&] { act(proposer, id, Action::sign, {{"unit_id", "not a number"}}); });
  ASSERT_TRUE(f);
  EXPECT_EQ(f->code(), ErrorCode::forbidden);
  typed(unit_a_staff, Action::sign, SignInput{});
  EXPECT_EQ(state(id), "in_handling");
}

TEST_F(proposal_commands, AnOutsiderOfAnotherCommitteeFindsNothing) {
  int64_t id = submitted();
  auto e = refusal([&] { load_visible(conn(), outsider, id); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::not_found);
  e = refusal([&] { proposal_detail(conn(), outsider, id); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::not_found);
  e = refusal([&] { act(outsider, id, Action::file); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::not_found);
  // Even proposal staff of the other committee: the committee they act in decides.
  Principal other_staff =
      principal(kStaffUser, "赵干事", kOtherCommittee, {grant(kOtherCommittee, Role::proposal_staff)});
  e = refusal([&] { act(other_staff, id, Action::file); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::not_found);
  EXPECT_EQ(state(id), "submitted");
  // The outsider's own proposal, in their own committee's current session.
  int64_t own = create(outsider, draft("外区提案"));
  EXPECT_EQ(row(own).integer("session_id"), kOtherSession);
  EXPECT_EQ(row(own).integer("proposer_member_id"), kOutsiderMember);
  EXPECT_NO_THROW(load_visible(conn(), outsider, own));
}

TEST_F(proposal_commands, MergesOnlyIntoTheMergeTargetStates) {
  int64_t target = filed("并入的提案");
  int accepted = 0;
  for (State s : all_states()) {
    conn().exec("UPDATE proposals SET state = $1 WHERE id = $2", {std::string(state_name(s)), target});
    int64_t source = submitted(std::string("被并案的提案 ") + state_name(s));
    auto e = refusal([&] { act(staff, source, Action::merge, {{"into_id", target}}); });
    if (in(merge_target_states(), s)) {
      EXPECT_FALSE(e) << state_name(s) << ": " << (e ? e->message() : "");
      EXPECT_EQ(state(source), "merged") << state_name(s);
      EXPECT_EQ(row(source).integer("merged_into_id"), target);
      ++accepted;
    } else {
      ASSERT_TRUE(e) << state_name(s);
      EXPECT_EQ(e->code(), ErrorCode::validation_failed) << state_name(s);
      EXPECT_TRUE(e->fields().contains("into_id"));
      EXPECT_EQ(state(source), "submitted");
      EXPECT_TRUE(row(source).is_null("merged_into_id"));
    }
  }
  EXPECT_EQ(accepted, static_cast<int>(merge_target_states().size()));
  for (State s : {State::draft, State::awaiting_cosign, State::returned, State::not_filed, State::merged})
    EXPECT_FALSE(in(merge_target_states(), s)) << state_name(s);
  // Not into itself, nor into another committee's proposal.
  int64_t source = submitted("自身");
  auto e = refusal([&] { act(staff, source, Action::merge, {{"into_id", source}}); });
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->fields().contains("into_id"));
  int64_t foreign = create(outsider, draft("外区提案"));
  conn().exec("UPDATE proposals SET state = 'filed' WHERE id = $1", {foreign});
  e = refusal([&] { act(staff, source, Action::merge, {{"into_id", foreign}}); });
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->fields().contains("into_id"));
}

TEST_F(proposal_commands, TheProposerSeesTheReplyOnlyOnceReleased) {
  int64_t id = in_handling();
  act(unit_a_staff, id, Action::record_consultation,
      {{"method", "phone"}, {"held_on", "2026-03-02"}, {"content", "x"}});
  act(unit_a_staff, id, Action::submit_reply, {{"body", "答复草稿"}, {"result_category", "A"}});
  EXPECT_TRUE(proposal_detail(conn(), proposer, id)["replies"].empty());
  EXPECT_EQ(proposal_detail(conn(), unit_a_staff, id)["replies"].size(), 1u);
  EXPECT_EQ(proposal_detail(conn(), staff, id)["replies"].size(), 1u);
  EXPECT_EQ(proposal_detail(conn(), unit_b_staff, id)["replies"].size(), 1u);
  act(unit_a_leader, id, Action::approve_reply);
  act(staff, id, Action::pass_reply);
  Json seen = proposal_detail(conn(), proposer, id)["replies"];
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0]["state"], "released");
}

TEST_F(proposal_commands, WithdrawThenResubmitThenDecline) {
  int64_t id = submitted();
  act(proposer, id, Action::withdraw);
  EXPECT_EQ(state(id), "draft");
  act(proposer, id, Action::submit);
  EXPECT_EQ(state(id), "submitted");
  act(staff, id, Action::decline, {{"reason", decline_reasons().back()}, {"conversion", "social_info"}});
  db::Row r = row(id);
  EXPECT_EQ(r.text("state"), "not_filed");
  EXPECT_EQ(r.text("decline_reason"), "没有具体建议的");
  EXPECT_EQ(r.text("decline_conversion"), "social_info");
  EXPECT_TRUE(r.is_null("number"));  // no number is used up by a declined proposal
  auto e = refusal([&] { act(proposer, id, Action::withdraw); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::illegal_transition);
}

// ---- Without a database -------------------------------------------------------------------

TEST(proposal_commands_rules, NumberLabels) {
  EXPECT_EQ(number_label(14, 1, 1), "十四届一次会议 第0001号");
  EXPECT_EQ(number_label(14, 5, 103), "十四届五次会议 第0103号");
  EXPECT_EQ(number_label(20, 2, 9999), "二十届二次会议 第9999号");
  EXPECT_EQ(number_label(10, 3, 12345), "十届三次会议 第12345号");
  EXPECT_EQ(number_label(21, 10, 7), "二十一届十次会议 第0007号");
  // A hundred and more (the old helper read past its digit table there).
  EXPECT_EQ(number_label(105, 1, 1), "一百零五届一次会议 第0001号");
  EXPECT_EQ(number_label(110, 1, 1), "一百一十届一次会议 第0001号");
  EXPECT_EQ(number_label(100, 1, 1), "一百届一次会议 第0001号");
  EXPECT_EQ(number_label(115, 120, 1), "一百一十五届一百二十次会议 第0001号");
  EXPECT_EQ(number_label(999, 101, 1), "九百九十九届一百零一次会议 第0001号");
}

TEST(proposal_commands_rules, CallerTimesAreUtcStampsAndBeijingDays) {
  Principal p;
  EXPECT_EQ((Caller{p, "", kNow}.at()), "2026-03-01T20:00:00Z");
  EXPECT_EQ((Caller{p, "", kNow}.at_after(3 * kDay + 61)), "2026-03-04T20:01:01Z");
  EXPECT_EQ((Caller{p, "", kNow}.today()), "2026-03-02");                        // 04:00 the next morning in Beijing
  const int64_t march2_utc = 1772409600;                                         // 2026-03-02T00:00:00Z
  EXPECT_EQ((Caller{p, "", march2_utc + 16 * 3600 - 1}.today()), "2026-03-02");  // 23:59:59 in Beijing
  EXPECT_EQ((Caller{p, "", march2_utc + 16 * 3600}.today()), "2026-03-03");      // midnight in Beijing
  EXPECT_EQ((Caller{p, "", 0}.at()), "1970-01-01T00:00:00Z");
}

TEST(proposal_commands_rules, ReadTransitionInput) {
  TransitionInput in = read_transition_input({{"action", "file"}, {"version", 3}, {"comment", "x"}});
  EXPECT_EQ(in.action, Action::file);
  EXPECT_EQ(in.version, 3);
  EXPECT_EQ(read_transition_input({{"action", "send_back_reply"}, {"version", 12}}).action, Action::send_back_reply);

  auto field_of = [](const Json& body) -> std::string {
    auto e = refusal([&] { read_transition_input(body); });
    if (!e) return "(accepted)";
    EXPECT_EQ(e->code(), ErrorCode::validation_failed);
    return e->fields().begin().key();
  };
  EXPECT_EQ(field_of({{"action", "file"}}), "version");
  EXPECT_EQ(field_of({{"action", "file"}, {"version", "3"}}), "version");
  EXPECT_EQ(field_of({{"action", "file"}, {"version", 3.5}}), "version");
  EXPECT_EQ(field_of({{"action", "file"}, {"version", nullptr}}), "version");
  EXPECT_EQ(field_of({{"action", "fly"}, {"version", 3}}), "action");
  EXPECT_EQ(field_of({{"action", 3}, {"version", 3}}), "action");
  EXPECT_EQ(field_of({{"version", 3}}), "action");
}

TEST(proposal_commands_rules, ReadPayloadTypesEachActionsFieldsAndNamesEveryBadOne) {
  Payload p =
      read_payload(Action::assign, {{"action", "assign"},
                                    {"version", 4},
                                    {"handling_type", "lead_co"},
                                    {"units", Json::array({{{"unit_id", 7}}, {{"unit_id", 8}, {"role", "co"}}})}});
  const auto& assign = std::get<AssignInput>(p);
  EXPECT_EQ(assign.handling_type, "lead_co");
  ASSERT_EQ(assign.units.size(), 2U);
  EXPECT_EQ(assign.units[0].unit_id, 7);
  EXPECT_EQ(assign.units[0].role, "lead");  // the default role
  EXPECT_EQ(assign.units[1].role, "co");
  EXPECT_TRUE(payload_fits(Action::assign, p));
  EXPECT_FALSE(payload_fits(Action::sign, p));
  EXPECT_TRUE(payload_fits(Action::refuse_return, ReturnAnswerInput{}));
  EXPECT_TRUE(payload_fits(Action::reassign, ReturnAnswerInput{}));
  EXPECT_TRUE(payload_fits(Action::close, NoFields{}));

  auto fb = std::get<FeedbackInput>(read_payload(Action::feedback, {{"rating", "basic"}, {"comment", " 尚可 "}}));
  EXPECT_EQ(fb.rating, "basic");
  EXPECT_EQ(fb.comment, "尚可");  // trimmed
  EXPECT_EQ(fb.attitude, "");

  // Every bad field at once, and fields the action does not take.
  auto e = refusal([] {
    read_payload(Action::record_consultation, {{"method", "pigeon"}, {"held_on", "2026-02-30"}, {"colour", "red"}});
  });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::validation_failed);
  for (const char* f : {"method", "held_on", "content", "colour"})
    EXPECT_TRUE(e->fields().contains(f)) << f << ": " << e->fields().dump();
  // reassign needs the new unit; refusing the return does not.
  EXPECT_TRUE(refusal([] { read_payload(Action::reassign, {{"assignment_id", 3}}); }));
  EXPECT_FALSE(refusal([] { read_payload(Action::refuse_return, {{"assignment_id", 3}}); }));
  // Sending a reply back needs a comment; passing it does not.
  EXPECT_TRUE(refusal([] { read_payload(Action::send_back_reply, Json::object()); }));
  EXPECT_FALSE(refusal([] { read_payload(Action::pass_reply, Json::object()); }));
}

TEST(proposal_commands_rules, HandlingStatesAreTheHandlingPhase) {
  std::vector<State> by_phase;
  for (State s : all_states())
    if (phase_of(s) == Phase::handling) by_phase.push_back(s);
  EXPECT_EQ(handling_states(), by_phase);
  EXPECT_TRUE(in(handling_states(), State::reply_cppcc_review));
  EXPECT_FALSE(in(handling_states(), State::replied));
}

TEST(proposal_commands_rules, OverdueIsHandlingWithoutTheCommitteesOwnReview) {
  EXPECT_FALSE(in(overdue_states(), State::reply_cppcc_review));
  for (State s : overdue_states()) EXPECT_TRUE(in(handling_states(), s)) << state_name(s);
  for (State s : handling_states()) EXPECT_EQ(in(overdue_states(), s), s != State::reply_cppcc_review) << state_name(s);
}

TEST(proposal_commands_rules, EveryStateInASetIsARealState) {
  std::vector<std::pair<const char*, std::vector<State>>> sets = {{"editable", editable_states()},
                                                                  {"handling", handling_states()},
                                                                  {"overdue", overdue_states()},
                                                                  {"merge_target", merge_target_states()}};
  for (const auto& u : upload_rules()) sets.emplace_back(u.purpose, u.states);
  for (const auto& [name, set] : sets) {
    EXPECT_FALSE(set.empty()) << name;
    std::set<State> distinct(set.begin(), set.end());
    EXPECT_EQ(distinct.size(), set.size()) << name << " repeats a state";
    for (State s : set) {
      ASSERT_LT(static_cast<size_t>(s), all_states().size()) << name;
      EXPECT_EQ(parse_state(state_name(s)), s) << name;
    }
  }
  EXPECT_EQ(editable_states(), (std::vector<State>{State::draft, State::returned}));
  EXPECT_EQ(sql_list(editable_states()), "'draft', 'returned'");
  // The workflow export lists the same sets by name.
  Json j = workflow_json();
  EXPECT_EQ(j["sets"]["overdue"].size(), overdue_states().size());
  EXPECT_EQ(j["sets"]["handling"].size(), handling_states().size());
}

}  // namespace
}  // namespace sl::proposals::testing
