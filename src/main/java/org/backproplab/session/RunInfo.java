package org.backproplab.session;

/**
 * One run of a session, as the Runs list shows it: a line of training that forked from another run at an
 * iteration (after an edit or "Resume from here" at an earlier point), or the first run.
 *
 * @param number     1 for the first run, then 2, 3 ... in the order they were started
 * @param parent     the run it forked from, or 0 for the first run
 * @param forkedAt   the iteration it forked at (the first run: the iteration it starts at)
 * @param iterations the last iteration it holds
 * @param loss       the training loss of the weights at its last iteration (NaN if not measured yet)
 * @param current    true for the run on show
 * @param settings   the settings in which the runs differ, with this run's values at its end, e.g. "η 2, μ 0.9",
 *                   the hidden activation first where that differs, e.g. "ReLU, η 2" (see {@link Setting},
 *                   {@link HiddenActivation}); empty if all runs train alike
 * @param accuracy   the fraction of training rows classified right at its last iteration, NaN without classes
 * @param trainingNanos the wall time spent training it in this window, in nanoseconds
 * @param diverged   true if its loss became infinite or not a number
 */
public record RunInfo(int number, int parent, long forkedAt, long iterations, double loss, boolean current,
                      String settings, double accuracy, long trainingNanos, boolean diverged) {

    /** @return "Run 2", or with the settings in which runs differ, "Run 2 · η 2, μ 0.9", and "diverged" if it did */
    public String label() {
        return "Run " + number + (settings.isEmpty() ? "" : " · " + settings) + (diverged ? " · diverged" : "");
    }

    /** @return e.g. "Run 2 — from run 1 at iteration 500 · 1,200 iterations · loss 0.0123" */
    public String text() {
        String from = parent == 0 ? "first run" : "from run " + parent + " at iteration " + String.format(java.util.Locale.ROOT, "%,d", forkedAt);
        String l = Double.isNaN(loss) ? "loss —" : "loss " + org.backproplab.text.NumberText.format(loss);
        return "Run " + number + " — " + from + " · " + String.format(java.util.Locale.ROOT, "%,d", iterations)
                + " iterations · " + l;
    }

    /**
     * @return the short form for a narrow place (the closed Runs list), the loss first so that a cut text keeps it,
     *         with the iteration it is the loss of (the run's end, which may differ from the iteration on show),
     *         e.g. "Run 2 · loss 0.0123 at 1,200 · from 1 at 500"
     */
    public String shortText() {
        String from = parent == 0 ? "" : " · from " + parent + " at " + String.format(java.util.Locale.ROOT, "%,d", forkedAt);
        return "Run " + number + " · loss " + (Double.isNaN(loss) ? "—" : org.backproplab.text.NumberText.format(loss))
                + String.format(java.util.Locale.ROOT, " at %,d", iterations) + from;
    }
}
