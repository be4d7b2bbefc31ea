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
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=args.sh
. "$here/args.sh"
require_loopback "$HOST"
require_integers PORT DURATION
cap_duration

heap baseline gc
node --experimental-websocket --no-warnings "$here/soak.mjs" "http://$HOST:$PORT" "$DURATION"
sleep 12   # the send time limit (10 s) for the last never-reading clients
heap after gc
