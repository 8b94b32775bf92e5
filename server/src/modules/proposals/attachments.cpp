#include "modules/proposals/attachments.hpp"

#include <algorithm>

#include "core/api/resource.hpp"
#include "core/audit/audit.hpp"
#include "core/auth/password.hpp"
#include "core/files.hpp"
#include "core/http/multipart.hpp"
#include "modules/proposals/access.hpp"
#include "modules/proposals/queries.hpp"
#include "modules/proposals/store.hpp"

namespace sl::proposals {

namespace {

constexpr const char* kTag = "proposals";
constexpr size_t kMaxAttachmentBytes = size_t{20} * 1024 * 1024;
constexpr int kMaxAttachmentsPerProposal = 20;

Json item_json(const db::Row& r) {
  return {{"id", r.integer("id")},
          {"purpose", r.text("purpose")},
          {"filename", r.text("filename")},
          {"content_type", r.text("content_type")},
          {"size", r.integer("size")},
          {"sha256", r.text("sha256")},
          {"created_at", r.text("created_at")}};
}

/// The caller's relations to proposal row `p`.
Relations relations_to(db::Connection& c, const Principal& user, const db::Row& p) {
  return relations_of(c, user, p.integer("id"), p.integer("proposer_user_id"));
}

/// Which purpose a caller related to proposal row `p` by `rel` may attach for now, or throws.
std::string upload_purpose(const Relations& rel, const db::Row& p) {
  auto state = parse_state(p.text("state"));
  for (const auto& rule : upload_rules()) {
    if (!state || !in(rule.states, *state)) continue;
    for (Actor a : rule.actors)
      if (rel.has(a)) return rule.purpose;
  }
  throw ApiError::forbidden("当前阶段您不能为该提案上传附件");
}

/// The unit a reply file of `rel`'s caller is filed under: the first unit they lead or co-handle
/// the proposal for (none for the proposer's own files).
db::Value uploader_unit(const Relations& rel) {
  if (!rel.lead_units.empty()) return rel.lead_units.front();
  if (!rel.co_units.empty()) return rel.co_units.front();
  return nullptr;
}

/// Files follow what they belong to: the proposal's own files go with the proposal; a unit's reply
/// files reach others than the handlers only once that unit's reply is released (a file of
/// unknown unit, from before units were recorded, once any reply is).
std::string visible_files_condition(const Relations& rel, const Principal& user) {
  if (handles_proposal(rel, user)) return "1=1";
  return sql::kFileVisibleOutsideHandlers;
}

}  // namespace

void register_attachments(App& app) {
  http::RouteMeta upload{"上传提案附件（PDF、Word、图片）", kTag};
  upload.max_body =
      std::min<size_t>(static_cast<size_t>(app.config.http.upload_limit), kMaxAttachmentBytes + size_t{64} * 1024);
  upload.body = http::BodyKind::multipart;
  app.route(
      http::Method::POST, "/api/v1/proposals/{id:int}/attachments",
      [&app](http::Request& req) {
        const auto& user = req.user();
        int64_t id = req.param_int("id");
        auto file = http::uploaded_file(req);
        if (file.content.empty()) throw ApiError::validation("file", "文件为空");
        if (file.content.size() > kMaxAttachmentBytes)
          throw ApiError(ErrorCode::payload_too_large, "附件不能超过 20 MB");
        const files::FileKind* kind = files::sniff(file.content);
        if (!kind)
          throw ApiError(ErrorCode::unsupported_media_type, "只能上传 PDF、Word（.doc/.docx）或图片（PNG、JPEG）文件");
        std::string name = api::trim(file.filename);
        if (name.empty()) name = std::string("附件.") + kind->extension;
        if (api::utf8_length(name) > 100) throw ApiError::validation("file", "文件名不能超过 100 个字");
        Json answer = app.db().transaction([&](db::Connection& c) {
          db::Row p = load_visible(c, user, id);
          Relations rel = relations_to(c, user, p);
          std::string purpose = upload_purpose(rel, p);
          db::Value unit = purpose == "reply" ? uploader_unit(rel) : db::Value(nullptr);
          if (c.exec(sql::kCountAttachments, {id}).one().integer(0) >= kMaxAttachmentsPerProposal)
            throw ApiError::conflict("每件提案最多 20 个附件");
          std::string hash = auth::sha256_hex(file.content);
          auto r =
              c.exec(sql::kInsertAttachment, {user.committee_id, id, purpose, name, std::string(kind->content_type),
                                              static_cast<int64_t>(file.content.size()), hash,
                                              files::to_base64(file.content), user.user_id, db::now_iso(), unit});
          Json item = item_json(r.one());
          auto e = audit::entry_for(req, "proposal.attach", "proposal", std::to_string(id));
          e.after = item;
          audit::record(c, e);
          return item;
        });
        return http::Response::json(answer, 201);
      },
      upload);

  app.route(http::Method::GET, "/api/v1/proposals/{id:int}/attachments",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              db::Row p = load_visible(*c, req.user(), req.param_int("id"));
              std::vector<db::Value> params = {req.param_int("id")};
              std::string visible = visible_files_condition(relations_to(*c, req.user(), p), req.user());
              Json items = Json::array();
              for (const auto& r : c->exec(sql::kListAttachmentsWhere + visible + " ORDER BY a.id", params).rows)
                items.push_back(item_json(r));
              return http::Response::json({{"items", items}});
            },
            {"提案附件列表", kTag});

