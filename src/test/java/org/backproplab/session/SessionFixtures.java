package org.backproplab.session;

import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;

/** The scenarios the session tests train: the XOR and 2-2-1 tutorial presets. */
final class SessionFixtures {
    private SessionFixtures() {
    }

    static Scenario xor() {
        return Presets.xor();
    }

    static Scenario perSample() {
        return Presets.get("gender");
    }

    /** @return the iteration of point {@code i} of {@code c} */
    static long x(LossCurve c, int i) {
        return c.iterations()[i];
    }

    /** @return the loss of point {@code i} of {@code c} */
    static double y(LossCurve c, int i) {
        return c.losses()[i];
    }
}
