#include "modules/consultations/deliberation_payloads.hpp"

#include "core/api/validation.hpp"
#include "modules/meetings/commands.hpp"

namespace sl::consultations {

namespace {

using api::Presence;
namespace lim = deliberation_limits;

/// A UTC timestamp ("2026-12-08T01:30:00Z"), stored normalised.
std::optional<std::string> timestamp(api::Validator& v, const std::string& field, Presence p) {
  auto raw = v.raw(field, p);
  if (!raw || (raw->is_null() && p == Presence::optional)) return std::nullopt;
  if (raw->is_string())
    if (auto t = meetings::normalize_utc(raw->get<std::string>())) return t;
  v.fail(field, "应为 UTC 时间，如 2026-12-08T01:30:00Z");
  return std::nullopt;
}

void read_invite(api::Validator& v, DeliberationInvite& in) {
  auto list = [&](const char* field) {
    auto ids = v.id_list(field, Presence::optional).value_or(std::vector<int64_t>{});
    if (ids.size() > lim::kIds) v.fail(field, "一次最多选择 500 项");
    return ids;
  };
  in.user_ids = list("user_ids");
  in.sector_ids = list("sector_ids");
  in.special_committee_ids = list("special_committee_ids");
  in.party_ids = list("party_ids");
  in.standing_committee = v.boolean("standing_committee", Presence::optional).value_or(false);
}

}  // namespace

DeliberationInput read_deliberation_input(const Json& body) {
  api::Validator v(body);
  DeliberationInput in;
  in.prompt = v.text("prompt", Presence::required, lim::kPrompt).value_or("");
  in.opens_at = timestamp(v, "opens_at", Presence::optional);
  in.closes_at = timestamp(v, "closes_at", Presence::required).value_or("");
  read_invite(v, in.invite);
  if (v.ok() && in.invite.empty()) v.fail("user_ids", "请选择要邀请的委员、界别、专委会、党派或常委");
  if (v.ok() && in.opens_at && *in.opens_at >= in.closes_at) v.fail("closes_at", "截止时间应晚于开始时间");
  v.finish();
  return in;
}

DeliberationChange read_deliberation_change(const Json& body) {
  api::Validator v(body);
  DeliberationChange in;
  in.version = v.integer("version", Presence::required, 1).value_or(0);
  in.prompt = v.text("prompt", Presence::optional, lim::kPrompt);
  in.opens_at = timestamp(v, "opens_at", Presence::optional);
  in.closes_at = timestamp(v, "closes_at", Presence::optional);
  if (v.ok() && in.opens_at && in.closes_at && *in.opens_at >= *in.closes_at)
    v.fail("closes_at", "截止时间应晚于开始时间");
  v.finish();
  return in;
}

DeliberationInvite read_deliberation_invite(const Json& body) {
  api::Validator v(body);
  DeliberationInvite in;
  read_invite(v, in);
  if (v.ok() && in.empty()) v.fail("user_ids", "请选择要邀请的委员、界别、专委会、党派或常委");
  v.finish();
  return in;
}

std::string read_opinion_body(const Json& body) {
  api::Validator v(body);
  auto text = v.text("body", Presence::required, lim::kOpinion);
  v.finish();
  return *text;
}

ModerationInput read_moderation(const Json& body) {
  api::Validator v(body);
  auto action = v.one_of("action", Presence::required, {"publish", "hide"});
  const bool hiding = action && *action == "hide";
  auto reason = v.text("reason", hiding ? Presence::required : Presence::optional, lim::kReason, !hiding);
  v.finish();
  return {*action, reason.value_or("")};
}

bool read_selection(const Json& body) {
  api::Validator v(body);
  auto selected = v.boolean("selected", Presence::required);
  v.finish();
  return *selected;
}

int64_t read_close(const Json& body) {
  api::Validator v(body);
  auto version = v.integer("version", Presence::required, 1);
  v.finish();
  return *version;
}

}  // namespace sl::consultations
