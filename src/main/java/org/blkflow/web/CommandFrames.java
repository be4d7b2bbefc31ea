package org.blkflow.web;

/**
 * Puts a command back together from the pieces the container hands over (a long text frame, or a
 * fragmented message, arrives in parts). Past {@link SessionLimits#MAX_MESSAGE_BYTES} the rest of
 * the message is skipped, not held, and the whole counts as one oversized command: the client gets
 * an error frame instead of the container's 1009 close.
 */
final class CommandFrames {

    /** What a finished message turned out to be. */
    record Message(String text, long length) {

        boolean oversized() {
            return text == null;
        }
    }

    private final StringBuilder partial = new StringBuilder();
    private long length;

    /** The whole message once {@code last} arrives, else null. Only the receiving thread calls it. */
    Message add(String piece, boolean last) {
        length += piece.length();
        if (length <= SessionLimits.MAX_MESSAGE_BYTES) {
            partial.append(piece);
        } else if (!partial.isEmpty()) {
            partial.setLength(0);
            partial.trimToSize();
        }
        if (!last) {
            return null;
        }
        Message m = new Message(length <= SessionLimits.MAX_MESSAGE_BYTES ? partial.toString() : null, length);
        partial.setLength(0);
        length = 0;
        return m;
    }
}
