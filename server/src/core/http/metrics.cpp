#include "core/http/metrics.hpp"

#include <fmt/format.h>

namespace sl::http {

void Metrics::observe(const std::string& method, const std::string& route, int status, double seconds) {
  std::lock_guard lk(mu_);
  counts_[{method, route, status}]++;
  auto& h = latency_[{method, route}];
  h.count++;
  h.sum += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) h.buckets[i]++;
}

std::string Metrics::render(const std::string& extra) const {
  std::string out;
  out += "# HELP shangliang_http_requests_total Requests answered, by route and status.\n";
  out += "# TYPE shangliang_http_requests_total counter\n";
  std::lock_guard lk(mu_);
  for (const auto& [key, n] : counts_) {
    const auto& [method, route, status] = key;
    out += fmt::format("shangliang_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", method, route,
                       status, n);
  }
  out += "# HELP shangliang_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE shangliang_http_request_duration_seconds histogram\n";
  for (const auto& [key, h] : latency_) {
    const auto& [method, route] = key;
    for (size_t i = 0; i < kBuckets.size(); ++i)
      out += fmt::format("shangliang_http_request_duration_seconds_bucket{{method=\"{}\",route=\"{}\",le=\"{}\"}} {}\n",
                         method, route, kBuckets[i], h.buckets[i]);
    out += fmt::format("shangliang_http_request_duration_seconds_bucket{{method=\"{}\",route=\"{}\",le=\"+Inf\"}} {}\n",
                       method, route, h.count);
    out += fmt::format("shangliang_http_request_duration_seconds_sum{{method=\"{}\",route=\"{}\"}} {}\n", method, route,
                       h.sum);
    out += fmt::format("shangliang_http_request_duration_seconds_count{{method=\"{}\",route=\"{}\"}} {}\n", method,
                       route, h.count);
  }
  out += "# HELP shangliang_http_open_connections Open client connections.\n";
  out += "# TYPE shangliang_http_open_connections gauge\n";
  out += fmt::format("shangliang_http_open_connections {}\n", open_connections.load());
  out += "# HELP shangliang_http_requests_in_flight Requests being answered.\n";
  out += "# TYPE shangliang_http_requests_in_flight gauge\n";
  out += fmt::format("shangliang_http_requests_in_flight {}\n", requests_in_flight.load());
  out += extra;
  return out;
}

}  // namespace sl::http
