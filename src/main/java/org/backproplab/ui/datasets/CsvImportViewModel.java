package org.backproplab.ui.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.backproplab.data.CsvImport;
import org.backproplab.data.CsvImportException;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenarios;
import org.backproplab.ui.SessionBridge;
import org.backproplab.text.NumberText;

/**
 * The CSV import dialog's state (FX thread, no nodes): the role of every column (input {@code x}, target
 * {@code y}, a class column that becomes one-hot targets, sample label, or left out), whether inputs are standardised, and whether the choice makes a
 * data set. The choice is checked after every change; "Import" only starts over on a data set that was built
 * without error, so a bad choice leaves the session exactly as it was.
 */
public final class CsvImportViewModel {
    /** What a column becomes. */
    public enum Role {
        INPUT("input x"), TARGET("target y"), CLASS("class (one-hot y)"), LABEL("label"), SKIP("leave out");

        private final String text;

        Role(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final CsvImport.Table table;
    private final SessionBridge bridge;
    private final List<ObjectProperty<Role>> roles = new ArrayList<>();
    private final BooleanProperty standardise = new SimpleBooleanProperty(this, "standardise", true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private CsvImport.Result result;

    /**
     * Starts with every numeric column but the last as an input, the last as the target, a text column as labels;
     * but when the last column is text whose values repeat (classes, such as species), it is the class column and
     * every numeric column an input.
     */
    public CsvImportViewModel(CsvImport.Table table, SessionBridge bridge) {
        this.table = table;
        this.bridge = bridge;
        int lastNumeric = -1;
        boolean labelTaken = false;
        int last = table.header().size() - 1;
        int classColumn = !table.isNumericColumn(last) && repeats(table, last) ? last : -1;
        for (int c = 0; c < table.header().size(); c++) {
            if (table.isNumericColumn(c) && classColumn < 0) {
                lastNumeric = c;
            }
        }
        for (int c = 0; c < table.header().size(); c++) {
            Role r;
            if (c == classColumn) {
                r = Role.CLASS;
            } else if (c == lastNumeric) {
                r = Role.TARGET;
            } else if (table.isNumericColumn(c)) {
                r = Role.INPUT;
            } else if (!labelTaken) {
                r = Role.LABEL;
                labelTaken = true;
            } else {
                r = Role.SKIP;
            }
            ObjectProperty<Role> p = new SimpleObjectProperty<>(this, "role" + c, r);
            final int column = c;
            p.addListener((o, was, now) -> onRole(column, now));
            roles.add(p);
        }
        standardise.addListener((o, was, now) -> check());
        check();
    }

    /** @return true if column {@code c} has at most half as many different values as rows, and at most the classes allowed */
    private static boolean repeats(CsvImport.Table t, int c) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (List<String> row : t.rows()) {
            seen.add(row.get(c));
            if (seen.size() > CsvImport.MAX_CLASSES) {
                return false;
            }
        }
        return seen.size() >= 2 && 2 * seen.size() <= t.rows().size();
    }

    private void onRole(int column, Role now) {
        if (now == Role.LABEL || now == Role.CLASS) {
            for (int c = 0; c < roles.size(); c++) {
                if (c != column && roles.get(c).get() == now) {
                    roles.get(c).set(Role.SKIP);
                }
            }
        }
        if (now == Role.CLASS) {
            for (ObjectProperty<Role> r : roles) {
                if (r.get() == Role.TARGET) {
                    r.set(Role.INPUT);
                }
            }
        } else if (now == Role.TARGET) {
            for (ObjectProperty<Role> r : roles) {
                if (r.get() == Role.CLASS) {
                    r.set(Role.SKIP);
                }
            }
        }
        check();
    }

    private void check() {
        List<Integer> in = columns(Role.INPUT);
        List<Integer> out = columns(Role.TARGET);
        List<Integer> label = columns(Role.LABEL);
        List<Integer> cls = columns(Role.CLASS);
        try {
            result = CsvImport.toDataset(table, in, out, cls.isEmpty() ? -1 : cls.get(0), label.isEmpty() ? -1 : label.get(0),
                    standardise.get());
            fitsTheNetwork(result.dataset());
            error.set("");
            valid.set(true);
            summary.set(describe(result));
        } catch (CsvImportException e) {
            result = null;
            error.set(e.getMessage());
            valid.set(false);
            summary.set("");
        }
    }

    /**
     * @throws CsvImportException if the current hidden layers on this data set would ask more work than the engine
     *                            allows ({@code WorkLimits}), naming the file and what fits
     */
    private void fitsTheNetwork(Dataset d) throws CsvImportException {
        try {
            Scenarios.forDataset(bridge.snapshot().scenario(), d, name(), "");
        } catch (IllegalArgumentException e) {
            throw new CsvImportException(table.fileName() + ": under the current hidden layers, " + e.getMessage()
                    + ". Use fewer rows, or fewer hidden neurons first.", e);
        }
    }

    private String name() {
        return table.fileName().replaceFirst("(?i)\\.(csv|tsv|txt)$", "");
    }

    private String describe(CsvImport.Result r) {
        var d = r.dataset();
        String kind = Scenarios.isOneHot(d) ? d.targetSize() + " classes (" + String.join(", ", d.targetNames())
                + ") → softmax output, cross-entropy"
                : Scenarios.isClassification(d) ? "classes 0/1 → sigmoid output" : "numbers → linear output, mse";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d samples · %d input%s → %d target%s (%s)",
                d.size(), d.inputSize(), d.inputSize() == 1 ? "" : "s", d.targetSize(),
                d.targetSize() == 1 ? "" : "s", kind));
        if (!r.standardisation().isEmpty()) {
            s.append("\nStandardised x' = (x − mean) / sd: ").append(
                    r.standardisation().stream().map(CsvImportViewModel::describe).collect(Collectors.joining("; ")));
        }
        return s.toString();
    }

    /** @return e.g. "a: mean 0.5, sd 0.5", the numbers as the window writes every number */
    private static String describe(CsvImport.Standardisation st) {
        return st.column() + ": mean " + NumberText.format(st.mean()) + ", sd " + NumberText.format(st.sd())
                + (st.sd() == 0 ? " (constant: only centred)" : "");
    }

    private List<Integer> columns(Role role) {
        List<Integer> cs = new ArrayList<>();
        for (int c = 0; c < roles.size(); c++) {
            if (roles.get(c).get() == role) {
                cs.add(c);
            }
        }
        return cs;
    }

    // Properties

    public CsvImport.Table table() {
        return table;
    }

    /** @return the role of column {@code c} (from 0) */
    public ObjectProperty<Role> roleProperty(int c) {
        return roles.get(c);
    }

    public BooleanProperty standardiseProperty() {
        return standardise;
    }

    /** @return why the choice makes no data set (row, column and value named), or empty */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return what the import will make, and the mean and sd used to standardise */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    // Commands

    /**
     * Starts over on the data set chosen, under the current hidden layers.
     *
     * @return false (nothing sent) if the choice makes no data set
     */
    public boolean importNow() {
        if (result == null) {
            return false;
        }
        String name = name();
        String text = "CSV " + table.fileName() + (result.standardisation().isEmpty() ? "" : ", inputs standardised");
        new DatasetsViewModel(bridge).load(result.dataset(), name, text);
        return true;
    }
}
