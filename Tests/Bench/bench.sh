#!/usr/bin/env bash
# `make bench`: wall-time figures for GeoBrief's hot paths, each a whole command run by hyperfine
# (median of several runs, process start included, as the anchors in ../shared/bench are measured).
# Usage: Tests/Bench/bench.sh PATH/TO/geobrief
set -euo pipefail
bin=${1:?usage: bench.sh PATH/TO/geobrief}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing; run 'make setup'" >&2; exit 1; }

run() { # name command...
  local name=$1; shift
  hyperfine -N --warmup 1 --runs "${RUNS:-5}" --export-json "$out/r.json" "$*" >/dev/null 2>&1 \
    || { printf '%-44s FAILED: %s\n' "$name" "$*"; return; }
  python3 - "$name" "$out/r.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))["results"][0]
print(f"{sys.argv[1]:<44} median {r['median']*1000:8.0f} ms   min {r['min']*1000:8.0f} ms")
PY
}

echo "GeoBrief benchmarks ($(nproc) cores), median of ${RUNS:-5} runs"
run "data info (manifest + every dataset opened)" "$bin" data info
run "map KURSK 1600x1200 PNG (large-scale set)" "$bin" map --bbox 33.6,50.55,38.6,52.45 --size 1600x1200 -o "$out/k.png"
run "map KURSK 1600x1200 PDF" "$bin" map --bbox 33.6,50.55,38.6,52.45 --size 1600x1200 -o "$out/k.pdf"
run "map KURSK 1600x1200 SVG" "$bin" map --bbox 33.6,50.55,38.6,52.45 --size 1600x1200 -o "$out/k.svg"
run "map OVERVIEW 2000x1000 PNG (small-scale set)" "$bin" map --bbox 25,35,145,62 --size 2000x1000 -o "$out/o.png"
run "map KURSK PNG, no layers (land, water, PNG encode)" "$bin" map --bbox 33.6,50.55,38.6,52.45 --size 1600x1200 --layers "" -o "$out/e.png"
