package org.backproplab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.backproplab.data.BoundedRead;
import org.backproplab.data.Scenario;
import org.backproplab.engine.exercise.Quantity;
import org.backproplab.engine.exercise.Scope;
import org.backproplab.engine.problems.Problem;
import org.backproplab.session.Lock;

/**
 * A lesson a teacher writes: a starting state, the controls it locks, and a sequence of steps, each with a short
 * text, an optional action the app performs and an optional task the app checks. The JSON format {@value #FORMAT}
 * is described in {@code docs/lessons.md}; {@link LessonParser} reads it, refusing anything malformed with a
 * message naming the field.
 *
 * @param title  the lesson's title, e.g. "XOR from scratch" (1 to {@value #MAX_NAME} characters)
 * @param start  the state the lesson starts from
 * @param locked the controls locked for the whole lesson
 * @param steps  1 to {@value #MAX_STEPS} steps, in order
 */
public record LessonFile(String title, Start start, Set<Lock> locked, List<Step> steps) {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "backprop-lab-lesson/1";
    /** The largest lesson read: 4 MiB (a starting state written in full may hold a data set). */
    public static final long MAX_BYTES = 4L << 20;
    /** The most steps a lesson may have. */
    public static final int MAX_STEPS = 200;
    /** The longest title, goal id or goal text. */
    public static final int MAX_NAME = 200;
    /** The longest step text. */
    public static final int MAX_TEXT = 4_000;

    public LessonFile {
        locked = Set.copyOf(locked);
        steps = List.copyOf(steps);
    }

    /**
     * A starting state: a preset (with η or the seed changed if asked), or a whole file in today's format.
     *
     * @param scenario  the scenario
     * @param file      the file's weights and iteration, or null for a preset (fresh weights from its seed)
     * @param name      where it comes from, for messages: {@code preset xor} or {@code file}
     */
    public record Start(Scenario scenario, BackpropFile file, String name) {
    }

    /**
     * One step of a lesson.
     *
     * @param text   what the step says (a small Markdown: *emphasis*, **strong**, lists, formulas as text)
     * @param action what the app does when the step is shown, or null
     * @param task   what the student does before going on, or null
     */
    public record Step(String text, Action action, Task task) {
    }

    /**
     * What the app does when a step is shown, in this order: start again from {@code start}, run to iteration
     * {@code runTo}, step phases until {@code phase} is next, select neuron {@code select}.
     *
     * @param start  a new starting state, or null
     * @param runTo  the iteration to run to, or −1
     * @param phase  the phase to stop before, e.g. {@code backward 2}, or null
     * @param select the neuron to select by its name on the graph, e.g. {@code h2} or {@code ŷ}, or null
     */
    public record Action(Start start, long runTo, String phase, String select) {
    }

    /** What the student does before the lesson goes on: an exercise, a prediction or a goal. */
    public sealed interface Task permits Exercise, Predict, Goal {
    }

    /**
     * Check my working: {@code answers} numbers worked out right in this step.
     *
     * @param answers how many right answers the step needs (1 to 100)
     * @param scope   which numbers are asked for
     * @param numbers the kinds of number asked for
     * @param phase   only answers of this phase count, e.g. {@code backward 2}; null: any phase
     */
    public record Exercise(int answers, Scope scope, Set<Quantity.Kind> numbers, String phase) implements Task {
        public Exercise {
            numbers = Set.copyOf(numbers);
        }
    }

    /**
     * Predict, then reveal: {@code count} predictions made and revealed in this step.
     *
     * @param count how many (1 to 100)
     */
    public record Predict(int count) implements Task {
    }

    /**
     * A goal the app checks on every state the session shows; reached when every condition given holds at once.
     *
     * @param id            its id in the results, e.g. {@code loss-under-0.05}
     * @param text          the goal as the student reads it
     * @param lossBelow     the training loss must be under this, or NaN
     * @param testLossBelow the test loss must be under this, or NaN
     * @param maxHidden     at most this many hidden neurons in all, or −1
     * @param minIteration  at least this many iterations trained, or −1
     * @param diverged      true: the loss must have diverged; false: it must not have; null: either
     * @param problems      training problems that must be found
     * @param noProblems    training problems that must not be found
     */
    public record Goal(String id, String text, double lossBelow, double testLossBelow, int maxHidden,
                       long minIteration, Boolean diverged, Set<Problem.Kind> problems, Set<Problem.Kind> noProblems)
            implements Task {
        public Goal {
            problems = Set.copyOf(problems);
            noProblems = Set.copyOf(noProblems);
        }
    }

    /** @return the id of a problem kind in lesson files, e.g. {@code dead-relu} */
    public static String problemId(Problem.Kind k) {
        return k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a lesson of at most {@link #MAX_BYTES} through {@link BoundedRead}.
     *
     * @throws FileFormatException naming the field if it is not a valid {@value #FORMAT} lesson or is too large
     * @throws IOException         naming the path if it is not a regular file or cannot be read
     */
    public static LessonFile read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = BoundedRead.readAllBytes(path, MAX_BYTES);
        } catch (BoundedRead.TooLarge e) {
            throw new FileFormatException(path.getFileName().toString(), "", "the file " + e.problem());
        }
        return new LessonParser(path.getFileName().toString()).parse(bytes);
    }

    /**
     * @param json   the text of a lesson
     * @param source where it came from, for messages
     * @throws FileFormatException naming the field if the text is not a valid {@value #FORMAT} lesson
     */
    public static LessonFile read(String json, String source) throws FileFormatException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new FileFormatException(source, "", "the text has " + bytes.length + " bytes: at most " + MAX_BYTES
                    + " are allowed");
        }
        return new LessonParser(source).parse(bytes);
    }
}
