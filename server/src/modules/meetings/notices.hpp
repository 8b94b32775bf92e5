#pragma once
// The meetings' notices (in-app, and by SMS for the meeting notice and reminders), as a
// subscriber of the module's events: the notice when a meeting is notified (and to invitees
// added later), changes of time or place, cancellation, reminders to those who have not replied
// (once a day), leave decisions and speech decisions. Each notice links to the meeting's page.

#include "core/app.hpp"

namespace sl::meetings {

void subscribe_notices(App& app);

}  // namespace sl::meetings
