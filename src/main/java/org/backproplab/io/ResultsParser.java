package org.backproplab.io;

import static org.backproplab.io.JsonFields.field;
import static org.backproplab.io.JsonFields.found;
import static org.backproplab.io.JsonFields.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backproplab.engine.exercise.Mistake;

/**
 * Turns the bytes of a {@value ResultsFile#FORMAT} file into a {@link ResultsFile}, refusing anything malformed
 * with a {@link FileFormatException} that names the field: not JSON, another format, an unknown or missing field,
 * a text too long or with control characters, an unknown kind or mistake, a time that is not ISO-8601.
 */
final class ResultsParser {
    private static final Set<String> TOP = Set.of("format", "student", "lesson", "started", "tasks");
    private static final Set<String> TASK = Set.of("kind", "symbol", "asked", "phase", "iteration", "answer",
            "right", "diagnosis", "time");

    private final JsonFields f;

    ResultsParser(String source) {
        this.f = new JsonFields(source);
    }

    ResultsFile parse(byte[] bytes) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw f.error("", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw f.error("", "not JSON: the file is empty");
        }
        if (!root.isObject()) {
            throw f.error("(document)", "expected an object, found " + found(root));
        }
        // the format first: a file of another kind is named as such, not as one with unknown fields
        String format = f.text(f.required(root, "", "format"), "format");
        if (!ResultsFile.FORMAT.equals(format)) {
            throw f.error("format", "is " + found(root.get("format")) + ": expected \"" + ResultsFile.FORMAT + "\""
                    + (format.startsWith("backprop-lab/") ? " (this is a session file, not results)" : ""));
        }
        f.object(root, "", TOP);
        String student = text(root, "", "student", 1, ResultsFile.MAX_NAME);
        String lesson = text(root, "", "lesson", 1, ResultsFile.MAX_NAME);
        Instant started = time(root, "", "started");
        JsonNode a = f.array(f.required(root, "", "tasks"), "tasks", 0, ResultsFile.MAX_TASKS);
        List<ResultsFile.Task> tasks = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            tasks.add(task(a.get(i), index("tasks", i)));
        }
        return new ResultsFile(student, lesson, started, tasks);
    }

    private ResultsFile.Task task(JsonNode n, String path) throws FileFormatException {
        f.object(n, path, TASK);
        String kindText = text(n, path, "kind", 1, ResultsFile.MAX_NAME);
        ResultsFile.Kind kind = null;
        for (ResultsFile.Kind k : ResultsFile.Kind.values()) {
            if (k.id().equals(kindText)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw f.error(field(path, "kind"), "is " + found(n.get("kind")) + ": expected one of answer, prediction, goal");
        }
        boolean right = f.bool(f.required(n, path, "right"), field(path, "right"));
        Mistake diagnosis = null;
        JsonNode d = n.get("diagnosis");
        if (d != null) {
            String id = f.text(d, field(path, "diagnosis"));
            diagnosis = ResultsFile.mistake(id);
            if (diagnosis == null) {
                List<String> ids = new ArrayList<>();
                for (Mistake m : Mistake.values()) {
                    ids.add(ResultsFile.mistakeId(m));
                }
                throw f.error(field(path, "diagnosis"), "is " + found(d) + ": expected one of " + ids);
            }
            if (right) {
                throw f.error(field(path, "diagnosis"), "is " + found(d) + ": a right answer has no diagnosis");
            }
        }
        return new ResultsFile.Task(kind, text(n, path, "symbol", 1, ResultsFile.MAX_NAME),
                text(n, path, "asked", 1, ResultsFile.MAX_TEXT), text(n, path, "phase", 1, ResultsFile.MAX_NAME),
                f.integer(f.required(n, path, "iteration"), field(path, "iteration"), 0, Long.MAX_VALUE),
                text(n, path, "answer", 0, ResultsFile.MAX_NAME), right, diagnosis, time(n, path, "time"));
    }

    private String text(JsonNode n, String path, String name, int min, int max) throws FileFormatException {
        String p = field(path, name);
        String t = f.text(f.required(n, path, name), p);
        String problem = ResultsFile.problem(t, min, max);
        if (problem != null) {
            throw f.error(p, problem);
        }
        return t;
    }

    private Instant time(JsonNode n, String path, String name) throws FileFormatException {
        String p = field(path, name);
        String t = f.text(f.required(n, path, name), p);
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw f.error(p, "is " + found(n.get(name)) + ": expected a UTC time such as \"2026-03-02T10:15:30Z\"");
        }
    }
}
