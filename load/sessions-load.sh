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
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=args.sh
. "$here/args.sh"
require_loopback "$HOST"
require_integers PORT N DURATION
cap_duration

heap before
node --experimental-websocket --no-warnings "$here/sessions-load.mjs" \
  "ws://$HOST:$PORT/ws/session" "$N" "$DURATION" \
  ${PID:+--heap-cmd "jcmd $PID GC.heap_info"}
heap after
