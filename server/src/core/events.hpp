#pragma once
// Domain events: commands publish one after their transaction commits; search indexing and
// notifications subscribe. Handlers run synchronously on the publishing thread and should not
// throw (a subscriber that throws a std::exception is logged and skipped).

#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace sl {

struct Event {
  std::string name;  // "member.created", "proposal.filed" …
  int64_t committee_id = 0;
  int64_t actor_user_id = 0;
  std::string subject_id;
  Json payload;
};

class EventBus {
 public:
  using Subscriber = std::function<void(const Event&)>;
  /// Calls `fn` for every event whose name starts with `prefix` ("" for all).
  void subscribe(std::string prefix, Subscriber fn);
  void publish(const Event& e) const;

 private:
  mutable std::mutex mu_;
  std::vector<std::pair<std::string, Subscriber>> subs_;
};

}  // namespace sl
