# One command sets a fresh machine up and runs the demo; one runs the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
SEEDS ?= ../shared/seeds

.PHONY: setup demo test score lint fuzz clean

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

lint: setup
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy graph loaders api kg

clean:
	rm -rf $(VENV) node_modules
