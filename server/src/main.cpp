// shangliang: the server and its administration commands.
//   shangliang [--config FILE] serve [--demo] | migrate | seed-demo | user create | user reset-password
//              | backup FILE | restore FILE | search reindex | search eval-units | audit verify
// Only `serve` registers the modules and starts their background workers.
#include <fmt/ranges.h>
#include <malloc.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/seed_demo.hpp"
#include "core/app.hpp"
#include "core/audit/audit.hpp"
#include "core/auth/password.hpp"
#include "core/db/migrations.hpp"
#include "core/http/server.hpp"
#include "core/http/static_files.hpp"
#include "modules/registry.hpp"
#include "modules/search/indexer.hpp"
#include "modules/search/search_module.hpp"

namespace sl::db {
void sqlite_backup(const std::string& src_path, const std::string& dest_path);
}

namespace {

std::unique_ptr<sl::App> make_app(const std::string& config_path) {
  auto cfg = sl::Config::load(config_path);
  auto db = sl::db::Database::open(cfg.database.url, cfg.database.pool_size);
  auto app = std::make_unique<sl::App>(std::move(cfg), std::move(db));
  sl::db::migrate(app->db());
  return app;
}

std::string sqlite_path(const sl::App& app) {
  const std::string& url = app.config.database.url;
  if (url.rfind("sqlite:", 0) != 0)
    throw std::runtime_error("backup/restore work on SQLite; for PostgreSQL use pg_dump / pg_restore (see README)");
  return url.substr(7);
}

}  // namespace

