package org.backproplab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (UTF-8, a header row of column names, then one sample per row; separated by commas, or
 * by semicolons or tabs if the header has no comma) and turns chosen columns into a {@link Dataset}. Rows
 * are counted as in a spreadsheet: the header is row 1, the first sample row 2. Columns are named by their
 * header and counted from 1. A file that cannot be used is refused with a {@link CsvImportException} that
 * names the row, the column and the value; nothing else happens.
 */
public final class CsvImport {
    /** The largest file read, in bytes (64 MiB). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    /** The most cells (rows × columns, header included) a file may have. */
    public static final long MAX_CELLS = 1_000_000L;
    /** The most classes a class column may have. */
    public static final int MAX_CLASSES = 100;

    private CsvImport() {
    }

    /**
     * The text of a file, checked to be rectangular with a unique header.
     *
     * @param fileName the file's name, for messages and the scenario name
     * @param header   the column names
     * @param rows     the sample rows, each as wide as the header, cells trimmed
     */
    public record Table(String fileName, List<String> header, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }

        /** @return true if the cell parses as a finite number */
        public boolean isNumeric(int row, int column) {
            return parse(rows.get(row).get(column)) != null;
        }

        /** @return true if every cell of the column is a finite number */
        public boolean isNumericColumn(int column) {
            for (int r = 0; r < rows.size(); r++) {
                if (!isNumeric(r, column)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * How one input column was standardised: {@code x' = (x − mean) / sd}.
     *
     * @param column the column name
     * @param mean   its mean over the samples
     * @param sd     its standard deviation (population, 1/n); 0 for a constant column, which is only centred
     */
    public record Standardisation(String column, double mean, double sd) {
        @Override
        public String toString() {
            return column + ": mean " + org.backproplab.text.NumberText.format(mean) + ", sd "
                    + org.backproplab.text.NumberText.format(sd) + (sd == 0 ? " (constant: only centred)" : "");
        }
    }

    /** A data set made from a table, with the standardisation used (empty if none). */
    public record Result(Dataset dataset, List<Standardisation> standardisation) {
        public Result {
            standardisation = List.copyOf(standardisation);
        }
    }

    /**
     * Reads and checks a file.
     *
     * @throws CsvImportException if the file is missing, not a regular file (a directory, a FIFO, a device:
     *                            see {@link BoundedRead}), larger than {@value #MAX_BYTES} bytes, empty, not
     *                            UTF-8, has no header row, a blank or repeated column name, a row of another
     *                            width than the header, or more than {@value #MAX_CELLS} cells
     */
    public static Table read(Path file) throws CsvImportException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(BoundedRead.open(file, MAX_BYTES), utf8))) {
            return read(name, in);
        } catch (BoundedRead.Refused e) {
            throw new CsvImportException(e.getMessage() + ".", e);
        } catch (CharacterCodingException e) {
            throw new CsvImportException(name + " is not a UTF-8 text file.", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CsvImportException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** Reads CSV text (see {@link #read(Path)}); {@code name} is used in messages. */
    public static Table read(String name, Reader text) throws IOException, CsvImportException {
        BufferedReader in = text instanceof BufferedReader b ? b : new BufferedReader(text);
        in.mark(1 << 16);
        char[] start = new char[1 << 15];
        int n = Math.max(0, in.read(start));
        in.reset();
        String head = new String(start, 0, n);
        int eol = head.indexOf('\n');
        String firstLine = eol < 0 ? head : head.substring(0, eol);
        char delimiter = firstLine.indexOf(',') < 0 && firstLine.indexOf(';') >= 0 ? ';'
                : firstLine.indexOf(',') < 0 && firstLine.indexOf('\t') >= 0 ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).build();
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        long cells = 0;
        try (CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord record : parser) {
                long row = record.getRecordNumber();
                if (header == null) {
                    header = header(name, record);
                    cells = header.size();
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new CsvImportException(String.format(Locale.ROOT,
                            "%s, row %d has %d value%s but the header has %d columns (%s): every row needs one "
                                    + "value per column.", name, row, record.size(), record.size() == 1 ? "" : "s",
                            header.size(), String.join(", ", header)));
                }
                cells += header.size();
                if (cells > MAX_CELLS) {
                    throw new CsvImportException(String.format(Locale.ROOT,
                            "%s has more than %,d cells (rows × columns) by row %d: use fewer rows or columns.",
                            name, MAX_CELLS, row));
                }
                rows.add(List.copyOf(record.toList()));
            }
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof BoundedRead.Refused r) {
                throw r;
            }
            throw new CsvImportException(name + " is not valid CSV: " + e.getCause().getMessage(), e);
        } catch (IllegalStateException e) {
            throw new CsvImportException(name + " is not valid CSV: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new CsvImportException(name + " is empty: expected a header row of column names and then one "
                    + "row per sample.");
        }
        if (rows.isEmpty()) {
            throw new CsvImportException(name + " has a header row (" + String.join(", ", header)
                    + ") but no samples: expected at least one row of numbers below it.");
        }
        return new Table(name, header, rows);
    }

    private static List<String> header(String name, CSVRecord record) throws CsvImportException {
        List<String> header = record.toList();
        if (header.stream().allMatch(h -> parse(h) != null)) {
            throw new CsvImportException(String.format(Locale.ROOT,
                    "%s has no header row: row 1 is numbers (%s). Add a first row naming the columns, e.g. x1,x2,y.",
                    name, String.join(", ", header.subList(0, Math.min(4, header.size())))
                            + (header.size() > 4 ? ", …" : "")));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (h.isEmpty()) {
                throw new CsvImportException(String.format(Locale.ROOT,
                        "%s, row 1 (the header), column %d has no name: every column needs a name.", name, c + 1));
            }
            Integer before = seen.put(h, c);
            if (before != null) {
                throw new CsvImportException(String.format(Locale.ROOT,
                        "%s, row 1 (the header): the name \"%s\" is used by column %d and column %d; "
                                + "column names must differ.", name, h, before + 1, c + 1));
            }
        }
        return header;
    }

    /**
     * Builds the data set from chosen columns.
     *
     * @param inputs      column indices (from 0) of the inputs {@code x}, at least one
     * @param targets     column indices of the targets {@code y}, at least one, none also an input
     * @param labelColumn column whose text labels the samples, or −1
     * @param standardise true to z-score every input column: {@code (x − mean) / sd}
     * @throws CsvImportException naming row, column and value for a cell that is not a finite number, or if
     *                            the columns chosen are not allowed
     */
    public static Result toDataset(Table t, List<Integer> inputs, List<Integer> targets, int labelColumn,
                                   boolean standardise) throws CsvImportException {
        return toDataset(t, inputs, targets, -1, labelColumn, standardise);
    }

    /**
     * Builds the data set from chosen columns, the targets either numbers or one class column.
     *
     * @param classColumn a column of class labels (text such as {@code setosa}, or whole numbers such as {@code 3}),
     *                    or −1: it becomes one-hot targets, one column per class named by the class
     *                    ({@link ClassColumn})
     * @param targets     numeric target columns; must be empty when there is a class column
     * @throws CsvImportException naming row, column and value for a cell that is not allowed, or if the columns
     *                            chosen are not allowed
     */
    public static Result toDataset(Table t, List<Integer> inputs, List<Integer> targets, int classColumn,
                                   int labelColumn, boolean standardise) throws CsvImportException {
        if (inputs.isEmpty()) {
            throw new CsvImportException("Choose at least one input column.");
        }
        if (targets.isEmpty() && classColumn < 0) {
            throw new CsvImportException("Choose at least one target column, or a class column.");
        }
        if (!targets.isEmpty() && classColumn >= 0) {
            throw new CsvImportException("Choose either target columns or a class column (\"" + t.header().get(classColumn)
                    + "\"), not both.");
        }
        for (int c : targets) {
            if (inputs.contains(c)) {
                throw new CsvImportException("Column \"" + t.header().get(c) + "\" cannot be an input and a target.");
            }
        }
        if (inputs.contains(classColumn)) {
            throw new CsvImportException("Column \"" + t.header().get(classColumn) + "\" cannot be an input and the class.");
        }
        int n = t.rows().size();
        double[][] x = numbers(t, inputs);
        ClassColumn classes = classColumn < 0 ? null : ClassColumn.of(t, classColumn);
        double[][] y = classes == null ? numbers(t, targets) : classes.oneHot();
        List<Standardisation> stats = new ArrayList<>();
        if (standardise) {
            for (int k = 0; k < inputs.size(); k++) {
                stats.add(standardise(x, k, t.header().get(inputs.get(k))));
            }
        }
        List<String> labels = new ArrayList<>();
        if (labelColumn >= 0) {
            for (List<String> row : t.rows()) {
                labels.add(row.get(labelColumn));
            }
        }
        List<String> inNames = inputs.stream().map(t.header()::get).toList();
        List<String> outNames = classes == null ? targets.stream().map(t.header()::get).toList() : classes.names();
        try {
            return new Result(new Dataset(inNames, outNames, x, y, labels, null, List.of(), -1), stats);
        } catch (IllegalArgumentException e) {
            throw new CsvImportException(t.fileName() + ": " + e.getMessage() + " (" + n + " rows)", e);
        }
    }

    private static double[][] numbers(Table t, List<Integer> columns) throws CsvImportException {
        double[][] m = new double[t.rows().size()][columns.size()];
        for (int r = 0; r < m.length; r++) {
            for (int k = 0; k < columns.size(); k++) {
                int c = columns.get(k);
                String cell = t.rows().get(r).get(c);
                Double v = parse(cell);
                if (v == null) {
                    throw new CsvImportException(String.format(Locale.ROOT,
                            "%s, row %d, column %d (%s): \"%s\" is not a number. Fix the file or leave that "
                                    + "column out.", t.fileName(), r + 2, c + 1, t.header().get(c),
                            cell.length() > 40 ? cell.substring(0, 40) + "…" : cell));
                }
                m[r][k] = v;
            }
        }
        return m;
    }

    private static Standardisation standardise(double[][] x, int k, String name) {
        double mean = 0;
        for (double[] row : x) {
            mean += row[k];
        }
        mean /= x.length;
        double ss = 0;
        for (double[] row : x) {
            ss += (row[k] - mean) * (row[k] - mean);
        }
        double sd = Math.sqrt(ss / x.length);
        for (double[] row : x) {
            row[k] = sd > 0 ? (row[k] - mean) / sd : row[k] - mean;
        }
        return new Standardisation(name, mean, sd);
    }

    /** @return the cell as a finite number, or null if it is not one */
    static Double parse(String cell) {
        String s = cell == null ? "" : cell.trim();
        if (s.isEmpty() || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }
}
