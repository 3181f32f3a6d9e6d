package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A closed window is let go: nothing the app leaves behind (the window thread's error handler, a background
 * thread, a listener) keeps the window, its session and its history alive. Windows opened one after another in
 * one process (a test run, or File → New windows over a long lesson) would otherwise pile up until memory runs out.
 */
@ExtendWith(ApplicationExtension.class)
class ClosedWindowFxTest extends FxRobot {
    @Test
    void aClosedWindowIsCollectedWhenTheNextOneHasOpened() throws Exception {
        ShellFixture first = ShellFixture.start(this);
        clickOn("#stepButton");
        first.settle();
        WeakReference<MainWindow> window = new WeakReference<>(first.app.window());
        WeakReference<Object> session = new WeakReference<>(first.app.session());
        first.stop();
        first = null;
        ShellFixture second = ShellFixture.start(this);
        try {
            assertNotSame(window.get(), second.app.window());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                System.gc();
                return window.get() == null && session.get() == null;
            });
            assertTrue(window.get() == null, "the closed window was collected");
        } finally {
            second.stop();
        }
    }
}
