package org.backproplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.junit.jupiter.api.Test;

/** The session is prepared on a background thread while JavaFX starts, and taken once. */
class StartupWorkTest {
    @Test
    void whatBeginPreparesIsTakenOnceAndWithoutBeginItIsPreparedOnTheSpot() throws Exception {
        StartupWork.begin();
        StartupWork.Prepared first = StartupWork.take();
        StartupWork.Prepared second = StartupWork.take();
        try {
            assertNotSame(first.session(), second.session(), "taken once: the next window gets its own session");
            assertEquals(Presets.DEFAULT, first.session().sync().get(30, TimeUnit.SECONDS).scenario().name());
        } finally {
            first.session().close();
            second.session().close();
        }
    }
}
