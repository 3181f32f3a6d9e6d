package org.backproplab.io;

import static org.backproplab.io.JsonFields.field;
import static org.backproplab.io.JsonFields.found;
import static org.backproplab.io.JsonFields.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Phase;
import org.backproplab.engine.exercise.Quantity;
import org.backproplab.engine.exercise.Scope;
import org.backproplab.engine.problems.Problem;
import org.backproplab.session.Lock;

/**
 * Turns the bytes of a {@value LessonFile#FORMAT} lesson into a {@link LessonFile}, refusing anything malformed
 * with a {@link FileFormatException} that names the field: not JSON, another format, an unknown or missing field,
 * a text too long or with control characters, an unknown preset, lock, scope, number or problem, a starting file
 * that is not a valid session file (its own field named under {@code start.file}), a phase the network does not
 * have, a step with no text.
 */
final class LessonParser {
    private static final Set<String> TOP = Set.of("format", "title", "start", "locked", "steps");
    private static final Set<String> START = Set.of("preset", "learningRate", "seed", "file");
    private static final Set<String> STEP = Set.of("text", "action", "task");
    private static final Set<String> ACTION = Set.of("start", "runTo", "phase", "select");
    private static final Set<String> TASK = Set.of("exercise", "predict", "goal");
    private static final Set<String> EXERCISE = Set.of("answers", "scope", "numbers", "phase");
    private static final Set<String> PREDICT = Set.of("count");
    private static final Set<String> GOAL = Set.of("id", "text", "lossBelow", "testLossBelow", "maxHidden",
            "minIteration", "diverged", "problems", "noProblems");
    private static final int MAX_TASK_COUNT = 100;

    private final String source;
    private final JsonFields f;

    LessonParser(String source) {
        this.source = source;
        this.f = new JsonFields(source);
    }

