#pragma once
// The consultation module's two life cycles as data, in the shape of the proposal workflow: the
// year's plan (起草 → 主席会议审议 → 报区委审定 → 印发) and a topic's phases (待审批 → 已列入计划
// → 调研中 → 已协商 …). Each row says from which state which actor may take which action, under
// which guard, and where it leads. The commands enforce the table, the tests iterate it, and the
// web reads all of it from GET /api/v1/consultations/workflow (labels included), so no other file
// lists states or actions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"

namespace sl::consultations {

// ---- the plan ----

enum class PlanState { drafting, chair_review, party_review, published };
enum class PlanAction { submit_to_chair, submit_to_party, publish, return_to_draft };

struct PlanTransition {
  PlanState from;
  PlanAction action;
  PlanState to;
  bool needs_doc_number;  // the step records a document number (印发: the plan's own 文号)
};
const std::vector<PlanTransition>& plan_transitions();

// ---- a topic ----

/// The kinds of consultation: 专题, 对口, 界别 and 提案办理协商 (linked to key proposals).
enum class Kind { thematic, counterpart, sector, proposal_handling };
/// The form of the consultation activity.
enum class Form { meeting, symposium, talk, online, remote };

enum class TopicState {
  proposed,     // 待审批: added during the year, or put forward by a special committee or a party/sector
  planned,      // 已列入计划
  researching,  // 调研中
  consulted,    // 已协商: the consultation activity has taken place
  following,    // 成果转化中: an outcome has been sent up
  concluded,    // 已办结: every outcome's adoption recorded and every follow-through item closed
  dropped,      // 未列入计划
};

enum class TopicAction { approve, reject, start_research, record_consultation, outcome_sent, conclude };

/// Who acts, relative to the topic.
enum class Actor {
  office,       // the committee office: admins and the committee's staff who run the plan
  lead_staff,   // staff of the topic's leading special committee
  leader,       // a committee leader (主席会议成员、区领导)
  lead_leader,  // the topic's own lead leader (any leader when the topic names none)
  system,       // the module itself, as the effect of another act (an outcome sent, the last item closed)
};

/// Extra conditions a row needs.
enum class Guard {
  none,
  plan_drafting,  // the topic's plan is still being drafted (the office may decide additions itself)
};

struct TopicTransition {
  TopicState from;
  TopicAction action;
  Actor actor;
  Guard guard;
  TopicState to;
};
const std::vector<TopicTransition>& topic_transitions();

// ---- an outcome (协商成果) ----

/// 意见建议, 调研报告, 建议案 (of the standing committee), 协商要报.
enum class OutcomeKind { opinions, research_report, recommendation, digest };
enum class OutcomeState { drafting, review, approved, sent, concluded };
enum class OutcomeAction { submit, approve, send_back, send, record_adoption };
/// What the party committee and government made of an outcome.
enum class Adoption { adopted, partly, not_adopted };

struct OutcomeTransition {
  OutcomeState from;
  OutcomeAction action;
  Actor actor;
  OutcomeState to;
};
const std::vector<OutcomeTransition>& outcome_transitions();

/// The states in which the topic may ask for a postponement (a new month, approved by a leader).
const std::vector<TopicState>& postponable_states();
/// The states in which a topic is part of the year's work (counted by coverage, shown to members
/// once the plan is published).
const std::vector<TopicState>& in_plan_states();
/// The states in which the topic has not yet taken place (late when its month has passed).
const std::vector<TopicState>& pending_states();

// Names (wire) and labels (Chinese) of every value; parse returns nullopt for an unknown name.
const char* name(PlanState s);
const char* name(PlanAction a);
const char* name(Kind k);
const char* name(Form f);
const char* name(TopicState s);
const char* name(TopicAction a);
const char* name(Actor a);
const char* label(PlanState s);
const char* label(PlanAction a);
const char* label(Kind k);
const char* label(Form f);
const char* label(TopicState s);
const char* label(TopicAction a);
const char* name(OutcomeKind k);
const char* name(OutcomeState s);
const char* name(OutcomeAction a);
const char* name(Adoption a);
const char* label(OutcomeKind k);
const char* label(OutcomeState s);
const char* label(OutcomeAction a);
const char* label(Adoption a);
std::optional<OutcomeKind> parse_outcome_kind(std::string_view s);
std::optional<OutcomeState> parse_outcome_state(std::string_view s);
std::optional<OutcomeAction> parse_outcome_action(std::string_view s);
std::optional<Adoption> parse_adoption(std::string_view s);
const std::vector<OutcomeKind>& all_outcome_kinds();
const std::vector<OutcomeAction>& all_outcome_actions();
const std::vector<Adoption>& all_adoptions();
std::optional<PlanState> parse_plan_state(std::string_view s);
std::optional<PlanAction> parse_plan_action(std::string_view s);
std::optional<Kind> parse_kind(std::string_view s);
std::optional<Form> parse_form(std::string_view s);
std::optional<TopicState> parse_topic_state(std::string_view s);
std::optional<TopicAction> parse_topic_action(std::string_view s);

const std::vector<Kind>& all_kinds();
const std::vector<Form>& all_forms();
/// The wire names of `v` (for validation choices and SQL lists).
template <class E>
std::vector<std::string> names_of(const std::vector<E>& v) {
  std::vector<std::string> out;
  for (E e : v) out.emplace_back(name(e));
  return out;
}
/// `states` as a SQL list of quoted names for `IN (...)`.
std::string sql_list(const std::vector<TopicState>& states);

/// Both tables with every label, for the API and the web.
Json workflow_json();

}  // namespace sl::consultations
