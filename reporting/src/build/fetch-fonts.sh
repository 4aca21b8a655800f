#!/usr/bin/env bash
# Fetches the Sarabun TTFs (SIL Open Font License) from the pinned npm package, checks the package against its
# integrity string, and copies the four faces the reports use into the given directory. Fetched once into
# ~/.cache/ita-oversight/fonts; fonts never come from the machine.
set -euo pipefail
OUT="$1"
PACKAGE="@expo-google-fonts/sarabun"
VERSION="0.4.1"
INTEGRITY="sha512-Q/mWAjNyaFT4ym8hZOdQJvTtSC56uxipJ1qzdpwW6znDCCLMas4zSnfflmnVNXPfoRVJoQCrxtTEg5yJ6BEw7w=="
CACHE="${ITA_OVERSIGHT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ita-oversight}/fonts/sarabun-$VERSION"
FACES=("400Regular:Sarabun-Regular" "700Bold:Sarabun-Bold" "400Regular_Italic:Sarabun-Italic" "700Bold_Italic:Sarabun-BoldItalic")

if [[ ! -f "$CACHE/Sarabun-BoldItalic.ttf" ]]; then
  command -v npm >/dev/null || { echo "fetch-fonts: npm is needed to fetch $PACKAGE@$VERSION" >&2; exit 1; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack "$PACKAGE@$VERSION" --prefer-offline --silent >/dev/null)
  tgz="$(ls "$work"/*.tgz)"
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  if [[ "$actual" != "$INTEGRITY" ]]; then
    echo "fetch-fonts: $PACKAGE@$VERSION integrity mismatch: $actual" >&2
    exit 1
  fi
  mkdir -p "$work/x" "$CACHE.tmp"
  tar xzf "$tgz" -C "$work/x"
  for face in "${FACES[@]}"; do
    cp "$work/x/package/${face%%:*}/Sarabun_${face%%:*}.ttf" "$CACHE.tmp/${face##*:}.ttf"
  done
  cp "$work/x/package/LICENSE_FONT" "$CACHE.tmp/OFL.txt" 2>/dev/null || true
  rm -rf "$CACHE" && mv "$CACHE.tmp" "$CACHE"
fi
mkdir -p "$OUT"
cp "$CACHE"/*.ttf "$OUT/"
[[ -f "$CACHE/OFL.txt" ]] && cp "$CACHE/OFL.txt" "$OUT/"
exit 0
