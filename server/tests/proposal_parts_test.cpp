// The parts of a proposal that similarity compares: title core, situation, asks, headings.
#include "core/search/proposal_parts.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/utf8.hpp"

namespace sl::search {
namespace {

std::string part_text(const ProposalParts& p, Part which) {
  std::u32string out;
  for (size_t i = 0; i < p.text.size(); ++i)
    if (p.part[i] == which && !p.heading[i]) out += p.text[i];
  return encode_utf8(out);
}

TEST(ProposalParts, TitleCoreDropsTheFrame) {
  EXPECT_EQ(encode_utf8(title_core(U"关于加快推进老旧小区加装电梯的建议")), "加快推进老旧小区加装电梯");
  EXPECT_EQ(encode_utf8(title_core(U"对规范网络售药的提案")), "规范网络售药");
  EXPECT_EQ(encode_utf8(title_core(U"的建议")), "的建议");  // nothing left: kept as it is
  auto p = split_proposal("关于加装电梯的建议", "正文。");
  EXPECT_EQ(part_text(p, Part::title), "加装电梯");
  EXPECT_EQ(part_text(p, Part::frame).substr(0, 6), "关于");
}

TEST(ProposalParts, AsksStartAtTheSuggestionsAndHeadingsWeighNothing) {
  auto p = split_proposal("关于过期药品回收的建议",
                          "一、基本情况\n居民把过期药品扔进垃圾桶。\n二、存在的问题\n回收点太少。\n三、具体建议\n一是设"
                          "回收箱；二是明确职责。");
  EXPECT_TRUE(p.has_asks);
  EXPECT_NE(part_text(p, Part::situation).find("回收点太少"), std::string::npos);
  EXPECT_EQ(part_text(p, Part::asks).find("回收点太少"), std::string::npos);
  EXPECT_NE(part_text(p, Part::asks).find("设回收箱"), std::string::npos);
  EXPECT_EQ(part_text(p, Part::situation).find("基本情况"), std::string::npos);  // a heading

  auto q = split_proposal("关于公园的建议", "公园太早关门。市民不便。为此，建议如下：一是延长开放时间；二是完善照明。");
  EXPECT_NE(part_text(q, Part::asks).find("延长开放时间"), std::string::npos);
  EXPECT_NE(part_text(q, Part::situation).find("公园太早关门"), std::string::npos);

  // A separately written suggestions section starts the asks at the latest.
  std::string body = "情况说明。\n一是增加站点；二是加强管理。";
  auto r = split_proposal("关于公交的提案", body, body.find("一是"));
  EXPECT_NE(part_text(r, Part::asks).find("增加站点"), std::string::npos);
  EXPECT_EQ(part_text(r, Part::asks).find("情况说明"), std::string::npos);
}

TEST(ProposalParts, ClausesFollowThePunctuation) {
  auto p = split_proposal("关于某事的建议", "造成上述问题的原因主要有以下几个方面：一是人手少，二是钱不够。");
  bool found = false;
  for (const auto& c : p.clauses)
    found = found || encode_utf8(p.text.substr(c.begin, c.end - c.begin)) == "造成上述问题的原因主要有以下几个方面";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace sl::search
