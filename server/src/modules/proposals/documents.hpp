#pragma once
namespace sl {
class App;
}
namespace sl::proposals {
/// Word and Excel documents of proposals: the proposal form (提案表), the assignment notice
/// (交办通知), the reply letter (答复函), a session's compendium (提案汇编) and its .xlsx list.
void register_documents(App& app);
}  // namespace sl::proposals
