#include "modules/org/me.hpp"

#include "core/api/resource.hpp"
#include "core/audit/audit.hpp"
#include "modules/auth/sms_codes.hpp"
#include "modules/org/member_accounts.hpp"
#include "modules/org/queries.hpp"
#include "modules/org/specs.hpp"

namespace sl::org {

namespace {
/// Accepts (`accept`) or declines the pending link of member `member_id` to the caller's own
/// account, with its audit record; 404 when no such request waits for the caller.
void answer_member_link(App& app, const http::Request& req, int64_t member_id, bool accept) {
  const auto& p = req.user();
  app.db().transaction([&](db::Connection& c) {
    auto r = c.exec(sql::kSelectPendingLink, {member_id, p.user_id});
    if (r.empty()) throw ApiError::not_found("待确认的委员关联");
    int64_t committee_id = r.one().integer("committee_id");
    if (accept) {
      c.exec(sql::kAcceptLink, {p.user_id, db::now_iso(), member_id});
      grant_member_role(c, p.user_id, committee_id);
    } else {
      c.exec(sql::kDeclineLink, {db::now_iso(), member_id});
    }
    auto e = audit::entry_for(req, accept ? "member.link_accept" : "member.link_decline", "member",
                              std::to_string(member_id));
    e.committee_id = committee_id;
    e.after = {{"member_id", member_id}, {"user_id", p.user_id}, {"accepted", accept}};
    audit::record(c, e);
  });
}
}  // namespace

void register_me(App& app) {
  app.route(http::Method::GET, "/api/v1/me/member-links",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              Json items = Json::array();
              for (const auto& r : c->exec(sql::kSelectPendingLinks, {req.user().user_id}).rows)
                items.push_back({{"member_id", r.integer(0)},
                                 {"committee_id", r.integer(1)},
                                 {"committee_name", r.text(2)},
                                 {"member_name", r.text(3)},
                                 {"sector_name", r.text(4)},
                                 {"created_at", r.text(5)}});
              return http::Response::json({{"items", items}});
            },
            {"待本人确认的委员账号关联", "org"});
  app.route(http::Method::POST, "/api/v1/me/member-links/{id:int}/accept",
            [&app](http::Request& req) {
              answer_member_link(app, req, req.param_int("id"), true);
              return http::Response::no_content();
            },
            {"同意将本人账号关联为该委员会委员", "org"});
  app.route(http::Method::POST, "/api/v1/me/member-links/{id:int}/decline",
            [&app](http::Request& req) {
              answer_member_link(app, req, req.param_int("id"), false);
              return http::Response::no_content();
            },
            {"拒绝委员账号关联", "org"});

  app.route(http::Method::GET, "/api/v1/members/directory",
            [&app](http::Request& req) {
              // Enough to pick co-signers: any signed-in user of the committee may search.
              const auto& p = req.user();
              auto q = api::parse_list_query(req);
              std::vector<db::Value> params = {p.committee_id};
              std::string where = "m.committee_id = $1 AND m.status = 'active'";
              if (!q.q.empty()) where += " AND m.name LIKE " + api::add_param(params, "%" + q.q + "%");
              auto c = app.db().acquire();
              int64_t total = c->exec(sql::kCountMembersWhere + where, params).one().integer(0);
              Json items = Json::array();
              for (const auto& r :
                   c->exec(sql::kMemberDirectoryWhere + where + " ORDER BY m.name, m.id LIMIT " +
                               api::add_param(params, q.page_size) + " OFFSET " + api::add_param(params, q.offset()),
                           params)
                       .rows) {
                // Namesakes are told apart by employer and the mobile's last four digits; the
                // whole number is never shown here.
                std::string mobile = r.text(4);
                items.push_back({{"id", r.integer(0)},
                                 {"name", r.text(1)},
                                 {"sector_name", r.text(2)},
                                 {"employer", r.text(3)},
                                 {"mobile_tail", mobile.size() >= 4 ? mobile.substr(mobile.size() - 4) : ""}});
              }
              return http::Response::json(api::list_envelope(std::move(items), total, q));
            },
            {"委员名录（姓名、界别、工作单位与手机尾号，用于选择联名人）", "org"});

  app.route(http::Method::GET, "/api/v1/me/member",
            [&app](http::Request& req) {
              const auto& p = req.user();
              auto c = app.db().acquire();
              auto r = c->exec(sql::kMemberOfUser, {p.user_id, p.committee_id});
              if (r.empty()) throw ApiError::not_found("本人的委员信息");
              auto spec = member_spec(app);
              Json item = api::row_to_json(r.one(), spec);
              api::decorate_item(*c, spec, req, item);
              return http::Response::json(item);
            },
            {"我的委员信息", "org"});

  app.route(http::Method::POST, "/api/v1/me/mobile",
            [&app](http::Request& req) {
              api::Validator v(req.json());
              const auto& p = req.user();
              std::string mobile;
              {
                // The try is counted whatever follows: checked outside the transaction.
                auto c = app.db().acquire();
                mobile = auth_module::verified_mobile(*c, v, "mobile", "change_mobile");
              }
              app.db().transaction([&](db::Connection& c) {
                if (!c.exec(sql::kMobileOfOtherUser, {mobile, p.user_id}).empty())
                  throw ApiError::validation("mobile", "该手机号已被其他账号使用");
                auto before = c.exec(sql::kUserMobile, {p.user_id}).one().text(0);
                c.exec(sql::kSetUserMobile, {mobile, db::now_iso(), p.user_id});
                c.exec(sql::kSetMembersMobile, {mobile, db::now_iso(), p.user_id});
                auto e = audit::entry_for(req, "user.change_mobile", "user", std::to_string(p.user_id));
                e.before = {{"mobile", before}};
                e.after = {{"mobile", mobile}};
                audit::record(c, e);
              });
              return http::Response::json({{"mobile", mobile}});
            },
            {"更换本人手机号（短信验证）", "org"});
}

}  // namespace sl::org
