#include "modules/org/importer.hpp"

#include <map>
#include <set>

#include "core/api/upload.hpp"
#include "core/http/multipart.hpp"
#include "core/sheet/sheet.hpp"
#include "modules/org/queries.hpp"

namespace sl::org {

Json cell_text(const std::string& cell, db::Connection&, const http::Request&, std::string&) {
  return cell;
}

std::function<Json(const std::string&, db::Connection&, const http::Request&, std::string&)> cell_ref(std::string table,
                                                                                                      bool optional) {
  return [table, optional](const std::string& cell, db::Connection& c, const http::Request& req,
                           std::string& problem) -> Json {
    if (cell.empty()) return optional ? Json(nullptr) : Json();
    auto r =
        c.exec("SELECT id FROM " + table + " WHERE committee_id = $1 AND name = $2", {req.user().committee_id, cell});
    if (r.empty()) {
      problem = "“" + cell + "”不存在";  // shown after the column's title: 界别：“…”不存在
      return Json();
    }
    return r.one().integer(0);
  };
}

std::function<Json(const std::string&, db::Connection&, const http::Request&, std::string&)> cell_choice(
    std::vector<std::pair<std::string, std::string>> labels) {
  return [labels](const std::string& cell, db::Connection&, const http::Request&, std::string& problem) -> Json {
    if (cell.empty()) return Json();
    for (const auto& [label, value] : labels)
      if (cell == label || cell == value) return value;
    std::string allowed;
    for (size_t i = 0; i < labels.size(); ++i)
      allowed += std::string(i == 0 ? "" : i + 1 == labels.size() ? "或" : "、") + "“" + labels[i].first + "”";
    problem = "应为" + allowed;
    return Json();
  };
}

Json cell_bool(const std::string& cell, db::Connection&, const http::Request&, std::string& problem) {
  if (cell.empty() || cell == "否" || cell == "0" || cell == "false") return false;
  if (cell == "是" || cell == "1" || cell == "true") return true;
  problem = "应为“是”或“否”";
  return Json();
}

namespace {

struct RowResult {
  int row = 0;
  Json data = Json::object();
  Json errors = Json::array();
  Json saved;
};

/// Parses the upload and runs every row through the save path on `c` (inside a transaction).
std::vector<RowResult> run_rows(const ImportSpec& spec, const api::ResourceSpec& resource, db::Connection& c,
                                http::Request& req) {
  auto file = http::uploaded_file(req);
  Sheet sheet = api::read_uploaded_sheet(file);
  std::vector<int> col_index(spec.columns.size(), -1);
  std::string missing;
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    for (size_t h = 0; h < sheet.header.size(); ++h)
      if (sheet.header[h] == spec.columns[i].header) col_index[i] = static_cast<int>(h);
    if (col_index[i] < 0 && spec.columns[i].required) missing += (missing.empty() ? "" : "、") + spec.columns[i].header;
  }
  if (!missing.empty())
    throw ApiError(ErrorCode::validation_failed, "文件缺少必需的列：" + missing + "。请使用导入模板");
  if (sheet.rows.empty()) throw ApiError(ErrorCode::validation_failed, "文件中没有数据行");

  std::vector<RowResult> results;
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    RowResult res;
    res.row = static_cast<int>(sheet.row_numbers[r]);  // as the file shows it
    Json body = Json::object();
    std::map<std::string, std::string> header_of;
    std::set<std::string> bad_columns;  // columns whose cell could not be read
    for (size_t i = 0; i < spec.columns.size(); ++i) {
      const auto& col = spec.columns[i];
      header_of[col.field] = col.header;
      std::string cell = col_index[i] >= 0 && static_cast<size_t>(col_index[i]) < sheet.rows[r].size()
                             ? sheet.rows[r][col_index[i]]
                             : "";
      res.data[col.header] = cell;
      std::string problem;
      Json v = col.convert(cell, c, req, problem);
      if (problem.empty() && v.is_null() && col.required) problem = "必填";
      if (!problem.empty()) {
        res.errors.push_back({{"column", col.header}, {"reason", problem}});
        bad_columns.insert(col.header);
      } else if (!v.is_null()) {
        body[col.field] = v;
      }
    }
    // Every row goes through the save path, so that it shows all its problems at once (the
    // resource's own checks on the cells that could be read); a row with problems is never kept
    // and never costs a password hash.
    bool keep = res.errors.empty();
    bool dry_run = req.dry_run;
    req.dry_run = dry_run || !keep;
    c.exec(sql::kSavepointRow);
    try {
      Json saved = api::save_item(c, resource, req, body, 0);
      c.exec(keep ? sql::kReleaseRow : sql::kRollbackRow);
      if (keep) res.saved = std::move(saved);
    } catch (const ApiError& e) {
      c.exec(sql::kRollbackRow);
      if (e.fields().empty()) res.errors.push_back({{"column", ""}, {"reason", e.message()}});
      for (auto it = e.fields().begin(); it != e.fields().end(); ++it) {
        auto h = header_of.find(it.key());
        std::string column = h == header_of.end() ? it.key() : h->second;
        if (!bad_columns.count(column)) res.errors.push_back({{"column", column}, {"reason", it.value()}});
      }
    } catch (const db::ConstraintError&) {
      c.exec(sql::kRollbackRow);
      res.errors.push_back({{"column", ""}, {"reason", "与已有记录重复"}});
    }
    req.dry_run = dry_run;
    results.push_back(std::move(res));
  }
  return results;
}

