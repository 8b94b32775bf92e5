#include "modules/meetings/meetings_module.hpp"

#include "core/api/validation.hpp"
#include "core/command.hpp"
#include "modules/meetings/commands.hpp"
#include "modules/meetings/documents.hpp"
#include "modules/meetings/notices.hpp"
#include "modules/meetings/payloads.hpp"
#include "modules/meetings/queries.hpp"
#include "modules/meetings/store.hpp"

namespace sl {

namespace {

constexpr const char* kTag = "meetings";
using namespace meetings;

/// Runs `command` in one transaction, publishes its event, and answers with the meeting as the
/// caller sees it.
template <class Command>
http::Response run_command(App& app, const http::Request& req, Command&& command, int status = 200) {
  Outcome out = run_in_transaction(app, req, std::forward<Command>(command));
  auto c = app.db().acquire();
  return http::Response::json(meeting_detail(*c, req.user(), out.id, clock::now()), status);
}

/// A manager-only action: the access check, then the body's fields, then the command.
template <class Read, class Command>
http::Response managed(App& app, const http::Request& req, Read&& read, Command&& command) {
  const int64_t id = req.param_int("id");
  return run_command(app, req, [&](db::Connection& c, const Caller& by) {
    load_managed(c, by.user, id);
    auto in = read(req.json());
    return command(c, by, id, in);
  });
}

/// A body with no fields.
bool read_nothing(const Json& body) {
  api::Validator v(body);
  v.finish();
  return true;
}

http::RouteMeta meta(const char* summary, Json schema = nullptr) {
  http::RouteMeta m{summary, kTag};
  m.request_schema = std::move(schema);
  return m;
}

void register_meeting_routes(App& app) {
  app.route(http::Method::GET, "/api/v1/meetings/options",
            [](http::Request&) { return http::Response::json(options_json()); }, {"会议活动的类型与各项状态", kTag});
  app.route(http::Method::GET, "/api/v1/meetings",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              return http::Response::json(meeting_list(*c, req, clock::now()));
            },
            {"会议活动列表（按角色限定范围）", kTag});
  app.route(http::Method::GET, "/api/v1/meetings/mine",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              return http::Response::json(my_meetings(*c, req.user(), clock::now()));
            },
            {"我的活动：待回执、即将召开、已参加", kTag});
  app.route(
      http::Method::POST, "/api/v1/meetings",
      [&app](http::Request& req) {
        return run_command(
            app, req,
            [&](db::Connection& c, const Caller& by) {
              if (!may_create(by.user, std::nullopt) && by.user.grants_of(Role::committee_staff).empty())
                throw ApiError::forbidden("只有政协办、提案委和专委会工作人员可以安排会议");
              return create_meeting(c, by, read_meeting_input(req.json(), nullptr, nullptr));
            },
            201);
      },
      meta("安排会议活动", meeting_schema(true)));
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              return http::Response::json(meeting_detail(*c, req.user(), req.param_int("id"), clock::now()));
            },
            {"会议详情（含当前可执行的操作）", kTag});
  app.route(
      http::Method::PATCH, "/api/v1/meetings/{id:int}",
      [&app](http::Request& req) {
        const int64_t id = req.param_int("id");
        return run_command(app, req, [&](db::Connection& c, const Caller& by) {
          Loaded l = load_managed(c, by.user, id);
          int64_t version = 0;
          auto in = read_meeting_input(req.json(), &l.row, &version);
          return update_meeting(c, by, id, version, in);
        });
      },
      meta("修改会议活动", meeting_schema(false)));
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/cancel",
            [&app](http::Request& req) {
              return managed(
                  app, req,
                  [](const Json& body) {
                    api::Validator v(body);
                    auto reason = v.text("reason", api::Presence::optional, 500, true).value_or("");
                    v.finish();
                    return reason;
                  },
                  [](db::Connection& c, const Caller& by, int64_t id, const std::string& reason) {
                    return cancel_meeting(c, by, id, reason);
                  });
            },
            {"取消会议活动", kTag});

  // ---------- invitees, notice, replies ----------
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}/invitees",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              return http::Response::json(invitee_list(*c, req.user(), req.param_int("id")));
            },
            {"参会人员名单（含回执、请假与出勤）", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/invitees",
            [&app](http::Request& req) {
              return managed(app, req, read_invite_input,
                             [](db::Connection& c, const Caller& by, int64_t id, const InviteInput& in) {
                               return invite(c, by, id, in);
                             });
            },
            {"邀请参会人员（按名单、界别、专委会、党派、常委、单位或嘉宾）", kTag});
  app.route(http::Method::DELETE, "/api/v1/meetings/{id:int}/invitees/{invitee_id:int}",
            [&app](http::Request& req) {
              run_in_transaction(app, req, [&](db::Connection& c, const Caller& by) {
                return uninvite(c, by, req.param_int("id"), req.param_int("invitee_id"));
              });
              return http::Response::no_content();
            },
            {"移出参会人员", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/notify",
            [&app](http::Request& req) {
              return managed(app, req, read_nothing, [](db::Connection& c, const Caller& by, int64_t id, bool) {
                return notify_meeting(c, by, id);
              });
            },
            {"发送会议通知（站内信与短信）", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/remind",
            [&app](http::Request& req) {
              return managed(app, req, read_nothing,
                             [](db::Connection& c, const Caller& by, int64_t id, bool) { return remind(c, by, id); });
            },
            {"催办回执（提醒尚未回执的人员，每天一次）", kTag});
  app.route(http::Method::PUT, "/api/v1/meetings/{id:int}/reply",
            [&app](http::Request& req) {
              const int64_t id = req.param_int("id");
              return run_command(app, req, [&](db::Connection& c, const Caller& by) {
                Loaded l = load_meeting(c, by.user, id);
                if (!l.mine) throw ApiError::forbidden("您不在本次会议的参会名单中");
                api::Validator v(req.json());
                auto answer = v.one_of("reply", api::Presence::required, {"attend", "leave"});
                auto reason = v.text("reason", api::Presence::optional, 500, true);
                v.finish();
                return reply(c, by, id, *answer, reason.value_or(""));
              });
            },
            {"会议回执：参加或请假（更改回执会被记录）", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/invitees/{invitee_id:int}/leave",
            [&app](http::Request& req) {
              const int64_t iid = req.param_int("invitee_id");
              return managed(
                  app, req,
                  [](const Json& body) {
                    api::Validator v(body);
                    auto d = v.one_of("decision", api::Presence::required, {"approve", "reject"});
                    auto note = v.text("note", api::Presence::optional, 500, true);
                    v.finish();
                    return std::make_pair(*d == "approve", note.value_or(""));
                  },
                  [iid](db::Connection& c, const Caller& by, int64_t id, const std::pair<bool, std::string>& in) {
                    return decide_leave(c, by, id, iid, in.first, in.second);
                  });
            },
            {"审批请假", kTag});

  // ---------- sign-in and attendance ----------
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}/sign-in-code",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              return http::Response::json(sign_in_code(*c, caller_of(req), req.param_int("id")));
            },
            {"签到二维码（每30秒更换，会前60分钟至会议结束有效）", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/sign-in",
            [&app](http::Request& req) {
              const int64_t id = req.param_int("id");
              Outcome out = run_in_transaction(app, req, [&](db::Connection& c, const Caller& by) {
                Loaded l = load_meeting(c, by.user, id);
                api::Validator v(req.json());
                auto token = v.text("token", api::Presence::required, 100);
                v.finish();
                return sign_in(c, by, id, *token);
              });
              auto c = app.db().acquire();
              return http::Response::json(meeting_detail(*c, req.user(), out.id, clock::now()));
            },
            {"扫码签到", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/invitees/{invitee_id:int}/attendance",
            [&app](http::Request& req) {
              const int64_t iid = req.param_int("invitee_id");
              return managed(
                  app, req,
                  [](const Json& body) {
                    api::Validator v(body);
                    auto s = v.one_of("status", api::Presence::required, {"present", "absent"});
                    auto reason = v.text("reason", api::Presence::required, 500);
                    v.finish();
                    return std::make_pair(*s == "present", *reason);
                  },
                  [iid](db::Connection& c, const Caller& by, int64_t id, const std::pair<bool, std::string>& in) {
                    return mark_attendance(c, by, id, iid, in.first, in.second);
                  });
            },
            {"手工记录出勤（须说明理由）", kTag});
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}/board",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              return http::Response::json(board(*c, req.user(), req.param_int("id")));
            },
            {"签到看板：应到、已签到、请假、缺席、未回执", kTag});

  // ---------- speeches ----------
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}/speeches",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              return http::Response::json(speech_list(*c, req.user(), req.param_int("id")));
            },
            {"会议发言", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/speeches",
            [&app](http::Request& req) {
              const int64_t id = req.param_int("id");
              Outcome out = run_in_transaction(app, req, [&](db::Connection& c, const Caller& by) {
                Loaded l = load_meeting(c, by.user, id);
                if (!l.mine) throw ApiError::forbidden("您不在本次会议的参会名单中");
                return apply_speech(c, by, id, read_speech_input(req.json()));
              });
              auto c = app.db().acquire();
              return http::Response::json(speech_list(*c, req.user(), out.id), 201);
            },
            {"申请发言（口头或书面）", kTag});
  app.route(http::Method::PUT, "/api/v1/meetings/{id:int}/speeches/order",
            [&app](http::Request& req) {
              return managed(
                  app, req,
                  [](const Json& body) {
                    api::Validator v(body);
                    auto ids = v.id_list("ids", api::Presence::required);
                    v.finish();
                    return *ids;
                  },
                  [](db::Connection& c, const Caller& by, int64_t id, const std::vector<int64_t>& ids) {
                    return order_speeches(c, by, id, ids);
                  });
            },
            {"安排发言顺序", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/speeches/{speech_id:int}/decision",
            [&app](http::Request& req) {
              const int64_t sid = req.param_int("speech_id");
              return managed(
                  app, req,
                  [](const Json& body) {
                    api::Validator v(body);
                    auto d = v.one_of("decision", api::Presence::required, {"arrange", "decline"});
                    v.finish();
                    return *d == "arrange";
                  },
                  [sid](db::Connection& c, const Caller& by, int64_t id, bool arrange) {
                    return decide_speech(c, by, id, sid, arrange);
                  });
            },
            {"安排或不安排发言", kTag});

  // ---------- minutes ----------
  app.route(http::Method::PUT, "/api/v1/meetings/{id:int}/minutes",
            [&app](http::Request& req) {
              return managed(
                  app, req,
                  [](const Json& body) {
                    api::Validator v(body);
                    auto text = v.text("text", api::Presence::required, 50000, true);
                    v.finish();
                    return *text;
                  },
                  [](db::Connection& c, const Caller& by, int64_t id, const std::string& text) {
                    return save_minutes(c, by, id, text);
                  });
            },
            {"撰写会议纪要", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/minutes/approve",
            [&app](http::Request& req) {
              return managed(app, req, read_nothing, [](db::Connection& c, const Caller& by, int64_t id, bool) {
                return approve_minutes(c, by, id);
              });
            },
            {"审定会议纪要", kTag});
}

}  // namespace

void register_meetings(App& app) {
  register_meeting_routes(app);
  meetings::register_documents(app);
  meetings::subscribe_notices(app);
}

}  // namespace sl
