# LiveInsight — the two commands of the README, and what they stand on.
#   make demo   install what is missing, build (release), run the main job on the bundled sample
#   make test   install what the tests need, run every test
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/liveinsight
APT_PACKAGES := libsndfile1-dev libfftw3-dev pkg-config
PIP_TEST_PACKAGES :=
DEMO_OUT := liveinsight-workspace/demo

.PHONY: demo test build deps test-deps bench bench-reviews clean

# Debian packages the build needs; installed only when missing (apt-get needs root, or sudo).
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# Python packages only the tests' reference checks use (none are needed at run time).
test-deps: deps
	@if [ -n "$(PIP_TEST_PACKAGES)" ]; then python3 -m pip install -q $(PIP_TEST_PACKAGES); fi

build: deps
	$(SWIFT) build -c release --product liveinsight

demo: build
	@mkdir -p $(DEMO_OUT)
	$(BIN) info AudioSamples/greeting-44k-stereo.flac
	$(BIN) features AudioSamples/greeting-44k-stereo.flac --out $(DEMO_OUT)/greeting.logmel.npy
	$(BIN) reviews AudioSamples/demo.reviews.csv --word-clouds $(DEMO_OUT)/wordclouds
	@echo "demo outputs are in $(DEMO_OUT)/"

test: test-deps
	$(SWIFT) test

bench: deps
	$(SWIFT) build -c release --product FrontEndBenchmark
	.build/release/FrontEndBenchmark 60

# Review sentiment: reviews/s on one core (tokenizer alone as the reference).
bench-reviews:
	$(SWIFT) build -c release --product ReviewsBenchmark
	.build/release/ReviewsBenchmark 50000

clean:
	rm -rf .build liveinsight-workspace
