// The transition table itself: every row is well-formed, every state is reachable from draft,
// every action is reachable, and the (state, action, actor) choices are unambiguous except where
// a guard decides.
#include <gtest/gtest.h>

#include <map>
#include <queue>
#include <set>

#include "modules/proposals/calendar.hpp"
#include "modules/proposals/workflow.hpp"

namespace sl::proposals {
namespace {

TEST(Workflow, EveryStateIsReachableFromDraft) {
  std::set<State> seen = {State::draft};
  std::queue<State> todo;
  todo.push(State::draft);
  while (!todo.empty()) {
    State s = todo.front();
    todo.pop();
    for (const auto& t : transitions())
      if (t.from == s && seen.insert(t.to).second) todo.push(t.to);
  }
  for (State s : all_states()) EXPECT_TRUE(seen.count(s)) << state_name(s) << " is unreachable";
}

TEST(Workflow, EveryActionAppearsAndNamesRoundTrip) {
  std::set<Action> used;
  for (const auto& t : transitions()) used.insert(t.action);
  for (Action a : all_actions()) {
    EXPECT_TRUE(used.count(a)) << action_name(a) << " has no row";
    EXPECT_EQ(parse_action(action_name(a)), a);
  }
  for (State s : all_states()) EXPECT_EQ(parse_state(state_name(s)), s);
  EXPECT_FALSE(parse_action("fly").has_value());
}

TEST(Workflow, TerminalStatesAllowNothingButStaffBookkeeping) {
  for (const auto& t : transitions()) {
    EXPECT_NE(t.from, State::not_filed);
    EXPECT_NE(t.from, State::merged);
    if (t.from == State::closed) EXPECT_TRUE(t.action == Action::publish || t.action == Action::mark_key);
  }
}

TEST(Workflow, AmbiguousRowsAreSeparatedByGuards) {
  // Rows sharing (from, action, actor) must differ in guard, and an unguarded row comes last.
  std::map<std::tuple<State, Action, Actor>, std::vector<Guard>> groups;
  for (const auto& t : transitions()) groups[{t.from, t.action, t.actor}].push_back(t.guard);
  for (const auto& [key, guards] : groups) {
    std::set<Guard> distinct(guards.begin(), guards.end());
    EXPECT_EQ(distinct.size(), guards.size());
    for (size_t i = 0; i + 1 < guards.size(); ++i)
      EXPECT_NE(guards[i], Guard::none) << action_name(std::get<1>(key)) << " from " << state_name(std::get<0>(key));
  }
}

TEST(Workflow, OnlyStaffReviewAndAssign) {
  for (const auto& t : transitions())
    if (t.action == Action::file || t.action == Action::decline || t.action == Action::assign ||
        t.action == Action::merge || t.action == Action::pass_reply || t.action == Action::publish)
      EXPECT_EQ(t.actor, Actor::proposal_staff) << action_name(t.action);
}

TEST(Workflow, JsonExposesTheTable) {
  Json j = workflow_json();
  EXPECT_EQ(j["states"].size(), all_states().size());
  EXPECT_EQ(j["transitions"].size(), transitions().size());
}

TEST(Calendar, WorkingDaysSkipWeekendsAndHolidaysAndCountMakeUpDays) {
  WorkCalendar cal({"2030-10-01", "2030-10-02", "2030-10-03", "2030-10-04", "2030-10-07"}, {"2030-10-12"});
  EXPECT_FALSE(cal.is_working_day("2030-10-05"));  // Saturday
  EXPECT_TRUE(cal.is_working_day("2030-10-12"));   // make-up Saturday
  EXPECT_FALSE(cal.is_working_day("2030-10-01"));
  EXPECT_EQ(cal.add_working_days("2030-09-30", 1), "2030-10-08");
  EXPECT_EQ(cal.add_working_days("2030-09-30", 5), "2030-10-12");
  EXPECT_EQ(cal.working_days_between("2030-09-30", "2030-10-12"), 5);
  EXPECT_EQ(cal.working_days_between("2030-10-12", "2030-09-30"), -5);
}

TEST(Calendar, MonthsClampToTheLastDay) {
  EXPECT_EQ(add_months("2026-11-30", 3), "2027-02-28");
  EXPECT_EQ(add_months("2027-11-30", 3), "2028-02-29");
  EXPECT_EQ(add_months("2026-01-15", 12), "2027-01-15");
  EXPECT_EQ(add_days("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(weekday("2026-11-29"), 0);
}

}  // namespace
}  // namespace sl::proposals
