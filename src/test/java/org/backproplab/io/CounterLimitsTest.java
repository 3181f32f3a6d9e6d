package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.engine.Trainer;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;

/**
 * Every iteration count in a file is at most {@link Trainer#MAX_ITERATION}: beyond it the file is refused with the
 * field named and the range, before a counter could wrap.
 */
class CounterLimitsTest {
    private static final String RANGE = "expected 0..9007199254740992";

    private static ObjectNode gender() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(BackpropFile.initial(Presets.get("gender")).toJson());
    }

    private static void refused(String json, String field, String words) {
        FileFormatException e = assertThrows(FileFormatException.class, () -> BackpropFile.read(json, "big.json"));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void anIterationBeyondTheLimitIsRefusedNamingTheField() throws Exception {
        ObjectNode f = gender();
        f.put("iteration", Long.MAX_VALUE);
        refused(f.toString(), "iteration", "is 9223372036854775807: " + RANGE);
        f.put("iteration", Trainer.MAX_ITERATION + 1);
        refused(f.toString(), "iteration", RANGE);
        f.put("iteration", Trainer.MAX_ITERATION);
        BackpropFile atLimit = BackpropFile.read(f.toString(), "max.json");
        assertEquals(Trainer.MAX_ITERATION, atLimit.createTrainer().iteration());
    }

    @Test
    void defaultIterationsBeyondTheLimitAreRefused() throws Exception {
        ObjectNode f = gender();
        f.put("defaultIterations", Long.MAX_VALUE);
        refused(f.toString(), "defaultIterations", RANGE);
    }

    @Test
    void aHistoryEndBeyondTheLimitIsRefused() throws Exception {
        String good = BackpropFile.of(HistoryFileTest.sessionHistory()).toJson();
        refused(good.replace("\"end\": 100", "\"end\": " + Long.MAX_VALUE), "history.end", "expected 90..9007199254740992");
    }

    @Test
    void aForkBeyondTheLimitIsRefused() throws Exception {
        String good;
        try (TrainingSession t = new TrainingSession(Presets.xor())) {
            t.stepMany(20);
            t.goTo(10);
            t.setWeight(1, 0, 1, -1.25);
            t.sync().get(30, TimeUnit.SECONDS);
            good = BackpropFile.of(t.record().get(30, TimeUnit.SECONDS).record()).toJson();
        }
        assertTrue(good.contains("\"forkedAt\" : 10") || good.contains("\"forkedAt\": 10"), good.substring(0, 300));
        refused(good.replaceFirst("\"forkedAt\" ?: 10", "\"forkedAt\": " + Long.MAX_VALUE), "run.forkedAt", RANGE);
    }
}
