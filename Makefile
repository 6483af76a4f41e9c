# diplomacy-warehouse — two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
UV := $(shell command -v uv 2>/dev/null || echo .venv-uv/bin/uv)
VENV := .venv
BIN := $(VENV)/bin
WAREHOUSE ?= $(CURDIR)/warehouse/diplomacy.duckdb
PORT = 3000
MANIFEST := dbt_project/target/manifest.json
export DIPLOMACY_WAREHOUSE ?= $(WAREHOUSE)
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: run test install prepare ui clean bench docs

run: prepare  ## install, build the warehouse from seeds/, print a summary
	$(BIN)/diplomacy refresh
	$(BIN)/diplomacy summary

test: prepare  ## the whole suite (pytest, including a real dbt build)
	$(BIN)/pytest -q

ui: prepare  ## Dagster UI + daemon on http://127.0.0.1:$(PORT) (`make ui PORT=3001` for another port)
	$(BIN)/diplomacy ui --port $(PORT)

bench: prepare  ## extraction speed on the dev set
	$(BIN)/diplomacy bench ../shared/eval/dev/articles

DOCS := dbt_project/target/docs
docs: prepare  ## dbt docs of the built warehouse in dbt_project/target/docs (open static_index.html, or serve: see README)
	@test -f $(WAREHOUSE) || $(BIN)/diplomacy refresh
	@mkdir -p $(DOCS)  # the catalog is read from a copy: the live file is never opened for writing
	cp $(WAREHOUSE) $(DOCS)/$(notdir $(WAREHOUSE))
	cd dbt_project && DIPLOMACY_WAREHOUSE=$(CURDIR)/$(DOCS)/$(notdir $(WAREHOUSE)) ../$(BIN)/dbt docs generate \
		--static --quiet --target-path target/docs --profiles-dir . --project-dir .
	rm -f $(DOCS)/$(notdir $(WAREHOUSE)) $(DOCS)/$(notdir $(WAREHOUSE)).wal

install: $(BIN)/diplomacy

$(UV):
	$(PYTHON) -m venv .venv-uv && .venv-uv/bin/pip install --quiet uv

# Byte-compiled at install: every start of `diplomacy` (and of dbt) then skips compiling ~5,000 modules,
# which PYTHONDONTWRITEBYTECODE would otherwise make it do on every run.
$(BIN)/diplomacy: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

prepare: install $(MANIFEST)  ## dbt's manifest (read by @dbt_assets at import), the project's code byte-compiled
	@$(BIN)/python -m compileall -q pipelines

$(MANIFEST): $(BIN)/diplomacy $(shell find dbt_project -name '*.sql' -o -name '*.yml' -o -name '*.csv' | grep -v target)
	@mkdir -p $(DAGSTER_HOME) warehouse
	cd dbt_project && ../$(BIN)/dbt parse --quiet --profiles-dir . --project-dir .
	@touch $@

clean:
	rm -rf dbt_project/target dbt_project/logs warehouse/*.duckdb* .dagster_home
