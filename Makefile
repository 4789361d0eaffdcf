# Schoolsignaal: every set-up step lives here. `make run` and `make test` are all a new machine needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
PYBABEL := $(VENV)/bin/pybabel
LOCALE := resources/locale
DOMAIN := schoolsignaal
MO := $(LOCALE)/en/LC_MESSAGES/$(DOMAIN).mo
STAMP := $(VENV)/.installed

.PHONY: run test setup lint typecheck pytest bundle bundle-smoke bench bench-bundle catalogs \
        i18n-extract i18n-update lock clean sysdeps

run: setup
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ] && [ -z "$${QT_QPA_PLATFORM:-}" ]; then \
	  echo "Geen beeldscherm gevonden (DISPLAY is leeg). Start Schoolsignaal op een bureaublad,"; \
	  echo "of op een server met een virtueel scherm: xvfb-run make run"; exit 1; fi
	$(PY) -m desktop

test: setup lint typecheck pytest bundle-smoke

setup: $(STAMP) $(MO) sysdeps

sysdeps: $(STAMP)
	@tools/sysdeps.sh $(PY) $(if $(filter test,$(MAKECMDGOALS)),offscreen,all)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Schoolsignaal needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@if ! $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get update -qq && apt-get install -y -qq python3-venv; \
	  else echo "Python's venv module is missing. Install it: sudo apt-get install python3-venv"; exit 1; fi; fi
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -c constraints.txt -e '.[test,build]'
	@touch $@

# Catalogs: .po files are the source, .mo files are built (and ignored by git).
$(MO): $(LOCALE)/en/LC_MESSAGES/$(DOMAIN).po | $(STAMP)
	$(PYBABEL) compile -d $(LOCALE) -D $(DOMAIN) --statistics

catalogs: $(MO)

i18n-extract: $(STAMP)
	$(PYBABEL) extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 --no-location --sort-output \
	  --project=Schoolsignaal --copyright-holder=Schoolsignaal -o $(LOCALE)/$(DOMAIN).pot .

i18n-update: i18n-extract
	$(PYBABEL) update -i $(LOCALE)/$(DOMAIN).pot -d $(LOCALE) -D $(DOMAIN) --no-fuzzy-matching --ignore-obsolete

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: setup
	$(VENV)/bin/mypy

pytest: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bundle: setup
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec

bundle-smoke: bundle
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	QT_QPA_PLATFORM=offscreen dist/schoolsignaal/schoolsignaal --smoke-test --basedir "$$tmp" \
	  && echo "bundle smoke test: ok" && du -sh dist/schoolsignaal | awk '{print "bundle size: " $$1}'

bench: setup
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/slides.py
	$(PY) bench/signal_card.py
	$(PY) bench/letter.py
	$(PY) bench/audit_report.py
	$(PY) bench/vault.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/concerns.py
	$(PY) bench/privacy_check.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/print_job.py --skip-old

bench-bundle: bundle
	$(PY) bench/bundle_size.py

# Re-pin every dependency to the newest allowed version (deliberate, reviewed step).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install -q -e '.[test,build]' \
	  && .lock-venv/bin/pip freeze --exclude-editable | { echo "# Exact versions for every school's build: pip install -c constraints.txt -e .[test,build]"; echo "# Update deliberately: make lock (then run make test)."; cat; } > constraints.txt; rm -rf .lock-venv

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache $(LOCALE)/*/LC_MESSAGES/*.mo
