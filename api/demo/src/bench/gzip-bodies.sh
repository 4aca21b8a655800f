#!/usr/bin/env bash
# Benchmark of the request-body limits (issue #12): while the demo runs (`./oversight demo`), sends four gzip bodies
# of 150 MB inflated each at once to the platform-only result upload, first as an agency administrator (refused
# before a byte is read: 403), then as the platform administrator (read and counted as inflated: 413 at
# requests.maxResultFile), and meanwhile asks the API for an ordinary page. Prints the answers, how long the ordinary
# request took, and the API process's peak RSS while it ran.
#
#   api/demo/src/bench/gzip-bodies.sh [http://127.0.0.1:8080] [http://127.0.0.1:8180]
set -euo pipefail
api=${1:-http://127.0.0.1:8080}
keycloak=${2:-http://127.0.0.1:8180}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

token() {
  curl -sf "$keycloak/realms/ita-oversight/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=ita-oversight-scripts -d client_secret=ita-oversight-scripts-secret \
    -d username="$1" -d password=ita-demo-2568 | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# 150 MB of a CSV-looking line, gzip'd (about 150 KB).
(yes 'agency_code,fiscal_year,total,level' || true) | head -c 157286400 | gzip -9 > "$work/body.gz"
echo "body: $(stat -c %s "$work/body.gz") bytes gzip'd, 157286400 inflated"

pid=$(pgrep -f 'ita-oversight-(api|demo).*\.jar' | head -1)
[ -n "$pid" ] || { echo "no running API found (start ./oversight demo first)" >&2; exit 1; }
peak_file="$work/peak"
echo 0 > "$peak_file"
( while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    [ "$rss" -gt "$(cat "$peak_file")" ] && echo "$rss" > "$peak_file"
    sleep 0.1
  done ) &
sampler=$!
echo "API pid $pid, RSS before: $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status") MB"

for who in admin-bangrakam platform-admin; do
  bearer=$(token "$who")
  start=$(date +%s%N)
  for i in 1 2 3 4; do
    curl -s -o "$work/answer-$who-$i" -w "%{http_code}\n" -H "Authorization: Bearer $bearer" \
      -H 'Content-Type: text/csv' -H 'Content-Encoding: gzip' --data-binary @"$work/body.gz" \
      "$api/api/v1/ita/loads?fileName=attack-$i.csv" > "$work/status-$who-$i" &
  done
  sleep 0.2
  ordinary=$(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' -H "Authorization: Bearer $bearer" "$api/api/v1/provinces")
  wait $(jobs -p | grep -v "^$sampler$") 2>/dev/null || true
  echo "$who: answers $(cat "$work"/status-"$who"-* | sort | uniq -c | tr -s ' \n' ' ') in $(( ($(date +%s%N) - start) / 1000000 )) ms;" \
       "an ordinary request meanwhile: $ordinary"
done
kill "$sampler" 2>/dev/null || true
echo "API RSS after: $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status") MB, peak while sending: $(( $(cat "$peak_file") / 1024 )) MB"
