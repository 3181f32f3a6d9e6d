package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backproplab.data.Presets;
import org.backproplab.data.Scenario;

/**
 * Random, truncated and mutated files never make the reader throw anything but
 * {@link FileFormatException}, and never hang.
 */
class FileFuzzTest {
    private static final List<String> VALID = java.util.stream.Stream.concat(
            Presets.all().stream().filter(s -> !s.name().equals("relu-mlp")).map(s -> BackpropFile.initial(s).toJson()),
            java.util.stream.Stream.of(withHistory(), withHistory())).toList();

    /** A version 2 file with a history of edits, a test split and losses. */
    private static String withHistory() {
        try {
            return BackpropFile.of(HistoryFileTest.sessionHistory()).toJson();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
    private static final Duration LIMIT = Duration.ofSeconds(5);

    /** Reads {@code text}; success and {@link FileFormatException} are the only allowed outcomes. */
    private static void readsOrRefuses(String text) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                BackpropFile.read(text, "fuzz");
            } catch (FileFormatException expected) {
                if (expected.getMessage() == null || !expected.getMessage().startsWith("fuzz: ")) {
                    throw new AssertionError("message does not name the source: " + expected.getMessage());
                }
            }
        });
    }

    @Property(tries = 300)
    void randomText(@ForAll("junk") String text) {
        readsOrRefuses(text);
    }

    @Property(tries = 300)
    void truncatedFiles(@ForAll("truncated") String text) {
        readsOrRefuses(text);
    }

    @Property(tries = 500)
    void mutatedFiles(@ForAll("mutated") String text) {
        readsOrRefuses(text);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]:,\"0123456789.eE-+ truefalsn").ofMaxLength(300));
    }

    @Provide
    Arbitrary<String> truncated() {
        return Arbitraries.of(VALID).flatMap(v -> Arbitraries.integers().between(0, v.length())
                .map(n -> v.substring(0, n)));
    }

    /** A valid file with a few characters replaced, inserted or deleted, or a number swapped for an odd one. */
    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> replacements = Arbitraries.of("", "0", "-", "\"", "[", "]", "{", "}", ",", ":", "null",
                "1e999", "-0.0", "\"NaN\"", "99999999999", "true", "\"sigmoid\"", "\\u0000", "1e-400", "[]", "{}");
        return Combinators.combine(Arbitraries.of(VALID), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 12), replacements, Arbitraries.integers().between(1, 4))
                .as((v, at, cut, with, times) -> {
                    String s = v;
                    for (int k = 0; k < times; k++) {
                        int i = (at * (k + 7)) % s.length();
                        int j = Math.min(s.length(), i + cut);
                        s = s.substring(0, i) + with + s.substring(j);
                    }
                    return s;
                });
    }

    /** Declared sizes far beyond the content are refused before anything that large is allocated. */
    @Property(tries = 30)
    void hugeDeclaredHistoriesAreRefusedQuickly(@ForAll("hugeNumbers") String number) {
        String json = VALID.get(VALID.size() - 1);
        readsOrRefuses(json.replace("\"end\": 100", "\"end\": " + number));
        readsOrRefuses(json.replace("\"start\": 0", "\"start\": " + number));
        readsOrRefuses(json.replaceFirst("\"iteration\": 40", "\"iteration\": " + number));
    }

    @Provide
    Arbitrary<String> hugeNumbers() {
        return Arbitraries.of("9223372036854775807", "9223372036854775808", "2147483648", "1e18", "-1", "100000000");
    }

    @Property(tries = 50)
    void changedNumbersStillReadOrAreRefused(@ForAll("presetNames") String name,
                                             @ForAll("oddNumbers") String number) {
        Scenario s = Presets.get(name);
        String json = BackpropFile.initial(s).toJson().replaceFirst("\\d\\.\\d+", number);
        readsOrRefuses(json);
    }

    @Provide
    Arbitrary<String> presetNames() {
        return Arbitraries.of("xor", "gender", "and", "or", "xor-bias");
    }

    @Provide
    Arbitrary<String> oddNumbers() {
        return Arbitraries.of("1e308", "1e309", "-1e400", "4.9e-324", "0x10", "01", ".5", "1.", "1e", "--1",
                "123456789012345678901234567890", "1".repeat(200), "\"1\"", "Infinity");
    }
}
