package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Saved files damaged every way {@link HostileFiles} knows, read from the disk by {@link BackpropFile#read(Path)}
 * as {@code --load} and the window read them: the reader returns a file or throws an {@link IOException}
 * (a {@link FileFormatException} for bad content) with a one-line message naming the file, never anything
 * else, within a bounded time and within bounded memory.
 */
class SavedFileFuzzTest {
    /** A damaged file of a few kilobytes may allocate no more than the largest legal file holds. */
    static final long MAX_ALLOCATED = BackpropFile.MAX_BYTES;
    @Property(tries = 400)
    void readsOrRefusesInOneLine(@ForAll(supplier = HostileFiles.Damaged.class) HostileFiles.Sample sample) throws Exception {
        Path p = HostileFiles.onDisk(sample);
        HostileFiles.Outcome o = HostileFiles.read(() -> BackpropFile.read(p));
        if (o.thrown() != null) {
            assertTrue(o.thrown() instanceof IOException, () -> sample + " threw " + describe(o.thrown()));
            String m = o.thrown().getMessage();
            assertTrue(m != null && m.startsWith(p + ": ") && m.lines().count() == 1,
                    () -> sample + ": the message is not one line naming the file: " + m);
        }
        assertTrue(o.allocatedBytes() < MAX_ALLOCATED, () -> sample + " allocated " + o.allocatedBytes() + " bytes");
    }

    static String describe(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
