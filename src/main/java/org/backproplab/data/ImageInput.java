package org.backproplab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a data set whose inputs are an image ({@code p1,1 … pR,C}, row by row) was made from ink, so a drawing can be
 * turned into an input vector the same way and an input vector back into grey levels.
 * <ul>
 *   <li>The UCI digits ({@code digits} preset): a 32×32 bitmap counted in 4×4 blocks, each input the number of
 *       ink pixels in its block ({@code 0 … 16}), then standardised with the statistics of the preset's training
 *       rows: {@code x_{r,c} = (Σ_{block} ink − μ_{r,c}) / s_{r,c}}.</li>
 *   <li>Other images (MNIST files): grey levels / 255, so {@code 0 … 1}; a 14×14 image is a 28×28 one averaged
 *       in 2×2 blocks: {@code x_{r,c} = Σ_{block} ink / 4}.</li>
 * </ul>
 * A drawn pixel is ink (1) or paper (0).
 */
public final class ImageInput {
    /** The side of the bitmaps the UCI digits were counted from. */
    public static final int UCI_BITMAP = 32;
    /** The side of an MNIST image. */
    public static final int MNIST_SIDE = 28;

    private final int rows;
    private final int cols;
    private final int block;
    private final double perInk;
    private final Standardise.Statistics statistics;

    private ImageInput(int rows, int cols, int block, double perInk, Standardise.Statistics statistics) {
        this.rows = rows;
        this.cols = cols;
        this.block = block;
        this.perInk = perInk;
        this.statistics = statistics;
    }

    /**
     * @return how the scenario's inputs are an image, or empty if they are not (names other than
     *         {@code p1,1 … pR,C} row by row)
     */
    public static Optional<ImageInput> of(Scenario s) {
        List<String> names = s.dataset().inputNames();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        int[] last = pixel(names.get(names.size() - 1));
        if (last == null || (long) last[0] * last[1] != names.size()
                || !names.equals(MnistImport.pixelNames(last[0], last[1]))) {
            return Optional.empty();
        }
        int r = last[0];
        int c = last[1];
        if (isUciDigits(s)) {
            RealData.Labelled raw = RealData.digits();
            int[] train = StratifiedSplit.trainRows(raw.x().length, s.testRows());
            return Optional.of(new ImageInput(r, c, UCI_BITMAP / r, 1.0, Standardise.statistics(raw.x(), train)));
        }
        int b = r == c && MNIST_SIDE % r == 0 ? MNIST_SIDE / r : 1;
        return Optional.of(new ImageInput(r, c, b, 1.0 / (b * b), null));
    }

    /**
     * @return true if both scenarios' inputs are the same images made the same way (the same name, sample count,
     *         input and class names, and held-out rows), so {@link #of} would describe them alike
     */
    public static boolean sameImages(Scenario a, Scenario b) {
        return a.name().equals(b.name()) && a.dataset().size() == b.dataset().size()
                && a.dataset().inputNames().equals(b.dataset().inputNames())
                && a.dataset().targetNames().equals(b.dataset().targetNames())
                && Arrays.equals(a.testRows(), b.testRows());
    }

    /**
     * Remembers {@link ImageInput#of} for the scenario asked about last, since working it out reads the data set
     * (the digits' statistics); a scenario with the same images ({@link #sameImages}) gets the same answer.
     */
    public static final class Memo {
        private Scenario seen;
        private ImageInput image;

        /** @return {@link ImageInput#of}{@code (s)}, or null if the inputs are not an image */
        public ImageInput of(Scenario s) {
            if (seen != s) { // most snapshots share the scenario: no need to compare the data sets
                if (seen == null || !sameImages(seen, s)) {
                    image = ImageInput.of(s).orElse(null);
                }
                seen = s;
            }
            return image;
        }
    }

    /** @return true for the {@code digits} preset: 1,797 images of 8×8 made by {@link RealPresets#digits} */
    private static boolean isUciDigits(Scenario s) {
        return s.name().equals("digits") && s.dataset().inputSize() == 64
                && s.dataset().size() == RealData.DIGITS_COUNT;
    }

    /** @return {@code {r, c}} for {@code "pR,C"}, or null */
    private static int[] pixel(String name) {
        if (!name.matches("p[1-9][0-9]{0,3},[1-9][0-9]{0,3}")) {
            return null;
        }
        String[] parts = name.substring(1).split(",");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    /** @return the image's rows (inputs per column) */
    public int rows() {
        return rows;
    }

    /** @return the image's columns */
    public int cols() {
        return cols;
    }

    /** @return the drawing's rows: {@link #rows()} × the block side */
    public int padRows() {
        return rows * block;
    }

    /** @return the drawing's columns: {@link #cols()} × the block side */
    public int padCols() {
        return cols * block;
    }

    /** @return true if the inputs are standardised counts (the UCI digits) */
    public boolean standardised() {
        return statistics != null;
    }

    /** @return how a drawing becomes the inputs, in a sentence */
    public String describe() {
        String blocks = block == 1 ? "each pixel's ink is an input (0 or 1)"
                : String.format("counted in %d×%d blocks, each input %s", block, block,
                        standardised() ? "the number of ink pixels (0–" + block * block + "), standardised with the "
                                + "training rows' mean and spread" : "the block's mean ink (0–1)");
        return padRows() + "×" + padCols() + " pixels " + blocks;
    }

    /**
     * @param ink {@link #padRows()} rows of {@link #padCols()} pixels, true for ink
     * @return the input vector, row by row: {@code Σ_{block} ink · perInk}, then standardised if the data set was
     * @throws IllegalArgumentException if {@code ink} is not {@link #padRows()} × {@link #padCols()}
     */
    public double[] fromDrawing(boolean[][] ink) {
        if (ink.length != padRows() || Arrays.stream(ink).anyMatch(row -> row.length != padCols())) {
            throw new IllegalArgumentException("a drawing of " + padRows() + "×" + padCols() + " pixels was expected");
        }
        double[] x = new double[rows * cols];
        for (int i = 0; i < padRows(); i++) {
            for (int j = 0; j < padCols(); j++) {
                if (ink[i][j]) {
                    x[(i / block) * cols + j / block] += perInk;
                }
            }
        }
        return statistics == null ? x : statistics.apply(x);
    }

    /**
     * @param inputs one sample's inputs, row by row
     * @return each pixel's ink share {@code 0 … 1} (0 paper, 1 full ink): the raw value (un-standardised) over its
     *         largest, clamped
     * @throws IllegalArgumentException if {@code inputs} is not {@link #rows()} × {@link #cols()} values
     */
    public double[] ink(double[] inputs) {
        if (inputs.length != rows * cols) {
            throw new IllegalArgumentException(inputs.length + " inputs were given for an image of " + rows + "×"
                    + cols + " pixels");
        }
        double[] raw = statistics == null ? inputs.clone() : statistics.invert(inputs);
        double full = block * block * perInk;
        for (int i = 0; i < raw.length; i++) {
            raw[i] = Math.max(0, Math.min(1, raw[i] / full));
        }
        return raw;
    }
}
