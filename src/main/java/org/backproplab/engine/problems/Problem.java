package org.backproplab.engine.problems;

import java.util.List;

/**
 * One training problem found, with the neurons involved.
 *
 * @param kind    which problem
 * @param layer   the layer of the neurons involved (1..L), or 0 when it is about the whole network (a plateau)
 * @param neurons the neurons of {@code layer} involved (0-based), empty for the whole network
 * @param detail  the numbers that show it, e.g. "z ≤ 0 for all 4 samples"
 */
public record Problem(Kind kind, int layer, List<Integer> neurons, String detail) {

    /** The problems looked for, each with what it means and what to try. */
    public enum Kind {
        /** A ReLU never active on the data set: its gradient is 0 for every sample, so it never learns again. */
        DEAD_RELU("dead ReLU", "never active on the data set (z ≤ 0 for every sample): its gradient is 0, so it "
                + "never learns again", "try a smaller η, a leaky ReLU, or another seed"),
        /** A sigmoid or tanh with |z| > 5 for every sample: its slope is almost 0. */
        SATURATED("saturated unit", "|z| > 5 for every sample: f'(z) is almost 0, so its gradients are tiny",
                "try smaller initial weights (Xavier), a smaller η, or standardised inputs"),
        /** The first layer's gradient much smaller than the last layer's. */
        VANISHING_GRADIENT("vanishing gradients", "the first layer's gradient is under 1 % of the last layer's: "
                + "the early layers hardly learn", "try ReLU or tanh in the hidden layers, fewer layers, or Xavier/He"),
        /** The loss flat for many iterations while far from 0. */
        PLATEAU("plateau", "the loss has hardly changed for many iterations while still far from 0",
                "try a larger η, momentum, or a new seed; symmetric or saturated units can cause it"),
        /** Hidden units with the same weights in and out: they get the same gradients and never differ. */
        SYMMETRIC_UNITS("symmetric hidden units", "the same weights in and out: they get the same gradients and "
                + "stay copies of each other for ever", "start from random weights (another initialiser or seed)");

        private final String title;
        private final String meaning;
        private final String advice;

        Kind(String title, String meaning, String advice) {
            this.title = title;
            this.meaning = meaning;
            this.advice = advice;
        }

        /** @return e.g. "dead ReLU" */
        public String title() {
            return title;
        }

        /** @return what it means */
        public String meaning() {
            return meaning;
        }

        /** @return what to try */
        public String advice() {
            return advice;
        }
    }

    public Problem {
        neurons = List.copyOf(neurons);
    }

    /**
     * @param names how the neurons are called on screen, {@code (l, j) -> "h1"}
     * @return one line: what, where, the numbers, what it means and what to try, e.g. "Dead ReLU h2: never active …
     *         Try a smaller η …"
     */
    public String explain(java.util.function.BiFunction<Integer, Integer, String> names) {
        StringBuilder where = new StringBuilder();
        for (int j : neurons) {
            where.append(where.length() > 0 ? ", " : " ").append(names.apply(layer, j));
        }
        String title = kind.title.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + kind.title.substring(1);
        return title + where + ": " + kind.meaning + " (" + detail + "). "
                + kind.advice.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + kind.advice.substring(1) + ".";
    }
}
