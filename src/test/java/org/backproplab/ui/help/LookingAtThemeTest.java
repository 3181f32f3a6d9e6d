package org.backproplab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.backproplab.ui.Theme;
import org.backproplab.ui.UiState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** "What am I looking at?" names the colours of the theme on screen, and follows a change of theme. */
class LookingAtThemeTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static String text(Parent root) {
        StringBuilder b = new StringBuilder();
        root.lookupAll(".help-text").forEach(n -> b.append(((Text) n).getText()).append('\n'));
        return b.toString();
    }

    @Test
    void theTextNamesTheColoursOfEachTheme() throws Exception {
        String light = WaitForAsyncUtils.asyncFx(() -> text(LookingAtWindow.content(Theme.LIGHT))).get(10, TimeUnit.SECONDS);
        String dark = WaitForAsyncUtils.asyncFx(() -> text(LookingAtWindow.content(Theme.DARK))).get(10, TimeUnit.SECONDS);
        assertTrue(light.contains("light for 0, dark for 1"), light);
        assertTrue(light.contains("A white neuron with a dashed outline"), light);
        assertTrue(light.contains("The dark line is where ŷ = 0.5"), light);
        assertTrue(dark.contains("dark for 0, light for 1"), dark);
        assertTrue(dark.contains("A dark neuron with a dashed outline"), dark);
        assertTrue(dark.contains("The light line is where ŷ = 0.5"), dark);
        assertFalse(dark.contains("white neuron") || dark.contains("light for 0") || dark.contains("dark line"), dark);
    }

    @Test
    void theOpenWindowFollowsTheTheme() throws Exception {
        UiState state = new UiState();
        state.themeProperty().set(Theme.DARK);
        Stage help = WaitForAsyncUtils.asyncFx(() -> LookingAtWindow.show(null, state)).get(10, TimeUnit.SECONDS);
        try {
            ScrollPane scroll = (ScrollPane) help.getScene().getRoot();
            assertTrue(text((Parent) scroll.getContent()).contains("dark for 0, light for 1"));
            assertEquals(Theme.DARK.stylesheetUrls(), help.getScene().getStylesheets());
            WaitForAsyncUtils.asyncFx(() -> state.themeProperty().set(Theme.LIGHT)).get(10, TimeUnit.SECONDS);
            assertTrue(text((Parent) scroll.getContent()).contains("light for 0, dark for 1"), "the text follows the theme");
            assertEquals(Theme.LIGHT.stylesheetUrls(), help.getScene().getStylesheets());
        } finally {
            WaitForAsyncUtils.asyncFx(help::close).get(10, TimeUnit.SECONDS);
        }
    }
}
