#include "modules/consultations/consultations_module.hpp"

#include "core/api/validation.hpp"
#include "core/app.hpp"
#include "core/clock.hpp"
#include "core/command.hpp"
#include "modules/consultations/commands.hpp"
#include "modules/consultations/deliberation_routes.hpp"
#include "modules/consultations/documents.hpp"
#include "modules/consultations/notices.hpp"
#include "modules/consultations/outcomes.hpp"
#include "modules/consultations/permissions.hpp"
#include "modules/consultations/publication.hpp"
#include "modules/consultations/queries.hpp"
#include "modules/consultations/research_routes.hpp"
#include "modules/consultations/route_support.hpp"
#include "modules/consultations/store.hpp"
#include "modules/consultations/workflow.hpp"

namespace sl {

namespace {

using namespace consultations;
using routes::kTag;
constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

using routes::require_reader;
using routes::run;

void register_plan_routes(App& app) {
  app.route(http::Method::GET, "/api/v1/consultations/workflow",
            [](http::Request& req) {
              require_reader(req);
              return http::Response::json(workflow_json());
            },
            {"协商计划和协商议题的流程（状态、动作、类别、形式及其中文名称）", kTag});

  app.route(http::Method::GET, "/api/v1/consultations/plans",
            [&app](http::Request& req) {
              require_reader(req);
              auto c = app.db().acquire();
              return http::Response::json(plans_list(*c, req.user()));
            },
            {"年度协商计划列表", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/plans",
            [&app](http::Request& req) {
              require_office(req.user(), "编制协商计划");
              PlanInput in = read_plan_input(req.json());
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return create_plan(c, by, in); },
                  [&](db::Connection& c, int64_t id) { return plan_detail(c, req.user(), id, clock::today()); }, 201);
            },
            {"新建年度协商计划", kTag});

  app.route(http::Method::GET, "/api/v1/consultations/leaders",
            [&app](http::Request& req) {
              if (!reads_everything(req.user()) && !may_propose_topic(req.user()))
                throw ApiError::forbidden("只有提出或办理协商议题的人员可以查看牵头领导名单");
              auto c = app.db().acquire();
              Json items = Json::array();
              for (const auto& r : c->exec(sql::kLeadersOfCommittee, {req.user().committee_id}).rows)
                items.push_back({{"id", r.integer(0)}, {"name", r.text(1)}});
              return http::Response::json({{"items", items}});
            },
            {"可选的牵头领导（本会领导的姓名）", kTag});

  app.route(http::Method::GET, "/api/v1/consultations/plans/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              auto c = app.db().acquire();
              return http::Response::json(plan_detail(*c, req.user(), req.param_int("id"), clock::today()));
            },
            {"年度协商计划（审议步骤、议题、覆盖提醒）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/plans/{id:int}/steps",
            [&app](http::Request& req) {
              require_office(req.user(), "办理协商计划的审议和印发");
              PlanStepInput in = read_plan_step(req.json());
              int64_t id = req.param_int("id");
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return plan_step(c, by, id, in); },
                  [&](db::Connection& c, int64_t plan) { return plan_detail(c, req.user(), plan, clock::today()); });
            },
            {"协商计划的审议步骤（提交主席会议、报区委审定、印发、退回修改）", kTag});

  app.route(http::Method::GET, "/api/v1/consultations/plans/{id:int}/document",
            [&app](http::Request& req) {
              require_reader(req);
              auto c = app.db().acquire();
              auto f = plan_document(*c, req.user(), req.param_int("id"), clock::today());
              return http::Response::file(kDocxType, f.bytes, f.filename);
            },
            {"下载年度协商计划（Word，公文格式）", kTag});
}

