#pragma once
// The consultation module's notices, as subscribers to its domain events: an outcome submitted
// for approval goes to the topic's lead leader; an instruction goes to the departments it names;
// a topic put forward for approval goes to the committee's leaders.

namespace sl {
class App;
}

namespace sl::consultations {

/// Subscribes the notices to the module's events on `app`.
void subscribe_notices(App& app);

}  // namespace sl::consultations
