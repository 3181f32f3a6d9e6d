package org.backproplab.data;

import java.nio.ByteBuffer;

/** idx files built byte by byte for the tests (no download anywhere). */
public final class IdxFiles {
    private IdxFiles() {
    }

    /** {@code n} images of {@code rows × cols} after {@code magic}: pixel {@code (s, i)} is {@code (17·s + i) mod 256}. */
    public static byte[] images(int magic, int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(magic).putInt(n).putInt(rows).putInt(cols);
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < rows * cols; i++) {
                b.put((byte) ((17 * s + i) % 256));
            }
        }
        return b.array();
    }

    /** A labels file after {@code magic}: the count, then one byte per digit. */
    public static byte[] labels(int magic, int... digits) {
        ByteBuffer b = ByteBuffer.allocate(8 + digits.length);
        b.putInt(magic).putInt(digits.length);
        for (int d : digits) {
            b.put((byte) d);
        }
        return b.array();
    }
}