void register_topic_routes(App& app) {
  app.route(http::Method::GET, "/api/v1/consultations/topics",
            [&app](http::Request& req) {
              require_reader(req);
              TopicFilter f;
              f.plan_id = api::query_int(req, "plan_id");
              if (auto k = req.query_param("kind"); k && !k->empty()) {
                if (!parse_kind(*k)) throw ApiError::validation("kind", "未知的协商类别");
                f.kind = *k;
              }
              if (auto s = req.query_param("state"); s && !s->empty()) {
                if (!parse_topic_state(*s)) throw ApiError::validation("state", "未知的议题状态");
                f.state = *s;
              }
              f.mine = req.query_param("mine").value_or("") == "1";
              f.q = api::trim(req.query_param("q").value_or(""));
              auto c = app.db().acquire();
              return http::Response::json(topics_list(*c, req.user(), f));
            },
            {"协商议题列表（按计划、类别、状态、与我相关筛选）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/topics",
            [&app](http::Request& req) {
              if (!may_propose_topic(req.user()))
                throw ApiError::forbidden("只有政协办公室、专委会工作人员和党派界别联络人可以提出协商议题");
              TopicInput in = read_topic_input(req.json(), true);
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return create_topic(c, by, in); },
                  [&](db::Connection& c, int64_t id) { return topic_detail(c, req.user(), id); }, 201);
            },
            {"增加协商议题（计划起草中直接列入，其余待审批）", kTag});

  app.route(http::Method::GET, "/api/v1/consultations/topics/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              auto c = app.db().acquire();
              return http::Response::json(topic_detail(*c, req.user(), req.param_int("id")));
            },
            {"协商议题（进展、对口部门、关联提案、办理记录、可执行的操作）", kTag});

  app.route(http::Method::PATCH, "/api/v1/consultations/topics/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_topic_visible(*c, req.user(), id);  // 404 before the fields' rules for a topic out of sight
              }
              TopicInput in = read_topic_input(req.json(), false);
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return update_topic(c, by, id, in); },
                  [&](db::Connection& c, int64_t t) { return topic_detail(c, req.user(), t); });
            },
            {"修改协商议题", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/topics/{id:int}/transitions",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              TopicStepInput in = read_topic_step(req.json());
              return run(
                  app, req,
                  [&](db::Connection& c, const Caller& by) {
                    authorise_topic_step(c, by, id, in);
                    TopicStepFields fields = read_topic_step_fields(in.action, req.json());
                    return topic_step(c, by, id, in, fields);
                  },
                  [&](db::Connection& c, int64_t t) { return topic_detail(c, req.user(), t); });
            },
            {"协商议题的流程操作（审批列入、启动调研、登记协商活动）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/topics/{id:int}/postponements",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_topic_visible(*c, req.user(), id);
              }
              PostponeInput in = read_postpone_input(req.json());
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return request_postponement(c, by, id, in); },
                  [&](db::Connection& c, int64_t t) { return topic_detail(c, req.user(), t); }, 201);
            },
            {"申请议题延期（调整计划月份，报领导审批）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/postponements/{id:int}/decision",
            [&app](http::Request& req) {
              require_reader(req);
              if (!req.user().has(Role::leader)) throw ApiError::forbidden("只有领导可以审批延期申请");
              PostponeDecision in = read_postpone_decision(req.json());
              int64_t id = req.param_int("id");
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return decide_postponement(c, by, id, in); },
                  [&](db::Connection& c, int64_t t) { return topic_detail(c, req.user(), t); });
            },
            {"审批议题延期申请", kTag});
}

/// The topic page's answer after an act on an outcome or item of topic `topic_id`.
Json topic_answer(db::Connection& c, const http::Request& req, int64_t topic_id) {
  return topic_detail(c, req.user(), topic_id);
}

int64_t topic_of_outcome(db::Connection& c, int64_t id) {
  auto r = c.exec(sql::kTopicOfOutcome, {id});
  return r.empty() ? 0 : r.one().integer(0);
}
int64_t topic_of_item(db::Connection& c, int64_t id) {
  auto r = c.exec(sql::kTopicOfItem, {id});
  return r.empty() ? 0 : r.one().integer(0);
}

