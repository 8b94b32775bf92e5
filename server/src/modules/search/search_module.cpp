// Routes and wiring of the search module; the handlers live one concern per file (handlers.hpp).

#include "modules/search/search_module.hpp"

#include <spdlog/spdlog.h>

#include "modules/search/handlers.hpp"
#include "modules/search/indexer.hpp"
#include "modules/search/permissions.hpp"
#include "modules/search/replica.hpp"
#include "modules/search/similar_index.hpp"

namespace sl {

namespace {

constexpr const char* kTag = "search";

void register_routes(App& app) {
  app.route(http::Method::GET, "/api/v1/search",
            [&app](http::Request& req) { return http::Response::json(search::run_search(app, req, false)); },
            {"全文搜索（提案、答复；按权限）", kTag});
  app.route(http::Method::GET, "/api/v1/public/search",
            [&app](http::Request& req) { return http::Response::json(search::run_search(app, req, true)); },
            {"公开内容的全文搜索（无需登录）", kTag, http::Access::open});
  app.route(http::Method::GET, "/api/v1/search/hot",
            [&app](http::Request& req) { return http::Response::json(search::hot_searches(app, req)); },
            {"热门搜索词（近 30 天）", kTag});
  app.route(http::Method::POST, "/api/v1/proposals/similar",
            [&app](http::Request& req) { return http::Response::json(search::similar_proposals(app, req)); },
            {"撰写时查找相似提案", kTag});
  app.route(http::Method::GET, "/api/v1/proposals/merge-suggestions",
            [&app](http::Request& req) { return http::Response::json(search::merge_suggestions(app, req)); },
            {"并案建议（同一会议中相似的提案）", kTag});
  app.route(http::Method::GET, "/api/v1/proposals/{id:int}/unit-suggestions",
            [&app](http::Request& req) { return http::Response::json(search::unit_suggestions(app, req)); },
            {"交办时的承办单位建议", kTag});
  app.route(http::Method::GET, "/api/v1/search/status",
            [](http::Request& req) {
              search::require_staff_tools(req.user());
              auto& index = search::similar_index();
              Json out = {{"similar_ready", index.ready()},
                          {"similar_documents", index.size()},
                          {"similar_memory_bytes", index.memory_bytes()}};
              if (auto* replica = search::replica())
                out["replica"] = {{"ready", replica->ready()}, {"documents", replica->documents()}};
              return http::Response::json(out);
            },
            {"搜索索引状态", kTag});
}

}  // namespace

void register_search(App& app) {
  register_routes(app);
  app.events.subscribe("proposal.", [&app](const Event& e) {
    try {
      int64_t id = std::stoll(e.subject_id);
      app.db().transaction([&](db::Connection& c) { search::reindex_proposal(c, id); });
      if (auto* replica = search::replica()) replica->sync();
      auto c = app.db().acquire();
      search::update_similar(*c, id);
    } catch (const std::exception& ex) {
      spdlog::warn("search index: {} {} not indexed: {}", e.name, e.subject_id, ex.what());
    }
  });
}

}  // namespace sl
