package org.backproplab.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One version number, the pom's, and a complete list of what ships. */
class AppInfoTest {
    @Test
    void theVersionIsThePomsVersion() throws Exception {
        assertEquals(PomVersion.read(), AppInfo.version());
        assertEquals("Backprop Lab " + PomVersion.read(), AppInfo.nameAndVersion());
    }

    @Test
    void everyLibraryHasALicenceAndEveryPomVersionIsFilledIn() {
        assertFalse(AppInfo.licence().isBlank());
        for (AppInfo.Library l : AppInfo.libraries()) {
            assertFalse(l.licence().isBlank(), l.name());
            assertFalse(l.use().isBlank(), l.name());
            assertFalse(l.version().contains("$"), l.name() + " " + l.version());
        }
        assertTrue(AppInfo.libraries().stream().anyMatch(l -> l.name().startsWith("OpenJFX")));
        assertFalse(AppInfo.dataCredits().isEmpty());
    }
}
