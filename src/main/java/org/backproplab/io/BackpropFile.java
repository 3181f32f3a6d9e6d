package org.backproplab.io;

import java.io.IOException;
import java.nio.file.Path;
import org.backproplab.data.BoundedRead;
import org.backproplab.data.Scenario;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.TrainerState;
import org.backproplab.session.HistoryRecord;

/**
 * A saved network: the scenario (data set, layer shapes, training settings), the weights and biases, and
 * how many updates they have had. The JSON format {@value #FORMAT} is described in
 * {@code docs/file-format.md}.
 *
 * @param scenario  data set, layers and training configuration
 * @param network   the weights and biases, of the scenario's shape (copied, never shared)
 * @param iteration how many updates the weights have had
 * @param history   the session's history (loss of every iteration, edits, where it started), or null: the
 *                  window saves it, the command line does not; version 1 files have none
 */
public record BackpropFile(Scenario scenario, Network network, long iteration, HistoryRecord history,
                           org.backproplab.session.SessionRecord session) {
    /** The value of the {@code format} field that is written. */
    public static final String FORMAT = "backprop-lab/6";
    /** The format before runs of other hidden activations and the penalty of every iteration. Still read. */
    public static final String FORMAT_V5 = "backprop-lab/5";
    /** The format before optimisers other than momentum, regularization and their stored memory. Still read. */
    public static final String FORMAT_V4 = "backprop-lab/4";
    /** The format before stored trainer states (a history is rebuilt by replay). Still read. */
    public static final String FORMAT_V3 = "backprop-lab/3";
    /** The format before runs: one history. Still read. */
    public static final String FORMAT_V2 = "backprop-lab/2";
    /** The older format, still read (no history). */
    public static final String FORMAT_V1 = "backprop-lab/1";
    /** The largest file {@link #read(Path)} accepts: 64 MiB. */
    public static final long MAX_BYTES = 64L << 20;
    /** The most numbers, strings and other scalar values a file may hold. */
    public static final long MAX_VALUES = 4_000_000L;
    /** The most samples (and the most probes) a file may hold. */
    public static final int MAX_SAMPLES = 1_000_000;
    /** The most weight layers a file may declare. */
    public static final int MAX_LAYERS = 1_000;
    /** The {@code defaultIterations} of a file that does not say. */
    public static final long DEFAULT_ITERATIONS = 1_000;

    /**
     * @throws IllegalArgumentException if the network does not have the scenario's shape or the iteration is
     *                                  negative
     */
    public BackpropFile {
        if (history != null && (history.iteration() != iteration || !history.scenario().layers().equals(scenario.layers()))) {
            throw new IllegalArgumentException("the history shows iteration " + history.iteration() + " of "
                    + history.scenario().layers() + " but the file holds iteration " + iteration + " of " + scenario.layers());
        }
        if (network.inputSize() != scenario.dataset().inputSize() || !network.specs().equals(scenario.layers())) {
            throw new IllegalArgumentException("the network " + network.specs() + " does not have the shape of scenario '"
                    + scenario.name() + "' " + scenario.layers());
        }
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration " + iteration + " is not allowed: expected 0 or more");
        }
        network = network.copy();
    }

    /** A file without a history. */
    public BackpropFile(Scenario scenario, Network network, long iteration) {
        this(scenario, network, iteration, null, null);
    }

    /** A file of one run. */
    public BackpropFile(Scenario scenario, Network network, long iteration, HistoryRecord history) {
        this(scenario, network, iteration, history, null);
    }

    /** @return a file of every run of a session: the run on show at the top, the others in {@code otherRuns} */
    public static BackpropFile of(org.backproplab.session.SessionRecord session) {
        HistoryRecord h = session.shown();
        return new BackpropFile(h.scenario(), h.current().network(), h.iteration(), h, session);
    }

    /** @return this file with the runs of {@code s} (whose run on show is this file's history) */
    BackpropFile withSession(org.backproplab.session.SessionRecord s) {
        return new BackpropFile(scenario, network, iteration, history, s);
    }

    /** @return every run to open: the saved runs, or this file's one history (or state) as the only run */
    public org.backproplab.session.SessionRecord sessionOrState() {
        return session != null ? session : org.backproplab.session.SessionRecord.of(historyOrState());
    }

    /** @return a file of a session's history: its current state, plus everything needed to rebuild the rest */
    public static BackpropFile of(HistoryRecord history) {
        return new BackpropFile(history.scenario(), history.current().network(), history.iteration(), history);
    }

    /**
     * @return the history to open: the saved one, or (for a file without) one that starts and ends at the
     *         file's iteration
     */
    public HistoryRecord historyOrState() {
        return history != null ? history : HistoryRecord.of(scenario, network, iteration);
    }

    /**
     * @return this file with histories that store no trainer states (smaller; opening replays them, if that is
     *         short enough)
     */
    public BackpropFile withoutStoredStates() {
        if (session == null) {
            return history == null ? this : new BackpropFile(scenario, network, iteration, history.withoutStoredStates());
        }
        java.util.List<org.backproplab.session.SessionRecord.Run> runs = session.runs().stream()
                .map(r -> new org.backproplab.session.SessionRecord.Run(r.number(), r.parent(), r.forkedAt(),
                        r.history().withoutStoredStates())).toList();
        org.backproplab.session.SessionRecord s = new org.backproplab.session.SessionRecord(runs, session.current());
        return new BackpropFile(scenario, network, iteration, s.shown(), s);
    }

    /** @return this file without its history */
    public BackpropFile withoutHistory() {
        return new BackpropFile(scenario, network, iteration, null, null);
    }

    /** @return the scenario with freshly initialised weights, iteration 0 */
    public static BackpropFile initial(Scenario scenario) {
        return new BackpropFile(scenario, scenario.createNetwork(), 0);
    }

    /**
     * @return the scenario with the trainer's current weights and iteration count, and a history of that one state
     *         that keeps what the optimiser remembers (momentum's velocity, Adam's moments and step count) and the
     *         epoch count, so that training the file goes on exactly as the trainer would have
     */
    public static BackpropFile of(Scenario scenario, Trainer trainer) {
        Scenario s = scenario.withTestRows(trainer.testRows());
        return new BackpropFile(s, trainer.network(), trainer.iteration(), HistoryRecord.of(s, trainer.state()));
    }

    /** @return a copy of the weights and biases */
    @Override
    public Network network() {
        return network.copy();
    }

    /**
     * @return a trainer on a copy of the saved weights with the saved iteration count, so that training goes on
     *         with the batch that comes next; with what the optimiser remembered and the epoch count where the file
     *         stores the trainer state of the iteration on show (version 4 and later), otherwise they start again
     *         from zero
     */
    public Trainer createTrainer() {
        Trainer t = new Trainer(network.copy(), scenario.dataset().inputs(), scenario.dataset().targets(),
                scenario.config());
        if (scenario.testRows().length > 0) {
            t.setTestRows(scenario.testRows());
        }
        TrainerState kept = history == null || history.stored() == null || history.iteration() != iteration ? null
                : history.stored().current();
        if (kept != null) {
            t.restore(kept);
        } else {
            t.setIteration(iteration);
        }
        return t;
    }

    /**
     * Reads a file of at most {@link #MAX_BYTES}, through {@link BoundedRead}: only a regular file (links are
     * followed) is opened, and reading stops as soon as more than the limit arrives, so a device, a pipe or a
     * growing file never costs more than the limit and never blocks.
     *
     * @throws FileFormatException naming the field if the content is not a valid {@value #FORMAT} file, or
     *                             if the file holds more than {@link #MAX_BYTES} bytes
     * @throws IOException         naming the path if it is not a regular file (a directory, a FIFO, a device)
     *                             or cannot be read
     */
    public static BackpropFile read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = BoundedRead.readAllBytes(path, MAX_BYTES);
        } catch (BoundedRead.TooLarge e) {
            throw new FileFormatException(path.toString(), "", "the file " + e.problem());
        }
        return new FileParser(path.toString()).parse(() -> Json.parser(bytes));
    }

    /**
     * @param json       the text of a file
     * @param sourceName where it came from, for messages
     * @throws FileFormatException naming the field if the text is not a valid {@value #FORMAT} file
     */
    public static BackpropFile read(String json, String sourceName) throws FileFormatException {
        if (json.length() > MAX_BYTES) {
            throw new FileFormatException(sourceName, "", "the text has " + json.length() + " characters: at most "
                    + MAX_BYTES + " are allowed");
        }
        try {
            return new FileParser(sourceName).parse(() -> Json.parser(json));
        } catch (FileFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new FileFormatException(sourceName, "", "cannot be read: " + e.getMessage());
        }
    }

    /**
     * @return true if {@code json} is within the sizes {@link #read} accepts ({@link #MAX_BYTES} bytes,
     *         {@link #MAX_VALUES} values): a file written from it can be opened again
     */
    public static boolean withinReadLimits(String json) {
        if ((long) json.length() * 3 > MAX_BYTES && json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        long values = 0;
        try (com.fasterxml.jackson.core.JsonParser p = Json.parser(json)) {
            for (var t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isScalarValue() && ++values > MAX_VALUES) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    /** @return the file as JSON text, ending with a newline */
    public String toJson() {
        return Json.pretty(FileWriter.tree(this));
    }

    /**
     * Writes the file atomically: to a temporary file in the same directory, then moved over {@code path},
     * so a reader never sees half a file and a failed write leaves the old file in place.
     *
     * @throws IOException if the directory cannot be written
     */
    public void write(Path path) throws IOException {
        AtomicFiles.writeString(path, toJson());
    }
}
