package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.session.SessionRecord;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;

/** Version 4 files store the history's trainer states, so they reopen without replaying; bad ones are refused. */
class StoredStatesFileTest {
    /** gender with momentum, mini-batches of 2, an edit, a test split, 1,200 iterations and a jump back to 900. */
    private static String savedJson() throws Exception {
        Scenario s = Presets.get("gender");
        try (TrainingSession t = new TrainingSession(s.withConfig(s.config().withMomentum(0.5)
                .withBatch(org.backproplab.engine.BatchMode.miniBatch(2)).withShuffle(true)))) {
            t.stepMany(500);
            t.setWeight(1, 1, 0, -0.5);
            t.setTestFraction(0.25);
            t.stepMany(700);
            t.goTo(900);
            t.sync().get(30, TimeUnit.SECONDS);
            return BackpropFile.of(t.record().get(30, TimeUnit.SECONDS).record()).toJson();
        }
    }

    @Test
    void aSavedSessionReopensFromItsStoredStatesExactly() throws Exception {
        String json = savedJson();
        assertTrue(json.contains("\"checkpointEvery\": 256"), "the spacing is saved");
        assertTrue(json.contains("\"velocity\": {"), "momentum is saved");
        BackpropFile read = BackpropFile.read(json, "saved.json");
        assertEquals(json, read.toJson(), "writing what was read gives the same text");
        SessionRecord r = read.sessionOrState();
        try (TrainingSession copy = new TrainingSession(Presets.xor())) {
            String said = copy.open(r).get(30, TimeUnit.SECONDS);
            assertTrue(said.startsWith("Opened the history: iterations 0 to 1200"), said);
            assertNull(copy.historyCheck().get(60, TimeUnit.SECONDS));
            Snapshot s = copy.sync().get(30, TimeUnit.SECONDS);
            assertEquals(900, s.iteration());
            assertTrue(s.network().sameAs(r.shown().current().network()));
        }
    }

    static void refused(String json, Consumer<ObjectNode> change, String field, String message) throws Exception {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(json);
        change.accept(root);
        String text = Json.pretty(root);
        FileFormatException e = assertThrows(FileFormatException.class, () -> BackpropFile.read(text, "bad.json"));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static ObjectNode history(ObjectNode root) {
        return (ObjectNode) root.get("history");
    }

    @Test
    void badStoredStatesAreRefusedNamingTheField() throws Exception {
        String json = savedJson();
        refused(json, r -> ((ArrayNode) ((ObjectNode) history(r).get("checkpoints").get(0)).get("velocity").get("weights"))
                .remove(0), "history.checkpoints[0].velocity.weights", "expected 2");
        refused(json, r -> ((ObjectNode) history(r).get("checkpoints").get(1)).put("iteration", 3),
                "history.checkpoints[1].iteration", "");
        refused(json, r -> history(r).put("checkpointEvery", 100), "history.checkpointEvery", "expected 256..16384");
        refused(json, r -> history(r).put("checkpointEvery", 300), "history.checkpointEvery", "a power of two");
        refused(json, r -> ((ObjectNode) history(r).get("current")).putObject("epochMark").put("epochs", 1e308)
                .put("iteration", 3), "history.current", "expected 0 to 3");
        refused(json, r -> ((ObjectNode) history(r).get("edits").get(0)).remove("before"), "history.edits[0].before",
                "missing");
        refused(json, r -> ((ObjectNode) history(r).get("current").get("epochMark")).put("iteration", 5000),
                "history.current.epochMark.iteration", "");
        refused(json.replace(BackpropFile.FORMAT, BackpropFile.FORMAT_V3), r -> { }, "history.checkpointEvery",
                "unknown field");
    }
}
