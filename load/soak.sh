#!/usr/bin/env bash
# Soak test of issue #11's adversarial mix (bad frames, floods, never-reading clients, huge steps,
# uploads, every REST reproducer) against a running server on loopback, for a bounded time. Starts
# nothing: run the jar first, e.g.
#   java -jar target/blkflow-*.jar --server.port=18080 &
#   PORT=18080 PID=<the app's java pid> DURATION=60 load/soak.sh
# Env: PORT (8080), HOST (127.0.0.1; loopback only), DURATION (60 s, capped at 600),
#      PID (the server's JVM: heap after a full GC before and after, via jcmd; skipped if unset).
# Reports 5xx (which must be 0), closes by code for each kind of client, and the heap against the baseline.
set -euo pipefail

PORT=${PORT:-8080}
HOST=${HOST:-127.0.0.1}
DURATION=${DURATION:-60}
PID=${PID:-}
MAX_DURATION=600

case "$HOST" in
  127.0.0.1|localhost) ;;
  *) echo "refusing non-loopback host '$HOST': this script only loads a server on this machine" >&2; exit 2 ;;
esac
[[ "$PORT" =~ ^[0-9]+$ && "$DURATION" =~ ^[0-9]+$ ]] || { echo "PORT and DURATION must be integers" >&2; exit 2; }
if (( DURATION > MAX_DURATION )); then
  echo "DURATION capped at ${MAX_DURATION} s" >&2
  DURATION=$MAX_DURATION
fi

# The heap after a full GC: what is live, garbage excluded.
heap() {
  if [[ -n "$PID" ]] && command -v jcmd >/dev/null; then
    jcmd "$PID" GC.run >/dev/null
    echo "heap after GC ($1): $(jcmd "$PID" GC.heap_info | sed -n '2p' | sed 's/^ *//')"
  else
    echo "heap ($1): skipped (set PID to the server's JVM pid and have jcmd on PATH)"
  fi
}

here=$(cd "$(dirname "$0")" && pwd)
heap baseline
node --experimental-websocket --no-warnings "$here/soak.mjs" "http://$HOST:$PORT" "$DURATION"
sleep 12   # the send time limit (10 s) for the last never-reading clients
heap after
