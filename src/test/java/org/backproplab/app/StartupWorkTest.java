package org.backproplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.junit.jupiter.api.Test;

/** The presets and the session are prepared on a background thread while JavaFX starts, and taken once. */
class StartupWorkTest {
    @Test
    void whatBeginPreparesIsTakenOnceAndWithoutBeginItIsPreparedOnTheSpot() throws Exception {
        StartupWork.begin();
        StartupWork.Prepared first = StartupWork.take();
        StartupWork.Prepared second = StartupWork.take();
        try {
            assertNotSame(first.session(), second.session(), "taken once: the next window gets its own session");
            assertEquals(Presets.all().size(), first.presets().size());
            assertEquals(Presets.DEFAULT, first.session().sync().get(30, TimeUnit.SECONDS).scenario().name());
            assertSame(first.presets().get(0).getClass(), second.presets().get(0).getClass());
        } finally {
            first.session().close();
            second.session().close();
        }
    }
}
