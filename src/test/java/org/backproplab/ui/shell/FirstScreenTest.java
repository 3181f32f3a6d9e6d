package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first screen builds only what it shows (what is hidden still costs styling and layout before the first
 * frame): the decision boundary is made when its tab is first chosen, the architecture editor when it is first
 * opened, and both then work.
 */
@ExtendWith(ApplicationExtension.class)
class FirstScreenTest extends FxRobot {
    private ShellFixture f;

    @BeforeEach
    void start() throws Exception {
        f = ShellFixture.start(this);
    }

    @AfterEach
    void stop() throws Exception {
        f.stop();
    }

    @Test
    void theDecisionBoundaryAndTheArchitectureEditorAreMadeWhenFirstShown() throws Exception {
        assertTrue(lookup("#decisionBoundary").tryQuery().isEmpty(), "not made before its tab is chosen");
        assertTrue(lookup("#architectureView").tryQuery().isEmpty(), "not made before the editor is opened");

        clickOn("Decision boundary");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#decisionBoundary").tryQuery().isPresent());
        assertTrue(lookup("#decisionBoundary").query().isVisible());

        clickOn("#stepButton");
        press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#architectureView").tryQuery().isPresent());
        assertTrue(lookup("#architecturePanel").query().isVisible(), "Ctrl+E opens the editor it has just made");
    }
}
