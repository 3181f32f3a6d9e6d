package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A command that breaks on the training thread: the window says so in a dialog, and the session goes on. */
@ExtendWith(ApplicationExtension.class)
class FailureDialogTest extends FxRobot {
    private ShellFixture f;

    @BeforeEach
    void start() throws Exception {
        f = ShellFixture.start(this);
    }

    @AfterEach
    void stop() throws Exception {
        f.stop();
    }

    /** Queues {@code command} on the worker as a command of the session's own would be (the session's test seam). */
    private static void inject(TrainingSession session, Runnable command) throws Exception {
        Method submit = TrainingSession.class.getDeclaredMethod("submit", Runnable.class);
        submit.setAccessible(true);
        submit.invoke(session, command);
    }

    @Test
    void aFailingCommandShowsADialogNamingTheErrorAndTheSessionStaysUsable() throws Exception {
        f.app.session().stepMany(5);
        f.settle();
        inject(f.app.session(), () -> {
            throw new ArithmeticException("injected for the test");
        });
        f.settle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#failureDialog").tryQuery().isPresent());
        DialogPane pane = lookup("#failureDialog").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().contains("ArithmeticException: injected for the test"), pane.getContentText());
        assertTrue(pane.getContentText().contains("iteration 5"), pane.getContentText());
        interact(() -> pane.getScene().getWindow().hide());

        clickOn("#stepButton");
        assertEquals(6, f.settle().iteration(), "the session still steps");
    }
}
