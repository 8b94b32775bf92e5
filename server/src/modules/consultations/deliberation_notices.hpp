#pragma once
// The online deliberation's notices, as a subscriber to its events: members newly invited to a
// window (when it is opened, or later) get an in-app notice linking to the topic's page.

namespace sl {
class App;
}

namespace sl::consultations {

/// Subscribes the deliberation's notices to its events on `app`.
void subscribe_deliberation_notices(App& app);

}  // namespace sl::consultations
