package org.backproplab.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backproplab.data.BoundedRead;

/**
 * Writes a file so that it is never seen half-written: the content goes to a temporary file in the same
 * directory, is flushed to the disk, and is then moved over the target ({@code ATOMIC_MOVE},
 * {@code REPLACE_EXISTING}). If anything fails, the temporary file is deleted and the old file is untouched.
 * <ul>
 *   <li>The target is checked first ({@link #checkTarget}): its folder exists and can be written, and it is a
 *       regular file or nothing yet. A directory, a FIFO or a device is refused, never replaced.</li>
 *   <li>A symbolic link is followed: the file it points to is replaced and the link stays a link.</li>
 *   <li>The temporary file is named {@code .backprop-lab-<pid>-<random>.tmp} (short, so any legal file name
 *       can be saved to, and recognisably ours). A save that was killed leaves one behind; the next save in
 *       that folder deletes those that are stale ({@link #isStale}).</li>
 *   <li>Every refusal or failure of the file system names the path the caller gave, never the temporary
 *       file: {@code cannot save to PATH: WHY}.</li>
 * </ul>
 */
public final class AtomicFiles {
    /** How a temporary file of ours starts; the writer's process id and a random number follow. */
    static final String TEMP_PREFIX = ".backprop-lab-";
    /** How a temporary file of ours ends. */
    static final String TEMP_SUFFIX = ".tmp";
    /** A temporary file of ours untouched for this long is stale, whoever wrote it. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    /** A temporary file of ours untouched for this long is stale if its writer has ended. */
    static final Duration ORPHANED_AFTER = Duration.ofMinutes(1);
    private static final Pattern TEMP = Pattern.compile(Pattern.quote(TEMP_PREFIX) + "(\\d{1,18})-\\d+"
            + Pattern.quote(TEMP_SUFFIX));
    private static final int MAX_LINKS = 40;

