#include "modules/proposals/history_import.hpp"

#include "core/api/upload.hpp"
#include "core/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/api/resource.hpp"
#include "core/api/validation.hpp"
#include "core/app.hpp"
#include "core/audit/audit.hpp"
#include "core/http/multipart.hpp"
#include "core/sheet/sheet.hpp"

namespace sl::proposals {

namespace history {

namespace {

/// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes come back as themselves.
char32_t next_cp(const std::string& s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) out.push_back(next_cp(s, i));
  return out;
}

}  // namespace

/// Full-width ASCII (Ａ１：（）) and the ideographic space as their half-width forms.
std::string halfwidth(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_cp(s, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp == 0x3000) cp = ' ';
    append_utf8(out, cp);
  }
  return out;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

bool starts_with(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}
bool ends_with(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

/// `s` cut at every one of `seps`, trimmed, empty pieces dropped.
std::vector<std::string> split_any(const std::string& s, const std::vector<std::string>& seps) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size();) {
    bool cut = false;
    for (const auto& sep : seps)
      if (s.compare(i, sep.size(), sep) == 0) {
        i += sep.size();
        cut = true;
        break;
      }
    if (cut) {
      if (auto t = trim(cur); !t.empty()) out.push_back(t);
      cur.clear();
    } else {
      cur += s[i++];
    }
  }
  if (auto t = trim(cur); !t.empty()) out.push_back(t);
  return out;
}

std::optional<int> parse_cn_number(const std::string& in) {
  std::string s = trim(halfwidth(in));
  if (s.empty()) return std::nullopt;
  if (std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    if (s.size() > 6) return std::nullopt;
    return std::stoi(s);
  }
  auto digit = [](char32_t cp) -> int {
    switch (cp) {
      case U'〇':
      case U'零':
        return 0;
      case U'一':
        return 1;
      case U'二':
      case U'两':
        return 2;
      case U'三':
        return 3;
      case U'四':
        return 4;
      case U'五':
        return 5;
      case U'六':
        return 6;
      case U'七':
        return 7;
      case U'八':
        return 8;
      case U'九':
        return 9;
      default:
        return -1;
    }
  };
  auto cps = code_points(s);
  int value = 0, pending = -1;
  bool seen_ten = false;
  for (char32_t cp : cps) {
    if (cp == U'十') {
      if (seen_ten) return std::nullopt;
      seen_ten = true;
      value = (pending < 0 ? 1 : pending) * 10;
      pending = -1;
      continue;
    }
    int d = digit(cp);
    if (d < 0 || pending >= 0) return std::nullopt;
    pending = d;
  }
  if (pending >= 0) value += pending;
  if (!seen_ten && pending < 0) return std::nullopt;
  return value;
}

std::string cn_number(int n) {
  static const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 0 || n > 99) return std::to_string(n);
  if (n < 10) return kDigits[n];
  if (n < 20) return std::string("十") + (n % 10 ? kDigits[n % 10] : "");
  return std::string(kDigits[n / 10]) + "十" + (n % 10 ? kDigits[n % 10] : "");
}

namespace {
/// The number written just before byte offset `end` of `s` (Chinese numerals or digits,
/// skipping a 第 in front), or nullopt.
std::optional<int> number_before(const std::string& s, size_t end) {
  auto cps = code_points(s.substr(0, end));
  size_t i = cps.size();
  auto numeral = [](char32_t cp) {
    return (cp >= U'0' && cp <= U'9') || cp == U'〇' || cp == U'零' || cp == U'一' || cp == U'二' || cp == U'两' ||
           cp == U'三' || cp == U'四' || cp == U'五' || cp == U'六' || cp == U'七' || cp == U'八' || cp == U'九' ||
           cp == U'十';
  };
  while (i > 0 && numeral(cps[i - 1])) --i;
  if (i == cps.size()) return std::nullopt;
  std::string digits;
  for (size_t k = i; k < cps.size(); ++k) append_utf8(digits, cps[k]);
  return parse_cn_number(digits);
}
}  // namespace

std::optional<std::pair<int, int>> parse_session_label(const std::string& in) {
  std::string s = halfwidth(in);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  size_t term_at = s.find("届");
  if (term_at == std::string::npos) return std::nullopt;
  auto term = number_before(s, term_at);
  size_t session_at = s.find("次", term_at);
  if (!term || session_at == std::string::npos) return std::nullopt;
  auto session = number_before(s, session_at);
  if (!session || *term < 1 || *term > 99 || *session < 1 || *session > 9) return std::nullopt;
  return std::make_pair(*term, *session);
}

std::string session_name(int term, int session) {
  return cn_number(term) + "届" + cn_number(session) + "次会议";
}

