#include "core/api/resource.hpp"

#include <algorithm>

#include "core/audit/audit.hpp"

namespace sl::api {

std::string add_param(std::vector<db::Value>& params, db::Value v) {
  params.push_back(std::move(v));
  return "$" + std::to_string(params.size());
}

bool exists_in_committee(db::Connection& c, const std::string& table, int64_t id, int64_t committee_id) {
  return !c.exec("SELECT 1 FROM " + table + " WHERE id = $1 AND committee_id = $2", {id, committee_id}).empty();
}

Json row_to_json(const db::Row& row, const ResourceSpec& spec) {
  Json j = Json::object();
  const auto& names = row.names();
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string& n = names[i];
    if (row.is_null(i)) {
      j[n] = nullptr;
      continue;
    }
    const Field* f = nullptr;
    for (const auto& fd : spec.fields)
      if (fd.name == n) f = &fd;
    bool is_int = n == "id" || (n.size() > 3 && n.compare(n.size() - 3, 3, "_id") == 0) ||
                  (f && (f->kind == FieldKind::integer || f->kind == FieldKind::ref)) || n == "sort";
    if (f && f->kind == FieldKind::boolean) {
      j[n] = row.integer(i) != 0;
    } else if (f && f->kind == FieldKind::json) {
      j[n] = Json::parse(row.text(i), nullptr, false);
    } else if (is_int) {
      j[n] = row.integer(i);
    } else {
      j[n] = row.text(i);
    }
  }
  return j;
}

namespace {

std::string visible_where(const ResourceSpec& spec, const http::Request& req, std::vector<db::Value>& params) {
  std::string where = "1=1";
  if (spec.committee_scoped) where += " AND committee_id = " + add_param(params, req.user().committee_id);
  if (spec.scope) {
    std::string extra = spec.scope(req, params);
    if (!extra.empty()) where += " AND (" + extra + ")";
  }
  return where;
}

/// Reads the listed fields of `body` into column → value pairs, validating each.
std::vector<std::pair<std::string, db::Value>> read_fields(const ResourceSpec& spec, Validator& v, db::Connection& c,
                                                           const http::Request& req, bool creating) {
  std::vector<std::pair<std::string, db::Value>> out;
  for (const auto& f : spec.fields) {
    Presence p = creating ? f.presence : Presence::optional;
    switch (f.kind) {
      case FieldKind::text:
        if (auto s = v.text(f.name, p, f.max_chars, p == Presence::optional))
          out.emplace_back(f.name, (s->empty() && f.unique) ? db::Value(nullptr) : db::Value(*s));
        else if (creating && !f.default_value.empty())
          out.emplace_back(f.name, f.default_value);
        break;
      case FieldKind::integer:
        if (auto n = v.integer(f.name, p, -1000000, 1000000000)) out.emplace_back(f.name, *n);
        break;
      case FieldKind::boolean:
        if (auto b = v.boolean(f.name, p)) out.emplace_back(f.name, int64_t{*b ? 1 : 0});
        break;
      case FieldKind::date:
        if (auto d = v.date(f.name, p)) out.emplace_back(f.name, *d);
        break;
      case FieldKind::mobile:
        if (auto m = v.mobile(f.name, p)) out.emplace_back(f.name, m->empty() ? db::Value(nullptr) : db::Value(*m));
        break;
      case FieldKind::choice:
        if (auto s = v.one_of(f.name, p, f.choices))
          out.emplace_back(f.name, *s);
        else if (creating && !f.default_value.empty())
          out.emplace_back(f.name, f.default_value);
        break;
      case FieldKind::ref:
        if (auto id = v.id(f.name, p, f.nullable)) {
          if (*id == 0) {
            out.emplace_back(f.name, nullptr);
          } else if (!exists_in_committee(c, f.ref_table, *id, req.user().committee_id)) {
            v.fail(f.name, "所选记录不存在或不属于本委员会");
          } else {
            out.emplace_back(f.name, *id);
          }
        }
        break;
      case FieldKind::json:
        if (auto j = v.raw(f.name, p)) {
          if (!j->is_array())
            v.fail(f.name, "应为列表");
          else
            out.emplace_back(f.name, j->dump());
        }
        break;
    }
  }
  return out;
}

void check_unique_fields(const ResourceSpec& spec, db::Connection& c, const http::Request& req,
                         const std::vector<std::pair<std::string, db::Value>>& values, int64_t self_id, Validator& v) {
  for (const auto& [col, val] : values) {
    auto f =
        std::find_if(spec.fields.begin(), spec.fields.end(), [&col = col](const Field& fd) { return fd.name == col; });
    if (f == spec.fields.end() || !f->unique) continue;
    std::string sql = "SELECT id FROM " + spec.table + " WHERE " + col + " = $1 AND id <> $2";
    std::vector<db::Value> params = {val, self_id};
    if (spec.committee_scoped) sql += " AND committee_id = " + add_param(params, req.user().committee_id);
    if (!c.exec(sql, params).empty()) v.fail(col, "已存在相同的记录");
  }
}

}  // namespace

