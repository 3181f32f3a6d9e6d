package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.backproplab.about.AppInfo;
import org.backproplab.about.PomVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Help → About, opened from the menu as a person would: the pom's version, the licence, every library. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest extends FxRobot {
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
    void helpAboutShowsThePomsVersionTheLicenceAndEveryLibraryWithItsLicence() throws Exception {
        clickOn("Help");
        clickOn("#aboutItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#aboutDialog").tryQuery().isPresent());
        assertEquals("Backprop Lab " + PomVersion.read(), lookup("#aboutVersion").queryAs(Label.class).getText());
        assertTrue(lookup("#aboutLicence").queryAs(Label.class).getText().contains(AppInfo.licence()));
        GridPane libraries = lookup("#aboutLibraries").queryAs(GridPane.class);
        List<String> cells = libraries.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        for (AppInfo.Library l : AppInfo.libraries()) {
            assertTrue(cells.contains(l.version().isEmpty() ? l.name() : l.name() + " " + l.version()), l + " in " + cells);
            assertTrue(cells.contains(l.licence()), l.licence());
        }
        Node pane = lookup("#aboutDialog").query();
        interact(() -> pane.getScene().getWindow().hide());
    }
}
