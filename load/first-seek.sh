#!/usr/bin/env bash
# Starts the packaged jar on a loopback port, waits until it answers (and, unless WARMUP=0, until
# its model warm-up has finished), then times the first seek to step K. Stops the jar at the end.
# Env: PORT (18081), K (1000000), WARMUP (1: wait for the warm-up; 0: turn it off and seek at once).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-18081}
K=${K:-1000000}
WARMUP=${WARMUP:-1}
# shellcheck source=args.sh
. "$here/args.sh"
require_integers PORT K WARMUP
jar=$(ls "$here"/../target/blkflow-*.jar | grep -v original | head -1)
log=$(mktemp)
args=(--server.port="$PORT" --server.address=127.0.0.1)
[[ "$WARMUP" == 0 ]] && args+=(--blkflow.warmup.transitions=0)
java -jar "$jar" "${args[@]}" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  sleep 0.5
done
if [[ "$WARMUP" != 0 ]]; then
  for _ in $(seq 1 240); do grep -q "warm-up done" "$log" && break; sleep 0.5; done
  grep "warm-up done" "$log" | sed 's/.*INFO/INFO/' || true
fi
node --experimental-websocket --no-warnings "$here/first-seek.mjs" "ws://127.0.0.1:$PORT/ws/session" "$K"
