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
import org.backproplab.engine.OptimizerState;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
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
    private static final Set<String> HISTORY_V4 = with(HISTORY, "checkpointEvery", "checkpoints", "current",
            "endLosses");
    private static final Set<String> HISTORY_V6 = with(HISTORY_V4, "penalties", "endPenalty");
    private static final Set<String> BUFFER = Set.of("weights", "biases");
    private static final Set<String> EPOCH_MARK = Set.of("epochs", "iteration");
    private static final Set<String> SAMPLES = Set.of("inputs", "targets", "labels");

    private final FileParser parser;
    private final JsonFields f;

    /** True if the file's format may store trainer states ({@code backprop-lab/4} and later). */
    private final boolean v4;
    /**
     * True for {@code backprop-lab/6} and later: the history may store the penalty of every iteration, and a state
     * may name other hidden activations than the file's layers.
     */
    private final boolean v6;
    /** The optimiser's buffers the file may store: momentum's in version 4, every optimiser's from version 5. */
    private final List<OptimizerState.Slot> slots;
    /** What a stored trainer state carries besides weights (see {@link HistoryWriter}). */
    private final Set<String> carryFields;
    private final Set<String> stateV4;
    private final Set<String> editV4;
    private final Set<String> before;
    private final Set<String> checkpoint;


    /**
     * @param v6 true for {@code backprop-lab/6}: the history may hold the penalty of every iteration, and a state's
     *           {@code activations} (one id per weight layer) says which activations its network had, where they
     *           differ from the layers'
     */
    HistoryParser(FileParser parser, JsonFields f, boolean storedStates, boolean optimizers, boolean v6) {
        this.parser = parser;
        this.f = f;
        this.v4 = storedStates;
        this.v6 = v6;
        this.slots = optimizers ? List.of(OptimizerState.Slot.values()) : List.of(OptimizerState.Slot.VELOCITY);
        List<String> carry = new ArrayList<>(List.of("epochMark"));
        slots.forEach(s -> carry.add(s.id()));
        if (optimizers) {
            carry.add("adamStep");
        }
        carryFields = Set.copyOf(carry);
        String[] own = v6 ? new String[] {"activations"} : new String[0];
        stateV4 = with(with(STATE, own), carry.toArray(String[]::new));
        editV4 = with(with(with(EDIT, "before"), own), carry.toArray(String[]::new));
        before = with(with(Set.of("weights", "biases"), own), carry.toArray(String[]::new));
        checkpoint = with(with(Set.of("iteration", "weights", "biases"), own), carry.toArray(String[]::new));
    }

    private static Set<String> with(Set<String> s, String... more) {
        java.util.Set<String> all = new java.util.HashSet<>(s);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /**
     * @param scenario  the file's scenario (its data set and configuration are the current ones)
     * @param network   the file's weights (the state at {@code iteration})
     * @param iteration the file's iteration: the one the history shows
     */
    HistoryRecord parse(JsonNode h, Scenario scenario, Network network, long iteration) throws FileFormatException {
        f.object(h, "history", v6 ? HISTORY_V6 : v4 ? HISTORY_V4 : HISTORY);
        boolean stored = h.has("checkpointEvery");
        long start = f.integer(f.required(h, "history", "start"), "history.start", 0, iteration);
        long end = f.integer(f.required(h, "history", "end"), "history.end", iteration, Trainer.MAX_ITERATION);
        double testFraction = h.has("testFraction") ? f.number(h.get("testFraction"), "history.testFraction") : 0;
        if (testFraction < 0 || testFraction > 0.9) {
            throw f.error("history.testFraction", "is " + testFraction + ": expected 0 to 0.9");
        }
        JsonNode initialNode = f.required(h, "history", "initial");
        f.object(initialNode, "history.initial", v4 ? stateV4 : STATE);
        HistoryRecord.State initial = state(initialNode, "history.initial", scenario, null);
        List<HistoryRecord.Edit> edits = new ArrayList<>();
        JsonNode e = h.has("edits") ? f.array(h.get("edits"), "history.edits", 0, MAX_EDITS) : null;
        Carried carried = stored ? new Carried(scenario, initialNode, start, initial) : null;
        HistoryRecord.State previous = initial;
        long last = start;
        for (int i = 0; e != null && i < e.size(); i++) {
            String path = index("history.edits", i);
            JsonNode n = e.get(i);
            f.object(n, path, v4 ? editV4 : EDIT);
            long k = f.integer(f.required(n, path, "iteration"), field(path, "iteration"), last, end);
            String text = f.text(f.required(n, path, "text"), field(path, "text"));
            HistoryRecord.State after = state(n, path, scenario, previous);
            if (carried != null) {
                carried.edit(n, path, k, previous, after);
            } else if (n.has("before") || carryFields.stream().anyMatch(n::has)) {
                throw f.error(path, "stored trainer states need history.checkpointEvery");
            }
            edits.add(new HistoryRecord.Edit(k, text, after));
            previous = after;
            last = k;
        }
        int[] testRows = h.has("testRows") ? rows(h.get("testRows"), "history.testRows", scenario.dataset().size())
                : new int[0];
        HistoryRecord.State current = new HistoryRecord.State(network, scenario.dataset(), scenario.config(), testRows);
        double[] losses = losses(f.required(h, "history", "losses"), "history.losses", end - start);
        double[] testLosses = h.has("testLosses") ? losses(h.get("testLosses"), "history.testLosses", end - start) : null;
        double[] penalties = h.has("penalties") ? penalties(h.get("penalties"), end - start) : null;
        HistoryRecord.Stored s = null;
        if (carried != null) {
            s = carried.finish(h, start, end, iteration, edits, current);
        } else if (h.has("checkpoints") || h.has("current") || h.has("endLosses") || h.has("endPenalty")) {
            throw f.error(h.has("checkpoints") ? "history.checkpoints" : h.has("endPenalty") ? "history.endPenalty"
                            : "history.current",
                    "stored trainer states need history.checkpointEvery");
        }
        try {
            return new HistoryRecord(scenario, start, initial, edits, end, iteration, current, losses, testLosses,
                    testFraction, s, penalties);
        } catch (IllegalArgumentException ex) {
            throw f.error("history", ex.getMessage());
        }
    }

    /**
     * The exact trainer states of a version 4 history, read as its states are: each takes its data set and
     * settings from the {@link HistoryRecord.State} of its stretch, and adds weights, momentum and epoch mark.
     */
    private final class Carried {
        private final List<TrainerState> checkpoints = new ArrayList<>();
        private final List<TrainerState> befores = new ArrayList<>();
        private final List<TrainerState> after = new ArrayList<>();
        /** The states whose data and settings later stored states share, with the iteration they begin at. */
        private final java.util.TreeMap<Long, TrainerState> stretches = new java.util.TreeMap<>();
        private final Scenario scenario;
        private TrainerState base;
        private HistoryRecord.State baseOf;

        Carried(Scenario scenario, JsonNode initialNode, long start, HistoryRecord.State initial) throws FileFormatException {
            this.scenario = scenario;
            base = base(initial, start, "history.initial");
            baseOf = initial;
            checkpoints.add(carry(initialNode, "history.initial", base, start, initial.network()));
            stretches.put(start, base);
        }

        void edit(JsonNode n, String path, long k, HistoryRecord.State previous, HistoryRecord.State next)
                throws FileFormatException {
            JsonNode b = f.required(n, path, "before");
            String bp = field(path, "before");
            f.object(b, bp, before);
            Network beforeNet = activations(b, bp, scenario, parser.network(b, bp, scenario, next.network()));
            befores.add(carry(b, bp, base(previous, k, path), k, beforeNet));
            TrainerState a = carry(n, path, base(next, k, path), k, next.network());
            after.add(a);
            stretches.put(k + 1, a);
        }

        HistoryRecord.Stored finish(JsonNode h, long start, long end, long iteration, List<HistoryRecord.Edit> edits,
                                    HistoryRecord.State current) throws FileFormatException {
            long interval = f.integer(h.get("checkpointEvery"), "history.checkpointEvery",
                    HistoryRecord.Stored.MIN_INTERVAL, HistoryRecord.Stored.MAX_GAP);
            if (Long.bitCount(interval) != 1) {
                throw f.error("history.checkpointEvery", "is " + interval + ": expected a power of two from "
                        + HistoryRecord.Stored.MIN_INTERVAL + " to " + HistoryRecord.Stored.MAX_GAP);
            }
            JsonNode c = h.has("checkpoints") ? f.array(h.get("checkpoints"), "history.checkpoints", 0,
                    (int) Math.min(Integer.MAX_VALUE - 8, (end - start) / Math.max(1, interval) + 2)) : null;
            long last = start;
            for (int i = 0; c != null && i < c.size(); i++) {
                String path = index("history.checkpoints", i);
                JsonNode n = c.get(i);
                f.object(n, path, checkpoint);
                long k = f.integer(f.required(n, path, "iteration"), field(path, "iteration"), last + 1, end);
                TrainerState stretch = stretches.floorEntry(k).getValue();
                Network net = parser.network(n, path, scenario, null);
                if (net == null) {
                    throw f.error(field(path, "weights"), "missing");
                }
                net = activations(n, path, scenario, net);
                checkpoints.add(carry(n, path, stretch, k, net));
                last = k;
            }
            JsonNode cur = f.required(h, "history", "current");
            f.object(cur, "history.current", carryFields);
            TrainerState now = carry(cur, "history.current", base(current, iteration, "history"), iteration,
                    current.network());
            double[] endLosses = losses(f.required(h, "history", "endLosses"), "history.endLosses", 2);
            double endPenalty = h.has("endPenalty") ? penalty(h.get("endPenalty"), "history.endPenalty") : Double.NaN;
            try {
                return new HistoryRecord.Stored(checkpoints, befores, after, now, interval, endLosses[0], endLosses[1],
                        endPenalty);
            } catch (IllegalArgumentException e) {
                throw f.error("history.checkpointEvery", e.getMessage());
            }
        }

        /** A trainer state of {@code st}'s data and settings at {@code k} (reused while they stay the same). */
        private TrainerState base(HistoryRecord.State st, long k, String path) throws FileFormatException {
            try {
                if (baseOf != null && st.dataset() == baseOf.dataset()
                        && st.network().activations().equals(baseOf.network().activations())) {
                    // the same samples: share them, changing only what the edit changed
                    TrainerState b = st.config().equals(base.config()) ? base : base.withConfig(st.config());
                    base = java.util.Arrays.equals(st.testRows(), b.testRows()) ? b : b.withTestRows(st.testRows());
                    baseOf = st;
                    return base;
                }
                Trainer t = new Trainer(st.network(), st.dataset().inputs(), st.dataset().targets(), st.config());
                t.setTestRows(st.testRows());
                t.setIteration(k);
                base = t.state();
                baseOf = st;
                return base;
            } catch (IllegalArgumentException e) {
                throw f.error(path, e.getMessage());
            }
        }

        /** The state at {@code k} with {@code net}, and the optimiser's memory and {@code epochMark} of {@code n}. */
        private TrainerState carry(JsonNode n, String path, TrainerState stretch, long k, Network net)
                throws FileFormatException {
            OptimizerState memory = OptimizerState.EMPTY;
            for (OptimizerState.Slot slot : slots) {
                if (!n.has(slot.id())) {
                    continue;
                }
                String vp = field(path, slot.id());
                f.object(n.get(slot.id()), vp, BUFFER);
                Network v = parser.network(n.get(slot.id()), vp, scenario, null);
                if (v == null) {
                    throw f.error(field(vp, "weights"), "missing");
                }
                double[][][] vw = new double[v.depth() + 1][][];
                double[][] vb = new double[v.depth() + 1][];
                for (int l = 1; l <= v.depth(); l++) {
                    vw[l] = v.layer(l).weights().getData();
                    vb[l] = v.layer(l).hasBias() ? v.layer(l).bias().toArray() : null;
                }
                memory = memory.with(slot, vw, vb);
            }
            if (n.has("adamStep")) {
                memory = memory.withAdamStep(f.integer(n.get("adamStep"), field(path, "adamStep"), 0, Trainer.MAX_ITERATION));
            }
            double epochs = 0;
            long mark = 0;
            if (n.has("epochMark")) {
                String mp = field(path, "epochMark");
                f.object(n.get("epochMark"), mp, EPOCH_MARK);
                epochs = f.number(f.required(n.get("epochMark"), mp, "epochs"), field(mp, "epochs"));
                mark = f.integer(f.required(n.get("epochMark"), mp, "iteration"), field(mp, "iteration"), 0, k);
            }
            try {
                return stretch.at(k, net, memory, epochs, mark);
            } catch (IllegalArgumentException e) {
                throw f.error(path, e.getMessage());
            }
        }
    }

    /** A state at {@code path}; what an edit leaves out is as in {@code previous}. */
    private HistoryRecord.State state(JsonNode n, String path, Scenario s, HistoryRecord.State previous)
            throws FileFormatException {
        Network net = parser.network(n, path, s, previous == null ? null : previous.network());
        if (net == null) {
            throw f.error(field(path, "weights"), "missing");
        }
        net = activations(n, path, s, net);
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
     * @return {@code net} with the activations of the state at {@code path}: its {@code activations} (one id per
     *         weight layer, hidden layers only differing from the layers'), else those of the layers of {@code s}
     */
    private Network activations(JsonNode n, String path, Scenario s, Network net) throws FileFormatException {
        List<org.backproplab.engine.Activation> want = new ArrayList<>();
        s.layers().forEach(l -> want.add(l.activation()));
        if (v6 && n.has("activations")) {
            String ap = field(path, "activations");
            JsonNode a = f.array(n.get("activations"), ap, want.size(), want.size());
            for (int l = 0; l < want.size(); l++) {
                String ip = index(ap, l);
                String id = f.text(a.get(l), ip);
                org.backproplab.engine.Activation got;
                try {
                    got = org.backproplab.engine.Activation.fromId(id);
                } catch (IllegalArgumentException e) {
                    throw f.error(ip, e.getMessage());
                }
                if (l == want.size() - 1 && got != want.get(l)) {
                    throw f.error(ip, "is " + id + " but the output layer is " + want.get(l).id()
                            + " in the layers: only hidden layers may differ");
                }
                if (l < want.size() - 1 && !got.isElementwise()) {
                    throw f.error(ip, "is " + id + ": a hidden layer may be " + org.backproplab.engine.Network.hiddenChoices());
                }
                want.set(l, got);
            }
        }
        return net.activations().equals(want) ? net : net.withActivations(want);
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

    /**
     * {@code count} penalties {@code Ω(W)}: numbers ≥ 0, "Infinity" after a divergence, or "NaN" where none was
     * recorded (no regularization, or the loss not measured).
     */
    private double[] penalties(JsonNode a, long count) throws FileFormatException {
        double[] v = losses(a, "history.penalties", count);
        for (int i = 0; i < v.length; i++) {
            checkPenalty(v[i], index("history.penalties", i));
        }
        return v;
    }

    /** One penalty, as in {@link #penalties}. */
    private double penalty(JsonNode x, String path) throws FileFormatException {
        double v;
        if (x.isNumber()) {
            v = f.number(x, path);
        } else if (x.isTextual() && (x.textValue().equals("NaN") || x.textValue().equals("Infinity"))) {
            v = Double.parseDouble(x.textValue());
        } else {
            throw f.error(path, "expected a number ≥ 0, \"NaN\" or \"Infinity\", found " + found(x));
        }
        checkPenalty(v, path);
        return v;
    }

    private void checkPenalty(double v, String path) throws FileFormatException {
        if (v < 0 || v == Double.NEGATIVE_INFINITY) {
            throw f.error(path, "is " + v + ": a penalty (λ/2)·Σ W² or λ·Σ |W| is never negative");
        }
    }

    /** {@code count} losses: numbers, or "NaN", "Infinity", "-Infinity" for a diverged iteration. */
    private double[] losses(JsonNode a, String path, long count) throws FileFormatException {
        if (a == null || !a.isArray()) {
            throw f.error(path, "expected an array, found " + found(a));
        }
        if (a.size() != count) {
            throw f.error(path, "has " + a.size() + " entries: expected " + count + (path.endsWith("endLosses")
                    ? " (the training and the test loss at history.end)"
                    : " (one per iteration from history.start to history.end)"));
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = a.get(i);
            if (x.isNumber()) {
                v[i] = f.number(a, path, i);
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
