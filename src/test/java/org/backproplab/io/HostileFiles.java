package org.backproplab.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.backproplab.data.Presets;
import org.backproplab.data.SpecialFiles;
import org.backproplab.session.TrainingSession;

/**
 * A corpus of hostile files for the readers' property tests: files the application saves, then damaged the
 * ways a careful tester damages them (cut at a structural byte, bits flipped, odd numbers, deep nesting,
 * values of the wrong type, unicode and invalid UTF-8, huge declared sizes). Each sample says how it was
 * made, so a failure names its recipe.
 */
public final class HostileFiles {
    /** A damaged file and how it was made. */
    public record Sample(String recipe, byte[] bytes) {
        @Override
        public String toString() {
            return recipe + " (" + bytes.length + " bytes)";
        }
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"])-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("(?<![\\w.\"])\\d+(?![\\d.eE])");
    private static final Pattern VALUE = Pattern.compile(":\\s*(\"[^\"]*\"|-?[\\d.eE+-]+|true|false|null|\\[|\\{)");

    private static java.nio.file.Path file;

    private HostileFiles() {
    }

    /**
     * What one read did: returned {@code value} or threw {@code thrown} (any {@link Throwable}, errors
     * included), allocating {@code allocatedBytes} on its thread.
     */
    public record Outcome(Object value, Throwable thrown, long allocatedBytes) {
    }

    /**
     * Runs {@code read} on a thread of its own, measuring what it allocates there, and waits for it.
     *
     * @throws java.util.concurrent.TimeoutException if it takes longer than {@link SpecialFiles#PATIENCE_SECONDS}
     */
    public static Outcome read(java.util.concurrent.Callable<?> read) throws Exception {
        return SpecialFiles.within(() -> {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)
                    java.lang.management.ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            long before = mx.getThreadAllocatedBytes(id);
            try {
                Object v = read.call();
                return new Outcome(v, null, mx.getThreadAllocatedBytes(id) - before);
            } catch (Throwable t) {
                return new Outcome(null, t, mx.getThreadAllocatedBytes(id) - before);
            }
        });
    }

    /**
     * @return {@code sample} written to disk, always as the same file (the tests read one sample at a time) in
     *         a temporary folder removed when the JVM exits
     */
    public static synchronized java.nio.file.Path onDisk(Sample sample) throws java.io.IOException {
        if (file == null) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("hostile-files");
            dir.toFile().deleteOnExit();
            file = dir.resolve("damaged.json");
            file.toFile().deleteOnExit();
        }
        return java.nio.file.Files.write(file, sample.bytes());
    }

    /** Files as the application saves them: every small preset, and a session with two runs and edits. */
    private static final class Valid {
        static final List<String> FILES = files();

        private static List<String> files() {
            List<String> v = new ArrayList<>();
            for (String name : List.of("xor", "gender", "and", "xor-bias")) {
                v.add(BackpropFile.initial(Presets.get(name)).toJson());
            }
            try (TrainingSession t = new TrainingSession(Presets.get("gender"))) {
                t.stepMany(40);
                t.setWeight(1, 1, 0, -0.5);
                t.stepMany(30);
                t.goTo(50);
                t.resumeFromHere();
                t.setLearningRate(0.3);
                t.setTestFraction(0.25);
                t.stepMany(20);
                t.sync().get(30, TimeUnit.SECONDS);
                v.add(BackpropFile.of(t.record().get(30, TimeUnit.SECONDS).record()).toJson());
            } catch (Exception e) {
                throw new IllegalStateException("the session to damage could not be made", e);
            }
            return List.copyOf(v);
        }
    }

    /** For {@code @ForAll(supplier = HostileFiles.Damaged.class)}: {@link #damaged()}. */
    public static final class Damaged implements net.jqwik.api.ArbitrarySupplier<Sample> {
        @Override
        public Arbitrary<Sample> get() {
            return damaged();
        }
    }

    /** @return valid files, damaged in every way listed in the class comment */
    public static Arbitrary<Sample> damaged() {
        return Arbitraries.oneOf(truncated(), flipped(), specialNumbers(), deepNesting(), wrongTypes(), unicode(),
                hugeSizes());
    }

