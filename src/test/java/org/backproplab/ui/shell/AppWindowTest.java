package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.backproplab.about.AppInfo;
import org.backproplab.about.PomVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as an installed app shows it: the application icon in the sizes title bars and task switchers use;
 * Help → About with the pom's version, the licence and every library; and a first screen that builds only what it
 * shows (what is hidden still costs styling and layout before the first frame): the decision boundary is made
 * when its tab is first chosen, the architecture editor when it is first opened, and both then work.
 */
@ExtendWith(ApplicationExtension.class)
class AppWindowTest extends FxRobot {
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
    void theWindowHasTheIconFrom16To256Pixels() throws Exception {
        Stage stage = (Stage) lookup("#stepButton").query().getScene().getWindow();
        // read on a background thread at the first start, then put on the window
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stage.getIcons().isEmpty());
        List<Image> icons = stage.getIcons();
        assertEquals(List.of(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0), icons.stream().map(Image::getWidth).toList());
        for (Image i : icons) {
            assertFalse(i.isError(), "icon of " + i.getWidth() + " px: " + i.getException());
            assertEquals(i.getWidth(), i.getHeight());
        }
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

    @Test
    void theDecisionBoundaryAndTheArchitectureEditorAreMadeWhenFirstShown() throws Exception {
        assertTrue(lookup("#decisionBoundary").tryQuery().isEmpty(), "not made before its tab is chosen");
        assertTrue(lookup("#architectureView").tryQuery().isEmpty(), "not made before the editor is opened");

        clickOn("Boundary");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#decisionBoundary").tryQuery().isPresent());
        assertTrue(lookup("#decisionBoundary").query().isVisible());

        clickOn("#stepButton");
        press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#architectureView").tryQuery().isPresent());
        assertTrue(lookup("#architecturePanel").query().isVisible(), "Ctrl+E opens the editor it has just made");
    }

    @Test
    void atTenTwentyFourBySevenSixtyEightEverySideTabIsInViewNotBehindTheMenu() throws Exception {
        Stage stage = (Stage) lookup("#stepButton").query().getScene().getWindow();
        interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TabPane tabs = lookup("#sideTabs").queryAs(javafx.scene.control.TabPane.class);
        // the column's width as the window first opens (LectureLayout's default divider, 0.66)
        interact(() -> {
            Node up = tabs;
            while (!(up instanceof javafx.scene.control.SplitPane)) {
                up = up.getParent();
            }
            ((javafx.scene.control.SplitPane) up).setDividerPositions(0.66);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double right = tabs.localToScene(tabs.getBoundsInLocal()).getMaxX();
        java.util.Set<Node> headers = tabs.lookupAll(".tab");
        assertEquals(tabs.getTabs().size(), headers.stream().filter(n -> n.getParent() != null
                && n.getParent().getStyleClass().contains("headers-region")).count(), "one header per tab");
        for (Node h : headers) {
            if (h.getParent() != null && h.getParent().getStyleClass().contains("headers-region")) {
                double end = h.localToScene(h.getBoundsInLocal()).getMaxX();
                assertTrue(end <= right + 0.5, h.lookup(".tab-label") instanceof Label l ? l.getText() + " ends at " + end
                        + ", past the column's edge " + right : "a tab past the edge");
            }
        }
    }

    @Test
    void atTenTwentyFourSwitchesAndFieldsAreNeverCutTheDescriptionsGiveWay() throws Exception {
        Stage stage = (Stage) lookup("#stepButton").query().getScene().getWindow();
        interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(1024);
            stage.setHeight(768);
            // the longest description the chart writes (a test split, thinned to every 20,000 iterations)
            lookup("#lossWhat").queryAs(Label.class).setText("loss: training set, test set (dashed), every 20,000 iterations");
            lookup("#testRowsLabel").queryAs(Label.class).setText("451 of 1797 samples held out as the test set (marked in the table)");
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#lossLogScale", "#lossLogIterations", "#compareButton", "#testPercentSpinner")) {
            javafx.scene.control.Control c = lookup(id).queryAs(javafx.scene.control.Control.class);
            assertTrue(c.getWidth() >= c.prefWidth(-1) - 0.5, id + " is cut: " + c.getWidth() + " of " + c.prefWidth(-1));
        }
        Label what = lookup("#lossWhat").queryAs(Label.class);
        assertTrue(what.getWidth() < what.prefWidth(-1), "the description gives way");
    }
}