std::optional<std::string> parse_date(const std::string& in) {
  std::string s = trim(halfwidth(in));
  // A time after the date ("2019-01-10 09:30:00", "2019-01-10T09:30") is ignored.
  if (auto cut = s.find_first_of(" T"); cut != std::string::npos && cut >= 8) s = s.substr(0, cut);
  std::vector<int> parts;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) parts.push_back(std::stoi(cur.substr(0, 9)));
    cur.clear();
  };
  std::string rest = s;
  for (size_t i = 0; i < rest.size();) {
    char ch = rest[i];
    if (ch >= '0' && ch <= '9') {
      cur += ch;
      ++i;
      continue;
    }
    flush();
    if (ch == '-' || ch == '/' || ch == '.') {
      ++i;
    } else if (rest.compare(i, 3, "年") == 0 || rest.compare(i, 3, "月") == 0) {
      i += 3;
    } else if (rest.compare(i, 3, "日") == 0 || rest.compare(i, 3, "号") == 0) {
      i += 3;
      if (i != rest.size()) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (parts.empty() && cur.size() == 8) {  // 20190110
    parts = {std::stoi(cur.substr(0, 4)), std::stoi(cur.substr(4, 2)), std::stoi(cur.substr(6, 2))};
    cur.clear();
  }
  flush();
  if (parts.size() != 3) return std::nullopt;
  std::string out = fmt::format("{:04d}-{:02d}-{:02d}", parts[0], parts[1], parts[2]);
  if (!api::is_date(out) || parts[0] < 1949) return std::nullopt;
  return out;
}

}  // namespace history

namespace {

using history::ends_with;
using history::halfwidth;
using history::split_any;
using history::starts_with;
using history::trim;
using history::utf8_length;

constexpr const char* kTag = "proposals";
constexpr size_t kMaxTitle = 100;
constexpr size_t kMaxBody = 20000;
constexpr size_t kMaxReply = 50000;

/// One column we read: its key, the header of the template, the headers it is known by in
/// committees' own files, and what the two template rows show.
struct Field {
  std::string key;
  std::string header;
  bool required;
  std::vector<std::string> synonyms;
  std::string example1;
  std::string example2;
};

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = {
      {"number", "提案号", true, {"提案号", "编号", "案号", "提案编号"}, "十三届三次会议第0012号", "36"},
      {"session", "届次", false, {"届次", "会议", "届次会议", "会次"}, "十三届三次会议", "十三届四次会议"},
      {"title",
       "标题",
       true,
       {"标题", "案由", "提案名称", "提案标题", "题目"},
       "关于加快老旧小区加装电梯的建议",
       "关于推进社区嵌入式养老服务的建议"},
      {"proposers", "提案人", true, {"提案人", "提案者", "领衔人", "提出人"}, "王敏、李强", "民盟区委"},
      {"category", "类别", false, {"类别", "分类", "提案类别"}, "城市建设", "社会事业"},
      {"date", "提交日期", false, {"提交日期", "时间", "日期", "提交时间", "提出日期"}, "2019-01-10", "2020-01-09"},
      {"body",
       "提案内容",
       false,
       {"提案内容", "内容", "正文"},
       "我区建成于2000年以前的老旧小区多为六层以下住宅，老年住户比例高，上下楼困难。"
       "建议：一是简化加装电梯审批流程；二是加大财政补贴力度。",
       "随着人口老龄化加深，社区居家养老服务需求快速增长。建议在每个街道建设一处嵌入式养老服务综合体。"},
      {"units", "承办单位", true, {"承办单位", "办理单位", "主办单位"}, "区住房和城市更新局", "区民政局、区卫生健康局"},
      {"co_units", "协办单位", false, {"协办单位", "会办单位"}, "区财政局", ""},
      {"reply",
       "答复内容",
       false,
       {"答复内容", "答复", "办理答复", "答复意见"},
       "您提出的关于加快老旧小区加装电梯的建议收悉，现答复如下：……",
       "您提出的建议收悉，现答复如下：……"},
      {"result", "办理结果", false, {"办理结果", "答复类别", "结果类别"}, "B", "已解决或采纳"},
      {"satisfaction", "满意度", false, {"满意度", "评价", "满意程度", "提案人评价"}, "满意", "基本满意"},
  };
  return kFields;
}

const Field* field_of(const std::string& key) {
  for (const auto& f : fields())
    if (f.key == key) return &f;
  return nullptr;
}

/// A header as compared with the synonyms: half-width, no spaces, no "*", no "(必填)"-like
/// remarks in brackets, no trailing colon.
std::string norm_header(const std::string& h) {
  std::string s = halfwidth(h);
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    if (ch == '(' || ch == '[') ++depth;
    if (depth == 0 && ch != ' ' && ch != '*' && ch != '\t') out += ch;
    if ((ch == ')' || ch == ']') && depth > 0) --depth;
  }
  for (const char* suffix : {":", "【必填】"})
    if (ends_with(out, suffix)) out.resize(out.size() - std::string(suffix).size());
  return out;
}

}  // namespace

