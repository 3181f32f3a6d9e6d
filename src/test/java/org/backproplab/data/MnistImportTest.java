package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** idx files built here, byte by byte: good ones (plain and gzip) and each kind of bad one. */
class MnistImportTest {
    @TempDir
    Path dir;

    static byte[] images(int magic, int n, int rows, int cols) {
        return IdxFiles.images(magic, n, rows, cols);
    }

    static byte[] labels(int magic, int... digits) {
        return IdxFiles.labels(magic, digits);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    private String refused(byte[] img, byte[] lab, int limit) throws IOException {
        Path i = file("bad-images-idx3-ubyte", img);
        Path l = file("bad-labels-idx1-ubyte", lab);
        return assertThrows(IdxException.class, () -> MnistImport.read(i, l, limit, false)).getMessage();
    }

    @Test
    void readsPlainAndGzipFilesToPixelsOver255AndOneHotDigits() throws Exception {
        byte[] img = images(MnistImport.IMAGES_MAGIC, 3, 4, 4);
        byte[] lab = labels(MnistImport.LABELS_MAGIC, 7, 0, 9);
        for (boolean gz : new boolean[] {false, true}) {
            Path i = file("t10k-images-idx3-ubyte" + (gz ? ".gz" : ""), gz ? gzip(img) : img);
            Path l = file("t10k-labels-idx1-ubyte" + (gz ? ".gz" : ""), gz ? gzip(lab) : lab);
            Dataset d = MnistImport.read(i, l, 100, false);
            assertEquals(3, d.size(), "all three (the limit is larger)");
            assertEquals(16, d.inputSize());
            assertEquals("p1,1", d.inputNames().get(0));
            assertEquals("p4,4", d.inputNames().get(15));
            assertEquals(Arrays.asList("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.targetNames());
            assertEquals((17 * 2 + 5) / 255.0, d.input(2, 5), 0.0, "pixel 5 of image 3");
            assertEquals(1.0, d.target(0, 7), 0.0);
            assertEquals(1.0, d.target(2, 9), 0.0);
            assertEquals(1.0, Arrays.stream(d.targets().getRow(1)).sum(), 0.0, "one-hot");
            assertEquals("#1 (7)", d.label(0));
        }
    }

    @Test
    void theLimitReadsTheFirstSamplesOnlyAndDownsamplingAveragesTwoByTwoBlocks() throws Exception {
        Path i = file("i", images(MnistImport.IMAGES_MAGIC, 5, 4, 6));
        Path l = file("l", labels(MnistImport.LABELS_MAGIC, 1, 2, 3, 4, 5));
        Dataset d = MnistImport.read(i, l, 2, true);
        assertEquals(2, d.size());
        assertEquals(6, d.inputSize(), "4×6 → 2×3");
        // image 2 (s = 1): pixel (r, c) = 17 + 6r + c; block (0, 0) holds 17, 18, 23, 24
        assertEquals((17 + 18 + 23 + 24) / (4 * 255.0), d.input(1, 0), 1e-15);
        // block (1, 2): rows 2–3, columns 4–5 → 17 + 16, 17 + 17, 17 + 22, 17 + 23
        assertEquals((33 + 34 + 39 + 40) / (4 * 255.0), d.input(1, 5), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, d.targets().getRow(1), 0.0);
    }

    @Test
    void aWrongMagicNumberIsRefusedNamingTheFileAndSayingWhatWasExpected() throws Exception {
        byte[] lab = labels(MnistImport.LABELS_MAGIC, 1);
        String m = refused(images(0x00000802, 1, 2, 2), lab, 1);
        assertTrue(m.startsWith("bad-images-idx3-ubyte: magic number 0x00000802: expected 0x00000803"), m);
        String swapped = refused(labels(MnistImport.LABELS_MAGIC, 1), images(MnistImport.IMAGES_MAGIC, 1, 2, 2), 1);
        assertTrue(swapped.contains("this looks like the labels file"), swapped);
        String text = refused("hello, world, this is not idx".getBytes(), lab, 1);
        assertTrue(text.contains("magic number 0x68656C6C"), text);
    }

    @Test
    void countsThatDifferAreRefused() throws Exception {
        String m = refused(images(MnistImport.IMAGES_MAGIC, 3, 2, 2), labels(MnistImport.LABELS_MAGIC, 1, 2), 1);
        assertTrue(m.contains("bad-labels-idx1-ubyte has 2 labels but bad-images-idx3-ubyte has 3 images"), m);
    }

    @Test
    void truncatedFilesAreRefusedNamingWhereTheyEnd() throws Exception {
        byte[] img = images(MnistImport.IMAGES_MAGIC, 3, 2, 2);
        byte[] lab = labels(MnistImport.LABELS_MAGIC, 1, 2, 3);
        String header = refused(Arrays.copyOf(img, 10), lab, 3);
        assertTrue(header.contains("bad-images-idx3-ubyte is truncated: it ends in the rows (2 of 4 bytes)"), header);
        String data = refused(Arrays.copyOf(img, img.length - 1), lab, 3);
        assertTrue(data.contains("bad-images-idx3-ubyte is truncated: it has 27 bytes but its header announces 3 images"), data);
        String labelsShort = refused(img, Arrays.copyOf(lab, lab.length - 2), 3);
        assertTrue(labelsShort.contains("bad-labels-idx1-ubyte is truncated"), labelsShort);
        Path i = file("cut.gz", Arrays.copyOf(gzip(img), 20));
        Path l = file("l.gz", gzip(lab));
        String gz = assertThrows(IdxException.class, () -> MnistImport.read(i, l, 3, false)).getMessage();
        assertTrue(gz.startsWith("cut.gz is truncated"), gz);
        Path empty = file("empty", new byte[0]);
        String none = assertThrows(IdxException.class, () -> MnistImport.read(empty, l, 3, false)).getMessage();
        assertTrue(none.contains("empty is truncated: it ends in the magic number (0 of 4 bytes)"), none);
    }

    @Test
    void absurdSizesAreRefusedBeforeAnythingIsAllocated() throws Exception {
        byte[] lab = labels(MnistImport.LABELS_MAGIC, 1);
        ByteBuffer huge = ByteBuffer.allocate(16).putInt(MnistImport.IMAGES_MAGIC).putInt(1).putInt(100_000).putInt(28);
        String side = refused(huge.array(), lab, 1);
        assertTrue(side.contains("bad-images-idx3-ubyte: the rows is 100,000: expected 1 to 256"), side);
        ByteBuffer negative = ByteBuffer.allocate(16).putInt(MnistImport.IMAGES_MAGIC).putInt(-1).putInt(28).putInt(28);
        String count = refused(negative.array(), lab, 1);
        assertTrue(count.contains("the count is 4,294,967,295: expected 1 to 10,000,000"), count);
        ByteBuffer zero = ByteBuffer.allocate(8).putInt(MnistImport.LABELS_MAGIC).putInt(0);
        String z = refused(images(MnistImport.IMAGES_MAGIC, 1, 2, 2), zero.array(), 1);
        assertTrue(z.contains("bad-labels-idx1-ubyte: the count is 0"), z);
    }

    @Test
    void moreSamplesThanADataSetHoldsAreRefusedWithTheLimitThatFits() throws Exception {
        int n = 1300;
        Path i = file("big", images(MnistImport.IMAGES_MAGIC, n, 28, 28));
        int[] digits = new int[n];
        Path l = file("big-labels", labels(MnistImport.LABELS_MAGIC, digits));
        String m = assertThrows(IdxException.class, () -> MnistImport.read(i, l, n, false)).getMessage();
        assertTrue(m.contains("set the sample limit to at most 1,259 (or downsample 2×)"), m);
        assertEquals(1259, MnistImport.maxSamples(28));
        assertEquals(n, MnistImport.read(i, l, n, true).size(), "14×14 fits");
    }

    @Test
    void aLabelThatIsNotADigitIsRefused() throws Exception {
        String m = refused(images(MnistImport.IMAGES_MAGIC, 2, 2, 2), labels(MnistImport.LABELS_MAGIC, 3, 12), 2);
        assertTrue(m.contains("bad-labels-idx1-ubyte, label 2 is 12: expected a digit 0–9"), m);
    }
}
