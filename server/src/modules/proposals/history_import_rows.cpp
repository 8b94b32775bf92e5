// Checking the rows of a historical import against the committee: every field group of a row is
// read by its own function below, in the order the problems are reported (all of a row's problems,
// not only the first); categories and units the committee does not know are listed once each
// with what staff chose for them; then the sessions the rows need are found or planned.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/api/validation.hpp"
#include "core/utf8.hpp"
#include "modules/proposals/commands.hpp"
#include "modules/proposals/history_import_internal.hpp"
#include "modules/proposals/settings.hpp"

namespace sl::proposals::history {

namespace {

// ---------------------------------------------------------------------------------------------
// The committee as the import sees it

struct Directory {
  std::vector<std::string> categories;                       // the committee's, in order
  std::vector<std::pair<int64_t, std::string>> unit_list;    // id, name
  std::map<std::string, int64_t> units;                      // name and short name → id
  std::vector<std::pair<std::string, Group>> groups;         // name → group, parties before sectors
  std::map<int, std::pair<int64_t, int>> terms;              // term number → (id, start year)
  std::map<std::pair<int, int>, int64_t> sessions;           // (term, session) → id
  std::map<std::pair<int, int>, std::string> session_start;  // (term, session) → start_date

  static Directory load(db::Connection& c, int64_t committee_id) {
    Directory d;
    d.categories = load_categories(c, committee_id);
    for (const auto& r :
         c.exec("SELECT id, name, short_name FROM units WHERE committee_id = $1 ORDER BY sort, id", {committee_id})
             .rows) {
      d.unit_list.emplace_back(r.integer(0), r.text(1));
      d.units.emplace(r.text(1), r.integer(0));
      if (!r.text(2).empty()) d.units.emplace(r.text(2), r.integer(0));
    }
    for (const auto& r :
         c.exec("SELECT id, name, short_name FROM parties WHERE committee_id = $1 ORDER BY id", {committee_id}).rows) {
      d.groups.push_back({r.text(1), {"party", r.integer(0)}});
      if (!r.text(2).empty() && r.text(2) != r.text(1)) d.groups.push_back({r.text(2), {"party", r.integer(0)}});
    }
    for (const auto& r :
         c.exec("SELECT id, name FROM sectors WHERE committee_id = $1 ORDER BY id", {committee_id}).rows)
      d.groups.push_back({r.text(1), {"sector", r.integer(0)}});
    for (const auto& r :
         c.exec("SELECT id, name FROM special_committees WHERE committee_id = $1 ORDER BY id", {committee_id}).rows)
      d.groups.push_back({r.text(1), {"special_committee", r.integer(0)}});
    for (const auto& r :
         c.exec("SELECT id, number, start_date FROM terms WHERE committee_id = $1", {committee_id}).rows) {
      int year = r.text(2).size() >= 4 ? std::atoi(r.text(2).substr(0, 4).c_str()) : 0;
      d.terms[static_cast<int>(r.integer(1))] = {r.integer(0), year};
    }
    for (const auto& r : c.exec("SELECT s.id, t.number, s.number, s.start_date FROM sessions s JOIN terms t ON t.id = "
                                "s.term_id WHERE s.committee_id = $1",
                                {committee_id})
                             .rows) {
      std::pair<int, int> key{static_cast<int>(r.integer(1)), static_cast<int>(r.integer(2))};
      d.sessions[key] = r.integer(0);
      d.session_start[key] = r.text(3);
    }
    return d;
  }

  /// The party, sector or special committee `name` stands for: its own name, or its name with
  /// an organisational suffix (民盟区委, 民盟汉江区委员会, 经济界别, 九三学社支社).
  std::optional<Group> group_of(const std::string& name) const {
    static const std::vector<std::string> kSuffixes = {"区委", "市委", "区委会", "委员会",     "区委员会",
                                                       "总支", "支部", "支社",   "基层委员会", "界别",
                                                       "别",   "别组", "组"};
    static const std::vector<std::string> kEndings = {"区委", "市委", "委员会", "总支", "支部", "支社"};
    const Group* best = nullptr;
    size_t best_len = 0;
    for (const auto& [n, g] : groups) {
      if (n.size() <= best_len || !starts_with(name, n)) continue;
      std::string rest = name.substr(n.size());
      bool ok = rest.empty() || std::find(kSuffixes.begin(), kSuffixes.end(), rest) != kSuffixes.end();
      if (!ok && api::utf8_length(rest) <= 10)
        for (const auto& e : kEndings)
          if (ends_with(rest, e)) ok = true;
      if (ok) {
        best = &g;
        best_len = n.size();
      }
    }
    if (!best) return std::nullopt;
    return *best;
  }
};

// ---------------------------------------------------------------------------------------------
// Values the committee does not know

/// The unknown values of one kind, once each in order of first appearance.
struct Unknowns {
  std::vector<Unknown>& list;
  std::map<std::string, size_t> index = {};

