# Two commands for a newcomer: `make demo` (set up .venv and run the main job on the bundled
# demo) and `make test` (set up the same environment when missing, then run the whole suite).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# the suite runs on two workers (pytest-xdist): 1,201 tests in about 7 minutes on 2 cores, 13 on one
PYTEST_WORKERS ?= 2
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: setup demo test test-fast lint audit bench bench-quick system-deps clean

# torch first, pinned: the CPU wheel lies on this disk; a bare `torch` would pull a CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# Debian's chromium for the report's browser test, and a CJK font (fonts-noto-cjk; else
# fonts-wqy-zenhei) so Chinese text in reports, emails and screenshots is text, not boxes.
# Optional: the browser tests skip without chromium.
system-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  pkgs=""; command -v chromium >/dev/null 2>&1 || pkgs="chromium"; \
	  fc-list :lang=zh 2>/dev/null | grep -q . || pkgs="$$pkgs fontconfig fonts-noto-cjk"; \
	  if [ -n "$$pkgs" ]; then apt-get update -qq && \
	    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$pkgs >/dev/null || \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fontconfig fonts-wqy-zenhei >/dev/null; }; fi; \
	else \
	  command -v chromium >/dev/null 2>&1 || echo "chromium not installed: the report's browser tests will be skipped"; \
	  fc-list :lang=zh 2>/dev/null | grep -q . || echo "no CJK font: install fonts-noto-cjk (or fonts-wqy-zenhei) to see Chinese text"; \
	fi

demo: setup
	$(BIN)/sinowatch demo

test: setup system-deps
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS)

test-fast: setup
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) -m "not slow"

lint: setup
	$(BIN)/ruff check sinowatch flows extractors models warehouse tests bench
	$(BIN)/mypy sinowatch warehouse extractors flows models
	$(BIN)/python -m tests.layers

audit: setup
	$(BIN)/pip-audit --skip-editable --progress-spinner off

bench: setup
	$(BIN)/python -m bench.run

bench-quick: setup
	$(BIN)/python -m bench.run --quick

clean:
	rm -rf .state build *.egg-info .pytest_cache test-artifacts
