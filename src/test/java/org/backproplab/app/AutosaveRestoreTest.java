package org.backproplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.backproplab.io.BackpropFile;
import org.backproplab.ui.files.DataFolder;
import org.backproplab.ui.files.DeadProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Crash safety as a person meets it: unsaved work is autosaved to the data folder; a run that ends without
 * closing the window (its process gone: a crash, kill -9) leaves it there, and the next start offers it in a
 * dialog. Restore brings the session back as unsaved work of its file; Discard deletes it; a normal close
 * leaves nothing behind.
 */
@ExtendWith(ApplicationExtension.class)
class AutosaveRestoreTest extends FxRobot {
    @TempDir
    Path data;
    private String previous;
    private BackpropLabApp app;

    @BeforeEach
    void useATemporaryDataFolder() {
        previous = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, data.toString());
    }

    @AfterEach
    void restoreTheDataFolder() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (previous == null) {
            System.clearProperty(DataFolder.PROPERTY);
        } else {
            System.setProperty(DataFolder.PROPERTY, previous);
        }
    }

    private BackpropLabApp start() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (BackpropLabApp) FxToolkit.setupApplication(BackpropLabApp.class);
        // the window is shown with its first screen and completed on the frames after it
        app.window().whenComplete().get(30, java.util.concurrent.TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    private void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        app = null;
    }

    /** Leaves the autosave of a session trained to iteration 7 as a process that died would: returns its path. */
    private Path crashAfterSevenSteps(Path savedAs) throws Exception {
        BackpropLabApp a = start();
        if (savedAs != null) {
            assertTrue(a.window().files().saveTo(savedAs).get(30, TimeUnit.SECONDS));
        }
        a.session().stepMany(7);
        a.session().sync().get(30, TimeUnit.SECONDS);
        interact(() -> a.bridge().refresh());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> a.window().files().model().isDirty());
        assertTrue(a.autosave().write(), "unsaved work is written");
        Path own = a.autosave().file();
        assertTrue(Files.isRegularFile(own));
        assertEquals(7, BackpropFile.read(own).sessionOrState().shown().iteration());
        long dead = DeadProcess.pid();
        Path orphan = data.resolve("autosave-" + dead + ".json");
        Files.move(own, orphan);
        Files.move(data.resolve(own.getFileName().toString().replace(".json", ".properties")),
                data.resolve("autosave-" + dead + ".properties"));
        stop();
        return orphan;
    }

    @Test
    void restoreBringsTheUnsavedSessionBackAsUnsavedWorkOfItsFile() throws Exception {
        Path lesson = data.resolve("lesson.json");
        Path orphan = crashAfterSevenSteps(lesson);

        BackpropLabApp again = start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#restoreDialog").tryQuery().isPresent());
        clickOn("Restore");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !Files.exists(orphan));
        again.session().sync().get(30, TimeUnit.SECONDS);
        interact(() -> again.bridge().refresh());
        assertEquals(7, again.bridge().snapshot().iteration());
        assertTrue(again.window().files().model().isDirty(), "restored work is not saved yet");
        assertEquals(lesson, again.window().files().model().file());
        Stage stage = (Stage) lookup("#stepButton").query().getScene().getWindow();
        assertEquals("Backprop Lab — lesson.json •", stage.getTitle());
    }

    @Test
    void escKeepsItForTheNextStart() throws Exception {
        Path orphan = crashAfterSevenSteps(null);

        start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#restoreDialog").tryQuery().isPresent());
        clickOn("#restoreDialog").type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#restoreDialog").tryQuery().isEmpty());
        assertTrue(Files.exists(orphan), "Esc decides nothing: the unsaved work is still kept");
        stop();

        start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#restoreDialog").tryQuery().isPresent());
        clickOn("Discard");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(orphan));
    }

    @Test
    void discardDeletesItAndANormalCloseLeavesNothingBehind() throws Exception {
        Path orphan = crashAfterSevenSteps(null);

        BackpropLabApp again = start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#restoreDialog").tryQuery().isPresent());
        clickOn("Discard");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(orphan));
        assertEquals(0, again.bridge().snapshot().iteration());

        again.session().stepMany(2);
        again.session().sync().get(30, TimeUnit.SECONDS);
        interact(() -> again.bridge().refresh());
        assertTrue(again.autosave().write());
        assertTrue(Files.exists(again.autosave().file()));
        stop();
        try (var left = Files.list(data)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("autosave-")),
                    "the window closed normally: no autosave is left");
        }
    }
}
