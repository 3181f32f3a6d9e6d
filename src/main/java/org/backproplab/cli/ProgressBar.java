package org.backproplab.cli;

import java.io.PrintWriter;

/** A one-line progress bar redrawn with a carriage return; silent unless {@code enabled}. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private int shown = -1;

    /** @param enabled true only on a terminal ({@code System.console() != null}) */
    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Redraws the bar when the percentage changes. */
    void update(long done, long total) {
        if (!enabled || total <= 0) {
            return;
        }
        int percent = (int) (100 * done / total);
        if (percent == shown) {
            return;
        }
        shown = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
        err.flush();
    }

    /** Clears the bar's line. */
    void done() {
        if (enabled && shown >= 0) {
            err.print("\r" + " ".repeat(WIDTH + 8) + "\r");
            err.flush();
        }
    }
}