  app.route(http::Method::GET, "/api/v1/proposals/{id:int}/attachments/{attachment_id:int}",
            [&app](http::Request& req) {
              auto c = app.db().acquire();
              db::Row p = load_visible(*c, req.user(), req.param_int("id"));
              std::vector<db::Value> params = {req.param_int("id"), req.param_int("attachment_id")};
              std::string visible = visible_files_condition(relations_to(*c, req.user(), p), req.user());
              auto r = c->exec(sql::kAttachmentContentWhere + visible, params);
              if (r.empty()) throw ApiError::not_found("附件");
              return http::Response::file(r.one().text("content_type"), files::from_base64(r.one().text("data")),
                                          r.one().text("filename"));
            },
            {"下载提案附件", kTag});

  app.route(http::Method::DELETE, "/api/v1/proposals/{id:int}/attachments/{attachment_id:int}",
            [&app](http::Request& req) {
              const auto& user = req.user();
              int64_t id = req.param_int("id");
              app.db().transaction([&](db::Connection& c) {
                db::Row p = load_visible(c, user, id);
                Relations rel = relations_to(c, user, p);
                std::vector<db::Value> params = {id, req.param_int("attachment_id")};
                std::string visible = visible_files_condition(rel, user);
                auto r = c.exec(sql::kAttachmentWhere + visible, params);
                if (r.empty()) throw ApiError::not_found("附件");
                // Proposal staff may remove any file; others only their own side's, while they may
                // still attach (the proposer's in a draft, a unit's own reply files in handling).
                if (!rel.has(Actor::proposal_staff)) {
                  const auto& a = r.one();
                  std::string purpose = upload_purpose(rel, p);
                  bool own_unit =
                      a.is_null("unit_id")
                          ? a.integer("uploaded_by") == user.user_id
                          : std::count(rel.lead_units.begin(), rel.lead_units.end(), a.integer("unit_id")) +
                                    std::count(rel.co_units.begin(), rel.co_units.end(), a.integer("unit_id")) >
                                0;
                  if (a.text("purpose") != purpose || (purpose == "reply" && !own_unit))
                    throw ApiError::forbidden("不能删除他人上传的附件");
                }
                c.exec(sql::kDeleteAttachment, {req.param_int("attachment_id")});
                auto e = audit::entry_for(req, "proposal.detach", "proposal", std::to_string(id));
                e.before = item_json(r.one());
                audit::record(c, e);
              });
              return http::Response::no_content();
            },
            {"删除提案附件", kTag});
}

}  // namespace sl::proposals
