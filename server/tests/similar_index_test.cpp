// The in-memory similar-proposal index: matches and the memory it reports.
#include "modules/search/similar_index.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sl::search {
namespace {

TEST(SimilarIndex, FindsTheSameMatterAndReportsTheMemoryItHolds) {
  SimilarIndex index;
  size_t empty = index.memory_bytes();
  ASSERT_TRUE(
      index.upsert({1, 1, 1, "submitted"}, "关于老旧小区加装电梯的建议", "建议简化老旧小区加装电梯的审批流程。"));
  ASSERT_TRUE(index.upsert({2, 1, 1, "submitted"}, "关于社区托育服务的建议", "建议在社区嵌入托育服务设施。"));
  size_t two = index.memory_bytes();
  EXPECT_GT(two, empty);
  // The same text again changes nothing, and the reported memory stays.
  EXPECT_FALSE(
      index.upsert({1, 1, 1, "submitted"}, "关于老旧小区加装电梯的建议", "建议简化老旧小区加装电梯的审批流程。"));
  EXPECT_EQ(index.memory_bytes(), two);
  for (int64_t id = 3; id < 200; ++id)
    index.upsert({id, 1, 1, "submitted"}, "关于第" + std::to_string(id) + "号道路照明的建议", "路灯损坏需要维修。");
  EXPECT_GT(index.memory_bytes(), two);
  index.set_ready(true);  // drops the postings' spare capacity
  EXPECT_GT(index.memory_bytes(), two);
  SimilarFilter filter;
  filter.committee_id = 1;
  auto hits = index.query("老旧小区加装电梯", "加装电梯审批流程要简化", filter, 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].proposal_id, 1);
  EXPECT_EQ(index.size(), 199u);
}

}  // namespace
}  // namespace sl::search
