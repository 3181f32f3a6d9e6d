package org.backproplab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads MNIST-style idx files — an image file and a label file, each plain or gzip-compressed (recognised by
 * its first two bytes) — into a data set of up to {@code limit} samples: inputs {@code pixel / 255} row by row,
 * one-hot targets for the digits 0–9. Optional 2× downsampling averages each 2×2 block (28×28 → 14×14; an odd last
 * row or column is left out).
 *
 * <p>The format (big-endian): a magic number {@code 0x00 0x00 0x08 d} (unsigned bytes, {@code d} dimensions: 3 for
 * images, 1 for labels), then {@code d} sizes of 4 bytes, then the data. The reader refuses, naming the file and the
 * field, a wrong magic number, a size that is 0, negative or absurd (more than {@value #MAX_SIDE} pixels a side),
 * images and labels of different counts, a label outside 0–9, and a file that ends before the samples it reads
 * (truncated). It never reads more than the header and the {@code limit} samples it keeps (a gzip file is
 * decompressed only that far), every file goes through {@link BoundedRead}, and the samples it keeps fit the
 * engine's data set limit ({@link #maxSamples}), so it cannot run out of memory.
 */
public final class MnistImport {
    /** The magic number of an idx file of unsigned-byte images: {@code 0x00000803}. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** The magic number of an idx file of unsigned-byte labels: {@code 0x00000801}. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** The largest file read, in bytes (MNIST's training images are 47 MB). */
    public static final long MAX_BYTES = 128L * 1024 * 1024;
    /** The most pixels an image side may have. */
    public static final int MAX_SIDE = 256;
    /** The most samples a file may say it has (MNIST has 60,000). */
    public static final int MAX_COUNT = 10_000_000;
    /** Digits 0–9. */
    public static final int CLASSES = 10;
    /** The cells (inputs plus targets) a data set may have: the engine's limit. */
    public static final long MAX_CELLS = org.backproplab.engine.Trainer.MAX_CELLS;

    private MnistImport() {
    }

    /**
     * @param side  pixels per side after downsampling
     * @return the most samples of {@code side × side} pixels and 10 classes a data set may hold
     */
    public static int maxSamples(int side) {
        return (int) Math.min(MAX_COUNT, MAX_CELLS / ((long) side * side + CLASSES));
    }

    /**
     * @param images     the idx file of images ({@code …-images-idx3-ubyte}, maybe {@code .gz})
     * @param labels     the idx file of labels ({@code …-labels-idx1-ubyte}, maybe {@code .gz})
     * @param limit      how many samples to read, from the first; at least 1
     * @param downsample true to average 2×2 blocks
     * @throws IdxException naming the file and the field if a file cannot be used, or if {@code limit} samples of
     *                      that size would not fit a data set
     * @throws IOException  if a file cannot be read ({@link BoundedRead}'s refusals name the path)
     */
    public static Dataset read(Path images, Path labels, int limit, boolean downsample) throws IOException {
        if (limit < 1) {
            throw new IdxException("sample limit " + limit + " is not allowed: expected at least 1");
        }
        String iName = name(images);
        String lName = name(labels);
        try (InputStream in = open(images, iName); InputStream lin = open(labels, lName)) {
            int[] dims = header(in, iName, IMAGES_MAGIC, 3, "images");
            int[] ldims = header(lin, lName, LABELS_MAGIC, 1, "labels");
            int count = dims[0];
            if (ldims[0] != count) {
                throw new IdxException(String.format(Locale.ROOT, "%s has %,d labels but %s has %,d images: the counts "
                        + "(the number after the magic number) must match", lName, ldims[0], iName, count));
            }
            int rows = dims[1];
            int cols = dims[2];
            checkLength(images, iName, 16 + (long) count * rows * cols,
                    String.format(Locale.ROOT, "%,d images of %d×%d bytes", count, rows, cols));
            checkLength(labels, lName, 8 + (long) count, String.format(Locale.ROOT, "%,d labels", count));
            int outRows = downsample ? rows / 2 : rows;
            int outCols = downsample ? cols / 2 : cols;
            if (outRows < 1 || outCols < 1) {
                throw new IdxException(iName + ": images of " + rows + "×" + cols + " pixels are too small to downsample 2×");
            }
            int n = Math.min(limit, count);
            int fits = (int) Math.min(MAX_COUNT, MAX_CELLS / ((long) outRows * outCols + CLASSES));
            if (n > fits) {
                throw new IdxException(String.format(Locale.ROOT, "%,d samples of %d×%d pixels and %d classes are more "
                        + "than the %,d numbers a data set may hold: set the sample limit to at most %,d%s", n, outRows,
                        outCols, CLASSES, MAX_CELLS, fits, downsample ? "" : " (or downsample 2×)"));
            }
            double[][] x = new double[n][];
            double[][] y = new double[n][CLASSES];
            List<String> sampleLabels = new ArrayList<>(n);
            byte[] image = new byte[rows * cols];
            for (int s = 0; s < n; s++) {
                readFully(in, image, iName, String.format(Locale.ROOT, "image %,d of %,d (%d bytes each)", s + 1, count,
                        image.length));
                x[s] = downsample ? halve(image, rows, cols) : scale(image);
                int label = lin.read();
                if (label < 0) {
                    throw new IdxException(String.format(Locale.ROOT, "%s is truncated: it ends at label %,d of the %,d "
                            + "its header announces", lName, s + 1, count));
                }
                if (label >= CLASSES) {
                    throw new IdxException(String.format(Locale.ROOT, "%s, label %,d is %d: expected a digit 0–9", lName,
                            s + 1, label));
                }
                y[s][label] = 1.0;
                sampleLabels.add("#" + (s + 1) + " (" + label + ")");
            }
            List<String> classNames = new ArrayList<>();
            for (int k = 0; k < CLASSES; k++) {
                classNames.add(Integer.toString(k));
            }
            return new Dataset(pixelNames(outRows, outCols), classNames, x, y, sampleLabels, null, List.of(), -1);
        }
    }

    /** @return {@code p1,1 … pR,C}, row by row */
    static List<String> pixelNames(int rows, int cols) {
        List<String> names = new ArrayList<>(rows * cols);
        for (int r = 1; r <= rows; r++) {
            for (int c = 1; c <= cols; c++) {
                names.add("p" + r + "," + c);
            }
        }
        return names;
    }

    private static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }

    /**
     * A plain (not gzip) file shorter than its header announces is truncated: refused before its samples are read.
     */
    private static void checkLength(Path path, String name, long expected, String what) throws IOException {
        if (gzip(path)) {
            return; // its length is known only once decompressed: a short one is refused where it ends
        }
        long size = java.nio.file.Files.size(path);
        if (size < expected) {
            throw new IdxException(String.format(Locale.ROOT, "%s is truncated: it has %,d bytes but its header announces "
                    + "%s (%,d bytes with the header)", name, size, what, expected));
        }
    }

    private static boolean gzip(Path path) throws IOException {
        try (InputStream in = BoundedRead.open(path, MAX_BYTES)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The file's bytes, decompressed if it starts with the gzip signature {@code 1f 8b}. */
    private static InputStream open(Path path, String name) throws IOException {
        InputStream raw = new BufferedInputStream(BoundedRead.open(path, MAX_BYTES));
        raw.mark(2);
        int a = raw.read();
        int b = raw.read();
        raw.reset();
        if (a == 0x1f && b == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(raw));
            } catch (ZipException | EOFException e) {
                raw.close();
                throw new IdxException(name + " starts like a gzip file but is not one: " + e.getMessage(), e);
            }
        }
        return raw;
    }

    /**
     * @return the sizes after the magic number
     * @throws IdxException if the magic number is wrong, the header is cut short, or a size is out of range
     */
    private static int[] header(InputStream in, String name, int magic, int dims, String what) throws IOException {
        int m = readInt(in, name, "the magic number");
        if (m != magic) {
            String hint = m == (magic == IMAGES_MAGIC ? LABELS_MAGIC : IMAGES_MAGIC)
                    ? " (this looks like the " + (magic == IMAGES_MAGIC ? "labels" : "images") + " file)" : "";
            throw new IdxException(String.format(Locale.ROOT, "%s: magic number 0x%08X: expected 0x%08X, an idx file of "
                    + "%s (unsigned bytes, %d dimension%s)%s", name, m, magic, what, dims, dims == 1 ? "" : "s", hint));
        }
        int[] sizes = new int[dims];
        String[] fields = dims == 1 ? new String[] {"count"} : new String[] {"count", "rows", "columns"};
        for (int d = 0; d < dims; d++) {
            sizes[d] = readInt(in, name, "the " + fields[d]);
            int max = d == 0 ? MAX_COUNT : MAX_SIDE;
            if (sizes[d] < 1 || sizes[d] > max) {
                throw new IdxException(String.format(Locale.ROOT, "%s: the %s is %,d: expected 1 to %,d", name, fields[d],
                        Integer.toUnsignedLong(sizes[d]), max));
            }
        }
        return sizes;
    }

    private static int readInt(InputStream in, String name, String field) throws IOException {
        byte[] b = new byte[4];
        readFully(in, b, name, field);
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    private static void readFully(InputStream in, byte[] b, String name, String field) throws IOException {
        int off = 0;
        try {
            while (off < b.length) {
                int n = in.read(b, off, b.length - off);
                if (n < 0) {
                    break;
                }
                off += n;
            }
        } catch (EOFException | ZipException e) {
            throw new IdxException(name + " is truncated or damaged in " + field + ": " + e.getMessage(), e);
        }
        if (off < b.length) {
            throw new IdxException(String.format(Locale.ROOT, "%s is truncated: it ends in %s (%d of %d bytes)", name,
                    field, off, b.length));
        }
    }

    /** @return {@code pixel / 255}, row by row */
    private static double[] scale(byte[] image) {
        double[] x = new double[image.length];
        for (int i = 0; i < image.length; i++) {
            x[i] = (image[i] & 0xff) / 255.0;
        }
        return x;
    }

    /** @return the mean of each 2×2 block, {@code / 255}: {@code ⌊rows/2⌋ × ⌊cols/2⌋} values row by row */
    static double[] halve(byte[] image, int rows, int cols) {
        int h = rows / 2;
        int w = cols / 2;
        double[] x = new double[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = 2 * r * cols + 2 * c;
                int sum = (image[i] & 0xff) + (image[i + 1] & 0xff) + (image[i + cols] & 0xff) + (image[i + cols + 1] & 0xff);
                x[r * w + c] = sum / (4 * 255.0);
            }
        }
        return x;
    }
}
