package org.backproplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark option as typed on the command line. */
class UiBenchmarkTest {
    @Test
    void readsBothSpellingsAndRefusesBadDurations() {
        assertTrue(UiBenchmark.fromParameters(List.of()).isEmpty());
        assertTrue(UiBenchmark.fromParameters(List.of("--benchmark-ui", "20")).isPresent());
        assertTrue(UiBenchmark.fromParameters(List.of("--benchmark-ui=5")).isPresent());
        assertTrue(UiBenchmark.fromParameters(List.of("--benchmark-ui", "20", "--neuron-maps")).orElseThrow().neuronMaps());
        assertTrue(!UiBenchmark.fromParameters(List.of("--benchmark-ui", "20")).orElseThrow().neuronMaps(), "off unless asked");
        assertTrue(UiBenchmark.fromParameters(List.of("--benchmark-ui=5", "--fill-screen")).orElseThrow().fillScreen());
        assertEquals(2.5, UiBenchmark.parseSeconds(" 2.5 "));
        assertFalse(UiBenchmark.fromParameters(List.of("--benchmark-ui", "20")).orElseThrow().lecture());
        assertTrue(UiBenchmark.fromParameters(List.of("--benchmark-ui", "20", "--lecture")).orElseThrow().lecture(),
                "--lecture measures lecture mode");
        assertTrue(UiBenchmark.fromParameters(List.of("--benchmark-ui=5", "--lecture")).orElseThrow().lecture());
        for (String bad : new String[] {"abc", "0", "-3", "NaN", "99999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> UiBenchmark.fromParameters(List.of("--benchmark-ui", bad)));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> UiBenchmark.fromParameters(List.of("--benchmark-ui"))).getMessage().contains("missing"));
    }

    @Test
    void readsThePresetAndTheTab() {
        UiBenchmark b = UiBenchmark.fromParameters(List.of("--benchmark-ui", "20", "--preset", "digits", "--tab",
                "confusionTab")).orElseThrow();
        assertEquals("digits", b.preset());
        assertEquals("confusionTab", b.tab());
        assertEquals(null, UiBenchmark.fromParameters(List.of("--benchmark-ui", "20")).orElseThrow().preset());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UiBenchmark.fromParameters(
                List.of("--benchmark-ui", "20", "--preset", "--lecture"))).getMessage().contains("--preset (missing)"));
    }
}
