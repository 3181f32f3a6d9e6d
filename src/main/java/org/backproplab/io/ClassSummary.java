package org.backproplab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.backproplab.engine.exercise.Mistake;

/**
 * A class's results, summed from a folder of {@link ResultsFile}s: per task (symbol and phase) how many answers
 * were right and the mistakes most often diagnosed, per student the totals, and the files skipped with why.
 *
 * @param tasks    one line per task, in the order of the phases (forward, loss, backward, update), then by symbol
 * @param students one line per student, by name
 * @param read     how many results files were counted (one per session)
 * @param skipped  the files not read, by name, with the reason
 */
public record ClassSummary(List<TaskLine> tasks, List<StudentLine> students, int read, List<Skipped> skipped) {
    /** The most entries of a folder that are looked at. */
    public static final int MAX_FILES = 1_000;
    /** The most diagnosed mistakes named per task. */
    public static final int MOST_COMMON = 3;

    /**
     * One task over the whole class.
     *
     * @param kind     answer, prediction or goal
     * @param symbol   what was asked, e.g. {@code delta-h1}
     * @param phase    its phase, e.g. {@code backward 2}
     * @param answers  how many answers were given (every attempt counts)
     * @param right    how many of them were right
     * @param students how many students answered it
     * @param mistakes the mistakes diagnosed most often, most common first (at most {@value #MOST_COMMON})
     */
    public record TaskLine(ResultsFile.Kind kind, String symbol, String phase, int answers, int right, int students,
                           List<MistakeCount> mistakes) {
        /** @return the share of answers right, 0..1 */
        public double share() {
            return answers == 0 ? 0 : (double) right / answers;
        }
    }

    /** A mistake and how often it was diagnosed. */
    public record MistakeCount(Mistake mistake, int count) {
    }

    /** A student's totals over every file of theirs, by kind of task: {@code right} of {@code total}. */
    public record StudentLine(String student, int files, int answers, int answersRight, int predictions,
                              int predictionsRight, int goals, int goalsReached) {
    }

    /** A file not read, and why, e.g. {@code notes.txt}: "not JSON: …". */
    public record Skipped(String file, String reason) {
    }

