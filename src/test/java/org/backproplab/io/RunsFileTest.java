package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.session.RunInfo;
import org.backproplab.session.SessionRecord;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 3 files: every run of a session is saved and rebuilt; version 2 files still read. */
class RunsFileTest {
    @TempDir
    Path dir;

    /** xor with three runs: run 1 to 400, run 2 forked at 150 by an edit, run 3 forked from run 2 by Resume from here. */
    private static TrainingSession threeRuns() throws Exception {
        TrainingSession t = new TrainingSession(Presets.xor());
        t.stepMany(400);
        t.goTo(150);
        t.setWeight(1, 0, 1, -1.25);
        t.stepMany(100);
        t.goTo(200);
        t.resumeFromHere();
        t.setLearningRate(0.9);
        t.stepMany(30);
        t.showRun(2);
        t.goTo(210);
        t.sync().get(30, TimeUnit.SECONDS);
        return t;
    }

    @Test
    void everyRunIsSavedAndRebuiltExactly() throws Exception {
        SessionRecord saved;
        Snapshot before;
        List<double[]> losses = new java.util.ArrayList<>();
        try (TrainingSession t = threeRuns()) {
            before = t.sync().get(30, TimeUnit.SECONDS);
            saved = t.record().get(30, TimeUnit.SECONDS).record();
            for (RunInfo r : before.runs()) {
                t.showRun(r.number());
                losses.add(t.lossHistory().get(30, TimeUnit.SECONDS).losses());
            }
        }
        assertEquals(3, saved.runs().size());
        Path p = dir.resolve("runs.json");
        BackpropFile.of(saved).write(p);
        BackpropFile read = BackpropFile.read(p);
        assertTrue(read.toJson().contains("\"format\" : \"" + BackpropFile.FORMAT + "\"")
                || read.toJson().contains("\"format\": \"" + BackpropFile.FORMAT + "\""), "writes " + BackpropFile.FORMAT);
        assertEquals(BackpropFile.of(saved).toJson(), read.toJson(), "writing what was read gives the same text");

        try (TrainingSession t = new TrainingSession(Presets.get("gender"))) {
            String said = t.open(read.sessionOrState()).get(60, TimeUnit.SECONDS);
            assertTrue(said.contains("3 runs"), said);
            Snapshot s = t.sync().get(30, TimeUnit.SECONDS);
            assertEquals(before.runs().size(), s.runs().size());
            for (int i = 0; i < 3; i++) {
                RunInfo a = before.runs().get(i);
                RunInfo b = s.runs().get(i);
                assertEquals(a.number(), b.number());
                assertEquals(a.parent(), b.parent());
                assertEquals(a.forkedAt(), b.forkedAt());
                assertEquals(a.iterations(), b.iterations());
                assertEquals(a.current(), b.current());
            }
            assertEquals(210, s.iteration());
            assertTrue(s.network().sameAs(before.network()));
            for (RunInfo r : s.runs()) {
                t.showRun(r.number());
                assertArrayEquals(losses.get(r.number() - 1), t.lossHistory().get(30, TimeUnit.SECONDS).losses(),
                        "run " + r.number());
            }
        }
    }

    @Test
    void aFileWithABrokenRunLinkIsRefusedNamingTheField() throws Exception {
        SessionRecord saved;
        try (TrainingSession t = threeRuns()) {
            saved = t.record().get(30, TimeUnit.SECONDS).record();
        }
        String json = BackpropFile.of(saved).toJson().replaceFirst("\"parent\" ?: ?1", "\"parent\": 7");
        FileFormatException e = assertThrows(FileFormatException.class, () -> BackpropFile.read(json, "bad.json"));
        assertTrue(e.getMessage().contains("run"), e.getMessage());
    }

    @Test
    void versionTwoFilesStillRead() throws Exception {
        try (TrainingSession t = new TrainingSession(Presets.xor())) {
            t.stepMany(50);
            SessionRecord r = t.record().get(30, TimeUnit.SECONDS).record();
            String v2 = BackpropFile.of(r.shown().withoutStoredStates()).toJson().replace(BackpropFile.FORMAT,
                    BackpropFile.FORMAT_V2);
            BackpropFile f = BackpropFile.read(v2, "old.json");
            assertEquals(1, f.sessionOrState().runs().size());
            assertEquals(50, f.sessionOrState().shown().end());
            String v3;
            try (TrainingSession runs = threeRuns()) {
                v3 = BackpropFile.of(runs.record().get(30, TimeUnit.SECONDS).record()).toJson();
            }
            FileFormatException e = assertThrows(FileFormatException.class, () -> BackpropFile.read(
                    v3.replace(BackpropFile.FORMAT, BackpropFile.FORMAT_V2), "mixed.json"));
            assertTrue(e.getMessage().contains("runs need"), e.getMessage());
        }
    }
}
