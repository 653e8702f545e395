# Spiegel. Two commands matter: `make run` and `make test`. Each sets up what it needs on
# a fresh Debian machine, and skips what is already there at the right version.
# Nothing is downloaded outside the package registries (apt, crates.io, npm).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
E2E := tests/e2e
# The researchers' tools the export is checked with (tests/clients/check_export.py).
CLIENTS_VENV := $(CURDIR)/tests/clients/.venv
DUCKDB_VERSION := 2.0.0
FRICTIONLESS_VERSION := 5.21.0
# The language check of the vragenlijsten (tests/language/check_language.py), in the
# same virtual environment, with Debian's hunspell dictionaries.
WORDFREQ_VERSION := 3.1.1
TEXTSTAT_VERSION := 0.7.13
# The newest version in each folder is checked; shipped versions never change.
LANGUAGE_FILES := src/domain/builtin/spiegel-student src/domain/builtin/spiegel-staff
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CURDIR)/$(E2E)/node_modules/.bin:$(CARGO_HOME)/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT := 60

.PHONY: help run test setup setup-apt setup-rust setup-tools setup-node fetch build \
        lint test-host test-web test-e2e test-clients test-language setup-python fixtures size bench dist

help:
	@echo "make run   - build Spiegel and serve it on http://127.0.0.1:8080"
	@echo "make test  - lint, host tests, browser tests and end-to-end tests"
	@echo "make dist  - the release build in dist/, with .br and .gz copies, for any web server"
	@echo "make bench - print size and performance figures"

## ---- set-up (idempotent) ----

setup: setup-apt setup-rust setup-tools setup-node setup-python

# Debian's Chromium and ChromeDriver for the browser and end-to-end tests, brotli for sizes,
# hunspell with Dutch and English dictionaries for the language check; nginx with its
# brotli module and openssl: the end-to-end tests run against the shipped configuration
# (deploy/nginx/). Installing nginx starts no service (a temporary policy-rc.d says so):
# the tests start their own nginx on a free port and stop it again.
setup-apt:
	@missing=""; \
	for p in chromium chromium-driver brotli python3 python3-venv \
	         hunspell hunspell-nl hunspell-en-gb hunspell-en-us \
	         nginx libnginx-mod-http-brotli-static openssl; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  policy=""; \
	  if [ ! -e /usr/sbin/policy-rc.d ]; then \
	    printf '#!/bin/sh\nexit 101\n' | $(SUDO) tee /usr/sbin/policy-rc.d >/dev/null; \
	    $(SUDO) chmod +x /usr/sbin/policy-rc.d; policy=1; \
	  fi; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; status=$$?; \
	  if [ -n "$$policy" ]; then $(SUDO) rm -f /usr/sbin/policy-rc.d; fi; \
	  exit $$status; \
	fi

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

# trunk 0.21.14 (0.22 needs rustc 1.96) and wasm-bindgen-cli equal to Cargo.lock's
# wasm-bindgen. The two builds take ~11 minutes together, so they run in parallel.
setup-tools: setup-rust
	@pids=""; \
	if ! trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)"; then \
	  echo "installing trunk $(TRUNK_VERSION) (about 11 minutes)"; \
	  cargo install --quiet --locked trunk@$(TRUNK_VERSION) & pids="$$pids $$!"; \
	fi; \
	if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 5 minutes)"; \
	  cargo install --quiet --force wasm-bindgen-cli@$(WASM_BINDGEN_VERSION) & pids="$$pids $$!"; \
	fi; \
	for p in $$pids; do wait $$p; done

# playwright-core (drives Debian's Chromium), binaryen's wasm-opt 132 and axe-core.
setup-node:
	@if [ ! -d $(E2E)/node_modules ] || [ $(E2E)/package-lock.json -nt $(E2E)/node_modules/.stamp ]; then \
	  (cd $(E2E) && npm ci --no-audit --no-fund --loglevel=error) && touch $(E2E)/node_modules/.stamp; \
	fi

