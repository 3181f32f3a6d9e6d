package org.backproplab.ui.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.backproplab.app.BackpropLabApp;
import org.backproplab.io.AtomicFiles;
import org.backproplab.session.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The File menu in the real window: save, open with the history, dirty title, failed saves, refused files. */
@ExtendWith(ApplicationExtension.class)
class FileCommandsFxTest {
    @TempDir
    Path dir;
    private BackpropLabApp app;
    private FileCommands files;
    private Stage stage;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("backproplab.prefs", "org/backproplab/lab-test");
        stage = FxToolkit.registerPrimaryStage();
        app = (BackpropLabApp) FxToolkit.setupApplication(BackpropLabApp.class);
        // the window is shown with its first screen and completed on the frames after it
        app.window().whenComplete().get(30, java.util.concurrent.TimeUnit.SECONDS);
        files = app.window().files();
        settle();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private Snapshot settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        app.session().sync().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> app.bridge().refresh()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return app.bridge().snapshot();
    }

    private static <T> T await(java.util.concurrent.Callable<CompletableFuture<T>> onFx) throws Exception {
        return WaitForAsyncUtils.asyncFx(onFx).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    }

    private String title() {
        return stage.getTitle();
    }

    @Test
    void saveThenOpenRestoresTheHistoryExactly(FxRobot robot) throws Exception {
        app.session().stepMany(30);
        app.session().setWeight(1, 0, 2, 0.75);
        app.session().stepMany(20);
        app.session().goTo(40);
        Snapshot before = settle();
        double[] losses = app.session().lossHistory().get(5, TimeUnit.SECONDS).losses();
        Path p = dir.resolve("class.json");
        assertTrue(await(() -> files.saveTo(p)));
        settle();
        assertEquals("Backprop Lab — class.json", title());

        app.session().reset();
        app.session().stepMany(7);
        settle();
        assertTrue(title().endsWith(" " + FileViewModel.DIRTY_MARK), title());

        await(() -> files.open(p));
        Snapshot after = settle();
        assertEquals(40, after.iteration());
        assertEquals(50, after.historyEnd());
        assertTrue(after.network().sameAs(before.network()), "the same weights at the same iteration");
        assertEquals(before.losses().count(), after.losses().count());
        assertEquals(before.losses().markers(), after.losses().markers());
        assertArrayEquals(losses, app.session().lossHistory().get(5, TimeUnit.SECONDS).losses());
        assertEquals("Backprop Lab — class.json", title());
        assertTrue(files.recent().files().contains(p.toAbsolutePath().normalize()));
    }

    @Test
    void theTitleShowsUnsavedWorkUntilSaved(FxRobot robot) throws Exception {
        settle();
        assertEquals("Backprop Lab", title());
        app.session().step();
        settle();
        assertEquals("Backprop Lab — untitled •", title());
        Path p = dir.resolve("xor.json");
        assertTrue(await(() -> files.saveTo(p)));
        settle();
        assertEquals("Backprop Lab — xor.json", title());
        app.session().pause();
        settle();
        assertEquals("Backprop Lab — xor.json", title(), "pausing changes nothing worth saving");
        app.session().setWeight(2, 1, 0, -0.5);
        settle();
        assertEquals("Backprop Lab — xor.json •", title());
    }

    @Test
    void aFailedSaveLeavesTheOldFileAndSaysSo(FxRobot robot) throws Exception {
        Path p = dir.resolve("keep.json");
        Files.writeString(p, "the old file");
        app.session().step();
        settle();
        files.jsonWriter = json -> path -> AtomicFiles.write(path, out -> {
            out.write(json.substring(0, 50).getBytes(StandardCharsets.UTF_8));
            throw new IOException("the disk is full");
        });
        assertFalse(await(() -> files.saveTo(p)));
        assertEquals("the old file", Files.readString(p));
        try (var list = Files.list(dir)) {
            assertEquals(1, list.count(), "no temporary file left behind");
        }
        DialogPane d = robot.lookup("#fileProblemDialog").queryAs(DialogPane.class);
        assertTrue(d.getHeaderText().contains("Could not save keep.json"), d.getHeaderText());
        assertTrue(d.getContentText().contains("the disk is full") && d.getContentText().contains("unchanged"),
                d.getContentText());
        assertTrue(title().endsWith("•"), "still unsaved: " + title());
        robot.interact(() -> ((Stage) d.getScene().getWindow()).close());
    }

    @Test
    void aSaveOverAFifoIsRefusedNamingThePathChosen(FxRobot robot) throws Exception {
        Path fifo = org.backproplab.data.SpecialFiles.fifo(dir, "pipe.json");
        assertFalse(await(() -> files.saveTo(fifo)));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
        DialogPane d = robot.lookup("#fileProblemDialog").queryAs(DialogPane.class);
        assertTrue(d.getContentText().startsWith("cannot save to " + fifo + ": it is a FIFO (named pipe)"),
                d.getContentText());
        robot.interact(() -> ((Stage) d.getScene().getWindow()).close());
    }

    @Test
    void aMalformedFileIsRefusedNamingTheFieldAndChangesNothing(FxRobot robot) throws Exception {
        Path good = dir.resolve("good.json");
        assertTrue(await(() -> files.saveTo(good)));
        String text = Files.readString(good).replace("\"learningRate\": 1.0", "\"learningRate\": \"fast\"");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text);
        app.session().stepMany(12);
        Snapshot before = settle();
        String titleBefore = title();

        await(() -> files.open(bad));
        Snapshot after = settle();
        DialogPane d = robot.lookup("#fileProblemDialog").queryAs(DialogPane.class);
        assertTrue(d.getHeaderText().contains("Could not open bad.json"), d.getHeaderText());
        assertTrue(d.getContentText().contains("training.learningRate") && d.getContentText().contains("\"fast\""),
                d.getContentText());
        assertFalse(d.getContentText().contains("Exception") || d.getContentText().contains("\tat "), d.getContentText());
        assertEquals(12, after.iteration());
        assertEquals(before.changes(), after.changes(), "the session is untouched");
        assertTrue(after.network().sameAs(before.network()));
        assertEquals(titleBefore, title());
        robot.interact(() -> ((Stage) d.getScene().getWindow()).close());
    }

    @Test
    void exportsWriteTheChartTheDataAndTheGraph(FxRobot robot) throws Exception {
        app.session().stepMany(25);
        settle();
        for (String kind : new String[] {"chart-png", "chart-svg", "loss-csv", "graph-png"}) {
            Path p = dir.resolve("out-" + kind);
            assertTrue(await(() -> files.export(kind, p)), kind);
            assertTrue(Files.size(p) > 100, kind);
        }
        java.util.List<String> csv = Files.readAllLines(dir.resolve("out-loss-csv"));
        assertEquals("iteration,loss,test_loss", csv.get(0));
        assertEquals(26, csv.size(), "one row per iteration, full resolution");
        assertTrue(Files.readString(dir.resolve("out-chart-svg")).contains("<svg"));
        byte[] png = Files.readAllBytes(dir.resolve("out-graph-png"));
        javafx.scene.image.Image img = new javafx.scene.image.Image(new java.io.ByteArrayInputStream(png));
        double shown = WaitForAsyncUtils.asyncFx(() -> app.window().lookup("#networkView").getLayoutBounds().getWidth())
                .get(5, TimeUnit.SECONDS);
        assertEquals(Math.ceil(shown * 2), img.getWidth(), 1.0, "the graph at twice its size on screen");
    }

    @Test
    void exportAsCodeTrainsFromTheLastChangeToTheIterationOnShow(FxRobot robot) throws Exception {
        app.session().stepMany(25);
        app.session().setWeight(1, 0, 2, 0.75);
        app.session().stepMany(15);
        Snapshot shown = settle();
        Path p = dir.resolve("run.py");
        assertTrue(await(() -> files.export("code", p)));
        String script = Files.readString(p);
        assertTrue(script.startsWith("#!/usr/bin/env python3\n# " + shown.scenario().name() + ": "), script);
        assertTrue(script.contains("\nSTART = 25 ") && script.contains("\nITERATIONS = 15 "), script);
        assertTrue(script.contains("0.75"), "the weight set by hand is where the script starts");
        if (org.backproplab.io.PythonRun.unavailable() == null) {
            org.backproplab.io.PythonRun.Output out = org.backproplab.io.PythonRun.script(script, dir);
            double last = out.losses().get(40L)[0];
            assertEquals(shown.loss(), last, 1e-12 * Math.max(1, shown.loss()), "the loss the window shows at iteration 40");
        }

        Path nowhere = dir.resolve("no/such/run.py");
        assertFalse(await(() -> files.export("code", nowhere)));
        DialogPane d = robot.lookup("#fileProblemDialog").queryAs(DialogPane.class);
        assertTrue(d.getHeaderText().contains("Could not export"), d.getHeaderText());
        robot.interact(() -> ((Stage) d.getScene().getWindow()).close());
        Snapshot after = settle();
        assertFalse(Files.exists(nowhere));
        assertEquals(shown.changes(), after.changes(), "a failed export changes nothing");
        assertEquals(40, after.iteration());
    }

    /** Opens {@code p} with a reader held until the open is cancelled by {@code cancel}; the session stays as it was. */
    private void cancelledWhileReading(Runnable cancel) throws Exception {
        app.session().stepMany(12);
        settle();
        Path p = dir.resolve("slow.json");
        assertTrue(await(() -> files.saveTo(p)));
        app.session().stepMany(5);
        Snapshot before = settle();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        files.reader = path -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FileCommands.read(path);
        };
        CompletableFuture<Void> done = WaitForAsyncUtils.asyncFx(() -> files.open(p)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> files.openingProperty().get());
        assertTrue(lookup("#cancelOpenButton").isVisible(), "Cancel shows while a file opens");
        cancel.run();
        release.countDown();
        done.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        String status = ((javafx.scene.control.Label) lookup("#statusMessage")).getText();
        assertTrue(status.contains("was cancelled; the session is as it was"), status);
        assertFalse(files.openingProperty().get());
        assertFalse(lookup("#cancelOpenButton").isVisible());
        Snapshot after = settle();
        assertEquals(17, after.iteration());
        assertTrue(after.network().sameAs(before.network()), "the session is as it was");
    }

    private javafx.scene.Node lookup(String id) {
        return stage.getScene().lookup(id);
    }

    @Test
    void cancelStopsAnOpenAndChangesNothing(FxRobot robot) throws Exception {
        cancelledWhileReading(() -> robot.clickOn("#cancelOpenButton"));
    }

    @Test
    void escapeStopsAnOpenAndChangesNothing(FxRobot robot) throws Exception {
        cancelledWhileReading(() -> robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE));
    }
}
