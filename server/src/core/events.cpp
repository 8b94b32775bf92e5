#include "core/events.hpp"

#include <spdlog/spdlog.h>

namespace sl {

void EventBus::subscribe(std::string prefix, Subscriber fn) {
  std::lock_guard lk(mu_);
  subs_.emplace_back(std::move(prefix), std::move(fn));
}

void EventBus::publish(const Event& e) const {
  std::vector<Subscriber> targets;
  {
    std::lock_guard lk(mu_);
    for (const auto& [prefix, fn] : subs_)
      if (e.name.rfind(prefix, 0) == 0) targets.push_back(fn);
  }
  for (const auto& fn : targets) {
    try {
      fn(e);
    } catch (const std::exception& ex) {
      spdlog::error("event subscriber failed on {}: {}", e.name, ex.what());
    }
  }
}

}  // namespace sl
