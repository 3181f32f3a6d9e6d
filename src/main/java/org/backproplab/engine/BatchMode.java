package org.backproplab.engine;

import java.util.Locale;

/**
 * How many samples feed one update. {@code size == 0} is the full batch (one update per pass over all
 * samples); {@code size == 1} is per-sample (stochastic) training; larger sizes are mini-batches (the last
 * batch of an epoch holds what is left over).
 *
 * @param size 0 for full, else the number of samples per batch
 */
public record BatchMode(int size) {
    /** One update per pass over all samples. */
    public static final BatchMode FULL = new BatchMode(0);
    /** One update per sample. */
    public static final BatchMode SAMPLE = new BatchMode(1);

    public BatchMode {
        if (size < 0) {
            throw new IllegalArgumentException("batch size " + size + " is not allowed: expected 1 or more (or full)");
        }
    }

    /** @return a mini-batch mode of {@code n} samples */
    public static BatchMode miniBatch(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("batch size " + n + " is not allowed: expected at least 1");
        }
        return n == 1 ? SAMPLE : new BatchMode(n);
    }

    public boolean isFull() {
        return size == 0;
    }

    /** @return the rows of one batch for a data set of {@code n} samples */
    public int rows(int n) {
        return size == 0 ? n : Math.min(size, n);
    }

    /** @return the number of updates in one epoch over {@code n} samples: {@code ⌈n / size⌉}, 1 for full */
    public int batchesPerEpoch(int n) {
        return size == 0 ? 1 : (int) ((n + (long) size - 1) / size);
    }

    /** @return {@code "full"}, {@code "sample"} or the batch size */
    public String id() {
        return size == 0 ? "full" : size == 1 ? "sample" : Integer.toString(size);
    }

    /**
     * @return the mode named by {@code id}: {@code "full"}, {@code "sample"} or a positive whole number
     * @throws IllegalArgumentException naming the value if it is none of these
     */
    public static BatchMode fromId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        if (key.equals("full")) {
            return FULL;
        }
        if (key.equals("sample")) {
            return SAMPLE;
        }
        try {
            return miniBatch(Integer.parseInt(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown batch mode '" + id
                    + "': expected \"full\", \"sample\" or a batch size of 1 or more");
        }
    }

    @Override
    public String toString() {
        return id();
    }

    // written out: a record's own equals and hashCode are linked at their first call, a few ms of the start (the
    // first snapshot compares settings)
    @Override
    public boolean equals(Object o) {
        return o instanceof BatchMode b && b.size == size;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(size);
    }
}