    private static Arbitrary<String> valid() {
        return Arbitraries.of(Valid.FILES);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Cut just before or just after the k-th structural byte ({@code { } [ ] , : "}). */
    static Arbitrary<Sample> truncated() {
        return Combinators.combine(valid(), Arbitraries.integers().between(0, 100_000), Arbitraries.of(0, 1))
                .as((v, k, after) -> {
                    List<Integer> at = new ArrayList<>();
                    for (int i = 0; i < v.length(); i++) {
                        if ("{}[],:\"".indexOf(v.charAt(i)) >= 0) {
                            at.add(i);
                        }
                    }
                    int cut = at.get(k % at.size()) + after;
                    byte[] b = utf8(v.substring(0, cut));
                    return new Sample("cut at byte " + cut, b);
                });
    }

    /** One to four bits flipped anywhere. */
    static Arbitrary<Sample> flipped() {
        return Combinators.combine(valid(), Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1)
                .ofMaxSize(4), Arbitraries.integers().between(0, 7)).as((v, at, bit) -> {
                    byte[] b = utf8(v);
                    StringBuilder r = new StringBuilder("bit " + bit + " flipped at");
                    for (int i : at) {
                        b[i % b.length] ^= (byte) (1 << bit);
                        r.append(' ').append(i % b.length);
                    }
                    return new Sample(r.toString(), b);
                });
    }

    /** The k-th number replaced by an odd one. */
    static Arbitrary<Sample> specialNumbers() {
        Arbitrary<String> odd = Arbitraries.of("NaN", "\"NaN\"", "Infinity", "-Infinity", "\"Infinity\"", "1e999",
                "-1e999", "-0.0", "4.9e-324", "1e-400", "0x10", "01", ".5", "1.", "1e", "--1", "+1",
                "9223372036854775808", "-9223372036854775809", "1".repeat(500), "1e2147483648");
        return Combinators.combine(valid(), Arbitraries.integers().between(0, 100_000), odd)
                .as((v, k, with) -> replace(v, NUMBER, k, with, "number"));
    }

    /** A value or the whole file nested thousands of levels deep. */
    static Arbitrary<Sample> deepNesting() {
        return Combinators.combine(valid(), Arbitraries.integers().between(0, 100_000),
                Arbitraries.of(1_000, 10_000, 100_000), Arbitraries.of("[", "{\"a\":", "[{\"b\":")).as((v, k, depth, open) -> {
                    if (k % 3 == 0) {
                        String close = open.equals("[") ? "]" : open.equals("{\"a\":") ? "}" : "}]";
                        return new Sample("the file nested " + depth + " deep in " + open,
                                utf8(open.repeat(depth) + v + close.repeat(depth)));
                    }
                    return replace(v, VALUE, k, ": " + open.repeat(depth), "value nested " + depth + " deep");
                });
    }

    /** The k-th value replaced by one of another type. */
    static Arbitrary<Sample> wrongTypes() {
        Arbitrary<String> other = Arbitraries.of("\"text\"", "\"\"", "[]", "{}", "[[]]", "[{}]", "null", "true", "0",
                "-1", "1.5", "[1, 2, 3]", "{\"size\": 2}", "[\"sigmoid\"]");
        return Combinators.combine(valid(), Arbitraries.integers().between(0, 100_000), other)
                .as((v, k, with) -> replace(v, VALUE, k, ": " + with, "value"));
    }

    /** Unicode and invalid UTF-8 put anywhere: in names, between tokens, inside numbers. */
    static Arbitrary<Sample> unicode() {
        Arbitrary<byte[]> odd = Arbitraries.of(utf8("é"), utf8("😀"), utf8("\u202e"), utf8("\u0000"), utf8("\\u0000"),
                utf8("\\ud800"), utf8("\ufeff"), utf8("\u0085"), utf8("\u2028"), utf8("\u001b[31m"),
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0x80},
                new byte[] {(byte) 0xff}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xe2, (byte) 0x82});
        return Combinators.combine(valid(), Arbitraries.integers().between(0, Integer.MAX_VALUE), odd).as((v, at, with) -> {
            byte[] b = utf8(v);
            int i = at % (b.length + 1);
            byte[] r = new byte[b.length + with.length];
            System.arraycopy(b, 0, r, 0, i);
            System.arraycopy(with, 0, r, i, with.length);
            System.arraycopy(b, i, r, i + with.length, b.length - i);
            return new Sample(with.length + " odd bytes inserted at " + i, r);
        });
    }

    /** The k-th whole number (sizes, iterations, history ends, seeds …) replaced by a huge one. */
    static Arbitrary<Sample> hugeSizes() {
        Arbitrary<String> huge = Arbitraries.of("2147483647", "2147483648", "4294967296", "9223372036854775807",
                "999999999", "100000000", "1e18", "1000000", "-1", "-2147483648");
        return Combinators.combine(valid(), Arbitraries.integers().between(0, 100_000), huge)
                .as((v, k, with) -> replace(v, INTEGER, k, with, "whole number"));
    }

    /** @return {@code v} with the (k mod count)-th match of {@code p} replaced by {@code with} */
    private static Sample replace(String v, Pattern p, int k, String with, String what) {
        Matcher m = p.matcher(v);
        List<int[]> at = new ArrayList<>();
        while (m.find()) {
            at.add(new int[] {m.start(), m.end()});
        }
        int[] r = at.get(k % at.size());
        String shown = with.length() > 40 ? with.substring(0, 40) + "… (" + with.length() + " chars)" : with;
        return new Sample(what + " at " + r[0] + " (" + v.substring(r[0], Math.min(r[1], r[0] + 40)) + ") replaced by "
                + shown, utf8(v.substring(0, r[0]) + with + v.substring(r[1])));
    }
}