# DuckDB and frictionless (the researchers' clients), wordfreq and textstat (the language
# check) from PyPI, in a virtual environment of their own.
setup-python:
	@if ! $(CLIENTS_VENV)/bin/python -c 'import duckdb, frictionless, sys; \
	  sys.exit(duckdb.__version__ != "$(DUCKDB_VERSION)")' 2>/dev/null; then \
	  echo "installing duckdb $(DUCKDB_VERSION) and frictionless $(FRICTIONLESS_VERSION) from PyPI"; \
	  python3 -m venv $(CLIENTS_VENV); \
	  $(CLIENTS_VENV)/bin/pip install --quiet --disable-pip-version-check \
	    duckdb==$(DUCKDB_VERSION) frictionless==$(FRICTIONLESS_VERSION); \
	fi
	@if ! $(CLIENTS_VENV)/bin/python -c 'import importlib.metadata as m, sys; \
	  sys.exit(m.version("wordfreq") != "$(WORDFREQ_VERSION)" or m.version("textstat") != "$(TEXTSTAT_VERSION)")' 2>/dev/null; then \
	  echo "installing wordfreq $(WORDFREQ_VERSION) and textstat $(TEXTSTAT_VERSION) from PyPI"; \
	  $(CLIENTS_VENV)/bin/pip install --quiet --disable-pip-version-check \
	    wordfreq==$(WORDFREQ_VERSION) textstat==$(TEXTSTAT_VERSION); \
	fi

fetch:
	@cargo fetch --locked --quiet

## ---- build and run ----

# The release build: dist/ with index.html (student), team.html (team), the service worker,
# hashed files and a .br and .gz copy of each (web/dist.mjs). Ready for any static host;
# deploy/nginx/ has a tested nginx configuration.
build: setup-apt setup-tools setup-node fetch
	trunk build --release

dist: build

run: build
	@echo "Spiegel: http://127.0.0.1:8080"
	trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080

## ---- tests ----

test: setup fetch lint test-language test-host test-web test-e2e test-clients

lint: setup-rust fetch
	cargo fmt --check
	cargo clippy --offline --all-targets -- -D warnings
	cargo clippy --offline --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --offline --target wasm32-unknown-unknown --no-default-features --bins -- -D warnings

test-host: fetch
	cargo test --offline

test-web: setup-apt setup-tools fetch
	cargo test --offline --target wasm32-unknown-unknown --test web

test-e2e: dist fixtures
	cd $(E2E) && node --test --test-concurrency=1

# The export the end-to-end test downloaded, read by frictionless and DuckDB.
test-clients: setup-python
	cd $(E2E)/out/export && $(CLIENTS_VENV)/bin/frictionless validate datapackage.json
	$(CLIENTS_VENV)/bin/python tests/clients/check_export.py $(E2E)/out/export

# Spelling (hunspell, Dutch and English), word frequency (wordfreq), sentence length and
# Flesch-Douma (textstat) of the built-in vragenlijsten, with a report per item; fails on
# a finding that tests/language/exceptions.toml does not explain.
test-language: setup-apt setup-python
	$(CLIENTS_VENV)/bin/python tests/language/check_language.py tests/language/exceptions.toml $(LANGUAGE_FILES)
	@# The check must catch a misspelling, a rare word, a long sentence and a hard text.
	@out=$$($(CLIENTS_VENV)/bin/python tests/language/check_language.py tests/language/exceptions.toml tests/language/bad.json) && { echo "the language check passed a bad file"; exit 1; }; \
	for f in "spelling nl: diplooma" "spelling en: diplomma" "rare word: onderwijsorganisatorische" "sentence of 24 words" "Flesch-Douma"; do \
	  grep -qF "$$f" <<<"$$out" || { echo "the language check missed: $$f"; exit 1; }; \
	done; echo "language check: a bad file is refused with each of its findings"

# Deterministic metingen and response files for test-e2e and bench (tests/fixtures.rs).
fixtures: fetch
	cargo run --offline --quiet --example fixtures -- $(E2E)/out/fixtures

## ---- figures ----

# Brotli size of every file in dist/ (the .br copies make dist wrote), and of what the student
# path and the team path load (web/size.mjs).
size: dist
	@node web/size.mjs dist

bench: size fixtures
	cargo bench --offline --bench bench
	cargo test --offline --release --target wasm32-unknown-unknown --test web_bench -- --nocapture
	cd $(E2E) && node load.mjs && node bench.mjs
