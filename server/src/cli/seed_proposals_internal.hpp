#pragma once
// Internal to the demo proposals (seed_proposals.hpp): the types and tools shared by
// seed_proposals.cpp (the Seeder: loading the organisation, text, running the steps, writing the
// records) and seed_proposals_plan.cpp (which proposals exist in which states, and the scripts
// of steps that lead there). The text tables are in demo_texts.hpp.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "cli/seed_proposals.hpp"
#include "core/db/database.hpp"
#include "modules/proposals/calendar.hpp"
#include "modules/proposals/record_writer.hpp"
#include "modules/proposals/workflow.hpp"

namespace sl::cli::demo_proposals {

using proposals::Action;

// ---------------------------------------------------------------------------------------------
// Small deterministic tools: a PRNG whose sequence is the same everywhere, and time in seconds.
// ---------------------------------------------------------------------------------------------

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {  // splitmix64
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(size_t n) { return static_cast<int>(next() % n); }
  int between(int lo, int hi) { return lo + below(static_cast<size_t>(hi) - static_cast<size_t>(lo) + 1); }
  double uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return uniform(0, 1) < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  uint64_t s_;
};

constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 86400;
constexpr int64_t kCst = 8 * kHour;  // China Standard Time, the dates people see

inline int64_t days(Rng& r, double lo, double hi) {
  return static_cast<int64_t>(r.uniform(lo, hi) * kDay);
}

/// Moves `t` into office hours (09:00–17:30 CST) of a weekday: the same time if it already is,
/// else a time on the next working day.
int64_t office_time(int64_t t, Rng& r);
/// The latest office-hours time not after `t`.
int64_t office_time_before(int64_t t, Rng& r);
/// Moves `t` into a member's waking hours (from 07:30 CST), never later than it was.
int64_t waking_time(int64_t t, Rng& r);

// ---------------------------------------------------------------------------------------------
// The organisation the demo seeding made, read back by name.
// ---------------------------------------------------------------------------------------------

struct Person {
  std::optional<int64_t> user_id;
  std::string name;
  std::string role;
};

struct Unit {
  int64_t id;
  std::string name, short_name, contact, leader, phone;
  std::optional<Person> staff_user, leader_user;  // demo logins of the unit, if any
};

struct Member {
  int64_t id, user_id;
  std::string name;
};

struct Session {
  int64_t id;
  int term, number;
  std::string name;
  int64_t start, end;  // CST midnight of the first day, 18:00 of the last
  int year;
};

struct Org {
  int64_t committee_id;
  std::vector<Session> sessions;  // [0] = 十四届四次会议, [1] = 十四届五次会议 (current)
  std::map<std::string, Unit> units;
  std::map<std::string, int64_t> specials;
  std::vector<Member> members;
  Person staff, minmeng, jingji;
  int64_t zhuxi = 0, minmeng_party = 0, jingji_committee = 0;
};

// ---------------------------------------------------------------------------------------------
// The plan of one proposal: who, what, which final state, and the script of workflow steps
// that leads there. Steps get times first, then run against an in-memory copy of the rows.
// ---------------------------------------------------------------------------------------------

enum class Mode { plenary, recent };  // submitted at the plenary, or recently between sessions
enum class Owner { random, wangmin, minmeng, jingji };

struct Spec {
  int session;
  Mode mode;
  std::string target;
  Owner owner = Owner::random;
  const char* lead = nullptr;  // forced lead unit
  const char* co = nullptr;    // forced co-unit
  const char* area = nullptr;  // forced area
  bool key = false;
  bool publish = false;
  bool second_round = false;  // closed after a second handling
  bool joint = false;
  bool wangmin_pending = false;  // 王敏 is a co-signer who has not answered
  bool reassign = false;         // the lead unit asked to hand it on, and it was reassigned
  bool return_pending = false;   // … and staff have not decided yet
  bool extension_pending = false;
};

enum class Op {
  create,
  submit,
  cosign,
  edit,
  return_for_revision,
  file,
  decline,
  merge,
  mark_key,
  assign,
  request_return,
  reassign,
  sign,
  record_consultation,
  send_opinion,
  request_extension,
  grant_extension,
  submit_reply,
  approve_reply,
  reject_reply,
  pass_reply,
  send_back_reply,
  feedback,
  cosigner_feedback,
  close,
  publish
};

struct Step {
  Op op;
  int64_t gap;  // seconds after the previous step
  int arg = 0;  // co-signer / assignment index, rating, reply result …
  int64_t at = 0;
};

// The rows are those of proposals::ProposalRecord (record_writer.hpp), which writes them; an
// assignment also keeps its unit's name, and a history entry its time in seconds and its actor.
struct AssignmentRow : proposals::AssignmentRecord {
  std::string unit_name;
};
struct CosignerRow {
  Member m;
  std::string status = "pending";
  std::optional<std::string> due_at, answered_at;
};
struct HistoryRow {
  int64_t at;
  Person actor;
  std::string action, from, to;
  Json payload = Json::object();
  int reply_ref = -1, extension_ref = -1, assignment_ref = -1;
  bool merged_into = false;
};

struct Plan {
  Spec spec;
  uint64_t seed;
  int area = 0, subject = 0;
  int decline_case = -1;
  // proposal columns
  std::string kind = "individual", title, situation, analysis, suggestions, category, keywords;
  Json suggested_units = Json::array();
  Person proposer;
  std::optional<int64_t> member_id;
  std::optional<std::string> group_type;
  std::optional<int64_t> group_id;
  bool consent = true;
  std::string consent_reason;
  std::string state = "draft";
  int version = 1, round = 1;
  bool between_sessions = false;
  int64_t number = 0;
  std::optional<std::string> decline_reason, decline_conversion, review_comment, handling_type, result_category,
      satisfaction, due_at, submitted_at, filed_at, assigned_at, replied_at, closed_at, published_at;
  bool is_key = false, published = false, follow_up = false, face_to_face = false;
  std::optional<int64_t> key_special;
  int merge_into = -1;       // index into the sorted plans
  int duplicate_of = -1;     // an earlier plan whose asks this one repeats (a 可能重复 pair on purpose)
  std::vector<size_t> asks;  // indices into the subject's suggestions, in the order written
  std::string created_at, updated_at;
  // decisions
  std::vector<std::pair<std::string, std::string>> units;  // unit name, role
  std::string handling;                                    // single, lead_co or split
  std::string reassign_to;
  std::vector<std::string> results;  // reply result categories, in order
  // rows
  std::vector<CosignerRow> cosigners;
  std::vector<AssignmentRow> assignments;
  std::vector<proposals::ConsultationRecord> consultations;
  std::vector<proposals::ReplyRecord> replies;
  std::vector<proposals::FeedbackRecord> feedback;
  std::vector<proposals::ExtensionRecord> extensions;
  std::vector<proposals::FollowUpRecord> follow_ups;
  std::vector<HistoryRow> history;
  std::vector<Step> steps;
  int64_t created = 0, file_at = 0;
};

/// Which state a target implies having passed through (for stopping the script).
int depth(const std::string& s);

class Seeder {
 public:
  Seeder(db::Connection& c, Org org);
  SeededProposals run();

