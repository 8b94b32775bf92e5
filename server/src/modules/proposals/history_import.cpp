#include "modules/proposals/history_import.hpp"

#include "core/api/upload.hpp"
#include "core/app.hpp"
#include "core/http/multipart.hpp"
#include "core/sheet/sheet.hpp"
#include "core/utf8.hpp"
#include "modules/proposals/history_import_internal.hpp"

// The routes of the historical import: the template, the preview and the commit. What they call
// is listed in history_import_internal.hpp.

namespace sl::proposals {

namespace {

using namespace history;

constexpr const char* kTag = "proposals";

/// The `mapping` part of the upload ({field: header or null}), when one was sent.
std::optional<Json> uploaded_mapping(const http::Request& req) {
  if (req.header("content-type").rfind("multipart/form-data", 0) != 0) return std::nullopt;
  std::string text;
  try {
    text = http::uploaded_file(req, "mapping").content;
  } catch (const ApiError&) {
    return std::nullopt;
  }
  if (trim_ascii(text).empty()) return std::nullopt;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw ApiError::validation("mapping", "列对应关系（mapping）应为 JSON 对象，如 {\"title\": \"案由\"}");
  return j;
}

/// The `category_map` and `unit_map` parts, when sent.
Resolutions uploaded_choices(const http::Request& req) {
  Resolutions out;
  if (req.header("content-type").rfind("multipart/form-data", 0) != 0) return out;
  for (const char* part : {"category_map", "unit_map"}) {
    std::string text;
    try {
      text = http::uploaded_file(req, part).content;
    } catch (const ApiError&) {
      continue;
    }
    (std::string(part) == "unit_map" ? out.units : out.categories) = parse_resolutions(part, text);
  }
  return out;
}

Sheet read_upload(const http::Request& req, std::string& filename) {
  auto file = http::uploaded_file(req);
  filename = file.filename;
  Sheet sheet = api::read_uploaded_sheet(file);
  if (sheet.rows.empty()) throw ApiError(ErrorCode::validation_failed, "文件中没有数据行");
  return sheet;
}

void authorize(const http::Request& req) {
  if (!is_proposal_staff(req.user())) throw ApiError::forbidden("只有管理员和提案委可以导入历史提案");
}

http::RouteMeta upload_meta(App& app, std::string summary) {
  http::RouteMeta m{std::move(summary), kTag};
  m.max_body = static_cast<size_t>(app.config.http.upload_limit);
  m.body = http::BodyKind::multipart;
  return m;
}

}  // namespace

void register_history_import(App& app) {
  app.route(http::Method::GET, "/api/v1/proposals/import/template",
            [](http::Request& req) {
              authorize(req);
              std::vector<std::string> header;
              std::vector<std::vector<std::string>> rows(2);
              for (const auto& f : fields()) {
                header.push_back(f.header);
                rows[0].push_back(f.example1);
                rows[1].push_back(f.example2);
              }
              std::string format = req.query_param("format").value_or("xlsx");
              if (format == "csv")
                return http::Response::file("text/csv; charset=utf-8", write_csv(header, rows), "历史提案导入模板.csv");
              if (format != "xlsx") throw ApiError::validation("format", "格式应为 xlsx 或 csv");
              return http::Response::file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          write_xlsx(header, rows, "历史提案"), "历史提案导入模板.xlsx");
            },
            {"下载历史提案导入模板", kTag});

  app.route(
      http::Method::POST, "/api/v1/proposals/import/preview",
      [&app](http::Request& req) {
        authorize(req);
        std::string filename;
        Sheet sheet = read_upload(req, filename);
        auto mapping = uploaded_mapping(req);
        auto choices = uploaded_choices(req);
        auto c = app.db().acquire();
        return http::Response::json(analysis_json(analyse(*c, req.user().committee_id, sheet, mapping, choices)));
      },
      upload_meta(app, "预览历史提案导入：识别列、建议对应关系、逐行检查（不写入）"));

  app.route(
      http::Method::POST, "/api/v1/proposals/import/commit",
      [&app](http::Request& req) {
        authorize(req);
        std::string filename;
        Sheet sheet = read_upload(req, filename);
        auto mapping = uploaded_mapping(req);
        auto choices = uploaded_choices(req);
        std::vector<int64_t> ids;
        int64_t import_id = 0;
        Json summary;
        try {
          app.db().transaction([&](db::Connection& c) {
            Analysis a = analyse(c, req.user().committee_id, sheet, mapping, choices);
            if (!a.missing.empty()) {
              std::string labels;
              for (const auto& m : a.missing) labels += (labels.empty() ? "" : "、") + m;
              throw ApiError(ErrorCode::validation_failed, "请先为这些字段选择文件中的列：" + labels)
                  .with("missing", a.missing);
            }
            if (a.invalid > 0)
              throw ApiError(ErrorCode::validation_failed,
                             "有 " + std::to_string(a.invalid) + " 行数据有误，未导入任何提案")
                  .with("rows", analysis_json(a)["rows"]);
            if (a.unresolved > 0) {
              std::string values;
              int shown = 0;
              for (const auto* list : {&a.unknown_categories, &a.unknown_units})
                for (const auto& u : *list)
                  if (!u.resolution && shown++ < 10)
                    values += (values.empty() ? "" : "、") +
                              std::string(list == &a.unknown_categories ? "类别" : "承办单位") + "“" + u.value + "”";
              Json preview = analysis_json(a);
              throw ApiError(ErrorCode::validation_failed,
                             "还有 " + std::to_string(a.unresolved) +
                                 " 个系统中没有的类别或承办单位未选择处理方式（对应到已有的或新建）：" + values +
                                 "，未导入任何提案")
                  .with("unknown_categories", preview["unknown_categories"])
                  .with("unknown_units", preview["unknown_units"]);
            }
            ids = write_rows(c, req, a, filename, import_id);
            summary = {{"new_terms", a.new_terms},
                       {"new_sessions", a.new_sessions},
                       {"new_categories", a.create_categories},
                       {"new_units", a.create_units}};
          });
        } catch (const db::ConstraintError&) {
          throw ApiError::conflict("导入的提案与系统中已有的记录冲突（可能有人同时导入了相同的提案），未导入任何提案");
        }
        for (int64_t id : ids)
          app.events.publish(
              {"proposal.imported", req.user().committee_id, req.user().user_id, std::to_string(id), {{"id", id}}});
        summary["imported"] = ids.size();
        summary["import_id"] = import_id;
        summary["ids"] = ids;
        return http::Response::json(summary);
      },
      upload_meta(app, "导入历史提案（全部成功才写入）"));
}

}  // namespace sl::proposals