int main(int argc, char** argv) {
  // Few malloc arenas: with one per thread (glibc's default allows 16 here), memory freed by the
  // workers stays spread over arenas and the resident size creeps up under load.
  mallopt(M_ARENA_MAX, 2);
  CLI::App cli{"商量 Shangliang: the working platform of a CPPCC committee"};
  cli.require_subcommand(1);
  std::string config_path;
  cli.add_option("--config", config_path, "settings file (TOML)");

  auto* serve = cli.add_subcommand("serve", "serve HTTP (applies migrations first)");
  bool demo = false;
  serve->add_flag("--demo", demo, "load the demo committee when the database is empty");
  auto* migrate = cli.add_subcommand("migrate", "apply database migrations");
  auto* seed = cli.add_subcommand("seed-demo", "load the demo committee into an empty database");
  auto* user = cli.add_subcommand("user", "manage user accounts");
  user->require_subcommand(1);
  auto* user_create = user->add_subcommand("create", "create a user with a role in a committee");
  std::string u_login, u_name, u_password, u_role = "admin";
  int64_t u_committee = 0;
  user_create->add_option("--username", u_login, "login name")->required();
  user_create->add_option("--name", u_name, "display name")->required();
  user_create->add_option("--password", u_password, "initial password")->required();
  user_create->add_option("--committee", u_committee, "committee id")->required();
  user_create->add_option("--role", u_role, "role granted in the committee");
  auto* user_reset = user->add_subcommand("reset-password", "set a new password and unlock the account");
  user_reset->add_option("--login", u_login, "username or mobile")->required();
  user_reset->add_option("--password", u_password, "new password")->required();
  auto* backup = cli.add_subcommand("backup", "copy the SQLite database, consistent while serving");
  std::string file;
  backup->add_option("file", file, "destination file")->required();
  auto* restore = cli.add_subcommand("restore", "replace the SQLite database with a backup (server stopped)");
  restore->add_option("file", file, "backup file")->required();
  auto* search_cmd = cli.add_subcommand("search", "search index tools");
  search_cmd->require_subcommand(1);
  auto* search_reindex =
      search_cmd->add_subcommand("reindex", "index every proposal whose documents are missing or old");
  auto* search_eval = search_cmd->add_subcommand(
      "eval-units", "leave-one-out accuracy of unit suggestions over every assigned proposal");
  auto* audit_cmd = cli.add_subcommand("audit", "audit log tools");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand("verify", "check the audit log's hash chain");

  CLI11_PARSE(cli, argc, argv);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  if (const char* lvl = std::getenv("SHANGLIANG_LOG_LEVEL")) spdlog::set_level(spdlog::level::from_str(lvl));

  try {
    if (restore->parsed()) {
      // Restore before opening the pool: the database file is replaced whole.
      auto cfg = sl::Config::load(config_path);
      if (cfg.database.url.rfind("sqlite:", 0) != 0)
        throw std::runtime_error("restore works on SQLite; use pg_restore for PostgreSQL");
      std::string path = cfg.database.url.substr(7);
      if (!std::filesystem::exists(file)) throw std::runtime_error("no such backup file: " + file);
      sl::db::sqlite_backup(file, path);
      std::printf("restored %s from %s\n", path.c_str(), file.c_str());
      return 0;
    }
    auto app = make_app(config_path);
    if (migrate->parsed()) {
      std::printf("migrations up to date\n");
      return 0;
    }
    if (seed->parsed()) {
      sl::cli::print_demo_logins(sl::cli::seed_demo(*app));
      return 0;
    }
    if (search_reindex->parsed()) {
      auto t0 = std::chrono::steady_clock::now();
      int64_t n = sl::search::catch_up(app->db(), nullptr, true);
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
      std::printf("indexed %lld proposals in %lld ms\n", static_cast<long long>(n), static_cast<long long>(ms));
      // After a bulk indexing the full-text index is merged into one segment (SQLite).
      t0 = std::chrono::steady_clock::now();
      if (int64_t steps = sl::search::compact_fts(app->db())) {
        ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
        std::printf("merged the full-text index in %lld steps, %lld ms\n", static_cast<long long>(steps),
                    static_cast<long long>(ms));
      }
      return 0;
    }
    if (search_eval->parsed()) {
      sl::search::catch_up(app->db());
      auto ev = sl::search::evaluate_unit_suggestions(*app);
      double n = ev.proposals ? static_cast<double>(ev.proposals) : 1.0;
      std::printf("unit suggestions, leave-one-out over %lld assigned proposals: top-1 %.3f, top-3 %.3f\n",
                  static_cast<long long>(ev.proposals), ev.top1 / n, ev.top3 / n);
      return 0;
    }
    if (user_create->parsed()) {
      auto role = sl::parse_role(u_role);
      if (!role) throw std::runtime_error("unknown role " + u_role);
      if (auto problem = sl::auth::password_problem(u_password)) throw std::runtime_error(*problem);
      std::string hash = app->passwords.hash(u_password);
      app->db().transaction([&](sl::db::Connection& c) {
        auto id = c.exec("INSERT INTO users (username, name, password_hash) VALUES ($1, $2, $3) RETURNING id",
                         {u_login, u_name, hash})
                      .one()
                      .integer(0);
        c.exec("INSERT INTO role_grants (user_id, committee_id, role) VALUES ($1, $2, $3)", {id, u_committee, u_role});
        std::printf("created user %lld\n", static_cast<long long>(id));
      });
      return 0;
    }
    if (user_reset->parsed()) {
      if (auto problem = sl::auth::password_problem(u_password)) throw std::runtime_error(*problem);
      std::string hash = app->passwords.hash(u_password);
      auto c = app->db().acquire();
      auto r = c->exec(
          "UPDATE users SET password_hash = $1, failed_logins = 0, locked_until = NULL, must_change_password = 1 "
          "WHERE username = $2 OR mobile = $2",
          {hash, u_login});
      if (r.affected == 0) throw std::runtime_error("no user with login " + u_login);
      std::printf("password reset for %s (must be changed at next login)\n", u_login.c_str());
      return 0;
    }
    if (backup->parsed()) {
      sl::db::sqlite_backup(sqlite_path(*app), file);
      std::printf("backup written to %s\n", file.c_str());
      return 0;
    }
    if (audit_verify->parsed()) {
      auto c = app->db().acquire();
      auto r = sl::audit::verify(*c);
      if (r.first_broken_id) {
        std::printf("audit log BROKEN at row %lld (%lld rows checked)\n", static_cast<long long>(*r.first_broken_id),
                    static_cast<long long>(r.checked));
        return 1;
      }
      std::printf("audit log intact (%lld rows)\n", static_cast<long long>(r.checked));
      return 0;
    }
    // serve
    sl::register_modules(*app);
    if (demo && sl::cli::database_is_empty(*app)) sl::cli::print_demo_logins(sl::cli::seed_demo(*app));
    sl::http::StaticFiles files(app->config.http.web_root);
    // The modules' background workers (deadline scan, search replica and indexing): serve only.
    auto workers = app->start_workers();
    spdlog::info("workers: {}", fmt::join(workers, ", "));
    {
      sl::http::Server server(*app, files);
      server.bind();
      spdlog::info("serving http://{} (database {}, {} static files)", app->config.http.listen,
                   app->db().dialect() == sl::db::Dialect::sqlite ? "SQLite" : "PostgreSQL", files.size());
      std::printf("listening on port %u\n", server.port());
      std::fflush(stdout);
      server.run();
    }
    app->stop_workers();
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
