package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.backproplab.engine.exercise.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The results file: written and read back the same, every kind of malformed file refused naming its field. */
class ResultsFileTest {
    @TempDir
    Path dir;

    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    static ResultsFile sample() {
        return new ResultsFile("Ada Lovelace", "xor", START, List.of(
                new ResultsFile.Task(ResultsFile.Kind.ANSWER, "delta-h1", "δ h1", "backward 1", 0, "-0,0123", false,
                        Mistake.SIGN_FLIPPED, Instant.parse("2026-03-02T10:01:00Z")),
                new ResultsFile.Task(ResultsFile.Kind.ANSWER, "delta-h1", "δ h1", "backward 1", 0, "0.0123", true,
                        null, Instant.parse("2026-03-02T10:01:30.250Z")),
                new ResultsFile.Task(ResultsFile.Kind.PREDICTION, "weight-direction", "Will W2 h1→ŷ go up or down?",
                        "update", 1, "up", true, null, Instant.parse("2026-03-02T10:02:00Z"))));
    }

    @Test
    void aFileReadsBackAsItWasWritten() throws Exception {
        Path p = dir.resolve("a.backprop-results.json");
        ResultsFile r = sample();
        r.write(p);
        assertEquals(r, ResultsFile.read(p));
        String text = Files.readString(p);
        assertTrue(text.contains("\"format\": \"backprop-lab-results/1\""), text);
        assertTrue(text.contains("\"diagnosis\": \"sign-flipped\""), text);
        assertTrue(text.contains("\"lesson\": \"xor\""), text);
    }

    @Test
    void theFileNameHasTheStudentTheLessonAndTheDate() {
        assertEquals("Ada_Lovelace-xor-2026-03-02.backprop-results.json", sample().fileName("2026-03-02"));
        assertEquals("a_b-xor-x.backprop-results.json", sample().by("a/b").fileName("x"));
    }

    /** Replaces the first {@code from} of the written sample by {@code to}, and expects a refusal naming the field. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\"format\": \"backprop-lab-results/1\"|\"format\": \"backprop-lab/4\"|format",
        "\"format\": \"backprop-lab-results/1\"|\"format\": 3|format",
        "\"student\": \"Ada Lovelace\"|\"student\": \"\"|student",
        "\"student\": \"Ada Lovelace\"|\"student\": \"Ada\\u0007\"|student",
        "\"lesson\": \"xor\"|\"lessen\": \"xor\"|lessen",
        "\"started\": \"2026-03-02T10:00:00Z\"|\"started\": \"yesterday\"|started",
        "\"kind\": \"answer\"|\"kind\": \"essay\"|tasks[0].kind",
        "\"diagnosis\": \"sign-flipped\"|\"diagnosis\": \"bad-luck\"|tasks[0].diagnosis",
        "\"right\": false|\"right\": \"no\"|tasks[0].right",
        "\"iteration\": 0|\"iteration\": -1|tasks[0].iteration",
        "\"iteration\": 0|\"iteration\": 0.5|tasks[0].iteration",
        "\"symbol\": \"delta-h1\"|\"colour\": \"red\", \"symbol\": \"delta-h1\"|tasks[0].colour",
        "\"time\": \"2026-03-02T10:01:00Z\"|\"time\": \"10:01\"|tasks[0].time",
        "\"phase\": \"backward 1\"|\"phase\": null|tasks[0].phase",
    })
    void aMalformedFileIsRefusedNamingTheField(String from, String to, String field) throws Exception {
        String text = sample().toJson();
        assertTrue(text.contains(from), from);
        Path p = Files.writeString(dir.resolve("bad.backprop-results.json"), text.replaceFirst(
                java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        FileFormatException e = assertThrows(FileFormatException.class, () -> ResultsFile.read(p));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.backprop-results.json: " + field + ": "), e.getMessage());
    }

    @Test
    void aRightAnswerWithADiagnosisIsRefused() throws Exception {
        String text = sample().toJson().replaceFirst("\"right\": false", "\"right\": true");
        Path p = Files.writeString(dir.resolve("r.json"), text);
        FileFormatException e = assertThrows(FileFormatException.class, () -> ResultsFile.read(p));
        assertEquals("tasks[0].diagnosis", e.field(), e.getMessage());
    }

    @Test
    void notJsonAnEmptyFileATopLevelArrayAndTrailingTextAreRefused() throws Exception {
        for (String text : List.of("hello", "", "[1, 2]", sample().toJson() + "{}", "{\"student\": \"a\"}")) {
            Path p = Files.writeString(dir.resolve("x.json"), text);
            FileFormatException e = assertThrows(FileFormatException.class, () -> ResultsFile.read(p), text);
            assertTrue(e.getMessage().startsWith("x.json: "), e.getMessage());
        }
    }

    @Test
    void aFileTooLargeIsRefusedBeforeItIsRead() throws Exception {
        Path p = dir.resolve("big.json");
        Files.write(p, new byte[(int) ResultsFile.MAX_BYTES + 1]);
        FileFormatException e = assertThrows(FileFormatException.class, () -> ResultsFile.read(p));
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
    }

    @Test
    void tooManyTasksAreRefused() throws Exception {
        StringBuilder b = new StringBuilder("{\"format\": \"backprop-lab-results/1\", \"student\": \"a\", \"lesson\": "
                + "\"b\", \"started\": \"2026-03-02T10:00:00Z\", \"tasks\": [");
        for (int i = 0; i <= ResultsFile.MAX_TASKS; i++) {
            b.append(i == 0 ? "" : ",").append("{}");
        }
        Path p = Files.writeString(dir.resolve("many.json"), b.append("]}").toString());
        FileFormatException e = assertThrows(FileFormatException.class, () -> ResultsFile.read(p));
        assertEquals("tasks", e.field(), e.getMessage());
    }
}
