package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The main window carries the application icon in the sizes title bars and task switchers use. */
@ExtendWith(ApplicationExtension.class)
class WindowIconTest extends FxRobot {
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
}