    /**
     * Reads every entry of {@code folder} (not its sub-folders, not hidden files) as a results file; an entry that
     * is not one (malformed, another format, too large, a folder) is skipped with the reason. Two files of one
     * session (same student, lesson and start, e.g. saved by hand and automatically) count once: the one with more
     * tasks.
     *
     * @throws IOException naming the folder if it is not a folder, cannot be listed, or holds more than
     *                     {@value #MAX_FILES} entries
     */
    public static ClassSummary read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw Files.exists(folder) ? new IOException(folder + " is not a folder")
                    : new java.nio.file.NoSuchFileException(folder.toString(), null, "no such folder");
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                if (p.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (entries.size() == MAX_FILES) {
                    throw new IOException(folder + " holds more than " + MAX_FILES
                            + " files: grade at most " + MAX_FILES + " at a time (one folder per class or lesson)");
                }
                entries.add(p);
            }
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Named> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                skipped.add(new Skipped(name, "a folder (grade does not look inside folders)"));
                continue;
            }
            try {
                files.add(new Named(name, ResultsFile.read(p)));
            } catch (FileFormatException e) {
                String m = e.getMessage();
                skipped.add(new Skipped(name, m.startsWith(name + ": ") ? m.substring(name.length() + 2) : m));
            } catch (org.backproplab.data.BoundedRead.Refused e) {
                skipped.add(new Skipped(name, e.problem()));
            } catch (IOException e) {
                skipped.add(new Skipped(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return of(files, skipped);
    }

    /** A results file and its name. */
    public record Named(String file, ResultsFile results) {
    }

    /** @return the summary of {@code files}; {@code skipped} are listed with those of the same session dropped */
    public static ClassSummary of(List<Named> files, List<Skipped> skipped) {
        Map<List<Object>, Named> sessions = new LinkedHashMap<>();
        List<Skipped> all = new ArrayList<>(skipped);
        for (Named n : files) {
            ResultsFile r = n.results();
            List<Object> key = List.of(r.student().strip(), r.lesson(), r.started());
            Named kept = sessions.get(key);
            if (kept == null) {
                sessions.put(key, n);
                continue;
            }
            Named winner = kept.results().tasks().size() >= r.tasks().size() ? kept : n;
            sessions.put(key, winner);
            all.add(new Skipped((winner == kept ? n : kept).file(), "the same session as " + winner.file()
                    + ", which has as many tasks or more: counted once"));
        }
        Map<List<Object>, Tally> byTask = new TreeMap<>(ClassSummary::compareTasks);
        Map<String, StudentTally> byStudent = new TreeMap<>();
        for (Named n : sessions.values()) {
            String student = n.results().student().strip();
            StudentTally st = byStudent.computeIfAbsent(student, s -> new StudentTally());
            st.files++;
            for (ResultsFile.Task t : n.results().tasks()) {
                Tally tally = byTask.computeIfAbsent(List.of(t.kind(), t.phase(), t.symbol()), k -> new Tally());
                tally.answers++;
                tally.right += t.right() ? 1 : 0;
                tally.students.add(student);
                if (t.diagnosis() != null) {
                    tally.mistakes.merge(t.diagnosis(), 1, Integer::sum);
                }
                st.add(t);
            }
        }
        List<TaskLine> lines = new ArrayList<>();
        byTask.forEach((k, t) -> lines.add(new TaskLine((ResultsFile.Kind) k.get(0), (String) k.get(2),
                (String) k.get(1), t.answers, t.right, t.students.size(), t.mostCommon())));
        List<StudentLine> students = new ArrayList<>();
        byStudent.forEach((name, s) -> students.add(new StudentLine(name, s.files, s.totals[0], s.rights[0],
                s.totals[1], s.rights[1], s.totals[2], s.rights[2])));
        all.sort(Comparator.comparing(Skipped::file));
        return new ClassSummary(lines, students, sessions.size(), all);
    }

    /** Tasks by kind, then in the order of the phases of an iteration, then by symbol. */
    private static int compareTasks(List<Object> a, List<Object> b) {
        int c = ((ResultsFile.Kind) a.get(0)).compareTo((ResultsFile.Kind) b.get(0));
        if (c == 0) {
            c = Integer.compare(phaseRank((String) a.get(1)), phaseRank((String) b.get(1)));
        }
        if (c == 0) {
            c = ((String) a.get(1)).compareTo((String) b.get(1));
        }
        return c != 0 ? c : ((String) a.get(2)).compareTo((String) b.get(2));
    }

    /** @return where a phase ({@code forward 1}, {@code loss}, {@code backward 2}, {@code update}) comes in an iteration */
    static int phaseRank(String phase) {
        String[] w = phase.split(" ");
        int layer = 0;
        if (w.length == 2 && w[1].matches("\\d{1,4}")) {
            layer = Integer.parseInt(w[1]);
        }
        return switch (w[0]) {
            case "forward" -> layer;
            case "loss" -> 10_000;
            case "backward" -> 20_000 - layer;
            case "update" -> 30_000;
            default -> 40_000;
        };
    }

    private static final class Tally {
        int answers;
        int right;
        final Set<String> students = new HashSet<>();
        final Map<Mistake, Integer> mistakes = new TreeMap<>();

        List<MistakeCount> mostCommon() {
            return mistakes.entrySet().stream()
                    .sorted(Map.Entry.<Mistake, Integer>comparingByValue().reversed())
                    .limit(MOST_COMMON).map(e -> new MistakeCount(e.getKey(), e.getValue())).toList();
        }
    }

    private static final class StudentTally {
        int files;
        final int[] totals = new int[3];
        final int[] rights = new int[3];

        void add(ResultsFile.Task t) {
            totals[t.kind().ordinal()]++;
            rights[t.kind().ordinal()] += t.right() ? 1 : 0;
        }
    }

    /** @return the summary as JSON text (the fields as in the records above; a mistake by its id), with a newline */
    public String toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("read", read);
        ArrayNode ts = root.putArray("tasks");
        for (TaskLine t : tasks) {
            ObjectNode o = ts.addObject().put("kind", t.kind().id()).put("symbol", t.symbol()).put("phase", t.phase())
                    .put("answers", t.answers()).put("right", t.right()).put("students", t.students());
            ArrayNode ms = o.putArray("mistakes");
            for (MistakeCount m : t.mistakes()) {
                ms.addObject().put("mistake", ResultsFile.mistakeId(m.mistake())).put("count", m.count())
                        .put("description", m.mistake().description());
            }
        }
        ArrayNode ss = root.putArray("students");
        for (StudentLine s : students) {
            ss.addObject().put("student", s.student()).put("files", s.files())
                    .put("answers", s.answers()).put("answersRight", s.answersRight())
                    .put("predictions", s.predictions()).put("predictionsRight", s.predictionsRight())
                    .put("goals", s.goals()).put("goalsReached", s.goalsReached());
        }
        ArrayNode sk = root.putArray("skipped");
        for (Skipped s : skipped) {
            sk.addObject().put("file", s.file()).put("reason", s.reason());
        }
        return Json.pretty(root);
    }
}
