package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.backproplab.io.ClassSummary;
import org.backproplab.io.ResultsFile;
import org.backproplab.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grade FOLDER [--json]}: reads every results file the students saved into a folder
 * ({@link ClassSummary#read}) and prints the class summary: per task the share of answers right and the mistakes
 * diagnosed most often, per student the totals, and each file skipped with why. Exit status 2 if the folder cannot
 * be read or holds no results file.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Summarise a class's results: reads every file in FOLDER as a results file (the app saves them as *"
                + ResultsFile.EXTENSION + ").",
            "Per task (symbol and phase): the share of answers right and the most common diagnosed mistakes; "
                    + "per student: the totals. Malformed or foreign files are listed as skipped, with the reason.",
            "Bounds: at most " + ClassSummary.MAX_FILES + " files in FOLDER (sub-folders and hidden files are not "
                    + "read), each at most 1 MiB and " + ResultsFile.MAX_TASKS + " tasks. A session saved twice "
                    + "counts once."})
final class GradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "the folder of results files")
    Path folder;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ClassSummary s = ClassSummary.read(folder);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(s.toJson());
        } else {
            print(out, s);
        }
        out.flush();
        if (s.read() == 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("backprop-lab: no results files in " + TerminalText.escape(folder.toString())
                    + " (they end in " + ResultsFile.EXTENSION + ")");
            err.flush();
            return BackpropLabCli.USER_ERROR;
        }
        return 0;
    }

    private static void print(PrintWriter out, ClassSummary s) {
        out.printf("Class results: %d results %s from %d %s, %d skipped%n", s.read(), s.read() == 1 ? "file" : "files",
                s.students().size(), s.students().size() == 1 ? "student" : "students", s.skipped().size());
        ResultsFile.Kind kind = null;
        for (ClassSummary.TaskLine t : s.tasks()) {
            if (t.kind() != kind) {
                kind = t.kind();
                out.printf("%n%s%n", switch (kind) {
                    case ANSWER -> "Numbers worked out (symbol, phase: answers right)";
                    case PREDICTION -> "Predictions (question, phase: predictions right)";
                    case GOAL -> "Goals (goal, phase: attempts that reached it)";
                });
            }
            out.printf(Locale.ROOT, "  %s (%s): %d of %d right (%.0f %%), %d %s%s%n", TerminalText.escape(t.symbol()),
                    TerminalText.escape(t.phase()), t.right(), t.answers(), 100 * t.share(), t.students(),
                    t.students() == 1 ? "student" : "students", t.mistakes().isEmpty() ? ""
                            : "; most common mistakes: " + t.mistakes().stream().map(m -> ResultsFile.mistakeId(
                                    m.mistake()) + " ×" + m.count() + " (" + m.mistake().description() + ")")
                                    .collect(Collectors.joining(", ")));
        }
        if (!s.students().isEmpty()) {
            out.printf("%nStudents%n");
        }
        for (ClassSummary.StudentLine st : s.students()) {
            out.printf("  %s: numbers %d of %d right, predictions %d of %d right, goals %d of %d reached%s%n",
                    TerminalText.escape(st.student()), st.answersRight(), st.answers(), st.predictionsRight(),
                    st.predictions(), st.goalsReached(), st.goals(), st.files() > 1 ? " (" + st.files() + " files)" : "");
        }
        if (!s.skipped().isEmpty()) {
            out.println();
        }
        for (ClassSummary.Skipped k : s.skipped()) {
            out.printf("skipped: %s: %s%n", TerminalText.escape(k.file()), TerminalText.escape(k.reason()));
        }
    }
}
