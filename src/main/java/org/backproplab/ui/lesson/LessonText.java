package org.backproplab.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;

/**
 * A step's text, a small Markdown a teacher types in a text editor: paragraphs separated by a blank line, list
 * items starting with {@code - }, {@code * } or {@code 1. }, {@code **strong**}, {@code *emphasis*} and
 * {@code `code`} (formulas in the app's notation, δ, ∂L/∂w, η, are plain text). Becomes the runs of a TextFlow,
 * each with a style class ({@code lesson-strong}, {@code lesson-em}, {@code lesson-code}); anything else is shown as
 * typed.
 */
final class LessonText {
    private LessonText() {
    }

    /** @return the runs of {@code markdown}, in order */
    static List<Text> runs(String markdown) {
        List<Text> out = new ArrayList<>();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        boolean blank = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isBlank()) {
                blank = !out.isEmpty();
                continue;
            }
            if (!out.isEmpty()) {
                out.add(new Text(blank ? "\n\n" : "\n"));
            }
            blank = false;
            String item = line.stripLeading();
            if (item.startsWith("- ") || item.startsWith("* ")) {
                out.add(new Text("  •  "));
                line = item.substring(2);
            } else if (item.matches("\\d{1,3}\\. .*")) {
                int dot = item.indexOf(". ");
                out.add(new Text("  " + item.substring(0, dot + 1) + "  "));
                line = item.substring(dot + 2);
            }
            inline(line, out);
        }
        return out;
    }

    /** @return the text as a screen reader reads it: the words without the Markdown marks */
    static String plain(String markdown) {
        StringBuilder b = new StringBuilder();
        for (Text t : runs(markdown)) {
            b.append(t.getText());
        }
        return b.toString().replace("  •  ", "• ");
    }

    private static void inline(String line, List<Text> out) {
        int i = 0;
        StringBuilder plain = new StringBuilder();
        while (i < line.length()) {
            String mark = line.startsWith("**", i) ? "**" : line.charAt(i) == '*' ? "*" : line.charAt(i) == '`' ? "`" : null;
            int end = mark == null ? -1 : line.indexOf(mark, i + mark.length());
            if (mark != null && end > i + mark.length()) {
                flush(plain, out);
                Text t = new Text(line.substring(i + mark.length(), end));
                t.getStyleClass().add(mark.equals("**") ? "lesson-strong" : mark.equals("*") ? "lesson-em" : "lesson-code");
                out.add(t);
                i = end + mark.length();
            } else {
                plain.append(line.charAt(i));
                i++;
            }
        }
        flush(plain, out);
    }

    private static void flush(StringBuilder plain, List<Text> out) {
        if (plain.length() > 0) {
            out.add(new Text(plain.toString()));
            plain.setLength(0);
        }
    }
}
