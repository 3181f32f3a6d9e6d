package org.backproplab.engine;

/**
 * Watches long work in the engine (a {@link GradientCheck}): told how far it has come, asked whether to stop.
 * The engine calls both methods from the thread doing the work, between units of it, so an implementation that
 * another thread cancels must make {@link #isCancelled()} see that thread's write (a volatile field). What the
 * progress looks like (a bar on the command line, a bar and a Cancel button in the window) is the caller's.
 */
public interface Progress {
    /** Shows nothing and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void advanced(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} units are finished (called after each unit, and once with 0 at the start). */
    void advanced(long done, long total);

    /**
     * @return true to stop: the work then ends at its next check with a
     *         {@link java.util.concurrent.CancellationException}, having changed nothing
     */
    boolean isCancelled();
}
