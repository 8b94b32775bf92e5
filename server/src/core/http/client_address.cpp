#include "core/http/client_address.hpp"

#include <utility>
// <utility> must precede Asio with g++ 12 (std::exchange).
#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <optional>
#include <stdexcept>

namespace sl::http {

namespace {
namespace ip = boost::asio::ip;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// Parses an address, accepting "[v6]" brackets; IPv4-mapped IPv6 becomes IPv4.
std::optional<ip::address> parse_ip(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() > 64) return std::nullopt;
  boost::system::error_code ec;
  auto a = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  return a;
}

std::string bytes_of(const ip::address& a) {
  if (a.is_v4()) {
    auto b = a.to_v4().to_bytes();
    return std::string(b.begin(), b.end());
  }
  auto b = a.to_v6().to_bytes();
  return std::string(b.begin(), b.end());
}

bool prefix_matches(const std::string& a, const std::string& b, int prefix) {
  if (a.size() != b.size()) return false;
  for (int i = 0; i < prefix; i += 8) {
    int bits = std::min(8, prefix - i);
    auto mask = static_cast<unsigned char>(0xFF << (8 - bits));
    auto idx = static_cast<size_t>(i / 8);
    if ((static_cast<unsigned char>(a[idx]) & mask) != (static_cast<unsigned char>(b[idx]) & mask)) return false;
  }
  return true;
}
}  // namespace

TrustedProxies TrustedProxies::parse(std::string_view csv) {
  TrustedProxies out;
  size_t pos = 0;
  while (pos <= csv.size()) {
    size_t end = csv.find(',', pos);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view item = trim(csv.substr(pos, end - pos));
    pos = end + 1;
    if (item.empty()) continue;
    std::string_view addr = item;
    std::optional<int> prefix;
    if (auto slash = item.find('/'); slash != std::string_view::npos) {
      addr = item.substr(0, slash);
      std::string_view bits = item.substr(slash + 1);
      int n = -1;
      auto [p, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), n);
      if (ec != std::errc() || p != bits.data() + bits.size() || n < 0)
        throw std::invalid_argument("trusted_proxies: bad network " + std::string(item));
      prefix = n;
    }
    auto a = parse_ip(addr);
    if (!a) throw std::invalid_argument("trusted_proxies: not an IP address: " + std::string(item));
    Entry e{bytes_of(*a), 0};
    int max_bits = static_cast<int>(e.bytes.size()) * 8;
    e.prefix = prefix.value_or(max_bits);
    if (e.prefix > max_bits) throw std::invalid_argument("trusted_proxies: bad network " + std::string(item));
    out.entries_.push_back(std::move(e));
  }
  return out;
}

bool TrustedProxies::contains(std::string_view address) const {
  if (entries_.empty()) return false;
  auto a = parse_ip(address);
  if (!a) return false;
  std::string b = bytes_of(*a);
  for (const auto& e : entries_)
    if (prefix_matches(b, e.bytes, e.prefix)) return true;
  return false;
}

std::string client_address(const std::string& peer, std::string_view forwarded_for, const TrustedProxies& trusted) {
  if (forwarded_for.empty() || !trusted.contains(peer)) return peer;
  // Walk from the right: each hop appended the address it received the request from.
  std::vector<std::string_view> hops;
  size_t pos = 0;
  while (pos <= forwarded_for.size()) {
    size_t end = forwarded_for.find(',', pos);
    if (end == std::string_view::npos) end = forwarded_for.size();
    if (auto item = trim(forwarded_for.substr(pos, end - pos)); !item.empty()) hops.push_back(item);
    pos = end + 1;
  }
  std::string nearest = peer;  // the closest hop known so far
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    auto a = parse_ip(*it);
    // A hop that is not an address: a trusted proxy relayed something it did not check. Stop at
    // the last hop that was one.
    if (!a) return nearest;
    nearest = a->to_string();
    if (!trusted.contains(nearest)) return nearest;
  }
  return nearest;  // every hop is a trusted proxy: the left-most one is the client
}

std::string canonical_address(std::string_view address) {
  auto a = parse_ip(address);
  return a ? a->to_string() : std::string();
}

bool is_loopback(std::string_view address) {
  auto a = parse_ip(address);
  return a && a->is_loopback();
}

}  // namespace sl::http
