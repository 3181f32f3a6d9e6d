package org.backproplab.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.backproplab.text.NumberText;

/**
 * The one way the application reads a file a person chose (a saved network, a CSV to import): bounded work
 * whatever the path names.
 * <ul>
 *   <li>Only a regular file is read, after following symbolic links. A directory, a FIFO (named pipe), a
 *       device such as {@code /dev/zero} or a socket is refused before it is opened, so reading never
 *       blocks on a pipe without a writer and never streams from an endless device.</li>
 *   <li>At most {@code maxBytes} are read: a file whose size says more is refused before reading, and the
 *       stream itself stops with a refusal as soon as more arrives (a file that grows while it is read, or
 *       one whose size is reported as 0, as in {@code /proc}).</li>
 * </ul>
 * Every refusal is a {@link Refused} whose message names the path as given and says what is allowed, e.g.
 * {@code /dev/zero is a character device: expected a regular file}.
 */
public final class BoundedRead {
    /** A path that was not read: the message names it and says what is allowed. */
    public static class Refused extends IOException {
        private final String problem;

        Refused(Path path, String problem) {
            super(path + " " + problem);
            this.problem = problem;
        }

        /** @return the message without the path, e.g. {@code is a FIFO (named pipe): expected a regular file} */
        public String problem() {
            return problem;
        }
    }

    /** The path is not a regular file (a directory, a FIFO, a device, a socket). */
    public static final class NotARegularFile extends Refused {
        NotARegularFile(Path path, String problem) {
            super(path, problem);
        }
    }

    /** The file holds more bytes than allowed. */
    public static final class TooLarge extends Refused {
        TooLarge(Path path, String problem) {
            super(path, problem);
        }
    }

    private BoundedRead() {
    }

    /**
     * @return every byte of the regular file at {@code path}
     * @throws NotARegularFile if {@code path} (after links) is not a regular file; nothing is opened
     * @throws TooLarge        if it holds more than {@code maxBytes} bytes, before or while reading
     * @throws IOException     if it does not exist or cannot be read
     */
    public static byte[] readAllBytes(Path path, long maxBytes) throws IOException {
        try (InputStream in = open(path, maxBytes)) {
            return in.readAllBytes();
        }
    }

    /**
     * @return a stream over the regular file at {@code path} that throws {@link TooLarge} once more than
     *         {@code maxBytes} bytes have arrived; the caller closes it
     * @throws NotARegularFile if {@code path} (after links) is not a regular file; nothing is opened
     * @throws TooLarge        if its size is already more than {@code maxBytes}
     * @throws IOException     if it does not exist or cannot be opened
     */
    public static InputStream open(Path path, long maxBytes) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new NotARegularFile(path, "is " + kind(path) + ": expected a regular file");
        }
        if (a.size() > maxBytes) {
            throw new TooLarge(path, "has " + a.size() + " bytes: at most " + bytes(maxBytes) + " are allowed");
        }
        return new Capped(Files.newInputStream(path), path, maxBytes);
    }

    /**
     * @return what {@code path} is, links followed, for messages: "a regular file", "a directory", "a FIFO
     *         (named pipe)", "a character device", "a block device", "a socket" or "a special file"
     * @throws IOException if it does not exist or cannot be looked at
     */
    public static String kind(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (a.isRegularFile() || a.isDirectory()) {
            return a.isRegularFile() ? "a regular file" : "a directory";
        }
        int type;
        try {
            type = ((Integer) Files.getAttribute(path, "unix:mode")) & 0170000;
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
        return switch (type) {
            case 0010000 -> "a FIFO (named pipe)";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case 0140000 -> "a socket";
            default -> "a special file";
        };
    }

    /** @return {@code 67108864 (64 MiB)}, or just the number below 1 MiB */
    static String bytes(long n) {
        return n < (1 << 20) ? Long.toString(n) : n + " (" + NumberText.format(n / 1048576.0) + " MiB)";
    }

    /** Reads at most one byte past the limit, then refuses. */
    private static final class Capped extends FilterInputStream {
        private final Path path;
        private final long max;
        private long count;

        Capped(InputStream in, Path path, long max) {
            super(in);
            this.path = path;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, max + 1 - count));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, max + 1 - count));
            counted(s);
            return s;
        }

        private void counted(long n) throws TooLarge {
            count += n;
            if (count > max) {
                throw new TooLarge(path, "has more than " + bytes(max) + " bytes (it grew while it was read, or "
                        + "its size was not known): at most " + bytes(max) + " are allowed");
            }
        }
    }
}
