// The columns of a historical import: the fields we read with the headers committees' files use
// for them, the template rows, and the mapping of a file's headers to the fields (suggested from
// the headers, or given by the uploader).

#include <algorithm>
#include <map>
#include <set>

#include "modules/proposals/history_import_internal.hpp"

namespace sl::proposals::history {

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
      {"units",
       "承办单位",
       false,
       {"承办单位", "办理单位", "主办单位"},
       "区住房和城市更新局",
       "区民政局、区卫生健康局"},
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

namespace {

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

std::vector<std::pair<std::string, std::optional<size_t>>> suggest_mapping(const std::vector<std::string>& headers) {
  std::vector<std::string> norm;
  norm.reserve(headers.size());
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

std::map<std::string, std::optional<size_t>> resolve_mapping(
    const std::vector<std::string>& headers,
    const std::vector<std::pair<std::string, std::optional<size_t>>>& suggested,
    const std::optional<Json>& explicit_map) {
  std::map<std::string, std::optional<size_t>> mapping;
  for (const auto& [key, idx] : suggested) mapping[key] = idx;
  if (!explicit_map) return mapping;
  std::set<std::string> seen_headers;
  for (auto it = explicit_map->begin(); it != explicit_map->end(); ++it) {
    if (!field_of(it.key())) throw ApiError::validation("mapping", "未知的字段：" + it.key());
    if (it.value().is_null() || (it.value().is_string() && it.value().get<std::string>().empty())) {
      mapping[it.key()] = std::nullopt;
      continue;
    }
    if (!it.value().is_string()) throw ApiError::validation("mapping", "字段 " + it.key() + " 应对应文件中的列名");
    std::string h = it.value().get<std::string>();
    auto pos = std::find(headers.begin(), headers.end(), h);
    if (pos == headers.end()) throw ApiError::validation("mapping", "文件中没有“" + h + "”列");
    if (!seen_headers.insert(h).second) throw ApiError::validation("mapping", "“" + h + "”列不能同时对应多个字段");
    mapping[it.key()] = static_cast<size_t>(pos - headers.begin());
  }
  // A suggestion the explicit mapping did not mention must not reuse a header it assigned.
  for (auto& [key, idx] : mapping)
    if (idx && !explicit_map->contains(key) && seen_headers.count(headers[*idx])) idx = std::nullopt;
  return mapping;
}

}  // namespace sl::proposals::history
