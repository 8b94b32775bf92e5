// Two proposals compared in detail: tiers, boilerplate that weighs nothing, shared phrases.
#include "modules/search/similar_pair.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sl::search {
namespace {

TEST(SimilarPair, TitleCoresAndAsksAreCompared) {
  SimilarIndex index;
  index.upsert({1, 1, 1, "submitted"}, "关于加快推进老旧小区加装电梯的建议",
               "老楼没有电梯。为此建议：简化加装电梯审批。");
  index.upsert({2, 1, 1, "submitted"}, "关于破解老楼加装电梯协调难审批慢问题的建议",
               "老人上下楼难。建议：加装电梯审批并联办理。");
  index.upsert({3, 1, 1, "submitted"}, "关于社区托育的建议", "托育难。建议：建设托育点。");
  auto stats = index.stats();
  Profile a = make_profile(stats, "关于加快推进老旧小区加装电梯的建议", "老楼没有电梯。为此建议：简化加装电梯审批。");
  Profile b =
      make_profile(stats, "关于破解老楼加装电梯协调难审批慢问题的建议", "老人上下楼难。建议：加装电梯审批并联办理。");
  Profile c = make_profile(stats, "关于社区托育的建议", "托育难。建议：建设托育点。");
  EXPECT_FALSE(a.title.empty());
  EXPECT_TRUE(a.has_asks);
  PairEvidence ab = compare(a, b), ac = compare(a, c);
  EXPECT_GT(ab.title, 0.1);
  EXPECT_GT(ab.asks, 0.1);
  EXPECT_GT(ab.score, ac.score);
  EXPECT_EQ(ac.tier, Tier::none);
  auto phrases = shared_phrases(stats, a, b, 6);
  ASSERT_FALSE(phrases.empty());
  EXPECT_NE(phrases[0].find("加装电梯"), std::string::npos);
}

}  // namespace
}  // namespace sl::search

namespace sl::search {
namespace {

TEST(SimilarPair, BoilerplateLearnedFromTheCorpusWeighsNothing) {
  SimilarIndex index;
  const char* topics[] = {"电动自行车充电", "技能人才培养", "老旧小区改造", "海绵城市建设", "停车难治理",
                          "社区养老服务",   "校园食品安全", "背街小巷整治", "农村饮水安全", "公园夜间开放"};
  for (int i = 0; i < 40; ++i) {
    std::string topic = topics[i % 10] + std::string(i >= 10 ? "第" + std::to_string(i) + "项" : "");
    index.upsert({i + 1, 1, 1, "submitted"}, "关于进一步加强" + topic + "的建议",
                 "近年来，" + topic + "取得一定成效。造成上述问题的原因主要有以下几个方面：投入不足。\n建议：加大" +
                     topic + "投入。");
  }
  auto stats = index.stats();
  Profile a = make_profile(stats, "关于进一步加强电动自行车充电的建议",
                           "造成上述问题的原因主要有以下几个方面：充电桩少。\n建议：增加充电桩。");
  Profile b = make_profile(stats, "关于进一步加强技能人才培养的建议",
                           "造成上述问题的原因主要有以下几个方面：培训少。\n建议：开展职业培训。");
  PairEvidence e = compare(a, b);
  EXPECT_LT(e.overall, 0.05);
  EXPECT_EQ(e.tier, Tier::none);
  auto phrases = shared_phrases(stats, a, b, 6);
  for (const auto& p : phrases) {
    EXPECT_EQ(p.find("进一步"), std::string::npos) << p;
    EXPECT_EQ(p.find("原因主要"), std::string::npos) << p;
  }
}

}  // namespace
}  // namespace sl::search

#include <chrono>
#include <cstdio>

namespace sl::search {
namespace {

// The editor compares its text with up to 40 candidates per request: that stays in milliseconds
// for proposals of about 1,100 characters (the bench's generated ones).
TEST(SimilarPair, FortyComparisonsOfLongProposalsStayCheap) {
  SimilarIndex index;
  std::string para =
      "近年来，我区围绕群众急难愁盼问题持续发力，社区养老服务设施建设、老旧小区改造、背街小巷整治等工作取得明显成效。"
      "但调研中也发现，设施布局不均衡，运营经费不足，专业人才短缺，群众满意度有待提高。";
  std::vector<std::pair<std::string, std::string>> texts;
  for (int i = 0; i < 40; ++i) {
    std::string body;
    for (int k = 0; k < 8; ++k) body += std::to_string(i * 10 + k) + para + (k % 3 == 2 ? "\n" : "");
    body += "\n建议：一是加大投入" + std::to_string(i) + "；二是完善机制；三是加强队伍建设。";
    texts.emplace_back("关于第" + std::to_string(i) + "项民生实事的建议", body);
    index.upsert({i + 1, 1, 1, "submitted"}, texts.back().first, texts.back().second);
  }
  auto t0 = std::chrono::steady_clock::now();
  auto stats = index.stats();
  Profile mine = make_profile(stats, texts[0].first, texts[0].second);
  double total = 0;
  for (const auto& [title, body] : texts) total += compare(mine, make_profile(stats, title, body)).overall;
  for (int i = 0; i < 10; ++i)
    total += static_cast<double>(
        shared_phrases(stats, mine, make_profile(stats, texts[i].first, texts[i].second), 6).size());
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("40 profiles and comparisons, 10 shared-phrase lists: %.2f ms (%zu characters a text)\n", ms,
              texts[0].second.size() / 3);
  EXPECT_GT(total, 0);
  EXPECT_LT(ms, 200.0);
}

}  // namespace
}  // namespace sl::search
