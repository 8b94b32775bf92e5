#pragma once
namespace sl {
class App;
}
namespace sl::proposals {
/// Attachments of a proposal: upload (PDF, Word, images; size-limited; stored with a content
/// hash), list, download and delete, by whoever may work on the proposal at that stage.
void register_attachments(App& app);
}  // namespace sl::proposals
