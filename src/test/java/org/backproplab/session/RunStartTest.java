package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the iteration on show was trained from (what File → Export as code starts from), and that it leads there. */
class RunStartTest {
    private TrainingSession session;

    @AfterEach
    void close() {
        session.close();
    }

    private TrainingSession.RunStart runStart() throws Exception {
        return session.runStart().get(30, TimeUnit.SECONDS);
    }

    /** @return the weights training on from {@code r.start()} for {@code r.iterations()} reaches */
    private static Trainer replayed(Scenario s, TrainingSession.RunStart r) {
        Trainer t = s.createTrainer();
        t.restore(r.start());
        t.train(r.iterations());
        return t;
    }

    @Test
    void withoutAChangeByHandTheRunStartsFromItsFirstState() throws Exception {
        Scenario s = Presets.get("gender");
        session = new TrainingSession(s);
        TrainingSession.RunStart fresh = runStart();
        assertEquals(0, fresh.start().iteration());
        assertEquals(s.iterations(), fresh.iterations(), "nothing trained yet: the scenario's own length");
        assertTrue(fresh.start().network().sameAs(s.createNetwork()));

        session.stepMany(30);
        TrainingSession.RunStart r = runStart();
        assertEquals(0, r.start().iteration());
        assertEquals(30, r.shownIteration());
        assertEquals(30, r.iterations());
        assertTrue(replayed(s, r).network().sameAs(session.sync().get(30, TimeUnit.SECONDS).network()));
    }

    @Test
    void afterAChangeByHandTheRunStartsRightAfterItUntilYouGoBackBeforeIt() throws Exception {
        Scenario base = Presets.get("gender");
        Scenario s = base.withConfig(base.config().withMomentum(0.9));
        session = new TrainingSession(s);
        session.stepMany(30);
        session.setWeight(1, 0, 1, 0.75);
        session.stepMany(20);
        TrainingSession.RunStart r = runStart();
        TrainerState start = r.start();
        assertEquals(30, start.iteration());
        assertEquals(0.75, start.network().layer(1).weight(0, 1));
        assertTrue(start.velocityWeights() != null, "the momentum of the first 30 iterations goes on");
        assertEquals(20, r.iterations());
        assertTrue(replayed(s, r).network().sameAs(session.sync().get(30, TimeUnit.SECONDS).network()),
                "20 iterations from the change reach the weights on show");

        session.goTo(25);
        TrainingSession.RunStart before = runStart();
        assertEquals(0, before.start().iteration(), "before the change the run starts from its first state");
        assertEquals(25, before.iterations());
        assertTrue(replayed(s, before).network().sameAs(session.sync().get(30, TimeUnit.SECONDS).network()));
    }
}
