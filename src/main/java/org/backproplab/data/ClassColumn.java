package org.backproplab.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV column of class labels, turned into one-hot targets. The classes are the column's distinct values: whole
 * numbers ({@code 0}, {@code 3}, {@code 1e1}) in numeric order, named as written plainly ({@code "10"}); any other
 * text in the order it first appears, named as written ({@code setosa}). Target column {@code k} is 1 for the
 * samples of class {@code k} and 0 elsewhere.
 *
 * @param names   the class names, one per target column
 * @param classes the class of each row, from 0
 */
record ClassColumn(List<String> names, int[] classes) {

    /**
     * @throws CsvImportException naming the file, row and column if a cell is empty, or the column has fewer than
     *                            2 or more than {@value CsvImport#MAX_CLASSES} different values
     */
    static ClassColumn of(CsvImport.Table t, int column) throws CsvImportException {
        String header = t.header().get(column);
        int n = t.rows().size();
        String[] keys = new String[n];
        boolean whole = true;
        for (int r = 0; r < n; r++) {
            String cell = t.rows().get(r).get(column).trim();
            if (cell.isEmpty()) {
                throw new CsvImportException(String.format(Locale.ROOT, "%s, row %d, column %d (%s) is empty: every "
                        + "sample needs a class.", t.fileName(), r + 2, column + 1, header));
            }
            keys[r] = cell;
            whole &= wholeNumber(cell) != null;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        if (whole) {
            List<BigDecimal> values = new ArrayList<>();
            for (String k : keys) {
                BigDecimal v = wholeNumber(k);
                if (!values.contains(v)) {
                    values.add(v);
                }
                tooMany(t, column, values.size());
            }
            values.sort(null);
            for (BigDecimal v : values) {
                index.put(v.toPlainString(), index.size());
            }
            for (int r = 0; r < n; r++) {
                keys[r] = wholeNumber(keys[r]).toPlainString();
            }
        } else {
            for (String k : keys) {
                index.putIfAbsent(k, index.size());
                tooMany(t, column, index.size());
            }
        }
        if (index.size() < 2) {
            throw new CsvImportException(String.format(Locale.ROOT, "%s, column %d (%s) has the single class \"%s\": "
                    + "a class column needs at least 2 classes.", t.fileName(), column + 1, header, keys[0]));
        }
        int[] classes = new int[n];
        for (int r = 0; r < n; r++) {
            classes[r] = index.get(keys[r]);
        }
        return new ClassColumn(List.copyOf(index.keySet()), classes);
    }

    /** @return one row per sample, a 1 in its class's column */
    double[][] oneHot() {
        double[][] y = new double[classes.length][names.size()];
        for (int r = 0; r < classes.length; r++) {
            y[r][classes[r]] = 1.0;
        }
        return y;
    }

    private static void tooMany(CsvImport.Table t, int column, int count) throws CsvImportException {
        if (count > CsvImport.MAX_CLASSES) {
            throw new CsvImportException(String.format(Locale.ROOT, "%s, column %d (%s) has more than %d different "
                    + "values: a class column may have at most %d classes (is it a label or a number column?).",
                    t.fileName(), column + 1, t.header().get(column), CsvImport.MAX_CLASSES, CsvImport.MAX_CLASSES));
        }
    }

    /** @return the cell as a whole number ({@code 3}, {@code -2}, {@code 1e1}, {@code 4.0}), or null if it is not one */
    private static BigDecimal wholeNumber(String cell) {
        Double v = CsvImport.parse(cell);
        if (v == null) {
            return null;
        }
        BigDecimal b = new BigDecimal(cell.startsWith("+") ? cell.substring(1) : cell).stripTrailingZeros();
        return b.scale() <= 0 ? b.setScale(0) : null;
    }
}
