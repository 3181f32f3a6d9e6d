package org.backproplab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerState;
import org.backproplab.engine.TrainerState;
import org.backproplab.session.HistoryRecord;

/**
 * Writes the {@code history} object of a {@code backprop-lab/6} file (also the shape of versions 2 and 3, plus the
 * stored trainer states of version 4, the optimisers' memory of version 5 and, from version 6, the penalty of every
 * iteration and the {@code activations} of a state whose hidden layers differ from the file's layers: a variant's run
 * before its change of activation) (see {@code docs/file-format.md}). An
 * edit holds only what differs from the state before it (weights, data set, test rows), so a long session
 * of small edits stays small; {@code training} is always written. Losses that are not finite are written as
 * the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 */
final class HistoryWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HistoryWriter() {
    }

    static ObjectNode tree(HistoryRecord h) {
        java.util.List<org.backproplab.engine.Activation> layers = new java.util.ArrayList<>();
        h.scenario().layers().forEach(l -> layers.add(l.activation()));
        ObjectNode o = NODES.objectNode();
        o.put("start", h.start());
        o.put("end", h.end());
        o.put("testFraction", h.testFraction());
        HistoryRecord.Stored stored = h.stored();
        ObjectNode initial = state(h.initial(), null);
        activations(initial, h.initial().network(), layers);
        if (stored != null) {
            initial.setAll(carry(stored.checkpoints().get(0)));
        }
        o.set("initial", initial);
        ArrayNode edits = o.putArray("edits");
        HistoryRecord.State previous = h.initial();
        for (int i = 0; i < h.edits().size(); i++) {
            HistoryRecord.Edit e = h.edits().get(i);
            ObjectNode n = edits.addObject();
            n.put("iteration", e.iteration());
            n.put("text", e.text());
            n.setAll(state(e.after(), previous));
            activations(n, e.after().network(), layers);
            if (stored != null) {
                n.setAll(carry(stored.editsAfter().get(i)));
                ObjectNode b = before(stored.editsBefore().get(i), stored.editsAfter().get(i));
                activations(b, stored.editsBefore().get(i).network(), layers);
                n.set("before", b);
            }
            previous = e.after();
        }
        o.set("testRows", ints(h.current().testRows()));
        if (stored != null) {
            o.put("checkpointEvery", stored.interval());
            ArrayNode checkpoints = o.putArray("checkpoints");
            for (TrainerState c : stored.checkpoints().subList(1, stored.checkpoints().size())) {
                ObjectNode n = checkpoints.addObject();
                n.put("iteration", c.iteration());
                n.setAll(FileWriter.parameters(c.network()));
                activations(n, c.network(), layers);
                n.setAll(carry(c));
            }
            o.set("current", carry(stored.current()));
            o.set("endLosses", losses(new double[] {stored.endLoss(), stored.endTestLoss()}));
            if (h.penalties() != null && !Double.isNaN(stored.endPenalty())) {
                o.set("endPenalty", losses(new double[] {stored.endPenalty()}).get(0));
            }
        }
        o.set("losses", losses(h.losses()));
        if (h.testLosses() != null) {
            o.set("testLosses", losses(h.testLosses()));
        }
        if (h.penalties() != null) {
            o.set("penalties", losses(h.penalties()));
        }
        return o;
    }

    /** Adds {@code activations}, one id per weight layer, if those of {@code net} are not the {@code layers}'. */
    private static void activations(ObjectNode n, Network net, java.util.List<org.backproplab.engine.Activation> layers) {
        if (!net.activations().equals(layers)) {
            ArrayNode a = n.putArray("activations");
            net.activations().forEach(f -> a.add(f.id()));
        }
    }

    /** The state just before an edit: its weights when the edit changed them, and its carry. */
    private static ObjectNode before(TrainerState before, TrainerState after) {
        ObjectNode n = NODES.objectNode();
        Network net = before.network();
        if (!sameParameters(net, after.network())) {
            n.setAll(FileWriter.parameters(net));
        }
        n.setAll(carry(before));
        return n;
    }

    /**
     * What a trainer carries besides weights: what the optimiser remembers, one object per buffer named as
     * {@link OptimizerState.Slot#id()} ({@code velocity}: momentum's last ΔW and Δb; {@code meanSquare}: RMSProp's
     * s; {@code firstMoment}, {@code secondMoment}: Adam's m and v) and Adam's {@code adamStep} t, and
     * {@code epochMark} (where epochs were last counted afresh), each left out when there is none.
     */
    private static ObjectNode carry(TrainerState s) {
        ObjectNode n = NODES.objectNode();
        OptimizerState o = s.optimizerState();
        for (OptimizerState.Slot slot : OptimizerState.Slot.values()) {
            double[][][] vw = o.weights(slot);
            if (vw == null) {
                continue;
            }
            double[][] vb = o.biases(slot);
            ObjectNode v = n.putObject(slot.id());
            ArrayNode w = v.putArray("weights");
            ArrayNode b = v.putArray("biases");
            for (int l = 1; l < vw.length; l++) {
                w.add(FileWriter.matrix(vw[l]));
                if (vb[l] == null) {
                    b.addNull();
                } else {
                    b.add(FileWriter.matrix(new double[][] {vb[l]}).get(0));
                }
            }
        }
        if (o.adamStep() != 0) {
            n.put("adamStep", o.adamStep());
        }
        if (s.epochsAtMark() != 0 || s.epochMarkIteration() != 0) {
            ObjectNode m = n.putObject("epochMark");
            m.put("epochs", s.epochsAtMark());
            m.put("iteration", s.epochMarkIteration());
        }
        return n;
    }

    /** A state; with a {@code previous} state, only the weights, data and test rows that differ from it. */
    private static ObjectNode state(HistoryRecord.State s, HistoryRecord.State previous) {
        ObjectNode n = NODES.objectNode();
        Network net = s.network();
        if (previous == null || !sameParameters(net, previous.network())) {
            ObjectNode wb = FileWriter.parameters(net);
            n.setAll(wb);
        }
        n.set("training", FileWriter.training(s.config()));
        Dataset d = s.dataset();
        if (previous == null || !sameSamples(d, previous.dataset())) {
            ObjectNode data = n.putObject("dataset");
            data.set("inputs", FileWriter.matrix(d.inputs().getData()));
            data.set("targets", FileWriter.matrix(d.targets().getData()));
            if (!d.labels().isEmpty()) {
                data.set("labels", FileWriter.texts(d.labels()));
            }
        }
        if (previous == null || !Arrays.equals(s.testRows(), previous.testRows())) {
            n.set("testRows", ints(s.testRows()));
        }
        return n;
    }

    private static boolean sameParameters(Network a, Network b) {
        for (int l = 1; l <= a.depth(); l++) {
            if (!Arrays.deepEquals(a.layer(l).weights().getData(), b.layer(l).weights().getData())
                    || a.layer(l).hasBias() && !Arrays.equals(a.layer(l).bias().toArray(), b.layer(l).bias().toArray())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameSamples(Dataset a, Dataset b) {
        return Arrays.deepEquals(a.inputs().getData(), b.inputs().getData())
                && Arrays.deepEquals(a.targets().getData(), b.targets().getData()) && a.labels().equals(b.labels());
    }

    private static ArrayNode ints(int[] v) {
        ArrayNode a = NODES.arrayNode(v.length);
        for (int i : v) {
            a.add(i);
        }
        return a;
    }

    private static ArrayNode losses(double[] v) {
        ArrayNode a = NODES.arrayNode(v.length);
        for (double d : v) {
            if (Double.isFinite(d)) {
                a.add(d);
            } else {
                a.add(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            }
        }
        return a;
    }
}
