#!/usr/bin/env bash
# Our maps next to the anchors of ../shared/bench (GMT, Mapnik) timed in the same hyperfine run,
# as ratios. Needs the anchors installed once by ../shared/bench/run-all.sh (data in /tmp/anchors).
# Usage: Tests/Bench/anchors.sh PATH/TO/geobrief
set -euo pipefail
bin=${1:?usage: anchors.sh PATH/TO/geobrief}
shared=${SHARED_BENCH:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/bench}
root=${ANCHORS_ROOT:-/tmp/anchors}
if [ ! -f "$root/data/maps_derived.env" ] || ! /usr/bin/python3 -c 'import mapnik' 2>/dev/null || ! command -v gmt >/dev/null; then
  echo "anchors: not installed here; run $shared/run-all.sh once (about 15 min), then make bench again"
  exit 0
fi
export ANCHORS_ROOT="$root" ANCHORS_DATA="$root/data" ANCHORS_OUT="$root/out"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
anch=Tests/Bench/anchors.yaml
runs=${RUNS:-5}

compare() { # title runs command-name pairs...
  local title=$1 n=$2; shift 2
  local args=()
  while [ $# -gt 0 ]; do args+=(-n "$1" "$2"); shift 2; done
  hyperfine -N --warmup 1 --runs "$n" --export-json "$out/c.json" "${args[@]}" > /dev/null 2>&1 \
    || hyperfine --warmup 1 --runs "$n" --export-json "$out/c.json" "${args[@]}" > /dev/null 2>&1 \
    || { echo "$title: FAILED"; return; }
  python3 - "$title" "$out/c.json" <<'PY'
import json, sys
rs = json.load(open(sys.argv[2]))["results"]
ours = rs[0]["median"]
line = f"{sys.argv[1]:<34} geobrief {ours:6.2f} s"
for r in rs[1:]:
    line += f"   {r['command']} {r['median']:6.2f} s ({r['median'] / ours:4.1f}x ours)"
print(line)
PY
}

echo "Anchors in the same run (median of $runs; ratios = anchor time / ours, above 1 means we are faster):"
compare "OVERVIEW 2000x1000 PNG" "$runs" \
  geobrief "$bin render $anch --view overview --format png -o $out" \
  mapnik-agg "/usr/bin/python3 $shared/mapnik/render.py OVERVIEW --backend agg --out $out/m.png" \
  gmt "$shared/gmt/render.sh OVERVIEW '' $out/g"
compare "KURSK 1600x1200 PNG" "$runs" \
  geobrief "$bin render $anch --view kursk --format png -o $out" \
  mapnik-agg "/usr/bin/python3 $shared/mapnik/render.py KURSK --backend agg --out $out/m.png" \
  gmt "$shared/gmt/render.sh KURSK '' $out/g"
compare "OVERVIEW PDF" "$runs" \
  geobrief "$bin render $anch --view overview --format pdf -o $out" \
  mapnik-cairo-pdf "/usr/bin/python3 $shared/mapnik/render.py OVERVIEW --backend cairo-pdf --out $out/m.pdf"
compare "KURSK PDF" "$runs" \
  geobrief "$bin render $anch --view kursk --format pdf -o $out" \
  mapnik-cairo-pdf "/usr/bin/python3 $shared/mapnik/render.py KURSK --backend cairo-pdf --out $out/m.pdf"
widths="600 700 800 900 1000 1100 1200 1300 1400 1500 1600 1700 1800 1900 2000 2100 2200 2300 2400 2500"
sizes=$(for w in $widths; do printf '%dx%d,' "$w" $((w / 2)); done); sizes=${sizes%,}
compare "OVERVIEW at 20 widths" 1 \
  geobrief "$bin batch $anch --views overview --sizes $sizes --force --quiet -o $out/b" \
  mapnik-agg-loop "/usr/bin/python3 $shared/mapnik/render.py OVERVIEW --batch --backend agg --outdir $out/mb" \
  gmt-20-runs "$shared/gmt/batch.sh $out/gb"
