package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Scenario;

/** The sessions a test started, closed together after it ({@code @AfterEach}). */
final class OpenSessions implements AutoCloseable {
    private final List<TrainingSession> sessions = new ArrayList<>();

    /** @return a new session on {@code s}, closed by {@link #close} */
    TrainingSession start(Scenario s) {
        TrainingSession t = new TrainingSession(s);
        sessions.add(t);
        return t;
    }

    @Override
    public void close() {
        sessions.forEach(TrainingSession::close);
        sessions.clear();
    }

    /** @return the snapshot once every command sent to {@code t} so far is carried out (30 s at most) */
    static Snapshot sync(TrainingSession t) throws Exception {
        return t.sync().get(30, TimeUnit.SECONDS);
    }
}
