# The argument checks every load script makes, in one place. Sourced, not run.
# A load script only ever talks to this machine and runs for a bounded time.

MAX_DURATION=600

# Refuses any HOST but loopback.
require_loopback() {
  case "$1" in
    127.0.0.1|localhost) ;;
    *) echo "refusing non-loopback host '$1': this script only loads a server on this machine" >&2; exit 2 ;;
  esac
}

# Refuses unless every named variable holds a whole number: require_integers PORT N DURATION
require_integers() {
  local name
  for name in "$@"; do
    [[ "${!name}" =~ ^[0-9]+$ ]] || { echo "$name must be a whole number, got '${!name}'" >&2; exit 2; }
  done
}

# Caps DURATION at MAX_DURATION seconds, saying so.
cap_duration() {
  if (( DURATION > MAX_DURATION )); then
    echo "DURATION capped at ${MAX_DURATION} s" >&2
    DURATION=$MAX_DURATION
  fi
}

# The server JVM's heap (PID) with a label; after a full GC when the second argument is "gc", so
# only what is live counts. Skipped, saying why, without PID or jcmd.
heap() {
  if [[ -n "${PID:-}" ]] && command -v jcmd >/dev/null; then
    if [[ "${2:-}" == gc ]]; then
      jcmd "$PID" GC.run >/dev/null
      echo "heap after GC ($1): $(jcmd "$PID" GC.heap_info | sed -n '2p' | sed 's/^ *//')"
    else
      echo "heap ($1), jcmd $PID GC.heap_info:"
      jcmd "$PID" GC.heap_info | sed -n '2,4p'
    fi
  else
    echo "heap ($1): skipped (set PID to the server's JVM pid and have jcmd on PATH)"
  fi
}
