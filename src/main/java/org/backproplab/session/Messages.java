package org.backproplab.session;

/**
 * The sentences a session says: the last status message (what just happened, or why a command was refused) and
 * the last failure (a command that broke on the worker thread, shown as a dialog). Each is numbered so that a
 * window showing one snapshot per frame knows when one is new. Owned by the worker.
 */
final class Messages {
    private String pending = "";
    private String last = "";
    private long number;
    private String failure = "";
    private long failureNumber;

    /** Says {@code text} in the next snapshot. */
    void say(String text) {
        pending = text == null ? "" : text;
    }

    /**
     * Says {@code text} instead of {@code mine} if {@code mine} is still what is said (a progress message
     * replacing its own earlier one, never something said since).
     *
     * @return true if it was said
     */
    boolean replace(String mine, String text) {
        if ((pending.isEmpty() ? last : pending).equals(mine)) {
            say(text);
            return true;
        }
        return false;
    }

    /** @return what will be said next, or "" (for futures that complete with the message) */
    String pending() {
        return pending;
    }

    /** Records that a command failed with {@code text}; the window shows it in a dialog. */
    void fail(String text) {
        failure = text;
        failureNumber++;
        say(text);
    }

    /**
     * @return the last message; one said since the previous call becomes the last one and gets the next
     *         {@link #number()}
     */
    String take() {
        if (!pending.isEmpty()) {
            last = pending;
            number++;
            pending = "";
        }
        return last;
    }

    long number() {
        return number;
    }

    String failure() {
        return failure;
    }

    long failureNumber() {
        return failureNumber;
    }
}
