import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time of Backprop Lab against a bare JavaFX window started the same way: runs
 * {@code <command> --benchmark-start} (the app) and {@code <command> --benchmark-start=bare} (a Label in a 1280×800
 * stage) alternately, measures from just before each process starts to the first frame it reports
 * ({@code first-frame <epoch ms>}) and to the frame that shows the window complete ({@code complete <epoch ms>}: the
 * app makes the parts its first frame does without on the frames after it; the bare window is complete at its first
 * frame), and prints every run, the medians and their ratios, and the median time at which each step of the start
 * was reached (JVM to main, the Application's start, the session, the first screen's nodes, shown, the first frame,
 * the window complete and drawn). One pair is run first and not counted (it fills the disk cache). Needs a
 * display (or Xvfb).
 *
 * <pre>
 * java src/bench/startup/StartupTime.java java -jar target/backprop-lab.jar
 * java src/bench/startup/StartupTime.java --runs 5 target/dist/BackpropLab/bin/BackpropLab
 * </pre>
 */
public final class StartupTime {
    public static void main(String[] args) throws Exception {
        int runs = 5;
        List<String> command = new ArrayList<>(Arrays.asList(args));
        if (command.size() >= 2 && command.get(0).equals("--runs")) {
            runs = Integer.parseInt(command.get(1));
            command = command.subList(2, command.size());
        }
        if (command.isEmpty()) {
            System.err.println("usage: java StartupTime.java [--runs N] <command that starts Backprop Lab>");
            System.exit(2);
        }
        firstFrame(command, "--benchmark-start", new LinkedHashMap<>(), new long[1]);
        firstFrame(command, "--benchmark-start=bare", new LinkedHashMap<>(), new long[1]);
        long[] app = new long[runs];
        long[] bare = new long[runs];
        long[] appComplete = new long[runs];
        long[] bareComplete = new long[runs];
        Map<String, List<Long>> appSteps = new LinkedHashMap<>();
        Map<String, List<Long>> bareSteps = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            long[] complete = new long[1];
            app[i] = firstFrame(command, "--benchmark-start", appSteps, complete);
            appComplete[i] = complete[0];
            bare[i] = firstFrame(command, "--benchmark-start=bare", bareSteps, complete);
            bareComplete[i] = complete[0];
            System.out.printf(Locale.ROOT, "run %d: app %d ms (complete %d ms), bare window %d ms%n", i + 1, app[i],
                    appComplete[i], bare[i]);
        }
        double a = median(app);
        double b = median(bare);
        System.out.printf(Locale.ROOT, "median: app %.0f ms, bare window %.0f ms, ratio %.2f%n", a, b, a / b);
        double c = median(appComplete);
        double bc = median(bareComplete);
        System.out.printf(Locale.ROOT, "median to the window complete: app %.0f ms, bare window %.0f ms, ratio %.2f%n",
                c, bc, c / bc);
        System.out.println("median ms since the JVM started (cpu: processor time of all threads), app: " + medians(appSteps));
        System.out.println("median ms since the JVM started (cpu: processor time of all threads), bare window: "
                + medians(bareSteps));
    }

    private static String medians(Map<String, List<Long>> steps) {
        StringBuilder s = new StringBuilder();
        steps.forEach((name, values) -> s.append(String.format(Locale.ROOT, "%s %.0f, ", name,
                median(values.stream().mapToLong(Long::longValue).toArray()))));
        return s.length() == 0 ? "(none printed)" : s.substring(0, s.length() - 2);
    }

    /**
     * @param complete gets the milliseconds to the frame that showed the window complete (the first frame's if the
     *                 process did not report one)
     * @return milliseconds from just before the process started to the first frame it reported
     */
    private static long firstFrame(List<String> command, String option, Map<String, List<Long>> steps, long[] complete)
            throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(command);
        c.add(option);
        ProcessBuilder pb = new ProcessBuilder(c);
        long start = System.currentTimeMillis();
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        long frame = -1;
        long whole = -1;
        StringBuilder other = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("first-frame ") && frame < 0) {
                    frame = Long.parseLong(line.substring("first-frame ".length()).trim());
                } else if (line.startsWith("complete ") && whole < 0) {
                    whole = Long.parseLong(line.substring("complete ".length()).trim());
                } else if (line.startsWith("steps")) {
                    for (String step : line.substring("steps".length()).trim().split(" ")) {
                        String[] kv = step.split("=");
                        if (kv.length == 2) {
                            steps.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(Long.parseLong(kv[1]));
                        }
                    }
                } else {
                    other.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", c) + " did not exit within 60 s");
        }
        String errors = err.join();
        if (!errors.isBlank() || other.length() > 0) {
            System.out.print("(" + option + " printed: " + other + errors.strip() + ")\n");
        }
        if (frame < 0 || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", c) + " exited with status " + p.exitValue()
                    + " without reporting a first frame");
        }
        complete[0] = (whole < 0 ? frame : whole) - start;
        return frame - start;
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }
}
