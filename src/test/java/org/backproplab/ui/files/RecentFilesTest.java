package org.backproplab.ui.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recent-files list and the title, without a window. */
class RecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("org/backproplab/recent-test-" + ProcessHandle.current().pid());

    @AfterEach
    void clean() throws Exception {
        node.removeNode();
    }

    @Test
    void keepsTheLastEightNewestFirstAndRemembersThem() {
        RecentFiles r = new RecentFiles(node);
        for (int i = 1; i <= 10; i++) {
            r.add(Path.of("/tmp/f" + i + ".json"));
        }
        r.add(Path.of("/tmp/f5.json"));
        assertEquals(RecentFiles.MAX, r.files().size());
        assertEquals(Path.of("/tmp/f5.json"), r.files().get(0));
        assertEquals(Path.of("/tmp/f10.json"), r.files().get(1));
        assertEquals(Path.of("/tmp/f3.json"), r.files().get(7));
        r.remove(Path.of("/tmp/f10.json"));
        RecentFiles again = new RecentFiles(node);
        assertEquals(r.files(), again.files(), "the list survives a restart");
        assertEquals(7, again.files().size());
    }

    @Test
    void titleNamesTheFileAndMarksUnsavedWork() {
        assertEquals("Backprop Lab", FileViewModel.titleFor(null, false));
        assertEquals("Backprop Lab — untitled •", FileViewModel.titleFor(null, true));
        assertEquals("Backprop Lab — xor.json", FileViewModel.titleFor(Path.of("/a/xor.json"), false));
        assertEquals("Backprop Lab — xor.json •", FileViewModel.titleFor(Path.of("/a/xor.json"), true));
    }
}
