#include "modules/proposals/follow_ups.hpp"

#include "core/api/resource.hpp"
#include "modules/proposals/access.hpp"
#include "modules/proposals/command_route.hpp"
#include "modules/proposals/events.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/store.hpp"

namespace sl::proposals {

namespace {

constexpr const char* kTag = "proposals";

/// Checks that the caller may keep follow-ups of the proposal (lead unit or proposal staff) and
/// that its released reply was B or C; returns the lead unit to default to.
int64_t authorize_keeper(db::Connection& c, const Principal& user, const db::Row& p) {
  Relations rel = relations_of(c, user, p.integer("id"), p.integer("proposer_user_id"));
  if (!rel.has(Actor::proposal_staff) && rel.lead_units.empty())
    throw ApiError::forbidden("只有主办单位和提案委可以维护跟踪事项");
  std::string result = p.text("result_category");
  if (result != "B" && result != "C")
    throw ApiError(ErrorCode::illegal_transition, "只有答复为 B 类或 C 类的提案需要跟踪落实");
  if (!rel.lead_units.empty()) return rel.lead_units.front();
  auto lead = c.exec(sql::kFirstLeadUnit, {p.integer("id")});
  return lead.empty() ? 0 : lead.one().integer(0);
}

}  // namespace

Outcome add_follow_up(db::Connection& c, const Caller& by, int64_t id, const FollowUpInput& in, Json& item) {
  db::Row p = load_visible(c, by.user, id);
  int64_t default_unit = authorize_keeper(c, by.user, p);
  int64_t unit_id = in.unit_id.value_or(default_unit);
  if (unit_id && !api::exists_in_committee(c, "units", unit_id, by.user.committee_id))
    throw ApiError::validation("unit_id", "所选单位不存在");
  int64_t fid =
      c.exec(sql::kInsertFollowUp, {id, unit_id ? db::Value(unit_id) : db::Value(nullptr), in.commitment, in.due_date})
          .one()
          .integer(0);
  c.exec(sql::kMarkFollowUp, {id});
  record_side_act(c, by, p, "follow_up",
                  {{"follow_up_id", fid}, {"commitment", in.commitment}, {"due_date", in.due_date}}, false);
  item = {{"id", fid}, {"commitment", in.commitment}, {"due_date", in.due_date}, {"unit_id", unit_id}};
  return {id,
          {events::kFollowUp,
           by.user.committee_id,
           by.user.user_id,
           std::to_string(id),
           {{"id", id}, {"action", "follow_up"}}}};
}

Outcome record_follow_up_progress(db::Connection& c, const Caller& by, int64_t id, const ProgressInput& in) {
  db::Row p = load_visible(c, by.user, id);
  authorize_keeper(c, by.user, p);
  auto f = c.exec(sql::kFollowUpProgress, {in.follow_up_id, id});
  if (f.empty()) throw ApiError::not_found("跟踪事项");
  Json progress = Json::parse(f.one().text(0), nullptr, false);
  if (!progress.is_array()) progress = Json::array();
  progress.push_back({{"at", by.at()}, {"by", by.user.name}, {"note", in.note}});
  c.exec(sql::kRecordFollowUpProgress, {progress.dump(), int64_t{in.done}, in.follow_up_id});
  record_side_act(c, by, p, "follow_up_progress",
                  {{"follow_up_id", in.follow_up_id}, {"note", in.note}, {"done", in.done}}, false);
  return {id,
          {events::kFollowUpProgress,
           by.user.committee_id,
           by.user.user_id,
           std::to_string(id),
           {{"id", id}, {"action", "follow_up_progress"}}}};
}

void register_follow_ups(App& app) {
  app.route(http::Method::POST, "/api/v1/proposals/{id:int}/follow-ups",
            [&app](http::Request& req) {
              api::Validator v(req.json());
              FollowUpInput in;
              in.commitment = v.text("commitment", api::Presence::required, 1000).value_or("");
              in.unit_id = v.id("unit_id", api::Presence::optional);
              in.due_date = v.date("due_date", api::Presence::required).value_or("");
              v.finish();
              Json item;
              run_in_transaction(app, req, [&](db::Connection& c, const Caller& by) {
                return add_follow_up(c, by, req.param_int("id"), in, item);
              });
              return http::Response::json(item, 201);
            },
            {"添加跟踪落实事项（B/C 类答复）", kTag});

  app.route(http::Method::POST, "/api/v1/proposals/{id:int}/follow-ups/{follow_up_id:int}/progress",
            [&app](http::Request& req) {
              api::Validator v(req.json());
              ProgressInput in;
              in.follow_up_id = req.param_int("follow_up_id");
              in.note = v.text("note", api::Presence::required, 1000).value_or("");
              in.done = v.boolean("done", api::Presence::optional).value_or(false);
              v.finish();
              return http::Response::json(run_command(app, req, [&](db::Connection& c, const Caller& by) {
                return record_follow_up_progress(c, by, req.param_int("id"), in);
              }));
            },
            {"记录跟踪事项进展", kTag});
}

}  // namespace sl::proposals
