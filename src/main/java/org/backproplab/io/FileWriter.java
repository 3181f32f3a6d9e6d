package org.backproplab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Layer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Network;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.TrainingConfig;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Turns a {@link BackpropFile} into the JSON tree of {@code docs/file-format.md}. Doubles are written with
 * {@link Double#toString}, the shortest text that parses back to the same bits.
 */
final class FileWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FileWriter() {
    }

    static ObjectNode tree(BackpropFile file) {
        Scenario s = file.scenario();
        Dataset d = s.dataset();
        Network net = file.network();
        ObjectNode root = NODES.objectNode();
        root.put("format", BackpropFile.FORMAT);
        root.put("name", s.name());
        root.put("description", s.description());
        ArrayNode layers = root.putArray("layers");
        layers.addObject().put("size", d.inputSize());
        for (LayerSpec spec : s.layers()) {
            layers.addObject().put("size", spec.size()).put("activation", spec.activation().id()).put("bias", spec.bias());
        }
        root.setAll(parameters(net));
        root.set("training", training(s.config()));
        ObjectNode data = root.putObject("dataset");
        data.set("inputNames", texts(d.inputNames()));
        data.set("targetNames", texts(d.targetNames()));
        if (d.biasColumn() >= 0) {
            data.put("biasColumn", d.biasColumn());
        }
        if (!d.features().isEmpty()) {
            ArrayNode features = data.putArray("features");
            d.features().forEach(f -> features.add(f.id()));
        }
        data.set("inputs", matrix(d.inputs()));
        data.set("targets", matrix(d.targets()));
        if (!d.labels().isEmpty()) {
            data.set("labels", texts(d.labels()));
        }
        if (s.testRows().length > 0) {
            ArrayNode test = data.putArray("testRows");
            for (int r : s.testRows()) {
                test.add(r);
            }
        }
        double[][] probes = d.probes();
        if (probes.length > 0) {
            ObjectNode p = root.putObject("probes");
            p.set("inputs", matrix(probes));
            if (!d.probeLabels().isEmpty()) {
                p.set("labels", texts(d.probeLabels()));
            }
        }
        root.put("iteration", file.iteration());
        root.put("defaultIterations", s.iterations());
        if (file.history() != null) {
            root.set("history", HistoryWriter.tree(file.history()));
        }
        org.backproplab.session.SessionRecord runs = file.session();
        if (runs != null && file.history() != null && runs.runs().size() > 1) {
            ArrayNode others = root.putArray("otherRuns");
            for (int i = 0; i < runs.runs().size(); i++) {
                org.backproplab.session.SessionRecord.Run r = runs.runs().get(i);
                if (i == runs.current()) {
                    root.set("run", link(r));
                } else {
                    ObjectNode o = tree(BackpropFile.of(r.history()));
                    o.remove("format");
                    o.set("run", link(r));
                    others.add(o);
                }
            }
        }
        return root;
    }

    private static ObjectNode link(org.backproplab.session.SessionRecord.Run r) {
        ObjectNode o = NODES.objectNode();
        o.put("number", r.number());
        o.put("parent", r.parent());
        o.put("forkedAt", r.forkedAt());
        return o;
    }

    /** @return an object with the {@code weights} and {@code biases} of {@code net} */
    static ObjectNode parameters(Network net) {
        ObjectNode o = NODES.objectNode();
        ArrayNode weights = o.putArray("weights");
        ArrayNode biases = o.putArray("biases");
        for (Layer layer : net.layers()) {
            weights.add(matrix(layer.weights().getData()));
            if (layer.hasBias()) {
                biases.add(row(layer.bias().toArray()));
            } else {
                biases.addNull();
            }
        }
        return o;
    }

    static ObjectNode training(TrainingConfig c) {
        ObjectNode t = NODES.objectNode();
        t.put("loss", c.loss().id());
        t.put("learningRate", c.learningRate());
        if (c.batch().size() > 1) {
            t.put("batch", c.batch().size());
        } else {
            t.put("batch", c.batch().id());
        }
        Optimizer o = c.optimizer();
        if (o.kind() == Optimizer.Kind.SGD || o.kind() == Optimizer.Kind.MOMENTUM) {
            t.put("momentum", c.momentum()); // as every version has written it
        } else {
            ObjectNode on = t.putObject("optimizer");
            on.put("kind", o.kind().id());
            for (Optimizer.Parameter p : o.kind().parameters()) {
                on.put(p.id(), p.of(o));
            }
        }
        Regularization r = c.regularization();
        if (r.kind() != Regularization.Kind.NONE) {
            t.putObject("regularization").put("kind", r.kind().id()).put("lambda", r.lambda());
        }
        t.put("init", c.init().id());
        t.put("seed", c.seed());
        t.put("shuffle", c.shuffle());
        return t;
    }

    private static ArrayNode matrix(RealMatrix m) {
        return matrix(m.getData());
    }

    static ArrayNode matrix(double[][] m) {
        ArrayNode a = NODES.arrayNode(m.length);
        for (double[] r : m) {
            a.add(row(r));
        }
        return a;
    }

    private static ArrayNode row(double[] r) {
        ArrayNode a = NODES.arrayNode(r.length);
        for (double v : r) {
            a.add(v);
        }
        return a;
    }

    static ArrayNode texts(List<String> s) {
        ArrayNode a = NODES.arrayNode(s.size());
        s.forEach(a::add);
        return a;
    }
}
