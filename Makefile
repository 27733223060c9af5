# LiveInsight — the two commands of the README, and what they stand on.
#   make demo   install what is missing, build (release), run the pipeline on the bundled sample broadcast
#   make test   install what the tests need, run every test
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/liveinsight
APT_PACKAGES := libsndfile1-dev libfftw3-dev libsqlite3-dev pkg-config
PIP_TEST_PACKAGES :=
DEMO_OUT := liveinsight-workspace/demo
DEMO_WORKSPACE := liveinsight-workspace
DEMO_BROADCAST := AudioSamples/demo-broadcast
SHIPPED_MODEL := Models/ko-ctc-small.safetensors
TINY_MODEL := Training/fixtures/tiny-model.safetensors

.PHONY: demo test build deps test-deps bench clean

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
	@model=$(SHIPPED_MODEL); \
	if [ ! -f "$$model" ]; then \
	  model=$(TINY_MODEL); \
	  echo "NOTE: $(SHIPPED_MODEL) is not there yet: using the tiny random test model $$model (the pipeline runs, the transcripts are gibberish)"; \
	fi; \
	$(BIN) run $(DEMO_BROADCAST).ogg --events $(DEMO_BROADCAST).events.csv --keywords $(DEMO_BROADCAST).keywords.csv \
	  --reference $(DEMO_BROADCAST).ref.txt --meta $(DEMO_BROADCAST).meta.json --workspace $(DEMO_WORKSPACE) --model "$$model"
	$(BIN) status --workspace $(DEMO_WORKSPACE)
	@echo "demo outputs: $(DEMO_OUT)/ (features) and $(DEMO_WORKSPACE)/broadcasts/<id>/ (manifest.json, recording.json, posteriors.bin, transcript.json)"

test: test-deps
	$(SWIFT) test

bench: deps
	$(SWIFT) build -c release --product FrontEndBenchmark
	.build/release/FrontEndBenchmark 60

clean:
	rm -rf .build liveinsight-workspace
