package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Network;
import org.backproplab.session.RunInfo;
import org.backproplab.session.SessionRecord;
import org.backproplab.session.Snapshot;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 6 files: runs whose hidden activations differ keep them, each state its own; version 5 files still read. */
class ActivationRunsFileTest {
    private static final long FORK = 300;
    private static final long END = 700;

    @TempDir
    Path dir;

    /**
     * xor (sigmoid) with run 1 to {@value #END} and a ReLU variant from {@value #FORK} to {@value #END}: its history
     * holds sigmoid states before the fork (a checkpoint at 256) and ReLU ones after (checkpoints at 512).
     */
    private static TrainingSession twoActivations() throws Exception {
        TrainingSession t = new TrainingSession(Presets.xor());
        t.stepMany(END);
        t.startVariant(FORK, List.of(), Activation.RELU);
        t.stepMany(END - FORK);
        t.goTo(600);
        t.sync().get(30, TimeUnit.SECONDS);
        return t;
    }

    private static Network at(TrainingSession t, int run, long k) throws Exception {
        t.showRun(run);
        return t.trainerAt(k).get(30, TimeUnit.SECONDS).trainer().network();
    }

    @Test
    void saveAndOpenKeepEachRunsActivationsAndEveryStateOfTheVariant() throws Exception {
        SessionRecord saved;
        Snapshot before;
        List<Network> states = new java.util.ArrayList<>();
        long[] points = {0, 256, FORK, FORK + 1, 512, END};
        try (TrainingSession t = twoActivations()) {
            before = t.sync().get(30, TimeUnit.SECONDS);
            saved = t.record().get(30, TimeUnit.SECONDS).record();
            for (long k : points) {
                states.add(at(t, 2, k));
            }
        }
        assertEquals("Run 2 · ReLU", before.runs().get(1).label());
        Path p = dir.resolve("relu.json");
        BackpropFile.of(saved).write(p);
        String json = java.nio.file.Files.readString(p);
        assertTrue(json.contains("\"format\": \"" + BackpropFile.FORMAT + "\""), json.substring(0, 40));
        assertTrue(json.contains("\"activations\": [\"sigmoid\", \"sigmoid\"]"), "run 2's states before the fork");
        BackpropFile read = BackpropFile.read(p);
        assertEquals(BackpropFile.of(saved).toJson(), read.toJson(), "writing what was read gives the same text");

        try (TrainingSession t = new TrainingSession(Presets.get("gender"))) {
            t.open(read.sessionOrState()).get(60, TimeUnit.SECONDS);
            assertEquals(null, t.historyCheck().get(60, TimeUnit.SECONDS), "every stretch replays as saved, each run "
                    + "with its activations");
            Snapshot s = t.sync().get(30, TimeUnit.SECONDS);
            assertEquals(List.of("Run 1 · sigmoid", "Run 2 · ReLU"), s.runs().stream().map(RunInfo::label).toList());
            assertEquals(600, s.iteration());
            assertEquals(List.of(Activation.RELU, Activation.SIGMOID), s.network().activations(), "run 2 on show");
            assertTrue(s.network().sameAs(before.network()));
            for (int i = 0; i < points.length; i++) {
                assertTrue(states.get(i).sameAs(at(t, 2, points[i])), "run 2 at iteration " + points[i]);
            }
            assertEquals(Activation.SIGMOID, at(t, 2, FORK - 1).layer(1).activation());
            assertEquals(Activation.SIGMOID, at(t, 1, END).layer(1).activation());
            t.showRun(1);
            t.goTo(END);
            assertEquals(Activation.SIGMOID, t.sync().get(30, TimeUnit.SECONDS).network().layer(1).activation());
        }
    }

    @Test
    void aFileOfOneActivationNamesNoneAndVersionFiveFilesStillOpen() throws Exception {
        SessionRecord r;
        try (TrainingSession t = new TrainingSession(Presets.xor())) {
            t.stepMany(300);
            t.startVariant(100, List.of(org.backproplab.session.Setting.LEARNING_RATE.parse("2")));
            t.stepMany(50);
            r = t.record().get(30, TimeUnit.SECONDS).record();
        }
        String v6 = BackpropFile.of(r).toJson();
        assertFalse(v6.contains("\"activations\""), "every state has the layers' activations");
        BackpropFile v5 = BackpropFile.read(v6.replace(BackpropFile.FORMAT, BackpropFile.FORMAT_V5), "old.json");
        try (TrainingSession t = new TrainingSession(Presets.get("gender"))) {
            String said = t.open(v5.sessionOrState()).get(60, TimeUnit.SECONDS);
            Snapshot s = t.sync().get(30, TimeUnit.SECONDS);
            assertEquals(2, s.runs().size(), said);
            assertEquals(150, s.iteration(), "run 2, from 100, 50 further");
        }
    }

    @Test
    void activationsAreRefusedInAVersionFiveFileAndOnTheOutputLayer() throws Exception {
        SessionRecord r;
        try (TrainingSession t = twoActivations()) {
            r = t.record().get(30, TimeUnit.SECONDS).record();
        }
        String v6 = BackpropFile.of(r).toJson();
        FileFormatException old = org.junit.jupiter.api.Assertions.assertThrows(FileFormatException.class,
                () -> BackpropFile.read(v6.replace(BackpropFile.FORMAT, BackpropFile.FORMAT_V5), "old.json"));
        assertTrue(old.getMessage().contains("activations") && old.getMessage().contains("unknown field"), old.getMessage());
        FileFormatException out = org.junit.jupiter.api.Assertions.assertThrows(FileFormatException.class,
                () -> BackpropFile.read(v6.replaceFirst("\"activations\": \\[\"sigmoid\", \"sigmoid\"\\]",
                        "\"activations\": [\"sigmoid\", \"relu\"]"), "bad.json"));
        assertTrue(out.getMessage().contains("activations[1]") && out.getMessage().contains("only hidden layers may differ"),
                out.getMessage());
    }
}
