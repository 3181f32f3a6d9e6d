package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Regularization;
import org.backproplab.session.LossSplit;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;

/**
 * Version 6 files keep the penalty {@code Ω(W)} of every iteration, so the loss chart's split into data loss and
 * penalty opens as it was saved; version 5 files, which have none, still open (the split starts where training goes
 * on); a bad penalty is refused naming its place.
 */
class PenaltyFileTest {
    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    private static Scenario l2() {
        Scenario s = Presets.get("gender");
        return s.withConfig(s.config().withRegularization(Regularization.l2(0.01)));
    }

    /** A session of {@code gender} with L2 trained 600 iterations, shown at 450, as saved. */
    private static String saved(Scenario s) throws Exception {
        try (TrainingSession t = new TrainingSession(s)) {
            t.stepMany(600);
            t.goTo(450);
            get(t.sync());
            return BackpropFile.of(get(t.record()).record()).toJson();
        }
    }

    private static LossSplit splitOf(Scenario s) throws Exception {
        try (TrainingSession t = new TrainingSession(s)) {
            t.stepMany(600);
            t.goTo(450);
            return get(t.sync()).lossSplit();
        }
    }

    @Test
    void theSplitIsSavedAndOpensAsItWas() throws Exception {
        String json = saved(l2());
        assertTrue(json.contains("\"format\": \"backprop-lab/6\""), json.substring(0, 40));
        assertTrue(json.contains("\"penalties\""), "the penalty of every iteration is stored");
        assertTrue(json.contains("\"endPenalty\""), "and that of the weights at the end");
        BackpropFile read = BackpropFile.read(json, "saved.json");
        assertEquals(json, read.toJson(), "writing what was read gives the same text");
        LossSplit want = splitOf(l2());
        try (TrainingSession copy = new TrainingSession(Presets.xor())) {
            get(copy.open(read.sessionOrState()));
            assertNull(get(copy.historyCheck()), "the saved penalties replay bit for bit");
            Snapshot s = get(copy.sync());
            assertArrayEquals(want.penalties().iterations(), s.lossSplit().penalties().iterations());
            assertArrayEquals(want.penalties().losses(), s.lossSplit().penalties().losses(), 0.0);
            assertArrayEquals(want.dataLosses().losses(), s.lossSplit().dataLosses().losses(), 0.0);
        }
    }

    @Test
    void withoutRegularizationNoPenaltiesAreWritten() throws Exception {
        String json = saved(Presets.get("gender"));
        assertFalse(json.contains("\"penalties\"") || json.contains("\"endPenalty\""));
    }

    @Test
    void aVersion5FileOpensAndItsSplitStartsWhereTrainingGoesOn() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = (ObjectNode) m.readTree(saved(l2()));
        root.put("format", BackpropFile.FORMAT_V5);
        ObjectNode h = (ObjectNode) root.get("history");
        h.remove("penalties");
        h.remove("endPenalty");
        String v5 = m.writeValueAsString(root);
        BackpropFile read = BackpropFile.read(v5, "old.json");
        assertNull(read.history().penalties());
        try (TrainingSession copy = new TrainingSession(Presets.xor())) {
            get(copy.open(read.sessionOrState()));
            assertNull(get(copy.historyCheck()), "the saved losses replay bit for bit");
            assertNull(get(copy.sync()).lossSplit(), "no penalty known for the saved iterations");
            copy.goTo(600);
            copy.stepMany(10);
            LossSplit on = get(copy.sync()).lossSplit();
            assertNotNull(on);
            assertEquals(600, on.penalties().iterations()[0], "known from where training went on");
            assertEquals(11, on.penalties().points());
        }
        ObjectNode withPenalties = (ObjectNode) m.readTree(saved(l2()));
        withPenalties.put("format", BackpropFile.FORMAT_V5);
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> BackpropFile.read(m.writeValueAsString(withPenalties), "old.json"));
        assertTrue(e.field().startsWith("history"), e.getMessage());
    }

    @Test
    void aNegativeOrMisplacedPenaltyIsRefused() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = (ObjectNode) m.readTree(saved(l2()));
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("history").get("penalties")).set(3,
                com.fasterxml.jackson.databind.node.DoubleNode.valueOf(-0.5));
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> BackpropFile.read(m.writeValueAsString(root), "bad.json"));
        assertEquals("history.penalties[3]", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("never negative"), e.getMessage());

        ObjectNode shorter = (ObjectNode) m.readTree(saved(l2()));
        ((com.fasterxml.jackson.databind.node.ArrayNode) shorter.get("history").get("penalties")).remove(0);
        FileFormatException s = assertThrows(FileFormatException.class,
                () -> BackpropFile.read(m.writeValueAsString(shorter), "bad.json"));
        assertEquals("history.penalties", s.field(), s.getMessage());
    }
}
