package org.backproplab.io;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.linear.RealMatrix;
import org.backproplab.data.Dataset;

/**
 * Writes a data set with the network's predictions as CSV: one row per sample with its label, the inputs
 * {@code x}, the targets {@code y}, the predictions {@code ŷ} (as columns {@code yhat_<target>}, plain ASCII
 * so every spreadsheet reads them), the sample's loss {@code Σ_outputs ℓ(ŷ, y)} and, with a train/test
 * split, whether the row is {@code train} or {@code test}. Numbers are written in full ({@code Double.toString}),
 * so reading them back gives the same values.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /**
     * @param d            the data set
     * @param predictions  {@code ŷ}, one row per sample, one column per target
     * @param sampleLosses the loss of each sample
     * @param testRows     rows held out as the test set, ascending (empty without a split)
     * @return the CSV text
     * @throws IllegalArgumentException if the shapes do not match the data set
     */
    public static String toCsv(Dataset d, RealMatrix predictions, double[] sampleLosses, int[] testRows) {
        if (predictions.getRowDimension() != d.size() || predictions.getColumnDimension() != d.targetSize()
                || sampleLosses.length != d.size()) {
            throw new IllegalArgumentException("predictions for " + predictions.getRowDimension() + " samples × "
                    + predictions.getColumnDimension() + " outputs and " + sampleLosses.length
                    + " losses do not match the data set's " + d.size() + " samples × " + d.targetSize() + " targets");
        }
        List<String> header = new ArrayList<>();
        header.add("label");
        header.addAll(d.inputNames());
        header.addAll(d.targetNames());
        for (String t : d.targetNames()) {
            header.add("yhat_" + t);
        }
        header.add("loss");
        boolean split = testRows.length > 0;
        if (split) {
            header.add("set");
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            p.printRecord(header);
            for (int r = 0; r < d.size(); r++) {
                List<Object> row = new ArrayList<>();
                row.add(d.label(r));
                for (int c = 0; c < d.inputSize(); c++) {
                    row.add(Double.toString(d.input(r, c)));
                }
                for (int c = 0; c < d.targetSize(); c++) {
                    row.add(Double.toString(d.target(r, c)));
                }
                for (int c = 0; c < d.targetSize(); c++) {
                    row.add(Double.toString(predictions.getEntry(r, c)));
                }
                row.add(Double.toString(sampleLosses[r]));
                if (split) {
                    row.add(Arrays.binarySearch(testRows, r) >= 0 ? "test" : "train");
                }
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes {@link #toCsv} to {@code path} with {@link AtomicFiles}, so a failed write leaves an older file
     * in place.
     *
     * @throws IOException if the directory cannot be written
     */
    public static void write(Path path, Dataset d, RealMatrix predictions, double[] sampleLosses, int[] testRows)
            throws IOException {
        AtomicFiles.writeString(path, toCsv(d, predictions, sampleLosses, testRows));
    }
}
