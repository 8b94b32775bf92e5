#pragma once
// A fresh in-memory SQLite database per test, migrated, with a small organisation: committee 1
// (term 14, session 1 current, session 2 later) and an outside committee 2; three units; the
// people who act on proposals; and hand-built Principals for each of them. The commands run
// inside a transaction like the HTTP handlers run them, so a refused command leaves nothing.
//
// Member ids (101…) differ from user ids (1…) on purpose: mixing them up fails the tests.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/config.hpp"
#include "core/db/database.hpp"
#include "core/db/migrations.hpp"
#include "core/errors.hpp"
#include "modules/proposals/access.hpp"
#include "modules/proposals/commands.hpp"
#include "modules/proposals/store.hpp"
#include "modules/proposals/workflow.hpp"

namespace sl::proposals::testing {

/// 2026-03-01T20:00:00Z: a Sunday in UTC but Monday 2026-03-02 04:00 in Beijing, the day
/// deadlines count from. No holidays are listed, so working days are Monday to Friday.
inline constexpr int64_t kNow = 1772395200;
inline constexpr int64_t kDay = 86400;

// Organisation ids.
inline constexpr int64_t kCommittee = 1, kOtherCommittee = 2;
inline constexpr int64_t kSession = 1, kLaterSession = 2, kOtherSession = 3;
inline constexpr int64_t kUnitA = 1, kUnitB = 2, kUnitC = 3;
// User ids.
inline constexpr int64_t kProposerUser = 1, kCosignerUser = 2, kCosigner2User = 3, kStaffUser = 4, kUnitAStaffUser = 5,
                         kUnitALeaderUser = 6, kUnitBStaffUser = 7, kUnitBLeaderUser = 8, kUnitCStaffUser = 9,
                         kLeaderUser = 10, kSupervisorUser = 11, kOutsiderUser = 12;
// Member ids.
inline constexpr int64_t kProposerMember = 101, kCosignerMember = 102, kCosigner2Member = 103, kOutsiderMember = 104;

inline Grant grant(int64_t committee, Role role, std::optional<int64_t> unit = std::nullopt) {
  Grant g;
  g.committee_id = committee;
  g.role = role;
  g.unit_id = unit;
  return g;
}

inline Principal principal(int64_t user, std::string name, int64_t committee, std::vector<Grant> grants) {
  Principal p;
  p.user_id = user;
  p.name = std::move(name);
  p.committee_id = committee;
  p.grants = std::move(grants);
  return p;
}

/// The error `f` throws, or nullopt when it does not throw an ApiError.
inline std::optional<ApiError> refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const ApiError& e) {
    return e;
  }
  return std::nullopt;
}

