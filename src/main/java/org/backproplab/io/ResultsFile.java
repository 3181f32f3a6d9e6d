package org.backproplab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.backproplab.data.BoundedRead;
import org.backproplab.engine.exercise.Mistake;

/**
 * A student's results: each number worked out, each prediction and each goal reached, graded. The JSON format
 * {@value #FORMAT} is described in {@code docs/results-format.md}; {@link ResultsParser} reads it back, refusing
 * anything malformed with a message naming the field.
 *
 * @param student the student's name as typed (1 to {@value #MAX_NAME} characters, no control characters)
 * @param lesson  what the session started from: a lesson, a file's or a preset's name (same rules as the name)
 * @param started when the session started (two files of one session, saved twice, have the same one)
 * @param tasks   what was asked and answered, in order (at most {@value #MAX_TASKS})
 */
public record ResultsFile(String student, String lesson, Instant started, List<Task> tasks) {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "backprop-lab-results/1";
    /** How the file names of results end. */
    public static final String EXTENSION = ".backprop-results.json";
    /** The largest results file read: 1 MiB. */
    public static final long MAX_BYTES = 1L << 20;
    /** The most tasks a file may hold. */
    public static final int MAX_TASKS = 5_000;
    /** The longest name, lesson, symbol or answer text. */
    public static final int MAX_NAME = 200;
    /** The longest question text. */
    public static final int MAX_TEXT = 1_000;

    /** What kind of task. */
    public enum Kind {
        /** A number worked out by hand (check my working). */
        ANSWER,
        /** A prediction before a phase ran (predict, then reveal). */
        PREDICTION,
        /** A goal of a lesson, reached or not. */
        GOAL;

        /** @return its name in the file: {@code answer}, {@code prediction}, {@code goal} */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One task, graded.
     *
     * @param kind      what kind of task
     * @param symbol    what was asked, as the answer field's id names it: {@code delta-h1}, {@code dLdw-x1-h1};
     *                  for a prediction its kind, e.g. {@code weight-direction}
     * @param asked     the same as people read it on the graph: {@code δ h1}, or the question's text
     * @param phase     the phase it belongs to, e.g. {@code backward 2}
     * @param iteration the iteration it belongs to (0 or more)
     * @param answer    what the student typed or chose, as typed
     * @param right     true if it was graded right
     * @param diagnosis the mistake a wrong answer agrees with, or null
     * @param time      when it was graded
     */
    public record Task(Kind kind, String symbol, String asked, String phase, long iteration, String answer,
                       boolean right, Mistake diagnosis, Instant time) {
        /** @throws IllegalArgumentException naming the value if a text is too long or has a control character */
        public Task {
            checkText("symbol", symbol, 1, MAX_NAME);
            checkText("asked", asked, 1, MAX_TEXT);
            checkText("phase", phase, 1, MAX_NAME);
            checkText("answer", answer, 0, MAX_NAME);
            if (iteration < 0) {
                throw new IllegalArgumentException("iteration " + iteration + " is not allowed: expected 0 or more");
            }
            if (diagnosis != null && right) {
                throw new IllegalArgumentException("a right answer has no diagnosis, found " + mistakeId(diagnosis));
            }
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(time, "time");
        }

        /** @return the task's key in a class summary: its symbol and phase, e.g. {@code delta-h1 (backward 2)} */
        public String key() {
            return symbol + " (" + phase + ")";
        }
    }

    /** @throws IllegalArgumentException naming the value if a name or a task is not allowed */
    public ResultsFile {
        checkText("student", student, 1, MAX_NAME);
        checkText("lesson", lesson, 1, MAX_NAME);
        java.util.Objects.requireNonNull(started, "started");
        tasks = List.copyOf(tasks);
        if (tasks.size() > MAX_TASKS) {
            throw new IllegalArgumentException(tasks.size() + " tasks: at most " + MAX_TASKS + " are allowed");
        }
    }

    /** @return this file with one more task */
    public ResultsFile with(Task t) {
        List<Task> all = new java.util.ArrayList<>(tasks);
        all.add(t);
        return new ResultsFile(student, lesson, started, all);
    }

    /** @return this file under another student's name */
    public ResultsFile by(String name) {
        return new ResultsFile(name, lesson, started, tasks);
    }

    /** @return a mistake's id in the file, e.g. {@code eta-forgotten} */
    public static String mistakeId(Mistake m) {
        return m.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the mistake of id {@code id} (see {@link #mistakeId}), or null if there is none */
    public static Mistake mistake(String id) {
        for (Mistake m : Mistake.values()) {
            if (mistakeId(m).equals(id)) {
                return m;
            }
        }
        return null;
    }

    /**
     * @return why {@code text} is not allowed as field {@code field} (null: it is), e.g.
     *         {@code "has 0 characters: expected 1..200"}
     */
    static String problem(String text, int min, int max) {
        if (text == null) {
            return "missing";
        }
        if (text.length() < min || text.length() > max) {
            return "has " + text.length() + " characters: expected " + min + ".." + max;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return "has a control character (U+" + String.format(Locale.ROOT, "%04X", (int) text.charAt(i))
                        + ") at " + (i + 1) + ": not allowed";
            }
        }
        return null;
    }

    private static void checkText(String field, String text, int min, int max) {
        String p = problem(text, min, max);
        if (p != null) {
            throw new IllegalArgumentException(field + " " + p);
        }
    }

    /**
     * @return a file name for these results, {@code <name>-<lesson>-<date><extra>.backprop-results.json}, with
     *         the characters that are not letters, digits, '.', '_' or '-' turned into '_'
     */
    public String fileName(String date) {
        return safe(student) + "-" + safe(lesson) + "-" + date + EXTENSION;
    }

    private static String safe(String s) {
        String t = s.strip().replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        return t.length() > 60 ? t.substring(0, 60) : t;
    }

    /** @return the file as JSON text, ending with a newline */
    public String toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("student", student);
        root.put("lesson", lesson);
        root.put("started", started.toString());
        ArrayNode a = root.putArray("tasks");
        for (Task t : tasks) {
            ObjectNode o = a.addObject();
            o.put("kind", t.kind().id());
            o.put("symbol", t.symbol());
            o.put("asked", t.asked());
            o.put("phase", t.phase());
            o.put("iteration", t.iteration());
            o.put("answer", t.answer());
            o.put("right", t.right());
            if (t.diagnosis() != null) {
                o.put("diagnosis", mistakeId(t.diagnosis()));
            }
            o.put("time", t.time().toString());
        }
        return Json.pretty(root);
    }

    /**
     * Writes the file atomically ({@link AtomicFiles}): a reader never sees half a file, a failed write leaves the
     * old file in place.
     *
     * @throws IOException naming the path if it cannot be written
     */
    public void write(Path path) throws IOException {
        AtomicFiles.writeString(path, toJson());
    }

    /**
     * Reads a results file of at most {@link #MAX_BYTES} through {@link BoundedRead}.
     *
     * @throws FileFormatException naming the field if it is not a valid {@value #FORMAT} file or is too large
     * @throws IOException         naming the path if it is not a regular file or cannot be read
     */
    public static ResultsFile read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = BoundedRead.readAllBytes(path, MAX_BYTES);
        } catch (BoundedRead.TooLarge e) {
            throw new FileFormatException(path.getFileName().toString(), "", "the file " + e.problem());
        }
        return new ResultsParser(path.getFileName().toString()).parse(bytes);
    }
}
