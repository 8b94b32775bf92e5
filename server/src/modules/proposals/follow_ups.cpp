#include "modules/proposals/follow_ups.hpp"

#include "core/api/resource.hpp"
#include "core/audit/audit.hpp"
#include "modules/proposals/access.hpp"
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

void register_follow_ups(App& app) {
  app.route(http::Method::POST, "/api/v1/proposals/{id:int}/follow-ups",
            [&app](http::Request& req) {
              const auto& user = req.user();
              int64_t id = req.param_int("id");
              api::Validator v(req.json());
              auto commitment = v.text("commitment", api::Presence::required, 1000);
              auto unit = v.id("unit_id", api::Presence::optional);
              auto due = v.date("due_date", api::Presence::required);
              v.finish();
              Json item = app.db().transaction([&](db::Connection& c) {
                db::Row p = load_visible(c, user, id);
                int64_t default_unit = authorize_keeper(c, user, p);
                int64_t unit_id = unit.value_or(default_unit);
                if (unit_id && !api::exists_in_committee(c, "units", unit_id, user.committee_id))
                  throw ApiError::validation("unit_id", "所选单位不存在");
                int64_t fid = c.exec(sql::kInsertFollowUp,
                                     {id, unit_id ? db::Value(unit_id) : db::Value(nullptr), *commitment, *due})
                                  .one()
                                  .integer(0);
                c.exec(sql::kMarkFollowUp, {id});
                auto e = audit::entry_for(req, "proposal.follow_up", "proposal", std::to_string(id));
                e.after = {{"follow_up_id", fid}, {"commitment", *commitment}, {"due_date", *due}};
                audit::record(c, e);
                return Json{{"id", fid}, {"commitment", *commitment}, {"due_date", *due}, {"unit_id", unit_id}};
              });
              app.events.publish({events::kFollowUp,
                                  user.committee_id,
                                  user.user_id,
                                  std::to_string(id),
                                  {{"id", id}, {"action", "follow_up"}}});
              return http::Response::json(item, 201);
            },
            {"添加跟踪落实事项（B/C 类答复）", kTag});

  app.route(
      http::Method::POST, "/api/v1/proposals/{id:int}/follow-ups/{follow_up_id:int}/progress",
      [&app](http::Request& req) {
        const auto& user = req.user();
        int64_t id = req.param_int("id");
        api::Validator v(req.json());
        auto note = v.text("note", api::Presence::required, 1000);
        auto done = v.boolean("done", api::Presence::optional);
        v.finish();
        app.db().transaction([&](db::Connection& c) {
          db::Row p = load_visible(c, user, id);
          authorize_keeper(c, user, p);
          auto f = c.exec(sql::kFollowUpProgress, {req.param_int("follow_up_id"), id});
          if (f.empty()) throw ApiError::not_found("跟踪事项");
          Json progress = Json::parse(f.one().text(0), nullptr, false);
          if (!progress.is_array()) progress = Json::array();
          progress.push_back({{"at", db::now_iso()}, {"by", user.name}, {"note", *note}});
          c.exec(sql::kRecordFollowUpProgress,
                 {progress.dump(), int64_t{done.value_or(false)}, req.param_int("follow_up_id")});
          auto e = audit::entry_for(req, "proposal.follow_up_progress", "proposal", std::to_string(id));
          e.after = {{"follow_up_id", req.param_int("follow_up_id")}, {"note", *note}, {"done", done.value_or(false)}};
          audit::record(c, e);
        });
        auto c = app.db().acquire();
        return http::Response::json(proposal_detail(*c, user, id));
      },
      {"记录跟踪事项进展", kTag});
}

}  // namespace sl::proposals
