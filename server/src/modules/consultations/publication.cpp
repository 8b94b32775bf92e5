#include "modules/consultations/publication.hpp"

#include "core/api/resource.hpp"
#include "core/api/validation.hpp"
#include "core/db/row_json.hpp"
#include "modules/consultations/commands.hpp"
#include "modules/consultations/events.hpp"
#include "modules/consultations/permissions.hpp"
#include "modules/consultations/queries.hpp"
#include "modules/consultations/store.hpp"
#include "modules/consultations/workflow.hpp"

namespace sl::consultations {

namespace {

constexpr const char* kTag = "consultations";

Json public_item(const db::Row& r) {
  auto kind = parse_outcome_kind(r.text("kind")).value_or(OutcomeKind::opinions);
  auto topic_kind = parse_kind(r.text("topic_kind")).value_or(Kind::thematic);
  auto adoption = parse_adoption(r.text("adoption"));
  return {{"id", r.integer("id")},
          {"committee_id", r.integer("committee_id")},
          {"committee_name", r.text("committee_name")},
          {"kind", name(kind)},
          {"kind_label", label(kind)},
          {"title", r.text("title")},
          {"topic_title", r.text("topic_title")},
          {"topic_kind", name(topic_kind)},
          {"topic_kind_label", label(topic_kind)},
          {"year", r.integer("year")},
          {"held_on", db::text_or_null(r, "held_on")},
          {"sent_on", db::text_or_null(r, "sent_on")},
          {"adoption", adoption ? name(*adoption) : ""},
          {"adoption_label", adoption ? label(*adoption) : ""},
          {"published_at", r.text("published_at")}};
}

}  // namespace

Outcome publish_outcome(db::Connection& c, const Caller& by, int64_t id, bool publish) {
  require_office(by.user, "公开协商成果");
  auto r = c.exec(sql::kOutcome, {id});
  if (r.empty() || r.one().integer("committee_id") != by.user.committee_id) throw ApiError::not_found("协商成果");
  auto state = parse_outcome_state(r.one().text("state")).value_or(OutcomeState::drafting);
  if (publish && state != OutcomeState::sent && state != OutcomeState::concluded)
    throw ApiError(ErrorCode::illegal_transition, "协商成果报送后才能公开");
  const bool was = !c.exec(sql::kOutcomePublished, {id}).one().is_null(0);
  if (was == publish)
    throw ApiError(ErrorCode::illegal_transition, publish ? "该协商成果已公开" : "该协商成果尚未公开");
  c.exec(sql::kPublishOutcome, {id, publish ? db::Value(by.at()) : db::Value(nullptr), publish ? by.user.name : ""});
  audit_act(c, by, publish ? "consultation.outcome.publish" : "consultation.outcome.unpublish", "consultation_outcome",
            id, {{"published", was}}, {{"published", publish}});
  return {id, event_of(by, publish ? events::kOutcomePublished : events::kOutcomeUnpublished, id,
                       {{"topic_id", r.one().integer("topic_id")}})};
}

void register_publication_routes(App& app) {
  app.route(http::Method::POST, "/api/v1/consultations/outcomes/{id:int}/publication",
            [&app](http::Request& req) {
              require_office(req.user(), "公开协商成果");
              api::Validator v(req.json());
              bool publish = v.boolean("published", api::Presence::required).value_or(false);
              v.finish();
              int64_t id = req.param_int("id");
              Outcome out = run_in_transaction(
                  app, req, [&](db::Connection& c, const Caller& by) { return publish_outcome(c, by, id, publish); });
              auto c = app.db().acquire();
              return http::Response::json(
                  topic_detail(*c, req.user(), c->exec(sql::kTopicOfOutcome, {out.id}).one().integer(0)));
            },
            {"公开或撤回协商成果（面向公众）", kTag});

  app.route(
      http::Method::GET, "/api/v1/public/consultations/outcomes",
      [&app](http::Request& req) {
        auto q = api::parse_list_query(req);
        std::vector<db::Value> params;
        std::string where = "o.published_at IS NOT NULL";
        if (auto v = api::query_int(req, "committee_id"))
          where += " AND o.committee_id = " + api::add_param(params, *v);
        if (auto v = api::query_int(req, "year")) where += " AND p.year = " + api::add_param(params, *v);
        if (auto k = req.query_param("kind"); k && !k->empty()) {
          if (!parse_kind(*k)) throw ApiError::validation("kind", "未知的协商类别");
          where += " AND t.kind = " + api::add_param(params, *k);
        }
        if (!q.q.empty())
          where += " AND (o.title LIKE " + api::add_param(params, "%" + q.q + "%") + " OR t.title LIKE $" +
                   std::to_string(params.size()) + ")";
        auto c = app.db().acquire();
        int64_t total = c->exec(std::string(sql::kCountPublicOutcomes) + where, params).one().integer(0);
        Json items = Json::array();
        for (const auto& r :
             c->exec(std::string(sql::kPublicOutcomes) + where + " ORDER BY o.published_at DESC, o.id DESC LIMIT " +
                         api::add_param(params, q.page_size) + " OFFSET " + api::add_param(params, q.offset()),
                     params)
                 .rows)
          items.push_back(public_item(r));
        return http::Response::json(api::list_envelope(std::move(items), total, q));
      },
      {"公开的协商成果（无需登录）", kTag, http::Access::open});

  app.route(http::Method::GET, "/api/v1/public/consultations/outcomes/{id:int}",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              std::vector<db::Value> params = {req.param_int("id")};
              auto r = c->exec(std::string(sql::kPublicOutcomes) + "o.published_at IS NOT NULL AND o.id = $1", params);
              if (r.empty()) throw ApiError::not_found("公开的协商成果");
              Json item = public_item(r.one());
              item["body"] = r.one().text("body");
              return http::Response::json(item);
            },
            {"公开的协商成果全文（无需登录）", kTag, http::Access::open});
}

}  // namespace sl::consultations
