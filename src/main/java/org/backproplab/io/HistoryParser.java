package org.backproplab.io;

import static org.backproplab.io.JsonFields.field;
import static org.backproplab.io.JsonFields.found;
import static org.backproplab.io.JsonFields.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.session.HistoryRecord;

/**
 * Reads the {@code history} object of a {@code backprop-lab/2} file into a {@link HistoryRecord}, naming
 * the field of anything wrong. The tree is already bounded by the parser's first pass; every declared count
 * (losses, edits, rows) is checked against the tree before anything of that size is allocated.
 */
final class HistoryParser {
    /** The most edits a history may hold. */
    static final int MAX_EDITS = 100_000;
    private static final Set<String> HISTORY = Set.of("start", "end", "testFraction", "initial", "edits", "testRows",
            "losses", "testLosses");
    private static final Set<String> STATE = Set.of("weights", "biases", "training", "dataset", "testRows");
    private static final Set<String> EDIT = Set.of("iteration", "text", "weights", "biases", "training", "dataset",
            "testRows");
    private static final Set<String> SAMPLES = Set.of("inputs", "targets", "labels");

    private final FileParser parser;
    private final JsonFields f;

    HistoryParser(FileParser parser, JsonFields f) {
        this.parser = parser;
        this.f = f;
    }

    /**
     * @param scenario  the file's scenario (its data set and configuration are the current ones)
     * @param network   the file's weights (the state at {@code iteration})
     * @param iteration the file's iteration: the one the history shows
     */
    HistoryRecord parse(JsonNode h, Scenario scenario, Network network, long iteration) throws FileFormatException {
        f.object(h, "history", HISTORY);
        long start = f.integer(f.required(h, "history", "start"), "history.start", 0, iteration);
        long end = f.integer(f.required(h, "history", "end"), "history.end", iteration, Trainer.MAX_ITERATION);
        double testFraction = h.has("testFraction") ? f.number(h.get("testFraction"), "history.testFraction") : 0;
        if (testFraction < 0 || testFraction > 0.9) {
            throw f.error("history.testFraction", "is " + testFraction + ": expected 0 to 0.9");
        }
        JsonNode initialNode = f.required(h, "history", "initial");
        f.object(initialNode, "history.initial", STATE);
        HistoryRecord.State initial = state(initialNode, "history.initial", scenario, null);
        List<HistoryRecord.Edit> edits = new ArrayList<>();
        JsonNode e = h.has("edits") ? f.array(h.get("edits"), "history.edits", 0, MAX_EDITS) : null;
        HistoryRecord.State previous = initial;
        long last = start;
        for (int i = 0; e != null && i < e.size(); i++) {
            String path = index("history.edits", i);
            JsonNode n = e.get(i);
            f.object(n, path, EDIT);
            long k = f.integer(f.required(n, path, "iteration"), field(path, "iteration"), last, end);
            String text = f.text(f.required(n, path, "text"), field(path, "text"));
            previous = state(n, path, scenario, previous);
            edits.add(new HistoryRecord.Edit(k, text, previous));
            last = k;
        }
        int[] testRows = h.has("testRows") ? rows(h.get("testRows"), "history.testRows", scenario.dataset().size())
                : new int[0];
        HistoryRecord.State current = new HistoryRecord.State(network, scenario.dataset(), scenario.config(), testRows);
        double[] losses = losses(f.required(h, "history", "losses"), "history.losses", end - start);
        double[] testLosses = h.has("testLosses") ? losses(h.get("testLosses"), "history.testLosses", end - start) : null;
        try {
            return new HistoryRecord(scenario, start, initial, edits, end, iteration, current, losses, testLosses,
                    testFraction);
        } catch (IllegalArgumentException ex) {
            throw f.error("history", ex.getMessage());
        }
    }

    /** A state at {@code path}; what an edit leaves out is as in {@code previous}. */
    private HistoryRecord.State state(JsonNode n, String path, Scenario s, HistoryRecord.State previous)
            throws FileFormatException {
        Network net = parser.network(n, path, s, previous == null ? null : previous.network());
        if (net == null) {
            throw f.error(field(path, "weights"), "missing");
        }
        TrainingConfig config = n.has("training") || previous == null
                ? parser.training(f.required(n, path, "training"), field(path, "training")) : previous.config();
        Dataset d = n.has("dataset") || previous == null
                ? samples(f.required(n, path, "dataset"), field(path, "dataset"), s, config)
                : previous.dataset();
        int[] test = n.has("testRows") ? rows(n.get("testRows"), field(path, "testRows"), d.size())
                : previous == null || previous.dataset().size() != d.size() ? new int[0] : previous.testRows();
        return new HistoryRecord.State(net, d, config, test);
    }

    /**
     * Inputs, targets and labels, within what the network of {@code s} may work on; names, probes and the bias
     * column are those of the file's data set.
     */
    private Dataset samples(JsonNode d, String path, Scenario s, TrainingConfig config) throws FileFormatException {
        f.object(d, path, SAMPLES);
        Dataset base = s.dataset();
        int in = base.inputSize();
        int out = base.targetSize();
        String ip = field(path, "inputs");
        String tp = field(path, "targets");
        int n = parser.checkedRows(f.required(d, path, "inputs"), ip, 1, in + out);
        parser.checkWork(ip, in, s.layers(), n, "sample");
        double[][] x = f.matrix(d.get("inputs"), ip, n, in);
        double[][] y = f.matrix(f.required(d, path, "targets"), tp, n, out);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < out; c++) {
                if (!config.loss().acceptsTarget(y[r][c])) {
                    throw f.error(index(index(tp, r), c), "is " + y[r][c] + " but the " + config.loss().id()
                            + " loss needs targets between 0 and 1");
                }
            }
        }
        List<String> labels = f.texts(d.get("labels"), field(path, "labels"), n);
        try {
            return base.withSamples(x, y, labels);
        } catch (IllegalArgumentException e) {
            throw f.error(path, e.getMessage());
        }
    }

    /** Row indices in {@code 0..n-1}, strictly ascending, leaving at least one row to train. */
    private int[] rows(JsonNode a, String path, int n) throws FileFormatException {
        f.array(a, path, 0, n - 1);
        int[] r = new int[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (int) f.integer(a.get(i), index(path, i), i == 0 ? 0 : r[i - 1] + 1L, n - 1);
        }
        return r;
    }

    /** {@code count} losses: numbers, or "NaN", "Infinity", "-Infinity" for a diverged iteration. */
    private double[] losses(JsonNode a, String path, long count) throws FileFormatException {
        if (a == null || !a.isArray()) {
            throw f.error(path, "expected an array, found " + found(a));
        }
        if (a.size() != count) {
            throw f.error(path, "has " + a.size() + " entries: expected " + count
                    + " (one per iteration from history.start to history.end)");
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = a.get(i);
            if (x.isNumber()) {
                v[i] = f.number(x, index(path, i));
            } else if (x.isTextual() && (x.textValue().equals("NaN") || x.textValue().equals("Infinity")
                    || x.textValue().equals("-Infinity"))) {
                v[i] = Double.parseDouble(x.textValue());
            } else {
                throw f.error(index(path, i), "expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", found " + found(x));
            }
        }
        return v;
    }
}
