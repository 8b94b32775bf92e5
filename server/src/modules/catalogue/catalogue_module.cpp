#include "modules/catalogue/catalogue_module.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/audit/audit.hpp"
#include "core/auth/queries.hpp"
#include "core/clock.hpp"
#include "core/docx/docx.hpp"
#include "modules/catalogue/bigrams.hpp"
#include "modules/catalogue/permissions.hpp"
#include "modules/catalogue/queries.hpp"
#include "modules/catalogue/store.hpp"

namespace sl {

namespace {

using catalogue::Group;
constexpr const char* kTag = "catalogue";
constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The whole catalogue of a session as the caller may see it.
Json catalogue_json(db::Connection& c, const http::Request& req, const catalogue::SessionRef& s) {
  const auto& p = req.user();
  Json out = catalogue::catalogue_header(c, p.committee_id, s.id);
  out["session_id"] = s.id;
  out["session_name"] = s.name;
  out["can_edit"] = catalogue::can_edit(p);
  out["topics"] = catalogue::session_topics(c, req, s.id);
  Json groups = Json::array();
  for (const auto& g : catalogue::claim_groups(c, p)) groups.push_back(catalogue::group_json(g));
  out["my_groups"] = groups;
  return out;
}

std::optional<int64_t> body_session(const Json& body) {
  if (body.contains("session_id") && body["session_id"].is_number_integer()) return body["session_id"].get<int64_t>();
  return std::nullopt;
}

/// Reads an optional claim_until (a date, or null to clear) from `v`; nullopt when absent.
std::optional<db::Value> read_claim_until(api::Validator& v, const Json& body) {
  if (!body.contains("claim_until")) return std::nullopt;
  if (body["claim_until"].is_null()) {
    v.raw("claim_until", api::Presence::optional);
    return db::Value(nullptr);
  }
  if (auto d = v.date("claim_until", api::Presence::optional)) return db::Value(*d);
  return std::nullopt;
}

void audit_catalogue(db::Connection& c, const http::Request& req, const std::string& action, int64_t session_id,
                     Json before, Json after) {
  auto e = audit::entry_for(req, "catalogue." + action, "catalogue", std::to_string(session_id));
  e.before = std::move(before);
  e.after = std::move(after);
  audit::record(c, e);
}

/// An editor's change to the catalogue of the session the body names (else the current one), in
/// one transaction: `read(v)` reads the request's own fields beside session_id, then
/// `write(c, session)` makes the change. Answers the catalogue as it is afterwards.
template <class Read, class Write>
Json edit_catalogue(App& app, const http::Request& req, Read&& read, Write&& write) {
  catalogue::require_editor(req);
  const Json& body = req.json();
  return app.db().transaction([&](db::Connection& c) {
    api::Validator v(body);
    v.id("session_id", api::Presence::optional);
    read(v);
    v.finish();
    auto s = catalogue::resolve_session(c, req.user(), body_session(body));
    write(c, s);
    return catalogue_json(c, req, s);
  });
}

/// Runs `change` on the state of session `s`'s catalogue (its row created first if need be) and
/// audits it as `action` with the state before and after.
template <class F>
void change_state(db::Connection& c, const http::Request& req, const catalogue::SessionRef& s,
                  const std::string& action, F&& change) {
  int64_t committee = req.user().committee_id;
  catalogue::ensure_catalogue(c, committee, s.id);
  Json before = catalogue::catalogue_header(c, committee, s.id);
  change();
  audit_catalogue(c, req, action, s.id, before, catalogue::catalogue_header(c, committee, s.id));
}

void register_state_routes(App& app) {
  app.route(http::Method::GET, "/api/v1/catalogue",
            [&app](http::Request& req) {
              catalogue::require_reader(req);
              auto c = app.db().acquire();
              auto s = catalogue::resolve_session(*c, req.user(), api::query_int(req, "session_id"));
              return http::Response::json(catalogue_json(*c, req, s));
            },
            {"会议的提案撰写参考目录（状态、选题与认领）", kTag});

  app.route(http::Method::PATCH, "/api/v1/catalogue",
            [&app](http::Request& req) {
              std::optional<db::Value> until;
              return http::Response::json(edit_catalogue(
                  app, req, [&](api::Validator& v) { until = read_claim_until(v, req.json()); },
                  [&](db::Connection& c, const catalogue::SessionRef& s) {
                    change_state(c, req, s, "update", [&] {
                      if (until) c.exec(catalogue::sql::kSetClaimUntil, {*until, db::now_iso(), s.id});
                    });
                  }));
            },
            {"设置参考目录的认领截止日期", kTag});

  auto set_state = [&app](http::Request& req, bool publish) {
    std::optional<db::Value> until;
    int64_t session_id = 0;
    Json answer = edit_catalogue(
        app, req,
        [&](api::Validator& v) {
          if (publish) until = read_claim_until(v, req.json());
        },
        [&](db::Connection& c, const catalogue::SessionRef& s) {
          session_id = s.id;
          if (publish && c.exec(catalogue::sql::kCountTopics, {s.id}).one().integer(0) == 0)
            throw ApiError::conflict("参考目录中还没有选题，不能发布");
          change_state(c, req, s, publish ? "publish" : "unpublish", [&] {
            std::string now = db::now_iso();
            if (publish) {
              c.exec(catalogue::sql::kPublishCatalogue, {now, req.user().name, s.id});
              if (until) c.exec(catalogue::sql::kSetClaimUntil, {*until, now, s.id});
            } else {
              c.exec(catalogue::sql::kUnpublishCatalogue, {now, s.id});
            }
          });
        });
    app.events.publish({publish ? "catalogue.published" : "catalogue.unpublished",
                        req.user().committee_id,
                        req.user().user_id,
                        std::to_string(session_id),
                        {{"session_id", session_id}}});
    return http::Response::json(answer);
  };
  app.route(http::Method::POST, "/api/v1/catalogue/publish",
            [set_state](http::Request& req) { return set_state(req, true); },
            {"发布参考目录（委员和党派界别可见）", kTag});
  app.route(http::Method::POST, "/api/v1/catalogue/unpublish",
            [set_state](http::Request& req) { return set_state(req, false); }, {"撤回发布，参考目录回到草稿", kTag});

  app.route(http::Method::POST, "/api/v1/catalogue/reorder",
            [&app](http::Request& req) {
              std::optional<std::vector<int64_t>> ids;
              return http::Response::json(edit_catalogue(
                  app, req, [&](api::Validator& v) { ids = v.id_list("topic_ids", api::Presence::required); },
                  [&](db::Connection& c, const catalogue::SessionRef& s) {
                    std::vector<int64_t> current;
                    for (const auto& r : c.exec(catalogue::sql::kTopicIdsInOrder, {s.id, req.user().committee_id}).rows)
                      current.push_back(r.integer(0));
                    auto sorted_new = *ids, sorted_cur = current;
                    std::sort(sorted_new.begin(), sorted_new.end());
                    std::sort(sorted_cur.begin(), sorted_cur.end());
                    if (sorted_new != sorted_cur)
                      throw ApiError::validation("topic_ids",
                                                 "排序须包含本会议参考目录的全部选题，且每个选题只出现一次");
                    for (size_t i = 0; i < ids->size(); ++i)
                      c.exec(catalogue::sql::kSetTopicSort, {static_cast<int64_t>(i + 1), db::now_iso(), (*ids)[i]});
                    audit_catalogue(c, req, "reorder", s.id, {{"topic_ids", current}}, {{"topic_ids", *ids}});
                  }));
            },
            {"调整参考目录选题顺序", kTag});
}

// ---- claims ----

Group pick_group(db::Connection& c, const Principal& p, const Json& body) {
  auto groups = catalogue::claim_groups(c, p);
  if (groups.empty()) throw ApiError::forbidden("只有党派、界别的联络人可以认领选题");
  api::Validator v(body);
  auto type = v.one_of("group_type", api::Presence::optional, {"party", "sector"});
  auto id = v.id("group_id", api::Presence::optional);
  v.finish();
  std::vector<Group> fit;
  for (const auto& g : groups)
    if ((!type || g.type == *type) && (!id || g.id == *id)) fit.push_back(g);
  if (fit.empty()) throw ApiError::forbidden("您不是所选党派或界别的联络人");
  if (fit.size() > 1) throw ApiError::validation("group_id", "请选择以哪个党派或界别认领");
  return fit.front();
}

/// The topic `id` of the caller's committee, locked for the rest of the transaction.
db::Row lock_topic(db::Connection& c, const Principal& p, int64_t id) {
  // An UPDATE takes the row lock on PostgreSQL (SQLite writers are serialised anyway), so two
  // groups claiming the same topic at once queue here and the second sees the first's claim.
  auto r = c.exec(catalogue::sql::kLockTopic, {id, p.committee_id});
  if (r.affected == 0) throw ApiError::not_found("参考选题");
  return c.exec(catalogue::sql::kTopic, {id}).one();
}

/// Records a claim's change (`action`: create, delete) with the claim before and after, and
/// answers the claimed topic as the caller now sees it.
Json claim_changed(db::Connection& c, const http::Request& req, const std::string& action, int64_t claim_id,
                   int64_t topic_id, Json before, Json after) {
  auto e = audit::entry_for(req, "catalogue_claim." + action, "catalogue_claim", std::to_string(claim_id));
  e.before = std::move(before);
  e.after = std::move(after);
  audit::record(c, e);
  return api::load_item(c, catalogue::topic_spec(), req, topic_id);
}

/// Tells the subscribers, after commit, that claim `claim_id` of topic `topic_id` was `event`.
void publish_claim(App& app, const Principal& p, const char* event, int64_t claim_id, int64_t topic_id) {
  app.events.publish(
      {event, p.committee_id, p.user_id, std::to_string(claim_id), {{"topic_id", topic_id}, {"claim_id", claim_id}}});
}

void register_claim_routes(App& app) {
  app.route(http::Method::POST, "/api/v1/catalogue/topics/{id:int}/claims",
            [&app](http::Request& req) {
              const auto& p = req.user();
              const Json& body = req.json();
              int64_t topic_id = req.param_int("id");
              int64_t claim_id = 0;
              Json answer;
              app.db().transaction([&](db::Connection& c) {
                Group g = pick_group(c, p, body);
                db::Row topic = lock_topic(c, p, topic_id);
                Json header = catalogue::catalogue_header(c, p.committee_id, topic.integer("session_id"));
                if (header["state"] != "published") throw ApiError::not_found("参考选题");
                if (!header["claims_open"].get<bool>())
                  throw ApiError::conflict("参考选题认领已于 " + header["claim_until"].get<std::string>() + " 截止");
                std::string others;
                for (const auto& r : c.exec(catalogue::sql::kClaimsOfTopic, {topic_id}).rows) {
                  if (r.text(0) == g.type && r.integer(1) == g.id)
                    throw ApiError::conflict(g.name + "已认领该选题，无需重复认领");
                  others += (others.empty() ? "" : "、") + r.text(2);
                }
                if (!others.empty() && topic.integer("allow_sharing") == 0)
                  throw ApiError::conflict(
                      "选题“" + topic.text("topic") + "”已由" + others +
                      "认领。每个选题只能由一个党派或界别认领；如需共同认领，请联系提案委员会开放共享。");
                claim_id = c.exec(catalogue::sql::kInsertClaim,
                                  {topic_id, g.type, g.id, g.name, p.user_id, p.name, db::now_iso()})
                               .one()
                               .integer(0);
                answer = claim_changed(
                    c, req, "create", claim_id, topic_id, nullptr,
                    {{"topic_id", topic_id}, {"topic", topic.text("topic")}, {"group", catalogue::group_json(g)}});
              });
              publish_claim(app, p, "catalogue_claim.created", claim_id, topic_id);
              return http::Response::json(answer, 201);
            },
            {"党派、界别认领参考选题（形成集体提案）", kTag});

  app.route(http::Method::DELETE, "/api/v1/catalogue/claims/{id:int}",
            [&app](http::Request& req) {
              const auto& p = req.user();
              int64_t claim_id = req.param_int("id");
              int64_t topic_id = 0;
              Json answer;
              app.db().transaction([&](db::Connection& c) {
                auto r = c.exec(catalogue::sql::kClaimWithTopic, {claim_id, p.committee_id});
                if (r.empty()) throw ApiError::not_found("认领记录");
                const auto& row = r.one();
                topic_id = row.integer(0);
                bool own = false;
                for (const auto& g : catalogue::claim_groups(c, p))
                  if (g.type == row.text(1) && g.id == row.integer(2)) own = true;
                catalogue::authorize_withdraw(p, own);
                lock_topic(c, p, topic_id);
                c.exec(catalogue::sql::kDeleteClaim, {claim_id});
                answer = claim_changed(c, req, "delete", claim_id, topic_id,
                                       {{"topic_id", topic_id},
                                        {"topic", row.text(5)},
                                        {"group_type", row.text(1)},
                                        {"group_id", row.integer(2)},
                                        {"group_name", row.text(3)},
                                        {"claimed_by_name", row.text(4)}},
                                       nullptr);
              });
              publish_claim(app, p, "catalogue_claim.deleted", claim_id, topic_id);
              return http::Response::json(answer);
            },
            {"撤回或移除参考选题的认领", kTag});
}

// ---- the draft check ----

void register_check(App& app) {
  app.route(http::Method::GET, "/api/v1/catalogue/check",
            [&app](http::Request& req) {
              catalogue::require_reader(req);
              const auto& p = req.user();
              auto c = app.db().acquire();
              auto topic_id = api::query_int(req, "topic_id");
              std::optional<int64_t> session_id = api::query_int(req, "session_id");
              if (topic_id) {
                auto r = c->exec(catalogue::sql::kTopicSession, {*topic_id, p.committee_id});
                if (r.empty()) throw ApiError::not_found("参考选题");
                session_id = r.one().integer(0);
              }
              auto s = catalogue::resolve_session(*c, p, session_id);
              std::string title = req.query_param("title").value_or("");
              std::string body = req.query_param("body").value_or("");
              if (api::utf8_length(title) > 200) throw ApiError::validation("title", "标题过长");
              // The draft's own group; without one, the groups the caller acts for.
              std::vector<std::pair<std::string, int64_t>> own;
              auto gt = req.query_param("group_type");
              auto gid = api::query_int(req, "group_id");
              if (gt && !gt->empty() && gid) {
                own.emplace_back(*gt, *gid);
              } else {
                for (const auto& g : catalogue::claim_groups(*c, p)) own.emplace_back(g.type, g.id);
              }
              auto is_own = [&](const Json& claim) {
                for (const auto& [t, id] : own)
                  if (claim["group_type"] == t && claim["group_id"] == id) return true;
                return false;
              };
              Json topics = catalogue::session_topics(*c, req, s.id);
              auto draft = catalogue::bigrams(title + "\n" + catalogue::first_chars(body, 300));
              bool has_text = !draft.empty();
              Json warnings = Json::array(), matches = Json::array(), picked = nullptr;
              std::vector<std::pair<double, Json>> scored;
              for (const auto& t : topics) {
                std::string others;
                for (const auto& cl : t["claims"])
                  if (!is_own(cl)) others += (others.empty() ? "" : "、") + cl["group_name"].get<std::string>();
                std::string name = t["topic"].get<std::string>();
                bool is_picked = topic_id && t["id"].get<int64_t>() == *topic_id;
                double score = 0;
                if (has_text)
                  score = catalogue::topic_score(draft, catalogue::bigrams(name),
                                                 catalogue::bigrams(name + "\n" + t["description"].get<std::string>()));
                int pct = static_cast<int>(std::lround(score * 100));
                Json brief = {{"topic_id", t["id"]},
                              {"topic", name},
                              {"category", t["category"]},
                              {"claimed_by", t["claimed_by"]},
                              {"suggested_units", t["suggested_units"]},
                              {"score", static_cast<double>(pct) / 100}};
                if (is_picked) picked = brief;
                if (is_picked && !others.empty()) {
                  Json w = brief;
                  w["kind"] = "claimed_topic";
                  w["other_groups"] = others;
                  w["message"] = "所选参考选题“" + name + "”已由" + others +
                                 "认领，将形成集体提案。请注意与其沟通协调，避免重复提案（仍可提交）。";
                  warnings.push_back(w);
                } else if (!others.empty() && score >= catalogue::kMatchThreshold) {
                  Json w = brief;
                  w["kind"] = "similar_claimed_topic";
                  w["other_groups"] = others;
                  w["message"] = "提案内容与" + others + "已认领的参考选题“" + name + "”相近（相似度 " +
                                 std::to_string(pct) + "%）。请注意避免重复提案（仍可提交）。";
                  warnings.push_back(w);
                }
                if (score >= catalogue::kMatchThreshold) scored.emplace_back(score, brief);
              }
              std::stable_sort(scored.begin(), scored.end(),
                               [](const auto& a, const auto& b) { return a.first > b.first; });
              for (size_t i = 0; i < scored.size() && i < 3; ++i) matches.push_back(scored[i].second);
              return http::Response::json({{"session_id", s.id},
                                           {"topic", picked},
                                           {"warnings", warnings},
                                           {"matches", matches},
                                           {"threshold", catalogue::kMatchThreshold}});
            },
            {"提交前检查：草稿是否与其他党派界别已认领的参考选题重复", kTag});
}

// ---- the Word export ----

void register_export(App& app) {
  app.route(http::Method::GET, "/api/v1/catalogue/export.docx",
            [&app](http::Request& req) {
              catalogue::require_reader(req);
              const auto& p = req.user();
              auto c = app.db().acquire();
              auto s = catalogue::resolve_session(*c, p, api::query_int(req, "session_id"));
              Json header = catalogue::catalogue_header(*c, p.committee_id, s.id);
              if (!catalogue::can_edit(p) && header["state"] != "published")
                throw ApiError::not_found("已发布的参考目录");
              Json topics = catalogue::session_topics(*c, req, s.id);
              std::string committee = c->exec(platform_sql::kCommitteeName, {p.committee_id}).one().text(0);
              docx::Document d;
              d.title(committee + s.name + "\n提案撰写参考目录");
              d.subtitle("（共 " + std::to_string(topics.size()) + " 个选题）");
              d.paragraph(
                  "为引导委员和各参加单位围绕全区中心工作和群众关心的问题深入调研、精准建言，提高提案质量，"
                  "提案委员会会同区委、区政府有关部门提出以下参考选题，供撰写提案时参考。参考选题不限制提案范围，"
                  "委员可结合本职工作和调研成果另行选题。标注认领的选题由相关党派、界别形成集体提案。");
              static const char* kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
              int group_no = 0, entry_no = 0;
              for (const auto& category : catalogue::categories_of(*c, p.committee_id, topics)) {
                bool any = false;
                for (const auto& t : topics) {
                  if (t["category"] != category) continue;
                  if (!any) {
                    d.heading1(std::string(kNumerals[group_no % 10]) + "、" + category);
                    ++group_no;
                    any = true;
                  }
                  d.heading3(std::to_string(++entry_no) + ". " + t["topic"].get<std::string>());
                  if (!t["description"].get<std::string>().empty()) d.paragraph(t["description"].get<std::string>());
                  std::string units;
                  for (const auto& u : t["suggested_units"])
                    units += (units.empty() ? "" : "、") + u["name"].get<std::string>();
                  if (!units.empty()) d.field("建议承办单位", units);
                  if (!t["proposed_by"].is_null() && !t["proposed_by"].get<std::string>().empty())
                    d.field("选题提出单位", t["proposed_by"].get<std::string>());
                  if (!t["claimed_by"].get<std::string>().empty())
                    d.field("认领情况", t["claimed_by"].get<std::string>() + "认领，形成集体提案");
                }
              }
              if (topics.empty()) d.paragraph("（暂无选题）");
              d.signature(committee + "提案委员会");
              int y = 0, m = 0, day = 0;
              std::sscanf(clock::today().c_str(), "%d-%d-%d", &y, &m, &day);
              d.date(y, m, day);
              return http::Response::file(kDocxType, d.build(), s.name + "提案撰写参考目录.docx");
            },
            {"下载参考目录（Word，公文格式）", kTag});
}

}  // namespace

void register_catalogue(App& app) {
  register_state_routes(app);
  register_claim_routes(app);
  register_check(app);
  register_export(app);
  api::register_resource(app, catalogue::topic_spec());
}

}  // namespace sl
