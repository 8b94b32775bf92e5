#include <gtest/gtest.h>

#include <stdexcept>

#include "core/http/client_address.hpp"
#include "core/http/media_type.hpp"

namespace sl::http {
namespace {

TEST(TrustedProxies, ParsesAddressesAndNetworks) {
  auto t = TrustedProxies::parse(" 10.0.0.5, 192.168.0.0/16 ,::1,2001:db8::/32");
  EXPECT_TRUE(t.contains("10.0.0.5"));
  EXPECT_FALSE(t.contains("10.0.0.6"));
  EXPECT_TRUE(t.contains("192.168.200.7"));
  EXPECT_FALSE(t.contains("192.169.0.1"));
  EXPECT_TRUE(t.contains("::1"));
  EXPECT_TRUE(t.contains("2001:db8:1::9"));
  EXPECT_FALSE(t.contains("2001:db9::1"));
  EXPECT_TRUE(t.contains("::ffff:10.0.0.5")) << "IPv4-mapped IPv6 is the IPv4 address";
  EXPECT_FALSE(t.contains("not-an-address"));
  EXPECT_TRUE(TrustedProxies::parse("").empty());
}

TEST(TrustedProxies, RefusesWhatIsNotAnAddress) {
  EXPECT_THROW(TrustedProxies::parse("10.0.0.1,nginx"), std::invalid_argument);
  EXPECT_THROW(TrustedProxies::parse("10.0.0.0/33"), std::invalid_argument);
  EXPECT_THROW(TrustedProxies::parse("10.0.0.0/x"), std::invalid_argument);
}

TEST(ClientAddress, PeerWhenNotTrustedOrNoHeader) {
  auto t = TrustedProxies::parse("127.0.0.1");
  EXPECT_EQ(client_address("203.0.113.1", "198.51.100.9", t), "203.0.113.1") << "an untrusted peer's header is ignored";
  EXPECT_EQ(client_address("127.0.0.1", "", t), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.9", TrustedProxies()), "127.0.0.1");
}

TEST(ClientAddress, RightMostHopThatIsNotTrusted) {
  auto t = TrustedProxies::parse("127.0.0.1,10.0.0.0/8");
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.9", t), "198.51.100.9");
  // The client wrote the left part itself: only the hop the proxy appended counts.
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4, 198.51.100.9", t), "198.51.100.9");
  // Trusted hops on the right are skipped.
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.9, 10.1.2.3 ,127.0.0.1", t), "198.51.100.9");
  // Several headers joined with commas, empty items and IPv6 with brackets.
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4,,[2001:db8::7]", t), "2001:db8::7");
  // Every hop trusted: the left-most is the client.
  EXPECT_EQ(client_address("127.0.0.1", "10.0.0.9, 10.0.0.8", t), "10.0.0.9");
}

TEST(ClientAddress, GarbageStopsAtTheLastRealHop) {
  auto t = TrustedProxies::parse("127.0.0.1,10.0.0.8");
  EXPECT_EQ(client_address("127.0.0.1", "unknown, 10.0.0.8", t), "10.0.0.8");
  EXPECT_EQ(client_address("127.0.0.1", "<script>", t), "127.0.0.1");
}

TEST(ClientAddress, Loopback) {
  EXPECT_TRUE(is_loopback("127.0.0.1"));
  EXPECT_TRUE(is_loopback("127.3.2.1"));
  EXPECT_TRUE(is_loopback("::1"));
  EXPECT_TRUE(is_loopback("::ffff:127.0.0.1"));
  EXPECT_FALSE(is_loopback("198.51.100.1"));
  EXPECT_FALSE(is_loopback(""));
  EXPECT_EQ(canonical_address("::ffff:198.51.100.1"), "198.51.100.1");
}

TEST(MediaType, EssenceWithoutCaseOrParameters) {
  EXPECT_TRUE(media_type_is("application/json", "application/json"));
  EXPECT_TRUE(media_type_is("Application/JSON; charset=utf-8", "application/json"));
  EXPECT_TRUE(media_type_is(" application/json ;charset=UTF-8", "application/json"));
  EXPECT_FALSE(media_type_is("application/json-patch+json", "application/json"));
  EXPECT_FALSE(media_type_is("text/plain", "application/json"));
  EXPECT_FALSE(media_type_is("", "application/json"));
  EXPECT_TRUE(media_type_is("multipart/form-data; boundary=x", "multipart/form-data"));
}

}  // namespace
}  // namespace sl::http