    /** Produces the bytes of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Checks, without writing anything, that {@link #write} can save to {@code path}: a long computation can
     * call this before it starts, so that its result is not lost to a typo in the folder.
     *
     * @return the file a save replaces: {@code path} with its symbolic links followed
     * @throws IOException naming {@code path} if its folder does not exist or cannot be written, or if it is
     *                     (after links) a directory, a FIFO, a device or anything else but a regular file
     */
    public static Path checkTarget(Path path) throws IOException {
        Path target = followLinks(path);
        Path dir = target.getParent();
        String via = target.equals(path.toAbsolutePath()) ? "" : "it links to " + target + ", and ";
        if (dir == null) {
            throw cannotSave(path, "expected a file name");
        }
        if (!Files.exists(dir)) {
            throw cannotSave(path, via + "the folder " + shown(path, dir) + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw cannotSave(path, via + shown(path, dir) + " is not a folder");
        }
        if (!Files.isWritable(dir)) {
            throw cannotSave(path, via + "the folder " + shown(path, dir) + " cannot be written (permission denied)");
        }
        String kind;
        try {
            kind = BoundedRead.kind(target);
        } catch (NoSuchFileException e) {
            return target;
        } catch (FileSystemException e) {
            throw cannotSave(path, e);
        }
        if (!kind.equals("a regular file")) {
            throw cannotSave(path, via + (via.isEmpty() ? "it" : "that") + " is " + kind
                    + ": expected a regular file or a new file name");
        }
        return target;
    }

    /**
     * Writes {@code content} to {@code path} atomically (see the class comment).
     *
     * @throws IOException naming {@code path} if {@link #checkTarget} refuses it or the file system fails;
     *                     or as thrown by {@code content}. The file at {@code path} is then as it was.
     */
    public static void write(Path path, Content content) throws IOException {
        Path target = checkTarget(path);
        Path dir = target.getParent();
        removeStaleTemporaries(dir, Instant.now());
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, TEMP_PREFIX + ProcessHandle.current().pid() + "-", TEMP_SUFFIX);
        } catch (FileSystemException e) {
            throw cannotSave(path, e);
        }
        try {
            keepPermissions(target, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(new Disk(Channels.newOutputStream(ch)));
                content.writeTo(out);
                out.flush();
                try {
                    ch.force(true);
                } catch (IOException e) {
                    throw new Disk.Failed(e);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw cannotSave(path, e);
        } catch (Disk.Failed e) {
            IOException wrapped = cannotSave(path, e.getCause().getMessage() == null ? e.getCause().toString()
                    : e.getCause().getMessage());
            wrapped.initCause(e.getCause());
            throw wrapped;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code text} as UTF-8, atomically. */
    public static void writeString(Path path, String text) throws IOException {
        write(path, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * A temporary file of ours ({@code .backprop-lab-<pid>-<random>.tmp}) is stale, and the next save in its
     * folder deletes it, if it has not been modified for {@link #STALE_AFTER} (10 minutes), or for
     * {@link #ORPHANED_AFTER} (1 minute) when no process with its writer's id runs on this machine. A save in
     * progress writes its temporary file from memory within seconds and then moves it away, so neither rule
     * touches it, not even one written from another machine to a shared folder (whose process id means
     * nothing here).
     *
     * @param writerPid the process id in the file's name
     * @param modified  when the file was last modified
     */
    static boolean isStale(long writerPid, Instant modified, Instant now) {
        Duration untouched = Duration.between(modified, now);
        if (untouched.compareTo(STALE_AFTER) > 0) {
            return true;
        }
        return untouched.compareTo(ORPHANED_AFTER) > 0
                && ProcessHandle.of(writerPid).map(h -> !h.isAlive()).orElse(true);
    }

    /** Deletes the stale temporary files of ours in {@code dir}; anything else is left alone. Best effort. */
    static void removeStaleTemporaries(Path dir, Instant now) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path f : files) {
                Matcher m = TEMP.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile() && isStale(Long.parseLong(m.group(1)), a.lastModifiedTime().toInstant(), now)) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException e) {
                    // gone already, or not ours to delete: the save goes on
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // a folder that cannot be listed can still be saved to
        }
    }

    /** @return {@code path} with its symbolic links followed (the link's own folder for a relative link) */
    private static Path followLinks(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        try {
            for (int hops = 0; Files.isSymbolicLink(p); hops++) {
                if (hops == MAX_LINKS) {
                    throw cannotSave(path, "it is a chain of more than " + MAX_LINKS + " symbolic links");
                }
                p = p.resolveSibling(Files.readSymbolicLink(p));
            }
        } catch (FileSystemException e) {
            throw cannotSave(path, e);
        }
        return p;
    }

    /** @return {@code dir} as the user wrote it when it is the folder of the path given, else absolute */
    private static String shown(Path path, Path dir) {
        Path given = path.getParent();
        return given != null && given.toAbsolutePath().equals(dir) ? given.toString() : dir.toString();
    }

    /** The stream to the disk: its failures (a full disk) are told apart from the content's own. */
    private static final class Disk extends java.io.FilterOutputStream {
        static final class Failed extends IOException {
            Failed(IOException cause) {
                super(cause);
            }
        }

        Disk(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new Failed(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new Failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw new Failed(e);
            }
        }
    }

    private static IOException cannotSave(Path path, String why) {
        return new IOException("cannot save to " + path + ": " + why);
    }

    /** The file system's reason, without the temporary file's name. */
    private static IOException cannotSave(Path path, FileSystemException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or folder"
                : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        IOException wrapped = cannotSave(path, why);
        wrapped.initCause(e);
        return wrapped;
    }

    /**
     * A temporary file is private (rw-------); the file it replaces keeps its permissions, and a new file gets
     * rw-r--r-- like any other saved document. Nothing to do on file systems without POSIX permissions.
     */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
}
