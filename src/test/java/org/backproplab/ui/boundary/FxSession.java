package org.backproplab.ui.boundary;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.backproplab.data.Scenario;
import org.backproplab.session.TrainingSession;
import org.backproplab.ui.SessionBridge;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A training session and its bridge for testing a view model that lives on the FX thread. */
final class FxSession {
    final TrainingSession session;
    final SessionBridge bridge;

    FxSession(Scenario s) {
        session = new TrainingSession(s);
        bridge = new SessionBridge(session);
    }

    /** @return a view model made on the FX thread, where it lives */
    <V> V create(FxRobot robot, Supplier<V> make) {
        Object[] made = new Object[1];
        robot.interact(() -> made[0] = make.get());
        @SuppressWarnings("unchecked")
        V v = (V) made[0];
        return v;
    }

    /** @return {@code job}'s result, computed on the FX thread */
    static <T> T onFx(Callable<T> job) throws Exception {
        return WaitForAsyncUtils.asyncFx(job).get(30, TimeUnit.SECONDS);
    }

    /** Waits until every command sent so far has run and the bridge shows the result. */
    void settle() throws Exception {
        session.sync().get(30, TimeUnit.SECONDS);
        onFx(() -> {
            bridge.refresh();
            return null;
        });
    }

    void close(FxRobot robot) {
        robot.interact(bridge::stop);
        session.close();
    }
}
