package org.backproplab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an exported script with {@code python3} and reads what it printed. {@link #unavailable()} says why the tests
 * that need Python must be skipped on this machine (no {@code python3}, or no NumPy), or is null.
 */
public final class PythonRun {
    /** A generous bound on one script (the slowest preset takes seconds), so a hung interpreter fails the test. */
    static final long TIMEOUT_MINUTES = 5;
    private static final Pattern LOSS = Pattern.compile("iteration (\\d+)  loss (\\S+)(?:  test loss (\\S+))?");
    private static final Pattern SAMPLE = Pattern.compile("sample (\\d+)  y_hat ([^(]+?)(  \\(test\\))?");
    private static String unavailable;
    private static boolean checked;

    /** What a script printed: the losses by iteration ({@code {train, test}}, test NaN without one) and each ŷ. */
    public record Output(Map<Long, double[]> losses, List<double[]> outputs, List<Integer> testSamples) {
    }

    private PythonRun() {
    }

    /** @return null if {@code python3} with NumPy runs here, else why not (the skip message) */
    public static synchronized String unavailable() {
        if (!checked) {
            checked = true;
            try {
                Result r = run(List.of("python3", "-c", "import numpy; print(numpy.__version__)"), null);
                unavailable = r.status == 0 ? null : "python3 runs but cannot import NumPy (" + r.err.strip()
                        + "): the exported scripts are not run";
            } catch (IOException e) {
                unavailable = "python3 is not on the PATH (" + e.getMessage() + "): the exported scripts are not run";
            }
        }
        return unavailable;
    }

    /** Runs {@code script} (written to {@code dir}) and parses its output; fails on a non-zero exit status. */
    public static Output script(String script, Path dir) throws IOException {
        Path file = dir.resolve("exported.py");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Result r = run(List.of("python3", file.toString()), dir);
        if (r.status != 0) {
            throw new AssertionError("the exported script failed with status " + r.status + ":\n" + r.err);
        }
        return parse(r.out);
    }

    static Output parse(String text) {
        Map<Long, double[]> losses = new LinkedHashMap<>();
        List<double[]> outputs = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LOSS.matcher(line.strip());
            Matcher s = SAMPLE.matcher(line.strip());
            if (m.matches()) {
                losses.put(Long.parseLong(m.group(1)), new double[] {Double.parseDouble(m.group(2)),
                        m.group(3) == null ? Double.NaN : Double.parseDouble(m.group(3))});
            } else if (s.matches()) {
                String[] parts = s.group(2).strip().split(" ");
                double[] v = new double[parts.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.parseDouble(parts[i]);
                }
                outputs.add(v);
                if (s.group(3) != null) {
                    test.add(Integer.parseInt(s.group(1)) - 1);
                }
            } else if (!line.isBlank()) {
                throw new AssertionError("the script printed a line that is neither a loss nor an output: " + line);
            }
        }
        return new Output(losses, outputs, test);
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(List<String> command, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Path outFile = Files.createTempFile("python-out", ".txt");
        Path errFile = Files.createTempFile("python-err", ".txt");
        try {
            pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            Process p = pb.start();
            try {
                if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError(command + " did not finish within " + TIMEOUT_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command, e);
            }
            return new Result(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }
}
