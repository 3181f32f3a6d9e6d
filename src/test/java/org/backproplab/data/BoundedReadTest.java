package org.backproplab.data;

import static org.backproplab.data.SpecialFiles.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files are read, never more than the limit, and nothing blocks. */
class BoundedReadTest {
    @TempDir
    Path dir;

    private static String refusal(Class<? extends BoundedRead.Refused> kind, Path p, long max) throws Exception {
        return assertThrows(kind, () -> within(() -> BoundedRead.readAllBytes(p, max))).getMessage();
    }

    @Test
    void anEndlessDeviceIsRefusedBeforeItIsOpened() throws Exception {
        Path zero = SpecialFiles.devZero();
        assertEquals("/dev/zero is a character device: expected a regular file",
                refusal(BoundedRead.NotARegularFile.class, zero, 1 << 20));
    }

    @Test
    void aFifoWithoutAWriterIsRefusedWithoutBlocking() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.json");
        assertEquals(fifo + " is a FIFO (named pipe): expected a regular file",
                refusal(BoundedRead.NotARegularFile.class, fifo, 1 << 20));
    }

    @Test
    void aDirectoryIsRefused() throws Exception {
        assertEquals(dir + " is a directory: expected a regular file",
                refusal(BoundedRead.NotARegularFile.class, dir, 1 << 20));
    }

    @Test
    void aLinkIsFollowedToWhatItNames() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        assertArrayEquals("{}".getBytes(), BoundedRead.readAllBytes(link, 2), "exactly the limit is read");
        Path toPipe = Files.createSymbolicLink(dir.resolve("to-pipe.json"), SpecialFiles.fifo(dir, "pipe"));
        assertEquals(toPipe + " is a FIFO (named pipe): expected a regular file",
                refusal(BoundedRead.NotARegularFile.class, toPipe, 1 << 20), "the message names the path given");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeReading() throws Exception {
        Path big = Files.write(dir.resolve("big.json"), new byte[2001]);
        assertEquals(big + " has 2001 bytes: at most 2000 are allowed",
                refusal(BoundedRead.TooLarge.class, big, 2000));
        assertEquals("67108864 (64 MiB)", BoundedRead.bytes(64L << 20), "large limits are also given in MiB");
    }

    @Test
    void aFileThatGrowsWhileItIsReadIsCutOffAtTheLimit() throws Exception {
        Path growing = Files.write(dir.resolve("growing.csv"), new byte[500]);
        try (InputStream in = BoundedRead.open(growing, 1000)) {
            Files.write(growing, new byte[10_000], StandardOpenOption.APPEND);
            String m = assertThrows(BoundedRead.TooLarge.class, in::readAllBytes).getMessage();
            assertEquals(growing + " has more than 1000 bytes (it grew while it was read, or its size was not known):"
                    + " at most 1000 are allowed", m);
        }
    }

    @Test
    void aFileWhoseSizeIsNotKnownIsReadOnlyUpToTheLimit() throws Exception {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "no /proc file of size 0 here");
        assertThrows(BoundedRead.TooLarge.class, () -> BoundedRead.readAllBytes(status, 10));
        assertTrue(BoundedRead.readAllBytes(status, 1 << 20).length > 10, "what is there is read, up to the limit");
    }
}
