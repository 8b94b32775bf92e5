#include "modules/meetings/meetings_module.hpp"

#include <type_traits>

#include "core/command.hpp"
#include "modules/meetings/commands.hpp"
#include "modules/meetings/documents.hpp"
#include "modules/meetings/notices.hpp"
#include "modules/meetings/payloads.hpp"
#include "modules/meetings/store.hpp"

namespace sl {

namespace {

constexpr const char* kTag = "meetings";
using namespace meetings;

/// Who may act on meeting {id}, checked before the body is read, so a caller without the right
/// learns 404 or 403, not the fields' rules: anyone who sees it, an invitee, or a manager.
enum class Gate { visible, invitee, manager };

void pass(db::Connection& c, const Principal& p, int64_t id, Gate gate) {
  if (gate == Gate::manager) {
    load_managed(c, p, id);
    return;
  }
  Loaded l = load_meeting(c, p, id);
  if (gate == Gate::invitee && !l.mine) throw ApiError::forbidden("您不在本次会议的参会名单中");
}

/// Action `command` on meeting {id} in one transaction: the gate, then the body read by `read`,
/// then `command(c, by, id, input)` (`command(c, by, id)` for a body of no fields); the event is
/// published after commit.
template <class Read, class Command>
Outcome act(App& app, const http::Request& req, Gate gate, Read&& read, Command&& command) {
  const int64_t id = req.param_int("id");
  return run_in_transaction(app, req, [&](db::Connection& c, const Caller& by) {
    pass(c, by.user, id, gate);
    auto in = read(req.json());
    if constexpr (std::is_same_v<decltype(in), NoFields>)
      return command(c, by, id);
    else
      return command(c, by, id, in);
  });
}

/// The answer to a command: the meeting it acted on as the caller now sees it.
http::Response meeting_answer(App& app, const http::Request& req, const Outcome& out, int status = 200) {
  auto c = app.db().acquire();
  return http::Response::json(meeting_detail(*c, req.user(), out.id, clock::now()), status);
}

/// `act`, answered with the meeting.
template <class Read, class Command>
http::Response perform(App& app, const http::Request& req, Gate gate, Read&& read, Command&& command) {
  return meeting_answer(app, req, act(app, req, gate, std::forward<Read>(read), std::forward<Command>(command)));
}

/// A read of meeting {id}: `read(connection, principal, id)` answered as JSON.
template <class Read>
http::Handler view(App& app, Read read) {
  return [&app, read](http::Request& req) {
    auto c = app.db().acquire();
    return http::Response::json(read(*c, req.user(), req.param_int("id")));
  };
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
        Outcome out = run_in_transaction(app, req, [&](db::Connection& c, const Caller& by) {
          require_arranger(by.user);
          return create_meeting(c, by, read_meeting_input(req.json(), nullptr, nullptr));
        });
        return meeting_answer(app, req, out, 201);
      },
      meta("安排会议活动", meeting_schema(true)));
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}",
            view(app, [](db::Connection& c, const Principal& p,
                         int64_t id) { return meeting_detail(c, p, id, clock::now()); }),
            {"会议详情（含当前可执行的操作）", kTag});
  app.route(
      http::Method::PATCH, "/api/v1/meetings/{id:int}",
      [&app](http::Request& req) {
        const int64_t id = req.param_int("id");
        Outcome out = run_in_transaction(app, req, [&](db::Connection& c, const Caller& by) {
          Loaded l = load_managed(c, by.user, id);
          int64_t version = 0;
          auto in = read_meeting_input(req.json(), &l.row, &version);
          return update_meeting(c, by, id, version, in);
        });
        return meeting_answer(app, req, out);
      },
      meta("修改会议活动", meeting_schema(false)));
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/cancel",
            [&app](http::Request& req) { return perform(app, req, Gate::manager, read_cancel_reason, cancel_meeting); },
            {"取消会议活动", kTag});

  // ---------- invitees, notice, replies ----------
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}/invitees", view(app, invitee_list),
            {"参会人员名单（含回执、请假与出勤）", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/invitees",
            [&app](http::Request& req) { return perform(app, req, Gate::manager, read_invite_input, invite); },
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
            [&app](http::Request& req) { return perform(app, req, Gate::manager, read_nothing, notify_meeting); },
            {"发送会议通知（站内信与短信）", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/remind",
            [&app](http::Request& req) { return perform(app, req, Gate::manager, read_nothing, remind); },
            {"催办回执（提醒尚未回执的人员，每天一次）", kTag});
  app.route(http::Method::PUT, "/api/v1/meetings/{id:int}/reply",
            [&app](http::Request& req) {
              return perform(app, req, Gate::invitee, read_reply_input,
                             [](db::Connection& c, const Caller& by, int64_t id, const ReplyInput& in) {
                               return reply(c, by, id, in.answer, in.reason);
                             });
            },
            {"会议回执：参加或请假（更改回执会被记录）", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/invitees/{invitee_id:int}/leave",
            [&app](http::Request& req) {
              const int64_t invitee = req.param_int("invitee_id");
              return perform(app, req, Gate::manager, read_leave_decision,
                             [invitee](db::Connection& c, const Caller& by, int64_t id, const LeaveDecision& in) {
                               return decide_leave(c, by, id, invitee, in.approve, in.note);
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
            [&app](http::Request& req) { return perform(app, req, Gate::visible, read_sign_in_token, sign_in); },
            {"扫码签到", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/invitees/{invitee_id:int}/attendance",
            [&app](http::Request& req) {
              const int64_t invitee = req.param_int("invitee_id");
              return perform(app, req, Gate::manager, read_attendance_input,
                             [invitee](db::Connection& c, const Caller& by, int64_t id, const AttendanceInput& in) {
                               return mark_attendance(c, by, id, invitee, in.present, in.reason);
                             });
            },
            {"手工记录出勤（须说明理由）", kTag});
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}/board", view(app, board),
            {"签到看板：应到、已签到、请假、缺席、未回执", kTag});

  // ---------- speeches ----------
  app.route(http::Method::GET, "/api/v1/meetings/{id:int}/speeches", view(app, speech_list), {"会议发言", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/speeches",
            [&app](http::Request& req) {
              Outcome out = act(app, req, Gate::invitee, read_speech_input, apply_speech);
              auto c = app.db().acquire();
              return http::Response::json(speech_list(*c, req.user(), out.id), 201);
            },
            {"申请发言（口头或书面）", kTag});
  app.route(http::Method::PUT, "/api/v1/meetings/{id:int}/speeches/order",
            [&app](http::Request& req) { return perform(app, req, Gate::manager, read_speech_order, order_speeches); },
            {"安排发言顺序", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/speeches/{speech_id:int}/decision",
            [&app](http::Request& req) {
              const int64_t speech = req.param_int("speech_id");
              return perform(app, req, Gate::manager, read_speech_decision,
                             [speech](db::Connection& c, const Caller& by, int64_t id, bool arrange) {
                               return decide_speech(c, by, id, speech, arrange);
                             });
            },
            {"安排或不安排发言", kTag});

  // ---------- minutes ----------
  app.route(http::Method::PUT, "/api/v1/meetings/{id:int}/minutes",
            [&app](http::Request& req) { return perform(app, req, Gate::manager, read_minutes, save_minutes); },
            {"撰写会议纪要", kTag});
  app.route(http::Method::POST, "/api/v1/meetings/{id:int}/minutes/approve",
            [&app](http::Request& req) { return perform(app, req, Gate::manager, read_nothing, approve_minutes); },
            {"审定会议纪要", kTag});
}

}  // namespace

void register_meetings(App& app) {
  register_meeting_routes(app);
  meetings::register_documents(app);
  meetings::subscribe_notices(app);
}

}  // namespace sl
