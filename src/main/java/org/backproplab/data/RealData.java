package org.backproplab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.backproplab.text.NumberText;

/**
 * The real data sets the application ships as resources (in {@code org/backproplab/data/real/}, copied
 * unchanged from the data files of scikit-learn 1.6.1 with their descriptions and its licence; origin, citation
 * and licence in {@code docs/data.md}): Fisher's Iris, the UCI handwritten digits 8×8 and the diabetes
 * regression set.
 */
public final class RealData {
    /** Where the files are, on the class path. */
    public static final String FOLDER = "/org/backproplab/data/real/";
    /** The number of images in the UCI digits set. */
    public static final int DIGITS_COUNT = 1797;

    /**
     * Samples with a class each.
     *
     * @param inputNames one per column of {@code x}
     * @param x          one row per sample
     * @param classes    the class of each sample, {@code 0 … classNames.size() − 1}
     * @param classNames e.g. {@code setosa, versicolor, virginica}
     */
    public record Labelled(List<String> inputNames, double[][] x, int[] classes, List<String> classNames) {
        /** @return one-hot rows: {@code y[r][classes[r]] = 1} */
        public double[][] oneHot() {
            double[][] y = new double[x.length][classNames.size()];
            for (int r = 0; r < x.length; r++) {
                y[r][classes[r]] = 1.0;
            }
            return y;
        }
    }

    /** Samples with a number to predict each. */
    public record Numeric(List<String> inputNames, double[][] x, double[] y, String targetName) {
    }

    private RealData() {
    }

    /**
     * Fisher's Iris: 150 flowers, sepal and petal length and width in cm, 3 species of 50 each. The file's first
     * line is {@code 150,4,setosa,versicolor,virginica}; each other line four numbers and the class index.
     */
    public static Labelled iris() {
        List<String> lines = lines("iris.csv", false);
        String[] head = lines.get(0).split(",");
        List<String> names = List.of(head).subList(2, head.length);
        return labelled("iris.csv", lines.subList(1, lines.size()), ",",
                List.of("sepal length", "sepal width", "petal length", "petal width"), names);
    }

    /**
     * The UCI optical recognition of handwritten digits (its test part): 1,797 images of 8×8 pixels with values
     * 0–16, row by row; the last column is the digit.
     */
    public static Labelled digits() {
        Labelled d = digits;
        if (d == null) {
            d = labelled("digits.csv.gz", lines("digits.csv.gz", true), ",", MnistImport.pixelNames(8, 8),
                    List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
            digits = d;
        }
        double[][] x = new double[d.x().length][];
        for (int r = 0; r < x.length; r++) {
            x[r] = d.x()[r].clone();
        }
        return new Labelled(d.inputNames(), x, d.classes().clone(), d.classNames());
    }

    /**
     * The digits as read the first time (the window asks for them in several places when the preset is chosen:
     * reading the file again each time held up its thread); {@link #digits} hands out copies.
     */
    private static volatile Labelled digits;

    /**
     * The diabetes set of Efron et al. (2004): 442 patients, ten baseline variables as measured (age, sex, body
     * mass index, blood pressure, six blood serum measurements), and a measure of disease progression one year
     * later.
     */
    public static Numeric diabetes() {
        List<String> names = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
        double[][] x = numbers("diabetes_data_raw.csv.gz", lines("diabetes_data_raw.csv.gz", true), " ", names.size());
        double[][] t = numbers("diabetes_target.csv.gz", lines("diabetes_target.csv.gz", true), " ", 1);
        if (t.length != x.length) {
            throw new IllegalStateException("diabetes: " + x.length + " samples but " + t.length + " targets");
        }
        double[] y = new double[t.length];
        for (int r = 0; r < t.length; r++) {
            y[r] = t[r][0];
        }
        return new Numeric(names, x, y, "progression");
    }

    private static Labelled labelled(String file, List<String> rows, String separator, List<String> inputNames,
                                     List<String> classNames) {
        double[][] cells = numbers(file, rows, separator, inputNames.size() + 1);
        double[][] x = new double[cells.length][];
        int[] classes = new int[cells.length];
        for (int r = 0; r < cells.length; r++) {
            x[r] = java.util.Arrays.copyOf(cells[r], inputNames.size());
            double c = cells[r][inputNames.size()];
            if (c != Math.rint(c) || c < 0 || c >= classNames.size()) {
                throw new IllegalStateException(file + " row " + (r + 1) + ": class " + c + " is not one of 0.."
                        + (classNames.size() - 1));
            }
            classes[r] = (int) c;
        }
        return new Labelled(inputNames, x, classes, classNames);
    }

    private static double[][] numbers(String file, List<String> rows, String separator, int width) {
        double[][] out = new double[rows.size()][width];
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r).trim().split(separator.equals(" ") ? "\\s+" : separator);
            if (cells.length != width) {
                throw new IllegalStateException(file + " row " + (r + 1) + " has " + cells.length + " values: expected " + width);
            }
            for (int c = 0; c < width; c++) {
                out[r][c] = NumberText.parse(cells[c], file + " row " + (r + 1) + ", column " + (c + 1));
            }
        }
        return out;
    }

    /** @return the non-empty lines of a shipped file */
    private static List<String> lines(String file, boolean gzip) {
        try (InputStream raw = RealData.class.getResourceAsStream(FOLDER + file)) {
            if (raw == null) {
                throw new IllegalStateException("the data file " + FOLDER + file + " is missing from the application");
            }
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("the data file " + FOLDER + file + " could not be read", e);
        }
    }
}