 private:
  db::Connection& c_;
  Org o_;
  int64_t now_;
  std::optional<proposals::WorkCalendar> calendar_;
  std::vector<Plan> plans_;
  int64_t counters_[2] = {0, 0};
  std::map<std::tuple<int, int, int>, int> subject_uses_;  // (session, area, subject) → proposals so far
  std::map<std::tuple<int, int, int>, int> titles_used_;   // the same, while writing the text
  std::map<std::pair<int, int>, int> asks_used_;           // (area, subject) → ask sets handed out

  // ---- who and what (seed_proposals_plan.cpp) ----
  std::vector<Spec> make_specs();
  const Member& random_member(Rng& r);
  void choose(Plan& p);

  // ---- the steps (seed_proposals_plan.cpp) ----
  void script(Plan& p);
  void place_in_time(Plan& p);
  void pick_merge_targets();
  void pick_duplicates();
  void adopt_subject(Plan& p, const Plan& t);
  void number();

  // ---- the text (seed_proposals.cpp, as is all that follows) ----
  void write_text(Plan& p);
  std::string addressee(const Plan& p) const;
  std::string reply_letter(Plan& p, const Unit& u, int round, const std::string& result, int64_t at, Rng& r);

  // ---- running the steps ----
  void history(Plan& p, int64_t at, const Person& who, Action action, const std::string& to,
               Json payload = Json::object());
  const Unit& unit(const std::string& name) const { return o_.units.at(name); }
  int lead_assignment(const Plan& p) const;
  void execute(Plan& p);
  void follow_up(Plan& p, Rng& r);

  // ---- writing the rows ----
  int64_t insert(const Plan& p, const std::vector<int64_t>& ids);
};

}  // namespace sl::cli::demo_proposals
