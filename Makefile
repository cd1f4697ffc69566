# Two commands do all the setup on a fresh machine:
#   make run    start the app (creates .venv and installs what it needs)
#   make test   run the whole test suite, real-browser tests included
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test check bench geo clean serve-scaled

$(VENV)/.app-installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.app-installed
	$(PY) -m pip install --quiet -e '.[test,build]'
	touch $@

run: $(VENV)/.app-installed
	$(PY) -m streamlit run app.py --server.port $(PORT)

# k app processes behind nginx on PORT (installs Debian's nginx if missing); Ctrl-C stops all.
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
serve-scaled: $(VENV)/.app-installed
	bash scripts/ensure-nginx.sh
	$(PY) deploy/serve_scaled.py --workers $(WORKERS) --port $(PORT)

test: $(VENV)/.test-installed
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-nginx.sh
	$(PY) -m content check
	$(PY) -m pytest

check: $(VENV)/.app-installed
	$(PY) -m content check

bench: $(VENV)/.test-installed
	bash scripts/ensure-chromium.sh
	$(PY) bench/bench_map.py

geo: $(VENV)/.test-installed
	$(PY) -m geo.build

# N readers at once over the websocket (no browser): starts one app process, or measures URL
# (loopback: the app or an nginx front; LOAD_ARGS="--pid P ..." names its processes).
READERS ?= 1 10 30 60 100
.PHONY: load
load: $(VENV)/.test-installed
	$(PY) bench/load.py $(if $(URL),--url $(URL),--start) --readers $(READERS) $(LOAD_ARGS)

# UI strings (marked _("…") / N_("…"), files listed in babel.cfg) → locales/messages.pot →
# locales/{ja,ru}/LC_MESSAGES/messages.po; then translate every new or empty msgstr and commit the .po
# (the app reads the .po directly). tests/unit/test_catalogs.py fails while one is missing or fuzzy.
I18N_LANGS ?= ja ru
.PHONY: i18n
i18n: $(VENV)/.app-installed
	$(VENV)/bin/pybabel extract -F babel.cfg -k _ -k N_ --no-default-keywords --sort-by-file --no-wrap \
	  --project "Four Islands" -o locales/messages.pot .
	for l in $(I18N_LANGS); do \
	  if [ -f locales/$$l/LC_MESSAGES/messages.po ]; then \
	    $(VENV)/bin/pybabel update -D messages -i locales/messages.pot -d locales -l $$l --no-wrap \
	      --no-fuzzy-matching --ignore-obsolete; \
	  else $(VENV)/bin/pybabel init -D messages -i locales/messages.pot -d locales -l $$l --no-wrap; fi; \
	done
	# site.po: the exports, the handout and the static edition (babel-site.cfg; finds _() inside f-strings too).
	$(VENV)/bin/pybabel extract -F babel-site.cfg -k _ -k N_ --no-default-keywords --sort-by-file --no-wrap \
	  --project "Four Islands" -o locales/site.pot . && for l in $(I18N_LANGS); do $(VENV)/bin/pybabel update -D site \
	  -i locales/site.pot -d locales -l $$l --no-wrap --no-fuzzy-matching --ignore-obsolete; done

# The static edition (any web host, CDN or USB stick): OUT=site/ by default, git-ignored.
OUT ?= site
.PHONY: static bench-static
static: $(VENV)/.app-installed
	$(PY) -m geo.site export-site $(OUT)

bench-static: $(VENV)/.app-installed
	$(PY) bench/bench_static.py

clean:
	rm -rf $(VENV) .pytest_cache
