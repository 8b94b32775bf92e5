#pragma once
namespace sl {
class App;
/// The notification centre: turns proposal events into notices for the people concerned (and
/// an SMS where a deadline depends on it), and serves each user's list, unread count and
/// mark-read.
void register_notifications(App& app);
}  // namespace sl
