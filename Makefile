# The README's two commands: `make run` and `make test`. Everything else supports them.
BUILD_DIR ?= build
BIN := $(BUILD_DIR)/server/shangliang
JOBS ?= $(shell nproc)

.PHONY: run test bootstrap build configure server web test-unit test-fuzz test-api test-api-sqlite test-api-postgres test-web test-browser format lint tidy clean

run: build
	mkdir -p data
	$(BIN) serve --demo

test: build
	$(MAKE) lint
	$(MAKE) test-unit
	$(MAKE) test-fuzz
	$(MAKE) test-api
	$(MAKE) test-web
	$(MAKE) test-browser

bootstrap:
	bash scripts/bootstrap

build: bootstrap server web

configure:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

server: configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target shangliang

web:
	@if [ -f web/package.json ]; then cd web && npm run build; fi

test-unit: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (clang, in build-fuzz/), each for FUZZ_SECONDS from the committed corpus.
FUZZ_SECONDS ?= 7
test-fuzz:
	bash server/fuzz/run.sh $(FUZZ_SECONDS)

test-api: test-api-sqlite test-api-postgres

test-api-sqlite:
	SL_BIN=$(abspath $(BIN)) node --test --test-concurrency=1 tests/api/

test-api-postgres:
	SL_BIN=$(abspath $(BIN)) bash scripts/with-postgres node --test --test-concurrency=1 tests/api/

test-web:
	@if [ -f web/package.json ]; then cd web && npm run lint && npm run typecheck && npm run test:unit; fi

test-browser:
	@if [ -d tests/browser ]; then SL_BIN=$(abspath $(BIN)) node --test --test-concurrency=1 tests/browser/; fi

format:
	find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i
	@if [ -f web/package.json ]; then cd web && npm run --if-present format; fi

lint:
	find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format --dry-run --Werror
	@if [ -f web/package.json ]; then cd web && npm run lint; fi

clean:
	rm -rf $(BUILD_DIR) build-fuzz

# clang-tidy (checks in .clang-tidy) over every server source, JOBS at a time; fails when it reports
# a warning or an error. One file: clang-tidy -p build --quiet server/src/core/app.cpp
TIDY_LOG ?= $(BUILD_DIR)/clang-tidy.log
TIDY_FINDING := ^[^ ].*:[0-9]+:[0-9]+: (warning|error):
# Boost 1.74 looks for <experimental/coroutine> under clang; tell it libstdc++'s <coroutine> will do.
TIDY_ARGS := -extra-arg=-DBOOST_ASIO_HAS_CO_AWAIT=1 -extra-arg=-DBOOST_ASIO_HAS_STD_COROUTINE=1
tidy: server
	@rc=0; run-clang-tidy -p $(BUILD_DIR) -j $(JOBS) -quiet $(TIDY_ARGS) 'server/src/.*\.cpp$$' >$(TIDY_LOG).raw 2>&1 || rc=$$?; \
	sed -E 's/\x1b\[[0-9;]*m//g' $(TIDY_LOG).raw >$(TIDY_LOG); rm -f $(TIDY_LOG).raw; \
	if grep -qE '$(TIDY_FINDING)' $(TIDY_LOG); then \
	  grep -E -A3 '$(TIDY_FINDING)' $(TIDY_LOG); \
	  echo "clang-tidy: $$(grep -cE '$(TIDY_FINDING)' $(TIDY_LOG)) findings (full output: $(TIDY_LOG))"; \
	  exit 1; \
	fi; \
	if [ $$rc -ne 0 ]; then tail -n 20 $(TIDY_LOG); echo "clang-tidy failed (exit $$rc)"; exit 1; fi; \
	echo "clang-tidy: no findings"