namespace history {

std::vector<std::pair<std::string, std::optional<size_t>>> suggest_mapping(const std::vector<std::string>& headers) {
  std::vector<std::string> norm;
  for (const auto& h : headers) norm.push_back(norm_header(h));
  std::map<std::string, std::optional<size_t>> found;
  std::set<size_t> used;
  // First the exact names, then headers that contain a known name (the longest wins).
  for (const auto& f : fields())
    for (const auto& syn : f.synonyms) {
      if (found.count(f.key)) break;
      for (size_t h = 0; h < norm.size(); ++h)
        if (!used.count(h) && !norm[h].empty() && norm[h] == syn) {
          found[f.key] = h;
          used.insert(h);
          break;
        }
    }
  for (size_t h = 0; h < norm.size(); ++h) {
    if (used.count(h) || norm[h].empty()) continue;
    const Field* best = nullptr;
    size_t best_len = 0;
    for (const auto& f : fields()) {
      if (found.count(f.key)) continue;
      for (const auto& syn : f.synonyms)
        if (syn.size() > best_len && norm[h].find(syn) != std::string::npos) {
          best = &f;
          best_len = syn.size();
        }
    }
    if (best) {
      found[best->key] = h;
      used.insert(h);
    }
  }
  std::vector<std::pair<std::string, std::optional<size_t>>> out;
  for (const auto& f : fields()) out.emplace_back(f.key, found.count(f.key) ? found[f.key] : std::nullopt);
  return out;
}

}  // namespace history

namespace {

using history::parse_session_label;
using history::session_name;

// ---------------------------------------------------------------------------------------------
// Cell readers

const std::vector<std::string> kCategories = {"经济建设", "城市建设", "社会事业", "科教文卫", "政治法律", "其他"};

/// The category of `cell` ("" stays ""); sets `problem` when it is none we know.
std::string read_category(const std::string& cell, std::string& problem) {
  std::string s = trim(halfwidth(cell));
  if (s.empty()) return "";
  if (ends_with(s, "类") && utf8_length(s) > 2) s.resize(s.size() - std::string("类").size());
  for (const auto& c : kCategories)
    if (s == c) return c;
  static const std::vector<std::pair<std::string, std::string>> kSynonyms = {
      {"经济", "经济建设"}, {"城建", "城市建设"}, {"城市管理", "城市建设"}, {"城乡建设", "城市建设"},
      {"社会", "社会事业"}, {"民生", "社会事业"}, {"科教", "科教文卫"},     {"教育", "科教文卫"},
      {"科技", "科教文卫"}, {"文化", "科教文卫"}, {"卫生", "科教文卫"},     {"文教卫体", "科教文卫"},
      {"政法", "政治法律"}, {"法制", "政治法律"}, {"法治", "政治法律"},     {"政治", "政治法律"},
      {"其它", "其他"},     {"综合", "其他"}};
  for (const auto& [from, to] : kSynonyms)
    if (s == from) return to;
  std::string allowed;
  for (const auto& c : kCategories) allowed += (allowed.empty() ? "" : "、") + c;
  problem = "类别“" + cell + "”无法识别，应为：" + allowed;
  return "";
}

/// A/B/C/D from a letter ("A", "A类", "Ａ类（已解决或采纳）") or the words of the category.
std::string read_result(const std::string& cell, std::string& problem) {
  std::string s = trim(halfwidth(cell));
  if (s.empty()) return "";
  char first = s[0];
  if (first >= 'a' && first <= 'd') first = static_cast<char>(first - 'a' + 'A');
  if (first >= 'A' && first <= 'D') {
    std::string rest = trim(s.substr(1));
    if (rest.empty() || starts_with(rest, "类") || starts_with(rest, "(") || starts_with(rest, "、"))
      return std::string(1, first);
  }
  auto has = [&](const char* w) { return s.find(w) != std::string::npos; };
  if (has("解释说明") || has("不予采纳") || has("无法解决") || has("不能解决")) return "D";
  if (has("已解决") || has("采纳") || has("已落实")) return "A";
  if (has("正在解决") || has("列入计划") || has("计划解决")) return "B";
  if (has("留作参考") || has("条件限制") || has("参考")) return "C";
  problem =
      "办理结果“" + cell + "”无法识别，应为 A、B、C、D 类或“已解决或采纳”“正在解决或列入计划”“因条件限制留作参考”";
  return "";
}

/// satisfied / basic / unsatisfied from 满意 / 基本满意 / 不满意.
std::string read_satisfaction(const std::string& cell, std::string& problem) {
  std::string s = trim(halfwidth(cell));
  if (s.empty()) return "";
  if (s == "满意" || s == "非常满意" || s == "很满意") return "satisfied";
  if (s == "基本满意" || s == "比较满意") return "basic";
  if (s == "不满意") return "unsatisfied";
  problem = "满意度“" + cell + "”无法识别，应为：满意、基本满意、不满意";
  return "";
}

/// The body split where its suggestions start (具体建议, 建议如下, 建议：…): {before, from there};
/// everything goes before when no such heading is found.
std::pair<std::string, std::string> split_body(const std::string& body) {
  static const std::vector<std::string> kMarkers = {"具体建议", "对策建议", "建议如下", "为此建议", "为此，建议",
                                                    "建议：",   "建议:",    "几点建议", "以下建议"};
  size_t best = std::string::npos;
  for (const auto& m : kMarkers) {
    size_t pos = body.find(m);
    if (pos != std::string::npos && pos >= 30 && pos < best) best = pos;
  }
  if (best == std::string::npos) return {trim(body), ""};
  // Keep a heading number (二、) or a line break in front with the suggestions.
  size_t line = body.rfind('\n', best);
  if (line != std::string::npos && best - line <= 10) best = line + 1;
  return {trim(body.substr(0, best)), trim(body.substr(best))};
}

// ---------------------------------------------------------------------------------------------
// The committee as the import sees it

struct Group {
  std::string type;
  int64_t id;
};

struct Directory {
  std::map<std::string, int64_t> units;                      // name and short name → id
  std::vector<std::pair<std::string, Group>> groups;         // name → group, parties before sectors
  std::map<int, std::pair<int64_t, int>> terms;              // term number → (id, start year)
  std::map<std::pair<int, int>, int64_t> sessions;           // (term, session) → id
  std::map<std::pair<int, int>, std::string> session_start;  // (term, session) → start_date

