# Koban: `make run` and `make test` do all set-up on a fresh machine (see README).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR ?= never
PORT ?= 8080
BIND ?= 127.0.0.1
SERVER := target/server/koban

.PHONY: run test tools test-tools fetch bundle server build faults-server lint test-host test-api test-browser test-e2e size bench clean

run: build
	$(SERVER) serve --bind $(BIND) --port $(PORT)

build: bundle server

tools:
	scripts/install-tools.sh build

test-tools:
	scripts/install-tools.sh test

fetch:
	cargo fetch

# The widget bundle: trunk (offline, pinned tools) builds the desk build (default features:
# ticket form and guides) and the first download without them (src/stage.rs), then the dist/
# layout and precompression.
bundle: tools fetch
	CARGO_NET_OFFLINE=true trunk build --release --offline
	CARGO_NET_OFFLINE=true trunk build --release --offline --no-default-features --dist target/trunk-lite
	node scripts/package.mjs

server: fetch
	CARGO_NET_OFFLINE=true cargo build --profile server -p koban-server

# Lint: formatting, unused [patch] entries, clippy (host and wasm32), source files over 500 lines.
lint: fetch
	cargo fmt --all --check
	CARGO_NET_OFFLINE=true scripts/check-patches.sh
	CARGO_NET_OFFLINE=true cargo clippy --workspace --all-targets -- -D warnings
	CARGO_NET_OFFLINE=true cargo clippy --target wasm32-unknown-unknown -p koban-widget --all-targets -- -D warnings
	CARGO_NET_OFFLINE=true cargo clippy --target wasm32-unknown-unknown -p koban-widget --lib --no-default-features -- -D warnings
	CARGO_NET_OFFLINE=true cargo clippy --target wasm32-unknown-unknown -p koban-core --lib --no-default-features -- -D warnings
	scripts/check-lengths.sh

# Host tests: koban-core, and the server over real HTTP on SQLite and on a local PostgreSQL
# (scripts/start-postgres.sh installs and starts it on 127.0.0.1 only).
test-host: fetch
	export KOBAN_TEST_POSTGRES_URL="$$(scripts/start-postgres.sh)"; \
	CARGO_NET_OFFLINE=true cargo test --workspace && \
	CARGO_NET_OFFLINE=true cargo test -p koban-server --features fault-injection --test tickets_faults --test mail_ingest

# The OpenAPI document against the real server: schemathesis, all checks (PyPI, pinned).
test-api: server
	KOBAN_BIN=$(SERVER) scripts/schemathesis.sh

test-browser: test-tools fetch
	CHROMEDRIVER=/usr/bin/chromedriver CARGO_NET_OFFLINE=true cargo test --target wasm32-unknown-unknown -p koban-widget --test web

# The server with the test-only fault switch (cargo feature `fault-injection`, set through
# KOBAN_FAULTS): a debug build kept apart from the release binary, which never has it.
faults-server: fetch
	CARGO_NET_OFFLINE=true cargo build -p koban-server --features fault-injection --bin koban
	mkdir -p target/faults && cp target/debug/koban target/faults/koban

# The e2e mail tests use a real Postfix on 127.0.0.1 (scripts/start-mail.sh) whose pipe runs a
# copy of the release binary, re-copied here after `server` built it. (A plain assignment, not
# `export X=$(...)`, so that a failing start-mail.sh stops make.)
test-e2e: build faults-server
	export KOBAN_TEST_POSTGRES_URL="$$(scripts/start-postgres.sh)"; \
	export KOBAN_TEST_MAIL_DIR="$${KOBAN_TEST_MAIL_DIR:-/tmp/koban-mail}"; \
	KOBAN_TEST_MAIL_PORT="$$(KOBAN_TEST_MAIL_BIN=$(CURDIR)/$(SERVER) scripts/start-mail.sh)"; \
	export KOBAN_TEST_MAIL_PORT; \
	node --test --test-concurrency=1 tests/e2e/

size:
	node scripts/size.mjs

test: test-tools lint test-host test-api test-browser test-e2e size

bench: build
	bench/run.sh

clean:
	rm -rf dist target/trunk
