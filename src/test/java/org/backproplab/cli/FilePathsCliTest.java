package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.cli.BackpropLabCliTest.Run;
import org.backproplab.data.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --load} and {@code --save} with paths that are not plain files: one line, at once, before training. */
class FilePathsCliTest {
    @TempDir
    Path dir;

    private static Run run(String... args) throws Exception {
        return SpecialFiles.within(() -> BackpropLabCliTest.run(args));
    }

    private static void refusedInOneLine(Run r, String message) {
        assertEquals(BackpropLabCli.USER_ERROR, r.status(), r.err());
        assertEquals("backprop-lab: " + message + "\n", r.err().replace("\r\n", "\n"));
    }

    @Test
    void loadingAnEndlessDeviceIsRefusedAtOnce() throws Exception {
        Run r = run("train", "--load", SpecialFiles.devZero().toString());
        refusedInOneLine(r, "/dev/zero is a character device: expected a regular file");
    }

    @Test
    void loadingAFifoWithoutAWriterDoesNotBlock() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.json");
        refusedInOneLine(run("gradcheck", "--load", fifo.toString()), fifo + " is a FIFO (named pipe): expected a regular file");
    }

    @Test
    void aSaveIntoAMissingFolderIsRefusedBeforeTraining() throws Exception {
        Path target = dir.resolve("no/such/net.json");
        Run r = run("train", "--preset", "xor", "--iterations", "100000", "--every", "1", "--save", target.toString());
        refusedInOneLine(r, "cannot save to " + target + ": the folder " + dir.resolve("no/such") + " does not exist");
        assertFalse(r.out().contains("iteration"), "refused before the first iteration: " + r.out());
    }

    @Test
    void aSaveOverAFifoIsRefusedBeforeTrainingAndTheFifoStays() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.json");
        Run r = run("train", "--preset", "xor", "--iterations", "10", "--save", fifo.toString());
        refusedInOneLine(r, "cannot save to " + fifo + ": it is a FIFO (named pipe): expected a regular file or a new "
                + "file name");
        assertFalse(r.out().contains("iteration"), r.out());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
    }

    @Test
    void aSaveThroughALinkWritesTheLinkedFile() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        Run r = run("train", "--preset", "xor", "--iterations", "10", "--save", link.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).contains("\"iteration\": 10"), Files.readString(real));
    }
}