class ProposalDb : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    std::string name = "sl_proposals_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    database = db::Database::open("sqlite:file:" + name + "?mode=memory&cache=shared", 1);
    db::migrate(*database);
    lease.emplace(database->acquire());
    seed();
  }
  void TearDown() override {
    lease.reset();
    database.reset();
  }

  db::Connection& conn() { return **lease; }

  void seed() {
    conn().exec_script(R"SQL(
      INSERT INTO committees (id, name) VALUES (1, '汉江区政协'), (2, '江北区政协');
      INSERT INTO terms (id, committee_id, number, name, start_date, end_date)
        VALUES (1, 1, 14, '第十四届', '2026-01-01', '2030-12-31'), (2, 2, 9, '第九届', '2026-01-01', '2030-12-31');
      INSERT INTO sessions (id, committee_id, term_id, number, name, start_date, end_date, is_current) VALUES
        (1, 1, 1, 1, '十四届一次会议', '2026-01-10', '2026-01-14', 1),
        (2, 1, 1, 2, '十四届二次会议', '2027-01-10', '2027-01-14', 0),
        (3, 2, 2, 1, '九届一次会议', '2026-01-10', '2026-01-14', 1);
      INSERT INTO sectors (id, committee_id, name) VALUES (1, 1, '经济界'), (2, 2, '经济界');
      INSERT INTO units (id, committee_id, name) VALUES
        (1, 1, '区发展改革委'), (2, 1, '区住房城乡建设局'), (3, 1, '区教育局'), (4, 2, '江北区民政局');
      INSERT INTO users (id, name, mobile) VALUES
        (1, '张委员', '13800000001'), (2, '李委员', '13800000002'), (3, '王委员', '13800000003'),
        (4, '赵干事', '13800000004'), (5, '钱科员', '13800000005'), (6, '孙局长', '13800000006'),
        (7, '周科员', '13800000007'), (8, '吴局长', '13800000008'), (9, '郑科员', '13800000009'),
        (10, '冯主席', '13800000010'), (11, '陈监督', '13800000011'), (12, '褚委员', '13800000012');
      INSERT INTO members (id, committee_id, user_id, name, mobile, sector_id) VALUES
        (101, 1, 1, '张委员', '13800000001', 1), (102, 1, 2, '李委员', '13800000002', 1),
        (103, 1, 3, '王委员', '13800000003', 1), (104, 2, 12, '褚委员', '13800000012', 2);
      INSERT INTO role_grants (user_id, committee_id, role, unit_id) VALUES
        (1, 1, 'member', NULL), (2, 1, 'member', NULL), (3, 1, 'member', NULL), (4, 1, 'proposal_staff', NULL),
        (5, 1, 'unit_staff', 1), (6, 1, 'unit_leader', 1), (7, 1, 'unit_staff', 2), (8, 1, 'unit_leader', 2),
        (9, 1, 'unit_staff', 3), (10, 1, 'leader', NULL), (11, 1, 'supervisor', NULL), (12, 2, 'member', NULL);
    )SQL");
  }

  // The principals, as the session middleware would build them from role_grants.
  Principal proposer = principal(kProposerUser, "张委员", kCommittee, {grant(kCommittee, Role::member)});
  Principal cosigner = principal(kCosignerUser, "李委员", kCommittee, {grant(kCommittee, Role::member)});
  Principal cosigner2 = principal(kCosigner2User, "王委员", kCommittee, {grant(kCommittee, Role::member)});
  Principal staff = principal(kStaffUser, "赵干事", kCommittee, {grant(kCommittee, Role::proposal_staff)});
  Principal unit_a_staff =
      principal(kUnitAStaffUser, "钱科员", kCommittee, {grant(kCommittee, Role::unit_staff, kUnitA)});
  Principal unit_a_leader =
      principal(kUnitALeaderUser, "孙局长", kCommittee, {grant(kCommittee, Role::unit_leader, kUnitA)});
  Principal unit_b_staff =
      principal(kUnitBStaffUser, "周科员", kCommittee, {grant(kCommittee, Role::unit_staff, kUnitB)});
  Principal unit_b_leader =
      principal(kUnitBLeaderUser, "吴局长", kCommittee, {grant(kCommittee, Role::unit_leader, kUnitB)});
  Principal unit_c_staff =
      principal(kUnitCStaffUser, "郑科员", kCommittee, {grant(kCommittee, Role::unit_staff, kUnitC)});
  Principal leader = principal(kLeaderUser, "冯主席", kCommittee, {grant(kCommittee, Role::leader)});
  Principal supervisor = principal(kSupervisorUser, "陈监督", kCommittee, {grant(kCommittee, Role::supervisor)});
  Principal outsider = principal(kOutsiderUser, "褚委员", kOtherCommittee, {grant(kOtherCommittee, Role::member)});

  Config config;

  /// Runs `f` on the connection inside one transaction: commits when it returns, rolls back when
  /// it throws (as the HTTP handlers do).
  template <class F>
  auto tx(F&& f) {
    auto& c = conn();
    c.begin();
    try {
      if constexpr (std::is_void_v<decltype(f(c))>) {
        f(c);
        c.commit();
      } else {
        auto r = f(c);
        c.commit();
        return r;
      }
    } catch (...) {
      c.rollback();
      throw;
    }
  }

  /// A draft that may be submitted as it is.
  static Json draft(const std::string& title = "关于加快老旧小区改造的建议") {
    return {{"title", title}, {"suggestions", "一、摸清底数；二、分步实施。"}, {"category", "城市建设"}};
  }

  Outcome create_as(const Principal& p, const Json& fields, int64_t now = kNow) {
    return tx([&](db::Connection& c) { return create_proposal(c, config, Caller{p, "127.0.0.1", now}, fields); });
  }
  int64_t create(const Principal& p, const Json& fields, int64_t now = kNow) { return create_as(p, fields, now).id; }

  Outcome update(const Principal& p, int64_t id, const Json& fields, int64_t now = kNow) {
    return tx([&](db::Connection& c) { return update_proposal(c, config, Caller{p, "127.0.0.1", now}, id, fields); });
  }

  /// Performs `a` on `id` as `p` at `now`, at the proposal's current version unless `version` is given.
  Outcome act(const Principal& p, int64_t id, Action a, const Json& fields = Json::object(), int64_t now = kNow,
              std::optional<int64_t> version = std::nullopt) {
    TransitionInput in{a, version ? *version : this->version(id)};
    return tx([&](db::Connection& c) {
      return perform_transition(c, config, Caller{p, "127.0.0.1", now}, id, in, fields);
    });
  }

  db::Row row(int64_t id) { return conn().exec("SELECT * FROM proposals WHERE id = $1", {id}).one(); }
  std::string state(int64_t id) { return row(id).text("state"); }
  int64_t version(int64_t id) { return row(id).integer("version"); }
  int64_t count(const std::string& sql, const std::vector<db::Value>& params = {}) {
    return conn().exec(sql, params).one().integer(0);
  }

  /// A draft by the proposer, submitted.
  int64_t submitted(const std::string& title = "关于加快老旧小区改造的建议") {
    int64_t id = create(proposer, draft(title));
    act(proposer, id, Action::submit);
    return id;
  }
  /// Submitted and filed.
  int64_t filed(const std::string& title = "关于加快老旧小区改造的建议") {
    int64_t id = submitted(title);
    act(staff, id, Action::file);
    return id;
  }
  /// Filed and assigned to unit A (lead) and unit B (co).
  int64_t assigned_lead_co(const std::string& title = "关于加快老旧小区改造的建议") {
    int64_t id = filed(title);
    act(staff, id, Action::assign,
        {{"handling_type", "lead_co"},
         {"units", Json::array({{{"unit_id", kUnitA}, {"role", "lead"}}, {{"unit_id", kUnitB}, {"role", "co"}}})}});
    return id;
  }
  /// Assigned and signed for by both units: in handling.
  int64_t in_handling(const std::string& title = "关于加快老旧小区改造的建议") {
    int64_t id = assigned_lead_co(title);
    act(unit_b_staff, id, Action::sign);
    act(unit_a_staff, id, Action::sign);
    return id;
  }

  std::unique_ptr<db::Database> database;
  std::optional<db::Lease> lease;  // held for the whole test: the in-memory database lives while it is open
};

}  // namespace sl::proposals::testing