void register_outcome_routes(App& app) {
  app.route(http::Method::POST, "/api/v1/consultations/topics/{id:int}/outcomes",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t topic = req.param_int("id");
              {
                auto c = app.db().acquire();
                require_topic_visible(*c, req.user(), topic);  // 404 for a topic out of sight, before the fields
              }
              OutcomeInput in = read_outcome_input(req.json(), true);
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return create_outcome(c, by, topic, in); },
                  [&](db::Connection& c, int64_t) { return topic_answer(c, req, topic); }, 201);
            },
            {"起草协商成果（意见建议、调研报告、建议案、协商要报）", kTag});

  app.route(http::Method::PATCH, "/api/v1/consultations/outcomes/{id:int}",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              OutcomeInput in = read_outcome_input(req.json(), false);
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return update_outcome(c, by, id, in); },
                  [&](db::Connection& c, int64_t o) { return topic_answer(c, req, topic_of_outcome(c, o)); });
            },
            {"修改起草中的协商成果", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/outcomes/{id:int}/transitions",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              OutcomeStepInput in = read_outcome_step(req.json());
              return run(
                  app, req,
                  [&](db::Connection& c, const Caller& by) {
                    authorise_outcome_step(c, by, id, in);
                    OutcomeStepFields fields = read_outcome_step_fields(in.action, req.json());
                    return outcome_step(c, by, id, in, fields);
                  },
                  [&](db::Connection& c, int64_t o) { return topic_answer(c, req, topic_of_outcome(c, o)); });
            },
            {"协商成果的流程操作（提交审定、审定、退回、报送、确认采纳情况）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/outcomes/{id:int}/instructions",
            [&app](http::Request& req) {
              require_office(req.user(), "登记领导批示");
              int64_t id = req.param_int("id");
              InstructionInput in = read_instruction_input(req.json());
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return record_instruction(c, by, id, in); },
                  [&](db::Connection& c, int64_t o) { return topic_answer(c, req, topic_of_outcome(c, o)); }, 201);
            },
            {"登记领导对协商成果的批示及责任单位", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/outcomes/{id:int}/follow-items",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              FollowItemInput in = read_follow_item_input(req.json());
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return add_follow_item(c, by, id, in); },
                  [&](db::Connection& c, int64_t) { return topic_answer(c, req, topic_of_outcome(c, id)); }, 201);
            },
            {"登记成果转化事项（责任单位、办理期限）", kTag});

  app.route(http::Method::GET, "/api/v1/consultations/follow-items",
            [&app](http::Request& req) {
              require_reader(req);
              FollowFilter f;
              if (auto s = req.query_param("state"); s && !s->empty()) {
                if (*s != "open" && *s != "done") throw ApiError::validation("state", "状态只能是办理中或已办结");
                f.state = *s;
              }
              f.late = req.query_param("late").value_or("") == "1";
              f.mine = req.query_param("mine").value_or("") == "1";
              f.unit_id = api::query_int(req, "unit_id");
              auto c = app.db().acquire();
              return http::Response::json(follow_items_list(*c, req.user(), f, clock::today()));
            },
            {"成果转化事项（本单位的，或全部；可筛选超期）", kTag});

  app.route(http::Method::GET, "/api/v1/consultations/follow-items/late-notice",
            [&app](http::Request& req) {
              if (!reads_all_follow_items(req.user()))
                throw ApiError::forbidden("只有政协办公室、领导和督查室可以下载督查通报");
              std::string number = api::trim(req.query_param("number").value_or(""));
              if (api::utf8_length(number) > 40) throw ApiError::validation("number", "期号最多40个字");
              auto c = app.db().acquire();
              auto f = late_notice(*c, req.user(), number, clock::today());
              return http::Response::file(kDocxType, f.bytes, f.filename);
            },
            {"下载协商成果转化督查通报（Word，列出超期事项）", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/follow-items/{id:int}/progress",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              std::string note = read_note(req.json(), "note");
              return run(
                  app, req,
                  [&](db::Connection& c, const Caller& by) { return record_follow_progress(c, by, id, note); },
                  [&](db::Connection& c, int64_t i) { return topic_answer(c, req, topic_of_item(c, i)); });
            },
            {"登记成果转化事项的办理进展", kTag});

  app.route(http::Method::POST, "/api/v1/consultations/follow-items/{id:int}/close",
            [&app](http::Request& req) {
              require_reader(req);
              int64_t id = req.param_int("id");
              std::string result = read_note(req.json(), "result");
              return run(
                  app, req, [&](db::Connection& c, const Caller& by) { return close_follow_item(c, by, id, result); },
                  [&](db::Connection& c, int64_t i) { return topic_answer(c, req, topic_of_item(c, i)); });
            },
            {"成果转化事项办结", kTag});
}

}  // namespace

void register_consultations(App& app) {
  register_plan_routes(app);
  register_topic_routes(app);
  register_outcome_routes(app);
  register_publication_routes(app);
  register_research_routes(app);
  register_deliberation_routes(app);
  subscribe_notices(app);
}

}  // namespace sl
