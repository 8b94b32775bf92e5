#pragma once
// Request counters and latency histograms, exposed in Prometheus text format at /metrics.

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace sl::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  /// Records one finished request of `route` (the pattern) with `status` taking `seconds`.
  void observe(const std::string& method, const std::string& route, int status, double seconds);
  std::atomic<int64_t> open_connections{0};
  std::atomic<int64_t> requests_in_flight{0};
  /// The exposition; `extra` is appended (database pool figures from the app).
  std::string render(const std::string& extra) const;

 private:
  struct Histogram {
    std::array<int64_t, kBuckets.size()> buckets{};
    int64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, int64_t> counts_;
  std::map<std::pair<std::string, std::string>, Histogram> latency_;
};

}  // namespace sl::http
