# One command sets a fresh machine up and runs the demo; one checks the code; one runs the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
SEEDS ?= ../shared/seeds

.PHONY: setup demo check lint test score fuzz clean

$(VENV)/.installed: pyproject.toml package-lock.json
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	npm ci --silent --no-audit --no-fund
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(VENV)/bin/kg demo $(SEEDS)

test: setup
	scripts/install-chromium.sh
	$(PY) -m pytest

score: setup
	$(VENV)/bin/kg score

fuzz: setup
	$(PY) scripts/fuzz.py --examples 10000

# Lint, formatting, types (packages, scripts and tests), the layer contracts, the page's code.
check: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	node_modules/.bin/eslint api/static

lint: check

clean:
	rm -rf $(VENV) node_modules
