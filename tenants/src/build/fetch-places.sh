#!/usr/bin/env bash
# Fetches Thailand's provinces, districts (อำเภอ) and subdistricts (ตำบล) from the pinned npm package
# thai-address-database (ISC licence), checks the package against its integrity string, and writes them as the
# compact list the demo registry generator reads (see compact-places.js). Fetched once into
# ~/.cache/ita-oversight/places; the data never comes from the repository or the machine.
set -euo pipefail
OUT="$1"
PACKAGE="thai-address-database"
VERSION="0.0.30"
INTEGRITY="sha512-o3VEoMMFKEbQZl/d4ekBa5r/uJ2tOe+4ZejkjJJLDCHGXRdZfizXeBaRERmKR9jHOAPuoDPAgl1B72k8aNRMAg=="
CACHE="${ITA_OVERSIGHT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ita-oversight}/places/$PACKAGE-$VERSION"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ ! -f "$CACHE/thai-places.tsv" ]]; then
  command -v npm >/dev/null || { echo "fetch-places: npm is needed to fetch $PACKAGE@$VERSION" >&2; exit 1; }
  command -v node >/dev/null || { echo "fetch-places: node is needed to read $PACKAGE@$VERSION" >&2; exit 1; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack "$PACKAGE@$VERSION" --prefer-offline --silent >/dev/null)
  tgz="$(ls "$work"/*.tgz)"
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  if [[ "$actual" != "$INTEGRITY" ]]; then
    echo "fetch-places: $PACKAGE@$VERSION integrity mismatch: $actual" >&2
    exit 1
  fi
  mkdir -p "$work/x" "$CACHE.tmp"
  tar xzf "$tgz" -C "$work/x"
  node "$HERE/compact-places.js" "$work/x/package/database/backup/geodb.json" "$PACKAGE@$VERSION" \
    > "$CACHE.tmp/thai-places.tsv"
  rm -rf "$CACHE" && mv "$CACHE.tmp" "$CACHE"
fi
mkdir -p "$OUT"
cp "$CACHE/thai-places.tsv" "$OUT/"
exit 0
