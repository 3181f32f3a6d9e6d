package org.backproplab.cli;

import static org.backproplab.cli.BackpropLabCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.cli.BackpropLabCliTest.Run;
import org.backproplab.data.Presets;
import org.backproplab.io.BackpropFile;
import org.backproplab.text.TerminalText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a file or an argument holds reaches the terminal escaped: no control character is ever printed raw. */
class TerminalInjectionTest {
    private static final String CLEAR = "\u001b[2J\u001b[H";
    private static final String TITLE = "\u001b]0;owned\u0007";

    @TempDir
    Path dir;

    /** Fails naming the first raw control character (line breaks aside) in what a run printed. */
    private static void noRawControls(Run r) {
        for (String s : new String[] {r.out(), r.err()}) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\n' && TerminalText.isControl(c)) {
                    throw new AssertionError("raw U+" + Integer.toHexString(c) + " at " + i + " of:\n" + r.out() + r.err());
                }
            }
        }
    }

    private Path hostileGender() throws Exception {
        ObjectNode f = (ObjectNode) new ObjectMapper().readTree(BackpropFile.initial(Presets.get("gender")).toJson());
        f.put("name", "evil" + CLEAR);
        f.put("description", TITLE + "\r\u009b31mred\u202eabc");
        ArrayNode labels = (ArrayNode) f.get("dataset").get("labels");
        labels.set(0, "Al" + CLEAR + "ice");
        labels.set(1, "B\u0000ob\u007f\u0085\u2066");
        ((ArrayNode) f.get("probes").get("labels")).set(0, "Emily\n\u001b[31m");
        Path p = dir.resolve("hostile.json");
        Files.writeString(p, f.toString());
        return p;
    }

    @Test
    void namesLabelsAndDescriptionsAreEscaped() throws Exception {
        Path f = hostileGender();
        Run r = run("train", "--load", f.toString(), "--iterations", "4");
        assertEquals(0, r.status(), r.err());
        noRawControls(r);
        assertTrue(r.out().startsWith("evil\\u001b[2J\\u001b[H: \\u001b]0;owned\\u0007\\u000d\\u009b31mred\\u202eabc\n"),
                r.out());
        assertTrue(r.out().contains("  Al\\u001b[2J\\u001b[Hice "), r.out());
        assertTrue(r.out().contains("  B\\u0000ob\\u007f\\u0085\\u2066 "), r.out());
        assertTrue(r.out().contains("  Emily\\u000a\\u001b[31m "), r.out());

        Run g = run("gradcheck", "--load", f.toString());
        noRawControls(g);
        assertTrue(g.out().startsWith("evil\\u001b[2J\\u001b[H: "), g.out());

        Path save = dir.resolve("out" + CLEAR + ".json");
        Run s = run("train", "--load", f.toString(), "--iterations", "1", "--save", save.toString());
        noRawControls(s);
        assertTrue(s.out().contains("saved " + TerminalText.escape(save.toString())), s.out());
        Run e = run("export", "--preset", "xor", "--out", dir.resolve("x" + TITLE + ".json").toString());
        noRawControls(e);
        assertTrue(e.out().startsWith("wrote "), e.out());
    }

    @Test
    void errorMessagesQuotingAFileOrAnArgumentAreEscaped() throws Exception {
        ObjectNode f = (ObjectNode) new ObjectMapper().readTree(BackpropFile.initial(Presets.get("xor")).toJson());
        ((ObjectNode) f.get("layers").get(1)).put("activation", "sig" + CLEAR);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, f.toString());
        Run r = run("train", "--load", bad.toString());
        assertEquals(2, r.status());
        noRawControls(r);
        assertTrue(r.err().contains("sig\\u001b[2J\\u001b[H"), r.err());

        ObjectNode t = (ObjectNode) new ObjectMapper().readTree(BackpropFile.initial(Presets.get("xor")).toJson());
        ((ObjectNode) t.get("training")).put("learningRate", "1" + TITLE);
        Files.writeString(bad, t.toString());
        Run lr = run("gradcheck", "--load", bad.toString());
        assertEquals(2, lr.status());
        noRawControls(lr);
        assertTrue(lr.err().contains("training.learningRate: expected a finite number, found \"1\\u001b]0;owned\\u0007\""),
                lr.err());

        String[][] args = {
            {"train", "--preset", "x" + CLEAR},
            {"train", "--preset", "xor", "--learning-rate", "1" + CLEAR},
            {"train", "--preset", "xor", "--" + CLEAR},
            {"train", "--load", dir.resolve("absent" + CLEAR + ".json").toString()},
            {"frob" + TITLE},
        };
        for (String[] a : args) {
            Run x = run(a);
            assertEquals(2, x.status(), String.join(" ", a) + x.err());
            noRawControls(x);
            assertTrue(x.err().contains("\\u001b"), x.err());
        }
    }
}
