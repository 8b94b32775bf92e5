// Background workers: registered by the modules, started only by `serve` (start_workers), stopped
// last-started first, and never by the other commands (which never call start_workers).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/app.hpp"
#include "core/db/migrations.hpp"
#include "modules/registry.hpp"

namespace sl {
namespace {

struct Probe {
  Probe(std::vector<std::string>& log, std::string name) : log_(log), name_(std::move(name)) {
    log_.push_back("start " + name_);
  }
  ~Probe() { log_.push_back("stop " + name_); }
  std::vector<std::string>& log_;
  std::string name_;
};

TEST(AppWorkers, StartInOrderOnlyWhenAskedAndStopInReverse) {
  std::vector<std::string> log;
  {
    Config cfg;
    App app(cfg, db::Database::open("sqlite::memory:", 1));
    app.add_worker("a", [&](App&) -> std::unique_ptr<Worker> { return std::make_unique<WorkerOf<Probe>>(log, "a"); });
    app.add_worker("off", [](App&) -> std::unique_ptr<Worker> { return nullptr; });
    app.add_worker("b", [&](App&) -> std::unique_ptr<Worker> { return std::make_unique<WorkerOf<Probe>>(log, "b"); });
    EXPECT_TRUE(log.empty());  // registering starts nothing
    EXPECT_EQ(app.worker_names(), (std::vector<std::string>{"a", "off", "b"}));
    EXPECT_EQ(app.start_workers(), (std::vector<std::string>{"a", "b"}));
    EXPECT_THROW(app.start_workers(), std::logic_error);
    app.stop_workers();
    EXPECT_EQ(log, (std::vector<std::string>{"start a", "start b", "stop b", "stop a"}));
    EXPECT_EQ(app.start_workers(), (std::vector<std::string>{"a", "b"}));
  }
  // The app's destruction stops what is still running.
  EXPECT_EQ(log.back(), "stop a");
  EXPECT_EQ(log.size(), 8U);
}

TEST(AppWorkers, TheRegistryRegistersTheModulesWorkersWithoutStartingThem) {
  Config cfg;
  App app(cfg, db::Database::open("sqlite::memory:", 1));
  db::migrate(app.db());
  register_modules(app);
  EXPECT_EQ(app.worker_names(), (std::vector<std::string>{"proposals.deadline_scan", "search.replica",
                                                          "search.background", "consultations.follow_scan"}));
}

}  // namespace
}  // namespace sl
