package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a save goes: through links, never over a FIFO or a device, any legal name, no stale leftovers. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private String refusal(Path target) throws Exception {
        String m = assertThrows(IOException.class, () -> SpecialFiles.within(() -> {
            AtomicFiles.writeString(target, "new");
            return null;
        })).getMessage();
        assertTrue(m.startsWith("cannot save to " + target + ": "), m);
        assertFalse(m.contains(AtomicFiles.TEMP_PREFIX), "never names the temporary file: " + m);
        return m;
    }

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void savingOverALinkWritesItsTargetAndTheLinkStaysALink() throws Exception {
        Files.createDirectory(dir.resolve("real"));
        Path real = Files.writeString(dir.resolve("real/net.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real/net.json"));
        Path chain = Files.createSymbolicLink(dir.resolve("chain.json"), link);
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(Path.of("real/net.json"), Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        AtomicFiles.writeString(chain, "newer");
        assertTrue(Files.isSymbolicLink(chain) && Files.isSymbolicLink(link));
        assertEquals("newer", Files.readString(real));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), Path.of("real/later.json"));
        AtomicFiles.writeString(dangling, "created");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("created", Files.readString(dir.resolve("real/later.json")));
        assertEquals(List.of("chain.json", "dangling.json", "link.json", "real"), names());
    }

    @Test
    void aFifoIsRefusedUnchangedAndNothingBlocks() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.json");
        assertEquals("cannot save to " + fifo + ": it is a FIFO (named pipe): expected a regular file or a new file name",
                refusal(fifo));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
        Path link = Files.createSymbolicLink(dir.resolve("to-pipe.json"), fifo);
        assertEquals("cannot save to " + link + ": it links to " + fifo + ", and that is a FIFO (named pipe): expected "
                + "a regular file or a new file name", refusal(link));
        assertEquals(List.of("pipe.json", "to-pipe.json"), names(), "nothing else was written");
    }

    @Test
    void aDirectoryOrAMissingFolderIsRefusedNamingThePathGiven() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals("cannot save to " + sub + ": it is a directory: expected a regular file or a new file name",
                refusal(sub));
        Path missing = dir.resolve("no/such/net.json");
        assertEquals("cannot save to " + missing + ": the folder " + dir.resolve("no/such") + " does not exist",
                refusal(missing));
        Path underAFile = Files.writeString(dir.resolve("plain.txt"), "x").resolve("net.json");
        assertEquals("cannot save to " + underAFile + ": " + dir.resolve("plain.txt") + " is not a folder",
                refusal(underAFile));
        assertThrows(IOException.class, () -> AtomicFiles.checkTarget(missing), "checked without writing");
        assertEquals(List.of("plain.txt", "sub"), names());
    }

    @Test
    void theLongestLegalNamesSave() throws Exception {
        for (int length : new int[] {245, 255}) {
            Path p = dir.resolve("n".repeat(length - 5) + ".json");
            AtomicFiles.writeString(p, "saved " + length);
            assertEquals("saved " + length, Files.readString(p));
        }
    }

    @Test
    void staleTemporaryFilesOfOursAreRemovedAndLiveOnesKept() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertTrue(ended.waitFor(SpecialFiles.PATIENCE_SECONDS, TimeUnit.SECONDS));
        long gone = ended.pid();
        long alive = ProcessHandle.current().pid();
        Instant now = Instant.now();
        Path oldOfLive = temp(alive, 1, now.minus(Duration.ofMinutes(11)));
        Path freshOfLive = temp(alive, 2, now.minus(Duration.ofMinutes(9)));
        Path orphan = temp(gone, 3, now.minus(Duration.ofMinutes(2)));
        Path justWrittenByGone = temp(gone, 4, now.minusSeconds(5));
        Path notOurs = Files.writeString(dir.resolve(".backprop-lab-notes.tmp"), "x");
        Path oldStyle = Files.writeString(dir.resolve(".net.json123456.tmp"), "x");
        for (Path p : List.of(notOurs, oldStyle)) {
            Files.setLastModifiedTime(p, FileTime.from(now.minus(Duration.ofDays(1))));
        }
        AtomicFiles.writeString(dir.resolve("net.json"), "saved");
        assertFalse(Files.exists(oldOfLive), "untouched for 10 minutes");
        assertFalse(Files.exists(orphan), "its writer has ended and it is a minute old");
        assertTrue(Files.exists(freshOfLive), "its writer runs and wrote it within 10 minutes");
        assertTrue(Files.exists(justWrittenByGone), "written a moment ago, perhaps from another machine");
        assertTrue(Files.exists(notOurs) && Files.exists(oldStyle), "names not exactly ours are left alone");
        assertEquals(5, names().size(), "the two kept, the two not ours and the save: " + names());
    }

    private Path temp(long pid, int n, Instant modified) throws IOException {
        Path p = Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + pid + "-" + n + AtomicFiles.TEMP_SUFFIX), "half");
        Files.setLastModifiedTime(p, FileTime.from(modified));
        return p;
    }

    @Test
    void theTemporaryFileIsOursAndGoneAfterASave() throws Exception {
        Path p = dir.resolve("net.json");
        assertThrows(IOException.class, () -> AtomicFiles.write(p, out -> {
            try (var files = Files.list(dir)) {
                List<String> n = files.map(f -> f.getFileName().toString()).toList();
                assertEquals(1, n.size());
                assertTrue(n.get(0).matches("\\.backprop-lab-" + ProcessHandle.current().pid() + "-\\d+\\.tmp"), n.get(0));
            }
            throw new IOException("stop");
        }));
        assertEquals(List.of(), names());
    }
}
