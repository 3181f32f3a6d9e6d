package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A preset's own stratified split is what the window holds out, through loads and resets. */
class PresetSplitTest {
    private TrainingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private Snapshot sync() throws Exception {
        return session.sync().get(30, TimeUnit.SECONDS);
    }

    @Test
    void irisHoldsOutItsStatedRowsAfterALoadAndAReset() throws Exception {
        Scenario iris = Presets.get("iris");
        session = new TrainingSession(Presets.get("xor"));
        session.load(iris);
        Snapshot s = sync();
        assertArrayEquals(iris.testRows(), s.testRows());
        assertTrue(s.scores().hasTestSet());
        session.step();
        session.reset();
        assertArrayEquals(iris.testRows(), sync().testRows(), "a reset keeps the preset's split");
        session.load(Presets.get("xor"));
        assertEquals(0, sync().testRows().length, "the next preset does not inherit it");
        assertFalse(sync().scores().hasTestSet());
    }
}
