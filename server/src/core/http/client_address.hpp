#pragma once
// The client's address behind reverse proxies. A request's socket peer is the client unless that
// peer is one of the configured trusted proxies (`[http] trusted_proxies`); then the client is
// the right-most address of X-Forwarded-For that is not itself a trusted proxy. Anything to the
// left of it was written by the client and is never believed. Rate limits, lockout counters,
// sessions and the audit log all key on this one address.

#include <string>
#include <string_view>
#include <vector>

namespace sl::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;
  /// Parses `csv`: comma-separated addresses (`10.0.0.5`, `::1`) or networks (`10.0.0.0/8`).
  /// Throws std::invalid_argument naming the first entry that is neither.
  static TrustedProxies parse(std::string_view csv);

  /// True when `address` (IPv4, IPv6 or IPv4-mapped IPv6 text) is one of the trusted proxies.
  bool contains(std::string_view address) const;
  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::string bytes;  // the network's address bytes (4 or 16; IPv4-mapped IPv6 stored as IPv4)
    int prefix = 0;     // bits that must match
  };
  std::vector<Entry> entries_;
};

/// The client address of a request whose socket peer is `peer` and whose X-Forwarded-For headers
/// (several joined with commas; empty when absent) are `forwarded_for`.
std::string client_address(const std::string& peer, std::string_view forwarded_for, const TrustedProxies& trusted);

/// `address` in its canonical text form (IPv4-mapped IPv6 as IPv4), or empty when it is not an IP address.
std::string canonical_address(std::string_view address);

/// True for 127.0.0.0/8, ::1 and IPv4-mapped loopback.
bool is_loopback(std::string_view address);

}  // namespace sl::http
