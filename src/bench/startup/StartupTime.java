import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time of Backprop Lab against a bare JavaFX window started the same way: runs
 * {@code <command> --benchmark-start} (the app) and {@code <command> --benchmark-start=bare} (a Label in a 1280×800
 * stage) alternately, measures from just before each process starts to the first frame it reports
 * ({@code first-frame <epoch ms>}), and prints every run, the medians and their ratio. One pair is run first and
 * not counted (it fills the disk cache). Needs a display (or Xvfb).
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
        firstFrame(command, "--benchmark-start");
        firstFrame(command, "--benchmark-start=bare");
        long[] app = new long[runs];
        long[] bare = new long[runs];
        for (int i = 0; i < runs; i++) {
            app[i] = firstFrame(command, "--benchmark-start");
            bare[i] = firstFrame(command, "--benchmark-start=bare");
            System.out.printf(Locale.ROOT, "run %d: app %d ms, bare window %d ms%n", i + 1, app[i], bare[i]);
        }
        double a = median(app);
        double b = median(bare);
        System.out.printf(Locale.ROOT, "median: app %.0f ms, bare window %.0f ms, ratio %.2f%n", a, b, a / b);
    }

    /** @return milliseconds from just before the process started to the first frame it reported */
    private static long firstFrame(List<String> command, String option) throws IOException, InterruptedException {
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
        StringBuilder other = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("first-frame ") && frame < 0) {
                    frame = Long.parseLong(line.substring("first-frame ".length()).trim());
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
        return frame - start;
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }
}
