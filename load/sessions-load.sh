#!/usr/bin/env bash
# Load test of the live-session WebSocket: N concurrent sessions, each playing a busy scenario at
# speed 0 (as fast as it takes them) for DURATION seconds. Starts nothing: run the app first, e.g.
#   ./mvnw -o spring-boot:run -Dspring-boot.run.arguments=--server.port=18080 &
#   PORT=18080 PID=<the app's java pid> load/sessions-load.sh
# Env: PORT (8080), HOST (127.0.0.1; loopback only), N (200), DURATION (60 s, capped at 600),
#      PID (the server's JVM, for heap figures via jcmd; skipped if unset).
set -euo pipefail

PORT=${PORT:-8080}
HOST=${HOST:-127.0.0.1}
N=${N:-200}
DURATION=${DURATION:-60}
PID=${PID:-}
MAX_DURATION=600

case "$HOST" in
  127.0.0.1|localhost) ;;
  *) echo "refusing non-loopback host '$HOST': this script only loads a server on this machine" >&2; exit 2 ;;
esac
[[ "$PORT" =~ ^[0-9]+$ && "$N" =~ ^[0-9]+$ && "$DURATION" =~ ^[0-9]+$ ]] || { echo "PORT, N and DURATION must be integers" >&2; exit 2; }
if (( DURATION > MAX_DURATION )); then
  echo "DURATION capped at ${MAX_DURATION} s" >&2
  DURATION=$MAX_DURATION
fi

heap() {
  if [[ -n "$PID" ]] && command -v jcmd >/dev/null; then
    echo "heap ($1), jcmd $PID GC.heap_info:"
    jcmd "$PID" GC.heap_info | sed -n '2,4p'
  else
    echo "heap ($1): skipped (set PID to the server's JVM pid and have jcmd on PATH)"
  fi
}

here=$(cd "$(dirname "$0")" && pwd)
heap before
node --experimental-websocket --no-warnings "$here/sessions-load.mjs" \
  "ws://$HOST:$PORT/ws/session" "$N" "$DURATION" \
  ${PID:+--heap-cmd "jcmd $PID GC.heap_info"}
heap after
