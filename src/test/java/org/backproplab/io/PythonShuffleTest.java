package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported scripts' generator draws what the engine's shuffle draws: {@code mersenne_twister(seed, epoch)} and
 * {@code next_int(bits31, n)} against commons-math's {@code MersenneTwister(int[])} seeded as the batch schedule
 * seeds it ({seed's high 32 bits, low 32 bits, epoch's high, low}) and its {@code nextInt(n)}. Seeds and epochs with
 * high bits set and negative seeds check the key; sizes near 2^31 (where {@code nextInt} rejects up to half of its
 * draws) check that the rejection loop takes as many draws as Java's, and powers of two its short cut.
 */
class PythonShuffleTest {
    static final long[] SEEDS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, -3_000_000_000_123L, 0x0123_4567_89AB_CDEFL};
    static final long[] EPOCHS = {0, 1, 7, (1L << 32) + 5, (1L << 53) - 1};
    static final int[] SIZES = {1, 2, 3, 7, 8, 1348, 1 << 30, (1 << 30) + 1, 1_500_000_000, Integer.MAX_VALUE};
    static final int DRAWS = 6;

    @TempDir
    Path dir;

    @Test
    void theScriptsDrawsAreTheEnginesDraws() throws Exception {
        String why = PythonRun.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
        List<String> program = new ArrayList<>(List.of("import numpy as np", ""));
        program.addAll(PythonSchedule.RANDOM);
        program.add("for seed, epoch in " + pairs() + ":");
        program.add("    bits31 = mersenne_twister(seed, epoch)");
        program.add("    print(\" \".join(str(next_int(bits31, n)) for n in " + sizes() + " for _ in range(" + DRAWS + ")))");

        List<String> expected = new ArrayList<>();
        for (long s : SEEDS) {
            for (long e : EPOCHS) {
                MersenneTwister rng = new MersenneTwister(new int[] {(int) (s >>> 32), (int) s, (int) (e >>> 32), (int) e});
                StringBuilder line = new StringBuilder();
                for (int n : SIZES) {
                    for (int d = 0; d < DRAWS; d++) {
                        line.append(line.length() == 0 ? "" : " ").append(rng.nextInt(n));
                    }
                }
                expected.add(line.toString());
            }
        }
        assertEquals(expected, python(String.join("\n", program) + "\n"));
    }

    private static String pairs() {
        List<String> p = new ArrayList<>();
        for (long s : SEEDS) {
            for (long e : EPOCHS) {
                p.add("(" + s + ", " + e + ")");
            }
        }
        return p.toString();
    }

    private static String sizes() {
        StringBuilder b = new StringBuilder("[");
        for (int n : SIZES) {
            b.append(b.length() == 1 ? "" : ", ").append(n);
        }
        return b.append(']').toString();
    }

    private List<String> python(String program) throws IOException, InterruptedException {
        Path file = dir.resolve("draws.py");
        Path out = dir.resolve("draws.txt");
        Files.writeString(file, program, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("python3", file.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertEquals(true, p.waitFor(PythonRun.TIMEOUT_MINUTES, TimeUnit.MINUTES), "python3 finishes");
        List<String> lines = Files.readAllLines(out);
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        return lines;
    }
}
