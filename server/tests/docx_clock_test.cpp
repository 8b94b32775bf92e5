// The Word document's creation time follows the server's clock, so tests that move the clock
// (and documents made then) agree with every other timestamp.
#include <gtest/gtest.h>

#include <ctime>
#include <string>

#include "core/clock.hpp"
#include "core/docx/internal.hpp"

namespace sl::docx::detail {
namespace {

std::string utc_day(int64_t t) {
  auto tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

TEST(DocxCoreProperties, CreatedFollowsTheTestClock) {
  clock::set_offset(400LL * 86400);
  std::string xml = core_xml("标题", "作者");
  std::string day = utc_day(clock::now());
  clock::set_offset(0);
  EXPECT_NE(xml.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + day + "T"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + day + "T"), std::string::npos) << xml;
}

}  // namespace
}  // namespace sl::docx::detail
