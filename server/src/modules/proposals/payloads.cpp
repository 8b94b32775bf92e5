#include "modules/proposals/payloads.hpp"

#include "core/api/validation.hpp"

namespace sl::proposals {

namespace {

using api::Presence;

/// The payload type action `a` takes, default-constructed.
Payload empty_payload(Action a) {
  switch (a) {
    case Action::submit:
    case Action::withdraw:
    case Action::file:
    case Action::close:
    case Action::publish:
      return NoFields{};
    case Action::cosign:
      return CosignInput{};
    case Action::decline:
      return DeclineInput{};
    case Action::return_for_revision:
      return RevisionInput{};
    case Action::merge:
      return MergeInput{};
    case Action::mark_key:
      return MarkKeyInput{};
    case Action::assign:
      return AssignInput{};
    case Action::sign:
      return SignInput{};
    case Action::request_return:
      return ReturnRequestInput{};
    case Action::reassign:
    case Action::refuse_return:
      return ReturnAnswerInput{};
    case Action::record_consultation:
      return ConsultationInput{};
    case Action::send_opinion:
      return OpinionInput{};
    case Action::request_extension:
      return ExtensionRequestInput{};
    case Action::grant_extension:
      return ExtensionAnswerInput{};
    case Action::submit_reply:
      return ReplyInput{};
    case Action::approve_reply:
    case Action::reject_reply:
    case Action::pass_reply:
    case Action::send_back_reply:
      return ReplyReviewInput{};
    case Action::feedback:
      return FeedbackInput{};
  }
  return NoFields{};
}

/// The assignment's units: a non-empty array of {unit_id, role}; role lead (default) or co.
std::vector<UnitChoice> read_units(api::Validator& v) {
  auto units = v.raw("units", Presence::required);
  if (!units) return {};
  if (!units->is_array() || units->empty()) {
    v.fail("units", "请选择承办单位");
    return {};
  }
  std::vector<UnitChoice> out;
  for (const auto& u : *units) {
    if (!u.is_object() || !u.contains("unit_id") || !u["unit_id"].is_number_integer()) {
      v.fail("units", "承办单位格式有误");
      return {};
    }
    if (u.contains("role") && !u["role"].is_string()) {
      v.fail("units", "承办方式应为主办或协办");
      return {};
    }
    UnitChoice c{u["unit_id"].get<int64_t>(), u.value("role", "lead")};
    if (c.role != "lead" && c.role != "co") {
      v.fail("units", "承办方式应为主办或协办");
      return {};
    }
    out.push_back(std::move(c));
  }
  return out;
}

/// Reads the fields of `a` into `p` (the alternative `a` takes) through `v`.
struct Reader {
  api::Validator& v;
  Action a;

  void operator()(NoFields& /*unused*/) const {}
  void operator()(CosignInput& p) const { p.accept = v.boolean("accept", Presence::required).value_or(false); }
  void operator()(DeclineInput& p) const {
    p.reason = v.text("reason", Presence::required, 100).value_or("");
    p.conversion = v.one_of("conversion", Presence::optional, {"none", "opinion", "social_info"}).value_or("none");
    p.comment = v.text("comment", Presence::optional, 500, true).value_or("");
  }
  void operator()(RevisionInput& p) const { p.comment = v.text("comment", Presence::required, 1000).value_or(""); }
  void operator()(MergeInput& p) const { p.into_id = v.id("into_id", Presence::required).value_or(0); }
  void operator()(MarkKeyInput& p) const {
    p.key = v.boolean("key", Presence::required).value_or(false);
    p.leader_ids = v.id_list("leader_ids", Presence::optional).value_or(std::vector<int64_t>{});
    p.special_committee_id = v.id("special_committee_id", Presence::optional, true);
  }
  void operator()(AssignInput& p) const {
    p.handling_type = v.one_of("handling_type", Presence::required, {"single", "lead_co", "split"}).value_or("");
    p.units = read_units(v);
  }
  void operator()(SignInput& p) const { p.unit_id = v.id("unit_id", Presence::optional); }
  void operator()(ReturnRequestInput& p) const {
    p.unit_id = v.id("unit_id", Presence::optional);
    p.reason = v.text("reason", Presence::required, 500).value_or("");
  }
  void operator()(ReturnAnswerInput& p) const {
    p.assignment_id = v.id("assignment_id", Presence::required).value_or(0);
    if (a == Action::reassign) p.unit_id = v.id("unit_id", Presence::required);
    p.comment = v.text("comment", Presence::optional, 500, true).value_or("");
  }
  void operator()(ConsultationInput& p) const {
    p.unit_id = v.id("unit_id", Presence::optional);
    p.method = v.one_of("method", Presence::required, {"meeting", "forum", "phone", "site", "written"}).value_or("");
    p.held_on = v.date("held_on", Presence::required).value_or("");
    p.people = v.text("people", Presence::optional, 200, true).value_or("");
    p.content = v.text("content", Presence::required, 5000).value_or("");
  }
  void operator()(OpinionInput& p) const {
    p.unit_id = v.id("unit_id", Presence::optional);
    p.opinion = v.text("opinion", Presence::required, 10000).value_or("");
  }
  void operator()(ExtensionRequestInput& p) const {
    p.reason = v.text("reason", Presence::required, 500).value_or("");
    p.requested_due = v.date("requested_due", Presence::required).value_or("");
  }
  void operator()(ExtensionAnswerInput& p) const {
    p.extension_id = v.id("extension_id", Presence::required).value_or(0);
    p.approve = v.boolean("approve", Presence::required).value_or(false);
  }
  void operator()(ReplyInput& p) const {
    p.unit_id = v.id("unit_id", Presence::optional);
    p.body = v.text("body", Presence::required, 50000).value_or("");
    p.result_category = v.text("result_category", Presence::required, 1).value_or("");
  }
  void operator()(ReplyReviewInput& p) const {
    const bool sends_back = a == Action::reject_reply || a == Action::send_back_reply;
    p.comment = v.text("comment", sends_back ? Presence::required : Presence::optional, 1000, true).value_or("");
    p.reply_id = v.id("reply_id", Presence::optional);
  }
  void operator()(FeedbackInput& p) const {
    p.rating = v.one_of("rating", Presence::required, {"satisfied", "basic", "unsatisfied"}).value_or("");
    p.consulted = v.one_of("consulted", Presence::optional, {"face_to_face", "phone", "written", "none"}).value_or("");
    p.attitude = v.one_of("attitude", Presence::optional, {"good", "fair", "poor"}).value_or("");
    p.answers_proposal = v.one_of("answers_proposal", Presence::optional, {"yes", "partly", "no"}).value_or("");
    p.comment = v.text("comment", Presence::optional, 2000, true).value_or("");
  }
};

}  // namespace

Payload read_payload(Action a, const Json& fields) {
  api::Validator v(fields);
  v.skip("action");  // read by read_transition_input
  v.skip("version");
  Payload p = empty_payload(a);
  std::visit(Reader{v, a}, p);
  v.finish();
  return p;
}

bool payload_fits(Action a, const Payload& p) {
  return empty_payload(a).index() == p.index();
}

}  // namespace sl::proposals
