#pragma once
// The consultation module (专题、对口、界别协商): the year's plan and its topics. See
// ARCHITECTURE.md, "The shape of a module", for the parts and their rules.

namespace sl {
class App;
/// Registers the module's routes.
void register_consultations(App& app);
}  // namespace sl