  Unknown& note(const std::string& value, int row) {
    auto [it, fresh] = index.emplace(value, list.size());
    if (fresh) list.push_back({value});
    Unknown& u = list[it->second];
    ++u.count;
    if (u.rows.size() < 20) u.rows.push_back(row);
    return u;
  }
};

struct Context {
  const Directory& dir;
  const Resolutions& choices;
  Unknowns categories, units;
};

// ---------------------------------------------------------------------------------------------
// One row

void add_error(Row& r, const std::string& column, const std::string& reason) {
  r.errors.push_back({{"column", column}, {"reason", reason}});
}

/// The file's header of field `key` (the template's when it is not mapped), for problems.
std::string column_name(const Analysis& a, const std::string& key) {
  auto idx = a.mapping.at(key);
  return idx ? a.headers[*idx] : field_of(key)->header;
}

/// The cells of one row as the mapping reads them.
struct RowCells {
  const Analysis& a;
  const std::vector<std::string>& cells;

  std::string column(const std::string& key) const { return column_name(a, key); }
  /// The trimmed cell of field `key`, "" when it is not mapped.
  std::string cell(const std::string& key) const {
    auto idx = a.mapping.at(key);
    return idx && *idx < cells.size() ? trim_ascii(cells[*idx]) : "";
  }
};

/// Number and session: the number may carry the session (十三届三次会议第0012号).
void read_number_and_session(const RowCells& in, Row& r) {
  std::string number_cell = halfwidth(in.cell("number"));
  std::string session_cell = in.cell("session");
  std::optional<std::pair<int, int>> session_of_number;
  if (number_cell.empty()) {
    add_error(r, in.column("number"), "提案号必填");
  } else {
    size_t end = number_cell.size();
    while (end > 0 && !(number_cell[end - 1] >= '0' && number_cell[end - 1] <= '9')) --end;
    size_t begin = end;
    while (begin > 0 && number_cell[begin - 1] >= '0' && number_cell[begin - 1] <= '9') --begin;
    std::string tail = trim_ascii(number_cell.substr(end));
    if (end == 0 || end - begin > 6 || !(tail.empty() || tail == "号")) {
      add_error(r, in.column("number"), "无法识别的提案号“" + number_cell + "”，应如“0012”或“十三届三次会议第0012号”");
    } else {
      r.number = std::stoll(number_cell.substr(begin, end - begin));
      if (r.number <= 0) add_error(r, in.column("number"), "提案号应为正整数");
      session_of_number = parse_session_label(number_cell.substr(0, begin));
    }
  }
  if (!session_cell.empty()) {
    auto s = parse_session_label(session_cell);
    if (!s)
      add_error(r, in.column("session"), "无法识别的届次“" + session_cell + "”，应如“十三届三次会议”");
    else if (session_of_number && *session_of_number != *s)
      add_error(r, in.column("number"), "提案号中的届次与届次列（" + session_cell + "）不一致");
    else
      r.session = *s;
  } else if (session_of_number) {
    r.session = *session_of_number;
  } else if (r.errors.empty()) {
    add_error(r, in.column("session"), "届次必填（或在提案号中写明，如“十三届三次会议第0012号”）");
  }
}

void read_title(const RowCells& in, Row& r) {
  r.title = in.cell("title");
  if (r.title.empty())
    add_error(r, in.column("title"), "标题必填");
  else if (api::utf8_length(r.title) > kMaxTitle)
    add_error(r, in.column("title"), "标题过长（最多 " + std::to_string(kMaxTitle) + " 字）");
}

/// Proposers: one, several, or a party / sector / special committee.
void read_proposers(const RowCells& in, const Directory& dir, Row& r) {
  auto names = split_any(halfwidth(in.cell("proposers")), {"、", ",", "，", ";", "；", "/", "\n"});
  if (names.empty()) {
    add_error(r, in.column("proposers"), "提案人必填");
    return;
  }
  std::string joined;
  int groups = 0;
  for (const auto& n : names) {
    joined += (joined.empty() ? "" : "、") + n;
    if (auto g = dir.group_of(n)) {
      ++groups;
      r.group = g;
    }
  }
  r.proposer_name = joined;
  if (api::utf8_length(joined) > 200) add_error(r, in.column("proposers"), "提案人过长（最多 200 字）");
  if (groups > 0) {
    r.kind = "collective";
    if (groups > 1 || names.size() > 1) r.group.reset();  // several groups: no single one to record
  } else if (names.size() > 1) {
    r.kind = "joint";
  }
}

/// The category: one of the committee's, or an unknown value mapped or created as staff chose
/// (without a choice yet, the row is pending).
void read_category(const RowCells& in, Context& ctx, Row& r) {
  std::string value = trim_ascii(halfwidth(in.cell("category")));
  if (value.empty()) return;
  r.category = match_category(value, ctx.dir.categories);
  if (!r.category.empty()) return;
  Unknown& u = ctx.categories.note(value, r.row);
  auto choice = ctx.choices.categories.find(value);
  if (choice == ctx.choices.categories.end()) {
    r.pending = true;
    return;
  }
  u.resolution = choice->second;
  if (choice->second.action == "map")
    r.category = choice->second.to;
  else if (api::utf8_length(value) > kMaxCategoryChars)
    add_error(
        r, in.column("category"),
        "类别“" + value + "”过长，不能新建（最多 " + std::to_string(kMaxCategoryChars) + " 字），请对应到已有类别");
  else
    r.category = value;
}

/// Category, submission date and the body (split into situation and suggestions).
void read_content(const RowCells& in, Context& ctx, Row& r) {
  read_category(in, ctx, r);

  if (std::string d = in.cell("date"); !d.empty()) {
    auto parsed = parse_date(d);
    if (!parsed)
      add_error(r, in.column("date"), "无法识别的日期“" + d + "”，应如 2019-01-10");
    else
      r.date = *parsed;
  }

  std::string body = in.cell("body");
  if (api::utf8_length(body) > kMaxBody)
    add_error(r, in.column("body"), "提案内容过长（最多 " + std::to_string(kMaxBody) + " 字）");
  std::tie(r.situation, r.suggestions) = split_body(body);
}

/// A unit named in the units columns, with the role its marks give it ("" = by position).
struct WantedUnit {
  std::string name, role, column;
};

/// The units named in column `key` (default role `default_role`): "主办："/"协办：" or "（协办）"
/// marks may say who is which.
void wanted_units(const RowCells& in, const std::string& key, const std::string& default_role,
                  std::vector<WantedUnit>& wanted) {
  std::string text = halfwidth(in.cell(key));
  for (size_t p; (p = text.find(": ")) != std::string::npos;) text.erase(p + 1, 1);
  for (auto name : split_any(text, {"、", ",", "，", ";", "；", "/", "\n", " "})) {
    std::string role = default_role;
    auto cut_prefix = [&](const char* p, const char* as) {
      if (!starts_with(name, p)) return;
      name = trim_ascii(name.substr(std::string(p).size()));
      role = as;
    };
    auto cut_suffix = [&](const char* s, const char* as) {
      if (!ends_with(name, s)) return;
      name = trim_ascii(name.substr(0, name.size() - std::string(s).size()));
      role = as;
    };
    for (const char* p : {"主办单位:", "主办:"}) cut_prefix(p, "lead");
    for (const char* p : {"协办单位:", "协办:", "会办:"}) cut_prefix(p, "co");
    for (const char* s : {"(主办单位)", "(主办)"}) cut_suffix(s, "lead");
    for (const char* s : {"(协办单位)", "(协办)", "(会办)"}) cut_suffix(s, "co");
    if (!name.empty()) wanted.push_back({name, role, in.column(key)});
  }
}

/// Units (optional for historical rows): the lead first, then the co-units; the handling type
/// follows from them. A unit the committee does not know is mapped or created as staff chose
/// (without a choice yet, the row is pending).
void read_units(const RowCells& in, Context& ctx, Row& r) {
  std::vector<WantedUnit> wanted;
  wanted_units(in, "units", "", wanted);
  wanted_units(in, "co_units", "co", wanted);
  if (wanted.empty()) return;
  bool marked_lead = std::any_of(wanted.begin(), wanted.end(), [](const WantedUnit& w) { return w.role == "lead"; });
  std::set<std::string> seen;
  int leads = 0;
  bool unit_error = false, unit_pending = false;
  for (auto& w : wanted) {
    if (w.role.empty()) w.role = (!marked_lead && leads == 0) ? "lead" : "co";
    Row::Unit unit{0, w.name, w.role};
    if (auto u = ctx.dir.units.find(w.name); u != ctx.dir.units.end()) {
      unit.id = u->second;
    } else {
      Unknown& k = ctx.units.note(w.name, r.row);
      auto choice = ctx.choices.units.find(w.name);
      if (choice == ctx.choices.units.end()) {
        unit_pending = r.pending = true;
        if (w.role == "lead") ++leads;  // the lead once chosen
        continue;
      }
      k.resolution = choice->second;
      if (choice->second.action == "map") {
        unit.id = choice->second.unit_id;
      } else if (api::utf8_length(w.name) > kMaxUnitName) {
        add_error(r, w.column,
                  "承办单位“" + w.name + "”名称过长，不能新建（最多 " + std::to_string(kMaxUnitName) +
                      " 字），请对应到已有单位");
        unit_error = true;
        continue;
      }
    }
    if (!seen.insert(unit.id ? "#" + std::to_string(unit.id) : unit.name).second) {
      add_error(r, w.column, "承办单位“" + w.name + "”重复");
      unit_error = true;
      continue;
    }
    if (w.role == "lead") ++leads;
    r.units.push_back(unit);
  }
  if (leads == 0 && !unit_error && !unit_pending) add_error(r, in.column("units"), "须有一个主办单位");
  std::stable_sort(r.units.begin(), r.units.end(),
                   [](const auto& x, const auto& y) { return x.role == "lead" && y.role != "lead"; });
  if (leads > 1)
    r.handling_type = "split";
  else
    r.handling_type = r.units.size() > 1 ? "lead_co" : "single";
}

/// The reply, its result category and the proposer's satisfaction; a reply belongs to a unit.
void read_outcome(const RowCells& in, Row& r) {
  if (r.units.empty() && !r.pending && (!in.cell("reply").empty() || !in.cell("result").empty()))
    add_error(r, in.column("units"), "填写了答复内容或办理结果的提案须填写承办单位（答复属于承办单位）");
  r.reply = in.cell("reply");
  if (api::utf8_length(r.reply) > kMaxReply)
    add_error(r, in.column("reply"), "答复内容过长（最多 " + std::to_string(kMaxReply) + " 字）");
  std::string problem;
  r.result = read_result(in.cell("result"), problem);
  if (!problem.empty()) add_error(r, in.column("result"), problem);
  problem.clear();
  r.satisfaction = read_satisfaction(in.cell("satisfaction"), problem);
  if (!problem.empty()) add_error(r, in.column("satisfaction"), problem);
}

/// Duplicates in the file (`numbers_in_file`: session and number → first row) and in the database.
void check_duplicate(db::Connection& c, const RowCells& in, const Directory& dir,
                     std::map<std::tuple<int, int, int64_t>, int>& numbers_in_file, Row& r) {
  if (r.session.first <= 0 || r.number <= 0) return;
  auto key = std::make_tuple(r.session.first, r.session.second, r.number);
  auto [it, fresh] = numbers_in_file.emplace(key, r.row);
  if (!fresh)
    add_error(r, in.column("number"),
              "提案号与第 " + std::to_string(it->second) + " 行重复（" +
                  session_label(r.session.first, r.session.second) + "第" + fmt::format("{:04d}", r.number) + "号）");
  auto s = dir.sessions.find(r.session);
  if (s != dir.sessions.end() &&
      !c.exec("SELECT 1 FROM proposals WHERE session_id = $1 AND number = $2", {s->second, r.number}).empty())
    add_error(r, in.column("number"),
              session_label(r.session.first, r.session.second) + "第" + fmt::format("{:04d}", r.number) +
                  "号提案已存在于系统中");
}

// ---------------------------------------------------------------------------------------------
// The sessions the rows need

/// Sessions: existing ones, or new ones whose year comes from their term, the rows' dates, or
/// another term (five years each).
void plan_sessions(Analysis& a, Directory& dir,
                   const std::map<std::pair<int, int>, std::vector<size_t>>& rows_of_session) {
  for (const auto& [key, indexes] : rows_of_session) {
    SessionNeed need;
    auto [term_no, session_no] = key;
    if (auto s = dir.sessions.find(key); s != dir.sessions.end()) {
      need.id = s->second;
      need.start_date = dir.session_start[key];
      a.sessions[key] = need;
      continue;
    }
    if (auto t = dir.terms.find(term_no); t != dir.terms.end() && t->second.second > 0) {
      need.year = t->second.second + session_no - 1;
    } else {
      std::string earliest;
      for (size_t i : indexes)
        if (!a.rows[i].date.empty() && (earliest.empty() || a.rows[i].date < earliest)) earliest = a.rows[i].date;
      if (!earliest.empty()) {
        need.year = std::atoi(earliest.substr(0, 4).c_str());
      } else {
        for (const auto& [other_no, t] : dir.terms)
          if (t.second > 0) {
            need.year = t.second + (term_no - other_no) * 5 + session_no - 1;
            break;
          }
      }
    }
    if (need.year <= 0) {
      for (size_t i : indexes)
        add_error(a.rows[i], column_name(a, "session"),
                  "无法确定“" + session_label(term_no, session_no) + "”的年份，请填写提交日期或先在届次管理中建立该届");
      continue;
    }
    need.start_date = fmt::format("{:04d}-01-01", need.year);
    a.sessions[key] = need;
    a.new_sessions.push_back(session_label(term_no, session_no));
    if (!dir.terms.count(term_no)) {
      std::string term_name = "第" + chinese_number(term_no) + "届";
      if (std::find(a.new_terms.begin(), a.new_terms.end(), term_name) == a.new_terms.end())
        a.new_terms.push_back(term_name);
    }
  }
}

}  // namespace

std::map<std::string, Resolution> parse_resolutions(const std::string& part, const std::string& text) {
  std::map<std::string, Resolution> out;
  if (trim_ascii(text).empty()) return out;
  const bool units = part == "unit_map";
  const std::string what = units ? "承办单位" : "类别";
  Json j = Json::parse(text, nullptr, false);
  auto bad = [&](const std::string& why) {
    return ApiError::validation(part, what + "的对应关系（" + part + "）" + why);
  };
  if (j.is_discarded() || !j.is_object()) throw bad("应为 JSON 对象，如 {\"教育事业\": {\"action\": \"create\"}}");
  if (j.size() > 2000) throw bad("过多");
  for (auto it = j.begin(); it != j.end(); ++it) {
    const Json& v = it.value();
    std::string key = trim_ascii(halfwidth(it.key()));
    if (key.empty()) throw bad("中有空的名称");
    if (!v.is_object() || !v.contains("action") || !v["action"].is_string())
      throw bad("中“" + key + "”应写明 action（map 或 create）");
    Resolution r;
    r.action = v["action"].get<std::string>();
    if (r.action == "map") {
      if (units) {
        if (!v.contains("to") || !v["to"].is_number_integer() || v["to"].get<int64_t>() <= 0)
          throw bad("中“" + key + "”应以 to 给出已有承办单位的编号");
        r.unit_id = v["to"].get<int64_t>();
      } else {
        if (!v.contains("to") || !v["to"].is_string() || trim_ascii(v["to"].get<std::string>()).empty())
          throw bad("中“" + key + "”应以 to 给出已有类别的名称");
        r.to = trim_ascii(v["to"].get<std::string>());
      }
    } else if (r.action != "create") {
      throw bad("中“" + key + "”的 action 应为 map（对应到已有" + what + "）或 create（新建）");
    }
    out[key] = r;
  }
  return out;
}

Analysis analyse(db::Connection& c, int64_t committee_id, const Sheet& sheet, const std::optional<Json>& explicit_map,
                 const Resolutions& choices) {
  Analysis a;
  a.headers = sheet.header;
  a.file_rows = sheet.rows.size();
  a.suggested = suggest_mapping(sheet.header);
  a.mapping = resolve_mapping(sheet.header, a.suggested, explicit_map);
  for (const auto& f : fields())
    if (f.required && !a.mapping[f.key]) a.missing.push_back(f.header);
  if (!a.missing.empty()) return a;  // nothing to check row by row until the columns are known

  auto dir = Directory::load(c, committee_id);
  a.categories = dir.categories;
  a.units = dir.unit_list;
  // A choice must name a category or unit that exists.
  for (const auto& [value, r] : choices.categories)
    if (r.action == "map" && std::find(dir.categories.begin(), dir.categories.end(), r.to) == dir.categories.end())
      throw ApiError::validation("category_map", "类别“" + r.to + "”不存在，不能把“" + value + "”对应到它");
  for (const auto& [value, r] : choices.units)
    if (r.action == "map" &&
        std::none_of(dir.unit_list.begin(), dir.unit_list.end(), [&](const auto& u) { return u.first == r.unit_id; }))
      throw ApiError::validation("unit_map", "把“" + value + "”对应到的承办单位不存在");
  Context ctx{dir, choices, {a.unknown_categories}, {a.unknown_units}};
  std::map<std::tuple<int, int, int64_t>, int> numbers_in_file;
  std::map<std::pair<int, int>, std::vector<size_t>> rows_of_session;
  for (size_t i = 0; i < sheet.rows.size(); ++i) {
    const auto& cells = sheet.rows[i];
    RowCells in{a, cells};
    Row r;
    r.row = static_cast<int>(sheet.row_numbers[i]);
    for (const auto& f : fields())
      if (auto idx = a.mapping[f.key]) r.data[sheet.header[*idx]] = *idx < cells.size() ? cells[*idx] : "";
    read_number_and_session(in, r);
    read_title(in, r);
    read_proposers(in, dir, r);
    read_content(in, ctx, r);
    read_units(in, ctx, r);
    read_outcome(in, r);
    check_duplicate(c, in, dir, numbers_in_file, r);
    if (r.session.first > 0) rows_of_session[r.session].push_back(a.rows.size());
    a.rows.push_back(std::move(r));
  }
  plan_sessions(a, dir, rows_of_session);
  for (const auto& r : a.rows) {
    if (!r.errors.empty()) ++a.invalid;
    if (r.pending) ++a.pending_rows;
  }
  for (const auto& u : a.unknown_categories) {
    if (!u.resolution) ++a.unresolved;
    if (u.resolution && u.resolution->action == "create") a.create_categories.push_back(u.value);
  }
  for (const auto& u : a.unknown_units) {
    if (!u.resolution) ++a.unresolved;
    if (u.resolution && u.resolution->action == "create") a.create_units.push_back(u.value);
  }
  for (auto& u : a.unknown_categories) u.suggestion = suggest_category(u.value, dir.categories);
  return a;
}

Json analysis_json(const Analysis& a) {
  auto header_or_null = [&](const std::optional<size_t>& idx) { return idx ? Json(a.headers[*idx]) : Json(nullptr); };
  Json fields_json = Json::array();
  Json suggested = Json::object(), mapping = Json::object(), columns = Json::array();
  for (const auto& f : fields())
    fields_json.push_back({{"field", f.key}, {"label", f.header}, {"required", f.required}});
  for (const auto& [key, idx] : a.suggested) suggested[key] = header_or_null(idx);
  for (const auto& f : fields()) {
    auto idx = a.mapping.at(f.key);
    mapping[f.key] = header_or_null(idx);
    if (idx) columns.push_back(a.headers[*idx]);
  }
  Json headers = Json::array();
  for (const auto& h : a.headers)
    if (!h.empty()) headers.push_back(h);
  Json rows = Json::array();
  for (const auto& r : a.rows)
    rows.push_back({{"row", r.row}, {"data", r.data}, {"errors", r.errors}, {"pending", r.pending}});
  auto unknowns = [](const std::vector<Unknown>& list) {
    Json out = Json::array();
    for (const auto& u : list) {
      Json choice = nullptr;
      if (u.resolution) {
        choice = {{"action", u.resolution->action}};
        if (u.resolution->action == "map")
          choice["to"] = u.resolution->unit_id ? Json(u.resolution->unit_id) : Json(u.resolution->to);
      }
      out.push_back({{"value", u.value},
                     {"count", u.count},
                     {"rows", u.rows},
                     {"suggestion", u.suggestion.empty() ? Json(nullptr) : Json(u.suggestion)},
                     {"choice", choice}});
    }
    return out;
  };
  Json units = Json::array();
  for (const auto& [id, name] : a.units) units.push_back({{"id", id}, {"name", name}});
  int checked = static_cast<int>(a.rows.size());
  return {{"headers", headers},
          {"fields", fields_json},
          {"suggested_mapping", suggested},
          {"mapping", mapping},
          {"missing", a.missing},
          {"columns", columns},
          {"rows", rows},
          {"total", a.file_rows},
          {"valid", checked - a.invalid},
          {"invalid", a.invalid},
          {"pending", a.pending_rows},
          {"unresolved", a.unresolved},
          {"categories", a.categories},
          {"units", units},
          {"unknown_categories", unknowns(a.unknown_categories)},
          {"unknown_units", unknowns(a.unknown_units)},
          {"create_categories", a.create_categories},
          {"create_units", a.create_units},
          {"new_terms", a.new_terms},
          {"new_sessions", a.new_sessions}};
}

}  // namespace sl::proposals::history
