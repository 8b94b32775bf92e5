#pragma once
// Historical import (历史提案导入): a committee that adopts Shangliang brings the closed
// proposals of its past sessions from an .xlsx/.csv file, with a template, a column-mapping
// step for files whose headers differ, a preview that checks every row, and a commit that
// imports every row in one transaction or nothing. Imported proposals are ordinary closed
// proposals (number, units, released reply, feedback) flagged `imported`, proposed through one
// disabled system account per committee; missing sessions (and their terms) are created.
// Handling units are optional (old lists often lack them). Categories and units the committee
// does not know are listed by the preview once each with their counts; staff map each to an
// existing one or have it created (a category joins the committee's list in proposal settings,
// a unit becomes a handling unit record), and the commit refuses while any is left undecided.
//
// Routes: GET /api/v1/proposals/import/template, POST …/import/preview, POST …/import/commit.
// Both POSTs take the `file` and, optionally, the JSON parts `mapping` ({field: header or null}),
// `category_map` and `unit_map` ({value: {"action": "map", "to": category name | unit id} or
// {"action": "create"}}).
// After a commit, one `proposal.imported` event per proposal.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"

namespace sl {
class App;
}

namespace sl::proposals {

void register_history_import(App& app);

namespace history {

/// A number written in Chinese numerals (一 … 九十九, 〇/零, 两) or Arabic digits; nullopt otherwise.
std::optional<int> parse_cn_number(const std::string& s);
/// The term and session numbers of a label such as 十三届三次会议, 第十三届第三次会议, 13届3次,
/// or the official 政协…第十三届…委员会第三次会议; nullopt when it does not say both.
std::optional<std::pair<int, int>> parse_session_label(const std::string& s);
/// A date such as 2019-01-10, 2019/1/10, 2019.1.10, 2019年1月10日 or 20190110 (a time after it is
/// ignored) as YYYY-MM-DD; nullopt when it is not a valid date.
std::optional<std::string> parse_date(const std::string& s);
/// For each of our field keys, the index in `headers` that looks like it (known synonyms),
/// or nullopt. Each header is used at most once.
std::vector<std::pair<std::string, std::optional<size_t>>> suggest_mapping(const std::vector<std::string>& headers);

}  // namespace history

}  // namespace sl::proposals
