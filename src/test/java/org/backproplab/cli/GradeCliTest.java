package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.cli.BackpropLabCliTest.Run;
import org.backproplab.engine.exercise.Mistake;
import org.backproplab.io.ResultsFile;
import org.backproplab.io.ResultsFile.Kind;
import org.backproplab.io.ResultsFile.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade FOLDER}: a class of three students, a session saved twice, and files that are not results. */
class GradeCliTest {
    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private static Task delta(String answer, boolean right, Mistake m) {
        return new Task(Kind.ANSWER, "delta-h1", "δ h1", "backward 1", 0, answer, right, m, T);
    }

    private static Task loss(boolean right) {
        return new Task(Kind.ANSWER, "loss", "ℓ", "loss", 0, "0.5", right, null, T);
    }

    private static Task predict(boolean right) {
        return new Task(Kind.PREDICTION, "weight-direction", "Will W2 h1→ŷ go up or down?", "update", 0,
                right ? "up" : "down", right, null, T);
    }

    @BeforeEach
    void aClass() throws Exception {
        // ada: δ h1 wrong (sign), then right; the loss right; one prediction right
        new ResultsFile("ada", "xor", T, List.of(delta("-1", false, Mistake.SIGN_FLIPPED), delta("1", true, null),
                loss(true), predict(true))).write(dir.resolve("ada-xor.backprop-results.json"));
        // bob: δ h1 wrong (sign), wrong again (the factor 2); the loss wrong; saved twice, once with fewer tasks
        ResultsFile bob = new ResultsFile("bob", "xor", T.plusSeconds(5), List.of(delta("-1", false, Mistake.SIGN_FLIPPED),
                delta("2", false, Mistake.FACTOR_2_DOUBLED), loss(false)));
        bob.write(dir.resolve("bob-xor.backprop-results.json"));
        new ResultsFile(bob.student(), bob.lesson(), bob.started(), bob.tasks().subList(0, 1))
                .write(dir.resolve("bob-xor-early.backprop-results.json"));
        // cy: δ h1 wrong, undiagnosed; one prediction wrong
        new ResultsFile("cy", "xor", T, List.of(delta("7", false, null), predict(false)))
                .write(dir.resolve("cy-xor.backprop-results.json"));
        Files.writeString(dir.resolve("notes.txt"), "bring coffee");
        Files.writeString(dir.resolve("session.json"), "{\"format\": \"backprop-lab/4\"}");
        Files.writeString(dir.resolve("broken.backprop-results.json"), new ResultsFile("dee", "xor", T,
                List.of(loss(true))).toJson().replace("\"right\": true", "\"right\": 1"));
        Files.createDirectory(dir.resolve("old"));
        Files.writeString(dir.resolve(".hidden.json"), "not looked at");
    }

