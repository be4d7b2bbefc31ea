// The page's half of play's credit (the server's Playback): after drawing, the page acks the step it
// drew, and play sends its next frame only after that ack. Both the one-run page and each side of a
// comparison ack the same way, so both get the same pacing.

// A message that moves the step: the next frame acks even when it lands on the step acked before,
// since the server waits for an ack of that message.
const movesStep = msg => msg.type === 'transitions' || msg.type === 'loaded' || (msg.type === 'state' && !!msg.snapshot);

/** @param send a function that sends one command to the session's socket */
export function pageAck(send) {
  let acked = -1;
  let owed = false;
  return {
    /** Every message the session applied, in order. */
    received(msg) { if (movesStep(msg)) owed = true; },
    /** A frame drew this step: ack it if it is new or a step-moving message came since the last ack. */
    drawn(step) {
      if (!owed && step === acked) return;
      owed = false;
      acked = step;
      send({ cmd: 'ack', step });
    },
  };
}
