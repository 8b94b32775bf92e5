#pragma once
// A background task run at start and then every N seconds until destroyed: the shape of every
// module's scan (proposal deadlines, consultation follow-through). Registered on App as a
// Worker (WorkerOf<Periodic>), so only `serve` starts it.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace sl {

class Periodic {
 public:
  /// Runs `task` now and then every `interval_seconds()` seconds (at least 60).
  Periodic(std::function<void()> task, std::function<int()> interval_seconds)
      : task_(std::move(task)), interval_(std::move(interval_seconds)) {
    thread_ = std::thread([this] {
      auto last = std::chrono::steady_clock::time_point{};
      while (!stop_) {
        auto now = std::chrono::steady_clock::now();
        if (last == std::chrono::steady_clock::time_point{} ||
            now - last >= std::chrono::seconds(std::max(60, interval_()))) {
          task_();
          last = now;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
      }
    });
  }
  ~Periodic() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

 private:
  std::function<void()> task_;
  std::function<int()> interval_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace sl
