package org.backproplab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.backproplab.data.Accuracy;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenarios;
import org.backproplab.data.StratifiedSplit;
import org.backproplab.engine.Trainer;
import org.backproplab.text.TerminalText;

/**
 * What {@code train} adds for a data set of classes (every target 0 or 1): the accuracy on the training rows and on
 * the held-out test rows ({@link Accuracy}: the largest output is the predicted class), and the confusion matrix,
 * rows the true class, columns the predicted class, over the test rows when some are held out, else over the
 * training rows.
 *
 * @param accuracy     the fraction right on the training rows
 * @param testAccuracy the fraction right on the test rows, NaN without a split
 * @param confusion    {@code confusion[true][predicted]}
 * @param onTestRows   true if {@code confusion} counts the test rows
 * @param classNames   one per class
 */
record ClassReport(double accuracy, int trainRows, double testAccuracy, int testRows, int[][] confusion,
                   boolean onTestRows, List<String> classNames) {

    /** @return the report for {@code t}'s network now, or null if the targets are not classes */
    static ClassReport of(Dataset d, Trainer t) {
        if (!Scenarios.isClassification(d)) {
            return null;
        }
        double[][] yHat = t.network().predict(d.inputs()).getData();
        double[][] y = d.targets().getData();
        int[] test = t.testRows();
        int[] train = StratifiedSplit.trainRows(d.size(), test);
        int[] counted = test.length > 0 ? test : train;
        List<String> names = d.targetSize() == 1 ? List.of("0", "1") : d.targetNames();
        return new ClassReport(Accuracy.of(yHat, y, train), train.length, Accuracy.of(yHat, y, test), test.length,
                Accuracy.confusion(yHat, y, counted), test.length > 0, names);
    }

    /** Prints the accuracies and the confusion matrix as a table. */
    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "accuracy %.1f %% on the %d training rows%n", 100 * accuracy, trainRows);
        if (testRows > 0) {
            out.printf(Locale.ROOT, "test accuracy %.1f %% on the %d test rows%n", 100 * testAccuracy, testRows);
        }
        out.printf("confusion matrix (%s rows; a row per true class, a column per predicted class):%n",
                onTestRows ? "test" : "training");
        int width = 5;
        for (String n : classNames) {
            width = Math.max(width, TerminalText.escape(n).length() + 1);
        }
        StringBuilder head = new StringBuilder(String.format("  %-" + width + "s", "true"));
        for (String n : classNames) {
            head.append(String.format("%" + width + "s", TerminalText.escape(n)));
        }
        out.println(head);
        for (int r = 0; r < confusion.length; r++) {
            StringBuilder line = new StringBuilder(String.format("  %-" + width + "s", TerminalText.escape(classNames.get(r))));
            for (int v : confusion[r]) {
                line.append(String.format("%" + width + "d", v));
            }
            out.println(line);
        }
    }

    /** Adds {@code accuracy}, {@code testAccuracy} (null without a split), {@code confusion}, {@code confusionRows} and {@code classes}. */
    void addTo(ObjectNode o) {
        o.put("accuracy", accuracy);
        if (testRows > 0) {
            o.put("testAccuracy", testAccuracy);
        } else {
            o.putNull("testAccuracy");
        }
        ArrayNode m = o.putArray("confusion");
        for (int[] row : confusion) {
            ArrayNode a = m.addArray();
            for (int v : row) {
                a.add(v);
            }
        }
        o.put("confusionRows", onTestRows ? "test" : "training");
        ArrayNode names = o.putArray("classes");
        classNames.forEach(names::add);
    }
}
