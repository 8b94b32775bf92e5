// Who may see and act on a proposal, on an in-memory SQLite database: relations_of, sees_all,
// handles_proposal, the shared role predicates, and visibility_condition in a real SELECT (the
// same condition load_visible uses). Suites are named proposal_access* so that `ctest -R access`
// picks them.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "proposal_fixture.hpp"

namespace sl::proposals::testing {
namespace {

using proposal_access = ProposalDb;

std::set<Actor> actors(std::initializer_list<Actor> a) {
  return a;
}

TEST_F(proposal_access, RelationsOfEachPersonToAnAssignedJointProposal) {
  Json fields = draft();
  fields["kind"] = "joint";
  fields["cosigner_member_ids"] = Json::array({kCosignerMember});
  int64_t id = create(proposer, fields);
  act(proposer, id, Action::submit);
  act(cosigner, id, Action::cosign, {{"accept", true}});
  act(staff, id, Action::file);
  act(staff, id, Action::assign,
      {{"handling_type", "lead_co"},
       {"units",
        Json::array({Json{{"unit_id", kUnitA}, {"role", "lead"}}, Json{{"unit_id", kUnitB}, {"role", "co"}}})}});

  auto rel = [&](const Principal& p) { return relations_of(conn(), p, id, kProposerUser); };
  EXPECT_EQ(rel(proposer).actors, actors({Actor::proposer}));
  EXPECT_EQ(rel(cosigner).actors, actors({Actor::cosigner}));
  EXPECT_EQ(rel(staff).actors, actors({Actor::proposal_staff}));
  EXPECT_TRUE(rel(cosigner2).actors.empty());

  Relations a = rel(unit_a_staff);
  EXPECT_EQ(a.actors, actors({Actor::lead_unit_staff}));
  EXPECT_EQ(a.lead_units, std::vector<int64_t>{kUnitA});
  EXPECT_TRUE(a.co_units.empty());

  Relations al = rel(unit_a_leader);
  EXPECT_TRUE(al.has(Actor::lead_unit_leader));
  EXPECT_EQ(al.lead_units, std::vector<int64_t>{kUnitA});
  EXPECT_FALSE(al.has(Actor::co_unit_staff));

  Relations b = rel(unit_b_staff);
  EXPECT_EQ(b.actors, actors({Actor::co_unit_staff}));
  EXPECT_EQ(b.co_units, std::vector<int64_t>{kUnitB});
  EXPECT_TRUE(b.lead_units.empty());

  // A co-unit's leader is no lead unit leader: they do not approve the lead unit's reply.
  Relations bl = rel(unit_b_leader);
  EXPECT_FALSE(bl.has(Actor::lead_unit_leader));
  EXPECT_EQ(bl.co_units, std::vector<int64_t>{kUnitB});

  EXPECT_TRUE(rel(unit_c_staff).actors.empty());
  // Leaders and supervisors read everything but act on nothing.
  EXPECT_TRUE(rel(leader).actors.empty());
  EXPECT_TRUE(rel(supervisor).actors.empty());
  // An admin acts as proposal staff.
  Principal admin = principal(kStaffUser, "管理员", kCommittee, {grant(kCommittee, Role::admin)});
  EXPECT_TRUE(rel(admin).has(Actor::proposal_staff));
  // Grants in another committee do not count.
  Principal elsewhere = principal(kUnitAStaffUser, "钱科员", kOtherCommittee,
                                  {grant(kCommittee, Role::unit_staff, kUnitA), grant(kOtherCommittee, Role::member)});
  EXPECT_TRUE(rel(elsewhere).actors.empty());

  // The detail answers the same relations and the actions they allow now.
  Json d = proposal_detail(conn(), unit_a_staff, id);
  std::set<std::string> allowed;
  for (const auto& x : d["allowed_actions"]) allowed.insert(x["action"].get<std::string>());
  EXPECT_TRUE(allowed.count("sign"));
  EXPECT_TRUE(allowed.count("request_return"));
  EXPECT_FALSE(allowed.count("assign"));
}

TEST_F(proposal_access, AReassignedUnitDropsOut) {
  int64_t id = assigned_lead_co();
  act(unit_a_staff, id, Action::request_return, {{"reason", "不属于本单位职责"}});
  int64_t assignment =
      count("SELECT id FROM proposal_assignments WHERE proposal_id = $1 AND unit_id = $2", {id, kUnitA});
  // Reassigned at kNow + 1 day (Tuesday 03-03 in Beijing): unit C signs within 5 working days.
  act(staff, id, Action::reassign, {{"assignment_id", assignment}, {"unit_id", kUnitC}}, kNow + kDay);
  auto c_row = conn().exec(
      "SELECT role, sign_due, reply_due FROM proposal_assignments WHERE proposal_id = $1 AND "
      "unit_id = $2",
      {id, kUnitC});
  ASSERT_FALSE(c_row.empty());
  EXPECT_EQ(c_row.one().text("role"), "lead");
  EXPECT_EQ(c_row.one().text("sign_due"), "2026-03-10");
  EXPECT_EQ(c_row.one().text("reply_due"), "2026-06-02");  // the reply deadline stays as assigned

  Relations a = relations_of(conn(), unit_a_staff, id, kProposerUser);
  EXPECT_TRUE(a.actors.empty());
  EXPECT_TRUE(a.lead_units.empty());
  EXPECT_FALSE(relations_of(conn(), unit_a_leader, id, kProposerUser).has(Actor::lead_unit_leader));
  Relations c = relations_of(conn(), unit_c_staff, id, kProposerUser);
  EXPECT_EQ(c.actors, actors({Actor::lead_unit_staff}));
  EXPECT_EQ(c.lead_units, std::vector<int64_t>{kUnitC});
  // The co-unit is unaffected.
  EXPECT_EQ(relations_of(conn(), unit_b_staff, id, kProposerUser).co_units, std::vector<int64_t>{kUnitB});

  // Unit A no longer sees it, unit C does; unit A cannot sign any more, unit C can.
  auto e = refusal([&] { load_visible(conn(), unit_a_staff, id); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::not_found);
  e = refusal([&] { act(unit_a_staff, id, Action::sign); });
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code(), ErrorCode::not_found);
  EXPECT_NO_THROW(load_visible(conn(), unit_c_staff, id));
  act(unit_b_staff, id, Action::sign);
  act(unit_c_staff, id, Action::sign);
  EXPECT_EQ(state(id), "in_handling");
}

TEST_F(proposal_access, SeesAllAndTheSharedRolePredicates) {
  Principal admin = principal(kStaffUser, "管理员", kCommittee, {grant(kCommittee, Role::admin)});
  Principal special = principal(20, "专委会", kCommittee, {grant(kCommittee, Role::committee_staff)});
  Principal staff_elsewhere =
      principal(kStaffUser, "赵干事", kCommittee, {grant(kOtherCommittee, Role::proposal_staff)});
  struct Case {
    const char* who;
    const Principal* p;
    bool sees_all, staff;
  };
  std::vector<Case> cases = {
      {"proposal staff", &staff, true, true},
      {"admin", &admin, true, true},
      {"leader", &leader, true, false},
      {"supervisor", &supervisor, true, false},
      {"member", &proposer, false, false},
      {"unit staff", &unit_a_staff, false, false},
      {"unit leader", &unit_a_leader, false, false},
      {"special committee staff", &special, false, false},
      {"staff of another committee", &staff_elsewhere, false, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(sees_all(*c.p), c.sees_all) << c.who;
    EXPECT_EQ(reads_all_proposals(*c.p), c.sees_all) << c.who;
    EXPECT_EQ(is_proposal_staff(*c.p), c.staff) << c.who;
  }
  EXPECT_TRUE(acts_in_committee(proposer));
  EXPECT_TRUE(acts_in_committee(outsider));
  EXPECT_FALSE(acts_in_committee(staff_elsewhere));
  EXPECT_FALSE(acts_in_committee(principal(30, "无角色", kCommittee, {})));
}

TEST_F(proposal_access, HandlesProposal) {
  int64_t id = assigned_lead_co();
  auto handles = [&](const Principal& p) { return handles_proposal(relations_of(conn(), p, id, kProposerUser), p); };
  EXPECT_TRUE(handles(staff));
  EXPECT_TRUE(handles(unit_a_staff));
  EXPECT_TRUE(handles(unit_a_leader));
  EXPECT_TRUE(handles(unit_b_staff));
  EXPECT_TRUE(handles(leader));
  EXPECT_TRUE(handles(supervisor));
  EXPECT_FALSE(handles(proposer));
  EXPECT_FALSE(handles(cosigner));
  EXPECT_FALSE(handles(unit_c_staff));
}

class proposal_access_visibility : public ProposalDb {
 protected:
  void SetUp() override {
    ProposalDb::SetUp();
    // Rows written directly: the states and assignments each principal's scope depends on.
    auto add = [&](int64_t committee, int64_t session, int64_t user, const char* state) {
      return conn()
          .exec(
              "INSERT INTO proposals (committee_id, session_id, proposer_user_id, proposer_name, title, state) "
              "VALUES ($1, $2, $3, 'x', 't', $4) RETURNING id",
              {committee, session, user, std::string(state)})
          .one()
          .integer(0);
    };
    auto cosign = [&](int64_t id, int64_t member, int64_t user) {
      conn().exec("INSERT INTO proposal_cosigners (proposal_id, member_id, user_id, name) VALUES ($1, $2, $3, 'x')",
                  {id, member, user});
    };
    auto assign = [&](int64_t id, int64_t unit, const char* role, const char* state) {
      conn().exec("INSERT INTO proposal_assignments (proposal_id, unit_id, role, state) VALUES ($1, $2, $3, $4)",
                  {id, unit, std::string(role), std::string(state)});
    };
    own_draft = add(kCommittee, kSession, kProposerUser, "draft");
    own_submitted = add(kCommittee, kSession, kProposerUser, "submitted");
    cosign(own_submitted, kCosignerMember, kCosignerUser);
    cosigned = add(kCommittee, kSession, kCosigner2User, "submitted");
    cosign(cosigned, kProposerMember, kProposerUser);
    others_filed = add(kCommittee, kSession, kCosigner2User, "filed");
    lead_a_co_b = add(kCommittee, kSession, kCosigner2User, "assigned");
    assign(lead_a_co_b, kUnitA, "lead", "awaiting_sign");
    assign(lead_a_co_b, kUnitB, "co", "signed");
    lead_b = add(kCommittee, kSession, kCosigner2User, "in_handling");
    assign(lead_b, kUnitB, "lead", "signed");
    others_draft = add(kCommittee, kSession, kCosigner2User, "draft");
    moved_a_to_c = add(kCommittee, kSession, kCosigner2User, "assigned");
    assign(moved_a_to_c, kUnitA, "lead", "reassigned");
    assign(moved_a_to_c, kUnitC, "lead", "awaiting_sign");
    foreign = add(kOtherCommittee, kOtherSession, kOutsiderUser, "submitted");
    all = {own_draft, own_submitted, cosigned, others_filed, lead_a_co_b, lead_b, others_draft, moved_a_to_c, foreign};
  }

  /// The proposals `p` may see, by the SELECT load_visible runs (the caller's committee only).
  std::set<int64_t> visible(const Principal& p, bool lists = false) {
    std::vector<db::Value> params = {p.committee_id};
    std::string cond = visibility_condition(p, params, "p", "id", lists ? &conn() : nullptr);
    std::set<int64_t> out;
    for (const auto& r :
         conn().exec("SELECT p.id FROM proposals p WHERE p.committee_id = $1 AND (" + cond + ")", params).rows)
      out.insert(r.integer(0));
    return out;
  }

  int64_t own_draft = 0, own_submitted = 0, cosigned = 0, others_filed = 0, lead_a_co_b = 0, lead_b = 0,
          others_draft = 0, moved_a_to_c = 0, foreign = 0;
  std::vector<int64_t> all;
};

TEST_F(proposal_access_visibility, EachPrincipalSeesExactlyTheirScope) {
  std::set<int64_t> every_submitted = {own_submitted, cosigned, others_filed, lead_a_co_b, lead_b, moved_a_to_c};
  std::vector<std::pair<const char*, std::pair<const Principal*, std::set<int64_t>>>> cases = {
      {"proposer: own (with the draft) and co-signed", {&proposer, {own_draft, own_submitted, cosigned}}},
      {"co-signer", {&cosigner, {own_submitted}}},
      {"another member: all their own, drafts too",
       {&cosigner2, {cosigned, others_filed, lead_a_co_b, lead_b, others_draft, moved_a_to_c}}},
      {"proposal staff: everything but drafts", {&staff, every_submitted}},
      {"leader", {&leader, every_submitted}},
      {"supervisor", {&supervisor, every_submitted}},
      {"unit A staff: assigned to A, not reassigned away", {&unit_a_staff, {lead_a_co_b}}},
      {"unit A leader", {&unit_a_leader, {lead_a_co_b}}},
      {"unit B staff: lead or co", {&unit_b_staff, {lead_a_co_b, lead_b}}},
      {"unit B leader", {&unit_b_leader, {lead_a_co_b, lead_b}}},
      {"unit C staff: the unit it moved to", {&unit_c_staff, {moved_a_to_c}}},
      {"outsider: their own committee only", {&outsider, {foreign}}},
  };
  for (const auto& item : cases) {
    const char* who = item.first;
    const Principal* p = item.second.first;
    const std::set<int64_t>& expected = item.second.second;
    EXPECT_EQ(visible(*p), expected) << who;
    EXPECT_EQ(visible(*p, true), expected) << who << " (lists read from the connection)";
    // load_visible agrees, proposal by proposal.
    for (int64_t id : all) {
      bool loaded = !refusal([&] { load_visible(conn(), *p, id); });
      EXPECT_EQ(loaded, expected.count(id) > 0) << who << ", proposal " << id;
    }
  }
}

TEST_F(proposal_access_visibility, StaffOfAnotherCommitteeSeeNothingHere) {
  // The condition alone would let any reader-of-all see every non-draft row; the committee
  // filter of the query (load_visible's) keeps them to their own committee.
  Principal other_staff =
      principal(kStaffUser, "赵干事", kOtherCommittee, {grant(kOtherCommittee, Role::proposal_staff)});
  EXPECT_EQ(visible(other_staff), std::set<int64_t>{foreign});
  for (int64_t id : all)
    if (id != foreign) {
      auto e = refusal([&] { load_visible(conn(), other_staff, id); });
      ASSERT_TRUE(e) << id;
      EXPECT_EQ(e->code(), ErrorCode::not_found);
    }
}

}  // namespace
}  // namespace sl::proposals::testing
