package org.backproplab.ui.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data folder follows each platform's convention. */
class DataFolderTest {
    private final Path home = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertEquals(Path.of("/home/ada/.local/share/backprop-lab"), DataFolder.of("Linux", Map.of(), home));
        assertEquals(Path.of("/data/backprop-lab"), DataFolder.of("Linux", Map.of("XDG_DATA_HOME", "/data"), home));
        assertEquals(Path.of("/home/ada/.local/share/backprop-lab"),
                DataFolder.of("Linux", Map.of("XDG_DATA_HOME", "relative/path"), home), "a relative XDG path is ignored");
    }

    @Test
    void macOsUsesApplicationSupportAndWindowsLocalAppData() {
        assertEquals(Path.of("/home/ada/Library/Application Support/Backprop Lab"), DataFolder.of("Mac OS X", Map.of(), home));
        assertEquals(Path.of("/home/ada/AppData/Local/Backprop Lab"), DataFolder.of("Windows 11", Map.of(), home));
        assertEquals(Path.of("/c/Users/ada/AppData/Local/Backprop Lab"),
                DataFolder.of("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/ada/AppData/Local"), home));
    }
}
