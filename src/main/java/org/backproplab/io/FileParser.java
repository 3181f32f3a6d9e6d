package org.backproplab.io;

import static org.backproplab.io.JsonFields.field;
import static org.backproplab.io.JsonFields.found;
import static org.backproplab.io.JsonFields.index;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backproplab.data.Dataset;
import org.backproplab.data.InputFeature;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainingConfig;
import org.backproplab.engine.WorkLimits;

/**
 * Turns the text of a {@code backprop-lab/1} file into a {@link BackpropFile}, refusing anything malformed
 * with a {@link FileFormatException} that names the field. Memory stays bounded: a streaming first pass
 * counts the values before any tree is built, and every declared size is checked before arrays are
 * allocated.
 */
final class FileParser {
    private static final Set<String> TOP = Set.of("format", "name", "description", "layers", "weights", "biases",
            "training", "dataset", "probes", "iteration", "defaultIterations", "history", "run", "otherRuns");
    private static final Set<String> RUN = Set.of("number", "parent", "forkedAt");
    private static final Set<String> TRAINING = Set.of("loss", "learningRate", "batch", "momentum", "init",
            "seed", "shuffle", "optimizer", "regularization");
    private static final Set<String> REGULARIZATION = Set.of("kind", "lambda");
    private static final Set<String> OPTIMIZER = Set.of("kind", "momentum", "rho", "beta1", "beta2", "epsilon");
    private static final Set<String> DATASET = Set.of("inputs", "targets", "labels", "inputNames", "targetNames",
            "biasColumn", "testRows", "features");
    private static final Set<String> OTHER_RUN = Set.of("name", "description", "layers", "weights", "biases",
            "training", "dataset", "probes", "iteration", "defaultIterations", "history", "run");
    private static final Set<String> PROBES = Set.of("inputs", "labels");
    private static final Set<String> INPUT_LAYER = Set.of("size");
    private static final Set<String> WEIGHT_LAYER = Set.of("size", "activation", "bias");

    /** Opens a parser over the text. */
    interface Source {
        JsonParser open() throws IOException;
    }

    private final JsonFields f;
    /** True for a file of version 4 or later, whose histories may store trainer states. */
    private boolean storedStates;
    /** True for a file of version 5 or later: any optimiser, regularization, and the optimisers' memory. */
    private boolean optimizers;
    /**
     * True for a file of version 6 or later: its histories may store the penalty of every iteration, and their states
     * other hidden activations than the layers.
     */
    private boolean v6;

    FileParser(String source) {
        this.f = new JsonFields(source);
    }

