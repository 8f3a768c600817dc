# Two commands on a fresh machine (Python 3.11+ and make):
#   make lab    set up .venv and open the course in JupyterLab
#   make test   set up .venv and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Two install steps: what a learner needs (make lab), and on top of it what the test suite needs (make test).
LEARNER := $(VENV)/.installed-learner
TESTING := $(VENV)/.installed-test
# JupyterLab refuses to run as root unless told; only pass the flag when we are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
LAB_ARGS ?=
# JupyterLab's settings overrides for the German edition (make lab-de): the English ones plus German menus
LAB_DE_SETTINGS := $(VENV)/share/jupyter/lab-de/settings

.PHONY: lab lab-de test notebooks exercises translations german site bench times finder-eval figures-eval compare-eval data-hashes links hub-link hub-link-de hub-bench setup clean help

help:
	@echo "make lab        set up and open the course in JupyterLab"
	@echo "make lab-de     set up and open the German edition (notebooks/de/) in JupyterLab with German menus"
	@echo "make test       set up and run the whole test suite (unit tests + nbval on every notebook)"
	@echo "make notebooks  re-execute every committed notebook in place (maintainers)"
	@echo "make exercises  generate learner and solution copies from exercises/source/ (never overwrites your edits)"
	@echo "make translations  refresh the PO catalogues in locale/ from the English notebooks and messages"
	@echo "make german     generate the German edition from locale/de/ (every catalogue complete): notebooks, run, and documents"
	@echo "make site       build the read-only website into build/site, the German one into its de/ (offline, warnings are errors)"
	@echo "make bench      time every notebook in a fresh kernel and report peak memory"
	@echo "make times      estimate how long learners take for each step of each lesson and exercise"
	@echo "make finder-eval  precision and recall of the marker finder per category, and sentence accuracy"
	@echo "make figures-eval  precision and recall of find_figures, qualifier and unit agreement (development and held-out sets)"
	@echo "make compare-eval  pair F1 and relation agreement of compare_with_original, and its agreement with the seed's alignment"
	@echo "make data-hashes  validate data/ and record its hashes after editing a table"
	@echo "make links      write the Binder badge and links, site launch buttons, hub how-to and handout for REPO=https://... (default: origin)"
	@echo "make hub-link HUB=https://... [REPO=...] [BRANCH=...] [DEPTH=0]  print the nbgitpuller link that opens the course on your JupyterHub"
	@echo "                 (DEPTH=0: a full clone, for a git server of plain files; see instructors/jupyterhub.md)"
	@echo "make hub-link-de HUB=https://... [REPO=...] [BRANCH=...] [DEPTH=0]  the same link for the German edition (opens notebooks/de/00_start_here.ipynb)"
	@echo "make hub-bench  a real JupyterHub on 127.0.0.1: five learners starting at once, memory per learner"
	@echo "make clean      remove the virtual environment"

setup: $(TESTING)

# Each step re-runs only when one of its files is newer than the last install.
$(LEARNER): requirements/learner.txt requirements/constraints.txt pyproject.toml tools/lab-settings/overrides.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; found " + sys.version.split()[0] + ". Install it, or run make PYTHON=python3.12 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/learner.txt -c requirements/constraints.txt
	@# the helper package, editable; setuptools' build chatter goes to a log unless it fails
	@$(BIN)/python -m pip install --quiet --no-deps -e . > $(VENV)/install-package.log 2>&1 || (cat $(VENV)/install-package.log; exit 1)
	@# no "get notified about Jupyter news?" pop-up over the first lesson, English menus (applies to this .venv only);
	@# make lab-de reads its own copy with German menus (locale de_DE)
	@mkdir -p $(VENV)/share/jupyter/lab/settings $(LAB_DE_SETTINGS)
	@cp tools/lab-settings/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@$(BIN)/python -c 'import json, sys; s = json.load(open(sys.argv[1])); s["@jupyterlab/translation-extension:plugin"] = {"locale": "de_DE"}; json.dump(s, open(sys.argv[2], "w"), indent=2)' \
		tools/lab-settings/overrides.json $(LAB_DE_SETTINGS)/overrides.json
	@touch $(LEARNER)

$(TESTING): $(LEARNER) requirements/test.txt
	$(BIN)/python -m pip install --quiet -r requirements/test.txt -c requirements/constraints.txt
	@touch $(TESTING)

lab: $(LEARNER)
	$(BIN)/jupyter lab $(ROOT_FLAG) --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb $(LAB_ARGS)

# The German edition: the same JupyterLab, its own overrides (German menus), opened at the German start notebook.
lab-de: $(LEARNER)
	$(BIN)/jupyter lab $(ROOT_FLAG) --LabApp.app_settings_dir=$(LAB_DE_SETTINGS) --LabApp.default_url=/lab/tree/notebooks/de/00_start_here.ipynb $(LAB_ARGS)

test: $(TESTING)
	$(BIN)/python -m pytest

notebooks: $(TESTING)
	$(BIN)/python tools/execute_notebooks.py

exercises: $(TESTING)
	$(BIN)/python tools/make_exercises.py

translations: $(TESTING)
	$(BIN)/python tools/translations.py update de

german: $(TESTING)
	$(BIN)/python tools/translations.py build de

# The English site, then the German one (book/de/) into the English site's de/ folder, so that one upload publishes
# both (tests/test_site.py builds it this way, in a copy of the course).
site: $(TESTING)
	$(BIN)/jupyter-book build . --config book/_config.yml --toc book/_toc.yml --path-output build/site -W -n --keep-going
	$(BIN)/jupyter-book build . --config book/de/_config.yml --toc book/de/_toc.yml --path-output build/site-de -W -n --keep-going
	rm -rf build/site/_build/html/de && cp -r build/site-de/_build/html build/site/_build/html/de
	@echo "Open build/site/_build/html/index.html (German: build/site/_build/html/de/index.html)"

bench: $(TESTING)
	$(BIN)/python tools/benchmark.py

times: $(TESTING)
	$(BIN)/python tools/lesson_times.py --details

finder-eval: $(TESTING)
	$(BIN)/python tools/finder_eval.py --details

figures-eval: $(TESTING)
	$(BIN)/python tools/figures_eval.py --details --compare-parsers

compare-eval: $(TESTING)
	$(BIN)/python tools/compare_eval.py --details --steps --compare-scorers

data-hashes: $(TESTING)
	$(BIN)/python tools/update_data_hashes.py

# Where the course is published: REPO=https://github.com/OWNER/NAME (default: the origin remote), BRANCH if not main.
# Python's standard library only: no .venv needed. hub-link changes no file (REPO default: CITATION.cff, then origin).
links:
	@$(PYTHON) tools/links.py write $(if $(REPO),--repo "$(REPO)") $(if $(BRANCH),--branch "$(BRANCH)")

hub-link:
	@$(PYTHON) tools/links.py hub-link --hub "$(HUB)" $(if $(REPO),--repo "$(REPO)") $(if $(BRANCH),--branch "$(BRANCH)") $(if $(DEPTH),--depth "$(DEPTH)")

hub-link-de:
	@$(PYTHON) tools/links.py hub-link --hub "$(HUB)" $(if $(REPO),--repo "$(REPO)") $(if $(BRANCH),--branch "$(BRANCH)") $(if $(DEPTH),--depth "$(DEPTH)") --language de

# A real JupyterHub on 127.0.0.1 (needs `npm ci --prefix tests/hub` for its proxy): five learners at once, memory
hub-bench: $(TESTING)
	$(BIN)/python tools/local_hub.py bench

clean:
	rm -rf $(VENV)
