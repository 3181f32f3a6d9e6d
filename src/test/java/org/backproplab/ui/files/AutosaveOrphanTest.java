package org.backproplab.ui.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which autosave the next start offers: the newest one whose process is gone, never one of a running process. */
class AutosaveOrphanTest {
    @TempDir
    Path folder;

    @Test
    void theAutosaveOfARunningProcessIsNeverOffered() throws Exception {
        Files.writeString(folder.resolve("autosave-" + ProcessHandle.current().pid() + ".json"), "{}");
        assertTrue(Autosave.orphan(folder).isEmpty());
        assertTrue(Autosave.orphan(folder.resolve("not-there")).isEmpty());
    }

    @Test
    void theNewestAutosaveOfAProcessThatIsGoneIsOfferedWithItsFile() throws Exception {
        long a = DeadProcess.pid();
        long b = DeadProcess.pid();
        Path older = folder.resolve("autosave-" + a + ".json");
        Path newer = folder.resolve("autosave-" + b + ".json");
        Files.writeString(older, "{}");
        Files.writeString(newer, "{}");
        Files.writeString(folder.resolve("autosave-" + b + ".properties"), "file=/lessons/xor.json\n");
        Files.writeString(folder.resolve("notes.json"), "{}");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-01-01T10:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-01-02T10:00:00Z")));

        Autosave.Orphan o = Autosave.orphan(folder).orElseThrow();
        assertEquals(newer, o.json());
        assertEquals(Path.of("/lessons/xor.json"), o.file());
        assertEquals(Instant.parse("2026-01-02T10:00:00Z"), o.time());

        Files.delete(newer);
        Autosave.Orphan untitled = Autosave.orphan(folder).orElseThrow();
        assertEquals(older, untitled.json());
        assertNull(untitled.file(), "never saved: no file of its own");
    }
}