Json results_json(const ImportSpec& spec, const std::vector<RowResult>& results) {
  Json rows = Json::array();
  int invalid = 0;
  for (const auto& r : results) {
    if (!r.errors.empty()) ++invalid;
    rows.push_back({{"row", r.row}, {"data", r.data}, {"errors", r.errors}});
  }
  Json columns = Json::array();
  for (const auto& c : spec.columns) columns.push_back(c.header);
  int total = static_cast<int>(results.size());
  return {{"columns", columns}, {"rows", rows}, {"total", total}, {"valid", total - invalid}, {"invalid", invalid}};
}

/// Checks the caller may import, begins a transaction on `c` and runs every row of the upload in
/// it; the transaction is left open for the caller to end (rolled back when the rows throw).
std::vector<RowResult> begin_rows(const ImportSpec& spec, db::Connection& c, http::Request& req) {
  auto resource = spec.resource();
  resource.authorize(req, api::Operation::create);
  c.begin();
  try {
    return run_rows(spec, resource, c, req);
  } catch (...) {
    c.rollback();
    throw;
  }
}

http::RouteMeta upload_meta(App& app, std::string summary) {
  http::RouteMeta m{std::move(summary), "org"};
  m.max_body = static_cast<size_t>(app.config.http.upload_limit);
  m.body = http::BodyKind::multipart;
  return m;
}

}  // namespace

void register_import(App& app, ImportSpec spec_in) {
  auto spec = std::make_shared<const ImportSpec>(std::move(spec_in));
  std::string base = "/api/v1/" + spec->name + "/import";

  app.route(
      http::Method::POST, base + "/preview",
      [&app, spec](http::Request& req) {
        req.dry_run = true;
        auto c = app.db().acquire();
        auto results = begin_rows(*spec, *c, req);
        c->rollback();  // a preview never writes
        return http::Response::json(results_json(*spec, results));
      },
      upload_meta(app, "预览导入" + spec->label + "（逐行检查，不写入）"));

  app.route(
      http::Method::POST, base,
      [&app, spec](http::Request& req) {
        auto c = app.db().acquire();
        auto results = begin_rows(*spec, *c, req);
        Json summary = results_json(*spec, results);
        if (summary["invalid"].get<int>() > 0) {
          c->rollback();
          throw ApiError(ErrorCode::validation_failed,
                         "有 " + std::to_string(summary["invalid"].get<int>()) + " 行数据有误，未导入任何记录")
              .with("rows", summary["rows"]);
        }
        c->commit();
        Json accounts = Json::array();
        for (const auto& r : results)
          if (r.saved.contains("initial_password"))
            accounts.push_back({{"row", r.row},
                                {"name", r.saved.value("name", "")},
                                {"mobile", r.saved.value("mobile", "")},
                                {"initial_password", r.saved["initial_password"]}});
        // Members whose mobile already signs in elsewhere wait for that account's holder to accept.
        Json pending = Json::array();
        for (const auto& r : results)
          if (r.saved.value("account", "") == "pending_consent")
            pending.push_back(
                {{"row", r.row}, {"name", r.saved.value("name", "")}, {"mobile", r.saved.value("mobile", "")}});
        std::string created = spec->resource().subject + ".created";
        for (const auto& r : results)
          app.events.publish({created, req.user().committee_id, req.user().user_id,
                              std::to_string(r.saved.value("id", int64_t{0})), r.saved});
        return http::Response::json(
            {{"imported", results.size()}, {"accounts", accounts}, {"pending_consent", pending}});
      },
      upload_meta(app, "导入" + spec->label + "（全部成功才写入）"));

  app.route(http::Method::GET, base + "/template",
            [spec](http::Request& req) {
              std::vector<std::string> header;
              std::vector<std::string> example;
              for (const auto& c : spec->columns) {
                header.push_back(c.header);
                example.push_back(c.example);
              }
              std::string format = req.query_param("format").value_or("xlsx");
              if (format == "csv")
                return http::Response::file("text/csv; charset=utf-8", write_csv(header, {example}),
                                            spec->label + "导入模板.csv");
              if (format != "xlsx") throw ApiError::validation("format", "格式应为 xlsx 或 csv");
              return http::Response::file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          write_xlsx(header, {example}, spec->label), spec->label + "导入模板.xlsx");
            },
            {"下载" + spec->label + "导入模板", "org"});
}

}  // namespace sl::org