void decorate_item(db::Connection& c, const ResourceSpec& spec, const http::Request& req, Json& item) {
  if (spec.decorate_page) {
    Json page = Json::array({std::move(item)});
    spec.decorate_page(c, req, page);
    item = std::move(page[0]);
  } else if (spec.decorate) {
    spec.decorate(c, req, item);
  }
}

Json load_item(db::Connection& c, const ResourceSpec& spec, const http::Request& req, int64_t id) {
  std::vector<db::Value> params;
  std::string where = visible_where(spec, req, params);
  where += " AND id = " + add_param(params, id);
  auto r = c.exec("SELECT * FROM " + spec.table + " WHERE " + where, params);
  if (r.empty()) throw ApiError::not_found(spec.label);
  Json item = row_to_json(r.one(), spec);
  decorate_item(c, spec, req, item);
  return item;
}

Json save_item(db::Connection& c, const ResourceSpec& spec, const http::Request& req, const Json& body, int64_t id) {
  bool creating = id == 0;
  Json before;
  if (!creating) {
    before = load_item(c, spec, req, id);
    if (spec.authorize_row) spec.authorize_row(c, req, id);
  }
  Validator v(body);
  auto values = read_fields(spec, v, c, req, creating);
  if (spec.validate_extra) spec.validate_extra(v, body, c, req, creating);
  if (!creating && spec.validate_update) spec.validate_update(v, before, body);
  check_unique_fields(spec, c, req, values, id, v);
  v.finish();
  std::vector<db::Value> params;
  if (creating) {
    std::string cols, vals;
    if (spec.committee_scoped) {
      cols = "committee_id";
      vals = add_param(params, req.user().committee_id);
    }
    for (auto& [col, val] : values) {
      cols += (cols.empty() ? "" : ", ") + col;
      vals += (vals.empty() ? "" : ", ") + add_param(params, val);
    }
    id = c.exec("INSERT INTO " + spec.table + " (" + cols + ") VALUES (" + vals + ") RETURNING id", params)
             .one()
             .integer(0);
  } else if (!values.empty()) {
    std::string sets;
    for (auto& [col, val] : values) sets += col + " = " + add_param(params, val) + ", ";
    sets += "updated_at = " + add_param(params, db::now_iso());
    c.exec("UPDATE " + spec.table + " SET " + sets + " WHERE id = " + add_param(params, id), params);
  }
  Json extra;
  if (spec.after_write) spec.after_write(c, req, id, body, creating, extra);
  Json after = load_item(c, spec, req, id);
  auto e = audit::entry_for(req, spec.subject + (creating ? ".create" : ".update"), spec.subject, std::to_string(id));
  e.before = before;
  e.after = after;
  audit::record(c, e);
  if (extra.is_object()) after.update(extra);
  return after;
}

Json request_schema(const ResourceSpec& spec, bool creating) {
  Json properties = Json::object();
  Json required = Json::array();
  for (const auto& f : spec.fields) {
    // As read_fields reads them: on update every field is optional, and an optional text (or
    // mobile) may be sent empty or null.
    bool optional = !creating || f.presence == Presence::optional;
    Json text_type = optional ? Json::array({"string", "null"}) : Json("string");
    Json p;
    switch (f.kind) {
      case FieldKind::text:
        p = {{"type", text_type}, {"maxLength", f.max_chars}};
        if (!optional) p["minLength"] = 1;
        break;
      case FieldKind::integer:
        p = {{"type", "integer"}, {"minimum", -1000000}, {"maximum", 1000000000}};
        break;
      case FieldKind::boolean:
        p = {{"type", "boolean"}};
        break;
      case FieldKind::date:
        p = {{"type", "string"}, {"format", "date"}};
        break;
      case FieldKind::mobile:
        p = {{"type", text_type}, {"pattern", optional ? "^(1[3-9][0-9]{9})?$" : "^1[3-9][0-9]{9}$"}};
        break;
      case FieldKind::choice:
        p = {{"type", "string"}, {"enum", f.choices}};
        break;
      case FieldKind::ref:
        p = {{"type", f.nullable ? Json::array({"integer", "null"}) : Json("integer")}, {"minimum", 1}};
        break;
      case FieldKind::json:
        p = {{"type", "array"}};  // read_fields takes any JSON but stores only lists
        break;
    }
    if (creating && !f.default_value.empty()) p["default"] = f.default_value;
    properties[f.name] = std::move(p);
    if (creating && f.presence == Presence::required) required.push_back(f.name);
  }
  Json schema = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) schema["required"] = std::move(required);
  return schema;
}