    @Test
    void theTextSummaryHasEachTaskEachStudentAndEachFileSkipped() {
        Run r = BackpropLabCliTest.run("grade", dir.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Class results: 3 results files from 3 students, 5 skipped", lines.get(0));
        assertTrue(lines.contains("  loss (loss): 1 of 2 right (50 %), 2 students"), r.out());
        assertTrue(lines.contains("  delta-h1 (backward 1): 1 of 5 right (20 %), 3 students; most common mistakes: "
                + "sign-flipped ×2 (" + Mistake.SIGN_FLIPPED.description() + "), factor-2-doubled ×1 ("
                + Mistake.FACTOR_2_DOUBLED.description() + ")"), r.out());
        assertTrue(lines.indexOf("  loss (loss): 1 of 2 right (50 %), 2 students")
                < lines.indexOf("  delta-h1 (backward 1): 1 of 5 right (20 %), 3 students; most common mistakes: "
                + "sign-flipped ×2 (" + Mistake.SIGN_FLIPPED.description() + "), factor-2-doubled ×1 ("
                + Mistake.FACTOR_2_DOUBLED.description() + ")"), "the loss comes before the backward pass");
        assertTrue(lines.contains("  weight-direction (update): 1 of 2 right (50 %), 2 students"), r.out());
        assertTrue(lines.contains("  ada: numbers 2 of 3 right, predictions 1 of 1 right, goals 0 of 0 reached"), r.out());
        assertTrue(lines.contains("  bob: numbers 0 of 3 right, predictions 0 of 0 right, goals 0 of 0 reached"), r.out());
        List<String> skipped = lines.stream().filter(l -> l.startsWith("skipped: ")).toList();
        assertEquals(5, skipped.size(), r.out());
        assertTrue(skipped.get(0).startsWith("skipped: bob-xor-early.backprop-results.json: the same session as "
                + "bob-xor.backprop-results.json"), skipped.get(0));
        assertEquals("skipped: broken.backprop-results.json: tasks[0].right: expected true or false, found 1",
                skipped.get(1));
        assertTrue(skipped.get(2).startsWith("skipped: notes.txt: not JSON"), skipped.get(2));
        assertEquals("skipped: old: a folder (grade does not look inside folders)", skipped.get(3));
        assertTrue(skipped.get(4).startsWith("skipped: session.json: format: is \"backprop-lab/4\""), skipped.get(4));
    }

    @Test
    void jsonHasTheSameSummary() throws Exception {
        Run r = BackpropLabCliTest.run("grade", "--json", dir.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(3, j.get("read").asInt());
        JsonNode delta = null;
        for (JsonNode t : j.get("tasks")) {
            if (t.get("symbol").asText().equals("delta-h1")) {
                delta = t;
            }
        }
        assertEquals("backward 1", delta.get("phase").asText());
        assertEquals(5, delta.get("answers").asInt());
        assertEquals(1, delta.get("right").asInt());
        assertEquals(3, delta.get("students").asInt());
        assertEquals("sign-flipped", delta.get("mistakes").get(0).get("mistake").asText());
        assertEquals(2, delta.get("mistakes").get(0).get("count").asInt());
        List<String> students = new ArrayList<>();
        j.get("students").forEach(s -> students.add(s.get("student").asText() + " " + s.get("answersRight").asInt()
                + "/" + s.get("answers").asInt() + " " + s.get("predictionsRight").asInt() + "/"
                + s.get("predictions").asInt()));
        assertEquals(List.of("ada 2/3 1/1", "bob 0/3 0/0", "cy 0/1 0/1"), students);
        List<String> skipped = new ArrayList<>();
        j.get("skipped").forEach(s -> skipped.add(s.get("file").asText()));
        assertEquals(List.of("bob-xor-early.backprop-results.json", "broken.backprop-results.json", "notes.txt", "old",
                "session.json"), skipped);
    }

    @Test
    void aFolderWithoutResultsIsAUserError() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "nothing");
        Run r = BackpropLabCliTest.run("grade", empty.toString());
        assertEquals(BackpropLabCli.USER_ERROR, r.status());
        assertTrue(r.out().contains("skipped: notes.txt: not JSON"), r.out());
        assertEquals("backprop-lab: no results files in " + empty + " (they end in .backprop-results.json)\n",
                r.err().replace("\r\n", "\n"));
    }

    @Test
    void aMissingFolderOrAFileIsAUserErrorInOneLine() {
        Run r = BackpropLabCliTest.run("grade", dir.resolve("nope").toString());
        assertEquals(BackpropLabCli.USER_ERROR, r.status());
        assertEquals("backprop-lab: no such folder: " + dir.resolve("nope") + "\n", r.err().replace("\r\n", "\n"));
        Run f = BackpropLabCliTest.run("grade", dir.resolve("notes.txt").toString());
        assertEquals(BackpropLabCli.USER_ERROR, f.status());
        assertEquals("backprop-lab: " + dir.resolve("notes.txt") + " is not a folder\n", f.err().replace("\r\n", "\n"));
    }

    @Test
    void aFifoAmongTheResultsIsSkippedWithoutBlocking() throws Exception {
        Path one = Files.createDirectory(dir.resolve("one"));
        Files.copy(dir.resolve("ada-xor.backprop-results.json"), one.resolve("ada-xor.backprop-results.json"));
        org.backproplab.data.SpecialFiles.fifo(one, "pipe.backprop-results.json");
        Run r = org.backproplab.data.SpecialFiles.within(() -> BackpropLabCliTest.run("grade", one.toString()));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("skipped: pipe.backprop-results.json: is a FIFO (named pipe): expected a regular "
                + "file\n"), r.out());
    }

    @Test
    void tooManyFilesAreRefusedSayingTheBound() throws Exception {
        Path big = Files.createDirectory(dir.resolve("big"));
        for (int i = 0; i <= org.backproplab.io.ClassSummary.MAX_FILES; i++) {
            Files.createFile(big.resolve("f" + i));
        }
        Run r = BackpropLabCliTest.run("grade", big.toString());
        assertEquals(BackpropLabCli.USER_ERROR, r.status());
        assertTrue(r.err().contains("more than 1000 files"), r.err());
        assertTrue(BackpropLabCliTest.run("grade", "--help").out().contains("at most 1000 files"));
    }
}
