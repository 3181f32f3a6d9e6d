package org.backproplab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void noArgumentsAndWindowOptionsOpenTheWindowEverythingElseIsTheCommandLine() {
        assertTrue(Launcher.opensWindow(new String[0]));
        assertTrue(Launcher.opensWindow(new String[] {"--benchmark-ui", "5"}));
        assertTrue(Launcher.opensWindow(new String[] {"--benchmark-ui=5"}));
        assertTrue(Launcher.opensWindow(new String[] {"--benchmark-start"}));
        assertTrue(Launcher.opensWindow(new String[] {"--benchmark-start=bare"}));
        assertFalse(Launcher.opensWindow(new String[] {"train", "--preset", "xor"}));
        assertFalse(Launcher.opensWindow(new String[] {"--help"}));
    }

    @Test
    void startBenchmarkMeasuresTheAppOrTheBareWindow() {
        assertTrue(StartBenchmark.fromParameters(List.of()).isEmpty());
        assertTrue(StartBenchmark.fromParameters(List.of("--benchmark-start")).isPresent());
        assertFalse(StartBenchmark.bare(List.of("--benchmark-start")));
        assertTrue(StartBenchmark.bare(List.of("--benchmark-start=bare")));
    }
}
