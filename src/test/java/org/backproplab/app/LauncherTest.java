package org.backproplab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void noArgumentsAndWindowOptionsOpenTheWindowEverythingElseIsTheCommandLine() {
        assertTrue(Launcher.opensWindow(new String[0]));
        assertTrue(Launcher.opensWindow(new String[] {"--benchmark-ui", "5"}));
        assertTrue(Launcher.opensWindow(new String[] {"--benchmark-ui=5"}));
        assertFalse(Launcher.opensWindow(new String[] {"train", "--preset", "xor"}));
        assertFalse(Launcher.opensWindow(new String[] {"--help"}));
    }
}
