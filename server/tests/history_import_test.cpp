#include "modules/proposals/history_import.hpp"
#include "modules/proposals/commands.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace sl::proposals::history;

TEST(HistoryImport, ChineseNumbers) {
  EXPECT_EQ(parse_cn_number("三"), 3);
  EXPECT_EQ(parse_cn_number("十"), 10);
  EXPECT_EQ(parse_cn_number("十三"), 13);
  EXPECT_EQ(parse_cn_number("二十"), 20);
  EXPECT_EQ(parse_cn_number("二十一"), 21);
  EXPECT_EQ(parse_cn_number("１３"), 13);
  EXPECT_EQ(parse_cn_number("两"), 2);
  EXPECT_FALSE(parse_cn_number(""));
  EXPECT_FALSE(parse_cn_number("十十"));
  EXPECT_FALSE(parse_cn_number("三三"));
  EXPECT_FALSE(parse_cn_number("届"));
  EXPECT_EQ(sl::proposals::chinese_number(13), "十三");
  EXPECT_EQ(sl::proposals::chinese_number(20), "二十");
  EXPECT_EQ(sl::proposals::chinese_number(4), "四");
}

TEST(HistoryImport, SessionLabels) {
  using P = std::pair<int, int>;
  EXPECT_EQ(parse_session_label("十三届三次会议"), P(13, 3));
  EXPECT_EQ(parse_session_label("第十三届第三次会议"), P(13, 3));
  EXPECT_EQ(parse_session_label("13届3次"), P(13, 3));
  EXPECT_EQ(parse_session_label("政协武汉市汉江区第十三届委员会第五次会议"), P(13, 5));
  EXPECT_EQ(parse_session_label("十四届 一次 会议"), P(14, 1));
  EXPECT_FALSE(parse_session_label("第三次会议"));
  EXPECT_FALSE(parse_session_label("十三届"));
  EXPECT_FALSE(parse_session_label("2019年会议"));
  EXPECT_EQ(sl::proposals::session_label(13, 4), "十三届四次会议");
}

TEST(HistoryImport, Dates) {
  EXPECT_EQ(parse_date("2019-01-10"), "2019-01-10");
  EXPECT_EQ(parse_date("2019/1/9"), "2019-01-09");
  EXPECT_EQ(parse_date("2019.1.9"), "2019-01-09");
  EXPECT_EQ(parse_date("2019年1月9日"), "2019-01-09");
  EXPECT_EQ(parse_date("20190109"), "2019-01-09");
  EXPECT_EQ(parse_date("2019-01-10 09:30:00"), "2019-01-10");
  EXPECT_FALSE(parse_date("2019-13-45"));
  EXPECT_FALSE(parse_date("2019-02-30"));
  EXPECT_FALSE(parse_date("明年一月"));
  EXPECT_FALSE(parse_date("2019-01"));
}

TEST(HistoryImport, SuggestedMapping) {
  auto m = suggest_mapping({"序号", "案号", "届次会议", "案由", "领衔人", "提案人单位", "分类", "时间", "正文",
                            "办理单位（主办在前）", "办理答复", "答复类别", "评价"});
  std::map<std::string, std::optional<size_t>> got(m.begin(), m.end());
  EXPECT_EQ(got["number"], 1u);
  EXPECT_EQ(got["session"], 2u);
  EXPECT_EQ(got["title"], 3u);
  EXPECT_EQ(got["proposers"], 4u) << "the exact synonym wins over a header that merely contains one";
  EXPECT_EQ(got["category"], 6u);
  EXPECT_EQ(got["date"], 7u);
  EXPECT_EQ(got["body"], 8u);
  EXPECT_EQ(got["units"], 9u) << "a remark in brackets is ignored";
  EXPECT_EQ(got["reply"], 10u);
  EXPECT_EQ(got["result"], 11u);
  EXPECT_EQ(got["satisfaction"], 12u);
  EXPECT_FALSE(got["co_units"]);
}
