package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.session.HistoryRecord;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 files: the history round-trips bit for bit, version 1 files still read, bad histories are refused. */
class HistoryFileTest {
    @TempDir
    Path dir;

    /** A gender session with an edit, an η change, a test split, a diverged-free history and a jump back. */
    static HistoryRecord sessionHistory() throws Exception {
        try (TrainingSession t = new TrainingSession(Presets.get("gender"))) {
            t.stepMany(40);
            t.setWeight(1, 1, 0, -0.5);
            t.stepMany(30);
            t.setLearningRate(0.3);
            t.setTestFraction(0.25);
            t.stepMany(30);
            t.goTo(90);
            t.sync().get(30, TimeUnit.SECONDS);
            return t.record().get(30, TimeUnit.SECONDS).record().shown();
        }
    }

    @Test
    void theHistoryRoundTripsBitForBitAndRebuildsTheSession() throws Exception {
        HistoryRecord h = sessionHistory();
        Path p = dir.resolve("gender.json");
        BackpropFile.of(h).write(p);
        BackpropFile back = BackpropFile.read(p);
        HistoryRecord r = back.history();
        assertNotNull(r);
        assertEquals(90, back.iteration());
        assertEquals(h.start(), r.start());
        assertEquals(h.end(), r.end());
        assertArrayEquals(h.losses(), r.losses());
        assertArrayEquals(h.testLosses(), r.testLosses());
        assertEquals(h.edits().size(), r.edits().size());
        for (int i = 0; i < h.edits().size(); i++) {
            assertEquals(h.edits().get(i).text(), r.edits().get(i).text());
            assertEquals(h.edits().get(i).iteration(), r.edits().get(i).iteration());
            assertTrue(h.edits().get(i).after().network().sameAs(r.edits().get(i).after().network()));
            assertEquals(h.edits().get(i).after().config(), r.edits().get(i).after().config());
            assertArrayEquals(h.edits().get(i).after().testRows(), r.edits().get(i).after().testRows());
        }
        assertArrayEquals(h.current().testRows(), r.current().testRows());
        assertEquals(BackpropFile.of(h).toJson(), back.toJson(), "writing what was read gives the same text");

        try (TrainingSession t = new TrainingSession(Presets.get("xor"))) {
            t.open(r);
            Snapshot s = t.sync().get(30, TimeUnit.SECONDS);
            assertEquals(90, s.iteration());
            assertEquals(100, s.historyEnd());
            assertEquals(3, s.losses().markers().size());
            assertArrayEquals(h.losses(), t.lossHistory().get(5, TimeUnit.SECONDS).losses());
            assertTrue(s.network().sameAs(h.current().network()));
        }
    }

    @Test
    void lossesThatAreNotFiniteAreWrittenAsStrings() throws Exception {
        HistoryRecord h = sessionHistory();
        double[] l = h.losses();
        l[0] = Double.NaN;
        l[1] = Double.POSITIVE_INFINITY;
        HistoryRecord odd = new HistoryRecord(h.scenario(), h.start(), h.initial(), h.edits(), h.end(), h.iteration(),
                h.current(), l, h.testLosses(), h.testFraction());
        String json = BackpropFile.of(odd).toJson();
        assertTrue(json.contains("\"losses\": [\"NaN\", \"Infinity\", "), json.substring(0, 200));
        assertArrayEquals(l, BackpropFile.read(json, "odd").history().losses());
    }

    @Test
    void versionOneFilesStillRead() throws Exception {
        String v1 = BackpropFile.initial(Presets.get("xor")).toJson().replace(BackpropFile.FORMAT, "backprop-lab/1");
        BackpropFile f = BackpropFile.read(v1, "old.json");
        assertNull(f.history());
        assertEquals(0, f.historyOrState().start());
        assertTrue(f.network().sameAs(Presets.get("xor").createNetwork()));
        FileFormatException e = assertThrows(FileFormatException.class, () -> BackpropFile.read(
                BackpropFile.of(sessionHistory()).toJson().replace(BackpropFile.FORMAT, "backprop-lab/1"), "mixed.json"));
        assertEquals("history", e.field());
    }

    private static void refused(String json, String field, String words) {
        FileFormatException e = assertThrows(FileFormatException.class, () -> BackpropFile.read(json, "bad.json"));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void badHistoriesAreRefusedNamingTheField() throws Exception {
        String good = BackpropFile.of(sessionHistory()).toJson();
        refused(good.replace("\"end\": 100", "\"end\": 99"), "history.losses", "expected 99");
        refused(good.replace("\"start\": 0", "\"start\": 91"), "history.start", "expected 0..90");
        refused(good.replaceFirst("\"losses\": \\[[-0-9.E]+,", "\"losses\": [\"lots\","), "history.losses[0]", "\"lots\"");
        refused(good.replace("\"iteration\": 40,", "\"iteration\": 400,"), "history.edits[0].iteration", "expected 0..100");
        refused(good.replace("\"testFraction\": 0.25", "\"testFraction\": 2.0"), "history.testFraction", "expected 0 to 0.9");
        refused(good.replaceFirst("\"testRows\": \\[(\\d)\\]", "\"testRows\": [7]"), "history.edits[2].testRows[0]",
                "expected 0..3");
        refused(good.replace("\"text\":", "\"txt\":"), "history.edits[0].txt", "unknown field");
        refused(good.replaceFirst("\"initial\": \\{", "\"initial\": { \"speed\": 1,"), "history.initial.speed",
                "unknown field");
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntact() throws Exception {
        Path p = dir.resolve("keep.json");
        Files.writeString(p, "old content");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(p, out -> {
            out.write("half a fi".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old content", Files.readString(p));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        assertThrows(IOException.class, () -> BackpropFile.initial(Presets.get("xor")).write(dir.resolve("no/such/x.json")));
    }
}