    BackpropFile parse(Source text) throws IOException {
        JsonNode root;
        try (JsonParser p = new Counted(text.open())) {
            root = Json.MAPPER.readTree(p);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
        if (root == null || root.isMissingNode()) {
            throw f.error("", "not JSON: the text is empty");
        }
        return build(root);
    }

    /**
     * The parser the tree is built from, counting as it goes: one value at the top level and at most
     * {@link BackpropFile#MAX_VALUES} values, refused the moment one more arrives, so the tree never grows
     * beyond that (and the text is read once).
     */
    private final class Counted extends com.fasterxml.jackson.core.util.JsonParserDelegate {
        private long values;
        private int depth;
        private int roots;

        Counted(JsonParser p) {
            super(p);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = super.nextToken();
            if (t == null) {
                return null;
            }
            if (depth == 0 && ++roots > 1) {
                throw f.error("", "not valid JSON at line " + currentLocation().getLineNr()
                        + ": more than one value at the top level");
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            } else if (t.isScalarValue() && ++values > BackpropFile.MAX_VALUES) {
                throw f.error("", "more than " + BackpropFile.MAX_VALUES + " values: the file is too large");
            }
            return t;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(com.fasterxml.jackson.core.SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public int nextIntValue(int otherwise) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : otherwise;
        }

        @Override
        public long nextLongValue(long otherwise) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : otherwise;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            throw new IllegalStateException("the file parser never skips");
        }
    }

    private FileFormatException notJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return f.error("", "not valid JSON" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    private BackpropFile build(JsonNode root) throws FileFormatException {
        f.object(root, "", TOP);
        String format = f.text(f.required(root, "", "format"), "format");
        if (!format.equals(BackpropFile.FORMAT) && !format.equals(BackpropFile.FORMAT_V5)
                && !format.equals(BackpropFile.FORMAT_V4)
                && !format.equals(BackpropFile.FORMAT_V3) && !format.equals(BackpropFile.FORMAT_V2)
                && !format.equals(BackpropFile.FORMAT_V1)) {
            throw f.error("format", "expected \"" + BackpropFile.FORMAT + "\" (or the older \"" + BackpropFile.FORMAT_V5
                    + "\", \"" + BackpropFile.FORMAT_V4
                    + "\", \"" + BackpropFile.FORMAT_V3 + "\", \"" + BackpropFile.FORMAT_V2 + "\" or \""
                    + BackpropFile.FORMAT_V1 + "\"), found " + found(root.get("format")));
        }
        v6 = format.equals(BackpropFile.FORMAT);
        optimizers = v6 || format.equals(BackpropFile.FORMAT_V5);
        storedStates = optimizers || format.equals(BackpropFile.FORMAT_V4);
        boolean holdsRuns = storedStates || format.equals(BackpropFile.FORMAT_V3);
        if (!holdsRuns && (root.has("run") || root.has("otherRuns"))) {
            String field = root.has("run") ? "run" : "otherRuns";
            throw f.error(field, "unknown field in a \"" + format + "\" file: runs need \"" + BackpropFile.FORMAT_V3
                    + "\" or later");
        }
        if (format.equals(BackpropFile.FORMAT_V1) && root.has("history")) {
            throw f.error("history", "unknown field in a \"" + BackpropFile.FORMAT_V1 + "\" file: a history needs \""
                    + BackpropFile.FORMAT + "\"");
        }
        BackpropFile shown = run(root);
        if (!root.has("otherRuns")) {
            return shown;
        }
        if (shown.history() == null) {
            throw f.error("otherRuns", "runs need a history in every run");
        }
        JsonNode others = f.array(root.get("otherRuns"), "otherRuns", 1, org.backproplab.session.SessionRecord.MAX_RUNS - 1);
        java.util.List<org.backproplab.session.SessionRecord.Run> runs = new java.util.ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            String path = "otherRuns[" + i + "]";
            f.object(others.get(i), path, OTHER_RUN);
            BackpropFile r;
            try {
                r = run(others.get(i));
            } catch (FileFormatException e) {
                throw f.error(path + (e.field().isEmpty() ? "" : "." + e.field()), e.getMessage().substring(
                        e.getMessage().lastIndexOf(": ") + 2));
            }
            if (r.history() == null) {
                throw f.error(path + ".history", "missing: every run needs its history");
            }
            runs.add(runLink(others.get(i), path, r.history()));
        }
        runs.add(runLink(f.required(root, "", "run"), "run", shown.history()));
        runs.sort(java.util.Comparator.comparingInt(org.backproplab.session.SessionRecord.Run::number));
        int current = runs.indexOf(runs.stream().filter(r -> r.history() == shown.history()).findFirst().orElseThrow());
        try {
            return shown.withSession(new org.backproplab.session.SessionRecord(runs, current));
        } catch (IllegalArgumentException e) {
            throw f.error("otherRuns", e.getMessage());
        }
    }

    private org.backproplab.session.SessionRecord.Run runLink(JsonNode n, String path,
            org.backproplab.session.HistoryRecord h) throws FileFormatException {
        JsonNode link = path.equals("run") ? n : f.required(n, path, "run");
        String p = path.equals("run") ? "run" : path + ".run";
        f.object(link, p, RUN);
        int number = (int) f.integer(f.required(link, p, "number"), p + ".number", 1, 1_000_000);
        int parent = (int) f.integer(f.required(link, p, "parent"), p + ".parent", 0, 1_000_000);
        long forkedAt = f.integer(f.required(link, p, "forkedAt"), p + ".forkedAt", 0, Trainer.MAX_ITERATION);
        return new org.backproplab.session.SessionRecord.Run(number, parent, forkedAt, h);
    }

    /** One run: the scenario, weights, iteration and history (the top level of a file, or an entry of {@code otherRuns}). */
    private BackpropFile run(JsonNode root) throws FileFormatException {
        String name = root.has("name") ? f.text(root.get("name"), "name") : "file";
        String description = root.has("description") ? f.text(root.get("description"), "description") : "";
        int inputSize = inputSize(root);
        List<LayerSpec> specs = layers(root, inputSize);
        TrainingConfig config = training(f.required(root, "", "training"), "training");
        try {
            config.loss().checkOutput(specs.get(specs.size() - 1).activation());
        } catch (IllegalArgumentException e) {
            throw f.error("training.loss", e.getMessage());
        }
        Dataset dataset = dataset(root, inputSize, specs, config.loss());
        long iteration = root.has("iteration") ? f.integer(root.get("iteration"), "iteration", 0, Trainer.MAX_ITERATION) : 0;
        long defaultIterations = root.has("defaultIterations")
                ? f.integer(root.get("defaultIterations"), "defaultIterations", 0, Trainer.MAX_ITERATION)
                : BackpropFile.DEFAULT_ITERATIONS;
        Scenario scenario = new Scenario(name, description, dataset, specs, config, defaultIterations,
                testRows(root.get("dataset"), dataset.size()));
        Network network = network(root, scenario);
        JsonNode h = root.get("history");
        if (h == null) {
            return new BackpropFile(scenario, network, iteration);
        }
        return new BackpropFile(scenario, network, iteration, new HistoryParser(this, f, storedStates, optimizers, v6)
                .parse(h, scenario, network, iteration));
    }

    private int inputSize(JsonNode root) throws FileFormatException {
        JsonNode layers = f.array(f.required(root, "", "layers"), "layers", 2, BackpropFile.MAX_LAYERS + 1);
        f.object(layers.get(0), "layers[0]", INPUT_LAYER);
        return (int) f.integer(f.required(layers.get(0), "layers[0]", "size"), "layers[0].size", 1,
                Network.MAX_PARAMETERS);
    }

    /** The weight layers, after checking that their parameter count is within the limit. */
    private List<LayerSpec> layers(JsonNode root, int inputSize) throws FileFormatException {
        JsonNode layers = root.get("layers");
        List<LayerSpec> specs = new ArrayList<>();
        long params = 0;
        int below = inputSize;
        for (int l = 1; l < layers.size(); l++) {
            String path = index("layers", l);
            JsonNode n = layers.get(l);
            f.object(n, path, WEIGHT_LAYER);
            int size = (int) f.integer(f.required(n, path, "size"), field(path, "size"), 1, Network.MAX_PARAMETERS);
            String act = f.text(f.required(n, path, "activation"), field(path, "activation"));
            Activation a;
            try {
                a = Activation.fromId(act);
            } catch (IllegalArgumentException e) {
                throw f.error(field(path, "activation"), e.getMessage());
            }
            boolean bias = f.bool(f.required(n, path, "bias"), field(path, "bias"));
            params += (long) below * size + (bias ? size : 0);
            if (params > Network.MAX_PARAMETERS) {
                throw f.error(path, "the network would have more than " + Network.MAX_PARAMETERS + " parameters");
            }
            specs.add(new LayerSpec(size, a, bias));
            below = size;
        }
        for (int l = 1; l < layers.size(); l++) {
            LayerSpec spec = specs.get(l - 1);
            try {
                Network.checkSoftmax(l, specs.size(), spec.activation(), spec.size());
            } catch (IllegalArgumentException e) {
                throw f.error(field(index("layers", l), "activation"), e.getMessage());
            }
        }
        return specs;
    }

    TrainingConfig training(JsonNode n, String path) throws FileFormatException {
        f.object(n, path, TRAINING);
        Loss loss;
        Initializer init;
        String lossId = f.text(f.required(n, path, "loss"), field(path, "loss"));
        String initId = f.text(f.required(n, path, "init"), field(path, "init"));
        try {
            loss = Loss.fromId(lossId);
        } catch (IllegalArgumentException e) {
            throw f.error(field(path, "loss"), e.getMessage());
        }
        try {
            init = Initializer.fromId(initId);
        } catch (IllegalArgumentException e) {
            throw f.error(field(path, "init"), e.getMessage());
        }
        double eta = f.number(f.required(n, path, "learningRate"), field(path, "learningRate"));
        if (eta < 0) {
            throw f.error(field(path, "learningRate"), "is " + eta + ": expected a number ≥ 0");
        }
        Optimizer optimizer = optimizer(n, path);
        Regularization regularization = regularization(n, path);
        BatchMode batch = batch(f.required(n, path, "batch"), field(path, "batch"));
        long seed = n.has("seed") ? f.integer(n.get("seed"), field(path, "seed"), Long.MIN_VALUE, Long.MAX_VALUE) : 1L;
        boolean shuffle = n.has("shuffle") && f.bool(n.get("shuffle"), field(path, "shuffle"));
        return new TrainingConfig(loss, eta, batch, optimizer, shuffle, init, seed, regularization);
    }

    /** {@code training.momentum} (every version) or {@code training.optimizer} (version 5), one or neither. */
    private Optimizer optimizer(JsonNode n, String path) throws FileFormatException {
        if (!n.has("optimizer")) {
            double mu = n.has("momentum") ? f.number(n.get("momentum"), field(path, "momentum")) : 0.0;
            if (mu < 0 || mu >= 1) {
                throw f.error(field(path, "momentum"), "is " + mu + ": expected 0 ≤ momentum < 1");
            }
            return mu > 0 ? Optimizer.momentum(mu) : Optimizer.sgd();
        }
        String op = field(path, "optimizer");
        newer(op, "optimizers other than momentum");
        if (n.has("momentum")) {
            throw f.error(field(path, "momentum"), "and " + op + " both given: write μ in " + op);
        }
        JsonNode o = n.get("optimizer");
        f.object(o, op, OPTIMIZER);
        Optimizer.Kind kind = kind(o, op, Optimizer.Kind::fromId);
        Optimizer result = Optimizer.of(kind);
        for (Optimizer.Parameter p : Optimizer.Parameter.values()) {
            if (o.has(p.id()) && !kind.parameters().contains(p)) {
                throw f.error(field(op, p.id()), "is not a parameter of " + kind.title() + ": it has "
                        + (kind.parameters().isEmpty() ? "none" : kind.parameters().stream()
                        .map(Optimizer.Parameter::id).collect(java.util.stream.Collectors.joining(", "))));
            }
            if (o.has(p.id())) {
                String pp = field(op, p.id());
                double x = f.number(o.get(p.id()), pp);
                if (!p.allows(x)) {
                    throw f.error(pp, "is " + x + ": expected " + p.allowed());
                }
                result = p.in(result, x);
            }
        }
        return result;
    }

    /** {@code training.regularization} (version 5): none when absent. */
    private Regularization regularization(JsonNode n, String path) throws FileFormatException {
        if (!n.has("regularization")) {
            return Regularization.NONE;
        }
        String rp = field(path, "regularization");
        newer(rp, "regularization");
        JsonNode r = n.get("regularization");
        f.object(r, rp, REGULARIZATION);
        Regularization.Kind kind = kind(r, rp, Regularization.Kind::fromId);
        double lambda = r.has("lambda") ? f.number(r.get("lambda"), field(rp, "lambda")) : 0.0;
        if (lambda < 0) {
            throw f.error(field(rp, "lambda"), "is " + lambda + ": expected λ ≥ 0");
        }
        return new Regularization(kind, lambda);
    }

    /** The {@code kind} of the object at {@code path}, read by {@code fromId} (whose refusal names what is allowed). */
    private <K> K kind(JsonNode n, String path, java.util.function.Function<String, K> fromId) throws FileFormatException {
        String kp = field(path, "kind");
        try {
            return fromId.apply(f.text(f.required(n, path, "kind"), kp));
        } catch (IllegalArgumentException e) {
            throw f.error(kp, e.getMessage());
        }
    }

    /** Refuses {@code path} in a file older than version 5. */
    private void newer(String path, String what) throws FileFormatException {
        if (!optimizers) {
            throw f.error(path, "unknown field before \"" + BackpropFile.FORMAT_V5 + "\": " + what + " need \""
                    + BackpropFile.FORMAT_V5 + "\" or later");
        }
    }

    private BatchMode batch(JsonNode n, String path) throws FileFormatException {
        if (n.isTextual() && (n.textValue().equals("full") || n.textValue().equals("sample"))) {
            return BatchMode.fromId(n.textValue());
        }
        if (n.isIntegralNumber()) {
            return BatchMode.miniBatch((int) f.integer(n, path, 1, BackpropFile.MAX_SAMPLES));
        }
        throw f.error(path, "expected \"full\", \"sample\" or a batch size of 1 or more, found " + found(n));
    }

    /**
     * @return {@code dataset.testRows}: the rows held out as the test set, ascending, each a row of the data set, at
     *         least one row left to train; empty if the field is absent (files before it, or without a split)
     */
    private int[] testRows(JsonNode dataset, int n) throws FileFormatException {
        JsonNode t = dataset.get("testRows");
        if (t == null) {
            return new int[0];
        }
        String path = "dataset.testRows";
        f.array(t, path, 0, n - 1);
        int[] rows = new int[t.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (int) f.integer(t.get(i), index(path, i), 0, n - 1);
            if (i > 0 && rows[i] <= rows[i - 1]) {
                throw f.error(index(path, i), "is " + rows[i] + " after " + rows[i - 1]
                        + ": expected the rows in ascending order, each once");
            }
        }
        return rows;
    }

    private Dataset dataset(JsonNode root, int in, List<LayerSpec> specs, Loss loss) throws FileFormatException {
        int out = specs.get(specs.size() - 1).size();
        JsonNode d = f.required(root, "", "dataset");
        f.object(d, "dataset", DATASET);
        int n = checkedRows(f.required(d, "dataset", "inputs"), "dataset.inputs", 1, in + out);
        checkWork("dataset.inputs", in, specs, n, "sample");
        double[][] x = f.matrix(d.get("inputs"), "dataset.inputs", n, in);
        double[][] y = f.matrix(f.required(d, "dataset", "targets"), "dataset.targets", n, out);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < out; c++) {
                if (!loss.acceptsTarget(y[r][c])) {
                    throw f.error(index(index("dataset.targets", r), c), "is " + y[r][c] + " but the "
                            + loss.id() + " loss needs targets between 0 and 1");
                }
            }
        }
        List<String> labels = f.texts(d.get("labels"), "dataset.labels", n);
        List<String> inNames = d.has("inputNames") ? f.texts(d.get("inputNames"), "dataset.inputNames", in)
                : Dataset.names("x", in);
        List<String> outNames = d.has("targetNames") ? f.texts(d.get("targetNames"), "dataset.targetNames", out)
                : Dataset.names("y", out);
        int biasColumn = d.has("biasColumn") ? (int) f.integer(d.get("biasColumn"), "dataset.biasColumn", -1, in - 1) : -1;
        double[][] probes = null;
        List<String> probeLabels = List.of();
        JsonNode p = root.get("probes");
        if (p != null && !p.isNull()) {
            f.object(p, "probes", PROBES);
            int m = checkedRows(f.required(p, "probes", "inputs"), "probes.inputs", 0, in);
            checkWork("probes.inputs", in, specs, m, "probe");
            probes = f.matrix(p.get("inputs"), "probes.inputs", m, in);
            probeLabels = f.texts(p.get("labels"), "probes.labels", m);
        }
        List<InputFeature> features = features(d.get("features"), in);
        try {
            return new Dataset(inNames, outNames, x, y, labels, probes, probeLabels, biasColumn, features);
        } catch (IllegalArgumentException e) {
            throw f.error("dataset", e.getMessage());
        }
    }

    /**
     * @return {@code dataset.features}: the derived inputs, the last input columns, each an {@link InputFeature} id
     *         once in the order of {@link InputFeature#ids()}; empty if absent (files before input features)
     */
    private List<InputFeature> features(JsonNode node, int in) throws FileFormatException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        String path = "dataset.features";
        f.array(node, path, 0, Math.min(in, InputFeature.values().length));
        List<InputFeature> list = new java.util.ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String id = f.text(node.get(i), index(path, i));
            try {
                list.add(InputFeature.of(id, index(path, i)));
            } catch (IllegalArgumentException e) {
                throw f.error(index(path, i), "is '" + id + "': expected one of " + InputFeature.ids());
            }
        }
        if (!list.equals(InputFeature.canonical(list))) {
            throw f.error(path, "is " + InputFeature.idList(list) + ": expected each feature once, in the order "
                    + InputFeature.ids());
        }
        return list;
    }

    /** @return the row count of a sample array, refusing sizes beyond the limits before anything is allocated */
    int checkedRows(JsonNode rows, String path, int min, int width) throws FileFormatException {
        f.array(rows, path, min, BackpropFile.MAX_SAMPLES);
        if ((long) rows.size() * width > Trainer.MAX_CELLS) {
            throw f.error(path, rows.size() + " rows of " + width + " values are more than "
                    + Trainer.MAX_CELLS + " numbers");
        }
        return rows.size();
    }

    /**
     * Refuses, before the rows are read, {@code rows} rows that the network of {@code specs} may not work on
     * ({@link WorkLimits}: parameters × rows, and the activations of a pass).
     *
     * @param row "sample" or "probe"
     */
    void checkWork(String path, int in, List<LayerSpec> specs, int rows, String row) throws FileFormatException {
        String refusal = WorkLimits.refusal(in, specs, rows, row);
        if (refusal != null) {
            throw f.error(path, refusal);
        }
    }

    /** The weights and biases of the file, or, when it has neither, fresh ones from the initializer. */
    private Network network(JsonNode root, Scenario s) throws FileFormatException {
        return network(root, "", s, s.createNetwork());
    }

    /**
     * The {@code weights} and {@code biases} of object {@code obj} at {@code path}, or {@code otherwise} when it
     * has neither.
     */
    Network network(JsonNode obj, String path, Scenario s, Network otherwise) throws FileFormatException {
        JsonNode w = obj.get("weights");
        JsonNode b = obj.get("biases");
        if (w == null && b == null) {
            return otherwise;
        }
        String wp = field(path, "weights");
        String bpath = field(path, "biases");
        if (w == null || b == null) {
            throw f.error(w == null ? wp : bpath, "missing (weights and biases come together, or neither)");
        }
        List<LayerSpec> specs = s.layers();
        f.array(w, wp, specs.size(), specs.size());
        f.array(b, bpath, specs.size(), specs.size());
        List<Layer> layers = new ArrayList<>();
        int below = s.dataset().inputSize();
        for (int l = 0; l < specs.size(); l++) {
            LayerSpec spec = specs.get(l);
            Layer layer = new Layer(below, spec.size(), spec.activation(), spec.bias());
            double[][] m = f.matrix(w.get(l), index(wp, l), below, spec.size());
            for (int i = 0; i < below; i++) {
                layer.weights().setRow(i, m[i]);
            }
            String bp = index(bpath, l);
            JsonNode bn = b.get(l);
            if (spec.bias()) {
                if (bn.isNull()) {
                    throw f.error(bp, "expected " + spec.size() + " biases because layers[" + (l + 1)
                            + "].bias is true, found null");
                }
                double[] v = f.vector(bn, bp, spec.size());
                for (int j = 0; j < v.length; j++) {
                    layer.bias().setEntry(j, v[j]);
                }
            } else if (!bn.isNull()) {
                throw f.error(bp, "expected null because layers[" + (l + 1) + "].bias is false, found " + found(bn));
            }
            layers.add(layer);
            below = spec.size();
        }
        return new Network(s.dataset().inputSize(), layers);
    }
}