    LessonFile parse(byte[] bytes) throws FileFormatException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw f.error("", "not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw f.error("", "cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw f.error("", "not JSON: the file is empty");
        }
        if (!root.isObject()) {
            throw f.error("(document)", "expected an object, found " + found(root));
        }
        String format = f.text(f.required(root, "", "format"), "format");
        if (!LessonFile.FORMAT.equals(format)) {
            throw f.error("format", "is " + found(root.get("format")) + ": expected \"" + LessonFile.FORMAT + "\""
                    + (format.startsWith("backprop-lab/") ? " (this is a session file, not a lesson: open it with "
                    + "File → Open)" : ""));
        }
        f.object(root, "", TOP);
        String title = text(root, "", "title", 1, LessonFile.MAX_NAME, false);
        LessonFile.Start start = start(f.required(root, "", "start"), "start");
        Set<Lock> locked = locks(root.get("locked"));
        JsonNode a = f.array(f.required(root, "", "steps"), "steps", 1, LessonFile.MAX_STEPS);
        List<LessonFile.Step> steps = new ArrayList<>(a.size());
        int depth = start.scenario().layers().size();
        for (int i = 0; i < a.size(); i++) {
            LessonFile.Step s = step(a.get(i), index("steps", i), depth);
            if (s.action() != null && s.action().start() != null) {
                depth = s.action().start().scenario().layers().size();
            }
            steps.add(s);
        }
        return new LessonFile(title, start, locked, steps);
    }

    private LessonFile.Start start(JsonNode n, String path) throws FileFormatException {
        f.object(n, path, START);
        if (n.has("file") == n.has("preset")) {
            throw f.error(path, "expected either \"preset\" (a preset's name) or \"file\" (a whole session file), "
                    + (n.has("file") ? "found both" : "found neither"));
        }
        if (n.has("file")) {
            if (n.has("learningRate") || n.has("seed")) {
                throw f.error(field(path, n.has("seed") ? "seed" : "learningRate"),
                        "only with \"preset\": a file states its own training settings");
            }
            String p = field(path, "file");
            f.object(n.get("file"), p, Set.of("format", "name", "description", "layers", "weights", "biases",
                    "training", "dataset", "probes", "iteration", "defaultIterations"));
            BackpropFile file;
            try {
                file = BackpropFile.read(Json.MAPPER.writeValueAsString(n.get("file")), source);
            } catch (FileFormatException e) {
                String prefix = source + ": " + (e.field().isEmpty() ? "" : e.field() + ": ");
                throw f.error(e.field().isEmpty() ? p : field(p, e.field()), e.getMessage().substring(prefix.length()));
            } catch (JsonProcessingException e) {
                throw f.error(p, "cannot be read: " + e.getOriginalMessage());
            }
            return new LessonFile.Start(file.scenario(), file, "file");
        }
        String name = f.text(n.get("preset"), field(path, "preset"));
        Scenario s;
        try {
            s = Presets.get(name);
        } catch (IllegalArgumentException e) {
            throw f.error(field(path, "preset"), "is " + found(n.get("preset")) + ": expected one of "
                    + Presets.names());
        }
        if (n.has("seed")) {
            s = Presets.get(name, f.integer(n.get("seed"), field(path, "seed"), Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (n.has("learningRate")) {
            double eta = f.number(n.get("learningRate"), field(path, "learningRate"));
            if (eta < 0) {
                throw f.error(field(path, "learningRate"), "is " + eta + ": expected a number ≥ 0");
            }
            s = s.withConfig(s.config().withLearningRate(eta));
        }
        return new LessonFile.Start(s, null, "preset " + name);
    }

    private Set<Lock> locks(JsonNode n) throws FileFormatException {
        Set<Lock> out = EnumSet.noneOf(Lock.class);
        if (n == null) {
            return out;
        }
        f.array(n, "locked", 0, Lock.values().length);
        for (int i = 0; i < n.size(); i++) {
            String p = index("locked", i);
            Lock l = Lock.of(f.text(n.get(i), p));
            if (l == null) {
                throw f.error(p, "is " + found(n.get(i)) + ": expected one of " + ids(Lock.values()));
            }
            if (!out.add(l)) {
                throw f.error(p, "is " + found(n.get(i)) + ": already locked");
            }
        }
        return out;
    }

    private LessonFile.Step step(JsonNode n, String path, int depth) throws FileFormatException {
        f.object(n, path, STEP);
        String text = text(n, path, "text", 1, LessonFile.MAX_TEXT, true);
        if (text.isBlank()) {
            throw f.error(field(path, "text"), "is blank: a step says something");
        }
        LessonFile.Action action = n.has("action") ? action(n.get("action"), field(path, "action"), depth) : null;
        if (action != null && action.start() != null) {
            depth = action.start().scenario().layers().size();
        }
        LessonFile.Task task = n.has("task") ? task(n.get("task"), field(path, "task"), depth) : null;
        return new LessonFile.Step(text, action, task);
    }

    private LessonFile.Action action(JsonNode n, String path, int depth) throws FileFormatException {
        f.object(n, path, ACTION);
        if (!n.fieldNames().hasNext()) {
            throw f.error(path, "is empty: expected one or more of " + ACTION);
        }
        LessonFile.Start start = n.has("start") ? start(n.get("start"), field(path, "start")) : null;
        if (start != null) {
            depth = start.scenario().layers().size();
        }
        long runTo = n.has("runTo") ? f.integer(n.get("runTo"), field(path, "runTo"), 0, 1L << 53) : -1;
        String phase = phase(n, path, depth);
        String select = n.has("select") ? text(n, path, "select", 1, 40, false) : null;
        return new LessonFile.Action(start, runTo, phase, select);
    }

    /** @return the phase named in field {@code phase} of {@code n}, one of the network's, or null if absent */
    private String phase(JsonNode n, String path, int depth) throws FileFormatException {
        if (!n.has("phase")) {
            return null;
        }
        String phase = f.text(n.get("phase"), field(path, "phase"));
        List<String> labels = Phase.sequence(depth).stream().map(Phase::label).toList();
        if (!labels.contains(phase)) {
            throw f.error(field(path, "phase"), "is " + found(n.get("phase")) + ": expected one of " + labels
                    + " (the phases of this lesson's network)");
        }
        return phase;
    }

    private LessonFile.Task task(JsonNode n, String path, int depth) throws FileFormatException {
        f.object(n, path, TASK);
        if (n.size() != 1) {
            throw f.error(path, "has " + n.size() + " fields: expected one of " + TASK);
        }
        if (n.has("exercise")) {
            String p = field(path, "exercise");
            JsonNode e = n.get("exercise");
            f.object(e, p, EXERCISE);
            int answers = (int) f.integer(f.required(e, p, "answers"), field(p, "answers"), 1, MAX_TASK_COUNT);
            Scope scope = Scope.NEURON;
            if (e.has("scope")) {
                String s = f.text(e.get("scope"), field(p, "scope"));
                scope = switch (s) {
                    case "neuron" -> Scope.NEURON;
                    case "layer" -> Scope.LAYER;
                    case "phase" -> Scope.PHASE;
                    default -> throw f.error(field(p, "scope"), "is " + found(e.get("scope"))
                            + ": expected one of [neuron, layer, phase]");
                };
            }
            Set<Quantity.Kind> kinds = EnumSet.allOf(Quantity.Kind.class);
            if (e.has("numbers")) {
                String q = field(p, "numbers");
                JsonNode a = f.array(e.get("numbers"), q, 1, Quantity.Kind.values().length);
                kinds = EnumSet.noneOf(Quantity.Kind.class);
                for (int i = 0; i < a.size(); i++) {
                    String id = f.text(a.get(i), index(q, i));
                    Quantity.Kind k = null;
                    for (Quantity.Kind c : Quantity.Kind.values()) {
                        if (c.id().equals(id)) {
                            k = c;
                        }
                    }
                    if (k == null) {
                        throw f.error(index(q, i), "is " + found(a.get(i)) + ": expected one of [z, a, loss, delta, "
                                + "dLdw, dw, w]");
                    }
                    kinds.add(k);
                }
            }
            return new LessonFile.Exercise(answers, scope, kinds, phase(e, p, depth));
        }
        if (n.has("predict")) {
            String p = field(path, "predict");
            f.object(n.get("predict"), p, PREDICT);
            return new LessonFile.Predict((int) f.integer(f.required(n.get("predict"), p, "count"), field(p, "count"),
                    1, MAX_TASK_COUNT));
        }
        return goal(n.get("goal"), field(path, "goal"));
    }

    private LessonFile.Goal goal(JsonNode n, String p) throws FileFormatException {
        f.object(n, p, GOAL);
        String id = text(n, p, "id", 1, LessonFile.MAX_NAME, false);
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw f.error(field(p, "id"), "is " + found(n.get("id")) + ": expected lower-case letters, digits, "
                    + "'.', '_' and '-' (it names the goal in the results)");
        }
        String text = text(n, p, "text", 1, LessonFile.MAX_NAME, false);
        double loss = n.has("lossBelow") ? positive(n.get("lossBelow"), field(p, "lossBelow")) : Double.NaN;
        double test = n.has("testLossBelow") ? positive(n.get("testLossBelow"), field(p, "testLossBelow")) : Double.NaN;
        int hidden = n.has("maxHidden") ? (int) f.integer(n.get("maxHidden"), field(p, "maxHidden"), 1, 1_000_000) : -1;
        long min = n.has("minIteration") ? f.integer(n.get("minIteration"), field(p, "minIteration"), 0, 1L << 53) : -1;
        Boolean diverged = n.has("diverged") ? f.bool(n.get("diverged"), field(p, "diverged")) : null;
        Set<Problem.Kind> problems = problems(n.get("problems"), field(p, "problems"));
        Set<Problem.Kind> none = problems(n.get("noProblems"), field(p, "noProblems"));
        if (Double.isNaN(loss) && Double.isNaN(test) && hidden < 0 && min < 0 && diverged == null
                && problems.isEmpty() && none.isEmpty()) {
            throw f.error(p, "has no condition: expected one or more of lossBelow, testLossBelow, maxHidden, "
                    + "minIteration, diverged, problems, noProblems");
        }
        for (Problem.Kind k : problems) {
            if (none.contains(k)) {
                throw f.error(field(p, "noProblems"), "holds \"" + LessonFile.problemId(k) + "\", which problems "
                        + "asks for: the goal could never be reached");
            }
        }
        return new LessonFile.Goal(id, text, loss, test, hidden, min, diverged, problems, none);
    }

    private double positive(JsonNode n, String path) throws FileFormatException {
        double v = f.number(n, path);
        if (!(v > 0)) {
            throw f.error(path, "is " + v + ": expected a number > 0");
        }
        return v;
    }

    private Set<Problem.Kind> problems(JsonNode n, String path) throws FileFormatException {
        Set<Problem.Kind> out = EnumSet.noneOf(Problem.Kind.class);
        if (n == null) {
            return out;
        }
        f.array(n, path, 1, Problem.Kind.values().length);
        List<String> ids = new ArrayList<>();
        for (Problem.Kind k : Problem.Kind.values()) {
            ids.add(LessonFile.problemId(k));
        }
        for (int i = 0; i < n.size(); i++) {
            String id = f.text(n.get(i), index(path, i));
            int k = ids.indexOf(id);
            if (k < 0) {
                throw f.error(index(path, i), "is " + found(n.get(i)) + ": expected one of " + ids);
            }
            out.add(Problem.Kind.values()[k]);
        }
        return out;
    }

    /** @param lines true to allow line breaks (a step's text) */
    private String text(JsonNode n, String path, String name, int min, int max, boolean lines)
            throws FileFormatException {
        String p = field(path, name);
        String t = f.text(f.required(n, path, name), p);
        String problem = ResultsFile.problem(lines ? t.replace('\n', ' ').replace('\t', ' ') : t, min, max);
        if (problem != null) {
            throw f.error(p, problem);
        }
        return t;
    }

    private static List<String> ids(Lock[] locks) {
        List<String> out = new ArrayList<>();
        for (Lock l : locks) {
            out.add(l.id());
        }
        return out;
    }
}