  static Directory load(db::Connection& c, int64_t committee_id) {
    Directory d;
    for (const auto& r :
         c.exec("SELECT id, name, short_name FROM units WHERE committee_id = $1 ORDER BY id", {committee_id}).rows) {
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
      if (!ok && utf8_length(rest) <= 10)
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
// Rows

struct Row {
  int row = 0;
  Json data = Json::object();
  Json errors = Json::array();
  std::pair<int, int> session{0, 0};
  int64_t number = 0;
  std::string title, proposer_name, kind = "individual", category, date, situation, suggestions, reply, result,
                                    satisfaction, handling_type;
  std::optional<Group> group;
  std::vector<std::pair<int64_t, std::string>> units;  // unit id, lead | co
};

/// A session the import needs: existing (id set) or to be created with its year.
struct SessionNeed {
  std::optional<int64_t> id;
  int year = 0;
  std::string start_date;  // for rows without a date
};

struct Analysis {
  std::vector<std::string> headers;
  std::vector<std::pair<std::string, std::optional<size_t>>> suggested;
  std::map<std::string, std::optional<size_t>> mapping;  // field → header index
  std::vector<std::string> missing;                      // labels of unmapped required fields
  size_t file_rows = 0;  // data rows in the file (checked only when no required field is missing)
  std::vector<Row> rows;
  std::map<std::pair<int, int>, SessionNeed> sessions;
  std::vector<std::string> new_terms, new_sessions;
  int invalid = 0;
};

/// The `mapping` part of the upload ({field: header or null}), when one was sent.
std::optional<Json> uploaded_mapping(const http::Request& req) {
  if (req.header("content-type").rfind("multipart/form-data", 0) != 0) return std::nullopt;
  std::string text;
  try {
    text = http::uploaded_file(req, "mapping").content;
  } catch (const ApiError&) {
    return std::nullopt;
  }
  if (trim(text).empty()) return std::nullopt;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw ApiError::validation("mapping", "列对应关系（mapping）应为 JSON 对象，如 {\"title\": \"案由\"}");
  return j;
}

void add_error(Row& r, const std::string& column, const std::string& reason) {
  r.errors.push_back({{"column", column}, {"reason", reason}});
}

Analysis analyse(db::Connection& c, int64_t committee_id, const Sheet& sheet, const std::optional<Json>& explicit_map) {
  Analysis a;
  a.headers = sheet.header;
  a.file_rows = sheet.rows.size();
  a.suggested = history::suggest_mapping(sheet.header);
  for (const auto& [key, idx] : a.suggested) a.mapping[key] = idx;
  if (explicit_map) {
    std::set<std::string> seen_headers;
    for (auto it = explicit_map->begin(); it != explicit_map->end(); ++it) {
      if (!field_of(it.key())) throw ApiError::validation("mapping", "未知的字段：" + it.key());
      if (it.value().is_null() || (it.value().is_string() && it.value().get<std::string>().empty())) {
        a.mapping[it.key()] = std::nullopt;
        continue;
      }
      if (!it.value().is_string()) throw ApiError::validation("mapping", "字段 " + it.key() + " 应对应文件中的列名");
      std::string h = it.value().get<std::string>();
      auto pos = std::find(sheet.header.begin(), sheet.header.end(), h);
      if (pos == sheet.header.end()) throw ApiError::validation("mapping", "文件中没有“" + h + "”列");
      if (!seen_headers.insert(h).second) throw ApiError::validation("mapping", "“" + h + "”列不能同时对应多个字段");
      a.mapping[it.key()] = static_cast<size_t>(pos - sheet.header.begin());
    }
    // A suggestion the explicit mapping did not mention must not reuse a header it assigned.
    for (auto& [key, idx] : a.mapping)
      if (idx && !explicit_map->contains(key) && seen_headers.count(sheet.header[*idx])) idx = std::nullopt;
  }
  for (const auto& f : fields())
    if (f.required && !a.mapping[f.key]) a.missing.push_back(f.header);
  if (!a.missing.empty()) return a;  // nothing to check row by row until the columns are known

  auto dir = Directory::load(c, committee_id);
  auto column = [&](const std::string& key) {
    auto idx = a.mapping[key];
    return idx ? sheet.header[*idx] : field_of(key)->header;
  };
  auto cell = [&](const std::vector<std::string>& cells, const std::string& key) -> std::string {
    auto idx = a.mapping[key];
    return idx && *idx < cells.size() ? trim(cells[*idx]) : "";
  };

  std::map<std::tuple<int, int, int64_t>, int> numbers_in_file;
  std::map<std::pair<int, int>, std::vector<size_t>> rows_of_session;
  for (size_t i = 0; i < sheet.rows.size(); ++i) {
    const auto& cells = sheet.rows[i];
    Row r;
    r.row = static_cast<int>(sheet.row_numbers[i]);
    for (const auto& f : fields())
      if (auto idx = a.mapping[f.key]) r.data[sheet.header[*idx]] = *idx < cells.size() ? cells[*idx] : "";

    // Number and session: the number may carry the session (十三届三次会议第0012号).
    std::string number_cell = halfwidth(cell(cells, "number"));
    std::string session_cell = cell(cells, "session");
    std::optional<std::pair<int, int>> session_of_number;
    if (number_cell.empty()) {
      add_error(r, column("number"), "提案号必填");
    } else {
      size_t end = number_cell.size();
      while (end > 0 && !(number_cell[end - 1] >= '0' && number_cell[end - 1] <= '9')) --end;
      size_t begin = end;
      while (begin > 0 && number_cell[begin - 1] >= '0' && number_cell[begin - 1] <= '9') --begin;
      std::string tail = trim(number_cell.substr(end));
      if (end == 0 || end - begin > 6 || !(tail.empty() || tail == "号")) {
        add_error(r, column("number"), "无法识别的提案号“" + number_cell + "”，应如“0012”或“十三届三次会议第0012号”");
      } else {
        r.number = std::stoll(number_cell.substr(begin, end - begin));
        if (r.number <= 0) add_error(r, column("number"), "提案号应为正整数");
        session_of_number = parse_session_label(number_cell.substr(0, begin));
      }
    }
    if (!session_cell.empty()) {
      auto s = parse_session_label(session_cell);
      if (!s)
        add_error(r, column("session"), "无法识别的届次“" + session_cell + "”，应如“十三届三次会议”");
      else if (session_of_number && *session_of_number != *s)
        add_error(r, column("number"), "提案号中的届次与届次列（" + session_cell + "）不一致");
      else
        r.session = *s;
    } else if (session_of_number) {
      r.session = *session_of_number;
    } else if (r.errors.empty()) {
      add_error(r, column("session"), "届次必填（或在提案号中写明，如“十三届三次会议第0012号”）");
    }

    r.title = cell(cells, "title");
    if (r.title.empty())
      add_error(r, column("title"), "标题必填");
    else if (utf8_length(r.title) > kMaxTitle)
      add_error(r, column("title"), "标题过长（最多 " + std::to_string(kMaxTitle) + " 字）");

    // Proposers: one, several, or a party / sector / special committee.
    auto names = split_any(halfwidth(cell(cells, "proposers")), {"、", ",", "，", ";", "；", "/", "\n"});
    if (names.empty()) {
      add_error(r, column("proposers"), "提案人必填");
    } else {
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
      if (utf8_length(joined) > 200) add_error(r, column("proposers"), "提案人过长（最多 200 字）");
      if (groups > 0) {
        r.kind = "collective";
        if (groups > 1 || names.size() > 1) r.group.reset();  // several groups: no single one to record
      } else if (names.size() > 1) {
        r.kind = "joint";
      }
    }

    std::string problem;
    r.category = read_category(cell(cells, "category"), problem);
    if (!problem.empty()) add_error(r, column("category"), problem);

    if (std::string d = cell(cells, "date"); !d.empty()) {
      auto parsed = history::parse_date(d);
      if (!parsed)
        add_error(r, column("date"), "无法识别的日期“" + d + "”，应如 2019-01-10");
      else
        r.date = *parsed;
    }

    std::string body = cell(cells, "body");
    if (utf8_length(body) > kMaxBody)
      add_error(r, column("body"), "提案内容过长（最多 " + std::to_string(kMaxBody) + " 字）");
    std::tie(r.situation, r.suggestions) = split_body(body);

    // Units: the lead first; "主办："/"协办：" or "（协办）" marks may say who is which.
    struct Wanted {
      std::string name, role, column;  // role "" = by position
    };
    std::vector<Wanted> wanted;
    auto read_units = [&](const std::string& key, const std::string& default_role) {
      std::string text = halfwidth(cell(cells, key));
      for (size_t p; (p = text.find(": ")) != std::string::npos;) text.erase(p + 1, 1);
      for (auto name : split_any(text, {"、", ",", "，", ";", "；", "/", "\n", " "})) {
        std::string role = default_role;
        auto cut_prefix = [&](const char* p, const char* as) {
          if (!starts_with(name, p)) return;
          name = trim(name.substr(std::string(p).size()));
          role = as;
        };
        auto cut_suffix = [&](const char* s, const char* as) {
          if (!ends_with(name, s)) return;
          name = trim(name.substr(0, name.size() - std::string(s).size()));
          role = as;
        };
        for (const char* p : {"主办单位:", "主办:"}) cut_prefix(p, "lead");
        for (const char* p : {"协办单位:", "协办:", "会办:"}) cut_prefix(p, "co");
        for (const char* s : {"(主办单位)", "(主办)"}) cut_suffix(s, "lead");
        for (const char* s : {"(协办单位)", "(协办)", "(会办)"}) cut_suffix(s, "co");
        if (!name.empty()) wanted.push_back({name, role, column(key)});
      }
    };
    read_units("units", "");
    read_units("co_units", "co");
    if (wanted.empty()) {
      add_error(r, column("units"), "承办单位必填");
    } else {
      bool marked_lead = std::any_of(wanted.begin(), wanted.end(), [](const Wanted& w) { return w.role == "lead"; });
      std::set<int64_t> seen;
      int leads = 0;
      bool unit_error = false;
      for (auto& w : wanted) {
        if (w.role.empty()) w.role = (!marked_lead && leads == 0) ? "lead" : "co";
        auto u = dir.units.find(w.name);
        if (u == dir.units.end()) {
          add_error(r, w.column, "承办单位“" + w.name + "”不存在，请先在承办单位中添加或改用系统中的单位名称");
          unit_error = true;
          continue;
        }
        if (!seen.insert(u->second).second) {
          add_error(r, w.column, "承办单位“" + w.name + "”重复");
          unit_error = true;
          continue;
        }
        if (w.role == "lead") ++leads;
        r.units.emplace_back(u->second, w.role);
      }
      if (leads == 0 && !unit_error) add_error(r, column("units"), "须有一个主办单位");
      std::stable_sort(r.units.begin(), r.units.end(),
                       [](const auto& x, const auto& y) { return x.second == "lead" && y.second != "lead"; });
      if (leads > 1)
        r.handling_type = "split";
      else
        r.handling_type = r.units.size() > 1 ? "lead_co" : "single";
    }

    r.reply = cell(cells, "reply");
    if (utf8_length(r.reply) > kMaxReply)
      add_error(r, column("reply"), "答复内容过长（最多 " + std::to_string(kMaxReply) + " 字）");
    problem.clear();
    r.result = read_result(cell(cells, "result"), problem);
    if (!problem.empty()) add_error(r, column("result"), problem);
    problem.clear();
    r.satisfaction = read_satisfaction(cell(cells, "satisfaction"), problem);
    if (!problem.empty()) add_error(r, column("satisfaction"), problem);

    // Duplicates in the file and in the database.
    if (r.session.first > 0 && r.number > 0) {
      auto key = std::make_tuple(r.session.first, r.session.second, r.number);
      auto [it, fresh] = numbers_in_file.emplace(key, r.row);
      if (!fresh)
        add_error(r, column("number"),
                  "提案号与第 " + std::to_string(it->second) + " 行重复（" +
                      session_name(r.session.first, r.session.second) + "第" + fmt::format("{:04d}", r.number) +
                      "号）");
      auto s = dir.sessions.find(r.session);
      if (s != dir.sessions.end() &&
          !c.exec("SELECT 1 FROM proposals WHERE session_id = $1 AND number = $2", {s->second, r.number}).empty())
        add_error(r, column("number"),
                  session_name(r.session.first, r.session.second) + "第" + fmt::format("{:04d}", r.number) +
                      "号提案已存在于系统中");
    }
    if (r.session.first > 0) rows_of_session[r.session].push_back(a.rows.size());
    a.rows.push_back(std::move(r));
  }

  // Sessions: existing ones, or new ones whose year comes from their term, the rows' dates, or
  // another term (five years each).
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
        add_error(a.rows[i], column("session"),
                  "无法确定“" + session_name(term_no, session_no) + "”的年份，请填写提交日期或先在届次管理中建立该届");
      continue;
    }
    need.start_date = fmt::format("{:04d}-01-01", need.year);
    a.sessions[key] = need;
    a.new_sessions.push_back(session_name(term_no, session_no));
    if (!dir.terms.count(term_no)) {
      std::string term_name = "第" + history::cn_number(term_no) + "届";
      if (std::find(a.new_terms.begin(), a.new_terms.end(), term_name) == a.new_terms.end())
        a.new_terms.push_back(term_name);
    }
  }
  for (const auto& r : a.rows)
    if (!r.errors.empty()) ++a.invalid;
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
  for (const auto& r : a.rows) rows.push_back({{"row", r.row}, {"data", r.data}, {"errors", r.errors}});
  int checked = static_cast<int>(a.rows.size());
  return {{"headers", headers},   {"fields", fields_json},    {"suggested_mapping", suggested},
          {"mapping", mapping},   {"missing", a.missing},     {"columns", columns},
          {"rows", rows},         {"total", a.file_rows},     {"valid", checked - a.invalid},
          {"invalid", a.invalid}, {"new_terms", a.new_terms}, {"new_sessions", a.new_sessions}};
}

Sheet read_upload(const http::Request& req, std::string& filename) {
  auto file = http::uploaded_file(req);
  filename = file.filename;
  Sheet sheet = api::read_uploaded_sheet(file);
  if (sheet.rows.empty()) throw ApiError(ErrorCode::validation_failed, "文件中没有数据行");
  return sheet;
}

void authorize(const http::Request& req) {
  if (!req.user().has_any({Role::admin, Role::proposal_staff}))
    throw ApiError::forbidden("只有管理员和提案委可以导入历史提案");
}

std::string number_label(int term, int session, int64_t number) {
  return session_name(term, session) + " 第" + fmt::format("{:04d}", number) + "号";
}

/// The disabled account that proposes imported proposals (no password: nobody logs in as it).
int64_t system_user(db::Connection& c, int64_t committee_id) {
  std::string username = "history-import-" + std::to_string(committee_id);
  auto r = c.exec("SELECT id FROM users WHERE username = $1", {username});
  if (!r.empty()) return r.one().integer(0);
  return c
      .exec(
          "INSERT INTO users (username, name, password_hash, status) VALUES ($1, '历史导入', '', 'disabled') "
          "RETURNING id",
          {username})
      .one()
      .integer(0);
}

/// Writes every row of `a` (which has no errors) on `c`; returns the new proposal ids.
std::vector<int64_t> write_rows(db::Connection& c, const http::Request& req, Analysis& a, const std::string& filename,
                                int64_t& import_id) {
  const auto& user = req.user();
  int64_t cid = user.committee_id;
  int64_t system = system_user(c, cid);
  import_id = c.exec(
                   "INSERT INTO proposal_imports (committee_id, user_id, filename, row_count) VALUES ($1, $2, $3, "
                   "$4) RETURNING id",
                   {cid, user.user_id, filename, static_cast<int64_t>(a.rows.size())})
                  .one()
                  .integer(0);

  // Terms and sessions that do not exist yet.
  std::map<int, int64_t> term_ids;
  for (const auto& r : c.exec("SELECT id, number FROM terms WHERE committee_id = $1", {cid}).rows)
    term_ids[static_cast<int>(r.integer(1))] = r.integer(0);
  for (auto& [key, need] : a.sessions) {
    if (need.id) continue;
    auto [term_no, session_no] = key;
    if (!term_ids.count(term_no)) {
      int start = need.year - session_no + 1;
      term_ids[term_no] = c.exec(
                               "INSERT INTO terms (committee_id, number, name, start_date, end_date) VALUES ($1, $2, "
                               "$3, $4, $5) RETURNING id",
                               {cid, int64_t{term_no}, "第" + history::cn_number(term_no) + "届",
                                fmt::format("{:04d}-01-01", start), fmt::format("{:04d}-12-31", start + 4)})
                              .one()
                              .integer(0);
    }
    need.id = c.exec(
                   "INSERT INTO sessions (committee_id, term_id, number, name, start_date, end_date, is_current) "
                   "VALUES ($1, $2, $3, $4, $5, $5, 0) RETURNING id",
                   {cid, term_ids[term_no], int64_t{session_no}, session_name(term_no, session_no), need.start_date})
                  .one()
                  .integer(0);
  }

  std::vector<int64_t> ids;
  std::map<int64_t, int64_t> highest;  // session id → highest imported number
  std::string now = db::now_iso();
  for (const auto& r : a.rows) {
    const auto& need = a.sessions.at(r.session);
    int64_t session_id = *need.id;
    std::string day = r.date.empty() ? need.start_date : r.date;
    std::string at = day + "T00:00:00Z";
    db::Value result = r.result.empty() ? db::Value(nullptr) : db::Value(r.result);
    db::Value satisfaction = r.satisfaction.empty() ? db::Value(nullptr) : db::Value(r.satisfaction);
    int64_t id =
        c.exec(
             "INSERT INTO proposals (committee_id, session_id, number, number_label, kind, title, situation, "
             "suggestions, category, proposer_user_id, proposer_name, group_type, group_id, state, handling_type, "
             "result_category, satisfaction, submitted_at, filed_at, assigned_at, replied_at, closed_at, imported, "
             "import_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
             "'closed', $14, $15, $16, $17, $17, $17, $17, $17, 1, $18, $19, $19) RETURNING id",
             {cid, session_id, r.number, number_label(r.session.first, r.session.second, r.number), r.kind, r.title,
              r.situation, r.suggestions, r.category, system, r.proposer_name,
              r.group ? db::Value(r.group->type) : db::Value(nullptr),
              r.group ? db::Value(r.group->id) : db::Value(nullptr), r.handling_type, result, satisfaction, at,
              import_id, now})
            .one()
            .integer(0);
    for (const auto& [unit, role] : r.units)
      c.exec(
          "INSERT INTO proposal_assignments (proposal_id, unit_id, role, state, round, signed_at, created_at) "
          "VALUES ($1, $2, $3, 'replied', 1, $4, $4)",
          {id, unit, role, at});
    if (!r.reply.empty() || !r.result.empty())
      c.exec(
          "INSERT INTO proposal_replies (proposal_id, unit_id, round, body, result_category, state, created_by, "
          "approved_by, created_at, released_at) VALUES ($1, $2, 1, $3, $4, 'released', $5, $5, $6, $6)",
          {id, r.units.front().first, r.reply, r.result, system, at});
    if (!r.satisfaction.empty())
      c.exec(
          "INSERT INTO proposal_feedback (proposal_id, round, user_id, rating, comment, created_at) VALUES ($1, 1, "
          "$2, $3, '历史导入', $4)",
          {id, system, r.satisfaction, at});
    c.exec(
        "INSERT INTO proposal_history (proposal_id, at, actor_user_id, actor_name, role, action, from_state, "
        "to_state, payload) VALUES ($1, $2, $3, $4, $5, 'import', 'closed', 'closed', $6)",
        {id, now, user.user_id, user.name, user.primary_role(),
         Json{{"import_id", import_id}, {"row", r.row}, {"file", filename}}.dump()});
    highest[session_id] = std::max(highest[session_id], r.number);
    ids.push_back(id);
  }
  // Numbers given later by 立案 in these sessions continue after the imported ones.
  for (const auto& [session_id, n] : highest)
    c.exec(
        "INSERT INTO proposal_number_counters (session_id, last_number) VALUES ($1, $2) ON CONFLICT (session_id) DO "
        "UPDATE SET last_number = CASE WHEN excluded.last_number > proposal_number_counters.last_number THEN "
        "excluded.last_number ELSE proposal_number_counters.last_number END",
        {session_id, n});

  auto e = audit::entry_for(req, "proposal.import", "proposal_import", std::to_string(import_id));
  e.after = {
      {"file", filename}, {"imported", ids.size()}, {"new_terms", a.new_terms}, {"new_sessions", a.new_sessions}};
  audit::record(c, e);
  return ids;
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
        auto c = app.db().acquire();
        return http::Response::json(analysis_json(analyse(*c, req.user().committee_id, sheet, mapping)));
      },
      upload_meta(app, "预览历史提案导入：识别列、建议对应关系、逐行检查（不写入）"));

  app.route(
      http::Method::POST, "/api/v1/proposals/import/commit",
      [&app](http::Request& req) {
        authorize(req);
        std::string filename;
        Sheet sheet = read_upload(req, filename);
        auto mapping = uploaded_mapping(req);
        std::vector<int64_t> ids;
        int64_t import_id = 0;
        Json summary;
        try {
          app.db().transaction([&](db::Connection& c) {
            Analysis a = analyse(c, req.user().committee_id, sheet, mapping);
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
            ids = write_rows(c, req, a, filename, import_id);
            summary = {{"new_terms", a.new_terms}, {"new_sessions", a.new_sessions}};
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
