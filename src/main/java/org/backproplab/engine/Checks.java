package org.backproplab.engine;

/** Boundary checks whose messages name the value and where it came from. */
final class Checks {
    private Checks() {
    }

    static void index(String what, int i, int size) {
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException(what + " " + i + " does not exist: expected 0.." + (size - 1));
        }
    }

    static void finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is " + v + ": expected a finite number");
        }
    }

    static void target(double v, String where, Loss loss) {
        if (!loss.acceptsTarget(v)) {
            throw new IllegalArgumentException(where + " is " + v + " but the " + loss.id()
                    + " loss needs targets between 0 and 1");
        }
    }
}