void register_resource(App& app, ResourceSpec spec_in) {
  auto spec = std::make_shared<const ResourceSpec>(std::move(spec_in));
  const std::string& base = spec->path;
  const std::string item_path = base + "/{id:int}";

  app.route(http::Method::GET, base,
            [&app, spec](http::Request& req) {
              spec->authorize(req, Operation::list);
              auto q = parse_list_query(req);
              std::vector<db::Value> params;
              std::string where = visible_where(*spec, req, params);
              for (const auto& f : spec->fields) {
                if (!f.filter) continue;
                auto v = req.query_param(f.name);
                if (!v || v->empty()) continue;
                if (f.kind == FieldKind::ref || f.kind == FieldKind::integer) {
                  where += " AND " + f.name + " = " + add_param(params, *query_int(req, f.name));
                } else if (f.kind == FieldKind::boolean) {
                  where += " AND " + f.name + " = " + add_param(params, int64_t{(*v == "true" || *v == "1") ? 1 : 0});
                } else {
                  where += " AND " + f.name + " = " + add_param(params, *v);
                }
              }
              if (spec->filters) {
                std::string extra = spec->filters(req, params);
                if (!extra.empty()) where += " AND (" + extra + ")";
              }
              if (!q.q.empty()) {
                std::string like = "%" + q.q + "%";
                std::string ors;
                for (const auto& f : spec->fields)
                  if (f.search) ors += (ors.empty() ? "" : " OR ") + f.name + " LIKE " + add_param(params, like);
                if (!ors.empty()) where += " AND (" + ors + ")";
              }
              auto c = app.db().acquire();
              int64_t total =
                  c->exec("SELECT COUNT(*) FROM " + spec->table + " WHERE " + where, params).one().integer(0);
              std::string sql = "SELECT * FROM " + spec->table + " WHERE " + where + " ORDER BY " + spec->order_by +
                                " LIMIT " + add_param(params, q.page_size) + " OFFSET " + add_param(params, q.offset());
              Json items = Json::array();
              for (const auto& row : c->exec(sql, params).rows) {
                Json item = row_to_json(row, *spec);
                if (spec->decorate && !spec->decorate_page) spec->decorate(*c, req, item);
                items.push_back(std::move(item));
              }
              if (spec->decorate_page && !items.empty()) spec->decorate_page(*c, req, items);
              return http::Response::json(list_envelope(std::move(items), total, q));
            },
            {"列出" + spec->label, spec->tag});

  app.route(http::Method::GET, item_path,
            [&app, spec](http::Request& req) {
              spec->authorize(req, Operation::read);
              auto c = app.db().acquire();
              return http::Response::json(load_item(*c, *spec, req, req.param_int("id")));
            },
            {"查看" + spec->label, spec->tag});

  auto write = [&app, spec](http::Request& req, bool creating) {
    spec->authorize(req, creating ? Operation::create : Operation::update);
    const Json& body = req.json();
    int64_t id = creating ? 0 : req.param_int("id");
    Json answer = app.db().transaction([&](db::Connection& c) { return save_item(c, *spec, req, body, id); });
    app.events.publish({spec->subject + (creating ? ".created" : ".updated"), req.user().committee_id,
                        req.user().user_id, std::to_string(answer["id"].get<int64_t>()), answer});
    return http::Response::json(answer, creating ? 201 : 200);
  };
  http::RouteMeta create_meta{"新建" + spec->label, spec->tag};
  create_meta.request_schema = request_schema(*spec, true);
  app.route(
      http::Method::POST, base, [write](http::Request& req) { return write(req, true); }, std::move(create_meta));
  http::RouteMeta update_meta{"修改" + spec->label, spec->tag};
  update_meta.request_schema = request_schema(*spec, false);
  app.route(
      http::Method::PATCH, item_path, [write](http::Request& req) { return write(req, false); },
      std::move(update_meta));

  app.route(
      http::Method::DELETE, item_path,
      [&app, spec](http::Request& req) {
        spec->authorize(req, Operation::remove);
        int64_t id = req.param_int("id");
        app.db().transaction([&](db::Connection& c) {
          Json before = load_item(c, *spec, req, id);
          if (spec->authorize_row) spec->authorize_row(c, req, id);
          for (const auto& ref : spec->referenced_by) {
            auto n =
                c.exec("SELECT COUNT(*) FROM " + ref.table + " WHERE " + ref.column + " = $1", {id}).one().integer(0);
            if (n > 0)
              throw ApiError(ErrorCode::referenced, "该" + spec->label + "仍被 " + std::to_string(n) + " 条" +
                                                        ref.label + "记录引用，不能删除");
          }
          c.exec("DELETE FROM " + spec->table + " WHERE id = $1", {id});
          auto e = audit::entry_for(req, spec->subject + ".delete", spec->subject, std::to_string(id));
          e.before = before;
          audit::record(c, e);
        });
        app.events.publish(
            {spec->subject + ".deleted", req.user().committee_id, req.user().user_id, std::to_string(id), {}});
        return http::Response::no_content();
      },
      {"删除" + spec->label, spec->tag});
}

}  // namespace sl::api
